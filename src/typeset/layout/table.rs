//! Tables: the caption (label in bold) above, booktabs rules (a thick rule above and below,
//! a thin one under the header rows and above the footer rows, no vertical rules), the
//! source line under the table in smaller type.
//!
//! Columns take their natural width (the widest cell's text on one line) when the table
//! fits the measure, centred; otherwise each column gets its narrowest (its longest word)
//! plus a share of the room left in proportion to what it would need more (the automatic
//! table layout of CSS 2.1, §17.5.2.2), and its cells wrap. A column the model gives a width
//! is that share of the measure. A table whose longest words do not fit is set smaller, down
//! to [`SMALLEST`] of its size (and reported). A column whose body cells are all figures is
//! set flush right unless the model says otherwise.
//!
//! Each row is one line of the page builder: a page breaks between rows, never inside one;
//! a row of the body that starts a page has the header rows repeated above it, under the
//! label and "(continued)" in the document's language (see [`Template`]).

use super::inset::Inset;
use super::nested::{Container, Frame, Nester};
use super::{Align, BlockKind, Glyphs, Mark, Para, Role, SetLine};
use crate::fonts::Style;
use crate::model::{plain_text, Align as ModelAlign, Block, Inline, LangTag, Note, Table};
use crate::typeset::shape::Shaper;
use crate::typeset::Pt;
use std::ops::Range;

/// The smallest share of its size a table too wide for the measure is set at.
pub const SMALLEST: f64 = 0.8;
/// Thickness of the rules above and below a table (booktabs' `\heavyrulewidth`).
const HEAVY: Pt = Pt(0.8);
/// Thickness of the rule under the header (booktabs' `\lightrulewidth`).
const LIGHT: Pt = Pt(0.4);
/// Space between a rule and the text below it.
const RULE_GAP: Pt = Pt(3.0);
/// Space above and below a cell's text.
const PAD_Y: Pt = Pt(1.5);

/// Where one cell stands and which paragraphs hold its text.
#[derive(Debug, Clone)]
struct CellAt {
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    paras: Range<usize>,
}

/// A table as built before its cells are set: where its cells' paragraphs are and how wide
/// its columns are.
pub(super) struct Plan {
    /// The paragraphs of its cells (its caption comes before them, its source after).
    pub cells_at: Range<usize>,
    cells: Vec<CellAt>,
    rows: usize,
    head: usize,
    foot: usize,
    /// Left edges of the columns, from the column's left.
    x: Vec<Pt>,
    w: Vec<Pt>,
    leading: Pt,
    size: f64,
    /// The line above a continuation (`Table 2 (continued)`).
    continued: String,
    lang: Option<LangTag>,
    /// The source line follows: the last row keeps with it.
    sourced: bool,
}

/// What a body row that starts a page has above it: the label line and the header rows,
/// drawn as page furniture (artifacts: the tagged table has its header once).
pub(super) struct Template {
    /// The pieces and rules, from the top of the text column.
    pub line: SetLine,
    /// Its height.
    pub height: Pt,
    /// The table's left edge and width.
    span: (Pt, Pt),
}

impl Template {
    /// A light rule under a row of `height` that ends a page before its table does, from
    /// the row's top and the column's left.
    pub fn break_rule(&self, height: Pt) -> Mark {
        Mark::Rule { x: self.span.0, y: height, width: self.span.1, thickness: LIGHT }
    }
}

/// The words a table's text is split into for its narrowest width.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
}

/// True when `text` is a figure: digits with the signs and separators numbers are written
/// with (`12 000`, `3,5 %`, `−4.2`, `(17)`).
fn is_figure(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_numeric())
        && t.chars().all(|c| c.is_numeric() || c.is_whitespace() || ".,%+-−–()/:'\u{a0}\u{202f}".contains(c))
}

/// True when table `t` is one cell holding one preformatted block: the lines an extractor
/// left of a table whose cells could not be recovered.
pub(super) fn verbatim(t: &Table) -> bool {
    let mut cells = t.rows().flat_map(|r| r.cells.iter());
    matches!(
        (cells.next(), cells.next()),
        (Some(c), None) if matches!(c.blocks.as_slice(), [Block::CodeBlock { .. }])
    )
}

