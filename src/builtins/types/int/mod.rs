//! `int` and `bool`: arbitrary-precision integers with an `i64` fast path.
//!
//! The arithmetic lives in pure functions over [`IntValue`] (`int_add`, `int_floordiv`,
//! `int_pow`, `int_lshift`, …) that try the machine-word path first and promote to
//! `BigInt` on overflow, so they can be tested without an interpreter. The slots and
//! methods below only unpack operands (answering `NotImplemented` when an operand is
//! not an int, so `float` and user classes get their turn) and wrap the results.
//!
//! Semantics follow CPython 3.11: floor division and modulo take the divisor's sign,
//! `/` is correctly rounded even for huge operands (`10**400 / 10**399 == 10.0`), a
//! negative exponent gives a float, shifts and bitwise operators act on the infinite
//! two's complement representation, and every error carries CPython's message.

mod arith;
#[cfg(test)]
mod tests;

pub use arith::*;

use super::{add_attr, add_method, check_args, check_keywords, check_method_args, keyword};
use crate::format::{self};
use crate::object::float::new_float;
use crate::object::function::{NativeFn, PropertyData, StaticMethodData};
use crate::object::handle::dealloc_fixed;
use crate::object::int::{IntData, IntValue, int_value, new_int, new_int_value};
use crate::object::singletons::{is_none, not_implemented, py_bool};
use crate::object::str::{as_str, new_str, try_new_str};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use std::cell::RefCell;

// ----- conversions for other modules --------------------------------------------------

/// `float(v)` for an int value, with `OverflowError: int too large to convert to float`.
pub fn to_f64(v: &IntValue) -> PyResult<f64> {
    Ok(int_to_f64_checked(v)?)
}

/// `int(x)` for a float: truncation toward zero; `ValueError` for NaN and
/// `OverflowError` for infinities.
pub fn int_from_f64(x: f64) -> PyResult {
    if x.is_finite() && x.abs() < 9.2e18 {
        return Ok(new_int(x.trunc() as i64));
    }
    let b = format::f64_to_int(x).map_err(format_error)?;
    Ok(crate::object::int::new_bigint(b))
}

/// `operator.index(x)`: the value of an int/bool, or of what `__index__` returns.
pub fn index_value(vm: &mut Vm, x: &PyRef) -> PyResult<IntValue> {
    if let Some(v) = int_value(x) {
        return Ok(v.clone());
    }
    let r = match x.ty().slots.index.get() {
        Some(f) => Some(f(vm, x)?),
        None => vm.call_special(x, "__index__", &[])?,
    };
    match r {
        Some(r) => match int_value(&r) {
            Some(v) => Ok(v.clone()),
            None => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                r.ty().name()
            ))),
        },
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            x.ty().name()
        ))),
    }
}

/// A sequence index: `index_value` that must fit an `isize`
/// (`IndexError: cannot fit 'int' into an index-sized integer`).
pub fn as_isize_index(vm: &mut Vm, x: &PyRef) -> PyResult<isize> {
    let v = index_value(vm, x)?;
    v.as_i64()
        .and_then(|v| isize::try_from(v).ok())
        .ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer"))
}

/// `int(x)` for one argument (CPython's `PyNumber_Long`): an exact int object.
pub fn int_from_object(vm: &mut Vm, x: &PyRef) -> PyResult {
    if x.is_exact(&INT_TYPE) {
        return Ok(x.clone());
    }
    let r = match x.ty().slots.int.get() {
        Some(f) => Some(f(vm, x)?),
        None => vm.call_special(x, "__int__", &[])?,
    };
    if let Some(r) = r {
        return match int_value(&r) {
            Some(v) => Ok(exact_int(&r, v)),
            None => Err(PyErr::type_error(format!(
                "__int__ returned non-int (type {})",
                r.ty().name()
            ))),
        };
    }
    if x.ty().slots.index.get().is_some() || x.ty().lookup_str("__index__").is_some() {
        return Ok(new_int_value(index_value(vm, x)?));
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        if let Some(v) = int_value(&r) {
            return Ok(exact_int(&r, v));
        }
        if r.ty().slots.index.get().is_none() && r.ty().lookup_str("__index__").is_none() {
            return Err(PyErr::type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.ty().name()
            )));
        }
        return Ok(new_int_value(index_value(vm, &r)?));
    }
    if let Some(s) = as_str(x) {
        let b = format::parse_int(s, 10).map_err(format_error)?;
        return Ok(crate::object::int::new_bigint(b));
    }
    if crate::object::str::is_str(x) {
        return Err(invalid_literal(x, 10));
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.ty().name()
    )))
}

