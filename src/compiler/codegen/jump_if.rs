//! Conditions: compile an expression only for its truth value, jumping to a label
//! when it equals `cond` (CPython's `compiler_jump_if`). `not`, `and`/`or`,
//! conditional expressions and chained comparisons become jumps instead of values;
//! constant conditions become an unconditional jump or nothing.

use super::Compiler;
use super::expr::inverted_compare;
use super::fold::truthy;
use super::unit::Label;
use crate::bytecode::Opcode;
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{BoolOpKind, Expr, ExprKind, UnaryOpKind};

impl<'a> Compiler<'a> {
    /// Jump to `target` if `e` is true (`cond`) or false (`!cond`); fall through
    /// otherwise.
    ///
    /// Like CPython 3.11, a comparison leaves its own position as the current one
    /// (so a failing `assert a == b` points at `a == b`); other conditions keep the
    /// caller's position for their jumps.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        if matches!(e.kind, ExprKind::Compare { .. }) {
            self.set_loc(e.span);
        }
        self.jump_if_inner(e, target, cond)
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        if let Some(c) = self.fold(e)?
            && let Some(value) = truthy(&c)
        {
            if value == cond {
                self.jump(target);
            }
            return Ok(());
        }
        match &e.kind {
            // `not a in b` compiles as `a not in b`; see `unary_op`.
            ExprKind::UnaryOp {
                op: UnaryOpKind::Not,
                operand,
            } if inverted_compare(operand).is_none() => {
                return self.jump_if(operand, target, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let Some((last, rest)) = values.split_last() else {
                    return Err(CompileError::internal("empty boolean operation", self.span));
                };
                let cond2 = *op == BoolOpKind::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    target
                };
                for value in rest {
                    self.jump_if(value, next2, cond2)?;
                }
                self.jump_if(last, target, cond)?;
                if next2 != target {
                    self.place(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, target, cond)?;
                self.jump(end);
                self.place(next2);
                self.jump_if(orelse, target, cond)?;
                self.place(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && ops.len() == comparators.len() => {
                self.check_compare(e);
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit_arg(Opcode::SWAP, 2);
                    self.emit_arg(Opcode::COPY, 2);
                    self.cmp_op(ops[i]);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.comparator(&comparators[n], ops[n], true)?;
                self.cmp_op(ops[n]);
                let op = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(op, target);
                let end = self.new_label();
                self.jump(end);
                self.place(cleanup);
                self.emit(Opcode::POP_TOP);
                if !cond {
                    self.jump(target);
                }
                self.place(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(op, target);
        Ok(())
    }
}
