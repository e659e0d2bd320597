//! The numeric builtin functions: `abs`, `divmod`, `pow`, `round`, `hex`, `oct`, `bin`.
//!
//! They dispatch through the number slots and dunder methods as CPython's
//! `Objects/abstract.c` does (reflected operands, subclasses first) and use CPython's
//! messages, e.g. `unsupported operand type(s) for ** or pow(): 'int' and 'str'`.
//! Also home of [`bind_args`], a small keyword-argument binder for builtins with
//! named parameters (shared with `math`).

use super::types::int::{index_value, int_divmod_slot};
use super::types::{check_args, new_builtin_function};
use crate::format;
use crate::object::dict::DictData;
use crate::object::float::float_value;
use crate::object::int::int_value;
use crate::object::singletons::{is_none, is_not_implemented, not_implemented};
use crate::object::str::str_of;
use crate::object::*;
use crate::vm::{Args, Vm};

/// Bind the arguments of a builtin with named parameters `names`: positional values
/// first, then keywords. Rejects unknown keywords and values given twice with
/// CPython's messages; the caller checks the positional count and required ones.
pub(crate) fn bind_args<'a>(
    fname: &str,
    args: &Args<'a>,
    names: &[&str],
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let pos = args.positional();
    let mut out: Vec<Option<&'a PyRef>> = vec![None; names.len()];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.keywords() {
        let k = &*str_of(k);
        match names.iter().position(|n| *n == k) {
            Some(i) if i < pos.len() => {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok(out)
}

/// `fname() missing required argument 'name' (pos N)`.
pub(crate) fn missing_argument(fname: &str, name: &str, pos: usize) -> PyErr {
    PyErr::type_error(format!(
        "{fname}() missing required argument '{name}' (pos {pos})"
    ))
}

fn is_number(x: &PyRef) -> bool {
    int_value(x).is_some() || float_value(x).is_some()
}

/// A builtin (non-heap) type: its dunders are the native ones, already tried.
fn is_builtin_type(t: &TypeObject) -> bool {
    !t.has_flag(crate::object::typeobj::flags::HEAPTYPE)
}

/// `v ** w % z` (or `v ** w` when `z` is None) through the `pow3` slots of the
/// three operands, as CPython's `ternary_op`.
fn ternary_pow(vm: &mut Vm, v: &PyRef, w: &PyRef, z: &PyRef) -> PyResult {
    let slotv = v.ty().slots.pow3.get();
    let mut slotw = None;
    if !std::ptr::eq(v.ty(), w.ty()) {
        slotw = w.ty().slots.pow3.get();
        if let (Some(a), Some(b)) = (slotv, slotw)
            && std::ptr::fn_addr_eq(a, b)
        {
            slotw = None;
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw
            && w.ty().is_subtype(v.ty())
        {
            let r = sw(vm, v, w, z)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
            slotw = None;
        }
        let r = sv(vm, v, w, z)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(sw) = slotw {
        let r = sw(vm, v, w, z)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(sz) = z.ty().slots.pow3.get() {
        let same = |s: Option<crate::object::typeobj::TernaryFn>| {
            s.is_some_and(|s| std::ptr::fn_addr_eq(s, sz))
        };
        if !same(slotv) && !same(w.ty().slots.pow3.get()) {
            let r = sz(vm, v, w, z)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    Ok(not_implemented())
}

/// `pow(v, w)` / `v ** w` with the `** or pow()` message.
pub fn power(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    let r = vm.binary_op1(v, w, 8)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
        v.ty().name(),
        w.ty().name()
    )))
}

/// `pow(v, w, z)`.
pub fn power3(vm: &mut Vm, v: &PyRef, w: &PyRef, z: &PyRef) -> PyResult {
    if is_none(z) {
        return power(vm, v, w);
    }
    let r = ternary_pow(vm, v, w, z)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        v.ty().name(),
        w.ty().name(),
        z.ty().name()
    )))
}

