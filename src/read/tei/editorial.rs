//! Editorial and quoting markup inside prose, read so that the text reads right:
//! `<choice>` becomes an editorial choice holding both readings, `<del>` is reported, and an
//! inline quotation (`<q>`, `<said>`, `<soCalled>`, `<quote>` inside a phrase) is a quoted
//! run, its marks left to rendering as TEI leaves them, single or double as `@rend` or
//! `@rendition` says.
//!
//! A `<choice>` of a `corr` and a `sic`, a `reg` and an `orig`, or an `expan` and an `abbr`
//! (in either order) is an [`Inline::Choice`](crate::model::Inline::Choice): the corrected,
//! regularised or expanded reading shown, the source's form kept beside it. The pair is the
//! first of these three found; any other child of the `<choice>` (a second `corr`, a `seg`,
//! a second pair) is left out and reported once per document (`tei-choice-reading`). A
//! `<choice>` without such a pair keeps one reading as text — the first `corr`, `reg` or
//! `expan`, else its first child — and reports the others the same way.

use crate::model::{ChoiceKind, Inline, QuoteStyle};
use crate::read::xml::El;
use std::collections::HashMap;

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

/// How an inline quotation's marks are drawn: single when its `@rend` says so (`single`,
/// `sq`, a single mark in `pre(‘)`) or a `@rendition` it points to gives one as CSS
/// `content`; double otherwise.
pub(super) fn quote_style(el: &El, renditions: &HashMap<String, String>) -> QuoteStyle {
    let single_mark = |s: &str| s.contains(['‘', '’', '‚', '‹', '›', '\'']);
    let rend = el.attr("rend").unwrap_or("");
    let says = rend.split_whitespace().any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("single") || matches!(t.as_str(), "sq" | "squo" | "squote" | "lsquo") || single_mark(&t)
    });
    let points = el.attr("rendition").into_iter().flat_map(str::split_whitespace).any(|p| {
        let id = p.strip_prefix('#').unwrap_or(p);
        renditions.get(id).is_some_and(|css| css.contains("content") && single_mark(css))
    });
    if says || points {
        QuoteStyle::Single
    } else {
        QuoteStyle::Double
    }
}

/// Whether `content` already opens with a quotation mark: the transcription kept the marks.
pub(super) fn already_marked(content: &[Inline]) -> bool {
    let first = content.iter().find_map(|i| match i {
        Inline::Text { text } => text.trim_start().chars().next(),
        _ => None,
    });
    first.is_some_and(|c| "\"'«»„“”‘’‚‹›「『".contains(c))
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

    fn quoted(style: QuoteStyle, text: &str) -> Inline {
        Inline::Quoted { style, content: vec![Inline::text(text)] }
    }

    #[test]
    fn inline_quotations_are_quoted_runs() {
        let (content, codes) = body(
            "He said <q>yes</q>, <said xml:lang=\"fr\">oui</said>, a <soCalled>friend</soCalled>, <quote>no</quote>.",
        );
        let fr = crate::model::LangTag::parse("fr").unwrap();
        assert_eq!(
            content,
            [
                Inline::text("He said "),
                quoted(QuoteStyle::Double, "yes"),
                Inline::text(", "),
                Inline::Span { lang: fr, content: vec![quoted(QuoteStyle::Double, "oui")] },
                Inline::text(", a "),
                quoted(QuoteStyle::Double, "friend"),
                Inline::text(", "),
                quoted(QuoteStyle::Double, "no"),
                Inline::text(".")
            ]
        );
        assert!(codes.is_empty(), "{codes:?}");
    }

    #[test]
    fn single_marks_are_single_quotations() {
        let header = "<teiHeader><encodingDesc><tagsDecl><rendition xml:id=\"pre\" scheme=\"css\" scope=\"before\">content:\"‘\";</rendition></tagsDecl></encodingDesc></teiHeader>";
        let xml = format!(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">{header}<text><body><p><q rend=\"single\">a</q> <q rend=\"pre(‘) post(’)\">b</q> <q rendition=\"#pre\">c</q> <q rend=\"inline\">d</q></p></body></text></TEI>"
        );
        let (doc, _) = super::super::read(std::path::Path::new("t.xml"), &xml).unwrap();
        let styles: Vec<QuoteStyle> = doc.body[0]
            .content()
            .iter()
            .filter_map(|i| if let Inline::Quoted { style, .. } = i { Some(*style) } else { None })
            .collect();
        use QuoteStyle::*;
        assert_eq!(styles, [Single, Single, Single, Double]);
    }

    #[test]
    fn text_already_in_marks_is_left_as_it_is() {
        let (content, codes) = body("<q>“said”</q> and <q>‘this’</q>");
        assert_eq!(content, [Inline::text("“said” and ‘this’")]);
        assert_eq!(codes, ["tei-quotation-marked"]);
    }
}
