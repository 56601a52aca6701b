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
            // Next to the line, or inside it (a glyph of a fallback font painted afterwards).
            let beside = p.x0 >= l.x0 - 0.5 * s && p.x0 - l.x1 < 1.2 * s;
            size_ok && (l.y - p.y).abs() < 0.15 * s && beside
        });
        match joined {
            Some(l) => l.absorb(p),
            None => out.push(p),
        }
    }
    join_stretched(&mut out);
    attach_raised(&mut out);
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// The widest word space of a justified line, in ems of its type: narrow columns stretch
/// spaces far beyond the 1.2 em that joins pieces anywhere (`23     Leipziger     Rauch…`).
const STRETCHED_SPACE: f32 = 4.0;

/// The most common value of `v` to the point, if any.
fn mode(v: impl Iterator<Item = f32>) -> Option<f32> {
    let mut count: std::collections::HashMap<i32, usize> = std::collections::HashMap::new();
    for x in v {
        *count.entry(x.round() as i32).or_default() += 1;
    }
    count.into_iter().max_by_key(|&(x, n)| (n, -x)).map(|(x, _)| x as f32)
}

/// Joins pieces of one baseline and size separated by a stretched word space (up to
/// [`STRETCHED_SPACE`] ems), when both lie inside the measure: between the edges most lines
/// start and end at. Something printed in the margin (a line number) stays apart.
fn join_stretched(out: &mut Vec<Line>) {
    let (Some(left), Some(right)) = (mode(out.iter().map(|l| l.x0)), mode(out.iter().map(|l| l.x1))) else {
        return;
    };
    let mut k = 0;
    while k < out.len() {
        let p = &out[k];
        let s = p.size;
        let inside = |l: &Line| l.x0 >= left - 0.5 * s && l.x1 <= right + 0.5 * s;
        let host = (0..out.len()).find(|&j| {
            let l = &out[j];
            j != k
                && (l.size - s).abs() < 0.1 * s.max(l.size)
                && (l.y - p.y).abs() < 0.15 * s
                && p.x0 > l.x1
                && p.x0 - l.x1 < STRETCHED_SPACE * s
                && inside(l)
                && inside(p)
        });
        match host {
            Some(j) => {
                let p = out.remove(k);
                let j = if j > k { j - 1 } else { j };
                out[j].absorb(p);
                k = 0;
            }
            None => k += 1,
        }
    }
}

/// The most glyphs of a call or label painted apart from its line (`123`, `*`, `a`).
const CALL_GLYPHS: usize = 4;

/// Whether `p`, a piece painted on its own, is a call or label raised on `l`'s baseline: a
/// few smaller glyphs without a space, raised by less than `l`'s em, at `l`'s ends or inside.
fn raised_on(p: &Line, l: &Line) -> bool {
    let s = l.size;
    p.glyphs.len() <= CALL_GLYPHS
        && p.glyphs.iter().all(|g| !g.text.trim().is_empty())
        && p.size < SMALLER * s
        && p.y < l.y - 0.12 * s
        && l.y - p.y < 0.6 * s
        && p.x1 >= l.x0 - 0.5 * s
        && p.x0 <= l.x1 + 1.2 * s
}

/// Joins to its line a call or label that was painted apart from it (LibreOffice paints the
/// glyphs of a fallback font after the rest of their line, so the call after such a line
/// follows a glyph far to its left). Pieces of one size were joined already; a raised call is
/// smaller, and sorts above its line, so it is matched here against every line.
fn attach_raised(out: &mut Vec<Line>) {
    let mut k = 0;
    while k < out.len() {
        let host = (0..out.len()).find(|&j| j != k && raised_on(&out[k], &out[j]));
        match host {
            Some(j) => {
                let p = out.remove(k);
                let j = if j > k { j - 1 } else { j };
                out[j].absorb(p);
            }
            None => k += 1,
        }
    }
}

