//! Measuring expressions in the token stream around a parse error.
//!
//! Owns [`TokenView`]: bracket matching, "where does the operand chain ending here
//! start", "where does the expression starting here end", and "does this token range
//! parse as an expression" (by running the real parser on a slice). `parse_error.rs`
//! uses these to give CPython's error messages their CPython ranges.
//!
//! Invariants: every access is by checked index; scans are linear in the tokens they
//! cross; sub-parses use the table-driven parser, so nothing here recurses deeply.

use super::ast::Expr;
use super::builder::{ParseContext, Top};
use super::lexer::Spanned;
use super::token::Tok;
use std::cell::RefCell;

/// A read-only view of the token stream being parsed.
pub struct TokenView<'a, 's> {
    pub ctx: &'a ParseContext<'s>,
}

impl TokenView<'_, '_> {
    pub fn tok_at(&self, i: usize) -> Option<&Tok> {
        self.ctx.tokens.get(i).map(|t| &t.1)
    }

    /// True if token `index` is inside the parameter list of a `def`.
    pub fn in_def_parameters(&self, index: usize) -> bool {
        let mut i = index;
        let mut depth = 0i32;
        while let Some(p) = i.checked_sub(1) {
            match self.tok_at(p) {
                Some(Tok::Rpar | Tok::Rsqb | Tok::Rbrace) => depth += 1,
                Some(Tok::Lpar) if depth == 0 => {
                    return matches!(
                        (
                            p.checked_sub(1).and_then(|k| self.tok_at(k)),
                            p.checked_sub(2).and_then(|k| self.tok_at(k))
                        ),
                        (Some(Tok::Name(_)), Some(Tok::Def))
                    );
                }
                Some(Tok::Lpar | Tok::Lsqb | Tok::Lbrace) => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                Some(Tok::Newline) | None => return false,
                _ => {}
            }
            i = p;
        }
        false
    }

    /// First token of the disjunction (`or`-level expression) that ends just before
    /// token `end`, checked by parsing it.
    pub fn disjunction_start(&self, end: usize) -> Option<usize> {
        let start = self.operand_start(end, true)?;
        self.parse_range(start, end)?;
        Some(start)
    }

