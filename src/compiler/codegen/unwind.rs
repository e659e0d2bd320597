//! Leaving blocks early: `return`, `break` and `continue` run the exits of every
//! enclosing block they leave (CPython's `compiler_unwind_fblock_stack`): pop `for`
//! iterators, end exception handling (`POP_EXCEPT`, clearing `except … as name`),
//! drop handler regions, and emit an inline copy of each `finally` body. While a
//! block's exit is emitted, that block and the ones inside it are off the block
//! stack, so a `finally` body compiles against the blocks around it; the stacks are
//! restored once the jump or return is emitted.

use super::unit::{FBlock, Handler};
use super::{Compiler, Ctx};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::{CResult, CompileError};

/// Nested loop and `try` blocks allowed in one code object (CPython's `CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 20;

/// The block and handler stacks saved across an early exit.
pub(crate) struct SavedBlocks<'a> {
    fblocks: Vec<FBlock<'a>>,
    handlers: Vec<Handler>,
}

impl<'a> Compiler<'a> {
    /// Enter a loop or `try` construct. CPython allows 20 nested ones per code
    /// object (`CO_MAXBLOCKS`).
    pub(crate) fn push_fblock(&mut self, block: FBlock<'a>) -> CResult {
        if self.unit.fblocks.len() >= MAX_BLOCKS {
            return self.error("too many statically nested blocks");
        }
        self.unit.fblocks.push(block);
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit.fblocks.pop();
    }

    pub(crate) fn save_blocks(&self) -> SavedBlocks<'a> {
        SavedBlocks {
            fblocks: self.unit.fblocks.clone(),
            handlers: self.unit.handlers.clone(),
        }
    }

    pub(crate) fn restore_blocks(&mut self, saved: SavedBlocks<'a>) {
        self.unit.fblocks = saved.fblocks;
        self.unit.handlers = saved.handlers;
    }

    /// Emit the exits of the enclosing blocks, innermost first. With `to_loop`, stop
    /// at the innermost loop and return it (still on the stack). `preserve_tos` keeps
    /// the value on top of the stack (a return value) above everything popped.
    pub(crate) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        while let Some(&top) = self.unit.fblocks.last() {
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                return Ok(Some(top));
            }
            self.unit.fblocks.pop();
            self.unwind_fblock(top, preserve_tos)?;
        }
        Ok(None)
    }

    /// The exit of one block.
    pub(crate) fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> CResult {
        match block {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
            FBlock::TryExcept => self.unit.pop_handler(),
            FBlock::FinallyTry { body } => {
                self.unit.pop_handler();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.unit.pop_handler();
                self.emit(Opcode::POP_EXCEPT);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.unit.pop_handler();
                }
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.unit.pop_handler();
                self.emit(Opcode::POP_EXCEPT);
                if let Some(name) = name {
                    self.emit_const(Constant::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                }
            }
        }
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self) -> CResult {
        let saved = self.save_blocks();
        let result = self.break_inner();
        self.restore_blocks(saved);
        result
    }

    fn break_inner(&mut self) -> CResult {
        let span = self.span;
        let block = self.unwind_fblock_stack(false, true)?;
        let Some(block @ (FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. })) = block
        else {
            return Err(CompileError::new("'break' outside loop", span));
        };
        self.unwind_fblock(block, false)?;
        self.jump(exit);
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self) -> CResult {
        let saved = self.save_blocks();
        let result = self.continue_inner();
        self.restore_blocks(saved);
        result
    }

    fn continue_inner(&mut self) -> CResult {
        let span = self.span;
        match self.unwind_fblock_stack(false, true)? {
            Some(FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. }) => {
                self.jump(start);
                Ok(())
            }
            _ => Err(CompileError::new("'continue' not properly in loop", span)),
        }
    }
}
