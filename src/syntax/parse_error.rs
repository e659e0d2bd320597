//! From "the LR parser could not continue here" to CPython's message.
//!
//! CPython's PEG parser, after a failure, re-parses with extra `invalid_*` rules that
//! recognise common mistakes. An LR parser only knows the token it could not accept and
//! the tokens it expected, so this module recognises the same mistakes from that point
//! and the tokens around it: a missing indented block after a compound statement
//! header, a missing `:`, an unexpected indent, a forgotten comma inside brackets,
//! `print x`, `a if b` without `else`, `=` where `==` or `:=` was meant, a `try`
//! without `except`/`finally`. Anything else is CPython's plain `invalid syntax` on the
//! offending token.
//!
//! Invariants: only looks at tokens by checked index; sub-parses (to measure an
//! expression next to the error) run the same table-driven parser on a slice of the
//! token stream, so they cannot recurse unboundedly.

use super::ast::{Constant, Expr, ExprKind};
use super::builder::ParseContext;
use super::error::{Failure, Loc};
use super::lexer::Spanned;
use super::targets;
use super::token::Tok;
use super::token_view::{self, TokenView};
use lalrpop_util::ParseError;

/// The failure to report for a parser error.
pub fn describe(ctx: &ParseContext, err: ParseError<usize, Tok, Failure>) -> Failure {
    match err {
        ParseError::User { error } => error,
        ParseError::UnrecognizedEof { expected, .. } => at_end(ctx, &expected),
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let index = token_index(ctx.tokens, l, &tok);
            Unexpected {
                ctx,
                view: TokenView { ctx },
                index,
                tok,
                l,
                r,
                expected: &expected,
            }
            .describe()
        }
        ParseError::ExtraToken { token: (l, _, r) } => Failure::span("invalid syntax", l, r),
        ParseError::InvalidToken { location } => {
            Failure::span("invalid syntax", location, location + 1)
        }
    }
}

/// Index of the token `tok` starting at `l` in the stream.
fn token_index(tokens: &[Spanned], l: usize, tok: &Tok) -> usize {
    let first = tokens.partition_point(|(start, _, _)| *start < l);
    let mut i = first;
    while let Some((start, t, _)) = tokens.get(i) {
        if *start != l {
            break;
        }
        if std::mem::discriminant(t) == std::mem::discriminant(tok) {
            return i;
        }
        i += 1;
    }
    first
}

fn expects(expected: &[String], terminal: &str) -> bool {
    expected
        .iter()
        .any(|e| e.trim_matches('"') == terminal.trim_matches('"') && !e.is_empty())
}

/// Where the tokenizer stands at the end of the text: the line of its last
/// character, with no caret.
fn end_loc(ctx: &ParseContext) -> Loc {
    let len = ctx.source.len();
    let at = if ctx.source.ends_with('\n') {
        len.saturating_sub(1)
    } else {
        len
    };
    Loc::Line { at, offset: 0 }
}

fn at_end(ctx: &ParseContext, expected: &[String]) -> Failure {
    let loc = end_loc(ctx);
    if expects(expected, "Indent") {
        let header = block_header(ctx, ctx.tokens.len());
        return Failure::indentation(header, loc);
    }
    if expects(expected, "except") && expects(expected, "finally") {
        return Failure::syntax("expected 'except' or 'finally' block", loc);
    }
    Failure::syntax("unexpected EOF while parsing", loc)
}

