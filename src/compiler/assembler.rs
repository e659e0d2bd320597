//! The assembler: turns a finished compile unit into a [`CodeObject`].
//!
//! Steps, in order:
//! 1. lay out `localsplus` (fast locals, then cells that are not parameters, then free
//!    variables) and prepend the prologue: `MAKE_CELL` for each cell slot and
//!    `COPY_FREE_VARS`;
//! 2. remove unreachable instructions (reachability follows fall-through, jumps and
//!    exception handlers) and unconditional jumps to the next instruction;
//! 3. pick `JUMP_FORWARD` or `JUMP_BACKWARD` by the target's place;
//! 4. compute the maximum stack depth by abstract interpretation over the control
//!    flow graph (`stack_effect` / `jump_stack_effect`; a handler is entered with its
//!    recorded depth plus the exception, plus `lasti` when pushed);
//! 5. encode with `EXTENDED_ARG` prefixes for operands over 255, iterating until the
//!    sizes, and therefore the absolute jump targets, stop changing;
//! 6. build the exception table from each code unit's handler, merging neighbours.

use super::codegen::unit::{Handler, Instr, Oparg, Unit};
use super::{CResult, CompileError};
use crate::bytecode::{CodeObject, CodeUnit, ExceptionEntry, Opcode, SourcePos, kinds};
use crate::diagnostics::Span;

/// Assemble a unit. `filename` is recorded in the code object.
/// Bytes of working memory per instruction the assembler makes sure of up front (its
/// vectors of instructions, resolved targets, offsets, code units, positions and
/// handlers: about 200 bytes, doubled for slack).
const HEADROOM_PER_INSTR: usize = 400;

pub(crate) fn assemble(unit: Unit<'_>, filename: &str) -> CResult<CodeObject> {
    let internal = |what: &str| CompileError::internal(what, Span::default());

    // Every step below builds vectors as long as the instruction list. A huge module
    // must end in MemoryError, not an abort: check once that the room exists (and
    // that code generation did not already run out, see `Unit::emit`).
    let headroom = unit.instrs.len().saturating_mul(HEADROOM_PER_INSTR);
    if crate::eval_breaker::take(crate::eval_breaker::MEMORY_ERROR)
        || Vec::<u8>::new().try_reserve_exact(headroom).is_err()
    {
        return Err(CompileError::out_of_memory(Span::default()));
    }

    // 1. localsplus layout.
    let nlocals = unit.varnames.len();
    let mut localsplus_names = unit.varnames.clone();
    let mut localsplus_kinds = vec![kinds::LOCAL; nlocals];
    let mut cell_slots = Vec::with_capacity(unit.cellvars.len());
    for cell in &unit.cellvars {
        match unit.varnames.iter().position(|v| v == cell) {
            Some(i) => {
                localsplus_kinds[i] |= kinds::CELL;
                cell_slots.push(i as u32);
            }
            None => {
                cell_slots.push(localsplus_names.len() as u32);
                localsplus_names.push(cell.clone());
                localsplus_kinds.push(kinds::CELL);
            }
        }
    }
    let free_base = localsplus_names.len() as u32;
    for free in &unit.freevars {
        localsplus_names.push(free.clone());
        localsplus_kinds.push(kinds::FREE);
    }

    let mut prologue: Vec<Instr> = Vec::new();
    let mut sorted_cells = cell_slots.clone();
    sorted_cells.sort_unstable();
    for slot in sorted_cells {
        prologue.push(synthetic(Opcode::MAKE_CELL, slot));
    }
    if !unit.freevars.is_empty() {
        prologue.push(synthetic(
            Opcode::COPY_FREE_VARS,
            unit.freevars.len() as u32,
        ));
    }
    let shift = prologue.len();
    let mut instrs = prologue;
    for instr in &unit.instrs {
        let arg = match instr.arg {
            Oparg::Cell(i) => Oparg::Int(
                *cell_slots
                    .get(i as usize)
                    .ok_or_else(|| internal("bad cell index"))?,
            ),
            Oparg::Free(i) => Oparg::Int(free_base + i),
            other => other,
        };
        instrs.push(Instr { arg, ..*instr });
    }
    let label_pos: Vec<Option<usize>> = unit.labels.iter().map(|p| p.map(|p| p + shift)).collect();
    let target_of = |arg: Oparg| -> CResult<Option<usize>> {
        match arg {
            Oparg::Label(l) => label_pos
                .get(l.0 as usize)
                .copied()
                .flatten()
                .map(Some)
                .ok_or_else(|| internal("jump to an unplaced label")),
            _ => Ok(None),
        }
    };
    let handler_target = |h: &Handler| -> CResult<usize> {
        label_pos
            .get(h.label.0 as usize)
            .copied()
            .flatten()
            .ok_or_else(|| internal("handler label not placed"))
    };

    // Resolve labels to instruction indices.
    let mut resolved: Vec<Resolved> = Vec::with_capacity(instrs.len());
    for instr in &instrs {
        resolved.push(Resolved {
            instr: *instr,
            target: target_of(instr.arg)?,
            handler: match &instr.handler {
                Some(h) => Some((handler_target(h)?, h.depth, h.lasti)),
                None => None,
            },
        });
    }

    // 2. Dead code and redundant jumps.
    let mut code = remove_unreachable(resolved);
    loop {
        let before = code.len();
        code = remove_jumps_to_next(code);
        if code.len() == before {
            break;
        }
        code = remove_unreachable(code);
    }

    // 3. Jump direction.
    for (i, r) in code.iter_mut().enumerate() {
        if matches!(r.instr.op, Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD)
            && let Some(t) = r.target
        {
            r.instr.op = if t <= i {
                Opcode::JUMP_BACKWARD
            } else {
                Opcode::JUMP_FORWARD
            };
        }
    }

    // 4. Stack depth.
    let stacksize = stack_depth(&code)?;

    // 5. Encoding.
    let (units, positions, unit_handlers) = encode(&code)?;

    // 6. Exception table.
    let exception_table = exception_table(&unit_handlers);

    Ok(CodeObject {
        name: unit.name,
        qualname: unit.qualname,
        filename: filename.to_string(),
        first_line: unit.first_line,
        flags: unit.flags,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        code: units,
        consts: unit.consts,
        names: unit.names,
        localsplus_names,
        localsplus_kinds,
        stacksize,
        positions,
        exception_table,
    })
}

