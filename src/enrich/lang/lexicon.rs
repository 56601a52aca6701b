//! The word lists of the Latin-script and Cyrillic rules, as one lookup table.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

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
    // Publishers' words (Azerbaijani writes `nəşriyyatı`).
    "yayınları",
    "yayıncılık",
    "yayınevi",
    "kitabevi",
    "basımevi",
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
pub(super) const RU_LATN_PATTERNS: &[&str] = &[
    "skoi", "skogo", "skaia", "skaya", "skii", "skiy", "iia", "iya", "ogo", "ykh", "ikh", "shch", "zh",
    "nyi", "nyy", "ovoi", "evoi", "aia", "yye", "iye", "tsii", "tsiya",
];

/// True when `word` holds one of [`RU_LATN_PATTERNS`] (one pass over the word for all of them).
pub(super) fn has_ru_latn_pattern(word: &str) -> bool {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER
        .get_or_init(|| aho_corasick::AhoCorasick::new(RU_LATN_PATTERNS).expect("fixed ASCII patterns build"))
        .is_match(word)
}

/// The word lists as one lookup table: each word with a bit per list it is in, and the
/// ASCII folds of the Turkish and Azerbaijani lists.
pub(super) struct Lexicon {
    pub(super) words: HashMap<&'static str, u8>,
    pub(super) tr_ascii: HashSet<String>,
    pub(super) az_ascii: HashSet<String>,
}

/// The bit of each list in [`Lexicon::words`].
pub(super) const IN_EN: u8 = 1;
pub(super) const IN_TR: u8 = 2;
pub(super) const IN_AZ: u8 = 4;
pub(super) const IN_RU_LATN: u8 = 8;
pub(super) const IN_UK: u8 = 16;
pub(super) const IN_RU: u8 = 32;
pub(super) const IN_TR_MODERN: u8 = 64;

/// The lists, built once.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words = HashMap::default();
        for (list, bit) in [
            (EN, IN_EN),
            (TR, IN_TR),
            (AZ, IN_AZ),
            (RU_LATN, IN_RU_LATN),
            (UK, IN_UK),
            (RU, IN_RU),
            (TR_MODERN, IN_TR_MODERN),
        ] {
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

/// How many of `words` are in the lists marked by `bit`.
pub(super) fn count_in(words: &[String], bit: u8) -> usize {
    let lex = lexicon();
    words.iter().filter(|w| lex.words.get(w.as_str()).is_some_and(|b| b & bit != 0)).count()
}

/// Words of modern Turkish that transliterated Ottoman does not write (the language reform's
/// words, and the phrasing of modern titles).
const TR_MODERN: &[&str] = &[
    "olarak",
    "üzerine",
    "hakkında",
    "göre",
    "arasında",
    "ilişkileri",
    "dönemi",
    "dönemde",
    "döneminde",
    "sorunu",
    "türkiye",
    "cumhuriyeti",
    "politikası",
    "yılları",
    "yılı",
    "savaşı",
    "çalışmaları",
    "yönelik",
    "günümüze",
    "bilgiler",
    "açısından",
    "önemi",
    "yapı",
    "kuruluşu",
    "yaşanan",
];

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

/// Folds the Turkic letters to ASCII, as careless typing and old fonts do.
pub(super) fn ascii_fold(w: &str) -> String {
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
