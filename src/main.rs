//! The `pyrite` command line (python3-compatible options; see `pyrite -h`).

use std::io::IsTerminal;
use std::process::ExitCode;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | file | -] [arg] ...";

const HELP: &str = "usage: pyrite [option] ... [-c cmd | file | -] [arg] ...
Options:
-c cmd   : program passed in as string (terminates option list)
--dis    : print the bytecode of every code object instead of running (like python3 -m dis)
-h       : print this help message and exit (also -? or --help)
-V       : print the Pyrite version number and exit (also --version)
-X malloc=pymalloc|system : select the object allocator (also PYRITE_MALLOC)
-X leak-check : at exit, fail if any object block is still allocated
file     : program read from script file
-        : program read from stdin (default; interactive mode if a tty)
arg ...  : arguments passed to program in sys.argv[1:]
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Program {
    File(String),
    Command(String),
    Stdin,
}

#[derive(Debug)]
struct Options {
    program: Program,
    argv: Vec<String>,
    dis: bool,
    malloc: Option<String>,
    leak_check: bool,
}

enum Parsed {
    Run(Options),
    Exit(ExitCode),
}

fn usage_error(msg: &str) -> Parsed {
    eprintln!("pyrite: {msg}\n{USAGE}\nTry `pyrite -h' for more information.");
    Parsed::Exit(ExitCode::from(2))
}

fn parse_args(args: &[String]) -> Parsed {
    let mut dis = false;
    let mut malloc = std::env::var("PYRITE_MALLOC")
        .ok()
        .filter(|s| !s.is_empty());
    let mut leak_check = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-h" | "-?" | "--help" => {
                print!("{HELP}");
                return Parsed::Exit(ExitCode::SUCCESS);
            }
            "-V" | "--version" => {
                println!("Pyrite {}", env!("CARGO_PKG_VERSION"));
                return Parsed::Exit(ExitCode::SUCCESS);
            }
            "--dis" => dis = true,
            "-X" => {
                i += 1;
                let Some(opt) = args.get(i) else {
                    return usage_error("Argument expected for the -X option");
                };
                if let Some(kind) = opt.strip_prefix("malloc=") {
                    malloc = Some(kind.to_string());
                } else if opt == "leak-check" {
                    leak_check = true;
                } else {
                    return usage_error(&format!("unknown -X option: {opt}"));
                }
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -c option");
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return Parsed::Run(Options {
                    program: Program::Command(code.clone()),
                    argv,
                    dis,
                    malloc,
                    leak_check,
                });
            }
            "-" => {
                let mut argv = vec!["-".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                return Parsed::Run(Options {
                    program: Program::Stdin,
                    argv,
                    dis,
                    malloc,
                    leak_check,
                });
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                return usage_error(&format!("unknown option {a}"));
            }
            _ => {
                return Parsed::Run(Options {
                    program: Program::File(a.to_string()),
                    argv: args[i..].to_vec(),
                    dis,
                    malloc,
                    leak_check,
                });
            }
        }
        i += 1;
    }
    Parsed::Run(Options {
        program: Program::Stdin,
        argv: vec![String::new()],
        dis,
        malloc,
        leak_check,
    })
}

fn main() -> ExitCode {
    pyrite::vm::fatal::install_panic_hook();
    // Without the handler Ctrl-C would still end the process (status 130), but
    // `except KeyboardInterrupt:` and `finally:` would never run.
    let _ = pyrite::eval_breaker::install_sigint_handler();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse_args(&args) {
        Parsed::Run(o) => o,
        Parsed::Exit(code) => return code,
    };
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
            let dir = std::path::absolute(if f.is_empty() { "." } else { f.as_str() })
                .map(|p| p.to_string_lossy().trim_end_matches("/.").to_string())
                .unwrap_or_else(|_| f.clone());
            eprintln!("pyrite: can't find '__main__' module in '{dir}'");
            return ExitCode::from(1);
        }
        Program::File(f) => match std::fs::File::open(f).and_then(read_source) {
            Ok(bytes) => (bytes, f.clone()),
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
                    display_path(f)
                );
                return ExitCode::from(2);
            }
        },
        Program::Command(c) => (c.clone().into_bytes(), "<string>".to_string()),
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
        bytes.extend_from_slice(&chunk[..n]);
        if chunk[..n].contains(&0) {
            return Ok(bytes);
        }
    }
}

/// Absolute path of a script, as CPython shows it in tracebacks.
fn display_path(filename: &str) -> String {
    if filename.starts_with('<') {
        return filename.to_string();
    }
    std::path::absolute(filename)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| filename.to_string())
}

fn run(opts: Options, source: Vec<u8>, filename: String) -> ExitCode {
    let filename = display_path(&filename);
    let source = match pyrite::syntax::source::decode(&source, &filename) {
        Ok(text) => text,
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
    // into Python (sort keys, __eq__, __repr__) nests on the Rust stack: give it room.
    let child = std::thread::Builder::new()
        .name("pyrite-main".into())
        .stack_size(1 << 30)
        .spawn(move || {
            let mut interp = pyrite::Interpreter::new(opts.argv.clone());
            let status = match interp.run_main(&source, &filename) {
                Ok(()) => 0,
                Err(e) => {
                    let _ =
                        std::io::Write::write_all(&mut std::io::stderr(), e.traceback.as_bytes());
                    e.exit_code
                }
            };
            let leaked = interp.shutdown();
            if opts.leak_check && leaked != 0 {
                eprintln!("pyrite: leak check: {leaked} object blocks still allocated at exit");
                return 70;
            }
            status
        });
    match child.map(|h| h.join()) {
        Ok(Ok(status)) => ExitCode::from((status & 0xff) as u8),
        _ => {
            eprintln!("pyrite: internal error: the interpreter thread failed");
            ExitCode::from(70)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Options {
        let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse_args(&v) {
            Parsed::Run(o) => o,
            Parsed::Exit(_) => panic!("unexpected exit"),
        }
    }

    #[test]
    fn file_and_arguments_become_argv() {
        let o = parse(&["x.py", "a", "-c"]);
        assert_eq!(o.program, Program::File("x.py".into()));
        assert_eq!(o.argv, ["x.py", "a", "-c"]);
    }

    #[test]
    fn command_ends_the_option_list() {
        let o = parse(&["-X", "malloc=system", "-c", "pass", "-V"]);
        assert_eq!(o.program, Program::Command("pass".into()));
        assert_eq!(o.argv, ["-c", "-V"]);
        assert_eq!(o.malloc.as_deref(), Some("system"));
    }

    #[test]
    fn dash_reads_stdin() {
        let o = parse(&["--dis", "-", "z"]);
        assert!(o.dis);
        assert_eq!(o.program, Program::Stdin);
        assert_eq!(o.argv, ["-", "z"]);
    }
}
