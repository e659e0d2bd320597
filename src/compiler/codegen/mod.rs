//! Code generation: walks the AST and emits symbolic instructions into compile units,
//! one per scope, following CPython 3.11's `compile.c` shapes.
//!
//! The [`Compiler`] keeps the unit being generated and the stack of enclosing units;
//! entering a `def`, `class`, `lambda` or comprehension pushes a unit, and leaving it
//! assembles the unit into a [`CodeObject`] constant of the enclosing one. This file
//! holds that machinery and the helpers every node family uses (emission, labels,
//! positions, name operations); the node families live in the sibling files.

mod assign;
mod call;
mod class;
mod comprehension;
mod exceptions;
mod expr;
mod fold;
mod fstring;
mod function;
mod import;
mod jump_if;
mod loops;
mod stmt;
pub(crate) mod unit;
mod unwind;

use super::assembler::assemble;
use super::positions::SourceMap;
use super::symtable::{NameScope, Scope, ScopeKind, SymbolTable, flags, mangle};
use super::{CResult, CompileError, Mode};
use crate::bytecode::{CodeObject, Constant, Opcode, SourcePos, flags as co_flags};
use crate::diagnostics::Span;
use crate::syntax::ast;
use crate::syntax::ast::{CmpOpKind, Expr, ExprKind};
use std::collections::HashSet;
use unit::{Label, Oparg, Unit, UnitKind};

/// Calls and displays with more items than this are built incrementally (CPython's
/// `STACK_USE_GUIDELINE`).
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// Deepest expression nesting compiled: a little above the parser's bound, so only
/// ASTs not built by the parser reach it; beyond it compilation fails with
/// [`RECURSION_MESSAGE`] (CPython's `RecursionError`).
///
/// [`RECURSION_MESSAGE`]: crate::compiler::RECURSION_MESSAGE
pub(crate) const MAX_DEPTH: u32 = crate::syntax::MAX_NESTING + 20;

/// Load, store or delete: the context a name or target is compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

pub(crate) struct Compiler<'a> {
    table: &'a SymbolTable,
    map: SourceMap,
    filename: &'a str,
    /// The unit being generated.
    unit: Unit<'a>,
    /// Enclosing units, innermost last.
    parents: Vec<Unit<'a>>,
    /// Span of the node being compiled (for errors).
    span: Span,
    /// Expressions already known not to fold to a constant (by address).
    fold_failures: HashSet<usize>,
    /// Current expression nesting.
    depth: u32,
    /// SyntaxWarnings found so far (line, message), each once.
    pub(crate) warnings: Vec<(u32, String)>,
    /// `-O` level: 1 drops asserts and makes `__debug__` False, 2 also docstrings.
    pub(crate) optimize: u8,
}

/// Compile a module body into its code object. [`Mode::Single`] is compiled like
/// [`Mode::Exec`] for now.
pub(crate) fn compile_module<'a>(
    module: &'a ast::Module,
    table: &'a SymbolTable,
    source: &str,
    filename: &'a str,
    _mode: Mode,
    optimize: u8,
) -> CResult<(CodeObject, Vec<(u32, String)>)> {
    let mut unit = Unit::new(UnitKind::Module, 0, "<module>", 1);
    unit.emit(Opcode::RESUME, Oparg::Int(0));
    let mut c = Compiler {
        table,
        map: SourceMap::new(source),
        filename,
        unit,
        parents: Vec::new(),
        span: Span::default(),
        fold_failures: HashSet::new(),
        depth: 0,
        warnings: Vec::new(),
        optimize,
    };
    c.body(&module.body)?;
    c.emit_const(Constant::None);
    c.emit(Opcode::RETURN_VALUE);
    let unit = std::mem::replace(&mut c.unit, Unit::new(UnitKind::Module, 0, "", 0));
    let warnings = std::mem::take(&mut c.warnings);
    Ok((assemble(unit, filename)?, warnings))
}

