//! The `math` module, following CPython 3.11's `Modules/mathmodule.c`: the libm
//! functions with its error rules (`ValueError: math domain error` for a NaN from a
//! non-NaN argument, `OverflowError: math range error` for an overflowing result),
//! logarithms of huge ints through their bit length, the integer functions (`gcd`,
//! `factorial`, `comb`, `isqrt`…) on big ints, an exact `fsum`, and `hypot`/`dist`
//! with CPython's compensated vector norm so results match bit for bit.
//!
//! The inverse hyperbolic functions and `cbrt` are written out here (glibc's formulas)
//! because Rust's versions are not the C library's and differ in the last bit.
//! `gamma`, `lgamma`, `erf` and `erfc` live in `math_special.rs`.

use super::numeric::{bind_args, missing_argument};
use super::types::float::as_f64;
use super::types::int::{compose_f64, index_value, int_from_f64, int_signum, to_f64};
use super::types::{check_args, keyword, new_builtin_function};
use crate::object::dict::as_dict;
use crate::object::float::{float_value, new_float};
use crate::object::function::NativeFn;
use crate::object::int::{IntValue, int_value, new_bigint, new_int};
use crate::object::module::{module_dict, new_module};
use crate::object::singletons::py_bool;
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use num_bigint::BigInt;
use num_integer::{Integer, Roots};
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::f64::consts::{E, PI, TAU};

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::overflow("math range error")
}

/// `math.NAME() takes no keyword arguments`.
fn no_keywords(name: &str, args: &Args) -> PyResult<()> {
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// The single argument of `math.NAME(x)`.
fn one_arg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a PyRef> {
    Ok(&check_args(&format!("math.{name}"), args, 1, 1)?[0])
}

/// The two arguments of `math.NAME(x, y)` (`NAME expected 2 arguments, got N`).
fn two_args<'a>(name: &str, args: &Args<'a>) -> PyResult<(&'a PyRef, &'a PyRef)> {
    no_keywords(&format!("math.{name}"), args)?;
    let a = check_args(name, args, 2, 2)?;
    Ok((&a[0], &a[1]))
}

/// CPython's `math_1`: apply `f`, mapping a NaN from a non-NaN argument to a domain
/// error and an infinity from a finite one to a range (or domain) error.
fn math_1(vm: &mut Vm, arg: &PyRef, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = as_f64(vm, arg)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(new_float(r))
}

/// CPython's `math_1a` (`gamma`, `lgamma`): the function reports its own errors.
fn math_1a(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(f64) -> Result<f64, super::math_special::SpecialError>,
) -> PyResult {
    let x = as_f64(vm, one_arg(name, &args)?)?;
    match f(x) {
        Ok(r) => Ok(new_float(r)),
        Err(super::math_special::SpecialError::Domain) => Err(domain_error()),
        Err(super::math_special::SpecialError::Range) => Err(range_error()),
    }
}

fn m_gamma(vm: &mut Vm, args: Args) -> PyResult {
    math_1a(vm, args, "gamma", super::math_special::gamma)
}

fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult {
    math_1a(vm, args, "lgamma", super::math_special::lgamma)
}

