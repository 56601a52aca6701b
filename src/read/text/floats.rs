//! Tables and figures in extracted text: their caption lines, found before any other step,
//! and a table's lines kept verbatim (an extractor leaves no cells to recover).
//!
//! A table in extracted text is lost beyond repair: `pdftotext` writes it one cell per line,
//! column after column; `pdftotext -layout` as rows with runs of spaces between columns;
//! pdfplumber as rows with single spaces; PyMuPDF and pdfminer one cell per line, row after
//! row. What every extractor keeps is the caption line (`Table 1.`, `Tablo 2.1 –`,
//! `Таблица 1`, `Cədvəl I.`), standing on its own line, and the source line (`Source:`,
//! `Kaynak:`, `Источник:`). So a table is its caption, then the lines that do not read as
//! prose (or, where nothing tabular follows, the lines before it: some typesetters caption
//! below), then its source line. Those lines are taken out of the text before any repair
//! (so no note, call, page number, joined line or restored space is read from them) and
//! kept as they were printed, in one preformatted cell. A figure's image leaves no text:
//! its caption and source line make a figure without images.

use super::join::{ends_sentence, starts_lower};
use super::markers::{leading_label, Form};
use super::units::is_page_number;
use crate::diag::Diagnostic;
use crate::read::caption::{caption_label, is_source_line, FloatKind};
use std::borrow::Cow;

/// A table or figure read from its caption, its lines taken out of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Float {
    /// A table or a figure.
    pub kind: FloatKind,
    /// The label as printed (`Table 1`).
    pub label: String,
    /// The caption after the label, its lines joined (calls still in it).
    pub caption: String,
    /// The source line, its lines joined, its word included; `None` when there is none.
    pub source: Option<String>,
    /// A table's lines as the extractor left them (common indentation and form feeds
    /// removed); empty for a figure.
    pub lines: String,
    /// The caption's source line (1-based) and column (1-based, in characters).
    pub line: u32,
    /// The caption's column.
    pub col: u32,
    /// The first source line of the float (the caption, or the table's first line when the
    /// caption is printed below): where the float stands in the text's flow.
    pub anchor: u32,
}

/// Longest table, in lines, read after or before its caption (a page of one cell a line).
const MAX_TABLE_LINES: usize = 400;

/// Longest caption or source line run, in lines.
const MAX_CAPTION_LINES: usize = 4;

