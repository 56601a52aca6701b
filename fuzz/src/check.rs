//! The invariants every writer keeps on any document of the model: no panic, every note in
//! the output, well-formed TEI, and messages without Rust debug text.

use colophon::{Document, Format};
use std::io::Read;

/// Fragments of Rust `Debug` output that a message made for a person never holds.
pub const DEBUG_TEXT: &[&str] = &["{ ..", "Some(", "None)", "Err(", "Ok(", "Validation(", "\"}", "\\u{"];

/// Writes `doc` in every format (DOCX included) and panics, naming the format, when an
/// invariant fails: a note missing from TEI, EPUB, DOCX, Markdown or the PDF's layout, TEI
/// that is not well-formed XML, JSON that does not read back as the same document, or a
/// diagnostic or error message with Rust debug text in it.
pub fn every_writer(doc: &Document) {
    let res = crate::resources();
    let notes = crate::model::all_notes(doc);
    for format in Format::ALL.into_iter().chain([Format::Docx]) {
        // The PDF as `colophon::write` makes it, its layout kept to count the notes.
        let mut laid = None;
        let written = if format == Format::Pdf {
            let opts = colophon::write::pdf::Options { fonts: res.fonts(), page: res.page, when: None };
            let l = colophon::write::pdf::typeset(doc, &opts);
            let out = colophon::write::pdf::render(doc, &l, &opts);
            laid = Some(l);
            out
        } else {
            colophon::write(doc, format, res)
        };
        if let Some(l) = &laid {
            // The layout counts the notes called from the text; a note's own notes follow it.
            let top = crate::model::top_level_notes(doc);
            assert_eq!(l.notes.len(), top, "PDF: {} notes laid out of {top}", l.notes.len());
        }
        let (bytes, diags) = match written {
            Ok(out) => out,
            Err(e) => {
                // Only the PDF may refuse a document, with a message made for a person.
                assert_eq!(format, Format::Pdf, "{format:?} refused the document: {e}");
                no_debug_text(&e.to_string(), format);
                continue;
            }
        };
        for d in &diags {
            no_debug_text(&d.message, format);
            assert!(
                !d.code.is_empty()
                    && d.code.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{format:?}: code {:?}",
                d.code
            );
        }
        assert!(!bytes.is_empty(), "{format:?}: empty output");
        match format {
            Format::Tei => {
                let xml = std::str::from_utf8(&bytes).expect("TEI is UTF-8");
                well_formed(xml).unwrap_or_else(|e| panic!("TEI is not well-formed XML: {e}"));
                let found =
                    xml.matches("<note place=\"foot\"").count() + xml.matches("<note place=\"end\"").count();
                let aside = crate::model::notes_in_other_readings(doc);
                assert_eq!(
                    found,
                    notes.len() + aside,
                    "TEI: {found} notes of {} (+ {aside} in readings kept aside)",
                    notes.len()
                );
            }
            Format::Epub => {
                let mut found = 0;
                for (name, text) in zip_texts(&bytes) {
                    if name.ends_with(".xhtml") {
                        well_formed(&text)
                            .unwrap_or_else(|e| panic!("EPUB {name} is not well-formed XML: {e}"));
                        found += text.matches("<div id=\"note-").count();
                    }
                }
                assert_eq!(found, notes.len(), "EPUB: {found} notes of {}", notes.len());
            }
            Format::Docx => {
                let parts = zip_texts(&bytes);
                let count = |part: &str, tag: &str| {
                    parts
                        .iter()
                        .filter(|(n, _)| n == part)
                        .map(|(_, t)| {
                            well_formed(t)
                                .unwrap_or_else(|e| panic!("DOCX {part} is not well-formed XML: {e}"));
                            // Word's two separators have ids -1 and 0; the notes count from 1.
                            t.matches(tag).count() - t.matches(&format!("{tag}w:type=")).count()
                        })
                        .sum::<usize>()
                };
                for (name, text) in &parts {
                    if name.ends_with(".xml") {
                        well_formed(text)
                            .unwrap_or_else(|e| panic!("DOCX {name} is not well-formed XML: {e}"));
                    }
                }
                let f = count("word/footnotes.xml", "<w:footnote ");
                let e = count("word/endnotes.xml", "<w:endnote ");
                // Word cannot nest notes: a note inside a note is written at its call, in
                // brackets (`write::docx::notes`), so only the notes called from the text count.
                let (foot, end) = crate::model::top_level_by_kind(doc);
                assert_eq!((f, e), (foot, end), "DOCX: (footnotes, endnotes) of the model");
            }
            Format::Markdown => {
                let md = std::str::from_utf8(&bytes).expect("Markdown is UTF-8");
                let defs = md
                    .lines()
                    .filter(|l| {
                        let l = l.trim_start();
                        l.starts_with("[^") && l.find(']').is_some_and(|i| l[i + 1..].starts_with(':'))
                    })
                    .count();
                assert_eq!(defs, notes.len(), "Markdown: {defs} note definitions of {}", notes.len());
            }
            Format::Json => {
                let text = std::str::from_utf8(&bytes).expect("JSON is UTF-8");
                let back = colophon::read::json::read(std::path::Path::new("fuzz.json"), text)
                    .unwrap_or_else(|e| panic!("the JSON output does not read back: {e}"));
                assert!(back == *doc, "the JSON output reads back as another document");
            }
            Format::Pdf => {
                assert!(bytes.starts_with(b"%PDF-"), "PDF: no header");
            }
        }
    }
}

fn no_debug_text(message: &str, format: Format) {
    if let Some(d) = DEBUG_TEXT.iter().find(|d| message.contains(**d)) {
        panic!("{format:?}: Rust debug text `{d}` in the message: {message}");
    }
}

/// Parses `xml` to its end with quick-xml, checking that end tags match and that no
/// character XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE, U+FFFF) is in it.
pub fn well_formed(xml: &str) -> Result<(), String> {
    if let Some((at, c)) = xml.char_indices().find(|&(_, c)| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    }) {
        return Err(format!("character U+{:04X} at byte {at}, which XML 1.0 forbids", c as u32));
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => {
                return if depth == 0 { Ok(()) } else { Err(format!("{depth} elements left open")) };
            }
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Text(t)) => {
                t.decode().map_err(|e| format!("at {}: {e}", reader.buffer_position()))?;
            }
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", reader.error_position())),
        }
    }
}

/// The text files of a ZIP archive, by name.
fn zip_texts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a ZIP entry");
        let name = file.name().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("a readable ZIP entry");
        if let Ok(text) = String::from_utf8(data) {
            out.push((name, text));
        }
    }
    out
}
