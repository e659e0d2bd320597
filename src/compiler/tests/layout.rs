//! Assembly: stack depth, `EXTENDED_ARG` prefixes, jump encoding, dead code,
//! positions, and the nesting limit.

use super::build::*;
use super::{compile_err, compile_ok, compile_src, find_code, ops};
use crate::bytecode::{Constant, Opcode, SourcePos};
use crate::compiler::RECURSION_MESSAGE;
use crate::syntax::ast::{BinOpKind, Stmt};

#[test]
fn stack_depth_of_expressions() {
    // x = a + b * c  → a, b, c on the stack at once.
    let code = compile_ok(&module(vec![assign(
        name("x"),
        binop(
            name("a"),
            BinOpKind::Add,
            binop(name("b"), BinOpKind::Mult, name("c")),
        ),
    )]));
    assert_eq!(code.stacksize, 3);
    // f(a, b, c) → null, f, a, b, c.
    let code = compile_ok(&module(vec![expr_stmt(call(
        name("f"),
        vec![name("a"), name("b"), name("c")],
    ))]));
    assert_eq!(code.stacksize, 5);
    // [a, b] → 2.
    let code = compile_ok(&module(vec![expr_stmt(list(vec![name("a"), name("b")]))]));
    assert_eq!(code.stacksize, 2);
    // Module with only `pass`: LOAD_CONST None.
    assert_eq!(compile_ok(&module(vec![pass()])).stacksize, 1);
}

#[test]
fn many_constants_use_extended_arg() {
    // x = [0, 1, ..., 299] with distinct non-foldable items: f(0), f(1)…
    // Simpler: 300 assignments of distinct constants.
    let body: Vec<Stmt> = (0..300).map(|i| assign(name("x"), int(1000 + i))).collect();
    let code = compile_ok(&module(body));
    assert_eq!(code.consts.len(), 301);
    let i = code
        .code
        .iter()
        .position(|u| u.op == Opcode::EXTENDED_ARG)
        .expect("an EXTENDED_ARG prefix");
    assert_eq!(code.code[i + 1].op, Opcode::LOAD_CONST);
    assert_eq!(code.full_arg(i + 1), 256);
    assert_eq!(code.code[i].arg, 1);
    assert_eq!(code.code[i + 1].arg, 0);
    // Every prefixed instruction decodes to its constant.
    let loaded: Vec<u32> = ops(&code)
        .into_iter()
        .filter(|(n, _)| *n == "LOAD_CONST")
        .map(|(_, a)| a)
        .collect();
    assert_eq!(loaded[..300], (0..300).collect::<Vec<u32>>()[..]);
    // Positions stay parallel to code units.
    assert_eq!(code.positions.len(), code.code.len());
}

#[test]
fn long_jumps_use_extended_arg_and_absolute_targets() {
    // if c:\n    <300 statements>\nx = 1
    let body: Vec<Stmt> = (0..300)
        .map(|_| expr_stmt(call(name("f"), vec![])))
        .collect();
    let code = compile_ok(&module(vec![
        if_(name("c"), body, vec![]),
        assign(name("x"), int(1)),
    ]));
    let jump = code
        .code
        .iter()
        .position(|u| u.op == Opcode::POP_JUMP_IF_FALSE)
        .expect("a conditional jump");
    assert_eq!(code.code[jump - 1].op, Opcode::EXTENDED_ARG);
    let target = code.full_arg(jump) as usize;
    assert!(target > 255);
    // The target is the first unit of `x = 1`.
    assert_eq!(code.code[target].op, Opcode::LOAD_CONST);
    assert_eq!(
        code.consts[code.code[target].arg as usize],
        Constant::Int(1.into())
    );
    // A backward jump over a long loop body.
    let body: Vec<Stmt> = (0..300)
        .map(|_| expr_stmt(call(name("f"), vec![])))
        .collect();
    let code = compile_ok(&module(vec![while_(name("c"), body)]));
    let back = code
        .code
        .iter()
        .position(|u| u.op == Opcode::JUMP_BACKWARD)
        .expect("a backward jump");
    assert_eq!(code.full_arg(back), 1);
    assert_eq!(code.code[1].op, Opcode::LOAD_NAME);
}

#[test]
fn jump_targets_point_at_the_first_prefix() {
    // x0 = 0 … x259 = 0, then `while y: pass`: the loop starts with LOAD_NAME 260,
    // which needs a prefix, and the backward jump must land on that prefix.
    let mut body: Vec<Stmt> = (0..260)
        .map(|i| assign(name(&format!("x{i}")), int(0)))
        .collect();
    body.push(while_(name("y"), vec![pass()]));
    let code = compile_ok(&module(body));
    let back = code
        .code
        .iter()
        .position(|u| u.op == Opcode::JUMP_BACKWARD)
        .expect("a backward jump");
    let target = code.full_arg(back) as usize;
    assert_eq!(code.code[target].op, Opcode::EXTENDED_ARG);
    assert_eq!(code.code[target + 1].op, Opcode::LOAD_NAME);
    assert_eq!(code.full_arg(target + 1), 260);
}

