//! The print PDF: fonts embedded and subset, text extractable, PDF/A-2b metadata, every note
//! at the foot of the page of its call, identical bytes on every run.

mod common;

use colophon::{Format, Resources};
use common::*;
use std::path::Path;

fn pdf_of(path: &Path) -> Vec<u8> {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(path, None, &res).unwrap();
    colophon::write(&doc, Format::Pdf, &res).unwrap().0
}

fn example() -> std::path::PathBuf {
    root().join("input/zangezur-article.txt")
}

#[test]
fn the_example_passes_qpdf_and_poppler_checks() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, pdf_of(&example())).unwrap();
    let p = pdf.to_str().unwrap();
    if let Some(o) = pdf_tool("qpdf", &["--check", p]) {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
        // Every call links to its note and every note back to its call; the outline is there.
        let q = dir.path().join("q.pdf");
        pdf_tool("qpdf", &["--qdf", "--object-streams=disable", p, q.to_str().unwrap()]);
        let raw = std::fs::read(&q).unwrap();
        let count = |needle: &[u8]| raw.windows(needle.len()).filter(|w| *w == needle).count();
        assert_eq!(count(b"/Subtype /Link"), 206);
        assert_eq!(count(b"/Type /Outlines"), 1);
    }
    if let Some(o) = pdf_tool("pdffonts", &[p]) {
        let t = String::from_utf8_lossy(&o.stdout).into_owned();
        let fonts: Vec<&str> = t.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{t}");
        for f in fonts {
            let cols: Vec<&str> = f.split_whitespace().collect();
            assert_eq!(
                &cols[cols.len() - 5..cols.len() - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, Unicode: {f}"
            );
        }
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-meta", p]) {
        let t = String::from_utf8_lossy(&o.stdout);
        assert!(
            t.contains("<pdfaid:part>2</pdfaid:part>")
                && t.contains("<pdfaid:conformance>B</pdfaid:conformance>")
        );
        assert!(t.contains("<rdf:li>en</rdf:li>"), "the document language");
    }
    if let Some(o) = pdf_tool("pdftotext", &[p, "-"]) {
        // Words from every script of the article, as printed (lines joined at hyphens).
        let text = String::from_utf8_lossy(&o.stdout).replace("-\n", "").replace('\n', " ");
        for want in ["Zəngəzur", "Нариманова", "РГАСПИ", "şiddetli", "ARPİİİSSA", "Качазнуни"]
        {
            assert!(text.contains(want), "{want} missing from the PDF's text");
        }
    }
}

#[test]
fn every_note_starts_on_the_page_of_its_call() {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let l =
        colophon::typeset::layout::layout(&doc, &res.fonts(), &colophon::typeset::layout::PageStyle::a4());
    assert_eq!(l.notes.len(), 103);
    for (label, call, start) in &l.notes {
        assert_eq!(call, start, "note {label}");
    }
    assert_eq!(l.overfull, 0);
    // And in the PDF itself: each page's text holds the labels of the notes that start there.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, pdf_of(&example())).unwrap();
    for (label, _, page) in l.notes.iter().filter(|n| ["1", "48", "75", "103"].contains(&n.0.as_str())) {
        let pg = page.to_string();
        if let Some(o) = pdf_tool("pdftotext", &["-f", &pg, "-l", &pg, pdf.to_str().unwrap(), "-"]) {
            let t = String::from_utf8_lossy(&o.stdout);
            assert!(t.lines().any(|l| l.starts_with(&format!("{label} "))), "note {label} on page {page}");
        }
    }
}

#[test]
fn two_runs_give_the_same_bytes_and_a_tei_input_prints_the_same() {
    let a = pdf_of(&example());
    assert_eq!(a, pdf_of(&example()));
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tei = dir.path().join("a.tei.xml");
    std::fs::write(&tei, colophon::write(&doc, Format::Tei, &res).unwrap().0).unwrap();
    assert_eq!(pdf_of(&tei), a, "the TEI route gives the same PDF");
}
