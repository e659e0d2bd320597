//! Constant folding, limited to what CPython 3.11's AST optimizer folds and that is
//! safe to evaluate at compile time: unary operators on constants, tuples of
//! constants, `__debug__`, and binary operators on numbers, strings and tuples with
//! CPython's size limits. Anything that would raise (division by zero, negative
//! shifts…) or whose exact result is delicate (float `//`, `%`, `**`, big ints mixed
//! with floats) is left to run time.

use super::Compiler;
use crate::bytecode::Constant;
use crate::compiler::CResult;
use crate::syntax::ast::{self, BinOpKind, Expr, ExprKind, UnaryOpKind};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Largest folded integer, in bits (CPython's `MAX_INT_SIZE`).
const MAX_INT_SIZE: u64 = 128;
/// Largest folded tuple repetition (CPython's `MAX_COLLECTION_SIZE`).
const MAX_COLLECTION_SIZE: usize = 256;
/// Largest folded string repetition (CPython's `MAX_STR_SIZE`).
const MAX_STR_SIZE: usize = 4096;

/// Convert a literal to a constant; `Err` names what is not supported.
pub(crate) fn ast_constant(c: &ast::Constant) -> Result<Constant, &'static str> {
    Ok(match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Imaginary(_) => return Err("complex numbers are not supported yet"),
        ast::Constant::Bytes(_) => return Err("bytes literals are not supported yet"),
    })
}

/// A step of the iterative folder.
enum Task<'e> {
    Visit(&'e Expr),
    Apply(&'e Expr),
}

impl<'a> Compiler<'a> {
    /// The constant an expression folds to, if any. Iterative (an explicit stack),
    /// so deeply nested operators cost no native stack; a failure is remembered for
    /// the node and every operator above the offending leaf.
    pub(crate) fn fold(&mut self, e: &'a Expr) -> CResult<Option<Constant>> {
        let key = |x: &Expr| x as *const Expr as usize;
        let foldable = match &e.kind {
            ExprKind::Constant(_) | ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } => true,
            ExprKind::Tuple(_) => true,
            ExprKind::Name(n) => n == "__debug__",
            _ => false,
        };
        if !foldable || self.fold_failures.contains(&key(e)) {
            return Ok(None);
        }
        let mut tasks = vec![Task::Visit(e)];
        let mut values: Vec<Constant> = Vec::new();
        let mut failed = false;
        while let Some(task) = tasks.pop() {
            let value = match task {
                Task::Visit(x) => match &x.kind {
                    ExprKind::Constant(c) => ast_constant(c).ok(),
                    ExprKind::Name(n) if n == "__debug__" => {
                        Some(Constant::Bool(self.optimize == 0))
                    }
                    ExprKind::UnaryOp { operand, .. } => {
                        tasks.push(Task::Apply(x));
                        tasks.push(Task::Visit(operand));
                        continue;
                    }
                    ExprKind::BinOp { left, right, .. } => {
                        tasks.push(Task::Apply(x));
                        tasks.push(Task::Visit(right));
                        tasks.push(Task::Visit(left));
                        continue;
                    }
                    ExprKind::Tuple(elts) => {
                        tasks.push(Task::Apply(x));
                        tasks.extend(elts.iter().rev().map(Task::Visit));
                        continue;
                    }
                    _ => None,
                },
                Task::Apply(x) => apply(x, &mut values),
            };
            match value {
                Some(v) => values.push(v),
                None => {
                    failed = true;
                    break;
                }
            }
        }
        if failed {
            // Every operator still waiting for this operand fails too.
            self.fold_failures.insert(key(e));
            for task in tasks {
                if let Task::Apply(x) = task {
                    self.fold_failures.insert(key(x));
                }
            }
            return Ok(None);
        }
        Ok(values.pop())
    }
}

/// Combine the folded operands of `x` (on top of `values`).
fn apply(x: &Expr, values: &mut Vec<Constant>) -> Option<Constant> {
    match &x.kind {
        ExprKind::UnaryOp { op, .. } => {
            let v = values.pop()?;
            fold_unary(*op, &v)
        }
        ExprKind::BinOp { op, .. } => {
            let r = values.pop()?;
            let l = values.pop()?;
            fold_binary(*op, &l, &r)
        }
        ExprKind::Tuple(elts) => {
            let start = values.len().checked_sub(elts.len())?;
            Some(Constant::Tuple(values.split_off(start)))
        }
        _ => None,
    }
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Ellipsis => true,
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => return None,
    })
}

/// An integer view of `int` and `bool` constants.
fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

/// A float view of numbers whose conversion is exact.
fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = as_int(c)?.to_i64()?;
            (i.unsigned_abs() <= 1 << 53).then_some(i as f64)
        }
    }
}

