//! `float`: IEEE-754 doubles with CPython 3.11's arithmetic, comparisons and texts.
//!
//! The arithmetic that differs from plain IEEE operations lives in pure functions
//! (`float_floordiv`, `float_mod`, `float_divmod`, `float_pow`) so it can be tested
//! without an interpreter. The binary slots accept floats and ints in either position
//! (an int too large for a double raises `OverflowError`) and answer `NotImplemented`
//! for anything else. Comparisons with ints are exact (see `int::int_float_cmp`).
//!
//! Not supported: a negative number raised to a fractional power, which CPython turns
//! into a complex number, raises `NotImplementedError` here.

use super::int::{
    ArithError, add_getter, binary_dunders, check_new_receiver, check_receiver, compare_dunders,
    compare_holds, format_error, index_value, int_float_cmp, int_from_f64, to_f64, unary_dunders,
};
use super::{add_method, check_args, check_method_args};
use crate::format;
use crate::object::float::{FloatData, float_value, new_float};
use crate::object::function::NativeFn;
use crate::object::handle::dealloc_fixed;
use crate::object::int::{IntValue, int_value, new_bigint, new_int};
use crate::object::singletons::{is_none, not_implemented, py_bool};
use crate::object::str::{as_str, try_new_str};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use num_bigint::BigInt;
use num_traits::Zero;
use std::cmp::Ordering;

// ----- pure arithmetic ---------------------------------------------------------------

/// `x / y`.
pub fn float_truediv(x: f64, y: f64) -> Result<f64, ArithError> {
    if y == 0.0 {
        return Err(ArithError::ZeroDivision("float division by zero"));
    }
    Ok(x / y)
}

