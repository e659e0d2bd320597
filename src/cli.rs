//! The `pyrite` command line, parsed the way python3's is (`Modules/main.c` and
//! `Python/getopt.c`): short options may be combined (`-uOc CODE`), an option's
//! argument may be attached (`-cCODE`, `-Xmalloc=system`, `-Wignore`), `--` ends the
//! options, and the first non-option argument is the script, after which everything
//! belongs to the program's `sys.argv`.
//!
//! Pure: [`parse`] turns the arguments and the relevant environment into a [`Parsed`]
//! value; `main.rs` acts on it.

use crate::text::TextBuf;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

/// The usage line printed with every command-line error.
pub const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...";

pub const HELP: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-B     : accepted for compatibility (Pyrite writes no .pyc files)
-c cmd : program passed in as string (terminates option list)
--dis  : print the bytecode of every code object instead of running (like python3 -m dis)
-E     : ignore PYRITE_* environment variables (such as PYRITE_MALLOC)
-h     : print this help message and exit (also -? or --help)
-I     : isolate Pyrite from the user's environment (implies -E, -P and -s)
-O     : remove assert statements and make __debug__ False
-OO    : do -O changes and also discard docstrings
-P     : accepted for compatibility (no unsafe path is prepended)
-q     : accepted for compatibility (no REPL banner yet)
-s, -S : accepted for compatibility (no site module)
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Pyrite version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
-X opt : implementation-specific option:
         -X malloc=pymalloc|system : select the object allocator (also PYRITE_MALLOC)
         -X leak-check : at exit, fail if any object block is still allocated
         other -X options are accepted and shown in sys._xoptions
--     : end of options; the next argument is the program
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// Where the program comes from.
#[derive(Debug, PartialEq)]
pub enum Program {
    File(OsString),
    /// `-c`: the command as decoded (it may hold surrogates, which cannot compile).
    Command(TextBuf),
    Module(String),
    Stdin,
}

/// Everything the command line asks for, when it asks to run something.
#[derive(Debug, PartialEq)]
pub struct Options {
    pub program: Program,
    /// `sys.argv` (undecodable bytes kept as lone surrogates).
    pub argv: Vec<TextBuf>,
    pub dis: bool,
    /// `-X malloc=` or `PYRITE_MALLOC` (unless `-E`/`-I`).
    pub malloc: Option<String>,
    pub leak_check: bool,
    /// `-O` count (`sys.flags.optimize`).
    pub optimize: u8,
    pub unbuffered: bool,
    /// The error handler `PYRITE_IOENCODING=[utf-8][:handler]` names for stdout (an
    /// encoding alone means `strict`, as CPython's `PYTHONIOENCODING`).
    pub io_errors: Option<String>,
    /// `-W` options, in order (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// `-X` options, in order (`sys._xoptions`).
    pub xoptions: Vec<String>,
    pub ignore_environment: bool,
    pub isolated: bool,
    /// What `sys.flags` reports.
    pub flags: crate::SysFlags,
}

/// What to do.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    Run(Options),
    Help,
    Version,
    /// A command-line error: print the message and the usage, exit 2.
    Usage(String),
}

/// Decode an argument as CPython does: UTF-8, each byte of an invalid sequence kept as
/// a lone surrogate U+DC80..=U+DCFF (`surrogateescape`, PEP 383).
fn decode(arg: &OsString) -> TextBuf {
    TextBuf::from_bytes_surrogateescape(arg.as_bytes())
}

/// An argument as Rust text, for options: undecodable bytes shown as `\udcff`.
fn text(arg: &OsString) -> String {
    decode(arg).display().into_owned()
}

