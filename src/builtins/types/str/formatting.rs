//! `str.format` / `str.format_map` (CPython's `unicode_format.h`: literal text, `{{`
//! and `}}`, fields with auto or manual numbering, `.attr` and `[key]` lookups,
//! `!r`/`!s`/`!a` conversions and nested `{}` in format specs) and printf-style
//! `str % args` (CPython's `PyUnicode_Format`, with the text rendering delegated to
//! `crate::format`).

use crate::format::{
    PercentKey, PercentNum, PercentParser, PercentPiece, PercentSpec, decimal_value, f64_to_int,
    format_percent_float, format_percent_int, int_to_f64, pad_percent_str, percent_char_from_int,
    percent_char_from_str, percent_type_error,
};
use crate::object::float::float_value;
use crate::object::int::{int_value, new_int};
use crate::object::str::{is_str, str_text};
use crate::object::tuple::as_tuple;
use crate::object::*;
use crate::text::Text;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub use crate::builtins::types::format_error;

// ----- str.format --------------------------------------------------------------------

#[derive(PartialEq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

/// Where field values come from: positional arguments (absent for `format_map`) and a
/// mapping for named fields.
pub struct FormatArgs<'a> {
    /// Lone surrogates met in the text, as stand-ins (see `str/lift.rs`).
    lifting: super::lift::Lifting,
    pub args: Option<&'a [PyRef]>,
    pub kwargs: Option<PyRef>,
    state: AutoState,
    next: usize,
}

impl<'a> FormatArgs<'a> {
    pub fn new(args: Option<&'a [PyRef]>, kwargs: Option<PyRef>) -> FormatArgs<'a> {
        FormatArgs {
            lifting: super::lift::Lifting::default(),
            args,
            kwargs,
            state: AutoState::Init,
            next: 0,
        }
    }
}

/// `fmt.format(*args, **kwargs)`, for a format string that may hold lone surrogates:
/// the string and every value converted into the result go through stand-ins.
pub fn format_method(vm: &mut Vm, fmt: &crate::text::Text, fa: &mut FormatArgs) -> PyResult {
    let fmt = fa.lifting.text(fmt).into_owned();
    let out = build_string(vm, &fmt, fa, 2)?;
    fa.lifting.finish("str.format()", &out)
}

fn value_error(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

fn build_string(vm: &mut Vm, s: &str, fa: &mut FormatArgs, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let b = s.as_bytes();
    let len = b.len();
    let mut out = String::with_capacity(len);
    let mut pos = 0;
    while pos < len {
        let start = pos;
        let mut c = 0u8;
        let mut markup = false;
        while pos < len {
            c = b[pos];
            pos += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= len;
        let mut lit_len = pos - start;
        if markup && c == b'}' && (at_end || b[pos] != b'}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if markup && at_end && c == b'{' {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if markup && !at_end {
            if b[pos] == c {
                pos += 1;
                markup = false;
            } else {
                lit_len -= 1;
            }
        }
        out.push_str(&s[start..start + lit_len]);
        if !markup {
            continue;
        }
        let field = parse_field(s, &mut pos)?;
        let text = output_markup(vm, s, &field, fa, depth)?;
        out.push_str(&text);
    }
    Ok(out)
}

struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

fn parse_field(s: &str, pos: &mut usize) -> PyResult<Field> {
    let b = s.as_bytes();
    let len = b.len();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < len {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < len && b[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    let name = (name_start, (*pos).saturating_sub(1).max(name_start));
    let mut field = Field {
        name,
        conversion: None,
        spec: (*pos, *pos),
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            let Some(conv) = s[*pos..].chars().next() else {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            };
            *pos += conv.len_utf8();
            field.conversion = Some(conv);
            if *pos < len {
                let c2 = b[*pos];
                *pos += 1;
                if c2 == b'}' {
                    return Ok(field);
                }
                if c2 != b':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < len {
            let c = b[*pos];
            *pos += 1;
            match c {
                b'{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != b'}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// CPython's `get_integer`: `None` unless every character is a decimal digit.
fn get_integer(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

fn get_field_object(vm: &mut Vm, name: &str, fa: &mut FormatArgs) -> PyResult<PyRef> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let rest = &name[first_end..];
    let mut index = get_integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if fa.state == AutoState::Init {
            fa.state = if empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if fa.state == AutoState::Manual && empty {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if fa.state == AutoState::Auto && !empty {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            index = Some(fa.next);
            fa.next += 1;
        }
    }
    let mut obj = match index {
        None => {
            let key = fa.lifting.key(first);
            match &fa.kwargs {
                None => return Err(PyErr::key_error(key)),
                Some(kw) => {
                    let kw = kw.clone();
                    vm.getitem(&kw, &key)?
                }
            }
        }
        Some(i) => {
            let Some(args) = fa.args else {
                return Err(value_error("Format string contains positional fields"));
            };
            match args.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(PyErr::index_error(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    )));
                }
            }
        }
    };
    let b = rest.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'.' => {
                let start = pos;
                while pos < b.len() && b[pos] != b'.' && b[pos] != b'[' {
                    pos += 1;
                }
                let attr = &rest[start..pos];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let n = fa.lifting.key(attr);
                obj = vm.getattr(&obj, &n)?;
            }
            b'[' => {
                let start = pos;
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
                if pos >= b.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let item = &rest[start..pos];
                pos += 1;
                if item.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let key = match get_integer(item)? {
                    Some(i) => new_int(i as i64),
                    None => fa.lifting.key(item),
                };
                obj = vm.getitem(&obj, &key)?;
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
    }
    Ok(obj)
}

fn output_markup(
    vm: &mut Vm,
    s: &str,
    field: &Field,
    fa: &mut FormatArgs,
    depth: i32,
) -> PyResult<String> {
    let name = &s[field.name.0..field.name.1];
    let mut obj = get_field_object(vm, name, fa)?;
    if let Some(conv) = field.conversion {
        obj = match conv {
            'r' => vm.repr(&obj)?,
            's' => vm.str(&obj)?,
            'a' => vm.ascii(&obj)?,
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {c}"
                )));
            }
            c => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier \\x{:x}",
                    c as u32
                )));
            }
        };
    }
    let raw_spec = &s[field.spec.0..field.spec.1];
    let spec = if field.spec_needs_expanding {
        build_string(vm, raw_spec, fa, depth - 1)?
    } else {
        raw_spec.to_string()
    };
    let empty = Text::new("");
    if spec.is_empty() && obj.is_exact(&STR_TYPE) {
        let t = str_text(&obj).unwrap_or(empty);
        return Ok(fa.lifting.text(t).into_owned());
    }
    let spec_obj = fa.lifting.key(&spec);
    let r = vm.format(&obj, &spec_obj)?;
    let t = str_text(&r).unwrap_or(empty);
    Ok(fa.lifting.text(t).into_owned())
}

