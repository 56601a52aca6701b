//! Word documents (`.docx`, Office Open XML) read natively, part by part.
//!
//! What Word knows exactly, colophon takes exactly: footnotes and endnotes kept apart, each
//! at its call with the label Word prints (custom marks too); the language Word tagged each
//! run with (`w:lang`), which no other reader keeps; headings by outline level and by style
//! name in any language; lists with their printed numbers; Zotero and Mendeley citations as
//! citations with their printed text; tracked changes read as accepted (or rejected) and
//! each one reported, never applied silently.
//!
//! The modules: [`package`] opens the ZIP with limits; [`styles`] and [`numbering`] read the
//! definitions; [`inlines`] reads runs (with [`fields`] and [`notes`]); [`paragraphs`]
//! reads the body into paragraphs; [`assemble`] groups them into the model's blocks,
//! metadata and bibliography; [`properties`] reads the document properties.

mod assemble;
mod fields;
mod inlines;
mod notes;
mod numbering;
mod package;
mod paragraphs;
mod properties;
mod styles;
mod tables;

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::model::{Document, Inline};
use crate::read::xml::El;
use package::{Package, Part, Relationship};
use std::collections::HashMap;
use std::path::Path;

/// What to do with Word's tracked changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrackChanges {
    /// Read the document as if every change were accepted (the default); report each.
    #[default]
    Accept,
    /// Read it as if every change were rejected; report each.
    Reject,
}

/// Options of the Word reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Tracked changes: accepted or rejected, each reported either way.
    pub track_changes: TrackChanges,
}

/// Reads the Word document `bytes` (from `path`, named in messages) into a document.
pub fn read(path: &Path, bytes: &[u8], options: Options) -> Result<(Document, Vec<Diagnostic>)> {
    let mut package = Package::open(path, bytes)?;
    let main = main_part_name(&mut package)?;
    let document = package.part(&main)?.ok_or_else(|| {
        Error::input(
            path,
            0,
            0,
            format!("the package has no main document part ({main}): is the file damaged?"),
        )
    })?;
    let rels = package.relationships(&main)?;
    let related =
        |kind: &str| rels.values().find(|r| r.kind == kind && !r.external).map(|r| r.target.clone());
    let mut optional = |kind: &str, fallback: &str| -> Result<Option<Part>> {
        let name = related(kind).unwrap_or_else(|| fallback.to_string());
        package.part(&name)
    };
    let styles_part = optional("styles", "word/styles.xml")?;
    let numbering_part = optional("numbering", "word/numbering.xml")?;
    let footnotes = optional("footnotes", "word/footnotes.xml")?;
    let endnotes = optional("endnotes", "word/endnotes.xml")?;
    let comments = optional("comments", "word/comments.xml")?;
    let settings = optional("settings", "word/settings.xml")?;
    let core = package.part("docProps/core.xml")?;
    // The images the text shows, read now (within the package's limits) and checked when met.
    let mut images = HashMap::new();
    for r in rels.values().filter(|r| r.kind == "image" && !r.external) {
        if let Some(bytes) = package.bytes(&r.target)? {
            images.insert(r.target.clone(), bytes);
        }
    }
    // The notes' own relationships: an image in a note is named there.
    let mut note_rels = HashMap::new();
    for part in [&footnotes, &endnotes].into_iter().flatten() {
        let part_rels = package.relationships(&part.name)?;
        for r in part_rels.values().filter(|r| r.kind == "image" && !r.external) {
            if let Some(bytes) = package.bytes(&r.target)? {
                images.insert(r.target.clone(), bytes);
            }
        }
        note_rels.insert(part.name.clone(), part_rels);
    }
    let parts = Parts { document, footnotes, endnotes, comments };
    let mut reader = Reader {
        parts: &parts,
        footnote_ids: notes::by_id(parts.footnotes.as_ref(), "footnote"),
        endnote_ids: notes::by_id(parts.endnotes.as_ref(), "endnote"),
        styles: styles::Styles::read(styles_part.as_ref().map(|p| &p.root)),
        numbering: numbering::Numbering::read(numbering_part.as_ref().map(|p| &p.root)),
        rels,
        note_rels,
        notes: notes::NoteNumbers::read(settings.as_ref().map(|p| &p.root), &parts.document.root),
        options,
        diags: Vec::new(),
        fields: Vec::new(),
        paragraph_serial: 0,
        pages: 1,
        in_note: false,
        pending_mark: None,
        textboxes: Vec::new(),
        entry_label: None,
        heading_numbers_reported: false,
        images,
        media: Default::default(),
        floating: Vec::new(),
    };
    let body = parts.document.root.child("body").ok_or_else(|| {
        Error::input(path, 0, 0, format!("{main} has no <w:body>: is this a Word document?"))
    })?;
    let paragraphs = reader.body(body);
    let mut doc = assemble::document(paragraphs);
    doc.media = std::mem::take(&mut reader.media);
    properties::apply(core.as_ref().map(|p| &p.root), &mut doc.meta, &mut reader.diags);
    assemble::document_language(&mut doc);
    Ok((doc, reader.diags))
}

