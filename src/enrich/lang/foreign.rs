//! The other Latin-script languages of a historian's bibliography (French, German, Polish,
//! Italian, Spanish, Czech, Romanian, Hungarian, Uzbek, Turkmen, Croatian and Serbian Latin):
//! their function words and the letters only they write. They are weighed against the
//! languages the main rules decide between, so that `Histoire de la Transcaucasie` is not
//! Turkish and `Geschichte der Türkei` is not Azerbaijani: a clear winner is tagged; a close
//! call is left untagged.

/// A language: its tag, frequent words (lowercase) that the others do not share, and letters
/// only it writes among the languages weighed here and in the main rules. A language that
/// rules cannot tell from a close neighbour (Croatian, Bosnian and Serbian in Latin script;
/// transliterated Ottoman and Turkish) only keeps the others from being tagged: `veto`.
struct Foreign {
    tag: &'static str,
    words: &'static [&'static str],
    letters: &'static str,
    /// Every letter beyond ASCII the language writes: a word with a letter only this
    /// language writes is its evidence only if the language can spell the whole word
    /// (`şäherleriniň` has the German `ä`, but German cannot spell it).
    alphabet: &'static str,
    veto: bool,
    /// What one occurrence of the language's own pattern ([`patterns`]) counts: 6 for the
    /// Uzbek `oʻ`/`gʻ`, which no other language writes and which must outweigh the `q` and `x`
    /// Uzbek shares with Azerbaijani; 2 elsewhere.
    pattern_weight: usize,
}

const FOREIGN: &[Foreign] = &[
    Foreign {
        tag: "fr",
        alphabet: "àâæçéèêëîïôœùûüÿ’",
        words: &[
            "le",
            "la",
            "les",
            "des",
            "du",
            "une",
            "et",
            "pour",
            "dans",
            "sur",
            "par",
            "avec",
            "aux",
            "au",
            "est",
            "sont",
            "pendant",
            "histoire",
            "guerre",
            "politique",
            "française",
            "d'",
            "l'",
            "qu'",
            "leur",
            "cette",
            "sous",
            "depuis",
            "révolution",
            "à",
        ],
        veto: false,
        pattern_weight: 2,
        letters: "èêœëùÿ",
    },
    Foreign {
        tag: "de",
        alphabet: "äöüßéàè",
        words: &[
            "der",
            "die",
            "das",
            "und",
            "von",
            "zur",
            "zum",
            "im",
            "mit",
            "für",
            "über",
            "eine",
            "einer",
            "eines",
            "ein",
            "des",
            "den",
            "dem",
            "auf",
            "aus",
            "bei",
            "nach",
            "geschichte",
            "ersten",
            "weltkrieg",
            "deutsche",
            "deutschen",
            "krieg",
            "politik",
            "zwischen",
            "ist",
            "wird",
            "sich",
            "nicht",
            "auch",
            "unter",
        ],
        veto: false,
        pattern_weight: 2,
        letters: "äß",
    },
    Foreign {
        tag: "pl",
        alphabet: "ąćęłńóśźż",
        words: &[
            "się", "jest", "oraz", "jako", "przez", "dla", "od", "historia", "wojna", "polityka", "polski",
            "polskiej", "stosunki", "latach", "wobec", "między", "nie", "że", "który", "która", "warszawa",
            "kraków", "w", "z",
        ],
        veto: false,
        pattern_weight: 2,
        letters: "ąęłńśźż",
    },
    Foreign {
        tag: "it",
        alphabet: "àèéìíîòóùú",
        words: &[
            "il", "lo", "gli", "della", "dello", "delle", "degli", "nel", "nella", "alla", "dalla", "sulla",
            "per", "con", "storia", "politica", "italiana", "tra", "fra", "che", "di", "del", "dell'",
            "all'", "nell'", "e",
        ],
        veto: false,
        pattern_weight: 2,
        letters: "ìò",
    },
    Foreign {
        tag: "es",
        alphabet: "áéíñóúü",
        words: &[
            "el",
            "los",
            "las",
            "del",
            "por",
            "una",
            "historia",
            "guerra",
            "política",
            "española",
            "que",
            "como",
            "sobre",
        ],
        veto: false,
        pattern_weight: 2,
        letters: "ñ¿¡",
    },
    Foreign {
        tag: "cs",
        alphabet: "áčďéěíňóřšťúůýž",
        words: &["se", "pro", "jako", "dějiny", "válka", "české", "mezi", "praha"],
        veto: false,
        pattern_weight: 2,
        letters: "řěů",
    },
    Foreign {
        tag: "ro",
        alphabet: "ăâîșțşţ",
        words: &["și", "în", "pentru", "din", "cu", "războiul", "românia", "româniei", "bucurești"],
        veto: false,
        pattern_weight: 2,
        letters: "ășț",
    },
    Foreign {
        tag: "hu",
        alphabet: "áéíóöőúüű",
        words: &["az", "és", "egy", "története", "magyar", "háború", "között", "budapest"],
        veto: false,
        pattern_weight: 2,
        letters: "őű",
    },
    Foreign {
        tag: "uz-Latn",
        alphabet: "ʻ‘’`'ʼ",
        words: &["va", "bilan", "uchun", "tarixi", "tarixidan", "oʻzbekiston", "o'zbekiston", "toshkent"],
        veto: false,
        pattern_weight: 6,
        letters: "ʻ",
    },
    Foreign {
        tag: "tk",
        alphabet: "äçňöşüýžñ",
        words: &["bilen", "üçin", "taryhy", "türkmenistan", "aşgabat"],
        letters: "ňý",
        veto: false,
        pattern_weight: 2,
    },
    Foreign {
        tag: "hr",
        alphabet: "čćđšžǆǅǈǉǋǌ",
        words: &[
            "povijest", "hrvatske", "zagreb", "između", "hrvatska", "srbije", "beograd", "koji", "koja",
            "koje",
        ],
        veto: true,
        pattern_weight: 2,
        // `č š ž` are Czech and scholarly Russian transliteration too: as a veto they only
        // keep a close call untagged.
        letters: "đćčšž",
    },
    Foreign {
        tag: "ota-Latn",
        alphabet: "âîûāīūēḥṣṭẓżḳġçğıöşüʿʾ’‘'",
        // Words the language reform replaced (`sene` by `yıl`, `lisan` by `dil`, `mekteb` by
        // `okul`), still written in transliteration.
        words: &[
            "sene",
            "senesi",
            "seneler",
            "senelik",
            "lisan",
            "lisanı",
            "mekteb",
            "mektebi",
            "risale",
            "risalesi",
            "mecmua",
            "mecmuası",
            "nüsha",
            "kavaid",
            "ve'l",
        ],
        veto: true,
        letters: "āīūḥṣṭẓżḳġ",
        pattern_weight: 2,
    },
    Foreign {
        tag: "kk-Latn",
        alphabet: "áǵıńóúýúü’",
        words: &["qazaq", "jáne", "jyly"],
        letters: "ǵ",
        veto: false,
        pattern_weight: 2,
    },
];

