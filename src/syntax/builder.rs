//! Helpers for the grammar's actions: building AST nodes and checking them as CPython's
//! parser does while it builds.
//!
//! Owns [`ParseContext`] (what every action may consult: the source text, the file name,
//! the token stream), the intermediate forms the grammar collects before a node can be
//! built (call arguments, parameters), and the rules that reject what the
//! LR grammar accepts but CPython refuses (argument order, parameter order, keyword
//! names, starred groups). Target validation lives in `targets.rs`; literals in
//! `strings.rs` and `fstring.rs`.
//!
//! Invariant: every helper returns an error instead of panicking; spans are byte
//! offsets of the text being parsed.

use super::ast::*;
use super::error::{Failure, Loc};
use super::lexer::Spanned;
use super::token::{StrLit, Tok};
use super::{fstring, strings, targets};
use crate::diagnostics::Span;
use lalrpop_util::ParseError;

/// The error type of fallible actions.
pub type ActionError = ParseError<usize, Tok, Failure>;
/// The result type of fallible actions.
pub type R<T> = Result<T, ActionError>;

/// Wraps a failure for LALRPOP.
pub fn user<T>(failure: Failure) -> R<T> {
    Err(ParseError::User { error: failure })
}

/// `v` with `e` pushed, growing fallibly: MemoryError when memory runs out (lists of
/// items and statements are as long as a program makes them).
pub fn push<T>(mut v: Vec<T>, e: T) -> R<Vec<T>> {
    if v.try_reserve(1).is_err() {
        return user(Failure::out_of_memory(0));
    }
    v.push(e);
    Ok(v)
}

/// The statements of a body, flattened into one vector allocated fallibly.
pub fn flatten_stmts(groups: Vec<Vec<Stmt>>) -> R<Vec<Stmt>> {
    let mut out = Vec::new();
    if out
        .try_reserve_exact(groups.iter().map(Vec::len).sum())
        .is_err()
    {
        return user(Failure::out_of_memory(0));
    }
    out.extend(groups.into_iter().flatten());
    Ok(out)
}

/// `v`, or MemoryError once memory has run out (the reserve of `memory::reserve` was
/// spent): checked after every simple statement and list display, so a huge source
/// stops being parsed while the reserve still covers unwinding, and the tokens and
/// the partial tree are freed.
pub fn memory_ok<T>(v: T) -> R<T> {
    if crate::eval_breaker::take(crate::eval_breaker::MEMORY_ERROR) {
        return user(Failure::out_of_memory(0));
    }
    Ok(v)
}

/// Everything a grammar action may consult.
pub struct ParseContext<'s> {
    pub source: &'s str,
    pub filename: &'s str,
    /// The token stream being parsed (for "the token after X" error positions).
    pub tokens: &'s [Spanned],
    /// Bound on the nesting estimate (see `nesting::NestingBound`).
    pub max_depth: u32,
    /// The first error CPython's compiler (not its parser) would report; returned
    /// only if the whole text parses.
    pub deferred: std::cell::RefCell<Option<Failure>>,
    /// For an f-string replacement field: the byte range of its expression text.
    pub fstring_field: Option<(usize, usize)>,
}

impl ParseContext<'_> {
    /// The span of the first token starting at or after byte `at` (CPython reports many
    /// action errors at the parser's look-ahead token).
    pub fn token_after(&self, at: usize) -> Loc {
        let index = self.tokens.partition_point(|(start, _, _)| *start < at);
        match self.tokens.get(index) {
            Some((start, _, end)) => Loc::Span(*start, *end),
            None => Loc::Span(self.source.len(), self.source.len()),
        }
    }
}

