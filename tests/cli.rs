//! Command-line behaviour of the `pyrite` binary that golden programs cannot express:
//! argument handling, stdin programs, exit statuses, the allocator switch, `--dis`,
//! clear errors for features that come in later issues, and the embedding API.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn pyrite(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrite runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("pyrite finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn command_and_argv() {
    let o = pyrite(&["-c", "import sys; print(sys.argv)", "a", "-b"], None);
    assert_eq!(stdout(&o), "['-c', 'a', '-b']\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn program_from_piped_stdin_and_dash() {
    let o = pyrite(&[], Some("x = 6\nprint(x * 7)\n"));
    assert_eq!(stdout(&o), "42\n");
    let o = pyrite(&["-", "arg"], Some("import sys\nprint(sys.argv)\n"));
    assert_eq!(stdout(&o), "['-', 'arg']\n");
}

#[test]
fn missing_file_and_bad_option_exit_2() {
    let o = pyrite(&["definitely_missing_file.py"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("can't open file"));
    assert!(stderr(&o).contains("[Errno 2] No such file or directory"));
    let o = pyrite(&["-Z"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = pyrite(&["-X", "malloc=nonsense", "-c", "pass"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn exit_statuses() {
    assert_eq!(
        pyrite(&["-c", "import sys; sys.exit(3)"], None)
            .status
            .code(),
        Some(3)
    );
    let o = pyrite(&["-c", "raise SystemExit('bye')"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "bye\n");
    let o = pyrite(&["-c", "1/0"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n"
    );
    // The site module's exit()/quit() builtins.
    assert_eq!(pyrite(&["-c", "exit(4)"], None).status.code(), Some(4));
    assert_eq!(pyrite(&["-c", "quit()"], None).status.code(), Some(0));
    // python3 re-raises SIGINT after an uncaught KeyboardInterrupt (shells see 130);
    // pyrite exits with 130 after the same traceback.
    let o = pyrite(&["-c", "raise KeyboardInterrupt"], None);
    assert_eq!(o.status.code(), Some(130));
    assert!(stderr(&o).ends_with("\nKeyboardInterrupt\n"));
}

#[test]
fn syntax_error_report() {
    let o = pyrite(&["-c", "x = = 2"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "  File \"<string>\", line 1\n    x = = 2\n        ^\nSyntaxError: invalid syntax\n"
    );
}

#[test]
fn both_allocators_run_and_leave_nothing_allocated() {
    for kind in ["malloc=pymalloc", "malloc=system"] {
        let o = pyrite(
            &[
                "-X",
                kind,
                "-X",
                "leak-check",
                "-c",
                "x = [[i] * 3 for i in range(1000)]\nprint(len(x))",
            ],
            None,
        );
        assert_eq!(stdout(&o), "1000\n", "{kind}: {}", stderr(&o));
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
    }
}

#[test]
fn debugmallocstats_reports_on_stderr() {
    let o = pyrite(&["-c", "import sys; sys._debugmallocstats()"], None);
    let err = stderr(&o);
    assert!(
        err.starts_with("Small block threshold = 512, in 32 size classes."),
        "{err}"
    );
    assert!(err.contains("# arenas allocated current"));
}

#[test]
fn dis_prints_every_code_object() {
    let dir = std::env::temp_dir().join(format!("pyrite-dis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let file = dir.join("d.py");
    std::fs::write(&file, "def f(a):\n    return a + 1\nprint(f(1))\n").expect("write");
    let o = pyrite(&["--dis", file.to_str().expect("utf-8 path")], None);
    let out = stdout(&o);
    assert!(out.contains("MAKE_FUNCTION"), "{out}");
    assert!(out.contains("Disassembly of <code object f"), "{out}");
    assert!(out.contains("BINARY_OP") && out.contains("(+)"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn later_features_are_clear_errors() {
    for (src, what) in [
        ("def g():\n    yield 1\n", "yield"),
        ("x = (i for i in range(3))\n", "generator"),
        ("with open('f') as f:\n    pass\n", "with"),
        ("async def f():\n    pass\n", "async"),
    ] {
        let o = pyrite(&["-c", src], None);
        assert_eq!(o.status.code(), Some(1), "{src}");
        let err = stderr(&o);
        let last = err.lines().last().unwrap_or("");
        assert!(
            (last.starts_with("SyntaxError") || last.starts_with("NotImplementedError"))
                && last.to_lowercase().contains(what),
            "{src}: {err}"
        );
    }
}

#[test]
fn deep_recursion_is_a_python_error() {
    let o = pyrite(&["-c", "def f(n):\n    return f(n + 1)\nf(0)\n"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{err}"
    );
    assert!(
        err.contains("[Previous line repeated 996 more times]"),
        "{err}"
    );
}

#[test]
fn embedding_api() {
    let mut interp = pyrite::Interpreter::new(vec!["embed".into()]);
    interp
        .run_main("def sq(x):\n    return x * x\n", "<embed>")
        .expect("runs");
    assert_eq!(
        interp.eval("[sq(i) for i in range(4)]").expect("eval"),
        "[0, 1, 4, 9]"
    );
    let err = interp.run_main("{}['k']\n", "<embed>").expect_err("raises");
    assert_eq!(err.type_name, "KeyError");
    assert_eq!(err.message, "'k'");
    assert!(
        err.traceback
            .starts_with("Traceback (most recent call last):")
    );
    assert_eq!(interp.shutdown(), 0);
}

#[test]
fn python3_flags_attached_and_combined() {
    // -O: asserts removed, __debug__ False; -OO also drops docstrings.
    let o = pyrite(&["-uOc", "assert False\nprint(__debug__)", "x"], None);
    assert_eq!(stdout(&o), "False\n");
    let o = pyrite(
        &[
            "-OO",
            "-c",
            "def f():\n    'doc'\nprint(f.__doc__, __doc__)",
        ],
        None,
    );
    assert_eq!(stdout(&o), "None None\n");
    let o = pyrite(
        &[
            "-B",
            "-S",
            "-s",
            "-E",
            "-Xfrozen_modules=off",
            "-Xa=b",
            "-Wd",
            "-c",
            "import sys; print(sys._xoptions, sys.warnoptions, sys.argv)",
            "--",
            "-V",
        ],
        None,
    );
    assert_eq!(
        stdout(&o),
        "{'frozen_modules': 'off', 'a': 'b'} ['d'] ['-c', '--', '-V']\n"
    );
    // sys.flags reports the letters as python3 does (checked against python3 when
    // it is installed; Pyrite's hashes are never randomised).
    let flag_sets: [&[&str]; 5] = [
        &[],
        &["-O", "-B", "-s", "-q", "-b", "-d"],
        &["-OO", "-I"],
        &["-E", "-S", "-P", "-Xdev", "-Xutf8"],
        &["-bb", "-i"],
    ];
    for flags in flag_sets {
        let code = ["-c", "import sys; print(sys.flags)"];
        let args: Vec<&str> = flags.iter().chain(&code).copied().collect();
        let o = pyrite(&args, Some(""));
        let got = stdout(&o);
        assert!(got.starts_with("sys.flags(debug="), "{flags:?}: {got}");
        assert!(got.contains("hash_randomization=0"), "{got}");
        if let Ok(py) = Command::new("python3")
            .args(&args)
            .env_remove("PYTHONDONTWRITEBYTECODE")
            .env_remove("PYTHONOPTIMIZE")
            .env_remove("PYTHONINSPECT")
            .stdin(Stdio::null())
            .output()
        {
            let want = String::from_utf8_lossy(&py.stdout)
                .replace("hash_randomization=1", "hash_randomization=0");
            assert_eq!(got, want, "{flags:?}");
        }
    }
    // `--` ends the options: the next argument is the script, even "-c".
    let o = pyrite(&["--", "-c"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("can't open file"), "{}", stderr(&o));
}

#[test]
fn warning_options_control_syntax_warnings() {
    let program = "x = 1\nprint(x is 5)\n";
    let o = pyrite(&["-W", "error", "-c", program], None);
    assert_eq!(
        stderr(&o),
        "  File \"<string>\", line 2\nSyntaxError: \"is\" with a literal. Did you mean \"==\"?\n"
    );
    assert_eq!(o.status.code(), Some(1));
    let o = pyrite(&["-Wignore::SyntaxWarning", "-c", program], None);
    assert_eq!((stdout(&o), stderr(&o)), ("False\n".into(), String::new()));
    let o = pyrite(&["-Wx", "-c", "print(1)"], None);
    assert_eq!(
        stderr(&o),
        "Invalid -W option ignored: invalid action: 'x'\n"
    );
}

#[test]
fn usage_errors_as_python3_words_them() {
    for (args, first) in [
        (&["-Z"][..], "Unknown option: -Z"),
        (&["-uZ"][..], "Unknown option: -Z"),
        (&["--foo"][..], "unknown option --foo"),
        (&["-c"][..], "Argument expected for the -c option"),
        (&["-X"][..], "Argument expected for the -X option"),
        (&["-W"][..], "Argument expected for the -W option"),
    ] {
        let o = pyrite(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!(
                "{first}\nusage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
                 Try `pyrite -h' for more information.\n"
            )
        );
    }
}

#[test]
fn unbuffered_stdout_interleaves_with_stderr() {
    let program = "import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n";
    let merged = |flag: &str| {
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!("\"$0\" {flag} -c \"$1\" 2>&1",))
            .arg(env!("CARGO_BIN_EXE_pyrite"))
            .arg(program)
            .output()
            .expect("sh runs");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert_eq!(merged("-u"), "a\nb\nc\n");
    // Block-buffered when stdout is not a terminal, as CPython: stderr comes first.
    assert_eq!(merged("-E"), "b\na\nc\n");
}

/// Runs `pyrite` and `python3` with the same raw arguments and environment overrides
/// and asserts the same stdout bytes, stderr and exit status.
fn same_as_python3(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) {
    same_as_python3_with_stdin(args, env, b"");
}

fn same_as_python3_with_stdin(args: &[&std::ffi::OsStr], env: &[(&str, &str)], input: &[u8]) {
    let run = |cmd: &mut Command| {
        cmd.args(args)
            .env_remove("PYTHONIOENCODING")
            .env_remove("PYRITE_IOENCODING")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input).expect("write stdin");
        drop(stdin);
        child.wait_with_output().expect("finishes")
    };
    let got = run(&mut Command::new(env!("CARGO_BIN_EXE_pyrite")));
    let Ok(want) = Command::new("python3").arg("-c").arg("pass").output() else {
        return;
    };
    assert!(want.status.success());
    let want = run(&mut Command::new("python3"));
    let strip =
        |o: &Output| stderr(o).replace("/root/.pyenv/versions/3.11.7/bin/python3", "pyrite");
    assert_eq!(
        (String::from_utf8_lossy(&got.stdout), got.status.code()),
        (String::from_utf8_lossy(&want.stdout), want.status.code()),
        "{args:?} {env:?}\n{}",
        stderr(&got)
    );
    assert_eq!(
        strip(&got).lines().last(),
        strip(&want).lines().last(),
        "{args:?} {env:?}"
    );
    assert_eq!(got.stdout, want.stdout, "{args:?} {env:?}");
}

#[test]
fn arguments_that_are_not_utf8_are_surrogateescaped() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let raw = |b: &'static [u8]| OsStr::from_bytes(b);
    let show =
        OsStr::new("import sys; print(ascii(sys.argv), len(sys.argv[1])); print(sys.argv[1])");
    let args = [
        OsStr::new("-c"),
        show,
        raw(b"a\xffb"),
        raw(b"\xe9t\xc3\xa9"),
    ];
    // C.UTF-8: stdout writes the escaped bytes back.
    same_as_python3(&args, &[]);
    // Another locale, or an explicit encoding: strict, a UnicodeEncodeError.
    same_as_python3(&args, &[("LANG", "en_US.UTF-8")]);
    same_as_python3(
        &args,
        &[
            ("PYTHONIOENCODING", "utf-8"),
            ("PYRITE_IOENCODING", "utf-8"),
        ],
    );
    for handler in [
        "surrogateescape",
        "backslashreplace",
        "replace",
        "ignore",
        "strict",
    ] {
        let v = format!("utf-8:{handler}");
        same_as_python3(
            &args,
            &[("PYTHONIOENCODING", &v), ("PYRITE_IOENCODING", &v)],
        );
    }
    same_as_python3(
        &[OsStr::new("-Xutf8"), OsStr::new("-c"), show, raw(b"\xff")],
        &[("LANG", "en_US.UTF-8")],
    );
    // A command that is not UTF-8 is refused before it runs.
    same_as_python3(&[OsStr::new("-c"), raw(b"print('\xff')")], &[]);
    same_as_python3(&[raw(b"-cprint('\xff\xfe')")], &[]);
    // A script name that is not UTF-8: in the error for a missing file.
    same_as_python3(&[raw(b"/nonexistent/\xfd.py")], &[]);
}

#[test]
fn input_decodes_as_the_standard_streams_do() {
    use std::ffi::OsStr;
    let args = [OsStr::new("-c"), OsStr::new("s = input(); print(ascii(s))")];
    let lines: [&[u8]; 5] = [
        b"a\xffb\xe9t\n",
        b"\xf0\x9f\x98",
        b"x\xe9t",
        b"x\xf0\x9f\x98y",
        b"x\xe0\x80y\r\n",
    ];
    for line in lines {
        same_as_python3_with_stdin(&args, &[], line);
        for handler in ["", ":replace", ":backslashreplace", ":ignore"] {
            let v = format!("utf-8{handler}");
            same_as_python3_with_stdin(
                &args,
                &[("PYTHONIOENCODING", &v), ("PYRITE_IOENCODING", &v)],
                line,
            );
        }
    }
}
