//! Hyphenation by the language of each run (TeX patterns through the `hypher` crate):
//! English, Russian, Turkish and Ukrainian. Azerbaijani has no published patterns, and
//! romanised Russian must not be broken by English rules, so both stay unhyphenated.

use crate::model::LangTag;

/// The patterns for a language tag, or `None` when text in it is not hyphenated.
pub fn patterns(tag: &LangTag) -> Option<hypher::Lang> {
    match tag.as_str() {
        "en" | "en-GB" | "en-US" => Some(hypher::Lang::English),
        "ru" => Some(hypher::Lang::Russian),
        "tr" => Some(hypher::Lang::Turkish),
        "uk" => Some(hypher::Lang::Ukrainian),
        _ => None,
    }
}

/// Byte offsets inside `word` where a hyphen may go (at least two letters before and three
/// after, as TeX's `\lefthyphenmin`/`\righthyphenmin` for English).
pub fn points(word: &str, lang: hypher::Lang) -> Vec<usize> {
    if word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for syllable in hypher::hyphenate_bounded(word, lang, 2, 3) {
        at += syllable.len();
        if at < word.len() {
            out.push(at);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str, tag: &str) -> Vec<String> {
        let tag = LangTag::parse(tag).unwrap();
        let Some(lang) = patterns(&tag) else { return vec![word.to_string()] };
        let mut out = Vec::new();
        let mut last = 0;
        for p in points(word, lang) {
            out.push(word[last..p].to_string());
            last = p;
        }
        out.push(word[last..].to_string());
        out
    }

    #[test]
    fn each_language_by_its_own_patterns() {
        assert!(split("independence", "en").len() > 2);
        assert!(split("революции", "ru").len() > 2, "{:?}", split("революции", "ru"));
        assert!(split("Azerbaycan", "tr").len() > 1);
        assert!(split("державність", "uk").len() > 1);
    }

    #[test]
    fn no_patterns_no_hyphens() {
        assert_eq!(split("Azərbaycanın", "az-Latn"), ["Azərbaycanın"]);
        assert_eq!(split("obrazovaniia", "ru-Latn"), ["obrazovaniia"]);
        let en = LangTag::parse("en").unwrap();
        assert!(points("1918-1920", patterns(&en).unwrap()).is_empty(), "numbers are not words");
    }
}