/// The gutter of a two-column page, if there is one: the widest band (4 pt or more) in the
/// middle of the text that glyphs of at most a tenth as many baselines cover as the most
/// covered x, with text on both sides. Word spaces do not line up from line to line; a gutter
/// does, however loose the lines.
pub fn gutter(glyphs: &[Glyph]) -> Option<(f32, f32)> {
    let left = glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
    let right = glyphs.iter().map(|g| g.x + g.advance).fold(f32::NEG_INFINITY, f32::max);
    if !left.is_finite() || !right.is_finite() || right - left <= 50.0 || right - left > 5000.0 {
        return None;
    }
    let bins = (right - left).ceil() as usize + 1;
    let mut rows: Vec<std::collections::HashSet<i32>> = vec![Default::default(); bins];
    for g in glyphs.iter().filter(|g| !g.text.trim().is_empty()) {
        let (a, b) =
            ((g.x - left).max(0.0) as usize, ((g.x + g.advance - left).max(0.0) as usize).min(bins - 1));
        for row in rows.iter_mut().take(b + 1).skip(a) {
            row.insert(g.y.round() as i32);
        }
    }
    let cover: Vec<usize> = rows.iter().map(|r| r.len()).collect();
    let most = cover.iter().copied().max().unwrap_or(0);
    if most < 10 {
        return None;
    }
    let (from, to) = ((0.3 * bins as f32) as usize, (0.7 * bins as f32) as usize);
    let mut best: Option<(usize, usize)> = None;
    let mut k = from;
    while k <= to {
        if cover[k] * 10 <= most {
            let start = k;
            while k + 1 < bins && cover[k + 1] * 10 <= most {
                k += 1;
            }
            if best.is_none_or(|(a, b)| k - start > b - a) {
                best = Some((start, k));
            }
        }
        k += 1;
    }
    let (a, b) = best?;
    if b - a < 4 {
        return None;
    }
    let (a, b) = (left + a as f32, left + b as f32 + 1.0);
    let side = |f: &dyn Fn(&Glyph) -> bool| glyphs.iter().filter(|g| f(g)).count();
    (side(&|g| g.x + g.advance <= a) > 100 && side(&|g| g.x >= b) > 100).then_some((a, b))
}

/// Splits a page's glyphs (painting order kept) by column: the glyphs of baselines that
/// cross the gutter span the page; the others go left or right of it.
pub fn split_columns(glyphs: &[Glyph], gutter: Option<(f32, f32)>) -> [(Column, Vec<Glyph>); 3] {
    let Some((a, b)) = gutter else {
        return [(Column::Full, glyphs.to_vec()), (Column::Left, Vec::new()), (Column::Right, Vec::new())];
    };
    // A glyph crosses when it reaches the middle half of the gutter: a column's line may
    // overhang its edge a little (a final comma's advance).
    let m = 0.25 * (b - a);
    let crossing: Vec<(f32, f32)> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty() && g.x < b - m && g.x + g.advance > a + m)
        .map(|g| (g.y, g.size))
        .collect();
    let spans = |g: &Glyph| crossing.iter().any(|&(y, s)| (g.y - y).abs() < 0.6 * s.max(g.size));
    let (mut full, mut l, mut r) = (Vec::new(), Vec::new(), Vec::new());
    for g in glyphs {
        if spans(g) {
            full.push(g.clone());
        } else if g.x + g.advance / 2.0 < (a + b) / 2.0 {
            l.push(g.clone());
        } else {
            r.push(g.clone());
        }
    }
    [(Column::Full, full), (Column::Left, l), (Column::Right, r)]
}