    /// Scans back from token `end` over one operand chain at the same bracket depth.
    /// With `boolean`, comparison and boolean operators are part of the chain.
    pub fn operand_start(&self, end: usize, boolean: bool) -> Option<usize> {
        let mut i = end;
        let mut depth = 0i32;
        while let Some(p) = i.checked_sub(1) {
            let tok = self.tok_at(p)?;
            match tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                _ if depth > 0 => {}
                t if is_operand(t) => {}
                Tok::Dot
                | Tok::Plus
                | Tok::Minus
                | Tok::Tilde
                | Tok::Slash
                | Tok::DoubleSlash
                | Tok::Percent
                | Tok::At
                | Tok::Vbar
                | Tok::Amper
                | Tok::Circumflex
                | Tok::LeftShift
                | Tok::RightShift
                | Tok::Await => {}
                Tok::Star | Tok::DoubleStar => {
                    // Binary only if an operand precedes it.
                    let before = p.checked_sub(1).and_then(|q| self.tok_at(q));
                    if !before.is_some_and(Tok::ends_expression) {
                        break;
                    }
                }
                Tok::EqEqual
                | Tok::NotEqual
                | Tok::Less
                | Tok::Greater
                | Tok::LessEqual
                | Tok::GreaterEqual
                | Tok::In
                | Tok::Is
                | Tok::Not
                | Tok::And
                | Tok::Or
                    if boolean =>
                {
                    if *tok == Tok::In && self.comprehension_in(p) {
                        break;
                    }
                }
                _ => break,
            }
            i = p;
        }
        (i < end).then_some(i)
    }

    /// True if the `in` at token `p` belongs to a `for ... in` clause.
    pub fn comprehension_in(&self, p: usize) -> bool {
        let mut i = p;
        let mut depth = 0i32;
        while let Some(q) = i.checked_sub(1) {
            match self.tok_at(q) {
                Some(Tok::Rpar | Tok::Rsqb | Tok::Rbrace) => depth += 1,
                Some(Tok::Lpar | Tok::Lsqb | Tok::Lbrace) => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                Some(Tok::For) if depth == 0 => return true,
                Some(Tok::Colon | Tok::Equal | Tok::Newline) if depth == 0 => {
                    return false;
                }
                None => return false,
                _ => {}
            }
            i = q;
        }
        false
    }

    /// End (byte offset) of the expression starting at token `start`: scans forward
    /// over operands and operators at the same bracket depth, then checks by parsing.
    /// With `to_line_end`, a comma list up to the end of the statement is one
    /// expression.
    pub fn expression_end(&self, start: usize, to_line_end: bool) -> Option<usize> {
        let mut i = start;
        let mut expect_operand = true;
        let mut last = start;
        loop {
            let tok = self.tok_at(i)?;
            match tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                    // A bracket group: an atom, or a call/subscript trailer.
                    if !expect_operand && *tok == Tok::Lbrace {
                        break;
                    }
                    i = self.matching_close(i)?;
                    last = i;
                    expect_operand = false;
                }
                t if expect_operand && (is_operand(t) || *t == Tok::Lambda) => {
                    if *t == Tok::Lambda {
                        break;
                    }
                    last = i;
                    expect_operand = false;
                }
                Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Not | Tok::Await if expect_operand => {}
                Tok::Comma if to_line_end && !expect_operand => expect_operand = true,
                t if !expect_operand && is_binary(t) => expect_operand = true,
                Tok::Dot if !expect_operand => expect_operand = true,
                _ => break,
            }
            i += 1;
        }
        let end = self.ctx.tokens.get(last)?.2;
        self.parse_range(start, last + 1)?;
        Some(end)
    }

    /// Index one past the end of the `bitwise_or` expression starting at `start`.
    pub fn bitwise_end(&self, start: usize) -> Option<usize> {
        let mut i = start;
        let mut expect_operand = true;
        while let Some(tok) = self.tok_at(i) {
            match tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                    if !expect_operand && *tok == Tok::Lbrace {
                        break;
                    }
                    i = self.matching_close(i)?;
                    expect_operand = false;
                }
                t if expect_operand && is_operand(t) => expect_operand = false,
                Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Await if expect_operand => {}
                t if !expect_operand && is_arith(t) => expect_operand = true,
                Tok::Dot if !expect_operand => expect_operand = true,
                _ => break,
            }
            i += 1;
        }
        (!expect_operand).then_some(i)
    }

    /// Index of the bracket closing the one at `open`.
    pub fn matching_close(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = open;
        loop {
            match self.tok_at(i)? {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// Parses tokens `[start, end)` as one expression.
    pub fn parse_range(&self, start: usize, end: usize) -> Option<Expr> {
        let slice = self.ctx.tokens.get(start..end)?;
        let first = slice.first()?.0;
        let mut tokens = Vec::with_capacity(slice.len() + 1);
        tokens.push((first, Tok::StartExpression, first));
        tokens.extend(slice.iter().cloned());
        let sub = ParseContext {
            source: self.ctx.source,
            filename: self.ctx.filename,
            tokens: &tokens,
            max_depth: self.ctx.max_depth,
            deferred: RefCell::new(None),
            fstring_field: None,
        };
        match super::parser::run(&sub, &tokens) {
            Ok(Top::Expression(e)) => Some(e),
            _ => None,
        }
    }
}

/// Tokens that are a whole operand.
pub fn is_operand(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::String(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

/// Binary operators of `bitwise_or` and below.
pub fn is_arith(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
            | Tok::DoubleStar
            | Tok::Vbar
            | Tok::Amper
            | Tok::Circumflex
            | Tok::LeftShift
            | Tok::RightShift
    )
}

/// Binary operators of a full expression.
pub fn is_binary(tok: &Tok) -> bool {
    is_arith(tok)
        || matches!(
            tok,
            Tok::EqEqual
                | Tok::NotEqual
                | Tok::Less
                | Tok::Greater
                | Tok::LessEqual
                | Tok::GreaterEqual
                | Tok::In
                | Tok::Not
                | Tok::Is
                | Tok::And
                | Tok::Or
                | Tok::If
                | Tok::Else
        )
}

/// Depth of open brackets before token `index`.
pub fn bracket_depth(tokens: &[Spanned], index: usize) -> usize {
    let mut depth = 0usize;
    for (_, tok, _) in tokens.iter().take(index) {
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => depth += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// 1-based line of byte `at`.
pub fn line_number(source: &str, at: usize) -> u32 {
    source
        .as_bytes()
        .get(..at)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count()) as u32
        + 1
}

/// Character column of byte `at`.
pub fn column(source: &str, at: usize) -> u32 {
    let before = source.get(..at).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before
        .get(line_start..)
        .map_or(0, |s| s.chars().count() as u32)
}
