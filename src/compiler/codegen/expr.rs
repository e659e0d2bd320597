//! Expressions: names, constants, attributes, subscripts and slices, operators,
//! boolean operators, comparisons, conditional expressions, walrus and the list,
//! tuple, set and dict displays (CPython's `compiler_visit_expr1` and helpers).
//!
//! Every expression is first offered to the constant folder; calls, f-strings,
//! lambdas and comprehensions have their own files.

use super::fold::ast_constant;
use super::unit::Label;
use super::{Compiler, Ctx, MAX_DEPTH, STACK_USE_GUIDELINE};
use crate::bytecode::{CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, Constant, Opcode};
use crate::compiler::symtable::ScopeKind;
use crate::compiler::{CResult, CompileError};
use crate::syntax::ast::{BoolOpKind, CmpOpKind, Expr, ExprKind, UnaryOpKind};

/// The three instructions that build a display incrementally.
#[derive(Clone, Copy)]
pub(crate) struct Builder {
    pub build: Opcode,
    pub add: Opcode,
    pub extend: Opcode,
    /// Convert the list to a tuple at the end.
    pub tuple: bool,
}

pub(crate) const LIST: Builder = Builder {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: false,
};
pub(crate) const TUPLE: Builder = Builder {
    tuple: true,
    ..LIST
};
pub(crate) const SET: Builder = Builder {
    build: Opcode::BUILD_SET,
    add: Opcode::SET_ADD,
    extend: Opcode::SET_UPDATE,
    tuple: false,
};

/// Native stack that must remain before compiling one more level of nesting…
const STACK_RED_ZONE: usize = 128 * 1024;
/// …and the size of each segment added when less remains.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

