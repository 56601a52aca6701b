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
            // The structure-aware target's documents, kept as colophon JSON (`.fuzz` beside
            // each is the fuzzer's own input, which only the fuzz target reads).
            "model" => "json",
            _ => "txt",
        };
        for case in std::fs::read_dir(target.path()).into_iter().flatten().flatten() {
            if case.path().extension().is_some_and(|e| e == "fuzz") {
                continue;
            }
            let input = dir.path().join(format!("case.{ext}"));
            std::fs::copy(case.path(), &input).unwrap();
            // A refusal with a message is fine; a panic is not.
            if let Ok((doc, _)) = colophon::load(&input, None, &res) {
                for f in colophon::Format::ALL.into_iter().chain([colophon::Format::Docx]) {
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

/// The documents the structure-aware `model` fuzz target failed on (issue 23) load from
/// their JSON and keep their notes in every format: the e-book every note (it lost those in
/// a note's definition list or table, and an abstract's), the TEI every note and those of
/// readings kept aside, DOCX and the PDF's layout every note the text calls (Word nests
/// none: a note's own notes are printed inside it), and no writer panics (a cell spanning no
/// columns, a heading of level 255, a Hebrew figure label cut inside a letter) or quotes
/// text as Rust debug output, and the TEI holds no character XML forbids.
#[test]
fn documents_the_model_fuzzer_failed_on_keep_their_notes() {
    use std::io::Read;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/model");
    let res = colophon::Resources::builtin();
    let zip_text = |bytes: &[u8], suffix: &str, needle: &str| -> usize {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut n = 0;
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            if f.name().ends_with(suffix) {
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                n += s.matches(needle).count();
            }
        }
        n
    };
    let mut seen = 0;
    for case in std::fs::read_dir(&root).unwrap().flatten() {
        let path = case.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.display().to_string();
        let (doc, _) = colophon::load(&path, None, &res).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut top = Vec::new();
        doc.meta.abstracts.iter().flat_map(|a| &a.content).for_each(|b| b.collect_notes(&mut top));
        top.extend(doc.notes());
        let mut all = top.len();
        let mut stack: Vec<&colophon::model::Note> = top.clone();
        while let Some(n) = stack.pop() {
            let mut inner = Vec::new();
            n.content.iter().for_each(|b| b.collect_notes(&mut inner));
            all += inner.len();
            stack.extend(inner);
        }
        for f in colophon::Format::ALL.into_iter().chain([colophon::Format::Docx]) {
            let (bytes, diags) =
                colophon::write(&doc, f, &res).unwrap_or_else(|e| panic!("{name} {f:?}: {e}"));
            for d in &diags {
                assert!(
                    !["{ ..", "Some(", "Validation(", "\\u{"].iter().any(|debug| d.message.contains(debug)),
                    "{name}: debug text in {}",
                    &d.message.chars().take(300).collect::<String>()
                );
            }
            match f {
                colophon::Format::Epub => {
                    assert_eq!(zip_text(&bytes, ".xhtml", "<div id=\"note-"), all, "{name} EPUB")
                }
                colophon::Format::Tei => {
                    let xml = String::from_utf8(bytes).unwrap();
                    // No character XML forbids, in attributes either (a metadata key's escape).
                    let bad = xml.chars().find(|&c| {
                        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
                    });
                    assert!(bad.is_none(), "{name} TEI holds {bad:?}");
                    let n = xml.matches("<note place=\"foot\"").count()
                        + xml.matches("<note place=\"end\"").count();
                    assert!(n >= all, "{name} TEI: {n} notes of {all}");
                }
                colophon::Format::Markdown => {
                    // Every note defined once (the flattened table once dropped its calls).
                    let md = String::from_utf8(bytes).unwrap();
                    let n =
                        md.lines().filter(|l| l.trim_start().starts_with("[^") && l.contains("]:")).count();
                    assert!(n >= all, "{name} Markdown: {n} definitions of {all} notes");
                }
                colophon::Format::Docx => {
                    let n = zip_text(&bytes, "word/footnotes.xml", "<w:footnote w:id=")
                        + zip_text(&bytes, "word/endnotes.xml", "<w:endnote w:id=");
                    assert_eq!(n, top.len(), "{name} DOCX");
                }
                _ => {}
            }
        }
        let opts = colophon::write::pdf::Options { fonts: res.fonts(), page: res.page, when: None };
        assert_eq!(colophon::write::pdf::typeset(&doc, &opts).notes.len(), top.len(), "{name} PDF");
        seen += 1;
    }
    assert!(seen >= 5, "{seen} model regressions");
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
        ("table", "Before.\n\n| Year | Men |\n|---|---:|\n| 1897 | 12 |\n".into(), &[]),
    ];
    for (name, md, codes) in cases {
        let input = dir.path().join(format!("{name}.md"));
        std::fs::write(&input, md).unwrap();
        let (doc, mut diags) = colophon::load(&input, None, &res).unwrap_or_else(|e| panic!("{name}: {e}"));
        for f in colophon::Format::ALL.into_iter().chain([colophon::Format::Docx]) {
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

/// The text reader never panics on mutations of other tools' extractions: lines dropped,
/// doubled or cut at any character, form feeds, soft hyphens, numbers and blank lines put in
/// at random places (a deterministic generator; 150 texts × 12 mutations).
#[test]
fn mutated_extractions_read_without_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extraction/text");
    let mut texts = Vec::new();
    for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            if let Ok(t) = std::fs::read_to_string(f.path()) {
                texts.push(t);
            }
        }
    }
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let pieces =
        ["\u{c}", "\u{ad}", "12", "3", "\n", "\n\n", "1Note", "  4", "References", "Abstract ", "УДК 94"];
    let mut runs = 0;
    for t in texts.iter().take(150) {
        for _ in 0..12 {
            let mut lines: Vec<String> = t.split('\n').map(str::to_string).collect();
            for _ in 0..1 + next(6) {
                let i = next(lines.len());
                match next(5) {
                    0 => {
                        lines.remove(i);
                    }
                    1 => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    2 => {
                        let l = &lines[i];
                        let cuts: Vec<usize> = l.char_indices().map(|(k, _)| k).collect();
                        let at = cuts.get(next(cuts.len() + 1)).copied().unwrap_or(l.len());
                        lines[i] = l[..at].to_string();
                    }
                    _ => {
                        let p = pieces[next(pieces.len())];
                        let l = &mut lines[i];
                        let at = l.char_indices().map(|(k, _)| k).nth(next(8)).unwrap_or(l.len());
                        l.insert_str(at, p);
                    }
                }
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            let (doc, _) = colophon::read::text::read(&lines.join("\n"));
            let _ = doc.notes().len();
            runs += 1;
        }
    }
    assert!(runs >= 1500 || texts.len() < 30, "{runs}");
}

/// Letters whose case mapping changes their length in bytes (`Ⱥ` two bytes, `ⱥ` three; `İ`
/// lowercases to two characters; `ẞ`, `ﬀ`) put before, inside and after every labelled
/// string: an offset found in a case-mapped copy must never be used in the printed text
/// (a web address after five `Ⱥ` once panicked).
#[test]
fn letters_whose_case_changes_length_anywhere() {
    let table = ArchiveTable::builtin();
    let mut runs = 0;
    for t in texts() {
        let cuts: Vec<usize> = t.char_indices().map(|(i, _)| i).step_by(7).collect();
        for odd in ["ȺȺȺȺȺ", "İİİ", "ẞﬀ", "ıȾ"] {
            check(&format!("{odd}{t}"), &table);
            check(&format!("{t}{odd}"), &table);
            for &i in &cuts {
                check(&format!("{}{odd}{}", &t[..i], &t[i..]), &table);
                runs += 1;
            }
        }
    }
    assert!(runs > 10_000, "{runs}");
}