/// Finds the tables and figures of `src` by their captions, and gives back the text with
/// their lines blanked (form feeds kept, so pages and line numbers stay), in the order they
/// stand. Every table is reported (`text-table-verbatim`) and so is every figure
/// (`text-figure-no-image`); a table caption with no table lines near it stays text
/// (`text-table-not-found`).
pub fn extract<'a>(src: &'a str, diags: &mut Vec<Diagnostic>) -> (Cow<'a, str>, Vec<Float>) {
    let lines: Vec<&str> = src.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    // Cheap test first: most texts have no caption at all.
    if !lines.iter().any(|l| caption_label(clean(l)).is_some()) {
        return (Cow::Borrowed(src), Vec::new());
    }
    let lens: Vec<usize> = lines.iter().map(|l| clean(l).chars().count()).filter(|&n| n > 0).collect();
    let text = Text { lines: &lines, measure: super::measure::full_line(&lens) };
    let mut taken = vec![false; lines.len()];
    let mut floats = Vec::new();
    for i in 0..lines.len() {
        if taken[i] {
            continue;
        }
        let Some((kind, label, at)) = text.caption(i) else { continue };
        if !text.stands_alone(i) {
            continue;
        }
        let cap_end = text.run_end(i, &taken);
        let caption_text = joined(&lines[i..=cap_end], clean(lines[i]).len() - at);
        let col = lines[i].chars().take_while(|c| c.is_whitespace()).count() as u32 + 1;
        let mut first = i;
        let mut last = cap_end;
        let mut body: Option<(usize, usize)> = None;
        let source: Option<(usize, usize)>;
        if kind == FloatKind::Table {
            let after = text.table_after(cap_end, &taken);
            match after.body {
                Some(b) => body = Some(b),
                None => body = text.table_before(i, &taken),
            }
            source = after.source;
            if body.is_none() {
                diags.push(
                    Diagnostic::info(
                        "text-table-not-found",
                        i as u32 + 1,
                        format!("`{label}` reads as a table's caption, but no table lines stand next to it; kept as text"),
                    )
                    .at_col(col),
                );
                continue;
            }
        } else {
            source = text.source_after(cap_end, &taken);
        }
        if let Some((a, b)) = body {
            first = first.min(a);
            last = last.max(b);
        }
        if let Some((_, b)) = source {
            last = last.max(b);
        }
        let lines_kept = body.map_or(String::new(), |(a, b)| verbatim(&lines[a..=b]));
        match (kind, body) {
            (FloatKind::Table, Some((a, b))) => diags.push(
                Diagnostic::warning(
                    "text-table-verbatim",
                    i as u32 + 1,
                    format!(
                        "`{label}`: the extracted text keeps no cells; its lines {}–{} are kept as printed, in one preformatted cell",
                        a + 1,
                        b + 1
                    ),
                )
                .at_col(col),
            ),
            _ => diags.push(
                Diagnostic::warning(
                    "text-figure-no-image",
                    i as u32 + 1,
                    format!("`{label}`: the image is not in the extracted text; the figure keeps its caption only"),
                )
                .at_col(col),
            ),
        }
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        floats.push(Float {
            kind,
            label,
            caption: caption_text,
            source: source.map(|(a, b)| joined(&lines[a..=b], clean(lines[a]).len())),
            lines: lines_kept,
            line: i as u32 + 1,
            col,
            anchor: first as u32 + 1,
        });
    }
    if floats.is_empty() {
        return (Cow::Borrowed(src), floats);
    }
    floats.sort_by_key(|f| f.anchor);
    // Blank the lines taken, keeping their form feeds (a page that begins with a table
    // still begins there) and their endings.
    let out: Vec<String> = src
        .split('\n')
        .enumerate()
        .map(|(k, l)| {
            if taken[k] {
                // (What precedes a form feed is the page before's: a folio run into it.)
                let head = l.rfind('\u{c}').map_or("", |at| &l[..=at]);
                format!("{head}{}", if l.ends_with('\r') { "\r" } else { "" })
            } else {
                l.to_string()
            }
        })
        .collect();
    (Cow::Owned(out.join("\n")), floats)
}

/// The lines of a text and their measure, with the questions the float search asks of them.
struct Text<'a, 'b> {
    lines: &'b [&'a str],
    /// How many characters a full line of running text holds.
    measure: usize,
}

/// What follows a table's caption: the table's lines, and its source line.
struct After {
    body: Option<(usize, usize)>,
    source: Option<(usize, usize)>,
}

impl Text<'_, '_> {
    fn clean(&self, i: usize) -> &str {
        clean(self.lines[i])
    }

    /// The caption label opening line `i`: a table's or a figure's, followed by a caption
    /// that does not open in lower case (`Cədvəl 2-yə bax` is a mention).
    fn caption(&self, i: usize) -> Option<(FloatKind, String, usize)> {
        let t = self.clean(i);
        if starts_lower(t) {
            return None;
        }
        let (kind, label, at) = caption_label(t)?;
        let rest = &t[at..];
        (rest.is_empty() || !starts_lower(rest)).then_some((kind, label, at))
    }

    /// Whether the caption on line `i` stands on its own: at a page's or the text's start,
    /// after a blank line, after a line ending a sentence or one that is no running text
    /// (a table's last row, a heading), and never after a note's number alone on its line
    /// (`3` / `Table 3 in Smith…` is a note).
    fn stands_alone(&self, i: usize) -> bool {
        if i == 0 || self.lines[i].contains('\u{c}') {
            return true;
        }
        let prev = self.clean(i - 1);
        if prev.is_empty() {
            return true;
        }
        if prev.len() <= 3 && prev.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        ends_sentence(prev) || !self.prose(i - 1)
    }

