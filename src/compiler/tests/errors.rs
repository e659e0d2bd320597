//! Compile-time errors: CPython 3.11's messages and positions (`lineno`, `offset`,
//! `end_lineno`, `end_offset` as `compile()` reports them), and the messages for
//! what Pyrite does not support yet.

use super::build::*;
use super::{compile_err, compile_ok};
use crate::syntax::ast::{Arguments, Expr, ExprKind, Stmt, StmtKind};

fn name_at(src: &Src, n: &str, nth: usize) -> Expr {
    at_e(src.span(n, nth), ExprKind::Name(n.into()))
}

/// (message, lineno, offset, end_lineno, end_offset)
fn check(m: &crate::syntax::ast::Module, src: &Src, expected: (&str, u32, u32, u32, u32)) {
    let e = compile_err(m, src.0);
    assert_eq!(
        (
            e.message.as_str(),
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset
        ),
        expected
    );
    assert_eq!(e.filename, "<test>");
}

#[test]
fn return_break_continue_outside() {
    let src = Src("return 1\n");
    let m = module(vec![at_s(
        src.span("return 1", 0),
        StmtKind::Return(Some(int(1))),
    )]);
    check(&m, &src, ("'return' outside function", 1, 1, 1, 9));

    let src = Src("class C:\n    return 5\n");
    let m = module(vec![class(
        "C",
        vec![],
        vec![at_s(
            src.span("return 5", 0),
            StmtKind::Return(Some(int(5))),
        )],
    )]);
    check(&m, &src, ("'return' outside function", 2, 5, 2, 13));

    let src = Src("while 1:\n    pass\nbreak\n");
    let m = module(vec![
        while_(int(1), vec![pass()]),
        at_s(src.span("break", 0), StmtKind::Break),
    ]);
    check(&m, &src, ("'break' outside loop", 3, 1, 3, 6));

    let src = Src("def f():\n    for x in y:\n        pass\n    continue\n");
    let m = module(vec![def(
        "f",
        params(&[]),
        vec![
            for_(name("x"), name("y"), vec![pass()]),
            at_s(src.span("continue", 0), StmtKind::Continue),
        ],
    )]);
    check(&m, &src, ("'continue' not properly in loop", 4, 5, 4, 13));
}

#[test]
fn global_and_nonlocal_misuse() {
    let src = Src("def f(a):\n    global a\n");
    let m = module(vec![def(
        "f",
        params(&["a"]),
        vec![at_s(
            src.span("global a", 0),
            StmtKind::Global(vec!["a".into()]),
        )],
    )]);
    check(&m, &src, ("name 'a' is parameter and global", 2, 5, 2, 13));

    let src = Src("def f():\n    a = 1\n    global a\n");
    let m = module(vec![def(
        "f",
        params(&[]),
        vec![
            assign(name("a"), int(1)),
            at_s(src.span("global a", 0), StmtKind::Global(vec!["a".into()])),
        ],
    )]);
    check(
        &m,
        &src,
        (
            "name 'a' is assigned to before global declaration",
            3,
            5,
            3,
            13,
        ),
    );

    let src = Src("def f():\n    print(a)\n    global a\n");
    let m = module(vec![def(
        "f",
        params(&[]),
        vec![
            expr_stmt(call(name("print"), vec![name("a")])),
            at_s(src.span("global a", 0), StmtKind::Global(vec!["a".into()])),
        ],
    )]);
    check(
        &m,
        &src,
        ("name 'a' is used prior to global declaration", 3, 5, 3, 13),
    );

    let src = Src("nonlocal x\n");
    let m = module(vec![at_s(
        src.span("nonlocal x", 0),
        StmtKind::Nonlocal(vec!["x".into()]),
    )]);
    check(
        &m,
        &src,
        (
            "nonlocal declaration not allowed at module level",
            1,
            1,
            1,
            11,
        ),
    );

    let src = Src("def f():\n    nonlocal x\n");
    let m = module(vec![def(
        "f",
        params(&[]),
        vec![at_s(
            src.span("nonlocal x", 0),
            StmtKind::Nonlocal(vec!["x".into()]),
        )],
    )]);
    check(&m, &src, ("no binding for nonlocal 'x' found", 2, 5, 2, 15));
}

#[test]
fn duplicate_arguments() {
    let src = Src("def f(a, b, a): pass\n");
    let args = Arguments {
        args: vec![
            crate::syntax::ast::Arg {
                name: "a".into(),
                annotation: None,
                span: src.span("a", 0),
            },
            crate::syntax::ast::Arg {
                name: "b".into(),
                annotation: None,
                span: src.span("b", 0),
            },
            crate::syntax::ast::Arg {
                name: "a".into(),
                annotation: None,
                span: src.span("a", 1),
            },
        ],
        ..Arguments::default()
    };
    let m = module(vec![def("f", args, vec![pass()])]);
    check(
        &m,
        &src,
        (
            "duplicate argument 'a' in function definition",
            1,
            13,
            1,
            14,
        ),
    );
}

