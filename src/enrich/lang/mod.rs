//! Language and script of a piece of text, by rules first (TEI-ARCHIVAL-NOTES.md §4).
//!
//! Latin script: `en`, `tr`, `az-Latn` and `ru-Latn` (romanised Russian) are decided here on
//! evidence: letters only one language has (`ə`, `ı ğ ş`, `â î û`), function words, and
//! romanisation patterns (`-skoi`, `-iia`, `zh`, `kh`); the other languages of a historian's
//! bibliography (French, German, Polish…) weigh in from [`foreign`], so that their titles are
//! tagged as what they are or left untagged, never taken for ours. Cyrillic: [`cyrillic`]
//! tells Russian from the region's other Cyrillic languages by their letters and words.
//! Georgian and Armenian script each write one language. When the evidence does not clearly
//! favour one language the text is left untagged: a wrong `xml:lang` is worse than none,
//! because hyphenation and screen readers act on it.

mod cyrillic;
mod foreign;

use crate::enrich::tokens::{tokenize, Kind};
use crate::fold::{repair_word, script_of};
use crate::model::{LangTag, Script};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What the rules decided about a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The language, when the evidence is clear.
    pub lang: Option<LangTag>,
    /// The main script of the letters, when there are any.
    pub script: Option<Script>,
}

/// Function words and frequent words, per language (lowercase, Turkic-lowercased).
const EN: &[&str] = &[
    "the",
    "of",
    "and",
    "in",
    "to",
    "for",
    "on",
    "with",
    "from",
    "by",
    "is",
    "was",
    "an",
    "at",
    "as",
    "its",
    "his",
    "their",
    "between",
    "after",
    "during",
    "under",
    "how",
    "what",
    "why",
    "who",
    "which",
    "that",
    "this",
    "were",
    "are",
    "be",
    "new",
    "into",
    "over",
    "against",
    "policy",
    "history",
    "war",
    "letter",
    "documents",
    "question",
    "problem",
    "relations",
    "state",
    "archive",
    "republic",
    "soviet",
    "people",
];
const TR: &[&str] = &[
    "ve",
    "ile",
    "için",
    "bir",
    "bu",
    "olarak",
    "hakkında",
    "üzerine",
    "tarihi",
    "tarihçe",
    "türk",
    "türkiye",
    "devleti",
    "dönemi",
    "dönemde",
    "yılları",
    "meselesi",
    "sorunu",
    "göre",
    "olan",
    "gibi",
    "kadar",
    "sonra",
    "önce",
    "arasında",
    "ilişkileri",
    "politikası",
    "siyaseti",
    "belgeler",
    "üzerinde",
    "yeni",
    "büyük",
    "savaşı",
    "ermeni",
    "kafkasya",
    "nüfusu",
    "işgali",
    "cumhuriyeti",
    "sovyet",
    "hükümeti",
    "olayları",
    "ve",
    "mi",
    "ne",
    "çok",
    "değil",
    "dergisi",
    "siyasi",
    "yeni",
    "sonra",
    "arasında",
    "kadar",
];
const AZ: &[&str] = &[
    "və",
    "ilə",
    "üçün",
    "bu",
    "olan",
    "haqqında",
    "tarixi",
    "tarixindən",
    "dövlət",
    "respublikası",
    "illər",
    "illəri",
    "azərbaycan",
    "cümhuriyyəti",
    "xalq",
    "siyasi",
    "vəziyyət",
    "sənədlər",
    "bəzi",
    "qafqaz",
    "ermənistan",
    "naxçıvan",
    "qarabağ",
    "zəngəzur",
    "məsələsi",
    "kimi",
    "sonra",
    "qədər",
    "arasında",
    "müharibə",
    "yeni",
    "böyük",
    "axtarış",
    "heqiqetleri",
    "heqiqet",
    "tarixi",
    "xeyli",
    "uğrunda",
    "mübarizə",
    "dövrü",
    "dövründə",
    "ci",
    "cı",
    "cu",
    "cü",
];
const RU_LATN: &[&str] = &[
    "v",
    "i",
    "na",
    "po",
    "k",
    "o",
    "ob",
    "iz",
    "dlia",
    "dlya",
    "pri",
    "ot",
    "do",
    "za",
    "s",
    "u",
    "nad",
    "pod",
    "istorii",
    "istoriia",
    "istoriya",
    "voprosy",
    "problemy",
    "ocherki",
    "sbornik",
    "dokumentov",
    "dokumenty",
    "materialy",
    "rossii",
    "rossiia",
    "rossiya",
    "sovetskoi",
    "sovetskaya",
    "kavkaza",
    "kavkaz",
    "mezhdu",
    "zakavkaz'e",
    "zakavkazye",
    "armiia",
    "vlasti",
    "politika",
    "revoliutsii",
    "uroki",
    "zabytye",
    "granits",
    "granic",
    "obrazovanie",
    "obrazovaniia",
    "avtonomnoi",
    "oblasti",
    "gosudarstvami",
    "na",
    "primere",
    "kak",
    "chto",
    "eto",
    "god",
    "godakh",
    "gg",
    "moskva",
];

