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
//! - Bulgarian: `ъ` before a consonant (`България`, `държава`), `ѝ`, its own words, its
//!   name for itself, the feminine article (`историята`) and `из-`/`раз-` before a voiceless
//!   consonant (`изкуство`); never with `ы э ё`;
//! - Macedonian's article on adjectives (`-скиот`, `-ниот`), Serbian's cases, ijekavian `је`
//!   and its capital's spelling (`Београд`), with or without `ј љ њ џ`;
//! - Mongolian `ө ү` without `ң` and with `э` inside words, its genitive `-ийн`; Kyrgyz's
//!   plural `-лөр`; Tatar `ә` with its own words or its reduced `е` in a suffix (`-нең`,
//!   `-лек`), Bashkir the same with `ғ`; Tajik's plural `-иён` and izofa without its letters.
//!
//! Places of publication count where their spelling is one language's own (`Мінск`,
//! `Београд`, `Тошкент`, `Улаанбаатар`); `Алматы` and `Бишкек` are written so in Russian
//! too and are not counted, `Душанбе` only tells Tajik from Uzbek, `София` is one Bulgarian
//! word among the others.
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
    "отново",
    "през",
    "език",
    "езика",
    "езици",
    "издателство",
    "трудове",
    "годишник",
];
/// Frequent Serbian words that Macedonian spells otherwise.
const SR: &[&str] = &[
    "је",
    "у",
    "из",
    "као",
    "или",
    "године",
    "србије",
    "српске",
    "српски",
    "београд",
    "између",
    "један",
    "једна",
    "једно",
];
/// Serbian words in plain Russian letters that neither Russian, Bulgarian nor Macedonian
/// writes: Serbian's case forms of `српски` (Macedonian has no cases), `године` (Russian
/// `года`, Bulgarian and Macedonian `години`), the Serbian Academy (`САНУ`), the capital's
/// own spelling (Russian `Белград`) is asked of the word's start ([`serbian_plain`]).
const SR_PLAIN: &[&str] = &["српске", "српског", "српских", "српском", "српским", "године", "сану"];
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
        // Serbian or Macedonian: only words decide; Serbian's forms (its cases, its
        // ijekavian `је`) and Macedonian's article (`-скиот`, `-ската`, `-ските`) count as
        // words.
        let mk_article = |w: &&String| {
            macedonian_article(w)
                || w.chars().count() >= 7 && ["ската", "ското", "ските"].iter().any(|e| w.ends_with(e))
        };
        let sr = in_list(words, SR) + words.iter().filter(|w| serbian_word(w) || serbian_plain(w)).count();
        let mk = in_list(words, MK) + words.iter().filter(mk_article).count();
        return match sr.cmp(&mk) {
            std::cmp::Ordering::Greater => Some("sr-Cyrl"),
            std::cmp::Ordering::Less => Some("mk"),
            std::cmp::Ordering::Equal => None,
        };
    }
    if has("ў") && !russian_frame {
        // Uzbek writes `ў` with `қ ғ ҳ`; Belarusian with `і` and `ы`, which Uzbek does not
        // write (`Ўзбек тилида` is neither shown Belarusian nor Uzbek by its letters, but
        // with an Uzbek word, `Тошкент`, it is Uzbek).
        // A Russian title in a Belarusian journal (`Очерки истории … // Веснік … ўніверсітэта`)
        // has more words with `и` than with `і ў`: the rules below weigh it.
        if has("қғҳ") {
            return Some("uz-Cyrl");
        } else if has("іы") {
            if count("и") <= count("іў") {
                return Some("be");
            }
        } else if in_list(words, UZ) > 0 {
            return Some("uz-Cyrl");
        } else {
            return None;
        }
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
        let own = adjectives + in_list(words, BE_OWN);
        if !has("ищъ") && (russian_letters > 0 || own > 0) {
            return Some("be");
        }
        // An `и` in a Russian name (`Иванов И. Гісторыя Беларусі`) does not make Belarusian
        // Ukrainian: Ukrainian writes none of `ы э ё`; with them, a sign of Belarusian's own
        // and words with `і` more than twice those with `и` it is Belarusian (a Russian title
        // in a Belarusian journal has its `и` in most words).
        if !has("щъ") && russian_letters > 0 && own > 0 && count("і") > 2 * count("и") {
            return Some("be");
        }
    }
    // Belarusian without `і`: its `э` after a consonant (`рэ`, `дзэ`; Russian writes `е`)
    // inside a Slavic adjective (`-ская`, `-скага`), which no Turkic or Mongolian word is.
    let be_adjective = |w: &String| {
        let chars: Vec<char> = w.chars().collect();
        chars.windows(2).any(|p| p[1] == 'э' && russian_consonant(p[0]))
            && ["ская", "цкая", "скага", "цкага", "скай", "цкай", "скае", "цкае"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    if !has("ищъёөүәңһқғ") && words.iter().any(be_adjective) {
        return Some("be");
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
    // Bulgarian writes none of `ы э ё`; Russian's words shared with Bulgarian (`и`, `от`,
    // `или`, `между`) are no evidence between them.
    let bulgarian = if has("ыэё") {
        0
    } else {
        words.iter().filter(|w| bulgarian_hard_sign(w) || bulgarian_word(w)).count()
            + count("ѝ")
            + in_list(words, BG)
    };
    let ru_south = weight.russian;
    if bulgarian > 0 && bulgarian > ru_south && uk == 0 {
        return Some("bg");
    }
    // Macedonian's article and Serbian's own forms in plain Russian letters, when the other
    // South Slavic language and Russian show nothing.
    let (mk_plain, sr_plain) = (
        words.iter().filter(|w| macedonian_article(w)).count(),
        words.iter().filter(|w| serbian_plain(w)).count(),
    );
    if uk == 0 && bulgarian == 0 && !has("ыэё") {
        if mk_plain > ru_south && sr_plain == 0 {
            return Some("mk");
        }
        if sr_plain > ru_south && mk_plain == 0 {
            return Some("sr-Cyrl");
        }
    }
    // Tajik without its letters: two of its forms and nothing Russian.
    if tajik_plain(words) >= 2 && ru_south == 0 && special == 0 {
        return Some("tg");
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
    let uzbek =
        genitive + ends(&["лар", "ларни", "ларга", "лари"]) + usize::from(has("ў")) + in_list(words, UZ);
    if has("қҳ") || has("ў") && has("ғ") || genitive > 0 && !has("ң") {
        let tajik = ends(&["ҳо", "ҳои"]) + in_list(words, TG);
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
    // Its plural after a rounded front vowel (`изилдөөлөр`) is Kyrgyz's alone: Tatar, Kazakh
    // and Bashkir write `-ләр`, `-лер`, `-лар`.
    let kyrgyz = 2 * ends(&["нын", "дын", "тын"])
        + 2 * words
            .iter()
            .filter(|w| w.chars().count() >= 6 && (w.ends_with("лөр") || w.ends_with("дөр")))
            .count()
        + ends(&["нун", "дун", "тун"])
        + 2 * words.iter().filter(|w| ["жана", "боюнча", "менен", "тарыхы"].contains(&w.as_str())).count();
    // Mongolian writes `ө ү` and no `ң`; its `э` follows consonants inside words (`хэл`,
    // `бичигджээ`), which Kyrgyz does not write.
    let mongolian =
        words.iter().filter(|w| MN.contains(&w.as_str()) || w.chars().skip(1).any(|c| c == 'э')).count();
    // `э` after a consonant inside a word, twice: Kyrgyz writes `э` only at a word's start,
    // so a genitive in `-ын` (`хаадын`) is then Mongolian's.
    let consonant_e = words
        .iter()
        .filter(|w| {
            let chars: Vec<char> = w.chars().collect();
            chars.windows(2).any(|p| p[1] == 'э' && russian_consonant(p[0]))
        })
        .count();
    // With none of the letters the region's other `ө ү` alphabets add (Kazakh `қ ғ ұ і`,
    // Kyrgyz and Tatar `ң`, Tatar `ә җ`, Bashkir `ҡ ҙ ҫ`, Buryat and Kalmyk `һ`), that is
    // Mongolian.
    if mongolian > 0 && has("өү") && !has("ң") {
        return Some(((kyrgyz == 0 || consonant_e >= 2) && !has("әҗһқғұіҡҙҫӊҕҥӧӱ")).then_some("mn"));
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
    // Their reduced `е` in a suffix (`-нең`, `-лек`): Tatar, or with `ғ` (which Tatar does
    // not write) Bashkir typed without `ҡ ҙ ҫ`.
    if has("ә") && !has("қ") && words.iter().any(|w| tatar_bashkir_ending(w)) {
        return Some(Some(if has("ғ") { "ba" } else { "tt" }));
    }
    // Without `ө ү`, two of Mongolian's own word forms (`монголын`, `Улаанбаатар`).
    // Mongolian's genitive `-ийн` (`сурвалжийн`) is written by no other language here.
    let mn_own = || {
        words
            .iter()
            .filter(|w| {
                w.starts_with(['м', 'у', 'т']) && MN_OWN.contains(&w.as_str())
                    || w.chars().count() >= 5 && w.ends_with("ийн")
            })
            .count()
    };
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

/// True for a word only Bulgarian writes among the Cyrillic languages weighed here: its name
/// for itself (`българ-`; Russian `болгар-`), a feminine noun with its article (`историята`;
/// Macedonian `историјата`), or the prefixes `из-`, `раз-` kept before a voiceless consonant
/// (`изкуство`, `разказ`; Russian, Serbian and Macedonian write `ис-`, `рас-`).
fn bulgarian_word(word: &str) -> bool {
    let n = word.chars().count();
    let voiceless = |rest: &str| rest.starts_with(['к', 'п', 'с', 'т', 'ф', 'х', 'ц', 'ч', 'ш']);
    word.starts_with("българ")
        || n >= 6 && word.ends_with("ията")
        || n >= 6
            && (word.strip_prefix("из").is_some_and(voiceless)
                || word.strip_prefix("раз").is_some_and(voiceless))
}

/// True for a Macedonian adjective with its article (`македонскиот`, `современиот`): the
/// Bulgarian writes `-ият`, Russian and Serbian have no article.
fn macedonian_article(word: &str) -> bool {
    word.chars().count() >= 7 && (word.ends_with("киот") || word.ends_with("ниот"))
}

/// True for a word Serbian writes and Macedonian does not, in Serbian's own letters: the
/// ijekavian `је` after a consonant opening a word (`пјесма`, `вјера`, `мјесто`; Macedonian
/// `песна`, `вера`, `место`), the genitive `-ије` (`Србије`, `историје`; Macedonian, without
/// cases, `-ија`), the capital's own spelling (`Београд`, `београдски`; Macedonian and
/// Russian `Белград`).
fn serbian_word(word: &str) -> bool {
    let mut chars = word.chars();
    let ijekavian = chars.next().is_some_and(russian_consonant) && chars.as_str().starts_with("је");
    ijekavian || word.chars().count() >= 5 && word.ends_with("ије") || word.starts_with("београд")
}

/// True for a Serbian word in plain Russian letters ([`SR_PLAIN`], `београд-`).
fn serbian_plain(word: &str) -> bool {
    SR_PLAIN.contains(&word) || word.starts_with("београд")
}

fn russian_consonant(c: char) -> bool {
    "бвгдзклмнпрстфхцчшщ".contains(c)
}

/// True for a Tatar or Bashkir ending with the reduced front vowel written `е` where the
/// other Kipchak languages write `і` or `и` (genitive `-нең`, `-лек`, `-леге`: `милләтнең`,
/// `мәңгелек`; Kazakh `-нің`, `-лік`, Kyrgyz and Uyghur `-нин`, `-лик`).
fn tatar_bashkir_ending(word: &str) -> bool {
    word.chars().count() >= 5 && ["нең", "лек", "леге", "лекне"].iter().any(|e| word.ends_with(e))
}

/// Words and forms of Tajik in plain Russian letters: the plural `-иён`, the izofa after a
/// vowel on a long word (`Донишномаи`), its prepositions (see [`russian::not_russian`]).
fn tajik_plain(words: &[String]) -> usize {
    words
        .iter()
        .filter(|w| {
            let n = w.chars().count();
            n >= 6 && w.ends_with("иён") || n >= 8 && (w.ends_with("аи") || w.ends_with("уи"))
        })
        .count()
}

/// Uzbek words that Tajik (and the other languages writing `ў` or `қ ҳ`) spell otherwise:
/// the capital's Uzbek name (Tajik `Тошкант`, Russian `Ташкент`), postpositions.
const UZ: &[&str] = &["тошкент", "тошкентда", "билан", "учун", "ҳақида", "бўйича", "ҳамда"];
/// Tajik words Uzbek spells otherwise (prepositions, the conjunction `ки`, the capital).
const TG: &[&str] = &["оид", "дар", "барои", "аз", "ки", "бо", "душанбе", "сталинобод"];

/// Belarusian word forms: the capital's Belarusian spelling (Russian `Минск`, Ukrainian
/// `Мінськ`), the country's name with `і` (Russian `Беларуси`, Ukrainian `Білорусі`).
const BE_OWN: &[&str] = &["мінск", "мінску", "беларусі"];

/// `ъ` before a consonant, or `-ът` at the end: Bulgarian (Russian writes `ъ` only before
/// `е ё ю я`, and before 1918 at the end of a word).
fn bulgarian_hard_sign(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    // Before a vowel `ъ` is Tajik's or Uzbek's `ʿayn` (`таърих`, `маъно`), never Bulgarian.
    chars.windows(2).any(|p| p[0] == 'ъ' && russian_consonant(p[1]))
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
        // Mongolian without `ө ү`: its `ы ё ь` are no Russian evidence against its words,
        // and its genitives (`улсын`, `-ийн`) say Mongolian.
        assert_eq!(tag("Юань улсын ордны ёслолыг сурвалжийн баримтаар тодруулах нь"), Some("mn"));
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
        // letters: plain Russian letters, no Russian (Bulgarian's `из-` before a voiceless
        // consonant says Bulgarian).
        assert_eq!(tag("НОВИ ИЗСЛЕДВАНИЯ ЗА ТРАКИЙСКО ИЗКУСТВО"), Some("bg"));
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

    /// Bulgarian's own words and forms: `из-`/`раз-` before a voiceless consonant, the
    /// feminine article, `отново`, `език`; Russian's words it shares (`и`, `от`) are no
    /// evidence against it; `ы э ё` and the Tajik `ъ` before a vowel are never Bulgarian.
    #[test]
    fn bulgarian_by_its_prefixes_articles_and_words() {
        assert_eq!(tag("Разказ за изкуството на траките"), Some("bg"));
        assert_eq!(tag("Историята на Отечествената война"), Some("bg"));
        assert_eq!(tag("Отново за езика на летописите"), Some("bg"));
        assert_eq!(tag("Мемоари и спомени от войната. София, 1990"), Some("bg"));
        assert_eq!(tag("Разсказы о войне и мире"), Some("ru"));
        assert_ne!(tag("Таърихи адабиёти форсу"), Some("bg"));
        assert_ne!(tag("Ашъори шоирон"), Some("bg"));
    }

    /// Macedonian's article on an adjective (`-киот`, `-ниот`, `-ската`) and Serbian's own
    /// forms (ijekavian `је`, the genitive `-ије`, `један`, `САНУ`, `српског`) decide between
    /// the two, with or without their letters.
    #[test]
    fn serbian_and_macedonian_by_their_forms() {
        assert_eq!(tag("Современиот македонски роман"), Some("mk"));
        assert_eq!(tag("Историја на коринтската војска"), Some("mk"));
        assert_eq!(tag("Пјесме и приче"), Some("sr-Cyrl"));
        assert_eq!(tag("Један век историографије"), Some("sr-Cyrl"));
        assert_eq!(tag("Зборник радова САНУ"), Some("sr-Cyrl"));
        assert_eq!(tag("Историја српског народа"), Some("sr-Cyrl"));
        assert_eq!(tag("Београдски универзитет"), Some("sr-Cyrl"));
    }

    /// A Russian title in a Belarusian journal is Russian or nothing, never Belarusian.
    #[test]
    fn a_russian_title_in_a_belarusian_journal_is_not_belarusian() {
        let got = tag(
            "Очерки истории белорусской культуры и идеологии // Веснік Беларускага дзяржаўнага ўніверсітэта",
        );
        assert_ne!(got, Some("be"));
        assert_eq!(tag("Иванов, Гісторыя Беларусі. Мінск"), Some("be"));
    }

    /// Belarusian by its capital's spelling, and without `і` by `э` after a consonant in a
    /// Slavic adjective; Uzbek `ў` with an Uzbek word; Tajik's plural and izofa without its
    /// letters.
    #[test]
    fn belarusian_uzbek_and_tajik_by_words_and_forms() {
        assert_eq!(tag("Мінск: Беларусь, 2001"), Some("be"));
        assert_eq!(tag("Брэсцкая крэпасць"), Some("be"));
        assert_eq!(tag("Ўзбек адабиёти. Тошкент, 1985"), Some("uz-Cyrl"));
        assert_eq!(tag("Шеърҳои Ҳофиз. Душанбе"), Some("tg"));
        assert_eq!(tag("Осори Эрониён ва Туркистониён"), Some("tg"));
        assert_eq!(tag("Письма Сомониён"), None);
    }

    /// Mongolian: `э` after consonants twice outweighs a genitive Kyrgyz also writes; its
    /// genitive `-ийн`. Kyrgyz: its plural after a rounded vowel. Tatar and Bashkir: their
    /// reduced `е` in a suffix, Bashkir with `ғ`.
    #[test]
    fn mongolian_kyrgyz_tatar_and_bashkir_by_their_suffixes() {
        assert_eq!(tag("Монголчуудын хэвлэл мэдээллийн түүх"), Some("mn"));
        assert_eq!(tag("Улсын их сургуулийн эрдэм шинжилгээний бичиг"), Some("mn"));
        assert_eq!(tag("Тарыхый изилдөөлөр жыйнагы"), Some("ky"));
        assert_eq!(tag("Милләтнең язмышы"), Some("tt"));
        assert_eq!(tag("Ғаиләнең бәхете"), Some("ba"));
        // Azerbaijani's genitive is no Tatar one.
        assert_eq!(tag("Өлкәләрин тарихи"), None);
    }

    #[test]
    fn letters_shared_by_two_languages_do_not_decide() {
        assert_eq!(tag("Түштүк өлкө"), None);
        assert_eq!(tag("Његова књига"), None);
    }
}