#[test]
fn misplaced_yield_await_and_star_import() {
    let src = Src("x = (yield)\n");
    let m = module(vec![assign(
        name("x"),
        at_e(src.span("yield", 0), ExprKind::Yield(None)),
    )]);
    check(&m, &src, ("'yield' outside function", 1, 6, 1, 11));

    let src = Src("await x\n");
    let m = module(vec![expr_stmt(at_e(
        src.span("await x", 0),
        ExprKind::Await(Box::new(name("x"))),
    ))]);
    check(&m, &src, ("'await' outside function", 1, 1, 1, 8));

    let src = Src("def f():\n    from m import *\n");
    let star = crate::syntax::ast::Alias {
        name: "*".into(),
        asname: None,
        span: src.span("*", 0),
    };
    let m = module(vec![def(
        "f",
        params(&[]),
        vec![s(StmtKind::ImportFrom {
            module: Some("m".into()),
            names: vec![star],
            level: 0,
        })],
    )]);
    check(
        &m,
        &src,
        ("import * only allowed at module level", 2, 19, 2, 20),
    );
}

#[test]
fn walrus_rebinding_a_comprehension_variable() {
    let src = Src("[(y := 2) for y in range(3)]\n");
    let lc = listcomp(
        e(ExprKind::NamedExpr {
            target: Box::new(name_at(&src, "y", 0)),
            value: Box::new(int(2)),
        }),
        vec![comp(
            name_at(&src, "y", 1),
            call(name("range"), vec![int(3)]),
            vec![],
        )],
    );
    check(
        &module(vec![expr_stmt(lc)]),
        &src,
        (
            "assignment expression cannot rebind comprehension iteration variable 'y'",
            1,
            3,
            1,
            4,
        ),
    );
}

#[test]
fn repeated_keyword_and_debug_assignment() {
    let src = Src("f(a=1, a=2)\n");
    let kw = |nth| crate::syntax::ast::Keyword {
        arg: Some("a".into()),
        value: int(nth as i64),
        span: src.span(if nth == 0 { "a=1" } else { "a=2" }, 0),
    };
    let m = module(vec![expr_stmt(e(ExprKind::Call {
        func: Box::new(name("f")),
        args: vec![],
        keywords: vec![kw(0), kw(1)],
    }))]);
    check(&m, &src, ("keyword argument repeated: a", 1, 8, 1, 11));

    let src = Src("__debug__ = 1\n");
    let m = module(vec![at_s(
        src.span("__debug__ = 1", 0),
        StmtKind::Assign {
            targets: vec![name_at(&src, "__debug__", 0)],
            value: int(1),
        },
    )]);
    check(&m, &src, ("cannot assign to __debug__", 1, 1, 1, 10));
}

#[test]
fn unsupported_constructs_are_reported_at_their_node() {
    let src = Src("x = (a for a in b)\n");
    let genexp = at_e(
        src.span("(a for a in b)", 0),
        ExprKind::GeneratorExp {
            elt: Box::new(name("a")),
            generators: vec![comp(name("a"), name("b"), vec![])],
        },
    );
    check(
        &module(vec![assign(name("x"), genexp)]),
        &src,
        ("generator expressions are not supported yet", 1, 5, 1, 19),
    );

    let src = Src("def f():\n    yield 1\n");
    let y = at_e(
        src.span("yield 1", 0),
        ExprKind::Yield(Some(Box::new(int(1)))),
    );
    check(
        &module(vec![def("f", params(&[]), vec![expr_stmt(y)])]),
        &src,
        ("'yield' is not supported yet", 2, 5, 2, 12),
    );

    let src = Src("with a:\n    pass\n");
    let with: Stmt = at_s(
        src.span("with a:\n    pass", 0),
        StmtKind::With {
            items: vec![crate::syntax::ast::WithItem {
                context_expr: name("a"),
                optional_vars: None,
            }],
            body: vec![pass()],
            is_async: false,
        },
    );
    check(
        &module(vec![with]),
        &src,
        ("'with' statements are not supported yet", 1, 1, 2, 9),
    );
}

#[test]
fn malformed_trees_are_errors_not_panics() {
    // A comprehension without generators, an empty BoolOp, a call as a target,
    // a compare with mismatched operands.
    let cases = vec![
        expr_stmt(listcomp(name("x"), vec![])),
        expr_stmt(boolop(crate::syntax::ast::BoolOpKind::And, vec![])),
        assign(call(name("f"), vec![]), int(1)),
        expr_stmt(e(ExprKind::Compare {
            left: Box::new(name("a")),
            ops: vec![],
            comparators: vec![name("b")],
        })),
        s(StmtKind::Raise {
            exc: None,
            cause: Some(name("x")),
        }),
        expr_stmt(starred(name("x"))),
        expr_stmt(e(ExprKind::Constant(
            crate::syntax::ast::Constant::Imaginary(1.0),
        ))),
        expr_stmt(e(ExprKind::Constant(crate::syntax::ast::Constant::Bytes(
            vec![1],
        )))),
    ];
    for case in cases {
        let m = module(vec![case]);
        let e = compile_err(&m, "");
        assert!(!e.message.is_empty());
    }
    // Still fine: an empty module.
    assert_eq!(
        super::names(&compile_ok(&module(vec![]))),
        ["LOAD_CONST", "RETURN_VALUE"]
    );
}