/// What the entry rule produced.
pub enum Top {
    Module(Vec<Stmt>),
    Expression(Expr),
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn expr(l: usize, r: usize, kind: ExprKind) -> Expr {
    Expr::new(span(l, r), kind)
}

pub fn stmt(l: usize, r: usize, kind: StmtKind) -> Stmt {
    Stmt::new(span(l, r), kind)
}

pub fn name(l: usize, r: usize, id: String) -> Expr {
    expr(l, r, ExprKind::Name(id))
}

pub fn constant(l: usize, r: usize, value: Constant) -> Expr {
    expr(l, r, ExprKind::Constant(value))
}

pub fn binop(l: usize, r: usize, left: Expr, op: BinOpKind, right: Expr) -> Expr {
    expr(
        l,
        r,
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
    )
}

pub fn unary(l: usize, r: usize, op: UnaryOpKind, operand: Expr) -> Expr {
    expr(
        l,
        r,
        ExprKind::UnaryOp {
            op,
            operand: Box::new(operand),
        },
    )
}

pub fn boolop(l: usize, r: usize, op: BoolOpKind, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    expr(l, r, ExprKind::BoolOp { op, values })
}

pub fn compare(l: usize, r: usize, left: Expr, rest: Vec<(CmpOpKind, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(
        l,
        r,
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
    )
}

/// `first, rest...` as a tuple spanning `l..r`.
pub fn tuple(l: usize, r: usize, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut elts = Vec::with_capacity(rest.len() + 1);
    elts.push(first);
    elts.extend(rest);
    expr(l, r, ExprKind::Tuple(elts))
}

/// A tuple from `a, b, c[,]`: the comma-terminated items and the optional last one.
pub fn tuple_of(l: usize, r: usize, mut items: Vec<Expr>, last: Option<Expr>) -> Expr {
    items.extend(last);
    expr(l, r, ExprKind::Tuple(items))
}

/// A parenthesised expression: the node keeps its own span, except that a starred
/// expression is refused (CPython's `invalid_group`).
pub fn group(e: Expr) -> R<Expr> {
    if let ExprKind::Starred(_) = e.kind {
        return user(Failure::span(
            "cannot use starred expression here",
            e.span.start as usize,
            e.span.end as usize,
        ));
    }
    Ok(e)
}

/// `(**x)`.
pub fn double_starred_group(l: usize, r: usize) -> R<Expr> {
    user(Failure::span(
        "cannot use double starred expression here",
        l,
        r,
    ))
}

/// The element of a comprehension: a starred element is refused.
pub fn comprehension_element(e: Expr) -> R<Expr> {
    if let ExprKind::Starred(_) = e.kind {
        return user(Failure::span(
            "iterable unpacking cannot be used in comprehension",
            e.span.start as usize,
            e.span.end as usize,
        ));
    }
    Ok(e)
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> R<Comprehension> {
    let target = targets::for_target(target)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}

pub fn lambda(l: usize, r: usize, args: Option<Arguments>, body: Expr) -> Expr {
    expr(
        l,
        r,
        ExprKind::Lambda {
            args: Box::new(args.unwrap_or_default()),
            body: Box::new(body),
        },
    )
}

/// `target := value`.
pub fn named_expr(l: usize, r: usize, target: Expr, value: Expr) -> R<Expr> {
    if !matches!(target.kind, ExprKind::Name(_)) {
        return user(Failure::span(
            format!(
                "cannot use assignment expressions with {}",
                targets::expr_name(&target)
            ),
            target.span.start as usize,
            target.span.end as usize,
        ));
    }
    Ok(expr(
        l,
        r,
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
    ))
}

/// Adjacent string literals, concatenated.
pub fn strings(ctx: &ParseContext, parts: Vec<(usize, StrLit, usize)>) -> R<Expr> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return user(Failure::span("invalid syntax", 0, 0));
    };
    let (l, r) = (first.0, last.2);
    // Decoding errors point at the token after the literals, as in CPython.
    let err_loc = ctx.token_after(r);
    let fail = |message: String| -> ActionError {
        ParseError::User {
            error: Failure::syntax(message, err_loc),
        }
    };
    let decode_fail = |e: strings::DecodeError| -> ActionError {
        match e {
            strings::DecodeError::Syntax(message) => fail(message),
            strings::DecodeError::OutOfMemory => ParseError::User {
                error: Failure::out_of_memory(0),
            },
        }
    };
    let any_bytes = parts.iter().any(|(_, s, _)| s.bytes);
    if any_bytes {
        if !parts.iter().all(|(_, s, _)| s.bytes) {
            return Err(fail("cannot mix bytes and nonbytes literals".to_string()));
        }
        let mut value = Vec::new();
        for (tl, lit, tr) in &parts {
            let body = ctx.source.get(lit.body_start..lit.body_end).unwrap_or("");
            if !body.is_ascii() {
                // CPython points at the literal, with an end column counted in bytes.
                let offset = super::error::column_of_source(ctx.source, *tl) + 1;
                return Err(ParseError::User {
                    error: Failure::syntax(
                        "bytes can only contain ASCII literal characters",
                        Loc::Cols {
                            at: *tl,
                            offset,
                            end_offset: offset + (tr - tl) as u32,
                        },
                    ),
                });
            }
            value.extend(strings::decode_bytes(body, lit.raw).map_err(decode_fail)?);
        }
        return Ok(constant(l, r, Constant::Bytes(value)));
    }
    let mut joined = fstring::Concat::new(span(l, r));
    for (tl, lit, tr) in &parts {
        if lit.fstring {
            joined
                .push_fstring(ctx, lit, span(*tl, *tr), err_loc)
                .map_err(|error| ParseError::User { error })?;
        } else {
            let body = ctx.source.get(lit.body_start..lit.body_end).unwrap_or("");
            let text = strings::decode_str(body, lit.raw).map_err(decode_fail)?;
            joined
                .push_literal(&text)
                .map_err(|error| ParseError::User { error })?;
        }
    }
    Ok(joined.finish())
}

/// One item between the parentheses of a call or a class definition.
pub enum ArgItem {
    Positional(Expr),
    /// A generator expression without its own parentheses: element, clauses, the
    /// span from the element to the end of the last clause, and the span of the first
    /// `for` (or `async`) keyword.
    Genexp(Expr, Vec<Comprehension>, Span, Span),
    Starred(Expr),
    /// `name=value`: the name expression (validated here), the `=` span, the value,
    /// and the end of the item.
    Keyword(Expr, Span, Expr, usize),
    /// `**value`: start, value, end.
    DoubleStarred(usize, Expr, usize),
}

/// The positional arguments and keywords of a call, checked for CPython's order rules.
/// `l`/`r` delimit the parentheses, `close` is the `)`.
pub fn arguments(
    ctx: &ParseContext,
    items: Vec<ArgItem>,
    open: usize,
    close: (usize, usize),
) -> R<(Vec<Expr>, Vec<Keyword>)> {
    let count = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) => {
                if !keywords.is_empty() {
                    let message = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return user(Failure::span(message, close.0, close.1));
                }
                args.push(e);
            }
            ArgItem::Genexp(elt, generators, genspan, _) => {
                if count != 1 {
                    return user(Failure::span(
                        "Generator expression must be parenthesized",
                        genspan.start as usize,
                        genspan.end as usize,
                    ));
                }
                args.push(expr(
                    open,
                    close.1,
                    ExprKind::GeneratorExp {
                        elt: Box::new(elt),
                        generators,
                    },
                ));
            }
            ArgItem::Starred(e) => {
                if seen_double_star {
                    let star = e.span.start as usize;
                    return user(Failure::span(
                        "iterable argument unpacking follows keyword argument unpacking",
                        star,
                        star + 1,
                    ));
                }
                args.push(e);
            }
            ArgItem::Keyword(target, eq, value, end) => {
                let arg = keyword_name(ctx, &target, eq)?;
                let l = target.span.start as usize;
                keywords.push(Keyword {
                    arg: Some(arg),
                    span: span(l, end),
                    value,
                });
            }
            ArgItem::DoubleStarred(l, value, end) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    span: span(l, end),
                    value,
                });
            }
        }
    }
    Ok((args, keywords))
}