/// CPython's `_float_div_mod`: floor quotient and remainder with the divisor's sign
/// (`y != 0`).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x // y`.
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, ArithError> {
    if y == 0.0 {
        return Err(ArithError::ZeroDivision("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `x % y` (the result has the sign of `y`).
pub fn float_mod(x: f64, y: f64) -> Result<f64, ArithError> {
    if y == 0.0 {
        return Err(ArithError::ZeroDivision("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `divmod(x, y)`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), ArithError> {
    if y == 0.0 {
        return Err(ArithError::ZeroDivision("float divmod()"));
    }
    Ok(div_mod(x, y))
}

/// Whether `x` is an odd integer (`DOUBLE_IS_ODD_INTEGER`).
fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `x ** y` as CPython's `float_pow`: C99 special cases, `ZeroDivisionError` for
/// zero to a negative power, `OverflowError` (errno 34) on overflow.
pub fn float_pow(iv: f64, iw: f64) -> Result<f64, ArithError> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(ArithError::ZeroDivision(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if base < 0.0 {
        if iw != iw.floor() {
            return Err(ArithError::Complex);
        }
        base = -base;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(ArithError::Range);
    }
    Ok(if negate { -r } else { r })
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms.
pub fn float_as_ratio(x: f64) -> Result<(BigInt, BigInt), ArithError> {
    if x.is_infinite() {
        return Err(ArithError::Overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(ArithError::Value("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let tz = i64::from(m.trailing_zeros());
    if e < 0 {
        let k = tz.min(-e);
        m >>= k;
        e += k;
    }
    let mut num = BigInt::from(m);
    if x < 0.0 {
        num = -num;
    }
    if e >= 0 {
        Ok((num << e as u64, BigInt::from(1)))
    } else {
        Ok((num, BigInt::from(1) << (-e) as u64))
    }
}

/// `float.hex()`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

// ----- conversions -------------------------------------------------------------------

/// An operand of a float operator: a float, or an int converted exactly or with
/// `OverflowError`; `None` for other types.
fn operand(x: &PyRef) -> PyResult<Option<f64>> {
    if let Some(f) = float_value(x) {
        return Ok(Some(f));
    }
    match int_value(x) {
        Some(v) => Ok(Some(to_f64(v)?)),
        None => Ok(None),
    }
}

/// What `__float__` returned, checked to be a float.
fn float_result(x: &PyRef, r: &PyRef) -> PyResult<f64> {
    float_value(r).ok_or_else(|| {
        PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            x.ty().name(),
            r.ty().name()
        ))
    })
}

/// Call `x.__float__()` through the slot or the type's method, if there is one.
fn call_float(vm: &mut Vm, x: &PyRef) -> PyResult<Option<f64>> {
    let r = match x.ty().slots.float.get() {
        Some(f) => Some(f(vm, x)?),
        None => vm.call_special(x, "__float__", &[])?,
    };
    match r {
        Some(r) => Ok(Some(float_result(x, &r)?)),
        None => Ok(None),
    }
}

fn has_index(x: &PyRef) -> bool {
    x.ty().slots.index.get().is_some() || x.ty().lookup_str("__index__").is_some()
}

/// The value of an exact float, an int, or an object with `__float__` or `__index__`
/// (the conversion chain `as_f64` and `float()` share); `None` for anything else.
fn real_value(vm: &mut Vm, x: &PyRef) -> PyResult<Option<f64>> {
    if let Some(f) = float_value(x)
        && x.is_exact(&FLOAT_TYPE)
    {
        return Ok(Some(f));
    }
    if let Some(v) = int_value(x) {
        return to_f64(v).map(Some);
    }
    if let Some(f) = call_float(vm, x)? {
        return Ok(Some(f));
    }
    if has_index(x) {
        return to_f64(&index_value(vm, x)?).map(Some);
    }
    Ok(None)
}

/// `PyFloat_AsDouble`: a float, anything with `__float__` or `__index__`; otherwise
/// `TypeError: must be real number, not X` (the argument conversion of `math`).
pub fn as_f64(vm: &mut Vm, x: &PyRef) -> PyResult<f64> {
    if let Some(f) = real_value(vm, x)? {
        return Ok(f);
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        x.ty().name()
    )))
}

/// `float(x)` for one argument (`PyNumber_Float`).
pub fn float_from_object(vm: &mut Vm, x: &PyRef) -> PyResult<f64> {
    if let Some(f) = real_value(vm, x)? {
        return Ok(f);
    }
    if let Some(f) = float_value(x) {
        return Ok(f);
    }
    if let Some(s) = as_str(x) {
        return format::parse_float(s).map_err(format_error);
    }
    if let Some(t) = crate::object::str::str_text(x) {
        // Text holding a lone surrogate is never a number.
        let repr = crate::format::try_repr_code_points(t.code_points(), t.len())
            .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
        return Err(PyErr::value_error(format!(
            "could not convert string to float: {repr}"
        )));
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.ty().name()
    )))
}

/// The value of a receiver known to be a float.
fn value_of(x: &PyRef) -> f64 {
    float_value(x).unwrap_or(0.0)
}

// ----- slots -------------------------------------------------------------------------

fn float_repr(_vm: &mut Vm, x: &PyRef) -> PyResult {
    try_new_str(&format::float_repr(value_of(x)))
}

fn float_hash(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    let v = value_of(x);
    if v.is_nan() {
        // `_Py_HashPointer`: NaNs hash by identity.
        let a = x.addr();
        let h = ((a >> 4) | (a << (usize::BITS - 4))) as i64;
        return Ok(if h == -1 { -2 } else { h });
    }
    Ok(format::hash_float(v))
}

fn float_richcompare(_vm: &mut Vm, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
    let Some(a) = float_value(v) else {
        return Ok(not_implemented());
    };
    let ord = if let Some(b) = float_value(w) {
        a.partial_cmp(&b)
    } else if let Some(b) = int_value(w) {
        int_float_cmp(b, a).map(Ordering::reverse)
    } else {
        return Ok(not_implemented());
    };
    Ok(py_bool(match ord {
        Some(o) => compare_holds(op, o),
        None => op == CompareOp::Ne,
    }))
}

fn float_bool(_vm: &mut Vm, x: &PyRef) -> PyResult<bool> {
    Ok(value_of(x) != 0.0)
}

/// Binary slots over float/int operands (at least one a float, or the int slot would
/// have answered); `NotImplemented` for anything else.
macro_rules! float_binary_slots {
    ($( $name:ident => |$a:ident, $b:ident| $body:expr; )*) => {
        $(
            fn $name(_vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
                let Some($a) = operand(v)? else { return Ok(not_implemented()) };
                let Some($b) = operand(w)? else { return Ok(not_implemented()) };
                $body
            }
        )*
    };
}

float_binary_slots! {
    float_nb_add => |a, b| Ok(new_float(a + b));
    float_nb_sub => |a, b| Ok(new_float(a - b));
    float_nb_mul => |a, b| Ok(new_float(a * b));
    float_nb_truediv => |a, b| Ok(new_float(float_truediv(a, b)?));
    float_nb_floordiv => |a, b| Ok(new_float(float_floordiv(a, b)?));
    float_nb_mod => |a, b| Ok(new_float(float_mod(a, b)?));
    float_nb_pow => |a, b| Ok(new_float(float_pow(a, b)?));
    float_nb_divmod => |a, b| {
        let (q, r) = float_divmod(a, b)?;
        Ok(new_tuple(vec![new_float(q), new_float(r)]))
    };
}

/// `divmod(v, w)` when either is a float and both are numbers (`NotImplemented`
/// otherwise).
pub fn float_divmod_slot(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    float_nb_divmod(vm, v, w)
}

/// `pow(v, w, z)`: a third argument other than None is a `TypeError` for floats.
pub fn float_pow3(_vm: &mut Vm, v: &PyRef, w: &PyRef, z: &PyRef) -> PyResult {
    let Some(a) = operand(v)? else {
        return Ok(not_implemented());
    };
    let Some(b) = operand(w)? else {
        return Ok(not_implemented());
    };
    if !is_none(z) {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    Ok(new_float(float_pow(a, b)?))
}

/// The value as an exact float.
fn float_exact_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    if x.is_exact(&FLOAT_TYPE) {
        return Ok(x.clone());
    }
    Ok(new_float(value_of(x)))
}

fn float_neg_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_float(-value_of(x)))
}

fn float_abs_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_float(value_of(x).abs()))
}

fn float_int_slot(_vm: &mut Vm, x: &PyRef) -> PyResult {
    int_from_f64(value_of(x))
}

// ----- constructor -------------------------------------------------------------------

/// `float(x=0.0)`.
fn float_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let pos = check_args("float", &args, 0, 1)?;
    let v = match pos.first() {
        None => 0.0,
        Some(x) if x.is_exact(&FLOAT_TYPE) && std::ptr::eq(as_type(cls), &FLOAT_TYPE) => {
            return Ok(x.clone());
        }
        Some(x) => float_from_object(vm, x)?,
    };
    let ty = as_type(cls);
    if std::ptr::eq(ty, &FLOAT_TYPE) {
        return Ok(new_float(v));
    }
    if ty.layout != Layout::Float {
        return Err(PyErr::type_error(format!(
            "float.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            ty.name()
        )));
    }
    Ok(alloc(ty, FloatData(v)))
}

fn m_float_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = check_new_receiver(&args, &FLOAT_TYPE)?;
    float_new(vm, cls, args.skip_self())
}

// ----- methods -----------------------------------------------------------------------

fn float_receiver(x: &PyRef, name: &str) -> PyResult<()> {
    check_receiver(x, &FLOAT_TYPE, name)
}

binary_dunders! {
    FLOAT_BINARY, float_receiver;
    m_add, m_radd, "__add__", "__radd__", float_nb_add;
    m_sub, m_rsub, "__sub__", "__rsub__", float_nb_sub;
    m_mul, m_rmul, "__mul__", "__rmul__", float_nb_mul;
    m_truediv, m_rtruediv, "__truediv__", "__rtruediv__", float_nb_truediv;
    m_floordiv, m_rfloordiv, "__floordiv__", "__rfloordiv__", float_nb_floordiv;
    m_mod, m_rmod, "__mod__", "__rmod__", float_nb_mod;
    m_divmod, m_rdivmod, "__divmod__", "__rdivmod__", float_nb_divmod;
}

compare_dunders!(FLOAT_COMPARE, float_receiver, float_richcompare);

fn float_repr_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    float_repr(vm, x)
}

