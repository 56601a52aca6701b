//! Lines into pages, with footnotes at the foot of the page of their call.
//!
//! Invariant (Typst's and TeX's): a line that calls a note and the first line of that note
//! are on the same page; the rest of a long note may continue at the foot of the next page,
//! before that page's own notes. A rule separates the notes from the text. Paragraphs leave
//! no single first line at a page's foot (orphan) and no single last line at a page's head
//! (widow) when they are long enough to avoid it; a page does not end with a hyphenated
//! line; a heading is never the last thing on a page. The result can be dumped as text (`p3 note 14 starts y=…`) so that pagination is
//! tested without reading a PDF.

use super::Pt;

/// One line of the text column, as the page builder sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyLine {
    /// Baseline-to-baseline height it takes.
    pub height: Pt,
    /// Indexes into the notes of those called on this line, in order.
    pub notes: Vec<usize>,
    /// The paragraph it belongs to, and its place there (for widows and orphans).
    pub para: usize,
    /// Index of the line within its paragraph.
    pub index: usize,
    /// Number of lines of its paragraph.
    pub para_lines: usize,
    /// True for heading lines, which must not end a page.
    pub keep_with_next: bool,
    /// Extra space before the line (between paragraphs, before headings).
    pub space_before: Pt,
    /// True when the line ends with a hyphen, which should not end a page.
    pub hyphenated: bool,
    /// Space taken above the line when it starts a page: a table's repeated header rows
    /// (with its "continued" line) above a row of its body; zero for text.
    pub head: Pt,
    /// A figure: placed where it stands when it fits, else at the top of the next page
    /// while the text after it fills this one (TeX's `[htp]`).
    pub float: bool,
}

/// A footnote: its printed label and the heights of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteLines {
    /// The label as printed (`14`).
    pub label: String,
    /// Height of each line.
    pub lines: Vec<Pt>,
}

/// Page geometry for the text column.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Height of the text column.
    pub height: Pt,
    /// Space taken by the rule above the notes (with its gaps).
    pub rule: Pt,
}

/// A piece of a note on a page: lines `from..to` of note `note`.
#[derive(Debug, Clone, PartialEq)]
pub struct NotePart {
    /// Index of the note.
    pub note: usize,
    /// First line on this page.
    pub from: usize,
    /// One past the last line on this page.
    pub to: usize,
}

/// One page: its body lines (indexes) with their y positions, and its note parts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Body lines on the page with the y of their top, from the column's top.
    pub lines: Vec<(usize, Pt)>,
    /// Note parts at the foot, in order, with the y of their first line's top.
    pub notes: Vec<(NotePart, Pt)>,
}

/// Lays out `lines` and their `notes` on pages of `frame`. A floating line (a figure) that
/// does not fit where it stands goes to the top of the next page, the lines after it filling
/// the page first; floats keep their order. Page lines are indexes into `lines` either way.
pub fn paginate(lines: &[BodyLine], notes: &[NoteLines], frame: Frame) -> Vec<Page> {
    if !lines.iter().any(|l| l.float) {
        return paginate_in_order(lines, notes, frame);
    }
    let mut work: Vec<BodyLine> = lines.to_vec();
    let mut order: Vec<usize> = (0..lines.len()).collect();
    let mut pages = Vec::new();
    let mut carried: Vec<NotePart> = Vec::new();
    let mut start = 0;
    while start < work.len() || !carried.is_empty() {
        let mut natural = fitting_end(&work, notes, frame, start, &carried);
        if natural > start && natural < work.len() && work[natural].float {
            // The float waits: the page is filled without it (up to the next float, so
            // that figures keep their order), and it leads the next page.
            let float = work.remove(natural);
            let index = order.remove(natural);
            let without = fitting_end(&work, notes, frame, start, &carried);
            let mut at = if without == start { natural } else { adjust(&work, start, without) };
            if let Some(f) = (natural..at).find(|&k| work[k].float) {
                at = f;
            }
            work.insert(at, float);
            order.insert(at, index);
            natural = fitting_end(&work, notes, frame, start, &carried).min(at);
        }
        let force = natural == start;
        let end = if force { (start + 1).min(work.len()) } else { adjust(&work, start, natural) };
        let (parts, rest) = notes_for(&work, notes, frame, start, end, &carried);
        let mut page = place(&work, notes, frame, start, end, &parts);
        page.lines.iter_mut().for_each(|(i, _)| *i = order[*i]);
        pages.push(page);
        start = end;
        carried = rest;
    }
    pages
}

