//! Property tests: the front end never panics, and well-formed input parses.

use crate::syntax::{parse, parse_expression};
use proptest::prelude::*;

/// Python-ish fragments: keywords, operators, brackets, layout, quotes, numbers.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "if ",
        "else",
        "elif ",
        "for ",
        " in ",
        "while ",
        "def ",
        "class ",
        "return ",
        "yield ",
        "lambda",
        "await ",
        "async ",
        "with ",
        " as ",
        "try",
        "except",
        "finally",
        "import ",
        "from ",
        "del ",
        "global ",
        "not ",
        " and ",
        " or ",
        " is ",
        "pass",
        "break",
        "None",
        "x",
        "y",
        "f",
        "_",
        "λ",
        "1",
        "0x1f",
        "1.5",
        "2j",
        "012",
        "1_0",
        "1e",
        "+",
        "-",
        "*",
        "**",
        "/",
        "//",
        "%",
        "@",
        "<<",
        ">>",
        "&",
        "|",
        "^",
        "~",
        "<",
        ">",
        "==",
        "!=",
        "<=",
        ">=",
        "=",
        "+=",
        ":=",
        "->",
        ".",
        "...",
        ",",
        ":",
        ";",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\n",
        "\n",
        "\n    ",
        "\n\t",
        "    ",
        "\\\n",
        "\\",
        "#c",
        "'",
        "\"",
        "'''",
        "\"\"\"",
        "'a'",
        "\"b\"",
        "f'",
        "f'{",
        "f\"{x}\"",
        "f'{x!r:>{w}}'",
        "b'",
        "rb'\\d'",
        "\r\n",
        "$",
        "\u{20ac}",
        "\u{a0}",
        "\0",
        "}",
        "{{",
    ])
}

fn pythonish() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..60).prop_map(|v| v.concat())
}

/// Well-formed expressions, built recursively.
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "x", "y", "1", "2.5", "3j", "'s'", "b'b'", "None", "True", "...", "f'{x}'",
    ])
    .prop_map(str::to_string);
    leaf.prop_recursive(6, 64, 4, |inner| {
        let binops = prop::sample::select(vec![
            "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "<", "==", "!=",
            " in ", " not in ", " is ", " is not ", " and ", " or ",
        ]);
        prop_oneof![
            (inner.clone(), binops, inner.clone()).prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            inner.clone().prop_map(|a| format!("(-{a})")),
            inner.clone().prop_map(|a| format!("(not {a})")),
            inner.clone().prop_map(|a| format!("({a})")),
            inner.clone().prop_map(|a| format!("[{a}, {a}]")),
            inner
                .clone()
                .prop_map(|a| format!("f({a}, k={a}, *{a}, **{a})")),
            inner.clone().prop_map(|a| format!("{a}[{a}:{a}, ::{a}]")),
            inner.clone().prop_map(|a| format!("({a}).attr")),
            inner.clone().prop_map(|a| format!("{{{a}: {a}, **{a}}}")),
            inner
                .clone()
                .prop_map(|a| format!("[{a} for x in {a} if {a}]")),
            inner.clone().prop_map(|a| format!("(lambda x, *y: {a})")),
            inner.clone().prop_map(|a| format!("(y := {a})")),
            prop::sample::select(vec!["x", "1", "y.z", "a[0]"])
                .prop_map(|v| format!("f\"{{{v}!r:>{{{v}}}}}\"")),
            (inner.clone(), inner.clone(), inner)
                .prop_map(|(a, b, c)| format!("({a} if {b} else {c})")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn never_panics_on_arbitrary_strings(src in "\\PC*") {
        let _ = parse(&src, "t.py");
        let _ = parse_expression(&src, "t.py");
    }

    #[test]
    fn never_panics_on_pythonish_text(src in pythonish()) {
        let _ = parse(&src, "t.py");
        let _ = parse_expression(&src, "t.py");
    }

    #[test]
    fn never_panics_on_nested_brackets(depth in 0usize..400, open in prop::sample::select(vec!["(", "[", "{", "f(", "-(", "x[", "f'{"])) {
        let src = format!("x = {}1{}\n", open.repeat(depth), ")".repeat(depth));
        let _ = parse(&src, "t.py");
        let src = format!("x = {}\n", open.repeat(depth));
        let _ = parse(&src, "t.py");
    }

    #[test]
    fn well_formed_expressions_parse(src in expression()) {
        prop_assert!(parse_expression(&src, "t.py").is_ok(), "{}", src);
        let stmt = format!("x = {src}\n");
        prop_assert!(parse(&stmt, "t.py").is_ok(), "{}", stmt);
    }
}
