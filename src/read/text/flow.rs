//! The body's flow: page texts, headings and the note blocks that cut them.
//!
//! A note block is a run of note lines: lines opening with a label, plus unlabeled lines
//! that sit among them (a note that lost its label, or the rest of a note from the page
//! before). Everything else is page text or a heading.

use super::features::{citation_like, heading_level, heading_like, is_numbered_heading};
use super::join::{ends_sentence, starts_lower};
use super::markers::{find_calls, Candidate, Form};
use super::units::{is_page_number, is_separator, Unit};
use crate::diag::Diagnostic;
use std::collections::HashMap;

/// One line of a note block.
#[derive(Debug, Clone)]
pub struct NoteLine {
    /// The printed label; `None` when the source lost it.
    pub label: Option<String>,
    /// The note text, label removed.
    pub text: String,
    /// Source line.
    pub line: u32,
    /// The page analysis found the line to go on with the note before (set apart by a blank
    /// line inside the note zone, or run over from the page before).
    pub rest: bool,
}

/// An element of the body flow.
#[derive(Debug, Clone)]
pub enum Item {
    /// Page text (a paragraph, or a piece of one cut by a note block).
    Text {
        /// The text, lines joined.
        text: String,
        /// Source line.
        line: u32,
    },
    /// A section heading.
    Heading {
        /// The heading as printed.
        text: String,
        /// Nesting level.
        level: u8,
    },
    /// The notes at the foot of one page.
    Notes(Vec<NoteLine>),
    /// A table or figure (its index among the text's floats), its lines taken out of the
    /// text: the paragraph it interrupts goes on after it.
    Float(usize),
    /// A printed page begins: its text is the next text or heading (see [`pagination`]).
    Page {
        /// The page number as printed.
        n: String,
    },
}

/// Plain-digit labels are trusted only when they continue the note sequence.
fn plain_label_fits(label: &str, last: Option<u32>, after_text: bool) -> bool {
    let Ok(n) = label.parse::<u32>() else { return false };
    match last {
        Some(l) => n == l + 1 || n == l + 2 || (n == 1 && after_text),
        None => n == 1 || n == 2,
    }
}

/// Returns the label and text offset when `unit` opens a note line.
fn note_start(unit: &Unit, last: Option<u32>, after_text: bool) -> Option<(String, usize)> {
    let (m, at) = unit.label()?;
    // The page analysis checked a foot note's number against the page and its calls.
    if m.form == Form::Plain && !unit.is_foot_note() {
        let text = unit.text();
        if !plain_label_fits(&m.label, last, after_text)
            || is_numbered_heading(text)
            || text.chars().count() > 2000
        {
            return None;
        }
    }
    Some((m.label.clone(), *at))
}

/// Finds lines that repeat on many pages (running heads), keyed with digits removed.
pub(super) fn running_heads(units: &[Unit]) -> HashMap<String, usize> {
    // (count, page of the last occurrence counted): a head is printed once a page, so two
    // lines of one page (the ends of two notes, `(1830–1914) (Ankara: …, 2009), 211–248.`)
    // count once, where the text marks its pages (form feeds, folios).
    let marks_page =
        |u: &Unit| u.lines.iter().any(|l| l.text.starts_with('\u{c}')) || is_page_number(u.first());
    let paged = units.iter().any(marks_page);
    let mut page = 0;
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for u in units {
        page += usize::from(!paged || marks_page(u));
        let t = u.first();
        if u.lines.len() == 1 && t.chars().count() <= 100 && u.label().is_none() && !is_separator(t) {
            let seen = counts.entry(running_key(t)).or_insert((0, usize::MAX));
            if seen.1 != page {
                *seen = (seen.0 + 1, page);
            }
        }
    }
    let mut counts: HashMap<String, usize> = counts.into_iter().map(|(k, (n, _))| (k, n)).collect();
    // A head has words: lines that are numbers and punctuation alike (`1911), 23–61.` and
    // `1992), 88–131.`, the ends of two notes) are not one line repeated.
    counts.retain(|k, n| *n >= 2 && k.chars().filter(|c| c.is_alphabetic()).nth(1).is_some());
    counts
}

/// Longest line (in bytes) looked up among the running heads; longer lines are never one.
pub(super) const MAX_RUNNING_BYTES: usize = 1024;