impl<'a> Compiler<'a> {
    /// Compile an expression that leaves its value on the stack.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::too_deep(e.span));
        }
        let old = self.set_loc(e.span);
        // Nesting up to MAX_DEPTH recurses here: grow the native stack in segments
        // when little is left, so that any caller's thread (a 2 MiB test thread, a
        // fuzzer's main thread) compiles what the parser accepts.
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.expr_inner(e));
        self.restore_loc(old);
        self.depth -= 1;
        result
    }

    /// Dispatch on the node kind. This frame is on the recursion path of nested
    /// expressions, so it only picks a handler (each handler destructures its node
    /// itself) to stay small.
    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if self.emit_folded(e)? {
            return Ok(());
        }
        let handler: fn(&mut Self, &'a Expr) -> CResult = match e.kind {
            ExprKind::BoolOp { .. } => Self::bool_op_node,
            ExprKind::NamedExpr { .. } => Self::named_expr,
            ExprKind::BinOp { .. } => Self::bin_op,
            ExprKind::UnaryOp { .. } => Self::unary_op,
            ExprKind::Lambda { .. } => Self::lambda,
            ExprKind::IfExp { .. } => Self::if_exp,
            ExprKind::Dict { .. } => Self::dict,
            ExprKind::Set(_) | ExprKind::List(_) | ExprKind::Tuple(_) => Self::display,
            ExprKind::ListComp { .. } | ExprKind::SetComp { .. } | ExprKind::DictComp { .. } => {
                Self::comprehension
            }
            ExprKind::GeneratorExp { .. }
            | ExprKind::Await(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Starred(_) => Self::unsupported_expr,
            ExprKind::Compare { .. } => Self::compare,
            ExprKind::Call { .. } => Self::call,
            ExprKind::FormattedValue { .. } => Self::formatted_value,
            ExprKind::JoinedStr(_) => Self::joined_str,
            ExprKind::Constant(_) => Self::constant,
            ExprKind::Attribute { .. } => Self::attribute,
            ExprKind::Subscript { .. } => Self::subscript,
            ExprKind::Name(_) => Self::name_load,
            ExprKind::Slice { .. } => Self::slice,
        };
        handler(self, e)
    }

    /// Emit the constant `e` folds to, if it does.
    fn emit_folded(&mut self, e: &'a Expr) -> CResult<bool> {
        match self.fold(e)? {
            Some(c) => {
                self.emit_const(c);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// An internal error for a handler given the wrong node kind.
    pub(crate) fn wrong_node<T>(&self, e: &Expr) -> CResult<T> {
        Err(CompileError::internal("unexpected node kind", e.span))
    }

    /// Expressions that are errors here: generator expressions, `await`, `yield`
    /// (not supported yet) and a starred expression outside a display or call.
    fn unsupported_expr(&mut self, e: &'a Expr) -> CResult {
        let in_function = self.scope()?.kind == ScopeKind::Function;
        match &e.kind {
            ExprKind::GeneratorExp { .. } => {
                self.error("generator expressions are not supported yet")
            }
            ExprKind::Await(_) if !in_function => self.error("'await' outside function"),
            ExprKind::Await(_) => self.error("'await' outside async function"),
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) if !in_function => {
                self.error("'yield' outside function")
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                self.error("'yield' is not supported yet")
            }
            _ => self.error("can't use starred expression here"),
        }
    }

    fn constant(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Constant(c) = &e.kind else {
            return self.wrong_node(e);
        };
        let c = ast_constant(c).or_else(|message| self.error(message))?;
        self.emit_const(c);
        Ok(())
    }

    fn named_expr(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::NamedExpr { target, value } = &e.kind else {
            return self.wrong_node(e);
        };
        self.expr(value)?;
        self.emit_arg(Opcode::COPY, 1);
        self.target(target, Ctx::Store)
    }

    fn bin_op(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::BinOp { left, op, right } = &e.kind else {
            return self.wrong_node(e);
        };
        self.expr(left)?;
        self.expr(right)?;
        self.emit_arg(Opcode::BINARY_OP, *op as u32);
        Ok(())
    }

    fn if_exp(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::IfExp { test, body, orelse } = &e.kind else {
            return self.wrong_node(e);
        };
        let end = self.new_label();
        let next = self.new_label();
        self.jump_if(test, next, false)?;
        self.expr(body)?;
        self.jump(end);
        self.place(next);
        self.expr(orelse)?;
        self.place(end);
        Ok(())
    }

    fn attribute(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Attribute { value, attr } = &e.kind else {
            return self.wrong_node(e);
        };
        self.expr(value)?;
        self.emit_name(Opcode::LOAD_ATTR, attr);
        Ok(())
    }

    fn subscript(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Subscript { value, slice } = &e.kind else {
            return self.wrong_node(e);
        };
        self.expr(value)?;
        self.expr(slice)?;
        self.emit(Opcode::BINARY_SUBSCR);
        Ok(())
    }

    fn slice(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Slice { lower, upper, step } = &e.kind else {
            return self.wrong_node(e);
        };
        for part in [lower.as_deref(), upper.as_deref()] {
            match part {
                Some(p) => self.expr(p)?,
                None => self.emit_const(Constant::None),
            }
        }
        let mut n = 2;
        if let Some(step) = step {
            self.expr(step)?;
            n = 3;
        }
        self.emit_arg(Opcode::BUILD_SLICE, n);
        Ok(())
    }

    fn name_load(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Name(name) = &e.kind else {
            return self.wrong_node(e);
        };
        self.name_op(name, Ctx::Load)
    }

    fn display(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Set(elts) => self.starunpack(elts, 0, SET),
            ExprKind::List(elts) => self.starunpack(elts, 0, LIST),
            ExprKind::Tuple(elts) => self.starunpack(elts, 0, TUPLE),
            _ => self.wrong_node(e),
        }
    }

    fn unary_op(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::UnaryOp { op, operand } = &e.kind else {
            return self.wrong_node(e);
        };
        // `not a in b` is `a not in b` (and likewise for `is`).
        if *op == UnaryOpKind::Not && inverted_compare(operand).is_some() {
            return self.not_compare(operand);
        }
        self.expr(operand)?;
        self.emit(unary_opcode(*op));
        Ok(())
    }

    fn not_compare(&mut self, compare: &'a Expr) -> CResult {
        let Some((left, op, right)) = inverted_compare(compare) else {
            return self.wrong_node(compare);
        };
        self.expr(left)?;
        self.expr(right)?;
        self.cmp_op(op);
        Ok(())
    }

    fn bool_op_node(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::BoolOp { op, values } = &e.kind else {
            return self.wrong_node(e);
        };
        self.bool_op(*op, values)
    }

    fn bool_op(&mut self, op: BoolOpKind, values: &'a [Expr]) -> CResult {
        let Some((last, rest)) = values.split_last() else {
            return Err(CompileError::internal("empty boolean operation", self.span));
        };
        let jump = match op {
            BoolOpKind::And => Opcode::JUMP_IF_FALSE_OR_POP,
            BoolOpKind::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_label();
        for value in rest {
            self.expr(value)?;
            self.emit_jump(jump, end);
        }
        self.expr(last)?;
        self.place(end);
        Ok(())
    }

    pub(crate) fn cmp_op(&mut self, op: CmpOpKind) {
        let (opcode, arg) = match op {
            CmpOpKind::Eq => (Opcode::COMPARE_OP, CMP_EQ),
            CmpOpKind::NotEq => (Opcode::COMPARE_OP, CMP_NE),
            CmpOpKind::Lt => (Opcode::COMPARE_OP, CMP_LT),
            CmpOpKind::LtE => (Opcode::COMPARE_OP, CMP_LE),
            CmpOpKind::Gt => (Opcode::COMPARE_OP, CMP_GT),
            CmpOpKind::GtE => (Opcode::COMPARE_OP, CMP_GE),
            CmpOpKind::Is => (Opcode::IS_OP, 0),
            CmpOpKind::IsNot => (Opcode::IS_OP, 1),
            CmpOpKind::In => (Opcode::CONTAINS_OP, 0),
            CmpOpKind::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit_arg(opcode, arg);
    }

    /// The operand of a comparison: the right side of a final `in`/`not in` that is
    /// a list display is built as a tuple (CPython's `fold_iter`).
    pub(crate) fn comparator(&mut self, e: &'a Expr, op: CmpOpKind, is_last: bool) -> CResult {
        if is_last && matches!(op, CmpOpKind::In | CmpOpKind::NotIn) {
            self.iter_operand(e)
        } else {
            self.expr(e)
        }
    }

    /// An iterable operand (`for` loops, comprehensions, `in`): a list display without
    /// starred items is built as a tuple, folded when constant.
    pub(crate) fn iter_operand(&mut self, e: &'a Expr) -> CResult {
        if let ExprKind::List(elts) = &e.kind
            && !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred(_)))
        {
            let old = self.set_loc(e.span);
            let result = self.starunpack(elts, 0, TUPLE);
            self.restore_loc(old);
            return result;
        }
        self.expr(e)
    }

    fn compare(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Compare {
            left,
            ops,
            comparators,
        } = &e.kind
        else {
            return self.wrong_node(e);
        };
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(CompileError::internal("malformed comparison", self.span));
        }
        self.check_compare(e);
        self.expr(left)?;
        self.compare_rest(ops, comparators)
    }

    /// The comparisons after the left operand (CPython's `compiler_compare`).
    fn compare_rest(&mut self, ops: &[CmpOpKind], comparators: &'a [Expr]) -> CResult {
        let n = ops.len() - 1;
        if n == 0 {
            self.comparator(&comparators[0], ops[0], true)?;
            self.cmp_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit_arg(Opcode::SWAP, 2);
            self.emit_arg(Opcode::COPY, 2);
            self.cmp_op(ops[i]);
            self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.comparator(&comparators[n], ops[n], true)?;
        self.cmp_op(ops[n]);
        let end = self.new_label();
        self.emit_jump(Opcode::JUMP_FORWARD, end);
        self.place(cleanup);
        self.emit_arg(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP);
        self.place(end);
        Ok(())
    }

    /// Push the items of a display and build it (CPython's `starunpack_helper`);
    /// `pushed` items already on the stack become its first items.
    pub(crate) fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, b: Builder) -> CResult {
        if self.starunpack_constant(elts, pushed, b)? {
            return Ok(());
        }
        let big = elts.len() + pushed as usize > STACK_USE_GUIDELINE;
        let starred = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if starred || big {
            return self.starunpack_incremental(elts, pushed, b, big);
        }
        for e in elts {
            self.expr(e)?;
        }
        let count = elts.len() as u32 + pushed;
        self.emit_arg(
            if b.tuple {
                Opcode::BUILD_TUPLE
            } else {
                b.build
            },
            count,
        );
        Ok(())
    }

    /// All items constant: one constant tuple (extended into a list when needed).
    fn starunpack_constant(&mut self, elts: &'a [Expr], pushed: u32, b: Builder) -> CResult<bool> {
        let n = elts.len();
        let plain_tuple = b.tuple && pushed == 0;
        if !(plain_tuple || n > 2) {
            return Ok(false);
        }
        let Some(folded) = self.fold_all(elts)? else {
            return Ok(false);
        };
        if plain_tuple {
            self.emit_const(Constant::Tuple(folded));
            return Ok(true);
        }
        self.emit_arg(b.build, pushed);
        // A set display becomes `BUILD_SET; LOAD_CONST frozenset; SET_UPDATE`, as in
        // CPython (whose frozenset constant fixes the set's layout, hence its order).
        if b.build == Opcode::BUILD_SET {
            self.emit_const(Constant::FrozenSet(folded));
        } else {
            self.emit_const(Constant::Tuple(folded));
        }
        self.emit_arg(b.extend, 1);
        if b.tuple {
            self.emit(Opcode::LIST_TO_TUPLE);
        }
        Ok(true)
    }

    /// Build the collection first, then add or extend item by item.
    fn starunpack_incremental(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        b: Builder,
        big: bool,
    ) -> CResult {
        let mut built = false;
        if big {
            self.emit_arg(b.build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred(inner) = &e.kind {
                if !built {
                    self.emit_arg(b.build, i as u32 + pushed);
                    built = true;
                }
                self.expr(inner)?;
                self.emit_arg(b.extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit_arg(b.add, 1);
                }
            }
        }
        if b.tuple {
            self.emit(Opcode::LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// Dict displays (CPython's `compiler_dict`).
    fn dict(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Dict { keys, values } = &e.kind else {
            return self.wrong_node(e);
        };
        if keys.len() != values.len() {
            return Err(CompileError::internal("malformed dict display", self.span));
        }
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit_arg(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit_arg(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit_arg(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// Entries `begin..end` (all with keys) as one dict.
    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let mut folded = Vec::with_capacity(n);
            for key in keys[begin..end].iter().flatten() {
                match self.fold(key)? {
                    Some(c) => folded.push(c),
                    None => break,
                }
            }
            if folded.len() == n {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.emit_const(Constant::Tuple(folded));
                self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        for i in begin..end {
            let Some(key) = &keys[i] else {
                return Err(CompileError::internal("unpacking in subdict", self.span));
            };
            self.expr(key)?;
            self.expr(&values[i])?;
            if big {
                self.emit_arg(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// Folded constants of all `elts`, or `None` if any does not fold.
    pub(crate) fn fold_all(&mut self, elts: &'a [Expr]) -> CResult<Option<Vec<Constant>>> {
        let mut out = Vec::with_capacity(elts.len());
        for e in elts {
            match self.fold(e)? {
                Some(c) => out.push(c),
                None => return Ok(None),
            }
        }
        Ok(Some(out))
    }

    /// Jump to `label` unconditionally (the assembler picks the direction).
    pub(crate) fn jump(&mut self, label: Label) {
        self.emit_jump(Opcode::JUMP_FORWARD, label);
    }
}

fn unary_opcode(op: UnaryOpKind) -> Opcode {
    match op {
        UnaryOpKind::Invert => Opcode::UNARY_INVERT,
        UnaryOpKind::Not => Opcode::UNARY_NOT,
        UnaryOpKind::UAdd => Opcode::UNARY_POSITIVE,
        UnaryOpKind::USub => Opcode::UNARY_NEGATIVE,
    }
}

/// `a op b` with a single invertible operator, as `(a, inverted op, b)`.
pub(crate) fn inverted_compare(e: &Expr) -> Option<(&Expr, CmpOpKind, &Expr)> {
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &e.kind
    else {
        return None;
    };
    match (ops.as_slice(), comparators.as_slice()) {
        ([op], [right]) => Some((left, invert(*op)?, right)),
        _ => None,
    }
}

/// The comparison that `not (a op b)` can be rewritten to.
pub(crate) fn invert(op: CmpOpKind) -> Option<CmpOpKind> {
    match op {
        CmpOpKind::Is => Some(CmpOpKind::IsNot),
        CmpOpKind::IsNot => Some(CmpOpKind::Is),
        CmpOpKind::In => Some(CmpOpKind::NotIn),
        CmpOpKind::NotIn => Some(CmpOpKind::In),
        _ => None,
    }
}