/// Every listed word with a bit per language that lists it (a word such as `historia` is
/// Polish and Spanish).
fn word_index() -> &'static rustc_hash::FxHashMap<&'static str, u32> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (k, f) in FOREIGN.iter().enumerate() {
            for w in f.words {
                *m.entry(*w).or_insert(0) |= 1 << k;
            }
        }
        m
    })
}

/// Every letter some languages write, with a bit per language that writes it (indexes into
/// [`FOREIGN`]).
fn letter_index() -> &'static rustc_hash::FxHashMap<char, u32> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<char, u32>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (k, f) in FOREIGN.iter().enumerate() {
            for c in f.letters.chars() {
                *m.entry(c).or_insert(0) |= 1 << k;
            }
        }
        m
    })
}

/// Evidence beyond words and letters, per language: the Uzbek `oʻ`/`gʻ` (with any of the
/// apostrophes typed for it), the Ottoman izafet (`Târîh-i Hind`, `Kâmûs-ı Fârsî`), the
/// South Slavic `lj`/`nj`/`ije`, and Kazakh Latin's `ı` beside `á ń ú`. Each counts 2 per word.
fn patterns(tag: &str, words: &[String], text: &str) -> usize {
    let count = |f: &dyn Fn(&str) -> bool| words.iter().filter(|w| f(w)).count();
    match tag {
        "uz-Latn" if !text.contains(['‘', 'ʻ', '`', '’', '\'']) || final_apostrophe(text) => 0,
        "ota-Latn" if !text.contains('-') => 0,
        "kk-Latn" if !text.contains('ı') => 0,
        "uz-Latn" => {
            // In capitals (`O‘RNI`), a capital follows the apostrophe; elsewhere a capital
            // there is a name (`O'Brien`).
            let capitals = !text.chars().any(char::is_lowercase);
            let (mut a, mut b, mut n) = (' ', ' ', 0);
            for c in text.chars() {
                n += usize::from(
                    matches!(a, 'o' | 'O' | 'g' | 'G')
                        && matches!(b, '‘' | 'ʻ' | '`' | '’' | '\'')
                        && (c.is_lowercase() || capitals && c.is_uppercase()),
                );
                (a, b) = (b, c);
            }
            n
        }
        "ota-Latn" => text
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
                ["-i", "-ı", "-ü", "-u", "-yi", "-yı"].iter().any(|e| w.ends_with(e))
                    && w.chars().next().is_some_and(char::is_uppercase)
                    || ayn(w)
            })
            .count(),
        "hr" => count(&|w: &str| {
            let b = w.as_bytes();
            b.windows(2).any(|p| p == b"lj" || p == b"nj") || b.windows(3).any(|p| p == b"ije")
        }),
        "kk-Latn" => count(&|w: &str| w.contains('ı') && w.contains(['á', 'ń', 'ú'])),
        // The Turkmen genitive `-yň`/`-iň` (`Türkmeniň`, `Türkmenistanyň`).
        "tk" => count(&|w: &str| w.ends_with(['ň', 'ñ']) && w.chars().count() > 5 && spelt_in("tk", w)),
        // German derivational endings English, Dutch and the Romance languages do not write
        // (each ends in `n r s t`: the last byte rules out most words at once).
        "de" => count(&|w: &str| {
            w.len() > 6
                && matches!(w.as_bytes().last(), Some(b'n' | b'r' | b's' | b't'))
                && DE_ENDINGS.iter().any(|e| w.ends_with(e))
                && spelt_in("de", w)
        }),
        // Polish adjective and verbal-noun endings, and `rz` after a consonant (`przez`).
        "pl" => count(&|w: &str| {
            let ending = w.len() > 5
                && matches!(w.as_bytes().last(), Some(b'j' | b'o' | b'm' | b'w' | b'h'))
                && PL_ENDINGS.iter().any(|e| w.ends_with(e));
            let rz = || w.as_bytes().windows(3).any(|t| &t[1..] == b"rz" && b"ptdbkgw".contains(&t[0]));
            (ending || rz()) && spelt_in("pl", w)
        }),
        _ => 0,
    }
}

