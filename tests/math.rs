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

fn written(doc: &Document, format: Format) -> Vec<u8> {
    colophon::write(doc, format, &Resources::builtin()).unwrap().0
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
