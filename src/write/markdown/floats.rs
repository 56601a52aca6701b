//! Tables and figures in pandoc's Markdown, as `read::markdown` reads them back.
//!
//! A table is a pipe table when every cell is one line of inlines (or empty) without spans,
//! at most one header row and no footer; else a grid table (spans, several paragraphs or
//! lists in a cell, footer rows between `=` rules). Widths are written so that pandoc's
//! rules give them back exactly: a pipe table with widths gets a separator line of dashes in
//! their proportion, longer than 72 columns (pandoc then reads widths); one without widths
//! fits in 72 columns (where it cannot, its widths are those of its content). A grid table
//! always has widths in pandoc: its columns are as wide as the widths say (over at least 72
//! columns), or as their content when the table had none. The caption follows as
//! `: Table 1. Caption {#tbl:id}`, then the source line as a paragraph (`Source: …`).
//!
//! A figure is `![Figure 2. Caption](article.files/map.png){#fig:map width=50% fig-alt="…"}`
//! alone in its paragraph, then its source line.

use super::{attribute_value, escape_text, push_destination, Writer};
use crate::model::{Align, Block, Extent, Figure, Inline, Table};

/// pandoc's default `--columns`.
const COLUMNS: usize = 72;

impl<'a> Writer<'a> {
    /// The Markdown of a table, its caption and its source line.
    pub(super) fn table(&mut self, t: &'a Table) -> String {
        if t.lang.is_some() {
            self.warn(
                "md-table-lang",
                "a table's language cannot be written in Markdown; it is left out".into(),
            );
        }
        if t.rows().flat_map(|r| &r.cells).any(|c| c.align.is_some() || c.header) {
            self.warn(
                "md-table-simplified",
                "a cell's own alignment and row-heading cells cannot be written in Markdown; they are left out"
                    .into(),
            );
        }
        let grid = t.grid();
        let simple_cells = t.rows().flat_map(|r| &r.cells).all(|c| {
            c.rows == 1
                && c.cols == 1
                && match c.blocks.as_slice() {
                    [] => true,
                    [Block::Paragraph { lang: None, content }] => {
                        !content.iter().any(|i| matches!(i, Inline::LineBreak))
                    }
                    _ => false,
                }
        });
        let widths: Option<Vec<f64>> = t.columns.iter().map(|c| c.width).collect();
        let pipe_widths = widths.is_none_or(|w| pipe_dashes(&w, w.len()).is_some());
        let mut out = if grid.is_some()
            && simple_cells
            && pipe_widths
            && t.head.len() <= 1
            && t.foot.is_empty()
            && !t.body.is_empty()
        {
            self.pipe_table(t)
        } else {
            self.grid_table(t, grid)
        };
        let mut caption = String::new();
        if let Some(label) = &t.label {
            escape_text(label, &mut caption);
            caption.push('.');
        }
        if !t.caption.is_empty() {
            if !caption.is_empty() {
                caption.push(' ');
            }
            caption.push_str(&self.line(&t.caption));
        }
        if let Some(id) = &t.id {
            if !caption.is_empty() {
                caption.push(' ');
            }
            caption.push_str(&format!("{{#{}}}", id.replace(['}', ' '], "")));
        }
        if !caption.is_empty() {
            out.push_str("\n\n: ");
            out.push_str(&caption);
        }
        self.source_line(t.source.as_deref(), &mut out);
        out
    }

    /// The source line as the paragraph after a table or figure.
    fn source_line(&mut self, source: Option<&'a [Inline]>, out: &mut String) {
        let Some(source) = source else { return };
        if !crate::read::markdown::is_source_line(source) {
            self.warn(
                "md-source-as-paragraph",
                "a source line that does not begin with `Source:` (or its word in another language) reads back as a paragraph of its own".into(),
            );
        }
        out.push_str("\n\n");
        out.push_str(&self.line(source));
    }