fn float_hash_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_int(float_hash(vm, x)?))
}

fn float_bool_method(vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(py_bool(float_bool(vm, x)?))
}

fn float_trunc(_vm: &mut Vm, x: &PyRef) -> PyResult {
    int_from_f64(value_of(x))
}

fn float_floor(_vm: &mut Vm, x: &PyRef) -> PyResult {
    int_from_f64(value_of(x).floor())
}

fn float_ceil(_vm: &mut Vm, x: &PyRef) -> PyResult {
    int_from_f64(value_of(x).ceil())
}

fn float_is_integer(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let v = value_of(x);
    Ok(py_bool(v.is_finite() && v.floor() == v))
}

fn float_ratio(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let (n, d) = float_as_ratio(value_of(x))?;
    Ok(new_tuple(vec![new_bigint(n), new_bigint(d)]))
}

fn float_hex_method(_vm: &mut Vm, x: &PyRef) -> PyResult {
    try_new_str(&float_hex(value_of(x)))
}

fn float_getnewargs(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(new_tuple(vec![new_float(value_of(x))]))
}

unary_dunders! {
    FLOAT_UNARY, float_receiver;
    m_repr, "__repr__", float_repr_method;
    m_hash, "__hash__", float_hash_method;
    m_bool, "__bool__", float_bool_method;
    m_neg, "__neg__", float_neg_slot;
    m_pos, "__pos__", float_exact_slot;
    m_abs, "__abs__", float_abs_slot;
    m_int, "__int__", float_int_slot;
    m_float, "__float__", float_exact_slot;
    m_trunc, "__trunc__", float_trunc;
    m_floor, "__floor__", float_floor;
    m_ceil, "__ceil__", float_ceil;
    m_is_integer, "is_integer", float_is_integer;
    m_conjugate, "conjugate", float_exact_slot;
    m_as_integer_ratio, "as_integer_ratio", float_ratio;
    m_hex, "hex", float_hex_method;
    m_getnewargs, "__getnewargs__", float_getnewargs;
}

