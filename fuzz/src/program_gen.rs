//! A generator of small Python programs that always terminate, for the `run_program`
//! target (and for differential runs against python3, see `render_program`).
//!
//! The grammar: typed variables (`i0..` ints, `f0..` floats, `s0..` strs, `l0..` flat
//! lists of scalars, `d0..` dicts of scalars, `o0..` instances), expressions over them
//! (arithmetic, comparisons, boolean operators, f-strings and `%`-formats, slicing,
//! method calls, comprehensions, builtins), assignments and augmented assignments,
//! `if`/`elif`/`else`, `for` over small ranges and string prefixes, counted `while`
//! loops, `break`/`continue`, `try`/`except`/`else`/`finally`, `raise`, `assert`,
//! `del`, functions with defaults, keyword arguments and `global`, and classes with
//! `__init__`, a method `m`, dunder methods and single inheritance using `super()`.
//!
//! Termination and size are guaranteed by construction, not by the VM:
//! - every loop runs at most [`MAX_ITERATIONS`] times (`range(k)`, a string prefix, or
//!   a `while` whose private counter is bumped first thing in the body);
//! - there is no recursion: the body of a function or method may only call the
//!   functions and classes defined before it, dunder methods call nothing, and inside
//!   a body methods are only called on a fresh instance of an earlier class;
//! - an estimated cost (statements executed, times enclosing loop counts, plus the
//!   cost of each call) is kept per body and for the module, and a call that would go
//!   over the budget is not generated;
//! - values stay small: every assignment goes through the prelude's `_c`, which cuts
//!   ints past 10**30 and sequences past 60 items; repetition counts and exponents
//!   are reduced modulo small numbers; lists and dicts only ever hold scalars (so no
//!   deep or shared nesting), and `append`/item assignment are guarded by a length
//!   check.
//!
//! Exceptions are expected (`TypeError`, `ZeroDivisionError`, `NameError` ...): most
//! module-level statements are wrapped in `try`/`except Exception` so that a program
//! goes on after one.

use arbitrary::{Arbitrary, Unstructured};

/// The most iterations of one loop.
pub const MAX_ITERATIONS: u64 = 5;
/// The estimated cost allowed for one function or method body.
const BODY_BUDGET: u64 = 400;
/// The estimated cost allowed for the whole module.
const MODULE_BUDGET: u64 = 6_000;
/// Deepest expression nesting.
const MAX_EXPR_DEPTH: u32 = 3;
/// Deepest statement nesting (blocks inside blocks).
const MAX_BLOCK_DEPTH: u32 = 3;
/// At most this many statements in one block.
const MAX_BLOCK_LEN: u32 = 6;
/// Functions and classes in one program.
const MAX_CALLABLES: usize = 6;
/// Top-level statements in one program.
const MAX_TOP_LEVEL: u32 = 30;

/// Defined before any generated code: the value clamp every assignment goes through.
pub const PRELUDE: &str = "\
def _c(x):
    t = type(x)
    if t is int:
        if x > 10 ** 30 or x < -10 ** 30:
            return x % 1000003
        return x
    if t is str:
        if len(x) > 60:
            return x[:60]
        return x
    if t is list:
        if len(x) > 60 or len(repr(x)) > 3000:
            return []
        return x
    if t is dict:
        if len(x) > 60 or len(repr(x)) > 3000:
            return {}
        return x
    return x
class _K:
    def __init__(self, a):
        self.a = a
    def __repr__(self):
        return '_K(' + repr(self.a) + ')'
";

/// A rendered program (the prelude included).
#[derive(Debug, Clone)]
pub struct Program {
    pub source: String,
}

impl<'a> Arbitrary<'a> for Program {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Program {
            source: Gen::new(u).program(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Int,
    Float,
    Str,
    List,
    Dict,
    Obj,
}

const VAR_TYPES: [Ty; 6] = [Ty::Int, Ty::Float, Ty::Str, Ty::List, Ty::Dict, Ty::Obj];

fn prefix(t: Ty) -> &'static str {
    match t {
        Ty::Int => "i",
        Ty::Float => "f",
        Ty::Str => "s",
        Ty::List => "l",
        Ty::Dict => "d",
        Ty::Obj => "o",
    }
}

/// Variables of each type in the module namespace.
const VARS_PER_TYPE: u32 = 3;

#[derive(Debug, Clone)]
enum Callable {
    /// `def gN(a, b='...')` (with `*rest, **kw` when `varargs`): returns an int.
    Func {
        name: String,
        cost: u64,
        varargs: bool,
    },
    /// `class CN`: `CN(int)`, attribute `a` (int), method `m(int) -> int`.
    Class { name: String, m_cost: u64 },
}

/// Where the statements being generated live.
#[derive(Debug, Clone)]
struct Scope {
    /// Callables (by index) this body may call: `0..visible`.
    visible: usize,
    /// In a function or method body (not the module).
    in_body: bool,
    /// In a method: `self` and `x` are available.
    in_method: bool,
    /// Extra names bound by enclosing `for` loops / comprehensions, with their type.
    bound: Vec<(String, Ty)>,
    /// Inside a loop (`break`/`continue` allowed).
    in_loop: bool,
    /// Product of the enclosing loop counts.
    mult: u64,
    /// A closure `inner(k) -> int` (with `nonlocal i0`) is defined in this body.
    closure: bool,
    /// Statement nesting.
    depth: u32,
}

struct Gen<'u, 'a> {
    u: &'u mut Unstructured<'a>,
    out: String,
    callables: Vec<Callable>,
    /// Cost of the body being generated (or the module).
    cost: u64,
    budget: u64,
    /// Counters for fresh `while` / loop variable names.
    fresh: u32,
}

const INT_LITERALS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "-1",
    "7",
    "10",
    "255",
    "-128",
    "1000",
    "0x1f",
    "0b101",
    "0o17",
    "1_000_000",
    "2 ** 31",
    "2 ** 63",
    "-2 ** 64",
    "123456789012345678901234567890",
    "True",
    "False",
];

