//! Words that head the parts of an article, in the languages our users write.
//!
//! Matching is case-insensitive with Turkic-aware folding (`İ`/`I`/`ı` all fold to `i`), so
//! `ANAHTAR KELİMELER` and `Anahtar Kelimeler` are the same heading.

/// Headings of abstracts, with the language they announce.
pub const ABSTRACT_HEADINGS: &[(&str, &str)] = &[
    ("abstract", "en"),
    ("summary", "en"),
    ("özet", "tr"),
    ("öz", "tr"),
    ("аннотация", "ru"),
    ("резюме", "ru"),
    ("реферат", "ru"),
    ("анотація", "uk"),
    ("xülasə", "az-Latn"),
    ("xulasə", "az-Latn"),
    ("annotasiya", "az-Latn"),
    ("xülasə və açar sözlər", "az-Latn"),
    ("zusammenfassung", "de"),
    ("résumé", "fr"),
];

/// Headings of keyword lists, with the language they announce.
pub const KEYWORD_HEADINGS: &[(&str, &str)] = &[
    ("keywords", "en"),
    ("key words", "en"),
    ("key-words", "en"),
    ("anahtar kelimeler", "tr"),
    ("anahtar sözcükler", "tr"),
    ("anahtar kavramlar", "tr"),
    ("ключевые слова", "ru"),
    ("ключові слова", "uk"),
    ("açar sözlər", "az-Latn"),
    ("açar sözləri", "az-Latn"),
    ("schlüsselwörter", "de"),
    ("mots-clés", "fr"),
    ("mots clés", "fr"),
];

/// Headings of reference lists.
pub const REFERENCE_HEADINGS: &[&str] = &[
    "references",
    "reference list",
    "bibliography",
    "works cited",
    "sources",
    "sources and literature",
    "kaynakça",
    "kaynaklar",
    "список литературы",
    "литература",
    "библиография",
    "источники",
    "источники и литература",
    "список источников и литературы",
    "список использованных источников",
    "список использованной литературы",
    "використані джерела",
    "література",
    "список літератури",
    "список використаних джерел",
    "ədəbiyyat",
    "ədəbiyyat siyahısı",
    "istifadə olunmuş ədəbiyyat",
    "mənbələr",
    "literatur",
    "literaturverzeichnis",
    "quellen und literatur",
    "quellen- und literaturverzeichnis",
    "quellen",
    "bibliographie",
    "références",
    "références bibliographiques",
    "sources et bibliographie",
    "bibliografia",
    "bibliografía",
    "bibliografie",
    "literature",
    "literature cited",
    "sources cited",
    "list of references",
    "sources and bibliography",
    "список джерел",
    "джерела",
    "джерела та література",
    "список джерел і літератури",
    "список джерел та літератури",
    "литература и источники",
    "список литературы и источников",
    "kaynakça ve notlar",
    "yararlanılan kaynaklar",
    "ədəbiyyat və mənbələr",
    "istifadə edilmiş ədəbiyyat",
    // The region's other languages: Georgian, Armenian, Belarusian, Bulgarian, Serbian,
    // Kazakh, Uzbek, Polish, Persian.
    "ლიტერატურა",
    "გამოყენებული ლიტერატურა",
    "დამოწმებული ლიტერატურა",
    "ბიბლიოგრაფია",
    "წყაროები",
    "წყაროები და ლიტერატურა",
    "գրականություն",
    "օգտագործված գրականություն",
    "գրականության ցանկ",
    "մատենագիտություն",
    "աղբյուրներ",
    "літаратура",
    "спіс літаратуры",
    "крыніцы",
    "крыніцы і літаратура",
    "използвана литература",
    "библиографија",
    "литература и извори",
    "извори и литература",
    "әдебиеттер",
    "пайдаланылған әдебиеттер",
    "әдебиеттер тізімі",
    "adabiyotlar",
    "foydalanilgan adabiyotlar",
    "адабиётлар",
    "literatura",
    "źródła i literatura",
    "bibliografia i źródła",
    "منابع",
    "کتابنامه",
    "فهرست منابع",
];

pub use crate::fold::fold;

/// Lines longer than this (in bytes) are never headings: [`heading_key`] gives them the empty
/// key, which matches no heading, without folding them (a 50 MB line stays cheap).
const MAX_HEADING_BYTES: usize = 1024;

/// Normalises a candidate heading line: folded, inner spaces collapsed, numbering and
/// trailing punctuation dropped (`5. REFERENCES:` → `references`).
pub fn heading_key(line: &str) -> String {
    let t = line.trim();
    if t.len() > MAX_HEADING_BYTES {
        return String::new();
    }
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let t = t.trim_end_matches([':', '.', ' ', '—', '-', '–']);
    let words: Vec<&str> = t.split_whitespace().collect();
    fold(&words.join(" "))
}

/// Looks a heading key up in a language table.
pub fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(w, _)| fold(w) == key).map(|&(_, l)| l)
}

