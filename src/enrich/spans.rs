//! Runs of another script inside a paragraph (`… the note "Две республики" says …`):
//! wrapped in [`Inline::Span`] with their language, so EPUB and TEI can tag them and the PDF
//! can hyphenate them by their own rules.

use super::lang;
use super::tokens::{tokenize, Kind};
use crate::fold::{majority_script, repair_word};
use crate::model::{Inline, LangTag, Script};

/// The script a language is written in, for the languages we tag.
fn script_of_lang(tag: &LangTag) -> Option<Script> {
    match tag.as_str() {
        "ru" | "uk" | "az-Cyrl" | "be" | "bg" => Some(Script::Cyrillic),
        "en" | "tr" | "az-Latn" | "ru-Latn" | "de" | "fr" => Some(Script::Latin),
        _ => None,
    }
}

/// Wraps runs of `inlines`' text written in another script than `base` in language spans,
/// when the run's language is clear, inside emphasis, names, dates and the reading shown of
/// an editorial choice too. Text already inside spans is left alone.
pub fn tag_runs(inlines: &mut Vec<Inline>, base: Option<&LangTag>) {
    let Some(base_tag) = base else { return };
    let Some(base_script) = script_of_lang(base_tag) else { return };
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines.drain(..) {
        match inline {
            Inline::Text { text } => split(&text, base_script, base_tag, &mut out),
            Inline::Emph { mut content } => {
                tag_runs(&mut content, base);
                out.push(Inline::Emph { content });
            }
            Inline::Strong { mut content } => {
                tag_runs(&mut content, base);
                out.push(Inline::Strong { content });
            }
            // A name, a date and the reading shown of a choice are text of the paragraph.
            mut typed @ (Inline::Name { .. } | Inline::Date { .. } | Inline::Choice { .. }) => {
                if let Some(content) = typed.children_mut() {
                    tag_runs(content, base);
                }
                out.push(typed);
            }
            other => out.push(other),
        }
    }
    *inlines = out;
}

fn split(text: &str, base_script: Script, base_tag: &LangTag, out: &mut Vec<Inline>) {
    let toks = tokenize(text);
    let foreign: Vec<Option<bool>> = toks
        .iter()
        .map(|t| {
            (t.kind == Kind::Word).then(|| majority_script(&repair_word(t.text(text))) != Some(base_script))
        })
        .collect();
    let mut at = 0;
    let mut i = 0;
    while i < toks.len() {
        if foreign[i] != Some(true) {
            i += 1;
            continue;
        }
        // Extend over foreign words and whatever non-words stand between them.
        let mut last = i;
        let mut j = i + 1;
        while j < toks.len() && foreign[j] != Some(false) {
            if foreign[j] == Some(true) {
                last = j;
            }
            j += 1;
        }
        let (start, end) = (toks[i].start, toks[last].end);
        let run = &text[start..end];
        let words = foreign[i..=last].iter().filter(|f| **f == Some(true)).count();
        let letters = run.chars().filter(|c| c.is_alphabetic()).count();
        let detected = lang::detect(run).lang.filter(|l| l.primary() != base_tag.primary());
        if let Some(lang) = detected.filter(|_| words >= 2 || letters >= 8) {
            if start > at {
                out.push(Inline::text(&text[at..start]));
            }
            out.push(Inline::Span { lang, content: vec![Inline::text(run)] });
            at = end;
        }
        i = last + 1;
    }
    if at < text.len() {
        out.push(Inline::text(&text[at..]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_russian_quotation_in_english_is_tagged() {
        let en = LangTag::parse("en").unwrap();
        let mut v = vec![Inline::text("He wrote \"Две республики и одна судьба\" in 1920.")];
        tag_runs(&mut v, Some(&en));
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(
            matches!(&v[1], Inline::Span { lang, content } if lang.as_str() == "ru" && crate::model::plain_text(content) == "Две республики и одна судьба")
        );
        assert_eq!(crate::model::plain_text(&v), "He wrote \"Две республики и одна судьба\" in 1920.");
    }

    #[test]
    fn runs_inside_names_dates_and_choices_are_tagged() {
        let en = LangTag::parse("en").unwrap();
        let ru = |v: &[Inline]| matches!(v, [Inline::Span { lang, .. }] if lang.as_str() == "ru");
        let t = |s: &str| vec![Inline::text(s)];
        let mut v = vec![
            Inline::Name {
                kind: crate::model::NameKind::Organisation,
                reference: None,
                content: t("Совет народных комиссаров"),
            },
            Inline::Date { when: None, content: t("четырнадцатого мая") },
            Inline::Choice {
                kind: crate::model::ChoiceKind::Correction,
                shown: t("Две республики и одна судьба"),
                other: t("Две републики"),
            },
        ];
        tag_runs(&mut v, Some(&en));
        for inline in &v {
            assert!(ru(inline.children()), "{inline:?}");
        }
        // The reading kept aside is not the paragraph's text.
        let Inline::Choice { other, .. } = &v[2] else { panic!() };
        assert_eq!(other, &t("Две републики"));
    }

    #[test]
    fn same_script_text_is_untouched() {
        let en = LangTag::parse("en").unwrap();
        let mut v = vec![Inline::text("Nothing to tag here, Zangezur.")];
        tag_runs(&mut v, Some(&en));
        assert_eq!(v, vec![Inline::text("Nothing to tag here, Zangezur.")]);
    }
}
