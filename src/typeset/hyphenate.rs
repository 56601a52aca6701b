//! Hyphenation by the language of each run (TeX patterns through the `hypher` crate):
//! English, Russian, Turkish, Ukrainian, and the other languages the language rules tag and
//! TeX has patterns for (Belarusian, Bulgarian, Czech, French, Georgian, German, Greek,
//! Hungarian, Italian, Mongolian, Polish, Serbian Cyrillic, Spanish, Turkmen). Azerbaijani,
//! Kazakh, Uzbek and the other Turkic languages, Macedonian, Persian, Arabic, Hebrew, Chinese
//! and Japanese have no patterns here, and romanised Russian must not be broken by English
//! rules: they stay unhyphenated, never set with another language's patterns.

use crate::model::LangTag;

/// The patterns for a language tag, or `None` when text in it is not hyphenated.
pub fn patterns(tag: &LangTag) -> Option<hypher::Lang> {
    match tag.as_str() {
        "en" | "en-GB" | "en-US" => Some(hypher::Lang::English),
        "ru" => Some(hypher::Lang::Russian),
        "tr" => Some(hypher::Lang::Turkish),
        "uk" => Some(hypher::Lang::Ukrainian),
        "be" => Some(hypher::Lang::Belarusian),
        "bg" => Some(hypher::Lang::Bulgarian),
        "cs" => Some(hypher::Lang::Czech),
        "fr" => Some(hypher::Lang::French),
        "ka" => Some(hypher::Lang::Georgian),
        "de" => Some(hypher::Lang::German),
        "el" => Some(hypher::Lang::Greek),
        "hu" => Some(hypher::Lang::Hungarian),
        "it" => Some(hypher::Lang::Italian),
        "pl" => Some(hypher::Lang::Polish),
        "es" => Some(hypher::Lang::Spanish),
        "tk" => Some(hypher::Lang::Turkmen),
        "mn" => Some(hypher::Lang::Mongolian),
        // TeX's Serbian patterns are for the Cyrillic alphabet (`hyph-sr-cyrl`).
        "sr-Cyrl" => Some(hypher::Lang::Serbian),
        _ => None,
    }
}

/// Byte offsets inside `word` where a hyphen may go (at least two letters before and three
/// after, as TeX's `\lefthyphenmin`/`\righthyphenmin` for English).
pub fn points(word: &str, lang: hypher::Lang) -> Vec<usize> {
    // Fewer than five bytes is fewer than five letters: most short words stop at the cheap test.
    if word.len() < 5 || word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    SEEN.with_borrow_mut(|seen| {
        let seen = seen.entry(lang).or_default();
        if let Some(p) = seen.get(word) {
            return p.clone();
        }
        if seen.len() >= SEEN_LIMIT {
            seen.clear();
        }
        let mut out = Vec::new();
        let mut at = 0;
        for syllable in hypher::hyphenate_bounded(word, lang, 2, 3) {
            at += syllable.len();
            if at < word.len() {
                out.push(at);
            }
        }
        seen.insert(word.into(), out.clone());
        out
    })
}

/// Words hyphenated on a thread are remembered, up to this many per language (a paragraph
/// repeats its words, and a batch its vocabulary); then the memory starts again.
const SEEN_LIMIT: usize = 50_000;

type Seen = rustc_hash::FxHashMap<hypher::Lang, rustc_hash::FxHashMap<Box<str>, Vec<usize>>>;

thread_local! {
    /// The hyphenation points found on this thread, by language and word.
    static SEEN: std::cell::RefCell<Seen> = std::cell::RefCell::new(Seen::default());
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
    fn remembered_words_are_split_as_the_first_time_even_after_forgetting() {
        let en = patterns(&LangTag::parse("en").unwrap()).unwrap();
        let ru = patterns(&LangTag::parse("ru").unwrap()).unwrap();
        let first = points("independence", en);
        assert!(!first.is_empty());
        assert_eq!(points("independence", en), first);
        assert_ne!(points("революции", ru), first, "one memory per language");
        // More distinct words than the memory holds (`hyphenationa`, `hyphenationb`, …).
        for i in 0..SEEN_LIMIT + 10 {
            let (mut word, mut n) = (String::from("hyphenation"), i);
            loop {
                word.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
                if n == 0 {
                    break;
                }
            }
            points(&word, en);
        }
        assert!(SEEN.with_borrow(|s| s[&en].len()) < SEEN_LIMIT, "the memory was emptied once full");
        assert_eq!(points("independence", en), first);
    }

    #[test]
    fn each_tagged_language_with_patterns_is_hyphenated_by_its_own() {
        for (tag, word) in [
            ("be", "гістарычнага"),
            ("bg", "историческите"),
            ("cs", "československého"),
            ("fr", "révolutionnaire"),
            ("ka", "საქართველოს"),
            ("de", "Rauchwarenhändler"),
            ("el", "ιστορικότητα"),
            ("hu", "történelmének"),
            ("it", "rivoluzionario"),
            ("pl", "niepodległości"),
            ("es", "revolucionario"),
            ("tk", "Türkmenistanyň"),
            ("mn", "хэлмэгдэгсдийн"),
            ("sr-Cyrl", "историографија"),
        ] {
            let lang = patterns(&LangTag::parse(tag).unwrap()).unwrap_or_else(|| panic!("{tag}"));
            assert!(!points(word, lang).is_empty(), "{tag} {word}");
        }
        for tag in ["kk", "uz-Cyrl", "ky", "tg", "mk", "az-Cyrl", "tt", "fa", "ar", "he", "ja", "zh"] {
            assert!(patterns(&LangTag::parse(tag).unwrap()).is_none(), "{tag} has no patterns of its own");
        }
    }

    #[test]
    fn no_patterns_no_hyphens() {
        assert_eq!(split("Azərbaycanın", "az-Latn"), ["Azərbaycanın"]);
        assert_eq!(split("obrazovaniia", "ru-Latn"), ["obrazovaniia"]);
        let en = LangTag::parse("en").unwrap();
        assert!(points("1918-1920", patterns(&en).unwrap()).is_empty(), "numbers are not words");
    }
}
