//! Property test of the CPython-layout set table (`object::set_table`): under random
//! adds, discards and pops of small ints it holds exactly the keys a model set holds,
//! `len` agrees, and iteration visits every key once. (Iteration *order* against
//! python3 is checked by the golden programs under `tests/programs/set/`.)

use proptest::prelude::*;
use pyrite::object::dict::{Probe, native_hash};
use pyrite::object::int::{int_value, new_int};
use pyrite::object::set_table::SetTable;
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
enum Op {
    Add(i64),
    Discard(i64),
    Pop,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (-40i64..200).prop_map(Op::Add),
        2 => (-40i64..200).prop_map(Op::Discard),
        1 => Just(Op::Pop),
    ]
}

fn small(k: &pyrite::object::PyRef) -> i64 {
    match int_value(k) {
        Some(pyrite::object::int::IntValue::Small(v)) => *v,
        _ => panic!("not a small int"),
    }
}

proptest! {
    #[test]
    fn table_matches_a_model(ops in proptest::collection::vec(op(), 1..400)) {
        let _interp = pyrite::Interpreter::new(vec!["set_table".into()]);
        let mut table = SetTable::default();
        let mut model = BTreeSet::new();
        for op in ops {
            match op {
                Op::Add(k) => {
                    let key = new_int(k);
                    let h = native_hash(&key).expect("int hash");
                    match table.probe(h, &key) {
                        Probe::Found(_) => prop_assert!(model.contains(&k)),
                        Probe::Missing => {
                            prop_assert!(!model.contains(&k));
                            table.insert_new(h, key);
                            model.insert(k);
                        }
                        Probe::NeedsPython(_) => prop_assert!(false, "ints compare natively"),
                    }
                }
                Op::Discard(k) => {
                    let key = new_int(k);
                    let h = native_hash(&key).expect("int hash");
                    if let Probe::Found(i) = table.probe(h, &key) {
                        prop_assert!(table.remove_at(i).is_some());
                        prop_assert!(model.remove(&k));
                    } else {
                        prop_assert!(!model.contains(&k));
                    }
                }
                Op::Pop => match table.pop() {
                    Some(e) => prop_assert!(model.remove(&small(&e.key))),
                    None => prop_assert!(model.is_empty()),
                },
            }
            prop_assert_eq!(table.len(), model.len());
        }
        let keys: Vec<i64> = table.keys().iter().map(small).collect();
        let unique: BTreeSet<i64> = keys.iter().copied().collect();
        prop_assert_eq!(keys.len(), unique.len());
        prop_assert_eq!(unique, model);
        drop(table.take_all());
    }
}
