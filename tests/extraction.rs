//! The extraction corpus (`tests/extraction/`): articles typeset by other tools (Typst,
//! XeLaTeX, LibreOffice, WeasyPrint), extracted by other tools (poppler, pdfminer.six,
//! PyMuPDF, pdfplumber, PDFBox), read back by the text reader and compared with the gold
//! made from each article's Markdown source. Prints a table per typesetter and extractor
//! (`cargo test --test extraction -- --nocapture`); held-out articles (`holdout-*`) are
//! scored only with `COLOPHON_HOLDOUT=1`.

mod common;

use common::extraction::{score, Gold, Score, HEADER, NEW_TWO_COLUMN, TWO_COLUMN};
use std::collections::BTreeMap;
use std::path::Path;

/// Scores every extraction of the corpus; returns the totals per typesetter, per extractor
/// and overall, after printing them.
fn run(holdout: bool) -> BTreeMap<String, Score> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extraction");
    let mut by: BTreeMap<String, Score> = BTreeMap::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join("text"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for dir in names {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("holdout-") != holdout {
            continue;
        }
        let gold_path = root.join("gold").join(format!("{name}.json"));
        let Ok(gold_text) = std::fs::read_to_string(&gold_path) else { continue };
        let gold: Gold = serde_json::from_str(&gold_text).unwrap_or_else(|e| panic!("{gold_path:?}: {e}"));
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "txt")) {
            let stem = f.file_stem().unwrap().to_string_lossy().to_string();
            let Some((typesetter, extractor)) = stem.split_once("--") else { continue };
            let text = std::fs::read_to_string(f).unwrap();
            let (doc, diags) = colophon::read::text::read(&text);
            let lost_spaces = diags.iter().any(|d| d.code == "extraction-lost-spaces");
            let split_glyphs = diags.iter().any(|d| d.code == "extraction-split-glyphs");
            // Only LibreOffice's fallback `ə` is set apart, by three extractors.
            assert!(
                !split_glyphs
                    || typesetter == "libreoffice" && ["pdfbox", "pdfminer", "pymupdf"].contains(&extractor),
                "{name}/{stem}: extraction-split-glyphs given on a text that kept its letters"
            );
            // Only pdfplumber on XeLaTeX's tight lines loses word spaces in this corpus: the
            // warning is never given on a text that kept them (it is given on 13 of the 14
            // that lost them; the two-column one lost them on a few lines only).
            assert!(
                !lost_spaces || extractor == "pdfplumber" && typesetter.starts_with("xelatex"),
                "{name}/{stem}: extraction-lost-spaces given on a text that kept its spaces"
            );
            let debug = std::env::var("COLOPHON_EXTRACTION_DEBUG")
                .is_ok_and(|d| format!("{name}/{stem}").contains(&d));
            let s = score(&doc, &gold, debug);
            let two_column = TWO_COLUMN.contains(&(name.as_str(), typesetter));
            // Side-by-side columns are found only where pdftotext -layout printed them.
            let parted = diags.iter().any(|d| d.code == "extraction-two-columns");
            assert!(
                !parted || two_column && extractor == "pdftotext-layout",
                "{name}/{stem}: extraction-two-columns given on a text in one column"
            );
            // Column note blocks are found only on two-column pages.
            assert!(
                two_column || !diags.iter().any(|d| d.code == "extraction-column-notes"),
                "{name}/{stem}: extraction-column-notes given on a text in one column"
            );
            if typesetter == NEW_TWO_COLUMN {
                // The two-column rules' honest test: kept apart from the corpus's totals.
                for key in [
                    format!("{name} {stem}"),
                    format!("~typesetter {typesetter}"),
                    "~~two-column, new".to_string(),
                    format!("~~two-column, new, {extractor}"),
                ] {
                    by.entry(key).or_default().add(&s);
                }
                continue;
            }
            if two_column {
                by.entry("~~two-column, old".to_string()).or_default().add(&s);
            }
            for key in [
                format!("{name} {stem}"),
                format!("~typesetter {typesetter}"),
                format!("~extractor {extractor}"),
                "~~all".to_string(),
            ]
            .into_iter()
            // What a reader can do: the texts whose extractor kept the word spaces and letters.
            .chain((!lost_spaces && !split_glyphs).then(|| "~~readable".to_string()))
            // The texts that lost their word spaces, measured without spaces below.
            .chain(lost_spaces.then(|| "~~lost spaces".to_string()))
            // Two-column pages come out of every extractor with the columns' lines run
            // together or interleaved: only a reader of the PDF itself can part them.
            .chain(
                (!lost_spaces && !split_glyphs && !TWO_COLUMN.contains(&(name.as_str(), typesetter)))
                    .then(|| "~~readable, one column".to_string()),
            ) {
                by.entry(key).or_default().add(&s);
            }
        }
    }
    println!("{HEADER}");
    for (k, s) in &by {
        println!("{}", s.row(k));
    }
    by
}

