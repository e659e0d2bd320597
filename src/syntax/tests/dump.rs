//! A compact, CPython-comparable rendering of the AST for tests.
//!
//! Renders nodes the way `/tmp`-style `ast.dump` scripts render CPython's AST (node
//! names and fields in CPython's order, no `ctx`), optionally with positions as
//! `@line:col-line:col` (byte columns, as CPython's `col_offset`), so expected values
//! can be produced by running the same rendering over Python's own `ast` module.

use crate::diagnostics::Span;
use crate::syntax::ast::*;

pub struct Dump<'a> {
    pub src: &'a str,
    pub positions: bool,
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

impl Dump<'_> {
    fn pos(&self, s: Span) -> String {
        if !self.positions {
            return String::new();
        }
        let at = |o: u32| {
            let o = (o as usize).min(self.src.len());
            let before = &self.src.as_bytes()[..o];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            format!("{}:{}", line, o - start)
        };
        format!("@{}-{}", at(s.start), at(s.end))
    }

    fn s(&self, s: &str) -> String {
        self.code_points(s.chars().map(u32::from))
    }

    fn code_points(&self, cps: impl Iterator<Item = u32>) -> String {
        let mut o = String::from("'");
        for c in cps {
            match char::from_u32(c) {
                Some(ch) if (' '..='~').contains(&ch) && ch != '\\' && ch != '\'' => o.push(ch),
                Some(_) | None => o += &format!("\\u{{{c:x}}}"),
            }
        }
        o.push('\'');
        o
    }

    fn constant(&self, c: &Constant) -> String {
        match c {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => format!("f{:016x}", f.to_bits()),
            Constant::Imaginary(f) => format!("j{:016x}", f.to_bits()),
            Constant::Str(s) => self.code_points(s.code_points()),
            Constant::Bytes(b) => format!(
                "b{}",
                b.iter().map(|x| format!("{x:02x}")).collect::<String>()
            ),
            Constant::Ellipsis => "Ellipsis".into(),
        }
    }

    fn exprs(&self, v: &[Expr]) -> String {
        format!("[{}]", join(v, |e| self.expr(e)))
    }

    fn opt(&self, e: Option<&Expr>) -> String {
        e.map_or("None".into(), |e| self.expr(e))
    }

    fn comps(&self, c: &[Comprehension]) -> String {
        format!(
            "[{}]",
            join(c, |c| format!(
                "comprehension({}, {}, {}, {})",
                self.expr(&c.target),
                self.expr(&c.iter),
                self.exprs(&c.ifs),
                c.is_async as i32
            ))
        )
    }

    fn keyword(&self, k: &Keyword) -> String {
        format!(
            "keyword({}, {}){}",
            k.arg.as_deref().map_or("None".into(), |a| self.s(a)),
            self.expr(&k.value),
            self.pos(k.span)
        )
    }

    pub fn expr(&self, e: &Expr) -> String {
        let body = match &e.kind {
            ExprKind::BoolOp { op, values } => format!("BoolOp({op:?}, {})", self.exprs(values)),
            ExprKind::NamedExpr { target, value } => {
                format!("NamedExpr({}, {})", self.expr(target), self.expr(value))
            }
            ExprKind::BinOp { left, op, right } => {
                format!("BinOp({}, {op:?}, {})", self.expr(left), self.expr(right))
            }
            ExprKind::UnaryOp { op, operand } => format!("UnaryOp({op:?}, {})", self.expr(operand)),
            ExprKind::Lambda { args, body } => {
                format!("Lambda({}, {})", self.arguments(args), self.expr(body))
            }
            ExprKind::IfExp { test, body, orelse } => format!(
                "IfExp({}, {}, {})",
                self.expr(test),
                self.expr(body),
                self.expr(orelse)
            ),
            ExprKind::Dict { keys, values } => format!(
                "Dict([{}], {})",
                join(keys, |k| self.opt(k.as_ref())),
                self.exprs(values)
            ),
            ExprKind::Set(v) => format!("Set({})", self.exprs(v)),
            ExprKind::ListComp { elt, generators } => {
                format!("ListComp({}, {})", self.expr(elt), self.comps(generators))
            }
            ExprKind::SetComp { elt, generators } => {
                format!("SetComp({}, {})", self.expr(elt), self.comps(generators))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => format!(
                "DictComp({}, {}, {})",
                self.expr(key),
                self.expr(value),
                self.comps(generators)
            ),
            ExprKind::GeneratorExp { elt, generators } => {
                format!(
                    "GeneratorExp({}, {})",
                    self.expr(elt),
                    self.comps(generators)
                )
            }
            ExprKind::Await(v) => format!("Await({})", self.expr(v)),
            ExprKind::Yield(v) => format!("Yield({})", self.opt(v.as_deref())),
            ExprKind::YieldFrom(v) => format!("YieldFrom({})", self.expr(v)),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => format!(
                "Compare({}, [{}], {})",
                self.expr(left),
                join(ops, |o| format!("{o:?}")),
                self.exprs(comparators)
            ),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => format!(
                "Call({}, {}, [{}])",
                self.expr(func),
                self.exprs(args),
                join(keywords, |k| self.keyword(k))
            ),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => format!(
                "FormattedValue({}, {}, {})",
                self.expr(value),
                conversion.map_or(-1, |c| c as i32),
                self.opt(format_spec.as_deref())
            ),
            ExprKind::JoinedStr(v) => format!("JoinedStr({})", self.exprs(v)),
            ExprKind::Constant(c) => format!("Constant({})", self.constant(c)),
            ExprKind::Attribute { value, attr } => {
                format!("Attribute({}, {})", self.expr(value), self.s(attr))
            }
            ExprKind::Subscript { value, slice } => {
                format!("Subscript({}, {})", self.expr(value), self.expr(slice))
            }
            ExprKind::Starred(v) => format!("Starred({})", self.expr(v)),
            ExprKind::Name(n) => format!("Name({})", self.s(n)),
            ExprKind::List(v) => format!("List({})", self.exprs(v)),
            ExprKind::Tuple(v) => format!("Tuple({})", self.exprs(v)),
            ExprKind::Slice { lower, upper, step } => format!(
                "Slice({}, {}, {})",
                self.opt(lower.as_deref()),
                self.opt(upper.as_deref()),
                self.opt(step.as_deref())
            ),
        };
        format!("{body}{}", self.pos(e.span))
    }

    fn arg(&self, a: &Arg) -> String {
        format!(
            "arg({}, {}){}",
            self.s(&a.name),
            self.opt(a.annotation.as_ref()),
            self.pos(a.span)
        )
    }

    fn opt_arg(&self, a: Option<&Arg>) -> String {
        a.map_or("None".into(), |a| self.arg(a))
    }

    fn arguments(&self, a: &Arguments) -> String {
        format!(
            "arguments([{}], [{}], {}, [{}], [{}], {}, {})",
            join(&a.posonlyargs, |x| self.arg(x)),
            join(&a.args, |x| self.arg(x)),
            self.opt_arg(a.vararg.as_ref()),
            join(&a.kwonlyargs, |x| self.arg(x)),
            join(&a.kw_defaults, |x| self.opt(x.as_ref())),
            self.opt_arg(a.kwarg.as_ref()),
            self.exprs(&a.defaults)
        )
    }

    fn body(&self, b: &[Stmt]) -> String {
        format!("[{}]", join(b, |s| self.stmt(s)))
    }

    fn alias(&self, a: &Alias) -> String {
        format!(
            "alias({}, {}){}",
            self.s(&a.name),
            a.asname.as_deref().map_or("None".into(), |n| self.s(n)),
            self.pos(a.span)
        )
    }

    pub fn stmt(&self, s: &Stmt) -> String {
        let body = match &s.kind {
            StmtKind::FunctionDef(f) => format!(
                "{}({}, {}, {}, {}, {})",
                if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                },
                self.s(&f.name),
                self.arguments(&f.args),
                self.body(&f.body),
                self.exprs(&f.decorators),
                self.opt(f.returns.as_ref())
            ),
            StmtKind::ClassDef(c) => format!(
                "ClassDef({}, {}, [{}], {}, {})",
                self.s(&c.name),
                self.exprs(&c.bases),
                join(&c.keywords, |k| self.keyword(k)),
                self.body(&c.body),
                self.exprs(&c.decorators)
            ),
            StmtKind::Return(v) => format!("Return({})", self.opt(v.as_ref())),
            StmtKind::Delete(v) => format!("Delete({})", self.exprs(v)),
            StmtKind::Assign { targets, value } => {
                format!("Assign({}, {})", self.exprs(targets), self.expr(value))
            }
            StmtKind::AugAssign { target, op, value } => {
                format!(
                    "AugAssign({}, {op:?}, {})",
                    self.expr(target),
                    self.expr(value)
                )
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => format!(
                "AnnAssign({}, {}, {}, {})",
                self.expr(target),
                self.expr(annotation),
                self.opt(value.as_ref()),
                *simple as i32
            ),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => format!(
                "{}({}, {}, {}, {})",
                if *is_async { "AsyncFor" } else { "For" },
                self.expr(target),
                self.expr(iter),
                self.body(body),
                self.body(orelse)
            ),
            StmtKind::While { test, body, orelse } => format!(
                "While({}, {}, {})",
                self.expr(test),
                self.body(body),
                self.body(orelse)
            ),
            StmtKind::If { test, body, orelse } => format!(
                "If({}, {}, {})",
                self.expr(test),
                self.body(body),
                self.body(orelse)
            ),
            StmtKind::With {
                items,
                body,
                is_async,
            } => format!(
                "{}([{}], {})",
                if *is_async { "AsyncWith" } else { "With" },
                join(items, |i| format!(
                    "withitem({}, {})",
                    self.expr(&i.context_expr),
                    self.opt(i.optional_vars.as_ref())
                )),
                self.body(body)
            ),
            StmtKind::Raise { exc, cause } => format!(
                "Raise({}, {})",
                self.opt(exc.as_ref()),
                self.opt(cause.as_ref())
            ),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => format!(
                "Try({}, [{}], {}, {})",
                self.body(body),
                join(handlers, |h| format!(
                    "ExceptHandler({}, {}, {}){}",
                    self.opt(h.typ.as_ref()),
                    h.name.as_deref().map_or("None".into(), |n| self.s(n)),
                    self.body(&h.body),
                    self.pos(h.span)
                )),
                self.body(orelse),
                self.body(finalbody)
            ),
            StmtKind::Assert { test, msg } => {
                format!("Assert({}, {})", self.expr(test), self.opt(msg.as_ref()))
            }
            StmtKind::Import(v) => format!("Import([{}])", join(v, |a| self.alias(a))),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => format!(
                "ImportFrom({}, [{}], {level})",
                module.as_deref().map_or("None".into(), |n| self.s(n)),
                join(names, |a| self.alias(a))
            ),
            StmtKind::Global(v) => format!("Global([{}])", join(v, |n| self.s(n))),
            StmtKind::Nonlocal(v) => format!("Nonlocal([{}])", join(v, |n| self.s(n))),
            StmtKind::Expr(e) => format!("Expr({})", self.expr(e)),
            StmtKind::Pass => "Pass".into(),
            StmtKind::Break => "Break".into(),
            StmtKind::Continue => "Continue".into(),
        };
        format!("{body}{}", self.pos(s.span))
    }
}

/// Parses `src` and renders each statement on its own line.
pub fn module(src: &str, positions: bool) -> String {
    match crate::syntax::parse(src, "t.py") {
        Ok(m) => {
            let d = Dump { src, positions };
            m.body
                .iter()
                .map(|s| d.stmt(s))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Err(e) => format!("ERROR\n{e}"),
    }
}
