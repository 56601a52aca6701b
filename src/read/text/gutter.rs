//! Two columns printed side by side (`pdftotext -layout`): each page's left column, then its right.
//!
//! `pdftotext -layout` keeps a two-column page's columns side by side on one line. Where the
//! two columns' lines sit in separate blocks, the right column starts at one character
//! position on every line, after a run of spaces or an indent (the gutter); where poppler
//! merged the two lines of one height into one, the right column follows the left after a
//! single space, and only the lengths of printed lines tell where the left one ends. A page
//! is read as two columns when a gutter stands out on enough of its lines; the lines from the
//! first to the last one showing the gutter are parted, the lines above and below (title,
//! running head, folio) stay whole. Every page parted is reported.

use super::join::ends_sentence;
use crate::diag::Diagnostic;
use std::borrow::Cow;

/// The fewest lines showing the same gutter for a page to be read as two columns.
const MIN_GUTTER_LINES: usize = 5;

/// The fewest lines showing a second gutter on a page already in two columns (the notes,
/// set smaller, have their own).
const MIN_SECOND_GUTTER_LINES: usize = 3;

/// The fewest lines showing text on both sides of the gutter (a column of text beside a
/// column of text, not an indented block).
const MIN_TWO_SIDED: usize = 2;

/// The fewest lines of the right column alone, indented to the gutter.
const MIN_INDENTED: usize = 1;

/// The fewest characters on each side of a gutter for a line to count as two-sided.
const MIN_SIDE_CHARS: usize = 10;

/// The fewest spaces before a gutter (one space is what separates words).
const MIN_GAP: usize = 2;

/// A gutter lies in this band of the page's width (per cent of the longest line).
const BAND: (usize, usize) = (30, 70);

/// A line's text starts at the gutter when it starts this many characters before it or
/// after it (poppler places the right column's lines one or two characters apart).
const SLACK_BEFORE: usize = 1;
/// See [`SLACK_BEFORE`].
const SLACK_AFTER: usize = 4;

/// Pages longer or wider than this are no page of a PDF (a hostile text stays fast).
const MAX_PAGE_LINES: usize = 500;
/// See [`MAX_PAGE_LINES`].
const MAX_PAGE_WIDTH: usize = 400;

/// How much wider than the column's measure (in ems) a part may be.
const OVERFULL_EMS: f64 = 1.5;

/// Parts every two-column page; returns the text unchanged (borrowed) when no page is, and
/// the source line of each line of the result.
pub fn restore<'a>(src: &'a str, diags: &mut Vec<Diagnostic>) -> (Cow<'a, str>, Vec<u32>) {
    let lines: Vec<&str> = src.split('\n').collect();
    let identity = || (1..=lines.len() as u32).collect::<Vec<u32>>();
    if !lines.iter().any(|l| l.contains("   ")) {
        return (Cow::Borrowed(src), identity());
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 64);
    let mut origin: Vec<u32> = Vec::with_capacity(lines.len() + 64);
    let mut parted = false;
    let mut start = 0;
    while start < lines.len() {
        let end = (start + 1..lines.len()).find(|&i| lines[i].contains('\u{c}')).unwrap_or(lines.len());
        match part_page(&lines[start..end]) {
            Some(page) => {
                parted = true;
                diags.push(Diagnostic::info(
                    "extraction-two-columns",
                    start as u32 + 1,
                    format!(
                        "a page printed in two columns side by side (lines {}–{}): its left column is read, then its right",
                        start + page.zone.start + 1,
                        start + page.zone.end
                    ),
                ));
                for (i, text) in page.lines {
                    out.push(text);
                    origin.push((start + i) as u32 + 1);
                }
            }
            None => {
                for (i, l) in lines[start..end].iter().enumerate() {
                    out.push((*l).to_string());
                    origin.push((start + i) as u32 + 1);
                }
            }
        }
        start = end;
    }
    if !parted {
        return (Cow::Borrowed(src), identity());
    }
    (Cow::Owned(out.join("\n")), origin)
}

/// A parted page: its lines in reading order, each with its index on the page.
struct Parted {
    /// The lines between the first and the last one showing a gutter.
    zone: std::ops::Range<usize>,
    /// The page's lines in reading order (the page's own line index, the text).
    lines: Vec<(usize, String)>,
}

