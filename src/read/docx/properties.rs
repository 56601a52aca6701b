//! The document properties (`docProps/core.xml`): title, authors, language, dates and
//! keywords, taken where the text itself did not give them (a title paragraph wins over a
//! stale property). The document's language is `dc:language` when set; Word's default
//! proofing language (`w:docDefaults`) is only the template's, so without `dc:language` the
//! language is decided from the paragraphs, Word's own tags first.

use crate::diag::Diagnostic;
use crate::model::{Author, KeywordList, LangTag, Meta, Title};
use crate::read::xml::El;

/// Fills what the text left empty in `meta` from the core properties.
pub(super) fn apply(core: Option<&El>, meta: &mut Meta, diags: &mut Vec<Diagnostic>) {
    let Some(core) = core else { return };
    let value = |name: &str| core.child(name).map(|e| e.text()).filter(|v| !v.is_empty());
    if meta.titles.is_empty() {
        if let Some(title) = value("title") {
            meta.titles.push(Title { text: title, lang: None });
        }
    }
    if meta.authors.is_empty() {
        if let Some(creator) = value("creator") {
            meta.authors.extend(
                creator
                    .split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(|n| Author { name: Some(n.to_string()), ..Author::default() }),
            );
        }
    }
    if let Some(lang) = value("language") {
        match LangTag::parse(&lang) {
            Ok(tag) if meta.lang.is_none() => meta.lang = Some(tag),
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::info(
                "docx-bad-language",
                0,
                format!("docProps/core.xml: dc:language {e}; ignored"),
            )),
        }
    }
    // When the file was created or saved is not when the article was published: kept
    // apart from the publication date.
    for (name, key) in [("created", "docx-created"), ("modified", "docx-modified")] {
        if let Some(v) = value(name) {
            meta.extra.insert(key.into(), v);
        }
    }
    if meta.keywords.is_empty() {
        if let Some(k) = value("keywords") {
            let terms: Vec<String> =
                k.split([',', ';']).map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
            if !terms.is_empty() {
                meta.keywords.push(KeywordList { lang: None, heading: None, terms });
            }
        }
    }
}
