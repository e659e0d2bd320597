//! Printing exceptions in CPython 3.11's format: the chain of causes and contexts,
//! `Traceback (most recent call last):`, one entry per frame with its source line and
//! PEP 657 caret markers, collapsed repeats, and the final `Type: message` line.

use super::Vm;
use super::unwind::traceback_entries;
use crate::object::exception::as_exception;
use crate::object::function::CodeData;
use crate::object::misc::TracebackData;
use crate::object::*;

const RECURSIVE_CUTOFF: usize = 3;

/// The full report for an uncaught exception, ending with a newline.
pub fn format_exception(vm: &mut Vm, exc: &PyRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: &PyRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.addr());
    if let Some(d) = as_exception(exc) {
        let cause = d.cause.borrow().clone();
        let context = d.context.borrow().clone();
        if let Some(c) = cause {
            if !seen.contains(&c.addr()) {
                format_chain(vm, &c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Some(c) = context
            && !d.suppress_context.get()
            && !seen.contains(&c.addr())
        {
            format_chain(vm, &c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    format_single(vm, exc, out);
}

fn format_single(vm: &mut Vm, exc: &PyRef, out: &mut String) {
    let entries = traceback_entries(exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0usize;
        for tb in &entries {
            let Some(t) = tb.downcast::<TracebackData>() else {
                continue;
            };
            let Some(code) = t.code.downcast::<CodeData>() else {
                continue;
            };
            let key = (code.code.filename.clone(), t.lineno, code.code.name.clone());
            if last.as_ref() == Some(&key) {
                count += 1;
            } else {
                flush_repeats(out, count);
                last = Some(key);
                count = 1;
            }
            if count <= RECURSIVE_CUTOFF {
                out.push_str(&format_entry(code, t));
            }
        }
        flush_repeats(out, count);
    }
    out.push_str(&exception_only(vm, exc));
    out.push('\n');
}

fn flush_repeats(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n > 1 { "s" } else { "" }
        ));
    }
}

/// `  File "f.py", line 3, in g` plus the source line and markers.
fn format_entry(code: &CodeData, t: &TracebackData) -> String {
    let co = &code.code;
    let mut s = format!(
        "  File \"{}\", line {}, in {}\n",
        co.filename, t.lineno, co.name
    );
    if let Some(line) = source_line(&co.filename, t.lineno) {
        let stripped = line.trim_start();
        let indent = line.chars().count() - stripped.chars().count();
        let stripped = stripped.trim_end();
        if !stripped.is_empty() {
            s.push_str("    ");
            s.push_str(stripped);
            s.push('\n');
            let pos = co.position(t.lasti);
            if pos.line == t.lineno && pos.end_line == pos.line && pos.end_col > pos.col {
                let start = (pos.col as usize).saturating_sub(indent);
                let end = (pos.end_col as usize).saturating_sub(indent);
                let width = stripped.chars().count();
                let whole = start == 0 && end >= width;
                if !whole && end > start {
                    let segment: String = stripped.chars().skip(start).take(end - start).collect();
                    let marks = crate::vm::traceback::markers(&segment);
                    s.push_str("    ");
                    s.push_str(&" ".repeat(start));
                    s.push_str(&marks);
                    s.push('\n');
                }
            }
        }
    }
    s
}

/// The caret line for an expression segment: `~` under the operands and `^` under the
/// operator for binary operations and subscripts (PEP 657 anchors), `^` everywhere else.
pub fn markers(segment: &str) -> String {
    let n = segment.chars().count();
    if let Ok(expr) = crate::syntax::parse_expression(segment, "<traceback>") {
        use crate::syntax::ast::ExprKind;
        let to_chars = |byte: u32| {
            segment[..(byte as usize).min(segment.len())]
                .chars()
                .count()
        };
        match &expr.kind {
            ExprKind::BinOp { left, right, .. } => {
                let left_end = to_chars(left.span.end);
                let right_start = to_chars(right.span.start);
                let between: Vec<char> = segment
                    .chars()
                    .skip(left_end)
                    .take(right_start - left_end)
                    .collect();
                let op_start = left_end
                    + between
                        .iter()
                        .take_while(|c| c.is_whitespace() || **c == ')')
                        .count();
                let op_len = between
                    .iter()
                    .skip(op_start - left_end)
                    .take_while(|c| !c.is_whitespace() && **c != '(')
                    .count()
                    .max(1);
                let mut m = String::new();
                for i in 0..n {
                    m.push(if i >= op_start && i < op_start + op_len {
                        '^'
                    } else {
                        '~'
                    });
                }
                return m;
            }
            ExprKind::Subscript { value, .. } => {
                let value_end = to_chars(value.span.end);
                let mut m = String::new();
                for i in 0..n {
                    m.push(if i >= value_end { '^' } else { '~' });
                }
                return m;
            }
            _ => {}
        }
    }
    "^".repeat(n)
}

/// Line `lineno` of a source file, read on demand (CPython's `linecache`).
fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if filename.starts_with('<') {
        return None;
    }
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines()
        .nth(lineno.checked_sub(1)? as usize)
        .map(str::to_string)
}

/// `Type: message` (or just `Type`), as `traceback.format_exception_only` prints it.
pub fn exception_only(vm: &mut Vm, exc: &PyRef) -> String {
    let ty = exc.ty();
    let qual = ty.qualname.borrow().to_string();
    let name = if ty.module == "builtins" || ty.module == "__main__" {
        qual
    } else {
        format!("{}.{}", ty.module, qual)
    };
    let mut msg = match vm.str_string(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if let Some(s) = suggestion(vm, exc) {
        msg.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// CPython 3.11's "Did you mean" for NameError (the failing frame's local names, then
/// its globals, then builtins) and AttributeError (`dir(obj)`).
fn suggestion(vm: &mut Vm, exc: &PyRef) -> Option<String> {
    use crate::object::dict::as_dict;
    use crate::vm::suggestions::best_suggestion;
    let name = crate::object::exception::member(exc, "name")?;
    let name = crate::object::str::as_str(&name)?.to_string();
    let keys = |d: &PyRef| -> Vec<String> {
        as_dict(d)
            .map(|d| {
                d.keys()
                    .iter()
                    .filter_map(|k| crate::object::str::as_str(k).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    if exc.ty().is_subtype(&ATTRIBUTE_ERROR) {
        let obj = crate::object::exception::member(exc, "obj")?;
        let names = crate::builtins::functions::dir_names(vm, &obj).ok()?;
        return best_suggestion(&names, &name);
    }
    if exc.ty().is_subtype(&NAME_ERROR) {
        let last = traceback_entries(exc).pop()?;
        let t = last.downcast::<TracebackData>()?;
        let code = t.code.downcast::<CodeData>()?;
        let varnames: Vec<String> = code
            .localsplus_names
            .iter()
            .zip(&code.code.localsplus_kinds)
            .filter(|(_, k)| **k & crate::bytecode::kinds::LOCAL != 0)
            .map(|(n, _)| crate::object::str::str_of(n).to_string())
            .collect();
        if let Some(s) = best_suggestion(&varnames, &name) {
            return Some(s);
        }
        if let Some(g) = &t.globals
            && let Some(s) = best_suggestion(&keys(g), &name)
        {
            return Some(s);
        }
        return best_suggestion(&keys(&vm.builtins.clone()), &name);
    }
    None
}