/// Splits `Heading: rest` when `Heading` is in `table`; returns (heading as printed, lang, rest).
pub fn split_inline_heading<'a>(
    table: &[(&str, &'static str)],
    line: &'a str,
) -> Option<(&'a str, &'static str, &'a str)> {
    for sep in [':', '—', '–', '.'] {
        if let Some(pos) = line.find(sep) {
            let head = line[..pos].trim();
            if head.split_whitespace().count() > 4 {
                continue;
            }
            if let Some(lang) = lookup(table, &heading_key(head)) {
                return Some((head, lang, line[pos + sep.len_utf8()..].trim()));
            }
        }
    }
    None
}

/// Reads a heading of `table` that opens `line`: inline with a separator (`Abstract: text`,
/// as [`split_inline_heading`]) or run into the text (`Abstract This article…`, the way
/// extractors print a heading set on the same line); or alone (`Abstract`, rest empty).
pub fn leading_heading<'a>(
    table: &[(&str, &'static str)],
    line: &'a str,
) -> Option<(&'a str, &'static str, &'a str)> {
    let line = line.trim();
    // Cheap test first: the line's first word must open one of the table's headings (this
    // runs on every line of a first page).
    let first = line.split_whitespace().next()?.trim_end_matches([':', '.', '—', '–', '-']);
    if first.len() > 40 {
        return None;
    }
    let first = fold(first);
    // (The tables are written folded already: lower case, `i` for `I`.)
    if !table.iter().any(|(h, _)| h.split_whitespace().next() == Some(first.as_str())) {
        return None;
    }
    if let Some(lang) = lookup(table, &heading_key(line)) {
        return Some((line, lang, ""));
    }
    if let Some(found) = split_inline_heading(table, line) {
        return Some(found);
    }
    let (head, rest) = line.split_once(' ')?;
    let lang = lookup(table, &heading_key(head))?;
    rest.chars().next().filter(|c| c.is_uppercase()).map(|_| (head, lang, rest.trim()))
}

/// Returns the code of a subject classification line (`УДК 94(479.24)`, `UDC 94`, `ББК
/// 63.3`, `JEL N43`): the scheme and the code, which journals of the region print above the
/// title.
pub fn classification(line: &str) -> Option<(&'static str, &str)> {
    let t = line.trim();
    for (prefix, scheme) in
        [("УДК", "udc"), ("UDC", "udc"), ("UDK", "udc"), ("ББК", "bbk"), ("BBK", "bbk"), ("JEL", "jel")]
    {
        if let Some(rest) = t.strip_prefix(prefix) {
            let rest = rest.trim_start_matches([':', ' ', '\u{a0}']);
            if rest.starts_with(|c: char| c.is_ascii_alphanumeric())
                && rest.chars().count() <= 80
                && rest.len() < t.len()
            {
                return Some((scheme, rest.trim()));
            }
        }
    }
    None
}

/// Returns true when `line` is a reference-list heading.
pub fn is_reference_heading(line: &str) -> bool {
    line.chars().count() <= 60 && {
        // Folded once: this runs on every one-line unit of the text.
        static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let key = heading_key(line);
        FOLDED.get_or_init(|| REFERENCE_HEADINGS.iter().map(|w| fold(w)).collect()).contains(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkic_fold_matches_dotted_capitals() {
        assert_eq!(fold("ANAHTAR KELİMELER"), fold("Anahtar Kelimeler"));
        assert_eq!(fold("İŞ"), "iş");
    }

    #[test]
    fn recognises_headings_in_every_language() {
        assert_eq!(lookup(ABSTRACT_HEADINGS, &heading_key("Özet")), Some("tr"));
        assert_eq!(lookup(ABSTRACT_HEADINGS, &heading_key("АННОТАЦИЯ")), Some("ru"));
        assert_eq!(lookup(ABSTRACT_HEADINGS, &heading_key("Xülasə")), Some("az-Latn"));
        assert!(is_reference_heading("REFERENCES"));
        for (h, _) in ABSTRACT_HEADINGS.iter().chain(KEYWORD_HEADINGS) {
            assert_eq!(fold(h), *h, "tables are written folded");
        }
        assert!(is_reference_heading("Список литературы"));
        assert!(is_reference_heading("5. Kaynakça"));
        assert!(is_reference_heading("Ədəbiyyat:"));
        assert!(is_reference_heading("ლიტერატურა"));
        assert!(is_reference_heading("Օգտագործված գրականություն"));
        assert!(is_reference_heading("ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР"));
        assert!(!is_reference_heading("References to the war were common in the press."));
    }

    #[test]
    fn splits_inline_keyword_lines() {
        let (h, l, rest) =
            split_inline_heading(KEYWORD_HEADINGS, "Anahtar Kelimeler: Rusya, Ermeniler.").unwrap();
        assert_eq!((h, l, rest), ("Anahtar Kelimeler", "tr", "Rusya, Ermeniler."));
        let (_, l, _) = split_inline_heading(KEYWORD_HEADINGS, "Ключевые слова: Кавказ").unwrap();
        assert_eq!(l, "ru");
        assert!(split_inline_heading(KEYWORD_HEADINGS, "This is: text").is_none());
    }
}
