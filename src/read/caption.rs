//! Printed labels of tables and figures (`Table 1.`, `Fig. 2:`, `Рис. 3 —`, `Tablo 4.`)
//! split off the start of a caption, in any language: a word, a number, a separator.

use crate::model::Inline;

/// Splits the printed label off the start of `caption`: `Table 1: Population` gives
/// `Some("Table 1")` and `Population`. The label is a word (an abbreviation with its period
/// allowed) of at most 12 letters and a number (`3`, `2.1`, `4a`, `IV`), followed by `.`,
/// `:`, a dash, or the end; the caption is given back unchanged when it has none.
pub fn split_label(caption: &[Inline]) -> (Option<String>, Vec<Inline>) {
    // The text runs at the start, joined (Word splits `Figure `, a field's `1`, `: …`).
    let runs = caption.iter().take_while(|i| matches!(i, Inline::Text { .. })).count();
    let text: String = caption[..runs]
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.as_str(),
            _ => "",
        })
        .collect();
    let Some((label, rest_at)) = label_of(&text) else { return (None, caption.to_vec()) };
    let mut out = Vec::with_capacity(caption.len());
    let rest = &text[rest_at..];
    if !rest.is_empty() {
        out.push(Inline::text(rest));
    }
    out.extend(caption[runs..].iter().cloned());
    (Some(label), out)
}

/// The label at the start of `text` and the byte offset where the caption proper begins.
pub fn label_of(text: &str) -> Option<(String, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let word_end = t.find(|c: char| !(c.is_alphabetic() || c == '.'))?;
    let word = &t[..word_end];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || letters > 12 || !word.chars().next()?.is_alphabetic() || word.contains("..") {
        return None;
    }
    let after_word = t[word_end..].trim_start_matches([' ', '\u{a0}']);
    if after_word.len() == t.len() - word_end && !word.ends_with('.') {
        return None; // `Table1` is not a label; `Fig.1` is
    }
    let num_start = t.len() - after_word.len();
    let num_len = number_len(after_word)?;
    let number = after_word[..num_len].trim_end_matches('.');
    let mut rest = &after_word[num_len..];
    // The separator: `.`, `:`, a dash (spaced or not), or the end.
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if let Some(after) = trimmed.strip_prefix([':', '—', '–', '-', '.']) {
        // A dash glued to the number and to a word is a suffix (`Cədvəl 2-yə bax`,
        // `Таблица 3-я`), not a separator.
        let glued = trimmed.len() == rest.len() && after.starts_with(char::is_alphabetic);
        if glued && trimmed.starts_with(['—', '–', '-']) {
            return None;
        }
        rest = after;
    } else if !trimmed.is_empty() && after_word[..num_len].ends_with('.') {
        rest = trimmed;
    } else if !trimmed.is_empty() {
        return None; // `Table 1 shows` is a sentence
    }
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    let label = t[..num_start + number.len()].to_string();
    Some((label, lead + t.len() - rest.len()))
}

/// What a caption's label names: a table or a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatKind {
    /// `Table 1`, `Tablo 2`, `Таблица 3`, `Cədvəl 4`.
    Table,
    /// `Figure 1`, `Fig. 2`, `Рис. 3`, `Şəkil 4`, `Abb. 5`, `Карта 6`.
    Figure,
}

/// The words (lower case, abbreviations with their period) that label a table, in the
/// languages of the field.
const TABLE_WORDS: &[&str] = &[
    "table",
    "tab.",
    "tabl.",
    "tablo",
    "çizelge",
    "tabelle",
    "tableau",
    "tabla",
    "tabela",
    "tabella",
    "tabel",
    "tabulka",
    "táblázat",
    "таблица",
    "табл.",
    "таблиця",
    "табліца",
    "cədvəl",
    "cədv.",
    "jadval",
    "ცხრილი",
    "աղյուսակ",
    "πίνακας",
];

/// The words that label a figure: figures, maps, plates, photographs, diagrams.
const FIGURE_WORDS: &[&str] = &[
    "figure",
    "fig.",
    "figs.",
    "map",
    "plate",
    "illustration",
    "ill.",
    "photo",
    "chart",
    "diagram",
    "graph",
    "şekil",
    "harita",
    "resim",
    "grafik",
    "fotoğraf",
    "şəkil",
    "xəritə",
    "abbildung",
    "abb.",
    "karte",
    "bild",
    "figura",
    "fig",
    "carte",
    "рис.",
    "рисунок",
    "карта",
    "схема",
    "диаграмма",
    "график",
    "фото",
    "малюнок",
    "мал.",
    "ilustracja",
    "obraz",
    "ábra",
    "სურათი",
    "ნახ.",
    "რუკა",
    "նկար",
    "քարտեզ",
    "εικόνα",
];