/// `r` itself if it is an exact int, else a new exact int with value `v`.
fn exact_int(r: &PyRef, v: &IntValue) -> PyRef {
    if r.is_exact(&INT_TYPE) {
        r.clone()
    } else {
        new_int_value(v.clone())
    }
}

/// The int value of a receiver known to be an int (checked by the caller).
fn value_of(x: &PyRef) -> &IntValue {
    static ZERO: IntValue = IntValue::Small(0);
    int_value(x).unwrap_or(&ZERO)
}

/// A `str` of an int value (CPython's 4300-digit limit applies).
pub fn int_to_string(v: &IntValue) -> PyResult<String> {
    match v {
        IntValue::Small(x) => Ok(x.to_string()),
        IntValue::Big(b) => format::bigint_to_string(b).map_err(format_error),
    }
}

// ----- slots -------------------------------------------------------------------------

fn int_repr(_vm: &mut Vm, x: &PyRef) -> PyResult {
    try_new_str(&int_to_string(value_of(x))?)
}

fn bool_repr(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_str(if int_is_zero(value_of(x)) {
        "False"
    } else {
        "True"
    }))
}

fn int_hash(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    Ok(match value_of(x) {
        IntValue::Small(v) => format::hash_i64(*v),
        IntValue::Big(b) => format::hash_int(b),
    })
}

fn int_richcompare(_vm: &mut Vm, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
    match (int_value(v), int_value(w)) {
        (Some(a), Some(b)) => Ok(py_bool(compare_holds(op, int_cmp(a, b)))),
        _ => Ok(not_implemented()),
    }
}

fn int_bool(_vm: &mut Vm, x: &PyRef) -> PyResult<bool> {
    Ok(!int_is_zero(value_of(x)))
}

/// Binary slots over two ints; `NotImplemented` for anything else.
macro_rules! int_binary_slots {
    ($( $name:ident => |$a:ident, $b:ident| $body:expr; )*) => {
        $(
            fn $name(_vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
                let (Some($a), Some($b)) = (int_value(v), int_value(w)) else {
                    return Ok(not_implemented());
                };
                $body
            }
        )*
    };
}

int_binary_slots! {
    int_nb_add => |a, b| Ok(new_int_value(int_add(a, b)));
    int_nb_sub => |a, b| Ok(new_int_value(int_sub(a, b)));
    int_nb_mul => |a, b| Ok(new_int_value(int_mul(a, b)));
    int_nb_floordiv => |a, b| Ok(new_int_value(int_floordiv(a, b)?));
    int_nb_mod => |a, b| Ok(new_int_value(int_mod(a, b)?));
    int_nb_truediv => |a, b| Ok(new_float(int_truediv(a, b)?));
    int_nb_lshift => |a, b| Ok(new_int_value(int_lshift(a, b)?));
    int_nb_rshift => |a, b| Ok(new_int_value(int_rshift(a, b)?));
    int_nb_and => |a, b| Ok(new_int_value(int_and(a, b)));
    int_nb_or => |a, b| Ok(new_int_value(int_or(a, b)));
    int_nb_xor => |a, b| Ok(new_int_value(int_xor(a, b)));
    int_nb_pow => |a, b| Ok(number_object(int_pow(a, b)?));
    int_nb_divmod => |a, b| {
        let (q, r) = int_divmod(a, b)?;
        Ok(new_tuple(vec![new_int_value(q), new_int_value(r)]))
    };
}