/// Endings and letter groups of romanised Russian (ALA-LC, BGN, popular forms).
const RU_LATN_PATTERNS: &[&str] = &[
    "skoi", "skogo", "skaia", "skaya", "skii", "skiy", "iia", "iya", "ogo", "ykh", "ikh", "shch", "zh",
    "nyi", "nyy", "ovoi", "evoi", "aia", "yye", "iye", "tsii", "tsiya",
];

/// Lowercases a word for list lookup: `I` and `İ` become `i` (the text's language is not
/// known yet, so neither the Turkic nor the general rule can be assumed), `ı` stays `ı`.
fn lower(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'I' | 'İ' => out.push('i'),
            '\u{307}' => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of `text`, lowercased, without initials (`K.` in `Iskandarov K.` is not the
/// Russian preposition `k`).
fn words(text: &str) -> (Vec<String>, Option<Script>) {
    let toks = tokenize(text);
    let mut counts = ScriptCounts::default();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.text(text);
        let repaired = repair_word(w);
        counts.add(&repaired);
        let initial = w.chars().count() == 1
            && w.chars().all(char::is_uppercase)
            && toks.get(i + 1).is_some_and(|n| n.is_punct(text, '.') && !n.space_before);
        if !initial {
            out.push(lower(&repaired));
        }
    }
    (out, counts.main())
}

/// Strips what says nothing about language (web addresses, e-mail addresses) and keeps
/// the first 1000 words.
pub fn language_text(text: &str) -> String {
    // A bracketed gloss (`Poslovitsy russkago naroda [Proverbs of the Russian People]`) is
    // a translation: the text around it says what the language is, when there is enough.
    let unglossed = without_brackets(text);
    let text = if unglossed.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 3 {
        unglossed.as_str()
    } else {
        text
    };
    text.split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@') || looks_like_path(w)))
        .take(MAX_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without its square-bracketed parts (unbalanced brackets are kept).
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { break };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn looks_like_path(w: &str) -> bool {
    w.contains('/') && w.contains('.') && !w.starts_with('/') && w.len() > 12
}

/// The word lists as one lookup table: each word with a bit per list it is in, and the
/// ASCII folds of the Turkish and Azerbaijani lists.
struct Lexicon {
    words: HashMap<&'static str, u8>,
    tr_ascii: HashSet<String>,
    az_ascii: HashSet<String>,
}

const IN_EN: u8 = 1;
const IN_TR: u8 = 2;
const IN_AZ: u8 = 4;
const IN_RU_LATN: u8 = 8;
const IN_UK: u8 = 16;
const IN_RU: u8 = 32;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words = HashMap::new();
        for (list, bit) in
            [(EN, IN_EN), (TR, IN_TR), (AZ, IN_AZ), (RU_LATN, IN_RU_LATN), (UK, IN_UK), (RU, IN_RU)]
        {
            for w in list {
                *words.entry(*w).or_insert(0) |= bit;
            }
        }
        Lexicon {
            words,
            tr_ascii: TR.iter().map(|w| ascii_fold(w)).collect(),
            az_ascii: AZ.iter().map(|w| ascii_fold(w)).collect(),
        }
    })
}

fn count_in(words: &[String], bit: u8) -> usize {
    let lex = lexicon();
    words.iter().filter(|w| lex.words.get(w.as_str()).is_some_and(|b| b & bit != 0)).count()
}

/// Words are read up to this many: a language shows long before, and the body of an
/// article as one paragraph must not cost more than its notes.
const MAX_WORDS: usize = 1000;

