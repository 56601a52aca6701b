//! Which Cyrillic language: the letters each alphabet has and Russian lacks decide first,
//! then words. Plain Russian letters are Russian on evidence ([`russian::weigh`]): in capitals only
//! with Russian's own signs, in mixed case when nothing speaks against it (Russian is the
//! language most of the region's bibliographies are written in); never when Turkic,
//! Mongolian or South Slavic signs outweigh it.
//!
//! The alphabets (Unicode's Cyrillic charts; the national orthographies):
//! - Ossetian `ӕ`; Chuvash `ӑ ӗ ӳ`; Bashkir `ҡ ҙ`; Tatar `җ`; Tajik `ӣ ӯ ҷ`; Kazakh `ұ`,
//!   and `қ` or `ң` with its other letters; Azerbaijani `ј ҹ ҝ` with `ә` (and none of the Kazakh letters);
//! - Serbian `ђ ћ`; Macedonian `ѓ ќ ѕ`; both write `ј љ њ џ`;
//! - Uzbek `ў` with `қ ғ ҳ`, Belarusian `ў` or `і` with `ы`/`э` and without `и щ ъ`;
//! - Ukrainian `ї є ґ`, and `і` without `ы э ъ ё`;
//! - Russian before 1918 writes `і ѣ ѳ ѵ` and a final `ъ` (still Russian);
//! - Bulgarian: `ъ` before a consonant (`България`, `държава`), `ѝ`, and its own words.
//!
//! - Mongolian `ө ү` without `ң` and with `э` inside words; Tatar `ә` with its own words.
//!
//! Where the letters point at two languages (`ө ү` alone: Kyrgyz or Mongolian; `љ њ џ`
//! alone: Serbian or Macedonian) and no word decides, nothing is tagged.

use super::russian;

/// Frequent Bulgarian words Russian does not have (or spells otherwise).
const BG: &[&str] = &[
    "към",
    "във",
    "със",
    "съм",
    "като",
    "които",
    "който",
    "която",
    "което",
    "също",
    "години",
    "българия",
    "българска",
    "българската",
    "българския",
    "българският",
    "софия",
    "ще",
    "тези",
    "този",
    "това",
    "тази",
];
/// Frequent Serbian words that Macedonian spells otherwise.
const SR: &[&str] =
    &["је", "у", "из", "као", "или", "године", "србије", "српске", "српски", "београд", "између"];
/// Frequent Macedonian words that Serbian spells otherwise.
const MK: &[&str] = &["во", "се", "македонија", "македонски", "скопје", "македонската", "меѓу", "беше"];

