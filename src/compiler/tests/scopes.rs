//! Scopes: locals layout, cells, free variables, qualnames, flags and the name
//! instructions chosen for each scope.

use super::build::*;
use super::{compile_ok, find_code, names, ops};
use crate::bytecode::{flags, kinds};
use crate::syntax::ast::{Arguments, BinOpKind};

/// `def f(a, b):\n    def g():\n        return a + c\n    c = 1\n    return g`
fn closure_module() -> crate::syntax::ast::Module {
    module(vec![def(
        "f",
        params(&["a", "b"]),
        vec![
            def(
                "g",
                params(&[]),
                vec![ret(Some(binop(name("a"), BinOpKind::Add, name("c"))))],
            ),
            assign(name("c"), int(1)),
            ret(Some(name("g"))),
        ],
    )])
}

#[test]
fn cells_that_are_arguments_share_the_argument_slot() {
    let code = compile_ok(&closure_module());
    let f = find_code(&code, "f");
    // CPython: co_varnames ('a', 'b', 'g'), co_cellvars ('a', 'c').
    assert_eq!(f.localsplus_names, ["a", "b", "g", "c"]);
    assert_eq!(
        f.localsplus_kinds,
        [
            kinds::LOCAL | kinds::CELL,
            kinds::LOCAL,
            kinds::LOCAL,
            kinds::CELL
        ]
    );
    assert_eq!((f.nlocals(), f.ncells(), f.nfree()), (3, 1, 0));
    let prologue: Vec<_> = ops(f).into_iter().take(3).collect();
    assert_eq!(
        prologue,
        [("MAKE_CELL", 0), ("MAKE_CELL", 3), ("RESUME", 0)]
    );
    // The closure is built from the cells in g's free-variable order.
    let body = ops(f);
    let closure: Vec<_> = body
        .iter()
        .skip_while(|(n, _)| *n != "LOAD_CLOSURE")
        .take(5)
        .copied()
        .collect();
    assert_eq!(closure[..2], [("LOAD_CLOSURE", 0), ("LOAD_CLOSURE", 3)]);
    assert_eq!(closure[2], ("BUILD_TUPLE", 2));
    assert_eq!(closure[4], ("MAKE_FUNCTION", 8));
    assert!(body.contains(&("STORE_DEREF", 3)));
    assert!(body.contains(&("STORE_FAST", 2)));
}

#[test]
fn free_variables_come_last_and_sorted() {
    let code = compile_ok(&closure_module());
    let g = find_code(&code, "g");
    assert_eq!(g.localsplus_names, ["a", "c"]);
    assert_eq!(g.localsplus_kinds, [kinds::FREE, kinds::FREE]);
    assert_eq!(
        ops(g)[..3],
        [("COPY_FREE_VARS", 2), ("RESUME", 0), ("LOAD_DEREF", 0)]
    );
    assert_eq!(g.qualname, "f.<locals>.g");
    assert_eq!(g.flags, flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED);
    assert_eq!(
        find_code(&code, "f").flags,
        flags::OPTIMIZED | flags::NEWLOCALS
    );
}

#[test]
fn parameters_come_first_in_signature_order() {
    // def f(p, /, a, *args, k, **kw): x = 1
    let args = Arguments {
        posonlyargs: vec![arg("p")],
        args: vec![arg("a")],
        vararg: Some(arg("args")),
        kwonlyargs: vec![arg("k")],
        kw_defaults: vec![None],
        kwarg: Some(arg("kw")),
        defaults: vec![],
    };
    let code = compile_ok(&module(vec![def(
        "f",
        args,
        vec![assign(name("x"), int(1))],
    )]));
    let f = find_code(&code, "f");
    assert_eq!(f.localsplus_names, ["p", "a", "k", "args", "kw", "x"]);
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 1));
    assert_eq!(f.total_args(), 5);
    assert_eq!(
        f.flags,
        flags::OPTIMIZED | flags::NEWLOCALS | flags::VARARGS | flags::VARKEYWORDS
    );
}

