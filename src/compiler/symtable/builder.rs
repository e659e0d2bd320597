//! The symbol-table walk: records every name each scope uses, with flags, and opens
//! a child scope for each `def`, `class`, `lambda` and comprehension (CPython's
//! `symtable_visit_*`). Errors found while walking (misplaced `global`/`nonlocal`,
//! duplicate parameters, walrus misuse, `import *` in a function…) carry CPython's
//! messages and positions.
//!
//! Annotations are not visited: the compiler never evaluates them.

use super::{CompKind, Scope, ScopeId, ScopeKind, SymbolTable, flags, mangle, node_key};
use crate::compiler::{CResult, CompileError};
use crate::diagnostics::Span;
use crate::syntax::ast::{
    Arguments, Comprehension, ExceptHandler, Expr, ExprKind, Stmt, StmtKind, WithItem,
};
use std::collections::HashMap;

/// Deepest nesting of statements and expressions accepted: above the parser's
/// expression bound plus CPython's 100 indentation levels, so only ASTs not built
/// by the parser reach it.
pub(crate) const MAX_DEPTH: u32 = crate::syntax::MAX_NESTING + 200;

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    /// The current scope and its ancestors (innermost last).
    stack: Vec<ScopeId>,
    cur: ScopeId,
    /// Class name for mangling (`st_private`).
    private: Option<String>,
    depth: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