/// The kind of float a printed label names (`Table 1` → table, `Рис. 3` → figure), from its
/// word, in any case; `None` for any other word (`Chapter 2`, `Article 5`).
pub fn kind_of(label: &str) -> Option<FloatKind> {
    let word = label.split(|c: char| c.is_ascii_digit() || c.is_whitespace()).next()?;
    let word = word.to_lowercase();
    if TABLE_WORDS.contains(&word.as_str()) {
        Some(FloatKind::Table)
    } else if FIGURE_WORDS.contains(&word.as_str()) {
        Some(FloatKind::Figure)
    } else {
        None
    }
}

/// The label of a table or figure opening `line` (`Table 1.`, `Tablo 2.1 –`, `Рис. 3`), its
/// kind, and the byte offset where the caption proper begins. Besides [`label_of`]'s forms,
/// a known word run into its number with a `.` or `:` after it counts (`Table1.`, left by
/// extractors that lose word spaces); other words never do.
pub fn caption_label(line: &str) -> Option<(FloatKind, String, usize)> {
    if let Some((label, at)) = label_of(line) {
        return kind_of(&label).map(|k| (k, label, at));
    }
    let t = line.trim_start();
    let lead = line.len() - t.len();
    // The word ends at the first digit, or (`CədvəlI.`) where a roman numeral in capitals
    // runs to the word's end.
    let letters = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let digits_at = if t[letters..].starts_with(|c: char| c.is_ascii_digit()) {
        letters
    } else {
        letters - t[..letters].bytes().rev().take_while(|b| b"IVXLC".contains(b)).count()
    };
    let kind = kind_of(&t[..digits_at])?;
    let digits = t[digits_at..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || "IVXLC".contains(c)))
        .unwrap_or(t.len() - digits_at);
    let number = t[digits_at..digits_at + digits].trim_end_matches('.');
    let after = &t[digits_at + number.len()..];
    let rest = after.strip_prefix([':', '.', '–', '—'])?;
    if number.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let label = t[..digits_at + number.len()].to_string();
    Some((kind, label, lead + t.len() - rest.trim_start().len()))
}

/// The words that open a source or credit line under a table or figure, in the languages
/// of the field (`Source:`, `Источник:`, `Kaynak:`, `Quelle:`).
const SOURCE_WORDS: &[&str] = &[
    "source",
    "sources",
    "credit",
    "credits",
    "photo",
    "courtesy",
    "data",
    "quelle",
    "quellen",
    "источник",
    "источники",
    "джерело",
    "джерела",
    "крыніца",
    "kaynak",
    "kaynaklar",
    "mənbə",
    "mənbələr",
    "fuente",
    "fuentes",
    "fonte",
    "fontes",
    "źródło",
    "źródła",
    "bron",
    "zdroj",
    "forrás",
    "წყარო",
    "աղբյուր",
];

/// Whether `text` is a source or credit line: one of the source words, then `:`.
pub fn is_source_line(text: &str) -> bool {
    let t = text.trim_start();
    let Some(end) = t.find(':') else { return false };
    let word = t[..end].trim().to_lowercase();
    SOURCE_WORDS.contains(&word.as_str())
}

