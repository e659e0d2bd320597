//! `math.gamma`, `math.lgamma`, `math.erf` and `math.erfc`, computed the way CPython
//! 3.11 computes them so results agree bit for bit:
//!
//! - `gamma` and `lgamma` use CPython's own Lanczos approximation (the 13-term
//!   `lanczos13m53` coefficients published with Boost, g = 6.0246800407767296), exact
//!   factorials for small integers, and a reflection formula for negative arguments,
//!   evaluated in the same order as `mathmodule.c` does.
//! - `erf` and `erfc` are the C library's, as in CPython 3.11.
//!
//! Errors follow CPython's `math_1a` (for gamma/lgamma): a pole or a negative integer
//! is a domain error, a finite argument with an infinite result a range error.

// The Lanczos constants are written with their published digits, so they can be
// checked against the literature; each rounds to the double CPython uses.
#![allow(clippy::excessive_precision)]

/// How a special function failed (CPython's `errno` after the libm-style call).
#[derive(Debug, PartialEq)]
pub enum SpecialError {
    /// `EDOM`: `ValueError: math domain error`.
    Domain,
    /// `ERANGE` with a large result: `OverflowError: math range error`.
    Range,
}

type Special = Result<f64, SpecialError>;

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
];
/// The denominator: the coefficients of x(x+1)…(x+11) from the constant term up.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];
/// gamma(n) = (n-1)! is exact in a double up to n = 23.
const EXACT_GAMMA_UP_TO: f64 = 23.0;
const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

/// The Lanczos sum for x > 0, as a ratio of polynomials evaluated by Horner's rule in x
/// (small x) or in 1/x (large x, so nothing overflows).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), accurate for large x (the argument is reduced before scaling by pi).
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i64 {
        0 => (std::f64::consts::PI * y).sin(),
        1 => (std::f64::consts::PI * (y - 0.5)).cos(),
        2 => (std::f64::consts::PI * (1.0 - y)).sin(),
        3 => -(std::f64::consts::PI * (y - 1.5)).cos(),
        _ => (std::f64::consts::PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// (n-1)! for integral 1 <= n <= 23.
fn exact_gamma(n: f64) -> f64 {
    (1..n as u32).fold(1.0, |acc, k| acc * f64::from(k))
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Special {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(SpecialError::Domain)
        };
    }
    if x == 0.0 {
        return Err(SpecialError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(SpecialError::Domain);
        }
        if x <= EXACT_GAMMA_UP_TO {
            return Ok(exact_gamma(x));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(SpecialError::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(SpecialError::Range)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // z: the rounding error of y, scaled, used as a first-order correction.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        Err(SpecialError::Range)
    } else {
        Ok(r)
    }
}

/// `math.lgamma(x)`: log |gamma(x)|.
pub fn lgamma(x: f64) -> Special {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(SpecialError::Domain)
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Err(SpecialError::Range)
    } else {
        Ok(r)
    }
}

// SAFETY: these are the C99 `double erf(double)` and `double erfc(double)` of the C
// math library that the Rust standard library already links on every supported
// platform; they take and return plain doubles, touch no memory and are thread-safe,
// so calling them is safe for every argument.
unsafe extern "C" {
    #[link_name = "erf"]
    safe fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    safe fn c_erfc(x: f64) -> f64;
}

/// `math.erf(x)`.
pub fn erf(x: f64) -> f64 {
    c_erf(x)
}

/// `math.erfc(x)`.
pub fn erfc(x: f64) -> f64 {
    c_erfc(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_python() {
        // python3: math.gamma(5.5), math.gamma(0.5), math.gamma(-1.5), math.gamma(171.5)
        assert_eq!(gamma(5.5), Ok(52.34277778455352));
        assert_eq!(gamma(0.5), Ok(1.7724538509055159));
        assert_eq!(gamma(-1.5), Ok(2.3632718012073544));
        assert_eq!(gamma(10.0), Ok(362880.0));
        assert_eq!(gamma(171.5), Ok(9.483367566824801e307));
        assert_eq!(gamma(172.5), Err(SpecialError::Range));
        assert_eq!(gamma(1e-320), Err(SpecialError::Range));
        assert_eq!(gamma(-250.5), Ok(-0.0));
        assert_eq!(gamma(-3.0), Err(SpecialError::Domain));
        assert_eq!(gamma(0.0), Err(SpecialError::Domain));
        // python3: math.lgamma(10.1), math.lgamma(-2.5), math.lgamma(1e300)
        assert_eq!(lgamma(10.1), Ok(13.027526738633238));
        assert_eq!(lgamma(-2.5), Ok(-0.05624371649767457));
        assert_eq!(lgamma(1e300), Ok(6.897755278982137e302));
        assert_eq!(lgamma(-2.0), Err(SpecialError::Domain));
        assert_eq!(lgamma(2.0), Ok(0.0));
        // python3: math.erf(0.3), math.erfc(0.2)
        assert_eq!(erf(0.3), 0.3286267594591274);
        assert_eq!(erfc(0.2), 0.7772974107895215);
    }
}
