//! Reference-counting edge cases, checked through the library with the allocator's
//! statistics: counts per handle and per container slot, immediate freeing, the
//! trashcan (a million-deep nested list freed on a test thread's small stack), small-int
//! identity, and the interpreter returning every block at shutdown.

use pyrite::object::dict::{as_dict, new_dict};
use pyrite::object::int::new_int;
use pyrite::object::list::{as_list, new_list};
use pyrite::object::str::new_str;
use pyrite::object::tuple::new_tuple;
use pyrite::object::{PyRef, heap_stats};

fn blocks() -> u64 {
    heap_stats().blocks_in_use
}

#[test]
fn refcount_edge_cases() {
    let interp = pyrite::Interpreter::new(vec!["refcount".into()]);
    // Interned names live until shutdown: make the one used below before measuring.
    drop(pyrite::object::str::intern("k"));
    let base = blocks();

    // One handle = one count; clones add, drops subtract.
    let s = new_str("a fresh string that is not interned");
    assert_eq!(s.refcount(), 1);
    let s2 = s.clone();
    assert_eq!(s.refcount(), 2);
    drop(s2);
    assert_eq!(s.refcount(), 1);

    // Each container slot owns one reference; freeing the container releases them.
    let l = new_list(vec![s.clone(), s.clone()]);
    assert_eq!(s.refcount(), 3);
    let t = new_tuple(vec![s.clone()]);
    assert_eq!(s.refcount(), 4);
    let d = new_dict();
    as_dict(&d).expect("dict").set_item_str("k", s.clone());
    assert_eq!(s.refcount(), 5);
    drop(l);
    drop(t);
    drop(d);
    assert_eq!(s.refcount(), 1);

    // Freed the moment the last reference goes: the block count returns at once.
    drop(s);
    assert_eq!(blocks(), base);

    // Small ints are cached (identity), others are fresh objects.
    assert!(new_int(256).is(&new_int(256)));
    assert!(!new_int(257).is(&new_int(257)));
    assert!(new_int(-5).is(&new_int(-5)));
    assert_eq!(blocks(), base);

    // A million-deep nested list frees without deep native recursion (the trashcan):
    // this test thread has the default 2 MiB stack.
    let mut x: PyRef = new_list(Vec::new());
    for _ in 0..1_000_000 {
        x = new_list(vec![x]);
    }
    assert!(blocks() > base + 1_000_000);
    drop(x);
    assert_eq!(blocks(), base);

    // A self-referencing list is a cycle: refcounting alone cannot free it…
    let cyc = new_list(Vec::new());
    as_list(&cyc).expect("list").push(cyc.clone());
    drop(cyc);
    assert_eq!(blocks(), base + 1);

    // …but shutdown clears what cycles remain and returns every block.
    assert_eq!(interp.shutdown(), 0);
}
