//! Build script. Owns two steps:
//!
//! 1. The parser: `grammar/python.lalrpop` → `$OUT_DIR/python.rs` (table-driven LR(1)
//!    parser), which `src/syntax/parser.rs` includes with `lalrpop_mod!`.
//! 2. The start-up layout of the `pyrite` binary on Linux/glibc: the functions every
//!    run executes (listed in `src/startup_functions.txt`) are placed together at the
//!    front of the text, and relative relocations are packed (DT_RELR). The kernel maps
//!    an executable's pages in 64 KiB "fault-around" windows, so a start-up path spread
//!    over the whole binary would make nearly all of it resident; gathered, it touches a
//!    few windows. This is what keeps `pyrite -c pass` under 4 MiB of peak RSS.
//!    `benches/startup_layout.sh` regenerates the list from a callgrind profile; a
//!    stale entry matches nothing and costs nothing but residency.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    generate_parser();
    startup_layout();
}

fn generate_parser() {
    let grammar_dir = "grammar";
    println!("cargo:rerun-if-changed={grammar_dir}/python.lalrpop");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    lalrpop::Configuration::new()
        .set_in_dir(grammar_dir)
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("generating the parser from grammar/python.lalrpop");
}

/// Write a linker script that gathers the start-up functions into one output section
/// (`.text.startup`, inserted before `.text`; every other section keeps the linker's
/// default placement) and pass it, with packed relative relocations, to the link of the
/// `pyrite` binary. Tests, benches and examples link as usual.
fn startup_layout() {
    let list = "src/startup_functions.txt";
    println!("cargo:rerun-if-changed={list}");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" || env != "gnu" {
        return;
    }
    let names = std::fs::read_to_string(list).expect("reading src/startup_functions.txt");
    let mut script = String::from("SECTIONS {\n  .text.startup : {\n");
    for name in names
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        // Each entry is a symbol name with its build-specific hash replaced by `*`, so it
        // matches every instantiation; cold functions live in `.text.unlikely.` sections.
        writeln!(script, "    *(.text.{name} .text.unlikely.{name})").expect("write to String");
    }
    script.push_str("  }\n} INSERT BEFORE .text;\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let path = std::path::Path::new(&out_dir).join("startup_layout.ld");
    std::fs::write(&path, script).expect("writing the start-up linker script");
    println!("cargo:rustc-link-arg-bin=pyrite=-Wl,-T,{}", path.display());
    println!("cargo:rustc-link-arg-bin=pyrite=-Wl,-z,pack-relative-relocs");
}
