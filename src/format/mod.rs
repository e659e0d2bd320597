//! Number and string text conversions with CPython 3.11 semantics: `repr`
//! of floats, the `format()` mini-language, `%`-formatting, `int()` and
//! `float()` parsing, `str(int)` with the digit limit, numeric hashes and
//! `round()`. This file owns the shared error type and the public re-exports.
//!
//! Everything here is pure text/number logic: callers (the VM and the
//! builtins) convert objects to `BigInt`/`f64`/`&str` first and turn a
//! [`FormatError`] into the Python exception named by its [`ErrorKind`].

mod float_digits;
mod float_repr;
mod float_text;
mod format_float;
mod format_int;
mod format_str;
mod hash;
mod int_float;
mod int_str;
mod layout;
mod parse_float;
mod parse_int;
mod printf;
mod printf_format;
mod round;
mod spec;
mod str_repr;
mod unicode;
mod unicode_data;

#[cfg(test)]
mod test_support;

use std::fmt;

pub use float_repr::{float_repr, float_str};
pub use float_text::{DtoaFlags, double_to_string};
pub use format_float::{format_float, format_float_typed};
pub use format_int::{format_int, format_int_typed};
pub use format_str::{format_str, format_str_typed};
pub use hash::{
    HASH_IMAG, HASH_INF, HASH_MODULUS, hash_complex, hash_float, hash_i64, hash_int, hash_tuple,
};
pub use int_float::{f64_to_int, int_to_f64};
pub use int_str::{
    DEFAULT_MAX_STR_DIGITS, bigint_to_string, bigint_to_string_limited, int_to_bin, int_to_hex,
    int_to_oct, int_to_str_radix, max_str_digits, set_max_str_digits,
};
pub use parse_float::{parse_float, parse_float_literal};
pub use parse_int::{check_int_literal_digits, parse_int, parse_int_limited, parse_int_literal};
pub use printf::{PercentKey, PercentNum, PercentParser, PercentPiece, PercentSpec, parse_percent};
pub use printf_format::{
    format_percent_float, format_percent_int, pad_percent_str, percent_char_from_int,
    percent_char_from_str, percent_type_error,
};
pub use round::{Rounded, round_float, round_float_digits, round_float_to_int, round_int};
pub use spec::{Align, FormatSpec, Grouping, Sign, SpecTarget};
pub use str_repr::{
    ascii_escape, ascii_escape_code_points, str_repr, try_repr_code_points, try_str_repr,
};
pub use unicode::{decimal_value, is_printable, is_space};

/// Which Python exception a [`FormatError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    /// The text would not fit in memory (a huge width): CPython's bare `MemoryError`.
    MemoryError,
}

/// An error with CPython's exact exception type and message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub message: String,
}

/// An empty string with room for `capacity` bytes, or CPython's `MemoryError` when the
/// allocation fails (`'%2000000000000d' % 1`), instead of aborting the process.
pub(crate) fn text_buffer(capacity: usize) -> Result<String, FormatError> {
    let mut s = String::new();
    s.try_reserve_exact(capacity).map_err(|_| FormatError {
        kind: ErrorKind::MemoryError,
        message: String::new(),
    })?;
    Ok(s)
}

impl FormatError {
    /// A `ValueError` with the given message.
    pub fn value(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::ValueError,
            message: message.into(),
        }
    }

    /// A `TypeError` with the given message.
    pub fn type_error(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::TypeError,
            message: message.into(),
        }
    }

    /// An `OverflowError` with the given message.
    pub fn overflow(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::OverflowError,
            message: message.into(),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
        })
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for FormatError {}
