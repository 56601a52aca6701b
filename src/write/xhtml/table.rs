//! Tables: `<table>` with its label and caption in `<caption>`, `<thead>`/`<tbody>`/`<tfoot>`,
//! `<th scope="col">` over the columns and `<th scope="row">` for row labels, spans, and the
//! alignment in classes the style sheet sets (HTML5 drops `align`); inside a `div` that
//! carries the id and the language, around a scrolling `div` (a wide table scrolls instead of
//! running off the page: the region pattern, `role="region"` named by the caption and
//! `tabindex="0"`, since a scrolling region must take the keyboard focus, axe's
//! `scrollable-region-focusable`), and the source line after it.

use super::{dir_of, Writer};
use crate::diag::Diagnostic;
use crate::model::{Align, Block, Cell, Row, Table};

/// Whether `text` is a figure as tables print them (`12 000`, `−3,5`, `45%`, `(12)`, `$1.5`):
/// a digit at least, and nothing but digits, separators, signs and the like.
pub fn is_number(text: &str) -> bool {
    let t = text.trim();
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || ",.'%‰+-−–±()$€£¥₽₺₼×/\u{2009}\u{202F}\u{00A0}".contains(c)
        })
}

/// The class that aligns a cell (`align-end`), if any.
fn align_class(a: Align) -> Option<&'static str> {
    match a {
        Align::Default => None,
        Align::Left => Some("align-start"),
        Align::Center => Some("align-center"),
        Align::Right => Some("align-end"),
    }
}

/// The cell's text, its notes left out.
fn cell_text(cell: &Cell) -> String {
    cell.blocks.iter().flat_map(Block::leaves).map(|b| super::targets::caption_text(b.content())).collect()
}

/// The start column of each cell of each row: the table's grid, or, when its spans do not fit
/// its columns, each row's cells side by side (clamped to the last column).
fn starts(t: &Table) -> (Vec<Vec<usize>>, bool) {
    if let Some(g) = t.grid() {
        return (g, true);
    }
    let last = t.columns.len().saturating_sub(1);
    let rows = t
        .rows()
        .map(|r| {
            let mut col = 0usize;
            r.cells
                .iter()
                .map(|c| {
                    let at = col.min(last);
                    col = col.saturating_add(c.cols.max(1) as usize);
                    at
                })
                .collect()
        })
        .collect();
    (rows, false)
}

/// The alignment of each column: the model's, or, where the model leaves it to the writer,
/// the end for a column whose body and footer cells are all figures.
fn column_aligns(t: &Table, starts: &[Vec<usize>]) -> Vec<Align> {
    let first_body = t.head.len();
    t.columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            if col.align != Align::Default {
                return col.align;
            }
            let mut figures = 0;
            let mut others = 0;
            for (r, row) in t.rows().enumerate().skip(first_body) {
                for (k, cell) in row.cells.iter().enumerate() {
                    if starts.get(r).and_then(|s| s.get(k)) != Some(&c) || cell.cols > 1 || cell.header {
                        continue;
                    }
                    let text = cell_text(cell);
                    if text.trim().is_empty() {
                        continue;
                    }
                    if is_number(&text) {
                        figures += 1;
                    } else {
                        others += 1;
                    }
                }
            }
            if figures > 0 && others == 0 {
                Align::Right
            } else {
                Align::Default
            }
        })
        .collect()
}