/// The name of `name=value` in a call, with CPython's errors for other left sides.
fn keyword_name(ctx: &ParseContext, target: &Expr, eq: Span) -> R<String> {
    let (l, r) = (target.span.start as usize, eq.end as usize);
    // `f((a)=1)`: a parenthesised name is an expression, not a keyword.
    let before_eq = ctx
        .source
        .get(..eq.start as usize)
        .map(str::trim_end)
        .and_then(|s| s.chars().next_back());
    match &target.kind {
        ExprKind::Name(id) if before_eq != Some(')') => Ok(id.clone()),
        ExprKind::Constant(Constant::Bool(true)) => {
            user(Failure::span("cannot assign to True", l, r))
        }
        ExprKind::Constant(Constant::Bool(false)) => {
            user(Failure::span("cannot assign to False", l, r))
        }
        ExprKind::Constant(Constant::None) => user(Failure::span("cannot assign to None", l, r)),
        _ => user(Failure::span(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            l,
            r,
        )),
    }
}

pub fn call(l: usize, r: usize, func: Expr, args: Vec<Expr>, keywords: Vec<Keyword>) -> Expr {
    expr(
        l,
        r,
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
    )
}

/// The bases and keywords of `class C(...)`: a bare generator expression is refused.
pub fn class_arguments(
    ctx: &ParseContext,
    items: Vec<ArgItem>,
    open: usize,
    close: (usize, usize),
) -> R<(Vec<Expr>, Vec<Keyword>)> {
    if let Some(ArgItem::Genexp(_, _, _, keyword)) = items.first()
        && items.len() == 1
    {
        // CPython fails on the `for` keyword.
        return fail_at("invalid syntax", *keyword);
    }
    arguments(ctx, items, open, close)
}

