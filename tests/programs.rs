//! Golden-program tests: every `tests/programs/<area>/<name>.py` with its expected
//! stdout (`<name>.out`) and, for programs that fail, `<name>.err` (`exit status N` and
//! the last line of stderr; the whole of stderr for the `tracebacks` area, whose
//! programs exist to check traceback text), all produced by CPython 3.11.
//!
//! Trials:
//! - `oracle::<area>/<name>` — re-runs python3 and checks the checked-in expectations
//!   still match it (ignored when python3 is absent);
//! - `pyrite::<area>/<name>` — runs the `pyrite` binary under `-X leak-check` and
//!   compares (a program that leaves object blocks allocated at exit fails).
//!
//! `PYRITE_BLESS=1 cargo test --test programs` regenerates every expectation from
//! python3 instead of checking.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Outcome {
    stdout: Vec<u8>,
    status: i32,
    last_stderr: String,
    stderr: String,
}

fn run(cmd: &mut Command, dir: &Path) -> Result<Outcome, String> {
    let out = cmd
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYRITE_IOENCODING", "utf-8")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run: {e}"))?;
    // Tracebacks name the program by absolute path: store it relative to its folder,
    // so expectations hold in any checkout.
    let dir_prefix = format!("{}/", dir.display());
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&dir_prefix, "");
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    Ok(Outcome {
        stderr,
        stdout: out.stdout,
        status: out.status.code().unwrap_or(-1),
        last_stderr: last,
    })
}

/// Programs whose whole stderr is compared, not just its last line.
fn checks_full_stderr(program: &Path) -> bool {
    program
        .parent()
        .and_then(|d| d.file_name())
        .is_some_and(|a| a == "tracebacks")
}

fn expected_err(program: &Path, o: &Outcome) -> Option<String> {
    (o.status != 0).then(|| {
        if checks_full_stderr(program) {
            format!("exit status {}\n{}", o.status, o.stderr)
        } else {
            format!("exit status {}\n{}\n", o.status, o.last_stderr)
        }
    })
}

fn compare(program: &Path, got: &Outcome) -> Result<(), Failed> {
    let want_out = std::fs::read(program.with_extension("out")).unwrap_or_default();
    let want_err = std::fs::read_to_string(program.with_extension("err")).ok();
    let got_err = expected_err(program, got);
    if got.stdout != want_out {
        return Err(format!(
            "stdout differs\n--- expected\n{}\n--- got\n{}",
            String::from_utf8_lossy(&want_out),
            String::from_utf8_lossy(&got.stdout)
        )
        .into());
    }
    if got_err != want_err {
        return Err(format!(
            "exit status / stderr differ\n--- expected\n{}\n--- got\n{}",
            want_err.unwrap_or_else(|| "exit status 0\n".into()),
            got_err.unwrap_or_else(|| "exit status 0\n".into())
        )
        .into());
    }
    Ok(())
}

fn programs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(areas) = std::fs::read_dir(root) else {
        return out;
    };
    for area in areas.flatten() {
        if !area.path().is_dir() {
            continue;
        }
        if let Ok(files) = std::fs::read_dir(area.path()) {
            for f in files.flatten() {
                if f.path().extension().is_some_and(|e| e == "py") {
                    out.push(f.path());
                }
            }
        }
    }
    out.sort();
    out
}

fn python3_available() -> bool {
    Command::new("python3")
        .arg("-c")
        .arg("import sys; assert sys.version_info[:2] == (3, 11)")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn python3(program: &Path) -> Result<Outcome, String> {
    let dir = program.parent().unwrap_or(Path::new("."));
    let name = program.file_name().unwrap_or_default();
    run(Command::new("python3").arg(name), dir)
}

fn bless(program: &Path) -> Result<(), Failed> {
    let o = python3(program)?;
    std::fs::write(program.with_extension("out"), &o.stdout).map_err(|e| e.to_string())?;
    let err_path = program.with_extension("err");
    match expected_err(program, &o) {
        Some(e) => std::fs::write(&err_path, e).map_err(|e| e.to_string())?,
        None => {
            let _ = std::fs::remove_file(&err_path);
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let have_python = python3_available();
    let blessing = std::env::var_os("PYRITE_BLESS").is_some();
    let mut trials = Vec::new();
    for program in programs(&root) {
        let rel = program
            .strip_prefix(&root)
            .unwrap_or(&program)
            .with_extension("")
            .to_string_lossy()
            .into_owned();
        let p = program.clone();
        if blessing {
            trials.push(
                Trial::test(format!("bless::{rel}"), move || bless(&p))
                    .with_ignored_flag(!have_python),
            );
            continue;
        }
        trials.push(
            Trial::test(format!("oracle::{rel}"), move || compare(&p, &python3(&p)?))
                .with_ignored_flag(!have_python),
        );
        {
            let p = program.clone();
            trials.push(Trial::test(format!("pyrite::{rel}"), move || {
                let dir = p.parent().unwrap_or(Path::new("."));
                let name = p.file_name().unwrap_or_default();
                let got = run(
                    Command::new(env!("CARGO_BIN_EXE_pyrite"))
                        .arg("-X")
                        .arg("leak-check")
                        .arg(name),
                    dir,
                )?;
                compare(&p, &got)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