fn synthetic(op: Opcode, arg: u32) -> Instr {
    Instr {
        op,
        arg: Oparg::Int(arg),
        pos: SourcePos::default(),
        handler: None,
    }
}

/// An instruction whose jump target and handler are instruction indices.
#[derive(Debug, Clone, Copy)]
struct Resolved {
    instr: Instr,
    target: Option<usize>,
    /// (target index, depth, lasti)
    handler: Option<(usize, u32, bool)>,
}

impl Resolved {
    fn arg_value(&self) -> u32 {
        match self.instr.arg {
            Oparg::Int(v) => v,
            _ => 0,
        }
    }
}

fn successors(code: &[Resolved], i: usize) -> impl Iterator<Item = usize> + '_ {
    let r = &code[i];
    let fall = (!r.instr.op.is_terminator() && i + 1 < code.len()).then_some(i + 1);
    fall.into_iter()
        .chain(r.target)
        .chain(r.handler.map(|h| h.0))
}

/// Drop instructions no path reaches; remap targets.
fn remove_unreachable(code: Vec<Resolved>) -> Vec<Resolved> {
    let mut reachable = vec![false; code.len()];
    let mut work = Vec::new();
    if !code.is_empty() {
        reachable[0] = true;
        work.push(0);
    }
    while let Some(i) = work.pop() {
        let next: Vec<usize> = successors(&code, i).collect();
        for s in next {
            if s < code.len() && !reachable[s] {
                reachable[s] = true;
                work.push(s);
            }
        }
    }
    compact(code, &reachable)
}

/// Keep the instructions marked `keep`, remapping every target to the first kept
/// instruction at or after it.
fn compact(code: Vec<Resolved>, keep: &[bool]) -> Vec<Resolved> {
    let mut new_index = vec![0usize; code.len() + 1];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        new_index[i] = n;
        if k {
            n += 1;
        }
    }
    new_index[code.len()] = n;
    code.into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(mut r, _)| {
            r.target = r.target.map(|t| new_index[t]);
            r.handler = r.handler.map(|(t, d, l)| (new_index[t], d, l));
            r
        })
        .collect()
}

fn remove_jumps_to_next(code: Vec<Resolved>) -> Vec<Resolved> {
    let keep: Vec<bool> = code
        .iter()
        .enumerate()
        .map(|(i, r)| {
            !(matches!(r.instr.op, Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD)
                && r.target == Some(i + 1))
        })
        .collect();
    if keep.iter().all(|k| *k) {
        return code;
    }
    compact(code, &keep)
}

