//! Test-only helpers: reading the python3-generated tables in `testdata/`
//! (tab-separated fields with `\\`, `\t`, `\n`, `\r` and `\u{HEX}` escapes)
//! and comparing results against their expected text or error.

use super::FormatError;

/// The data lines of a table (blank lines and `#` comments dropped).
pub(super) fn table(text: &str) -> Vec<&str> {
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    assert!(rows.len() >= 100, "test table has only {} rows", rows.len());
    rows
}

/// The unescaped tab-separated fields of one table line.
pub(super) fn fields(line: &str) -> Vec<String> {
    line.split('\t').map(unescape).collect()
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad escape in {field:?}");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(cp).expect("scalar value"));
            }
            other => panic!("bad escape {other:?} in {field:?}"),
        }
    }
    out
}

/// Renders a result the way the tables spell outcomes: `=text` for a value,
/// `!Kind: message` for an error.
pub(super) fn outcome<T: ToString>(result: Result<T, FormatError>) -> String {
    match result {
        Ok(value) => format!("={}", value.to_string()),
        Err(err) => {
            format!("!{}: {}", err.kind, err.message)
        }
    }
}
