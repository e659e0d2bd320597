//! The bytecode layer: the instruction table, code objects and constants as plain
//! data, and a disassembler in the style of `python3 -m dis`.
//!
//! This is a leaf layer: it depends only on `std`, `num-bigint` and the text
//! formatting helpers used to show constants.

pub mod code;
pub mod constant;
pub mod disassemble;
pub mod instruction;

pub use code::*;
pub use constant::Constant;
pub use disassemble::disassemble;
pub use instruction::*;
