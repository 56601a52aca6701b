//! Editorial and quoting markup inside prose, read so that the text reads right:
//! `<choice>` keeps one reading (never both glued together), `<del>` is reported, and an
//! inline quotation (`<q>`, `<said>`, `<quote>` inside a phrase) gets the quotation marks
//! TEI leaves to rendering.
//!
//! The reading kept from a `<choice>`: the corrected (`corr`), regularised (`reg`) or
//! expanded (`expan`) one, which is what a reader of an article reads; the source's form
//! (`sic`, `orig`, `abbr`) is left out, reported once per document. A `<choice>` of other
//! children keeps its first.

use super::tree::El;
use crate::model::{Inline, LangTag};

/// The child of a `<choice>` whose reading is kept, and the name of the reading left out.
pub(super) fn reading(choice: &El) -> Option<(&El, Option<&str>)> {
    let kids: Vec<&El> = choice.children().collect();
    for (kept, other) in [("corr", "sic"), ("reg", "orig"), ("expan", "abbr")] {
        if let Some(k) = kids.iter().find(|k| k.name == kept) {
            let left = kids.iter().find(|k| k.name == other).map(|_| other);
            return Some((k, left));
        }
    }
    kids.first().map(|k| (*k, None))
}

/// The opening and closing quotation marks of `lang`'s typography (“…” where none is known).
pub(super) fn marks(lang: Option<&LangTag>) -> (&'static str, &'static str) {
    let primary = lang.map(|l| l.as_str().split('-').next().unwrap_or("").to_ascii_lowercase());
    match primary.as_deref() {
        Some(
            "ru" | "uk" | "be" | "fr" | "es" | "it" | "pt" | "ca" | "el" | "hy" | "fa" | "ar" | "ka" | "no"
            | "nb",
        ) => ("«", "»"),
        Some("de" | "cs" | "sk" | "bg" | "lt" | "sl" | "hr" | "sr" | "et" | "ro" | "pl" | "hu") => ("„", "“"),
        _ => ("“", "”"),
    }
}

/// `content` between the quotation marks, unless it already opens with one.
pub(super) fn quoted(content: Vec<Inline>, (open, close): (&str, &str)) -> Vec<Inline> {
    let first = content.iter().find_map(|i| match i {
        Inline::Text { text } => text.trim_start().chars().next(),
        _ => None,
    });
    if first.is_some_and(|c| "\"'«»„“”‘’‚‹›「『".contains(c)) || content.is_empty() {
        return content;
    }
    let mut out = Vec::with_capacity(content.len() + 2);
    out.push(Inline::text(open));
    out.extend(content);
    out.push(Inline::text(close));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> (String, Vec<&'static str>) {
        let xml = format!("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\"><text><body><p>{xml}</p></body></text></TEI>");
        let (doc, diags) = super::super::read(std::path::Path::new("t.xml"), &xml).unwrap();
        (crate::model::plain_text(doc.body[0].content()), diags.iter().map(|d| d.code).collect())
    }

    #[test]
    fn one_reading_of_a_choice_and_no_deleted_text() {
        let (text, codes) = read("<choice><sic>teh</sic><corr>the</corr></choice> <choice><expan>дело</expan><abbr>д.</abbr></choice> <del>struck</del>end");
        assert_eq!(text, "the дело end");
        assert_eq!(codes, ["tei-choice-reading", "tei-deletion-left-out"]);
    }

    #[test]
    fn inline_quotations_get_the_marks_of_their_language() {
        let (text, codes) = read("Он сказал <q>да</q>, <said xml:lang=\"en\">yes</said>.");
        assert_eq!(text, "Он сказал «да», “yes”.");
        assert_eq!(codes, ["tei-quotation-marks"]);
    }

    #[test]
    fn marks_follow_the_language() {
        let tag = |s: &str| LangTag::parse(s).unwrap();
        assert_eq!(marks(Some(&tag("ru"))), ("«", "»"));
        assert_eq!(marks(Some(&tag("de-AT"))), ("„", "“"));
        assert_eq!(marks(None), ("“", "”"));
    }

    #[test]
    fn text_already_in_marks_is_left_as_it_is() {
        let inner = vec![Inline::text("“said”")];
        assert_eq!(quoted(inner.clone(), ("«", "»")), inner);
        let q = quoted(vec![Inline::text("yes")], ("«", "»"));
        assert_eq!(crate::model::plain_text(&q), "«yes»");
    }
}
