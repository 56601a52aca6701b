//! Citations (issue 16): pandoc's `[@key, p. 5]` and `@key` kept as citations, linked to the
//! bibliography entry their key names, in every format: TEI pointers to the entry's
//! `xml:id` (valid under tei_all, read back to the same model, byte-stable), e-book links to
//! the entry (clean under EPUBCheck and Ace), Markdown byte-stable, the PDF's text as written.
mod common;
use colophon::model::{Document, Inline};
use colophon::{Format, Resources};
use common::*;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    root().join("tests/blocks/citations.md")
}

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap().0
}

fn citations(doc: &Document) -> Vec<(Vec<String>, String)> {
    fn walk(inlines: &[Inline], out: &mut Vec<(Vec<String>, String)>) {
        for i in inlines {
            match i {
                Inline::Citation { keys, content } => {
                    out.push((keys.clone(), colophon::model::plain_text(content)))
                }
                Inline::Note(n) => {
                    n.content.iter().for_each(|b| b.leaves().iter().for_each(|l| walk(l.content(), out)))
                }
                other => walk(other.children(), out),
            }
        }
    }
    let mut out = Vec::new();
    for b in &doc.body {
        for leaf in b.leaves() {
            walk(leaf.content(), &mut out);
        }
    }
    out
}

#[test]
fn every_citation_is_read_and_every_entry_gets_its_key() {
    let doc = load(&fixture());
    let got = citations(&doc);
    assert_eq!(got.len(), 15, "{got:#?}");
    assert_eq!(
        got[0],
        (vec!["doe99".into(), "smith04".into()], "[see @doe99, pp. 33-35; also @smith04, chap. 1]".into())
    );
    assert_eq!(got[5], (vec!["smith04".into()], "@smith04 [p. 33]".into()));
    // Author-year keys of other shapes (`doe99`, `smith04`) name no entry by rule: the
    // two-digit years are not years. Neither entry is linked, and the reader says so.
    let keys: Vec<Option<String>> =
        doc.back.bibliography.as_ref().unwrap().entries.iter().map(|e| e.key.clone()).collect();
    assert_eq!(keys, [None, None]);
}

#[test]
fn author_year_keys_link_in_tei_and_the_e_book() {
    let md = "# A\n\nAs @doe1999 [p. 3] and [see @smith2004a, 5; @smith2004b].\n\n# References\n\n\
              - Doe, Jane. 1999. *A Book*. Boston: Press.\n- Smith, John. 2004. One.\n- Smith, John. 2004. Two.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, md).unwrap();
    let doc = load(&path);
    let keys: Vec<Option<&str>> =
        doc.back.bibliography.as_ref().unwrap().entries.iter().map(|e| e.key.as_deref()).collect();
    assert_eq!(keys, [Some("doe1999"), Some("smith2004a"), Some("smith2004b")]);

    let tei = String::from_utf8(written(&doc, Format::Tei)).unwrap();
    for want in [
        r##"<ref type="citation" target="#doe1999">@doe1999 [p. 3]</ref>"##,
        r##"<ref type="citation" target="#smith2004a #smith2004b">[see @smith2004a, 5; @smith2004b]</ref>"##,
        r#"<bibl xml:id="doe1999""#,
        r#"<bibl xml:id="smith2004b""#,
    ] {
        assert!(tei.contains(want), "{want}\n{tei}");
    }
    let tei_path = dir.path().join("a.tei.xml");
    std::fs::write(&tei_path, &tei).unwrap();
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, std::slice::from_ref(&tei_path));
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let again = load(&tei_path);
    assert_eq!(again.body, doc.body, "TEI reads back the same citations");
    assert_eq!(written(&again, Format::Tei), tei.as_bytes(), "TEI byte-stable");

    let epub = written(&doc, Format::Epub);
    let x = epub_entry(&epub, "EPUB/article.xhtml");
    assert!(
        x.contains(r##"<a class="citation" href="#ref-1" role="doc-biblioref">@doe1999 [p. 3]</a>"##),
        "{x}"
    );
    assert!(x.contains(r#"<li id="ref-3""#), "{x}");
    let epub_path = dir.path().join("a.epub");
    std::fs::write(&epub_path, &epub).unwrap();
    assert_epub_clean(&epub_path);
}

#[test]
fn markdown_gives_every_citation_back_as_written() {
    let doc = load(&fixture());
    let md = String::from_utf8(written(&doc, Format::Markdown)).unwrap();
    for cite in citations(&doc).into_iter().map(|(_, text)| text) {
        assert!(md.contains(&cite.replace("passim", "*passim*")), "{cite}\n{md}");
    }
    assert!(md.contains("me\\@example.org"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("again.md");
    std::fs::write(&path, &md).unwrap();
    assert_eq!(written(&load(&path), Format::Markdown), md.as_bytes(), "md → md byte-stable");
}

#[test]
fn the_pdf_prints_citations_as_written() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, written(&doc, Format::Pdf)).unwrap();
    let Some(out) = pdf_tool("pdftotext", &[path.to_str().unwrap(), "-"]) else { return };
    let text = String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    for want in ["[-@smith04]", "@smith04 [p. 33]", "[@Foo_bar.baz:1]"] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}