/// The plain text of a cell's blocks.
fn cell_text(blocks: &[Block]) -> String {
    blocks.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect::<Vec<_>>().join(" ")
}

/// The natural width (every paragraph on one line) and the narrowest (the longest word) of
/// paragraphs `paras`.
fn widths(paras: &[Para], shaper: &Shaper) -> (Pt, Pt) {
    let mut natural = Pt::ZERO;
    let mut narrowest = Pt::ZERO;
    for p in paras {
        let inset = p.inset.start + p.inset.end;
        let mut line = Pt::ZERO;
        for r in &p.runs {
            if let Some(w) = r.image {
                line += w;
                narrowest = narrowest.max(w + inset);
                continue;
            }
            let size = p.size * r.scale;
            line += shaper.width(&r.text, r.style, size);
            for w in words(&r.text) {
                narrowest = narrowest.max(shaper.width(w, r.style, size) + inset);
            }
        }
        natural = natural.max(line + inset);
    }
    (natural, narrowest)
}

/// Widths of columns with natural widths `natural` and narrowest `least` in `measure`, the
/// given shares `given` taken first.
fn column_widths(natural: &[Pt], least: &[Pt], given: &[Option<f64>], measure: Pt) -> Vec<Pt> {
    // Shares that add up to more than the whole are taken in proportion.
    let total: f64 = given.iter().flatten().map(|f| f.clamp(0.0, 1.0)).sum();
    let given: Vec<Option<f64>> =
        given.iter().map(|g| g.map(|f| f.clamp(0.0, 1.0) / total.max(1.0))).collect();
    let fixed: Pt = given.iter().flatten().map(|f| measure * f.clamp(0.0, 1.0)).sum();
    let room = (measure - fixed).max(Pt::ZERO);
    let auto = |i: usize| given[i].is_none();
    let nat: Pt = (0..natural.len()).filter(|&i| auto(i)).map(|i| natural[i]).sum();
    let min: Pt = (0..natural.len()).filter(|&i| auto(i)).map(|i| least[i]).sum();
    (0..natural.len())
        .map(|i| match given[i] {
            Some(f) => measure * f.clamp(0.0, 1.0),
            None if nat <= room => natural[i],
            None if min < room && nat > min => {
                least[i] + (room - min) * ((natural[i] - least[i]) / (nat - min))
            }
            None => least[i],
        })
        .collect()
}

