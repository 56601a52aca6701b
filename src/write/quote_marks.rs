//! The quotation marks each language prints around an inline quotation (CLDR's
//! `quotationStart`/`quotationEnd` and their alternates): the model keeps a quotation without
//! its marks, and every output that prints text chooses them here from the language around.

use crate::model::{LangTag, QuoteStyle};

/// The opening and closing marks of a quotation of `style` in `lang` (the document's, or the
/// run's around it). Languages not listed take the English marks.
pub fn marks(lang: Option<&LangTag>, style: QuoteStyle) -> (&'static str, &'static str) {
    let primary = lang.map(|l| l.primary().to_ascii_lowercase()).unwrap_or_default();
    let (outer, inner) = match primary.as_str() {
        // « » outside, „ “ inside.
        "ru" | "uk" | "be" | "kk" | "ky" | "tg" | "tt" | "ba" => (GUILLEMETS, LOW_HIGH),
        "de" | "cs" | "sk" | "sl" | "lt" | "is" => (LOW_HIGH, LOW_HIGH_SINGLE),
        "bg" | "ka" => (LOW_HIGH, LOW_HIGH),
        "sr" | "mk" | "hr" | "bs" => (LOW_HIGH_RIGHT, SINGLE),
        "pl" | "ro" | "hu" => (LOW_HIGH_RIGHT, GUILLEMETS),
        // French, Italian, Spanish, Portuguese, Greek, Armenian, Persian, Arabic: « » outside.
        "fr" => (FRENCH, DOUBLE),
        "it" | "es" | "pt" | "el" | "hy" | "fa" | "ar" | "no" | "nb" | "nn" => (GUILLEMETS, DOUBLE),
        "mn" => (GUILLEMETS, DOUBLE),
        _ => (DOUBLE, SINGLE),
    };
    match style {
        QuoteStyle::Double => outer,
        QuoteStyle::Single => inner,
    }
}

const DOUBLE: (&str, &str) = ("\u{201C}", "\u{201D}");
const SINGLE: (&str, &str) = ("\u{2018}", "\u{2019}");
const GUILLEMETS: (&str, &str) = ("\u{AB}", "\u{BB}");
/// French sets a narrow no-break space inside the guillemets.
const FRENCH: (&str, &str) = ("\u{AB}\u{202F}", "\u{202F}\u{BB}");
const LOW_HIGH: (&str, &str) = ("\u{201E}", "\u{201C}");
const LOW_HIGH_RIGHT: (&str, &str) = ("\u{201E}", "\u{201D}");
const LOW_HIGH_SINGLE: (&str, &str) = ("\u{201A}", "\u{2018}");

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    #[test]
    fn each_language_takes_its_own_marks() {
        assert_eq!(marks(Some(&tag("en")), QuoteStyle::Double), ("“", "”"));
        assert_eq!(marks(Some(&tag("en-GB")), QuoteStyle::Single), ("‘", "’"));
        assert_eq!(marks(Some(&tag("ru")), QuoteStyle::Double), ("«", "»"));
        assert_eq!(marks(Some(&tag("ru")), QuoteStyle::Single), ("„", "“"));
        assert_eq!(marks(Some(&tag("de")), QuoteStyle::Double), ("„", "“"));
        assert_eq!(marks(Some(&tag("fr")), QuoteStyle::Double), ("«\u{202F}", "\u{202F}»"));
        assert_eq!(marks(Some(&tag("pl")), QuoteStyle::Double), ("„", "”"));
        assert_eq!(marks(Some(&tag("tr")), QuoteStyle::Double), ("“", "”"));
    }

    #[test]
    fn unknown_or_missing_language_takes_the_english_marks() {
        assert_eq!(marks(None, QuoteStyle::Double), ("“", "”"));
        assert_eq!(marks(Some(&tag("ja")), QuoteStyle::Single), ("‘", "’"));
    }
}