/// One line's two sides: the left column's text and the right column's (either empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Sides {
    left: String,
    right: String,
}

/// Parts one page (its lines, the first may hold the form feed); `None` when it shows no
/// gutter.
fn part_page(page: &[&str]) -> Option<Parted> {
    // Columns are counted in characters; the form feed takes none.
    let chars: Vec<Vec<char>> = page.iter().map(|l| l.chars().filter(|&c| c != '\u{c}').collect()).collect();
    let width = chars.iter().map(Vec::len).max().unwrap_or(0);
    if !(40..=MAX_PAGE_WIDTH).contains(&width) || page.len() > MAX_PAGE_LINES {
        return None;
    }
    let band = (width * BAND.0 / 100, width * BAND.1 / 100);
    // Where text starts after a gap, in the band: (line, column, two-sided); and where it
    // starts after an indent alone.
    let mut hits: Vec<(usize, usize, bool)> = Vec::new();
    let mut indents: Vec<usize> = Vec::new();
    for (i, l) in chars.iter().enumerate() {
        for p in gap_ends(l) {
            if p >= band.0 && p <= band.1 {
                let left = l[..p].iter().filter(|c| !c.is_whitespace()).count();
                let right = l[p..].iter().filter(|c| !c.is_whitespace()).count();
                hits.push((i, p, left >= MIN_SIDE_CHARS && right >= MIN_SIDE_CHARS));
                if left == 0 {
                    indents.push(p);
                }
            }
        }
    }
    let gutters = gutters(&hits, width);
    // A column of text on the right alone shows the page's layout kept in spaces: runs of
    // spaces inside lines (pdfminer on some typesetters) are no columns.
    let indented =
        |g: usize| indents.iter().filter(|&&p| p + SLACK_BEFORE >= g && p <= g + SLACK_AFTER).count();
    if gutters.first().is_none_or(|&g| indented(g) < MIN_INDENTED) {
        return None;
    }
    if gutters.is_empty() {
        return None;
    }
    // Each line's gutter: the one it shows, else the nearest line's.
    let shown: Vec<Option<usize>> = (0..page.len())
        .map(|i| {
            let l = &chars[i];
            // The gutter a gap ends nearest to (a justified line's wide word spaces may end
            // near another).
            gutters
                .iter()
                .flat_map(|&g| {
                    gap_ends(l)
                        .filter(move |&p| p + SLACK_BEFORE >= g && p <= g + SLACK_AFTER)
                        .map(move |p| (p.abs_diff(g), g))
                })
                .min()
                .map(|(_, g)| g)
        })
        .collect();
    let first = shown.iter().position(Option::is_some)?;
    let last = shown.iter().rposition(Option::is_some)?;
    let zone = first..last + 1;
    let nearest = |i: usize| -> usize {
        (0..page.len())
            .flat_map(|d| [i.checked_sub(d), Some(i + d)])
            .flatten()
            .filter(|&j| zone.contains(&j))
            .find_map(|j| shown[j])
            .unwrap_or(gutters[0])
    };
    // First the lines whose sides the gutter shows, to learn each gutter's measure (the
    // width of its longer lines: most are full).
    let mut sides: Vec<Option<Sides>> = vec![None; page.len()];
    let mut gutter_of = vec![0usize; page.len()];
    for i in zone.clone() {
        let g = nearest(i);
        gutter_of[i] = g;
        sides[i] = plain_sides(&chars[i], g);
    }
    let measure = |g: usize| -> f64 {
        let mut w: Vec<f64> = zone
            .clone()
            .filter(|&i| gutter_of[i] == g)
            .filter_map(|i| sides[i].as_ref())
            .flat_map(|s| [&s.left, &s.right])
            .filter(|t| !t.trim().is_empty())
            .map(|t| ems(t.trim()))
            .collect();
        w.sort_by(f64::total_cmp);
        w.get(w.len() * 9 / 10).copied().unwrap_or(0.0)
    };
    let measures: Vec<(usize, f64)> = gutters.iter().map(|&g| (g, measure(g))).collect();
    for i in zone.clone() {
        if sides[i].is_none() {
            let m = measures.iter().find(|(g, _)| *g == gutter_of[i]).map_or(0.0, |m| m.1);
            sides[i] = Some(merged_sides(&chars[i], m));
        }
    }
    let sides: Vec<Sides> = zone.clone().map(|i| sides[i].clone().unwrap_or_default()).collect();
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(page.len() * 2);
    let feed = page.first().is_some_and(|l| l.contains('\u{c}'));
    for (i, l) in page[..zone.start].iter().enumerate() {
        lines.push((i, (*l).to_string()));
    }
    let (left, right) = streams(&sides);
    for (k, t) in left {
        lines.push((zone.start + k, t));
    }
    for (k, t) in right {
        lines.push((zone.start + k, t));
    }
    for (i, l) in page.iter().enumerate().skip(zone.end) {
        lines.push((i, (*l).to_string()));
    }
    // The form feed opens the page's first line, whatever line that is now.
    if feed && zone.start == 0 {
        for (_, t) in &mut lines {
            *t = t.replace('\u{c}', "");
        }
        if let Some((_, t)) = lines.first_mut() {
            t.insert(0, '\u{c}');
        }
    }
    Some(Parted { zone, lines })
}

