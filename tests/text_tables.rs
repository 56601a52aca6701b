//! Tables and figures in extracted text (`tests/fixtures/text-tables/`): four short articles
//! (en, tr, ru, az) with a table (header row, numbers, a source line calling a note) and a
//! figure, typeset by Typst, XeLaTeX and LibreOffice and extracted by `pdftotext` (default
//! and `-layout`), pdfminer.six, PyMuPDF and pdfplumber (`scripts/make-table-corpus.py`).
//! The gold comes from the Markdown source: every caption is found with its label, every
//! cell's text is in the table's kept lines, no paragraph is swallowed, the source line's
//! note is linked, and the prose that mentions a table or figure stays prose.

mod common;

use colophon::model::{Block, Inline};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    tables: Vec<GoldTable>,
    figures: Vec<GoldFigure>,
    paragraphs: Vec<String>,
}

#[derive(Deserialize)]
struct GoldTable {
    label: String,
    caption: String,
    cells: Vec<Vec<String>>,
    source: String,
    source_notes: Vec<String>,
}

#[derive(Deserialize)]
struct GoldFigure {
    label: String,
    caption: String,
}

/// Plain text of inlines, notes left out (their calls are not printed in the gold).
fn plain(inlines: &[Inline]) -> String {
    let kept: Vec<Inline> = inlines.iter().filter(|i| !matches!(i, Inline::Note(_))).cloned().collect();
    colophon::model::plain_text(&kept)
}