// ----- printf-style formatting ------------------------------------------------------

struct PercentArgs {
    /// Lone surrogates met in the text, as stand-ins (see `str/lift.rs`).
    lifting: super::lift::Lifting,
    args: PyRef,
    /// Number of tuple arguments, or −1 for a single non-tuple argument.
    arglen: isize,
    argidx: isize,
    dict: Option<PyRef>,
}

impl PercentArgs {
    fn next(&mut self) -> PyResult<PyRef> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            if let Some(v) = as_tuple(&self.args).and_then(|t| t.get(i as usize)) {
                return Ok(v.clone());
            }
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

/// The int value for `%d %i %u %o %x %X` (CPython's `mainformatlong` conversions).
fn percent_int_value(vm: &mut Vm, v: &PyRef, conv: char) -> PyResult<BigInt> {
    if let Some(i) = int_value(v) {
        return Ok(i.to_big());
    }
    let s = &v.ty().slots;
    let is_number = s.index.get().is_some() || s.int.get().is_some() || s.float.get().is_some();
    if !is_number {
        return Err(format_error(percent_type_error(conv, v.ty().name())));
    }
    let converted = if matches!(conv, 'o' | 'x' | 'X') {
        match s.index.get() {
            Some(f) => f(vm, v),
            None => return Err(format_error(percent_type_error(conv, v.ty().name()))),
        }
    } else if let Some(x) = float_value(v) {
        return f64_to_int(x).map_err(format_error);
    } else if let Some(f) = s.int.get() {
        f(vm, v)
    } else if let Some(f) = s.index.get() {
        f(vm, v)
    } else {
        return Err(format_error(percent_type_error(conv, v.ty().name())));
    };
    let r = converted?;
    match int_value(&r) {
        Some(i) => Ok(i.to_big()),
        None => Err(PyErr::type_error(format!(
            "__int__ returned non-int (type {})",
            r.ty().name()
        ))),
    }
}

/// The float value for `%e %f %g …` (CPython's `PyFloat_AsDouble`).
fn percent_float_value(vm: &mut Vm, v: &PyRef, conv: char) -> PyResult<f64> {
    if let Some(x) = float_value(v) {
        return Ok(x);
    }
    if let Some(i) = int_value(v) {
        return int_to_f64(&i.to_big()).map_err(format_error);
    }
    let s = &v.ty().slots;
    if let Some(f) = s.float.get() {
        let r = f(vm, v)?;
        return float_value(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                v.ty().name(),
                r.ty().name()
            ))
        });
    }
    if let Some(f) = s.index.get() {
        let r = f(vm, v)?;
        if let Some(i) = int_value(&r) {
            return int_to_f64(&i.to_big()).map_err(format_error);
        }
    }
    Err(format_error(percent_type_error(conv, v.ty().name())))
}

/// Resolve a `*` width or precision from the next argument.
fn star_value(pa: &mut PercentArgs) -> PyResult<BigInt> {
    let v = pa.next()?;
    match int_value(&v) {
        Some(i) => Ok(i.to_big()),
        None => Err(PyErr::type_error("* wants int")),
    }
}