#[test]
fn methods_using_super_capture_the_class_cell() {
    // class C:\n    def m(self):\n        return super().m()
    let m = def(
        "m",
        params(&["self"]),
        vec![ret(Some(call(
            attr(call(name("super"), vec![]), "m"),
            vec![],
        )))],
    );
    let code = compile_ok(&module(vec![class("C", vec![], vec![m])]));
    let c = find_code(&code, "C");
    assert_eq!(c.localsplus_names, ["__class__"]);
    assert_eq!(c.localsplus_kinds, [kinds::CELL]);
    let tail: Vec<_> = names(c).into_iter().rev().take(4).collect();
    assert_eq!(tail, ["RETURN_VALUE", "STORE_NAME", "COPY", "LOAD_CLOSURE"]);
    assert_eq!(
        names(c)[..4],
        ["LOAD_NAME", "STORE_NAME", "LOAD_CONST", "STORE_NAME"]
    );
    assert_eq!(
        c.names[..3],
        [
            "__name__".to_string(),
            "__module__".into(),
            "__qualname__".into()
        ]
    );
    let m = find_code(&code, "m");
    assert_eq!(m.qualname, "C.m");
    assert_eq!(m.localsplus_names, ["self", "__class__"]);
    assert_eq!(m.localsplus_kinds, [kinds::LOCAL, kinds::FREE]);
    assert!(ops(m).contains(&("LOAD_GLOBAL", 0)));
}

#[test]
fn class_without_super_returns_none() {
    let m = def("m", params(&["self"]), vec![ret(Some(name("self")))]);
    let code = compile_ok(&module(vec![class("C", vec![], vec![m])]));
    let c = find_code(&code, "C");
    assert!(c.localsplus_names.is_empty());
    let n = names(c);
    assert_eq!(n[n.len() - 2..], ["LOAD_CONST", "RETURN_VALUE"]);
    // The class is built with PUSH_NULL, LOAD_BUILD_CLASS, the body function, the name.
    assert_eq!(
        names(&code)[..6],
        [
            "PUSH_NULL",
            "LOAD_BUILD_CLASS",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_CONST",
            "CALL"
        ]
    );
    assert!(ops(&code).contains(&("CALL", 2)));
}

#[test]
fn class_bodies_read_enclosing_function_variables_with_classderef() {
    // def f():\n    x = 1\n    class C:\n        y = x
    let code = compile_ok(&module(vec![def(
        "f",
        params(&[]),
        vec![
            assign(name("x"), int(1)),
            class("C", vec![], vec![assign(name("y"), name("x"))]),
        ],
    )]));
    let c = find_code(&code, "C");
    assert_eq!(c.qualname, "f.<locals>.C");
    assert_eq!(c.localsplus_names, ["x"]);
    assert!(names(c).contains(&"LOAD_CLASSDEREF"));
    // CPython: co_varnames ('C',), co_cellvars ('x',).
    let f = find_code(&code, "f");
    assert_eq!(f.localsplus_names, ["C", "x"]);
    assert_eq!(f.localsplus_kinds, [kinds::LOCAL, kinds::CELL]);
}

#[test]
fn global_and_nonlocal_pick_the_right_instructions() {
    // def f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n        n = g
    let code = compile_ok(&module(vec![def(
        "f",
        params(&[]),
        vec![
            global(&["g"]),
            assign(name("g"), int(1)),
            assign(name("n"), int(0)),
            def(
                "h",
                params(&[]),
                vec![nonlocal(&["n"]), assign(name("n"), name("g"))],
            ),
        ],
    )]));
    let f = find_code(&code, "f");
    assert!(names(f).contains(&"STORE_GLOBAL"));
    let h = find_code(&code, "h");
    assert_eq!(names(h)[..2], ["LOAD_GLOBAL", "STORE_DEREF"]);
}

#[test]
fn a_global_declaration_anywhere_makes_the_module_use_global_ops() {
    // def f():\n    global x\nx = 1\nprint(x)
    let code = compile_ok(&module(vec![
        def("f", params(&[]), vec![global(&["x"])]),
        assign(name("x"), int(1)),
        expr_stmt(call(name("print"), vec![name("x")])),
    ]));
    let n = names(&code);
    assert!(n.contains(&"STORE_GLOBAL"));
    assert!(n.contains(&"LOAD_GLOBAL"));
    assert!(n.contains(&"LOAD_NAME"));
}

