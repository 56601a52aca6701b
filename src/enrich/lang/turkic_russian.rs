//! Romanised Russian typed with the letters of an Azerbaijani or Turkish keyboard
//! (`Antiçnıe istoçniki`, `slovarğ`, `Kavkazskaə Albaniə`, `KavkazskixAqvan`): Turkic letters,
//! but spelling Turkish and Azerbaijani never write.
//!
//! - `ğ` after a consonant: a soft sign (`slovarğ`, `ukazatelğ`); Turkish and Azerbaijani
//!   write `ğ` only after a vowel. A word beginning with `ğ` (`Ğabdulla`, Tatar romanised) is
//!   neither Turkish nor Azerbaijani, nor Russian: [`not_turkic`].
//! - `ə` after `a` or `i` at the end of a word: Russian `-ая`, `-ия` (`Kavkazskaə`, `Albaniə`).
//! - `ı` before `y`, `e`, `x` or `ə` at the end of a word: Russian `-ый`, `-ые`, `-ых`, `-ыя`
//!   (`Alfavitnıy`, `Antiçnıe`).
//! - the Russian adjective `-sk-` with an ending spelt in Turkic letters (`-skix`, `-skaə`,
//!   `-skoqo`), or with a letter of the Turkish keyboard elsewhere in the word
//!   (`Drevneyşskie`); `q` and `x` alone are Uzbek too (`Artsixovskiy`, a name).

/// Endings after `sk` that only a Russian adjective has; the last three are spelt in Turkic
/// letters only.
const SK_ENDINGS: &[&str] = &["ie", "iy", "ii", "aya", "oy", "oe", "ix", "aə", "oqo"];

/// True when `word` (as written) is Russian spelt in Turkic letters (see the module
/// documentation). A word glued to the next (`KavkazskixAqvan`) is read as two.
pub(super) fn is_turkic_russian(word: &str) -> bool {
    if !(word.contains("sk") || word.contains(['ğ', 'ə', 'ı', 'Ğ', 'Ə'])) {
        return false;
    }
    camel_parts(word).any(|part| {
        let w = part.to_lowercase();
        let chars: Vec<char> = w.chars().collect();
        let n = chars.len();
        let soft_sign = chars.windows(2).any(|p| p[1] == 'ğ' && !is_vowel(p[0]) && p[0].is_alphabetic());
        let ya = n >= 4 && (w.ends_with("aə") || w.ends_with("iə"));
        let y = n >= 5 && ["ıy", "ıe", "ıx", "ıə"].iter().any(|e| w.ends_with(e));
        let adjective = SK_ENDINGS.iter().any(|e| {
            w.strip_suffix(e).is_some_and(|stem| stem.ends_with("sk") && stem.len() > 3)
                && (matches!(*e, "ix" | "aə" | "oqo") || w.contains(['ı', 'ə', 'ş', 'ç', 'ğ']))
        });
        soft_sign || ya || y || adjective
    })
}

/// True when Turkish and Azerbaijani cannot spell `word` (lowercase): it begins with `ğ`,
/// or has a letter neither alphabet writes (`şäherleriniň`, `Straße`, `Azerbejdżan`). Such a
/// word is no evidence for either, whatever Turkic letters it also has.
pub(super) fn not_turkic(word: &str) -> bool {
    word.starts_with('ğ')
        || !word.is_ascii()
            && word.chars().any(|c| c.is_alphabetic() && !c.is_ascii() && !"çğıöşüəâîû".contains(c))
}

fn is_vowel(c: char) -> bool {
    "aeıioöuüəâîû".contains(c)
}

/// The parts of a word glued at a lowercase-to-capital change.
fn camel_parts(word: &str) -> impl Iterator<Item = &str> {
    let mut cuts = vec![0];
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            cuts.push(i);
        }
        prev = Some(c);
    }
    cuts.push(word.len());
    (0..cuts.len() - 1).map(move |k| &word[cuts[k]..cuts[k + 1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_endings_in_turkic_letters() {
        for w in
            ["slovarğ", "Kavkazskaə", "Istoriə", "Alfavitnıy", "Antiçnıe", "KavkazskixAqvan", "Çerkesskie"]
        {
            assert!(is_turkic_russian(w), "{w}");
        }
    }

    #[test]
    fn turkish_and_azerbaijani_words_are_not_russian() {
        for w in [
            "dağ",
            "Oğuz",
            "Azərbaycan",
            "məsələsi",
            "tarixi",
            "Kaşgarlı",
            "eskiye",
            "Polskie",
            "çıx",
            "Artsixovskiy",
        ] {
            assert!(!is_turkic_russian(w), "{w}");
        }
        assert!(not_turkic("ğabdulla"));
        assert!(!not_turkic("bağ"));
        assert!(not_turkic("şäherleriniň"));
        assert!(!not_turkic("azərbaycançılıq"));
    }
}
