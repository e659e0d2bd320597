//! Assignment, deletion and loop targets: which expressions may be stored to, and
//! CPython's messages for the ones that may not.
//!
//! The grammar parses targets as ordinary expressions (an LR(1) grammar cannot tell
//! `a, b = c` from `a, b` until it sees `=`); this module then checks them the way
//! CPython's second, error-reporting parser pass does (`invalid_assignment`,
//! `invalid_named_expression`, `invalid_del_stmt`, `invalid_for_target`,
//! `invalid_with_item`), in the same order, so the same error wins. The starred-target
//! rules that CPython's compiler enforces are recorded as *deferred* errors, reported
//! only when the whole file parses (as CPython reports them after parsing).
//!
//! Invariant: recursion here only follows tuples, lists and starred nodes, whose depth
//! is bounded by the lexer's bracket limit.

use super::ast::*;
use super::builder::{ParseContext, R, user};
use super::error::Failure;

/// CPython's `_PyPegen_get_expr_name`.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// What a target is for (CPython's `TARGETS_TYPE`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Store,
    Delete,
    For,
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a
/// target, if any.
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|elt| invalid_target(elt, kind))
        }
        ExprKind::Starred(value) => {
            if kind == TargetKind::Delete {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For {
                if ops.first() == Some(&CmpOpKind::In) {
                    invalid_target(left, kind)
                } else {
                    None
                }
            } else {
                Some(e)
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

fn fail_on<T>(message: String, e: &Expr) -> R<T> {
    user(Failure::span(
        message,
        e.span.start as usize,
        e.span.end as usize,
    ))
}

/// Checks a target list; `verb` is "assign to" or "delete".
fn check(e: &Expr, kind: TargetKind) -> R<()> {
    if let Some(bad) = invalid_target(e, kind) {
        let verb = if kind == TargetKind::Delete {
            "delete"
        } else {
            "assign to"
        };
        return fail_on(format!("cannot {verb} {}", expr_name(bad)), bad);
    }
    Ok(())
}

/// Records CPython's compile-time starred-target errors as deferred errors.
fn check_starred(ctx: &ParseContext, e: &Expr) {
    match &e.kind {
        ExprKind::Starred(_) => defer(
            ctx,
            "starred assignment target must be in a list or tuple",
            e,
        ),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            let starred = elts
                .iter()
                .filter(|x| matches!(x.kind, ExprKind::Starred(_)))
                .count();
            if starred > 1 {
                defer(ctx, "multiple starred expressions in assignment", e);
            }
            for elt in elts {
                match &elt.kind {
                    ExprKind::Starred(inner) => check_starred_inner(ctx, inner),
                    _ => check_starred(ctx, elt),
                }
            }
        }
        _ => {}
    }
}

fn check_starred_inner(ctx: &ParseContext, e: &Expr) {
    if matches!(e.kind, ExprKind::Tuple(_) | ExprKind::List(_)) {
        check_starred(ctx, e);
    }
}

fn defer(ctx: &ParseContext, message: &str, e: &Expr) {
    let mut slot = ctx.deferred.borrow_mut();
    if slot.is_none() {
        *slot = Some(Failure::span(
            message,
            e.span.start as usize,
            e.span.end as usize,
        ));
    }
}

/// True when `e` was written in parentheses (its text starts with `(`, which only a
/// parenthesised tuple or a generator expression keeps in its span).
fn starts_with_paren(ctx: &ParseContext, e: &Expr) -> bool {
    ctx.source.as_bytes().get(e.span.start as usize) == Some(&b'(')
}

/// True for expressions CPython's `bitwise_or` rule can produce.
fn is_bitwise_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::UnaryOp {
                op: UnaryOpKind::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Slice { .. }
    )
}

/// The leftmost `bitwise_or` that starts `e`, if `e` starts with one.
fn leading_bitwise(e: &Expr) -> Option<&Expr> {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::BoolOp { values, .. } => cur = values.first()?,
            ExprKind::Compare { left, .. } => cur = left,
            ExprKind::IfExp { body, .. } => cur = body,
            ExprKind::UnaryOp {
                op: UnaryOpKind::Not,
                ..
            }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Slice { .. } => return None,
            _ => return Some(cur),
        }
    }
}

/// The leftmost atom of a `bitwise_or` expression.
fn leftmost_atom(e: &Expr) -> &Expr {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::BinOp { left, .. } => cur = left,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => cur = value,
            ExprKind::Call { func, .. } => cur = func,
            _ => return cur,
        }
    }
}

