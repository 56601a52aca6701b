//! What each page's lines are: body, note zone, or page furniture (running heads, folios).
//!
//! The body size is the size most glyphs of the document are set in. A page's (or a
//! column's) note zone is the run of lines at its foot set clearly smaller than the body,
//! whose first line opens with a label. Running heads and folios are the top and bottom
//! lines that repeat across pages once digits are masked (at the same size), or a lone
//! number; the number they carry is the printed page number.

use super::lines::{Column, Line};
use std::collections::{HashMap, HashSet};

/// Lines clearly smaller than the body: at most this ratio of its size.
const SMALL: f32 = 0.93;

/// One page's lines, sorted out.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// All lines of the page, top to bottom.
    pub lines: Vec<Line>,
    /// Body lines (indices into `lines`) in reading order.
    pub body: Vec<usize>,
    /// Note-zone lines in reading order (left column's notes before the right's).
    pub notes: Vec<usize>,
    /// The printed page number, when the furniture carries one.
    pub folio: Option<String>,
}

/// The size most glyphs are set in (to a tenth of a point), over every page.
pub fn body_size(pages: &[Vec<Line>]) -> f32 {
    let mut count: HashMap<i32, usize> = HashMap::new();
    for g in pages.iter().flatten().flat_map(|l| &l.glyphs) {
        *count.entry((g.size * 10.0).round() as i32).or_default() += 1;
    }
    count.into_iter().max_by_key(|&(s, n)| (n, s)).map_or(10.0, |(s, _)| s as f32 / 10.0)
}

/// The text of a line's glyphs, for comparing lines (no spaces).
fn plain(l: &Line) -> String {
    l.glyphs.iter().map(|g| g.text.as_str()).collect::<String>().split_whitespace().collect()
}

/// A lone page number: arabic digits, or lowercase roman numerals.
fn lone_number(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
        || (!s.is_empty() && s.len() <= 6 && s.chars().all(|c| "ivxlc".contains(c)))
}

/// The number at the start or end of a running head (`2|A.Author`, `Title12`).
fn edge_number(s: &str) -> Option<String> {
    let lead: String = s.chars().take_while(char::is_ascii_digit).collect();
    let trail: String = {
        let mut t: Vec<char> = s.chars().rev().take_while(char::is_ascii_digit).collect();
        t.reverse();
        t.into_iter().collect()
    };
    [lead, trail].into_iter().find(|n| !n.is_empty() && n.len() <= 4 && n.len() < s.len())
}

/// The lines standing at the top and at the foot of a page (every line within a point of the
/// topmost or lowest baseline).
fn edges(lines: &[Line]) -> Vec<usize> {
    let (Some(top), Some(foot)) = (lines.first().map(|l| l.y), lines.last().map(|l| l.y)) else {
        return Vec::new();
    };
    (0..lines.len()).filter(|&i| lines[i].y - top < 1.0 || foot - lines[i].y < 1.0).collect()
}

/// For each page, the indices of its furniture lines and the page number they print.
pub fn furniture(pages: &[Vec<Line>]) -> Vec<(HashSet<usize>, Option<String>)> {
    let key = |l: &Line| {
        let masked: String = plain(l).chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect();
        (masked, (l.size * 2.0).round() as i32)
    };
    let mut seen: HashMap<(String, i32), HashSet<usize>> = HashMap::new();
    for (p, lines) in pages.iter().enumerate() {
        for i in edges(lines) {
            seen.entry(key(&lines[i])).or_default().insert(p);
        }
    }
    pages
        .iter()
        .map(|lines| {
            let mut out = HashSet::new();
            let mut folio = None;
            for i in edges(lines) {
                let text = plain(&lines[i]);
                if lone_number(&text) {
                    out.insert(i);
                    folio = Some(text);
                } else if seen.get(&key(&lines[i])).is_some_and(|p| p.len() >= 2)
                    && text.chars().count() < 120
                {
                    out.insert(i);
                    if folio.is_none() {
                        folio = edge_number(&text);
                    }
                }
            }
            (out, folio)
        })
        .collect()
}

/// Whether a line opens with a note label: a raised digit or symbol, digits followed by a
/// space or a point, or a note symbol.
pub fn opens_with_label(l: &Line) -> bool {
    let Some(first) = l.glyphs.first() else { return false };
    let c = first.text.chars().next().unwrap_or(' ');
    if l.is_raised(first) && (c.is_ascii_digit() || "*†‡§".contains(c)) {
        return true;
    }
    if "*†‡§".contains(c) {
        return true;
    }
    let digits = l.glyphs.iter().take_while(|g| g.text.chars().all(|c| c.is_ascii_digit())).count();
    (1..=3).contains(&digits)
        && l.glyphs.get(digits).is_some_and(|g| {
            let prev = &l.glyphs[digits - 1];
            g.text == "." || g.text.trim().is_empty() || g.x - (prev.x + prev.advance) > 0.15 * prev.size
        })
}