fn number_object(n: Number) -> PyRef {
    match n {
        Number::Int(v) => new_int_value(v),
        Number::Float(f) => new_float(f),
    }
}

/// `divmod(v, w)` for two ints (`NotImplemented` otherwise).
pub fn int_divmod_slot(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    int_nb_divmod(vm, v, w)
}

/// `pow(v, w, z)`: modular when `z` is an int, plain `**` when it is None.
pub fn int_pow3(vm: &mut Vm, v: &PyRef, w: &PyRef, z: &PyRef) -> PyResult {
    if is_none(z) {
        return int_nb_pow(vm, v, w);
    }
    match (int_value(v), int_value(w), int_value(z)) {
        (Some(a), Some(b), Some(m)) => Ok(new_int_value(int_pow_mod(a, b, m)?)),
        _ => Ok(not_implemented()),
    }
}

fn both_bool(v: &PyRef, w: &PyRef) -> bool {
    v.is_exact(&BOOL_TYPE) && w.is_exact(&BOOL_TYPE)
}

fn bool_nb_and(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    if both_bool(v, w) {
        return Ok(py_bool(
            !int_is_zero(value_of(v)) & !int_is_zero(value_of(w)),
        ));
    }
    int_nb_and(vm, v, w)
}

fn bool_nb_or(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    if both_bool(v, w) {
        return Ok(py_bool(
            !int_is_zero(value_of(v)) | !int_is_zero(value_of(w)),
        ));
    }
    int_nb_or(vm, v, w)
}

fn bool_nb_xor(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    if both_bool(v, w) {
        return Ok(py_bool(
            !int_is_zero(value_of(v)) ^ !int_is_zero(value_of(w)),
        ));
    }
    int_nb_xor(vm, v, w)
}

fn int_neg_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_int_value(int_neg(value_of(x))))
}

/// `+x`, `int(x)`, `x.__index__()`: the value as an exact int.
fn int_exact_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(exact_int(x, value_of(x)))
}

fn int_invert_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_int_value(int_invert(value_of(x))))
}

fn int_abs_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let v = value_of(x);
    if int_signum(v) >= 0 {
        return Ok(exact_int(x, v));
    }
    Ok(new_int_value(int_neg(v)))
}

fn int_float_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_float(to_f64(value_of(x))?))
}

// ----- constructors ------------------------------------------------------------------

/// An instance of `cls` (int or a subclass of it) holding `v`.
fn make_int(cls: &PyRef, v: IntValue) -> PyResult {
    let ty = as_type(cls);
    if std::ptr::eq(ty, &INT_TYPE) {
        return Ok(new_int_value(v));
    }
    if ty.layout != Layout::Int || std::ptr::eq(ty, &BOOL_TYPE) {
        return Err(PyErr::type_error(format!(
            "int.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            ty.name()
        )));
    }
    Ok(alloc(ty, IntData(v)))
}

/// `int(x=0)` / `int(x, base=10)`.
fn int_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let total = args.args.len();
    if total > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({total} given)"
        )));
    }
    check_keywords("int", &args, &["base"])?;
    let pos = args.positional();
    let x = pos.first();
    let base = match (pos.get(1), keyword(&args, "base")) {
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "argument for int() given by name ('base') and position (2)",
            ));
        }
        (a, b) => a.or(b),
    };
    let value = match (x, base) {
        (None, None) => IntValue::Small(0),
        (None, Some(_)) => return Err(PyErr::type_error("int() missing string argument")),
        (Some(x), None) => {
            let r = int_from_object(vm, x)?;
            value_of(&r).clone()
        }
        (Some(x), Some(b)) => {
            let base = match index_value(vm, b)? {
                IntValue::Small(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => {
                    return Err(PyErr::value_error(
                        "int() base must be >= 2 and <= 36, or 0",
                    ));
                }
            };
            let Some(s) = as_str(x) else {
                if crate::object::str::is_str(x) {
                    return Err(invalid_literal(x, base));
                }
                return Err(PyErr::type_error(
                    "int() can't convert non-string with explicit base",
                ));
            };
            IntValue::from_big(format::parse_int(s, base).map_err(format_error)?)
        }
    };
    make_int(cls, value)
}

