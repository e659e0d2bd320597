//! Unit tests of the compiler. ASTs are built by hand with the small constructors in
//! [`build`]; the tests check properties of the output (instruction shapes, locals
//! layout, exception tables, stack depth, operand encoding, errors and positions)
//! against what CPython 3.11 produces for the same source.

mod build;
mod errors;
mod exceptions;
mod layout;
mod scopes;
mod shapes;

use crate::bytecode::{CodeObject, Constant, Opcode};
use crate::compiler::{Mode, compile};
use crate::diagnostics::SyntaxError;
use crate::syntax::ast::Module;

/// Compile with an empty source text (positions are not under test).
fn compile_ok(module: &Module) -> CodeObject {
    compile_src(module, "")
}

fn compile_src(module: &Module, source: &str) -> CodeObject {
    match compile(module, source, "<test>", Mode::Exec) {
        Ok(code) => code,
        Err(e) => panic!("unexpected compile error: {e}"),
    }
}

fn compile_err(module: &Module, source: &str) -> SyntaxError {
    match compile(module, source, "<test>", Mode::Exec) {
        Ok(code) => panic!(
            "expected an error, got:\n{}",
            crate::bytecode::disassemble(&code)
        ),
        Err(e) => e,
    }
}

/// The nested code object called `name` (depth-first).
fn find_code<'c>(code: &'c CodeObject, name: &str) -> &'c CodeObject {
    fn search<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
        if code.name == name {
            return Some(code);
        }
        code.consts.iter().find_map(|c| match c {
            Constant::Code(inner) => search(inner, name),
            _ => None,
        })
    }
    search(code, name).unwrap_or_else(|| panic!("no code object {name}"))
}

/// Instructions as `(name, full operand)`, without `EXTENDED_ARG` prefixes.
fn ops(code: &CodeObject) -> Vec<(&'static str, u32)> {
    code.code
        .iter()
        .enumerate()
        .filter(|(_, u)| u.op != Opcode::EXTENDED_ARG)
        .map(|(i, u)| (u.op.name(), code.full_arg(i)))
        .collect()
}

/// Opcode names only, without `RESUME`, `EXTENDED_ARG` and the prologue.
fn names(code: &CodeObject) -> Vec<&'static str> {
    ops(code)
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| !matches!(*n, "RESUME" | "MAKE_CELL" | "COPY_FREE_VARS"))
        .collect()
}

/// The module body's instruction names, without the final `LOAD_CONST None;
/// RETURN_VALUE`.
fn body_names(code: &CodeObject) -> Vec<&'static str> {
    let mut n = names(code);
    if n.ends_with(&["LOAD_CONST", "RETURN_VALUE"]) {
        n.truncate(n.len() - 2);
    }
    n
}
