//! Footnotes and endnotes through every writer (issue 19): a TEI article whose notes are
//! `place="foot"` and `place="end"`, each kind numbered from 1, written as TEI (the places
//! kept, read back the same), EPUB (an endnotes section of its own, EPUBCheck and Ace clean),
//! PDF (the endnotes under "Notes" after the text and before the references, tagged as notes
//! there), Markdown (`[[^1-2]]{.endnote}`, read back the same) and JSON.

mod common;

use colophon::model::{plain_text, Document, NoteKind};
use colophon::{Format, Resources};
use common::*;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    root().join("tests/endnotes/foot-and-end.tei.xml")
}

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap().0
}

fn write(doc: &Document, format: Format) -> (Vec<u8>, Vec<colophon::Diagnostic>) {
    colophon::write(doc, format, &Resources::builtin()).unwrap()
}

/// Each note's kind, printed label and text, in document order.
fn notes(doc: &Document) -> Vec<(NoteKind, String, String)> {
    doc.notes()
        .iter()
        .map(|n| {
            let text = n.content.iter().flat_map(|b| b.leaves()).map(|b| plain_text(b.content())).collect();
            (n.kind, n.label.clone(), text)
        })
        .collect()
}

/// `doc` written as `format` into `dir`, read back.
fn round_trip(doc: &Document, format: Format, name: &str, dir: &Path) -> (Document, String) {
    let (bytes, _) = write(doc, format);
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    (load(&path), String::from_utf8(bytes).unwrap())
}

#[test]
fn the_fixture_holds_both_kinds_each_numbered_from_one() {
    let kinds: Vec<(NoteKind, String)> = notes(&load(&fixture())).into_iter().map(|n| (n.0, n.1)).collect();
    let (f, e) = (NoteKind::Foot, NoteKind::End);
    let want = [(f, "1"), (e, "1"), (f, "2"), (e, "2"), (e, "3"), (f, "3")];
    assert_eq!(kinds, want.map(|(k, l)| (k, l.to_string())));
}

#[test]
fn tei_keeps_the_places_and_reads_back_the_same_notes() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let (back, tei) = round_trip(&doc, Format::Tei, "a.tei.xml", dir.path());
    assert_eq!(tei.matches("<note place=\"foot\"").count(), 3, "{tei}");
    assert_eq!(tei.matches("<note place=\"end\"").count(), 3, "{tei}");
    // Endnote 1 and footnote 1 both exist: their ids differ.
    assert!(tei.contains("<note place=\"foot\" n=\"1\" xml:id=\"fn1\""), "{tei}");
    assert!(tei.contains("<note place=\"end\" n=\"1\" xml:id=\"en1\""), "{tei}");
    assert!(tei.contains("note[@place='end']"), "the editorial declaration says how endnotes are kept");
    assert_eq!(notes(&back), notes(&doc));
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &[dir.path().join("a.tei.xml")]);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn a_document_with_footnotes_only_says_nothing_of_endnotes_in_tei() {
    let mut doc = load(&fixture());
    for b in &mut doc.body {
        colophon::model::for_each_inlines_mut(std::slice::from_mut(b), &mut |inlines| {
            for i in inlines.iter_mut() {
                if let colophon::model::Inline::Note(n) = i {
                    n.kind = NoteKind::Foot;
                }
            }
        });
    }
    let tei = String::from_utf8(write(&doc, Format::Tei).0).unwrap();
    assert_eq!(tei.matches("<note place=\"foot\"").count(), 6);
    assert!(!tei.contains("place=\"end\"") && !tei.contains("note[@place='end']"));
}

#[test]
fn the_epub_gathers_the_endnotes_in_their_own_section_and_passes_the_checkers() {
    let doc = load(&fixture());
    let (bytes, diags) = write(&doc, Format::Epub);
    assert!(diags.iter().all(|d| d.severity == colophon::diag::Severity::Info), "{diags:?}");
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    assert_eq!(x.matches("epub:type=\"noteref\" role=\"doc-noteref\"").count(), 6);
    assert_eq!(x.matches("epub:type=\"footnote\" role=\"doc-footnote\"").count(), 3);
    assert_eq!(x.matches("epub:type=\"endnote\"").count(), 3);
    assert_eq!(x.matches("role=\"doc-backlink\"").count(), 6);
    // Footnotes (pop-ups), then the endnotes as printed, then the references.
    let foot = x.find("<section id=\"notes\" epub:type=\"endnotes\" role=\"doc-endnotes\"").unwrap();
    let end = x.find("<section id=\"endnotes\" epub:type=\"endnotes\" role=\"doc-endnotes\"").unwrap();
    let refs = x.find("<section id=\"references\"").unwrap();
    assert!(x.find("id=\"text\"").unwrap() < foot && foot < end && end < refs);
    assert!(x[foot..end].contains("<h2 id=\"notes-title\">Footnotes</h2>"));
    assert!(x[end..refs].contains("<h2 id=\"endnotes-title\">Notes</h2>"));
    // Each section holds its own kind, labelled as printed, in the order of the calls.
    assert_eq!(x[foot..end].matches("epub:type=\"footnote\"").count(), 3);
    let labels: Vec<&str> = x[end..refs]
        .split("<span class=\"note-label\">")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect();
    assert_eq!(labels, ["1", "2", "3"]);
    // The call of endnote 1 (the second note) leads to it, and it leads back.
    assert!(
        x.contains("<a href=\"#note-2\" id=\"noteref-2\" epub:type=\"noteref\" role=\"doc-noteref\">1</a>")
    );
    assert!(x[end..refs].contains("<div id=\"note-2\" epub:type=\"endnote\""));
    assert!(x[end..refs].contains(
        "<a href=\"#noteref-2\" epub:type=\"backlink\" role=\"doc-backlink\" aria-label=\"Back to endnote 1\">"
    ));
    let nav = epub_entry(&bytes, "EPUB/nav.xhtml");
    assert!(nav.contains("<li><a href=\"article.xhtml#endnotes\">Notes</a></li>"), "{nav}");
    assert!(
        nav.contains("<li><a epub:type=\"endnotes\" href=\"article.xhtml#endnotes\">Notes</a></li>"),
        "{nav}"
    );

    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("a.epub");
    std::fs::write(&epub, &bytes).unwrap();
    assert_epub_clean(&epub);
}

