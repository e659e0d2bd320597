//! Callable payloads: Python functions, code objects, bound methods, builtin functions,
//! closure cells, and the `property`/`staticmethod`/`classmethod` descriptors.

use super::handle::{Payload, PyRef};
use super::typeobj::Layout;
use crate::bytecode::CodeObject;
use crate::object::PyResult;
use crate::vm::{Args, Vm};
use std::cell::RefCell;

/// A loaded code object: the compiler's plain data plus its constants and names as
/// objects (made once, when the code is loaded).
pub struct CodeData {
    pub code: CodeObject,
    pub consts: Vec<PyRef>,
    /// `co_names` as interned strings.
    pub names: Vec<PyRef>,
    /// `co_localsplusnames` as interned strings.
    pub localsplus_names: Vec<PyRef>,
    /// Indices of cell slots that are also arguments (their value moves into the cell).
    pub cell_args: Vec<usize>,
}

impl Payload for CodeData {
    const LAYOUT: Layout = Layout::Code;
}

pub struct FunctionData {
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
    pub module: RefCell<PyRef>,
    pub doc: RefCell<PyRef>,
    /// Positional defaults (a tuple) and keyword-only defaults (a dict).
    pub defaults: RefCell<Option<PyRef>>,
    pub kwdefaults: RefCell<Option<PyRef>>,
    /// Cells for the free variables (a tuple).
    pub closure: Option<PyRef>,
    pub dict: RefCell<Option<PyRef>>,
}

impl Payload for FunctionData {
    const LAYOUT: Layout = Layout::Function;
}

pub struct BoundMethodData {
    pub func: PyRef,
    pub self_obj: PyRef,
}

impl Payload for BoundMethodData {
    const LAYOUT: Layout = Layout::BoundMethod;
}

/// The Rust signature of every builtin function and method. For methods the receiver
/// is `args.args[0]`.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult;

pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound receiver (`"a b".split` has `self_obj = "a b"`).
    pub self_obj: Option<PyRef>,
    /// The type that defines it, for method descriptors.
    pub owner: Option<PyRef>,
    /// The module name for module-level builtins (`math.sqrt`).
    pub module: Option<&'static str>,
}

impl Payload for BuiltinFunctionData {
    const LAYOUT: Layout = Layout::BuiltinFunction;
}

pub struct CellData {
    pub contents: RefCell<Option<PyRef>>,
}

impl Payload for CellData {
    const LAYOUT: Layout = Layout::Cell;
}

pub struct PropertyData {
    pub fget: RefCell<Option<PyRef>>,
    pub fset: RefCell<Option<PyRef>>,
    pub fdel: RefCell<Option<PyRef>>,
    pub doc: RefCell<Option<PyRef>>,
}

impl Payload for PropertyData {
    const LAYOUT: Layout = Layout::Property;
}

pub struct StaticMethodData {
    pub callable: PyRef,
}

impl Payload for StaticMethodData {
    const LAYOUT: Layout = Layout::StaticMethod;
}

pub struct ClassMethodData {
    pub callable: PyRef,
}

impl Payload for ClassMethodData {
    const LAYOUT: Layout = Layout::ClassMethod;
}

pub fn new_cell(value: Option<PyRef>) -> PyRef {
    super::alloc(
        &super::CELL_TYPE,
        CellData {
            contents: RefCell::new(value),
        },
    )
}