/// `bool(x=False)`.
fn bool_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    let pos = check_args("bool", &args, 0, 1)?;
    match pos.first() {
        None => Ok(py_bool(false)),
        Some(x) => {
            let b = vm.is_true(x)?;
            Ok(py_bool(b))
        }
    }
}

/// The checks of `T.__new__(cls, ...)` for a builtin `T`; returns `cls`.
pub fn check_new_receiver<'a>(args: &Args<'a>, ty: &TypeObject) -> PyResult<&'a PyRef> {
    let name = ty.name();
    let Some(cls) = args.positional().first() else {
        return Err(PyErr::type_error(format!(
            "{name}.__new__(): not enough arguments"
        )));
    };
    let Some(t) = try_type(cls) else {
        return Err(PyErr::type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            cls.ty().name()
        )));
    };
    if !t.is_subtype(ty) {
        return Err(PyErr::type_error(format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            t.name(),
            t.name()
        )));
    }
    Ok(cls)
}

fn m_int_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = check_new_receiver(&args, &INT_TYPE)?;
    int_new(vm, cls, args.skip_self())
}

fn m_bool_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = check_new_receiver(&args, &BOOL_TYPE)?;
    bool_new(vm, cls, args.skip_self())
}

/// Install `T.__new__` as a static method wrapping `func` (which receives the class
/// as its first argument), as `object.__new__` is.
pub fn add_new_method(ty: &TypeObject, func: NativeFn) {
    let new = alloc(
        &STATICMETHOD_TYPE,
        StaticMethodData {
            callable: super::new_builtin_function("__new__", func, None),
        },
    );
    add_attr(ty, "__new__", new);
}

/// Install a read-only property whose getter is `func(self)`.
pub fn add_getter(ty: &TypeObject, name: &'static str, func: NativeFn) {
    let prop = alloc(
        &PROPERTY_TYPE,
        PropertyData {
            fget: RefCell::new(Some(super::new_builtin_function(name, func, None))),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
        },
    );
    add_attr(ty, name, prop);
}

// ----- methods -----------------------------------------------------------------------

/// `descriptor 'name' requires a 'T' object but received a 'U'`.
pub fn check_receiver(x: &PyRef, ty: &TypeObject, name: &str) -> PyResult<()> {
    if x.ty().is_subtype(ty) {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            ty.name(),
            x.ty().name()
        )))
    }
}

fn int_receiver(x: &PyRef, name: &str) -> PyResult<()> {
    check_receiver(x, &INT_TYPE, name)
}

fn bool_receiver(x: &PyRef, name: &str) -> PyResult<()> {
    check_receiver(x, &BOOL_TYPE, name)
}

/// Generates `__op__`/`__rop__` method functions from binary slots, plus a table of
/// `(name, function)` pairs to install.
macro_rules! binary_dunders {
    ($table:ident, $check:path; $( $fwd:ident, $rev:ident, $fname:literal, $rname:literal, $slot:path; )*) => {
        $(
            fn $fwd(vm: &mut Vm, args: Args) -> PyResult {
                let (s, rest) = check_method_args($fname, &args, 1, 1)?;
                $check(s, $fname)?;
                $slot(vm, s, &rest[0])
            }
            fn $rev(vm: &mut Vm, args: Args) -> PyResult {
                let (s, rest) = check_method_args($rname, &args, 1, 1)?;
                $check(s, $rname)?;
                $slot(vm, &rest[0], s)
            }
        )*
        const $table: &[(&str, NativeFn)] = &[ $( ($fname, $fwd), ($rname, $rev), )* ];
    };
}
pub(crate) use binary_dunders;

