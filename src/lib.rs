//! Pyrite: a bytecode interpreter for a Python subset with a CPython-style runtime.
//!
//! Layers (an arrow means "may use"), as in `docs/architecture.md`:
//! `diagnostics`, `bytecode`, `memory`, `format`, `gil`, `eval_breaker`, `text`, `locale` are leaves;
//! `syntax → diagnostics`; `compiler → syntax, bytecode, diagnostics`;
//! `object → memory, bytecode`; `vm → object`; `builtins → vm, object`;
//! `runtime` and `interpreter` (the facade) sit on top.

pub mod bytecode;
pub mod diagnostics;
pub mod eval_breaker;
pub mod format;
pub mod gil;
pub mod locale;
pub mod memory;
pub mod text;

pub mod builtins;
pub mod cli;
pub mod compiler;
pub mod interpreter;
pub mod object;
pub mod runtime;
pub mod syntax;
pub mod vm;

pub use interpreter::{Config, Interpreter, RunError, SysFlags};
