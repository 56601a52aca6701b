//! The extraction corpus (`tests/extraction/`): articles typeset by other tools (Typst,
//! XeLaTeX, LibreOffice, WeasyPrint), extracted by other tools (poppler, pdfminer.six,
//! PyMuPDF, pdfplumber, PDFBox), read back by the text reader and compared with the gold
//! made from each article's Markdown source. Prints a table per typesetter and extractor
//! (`cargo test --test extraction -- --nocapture`); held-out articles (`holdout-*`) are
//! scored only with `COLOPHON_HOLDOUT=1`.

use colophon::model::{plain_text, Block, Document, Inline};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    title: String,
    authors: Vec<String>,
    notes: Vec<GoldNote>,
    references: Vec<String>,
}

#[derive(Deserialize)]
struct GoldNote {
    text: String,
    before: String,
}

/// Whitespace collapsed, soft hyphens dropped, typographic quotes and dashes kept.
fn norm(s: &str) -> String {
    s.replace('\u{AD}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last `n` letters and digits of `s`, lowercased (what must precede a call).
fn tail(s: &str, n: usize) -> String {
    let v: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    v[v.len().saturating_sub(n)..].iter().collect()
}

/// Each note of `doc` in order: its text and the body text before its call.
fn notes_with_context(doc: &Document) -> Vec<(String, String)> {
    fn walk(inlines: &[Inline], before: &mut String, out: &mut Vec<(String, String)>) {
        for i in inlines {
            match i {
                Inline::Text { text } => before.push_str(text),
                Inline::Note(n) => {
                    let text: Vec<String> = n.content.iter().map(|b| plain_text(b.content())).collect();
                    out.push((norm(&text.join(" ")), before.clone()));
                }
                Inline::Shelfmark(s) => before.push_str(&s.raw),
                Inline::PageBreak { .. } => {}
                Inline::Code { text } => before.push_str(text),
                Inline::LineBreak => before.push(' '),
                other => walk(other.children(), before, out),
            }
        }
    }
    let mut out = Vec::new();
    let mut before = String::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        walk(b.content(), &mut before, &mut out);
        before.push(' ');
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    files: usize,
    notes: usize,
    notes_exact: usize,
    notes_anchored: usize,
    notes_found: usize,
    refs: usize,
    refs_exact: usize,
    refs_found: usize,
    titles: usize,
    authors: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.files += o.files;
        self.notes += o.notes;
        self.notes_exact += o.notes_exact;
        self.notes_anchored += o.notes_anchored;
        self.notes_found += o.notes_found;
        self.refs += o.refs;
        self.refs_exact += o.refs_exact;
        self.refs_found += o.refs_found;
        self.titles += o.titles;
        self.authors += o.authors;
    }

    fn row(&self, name: &str) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.1}", 100.0 * a as f64 / b as f64)
            }
        };
        format!(
            "| {name:<34} | {:>3} | {:>5} | {:>6} | {:>6} | {:>5} | {:>6} | {:>5} | {:>5} |",
            self.files,
            format!("{}/{}", self.notes_found, self.notes),
            pct(self.notes_exact, self.notes),
            pct(self.notes_anchored, self.notes),
            format!("{}/{}", self.refs_found, self.refs),
            pct(self.refs_exact, self.refs),
            pct(self.titles, self.files),
            pct(self.authors, self.files),
        )
    }
}

fn score(doc: &Document, gold: &Gold, debug: bool) -> Score {
    let mut s = Score { files: 1, notes: gold.notes.len(), refs: gold.references.len(), ..Score::default() };
    let got = notes_with_context(doc);
    s.notes_found = got.len();
    // Notes are compared in order, each with the next unused one of the same text.
    let mut from = 0;
    for g in &gold.notes {
        let want = norm(&g.text);
        if let Some(k) = got[from..].iter().position(|(t, _)| *t == want) {
            s.notes_exact += 1;
            let (_, before) = &got[from + k];
            if tail(before, 12) == tail(&g.before, 12) {
                s.notes_anchored += 1;
            } else if debug {
                println!("ANCHOR want …{} got …{}", tail(&g.before, 20), tail(before, 20));
            }
            from += k + 1;
        } else if debug {
            println!("NOTE   want {want}");
        }
    }
    if debug {
        for (t, _) in &got {
            if !gold.notes.iter().any(|g| norm(&g.text) == *t) {
                println!("GOT    {t}");
            }
        }
    }
    let entries: Vec<String> = doc
        .back
        .bibliography
        .as_ref()
        .map(|b| b.entries.iter().map(|e| norm(&e.raw)).collect())
        .unwrap_or_default();
    s.refs_found = entries.len();
    // A printed entry number (`1. Иноземцева…`) is the entry's label in the model, not text.
    let unnumbered = |r: &str| {
        let r = norm(r);
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        match r[digits..].strip_prefix(". ").or_else(|| r[digits..].strip_prefix(") ")) {
            Some(rest) if digits > 0 && digits <= 3 => rest.to_string(),
            _ => r,
        }
    };
    let gold_refs: Vec<String> = gold.references.iter().map(|r| unnumbered(r)).collect();
    s.refs_exact = gold_refs.iter().filter(|r| entries.contains(r)).count();
    if debug {
        for r in gold_refs.iter().filter(|r| !entries.contains(r)) {
            println!("REF    want {r}");
        }
        for e in entries.iter().filter(|e| !gold_refs.contains(e)) {
            println!("REFGOT {e}");
        }
    }
    s.titles = usize::from(doc.meta.titles.first().is_some_and(|t| norm(&t.text) == norm(&gold.title)));
    let authors: Vec<String> = doc.meta.authors.iter().filter_map(|a| a.name.as_deref()).map(norm).collect();
    s.authors = usize::from(authors == gold.authors.iter().map(|a| norm(a)).collect::<Vec<_>>());
    s
}

/// The PDFs set in two columns (`tests/extraction/README.md`: `xelatex-perpage` for `de`
/// and `tr`), by article and typesetter.
const TWO_COLUMN: [(&str, &str); 2] =
    [("de-leipzig-pelzhandel", "xelatex-perpage"), ("tr-trabzon-quarantine", "xelatex-perpage")];

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
            for key in [
                format!("{name} {stem}"),
                format!("~typesetter {typesetter}"),
                format!("~extractor {extractor}"),
                "~~all".to_string(),
            ]
            .into_iter()
            // What a reader can do: the texts whose extractor kept the word spaces and letters.
            .chain((!lost_spaces && !split_glyphs).then(|| "~~readable".to_string()))
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
    println!("| file / group                       | n   | notes | exact% | anch.% | refs  | exact% | title | auth. |");
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
    assert!(
        notes >= 0.872 && anchored >= 0.857 && refs >= 0.868,
        "notes {notes:.3} anchored {anchored:.3} refs {refs:.3}"
    );
    if let Some(r) = by.get("~~readable") {
        let (n, a, f) =
            (rate(r.notes_exact, r.notes), rate(r.notes_anchored, r.notes), rate(r.refs_exact, r.refs));
        assert!(n >= 0.94 && a >= 0.925 && f >= 0.935, "readable: notes {n:.3} anchored {a:.3} refs {f:.3}");
    }
    assert!(titles >= 0.93 && authors >= 0.90, "titles {titles:.3} authors {authors:.3}");
}

#[test]
fn extraction_holdout() {
    if std::env::var_os("COLOPHON_HOLDOUT").is_none() {
        return;
    }
    run(true);
}
