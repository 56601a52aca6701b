//! Editorial and quoting markup inside prose, read so that the text reads right:
//! `<choice>` becomes an editorial choice holding both readings, `<del>` is reported, and an
//! inline quotation (`<q>`, `<said>`, `<quote>` inside a phrase) gets the quotation marks
//! TEI leaves to rendering.
//!
//! A `<choice>` of a `corr` and a `sic`, a `reg` and an `orig`, or an `expan` and an `abbr`
//! (in either order) is an [`Inline::Choice`](crate::model::Inline::Choice): the corrected,
//! regularised or expanded reading shown, the source's form kept beside it. The pair is the
//! first of these three found; any other child of the `<choice>` (a second `corr`, a `seg`,
//! a second pair) is left out and reported once per document (`tei-choice-reading`). A
//! `<choice>` without such a pair keeps one reading as text — the first `corr`, `reg` or
//! `expan`, else its first child — and reports the others the same way.

use crate::model::{ChoiceKind, Inline, LangTag};
use crate::read::xml::El;

/// The readings read from a `<choice>`.
pub(super) struct Readings<'a> {
    /// The pair held as a choice: its kind, the reading shown and the one kept aside.
    pub(super) pair: Option<(ChoiceKind, &'a El, &'a El)>,
    /// Without a pair, the one reading kept as text.
    pub(super) single: Option<&'a El>,
    /// The children left out.
    pub(super) dropped: Vec<&'a El>,
}

/// The readings of a `<choice>`: the pair it holds, or the one reading kept, and the rest.
pub(super) fn readings(choice: &El) -> Readings<'_> {
    let kids: Vec<&El> = choice.children().collect();
    let rest = |kept: &[&El]| -> Vec<&El> {
        kids.iter().filter(|k| !kept.iter().any(|x| std::ptr::eq(*x, **k))).copied().collect()
    };
    let kinds = [
        (ChoiceKind::Correction, "corr", "sic"),
        (ChoiceKind::Regularisation, "reg", "orig"),
        (ChoiceKind::Expansion, "expan", "abbr"),
    ];
    for (kind, shown, other) in kinds {
        let s = kids.iter().find(|k| k.name == shown);
        let o = kids.iter().find(|k| k.name == other);
        if let (Some(s), Some(o)) = (s, o) {
            return Readings { pair: Some((kind, s, o)), single: None, dropped: rest(&[s, o]) };
        }
    }
    let single = kinds
        .iter()
        .find_map(|(_, shown, _)| kids.iter().find(|k| k.name == *shown))
        .or(kids.first())
        .copied();
    Readings { pair: None, single, dropped: single.map_or_else(Vec::new, |s| rest(&[s])) }
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

    fn body(xml: &str) -> (Vec<Inline>, Vec<&'static str>) {
        let (body, diags) = super::super::read_body(&format!("<p>{xml}</p>"));
        (body[0].content().to_vec(), diags.iter().map(|d| d.code).collect())
    }

    fn choice(kind: ChoiceKind, shown: &str, other: &str) -> Inline {
        Inline::Choice { kind, shown: vec![Inline::text(shown)], other: vec![Inline::text(other)] }
    }

    #[test]
    fn a_choice_holds_both_readings_in_either_order_and_no_deleted_text() {
        let (text, codes) = read("<choice><sic>teh</sic><corr>the</corr></choice> <choice><expan>дело</expan><abbr>д.</abbr></choice> <del>struck</del>end");
        assert_eq!(text, "the дело end");
        assert_eq!(codes, ["tei-deletion-left-out"]);
        let (content, _) = body(
            "<choice><sic>teh</sic><corr>the</corr></choice><choice><orig>musick</orig><reg>music</reg></choice><choice><expan>doctor</expan><abbr>Dr</abbr></choice>",
        );
        assert_eq!(
            content,
            [
                choice(ChoiceKind::Correction, "the", "teh"),
                choice(ChoiceKind::Regularisation, "music", "musick"),
                choice(ChoiceKind::Expansion, "doctor", "Dr"),
            ]
        );
    }

    #[test]
    fn readings_beyond_the_pair_are_reported() {
        let (content, codes) =
            body("<choice><corr>a</corr><corr>b</corr><sic>c</sic></choice> <choice><seg>x</seg><seg>y</seg></choice>");
        assert_eq!(content, [choice(ChoiceKind::Correction, "a", "c"), Inline::text(" x")]);
        assert_eq!(codes, ["tei-choice-reading"]);
        // A lone reading loses nothing.
        let (content, codes) = body("<choice><expan>and</expan></choice>");
        assert_eq!(content, [Inline::text("and")]);
        assert!(codes.is_empty(), "{codes:?}");
    }

    #[test]
    fn readings_hold_markup_and_notes() {
        let (content, _) = body(
            "<choice><corr><hi rend=\"italic\">the</hi><note n=\"1\">Corrected.</note></corr><sic>teh</sic></choice>",
        );
        let [Inline::Choice { shown, .. }] = content.as_slice() else { panic!("{content:?}") };
        assert!(matches!(shown[0], Inline::Emph { .. }) && matches!(shown[1], Inline::Note(_)), "{shown:?}");
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