const FLOAT_LITERALS: &[&str] = &[
    "0.0",
    "-0.0",
    "0.1",
    "1.5",
    "2.5",
    "-2.5",
    "1e-05",
    "1e16",
    "1e300",
    "3.141592653589793",
    "float('inf')",
    "float('-inf')",
    "float('nan')",
    "1 / 3",
];

const STR_LITERALS: &[&str] = &[
    "''",
    "'a'",
    "'abc'",
    "'Hello'",
    "'x y z'",
    "'42'",
    "' 7 '",
    "'-3'",
    "'3.5'",
    "'h\\u00e9llo'",
    "'\\u00df'",
    "'\\U0001f600'",
    "'\\n\\t'",
    "'%d'",
    "'{}'",
    "'a,b,,c'",
    "\"it's\"",
    "'ABC def'",
];

/// Format specs for f-strings (bounded widths and precisions).
const SPECS: &[&str] = &[
    "", ">8", "<6", "^9", "*^11", "08", "+", " ", ",", "_", ".3", ".2f", ".0e", "10.4g", "x", "#x",
    "o", "b", "#o", "e", "%", "n", "s", "=+9", "z.1f", ".20f", "12,.2f", "c",
];

const PERCENT_FORMATS: &[(&str, &[Ty])] = &[
    ("'%d'", &[Ty::Int]),
    ("'%5d|%-4s'", &[Ty::Int, Ty::Str]),
    ("'%x %o %X'", &[Ty::Int, Ty::Int, Ty::Int]),
    ("'%.3f'", &[Ty::Float]),
    ("'%e|%g'", &[Ty::Float, Ty::Float]),
    ("'%r'", &[Ty::Str]),
    ("'%s and %s'", &[Ty::Str, Ty::Int]),
    ("'%+06.1f'", &[Ty::Float]),
    ("'%c'", &[Ty::Int]),
    ("'%#x'", &[Ty::Int]),
    ("'%a'", &[Ty::Str]),
    ("'%%%i'", &[Ty::Int]),
];

const EXCEPTIONS: &[&str] = &[
    "Exception",
    "ValueError",
    "TypeError",
    "ZeroDivisionError",
    "IndexError",
    "KeyError",
    "NameError",
    "AttributeError",
    "ArithmeticError",
    "LookupError",
    "OverflowError",
    "AssertionError",
    "UnboundLocalError",
    "RuntimeError",
];

impl<'u, 'a> Gen<'u, 'a> {
    fn new(u: &'u mut Unstructured<'a>) -> Self {
        Gen {
            u,
            out: String::new(),
            callables: Vec::new(),
            cost: 0,
            budget: MODULE_BUDGET,
            fresh: 0,
        }
    }

    // ---- choices ----------------------------------------------------------------

    /// A number in `0..n` (0 once the input is used up, so generation ends with the
    /// simplest choices).
    fn pick(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.u.int_in_range(0..=n - 1).unwrap_or(0)
    }

    fn chance(&mut self, percent: u32) -> bool {
        (self.u.int_in_range(0..=99u32).unwrap_or(100)) < percent
    }

