//! Character-level knowledge shared by readers and enrichment: case folding that respects
//! Turkish and Azerbaijani, the script of a letter, and look-alike letters across scripts.
//!
//! Rust's locale-free `to_lowercase()` turns `İŞ` into `i̇ş` (with a combining dot) and `I`
//! into `i`, which is wrong for Turkish and Azerbaijani, where `I/ı` and `İ/i` are the case
//! pairs (CLDR `tr-Lower` transform). Matching therefore uses [`fold`], which maps every
//! i-like letter to one key, and display-side lowercasing uses [`lowercase_turkic`].

use crate::model::Script;
use std::borrow::Cow;

/// Folds `s` for loose comparison: lowercase, with `İ`, `I` and `ı` all folded to `i` and
/// a stray combining dot above dropped, so `İŞ`, `iş` and `IŞ` compare equal.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'İ' | 'I' | 'ı' => out.push('i'),
            '\u{307}' => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Lowercases `s` by the Turkish/Azerbaijani rules (`I` → `ı`, `İ` → `i`); other letters as
/// Unicode lowercases them.
pub fn lowercase_turkic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'I' => out.push('ı'),
            'İ' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Returns the script of a letter, or `None` for digits, punctuation, marks and symbols.
pub fn script_of(c: char) -> Option<Script> {
    let cp = c as u32;
    // Fast paths for the letters our texts are made of; Unicode's tables only for the rest.
    match cp {
        0x41..=0x5A | 0x61..=0x7A => return Some(Script::Latin),
        0x410..=0x44F => return Some(Script::Cyrillic),
        0..=0x7F => return None,
        _ => {}
    }
    if !c.is_alphabetic() {
        return None;
    }
    Some(match cp {
        0x0041..=0x02AF | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF5A => {
            Script::Latin
        }
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F | 0xFB13..=0xFB17 => Script::Armenian,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Japanese,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        _ => return None,
    })
}

/// Latin letters that print exactly like a Cyrillic letter, paired with it. (`s`/`ѕ` is left
/// out: a Latin `s` in a Russian shelfmark is a romanised `с`, not a Macedonian `ѕ`.)
const LATIN_CYRILLIC: [(char, char); 22] = [
    ('a', 'а'),
    ('k', 'к'),
    ('c', 'с'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('i', 'і'),
    ('j', 'ј'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
];

/// Returns the look-alike of `c` in `script` (`a` ↔ `а`, Greek `ϕ`/`φ` → `ф`), or `c`
/// itself when it has none or is already in that script.
pub fn lookalike_in(c: char, script: Script) -> char {
    match script {
        Script::Cyrillic => match c {
            'ϕ' | 'φ' => 'ф',
            'Φ' => 'Ф',
            _ => LATIN_CYRILLIC.iter().find(|(l, _)| *l == c).map_or(c, |&(_, cy)| cy),
        },
        // No Cyrillic letter is ASCII.
        Script::Latin if c.is_ascii() => c,
        Script::Latin => LATIN_CYRILLIC.iter().find(|(_, cy)| *cy == c).map_or(c, |&(l, _)| l),
        _ => c,
    }
}

/// Returns the script most letters of `s` are written in, after counting look-alikes on the
/// side of the word's other letters (`Макhmourian` is Latin with one Cyrillic slip).
pub fn majority_script(s: &str) -> Option<Script> {
    // Counted in place, one slot per script in the order of their declaration (a tie goes
    // to the one declared first).
    const SCRIPTS: [Script; 11] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Armenian,
        Script::Georgian,
        Script::Arabic,
        Script::Hebrew,
        Script::Han,
        Script::Japanese,
        Script::Hangul,
        Script::Mixed,
    ];
    let mut counts = [0usize; SCRIPTS.len()];
    for c in s.chars() {
        if let Some(sc) = script_of(c) {
            counts[sc as usize] += 1;
        }
    }
    let (best, n) =
        counts.iter().enumerate().fold((0, 0), |acc, (k, &n)| if n > acc.1 { (k, n) } else { acc });
    (n > 0).then_some(SCRIPTS[best])
}

/// Whether `c` is a small letter of a script that sets capitals apart. Georgian's Mkhedruli
/// letters are lowercase in Unicode, but Georgian text has no capitals: a Georgian line
/// opens like any sentence, never like the middle of one.
pub fn is_small(c: char) -> bool {
    c.is_lowercase() && !('\u{10d0}'..='\u{10ff}').contains(&c)
}

/// Whether `c` may open a sentence, a title or an entry: a capital, or a letter of a script
/// without case (Georgian, Arabic, Hebrew).
pub fn opens_capitalised(c: char) -> bool {
    c.is_uppercase() || c.is_alphabetic() && !is_small(c)
}

/// The years a historian's text prints (1500–2099): what tells a date from a page, a leaf
/// or a note number.
pub const YEARS: std::ops::RangeInclusive<u32> = 1500..=2099;

/// Whether `digits` is a year as printed: exactly four ASCII digits in [`YEARS`].
pub fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse().is_ok_and(|y| YEARS.contains(&y))
}