/// The length of a label's number: digits with `.`/`-` groups and an optional letter
/// (`2.1`, `4a`, `3-2`), or a roman numeral in capitals; its own final period included.
fn number_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first().is_some_and(u8::is_ascii_digit) {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            if i + 1 < b.len() && matches!(b[i], b'.' | b'-') && b[i + 1].is_ascii_digit() {
                i += 1;
            }
        }
        if i < b.len() && b[i].is_ascii_lowercase() && b.get(i + 1).is_none_or(|c| !c.is_ascii_alphabetic()) {
            i += 1;
        }
    } else {
        while i < b.len() && b"IVXLC".contains(&b[i]) {
            i += 1;
        }
        if i == 0 || b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> (Option<String>, String) {
        let (label, rest) = split_label(&[Inline::text(s)]);
        (label, crate::model::plain_text(&rest))
    }

    #[test]
    fn labels_in_many_languages_are_split_off() {
        assert_eq!(
            split("Table 1: Population of Kars"),
            (Some("Table 1".into()), "Population of Kars".into())
        );
        assert_eq!(split("Fig. 2. A map"), (Some("Fig. 2".into()), "A map".into()));
        assert_eq!(split("Рис. 3 — Карта уезда"), (Some("Рис. 3".into()), "Карта уезда".into()));
        assert_eq!(split("Таблица 2.1. Бюджет"), (Some("Таблица 2.1".into()), "Бюджет".into()));
        assert_eq!(split("Tablo IV: Nüfus"), (Some("Tablo IV".into()), "Nüfus".into()));
        assert_eq!(split("Figure 4a"), (Some("Figure 4a".into()), "".into()));
        assert_eq!(split("Fig.1. Seal"), (Some("Fig.1".into()), "Seal".into()));
    }

    #[test]
    fn caption_labels_name_tables_and_figures() {
        let kind = |s: &str| caption_label(s).map(|(k, l, at)| (k, l, s[at..].to_string()));
        use FloatKind::{Figure, Table};
        for (line, k, label, rest) in [
            ("Table 1. Population", Table, "Table 1", "Population"),
            ("Tablo 3 – Gemiler", Table, "Tablo 3", "Gemiler"),
            ("Таблица 1", Table, "Таблица 1", ""),
            ("Табл. 2. Бюджет", Table, "Табл. 2", "Бюджет"),
            ("Таблиця 4: Населення", Table, "Таблиця 4", "Населення"),
            ("Cədvəl I. Məktəblər", Table, "Cədvəl I", "Məktəblər"),
            ("TABELLE 5: Preise", Table, "TABELLE 5", "Preise"),
            ("Tableau 6. Prix", Table, "Tableau 6", "Prix"),
            ("Table 2.1: Budget", Table, "Table 2.1", "Budget"),
            ("Table1. Populationofthedistricts", Table, "Table1", "Populationofthedistricts"),
            ("CədvəlI.Bakışəhərməktəbləri", Table, "CədvəlI", "Bakışəhərməktəbləri"),
            ("Tablo2.1–İzmirlimanına", Table, "Tablo2.1", "İzmirlimanına"),
            ("Fig. 3: Map", Figure, "Fig. 3", "Map"),
            ("Şəkil 2. Xəritə", Figure, "Şəkil 2", "Xəritə"),
            ("Рис. 1. Карта", Figure, "Рис. 1", "Карта"),
            ("Abb. 5: Messe", Figure, "Abb. 5", "Messe"),
            ("Карта 1. Уезд", Figure, "Карта 1", "Уезд"),
        ] {
            assert_eq!(kind(line), Some((k, label.to_string(), rest.to_string())), "{line}");
        }
        for line in [
            "Table 1 shows the numbers",
            "Chapter 2. Trade",
            "Cədvəl 2-yə bax",
            "Tables 1990: x",
            "Tablet 3.",
            "Table1 shows",
            "1. Table",
        ] {
            assert_eq!(kind(line), None, "{line}");
        }
    }

    #[test]
    fn source_lines_are_known_by_their_first_word() {
        assert!(is_source_line("Source: RGVIA, f. 400, op. 1, d. 12."));
        assert!(is_source_line("Источник: ГАРФ. Ф. 1318."));
        assert!(is_source_line("Kaynak: BOA, DH.KMS, 50-1/15."));
        assert!(!is_source_line("Sources of the period are scarce: only two survive."));
        assert!(!is_source_line("The source: a letter"));
        assert!(!is_source_line("Data. We counted every village: 120."));
    }

    #[test]
    fn a_label_split_across_runs_is_found() {
        let runs =
            [Inline::text("Figure "), Inline::text("1"), Inline::text(": The district"), Inline::LineBreak];
        let (label, rest) = split_label(&runs);
        assert_eq!(label.as_deref(), Some("Figure 1"));
        assert_eq!(rest, [Inline::text("The district"), Inline::LineBreak]);
    }

    #[test]
    fn sentences_and_plain_captions_keep_their_words() {
        for s in [
            "Table 1 shows the population",
            "Population of Kars, 1897",
            "1897 census",
            "Extraordinarilylongword 1: x",
            "Table1: x",
            "",
        ] {
            assert_eq!(split(s).0, None, "{s}");
            assert_eq!(split(s).1, s);
        }
    }
}