    fn choose<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.pick(items.len())]
    }

    fn exhausted(&self) -> bool {
        self.u.is_empty()
    }

    // ---- output -----------------------------------------------------------------

    fn line(&mut self, indent: u32, text: &str) {
        for _ in 0..indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    // ---- program ----------------------------------------------------------------

    fn program(mut self) -> String {
        self.out.push_str(PRELUDE);
        // Every module variable starts bound, so most reads succeed.
        self.out
            .push_str("i0, i1, i2 = 0, 7, -3\nf0, f1, f2 = 0.5, -2.0, 1e10\n");
        self.out
            .push_str("s0, s1, s2 = 'abc', '', 'x1'\nl0, l1, l2 = [1, 2], [], ['a', 3]\n");
        self.out
            .push_str("d0, d1, d2 = {}, {'k': 1}, {1: 'one'}\no0, o1, o2 = _K(1), _K(-2), None\n");
        let scope = Scope {
            visible: 0,
            in_body: false,
            in_method: false,
            bound: Vec::new(),
            in_loop: false,
            mult: 1,
            closure: false,
            depth: 0,
        };
        let n = 1 + self.pick(MAX_TOP_LEVEL as usize);
        for _ in 0..n {
            if self.exhausted() || self.cost >= self.budget {
                break;
            }
            match self.pick(8) {
                0 if self.callables.len() < MAX_CALLABLES => self.def_function(),
                1 if self.callables.len() < MAX_CALLABLES => self.def_class(),
                _ => {
                    let mut scope = scope.clone();
                    scope.visible = self.callables.len();
                    if self.chance(85) {
                        // Wrapped, so the program goes on after an exception.
                        self.line(0, "try:");
                        scope.depth = 1;
                        self.statement(&scope, 1);
                        self.line(0, "except Exception as e:");
                        self.line(1, "print('!', type(e).__name__)");
                    } else {
                        self.statement(&scope, 0);
                    }
                }
            }
        }
        self.line(0, "print(i0, i1, i2, f0, s0, s1, l0, d0, o0)");
        self.out
    }

    /// Runs `f` as a new body with its own budget; returns the body's cost.
    fn with_body_budget(&mut self, f: impl FnOnce(&mut Self)) -> u64 {
        let (saved_cost, saved_budget) = (self.cost, self.budget);
        self.cost = 0;
        self.budget = BODY_BUDGET;
        f(self);
        let cost = self.cost.max(1);
        self.cost = saved_cost + 1;
        self.budget = saved_budget;
        cost
    }

    fn body_scope(&self, in_method: bool) -> Scope {
        Scope {
            visible: self.callables.len(),
            in_body: true,
            in_method,
            bound: vec![("a".into(), Ty::Int), ("b".into(), Ty::Str)],
            in_loop: false,
            mult: 1,
            closure: false,
            depth: 1,
        }
    }

    fn def_function(&mut self) {
        let name = format!("g{}", self.callables.len());
        let default = self.choose(STR_LITERALS);
        let varargs = self.chance(40);
        if varargs {
            self.line(0, &format!("def {name}(a, b={default}, *rest, **kw):"));
        } else {
            self.line(0, &format!("def {name}(a, b={default}):"));
        }
        if self.chance(30) {
            self.line(1, "global i1, s1");
        }
        // Locals start bound too (a read of an unassigned local is UnboundLocalError).
        if varargs {
            self.line(
                1,
                "i0, s0, l0, d0, f0 = a, b, [a, b, *rest], {b: a, **kw}, 0.25",
            );
        } else {
            self.line(1, "i0, s0, l0, d0, f0 = a, b, [a, b], {b: a}, 0.25");
        }
        let mut scope = self.body_scope(false);
        if self.chance(30) {
            // A closure over the local i0 (a cell), called from the body.
            self.line(1, "def inner(k):");
            self.line(2, "nonlocal i0");
            self.line(2, "i0 = _c(i0 + k)");
            self.line(2, "return i0");
            scope.closure = true;
        }
        let cost = self.with_body_budget(|g| {
            g.block(&scope, 1);
            let ret = g.int_expr(&scope, 0);
            g.line(1, &format!("return {ret}"));
        });
        self.callables.push(Callable::Func {
            name,
            cost,
            varargs,
        });
    }

    fn def_class(&mut self) {
        let index = self.callables.len();
        let name = format!("C{index}");
        let base = self.class_names(index);
        let base = if !base.is_empty() && self.chance(50) {
            Some(self.choose(&base))
        } else {
            None
        };
        match base {
            Some(b) => self.line(0, &format!("class {name}({}):", self.class_name(b))),
            None => self.line(0, &format!("class {name}:")),
        }
        if self.chance(20) {
            self.line(1, "kind = 'class attribute'");
        }
        self.line(1, "def __init__(self, a):");
        if base.is_some() && self.chance(50) {
            self.line(2, "super().__init__(a)");
        } else {
            self.line(2, "self.a = _c(a)");
        }
        // Dunders call nothing: they may run implicitly from anywhere. Every class
        // has a `__repr__`, so that no output shows an address (python3 differs).
        self.line(1, "def __repr__(self):");
        if self.chance(80) {
            self.line(2, &format!("return '{name}(' + repr(self.a) + ')'"));
        } else {
            self.line(2, &format!("return f'{name}<{{self.a!r:>5}}>'"));
        }
        if self.chance(40) {
            self.line(1, "def __eq__(self, other):");
            self.line(
                2,
                &format!("return isinstance(other, {name}) and self.a == other.a"),
            );
        }
        if self.chance(30) {
            self.line(1, "def __hash__(self):");
            self.line(2, "return hash(self.a)");
        }
        if self.chance(30) {
            self.line(1, "def __lt__(self, other):");
            self.line(2, "return self.a < other.a");
        }
        if self.chance(30) {
            self.line(1, "def __add__(self, other):");
            self.line(2, &format!("return {name}(_c(self.a + other.a))"));
        }
        if self.chance(20) {
            self.line(1, "def __len__(self):");
            self.line(2, "return abs(self.a) % 10");
        }
        if self.chance(20) {
            self.line(1, "def __bool__(self):");
            self.line(2, "return self.a > 0");
        }
        self.line(1, "def m(self, x):");
        let mut scope = self.body_scope(true);
        scope.bound = vec![("x".into(), Ty::Int)];
        scope.depth = 2;
        self.line(2, "i0, s0, l0, d0, f0 = x, 'm', [x], {}, 0.5");
        let base_m_cost = base.map(|b| self.method_cost(b)).unwrap_or(0);
        let m_cost = self.with_body_budget(|g| {
            g.block(&scope, 2);
            let ret = g.int_expr(&scope, 0);
            if base.is_some() && g.chance(50) && g.cost + base_m_cost <= g.budget {
                g.cost += base_m_cost;
                g.line(2, &format!("return _c(super().m(x) + {ret})"));
            } else {
                g.line(2, &format!("return {ret}"));
            }
        });
        self.callables.push(Callable::Class {
            name,
            m_cost: m_cost + base_m_cost,
        });
    }

    fn class_names(&self, visible: usize) -> Vec<usize> {
        (0..visible)
            .filter(|&i| matches!(self.callables[i], Callable::Class { .. }))
            .collect()
    }

    fn func_names(&self, visible: usize) -> Vec<usize> {
        (0..visible)
            .filter(|&i| matches!(self.callables[i], Callable::Func { .. }))
            .collect()
    }

    fn class_name(&self, i: usize) -> String {
        match &self.callables[i] {
            Callable::Class { name, .. } | Callable::Func { name, .. } => name.clone(),
        }
    }

    fn method_cost(&self, i: usize) -> u64 {
        match &self.callables[i] {
            Callable::Class { m_cost, .. } => *m_cost,
            Callable::Func { cost, .. } => *cost,
        }
    }

    /// Charges `units` (times the loop multiplier); false if over budget.
    fn charge(&mut self, scope: &Scope, units: u64) -> bool {
        let c = units.saturating_mul(scope.mult);
        if self.cost.saturating_add(c) > self.budget {
            return false;
        }
        self.cost += c;
        true
    }

    // ---- statements ---------------------------------------------------------------

    fn block(&mut self, scope: &Scope, indent: u32) {
        let n = 1 + self.pick(MAX_BLOCK_LEN as usize);
        let mut any = false;
        for _ in 0..n {
            if self.exhausted() || self.cost >= self.budget {
                break;
            }
            self.statement(scope, indent);
            any = true;
        }
        if !any {
            self.line(indent, "pass");
        }
    }

    fn var(&mut self, t: Ty, scope: &Scope) -> String {
        let bound: Vec<String> = scope
            .bound
            .iter()
            .filter(|(_, bt)| *bt == t)
            .map(|(n, _)| n.clone())
            .collect();
        if !bound.is_empty() && self.chance(40) {
            return self.choose_string(&bound);
        }
        if scope.in_method && t == Ty::Int && self.chance(30) {
            return "self.a".into();
        }
        format!("{}{}", prefix(t), self.pick(VARS_PER_TYPE as usize))
    }

    /// A plain variable name to assign (not a loop variable or attribute).
    fn target(&mut self, t: Ty) -> String {
        format!("{}{}", prefix(t), self.pick(VARS_PER_TYPE as usize))
    }

    fn choose_string(&mut self, items: &[String]) -> String {
        items[self.pick(items.len())].clone()
    }

    fn statement(&mut self, scope: &Scope, indent: u32) {
        if !self.charge(scope, 1) {
            self.line(indent, "pass");
            return;
        }
        let nested = scope.depth < MAX_BLOCK_DEPTH;
        match self.pick(24) {
            0..=4 => {
                let t = self.choose(&VAR_TYPES);
                let target = self.target(t);
                let e = self.expr(t, scope, 0);
                self.line(indent, &format!("{target} = _c({e})"));
            }
            5 => {
                let t = self.choose(&[Ty::Int, Ty::Int, Ty::Float, Ty::Str, Ty::List]);
                let target = self.target(t);
                let (op, rhs) = match t {
                    Ty::Int => {
                        let op = self.choose(&["+=", "-=", "*=", "//=", "%=", "&=", "|=", "^="]);
                        (op, self.int_expr(scope, 1))
                    }
                    Ty::Float => {
                        let op = self.choose(&["+=", "-=", "*=", "/="]);
                        (op, self.float_expr(scope, 1))
                    }
                    Ty::Str => ("+=", self.str_expr(scope, 1)),
                    _ => ("+=", self.list_expr(scope, 1)),
                };
                self.line(indent, &format!("{target} {op} {rhs}"));
                self.line(indent, &format!("{target} = _c({target})"));
            }
            6..=8 => {
                let n = 1 + self.pick(3);
                let mut args = Vec::new();
                for _ in 0..n {
                    let t = self.choose(&VAR_TYPES);
                    args.push(self.expr(t, scope, 0));
                }
                let mut call = format!("print({}", args.join(", "));
                if self.chance(15) {
                    call.push_str(", sep='|'");
                }
                if self.chance(10) {
                    call.push_str(", end=';\\n'");
                }
                call.push(')');
                self.line(indent, &call);
            }
            9 => {
                let l = self.var(Ty::List, scope);
                let x = self.scalar_expr(scope, 1);
                let i = self.int_expr(scope, 2);
                let text = match self.pick(10) {
                    // Items go through the clamp too: `l.append(str(l))` in a loop
                    // otherwise doubles the text each time (a timeout finding).
                    0 | 1 => format!("if len({l}) < 64: {l}.append(_c({x}))"),
                    2 => format!("{l}.pop()"),
                    3 => format!("{l}.sort()"),
                    4 => format!("{l}.reverse()"),
                    5 => format!("{l}[{i}] = _c({x})"),
                    6 => {
                        let r = self.list_expr(scope, 2);
                        let j = self.int_expr(scope, 2);
                        format!("if len({l}) < 64: {l}[{i}:{j}] = {r}")
                    }
                    7 => {
                        let j = self.int_expr(scope, 2);
                        match self.pick(3) {
                            0 => format!("del {l}[{i}:{j}]"),
                            1 => format!("del {l}[::2]"),
                            _ => format!("{l}[::2] = {l}[1::2] + {l}[:1]"),
                        }
                    }
                    8 => {
                        let target = self.target(Ty::Int);
                        let rest = self.target(Ty::List);
                        let r = self.list_expr(scope, 2);
                        // Through the clamp, as every other assignment: squaring an
                        // int here each iteration grew it without bound.
                        format!("{target}, *{rest} = [_c({i})] + {r}")
                    }
                    _ => format!("del {l}[{i}]"),
                };
                self.line(indent, &text);
            }
            10 => {
                let d = self.var(Ty::Dict, scope);
                let k = self.key_expr(scope, 1);
                let v = self.scalar_expr(scope, 1);
                let text = match self.pick(4) {
                    0 | 1 => format!("if len({d}) < 64: {d}[{k}] = {v}"),
                    2 => format!("del {d}[{k}]"),
                    _ => format!("{d}.pop({k}, None)"),
                };
                self.line(indent, &text);
            }
            11 => {
                let target = if scope.in_method && self.chance(50) {
                    "self".to_string()
                } else {
                    self.var(Ty::Obj, scope)
                };
                let e = self.int_expr(scope, 1);
                self.line(indent, &format!("{target}.a = _c({e})"));
            }
            12 | 13 if nested => self.if_statement(scope, indent),
            14 | 15 if nested => self.for_statement(scope, indent),
            16 if nested => self.while_statement(scope, indent),
            17 if nested => self.try_statement(scope, indent),
            18 if scope.in_loop => {
                let kw = self.choose(&["break", "continue"]);
                let cond = self.bool_expr(scope, 1);
                self.line(indent, &format!("if {cond}: {kw}"));
            }
            19 => {
                let exc = self.choose(&EXCEPTIONS[1..8]);
                let msg = self.str_expr(scope, 1);
                self.line(indent, &format!("raise {exc}({msg})"));
            }
            20 => {
                let cond = self.bool_expr(scope, 1);
                let msg = self.str_expr(scope, 2);
                self.line(indent, &format!("assert {cond}, {msg}"));
            }
            21 if scope.in_body && scope.depth > 1 => {
                let cond = self.bool_expr(scope, 1);
                let e = self.int_expr(scope, 1);
                self.line(indent, &format!("if {cond}: return {e}"));
            }
            21 if !scope.in_body => {
                let t = self.choose(&VAR_TYPES);
                let v = self.target(t);
                self.line(indent, &format!("del {v}"));
            }
            _ => {
                // An expression statement: a call for its effect (or error).
                let e = self.int_expr(scope, 0);
                self.line(indent, &e);
            }
        }
    }

    fn inner(scope: &Scope) -> Scope {
        let mut s = scope.clone();
        s.depth += 1;
        s
    }

    fn if_statement(&mut self, scope: &Scope, indent: u32) {
        let inner = Self::inner(scope);
        let cond = self.bool_expr(scope, 0);
        self.line(indent, &format!("if {cond}:"));
        self.block(&inner, indent + 1);
        if self.chance(30) {
            let cond = self.bool_expr(scope, 0);
            self.line(indent, &format!("elif {cond}:"));
            self.block(&inner, indent + 1);
        }
        if self.chance(40) {
            self.line(indent, "else:");
            self.block(&inner, indent + 1);
        }
    }

    fn for_statement(&mut self, scope: &Scope, indent: u32) {
        let k = 1 + self.pick(MAX_ITERATIONS as usize) as u64;
        let mut inner = Self::inner(scope);
        inner.in_loop = true;
        inner.mult = scope.mult.saturating_mul(k);
        self.fresh += 1;
        let n = self.fresh;
        match self.pick(4) {
            0 | 1 => {
                let q = format!("q{n}");
                let start = self.pick(3);
                self.line(
                    indent,
                    &format!("for {q} in range({start}, {}):", start as u64 + k),
                );
                inner.bound.push((q, Ty::Int));
            }
            2 => {
                let (q, ch) = (format!("q{n}"), format!("c{n}"));
                let s = self.str_expr(scope, 1);
                self.line(
                    indent,
                    &format!("for {q}, {ch} in enumerate(str({s})[:{k}]):"),
                );
                inner.bound.push((q, Ty::Int));
                inner.bound.push((ch, Ty::Str));
            }
            _ => {
                let ch = format!("c{n}");
                let l = self.list_expr(scope, 1);
                // Elements are scalars of any type: str() makes them strs.
                self.line(indent, &format!("for {ch} in map(str, list({l})[:{k}]):"));
                inner.bound.push((ch, Ty::Str));
            }
        }
        self.block(&inner, indent + 1);
        if self.chance(20) {
            self.line(indent, "else:");
            let mut after = Self::inner(scope);
            after.mult = scope.mult;
            self.block(&after, indent + 1);
        }
    }

    fn while_statement(&mut self, scope: &Scope, indent: u32) {
        let k = 1 + self.pick(MAX_ITERATIONS as usize) as u64;
        self.fresh += 1;
        let w = format!("w{}", self.fresh);
        let mut inner = Self::inner(scope);
        inner.in_loop = true;
        inner.mult = scope.mult.saturating_mul(k);
        self.line(indent, &format!("{w} = 0"));
        let mut cond_scope = scope.clone();
        cond_scope.mult = scope.mult.saturating_mul(k + 1);
        let extra = if self.chance(40) {
            format!(" and {}", self.bool_expr(&cond_scope, 1))
        } else {
            String::new()
        };
        self.line(indent, &format!("while {w} < {k}{extra}:"));
        // The counter goes up before anything can `continue`.
        self.line(indent + 1, &format!("{w} += 1"));
        inner.bound.push((w, Ty::Int));
        self.block(&inner, indent + 1);
    }

    fn try_statement(&mut self, scope: &Scope, indent: u32) {
        let inner = Self::inner(scope);
        self.line(indent, "try:");
        self.block(&inner, indent + 1);
        let handlers = self.pick(3);
        for h in 0..handlers {
            let text = match self.pick(4) {
                0 => "except:".to_string(),
                1 => {
                    let a = self.choose(EXCEPTIONS);
                    let b = self.choose(EXCEPTIONS);
                    format!("except ({a}, {b}) as e:")
                }
                _ => format!("except {} as e:", self.choose(EXCEPTIONS)),
            };
            // A bare `except:` must be last.
            if text == "except:" && h + 1 != handlers {
                self.line(indent, "except ZeroDivisionError:");
            } else {
                self.line(indent, &text);
            }
            if self.chance(50) {
                self.line(
                    indent + 1,
                    "print('caught', type(e).__name__ if 'e' in dir() else '')",
                );
            }
            self.block(&inner, indent + 1);
        }
        if handlers > 0 && self.chance(25) {
            self.line(indent, "else:");
            self.block(&inner, indent + 1);
        }
        if handlers == 0 || self.chance(30) {
            self.line(indent, "finally:");
            self.block(&inner, indent + 1);
        }
    }

    // ---- expressions ------------------------------------------------------------

    fn expr(&mut self, t: Ty, scope: &Scope, depth: u32) -> String {
        match t {
            Ty::Int => self.int_expr(scope, depth),
            Ty::Float => self.float_expr(scope, depth),
            Ty::Str => self.str_expr(scope, depth),
            Ty::List => self.list_expr(scope, depth),
            Ty::Dict => self.dict_expr(scope, depth),
            Ty::Obj => self.obj_expr(scope, depth),
        }
    }

    /// An int, float or str (what containers may hold).
    fn scalar_expr(&mut self, scope: &Scope, depth: u32) -> String {
        let t = self.choose(&[Ty::Int, Ty::Int, Ty::Float, Ty::Str, Ty::Str]);
        self.expr(t, scope, depth)
    }

    fn key_expr(&mut self, scope: &Scope, depth: u32) -> String {
        let t = self.choose(&[Ty::Int, Ty::Str]);
        self.expr(t, scope, depth)
    }

    fn leaf(&mut self, t: Ty, scope: &Scope) -> String {
        if self.chance(50) {
            return self.var(t, scope);
        }
        match t {
            Ty::Int => self.choose(INT_LITERALS).to_string(),
            Ty::Float => self.choose(FLOAT_LITERALS).to_string(),
            Ty::Str => self.choose(STR_LITERALS).to_string(),
            Ty::List => "[]".to_string(),
            Ty::Dict => "{}".to_string(),
            Ty::Obj => "None".to_string(),
        }
    }

    fn at_leaf(&mut self, depth: u32) -> bool {
        depth >= MAX_EXPR_DEPTH || self.exhausted() || self.chance(25)
    }

    fn int_expr(&mut self, scope: &Scope, depth: u32) -> String {
        if self.at_leaf(depth) {
            return self.leaf(Ty::Int, scope);
        }
        let d = depth + 1;
        match self.pick(18) {
            0..=3 => {
                let op = self.choose(&["+", "-", "*", "//", "%", "&", "|", "^"]);
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                format!("({a} {op} {b})")
            }
            4 => {
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                let op = self.choose(&["**", "<<", ">>"]);
                let m = if op == "**" { 4 } else { 70 };
                format!("({a} {op} ({b} % {m}))")
            }
            5 => {
                let op = self.choose(&["-", "~", "+", "not "]);
                let a = self.int_expr(scope, d);
                format!("({op}{a})")
            }
            6 => {
                let s = self.str_expr(scope, d);
                // hash() of a str differs from python3's (even with PYTHONHASHSEED=0),
                // so only ints are hashed, to keep the output comparable.
                let f = self.choose(&["len", "hash", "int", "ord"]);
                if f == "hash" {
                    let n = self.int_expr(scope, d);
                    format!("hash({n})")
                } else {
                    format!("{f}({s})")
                }
            }
            7 => {
                let l = self.list_expr(scope, d);
                let f = self.choose(&["len", "sum", "min", "max"]);
                if f == "len" {
                    format!("len({l})")
                } else {
                    format!("int({f}({l}))")
                }
            }
            8 => {
                let x = self.float_expr(scope, d);
                let f = self.choose(&["int", "round"]);
                format!("{f}({x})")
            }
            9 => {
                // Elements are scalars of any type: int() keeps the type promise.
                let l = self.list_expr(scope, d);
                let i = self.int_expr(scope, d);
                format!("int({l}[{i}])")
            }
            10 => {
                let c = self.bool_expr(scope, d);
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                format!("({a} if {c} else {b})")
            }
            11 => {
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                let f = self.choose(&[
                    "abs({a})",
                    "divmod({a}, {b})[0]",
                    "pow({a}, {b} % 3)",
                    "max({a}, {b})",
                    "min({a}, {b}, 0)",
                ]);
                fill(f, &[&a, &b])
            }
            12 => self.bool_expr(scope, d),
            13 => {
                let o = self.obj_atom(scope);
                format!("{o}.a")
            }
            14 if scope.closure && self.chance(50) => {
                let k = self.int_expr(scope, d);
                format!("inner({k})")
            }
            14 => {
                let a = self.int_expr(scope, d);
                let f = self.choose(&[
                    "(lambda v: v * 2 - 1)({a})",
                    "(lambda v, w=3: v // w)({a})",
                    "(lambda *v: len(v))({a}, {a})",
                ]);
                fill(f, &[&a])
            }
            15 => {
                let s = self.str_expr(scope, d);
                let t = self.str_expr(scope, d);
                let m = self.choose(&["find", "count", "rfind"]);
                format!("{s}.{m}({t})")
            }
            _ => self.call_expr(scope, d),
        }
    }

    /// A call of a visible function or method, within budget; otherwise a leaf.
    fn call_expr(&mut self, scope: &Scope, depth: u32) -> String {
        let funcs = self.func_names(scope.visible);
        let classes = self.class_names(scope.visible);
        if !funcs.is_empty() && (classes.is_empty() || self.chance(60)) {
            let f = self.choose(&funcs);
            let cost = self.method_cost(f);
            if !self.charge(scope, cost) {
                return self.leaf(Ty::Int, scope);
            }
            let name = self.class_name(f);
            let a = self.int_expr(scope, depth + 1);
            if matches!(self.callables[f], Callable::Func { varargs: true, .. }) && self.chance(60)
            {
                let b = self.str_expr(scope, depth + 1);
                let x = self.scalar_expr(scope, depth + 1);
                let l = self.list_expr(scope, depth + 1);
                return match self.pick(3) {
                    0 => format!("{name}({a}, {b}, {x}, k={x})"),
                    1 => format!("{name}({a}, {b}, *{l}, **{{'z': {x}}})"),
                    _ => format!("{name}(*[{a}, {b}], *{l})"),
                };
            }
            return match self.pick(3) {
                0 => format!("{name}({a})"),
                1 => {
                    let b = self.str_expr(scope, depth + 1);
                    format!("{name}({a}, {b})")
                }
                _ => {
                    let b = self.str_expr(scope, depth + 1);
                    format!("{name}(b={b}, a={a})")
                }
            };
        }
        if !classes.is_empty() {
            let c = self.choose(&classes);
            // `oN.m()` may reach any visible class's `m`: charge the dearest.
            let dearest = classes.iter().map(|&k| self.method_cost(k)).max();
            let cost = dearest.unwrap_or(0) + 2;
            if !self.charge(scope, cost) {
                return self.leaf(Ty::Int, scope);
            }
            let name = self.class_name(c);
            let a = self.int_expr(scope, depth + 1);
            let x = self.int_expr(scope, depth + 1);
            // Module code may call `m` on a variable; bodies only on a fresh earlier
            // instance (a variable could hold a later class whose `m` calls back).
            if !scope.in_body && self.chance(50) {
                let o = self.var(Ty::Obj, scope);
                return format!("{o}.m({x})");
            }
            return format!("{name}({a}).m({x})");
        }
        self.leaf(Ty::Int, scope)
    }

    fn bool_expr(&mut self, scope: &Scope, depth: u32) -> String {
        if depth >= MAX_EXPR_DEPTH || self.exhausted() {
            let v = self.var(Ty::Int, scope);
            return format!("({v} > 0)");
        }
        let d = depth + 1;
        match self.pick(10) {
            0..=2 => {
                let t = self.choose(&[Ty::Int, Ty::Int, Ty::Float, Ty::Str, Ty::List]);
                let a = self.expr(t, scope, d);
                let b = self.expr(t, scope, d);
                let op = self.choose(&["<", "<=", "==", "!=", ">", ">="]);
                format!("({a} {op} {b})")
            }
            3 => {
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                let c = self.int_expr(scope, d);
                format!("({a} < {b} <= {c})")
            }
            4 => {
                let a = self.bool_expr(scope, d);
                let b = self.bool_expr(scope, d);
                let op = self.choose(&["and", "or"]);
                format!("({a} {op} {b})")
            }
            5 if self.chance(30) => {
                // The walrus binds a (clamped) int variable of the enclosing scope.
                let target = self.target(Ty::Int);
                let a = self.int_expr(scope, d);
                format!("(({target} := _c({a})) > 0)")
            }
            5 => {
                let a = self.bool_expr(scope, d);
                format!("(not {a})")
            }
            6 => {
                let x = self.scalar_expr(scope, d);
                let c = self.choose(&[Ty::List, Ty::Dict, Ty::Str]);
                let c = self.expr(c, scope, d);
                let op = self.choose(&["in", "not in"]);
                format!("({x} {op} {c})")
            }
            7 => {
                let o = self.obj_atom(scope);
                let names = self.class_names(self.callables.len());
                let class = if names.is_empty() {
                    "object".to_string()
                } else {
                    let c = self.choose(&names);
                    self.class_name(c)
                };
                match self.pick(3) {
                    0 => format!("isinstance({o}, {class})"),
                    1 => format!("({o} is None)"),
                    _ => format!("bool({o})"),
                }
            }
            8 => {
                let o = self.obj_atom(scope);
                let p = self.obj_atom(scope);
                let op = self.choose(&["==", "!=", "<", "is"]);
                format!("({o} {op} {p})")
            }
            _ => {
                let s = self.str_expr(scope, d);
                let m = self.choose(&["isdigit", "isalpha", "isspace", "isupper", "isidentifier"]);
                format!("{s}.{m}()")
            }
        }
    }

    fn float_expr(&mut self, scope: &Scope, depth: u32) -> String {
        if self.at_leaf(depth) {
            return self.leaf(Ty::Float, scope);
        }
        let d = depth + 1;
        match self.pick(6) {
            0 | 1 => {
                let op = self.choose(&["+", "-", "*", "/", "//", "%"]);
                let a = self.float_expr(scope, d);
                let b = if self.chance(50) {
                    self.float_expr(scope, d)
                } else {
                    self.int_expr(scope, d)
                };
                format!("({a} {op} {b})")
            }
            2 => {
                let a = self.float_expr(scope, d);
                format!("({a} ** 2)")
            }
            3 => {
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                format!("({a} / {b})")
            }
            4 => {
                let s = self.str_expr(scope, d);
                format!("float({s})")
            }
            _ => {
                let a = self.float_expr(scope, d);
                let n = self.pick(4);
                format!("round({a}, {n})")
            }
        }
    }

    fn str_expr(&mut self, scope: &Scope, depth: u32) -> String {
        if self.at_leaf(depth) {
            return self.leaf(Ty::Str, scope);
        }
        let d = depth + 1;
        match self.pick(14) {
            0 | 1 => {
                let a = self.str_expr(scope, d);
                let b = self.str_expr(scope, d);
                format!("({a} + {b})")
            }
            2 => {
                let a = self.str_expr(scope, d);
                let n = self.int_expr(scope, d);
                format!("({a} * ({n} % 3))")
            }
            3 => {
                let t = self.choose(&VAR_TYPES);
                let x = self.expr(t, scope, d);
                let f = self.choose(&["str", "repr", "ascii"]);
                format!("{f}({x})")
            }
            4 => {
                let s = self.str_expr(scope, d);
                let m = self.choose(&[
                    "upper()",
                    "lower()",
                    "strip()",
                    "title()",
                    "swapcase()",
                    "replace('a', 'xy')",
                    "center(9, '*')",
                    "zfill(6)",
                    "lstrip('a')",
                    "capitalize()",
                ]);
                format!("{s}.{m}")
            }
            5 => {
                let s = self.str_expr(scope, d);
                let a = self.int_expr(scope, d);
                let b = self.int_expr(scope, d);
                match self.pick(3) {
                    0 => format!("{s}[{a}]"),
                    1 => format!("{s}[{a}:{b}]"),
                    _ => format!("{s}[::-1]"),
                }
            }
            6 | 7 => {
                // Python 3.11 allows neither the same quote nor a backslash inside
                // an f-string's fields: they hold names only.
                let t = self.choose(&[Ty::Int, Ty::Int, Ty::Float, Ty::Float, Ty::Str]);
                let x = self.var(t, scope);
                let spec = self.choose(SPECS);
                let conv = if t == Ty::Str && self.chance(30) {
                    "!r"
                } else {
                    ""
                };
                let y = self.var(Ty::Str, scope);
                format!("f'<{{{x}{conv}:{spec}}}|{{{y}}}>'")
            }
            8 => {
                let (fmt, types) = self.choose(PERCENT_FORMATS);
                let args: Vec<String> = types.iter().map(|&t| self.expr(t, scope, d)).collect();
                format!("({fmt} % ({},))", args.join(", "))
            }
            9 => {
                let l = self.list_expr(scope, d);
                let sep = self.choose(STR_LITERALS);
                format!("{sep}.join(map(str, {l}))")
            }
            10 => {
                let n = self.int_expr(scope, d);
                let f = self.choose(&["hex", "bin", "oct", "chr", "str"]);
                if f == "chr" {
                    format!("chr({n} % 1114112)")
                } else {
                    format!("{f}({n})")
                }
            }
            11 => {
                let s = self.str_expr(scope, d);
                let spec = self.choose(SPECS);
                let x = self.scalar_expr(scope, d);
                format!("format({x}, '{spec}') + {s}")
            }
            12 => {
                let o = self.obj_atom(scope);
                format!("repr({o})")
            }
            _ => {
                let d0 = self.dict_expr(scope, d);
                let k = self.key_expr(scope, d);
                format!("str({d0}.get({k}, 'none'))")
            }
        }
    }

    fn list_expr(&mut self, scope: &Scope, depth: u32) -> String {
        if self.at_leaf(depth) {
            return self.leaf(Ty::List, scope);
        }
        let d = depth + 1;
        match self.pick(10) {
            0 | 1 => {
                let n = self.pick(4);
                let items: Vec<String> = (0..n).map(|_| self.scalar_expr(scope, d)).collect();
                format!("[{}]", items.join(", "))
            }
            2 => {
                let a = self.list_expr(scope, d);
                let b = self.list_expr(scope, d);
                format!("({a} + {b})")
            }
            3 => {
                let a = self.list_expr(scope, d);
                let n = self.int_expr(scope, d);
                format!("({a} * ({n} % 3))")
            }
            4 => {
                let a = self.list_expr(scope, d);
                let i = self.int_expr(scope, d);
                let j = self.int_expr(scope, d);
                format!("{a}[{i}:{j}]")
            }
            5 => {
                let a = self.list_expr(scope, d);
                match self.pick(4) {
                    0 => format!("sorted({a})"),
                    1 => format!("sorted({a}, key=str, reverse=True)"),
                    2 => format!("sorted({a}, key=lambda v: repr(v)[::-1])"),
                    _ => format!("list(reversed({a}))"),
                }
            }
            6 => {
                let s = self.str_expr(scope, d);
                match self.pick(3) {
                    0 => format!("list({s})"),
                    1 => format!("{s}.split()"),
                    _ => format!("{s}.split(',')"),
                }
            }
            7 => {
                // The comprehension's own variable, bound for the element.
                self.fresh += 1;
                let q = format!("q{}", self.fresh);
                let k = 1 + self.pick(MAX_ITERATIONS as usize);
                let mut inner = scope.clone();
                inner.mult = scope.mult.saturating_mul(k as u64);
                inner.bound.push((q.clone(), Ty::Int));
                let e = self.scalar_expr(&inner, d);
                if self.chance(30) {
                    let c = self.bool_expr(&inner, d);
                    format!("[{e} for {q} in range({k}) if {c}]")
                } else {
                    format!("[{e} for {q} in range({k})]")
                }
            }
            8 => {
                let m = self.dict_expr(scope, d);
                let f = self.choose(&["list({m})", "list({m}.values())", "[k for k in {m}]"]);
                fill(f, &[&m])
            }
            9 if self.chance(50) => {
                let a = self.list_expr(scope, d);
                let b = self.list_expr(scope, d);
                let x = self.scalar_expr(scope, d);
                let op = self.choose(&["|", "&", "-", "^"]);
                match self.pick(3) {
                    0 => format!("sorted(set({a}) {op} set({b}))"),
                    1 => format!("sorted({{{x}}} {op} set({a}), key=repr)"),
                    _ => format!("[len(set({a})), {x} in set({b})]"),
                }
            }
            _ => {
                let o = self.obj_atom(scope);
                format!("[{o}.a]")
            }
        }
    }

    fn dict_expr(&mut self, scope: &Scope, depth: u32) -> String {
        if self.at_leaf(depth) {
            return self.leaf(Ty::Dict, scope);
        }
        let d = depth + 1;
        match self.pick(4) {
            0 | 1 => {
                let n = self.pick(4);
                let items: Vec<String> = (0..n)
                    .map(|_| {
                        let k = self.key_expr(scope, d);
                        let v = self.scalar_expr(scope, d);
                        format!("{k}: {v}")
                    })
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            2 => {
                let a = self.dict_expr(scope, d);
                let b = self.dict_expr(scope, d);
                format!("{{**{a}, **{b}}}")
            }
            _ => {
                self.fresh += 1;
                let q = format!("q{}", self.fresh);
                let k = 1 + self.pick(MAX_ITERATIONS as usize);
                let mut inner = scope.clone();
                inner.mult = scope.mult.saturating_mul(k as u64);
                inner.bound.push((q.clone(), Ty::Int));
                let v = self.scalar_expr(&inner, d);
                format!("{{{q}: {v} for {q} in range({k})}}")
            }
        }
    }

    /// An object operand for attribute reads and dunders (no user method calls).
    fn obj_atom(&mut self, scope: &Scope) -> String {
        if scope.in_method && self.chance(30) {
            return "self".into();
        }
        format!("o{}", self.pick(VARS_PER_TYPE as usize))
    }

    fn obj_expr(&mut self, scope: &Scope, depth: u32) -> String {
        let classes = self.class_names(scope.visible);
        if classes.is_empty() || depth >= MAX_EXPR_DEPTH || self.chance(30) {
            return self.obj_atom(scope);
        }
        match self.pick(3) {
            0 | 1 => {
                if !self.charge(scope, 3) {
                    return self.obj_atom(scope);
                }
                let c = self.choose(&classes);
                let name = self.class_name(c);
                let a = self.int_expr(scope, depth + 1);
                format!("{name}({a})")
            }
            _ => {
                let a = self.obj_atom(scope);
                let b = self.obj_atom(scope);
                format!("({a} + {b})")
            }
        }
    }
}

/// A template with `{a}`, `{b}` (or `{m}`) filled in one pass, so that a `{b}` inside
/// the text put in for `{a}` (an f-string field) stays as it is.
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let slot = match rest[i..].get(..3) {
            Some("{a}") | Some("{m}") => Some(0),
            Some("{b}") => Some(1),
            _ => None,
        };
        match slot {
            Some(k) => {
                out.push_str(args[k.min(args.len() - 1)]);
                rest = &rest[i + 3..];
            }
            None => {
                out.push('{');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Renders the program for `data` (what the `run_program` target runs).
pub fn render(data: &[u8]) -> String {
    let mut u = Unstructured::new(data);
    Gen::new(&mut u).program()
}
