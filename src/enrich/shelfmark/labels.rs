//! The label lexicon of archival citations (TEI-ARCHIVAL-NOTES.md §3.2): which printed
//! words introduce which level, in Russian, Ukrainian, Azerbaijani, romanised and English.

use crate::enrich::tokens::{Kind, Token};
use crate::fold::{fold, lookalike_in, repair_word};
use crate::model::Script;

/// A level of the post-Soviet hierarchy, in citation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Fond (collection).
    Fond,
    /// Opis (inventory).
    Opis,
    /// Box (carton, papka).
    Box,
    /// Delo (file) or storage unit.
    Delo,
    /// A part of a file (`ч.`, `chast'`).
    Part,
    /// A volume of a file (`т.`, `vol.`).
    Volume,
    /// Leaves.
    Folio,
    /// Printed pages (`p.`, `pp.`, `с.`, `стр.` after the file).
    Page,
}

impl Level {
    /// Returns true for the sub-units of a file, which may follow each other in either order.
    pub fn is_sub_unit(self) -> bool {
        matches!(self, Level::Part | Level::Volume)
    }
}

/// One label: its words (folded, look-alikes repaired; `(`/`)` match themselves) and
/// whether it only counts in positional citations (`fn 609, 11, fl 21, p 97`).
struct Label {
    level: Level,
    words: &'static [&'static str],
    positional_only: bool,
    /// Matches its own script only, not a look-alike reading (Latin `c` for Armenian `ց.`
    /// is not Cyrillic `с.`, a page).
    exact: bool,
}

const fn l(level: Level, words: &'static [&'static str]) -> Label {
    Label { level, words, positional_only: false, exact: false }
}

const fn positional(level: Level, words: &'static [&'static str]) -> Label {
    Label { level, words, positional_only: true, exact: false }
}

const fn exact(level: Level, words: &'static [&'static str]) -> Label {
    Label { level, words, positional_only: false, exact: true }
}

