//! Archival shelfmarks (`РГАСПИ, ф.85, оп.13, д.32, л.3`): printed text plus parsed parts.

use serde::{Deserialize, Serialize};

/// An archival reference as printed, with the parts a parser recognised.
///
/// `raw` is never re-cased, re-spaced or repaired; look-alike characters are repaired only
/// in the parsed parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shelfmark {
    /// The exact printed substring.
    pub raw: String,
    /// The archive as written, with a canonical id from the archive table when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<ShelfmarkPart>,
    /// Canonical archive id (`rgaspi`) when the archive table knows the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_id: Option<String>,
    /// Fond (collection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fond: Option<ShelfmarkPart>,
    /// Opis (inventory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opis: Option<ShelfmarkPart>,
    /// Delo (file) or storage unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delo: Option<ShelfmarkPart>,
    /// Folios cited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folios: Vec<FolioRange>,
}

/// One level of a shelfmark: the label word as printed and the normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShelfmarkPart {
    /// The label as printed (`ф.`, `siy.`, `reserve`), empty for positional forms.
    pub label: String,
    /// The value, look-alikes repaired (`186а`).
    pub value: String,
    /// Byte offset of the part in `raw`.
    pub start: usize,
    /// One past the part's last byte in `raw`.
    pub end: usize,
}

/// A folio number with its side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folio {
    /// Folio number.
    pub number: u32,
    /// True for the verso (`об.`, `ob.`, `arxa`, `зв.`).
    #[serde(default)]
    pub verso: bool,
}

/// A range of folios (`л. 5–7 об.`); a single folio has `from == to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolioRange {
    /// First folio.
    pub from: Folio,
    /// Last folio.
    pub to: Folio,
}