/// CPython's `invalid_named_expression` applied to `e = <next>`: the error it raises,
/// if any. `next_is_value` tells whether `next` is the last segment of the statement.
fn named_expression_error(
    ctx: &ParseContext,
    e: &Expr,
    next: &Expr,
    next_is_value: bool,
) -> Option<Failure> {
    if !is_bitwise_level(e) || matches!(e.kind, ExprKind::Tuple(_)) && !starts_with_paren(ctx, e) {
        return None;
    }
    let unparenthesized_tuple =
        matches!(next.kind, ExprKind::Tuple(_)) && !starts_with_paren(ctx, next);
    let first_of_next = match &next.kind {
        ExprKind::Tuple(elts) if unparenthesized_tuple => elts.first()?,
        _ => next,
    };
    let rhs = leading_bitwise(first_of_next)?;
    // The bitwise_or after `=` must not be followed by another `=` (or `:=`).
    let rhs_is_whole = std::ptr::eq(rhs, first_of_next);
    if rhs_is_whole && !unparenthesized_tuple && !next_is_value {
        return None;
    }
    if let ExprKind::Name(_) = e.kind {
        return Some(Failure::span(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            e.span.start as usize,
            rhs.span.end as usize,
        ));
    }
    let atom = leftmost_atom(e);
    let excluded = match &atom.kind {
        ExprKind::List(_) | ExprKind::GeneratorExp { .. } => true,
        ExprKind::Tuple(_) => starts_with_paren(ctx, atom),
        ExprKind::Constant(Constant::Bool(_) | Constant::None) => true,
        _ => false,
    };
    if excluded {
        return None;
    }
    Some(Failure::span(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(e)
        ),
        e.span.start as usize,
        e.span.end as usize,
    ))
}

/// `t1 = t2 = ... = value`: validates the targets in CPython's order.
pub fn assignment(ctx: &ParseContext, segments: &[Expr]) -> R<()> {
    let Some((_value, targets)) = segments.split_last() else {
        return Ok(());
    };
    let all_valid = targets.iter().all(|t| {
        !matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
            && invalid_target(t, TargetKind::Store).is_none()
    });
    if all_valid {
        for t in targets {
            check_starred(ctx, t);
        }
        return Ok(());
    }
    // CPython's second pass first meets `invalid_named_expression` on the element
    // of the first target that the first `=` follows.
    if let (Some(first), Some(next)) = (segments.first(), segments.get(1)) {
        let element = match &first.kind {
            ExprKind::Tuple(elts) if !starts_with_paren(ctx, first) => elts.last(),
            _ => Some(first),
        };
        if let Some(element) = element
            && let Some(failure) = named_expression_error(ctx, element, next, segments.len() == 2)
        {
            return user(failure);
        }
    }
    for t in targets {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return fail_on("assignment to yield expression not possible".to_string(), t);
        }
        check(t, TargetKind::Store)?;
    }
    Ok(())
}

/// The target of `target op= value`.
pub fn aug_target(e: Expr) -> R<Expr> {
    match e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(e),
        _ => fail_on(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&e)
            ),
            &e,
        ),
    }
}

/// The target of `target: annotation`; returns it with CPython's `simple` flag.
/// `stmt_start` is where the statement starts (a parenthesised name is not simple).
pub fn ann_target(ctx: &ParseContext, e: Expr, stmt_start: usize) -> R<(Expr, bool)> {
    match &e.kind {
        ExprKind::Name(_) => {
            let simple = e.span.start as usize == stmt_start;
            Ok((e, simple))
        }
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok((e, false)),
        ExprKind::Tuple(elts) if !starts_with_paren(ctx, &e) => {
            let first = elts.first().unwrap_or(&e);
            fail_on(
                "only single target (not tuple) can be annotated".to_string(),
                first,
            )
        }
        ExprKind::Tuple(_) | ExprKind::List(_) => fail_on(
            format!(
                "only single target (not {}) can be annotated",
                expr_name(&e)
            ),
            &e,
        ),
        _ => fail_on("illegal target for annotation".to_string(), &e),
    }
}

/// The targets of `del` (an unparenthesised tuple is a list of targets).
pub fn delete_targets(ctx: &ParseContext, e: Expr) -> R<Vec<Expr>> {
    check(&e, TargetKind::Delete)?;
    let parenthesized = starts_with_paren(ctx, &e);
    Ok(match e.kind {
        ExprKind::Tuple(elts) if !parenthesized => elts,
        _ => vec![e],
    })
}

/// The target of a `for` loop or comprehension clause.
pub fn for_target(e: Expr) -> R<Expr> {
    check(&e, TargetKind::For)?;
    Ok(e)
}

/// Deferred starred checks for a `for` or `with` target.
pub fn starred_rules(ctx: &ParseContext, e: &Expr) {
    check_starred(ctx, e);
}

/// The target after `as` in a with-item.
pub fn with_target(e: Expr) -> R<Expr> {
    check(&e, TargetKind::Store)?;
    Ok(e)
}
