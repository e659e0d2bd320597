//! Input of the `format_spec` target: a value (int, including big ones; float,
//! including inf, nan and -0.0; str) and either a `format()` spec or a `%`-format
//! string with its arguments, written raw or assembled from the grammar's parts.

use arbitrary::{Arbitrary, Unstructured};
use num_bigint::{BigInt, Sign};
use pyrite::format::{self, PercentKey, PercentNum, PercentParser, PercentPiece, PercentSpec};

/// Widths and precisions above this (and below 2**64, which overflow and fail
/// early) are skipped, so that a run is not dominated by building huge texts.
pub const MAX_WIDTH: u64 = 100_000;

#[derive(Debug, Clone)]
pub enum Value {
    Int(BigInt),
    Float(f64),
    Str(String),
}

impl<'a> Arbitrary<'a> for Value {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u.int_in_range(0..=9u8)? {
            0 => Value::Int(BigInt::from(u.int_in_range(-20..=20i64)?)),
            1 | 2 => Value::Int(BigInt::from(i64::arbitrary(u)?)),
            3 => {
                // Up to ~6,000 decimal digits: past the 4,300-digit str limit.
                let n = u.int_in_range(1..=625usize)?;
                let mut words = Vec::with_capacity(n);
                for _ in 0..n {
                    words.push(u32::arbitrary(u)?);
                }
                let sign = if bool::arbitrary(u)? {
                    Sign::Minus
                } else {
                    Sign::Plus
                };
                Value::Int(BigInt::from_slice(sign, &words))
            }
            4 => Value::Float(special_float(u)?),
            5 | 6 => Value::Float(f64::from_bits(u64::arbitrary(u)?)),
            7 => Value::Float(
                f64::from(i16::arbitrary(u)?) / f64::from(1u32 << u.int_in_range(0..=12)?),
            ),
            _ => Value::Str(String::arbitrary(u)?),
        })
    }
}

fn special_float(u: &mut Unstructured<'_>) -> arbitrary::Result<f64> {
    Ok(*u.choose(&[
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        0.5,
        1.5,
        2.5,
        -2.5,
        1e16,
        1e22,
        1e23,
        f64::from_bits(1e23f64.to_bits() - 1),
        0.1,
        1.0 / 3.0,
        123456789.0,
        -1e-7,
    ])?)
}

/// A width or precision: mostly small, sometimes large, sometimes overflowing.
#[derive(Debug, Clone)]
pub struct Num(pub String);

impl<'a> Arbitrary<'a> for Num {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Num(match u.int_in_range(0..=9u8)? {
            0..=5 => u.int_in_range(0..=40u32)?.to_string(),
            6 => u.int_in_range(0..=1000u32)?.to_string(),
            7 => u.int_in_range(0..=MAX_WIDTH as u32)?.to_string(),
            8 => u
                .choose(&["65535", "65536", "65537", "99999", "100000", "0000", "07"])?
                .to_string(),
            // Overflows isize / i32: an error, never an allocation.
            _ => u
                .choose(&[
                    "9223372036854775808",
                    "99999999999999999999",
                    "2147483648",
                    "1000000000000000000000000000000",
                ])?
                .to_string(),
        }))
    }
}

/// The parts of `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
/// each possibly absent, rendered in order (occasionally out of order).
#[derive(Debug, Clone, Arbitrary)]
pub struct BuiltSpec {
    fill: Option<char>,
    align: Option<u8>,
    sign: Option<u8>,
    z: bool,
    alternate: bool,
    zero: bool,
    width: Option<Num>,
    grouping: Option<u8>,
    precision: Option<Num>,
    ty: Option<u8>,
    /// Swap two adjacent parts (to reach the error paths).
    swap: Option<u8>,
}

const TYPES: &[char] = &[
    'b', 'c', 'd', 'e', 'E', 'f', 'F', 'g', 'G', 'n', 'o', 's', 'x', 'X', '%', 'r', 'a', 'i', 'u',
    'z', '\0', 'é',
];