/// Decides among the Cyrillic languages; `uk_words`/`ru_words` count the words of each
/// list (see the module's word lists).
pub(super) fn cyrillic(
    words: &[String],
    text: &str,
    uk_words: usize,
    ru_words: usize,
) -> Option<&'static str> {
    let count = |set: &str| words.iter().filter(|w| w.chars().any(|c| set.contains(c))).count();
    // The letters of the text, gathered once: most questions are "does the text have one of
    // these letters", asked a score of times.
    let mut present: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
    present.sort_unstable();
    present.dedup();
    let has = |set: &str| set.chars().any(|c| present.binary_search(&c).is_ok());
    // One word in another alphabet inside a Russian entry (a Kazakh publisher, `Алматы:
    // Қазақстан`) does not make the entry Kazakh: Russian function words outweigh it.
    let special = count("ӕæӑӗӳҡҙҫҗӣӯҷұқңғәөүһҹҝјўҳ");
    let russian_frame = special <= 1 && in_list(words, RU_FRAME) >= 2;
    // Ossetian is often typed with the Latin `æ`.
    if has("ӕæ") {
        return Some("os");
    }
    // Letters of one language only.
    for (letters, tag) in [
        ("ӑӗӳ", "cv"),
        ("ҡҙ", "ba"),
        ("җ", "tt"),
        ("ӣӯҷ", "tg"),
        ("ұ", "kk"),
        ("ђћ", "sr-Cyrl"),
        ("ѓќѕ", "mk"),
    ] {
        if has(letters) && !russian_frame {
            return Some(tag);
        }
    }
    if !russian_frame {
        if let Some(tag) = turkic(words, &has) {
            return tag;
        }
    }
    if has("љњџј") {
        // Serbian or Macedonian: only words decide.
        let (sr, mk) = (in_list(words, SR), in_list(words, MK));
        return match sr.cmp(&mk) {
            std::cmp::Ordering::Greater => Some("sr-Cyrl"),
            std::cmp::Ordering::Less => Some("mk"),
            std::cmp::Ordering::Equal => None,
        };
    }
    if has("ў") && !russian_frame {
        // Uzbek writes `ў` with `қ ғ ҳ`; Belarusian with `і` and `ы`, which Uzbek does not
        // write (`Ўзбек тилида` is neither shown Belarusian nor Uzbek by its letters).
        return if has("қғҳ") {
            Some("uz-Cyrl")
        } else if has("іы") {
            Some("be")
        } else {
            None
        };
    }
    let pre_reform = has("ѣѳѵ") || words.iter().any(|w| w.chars().count() > 2 && w.ends_with('ъ'));
    if pre_reform {
        return Some("ru");
    }
    let russian_letters = count("ыэё");
    // `ї є ґ` are Ukrainian's alone (`українського` has no `і`, and its Russian-looking
    // `-ого` must not outweigh them).
    if has("їєґ") {
        return Some("uk");
    }
    if has("і") {
        // Belarusian writes `і` and `ы`, never `и`, `щ` or `ъ`; nor does it write Ukrainian's
        // `и`, and its adjectives end in `-ага`, `-ай`, `-ае` (`белага`, `беларускай`,
        // `сіняе`), where Ukrainian writes `-ого`, `-ої`, `-е`.
        let adjectives = words
            .iter()
            .filter(|w| {
                let n = w.chars().count();
                n >= 5 && ["ага", "яга", "ае", "яе"].iter().any(|e| w.ends_with(e))
                    || n >= 6 && w.ends_with("ай")
            })
            .count();
        if !has("ищъ") && (russian_letters > 0 || adjectives > 0) {
            return Some("be");
        }
    }
    // Russian needs its own evidence, and more than twice what speaks against it:
    // Bulgarian, Serbian, Macedonian, Turkic and Mongolian text without its own letters is not
    // Russian.
    let weight = russian::weigh(words, text);
    // Mongolian's own words (`нь`, `улсын`) speak against Russian too: its `ы ё ь`
    // (`ордны ёслолыг … нь`) look Russian.
    let (for_ru, against_ru) = (weight.russian + weight.east_slavic, weight.against + in_list(words, MN));
    let long_words = words.iter().filter(|w| w.chars().count() >= 3).count();
    let capitals = !text.chars().any(char::is_lowercase);
    let uk = count("іїєґ") + uk_words;
    let ru = weight.russian + ru_words;
    let bulgarian = words.iter().filter(|w| bulgarian_hard_sign(w)).count() + count("ѝ") + in_list(words, BG);
    if bulgarian > 0 && bulgarian > ru && uk == 0 {
        return Some("bg");
    }
    if uk > ru {
        Some("uk")
    } else if bulgarian > 0 && ru <= bulgarian {
        None
    } else if (ru > uk || uk == 0) && for_ru > 2 * against_ru {
        Some("ru")
    } else if uk == 0
        && against_ru == 0
        && !capitals
        && (long_words >= 3 || long_words >= 2 && in_list(words, RU_FRAME) > 0)
    {
        // Nothing against Russian in a title not in capitals: the language most of the
        // region's bibliographies are written in. Two words alone say too little
        // (`Современи парадокси` is Macedonian) unless a Russian preposition joins them.
        Some("ru")
    } else {
        None
    }
}