/// Appends the paragraphs of table `t` (`index` among the document's tables) to `paras`:
/// its caption, its cells (returned as a plan), its source line. `size` and `leading` are
/// the table's type; `measure` the text column's width.
#[allow(clippy::too_many_arguments)]
pub(super) fn build(
    t: &Table,
    nester: &mut Nester,
    (size, leading): (f64, Pt),
    measure: Pt,
    lang: Option<&LangTag>,
    notes: &mut Vec<Note>,
    paras: &mut Vec<Para>,
    diags: &mut Vec<crate::diag::Diagnostic>,
) -> Plan {
    let lang = t.lang.as_ref().or(lang);
    let table = Container::Table { id: nester.id() };
    // The caption, above: the label in bold, then the caption.
    let caption = paras.len();
    if t.label.is_some() || !t.caption.is_empty() {
        let mut p = Para::new(BlockKind::Paragraph, lang, size, leading, Align::Left);
        p.nest = vec![table.clone(), Container::Caption { id: nester.id() }];
        p.keep_with_next = true;
        if let Some(label) = t.label.as_deref().filter(|l| !l.is_empty()) {
            let sep = if t.caption.is_empty() { "" } else { ". " };
            p.text(&format!("{label}{sep}"), Style::Bold, lang);
        }
        super::runs(&mut p, &t.caption, Style::Regular, lang, notes);
        p.space_after = Pt(2.0);
        paras.push(p);
    }
    let columns = t.columns.len().max(1);
    let grid = t.grid().unwrap_or_else(|| {
        diags.push(crate::diag::Diagnostic::warning(
            "pdf-table-grid",
            0,
            format!(
                "table{}: a row holds more cells than the table has columns, or a span runs past the last row; its cells are set one after another",
                t.label.as_deref().or(t.id.as_deref()).map_or(String::new(), |l| format!(" {l}"))
            ),
        ));
        // Each row's cells one after another, cut at the last column.
        t.rows().map(|r| (0..r.cells.len()).map(|c| c.min(columns - 1)).collect()).collect()
    });
    let head = t.head.len();
    let rows = head + t.body.len() + t.foot.len();
    // Columns whose body cells are all figures are set flush right.
    let mut figures = vec![(0usize, true); columns];
    for (r, row) in t.rows().enumerate().skip(head) {
        for (cell, &col) in row.cells.iter().zip(&grid[r]) {
            let text = cell_text(&cell.blocks);
            if cell.cols == 1 && !text.trim().is_empty() {
                figures[col].0 += 1;
                figures[col].1 &= is_figure(&text);
            }
        }
    }
    let first = paras.len();
    let mut cells = Vec::new();
    let parts = [nester.id(), nester.id(), nester.id()];
    for (r, row) in t.rows().enumerate() {
        let part = if r < head {
            0
        } else if r < head + t.body.len() {
            1
        } else {
            2
        };
        let part_id = parts[part];
        let row_id = nester.id();
        for (k, cell) in row.cells.iter().enumerate() {
            let col = grid[r].get(k).copied().unwrap_or(0).min(columns - 1);
            let span = (cell.cols.max(1) as usize).min(columns - col);
            let header = r < head || cell.header;
            let mut frame = Frame::new(BlockKind::Paragraph, (size, leading), (size, leading), measure, lang);
            frame.list_indent = Pt::ZERO;
            frame.nest = vec![
                table.clone(),
                Container::TablePart { id: part_id, part: part as u8 },
                Container::Row { id: row_id },
                Container::Cell {
                    id: nester.id(),
                    header,
                    row_header: r >= head && cell.header,
                    rows: cell.rows.max(1),
                    cols: span as u32,
                },
            ];
            let start = paras.len();
            nester.blocks(&cell.blocks, &frame, false, notes, paras);
            // An empty cell still has its paragraph: its cell is in the tagged table.
            if paras.len() == start {
                paras.push(nester.para(&frame, lang, Align::Left));
            }
            let align = cell.align.or(t.columns.get(col).map(|c| c.align)).unwrap_or_default();
            let align = match align {
                ModelAlign::Left => Align::Left,
                ModelAlign::Center => Align::Center,
                ModelAlign::Right => Align::Right,
                ModelAlign::Default if r >= head && figures[col].0 > 0 && figures[col].1 && span == 1 => {
                    Align::Right
                }
                // A heading over several columns is centred over them.
                ModelAlign::Default if r < head && span > 1 => Align::Center,
                ModelAlign::Default if r < head && figures[col].0 > 0 && figures[col].1 => Align::Right,
                ModelAlign::Default => Align::Left,
            };
            for p in &mut paras[start..] {
                p.align = align;
                p.indent = Pt::ZERO;
                if header {
                    p.runs.iter_mut().for_each(|run| run.style = run.style.bold());
                }
            }
            cells.push(CellAt {
                row: r,
                col,
                rows: (cell.rows.max(1) as usize).min(rows - r),
                cols: span,
                paras: start..paras.len(),
            });
        }
    }
    let cells_at = first..paras.len();
    // Images in the cells' lines are measured now: they widen their columns.
    if paras[cells_at.clone()].iter().any(|p| !p.images.is_empty()) {
        super::inline::size_images(&mut paras[cells_at.clone()], nester.media, measure, diags);
    }
    // Column widths from the cells' text; a cell spanning columns does not set them.
    let shaper = nester.shaper;
    let measured = |cells: &[CellAt], paras: &[Para], pad: Pt| {
        let mut natural = vec![Pt::ZERO; columns];
        let mut least = vec![Pt::ZERO; columns];
        for c in cells.iter().filter(|c| c.cols == 1) {
            let (n, l) = widths(&paras[c.paras.clone()], shaper);
            // Half a point over what shaping measured: a word as wide as its column fits.
            natural[c.col] = natural[c.col].max(n + pad * 2.0 + Pt(0.5));
            least[c.col] = least[c.col].max(l + pad * 2.0 + Pt(0.5));
        }
        (natural, least)
    };
    let mut pad = Pt(size * 0.5);
    let (mut natural, mut least) = measured(&cells, paras, pad);
    let given: Vec<Option<f64>> =
        (0..columns).map(|i| t.columns.get(i).and_then(|c| c.width).filter(|w| *w > 0.0)).collect();
    let (mut size, mut leading) = (size, leading);
    let needed: Pt = least.iter().copied().sum();
    if needed > measure && given.iter().all(Option::is_none) {
        // The half point each column is given over its words does not scale.
        let fixed = Pt(0.5) * columns as f64;
        let scale = ((measure - fixed) / (needed - fixed)).max(SMALLEST);
        for p in &mut paras[cells_at.clone()] {
            p.size *= scale;
            p.leading = p.leading * scale;
        }
        (size, leading) = (size * scale, leading * scale);
        pad = Pt(size * 0.5);
        (natural, least) = measured(&cells, paras, pad);
        let what = t.label.as_deref().or(t.id.as_deref()).map_or(String::new(), |l| format!("{l}: "));
        diags.push(crate::diag::Diagnostic::warning(
            "pdf-table-smaller",
            0,
            format!(
                "{what}the table is wider than the text column at the text's size: it is set at {:.0}% of it{}",
                scale * 100.0,
                if least.iter().copied().sum::<Pt>() > measure + Pt(0.5) {
                    ", and some of its words still run past their columns"
                } else {
                    ""
                }
            ),
        ));
    }
    let w = column_widths(&natural, &least, &given, measure);
    let width: Pt = w.iter().copied().sum();
    let left = ((measure - width) * 0.5).max(Pt::ZERO);
    let x: Vec<Pt> = w.iter().scan(left, |at, &w| Some(std::mem::replace(at, *at + w))).collect();
    for c in &cells {
        let cx = x[c.col];
        let cw: Pt = w[c.col..c.col + c.cols].iter().copied().sum();
        for p in &mut paras[c.paras.clone()] {
            p.inset = Inset { start: p.inset.start + cx + pad, end: p.inset.end + (measure - cx - cw) + pad };
        }
    }
    // The caption stands over the table, not over the column.
    for p in &mut paras[caption..first] {
        p.inset = Inset { start: left, end: (measure - left - width).max(Pt::ZERO) };
    }
    // The source line, under the table, in smaller type.
    if let Some(source) = &t.source {
        let mut p = Para::new(BlockKind::Paragraph, lang, size * 0.9, leading * 0.9, Align::Left);
        p.inset = Inset { start: left, end: (measure - left - width).max(Pt::ZERO) };
        p.space_before = Pt(3.0);
        super::runs(&mut p, source, Style::Regular, lang, notes);
        paras.push(p);
    }
    let doc = lang.map_or("", |l| l.as_str());
    let continued = super::super::words::continued(doc);
    Plan {
        cells_at,
        cells,
        rows,
        head,
        foot: t.foot.len(),
        x,
        w,
        leading,
        size,
        continued: match t.label.as_deref().filter(|l| !l.is_empty()) {
            Some(label) => format!("{label} {continued}"),
            None => continued.to_string(),
        },
        lang: lang.cloned(),
        sourced: t.source.is_some(),
    }
}

