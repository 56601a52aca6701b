//! Front matter: titles, author lines and notes, abstracts and keyword lists.
//!
//! A small state machine over units. Abstract and keyword headings carry their language, so
//! a title printed directly above an abstract heading takes that heading's language.

use super::features::{find_affiliation, find_email, find_orcid, heading_like, prose_like};
use super::lexicon::{
    heading_key, is_reference_heading, lookup, split_inline_heading, ABSTRACT_HEADINGS, KEYWORD_HEADINGS,
};
use super::markers::Form;
use super::units::{is_page_number, is_separator, Unit};
use crate::diag::Diagnostic;
use crate::model::{Abstract, Author, Block, Inline, KeywordList, LangTag, Meta, Title};

enum State {
    Front,
    Abstract,
}

/// Reads the front matter; returns the metadata found and the index of the first body unit.
pub fn read_front(units: &[Unit], diags: &mut Vec<Diagnostic>) -> (Meta, usize) {
    let mut meta = Meta::default();
    let mut state = State::Front;
    // Titles whose language waits for the next abstract heading.
    let mut pending_titles: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let unit = &units[i];
        let text = unit.text();
        let first = unit.first();
        if is_reference_heading(text) {
            break;
        }
        if is_separator(first) || is_page_number(first) {
            i += 1;
            continue;
        }
        // Author notes: `*`, `†`, `^{*}`.
        if let Some((m, at)) = unit.label() {
            let at = *at;
            if m.form == Form::Symbol {
                add_author_note(&mut meta, unit.text_from(at), unit.line(), diags);
                i += 1;
                continue;
            }
            // A numbered note before any prose: the body (and its notes) begin here.
            break;
        }
        // Abstract heading, alone or inline (`Abstract: text`).
        let key = heading_key(text);
        if text.chars().count() <= 40 {
            if let Some(lang) = lookup(ABSTRACT_HEADINGS, &key) {
                open_abstract(&mut meta, &mut pending_titles, Some(text.trim().to_string()), lang);
                state = State::Abstract;
                i += 1;
                continue;
            }
        }
        if let Some((head, lang, rest)) = split_inline_heading(ABSTRACT_HEADINGS, text) {
            if !rest.is_empty() {
                open_abstract(&mut meta, &mut pending_titles, Some(head.to_string()), lang);
                push_abstract_text(&mut meta, rest);
                state = State::Abstract;
                i += 1;
                continue;
            }
        }
        // Keyword list, inline or under its own heading.
        if let Some((head, lang, rest)) = keyword_line(units, i, text) {
            let consumed = if rest.is_none() { 2 } else { 1 };
            let list =
                rest.unwrap_or_else(|| units.get(i + 1).map(|u| u.text().to_string()).unwrap_or_default());
            meta.keywords.push(KeywordList {
                lang: LangTag::parse(lang).ok(),
                heading: Some(head),
                terms: split_terms(&list),
            });
            state = State::Front;
            i += consumed;
            continue;
        }
        match state {
            State::Abstract if !heading_like(text) || prose_like(text) => {
                push_abstract_text(&mut meta, text);
                i += 1;
                continue;
            }
            _ => {}
        }
        if prose_like(text) {
            break; // the body begins
        }
        if title_like(text) {
            state = State::Front;
            if let Some(name) = author_line(text) {
                meta.authors.push(Author { name: Some(name), ..Author::default() });
            } else {
                pending_titles.push(meta.titles.len());
                meta.titles.push(Title { text: text.trim().to_string(), lang: None });
            }
            i += 1;
            continue;
        }
        break;
    }
    if meta.titles.is_empty() && meta.abstracts.is_empty() && meta.authors.is_empty() {
        diags.push(Diagnostic::info(
            "no-front-matter",
            1,
            "no title, author or abstract was recognised before the body",
        ));
    }
    (meta, i)
}

