//! `list.sort` / `sorted`: a stable sort that follows CPython's timsort outline
//! (`count_run`, binary insertion to `minrun`, merges keeping the run-stack invariants),
//! so short lists see exactly CPython's sequence of `__lt__` calls. Keys of one simple
//! type (small ints, floats, strs) are compared natively. Comparison errors propagate
//! with every item kept.

use super::data;
use crate::object::list::ListData;
use crate::object::*;
use crate::vm::Vm;

/// How keys are compared: natively when they all share a simple type.
#[derive(Clone, Copy, PartialEq)]
enum KeyKind {
    Int,
    Float,
    Str,
    Generic,
}

fn key_kind(keys: &[PyRef]) -> KeyKind {
    use crate::object::float::float_value;
    use crate::object::int::as_small_int;
    if keys
        .iter()
        .all(|k| k.is_exact(&INT_TYPE) && as_small_int(k).is_some())
    {
        KeyKind::Int
    } else if keys
        .iter()
        .all(|k| k.is_exact(&FLOAT_TYPE) && float_value(k).is_some())
    {
        KeyKind::Float
    } else if keys.iter().all(|k| k.is_exact(&STR_TYPE)) {
        KeyKind::Str
    } else {
        KeyKind::Generic
    }
}

/// `keys[a] < keys[b]` for the sort.
struct Sorter<'v> {
    vm: &'v mut Vm,
    keys: Vec<PyRef>,
    kind: KeyKind,
}

impl Sorter<'_> {
    fn lt(&mut self, a: &PyRef, b: &PyRef) -> PyResult<bool> {
        use crate::object::float::float_value;
        use crate::object::int::as_small_int;
        use crate::object::str::str_text;
        match self.kind {
            KeyKind::Int => Ok(as_small_int(a) < as_small_int(b)),
            KeyKind::Float => Ok(float_value(a).unwrap_or(0.0) < float_value(b).unwrap_or(0.0)),
            // Byte order of generalized UTF-8 is code point order.
            KeyKind::Str => {
                Ok(str_text(a).map(|t| t.as_bytes()) < str_text(b).map(|t| t.as_bytes()))
            }
            KeyKind::Generic => self.vm.compare_bool(a, b, CompareOp::Lt),
        }
    }

    /// `keys[perm[i]] < keys[perm[j]]`.
    fn lt_at(&mut self, perm: &[usize], i: usize, j: usize) -> PyResult<bool> {
        let (a, b) = (self.keys[perm[i]].clone(), self.keys[perm[j]].clone());
        self.lt(&a, &b)
    }

    /// CPython's `count_run`: the length of the run starting at `lo`, reversing a
    /// strictly descending run in place.
    fn count_run(&mut self, perm: &mut [usize], lo: usize, hi: usize) -> PyResult<usize> {
        if lo + 1 == hi {
            return Ok(1);
        }
        let mut n = 2;
        if self.lt_at(perm, lo + 1, lo)? {
            let mut i = lo + 2;
            while i < hi {
                if !self.lt_at(perm, i, i - 1)? {
                    break;
                }
                n += 1;
                i += 1;
            }
            perm[lo..lo + n].reverse();
        } else {
            let mut i = lo + 2;
            while i < hi {
                if self.lt_at(perm, i, i - 1)? {
                    break;
                }
                n += 1;
                i += 1;
            }
        }
        Ok(n)
    }

    /// CPython's `binarysort`: `perm[lo..start]` is sorted; insert the rest.
    fn binary_sort(
        &mut self,
        perm: &mut [usize],
        lo: usize,
        hi: usize,
        start: usize,
    ) -> PyResult<()> {
        for s in start.max(lo + 1)..hi {
            let pivot = perm[s];
            let (mut l, mut r) = (lo, s);
            while l < r {
                let p = l + ((r - l) >> 1);
                let (a, b) = (self.keys[pivot].clone(), self.keys[perm[p]].clone());
                if self.lt(&a, &b)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            perm.copy_within(l..s, l + 1);
            perm[l] = pivot;
        }
        Ok(())
    }

    /// Stable merge of the adjacent sorted runs `perm[lo..mid]` and `perm[mid..hi]`.
    fn merge(&mut self, perm: &mut [usize], lo: usize, mid: usize, hi: usize) -> PyResult<()> {
        let left: Vec<usize> = perm[lo..mid].to_vec();
        let (mut i, mut j, mut k) = (0, mid, lo);
        let result = (|| -> PyResult<()> {
            while i < left.len() && j < hi {
                let (a, b) = (self.keys[perm[j]].clone(), self.keys[left[i]].clone());
                if self.lt(&a, &b)? {
                    perm[k] = perm[j];
                    j += 1;
                } else {
                    perm[k] = left[i];
                    i += 1;
                }
                k += 1;
            }
            Ok(())
        })();
        // Whatever happened, put the rest of the left run back so no item is lost.
        while i < left.len() {
            perm[k] = left[i];
            i += 1;
            k += 1;
        }
        result
    }

    /// Timsort's outline: natural runs extended to `minrun` by binary insertion, then
    /// merged with the stack invariants of `merge_collapse`.
    fn sort(&mut self, perm: &mut [usize]) -> PyResult<()> {
        let n = perm.len();
        if n < 2 {
            return Ok(());
        }
        let minrun = merge_compute_minrun(n);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut lo = 0;
        while lo < n {
            let mut len = self.count_run(perm, lo, n)?;
            if len < minrun {
                let force = minrun.min(n - lo);
                self.binary_sort(perm, lo, lo + force, lo + len)?;
                len = force;
            }
            runs.push((lo, len));
            lo += len;
            self.merge_collapse(perm, &mut runs)?;
        }
        while runs.len() > 1 {
            let k = runs.len();
            let at = if k >= 3 && runs[k - 3].1 < runs[k - 1].1 {
                k - 3
            } else {
                k - 2
            };
            self.merge_at(perm, &mut runs, at)?;
        }
        Ok(())
    }

    fn merge_at(
        &mut self,
        perm: &mut [usize],
        runs: &mut Vec<(usize, usize)>,
        i: usize,
    ) -> PyResult<()> {
        let (a, la) = runs[i];
        let (_, lb) = runs[i + 1];
        runs[i] = (a, la + lb);
        runs.remove(i + 1);
        self.merge(perm, a, a + la, a + la + lb)
    }

    fn merge_collapse(
        &mut self,
        perm: &mut [usize],
        runs: &mut Vec<(usize, usize)>,
    ) -> PyResult<()> {
        while runs.len() > 1 {
            let n = runs.len() - 2;
            let len = |i: usize| runs[i].1;
            if (n > 0 && len(n - 1) <= len(n) + len(n + 1))
                || (n > 1 && len(n - 2) <= len(n - 1) + len(n))
            {
                let at = if len(n - 1) < len(n + 1) { n - 1 } else { n };
                self.merge_at(perm, runs, at)?;
            } else if len(n) <= len(n + 1) {
                self.merge_at(perm, runs, n)?;
            } else {
                break;
            }
        }
        Ok(())
    }
}

