//! f-strings (CPython's `compiler_joined_str` and `compiler_formatted_value`).
//!
//! Each replacement field is `value; [spec]; FORMAT_VALUE flags` (flags & 3: none,
//! `!s`, `!r`, `!a`; flags & 4: a spec is on the stack); the pieces are joined with
//! `BUILD_STRING n`. A single piece needs no join. With more than
//! `STACK_USE_GUIDELINE` pieces, `''.join([...])` is called instead.

use super::{Compiler, STACK_USE_GUIDELINE};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::CResult;
use crate::syntax::ast::{Expr, ExprKind};

impl<'a> Compiler<'a> {
    pub(crate) fn joined_str(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::JoinedStr(values) = &e.kind else {
            return self.wrong_node(e);
        };
        if values.len() > STACK_USE_GUIDELINE {
            self.emit_const(Constant::Str(crate::text::TextBuf::new()));
            self.emit_name(Opcode::LOAD_METHOD, "join");
            self.emit_arg(Opcode::BUILD_LIST, 0);
            for value in values {
                self.expr(value)?;
                self.emit_arg(Opcode::LIST_APPEND, 1);
            }
            self.emit_arg(Opcode::CALL, 1);
            return Ok(());
        }
        for value in values {
            self.expr(value)?;
        }
        if values.len() != 1 {
            self.emit_arg(Opcode::BUILD_STRING, values.len() as u32);
        }
        Ok(())
    }

    pub(crate) fn formatted_value(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } = &e.kind
        else {
            return self.wrong_node(e);
        };
        self.expr(value)?;
        let mut flags = match conversion {
            None => 0,
            Some('s') => 1,
            Some('r') => 2,
            Some('a') => 3,
            Some(other) => {
                return self.error(format!(
                    "f-string: invalid conversion character '{other}': expected 's', 'r', or 'a'"
                ));
            }
        };
        if let Some(spec) = format_spec {
            self.expr(spec)?;
            flags |= 4;
        }
        self.emit_arg(Opcode::FORMAT_VALUE, flags);
        Ok(())
    }
}
