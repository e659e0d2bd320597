//! The text of `sys._debugmallocstats()` for our allocators.
//!
//! Owns formatting only: [`pymalloc_report`] turns a [`PoolCensus`] (a walk
//! of every arena and pool) into the allocator part of CPython 3.11's output,
//! character for character: the size-class table, the arena block and the
//! byte accounting with `printone`'s layout (label padded to 35 columns, `=`,
//! value right-aligned in 21 columns with thousands separators). CPython's
//! arena-map block and free-list lines have no counterpart here; in their
//! place we print a labelled block for requests over 512 bytes, which
//! CPython does not count. [`system_report`] is our own short report for the
//! system allocator.
//!
//! Invariant of the pymalloc report (as in CPython): the six byte lines add
//! up to `Total`, which equals arenas × 1 MiB.

use std::fmt::Write;

use super::AllocStats;
use super::arena::ARENA_SIZE;
use super::pool::{POOL_OVERHEAD, POOL_SIZE};
use super::size_class::{NUM_SIZE_CLASSES, SMALL_REQUEST_THRESHOLD, class_block_size};

/// What a walk of all arenas and pools found (the inputs of the report).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PoolCensus {
    /// Used and full pools per size class.
    pub numpools: [u64; NUM_SIZE_CLASSES],
    /// Allocated blocks per size class.
    pub numblocks: [u64; NUM_SIZE_CLASSES],
    /// Free blocks in used pools per size class (CPython "avail blocks").
    pub numfreeblocks: [u64; NUM_SIZE_CLASSES],
    /// Arenas currently allocated.
    pub narenas: u64,
    /// Free pools (cached empty pools plus pools never carved).
    pub numfreepools: u64,
    /// Bytes skipped to align the first pool of each arena.
    pub arena_alignment: u64,
    /// Arenas ever allocated.
    pub arenas_allocated_total: u64,
    /// Most arenas allocated at once.
    pub arenas_highwater: u64,
}

/// `value` with a comma every three digits: `4194304` → `4,194,304`.
pub fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// One `label = value` line in CPython's `printone` layout; returns `value`.
fn printone(out: &mut String, label: &str, value: u64) -> u64 {
    let _ = writeln!(out, "{label:<35}={:>21}", thousands(value));
    value
}

/// The allocator part of CPython 3.11's `sys._debugmallocstats()`, followed
/// by our block on large requests.
pub(crate) fn pymalloc_report(c: &PoolCensus, stats: &AllocStats) -> String {
    let mut out = String::with_capacity(4096);
    let _ = writeln!(
        out,
        "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NUM_SIZE_CLASSES} size classes."
    );
    out.push('\n');
    out.push_str("class   size   num pools   blocks in use  avail blocks\n");
    out.push_str("-----   ----   ---------   -------------  ------------\n");
    let (mut allocated, mut available, mut headers, mut quantization) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..NUM_SIZE_CLASSES {
        let (p, b, f) = (c.numpools[i], c.numblocks[i], c.numfreeblocks[i]);
        if p == 0 {
            debug_assert!(b == 0 && f == 0);
            continue;
        }
        let size = class_block_size(i) as u64;
        let _ = writeln!(out, "{i:5} {size:6} {p:11} {b:15} {f:13}");
        allocated += b * size;
        available += f * size;
        headers += p * POOL_OVERHEAD as u64;
        quantization += p * ((POOL_SIZE - POOL_OVERHEAD) as u64 % size);
    }
    out.push('\n');
    printone(
        &mut out,
        "# arenas allocated total",
        c.arenas_allocated_total,
    );
    printone(
        &mut out,
        "# arenas reclaimed",
        c.arenas_allocated_total - c.narenas,
    );
    printone(&mut out, "# arenas highwater mark", c.arenas_highwater);
    printone(&mut out, "# arenas allocated current", c.narenas);
    let label = format!("{} arenas * {ARENA_SIZE} bytes/arena", c.narenas);
    printone(&mut out, &label, c.narenas * ARENA_SIZE as u64);
    out.push('\n');
    let mut total = printone(&mut out, "# bytes in allocated blocks", allocated);
    total += printone(&mut out, "# bytes in available blocks", available);
    let label = format!("{} unused pools * {POOL_SIZE} bytes", c.numfreepools);
    total += printone(&mut out, &label, c.numfreepools * POOL_SIZE as u64);
    total += printone(&mut out, "# bytes lost to pool headers", headers);
    total += printone(&mut out, "# bytes lost to quantization", quantization);
    total += printone(
        &mut out,
        "# bytes lost to arena alignment",
        c.arena_alignment,
    );
    printone(&mut out, "Total", total);
    debug_assert_eq!(total, c.narenas * ARENA_SIZE as u64);
    out.push('\n');
    out.push_str("requests over 512 bytes (system allocator; not in CPython's report)\n");
    printone(
        &mut out,
        "# large blocks allocated total",
        stats.large.allocs,
    );
    printone(&mut out, "# large blocks in use", stats.large.blocks_in_use);
    out
}