/// German endings no other language weighed here writes (`iranischen`, `Ermittlungen`,
/// `Wissenschaft`, `Freiheit`).
const DE_ENDINGS: &[&str] = &[
    "ischen", "ischer", "isches", "ungen", "schaft", "schaften", "keit", "keiten", "heit", "heiten", "lichen",
];

/// Polish endings (`współczesnej`, `polskiego`, `panowaniem`, `narodów`).
const PL_ENDINGS: &[&str] = &["skiej", "skiego", "owej", "owego", "nej", "niem", "ów", "ych"];

/// True when `word` has an apostrophe between two vowels (`Kavâ’id`, `mu'allim`): the
/// Ottoman `ayn` or `hamza`. (Turkish suffixes follow a name, the Russian soft sign a
/// consonant, the English `'s` any letter.)
fn ayn(word: &str) -> bool {
    let vowel = |c: char| "aeıioöuüâîûāīū".contains(c.to_lowercase().next().unwrap_or(c));
    let apostrophe = |c: char| matches!(c, '’' | '\'' | 'ʼ' | 'ʻ');
    if !word.contains(apostrophe) {
        return false;
    }
    let mut chars = word.chars();
    let (mut a, mut b) = (chars.next(), chars.next());
    for c in chars {
        if a.is_some_and(vowel) && b.is_some_and(apostrophe) && vowel(c) {
            return true;
        }
        (a, b) = (b, Some(c));
    }
    false
}

/// True when a word of `text` ends in an apostrophe after a letter other than `s` (`G’ylymi’`,
/// `ko’s’y’`: the Kazakh apostrophe alphabet of 2017; `ukazatel'`: the Russian soft sign).
/// Uzbek writes its apostrophes inside words only.
fn final_apostrophe(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !(c.is_alphanumeric() || "’'ʻ‘`".contains(c)));
        let mut back = w.chars().rev();
        let (last, before) = (back.next(), back.next());
        back.next().is_some()
            && last.is_some_and(|c| "’'ʻ‘`".contains(c))
            && before.is_some_and(|c| c.is_alphabetic() && c != 's')
    })
}

/// The evidence for transliterated Ottoman in `words` and `text` (its vocabulary, its
/// letters, the izafet and the `ayn`), counted as [`best`] counts it.
pub(super) fn ottoman(words: &[String], text: &str) -> usize {
    score("ota-Latn", words, text)
}

/// The evidence for the language `tag` in `words` and `text`, counted as [`best`] counts it
/// (0 for a language not weighed here).
pub(super) fn score(tag: &str, words: &[String], text: &str) -> usize {
    let Some(f) = FOREIGN.iter().find(|f| f.tag == tag) else { return 0 };
    let listed = words.iter().filter(|w| f.words.contains(&w.as_str())).count();
    let lettered = words.iter().filter(|w| w.chars().any(|c| f.letters.contains(c)) && spells(f, w)).count();
    2 * (listed + lettered) + f.pattern_weight * patterns(f.tag, words, text)
}

