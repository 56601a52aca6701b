//! Which language an Arabic-script text is in: Arabic, Persian, or one the rules leave
//! untagged (Ottoman Turkish, Urdu, Pashto, Kurdish, Uyghur…).
//!
//! Letters first: the letters Urdu, Pashto, Sorani Kurdish, Uyghur and Sindhi added to the
//! alphabet, and the Ottoman and Turkic `ڭ`, say "not Arabic, not Persian" and leave the
//! text untagged. Then words, because the letters alone do not tell Persian from Ottoman
//! Turkish (both write `پ چ ژ گ`, and Arabic typed on a Persian keyboard has `ی ک`):
//! Persian by its own function words (`از را این های است برای`; not by its digits `۱۲۳`,
//! which Ottoman and Urdu print too);
//! Ottoman by its suffixes and words (`-لری`, `ایله`, `اولان`, `ایچون`), which veto Persian;
//! Arabic by its article and function words (`ال`, `في`, `من`, `على`) and its `ة`, with none
//! of the letters Arabic does not write.

/// Letters of other languages written in Arabic script: Urdu `ٹ ڈ ڑ ں ے`, Pashto `ټ ډ ړ ږ
/// ښ ځ څ ۍ`, Sorani `ڵ ڕ ێ ۆ`, Uyghur `ې ۇ ۈ ۋ`, Sindhi `ٻ ڄ ڃ ٺ`, and the nasal `ڭ` of
/// Ottoman Turkish, Kazakh and Uyghur.
const OTHER_LANGUAGES: &str = "ٹڈڑںےۓټډړږښځڅۍڵڕێۆېۇۈۋٻڄڃٺڭ";

/// Letters Persian (and Ottoman, and Urdu) write and Arabic does not: `پ چ ژ گ`, the
/// Persian `ی` and `ک`, and the Persian digits.
const NOT_ARABIC: &str = "پچژگیک۰۱۲۳۴۵۶۷۸۹";

/// Persian function words Ottoman Turkish and Arabic do not write as words.
const FA_WORDS: &[&str] = &[
    "از",
    "را",
    "این",
    "آن",
    "های",
    "ها",
    "است",
    "برای",
    "شده",
    "بود",
    "می",
    "هم",
    "بین",
    "دربارهٔ",
    "درباره",
    "در",
    "به",
];

/// Ottoman Turkish words Persian and Arabic do not write.
const OTA_WORDS: &[&str] =
    &["ایله", "اوله", "اولان", "اولنان", "ایچون", "ایچین", "بو", "شو", "اوزرینه", "حقنده", "دائر", "سنه‌سی"];

/// Arabic function words (Persian writes `از`, `به`, `در` for most of them).
const AR_WORDS: &[&str] =
    &["في", "من", "على", "إلى", "الى", "عن", "التي", "الذي", "هذا", "هذه", "مع", "بين", "حتى", "أو", "ثم"];

/// Decides among the Arabic-script languages; see the module documentation.
pub(super) fn arabic(text: &str) -> Option<&'static str> {
    if text.chars().any(|c| OTHER_LANGUAGES.contains(c)) {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphabetic() || c == '\u{200C}' || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .collect();
    let in_list = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    // Persian typed with the Arabic `ي ى ك` (as many catalogues do): its words are its words.
    let persian_spelt: Vec<String> =
        words.iter().map(|w| w.replace(['ي', 'ى'], "ی").replace('ك', "ک")).collect();
    // Ottoman: its words, and its plural with a case or possessive ending (`-لری`, `-لرینه`).
    let ottoman = in_list(OTA_WORDS)
        + words
            .iter()
            .filter(|w| {
                w.chars().count() > 4
                    && ["لری", "لرى", "لرینه", "لرنده", "لرک", "لرك"].iter().any(|e| w.ends_with(e))
            })
            .count();
    if ottoman > 0 {
        return None;
    }
    // (The Persian digits `۱۲۳` are no evidence: Ottoman and Urdu print them too.)
    let persian = persian_spelt.iter().filter(|w| FA_WORDS.contains(&w.as_str())).count();
    let not_arabic = text.chars().any(|c| NOT_ARABIC.contains(c));
    // The article on a word long enough to be more than `ال` and a root, the feminine `ة`,
    // the final `ى`, and the function words.
    let article = words.iter().filter(|w| w.starts_with("ال") && w.chars().count() >= 4).count();
    let arabic = in_list(AR_WORDS)
        + article
        + usize::from(text.contains('ة'))
        + words.iter().filter(|w| w.ends_with('ى') && w.chars().count() > 2).count();
    // Arabic never writes Persian's function words; Persian borrows Arabic phrases
    // (`بین المللى`). Arabic needs its article besides (`على` is also the name Ali).
    if persian >= 2 || persian > 0 && persian >= arabic {
        Some("fa")
    } else if !not_arabic && persian == 0 && article > 0 && arabic >= 2 {
        Some("ar")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_by_its_words_and_digits() {
        assert_eq!(arabic("ریشه های تاریخی جدایی قفقاز از ایران"), Some("fa"));
        assert_eq!(arabic("دولت عثمانی از تاسیس تا انحلال"), Some("fa"));
        // Typed with the Arabic `ي ى`, beside an Arabic phrase.
        assert_eq!(arabic("حقوق و تابعيت زن در ازدواج هاى بين المللى آميخته"), Some("fa"));
        // Persian digits alone: Ottoman prints them too.
        assert_eq!(arabic("(بیگدلی، سخندان درابی، بیتا: ۶۴-۶۳)"), None);
        assert_eq!(arabic("تاريخ عثمانى، جلد ۲، استانبول ۱۳۰۹، ص 45–47."), None);
    }

    #[test]
    fn arabic_by_its_article_and_words() {
        assert_eq!(arabic("تاريخ الدولة العثمانية من البداية الى النهاية"), Some("ar"));
        assert_eq!(arabic("الحرب الإيرانية العثمانية (1730-1736م)"), Some("ar"));
    }

    #[test]
    fn ottoman_urdu_and_too_little_stay_untagged() {
        // Ottoman: its words and plural endings veto the Persian words it borrows.
        assert_eq!(arabic("تاریخ دولت علیه عثمانیه ایله روسیه آراسنده"), None);
        assert_eq!(arabic("عثمانلی دولتنک قفقاسیه سیاستلری و بو سیاستک نتیجه لری از"), None);
        // Urdu's own letters.
        assert_eq!(arabic("برصغیر کی تاریخ اور مسلمانوں کا کردار"), None);
        // A name and a page: no words that decide.
        assert_eq!(arabic("(ص 235؛ کسروی، 406)"), None);
        // Persian letters with the Arabic article only: neither.
        assert_eq!(arabic("کتاب الفهرست"), None);
        // `على` here is the name Ali: no article, no Arabic.
        assert_eq!(arabic("مجموعه داستان / سارا جمال آبادى ؛ ويراستار، على حسن آبادى."), None);
    }
}