impl BuiltSpec {
    fn render(&self, percent: bool) -> String {
        let mut parts: Vec<String> = Vec::new();
        if percent {
            // %[(key)][flags][width][.precision][length]conv
            let mut flags = String::new();
            if let Some(s) = self.sign {
                flags.push(['-', '+', ' ', '#', '0'][s as usize % 5]);
            }
            if self.alternate {
                flags.push('#');
            }
            if self.zero {
                flags.push('0');
            }
            if self.z {
                flags.push('-');
            }
            parts.push("%".into());
            if self.fill == Some('(') {
                parts.push("(k)".into());
            }
            parts.push(flags);
            parts.push(match (&self.width, self.align) {
                (_, Some(a)) if a % 7 == 0 => "*".into(),
                (Some(w), _) => w.0.clone(),
                (None, _) => String::new(),
            });
            parts.push(match (&self.precision, self.grouping) {
                (_, Some(g)) if g % 5 == 0 => ".*".into(),
                (Some(p), _) => format!(".{}", p.0),
                (None, Some(g)) if g % 5 == 1 => ".".into(),
                _ => String::new(),
            });
            if self.grouping.is_some_and(|g| g % 5 == 2) {
                parts.push("l".into());
            }
        } else {
            let align = self.align.map(|a| ['<', '>', '^', '='][a as usize % 4]);
            let mut head = String::new();
            if let Some(a) = align {
                if let Some(f) = self.fill {
                    head.push(f);
                }
                head.push(a);
            }
            parts.push(head);
            parts.push(
                self.sign
                    .map(|s| ['+', '-', ' '][s as usize % 3].to_string())
                    .unwrap_or_default(),
            );
            parts.push(if self.z { "z".into() } else { String::new() });
            parts.push(if self.alternate {
                "#".into()
            } else {
                String::new()
            });
            parts.push(if self.zero { "0".into() } else { String::new() });
            parts.push(self.width.as_ref().map(|w| w.0.clone()).unwrap_or_default());
            parts.push(match self.grouping.map(|g| g % 4) {
                Some(0) => ",".into(),
                Some(1) => "_".into(),
                Some(2) => ",_".into(),
                _ => String::new(),
            });
            parts.push(
                self.precision
                    .as_ref()
                    .map(|p| format!(".{}", p.0))
                    .unwrap_or_default(),
            );
        }
        parts.push(
            self.ty
                .map(|t| TYPES[t as usize % TYPES.len()].to_string())
                .unwrap_or_default(),
        );
        if let Some(s) = self.swap {
            let i = s as usize % parts.len();
            if i + 1 < parts.len() {
                parts.swap(i, i + 1);
            }
        }
        parts.concat()
    }

