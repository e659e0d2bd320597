//! The parser driver: lexing, running the generated LALRPOP parser, and choosing the
//! error CPython would report.
//!
//! Owns the generated module (from `grammar/python.lalrpop`, built by `build.rs` into
//! `$OUT_DIR/python.rs`), the entry points used by `mod.rs` and `fstring.rs`, and the
//! precedence between competing errors: as in CPython, a tokenizer error anywhere in
//! the text wins over a parser error (CPython tokenizes the rest of the file after a
//! parse failure), except that a bracket left open on an earlier line than the parser
//! error wins over both; errors only the compiler would raise (deferred) come last.
//!
//! Invariant: the generated parser is table driven (no recursion), so parsing depth is
//! bounded only by memory; expression depth is bounded beforehand by the lexer.

use super::ast::{Expr, Module};
use super::builder::{ParseContext, Top};
use super::error::{Failure, Loc};
use super::lexer::{self, Lexed, Mode, Spanned};
use super::parse_error;
use super::token::Tok;
use crate::diagnostics::{LineIndex, SyntaxError};
use lalrpop_util::ParseError;
use std::cell::RefCell;

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        dead_code
    )]
    grammar,
    "/python.rs"
);

/// Runs the generated parser over `tokens` (whose first token selects the entry point).
pub fn run(ctx: &ParseContext, tokens: &[Spanned]) -> Result<Top, ParseError<usize, Tok, Failure>> {
    grammar::TopParser::new().parse(ctx, tokens.iter().cloned().map(Ok))
}

/// A whole file.
pub fn parse_module(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    let Some(index) = LineIndex::try_new(source) else {
        return Err(Failure::out_of_memory(0).resolve(filename, &LineIndex::new("")));
    };
    let lexed = lexer::lex(source, 0, source.len(), Mode::Module, super::MAX_NESTING);
    match parse_lexed(source, filename, &index, Tok::StartModule, lexed) {
        Ok(Top::Module(body)) => Ok(Module { body }),
        Ok(Top::Expression(_)) => Ok(Module { body: Vec::new() }),
        Err(failure) => Err(failure.resolve(filename, &index)),
    }
}

/// One expression (CPython's "eval" input); newlines inside it are insignificant.
pub fn parse_expression(source: &str, filename: &str) -> Result<Expr, SyntaxError> {
    let index = LineIndex::new(source);
    let lexed = lexer::lex(
        source,
        0,
        source.len(),
        Mode::Parenthesized,
        super::MAX_NESTING,
    );
    match parse_lexed(source, filename, &index, Tok::StartExpression, lexed) {
        Ok(Top::Expression(e)) => Ok(e),
        Ok(Top::Module(_)) => Err(Failure::span("invalid syntax", 0, 0).resolve(filename, &index)),
        Err(failure) => Err(failure.resolve(filename, &index)),
    }
}

/// Parses lexed text and picks the error to report.
fn parse_lexed(
    source: &str,
    filename: &str,
    index: &LineIndex,
    start: Tok,
    mut lexed: Lexed,
) -> Result<Top, Failure> {
    if let Some(err) = &lexed.error
        && matches!(
            &err.failure,
            Failure::At {
                kind: crate::diagnostics::SyntaxErrorKind::MemoryError,
                ..
            }
        )
    {
        // Out of memory: parsing what was lexed would only need more.
        return Err(err.failure.clone());
    }
    // The start token goes in front of the lexed ones, moved, not copied (a copy of
    // a huge token stream is what runs out of memory).
    let mut tokens = std::mem::take(&mut lexed.tokens);
    if tokens.try_reserve_exact(1).is_err() {
        return Err(Failure::out_of_memory(0));
    }
    let first = tokens.first().map_or(0, |t| t.0);
    tokens.insert(0, (first, start, first));
    let ctx = ParseContext {
        source,
        filename,
        tokens: &tokens,
        max_depth: super::MAX_NESTING,
        deferred: RefCell::new(None),
        fstring_field: None,
    };
    let result = run(&ctx, &tokens);
    let lex_error = lexed.error.as_ref();
    match result {
        Ok(top) => {
            if let Some(err) = lex_error {
                return Err(err.failure.clone());
            }
            if let Some(deferred) = ctx.deferred.take() {
                return Err(deferred);
            }
            Ok(top)
        }
        Err(ParseError::UnrecognizedEof { location, expected }) => {
            // The parser consumed everything the lexer produced.
            if let Some(err) = lex_error {
                return Err(err.failure.clone());
            }
            if let Some(&(bracket, at)) = lexed.open_brackets.last() {
                return Err(unclosed(bracket, at));
            }
            Err(parse_error::describe(
                &ctx,
                ParseError::UnrecognizedEof { location, expected },
            ))
        }
        Err(err) => {
            let failure = parse_error::describe(&ctx, err);
            if let Some(&(bracket, at)) = lexed.open_brackets.last()
                && failure.position(index) > index.position(at as u32).line
            {
                return Err(unclosed(bracket, at));
            }
            match lex_error {
                Some(err) if !err.reached_only => Err(err.failure.clone()),
                _ => Err(failure),
            }
        }
    }
}

fn unclosed(bracket: char, at: usize) -> Failure {
    Failure::span(format!("'{bracket}' was never closed"), at, at + 1)
}

/// Parses the expression of an f-string replacement field, `source[start..end]` of
/// the enclosing text, with real source positions. On failure the error is the one
/// CPython reports: the expression parsed again alone, wrapped in parentheses, with
/// the `f-string: ` prefix and the line of the field.
pub fn parse_fstring_expression(
    outer: &ParseContext,
    start: usize,
    end: usize,
) -> Result<Expr, Failure> {
    let lexed = lexer::lex(
        outer.source,
        start,
        end,
        Mode::Parenthesized,
        outer.max_depth,
    );
    if lexed.error.is_none() {
        let mut tokens = Vec::with_capacity(lexed.tokens.len() + 1);
        tokens.push((start, Tok::StartFString, start));
        tokens.extend(lexed.tokens);
        let ctx = ParseContext {
            source: outer.source,
            filename: outer.filename,
            tokens: &tokens,
            max_depth: outer.max_depth,
            deferred: RefCell::new(None),
            fstring_field: Some((start, end)),
        };
        if let Ok(Top::Expression(e)) = run(&ctx, &tokens) {
            if let Some(deferred) = ctx.deferred.take() {
                let mut slot = outer.deferred.borrow_mut();
                if slot.is_none() {
                    *slot = Some(deferred);
                }
            }
            return Ok(e);
        }
    }
    let text = outer.source.get(start..end).unwrap_or("");
    let wrapped = format!("({text})");
    let index = LineIndex::new(&wrapped);
    let lexed = lexer::lex(
        &wrapped,
        0,
        wrapped.len(),
        Mode::Parenthesized,
        outer.max_depth,
    );
    let failure = match parse_lexed(&wrapped, outer.filename, &index, Tok::StartFString, lexed) {
        Err(failure) => failure,
        Ok(_) => Failure::syntax("invalid syntax", Loc::Span(0, 1)),
    };
    let mut err = failure.resolve(outer.filename, &index);
    let line_offset = LineIndex::new(outer.source).position(start as u32).line - 1;
    err.lineno += line_offset;
    err.end_lineno += line_offset;
    if !err.message.starts_with("f-string") {
        err.message = format!("f-string: {}", err.message);
    }
    Err(Failure::Done(err))
}
