//! Statement dispatch and the simple statements: expression statements, `if`,
//! `return`, `del`, `raise`, `assert`, `pass`, `global`/`nonlocal` (which only
//! matter to the symbol table) and the unsupported `with`.

use super::{Compiler, Ctx};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::symtable::ScopeKind;
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{Expr, Stmt, StmtKind};

impl<'a> Compiler<'a> {
    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> CResult {
        if crate::eval_breaker::take(crate::eval_breaker::MEMORY_ERROR) {
            return Err(CompileError::out_of_memory(s.span));
        }
        self.set_loc(s.span);
        match &s.kind {
            StmtKind::FunctionDef(def) => self.function_def(s, def),
            StmtKind::ClassDef(class) => self.class_def(s, class),
            StmtKind::Return(value) => self.return_stmt(value.as_ref()),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t, Ctx::Del)),
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign { target, value, .. } => self.ann_assign(target, value.as_ref()),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    return self.error("async is not supported yet");
                }
                self.for_loop(target, iter, body, orelse)
            }
            StmtKind::While { test, body, orelse } => self.while_loop(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::With { is_async, .. } => {
                if *is_async {
                    self.error("async is not supported yet")
                } else {
                    self.error("'with' statements are not supported yet")
                }
            }
            StmtKind::Raise { exc, cause } => self.raise(exc.as_ref(), cause.as_ref()),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody),
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_ref()),
            StmtKind::Import(aliases) => self.import(aliases),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(value) => self.expr_stmt(value),
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
        }
    }

    fn expr_stmt(&mut self, value: &'a Expr) -> CResult {
        // A constant statement (a docstring in the middle, `...`) does nothing.
        if self.fold(value)?.is_some() {
            return Ok(());
        }
        self.expr(value)?;
        self.emit(Opcode::POP_TOP);
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.new_label();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.jump(end);
            self.place(next);
            self.stmts(orelse)?;
        }
        self.place(end);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>) -> CResult {
        if self.scope()?.kind != ScopeKind::Function {
            return self.error("'return' outside function");
        }
        let folded = match value {
            Some(v) => self.fold(v)?,
            None => Some(Constant::None),
        };
        let preserve_tos = folded.is_none();
        if let (true, Some(v)) = (preserve_tos, value) {
            self.expr(v)?;
        }
        let saved = self.save_blocks();
        self.unwind_fblock_stack(preserve_tos, false)?;
        if let Some(c) = folded {
            self.emit_const(c);
        }
        self.emit(Opcode::RETURN_VALUE);
        self.restore_blocks(saved);
        Ok(())
    }

    fn raise(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> CResult {
        let mut n = 0;
        if let Some(exc) = exc {
            self.expr(exc)?;
            n += 1;
            if let Some(cause) = cause {
                self.expr(cause)?;
                n += 1;
            }
        } else if cause.is_some() {
            return self.error("invalid syntax");
        }
        self.emit_arg(Opcode::RAISE_VARARGS, n);
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> CResult {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        match msg {
            Some(msg) => {
                self.emit(Opcode::PUSH_NULL);
                self.emit(Opcode::LOAD_ASSERTION_ERROR);
                self.expr(msg)?;
                self.emit_arg(Opcode::CALL, 1);
            }
            None => self.emit(Opcode::LOAD_ASSERTION_ERROR),
        }
        self.emit_arg(Opcode::RAISE_VARARGS, 1);
        self.place(end);
        Ok(())
    }
}
