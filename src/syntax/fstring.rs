//! f-strings: splitting `f"...{expr!c:spec}..."` into literal parts and replacement
//! fields, and joining adjacent literals into one node.
//!
//! Follows CPython 3.11's `Parser/string_parser.c`: an f-string is one STRING token
//! whose body is scanned here (so quotes inside a replacement field must differ from
//! the f-string's own, backslashes and `#` are refused in expressions, `{{`/`}}` are
//! literal braces, format specs nest one level). Each expression is parsed by the real
//! parser over its own slice of the source, so node positions are real source
//! positions; when it fails, it is parsed again as CPython does, wrapped in
//! parentheses, to report the error against that text with the `f-string: ` prefix.
//!
//! Invariants: the literal parts and `FormattedValue`s (and the whole `JoinedStr`) carry
//! the span of the whole string concatenation, as in CPython; scanning only moves by
//! whole characters; recursion is bounded (format specs nest at most twice, and nested
//! f-strings need a different quote each).

use super::ast::*;
use super::builder::ParseContext;
use super::error::{Failure, Loc};
use super::strings;
use super::token::StrLit;
use crate::diagnostics::Span;
use crate::text::{Text, TextBuf};

/// The parts of an implicit concatenation of string literals (CPython's
/// `FstringParser`).
pub struct Concat {
    /// The span of the whole concatenation.
    span: Span,
    /// The span of the node itself and of its trailing literal part: the whole
    /// concatenation, except for a format spec, where CPython uses the span of the
    /// string token holding it.
    tail_span: Span,
    last_str: TextBuf,
    parts: Vec<Expr>,
    fmode: bool,
}

impl Concat {
    pub fn new(span: Span) -> Concat {
        Concat {
            span,
            tail_span: span,
            last_str: TextBuf::new(),
            parts: Vec::new(),
            fmode: false,
        }
    }

    /// Appends literal text; MemoryError when its room cannot be found.
    pub fn push_literal(&mut self, text: &Text) -> Result<(), Failure> {
        self.last_str
            .try_reserve(text.len())
            .map_err(|_| Failure::out_of_memory(0))?;
        self.last_str.push_text(text);
        Ok(())
    }

    fn push_value(&mut self, value: Expr) {
        if !self.last_str.is_empty() {
            let text = std::mem::take(&mut self.last_str);
            self.parts.push(Expr::new(
                self.span,
                ExprKind::Constant(Constant::Str(text)),
            ));
        }
        self.parts.push(value);
    }

    /// The node: a plain string constant unless an f-string took part.
    pub fn finish(mut self) -> Expr {
        if !self.fmode {
            return Expr::new(
                self.tail_span,
                ExprKind::Constant(Constant::Str(self.last_str)),
            );
        }
        if !self.last_str.is_empty() {
            let text = std::mem::take(&mut self.last_str);
            self.parts.push(Expr::new(
                self.tail_span,
                ExprKind::Constant(Constant::Str(text)),
            ));
        }
        Expr::new(self.tail_span, ExprKind::JoinedStr(self.parts))
    }

    /// Adds one f-string literal (its token spans `token`); `err_loc` is where CPython
    /// reports scanning errors (the token after the string literals).
    pub fn push_fstring(
        &mut self,
        ctx: &ParseContext,
        lit: &StrLit,
        token: Span,
        err_loc: Loc,
    ) -> Result<(), Failure> {
        self.fmode = true;
        let mut scan = Scan {
            ctx,
            raw: lit.raw,
            end: lit.body_end,
            pos: lit.body_start,
            err_loc,
            span: self.span,
            token,
        };
        scan.parts(0, self)
    }
}

/// Cursor over one f-string body.
struct Scan<'c, 's> {
    ctx: &'c ParseContext<'s>,
    raw: bool,
    /// Byte offset of the closing quote.
    end: usize,
    pos: usize,
    err_loc: Loc,
    /// The whole concatenation.
    span: Span,
    /// The string token being scanned.
    token: Span,
}

