//! Verse (line blocks), inline quotations, underline, strikeout and highlighted runs (model
//! version 7) in every writer, from the JSON fixture `tests/blocks/verse-and-marks.json`: TEI
//! valid under tei_all that says what each is, an e-book clean under EPUBCheck with the
//! marks of each language, a PDF whose text holds them, Markdown and DOCX that pandoc reads
//! back as the same kinds.
mod common;
use colophon::model::{Block, Document};
use colophon::{Format, Resources};
use common::*;
use serde_json::Value;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    root().join("tests/blocks/verse-and-marks.json")
}

fn load() -> Document {
    colophon::load(&fixture(), None, &Resources::builtin()).unwrap().0
}

#[test]
fn the_model_holds_each_kind() {
    let doc = load();
    let Block::LineBlock { lines } = &doc.body[2] else { panic!("{:?}", doc.body[2]) };
    assert_eq!(lines.len(), 5);
    assert!(lines[2].is_empty(), "the blank line between the stanzas");
    assert_eq!(doc.notes().len(), 2, "a note in a verse line is a note");
}

#[test]
fn tei_is_valid_and_says_what_each_kind_is() {
    let tei = String::from_utf8(written(&load(), Format::Tei)).unwrap();
    for want in [
        "<q>closed to all traffic, <q rend=\"single\">military</q> included</q>",
        "<hi rend=\"underline\">underlined twice</hi>",
        "<hi rend=\"strikethrough\">temporarily</hi>",
        "<lg><lg type=\"stanza\"><l>Over the pass the snow lies deep,</l>",
        "<hi rend=\"letterspaced\">wait</hi>",
        "<hi>Antiqua</hi>",
        "<p xml:lang=\"ru\">Он назвал это <q>временной мерой</q>.</p>",
    ] {
        assert!(tei.contains(want), "{want}\n{tei}");
    }
    assert!(!tei.contains('“') && !tei.contains('«'), "TEI keeps no marks of its own: <q> says it");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("verse.tei.xml");
    std::fs::write(&path, &tei).unwrap();
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &[path]);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn tei_reads_back_as_the_same_model() {
    let doc = load();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("verse.tei.xml");
    std::fs::write(&path, written(&doc, Format::Tei)).unwrap();
    let back = colophon::load(&path, None, &Resources::builtin()).unwrap().0;
    assert_eq!(back.body, doc.body);
}

#[test]
fn the_e_book_prints_each_languages_marks_and_is_clean() {
    let bytes = written(&load(), Format::Epub);
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    for want in [
        "“closed to all traffic, ‘military’ included”",
        "<u>underlined twice</u>",
        "<s>temporarily</s>",
        "«временной мерой»",
        "<div class=\"line-block\">",
        "<span class=\"line\">Over the pass the snow lies deep,</span><br/>",
        "<span class=\"highlight\" data-rend=\"letterspaced\">wait</span>",
    ] {
        assert!(x.contains(want), "{want}\n{x}");
    }
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("verse.epub");
    std::fs::write(&epub, &bytes).unwrap();
    assert_epub_clean(&epub);
}

#[test]
fn the_pdf_text_holds_the_marks_and_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("verse.pdf");
    std::fs::write(&pdf, written(&load(), Format::Pdf)).unwrap();
    let Some(o) = pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) else { return };
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for want in ["Over the pass the snow lies deep,", "the mule-track sleeps as they."] {
        assert!(lines.contains(&want), "a verse line is a line of its own: {want}\n{text}");
    }
    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in ["“closed to all traffic, ‘military’ included”", "«временной мерой»", "temporarily"]
    {
        assert!(squashed.contains(want), "{want}\n{text}");
    }
}

/// pandoc's reading of what we wrote, as JSON.
fn pandoc_json(path: &std::path::Path, from: &str) -> Option<Value> {
    let pandoc = pandoc()?;
    let o = std::process::Command::new(pandoc).args(["-f", from, "-t", "json"]).arg(path).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

/// The element types (`t`) anywhere in pandoc's AST, with their counts.
fn kinds(v: &Value, out: &mut std::collections::BTreeMap<String, usize>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(t)) = m.get("t") {
                *out.entry(t.clone()).or_default() += 1;
            }
            m.values().for_each(|x| kinds(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| kinds(x, out)),
        _ => {}
    }
}

#[test]
fn pandoc_reads_the_markdown_and_the_docx_as_the_same_kinds() {
    let doc = load();
    let dir = tempfile::tempdir().unwrap();
    for (format, ext, from) in [(Format::Markdown, "md", "markdown"), (Format::Docx, "docx", "docx")] {
        let path = dir.path().join(format!("verse.{ext}"));
        std::fs::write(&path, written(&doc, format)).unwrap();
        let Some(ast) = pandoc_json(&path, from) else {
            missing_validator("pandoc", "pip install pypandoc_binary");
            return;
        };
        let mut k = std::collections::BTreeMap::new();
        kinds(&ast["blocks"], &mut k);
        let n = |t: &str| k.get(t).copied().unwrap_or(0);
        assert_eq!((n("Underline"), n("Strikeout"), n("Note")), (1, 1, 2), "{ext}: {k:?}");
        if ext == "md" {
            // Quotations come back as pandoc's `Quoted` (two outer, one inner), the verse as a
            // line block of five lines (one blank).
            assert_eq!((n("Quoted"), n("LineBlock")), (3, 1), "{k:?}");
        } else {
            // Word has no quotation or verse element: the marks are text, the lines breaks.
            assert!(n("LineBreak") >= 2, "{k:?}");
        }
    }
}
#[test]
fn markdown_is_byte_stable() {
    let doc = load();
    let dir = tempfile::tempdir().unwrap();
    let md = written(&doc, Format::Markdown);
    let path = dir.path().join("verse.md");
    std::fs::write(&path, &md).unwrap();
    let back = colophon::load(&path, None, &Resources::builtin()).unwrap().0;
    assert_eq!(String::from_utf8(written(&back, Format::Markdown)).unwrap(), String::from_utf8(md).unwrap());
}
