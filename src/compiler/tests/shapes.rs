//! Instruction shapes of expressions and simple statements (CPython 3.11's, with
//! our call protocol).

use super::build::*;
use super::{body_names, compile_ok, find_code, ops};
use crate::bytecode::{BINOP_INPLACE, CMP_LT, Constant};
use crate::syntax::ast::{BinOpKind, BoolOpKind, CmpOpKind, UnaryOpKind};

fn body_of(stmts: Vec<crate::syntax::ast::Stmt>) -> Vec<&'static str> {
    body_names(&compile_ok(&module(stmts)))
}

#[test]
fn calls() {
    // f(a, k=b)
    let code = compile_ok(&module(vec![expr_stmt(call_kw(
        name("f"),
        vec![name("a")],
        vec![(Some("k"), name("b"))],
    ))]));
    let o = ops(&code);
    assert_eq!(
        o[1..7].iter().map(|x| x.0).collect::<Vec<_>>(),
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_NAME",
            "LOAD_NAME",
            "KW_NAMES",
            "CALL"
        ]
    );
    assert_eq!(o[6], ("CALL", 2));
    assert_eq!(
        code.consts[o[5].1 as usize],
        Constant::Tuple(vec![Constant::Str("k".into())])
    );
    // o.m(a)
    assert_eq!(
        body_of(vec![expr_stmt(call(attr(name("o"), "m"), vec![name("a")]))]),
        ["LOAD_NAME", "LOAD_METHOD", "LOAD_NAME", "CALL", "POP_TOP"]
    );
    // f(*a, **k): a lone starred argument is passed as is (python3 -m dis).
    assert_eq!(
        body_of(vec![expr_stmt(call_kw(
            name("f"),
            vec![starred(name("a"))],
            vec![(None, name("k"))]
        ))]),
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_NAME",
            "BUILD_MAP",
            "LOAD_NAME",
            "DICT_MERGE",
            "CALL_FUNCTION_EX",
            "POP_TOP"
        ]
    );
    // f(x, *a, k=1) → the keyword goes into a dict.
    let code = compile_ok(&module(vec![expr_stmt(call_kw(
        name("f"),
        vec![name("x"), starred(name("a"))],
        vec![(Some("k"), int(1))],
    ))]));
    assert_eq!(
        body_names(&code),
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_NAME",
            "BUILD_LIST",
            "LOAD_NAME",
            "LIST_EXTEND",
            "LIST_TO_TUPLE",
            "LOAD_CONST",
            "LOAD_CONST",
            "BUILD_MAP",
            "CALL_FUNCTION_EX",
            "POP_TOP"
        ]
    );
    assert!(ops(&code).contains(&("CALL_FUNCTION_EX", 1)));
    assert!(ops(&code).contains(&("BUILD_LIST", 1)));
}