impl<'a> Compiler<'a> {
    // ----- positions and errors -----

    /// CPython's `check_compare`: `is`/`is not` against a literal (a constant after
    /// folding, other than None, True, False or Ellipsis) earns a SyntaxWarning, once
    /// per check (a `while` condition, compiled twice, warns twice, as in 3.11).
    pub(crate) fn check_compare(&mut self, e: &'a Expr) {
        let ExprKind::Compare {
            left,
            ops,
            comparators,
        } = &e.kind
        else {
            return;
        };
        let mut lhs: &'a Expr = left;
        for (op, rhs) in ops.iter().zip(comparators) {
            let (word, suggest) = match op {
                CmpOpKind::Is => ("is", "=="),
                CmpOpKind::IsNot => ("is not", "!="),
                _ => ("", ""),
            };
            if !word.is_empty() && (self.is_literal(lhs) || self.is_literal(rhs)) {
                let line = self.pos(e.span).line;
                self.warnings.push((
                    line,
                    format!("\"{word}\" with a literal. Did you mean \"{suggest}\"?"),
                ));
            }
            lhs = rhs;
        }
    }

    /// A constant (after folding) that `is` should not be used with.
    fn is_literal(&mut self, x: &'a Expr) -> bool {
        matches!(
            self.fold(x),
            Ok(Some(c)) if !matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis)
        )
    }

    pub(crate) fn pos(&self, span: Span) -> SourcePos {
        self.map.pos(span)
    }

    /// Make `span` the position of the following instructions; returns the previous
    /// state for [`Compiler::restore_loc`].
    pub(crate) fn set_loc(&mut self, span: Span) -> (SourcePos, Span) {
        let old = (self.unit.loc, self.span);
        self.unit.loc = self.pos(span);
        self.span = span;
        old
    }

    pub(crate) fn restore_loc(&mut self, old: (SourcePos, Span)) {
        self.unit.loc = old.0;
        self.span = old.1;
    }

    /// An error at the node being compiled.
    pub(crate) fn error<T>(&self, message: impl Into<String>) -> CResult<T> {
        Err(CompileError::new(message, self.span))
    }

    // ----- emission -----

    pub(crate) fn emit(&mut self, op: Opcode) {
        self.unit.emit(op, Oparg::Int(0));
    }

    pub(crate) fn emit_arg(&mut self, op: Opcode, arg: u32) {
        self.unit.emit(op, Oparg::Int(arg));
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.unit.emit(op, Oparg::Label(target));
    }

    pub(crate) fn emit_const(&mut self, c: Constant) {
        let i = self.unit.add_const(c);
        self.emit_arg(Opcode::LOAD_CONST, i);
    }

    /// An instruction naming `co_names[i]`, with private-name mangling.
    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.unit.private.as_deref(), name);
        let i = self.unit.add_name(&mangled);
        self.emit_arg(op, i);
    }

    /// An instruction naming `co_names[i]`, without mangling.
    pub(crate) fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.unit.add_name(name);
        self.emit_arg(op, i);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.unit.new_label()
    }

    pub(crate) fn place(&mut self, label: Label) {
        self.unit.place(label);
    }

    // ----- scopes -----

    pub(crate) fn scope(&self) -> CResult<&'a Scope> {
        let table: &'a SymbolTable = self.table;
        table
            .scope(self.unit.scope)
            .ok_or_else(|| CompileError::internal("unknown scope", self.span))
    }

    /// The resolved scope of a (mangled) name in the current unit.
    pub(crate) fn name_scope(&self, mangled: &str) -> CResult<Option<NameScope>> {
        Ok(self.scope()?.scope_of(mangled))
    }

    /// Start a new unit for the scope opened by the node with address `key`.
    pub(crate) fn enter_scope(
        &mut self,
        kind: UnitKind,
        name: &str,
        key: usize,
        first_line: u32,
    ) -> CResult {
        let table: &'a SymbolTable = self.table;
        let Some(id) = table.scope_for(key) else {
            return Err(CompileError::internal(
                "scope not in symbol table",
                self.span,
            ));
        };
        let Some(scope) = table.scope(id) else {
            return Err(CompileError::internal("bad scope id", self.span));
        };
        let mut unit = Unit::new(kind, id, name, first_line);
        unit.private = scope.private.clone();
        for param in &scope.params {
            unit.varname_index(param);
        }
        unit.cellvars = scope.names_sorted(NameScope::Cell, 0);
        if scope.kind == ScopeKind::Class && scope.needs_class_closure {
            unit.cellvars.push("__class__".to_string());
        }
        unit.freevars = scope.names_sorted(NameScope::Free, flags::FREE_CLASS);
        if scope.kind == ScopeKind::Function {
            unit.flags |= co_flags::OPTIMIZED | co_flags::NEWLOCALS;
            if scope.nested {
                unit.flags |= co_flags::NESTED;
            }
            if scope.varargs {
                unit.flags |= co_flags::VARARGS;
            }
            if scope.varkeywords {
                unit.flags |= co_flags::VARKEYWORDS;
            }
        }
        unit.loc = SourcePos {
            line: first_line,
            end_line: first_line,
            col: 0,
            end_col: 0,
        };
        let parent = std::mem::replace(&mut self.unit, unit);
        self.parents.push(parent);
        self.set_qualname()?;
        self.emit_arg(Opcode::RESUME, 0);
        Ok(())
    }

    /// Finish the current unit and return to its parent.
    pub(crate) fn exit_scope(&mut self) -> CResult<Box<CodeObject>> {
        let Some(parent) = self.parents.pop() else {
            return Err(CompileError::internal(
                "exit from the module scope",
                self.span,
            ));
        };
        let unit = std::mem::replace(&mut self.unit, parent);
        assemble(unit, self.filename).map(Box::new)
    }

    /// CPython's `compiler_set_qualname`.
    fn set_qualname(&mut self) -> CResult {
        let Some(parent) = self.parents.last() else {
            return Ok(());
        };
        if parent.kind == UnitKind::Module {
            return Ok(());
        }
        let mut force_global = false;
        if matches!(self.unit.kind, UnitKind::Function | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), &self.unit.name);
            let parent_scope = self
                .table
                .scope(parent.scope)
                .and_then(|s| s.scope_of(&mangled));
            force_global = parent_scope == Some(NameScope::GlobalExplicit);
        }
        if !force_global {
            let base = if matches!(parent.kind, UnitKind::Function | UnitKind::Lambda) {
                format!("{}.<locals>", parent.qualname)
            } else {
                parent.qualname.clone()
            };
            self.unit.qualname = format!("{base}.{}", self.unit.name);
        }
        Ok(())
    }

    /// Load the closure cells `code` needs, then make the function (CPython's
    /// `compiler_make_closure`). `flags` already has the defaults bits set.
    pub(crate) fn make_closure(&mut self, code: Box<CodeObject>, mut flags: u32) -> CResult {
        let nfree = code.nfree();
        if nfree > 0 {
            let start = code.localsplus_names.len() - nfree;
            for name in &code.localsplus_names[start..] {
                let is_class_cell = self.unit.kind == UnitKind::Class && name == "__class__";
                let arg = if is_class_cell || self.name_scope(name)? == Some(NameScope::Cell) {
                    self.unit
                        .cellvars
                        .iter()
                        .position(|n| n == name)
                        .map(|i| Oparg::Cell(i as u32))
                } else {
                    self.unit
                        .freevars
                        .iter()
                        .position(|n| n == name)
                        .map(|i| Oparg::Free(i as u32))
                };
                let Some(arg) = arg else {
                    return Err(CompileError::internal(
                        format!("closure variable '{name}' not found"),
                        self.span,
                    ));
                };
                self.unit.emit(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.emit_arg(Opcode::BUILD_TUPLE, nfree as u32);
        }
        self.emit_const(Constant::Code(code));
        self.emit_arg(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    // ----- names -----

    /// Load, store or delete a name with the instruction its scope calls for
    /// (CPython's `compiler_nameop`).
    pub(crate) fn name_op(&mut self, name: &str, ctx: Ctx) -> CResult {
        if name == "__debug__" {
            match ctx {
                Ctx::Store => return self.error("cannot assign to __debug__"),
                Ctx::Del => return self.error("cannot delete __debug__"),
                Ctx::Load => {}
            }
        }
        let mangled = mangle(self.unit.private.as_deref(), name);
        let scope = self.name_scope(&mangled)?;
        let in_function = self.scope()?.kind == ScopeKind::Function;
        let in_class = self.scope()?.kind == ScopeKind::Class;
        enum Kind {
            Fast,
            Global,
            Deref(Oparg),
            Name,
        }
        let kind = match scope {
            Some(NameScope::Free) => {
                let i = self.unit.freevars.iter().position(|n| *n == mangled);
                match i {
                    Some(i) => Kind::Deref(Oparg::Free(i as u32)),
                    None => return Err(CompileError::internal("free variable lost", self.span)),
                }
            }
            Some(NameScope::Cell) => {
                let i = self.unit.cellvars.iter().position(|n| *n == mangled);
                match i {
                    Some(i) => Kind::Deref(Oparg::Cell(i as u32)),
                    None => return Err(CompileError::internal("cell variable lost", self.span)),
                }
            }
            Some(NameScope::Local) if in_function => Kind::Fast,
            Some(NameScope::GlobalImplicit) if in_function => Kind::Global,
            Some(NameScope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_FAST,
                    Ctx::Store => Opcode::STORE_FAST,
                    Ctx::Del => Opcode::DELETE_FAST,
                };
                let i = self.unit.varname_index(&mangled);
                self.emit_arg(op, i);
            }
            Kind::Deref(arg) => {
                let op = match ctx {
                    Ctx::Load if in_class => Opcode::LOAD_CLASSDEREF,
                    Ctx::Load => Opcode::LOAD_DEREF,
                    Ctx::Store => Opcode::STORE_DEREF,
                    Ctx::Del => Opcode::DELETE_DEREF,
                };
                self.unit.emit(op, arg);
            }
            Kind::Global => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_GLOBAL,
                    Ctx::Store => Opcode::STORE_GLOBAL,
                    Ctx::Del => Opcode::DELETE_GLOBAL,
                };
                self.emit_name_raw(op, &mangled);
            }
            Kind::Name => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_NAME,
                    Ctx::Store => Opcode::STORE_NAME,
                    Ctx::Del => Opcode::DELETE_NAME,
                };
                self.emit_name_raw(op, &mangled);
            }
        }
        Ok(())
    }

    // ----- bodies -----

    /// A module or class body: the docstring goes to `__doc__`.
    pub(crate) fn body(&mut self, body: &'a [ast::Stmt]) -> CResult {
        let mut rest = body;
        if let Some((first, tail)) = body.split_first()
            && let Some(doc) = docstring(body)
        {
            if self.optimize >= 2 {
                return self.stmts(tail);
            }
            self.set_loc(first.span);
            self.emit_const(Constant::Str(doc.to_owned()));
            self.name_op("__doc__", Ctx::Store)?;
            rest = tail;
        }
        self.stmts(rest)
    }

    pub(crate) fn stmts(&mut self, body: &'a [ast::Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }
}

/// The docstring of a body: a leading string-literal expression statement.
pub(crate) fn docstring(body: &[ast::Stmt]) -> Option<&crate::text::Text> {
    match &body.first()?.kind {
        ast::StmtKind::Expr(ast::Expr {
            kind: ast::ExprKind::Constant(ast::Constant::Str(s)),
            ..
        }) => Some(s),
        _ => None,
    }
}
