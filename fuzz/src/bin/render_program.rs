//! Prints the Python program the `run_program` target builds from a fuzz input
//! (a corpus entry or a crash file), for reproducing a finding with `pyrite` and
//! comparing with `python3`:
//!
//!     cargo run --bin render_program -- artifacts/run_program/crash-… > p.py
//!
//! With no argument, renders standard input.

use std::io::Read;

fn main() {
    let mut data = Vec::new();
    match std::env::args_os().nth(1) {
        Some(path) => data = std::fs::read(path).expect("read the input file"),
        None => {
            std::io::stdin()
                .read_to_end(&mut data)
                .expect("read standard input");
        }
    }
    print!("{}", pyrite_fuzz::program_gen::render(&data));
}
