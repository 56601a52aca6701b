//! Glyphs into lines, lines into columns and reading order.
//!
//! Glyphs are painted in reading order within a line by every typesetter met so far, so a
//! line grows in painting order while the next glyph sits on its baseline just after it, or
//! is a smaller glyph raised or lowered by less than an em (a note call, a label). Pieces of
//! one baseline that lie next to each other are then joined. A column gutter is an x
//! position that many lines end before and many start after, and that few lines cross;
//! reading order goes column by column between the lines that span the page.

use super::glyphs::Glyph;

/// A printed line: its glyphs left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// Baseline of its largest glyphs, points from the page top.
    pub y: f32,
    /// Size of its largest glyphs (a call or label is smaller).
    pub size: f32,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Its column.
    pub column: Column,
}

/// Where a line stands across the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// Across the page (or the page has one column).
    Full,
    /// Left of the gutter.
    Left,
    /// Right of the gutter.
    Right,
}

/// A glyph is "smaller" than another below this ratio of sizes.
const SMALLER: f32 = 0.9;

impl Line {
    fn from_glyph(g: Glyph) -> Line {
        Line { y: g.y, size: g.size, x0: g.x, x1: g.x + g.advance, glyphs: vec![g], column: Column::Full }
    }

    /// Whether `g`, painted next, continues this line.
    fn takes(&self, g: &Glyph) -> bool {
        let last = self.glyphs.last().expect("a line has a glyph");
        let s = self.size.max(g.size);
        let end = last.x + last.advance;
        let near = g.x >= end - 0.3 * s && g.x <= end + 1.5 * s;
        let dy = (g.y - self.y).abs();
        let same_base = dy < 0.1 * s;
        let raised = (g.size < SMALLER * self.size || self.size < SMALLER * g.size) && dy < 0.6 * s;
        near && (same_base || raised)
    }

    fn push(&mut self, g: Glyph) {
        self.x1 = self.x1.max(g.x + g.advance);
        self.x0 = self.x0.min(g.x);
        if g.size > self.size * 1.01 {
            self.size = g.size;
            self.y = g.y;
        }
        self.glyphs.push(g);
    }

    fn absorb(&mut self, other: Line) {
        for g in other.glyphs {
            self.push(g);
        }
        self.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }

    /// The line's glyphs at its own baseline and size (calls and labels left out).
    pub fn main_glyphs(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !self.is_raised(g))
    }

    /// Whether `g` is smaller than the line's type and raised above its baseline.
    pub fn is_raised(&self, g: &Glyph) -> bool {
        g.size < SMALLER * self.size && g.y < self.y - 0.12 * self.size
    }
}

/// Groups a page's glyphs (in painting order) into lines, top to bottom.
pub fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut pieces: Vec<Line> = Vec::new();
    for g in glyphs {
        if g.size <= 0.0 || !g.x.is_finite() || !g.y.is_finite() {
            continue;
        }
        match pieces.last_mut() {
            Some(line) if line.takes(g) => line.push(g.clone()),
            _ => pieces.push(Line::from_glyph(g.clone())),
        }
    }
    // Pieces of one baseline next to each other are one line.
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Line> = Vec::new();
    for p in pieces {
        let s = p.size;
        let joined = out.iter_mut().rev().take(8).find(|l| {
            let size_ok = (l.size - s).abs() < 0.1 * s.max(l.size);
            let gap = p.x0 - l.x1;
            size_ok && (l.y - p.y).abs() < 0.15 * s && gap > -0.5 * s && gap < 1.2 * s
        });
        match joined {
            Some(l) => l.absorb(p),
            None => out.push(p),
        }
    }
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// The x of the gutter of a two-column page, if there is one: an x in the middle of the
/// text that at least five lines end before and five start after, crossed by few lines.
pub fn gutter(lines: &[Line]) -> Option<f32> {
    let left = lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    if right - left <= 50.0 || !right.is_finite() {
        return None;
    }
    let mut best: Option<(usize, f32, f32)> = None;
    let (from, to) = (left + 0.3 * (right - left), left + 0.7 * (right - left));
    let mut x = from;
    while x <= to {
        let before = lines.iter().filter(|l| l.x1 < x - 1.0).count();
        let after = lines.iter().filter(|l| l.x0 > x + 1.0).count();
        let across = lines.iter().filter(|l| l.x0 <= x + 1.0 && l.x1 >= x - 1.0).count();
        if before >= 5 && after >= 5 && across * 6 <= before + after {
            let centre = (x - (left + right) / 2.0).abs();
            if best.is_none_or(|(a, _, c)| across < a || across == a && centre < c) {
                best = Some((across, x, centre));
            }
        }
        x += 1.0;
    }
    best.map(|(_, x, _)| x)
}

