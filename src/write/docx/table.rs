//! Tables as Word sets them: the caption above (see [`caption`](super::caption)), `w:tbl` in
//! the `Booktabs` table style (rules above and below the table and under the header), the
//! source line below.
//!
//! The grid (`w:tblGrid`) is the columns' shares of the width they stand in, the table then
//! as wide as their sum (`w:tblW` in fiftieths of a percent, fixed layout); without widths
//! the columns split the width evenly and Word fits the table to its content (`auto`).
//! Header rows repeat on every page (`w:tblHeader`), no row breaks across pages
//! (`w:cantSplit`), column spans are `w:gridSpan`, row
//! spans `w:vMerge` (`restart` in the first row, an empty continuing cell in the others,
//! with the same `w:gridSpan`). Every paragraph of a cell takes the cell's or its column's
//! alignment. Cells hold blocks (notes are real footnotes), and every `w:tc` ends with a
//! `w:p`, as Word requires (a cell holding only a nested table gets an empty one).
//!
//! Row headers in body rows have no Word form but the table's "first column" look
//! (`w:tblLook w:firstColumn`): it is set when every body row opens with one; other row
//! headers are counted and reported. A table whose spans do not fit its columns (no
//! [`Table::grid`]) is written as paragraphs and reported.

use super::body::{self, Scope};
use super::caption::{self, Kind};
use super::xml::Xml;
use super::{Ctx, Part};
use crate::model::{Align, Cell, Row, Table};

/// The cell margins of the `Booktabs` style, left and right, in twips.
const CELL_MARGINS: u32 = 2 * 108;

/// A rule drawn on a cell's edge by the table's structure (the booktabs mid rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    None,
    /// Under the last header row.
    Below,
    /// Over the first footer row.
    Above,
}

/// Writes `t` in `scope`: caption, table, source line.
pub fn table(ctx: &mut Ctx, x: &mut Xml, t: &Table, scope: &Scope) {
    let grid = t.grid().filter(|_| !t.columns.is_empty() && t.rows().next().is_some());
    let Some(grid) = grid else {
        ctx.tally.flattened += 1;
        let blocks = crate::write::degrade::table_blocks(t);
        blocks.iter().for_each(|b| body::block(ctx, x, b, scope));
        return;
    };
    let s = Scope { lang: t.lang.clone().or_else(|| scope.lang.clone()), jc: None, ..scope.clone() };
    caption::caption(ctx, x, &s, Kind::Table, t.id.as_deref(), t.label.as_deref(), &t.caption, true);

    let measure = s.width();
    let widths = column_widths(t, measure);
    let given: f64 = t.columns.iter().filter_map(|c| c.width).sum();
    let fixed = t.columns.iter().all(|c| c.width.is_some_and(|w| w > 0.0)) && given.is_finite();
    let first_column = !t.body.is_empty() && t.body.iter().all(row_opens_with_header) && !stray_headers(t);
    let row_headers = t.body.iter().chain(&t.foot).flat_map(|r| &r.cells).filter(|c| c.header).count();
    ctx.tally.row_headers += row_headers - if first_column { t.body.len() } else { 0 };

    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    x.empty("w:tblStyle", &[("w:val", "Booktabs")]);
    if fixed {
        let pct = ((given.min(1.0) * 5000.0).round() as u32).clamp(1, 5000).to_string();
        x.empty("w:tblW", &[("w:w", &pct), ("w:type", "pct")]);
    } else {
        x.empty("w:tblW", &[("w:w", "0"), ("w:type", "auto")]);
    }
    if s.indent > 0 {
        x.empty("w:tblInd", &[("w:w", &s.indent.to_string()), ("w:type", "dxa")]);
    }
    x.empty("w:tblLayout", &[("w:type", if fixed { "fixed" } else { "autofit" })]);
    x.empty(
        "w:tblLook",
        &[
            ("w:val", if first_column { "04A0" } else { "0420" }),
            ("w:firstRow", if t.head.is_empty() { "0" } else { "1" }),
            ("w:lastRow", "0"),
            ("w:firstColumn", if first_column { "1" } else { "0" }),
            ("w:lastColumn", "0"),
            ("w:noHBand", "1"),
            ("w:noVBand", "1"),
        ],
    );
    x.close();
    x.open("w:tblGrid", &[]);
    for w in &widths {
        x.empty("w:gridCol", &[("w:w", &w.to_string())]);
    }
    x.close();

    let rows: Vec<&Row> = t.rows().collect();
    // Per column: the row a span from above covers it until (exclusive), and, in the span's
    // first column, how many columns it spans.
    let mut below: Vec<(usize, u32)> = vec![(0, 0); widths.len()];
    for (r, row) in rows.iter().enumerate() {
        let rule = if !t.head.is_empty() && r + 1 == t.head.len() {
            Rule::Below
        } else if !t.foot.is_empty() && r == t.head.len() + t.body.len() {
            Rule::Above
        } else {
            Rule::None
        };
        x.open("w:tr", &[]);
        // No row breaks across pages (one taller than a page still flows on, by the spec).
        x.open("w:trPr", &[]);
        x.empty("w:cantSplit", &[]);
        if r < t.head.len() {
            x.empty("w:tblHeader", &[]);
        }
        x.close();
        let starts = &grid[r];
        let mut next = 0;
        let mut col = 0;
        while col < widths.len() {
            let (until, span) = below[col];
            if until > r {
                let span = span.max(1) as usize;
                let w = widths[col..(col + span).min(widths.len())].iter().sum();
                cell_props(x, w, span as u32, Some("continue"), rule);
                x.empty("w:p", &[]);
                x.close();
                col += span;
                continue;
            }
            if starts.get(next) == Some(&col) {
                let c = &row.cells[next];
                let span = c.cols.max(1) as usize;
                if c.rows > 1 {
                    below[col] = (r + c.rows.max(1) as usize, c.cols.max(1));
                    for b in below.iter_mut().skip(col + 1).take(span - 1) {
                        *b = (r + c.rows.max(1) as usize, 0);
                    }
                }
                let w = widths[col..col + span].iter().sum();
                let align = c.align.unwrap_or(t.columns[col].align);
                // A header cell spanning down to the last header row carries its rule: Word
                // draws a merged cell with the borders of the cell that starts it.
                let reaches = r < t.head.len() && r + c.rows.max(1) as usize >= t.head.len();
                let rule = if reaches && !t.head.is_empty() { Rule::Below } else { rule };
                cell(ctx, x, c, w, align, rule, &s);
                next += 1;
                col += span;
            } else {
                // A row shorter than the table: an empty cell fills each column left.
                cell_props(x, widths[col], 1, None, rule);
                x.empty("w:p", &[]);
                x.close();
                col += 1;
            }
        }
        x.close();
    }
    x.close();

    if let Some(source) = &t.source {
        caption::source(ctx, x, &s, source);
    }
}