/// Sorts out one page's lines given the body size and its furniture.
pub fn layout(lines: Vec<Line>, order: Vec<usize>, furniture: &HashSet<usize>, body: f32) -> Layout {
    let order: Vec<usize> = order.into_iter().filter(|i| !furniture.contains(i)).collect();
    let mut notes: HashSet<usize> = HashSet::new();
    // The left column's note zone: its first line's baseline and size.
    let mut left_zone: Option<(f32, f32)> = None;
    for side in [Column::Full, Column::Left, Column::Right] {
        let mut col: Vec<usize> = order.iter().copied().filter(|&i| lines[i].column == side).collect();
        col.sort_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
        // The run of small lines at the column's foot …
        let start = col.iter().rposition(|&i| lines[i].size > SMALL * body).map_or(0, |k| k + 1);
        // … from its first line that opens with a label, or, under the right column, from its
        // first line when it goes on with the left column's last note (LaTeX runs a note on
        // from the foot of the left column to the foot of the right one): a run of the left
        // zone's size that starts no higher than it.
        let labelled = (start..col.len()).find(|&k| opens_with_label(&lines[col[k]]));
        let runs_on = side == Column::Right
            && start < col.len()
            && left_zone.is_some_and(|(y, size)| {
                let first = &lines[col[start]];
                first.y >= y && col[start..].iter().all(|&i| (lines[i].size - size).abs() < 0.05 * size)
            });
        if labelled == Some(start) && (start > 0 || side != Column::Full) || runs_on {
            notes.extend(col[start..].iter().copied());
            if side == Column::Left {
                left_zone = Some((lines[col[start]].y, lines[col[start]].size));
            }
        }
    }
    let body_lines = order.iter().copied().filter(|i| !notes.contains(i)).collect();
    let note_lines = order.iter().copied().filter(|i| notes.contains(i)).collect();
    Layout { lines, body: body_lines, notes: note_lines, folio: None }
}

#[cfg(test)]
mod tests {
    use super::super::lines::{lines, tests::word};
    use super::*;

    #[test]
    fn the_note_zone_is_the_small_labelled_foot() {
        let mut g = Vec::new();
        for k in 0..5 {
            g.extend(word("body text of the page", 72.0, 100.0 + 13.0 * k as f32, 11.0));
        }
        g.extend(word("1", 72.0, 200.0, 6.0));
        g.extend(word("A note, set small.", 76.0, 203.0, 9.0));
        g.extend(word("its second line", 72.0, 214.0, 9.0));
        g.extend(word("7", 150.0, 240.0, 11.0));
        let ls = lines(&g);
        let f = furniture(std::slice::from_ref(&ls));
        assert_eq!(f[0].1.as_deref(), Some("7"));
        let order: Vec<usize> = (0..ls.len()).collect();
        let out = layout(ls, order, &f[0].0, 11.0);
        assert_eq!(out.body.len(), 5);
        assert_eq!(out.notes.len(), 2);
    }

    #[test]
    fn a_note_run_on_from_the_left_column_opens_the_right_zone() {
        let mut g = Vec::new();
        for k in 0..5 {
            let y = 100.0 + 13.0 * k as f32;
            g.extend(word("left body text", 72.0, y, 11.0));
            g.extend(word("right body text", 200.0, y, 11.0));
        }
        g.extend(word("1 A note that runs", 72.0, 200.0, 9.0));
        g.extend(word("on and on", 72.0, 211.0, 9.0));
        // The right column's zone opens with the rest of note 1, then note 2.
        g.extend(word("to its end.", 200.0, 211.0, 9.0));
        g.extend(word("2 Next note.", 200.0, 222.0, 9.0));
        let mut ls = lines(&g);
        for l in &mut ls {
            l.column = if l.x0 < 150.0 { Column::Left } else { Column::Right };
        }
        let order = super::super::lines::reading_order(&ls);
        let out = layout(ls.clone(), order.clone(), &HashSet::new(), 11.0);
        assert_eq!(out.notes.len(), 4);
        // Without a note zone under the left column, an unlabelled small run is no note.
        let keep: Vec<usize> = (0..ls.len()).filter(|&i| !(ls[i].x0 < 150.0 && ls[i].size < 10.0)).collect();
        let ls: Vec<Line> = keep.iter().map(|&i| ls[i].clone()).collect();
        let order = super::super::lines::reading_order(&ls);
        let out = layout(ls, order, &HashSet::new(), 11.0);
        assert_eq!(out.notes.len(), 0);
    }

    #[test]
    fn running_heads_repeat_modulo_digits() {
        let page = |n: &str, y: f32| {
            let mut g = word(&format!("{n} | A. Author"), 72.0, 40.0, 9.0);
            g.extend(word("Body", 72.0, y, 11.0));
            g.extend(word(&format!("more body {}", "abc".repeat(y as usize / 10 % 5)), 72.0, y + 13.0, 11.0));
            lines(&g)
        };
        let f = furniture(&[page("2", 100.0), page("4", 110.0), page("6", 120.0)]);
        assert!(f.iter().all(|(set, _)| set.len() == 1));
        assert_eq!(f[1].1.as_deref(), Some("4"));
        assert_eq!(edge_number("Shorttitle13").as_deref(), Some("13"));
        assert!(lone_number("xii") && !lone_number("12345") && !lone_number(""));
    }
}
