//! Pyrite: a bytecode interpreter for a Python subset with a CPython-style runtime.
//!
//! Layers (an arrow means "may use"), as in `docs/architecture.md`:
//! `diagnostics`, `bytecode`, `memory`, `format` are leaves; `syntax → diagnostics`;
//! `compiler → syntax, bytecode, diagnostics`; the runtime (`object`, `vm`, `builtins`,
//! behind the `runtime` feature while it is being built) sits on top of them.

pub mod bytecode;
pub mod diagnostics;
pub mod format;
pub mod memory;

#[cfg(feature = "runtime")]
pub mod builtins;
#[cfg(feature = "runtime")]
pub mod object;
#[cfg(feature = "runtime")]
pub mod vm;
