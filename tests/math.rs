//! Mathematics (issue 16) through every reader and writer: the formulas of
//! `tests/blocks/math.md` (pandoc is their oracle in tests/blocks.rs) survive TEI and JSON
//! round trips exactly, reach the e-book as MathML and the PDF as their TeX.
mod common;
use colophon::model::{Block, Document, Inline};
use colophon::{Format, Resources};
use common::*;
use std::path::Path;

fn fixture() -> Document {
    load(&root().join("tests/blocks/math.md"))
}

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap().0
}

/// Every formula of `blocks`, notes included, as (TeX, display).
fn formulas(doc: &Document) -> Vec<(String, bool)> {
    fn inlines(content: &[Inline], out: &mut Vec<(String, bool)>) {
        for i in content {
            match i {
                Inline::Math { tex, display } => out.push((tex.clone(), *display)),
                Inline::Note(n) => blocks(n.content.iter().collect(), out),
                other => inlines(other.children(), out),
            }
        }
    }
    fn blocks(bs: Vec<&Block>, out: &mut Vec<(String, bool)>) {
        for b in bs {
            inlines(b.content(), out);
            blocks(b.children(), out);
        }
    }
    let mut out = Vec::new();
    blocks(doc.body.iter().collect(), &mut out);
    out
}

#[test]
fn the_fixture_holds_inline_and_display_math_everywhere() {
    let found = formulas(&fixture());
    assert_eq!(found.len(), 16, "{found:#?}");
    assert_eq!(found.iter().filter(|f| f.1).count(), 5);
    assert!(found.contains(&("\\text{cost: $x$}".into(), false)));
    assert!(found.contains(&("a^2 +\nb^2".into(), true)));
}

#[test]
fn tei_reads_back_the_same_formulas_and_writes_the_same_bytes() {
    let doc = fixture();
    let tei = String::from_utf8(written(&doc, Format::Tei)).unwrap();
    assert!(tei.contains("<formula notation=\"TeX\">\\pi r^2</formula>"), "{tei}");
    assert!(tei.contains("<formula notation=\"TeX\" rend=\"display\"> E = mc^2 </formula>"), "{tei}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("math.tei.xml");
    std::fs::write(&path, &tei).unwrap();
    let again = load(&path);
    assert_eq!(formulas(&again), formulas(&doc));
    assert_eq!(again.body, doc.body);
    assert_eq!(String::from_utf8(written(&again, Format::Tei)).unwrap(), tei);
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &[path]);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

/// A formula math-core cannot read is set as its TeX and named in a warning.
#[test]
fn a_formula_that_cannot_be_converted_is_its_tex_with_a_warning() {
    let mut doc = fixture();
    doc.body.push(Block::paragraph(vec![Inline::Math { tex: "\\frac{1}{".into(), display: false }]));
    let (bytes, diags) = colophon::write(&doc, Format::Epub, &Resources::builtin()).unwrap();
    let said: Vec<_> = diags.iter().filter(|d| d.code == "epub-math-as-tex").collect();
    assert_eq!(said.len(), 1, "{diags:?}");
    assert!(said[0].message.contains("\\frac{1}{"), "{}", said[0].message);
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    assert!(x.contains("<code class=\"math\">\\frac{1}{</code>"), "{x}");
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("bad.epub");
    std::fs::write(&epub, &bytes).unwrap();
    assert_epub_clean(&epub);
}

#[test]
fn json_reads_back_the_same_formulas() {
    let doc = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("math.json");
    std::fs::write(&path, written(&doc, Format::Json)).unwrap();
    let again = load(&path);
    assert_eq!(again.body, doc.body);
    assert_eq!(formulas(&again), formulas(&doc));
}

#[test]
fn the_pdf_prints_the_tex_and_says_so_once() {
    let doc = fixture();
    let (bytes, diags) = colophon::write(&doc, Format::Pdf, &Resources::builtin()).unwrap();
    let said: Vec<_> = diags.iter().filter(|d| d.code == "pdf-math-as-tex").collect();
    assert_eq!(said.len(), 1, "{diags:?}");
    assert!(said[0].message.starts_with("16 formula"), "{}", said[0].message);
    assert!(!diags.iter().any(|d| d.code == "pdf-not-ua"), "{diags:?}");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("math.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let Some(o) = pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) else { return };
    assert!(o.status.success());
    let text = squash(&String::from_utf8_lossy(&o.stdout));
    for want in ["\\pi r^2", "E = mc^2", "\\text{cost: $x$}", "\\mathbb{R}^n", "a*b*c"] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn the_e_book_holds_every_formula_as_mathml_and_stays_clean() {
    let doc = fixture();
    let bytes = written(&doc, Format::Epub);
    let (_, diags) = colophon::write(&doc, Format::Epub, &Resources::builtin()).unwrap();
    assert!(!diags.iter().any(|d| d.code == "epub-math-as-tex"), "{diags:?}");
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    // Every formula is MathML, its TeX (spaces squashed) as alternative text.
    assert_eq!(x.matches("<math ").count(), 16, "{x}");
    assert_eq!(x.matches("display=\"block\"").count(), 5, "{x}");
    assert!(!x.contains("class=\"math"), "{x}");
    for want in [
        "<math alttext=\"\\pi r^2\" xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></math>",
        "<math alttext=\"E = mc^2\" xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">",
        "<math alttext=\"\\text{cost: $x$}\"",
        "<mi>ℝ</mi>",
    ] {
        assert!(x.contains(want), "{want}\n{x}");
    }
    let opf = epub_entry(&bytes, "EPUB/package.opf");
    assert!(
        opf.contains("href=\"article.xhtml\" media-type=\"application/xhtml+xml\" properties=\"mathml\""),
        "{opf}"
    );
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("math.epub");
    std::fs::write(&epub, &bytes).unwrap();
    assert_epub_clean(&epub);
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
