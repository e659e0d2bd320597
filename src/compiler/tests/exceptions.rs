//! `try` statements: code shapes and exception tables, compared with CPython 3.11's
//! `dis` output for the same source (CPython's extra `NOP` at the `try` line and its
//! duplicated `return` blocks aside).

use super::build::*;
use super::{compile_ok, find_code, names, ops};
use crate::bytecode::ExceptionEntry;

fn entry(start: u32, end: u32, target: u32, depth: u32, push_lasti: bool) -> ExceptionEntry {
    ExceptionEntry {
        start,
        end,
        target,
        depth,
        push_lasti,
    }
}

#[test]
fn try_except_as_name() {
    // try:\n    a\nexcept E as e:\n    b
    let code = compile_ok(&module(vec![try_(
        vec![expr_stmt(name("a"))],
        vec![handler(
            Some(name("E")),
            Some("e"),
            vec![expr_stmt(name("b"))],
        )],
        vec![],
        vec![],
    )]));
    assert_eq!(
        names(&code),
        [
            "LOAD_NAME",         // 1  a          [H]
            "POP_TOP",           // 2
            "JUMP_FORWARD",      // 3  -> end
            "PUSH_EXC_INFO",     // 4  H:         [C]
            "LOAD_NAME",         // 5  E
            "CHECK_EXC_MATCH",   // 6
            "POP_JUMP_IF_FALSE", // 7  -> 21
            "STORE_NAME",        // 8  e
            "LOAD_NAME",         // 9  b          [E]
            "POP_TOP",           // 10
            "POP_EXCEPT",        // 11
            "LOAD_CONST",        // 12 e = None; del e
            "STORE_NAME",        // 13
            "DELETE_NAME",       // 14
            "JUMP_FORWARD",      // 15 -> end
            "LOAD_CONST",        // 16 E:         [C]
            "STORE_NAME",        // 17
            "DELETE_NAME",       // 18
            "RERAISE",           // 19
            "RERAISE",           // 20 no match
            "COPY",              // 21 C:
            "POP_EXCEPT",        // 22
            "RERAISE",           // 23
            "LOAD_CONST",        // 24 end:
            "RETURN_VALUE",
        ]
    );
    assert_eq!(
        code.exception_table,
        [
            entry(1, 3, 4, 0, false),
            entry(4, 9, 21, 1, true),
            entry(9, 11, 16, 1, true),
            entry(16, 21, 21, 1, true),
        ]
    );
    assert_eq!(ops(&code)[3], ("JUMP_FORWARD", 24));
    assert_eq!(ops(&code)[7], ("POP_JUMP_IF_FALSE", 20));
}

#[test]
fn try_finally_runs_the_body_on_both_paths() {
    // try:\n    a\nfinally:\n    c
    let code = compile_ok(&module(vec![try_(
        vec![expr_stmt(name("a"))],
        vec![],
        vec![],
        vec![expr_stmt(name("c"))],
    )]));
    assert_eq!(
        names(&code),
        [
            "LOAD_NAME",     // 1 a     [F]
            "POP_TOP",       // 2
            "LOAD_NAME",     // 3 c (normal exit)
            "POP_TOP",       // 4
            "JUMP_FORWARD",  // 5 -> end
            "PUSH_EXC_INFO", // 6 F:    [C]
            "LOAD_NAME",     // 7 c
            "POP_TOP",       // 8
            "RERAISE",       // 9
            "COPY",          // 10 C:
            "POP_EXCEPT",
            "RERAISE",
            "LOAD_CONST",
            "RETURN_VALUE",
        ]
    );
    assert_eq!(
        code.exception_table,
        [entry(1, 3, 6, 0, false), entry(6, 10, 10, 1, true)]
    );
    assert!(code.stacksize >= 4);
}

#[test]
fn handler_depth_counts_loop_iterators() {
    // for x in y:\n    try:\n        a\n    except:\n        pass
    let code = compile_ok(&module(vec![for_(
        name("x"),
        name("y"),
        vec![try_(
            vec![expr_stmt(name("a"))],
            vec![handler(None, None, vec![pass()])],
            vec![],
            vec![],
        )],
    )]));
    let depths: Vec<(u32, bool)> = code
        .exception_table
        .iter()
        .map(|e| (e.depth, e.push_lasti))
        .collect();
    assert_eq!(depths, [(1, false), (2, true)]);
}