/// Whether the language tagged `tag` can spell `word` (see [`spells`]).
fn spelt_in(tag: &str, word: &str) -> bool {
    FOREIGN.iter().find(|f| f.tag == tag).is_some_and(|f| spells(f, word))
}

/// Whether every letter of `word` beyond ASCII is one the language writes.
fn spells(f: &Foreign, word: &str) -> bool {
    word.chars().all(|c| c.is_ascii() || !c.is_alphabetic() || f.alphabet.contains(c))
}

/// The best-supported foreign language of `words` (lowercase) and `text`: its tag, score,
/// the score of the runner-up, and whether it may only veto (see [`Foreign`]). A function
/// word counts 2, and so does a word with a letter only that language writes.
pub(super) fn best(words: &[String], text: &str) -> Option<(&'static str, usize, usize, bool)> {
    // Each word looked up once: the languages that list it, as bits (indexes into FOREIGN).
    let index = word_index();
    let mut listed = [0usize; 32];
    for w in words {
        // `l'histoire`, `d’Arménie`: the elided article, whichever apostrophe was typed.
        let elided = w
            .find(['\'', '’', 'ʼ'])
            .filter(|&k| k + w[k..].chars().next().map_or(1, char::len_utf8) < w.len())
            .map(|k| format!("{}'", &w[..k]));
        for key in [Some(w.as_str()), elided.as_deref()].into_iter().flatten() {
            if let Some(&bits) = index.get(key) {
                for (k, n) in listed.iter_mut().enumerate().take(FOREIGN.len()) {
                    *n += usize::from(bits & (1 << k) != 0);
                }
            }
        }
    }
    // Letters only some languages write are never ASCII: ASCII words are skipped, and each
    // other word is read once, its letters looked up in one table of all the languages.
    let letter_bits = letter_index();
    let mut lettered = [0usize; 32];
    for w in words.iter().filter(|w| !w.is_ascii()) {
        let mut bits = w
            .chars()
            .filter(|c| !c.is_ascii())
            .fold(0u32, |acc, c| acc | letter_bits.get(&c).copied().unwrap_or(0));
        if bits != 0 {
            for (k, f) in FOREIGN.iter().enumerate() {
                if bits & (1 << k) != 0 && !spells(f, w) {
                    bits &= !(1 << k);
                }
            }
        }
        for (k, n) in lettered.iter_mut().enumerate().take(FOREIGN.len()) {
            *n += usize::from(bits & (1 << k) != 0);
        }
    }
    let mut scores: Vec<(&'static str, usize, bool)> = FOREIGN
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let score = 2 * listed[k] + 2 * lettered[k];
            (f.tag, score + f.pattern_weight * patterns(f.tag, words, text), f.veto)
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (tag, top, veto) = scores[0];
    (top > 0).then_some((tag, top, scores[1].1, veto))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        t.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == 'ʻ'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    #[test]
    fn function_words_and_letters_name_the_language() {
        let best = |t: &str| best(&words(t), t).map(|b| b.0);
        assert_eq!(best("Histoire de la Transcaucasie pendant la guerre"), Some("fr"));
        assert_eq!(best("Geschichte der Türkei und des Kaukasus"), Some("de"));
        assert_eq!(best("Polityka wschodnia Polski w latach 1918–1921"), Some("pl"));
        assert_eq!(best("Sagdullayev A.S. Qadimgi O‘rta Osiyo tarixi"), Some("uz-Latn"));
        assert_eq!(best("Târîh-i Hind-i Garbi"), Some("ota-Latn"));
        assert_eq!(best("How Azerbaijan lost Zangezur"), None);
    }

    #[test]
    fn ottoman_shows_in_izafet_ayn_and_old_words() {
        let ota = |t: &str| ottoman(&words(t), t);
        assert_eq!(ota("Tercüme-i Kavâ'id-i Osmaniye"), 4);
        assert_eq!(ota("Mekteb-i Harbiye senelik"), 6);
        assert_eq!(ota("Osmanlı Devleti'nde Modern Arşivcilik"), 0);
        assert_eq!(ota("Pogrebal'nuikh obuichayakh"), 0);
    }

    #[test]
    fn apostrophes_at_the_end_of_words_are_not_uzbek() {
        let uz = |t: &str| patterns("uz-Latn", &words(t), t);
        assert_eq!(uz("O‘zbekiston tarixi"), 1);
        assert_eq!(uz("Qazaq’ tili’ o’qulyg’y’"), 0);
        assert_eq!(uz("Peoples’ histories of the o’zbek"), 1);
    }
}