pub(super) fn running_key(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Segments `units` (the body, up to the references) into flow items.
pub fn segment(units: &[Unit], diags: &mut Vec<Diagnostic>) -> Vec<Item> {
    let running = running_heads(units);
    let next_typographic = next_typographic_labels(units);
    let mut items: Vec<Item> = Vec::new();
    let mut block: Option<Vec<NoteLine>> = None;
    let mut last: Option<u32> = None;
    let mut after_separator = false;
    let mut pages = Pagination::default();
    let turning = heads_with_page_numbers(units, &running);
    let paged = units.iter().any(|u| u.lines.iter().any(|l| l.text.starts_with('\u{c}')));
    let significant = |j: usize| {
        // (A note whose number stands alone on its first line is no page number.)
        units[j..]
            .iter()
            .position(|u| !is_separator(u.first()) && (!is_page_number(u.first()) || u.is_foot_note()))
            .map(|k| j + k)
    };
    for (i, unit) in units.iter().enumerate() {
        let first = unit.first();
        if paged && unit.lines.iter().any(|l| l.text.starts_with('\u{c}')) {
            pages.new_page(items.len());
        }
        if let Some(k) = unit.float() {
            if let Some(b) = block.take() {
                items.push(Item::Notes(b));
            }
            items.push(Item::Float(k));
            after_separator = false;
            continue;
        }
        if is_separator(first) {
            after_separator = true;
            continue;
        }
        if unit.is_moved_label() {
            diags.push(Diagnostic::info(
                "dropped-line",
                unit.line(),
                format!("dropped note number `{first}` printed apart from its note (the note is numbered where its text begins)"),
            ));
            continue;
        }
        if is_page_number(first) && !unit.is_foot_note() {
            let n = first.trim().trim_matches(|c: char| matches!(c, '-' | '—' | '–' | ' '));
            if !pages.folio(n, unit.line(), items.len(), block.is_some()) {
                let message = format!("dropped page number `{first}`: its page is numbered already");
                diags.push(Diagnostic::info("dropped-line", unit.line(), message));
            }
            continue;
        }
        // Running heads are short (`running_heads` counts lines of at most 100 characters):
        // a long line is not keyed at all, which keeps a 50 MB line cheap.
        let head_key = (unit.lines.len() == 1 && !unit.is_foot_note() && first.len() <= MAX_RUNNING_BYTES)
            .then(|| running_key(first))
            .filter(|k| running.contains_key(k));
        if let Some(key) = head_key {
            diags.push(Diagnostic::info(
                "dropped-line",
                unit.line(),
                format!("dropped running head `{first}`"),
            ));
            // `212 | A. AUTHOR`, `Title 213`: the page's number, printed in its head (a number
            // that changes from page to page; a volume or issue number does not).
            // (A number repeated on a numbered page is the running head's, already reported.)
            if let Some(n) = head_folio(first).filter(|_| turning.contains(&key)) {
                pages.folio(n, unit.line(), items.len(), block.is_some());
            }
            continue;
        }
        let after_text = matches!(items.last(), Some(Item::Text { .. })) && block.is_none();
        if let Some((label, at)) = note_start(unit, last, after_text) {
            if let Ok(n) = label.parse() {
                last = Some(n);
            }
            let text = unit.text_from(at);
            block.get_or_insert_with(Vec::new).push(NoteLine {
                label: Some(label),
                text,
                line: unit.line(),
                rest: false,
            });
            after_separator = false;
            continue;
        }
        let text = unit.text().to_string();
        if unit.is_note_rest() {
            // The page analysis saw the rest of the note before, set apart above the zone.
            block.get_or_insert_with(Vec::new).push(NoteLine {
                label: None,
                text,
                line: unit.line(),
                rest: true,
            });
            after_separator = false;
            continue;
        }
        let calls = find_calls(&text);
        let ctx = Context {
            last,
            in_block: block.is_some() || after_separator,
            before_separator: units.get(i + 1).is_some_and(|u| is_separator(u.first())),
            next_label: significant(i + 1).and_then(|j| note_start(&units[j], last, false)).map(|(l, _)| l),
            prev_text_open: matches!(items.iter().rev().find(|it| !matches!(it, Item::Notes(_) | Item::Float(_))), Some(Item::Text { text, .. }) if !ends_sentence(text)),
            prev_note_open: block
                .as_ref()
                .and_then(|b| b.last())
                .or_else(|| {
                    items.iter().rev().find_map(|it| if let Item::Notes(b) = it { b.last() } else { None })
                })
                .is_some_and(|n| !ends_sentence(&n.text)),
            next_typographic: next_typographic.get(i + 1).copied().flatten(),
            after_heading: block.is_none() && matches!(items.last(), Some(Item::Heading { .. })),
            page_start: unit.lines.first().is_some_and(|l| l.text.starts_with('\u{c}')),
        };
        if belongs_to_block(&text, &calls, &ctx) {
            block.get_or_insert_with(Vec::new).push(NoteLine {
                label: None,
                text,
                line: unit.line(),
                rest: false,
            });
            after_separator = false;
            continue;
        }
        if let Some(b) = block.take() {
            items.push(Item::Notes(b));
        }
        after_separator = false;
        // Page text cut by a note block is no heading, nor is text with typographic calls.
        let has_calls = calls.iter().any(|c| c.marker.form.is_typographic());
        if heading_like(&text)
            && !ctx.prev_text_open
            && !starts_lower(&text)
            && ctx.next_label.is_none()
            && !ctx.before_separator
            && !has_calls
        {
            let level = heading_level(&text);
            items.push(Item::Heading { text, level });
        } else {
            items.push(Item::Text { text, line: unit.line() });
        }
    }
    if let Some(b) = block.take() {
        items.push(Item::Notes(b));
    }
    pages.place(&mut items, diags);
    items
}

/// The printed page numbers met so far and where each page's text begins.
///
/// A page begins at a form feed, or (in a text without them) right after the folio that
/// ended the page before. A folio printed before anything else of its page is its head
/// (the page begins there); one printed after some of the page's text or notes is its foot
/// (the page began at the last page start). A second number on a page already numbered
/// begins the next page (a text without form feeds whose folios are at the heads).
#[derive(Debug, Default)]
struct Pagination {
    /// (index of the item the page's text begins before, printed number, source line).
    found: Vec<(usize, String, u32)>,
    /// Where the current page's items begin.
    start: usize,
    /// Whether the current page has its number.
    numbered: bool,
}

impl Pagination {
    /// A form feed: a page begins before item `at`.
    fn new_page(&mut self, at: usize) {
        self.start = at;
        self.numbered = false;
    }

    /// A folio `n` on source line `line`, printed when `at` items are made (`open_notes`: a
    /// note block is open).
    /// Returns false for a number printed again at the head of a page already numbered (left
    /// out; the caller reports it).
    fn folio(&mut self, n: &str, line: u32, at: usize, open_notes: bool) -> bool {
        let printed_before = at > self.start || open_notes;
        if self.numbered {
            if !printed_before {
                return false;
            }
            self.found.push((at, n.to_string(), line));
            self.start = at;
        } else if printed_before {
            self.found.push((self.start, n.to_string(), line));
            self.start = at;
        } else {
            self.found.push((at, n.to_string(), line));
            self.numbered = true;
        }
        true
    }

    /// Inserts the pages into `items`. Page numbers go up one by one: of the numbers found,
    /// the longest run that does is kept, and the others (a note number or a year alone on
    /// its line, in a text whose columns the extractor mixed) are reported and left out. The
    /// first page's number is inferred from the second's (`k - 1`) when the text before the
    /// first folio's page was not numbered.
    fn place(mut self, items: &mut Vec<Item>, diags: &mut Vec<Diagnostic>) {
        let run = longest_run(&self.found);
        let mut in_run = vec![false; self.found.len()];
        run.iter().for_each(|&k| in_run[k] = true);
        for (k, (_, n, line)) in self.found.iter().enumerate() {
            if !in_run[k] {
                let message =
                    format!("dropped `{n}`: a number alone on its line, not in the run of page numbers");
                diags.push(Diagnostic::info("dropped-line", *line, message));
            }
        }
        let mut kept: Vec<(usize, String)> =
            run.into_iter().map(|k| (self.found[k].0, std::mem::take(&mut self.found[k].1))).collect();
        if let Some((at, n)) = kept.first() {
            let before = items[..(*at).min(items.len())].iter().any(|it| !matches!(it, Item::Notes(_)));
            if let Some(k) = n.parse::<u32>().ok().filter(|k| *k > 1 && before) {
                kept.insert(0, (0, (k - 1).to_string()));
            }
        }
        for (at, n) in kept.into_iter().rev() {
            items.insert(at.min(items.len()), Item::Page { n });
        }
    }
}

/// The indices of the longest run of `found` whose numbers go up one by one (a single
/// number is a run of one).
///
/// One pass: for each number, the longest run ending at it extends the longest run ending at
/// the number one less seen before it (linear in the folios, however many a hostile text has).
fn longest_run(found: &[(usize, String, u32)]) -> Vec<usize> {
    // For each value, the (length, index) of the longest run ending at it so far.
    let mut ending: HashMap<u32, (usize, usize)> = HashMap::new();
    let mut before: Vec<Option<usize>> = vec![None; found.len()];
    let mut best: Option<(usize, usize)> = None;
    for (k, (_, n, _)) in found.iter().enumerate() {
        let Ok(v) = n.parse::<u32>() else { continue };
        let prev = v.checked_sub(1).and_then(|p| ending.get(&p)).copied();
        let len = prev.map_or(1, |(l, _)| l + 1);
        before[k] = prev.map(|(_, i)| i);
        if ending.get(&v).is_none_or(|&(l, _)| len > l) {
            ending.insert(v, (len, k));
        }
        if best.is_none_or(|(l, _)| len > l) {
            best = Some((len, k));
        }
    }
    let mut run = Vec::new();
    let mut at = best.map(|(_, k)| k);
    while let Some(k) = at {
        run.push(k);
        at = before[k];
    }
    run.reverse();
    run
}

/// The running heads (by key) whose number at the start or end differs on every page they
/// are printed on: page numbers, not a volume's.
fn heads_with_page_numbers(
    units: &[Unit],
    running: &HashMap<String, usize>,
) -> std::collections::HashSet<String> {
    let mut numbers: HashMap<String, Vec<&str>> = HashMap::new();
    for u in units {
        let t = u.first();
        if u.lines.len() == 1 && t.len() <= MAX_RUNNING_BYTES && !u.is_foot_note() {
            let key = running_key(t);
            if running.contains_key(&key) {
                if let Some(n) = head_folio(t) {
                    numbers.entry(key).or_default().push(n);
                }
            }
        }
    }
    numbers
        .into_iter()
        .filter(|(_, ns)| {
            let mut distinct = ns.clone();
            distinct.sort_unstable();
            distinct.dedup();
            distinct.len() >= 2 && distinct.len() == ns.len()
        })
        .map(|(k, _)| k)
        .collect()
}

/// The page number printed in a running head: a number of one to four digits at its start
/// or its end (`212 | A. AUTHOR`, `Journal of History 213`), not a year.
fn head_folio(line: &str) -> Option<&str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    [words.first().copied(), words.last().copied()].into_iter().flatten().find(|w| {
        w.len() <= 4
            && w.chars().all(|c| c.is_ascii_digit())
            && !(w.len() == 4 && matches!(w.parse::<u32>(), Ok(1800..=2099)))
    })
}