    /// One line per cell of a single-line table.
    fn cell_line(&mut self, cell: &'a crate::model::Cell) -> String {
        match cell.blocks.as_slice() {
            [Block::Paragraph { content, .. }] => self.line(content),
            _ => String::new(),
        }
    }

    fn pipe_table(&mut self, t: &'a Table) -> String {
        let n = t.columns.len();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let head = t.head.first().map(|r| r.cells.iter().map(|c| self.cell_line(c)).collect());
        rows.push(head.unwrap_or_else(|| vec![String::new(); n]));
        for r in &t.body {
            rows.push(r.cells.iter().map(|c| self.cell_line(c)).collect());
        }
        let content: Vec<usize> =
            (0..n).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0).max(3)).collect();
        let given: Option<Vec<f64>> = t.columns.iter().map(|c| c.width).collect();
        let compact = content.iter().map(|w| w + 3).sum::<usize>() + 1;
        let dashes = match given {
            Some(w) => pipe_dashes(&w, n),
            None if compact <= COLUMNS => None,
            None => {
                self.warn(
                    "md-table-widths",
                    "a table too wide for pandoc's 72 columns is given widths in proportion to its content"
                        .into(),
                );
                let total: usize = content.iter().sum();
                pipe_dashes(&content.iter().map(|&c| c as f64 / total as f64).collect::<Vec<_>>(), n)
            }
        };
        let marks = |c: usize, len: usize| {
            let (l, r) = match t.columns[c].align {
                Align::Default => ("", ""),
                Align::Left => (":", ""),
                Align::Right => ("", ":"),
                Align::Center => (":", ":"),
            };
            format!("{l}{}{r}", "-".repeat(len.saturating_sub(l.len() + r.len()).max(1)))
        };
        let mut lines = Vec::new();
        let row_line = |cells: &[String], pad: bool| {
            let mut s = String::from("|");
            for (c, text) in cells.iter().enumerate() {
                let fill = if pad { content[c].saturating_sub(text.chars().count()) } else { 0 };
                s.push_str(&format!(" {text}{} |", " ".repeat(fill)));
            }
            s
        };
        match dashes {
            None => {
                lines.push(row_line(&rows[0], true));
                let sep: Vec<String> = (0..n).map(|c| marks(c, content[c] + 2)).collect();
                lines.push(format!("|{}|", sep.join("|")));
                lines.extend(rows[1..].iter().map(|r| row_line(r, true)));
            }
            Some(d) => {
                lines.push(row_line(&rows[0], false));
                let sep: Vec<String> = (0..n).map(|c| marks(c, d[c])).collect();
                lines.push(format!("|{}|", sep.join("|")));
                lines.extend(rows[1..].iter().map(|r| row_line(r, false)));
            }
        }
        lines.join("\n")
    }

    /// The table as paragraphs (`degrade::table_blocks`' form), written with their markup
    /// and note calls: its label and caption, a row of one cell as that cell's blocks, each
    /// other row one paragraph of its cells separated by ` | `, its source.
    fn flattened(&mut self, t: &'a Table) -> String {
        let mut paragraphs = Vec::new();
        let mut head = String::new();
        if let Some(label) = t.label.as_deref().filter(|l| !l.is_empty()) {
            escape_text(label, &mut head);
            if !t.caption.is_empty() {
                head.push_str(". ");
            }
        }
        self.inlines(&t.caption, &mut head);
        paragraphs.push(head);
        for row in t.rows() {
            if let [cell] = row.cells.as_slice() {
                paragraphs.push(self.blocks_text(&cell.blocks));
                continue;
            }
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|cell| self.blocks_text(&cell.blocks).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            paragraphs.push(cells.join(" | "));
        }
        if let Some(source) = &t.source {
            let mut line = String::new();
            self.inlines(source, &mut line);
            paragraphs.push(line);
        }
        paragraphs.retain(|p| !p.trim().is_empty());
        paragraphs.join("\n\n")
    }

    fn grid_table(&mut self, t: &'a Table, grid: Option<Vec<Vec<usize>>>) -> String {
        let Some(starts) = grid else {
            self.warn(
                "md-table-flattened",
                "a table whose spans do not fit its columns is written as paragraphs".into(),
            );
            return self.flattened(t);
        };
        let n = t.columns.len();
        let mut rows: Vec<&crate::model::Row> = t.rows().collect();
        let mut head_len = t.head.len();
        if t.head.is_empty() && !t.foot.is_empty() {
            self.warn(
                "md-table-simplified",
                "a table with footer rows but no header row is written with its footer rows in the body"
                    .into(),
            );
        }
        let foot_from =
            if t.head.is_empty() || t.foot.is_empty() { None } else { Some(t.head.len() + t.body.len()) };
        if t.head.is_empty() {
            head_len = 0;
        }
        // Each cell's lines.
        let mut cells: Vec<Vec<(usize, &crate::model::Cell, Vec<String>)>> = Vec::new();
        for (r, row) in rows.drain(..).enumerate() {
            let mut out = Vec::new();
            for (k, cell) in row.cells.iter().enumerate() {
                let text = self.blocks_text(&cell.blocks);
                let lines: Vec<String> = text.lines().map(str::to_string).collect();
                out.push((starts[r][k], cell, lines));
            }
            cells.push(out);
        }
        // The columns' lengths (a border and the cell's inside): as the widths say, the cells'
        // lines wrapped to them; else as wide as the content.
        let given: Option<Vec<f64>> = t.columns.iter().map(|c| c.width).collect();
        let tokens = column_needs(&cells, n, |l| l.split(' ').map(|w| w.chars().count()).max().unwrap_or(0));
        let wrapped = given.as_ref().and_then(|w| grid_lengths(w, &tokens)).and_then(|lengths| {
            let mut out = Vec::new();
            for row in &cells {
                let mut r = Vec::new();
                for (c, cell, lines) in row {
                    let inside: usize = lengths[*c..*c + cell.cols.max(1) as usize].iter().sum::<usize>() - 3;
                    let lines: Vec<String> = lines.iter().flat_map(|l| wrap(l, inside)).collect();
                    if lines.iter().any(|l| l.chars().count() > inside) {
                        return None;
                    }
                    r.push((*c, *cell, lines));
                }
                out.push(r);
            }
            Some((lengths, out))
        });
        let lengths = match wrapped {
            Some((lengths, lines)) => {
                cells = lines;
                lengths
            }
            None => {
                if given.is_some() {
                    self.warn("md-table-widths", "the table's column widths cannot hold its cells in a grid table; they are written as wide as their content".into());
                }
                let need = column_needs(&cells, n, |l| l.chars().count());
                let total = need.iter().sum::<usize>().max(COLUMNS) as f64;
                let widths: Vec<f64> = need.iter().map(|&l| l as f64 / total).collect();
                grid_lengths(&widths, &need).unwrap_or(need)
            }
        };
        let mut xs = vec![0usize];
        for l in &lengths {
            xs.push(xs.last().copied().unwrap_or(0) + l);
        }
        // Row heights: each row as tall as its one-row cells, a spanning cell's rows grown.
        let nrows = cells.len();
        let mut heights = vec![1usize; nrows];
        for (r, row) in cells.iter().enumerate() {
            for (_, cell, lines) in row {
                if cell.rows == 1 {
                    heights[r] = heights[r].max(lines.len());
                }
            }
        }
        for (r, row) in cells.iter().enumerate() {
            for (_, cell, lines) in row {
                let span = cell.rows.max(1) as usize;
                let have: usize = heights[r..r + span].iter().sum::<usize>() + span - 1;
                if span > 1 && have < lines.len() {
                    heights[r + span - 1] += lines.len() - have;
                }
            }
        }
        let mut ys = vec![0usize];
        for h in &heights {
            ys.push(ys.last().copied().unwrap_or(0) + h + 1);
        }
        let width = xs[n] + 1;
        let mut m = vec![vec![' '; width]; ys[nrows] + 1];
        let rule_char = |y: usize| {
            let eq = (head_len > 0 && y == ys[head_len])
                || foot_from.is_some_and(|f| y == ys[f] || y == ys[nrows]);
            if eq {
                '='
            } else {
                '-'
            }
        };
        for (r, row) in cells.iter().enumerate() {
            for (c, cell, lines) in row {
                let (x0, x1) = (xs[*c], xs[*c + cell.cols.max(1) as usize]);
                let (y0, y1) = (ys[r], ys[r + cell.rows.max(1) as usize]);
                for y in [y0, y1] {
                    let ch = rule_char(y);
                    for slot in &mut m[y][x0 + 1..x1] {
                        if *slot != '+' {
                            *slot = ch;
                        }
                    }
                }
                for line in &mut m[y0 + 1..y1] {
                    for x in [x0, x1] {
                        if line[x] != '+' {
                            line[x] = '|';
                        }
                    }
                }
                for (y, x) in [(y0, x0), (y0, x1), (y1, x0), (y1, x1)] {
                    m[y][x] = '+';
                }
                for (i, line) in lines.iter().enumerate() {
                    for (j, ch) in line.chars().enumerate() {
                        if let Some(slot) = m.get_mut(y0 + 1 + i).and_then(|l| l.get_mut(x0 + 2 + j)) {
                            *slot = ch;
                        }
                    }
                }
            }
        }
        // Alignments as colons on the header's rule, else on the top border.
        let align_y = if head_len > 0 { ys[head_len] } else { 0 };
        for (c, col) in t.columns.iter().enumerate() {
            let (l, r) = match col.align {
                Align::Default => (false, false),
                Align::Left => (true, false),
                Align::Right => (false, true),
                Align::Center => (true, true),
            };
            if l {
                m[align_y][xs[c] + 1] = ':';
            }
            if r {
                m[align_y][xs[c + 1] - 1] = ':';
            }
        }
        m.iter().map(|l| l.iter().collect::<String>().trim_end().to_string()).collect::<Vec<_>>().join("\n")
    }

    /// The Markdown of a figure: its first image with the caption, the others after it.
    pub(super) fn figure(&mut self, f: &'a Figure) -> String {
        let mut caption = String::new();
        if let Some(label) = &f.label {
            escape_text(label, &mut caption);
            caption.push('.');
        }
        if !f.caption.is_empty() {
            if !caption.is_empty() {
                caption.push(' ');
            }
            let mut inner = String::new();
            self.inlines(&f.caption, &mut inner);
            caption.push_str(inner.trim());
        }
        if f.caption.iter().any(|i| matches!(i, Inline::Note(_))) {
            self.warn(
                "md-figure-note",
                "a note in a figure's caption: pulldown-cmark reads no image whose description calls a note, so the figure reads back as text".into(),
            );
        }
        if caption.is_empty() {
            self.warn(
                "md-figure-caption",
                "a figure without a caption reads back as an image in a paragraph".into(),
            );
        }
        let mut out = String::new();
        let mut extra = String::new();
        for (k, image) in f.images.iter().enumerate() {
            if k == 0 {
                let mut attrs = Vec::new();
                if let Some(id) = &f.id {
                    attrs.push(format!("#{}", id.replace(['}', ' '], "")));
                }
                if let Some(alt) = &f.alt {
                    let value = attribute_value(alt);
                    if &value != alt {
                        self.warn(
                            "md-attribute-simplified",
                            format!("the figure description \"{alt}\" is written as \"{value}\""),
                        );
                    }
                    attrs.push(format!("fig-alt=\"{value}\""));
                }
                self.image(&caption, image, attrs, &mut out);
            } else {
                if k == 1 {
                    self.warn("md-figure-images", "a figure's second and further images are written as images in the paragraph after it".into());
                }
                let mut alt = String::new();
                escape_text(f.alt.as_deref().unwrap_or(""), &mut alt);
                if !extra.is_empty() {
                    extra.push(' ');
                }
                self.image(&alt, image, Vec::new(), &mut extra);
            }
        }
        if !extra.is_empty() {
            out.push_str("\n\n");
            out.push_str(&extra);
        }
        self.source_line(f.source.as_deref(), &mut out);
        out
    }

    /// `![text](href){attrs width=…}`: the image's file in the media folder (as the source
    /// named it when it could not be loaded).
    pub(super) fn image(
        &mut self,
        text: &str,
        image: &crate::model::Image,
        mut attrs: Vec<String>,
        out: &mut String,
    ) {
        let href = match &image.media {
            Some(key) => crate::write::media_href(self.doc, key),
            None => image.src.clone(),
        };
        out.push_str("![");
        out.push_str(text);
        out.push_str("](");
        push_destination(&href, out);
        out.push(')');
        if let Some(w) = image.width {
            attrs.push(format!("width={}", extent(w)));
        }
        if !attrs.is_empty() {
            out.push_str(&format!("{{{}}}", attrs.join(" ")));
        }
    }
}