/// Whether a body row opens with a row header.
fn row_opens_with_header(row: &Row) -> bool {
    row.cells.first().is_some_and(|c| c.header)
}

/// Whether a body or footer cell other than a body row's first is a row header.
fn stray_headers(t: &Table) -> bool {
    t.body.iter().any(|r| r.cells.iter().skip(1).any(|c| c.header))
        || t.foot.iter().any(|r| r.cells.iter().any(|c| c.header))
}

/// The grid columns' widths in twips: their shares of `measure` when every column has one
/// (shares summing over 1 scaled down), else an even split.
pub fn column_widths(t: &Table, measure: u32) -> Vec<u32> {
    let n = t.columns.len().max(1);
    let shares: Option<Vec<f64>> =
        t.columns.iter().map(|c| c.width.filter(|w| w.is_finite() && *w > 0.0)).collect();
    match shares {
        Some(shares) => {
            let total: f64 = shares.iter().sum::<f64>().max(1.0);
            shares.iter().map(|w| ((w / total * measure as f64).round() as u32).max(1)).collect()
        }
        None => vec![(measure / n as u32).max(1); t.columns.len()],
    }
}

/// Opens `w:tc` and writes its properties: width, span, merge and structural rule.
fn cell_props(x: &mut Xml, width: u32, span: u32, merge: Option<&str>, rule: Rule) {
    x.open("w:tc", &[]);
    x.open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    if span > 1 {
        x.empty("w:gridSpan", &[("w:val", &span.to_string())]);
    }
    match merge {
        Some("continue") => x.empty("w:vMerge", &[]),
        Some(m) => x.empty("w:vMerge", &[("w:val", m)]),
        None => {}
    }
    let edge = match rule {
        Rule::None => None,
        Rule::Below => Some("w:bottom"),
        Rule::Above => Some("w:top"),
    };
    if let Some(edge) = edge {
        x.open("w:tcBorders", &[]);
        x.empty(edge, &[("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")]);
        x.close();
    }
    x.close();
}

