//! Terse constructors for hand-built ASTs in tests. Spans default to empty; [`Src`]
//! finds real spans in a source text for tests that check positions.

use crate::diagnostics::Span;
use crate::syntax::ast::*;
use num_bigint::BigInt;

/// A source text, to locate spans by substring.
pub struct Src(pub &'static str);

impl Src {
    /// The span of the `nth` (0-based) occurrence of `needle`.
    pub fn span(&self, needle: &str, nth: usize) -> Span {
        let start = self
            .0
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in source"))
            .0;
        Span::new(start, start + needle.len())
    }
}

pub fn e(kind: ExprKind) -> Expr {
    Expr::new(Span::default(), kind)
}

pub fn s(kind: StmtKind) -> Stmt {
    Stmt::new(Span::default(), kind)
}

pub fn at_e(span: Span, kind: ExprKind) -> Expr {
    Expr::new(span, kind)
}

pub fn at_s(span: Span, kind: StmtKind) -> Stmt {
    Stmt::new(span, kind)
}

pub fn module(body: Vec<Stmt>) -> Module {
    Module { body }
}

pub fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.into()))
}

pub fn int(i: i64) -> Expr {
    e(ExprKind::Constant(Constant::Int(BigInt::from(i))))
}

pub fn float(f: f64) -> Expr {
    e(ExprKind::Constant(Constant::Float(f)))
}

pub fn string(v: &str) -> Expr {
    e(ExprKind::Constant(Constant::Str(v.into())))
}

pub fn truth(b: bool) -> Expr {
    e(ExprKind::Constant(Constant::Bool(b)))
}

pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
    call_kw(f, args, vec![])
}

pub fn call_kw(f: Expr, args: Vec<Expr>, kws: Vec<(Option<&str>, Expr)>) -> Expr {
    e(ExprKind::Call {
        func: Box::new(f),
        args,
        keywords: kws
            .into_iter()
            .map(|(arg, value)| Keyword {
                arg: arg.map(String::from),
                value,
                span: Span::default(),
            })
            .collect(),
    })
}

pub fn attr(v: Expr, a: &str) -> Expr {
    e(ExprKind::Attribute {
        value: Box::new(v),
        attr: a.into(),
    })
}

pub fn binop(l: Expr, op: BinOpKind, r: Expr) -> Expr {
    e(ExprKind::BinOp {
        left: Box::new(l),
        op,
        right: Box::new(r),
    })
}

pub fn unary(op: UnaryOpKind, v: Expr) -> Expr {
    e(ExprKind::UnaryOp {
        op,
        operand: Box::new(v),
    })
}

pub fn boolop(op: BoolOpKind, values: Vec<Expr>) -> Expr {
    e(ExprKind::BoolOp { op, values })
}

pub fn compare(left: Expr, rest: Vec<(CmpOpKind, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    e(ExprKind::Compare {
        left: Box::new(left),
        ops,
        comparators,
    })
}

pub fn tuple(v: Vec<Expr>) -> Expr {
    e(ExprKind::Tuple(v))
}

pub fn list(v: Vec<Expr>) -> Expr {
    e(ExprKind::List(v))
}

pub fn starred(v: Expr) -> Expr {
    e(ExprKind::Starred(Box::new(v)))
}

pub fn subscript(v: Expr, index: Expr) -> Expr {
    e(ExprKind::Subscript {
        value: Box::new(v),
        slice: Box::new(index),
    })
}

pub fn slice(lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>) -> Expr {
    e(ExprKind::Slice {
        lower: lower.map(Box::new),
        upper: upper.map(Box::new),
        step: step.map(Box::new),
    })
}

pub fn walrus(target: &str, value: Expr) -> Expr {
    e(ExprKind::NamedExpr {
        target: Box::new(name(target)),
        value: Box::new(value),
    })
}

pub fn lambda(args: Arguments, body: Expr) -> Expr {
    e(ExprKind::Lambda {
        args: Box::new(args),
        body: Box::new(body),
    })
}

pub fn comp(target: Expr, iter: Expr, ifs: Vec<Expr>) -> Comprehension {
    Comprehension {
        target,
        iter,
        ifs,
        is_async: false,
    }
}

pub fn listcomp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    e(ExprKind::ListComp {
        elt: Box::new(elt),
        generators,
    })
}

