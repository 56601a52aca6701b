//! Cheap features of a unit's text that the segmenter combines.

/// Returns true when the text reads like a citation: a year, an address, quotes, page references.
pub fn citation_like(t: &str) -> bool {
    let has_year = t.as_bytes().windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' && (b'5'..=b'9').contains(&w[1]) || w[0] == b'2' && w[1] == b'0')
            && !t.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
            && !(i > 0 && t.as_bytes()[i - 1].is_ascii_digit())
    });
    has_year
        || t.contains("http")
        || t.contains("www.")
        || t.contains("//")
        || t.contains(['"', '“', '«', '„'])
        || [" p. ", " pp. ", " с. ", " С. ", " s. ", "Ibid", "ibid", "Там же", "там же", "op. cit"]
            .iter()
            .any(|w| t.contains(w))
}

pub use crate::fold::{is_small, opens_capitalised};

/// Returns true when the text could be a heading or a title: short, one line of words,
/// no final clause punctuation, starting with a capital or a number.
pub fn heading_like(t: &str) -> bool {
    let t = t.trim();
    let chars = t.chars().count();
    let words = t.split_whitespace().count();
    let first = t.chars().find(|c| c.is_alphanumeric());
    (chars > 0
        && chars <= 160
        && words <= 20
        && !t.ends_with(['.', ',', ';', ':'])
        && first.is_some_and(|c| opens_capitalised(c) || c.is_ascii_digit())
        && !t.contains(". "))
        || is_numbered_heading(t)
}

/// Returns true for `2. Methods`, `2.1 Sources`, `II. Archives`.
pub fn is_numbered_heading(t: &str) -> bool {
    let t = t.trim();
    let num: String =
        t.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || matches!(c, 'I' | 'V' | 'X')).collect();
    if num.is_empty() || t.chars().count() > 120 || t.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    let rest = t[num.len()..].trim_start();
    num.contains('.')
        && num.chars().next().is_some_and(|c| c != '.')
        && rest.chars().next().is_some_and(|c| c.is_uppercase())
        && rest.split_whitespace().count() <= 12
        && !rest.contains(". ")
}

/// Heading level from a printed number: `2.` → 1, `2.1` → 2, unnumbered → 1.
pub fn heading_level(t: &str) -> u8 {
    let num: String = t.trim().chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let depth = num.trim_end_matches('.').split('.').filter(|p| !p.is_empty()).count();
    depth.clamp(1, 6) as u8
}

/// Returns true for long running prose (a page of text rather than a label or a title).
pub fn prose_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    t.chars().count() >= 200 || (words >= 20 && super::join::ends_sentence(t))
}

/// Finds an e-mail address in `t`.
pub fn find_email(t: &str) -> Option<&str> {
    t.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '<' | '>' | '(' | ')'))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| {
            let mut parts = w.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(d), None) if !a.is_empty() && d.contains('.') && !d.ends_with('.'))
        })
}

/// Finds an ORCID iD (`0000-0002-1825-0097`) in `t`.
pub fn find_orcid(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(18)).find_map(|i| {
        let w = &b[i..i + 19];
        let ok = w.iter().enumerate().all(|(k, &c)| match k {
            4 | 9 | 14 => c == b'-',
            18 => c.is_ascii_digit() || c == b'X',
            _ => c.is_ascii_digit(),
        });
        ok.then(|| &t[i..i + 19])
    })
}

/// Words that name an institution, for picking the affiliation out of an author note.
const INSTITUTION_WORDS: &[&str] = &[
    "universit",
    "üniversite",
    "университет",
    "університет",
    "institut",
    "institute",
    "інститут",
    "институт",
    "academy",
    "akademi",
    "академи",
    "академі",
    "college",
    "school",
    "archive",
    "arxiv",
    "архив",
    "архів",
    "museum",
    "center",
    "centre",
    "merkez",
    "mərkəz",
    "центр",
    "library",
    "kütüphane",
    "библиотек",
    "ministry",
];

/// Picks the affiliation from an author note: the comma-separated part naming an institution.
pub fn find_affiliation(note: &str) -> Option<String> {
    note.split([',', ';'])
        .map(str::trim)
        .find(|part| {
            let lower = super::lexicon::fold(part);
            !part.contains('@') && INSTITUTION_WORDS.iter().any(|w| lower.contains(w))
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_and_prose() {
        assert!(citation_like("Ozalova, Nigar., \"The Karabakh issue\", 2019"));
        assert!(citation_like("ГАРФ, ф. 1235, оп. 1, д. 16, л. 5 об. (1920)"));
        assert!(!citation_like("Conclusion"));
        assert!(!citation_like("12,000 men"));
        assert!(prose_like(&"word ".repeat(60)));
        assert!(!prose_like("Abstract"));
    }

    #[test]
    fn headings() {
        assert!(heading_like("VIOLATION OF THE TERRITORIAL INTEGRITY OF AZERBAIJAN"));
        assert!(heading_like("2. Methods"));
        assert!(heading_like("Conclusion"));
        assert!(!heading_like("and the rest of the sentence"));
        assert!(!heading_like("This is a sentence. And another one"));
        assert!(is_numbered_heading("2.1 Sources"));
        assert!(!is_numbered_heading("12 Author, Title, 1999"));
        assert_eq!(heading_level("2.1 Sources"), 2);
        assert_eq!(heading_level("Conclusion"), 1);
    }

    #[test]
    fn author_note_parts() {
        let n = "Dr. Öğretim Üyesi ,Baku State University, xoshgedem-islam@rambler.ru";
        assert_eq!(find_email(n), Some("xoshgedem-islam@rambler.ru"));
        assert_eq!(find_affiliation(n).as_deref(), Some("Baku State University"));
        assert_eq!(find_orcid("ORCID 0000-0002-1825-0097."), Some("0000-0002-1825-0097"));
        assert_eq!(find_orcid("no id"), None);
    }
}
