//! The token stream the grammar reads: raw tokens plus CPython's layout rules.
//!
//! Owns the indentation layer over the logos scanner (`scan.rs`): NEWLINE at the end of
//! each logical line, INDENT/DEDENT from an indentation stack (tab stops of 8, with
//! CPython's tabs-versus-spaces consistency check), implicit line joining inside
//! brackets, backslash continuations, blank and comment-only lines, the closing NEWLINE
//! and DEDENTs at the end of the text, and the bracket stack with its errors. Also marks
//! the `(` of a parenthesised with-item list (`Tok::WithLpar`) and applies the nesting
//! bound of `nesting.rs` to every token.
//!
//! Invariants: tokens come out in source order with non-decreasing byte spans; layout
//! tokens have empty spans (INDENT/DEDENT at the first character of their line; NEWLINE
//! at the line end, or at the start of a trailing comment); lexing stops at the first
//! error, which is kept beside the tokens read so far (see [`Lexed`]); nothing here
//! recurses, so any input is safe.

use super::error::{Failure, Loc};
use super::nesting::NestingBound;
use super::scan::{Number, RawTok};
use super::token::{self, Tok};
use crate::diagnostics::SyntaxErrorKind;
use logos::Logos;

/// A token with its byte span, the triple LALRPOP consumes.
pub type Spanned = (usize, Tok, usize);

/// CPython's `MAXLEVEL`: brackets nest at most this deep.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's `MAXINDENT` (the stack holds at most this many levels, level 0 included).
pub const MAX_INDENT_LEVELS: usize = 100;

/// How the text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A file: layout tokens, a final NEWLINE and DEDENTs.
    Module,
    /// An expression inside an f-string: read as if inside parentheses (newlines are
    /// insignificant), no layout tokens at all.
    Parenthesized,
}

/// Why lexing stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub failure: Failure,
    /// True for errors CPython only reports when the parser reaches them (end of input
    /// after a backslash); false for tokenizer errors, which win over any parser error.
    pub reached_only: bool,
}

/// The result of lexing one text.
#[derive(Debug, Clone)]
pub struct Lexed {
    pub tokens: Vec<Spanned>,
    /// The first lexical error, if lexing stopped early.
    pub error: Option<LexError>,
    /// Brackets still open where lexing stopped: (bracket, byte offset).
    pub open_brackets: Vec<(char, usize)>,
}

/// Lexes `source[start..end]` (offsets stay relative to the whole `source`).
pub fn lex(source: &str, start: usize, end: usize, mode: Mode, max_depth: u32) -> Lexed {
    let text = source.get(..end).unwrap_or(source);
    let mut layer = Layer::new(text, start, mode, max_depth);
    layer.run();
    let Layer {
        tokens,
        error,
        brackets,
        ..
    } = layer;
    let mut lexed = Lexed {
        tokens,
        error,
        open_brackets: brackets,
    };
    if !mark_with_parens(&mut lexed.tokens) && lexed.error.is_none() {
        lexed.error = Some(LexError {
            failure: Failure::out_of_memory(0),
            reached_only: false,
        });
    }
    lexed
}

/// The indentation and bracket layer: CPython's `tok_get` loop over logos' raw tokens.
struct Layer<'a> {
    source: &'a str,
    start: usize,
    mode: Mode,
    tokens: Vec<Spanned>,
    error: Option<LexError>,
    /// Open brackets: (bracket, byte offset).
    brackets: Vec<(char, usize)>,
    /// Indentation stack: (column with tab stops of 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    /// True when a token has been emitted on the current logical line.
    line_has_tokens: bool,
    /// Start of the comment seen on the current physical line, if any.
    comment_start: Option<usize>,
    nesting: NestingBound,
}

