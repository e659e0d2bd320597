//! Name resolution over the finished symbol table (CPython's `analyze_block`,
//! `analyze_name`, `analyze_cells` and `update_symbols`).
//!
//! Walking from the module down, each scope learns which names enclosing functions
//! bind (`bound`) and which are declared global (`global`); a name neither bound nor
//! declared locally is free when an enclosing function binds it and global otherwise.
//! Coming back up, names that children use freely become cells in the function that
//! binds them, or pass-through free variables in the scopes in between. Class bodies
//! bind nothing for their children, except the implicit `__class__` cell.

use super::{NameScope, ScopeId, ScopeKind, SymbolTable, flags};
use crate::compiler::{CResult, CompileError};
use crate::diagnostics::Span;
use std::collections::{HashMap, HashSet};

type Names = HashSet<String>;

pub(super) fn analyze(table: &mut SymbolTable) -> CResult {
    analyze_block(table, 0, None, Names::new()).map(|_| ())
}

/// Resolves scope `id` and its children; returns the names still free after it.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<Names>,
    mut global: Names,
) -> CResult<Names> {
    let kind = table.scopes[id].kind;
    let mut local = Names::new();
    let mut free = Names::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    let mut new_global = Names::new();
    let mut new_bound = Names::new();

    // Class bindings are not visible in nested scopes: pass down what came in.
    if kind == ScopeKind::Class {
        new_global.extend(global.iter().cloned());
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
    }
    let symbols = table.scopes[id].symbols.clone();
    for (name, symbol_flags) in &symbols {
        let scope = analyze_name(
            table,
            id,
            name,
            *symbol_flags,
            &mut bound,
            &mut local,
            &mut free,
            &mut global,
        )?;
        scopes.insert(name.clone(), scope);
    }
    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            new_bound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    } else {
        new_bound.insert("__class__".to_string());
    }

    let mut new_free = Names::new();
    let children = table.scopes[id].children.clone();
    for child in children {
        let child_free = analyze_block(table, child, Some(new_bound.clone()), new_global.clone())?;
        new_free.extend(child_free);
    }

    match kind {
        ScopeKind::Function => {
            // Locals captured by children become cells.
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local && new_free.remove(name) {
                    *scope = NameScope::Cell;
                }
            }
        }
        ScopeKind::Class => {
            if new_free.remove("__class__") {
                table.scopes[id].needs_class_closure = true;
            }
        }
        ScopeKind::Module => {}
    }
    update_symbols(
        table,
        id,
        &scopes,
        bound.as_ref(),
        &new_free,
        kind == ScopeKind::Class,
    );
    free.extend(new_free);
    Ok(free)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    table: &SymbolTable,
    id: ScopeId,
    name: &str,
    symbol_flags: u32,
    bound: &mut Option<Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> CResult<NameScope> {
    let directive = |message: String| {
        let span = table.scopes[id]
            .directives
            .get(name)
            .copied()
            .unwrap_or(Span::default());
        CompileError::new(message, span)
    };
    if symbol_flags & flags::GLOBAL != 0 {
        if symbol_flags & flags::NONLOCAL != 0 {
            return Err(directive(format!("name '{name}' is nonlocal and global")));
        }
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    if symbol_flags & flags::NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(directive(
                "nonlocal declaration not allowed at module level".to_string(),
            ));
        };
        if !b.contains(name) {
            return Err(directive(format!("no binding for nonlocal '{name}' found")));
        }
        free.insert(name.to_string());
        return Ok(NameScope::Free);
    }
    if symbol_flags & flags::BOUND != 0 {
        local.insert(name.to_string());
        global.remove(name);
        return Ok(NameScope::Local);
    }
    if bound.as_ref().is_some_and(|b| b.contains(name)) {
        free.insert(name.to_string());
        return Ok(NameScope::Free);
    }
    // Global: implicitly, or because an enclosing scope declared it global.
    Ok(NameScope::GlobalImplicit)
}

/// Record the resolved scopes, and add pass-through free variables: names free in
/// children that this scope neither binds nor declares.
fn update_symbols(
    table: &mut SymbolTable,
    id: ScopeId,
    scopes: &HashMap<String, NameScope>,
    bound: Option<&Names>,
    new_free: &Names,
    is_class: bool,
) {
    let scope = &mut table.scopes[id];
    scope.resolved = scope
        .symbols
        .iter()
        .map(|(name, _)| scopes.get(name).copied())
        .collect();
    let mut names: Vec<&String> = new_free.iter().collect();
    names.sort();
    for name in names {
        if let Some(&i) = scope.positions.get(name.as_str()) {
            let symbol_flags = scope.symbols[i].1;
            if is_class && symbol_flags & (flags::BOUND | flags::GLOBAL) != 0 {
                scope.symbols[i].1 |= flags::FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name.as_str())) {
            continue;
        }
        scope.positions.insert(name.clone(), scope.symbols.len());
        scope.symbols.push((name.clone(), 0));
        scope.resolved.push(Some(NameScope::Free));
    }
}
