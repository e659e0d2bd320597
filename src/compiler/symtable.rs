//! The symbol table: which scope every name belongs to (CPython's `symtable.c`).
//!
//! [`SymbolTable::build`] walks the module once ([`builder`]) recording, per scope,
//! each name with flags saying how it is used (assigned, read, parameter, declared
//! `global`/`nonlocal`, imported…), then resolves every name ([`analysis`]) to a
//! [`NameScope`]: function locals, cells (locals captured by an inner scope), free
//! variables (captured from an outer function), explicit or implicit globals. The
//! rules are CPython's, including its quirks: class bodies do not form closures for
//! their methods, a method using `super` or `__class__` captures an implicit
//! `__class__` cell of its class, a walrus in a comprehension binds in the enclosing
//! function, and `global x` anywhere makes module-level `x` an explicit global.
//!
//! Scopes are identified by index; the code generator finds the scope of a `def`,
//! `class`, `lambda` or comprehension node by the node's address, which is stable
//! because the AST is borrowed, unmoved, for the whole compilation.

mod analysis;
mod builder;

use super::CResult;
use crate::diagnostics::Span;
use crate::syntax::ast;
use std::collections::HashMap;

/// Index of a scope in [`SymbolTable::scopes`].
pub(crate) type ScopeId = usize;

/// Per-name usage flags (CPython's `DEF_*`).
pub(crate) mod flags {
    /// Declared `global`.
    pub const GLOBAL: u32 = 1;
    /// Assigned (or deleted) in the scope.
    pub const LOCAL: u32 = 2;
    /// A parameter.
    pub const PARAM: u32 = 4;
    /// Declared `nonlocal`.
    pub const NONLOCAL: u32 = 8;
    /// Read in the scope.
    pub const USE: u32 = 16;
    /// Free in a method and also bound in the class body.
    pub const FREE_CLASS: u32 = 32;
    /// Bound by an import.
    pub const IMPORT: u32 = 64;
    /// Annotated with a simple `name: annotation`.
    pub const ANNOT: u32 = 128;
    /// A comprehension iteration variable.
    pub const COMP_ITER: u32 = 256;
    /// Any binding.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    /// The code object name CPython gives the comprehension.
    pub fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }
}

/// Where a name lives at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// One scope: a module, class body, function, lambda or comprehension.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// Names in first-use order with their flags.
    symbols: Vec<(String, u32)>,
    positions: HashMap<String, usize>,
    /// Resolved scopes, parallel to `symbols` (filled by the analysis).
    resolved: Vec<Option<NameScope>>,
    /// Parameter names in slot order (mangled).
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    /// Nested inside a function (directly or not): CPython's `CO_NESTED`.
    pub nested: bool,
    pub comprehension: Option<CompKind>,
    /// A class whose methods use `__class__` or `super`.
    pub needs_class_closure: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub generator: bool,
    pub coroutine: bool,
    /// The class name used for private-name mangling inside this scope.
    pub private: Option<String>,
    /// Where each `global`/`nonlocal` (or walrus-implied) declaration is.
    directives: HashMap<String, Span>,
    /// Builder state: visiting a comprehension target.
    comp_iter_target: bool,
    /// Builder state: inside a comprehension's iterable expression.
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, nested: bool, private: Option<String>) -> Scope {
        Scope {
            kind,
            symbols: Vec::new(),
            positions: HashMap::new(),
            resolved: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            nested,
            comprehension: None,
            needs_class_closure: false,
            varargs: false,
            varkeywords: false,
            generator: false,
            coroutine: false,
            private,
            directives: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The flags of a (mangled) name, 0 when unknown.
    pub fn flags(&self, name: &str) -> u32 {
        self.positions
            .get(name)
            .map(|&i| self.symbols[i].1)
            .unwrap_or(0)
    }

    /// The resolved scope of a (mangled) name, `None` when the scope never mentions it.
    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.positions
            .get(name)
            .and_then(|&i| self.resolved.get(i).copied().flatten())
    }

    fn set_flags(&mut self, name: &str, value: u32) {
        match self.positions.get(name) {
            Some(&i) => self.symbols[i].1 = value,
            None => {
                self.positions.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), value));
            }
        }
    }

    /// Names with the given resolved scope (or with `extra_flag` set), sorted, as
    /// CPython orders `co_cellvars` and `co_freevars`.
    pub fn names_sorted(&self, scope: NameScope, extra_flag: u32) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .zip(&self.resolved)
            .filter(|((_, f), s)| **s == Some(scope) || (extra_flag != 0 && f & extra_flag != 0))
            .map(|((n, _), _)| n.clone())
            .collect();
        names.sort();
        names
    }
}

/// All scopes of a module; scope 0 is the module.
#[derive(Debug, Clone)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

/// The identity of an AST node that opens a scope.
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    /// Build and analyse the symbol table of a module.
    pub fn build(module: &ast::Module) -> CResult<SymbolTable> {
        let mut table = builder::build(module)?;
        analysis::analyze(&mut table)?;
        Ok(table)
    }

    /// The scope opened by a node (see [`node_key`]).
    pub fn scope_for(&self, key: usize) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }

    pub fn scope(&self, id: ScopeId) -> Option<&Scope> {
        self.scopes.get(id)
    }
}

/// CPython's private-name mangling: inside class `C`, `__x` becomes `_C__x` (not
/// dunder names, dotted names, or when the class name is all underscores).
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_private_names_only() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
