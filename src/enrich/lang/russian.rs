//! Evidence for and against Russian in Cyrillic text that has no letter of another alphabet.
//!
//! Plain Russian letters are shared by Bulgarian, Serbian and Macedonian (in capitals, or
//! without `ъ ј љ њ`), and by the Turkic and Mongolian alphabets when their own letters are
//! missing (typed without them, or written in capitals). Russian is tagged on positive
//! evidence only: the letters `ы э ё` that the South Slavic alphabets lack, the endings of
//! Russian adjectives and pronouns, words only Russian has. Evidence against it: letter
//! pairs Russian spelling never writes (`кы гы хы жы шы чы щы`: Turkic; `э` after a
//! consonant inside a word: Mongolian, Belarusian; long vowels written double: Mongolian,
//! Kyrgyz), Turkic plural and case suffixes, the South Slavic adjective in `-ски`/`-ско` and
//! the Bulgarian and Macedonian plural article `-ите`.

/// Endings of Russian adjectives, pronouns and nouns that the other Cyrillic languages of the
/// region do not write (checked on words of five letters or more).
const RU_ENDINGS: &[&str] = &[
    "ении",
    "ании",
    "ением",
    "анием",
    "ений",
    "аний",
    "ией",
    "ами",
    "ями",
    "кие",
    "ый",
    "ий",
    "ой",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ых",
    "ться",
    "ость",
    "ости",
];

/// Words only Russian writes among the Cyrillic languages weighed here (function words,
/// bibliographic words, the cities of Russian publishing).
const RU_ONLY: &[&str] = &[
    "что",
    "как",
    "это",
    "для",
    "же",
    "лет",
    "через",
    "об",
    "изд",
    "спб",
    "москва",
    "ленинград",
    "петербург",
    "издательство",
    "вып",
    "гг",
    // The archive's file, storage unit and sheets (`д. 32, л. 3`; `ед. хр.`): Ukrainian
    // writes `спр.`, `арк.`, Bulgarian `а.е.`.
    "д",
    "ед",
    "хр",
    "лл",
];

/// What follows the Turkic plural `-лар`/`-лер` at the end of a word (possessive and case
/// suffixes: `-лары`, `-ларда`, `-ларида`, `-ларнинг`); Russian words of seven letters or more
/// do not end so.
const AFTER_PLURAL: &[&str] =
    &["", "ы", "и", "да", "де", "га", "ге", "ни", "ын", "ин", "ида", "иде", "ини", "нинг", "дан", "ден"];

/// The third-person possessive with a case after a vowel stem (`палатасына` "to its
/// chamber", `китабесинде`): Kazakh, Kyrgyz, Tatar, Bashkir typed without their letters.
/// (Russian's `сына` "of the son" is shorter than the seven letters asked for.)
const POSSESSIVE_CASES: &[&str] = &["сына", "сине", "сында", "синде", "сынан", "синен"];

/// True for a word of seven letters or more ending in a Turkic plural with its suffixes, a
/// possessive with its case, or the Uzbek genitive `-нинг`.
fn turkic_suffix(word: &str, n: usize) -> bool {
    n >= 7
        && (word.ends_with("нинг")
            || POSSESSIVE_CASES.iter().any(|e| word.ends_with(e))
            || ["лар", "лер"].iter().any(|pl| {
                word.rfind(pl).is_some_and(|k| k >= 6 && AFTER_PLURAL.contains(&&word[k + pl.len()..]))
            }))
}

/// True when `word` (lowercase) has something Russian spelling never writes, or an ending
/// of a Turkic or South Slavic language.
pub(super) fn not_russian(word: &str) -> bool {
    let mut n = 0;
    let mut prev = ' ';
    for c in word.chars() {
        let pair = match c {
            // `кы гы хы…` (Russian writes `и` there); `э` after a consonant.
            'ы' => "кгхжшчщ".contains(prev),
            'э' => is_consonant(prev) || prev == 'э',
            // Long vowels written double (Mongolian, Kyrgyz); Russian doubles only `о`
            // (`кооперация`).
            'а' | 'у' | 'ү' | 'ө' => prev == c,
            // Russian writes `ъ` only before `е ё ю я` (`объявление`) or, before 1918, at
            // the end of a word; Tajik and Uzbek write it for the Arabic `ʿayn` before any
            // vowel (`таърих`, `маъно`), Bulgarian before consonants (`държава`).
            _ if prev == 'ъ' => !"еёюя".contains(c),
            _ => false,
        };
        if pair {
            return true;
        }
        prev = c;
        n += 1;
    }
    // Tajik: the izofa after a vowel on a long word (`Донишномаи`; a Greek name in Russian
    // may end so, `Архелаи`, but is short) and the plural `-иён` (`Сомониён`).
    turkic_suffix(word, n)
        || n >= 8 && (word.ends_with("аи") || word.ends_with("уи"))
        || n >= 6 && word.ends_with("иён")
        || n >= 6 && (word.ends_with("ски") || word.ends_with("ско") || word.ends_with("ите"))
}

