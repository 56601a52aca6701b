//! The other Latin-script languages of a historian's bibliography (French, German, Polish,
//! Italian, Spanish, Czech, Romanian, Hungarian, Uzbek, Turkmen, Croatian and Serbian Latin):
//! their function words and the letters only they write. They are weighed against the
//! languages the main rules decide between, so that `Histoire de la Transcaucasie` is not
//! Turkish and `Geschichte der Türkei` is not Azerbaijani: a clear winner is tagged; a close
//! call is left untagged.

/// A language: its tag, frequent words (lowercase) that the others do not share, and letters
/// only it writes among the languages weighed here and in the main rules.
struct Foreign {
    tag: &'static str,
    words: &'static [&'static str],
    letters: &'static str,
}

const FOREIGN: &[Foreign] = &[
    Foreign {
        tag: "fr",
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
        ],
        letters: "èêœëùÿ",
    },
    Foreign {
        tag: "de",
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
        letters: "äß",
    },
    Foreign {
        tag: "pl",
        words: &[
            "się", "jest", "oraz", "jako", "przez", "dla", "od", "historia", "wojna", "polityka", "polski",
            "polskiej", "stosunki", "latach", "wobec", "między", "nie", "że", "który", "która", "warszawa",
            "kraków", "w", "z",
        ],
        letters: "ąęłńśźż",
    },
    Foreign {
        tag: "it",
        words: &[
            "il", "lo", "gli", "della", "dello", "delle", "degli", "nel", "nella", "alla", "dalla", "sulla",
            "per", "con", "storia", "politica", "italiana", "tra", "fra", "che", "di",
        ],
        letters: "ìò",
    },
    Foreign {
        tag: "es",
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
        letters: "ñ¿¡",
    },
    Foreign {
        tag: "cs",
        words: &["se", "pro", "jako", "dějiny", "válka", "české", "mezi", "praha"],
        letters: "řěů",
    },
    Foreign {
        tag: "ro",
        words: &["și", "în", "pentru", "din", "cu", "războiul", "românia", "româniei", "bucurești"],
        letters: "ășț",
    },
    Foreign {
        tag: "hu",
        words: &["az", "és", "egy", "története", "magyar", "háború", "között", "budapest"],
        letters: "őű",
    },
    Foreign {
        tag: "uz-Latn",
        words: &["va", "bilan", "uchun", "tarixi", "tarixidan", "oʻzbekiston", "o'zbekiston", "toshkent"],
        letters: "ʻ",
    },
    Foreign {
        tag: "tk", words: &["bilen", "üçin", "taryhy", "türkmenistan", "aşgabat"], letters: "ňý"
    },
    Foreign {
        tag: "hr",
        words: &["povijest", "hrvatske", "zagreb", "između", "hrvatska", "srbije", "beograd"],
        letters: "đć",
    },
];

/// The best-supported foreign language of `words` (lowercase): its tag and score, with the
/// score of the runner-up. A function word counts 2; a word with a letter only that language
/// writes counts 2 (once per word).
pub(super) fn best(words: &[String]) -> Option<(&'static str, usize, usize)> {
    let mut scores: Vec<(&'static str, usize)> = FOREIGN
        .iter()
        .map(|f| {
            let score = words
                .iter()
                .map(|w| {
                    let listed = f.words.contains(&w.as_str())
                        || f.words.iter().any(|e| e.ends_with('\'') && w.starts_with(e) && w.len() > e.len());
                    2 * usize::from(listed) + 2 * usize::from(w.chars().any(|c| f.letters.contains(c)))
                })
                .sum();
            (f.tag, score)
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (tag, top) = scores[0];
    (top > 0).then_some((tag, top, scores[1].1))
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
        assert_eq!(best(&words("Histoire de la Transcaucasie pendant la guerre")).map(|b| b.0), Some("fr"));
        assert_eq!(best(&words("Geschichte der Türkei und des Kaukasus")).map(|b| b.0), Some("de"));
        assert_eq!(best(&words("Polityka wschodnia Polski w latach 1918–1921")).map(|b| b.0), Some("pl"));
        assert_eq!(best(&words("How Azerbaijan lost Zangezur")), None);
    }
}
