//! Links citation keys to bibliography entries. A key an entry already carries (a source's
//! own identifier, `{#ref-smith2004}`) is taken as it is; any other key is matched by the
//! author-year convention of reference managers (`smith2004`, `Smith_2004a`, `ivanov1999`):
//! the first author's surname, folded to ASCII, and the year of exactly one entry. A key two
//! entries could answer (`smith2004` for two works of 2004) stays unlinked unless its letter
//! (`smith2004b`) says which, in the order the entries are printed.

use crate::diag::Diagnostic;
use crate::model::{for_each_inlines_mut, BibEntry, Document, Inline};
use std::collections::HashSet;

/// Gives each bibliography entry the key that cites it; reports the keys no entry answers.
pub fn link(doc: &mut Document) -> Vec<Diagnostic> {
    let keys = cited_keys(doc);
    if keys.is_empty() {
        return Vec::new();
    }
    let Some(bib) = doc.back.bibliography.as_mut() else {
        let message = format!(
            "{} citation key{} ({}) but no bibliography to link them to (pandoc would take it from a .bib file); \
             the citations are kept as written",
            keys.len(),
            if keys.len() == 1 { "" } else { "s" },
            sample(&keys)
        );
        return vec![Diagnostic::info("citation-unlinked", 0, message)];
    };
    let mut unlinked = Vec::new();
    for key in &keys {
        if bib.entries.iter().any(|e| e.key.as_deref() == Some(key)) {
            continue;
        }
        match answer(key, &bib.entries) {
            Some(k) => bib.entries[k].key = Some(key.clone()),
            None => unlinked.push(key.clone()),
        }
    }
    if unlinked.is_empty() {
        return Vec::new();
    }
    let message = format!(
        "{} citation key{} name{} no bibliography entry ({}); kept as written, unlinked",
        unlinked.len(),
        if unlinked.len() == 1 { "" } else { "s" },
        if unlinked.len() == 1 { "s" } else { "" },
        sample(&unlinked)
    );
    vec![Diagnostic::info("citation-unlinked", 0, message)]
}

/// The first five keys, then how many more.
fn sample(keys: &[String]) -> String {
    let shown: Vec<&str> = keys.iter().take(5).map(String::as_str).collect();
    match keys.len() {
        n if n > 5 => format!("{} and {} more", shown.join(", "), n - 5),
        _ => shown.join(", "),
    }
}

/// Every key cited in the front matter and body (notes included), once each, in order.
fn cited_keys(doc: &mut Document) -> Vec<String> {
    fn walk(inlines: &mut [Inline], seen: &mut HashSet<String>, out: &mut Vec<String>) {
        for i in inlines {
            match i {
                Inline::Citation { keys, .. } => {
                    out.extend(keys.iter().filter(|k| seen.insert(k.to_string())).cloned());
                }
                Inline::Note(n) => for_each_inlines_mut(&mut n.content, &mut |b| walk(b, seen, out)),
                other => {
                    if let Some(children) = other.children_mut() {
                        walk(children, seen, out);
                    }
                }
            }
        }
    }
    let (mut seen, mut out) = (HashSet::new(), Vec::new());
    for part in &mut doc.front {
        for_each_inlines_mut(&mut part.blocks, &mut |b| walk(b, &mut seen, &mut out));
    }
    for_each_inlines_mut(&mut doc.body, &mut |b| walk(b, &mut seen, &mut out));
    out
}

/// A key's author-year reading: the letters before its year, folded; the year; and the
/// letter after it that tells two works of one year apart (`smith2004b` → b).
fn parse_key(key: &str) -> Option<(String, u32, Option<char>)> {
    let digits = key.find(|c: char| c.is_ascii_digit())?;
    let name = fold(key[..digits].trim_end_matches(['_', '-', ':', '.']));
    let year_text: String = key[digits..].chars().take_while(char::is_ascii_digit).collect();
    if name.is_empty() || year_text.len() != 4 {
        return None;
    }
    let year = year_text.parse().ok()?;
    let letter = key[digits + 4..].chars().next().filter(char::is_ascii_lowercase);
    Some((name, year, letter))
}

