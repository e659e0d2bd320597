//! Class definitions (CPython's `compiler_class`).
//!
//! ```text
//! [PUSH_NULL; decorator]…; PUSH_NULL; LOAD_BUILD_CLASS; [closure]; LOAD_CONST <body>;
//! MAKE_FUNCTION; LOAD_CONST 'Name'; bases…; keywords…; [KW_NAMES]; CALL 2+n;
//! [CALL 1]…; STORE Name
//! ```
//! The body code sets `__module__` and `__qualname__`, runs the class body, and
//! returns the `__class__` cell (also stored as `__classcell__`) when a method uses
//! `super()` or `__class__`, else `None`.

use super::unit::UnitKind;
use super::{Compiler, Ctx};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::symtable::node_key;
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{ClassDef, Stmt};

impl<'a> Compiler<'a> {
    pub(crate) fn class_def(&mut self, s: &'a Stmt, class: &'a ClassDef) -> CResult {
        self.decorators(&class.decorators)?;
        let first_line = match class.decorators.first() {
            Some(d) => self.pos(d.span).line,
            None => self.pos(s.span).line,
        };
        self.set_loc(s.span);

        self.enter_scope(UnitKind::Class, &class.name, node_key(class), first_line)?;
        self.name_op("__name__", Ctx::Load)?;
        self.name_op("__module__", Ctx::Store)?;
        let qualname = self.unit.qualname.clone();
        self.emit_const(Constant::Str(qualname.into()));
        self.name_op("__qualname__", Ctx::Store)?;
        self.body(&class.body)?;
        if self.scope()?.needs_class_closure {
            let Some(i) = self.unit.cellvars.iter().position(|n| n == "__class__") else {
                return Err(CompileError::internal("missing __class__ cell", self.span));
            };
            self.unit
                .emit(Opcode::LOAD_CLOSURE, super::unit::Oparg::Cell(i as u32));
            self.emit_arg(Opcode::COPY, 1);
            self.name_op("__classcell__", Ctx::Store)?;
        } else {
            self.emit_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_scope()?;

        self.set_loc(s.span);
        self.emit(Opcode::PUSH_NULL);
        self.emit(Opcode::LOAD_BUILD_CLASS);
        self.make_closure(code, 0)?;
        self.emit_const(Constant::Str(class.name.as_str().into()));
        self.call_helper(2, &class.bases, &class.keywords)?;
        self.apply_decorators(&class.decorators);
        self.name_op(&class.name, Ctx::Store)
    }
}
