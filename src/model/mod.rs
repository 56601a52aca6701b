//! The intermediate document model: what every reader produces and every writer reads.
//!
//! The model is closed and format-free (pandoc's lesson): a writer that cannot render a
//! variant reports it, it never drops it silently. It serialises to JSON with a
//! [`SCHEMA_VERSION`]; loading any other version fails with a clear message.

mod biblio;
mod content;
mod figure;
mod front;
mod lang;
mod media;
mod meta;
mod shelfmark;
mod span;
mod table;

pub use biblio::{BackMatter, BibEntry, BibFields, BibGroup, BibPart, Bibliography, EntryKind};
pub use content::{
    for_each_inlines_mut, plain_text, shelfmarks, Anchor, Block, ChoiceKind, Definition, Delimiter, Inline,
    NameKind, Note, NoteKind, NumberStyle, Numbering, QuoteStyle,
};
pub use figure::{Extent, Figure, Image};
pub use front::{FrontKind, FrontPart};
pub use lang::{LangTag, Script};
pub use media::{add_media, media_key, Media, MediaKind};
pub use meta::{Abstract, Author, KeywordList, Meta, Title};
pub use shelfmark::{
    Archive, ArchiveName, ArchiveRef, Folio, FolioRange, Folios, LevelKind, Shelfmark, ShelfmarkPart, Side,
};
pub use span::Span;
pub use table::{Align, Cell, Column, Row, Table};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the JSON form of [`Document`]; bumped on any incompatible change.
///
/// 2: a shelfmark's levels are a list of typed parts (`levels`), with `pages` beside `folios`.
/// 3: block quotations (`quote`) and lists (`list`) among the blocks. A version 2 document
/// is a version 3 document without them, and loads (see [`OLDEST_READABLE`]).
/// 4: definition lists, code blocks and section breaks among the blocks, epigraphs among the
/// quotations; superscript, subscript, small caps, inline code and line breaks among the
/// inlines. Versions 2 and 3 load unchanged.
/// 5: embedded texts among the blocks; math, names, dates, citations and editorial choices
/// among the inlines; front-matter divisions (`front`) and citation keys of entries (`key`).
/// Versions 2 to 4 load unchanged.
/// 6: tables and figures among the blocks; images and cross-references among the inlines;
/// the bytes of the images in `media`. Versions 2 to 5 load unchanged.
/// 7: line blocks (verse) among the blocks; inline quotations, underline, strikeout and
/// highlighted runs among the inlines. Versions 2 to 6 load unchanged.
///
/// A new field with a default keeps the version, since every older document still loads:
/// so did a bibliography's `parts` (headed sub-lists), written only when there are some,
/// and a note's `kind` (foot or end), written only for endnotes.
pub const SCHEMA_VERSION: u32 = 7;

/// The oldest JSON version this build still loads (upgraded on loading).
pub const OLDEST_READABLE: u32 = 2;

/// A whole article: metadata, body and back matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] for documents this build writes.
    pub schema_version: u32,
    /// Titles, authors, abstracts, keywords and publication data.
    pub meta: Meta,
    /// Front-matter divisions (title page, dedication, preface, errata), in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub front: Vec<FrontPart>,
    /// Headings and paragraphs, with footnotes inline at their calls.
    pub body: Vec<Block>,
    /// Bibliography and other matter after the body.
    #[serde(default)]
    pub back: BackMatter,
    /// The bytes of the images the document shows, by key (a safe file name such as
    /// `kars-1878.png`, which writers that put images beside their output use).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub media: BTreeMap<String, Media>,
}

impl Document {
    /// Creates an empty document of the current schema version.
    pub fn new() -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            meta: Meta::default(),
            front: Vec::new(),
            body: Vec::new(),
            back: BackMatter::default(),
            media: BTreeMap::new(),
        }
    }

    /// Keeps `media` under a key made from `name` (see [`media_key`]) and returns the key:
    /// the key of the same bytes when they are already kept, else a key no other media has
    /// (`map.png`, `map-2.png`).
    pub fn add_media(&mut self, name: &str, media: Media) -> String {
        add_media(&mut self.media, name, media)
    }

    /// Returns every note (footnotes and endnotes) of the front matter and the body in
    /// document order.
    pub fn notes(&self) -> Vec<&Note> {
        let mut out = Vec::new();
        for block in self.front.iter().flat_map(|p| &p.blocks).chain(&self.body) {
            block.collect_notes(&mut out);
        }
        out
    }

    /// Counts the body's paragraphs (headings excluded), those inside quotations and lists too.
    pub fn paragraph_count(&self) -> usize {
        self.body.iter().flat_map(Block::leaves).filter(|b| matches!(b, Block::Paragraph { .. })).count()
    }
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(byte: u8) -> Media {
        Media { kind: MediaKind::Png, width: 1, height: 1, data: vec![byte] }
    }

    #[test]
    fn media_are_kept_once_under_keys_that_do_not_clash() {
        let mut doc = Document::new();
        assert_eq!(doc.add_media("maps/map.png", png(1)), "map.png");
        assert_eq!(doc.add_media("other/MAP.png", png(2)), "MAP-2.png");
        assert_eq!(doc.add_media("again.png", png(1)), "map.png", "the same bytes are kept once");
        assert_eq!(doc.media.len(), 2);
    }

    #[test]
    fn a_document_without_media_writes_no_media_field() {
        let json = serde_json::to_string(&Document::new()).unwrap();
        assert!(!json.contains("media"), "{json}");
    }
}