/// One item of a parameter list, as written.
pub enum ParamItem {
    /// `name[: annotation][= default]`; the `=` span when a default is written.
    Plain(Arg, Option<(Span, Option<Expr>)>),
    /// `/` at this span.
    Slash(Span),
    /// `*` alone.
    BareStar(Span),
    /// `*name[: annotation][= default]`.
    VarArgs(Span, Arg, Option<Span>),
    /// `**name[: annotation][= default]`.
    KwArgs(Span, Arg, Option<Span>),
}

pub fn arg(l: usize, r: usize, name: String, annotation: Option<Expr>) -> Arg {
    Arg {
        name,
        annotation,
        span: span(l, r),
    }
}

fn fail_at<T>(message: &str, at: Span) -> R<T> {
    user(Failure::span(message, at.start as usize, at.end as usize))
}

/// Builds `Arguments` from the items of a `def` or `lambda` parameter list, with
/// CPython's messages for misplaced items.
pub fn parameters(items: Vec<ParamItem>) -> R<Arguments> {
    let mut out = Arguments::default();
    let mut positional: Vec<Arg> = Vec::new();
    let mut seen_default = false;
    let mut seen_slash = false;
    let mut star: Option<Span> = None;
    let mut kwargs_seen = false;
    let count = items.len();
    for (index, item) in items.into_iter().enumerate() {
        let next_is_end = index + 1 == count;
        if kwargs_seen {
            let at = match &item {
                ParamItem::Plain(a, _) => a.span,
                ParamItem::Slash(s)
                | ParamItem::BareStar(s)
                | ParamItem::VarArgs(s, _, _)
                | ParamItem::KwArgs(s, _, _) => *s,
            };
            return fail_at("arguments cannot follow var-keyword argument", at);
        }
        match item {
            ParamItem::Plain(a, default) => {
                let default = match default {
                    Some((eq, None)) => return fail_at("expected default value expression", eq),
                    Some((_, Some(value))) => Some(value),
                    None => None,
                };
                if star.is_some() {
                    out.kwonlyargs.push(a);
                    out.kw_defaults.push(default);
                    continue;
                }
                match default {
                    Some(value) => {
                        seen_default = true;
                        out.defaults.push(value);
                    }
                    None if seen_default => {
                        return fail_at("non-default argument follows default argument", a.span);
                    }
                    None => {}
                }
                positional.push(a);
            }
            ParamItem::Slash(at) => {
                if star.is_some() {
                    return fail_at("/ must be ahead of *", at);
                }
                if seen_slash {
                    return fail_at("/ may appear only once", at);
                }
                if positional.is_empty() {
                    return fail_at("at least one argument must precede /", at);
                }
                seen_slash = true;
                out.posonlyargs.append(&mut positional);
            }
            ParamItem::BareStar(at) => {
                if star.is_some() {
                    return fail_at("* argument may appear only once", at);
                }
                // `*` must be followed by a named parameter.
                if next_is_end {
                    return fail_at("named arguments must follow bare *", at);
                }
                star = Some(at);
            }
            ParamItem::VarArgs(at, a, default) => {
                if let Some(eq) = default {
                    return fail_at("var-positional argument cannot have default value", eq);
                }
                if star.is_some() {
                    return fail_at("* argument may appear only once", at);
                }
                star = Some(at);
                out.vararg = Some(a);
            }
            ParamItem::KwArgs(_, a, default) => {
                if let Some(eq) = default {
                    return fail_at("var-keyword argument cannot have default value", eq);
                }
                if let Some(at) = star
                    && out.vararg.is_none()
                    && out.kwonlyargs.is_empty()
                {
                    return fail_at("named arguments must follow bare *", at);
                }
                kwargs_seen = true;
                out.kwarg = Some(a);
            }
        }
    }
    if let Some(at) = star
        && out.vararg.is_none()
        && out.kwonlyargs.is_empty()
        && out.kwarg.is_none()
    {
        return fail_at("named arguments must follow bare *", at);
    }
    out.args = positional;
    Ok(out)
}