#[test]
fn unreachable_code_is_removed() {
    // def f():\n    return 1\n    g()
    let code = compile_ok(&module(vec![def(
        "f",
        params(&[]),
        vec![ret(Some(int(1))), expr_stmt(call(name("g"), vec![]))],
    )]));
    let f = find_code(&code, "f");
    assert_eq!(
        ops(f),
        [("RESUME", 0), ("LOAD_CONST", 1), ("RETURN_VALUE", 0)]
    );
    // `while True:` needs no test, and the code after the loop is unreachable.
    let code = compile_ok(&module(vec![while_(truth(true), vec![pass()])]));
    assert_eq!(ops(&code), [("RESUME", 0), ("JUMP_BACKWARD", 1)]);
}

#[test]
fn positions_come_from_spans() {
    let src = Src("x = 1\nif y:\n    z = f(x)\n");
    let call_expr = at_e(
        src.span("f(x)", 0),
        crate::syntax::ast::ExprKind::Call {
            func: Box::new(at_e(
                src.span("f", 0),
                crate::syntax::ast::ExprKind::Name("f".into()),
            )),
            args: vec![at_e(
                src.span("x", 1),
                crate::syntax::ast::ExprKind::Name("x".into()),
            )],
            keywords: vec![],
        },
    );
    let m = module(vec![
        at_s(
            src.span("x = 1", 0),
            crate::syntax::ast::StmtKind::Assign {
                targets: vec![at_e(
                    src.span("x", 0),
                    crate::syntax::ast::ExprKind::Name("x".into()),
                )],
                value: at_e(
                    src.span("1", 0),
                    crate::syntax::ast::ExprKind::Constant(crate::syntax::ast::Constant::Int(
                        1.into(),
                    )),
                ),
            },
        ),
        at_s(
            src.span("if y:\n    z = f(x)", 0),
            crate::syntax::ast::StmtKind::If {
                test: at_e(
                    src.span("y", 0),
                    crate::syntax::ast::ExprKind::Name("y".into()),
                ),
                body: vec![at_s(
                    src.span("z = f(x)", 0),
                    crate::syntax::ast::StmtKind::Assign {
                        targets: vec![at_e(
                            src.span("z", 0),
                            crate::syntax::ast::ExprKind::Name("z".into()),
                        )],
                        value: call_expr,
                    },
                )],
                orelse: vec![],
            },
        ),
    ]);
    let code = compile_src(&m, src.0);
    let pos_of = |op: Opcode| {
        let i = code
            .code
            .iter()
            .position(|u| u.op == op)
            .expect("instruction");
        code.positions[i]
    };
    assert_eq!(pos_of(Opcode::RESUME).line, 0);
    assert_eq!(
        pos_of(Opcode::CALL),
        SourcePos {
            line: 3,
            end_line: 3,
            col: 8,
            end_col: 12
        }
    );
    assert_eq!(
        pos_of(Opcode::STORE_NAME),
        SourcePos {
            line: 1,
            end_line: 1,
            col: 0,
            end_col: 1
        }
    );
    assert_eq!(pos_of(Opcode::POP_JUMP_IF_FALSE).line, 2);
    assert_eq!(code.first_line, 1);
}

#[test]
fn first_line_of_a_decorated_function_is_the_decorator() {
    let src = Src("@d\ndef f():\n    pass\n");
    let decorated = at_s(
        src.span("def f():\n    pass", 0),
        crate::syntax::ast::StmtKind::FunctionDef(Box::new(crate::syntax::ast::FunctionDef {
            name: "f".into(),
            args: params(&[]),
            body: vec![at_s(
                src.span("pass", 0),
                crate::syntax::ast::StmtKind::Pass,
            )],
            decorators: vec![at_e(
                src.span("d", 0),
                crate::syntax::ast::ExprKind::Name("d".into()),
            )],
            returns: None,
            is_async: false,
        })),
    );
    let code = compile_src(&module(vec![decorated]), src.0);
    let f = find_code(&code, "f");
    assert_eq!(f.first_line, 1);
    assert_eq!(f.positions[0].line, 1);
    assert_eq!(
        super::names(&code),
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "CALL",
            "STORE_NAME",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    assert!(ops(&code).contains(&("CALL", 1)));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let mut e = name("a");
    for _ in 0..100_000 {
        e = unary(crate::syntax::ast::UnaryOpKind::USub, e);
    }
    let m = module(vec![expr_stmt(e)]);
    let err = compile_err(&m, "");
    assert_eq!(err.message, RECURSION_MESSAGE);
    assert_eq!(
        err.kind,
        crate::diagnostics::SyntaxErrorKind::RecursionError
    );
    assert_eq!(
        err.to_string(),
        format!("RecursionError: {RECURSION_MESSAGE}")
    );
    // Dropping a deep AST recurses too; leak it rather than overflow the stack.
    std::mem::forget(m);
}

#[test]
fn nesting_up_to_the_limit_compiles_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let mut e = name("a");
            for _ in 0..crate::compiler::codegen::MAX_DEPTH - 2 {
                e = binop(e, BinOpKind::Add, name("a"));
            }
            let m = module(vec![assign(name("x"), e)]);
            let code = compile_ok(&m);
            std::mem::forget(m);
            code.stacksize
        })
        .expect("spawn");
    assert_eq!(handle.join().expect("no overflow"), 2);
}