/// What the segmenter knows around an unlabeled unit.
struct Context {
    /// The last numeric note label read.
    last: Option<u32>,
    /// A note block is open, or a separator announced one.
    in_block: bool,
    /// A separator follows: this unit ends a page's text.
    before_separator: bool,
    /// The label of the next note line, if a note line comes next.
    next_label: Option<String>,
    /// The last page text stopped mid-sentence (the next page will continue it).
    prev_text_open: bool,
    /// The last note stopped mid-sentence (it may run on).
    prev_note_open: bool,
    /// The next typographic label further on.
    next_typographic: Option<u32>,
    /// The unit comes right after a heading of the page's text (the paragraph it heads).
    after_heading: bool,
    /// The unit opens a page (its first line starts with a form feed).
    page_start: bool,
}

/// For every unit, the first typographic numeric label at or after it (one backward pass).
fn next_typographic_labels(units: &[Unit]) -> Vec<Option<u32>> {
    let mut out = vec![None; units.len()];
    let mut next = None;
    for (i, u) in units.iter().enumerate().rev() {
        if let Some((m, _)) = u.label().filter(|(m, _)| m.form != Form::Plain) {
            next = m.label.parse().ok().or(next);
        }
        out[i] = next;
    }
    out
}

/// The most notes one page's note zone holds, for telling its calls in the text above.
const MAX_ZONE_NOTES: u32 = 30;

