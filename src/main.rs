//! The `pyrite` command line (python3-compatible options; see `pyrite -h` and
//! `pyrite::cli`).

use pyrite::cli::{self, Parsed, Program};
use std::io::IsTerminal;
use std::process::ExitCode;

/// `malloc` with a reserve: running out of memory is a `MemoryError`, not an abort
/// (see `pyrite::memory::reserve`).
#[global_allocator]
static ALLOCATOR: pyrite::memory::reserve::ReserveAllocator =
    pyrite::memory::reserve::ReserveAllocator;

fn main() -> ExitCode {
    pyrite::vm::fatal::install_panic_hook();
    pyrite::memory::reserve::refill();
    // Without the handler Ctrl-C would still end the process (status 130), but
    // `except KeyboardInterrupt:` and `finally:` would never run.
    let _ = pyrite::eval_breaker::install_sigint_handler();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let opts = match cli::parse(&args, |name| std::env::var(name).ok()) {
        Parsed::Run(o) => o,
        Parsed::Help => {
            print!("{}", cli::HELP);
            return ExitCode::SUCCESS;
        }
        Parsed::Version => {
            println!("Pyrite {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Parsed::Usage(message) => {
            eprintln!(
                "{message}\n{}\nTry `pyrite -h' for more information.",
                cli::USAGE
            );
            return ExitCode::from(2);
        }
    };
    if opts.unbuffered {
        pyrite::builtins::io::set_unbuffered();
    }
    if let Some(h) = &opts.io_errors {
        match h.parse() {
            Ok(e) => pyrite::builtins::io::set_stdout_errors(e),
            Err(()) => {
                eprintln!("pyrite: unknown error handler name '{h}' in PYRITE_IOENCODING");
                return ExitCode::from(2);
            }
        }
    } else if opts.flags.utf8_mode == 1 || pyrite::locale::stdio_uses_surrogateescape() {
        // UTF-8 mode (`-X utf8`) and the C locales write stdout with surrogateescape,
        // as CPython.
        pyrite::builtins::io::set_stdout_errors(
            pyrite::builtins::io::EncodeErrors::SurrogateEscape,
        );
    }
    if let Some(kind) = &opts.malloc {
        match kind.parse::<pyrite::memory::AllocatorKind>() {
            Ok(k) => {
                if pyrite::memory::select(k).is_err() {
                    eprintln!("pyrite: the allocator is already in use");
                    return ExitCode::from(2);
                }
            }
            Err(_) => {
                eprintln!("pyrite: unknown allocator '{kind}' (expected pymalloc or system)");
                return ExitCode::from(2);
            }
        }
    }
    let (source, filename) = match &opts.program {
        // A directory (or '', the current one) would be run through its __main__.py,
        // which needs imports of Python files: CPython's message when there is none.
        Program::File(f) if f.is_empty() || std::path::Path::new(f).is_dir() => {
            let dir = std::path::absolute(if f.is_empty() {
                ".".as_ref()
            } else {
                f.as_os_str()
            })
            .map(|p| path_text(p.as_os_str()).trim_end_matches("/.").to_string())
            .unwrap_or_else(|_| path_text(f));
            eprintln!("pyrite: can't find '__main__' module in '{dir}'");
            return ExitCode::from(1);
        }
        Program::File(f) => match std::fs::File::open(f).and_then(read_source) {
            Ok(bytes) => (bytes, path_text(f)),
            Err(e) if e.kind() == std::io::ErrorKind::OutOfMemory => {
                eprintln!("MemoryError");
                return ExitCode::from(1);
            }
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                let what = if e.kind() == std::io::ErrorKind::NotFound {
                    "No such file or directory".to_string()
                } else if e.kind() == std::io::ErrorKind::PermissionDenied {
                    "Permission denied".to_string()
                } else if std::path::Path::new(f).is_dir() {
                    "Is a directory".to_string()
                } else {
                    e.to_string()
                };
                eprintln!(
                    "pyrite: can't open file '{}': [Errno {errno}] {what}",
                    display_path(&path_text(f))
                );
                return ExitCode::from(2);
            }
        },
        Program::Command(c) => match c.to_str() {
            Ok(c) => (c.as_bytes().to_vec(), "<string>".to_string()),
            Err(_) => {
                // CPython's report for a command that is not UTF-8.
                let message = c.encode_utf8(false).err().map(|e| e.message());
                eprintln!(
                    "Unable to decode the command from the command line:\n\
                     UnicodeEncodeError: {}",
                    message.unwrap_or_default()
                );
                return ExitCode::from(1);
            }
        },
        Program::Module(m) => {
            eprintln!(
                "pyrite: cannot run module '{m}' with -m: imports of Python source files \
                 are not supported yet"
            );
            return ExitCode::from(1);
        }
        Program::Stdin => {
            if opts.argv.first().is_some_and(|a| a.is_empty()) && std::io::stdin().is_terminal() {
                eprintln!(
                    "pyrite: the interactive REPL is not available yet; \
                     run a file, use -c CODE, or pipe a program on stdin"
                );
                return ExitCode::from(2);
            }
            match read_source(std::io::stdin().lock()) {
                Ok(bytes) => (bytes, "<stdin>".to_string()),
                Err(e) => {
                    eprintln!("pyrite: cannot read stdin: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    run(opts, source, filename)
}

/// Read a program's bytes, stopping at the first chunk that holds a NUL byte: such a
/// source is a SyntaxError whatever follows, so `pyrite /dev/zero` fails at once.
fn read_source(mut input: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        // A source too big for memory is a MemoryError, not an abort.
        bytes
            .try_reserve(n)
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::OutOfMemory))?;
        bytes.extend_from_slice(&chunk[..n]);
        if chunk[..n].contains(&0) {
            return Ok(bytes);
        }
    }
}

/// Absolute path of a script, as CPython shows it in tracebacks.
/// A path as text: undecodable bytes shown as `\udcff`, as CPython's stderr shows the
/// surrogates it decodes them to. (`__file__` holds this text too, where CPython holds
/// the surrogates themselves.)
fn path_text(p: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    pyrite::text::TextBuf::from_bytes_surrogateescape(p.as_bytes())
        .display()
        .into_owned()
}

fn display_path(filename: &str) -> String {
    if filename.starts_with('<') {
        return filename.to_string();
    }
    std::path::absolute(filename)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| filename.to_string())
}

fn run(opts: cli::Options, source: Vec<u8>, filename: String) -> ExitCode {
    let filename = display_path(&filename);
    let bytes = source;
    let source = match pyrite::syntax::source::decode(&bytes, &filename) {
        Ok(text) => {
            drop(bytes);
            text
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    if opts.dis {
        return match pyrite::Interpreter::compile_plain(&source, &filename) {
            Ok(code) => {
                print!("{}", pyrite::bytecode::disassemble::disassemble(&code));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        };
    }
    // The eval loop keeps Python frames on the heap, but native code that calls back
    // into Python (sort keys, __eq__, __repr__) nests on the Rust stack: give it room,
    // less when address space is limited (`ulimit -v`), with the native recursion caps
    // scaled to match.
    let source = std::sync::Arc::new(source);
    let run = move || {
        let mut interp = pyrite::Interpreter::with_config(pyrite::Config {
            argv: opts.argv.clone(),
            optimize: opts.optimize,
            warnoptions: opts.warnoptions.clone(),
            xoptions: opts.xoptions.clone(),
            flags: opts.flags.clone(),
        });
        let status = match interp.run_main(&source, &filename) {
            Ok(()) => 0,
            Err(e) => {
                let _ = std::io::Write::write_all(&mut std::io::stderr(), e.traceback.as_bytes());
                e.exit_code
            }
        };
        let leaked = interp.shutdown();
        if pyrite::builtins::io::exit_flush_failed() {
            return 120;
        }
        if opts.leak_check && leaked != 0 {
            eprintln!("pyrite: leak check: {leaked} object blocks still allocated at exit");
            return 70;
        }
        status
    };
    let mut child = None;
    // Under an address-space limit (`ulimit -v`) the stack's reservation counts
    // against it: take at most an eighth of it.
    let most = address_space_limit().map_or(usize::MAX, |limit| limit / 8);
    let stacks = [1 << 30, 256 << 20, 64 << 20, 16 << 20];
    for stack in stacks.into_iter().filter(|&s| s <= most.max(16 << 20)) {
        pyrite::vm::set_native_stack_size(stack);
        match std::thread::Builder::new()
            .name("pyrite-main".into())
            .stack_size(stack)
            .spawn(run.clone())
        {
            Ok(handle) => {
                child = Some(handle);
                break;
            }
            Err(_) => continue,
        }
    }
    // No thread could be made (address space too small for its stack): run on this
    // one, whose stack the system already gave, with the smallest native limits.
    let Some(handle) = child else {
        pyrite::vm::set_native_stack_size(4 << 20);
        return ExitCode::from((run() & 0xff) as u8);
    };
    match handle.join() {
        Ok(status) => ExitCode::from((status & 0xff) as u8),
        Err(_) => {
            eprintln!("pyrite: internal error: the interpreter thread failed");
            ExitCode::from(70)
        }
    }
}

/// The soft address-space limit (`ulimit -v`, `RLIMIT_AS`) from /proc/self/limits,
/// if there is one.
fn address_space_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?;
    line.trim_start_matches("Max address space")
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