/// The lines of a page, read by column when it has two: glyphs into lines within each
/// column, each line marked with its column, top to bottom.
pub fn page_lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut out = Vec::new();
    for (column, part) in split_columns(glyphs, gutter(glyphs)) {
        out.extend(lines(&part).into_iter().map(|mut l| {
            l.column = column;
            l
        }));
    }
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    out
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
    fn a_call_painted_after_other_glyphs_joins_its_line() {
        // The line, then a glyph of a fallback font painted back inside it, then the call.
        let mut g = word("ab cd efgh.", 72.0, 100.0, 10.0);
        g.extend(word("ə", 82.0, 100.0, 10.0));
        g.extend(word("4", 127.5, 96.0, 7.0));
        g.extend(word("next line", 72.0, 114.0, 10.0));
        let ls = lines(&g);
        assert_eq!(ls.len(), 2, "{:?}", ls.iter().map(text).collect::<Vec<_>>());
        assert!(text(&ls[0]).ends_with(".4"), "{}", text(&ls[0]));
        assert_eq!(ls[0].glyphs.iter().filter(|g| ls[0].is_raised(g)).count(), 1);
    }

    #[test]
    fn a_small_line_apart_from_a_larger_one_is_no_call() {
        // Small type a full line above (a note above a heading), or too long to be a call.
        let mut g = word("12", 72.0, 100.0, 7.0);
        g.extend(word("Heading", 72.0, 112.0, 10.0));
        g.extend(word("note text", 300.0, 108.0, 7.0));
        g.extend(word("Body", 200.0, 111.0, 10.0));
        let ls = lines(&g);
        assert_eq!(ls.len(), 4, "{:?}", ls.iter().map(text).collect::<Vec<_>>());
    }

    #[test]
    fn two_columns_are_found_and_read_left_first() {
        let mut g = word("A title across the whole page width", 72.0, 60.0, 10.0);
        for k in 0..12 {
            // Loose lines: word spaces wider than the gutter.
            let right = ["right   column   line", "another  longer   line", "third   one  here"][k % 3];
            let left = ["left   column  line", "a  left  one  here", "third   left  line"][k % 3];
            g.extend(word(left, 72.0, 100.0 + 12.0 * k as f32, 10.0));
            g.extend(word(right, 176.0, 100.0 + 12.0 * k as f32, 10.0));
        }
        let (a, b) = gutter(&g).expect("a gutter");
        assert!(a >= 166.0 && b <= 177.0, "{a} {b}");
        let ls = page_lines(&g);
        assert_eq!(ls.len(), 25, "left and right lines of one baseline stay apart");
        let order = reading_order(&ls);
        let texts: Vec<String> = order.iter().map(|&i| text(&ls[i])).collect();
        assert_eq!(texts[0], "Atitleacrossthewholepagewidth");
        assert!(texts[1..13].iter().all(|t| t.contains("left")), "{texts:?}");
        assert!(texts[13..].iter().all(|t| !t.contains("left")), "{texts:?}");
    }

    #[test]
    fn a_line_overhanging_the_gutter_stays_in_its_column() {
        let mut g = Vec::new();
        for k in 0..12 {
            let y = 100.0 + 12.0 * k as f32;
            let left = ["left   column  line", "a  left  one  here", "third   left  line"][k % 3];
            g.extend(word(left, 72.0, y, 10.0));
            g.extend(word("right column text", 180.0, y + 1.5, 10.0));
        }
        // A last left line whose final comma's advance reaches two points into the gutter
        // (168–180).
        g.extend(word("last left line x,", 88.0, 244.0, 10.0).into_iter().map(|mut c| {
            c.advance = if c.text == "," { 2.0 } else { c.advance };
            c
        }));
        let (a, b) = gutter(&g).expect("a gutter");
        assert!(a <= 168.0 && b >= 180.0, "{a} {b}");
        let ls = page_lines(&g);
        assert!(ls.iter().all(|l| l.column != Column::Full), "no line spans the page");
    }

    #[test]
    fn stretched_word_spaces_inside_the_measure_keep_one_line() {
        let mut g = Vec::new();
        for k in 0..6 {
            g.extend(word("a line that fills the measure", 72.0, 100.0 + 12.0 * k as f32, 10.0));
        }
        // `23     Leipziger     eigene` across the measure (72–217), spaces of 2.5 em.
        g.extend(word("23", 72.0, 172.0, 10.0));
        g.extend(word("Leipziger", 107.0, 172.0, 10.0));
        g.extend(word("eigene", 177.0, 172.0, 10.0));
        // A line number in the margin, two ems left of the measure.
        g.extend(word("5", 47.0, 184.0, 10.0));
        g.extend(word("a line that fills the measure", 72.0, 184.0, 10.0));
        let ls = lines(&g);
        let texts: Vec<String> = ls.iter().map(text).collect();
        assert!(texts.contains(&"23Leipzigereigene".to_string()), "{texts:?}");
        assert!(texts.contains(&"5".to_string()), "{texts:?}");
        assert_eq!(ls.len(), 9, "{texts:?}");
    }

    #[test]
    fn one_column_has_no_gutter() {
        let mut g = Vec::new();
        for k in 0..20 {
            let shift = (k % 3) as f32 * 2.0;
            g.extend(word(
                "a full line of text that crosses the middle",
                72.0 + shift,
                100.0 + 12.0 * k as f32,
                10.0,
            ));
        }
        assert_eq!(gutter(&g), None);
    }
}
