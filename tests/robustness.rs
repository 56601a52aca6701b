//! The enrichment passes never panic and never return a span outside its text, whatever
//! the input: every prefix and suffix of every labelled string (cut at each character),
//! and pairs of strings glued together, go through shelfmarks, citations and languages.

use colophon::enrich::shelfmark::{find, ArchiveTable};
use colophon::enrich::{citation, lang};
use colophon::model::Span;

fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/labelled");
    let mut out = Vec::new();
    for (file, table, key) in [
        ("shelfmarks.toml", "case", "text"),
        ("bibliography.toml", "entry", "text"),
        ("languages.toml", "snippet", "text"),
        ("holdout/shelfmarks.toml", "case", "text"),
        ("holdout/bibliography.toml", "entry", "text"),
        ("wild/shelfmarks.toml", "case", "text"),
    ] {
        let v: toml::Value = toml::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        out.extend(v[table].as_array().unwrap().iter().map(|c| c[key].as_str().unwrap().to_string()));
    }
    out
}

fn check(text: &str, table: &ArchiveTable) {
    for f in find(text, table) {
        assert_eq!(&text[f.start..f.end], f.shelfmark.raw);
        let raw = &f.shelfmark.raw;
        for (_, p) in f.shelfmark.levels() {
            assert!(p.span.get(raw).is_some() && p.label_span.get(raw).is_some(), "{text}");
        }
        if let Some(a) = f.shelfmark.archive.as_ref().and_then(|a| a.span) {
            assert!(a.get(raw).is_some(), "{text}");
        }
    }
    let f = citation::parse(text, &[]);
    let singles =
        [f.title, f.container, f.place, f.publisher, f.year, f.volume, f.issue, f.pages, f.url, f.doi];
    for s in f.authors.iter().chain(singles.iter().flatten()) {
        let s: &Span = s;
        assert!(s.get(text).is_some_and(|t| !t.is_empty()), "{s:?} in {text:?}");
    }
    let _ = lang::detect(text);
}

#[test]
fn every_cut_of_every_labelled_string() {
    let table = ArchiveTable::builtin();
    let texts = texts();
    let mut runs = 0;
    for t in &texts {
        for (i, _) in t.char_indices() {
            check(&t[..i], &table);
            check(&t[i..], &table);
            runs += 2;
        }
    }
    for pair in texts.windows(2) {
        check(&format!("{}{}", pair[0], pair[1]), &table);
        check(&format!("{} ; {}", pair[1], pair[0]), &table);
        runs += 2;
    }
    assert!(runs > 50_000, "{runs}");
}

#[test]
fn odd_inputs() {
    let table = ArchiveTable::builtin();
    for t in [
        "",
        " ",
        "ф",
        "ф.",
        "ф. ",
        "ф.1",
        "ф. 1, оп",
        "л. 3–",
        "(",
        ")",
        "\"",
        "«»",
        "—",
        ". — ",
        "10.",
        "10.1234/",
        "Ф. Р-",
        "𝔉. 1, оп. 2",
        "ф\u{301}. 1, оп. 2",
        "\u{feff}РГАСПИ, ф.1, оп.2",
    ] {
        check(t, &table);
    }
}

/// Every input fuzzing ever crashed on (`fuzz/regressions/<target>/`, kept as found and
/// minimised) reads, enriches and writes in every format without a panic: as text, and, for
/// the Markdown and TEI targets, as their formats.
#[test]
fn inputs_that_crashed_the_fuzzers_now_convert() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let res = colophon::Resources::builtin();
    let dir = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for target in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let ext = match target.file_name().to_string_lossy().as_ref() {
            "markdown" => "md",
            "tei" => "tei.xml",
            _ => "txt",
        };
        for case in std::fs::read_dir(target.path()).into_iter().flatten().flatten() {
            let input = dir.path().join(format!("case.{ext}"));
            std::fs::copy(case.path(), &input).unwrap();
            // A refusal with a message is fine; a panic is not.
            if let Ok((doc, _)) = colophon::load(&input, None, &res) {
                for f in colophon::Format::ALL {
                    let _ = colophon::write(&doc, f, &res);
                }
            }
            let _ = colophon::enrich::shelfmark::find(
                &String::from_utf8_lossy(&std::fs::read(case.path()).unwrap()),
                &res.archives,
            );
            seen += 1;
        }
    }
    eprintln!("{seen} fuzzing regressions converted");
}

/// Degenerate but legal documents convert in every format, or fail with a sentence made for
/// a person: an empty note (once a panic in pagination), characters no embedded font has
/// (once a PDF/A validation error in Rust debug text), a word longer than a PDF/A string
/// may be, a table (once read as a paragraph of `|` text without a word).
#[test]
fn degenerate_documents_convert_in_every_format() {
    let res = colophon::Resources::builtin();
    let dir = tempfile::tempdir().unwrap();
    let long_word = "a".repeat(100_000);
    let cases: Vec<(&str, String, &[&str])> = vec![
        ("empty-note", "Text with a note.[^1]\n\n[^1]:\n".into(), &[]),
        ("blank-note", "Text with a note.[^1]\n\n[^1]:    \n".into(), &[]),
        ("two-empty-notes", "One.[^a] Two.[^b]\n\n[^a]:\n\n[^b]: \n".into(), &[]),
        ("cjk-and-emoji", "# Title\n\nA quotation 标点 and 😀 here.\n".into(), &["pdf-missing-glyph"]),
        ("long-word", format!("Before.\n\n{long_word}\n"), &["pdf-overfull-line"]),
        ("table", "Before.\n\n| Year | Men |\n|---|---:|\n| 1897 | 12 |\n".into(), &["md-unsupported"]),
    ];
    for (name, md, codes) in cases {
        let input = dir.path().join(format!("{name}.md"));
        std::fs::write(&input, md).unwrap();
        let (doc, mut diags) = colophon::load(&input, None, &res).unwrap_or_else(|e| panic!("{name}: {e}"));
        for f in colophon::Format::ALL {
            let (bytes, d) = colophon::write(&doc, f, &res).unwrap_or_else(|e| panic!("{name} {f:?}: {e}"));
            assert!(!bytes.is_empty(), "{name} {f:?}");
            diags.extend(d);
        }
        for code in codes {
            assert!(diags.iter().any(|d| d.code == *code), "{name}: no {code} in {diags:?}");
        }
        for d in &diags {
            assert!(
                !["{ ..", "Some(", "Validation(", "\"}"].iter().any(|debug| d.message.contains(debug)),
                "{name}: debug text in {}",
                d.message
            );
        }
    }
}