/// Each column's length (border included) that its cells' lines need, measured by `measure`
/// (a spanning cell's excess given to its last column).
fn column_needs(
    cells: &[Vec<(usize, &crate::model::Cell, Vec<String>)>],
    n: usize,
    measure: impl Fn(&str) -> usize,
) -> Vec<usize> {
    let mut need = vec![4usize; n];
    let widest = |lines: &[String]| lines.iter().map(|l| measure(l)).max().unwrap_or(0) + 3;
    for row in cells {
        for (c, cell, lines) in row {
            if cell.cols == 1 {
                need[*c] = need[*c].max(widest(lines));
            }
        }
    }
    for row in cells {
        for (c, cell, lines) in row {
            let span = cell.cols.max(1) as usize;
            let have: usize = need[*c..*c + span].iter().sum();
            if span > 1 && have < widest(lines) {
                need[*c + span - 1] += widest(lines) - have;
            }
        }
    }
    need
}

/// Breaks a line of Markdown at spaces outside brackets, braces, code, formulas and autolinks
/// so that its pieces fit `width` where they can; a piece never starts a block (a list item,
/// a heading, a quotation).
fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_string()];
    }
    // The byte of every space a line may break at.
    let mut breaks = Vec::new();
    let (mut depth, mut code, mut math, mut escaped) = (0i32, false, false, false);
    for (i, c) in line.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '`' => code = !code,
            '$' if !code => math = !math,
            '[' | '{' | '(' | '<' if !code && !math => depth += 1,
            ']' | '}' | ')' | '>' if !code && !math => depth -= 1,
            ' ' if depth <= 0 && !code && !math => breaks.push(i),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut last_ok: Option<usize> = None;
    for &b in &breaks {
        let piece = &line[start..b];
        let next = &line[b + 1..];
        if piece.chars().count() > width {
            if let Some(at) = last_ok {
                out.push(line[start..at].to_string());
                start = at + 1;
            }
        }
        if !super::starts_block(next) && !next.starts_with(['+', '|']) {
            last_ok = Some(b);
        }
        if last_ok.is_some_and(|a| a < start) {
            last_ok = None;
        }
    }
    if line[start..].chars().count() > width {
        if let Some(at) = last_ok.filter(|&a| a >= start) {
            out.push(line[start..at].to_string());
            start = at + 1;
        }
    }
    out.push(line[start..].to_string());
    out
}