#[test]
fn operators_and_comparisons() {
    // x += 1 ; a.b -= 1 ; a[i] *= 2
    let code = compile_ok(&module(vec![
        aug(name("x"), BinOpKind::Add, int(1)),
        aug(attr(name("a"), "b"), BinOpKind::Sub, int(1)),
        aug(subscript(name("a"), name("i")), BinOpKind::Mult, int(2)),
    ]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_NAME",
            "LOAD_CONST",
            "BINARY_OP",
            "STORE_NAME",
            "LOAD_NAME",
            "COPY",
            "LOAD_ATTR",
            "LOAD_CONST",
            "BINARY_OP",
            "SWAP",
            "STORE_ATTR",
            "LOAD_NAME",
            "LOAD_NAME",
            "COPY",
            "COPY",
            "BINARY_SUBSCR",
            "LOAD_CONST",
            "BINARY_OP",
            "SWAP",
            "SWAP",
            "STORE_SUBSCR"
        ]
    );
    let binops: Vec<u32> = ops(&code)
        .into_iter()
        .filter(|(n, _)| *n == "BINARY_OP")
        .map(|(_, a)| a)
        .collect();
    assert_eq!(
        binops,
        [
            BINOP_INPLACE,
            BinOpKind::Sub as u32 + BINOP_INPLACE,
            BinOpKind::Mult as u32 + BINOP_INPLACE
        ]
    );
    // a < b < c
    let code = compile_ok(&module(vec![expr_stmt(compare(
        name("a"),
        vec![(CmpOpKind::Lt, name("b")), (CmpOpKind::Lt, name("c"))],
    ))]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_NAME",
            "LOAD_NAME",
            "SWAP",
            "COPY",
            "COMPARE_OP",
            "JUMP_IF_FALSE_OR_POP",
            "LOAD_NAME",
            "COMPARE_OP",
            "JUMP_FORWARD",
            "SWAP",
            "POP_TOP",
            "POP_TOP"
        ]
    );
    assert!(ops(&code).contains(&("COMPARE_OP", CMP_LT)));
    // a in b, a is not b, not a in b
    let code = compile_ok(&module(vec![
        expr_stmt(compare(name("a"), vec![(CmpOpKind::In, name("b"))])),
        expr_stmt(compare(name("a"), vec![(CmpOpKind::IsNot, name("b"))])),
        expr_stmt(unary(
            UnaryOpKind::Not,
            compare(name("a"), vec![(CmpOpKind::In, name("b"))]),
        )),
    ]));
    let o = ops(&code);
    assert!(o.contains(&("CONTAINS_OP", 0)));
    assert!(o.contains(&("IS_OP", 1)));
    assert!(o.contains(&("CONTAINS_OP", 1)));
    assert!(!o.iter().any(|(n, _)| *n == "UNARY_NOT"));
    // a and b or c
    assert_eq!(
        body_of(vec![expr_stmt(boolop(
            BoolOpKind::Or,
            vec![
                boolop(BoolOpKind::And, vec![name("a"), name("b")]),
                name("c")
            ]
        ))]),
        [
            "LOAD_NAME",
            "JUMP_IF_FALSE_OR_POP",
            "LOAD_NAME",
            "JUMP_IF_TRUE_OR_POP",
            "LOAD_NAME",
            "POP_TOP"
        ]
    );
}

#[test]
fn constant_folding() {
    // x = -1 ; y = (1, (2, 3)) ; z = 2 ** 10 ; w = 1 / 0 ; s = "ab" * 3
    let code = compile_ok(&module(vec![
        assign(name("x"), unary(UnaryOpKind::USub, int(1))),
        assign(name("y"), tuple(vec![int(1), tuple(vec![int(2), int(3)])])),
        assign(name("z"), binop(int(2), BinOpKind::Pow, int(10))),
        assign(name("w"), binop(int(1), BinOpKind::Div, int(0))),
        assign(name("s"), binop(string("ab"), BinOpKind::Mult, int(3))),
    ]));
    assert_eq!(
        code.consts[..4],
        [
            Constant::Int((-1).into()),
            Constant::Tuple(vec![
                Constant::Int(1.into()),
                Constant::Tuple(vec![Constant::Int(2.into()), Constant::Int(3.into())])
            ]),
            Constant::Int(1024.into()),
            Constant::Int(1.into()),
        ]
    );
    // 1 / 0 is left to run time.
    assert!(ops(&code).contains(&("BINARY_OP", BinOpKind::Div as u32)));
    assert!(code.consts.contains(&Constant::Str("ababab".into())));
    // Constants are shared: 1 appears once even though used twice.
    let ones = code
        .consts
        .iter()
        .filter(|c| c.same_as(&Constant::Int(1.into())))
        .count();
    assert_eq!(ones, 1);
    // 1 and 1.0 and True stay separate.
    let code = compile_ok(&module(vec![expr_stmt(call(
        name("f"),
        vec![int(1), float(1.0), truth(true), float(-0.0), float(0.0)],
    ))]));
    assert_eq!(code.consts.len(), 6);
}