/// Every label, longest forms first where one is a prefix of another.
///
/// Sources: TEI-ARCHIVAL-NOTES.md §3.2 (Russian, Azerbaijani, romanised), uk.wikipedia
/// `Шаблон:Архівні_матеріали` (Ukrainian), the Belarusian archives' own citation form
/// (`ф., воп., спр./адз. зах., арк., адв.`), Armenian `ֆ. ց. գ. թ.` (fond, ցուցակ, գործ,
/// թերթ) and Georgian `ფონდი, ანაწერი, საქმე, ფურცელი` with their Latin transliterations.
const LABELS: &[Label] = &[
    l(Level::Fond, &["фонд"]),
    // Inflected in prose (`в фонде 7 ЦА ФСБ`, `фонда № 7`): a shelfmark only with an archive.
    l(Level::Fond, &["фонде"]),
    l(Level::Fond, &["фонда"]),
    // Ukrainian, inflected: `у фонді №6023`, `фондами №№ Р-2795`.
    l(Level::Fond, &["фонді"]),
    l(Level::Fond, &["фондами"]),
    l(Level::Fond, &["ф"]),
    l(Level::Fond, &["fonds"]),
    l(Level::Fond, &["fondi"]),
    l(Level::Fond, &["fond"]),
    // Lithuanian: fondas (fondo, fondą), apyrašas, byla, lapas.
    l(Level::Fond, &["fondas"]),
    l(Level::Fond, &["fondo"]),
    l(Level::Fond, &["fondą"]),
    l(Level::Fond, &["fn"]),
    l(Level::Fond, &["f"]),
    l(Level::Fond, &["reserve"]),
    l(Level::Fond, &["coll"]),
    l(Level::Fond, &["ֆոնդ"]),
    l(Level::Fond, &["ֆ"]),
    l(Level::Fond, &["ფონდი"]),
    l(Level::Fond, &["ფ"]),
    l(Level::Opis, &["опись"]),
    l(Level::Opis, &["опис"]),
    l(Level::Opis, &["оп"]),
    // OCR reads `Оп.` as `On.`: a Cyrillic о with a Latin n.
    l(Level::Opis, &["оn"]),
    l(Level::Opis, &["сп"]),
    l(Level::Opis, &["вопіс"]),
    l(Level::Opis, &["воп"]),
    l(Level::Opis, &["сијаһы"]),
    l(Level::Opis, &["сиј"]),
    l(Level::Opis, &["vop"]),
    l(Level::Opis, &["opis"]),
    l(Level::Opis, &["opys"]),
    l(Level::Opis, &["op"]),
    l(Level::Opis, &["ap"]),
    // Armenian romanised: ց. → c., գ. → g.
    exact(Level::Opis, &["c"]),
    l(Level::Opis, &["inventory"]),
    l(Level::Opis, &["inv"]),
    l(Level::Opis, &["description"]),
    l(Level::Opis, &["desc"]),
    l(Level::Opis, &["siyahi"]),
    l(Level::Opis, &["siy"]),
    l(Level::Opis, &["ցուցակ"]),
    l(Level::Opis, &["ց"]),
    l(Level::Opis, &["ანაწერი"]),
    l(Level::Opis, &["ან"]),
    l(Level::Opis, &["anaweri"]),
    l(Level::Opis, &["anaw"]),
    l(Level::Box, &["картон"]),
    l(Level::Box, &["карт"]),
    l(Level::Box, &["к"]),
    l(Level::Box, &["папка"]),
    l(Level::Box, &["box"]),
    l(Level::Box, &["papka"]),
    l(Level::Delo, &["дело"]),
    l(Level::Delo, &["дела"]),
    l(Level::Delo, &["ед", "хр"]),
    l(Level::Delo, &["д"]),
    l(Level::Delo, &["справа"]),
    l(Level::Delo, &["спр"]),
    l(Level::Delo, &["од", "зб"]),
    l(Level::Delo, &["адз", "зах"]),
    l(Level::Delo, &["иш"]),
    l(Level::Delo, &["folder", "(", "delo", ")"]),
    l(Level::Delo, &["folder"]),
    l(Level::Delo, &["delo"]),
    l(Level::Delo, &["ed", "khr"]),
    // Plural `dd.` (`Dd.5754–5`, files 5754 to 5755).
    l(Level::Delo, &["dd"]),
    l(Level::Delo, &["дд"]),
    l(Level::Delo, &["d"]),
    l(Level::Delo, &["file"]),
    l(Level::Delo, &["b"]),
    l(Level::Delo, &["g"]),
    l(Level::Delo, &["case"]),
    l(Level::Delo, &["item"]),
    l(Level::Delo, &["sprava"]),
    l(Level::Delo, &["spr"]),
    l(Level::Delo, &["iş"]),
    l(Level::Delo, &["saxlama", "vahidi"]),
    l(Level::Delo, &["sax", "vah"]),
    l(Level::Delo, &["գործ"]),
    l(Level::Delo, &["գ"]),
    l(Level::Delo, &["դ"]),
    l(Level::Delo, &["საქმე"]),
    l(Level::Delo, &["საქ"]),
    l(Level::Delo, &["saqme"]),
    l(Level::Delo, &["saq"]),
    positional(Level::Delo, &["fl"]),
    l(Level::Part, &["часть"]),
    l(Level::Part, &["ч"]),
    l(Level::Part, &["chast"]),
    l(Level::Part, &["part"]),
    // Russian `Отд. 2` (отделение, a section of a file); Georgian `ტ. 2` (ტომი, a volume of
    // a case, which the Georgian archives count as its part).
    l(Level::Part, &["отд"]),
    l(Level::Part, &["ტომი"]),
    l(Level::Part, &["ტ"]),
    l(Level::Volume, &["том"]),
    l(Level::Volume, &["т"]),
    l(Level::Volume, &["tom"]),
    l(Level::Volume, &["t"]),
    l(Level::Volume, &["volume"]),
    l(Level::Volume, &["vol"]),
    l(Level::Folio, &["листы"]),
    l(Level::Folio, &["лист"]),
    l(Level::Folio, &["лл"]),
    l(Level::Folio, &["л"]),
    l(Level::Folio, &["аркуші"]),
    l(Level::Folio, &["аркуш"]),
    l(Level::Folio, &["арк"]),
    l(Level::Folio, &["вв"]),
    l(Level::Folio, &["в"]),
    l(Level::Folio, &["ark"]),
    l(Level::Folio, &["lists"]),
    l(Level::Folio, &["list"]),
    l(Level::Folio, &["ll"]),
    l(Level::Folio, &["l"]),
    l(Level::Folio, &["sht"]),
    l(Level::Folio, &["sheets"]),
    l(Level::Folio, &["sheet"]),
    l(Level::Folio, &["folios"]),
    l(Level::Folio, &["folio"]),
    l(Level::Folio, &["fols"]),
    l(Level::Folio, &["fol"]),
    l(Level::Folio, &["ff"]),
    l(Level::Folio, &["furc"]),
    l(Level::Folio, &["ფურცელი"]),
    l(Level::Folio, &["ფურც"]),
    l(Level::Folio, &["թերթ"]),
    l(Level::Folio, &["թթ"]),
    l(Level::Folio, &["թ"]),
    l(Level::Folio, &["vərəqlər"]),
    l(Level::Folio, &["vərəq"]),
    l(Level::Folio, &["vv"]),
    l(Level::Folio, &["v"]),
    positional(Level::Folio, &["p"]),
    l(Level::Page, &["გვ"]),
    l(Level::Page, &["стр"]),
    l(Level::Page, &["с"]),
    l(Level::Page, &["pp"]),
    l(Level::Page, &["p"]),
];

