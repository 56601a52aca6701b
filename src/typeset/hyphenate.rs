//! Hyphenation by the language of each run (TeX patterns through the `hypher` crate):
//! English, Russian, Turkish, Ukrainian, and the other languages the language rules tag and
//! TeX has patterns for (Belarusian, Bulgarian, Czech, French, Georgian, German, Greek,
//! Hungarian, Italian, Mongolian, Polish, Serbian Cyrillic, Spanish, Turkmen, Croatian).
//! Azerbaijani, Kazakh, Kyrgyz, Uzbek, Tajik, Tatar, Bashkir and the other Turkic languages,
//! Macedonian, Armenian, Persian, Arabic, Hebrew, Chinese and Japanese have no patterns in
//! `hypher`, and romanised Russian must not be broken by English rules: they stay
//! unhyphenated, never set with another language's patterns, and are reported
//! ([`unhyphenated`]).

use crate::model::LangTag;

/// The patterns for a language tag, or `None` when text in it is not hyphenated.
///
/// The tag is read by its primary subtag and its script: a region (`de-AT`, `ru-RU`) does not
/// change the patterns, a script does (`ru-Latn`, `sr-Latn`, `mn-Mong` are not written in the
/// script the patterns were made for, so they get none). A language without patterns of its
/// own never borrows a neighbour's: Kazakh, Kyrgyz, Tatar, Bashkir, Tajik, Uzbek and
/// Macedonian are not set with Russian's, Azerbaijani not with Turkish's.
pub fn patterns(tag: &LangTag) -> Option<hypher::Lang> {
    let mut subtags = tag.as_str().split('-');
    let primary = subtags.next().unwrap_or("").to_ascii_lowercase();
    // The script subtag is the only one of four letters (RFC 5646 §2.2.3).
    let script = subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()));
    let (lang, written_in) = match primary.as_str() {
        "en" => (hypher::Lang::English, "Latn"),
        "ru" => (hypher::Lang::Russian, "Cyrl"),
        "tr" => (hypher::Lang::Turkish, "Latn"),
        "uk" => (hypher::Lang::Ukrainian, "Cyrl"),
        "be" => (hypher::Lang::Belarusian, "Cyrl"),
        "bg" => (hypher::Lang::Bulgarian, "Cyrl"),
        "cs" => (hypher::Lang::Czech, "Latn"),
        "fr" => (hypher::Lang::French, "Latn"),
        "ka" => (hypher::Lang::Georgian, "Geor"),
        "de" => (hypher::Lang::German, "Latn"),
        "el" => (hypher::Lang::Greek, "Grek"),
        "hu" => (hypher::Lang::Hungarian, "Latn"),
        "it" => (hypher::Lang::Italian, "Latn"),
        "pl" => (hypher::Lang::Polish, "Latn"),
        "es" => (hypher::Lang::Spanish, "Latn"),
        "tk" => (hypher::Lang::Turkmen, "Latn"),
        "hr" => (hypher::Lang::Croatian, "Latn"),
        // TeX's Mongolian patterns are for the Cyrillic alphabet (`hyph-mn-cyrl`).
        "mn" => (hypher::Lang::Mongolian, "Cyrl"),
        // TeX's Serbian patterns are for the Cyrillic alphabet (`hyph-sr-cyrl`): a Serbian
        // tag without a script says nothing of the alphabet (Serbian is written in both).
        "sr" if script.is_some() => (hypher::Lang::Serbian, "Cyrl"),
        _ => return None,
    };
    match script {
        Some(s) if !s.eq_ignore_ascii_case(written_in) => None,
        _ => Some(lang),
    }
}

