//! The few words the writers print themselves (section headings), in the document's language.

/// Returns the heading of a notes section ("Notes": the endnotes after the text, or every
/// note of an e-book) in the language of `lang` (a BCP 47 tag), English when it is not known.
pub fn notes_heading(lang: &str) -> &'static str {
    match primary(lang) {
        "tr" => "Notlar",
        "az" => "Qeydlər",
        "ru" => "Примечания",
        "uk" => "Примітки",
        _ => "Notes",
    }
}

/// Returns the heading of the footnotes' section of an e-book that has endnotes too (so that
/// the two sections are told apart), in the language of `lang`, English when it is not known.
pub fn footnotes_heading(lang: &str) -> &'static str {
    match primary(lang) {
        "tr" => "Dipnotlar",
        "ru" => "Сноски",
        "uk" => "Виноски",
        _ => "Footnotes",
    }
}

/// Returns what follows a table's label on the pages it continues onto ("(continued)"), in
/// the language of `lang`, English when it is not known.
pub fn continued(lang: &str) -> &'static str {
    match primary(lang) {
        "tr" => "(devamı)",
        "az" => "(davamı)",
        "ru" => "(продолжение)",
        "uk" => "(продовження)",
        "de" => "(Fortsetzung)",
        "fr" => "(suite)",
        _ => "(continued)",
    }
}

/// The primary language subtag, lowercased by the caller's tag (`ru` of `ru-Latn`).
fn primary(lang: &str) -> &str {
    lang.split('-').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_follow_the_primary_language_and_fall_back_to_english() {
        assert_eq!(notes_heading("ru-Cyrl"), "Примечания");
        assert_eq!(notes_heading("tr"), "Notlar");
        assert_eq!(notes_heading("und"), "Notes");
        assert_eq!(notes_heading(""), "Notes");
        assert_eq!(footnotes_heading("uk"), "Виноски");
        assert_eq!(footnotes_heading("az"), "Footnotes");
        assert_eq!(footnotes_heading("x-bad-"), "Footnotes");
        assert_eq!(continued("ru"), "(продолжение)");
        assert_eq!(continued("tr-TR"), "(devamı)");
        assert_eq!(continued(""), "(continued)");
    }
}
