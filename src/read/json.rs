//! Reader for colophon's own JSON form of the model.

use crate::error::{Error, Result};
use crate::model::{Document, OLDEST_READABLE, SCHEMA_VERSION};
use std::path::Path;

/// Deepest nesting serde_json reads (its recursion limit, which keeps the stack safe).
const MAX_DEPTH: u32 = 128;

/// Loads a document from its JSON form, checking the schema version first.
///
/// Syntax errors carry the line and column; so do values of the wrong type. A document
/// nested deeper than 128 arrays and objects is refused where it passes the limit.
pub fn read(path: &Path, text: &str) -> Result<Document> {
    let syntax = |e: serde_json::Error, what: &str| {
        // serde_json ends its message with ` at line L column C`, which the error shows first.
        let full = e.to_string();
        let reason = full.rsplit_once(" at line ").map_or(full.as_str(), |(r, _)| r);
        let message = if reason == "recursion limit exceeded" {
            format!(
                "the JSON is nested more than {MAX_DEPTH} levels deep; colophon reads at most {MAX_DEPTH}"
            )
        } else {
            format!("{what}: {reason}")
        };
        Error::input(path, e.line() as u32, e.column() as u32, message)
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| syntax(e, "invalid JSON"))?;
    let Some(object) = value.as_object() else {
        return Err(Error::input(path, 0, 0, "not a colophon document: the JSON is not an object"));
    };
    match object.get("schema_version") {
        Some(v) if v.as_u64().is_some_and(|v| (u64::from(OLDEST_READABLE)..=u64::from(SCHEMA_VERSION)).contains(&v)) => {}
        Some(v) if v.is_u64() => {
            return Err(Error::input(path, 0, 0, format!("this document has schema_version {v}; this colophon reads schema_version {OLDEST_READABLE} to {SCHEMA_VERSION}")))
        }
        Some(v) => {
            return Err(Error::input(path, 0, 0, format!("not a colophon document: schema_version is {v}; this colophon reads schema_version {SCHEMA_VERSION}")))
        }
        None => return Err(Error::input(path, 0, 0, "not a colophon document: no `schema_version` field")),
    }
    let mut doc: Document =
        serde_json::from_str(text).map_err(|e| syntax(e, "not a valid colophon document"))?;
    // An older version is this one without the newer blocks: upgraded as it is.
    doc.schema_version = SCHEMA_VERSION;
    if let Some(bib) = &doc.back.bibliography {
        bib.check_parts().map_err(|m| {
            // The line of the `parts` key, when it is found (a document has one bibliography).
            let line = text.find("\"parts\"").map_or(0, |at| text[..at].matches('\n').count() as u32 + 1);
            Error::input(path, line, 0, format!("not a valid colophon document: {m}"))
        })?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BibEntry, BibPart, Bibliography};

    fn with_parts(parts: Vec<BibPart>) -> String {
        let entry = BibEntry::plain;
        let mut doc = Document::new();
        let mut bib = Bibliography::new("Bibliography", vec![entry("A."), entry("B.")]);
        bib.parts = parts;
        doc.back.bibliography = Some(bib);
        serde_json::to_string_pretty(&doc).unwrap()
    }

    #[test]
    fn a_version_2_document_loads_upgraded() {
        let text = r#"{"schema_version": 2, "meta": {}, "body": [{"type": "paragraph", "content": [{"type": "text", "text": "x"}]}]}"#;
        let doc = read(Path::new("old.json"), text).unwrap();
        assert_eq!(doc.schema_version, SCHEMA_VERSION);
        assert_eq!(doc.paragraph_count(), 1);
        let quote = r#"{"schema_version": 3, "meta": {}, "body": [{"type": "quote", "blocks": [{"type": "list", "numbering": {"start": 3, "style": "lower_alpha", "delimiter": "paren"}, "items": [[{"type": "paragraph", "content": []}]]}], "source": [{"type": "text", "text": "A"}]}]}"#;
        let doc = read(Path::new("new.json"), quote).unwrap();
        assert_eq!(doc.paragraph_count(), 1);
    }

    #[test]
    fn parts_round_trip_and_broken_ones_are_refused_with_their_line() {
        let parts = vec![BibPart { heading: "Literature".into(), start: 1 }];
        let json = with_parts(parts.clone());
        let doc = read(Path::new("a.json"), &json).unwrap();
        assert_eq!(doc.back.bibliography.unwrap().parts, parts);
        // Old documents, written before parts existed, still load.
        assert!(!with_parts(vec![]).contains("parts"));
        assert!(read(Path::new("a.json"), &with_parts(vec![])).is_ok());
        let json = with_parts(vec![BibPart { heading: "Literature".into(), start: 2 }]);
        let err = read(Path::new("a.json"), &json).unwrap_err().to_string();
        assert!(err.contains("starts at entry 2, but the bibliography has 2 entries"), "{err}");
        let line = json.lines().position(|l| l.contains("\"parts\"")).unwrap() + 1;
        assert!(err.contains(&format!(":{line}")), "{err}");
    }
}
