//! Tables as printed: a label, a caption, columns, header, body and footer rows of cells
//! that hold blocks, and the source line under the table.

use super::{Block, Inline, LangTag};
use serde::{Deserialize, Serialize};

/// A table: statistics, a list of files, a budget; cells hold blocks (notes and shelfmarks
/// allowed), with row and column spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The identifier cross-references use (`tbl:population`), when the source gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The label as printed (`Table 1`, `Tablo 2`, `Таблица 3`), when the source printed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The caption without its label, notes inline at their calls; empty when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Inline>,
    /// The source line printed under the table (`Source: RGVIA, f. 400, op. 1, d. 12`),
    /// as printed, its word (`Source:`) included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Vec<Inline>>,
    /// The columns, as many as the widest row spans.
    pub columns: Vec<Column>,
    /// Header rows: repeated on every page the table runs onto.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub head: Vec<Row>,
    /// Body rows.
    pub body: Vec<Row>,
    /// Footer rows (totals).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foot: Vec<Row>,
    /// The table's language where it differs from the document's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
}

/// One column of a table: how its cells are aligned and how wide it is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// How the column's cells are aligned.
    #[serde(default, skip_serializing_if = "Align::is_default")]
    pub align: Align,
    /// The column's share of the table's width (0 to 1), when the source gave widths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<f64>,
}

/// How the content of a column or cell is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// As the writer sees fit (text at the start, figures at the end).
    #[default]
    Default,
    /// At the start of the line (left in left-to-right scripts).
    Left,
    /// Centred.
    Center,
    /// At the end of the line (right in left-to-right scripts).
    Right,
}

impl Align {
    fn is_default(&self) -> bool {
        *self == Align::Default
    }
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The cells, in order; a cell spanning from a row above is not repeated.
    pub cells: Vec<Cell>,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The cell's blocks (usually one paragraph; none for an empty cell).
    pub blocks: Vec<Block>,
    /// How many rows it spans, from 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rows: u32,
    /// How many columns it spans, from 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub cols: u32,
    /// Its own alignment where it differs from its column's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<Align>,
    /// Whether it heads its row (a row label) in a body or footer row; every cell of a
    /// header row heads its column already.
    #[serde(default, skip_serializing_if = "is_false")]
    pub header: bool,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Cell {
    /// A cell of one row and one column holding `blocks`.
    pub fn new(blocks: Vec<Block>) -> Self {
        Cell { blocks, rows: 1, cols: 1, align: None, header: false }
    }
}

impl Table {
    /// Every row in reading order: header, body, footer.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.head.iter().chain(&self.body).chain(&self.foot)
    }

    /// Every row in reading order, to change them in place.
    pub fn rows_mut(&mut self) -> impl Iterator<Item = &mut Row> {
        self.head.iter_mut().chain(&mut self.body).chain(&mut self.foot)
    }

    /// The grid of the table: for each row, the column where each of its cells starts,
    /// cells spanning from rows above taken into account. `None` when a row holds more
    /// columns than [`Table::columns`] or a span runs past the last row, which a reader
    /// must not produce.
    pub fn grid(&self) -> Option<Vec<Vec<usize>>> {
        let width = self.columns.len();
        let rows: Vec<&Row> = self.rows().collect();
        // How many more rows each column is still covered by a span from above.
        let mut covered = vec![0u32; width];
        let mut out = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let mut starts = Vec::with_capacity(row.cells.len());
            let mut col = 0;
            for cell in &row.cells {
                while col < width && covered[col] > 0 {
                    col += 1;
                }
                let span = cell.cols.max(1) as usize;
                if col + span > width || i + cell.rows.max(1) as usize > rows.len() {
                    return None;
                }
                starts.push(col);
                for c in &mut covered[col..col + span] {
                    *c = cell.rows.max(1);
                }
                col += span;
            }
            covered.iter_mut().for_each(|c| *c = c.saturating_sub(1));
            out.push(starts);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(rows: u32, cols: u32) -> Cell {
        Cell { rows, cols, ..Cell::new(Vec::new()) }
    }

    fn table(columns: usize, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            columns: vec![Column::default(); columns],
            body: rows.into_iter().map(|cells| Row { cells }).collect(),
            ..Table::default()
        }
    }

    #[test]
    fn the_grid_places_cells_after_spans_from_above() {
        let t = table(3, vec![vec![cell(2, 1), cell(1, 2)], vec![cell(1, 1), cell(1, 1)]]);
        assert_eq!(t.grid(), Some(vec![vec![0, 1], vec![1, 2]]));
    }

    #[test]
    fn a_row_too_wide_or_a_span_too_long_has_no_grid() {
        assert_eq!(table(2, vec![vec![cell(1, 1), cell(1, 2)]]).grid(), None);
        assert_eq!(table(1, vec![vec![cell(2, 1)]]).grid(), None);
    }

    #[test]
    fn single_spans_and_default_alignment_are_not_serialised() {
        let json = serde_json::to_string(&cell(1, 1)).unwrap();
        assert_eq!(json, r#"{"blocks":[]}"#);
        let back: Cell = serde_json::from_str(&json).unwrap();
        assert_eq!(back, cell(1, 1));
    }
}
