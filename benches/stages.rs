//! Benchmarks of each stage on the example: reading the extracted text, enrichment, and
//! every writer but the PDF (see `benches/print.rs`), plus reading the Markdown and TEI
//! colophon writes, and reading the example-shaped Word document of the DOCX corpus. Run
//! with `cargo bench --bench stages`.

use colophon::{Format, Resources};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

fn benches(c: &mut Criterion) {
    let res = Resources::builtin();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
    let text = std::fs::read_to_string(&input).unwrap();
    let (raw, _) = colophon::read::text::read(&text);
    let (doc, _) = colophon::load(&input, None, &res).unwrap();
    let mut g = c.benchmark_group("stages");
    g.bench_function("read/text", |b| b.iter(|| colophon::read::text::read(black_box(&text)).0.body.len()));
    g.bench_function("enrich", |b| {
        b.iter(|| {
            let mut d = raw.clone();
            colophon::enrich(&mut d, &res).len()
        })
    });
    for f in [Format::Tei, Format::Epub, Format::Markdown, Format::Json] {
        g.bench_function(format!("write/{}", f.name()), |b| {
            b.iter(|| colophon::write(black_box(&doc), f, &res).unwrap().0.len())
        });
    }
    let dir = tempfile::tempdir().unwrap();
    for f in [Format::Markdown, Format::Tei] {
        let path = dir.path().join(format!("a.{}", f.extension()));
        std::fs::write(&path, colophon::write(&doc, f, &res).unwrap().0).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        g.bench_function(format!("read/{}", f.name()), |b| {
            b.iter(|| match f {
                Format::Markdown => {
                    colophon::read::markdown::read(&path, black_box(&text)).unwrap().0.body.len()
                }
                _ => colophon::read::tei::read(&path, black_box(&text)).unwrap().0.body.len(),
            })
        });
    }
    // The Word reader on the example-shaped DOCX of the corpus (103 notes, 67 entries).
    let docx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx/example-zangezur.docx");
    let bytes = std::fs::read(&docx).unwrap();
    g.bench_function("read/docx", |b| {
        b.iter(|| {
            colophon::read::docx::read(&docx, black_box(&bytes), Default::default()).unwrap().0.body.len()
        })
    });
    g.finish();
}

criterion_group!(stages, benches);
criterion_main!(stages);