impl<'a> Layer<'a> {
    fn new(source: &'a str, start: usize, mode: Mode, max_depth: u32) -> Layer<'a> {
        Layer {
            source,
            start,
            mode,
            tokens: Vec::new(),
            error: None,
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            line_has_tokens: false,
            comment_start: None,
            nesting: NestingBound::new(max_depth),
        }
    }

    fn fail(&mut self, failure: Failure) {
        self.error = Some(LexError {
            failure,
            reached_only: false,
        });
    }

    fn emit(&mut self, start: usize, tok: Tok, end: usize) -> bool {
        // Memory ran out (the reserve was spent): stop here, so that the tokens and
        // the tree built from them are freed, and report MemoryError.
        if crate::eval_breaker::take(crate::eval_breaker::MEMORY_ERROR)
            || self.tokens.try_reserve(1).is_err()
        {
            self.fail(Failure::out_of_memory(start));
            return false;
        }
        if let Some(failure) = self.nesting.observe(&tok, start, end) {
            self.fail(failure);
            return false;
        }
        self.line_has_tokens = true;
        self.tokens.push((start, tok, end));
        true
    }

    fn run(&mut self) {
        let mut raw = RawTok::lexer(self.source);
        let mut at_line_start = self.mode == Mode::Module;
        let mut pos = self.start;
        // Skip a UTF-8 byte order mark at the very start.
        if pos == 0 && self.source.starts_with('\u{feff}') {
            pos = '\u{feff}'.len_utf8();
        }
        if !self.source.is_char_boundary(pos) {
            pos = 0;
        }
        raw.bump(pos);
        loop {
            if at_line_start {
                at_line_start = false;
                let line_start = raw.span().end;
                if !self.handle_indentation(line_start) {
                    return;
                }
            }
            let Some(next) = raw.next() else {
                self.finish();
                return;
            };
            let span = raw.span();
            let ok = match next {
                Ok(tok) => self.handle(tok, span.start, span.end, &mut at_line_start),
                Err(err) => self.handle_scan_error(err, span.start, span.end),
            };
            if !ok {
                return;
            }
        }
    }

    /// Measures the indentation of the line starting at `line_start` and emits
    /// INDENT/DEDENT tokens (CPython's `atbol` block). Returns false on error.
    fn handle_indentation(&mut self, line_start: usize) -> bool {
        let rest = self.source.get(line_start..).unwrap_or("");
        let (mut col, mut altcol) = (0u32, 0u32);
        let mut first = line_start;
        let mut first_char = None;
        for (i, c) in rest.char_indices() {
            match c {
                ' ' => {
                    col += 1;
                    altcol += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                '\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => {
                    first = line_start + i;
                    first_char = Some(c);
                    break;
                }
            }
        }
        let blank = match first_char {
            None => true,
            Some('#' | '\n') => true,
            Some('\r') => rest
                .get(first - line_start..)
                .is_some_and(|r| r.starts_with("\r\n")),
            Some(_) => false,
        };
        if blank || !self.brackets.is_empty() {
            return true;
        }
        let (top_col, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top_col {
            if altcol != top_alt {
                return self.tab_error(line_start);
            }
        } else if col > top_col {
            if self.indents.len() >= MAX_INDENT_LEVELS {
                self.fail(Failure::indentation(
                    "too many levels of indentation",
                    Loc::Line {
                        at: line_start,
                        offset: 1,
                    },
                ));
                return false;
            }
            if altcol <= top_alt {
                return self.tab_error(line_start);
            }
            self.indents.push((col, altcol));
            self.tokens.push((first, Tok::Indent, first));
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.tokens.push((first, Tok::Dedent, first));
            }
            let (top_col, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top_col {
                let line_len = rest
                    .split('\n')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('\r')
                    .chars()
                    .count() as u32;
                self.fail(Failure::indentation(
                    "unindent does not match any outer indentation level",
                    Loc::Line {
                        at: line_start,
                        offset: line_len + 1,
                    },
                ));
                return false;
            }
            if altcol != top_alt {
                return self.tab_error(line_start);
            }
        }
        true
    }

    fn tab_error(&mut self, line_start: usize) -> bool {
        self.fail(Failure::At {
            kind: SyntaxErrorKind::TabError,
            message: "inconsistent use of tabs and spaces in indentation".to_string(),
            loc: Loc::Line {
                at: line_start,
                offset: 1,
            },
        });
        false
    }

    /// The end of the text: the last NEWLINE and the closing DEDENTs (none inside
    /// brackets, where CPython stops with an error the parser reports).
    fn finish(&mut self) {
        if !self.brackets.is_empty() || self.mode != Mode::Module {
            return;
        }
        let end = self.source.len();
        if self.line_has_tokens {
            let start = self.comment_start.unwrap_or(end);
            self.tokens.push((start, Tok::Newline, end));
            self.line_has_tokens = false;
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push((end, Tok::Dedent, end));
        }
    }

    /// Handles one raw token; returns false when lexing must stop.
    fn handle(&mut self, tok: RawTok, start: usize, end: usize, at_line_start: &mut bool) -> bool {
        let tok = match tok {
            RawTok::Newline => {
                let comment = self.comment_start.take();
                if self.mode == Mode::Module {
                    *at_line_start = true;
                    if self.brackets.is_empty() && self.line_has_tokens {
                        self.tokens
                            .push((comment.unwrap_or(start), Tok::Newline, start));
                        self.line_has_tokens = false;
                        self.nesting.reset();
                    }
                }
                return true;
            }
            RawTok::Comment => {
                self.comment_start = Some(start);
                return true;
            }
            RawTok::Continuation => {
                if end >= self.source.len() && !self.in_brackets() {
                    // CPython: a continuation at the very end is an unexpected EOF.
                    self.error = Some(LexError {
                        failure: Failure::syntax(
                            "unexpected EOF while parsing",
                            Loc::Line {
                                at: start,
                                offset: self.column(start) + 2,
                            },
                        ),
                        reached_only: true,
                    });
                    return false;
                }
                return true;
            }
            RawTok::Backslash => {
                let after = start + 1;
                match self.source.get(after..).and_then(|s| s.chars().next()) {
                    None => {
                        if !self.in_brackets() {
                            self.error = Some(LexError {
                                failure: Failure::syntax(
                                    "unexpected EOF while parsing",
                                    Loc::Line {
                                        at: start,
                                        offset: self.column(start) + 2,
                                    },
                                ),
                                reached_only: true,
                            });
                        }
                    }
                    Some(c) => self.fail(Failure::span(
                        "unexpected character after line continuation character",
                        after,
                        after + c.len_utf8(),
                    )),
                }
                return false;
            }
            RawTok::Name => {
                let word = self.source.get(start..end).unwrap_or("");
                token::keyword(word).unwrap_or_else(|| Tok::Name(word.to_string()))
            }
            RawTok::Number(Number::Int(v)) => Tok::Int(v),
            RawTok::Number(Number::Float(v)) => Tok::Float(v),
            RawTok::Number(Number::Imaginary(v)) => Tok::Imaginary(v),
            RawTok::String(lit) => Tok::String(lit),
            RawTok::Lpar => return self.open('(', Tok::Lpar, start, end),
            RawTok::Lsqb => return self.open('[', Tok::Lsqb, start, end),
            RawTok::Lbrace => return self.open('{', Tok::Lbrace, start, end),
            RawTok::Rpar => return self.close(')', Tok::Rpar, start, end),
            RawTok::Rsqb => return self.close(']', Tok::Rsqb, start, end),
            RawTok::Rbrace => return self.close('}', Tok::Rbrace, start, end),
            RawTok::Colon => Tok::Colon,
            RawTok::Comma => Tok::Comma,
            RawTok::Semi => Tok::Semi,
            RawTok::Plus => Tok::Plus,
            RawTok::Minus => Tok::Minus,
            RawTok::Star => Tok::Star,
            RawTok::Slash => Tok::Slash,
            RawTok::Vbar => Tok::Vbar,
            RawTok::Amper => Tok::Amper,
            RawTok::Less => Tok::Less,
            RawTok::Greater => Tok::Greater,
            RawTok::Equal => Tok::Equal,
            RawTok::Dot => Tok::Dot,
            RawTok::Percent => Tok::Percent,
            RawTok::EqEqual => Tok::EqEqual,
            RawTok::NotEqual => Tok::NotEqual,
            RawTok::LessGreater => Tok::LessGreater,
            RawTok::LessEqual => Tok::LessEqual,
            RawTok::GreaterEqual => Tok::GreaterEqual,
            RawTok::Tilde => Tok::Tilde,
            RawTok::Circumflex => Tok::Circumflex,
            RawTok::LeftShift => Tok::LeftShift,
            RawTok::RightShift => Tok::RightShift,
            RawTok::DoubleStar => Tok::DoubleStar,
            RawTok::PlusEqual => Tok::PlusEqual,
            RawTok::MinEqual => Tok::MinEqual,
            RawTok::StarEqual => Tok::StarEqual,
            RawTok::SlashEqual => Tok::SlashEqual,
            RawTok::PercentEqual => Tok::PercentEqual,
            RawTok::AmperEqual => Tok::AmperEqual,
            RawTok::VbarEqual => Tok::VbarEqual,
            RawTok::CircumflexEqual => Tok::CircumflexEqual,
            RawTok::LeftShiftEqual => Tok::LeftShiftEqual,
            RawTok::RightShiftEqual => Tok::RightShiftEqual,
            RawTok::DoubleStarEqual => Tok::DoubleStarEqual,
            RawTok::DoubleSlash => Tok::DoubleSlash,
            RawTok::DoubleSlashEqual => Tok::DoubleSlashEqual,
            RawTok::At => Tok::At,
            RawTok::AtEqual => Tok::AtEqual,
            RawTok::Rarrow => Tok::Rarrow,
            RawTok::Ellipsis => Tok::Ellipsis,
            RawTok::ColonEqual => Tok::ColonEqual,
        };
        self.emit(start, tok, end)
    }

    fn column(&self, at: usize) -> u32 {
        let before = self.source.get(..at).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before
            .get(line_start..)
            .map_or(0, |s| s.chars().count() as u32)
    }

    fn line_of(&self, at: usize) -> usize {
        self.source
            .as_bytes()
            .get(..at)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            + 1
    }

    fn open(&mut self, bracket: char, tok: Tok, start: usize, end: usize) -> bool {
        if self.brackets.len() >= MAX_BRACKET_DEPTH {
            self.fail(Failure::span("too many nested parentheses", start, end));
            return false;
        }
        self.brackets.push((bracket, start));
        self.emit(start, tok, end)
    }

    fn close(&mut self, bracket: char, tok: Tok, start: usize, end: usize) -> bool {
        let Some(&(opening, open_at)) = self.brackets.last() else {
            self.fail(Failure::span(format!("unmatched '{bracket}'"), start, end));
            return false;
        };
        let matches = matches!((opening, bracket), ('(', ')') | ('[', ']') | ('{', '}'));
        if !matches {
            let message = if self.line_of(open_at) != self.line_of(start) {
                format!(
                    "closing parenthesis '{bracket}' does not match opening parenthesis \
                     '{opening}' on line {}",
                    self.line_of(open_at)
                )
            } else {
                format!(
                    "closing parenthesis '{bracket}' does not match opening parenthesis \
                     '{opening}'"
                )
            };
            self.fail(Failure::span(message, start, end));
            return false;
        }
        self.brackets.pop();
        self.emit(start, tok, end)
    }

    /// A scanning error or a character no raw token accepts; returns false when
    /// lexing must stop.
    fn handle_scan_error(&mut self, err: super::scan::ScanError, start: usize, end: usize) -> bool {
        if !err.message.is_empty() {
            self.fail(Failure::span(err.message, err.start, err.end));
            return false;
        }
        let Some(c) = self.source.get(start..).and_then(|s| s.chars().next()) else {
            self.fail(Failure::span("invalid syntax", start, end.max(start + 1)));
            return false;
        };
        let char_end = start + c.len_utf8();
        if c == '\0' {
            self.fail(Failure::syntax(
                "source code cannot contain null bytes",
                Loc::Line {
                    at: start,
                    offset: 0,
                },
            ));
            return false;
        }
        if c.is_ascii() && !c.is_ascii_control() {
            // `$`, `?`, `!`, backquote: CPython passes them to the parser, which fails
            // with "invalid syntax" on them; lexing goes on (a later lexical error
            // still wins, as in CPython).
            return self.emit(start, Tok::Unknown(c), char_end);
        }
        let message = if is_printable(c) {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        self.fail(Failure::span(message, start, char_end));
        false
    }

    /// True where newlines are insignificant.
    fn in_brackets(&self) -> bool {
        !self.brackets.is_empty() || self.mode != Mode::Module
    }
}

/// An approximation of Python's `str.isprintable` for one character: false for
/// controls, separators other than the space, format characters, surrogates and
/// private-use characters.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    let format = matches!(
        u,
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x13438
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    );
    let private = matches!(u, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD);
    !(format || private)
}

/// Replaces the `(` after `with` by `Tok::WithLpar` when its matching `)` is followed
/// by `:`, the form CPython parses as a parenthesised list of with-items. False when
/// memory ran out (the table of matching brackets is as long as the token stream).
fn mark_with_parens(tokens: &mut [Spanned]) -> bool {
    let with_paren = |w: &[Spanned]| matches!((&w[0].1, &w[1].1), (Tok::With, Tok::Lpar));
    if !tokens.windows(2).any(with_paren) {
        return true;
    }
    // Matching closers, found with one stack pass.
    let mut matching: Vec<Option<usize>> = Vec::new();
    if matching.try_reserve_exact(tokens.len()).is_err() {
        return false;
    }
    matching.resize(tokens.len(), None);
    let mut stack = Vec::new();
    for (i, (_, tok, _)) in tokens.iter().enumerate() {
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => stack.push(i),
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                if let Some(open) = stack.pop()
                    && let Some(slot) = matching.get_mut(open)
                {
                    *slot = Some(i);
                }
            }
            _ => {}
        }
    }
    for i in 0..tokens.len() {
        let is_with = matches!(tokens.get(i), Some((_, Tok::With, _)));
        if !is_with || !matches!(tokens.get(i + 1), Some((_, Tok::Lpar, _))) {
            continue;
        }
        let Some(close) = matching.get(i + 1).copied().flatten() else {
            continue;
        };
        if matches!(tokens.get(close + 1), Some((_, Tok::Colon, _)))
            && let Some(slot) = tokens.get_mut(i + 1)
        {
            slot.1 = Tok::WithLpar;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compact rendering of the token kinds.
    fn kinds(src: &str) -> Vec<String> {
        let lexed = lex(src, 0, src.len(), Mode::Module, 1000);
        assert!(lexed.error.is_none(), "{:?}", lexed.error);
        lexed
            .tokens
            .iter()
            .map(|(_, t, _)| match t {
                Tok::Name(n) => n.clone(),
                Tok::Int(v) => v.to_string(),
                Tok::Newline => "NL".to_string(),
                Tok::Indent => "IN".to_string(),
                Tok::Dedent => "DE".to_string(),
                Tok::String(_) => "STR".to_string(),
                other => other.to_string(),
            })
            .collect()
    }

    fn error(src: &str) -> (String, Loc) {
        let lexed = lex(src, 0, src.len(), Mode::Module, 1000);
        match lexed.error.map(|e| e.failure) {
            Some(Failure::At { message, loc, .. }) => (message, loc),
            other => panic!("no lexer error for {src:?}: {other:?}"),
        }
    }

    #[test]
    fn nested_blocks() {
        let src = "if a:\n    if b:\n        x\n    y\nz\n";
        assert_eq!(
            kinds(src).join(" "),
            "if a : NL IN if b : NL IN x NL DE y NL DE z NL"
        );
    }

    #[test]
    fn blank_and_comment_lines_produce_nothing() {
        let src = "# head\n\nif a:\n\n    # c\n        # deeper comment\n    x  # trailing\n\n";
        assert_eq!(kinds(src).join(" "), "if a : NL IN x NL DE");
    }

    #[test]
    fn continuation_lines_and_brackets() {
        let src = "x = 1 + \\\n    2\ny = (1,\n  2,\n\n     3)\nz = [\n]\n";
        assert_eq!(
            kinds(src).join(" "),
            "x = 1 + 2 NL y = ( 1 , 2 , 3 ) NL z = [ ] NL"
        );
    }

    #[test]
    fn eof_without_newline_closes_blocks() {
        assert_eq!(
            kinds("def f():\n    return 1").join(" "),
            "def f ( ) : NL IN return 1 NL DE"
        );
        assert_eq!(kinds("x").join(" "), "x NL");
        assert_eq!(kinds("").join(" "), "");
        assert_eq!(kinds("\n\n# only a comment").join(" "), "");
    }

    #[test]
    fn crlf_line_endings() {
        assert_eq!(
            kinds("if a:\r\n    b\r\nc\r\n").join(" "),
            "if a : NL IN b NL DE c NL"
        );
    }

    #[test]
    fn tabs_use_stops_of_eight() {
        // A tab then a space is column 9 both times: consistent.
        assert_eq!(
            kinds("if a:\n\t x\n\t y\n").join(" "),
            "if a : NL IN x NL y NL DE"
        );
        // Eight spaces versus a tab: same column, different "alt" column.
        let (message, _) = error("if a:\n\tx\n        y\n");
        assert_eq!(
            message,
            "inconsistent use of tabs and spaces in indentation"
        );
    }

    #[test]
    fn dedent_to_unknown_level() {
        let (message, loc) = error("if a:\n    x\n  y\n");
        assert_eq!(
            message,
            "unindent does not match any outer indentation level"
        );
        assert_eq!(loc, Loc::Line { at: 12, offset: 4 });
    }

    #[test]
    fn layout_token_spans() {
        let src = "if a:  # c\n    x\n";
        let lexed = lex(src, 0, src.len(), Mode::Module, 1000);
        let spans: Vec<(usize, usize)> = lexed.tokens.iter().map(|(s, _, e)| (*s, *e)).collect();
        // NEWLINE after a comment starts at the comment; INDENT sits on `x`.
        assert_eq!(spans[3], (7, 10));
        assert_eq!(spans[4], (15, 15));
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(error("x = 1)").0, "unmatched ')'");
        assert_eq!(
            error("x = [1, 2)").0,
            "closing parenthesis ')' does not match opening parenthesis '['"
        );
        assert_eq!(
            error("x = (1,\n2]").0,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        let deep = format!("x = {}{}", "(".repeat(201), ")".repeat(201));
        assert_eq!(
            error(&deep),
            ("too many nested parentheses".into(), Loc::Span(204, 205))
        );
        let lexed = lex("x = (1,\n", 0, 8, Mode::Module, 1000);
        assert!(lexed.error.is_none());
        assert_eq!(lexed.open_brackets, vec![('(', 4)]);
    }

    #[test]
    fn invalid_characters() {
        assert_eq!(
            error("x = 5 \u{20ac} 3"),
            (
                "invalid character '\u{20ac}' (U+20AC)".into(),
                Loc::Span(6, 9)
            )
        );
        assert_eq!(
            error("x = 5 \u{a0} 3").0,
            "invalid non-printable character U+00A0"
        );
        assert_eq!(
            error("x = a \\ b"),
            (
                "unexpected character after line continuation character".into(),
                Loc::Span(7, 8)
            )
        );
        // ASCII punctuation no rule accepts goes to the parser.
        let lexed = lex("x = $", 0, 5, Mode::Module, 1000);
        assert!(lexed.tokens.contains(&(4, Tok::Unknown('$'), 5)));
    }

    #[test]
    fn keywords_and_unicode_names() {
        assert_eq!(
            kinds("λ = não_é if x else None").join(" "),
            "λ = não_é if x else None NL"
        );
    }

    #[test]
    fn parenthesized_with_items_are_marked() {
        let lexed = lex("with (a as b, c):\n    pass\n", 0, 27, Mode::Module, 1000);
        assert_eq!(lexed.tokens[1].1, Tok::WithLpar);
        let lexed = lex("with (a, b) as c:\n    pass\n", 0, 27, Mode::Module, 1000);
        assert_eq!(lexed.tokens[1].1, Tok::Lpar);
        // An unclosed `(` after `with` is left alone (and does not overflow).
        let lexed = lex("with (a:", 0, 8, Mode::Module, 1000);
        assert_eq!(lexed.tokens[1].1, Tok::Lpar);
    }

    #[test]
    fn nesting_bound() {
        let flat = format!("x = [{}]\n", vec!["1 + 2"; 5000].join(", "));
        assert!(
            lex(&flat, 0, flat.len(), Mode::Module, 1000)
                .error
                .is_none()
        );
        let chain = format!("x = {}\n", vec!["1"; 2000].join(" + "));
        let lexed = lex(&chain, 0, chain.len(), Mode::Module, 1000);
        assert!(lexed.error.is_some());
        let nested = format!("x = {}1{}\n", "-(".repeat(150), ")".repeat(150));
        assert!(
            lex(&nested, 0, nested.len(), Mode::Module, 200)
                .error
                .is_some()
        );
        assert!(
            lex(&nested, 0, nested.len(), Mode::Module, 1000)
                .error
                .is_none()
        );
    }
}