/// The Turkic and Iranian Cyrillic alphabets whose letters overlap (Kazakh, Azerbaijani,
/// Uzbek, Tajik, Kyrgyz, Tatar): `Some(tag)` when they decide, `Some(None)` when they show a
/// Turkic language but not which, `None` when they are not there.
fn turkic(words: &[String], has: &dyn Fn(&str) -> bool) -> Option<Option<&'static str>> {
    let ends = |suffixes: &[&str]| {
        words.iter().filter(|w| w.chars().count() > 5 && suffixes.iter().any(|s| w.ends_with(s))).count()
    };
    // Kazakh: `қ` with one of its other letters (Uzbek's `қ` comes with `ў ҳ`), or `ң` with `і`
    // (Tatar and Kyrgyz write `ң` without `і`).
    if (has("қ") && has("әіңұүө") || has("ң") && has("і")) && !has("ўҳ") {
        return Some(Some("kk"));
    }
    // Azerbaijani's `ј` comes with letters Serbian and Macedonian do not write (`ы й ә ғ…`).
    if has("ҹҝ") || has("ј") && has("әғөүһыйэщ") {
        return Some(Some("az-Cyrl"));
    }
    // Uzbek and Tajik share `қ ғ ҳ`: Uzbek's genitive `-нинг` and plural `-лар`, Tajik's
    // plural `-ҳо` and its prepositions tell them apart.
    let genitive = ends(&["нинг"]);
    let uzbek = genitive + ends(&["лар", "ларни", "ларга", "лари"]) + usize::from(has("ў"));
    if has("қҳ") || has("ў") && has("ғ") || genitive > 0 && !has("ң") {
        let tajik = ends(&["ҳо", "ҳои"])
            + words.iter().filter(|w| ["оид", "дар", "барои"].contains(&w.as_str())).count();
        return Some(match uzbek.cmp(&tajik) {
            std::cmp::Ordering::Greater => Some("uz-Cyrl"),
            std::cmp::Ordering::Less => Some("tg"),
            std::cmp::Ordering::Equal => None,
        });
    }
    if has("ғ") && !has("ң") {
        return Some(Some("az-Cyrl"));
    }
    // Kyrgyz writes `ң ө ү` and its genitive `-нын/-дын/-тын`; Mongolian and Tatar share `ө ү`.
    // (The `-ы-` forms are not Russian endings; `-нун`, `-тун` are: `Нептун`.)
    let kyrgyz = 2 * ends(&["нын", "дын", "тын"])
        + ends(&["нун", "дун", "тун"])
        + 2 * words.iter().filter(|w| ["жана", "боюнча", "менен", "тарыхы"].contains(&w.as_str())).count();
    // Mongolian writes `ө ү` and no `ң`; its `э` follows consonants inside words (`хэл`,
    // `бичигджээ`), which Kyrgyz does not write.
    let mongolian =
        words.iter().filter(|w| MN.contains(&w.as_str()) || w.chars().skip(1).any(|c| c == 'э')).count();
    // With none of the letters the region's other `ө ү` alphabets add (Kazakh `қ ғ ұ і`,
    // Kyrgyz and Tatar `ң`, Tatar `ә җ`, Bashkir `ҡ ҙ ҫ`, Buryat and Kalmyk `һ`), that is
    // Mongolian.
    if mongolian > 0 && has("өү") && !has("ң") {
        return Some((kyrgyz == 0 && !has("әҗһқғұіҡҙҫӊҕҥӧӱ")).then_some("mn"));
    }
    if has("ң") && has("өү") && !has("ә") || kyrgyz >= 2 {
        return Some(Some("ky"));
    }
    // Tatar writes `ә ө ү ң һ` (and `җ`, decided above) without the Kazakh, Bashkir and
    // Azerbaijani letters, which are ruled out by now; Kalmyk and Soviet Turkmen write the same
    // letters, so a Tatar word must say it.
    if has("ә") && in_list(words, TT) > 0 {
        return Some(Some("tt"));
    }
    // Without `ө ү`, two of Mongolian's own word forms (`монголын`, `Улаанбаатар`).
    let mn_own =
        || words.iter().filter(|w| w.starts_with(['м', 'у', 'т']) && MN_OWN.contains(&w.as_str())).count();
    if !has("әөүһңқғұіҡҙҫӊҕҥ") && mn_own() >= 2 {
        return Some(Some("mn"));
    }
    if has("әөүһң") {
        return Some(None);
    }
    None
}

/// Frequent Tatar words the other `ә` alphabets spell otherwise (`һәм` "and", `белән`
/// "with", `буенча` "according to", `турында` "about", `өчен` "for").
const TT: &[&str] = &[
    "һәм",
    "белән",
    "буенча",
    "турында",
    "өчен",
    "татар",
    "татарлар",
    "татарстан",
    "татарча",
    "иде",
    "түгел",
];

/// Mongolian word forms no other language writes (its genitives; the capital's name).
const MN_OWN: &[&str] = &["монголын", "улсын", "түүхийн", "улаанбаатар", "улаанбаатарт", "товчоо"];

/// Frequent Mongolian words (with `э` inside a word, they tell Mongolian from Kyrgyz).
const MN: &[&str] = &[
    "монгол",
    "монголын",
    "түүх",
    "түүхийн",
    "улс",
    "улсын",
    "ба",
    "нь",
    "болон",
    "тухай",
    "улаанбаатар",
    "уб",
];

/// Russian function words that frame an entry (`/ Под ред.`, `и`, `в`, `для`): with them, a
/// single word in another alphabet is a name, not the entry's language.
const RU_FRAME: &[&str] =
    &["и", "в", "во", "под", "ред", "для", "из", "о", "об", "при", "что", "как", "это", "сб", "изд"];

/// `ъ` before a consonant, or `-ът` at the end: Bulgarian (Russian writes `ъ` only before
/// `е ё ю я`, and before 1918 at the end of a word).
fn bulgarian_hard_sign(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.windows(2).any(|p| p[0] == 'ъ' && !"еёюяьъ".contains(p[1]) && p[1].is_alphabetic())
        || chars.len() > 3 && word.ends_with("ът")
}