#[test]
fn return_inside_finally_protected_body_inlines_the_finally() {
    // def f():\n    for i in x:\n        try:\n            return i\n        finally:\n            g()
    let body = vec![for_(
        name("i"),
        name("x"),
        vec![try_(
            vec![ret(Some(name("i")))],
            vec![],
            vec![],
            vec![expr_stmt(call(name("g"), vec![]))],
        )],
    )];
    let code = compile_ok(&module(vec![def("f", params(&[]), body)]));
    let f = find_code(&code, "f");
    let n = names(f);
    // return i: value, inlined finally (call g, pop), pop the iterator under the
    // value, return.
    let start = n.iter().position(|x| *x == "LOAD_FAST").unwrap_or(0);
    assert_eq!(
        n[start..start + 9],
        [
            "LOAD_FAST",
            "PUSH_NULL",
            "LOAD_GLOBAL",
            "CALL",
            "POP_TOP",
            "SWAP",
            "POP_TOP",
            "RETURN_VALUE",
            // the exceptional copy of the finally body starts here
            "PUSH_EXC_INFO"
        ]
    );
}

#[test]
fn break_out_of_an_except_clause_pops_the_exception_state() {
    // while x:\n    try:\n        a\n    except E as e:\n        break
    let code = compile_ok(&module(vec![while_(
        name("x"),
        vec![try_(
            vec![expr_stmt(name("a"))],
            vec![handler(Some(name("E")), Some("e"), vec![brk()])],
            vec![],
            vec![],
        )],
    )]));
    let n = names(&code);
    let at = n.iter().position(|x| *x == "STORE_NAME").unwrap_or(0);
    assert_eq!(
        n[at..at + 6],
        [
            "STORE_NAME",
            "POP_EXCEPT",
            "LOAD_CONST",
            "STORE_NAME",
            "DELETE_NAME",
            "JUMP_FORWARD"
        ]
    );
}

#[test]
fn return_in_finally_swallows_the_exception() {
    // def f():\n    try:\n        g()\n    finally:\n        return 1
    let code = compile_ok(&module(vec![def(
        "f",
        params(&[]),
        vec![try_(
            vec![expr_stmt(call(name("g"), vec![]))],
            vec![],
            vec![],
            vec![ret(Some(int(1)))],
        )],
    )]));
    let f = find_code(&code, "f");
    let n = names(f);
    let at = n.iter().position(|x| *x == "PUSH_EXC_INFO").unwrap_or(0);
    assert_eq!(
        n[at..at + 5],
        [
            "PUSH_EXC_INFO",
            "POP_TOP",
            "POP_EXCEPT",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn raise_and_assert_shapes() {
    // raise X from Y\nassert t, m\nassert t
    let code = compile_ok(&module(vec![
        s(crate::syntax::ast::StmtKind::Raise {
            exc: Some(name("X")),
            cause: Some(name("Y")),
        }),
        s(crate::syntax::ast::StmtKind::Assert {
            test: name("t"),
            msg: Some(name("m")),
        }),
        s(crate::syntax::ast::StmtKind::Assert {
            test: name("t"),
            msg: None,
        }),
    ]));
    // Everything after an unconditional raise is dead code and removed.
    assert_eq!(names(&code), ["LOAD_NAME", "LOAD_NAME", "RAISE_VARARGS"]);
    let asserts = compile_ok(&module(vec![
        s(crate::syntax::ast::StmtKind::Assert {
            test: name("t"),
            msg: Some(name("m")),
        }),
        s(crate::syntax::ast::StmtKind::Assert {
            test: name("t"),
            msg: None,
        }),
    ]));
    assert_eq!(
        super::body_names(&asserts),
        [
            "LOAD_NAME",
            "POP_JUMP_IF_TRUE",
            "PUSH_NULL",
            "LOAD_ASSERTION_ERROR",
            "LOAD_NAME",
            "CALL",
            "RAISE_VARARGS",
            "LOAD_NAME",
            "POP_JUMP_IF_TRUE",
            "LOAD_ASSERTION_ERROR",
            "RAISE_VARARGS"
        ]
    );
}