/// Parse the arguments after the program name. `env` looks up an environment variable
/// (consulted only when neither `-E` nor `-I` is given).
pub fn parse(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Parsed {
    let mut o = Options {
        program: Program::Stdin,
        argv: Vec::new(),
        dis: false,
        malloc: None,
        leak_check: false,
        optimize: 0,
        unbuffered: false,
        io_errors: None,
        warnoptions: Vec::new(),
        xoptions: Vec::new(),
        ignore_environment: false,
        isolated: false,
        flags: crate::SysFlags::default(),
    };
    let mut i = 0;
    let rest_after = |i: usize| args[i..].iter().map(decode).collect::<Vec<_>>();
    'args: while i < args.len() {
        let arg = text(&args[i]);
        if arg == "--" {
            i += 1;
            break;
        }
        if arg == "-" || !arg.starts_with('-') {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "help" => return Parsed::Help,
                "version" => return Parsed::Version,
                "dis" => o.dis = true,
                _ => return Parsed::Usage(format!("unknown option {arg}")),
            }
            i += 1;
            continue;
        }
        // A cluster of short options: "-uOc" …; an option taking an argument uses the
        // rest of the cluster, or else the next argument.
        let chars: Vec<char> = arg.chars().skip(1).collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            let mut value = || -> Option<TextBuf> {
                if k < chars.len() {
                    // The rest of the cluster, from the argument's own bytes (it may
                    // not be UTF-8; the option letters before it are ASCII).
                    let v = TextBuf::from_bytes_surrogateescape(&args[i].as_bytes()[1 + k..]);
                    k = chars.len();
                    Some(v)
                } else {
                    i += 1;
                    args.get(i).map(decode)
                }
            };
            match c {
                'c' => {
                    let Some(code) = value() else {
                        return Parsed::Usage("Argument expected for the -c option".into());
                    };
                    o.program = Program::Command(code);
                    o.argv = std::iter::once(TextBuf::from("-c"))
                        .chain(rest_after(i + 1))
                        .collect();
                    return finish(o, env);
                }
                'm' => {
                    let Some(module) = value() else {
                        return Parsed::Usage("Argument expected for the -m option".into());
                    };
                    o.argv = std::iter::once(module.clone())
                        .chain(rest_after(i + 1))
                        .collect();
                    o.program = Program::Module(module.display().into_owned());
                    return finish(o, env);
                }
                'W' => match value() {
                    Some(w) => o.warnoptions.push(w.display().into_owned()),
                    None => return Parsed::Usage("Argument expected for the -W option".into()),
                },
                'X' => match value() {
                    Some(x) => o.xoptions.push(x.display().into_owned()),
                    None => return Parsed::Usage("Argument expected for the -X option".into()),
                },
                'h' | '?' => return Parsed::Help,
                'V' => return Parsed::Version,
                'O' => o.optimize = o.optimize.saturating_add(1),
                'u' => o.unbuffered = true,
                'E' => {
                    o.ignore_environment = true;
                    o.flags.ignore_environment = 1;
                }
                'I' => {
                    o.isolated = true;
                    o.ignore_environment = true;
                    let f = &mut o.flags;
                    (f.isolated, f.ignore_environment, f.no_user_site) = (1, 1, 1);
                    f.safe_path = true;
                }
                'B' => bump(&mut o.flags.dont_write_bytecode),
                'S' => bump(&mut o.flags.no_site),
                's' => bump(&mut o.flags.no_user_site),
                'P' => o.flags.safe_path = true,
                'q' => bump(&mut o.flags.quiet),
                'b' => bump(&mut o.flags.bytes_warning),
                'd' => bump(&mut o.flags.debug),
                'v' => bump(&mut o.flags.verbose),
                'i' => {
                    bump(&mut o.flags.inspect);
                    bump(&mut o.flags.interactive);
                }
                'x' | 'R' => {}
                _ => return Parsed::Usage(format!("Unknown option: -{c}")),
            }
        }
        i += 1;
        continue 'args;
    }
    match args.get(i) {
        None => o.argv = vec![TextBuf::new()],
        Some(a) if a == "-" => o.argv = rest_after(i),
        Some(a) => {
            o.program = Program::File(a.clone());
            o.argv = rest_after(i);
        }
    }
    finish(o, env)
}

/// Apply the `-X` options Pyrite knows and the environment.
fn finish(mut o: Options, env: impl Fn(&str) -> Option<String>) -> Parsed {
    if !o.ignore_environment {
        o.malloc = env("PYRITE_MALLOC").filter(|s| !s.is_empty());
        if let Some(v) = env("PYRITE_IOENCODING") {
            let (encoding, errors) = v.split_once(':').unwrap_or((&v, ""));
            o.io_errors = match (encoding, errors) {
                (_, e) if !e.is_empty() => Some(e.to_string()),
                ("", _) => None,
                _ => Some("strict".to_string()),
            };
        }
    }
    for x in &o.xoptions {
        if let Some(kind) = x.strip_prefix("malloc=") {
            o.malloc = Some(kind.to_string());
        } else if x == "leak-check" {
            o.leak_check = true;
        } else if x == "dev" {
            o.flags.dev_mode = true;
        } else if x == "utf8" || x == "utf8=1" {
            o.flags.utf8_mode = 1;
        }
    }
    Parsed::Run(o)
}

/// One more occurrence of a counted flag (`-vv`).
fn bump(count: &mut u8) {
    *count = count.saturating_add(1);
}

/// `sys._xoptions`: `name=value` or `name` (True).
pub fn xoption_pairs(xoptions: &[String]) -> Vec<(String, Option<String>)> {
    xoptions
        .iter()
        .map(|x| match x.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (x.clone(), None),
        })
        .collect()
}

/// What `-W` options say about SyntaxWarnings (the only warnings Pyrite emits),
/// resolved as the warnings module would: the last matching filter wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningAction {
    Show,
    Ignore,
    Error,
}

