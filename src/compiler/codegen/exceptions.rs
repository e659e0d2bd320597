//! `try` statements with the exception table (CPython 3.11's shapes).
//!
//! ```text
//! try/except:   [H] body  · orelse · JUMP end
//!            H: [C] PUSH_EXC_INFO
//!               per clause: type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
//!                 as name: STORE name; [E] body; POP_EXCEPT; name = None; del name;
//!                          JUMP end;  E: [C] name = None; del name; RERAISE
//!                 no name: POP_TOP; body; POP_EXCEPT; JUMP end
//!               next: … RERAISE (nothing matched)
//!            C: COPY 3; POP_EXCEPT; RERAISE
//! try/finally:  [F] body · finalbody · JUMP exit
//!            F: [C] PUSH_EXC_INFO; finalbody; RERAISE
//!            C: COPY 3; POP_EXCEPT; RERAISE
//! ```
//! `[X]` marks the handler covering the following code. A handler's depth is the
//! statement's stack depth (plus one for `C` and `E`, which keep the previously handled
//! exception below); `C` and `E` push `lasti` as CPython's `SETUP_CLEANUP` does.

use super::unit::FBlock;
use super::{Compiler, Ctx};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::CResult;
use crate::syntax::ast::{ExceptHandler, Stmt};

impl<'a> Compiler<'a> {
    pub(crate) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        if finalbody.is_empty() {
            if handlers.is_empty() {
                self.stmts(body)?;
                return self.stmts(orelse);
            }
            return self.try_except(body, handlers, orelse);
        }
        self.try_finally(body, handlers, orelse, finalbody)
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let handler = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();

        // The protected body.
        self.unit.push_handler(handler, 0, false);
        self.push_fblock(FBlock::FinallyTry { body: finalbody })?;
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.unit.pop_handler();
        // Normal exit: run the finally body inline.
        self.stmts(finalbody)?;
        self.jump(exit);

        // Exceptional exit: the exception is on the stack.
        self.place(handler);
        self.unit.push_handler(cleanup, 1, true);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE);
        self.unit.pop_handler();

        self.place(cleanup);
        self.pop_except_and_reraise();
        self.place(exit);
        Ok(())
    }

    /// `COPY 3; POP_EXCEPT; RERAISE`: restore the previously handled exception and
    /// re-raise (the stack holds prev, lasti, exc).
    fn pop_except_and_reraise(&mut self) {
        self.emit_arg(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT);
        self.emit(Opcode::RERAISE);
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();

        self.unit.push_handler(except, 0, false);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.unit.pop_handler();
        self.stmts(orelse)?;
        self.jump(end);

        self.place(except);
        self.unit.push_handler(cleanup, 1, true);
        let cleanup_handler = self.unit.handlers.last().copied();
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::ExceptionHandler)?;
        let n = handlers.len();
        for (i, handler) in handlers.iter().enumerate() {
            self.set_loc(handler.span);
            if handler.typ.is_none() && i + 1 < n {
                return self.error("default 'except:' must be last");
            }
            let next = self.new_label();
            if let Some(typ) = &handler.typ {
                self.expr(typ)?;
                self.emit(Opcode::CHECK_EXC_MATCH);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
            }
            match &handler.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.name_op(name, Ctx::Store)?;
                    self.unit.push_handler(cleanup_end, 0, true);
                    self.push_fblock(FBlock::HandlerCleanup { name: Some(name) })?;
                    self.stmts(&handler.body)?;
                    self.pop_fblock();
                    self.unit.pop_handler();
                    self.unit.pop_handler();
                    self.emit(Opcode::POP_EXCEPT);
                    self.clear_name(name)?;
                    self.jump(end);

                    // An exception in the clause body: clear the name, re-raise.
                    self.unit.handlers.extend(cleanup_handler);
                    self.place(cleanup_end);
                    self.clear_name(name)?;
                    self.emit(Opcode::RERAISE);
                }
                None => {
                    self.emit(Opcode::POP_TOP);
                    self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                    self.stmts(&handler.body)?;
                    self.pop_fblock();
                    self.unit.pop_handler();
                    self.emit(Opcode::POP_EXCEPT);
                    self.jump(end);
                    self.unit.handlers.extend(cleanup_handler);
                }
            }
            self.place(next);
        }
        // No clause matched.
        self.pop_fblock();
        self.emit(Opcode::RERAISE);
        self.unit.pop_handler();

        self.place(cleanup);
        self.pop_except_and_reraise();
        self.place(end);
        Ok(())
    }

    /// `name = None; del name`.
    fn clear_name(&mut self, name: &str) -> CResult {
        self.emit_const(Constant::None);
        self.name_op(name, Ctx::Store)?;
        self.name_op(name, Ctx::Del)
    }
}