/// The columns where text starts after a run of at least [`MIN_GAP`] spaces, or after the
/// indent opening the line.
fn gap_ends(l: &[char]) -> impl Iterator<Item = usize> + '_ {
    (1..l.len()).filter(move |&p| {
        !l[p].is_whitespace()
            && l[p - 1] == ' '
            && (p < MIN_GAP || l[p - MIN_GAP..p].iter().all(|&c| c == ' '))
    })
}

/// The page's gutters: the columns (give or take one) where most gaps end, with enough
/// lines and enough of them two-sided; the first is the strongest.
fn gutters(hits: &[(usize, usize, bool)], width: usize) -> Vec<usize> {
    let count = |g: usize| -> (usize, usize) {
        let near: Vec<&(usize, usize, bool)> = hits.iter().filter(|h| h.1 + 1 >= g && h.1 <= g + 1).collect();
        let mut lines: Vec<usize> = near.iter().map(|h| h.0).collect();
        lines.dedup();
        let mut two: Vec<usize> = near.iter().filter(|h| h.2).map(|h| h.0).collect();
        two.dedup();
        (lines.len(), two.len())
    };
    let mut scored: Vec<(usize, usize, usize)> = (0..=width)
        .map(|g| {
            let (n, two) = count(g);
            (g, n, two)
        })
        .filter(|&(_, n, two)| n >= MIN_SECOND_GUTTER_LINES && two >= 1)
        .collect();
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<usize> = Vec::new();
    for (g, n, two) in scored {
        if out.iter().any(|&o| o.abs_diff(g) <= SLACK_AFTER + SLACK_BEFORE) {
            continue;
        }
        if out.is_empty() && (n < MIN_GUTTER_LINES || two < MIN_TWO_SIDED) {
            return Vec::new();
        }
        out.push(g);
    }
    out
}

/// The sides of a line that shows gutter `g` (a gap ending at it, or text starting at it
/// after an indent), or that stops short of it; `None` when text runs across it.
fn plain_sides(l: &[char], g: usize) -> Option<Sides> {
    let text = |s: &[char]| s.iter().collect::<String>().trim_end().to_string();
    if let Some(p) =
        gap_ends(l).filter(|&p| p + SLACK_BEFORE >= g && p <= g + SLACK_AFTER).min_by_key(|&p| p.abs_diff(g))
    {
        return Some(Sides { left: text(&l[..p]), right: text(&l[p..]) });
    }
    let end = l.iter().rposition(|c| !c.is_whitespace()).map_or(0, |e| e + 1);
    let indent = l.iter().take_while(|c| c.is_whitespace()).count();
    if end == 0 {
        return Some(Sides::default());
    }
    if indent + SLACK_BEFORE >= g {
        return Some(Sides { left: String::new(), right: text(&l[indent..]) });
    }
    (end <= g).then(|| Sides { left: text(l), right: String::new() })
}

