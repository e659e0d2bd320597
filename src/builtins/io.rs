//! Standard streams: a block-buffered stdout (line-buffered on a terminal, as CPython),
//! unbuffered stderr, and the `sys.stdout`/`sys.stderr` stream objects with `write`
//! and `flush`.
//!
//! Text is written as UTF-8. Lone surrogates in it are handled as CPython's standard
//! streams handle them: stderr writes them as `\udcff` (`backslashreplace`); stdout
//! writes U+DC80..=U+DCFF back as the bytes they escape when the locale is C, POSIX or
//! C.UTF-8 or in UTF-8 mode (`surrogateescape`, CPython's choice there) and otherwise
//! raises `UnicodeEncodeError` (`strict`); `PYRITE_IOENCODING=utf-8:HANDLER` chooses,
//! as `PYTHONIOENCODING` does for CPython (an encoding without a handler means
//! `strict`).

use super::types::{add_method, check_method_args};
use crate::object::gilstatic::GilStatic;
use crate::object::handle::{Payload, dealloc_fixed};
use crate::object::singletons::none;
use crate::object::str::{char_len, str_text, try_new_str, unencodable};
use crate::object::*;
use crate::text::Text;
use crate::vm::{Args, Vm};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

pub struct StreamData {
    /// 1 = stdout, 2 = stderr.
    pub fd: u8,
}

impl Payload for StreamData {
    const LAYOUT: Layout = Layout::Stream;
}

static STDOUT_BUF: GilStatic<Vec<u8>> = GilStatic::new(Vec::new());

/// How stdout is buffered: decided once (a terminal is line-buffered, anything else
/// block-buffered, as in CPython), unless `-u` asked for no buffering.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Buffering {
    Undecided = 0,
    Block = 1,
    Line = 2,
    Unbuffered = 3,
}

static STDOUT_BUFFERING: AtomicU8 = AtomicU8::new(Buffering::Undecided as u8);

/// `-u`: every write to stdout goes out at once.
pub fn set_unbuffered() {
    STDOUT_BUFFERING.store(Buffering::Unbuffered as u8, Ordering::Relaxed);
}

fn stdout_buffering() -> Buffering {
    match STDOUT_BUFFERING.load(Ordering::Relaxed) {
        1 => Buffering::Block,
        2 => Buffering::Line,
        3 => Buffering::Unbuffered,
        _ => {
            let mode = if std::io::stdout().is_terminal() {
                Buffering::Line
            } else {
                Buffering::Block
            };
            STDOUT_BUFFERING.store(mode as u8, Ordering::Relaxed);
            mode
        }
    }
}

/// The error handler stdout applies to lone surrogates (Python's codec error handler
/// names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeErrors {
    Strict = 1,
    SurrogateEscape = 2,
    BackslashReplace = 3,
    Replace = 4,
    Ignore = 5,
}

impl std::str::FromStr for EncodeErrors {
    type Err = ();
    fn from_str(s: &str) -> Result<EncodeErrors, ()> {
        Ok(match s {
            "strict" => EncodeErrors::Strict,
            "surrogateescape" => EncodeErrors::SurrogateEscape,
            "backslashreplace" => EncodeErrors::BackslashReplace,
            "replace" => EncodeErrors::Replace,
            "ignore" => EncodeErrors::Ignore,
            _ => return Err(()),
        })
    }
}

static STDOUT_ERRORS: AtomicU8 = AtomicU8::new(0);

/// Choose stdout's error handler (`PYRITE_IOENCODING`).
pub fn set_stdout_errors(e: EncodeErrors) {
    STDOUT_ERRORS.store(e as u8, Ordering::Relaxed);
}

/// Stdout's error handler: as set (the `pyrite` binary sets it at startup from
/// `PYRITE_IOENCODING`, `-X utf8` or the locale, see [`crate::locale`]), else strict.
fn stdout_errors() -> EncodeErrors {
    match STDOUT_ERRORS.load(Ordering::Relaxed) {
        2 => EncodeErrors::SurrogateEscape,
        3 => EncodeErrors::BackslashReplace,
        4 => EncodeErrors::Replace,
        5 => EncodeErrors::Ignore,
        _ => EncodeErrors::Strict,
    }
}

