//! Print layout, independent of any PDF library: lengths, line breaking and pagination with
//! footnotes. The PDF writer turns what this module places into PDF operations and makes no
//! layout decisions of its own (ARCHITECTURE.md).
//!
//! The footnote rule follows Typst (`typst-layout/src/flow/compose.rs`) and TeX's
//! insertions: the line that calls a note and the note's first line share a page; the rest
//! of a long note may spill to the next page, where it comes before that page's own notes.

pub mod bidi;
pub mod hyphenate;
pub mod layout;
pub mod length;
pub mod linebreak;
pub mod page;
pub mod paginate;
pub mod paragraph;
pub mod shape;
pub mod words;

pub use length::Pt;
pub use page::PageStyle;
