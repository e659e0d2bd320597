//! Small payloads: `range`, `slice`, `super`, tracebacks, user-class instances and dict
//! views.

use super::handle::{Payload, PyRef};
use super::int::IntValue;
use super::typeobj::Layout;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;

/// `range(start, stop, step)` (step != 0).
///
/// A range whose start, stop and step all fit in an `i64` — nearly every range — is
/// `Small`: its length fits a `u64`, every element fits an `i64`, and length, indexing,
/// `in` and iteration work in `i64`/`i128` without allocating (`for i in range(n)` is
/// the hottest loop there is). Any other range is `Big` and uses arbitrary-precision
/// ints throughout, like CPython; so does slicing, for every range.
/// Constructors normalise, so a range is `Big` exactly when a field is outside `i64`.
pub enum RangeData {
    Small { start: i64, stop: i64, step: i64 },
    Big(Box<BigRange>),
}

/// A range with a bound or the step outside `i64`, with its length precomputed.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

impl Payload for RangeData {
    const LAYOUT: Layout = Layout::Range;
}

/// The number of elements of a small range.
pub fn small_range_len(start: i64, stop: i64, step: i64) -> u64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && start < stop {
        (stop - start + step - 1) / step
    } else if step < 0 && start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    n as u64
}

/// The number of elements of `range(start, stop, step)` for any ints (`step != 0`).
fn big_range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / -step + 1u32
    } else {
        BigInt::zero()
    }
}

impl RangeData {
    /// The range `range(start, stop, step)`; `step` must not be zero.
    pub fn new(start: IntValue, stop: IntValue, step: IntValue) -> RangeData {
        match (start, stop, step) {
            (IntValue::Small(start), IntValue::Small(stop), IntValue::Small(step)) => {
                RangeData::Small { start, stop, step }
            }
            (start, stop, step) => {
                let (start, stop, step) = (start.to_big(), stop.to_big(), step.to_big());
                let len = big_range_len(&start, &stop, &step);
                RangeData::Big(Box::new(BigRange {
                    start,
                    stop,
                    step,
                    len,
                }))
            }
        }
    }

    /// [`RangeData::new`] from big ints (normalised to `Small` when they fit).
    pub fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> RangeData {
        RangeData::new(
            IntValue::from_big(start),
            IntValue::from_big(stop),
            IntValue::from_big(step),
        )
    }

    pub fn start(&self) -> IntValue {
        match self {
            RangeData::Small { start, .. } => IntValue::Small(*start),
            RangeData::Big(b) => IntValue::from_big(b.start.clone()),
        }
    }

    pub fn stop(&self) -> IntValue {
        match self {
            RangeData::Small { stop, .. } => IntValue::Small(*stop),
            RangeData::Big(b) => IntValue::from_big(b.stop.clone()),
        }
    }

    pub fn step(&self) -> IntValue {
        match self {
            RangeData::Small { step, .. } => IntValue::Small(*step),
            RangeData::Big(b) => IntValue::from_big(b.step.clone()),
        }
    }

    /// `(start, stop, step)` as big ints.
    pub fn big_parts(&self) -> (BigInt, BigInt, BigInt) {
        match self {
            RangeData::Small { start, stop, step } => (
                BigInt::from(*start),
                BigInt::from(*stop),
                BigInt::from(*step),
            ),
            RangeData::Big(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        }
    }

    /// The number of elements, as an int value (it may exceed `i64` even for a small
    /// range).
    pub fn len_value(&self) -> IntValue {
        match self {
            RangeData::Small { start, stop, step } => {
                let n = small_range_len(*start, *stop, *step);
                match i64::try_from(n) {
                    Ok(n) => IntValue::Small(n),
                    Err(_) => IntValue::Big(BigInt::from(n)),
                }
            }
            RangeData::Big(b) => IntValue::from_big(b.len.clone()),
        }
    }

    /// The number of elements when it fits an `isize` (`len()` raises otherwise).
    pub fn len_isize(&self) -> Option<usize> {
        match self {
            RangeData::Small { start, stop, step } => {
                let n = small_range_len(*start, *stop, *step);
                (n <= isize::MAX as u64).then_some(n as usize)
            }
            RangeData::Big(b) => b.len.to_isize().map(|n| n as usize),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            RangeData::Small { start, stop, step } => small_range_len(*start, *stop, *step) == 0,
            RangeData::Big(b) => b.len.is_zero(),
        }
    }

    /// The element at index `i` (negative counts from the end), or `None` when `i` is
    /// out of range (CPython's `compute_range_item`).
    pub fn item(&self, i: &IntValue) -> Option<IntValue> {
        if let (RangeData::Small { start, stop, step }, IntValue::Small(i)) = (self, i) {
            let len = small_range_len(*start, *stop, *step) as i128;
            let i = if *i < 0 { *i as i128 + len } else { *i as i128 };
            if !(0..len).contains(&i) {
                return None;
            }
            return Some(IntValue::Small((*start as i128 + i * *step as i128) as i64));
        }
        let len = self.len_value().to_big();
        let mut i = i.to_big();
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return None;
        }
        Some(IntValue::from_big(self.item_unchecked(&i)))
    }

