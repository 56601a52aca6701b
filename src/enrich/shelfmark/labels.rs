//! The label lexicon of archival citations (TEI-ARCHIVAL-NOTES.md §3.2): which printed
//! words introduce which level, in Russian, Ukrainian, Azerbaijani, romanised and English.

use crate::enrich::tokens::{Kind, Token};
use crate::fold::{fold, lookalike_in, repair_word};
use crate::model::Script;

/// A level of the archival hierarchy, in citation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Fond (collection).
    Fond,
    /// Opis (inventory).
    Opis,
    /// Box (carton).
    Box,
    /// Delo (file) or storage unit.
    Delo,
    /// Leaves.
    Folio,
}

/// One label: its words (folded, look-alikes repaired; `(`/`)` match themselves) and
/// whether it only counts in positional citations (`fn 609, 11, fl 21, p 97`).
struct Label {
    level: Level,
    words: &'static [&'static str],
    positional_only: bool,
}

const fn l(level: Level, words: &'static [&'static str]) -> Label {
    Label { level, words, positional_only: false }
}

const fn positional(level: Level, words: &'static [&'static str]) -> Label {
    Label { level, words, positional_only: true }
}

/// Every label, longest forms first where one is a prefix of another.
const LABELS: &[Label] = &[
    l(Level::Fond, &["фонд"]),
    l(Level::Fond, &["ф"]),
    l(Level::Fond, &["fonds"]),
    l(Level::Fond, &["fond"]),
    l(Level::Fond, &["fn"]),
    l(Level::Fond, &["f"]),
    l(Level::Fond, &["reserve"]),
    l(Level::Opis, &["опись"]),
    l(Level::Opis, &["опис"]),
    l(Level::Opis, &["оп"]),
    l(Level::Opis, &["сп"]),
    l(Level::Opis, &["opis"]),
    l(Level::Opis, &["op"]),
    l(Level::Opis, &["inventory"]),
    l(Level::Opis, &["inv"]),
    l(Level::Opis, &["siyahi"]),
    l(Level::Opis, &["siy"]),
    l(Level::Box, &["картон"]),
    l(Level::Box, &["карт"]),
    l(Level::Box, &["к"]),
    l(Level::Box, &["box"]),
    l(Level::Delo, &["дело"]),
    l(Level::Delo, &["ед", "хр"]),
    l(Level::Delo, &["д"]),
    l(Level::Delo, &["справа"]),
    l(Level::Delo, &["спр"]),
    l(Level::Delo, &["од", "зб"]),
    l(Level::Delo, &["folder", "(", "delo", ")"]),
    l(Level::Delo, &["folder"]),
    l(Level::Delo, &["delo"]),
    l(Level::Delo, &["ed", "khr"]),
    l(Level::Delo, &["d"]),
    l(Level::Delo, &["file"]),
    l(Level::Delo, &["item"]),
    l(Level::Delo, &["spr"]),
    l(Level::Delo, &["iş"]),
    l(Level::Delo, &["saxlama", "vahidi"]),
    l(Level::Delo, &["sax", "vah"]),
    positional(Level::Delo, &["fl"]),
    l(Level::Folio, &["листы"]),
    l(Level::Folio, &["лист"]),
    l(Level::Folio, &["лл"]),
    l(Level::Folio, &["л"]),
    l(Level::Folio, &["аркуші"]),
    l(Level::Folio, &["аркуш"]),
    l(Level::Folio, &["арк"]),
    l(Level::Folio, &["ark"]),
    l(Level::Folio, &["lists"]),
    l(Level::Folio, &["list"]),
    l(Level::Folio, &["ll"]),
    l(Level::Folio, &["l"]),
    l(Level::Folio, &["sheets"]),
    l(Level::Folio, &["sheet"]),
    l(Level::Folio, &["folios"]),
    l(Level::Folio, &["folio"]),
    l(Level::Folio, &["fols"]),
    l(Level::Folio, &["fol"]),
    l(Level::Folio, &["vərəqlər"]),
    l(Level::Folio, &["vərəq"]),
    l(Level::Folio, &["vv"]),
    l(Level::Folio, &["v"]),
    positional(Level::Folio, &["p"]),
];

/// Words that mark a verso after a folio number.
const VERSO: &[&str] = &["об", "ob", "arxa", "зв", "verso"];

/// Verso marks that are abbreviations, so a point after them belongs to them.
const VERSO_ABBREVIATIONS: &[&str] = &["об", "ob", "зв"];

/// Returns the comparison key of a word token: look-alikes repaired, Turkic-folded.
pub fn word_key(text: &str, tok: &Token) -> String {
    fold(&repair_word(tok.text(text)))
}

/// Returns true when the word token reads as `key`, trying both scripts for a word made only
/// of letters that look alike in Latin and Cyrillic (`xp` for `хр`, `оp` for `оп`).
fn word_is(text: &str, tok: &Token, key: &str) -> bool {
    let word = tok.text(text);
    word_key(text, tok) == key
        || [Script::Cyrillic, Script::Latin]
            .iter()
            .any(|&s| fold(&word.chars().map(|c| lookalike_in(c, s)).collect::<String>()) == key)
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
pub fn label_at(text: &str, toks: &[Token], i: usize, in_positional: bool) -> Option<Found> {
    let first = toks.get(i)?;
    if first.kind != Kind::Word {
        return None;
    }
    'labels: for label in LABELS {
        if label.positional_only && !in_positional {
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
                _ => t.kind == Kind::Word && word_is(text, t, w),
            };
            if !ok {
                continue 'labels;
            }
            j += 1;
        }
        // The label's own point, or the soft sign of `opis'`.
        if toks
            .get(j)
            .is_some_and(|t| ['.', '\'', 'ʹ', '’'].iter().any(|&c| t.is_punct(text, c)) && !t.space_before)
        {
            j += 1;
        }
        return Some(Found { level: label.level, next: j });
    }
    None
}

/// Returns true when the word token is a verso mark (`об`, `ob`, `arxa`, `зв`, `verso`).
pub fn is_verso(text: &str, tok: &Token) -> bool {
    tok.kind == Kind::Word && VERSO.iter().any(|v| word_is(text, tok, v))
}

/// Returns true when the verso mark is an abbreviation that owns a following point.
pub fn verso_takes_point(text: &str, tok: &Token) -> bool {
    VERSO_ABBREVIATIONS.iter().any(|v| word_is(text, tok, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::tokens::tokenize;

    fn level(s: &str, positional: bool) -> Option<Level> {
        let toks = tokenize(s);
        label_at(s, &toks, 0, positional).map(|f| f.level)
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
        assert_eq!(level("p 97", false), None);
        assert_eq!(level("p 97", true), Some(Level::Folio));
        assert_eq!(level("fl 21", true), Some(Level::Delo));
    }

    #[test]
    fn the_label_point_belongs_to_the_label() {
        let s = "Ед. хр. 4";
        let toks = tokenize(s);
        let f = label_at(s, &toks, 0, false).unwrap();
        assert_eq!(toks[f.next].text(s), "4");
    }
}