#[test]
fn displays() {
    // [a, *b] ; {a: 1, **m} ; {1: a, 2: b} ; [1, 2, 3]
    assert_eq!(
        body_of(vec![expr_stmt(list(vec![name("a"), starred(name("b"))]))]),
        [
            "LOAD_NAME",
            "BUILD_LIST",
            "LOAD_NAME",
            "LIST_EXTEND",
            "POP_TOP"
        ]
    );
    let dict = |keys: Vec<Option<crate::syntax::ast::Expr>>, values| {
        expr_stmt(e(crate::syntax::ast::ExprKind::Dict { keys, values }))
    };
    assert_eq!(
        body_of(vec![dict(
            vec![Some(name("a")), None],
            vec![int(1), name("m")]
        )]),
        [
            "LOAD_NAME",
            "LOAD_CONST",
            "BUILD_MAP",
            "LOAD_NAME",
            "DICT_UPDATE",
            "POP_TOP"
        ]
    );
    assert_eq!(
        body_of(vec![dict(
            vec![Some(int(1)), Some(int(2))],
            vec![name("a"), name("b")]
        )]),
        [
            "LOAD_NAME",
            "LOAD_NAME",
            "LOAD_CONST",
            "BUILD_CONST_KEY_MAP",
            "POP_TOP"
        ]
    );
    assert_eq!(
        body_of(vec![expr_stmt(list(vec![int(1), int(2), int(3)]))]),
        ["BUILD_LIST", "LOAD_CONST", "LIST_EXTEND", "POP_TOP"]
    );
    // x[a:b] ; x[::2] = y
    let code = compile_ok(&module(vec![
        expr_stmt(subscript(
            name("x"),
            slice(Some(name("a")), Some(name("b")), None),
        )),
        assign(
            subscript(name("x"), slice(None, None, Some(int(2)))),
            name("y"),
        ),
    ]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_NAME",
            "LOAD_NAME",
            "LOAD_NAME",
            "BUILD_SLICE",
            "BINARY_SUBSCR",
            "POP_TOP",
            "LOAD_NAME",
            "LOAD_NAME",
            "LOAD_CONST",
            "LOAD_CONST",
            "LOAD_CONST",
            "BUILD_SLICE",
            "STORE_SUBSCR"
        ]
    );
    assert!(ops(&code).contains(&("BUILD_SLICE", 3)));
}

#[test]
fn unpacking() {
    // a, *b, c = x
    let code = compile_ok(&module(vec![assign(
        tuple(vec![name("a"), starred(name("b")), name("c")]),
        name("x"),
    )]));
    assert!(ops(&code).contains(&("UNPACK_EX", 1 | (1 << 8))));
    // a, b = b, a → SWAP
    assert_eq!(
        body_of(vec![assign(
            tuple(vec![name("a"), name("b")]),
            tuple(vec![name("b"), name("a")])
        )]),
        ["LOAD_NAME", "LOAD_NAME", "SWAP", "STORE_NAME", "STORE_NAME"]
    );
    // a = b = c
    let code = compile_ok(&module(vec![s(crate::syntax::ast::StmtKind::Assign {
        targets: vec![name("a"), name("b")],
        value: name("c"),
    })]));
    assert_eq!(
        body_names(&code),
        ["LOAD_NAME", "COPY", "STORE_NAME", "STORE_NAME"]
    );
}

#[test]
fn fstrings() {
    // f"a{x!r:>{w}}b"
    let spec = fstring(vec![string(">"), formatted(name("w"), None, None)]);
    let code = compile_ok(&module(vec![expr_stmt(fstring(vec![
        string("a"),
        formatted(name("x"), Some('r'), Some(spec)),
        string("b"),
    ]))]));
    let o = ops(&code);
    assert_eq!(
        o.iter().map(|x| x.0).collect::<Vec<_>>()[1..10],
        [
            "LOAD_CONST",
            "LOAD_NAME",
            "LOAD_CONST",
            "LOAD_NAME",
            "FORMAT_VALUE",
            "BUILD_STRING",
            "FORMAT_VALUE",
            "LOAD_CONST",
            "BUILD_STRING"
        ]
    );
    assert!(o.contains(&("FORMAT_VALUE", 2 | 4)));
    assert!(o.contains(&("FORMAT_VALUE", 0)));
    assert!(o.contains(&("BUILD_STRING", 3)));
    // f"{x}" needs no join.
    assert_eq!(
        body_of(vec![expr_stmt(fstring(vec![formatted(
            name("x"),
            None,
            None
        )]))]),
        ["LOAD_NAME", "FORMAT_VALUE", "POP_TOP"]
    );
}

