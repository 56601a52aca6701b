//! Word tables (`w:tbl`) read whole into the model's tables: header rows (`w:tblHeader`),
//! column spans (`w:gridSpan`), row spans (`w:vMerge`), column widths from the grid
//! (`w:tblGrid`), alignment from the cells' paragraphs, and cells of blocks (nested tables
//! included).

use super::assemble;
use super::package::Part;
use super::paragraphs::Para;
use super::Reader;
use crate::model::{Align, Block, Cell, Column, Row, Table};
use crate::read::xml::El;

/// A cell being read, with the grid column it starts at.
struct Placed {
    cell: Cell,
    column: usize,
    /// Whether it continues a row span from above (`w:vMerge` without `restart`).
    continues: bool,
}

impl<'p> Reader<'p> {
    /// Reads `w:tbl` into a table block in the paragraphs' flow.
    pub(super) fn table(&mut self, part: &'p Part, tbl: &'p El, out: &mut Vec<Para>) {
        let grid: Vec<f64> = tbl
            .child("tblGrid")
            .map(|g| {
                g.children()
                    .filter(|c| c.name == "gridCol")
                    .map(|c| c.attr("w:w").and_then(|w| w.parse().ok()).unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();
        let mut rows: Vec<(bool, Vec<Placed>)> = Vec::new();
        for tr in rows_of(tbl) {
            let trpr = tr.child("trPr");
            let header = trpr.and_then(|p| p.child("tblHeader")).is_some_and(|h| on(h.attr("w:val")));
            let mut column = trpr
                .and_then(|p| p.child("gridBefore"))
                .and_then(|g| g.attr("w:val")?.parse::<usize>().ok())
                .unwrap_or(0);
            let mut cells = Vec::new();
            for tc in cells_of(tr) {
                let tcpr = tc.child("tcPr");
                let cols =
                    tcpr.and_then(|p| p.child("gridSpan")).and_then(|g| g.attr("w:val")?.parse::<u32>().ok());
                let cols = cols.unwrap_or(1).clamp(1, 1000);
                let continues = tcpr
                    .and_then(|p| p.child("vMerge"))
                    .is_some_and(|m| m.attr("w:val").is_none_or(|v| v == "continue"));
                let mut paras = Vec::new();
                if !continues {
                    self.block_children(part, tc, true, &mut paras);
                }
                let align = align_of(tc);
                let blocks = assemble::blocks(paras);
                cells.push(Placed { cell: Cell { align, ..Cell::new(blocks) }, column, continues });
                column += cols as usize;
                if let Some(last) = cells.last_mut() {
                    last.cell.cols = cols;
                }
            }
            rows.push((header, cells));
        }
        let width = rows
            .iter()
            .map(|(_, cells)| cells.last().map_or(0, |c| c.column + c.cell.cols as usize))
            .max()
            .unwrap_or(0)
            .max(grid.len());
        if width == 0 || rows.is_empty() {
            return;
        }
        let ragged = rows.iter().any(|(_, cells)| {
            let used: usize = cells.last().map_or(0, |c| c.column + c.cell.cols as usize);
            used != width || cells.first().is_some_and(|c| c.column > 0)
        });
        if ragged {
            self.report(part, tbl, false, "docx-table-ragged", "a table's rows span different numbers of columns; the short rows are filled with empty cells".into());
        }
        let table = build(rows, width, &grid);
        out.push(Para::of_block(Block::Table(Box::new(table))));
    }
}

/// The table's rows, those inside content controls and tracked insertions included.
fn rows_of(tbl: &El) -> Vec<&El> {
    let mut out = Vec::new();
    for c in tbl.children() {
        match c.name.as_str() {
            "tr" => out.push(c),
            "sdt" | "customXml" | "sdtContent" | "ins" => out.extend(rows_of(c)),
            _ => {}
        }
    }
    out
}

/// A row's cells, those inside content controls included.
fn cells_of(tr: &El) -> Vec<&El> {
    let mut out = Vec::new();
    for c in tr.children() {
        match c.name.as_str() {
            "tc" => out.push(c),
            "sdt" | "customXml" | "sdtContent" => out.extend(cells_of(c)),
            _ => {}
        }
    }
    out
}

/// Whether an on/off property is on (`<w:tblHeader/>`, `w:val="true"`).
fn on(val: Option<&str>) -> bool {
    !matches!(val, Some("0" | "false" | "off"))
}

/// The alignment of a cell's first paragraph.
fn align_of(tc: &El) -> Option<Align> {
    let jc = tc.child("p")?.child("pPr")?.child("jc")?.attr("w:val")?;
    match jc {
        "left" | "start" => Some(Align::Left),
        "center" => Some(Align::Center),
        "right" | "end" => Some(Align::Right),
        _ => None,
    }
}

/// Builds the table: row spans merged into the cell that starts them, short rows filled,
/// the leading header rows as the head, columns aligned where all their body cells agree.
fn build(rows: Vec<(bool, Vec<Placed>)>, width: usize, grid: &[f64]) -> Table {
    // The (row, index) of the cell a span continues from, per column.
    let mut open: Vec<Option<(usize, usize)>> = vec![None; width];
    let mut built: Vec<(bool, Vec<Cell>)> = Vec::new();
    for (header, cells) in rows {
        let r = built.len();
        let mut kept = Vec::new();
        let mut next_col = 0;
        for p in cells {
            // Cells missing before this one (`w:gridBefore`, a ragged row) are filled.
            while next_col < p.column {
                kept.push(Cell::new(Vec::new()));
                open[next_col] = None;
                next_col += 1;
            }
            let span = p.cell.cols as usize;
            let from = open.get(p.column).copied().flatten();
            match (p.continues, from) {
                (true, Some((row, index))) => {
                    if let Some(c) = built.get_mut(row).and_then(|(_, cells)| cells.get_mut(index)) {
                        c.rows += 1;
                    }
                }
                _ => {
                    let index = kept.len();
                    kept.push(p.cell);
                    for slot in open.iter_mut().skip(p.column).take(span) {
                        *slot = Some((r, index));
                    }
                }
            }
            next_col = p.column + span;
        }
        while next_col < width {
            kept.push(Cell::new(Vec::new()));
            open[next_col] = None;
            next_col += 1;
        }
        built.push((header, kept));
    }
    let head_rows = built.iter().take_while(|(h, _)| *h).count().min(built.len().saturating_sub(1));
    let mut table = Table { columns: vec![Column::default(); width], ..Table::default() };
    for (i, (_, cells)) in built.into_iter().enumerate() {
        let row = Row { cells };
        if i < head_rows {
            table.head.push(row);
        } else {
            table.body.push(row);
        }
    }
    let total: f64 = grid.iter().sum();
    if grid.len() == width && total > 0.0 && grid.iter().all(|w| *w > 0.0) {
        for (c, w) in table.columns.iter_mut().zip(grid) {
            c.width = Some((w / total * 1000.0).round() / 1000.0);
        }
    }
    lift_alignment(&mut table);
    if table.grid().is_none() {
        // Spans Word allowed but the grid cannot hold (a merge running past the table's
        // end): the spans are given up, the cells kept.
        for row in table.rows_mut() {
            for c in &mut row.cells {
                c.rows = 1;
            }
        }
    }
    table
}

/// A column whose body cells that hold something all share one alignment takes it; the
/// cells then drop theirs.
fn lift_alignment(table: &mut Table) {
    let Some(grid) = table.grid() else { return };
    let head = table.head.len();
    for col in 0..table.columns.len() {
        let aligns: Vec<Option<Align>> = table
            .body
            .iter()
            .zip(&grid[head..])
            .filter_map(|(row, starts)| starts.iter().position(|&s| s == col).map(|i| &row.cells[i]))
            // An empty cell (one filled in, or left blank) has no say.
            .filter(|c| !c.blocks.is_empty())
            .map(|c| c.align)
            .collect();
        let Some(first) = aligns.first().copied().flatten() else { continue };
        if aligns.iter().all(|a| *a == Some(first)) {
            table.columns[col].align = first;
            for (row, starts) in table.body.iter_mut().zip(&grid[head..]) {
                if let Some(i) = starts.iter().position(|&s| s == col) {
                    row.cells[i].align = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(column: usize, cols: u32, continues: bool) -> Placed {
        Placed { cell: Cell { cols, ..Cell::new(Vec::new()) }, column, continues }
    }

    #[test]
    fn vertical_merges_become_row_spans() {
        let rows = vec![
            (true, vec![placed(0, 1, false), placed(1, 2, false)]),
            (false, vec![placed(0, 1, false), placed(1, 1, false), placed(2, 1, false)]),
            (false, vec![placed(0, 1, true), placed(1, 1, false), placed(2, 1, false)]),
        ];
        let t = build(rows, 3, &[100.0, 100.0, 200.0]);
        assert_eq!(t.head.len(), 1);
        assert_eq!(t.head[0].cells[1].cols, 2);
        assert_eq!(t.body[0].cells[0].rows, 2);
        assert_eq!(t.body[1].cells.len(), 2, "the continued cell is not repeated");
        assert!(t.grid().is_some());
        assert_eq!(t.columns[2].width, Some(0.5));
    }

    #[test]
    fn short_rows_are_filled_and_a_lone_header_row_is_body() {
        let t = build(vec![(true, vec![placed(0, 1, false)])], 2, &[]);
        assert!(t.head.is_empty(), "a table needs a body row");
        assert_eq!(t.body[0].cells.len(), 2);
        let t = build(vec![(false, vec![placed(1, 1, false)])], 2, &[]);
        assert_eq!(t.body[0].cells.len(), 2, "w:gridBefore is filled");
    }
}