/// The action for SyntaxWarning, and the complaints about invalid options (printed
/// at start-up as CPython's `Invalid -W option ignored: …`).
pub fn syntax_warning_action(warnoptions: &[String]) -> (WarningAction, Vec<String>) {
    let mut action = WarningAction::Show;
    let mut invalid = Vec::new();
    for w in warnoptions {
        let mut parts = w.splitn(5, ':').map(str::trim);
        let act = parts.next().unwrap_or("");
        let _message = parts.next();
        let category = parts.next().unwrap_or("");
        let full = ["default", "always", "ignore", "module", "once", "error"]
            .into_iter()
            .find(|a| !act.is_empty() && a.starts_with(act))
            .or(if act.is_empty() {
                Some("default")
            } else {
                None
            });
        let Some(full) = full else {
            invalid.push(format!("invalid action: '{act}'"));
            continue;
        };
        let matches = match category {
            "" | "Warning" | "SyntaxWarning" => true,
            "DeprecationWarning"
            | "UserWarning"
            | "RuntimeWarning"
            | "FutureWarning"
            | "PendingDeprecationWarning"
            | "ImportWarning"
            | "UnicodeWarning"
            | "BytesWarning"
            | "ResourceWarning"
            | "EncodingWarning" => false,
            other => {
                invalid.push(format!("unknown warning category: '{other}'"));
                continue;
            }
        };
        if matches {
            action = match full {
                "ignore" => WarningAction::Ignore,
                "error" => WarningAction::Error,
                _ => WarningAction::Show,
            };
        }
    }
    (action, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Options {
        let v: Vec<OsString> = args.iter().map(OsString::from).collect();
        match parse(&v, |_| None) {
            Parsed::Run(o) => o,
            other => panic!("unexpected {other:?}"),
        }
    }

    fn parsed(args: &[&str]) -> Parsed {
        let v: Vec<OsString> = args.iter().map(OsString::from).collect();
        parse(&v, |_| Some("system".into()))
    }

    #[test]
    fn file_and_arguments_become_argv() {
        let o = run(&["x.py", "a", "-c"]);
        assert_eq!(o.program, Program::File("x.py".into()));
        assert_eq!(o.argv, ["x.py", "a", "-c"]);
    }

    #[test]
    fn command_ends_the_option_list_attached_or_not() {
        let o = run(&["-X", "malloc=system", "-c", "pass", "-V"]);
        assert_eq!(o.program, Program::Command("pass".into()));
        assert_eq!(o.argv, ["-c", "-V"]);
        assert_eq!(o.malloc.as_deref(), Some("system"));
        let o = run(&["-uOcprint(1)", "x"]);
        assert_eq!(o.program, Program::Command("print(1)".into()));
        assert_eq!((o.unbuffered, o.optimize), (true, 1));
        assert_eq!(o.argv, ["-c", "x"]);
    }

    #[test]
    fn dash_dash_and_dash() {
        let o = run(&["--", "-c"]);
        assert_eq!(o.program, Program::File("-c".into()));
        let o = run(&["--dis", "-", "z"]);
        assert!(o.dis);
        assert_eq!(o.program, Program::Stdin);
        assert_eq!(o.argv, ["-", "z"]);
        assert_eq!(run(&[]).argv, [""]);
    }

    #[test]
    fn x_and_w_options() {
        let o = run(&[
            "-Xmalloc=system",
            "-Xleak-check",
            "-X",
            "frozen_modules=off",
            "-Wignore",
            "-W",
            "error::SyntaxWarning",
            "-c",
            "1",
        ]);
        assert_eq!(o.malloc.as_deref(), Some("system"));
        assert!(o.leak_check);
        assert_eq!(
            o.xoptions,
            ["malloc=system", "leak-check", "frozen_modules=off"]
        );
        assert_eq!(o.warnoptions, ["ignore", "error::SyntaxWarning"]);
        assert_eq!(
            syntax_warning_action(&o.warnoptions),
            (WarningAction::Error, vec![])
        );
        assert_eq!(
            syntax_warning_action(&["x".into(), "d::Bogus".into()]).1,
            ["invalid action: 'x'", "unknown warning category: 'Bogus'"]
        );
    }

    #[test]
    fn environment_unless_e_or_i() {
        let Parsed::Run(o) = parsed(&["-c", "1"]) else {
            panic!()
        };
        assert_eq!(o.malloc.as_deref(), Some("system"));
        let Parsed::Run(o) = parsed(&["-E", "-c", "1"]) else {
            panic!()
        };
        assert_eq!(o.malloc, None);
        let Parsed::Run(o) = parsed(&["-Ic", "1"]) else {
            panic!()
        };
        assert_eq!(o.malloc, None);
    }

    #[test]
    fn errors_and_exits() {
        assert_eq!(parsed(&["-Z"]), Parsed::Usage("Unknown option: -Z".into()));
        assert_eq!(parsed(&["-uZ"]), Parsed::Usage("Unknown option: -Z".into()));
        assert_eq!(
            parsed(&["--foo"]),
            Parsed::Usage("unknown option --foo".into())
        );
        assert_eq!(
            parsed(&["-c"]),
            Parsed::Usage("Argument expected for the -c option".into())
        );
        assert_eq!(
            parsed(&["-X"]),
            Parsed::Usage("Argument expected for the -X option".into())
        );
        assert_eq!(parsed(&["-h", "-Z"]), Parsed::Help);
        assert_eq!(parsed(&["--version"]), Parsed::Version);
    }
}
