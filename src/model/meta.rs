//! Article metadata typed for what scholars and archives need.

use super::{Block, LangTag};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Metadata of the article. Unknown values from a metadata file land in [`Meta::extra`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    /// The main language of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// Titles, the main one first, one per language at most.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Title>,
    /// Authors in printed order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// Abstracts in printed order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub abstracts: Vec<Abstract>,
    /// Keyword lists in printed order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<KeywordList>,
    /// Journal title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
    /// Journal volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Journal issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Page range of the article in the journal (`45-67`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// DOI without a resolver prefix (`10.1234/abc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Licence as a name, SPDX id or URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Publication date, ISO 8601 (`2023`, `2023-05`, `2023-05-01`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Publisher of the journal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The file the article was first read from (`zangezur-article.txt`), kept through
    /// every later conversion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Any other metadata key, kept so that nothing is silently dropped.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// A title in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    /// The title exactly as printed (never re-cased).
    pub text: String,
    /// The title's language, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
}

/// An author with what is known of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Author {
    /// Full name as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Institution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// ORCID iD (`0000-0002-1825-0097`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orcid: Option<String>,
    /// The printed author note, verbatim, label removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An abstract in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Abstract {
    /// The abstract's language, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// The heading as printed (`Özet`, `Abstract`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The abstract's paragraphs.
    pub content: Vec<Block>,
}

/// A keyword list in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordList {
    /// The list's language, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// The label as printed (`Anahtar Kelimeler`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The terms, as printed, in order.
    pub terms: Vec<String>,
}
