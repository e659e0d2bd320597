//! The `parse_compile` fuzz target (see `fuzz/README.md`) as a property test that runs
//! in `cargo test`: random byte strings (through the source decoder) and random token
//! soup (Python keywords, operators, literals, brackets, newlines and indentation) go
//! through the lexer, the parser and the compiler. Any input may be a `SyntaxError`; none may panic, and none
//! may reach an `internal compiler error`.

use proptest::prelude::*;

fn parse_and_compile(source: &str) {
    if let Ok(module) = pyrite::syntax::parse(source, "<prop>")
        && let Err(e) =
            pyrite::compiler::compile(&module, source, "<prop>", pyrite::compiler::Mode::Exec)
    {
        assert!(
            !e.message.starts_with("internal compiler error"),
            "{e} for {source:?}"
        );
    }
    let _ = pyrite::syntax::parse_expression(source, "<prop>");
}

const TOKENS: &[&str] = &[
    // keywords and soft keywords
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "match",
    "case",
    "_",
    "print",
    "self",
    "super",
    // names
    "x",
    "y",
    "f",
    "C",
    "__init__",
    "__class__",
    "é",
    // operators and delimiters
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "@",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    ":=",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    ";",
    "=",
    "->",
    "+=",
    "-=",
    "*=",
    "/=",
    "//=",
    "%=",
    "**=",
    "&=",
    "|=",
    "^=",
    ">>=",
    "<<=",
    "...",
    "!",
    "\\",
    "#c",
    "$",
    "?",
    // literals
    "0",
    "1",
    "42",
    "0x1f",
    "0o17",
    "0b101",
    "1_000",
    "1e10",
    "1.5",
    "3j",
    ".5",
    "1e",
    "99999999999999999999999",
    "0_",
    "'s'",
    "\"d\"",
    "'''t'''",
    "r'\\d'",
    "b'b'",
    "f'{x}'",
    "f'{x!r:>{y}}'",
    "f'{'",
    "'\\N{DASH}'",
    "'\\x4'",
    "'",
    // layout
    "\n",
    "\n    ",
    "\n        ",
    "\n\t",
    "\r\n",
    " ",
    "  ",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), prop::bool::ANY), 0..60).prop_map(
        |tokens| {
            let mut s = String::new();
            for (t, space) in tokens {
                s.push_str(t);
                if space {
                    s.push(' ');
                }
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(s) = std::str::from_utf8(&bytes) {
            parse_and_compile(s);
        }
        if let Ok(s) = pyrite::syntax::source::decode(&bytes, "<prop>") {
            parse_and_compile(&s);
        }
    }

    #[test]
    fn declared_encodings_never_panic(
        coding in prop::sample::select(&["utf-8", "latin-1", "cp1252", "ascii", "bogus", "utf8"][..]),
        bom in any::<bool>(),
        body in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(b"\xef\xbb\xbf");
        }
        bytes.extend_from_slice(format!("# -*- coding: {coding} -*-\n").as_bytes());
        bytes.extend_from_slice(&body);
        if let Ok(s) = pyrite::syntax::source::decode(&bytes, "<prop>") {
            parse_and_compile(&s);
        }
    }

    #[test]
    fn random_ascii_never_panics(source in "[ -~\n\t]{0,300}") {
        parse_and_compile(&source);
    }

    #[test]
    fn token_soup_never_panics(source in token_soup()) {
        parse_and_compile(&source);
    }

    #[test]
    fn token_soup_statements_never_panic(
        lines in prop::collection::vec(token_soup(), 1..8),
        indent in prop::collection::vec(0..4usize, 8),
    ) {
        let mut source = String::new();
        for (i, line) in lines.iter().enumerate() {
            source.push_str(&"    ".repeat(indent[i % indent.len()]));
            source.push_str(line);
            source.push('\n');
        }
        parse_and_compile(&source);
    }
}
