//! The instruction set: one table defines every opcode.
//!
//! Each row of `instructions!` gives the opcode's name, its operand kind, its stack
//! effect as a function of the operand, and a one-line meaning. The `Opcode` enum, the
//! names used by the disassembler ([`Opcode::name`]), the operand kinds and the stack
//! depth computation ([`Opcode::stack_effect`]) are all derived from that table, so they
//! cannot drift apart. The eval loop's `match` is written by hand, so the compiler checks
//! that every opcode is handled.
//!
//! Encoding: fixed 2-byte code units `(opcode, oparg)`. An operand wider than 8 bits is
//! carried by `EXTENDED_ARG` prefixes, as in CPython. Jump operands are absolute code-unit
//! indices of the target (after prefixes are accounted for).
//!
//! Stack notation in the meanings: `(in -- out)`, top of stack on the right; `null` is an
//! empty slot used by the call protocol.

/// What an instruction's operand refers to (drives the disassembler's annotations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    None,
    /// A plain count or flag set.
    Arg,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// Index into the fast locals / cells / free variables (`localsplusnames`).
    Local,
    /// Absolute code-unit index of a jump target.
    Jump,
    /// A `BINARY_OP` operator number (`NB_*`).
    BinOp,
    /// A `COMPARE_OP` comparison number.
    Compare,
}