#[test]
fn imports() {
    // import a.b.c as d ; from m import x as y
    let code = compile_ok(&module(vec![
        import("a.b.c", Some("d")),
        import_from("m", &[("x", Some("y"))]),
        import("p.q", None),
    ]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_CONST",
            "LOAD_CONST",
            "IMPORT_NAME",
            "IMPORT_FROM",
            "SWAP",
            "POP_TOP",
            "IMPORT_FROM",
            "STORE_NAME",
            "POP_TOP",
            "LOAD_CONST",
            "LOAD_CONST",
            "IMPORT_NAME",
            "IMPORT_FROM",
            "STORE_NAME",
            "POP_TOP",
            "LOAD_CONST",
            "LOAD_CONST",
            "IMPORT_NAME",
            "STORE_NAME"
        ]
    );
    assert_eq!(
        code.names,
        ["a.b.c", "b", "c", "d", "m", "x", "y", "p.q", "p"]
    );
    assert!(
        code.consts
            .contains(&Constant::Tuple(vec![Constant::Str("x".into())]))
    );
}

#[test]
fn function_defaults_and_docstrings() {
    // def f(a=1, *, k=g()):\n    "doc"\n    return a
    let mut args = params(&["a"]);
    args.defaults = vec![int(1)];
    args.kwonlyargs = vec![arg("k")];
    args.kw_defaults = vec![Some(call(name("g"), vec![]))];
    let code = compile_ok(&module(vec![def(
        "f",
        args,
        vec![expr_stmt(string("doc")), ret(Some(name("a")))],
    )]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_CONST",
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "LOAD_CONST",
            "BUILD_CONST_KEY_MAP",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "STORE_NAME"
        ]
    );
    assert!(ops(&code).contains(&("MAKE_FUNCTION", 3)));
    let f = find_code(&code, "f");
    assert_eq!(f.consts[0], Constant::Str("doc".into()));
    // Without a docstring consts[0] is None; lambdas too.
    let code = compile_ok(&module(vec![
        def("g", params(&[]), vec![ret(Some(int(5)))]),
        expr_stmt(lambda(params(&[]), int(5))),
    ]));
    assert_eq!(find_code(&code, "g").consts[0], Constant::None);
    assert_eq!(find_code(&code, "<lambda>").consts[0], Constant::None);
    // A module docstring goes to __doc__.
    let code = compile_ok(&module(vec![expr_stmt(string("mod doc"))]));
    assert_eq!(body_names(&code), ["LOAD_CONST", "STORE_NAME"]);
    assert_eq!(code.names, ["__doc__"]);
}

#[test]
fn loops() {
    // for x in [1, 2, 3]:\n    continue
    let code = compile_ok(&module(vec![for_(
        name("x"),
        list(vec![int(1), int(2), int(3)]),
        vec![cont()],
    )]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_CONST",
            "GET_ITER",
            "FOR_ITER",
            "STORE_NAME",
            "JUMP_BACKWARD"
        ]
    );
    assert!(code.consts.contains(&Constant::Tuple(vec![
        Constant::Int(1.into()),
        Constant::Int(2.into()),
        Constant::Int(3.into())
    ])));
    // while a:\n    if b: break
    let code = compile_ok(&module(vec![while_(
        name("a"),
        vec![if_(name("b"), vec![brk()], vec![])],
    )]));
    assert_eq!(
        body_names(&code),
        [
            "LOAD_NAME",
            "POP_JUMP_IF_FALSE",
            "LOAD_NAME",
            "POP_JUMP_IF_FALSE",
            "JUMP_FORWARD",
            "JUMP_BACKWARD"
        ]
    );
}
