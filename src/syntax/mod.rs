//! The front end: Python source text to the AST of [`ast`], or a CPython-style
//! [`SyntaxError`].
//!
//! Owns the public boundary of the syntax layer: [`parse`] for files and
//! [`parse_expression`] for single expressions (traceback markers, f-string parts).
//! Inside: `scan` (logos raw tokens and literal scanning) → `lexer` (indentation,
//! brackets, NEWLINE/INDENT/DEDENT) → `parser` (the generated LALRPOP parser from
//! `grammar/python.lalrpop`, with `builder`, `targets`, `strings`, `fstring` for the
//! actions) → `parse_error`/`token_view`/`error` (CPython's messages and positions).
//!
//! Invariants: these functions never panic and never overflow the stack, whatever the
//! input (bracket nesting is capped at 200 as in CPython, and expression nesting by
//! [`MAX_NESTING`]); every AST node carries the byte span CPython would give it.

pub mod ast;
mod builder;
pub mod error;
mod fstring;
mod lexer;
mod nesting;
mod parse_error;
mod parser;
mod scan;
pub mod source;
mod strings;
mod targets;
pub mod token;
mod token_view;
mod unicode_names;

#[cfg(test)]
mod tests;

use crate::diagnostics::SyntaxError;

/// Bound on the estimated expression nesting of one logical line (an upper bound on
/// the depth of its expression trees, so that the recursive passes after parsing —
/// dropping, compiling — stay within a known stack depth). CPython 3.11's compiler,
/// compiling a file, accepts 2,998 levels below a module-level statement
/// (`y = x + x + …` with 2,999 terms) and raises `RecursionError: maximum recursion
/// depth exceeded during compilation` past that.
pub const MAX_NESTING: u32 = 2998;

/// The message reported past [`MAX_NESTING`] (as a `RecursionError`).
pub const TOO_DEEP_MESSAGE: &str = "maximum recursion depth exceeded during compilation";

/// Parses a whole file.
pub fn parse(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    parser::parse_module(source, filename)
}

/// Parses one expression (CPython's `eval` input, with newlines allowed as inside
/// parentheses).
pub fn parse_expression(source: &str, filename: &str) -> Result<ast::Expr, SyntaxError> {
    parser::parse_expression(source, filename)
}
