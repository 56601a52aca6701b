//! Archival shelfmarks (`РГАСПИ, ф.85, оп.13, д.32, л.3`): printed text plus parsed parts.

use super::{LangTag, Span};
use serde::{Deserialize, Serialize};

/// An archival reference as printed, with the parts a parser recognised.
///
/// `raw` is never re-cased, re-spaced or repaired; look-alike characters are repaired only
/// in the parsed `value`s. Every [`Span`] indexes into `raw`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shelfmark {
    /// The exact printed substring.
    pub raw: String,
    /// The holding archive, printed here or inherited from the shelfmark before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<ArchiveRef>,
    /// Fond (collection): `ф.`, `f.`, `fond`, `fn`, `reserve`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fond: Option<ShelfmarkPart>,
    /// Opis (inventory): `оп.`, `сп.`, `op.`, `siy.`, `inventory`, or a bare number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opis: Option<ShelfmarkPart>,
    /// Box (`Картон`, `к.`, `box`).
    #[serde(default, rename = "box", skip_serializing_if = "Option::is_none")]
    pub box_: Option<ShelfmarkPart>,
    /// Delo (file) or storage unit: `д.`, `ед. хр.`, `спр.`, `d.`, `iş`, `sax.vah.`, `folder`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delo: Option<ShelfmarkPart>,
    /// Folios cited: `л.`, `лл.`, `арк.`, `l.`, `ll.`, `v.`, `vv.`, `lists`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folios: Option<Folios>,
}

impl Shelfmark {
    /// Returns the levels that are present, in order, with their level names.
    pub fn levels(&self) -> Vec<(&'static str, &ShelfmarkPart)> {
        [("fond", &self.fond), ("opis", &self.opis), ("box", &self.box_), ("delo", &self.delo)]
            .into_iter()
            .filter_map(|(name, part)| part.as_ref().map(|p| (name, p)))
            .collect()
    }
}

/// The archive a shelfmark belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveRef {
    /// The designation as printed (`РГАСПИ`, `Государственный архив … (ГААР)`).
    pub name: String,
    /// The archive's id in [`super::Archive`] records (`rgaspi`) when the table knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where `name` stands in `raw`; `None` when the archive is inherited from the
    /// shelfmark before (`…, л.8; ф.1, сп.31, …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// One level of a shelfmark: the label as printed and the normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShelfmarkPart {
    /// The label as printed (`ф.`, `siy.`, `reserve`), empty for positional forms.
    pub label: String,
    /// The value with look-alikes repaired and the unit letter attached (`186 a` → `186a`).
    pub value: String,
    /// Where the label stands in `raw` (empty at the value's start for positional forms).
    pub label_span: Span,
    /// Where the printed value stands in `raw`.
    pub span: Span,
}

/// The folio part of a shelfmark: its label and the ranges cited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Folios {
    /// The label as printed (`л.`, `ll.`, `vv.`, `lists`).
    pub label: String,
    /// Where the label stands in `raw`.
    pub label_span: Span,
    /// Where the printed folio list stands in `raw`.
    pub span: Span,
    /// The ranges, in printed order.
    pub ranges: Vec<FolioRange>,
}

/// The side of a leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The front (recto), implied at the other end of a range whose end is a verso.
    Recto,
    /// The back (verso): `об.`, `ob.`, `arxa`, `зв.`.
    Verso,
}

/// A folio number with its side, when the citation states one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Folio {
    /// Folio number.
    pub number: u32,
    /// The side; `None` when the citation does not distinguish sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

/// A range of folios (`л. 5–7 об.`); a single folio has `from == to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FolioRange {
    /// First folio.
    pub from: Folio,
    /// Last folio.
    pub to: Folio,
}

/// An archive named in the document, as the archive table describes it.
///
/// Copied from the table into the document so that every writer (TEI `listOrg`) and every
/// reader of colophon JSON has it without the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// Stable id, an XML NCName (`rgaspi`).
    pub id: String,
    /// Full names, current first, each with its language.
    pub names: Vec<ArchiveName>,
    /// Acronyms and short forms, in any script (`РГАСПИ`, `RGASPI`, `РЦХИДНИ`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acronyms: Vec<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// ISO 3166 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Name history or other remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A full name of an archive in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveName {
    /// The name.
    pub text: String,
    /// Its language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
}