/// Generates unary method functions from unary slots, plus their table.
macro_rules! unary_dunders {
    ($table:ident, $check:path; $( $f:ident, $name:literal, $slot:path; )*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult {
                let (s, _) = check_method_args($name, &args, 0, 0)?;
                $check(s, $name)?;
                $slot(vm, s)
            }
        )*
        const $table: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}
pub(crate) use unary_dunders;

/// Generates the six rich-comparison methods from a richcompare slot.
macro_rules! compare_dunders {
    ($table:ident, $check:path, $slot:path) => {
        fn cmp_method(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult {
            let (s, rest) = check_method_args(op.dunder(), &args, 1, 1)?;
            $check(s, op.dunder())?;
            $slot(vm, s, &rest[0], op)
        }
        fn m_lt(vm: &mut Vm, args: Args) -> PyResult {
            cmp_method(vm, args, CompareOp::Lt)
        }
        fn m_le(vm: &mut Vm, args: Args) -> PyResult {
            cmp_method(vm, args, CompareOp::Le)
        }
        fn m_eq(vm: &mut Vm, args: Args) -> PyResult {
            cmp_method(vm, args, CompareOp::Eq)
        }
        fn m_ne(vm: &mut Vm, args: Args) -> PyResult {
            cmp_method(vm, args, CompareOp::Ne)
        }
        fn m_gt(vm: &mut Vm, args: Args) -> PyResult {
            cmp_method(vm, args, CompareOp::Gt)
        }
        fn m_ge(vm: &mut Vm, args: Args) -> PyResult {
            cmp_method(vm, args, CompareOp::Ge)
        }
        const $table: &[(&str, NativeFn)] = &[
            ("__lt__", m_lt),
            ("__le__", m_le),
            ("__eq__", m_eq),
            ("__ne__", m_ne),
            ("__gt__", m_gt),
            ("__ge__", m_ge),
        ];
    };
}
pub(crate) use compare_dunders;

binary_dunders! {
    INT_BINARY, int_receiver;
    m_add, m_radd, "__add__", "__radd__", int_nb_add;
    m_sub, m_rsub, "__sub__", "__rsub__", int_nb_sub;
    m_mul, m_rmul, "__mul__", "__rmul__", int_nb_mul;
    m_floordiv, m_rfloordiv, "__floordiv__", "__rfloordiv__", int_nb_floordiv;
    m_mod, m_rmod, "__mod__", "__rmod__", int_nb_mod;
    m_truediv, m_rtruediv, "__truediv__", "__rtruediv__", int_nb_truediv;
    m_lshift, m_rlshift, "__lshift__", "__rlshift__", int_nb_lshift;
    m_rshift, m_rrshift, "__rshift__", "__rrshift__", int_nb_rshift;
    m_and, m_rand, "__and__", "__rand__", int_nb_and;
    m_or, m_ror, "__or__", "__ror__", int_nb_or;
    m_xor, m_rxor, "__xor__", "__rxor__", int_nb_xor;
    m_divmod, m_rdivmod, "__divmod__", "__rdivmod__", int_nb_divmod;
}

binary_dunders! {
    BOOL_BINARY, bool_receiver;
    m_bool_and, m_bool_rand, "__and__", "__rand__", bool_nb_and;
    m_bool_or, m_bool_ror, "__or__", "__ror__", bool_nb_or;
    m_bool_xor, m_bool_rxor, "__xor__", "__rxor__", bool_nb_xor;
}

fn int_repr_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    int_repr(vm, x)
}

fn int_hash_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_int(int_hash(vm, x)?))
}

fn int_bool_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(py_bool(int_bool(vm, x)?))
}

fn int_bit_length_method(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_int(int_bit_length(value_of(x)) as i64))
}

