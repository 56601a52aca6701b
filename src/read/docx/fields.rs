//! Word fields: the code is never text, the result is. A field's code may make its result
//! a hyperlink, or a citation (Zotero's and Mendeley's `ADDIN … CSL_CITATION {json}`, with
//! keys made from the cited items' authors and years, as pandoc's author-date keys are);
//! cross-references, page numbers and dates keep their printed result.

use super::inlines::{wrap, Piece};
use super::package::Part;
use super::paragraphs::{fields_kind, FieldUse};
use super::{Field, Reader};
use crate::model::Inline;
use crate::read::xml::El;

/// What a field's code makes of its result inside one paragraph.
#[derive(Debug, PartialEq)]
enum Result {
    Link(String),
    Citation(Vec<String>),
    Text,
}

impl<'p> Reader<'p> {
    /// Opens a field (`code` is the whole code of a simple field, else it is gathered).
    pub(super) fn begin_field(&mut self, part: &'p Part, at: &'p El, code: &str) {
        if self.fields.len() >= MAX_OPEN_FIELDS {
            self.report(
                part,
                at,
                true,
                "docx-field-nesting",
                format!(
                    "fields nested more than {MAX_OPEN_FIELDS} deep: the inner ones are read as their text"
                ),
            );
            return;
        }
        self.fields.push(Field { instruction: code.to_string(), result: None });
    }

    /// Starts the result of the innermost field.
    pub(super) fn separate_field(&mut self, out: &[Piece]) {
        let serial = self.paragraph_serial;
        if let Some(f) = self.fields.last_mut().filter(|f| f.result.is_none()) {
            f.result = Some((serial, out.len()));
            if fields_kind(&f.instruction) == FieldUse::Contents {
                self.diags.push(crate::diag::Diagnostic::info(
                    "docx-toc-dropped",
                    0,
                    "a generated table of contents (a TOC field) is left out (every writer makes its own)",
                ));
            }
        }
    }

    /// Closes the innermost field, making its result a link or a citation where its code
    /// says so (when the result lies in one paragraph).
    pub(super) fn end_field(&mut self, out: &mut Vec<Piece>) {
        let Some(field) = self.fields.pop() else { return };
        let Some((serial, start)) = field.result else { return };
        if serial != self.paragraph_serial {
            return;
        }
        match result_of(&field.instruction) {
            Result::Link(url) => wrap(out, start, |content| Inline::Link { url, content }),
            Result::Citation(keys) if !keys.is_empty() => {
                wrap(out, start, |content| Inline::Citation { keys, content })
            }
            _ => {}
        }
    }
}

/// Fields open at once, at most (Word nests a few; a hostile file could nest thousands).
const MAX_OPEN_FIELDS: usize = 32;

/// Reads a field code.
fn result_of(code: &str) -> Result {
    let code = code.trim();
    let mut words = code.split_whitespace();
    match words.next() {
        Some("HYPERLINK") => {
            let rest = code["HYPERLINK".len()..].trim();
            let anchor = rest.starts_with("\\l");
            let target = rest.trim_start_matches("\\l").trim();
            let target = target.strip_prefix('"').and_then(|t| t.split('"').next()).unwrap_or(target);
            let target = target.split_whitespace().next().unwrap_or("");
            match (target.is_empty(), anchor) {
                (true, _) => Result::Text,
                (false, true) => Result::Link(format!("#{target}")),
                (false, false) => Result::Link(target.to_string()),
            }
        }
        Some("ADDIN") if code.contains("CSL_CITATION") => Result::Citation(citation_keys(code)),
        _ => Result::Text,
    }
}

/// The keys of a CSL citation field: one per cited item, `family` + year (`smith2004`), as
/// the author-date keys citations are linked to entries by; the item's id when it names no
/// author or year.
fn citation_keys(code: &str) -> Vec<String> {
    let Some(json) = code.find('{').map(|at| &code[at..]) else { return Vec::new() };
    let end = json.rfind('}').map_or(json.len(), |e| e + 1);
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&json[..end]) else { return Vec::new() };
    let Some(items) = value.get("citationItems").and_then(|i| i.as_array()) else { return Vec::new() };
    items
        .iter()
        .filter_map(|item| {
            let data = item.get("itemData");
            let family = data
                .and_then(|d| d.get("author").or(d.get("editor")))
                .and_then(|a| a.get(0))
                .and_then(|a| a.get("family").or(a.get("literal")))
                .and_then(|f| f.as_str());
            let year = data
                .and_then(|d| d.get("issued"))
                .and_then(|i| i.get("date-parts"))
                .and_then(|p| p.get(0))
                .and_then(|p| p.get(0))
                .map(|y| y.to_string().trim_matches('"').to_string());
            match (family, year) {
                (Some(f), Some(y)) => {
                    let f: String =
                        deunicode::deunicode(f).chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                    Some(format!("{}{y}", f.to_lowercase()))
                }
                _ => item.get("id").or(data.and_then(|d| d.get("id"))).map(|id| {
                    let id = id.to_string();
                    format!("item-{}", id.trim_matches('"'))
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_codes() {
        assert_eq!(
            result_of(r#" HYPERLINK "https://example.org/a" \o "tip" "#),
            Result::Link("https://example.org/a".into())
        );
        assert_eq!(result_of(r#"HYPERLINK \l "_Ref12""#), Result::Link("#_Ref12".into()));
        assert_eq!(result_of(" PAGEREF _Ref1 \\h "), Result::Text);
    }

    #[test]
    fn zotero_citation_keys() {
        let code = r#"ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"a1","properties":{"formattedCitation":"(Suny 1993)"},"citationItems":[{"id":12,"uris":["http://zotero.org/users/1/items/ABCD"],"itemData":{"id":12,"type":"book","title":"The Revenge of the Past","author":[{"family":"Suny","given":"Ronald Grigor"}],"issued":{"date-parts":[["1993"]]}}},{"id":13,"itemData":{"id":13,"type":"book","author":[{"family":"Şahin","given":"E."}],"issued":{"date-parts":[[2005,3]]}}}],"schema":"https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}"#;
        assert_eq!(result_of(code), Result::Citation(vec!["suny1993".into(), "sahin2005".into()]));
        let mendeley = r#"ADDIN CSL_CITATION {"citationItems":[{"id":"ITEM-1","itemData":{"id":"ITEM-1","title":"X"}}]}"#;
        assert_eq!(result_of(mendeley), Result::Citation(vec!["item-ITEM-1".into()]));
        assert_eq!(result_of("ADDIN CSL_CITATION {broken"), Result::Citation(vec![]));
    }
}
