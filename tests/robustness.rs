//! Robustness of the `pyrite` process as a whole, where golden programs cannot reach:
//! the fatal-error report of an internal bug, behaviour under a memory limit, signals.

use std::process::{Command, Output, Stdio};

fn pyrite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("pyrite runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn internal_error_flushes_stdout_and_reports_the_python_stack() {
    let program =
        "import _pyrite\nprint('before')\ndef f():\n    _pyrite.fatal_error('boom')\nf()\n";
    let o = pyrite(&["-c", program]);
    assert_eq!(
        text(&o.stdout),
        "before\n",
        "buffered output is flushed first"
    );
    let err = text(&o.stderr);
    assert!(
        err.starts_with("Fatal Python error: pyrite internal error: boom ("),
        "{err}"
    );
    assert!(
        err.contains(
            "Current thread (most recent call first):\n  \
             File \"<string>\", line 4 in f\n  File \"<string>\", line 5 in <module>\n"
        ),
        "{err}"
    );
    // abort(): killed by SIGABRT, which a shell reports as status 134.
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(o.status.signal(), Some(6), "{:?}", o.status);
}

/// Where CPython itself overflows its stack (hashing a 10**6-deep tuple), Pyrite
/// raises RecursionError and keeps running.
#[test]
fn hashing_a_very_deep_tuple_is_a_recursion_error() {
    let program = "t = ()\nfor i in range(10**6):\n    t = (t,)\n\
                   for f in (lambda: hash(t), lambda: {t}, lambda: {t: 1}, lambda: t in {1: 2}):\n    \
                   try:\n        f()\n    except RecursionError as e:\n        print(e)\n\
                   print('still running')\n";
    let o = pyrite(&["-c", program]);
    assert_eq!(
        text(&o.stdout),
        "maximum recursion depth exceeded\n".repeat(4) + "still running\n",
        "{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0));
}

/// An endless source of NUL bytes is a SyntaxError as soon as the first chunk is read.
#[test]
fn dev_zero_is_a_syntax_error_at_once() {
    let o = pyrite(&["/dev/zero"]);
    assert_eq!(
        text(&o.stderr),
        "  File \"/dev/zero\", line 1\nSyntaxError: source code cannot contain null bytes\n"
    );
    assert_eq!(o.status.code(), Some(1));
}

/// A directory (or '') as the script: CPython's message, status 1.
#[test]
fn directory_as_script() {
    let o = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("")
        .current_dir("/")
        .output()
        .expect("pyrite runs");
    assert_eq!(
        text(&o.stderr),
        "pyrite: can't find '__main__' module in '/'\n"
    );
    assert_eq!(o.status.code(), Some(1));
    let o = pyrite(&["/tmp"]);
    assert_eq!(
        text(&o.stderr),
        "pyrite: can't find '__main__' module in '/tmp'\n"
    );
    assert_eq!(o.status.code(), Some(1));
}