/// One row of the table as one line of the page builder.
pub(super) struct RowLine {
    /// Its pieces, rules and calls, measured from its top.
    pub line: SetLine,
    /// Its height.
    pub height: Pt,
    /// True for a header row (kept with what follows).
    pub header: bool,
    /// True for the last row.
    pub last: bool,
}

impl Plan {
    /// The rule above row `r`, if any: heavy above the first, light under the header and
    /// above the footer.
    fn rule_above(&self, r: usize) -> Option<Pt> {
        if r == 0 {
            Some(HEAVY)
        } else if (r == self.head && self.head > 0) || (self.foot > 0 && r == self.rows - self.foot) {
            Some(LIGHT)
        } else {
            None
        }
    }

    /// Moves the table's columns `dx` to the right (its cells' paragraphs move by their
    /// insets).
    pub fn shift(&mut self, dx: Pt) {
        self.x.iter_mut().for_each(|x| *x += dx);
    }

    /// The width of the table and its left edge.
    fn span(&self) -> (Pt, Pt) {
        let width: Pt = self.w.iter().copied().sum();
        (self.x.first().copied().unwrap_or(Pt::ZERO), width)
    }

    /// The rows, from the set lines of the cells' paragraphs (`sets[k]` for paragraph `k`,
    /// taken).
    pub fn rows(&self, sets: &mut [Vec<SetLine>]) -> Vec<RowLine> {
        let (left, width) = self.span();
        // Each cell's lines, and the height of its text.
        let mut text: Vec<(Vec<SetLine>, Pt)> = Vec::with_capacity(self.cells.len());
        for c in &self.cells {
            let mut lines = Vec::new();
            for k in c.paras.clone() {
                lines.append(&mut sets[k]);
            }
            // Lines are as high as their paragraph's leading (cells hold one size), and a line
            // with an image taller than its text higher.
            let h = self.leading * lines.len() as f64 + lines.iter().map(|l| l.above).sum::<Pt>();
            text.push((lines, h));
        }
        let top_space = |r: usize| self.rule_above(r).map_or(PAD_Y, |t| t + RULE_GAP);
        let bottom_space = |r: usize| if r + 1 == self.rows { PAD_Y + RULE_GAP + HEAVY } else { PAD_Y };
        let mut heights: Vec<Pt> = (0..self.rows).map(|r| top_space(r) + bottom_space(r)).collect();
        let mut content = vec![Pt::ZERO; self.rows];
        // The first lines of a row's cells share a baseline, also when one holds an image
        // taller than its text.
        let mut first_above = vec![Pt::ZERO; self.rows];
        for (c, (lines, _)) in self.cells.iter().zip(&text) {
            let above = lines.first().map_or(Pt::ZERO, |l| l.above);
            first_above[c.row] = first_above[c.row].max(above);
        }
        let own = |lines: &[SetLine]| lines.first().map_or(Pt::ZERO, |l| l.above);
        for (c, (lines, h)) in self.cells.iter().zip(&text).filter(|(c, _)| c.rows == 1) {
            content[c.row] = content[c.row].max(*h + first_above[c.row] - own(lines));
        }
        // A cell spanning rows that is taller than them makes its last row taller.
        for (c, (_, h)) in self.cells.iter().zip(&text).filter(|(c, _)| c.rows > 1) {
            let spanned: Pt = (c.row..c.row + c.rows)
                .map(|r| content[r] + if r > c.row { top_space(r) } else { Pt::ZERO })
                .sum::<Pt>()
                + (c.row..c.row + c.rows - 1).map(bottom_space).sum::<Pt>();
            if *h > spanned {
                content[c.row + c.rows - 1] += *h - spanned;
            }
        }
        for (r, h) in heights.iter_mut().enumerate() {
            *h += content[r];
        }
        let mut out: Vec<RowLine> = (0..self.rows)
            .map(|r| RowLine {
                line: SetLine::from_top(),
                height: heights[r],
                header: r < self.head,
                last: r + 1 == self.rows,
            })
            .collect();
        for (r, row) in out.iter_mut().enumerate() {
            if let Some(t) = self.rule_above(r) {
                row.line.marks.push(Mark::Rule { x: left, y: Pt::ZERO, width, thickness: t });
            }
            if r + 1 == self.rows {
                let y = heights[r] - HEAVY;
                row.line.marks.push(Mark::Rule { x: left, y, width, thickness: HEAVY });
            }
        }
        // A heading over several columns has a light rule under it, short of the columns'
        // outer edges (booktabs' `\cmidrule(lr)`).
        for c in self.cells.iter().filter(|c| c.row < self.head && c.cols > 1) {
            let last = c.row + c.rows - 1;
            let trim = Pt(self.size * 0.4);
            let w: Pt = self.w[c.col..c.col + c.cols].iter().copied().sum();
            let y = heights[last] - PAD_Y * 0.5;
            out[last].line.marks.push(Mark::Rule {
                x: self.x[c.col] + trim,
                y,
                width: w - trim * 2.0,
                thickness: LIGHT,
            });
        }
        for (c, (lines, _)) in self.cells.iter().zip(text) {
            let row = &mut out[c.row].line;
            let mut y = top_space(c.row) + first_above[c.row] - own(&lines);
            for mut l in lines {
                y += l.above;
                let base = y + self.leading * 0.78;
                l.marks.iter_mut().for_each(|m| *m = m.moved(Pt::ZERO, base));
                row.marks.append(&mut l.marks);
                l.pieces.iter_mut().for_each(|g| g.baseline += base);
                row.pieces.append(&mut l.pieces);
                for n in l.notes {
                    if !row.notes.contains(&n) {
                        row.notes.push(n);
                    }
                }
                row.calls.append(&mut l.calls);
                row.refs.append(&mut l.refs);
                row.overfull |= l.overfull;
                y += self.leading;
            }
        }
        out
    }

