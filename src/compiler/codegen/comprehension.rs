//! List, set and dict comprehensions: each is a nested function taking the iterator
//! of its outermost iterable as the parameter `.0` (CPython 3.11's
//! `compiler_comprehension`).
//!
//! ```text
//! enclosing:  PUSH_NULL; [closure]; LOAD_CONST <listcomp>; MAKE_FUNCTION;
//!             outermost iterable; GET_ITER; CALL 1
//! <listcomp>: BUILD_LIST 0; LOAD_FAST .0; start: FOR_ITER end; <store target>;
//!             <ifs: POP_JUMP_IF_FALSE start>; elt; LIST_APPEND depth+1;
//!             JUMP_BACKWARD start; end: RETURN_VALUE
//! ```
//! `depth` counts the iterators on the stack above the collection. An inner
//! `for y in [expr]` (one item) binds without a loop, as in CPython.

use super::unit::UnitKind;
use super::{Compiler, Ctx};
use crate::bytecode::Opcode;
use crate::compiler::symtable::{CompKind, node_key};
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{Comprehension, Expr, ExprKind};

impl<'a> Compiler<'a> {
    pub(crate) fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, generators, elt, value) = match &e.kind {
            ExprKind::ListComp { elt, generators } => (CompKind::List, generators, elt, None),
            ExprKind::SetComp { elt, generators } => (CompKind::Set, generators, elt, None),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (CompKind::Dict, generators, key, Some(&**value)),
            _ => return Err(CompileError::internal("not a comprehension", e.span)),
        };
        let Some(outermost) = generators.first() else {
            return self.error("comprehension without a 'for' clause");
        };
        if generators.iter().any(|g| g.is_async) {
            return self.error("async is not supported yet");
        }
        let line = self.pos(e.span).line;
        self.enter_scope(UnitKind::Comprehension, kind.code_name(), node_key(e), line)?;
        self.set_loc(e.span);
        let build = match kind {
            CompKind::List => Opcode::BUILD_LIST,
            CompKind::Set => Opcode::BUILD_SET,
            _ => Opcode::BUILD_MAP,
        };
        self.emit_arg(build, 0);
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        self.set_loc(e.span);
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_scope()?;

        self.emit(Opcode::PUSH_NULL);
        self.make_closure(code, 0)?;
        self.iter_operand(&outermost.iter)?;
        self.emit(Opcode::GET_ITER);
        self.emit_arg(Opcode::CALL, 1);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let Some(generator) = generators.get(index) else {
            return Err(CompileError::internal("missing generator", self.span));
        };
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.unit.argcount = 1;
            self.name_op(".0", Ctx::Load)?;
        } else {
            // `for y in [f(x)]` just binds y.
            if let ExprKind::List(elts) | ExprKind::Tuple(elts) = &generator.iter.kind
                && let [single] = elts.as_slice()
                && !matches!(single.kind, ExprKind::Starred(_))
            {
                self.expr(single)?;
                start = None;
            }
            if start.is_some() {
                self.iter_operand(&generator.iter)?;
                self.emit(Opcode::GET_ITER);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.place(start);
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.target(&generator.target, Ctx::Store)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            match (kind, value) {
                (CompKind::Dict, Some(value)) => {
                    self.expr(elt)?;
                    self.expr(value)?;
                    self.emit_arg(Opcode::MAP_ADD, depth + 1);
                }
                (CompKind::Set, _) => {
                    self.expr(elt)?;
                    self.emit_arg(Opcode::SET_ADD, depth + 1);
                }
                _ => {
                    self.expr(elt)?;
                    self.emit_arg(Opcode::LIST_APPEND, depth + 1);
                }
            }
        }
        self.place(if_cleanup);
        if let Some(start) = start {
            self.jump(start);
            self.place(anchor);
        }
        Ok(())
    }
}
