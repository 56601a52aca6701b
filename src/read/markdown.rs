//! Pandoc-flavoured Markdown reader (being written: issue 7).

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::model::Document;
use std::path::Path;

/// Reads Markdown with a YAML metadata block into a document.
pub fn read(path: &Path, text: &str) -> Result<(Document, Vec<Diagnostic>)> {
    let _ = text;
    Err(Error::Unsupported(format!("{}: the Markdown reader is not built yet", path.display())))
}