/// The sides of a line where poppler ran the two columns' lines together: the word space
/// where the left part comes nearest the column's `measure` (in ems) without either part
/// running over it; a line with no such space stays whole, on the left.
fn merged_sides(l: &[char], measure: f64) -> Sides {
    let s: String = l.iter().collect::<String>().trim_end().to_string();
    let indent = s.len() - s.trim_start().len();
    let body = &s[indent..];
    let whole = Sides { left: s.clone(), right: String::new() };
    if measure <= 0.0 {
        return whole;
    }
    let mut best: Option<(f64, usize)> = None;
    for (k, _) in body.match_indices(' ') {
        let (a, b) = (body[..k].trim_end(), body[k..].trim_start());
        if a.is_empty() || b.is_empty() || body[..k].ends_with(' ') {
            continue;
        }
        let (wa, wb) = (ems(a), ems(b));
        if wa > measure + OVERFULL_EMS || wb > measure + OVERFULL_EMS {
            continue;
        }
        // A full line on the left, or one that ends a paragraph beside a full one on the
        // right; a word broken at the end of the left one fits best.
        let mut cost = (wa - measure).abs();
        if ends_sentence(a) {
            cost = cost.min((wb - measure).abs());
        }
        if a.ends_with('-') && a.chars().rev().nth(1).is_some_and(char::is_alphabetic) {
            cost -= 0.5;
        }
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, k));
        }
    }
    match best {
        Some((_, k)) => Sides {
            left: format!("{}{}", &s[..indent], body[..k].trim_end()),
            right: body[k..].trim_start().to_string(),
        },
        None => whole,
    }
}

/// The width of a printed text in ems, from typical widths of a serif book face (spaces at
/// their natural width): enough to tell a full line of a column from one word more or less.
fn ems(t: &str) -> f64 {
    let mut last_space = true;
    t.trim()
        .chars()
        .filter(|&c| !std::mem::replace(&mut last_space, c == ' ') || c != ' ')
        .map(|c| match c {
            ' ' => 0.33,
            'i' | 'j' | 'l' | 'ı' | '!' | '\'' | '’' | '‘' | '.' | ',' | ':' | ';' | '|' => 0.27,
            'f' | 't' | 'r' | 'I' | 'J' | '(' | ')' | '[' | ']' | '-' | '/' | '«' | '»' => 0.35,
            'm' | 'ш' | 'щ' | 'ж' | 'ю' | 'ы' | 'м' => 0.78,
            'w' | 'ф' => 0.72,
            'M' | 'W' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'Ф' | '—' | '%' => 0.92,
            '“' | '”' | '„' | '"' | '–' | '*' => 0.45,
            c if c.is_ascii_digit() => 0.5,
            c if c.is_uppercase() => 0.68,
            c if c.is_alphabetic() => 0.5,
            _ => 0.5,
        })
        .sum()
}

/// A column's lines, each with its line in the zone.
type Stream = Vec<(usize, String)>;

