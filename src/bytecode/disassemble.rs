//! A disassembler that prints a [`CodeObject`] the way `python3 -m dis` does.
//!
//! Columns: the source line (only where a new line starts), the jump-target marker
//! `>>`, the byte offset (two bytes per code unit), the opcode name, the full operand
//! (with `EXTENDED_ARG` prefixes folded in) and a parenthesised annotation: the
//! constant's repr, the name, the local's name, `to N` for jumps (N in bytes), the
//! operator symbol. The exception table follows in CPython's format (`start to end`
//! with an inclusive end offset), then, recursively, every nested code object under a
//! `Disassembly of <code object NAME at 0x0000, file "F", line N>:` header. The address
//! is always the fixed fake `0x0000` so that output is reproducible.

use super::code::CodeObject;
use super::constant::Constant;
use super::instruction::{Opcode, Operand, binop_symbol, compare_symbol};
use std::collections::HashSet;
use std::fmt::Write;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// Disassemble `code` and every code object nested in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out);
    out
}

fn disassemble_recursive(code: &CodeObject, out: &mut String) {
    disassemble_one(code, out);
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "Disassembly of <code object {} at 0x0000, file \"{}\", line {}>:",
                inner.name, inner.filename, inner.first_line
            );
            disassemble_recursive(inner, out);
        }
    }
}

/// The annotation shown in parentheses after the operand.
fn annotation(code: &CodeObject, op: Opcode, arg: u32) -> String {
    let index = arg as usize;
    match op.operand() {
        Operand::None => String::new(),
        Operand::Const => code
            .consts
            .get(index)
            .map(Constant::describe)
            .unwrap_or_else(|| "<bad const>".into()),
        Operand::Name => code
            .names
            .get(index)
            .cloned()
            .unwrap_or_else(|| "<bad name>".into()),
        Operand::Local => code
            .localsplus_names
            .get(index)
            .cloned()
            .unwrap_or_else(|| "<bad local>".into()),
        Operand::Jump => format!("to {}", arg as u64 * 2),
        Operand::BinOp => binop_symbol(arg).to_string(),
        Operand::Compare => compare_symbol(arg).to_string(),
        Operand::Arg => match op {
            Opcode::MAKE_FUNCTION => {
                const FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];
                FLAGS
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| arg & (1 << i) != 0)
                    .map(|(_, s)| *s)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            Opcode::FORMAT_VALUE => {
                let conversion = ["", "str", "repr", "ascii"][(arg & 3) as usize];
                match (conversion.is_empty(), arg & 4 != 0) {
                    (_, false) => conversion.to_string(),
                    (true, true) => "with format".to_string(),
                    (false, true) => format!("{conversion}, with format"),
                }
            }
            _ => String::new(),
        },
    }
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let mut targets: HashSet<u32> = code
        .code
        .iter()
        .enumerate()
        .filter(|(_, unit)| unit.op.is_jump())
        .map(|(i, _)| code.full_arg(i))
        .collect();
    targets.extend(code.exception_table.iter().map(|e| e.target));
    let max_line = code.positions.iter().map(|p| p.line).max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 {
        max_line.to_string().len()
    } else {
        3
    };
    let max_offset = code.code.len().saturating_sub(1) * 2;
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    let mut last_line = 0;
    for (i, unit) in code.code.iter().enumerate() {
        let line = code.position(i).line;
        let starts_line = line != 0 && line != last_line;
        if starts_line {
            last_line = line;
            if i > 0 {
                out.push('\n');
            }
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(if starts_line {
            format!("{line:>lineno_width$}")
        } else {
            " ".repeat(lineno_width)
        });
        fields.push("   ".into());
        fields.push(if targets.contains(&(i as u32)) {
            ">>".into()
        } else {
            "  ".into()
        });
        fields.push(format!("{:>offset_width$}", i * 2));
        fields.push(format!("{:<OPNAME_WIDTH$}", unit.op.name()));
        if unit.op.operand() != Operand::None {
            let arg = code.full_arg(i);
            fields.push(format!("{arg:>OPARG_WIDTH$}"));
            let note = if unit.op == Opcode::EXTENDED_ARG {
                String::new()
            } else {
                annotation(code, unit.op, arg)
            };
            if !note.is_empty() {
                fields.push(format!("({note})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for entry in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                entry.start * 2,
                (entry.end * 2).saturating_sub(2),
                entry.target * 2,
                entry.depth,
                if entry.push_lasti { " lasti" } else { "" }
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::code::SourcePos;
    use crate::bytecode::instruction::CodeUnit;

    fn unit(op: Opcode, arg: u8) -> CodeUnit {
        CodeUnit { op, arg }
    }

    #[test]
    fn prints_like_dis() {
        let pos = |line| SourcePos {
            line,
            end_line: line,
            col: 0,
            end_col: 1,
        };
        let code = CodeObject {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "t.py".into(),
            first_line: 1,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            code: vec![
                unit(Opcode::RESUME, 0),
                unit(Opcode::LOAD_NAME, 0),
                unit(Opcode::POP_JUMP_IF_FALSE, 4),
                unit(Opcode::JUMP_BACKWARD, 1),
                unit(Opcode::LOAD_CONST, 0),
                unit(Opcode::RETURN_VALUE, 0),
            ],
            consts: vec![Constant::None],
            names: vec!["x".into()],
            localsplus_names: vec![],
            localsplus_kinds: vec![],
            stacksize: 1,
            positions: vec![pos(0), pos(1), pos(1), pos(2), pos(2), pos(2)],
            exception_table: vec![],
        };
        let text = disassemble(&code);
        let expected = "              0 RESUME                   0

  1     >>    2 LOAD_NAME                0 (x)
              4 POP_JUMP_IF_FALSE        4 (to 8)

  2           6 JUMP_BACKWARD            1 (to 2)
        >>    8 LOAD_CONST               0 (None)
             10 RETURN_VALUE
";
        assert_eq!(text, expected);
    }
}
