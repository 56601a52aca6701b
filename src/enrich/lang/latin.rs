//! Latin script: English, Turkish, Azerbaijani and romanised Russian, weighed against the
//! other languages of a historian's bibliography ([`super::foreign`]).

use super::foreign;
use super::lexicon::{
    ascii_fold, count_in, has_ru_latn_pattern, lexicon, IN_AZ, IN_EN, IN_RU_LATN, IN_TR, IN_TR_MODERN,
};
use super::turkic_russian;
use crate::enrich::tokens::{tokenize, Kind};
use rustc_hash::FxHashSet as HashSet;

/// Suffixes Turkish writes after an apostrophe on a proper name (case, possessive, plural,
/// copula): `Türkiye'nin`, `Kafkasya'da`, `Osmanlı'dan`. What else follows an apostrophe is
/// not Turkish (`Kavâ'id`, `mu'teber`: Ottoman `ayn` and `hamza`).
const TR_SUFFIXES: &[&str] = &[
    "a", "e", "ya", "ye", "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "da", "de", "ta", "te", "dan", "den",
    "tan", "ten", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "la", "le", "yla", "yle", "dır", "dir",
    "dur", "dür", "tır", "tir", "daki", "deki", "taki", "teki", "nda", "nde", "ndan", "nden", "na", "ne",
    "nı", "ni", "nu", "nü", "lar", "ler", "ları", "leri", "sı", "si", "su", "sü", "ndaki", "ndeki", "yla",
    "ydı", "ydi",
];

/// Counts the words of Crimean Tatar in Latin letters that Turkish and Azerbaijani cannot
/// write: a back `ı` after a rounded vowel (`onın`, `oldı`, `ogurında`: Crimean Tatar's
/// harmony does not round; Turkish and Azerbaijani write `onun`, `oldu`), and the Kipchak
/// participle in the plural (`kelgenler`, `olğanlar`; Turkish `gelenler`; the Turkish `-ken`
/// of `giderken` is not one). Returns the two counts; (0, 0) when a letter says another
/// Kipchak alphabet (`ä ū á ń ú ǵ`: Kazakh, Tatar) or Azerbaijani (`ə x`).
fn kipchak(words: &[&String]) -> (usize, usize) {
    if words.iter().any(|w| w.contains(['ə', 'x', 'ä', 'ū', 'á', 'ń', 'ú', 'ǵ'])) {
        return (0, 0);
    }
    let vowel = |c: char| "aeıioöuüâ".contains(c);
    let unrounded = words
        .iter()
        .filter(|w| {
            let mut last = None;
            w.chars().any(|c| {
                let broke = c == 'ı' && matches!(last, Some('o' | 'u'));
                if vowel(c) {
                    last = Some(c);
                }
                broke
            })
        })
        .count();
    let participles = words
        .iter()
        .filter(|w| ["ğanlar", "qanlar", "genler", "kenler"].iter().any(|e| w.contains(e)))
        .count();
    (unrounded, participles)
}

/// Counts Turkish suffixes after an apostrophe on a proper name (`Türkiye'nin`, `Baku'ye`);
/// English contractions (`Britain's`, `don't`) and Ottoman `ayn` (`Kavâ'id`) do not count.
fn apostrophe_suffixes(text: &str) -> usize {
    if !text.contains(crate::enrich::tokens::is_apostrophe) {
        return 0;
    }
    tokenize(text)
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .filter_map(|t| {
            let w = t.text(text);
            let (stem, suffix) = w.split_once(crate::enrich::tokens::is_apostrophe)?;
            let proper = stem.chars().next().is_some_and(char::is_uppercase);
            (proper && TR_SUFFIXES.contains(&lower(suffix).as_str())).then_some(())
        })
        .count()
}

/// Lowercase with the Turkic dotted `İ` and dotless `I` kept apart.
fn lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == 'I' {
                'ı'
            } else if c == 'İ' {
                'i'
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect()
}

