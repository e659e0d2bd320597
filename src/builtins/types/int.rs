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

use super::{add_attr, add_method, check_args, check_keywords, check_method_args, keyword};
use crate::format::{self, ErrorKind, FormatError};
use crate::object::float::new_float;
use crate::object::function::{NativeFn, PropertyData, StaticMethodData};
use crate::object::handle::dealloc_fixed;
use crate::object::int::{IntData, IntValue, int_value, new_int, new_int_value};
use crate::object::singletons::{is_none, not_implemented, py_bool};
use crate::object::str::{as_str, new_str};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;

// ----- errors ----------------------------------------------------------------------

/// Why a numeric operation failed; converts into the Python exception with
/// CPython's type and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArithError {
    /// `ZeroDivisionError` with this message.
    ZeroDivision(&'static str),
    /// `ValueError` with this message.
    Value(&'static str),
    /// `OverflowError` with this message.
    Overflow(&'static str),
    /// `OverflowError: (34, 'Numerical result out of range')` (libm's ERANGE).
    Range,
    /// `MemoryError`: the result would not fit in memory.
    Memory,
    /// The real result would be a complex number, which Pyrite does not support.
    Complex,
}

impl From<ArithError> for PyErr {
    fn from(e: ArithError) -> PyErr {
        match e {
            ArithError::ZeroDivision(m) => PyErr::zero_division(m),
            ArithError::Value(m) => PyErr::value_error(m),
            ArithError::Overflow(m) => PyErr::overflow(m),
            ArithError::Range => PyErr(exception::new_exception(
                &OVERFLOW_ERROR,
                new_tuple(vec![new_int(34), new_str("Numerical result out of range")]),
            )),
            ArithError::Memory => PyErr::bare(&MEMORY_ERROR),
            ArithError::Complex => PyErr::not_implemented("complex numbers are not supported"),
        }
    }
}

/// The Python exception for a [`FormatError`] from the `format` module.
pub fn format_error(e: FormatError) -> PyErr {
    match e.kind {
        ErrorKind::ValueError => PyErr::value_error(e.message),
        ErrorKind::TypeError => PyErr::type_error(e.message),
        ErrorKind::OverflowError => PyErr::overflow(e.message),
    }
}

const INT_TOO_LARGE: &str = "int too large to convert to float";

/// Results larger than this many bits raise `MemoryError` instead of being attempted.
const MAX_RESULT_BITS: u64 = 1 << 32;

// ----- pure arithmetic ---------------------------------------------------------------

/// A borrowed-or-owned `BigInt` view of an int value.
pub fn big_of(v: &IntValue) -> Cow<'_, BigInt> {
    match v {
        IntValue::Small(x) => Cow::Owned(BigInt::from(*x)),
        IntValue::Big(b) => Cow::Borrowed(b),
    }
}

/// The sign of an int value: -1, 0 or 1.
pub fn int_signum(v: &IntValue) -> i32 {
    match v {
        IntValue::Small(x) => x.signum() as i32,
        IntValue::Big(b) => {
            if b.is_negative() {
                -1
            } else {
                1
            }
        }
    }
}

pub fn int_is_zero(v: &IntValue) -> bool {
    matches!(v, IntValue::Small(0))
}

pub fn int_add(a: &IntValue, b: &IntValue) -> IntValue {
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && let Some(r) = x.checked_add(*y)
    {
        return IntValue::Small(r);
    }
    IntValue::from_big(&*big_of(a) + &*big_of(b))
}

pub fn int_sub(a: &IntValue, b: &IntValue) -> IntValue {
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && let Some(r) = x.checked_sub(*y)
    {
        return IntValue::Small(r);
    }
    IntValue::from_big(&*big_of(a) - &*big_of(b))
}

pub fn int_mul(a: &IntValue, b: &IntValue) -> IntValue {
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && let Some(r) = x.checked_mul(*y)
    {
        return IntValue::Small(r);
    }
    IntValue::from_big(&*big_of(a) * &*big_of(b))
}

/// Floor division of machine words (`None` on overflow: `i64::MIN // -1`).
fn floordiv_i64(x: i64, y: i64) -> Option<i64> {
    if y == -1 {
        return x.checked_neg();
    }
    let q = x / y;
    if x % y != 0 && ((x ^ y) < 0) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Modulo with the divisor's sign, for machine words.
fn mod_i64(x: i64, y: i64) -> i64 {
    if y == -1 {
        return 0;
    }
    let r = x % y;
    if r != 0 && ((r ^ y) < 0) { r + y } else { r }
}

/// `a // b` (rounds toward negative infinity).
pub fn int_floordiv(a: &IntValue, b: &IntValue) -> Result<IntValue, ArithError> {
    if int_is_zero(b) {
        return Err(ArithError::ZeroDivision(
            "integer division or modulo by zero",
        ));
    }
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && let Some(q) = floordiv_i64(*x, *y)
    {
        return Ok(IntValue::Small(q));
    }
    Ok(IntValue::from_big(big_of(a).div_floor(&big_of(b))))
}

/// `a % b` (the result has the sign of `b`).
pub fn int_mod(a: &IntValue, b: &IntValue) -> Result<IntValue, ArithError> {
    if int_is_zero(b) {
        return Err(ArithError::ZeroDivision("integer modulo by zero"));
    }
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b) {
        return Ok(IntValue::Small(mod_i64(*x, *y)));
    }
    Ok(IntValue::from_big(big_of(a).mod_floor(&big_of(b))))
}

/// `divmod(a, b)`.
pub fn int_divmod(a: &IntValue, b: &IntValue) -> Result<(IntValue, IntValue), ArithError> {
    if int_is_zero(b) {
        return Err(ArithError::ZeroDivision(
            "integer division or modulo by zero",
        ));
    }
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && let Some(q) = floordiv_i64(*x, *y)
    {
        return Ok((IntValue::Small(q), IntValue::Small(mod_i64(*x, *y))));
    }
    let (q, r) = big_of(a).div_mod_floor(&big_of(b));
    Ok((IntValue::from_big(q), IntValue::from_big(r)))
}

/// `2**e` as a double, for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// The double nearest to `q * 2**e2` (ties to even), where `q` has its top bit set and
/// `sticky` says whether nonzero bits below `q` were dropped. `None` on overflow.
/// Subnormal results are rounded once, at their own precision.
pub fn compose_f64(q: u64, sticky: bool, e2: i64) -> Option<f64> {
    debug_assert!(q >> 63 == 1);
    let top = e2 + 63;
    if top > 1023 {
        return None;
    }
    let precision = if top >= -1022 { 53 } else { top + 1075 };
    if precision <= 0 {
        // Below half the smallest subnormal, or exactly half of it (a tie to zero).
        let above_half = precision == 0 && (q > 1u64 << 63 || sticky);
        return Some(if above_half { pow2(-1074) } else { 0.0 });
    }
    let drop = (64 - precision) as u32;
    let mut m = q >> drop;
    let rem = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rem > half || (rem == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let r = m as f64 * pow2(e2 + drop as i64);
    if r.is_infinite() { None } else { Some(r) }
}

/// `n / d` correctly rounded to a double (`d != 0`); `None` when it overflows.
pub fn ratio_to_f64(n: &BigInt, d: &BigInt) -> Option<f64> {
    let negative = n.is_negative() != d.is_negative();
    let sign = |x: f64| if negative { -x } else { x };
    let (n, d) = (n.magnitude(), d.magnitude());
    if n.is_zero() {
        return Some(sign(0.0));
    }
    let diff = n.bits() as i64 - d.bits() as i64;
    if diff > 1100 {
        return None;
    }
    if diff < -1100 {
        return Some(sign(0.0));
    }
    let shift = 64 - diff;
    let (num, den) = if shift >= 0 {
        (n << shift as u64, d.clone())
    } else {
        (n.clone(), d << (-shift) as u64)
    };
    let (mut q, r) = num.div_rem(&den);
    let mut sticky = !r.is_zero();
    let mut e2 = -shift;
    if q.bits() > 64 {
        sticky |= q.bit(0);
        q >>= 1u32;
        e2 += 1;
    }
    let q = q.to_u64()?;
    compose_f64(q, sticky, e2).map(sign)
}

/// `a / b` for ints: the correctly rounded quotient.
pub fn int_truediv(a: &IntValue, b: &IntValue) -> Result<f64, ArithError> {
    if int_is_zero(b) {
        return Err(ArithError::ZeroDivision("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && x.unsigned_abs() <= EXACT
        && y.unsigned_abs() <= EXACT
    {
        return Ok(*x as f64 / *y as f64);
    }
    ratio_to_f64(&big_of(a), &big_of(b)).ok_or(ArithError::Overflow(
        "integer division result too large for a float",
    ))
}

/// The nearest double (`float(v)`), or `OverflowError`.
pub fn int_to_f64_checked(v: &IntValue) -> Result<f64, ArithError> {
    match v {
        IntValue::Small(x) => Ok(*x as f64),
        IntValue::Big(b) => format::int_to_f64(b).map_err(|_| ArithError::Overflow(INT_TOO_LARGE)),
    }
}

/// An int computation that may produce a float (`2 ** -1`).
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(IntValue),
    Float(f64),
}

/// `a ** b`; a negative exponent gives a float, as in CPython.
pub fn int_pow(a: &IntValue, b: &IntValue) -> Result<Number, ArithError> {
    if int_signum(b) < 0 {
        let x = int_to_f64_checked(a)?;
        let y = int_to_f64_checked(b)?;
        return super::float::float_pow(x, y).map(Number::Float);
    }
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b)
        && let Ok(e) = u32::try_from(*y)
        && let Some(r) = x.checked_pow(e)
    {
        return Ok(Number::Int(IntValue::Small(r)));
    }
    // Bases whose powers stay small whatever the exponent.
    match a {
        IntValue::Small(0) => {
            return Ok(Number::Int(IntValue::Small(if int_is_zero(b) {
                1
            } else {
                0
            })));
        }
        IntValue::Small(1) => return Ok(Number::Int(IntValue::Small(1))),
        IntValue::Small(-1) => {
            let odd = big_of(b).is_odd();
            return Ok(Number::Int(IntValue::Small(if odd { -1 } else { 1 })));
        }
        _ => {}
    }
    let e = match b {
        IntValue::Small(e) => *e as u64,
        IntValue::Big(_) => return Err(ArithError::Memory),
    };
    let base = big_of(a);
    if base.bits().saturating_sub(1).saturating_mul(e) > MAX_RESULT_BITS {
        return Err(ArithError::Memory);
    }
    let e = u32::try_from(e).map_err(|_| ArithError::Memory)?;
    Ok(Number::Int(IntValue::from_big(base.pow(e))))
}

/// `pow(a, b, m)`: modular exponentiation; a negative exponent uses the modular
/// inverse; the result takes the sign of `m`.
pub fn int_pow_mod(a: &IntValue, b: &IntValue, m: &IntValue) -> Result<IntValue, ArithError> {
    if int_is_zero(m) {
        return Err(ArithError::Value("pow() 3rd argument cannot be 0"));
    }
    let m = big_of(m);
    let negative_out = m.is_negative();
    let c = m.abs();
    if c.is_one() {
        return Ok(IntValue::Small(0));
    }
    let mut base = big_of(a).mod_floor(&c);
    let mut exp = big_of(b).into_owned();
    if exp.is_negative() {
        base = base.modinv(&c).ok_or(ArithError::Value(
            "base is not invertible for the given modulus",
        ))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &c);
    if negative_out && !r.is_zero() {
        r -= &c;
    }
    Ok(IntValue::from_big(r))
}

/// `a << b`.
pub fn int_lshift(a: &IntValue, b: &IntValue) -> Result<IntValue, ArithError> {
    if int_signum(b) < 0 {
        return Err(ArithError::Value("negative shift count"));
    }
    if int_is_zero(a) {
        return Ok(IntValue::Small(0));
    }
    let n = match b {
        IntValue::Small(n) => *n as u64,
        IntValue::Big(_) => return Err(ArithError::Memory),
    };
    if let IntValue::Small(x) = a
        && n < 64
    {
        let wide = i128::from(*x) << n;
        if let Ok(r) = i64::try_from(wide) {
            return Ok(IntValue::Small(r));
        }
    }
    if n > MAX_RESULT_BITS {
        return Err(ArithError::Memory);
    }
    Ok(IntValue::from_big(&*big_of(a) << n))
}

/// `a >> b` (rounds toward negative infinity).
pub fn int_rshift(a: &IntValue, b: &IntValue) -> Result<IntValue, ArithError> {
    if int_signum(b) < 0 {
        return Err(ArithError::Value("negative shift count"));
    }
    let all_shifted_out = IntValue::Small(if int_signum(a) < 0 { -1 } else { 0 });
    let n = match b {
        IntValue::Small(n) => *n as u64,
        IntValue::Big(_) => return Ok(all_shifted_out),
    };
    match a {
        IntValue::Small(x) => Ok(IntValue::Small(if n >= 64 { x >> 63 } else { x >> n })),
        IntValue::Big(big) => {
            if n >= big.bits() {
                Ok(all_shifted_out)
            } else {
                Ok(IntValue::from_big(big >> n))
            }
        }
    }
}

pub fn int_and(a: &IntValue, b: &IntValue) -> IntValue {
    match (a, b) {
        (IntValue::Small(x), IntValue::Small(y)) => IntValue::Small(x & y),
        _ => IntValue::from_big(&*big_of(a) & &*big_of(b)),
    }
}

pub fn int_or(a: &IntValue, b: &IntValue) -> IntValue {
    match (a, b) {
        (IntValue::Small(x), IntValue::Small(y)) => IntValue::Small(x | y),
        _ => IntValue::from_big(&*big_of(a) | &*big_of(b)),
    }
}

pub fn int_xor(a: &IntValue, b: &IntValue) -> IntValue {
    match (a, b) {
        (IntValue::Small(x), IntValue::Small(y)) => IntValue::Small(x ^ y),
        _ => IntValue::from_big(&*big_of(a) ^ &*big_of(b)),
    }
}

pub fn int_neg(a: &IntValue) -> IntValue {
    match a {
        IntValue::Small(x) => match x.checked_neg() {
            Some(r) => IntValue::Small(r),
            None => IntValue::Big(-BigInt::from(*x)),
        },
        IntValue::Big(b) => IntValue::from_big(-b),
    }
}

pub fn int_abs(a: &IntValue) -> IntValue {
    if int_signum(a) < 0 {
        int_neg(a)
    } else {
        a.clone()
    }
}

/// `~a == -a - 1`.
pub fn int_invert(a: &IntValue) -> IntValue {
    match a {
        IntValue::Small(x) => IntValue::Small(!x),
        IntValue::Big(b) => IntValue::from_big(-(b + 1u8)),
    }
}

pub fn int_cmp(a: &IntValue, b: &IntValue) -> Ordering {
    match (a, b) {
        (IntValue::Small(x), IntValue::Small(y)) => x.cmp(y),
        // Big values lie outside the i64 range, so their sign decides.
        (IntValue::Small(_), IntValue::Big(y)) => {
            if y.is_negative() {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (IntValue::Big(x), IntValue::Small(_)) => {
            if x.is_negative() {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (IntValue::Big(x), IntValue::Big(y)) => x.cmp(y),
    }
}

/// Exact comparison of an int with a float (`None` when `f` is NaN), as CPython's
/// `float_richcompare`: no rounding of the int to a double.
pub fn int_float_cmp(a: &IntValue, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntValue::Small(x) = a
        && x.unsigned_abs() <= 1 << 53
    {
        return (*x as f64).partial_cmp(&f);
    }
    let floor = f.floor();
    let fb = format::f64_to_int(floor).ok()?;
    Some(match big_of(a).as_ref().cmp(&fb) {
        Ordering::Equal if f > floor => Ordering::Less,
        o => o,
    })
}

/// `int.bit_length()`.
pub fn int_bit_length(a: &IntValue) -> u64 {
    match a {
        IntValue::Small(x) => u64::from(64 - x.unsigned_abs().leading_zeros()),
        IntValue::Big(b) => b.bits(),
    }
}

/// Whether `op` holds for operands ordered as `ord`.
pub fn compare_holds(op: CompareOp, ord: Ordering) -> bool {
    match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    }
}

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
    Ok(new_str(&int_to_string(value_of(x))?))
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
            rest[0].ty().name()
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
    Ok(new_str(&text))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn small(v: i64) -> IntValue {
        IntValue::Small(v)
    }

    fn iv(b: &BigInt) -> IntValue {
        IntValue::from_big(b.clone())
    }

    fn as_big(v: &IntValue) -> BigInt {
        v.to_big()
    }

    /// Operands that exercise the fast path's edges and the big path.
    fn operand() -> impl Strategy<Value = BigInt> {
        prop_oneof![
            any::<i64>().prop_map(BigInt::from),
            (-300i64..300).prop_map(BigInt::from),
            prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(-1i64), Just(0i64)]
                .prop_map(BigInt::from),
            (any::<i64>(), any::<u64>(), 0u32..3).prop_map(|(hi, lo, extra)| {
                let mut b = (BigInt::from(hi) << 64u32) + BigInt::from(lo);
                for _ in 0..extra {
                    b = (b << 61u32) + BigInt::from(lo >> 3);
                }
                b
            }),
        ]
    }

    /// Every operator against a reference computed with `num_bigint` directly (or, for
    /// the bitwise operators, identities that hold in two's complement).
    fn check_binary(a: &BigInt, b: &BigInt) {
        let (x, y) = (iv(a), iv(b));
        assert_eq!(as_big(&int_add(&x, &y)), a + b);
        assert_eq!(as_big(&int_sub(&x, &y)), a - b);
        assert_eq!(as_big(&int_mul(&x, &y)), a * b);
        if b.is_zero() {
            assert!(int_floordiv(&x, &y).is_err());
            assert!(int_mod(&x, &y).is_err());
            assert!(int_truediv(&x, &y).is_err());
        } else {
            assert_eq!(as_big(&int_floordiv(&x, &y).unwrap()), a.div_floor(b));
            assert_eq!(as_big(&int_mod(&x, &y).unwrap()), a.mod_floor(b));
            let (q, r) = int_divmod(&x, &y).unwrap();
            assert_eq!((as_big(&q), as_big(&r)), a.div_mod_floor(b));
        }
        // Bitwise identities that hold in two's complement.
        let and = as_big(&int_and(&x, &y));
        let or = as_big(&int_or(&x, &y));
        let xor = as_big(&int_xor(&x, &y));
        assert_eq!(&and + &or, a + b);
        assert_eq!(xor, &or - &and);
        assert_eq!(as_big(&int_invert(&x)), -a - 1);
        assert_eq!(int_cmp(&x, &y), a.cmp(b));
        // Normalisation invariant: Big only outside i64.
        for r in [int_add(&x, &y), int_mul(&x, &y), int_sub(&x, &y)] {
            if let IntValue::Big(b) = &r {
                assert!(b.to_i64().is_none());
            }
        }
    }

    proptest! {
        #[test]
        fn arithmetic_matches_bigint(a in operand(), b in operand()) {
            check_binary(&a, &b);
        }

        #[test]
        fn fast_path_agrees_with_big_path(a in any::<i64>(), b in any::<i64>(), n in 0i64..70, f in any::<f64>()) {
            // A `Big` holding an i64 value breaks the representation invariant on
            // purpose: it forces each operation onto its BigInt path.
            let (x, y) = (small(a), small(b));
            let (bx, by) = (IntValue::Big(BigInt::from(a)), IntValue::Big(BigInt::from(b)));
            prop_assert_eq!(int_add(&x, &y), int_add(&bx, &by));
            prop_assert_eq!(int_sub(&x, &y), int_sub(&bx, &by));
            prop_assert_eq!(int_mul(&x, &y), int_mul(&bx, &by));
            prop_assert_eq!(int_and(&x, &y), int_and(&bx, &by));
            prop_assert_eq!(int_or(&x, &y), int_or(&bx, &by));
            prop_assert_eq!(int_xor(&x, &y), int_xor(&bx, &by));
            prop_assert_eq!(int_invert(&x), int_invert(&bx));
            prop_assert_eq!(int_neg(&x), int_neg(&bx));
            if b != 0 {
                prop_assert_eq!(int_floordiv(&x, &y), int_floordiv(&bx, &by));
                prop_assert_eq!(int_mod(&x, &y), int_mod(&bx, &by));
                prop_assert_eq!(int_divmod(&x, &y), int_divmod(&bx, &by));
                prop_assert_eq!(
                    int_truediv(&x, &y).map(f64::to_bits),
                    int_truediv(&bx, &by).map(f64::to_bits)
                );
            }
            let sh = small(n);
            prop_assert_eq!(int_lshift(&x, &sh), int_lshift(&bx, &sh));
            prop_assert_eq!(int_rshift(&x, &sh), int_rshift(&bx, &sh));
            let e = small(n % 5);
            prop_assert_eq!(int_pow(&x, &e), int_pow(&bx, &e));
            prop_assert_eq!(int_to_f64_checked(&x), int_to_f64_checked(&bx));
            prop_assert_eq!(int_float_cmp(&x, f), int_float_cmp(&bx, f));
        }

        #[test]
        fn small_bitwise_matches_i128(a in any::<i64>(), b in any::<i64>()) {
            let (x, y) = (small(a), small(b));
            prop_assert_eq!(int_and(&x, &y), small(a & b));
            prop_assert_eq!(int_or(&x, &y), small(a | b));
            prop_assert_eq!(int_xor(&x, &y), small(a ^ b));
            if b != 0 {
                let q = Integer::div_floor(&(a as i128), &(b as i128));
                let r = Integer::mod_floor(&(a as i128), &(b as i128));
                prop_assert_eq!(as_big(&int_floordiv(&x, &y).unwrap()), BigInt::from(q));
                prop_assert_eq!(as_big(&int_mod(&x, &y).unwrap()), BigInt::from(r));
            }
        }

        #[test]
        fn shifts_match_multiplication(a in operand(), n in 0u64..200) {
            let x = iv(&a);
            let sh = small(n as i64);
            let p = BigInt::one() << n;
            prop_assert_eq!(as_big(&int_lshift(&x, &sh).unwrap()), &a * &p);
            prop_assert_eq!(as_big(&int_rshift(&x, &sh).unwrap()), a.div_floor(&p));
        }

        #[test]
        fn pow_matches_bigint(a in -1000i64..1000, e in 0u32..40) {
            let r = int_pow(&small(a), &small(i64::from(e))).unwrap();
            prop_assert_eq!(r, Number::Int(iv(&BigInt::from(a).pow(e))));
        }

        #[test]
        fn pow_mod_matches(a in operand(), e in 0u32..50, m in operand()) {
            prop_assume!(!m.is_zero());
            let r = int_pow_mod(&iv(&a), &small(i64::from(e)), &iv(&m)).unwrap();
            prop_assert_eq!(as_big(&r), a.pow(e).mod_floor(&m));
        }

        #[test]
        fn float_comparison_is_exact(a in operand(), f in any::<f64>()) {
            let got = int_float_cmp(&iv(&a), f);
            if f.is_nan() {
                prop_assert_eq!(got, None);
            } else if f.is_infinite() {
                prop_assert_eq!(got, Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater }));
            } else {
                // f = m * 2**e exactly.
                let bits = f.to_bits();
                let exp = ((bits >> 52) & 0x7ff) as i64;
                let frac = (bits & ((1 << 52) - 1)) as i64;
                let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
                let m = if f < 0.0 { -BigInt::from(m) } else { BigInt::from(m) };
                let want = if e >= 0 { a.cmp(&(m << e as u64)) } else { (&a << (-e) as u64).cmp(&m) };
                prop_assert_eq!(got, Some(want));
            }
        }

        #[test]
        fn true_division_is_correctly_rounded(x in -(1i64 << 53)..(1i64 << 53), y in 1i64..(1i64 << 53), k in 0u32..300) {
            // Scaling both operands by the same big factor must not change the result.
            let want = x as f64 / y as f64;
            let c = BigInt::from(3u8).pow(k) + BigInt::one();
            let got = int_truediv(&iv(&(BigInt::from(x) * &c)), &iv(&(BigInt::from(y) * &c))).unwrap();
            prop_assert_eq!(got.to_bits(), want.to_bits());
        }

        #[test]
        fn to_float_agrees_with_format(a in operand()) {
            let got = int_to_f64_checked(&iv(&a)).unwrap();
            prop_assert_eq!(got, format::int_to_f64(&a).unwrap());
            // And ratio_to_f64 with denominator 1 agrees.
            prop_assert_eq!(ratio_to_f64(&a, &BigInt::one()).unwrap(), got);
        }
    }

    #[test]
    fn fixed_cases_from_cpython() {
        let p = |e: u32| iv(&BigInt::from(10u8).pow(e));
        assert_eq!(int_truediv(&p(400), &p(399)).unwrap(), 10.0);
        assert_eq!(
            int_truediv(&p(400), &small(3)),
            Err(ArithError::Overflow(
                "integer division result too large for a float"
            ))
        );
        assert_eq!(int_truediv(&small(1), &p(400)).unwrap(), 0.0);
        assert!(
            int_truediv(&small(0), &small(-5))
                .unwrap()
                .is_sign_negative()
        );
        assert_eq!(int_truediv(&small(7), &small(2)).unwrap(), 3.5);
        assert_eq!(
            int_floordiv(&small(1), &small(0)),
            Err(ArithError::ZeroDivision(
                "integer division or modulo by zero"
            ))
        );
        assert_eq!(
            int_mod(&small(1), &small(0)),
            Err(ArithError::ZeroDivision("integer modulo by zero"))
        );
        assert_eq!(
            as_big(&int_floordiv(&small(i64::MIN), &small(-1)).unwrap()),
            -BigInt::from(i64::MIN)
        );
        assert_eq!(int_mod(&small(i64::MIN), &small(-1)).unwrap(), small(0));
        assert_eq!(
            int_lshift(&small(1), &small(-1)),
            Err(ArithError::Value("negative shift count"))
        );
        assert_eq!(int_rshift(&small(-1), &p(30)).unwrap(), small(-1));
        assert_eq!(int_rshift(&small(-5), &small(1)).unwrap(), small(-3));
        assert_eq!(int_pow(&small(2), &small(-2)).unwrap(), Number::Float(0.25));
        assert_eq!(
            int_pow(&small(0), &small(-1)),
            Err(ArithError::ZeroDivision(
                "0.0 cannot be raised to a negative power"
            ))
        );
        assert_eq!(int_pow(&small(-1), &p(30)).unwrap(), Number::Int(small(1)));
        assert_eq!(int_pow(&small(0), &p(30)).unwrap(), Number::Int(small(0)));
        assert_eq!(
            int_pow_mod(&small(3), &small(-1), &small(-11)).unwrap(),
            small(-7)
        );
        assert_eq!(
            int_pow_mod(&small(2), &small(100), &small(-7)).unwrap(),
            small(-5)
        );
        assert_eq!(
            int_pow_mod(&small(-2), &small(-1), &small(5)).unwrap(),
            small(2)
        );
        assert_eq!(
            int_pow_mod(&small(2), &small(-1), &small(1)).unwrap(),
            small(0)
        );
        assert_eq!(
            int_pow_mod(&small(2), &small(-1), &small(4)),
            Err(ArithError::Value(
                "base is not invertible for the given modulus"
            ))
        );
        let two53_plus1 = small((1 << 53) + 1);
        assert_eq!(
            int_float_cmp(&two53_plus1, 2f64.powi(53)),
            Some(Ordering::Greater)
        );
        assert_eq!(int_float_cmp(&p(400), f64::INFINITY), Some(Ordering::Less));
        assert_eq!(int_bit_length(&small(-255)), 8);
        assert_eq!(int_bit_length(&small(i64::MIN)), 64);
    }

    #[test]
    fn compose_handles_subnormals_and_overflow() {
        // 2**-1074 exactly, and half of it (ties to even: zero).
        assert_eq!(
            compose_f64(1 << 63, false, -1074 - 63),
            Some(f64::from_bits(1))
        );
        assert_eq!(compose_f64(1 << 63, false, -1075 - 63), Some(0.0));
        assert_eq!(
            compose_f64(1 << 63, true, -1075 - 63),
            Some(f64::from_bits(1))
        );
        assert_eq!(compose_f64(u64::MAX, false, 1023 - 63), None);
        assert_eq!(
            compose_f64(1 << 63, false, 1023 - 63),
            Some(2f64.powi(1023))
        );
        // 2**-1070 (subnormal) via the ratio path.
        let (n, d) = (BigInt::one(), BigInt::one() << 1070u32);
        assert_eq!(ratio_to_f64(&n, &d), Some(f64::from_bits(1 << 4)));
    }
}
