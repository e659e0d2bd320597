//! (a) Arbitrary bytes → decode, lex, parse, compile. Valid UTF-8 goes straight to
//! `syntax::parse` + `compiler::compile` (and `syntax::parse_expression`); any bytes
//! also go through `syntax::source::decode` (BOM, PEP 263 declarations, NUL bytes,
//! newlines) first, as the `pyrite` binary reads a file. A panic, a stack overflow or
//! an `internal compiler error` (a broken compiler invariant reported as a
//! SyntaxError) is a finding; any other `SyntaxError` is an ordinary result.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn parse_and_compile(source: &str) {
    if let Ok(module) = pyrite::syntax::parse(source, "<fuzz>")
        && let Err(e) =
            pyrite::compiler::compile(&module, source, "<fuzz>", pyrite::compiler::Mode::Exec)
    {
        assert!(
            !e.message.starts_with("internal compiler error"),
            "{e} for {source:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let raw = std::str::from_utf8(data).ok();
    if let Some(source) = raw {
        parse_and_compile(source);
        let _ = pyrite::syntax::parse_expression(source, "<fuzz>");
    }
    if let Ok(decoded) = pyrite::syntax::source::decode(data, "<fuzz>")
        && raw != Some(decoded.as_str())
    {
        parse_and_compile(&decoded);
    }
});