/// The notes' texts among `inlines`.
fn notes(inlines: &[Inline]) -> Vec<String> {
    inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Note(n) => Some(
                n.content
                    .iter()
                    .filter_map(|b| {
                        if let Block::Paragraph { content, .. } = b {
                            Some(plain(content))
                        } else {
                            None
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => None,
        })
        .collect()
}

/// Whitespace collapsed; removed altogether where the extractor lost the word spaces.
fn norm(s: &str, no_spaces: bool) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.join(if no_spaces { "" } else { " " })
}

/// The failures of one extracted text against its gold, each a line.
fn failures(text: &str, gold: &Gold) -> Vec<String> {
    let (doc, diags) = colophon::read::text::read(text);
    let ns = diags.iter().any(|d| d.code == "extraction-lost-spaces");
    let n = |s: &str| norm(s, ns);
    let mut out = Vec::new();
    let tables: Vec<_> =
        doc.body.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    let figures: Vec<_> =
        doc.body.iter().filter_map(|b| if let Block::Figure(f) = b { Some(f) } else { None }).collect();
    if tables.len() != gold.tables.len() || figures.len() != gold.figures.len() {
        out.push(format!(
            "{} tables and {} figures, gold {} and {}",
            tables.len(),
            figures.len(),
            gold.tables.len(),
            gold.figures.len()
        ));
    }
    let mut kept_lines = String::new();
    for g in &gold.tables {
        let Some(t) = tables.iter().find(|t| t.label.as_deref().map(n) == Some(n(&g.label))) else {
            out.push(format!("table `{}` not found", g.label));
            continue;
        };
        if n(&plain(&t.caption)) != n(&g.caption) {
            out.push(format!("table `{}`: caption `{}`", g.label, plain(&t.caption)));
        }
        let source = t.source.as_deref().unwrap_or_default();
        if n(&plain(source)) != n(&g.source) {
            out.push(format!("table `{}`: source `{}`", g.label, plain(source)));
        }
        let linked = notes(source);
        for note in &g.source_notes {
            if !linked.iter().any(|l| n(l) == n(note)) {
                out.push(format!("table `{}`: the source's note `{note}` is not linked there", g.label));
            }
        }
        let lines = match t.body.first().and_then(|r| r.cells.first()).and_then(|c| c.blocks.first()) {
            Some(Block::CodeBlock { text, .. }) => text.clone(),
            other => {
                out.push(format!("table `{}`: no kept lines ({other:?})", g.label));
                continue;
            }
        };
        kept_lines.push_str(&lines);
        // Every word of every cell, in order (a row-by-row extractor sets the second line
        // of a wrapped cell after the row's other cells).
        let words: Vec<&str> = lines.split_whitespace().collect();
        let flat = n(&lines);
        for cell in g.cells.iter().flatten() {
            let found = if ns {
                cell.split_whitespace().all(|w| flat.contains(w))
            } else {
                let mut at = words.iter();
                cell.split_whitespace().all(|w| at.any(|x| x == &w))
            };
            if !found {
                out.push(format!("table `{}`: cell `{cell}` lost", g.label));
            }
        }
    }
    for g in &gold.figures {
        let Some(f) = figures.iter().find(|f| f.label.as_deref().map(n) == Some(n(&g.label))) else {
            out.push(format!("figure `{}` not found", g.label));
            continue;
        };
        if n(&plain(&f.caption)) != n(&g.caption) {
            out.push(format!("figure `{}`: caption `{}`", g.label, plain(&f.caption)));
        }
    }
    // Every paragraph of the source is in the body's paragraphs (two may be run together),
    // and none in a table's lines.
    let body: String = doc
        .body
        .iter()
        .filter_map(|b| if let Block::Paragraph { content, .. } = b { Some(plain(content)) } else { None })
        .collect::<Vec<_>>()
        .join(" ");
    // (Hyphens left out: the reader keeps a line-end hyphen it is unsure of.)
    let unhyphen = |s: String| s.replace(['-', '\u{ad}'], "");
    let body = unhyphen(n(&body));
    let kept = n(&kept_lines);
    for p in &gold.paragraphs {
        if !body.contains(&unhyphen(n(p))) {
            out.push(format!(
                "paragraph not kept as a paragraph: `{}…`",
                p.chars().take(60).collect::<String>()
            ));
        }
        let opening: String = n(p).chars().take(30).collect();
        if kept.contains(&opening) {
            out.push(format!("paragraph swallowed by a table: `{opening}…`"));
        }
    }
    out
}

#[test]
fn tables_and_figures_of_extracted_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text-tables");
    let mut names: Vec<_> =
        std::fs::read_dir(root.join("text")).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    let (mut texts, mut failed) = (0, Vec::new());
    for dir in names {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let gold_text = std::fs::read_to_string(root.join("gold").join(format!("{name}.json"))).unwrap();
        let gold: Gold = serde_json::from_str(&gold_text).unwrap();
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            texts += 1;
            let text = std::fs::read_to_string(&f).unwrap();
            for line in failures(&text, &gold) {
                failed.push(format!("{name}/{}: {line}", f.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(texts >= 60, "{texts} texts");
    assert!(failed.is_empty(), "{} failures in {texts} texts:\n{}", failed.len(), failed.join("\n"));
}

/// Every writer prints a kept table's lines: every cell of the gold is in the PDF's text
/// (`pdftotext`), the EPUB's and the TEI's, for a text of each extractor family (one cell
/// per line; rows with runs of spaces).
#[test]
fn every_writer_prints_the_kept_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text-tables");
    for (name, file) in
        [("ru-tiflis-budget", "xelatex--pdftotext-layout.txt"), ("en-kars-census", "typst--pdftotext.txt")]
    {
        let gold: Gold = serde_json::from_str(
            &std::fs::read_to_string(root.join("gold").join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        let (doc, _) = colophon::read::text::read(
            &std::fs::read_to_string(root.join("text").join(name).join(file)).unwrap(),
        );
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("t.pdf");
        std::fs::write(&pdf, common::written(&doc, colophon::Format::Pdf)).unwrap();
        let epub = common::written(&doc, colophon::Format::Epub);
        let xhtml = common::epub_entry(&epub, "EPUB/article.xhtml");
        let tei = String::from_utf8(common::written(&doc, colophon::Format::Tei)).unwrap();
        let pdf_text = common::pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
        for cell in gold.tables.iter().flat_map(|t| t.cells.iter().flatten()) {
            let cell = norm(cell, false);
            if let Some(text) = &pdf_text {
                assert!(norm(text, false).contains(&cell), "{name}/{file}: `{cell}` not in the PDF");
            }
            assert!(norm(&xhtml, false).contains(&cell), "{name}/{file}: `{cell}` not in the EPUB");
            assert!(norm(&tei, false).contains(&cell), "{name}/{file}: `{cell}` not in the TEI");
        }
    }
}
