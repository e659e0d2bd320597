//! Calls (CPython's `compiler_call`, `maybe_optimize_method_call` and
//! `compiler_call_helper`).
//!
//! ```text
//! f(a, k=v)       PUSH_NULL; f; a; v; KW_NAMES ('k',); CALL 2
//! o.m(a)          o; LOAD_METHOD m; a; CALL 1
//! f(*xs, **kw)    PUSH_NULL; f; xs; BUILD_MAP 0; kw; DICT_MERGE 1; CALL_FUNCTION_EX 1
//! f(a, *xs)       PUSH_NULL; f; a; BUILD_LIST 1; xs; LIST_EXTEND 1; LIST_TO_TUPLE;
//!                 CALL_FUNCTION_EX 0
//! ```
//! A lone `*xs` is passed as is; `CALL_FUNCTION_EX` makes it a tuple (and words the
//! error for a non-iterable after the callee, as CPython does).

use super::expr::TUPLE;
use super::{Compiler, STACK_USE_GUIDELINE};
use crate::bytecode::{Constant, Opcode};
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{Expr, ExprKind, Keyword};

impl<'a> Compiler<'a> {
    pub(crate) fn call(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        else {
            return self.wrong_node(e);
        };
        if self.method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.emit(Opcode::PUSH_NULL);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `obj.meth(args)` without `*`/`**` arguments uses `LOAD_METHOD`.
    fn method_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute { value, attr } = &func.kind else {
            return Ok(false);
        };
        let nkw = keywords.len();
        if args.len() + nkw + usize::from(nkw != 0) >= STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.validate_keywords(keywords)?;
        self.expr(value)?;
        let old = self.set_loc(func.span);
        self.emit_name(Opcode::LOAD_METHOD, attr);
        self.restore_loc(old);
        for arg in args {
            self.expr(arg)?;
        }
        self.keyword_values(keywords)?;
        let old = self.set_loc(e.span);
        self.kw_names(keywords);
        self.emit_arg(Opcode::CALL, (args.len() + nkw) as u32);
        self.restore_loc(old);
        Ok(true)
    }

    /// `keyword argument repeated` and assignments to `__debug__`.
    fn validate_keywords(&mut self, keywords: &'a [Keyword]) -> CResult {
        for (i, kw) in keywords.iter().enumerate() {
            let Some(name) = &kw.arg else { continue };
            if name == "__debug__" {
                return self.error("cannot assign to __debug__");
            }
            if let Some(other) = keywords[i + 1..]
                .iter()
                .find(|o| o.arg.as_deref() == Some(name))
            {
                return Err(CompileError::new(
                    format!("keyword argument repeated: {name}"),
                    other.span,
                ));
            }
        }
        Ok(())
    }

    fn keyword_values(&mut self, keywords: &'a [Keyword]) -> CResult {
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    /// `KW_NAMES` with the tuple of keyword names, if there are keywords.
    fn kw_names(&mut self, keywords: &[Keyword]) {
        if keywords.is_empty() {
            return;
        }
        let names = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.clone().unwrap_or_default().into()))
            .collect();
        let i = self.unit.add_const(Constant::Tuple(names));
        self.emit_arg(Opcode::KW_NAMES, i);
    }

    /// The arguments and the call; `pushed` positional arguments are already on the
    /// stack (the class body function and name for a class definition).
    pub(crate) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nargs = args.len();
        let nkw = keywords.len();
        let simple = nargs + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            self.simple_call_args(pushed, args, keywords)
        } else {
            self.ex_call_args(pushed, args, keywords)
        }
    }

    /// Arguments pushed one by one, then `[KW_NAMES] CALL n`.
    fn simple_call_args(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let call_span = self.span;
        for arg in args {
            self.expr(arg)?;
        }
        self.keyword_values(keywords)?;
        self.kw_names(keywords);
        let old = self.set_loc(call_span);
        self.emit_arg(Opcode::CALL, pushed + (args.len() + keywords.len()) as u32);
        self.restore_loc(old);
        Ok(())
    }

    /// A positional tuple and a keyword dict, then `CALL_FUNCTION_EX`.
    fn ex_call_args(&mut self, pushed: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        let call_span = self.span;
        let nkw = keywords.len();
        // Positional arguments as one tuple.
        if pushed == 0 && args.is_empty() {
            self.emit_const(Constant::Tuple(Vec::new()));
        } else if let ([arg], 0) = (args, pushed)
            && let ExprKind::Starred(inner) = &arg.kind
        {
            self.expr(inner)?;
        } else {
            self.starunpack(args, pushed, TUPLE)?;
        }
        // Keyword arguments as one dict.
        if nkw > 0 {
            let mut have_dict = false;
            let mut seen = 0usize;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i])?;
                        if have_dict {
                            self.emit_arg(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&kw.value)?;
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[nkw - seen..])?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                }
            }
        }
        let old = self.set_loc(call_span);
        self.emit_arg(Opcode::CALL_FUNCTION_EX, u32::from(nkw > 0));
        self.restore_loc(old);
        Ok(())
    }

    /// A dict of plain `name=value` keywords (CPython's `compiler_subkwargs`).
    fn subkwargs(&mut self, keywords: &'a [Keyword]) -> CResult {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for kw in keywords {
                self.expr(&kw.value)?;
            }
            let names = keywords
                .iter()
                .map(|k| Constant::Str(k.arg.clone().unwrap_or_default().into()))
                .collect();
            self.emit_const(Constant::Tuple(names));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        for kw in keywords {
            self.emit_const(Constant::Str(kw.arg.clone().unwrap_or_default().into()));
            self.expr(&kw.value)?;
            if big {
                self.emit_arg(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
