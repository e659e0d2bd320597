//! Builtin functions, types' behaviour and builtin modules (work in progress).

pub mod types;
