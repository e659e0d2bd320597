//! `for` and `while` loops (the `else` clause runs when the loop ends without
//! `break`). `break` and `continue` are in [`unwind`](super::unwind).
//!
//! ```text
//! for:    iter; GET_ITER; start: FOR_ITER cleanup; <store target>; body;
//!         JUMP_BACKWARD start; cleanup: orelse; end:
//! while:  start: <jump to anchor if test is false>; body; JUMP_BACKWARD start;
//!         anchor: orelse; end:
//! ```

use super::unit::FBlock;
use super::{Compiler, Ctx};
use crate::bytecode::Opcode;
use crate::compiler::CResult;
use crate::syntax::ast::{Expr, Stmt};

impl<'a> Compiler<'a> {
    pub(crate) fn for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.iter_operand(iter)?;
        self.emit(Opcode::GET_ITER);
        self.place(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.target(target, Ctx::Store)?;
        self.stmts(body)?;
        self.jump(start);
        self.pop_fblock();
        self.place(cleanup);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    pub(crate) fn while_loop(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.place(start);
        self.push_fblock(FBlock::WhileLoop { start, exit: end })?;
        let warned = self.warnings.len();
        self.jump_if(test, anchor, false)?;
        let test_warnings = self.warnings[warned..].to_vec();
        self.stmts(body)?;
        // CPython 3.11 compiles the test again at the bottom of the loop, so its
        // SyntaxWarnings appear a second time, after the body's.
        self.warnings.extend(test_warnings);
        self.set_loc(s.span);
        self.jump(start);
        self.pop_fblock();
        self.place(anchor);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }
}
