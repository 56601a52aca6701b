//! Back matter: the bibliography, whose entries keep their exact printed text.

use super::{Archive, Inline, LangTag, Script, Span};
use serde::{Deserialize, Serialize};

/// Everything after the body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackMatter {
    /// The reference list, if the article has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bibliography: Option<Bibliography>,
    /// Every archive the document's shelfmarks name, as the archive table describes it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub archives: Vec<Archive>,
}

/// A reference list under its printed heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bibliography {
    /// The heading as printed (`REFERENCES`, `Kaynakça`).
    pub heading: String,
    /// The entries in source order.
    pub entries: Vec<BibEntry>,
}

/// One bibliography entry: the exact printed text, its markup, and what was parsed from it.
///
/// Invariant: `raw == plain_text(&content)`; every [`Span`] of `fields` indexes into `raw`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BibEntry {
    /// A printed leading number (`"12"` of `12. Author …`), not part of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The entry text exactly as printed (wrapped lines joined, emphasis markers removed).
    pub raw: String,
    /// The entry with its inline markup (emphasis, shelfmarks).
    pub content: Vec<Inline>,
    /// The entry's language, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// The entry's main script, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<Script>,
    /// Parsed fields, each pointing into `raw`.
    #[serde(default, skip_serializing_if = "BibFields::is_empty")]
    pub fields: BibFields,
}

/// What kind of work an entry cites (TEI `title/@level`: `a` for an article or chapter,
/// `m` for a book, `j` for the journal holding an article).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An article in a journal, magazine or newspaper.
    Article,
    /// A chapter or paper in a book or collection.
    Chapter,
    /// A book (monograph, collection, edition of documents).
    Book,
    /// A web page.
    Web,
    /// A thesis or dissertation.
    Thesis,
    /// An archival document cited by its shelfmark.
    Archival,
}

/// The parts of an entry a parser is sure of (filled by enrichment).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BibFields {
    /// The kind of work, when the entry's shape shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntryKind>,
    /// Author names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Span>,
    /// Title of the cited work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Span>,
    /// Title of the containing journal or book.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<Span>,
    /// Place of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Span>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Span>,
    /// Year of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Span>,
    /// Volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<Span>,
    /// Issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<Span>,
    /// Pages or extent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Span>,
    /// Web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Span>,
    /// DOI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<Span>,
}

impl BibFields {
    /// Returns true when nothing was parsed.
    pub fn is_empty(&self) -> bool {
        *self == BibFields::default()
    }

    /// The single-valued fields (all but authors), in a fixed order.
    pub fn singles_mut(&mut self) -> [&mut Option<Span>; 10] {
        [
            &mut self.title,
            &mut self.container,
            &mut self.place,
            &mut self.publisher,
            &mut self.year,
            &mut self.volume,
            &mut self.issue,
            &mut self.pages,
            &mut self.url,
            &mut self.doi,
        ]
    }

    /// Every span that is set: authors first, then the single-valued fields.
    pub fn spans(&self) -> Vec<Span> {
        let singles = [
            self.title,
            self.container,
            self.place,
            self.publisher,
            self.year,
            self.volume,
            self.issue,
            self.pages,
            self.url,
            self.doi,
        ];
        self.authors.iter().copied().chain(singles.into_iter().flatten()).collect()
    }
}
