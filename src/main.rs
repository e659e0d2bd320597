//! The `pyrite` command line (python3-compatible options; see `pyrite -h`).

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
    let source_name = match &opts.program {
        Program::File(f) => {
            if let Err(e) = std::fs::metadata(f) {
                let errno = e.raw_os_error().unwrap_or(2);
                let what = if e.kind() == std::io::ErrorKind::NotFound {
                    "No such file or directory".to_string()
                } else {
                    e.to_string()
                };
                eprintln!("pyrite: can't open file '{f}': [Errno {errno}] {what}");
                return ExitCode::from(2);
            }
            f.clone()
        }
        Program::Command(_) => "<string>".to_string(),
        Program::Stdin => "<stdin>".to_string(),
    };
    let _ = (&opts.argv, opts.dis, opts.leak_check);
    eprintln!(
        "pyrite: cannot run {source_name}: this build has no runtime yet \
         (the object runtime, compiler and VM are still being built; see README.md)"
    );
    ExitCode::from(1)
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