/// A title or author line: short, not prose, no sentence break inside (a final point is
/// allowed, as in `у 1918–1919 рр.`).
fn title_like(text: &str) -> bool {
    let t = text.trim();
    heading_like(t)
        || (t.chars().count() <= 250
            && !prose_like(t)
            && !t.trim_end_matches('.').contains(". ")
            && t.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

fn open_abstract(meta: &mut Meta, pending_titles: &mut Vec<usize>, heading: Option<String>, lang: &str) {
    let lang = LangTag::parse(lang).ok();
    for t in pending_titles.drain(..) {
        if meta.titles[t].lang.is_none() {
            meta.titles[t].lang = lang.clone();
        }
    }
    meta.abstracts.push(Abstract { lang, heading, content: Vec::new() });
}

/// Adds a paragraph to the open abstract, or continues its last paragraph when the
/// previous text stopped mid-sentence and this one goes on in lower case (a page cut).
fn push_abstract_text(meta: &mut Meta, text: &str) {
    let Some(abs) = meta.abstracts.last_mut() else { return };
    if let Some(Block::Paragraph { content, .. }) = abs.content.last_mut() {
        if let [Inline::Text { text: prev }] = content.as_mut_slice() {
            if !super::join::ends_sentence(prev) && super::join::starts_lower(text) {
                *prev = super::join::join_cut(prev, text, &|_| 0).0;
                return;
            }
        }
    }
    abs.content.push(Block::paragraph(vec![Inline::text(text.trim())]));
}

/// Recognises `Keywords: a, b` (rest = Some) or a lone `Keywords` heading (rest = None).
fn keyword_line(units: &[Unit], i: usize, text: &str) -> Option<(String, &'static str, Option<String>)> {
    if let Some((head, lang, rest)) = split_inline_heading(KEYWORD_HEADINGS, text) {
        if !rest.is_empty() {
            return Some((head.to_string(), lang, Some(rest.to_string())));
        }
    }
    let lang = lookup(KEYWORD_HEADINGS, &heading_key(text))?;
    units.get(i + 1)?;
    Some((text.trim().trim_end_matches(':').trim().to_string(), lang, None))
}

/// Splits a keyword list at commas or semicolons; the final period goes.
fn split_terms(list: &str) -> Vec<String> {
    let list = list.trim().trim_end_matches('.');
    let sep = if list.contains(';') { ';' } else { ',' };
    list.split(sep).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// An author line ends with the call of the author note (`Name*`, `Name^{*}`).
fn author_line(text: &str) -> Option<String> {
    let t = text.trim();
    for marker in ["$^{*}$", "^{*}", "$^*$", "^*", "*", "†"] {
        if let Some(name) = t.strip_suffix(marker) {
            let name = name.trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    None
}

fn add_author_note(meta: &mut Meta, note: String, line: u32, diags: &mut Vec<Diagnostic>) {
    let email = find_email(&note).map(str::to_string);
    let orcid = find_orcid(&note).map(str::to_string);
    let affiliation = find_affiliation(&note);
    if affiliation.is_none() {
        diags.push(Diagnostic::info(
            "author-note",
            line,
            "author note read, but no affiliation recognised in it",
        ));
    }
    // The note belongs to the first author still without one.
    let author = match meta.authors.iter_mut().find(|a| a.note.is_none()) {
        Some(a) => a,
        None => {
            meta.authors.push(Author::default());
            meta.authors.last_mut().expect("just pushed")
        }
    };
    author.email = author.email.take().or(email);
    author.orcid = author.orcid.take().or(orcid);
    author.affiliation = author.affiliation.take().or(affiliation);
    author.note = Some(note);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::units::units;

    #[test]
    fn reads_bilingual_front_matter() {
        let src = "Özet\n\nBu makale bir tarihçe sunmaktadır ve uzun bir özet metnidir; burada daha fazla kelime var ki düzyazı gibi görünsün, yeterince uzun olsun diye devam ediyor ve ediyor ve nihayet bitiyor.\n\n^{*} Dr., Baku State University, a@b.az\n\nAnahtar Kelimeler: Rusya, Ermeniler.\n\nTHE ENGLISH TITLE\n\nAbstract\n\nThis article provides a historical outlook and goes on and on for a long while so that it is prose, with many words in it, I would make\n\ngive autonomy to them.\n\nKeywords: Russia, Armenians.\n\nThis is the body of the article, long enough to be prose for sure, with many words and a final full stop at the end of it all, really.";
        let u = units(src);
        let mut d = Vec::new();
        let (meta, start) = read_front(&u, &mut d);
        assert_eq!(start, u.len() - 1);
        assert_eq!(
            meta.titles,
            [Title { text: "THE ENGLISH TITLE".into(), lang: LangTag::parse("en").ok() }]
        );
        assert_eq!(meta.abstracts.len(), 2);
        assert_eq!(meta.abstracts[1].content.len(), 1, "page cut inside the abstract is joined");
        assert_eq!(meta.keywords[0].terms, ["Rusya", "Ermeniler"]);
        assert_eq!(meta.keywords[1].lang.as_ref().unwrap().as_str(), "en");
        let a = &meta.authors[0];
        assert_eq!(a.affiliation.as_deref(), Some("Baku State University"));
        assert_eq!(a.email.as_deref(), Some("a@b.az"));
    }

    #[test]
    fn author_line_with_note_call() {
        assert_eq!(author_line("Ayşe Yılmaz*").as_deref(), Some("Ayşe Yılmaz"));
        assert_eq!(author_line("Ivan Petrov^{*}").as_deref(), Some("Ivan Petrov"));
        assert_eq!(author_line("A Title"), None);
    }
}
