//! Build script: generates the Python parser from the LALRPOP grammar.
//!
//! Owns one step: `grammar/python.lalrpop` → `$OUT_DIR/python.rs` (table-driven LR(1)
//! parser), which `src/syntax/parser.rs` includes with `lalrpop_mod!`. Cargo reruns it
//! only when the grammar changes.

fn main() {
    let grammar_dir = "grammar";
    println!("cargo:rerun-if-changed={grammar_dir}/python.lalrpop");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    lalrpop::Configuration::new()
        .set_in_dir(grammar_dir)
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("generating the parser from grammar/python.lalrpop");
}