/// The message for a missing block after the compound statement whose header ends
/// just before token `index` (with its `:` and NEWLINE).
fn block_header(ctx: &ParseContext, index: usize) -> String {
    let tokens = ctx.tokens;
    // Walk back over the NEWLINE and the header to the token that starts its line.
    let mut i = index.saturating_sub(1);
    if matches!(tokens.get(i), Some((_, Tok::Newline, _))) {
        i = i.saturating_sub(1);
    }
    let mut depth = 0i32;
    let mut start = 0;
    while i > 0 {
        match tokens.get(i).map(|t| &t.1) {
            Some(Tok::Rpar | Tok::Rsqb | Tok::Rbrace) => depth += 1,
            Some(Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar) => depth -= 1,
            Some(Tok::Newline | Tok::Indent | Tok::Dedent) if depth <= 0 => {
                start = i + 1;
                break;
            }
            Some(Tok::StartModule) => {
                start = i + 1;
                break;
            }
            _ => {}
        }
        i -= 1;
    }
    if i == 0 {
        start = 1;
    }
    let line_of = |k: usize| -> u32 {
        let at = tokens.get(k).map_or(0, |t| t.0);
        token_view::line_number(ctx.source, at)
    };
    let mut kw = start;
    if matches!(tokens.get(kw), Some((_, Tok::Async, _))) {
        kw += 1;
    }
    let what = match tokens.get(kw).map(|t| &t.1) {
        Some(Tok::If) => {
            return format!(
                "expected an indented block after 'if' statement on line {}",
                line_of(kw + 1)
            );
        }
        Some(Tok::Elif) => "'elif' statement",
        Some(Tok::Else) => "'else' statement",
        Some(Tok::While) => "'while' statement",
        Some(Tok::For) => "'for' statement",
        Some(Tok::With) => "'with' statement",
        Some(Tok::Try) => "'try' statement",
        Some(Tok::Except) => "'except' statement",
        Some(Tok::Finally) => "'finally' statement",
        Some(Tok::Def) => "function definition",
        Some(Tok::Class) => "class definition",
        _ => return "expected an indented block".to_string(),
    };
    format!(
        "expected an indented block after {what} on line {}",
        line_of(kw)
    )
}

/// One unexpected token and its surroundings.
struct Unexpected<'a, 'c, 's> {
    ctx: &'a ParseContext<'s>,
    view: TokenView<'a, 's>,
    index: usize,
    tok: Tok,
    l: usize,
    r: usize,
    expected: &'c [String],
}

