//! A compile unit: the code object being generated for one scope (module, class
//! body, function, lambda or comprehension), as symbolic instructions.
//!
//! Instructions carry symbolic operands ([`Oparg`]): jump targets are [`Label`]s and
//! cell/free variable operands are indices into the unit's cell and free lists; the
//! [`assembler`](crate::compiler::assembler) resolves both. Each instruction also
//! records its source position and the exception handler active when it was emitted
//! (the top of [`Unit::handlers`]), from which the assembler builds the exception
//! table. [`FBlock`]s describe the enclosing loops and `try` constructs that `break`,
//! `continue` and `return` must unwind.

use crate::bytecode::{Constant, Opcode, SourcePos};
use crate::compiler::symtable::ScopeId;
use crate::syntax::ast::Stmt;
use num_bigint::BigInt;
use std::collections::HashMap;

/// A jump target, placed at most once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

/// A symbolic operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Oparg {
    Int(u32),
    Label(Label),
    /// Index into [`Unit::cellvars`].
    Cell(u32),
    /// Index into [`Unit::freevars`].
    Free(u32),
}

/// An exception handler: where to jump, the stack depth to cut back to, and whether
/// the offending instruction's index is pushed below the exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Handler {
    pub label: Label,
    pub depth: u32,
    pub lasti: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Instr {
    pub op: Opcode,
    pub arg: Oparg,
    pub pos: SourcePos,
    pub handler: Option<Handler>,
}

/// What kind of scope a unit compiles (CPython's `COMPILER_SCOPE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// An enclosing construct that `break`/`continue`/`return` may have to unwind
/// (CPython's `fblockinfo`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// Body of `try` with `except` clauses (its handler is active).
    TryExcept,
    /// Body of `try` with `finally` (its handler is active): unwinding runs a copy of
    /// the `finally` body.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// Inside the exceptional copy of a `finally` body: the previous exception and the
    /// current one are on the stack.
    FinallyEnd,
    /// Matching `except` clauses: the previous exception is on the stack.
    ExceptionHandler,
    /// Body of an `except` clause; with `as name`, the name is cleared on exit.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value (the return value) is on the stack.
    PopValue,
}

impl FBlock<'_> {
    /// Values this block keeps on the stack while its body runs.
    pub fn stack_items(&self) -> u32 {
        match self {
            FBlock::ForLoop { .. } | FBlock::ExceptionHandler | FBlock::PopValue => 1,
            FBlock::FinallyEnd => 2,
            _ => 0,
        }
    }
}

/// Hashable identity of a constant for deduplication (same rules as
/// [`Constant::same_as`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Str(crate::text::TextBuf),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

/// Longest string constant (in bytes) that equal constants share a slot for.
const MAX_SHARED_STR: usize = 4096;

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        // A long string is not shared: its key would copy it.
        Constant::Str(s) if s.len() > MAX_SHARED_STR => return None,
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Constant::FrozenSet(items) => {
            ConstKey::FrozenSet(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Constant::Code(_) => return None,
    })
}

pub(crate) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    /// Class name for private-name mangling.
    pub private: Option<String>,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: Vec<Instr>,
    /// Where each label was placed (an index into `instrs`).
    pub labels: Vec<Option<usize>>,
    pub consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
    /// Fast locals: parameters first, then other locals in order of first use.
    pub varnames: Vec<String>,
    varname_index: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub fblocks: Vec<FBlock<'a>>,
    /// Active exception handlers, innermost last.
    pub handlers: Vec<Handler>,
    /// Position given to emitted instructions.
    pub loc: SourcePos,
}

impl<'a> Unit<'a> {
    pub fn new(kind: UnitKind, scope: ScopeId, name: &str, first_line: u32) -> Unit<'a> {
        Unit {
            kind,
            scope,
            name: name.to_string(),
            qualname: name.to_string(),
            first_line,
            private: None,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            instrs: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            fblocks: Vec::new(),
            handlers: Vec::new(),
            loc: SourcePos::default(),
        }
    }

    /// Appends an instruction. When memory runs out the instruction is dropped and the
    /// memory-error bit set: the next statement (or the assembler) reports MemoryError.
    pub fn emit(&mut self, op: Opcode, arg: Oparg) {
        if self.instrs.try_reserve(1).is_err() {
            crate::eval_breaker::set(crate::eval_breaker::MEMORY_ERROR);
            return;
        }
        self.instrs.push(Instr {
            op,
            arg,
            pos: self.loc,
            handler: self.handlers.last().copied(),
        });
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn place(&mut self, label: Label) {
        if let Some(slot) = self.labels.get_mut(label.0 as usize) {
            *slot = Some(self.instrs.len());
        }
    }

    /// Index of a constant, added if new (code objects are never shared).
    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        if let Some(k) = &key
            && let Some(&i) = self.const_index.get(k)
        {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.name_index.insert(name.to_string(), i);
        i
    }

    /// The slot of a fast local, added if new.
    pub fn varname_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.varname_index.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(name.to_string());
        self.varname_index.insert(name.to_string(), i);
        i
    }

    /// Values kept on the stack by the enclosing blocks at statement level.
    pub fn base_depth(&self) -> u32 {
        self.fblocks.iter().map(FBlock::stack_items).sum()
    }

    /// Start a handler region at the current statement depth plus `extra`.
    pub fn push_handler(&mut self, label: Label, extra: u32, lasti: bool) {
        let depth = self.base_depth() + extra;
        self.handlers.push(Handler {
            label,
            depth,
            lasti,
        });
    }

    pub fn pop_handler(&mut self) {
        self.handlers.pop();
    }
}
