//! Parse, compile and execute timed separately on `benches/programs/*.py` (the same
//! programs python3 runs unchanged). Run with
//! `cargo bench --bench pipeline`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn programs() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "py")
                && let Ok(src) = std::fs::read_to_string(&p)
            {
                let name = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((name, src));
            }
        }
    }
    out.sort();
    out
}

fn bench_pipeline(c: &mut Criterion) {
    for (name, src) in programs() {
        let mut g = c.benchmark_group(format!("pipeline/{name}"));
        g.sample_size(10);
        g.bench_function("parse", |b| {
            b.iter(|| black_box(pyrite::syntax::parse(&src, "bench.py").expect("parses")))
        });
        let module = pyrite::syntax::parse(&src, "bench.py").expect("parses");
        g.bench_function("compile", |b| {
            b.iter(|| {
                black_box(
                    pyrite::compiler::compile(
                        &module,
                        &src,
                        "bench.py",
                        pyrite::compiler::Mode::Exec,
                    )
                    .expect("compiles"),
                )
            })
        });
        if name != "trees" {
            // Output goes to stdout; criterion's own output is on stderr-friendly lines.
            g.bench_function("execute", |b| {
                b.iter(|| {
                    let mut interp = pyrite::Interpreter::new(vec![name.clone()]);
                    interp.run_main(&src, "bench.py").expect("runs");
                    black_box(());
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
