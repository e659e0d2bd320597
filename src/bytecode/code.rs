//! `CodeObject`: the compiler's output for one function, class body, comprehension or
//! module, as plain data (no heap objects).
//!
//! Invariants: `positions.len() == code.len()` (one source position per code unit);
//! `localsplus_kinds.len() == localsplus_names.len()`; plain locals (arguments first)
//! come before cells, and cells before free variables; `stacksize` bounds the value
//! stack along every path; exception-table entries are sorted by `start` and do not
//! overlap.

use super::constant::Constant;
use super::instruction::{CodeUnit, Opcode};

/// Flags, with CPython's `CO_*` values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
}

/// Kinds of `localsplus` slots (CPython's `CO_FAST_*`).
pub mod kinds {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// Source position of one code unit: 1-based lines, 0-based character columns.
/// `line == 0` means "no position" (synthetic instructions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SourcePos {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One row of the exception table: an exception raised by a code unit in
/// `[start, end)` jumps to `target` after the value stack is cut to `depth` (plus the
/// offending instruction's index when `push_lasti`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub code: Vec<CodeUnit>,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    pub localsplus_names: Vec<String>,
    pub localsplus_kinds: Vec<u8>,
    pub stacksize: u32,
    pub positions: Vec<SourcePos>,
    pub exception_table: Vec<ExceptionEntry>,
}

impl CodeObject {
    /// Number of plain local variables (`co_nlocals`), arguments included.
    pub fn nlocals(&self) -> usize {
        self.localsplus_kinds
            .iter()
            .filter(|k| **k & kinds::LOCAL != 0)
            .count()
    }

    pub fn ncells(&self) -> usize {
        self.localsplus_kinds
            .iter()
            .filter(|k| **k & kinds::CELL != 0 && **k & kinds::LOCAL == 0)
            .count()
    }

    pub fn nfree(&self) -> usize {
        self.localsplus_kinds
            .iter()
            .filter(|k| **k & kinds::FREE != 0)
            .count()
    }

    /// Total number of positional and keyword parameters, plus `*args`/`**kwargs` slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The position of a code unit (default when out of range).
    pub fn position(&self, index: usize) -> SourcePos {
        self.positions.get(index).copied().unwrap_or_default()
    }

    /// The handler for an exception raised at code unit `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= index && index < e.end)
    }

    /// Decode the operand of the instruction at `index`, folding `EXTENDED_ARG` prefixes
    /// that precede it.
    pub fn full_arg(&self, index: usize) -> u32 {
        let mut arg = self.code[index].arg as u32;
        let mut shift = 8;
        let mut i = index;
        while i > 0 && self.code[i - 1].op == Opcode::EXTENDED_ARG {
            i -= 1;
            arg |= (self.code[i].arg as u32) << shift;
            shift += 8;
        }
        arg
    }
}