/// Writes one cell: its properties, its blocks aligned as it is, a final `w:p`.
fn cell(ctx: &mut Ctx, x: &mut Xml, c: &Cell, width: u32, align: Align, rule: Rule, scope: &Scope) {
    let merge = (c.rows > 1).then_some("restart");
    cell_props(x, width, c.cols.max(1), merge, rule);
    let jc = match align {
        Align::Default => None,
        Align::Left => Some("left"),
        Align::Center => Some("center"),
        Align::Right => Some("right"),
    };
    // In a note the cell's text keeps the note's size; elsewhere the table style's.
    let style = if ctx.part == Part::Document { None } else { scope.style };
    let inner = Scope {
        style,
        indent: 0,
        lang: scope.lang.clone(),
        depth: 0,
        jc,
        measure: width.saturating_sub(CELL_MARGINS).max(360),
    };
    let saved = std::mem::replace(&mut ctx.measure, inner.width());
    body::blocks(ctx, x, &c.blocks, &inner);
    ctx.measure = saved;
    if !x.ends_with_paragraph() {
        if let Some(jc) = jc {
            x.open("w:p", &[]);
            x.open("w:pPr", &[]);
            x.empty("w:jc", &[("w:val", jc)]);
            x.close();
            x.close();
        } else {
            x.empty("w:p", &[]);
        }
    }
    x.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Column, Document, Inline};

    fn c(s: &str) -> Cell {
        Cell::new(vec![Block::paragraph(vec![Inline::text(s)])])
    }

    fn xml_of(t: &Table) -> String {
        let doc = Document::default();
        let mut ctx = Ctx::new(super::super::notes::Marks::Auto, super::super::notes::Marks::Auto, &doc);
        let mut x = Xml::new();
        table(&mut ctx, &mut x, t, &Scope::default());
        x.finish()
    }

    #[test]
    fn a_header_cell_spanning_down_carries_the_rule_and_continues_with_its_span() {
        let t = Table {
            columns: vec![Column::default(); 3],
            head: vec![
                Row { cells: vec![Cell { rows: 2, cols: 2, ..c("A") }, c("B")] },
                Row { cells: vec![c("C")] },
            ],
            body: vec![Row { cells: vec![c("1"), c("2"), c("3")] }],
            foot: vec![Row { cells: vec![c("Σ")] }],
            ..Table::default()
        };
        let s = xml_of(&t);
        let rule = "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"6\"";
        assert!(s.contains(&format!("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>{rule}")), "{s}");
        assert!(s.contains(&format!("<w:gridSpan w:val=\"2\"/><w:vMerge/>{rule}")), "{s}");
        assert_eq!(s.matches("<w:tblHeader/>").count(), 2);
        assert_eq!(s.matches("<w:cantSplit/>").count(), 4);
        // 2 + 2 in the header, 3 in the body, 1 and 2 filled in the short footer row.
        assert_eq!(s.matches("<w:tc>").count(), 2 + 2 + 3 + 3);
        assert_eq!(s.matches("<w:tcBorders><w:top ").count(), 3, "the footer's rule");
        assert!(s.contains("<w:tblW w:w=\"0\" w:type=\"auto\"/>"));
    }

    #[test]
    fn a_grid_that_does_not_fit_is_written_as_paragraphs_and_counted() {
        let t = Table {
            columns: vec![Column::default(); 1],
            body: vec![Row { cells: vec![Cell { cols: 2, ..c("x") }] }],
            ..Table::default()
        };
        let s = xml_of(&t);
        assert!(!s.contains("<w:tbl>") && s.contains(">x</w:t>"), "{s}");
    }

    #[test]
    fn widths_are_shares_of_the_measure_or_an_even_split() {
        let mut t = Table { columns: vec![Column::default(); 3], ..Table::default() };
        assert_eq!(column_widths(&t, 9000), [3000, 3000, 3000]);
        t.columns[0].width = Some(0.5);
        assert_eq!(column_widths(&t, 9000), [3000, 3000, 3000], "all or nothing");
        t.columns[1].width = Some(0.25);
        t.columns[2].width = Some(0.25);
        assert_eq!(column_widths(&t, 9000), [4500, 2250, 2250]);
        t.columns[2].width = Some(1.25);
        assert_eq!(column_widths(&t, 2000), [500, 250, 1250], "shares over 1 are scaled down");
        t.columns[2].width = Some(f64::NAN);
        assert_eq!(column_widths(&t, 9000), [3000, 3000, 3000]);
    }
}