/// `float.__pow__(self, other, mod=None)`.
fn m_pow(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__pow__", &args, 1, 2)?;
    float_receiver(s, "__pow__")?;
    match rest.get(1) {
        Some(m) => float_pow3(vm, s, &rest[0], m),
        None => float_nb_pow(vm, s, &rest[0]),
    }
}

/// `float.__rpow__(self, other, mod=None)`.
fn m_rpow(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__rpow__", &args, 1, 2)?;
    float_receiver(s, "__rpow__")?;
    match rest.get(1) {
        Some(m) => float_pow3(vm, &rest[0], s, m),
        None => float_nb_pow(vm, &rest[0], s),
    }
}

/// Clip an int to the `i64` range (CPython clips `ndigits` to `Py_ssize_t`).
fn clip_i64(v: &IntValue) -> i64 {
    match v {
        IntValue::Small(x) => *x,
        IntValue::Big(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    }
}

/// `float.__round__(self, ndigits=None)`.
fn m_round(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__round__", &args, 0, 1)?;
    float_receiver(s, "__round__")?;
    let x = value_of(s);
    match rest.first() {
        Some(n) if !is_none(n) => {
            let nd = clip_i64(&index_value(vm, n)?);
            let r = format::round_float_digits(x, nd).map_err(format_error)?;
            Ok(new_float(r))
        }
        _ => {
            let r = format::round_float_to_int(x).map_err(format_error)?;
            Ok(new_bigint(r))
        }
    }
}

/// `float.__format__(self, spec)`.
fn m_format(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = check_method_args("__format__", &args, 1, 1)?;
    float_receiver(s, "__format__")?;
    let Some(spec) = as_str(&rest[0]) else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            crate::builtins::types::arg_type_name(&rest[0])
        )));
    };
    if spec.is_empty() && !s.is_exact(&FLOAT_TYPE) {
        return vm.str(s);
    }
    let text =
        format::format_float_typed(value_of(s), spec, s.ty().name()).map_err(format_error)?;
    try_new_str(&text)
}

fn g_real(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = check_method_args("real", &args, 0, 0)?;
    float_receiver(s, "real")?;
    float_exact_slot(vm, s)
}

fn g_imag(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = check_method_args("imag", &args, 0, 0)?;
    float_receiver(s, "imag")?;
    Ok(new_float(0.0))
}

const FLOAT_EXTRA: &[(&str, NativeFn)] = &[
    ("__pow__", m_pow),
    ("__rpow__", m_rpow),
    ("__round__", m_round),
    ("__format__", m_format),
];