/// Words that mark a verso after a folio number.
const VERSO: &[&str] =
    &["об", "ob", "arxa", "арха", "зв", "zv", "адв", "adv", "շրջ", "բ", "უკ", "rs", "verso"];

/// Words that mark a recto after a folio number (Armenian `ա`, the first letter, as `բ`
/// the second marks a verso).
const RECTO: &[&str] = &["ա"];

/// Verso marks that are abbreviations, so a point after them belongs to them.
const VERSO_ABBREVIATIONS: &[&str] = &["об", "ob", "зв", "zv", "адв", "adv", "շրջ", "უკ", "rs"];

/// No label is longer than this many letters, so longer words are never folded.
const LONGEST_LABEL: usize = 11;

/// The comparison keys of a text's short words, each computed once, when first asked for:
/// each word folded with look-alikes repaired, and, for a word made only of letters that
/// look alike in Latin and Cyrillic (`xp` for `хр`, `оp` for `оп`), its reading in both
/// scripts. Most tokens of a text are never asked about, so most are never folded.
pub struct Words<'a> {
    text: &'a str,
    toks: &'a [Token],
    keys: Vec<std::cell::OnceCell<Vec<String>>>,
    /// Room for a word's skeleton, reused from word to word.
    buf: std::cell::RefCell<String>,
}

impl<'a> Words<'a> {
    /// Prepares the keys of the word tokens of `text` (computed when first asked for).
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Words { text, toks, keys: vec![std::cell::OnceCell::new(); toks.len()], buf: Default::default() }
    }

    /// The lexicon readings of token `i` (none for most words and for other tokens).
    fn keys(&self, i: usize) -> &[String] {
        let Some(cell) = self.keys.get(i) else { return &[] };
        cell.get_or_init(|| {
            let t = &self.toks[i];
            let word = t.text(self.text);
            let mut buf = self.buf.borrow_mut();
            if t.kind != Kind::Word || word.chars().count() > LONGEST_LABEL || {
                skeleton_into(word, &mut buf);
                !skeletons().contains(buf.as_str())
            } {
                return Vec::new();
            }
            let mut keys = vec![fold(&repair_word(word))];
            for script in [Script::Cyrillic, Script::Latin] {
                let k = fold(&word.chars().map(|c| lookalike_in(c, script)).collect::<String>());
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            // Keep only the readings that are lexicon words: most words are none.
            keys.retain(|k| is_lexicon_word(k));
            keys
        })
    }

    /// Returns true when token `i` reads as `key`.
    pub fn is(&self, i: usize, key: &str) -> bool {
        self.keys(i).iter().any(|k| k == key)
    }
}

/// A label found at a token.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    /// The level it introduces.
    pub level: Level,
    /// The token after the label (its trailing point included in the label).
    pub next: usize,
}

/// Matches a label starting at token `i`; `in_positional` admits positional-only labels.
pub fn label_at(text: &str, toks: &[Token], words: &Words, i: usize, in_positional: bool) -> Option<Found> {
    label_where(text, toks, words, i, in_positional, |_| true)
}

