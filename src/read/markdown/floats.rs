//! Tables and figures of the Markdown reader: a table found by `tables.rs` made a model
//! [`Table`] (each cell, the caption, read as Markdown), a paragraph that is one image made a
//! [`Figure`], images loaded beside the input, the source line under either, and pandoc-crossref's
//! references (`@fig:map`, `[the map](#fig:map)`) made [`Inline::Ref`]s.
//!
//! Decisions (the writer writes what is read here):
//! - a caption or figure caption that begins with a printed label, a word of [`TABLE_WORDS`]
//!   or [`FIGURE_WORDS`] and a number followed by `.` or `:` (`Table 1.`, `Tablo 2:`,
//!   `Таблица 3.`, `Рис. 4.`), keeps it in `label` (without its punctuation, which writers
//!   print their own way); pandoc keeps it in the caption's text;
//! - the source line is the paragraph right after the table (after its caption) or figure
//!   that begins with a source word and a colon (`Source: RGVIA, f. 400…`),
//!   kept whole; pandoc reads it as the paragraph it is;
//! - a figure's description (`alt`) is pandoc's `fig-alt` attribute; without it there is
//!   none and writers fall back on the caption, as pandoc's do.

use super::tables::{RawTable, RawText};
use super::{parse_attrs, Origin, Reader, Source};
use crate::error::Result;
use crate::model::{plain_text, Block, Cell, Column, Inline, Row, Table};

/// Words that begin a table's printed label.
pub(super) const TABLE_WORDS: &[&str] = &[
    "Table",
    "Tab.",
    "Tabelle",
    "Tableau",
    "Tabla",
    "Tabela",
    "Tablo",
    "Tavola",
    "Таблица",
    "Табл.",
    "Таблиця",
];

/// Words that begin a figure's printed label.
pub(super) const FIGURE_WORDS: &[&str] = &[
    "Figure",
    "Fig.",
    "Map",
    "Plate",
    "Abb.",
    "Abbildung",
    "Karte",
    "Carte",
    "Şekil",
    "Harita",
    "Resim",
    "Рис.",
    "Рисунок",
    "Карта",
    "Илл.",
];

/// The printed label at the start of `inlines` (`Table 1. Population…` → `Table 1`), taken out;
/// `words` are the label words allowed.
pub(super) fn split_label(inlines: Vec<Inline>, words: &[&str]) -> (Option<String>, Vec<Inline>) {
    let Some(Inline::Text { text }) = inlines.first() else { return (None, inlines) };
    let Some((label, rest)) = label_prefix(text, words) else { return (None, inlines) };
    let (label, rest) = (label.to_string(), rest.to_string());
    let mut out = inlines;
    if rest.is_empty() {
        out.remove(0);
    } else {
        out[0] = Inline::Text { text: rest };
    }
    (Some(label), out)
}

/// `Word N.` or `Word N:` and white space (or the end) at the start of `text`: the label
/// `Word N` and the text after.
fn label_prefix<'t>(text: &'t str, words: &[&str]) -> Option<(&'t str, &'t str)> {
    let word = words.iter().find(|w| text.starts_with(**w))?;
    let after = text[word.len()..].strip_prefix(' ')?;
    let number_len = after
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let mut number = &after[..number_len];
    // The punctuation after the number: a final `.` read with it, or a `:`.
    let mut rest = &after[number_len..];
    if let Some(n) = number.strip_suffix('.') {
        number = n;
        rest = &after[number_len - 1..];
    }
    let numeral = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_digit())
            || !s.is_empty() && s.chars().all(|c| "IVXLC".contains(c))
    };
    if !numeral(number) {
        return None;
    }
    let rest = rest.strip_prefix(['.', ':'])?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let label_len = word.len() + 1 + number.len();
    Some((&text[..label_len], rest.trim_start()))
}