/// Install `float` (runtime start-up).
pub fn init() {
    let ty = &FLOAT_TYPE;
    let s = &ty.slots;
    ty.dealloc.set(dealloc_fixed::<FloatData>);
    s.repr.set(Some(float_repr));
    s.hash.set(Some(float_hash));
    s.richcompare.set(Some(float_richcompare));
    s.bool.set(Some(float_bool));
    s.new.set(Some(float_new));
    let nb: [(usize, crate::object::typeobj::BinaryFn); 7] = [
        (0, float_nb_add),
        (2, float_nb_floordiv),
        (5, float_nb_mul),
        (6, float_nb_mod),
        (8, float_nb_pow),
        (10, float_nb_sub),
        (11, float_nb_truediv),
    ];
    for (i, f) in nb {
        s.nb[i].set(Some(f));
    }
    s.pow3.set(Some(float_pow3));
    s.neg.set(Some(float_neg_slot));
    s.pos.set(Some(float_exact_slot));
    s.abs.set(Some(float_abs_slot));
    s.int.set(Some(float_int_slot));
    s.float.set(Some(float_exact_slot));
    let methods = FLOAT_BINARY
        .iter()
        .chain(FLOAT_UNARY)
        .chain(FLOAT_COMPARE)
        .chain(FLOAT_EXTRA);
    for &(name, f) in methods {
        add_method(ty, name, f);
    }
    super::int::add_new_method(ty, m_float_new);
    add_getter(ty, "real", g_real);
    add_getter(ty, "imag", g_imag);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(r: Result<f64, ArithError>) -> Result<u64, ArithError> {
        r.map(f64::to_bits)
    }

    #[test]
    fn floor_division_and_modulo_follow_python() {
        assert_eq!(float_floordiv(9.0, 2.0), Ok(4.0));
        assert_eq!(float_floordiv(-9.0, 2.0), Ok(-5.0));
        assert_eq!(float_mod(9.0, 2.0), Ok(1.0));
        assert_eq!(float_mod(-9.0, 2.0), Ok(1.0));
        assert_eq!(float_mod(9.0, -2.0), Ok(-1.0));
        assert_eq!(float_mod(-7.5, 2.0), Ok(0.5));
        assert_eq!(float_mod(7.5, -2.0), Ok(-0.5));
        assert_eq!(bits(float_mod(-0.0, 5.0)), Ok(0.0f64.to_bits()));
        assert_eq!(bits(float_mod(0.0, -5.0)), Ok((-0.0f64).to_bits()));
        assert_eq!(float_divmod(-9.5, 2.5), Ok((-4.0, 0.5)));
        assert_eq!(float_divmod(9.5, 2.5), Ok((3.0, 2.0)));
        let (q, r) = float_divmod(1e308, 1e-308).unwrap();
        assert!(q.is_infinite());
        assert_eq!(r, 3.498445546245627e-309);
        assert_eq!(
            float_floordiv(1.0, 0.0),
            Err(ArithError::ZeroDivision("float floor division by zero"))
        );
        assert_eq!(
            float_mod(1.0, 0.0),
            Err(ArithError::ZeroDivision("float modulo"))
        );
        assert_eq!(
            float_divmod(1.0, 0.0),
            Err(ArithError::ZeroDivision("float divmod()"))
        );
        assert_eq!(
            float_truediv(1.0, 0.0),
            Err(ArithError::ZeroDivision("float division by zero"))
        );
    }

    #[test]
    fn pow_special_cases() {
        assert_eq!(float_pow(f64::NAN, 0.0), Ok(1.0));
        assert_eq!(float_pow(1.0, f64::NAN), Ok(1.0));
        assert!(float_pow(-1.0, f64::NAN).unwrap().is_nan());
        assert_eq!(float_pow(-1.0, f64::INFINITY), Ok(1.0));
        assert_eq!(float_pow(0.5, f64::NEG_INFINITY), Ok(f64::INFINITY));
        assert_eq!(float_pow(2.0, f64::NEG_INFINITY), Ok(0.0));
        assert_eq!(float_pow(f64::NEG_INFINITY, 2.5), Ok(f64::INFINITY));
        assert_eq!(
            bits(float_pow(f64::NEG_INFINITY, -3.0)),
            Ok((-0.0f64).to_bits())
        );
        assert_eq!(bits(float_pow(-0.0, 3.0)), Ok((-0.0f64).to_bits()));
        assert_eq!(bits(float_pow(-0.0, 0.5)), Ok(0.0f64.to_bits()));
        assert_eq!(
            float_pow(-0.0, -1.0),
            Err(ArithError::ZeroDivision(
                "0.0 cannot be raised to a negative power"
            ))
        );
        assert_eq!(float_pow(-2.0, -1.0), Ok(-0.5));
        assert_eq!(float_pow(-2.5, 3.0), Ok(-15.625));
        assert_eq!(float_pow(-8.0, 1.0 / 3.0), Err(ArithError::Complex));
        assert_eq!(float_pow(10.0, 400.0), Err(ArithError::Range));
        assert_eq!(float_pow(-1e300, 3.0), Err(ArithError::Range));
        assert_eq!(bits(float_pow(-1e-300, 3.0)), Ok((-0.0f64).to_bits()));
        assert_eq!(float_pow(2.0, 0.5), Ok(std::f64::consts::SQRT_2));
    }

    #[test]
    fn ratio_and_hex() {
        let r = |x: f64| {
            let (n, d) = float_as_ratio(x).unwrap();
            (n.to_string(), d.to_string())
        };
        assert_eq!(r(1.5), ("3".into(), "2".into()));
        assert_eq!(r(-0.75), ("-3".into(), "4".into()));
        assert_eq!(r(0.0), ("0".into(), "1".into()));
        assert_eq!(r(8.0), ("8".into(), "1".into()));
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(2.5), "0x1.4000000000000p+1");
        assert_eq!(float_hex(1e300), "0x1.7e43c8800759cp+996");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
    }
}
