//! The compiler: AST → [`CodeObject`], following CPython 3.11's `compile.c`.
//!
//! Three passes, each in its own module:
//! 1. [`symtable`] walks the module once and decides, for every name in every scope,
//!    whether it is a fast local, a cell, a free variable, a global or a name looked up
//!    at run time (CPython's `symtable.c`, including its error checks).
//! 2. [`codegen`] emits instructions with symbolic jump labels, source positions and
//!    exception-handler tags, one compile unit per function, class body, comprehension
//!    and module.
//! 3. [`assembler`] lays a unit out: prologue (`MAKE_CELL`, `COPY_FREE_VARS`), dead
//!    code removal, jump direction, stack depth, `EXTENDED_ARG` prefixes and the
//!    exception table.
//!
//! Errors are [`SyntaxError`]s carrying CPython's message and position. The compiler
//! never panics on any AST; an internal inconsistency is reported as a `SyntaxError`
//! whose message starts with `internal compiler error`.

mod assembler;
mod codegen;
mod positions;
mod symtable;

#[cfg(test)]
mod tests;

use crate::bytecode::CodeObject;
use crate::diagnostics::{LineIndex, Span, SyntaxError, SyntaxErrorKind};
use crate::syntax::ast;

/// How the module is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A file or `exec()` source.
    Exec,
    /// One REPL input. For now compiled exactly like [`Mode::Exec`] (expression
    /// statements do not print their values).
    Single,
}

/// A compile-time error before it is tied to a file: a message and the span it
/// points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompileError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub span: Span,
}

impl CompileError {
    pub fn new(message: impl Into<String>, span: Span) -> CompileError {
        CompileError {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            span,
        }
    }

    /// Memory ran out while compiling (the reserve was spent): `MemoryError`.
    pub fn out_of_memory(span: Span) -> CompileError {
        CompileError {
            kind: SyntaxErrorKind::MemoryError,
            message: String::new(),
            span,
        }
    }

    /// Nesting deeper than the compiler's guard: CPython's `RecursionError`.
    pub fn too_deep(span: Span) -> CompileError {
        CompileError {
            kind: SyntaxErrorKind::RecursionError,
            message: RECURSION_MESSAGE.to_string(),
            span,
        }
    }

    /// A broken compiler invariant (never a user's mistake).
    pub fn internal(what: impl AsRef<str>, span: Span) -> CompileError {
        CompileError::new(format!("internal compiler error: {}", what.as_ref()), span)
    }
}

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// Message of the error returned when the AST nests deeper than the compiler allows
/// (CPython raises `RecursionError` with this text). The parser's nesting bound
/// ([`MAX_NESTING`](crate::syntax::MAX_NESTING)) refuses such input first; the
/// compiler's own guards are a safety net for ASTs built by other means.
pub const RECURSION_MESSAGE: &str = crate::syntax::TOO_DEEP_MESSAGE;

/// Compile a parsed module into the code object of its body.
///
/// `source` must be the text `module` was parsed from: spans are turned into 1-based
/// lines and 0-based character columns with it. `filename` is recorded in every code
/// object and in errors.
pub fn compile(
    module: &ast::Module,
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<CodeObject, SyntaxError> {
    compile_with_warnings(module, source, filename, mode, 0).map(|(code, _)| code)
}

/// [`compile`] at optimisation level `optimize` (`-O`: 1 drops asserts and makes
/// `__debug__` False, 2 also drops docstrings), also returning the SyntaxWarnings
/// found, as (line, message) pairs in source order of discovery (each line and
/// message once).
pub fn compile_with_warnings(
    module: &ast::Module,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<(CodeObject, Vec<(u32, String)>), SyntaxError> {
    let index = LineIndex::new(source);
    let to_syntax_error = |e: CompileError| {
        let mut err = SyntaxError::at_span(e.kind, e.message, filename, &index, e.span);
        if matches!(
            e.kind,
            SyntaxErrorKind::RecursionError | SyntaxErrorKind::MemoryError
        ) {
            // Reported without a position, as CPython's compiler does.
            err.lineno = 0;
        }
        err
    };
    let table = symtable::SymbolTable::build(module).map_err(to_syntax_error)?;
    codegen::compile_module(module, &table, source, filename, mode, optimize)
        .map_err(to_syntax_error)
}