/// Reports, once per language, the tagged text that is set without hyphenation because no
/// patterns exist for its language (`pdf-no-hyphenation`, info): the lines of that text
/// break only at spaces and hyphens. `runs` are the language tags of the runs with letters.
pub fn unhyphenated<'a>(runs: impl IntoIterator<Item = &'a LangTag>) -> Vec<crate::diag::Diagnostic> {
    let mut count: Vec<(&LangTag, usize)> = Vec::new();
    for tag in runs {
        match count.iter_mut().find(|(t, _)| *t == tag) {
            Some(slot) => slot.1 += 1,
            None if patterns(tag).is_none() => count.push((tag, 1)),
            None => {}
        }
    }
    count
        .into_iter()
        .map(|(tag, n)| {
            crate::diag::Diagnostic::info(
                "pdf-no-hyphenation",
                0,
                format!(
                    "{n} run{} of text in `{tag}` set without hyphenation: no hyphenation patterns exist for that language (another language's are never used)",
                    if n == 1 { "" } else { "s" }
                ),
            )
        })
        .collect()
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
            ("hr", "povijesnoga"),
        ] {
            let lang = patterns(&LangTag::parse(tag).unwrap()).unwrap_or_else(|| panic!("{tag}"));
            assert!(!points(word, lang).is_empty(), "{tag} {word}");
        }
        for tag in [
            "kk", "kk-Latn", "uz-Cyrl", "uz-Latn", "ky", "tg", "mk", "az-Cyrl", "az-Latn", "tt", "ba", "cv",
            "os", "crh-Latn", "ota-Latn", "hy", "fa", "ar", "he", "ja", "zh", "sr", "sr-Latn", "ru-Latn",
            "mn-Mong",
        ] {
            assert!(patterns(&LangTag::parse(tag).unwrap()).is_none(), "{tag} has no patterns of its own");
        }
    }

    /// A region does not change the patterns; a script other than theirs removes them.
    #[test]
    fn regions_keep_the_patterns_and_other_scripts_lose_them() {
        let p = |t: &str| patterns(&LangTag::parse(t).unwrap());
        assert_eq!(p("ru-RU"), Some(hypher::Lang::Russian));
        assert_eq!(p("de-AT"), Some(hypher::Lang::German));
        assert_eq!(p("en-GB"), Some(hypher::Lang::English));
        assert_eq!(p("sr-Cyrl-RS"), Some(hypher::Lang::Serbian));
        assert_eq!(p("uk-Cyrl"), Some(hypher::Lang::Ukrainian));
        assert_eq!(p("ru-Latn-x-iso9"), None);
        assert_eq!(p("tr-Arab"), None);
        assert_eq!(p("ka-Latn"), None);
    }

    /// Every language without patterns is named once, with the number of its runs; the
    /// languages with patterns are not named.
    #[test]
    fn text_without_patterns_is_reported_once_per_language() {
        let tags: Vec<LangTag> = ["kk", "ru", "kk", "mk", "en", "bg", "mk", "mk"]
            .iter()
            .map(|t| LangTag::parse(t).unwrap())
            .collect();
        let diags = unhyphenated(&tags);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.code == "pdf-no-hyphenation"));
        assert!(diags[0].message.contains("2 runs of text in `kk`"), "{}", diags[0].message);
        assert!(diags[1].message.contains("3 runs of text in `mk`"), "{}", diags[1].message);
        assert!(unhyphenated(&tags[1..2]).is_empty());
        assert!(unhyphenated(&[]).is_empty());
    }

    #[test]
    fn no_patterns_no_hyphens() {
        assert_eq!(split("Қазақстанның", "kk"), ["Қазақстанның"]);
        assert_eq!(split("историјата", "mk"), ["историјата"]);
        assert_eq!(split("Ўзбекистоннинг", "uz-Cyrl"), ["Ўзбекистоннинг"]);
        assert_eq!(split("Azərbaycanın", "az-Latn"), ["Azərbaycanın"]);
        assert_eq!(split("obrazovaniia", "ru-Latn"), ["obrazovaniia"]);
        let en = LangTag::parse("en").unwrap();
        assert!(points("1918-1920", patterns(&en).unwrap()).is_empty(), "numbers are not words");
    }
}