/// Write a str's text to stdout through Pyrite's buffer, or `UnicodeEncodeError` for a
/// surrogate the stream's error handler cannot write (nothing is written then).
pub fn write_stdout_text(vm: &mut Vm, t: &Text) -> PyResult<()> {
    let errors = stdout_errors();
    let bytes: std::borrow::Cow<[u8]> = match errors {
        EncodeErrors::Strict | EncodeErrors::SurrogateEscape => {
            let escape = errors == EncodeErrors::SurrogateEscape;
            t.encode_utf8(escape).map_err(|_| unencodable(t, escape))?
        }
        EncodeErrors::BackslashReplace => match t.display() {
            std::borrow::Cow::Borrowed(s) => s.as_bytes().into(),
            std::borrow::Cow::Owned(s) => s.into_bytes().into(),
        },
        EncodeErrors::Replace | EncodeErrors::Ignore => {
            let mut out = crate::text::TextBuf::with_capacity(t.len());
            for c in t.code_points() {
                match char::from_u32(c) {
                    Some(ch) => out.push(ch),
                    None if errors == EncodeErrors::Replace => out.push('?'),
                    None => {}
                }
            }
            out.as_bytes().to_vec().into()
        }
    };
    write_stdout_bytes(&bytes).map_err(|e| os_error(vm, &e))
}

/// A line read from stdin as text, decoded from UTF-8 with the standard streams' error
/// handler (see [`stdout_errors`]): `surrogateescape` keeps each undecodable byte as
/// U+DC80..=U+DCFF, `strict` raises CPython's `UnicodeDecodeError`.
pub fn decode_stdin(bytes: &[u8]) -> PyResult<crate::text::TextBuf> {
    let errors = stdout_errors();
    let mut out = crate::text::TextBuf::with_capacity(bytes.len());
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        match errors {
            EncodeErrors::SurrogateEscape => {
                for &b in bad {
                    out.push_code_point(0xDC00 + u32::from(b));
                }
            }
            EncodeErrors::BackslashReplace => {
                for &b in bad {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            EncodeErrors::Replace => out.push('\u{fffd}'),
            EncodeErrors::Ignore => {}
            EncodeErrors::Strict => {
                let end = at + bad.len();
                let truncated = end == bytes.len() && !matches!(bad[0], 0x80..=0xC1 | 0xF5..=0xFF);
                let reason = match bad[0] {
                    _ if truncated => "unexpected end of data",
                    0x80..=0xC1 | 0xF5..=0xFF => "invalid start byte",
                    _ => "invalid continuation byte",
                };
                let what = if bad.len() == 1 {
                    format!("byte 0x{:02x} in position {at}", bad[0])
                } else {
                    format!("bytes in position {at}-{}", end - 1)
                };
                return Err(PyErr::new(
                    &UNICODE_DECODE_ERROR,
                    format!("'utf-8' codec can't decode {what}: {reason}"),
                ));
            }
        }
        at += bad.len();
    }
    Ok(out)
}

/// Write text to the process's stdout through Pyrite's buffer.
pub fn write_stdout(text: &str) -> std::io::Result<()> {
    write_stdout_bytes(text.as_bytes())
}

fn write_stdout_bytes(bytes: &[u8]) -> std::io::Result<()> {
    let flush_now = STDOUT_BUF.with(|b| {
        b.extend_from_slice(bytes);
        b.len() >= 8192
            || match stdout_buffering() {
                Buffering::Block => false,
                Buffering::Line => bytes.contains(&b'\n'),
                Buffering::Unbuffered | Buffering::Undecided => true,
            }
    });
    if flush_now {
        flush_stdout()?;
    }
    Ok(())
}

/// Flush Pyrite's stdout buffer. On failure the text is dropped (CPython's buffered
/// writer loses it too when a write overflows the buffer).
pub fn flush_stdout() -> std::io::Result<()> {
    let data = STDOUT_BUF.with(std::mem::take);
    write_all_stdout(&data)
}

fn write_all_stdout(data: &[u8]) -> std::io::Result<()> {
    if !data.is_empty() {
        let mut out = std::io::stdout().lock();
        out.write_all(data)?;
        out.flush()?;
    }
    Ok(())
}

/// Flush what can be flushed when the interpreter is dying: the buffer is left alone
/// if the panic happened while it was borrowed.
pub fn try_flush_stdout() -> std::io::Result<()> {
    if let Some(data) = STDOUT_BUF.try_with(std::mem::take)
        && !data.is_empty()
    {
        let mut out = std::io::stdout().lock();
        out.write_all(&data)?;
        out.flush()?;
    }
    Ok(())
}

/// Write text to stderr, which is unbuffered. Stdout is not flushed first: as in
/// CPython, block-buffered output to a pipe or file comes out later (`-u` makes stdout
/// unbuffered too; on a terminal it is line-buffered).
pub fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

pub fn new_stream(fd: u8) -> PyRef {
    alloc(&TEXTIO_TYPE, StreamData { fd })
}

fn m_write(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = check_method_args("write", &args, 1, 1)?;
    let Some(text) = str_text(&a[0]) else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            crate::builtins::types::arg_type_name(&a[0])
        )));
    };
    let fd = s.downcast::<StreamData>().map(|d| d.fd).unwrap_or(1);
    if fd == 2 {
        write_stderr(&text.display());
    } else {
        write_stdout_text(vm, text)?;
    }
    Ok(crate::object::int::new_int(char_len(&a[0]) as i64))
}

