//! Compile-time constants (`co_consts` entries) as plain data.
//!
//! The compiler produces these; the VM turns each into a heap object once, when the
//! code object is loaded. Nested code objects (function bodies, class bodies,
//! comprehensions) are constants too, as in CPython.

use super::code::CodeObject;
use crate::text::TextBuf;
use num_bigint::BigInt;

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(TextBuf),
    Ellipsis,
    Tuple(Vec<Constant>),
    /// A set display of constants (`{3, 11, 19}`), which CPython compiles to a
    /// frozenset constant; items in source order.
    FrozenSet(Vec<Constant>),
    Code(Box<CodeObject>),
}

impl Constant {
    /// Equality used to share constant slots: like `==` but distinguishes types
    /// (`1`, `1.0` and `True` stay separate) and `0.0` from `-0.0`.
    pub fn same_as(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Tuple(a), Constant::Tuple(b))
            | (Constant::FrozenSet(a), Constant::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_as(y))
            }
            (Constant::Code(_), _) | (_, Constant::Code(_)) => false,
            (a, b) => a == b,
        }
    }

    /// The text the disassembler shows for the constant (Python's repr for plain values).
    pub fn describe(&self) -> String {
        match self {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => crate::format::float_repr(*f),
            Constant::Str(s) => {
                crate::format::try_repr_code_points(s.code_points(), s.len()).unwrap_or_default()
            }
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Constant::describe).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Constant::FrozenSet(items) => {
                let parts: Vec<String> = items.iter().map(Constant::describe).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
            Constant::Code(code) => format!(
                "<code object {}, file \"{}\", line {}>",
                code.name, code.filename, code.first_line
            ),
        }
    }
}
