//! Standard streams: a block-buffered stdout (line-buffered on a terminal, as CPython),
//! unbuffered stderr, and the `sys.stdout`/`sys.stderr` stream objects with `write`
//! and `flush`.

use super::types::{add_method, check_method_args};
use crate::object::gilstatic::GilStatic;
use crate::object::handle::{Payload, dealloc_fixed};
use crate::object::singletons::none;
use crate::object::str::{as_str, char_len, try_new_str};
use crate::object::*;
use crate::vm::{Args, Vm};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

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

/// Write text to the process's stdout through Pyrite's buffer.
pub fn write_stdout(text: &str) -> std::io::Result<()> {
    let flush_now = STDOUT_BUF.with(|b| {
        b.extend_from_slice(text.as_bytes());
        b.len() >= 8192
            || match stdout_buffering() {
                Buffering::Block => false,
                Buffering::Line => text.contains('\n'),
                Buffering::Unbuffered | Buffering::Undecided => true,
            }
    });
    if flush_now {
        flush_stdout()?;
    }
    Ok(())
}

/// Flush Pyrite's stdout buffer.
pub fn flush_stdout() -> std::io::Result<()> {
    let data = STDOUT_BUF.with(std::mem::take);
    if !data.is_empty() {
        let mut out = std::io::stdout().lock();
        out.write_all(&data)?;
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

fn m_write(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = check_method_args("write", &args, 1, 1)?;
    let Some(text) = as_str(&a[0]) else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            crate::builtins::types::arg_type_name(&a[0])
        )));
    };
    let fd = s.downcast::<StreamData>().map(|d| d.fd).unwrap_or(1);
    if fd == 2 {
        write_stderr(text);
    } else {
        write_stdout(text).map_err(|e| PyErr::new(&OS_ERROR, e.to_string()))?;
    }
    Ok(crate::object::int::new_int(char_len(&a[0]) as i64))
}

fn m_flush(_vm: &mut Vm, args: Args) -> PyResult {
    check_method_args("flush", &args, 0, 0)?;
    let _ = flush_stdout();
    Ok(none())
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
