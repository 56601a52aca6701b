//! Reader for colophon's own JSON form of the model.

use crate::error::{Error, Result};
use crate::model::{Document, SCHEMA_VERSION};
use std::path::Path;

/// Loads a document from its JSON form, checking the schema version first.
pub fn read(path: &Path, text: &str) -> Result<Document> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::input(path, e.line() as u32, e.column() as u32, format!("invalid JSON: {e}")))?;
    match value.get("schema_version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(Error::input(path, 0, 0, format!("this document has schema_version {v}; this colophon reads schema_version {SCHEMA_VERSION} only")))
        }
        None => return Err(Error::input(path, 0, 0, "not a colophon document: no `schema_version` field")),
    }
    serde_json::from_str(text).map_err(|e| {
        Error::input(path, e.line() as u32, e.column() as u32, format!("not a valid colophon document: {e}"))
    })
}