/// The main document part, from the package relationships (`word/document.xml` in every
/// file seen, but the relationship decides).
fn main_part_name(package: &mut Package) -> Result<String> {
    let rels = package.relationships("")?;
    Ok(rels
        .values()
        .find(|r| r.kind == "officeDocument" && !r.external)
        .map_or_else(|| "word/document.xml".to_string(), |r| r.target.clone()))
}

/// The parts the text is read from.
struct Parts {
    document: Part,
    footnotes: Option<Part>,
    endnotes: Option<Part>,
    comments: Option<Part>,
}

/// A complex field being read (`w:fldChar begin` … `separate` … `end`).
#[derive(Debug)]
struct Field {
    /// The field code, gathered from `w:instrText`.
    instruction: String,
    /// Where its result begins: the paragraph's serial number and the index of its first
    /// piece; `None` while the code is still being read.
    result: Option<(usize, usize)>,
}

/// The state of one reading.
struct Reader<'p> {
    parts: &'p Parts,
    styles: styles::Styles,
    numbering: numbering::Numbering,
    rels: HashMap<String, Relationship>,
    /// The footnotes' and endnotes' relationships, by part name.
    note_rels: HashMap<String, HashMap<String, Relationship>>,
    notes: notes::NoteNumbers,
    options: Options,
    diags: Vec<Diagnostic>,
    /// Open complex fields, innermost last (they may span runs and paragraphs).
    fields: Vec<Field>,
    /// Counts paragraphs read, so a field knows whether it ends in the one it began in.
    paragraph_serial: usize,
    /// The page count so far: 1 plus the manual page breaks read.
    pages: u32,
    /// Whether a note is being read (a note called inside a note is reported, not read).
    in_note: bool,
    /// A custom note mark (`w:customMarkFollows`) waiting for its text: the note's index
    /// among the pieces of the paragraph being read.
    pending_mark: Option<usize>,
    /// The footnotes and endnotes by id (a call finds its note at once).
    footnote_ids: HashMap<&'p str, &'p El>,
    endnote_ids: HashMap<&'p str, &'p El>,
    /// Text boxes met in the paragraph being read, read after it.
    textboxes: Vec<&'p El>,
    /// The printed label of the reference list entry being read, when its own run gave it.
    entry_label: Option<String>,
    /// Whether numbered headings were reported already.
    heading_numbers_reported: bool,
    /// The bytes of the package's images, by part name.
    images: HashMap<String, Vec<u8>>,
    /// The images kept, by media key.
    media: std::collections::BTreeMap<String, crate::model::Media>,
    /// Floating images met in the paragraph being read: figures after it.
    floating: Vec<Inline>,
}

impl Reader<'_> {
    /// The line and column of `el` in `part`.
    fn position(part: &Part, el: &El) -> (u32, u32) {
        part.index.position(&part.text, el.pos)
    }

    /// Reports a finding at `el` of `part` (the part is named in the message, since the
    /// position is inside the package).
    fn report(&mut self, part: &Part, el: &El, warning: bool, code: &'static str, message: String) {
        let (line, col) = Self::position(part, el);
        let message = format!("{}:{line}:{col}: {message}", part.name);
        let d =
            if warning { Diagnostic::warning(code, 0, message) } else { Diagnostic::info(code, 0, message) };
        self.diags.push(d);
    }
}