/// `@L` of the last statement of a block, for compound statement spans.
pub fn end_of(body: &[Stmt], fallback: usize) -> usize {
    body.last().map_or(fallback, |s| s.span.end as usize)
}

/// `if`/`elif`/`else` chains: the `elif`s become nested `If` statements.
pub fn if_chain(
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let end = if tail.is_empty() {
            end_of(&ebody, el)
        } else {
            end_of(&tail, el)
        };
        tail = vec![stmt(
            el,
            end,
            StmtKind::If {
                test: etest,
                body: ebody,
                orelse: tail,
            },
        )];
    }
    let end = if tail.is_empty() {
        end_of(&body, l)
    } else {
        end_of(&tail, l)
    };
    stmt(
        l,
        end,
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
    )
}

/// A `try` statement; `l` is the `try` keyword.
pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let end = if !finalbody.is_empty() {
        end_of(&finalbody, l)
    } else if !orelse.is_empty() {
        end_of(&orelse, l)
    } else {
        handlers
            .last()
            .map_or(end_of(&body, l), |h| h.span.end as usize)
    };
    stmt(
        l,
        end,
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
    )
}

pub fn handler(l: usize, typ: Option<(Expr, Option<String>)>, body: Vec<Stmt>) -> ExceptHandler {
    let end = end_of(&body, l);
    let (typ, name) = match typ {
        Some((t, n)) => (Some(t), n),
        None => (None, None),
    };
    ExceptHandler {
        typ,
        name,
        body,
        span: span(l, end),
    }
}

/// `except A, B:` (`end` is where the clause header ends, before the `:`).
pub fn unparenthesized_exceptions(first: &Expr, end: usize) -> R<ExceptHandler> {
    user(Failure::span(
        "multiple exception types must be parenthesized",
        first.span.start as usize,
        end,
    ))
}

/// Adds decorators to a function or class definition.
pub fn decorate(decorators: Vec<Expr>, mut s: Stmt) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    s
}

/// `import a.b.c as d` / `from m import (a as b)`.
pub fn alias(l: usize, r: usize, name: String, asname: Option<String>) -> Alias {
    Alias {
        name,
        asname,
        span: span(l, r),
    }
}
