//! A bound on expression nesting, enforced on the token stream before parsing.
//!
//! Owns [`NestingBound`]: for each logical line, a cheap upper bound on the depth of
//! the expression trees the parser could build from its tokens. The parser itself is
//! table driven and never recurses, but the passes after it (dropping the tree,
//! compiling it) do; refusing too-deep input here keeps every later recursion within
//! a fixed depth, where CPython would raise `RecursionError` in its compiler.
//!
//! Invariant: the bound is never below the real depth (up to a small constant factor,
//! for operators that build flat nodes), so input under the limit always parses.

use super::error::Failure;
use super::token::Tok;

/// A cheap upper bound on the depth of the expression trees of one logical line,
/// computed from its tokens so that deeply nested input is refused before the parser
/// builds a tree too deep for the recursive passes after it.
///
/// Per bracket group: the largest, over its comma-separated segments, of (operator
/// tokens in the segment) + (deepest bracket group inside the segment + 1).
pub struct NestingBound {
    limit: u32,
    frames: Vec<Frame>,
}

#[derive(Default, Clone, Copy)]
struct Frame {
    ops: u32,
    inner: u32,
    best: u32,
}

impl Frame {
    fn total(&self) -> u32 {
        self.best.max(self.ops.saturating_add(self.inner))
    }
}

impl NestingBound {
    pub fn new(limit: u32) -> NestingBound {
        NestingBound {
            limit,
            frames: vec![Frame::default()],
        }
    }

    pub fn reset(&mut self) {
        self.frames.clear();
        self.frames.push(Frame::default());
    }

    fn top(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    /// Accounts for one token; returns the error when the bound passes the limit.
    pub fn observe(&mut self, tok: &Tok, start: usize, end: usize) -> Option<Failure> {
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => {
                // A bracket may be a trailer (`a[0][0]...`, `f()()...`): it adds a
                // level in the enclosing segment too.
                let top = self.top();
                top.ops = top.ops.saturating_add(1);
                let over = top.ops.saturating_add(top.inner) > self.limit;
                if over {
                    return Some(Failure::span(
                        super::TOO_DEEP_MESSAGE,
                        start,
                        end.max(start + 1),
                    ));
                }
                self.frames.push(Frame::default());
                return None;
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                let inner = if self.frames.len() > 1 {
                    self.frames.pop().map_or(0, |f| f.total())
                } else {
                    0
                };
                let top = self.top();
                top.inner = top.inner.max(inner.saturating_add(1));
            }
            Tok::Comma
            | Tok::Semi
            | Tok::Newline
            | Tok::Equal
            | Tok::PlusEqual
            | Tok::MinEqual
            | Tok::StarEqual
            | Tok::SlashEqual
            | Tok::PercentEqual
            | Tok::AmperEqual
            | Tok::VbarEqual
            | Tok::CircumflexEqual
            | Tok::LeftShiftEqual
            | Tok::RightShiftEqual
            | Tok::DoubleStarEqual
            | Tok::DoubleSlashEqual
            | Tok::AtEqual => {
                let top = self.top();
                top.best = top.total();
                top.ops = 0;
                top.inner = 0;
                return None;
            }
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::String(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis => return None,
            _ => {
                let top = self.top();
                top.ops = top.ops.saturating_add(1);
            }
        }
        let limit = self.limit;
        let top = self.top();
        if top.ops.saturating_add(top.inner) > limit {
            return Some(Failure::span(
                super::TOO_DEEP_MESSAGE,
                start,
                end.max(start + 1),
            ));
        }
        None
    }
}
