//! Pandoc-flavoured Markdown (being written: issue 7).

use crate::diag::Diagnostic;
use crate::model::Document;

/// Writes `doc` as Markdown with a YAML metadata block.
pub fn write(doc: &Document) -> (String, Vec<Diagnostic>) {
    let _ = doc;
    (String::new(), Vec::new())
}
