//! The C library's `LC_CTYPE` locale, as `setlocale(LC_CTYPE, "")` resolves it from
//! the environment (`LC_ALL`, `LC_CTYPE`, `LANG`; a locale that is not installed
//! leaves "C"). CPython decides from it how its standard streams write lone
//! surrogates; Pyrite asks once, at startup, and restores the locale it found, so
//! nothing else in the process sees a change.

use std::ffi::{CStr, CString};

/// The name of the locale the environment selects for `LC_CTYPE`, or None when the
/// C library cannot set it (the process then stays in the "C" locale).
pub fn ctype_locale_name() -> Option<String> {
    // SAFETY: `setlocale` is not thread-safe; this runs once from `main` before any
    // other thread exists. Each returned pointer is a NUL-terminated string owned by
    // the C library, copied at once before the next call can invalidate it.
    unsafe {
        let current = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        let current = (!current.is_null()).then(|| CStr::from_ptr(current).to_owned());
        let chosen = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let name =
            (!chosen.is_null()).then(|| CStr::from_ptr(chosen).to_string_lossy().into_owned());
        let restore = current.unwrap_or_else(|| CString::from(c"C"));
        libc::setlocale(libc::LC_CTYPE, restore.as_ptr());
        name
    }
}

/// Whether CPython 3.11 would write its standard streams with `surrogateescape` in
/// this locale (else `strict`): the C and POSIX locales and the C.UTF-8 coercion
/// targets escape.
pub fn stdio_uses_surrogateescape() -> bool {
    matches!(
        ctype_locale_name().as_deref(),
        None | Some("C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8")
    )
}