/// Matches the first label at token `i` whose level `accept` takes: a word read as
/// several labels (Latin `c` is Armenian `ց.` and Russian `с.`) gives the citation the
/// reading that fits its order.
pub fn label_where(
    text: &str,
    toks: &[Token],
    words: &Words,
    i: usize,
    in_positional: bool,
    accept: impl Fn(Level) -> bool,
) -> Option<Found> {
    let keys = words.keys(i);
    if keys.is_empty() {
        return None;
    }
    // Only the labels whose first word this token reads as can match: most tokens have
    // one reading and one or two candidate labels, so the whole lexicon is never walked.
    let by_first = labels_by_first_word();
    let mut candidates: Vec<usize> =
        keys.iter().filter_map(|k| by_first.get(k.as_str())).flatten().copied().collect();
    candidates.sort_unstable();
    'labels: for label in candidates.into_iter().map(|n| &LABELS[n]) {
        if label.positional_only && !in_positional || !accept(label.level) {
            continue;
        }
        let mut j = i;
        for (n, w) in label.words.iter().enumerate() {
            if n > 0 && toks.get(j).is_some_and(|t| t.is_punct(text, '.')) {
                j += 1;
            }
            let Some(t) = toks.get(j) else { continue 'labels };
            let ok = match *w {
                "(" | ")" => t.is_punct(text, w.chars().next().unwrap_or(' ')),
                _ if label.exact => t.kind == Kind::Word && fold(t.text(text)) == *w,
                _ => words.is(j, w),
            };
            if !ok {
                continue 'labels;
            }
            j += 1;
        }
        // The label's own point, or the soft sign of `opis'`; a comma printed for the point
        // of a one-letter label (`ֆ, 123`, `գ, 1321`) when a number follows.
        if toks
            .get(j)
            .is_some_and(|t| ['.', '\'', 'ʹ', '’'].iter().any(|&c| t.is_punct(text, c)) && !t.space_before)
            || label.words.len() == 1
                && label.words[0].chars().count() == 1
                && toks.get(j).is_some_and(|t| t.is_punct(text, ',') && !t.space_before)
                && toks.get(j + 1).is_some_and(|t| t.kind == Kind::Number)
        {
            j += 1;
        }
        return Some(Found { level: label.level, next: j });
    }
    None
}

/// The indices into [`LABELS`] of the labels starting with each word, in lexicon order.
fn labels_by_first_word() -> &'static rustc_hash::FxHashMap<&'static str, Vec<usize>> {
    static BY_FIRST: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (n, l) in LABELS.iter().enumerate() {
            if let Some(first) = l.words.first() {
                m.entry(first).or_default().push(n);
            }
        }
        m
    })
}

/// A cheap reading of a word that every spelling of a lexicon word shares: lowercase, with
/// Cyrillic and Greek look-alikes read as Latin. Words whose skeleton no lexicon word has
/// are skipped before the costlier folds.
fn skeleton(word: &str) -> String {
    let mut s = String::new();
    skeleton_into(word, &mut s);
    s
}

/// Writes the skeleton of `word` into `buf` (reused, so the hot path does not allocate).
fn skeleton_into(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        let c = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'a'..='z' => c,
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'а'..='я' => c,
            // `İ` lowercases to `i` and a combining dot, which is dropped.
            _ => c.to_lowercase().next().unwrap_or(c),
        };
        let c = match c {
            'ı' | 'i' | 'і' => 'i',
            'ϕ' | 'φ' => 'ф',
            '\u{307}' => continue,
            _ => lookalike_in(c, Script::Latin),
        };
        buf.push(c);
    }
}

fn skeletons() -> &'static rustc_hash::FxHashSet<String> {
    static SKELETONS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    SKELETONS.get_or_init(|| {
        LABELS
            .iter()
            .flat_map(|l| l.words.iter())
            .chain(VERSO.iter())
            .chain(RECTO.iter())
            .map(|w| skeleton(w))
            .collect()
    })
}