    /// `start + i * step` for any `i` (CPython's `compute_item`).
    pub fn item_unchecked(&self, i: &BigInt) -> BigInt {
        let (start, _, step) = self.big_parts();
        start + i * step
    }

    /// The index of int value `v` in the range, or `None` when it is not an element.
    pub fn index_of(&self, v: &IntValue) -> Option<IntValue> {
        if let (RangeData::Small { start, stop, step }, IntValue::Small(v)) = (self, v) {
            let (v, start, stop, step) = (*v as i128, *start as i128, *stop as i128, *step as i128);
            let inside = if step > 0 {
                start <= v && v < stop
            } else {
                stop < v && v <= start
            };
            // The index can exceed i64 when the range is longer than i64::MAX.
            return (inside && (v - start) % step == 0).then(|| {
                let i = (v - start) / step;
                i64::try_from(i).map_or_else(|_| IntValue::Big(BigInt::from(i)), IntValue::Small)
            });
        }
        let (start, stop, step) = self.big_parts();
        let v = v.to_big();
        let inside = if step.is_positive() {
            start <= v && v < stop
        } else {
            stop < v && v <= start
        };
        if !inside {
            return None;
        }
        let (q, r) = (v - start).div_rem(&step);
        r.is_zero().then(|| IntValue::from_big(q))
    }

    /// Whether int value `v` is an element of the range.
    pub fn contains(&self, v: &IntValue) -> bool {
        self.index_of(v).is_some()
    }
}

pub struct SliceData {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

impl Payload for SliceData {
    const LAYOUT: Layout = Layout::Slice;
}

/// `super(type, obj)`: attribute lookup starts after `ty` in `obj_type`'s MRO.
pub struct SuperData {
    pub ty: PyRef,
    pub obj: Option<PyRef>,
    pub obj_type: Option<PyRef>,
}

impl Payload for SuperData {
    const LAYOUT: Layout = Layout::Super;
}

/// One traceback entry: where a frame was when the exception passed through it.
pub struct TracebackData {
    pub next: RefCell<Option<PyRef>>,
    /// The code object of the frame.
    pub code: PyRef,
    /// Index of the code unit that was executing.
    pub lasti: usize,
    pub lineno: u32,
    /// The frame's globals (for NameError suggestions).
    pub globals: Option<PyRef>,
}

impl Payload for TracebackData {
    const LAYOUT: Layout = Layout::Traceback;
}

/// An instance of a user class whose solid base is `object`.
pub struct InstanceData {
    pub dict: RefCell<Option<PyRef>>,
}

impl Payload for InstanceData {
    const LAYOUT: Layout = Layout::Instance;
}

/// Which per-instance slot a [`GetSetData`] descriptor exposes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GetSetKind {
    /// `__dict__`: the instance attribute dict (created on first use).
    Dict,
    /// `__weakref__`: always `None` (Pyrite has no weak references yet).
    Weakref,
}

/// A `getset_descriptor` that a class statement adds to the first class of a hierarchy
/// to give instances a `__dict__` / `__weakref__`. It owns no object references.
pub struct GetSetData {
    pub kind: GetSetKind,
    /// The owning class's name, for `<attribute '__dict__' of 'A' objects>`.
    pub owner: String,
}

impl Payload for GetSetData {
    const LAYOUT: Layout = Layout::GetSet;
}

/// `dict.keys()` / `values()` / `items()`: a live view of a dict.
pub struct DictViewData {
    pub dict: PyRef,
}

impl Payload for DictViewData {
    const LAYOUT: Layout = Layout::DictView;
}