    /// Whether line `i` reads as running text: most of a full line, no column gaps, mostly
    /// letters and words; or a sentence's end of three words or more.
    fn prose(&self, i: usize) -> bool {
        let t = self.clean(i);
        if t.contains("   ") || t.is_empty() {
            return false;
        }
        let n = t.chars().count();
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        let tokens: Vec<&str> = t.split_whitespace().collect();
        let words = tokens.iter().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).count();
        let wordy = letters * 10 >= n * 6 && (words * 10 >= tokens.len() * 6 || tokens.len() < 4);
        if n * 10 >= self.measure * 6 && self.measure > 0 && wordy {
            return true;
        }
        // A paragraph's short last line: words, ending a sentence.
        words >= 3 && wordy && ends_sentence(t)
    }

    /// Whether line `i` ends the table lines: a caption, a source line, a note's line opened
    /// by a typographic label (`¹`, `$^{2}$`), running text, or a new page.
    fn stops(&self, i: usize, taken: &[bool]) -> bool {
        let t = self.clean(i);
        taken[i]
            || self.caption(i).is_some()
            || is_source_line(t)
            || leading_label(t).is_some_and(|(m, _)| m.form != Form::Plain)
            || self.prose(i)
    }

    /// The last line of a caption or source line opened on line `i`: it runs on where its
    /// line fills the measure (or breaks after a comma or hyphen) without ending a
    /// sentence, and the next line reads as its text (not a cell).
    fn run_end(&self, i: usize, taken: &[bool]) -> usize {
        let mut end = i;
        while end + 1 < self.lines.len() && end - i + 1 < MAX_CAPTION_LINES {
            let line = self.clean(end);
            let next = end + 1;
            let t = self.clean(next);
            if t.is_empty() || taken[next] || self.lines[next].contains('\u{c}') || ends_sentence(line) {
                break;
            }
            let full = line.chars().count() * 10 >= self.measure * 8;
            let broken = line.ends_with([',', '-', '–', ';']);
            if !((full || broken) && (starts_lower(t) || self.prose(next)))
                || self.caption(next).is_some()
                || is_source_line(t)
            {
                break;
            }
            end = next;
        }
        end
    }

    /// The table's lines after its caption (which ends on line `cap_end`), up to its source
    /// line, running text, another caption or the page's end, and the source line there.
    fn table_after(&self, cap_end: usize, taken: &[bool]) -> After {
        let mut last = None;
        let mut k = cap_end + 1;
        while k < self.lines.len() && k - cap_end <= MAX_TABLE_LINES {
            if self.lines[k].contains('\u{c}') || self.stops(k, taken) {
                break;
            }
            if !self.clean(k).is_empty() {
                last = Some(k);
            }
            k += 1;
        }
        // A page number alone before the page's end is the folio, not a cell.
        if let Some(l) = last.filter(|&l| self.ends_page(l) && is_page_number(self.clean(l))) {
            last = (cap_end + 1..l).rev().find(|&j| !self.clean(j).is_empty());
        }
        let body = last.map(|l| (cap_end + 1, l));
        let from = last.map_or(cap_end, |l| l);
        After { body, source: self.source_after(from, taken) }
    }

    /// The source line after line `from` (blank lines between allowed), with its run.
    fn source_after(&self, from: usize, taken: &[bool]) -> Option<(usize, usize)> {
        let k = (from + 1..self.lines.len().min(from + 4)).find(|&j| !self.clean(j).is_empty())?;
        if taken[k] || self.lines[k].contains('\u{c}') || !is_source_line(self.clean(k)) {
            return None;
        }
        Some((k, self.run_end(k, taken)))
    }

    /// The table's lines before a caption printed below it (line `cap`): up to running text,
    /// a sentence's end, another float or a page's start (its first line included, unless
    /// it is the folio).
    fn table_before(&self, cap: usize, taken: &[bool]) -> Option<(usize, usize)> {
        if self.lines[cap].contains('\u{c}') {
            return None;
        }
        let mut first = None;
        let mut k = cap;
        while k > 0 && cap - k < MAX_TABLE_LINES {
            k -= 1;
            let t = self.clean(k);
            if self.stops(k, taken) || ends_sentence(t) && !t.is_empty() {
                break;
            }
            let page_start = self.lines[k].contains('\u{c}');
            if page_start && is_page_number(t) {
                break;
            }
            if !t.is_empty() {
                first = Some(k);
            }
            if page_start {
                break;
            }
        }
        let last = (first?..cap).rev().find(|&j| !self.clean(j).is_empty())?;
        Some((first?, last))
    }

    /// Whether only blank lines stand between line `l` and the next page (or the end).
    fn ends_page(&self, l: usize) -> bool {
        (l + 1..self.lines.len())
            .find(|&j| !self.clean(j).is_empty() || self.lines[j].contains('\u{c}'))
            .is_none_or(|j| self.lines[j].contains('\u{c}'))
    }
}