fn int_bit_count_method(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let n = match value_of(x) {
        IntValue::Small(v) => u64::from(v.unsigned_abs().count_ones()),
        IntValue::Big(b) => b.magnitude().count_ones(),
    };
    Ok(new_int(n as i64))
}

fn int_ratio_method(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_tuple(vec![exact_int(x, value_of(x)), new_int(1)]))
}

fn int_getnewargs(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_tuple(vec![exact_int(x, value_of(x))]))
}

fn bool_repr_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    bool_repr(vm, x)
}

unary_dunders! {
    INT_UNARY, int_receiver;
    m_repr, "__repr__", int_repr_method;
    m_hash, "__hash__", int_hash_method;
    m_bool, "__bool__", int_bool_method;
    m_neg, "__neg__", int_neg_slot;
    m_pos, "__pos__", int_exact_slot;
    m_invert, "__invert__", int_invert_slot;
    m_abs, "__abs__", int_abs_slot;
    m_index, "__index__", int_exact_slot;
    m_int, "__int__", int_exact_slot;
    m_float, "__float__", int_float_slot;
    m_trunc, "__trunc__", int_exact_slot;
    m_floor, "__floor__", int_exact_slot;
    m_ceil, "__ceil__", int_exact_slot;
    m_conjugate, "conjugate", int_exact_slot;
    m_bit_length, "bit_length", int_bit_length_method;
    m_bit_count, "bit_count", int_bit_count_method;
    m_as_integer_ratio, "as_integer_ratio", int_ratio_method;
    m_getnewargs, "__getnewargs__", int_getnewargs;
}

unary_dunders! {
    BOOL_UNARY, bool_receiver;
    m_bool_repr, "__repr__", bool_repr_method;
}

compare_dunders!(INT_COMPARE, int_receiver, int_richcompare);

/// `int.__pow__(self, other, mod=None)`.
fn m_pow(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__pow__", &args, 1, 2)?;
    int_receiver(s, "__pow__")?;
    match rest.get(1) {
        Some(m) => int_pow3(vm, s, &rest[0], m),
        None => int_nb_pow(vm, s, &rest[0]),
    }
}

/// `int.__rpow__(self, other, mod=None)`: `pow(other, self, mod)`.
fn m_rpow(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__rpow__", &args, 1, 2)?;
    int_receiver(s, "__rpow__")?;
    match rest.get(1) {
        Some(m) => int_pow3(vm, &rest[0], s, m),
        None => int_nb_pow(vm, &rest[0], s),
    }
}

/// `int.__round__(self, ndigits=None)`.
fn m_round(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__round__", &args, 0, 1)?;
    int_receiver(s, "__round__")?;
    let v = value_of(s);
    let nd = match rest.first() {
        None => return Ok(exact_int(s, v)),
        Some(n) if is_none(n) => return Ok(exact_int(s, v)),
        Some(n) => index_value(vm, n)?,
    };
    if int_signum(&nd) >= 0 {
        return Ok(exact_int(s, v));
    }
    let nd = nd.as_i64().unwrap_or(i64::MIN);
    Ok(crate::object::int::new_bigint(format::round_int(
        &big_of(v),
        nd,
    )))
}

/// `int.__format__(self, spec)`.
fn m_format(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__format__", &args, 1, 1)?;
    int_receiver(s, "__format__")?;
    let Some(spec) = as_str(&rest[0]) else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            crate::builtins::types::arg_type_name(&rest[0])
        )));
    };
    if spec.is_empty() {
        if s.is_exact(&INT_TYPE) {
            return int_repr(vm, s);
        }
        return vm.str(s);
    }
    let text = format::format_int_typed(&big_of(value_of(s)), spec, s.ty().name())
        .map_err(format_error)?;
    try_new_str(&text)
}

fn g_self(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = check_method_args("real", &args, 0, 0)?;
    int_receiver(s, "real")?;
    Ok(exact_int(s, value_of(s)))
}