/// Detects the language of `text` by rules; see the module documentation.
pub fn detect(text: &str) -> Detection {
    let text = language_text(text);
    let (words, script) = words(&text);
    let letters: usize = words.iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    let lang = match script {
        _ if letters < 4 => None,
        Some(Script::Cyrillic) => {
            cyrillic::cyrillic(&words, count_in(&words, IN_UK), count_in(&words, IN_RU))
        }
        Some(Script::Latin) => latin(&words, &text),
        // Scripts of one language among those our users cite (polytonic Greek may be
        // Ancient Greek: left untagged).
        Some(Script::Georgian) => Some("ka"),
        Some(Script::Armenian) => Some("hy"),
        Some(Script::Greek) if !text.chars().any(|c| ('\u{1F00}'..='\u{1FFF}').contains(&c)) => Some("el"),
        _ => None,
    };
    Detection { lang: lang.map(|l| LangTag::parse(l).expect("built-in tags are well-formed")), script }
}

/// The script of most letters, or [`Script::Mixed`] when no script has 80 % of them.
pub fn main_script(text: &str) -> Option<Script> {
    let mut counts = ScriptCounts::default();
    for w in text.split_whitespace() {
        counts.add(&repair_word(w));
    }
    counts.main()
}

/// Letters counted per script (Latin, Cyrillic, other).
#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    cyrillic: usize,
    other: [(Option<Script>, usize); 4],
}

impl ScriptCounts {
    fn add(&mut self, word: &str) {
        for c in word.chars() {
            match script_of(c) {
                Some(Script::Latin) => self.latin += 1,
                Some(Script::Cyrillic) => self.cyrillic += 1,
                Some(s) => {
                    if let Some(slot) = self.other.iter_mut().find(|(k, _)| *k == Some(s) || k.is_none()) {
                        *slot = (Some(s), slot.1 + 1);
                    }
                }
                None => {}
            }
        }
    }

    /// The script of most letters, or [`Script::Mixed`] when none has 80 % of them.
    fn main(&self) -> Option<Script> {
        let mut all = vec![(Script::Latin, self.latin), (Script::Cyrillic, self.cyrillic)];
        all.extend(self.other.iter().filter_map(|(s, n)| s.map(|s| (s, *n))));
        let total: usize = all.iter().map(|(_, n)| n).sum();
        let (main, n) = all.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
        if total == 0 {
            return None;
        }
        Some(if n * 5 >= total * 4 { main } else { Script::Mixed })
    }
}

/// Frequent Ukrainian words spelt without the letters only Ukrainian has.
const UK: &[&str] = &[
    "та",
    "само",
    "що",
    "як",
    "від",
    "це",
    "він",
    "року",
    "років",
    "до",
    "й",
    "між",
    "після",
    "через",
    "або",
    "коли",
    "який",
    "яка",
    "яке",
    "які",
    "його",
    "вона",
    "вони",
];
/// Frequent Russian words that Ukrainian spells differently.
const RU: &[&str] =
    &["же", "что", "как", "от", "это", "он", "года", "лет", "или", "между", "после", "через", "и"];

/// Counts Turkish-style suffixes after an apostrophe on a proper name (`Türkiye'nin`,
/// `Baku'ye`); English contractions (`Britain's`, `don't`) do not count.
fn apostrophe_suffixes(text: &str) -> usize {
    tokenize(text)
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .filter_map(|t| {
            let w = t.text(text);
            let (stem, suffix) = w.split_once(crate::enrich::tokens::is_apostrophe)?;
            let n = suffix.chars().count();
            let proper = stem.chars().next().is_some_and(char::is_uppercase);
            (proper
                && (1..=5).contains(&n)
                && suffix.chars().all(char::is_lowercase)
                && !matches!(suffix, "s" | "t" | "ll" | "re" | "ve" | "d" | "m"))
            .then_some(())
        })
        .count()
}

/// Folds the Turkic letters to ASCII, as careless typing and old fonts do.
fn ascii_fold(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'ə' => 'e',
            'ı' => 'i',
            'ğ' => 'g',
            'ş' => 's',
            'ç' => 'c',
            'ö' => 'o',
            'ü' => 'u',
            'â' => 'a',
            'î' => 'i',
            'û' => 'u',
            _ => c,
        })
        .collect()
}