    /// What a body row starting a page has above it: `Table 2 (continued)` in italics,
    /// then the header rows (as artifacts), from `rows` as [`Plan::rows`] made them.
    pub fn template(&self, rows: &[RowLine], shaper: &Shaper) -> Template {
        let (left, width) = self.span();
        let mut line = SetLine::from_top();
        let mut x = left;
        for piece in shaper.pieces(&self.continued, Style::Italic, self.size) {
            line.pieces.push(Glyphs {
                x,
                baseline: self.leading * 0.78,
                size: self.size,
                face: piece.face,
                text: piece.text,
                lang: self.lang.clone(),
                role: Role::Artifact,
                glyphs: piece.glyphs,
                space: None,
                rtl: false,
            });
            x += piece.width;
        }
        super::word_space(&mut line.pieces, shaper);
        let mut y = self.leading + Pt(2.0);
        if self.head == 0 {
            line.marks.push(Mark::Rule { x: left, y, width, thickness: HEAVY });
            y += HEAVY + RULE_GAP;
        }
        for row in rows.iter().take(self.head) {
            // An image's stand-in is not drawn; the image is repeated as a mark below.
            for g in row.line.pieces.iter().filter(|g| !matches!(g.role, Role::Image(_))) {
                line.pieces.push(Glyphs { baseline: g.baseline + y, role: Role::Artifact, ..g.clone() });
            }
            line.marks.extend(row.line.marks.iter().map(|m| match m.moved(Pt::ZERO, y) {
                // An image in a header cell is the header's once; here it is furniture.
                Mark::Image { x, y, width, height, media, block, .. } => {
                    Mark::Image { x, y, width, height, media, block, shown: super::Shown::Artifact }
                }
                rule => rule,
            }));
            y += row.height;
        }
        Template { line, height: y, span: (left, width) }
    }