/// A width as CSS writes it: at most two decimals, no trailing zeros.
pub fn css_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Writer {
    /// Writes a table (see the module's comment).
    pub(super) fn table(&mut self, t: &Table) {
        self.objects.tables += 1;
        let id = self.object_id(t.id.as_deref(), "table", self.objects.tables);
        let (starts, fits) = starts(t);
        if !fits {
            let name = t.label.clone().unwrap_or_else(|| format!("table {}", self.objects.tables));
            self.objects.diags.push(Diagnostic::warning(
                "epub-table-grid",
                0,
                format!("the rows and spans of {name} do not fit its {} columns; the e-book sets its rows as they are", t.columns.len()),
            ));
        }
        let aligns = column_aligns(t, &starts);
        let lang = t.lang.as_ref().map_or(String::new(), |l| self.lang(l));
        self.raw(&format!("<div class=\"table\" id=\"{id}\"{lang}>\n"));
        let has_caption = t.label.as_deref().is_some_and(|l| !l.trim().is_empty()) || !t.caption.is_empty();
        let caption_id = has_caption.then(|| self.objects.ids.claim(&format!("{id}-caption")));
        match &caption_id {
            Some(c) => self.raw(&format!(
                "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{c}\" tabindex=\"0\">\n<table>\n<caption id=\"{c}\"{}>",
                dir_of(&t.caption)
            )),
            None => self.raw("<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n"),
        }
        if caption_id.is_some() {
            self.caption_head(t.label.as_deref(), &t.caption);
            self.inlines(&t.caption);
            self.raw("</caption>\n");
        }
        if t.columns.iter().any(|c| c.width.is_some()) {
            self.raw("<colgroup>");
            for c in &t.columns {
                match c.width.filter(|w| w.is_finite() && *w > 0.0) {
                    Some(w) => {
                        self.raw(&format!("<col style=\"width: {}%\"/>", css_number(w.min(1.0) * 100.0)))
                    }
                    None => self.raw("<col/>"),
                }
            }
            self.raw("</colgroup>\n");
        }
        let mut r = 0;
        for (tag, rows, head) in
            [("thead", &t.head, true), ("tbody", &t.body, false), ("tfoot", &t.foot, false)]
        {
            if rows.is_empty() {
                continue;
            }
            self.raw(&format!("<{tag}>\n"));
            for row in rows {
                self.row(row, starts.get(r).map_or(&[][..], Vec::as_slice), &aligns, head);
                r += 1;
            }
            self.raw(&format!("</{tag}>\n"));
        }
        // A table with no rows at all still has a body: HTML wants a row group or a row.
        if t.rows().next().is_none() {
            self.raw("<tbody>\n</tbody>\n");
        }
        self.raw("</table>\n</div>\n");
        if let Some(source) = &t.source {
            self.raw(&format!("<p class=\"table-source\"{}>", dir_of(source)));
            self.inlines(source);
            self.raw("</p>\n");
        }
        self.raw("</div>\n");
    }

    /// The label of a caption in its span, with the stop between it and the caption.
    pub(super) fn caption_head(&mut self, label: Option<&str>, caption: &[crate::model::Inline]) {
        let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) else { return };
        let saved = self.style;
        self.style = self.style.bold();
        self.raw("<span class=\"caption-label\">");
        self.text(label);
        // `Table 1. Population`; a label printed with its own stop keeps it.
        if !caption.is_empty() && !label.ends_with(['.', ':', '—', '–']) {
            self.text(".");
        }
        self.raw("</span>");
        self.style = saved;
        if !caption.is_empty() {
            self.text(" ");
        }
    }

    /// One row: header cells (`th`) where the row heads columns or the cell heads its row,
    /// data cells (`td`) otherwise; an empty cell of a header row is a `td` (an empty header
    /// names nothing).
    fn row(&mut self, row: &Row, starts: &[usize], aligns: &[Align], head: bool) {
        self.raw("<tr>");
        for (k, cell) in row.cells.iter().enumerate() {
            let empty = cell_text(cell).trim().is_empty();
            let scope = match (head, cell.header) {
                (true, _) if !empty => Some("col"),
                (false, true) if !empty => Some("row"),
                _ => None,
            };
            let tag = if scope.is_some() { "th" } else { "td" };
            let mut attrs = String::new();
            if let Some(s) = scope {
                attrs.push_str(&format!(" scope=\"{s}\""));
            }
            if cell.rows > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", cell.rows));
            }
            if cell.cols > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", cell.cols));
            }
            let column = starts.get(k).and_then(|c| aligns.get(*c)).copied().unwrap_or_default();
            let align = match cell.align {
                Some(Align::Default) if is_number(&cell_text(cell)) => Align::Right,
                Some(a) => a,
                None if cell.cols > 1 => Align::Default,
                None => column,
            };
            // A figure never breaks across lines (`12 000` is one number).
            let classes: Vec<&str> =
                align_class(align).into_iter().chain(is_number(&cell_text(cell)).then_some("num")).collect();
            if !classes.is_empty() {
                attrs.push_str(&format!(" class=\"{}\"", classes.join(" ")));
            }
            let single = match cell.blocks.as_slice() {
                [Block::Paragraph { content, lang }] => Some((content, lang)),
                _ => None,
            };
            if let Some((content, lang)) = single {
                if let Some(l) = lang {
                    attrs.push_str(&self.lang(l));
                }
                attrs.push_str(dir_of(content));
            }
            self.raw(&format!("<{tag}{attrs}>"));
            // Column headers are bold (the style sheet's `thead th`); row labels are not.
            let saved = self.style;
            if head && scope.is_some() {
                self.style = self.style.bold();
            }
            match single {
                Some((content, _)) => self.inlines(content),
                None => cell.blocks.iter().for_each(|b| self.block(b)),
            }
            self.style = saved;
            self.raw(&format!("</{tag}>"));
        }
        self.raw("</tr>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, Inline};

    #[test]
    fn figures_as_tables_print_them() {
        for yes in ["12 000", "−3,5", "45%", "(12)", "$1.5", "1\u{202F}234", "±0.3"] {
            assert!(is_number(yes), "{yes}");
        }
        for no in ["", "—", "Kars", "12 souls", "1897a"] {
            assert!(!is_number(no), "{no}");
        }
    }

    #[test]
    fn a_column_of_figures_aligns_at_the_end_unless_the_model_says_otherwise() {
        let cell = |s: &str| Cell::new(vec![Block::paragraph(vec![Inline::text(s)])]);
        let t = Table {
            columns: vec![Column::default(), Column::default(), Column { align: Align::Center, width: None }],
            head: vec![Row { cells: vec![cell("Town"), cell("Souls"), cell("Year")] }],
            body: vec![
                Row { cells: vec![cell("Kars"), cell("12 000"), cell("1897")] },
                Row { cells: vec![cell("Ardahan"), cell(""), cell("1897")] },
            ],
            ..Table::default()
        };
        let (s, fits) = starts(&t);
        assert!(fits);
        assert_eq!(column_aligns(&t, &s), [Align::Default, Align::Right, Align::Center]);
    }

    #[test]
    fn a_grid_that_does_not_fit_still_places_every_cell() {
        let t = Table {
            columns: vec![Column::default(); 2],
            body: vec![Row { cells: vec![Cell { cols: 3, ..Cell::new(vec![]) }, Cell::new(vec![])] }],
            ..Table::default()
        };
        assert_eq!(starts(&t), (vec![vec![0, 1]], false));
        assert_eq!(css_number(33.333), "33.33");
        assert_eq!(css_number(50.0), "50");
    }
}
