//! (a) Arbitrary bytes → lex, parse, compile (as a module, and as an `eval`
//! expression). A panic, a stack overflow or an `internal compiler error` (a broken
//! compiler invariant reported as a SyntaxError) is a finding; any other
//! `SyntaxError` is an ordinary result.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(module) = pyrite::syntax::parse(source, "<fuzz>")
        && let Err(e) =
            pyrite::compiler::compile(&module, source, "<fuzz>", pyrite::compiler::Mode::Exec)
    {
        assert!(
            !e.message.starts_with("internal compiler error"),
            "{e} for {source:?}"
        );
    }
    let _ = pyrite::syntax::parse_expression(source, "<fuzz>");
});
