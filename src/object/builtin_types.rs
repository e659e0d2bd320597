//! The static builtin type objects (CPython's `PyLong_Type`, `PyList_Type`, …).
//!
//! They are immortal statics; `runtime::init` fills their slots, dicts and MROs. The
//! exception hierarchy is declared here too, each class with its solid base.

use super::header::ObjHeader;
use super::typeobj::{Layout, TypeData, TypeObject, flags::*};

macro_rules! builtin_type {
    ($name:ident, $pyname:literal, $layout:ident, $base:expr, $flags:expr) => {
        pub static $name: TypeObject = TypeObject::new_builtin(
            &TYPE_TYPE,
            TypeData::builtin($pyname, Layout::$layout, $base, $flags),
        );
    };
}

pub static TYPE_TYPE: TypeObject = TypeObject {
    header: ObjHeader::new_static(&TYPE_TYPE),
    payload: TypeData::builtin(
        "type",
        Layout::Type,
        Some(&OBJECT_TYPE),
        BASETYPE | HAVE_GC | TYPE_SUBCLASS,
    ),
};
builtin_type!(OBJECT_TYPE, "object", Object, None, BASETYPE);
builtin_type!(NONE_TYPE, "NoneType", NoneType, Some(&OBJECT_TYPE), 0);
builtin_type!(
    NOTIMPLEMENTED_TYPE,
    "NotImplementedType",
    NotImplementedType,
    Some(&OBJECT_TYPE),
    0
);
builtin_type!(ELLIPSIS_TYPE, "ellipsis", Ellipsis, Some(&OBJECT_TYPE), 0);
builtin_type!(
    INT_TYPE,
    "int",
    Int,
    Some(&OBJECT_TYPE),
    BASETYPE | LONG_SUBCLASS
);
builtin_type!(BOOL_TYPE, "bool", Int, Some(&INT_TYPE), LONG_SUBCLASS);
builtin_type!(FLOAT_TYPE, "float", Float, Some(&OBJECT_TYPE), BASETYPE);
builtin_type!(
    STR_TYPE,
    "str",
    Str,
    Some(&OBJECT_TYPE),
    BASETYPE | STR_SUBCLASS
);
builtin_type!(
    TUPLE_TYPE,
    "tuple",
    Tuple,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC | TUPLE_SUBCLASS
);
builtin_type!(
    LIST_TYPE,
    "list",
    List,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC | LIST_SUBCLASS
);
builtin_type!(
    DICT_TYPE,
    "dict",
    Dict,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC | DICT_SUBCLASS
);
builtin_type!(SET_TYPE, "set", Set, Some(&OBJECT_TYPE), BASETYPE | HAVE_GC);
builtin_type!(
    FROZENSET_TYPE,
    "frozenset",
    Set,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC
);
builtin_type!(RANGE_TYPE, "range", Range, Some(&OBJECT_TYPE), 0);
builtin_type!(SLICE_TYPE, "slice", Slice, Some(&OBJECT_TYPE), 0);
builtin_type!(
    FUNCTION_TYPE,
    "function",
    Function,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    METHOD_TYPE,
    "method",
    BoundMethod,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    BUILTIN_FUNCTION_TYPE,
    "builtin_function_or_method",
    BuiltinFunction,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    METHOD_DESCRIPTOR_TYPE,
    "method_descriptor",
    BuiltinFunction,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    CLASSMETHOD_DESCRIPTOR_TYPE,
    "classmethod_descriptor",
    BuiltinFunction,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    MODULE_TYPE,
    "module",
    Module,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC
);
builtin_type!(
    PROPERTY_TYPE,
    "property",
    Property,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC
);
builtin_type!(
    STATICMETHOD_TYPE,
    "staticmethod",
    StaticMethod,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC
);
builtin_type!(
    CLASSMETHOD_TYPE,
    "classmethod",
    ClassMethod,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC
);
builtin_type!(CODE_TYPE, "code", Code, Some(&OBJECT_TYPE), 0);
builtin_type!(CELL_TYPE, "cell", Cell, Some(&OBJECT_TYPE), HAVE_GC);
builtin_type!(
    TRACEBACK_TYPE,
    "traceback",
    Traceback,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    SUPER_TYPE,
    "super",
    Super,
    Some(&OBJECT_TYPE),
    BASETYPE | HAVE_GC
);
builtin_type!(
    VERSION_INFO_TYPE,
    "sys.version_info",
    Tuple,
    Some(&TUPLE_TYPE),
    HAVE_GC | TUPLE_SUBCLASS
);
builtin_type!(
    FLOAT_INFO_TYPE,
    "sys.float_info",
    Tuple,
    Some(&TUPLE_TYPE),
    HAVE_GC | TUPLE_SUBCLASS
);
builtin_type!(
    INT_INFO_TYPE,
    "sys.int_info",
    Tuple,
    Some(&TUPLE_TYPE),
    HAVE_GC | TUPLE_SUBCLASS
);
builtin_type!(
    HASH_INFO_TYPE,
    "sys.hash_info",
    Tuple,
    Some(&TUPLE_TYPE),
    HAVE_GC | TUPLE_SUBCLASS
);
builtin_type!(
    FLAGS_TYPE,
    "sys.flags",
    Tuple,
    Some(&TUPLE_TYPE),
    HAVE_GC | TUPLE_SUBCLASS
);
builtin_type!(
    QUITTER_TYPE,
    "Quitter",
    Instance,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    MAPPINGPROXY_TYPE,
    "mappingproxy",
    DictView,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    GETSET_DESCRIPTOR_TYPE,
    "getset_descriptor",
    GetSet,
    Some(&OBJECT_TYPE),
    0
);
builtin_type!(
    DICT_KEYS_TYPE,
    "dict_keys",
    DictView,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_VALUES_TYPE,
    "dict_values",
    DictView,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_ITEMS_TYPE,
    "dict_items",
    DictView,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    LIST_ITERATOR_TYPE,
    "list_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    LIST_REVERSEITERATOR_TYPE,
    "list_reverseiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    TUPLE_ITERATOR_TYPE,
    "tuple_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    STR_ITERATOR_TYPE,
    "str_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    STR_ASCII_ITERATOR_TYPE,
    "str_ascii_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    RANGE_ITERATOR_TYPE,
    "range_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    LONGRANGE_ITERATOR_TYPE,
    "longrange_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_KEYITERATOR_TYPE,
    "dict_keyiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_VALUEITERATOR_TYPE,
    "dict_valueiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_ITEMITERATOR_TYPE,
    "dict_itemiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_REVERSEKEYITERATOR_TYPE,
    "dict_reversekeyiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_REVERSEVALUEITERATOR_TYPE,
    "dict_reversevalueiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    DICT_REVERSEITEMITERATOR_TYPE,
    "dict_reverseitemiterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    SET_ITERATOR_TYPE,
    "set_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    SEQ_ITERATOR_TYPE,
    "iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    CALLABLE_ITERATOR_TYPE,
    "callable_iterator",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(
    ENUMERATE_TYPE,
    "enumerate",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);
builtin_type!(ZIP_TYPE, "zip", Iterator, Some(&OBJECT_TYPE), HAVE_GC);
builtin_type!(MAP_TYPE, "map", Iterator, Some(&OBJECT_TYPE), HAVE_GC);
builtin_type!(FILTER_TYPE, "filter", Iterator, Some(&OBJECT_TYPE), HAVE_GC);
builtin_type!(
    REVERSED_TYPE,
    "reversed",
    Iterator,
    Some(&OBJECT_TYPE),
    HAVE_GC
);

builtin_type!(
    TEXTIO_TYPE,
    "_io.TextIOWrapper",
    Stream,
    Some(&OBJECT_TYPE),
    0
);

macro_rules! exception_types {
    ($( $name:ident, $pyname:literal, $base:ident; )*) => {
        $( builtin_type!($name, $pyname, Exception, Some(&$base), BASETYPE | HAVE_GC | BASE_EXC_SUBCLASS); )*
        /// Every builtin exception type, parents before children.
        pub static EXCEPTION_TYPES: &[&TypeObject] = &[ $( &$name, )* ];
    };
}

exception_types! {
    BASE_EXCEPTION, "BaseException", OBJECT_TYPE;
    SYSTEM_EXIT, "SystemExit", BASE_EXCEPTION;
    KEYBOARD_INTERRUPT, "KeyboardInterrupt", BASE_EXCEPTION;
    GENERATOR_EXIT, "GeneratorExit", BASE_EXCEPTION;
    EXCEPTION, "Exception", BASE_EXCEPTION;
    STOP_ITERATION, "StopIteration", EXCEPTION;
    STOP_ASYNC_ITERATION, "StopAsyncIteration", EXCEPTION;
    ARITHMETIC_ERROR, "ArithmeticError", EXCEPTION;
    FLOATING_POINT_ERROR, "FloatingPointError", ARITHMETIC_ERROR;
    OVERFLOW_ERROR, "OverflowError", ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR, "ZeroDivisionError", ARITHMETIC_ERROR;
    ASSERTION_ERROR, "AssertionError", EXCEPTION;
    ATTRIBUTE_ERROR, "AttributeError", EXCEPTION;
    BUFFER_ERROR, "BufferError", EXCEPTION;
    EOF_ERROR, "EOFError", EXCEPTION;
    IMPORT_ERROR, "ImportError", EXCEPTION;
    MODULE_NOT_FOUND_ERROR, "ModuleNotFoundError", IMPORT_ERROR;
    LOOKUP_ERROR, "LookupError", EXCEPTION;
    INDEX_ERROR, "IndexError", LOOKUP_ERROR;
    KEY_ERROR, "KeyError", LOOKUP_ERROR;
    MEMORY_ERROR, "MemoryError", EXCEPTION;
    NAME_ERROR, "NameError", EXCEPTION;
    UNBOUND_LOCAL_ERROR, "UnboundLocalError", NAME_ERROR;
    OS_ERROR, "OSError", EXCEPTION;
    BLOCKING_IO_ERROR, "BlockingIOError", OS_ERROR;
    CHILD_PROCESS_ERROR, "ChildProcessError", OS_ERROR;
    CONNECTION_ERROR, "ConnectionError", OS_ERROR;
    BROKEN_PIPE_ERROR, "BrokenPipeError", CONNECTION_ERROR;
    CONNECTION_ABORTED_ERROR, "ConnectionAbortedError", CONNECTION_ERROR;
    CONNECTION_REFUSED_ERROR, "ConnectionRefusedError", CONNECTION_ERROR;
    CONNECTION_RESET_ERROR, "ConnectionResetError", CONNECTION_ERROR;
    FILE_EXISTS_ERROR, "FileExistsError", OS_ERROR;
    FILE_NOT_FOUND_ERROR, "FileNotFoundError", OS_ERROR;
    INTERRUPTED_ERROR, "InterruptedError", OS_ERROR;
    IS_A_DIRECTORY_ERROR, "IsADirectoryError", OS_ERROR;
    NOT_A_DIRECTORY_ERROR, "NotADirectoryError", OS_ERROR;
    PERMISSION_ERROR, "PermissionError", OS_ERROR;
    PROCESS_LOOKUP_ERROR, "ProcessLookupError", OS_ERROR;
    TIMEOUT_ERROR, "TimeoutError", OS_ERROR;
    REFERENCE_ERROR, "ReferenceError", EXCEPTION;
    RUNTIME_ERROR, "RuntimeError", EXCEPTION;
    NOT_IMPLEMENTED_ERROR, "NotImplementedError", RUNTIME_ERROR;
    RECURSION_ERROR, "RecursionError", RUNTIME_ERROR;
    SYNTAX_ERROR, "SyntaxError", EXCEPTION;
    INDENTATION_ERROR, "IndentationError", SYNTAX_ERROR;
    TAB_ERROR, "TabError", INDENTATION_ERROR;
    SYSTEM_ERROR, "SystemError", EXCEPTION;
    TYPE_ERROR, "TypeError", EXCEPTION;
    VALUE_ERROR, "ValueError", EXCEPTION;
    UNICODE_ERROR, "UnicodeError", VALUE_ERROR;
    UNICODE_DECODE_ERROR, "UnicodeDecodeError", UNICODE_ERROR;
    UNICODE_ENCODE_ERROR, "UnicodeEncodeError", UNICODE_ERROR;
    UNICODE_TRANSLATE_ERROR, "UnicodeTranslateError", UNICODE_ERROR;
    WARNING, "Warning", EXCEPTION;
    DEPRECATION_WARNING, "DeprecationWarning", WARNING;
    RUNTIME_WARNING, "RuntimeWarning", WARNING;
    SYNTAX_WARNING, "SyntaxWarning", WARNING;
    USER_WARNING, "UserWarning", WARNING;
    PENDING_DEPRECATION_WARNING, "PendingDeprecationWarning", WARNING;
    FUTURE_WARNING, "FutureWarning", WARNING;
    IMPORT_WARNING, "ImportWarning", WARNING;
    UNICODE_WARNING, "UnicodeWarning", WARNING;
    BYTES_WARNING, "BytesWarning", WARNING;
    RESOURCE_WARNING, "ResourceWarning", WARNING;
    ENCODING_WARNING, "EncodingWarning", WARNING;
}

/// Every non-exception builtin type, for runtime initialisation.
pub static CORE_TYPES: &[&TypeObject] = &[
    &OBJECT_TYPE,
    &TYPE_TYPE,
    &NONE_TYPE,
    &NOTIMPLEMENTED_TYPE,
    &ELLIPSIS_TYPE,
    &INT_TYPE,
    &BOOL_TYPE,
    &FLOAT_TYPE,
    &STR_TYPE,
    &TUPLE_TYPE,
    &LIST_TYPE,
    &DICT_TYPE,
    &SET_TYPE,
    &FROZENSET_TYPE,
    &RANGE_TYPE,
    &SLICE_TYPE,
    &FUNCTION_TYPE,
    &METHOD_TYPE,
    &BUILTIN_FUNCTION_TYPE,
    &METHOD_DESCRIPTOR_TYPE,
    &CLASSMETHOD_DESCRIPTOR_TYPE,
    &MODULE_TYPE,
    &PROPERTY_TYPE,
    &STATICMETHOD_TYPE,
    &CLASSMETHOD_TYPE,
    &CODE_TYPE,
    &CELL_TYPE,
    &TRACEBACK_TYPE,
    &SUPER_TYPE,
    &MAPPINGPROXY_TYPE,
    &GETSET_DESCRIPTOR_TYPE,
    &QUITTER_TYPE,
    &VERSION_INFO_TYPE,
    &FLOAT_INFO_TYPE,
    &INT_INFO_TYPE,
    &HASH_INFO_TYPE,
    &FLAGS_TYPE,
    &DICT_KEYS_TYPE,
    &DICT_VALUES_TYPE,
    &DICT_ITEMS_TYPE,
    &LIST_ITERATOR_TYPE,
    &LIST_REVERSEITERATOR_TYPE,
    &TUPLE_ITERATOR_TYPE,
    &STR_ITERATOR_TYPE,
    &STR_ASCII_ITERATOR_TYPE,
    &RANGE_ITERATOR_TYPE,
    &LONGRANGE_ITERATOR_TYPE,
    &DICT_KEYITERATOR_TYPE,
    &DICT_VALUEITERATOR_TYPE,
    &DICT_ITEMITERATOR_TYPE,
    &DICT_REVERSEKEYITERATOR_TYPE,
    &DICT_REVERSEVALUEITERATOR_TYPE,
    &DICT_REVERSEITEMITERATOR_TYPE,
    &SET_ITERATOR_TYPE,
    &SEQ_ITERATOR_TYPE,
    &CALLABLE_ITERATOR_TYPE,
    &ENUMERATE_TYPE,
    &ZIP_TYPE,
    &MAP_TYPE,
    &FILTER_TYPE,
    &REVERSED_TYPE,
    &TEXTIO_TYPE,
];
