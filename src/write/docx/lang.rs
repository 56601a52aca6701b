//! Language tags as Word wants them: a region for proofing, and the attribute of the script.
//!
//! Word keeps three languages per run (ECMA-376 Part 1 §17.3.2.20): `w:val` for Latin,
//! Cyrillic, Greek and the other scripts set left to right, `w:eastAsia` for Chinese,
//! Japanese and Korean, `w:bidi` for the scripts set right to left (with `w:rtl` on the run
//! and `w:bidi` on the paragraph). Word picks its spelling dictionary by locale, so a bare
//! `ru` is written `ru-RU` (Word itself writes nothing else); a tag with a region, or a
//! language not in the table below, is written as the model holds it.

use crate::model::LangTag;

/// Which of Word's three language slots a tag goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// `w:val`: scripts set left to right that are not East Asian.
    Val,
    /// `w:eastAsia`: Chinese, Japanese, Korean.
    EastAsia,
    /// `w:bidi`: Arabic and Hebrew scripts (set right to left).
    Bidi,
}

/// A language as Word writes it: the tag and its slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordLang {
    /// The BCP 47 tag written (`ru-RU`, `az-Latn-AZ`).
    pub tag: String,
    /// Which attribute holds it.
    pub slot: Slot,
}

impl WordLang {
    /// True when runs in this language are set right to left.
    pub fn rtl(&self) -> bool {
        self.slot == Slot::Bidi
    }

    /// The attributes of `<w:lang>` for this language.
    pub fn attrs(&self) -> [(&'static str, &str); 1] {
        let name = match self.slot {
            Slot::Val => "w:val",
            Slot::EastAsia => "w:eastAsia",
            Slot::Bidi => "w:bidi",
        };
        [(name, self.tag.as_str())]
    }
}

/// Default regions of the languages colophon's sources are written in (Word's own choice
/// for each: the country whose name the language bears, or its largest one).
const REGIONS: &[(&str, &str)] = &[
    ("ar", "SA"),
    ("az", "AZ"),
    ("be", "BY"),
    ("bg", "BG"),
    ("cs", "CZ"),
    ("da", "DK"),
    ("de", "DE"),
    ("el", "GR"),
    ("en", "US"),
    ("es", "ES"),
    ("et", "EE"),
    ("fa", "IR"),
    ("fi", "FI"),
    ("fr", "FR"),
    ("he", "IL"),
    ("hu", "HU"),
    ("hy", "AM"),
    ("it", "IT"),
    ("ja", "JP"),
    ("ka", "GE"),
    ("kk", "KZ"),
    ("ko", "KR"),
    ("lt", "LT"),
    ("lv", "LV"),
    ("nl", "NL"),
    ("pl", "PL"),
    ("pt", "PT"),
    ("ro", "RO"),
    ("ru", "RU"),
    ("sk", "SK"),
    ("sr", "RS"),
    ("sv", "SE"),
    ("tr", "TR"),
    ("uk", "UA"),
    ("ur", "PK"),
    ("uz", "UZ"),
    ("yi", "001"),
    ("zh", "CN"),
];

/// Languages written in the Arabic or Hebrew script unless the tag names another script
/// (Ottoman Turkish, Persian, Urdu, Pashto, Sorani, Uyghur, Yiddish, Ladino in Rashi).
const RTL: &[&str] = &["ar", "fa", "he", "ota", "ps", "ckb", "ug", "ur", "yi", "sd", "dv", "syr"];

/// Languages Word keeps in its East Asian slot.
const EAST_ASIAN: &[&str] = &["zh", "ja", "ko"];

/// Maps a model tag to Word's form: the region added where the tag has none and the
/// language has a default one; the slot from the tag's script subtag, else the language.
pub fn word_lang(tag: &LangTag) -> WordLang {
    let subtags: Vec<&str> = tag.as_str().split('-').collect();
    let primary = tag.primary().to_ascii_lowercase();
    let script = subtags.iter().skip(1).find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()));
    // Only `ll` and `ll-Scrp` get a region: after a region, a variant (`de-1901`) or an
    // extension (`x-…`) one would be misplaced, and those are kept exactly.
    let bare = subtags.len() == 1 || (subtags.len() == 2 && script.is_some());
    let slot = match script.map(|s| s.to_ascii_lowercase()) {
        Some(s) if s == "arab" || s == "hebr" || s == "syrc" || s == "thaa" => Slot::Bidi,
        Some(s) if ["hani", "hans", "hant", "jpan", "kore", "hang", "hira", "kana"].contains(&s.as_str()) => {
            Slot::EastAsia
        }
        Some(_) => Slot::Val,
        None if RTL.contains(&primary.as_str()) => Slot::Bidi,
        None if EAST_ASIAN.contains(&primary.as_str()) => Slot::EastAsia,
        None => Slot::Val,
    };
    let region = REGIONS.iter().find(|(l, _)| *l == primary).map(|(_, r)| *r);
    let tag = match region {
        Some(r) if bare => format!("{}-{r}", tag.as_str()),
        _ => tag.as_str().to_string(),
    };
    WordLang { tag, slot }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str) -> WordLang {
        word_lang(&LangTag::parse(t).unwrap())
    }

    #[test]
    fn bare_languages_get_their_region_and_slot() {
        assert_eq!(w("ru"), WordLang { tag: "ru-RU".into(), slot: Slot::Val });
        assert_eq!(w("tr").tag, "tr-TR");
        assert_eq!(w("en").tag, "en-US");
        assert_eq!(w("az-Latn").tag, "az-Latn-AZ");
        assert_eq!(w("az-Cyrl"), WordLang { tag: "az-Cyrl-AZ".into(), slot: Slot::Val });
        assert_eq!(w("ar"), WordLang { tag: "ar-SA".into(), slot: Slot::Bidi });
        assert!(w("he").rtl());
        assert_eq!(w("ja").slot, Slot::EastAsia);
    }

    #[test]
    fn tags_with_a_region_or_an_extension_or_unknown_are_kept() {
        assert_eq!(w("en-GB").tag, "en-GB");
        assert_eq!(w("es-419").tag, "es-419");
        assert_eq!(w("x-unknown").tag, "x-unknown");
        assert_eq!(w("de-x-old").tag, "de-x-old");
        assert_eq!(w("chm").tag, "chm");
        assert_eq!(w("de-1901").tag, "de-1901");
    }

    #[test]
    fn the_script_subtag_decides_the_slot() {
        assert_eq!(w("ota").slot, Slot::Bidi);
        assert_eq!(w("ota-Latn").slot, Slot::Val);
        assert_eq!(w("az-Arab").slot, Slot::Bidi);
        assert_eq!(w("ru-Latn").slot, Slot::Val);
        assert_eq!(w("sr-Cyrl").tag, "sr-Cyrl-RS");
        assert_eq!(w("yi").tag, "yi-001");
        assert_eq!(w("yi").slot, Slot::Bidi);
    }

    #[test]
    fn attrs_name_the_slot() {
        assert_eq!(w("ru").attrs(), [("w:val", "ru-RU")]);
        assert_eq!(w("fa").attrs(), [("w:bidi", "fa-IR")]);
        assert_eq!(w("zh").attrs(), [("w:eastAsia", "zh-CN")]);
    }
}