fn is_consonant(c: char) -> bool {
    "бвгджзйклмнпрстфхцчшщ".contains(c)
}

/// True when `word` (lowercase) shows Russian: `ы э ё`, a Russian ending or a word only
/// Russian has. A word with a Ukrainian letter (Ukrainian adjectives end as Russian ones
/// do) is not evidence, nor is one that is also [`not_russian`] (see [`weigh`]).
fn own_signs(word: &str) -> bool {
    if word.contains(['і', 'ї', 'є', 'ґ']) {
        return false;
    }
    word.contains(['ы', 'э', 'ё'])
        || word.chars().count() >= 5 && RU_ENDINGS.iter().any(|e| word.ends_with(e))
        || RU_ONLY.contains(&word)
}

/// True when `word` has `ь` but before `о` (Bulgarian's only place for it; Serbian and
/// Macedonian do not write it), or a consonant doubled as Russian keeps it in loanwords
/// (`телеграмма`, `класс`, `группа`; Bulgarian, Serbian and Macedonian write one): Russian
/// rather than South Slavic, though Ukrainian and Belarusian write the soft sign too.
fn east_slavic(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let soft_sign = chars.iter().enumerate().any(|(i, &c)| c == 'ь' && chars.get(i + 1) != Some(&'о'));
    let doubled = chars.windows(2).any(|p| p[0] == p[1] && "бгдзклмпрстф".contains(p[0]));
    soft_sign || doubled
}

/// The evidence about Russian in a text: see the module documentation.
pub(super) struct Weight {
    /// Words that show Russian against all its neighbours ([`own_signs`]).
    pub(super) russian: usize,
    /// Further words that show Russian against the South Slavic languages only
    /// ([`east_slavic`]).
    pub(super) east_slavic: usize,
    /// Words that show another language ([`not_russian`]).
    pub(super) against: usize,
}

/// Words for and against Russian in `words` (lowercase) of `text`. The first part of a
/// compound (`советско-турецких`) is not an ending: Russian writes `-ско-` there.
pub(super) fn weigh(words: &[String], text: &str) -> Weight {
    let (mut russian_words, mut east) = (0, 0);
    let mut against = Vec::new();
    for w in words {
        if not_russian(w) {
            against.push(w);
        } else if own_signs(w) {
            russian_words += 1;
        } else if east_slavic(w) {
            east += 1;
        }
    }
    if !against.is_empty() && text.contains('-') {
        let lower = text.to_lowercase();
        against.retain(|w| !lower.contains(&format!("{w}-")));
    }
    Weight { russian: russian_words, east_slavic: east, against: against.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weigh_text(t: &str) -> (usize, usize) {
        let words: Vec<String> =
            t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        let w = weigh(&words, t);
        (w.russian + w.east_slavic, w.against)
    }

    #[test]
    fn russian_shows_in_its_letters_and_endings() {
        assert_eq!(weigh_text("Новые материалы по истории крестьянства"), (3, 0));
        assert_eq!(weigh_text("ДОКЛАДЫ АКАДЕМИИ НАУК"), (1, 0));
        assert_eq!(weigh_text("Сборник статей. Москва, 1990"), (1, 0));
        assert_eq!(weigh_text("Письмо Ленину // ГАРФ, ф. 130, оп. 2, д. 5, л. 7"), (2, 0));
        assert_eq!(weigh_text("Карта на Царство България"), (0, 1)); // `ъ` before a consonant
        assert_eq!(weigh_text("Телеграмма Орджоникидзе"), (1, 0));
        assert_eq!(weigh_text("Телеграма на Орджоникидзе"), (0, 0));
    }

    #[test]
    fn neighbours_without_their_letters_are_not_russian() {
        // Bulgarian and Serbian in capitals, Tatar and Uzbek without their letters, Mongolian.
        assert_eq!(weigh_text("ИСТОРИЧЕСКО НАСЛЕДСТВО"), (0, 1));
        assert_eq!(weigh_text("СРПСКИ ИСТОРИЧАРИ"), (0, 1));
        assert_eq!(weigh_text("Яучы жырлары"), (0, 2));
        assert_eq!(weigh_text("китоблар мажмуаларда"), (0, 2));
        assert_eq!(weigh_text("Монгол хэлний дүрэм"), (0, 2));
        assert_eq!(weigh_text("Улаанбаатар хот"), (0, 1));
        assert_eq!(weigh_text("Кыргызские песни"), (0, 1));
        assert_eq!(weigh_text("Татарстан Китап палатасына 80 ел"), (0, 1));
        // Russian's `сына` (of the son) is too short to be a Turkic possessive.
        assert_eq!(weigh_text("Письмо сына к матери").1, 0);
        assert_eq!(weigh_text("Из истории советско-турецких отношений"), (1, 0));
        // Tajik: the izofa after a vowel, `ъ` before a vowel other than `е ё ю я`.
        assert_eq!(weigh_text("Донишномаи Сомониён"), (0, 2));
        assert_eq!(weigh_text("Таърих"), (0, 1));
        assert_eq!(weigh_text("Объявление о подъезде").1, 0);
    }
}