/// Our report for the system allocator: totals and a per-class table of
/// requests (classes by requested size, as pymalloc would round them).
pub(crate) fn system_report(stats: &AllocStats) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str("System allocator (malloc) in use: no arenas or pools.\n");
    out.push('\n');
    printone(&mut out, "# allocations total", stats.total_allocations);
    printone(&mut out, "# frees total", stats.total_frees);
    printone(&mut out, "# blocks in use", stats.blocks_in_use);
    printone(&mut out, "# bytes requested in use", stats.bytes_in_use);
    out.push('\n');
    out.push_str("class   size     allocations           frees   blocks in use\n");
    out.push_str("-----   ----   -------------   -------------   -------------\n");
    for (i, cls) in stats.size_classes.iter().enumerate() {
        if cls.allocs == 0 {
            continue;
        }
        let size = class_block_size(i);
        let _ = writeln!(
            out,
            "{i:5} {size:6} {:15} {:15} {:15}",
            cls.allocs, cls.frees, cls.blocks_in_use
        );
    }
    let large = &stats.large;
    if large.allocs != 0 {
        let _ = writeln!(
            out,
            "large   >512 {:15} {:15} {:15}",
            large.allocs, large.frees, large.blocks_in_use
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(65_536), "65,536");
        assert_eq!(thousands(4_194_304), "4,194,304");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    /// Feeds the numbers behind a real CPython 3.11.7 startup report (from
    /// `python3.11 -c "import sys; sys._debugmallocstats()"`) and expects its
    /// text byte for byte, up to where CPython's arena-map block starts.
    #[test]
    fn matches_cpython_3_11_layout() {
        let mut c = PoolCensus::default();
        // (class, num pools, blocks in use, avail blocks)
        let rows: [(usize, u64, u64, u64); 32] = [
            (0, 1, 106, 915),
            (1, 3, 1148, 382),
            (2, 13, 4221, 199),
            (3, 50, 12564, 186),
            (4, 37, 7446, 102),
            (5, 9, 1523, 7),
            (6, 6, 730, 140),
            (7, 10, 1187, 83),
            (8, 3, 266, 73),
            (9, 27, 2685, 69),
            (10, 3, 193, 83),
            (11, 3, 216, 39),
            (12, 7, 503, 43),
            (13, 7, 464, 40),
            (14, 6, 380, 28),
            (15, 5, 267, 48),
            (16, 5, 245, 55),
            (17, 4, 191, 33),
            (18, 3, 131, 28),
            (19, 3, 102, 51),
            (20, 3, 106, 38),
            (21, 2, 88, 4),
            (22, 3, 90, 42),
            (23, 2, 71, 13),
            (24, 6, 236, 4),
            (25, 2, 63, 15),
            (26, 2, 46, 28),
            (27, 2, 41, 31),
            (28, 2, 43, 27),
            (29, 2, 37, 31),
            (30, 2, 34, 30),
            (31, 2, 50, 12),
        ];
        for (i, p, b, f) in rows {
            c.numpools[i] = p;
            c.numblocks[i] = b;
            c.numfreeblocks[i] = f;
        }
        c.narenas = 4;
        c.numfreepools = 20;
        c.arena_alignment = 16384; // CPython's arenas are mmap'd, not pool-aligned
        c.arenas_allocated_total = 4;
        c.arenas_highwater = 4;
        let text = pymalloc_report(&c, &AllocStats::default());
        let expected = "\
Small block threshold = 512, in 32 size classes.

class   size   num pools   blocks in use  avail blocks
-----   ----   ---------   -------------  ------------
    0     16           1             106           915
    1     32           3            1148           382
    2     48          13            4221           199
    3     64          50           12564           186
    4     80          37            7446           102
    5     96           9            1523             7
    6    112           6             730           140
    7    128          10            1187            83
    8    144           3             266            73
    9    160          27            2685            69
   10    176           3             193            83
   11    192           3             216            39
   12    208           7             503            43
   13    224           7             464            40
   14    240           6             380            28
   15    256           5             267            48
   16    272           5             245            55
   17    288           4             191            33
   18    304           3             131            28
   19    320           3             102            51
   20    336           3             106            38
   21    352           2              88             4
   22    368           3              90            42
   23    384           2              71            13
   24    400           6             236             4
   25    416           2              63            15
   26    432           2              46            28
   27    448           2              41            31
   28    464           2              43            27
   29    480           2              37            31
   30    496           2              34            30
   31    512           2              50            12

# arenas allocated total           =                    4
# arenas reclaimed                 =                    0
# arenas highwater mark            =                    4
# arenas allocated current         =                    4
4 arenas * 1048576 bytes/arena     =            4,194,304

# bytes in allocated blocks        =            3,492,288
# bytes in available blocks        =              330,192
20 unused pools * 16384 bytes      =              327,680
# bytes lost to pool headers       =               11,280
# bytes lost to quantization       =               16,480
# bytes lost to arena alignment    =               16,384
Total                              =            4,194,304
";
        assert!(text.starts_with(expected), "got:\n{text}");
        assert!(text[expected.len()..].starts_with("\nrequests over 512 bytes"));
    }

    #[test]
    fn system_report_lists_only_used_classes() {
        let mut st = AllocStats::default();
        st.size_classes[2].allocs = 3;
        st.size_classes[2].blocks_in_use = 3;
        st.large.allocs = 1;
        let text = system_report(&st);
        assert!(text.starts_with("System allocator (malloc) in use"));
        assert!(text.contains("\n    2     48               3               0               3\n"));
        assert!(text.contains("\nlarge   >512"));
        assert!(!text.contains("\n    0     16"));
    }
}
