//! `OSError` and its subclasses: `OSError(errno, strerror[, filename[, winerror[,
//! filename2]]])` picks the subclass for the errno (`OSError(2, 'x')` is a
//! `FileNotFoundError`), keeps `errno`/`strerror`/`filename`/`filename2` as members,
//! drops the filenames from `args`, and reads `[Errno 2] x: 'f.txt'` as a string.

use super::exceptions::member_names;
use crate::object::exception::{as_exception, member, set_member};
use crate::object::int::{IntValue, int_value};
use crate::object::singletons::{is_none, none};
use crate::object::str::{new_str, try_new_str};
use crate::object::tuple::{tuple_from_slice, tuple_items};
use crate::object::*;
use crate::vm::{Args, Vm};

/// The subclass CPython raises for a Linux errno (`errno_map` in `exceptions.c`).
fn subclass_for_errno(errno: i64) -> Option<&'static TypeObject> {
    Some(match errno {
        11 | 114 | 115 => &BLOCKING_IO_ERROR, // EAGAIN/EWOULDBLOCK, EALREADY, EINPROGRESS
        10 => &CHILD_PROCESS_ERROR,           // ECHILD
        32 | 108 => &BROKEN_PIPE_ERROR,       // EPIPE, ESHUTDOWN
        103 => &CONNECTION_ABORTED_ERROR,     // ECONNABORTED
        111 => &CONNECTION_REFUSED_ERROR,     // ECONNREFUSED
        104 => &CONNECTION_RESET_ERROR,       // ECONNRESET
        17 => &FILE_EXISTS_ERROR,             // EEXIST
        2 => &FILE_NOT_FOUND_ERROR,           // ENOENT
        21 => &IS_A_DIRECTORY_ERROR,          // EISDIR
        20 => &NOT_A_DIRECTORY_ERROR,         // ENOTDIR
        4 => &INTERRUPTED_ERROR,              // EINTR
        1 | 13 => &PERMISSION_ERROR,          // EPERM, EACCES
        3 => &PROCESS_LOOKUP_ERROR,           // ESRCH
        110 => &TIMEOUT_ERROR,                // ETIMEDOUT
        _ => return None,
    })
}

/// Whether `args` has CPython's `(errno, strerror, ...)` shape: 2 to 5 items.
fn errno_form(args: &[PyRef]) -> bool {
    (2..=5).contains(&args.len())
}

/// `OSError.__new__`: for `OSError` itself, the errno's subclass.
fn oserror_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = as_type(cls);
    if args.has_keywords() && !ty.has_flag(crate::object::typeobj::flags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            ty.name()
        )));
    }
    let pos = args.positional();
    let mut target = cls.clone();
    if cls.is(&OS_ERROR.as_object())
        && errno_form(pos)
        && let Some(IntValue::Small(n)) = int_value(&pos[0])
        && let Some(sub) = subclass_for_errno(*n)
    {
        target = sub.as_object();
    }
    super::object::object_new_exception(vm, &target, args)
}

/// `OSError.__init__`: the members from an errno-shaped `args`, then `args` without
/// the filenames.
fn oserror_init(_vm: &mut Vm, x: &PyRef, args: Args) -> PyResult<()> {
    let ty = x.ty();
    if args.has_keywords() && !ty.has_flag(crate::object::typeobj::flags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            ty.name()
        )));
    }
    let pos = args.positional();
    let mut kept = pos;
    if errno_form(pos) {
        set_member(x, "errno", pos[0].clone());
        set_member(x, "strerror", pos[1].clone());
        if pos.len() >= 3 {
            set_member(x, "filename", pos[2].clone());
            kept = &pos[..2];
        }
        if pos.len() == 5 {
            set_member(x, "filename2", pos[4].clone());
        }
    }
    if let Some(d) = as_exception(x) {
        d.args.replace(tuple_from_slice(kept));
    }
    Ok(())
}

/// `[Errno 2] No such file: 'a' -> 'b'`, or the plain exception text.
fn oserror_str(vm: &mut Vm, x: &PyRef) -> PyResult {
    let get = |n: &str| member(x, n).filter(|v| !is_none(v));
    let (errno, strerror) = (get("errno"), get("strerror"));
    if let (Some(f), Some(e), Some(s)) = (get("filename"), &errno, &strerror) {
        let (e, s, f) = (vm.str_string(e)?, vm.str_string(s)?, vm.repr_string(&f)?);
        return try_new_str(&match get("filename2") {
            Some(f2) => format!("[Errno {e}] {s}: {f} -> {}", vm.repr_string(&f2)?),
            None => format!("[Errno {e}] {s}: {f}"),
        });
    }
    if let (Some(e), Some(s)) = (&errno, &strerror) {
        return try_new_str(&format!(
            "[Errno {}] {}",
            vm.str_string(e)?,
            vm.str_string(s)?
        ));
    }
    let args = as_exception(x).map(|d| d.args.borrow().clone());
    match args.as_ref().map(tuple_items) {
        Some([]) | None => Ok(new_str("")),
        Some([one]) => vm.str(one),
        Some(_) => vm.str(args.as_ref().unwrap_or(&none())),
    }
}

pub fn init() {
    for ty in EXCEPTION_TYPES {
        if ty.is_subtype(&OS_ERROR) {
            debug_assert!(!member_names(ty).is_empty());
            ty.slots.new.set(Some(oserror_new));
            ty.slots.init.set(Some(oserror_init));
            ty.slots.str.set(Some(oserror_str));
        }
    }
}
