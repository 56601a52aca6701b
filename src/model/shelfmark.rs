//! Archival shelfmarks (`РГАСПИ, ф.85, оп.13, д.32, л.3`): printed text plus parsed parts.

use super::{LangTag, Span};
use serde::{Deserialize, Serialize};

/// An archival reference as printed, with the parts a parser recognised.
///
/// `raw` is never re-cased, re-spaced or repaired; look-alike characters are repaired only
/// in the parsed `value`s. Every [`Span`] indexes into `raw`.
///
/// The levels are a list of typed parts rather than one optional field per level: the
/// families colophon reads (post-Soviet fond/opis/delo, Ottoman collection/dossier/document,
/// British department/series/piece, NARA record group/entry/box) share few levels, and
/// their hierarchies order the shared ones differently (ATASE's box sits under a
/// collection, a Russian box under an opis), so no single field order fits them all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shelfmark {
    /// The exact printed substring.
    pub raw: String,
    /// The holding archive, printed here or inherited from the shelfmark before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<ArchiveRef>,
    /// The storage levels, in printed order, which is the archive's hierarchical order;
    /// each kind appears at most once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ShelfmarkPart>,
    /// Folios cited: `л.`, `лл.`, `арк.`, `l.`, `ll.`, `v.`, `vv.`, `f.`, `ff.`, `Bl.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folios: Option<Folios>,
    /// Printed pages cited (`p.`, `pp.`, `с.` after the unit); never sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<Folios>,
}

impl Shelfmark {
    /// Returns the levels that are present, in hierarchical order, with their level names
    /// (the keys of the labelled sets: `fond`, `record_group`, …).
    pub fn levels(&self) -> Vec<(&'static str, &ShelfmarkPart)> {
        self.levels.iter().map(|p| (p.level.name(), p)).collect()
    }

    /// Returns the part of one level, when printed.
    pub fn get(&self, level: LevelKind) -> Option<&ShelfmarkPart> {
        self.levels.iter().find(|p| p.level == level)
    }
}

/// What a level of a shelfmark is.
///
/// The post-Soviet levels come first, then those of other archives' hierarchies; the
/// order of the variants is not the order of any citation (see [`Shelfmark::levels`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelKind {
    /// Fond (collection of one creator): `ф.`, `f.`, `fond`, `ֆ.`, `ფ.`.
    Fond,
    /// Opis (inventory): `оп.`, `сп.`, `воп.`, `siy.`, `ց.`, `ან.`, `desc.`, or a bare number.
    Opis,
    /// Box or carton (`Картон`, `box`, papka `p.`, ATASE `Klasör`).
    Box,
    /// Delo (file) or storage unit: `д.`, `ед. хр.`, `спр.`, `адз. зах.`, `iş`, `գ.`, `საქ.`.
    Delo,
    /// A part of a file (`ч. 2`, `chast' 2`).
    Part,
    /// A code-named collection: an Ottoman fond code (`DH.KMS`), a British department
    /// (`FO`), a Bundesarchiv record group (`R 43-I`).
    Collection,
    /// A series: British class number (`371`), French series (`GR 7 N`, `F/7`).
    Series,
    /// A British piece (`3404`).
    Piece,
    /// An item inside a piece or series (`12345`, BCA's `12.45.3`, a French article).
    Item,
    /// A NARA record group (`RG 59`).
    RecordGroup,
    /// A NARA entry (`Entry 205`).
    Entry,
    /// A file: NARA decimal file, Bundesarchiv or PA AA file (`1234`, `R 14087`).
    File,
    /// An Ottoman or ATASE dossier (`Dosya`).
    Dossier,
    /// A document inside a dossier (`Gömlek`, `Fihrist`).
    Document,
    /// A volume of a file or series (`т. 1`, `vol. 123`).
    Volume,
    /// A microfilm publication (`M316`).
    Microfilm,
    /// A roll of a microfilm publication.
    Roll,
}

impl LevelKind {
    /// Returns the level's name in colophon JSON and the labelled sets (`record_group`).
    pub fn name(self) -> &'static str {
        match self {
            LevelKind::Fond => "fond",
            LevelKind::Opis => "opis",
            LevelKind::Box => "box",
            LevelKind::Delo => "delo",
            LevelKind::Part => "part",
            LevelKind::Collection => "collection",
            LevelKind::Series => "series",
            LevelKind::Piece => "piece",
            LevelKind::Item => "item",
            LevelKind::RecordGroup => "record_group",
            LevelKind::Entry => "entry",
            LevelKind::File => "file",
            LevelKind::Dossier => "dossier",
            LevelKind::Document => "document",
            LevelKind::Volume => "volume",
            LevelKind::Microfilm => "microfilm",
            LevelKind::Roll => "roll",
        }
    }

    /// Returns the level's TEI `idno/@type` (camelCase like TEI's own values: `recordGroup`).
    pub fn tei_type(self) -> &'static str {
        match self {
            LevelKind::RecordGroup => "recordGroup",
            other => other.name(),
        }
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

/// One level of a shelfmark: what it is, the label as printed and the normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShelfmarkPart {
    /// What the level is.
    pub level: LevelKind,
    /// The label as printed (`ф.`, `siy.`, `reserve`), empty for positional forms.
    pub label: String,
    /// The value with look-alikes repaired and the unit letter attached (`186 a` → `186a`);
    /// lists joined by `,` and ranges by `-` (`174,194`, `5-7`).
    pub value: String,
    /// Where the label stands in `raw` (empty at the value's start for positional forms).
    pub label_span: Span,
    /// Where the printed value stands in `raw` (empty for an inherited level).
    pub span: Span,
    /// True for a level not printed here but taken from the shelfmark before
    /// (`РГАСПИ. Ф.17. Оп.171. Д.421. Л.1; Д.420. Л.1`: the second's fond and opis); its
    /// spans are empty.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inherited: bool,
}

/// The folios or pages a shelfmark cites: the label and the ranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Folios {
    /// The label as printed (`л.`, `ll.`, `vv.`, `lists`, `p.`).
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
