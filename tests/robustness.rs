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

/// Runs `program`, sends SIGINT once it has printed its first line, and returns its
/// output: (stdout after the first line, stderr, status).
fn interrupted(program: &str) -> (String, String, std::process::ExitStatus) {
    use std::io::{BufRead, Read};
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["-c", program])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrite runs");
    let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("first line");
    assert_eq!(first, "ready\n");
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("stdout");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    (rest, err, child.wait().expect("exit"))
}

#[test]
fn sigint_is_a_keyboard_interrupt_the_program_can_catch() {
    let (out, err, status) = interrupted(
        "import sys\ntry:\n    print('ready')\n    sys.stdout.flush()\n    while True:\n        pass\n\
         except KeyboardInterrupt as e:\n    print('caught', repr(e))\nfinally:\n    print('finally')\n",
    );
    assert_eq!(out, "caught KeyboardInterrupt()\nfinally\n", "{err}");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn sigint_during_sleep_ends_it_and_uncaught_exits_130() {
    let started = std::time::Instant::now();
    let (out, err, status) = interrupted(
        // The signal may land during flush() or sleep(): both are on line 3.
        "import sys, time\nprint('ready')\nsys.stdout.flush(); time.sleep(60)\nprint('not reached')\n",
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(out, "");
    assert!(
        err.starts_with(
            "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n"
        ),
        "{err}"
    );
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "{err}");
    assert_eq!(status.code(), Some(130));
}

/// Under an address-space limit, results whose size a program chooses are
/// MemoryErrors and the interpreter keeps running (before, each aborted the process
/// with "memory allocation of N bytes failed"). The limit leaves ~300 MiB beside the
/// interpreter thread's 1 GiB stack reservation.
#[test]
fn sizes_a_program_chooses_are_memory_errors_under_a_limit() {
    let program = r#"# Under a ~440 MiB address-space limit (the interpreter thread's stack is then
# 16 MiB), results whose size the program chooses are MemoryErrors, and the
# interpreter keeps running.
def attempt(name, f):
    try:
        f()
        print(name, 'ok')
    except MemoryError as e:
        print(name, type(e).__name__, e)

x = 'abcdefgh' * 2**22
attempt('repeat', lambda: x * 16)
attempt('concat', lambda: (x * 8) + (x * 8))
attempt('upper', lambda: (x * 8).upper())
attempt('repr', lambda: repr(x * 8))
attempt('replace', lambda: x.replace('a', 'a' * 128))
attempt('ljust', lambda: 'abc'.ljust(2**31))
attempt('percent', lambda: '%-*d' % (2**31 - 1, 5))
attempt('list', lambda: list(range(2**26)))
attempt('fstring', lambda: f'{1:{2**31}}')
attempt('join', lambda: ','.join([x] * 16))
print('still running', len(x), x[:6], x.upper()[-4:])
"#;
    let o = under_address_limit(450000, program);
    let expected: String = [
        "repeat", "concat", "upper", "repr", "replace", "ljust", "percent", "list", "fstring",
        "join",
    ]
    .iter()
    .map(|name| format!("{name} MemoryError \n"))
    .collect::<String>()
        + "still running 33554432 abcdef EFGH\n";
    assert_eq!(text(&o.stdout), expected, "{}", text(&o.stderr));
    assert_eq!(o.status.code(), Some(0));
}

/// Infinite recursion with the limit raised past what memory holds: MemoryError.
#[test]
fn recursion_past_memory_is_a_memory_error() {
    let o = under_address_limit(
        1200000,
        "import sys\nsys.setrecursionlimit(10**8)\ndef f():\n    f()\ntry:\n    f()\nexcept MemoryError:\n    print('MemoryError')\n",
    );
    assert_eq!(text(&o.stdout), "MemoryError\n", "{}", text(&o.stderr));
}

/// Memory exhausted by many small objects (dict and set entries, ints, strs in a
/// comprehension) is a MemoryError the program can catch: container growth is
/// fallible, and the memory reserve (`memory::reserve`) carries the interpreter from
/// a failed small allocation to the eval loop's next check point. Under this limit the
/// interpreter thread also gets a smaller native stack than its usual 1 GiB.
#[test]
fn small_object_exhaustion_is_a_memory_error() {
    let program = r#"
d = {}
try:
    i = 0
    while True:
        d[i] = None; i += 1
except MemoryError:
    print('dict', len(d) > 1000)
d = None
s = set()
try:
    i = 0
    while True:
        s.add(i); i += 1
except MemoryError:
    print('set', len(s) > 1000)
s = None
for name, make in [('dictcomp', lambda: {i: i for i in range(2**26)}),
                   ('listcomp', lambda: [i for i in range(2**28)]),
                   ('strs', lambda: [str(i) for i in range(2**27)])]:
    try:
        make()
    except MemoryError:
        print(name, 'MemoryError')
print('still running')
"#;
    let o = under_address_limit(500000, program);
    assert_eq!(
        text(&o.stdout),
        "dict True\nset True\ndictcomp MemoryError\nlistcomp MemoryError\n\
         strs MemoryError\nstill running\n",
        "{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0));
}

/// Runs `pyrite -c program` under `ulimit -v kib` and returns its output.
fn under_address_limit(kib: u32, program: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" -c \"$1\""))
        .arg(env!("CARGO_BIN_EXE_pyrite"))
        .arg(program)
        .output()
        .expect("sh runs")
}