impl Unexpected<'_, '_, '_> {
    fn tok_at(&self, i: usize) -> Option<&Tok> {
        self.view.tok_at(i)
    }

    fn prev(&self) -> Option<&Tok> {
        self.index.checked_sub(1).and_then(|i| self.tok_at(i))
    }

    /// Where CPython puts the caret for this token (layout tokens have none).
    fn loc(&self) -> Loc {
        match self.tok {
            // The DEDENTs closing the text sit at its end, with no caret.
            Tok::Dedent if self.l >= self.ctx.source.len() => end_loc(self.ctx),
            Tok::Indent | Tok::Dedent => Loc::Line {
                at: self.l,
                offset: token_view::column(self.ctx.source, self.l),
            },
            _ => Loc::Span(self.l, self.r),
        }
    }

    /// True if token `i` starts a logical line.
    fn starts_line(&self, i: usize) -> bool {
        matches!(
            i.checked_sub(1).and_then(|p| self.tok_at(p)),
            None | Some(Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::Semi)
        )
    }

    fn describe(&self) -> Failure {
        if let Some(f) = self.string_action_error() {
            return f;
        }
        if self.tok == Tok::Indent {
            return Failure::indentation("unexpected indent", self.loc());
        }
        if expects(self.expected, "Indent") {
            return Failure::indentation(block_header(self.ctx, self.index), self.loc());
        }
        if self.tok == Tok::Dedent
            && !(expects(self.expected, "except") && expects(self.expected, "finally"))
        {
            return Failure::indentation("unexpected unindent", self.loc());
        }
        if let Some(f) = self.missing_colon() {
            return f;
        }
        if expects(self.expected, "except") && expects(self.expected, "finally") {
            return Failure::syntax("expected 'except' or 'finally' block", self.loc());
        }
        if let Some(f) = self.legacy_print() {
            return f;
        }
        if let Some(f) = self.missing_else() {
            return f;
        }
        if let Some(f) = self.single_equal() {
            return f;
        }
        if let Some(f) = self.walrus_target() {
            return f;
        }
        if let Some(f) = self.parenthesized_parameters() {
            return f;
        }
        if let Some(f) = self.dict_entry() {
            return f;
        }
        if let Some(f) = self.missing_comma() {
            return f;
        }
        Failure::syntax("invalid syntax", self.loc())
    }

    /// CPython decodes string literals as soon as it has read them, before it looks
    /// at the next token: an error in the literals just before the failure wins.
    fn string_action_error(&self) -> Option<Failure> {
        let mut first = self.index;
        while first > 0 && matches!(self.tok_at(first - 1), Some(Tok::String(_))) {
            first -= 1;
        }
        if first == self.index {
            return None;
        }
        let parts = self
            .ctx
            .tokens
            .get(first..self.index)?
            .iter()
            .filter_map(|(l, t, r)| match t {
                Tok::String(s) => Some((*l, s.clone(), *r)),
                _ => None,
            })
            .collect();
        match super::builder::strings(self.ctx, parts) {
            Err(ParseError::User { error }) => Some(error),
            _ => None,
        }
    }

    /// `x.y := 1` where `:=` is not allowed, or with a target that is not a name.
    fn walrus_target(&self) -> Option<Failure> {
        if self.tok != Tok::ColonEqual {
            return None;
        }
        let start = self.view.operand_start(self.index, true)?;
        if start + 1 == self.index && matches!(self.tok_at(start), Some(Tok::Name(_))) {
            return None;
        }
        let target = self.view.parse_range(start, self.index)?;
        Some(Failure::span(
            format!(
                "cannot use assignment expressions with {}",
                targets::expr_name(&target)
            ),
            target.span.start as usize,
            target.span.end as usize,
        ))
    }

    /// `def f((a, b)):` / `lambda (a, b): 0`.
    fn parenthesized_parameters(&self) -> Option<Failure> {
        if self.tok != Tok::Lpar
            || !matches!(self.prev(), Some(Tok::Lpar | Tok::Comma | Tok::Lambda))
        {
            return None;
        }
        let close = self.view.matching_close(self.index)?;
        // Only names and commas inside.
        let inner = self.ctx.tokens.get(self.index + 1..close)?;
        let names_only = !inner.is_empty()
            && inner
                .iter()
                .all(|(_, t, _)| matches!(t, Tok::Name(_) | Tok::Comma));
        if !names_only {
            return None;
        }
        // Which parameter list are we in?
        let mut i = self.index;
        let mut depth = 0i32;
        let what = loop {
            i = i.checked_sub(1)?;
            match self.tok_at(i)? {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar if depth == 0 => {
                    let is_def = matches!(
                        (
                            i.checked_sub(1).and_then(|k| self.tok_at(k)),
                            i.checked_sub(2).and_then(|k| self.tok_at(k))
                        ),
                        (Some(Tok::Name(_)), Some(Tok::Def))
                    );
                    if !is_def {
                        return None;
                    }
                    break "Function parameters cannot be parenthesized";
                }
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth -= 1,
                Tok::Lambda if depth == 0 => {
                    break "Lambda expression parameters cannot be parenthesized";
                }
                Tok::Colon | Tok::Newline | Tok::Equal if depth == 0 => return None,
                _ => {}
            }
        };
        let end = self.ctx.tokens.get(close)?.2;
        Some(Failure::span(what, self.l, end))
    }

    /// Errors inside a dict display: a key without `:`, a `:` without a value, a
    /// starred value.
    fn dict_entry(&self) -> Option<Failure> {
        // The innermost open bracket must be a `{`.
        let mut i = self.index;
        let mut depth = 0i32;
        let mut commas = Vec::new();
        let mut colons = Vec::new();
        let open = loop {
            i = i.checked_sub(1)?;
            match self.tok_at(i)? {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lbrace if depth == 0 => break i,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => {
                    if depth == 0 {
                        return None;
                    }
                    depth -= 1;
                }
                Tok::Comma if depth == 0 => commas.push(i),
                Tok::Colon if depth == 0 => colons.push(i),
                Tok::Lambda | Tok::For if depth == 0 => return None,
                _ => {}
            }
        };
        let prev_is_colon =
            matches!(self.prev(), Some(Tok::Colon)) && colons.first() == Some(&(self.index - 1));
        if prev_is_colon && self.tok == Tok::Star {
            let end_index = self.view.bitwise_end(self.index + 1)?;
            let end = self.ctx.tokens.get(end_index.checked_sub(1)?)?.2;
            return Some(Failure::span(
                "cannot use a starred expression in a dictionary value",
                self.l,
                end,
            ));
        }
        if prev_is_colon && matches!(self.tok, Tok::Rbrace | Tok::Comma) {
            let (l, _, r) = self.ctx.tokens.get(self.index - 1)?;
            return Some(Failure::span(
                "expression expected after dictionary key and ':'",
                *l,
                *r,
            ));
        }
        // A key without its `:` after at least one complete entry.
        let last_comma = *commas.first()?;
        let is_dict = colons.iter().any(|&c| c < last_comma && c > open)
            || matches!(self.tok_at(open + 1), Some(Tok::DoubleStar));
        if !is_dict || colons.iter().any(|&c| c > last_comma) {
            return None;
        }
        let key_start = last_comma + 1;
        if key_start >= self.index {
            return None;
        }
        let key = self.view.parse_range(key_start, self.index)?;
        let key_end = key.span.end as usize;
        Some(Failure::syntax(
            "':' expected after dictionary key",
            Loc::Line {
                at: key_end.saturating_sub(1),
                offset: token_view::column(self.ctx.source, key_end),
            },
        ))
    }

    /// `if x` NEWLINE, `else x`, `def f:`...
    fn missing_colon(&self) -> Option<Failure> {
        // Keywords CPython requires a `:` (or `(`) right after.
        if let Some(prev) = self.prev() {
            let prev_index = self.index - 1;
            let forced = match prev {
                Tok::Try | Tok::Finally => true,
                Tok::Else => self.starts_line(prev_index),
                _ => false,
            };
            if forced && self.tok != Tok::Colon {
                return Some(Failure::syntax("expected ':'", self.loc()));
            }
            if let Tok::Name(_) = prev
                && matches!(
                    prev_index.checked_sub(1).and_then(|i| self.tok_at(i)),
                    Some(Tok::Def)
                )
                && self.tok != Tok::Lpar
            {
                return Some(Failure::syntax("expected '('", self.loc()));
            }
        }
        if self.tok != Tok::Newline || !expects(self.expected, ":") {
            return None;
        }
        // The header must start a compound statement.
        let mut i = self.index;
        let mut depth = 0i32;
        while i > 0 {
            i -= 1;
            match self.tok_at(i) {
                Some(Tok::Rpar | Tok::Rsqb | Tok::Rbrace) => depth += 1,
                Some(Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar) => depth -= 1,
                _ => {}
            }
            if depth <= 0 && self.starts_line(i) {
                break;
            }
        }
        if matches!(self.tok_at(i), Some(Tok::Async)) {
            i += 1;
        }
        let compound = matches!(
            self.tok_at(i),
            Some(
                Tok::If
                    | Tok::Elif
                    | Tok::Else
                    | Tok::While
                    | Tok::For
                    | Tok::With
                    | Tok::Try
                    | Tok::Except
                    | Tok::Finally
                    | Tok::Def
                    | Tok::Class
            )
        );
        compound.then(|| Failure::syntax("expected ':'", self.loc()))
    }

    /// `print x` / `exec x`.
    fn legacy_print(&self) -> Option<Failure> {
        let prev_index = self.index.checked_sub(1)?;
        let Some(Tok::Name(name)) = self.prev() else {
            return None;
        };
        // `print` must start an expression (not be an attribute or follow an operand).
        let before = prev_index.checked_sub(1).and_then(|i| self.tok_at(i));
        let at_expression_start =
            !matches!(before, Some(Tok::Dot)) && !before.is_some_and(Tok::ends_expression);
        if !(name == "print" || name == "exec")
            || !at_expression_start
            || !self.tok.starts_expression()
            || self.tok == Tok::Lpar
        {
            return None;
        }
        let start = self.ctx.tokens.get(prev_index)?.0;
        let end = self.view.expression_end(self.index, true)?;
        Some(Failure::span(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            start,
            end,
        ))
    }

    /// `a if b` followed by something other than `else`.
    fn missing_else(&self) -> Option<Failure> {
        if !expects(self.expected, "else") || self.tok == Tok::Colon {
            return None;
        }
        // Find the `if` at this bracket depth.
        let mut i = self.index;
        let mut depth = 0i32;
        let if_index = loop {
            i = i.checked_sub(1)?;
            match self.tok_at(i)? {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                }
                Tok::If if depth == 0 => break i,
                Tok::Newline | Tok::Indent | Tok::Dedent => return None,
                _ => {}
            }
        };
        let a_start = self.view.disjunction_start(if_index)?;
        let start = self.ctx.tokens.get(a_start)?.0;
        let end = self.ctx.tokens.get(self.index.checked_sub(1)?)?.2;
        Some(Failure::span(
            "expected 'else' after 'if' expression",
            start,
            end,
        ))
    }

    /// `if x = 1:` and other single `=` where a comparison or `:=` was meant.
    fn single_equal(&self) -> Option<Failure> {
        if self.tok != Tok::Equal {
            return None;
        }
        let a_start = self.view.operand_start(self.index, false)?;
        let rhs_end_index = self.view.bitwise_end(self.index + 1)?;
        if matches!(
            self.tok_at(rhs_end_index),
            Some(Tok::Equal | Tok::ColonEqual)
        ) {
            return None;
        }
        let start = self.ctx.tokens.get(a_start)?.0;
        let rhs_end = self.ctx.tokens.get(rhs_end_index.checked_sub(1)?)?.2;
        if a_start + 1 == self.index
            && let Some(Tok::Name(_)) = self.tok_at(a_start)
        {
            return Some(Failure::span(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                start,
                rhs_end,
            ));
        }
        let target = self.view.parse_range(a_start, self.index)?;
        if starts_with_excluded_atom(self.ctx, &target) {
            return None;
        }
        Some(Failure::span(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                targets::expr_name(&target)
            ),
            target.span.start as usize,
            target.span.end as usize,
        ))
    }

    /// Two expressions side by side inside brackets.
    fn missing_comma(&self) -> Option<Failure> {
        if !self.tok.starts_expression() || !self.prev()?.ends_expression() {
            return None;
        }
        if token_view::bracket_depth(self.ctx.tokens, self.index) == 0 {
            return None;
        }
        let a_start = self.view.disjunction_start(self.index)?;
        // Only an `expression` is checked, not the disjunctions of comprehension
        // clauses and conditional expressions, nor parameter lists.
        let before = a_start.checked_sub(1).and_then(|i| self.tok_at(i));
        if matches!(before, Some(Tok::In | Tok::If | Tok::Else | Tok::For)) {
            return None;
        }
        if self.view.in_def_parameters(self.index) {
            return None;
        }
        // CPython skips `NAME STRING` (a bad string prefix) and `print x`.
        if let (Some(Tok::Name(first)), Some(second)) =
            (self.tok_at(a_start), self.tok_at(a_start + 1))
        {
            if matches!(second, Tok::String(_)) && a_start + 1 == self.index {
                return None;
            }
            if (first == "print" || first == "exec") && a_start + 1 == self.index {
                return None;
            }
        }
        let end = self.view.expression_end(self.index, false)?;
        let start = self.ctx.tokens.get(a_start)?.0;
        Some(Failure::span(
            "invalid syntax. Perhaps you forgot a comma?",
            start,
            end,
        ))
    }
}

/// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` look-ahead.
fn starts_with_excluded_atom(ctx: &ParseContext, e: &Expr) -> bool {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::BinOp { left, .. } => cur = left,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => cur = value,
            ExprKind::Call { func, .. } => cur = func,
            ExprKind::List(_) | ExprKind::GeneratorExp { .. } => return true,
            ExprKind::Tuple(_) => {
                return ctx.source.as_bytes().get(cur.span.start as usize) == Some(&b'(');
            }
            ExprKind::Constant(Constant::Bool(_) | Constant::None) => return true,
            _ => return false,
        }
    }
}