/// Call `obj.name(arg)` if `obj`'s type defines `name` (a dunder), else NotImplemented.
fn call_dunder(vm: &mut Vm, obj: &PyRef, name: &str, arg: &PyRef) -> PyResult {
    match vm.call_special(obj, name, std::slice::from_ref(arg))? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

/// `divmod(v, w)`: native ints and floats directly, otherwise `__divmod__` /
/// `__rdivmod__` with the reflected method first for a subclass that overrides it.
pub fn divmod(vm: &mut Vm, v: &PyRef, w: &PyRef) -> PyResult {
    let (vt, wt) = (v.ty(), w.ty());
    if is_builtin_type(vt) && is_builtin_type(wt) && is_number(v) && is_number(w) {
        let r = int_divmod_slot(vm, v, w)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
        return super::types::float::float_divmod_slot(vm, v, w);
    }
    let same = std::ptr::eq(vt, wt);
    let wmeth = if same {
        None
    } else {
        wt.lookup_str("__rdivmod__")
    };
    let overrides = |m: &Option<PyRef>| match (m, vt.lookup_str("__rdivmod__")) {
        (Some(a), Some(b)) => !a.is(&b),
        (Some(_), None) => true,
        _ => false,
    };
    let mut tried_reflected = false;
    if !same && wt.is_subtype(vt) && overrides(&wmeth) {
        tried_reflected = true;
        let r = call_dunder(vm, w, "__rdivmod__", v)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let r = call_dunder(vm, v, "__divmod__", w)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    if !same && !tried_reflected && wmeth.is_some() {
        let r = call_dunder(vm, w, "__rdivmod__", v)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vt.name(),
        wt.name()
    )))
}

/// `abs(x)`.
pub fn absolute(vm: &mut Vm, x: &PyRef) -> PyResult {
    if let Some(f) = x.ty().slots.abs.get() {
        return f(vm, x);
    }
    if let Some(r) = vm.call_special(x, "__abs__", &[])? {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "bad operand type for abs(): '{}'",
        x.ty().name()
    )))
}

/// `round(number, ndigits)` through `__round__` (`ndigits` None: called with no
/// argument).
pub fn round(vm: &mut Vm, number: &PyRef, ndigits: Option<&PyRef>) -> PyResult {
    let nd = ndigits.filter(|n| !is_none(n));
    let args: Vec<PyRef> = nd.into_iter().cloned().collect();
    match vm.call_special(number, "__round__", &args)? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            number.ty().name()
        ))),
    }
}

fn b_abs(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("abs", &args, 1, 1)?;
    absolute(vm, &a[0])
}

fn b_divmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("divmod", &args, 2, 2)?;
    divmod(vm, &a[0], &a[1])
}

fn b_pow(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.args.len();
    if n > 3 {
        return Err(PyErr::type_error(format!(
            "pow() takes at most 3 arguments ({n} given)"
        )));
    }
    let names = ["base", "exp", "mod"];
    let bound = bind_args("pow", &args, &names)?;
    let base = bound[0].ok_or_else(|| missing_argument("pow", "base", 1))?;
    let exp = bound[1].ok_or_else(|| missing_argument("pow", "exp", 2))?;
    match bound[2] {
        Some(m) => power3(vm, base, exp, m),
        None => power(vm, base, exp),
    }
}

fn b_round(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.args.len();
    if n > 2 {
        return Err(PyErr::type_error(format!(
            "round() takes at most 2 arguments ({n} given)"
        )));
    }
    let bound = bind_args("round", &args, &["number", "ndigits"])?;
    let number = bound[0].ok_or_else(|| missing_argument("round", "number", 1))?;
    round(vm, number, bound[1])
}

fn radix_text(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(&num_bigint::BigInt) -> String,
) -> PyResult {
    let a = check_args(name, &args, 1, 1)?;
    let v = index_value(vm, &a[0])?;
    let text = match v {
        crate::object::int::IntValue::Small(x) => f(&num_bigint::BigInt::from(x)),
        crate::object::int::IntValue::Big(b) => f(&b),
    };
    Ok(crate::object::str::new_str(&text))
}

fn b_hex(vm: &mut Vm, args: Args) -> PyResult {
    radix_text(vm, args, "hex", format::int_to_hex)
}

fn b_oct(vm: &mut Vm, args: Args) -> PyResult {
    radix_text(vm, args, "oct", format::int_to_oct)
}

fn b_bin(vm: &mut Vm, args: Args) -> PyResult {
    radix_text(vm, args, "bin", format::int_to_bin)
}

/// Add the numeric builtins to the `builtins` namespace.
pub fn register(builtins: &DictData) {
    let fns: [(&'static str, crate::object::function::NativeFn); 7] = [
        ("abs", b_abs),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("round", b_round),
        ("hex", b_hex),
        ("oct", b_oct),
        ("bin", b_bin),
    ];
    for (name, f) in fns {
        builtins.set_item_str(name, new_builtin_function(name, f, None));
    }
}