/// Returns true when `c` has a look-alike in the other of Latin and Cyrillic.
fn is_ambiguous(c: char) -> bool {
    LATIN_CYRILLIC.iter().any(|&(l, cy)| c == l || c == cy)
}

/// Repairs look-alike letters of one word to the script of its distinctive letters
/// (`асаdemia` → `academia`, `oп` → `оп`, `ϕ` → `ф`). A word whose distinctive letters
/// disagree, or that has none, is returned as is.
pub fn repair_word(word: &str) -> Cow<'_, str> {
    // Fast path: a word whose letters are all of one script (or ASCII) needs nothing.
    let mut scripts = word.chars().filter_map(script_of);
    let first = scripts.next();
    if word.is_ascii() || scripts.all(|s| Some(s) == first) && first != Some(Script::Greek) {
        return Cow::Borrowed(word);
    }
    if word.chars().any(|c| matches!(c, 'ϕ' | 'φ' | 'Φ'))
        && !word.chars().any(|c| script_of(c) == Some(Script::Latin))
    {
        return Cow::Owned(word.chars().map(|c| lookalike_in(c, Script::Cyrillic)).collect());
    }
    let distinctive =
        |s: Script| word.chars().filter(|&c| !is_ambiguous(c) && script_of(c) == Some(s)).count();
    let (latin, cyrillic) = (distinctive(Script::Latin), distinctive(Script::Cyrillic));
    let target = match (latin > 0, cyrillic > 0) {
        (true, false) => Script::Latin,
        (false, true) => Script::Cyrillic,
        _ => return Cow::Borrowed(word),
    };
    Cow::Owned(word.chars().map(|c| lookalike_in(c, target)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits_in_the_historians_range() {
        assert!(is_year("1500") && is_year("1919") && is_year("2099"));
        assert!(!is_year("1499") && !is_year("2100") && !is_year("191") && !is_year("19190"));
        assert!(!is_year("+919") && !is_year("19a9"));
    }

    #[test]
    fn majority_script_counts_each_script_and_breaks_ties_by_declaration() {
        assert_eq!(majority_script("Քաղաք"), Some(Script::Armenian));
        assert_eq!(majority_script("საქმე"), Some(Script::Georgian));
        assert_eq!(majority_script("تاريخ"), Some(Script::Arabic));
        assert_eq!(majority_script("λόγος"), Some(Script::Greek));
        assert_eq!(majority_script("xyдом"), Some(Script::Cyrillic));
        assert_eq!(majority_script("xyдо"), Some(Script::Latin));
        assert_eq!(majority_script("12, —"), None);
        assert_eq!(majority_script("ירושלים"), Some(Script::Hebrew));
        assert_eq!(majority_script("共和国"), Some(Script::Han));
        assert_eq!(majority_script("アゼルバイジャン"), Some(Script::Japanese));
        assert_eq!(majority_script("역사"), Some(Script::Hangul));
    }

    #[test]
    fn turkic_fold_pairs_dotted_and_dotless_i() {
        assert_eq!(fold("İŞ"), fold("iş"));
        assert_eq!(fold("ISIM"), fold("ısım"));
        assert_eq!(fold("SİYAHI"), "siyahi");
    }

    #[test]
    fn turkic_lowercase_is_not_unicode_lowercase() {
        assert_eq!(lowercase_turkic("ISIM"), "ısım");
        assert_eq!(lowercase_turkic("İŞ"), "iş");
        assert_ne!("İŞ".to_lowercase(), "iş", "the trap TEI-ARCHIVAL-NOTES §3.3 describes");
    }

    #[test]
    fn scripts_of_letters() {
        assert_eq!(script_of('ə'), Some(Script::Latin));
        assert_eq!(script_of('ф'), Some(Script::Cyrillic));
        assert_eq!(script_of('ϕ'), Some(Script::Greek));
        assert_eq!(script_of('ա'), Some(Script::Armenian));
        assert_eq!(script_of('ს'), Some(Script::Georgian));
        assert_eq!(script_of('7'), None);
    }

    #[test]
    fn words_are_repaired_to_their_majority_script() {
        assert_eq!(repair_word("асаdemia"), "academia");
        assert_eq!(repair_word("oп"), "оп");
        assert_eq!(repair_word("ϕ"), "ф");
        assert_eq!(repair_word("186a"), "186a");
        assert_eq!(repair_word("Макhmourian"), "Makhmourian");
    }

    #[test]
    fn majority_script_counts_letters_only() {
        assert_eq!(majority_script("РГАСПИ, f. 85"), Some(Script::Cyrillic));
        assert_eq!(majority_script("12, 13"), None);
    }
}