/// Decides among the Latin-script languages; see the module documentation.
///
/// Says besides whether two languages each had three pieces of evidence (a title beside its
/// translation).
pub(super) fn latin(words: &[String], text: &str) -> (Option<&'static str>, bool) {
    // Romanised Russian typed in Turkic letters (`slovarğ`, `Antiçnıe`) is evidence for
    // Russian, and its letters are not evidence for Turkish or Azerbaijani; nor are the
    // letters of a word Turkish and Azerbaijani cannot spell (`Ğabdulla`).
    let maybe_turkic_russian = text.contains("sk") || text.contains(['ğ', 'ə', 'ı', 'Ğ', 'Ə']);
    let turkic_russian: HashSet<String> = if maybe_turkic_russian { tokenize(text) } else { Vec::new() }
        .iter()
        .filter(|t| t.kind == Kind::Word && turkic_russian::is_turkic_russian(t.text(text)))
        .flat_map(|t| t.text(text).split(crate::enrich::tokens::is_apostrophe).map(super::lower))
        .collect();
    let turkic_words: Vec<&String> =
        words.iter().filter(|w| !turkic_russian.contains(*w) && !turkic_russian::not_turkic(w)).collect();
    let with = |set: &str| turkic_words.iter().filter(|w| w.chars().any(|c| set.contains(c))).count();
    let schwa = with("ə");
    let turkic_letters = with("ığşçöüə");
    let circumflex = with("âîû");
    // Turkish writes no q and no x; English writes q almost only before u (`süqutu`, with a
    // Turkic letter, is not English). Uzbek writes q and x too, and none of the Turkic
    // letters: q and x count for Azerbaijani only beside them.
    let long = |w: &&&String| w.chars().count() > 2;
    let q_words = turkic_words
        .iter()
        .filter(long)
        .filter(|w| w.contains('q') && (!w.contains("qu") || !w.is_ascii()))
        .count();
    let x_words = turkic_words.iter().filter(long).filter(|w| w.contains('x')).count();
    let apostrophes = apostrophe_suffixes(text);
    let (en, tr, az) = (count_in(words, IN_EN), count_in(words, IN_TR), count_in(words, IN_AZ));
    // A word counts for one language only if the other has no word that folds to the same
    // ASCII (`ve`/`və`, `meselesi`/`məsələsi` are the same word in folded text).
    let lex = lexicon();
    let only = |bit: u8, other: &HashSet<String>| {
        words
            .iter()
            .filter(|w| {
                lex.words.get(w.as_str()).is_some_and(|b| b & bit != 0) && !other.contains(&ascii_fold(w))
            })
            .count()
    };
    let (tr_only, az_only) = (only(IN_TR, &lex.az_ascii), only(IN_AZ, &lex.tr_ascii));
    // Where the writer types ə, an Azerbaijani word spelt without it (`ve`, `Azerbaycan`)
    // is Turkish.
    let tr_spelt = if schwa > 0 {
        words
            .iter()
            .filter(|w| {
                !w.contains('ə') && lex.az_ascii.contains(w.as_str()) && !lex.words.contains_key(w.as_str())
            })
            .count()
            + words.iter().filter(|w| w.as_str() == "ve").count()
    } else {
        0
    };
    // Romanisation patterns count on lowercase words only: names are capitalised and
    // romanised too (`Ordzhonikidze`), titles in Russian sentence case are not.
    let lowercase_patterned = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && w.len() > 4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| {
            // A word with a Turkic letter or of the Turkish and Azerbaijani lists is not
            // romanised Russian (`siyasəti`, `siyasi` have the `iya` of `istoriya`).
            !(turkic_russian.contains(w)
                || w.contains(['ı', 'ğ', 'ş', 'ç', 'ö', 'ü', 'ə'])
                || lex.words.get(w.as_str()).is_some_and(|b| b & (IN_TR | IN_AZ) != 0))
        })
        .filter(|w| has_ru_latn_pattern(w) || w.ends_with("ii"))
        .count();
    // Letters no romanisation of Russian writes (`ł ą ę ś ź ż`), in two words or more: the
    // function words Polish shares with romanised Russian (`i`, `do`, `na`, `z`) are Polish.
    let polish_letters = words.iter().filter(|w| w.contains(['ł', 'ą', 'ę', 'ś', 'ź', 'ż'])).count();
    let ru = if polish_letters >= 2 {
        0
    } else {
        count_in(words, IN_RU_LATN) + lowercase_patterned + turkic_russian.len()
    };

    // Turkish and Azerbaijani share ı ğ ş ç ö ü; letters and words only one has decide.
    let context = turkic_letters + tr + az + apostrophes > 0;
    // Without the Turkic letters (typed in ASCII), q and x are Azerbaijani beside its
    // genitive (`qezasinin`: Uzbek writes `-ning`) or a Turkish or Azerbaijani word, and no
    // evidence of Uzbek beyond the words it shares with Azerbaijani (`tarixi`).
    let genitive = turkic_words
        .iter()
        .filter(|w| w.chars().count() >= 6 && ["nin", "nın", "nun", "nün"].iter().any(|g| w.ends_with(g)))
        .count();
    let uzbek = || {
        let not_az: Vec<String> =
            words.iter().filter(|w| count_in(std::slice::from_ref(w), IN_AZ) == 0).cloned().collect();
        foreign::score("uz-Latn", &not_az, text)
    };
    let ascii_azerbaijani =
        turkic_letters == 0 && q_words + x_words > 0 && genitive + tr + az > 0 && uzbek() == 0;
    let qx = if turkic_letters > 0 || ascii_azerbaijani { q_words + x_words } else { 0 };
    // A word with `ə` that is no romanised Russian (`Nəsrəddin`) is Azerbaijani evidence of
    // its own weight, beside its letter count.
    let turkic = turkic_letters
        + schwa
        + 2 * (tr + az)
        + 2 * apostrophes
        + 2 * qx
        + if context { circumflex } else { 0 };
    let az_specific = 3 * schwa + 2 * az_only + 2 * qx;
    // ə is among the most frequent Azerbaijani letters: several words with Turkic letters and
    // no ə, q or x are Turkish.
    let no_schwa = turkic_letters >= 1 && schwa == 0 && words.len() >= 5 && q_words + x_words == 0;
    let tr_specific = 2 * tr_only + 2 * tr_spelt + 2 * circumflex + apostrophes + 2 * usize::from(no_schwa);
    // `ə` is among Azerbaijani's most frequent letters: without it, only words of its own say
    // Azerbaijani (Crimean Tatar and Kazakh Latin write `q` and `ı` too, never `ə`).
    let az_shown = schwa > 0 || az_only > 0;
    let family = if az_specific > 0 && az_specific >= 2 * tr_specific && az_shown {
        Some("az-Latn")
    } else if tr_specific >= 2 * az_specific && (tr_specific > 0 || turkic_letters >= 2) {
        Some("tr")
    } else {
        None
    };
    // Crimean Tatar: Kipchak words Turkish and Azerbaijani cannot have (see [`kipchak`]);
    // they take the Turkic letters' weight from the Oghuz family.
    let crimean = if turkic_letters > 0 {
        let (unrounded, participles) = kipchak(&turkic_words);
        // A compound breaks the harmony in Turkish too (`Soykırım`): one such word counts
        // only beside a `q`, which Turkish does not write.
        if participles > 0 || unrounded >= 2 || unrounded > 0 && q_words > 0 {
            unrounded + participles
        } else {
            0
        }
    } else {
        0
    };
    let (family, turkic) =
        if crimean > 0 { (Some("crh-Latn"), turkic + 2 * crimean) } else { (family, turkic) };
    let mut scores = vec![(family, turkic), (Some("en"), 2 * en), (Some("ru-Latn"), 2 * ru)];
    // The other languages of the region's bibliographies weigh in: one of them wins only
    // with two pieces of evidence, and its evidence keeps a close call untagged.
    let foreign = foreign::best(words, text);
    if let Some((tag, score, _, _)) = foreign {
        scores.push((Some(tag), score));
    }
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, top) = scores[0];
    let second = scores[1].1;
    // A foreign winner needs two pieces of evidence and twice its own runner-up; one that
    // can only veto leaves the text untagged.
    let foreign_unsure = foreign
        .is_some_and(|(tag, _, runner_up, veto)| best == Some(tag) && (veto || top < 2 * runner_up.max(2)));
    // Transliterated Ottoman (izafet, ayn, its vocabulary) is Turkish only when clearly
    // modern: two words of the modern language.
    let ottoman =
        best == Some("tr") && foreign::ottoman(words, text) >= 2 && count_in(words, IN_TR_MODERN) < 2;
    // Two languages each with three pieces of evidence: a title and its translation.
    let bilingual = second >= 6;
    if top >= 2 && top >= 2 * second && !foreign_unsure && !ottoman && !bilingual {
        (best, false)
    } else {
        (None, bilingual)
    }
}

