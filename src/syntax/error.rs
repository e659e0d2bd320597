//! Syntax-error construction: where a failure is, and turning it into CPython's report.
//!
//! Owns [`Failure`] (an error found by the lexer, a grammar action or the parser, with a
//! [`Loc`] still in byte offsets) and its resolution into a
//! [`SyntaxError`](crate::diagnostics::SyntaxError) with CPython 3.11's line, offset,
//! end offset and text, including the quirks of CPython's printer (one caret for
//! IndentationError and TabError, text cut at a NUL byte). Which of several errors is
//! reported is decided in `parser.rs`; what an "unexpected token" means, in
//! `parse_error.rs`.
//!
//! Invariant: offsets in a `Loc` are byte offsets into the text being parsed and are
//! clamped by [`LineIndex`]; resolution never panics.

use crate::diagnostics::{LineIndex, SyntaxError, SyntaxErrorKind};

/// Where an error points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// A caret under the byte range `[start, end)` (at least one character wide).
    Span(usize, usize),
    /// CPython's raw form: the line holding byte `at`, with the 1-based character
    /// `offset` given directly (0, or anything left of the line's indentation, prints
    /// no caret) and a one-character caret.
    Line { at: usize, offset: u32 },
    /// CPython's raw form with an explicit 1-based end offset on the same line.
    Cols {
        at: usize,
        offset: u32,
        end_offset: u32,
    },
}

/// An error before it is resolved against the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    At {
        kind: SyntaxErrorKind,
        message: String,
        loc: Loc,
    },
    /// Already resolved (e.g. an error inside an f-string expression, which CPython
    /// reports against the expression's own text).
    Done(SyntaxError),
}

impl Failure {
    pub fn syntax(message: impl Into<String>, loc: Loc) -> Failure {
        Failure::At {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            loc,
        }
    }

    pub fn indentation(message: impl Into<String>, loc: Loc) -> Failure {
        Failure::At {
            kind: SyntaxErrorKind::IndentationError,
            message: message.into(),
            loc,
        }
    }

    /// Expression nesting past [`MAX_NESTING`](super::MAX_NESTING): CPython's
    /// compiler raises `RecursionError` (reported without a position).
    pub fn too_deep(start: usize, end: usize) -> Failure {
        Failure::At {
            kind: SyntaxErrorKind::RecursionError,
            message: super::TOO_DEEP_MESSAGE.to_string(),
            loc: Loc::Span(start, end),
        }
    }

    /// Memory ran out while lexing (see `memory::reserve`): a bare `MemoryError`.
    pub fn out_of_memory(at: usize) -> Failure {
        Failure::At {
            kind: SyntaxErrorKind::MemoryError,
            message: String::new(),
            loc: Loc::Span(at, at),
        }
    }

    pub fn span(message: impl Into<String>, start: usize, end: usize) -> Failure {
        Failure::syntax(message, Loc::Span(start, end))
    }

    /// The line this failure points at (for choosing between errors).
    pub fn position(&self, index: &LineIndex) -> u32 {
        match self {
            Failure::At { loc, .. } => match *loc {
                Loc::Span(start, _) => index.position(start as u32).line,
                Loc::Line { at, .. } | Loc::Cols { at, .. } => index.position(at as u32).line,
            },
            Failure::Done(err) => err.lineno,
        }
    }

    /// Resolves this failure against the source it was found in.
    pub fn resolve(self, filename: &str, index: &LineIndex) -> SyntaxError {
        // Raised by CPython's compiler, after parsing: no position, no text (and no
        // copy of a source line, which may be huge when memory has run out).
        if let Failure::At {
            kind: kind @ (SyntaxErrorKind::RecursionError | SyntaxErrorKind::MemoryError),
            message,
            ..
        } = self
        {
            return SyntaxError::at_span(
                kind,
                message,
                filename,
                &LineIndex::new(""),
                crate::diagnostics::Span::new(0, 0),
            )
            .without_position();
        }
        let mut err = self.resolve_raw(filename, index);
        // CPython handles the line as a C string: it ends at a NUL byte.
        if let Some(nul) = err.text.find('\0') {
            err.text.truncate(nul);
        }
        if matches!(
            err.kind,
            SyntaxErrorKind::RecursionError | SyntaxErrorKind::MemoryError
        ) {
            err = err.without_position();
        } else if err.kind != SyntaxErrorKind::SyntaxError {
            // CPython's printer ignores the end of IndentationError and TabError
            // (SyntaxError subclasses): always a single caret.
            err.end_lineno = err.lineno;
            err.end_offset = err.offset;
        }
        err
    }

    fn resolve_raw(self, filename: &str, index: &LineIndex) -> SyntaxError {
        match self {
            Failure::Done(err) => err,
            Failure::At { kind, message, loc } => match loc {
                Loc::Span(start, end) => {
                    let end = end.max(start);
                    let mut err = SyntaxError::at_span(
                        kind,
                        message,
                        filename,
                        index,
                        crate::diagnostics::Span::new(start, end),
                    );
                    if end == start {
                        // A zero-width token (NEWLINE at the end of a line): CPython's
                        // end offset equals its offset, one caret.
                        err.end_offset = err.offset;
                        err.end_lineno = err.lineno;
                    }
                    err
                }
                Loc::Line { at, offset } => {
                    let line = index.position(at as u32).line;
                    let mut err =
                        SyntaxError::at_position(kind, message, filename, index, line, offset);
                    err.end_offset = offset;
                    err
                }
                Loc::Cols {
                    at,
                    offset,
                    end_offset,
                } => {
                    let line = index.position(at as u32).line;
                    let mut err =
                        SyntaxError::at_position(kind, message, filename, index, line, offset);
                    err.end_offset = end_offset;
                    err
                }
            },
        }
    }
}

/// Character column (0-based) of byte `at` on its line, computed from the text.
pub fn column_of_source(source: &str, at: usize) -> u32 {
    let before = source.get(..at).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before
        .get(line_start..)
        .map_or(0, |s| s.chars().count() as u32)
}
