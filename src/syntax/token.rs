//! The parser's terminal alphabet: [`Tok`], the tokens the lexer hands to the grammar.
//!
//! Owns the token kinds (keywords, operators, literals, and the layout tokens NEWLINE,
//! INDENT, DEDENT), the keyword table, and [`StrLit`], the undecoded form of a string
//! literal. Invariants: a token never owns source text it does not need (strings keep
//! byte offsets into the source and are decoded by the parser's actions, where CPython
//! decodes them too); every token is produced together with a byte [`Span`]
//! (`crate::diagnostics::Span`) by the lexer; `Tok::StartModule`, `Tok::StartExpression`
//! and `Tok::StartFString` only ever appear as the very first token, to select the
//! grammar's entry point.

use num_bigint::BigInt;
use std::fmt;

/// A string literal as it appears in the source, not yet decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrLit {
    /// `r`/`R` prefix: backslashes are kept.
    pub raw: bool,
    /// `b`/`B` prefix: a bytes literal.
    pub bytes: bool,
    /// `f`/`F` prefix: an f-string.
    pub fstring: bool,
    /// Byte offset of the first character after the opening quote(s).
    pub body_start: usize,
    /// Byte offset of the closing quote(s).
    pub body_end: usize,
}

/// One token of the token stream the grammar consumes.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// Entry-point selectors (first token only).
    StartModule,
    StartExpression,
    StartFString,

    Name(String),
    Int(BigInt),
    Float(f64),
    Imaginary(f64),
    String(StrLit),

    Newline,
    Indent,
    Dedent,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Brackets. `WithLpar` is a `(` that opens a parenthesised list of with-items
    // (`with (a as b, c):`), recognised by the lexer's look-ahead.
    Lpar,
    WithLpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,

    // Operators and delimiters.
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    /// `<>`: tokenized (so the error caret covers both characters) but never valid.
    LessGreater,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
    /// A stray ASCII character CPython's tokenizer passes on as an operator that no rule
    /// accepts (`$`, `?`, `` ` ``, `!`): always an `invalid syntax` at that character.
    Unknown(char),
}

/// Keyword spellings, in one table so the lexer and the error messages agree.
const KEYWORDS: &[(&str, Tok)] = &[
    ("False", Tok::False),
    ("None", Tok::None),
    ("True", Tok::True),
    ("and", Tok::And),
    ("as", Tok::As),
    ("assert", Tok::Assert),
    ("async", Tok::Async),
    ("await", Tok::Await),
    ("break", Tok::Break),
    ("class", Tok::Class),
    ("continue", Tok::Continue),
    ("def", Tok::Def),
    ("del", Tok::Del),
    ("elif", Tok::Elif),
    ("else", Tok::Else),
    ("except", Tok::Except),
    ("finally", Tok::Finally),
    ("for", Tok::For),
    ("from", Tok::From),
    ("global", Tok::Global),
    ("if", Tok::If),
    ("import", Tok::Import),
    ("in", Tok::In),
    ("is", Tok::Is),
    ("lambda", Tok::Lambda),
    ("nonlocal", Tok::Nonlocal),
    ("not", Tok::Not),
    ("or", Tok::Or),
    ("pass", Tok::Pass),
    ("raise", Tok::Raise),
    ("return", Tok::Return),
    ("try", Tok::Try),
    ("while", Tok::While),
    ("with", Tok::With),
    ("yield", Tok::Yield),
];

/// The keyword token spelled `word`, if it is one.
pub fn keyword(word: &str) -> Option<Tok> {
    KEYWORDS
        .iter()
        .find(|(spelling, _)| *spelling == word)
        .map(|(_, tok)| tok.clone())
}

impl Tok {
    /// True for the tokens that begin an expression (used by error heuristics).
    pub fn starts_expression(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imaginary(_)
                | Tok::String(_)
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Ellipsis
                | Tok::Lpar
                | Tok::Lsqb
                | Tok::Lbrace
                | Tok::Lambda
                | Tok::Not
                | Tok::Await
                | Tok::Minus
                | Tok::Plus
                | Tok::Tilde
        )
    }

    /// True for the tokens that can end an expression (used by error heuristics).
    pub fn ends_expression(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imaginary(_)
                | Tok::String(_)
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Ellipsis
                | Tok::Rpar
                | Tok::Rsqb
                | Tok::Rbrace
        )
    }
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((spelling, _)) = KEYWORDS.iter().find(|(_, tok)| tok == self) {
            return f.write_str(spelling);
        }
        let text = match self {
            Tok::StartModule | Tok::StartExpression | Tok::StartFString => "<start>",
            Tok::Name(name) => return f.write_str(name),
            Tok::Int(value) => return write!(f, "{value}"),
            Tok::Float(value) | Tok::Imaginary(value) => return write!(f, "{value}"),
            Tok::String(_) => "<string>",
            Tok::Newline => "NEWLINE",
            Tok::Indent => "INDENT",
            Tok::Dedent => "DEDENT",
            Tok::Lpar | Tok::WithLpar => "(",
            Tok::Rpar => ")",
            Tok::Lsqb => "[",
            Tok::Rsqb => "]",
            Tok::Lbrace => "{",
            Tok::Rbrace => "}",
            Tok::Colon => ":",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Vbar => "|",
            Tok::Amper => "&",
            Tok::Less => "<",
            Tok::Greater => ">",
            Tok::Equal => "=",
            Tok::Dot => ".",
            Tok::Percent => "%",
            Tok::EqEqual => "==",
            Tok::NotEqual => "!=",
            Tok::LessGreater => "<>",
            Tok::LessEqual => "<=",
            Tok::GreaterEqual => ">=",
            Tok::Tilde => "~",
            Tok::Circumflex => "^",
            Tok::LeftShift => "<<",
            Tok::RightShift => ">>",
            Tok::DoubleStar => "**",
            Tok::PlusEqual => "+=",
            Tok::MinEqual => "-=",
            Tok::StarEqual => "*=",
            Tok::SlashEqual => "/=",
            Tok::PercentEqual => "%=",
            Tok::AmperEqual => "&=",
            Tok::VbarEqual => "|=",
            Tok::CircumflexEqual => "^=",
            Tok::LeftShiftEqual => "<<=",
            Tok::RightShiftEqual => ">>=",
            Tok::DoubleStarEqual => "**=",
            Tok::DoubleSlash => "//",
            Tok::DoubleSlashEqual => "//=",
            Tok::At => "@",
            Tok::AtEqual => "@=",
            Tok::Rarrow => "->",
            Tok::Ellipsis => "...",
            Tok::ColonEqual => ":=",
            Tok::Unknown(c) => return write!(f, "{c}"),
            _ => "<keyword>",
        };
        f.write_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_round_trip() {
        for (spelling, tok) in KEYWORDS {
            assert_eq!(keyword(spelling).as_ref(), Some(tok));
            assert_eq!(tok.to_string(), *spelling);
        }
        assert_eq!(keyword("match"), None);
        assert_eq!(keyword("print"), None);
    }
}
