//! Benchmarks of the enrichment passes: shelfmark search per string (the labelled strings),
//! bibliography parsing per entry, language detection per snippet, and the whole `enrich`
//! pass on the example. Run with `cargo bench --bench enrich`.

use colophon::enrich::{citation, lang, shelfmark};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

fn strings(file: &str, key: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/labelled").join(file);
    let v: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let field = if key == "case" || key == "snippet" || key == "entry" { "text" } else { key };
    v[key].as_array().unwrap().iter().map(|c| c[field].as_str().unwrap().to_string()).collect()
}

fn benches(c: &mut Criterion) {
    let table = shelfmark::ArchiveTable::builtin();
    let cases = strings("shelfmarks.toml", "case");
    let mut g = c.benchmark_group("shelfmark");
    g.throughput(Throughput::Elements(cases.len() as u64));
    g.bench_function("find/labelled-strings", |b| {
        b.iter(|| cases.iter().map(|t| shelfmark::find(black_box(t), &table).len()).sum::<usize>())
    });
    // Real citations from web pages: longer, with markup and character references.
    let wild = strings("wild/shelfmarks.toml", "case");
    g.throughput(Throughput::Elements(wild.len() as u64));
    g.bench_function("find/wild-strings", |b| {
        b.iter(|| wild.iter().map(|t| shelfmark::find(black_box(t), &table).len()).sum::<usize>())
    });
    g.finish();
    c.bench_function("archive-table/parse-builtin", |b| b.iter(shelfmark::ArchiveTable::builtin));

    let entries = strings("bibliography.toml", "entry");
    let mut g = c.benchmark_group("citation");
    g.throughput(Throughput::Elements(entries.len() as u64));
    g.bench_function("parse/labelled-entries", |b| {
        b.iter(|| entries.iter().map(|e| citation::parse(black_box(e), &[]).authors.len()).sum::<usize>())
    });
    g.finish();

    let snippets = strings("languages.toml", "snippet");
    let mut g = c.benchmark_group("lang");
    g.throughput(Throughput::Elements(snippets.len() as u64));
    g.bench_function("detect/labelled-snippets", |b| {
        b.iter(|| snippets.iter().filter(|s| lang::detect(black_box(s)).lang.is_some()).count())
    });
    g.finish();

    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
    let (doc, _) = colophon::read(&input, None).unwrap();
    let resources = colophon::Resources::builtin();
    c.bench_function("enrich/example", |b| {
        b.iter_batched(
            || doc.clone(),
            |mut d| colophon::enrich(&mut d, &resources),
            criterion::BatchSize::SmallInput,
        )
    });
}

criterion_group!(group, benches);
criterion_main!(group);