#[test]
fn the_pdf_prints_the_endnotes_after_the_text_and_before_the_references() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, write(&doc, Format::Pdf).0).unwrap();
    let Some(o) = pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) else { return };
    let text = String::from_utf8_lossy(&o.stdout).replace('\n', " ");
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s:?} not in\n{text}"));
    let body_end = at("and by owner.");
    let heading = at("Notes ");
    let refs = at("References");
    assert!(body_end < heading && heading < refs, "{text}");
    for (kind, label, note) in notes(&doc) {
        let words: String = note.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
        let place = at(&format!("{label} {words}"));
        match kind {
            NoteKind::End => assert!(heading < place && place < refs, "endnote {label}: {text}"),
            // One page: the footnotes stand at its foot, after the references.
            NoteKind::Foot => assert!(place > refs, "footnote {label}: {text}"),
        }
    }
    // Tagged: six notes, each with its label linked back; the endnotes in the notes
    // section, after its heading, not after their calls.
    let Some(o) = pdf_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]) else { return };
    let tree = String::from_utf8_lossy(&o.stdout).into_owned();
    let notes_at: Vec<usize> = tree.match_indices("Note <Note").map(|(i, _)| i).collect();
    assert_eq!(notes_at.len(), 6, "{tree}");
    assert_eq!(tree.lines().filter(|l| l.trim_start().starts_with("Lbl ")).count(), 6 + 2, "and two markers");
    let h = tree.find("H2 \"Notes\"").expect("the notes heading is tagged");
    assert_eq!(notes_at.iter().filter(|&&i| i > h).count(), 3, "{tree}");
    assert!(tree[h..].contains("The duty was first farmed out"), "{tree}");
}

#[test]
fn markdown_marks_the_endnotes_and_reads_them_back() {
    let doc = load(&fixture());
    let (bytes, diags) = write(&doc, Format::Markdown);
    // Lossless, so nothing to report: not even the labels repeated across the two kinds.
    assert!(diags.is_empty(), "{diags:?}");
    let md = String::from_utf8(bytes).unwrap();
    assert!(md.contains("older.[[^1-2]]{.endnote}"), "{md}");
    assert!(md.contains("weight[[^3]]{.endnote} and by owner.[^3-2]"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let (back, _) = round_trip(&doc, Format::Markdown, "a.md", dir.path());
    assert_eq!(notes(&back), notes(&doc));
    // Pandoc reads each endnote as a note in a span of class `endnote`.
    if let Some(pandoc) = pandoc() {
        let o = std::process::Command::new(pandoc)
            .args(["-f", "markdown", "-t", "json"])
            .arg(dir.path().join("a.md"))
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut spans = 0;
        let mut all_notes = 0;
        fn walk(v: &serde_json::Value, spans: &mut usize, notes: &mut usize) {
            match v {
                serde_json::Value::Object(o) => {
                    match o.get("t").and_then(|t| t.as_str()) {
                        Some("Note") => *notes += 1,
                        Some("Span") => {
                            let endnote =
                                o["c"][0][1].as_array().is_some_and(|c| c.iter().any(|c| c == "endnote"));
                            let note =
                                o["c"][1].as_array().is_some_and(|c| c.len() == 1 && c[0]["t"] == "Note");
                            *spans += usize::from(endnote && note);
                        }
                        _ => {}
                    }
                    o.values().for_each(|v| walk(v, spans, notes));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, spans, notes)),
                _ => {}
            }
        }
        walk(&v, &mut spans, &mut all_notes);
        assert_eq!((spans, all_notes), (3, 6));
    }
}

#[test]
fn json_writes_the_kind_of_endnotes_only_and_reads_it_back() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let (back, json) = round_trip(&doc, Format::Json, "a.json", dir.path());
    assert_eq!(json.matches("\"kind\": \"end\"").count(), 3, "{json}");
    assert!(!json.contains("\"kind\": \"foot\""));
    assert_eq!(notes(&back), notes(&doc));
}

#[test]
fn inspect_counts_footnotes_and_endnotes_apart() {
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_colophon")).args(args).output().unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let path = fixture().display().to_string();
    let text = run(&["inspect", &path]);
    assert!(text.contains("notes        6 (6 anchored"), "{text}");
    assert!(text.contains("               3 footnotes, 3 endnotes"), "{text}");
    let v: serde_json::Value = serde_json::from_str(&run(&["inspect", &path, "--json"])).unwrap();
    assert_eq!((v["counts"]["footnotes"].as_u64(), v["counts"]["endnotes"].as_u64()), (Some(3), Some(3)));
}