/// Decides whether an unlabeled unit is a note line (a note that lost its label, or the
/// rest of the note before) or page text, from the note sequence around it.
fn belongs_to_block(text: &str, calls: &[Candidate], ctx: &Context) -> bool {
    let len = text.chars().count();
    // A heading heads page text: notes are printed apart from it, never right below it.
    if ctx.before_separator || ctx.after_heading || len > 2000 {
        return false;
    }
    let p = ctx.last.unwrap_or(0);
    let q = ctx.next_label.as_deref().and_then(|l| l.parse::<u32>().ok());
    // Page text carries the calls of the notes that follow it.
    let calls_ahead = calls.iter().any(|c| {
        let n = c.marker.label.parse::<u32>().unwrap_or(0);
        let in_range = n > p && q.is_none_or(|q| n <= q)
            || ctx.next_label.is_some() && q.is_some_and(|q| q <= p) && n >= 1;
        in_range && (c.marker.form.is_typographic() || n == p + 1)
    });
    // Plain numbers count too when several go up from the next note line's number: the
    // page's text calls the notes of the zone below it (`…партіями.9 … мала.11`, then `5`);
    // one such number in a citation is a page or a folio.
    let mut in_zone: Vec<u32> = calls
        .iter()
        .filter_map(|c| c.marker.label.parse::<u32>().ok())
        .filter(|&n| q.is_some_and(|q| q > p && n >= q && n <= q + MAX_ZONE_NOTES))
        .collect();
    in_zone.dedup();
    let calls_ahead = calls_ahead || in_zone.windows(2).any(|w| w[0] < w[1]);
    if calls_ahead {
        return false;
    }
    let looks_like_note = citation_like(text) || starts_lower(text);
    match q {
        // Labels on both sides leave numbers free: a note that lost its label.
        Some(q) if q > p + 1 && ctx.last.is_some() => ctx.in_block || looks_like_note,
        // No number free: the rest of the previous note, if that note is open.
        Some(_) => ctx.prev_note_open && (ctx.in_block || (!ctx.prev_text_open && looks_like_note)),
        // The end of a block: only a gap in the numbering makes it a note; never at the top of
        // the next page, where the page's text begins (its notes come at its foot).
        None => {
            !ctx.page_start
                && ctx.in_block
                && len <= 500
                && citation_like(text)
                && matches!((ctx.next_typographic, ctx.last), (Some(q), Some(l)) if q == l + 2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::units::units;

    fn kinds(src: &str) -> Vec<String> {
        let u = units(src);
        let mut d = Vec::new();
        segment(&u, &mut d)
            .into_iter()
            .map(|it| match it {
                Item::Text { .. } => "T".to_string(),
                Item::Heading { .. } => "H".to_string(),
                Item::Page { n } => format!("P{n}"),
                Item::Float(k) => format!("F{k}"),
                Item::Notes(n) => format!(
                    "N{}",
                    n.iter().map(|l| l.label.clone().unwrap_or("?".into())).collect::<Vec<_>>().join(",")
                ),
            })
            .collect()
    }

    /// The first paragraph of a page, without calls and with no note line after it, is page
    /// text, never a note of the page before that lost its label (per-page numbering, where
    /// the next page's notes restart at 1).
    #[test]
    fn a_page_top_paragraph_is_no_note_of_the_page_before() {
        // (The next typographic label is two on from the last note: a number seems free.)
        let src = "Page text with a call.¹ And more of it, with the next call here.²\n\n1 Smith, Trade, 1990, p. 5.\n2 Jones, Barges, 1992, p. 7.\n\n\u{c}Russland beschrieben, dann werden die Einkäufer vorgestellt, bevor ein Schluss (1914) folgt.\n\nThe Second Part\n\nIn 1919 the duma opened new schools in every quarter of the city.³ And more.⁴\n\n3 ARDA, f. 28.\n⁴ ARDA, f. 29.";
        assert_eq!(kinds(src), ["T", "N1,2", "T", "H", "T", "N3,4"]);
    }

    /// The paragraph under a heading is page text even where the note before it stops
    /// mid-sentence and the text has a year (a note would read as a citation).
    #[test]
    fn the_paragraph_under_a_heading_never_goes_on_with_a_note() {
        let src = "Page text with a call.1 And more of it, with the next call here,2 to the end.\n\n1 Smith, Trade, 1990, p. 5, and\n\n2 Jones, Barges, 1992\n\nThe Second Part\n\nIn 1919 the duma opened new schools in every quarter of the city, and more followed\n\n3 ARDA, f. 28.";
        assert_eq!(kinds(src), ["T", "N1,2", "H", "T", "N3"]);
    }

    #[test]
    fn blocks_with_unlabeled_lines_between_labels() {
        let src = "Page one text with a call¹ and another² and more, until the page is cut and the\n\n¹ Author A., \"Title\", 1999.\n\nAuthor B., \"Other\", 2001.\n\n³ Author C., \"Third\", 2003.\n\nsentence goes on³ here.";
        assert_eq!(kinds(src), ["T", "N1,?,3", "T"]);
    }

    #[test]
    fn plain_labels_follow_the_sequence() {
        let src = "Text with a call.1 More text with a call.2 Then the page is cut and the\n\n1 Author A., Title, 1999.\n\n2 Author B., Title, 2001.\n\n1920 was a year of war, and the text goes on for a while, long enough to be prose, until it stops.";
        assert_eq!(kinds(src), ["T", "N1,2", "T"]);
    }

    #[test]
    fn headings_between_pages() {
        let src =
            "The first section ends here with a full sentence.\n\n2. Methods\n\nThe second section starts.";
        assert_eq!(kinds(src), ["T", "H", "T"]);
    }

    /// Lines of numbers and punctuation that look alike are no running head: they are the
    /// ends of notes (`1911), 23–61.`); a head has words.
    #[test]
    fn a_running_head_has_words() {
        let src = "Top of page\n\nText.\n\n1911), 23–61.\n\nTop of page\n\nMore.\n\n1992), 88–131.\n";
        let u = units(src);
        let heads = running_heads(&u);
        assert_eq!(heads.keys().collect::<Vec<_>>(), ["Top of page"]);
    }

    /// A head is printed once a page: two alike lines of one page (the ends of two notes) are
    /// no head where the text marks its pages.
    #[test]
    fn lines_alike_on_one_page_are_no_running_head() {
        let src = "Text.\n\n(1830–1914) (Ankara: Türk Tarih Kurumu, 2009), 211–248.\n\n\
                   (1865–1914) (Ankara: Türk Tarih Kurumu, 1996), 13–29.\n\n1\n\u{c}Trade and Quarantine\n\n\
                   More.\n\n2\n\u{c}Trade and Quarantine\n\nEnd.\n";
        let u = units(src);
        let heads = running_heads(&u);
        assert_eq!(heads.keys().collect::<Vec<_>>(), ["Trade and Quarantine"]);
    }

    #[test]
    fn page_numbers_are_milestones_where_their_pages_begin() {
        // Folios at the feet of pages, one cutting a sentence: each page begins where its
        // text does; the first page's number is inferred from the second's.
        let src = "The text of the first page is a paragraph of several lines. It tells of the merchants\nof the port and of their letters to the governor, and it runs on to the foot of\nthe page, where it stops in the middle of a sentence that the next page\n\n12\n\u{c}ends, as printed pages do.\n\nMore text here.\n\n13\n\u{c}Third page text.\n\n14\n";
        assert_eq!(kinds(src), ["P12", "T", "P13", "T", "T", "P14", "T"]);
        // A folio at the head of its page opens it; the page before is inferred.
        let src = "Opening text of the article\nin two lines.\n\u{c}8\n\nSecond page text.\n\u{c}9\n\nThird page text.\n";
        assert_eq!(kinds(src), ["P7", "T", "P8", "T", "P9", "T"]);
    }

    #[test]
    fn a_number_out_of_the_run_of_pages_is_no_page() {
        let found: Vec<(usize, String, u32)> = ["1", "1909", "2", "3", "1914", "4"]
            .iter()
            .enumerate()
            .map(|(k, n)| (k, n.to_string(), 1))
            .collect();
        assert_eq!(longest_run(&found), [0, 2, 3, 5]);
        // A hostile text's hundred thousand numbers, the pages among noise: one pass.
        let many: Vec<(usize, String, u32)> = (0..100_000u32)
            .map(|k| (k as usize, if k % 2 == 0 { (k / 2 + 1).to_string() } else { "7".into() }, 1))
            .collect();
        assert_eq!(longest_run(&many).len(), 50_000);
        assert_eq!(head_folio("212 | A. AUTHOR"), Some("212"));
        assert_eq!(head_folio("Caucasus Review 2019"), None);
    }
}
