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
            if pos.line == t.lineno && (pos.end_line > pos.line || pos.end_col > pos.col) {
                // Positions are character columns of the full line.
                let char_col = |col: u32| col as usize;
                let width = stripped.chars().count();
                let start = char_col(pos.col).saturating_sub(indent);
                // A multi-line expression is underlined to the end of its first line.
                let single_line = pos.end_line == pos.line;
                let end = if single_line {
                    char_col(pos.end_col).saturating_sub(indent).min(width)
                } else {
                    width
                };
                if end > start {
                    let segment: String = stripped.chars().skip(start).take(end - start).collect();
                    let (marks, anchored) = if single_line {
                        crate::vm::traceback::markers(&segment)
                    } else {
                        ("^".repeat(end - start), false)
                    };
                    // CPython elides the carets when they would underline the whole
                    // line and there is no operator or subscript to point at.
                    if !(start == 0 && end >= width && !anchored) {
                        s.push_str("    ");
                        s.push_str(&" ".repeat(start));
                        s.push_str(&marks);
                        s.push('\n');
                    }
                }
            }
        }
    }
    s
}

/// The caret line for an expression segment, and whether it has PEP 657 anchors:
/// `~` under the operands and `^` under the operator of a binary operation, or under
/// the brackets of a subscript (CPython 3.11's `extract_anchors_from_expr`); plain
/// `^` everywhere for anything else.
pub fn markers(segment: &str) -> (String, bool) {
    let chars: Vec<char> = segment.chars().collect();
    let n = chars.len();
    let paint = |lo: usize, hi: usize| -> String {
        (0..n)
            .map(|i| if i >= lo && i < hi { '^' } else { '~' })
            .collect()
    };
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
                let right_start = to_chars(right.span.start).min(n);
                let mut anchor = None;
                let mut i = left_end;
                while i < right_start {
                    if chars[i].is_whitespace() {
                        i += 1;
                        continue;
                    }
                    let two = i + 1 < right_start && !chars[i + 1].is_whitespace();
                    anchor = Some((i, if two { i + 2 } else { i + 1 }));
                    // Past a closing parenthesis of the left operand.
                    if i + 1 < right_start && chars[i] == ')' {
                        i += 1;
                        continue;
                    }
                    break;
                }
                if let Some((lo, hi)) = anchor {
                    return (paint(lo, hi), true);
                }
            }
            ExprKind::Subscript { value, slice, .. } => {
                let mut lo = to_chars(value.span.end);
                while lo < n && chars[lo] != '[' {
                    lo += 1;
                }
                let mut hi = to_chars(slice.span.end) + 1;
                while hi < n && chars[hi] != ']' {
                    hi += 1;
                }
                if hi < n {
                    hi += 1;
                }
                return (paint(lo, hi.min(n)), true);
            }
            _ => {}
        }
    }
    ("^".repeat(n), false)
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
    // A class's `__module__` lives in its namespace and may be reassigned.
    let module = vm
        .getattr_str(&exc.type_ref(), "__module__")
        .ok()
        .and_then(|m| crate::object::str::as_str(&m).map(str::to_string))
        .unwrap_or_else(|| ty.module.to_string());
    let name = if module == "builtins" || module == "__main__" {
        qual
    } else {
        format!("{module}.{qual}")
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
