//! Front matter: titles, author lines and notes, abstracts and keyword lists.
//!
//! A small state machine over units. Abstract and keyword headings carry their language, so
//! a title printed directly above an abstract heading takes that heading's language.

use super::features::{find_affiliation, find_email, find_orcid, heading_like, prose_like};
use super::lexicon::{
    heading_key, is_reference_heading, leading_heading, lookup, split_inline_heading, ABSTRACT_HEADINGS,
    KEYWORD_HEADINGS,
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
        // A note whose number stands alone on its first line (`1` / `Text…`) is no folio.
        if (is_separator(first) || is_page_number(first)) && !unit.is_foot_note() {
            i += 1;
            continue;
        }
        // A subject classification (`УДК 94(479.24)`), printed above or below the title.
        if let Some((scheme, code)) = super::lexicon::classification(text) {
            meta.extra.insert(scheme.to_string(), code.to_string());
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
        // Abstract heading, alone or inline (`Abstract: text`, `Abstract This article…`).
        if let Some((head, lang, rest)) = leading_heading(ABSTRACT_HEADINGS, text) {
            if !rest.is_empty() || text.chars().count() <= 40 {
                open_abstract(&mut meta, &mut pending_titles, Some(head.to_string()), lang);
                if !rest.is_empty() {
                    push_abstract_text(&mut meta, rest);
                }
                state = State::Abstract;
                i += 1;
                continue;
            }
        }
        // Title lines and author lines in one unit (extractors that keep printed lines), or
        // the next author's name on a line of its own.
        if meta.abstracts.is_empty() && matches!(state, State::Front) {
            if meta.titles.is_empty() && unit.lines.len() > 1 {
                if let Some((title, names, rest)) = head_block(unit) {
                    pending_titles.push(meta.titles.len());
                    meta.titles.push(Title { text: title, lang: None });
                    meta.authors
                        .extend(names.into_iter().map(|n| Author { name: Some(n), ..Author::default() }));
                    if let Some(rest) = rest {
                        authors_note(&mut meta, &rest, unit.line(), diags);
                    }
                    i += 1;
                    continue;
                }
            }
            if !meta.titles.is_empty() && unit.lines.len() <= 2 {
                if let Some(names) = names(text) {
                    meta.authors
                        .extend(names.into_iter().map(|n| Author { name: Some(n), ..Author::default() }));
                    i += 1;
                    continue;
                }
            }
            // Author lines, then the authors' note in the same unit (the title stood apart).
            if !meta.titles.is_empty() {
                if let Some((names, rest)) = author_block(unit) {
                    meta.authors
                        .extend(names.into_iter().map(|n| Author { name: Some(n), ..Author::default() }));
                    authors_note(&mut meta, &rest, unit.line(), diags);
                    i += 1;
                    continue;
                }
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
        // Once there is an abstract, a heading opens the body, and a paragraph that starts
        // with an author's name is the authors' note (affiliations), not more abstract.
        let abstract_follows = units[i + 1..].iter().take(3).any(|u| {
            leading_heading(ABSTRACT_HEADINGS, u.text())
                .is_some_and(|(_, _, rest)| rest.is_empty() || u.lines.len() > 1)
        });
        // Without an abstract, a heading after the title and its authors that prose follows
        // opens the body too (`Einleitung`, `Giriş`).
        let prose_follows = units.get(i + 1).is_some_and(|u| prose_like(u.text()));
        let front_done = !meta.abstracts.is_empty()
            || !meta.titles.is_empty() && !meta.authors.is_empty() && prose_follows;
        if front_done && heading_like(text) && !prose_like(text) && !abstract_follows {
            break;
        }
        if matches!(state, State::Abstract)
            && meta.authors.iter().filter_map(|a| a.name.as_deref()).any(|n| text.starts_with(n))
        {
            authors_note(&mut meta, text, unit.line(), diags);
            state = State::Front;
            i += 1;
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

/// Reads an authors' note that names them (`Name, affiliation; Name, affiliation.`): each
/// part goes to its author, the rest is an author note as usual.
fn authors_note(meta: &mut Meta, text: &str, line: u32, diags: &mut Vec<Diagnostic>) {
    for part in text.split("; ") {
        let part = part.trim().trim_end_matches('.');
        match meta.authors.iter().position(|a| a.name.as_deref().is_some_and(|n| part.starts_with(n))) {
            Some(k) if meta.authors[k].note.is_none() => {
                let name_len = meta.authors[k].name.as_deref().map_or(0, str::len);
                let rest = part[name_len..].trim_start_matches([',', ' ']).to_string();
                let a = &mut meta.authors[k];
                a.affiliation = a.affiliation.take().or_else(|| (!rest.is_empty()).then(|| rest.clone()));
                a.email = a.email.take().or_else(|| find_email(part).map(str::to_string));
                a.note = Some(part.to_string());
            }
            _ => add_author_note(meta, part.to_string(), line, diags),
        }
    }
}

/// Splits a unit of title lines followed by author lines: the names are read from the end
/// up, and a line stays in the title when the line above it ends with a word no title ends
/// with (`of the`, `und der`). Returns the title (lines joined) and the names.
fn head_block(unit: &Unit) -> Option<(String, Vec<String>, Option<String>)> {
    let all: Vec<&str> = unit.lines.iter().map(|l| l.text.trim()).collect();
    let rest_at = note_start(&all);
    let lines = &all[..rest_at];
    let rest = (rest_at < all.len()).then(|| super::join::join_lines(&all[rest_at..]));
    let mut split = lines.len();
    let mut found: Vec<Vec<String>> = Vec::new();
    while split > 1 {
        let Some(n) = names(lines[split - 1]) else { break };
        let above = lines[split - 2].split_whitespace().last().unwrap_or("").to_lowercase();
        if TITLE_RUN_ON.contains(&above.as_str()) {
            break;
        }
        found.push(n);
        split -= 1;
    }
    if found.is_empty() {
        return None;
    }
    let title = super::join::join_lines(&lines[..split]);
    if title.chars().count() > 300 || prose_like(&title) {
        return None;
    }
    Some((title, found.into_iter().rev().flatten().collect(), rest))
}

/// Where the authors' note begins among a unit's lines, or `lines.len()`: it may follow the
/// author lines in the same unit, and opens with a name printed above it
/// (`Margaret L. Ellison, School of History…`).
fn note_start(lines: &[&str]) -> usize {
    (1..lines.len())
        .find(|&r| lines[..r].iter().any(|n| names(n).is_some() && lines[r].starts_with(&format!("{n},"))))
        .unwrap_or(lines.len())
}

/// Splits a unit of author lines followed by the authors' note that opens with one of their
/// names (the title printed apart above): every line before the note must be an author line.
/// Returns the names and the note.
fn author_block(unit: &Unit) -> Option<(Vec<String>, String)> {
    let all: Vec<&str> = unit.lines.iter().map(|l| l.text.trim()).collect();
    let rest_at = note_start(&all);
    if rest_at == all.len() {
        return None;
    }
    let mut found = Vec::new();
    for line in &all[..rest_at] {
        found.extend(names(line)?);
    }
    Some((found, super::join::join_lines(&all[rest_at..])))
}

/// Words after which a title goes on to the next line.
const TITLE_RUN_ON: &[&str] = &[
    "of", "the", "and", "in", "on", "for", "to", "a", "an", "at", "from", "with", "der", "die", "das", "und",
    "im", "von", "zur", "des", "и", "в", "на", "о", "по", "і", "у", "та", "ve", "ile", "və", "de", "la",
    "le", "et", "du", "des",
];

/// The person names of an author line (`Margaret L. Ellison`, `A. Smith and B. Jones`,
/// `Иванов И. И.`, `Selim Kaya Ertürk*`), or `None` when the line is not one.
pub(super) fn names(line: &str) -> Option<Vec<String>> {
    let t = line.trim().trim_end_matches(['*', '†', '‡', ',']).trim();
    if t.is_empty()
        || t.chars().count() > 120
        || t.chars().any(|c| c.is_ascii_digit() || ":;!?()[]\"«»“”".contains(c))
    {
        return None;
    }
    let mut out = Vec::new();
    for part in t.split(", ").flat_map(|p| {
        p.split(" and ")
            .flat_map(|p| p.split(" и "))
            .flat_map(|p| p.split(" ve "))
            .flat_map(|p| p.split(" və "))
            .flat_map(|p| p.split(" und "))
            .flat_map(|p| p.split(" & "))
    }) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let name_word = |w: &&str| {
            let w = w.trim_end_matches(['*', '†']);
            NAME_PARTICLES.contains(&w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
                    && !(w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 2)
        };
        let initials = words.iter().filter(|w| w.ends_with('.')).count();
        if georgian_name(&words) {
            out.push(part.trim().to_string());
            continue;
        }
        if !words.iter().all(name_word) || initials == words.len() {
            return None;
        }
        if (2..=4).contains(&words.len()) {
            out.push(part.trim().to_string());
            continue;
        }
        // Two names that the extractor ran together (`Margaret L. Ellison Tomasz Wrona`):
        // split where both halves are names of the same shape (both end with a surname, or
        // both with initials, as in `Иванов И. И. Петров П. П.`).
        let is_initial = |w: &str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2;
        let splits: Vec<usize> = (2..words.len().saturating_sub(1))
            .filter(|&k| k <= 4 && words.len() - k <= 4)
            .filter(|&k| is_initial(words[k - 1]) == is_initial(words[words.len() - 1]))
            .filter(|&k| !is_initial(words[k]) && !is_initial(words[0]))
            .collect();
        // Capitalised function words (`The`, `And`, `Und`) belong to titles, not names.
        let title_word = |w: &&str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && TITLE_RUN_ON.contains(&w.to_lowercase().as_str())
        };
        if words.iter().any(title_word) {
            return None;
        }
        let [k] = splits[..] else { return None };
        out.push(words[..k].join(" "));
        out.push(words[k..].join(" "));
    }
    // Headings and title words in capitals are not names.
    (!out.is_empty() && !t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)).then_some(out)
}

/// Georgian script has no capitals, so a name is told by its shape: two or three words of
/// Georgian letters (the first may be an initial, `გ.`), the last ending as Georgian surnames
/// end (`-შვილი`, `-ძე`, `-ია`, `-უა`, `-ავა`, `-ანი`, `-ელი`, `-ური`, `-ული`).
fn georgian_name(words: &[&str]) -> bool {
    const SURNAME_ENDINGS: &[&str] = &["შვილი", "ძე", "ია", "უა", "ავა", "ანი", "ელი", "ური", "ული"];
    let georgian = |w: &str| {
        let w = w.trim_end_matches(['.', '*', '†']);
        !w.is_empty() && w.chars().all(|c| ('\u{10d0}'..='\u{10ff}').contains(&c) || c == '-')
    };
    (2..=3).contains(&words.len())
        && words.iter().all(|w| georgian(w))
        && words
            .last()
            .is_some_and(|w| SURNAME_ENDINGS.iter().any(|e| w.trim_end_matches(['*', '†']).ends_with(e)))
}

/// Lower-case parts of names.
const NAME_PARTICLES: &[&str] =
    &["von", "van", "der", "de", "da", "di", "du", "la", "le", "ibn", "bin", "al-", "zu", "oğlu", "qızı"];

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
    fn title_and_author_lines_of_one_unit_are_told_apart() {
        let src = "Grain, Credit and Quarantine: The Riga Exchange\nCommittee and the Cattle Plague Scare of 1877\nMargaret L. Ellison\n\nTomasz Wrona\n\nAbstract This article follows the committee through a scare, and it argues that the merchants wanted rules, not exemptions, which they got.\n\nIntroduction\n\nIn the spring of 1877 the grain merchants of Riga received two pieces of bad news within a fortnight, and more.";
        let u = units(src);
        let mut d = Vec::new();
        let (meta, start) = read_front(&u, &mut d);
        assert_eq!(
            meta.titles[0].text,
            "Grain, Credit and Quarantine: The Riga Exchange Committee and the Cattle Plague Scare of 1877"
        );
        let names: Vec<_> = meta.authors.iter().filter_map(|a| a.name.as_deref()).collect();
        assert_eq!(names, ["Margaret L. Ellison", "Tomasz Wrona"]);
        assert_eq!(meta.abstracts.len(), 1);
        assert_eq!(u[start].text(), "Introduction");
    }

    #[test]
    fn author_lines_over_their_note_in_one_unit_below_the_title() {
        let src = "Grain, Credit and Quarantine: The\nRiga Exchange Committee and the\nCattle Plague Scare of 1877\n\nMargaret L. Ellison\nTomasz Wrona\nMargaret L. Ellison, School of History, University of Leeds; Tomasz Wrona, Institute of History,\nUniversity of Gdańsk.\n\nIntroduction\n\nIn the spring of 1877 the grain merchants of Riga received two pieces of bad news within a fortnight, and more.";
        let u = units(src);
        let mut d = Vec::new();
        let (meta, start) = read_front(&u, &mut d);
        assert_eq!(meta.titles.len(), 1);
        let names: Vec<_> = meta.authors.iter().filter_map(|a| a.name.as_deref()).collect();
        assert_eq!(names, ["Margaret L. Ellison", "Tomasz Wrona"]);
        assert_eq!(
            meta.authors[1].affiliation.as_deref(),
            Some("Institute of History, University of Gdańsk")
        );
        assert_eq!(u[start].text(), "Introduction");
        // A line that is no name before the note: no author block.
        let src = "A Title\n\nMargaret L. Ellison\nwith a few words more\nMargaret L. Ellison, School of History.\n\nBody";
        let u = units(src);
        assert!(author_block(&u[1]).is_none());
    }

    #[test]
    fn georgian_names_are_told_by_their_surnames() {
        assert_eq!(names("გიორგი ბერიძე"), Some(vec!["გიორგი ბერიძე".to_string()]));
        assert_eq!(names("ნ. ჯავახიშვილი"), Some(vec!["ნ. ჯავახიშვილი".to_string()]));
        assert_eq!(names("შესავალი"), None);
        assert_eq!(names("ზანგეზურის საკითხი"), None);
    }

    #[test]
    fn names_are_short_capitalised_words() {
        assert_eq!(
            names("Margaret L. Ellison and Tomasz Wrona"),
            Some(vec!["Margaret L. Ellison".to_string(), "Tomasz Wrona".to_string()])
        );
        assert_eq!(names("Олена Миколаївна Гордієнко"), Some(vec!["Олена Миколаївна Гордієнко".to_string()]));
        assert_eq!(names("Selim Kaya Ertürk*"), Some(vec!["Selim Kaya Ertürk".to_string()]));
        assert_eq!(names("(1908–1914)"), None);
        assert_eq!(names("ABSTRACT"), None);
        assert_eq!(names("The scare of 1877"), None);
        assert_eq!(names("Credit under strain"), None);
    }

    #[test]
    fn two_names_run_together_are_split() {
        assert_eq!(
            names("Margaret L. Ellison Tomasz Wrona"),
            Some(vec!["Margaret L. Ellison".to_string(), "Tomasz Wrona".to_string()])
        );
        assert_eq!(
            names("Иванов И. И. Петров П. П."),
            Some(vec!["Иванов И. И.".to_string(), "Петров П. П.".to_string()])
        );
        // Ambiguous or too long: not names.
        assert_eq!(names("Anna Maria Luisa Ferrari Bianchi"), None);
        assert_eq!(names("The Riga Exchange Committee And Its Members Again"), None);
    }

    #[test]
    fn author_line_with_note_call() {
        assert_eq!(author_line("Ayşe Yılmaz*").as_deref(), Some("Ayşe Yılmaz"));
        assert_eq!(author_line("Ivan Petrov^{*}").as_deref(), Some("Ivan Petrov"));
        assert_eq!(author_line("A Title"), None);
    }
}
