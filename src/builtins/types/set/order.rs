//! CPython's set iteration order. The payload keeps keys in insertion order, but
//! CPython iterates a set in hash-table slot order; [`simulate_order`] replays the
//! insertions into a model of CPython's table (`set_insert_clean` probing with
//! `LINEAR_PROBES`, the `fill*5 >= mask*3` growth rule), which reproduces CPython's
//! order exactly for sets built by adding keys one at a time.

use crate::object::set::SetData;
use crate::object::*;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

fn insert_clean(table: &mut [Option<usize>], mask: usize, hash: i64, idx: usize) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(idx);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// The order in which CPython would iterate a set whose keys (with these hashes) were
/// added one by one in the given order: indices into `hashes`.
pub fn simulate_order(hashes: &[i64]) -> Vec<usize> {
    let mut mask = 7usize;
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut fill = 0usize;
    for (idx, &h) in hashes.iter().enumerate() {
        insert_clean(&mut table, mask, h, idx);
        fill += 1;
        if fill * 5 >= mask * 3 {
            let minused = if fill > 50000 { fill * 2 } else { fill * 4 };
            let mut newsize = 8usize;
            while newsize <= minused {
                newsize <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; newsize]);
            mask = newsize - 1;
            for e in old.into_iter().flatten() {
                insert_clean(&mut table, mask, hashes[e], e);
            }
        }
    }
    table.into_iter().flatten().collect()
}

/// The keys of a set in CPython's iteration order.
pub fn iteration_order(s: &SetData) -> Vec<PyRef> {
    let (hashes, keys): (Vec<i64>, Vec<PyRef>) = {
        let t = s.table.borrow();
        (0..t.capacity_used())
            .filter_map(|i| t.entry(i).map(|e| (e.hash, e.key.clone())))
            .unzip()
    };
    let mut slots: Vec<Option<PyRef>> = keys.into_iter().map(Some).collect();
    simulate_order(&hashes)
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::simulate_order;

    /// Orders observed with python3 (`s = set(); s.add(k) ...; list(s)`).
    #[test]
    fn order_matches_cpython() {
        let order = |keys: &[i64]| -> Vec<i64> {
            simulate_order(keys).into_iter().map(|i| keys[i]).collect()
        };
        assert_eq!(order(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(
            order(&[100, 200, 300, 400, 500]),
            vec![100, 200, 300, 400, 500]
        );
        assert_eq!(order(&[8, 16, 0]), vec![8, 16, 0]);
        // hash(-1) == -2
        assert_eq!(order(&[-5, 3, -2, 0, 2]), vec![0, 2, 3, -5, -2]);
    }
}
