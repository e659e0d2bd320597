//! Shared code of Pyrite's fuzz targets (see `README.md`): the structured inputs of
//! `format_spec` and `allocator`, and the program generator of `run_program`.

pub mod allocator_ops;
pub mod format_input;
pub mod program_gen;
