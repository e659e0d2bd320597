//! A bound on expression nesting, enforced on the token stream before parsing.
//!
//! Owns [`NestingBound`]: for each logical line, a cheap upper bound on the depth of
//! the expression trees the parser could build from its tokens. The parser itself is
//! table driven and never recurses, but the passes after it (dropping the tree,
//! compiling it) do; refusing too-deep input here keeps every later recursion within
//! a fixed depth, where CPython would raise `RecursionError` in its compiler.
//!
//! Invariant: the bound is never below the real depth of the tree. It follows the
//! precedence levels of the grammar:
//! - `and`, `or` and comparisons build flat nodes (`a and b and c` is one `BoolOp`,
//!   `a < b < c` one `Compare`, as in CPython's AST): each kind counts once per
//!   segment, so chains of them are accepted at any length, as CPython accepts them.
//! - Their operands are siblings: the operators binding tighter (arithmetic, bitwise,
//!   unary `-`/`~`, `**`, `await`, `.`, calls and subscripts) are counted per operand
//!   (a *run*), and the deepest run counts.
//! - Unary `not` nests within one `and`/`or` operand.
//! - Everything binding looser (`if`–`else`, `lambda`, `:`, `:=`, `for`, `yield`…)
//!   accumulates over the whole segment.

use super::error::Failure;
use super::token::Tok;

/// A cheap upper bound on the depth of the expression trees of one logical line,
/// computed from its tokens so that deeply nested input is refused before the parser
/// builds a tree too deep for the recursive passes after it.
///
/// Per bracket group: the largest, over its comma-separated segments, of the
/// segment's bound (see the module invariant) plus its deepest bracket group. An
/// opening bracket counts as a tight operator of the enclosing segment (a call,
/// subscript, display or group: at most one level of tree).
pub struct NestingBound {
    limit: u32,
    frames: Vec<Frame>,
}

/// One bracket group's segment being scanned, and the best of its earlier segments.
#[derive(Default, Clone, Copy)]
struct Frame {
    /// Largest total of the earlier segments of this group.
    best: u32,
    /// Loose operators (`if`, `lambda`, `:`…) in the segment.
    loose: u32,
    /// The flat operator kinds seen in the segment ([`FLAT_AND`]…).
    flat: u8,
    /// Unary `not`s in the current `and`/`or` operand, and the most in an earlier one.
    nots: u32,
    max_nots: u32,
    /// Tight operators in the current run, and the most in an earlier run.
    run: u32,
    max_run: u32,
    /// Deepest bracket group inside the segment.
    inner: u32,
    /// The previous token ended an operand (so `not` is the comparison `not in`).
    after_operand: bool,
    /// The previous token was `is` (so `not` is part of `is not`).
    after_is: bool,
    /// Open `lambda` parameter lists: their commas and `=` do not end the segment
    /// (the body they lead to nests inside the lambda).
    lambda_params: u32,
}

const FLAT_AND: u8 = 1;
const FLAT_OR: u8 = 2;
const FLAT_COMPARE: u8 = 4;

/// How one token affects the bound.
enum Effect {
    /// An operand (name, literal): nothing.
    Operand,
    /// Ends the segment (`,`, `;`, `=`, a newline…).
    Separator,
    /// Binds tighter than comparisons: one more level in the current run.
    Tight,
    /// A flat operator of this kind: ends the run.
    Flat(u8),
    /// Unary `not`.
    Not,
    /// Pairs with a loose operator already counted: ends the operand.
    Else,
    /// Binds looser than `and`/`or`, or unknown: one more level for the segment.
    Loose,
}

fn effect(tok: &Tok, prev: &Frame) -> Effect {
    // Closing brackets are accounted for in `observe`; like names and literals they
    // end an operand.
    if tok.ends_expression() {
        return Effect::Operand;
    }
    match tok {
        Tok::Comma | Tok::Equal if prev.lambda_params > 0 => Effect::Operand,
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
        | Tok::AtEqual => Effect::Separator,
        t if super::token_view::is_arith(t) => Effect::Tight,
        Tok::Tilde
        | Tok::Await
        | Tok::Dot
        | Tok::Lpar
        | Tok::WithLpar
        | Tok::Lsqb
        | Tok::Lbrace => Effect::Tight,
        Tok::And => Effect::Flat(FLAT_AND),
        Tok::Or => Effect::Flat(FLAT_OR),
        Tok::Less
        | Tok::Greater
        | Tok::EqEqual
        | Tok::NotEqual
        | Tok::LessGreater
        | Tok::LessEqual
        | Tok::GreaterEqual
        | Tok::In
        | Tok::Is => Effect::Flat(FLAT_COMPARE),
        // `not` after an operand is `not in`; after `is`, `is not`.
        Tok::Not if prev.after_operand || prev.after_is => Effect::Flat(FLAT_COMPARE),
        Tok::Not => Effect::Not,
        // `else` pairs with an `if`, and a lambda's `:` with its `lambda`, already
        // counted.
        Tok::Else => Effect::Else,
        Tok::Colon if prev.lambda_params > 0 => Effect::Else,
        // Everything else binds looser than `and`/`or` (keywords, `:`, `:=`, `->`)
        // or is invalid: counting it as one more level keeps the bound an upper bound,
        // whatever tokens are added later.
        _ => Effect::Loose,
    }
}

impl Frame {
    fn total(&self) -> u32 {
        let segment = self
            .loose
            .saturating_add(self.flat.count_ones())
            .saturating_add(self.nots.max(self.max_nots))
            .saturating_add(self.run.max(self.max_run))
            .saturating_add(self.inner);
        self.best.max(segment)
    }

    fn end_run(&mut self) {
        self.max_run = self.max_run.max(self.run);
        self.run = 0;
    }

    fn end_operand(&mut self) {
        self.end_run();
        self.max_nots = self.max_nots.max(self.nots);
        self.nots = 0;
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
        if let Tok::Rpar | Tok::Rsqb | Tok::Rbrace = tok {
            let inner = if self.frames.len() > 1 {
                self.frames.pop().map_or(0, |f| f.total())
            } else {
                0
            };
            let limit = self.limit;
            let top = self.top();
            top.inner = top.inner.max(inner);
            top.after_operand = true;
            top.after_is = false;
            return (top.total() > limit).then(|| Failure::too_deep(start, end.max(start + 1)));
        }
        let top = self.top();
        let effect = effect(tok, top);
        match tok {
            Tok::Lambda => top.lambda_params = top.lambda_params.saturating_add(1),
            Tok::Colon => top.lambda_params = top.lambda_params.saturating_sub(1),
            _ => {}
        }
        top.after_operand = matches!(effect, Effect::Operand);
        top.after_is = matches!(tok, Tok::Is);
        match effect {
            Effect::Operand => return None,
            Effect::Separator => {
                *top = Frame {
                    best: top.total(),
                    ..Frame::default()
                };
                return None;
            }
            Effect::Tight => top.run = top.run.saturating_add(1),
            Effect::Flat(kind) => {
                top.flat |= kind;
                if kind == FLAT_COMPARE {
                    top.end_run();
                } else {
                    top.end_operand();
                }
            }
            Effect::Not => {
                top.end_run();
                top.nots = top.nots.saturating_add(1);
            }
            Effect::Else => top.end_operand(),
            Effect::Loose => {
                top.end_operand();
                top.loose = top.loose.saturating_add(1);
            }
        }
        let over = top.total() > self.limit;
        if let Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar = tok {
            self.frames.push(Frame::default());
        }
        over.then(|| Failure::too_deep(start, end.max(start + 1)))
    }
}