#[test]
fn comprehensions_are_functions_taking_dot_zero() {
    // def f(xs):\n    return [x * k for x in xs]   (k global)
    let lc = listcomp(
        binop(name("x"), BinOpKind::Mult, name("k")),
        vec![comp(name("x"), name("xs"), vec![])],
    );
    let code = compile_ok(&module(vec![def(
        "f",
        params(&["xs"]),
        vec![ret(Some(lc))],
    )]));
    let lc = find_code(&code, "<listcomp>");
    assert_eq!(lc.qualname, "f.<locals>.<listcomp>");
    assert_eq!(lc.localsplus_names, [".0", "x"]);
    assert_eq!(lc.argcount, 1);
    assert_eq!(
        names(lc),
        [
            "BUILD_LIST",
            "LOAD_FAST",
            "FOR_ITER",
            "STORE_FAST",
            "LOAD_FAST",
            "LOAD_GLOBAL",
            "BINARY_OP",
            "LIST_APPEND",
            "JUMP_BACKWARD",
            "RETURN_VALUE"
        ]
    );
    assert!(ops(lc).contains(&("LIST_APPEND", 2)));
    let f = find_code(&code, "f");
    assert_eq!(
        names(f),
        [
            "PUSH_NULL",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_FAST",
            "GET_ITER",
            "CALL",
            "RETURN_VALUE"
        ]
    );
    assert!(ops(f).contains(&("CALL", 1)));
}

#[test]
fn walrus_in_a_comprehension_binds_in_the_enclosing_function() {
    // def f(xs):\n    [y := x for x in xs]\n    return y
    let lc = listcomp(
        walrus("y", name("x")),
        vec![comp(name("x"), name("xs"), vec![])],
    );
    let code = compile_ok(&module(vec![def(
        "f",
        params(&["xs"]),
        vec![expr_stmt(lc), ret(Some(name("y")))],
    )]));
    let f = find_code(&code, "f");
    assert_eq!(f.localsplus_names, ["xs", "y"]);
    assert_eq!(f.localsplus_kinds, [kinds::LOCAL, kinds::CELL]);
    let inner = find_code(&code, "<listcomp>");
    assert!(names(inner).contains(&"STORE_DEREF"));
    assert!(inner.localsplus_names.contains(&"y".to_string()));
}

#[test]
fn nested_comprehension_list_append_depth_counts_iterators() {
    // [x for a in b for x in a]
    let lc = listcomp(
        name("x"),
        vec![
            comp(name("a"), name("b"), vec![]),
            comp(name("x"), name("a"), vec![]),
        ],
    );
    let code = compile_ok(&module(vec![expr_stmt(lc)]));
    let inner = find_code(&code, "<listcomp>");
    assert!(ops(inner).contains(&("LIST_APPEND", 3)));
    assert_eq!(inner.qualname, "<listcomp>");
}

#[test]
fn qualnames_follow_cpython() {
    // def outer():\n    def inner(): pass\n    return lambda: 0
    // class K:\n    def m(self):\n        return lambda: 0
    let code = compile_ok(&module(vec![
        def(
            "outer",
            params(&[]),
            vec![
                def("inner", params(&[]), vec![pass()]),
                ret(Some(lambda(params(&[]), int(0)))),
            ],
        ),
        class(
            "K",
            vec![],
            vec![def(
                "m",
                params(&["self"]),
                vec![ret(Some(lambda(params(&[]), int(0))))],
            )],
        ),
    ]));
    assert_eq!(find_code(&code, "inner").qualname, "outer.<locals>.inner");
    let outer = find_code(&code, "outer");
    let lam = find_code(outer, "<lambda>");
    assert_eq!(lam.qualname, "outer.<locals>.<lambda>");
    let m = find_code(&code, "m");
    assert_eq!(find_code(m, "<lambda>").qualname, "K.m.<locals>.<lambda>");
}

#[test]
fn private_names_are_mangled_in_classes() {
    // class C:\n    __x = 1\n    def m(self):\n        return self.__x
    let code = compile_ok(&module(vec![class(
        "C",
        vec![],
        vec![
            assign(name("__x"), int(1)),
            def(
                "m",
                params(&["self"]),
                vec![ret(Some(attr(name("self"), "__x")))],
            ),
        ],
    )]));
    assert!(find_code(&code, "C").names.contains(&"_C__x".to_string()));
    assert_eq!(find_code(&code, "m").names, ["_C__x"]);
}

#[test]
fn deleting_and_reading_locals() {
    // def f():\n    x = 1\n    del x\n    return x
    let code = compile_ok(&module(vec![def(
        "f",
        params(&[]),
        vec![
            assign(name("x"), int(1)),
            s(crate::syntax::ast::StmtKind::Delete(vec![name("x")])),
            ret(Some(name("x"))),
        ],
    )]));
    assert_eq!(
        ops(find_code(&code, "f"))[1..],
        [
            ("LOAD_CONST", 1),
            ("STORE_FAST", 0),
            ("DELETE_FAST", 0),
            ("LOAD_FAST", 0),
            ("RETURN_VALUE", 0)
        ]
    );
}