    /// True when the last row keeps with the source line under it.
    pub fn sourced(&self) -> bool {
        self.sourced
    }
}

/// The label and caption of a table or figure as one plain string (`Table 1. Population`).
pub(super) fn caption_text(label: Option<&str>, caption: &[Inline]) -> String {
    plain_text(&crate::write::degrade::caption_line(label, caption))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_told_from_words() {
        for t in ["12 000", "3,5 %", "−4.2", "(17)", "1897"] {
            assert!(is_figure(t), "{t}");
        }
        for t in ["", "n/a", "12 souls", "—"] {
            assert!(!is_figure(t), "{t}");
        }
    }

    #[test]
    fn columns_take_their_natural_width_when_it_fits_else_share_the_room() {
        let nat = [Pt(100.0), Pt(300.0)];
        let least = [Pt(50.0), Pt(60.0)];
        let none = [None, None];
        assert_eq!(column_widths(&nat, &least, &none, Pt(450.0)), nat.to_vec());
        let w = column_widths(&nat, &least, &none, Pt(300.0));
        assert!((w[0] + w[1] - Pt(300.0)).0.abs() < 1e-9, "{w:?}");
        assert!(w[0] >= Pt(50.0) && w[1] >= Pt(60.0) && w[1] > w[0], "{w:?}");
        // A given share is honoured; the other column takes what is left.
        let w = column_widths(&nat, &least, &[Some(0.5), None], Pt(300.0));
        assert_eq!(w[0], Pt(150.0));
        assert!(w[1] <= Pt(150.0) + Pt(1e-9), "{w:?}");
        // Shares over the whole are taken in proportion: the table stays in the measure.
        let w = column_widths(&nat, &least, &[Some(0.9), Some(0.9)], Pt(300.0));
        assert_eq!(w, [Pt(150.0), Pt(150.0)]);
    }
}