#[cfg(test)]
mod tests {
    use super::super::detect;

    fn tag(s: &str) -> Option<String> {
        detect(s).lang.map(|l| l.to_string())
    }

    /// Polish letters in two words make the function words Polish shares with romanised
    /// Russian (`i`, `do`, `na`) Polish.
    #[test]
    fn polish_letters_outweigh_shared_function_words() {
        assert_eq!(
            tag("Wspomnienia z podróży na Kaukaz i do Gruzji, spisane przez świadka"),
            Some("pl".into())
        );
        assert_eq!(tag("Materialy po istorii Kavkaza i Gruzii"), Some("ru-Latn".into()));
    }

    /// Turkish publishers' words (`Yayınları`, `Yayıncılık`, `Yayınevi`) are Turkish.
    #[test]
    fn turkish_publishers_words_are_turkish() {
        assert_eq!(tag("Osmanlı kaynaklarında Kafkasya, Ötüken Yayınları, İstanbul 2004"), Some("tr".into()));
    }

    /// A name with `ə` in a short citation is Azerbaijani evidence, not romanised Russian.
    #[test]
    fn a_schwa_word_weighs_for_azerbaijani() {
        assert_eq!(tag("Molla Nəsrəddin"), Some("az-Latn".into()));
        // The whole citation says too little to decide, but never romanised Russian.
        assert_ne!(tag("“Molla Nəsrəddin”, 1908, № 27, s. 5."), Some("ru-Latn".into()));
    }

