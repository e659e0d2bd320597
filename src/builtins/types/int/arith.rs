//! Integer arithmetic as pure functions over [`IntValue`]: the machine-word path first,
//! promotion to `BigInt` on overflow, CPython 3.11's semantics and error messages
//! (floor division and modulo take the divisor's sign, correctly rounded `/`, negative
//! exponents give floats, shifts and bitwise operators on infinite two's complement).
//! No objects are involved, so everything here is tested without an interpreter.

use crate::format;
use crate::object::int::{IntValue, new_int};
use crate::object::str::new_str;
use crate::object::tuple::new_tuple;
use crate::object::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::borrow::Cow;
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

pub use crate::builtins::types::format_error;

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
        return crate::builtins::types::float::float_pow(x, y).map(Number::Float);
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
        // CPython sizes the result in 30-bit digits: while that count fits in a
        // Py_ssize_t the allocation fails (MemoryError); past it, it cannot even size it.
        IntValue::Big(b) => {
            return Err(if (b / 30u32).to_i64().is_some() {
                ArithError::Memory
            } else {
                ArithError::Overflow("too many digits in integer")
            });
        }
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