fn format_one(vm: &mut Vm, spec: &mut PercentSpec, pa: &mut PercentArgs) -> PyResult<String> {
    if spec.key != PercentKey::None && pa.dict.is_none() {
        return Err(PyErr::type_error("format requires a mapping"));
    }
    if spec.key == PercentKey::Incomplete
        && let Some(e) = spec.error.take()
    {
        return Err(format_error(e));
    }
    if let PercentKey::Key(k) = spec.key {
        let key = pa.lifting.key(k);
        let d = pa
            .dict
            .clone()
            .unwrap_or_else(crate::object::singletons::none);
        let v = vm.getitem(&d, &key)?;
        pa.args = v;
        pa.arglen = -1;
        pa.argidx = -2;
    }
    if spec.width == PercentNum::Star {
        let w = star_value(pa)?;
        spec.set_star_width(&w).map_err(format_error)?;
    }
    if spec.precision == PercentNum::Star {
        let p = star_value(pa)?;
        spec.set_star_precision(&p).map_err(format_error)?;
    }
    if let Some(e) = spec.error.take() {
        return Err(format_error(e));
    }
    let v = pa.next()?;
    let conv = spec.conversion;
    let text = match conv {
        's' | 'r' | 'a' => {
            let r = match conv {
                's' => vm.str(&v)?,
                'r' => vm.repr(&v)?,
                _ => vm.ascii(&v)?,
            };
            let t = str_text(&r).unwrap_or(crate::text::Text::new(""));
            let s = pa.lifting.text(t);
            pad_percent_str(&s, spec)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = percent_int_value(vm, &v, conv)?;
            format_percent_int(&n, spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = percent_float_value(vm, &v, conv)?;
            format_percent_float(x, spec)
        }
        'c' => {
            // A lone surrogate is a character too (through a stand-in, see lift.rs).
            let from_int = |pa: &mut PercentArgs, b: &BigInt| match percent_char_from_int(b) {
                Ok(c) => {
                    pa.lifting.note(c);
                    Ok(c)
                }
                Err(e) => b
                    .to_u32()
                    .filter(|&c| crate::text::is_surrogate(c))
                    .and_then(|c| pa.lifting.code_point(c))
                    .ok_or(e),
            };
            let ch = if let Some(i) = int_value(&v) {
                from_int(pa, &i.to_big())
            } else if let Some(t) = str_text(&v) {
                let s = pa.lifting.text(t);
                percent_char_from_str(&s)
            } else if let Some(f) = v.ty().slots.index.get() {
                let r = f(vm, &v)?;
                match int_value(&r) {
                    Some(i) => from_int(pa, &i.to_big()),
                    None => Err(percent_type_error('c', v.ty().name())),
                }
            } else {
                Err(percent_type_error('c', v.ty().name()))
            };
            let ch = ch.map_err(format_error)?;
            let mut buf = [0u8; 4];
            pad_percent_str(ch.encode_utf8(&mut buf), spec)
        }
        _ => Err(spec.unsupported()),
    };
    text.map_err(format_error)
}

/// `fmt % args`, for a format string that may hold lone surrogates.
pub fn percent_format_text(vm: &mut Vm, fmt: &crate::text::Text, args: &PyRef) -> PyResult {
    let mut lifting = super::lift::Lifting::default();
    let fmt = lifting.text(fmt).into_owned();
    let (out, lifting) = percent_format_lifted(vm, &fmt, args, lifting)?;
    lifting.finish("%-formatting", &out)
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &PyRef) -> PyResult<String> {
    let (out, _) = percent_format_lifted(vm, fmt, args, super::lift::Lifting::default())?;
    Ok(out)
}

fn percent_format_lifted(
    vm: &mut Vm,
    fmt: &str,
    args: &PyRef,
    lifting: super::lift::Lifting,
) -> PyResult<(String, super::lift::Lifting)> {
    let is_tuple = as_tuple(args).is_some();
    let arglen = match as_tuple(args) {
        Some(t) => t.len() as isize,
        None => -1,
    };
    let is_mapping = args.ty().slots.getitem.get().is_some() && !is_tuple && !is_str(args);
    let mut pa = PercentArgs {
        lifting,
        args: args.clone(),
        arglen,
        argidx: if is_tuple { 0 } else { -2 },
        dict: if is_mapping { Some(args.clone()) } else { None },
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    for piece in PercentParser::new(fmt) {
        match piece {
            PercentPiece::Literal(s) => out.push_str(s),
            PercentPiece::Percent => out.push('%'),
            PercentPiece::Spec(mut spec) => {
                let s = format_one(vm, &mut spec, &mut pa)?;
                out.push_str(&s);
            }
        }
    }
    if pa.argidx < pa.arglen && pa.dict.is_none() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok((out, pa.lifting))
}