#[test]
fn extraction_corpus() {
    let by = run(false);
    let Some(all) = by.get("~~all") else {
        eprintln!("no extraction corpus under tests/extraction");
        return;
    };
    assert!(all.files >= 5, "{} files", all.files);
    let rate = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    // Ratchets: the figures reached, not yet the targets (98 % notes, 97 % references).
    let notes = rate(all.notes_exact, all.notes);
    let anchored = rate(all.notes_anchored, all.notes);
    let refs = rate(all.refs_exact, all.refs);
    println!("notes exact {notes:.3}, anchored {anchored:.3}, references exact {refs:.3}");
    let titles = rate(all.titles, all.files);
    let authors = rate(all.authors, all.files);
    println!("titles {titles:.3}, authors {authors:.3}");
    if let Some(r) = by.get("~~readable") {
        println!(
            "without the texts that lost their word spaces or letters ({} files): notes exact {:.3}, anchored {:.3}, references exact {:.3}",
            r.files,
            rate(r.notes_exact, r.notes),
            rate(r.notes_anchored, r.notes),
            rate(r.refs_exact, r.refs)
        );
    }
    // Texts that lost their word spaces: the notes and their calls are still found; only the
    // spaces inside the notes' text are missing (compared without any space).
    if let Some(l) = by.get("~~lost spaces") {
        let (u, a) = (rate(l.notes_unspaced, l.notes), rate(l.notes_unspaced_anchored, l.notes));
        println!(
            "texts that lost their word spaces ({} files): notes exact {:.3}; without spaces, notes right {u:.3}, anchored {a:.3}",
            l.files,
            rate(l.notes_exact, l.notes)
        );
        assert!(u >= 0.86 && a >= 0.82, "lost spaces: notes right without spaces {u:.3}, anchored {a:.3}");
    }
    assert!(
        notes >= 0.885 && anchored >= 0.880 && refs >= 0.870,
        "notes {notes:.3} anchored {anchored:.3} refs {refs:.3}"
    );
    if let Some(r) = by.get("~~readable") {
        let (n, a, f) =
            (rate(r.notes_exact, r.notes), rate(r.notes_anchored, r.notes), rate(r.refs_exact, r.refs));
        assert!(n >= 0.955 && a >= 0.950 && f >= 0.938, "readable: notes {n:.3} anchored {a:.3} refs {f:.3}");
    }
    assert!(titles >= 0.93 && authors >= 0.90, "titles {titles:.3} authors {authors:.3}");
    // Two-column pages (ratchets just under the figures reached): notes exact, anchored,
    // references exact, for the unseen three articles, per extractor read column by column,
    // and for the two the rules were first written from.
    for (group, floor) in [
        ("~~two-column, new", [0.575, 0.535, 0.435]),
        ("~~two-column, new, pdfbox", [0.94, 0.915, 0.84]),
        ("~~two-column, new, pymupdf", [0.895, 0.85, 0.465]),
        ("~~two-column, new, pdfminer", [0.78, 0.76, 0.53]),
        ("~~two-column, new, pdftotext-layout", [0.725, 0.60, 0.435]),
        ("~~two-column, old", [0.555, 0.49, 0.505]),
    ] {
        let Some(g) = by.get(group) else { continue };
        let got = [rate(g.notes_exact, g.notes), rate(g.notes_anchored, g.notes), rate(g.refs_exact, g.refs)];
        assert!(got.iter().zip(floor).all(|(g, f)| *g >= f), "{group}: {got:.3?} below {floor:?}");
    }
}

#[test]
fn extraction_holdout() {
    if std::env::var_os("COLOPHON_HOLDOUT").is_none() {
        return;
    }
    run(true);
}
