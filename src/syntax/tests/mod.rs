//! Tests of the whole front end: ASTs and spans against CPython's, error reports
//! against python3's, and property tests (never panic, well-formed input parses).

mod cases_ast;
mod cases_errors;
mod dump;
mod properties;

use crate::syntax::{parse, parse_expression};

#[test]
fn shapes_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases_ast::SHAPES {
        let got = dump::module(src, false);
        if got != *expected {
            failures.push(format!(
                "source: {src:?}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases_ast::SPANS {
        let got = dump::module(src, true);
        if got != *expected {
            failures.push(format!(
                "source: {src:?}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn errors_match_python3() {
    let mut failures = Vec::new();
    for (name, src, expected) in cases_errors::CASES {
        let got = match parse(src, "t.py") {
            Ok(_) => "OK".to_string(),
            Err(e) => e.to_string(),
        };
        if got != *expected {
            failures.push(format!(
                "{name}: {src:?}\n--- expected\n{expected}\n--- got\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn span_of_call_inside_return() {
    let src = "def f(data):\n    return inner(data) + 1\n";
    let module = parse(src, "t.py").unwrap();
    let crate::syntax::ast::StmtKind::FunctionDef(f) = &module.body[0].kind else {
        panic!("not a function");
    };
    let crate::syntax::ast::StmtKind::Return(Some(value)) = &f.body[0].kind else {
        panic!("not a return");
    };
    let crate::syntax::ast::ExprKind::BinOp { left, .. } = &value.kind else {
        panic!("not a binop");
    };
    let span = left.span;
    assert_eq!(&src[span.start as usize..span.end as usize], "inner(data)");
    assert_eq!(
        &src[value.span.start as usize..value.span.end as usize],
        "inner(data) + 1"
    );
}

#[test]
fn expression_entry_point() {
    let e = parse_expression("a +\n b", "<segment>").unwrap();
    let d = dump::Dump {
        src: "a +\n b",
        positions: true,
    };
    assert_eq!(
        d.expr(&e),
        "BinOp(Name('a')@1:0-1:1, Add, Name('b')@2:1-2:2)@1:0-2:2"
    );
    let err = parse_expression("a b", "<segment>").unwrap_err();
    assert_eq!(err.message, "invalid syntax");
    assert!(parse_expression("", "<segment>").is_err());
}

#[test]
fn fstring_parts_have_real_positions() {
    let src = "x = f'a{x!r:>{w}}b{{c}}'\n";
    assert_eq!(
        dump::module(src, false),
        "Assign([Name('x')], JoinedStr([Constant('a'), FormattedValue(Name('x'), 114, \
         JoinedStr([Constant('>'), FormattedValue(Name('w'), -1, None)])), Constant('b{c}')]))"
    );
    let with_positions = dump::module(src, true);
    assert!(
        with_positions.contains("Name('x')@1:8-1:9"),
        "{with_positions}"
    );
    assert!(
        with_positions.contains("Name('w')@1:14-1:15"),
        "{with_positions}"
    );
}

#[test]
fn nested_fstrings_with_every_quote() {
    let src = "x = f\'\'\'{f\"\"\"{f\'{f\"{1}\"}\'}\"\"\"}\'\'\'\n";
    assert!(parse(src, "t.py").is_ok(), "{src}");
}

#[test]
fn compiler_errors_are_deferred_until_the_file_parses() {
    // CPython reports the starred-target error only once the whole file parsed.
    let err = parse("*a = 1\nx = = 2\n", "t.py").unwrap_err();
    assert_eq!((err.lineno, err.message.as_str()), (2, "invalid syntax"));
    let err = parse("*a = 1\n", "t.py").unwrap_err();
    assert_eq!(
        err.message,
        "starred assignment target must be in a list or tuple"
    );
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let parens = format!("x = {}1{}\n", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(
        parse(&parens, "t.py").unwrap_err().message,
        "too many nested parentheses"
    );
    let ok = format!("x = {}1{}\n", "(".repeat(199), ")".repeat(199));
    assert!(parse(&ok, "t.py").is_ok());
    let chain = format!("x = {}1\n", "-".repeat(100_000));
    assert_eq!(
        parse(&chain, "t.py").unwrap_err().message,
        crate::syntax::TOO_DEEP_MESSAGE
    );
    let sum = format!("x = {}\n", vec!["1"; 100_000].join(" + "));
    assert!(parse(&sum, "t.py").is_err());
    // `and`/`or` and comparisons build flat nodes: any length parses.
    for op in [" and ", " or ", " < ", " is not ", " not in "] {
        let flat = format!("x = {}\n", vec!["a"; 100_000].join(op));
        assert!(parse(&flat, "t.py").is_ok(), "{op}");
    }
    let at_limit = format!("x = {}\n", vec!["a"; 2999].join(" + "));
    assert!(parse(&at_limit, "t.py").is_ok());
    let past = format!("x = {}\n", vec!["a"; 3000].join(" + "));
    let err = parse(&past, "t.py").unwrap_err();
    assert_eq!(
        err.kind,
        crate::diagnostics::SyntaxErrorKind::RecursionError
    );
    let long_list = format!("x = [{}]\n", vec!["a.b(c)"; 20_000].join(", "));
    assert!(parse(&long_list, "t.py").is_ok());
    let attrs = format!("x = a{}\n", ".b".repeat(500));
    assert!(parse(&attrs, "t.py").is_ok());
    for trailer in ["[0]", "()", ".b", "(x)[y]"] {
        let chain = format!("x = a{}\n", trailer.repeat(100_000));
        assert_eq!(
            parse(&chain, "t.py").unwrap_err().message,
            crate::syntax::TOO_DEEP_MESSAGE,
            "{trailer}"
        );
    }
}