/// Whether a paragraph is a source line: it opens, in plain text, with a source word and a
/// colon (`Source:`, `Источник:`: [`crate::read::caption::is_source_line`]).
pub(crate) fn is_source_line(content: &[Inline]) -> bool {
    let Some(Inline::Text { text }) = content.first() else { return false };
    crate::read::caption::is_source_line(text)
}

impl Reader<'_> {
    /// The position of character column `col` of line `line` of `src`, as an origin for a
    /// text read there.
    fn origin_at(src: &Source, line_starts: &[usize], text: &RawText) -> Origin {
        let at = line_starts.get(text.line).copied().unwrap_or(0);
        let (line, _) = src.pos(at);
        Origin { line, col: src.origin.col.map(|shift| shift.saturating_add(text.col as u32)) }
    }

    /// Reads a table found before parsing: its cells and caption as Markdown.
    pub(super) fn table(&mut self, src: &Source, line_starts: &[usize], raw: RawTable) -> Result<Table> {
        let mut table = Table {
            columns: raw.columns.iter().map(|&(align, width)| Column { align, width }).collect(),
            ..Table::default()
        };
        for r in &raw.ragged {
            let at = line_starts.get(r.line).copied().unwrap_or(0);
            let message = if r.found < r.expected {
                format!(
                    "this table row has {} cells where the table has {} columns; it is padded with empty cells",
                    r.found, r.expected
                )
            } else {
                format!(
                    "this table row has {} cells where the header has {}; the table is widened to hold them (pandoc leaves the extra cells out)",
                    r.found, r.expected
                )
            };
            self.warn("md-table-ragged", src.pos(at), message);
        }
        for (rows, out) in
            [(&raw.head, &mut table.head), (&raw.body, &mut table.body), (&raw.foot, &mut table.foot)]
        {
            for row in rows {
                let mut cells = Vec::with_capacity(row.len());
                for c in row {
                    let origin = Self::origin_at(src, line_starts, &c.text);
                    let blocks = self.markdown(&c.text.text, 0, origin, false)?.blocks;
                    cells.push(Cell { rows: c.rows, cols: c.cols, ..Cell::new(blocks) });
                }
                out.push(Row { cells });
            }
        }
        if table.grid().is_none() {
            // Never expected from `tables.rs`; kept as one column per cell rather than lost.
            let widest =
                table.rows().map(|r| r.cells.iter().map(|c| c.cols as usize).sum()).max().unwrap_or(0);
            table.columns.resize(widest.max(table.columns.len()), Column::default());
        }
        if let Some(caption) = raw.caption {
            let origin = Self::origin_at(src, line_starts, &caption);
            let (text, attrs) = split_attrs(&caption.text);
            if let Some(attrs) = attrs {
                let parsed = parse_attrs(attrs).unwrap_or_default();
                table.id = parsed.id.map(str::to_string);
                if !parsed.classes.is_empty() || parsed.other.iter().any(|o| Some(*o) != parsed.id) {
                    let message =
                        format!("table attributes other than an identifier in `{{{attrs}}}` are not kept");
                    self.warn("md-unsupported", (origin.line, origin.col.unwrap_or(0) + 1), message);
                }
            }
            let blocks = self.markdown(text, 0, origin, false)?.blocks;
            let inlines = flatten(blocks);
            let (label, caption) = split_label(inlines, TABLE_WORDS);
            table.label = label;
            table.caption = caption;
        }
        Ok(table)
    }
}

/// The text of a caption and its trailing attributes `{#tbl:id}` (the text between the
/// braces), when it ends with pandoc attribute syntax.
fn split_attrs(text: &str) -> (&str, Option<&str>) {
    let t = text.trim_end();
    if let Some(open) = t.rfind('{').filter(|_| t.ends_with('}')) {
        let inner = &t[open + 1..t.len() - 1];
        if parse_attrs(inner).is_some() && !t[..open].ends_with(']') {
            return (t[..open].trim_end(), Some(inner));
        }
    }
    (text, None)
}