/// A width as `Extent::parse` reads it back to the same value, in its shortest form
/// (`50%`, `8cm`, `1in`, `226.8pt`).
pub(super) fn extent(e: Extent) -> String {
    let units: &[(&str, f64)] = match e {
        Extent::Fraction(_) => &[("%", 0.01)],
        Extent::Points(_) => {
            &[("cm", 72.0 / 2.54), ("mm", 72.0 / 25.4), ("in", 72.0), ("pt", 1.0), ("px", 0.75)]
        }
    };
    let value = match e {
        Extent::Fraction(f) | Extent::Points(f) => f,
    };
    let mut best: Option<String> = None;
    for (unit, per) in units {
        let n = value / per;
        for digits in 0..=17 {
            let s = format!("{n:.digits$}");
            let s =
                if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
            let text = format!("{s}{unit}");
            if Extent::parse(&text) == Some(e) {
                if best.as_ref().is_none_or(|b| text.len() < b.len()) {
                    best = Some(text);
                }
                break;
            }
        }
    }
    best.unwrap_or_else(|| match e {
        Extent::Fraction(f) => format!("{}%", f * 100.0),
        Extent::Points(p) => format!("{p}pt"),
    })
}

/// Dashes for each column of a pipe table whose shares of their total are exactly `widths`
/// (at least 3 each), their separator line longer than 72 columns; `None` when no total up to
/// 4000 gives them.
fn pipe_dashes(widths: &[f64], n: usize) -> Option<Vec<usize>> {
    for total in 3 * n.max(1)..=4000 {
        let d: Vec<usize> = widths.iter().map(|w| (w * total as f64).round() as usize).collect();
        if d.iter().sum::<usize>() != total || d.iter().any(|&x| x < 3) {
            continue;
        }
        if d.iter().zip(widths).all(|(&x, &w)| x as f64 / total as f64 == w) {
            let line = total + n + 1;
            let k = if line > COLUMNS { 1 } else { (COLUMNS - n) / total + 1 };
            return Some(d.into_iter().map(|x| x * k).collect());
        }
    }
    None
}