fn latin(words: &[String], text: &str) -> Option<&'static str> {
    let with = |set: &str| words.iter().filter(|w| w.chars().any(|c| set.contains(c))).count();
    if with("ə") > 0 {
        return Some("az-Latn");
    }
    let turkic_letters = with("ığşçöü");
    let circumflex = with("âîû");
    // Turkish writes no q and no x; English writes q almost only before u (`süqutu`, with a
    // Turkic letter, is not English).
    let long = |w: &&String| w.chars().count() > 2;
    let q_words =
        words.iter().filter(long).filter(|w| w.contains('q') && (!w.contains("qu") || !w.is_ascii())).count();
    let x_words = words.iter().filter(long).filter(|w| w.contains('x')).count();
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
    // Romanisation patterns count on lowercase words only: names are capitalised and
    // romanised too (`Ordzhonikidze`), titles in Russian sentence case are not.
    let lowercase_patterned = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && w.len() > 4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| RU_LATN_PATTERNS.iter().any(|p| w.contains(p)) || w.ends_with("ii"))
        .count();
    let ru = count_in(words, IN_RU_LATN) + lowercase_patterned;

    // Turkish and Azerbaijani share ı ğ ş ç ö ü; letters and words only one has decide.
    let context = turkic_letters + tr + az + apostrophes + q_words > 0;
    let qx = if context { q_words + x_words } else { 0 };
    let turkic =
        turkic_letters + 2 * (tr + az) + 2 * apostrophes + 2 * qx + if context { circumflex } else { 0 };
    let az_specific = 2 * az_only + 2 * qx;
    // ə is among the most frequent Azerbaijani letters: several words with Turkic letters and
    // no ə, q or x are Turkish.
    let no_schwa = turkic_letters >= 1 && words.len() >= 5 && q_words + x_words == 0;
    let tr_specific = 2 * tr_only + 2 * circumflex + apostrophes + 2 * usize::from(no_schwa);
    let family = if az_specific > 0 && az_specific >= 2 * tr_specific {
        Some("az-Latn")
    } else if tr_specific >= 2 * az_specific && (tr_specific > 0 || turkic_letters >= 2) {
        Some("tr")
    } else {
        None
    };
    let mut scores = vec![
        (family, turkic),
        (Some("en"), 2 * en),
        (Some("ru-Latn"), if turkic_letters > 0 { 0 } else { 2 * ru }),
    ];
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
    if top >= 2 && top >= 2 * second && !foreign_unsure {
        best
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Option<String> {
        detect(s).lang.map(|l| l.to_string())
    }

    #[test]
    fn scripts_and_letters_decide_first() {
        assert_eq!(tag("Две республики. Азербайджано-российские отношения"), Some("ru".into()));
        assert_eq!(tag("Історія України та її державність"), Some("uk".into()));
        assert_eq!(tag("Азәрбајҹан тарихи"), Some("az-Cyrl".into()));
        assert_eq!(tag("Muxtariyyat ərəfəsində Naxçıvan"), Some("az-Latn".into()));
        assert_eq!(tag("Resulzade Hükümeti Dönemi ve Yaşanan Terör Olayları"), Some("tr".into()));
    }

    #[test]
    fn function_words_and_romanisation() {
        assert_eq!(tag("How Azerbaijan lost Zangezur"), Some("en".into()));
        assert_eq!(
            tag("K istorii obrazovaniia Nagorno-Karabakhskoi avtonomnoi oblasti"),
            Some("ru-Latn".into())
        );
        assert_eq!(tag("Gelecekteki catismanın temelleri iste bu sırada atıldı."), Some("tr".into()));
    }

    #[test]
    fn no_evidence_no_tag() {
        assert_eq!(tag("Zangezur, Nakhchivan, Karabakh"), None);
        assert_eq!(tag("https://cyberleninka.ru/article/n/sovetskaya-rossiya"), None);
        assert_eq!(tag("1920"), None);
    }

    #[test]
    fn other_languages_are_never_taken_for_ours() {
        // Once `tr` (the Turkish `de`) and `az-Latn` (the Turkic `ü`).
        assert_eq!(tag("Histoire de la Transcaucasie pendant la guerre civile"), Some("fr".into()));
        assert_eq!(tag("Geschichte der Türkei und des Kaukasus im Ersten Weltkrieg"), Some("de".into()));
        assert_eq!(tag("Die Armenier und die Türken über die Grenze"), Some("de".into()));
        assert_eq!(tag("Polityka wschodnia Polski w latach 1918–1921"), Some("pl".into()));
        for t in ["La question arménienne", "Der Kaukasus", "Über den Kaukasus"] {
            let got = tag(t);
            assert!(
                got.is_none() || got.as_deref() == Some("fr") || got.as_deref() == Some("de"),
                "{t}: {got:?}"
            );
        }
        assert_eq!(tag("საქართველოს ისტორია"), Some("ka".into()));
        assert_eq!(tag("Հայաստանի պատմություն"), Some("hy".into()));
        assert_eq!(tag("Ἱστορία τοῦ πολέμου"), None);
    }

    #[test]
    fn a_lone_ukrainian_initial_does_not_make_russian_ukrainian() {
        assert_eq!(tag("Киреев, І. Армяне в истории"), Some("ru".into()));
    }
}