    #[test]
    fn russian_in_turkic_letters_is_never_turkish_or_azerbaijani() {
        assert_eq!(
            tag("Oçerki istorii Kavkaza po arxivnım materialam. Moskva, 1960"),
            Some("ru-Latn".into())
        );
        for t in ["Alfavitnıy ukazatelğ. Moskva, 1972", "Russkaə istoriə. Baku, 1985", "Zakavkazskix narodov"]
        {
            let got = tag(t);
            assert!(got.is_none() || got.as_deref() == Some("ru-Latn"), "{t}: {got:?}");
        }
    }

    #[test]
    fn schwa_weighs_but_does_not_decide_alone() {
        assert_eq!(tag("Azərbaycan xalqının tarixi"), Some("az-Latn".into()));
        // A Turkish sentence quoting one Azerbaijani word.
        assert_ne!(
            tag("Azerbaycan ve Türkiye arasında Azerbaycan Cümhuriyyəti meselesi"),
            Some("az-Latn".into())
        );
    }

    #[test]
    fn uzbek_and_tatar_without_turkic_letters_are_not_azerbaijani() {
        assert_eq!(tag("Xorazm tarixi. Toshkent, 1995"), Some("uz-Latn".into()));
        assert_eq!(tag("Ğälimcan Ibrahimov"), None);
        assert_eq!(tag("Naxcivan xanliginin tarixi"), Some("az-Latn".into()));
    }

    #[test]
    fn transliterated_ottoman_is_not_turkish() {
        assert_eq!(tag("Mecmua-i Fünun, sene 1279"), None);
        assert_eq!(tag("Tâ'rîh-i Devlet-i Osmâniyye"), None);
        assert_eq!(tag("Türkiye Cumhuriyeti ile Sovyetler arasında ilişkileri"), Some("tr".into()));
    }

    #[test]
    fn a_title_with_its_translation_takes_the_title_s_language() {
        // The gloss in parentheses is a translation: the title outside decides.
        assert_eq!(
            tag("Istoriia goroda Baku i ego okrestnostei v dokumentakh (The History of the City of Baku and of its Surroundings in the Documents)"),
            Some("ru-Latn".into())
        );
        // Two languages side by side, neither a gloss: untagged.
        assert_eq!(
            tag("Istoriia goroda Baku i ego okrestnostei v dokumentakh. The History of the City of Baku and of its Surroundings in the Documents"),
            None
        );
    }

    #[test]
    fn crimean_tatar_by_its_unrounded_harmony_and_participles() {
        assert_eq!(tag("Saşa nasıl qızıl asker oldı"), Some("crh-Latn".into()));
        assert_eq!(tag("Maksim gorkijnin hajatı ve başına kelgenler"), Some("crh-Latn".into()));
        // A Turkish compound breaks the harmony once, without `q`: not Crimean Tatar.
        assert_ne!(tag("Birinci Dünya Savaşında Kafkasya'da Soykırım ve Göç"), Some("crh-Latn".into()));
        assert_ne!(tag("Yaparken ve giderken"), Some("crh-Latn".into()));
        // `q` and `ı` without `ə` or a word of its own are not Azerbaijani, however short
        // the title: Crimean Tatar writes them too.
        assert_eq!(tag("Ormanda jıldızcıqlar"), None);
    }

    #[test]
    fn turkish_apostrophes_take_turkish_suffixes() {
        assert_eq!(super::apostrophe_suffixes("Türkiye'nin Kafkasya'da Kavâ'id"), 2);
    }
}