/// The left column's lines, then the right column's, each with its line in the zone. A
/// side left empty beside text is a paragraph's gap in its column only between lines with
/// text on both sides; where the columns' lines alternate (printed at different heights),
/// it is no gap.
fn streams(sides: &[Sides]) -> (Stream, Stream) {
    let has = |i: usize, left: bool| {
        sides.get(i).is_some_and(|s| !if left { &s.left } else { &s.right }.trim().is_empty())
    };
    let one_sided = |i: usize, left: bool| has(i, left) && !has(i, !left);
    let mut out = (Vec::new(), Vec::new());
    for left in [true, false] {
        let stream = if left { &mut out.0 } else { &mut out.1 };
        for (i, s) in sides.iter().enumerate() {
            let t = if left { &s.left } else { &s.right };
            if !t.trim().is_empty() {
                stream.push((i, t.clone()));
                continue;
            }
            let blank = !has(i, !left);
            let alternating = i.checked_sub(1).is_some_and(|p| one_sided(p, left)) || one_sided(i + 1, left);
            if blank || !alternating {
                stream.push((i, String::new()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pad(l: &str, r: &str, at: usize) -> String {
        format!("{l:<at$}{r}")
    }

    /// A page of two columns side by side, a running head above and a folio below.
    fn page() -> Vec<String> {
        let left = [
            "The merchants of the port met in the spring",
            "and wrote to the ministry at length about",
            "the rules of the trade and the duties that",
            "they paid on every cargo of grain.1",
            "",
            "The committee answered them in the summer",
            "and asked for the minute books of the year.",
        ];
        let right = [
            "The governor closed the landing on the",
            "strength of a rumour, and the river was",
            "shut for three weeks in the middle of the",
            "season.2 No cargo left the port while",
            "the commission sat in the town hall and",
            "heard the witnesses of the outbreak.",
            "",
        ];
        let mut lines = vec![
            "2 | A. Author                                                      Grain and Quarantine"
                .to_string(),
            String::new(),
        ];
        lines.extend(left.iter().zip(right).map(|(l, r)| pad(l, r, 50)));
        lines.extend(["".to_string(), pad("", "2", 48)]);
        lines
    }

    #[test]
    fn side_by_side_columns_are_read_left_then_right() {
        let src = page().join("\n");
        let mut diags = Vec::new();
        let (out, origin) = restore(&src, &mut diags);
        let got: Vec<&str> = out.split('\n').collect();
        let at = |t: &str| got.iter().position(|l| *l == t).unwrap_or(usize::MAX);
        assert_eq!(got[0], page()[0]);
        assert_eq!(at("The merchants of the port met in the spring"), 2);
        assert_eq!(at("they paid on every cargo of grain.1"), 5);
        assert_eq!(got[6], "");
        assert_eq!(at("and asked for the minute books of the year."), 8);
        let right = at("The governor closed the landing on the");
        assert!(right > 8 && right < 12, "{got:?}");
        assert_eq!(at("heard the witnesses of the outbreak."), right + 5);
        assert_eq!(got.iter().rev().find(|l| !l.trim().is_empty()).map(|l| l.trim()), Some("2"));
        assert_eq!(origin.len(), got.len());
        assert_eq!(origin[right], 3);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "extraction-two-columns");
    }

    /// Where poppler ran the two lines together, a single space parts them: the left
    /// column's measure, learnt from the other lines, tells which.
    #[test]
    fn lines_run_together_are_parted_at_the_measure() {
        let mut lines = page();
        lines[4] = "and asked for the minute books of the year. Shutting for weeks.".into();
        let src = lines.join("\n");
        let (out, _) = restore(&src, &mut Vec::new());
        let got: Vec<&str> = out.split('\n').collect();
        assert_eq!(got[4], "and asked for the minute books of the year.");
        assert!(got.contains(&"Shutting for weeks."), "{got:?}");
    }

    /// Lines of the two columns printed at different heights alternate: no gap between them.
    #[test]
    fn alternating_lines_make_no_paragraph_gaps() {
        let sides: Vec<Sides> = [("a one", ""), ("", "b one"), ("a two", ""), ("", "b two")]
            .iter()
            .map(|(l, r)| Sides { left: l.to_string(), right: r.to_string() })
            .collect();
        let (l, r) = streams(&sides);
        assert_eq!(l.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["a one", "a two"]);
        assert_eq!(r.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["b one", "b two"]);
    }

    /// One column, with indents and a centred title: nothing moves.
    #[test]
    fn one_column_stays() {
        let src = "                 A Title Centred Above\n\nThe merchants of the port met in the spring and wrote to the ministry at length about the rules.\n   1\n      Circular of the Ministry, 21 April 1877.\n\n                                    1\n";
        let mut diags = Vec::new();
        let (out, origin) = restore(src, &mut diags);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(origin.len(), src.split('\n').count());
        assert!(diags.is_empty());
    }

    /// Bad input: empty, spaces only, form feeds, one long line of spaces.
    #[test]
    fn odd_input_is_left_alone() {
        let spaces = " ".repeat(500);
        for src in ["", "   ", "\u{c}", "\u{c}   \u{c}", "a   b\n   c", spaces.as_str()] {
            let (out, origin) = restore(src, &mut Vec::new());
            assert_eq!(out, src);
            assert_eq!(origin.len(), src.split('\n').count());
        }
    }
}
