//! Pyrite: a bytecode interpreter for a Python subset with a CPython-style runtime.
//!
//! Layers (an arrow means "may use"), as in `docs/architecture.md`:
//! `diagnostics`, `bytecode`, `memory`, `format`, `gil` are leaves;
//! `syntax → diagnostics`; `compiler → syntax, bytecode, diagnostics`;
//! `object → memory, bytecode`; `vm → object`; `builtins → vm, object`;
//! `runtime` and `interpreter` (the facade) sit on top.

pub mod bytecode;
pub mod diagnostics;
pub mod format;
pub mod gil;
pub mod memory;

#[cfg(feature = "runtime")]
pub mod builtins;
#[cfg(feature = "runtime")]
pub mod compiler;
#[cfg(feature = "runtime")]
pub mod interpreter;
#[cfg(feature = "runtime")]
pub mod object;
#[cfg(feature = "runtime")]
pub mod runtime;
#[cfg(feature = "runtime")]
pub mod syntax;
#[cfg(feature = "runtime")]
pub mod vm;

#[cfg(feature = "runtime")]
pub use interpreter::{Interpreter, RunError};