/// [`paginate`] for lines without floats: every line where it stands.
fn paginate_in_order(lines: &[BodyLine], notes: &[NoteLines], frame: Frame) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut carried: Vec<NotePart> = Vec::new();
    let mut start = 0;
    while start < lines.len() || !carried.is_empty() {
        let natural = fitting_end(lines, notes, frame, start, &carried);
        // Something always goes on a page: a line taller than the page (with its note's
        // first line), or a piece of a carried note, is placed anyway, so layout ends.
        let force = natural == start;
        let end = if force { (start + 1).min(lines.len()) } else { adjust(lines, start, natural) };
        let (parts, rest) = notes_for(lines, notes, frame, start, end, &carried);
        pages.push(place(lines, notes, frame, start, end, &parts));
        start = end;
        carried = rest;
    }
    pages
}

/// How many lines from `start` fit on one page together with the notes they need.
fn fitting_end(
    lines: &[BodyLine],
    notes: &[NoteLines],
    frame: Frame,
    start: usize,
    carried: &[NotePart],
) -> usize {
    let mut end = start;
    while end < lines.len() {
        let (parts, _) = notes_for(lines, notes, frame, start, end + 1, carried);
        if !fits(lines, notes, frame, start, end + 1, &parts) {
            break;
        }
        end += 1;
    }
    end
}

fn body_height(lines: &[BodyLine], start: usize, end: usize) -> Pt {
    let head = lines.get(start).filter(|_| end > start).map_or(Pt::ZERO, |l| l.head);
    head + lines[start..end]
        .iter()
        .enumerate()
        .map(|(k, l)| l.height + if k == 0 { Pt::ZERO } else { l.space_before })
        .sum::<Pt>()
}

fn notes_height(notes: &[NoteLines], parts: &[NotePart], frame: Frame) -> Pt {
    if parts.is_empty() {
        return Pt::ZERO;
    }
    frame.rule + parts.iter().map(|p| notes[p.note].lines[p.from..p.to].iter().copied().sum::<Pt>()).sum()
}

fn fits(
    lines: &[BodyLine],
    notes: &[NoteLines],
    frame: Frame,
    start: usize,
    end: usize,
    parts: &[NotePart],
) -> bool {
    body_height(lines, start, end) + notes_height(notes, parts, frame) <= frame.height + Pt(1e-6)
}

/// The share of the text column that the continuation of a note carried over from the page
/// before may take ahead of the body (TeX's split insertions lead the next page's notes).
const CARRIED_SHARE: f64 = 0.5;

/// The note parts of a page holding lines `start..end`: first what was carried, as much as
/// [`CARRIED_SHARE`] of the column allows (at least one line) whatever the body needs; then every note called on those lines with at least its first line, and as
/// many more as fit. What does not fit is carried, in order. When the first lines do not
/// fit, the parts say so and [`fits`] refuses the page, so a continuation is never pushed
/// down the pages by body text.
fn notes_for(
    lines: &[BodyLine],
    notes: &[NoteLines],
    frame: Frame,
    start: usize,
    end: usize,
    carried: &[NotePart],
) -> (Vec<NotePart>, Vec<NotePart>) {
    let mut parts: Vec<NotePart> = Vec::new();
    let mut rest: Vec<NotePart> = Vec::new();
    // Adds as many lines of `p` as fit in `room` (at least one when `at_least_one`).
    let take = |p: NotePart,
                at_least_one: bool,
                room: &mut Pt,
                parts: &mut Vec<NotePart>,
                rest: &mut Vec<NotePart>| {
        let h = &notes[p.note].lines;
        // A note has at least its label's line (layout sees to it); none is nothing to place.
        if h.is_empty() {
            return;
        }
        let rule = if parts.is_empty() { frame.rule } else { Pt::ZERO };
        let (mut to, mut used) = (p.from, rule);
        while to < p.to && used + h[to] <= *room + Pt(1e-6) {
            used += h[to];
            to += 1;
        }
        if to == p.from {
            if !at_least_one {
                rest.push(p);
                return;
            }
            to = p.from + 1;
            used = rule + h[p.from];
        }
        *room -= used;
        parts.push(NotePart { note: p.note, from: p.from, to });
        if to < p.to {
            rest.push(NotePart { note: p.note, from: to, to: p.to });
        }
    };
    let mut carried_room = frame.height * CARRIED_SHARE;
    for p in carried {
        if rest.is_empty() {
            take(p.clone(), true, &mut carried_room, &mut parts, &mut rest);
        } else {
            rest.push(p.clone());
        }
    }
    let mut room = frame.height - body_height(lines, start, end) - notes_height(notes, &parts, frame);
    for &n in lines[start..end].iter().flat_map(|l| &l.notes) {
        take(NotePart { note: n, from: 0, to: notes[n].lines.len() }, true, &mut room, &mut parts, &mut rest);
    }
    (parts, rest)
}

