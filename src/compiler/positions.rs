//! Source positions for instructions: byte spans → 1-based lines and 0-based
//! character columns, in constant time per lookup.
//!
//! The compiler asks for a position for every expression it visits, so this
//! precomputes line starts and, for lines that are not pure ASCII, the character
//! column of every byte; ASCII lines (the common case) need no table. Results agree
//! with [`LineIndex::position`](crate::diagnostics::LineIndex::position).

use crate::bytecode::SourcePos;
use crate::diagnostics::Span;

pub(crate) struct SourceMap {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    /// For non-ASCII lines, the character column of each byte of the line (bytes
    /// inside a character map to that character's column).
    columns: Vec<Option<Vec<u32>>>,
    len: usize,
}

impl SourceMap {
    pub fn new(source: &str) -> SourceMap {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let columns = line_starts
            .iter()
            .enumerate()
            .map(|(i, &start)| {
                let end = line_starts.get(i + 1).copied().unwrap_or(source.len());
                let line = &source[start..end];
                if line.is_ascii() {
                    return None;
                }
                let mut cols = vec![0u32; line.len() + 1];
                let mut col = 0u32;
                for (byte, ch) in line.char_indices() {
                    for slot in &mut cols[byte..byte + ch.len_utf8()] {
                        *slot = col;
                    }
                    col += 1;
                }
                cols[line.len()] = col;
                Some(cols)
            })
            .collect();
        SourceMap {
            line_starts,
            columns,
            len: source.len(),
        }
    }

    /// (1-based line, 0-based character column) of a byte offset.
    fn locate(&self, offset: u32) -> (u32, u32) {
        let offset = (offset as usize).min(self.len);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let within = offset - self.line_starts[line];
        let col = match &self.columns[line] {
            None => within as u32,
            Some(cols) => cols.get(within).copied().unwrap_or(0),
        };
        (line as u32 + 1, col)
    }

    pub fn pos(&self, span: Span) -> SourcePos {
        let (line, col) = self.locate(span.start);
        let (end_line, end_col) = self.locate(span.end.max(span.start));
        SourcePos {
            line,
            end_line,
            col,
            end_col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::LineIndex;

    #[test]
    fn agrees_with_line_index() {
        let text = "ab\né = 'ü'\n\nx\n";
        let map = SourceMap::new(text);
        let index = LineIndex::new(text);
        for offset in 0..=text.len() as u32 + 2 {
            let p = index.position(offset);
            assert_eq!(map.locate(offset), (p.line, p.col), "offset {offset}");
        }
    }
}
