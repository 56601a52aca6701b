//! Hebrew script: Hebrew, unless the text shows Yiddish (its ligatures `װ ױ ײ`, the rafe of
//! `פֿ`, its function words). Two signs of Yiddish tag it `yi`; one leaves the text untagged.

/// Frequent Yiddish words Hebrew does not write (`און` "and", `פֿון` "of", `דער`, `דאָס`,
/// `זיך`, `וועגן` "about", the names of the language).
const YI_WORDS: &[&str] = &[
    "און",
    "פֿון",
    "פון",
    "דער",
    "דאָס",
    "דאס",
    "זיך",
    "וועגן",
    "װעגן",
    "ניט",
    "נישט",
    "ייִדיש",
    "יידיש",
    "ייִדישע",
    "יידישע",
    "אידיש",
    "ביכער",
];

/// Decides between Hebrew and Yiddish; see the module documentation.
pub(super) fn hebrew(text: &str) -> Option<&'static str> {
    let yiddish = text.chars().filter(|c| matches!(c, 'װ' | 'ױ' | 'ײ' | '\u{5BF}')).count().min(2)
        + text
            .split(|c: char| !(c.is_alphabetic() || ('\u{591}'..='\u{5C7}').contains(&c)))
            .filter(|w| YI_WORDS.contains(w))
            .count();
    match yiddish {
        0 => Some("he"),
        1 => None,
        _ => Some("yi"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_unless_yiddish() {
        assert_eq!(hebrew("היחס לכוח פיזי ולגבורה צבאית בתנועת הנוער"), Some("he"));
        assert_eq!(hebrew("די געשיכטע פֿון דער ייִדישער ליטעראַטור"), Some("yi"));
        assert_eq!(hebrew("געשיכטע און ליטעראַטור"), None);
    }
}