/// Moves the page break earlier for widows, orphans, a word hyphenated across the page turn
/// and headings left at the foot.
fn adjust(lines: &[BodyLine], start: usize, end: usize) -> usize {
    if end >= lines.len() || end <= start + 1 {
        return end;
    }
    let mut e = end;
    // A widow: the next page would start with a paragraph's last line.
    let next = &lines[e];
    if next.index + 1 == next.para_lines
        && next.para_lines >= 3
        && lines[e - 1].para == next.para
        && e - 1 > start
    {
        e -= 1;
    }
    // A word cut across the page turn (TeX's `\brokenpenalty`); it also keeps text extraction
    // from joining the cut word to the first note below it.
    if lines[e - 1].hyphenated && e - 1 > start + 1 {
        e -= 1;
    }
    // An orphan: the page would end with a paragraph's first line.
    let last = &lines[e - 1];
    if last.index == 0 && last.para_lines >= 2 && e - 1 > start {
        e -= 1;
    }
    // A heading (or several) at the foot goes with what follows.
    while e > start + 1 && lines[e - 1].keep_with_next {
        e -= 1;
    }
    e
}

/// Positions the lines and note parts of one page.
fn place(
    lines: &[BodyLine],
    notes: &[NoteLines],
    frame: Frame,
    start: usize,
    end: usize,
    parts: &[NotePart],
) -> Page {
    let mut page = Page::default();
    let mut y = lines.get(start).filter(|_| end > start).map_or(Pt::ZERO, |l| l.head);
    for (k, i) in (start..end).enumerate() {
        if k > 0 {
            y += lines[i].space_before;
        }
        page.lines.push((i, y));
        y += lines[i].height;
    }
    let total: Pt = parts.iter().map(|p| notes[p.note].lines[p.from..p.to].iter().copied().sum::<Pt>()).sum();
    let mut ny = frame.height - total;
    for p in parts {
        page.notes.push((p.clone(), ny));
        ny += notes[p.note].lines[p.from..p.to].iter().copied().sum::<Pt>();
    }
    page
}