pub fn fstring(parts: Vec<Expr>) -> Expr {
    e(ExprKind::JoinedStr(parts))
}

pub fn formatted(v: Expr, conversion: Option<char>, spec: Option<Expr>) -> Expr {
    e(ExprKind::FormattedValue {
        value: Box::new(v),
        conversion,
        format_spec: spec.map(Box::new),
    })
}

pub fn arg(n: &str) -> Arg {
    Arg {
        name: n.into(),
        annotation: None,
        span: Span::default(),
    }
}

/// Plain positional parameters.
pub fn params(names: &[&str]) -> Arguments {
    Arguments {
        args: names.iter().map(|n| arg(n)).collect(),
        ..Arguments::default()
    }
}

pub fn expr_stmt(v: Expr) -> Stmt {
    s(StmtKind::Expr(v))
}

pub fn assign(target: Expr, value: Expr) -> Stmt {
    s(StmtKind::Assign {
        targets: vec![target],
        value,
    })
}

pub fn aug(target: Expr, op: BinOpKind, value: Expr) -> Stmt {
    s(StmtKind::AugAssign { target, op, value })
}

pub fn ret(v: Option<Expr>) -> Stmt {
    s(StmtKind::Return(v))
}

pub fn def(n: &str, args: Arguments, body: Vec<Stmt>) -> Stmt {
    def_with(n, args, body, vec![])
}

pub fn def_with(n: &str, args: Arguments, body: Vec<Stmt>, decorators: Vec<Expr>) -> Stmt {
    s(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: n.into(),
        args,
        body,
        decorators,
        returns: None,
        is_async: false,
    })))
}

pub fn class(n: &str, bases: Vec<Expr>, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::ClassDef(Box::new(ClassDef {
        name: n.into(),
        bases,
        keywords: vec![],
        body,
        decorators: vec![],
    })))
}

pub fn if_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::If { test, body, orelse })
}

pub fn while_(test: Expr, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::While {
        test,
        body,
        orelse: vec![],
    })
}

pub fn for_(target: Expr, iter: Expr, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::For {
        target,
        iter,
        body,
        orelse: vec![],
        is_async: false,
    })
}

pub fn handler(typ: Option<Expr>, n: Option<&str>, body: Vec<Stmt>) -> ExceptHandler {
    ExceptHandler {
        typ,
        name: n.map(String::from),
        body,
        span: Span::default(),
    }
}

pub fn try_(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    s(StmtKind::Try {
        body,
        handlers,
        orelse,
        finalbody,
    })
}

pub fn global(names: &[&str]) -> Stmt {
    s(StmtKind::Global(
        names.iter().map(|n| n.to_string()).collect(),
    ))
}

pub fn nonlocal(names: &[&str]) -> Stmt {
    s(StmtKind::Nonlocal(
        names.iter().map(|n| n.to_string()).collect(),
    ))
}

pub fn pass() -> Stmt {
    s(StmtKind::Pass)
}

pub fn brk() -> Stmt {
    s(StmtKind::Break)
}

pub fn cont() -> Stmt {
    s(StmtKind::Continue)
}

pub fn import(n: &str, asname: Option<&str>) -> Stmt {
    s(StmtKind::Import(vec![Alias {
        name: n.into(),
        asname: asname.map(String::from),
        span: Span::default(),
    }]))
}

pub fn import_from(module: &str, names: &[(&str, Option<&str>)]) -> Stmt {
    s(StmtKind::ImportFrom {
        module: Some(module.into()),
        names: names
            .iter()
            .map(|(n, a)| Alias {
                name: n.to_string(),
                asname: a.map(String::from),
                span: Span::default(),
            })
            .collect(),
        level: 0,
    })
}
