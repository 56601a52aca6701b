//! Front matter beyond the metadata: a title page, a dedication, a preface, an errata list.

use super::Block;
use serde::{Deserialize, Serialize};

/// One division of the front matter, printed before the body in the source's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontPart {
    /// What the division is.
    pub kind: FrontKind,
    /// The source's own name for a division of kind [`FrontKind::Other`] (`motto`,
    /// `frontispiece`), so that it can be written back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its blocks, a heading first where the source printed one.
    pub blocks: Vec<Block>,
}

/// The kinds of front-matter division that books and editions print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontKind {
    /// The title page as printed (title, author, imprint lines), beside the metadata.
    TitlePage,
    /// A dedication.
    Dedication,
    /// A preface or foreword.
    Preface,
    /// Acknowledgements.
    Acknowledgements,
    /// A list of errata (corrections to the printed text).
    Errata,
    /// Any other division; its source name is in [`FrontPart::name`].
    Other,
}