fn merge_compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sort a list in place (`list.sort`, `sorted`): stable, `key` applied once per item,
/// `reverse` keeping equal items in their original order. The list is empty while
/// the sort runs; if it was changed meanwhile, the sorted items are put back and
/// `ValueError: list modified during sort` raised.
pub fn list_sort(vm: &mut Vm, list: &PyRef, key: Option<&PyRef>, reverse: bool) -> PyResult<()> {
    let l = data(list, "sort")?;
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let mut keys = match key {
        None => items.clone(),
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for it in &items {
                match vm.call_args(f, std::slice::from_ref(it)) {
                    Ok(k) => keys.push(k),
                    Err(e) => {
                        restore(l, items);
                        return Err(e);
                    }
                }
            }
            keys
        }
    };
    if reverse {
        items.reverse();
        keys.reverse();
    }
    let kind = key_kind(&keys);
    let mut perm: Vec<usize> = (0..items.len()).collect();
    let mut sorter = Sorter { vm, keys, kind };
    let result = sorter.sort(&mut perm);
    let mut slots: Vec<Option<PyRef>> = items.into_iter().map(Some).collect();
    let mut sorted: Vec<PyRef> = perm.iter().filter_map(|&i| slots[i].take()).collect();
    if reverse {
        sorted.reverse();
    }
    let modified = !l.is_empty();
    restore(l, sorted);
    result?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(())
}

/// Put `items` back as the list's contents, dropping whatever was put there meanwhile.
fn restore(l: &ListData, items: Vec<PyRef>) {
    let old = std::mem::replace(&mut *l.items.borrow_mut(), items);
    drop(old);
}
