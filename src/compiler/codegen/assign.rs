//! Assignment: `=` with one or more targets, augmented assignment, annotated
//! assignment, `del`, and the targets themselves (names, attributes, subscripts,
//! and tuple/list unpacking with at most one starred target).

use super::{Compiler, Ctx};
use crate::bytecode::{BINOP_INPLACE, Opcode};
use crate::compiler::CResult;
use crate::syntax::ast::{BinOpKind, Expr, ExprKind, Stmt};

impl<'a> Compiler<'a> {
    pub(crate) fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> CResult {
        if let [target] = targets
            && self.swap_assign(target, value)?
        {
            return Ok(());
        }
        self.expr(value)?;
        for (i, target) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit_arg(Opcode::COPY, 1);
            }
            self.target(target, Ctx::Store)?;
        }
        Ok(())
    }

    /// `a, b = b, a` (2 or 3 items, no starred items) swaps on the stack instead of
    /// building and unpacking a tuple, as CPython's optimizer does.
    fn swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> CResult<bool> {
        let (ExprKind::Tuple(targets) | ExprKind::List(targets)) = &target.kind else {
            return Ok(false);
        };
        let (ExprKind::Tuple(values) | ExprKind::List(values)) = &value.kind else {
            return Ok(false);
        };
        let starred = |xs: &[Expr]| xs.iter().any(|x| matches!(x.kind, ExprKind::Starred(_)));
        let n = targets.len();
        if n != values.len() || !(2..=3).contains(&n) || starred(targets) || starred(values) {
            return Ok(false);
        }
        if self.fold(value)?.is_some() {
            return Ok(false);
        }
        for v in values {
            self.expr(v)?;
        }
        let old = self.set_loc(value.span);
        self.emit_arg(Opcode::SWAP, n as u32);
        self.restore_loc(old);
        let old = self.set_loc(target.span);
        for t in targets {
            self.target(t, Ctx::Store)?;
        }
        self.restore_loc(old);
        Ok(true)
    }

    /// Store into or delete a target; for a store the value is on the stack.
    pub(crate) fn target(&mut self, t: &'a Expr, ctx: Ctx) -> CResult {
        let old = self.set_loc(t.span);
        let result = self.target_inner(t, ctx);
        self.restore_loc(old);
        result
    }

    fn target_inner(&mut self, t: &'a Expr, ctx: Ctx) -> CResult {
        match &t.kind {
            ExprKind::Name(name) => self.name_op(name, ctx),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let op = if ctx == Ctx::Del {
                    Opcode::DELETE_ATTR
                } else {
                    Opcode::STORE_ATTR
                };
                self.emit_name(op, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(if ctx == Ctx::Del {
                    Opcode::DELETE_SUBSCR
                } else {
                    Opcode::STORE_SUBSCR
                });
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                if ctx == Ctx::Del {
                    return elts.iter().try_for_each(|e| self.target(e, Ctx::Del));
                }
                self.unpack(elts)?;
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.target(inner, Ctx::Store)?,
                        _ => self.target(e, Ctx::Store)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) if ctx == Ctx::Store => {
                self.error("starred assignment target must be in a list or tuple")
            }
            _ => {
                let what = describe_target(t);
                if ctx == Ctx::Del {
                    self.error(format!("cannot delete {what}"))
                } else {
                    self.error(format!("cannot assign to {what}"))
                }
            }
        }
    }

    /// `UNPACK_SEQUENCE n` or, with a starred target, `UNPACK_EX`.
    fn unpack(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred(_)) {
                if seen_star {
                    return self.error("multiple starred expressions in assignment");
                }
                let after = n - i - 1;
                if i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                    return self.error("too many expressions in star-unpacking assignment");
                }
                self.emit_arg(Opcode::UNPACK_EX, (i | (after << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    /// `target op= value`, evaluating the target's object (and key) once.
    pub(crate) fn aug_assign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        op: BinOpKind,
        value: &'a Expr,
    ) -> CResult {
        let old = self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit_arg(Opcode::COPY, 1);
                self.emit_name(Opcode::LOAD_ATTR, attr);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit_arg(Opcode::COPY, 2);
                self.emit_arg(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR);
            }
            ExprKind::Name(name) => self.name_op(name, Ctx::Load)?,
            _ => {
                let what = describe_target(target);
                return self.error(format!(
                    "'{what}' is an illegal expression for augmented assignment"
                ));
            }
        }
        self.restore_loc(old);
        self.expr(value)?;
        self.set_loc(s.span);
        self.emit_arg(Opcode::BINARY_OP, op as u32 + BINOP_INPLACE);
        let old = self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.emit_arg(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit_arg(Opcode::SWAP, 3);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR);
            }
            ExprKind::Name(name) => self.name_op(name, Ctx::Store)?,
            _ => {}
        }
        self.restore_loc(old);
        Ok(())
    }

    /// `target: annotation [= value]`. The annotation is never evaluated; without a
    /// value, an attribute or subscript target's object (and key) still is.
    pub(crate) fn ann_assign(&mut self, target: &'a Expr, value: Option<&'a Expr>) -> CResult {
        if let Some(value) = value {
            self.expr(value)?;
            return self.target(target, Ctx::Store);
        }
        match &target.kind {
            ExprKind::Name(_) => {}
            ExprKind::Attribute { value, .. } => {
                self.expr(value)?;
                self.emit(Opcode::POP_TOP);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.emit(Opcode::POP_TOP);
                self.expr(slice)?;
                self.emit(Opcode::POP_TOP);
            }
            _ => {
                let what = describe_target(target);
                return self.error(format!("only single target (not {what}) can be annotated"));
            }
        }
        Ok(())
    }
}

/// CPython's name for an expression that cannot be a target.
fn describe_target(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
}