/// A line without its surrounding spaces, from its last form feed on (`1\u{c}Figure 1.`:
/// the folio of the page before runs into the next page's first line).
fn clean(line: &str) -> &str {
    tail(line).trim_matches(|c: char| c.is_whitespace())
}

/// The part of `line` after its last form feed (all of it when it has none).
fn tail(line: &str) -> &str {
    line.rsplit('\u{c}').next().unwrap_or(line)
}

/// Lines joined as running text (one space, a hyphen at a break kept), from `tail` bytes
/// before the end of the first line's cleaned text.
fn joined(lines: &[&str], tail: usize) -> String {
    let first = clean(lines[0]);
    let mut parts = vec![&first[first.len() - tail.min(first.len())..]];
    parts.extend(lines[1..].iter().map(|l| clean(l)));
    super::join::join_lines(&parts).trim().to_string()
}

/// A table's lines as printed: form feeds (and a folio before one) and the trailing spaces
/// of each line removed, and
/// the indentation they all share; blank lines at the ends dropped.
fn verbatim(lines: &[&str]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| tail(l).trim_end().to_string()).collect();
    let indent =
        lines.iter().filter(|l| !l.is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let kept: Vec<&str> = lines.iter().map(|l| if l.is_empty() { "" } else { &l[indent..] }).collect();
    let start = kept.iter().position(|l| !l.is_empty()).unwrap_or(kept.len());
    let end = kept.iter().rposition(|l| !l.is_empty()).map_or(start, |e| e + 1);
    kept[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The governors' numbers were lower than the census's in every district, and the";

    fn floats(src: &str) -> (String, Vec<Float>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let (text, f) = extract(src, &mut d);
        (text.into_owned(), f, d)
    }

    #[test]
    fn a_table_one_cell_a_line_is_kept_to_its_source_line() {
        let src = format!(
            "{PROSE}\ndifference is largest where the villages lay.\nTable 1. Population by district\nDistrict\nKars\nArdahan\n\nVillages\n\n187\n115\n\nSource: RGVIA, f. 400, op. 1, d. 12.2\n{PROSE}\n"
        );
        let (text, f, d) = floats(&src);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FloatKind::Table);
        assert_eq!(f[0].label, "Table 1");
        assert_eq!(f[0].caption, "Population by district");
        assert_eq!(f[0].source.as_deref(), Some("Source: RGVIA, f. 400, op. 1, d. 12.2"));
        assert_eq!(f[0].lines, "District\nKars\nArdahan\n\nVillages\n\n187\n115");
        assert_eq!((f[0].line, f[0].col, f[0].anchor), (3, 1, 3));
        // The lines are blanked, their count kept.
        assert_eq!(text.split('\n').count(), src.split('\n').count());
        assert!(!text.contains("Ardahan") && text.contains(PROSE));
        assert!(d.iter().any(|d| d.code == "text-table-verbatim" && d.line == 3 && d.col == 1));
    }

    #[test]
    fn layout_rows_and_a_caption_below() {
        let src = format!(
            "{PROSE}\nend of the paragraph.\n\n      Статья          1900      1905\n      Сбор         412 300   498 750\n      Прочие        57 880    61 020\n\nТаблица 1. Доходы бюджета, руб.\nИсточник: ЦГИА Грузии, ф. 192, оп. 1, д. 3.2\n{PROSE}\n"
        );
        let (_, f, _) = floats(&src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].label, "Таблица 1");
        assert_eq!(f[0].anchor, 4);
        assert_eq!(
            f[0].lines,
            "Статья          1900      1905\nСбор         412 300   498 750\nПрочие        57 880    61 020"
        );
        assert!(f[0].source.as_deref().unwrap().starts_with("Источник:"));
    }

    #[test]
    fn a_figure_caption_keeps_its_source_line() {
        let src =
            format!("{PROSE}\nend.\n12\u{c}Şəkil 1. Bakı məktəbləri, 1919.\nMənbə: ARDA, f. 28.\n{PROSE}\n");
        let (text, f, d) = floats(&src);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].kind, f[0].label.as_str()), (FloatKind::Figure, "Şəkil 1"));
        assert_eq!(f[0].caption, "Bakı məktəbləri, 1919.");
        assert_eq!(f[0].source.as_deref(), Some("Mənbə: ARDA, f. 28."));
        assert!(text.contains("\n12\u{c}\n"), "the folio stays, the page still begins there");
        assert!(d.iter().any(|d| d.code == "text-figure-no-image"));
    }

    #[test]
    fn mentions_are_no_captions() {
        for src in [
            // A sentence about a table, in a paragraph.
            format!(
                "{PROSE}\nTable 1 shows the population of the four districts as the census recorded it.\n"
            ),
            // A paragraph's line that happens to open with a label after a full line.
            format!(
                "{PROSE}\nTable 2. The numbers of the governors were lower, the census says, than all.\n"
            ),
            // A note whose number stands above it.
            format!("{PROSE}.\n3\nTable 3. In Smith's survey the hamlets have names only.\n"),
            // A suffix, not a separator; lower case.
            format!("{PROSE}.\nCədvəl 2-yə bax: Həsənov.\n\ntable 4. of the appendix.\n"),
        ] {
            let (text, f, _) = floats(&src);
            assert!(f.is_empty(), "{src}: {f:?}");
            assert_eq!(text, src);
        }
    }

    #[test]
    fn a_table_caption_with_no_table_near_stays_text() {
        let src = format!("{PROSE}.\n\nTable 4. Prices of grain, 1890–1900\n\n{PROSE} rest of it all.\n");
        let (text, f, d) = floats(&src);
        assert!(f.is_empty());
        assert_eq!(text, src);
        assert!(d.iter().any(|d| d.code == "text-table-not-found"));
    }

    #[test]
    fn a_folio_before_the_page_end_is_not_a_cell() {
        let src = format!("{PROSE}.\nTable 1. Prices\nRye 12\nWheat 14\n\n7\n\u{c}{PROSE}\n");
        let (text, f, _) = floats(&src);
        assert_eq!(f[0].lines, "Rye 12\nWheat 14");
        assert!(text.contains("\n7\n"));
    }

    #[test]
    fn hostile_input_neither_panics_nor_loops() {
        let many = "Table 1.\n".repeat(5000);
        let (_, f, _) = floats(&many);
        assert!(f.is_empty());
        for src in ["", "\u{c}", "Table 1.", "Fig. 1\u{c}", "\r\nTable 1.\r\n1 2\r\n", "Табл.\u{a0}2"] {
            let _ = floats(src);
        }
    }
}