/// CPython's `math_2` for two-argument libm functions.
fn math_2(vm: &mut Vm, args: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult {
    let (a, b) = two_args(name, &args)?;
    let x = as_f64(vm, a)?;
    let y = as_f64(vm, b)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

// ----- glibc's inverse hyperbolic functions --------------------------------------------

const LN2: f64 = std::f64::consts::LN_2;

fn asinh(x: f64) -> f64 {
    let xa = x.abs();
    if !x.is_finite() {
        return x + x;
    }
    if xa < 2f64.powi(-28) {
        return x;
    }
    let w = if xa > 2f64.powi(28) {
        xa.ln() + LN2
    } else if xa > 2.0 {
        (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
    } else {
        let t = xa * xa;
        (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn acosh(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < 1.0 {
        return f64::NAN;
    }
    if x >= 2f64.powi(28) {
        if x.is_infinite() {
            return x;
        }
        return x.ln() + LN2;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

fn atanh(x: f64) -> f64 {
    let xa = x.abs();
    if x.is_nan() {
        return x;
    }
    let t = if xa < 0.5 {
        if xa < 2f64.powi(-28) {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else {
        f64::INFINITY
    };
    t.copysign(x)
}

/// glibc's `cbrt` (a polynomial guess, one Halley step, the exponent split by three):
/// Rust's `cbrt` is not the C library's and differs in the last bit.
#[allow(clippy::excessive_precision)]
fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086
                        + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
                        * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, xe / 3)
}

// ----- one-argument float functions ------------------------------------------------------

macro_rules! func1 {
    ($table:ident; $( $f:ident, $name:literal, $op:expr, $overflow:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult {
                let x = one_arg($name, &args)?;
                math_1(vm, x, $op, $overflow)
            }
        )*
        const $table: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}

func1! {
    FUNC1;
    m_acos, "acos", f64::acos, false;
    m_acosh, "acosh", acosh, false;
    m_asin, "asin", f64::asin, false;
    m_asinh, "asinh", asinh, false;
    m_atan, "atan", f64::atan, false;
    m_atanh, "atanh", atanh, false;
    m_cbrt, "cbrt", cbrt, false;
    m_cos, "cos", f64::cos, false;
    m_cosh, "cosh", f64::cosh, true;
    m_erf, "erf", super::math_special::erf, false;
    m_erfc, "erfc", super::math_special::erfc, false;
    m_exp, "exp", f64::exp, true;
    m_exp2, "exp2", f64::exp2, true;
    m_expm1, "expm1", f64::exp_m1, true;
    m_fabs, "fabs", f64::abs, false;
    m_log1p, "log1p", f64::ln_1p, false;
    m_sin, "sin", f64::sin, false;
    m_sinh, "sinh", f64::sinh, true;
    m_sqrt, "sqrt", f64::sqrt, false;
    m_tan, "tan", f64::tan, false;
    m_tanh, "tanh", f64::tanh, false;
}

fn m_degrees(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("degrees", &args)?)?;
    Ok(new_float(x * (180.0 / PI)))
}

fn m_radians(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("radians", &args)?)?;
    Ok(new_float(x * (PI / 180.0)))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("isnan", &args)?)?;
    Ok(py_bool(x.is_nan()))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("isinf", &args)?)?;
    Ok(py_bool(x.is_infinite()))
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("isfinite", &args)?)?;
    Ok(py_bool(x.is_finite()))
}

/// `floor`/`ceil`: floats directly, other objects through `__floor__`/`__ceil__`,
/// then through a float conversion.
fn round_to_int(vm: &mut Vm, x: &PyRef, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    if x.is_exact(&FLOAT_TYPE) {
        return int_from_f64(f(float_value(x).unwrap_or(0.0)));
    }
    if let Some(r) = vm.call_special(x, dunder, &[])? {
        return Ok(r);
    }
    let v = as_f64(vm, x)?;
    int_from_f64(f(v))
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("floor", &args)?;
    round_to_int(vm, x, "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("ceil", &args)?;
    round_to_int(vm, x, "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("trunc", &args)?;
    if x.is_exact(&FLOAT_TYPE) {
        return int_from_f64(float_value(x).unwrap_or(0.0));
    }
    match vm.call_special(x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "type {} doesn't define __trunc__ method",
            x.ty().name()
        ))),
    }
}

// ----- logarithms ----------------------------------------------------------------------

/// `x` and `e` with `v == x * 2**e`, `0.5 <= x < 1` (`_PyLong_Frexp`), for `v > 0`.
fn frexp_big(v: &BigInt) -> (f64, i64) {
    let n = v.bits();
    let (q, sticky) = if n > 64 {
        let shift = n - 64;
        let q = (v >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = v.trailing_zeros().is_some_and(|tz| tz < shift);
        (q, sticky)
    } else {
        (v.to_u64().unwrap_or(0) << (64 - n), false)
    };
    let x = compose_f64(q, sticky, -64).unwrap_or(1.0);
    if x == 1.0 {
        (0.5, n as i64 + 1)
    } else {
        (x, n as i64)
    }
}

/// CPython's `loghelper`: ints are handled exactly even beyond the double range.
fn loghelper(vm: &mut Vm, arg: &PyRef, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(v) = int_value(arg) {
        if int_signum(v) <= 0 {
            return Err(domain_error());
        }
        return Ok(match to_f64(v) {
            Ok(x) => f(x),
            Err(_) => {
                let big = v.to_big();
                let (x, e) = frexp_big(&big);
                f(x) + f(2.0) * e as f64
            }
        });
    }
    let r = math_1(vm, arg, f, false)?;
    Ok(float_value(&r).unwrap_or(0.0))
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult {
    no_keywords("log", &args)?;
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, &pos[0], f64::ln)?;
    match pos.get(1) {
        None => Ok(new_float(num)),
        Some(base) => {
            let den = loghelper(vm, base, f64::ln)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(new_float(num / den))
        }
    }
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("log2", &args)?;
    Ok(new_float(loghelper(vm, x, f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("log10", &args)?;
    Ok(new_float(loghelper(vm, x, f64::log10)?))
}

// ----- two-argument float functions ------------------------------------------------------

/// CPython's `m_atan2`: C99's special values, whatever the platform does.
fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

/// CPython's `m_remainder`: IEEE 754 remainder.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult {
    math_2(vm, args, "atan2", atan2)
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult {
    math_2(vm, args, "copysign", f64::copysign)
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult {
    math_2(vm, args, "remainder", remainder)
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = two_args("fmod", &args)?;
    let x = as_f64(vm, a)?;
    let y = as_f64(vm, b)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(new_float(r))
}

/// `math.pow`: C99 special values handled directly, libm for finite operands.
fn math_pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = two_args("pow", &args)?;
    let x = as_f64(vm, a)?;
    let y = as_f64(vm, b)?;
    Ok(new_float(math_pow(x, y)?))
}

/// `ldexp(x, n)` correctly rounded (musl's `scalbn`).
pub fn ldexp(x: f64, n: i64) -> f64 {
    let mut n = n.clamp(-4000, 4000) as i32;
    let mut y = x;
    if n > 1023 {
        let step = f64::from_bits(2046 << 52); // 2**1023
        y *= step;
        n -= 1023;
        if n > 1023 {
            y *= step;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Keep the final scaling above -1022 - 53 so subnormals round only once.
        let step = f64::from_bits((1023 - 1022 + 53) << 52); // 2**-969
        y *= step;
        n += 1022 - 53;
        if n < -1022 {
            y *= step;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = two_args("ldexp", &args)?;
    let x = as_f64(vm, a)?;
    let Some(n) = int_value(b) else {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    let n = match n {
        IntValue::Small(v) => *v,
        IntValue::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let r = ldexp(x, n);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

/// `frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adjust) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022 + adjust)
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("frexp", &args)?)?;
    let (m, e) = frexp(x);
    Ok(new_tuple(vec![new_float(m), new_int(e)]))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("modf", &args)?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(new_tuple(vec![new_float(frac), new_float(int)]))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = two_args("nextafter", &args)?;
    let x = as_f64(vm, a)?;
    let y = as_f64(vm, b)?;
    Ok(new_float(next_after(x, y)))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult {
    let x = as_f64(vm, one_arg("ulp", &args)?)?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(x));
    }
    let up = next_after(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(new_float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(new_float(up - x))
}

// ----- hypot and dist: CPython 3.11's vector_norm ----------------------------------------

/// `sqrt(sum(x*x for x in vec))` for finite non-negative `vec` whose largest
/// element is `max`, with CPython 3.11's scaling, Dekker splitting, compensated
/// summation and square-root correction (results agree bit for bit).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp(max).1;
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    if max_e >= -1023 {
        let scale = ldexp(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let (hi, lo) = split(x);
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let (hi, lo) = split(h);
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult {
    no_keywords("math.hypot", &args)?;
    let mut vec = Vec::with_capacity(args.args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for item in args.positional() {
        let x = as_f64(vm, item)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(new_float(vector_norm(&vec, max, found_nan)))
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult {
    let (p, q) = two_args("dist", &args)?;
    let p = vm.collect_iter(p)?;
    let q = vm.collect_iter(q)?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut vec = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let px = as_f64(vm, a)?;
        let qx = as_f64(vm, b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(new_float(vector_norm(&vec, max, found_nan)))
}

// ----- integer functions -----------------------------------------------------------------

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult {
    no_keywords("math.gcd", &args)?;
    let mut acc = BigInt::zero();
    for item in args.positional() {
        let v = index_value(vm, item)?;
        acc = acc.gcd(&v.to_big());
    }
    Ok(new_bigint(acc))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult {
    no_keywords("math.lcm", &args)?;
    let mut acc = BigInt::one();
    for item in args.positional() {
        let v = index_value(vm, item)?.to_big();
        if acc.is_zero() || v.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&v);
    }
    Ok(new_bigint(acc.abs()))
}

/// The product `lo * (lo+1) * ... * hi` by binary splitting (1 when `lo > hi`).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::from(lo);
        for i in lo + 1..=hi {
            p *= i;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("factorial", &args)?;
    let n = index_value(vm, x)?;
    if int_signum(&n) < 0 {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.as_i64() else {
        return Err(PyErr::overflow(
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(new_bigint(range_product(1, n as u64)))
}

/// A non-negative int argument of `comb`/`perm` (`NAME must be a non-negative integer`).
fn non_negative(vm: &mut Vm, x: &PyRef, what: &str) -> PyResult<BigInt> {
    let v = index_value(vm, x)?;
    if int_signum(&v) < 0 {
        return Err(PyErr::value_error(format!(
            "{what} must be a non-negative integer"
        )));
    }
    Ok(v.to_big())
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = two_args("comb", &args)?;
    let n = non_negative(vm, a, "n")?;
    let k = non_negative(vm, b, "k")?;
    if k > n {
        return Ok(new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return Err(PyErr::overflow(
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let mut result = BigInt::one();
    let base = &n - BigInt::from(k);
    for i in 1..=k {
        result = result * (&base + BigInt::from(i)) / BigInt::from(i);
    }
    Ok(new_bigint(result))
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult {
    no_keywords("math.perm", &args)?;
    let pos = check_args("perm", &args, 1, 2)?;
    let n = non_negative(vm, &pos[0], "n")?;
    let k = match pos.get(1) {
        Some(k) if !crate::object::singletons::is_none(k) => non_negative(vm, k, "k")?,
        _ => n.clone(),
    };
    if k > n {
        return Ok(new_int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(PyErr::overflow("k must not exceed 9223372036854775807"));
    };
    if let Some(n) = n.to_u64() {
        return Ok(new_bigint(range_product(n - k + 1, n)));
    }
    let mut result = BigInt::one();
    for i in 0..k {
        result *= &n - BigInt::from(i);
    }
    Ok(new_bigint(result))
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("isqrt", &args)?;
    let n = index_value(vm, x)?;
    if int_signum(&n) < 0 {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(match n {
        IntValue::Small(v) => new_int(Roots::sqrt(&v)),
        IntValue::Big(b) => new_bigint(b.sqrt()),
    })
}

// ----- sums and products --------------------------------------------------------------------

/// `fsum`'s state: Shewchuk's exact partial sums with CPython's handling of
/// infinities, NaNs, intermediate overflow and the final half-even correction.
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    /// Add one value (`OverflowError` when finite values overflow the partials).
    pub fn add(&mut self, xsave: f64) -> PyResult<()> {
        let p = &mut self.partials;
        let mut x = xsave;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum (`ValueError` for `-inf + inf`).
    pub fn finish(&self) -> PyResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(PyErr::value_error("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut hi = 0.0f64;
        let mut n = p.len();
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0f64;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

/// `math.fsum` over plain values.
pub fn fsum_values(values: impl IntoIterator<Item = f64>) -> PyResult<f64> {
    let mut acc = Fsum::default();
    for x in values {
        acc.add(x)?;
    }
    acc.finish()
}

fn m_fsum(vm: &mut Vm, args: Args) -> PyResult {
    let x = one_arg("fsum", &args)?;
    let it = vm.get_iter(x)?;
    let mut acc = Fsum::default();
    while let Some(item) = vm.next(&it)? {
        let v = as_f64(vm, &item)?;
        acc.add(v)?;
    }
    Ok(new_float(acc.finish()?))
}

fn m_prod(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    super::types::check_keywords("prod", &args, &["start"])?;
    let mut result = keyword(&args, "start")
        .cloned()
        .unwrap_or_else(|| new_int(1));
    let it = vm.get_iter(&pos[0])?;
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, 5)?;
    }
    Ok(result)
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult {
    let npos = args.positional().len();
    if npos > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let names = ["a", "b", "rel_tol", "abs_tol"];
    let bound = bind_args("isclose", &args, &names)?;
    let a = bound[0].ok_or_else(|| missing_argument("isclose", "a", 1))?;
    let b = bound[1].ok_or_else(|| missing_argument("isclose", "b", 2))?;
    let a = as_f64(vm, a)?;
    let b = as_f64(vm, b)?;
    let rel_tol = match bound[2] {
        Some(r) => as_f64(vm, r)?,
        None => 1e-9,
    };
    let abs_tol = match bound[3] {
        Some(r) => as_f64(vm, r)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(py_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(py_bool(false));
    }
    let diff = (b - a).abs();
    Ok(py_bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

const OTHERS: &[(&str, NativeFn)] = &[
    ("degrees", m_degrees),
    ("radians", m_radians),
    ("isnan", m_isnan),
    ("isinf", m_isinf),
    ("isfinite", m_isfinite),
    ("floor", m_floor),
    ("ceil", m_ceil),
    ("trunc", m_trunc),
    ("log", m_log),
    ("log2", m_log2),
    ("log10", m_log10),
    ("atan2", m_atan2),
    ("copysign", m_copysign),
    ("remainder", m_remainder),
    ("fmod", m_fmod),
    ("pow", m_pow),
    ("ldexp", m_ldexp),
    ("frexp", m_frexp),
    ("modf", m_modf),
    ("nextafter", m_nextafter),
    ("ulp", m_ulp),
    ("hypot", m_hypot),
    ("dist", m_dist),
    ("gcd", m_gcd),
    ("gamma", m_gamma),
    ("lgamma", m_lgamma),
    ("lcm", m_lcm),
    ("factorial", m_factorial),
    ("comb", m_comb),
    ("perm", m_perm),
    ("isqrt", m_isqrt),
    ("fsum", m_fsum),
    ("prod", m_prod),
    ("isclose", m_isclose),
];

/// Build the `math` module.
pub fn make_module(_vm: &mut Vm) -> PyRef {
    let m = new_module("math");
    if let Some(dict) = module_dict(&m)
        && let Some(d) = as_dict(&dict)
    {
        for &(name, f) in FUNC1.iter().chain(OTHERS) {
            d.set_item_str(name, new_builtin_function(name, f, Some("math")));
        }
        d.set_item_str("pi", new_float(PI));
        d.set_item_str("e", new_float(E));
        d.set_item_str("tau", new_float(TAU));
        d.set_item_str("inf", new_float(f64::INFINITY));
        d.set_item_str("nan", new_float(f64::NAN));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact() {
        let s = |v: &[f64]| fsum_values(v.iter().copied()).ok();
        assert_eq!(s(&[0.1; 10]), Some(1.0));
        assert_eq!(
            s(&[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
            Some(1e-100)
        );
        assert_eq!(s(&[1e16, 1.0, 1e-16]), Some(1.0000000000000002e16));
        assert_eq!(s(&[]), Some(0.0));
        assert_eq!(s(&[f64::INFINITY, 1.0]), Some(f64::INFINITY));
        assert!(s(&[1e308, 1e308]).is_none());
        assert!(s(&[f64::INFINITY, f64::NEG_INFINITY]).is_none());
    }

    #[test]
    fn norms_match_cpython() {
        let h = |v: &[f64]| {
            let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            let abs: Vec<f64> = v.iter().map(|x| x.abs()).collect();
            vector_norm(&abs, max, false)
        };
        assert_eq!(h(&[3.0, 4.0]), 5.0);
        assert_eq!(h(&[3.0, 4.0, 12.0]), 13.0);
        assert_eq!(h(&[0.1, 0.2, 0.3]), 0.3741657386773941);
        assert_eq!(h(&[1e308, 1e308]), 1.4142135623730951e308);
        assert_eq!(h(&[1e-320, 1e-320]), 1.414e-320);
        assert_eq!(h(&[1.5 - 3.5, 2.5 - 0.5]), 2.8284271247461903);
    }

    #[test]
    fn frexp_ldexp_round_trip() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(1e-320), (0.98828125, -1063));
        assert_eq!(ldexp(1.5, -1074), 1e-323);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(3.0, -1075), 1e-323);
        assert!(ldexp(1.0, 10000).is_infinite());
        for &x in &[1.0, -3.75, 1e-310, 5e-324, 1.7976931348623157e308, 0.1] {
            let (m, e) = frexp(x);
            assert_eq!(ldexp(m, e), x);
        }
    }

    #[test]
    fn special_functions() {
        assert_eq!(atan2(1.0, -1.0), 2.356194490192345);
        assert_eq!(remainder(7.0, 3.0), 1.0);
        assert!(remainder(7.0, 0.0).is_nan());
        assert_eq!(asinh(1.0), 0.881373587019543);
        assert_eq!(acosh(1.0), 0.0);
        assert_eq!(atanh(0.5), 0.5493061443340548);
        assert!(atanh(1.0).is_infinite());
        assert_eq!(math_pow(f64::NAN, 0.0).ok(), Some(1.0));
        assert_eq!(math_pow(0.0, f64::NEG_INFINITY).ok(), Some(f64::INFINITY));
        assert_eq!(
            math_pow(f64::NEG_INFINITY, -1.0).ok().map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(next_after(1.0, 2.0), 1.0000000000000002);
        let (x, e) = frexp_big(&(BigInt::from(1) << 2000u32));
        assert_eq!((x, e), (0.5, 2001));
    }
}