/// Returns true when `text` has a word that reads as a fond label (`ф`, `Ф`, `ϕ`, `f`,
/// `fn`, `fond`, `фонд`, `reserve`): a cheap test before the full parse.
pub fn has_fond_word(text: &str) -> bool {
    /// The fond labels' skeletons, the longest one's length in characters, and the first
    /// characters they start with: most words of prose fail one of the two cheap tests and
    /// are never folded into a skeleton.
    struct Fonds {
        skeletons: rustc_hash::FxHashSet<String>,
        longest: usize,
        firsts: Vec<char>,
    }
    static FONDS: std::sync::OnceLock<Fonds> = std::sync::OnceLock::new();
    let fonds = FONDS.get_or_init(|| {
        let skeletons: rustc_hash::FxHashSet<String> = LABELS
            .iter()
            .filter(|l| l.level == Level::Fond)
            .flat_map(|l| l.words.iter())
            .map(|w| skeleton(w))
            .collect();
        let longest = skeletons.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        let mut firsts: Vec<char> = skeletons.iter().filter_map(|s| s.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Fonds { skeletons, longest, firsts }
    });
    let mut buf = String::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let letter = is_letter(c);
        match (start, letter) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                // A skeleton has no more characters than its word (only `İ` lowercases to
                // two, and the second is dropped), and starts with the skeleton of the
                // word's first character (when that is not dropped).
                let first = word.chars().next().and_then(|c| {
                    skeleton_into(c.encode_utf8(&mut [0; 4]), &mut buf);
                    buf.chars().next()
                });
                if word.chars().nth(fonds.longest).is_none()
                    && first.is_none_or(|f| fonds.firsts.binary_search(&f).is_ok())
                {
                    skeleton_into(word, &mut buf);
                    if fonds.skeletons.contains(buf.as_str()) {
                        return true;
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    false
}

/// Returns true when `key` is a word of some label or a verso mark.
fn is_lexicon_word(key: &str) -> bool {
    static LEXICON: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    LEXICON
        .get_or_init(|| {
            LABELS
                .iter()
                .flat_map(|l| l.words.iter().copied())
                .chain(VERSO.iter().copied())
                .chain(RECTO.iter().copied())
                .collect()
        })
        .contains(key)
}

/// Returns true for a letter, with fast paths for ASCII and the basic Russian alphabet.
fn is_letter(c: char) -> bool {
    use crate::enrich::tokens::{is_common_letter, is_common_symbol};
    c.is_ascii_alphabetic()
        || !c.is_ascii() && !is_common_symbol(c) && (is_common_letter(c) || c.is_alphabetic())
}

/// Returns true when token `i` is a verso mark (`об`, `ob`, `arxa`, `зв`, `verso`).
pub fn is_verso(words: &Words, i: usize) -> bool {
    VERSO.iter().any(|v| words.is(i, v))
}

/// Returns true when token `i` is a recto mark (`ա`).
pub fn is_recto(words: &Words, i: usize) -> bool {
    RECTO.iter().any(|v| words.is(i, v))
}

/// Returns true when the verso mark at token `i` is an abbreviation that owns a following point.
pub fn verso_takes_point(words: &Words, i: usize) -> bool {
    VERSO_ABBREVIATIONS.iter().any(|v| words.is(i, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::tokens::tokenize;

    fn level(s: &str, positional: bool) -> Option<Level> {
        let toks = tokenize(s);
        label_at(s, &toks, &Words::new(s, &toks), 0, positional).map(|f| f.level)
    }

    #[test]
    fn a_fond_word_is_found_in_any_case_and_script_and_nothing_else_is() {
        for text in [
            "РГАСПИ, ф.85",
            "Ф. 85",
            "(ϕ 85)",
            "GARF, f. 1318",
            "Fonds 57",
            "FOND 2",
            "fn.3",
            "Reserve 4",
            "ф",
            "\u{307}ф 1",
        ] {
            assert!(has_fond_word(text), "{text}");
        }
        for text in ["", "fonder foundation", "фондов", "reserves of the state", "İf", "1918–1920, 85"]
        {
            assert!(!has_fond_word(text), "{text}");
        }
    }

    #[test]
    fn labels_in_every_script_and_form() {
        assert_eq!(level("ф.85", false), Some(Level::Fond));
        assert_eq!(level("ϕ .85", false), Some(Level::Fond));
        assert_eq!(level("Оп. 13", false), Some(Level::Opis));
        assert_eq!(level("oп.13", false), Some(Level::Opis), "Latin o");
        assert_eq!(level("SİY. 3", false), Some(Level::Opis));
        assert_eq!(level("Ед. хр. 4", false), Some(Level::Delo));
        assert_eq!(level("sax.vah.15", false), Some(Level::Delo));
        assert_eq!(level("folder (delo) 81", false), Some(Level::Delo));
        assert_eq!(level("арк. 3", false), Some(Level::Folio));
        assert_eq!(level("ll. 5", false), Some(Level::Folio));
    }

    #[test]
    fn positional_labels_need_a_positional_citation() {
        assert_eq!(level("p 97", false), Some(Level::Page), "a page outside positional citations");
        assert_eq!(level("p 97", true), Some(Level::Folio));
        assert_eq!(level("fl 21", true), Some(Level::Delo));
    }

    #[test]
    fn the_label_point_belongs_to_the_label() {
        let s = "Ед. хр. 4";
        let toks = tokenize(s);
        let f = label_at(s, &toks, &Words::new(s, &toks), 0, false).unwrap();
        assert_eq!(toks[f.next].text(s), "4");
    }
}
