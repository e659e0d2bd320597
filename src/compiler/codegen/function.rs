//! Function definitions and lambdas: decorators, default values, the body's code
//! object and the closure (CPython's `compiler_function` and `compiler_lambda`).
//!
//! ```text
//! @d def f(a=1, *, k=2): …
//!     PUSH_NULL; d; LOAD_CONST (1,); LOAD_CONST 2; LOAD_CONST ('k',);
//!     BUILD_CONST_KEY_MAP 1; [LOAD_CLOSURE…; BUILD_TUPLE n]; LOAD_CONST <code f>;
//!     MAKE_FUNCTION 0x01|0x02[|0x08]; CALL 1; STORE f
//! ```
//! Annotations are never evaluated. A function's `co_consts[0]` is its docstring or
//! `None`.

use super::unit::UnitKind;
use super::{Compiler, Ctx, docstring};
use crate::bytecode::{CodeObject, Constant, Opcode};
use crate::compiler::symtable::node_key;
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{Arguments, Expr, ExprKind, FunctionDef, Stmt};

impl<'a> Compiler<'a> {
    pub(crate) fn function_def(&mut self, s: &'a Stmt, def: &'a FunctionDef) -> CResult {
        if def.is_async {
            return self.error("async is not supported yet");
        }
        self.check_debug_args(&def.args)?;
        self.decorators(&def.decorators)?;
        let first_line = match def.decorators.first() {
            Some(d) => self.pos(d.span).line,
            None => self.pos(s.span).line,
        };
        self.set_loc(s.span);
        let flags = self.default_arguments(&def.args)?;

        self.enter_scope(UnitKind::Function, &def.name, node_key(def), first_line)?;
        let doc = docstring(&def.body).filter(|_| self.optimize < 2);
        self.unit.add_const(match doc {
            Some(d) => Constant::Str(d.to_owned()),
            None => Constant::None,
        });
        self.set_arg_counts(&def.args);
        let body = if doc.is_some() {
            &def.body[1..]
        } else {
            &def.body[..]
        };
        self.stmts(body)?;
        self.emit_const(Constant::None);
        self.emit(Opcode::RETURN_VALUE);
        let code = self.exit_scope()?;

        self.set_loc(s.span);
        self.make_closure(code, flags)?;
        self.apply_decorators(&def.decorators);
        self.name_op(&def.name, Ctx::Store)
    }

    pub(crate) fn lambda(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Lambda { args, .. } = &e.kind else {
            return self.wrong_node(e);
        };
        self.check_debug_args(args)?;
        let flags = self.default_arguments(args)?;
        let code = self.lambda_code(e)?;
        self.make_closure(code, flags)
    }

    fn lambda_code(&mut self, e: &'a Expr) -> CResult<Box<CodeObject>> {
        let ExprKind::Lambda { args, body } = &e.kind else {
            return self.wrong_node(e);
        };
        let line = self.pos(e.span).line;
        self.enter_scope(UnitKind::Lambda, "<lambda>", node_key(e), line)?;
        // None first, so that a lambda never has a docstring.
        self.unit.add_const(Constant::None);
        self.set_arg_counts(args);
        self.expr(body)?;
        self.emit(Opcode::RETURN_VALUE);
        self.exit_scope()
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        self.unit.posonlyargcount = args.posonlyargs.len() as u32;
        self.unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        self.unit.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    /// `PUSH_NULL; decorator` for each decorator, outermost first.
    pub(crate) fn decorators(&mut self, decorators: &'a [Expr]) -> CResult {
        for d in decorators {
            let old = self.set_loc(d.span);
            self.emit(Opcode::PUSH_NULL);
            self.restore_loc(old);
            self.expr(d)?;
        }
        Ok(())
    }

    /// Call each decorator on the object on top of the stack, innermost first.
    pub(crate) fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            let old = self.set_loc(d.span);
            self.emit_arg(Opcode::CALL, 1);
            self.restore_loc(old);
        }
    }

    /// Push the defaults tuple and the keyword-only defaults dict; returns the
    /// `MAKE_FUNCTION` flags for them.
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            match self.fold_all(&args.defaults)? {
                Some(values) => self.emit_const(Constant::Tuple(values)),
                None => {
                    for d in &args.defaults {
                        self.expr(d)?;
                    }
                    self.emit_arg(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
                }
            }
            flags |= 0x01;
        }
        if args.kw_defaults.len() > args.kwonlyargs.len() {
            return Err(CompileError::internal(
                "too many keyword defaults",
                self.span,
            ));
        }
        let mut names = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(default) = default {
                let mangled =
                    crate::compiler::symtable::mangle(self.unit.private.as_deref(), &arg.name);
                names.push(Constant::Str(mangled.into()));
                self.expr(default)?;
            }
        }
        if !names.is_empty() {
            let n = names.len() as u32;
            self.emit_const(Constant::Tuple(names));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// A parameter may not be called `__debug__`.
    fn check_debug_args(&self, args: &Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwarg);
        for arg in all {
            if arg.name == "__debug__" {
                return self.error("cannot assign to __debug__");
            }
        }
        Ok(())
    }
}