fn fold_unary(op: UnaryOpKind, c: &Constant) -> Option<Constant> {
    match op {
        UnaryOpKind::Not => truthy(c).map(|t| Constant::Bool(!t)),
        UnaryOpKind::USub => match c {
            Constant::Float(f) => Some(Constant::Float(-f)),
            _ => as_int(c).map(|i| Constant::Int(-i)),
        },
        UnaryOpKind::UAdd => match c {
            Constant::Float(f) => Some(Constant::Float(*f)),
            _ => as_int(c).map(Constant::Int),
        },
        UnaryOpKind::Invert => as_int(c).map(|i| Constant::Int(-i - 1)),
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn fold_binary(op: BinOpKind, l: &Constant, r: &Constant) -> Option<Constant> {
    use BinOpKind::*;
    // bool op bool stays bool for the bitwise operators.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            BitAnd => return Some(Constant::Bool(a & b)),
            BitOr => return Some(Constant::Bool(a | b)),
            BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return fold_int(op, &a, &b);
    }
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (a, b) = (as_float(l)?, as_float(r)?);
        return match op {
            Add => Some(Constant::Float(a + b)),
            Sub => Some(Constant::Float(a - b)),
            Mult => Some(Constant::Float(a * b)),
            Div if b != 0.0 => Some(Constant::Float(a / b)),
            _ => None,
        };
    }
    match (op, l, r) {
        (Add, Constant::Str(a), Constant::Str(b)) => {
            let mut joined = a.clone();
            joined.push_text(b);
            Some(Constant::Str(joined))
        }
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            Some(Constant::Tuple(a.iter().chain(b).cloned().collect()))
        }
        (Mult, Constant::Str(s), n) | (Mult, n, Constant::Str(s)) => {
            let n = as_int(n)?;
            let len = s.char_count();
            // An empty operand folds only when the count is index-sized: `'' * 2**63`
            // is an OverflowError at run time, as in CPython (its fold fails too).
            let count = match MAX_STR_SIZE.checked_div(len) {
                None => {
                    n.to_isize()?;
                    0
                }
                Some(limit) => {
                    let n = n.to_usize()?;
                    if n > limit {
                        return None;
                    }
                    n
                }
            };
            Some(Constant::Str(s.repeat(count)))
        }
        (Mult, Constant::Tuple(t), n) | (Mult, n, Constant::Tuple(t)) => {
            let n = as_int(n)?;
            if t.is_empty() {
                n.to_isize()?;
                return Some(Constant::Tuple(Vec::new()));
            }
            let n = n.to_usize()?;
            if n > MAX_COLLECTION_SIZE / t.len()
                || t.iter().any(|c| matches!(c, Constant::Tuple(_)))
            {
                return None;
            }
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Some(Constant::Tuple(out))
        }
        _ => None,
    }
}

fn fold_int(op: BinOpKind, a: &BigInt, b: &BigInt) -> Option<Constant> {
    use BinOpKind::*;
    let value = match op {
        Add => a + b,
        Sub => a - b,
        Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        FloorDiv => {
            if b.is_zero() {
                return None;
            }
            a.div_floor(b)
        }
        Mod => {
            if b.is_zero() {
                return None;
            }
            a.mod_floor(b)
        }
        Pow => {
            if b.is_negative() {
                return None;
            }
            let e = b.to_u64()?;
            if !a.is_zero() && e > 0 && bits(a) > MAX_INT_SIZE / e {
                return None;
            }
            num_traits::pow(a.clone(), e.to_usize()?)
        }
        LShift => {
            if b.is_negative() {
                return None;
            }
            let shift = b.to_u64()?;
            if !a.is_zero() && (shift > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - shift) {
                return None;
            }
            a << shift.to_usize()?
        }
        RShift => {
            if b.is_negative() {
                return None;
            }
            match b.to_usize() {
                Some(s) => a >> s,
                None => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BitAnd => a & b,
        BitOr => a | b,
        BitXor => a ^ b,
        Div => {
            let (x, y) = (a.to_i64()?, b.to_i64()?);
            if y == 0 || x.unsigned_abs() > 1 << 53 || y.unsigned_abs() > 1 << 53 {
                return None;
            }
            return Some(Constant::Float(x as f64 / y as f64));
        }
        MatMult => return None,
    };
    Some(Constant::Int(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(BigInt::from(i))
    }

    #[test]
    fn folds_python_integer_semantics() {
        assert_eq!(
            fold_binary(BinOpKind::FloorDiv, &int(-7), &int(2)),
            Some(int(-4))
        );
        assert_eq!(fold_binary(BinOpKind::Mod, &int(-7), &int(2)), Some(int(1)));
        assert_eq!(fold_binary(BinOpKind::Mod, &int(7), &int(0)), None);
        assert_eq!(
            fold_binary(BinOpKind::Pow, &int(2), &int(10)),
            Some(int(1024))
        );
        assert_eq!(fold_binary(BinOpKind::Pow, &int(2), &int(200)), None);
        assert_eq!(fold_binary(BinOpKind::LShift, &int(1), &int(-1)), None);
        assert_eq!(
            fold_binary(BinOpKind::RShift, &int(-1), &int(1000)),
            Some(int(-1))
        );
        assert_eq!(
            fold_binary(
                BinOpKind::BitAnd,
                &Constant::Bool(true),
                &Constant::Bool(false)
            ),
            Some(Constant::Bool(false))
        );
        assert_eq!(
            fold_binary(BinOpKind::Add, &Constant::Bool(true), &Constant::Bool(true)),
            Some(int(2))
        );
        assert_eq!(
            fold_binary(BinOpKind::Div, &int(1), &int(4)),
            Some(Constant::Float(0.25))
        );
        assert_eq!(
            fold_unary(UnaryOpKind::Invert, &Constant::Bool(true)),
            Some(int(-2))
        );
    }

    #[test]
    fn respects_size_limits() {
        let s = Constant::Str("ab".into());
        assert_eq!(
            fold_binary(BinOpKind::Mult, &s, &int(3)),
            Some(Constant::Str("ababab".into()))
        );
        assert_eq!(fold_binary(BinOpKind::Mult, &s, &int(5000)), None);
        assert_eq!(fold_binary(BinOpKind::Mult, &s, &int(-1)), None);
        let huge = Constant::Int(BigInt::from(1) << 63);
        let empty = Constant::Str(crate::text::TextBuf::new());
        assert_eq!(fold_binary(BinOpKind::Mult, &empty, &huge), None);
        assert_eq!(
            fold_binary(BinOpKind::Mult, &Constant::Tuple(vec![]), &huge),
            None
        );
        assert_eq!(fold_binary(BinOpKind::Mod, &s, &int(1)), None);
    }
}