fn stack_depth(code: &[Resolved]) -> CResult<u32> {
    let mut depth: Vec<Option<i64>> = vec![None; code.len()];
    let mut work: Vec<usize> = Vec::new();
    let mut max = 0i64;
    // No path can be deeper than all pushes together: a larger depth means a loop that
    // grows the stack, a compiler bug.
    let bound: i64 = code
        .iter()
        .map(|r| {
            let push = r.instr.op.stack_effect(r.arg_value()).max(0) as i64;
            push + r.handler.map_or(0, |h| h.1 as i64 + 2)
        })
        .sum::<i64>()
        + 2;
    let visit = |i: usize, d: i64, depth: &mut Vec<Option<i64>>, work: &mut Vec<usize>| {
        if i < depth.len() && depth[i].is_none_or(|old| d > old) {
            depth[i] = Some(d);
            work.push(i);
        }
    };
    if !code.is_empty() {
        visit(0, 0, &mut depth, &mut work);
    }
    while let Some(i) = work.pop() {
        let Some(d) = depth[i] else { continue };
        if d > bound {
            return Err(CompileError::internal(
                "stack depth grows without bound",
                Span::default(),
            ));
        }
        let r = &code[i];
        let op = r.instr.op;
        let arg = r.arg_value();
        if let Some((target, hdepth, lasti)) = r.handler {
            let entry = hdepth as i64 + 1 + lasti as i64;
            max = max.max(entry);
            visit(target, entry, &mut depth, &mut work);
        }
        let after = d + op.stack_effect(arg) as i64;
        if after < 0 {
            return Err(CompileError::internal(
                format!("negative stack depth at {} (instruction {i})", op.name()),
                Span::default(),
            ));
        }
        max = max.max(after).max(d);
        if let Some(t) = r.target {
            let jumped = d + op.jump_stack_effect(arg) as i64;
            if jumped < 0 {
                return Err(CompileError::internal(
                    format!("negative stack depth after jump {}", op.name()),
                    Span::default(),
                ));
            }
            visit(t, jumped, &mut depth, &mut work);
        }
        if !op.is_terminator() {
            if i + 1 < code.len() {
                visit(i + 1, after, &mut depth, &mut work);
            } else {
                return Err(CompileError::internal(
                    "code falls off the end",
                    Span::default(),
                ));
            }
        }
    }
    Ok(max as u32)
}

/// Number of `EXTENDED_ARG` prefixes an operand needs.
fn prefixes(arg: u32) -> usize {
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

type Encoded = (Vec<CodeUnit>, Vec<SourcePos>, Vec<Option<(u32, u32, bool)>>);

fn encode(code: &[Resolved]) -> CResult<Encoded> {
    // Sizes only grow, so the fixpoint terminates.
    let mut sizes: Vec<usize> = code.iter().map(|r| 1 + prefixes(r.arg_value())).collect();
    let mut offsets = vec![0usize; code.len() + 1];
    loop {
        for i in 0..code.len() {
            offsets[i + 1] = offsets[i] + sizes[i];
        }
        let mut changed = false;
        for (i, r) in code.iter().enumerate() {
            let arg = match r.target {
                Some(t) => offsets[t] as u32,
                None => r.arg_value(),
            };
            let needed = 1 + prefixes(arg);
            if needed > sizes[i] {
                sizes[i] = needed;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let total = offsets[code.len()];
    if total > u32::MAX as usize / 2 {
        return Err(CompileError::internal("code too large", Span::default()));
    }
    let mut units = Vec::with_capacity(total);
    let mut positions = Vec::with_capacity(total);
    let mut handlers = Vec::with_capacity(total);
    for (i, r) in code.iter().enumerate() {
        let arg = match r.target {
            Some(t) => offsets[t] as u32,
            None => r.arg_value(),
        };
        let handler = r
            .handler
            .map(|(t, depth, lasti)| (offsets[t] as u32, depth, lasti));
        let n = sizes[i];
        for k in (1..n).rev() {
            units.push(CodeUnit {
                op: Opcode::EXTENDED_ARG,
                arg: ((arg >> (8 * k)) & 0xff) as u8,
            });
            positions.push(r.instr.pos);
            handlers.push(handler);
        }
        units.push(CodeUnit {
            op: r.instr.op,
            arg: (arg & 0xff) as u8,
        });
        positions.push(r.instr.pos);
        handlers.push(handler);
    }
    Ok((units, positions, handlers))
}

fn exception_table(handlers: &[Option<(u32, u32, bool)>]) -> Vec<ExceptionEntry> {
    let mut table: Vec<ExceptionEntry> = Vec::new();
    for (i, h) in handlers.iter().enumerate() {
        let Some((target, depth, lasti)) = *h else {
            continue;
        };
        let i = i as u32;
        if let Some(last) = table.last_mut()
            && last.end == i
            && last.target == target
            && last.depth == depth
            && last.push_lasti == lasti
        {
            last.end = i + 1;
            continue;
        }
        table.push(ExceptionEntry {
            start: i,
            end: i + 1,
            target,
            depth,
            push_lasti: lasti,
        });
    }
    table
}