/// Lengths (border included) of a grid table's columns that pandoc reads back as exactly
/// `widths` (each over the total or 72, whichever is more), each at least `need`.
fn grid_lengths(widths: &[f64], need: &[usize]) -> Option<Vec<usize>> {
    for total in COLUMNS..=4000 {
        let l: Vec<usize> = widths.iter().map(|w| (w * total as f64).round() as usize).collect();
        if l.iter().zip(need).any(|(&x, &n)| x < n) {
            continue;
        }
        let denom = l.iter().sum::<usize>().max(COLUMNS) as f64;
        if l.iter().zip(widths).all(|(&x, &w)| x as f64 / denom == w) {
            return Some(l);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_solved_back_exactly() {
        let d = pipe_dashes(&[3.0 / 82.0, 4.0 / 82.0, 75.0 / 82.0], 3).unwrap();
        assert_eq!(d, [3, 4, 75]);
        let d = pipe_dashes(&[0.25, 0.75], 2).unwrap();
        assert!(d.iter().sum::<usize>() + 3 > COLUMNS, "{d:?}");
        assert_eq!(d[0] * 3, d[1]);
        assert_eq!(grid_lengths(&[6.0 / 72.0, 7.0 / 72.0], &[4, 4]), Some(vec![6, 7]));
        assert_eq!(grid_lengths(&[49.0 / 80.0, 31.0 / 80.0], &[4, 4]), Some(vec![49, 31]));
        assert_eq!(grid_lengths(&[6.0 / 72.0, 7.0 / 72.0], &[10, 4]), None);
    }

    #[test]
    fn lines_wrap_outside_markup_and_never_start_a_block() {
        assert_eq!(wrap("Medicine and doctors' fees", 18), ["Medicine and", "doctors' fees"]);
        assert_eq!(wrap("a [b c d]{lang=ru} e", 6), ["a", "[b c d]{lang=ru}", "e"]);
        assert_eq!(wrap("one - two", 5), ["one -", "two"]);
        assert_eq!(wrap("short", 10), ["short"]);
    }

    #[test]
    fn extents_read_back_the_same() {
        for e in [Extent::Fraction(0.5), Extent::Fraction(0.33), Extent::Points(8.0 * 72.0 / 2.54)] {
            assert_eq!(Extent::parse(&extent(e)), Some(e));
        }
        assert_eq!(extent(Extent::Fraction(0.5)), "50%");
        assert_eq!(extent(Extent::parse("8cm").unwrap()), "8cm");
    }
}