fn m_flush(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = check_method_args("flush", &args, 0, 0)?;
    if s.downcast::<StreamData>().is_some_and(|d| d.fd == 1) {
        // An explicit flush that fails keeps the text, as CPython's buffered writer
        // does: the flush at exit tries again (and reports, exit status 120).
        flush_stdout_keeping_on_error().map_err(|e| os_error(vm, &e))?;
    }
    Ok(none())
}

/// An I/O error as the OSError subclass CPython raises for its errno
/// (`BrokenPipeError: [Errno 32] Broken pipe`).
pub fn os_error(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    let Some(errno) = e.raw_os_error() else {
        return PyErr::new(&OS_ERROR, e.to_string());
    };
    // Rust's text is the C library's strerror plus " (os error N)".
    let text = e.to_string();
    let strerror = text
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&text);
    let args = [
        crate::object::int::new_int(i64::from(errno)),
        crate::object::str::new_str(strerror),
    ];
    let cls = PyRef::from_type(&OS_ERROR);
    match vm.call(&cls, Args::new(&args)) {
        Ok(exc) => PyErr(exc),
        Err(err) => err,
    }
}

static EXIT_FLUSH_FAILED: AtomicBool = AtomicBool::new(false);

/// Whether an exit-time flush of stdout failed (the `pyrite` binary then exits 120,
/// as CPython does).
pub fn exit_flush_failed() -> bool {
    EXIT_FLUSH_FAILED.load(Ordering::Relaxed)
}

/// Flush stdout; on failure keep the text for a later attempt.
pub fn flush_stdout_keeping_on_error() -> std::io::Result<()> {
    let data = STDOUT_BUF.with(std::mem::take);
    write_all_stdout(&data).inspect_err(|_| {
        STDOUT_BUF.with(|b| {
            let mut kept = data;
            kept.extend_from_slice(b);
            *b = kept;
        })
    })
}

/// The exit-time flush of stdout (CPython's `flush_std_files`): on failure, reports
/// `Exception ignored in: <_io.TextIOWrapper name='<stdout>' …>` with the error and
/// returns false (the process then exits with status 120).
pub fn flush_stdout_at_exit(vm: &mut Vm) -> bool {
    let data = STDOUT_BUF.with(std::mem::take);
    match write_all_stdout(&data) {
        Ok(()) => true,
        Err(e) => {
            EXIT_FLUSH_FAILED.store(true, Ordering::Relaxed);
            let exc = os_error(vm, &e);
            let line = crate::vm::traceback::exception_only(vm, &exc.0);
            write_stderr(&format!(
                "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' \
                 encoding='utf-8'>\n{line}\n"
            ));
            false
        }
    }
}

fn stream_repr(_vm: &mut Vm, s: &PyRef) -> PyResult {
    let fd = s.downcast::<StreamData>().map(|d| d.fd).unwrap_or(1);
    let name = if fd == 2 { "<stderr>" } else { "<stdout>" };
    try_new_str(&format!(
        "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
    ))
}

pub fn init() {
    TEXTIO_TYPE.dealloc.set(dealloc_fixed::<StreamData>);
    TEXTIO_TYPE.slots.repr.set(Some(stream_repr));
    add_method(&TEXTIO_TYPE, "write", m_write);
    add_method(&TEXTIO_TYPE, "flush", m_flush);
}