pub(super) fn build(module: &crate::syntax::ast::Module) -> CResult<SymbolTable> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, false, None)],
        by_node: HashMap::new(),
        stack: Vec::new(),
        cur: 0,
        private: None,
        depth: 0,
    };
    for stmt in &module.body {
        b.stmt(stmt)?;
    }
    Ok(SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    })
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn enter(&mut self, kind: ScopeKind, key: usize) {
        let parent = &self.scopes[self.cur];
        let nested = parent.nested || parent.kind == ScopeKind::Function;
        let mut scope = Scope::new(kind, nested, self.private.clone());
        scope.comp_iter_expr = parent.comp_iter_expr;
        let id = self.scopes.len();
        self.scopes.push(scope);
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(self.cur);
        self.cur = id;
    }

    fn exit(&mut self) {
        if let Some(parent) = self.stack.pop() {
            self.cur = parent;
        }
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> CResult {
        self.add_def_in(self.cur, name, flag, span)
    }

    /// `symtable_add_def_helper`.
    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, span: Span) -> CResult {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &mut self.scopes[id];
        let old = scope.flags(&mangled);
        if flag & flags::PARAM != 0 && old & flags::PARAM != 0 {
            return Err(CompileError::new(
                format!("duplicate argument '{name}' in function definition"),
                span,
            ));
        }
        let mut value = old | flag;
        if scope.comp_iter_target {
            if value & (flags::GLOBAL | flags::NONLOCAL) != 0 {
                return Err(CompileError::new(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    span,
                ));
            }
            value |= flags::COMP_ITER;
        }
        scope.set_flags(&mangled, value);
        if flag & flags::PARAM != 0 {
            scope.params.push(mangled);
        } else if flag & flags::GLOBAL != 0 && id != 0 {
            // `st_global` is the module's own symbol dict.
            let module = &mut self.scopes[0];
            let current = module.flags(&mangled);
            module.set_flags(&mangled, current | flag);
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        self.scopes[self.cur].flags(&mangle(self.private.as_deref(), name))
    }

    fn record_directive(&mut self, id: ScopeId, name: &str, span: Span) {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[id].directives.entry(mangled).or_insert(span);
    }

    fn descend(&mut self, span: Span) -> CResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::too_deep(span));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
        self.descend(s.span)?;
        let result = self.stmt_inner(s);
        self.depth -= 1;
        result
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult {
        match &s.kind {
            StmtKind::FunctionDef(def) => {
                self.add_def(&def.name, flags::LOCAL, s.span)?;
                self.defaults(&def.args)?;
                self.exprs(&def.decorators)?;
                self.enter(ScopeKind::Function, node_key(&**def));
                if def.is_async {
                    self.scope().coroutine = true;
                }
                self.params(&def.args)?;
                self.stmts(&def.body)?;
                self.exit();
            }
            StmtKind::ClassDef(class) => {
                self.add_def(&class.name, flags::LOCAL, s.span)?;
                self.exprs(&class.bases)?;
                for kw in &class.keywords {
                    self.expr(&kw.value)?;
                }
                self.exprs(&class.decorators)?;
                self.enter(ScopeKind::Class, node_key(&**class));
                let saved = self.private.replace(class.name.clone());
                self.scope().private = self.private.clone();
                let result = self.stmts(&class.body);
                self.private = saved;
                result?;
                self.exit();
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t, Ctx::Del)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t, Ctx::Store)?;
                }
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target, Ctx::Store)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                ..
            } => self.ann_assign(s, target, value.as_ref(), *simple)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.target(target, Ctx::Store)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for WithItem {
                    context_expr,
                    optional_vars,
                } in items
                {
                    self.expr(context_expr)?;
                    if let Some(v) = optional_vars {
                        self.target(v, Ctx::Store)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for ExceptHandler {
                    typ,
                    name,
                    body,
                    span,
                } in handlers
                {
                    if let Some(t) = typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = name {
                        self.add_def(n, flags::LOCAL, *span)?;
                    }
                    self.stmts(body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                for alias in aliases {
                    self.alias(&alias.name, alias.asname.as_deref(), alias.span)?;
                }
            }
            StmtKind::Global(names) => self.global(s, names)?,
            StmtKind::Nonlocal(names) => self.nonlocal(s, names)?,
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        s: &Stmt,
        target: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> CResult {
        if let ExprKind::Name(name) = &target.kind {
            let cur = self.lookup(name);
            if cur & (flags::GLOBAL | flags::NONLOCAL) != 0 && self.cur != 0 && simple {
                let msg = if cur & flags::GLOBAL != 0 {
                    format!("annotated name '{name}' can't be global")
                } else {
                    format!("annotated name '{name}' can't be nonlocal")
                };
                return Err(CompileError::new(msg, s.span));
            }
            if simple {
                self.add_def(name, flags::ANNOT | flags::LOCAL, target.span)?;
            } else if value.is_some() {
                self.add_def(name, flags::LOCAL, target.span)?;
            }
        } else {
            self.target(target, Ctx::Store)?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        Ok(())
    }

    fn alias(&mut self, name: &str, asname: Option<&str>, span: Span) -> CResult {
        let bound = asname.unwrap_or(name);
        if bound == "*" {
            if self.scopes[self.cur].kind != ScopeKind::Module {
                return Err(CompileError::new(
                    "import * only allowed at module level",
                    span,
                ));
            }
            return Ok(());
        }
        let store = bound.split('.').next().unwrap_or(bound);
        self.add_def(store, flags::IMPORT, span)
    }

    fn global(&mut self, s: &Stmt, names: &[String]) -> CResult {
        for name in names {
            let cur = self.lookup(name);
            if cur & (flags::PARAM | flags::LOCAL | flags::USE | flags::ANNOT) != 0 {
                let msg = if cur & flags::PARAM != 0 {
                    format!("name '{name}' is parameter and global")
                } else if cur & flags::USE != 0 {
                    format!("name '{name}' is used prior to global declaration")
                } else if cur & flags::ANNOT != 0 {
                    format!("annotated name '{name}' can't be global")
                } else {
                    format!("name '{name}' is assigned to before global declaration")
                };
                return Err(CompileError::new(msg, s.span));
            }
            self.add_def(name, flags::GLOBAL, s.span)?;
            self.record_directive(self.cur, name, s.span);
        }
        Ok(())
    }

    fn nonlocal(&mut self, s: &Stmt, names: &[String]) -> CResult {
        for name in names {
            let cur = self.lookup(name);
            if cur & (flags::PARAM | flags::LOCAL | flags::USE | flags::ANNOT) != 0 {
                let msg = if cur & flags::PARAM != 0 {
                    format!("name '{name}' is parameter and nonlocal")
                } else if cur & flags::USE != 0 {
                    format!("name '{name}' is used prior to nonlocal declaration")
                } else if cur & flags::ANNOT != 0 {
                    format!("annotated name '{name}' can't be nonlocal")
                } else {
                    format!("name '{name}' is assigned to before nonlocal declaration")
                };
                return Err(CompileError::new(msg, s.span));
            }
            self.add_def(name, flags::NONLOCAL, s.span)?;
            self.record_directive(self.cur, name, s.span);
        }
        Ok(())
    }

    /// Defaults are evaluated in the enclosing scope.
    fn defaults(&mut self, args: &Arguments) -> CResult {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> CResult {
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&arg.name, flags::PARAM, arg.span)?;
        }
        if let Some(arg) = &args.vararg {
            self.add_def(&arg.name, flags::PARAM, arg.span)?;
            self.scope().varargs = true;
        }
        if let Some(arg) = &args.kwarg {
            self.add_def(&arg.name, flags::PARAM, arg.span)?;
            self.scope().varkeywords = true;
        }
        Ok(())
    }

    fn exprs(&mut self, exprs: &[Expr]) -> CResult {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    /// Visit an expression tree. Plain nesting (operators, calls, displays…) is
    /// walked with an explicit stack, in source order, so that deeply nested
    /// expressions cost no native stack; only scopes and walrus targets recurse.
    fn expr(&mut self, root: &Expr) -> CResult {
        self.descend(root.span)?;
        let mut pending: Vec<&Expr> = vec![root];
        let mut result = Ok(());
        while let Some(e) = pending.pop() {
            result = self.expr_node(e, &mut pending);
            if result.is_err() {
                break;
            }
        }
        self.depth -= 1;
        result
    }

    /// Handle one node: record what it defines or uses, and push its plain
    /// sub-expressions (last first, so they pop in source order).
    fn expr_node<'e>(&mut self, e: &'e Expr, pending: &mut Vec<&'e Expr>) -> CResult {
        let mark = pending.len();
        match &e.kind {
            ExprKind::Name(name) => return self.name(name, Ctx::Load, e.span),
            ExprKind::NamedExpr { target, value } => return self.named_expr(e, target, value),
            ExprKind::Lambda { args, body } => return self.lambda(e, args, body),
            ExprKind::ListComp { elt, generators } => {
                return self.comprehension(e, CompKind::List, generators, elt, None);
            }
            ExprKind::SetComp { elt, generators } => {
                return self.comprehension(e, CompKind::Set, generators, elt, None);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                return self.comprehension(e, CompKind::Generator, generators, elt, None);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => return self.comprehension(e, CompKind::Dict, generators, key, Some(value)),
            ExprKind::Await(value) => {
                self.scope().coroutine = true;
                pending.push(value);
            }
            ExprKind::Yield(value) => {
                self.yield_in_scope(e)?;
                pending.extend(value.as_deref());
            }
            ExprKind::YieldFrom(value) => {
                self.yield_in_scope(e)?;
                pending.push(value);
            }
            ExprKind::BoolOp { values, .. } | ExprKind::JoinedStr(values) => pending.extend(values),
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                pending.extend(elts)
            }
            ExprKind::BinOp { left, right, .. } => pending.extend([&**left, &**right]),
            ExprKind::UnaryOp { operand, .. } => pending.push(operand),
            ExprKind::IfExp { test, body, orelse } => pending.extend([&**test, &**body, &**orelse]),
            ExprKind::Dict { keys, values } => {
                pending.extend(keys.iter().flatten());
                pending.extend(values);
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                pending.push(left);
                pending.extend(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                pending.push(func);
                pending.extend(args);
                pending.extend(keywords.iter().map(|k| &k.value));
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                pending.push(value);
                pending.extend(format_spec.as_deref());
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred(value) => pending.push(value),
            ExprKind::Subscript { value, slice } => pending.extend([&**value, &**slice]),
            ExprKind::Slice { lower, upper, step } => {
                pending.extend([lower, upper, step].into_iter().flatten().map(|b| &**b))
            }
        }
        pending[mark..].reverse();
        Ok(())
    }

    fn lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> CResult {
        self.defaults(args)?;
        self.enter(ScopeKind::Function, node_key(e));
        self.params(args)?;
        self.expr(body)?;
        self.exit();
        Ok(())
    }

    fn name(&mut self, name: &str, ctx: Ctx, span: Span) -> CResult {
        let flag = if ctx == Ctx::Load {
            flags::USE
        } else {
            flags::LOCAL
        };
        self.add_def(name, flag, span)?;
        // A zero-argument `super()` needs the `__class__` cell.
        if ctx == Ctx::Load && name == "super" && self.scopes[self.cur].kind == ScopeKind::Function
        {
            self.add_def("__class__", flags::USE, span)?;
        }
        Ok(())
    }

    /// An assignment or deletion target.
    fn target(&mut self, e: &Expr, ctx: Ctx) -> CResult {
        self.descend(e.span)?;
        let result = match &e.kind {
            ExprKind::Name(name) => self.name(name, ctx, e.span),
            ExprKind::Starred(inner) => self.target(inner, ctx),
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                elts.iter().try_for_each(|t| self.target(t, ctx))
            }
            // Attribute and subscript targets only read names; anything else is
            // rejected by the code generator.
            _ => self.expr(e),
        };
        self.depth -= 1;
        result
    }

    fn yield_in_scope(&mut self, e: &Expr) -> CResult {
        self.scope().generator = true;
        if let Some(kind) = self.scopes[self.cur].comprehension {
            let what = match kind {
                CompKind::List => "'yield' inside list comprehension",
                CompKind::Set => "'yield' inside set comprehension",
                CompKind::Dict => "'yield' inside dict comprehension",
                CompKind::Generator => "'yield' inside generator expression",
            };
            return Err(CompileError::new(what, e.span));
        }
        Ok(())
    }

    fn named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> CResult {
        if self.scopes[self.cur].comp_iter_expr > 0 {
            return Err(CompileError::new(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.span,
            ));
        }
        let ExprKind::Name(name) = &target.kind else {
            return Err(CompileError::new(
                "cannot use assignment expressions with this target",
                target.span,
            ));
        };
        if self.scopes[self.cur].comprehension.is_some() {
            self.extend_named_expr_scope(name, target.span)?;
        }
        self.expr(value)?;
        self.name(name, Ctx::Store, target.span)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function (or
    /// module) scope: `symtable_extend_namedexpr_scope`.
    fn extend_named_expr_scope(&mut self, name: &str, span: Span) -> CResult {
        let mangled = mangle(self.private.as_deref(), name);
        let chain: Vec<ScopeId> = self
            .stack
            .iter()
            .copied()
            .chain(std::iter::once(self.cur))
            .collect();
        for &id in chain.iter().rev() {
            let scope = &self.scopes[id];
            if scope.comprehension.is_some() {
                if scope.flags(&mangled) & flags::COMP_ITER != 0 {
                    return Err(CompileError::new(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        span,
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let in_scope = scope.flags(&mangled);
                    let flag = if in_scope & flags::GLOBAL != 0 {
                        flags::GLOBAL
                    } else {
                        flags::NONLOCAL
                    };
                    self.add_def(name, flag, span)?;
                    self.record_directive(self.cur, name, span);
                    return self.add_def_in(id, name, flags::LOCAL, span);
                }
                ScopeKind::Module => {
                    self.add_def(name, flags::GLOBAL, span)?;
                    self.record_directive(self.cur, name, span);
                    return self.add_def_in(id, name, flags::GLOBAL, span);
                }
                ScopeKind::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
            }
        }
        Err(CompileError::internal(
            "walrus without an enclosing scope",
            span,
        ))
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let Some((outermost, rest)) = generators.split_first() else {
            return Err(CompileError::new(
                "comprehension without a 'for' clause",
                e.span,
            ));
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.scope().comp_iter_expr += 1;
        let result = self.expr(&outermost.iter);
        self.scope().comp_iter_expr -= 1;
        result?;
        self.enter(ScopeKind::Function, node_key(e));
        self.scope().comprehension = Some(kind);
        if outermost.is_async {
            self.scope().coroutine = true;
        }
        // The outermost iterator arrives as the implicit parameter `.0`.
        self.add_def(".0", flags::PARAM, e.span)?;
        self.scope().comp_iter_target = true;
        let result = self.target(&outermost.target, Ctx::Store);
        self.scope().comp_iter_target = false;
        result?;
        self.exprs(&outermost.ifs)?;
        for generator in rest {
            self.scope().comp_iter_target = true;
            let result = self.target(&generator.target, Ctx::Store);
            self.scope().comp_iter_target = false;
            result?;
            self.scope().comp_iter_expr += 1;
            let result = self.expr(&generator.iter);
            self.scope().comp_iter_expr -= 1;
            result?;
            self.exprs(&generator.ifs)?;
            if generator.is_async {
                self.scope().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.exit();
        Ok(())
    }
}
