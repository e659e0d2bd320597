//! Source positions and compile-time errors, shared by the front end and the compiler.
//!
//! Owns [`Span`] (byte offsets into one source text), [`LineIndex`] (byte offset →
//! 1-based line and 0-based character column), and [`SyntaxError`], rendered exactly as
//! CPython 3.11 prints an uncaught `SyntaxError`:
//!
//! ```text
//!   File "x.py", line 1
//!     x = = 2
//!         ^
//! SyntaxError: invalid syntax
//! ```
//!
//! Invariant: a `Span` is only meaningful with the source it was made from; columns are
//! counted in characters (not bytes), as CPython's traceback printer shows them.

use std::fmt;

/// Half-open byte range `[start, end)` in a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Maps byte offsets of one source text to lines and character columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    source: String,
}

/// A resolved position: 1-based line, 0-based character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: u32,
    pub col: u32,
}

impl LineIndex {
    /// The index of `source`, or None when memory runs out (it copies the source).
    pub fn try_new(source: &str) -> Option<LineIndex> {
        let lines = source.bytes().filter(|&b| b == b'\n').count();
        let mut line_starts = Vec::new();
        line_starts.try_reserve_exact(lines + 1).ok()?;
        line_starts.push(0);
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut copy = String::new();
        copy.try_reserve_exact(source.len()).ok()?;
        copy.push_str(source);
        Some(LineIndex {
            line_starts,
            source: copy,
        })
    }

    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        LineIndex {
            line_starts,
            source: source.to_string(),
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Position of a byte offset (clamped to the text).
    pub fn position(&self, offset: u32) -> Position {
        let offset = (offset as usize).min(self.source.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let mut end = offset;
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.source[start..end].chars().count();
        Position {
            line: line as u32 + 1,
            col: col as u32,
        }
    }

    /// The text of a 1-based line, without its line terminator.
    pub fn line_text(&self, line: u32) -> &str {
        let i = line as usize;
        if i == 0 || i > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[i - 1];
        let end = self
            .line_starts
            .get(i)
            .copied()
            .unwrap_or(self.source.len());
        self.source[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Which class of compile-time error this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a SyntaxError subclass: CPython's compiler raises it for expressions
    /// nested too deeply ("maximum recursion depth exceeded during compilation").
    RecursionError,
    /// Memory ran out while compiling (the memory reserve was spent): a bare
    /// `MemoryError`, as CPython reports it.
    MemoryError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
            SyntaxErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A compile-time error with CPython's fields (`filename`, `lineno`, `offset`,
/// `text`, `end_lineno`, `end_offset`). Offsets are 1-based character columns, as in
/// CPython's `SyntaxError.offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The offending source line, without its terminator (may be empty).
    pub text: String,
}

impl SyntaxError {
    /// The error with no line, column or source text (CPython's compiler errors).
    pub fn without_position(mut self) -> SyntaxError {
        self.lineno = 0;
        self.offset = 0;
        self.end_lineno = 0;
        self.end_offset = 0;
        self.text.clear();
        self
    }

    /// An error covering `span` of the source indexed by `index`.
    pub fn at_span(
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        filename: &str,
        index: &LineIndex,
        span: Span,
    ) -> SyntaxError {
        let start = index.position(span.start);
        let end = index.position(span.end.max(span.start));
        SyntaxError {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            lineno: start.line,
            offset: start.col + 1,
            end_lineno: end.line,
            end_offset: end.col + 1,
            text: index.line_text(start.line).to_string(),
        }
    }

    /// An error at a 1-based line and 1-based column, one character wide.
    pub fn at_position(
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        filename: &str,
        index: &LineIndex,
        lineno: u32,
        offset: u32,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno: lineno,
            end_offset: offset + 1,
            text: index.line_text(lineno).to_string(),
        }
    }

    /// The lines CPython prints above `Kind: message` (without a trailing newline):
    /// `  File "f", line N`, then the stripped source line and the caret line when
    /// there is source text.
    pub fn location_lines(&self) -> String {
        let mut out = format!("  File \"{}\", line {}", self.filename, self.lineno);
        if !self.text.trim().is_empty() {
            let text = self.text.trim_end();
            let stripped = text.trim_start();
            let removed = text.chars().count() - stripped.chars().count();
            out.push_str("\n    ");
            out.push_str(stripped);
            // CPython prints no caret when it would point left of the stripped text
            // (offset 0, or inside the indentation: IndentationError, TabError).
            if (self.offset as usize) < removed + 1 {
                return out;
            }
            let start = (self.offset.max(1) as usize - 1).saturating_sub(removed);
            let line_len = stripped.chars().count();
            let end = if self.end_lineno == self.lineno && self.end_offset > self.offset {
                (self.end_offset as usize - 1).saturating_sub(removed)
            } else if self.end_lineno > self.lineno {
                line_len.max(start + 1)
            } else {
                start + 1
            };
            let width = end.saturating_sub(start).max(1);
            out.push_str("\n    ");
            out.push_str(&" ".repeat(start));
            out.push_str(&"^".repeat(width));
        }
        out
    }
}

impl fmt::Display for SyntaxError {
    /// The full report, as printed for an uncaught error (ends without a newline).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lineno == 0 {
            // No position (source decoding errors): CPython prints just the last line.
            if self.message.is_empty() {
                return write!(f, "{}", self.kind.name());
            }
            return write!(f, "{}: {}", self.kind.name(), self.message);
        }
        write!(
            f,
            "{}\n{}: {}",
            self.location_lines(),
            self.kind.name(),
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let idx = LineIndex::new("ab\né = 1\n");
        assert_eq!(idx.position(0), Position { line: 1, col: 0 });
        assert_eq!(idx.position(3), Position { line: 2, col: 0 });
        // 'é' is two bytes; the '=' after "é " is character column 2.
        assert_eq!(idx.position(6), Position { line: 2, col: 2 });
        assert_eq!(idx.line_text(2), "é = 1");
    }

    #[test]
    fn renders_like_cpython() {
        let idx = LineIndex::new("x = = 2\n");
        let e = SyntaxError::at_span(
            SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            "<string>",
            &idx,
            Span::new(4, 5),
        );
        assert_eq!(
            e.to_string(),
            "  File \"<string>\", line 1\n    x = = 2\n        ^\nSyntaxError: invalid syntax"
        );
    }

    #[test]
    fn strips_indentation_before_the_caret() {
        let idx = LineIndex::new("if x:\n    x = (1 +\n         2 3)\n");
        let e = SyntaxError::at_span(
            SyntaxErrorKind::SyntaxError,
            "invalid syntax. Perhaps you forgot a comma?",
            "s6.py",
            &idx,
            Span::new(15, 30),
        );
        assert_eq!(
            e.location_lines(),
            "  File \"s6.py\", line 2\n    x = (1 +\n         ^^^"
        );
    }
}