/// A text dump of the layout: one line per body line and per note part.
pub fn dump(pages: &[Page], notes: &[NoteLines]) -> String {
    let mut out = String::new();
    for (n, p) in pages.iter().enumerate() {
        for (i, y) in &p.lines {
            out.push_str(&format!("p{} line {} y={:.1}\n", n + 1, i, y.0));
        }
        for (part, y) in &p.notes {
            let what = if part.from == 0 { "starts" } else { "continues" };
            let label = &notes[part.note].label;
            out.push_str(&format!(
                "p{} note {label} {what} y={:.1} lines {}..{}\n",
                n + 1,
                y.0,
                part.from,
                part.to
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para_lines(para: usize, n: usize) -> Vec<BodyLine> {
        (0..n)
            .map(|i| BodyLine {
                height: Pt(12.0),
                notes: vec![],
                para,
                index: i,
                para_lines: n,
                keep_with_next: false,
                space_before: Pt::ZERO,
                hyphenated: false,
                head: Pt::ZERO,
                float: false,
            })
            .collect()
    }

    const FRAME: Frame = Frame { height: Pt(120.0), rule: Pt(6.0) };

    /// The page of every line and every note part, checked against the invariants.
    fn check(lines: &[BodyLine], notes: &[NoteLines], pages: &[Page]) {
        let mut seen = 0;
        for (n, p) in pages.iter().enumerate() {
            for (i, _) in &p.lines {
                assert_eq!(*i, seen, "lines in order");
                seen += 1;
                for &note in &lines[*i].notes {
                    let first = p.notes.iter().any(|(part, _)| part.note == note && part.from == 0);
                    assert!(
                        first,
                        "page {}: line {i} calls note {note} whose first line is elsewhere",
                        n + 1
                    );
                }
            }
            let used =
                body_height(lines, p.lines.first().map_or(0, |l| l.0), p.lines.last().map_or(0, |l| l.0 + 1));
            let parts: Vec<NotePart> = p.notes.iter().map(|(x, _)| x.clone()).collect();
            assert!(
                used + notes_height(notes, &parts, FRAME) <= FRAME.height + Pt(1e-6) || p.lines.len() <= 1,
                "page {} overfull",
                n + 1
            );
        }
        assert_eq!(seen, lines.len());
        for (k, note) in notes.iter().enumerate() {
            let placed: usize = pages
                .iter()
                .flat_map(|p| &p.notes)
                .filter(|(x, _)| x.note == k)
                .map(|(x, _)| x.to - x.from)
                .sum();
            assert_eq!(placed, note.lines.len(), "note {k} placed whole");
        }
    }

    /// A float of `height` as paragraph `para`.
    fn float(para: usize, height: f64) -> BodyLine {
        BodyLine { height: Pt(height), float: true, ..para_lines(para, 1).remove(0) }
    }

    #[test]
    fn a_float_that_does_not_fit_leads_the_next_page_and_the_text_fills_this_one() {
        // Six lines, a figure of 60 pt (five lines' worth), ten more lines.
        let mut lines = para_lines(0, 6);
        lines.push(float(1, 60.0));
        lines.extend(para_lines(2, 10));
        let pages = paginate(&lines, &[], FRAME);
        let first: Vec<usize> = pages[0].lines.iter().map(|l| l.0).collect();
        let second: Vec<usize> = pages[1].lines.iter().map(|l| l.0).collect();
        // Page 1: lines 0–5, then 8–11 of the next paragraph (line 7 and 8 move on with
        // them); page 2 opens with the figure (line 6).
        assert_eq!(first.len(), 10, "{first:?}");
        assert!(!first.contains(&6), "{first:?}");
        assert_eq!(second[0], 6, "{second:?}");
        // Every line once.
        let mut all: Vec<usize> = pages.iter().flat_map(|p| p.lines.iter().map(|l| l.0)).collect();
        all.sort_unstable();
        assert_eq!(all, (0..lines.len()).collect::<Vec<_>>());
    }

    #[test]
    fn floats_keep_their_order_and_one_that_fits_stays_where_it_stands() {
        let mut lines = para_lines(0, 2);
        lines.push(float(1, 24.0));
        lines.extend(para_lines(2, 6));
        lines.push(float(3, 100.0));
        lines.push(float(4, 100.0));
        lines.extend(para_lines(5, 3));
        let pages = paginate(&lines, &[], FRAME);
        let order: Vec<usize> = pages.iter().flat_map(|p| p.lines.iter().map(|l| l.0)).collect();
        let at = |i: usize| order.iter().position(|&x| x == i).unwrap();
        assert_eq!(at(2), 2, "the small figure stays: {order:?}");
        assert!(at(9) < at(10), "{order:?}");
    }

    #[test]
    fn a_table_row_that_starts_a_page_leaves_room_for_the_repeated_header() {
        let mut lines = para_lines(0, 20);
        lines.iter_mut().for_each(|l| {
            (l.para_lines, l.index, l.head) = (1, 0, Pt(24.0));
        });
        // The header rows themselves (the first line here) have nothing repeated above.
        lines[0].head = Pt::ZERO;
        let pages = paginate(&lines, &[], FRAME);
        assert_eq!(pages[0].lines.len(), 10);
        assert_eq!(pages[0].lines[0].1, Pt::ZERO);
        // Page 2 starts 24 pt down and holds two rows fewer.
        assert_eq!(pages[1].lines[0].1, Pt(24.0));
        assert_eq!(pages[1].lines.len(), 8);
    }

    #[test]
    fn lines_without_notes_fill_pages() {
        let lines = para_lines(0, 25);
        let pages = paginate(&lines, &[], FRAME);
        assert_eq!(pages.iter().map(|p| p.lines.len()).collect::<Vec<_>>(), [10, 10, 5]);
        check(&lines, &[], &pages);
    }

    #[test]
    fn a_note_shares_the_page_of_its_call() {
        let mut lines = para_lines(0, 20);
        lines[8].notes = vec![0];
        let notes = vec![NoteLines { label: "1".into(), lines: vec![Pt(10.0); 2] }];
        let pages = paginate(&lines, &notes, FRAME);
        check(&lines, &notes, &pages);
        let d = dump(&pages, &notes);
        // 6 (rule) + 20 (note) leaves 94 pt: 7 lines; line 8 and its note go to page 2.
        assert!(d.contains("p2 line 8 y=0.0") && d.contains("p2 note 1 starts"), "{d}");
    }

    #[test]
    fn a_long_note_spills_before_the_next_pages_notes() {
        let mut lines = para_lines(0, 14);
        lines[5].notes = vec![0];
        lines[9].notes = vec![1];
        let notes = vec![
            NoteLines { label: "7".into(), lines: vec![Pt(10.0); 9] },
            NoteLines { label: "8".into(), lines: vec![Pt(10.0); 1] },
        ];
        let pages = paginate(&lines, &notes, FRAME);
        check(&lines, &notes, &pages);
        let d = dump(&pages, &notes);
        let cont = d.find("note 7 continues").expect(&d);
        let eight = d.find("note 8 starts").expect(&d);
        assert!(cont < eight, "{d}");
        assert_eq!(&d[cont - 3..cont - 1], "p2", "{d}");
    }

    #[test]
    fn widows_orphans_and_headings() {
        // 9 lines of one paragraph, then a heading, then 5 lines: the heading must not end
        // page 1, and page 2 must not start with a lone last line.
        let mut lines = para_lines(0, 9);
        let mut h = para_lines(1, 1);
        h[0].keep_with_next = true;
        lines.extend(h);
        lines.extend(para_lines(2, 5));
        let pages = paginate(&lines, &[], FRAME);
        check(&lines, &[], &pages);
        let last_on_1 = pages[0].lines.last().unwrap().0;
        assert!(!lines[last_on_1].keep_with_next, "a heading at the foot");
        // A paragraph of 11 lines: the 11th alone on page 2 would be a widow.
        let lines = para_lines(0, 11);
        let pages = paginate(&lines, &[], FRAME);
        assert_eq!(pages[1].lines.len(), 2, "{pages:?}");
    }

    #[test]
    fn body_text_never_pushes_a_continued_note_past_the_next_page() {
        // A 14-line note called near the foot of page 1, then body text for pages on end:
        // the rest of the note must lead page 2's notes, not wait for a page with room.
        let mut lines = para_lines(0, 60);
        lines[7].notes = vec![0];
        let notes = vec![NoteLines { label: "7".into(), lines: vec![Pt(10.0); 14] }];
        let pages = paginate(&lines, &notes, FRAME);
        check(&lines, &notes, &pages);
        let on: Vec<usize> =
            (0..pages.len()).filter(|&p| pages[p].notes.iter().any(|(n, _)| n.note == 0)).collect();
        assert_eq!(on, (on[0]..on[0] + on.len()).collect::<Vec<_>>(), "on consecutive pages: {on:?}");
        // One line on page 1, then five a page: half the 120 pt column, less the rule.
        assert_eq!(on.len(), 4, "{}", dump(&pages, &notes));
    }

    #[test]
    fn a_page_does_not_end_with_a_hyphenated_line() {
        let mut lines = para_lines(0, 20);
        let pages = paginate(&lines, &[], FRAME);
        let natural = pages[0].lines.len();
        lines[natural - 1].hyphenated = true;
        let pages = paginate(&lines, &[], FRAME);
        check(&lines, &[], &pages);
        assert_eq!(pages[0].lines.len(), natural - 1, "the hyphenated line moves over");
        assert!(!lines[pages[0].lines.last().unwrap().0].hyphenated);
    }

    #[test]
    fn a_note_taller_than_a_page_still_ends() {
        let mut lines = para_lines(0, 3);
        lines[0].notes = vec![0];
        let notes = vec![NoteLines { label: "1".into(), lines: vec![Pt(10.0); 30] }];
        let pages = paginate(&lines, &notes, FRAME);
        check(&lines, &notes, &pages);
        assert!(pages.len() >= 3);
    }
}