    /// The width written, when it is a plain number in range.
    fn width(&self) -> Option<usize> {
        if self.swap.is_some() {
            return None;
        }
        self.width.as_ref().and_then(|w| w.0.parse().ok())
    }
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Spec {
    Raw(String),
    Built(BuiltSpec),
}

#[derive(Debug, Clone, Arbitrary)]
pub enum FormatInput {
    /// `format(value, spec)`.
    Format { value: Value, spec: Spec },
    /// `fmt % tuple(args)`: the format text is the prefix, the spec, and the suffix.
    Percent {
        prefix: String,
        spec: Spec,
        suffix: String,
        args: Vec<Value>,
    },
}

/// Whether every run of decimal digits in `text` is at most [`MAX_WIDTH`] or does
/// not fit in 64 bits (which both parsers reject before allocating).
pub fn widths_bounded(text: &str) -> bool {
    let mut run: Option<u128> = None;
    for c in text.chars().chain(std::iter::once(' ')) {
        match format::decimal_value(c) {
            Some(d) => {
                let v = run.unwrap_or(0);
                run = Some(v.saturating_mul(10).saturating_add(u128::from(d)));
            }
            None => {
                if let Some(v) = run.take()
                    && v > u128::from(MAX_WIDTH)
                    && v <= u128::from(u64::MAX)
                {
                    return false;
                }
            }
        }
    }
    true
}

/// Runs one input; panics only when the formatting code does.
pub fn run(input: &FormatInput) {
    match input {
        FormatInput::Format { value, spec } => {
            let (text, width) = match spec {
                Spec::Raw(s) => (s.clone(), None),
                Spec::Built(b) => (b.render(false), b.width()),
            };
            if !widths_bounded(&text) {
                return;
            }
            let result = match value {
                Value::Int(v) => format::format_int(v, &text),
                Value::Float(x) => format::format_float(*x, &text),
                Value::Str(s) => format::format_str(s, &text),
            };
            if let (Ok(out), Some(w)) = (&result, width)
                && !text.contains('\0')
            {
                assert!(
                    out.chars().count() >= w,
                    "format({value:?}, {text:?}) = {out:?} is narrower than {w}"
                );
            }
        }
        FormatInput::Percent {
            prefix,
            spec,
            suffix,
            args,
        } => {
            let spec = match spec {
                Spec::Raw(s) => s.clone(),
                Spec::Built(b) => b.render(true),
            };
            let text = format!("{prefix}{spec}{suffix}");
            if !widths_bounded(&text) {
                return;
            }
            if args
                .iter()
                .any(|a| matches!(a, Value::Int(v) if !star_bounded(v)))
            {
                return;
            }
            let _ = percent_format(&text, args);
        }
    }
}

/// A `*` argument: small, or too big for the C integer it is read into.
fn star_bounded(v: &BigInt) -> bool {
    let m = v.magnitude();
    m <= &num_bigint::BigUint::from(MAX_WIDTH) || m.bits() > 63
}

/// `fmt % tuple(args)` without a VM: the same steps as
/// `builtins::types::str::formatting::percent_format`, with `str()`/`repr()` of
/// the three value kinds done here.
pub fn percent_format(fmt: &str, args: &[Value]) -> Result<String, format::FormatError> {
    let mut next = args.iter();
    let mut out = String::new();
    for piece in PercentParser::new(fmt) {
        match piece {
            PercentPiece::Literal(s) => out.push_str(s),
            PercentPiece::Percent => out.push('%'),
            PercentPiece::Spec(mut spec) => {
                let s = format_one(&mut spec, &mut next)?;
                out.push_str(&s);
            }
        }
    }
    Ok(out)
}

fn missing() -> format::FormatError {
    format::FormatError::type_error("not enough arguments for format string")
}

fn format_one<'v>(
    spec: &mut PercentSpec<'_>,
    next: &mut impl Iterator<Item = &'v Value>,
) -> Result<String, format::FormatError> {
    if spec.key != PercentKey::None {
        return Err(format::FormatError::type_error("format requires a mapping"));
    }
    if spec.width == PercentNum::Star {
        match next.next().ok_or_else(missing)? {
            Value::Int(w) => spec.set_star_width(w)?,
            _ => return Err(format::FormatError::type_error("* wants int")),
        }
    }
    if spec.precision == PercentNum::Star {
        match next.next().ok_or_else(missing)? {
            Value::Int(p) => spec.set_star_precision(p)?,
            _ => return Err(format::FormatError::type_error("* wants int")),
        }
    }
    if let Some(e) = spec.error.take() {
        return Err(e);
    }
    let v = next.next().ok_or_else(missing)?;
    match spec.conversion {
        's' | 'r' | 'a' => {
            let text = match (v, spec.conversion) {
                (Value::Int(i), _) => format::bigint_to_string(i)?,
                (Value::Float(x), 's') => format::float_str(*x),
                (Value::Float(x), _) => format::float_repr(*x),
                (Value::Str(s), 's') => s.clone(),
                (Value::Str(s), 'r') => format::str_repr(s),
                (Value::Str(s), _) => format::ascii_escape(&format::str_repr(s)),
            };
            format::pad_percent_str(&text, spec)
        }
        conv @ ('d' | 'i' | 'u' | 'o' | 'x' | 'X') => {
            let n = match v {
                Value::Int(i) => i.clone(),
                Value::Float(x) if !matches!(conv, 'o' | 'x' | 'X') => format::f64_to_int(*x)?,
                Value::Float(_) => return Err(format::percent_type_error(conv, "float")),
                Value::Str(_) => return Err(format::percent_type_error(conv, "str")),
            };
            format::format_percent_int(&n, spec)
        }
        conv @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G') => {
            let x = match v {
                Value::Int(i) => format::int_to_f64(i)?,
                Value::Float(x) => *x,
                Value::Str(_) => return Err(format::percent_type_error(conv, "str")),
            };
            format::format_percent_float(x, spec)
        }
        'c' => {
            let ch = match v {
                Value::Int(i) => format::percent_char_from_int(i)?,
                Value::Str(s) => format::percent_char_from_str(s)?,
                Value::Float(_) => return Err(format::percent_type_error('c', "float")),
            };
            let mut buf = [0u8; 4];
            format::pad_percent_str(ch.encode_utf8(&mut buf), spec)
        }
        _ => Err(spec.unsupported()),
    }
}