/// The inlines of blocks read from one caption: one paragraph's, or every leaf's joined by
/// spaces.
fn flatten(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in &blocks {
        for leaf in b.leaves() {
            if !out.is_empty() {
                out.push(Inline::text(" "));
            }
            out.extend(leaf.content().iter().cloned());
        }
    }
    out
}

/// Makes every pandoc-crossref reference to a table or figure of `ids` a cross-reference: a
/// citation written `@fig:map` alone, and a link to `#fig:map` (its text kept).
pub(super) fn cross_references(blocks: &mut [Block], ids: &std::collections::HashSet<String>) {
    crate::model::for_each_inlines_mut(blocks, &mut |inlines| refs_in(inlines, ids));
}

fn refs_in(inlines: &mut [Inline], ids: &std::collections::HashSet<String>) {
    for inline in inlines.iter_mut() {
        let replacement = match inline {
            Inline::Citation { keys, content } if keys.len() == 1 && ids.contains(&keys[0]) => {
                (plain_text(content) == format!("@{}", keys[0]))
                    .then(|| Inline::Ref { target: keys[0].clone(), content: Vec::new() })
            }
            Inline::Link { url, content } => url
                .strip_prefix('#')
                .filter(|id| ids.contains(*id))
                .map(|id| Inline::Ref { target: id.to_string(), content: std::mem::take(content) }),
            _ => None,
        };
        if let Some(r) = replacement {
            *inline = r;
        }
        match inline {
            Inline::Note(note) => cross_references(&mut note.content, ids),
            other => {
                if let Some(children) = other.children_mut() {
                    refs_in(children, ids);
                }
            }
        }
    }
}

/// The identifiers of every table and figure of `blocks` (in notes and cells too).
pub(super) fn float_ids<'a>(
    blocks: impl IntoIterator<Item = &'a Block>,
    out: &mut std::collections::HashSet<String>,
) {
    for b in blocks {
        match b {
            Block::Table(t) => {
                out.extend(t.id.clone());
                for row in t.rows() {
                    row.cells.iter().for_each(|c| float_ids(&c.blocks, out));
                }
            }
            Block::Figure(f) => out.extend(f.id.clone()),
            other => float_ids(other.children(), out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_labels_are_taken_off_captions() {
        let (label, rest) = split_label(vec![Inline::text("Table 1. Population of Kars")], TABLE_WORDS);
        assert_eq!(label.as_deref(), Some("Table 1"));
        assert_eq!(rest, [Inline::text("Population of Kars")]);
        for (text, label) in [
            ("Tablo 2: Nüfus", Some("Tablo 2")),
            ("Таблица 3. Население", Some("Таблица 3")),
            ("Table IV. Budget", Some("Table IV")),
            ("Table 2a: x", Some("Table 2a")),
            ("Table of contents", None),
            ("Table 1 shows", None),
            ("Tables 1. x", None),
        ] {
            let (got, _) = split_label(vec![Inline::text(text)], TABLE_WORDS);
            assert_eq!(got.as_deref(), label, "{text}");
        }
        let (label, rest) = split_label(vec![Inline::text("Рис. 4.")], FIGURE_WORDS);
        assert_eq!((label.as_deref(), rest.len()), (Some("Рис. 4"), 0));
    }

    #[test]
    fn source_lines_begin_with_their_word_and_a_colon() {
        assert!(is_source_line(&[Inline::text("Source: RGVIA, f. 400.")]));
        assert!(is_source_line(&[Inline::text("Источник: ГАРФ.")]));
        assert!(!is_source_line(&[Inline::text("Sources say so.")]));
        assert!(!is_source_line(&[Inline::Emph { content: vec![Inline::text("Source:")] }]));
    }

    #[test]
    fn caption_attributes_are_split_off() {
        assert_eq!(split_attrs("Kars {#tbl:kars}"), ("Kars", Some("#tbl:kars")));
        assert_eq!(split_attrs("[x]{lang=ru}"), ("[x]{lang=ru}", None));
        assert_eq!(split_attrs("Sets {a b"), ("Sets {a b", None));
    }
}