/// Lower-case ASCII letters only (`Şahin` → `sahin`, `Иванов` → `ivanov`).
fn fold(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The entry a key names: one whose first author's surname and year are the key's.
fn answer(key: &str, entries: &[BibEntry]) -> Option<usize> {
    let (name, year, letter) = parse_key(key)?;
    let found: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| surname(e).is_some_and(|s| s == name) && entry_year(e) == Some(year))
        .map(|(k, _)| k)
        .collect();
    let k = match (found.as_slice(), letter) {
        ([one], None | Some('a')) => Some(*one),
        (many, Some(l)) if many.len() > 1 => many.get(usize::from(l as u8 - b'a')).copied(),
        _ => None,
    };
    // An entry another key already names is not taken twice.
    k.filter(|&k| entries[k].key.is_none())
}

/// The first author's surname, folded: the parsed author's first word, or the entry's first
/// word (`Smith, John. 2004 …`, `Иванов И. И. …`).
fn surname(e: &BibEntry) -> Option<String> {
    let text = e.fields.authors.first().and_then(|s| e.raw.get(s.start..s.end)).unwrap_or(&e.raw);
    let word = text.split(|c: char| c.is_whitespace() || c == ',').find(|w| !w.is_empty())?;
    let folded = fold(word);
    (!folded.is_empty()).then_some(folded)
}

/// The entry's year: the parsed one, or the first four-digit number from 1400 to 2099.
fn entry_year(e: &BibEntry) -> Option<u32> {
    let parsed = e.fields.year.and_then(|s| e.raw.get(s.start..s.end)).and_then(first_year);
    parsed.or_else(|| first_year(&e.raw))
}

fn first_year(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let edge = |j: usize| b.get(j).is_none_or(|c| !c.is_ascii_digit());
        let four = b[i..i + 4].iter().all(u8::is_ascii_digit);
        (four && (i == 0 || edge(i - 1)) && edge(i + 4))
            .then(|| s[i..i + 4].parse::<u32>().ok())
            .flatten()
            .filter(|y| (1400..2100).contains(y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bibliography, Block};

    fn doc(keys: &[&str], entries: &[&str]) -> Document {
        let mut d = Document::new();
        d.body = vec![Block::paragraph(
            keys.iter()
                .map(|k| Inline::Citation {
                    keys: vec![k.to_string()],
                    content: vec![Inline::text(format!("@{k}"))],
                })
                .collect(),
        )];
        d.back.bibliography =
            Some(Bibliography::new("References", entries.iter().map(|e| BibEntry::plain(e)).collect()));
        d
    }

    fn keys_of(d: &Document) -> Vec<Option<&str>> {
        d.back.bibliography.as_ref().unwrap().entries.iter().map(|e| e.key.as_deref()).collect()
    }

    #[test]
    fn author_year_keys_name_their_entry_in_any_script() {
        let mut d = doc(
            &["smith2004", "ivanov1999", "sahin_2010"],
            &[
                "Smith, John. 2004. Trade.",
                "Şahin, A. Ticaret. Ankara, 2010.",
                "Иванов И. И. Торговля. М., 1999.",
            ],
        );
        assert!(link(&mut d).is_empty());
        assert_eq!(keys_of(&d), [Some("smith2004"), Some("sahin_2010"), Some("ivanov1999")]);
    }

    #[test]
    fn two_works_of_one_year_need_the_letter() {
        let mut d = doc(&["smith2004b", "smith2004"], &["Smith, J. 2004. One.", "Smith, J. 2004. Two."]);
        let diags = link(&mut d);
        assert_eq!(keys_of(&d), [None, Some("smith2004b")]);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("smith2004"), "{}", diags[0].message);
    }

    #[test]
    fn a_key_an_entry_carries_is_kept_and_others_are_reported() {
        let mut d = doc(&["trade", "nobody2001"], &["Smith, J. 2004. Trade."]);
        d.back.bibliography.as_mut().unwrap().entries[0].key = Some("trade".into());
        let diags = link(&mut d);
        assert_eq!(keys_of(&d), [Some("trade")]);
        assert!(diags[0].message.contains("1 citation key names no bibliography entry (nobody2001)"));
    }

    #[test]
    fn citations_without_a_bibliography_are_reported_once() {
        let mut d = doc(&["a2000", "b2001"], &[]);
        d.back.bibliography = None;
        let diags = link(&mut d);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.starts_with("2 citation keys (a2000, b2001) but no bibliography"));
    }
}
