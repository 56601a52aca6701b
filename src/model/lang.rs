//! Language tags (BCP 47) and writing systems (ISO 15924).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A well-formed BCP 47 language tag such as `en`, `tr`, `az-Latn` or `ru-Latn`.
///
/// Only the syntax is checked (RFC 5646 §2.1 subtags: letters/digits, 1–8 long, the first
/// subtag 2–3 letters or `x`/`i`), not the registry: the tag is data the user may extend.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LangTag(String);

impl LangTag {
    /// Parses a tag, returning an error message when it is not well-formed BCP 47.
    pub fn parse(tag: &str) -> Result<Self, String> {
        let mut parts = tag.split('-');
        let first = parts.next().unwrap_or("");
        let first_ok = (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic())
            || first == "x"
            || first == "i";
        let rest_ok =
            parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if first_ok && rest_ok {
            Ok(LangTag(tag.to_string()))
        } else {
            Err(format!("`{tag}` is not a well-formed BCP 47 language tag (e.g. en, tr, az-Latn)"))
        }
    }

    /// Returns the tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the primary language subtag (`az` for `az-Latn`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or("")
    }
}

impl TryFrom<String> for LangTag {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        LangTag::parse(&s)
    }
}

impl From<LangTag> for String {
    fn from(t: LangTag) -> String {
        t.0
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The writing system of a run of text (ISO 15924 code in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Script {
    /// Latin letters (`Latn`).
    #[serde(rename = "Latn")]
    Latin,
    /// Cyrillic letters (`Cyrl`).
    #[serde(rename = "Cyrl")]
    Cyrillic,
    /// Greek letters (`Grek`).
    #[serde(rename = "Grek")]
    Greek,
    /// Armenian letters (`Armn`).
    #[serde(rename = "Armn")]
    Armenian,
    /// Georgian letters (`Geor`).
    #[serde(rename = "Geor")]
    Georgian,
    /// Arabic letters (`Arab`).
    #[serde(rename = "Arab")]
    Arabic,
    /// Hebrew letters (`Hebr`): Hebrew, Yiddish, Ladino.
    #[serde(rename = "Hebr")]
    Hebrew,
    /// Chinese characters without kana (`Hani`).
    #[serde(rename = "Hani")]
    Han,
    /// Kana, with the Chinese characters written among them (`Jpan`).
    #[serde(rename = "Jpan")]
    Japanese,
    /// Hangul (`Hang`).
    #[serde(rename = "Hang")]
    Hangul,
    /// Several scripts with none dominant (ISO 15924 `Zyyy`, "common").
    #[serde(rename = "Zyyy")]
    Mixed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_tags_we_write() {
        for t in ["en", "tr", "ru", "uk", "az-Latn", "az-Cyrl", "ru-Latn", "x-unknown"] {
            assert!(LangTag::parse(t).is_ok(), "{t}");
        }
    }

    #[test]
    fn rejects_malformed_tags() {
        for t in ["", "e", "english", "az_Latn", "az-", "ru-Latinisation"] {
            assert!(LangTag::parse(t).is_err(), "{t}");
        }
    }

    #[test]
    fn primary_subtag() {
        assert_eq!(LangTag::parse("az-Latn").unwrap().primary(), "az");
    }

    #[test]
    fn serde_rejects_bad_tag() {
        let r: Result<LangTag, _> = serde_json::from_str("\"not a tag\"");
        assert!(r.is_err());
    }
}