fn in_list(words: &[String], list: &[&str]) -> usize {
    words.iter().filter(|w| list.contains(&w.as_str())).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> Option<&'static str> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        cyrillic(&words, text, 0, 0)
    }

    /// `ї` without `і`, beside Russian-looking `-ого` endings, is Ukrainian.
    #[test]
    fn ukrainian_letters_decide_without_i() {
        assert_eq!(tag("Особовий склад українського дипломатичного корпусу"), Some("uk"));
        assert_eq!(tag("Європейська політика"), Some("uk"));
    }

    #[test]
    fn each_alphabet_is_told_by_its_own_letters() {
        assert_eq!(tag("Гісторыя Беларусі. Мінск, 2004"), Some("be"));
        assert_eq!(tag("«З белага камення — сіняе пламенне»"), Some("be"));
        assert_eq!(tag("Ўзбек тилида фразеологик шаклланиш"), None);
        assert_eq!(tag("Қазақстан тарихы. Алматы: Атамұра, 2010"), Some("kk"));
        assert_eq!(tag("История на България. София: БАН, 1991"), Some("bg"));
        assert_eq!(tag("Историја Србије. Београд: Завод за уџбенике, 1990"), Some("sr-Cyrl"));
        assert_eq!(tag("Ўзбекистон тарихи. Тошкент: Шарқ, 2000"), Some("uz-Cyrl"));
        assert_eq!(tag("Историја на македонскиот народ. Скопје, 1969"), Some("mk"));
        assert_eq!(tag("Азәрбајҹан тарихи"), Some("az-Cyrl"));
        assert_eq!(tag("Гарабағ ханлығынын тарихи һаггында"), Some("az-Cyrl"));
        assert_eq!(tag("Нахчыван Мухтар Республикасынын јаранмасы"), Some("az-Cyrl"));
        assert_eq!(tag("Історія України"), Some("uk"));
        assert_eq!(tag("Тарихи халқи тоҷик. Душанбе, 1998"), Some("tg"));
        assert_eq!(tag("Татар халкы тарихы. Казан: Җыен, 2003"), Some("tt"));
        // Mongolian without `ө ү`: its `ы ё ь` are no Russian evidence against its words.
        assert_eq!(tag("Юань улсын ордны ёслолыг сурвалжийн баримтаар тодруулах нь"), None);
        assert_eq!(tag("Башҡорт теле. Өфө, 1995"), Some("ba"));
        assert_eq!(tag("Кыргызстандын тарыхы. Бишкек, 2004. Түштүк өңүр"), Some("ky"));
    }

    #[test]
    fn russian_old_and_new_stays_russian() {
        assert_eq!(tag("Две республики. Азербайджано-российские отношения"), Some("ru"));
        assert_eq!(tag("Армяне в истории"), Some("ru"));
        assert_eq!(tag("Исторія Россіи съ древнѣйшихъ временъ"), Some("ru"));
        assert_eq!(tag("Объявление о подъезде"), Some("ru"));
    }

    #[test]
    fn russian_needs_evidence_of_its_own() {
        // Bulgarian and Serbian in capitals, Tatar without its letters, Uzbek without its
        // letters: plain Russian letters, no Russian.
        assert_eq!(tag("НОВИ ИЗСЛЕДВАНИЯ ЗА ТРАКИЙСКО ИЗКУСТВО"), None);
        assert_eq!(tag("СРПСКИ ИСТОРИЧАРИ"), None);
        assert_eq!(tag("Халык жырлары"), None);
        assert_eq!(tag("Бухоро тарихий обидаларида"), None);
        assert_eq!(tag("Материалы по истории Бухары"), Some("ru"));
        assert_eq!(tag("ГРАНИЦЫ И ГОСУДАРСТВА"), Some("ru"));
    }

    #[test]
    fn mongolian_is_not_kyrgyz() {
        assert_eq!(tag("Монголын нууц товчоо. Улаанбаатар, 1990"), Some("mn"));
        assert_eq!(tag("Хэл бичгийн хүрээлэнгийн бүтээл"), Some("mn"));
        assert_eq!(tag("Кыргыз элинин тарыхы"), Some("ky"));
        assert_eq!(tag("Монгол улсын түүх"), Some("mn"));
        // Buryat writes `һ`: not Mongolian, and not decided.
        assert_eq!(tag("Буряад түүхэ һудалгаанай асуудалнууд"), None);
    }

    #[test]
    fn tatar_by_its_words() {
        assert_eq!(tag("Ислам дине һәм татар әдәбияты"), Some("tt"));
        assert_eq!(tag("XV-XVIII гасыр төрки-татар дәүләтләре тарихы буенча чыганаклар"), Some("tt"));
        // `ә ө ү` and no word of its own: Tatar, Kalmyk or Soviet Turkmen.
        assert_eq!(tag("Мөкатдәс хәзинә"), None);
    }

    #[test]
    fn letters_shared_by_two_languages_do_not_decide() {
        assert_eq!(tag("Түштүк өлкө"), None);
        assert_eq!(tag("Његова књига"), None);
    }
}