/// Marks each line's column against the gutter at `x`.
pub fn assign_columns(lines: &mut [Line], gutter: Option<f32>) {
    for l in lines.iter_mut() {
        l.column = match gutter {
            Some(x) if l.x1 < x + 1.0 => Column::Left,
            Some(x) if l.x0 > x - 1.0 => Column::Right,
            _ => Column::Full,
        };
    }
}

/// Reading order of `lines` (top to bottom, columns marked): the lines that span the page cut
/// it into bands; within a band the left column is read before the right.
pub fn reading_order(lines: &[Line]) -> Vec<usize> {
    let mut full: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].column == Column::Full).collect();
    full.sort_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
    let mut out = Vec::with_capacity(lines.len());
    let mut top = f32::NEG_INFINITY;
    for k in 0..=full.len() {
        let bottom = full.get(k).map_or(f32::INFINITY, |&i| lines[i].y);
        for side in [Column::Left, Column::Right] {
            let mut band: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].column == side && lines[i].y > top && lines[i].y <= bottom)
                .collect();
            band.sort_by(|&a, &b| {
                lines[a].y.total_cmp(&lines[b].y).then(lines[a].x0.total_cmp(&lines[b].x0))
            });
            out.extend(band);
        }
        if let Some(&i) = full.get(k) {
            out.push(i);
        }
        top = bottom;
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Glyphs for `text` from (x, y) at `size`, each 0.5 em wide, spaces as gaps.
    pub(crate) fn word(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for c in text.chars() {
            if c != ' ' {
                out.push(Glyph { text: c.to_string(), x: at, y, advance: 0.5 * size, size, font: 0 });
            }
            at += 0.5 * size;
        }
        out
    }

    fn text(l: &Line) -> String {
        l.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn a_raised_small_digit_stays_on_its_line() {
        let mut g = word("word", 72.0, 100.0, 10.0);
        g.extend(word("12", 92.0, 96.0, 7.0));
        g.extend(word(" next", 99.0, 100.0, 10.0));
        g.extend(word("below", 72.0, 112.0, 10.0));
        let ls = lines(&g);
        assert_eq!(ls.len(), 2);
        assert_eq!(text(&ls[0]), "word12next");
        assert_eq!(ls[0].y, 100.0);
        assert_eq!(ls[0].glyphs.iter().filter(|g| ls[0].is_raised(g)).count(), 2);
        assert_eq!(text(&ls[1]), "below");
    }

    #[test]
    fn two_columns_are_found_and_read_left_first() {
        let mut g = word("A title across the whole page width", 72.0, 60.0, 10.0);
        for k in 0..8 {
            g.extend(word("left column line", 72.0, 100.0 + 12.0 * k as f32, 10.0));
        }
        for k in 0..8 {
            g.extend(word("right column line", 250.0, 100.0 + 12.0 * k as f32, 10.0));
        }
        let mut ls = lines(&g);
        assert_eq!(ls.len(), 17, "left and right lines of one baseline stay apart");
        let x = gutter(&ls).expect("a gutter");
        assert!(x > 72.0 + 80.0 && x < 250.0, "{x}");
        assign_columns(&mut ls, Some(x));
        let order = reading_order(&ls);
        let texts: Vec<String> = order.iter().map(|&i| text(&ls[i])).collect();
        assert_eq!(texts[0], "Atitleacrossthewholepagewidth");
        assert!(texts[1..9].iter().all(|t| t == "leftcolumnline"));
        assert!(texts[9..].iter().all(|t| t == "rightcolumnline"));
    }

    #[test]
    fn one_column_has_no_gutter() {
        let mut g = Vec::new();
        for k in 0..20 {
            g.extend(word(
                "a full line of text that crosses the middle",
                72.0,
                100.0 + 12.0 * k as f32,
                10.0,
            ));
        }
        assert_eq!(gutter(&lines(&g)), None);
    }
}