/// How a literal part ended.
enum LiteralEnd {
    /// At `{`, `}` or the end of the body.
    Stop,
    /// After a doubled brace (the first brace belongs to the literal).
    DoubledBrace,
}

impl Scan<'_, '_> {
    fn fail(&self, message: impl Into<String>) -> Failure {
        Failure::syntax(message, self.err_loc)
    }

    fn at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        self.ctx.source.get(pos..).and_then(|s| s.chars().next())
    }

    fn peek(&self) -> Option<char> {
        self.at(self.pos)
    }

    /// Literal parts and replacement fields up to the end of the body (or, inside a
    /// format spec, up to its closing `}`).
    fn parts(&mut self, level: u32, out: &mut Concat) -> Result<(), Failure> {
        loop {
            let start = self.pos;
            let how = self.literal(level)?;
            let literal_end = match how {
                LiteralEnd::Stop => self.pos,
                LiteralEnd::DoubledBrace => self.pos - 1,
            };
            let text = self.ctx.source.get(start..literal_end).unwrap_or("");
            if !text.is_empty() {
                let decoded = strings::decode_str(text, self.raw).map_err(|e| match e {
                    strings::DecodeError::Syntax(m) => self.fail(m),
                    strings::DecodeError::OutOfMemory => Failure::out_of_memory(0),
                })?;
                out.push_literal(&decoded)?;
            }
            if let LiteralEnd::DoubledBrace = how {
                continue;
            }
            match self.peek() {
                None | Some('}') => return Ok(()),
                _ => {}
            }
            self.field(level, out)?;
        }
    }

    /// CPython's `fstring_find_literal`.
    fn literal(&mut self, level: u32) -> Result<LiteralEnd, Failure> {
        while let Some(c) = self.peek() {
            let mut ch = c;
            let mut next = self.pos + c.len_utf8();
            if !self.raw
                && c == '\\'
                && let Some(e) = self.at(next)
            {
                ch = e;
                next += e.len_utf8();
                if e == 'N' {
                    // Skip `\N{...}` so its braces are not taken for a field.
                    if self.at(next) == Some('{') {
                        next += 1;
                        while let Some(d) = self.at(next) {
                            next += d.len_utf8();
                            if d == '}' {
                                break;
                            }
                        }
                    } else if let Some(d) = self.at(next) {
                        next += d.len_utf8();
                    }
                    self.pos = next;
                    continue;
                }
            }
            if ch == '{' || ch == '}' {
                if level == 0 {
                    if self.at(next) == Some(ch) {
                        self.pos = next + 1;
                        return Ok(LiteralEnd::DoubledBrace);
                    }
                    if ch == '}' {
                        return Err(self.fail("f-string: single '}' is not allowed"));
                    }
                }
                // Stop on the brace itself.
                self.pos = next - ch.len_utf8();
                return Ok(LiteralEnd::Stop);
            }
            self.pos = next;
        }
        Ok(LiteralEnd::Stop)
    }

    /// CPython's `fstring_find_expr`: one `{...}` field, cursor on its `{`.
    fn field(&mut self, level: u32, out: &mut Concat) -> Result<(), Failure> {
        if level >= 2 {
            return Err(self.fail("f-string: expressions nested too deeply"));
        }
        self.pos += 1;
        let expr_start = self.pos;
        let mut quote: Option<(char, usize)> = None;
        let mut brackets: Vec<char> = Vec::new();
        while let Some(ch) = self.peek() {
            if ch == '\\' {
                return Err(self.fail("f-string expression part cannot include a backslash"));
            }
            if let Some((q, size)) = quote {
                if ch == q {
                    if size == 3 {
                        if self.at(self.pos + 1) == Some(q) && self.at(self.pos + 2) == Some(q) {
                            self.pos += 3;
                            quote = None;
                            continue;
                        }
                    } else {
                        self.pos += 1;
                        quote = None;
                        continue;
                    }
                }
                self.pos += ch.len_utf8();
                continue;
            }
            match ch {
                '\'' | '"' => {
                    if self.at(self.pos + 1) == Some(ch) && self.at(self.pos + 2) == Some(ch) {
                        quote = Some((ch, 3));
                        self.pos += 3;
                    } else {
                        quote = Some((ch, 1));
                        self.pos += 1;
                    }
                    continue;
                }
                '[' | '{' | '(' => {
                    if brackets.len() >= super::lexer::MAX_BRACKET_DEPTH {
                        return Err(self.fail("f-string: too many nested parenthesis"));
                    }
                    brackets.push(ch);
                }
                '#' => {
                    return Err(self.fail("f-string expression part cannot include '#'"));
                }
                '!' | ':' | '}' | '=' | '<' | '>' if brackets.is_empty() => {
                    let next = self.at(self.pos + 1);
                    if next == Some('=') && matches!(ch, '!' | '=' | '<' | '>') {
                        self.pos += 2;
                        continue;
                    }
                    if ch == '<' || ch == '>' {
                        self.pos += 1;
                        continue;
                    }
                    break;
                }
                ']' | '}' | ')' => {
                    let Some(opening) = brackets.pop() else {
                        return Err(self.fail(format!("f-string: unmatched '{ch}'")));
                    };
                    if !matches!((opening, ch), ('(', ')') | ('[', ']') | ('{', '}')) {
                        return Err(self.fail(format!(
                            "f-string: closing parenthesis '{ch}' does not match opening \
                             parenthesis '{opening}'"
                        )));
                    }
                }
                _ => {}
            }
            self.pos += ch.len_utf8();
        }
        let expr_end = self.pos;
        if quote.is_some() {
            return Err(self.fail("f-string: unterminated string"));
        }
        if let Some(opening) = brackets.last() {
            return Err(self.fail(format!("f-string: unmatched '{opening}'")));
        }
        let Some(stop) = self.peek() else {
            return Err(self.fail("f-string: expecting '}'"));
        };
        let text = self.ctx.source.get(expr_start..expr_end).unwrap_or("");
        if text
            .trim_matches([' ', '\t', '\n', '\r', '\x0c', '\x0b'])
            .is_empty()
        {
            return Err(if stop == '}' {
                self.fail("f-string: empty expression not allowed")
            } else {
                self.fail(format!("f-string: expression required before '{stop}'"))
            });
        }
        let value = super::parser::parse_fstring_expression(self.ctx, expr_start, expr_end)?;

        // `{expr=}`: the text of the expression (with the `=` and the spaces after it).
        let mut expr_text = None;
        if stop == '=' {
            self.pos += 1;
            while matches!(
                self.peek(),
                Some(' ' | '\t' | '\n' | '\r' | '\x0c' | '\x0b')
            ) {
                self.pos += 1;
            }
            if self.peek().is_none() {
                return Err(self.fail("f-string: expecting '}'"));
            }
            expr_text = self
                .ctx
                .source
                .get(expr_start..self.pos)
                .map(str::to_string);
        }
        let mut conversion = None;
        if self.peek() == Some('!') {
            self.pos += 1;
            let Some(c) = self.peek() else {
                return Err(self.fail("f-string: expecting '}'"));
            };
            self.pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(
                    self.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if self.peek() == Some(':') {
            self.pos += 1;
            if self.peek().is_none() {
                return Err(self.fail("f-string: expecting '}'"));
            }
            let mut spec = Concat::new(self.span);
            spec.tail_span = self.token;
            spec.fmode = true;
            self.parts(level + 1, &mut spec)?;
            format_spec = Some(Box::new(spec.finish()));
        }
        if self.peek() != Some('}') {
            return Err(self.fail("f-string: expecting '}'"));
        }
        self.pos += 1;
        if expr_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        if let Some(text) = expr_text {
            out.push_literal(Text::new(&text))?;
        }
        out.push_value(Expr::new(
            self.span,
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
        ));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::syntax::ast::{Constant, Expr, ExprKind};
    use crate::syntax::parse_expression;

    fn parts(src: &str) -> Vec<Expr> {
        match parse_expression(src, "t.py").map(|e| e.kind) {
            Ok(ExprKind::JoinedStr(parts)) => parts,
            other => panic!("{src}: {other:?}"),
        }
    }

    fn text(e: &Expr) -> &str {
        match &e.kind {
            ExprKind::Constant(Constant::Str(s)) => s.to_str().unwrap_or("<surrogates>"),
            other => panic!("not a string part: {other:?}"),
        }
    }

    #[test]
    fn doubled_braces_and_literals() {
        let p = parts("f'a{{b}}c'");
        assert_eq!(p.len(), 1);
        assert_eq!(text(&p[0]), "a{b}c");
        assert!(parts("f''").is_empty());
    }

    #[test]
    fn self_documenting_field_defaults_to_repr() {
        let p = parts("f'{x = }'");
        assert_eq!(text(&p[0]), "x = ");
        let ExprKind::FormattedValue { conversion, .. } = &p[1].kind else {
            panic!("{:?}", p[1]);
        };
        assert_eq!(*conversion, Some('r'));
        // An explicit format spec keeps the conversion unset.
        let p = parts("f'{x=:>5}'");
        let ExprKind::FormattedValue { conversion, .. } = &p[1].kind else {
            panic!("{:?}", p[1]);
        };
        assert_eq!(*conversion, None);
    }

    #[test]
    fn nested_format_spec() {
        let p = parts("f'{x!s:>{w}.{p}}'");
        let ExprKind::FormattedValue {
            conversion,
            format_spec: Some(spec),
            ..
        } = &p[0].kind
        else {
            panic!("{:?}", p[0]);
        };
        assert_eq!(*conversion, Some('s'));
        let ExprKind::JoinedStr(spec) = &spec.kind else {
            panic!("{spec:?}");
        };
        assert_eq!(spec.len(), 4);
        assert_eq!(text(&spec[0]), ">");
        assert_eq!(text(&spec[2]), ".");
    }

    #[test]
    fn escapes_in_literal_parts_and_raw() {
        assert_eq!(text(&parts("f'\\t{x}'")[0]), "\t");
        assert_eq!(text(&parts("rf'\\t{x}'")[0]), "\\t");
        assert_eq!(text(&parts("f'\\N{BULLET}{x}'")[0]), "\u{2022}");
    }

    #[test]
    fn operators_that_look_like_delimiters() {
        for src in [
            "f'{a != b}'",
            "f'{a == b}'",
            "f'{a <= b}'",
            "f'{a < b}'",
            "f'{d[\"k\"]}'",
        ] {
            assert_eq!(parts(src).len(), 1, "{src}");
        }
    }

    #[test]
    fn errors() {
        let message = |src: &str| parse_expression(src, "t.py").unwrap_err().message;
        assert_eq!(message("f'{'"), "f-string: expecting '}'");
        assert_eq!(message("f'{}'"), "f-string: empty expression not allowed");
        assert_eq!(message("f'}'"), "f-string: single '}' is not allowed");
        assert_eq!(
            message("f'{!r}'"),
            "f-string: expression required before '!'"
        );
        assert_eq!(
            message("f'{x!z}'"),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            message("f'{x:{y:{z}}}'"),
            "f-string: expressions nested too deeply"
        );
        assert_eq!(
            message("f'{a#}'"),
            "f-string expression part cannot include '#'"
        );
        assert_eq!(message("f'{a)}'"), "f-string: unmatched ')'");
        assert_eq!(
            message("f'{a b}'"),
            "f-string: invalid syntax. Perhaps you forgot a comma?"
        );
    }
}