/// Runs `script` with sh (where `$0` is the pyrite binary) and returns its output.
fn shell(script: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_pyrite"))
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

/// Write errors on stdout are CPython's: at the exit-time flush an "Exception
/// ignored" report and status 120; during the run an OSError subclass with errno.
#[test]
fn stdout_write_errors_as_cpython_reports_them() {
    let ignored = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' \
                   encoding='utf-8'>\nOSError: [Errno 28] No space left on device\n";
    let o = shell("\"$0\" -c \"print('x' * 10)\" > /dev/full");
    assert_eq!(
        (text(&o.stderr), o.status.code()),
        (ignored.to_string(), Some(120))
    );
    let o =
        shell("\"$0\" -c \"import sys; sys.stdout.write('x'); sys.stdout.flush()\" > /dev/full");
    assert!(text(&o.stderr).starts_with("Traceback (most recent call last):\n"));
    assert!(
        text(&o.stderr).ends_with(&format!(
            "OSError: [Errno 28] No space left on device\n{ignored}"
        )),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(120));
    let o = shell("\"$0\" -c \"print('x' * 10000)\" > /dev/full");
    assert!(text(&o.stderr).ends_with("\nOSError: [Errno 28] No space left on device\n"));
    assert_eq!(o.status.code(), Some(1));
    let o = shell("\"$0\" -c \"for i in range(100000): print('hello world')\" | head -1");
    assert_eq!(text(&o.stdout), "hello world\n");
    assert!(
        text(&o.stderr).ends_with("\nBrokenPipeError: [Errno 32] Broken pipe\n"),
        "{}",
        text(&o.stderr)
    );
}

/// A source file of 10 MB or more, of several shapes (many statements, one huge list
/// display, many functions, one huge string literal), under address-space limits from
/// far too small to just enough: every run ends in MemoryError (exit 1) or runs, never
/// an abort. The file is read, decoded, lexed, parsed, compiled and assembled with
/// fallible allocation at every size the program controls.
#[test]
fn huge_sources_are_memory_errors_under_a_limit() {
    let dir = std::env::temp_dir().join(format!("pyrite-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut shapes: Vec<(&str, String)> = Vec::new();
    let mut many = String::new();
    for i in 0..400_000 {
        many.push_str(&format!("x{i} = [{i}, {i}+1, \"s{i}\"]\n"));
    }
    shapes.push(("statements", many));
    let items: Vec<String> = (0..1_500_000).map(|i| i.to_string()).collect();
    shapes.push((
        "display",
        format!("x = [{}]\nprint(len(x))\n", items.join(", ")),
    ));
    let mut defs = String::new();
    for i in 0..150_000 {
        defs.push_str(&format!("def f{i}(a, b=1):\n    return a + b * {i}\n\n"));
    }
    shapes.push(("defs", defs));
    shapes.push((
        "literal",
        format!("s = \"{}\"\nprint(len(s))\n", "ab".repeat(5_000_000)),
    ));
    for (name, source) in &shapes {
        let path = dir.join(format!("{name}.py"));
        std::fs::write(&path, source).expect("write source");
        for kib in [40_000, 100_000, 250_000, 500_000, 900_000] {
            let o = Command::new("sh")
                .arg("-c")
                .arg(format!("ulimit -v {kib} && exec \"$0\" \"$1\""))
                .arg(env!("CARGO_BIN_EXE_pyrite"))
                .arg(&path)
                .stdout(Stdio::null())
                .output()
                .expect("sh runs");
            let err = text(&o.stderr);
            let ok = o.status.code() == Some(0)
                || (o.status.code() == Some(1) && err.ends_with("MemoryError\n"));
            assert!(ok, "{name} under {kib} KiB: {:?}\n{err}", o.status);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