macro_rules! instructions {
    ($( $(#[$doc:meta])* $name:ident = $code:literal, $operand:ident, |$arg:ident| $effect:expr, $meaning:literal; )*) => {
        /// Every opcode of the virtual machine.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[$doc])* #[doc = $meaning] $name = $code, )*
        }

        impl Opcode {
            /// All opcodes, in table order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// Decode a byte; `None` for a byte that is no opcode.
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                match byte {
                    $( $code => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// The name shown by the disassembler (CPython's spelling).
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// What the operand means.
            pub fn operand(self) -> Operand {
                match self { $( Opcode::$name => Operand::$operand, )* }
            }

            /// The one-line meaning from the table.
            pub fn meaning(self) -> &'static str {
                match self { $( Opcode::$name => $meaning, )* }
            }

            /// Net change of the stack depth when the instruction falls through (for
            /// jumps, see [`Opcode::jump_stack_effect`]).
            #[allow(unused_variables)]
            pub fn stack_effect(self, oparg: u32) -> i32 {
                let oparg = oparg as i32;
                match self { $( Opcode::$name => { let $arg = oparg; $effect } )* }
            }
        }
    };
}

instructions! {
    NOP = 0, None, |a| 0, "( -- ) do nothing";
    POP_TOP = 1, None, |a| -1, "(x -- ) discard the top of the stack";
    PUSH_NULL = 2, None, |a| 1, "( -- null) push the empty slot of the call protocol";
    COPY = 3, Arg, |a| 1, "(.. x(a) .. -- .. x .. x) push a copy of the a-th item (1 = top)";
    SWAP = 4, Arg, |a| 0, "(.. x(a) .. top -- .. top .. x) swap the top with the a-th item";
    RESUME = 5, Arg, |a| 0, "( -- ) function entry: check the eval breaker";
    EXTENDED_ARG = 6, Arg, |a| 0, "( -- ) prefix: shift its operand into the next one";

    LOAD_CONST = 10, Const, |a| 1, "( -- value) push co_consts[a]";
    LOAD_FAST = 11, Local, |a| 1, "( -- value) push local a; UnboundLocalError if unset";
    STORE_FAST = 12, Local, |a| -1, "(value -- ) local a = value";
    DELETE_FAST = 13, Local, |a| 0, "( -- ) unset local a";
    LOAD_NAME = 14, Name, |a| 1, "( -- value) look co_names[a] up in locals, globals, builtins";
    STORE_NAME = 15, Name, |a| -1, "(value -- ) locals[co_names[a]] = value";
    DELETE_NAME = 16, Name, |a| 0, "( -- ) del locals[co_names[a]]";
    LOAD_GLOBAL = 17, Name, |a| 1, "( -- value) look co_names[a] up in globals, then builtins";
    STORE_GLOBAL = 18, Name, |a| -1, "(value -- ) globals[co_names[a]] = value";
    DELETE_GLOBAL = 19, Name, |a| 0, "( -- ) del globals[co_names[a]]";
    MAKE_CELL = 20, Local, |a| 0, "( -- ) replace local a by a new cell holding its value";
    COPY_FREE_VARS = 21, Arg, |a| 0, "( -- ) copy the function's a closure cells into the frame";
    LOAD_CLOSURE = 22, Local, |a| 1, "( -- cell) push the cell in slot a";
    LOAD_DEREF = 23, Local, |a| 1, "( -- value) push the contents of the cell in slot a";
    STORE_DEREF = 24, Local, |a| -1, "(value -- ) store into the cell in slot a";
    DELETE_DEREF = 25, Local, |a| 0, "( -- ) empty the cell in slot a";
    LOAD_CLASSDEREF = 26, Local, |a| 1, "( -- value) class body: locals first, then the cell in slot a";

    LOAD_ATTR = 30, Name, |a| 0, "(obj -- value) getattr(obj, co_names[a])";
    STORE_ATTR = 31, Name, |a| -2, "(value obj -- ) setattr(obj, co_names[a], value)";
    DELETE_ATTR = 32, Name, |a| -1, "(obj -- ) delattr(obj, co_names[a])";
    LOAD_METHOD = 33, Name, |a| 1, "(obj -- meth self | null attr) look up a method for a call";
    BINARY_SUBSCR = 34, None, |a| -1, "(container key -- value) container[key]";
    STORE_SUBSCR = 35, None, |a| -3, "(value container key -- ) container[key] = value";
    DELETE_SUBSCR = 36, None, |a| -2, "(container key -- ) del container[key]";
    BUILD_SLICE = 37, Arg, |a| 1 - a, "(start stop [step] -- slice) build a slice of a parts";

    BINARY_OP = 40, BinOp, |a| -1, "(lhs rhs -- result) binary or in-place operator a";
    UNARY_NEGATIVE = 41, None, |a| 0, "(x -- -x)";
    UNARY_POSITIVE = 42, None, |a| 0, "(x -- +x)";
    UNARY_INVERT = 43, None, |a| 0, "(x -- ~x)";
    UNARY_NOT = 44, None, |a| 0, "(x -- not x)";
    COMPARE_OP = 45, Compare, |a| -1, "(lhs rhs -- result) rich comparison a";
    IS_OP = 46, Arg, |a| -1, "(lhs rhs -- bool) lhs is rhs; a = 1 negates";
    CONTAINS_OP = 47, Arg, |a| -1, "(item container -- bool) item in container; a = 1 negates";

    JUMP_FORWARD = 50, Jump, |a| 0, "( -- ) jump forward to a";
    JUMP_BACKWARD = 51, Jump, |a| 0, "( -- ) jump back to a; checks the eval breaker";
    POP_JUMP_IF_FALSE = 52, Jump, |a| -1, "(cond -- ) jump to a if cond is false";
    POP_JUMP_IF_TRUE = 53, Jump, |a| -1, "(cond -- ) jump to a if cond is true";
    JUMP_IF_FALSE_OR_POP = 54, Jump, |a| -1, "(cond -- cond?) if false jump to a keeping cond, else pop";
    JUMP_IF_TRUE_OR_POP = 55, Jump, |a| -1, "(cond -- cond?) if true jump to a keeping cond, else pop";
    POP_JUMP_IF_NONE = 56, Jump, |a| -1, "(x -- ) jump to a if x is None";
    POP_JUMP_IF_NOT_NONE = 57, Jump, |a| -1, "(x -- ) jump to a if x is not None";
    GET_ITER = 58, None, |a| 0, "(iterable -- iterator) iter(iterable)";
    FOR_ITER = 59, Jump, |a| 1, "(iter -- iter next) next(iter), or pop iter and jump to a when exhausted";

    BUILD_TUPLE = 60, Arg, |a| 1 - a, "(items*a -- tuple)";
    BUILD_LIST = 61, Arg, |a| 1 - a, "(items*a -- list)";
    BUILD_SET = 62, Arg, |a| 1 - a, "(items*a -- set)";
    BUILD_MAP = 63, Arg, |a| 1 - 2 * a, "((key value)*a -- dict)";
    BUILD_CONST_KEY_MAP = 64, Arg, |a| -a, "(values*a keys -- dict) keys is a constant tuple";
    BUILD_STRING = 65, Arg, |a| 1 - a, "(pieces*a -- str) concatenate a strings";
    LIST_APPEND = 66, Arg, |a| -1, "(list .. x -- list ..) append x to the list a-th from the top";
    SET_ADD = 67, Arg, |a| -1, "(set .. x -- set ..) add x to the set a-th from the top";
    MAP_ADD = 68, Arg, |a| -2, "(dict .. k v -- dict ..) dict[k] = v for the dict a-th from the top";
    LIST_EXTEND = 69, Arg, |a| -1, "(list .. it -- list ..) extend the list with an iterable";
    SET_UPDATE = 70, Arg, |a| -1, "(set .. it -- set ..) update the set with an iterable";
    DICT_UPDATE = 71, Arg, |a| -1, "(dict .. m -- dict ..) dict.update(m)";
    DICT_MERGE = 72, Arg, |a| -1, "(dict .. m -- dict ..) merge **m for a call; duplicate keys are errors";
    LIST_TO_TUPLE = 73, None, |a| 0, "(list -- tuple)";
    UNPACK_SEQUENCE = 74, Arg, |a| a - 1, "(seq -- items*a) unpack exactly a items, the first on top";
    UNPACK_EX = 75, Arg, |a| (a & 0xff) + (a >> 8), "(seq -- before list after) starred unpacking; a = before | after << 8";
    FORMAT_VALUE = 76, Arg, |a| if a & 4 != 0 { -1 } else { 0 }, "(value [spec] -- str) f-string piece; a&3 = conversion, a&4 = has spec";

    CALL = 80, Arg, |a| -a - 1, "(null|meth callable|self args*a -- result) call with a arguments";
    KW_NAMES = 81, Const, |a| 0, "( -- ) the next CALL's last arguments are keywords named by co_consts[a]";
    CALL_FUNCTION_EX = 82, Arg, |a| -2 - (a & 1), "(null callable args [kwargs] -- result) call with a tuple and dict";
    MAKE_FUNCTION = 83, Arg, |a| -((a & 1) + ((a >> 1) & 1) + ((a >> 3) & 1)), "(defaults? kwdefaults? closure? code -- function)";
    RETURN_VALUE = 84, None, |a| -1, "(value -- ) return from the frame";
    LOAD_BUILD_CLASS = 85, None, |a| 1, "( -- __build_class__)";
    IMPORT_NAME = 86, Name, |a| -1, "(level fromlist -- module) import co_names[a]";
    IMPORT_FROM = 87, Name, |a| 1, "(module -- module value) getattr(module, co_names[a]) for from-imports";
    IMPORT_STAR = 88, None, |a| -1, "(module -- ) copy a module's public names into locals";
    LOAD_ASSERTION_ERROR = 89, None, |a| 1, "( -- AssertionError)";

    RAISE_VARARGS = 90, Arg, |a| -a, "(exc? cause? -- ) raise; a = 0 re-raises the handled exception";
    RERAISE = 91, None, |a| -1, "(exc -- ) re-raise exc keeping its traceback";
    PUSH_EXC_INFO = 92, None, |a| 1, "(exc -- prev exc) start handling exc; prev is the one handled before";
    POP_EXCEPT = 93, None, |a| -1, "(prev -- ) finish handling: restore prev as the handled exception";
    CHECK_EXC_MATCH = 94, None, |a| 0, "(exc type -- exc bool) isinstance-style match for except";
}

/// Comparison operands of `COMPARE_OP` (CPython's `Py_LT`… order).
pub const CMP_LT: u32 = 0;
pub const CMP_LE: u32 = 1;
pub const CMP_EQ: u32 = 2;
pub const CMP_NE: u32 = 3;
pub const CMP_GT: u32 = 4;
pub const CMP_GE: u32 = 5;

/// The symbol of a comparison operand, for the disassembler and error messages.
pub fn compare_symbol(op: u32) -> &'static str {
    ["<", "<=", "==", "!=", ">", ">="]
        .get(op as usize)
        .copied()
        .unwrap_or("?")
}

/// `BINARY_OP` operands: 0..=12 are the binary operators in `NB_*` order, 13..=25 the
/// in-place forms of the same operators.
pub const BINOP_INPLACE: u32 = 13;

/// The `BINARY_OP` operand (and `Slots::nb` index) of `|`.
pub const NB_OR: u32 = 7;

/// The `BINARY_OP` operand (and `Slots::nb` index) of `>>`.
pub const NB_RSHIFT: u32 = 9;

/// The symbol of a `BINARY_OP` operand (`"+"`, `"+="`, …).
pub fn binop_symbol(op: u32) -> &'static str {
    const SYMBOLS: [&str; 26] = [
        "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=",
        "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
    ];
    SYMBOLS.get(op as usize).copied().unwrap_or("?")
}

impl Opcode {
    /// Whether the operand is a jump target.
    pub fn is_jump(self) -> bool {
        self.operand() == Operand::Jump
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::RETURN_VALUE
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
        )
    }

    /// Stack depth change along the jump edge of a jump instruction.
    pub fn jump_stack_effect(self, arg: u32) -> i32 {
        match self {
            Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => 0,
            Opcode::FOR_ITER => -1,
            _ => self.stack_effect(arg),
        }
    }
}

/// One 2-byte code unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct CodeUnit {
    pub op: Opcode,
    pub arg: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_unit_is_two_bytes() {
        assert_eq!(std::mem::size_of::<CodeUnit>(), 2);
    }

    #[test]
    fn opcodes_round_trip_through_bytes() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert!(!op.meaning().is_empty());
        }
    }

    #[test]
    fn stack_effects_follow_the_table() {
        assert_eq!(Opcode::BUILD_TUPLE.stack_effect(3), -2);
        assert_eq!(Opcode::CALL.stack_effect(2), -3);
        assert_eq!(Opcode::FOR_ITER.jump_stack_effect(0), -1);
        assert_eq!(Opcode::UNPACK_EX.stack_effect(1 | (2 << 8)), 3);
    }
}