fn g_zero(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = check_method_args("imag", &args, 0, 0)?;
    int_receiver(s, "imag")?;
    Ok(new_int(0))
}

fn g_one(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = check_method_args("denominator", &args, 0, 0)?;
    int_receiver(s, "denominator")?;
    Ok(new_int(1))
}

/// Set the number slots shared by `int` and `bool` on `ty`.
fn set_int_slots(ty: &TypeObject) {
    let s = &ty.slots;
    ty.dealloc.set(dealloc_fixed::<IntData>);
    s.hash.set(Some(int_hash));
    s.richcompare.set(Some(int_richcompare));
    s.bool.set(Some(int_bool));
    let nb: [(usize, crate::object::typeobj::BinaryFn); 12] = [
        (0, int_nb_add),
        (1, int_nb_and),
        (2, int_nb_floordiv),
        (3, int_nb_lshift),
        (5, int_nb_mul),
        (6, int_nb_mod),
        (7, int_nb_or),
        (8, int_nb_pow),
        (9, int_nb_rshift),
        (10, int_nb_sub),
        (11, int_nb_truediv),
        (12, int_nb_xor),
    ];
    for (i, f) in nb {
        s.nb[i].set(Some(f));
    }
    s.pow3.set(Some(int_pow3));
    s.neg.set(Some(int_neg_slot));
    s.pos.set(Some(int_exact_slot));
    s.invert.set(Some(int_invert_slot));
    s.abs.set(Some(int_abs_slot));
    s.index.set(Some(int_exact_slot));
    s.int.set(Some(int_exact_slot));
    s.float.set(Some(int_float_slot));
}

/// Install `int` and `bool` (runtime start-up).
pub fn init() {
    set_int_slots(&INT_TYPE);
    INT_TYPE.slots.repr.set(Some(int_repr));
    INT_TYPE.slots.new.set(Some(int_new));
    for &(name, f) in INT_BINARY.iter().chain(INT_UNARY).chain(INT_COMPARE) {
        add_method(&INT_TYPE, name, f);
    }
    add_method(&INT_TYPE, "__pow__", m_pow);
    add_method(&INT_TYPE, "__rpow__", m_rpow);
    add_method(&INT_TYPE, "__round__", m_round);
    add_method(&INT_TYPE, "__format__", m_format);
    add_new_method(&INT_TYPE, m_int_new);
    add_getter(&INT_TYPE, "real", g_self);
    add_getter(&INT_TYPE, "imag", g_zero);
    add_getter(&INT_TYPE, "numerator", g_self);
    add_getter(&INT_TYPE, "denominator", g_one);

    set_int_slots(&BOOL_TYPE);
    BOOL_TYPE.slots.repr.set(Some(bool_repr));
    BOOL_TYPE.slots.new.set(Some(bool_new));
    BOOL_TYPE.slots.nb[1].set(Some(bool_nb_and));
    BOOL_TYPE.slots.nb[7].set(Some(bool_nb_or));
    BOOL_TYPE.slots.nb[12].set(Some(bool_nb_xor));
    for &(name, f) in BOOL_BINARY.iter().chain(BOOL_UNARY) {
        add_method(&BOOL_TYPE, name, f);
    }
    add_new_method(&BOOL_TYPE, m_bool_new);
}

/// `int()`'s ValueError for a str holding a lone surrogate, which no literal does
/// (CPython: `invalid literal for int() with base 10: %.200R`).
fn invalid_literal(x: &PyRef, base: u32) -> PyErr {
    let t = crate::object::str::str_text(x).unwrap_or(crate::text::Text::new(""));
    let repr = crate::format::try_repr_code_points(t.code_points(), t.len()).unwrap_or_default();
    let repr: String = repr.chars().take(200).collect();
    PyErr::value_error(format!(
        "invalid literal for int() with base {base}: {repr}"
    ))
}
