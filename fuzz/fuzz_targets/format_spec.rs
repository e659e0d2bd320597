//! (c) `format()` specs and `%`-formats on random values, driving the pure functions
//! of `pyrite::format` the way `src/builtins/types/str/formatting.rs` and the
//! `__format__` methods of int, float and str do. A panic is a finding; a
//! `FormatError` is an ordinary result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrite_fuzz::format_input::{FormatInput, run};

fuzz_target!(|input: FormatInput| run(&input));
