//! The `run_program` fuzz target (see `fuzz/README.md`) as a property test that runs in
//! `cargo test`: programs from the fuzzer's grammar (`fuzz/src/program_gen.rs`, which
//! only writes valid Python that terminates) run in the `pyrite` binary with
//! `-X leak-check`. None may crash, leak an object block or fail to compile; and when
//! python3 is installed each must print exactly what python3 prints and exit with the
//! same status (the differential part).

#[path = "../fuzz/src/program_gen.rs"]
#[allow(dead_code)]
mod program_gen;

use proptest::prelude::*;
use std::process::{Command, Output};

fn run(exe: &str, args: &[&str], program: &std::path::Path) -> Option<Output> {
    Command::new(exe)
        .args(args)
        .arg(program)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONUNBUFFERED")
        .output()
        .ok()
}

fn check(data: &[u8], dir: &std::path::Path) {
    let source = program_gen::render(data);
    let path = dir.join("generated.py");
    std::fs::write(&path, &source).expect("write the program");
    let ours = run(env!("CARGO_BIN_EXE_pyrite"), &["-X", "leak-check"], &path).expect("run pyrite");
    let stderr = String::from_utf8_lossy(&ours.stderr);
    assert!(
        matches!(ours.status.code(), Some(0 | 1)),
        "status {:?}\n{stderr}\n{source}",
        ours.status
    );
    for bad in [
        "SyntaxError",
        "leak check",
        "Fatal Python error",
        "internal",
    ] {
        assert!(!stderr.contains(bad), "{stderr}\n{source}");
    }
    if let Some(theirs) = run("python3", &[], &path) {
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "stdout differs from python3's for:\n{source}"
        );
        assert_eq!(ours.status.code(), theirs.status.code(), "{source}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_programs_run_like_python3(data in prop::collection::vec(any::<u8>(), 16..3000)) {
        let dir = std::env::temp_dir().join(format!("pyrite-gen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        check(&data, &dir);
    }
}
