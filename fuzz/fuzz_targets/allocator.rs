//! (d) The pymalloc allocator driven by random operation sequences; see
//! `src/allocator_ops.rs` for the properties checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrite_fuzz::allocator_ops::{Ops, run};

fuzz_target!(|ops: Ops| run(&ops));
