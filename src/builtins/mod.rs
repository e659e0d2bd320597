//! Builtin functions, the builtin types' behaviour, and builtin modules.

pub mod functions;
pub mod io;
pub mod math;
pub mod math_special;
pub mod modules;
pub mod numeric;
pub mod quitter;
pub mod structseq;
pub mod types;
