//! Back matter: the bibliography, whose entries keep their exact printed text.

use super::{Inline, LangTag, Script};
use serde::{Deserialize, Serialize};

/// Everything after the body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackMatter {
    /// The reference list, if the article has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bibliography: Option<Bibliography>,
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
/// Invariant: `raw == plain_text(&content)`; every [`FieldSpan`] indexes into `raw`.
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

/// A byte range of [`BibEntry::raw`] holding one parsed field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The parts of an entry a parser is sure of (filled by enrichment).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BibFields {
    /// Author names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<FieldSpan>,
    /// Title of the cited work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<FieldSpan>,
    /// Title of the containing journal or book.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<FieldSpan>,
    /// Place of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<FieldSpan>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<FieldSpan>,
    /// Year of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<FieldSpan>,
    /// Volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<FieldSpan>,
    /// Issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<FieldSpan>,
    /// Pages or extent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<FieldSpan>,
    /// Web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<FieldSpan>,
    /// DOI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<FieldSpan>,
}

impl BibFields {
    /// Returns true when nothing was parsed.
    pub fn is_empty(&self) -> bool {
        *self == BibFields::default()
    }
}
