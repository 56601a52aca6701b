//! Writer for colophon's JSON form of the model (pretty, stable key order, final newline).

use crate::model::Document;

/// Serialises `doc` as pretty JSON.
pub fn write(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).expect("the model always serialises");
    s.push('\n');
    s
}
