//! Benchmarks of the print path on the example: the layout (shaping, line breaking on all
//! cores, pagination), and the whole PDF writer (layout, then krilla's drawing, tagging,
//! font subsetting and compression). Run with `cargo bench --bench print`.

use colophon::typeset::layout::layout;
use colophon::typeset::PageStyle;
use colophon::{Format, Resources};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

fn benches(c: &mut Criterion) {
    let res = Resources::builtin();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
    let (doc, _) = colophon::load(&input, None, &res).unwrap();
    let fonts = res.fonts();
    let mut g = c.benchmark_group("print");
    g.sample_size(30);
    g.bench_function("layout/example", |b| {
        b.iter(|| layout(black_box(&doc), &fonts, &PageStyle::a4()).pages.len())
    });
    g.bench_function("pdf/example", |b| {
        b.iter(|| colophon::write(black_box(&doc), Format::Pdf, &res).unwrap().0.len())
    });
    g.finish();
}

criterion_group!(print, benches);
criterion_main!(print);
