//! Note blocks that close a column, not the page: two-column pages read column by column.
//!
//! On a two-column page the notes sit under their column. PyMuPDF, PDFBox and pdfminer.six
//! read the left column, its notes, the right column, then its notes: the left column's
//! notes stand in the middle of the page's text, and the right column's text would read as
//! the rest of the last of them. Such a block is told by what follows it: the text goes on
//! (its sentence ended, a column of lines follows) and calls the note after the block's
//! last, whose own note opens a line further down the page. The block is moved down to
//! stand above that note, so that the page reads text, then notes, as on one column; every
//! move is reported.

use super::join::{ends_sentence, starts_lower};
use super::pages::{call_numbers, opening_number, pages};
use crate::diag::Diagnostic;
use std::borrow::Cow;

/// The fewest non-blank lines from the next note's call to that note: a column holds many
/// more, a note's own lines rarely as many after a number glued to a word.
const MIN_COLUMN_LINES: usize = 4;

/// At most this many blocks are moved on one page (two columns, a few blocks at most).
const MAX_BLOCKS: usize = 4;

/// At most this many lines between two notes of a block, text included (a column holds a
/// few dozen): a hostile text of one endless page stays linear.
const MAX_SPAN: usize = 300;

/// Moves every column's note block below the text of the page; returns the text unchanged
/// (borrowed) when no page has one. `origin` holds the source's line number of each line of
/// `src` and is moved with the lines.
pub fn restore<'a>(src: &'a str, origin: &mut Vec<u32>, diags: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut order: Vec<usize> = Vec::with_capacity(lines.len());
    let mut moved = false;
    for page in page_ranges(&lines) {
        let mut idx: Vec<usize> = page.collect();
        let mut blocks = 0;
        for _ in 0..MAX_BLOCKS {
            let view: Vec<&str> = idx.iter().map(|&i| lines[i]).collect();
            let Some(b) = column_block(&view) else { break };
            diags.push(Diagnostic::info(
                "extraction-column-notes",
                origin.get(idx[b.notes.start]).copied().unwrap_or(idx[b.notes.start] as u32 + 1),
                format!(
                    "notes {}–{} close a column, not the page (a two-column page read column by column): \
                     they are read after the text of the page",
                    b.first, b.last
                ),
            ));
            let block: Vec<usize> = idx[b.notes.clone()].to_vec();
            let after: Vec<usize> = idx[b.notes.end..b.to].to_vec();
            idx.splice(b.notes.start..b.to, after.into_iter().chain(block));
            moved = true;
            blocks += 1;
        }
        // A block after which the page calls no more notes: the next column's text (often
        // the reference list) goes on below it to the page's end. (Where a column calls
        // notes, its notes close the page: the blocks above are all there is.)
        let view: Vec<&str> = idx.iter().map(|&i| lines[i]).collect();
        if let Some(b) = (blocks == 0).then(|| tail_block(&view)).flatten() {
            diags.push(Diagnostic::info(
                "extraction-column-notes",
                origin.get(idx[b.notes.start]).copied().unwrap_or(idx[b.notes.start] as u32 + 1),
                format!(
                    "notes {}–{} close a column, not the page (their lines are longer than the \
                     column's text that follows them): they are read after the text of the page",
                    b.first, b.last
                ),
            ));
            let block: Vec<usize> = idx[b.notes.clone()].to_vec();
            let after: Vec<usize> = idx[b.notes.end..b.to].to_vec();
            idx.splice(b.notes.start..b.to, after.into_iter().chain(block));
            moved = true;
        }
        order.extend(idx);
    }
    if !moved {
        return Cow::Borrowed(src);
    }
    *origin = order.iter().map(|&i| origin.get(i).copied().unwrap_or(i as u32 + 1)).collect();
    Cow::Owned(order.iter().map(|&i| lines[i]).collect::<Vec<_>>().join("\n"))
}

/// The pages: from each line holding a form feed (some extractors run the folio into it:
/// `12\u{c}Next page`), else as the page analysis finds them (after the folios).
fn page_ranges(lines: &[&str]) -> Vec<std::ops::Range<usize>> {
    if !lines.iter().any(|l| l.contains('\u{c}')) {
        return pages(lines);
    }
    let mut starts: Vec<usize> = (1..lines.len()).filter(|&i| lines[i].contains('\u{c}')).collect();
    starts.insert(0, 0);
    let mut out: Vec<_> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    out.extend(starts.last().map(|&s| s..lines.len()));
    out
}

/// A block of notes that closes a column.
#[derive(Debug, PartialEq, Eq)]
struct Block {
    /// Its lines (with the blank lines above it).
    notes: std::ops::Range<usize>,
    /// The line its notes go before: the first note of the next block.
    to: usize,
    /// The first note's number.
    first: u32,
    /// The last note's number.
    last: u32,
}

/// The first block of `page` (its lines) that closes a column.
fn column_block(page: &[&str]) -> Option<Block> {
    let blank = |i: usize| page[i].trim().is_empty();
    // Lines opening a note: a number glued or spaced to text, or alone above its text.
    let cands: Vec<(usize, u32)> = (0..page.len())
        .filter_map(|i| {
            let (n, _, alone) = opening_number(page[i])?;
            (!alone || i + 1 < page.len() && !blank(i + 1) && opening_number(page[i + 1]).is_none())
                .then_some((i, n))
        })
        .collect();
    let calls: Vec<Vec<u32>> = page.iter().map(|l| call_numbers(l)).collect();
    // The first line calling each number.
    let mut first_call: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (i, c) in calls.iter().enumerate() {
        for &n in c {
            first_call.entry(n).or_insert(i);
        }
    }
    // Non-blank lines before each line.
    let mut filled = vec![0usize; page.len() + 1];
    for i in 0..page.len() {
        filled[i + 1] = filled[i] + usize::from(!blank(i));
    }
    for (a, &(start, first)) in cands.iter().enumerate() {
        if start == 0 || first_call.get(&first).is_none_or(|&c| c >= start) {
            continue;
        }
        // The block's notes: the following candidates that go on with the numbers, before
        // the text resumes.
        let mut last = (start, first);
        for &(i, n) in &cands[a + 1..] {
            if i - last.0 > MAX_SPAN {
                break;
            }
            if n != last.1 + 1 {
                continue;
            }
            if let Some(b) = resumed(page, &calls, &filled, start, last.0, i, n) {
                let mut top = start;
                while top > 0 && blank(top - 1) {
                    top -= 1;
                }
                if top == 0 {
                    break;
                }
                return Some(Block { notes: top..b, to: i, first, last: last.1 });
            }
            last = (i, n);
        }
    }
    None
}

/// How much longer than the column's text a note's full line is: notes are set in smaller
/// type, so more letters fill the same measure (10 pt in 11 pt text: about 10 % more).
const NOTE_MEASURE: f64 = 1.08;

/// The fewest non-blank lines of text below a tail block (a column's rest: a few lines at
/// least; one or two lines below the notes are a folio or a running head).
const MIN_TAIL_LINES: usize = 3;

/// The last block of notes of `page` when the text goes on below it to the page's end and
/// calls no further note: the right column of a two-column page, read after the left
/// column's notes. The block's notes are told from that text by their measure: their full
/// lines hold more letters than the column's lines (smaller type); a note's last line is
/// short but follows a line that breaks off mid-sentence. Where the notes' lines are not
/// longer (all short), the text must have broken off above the block and go on with a small
/// letter below it. The returned block goes before `to`: the page's end, above a folio and
/// blank lines.
fn tail_block(page: &[&str]) -> Option<Block> {
    let blank = |i: usize| page[i].trim().is_empty();
    let chars = |i: usize| page[i].trim().chars().count();
    let opens = |i: usize| {
        let (n, _, alone) = opening_number(page[i])?;
        (!alone || i + 1 < page.len() && !blank(i + 1) && opening_number(page[i + 1]).is_none()).then_some(n)
    };
    let mut dest = page.len();
    while dest > 0 && (blank(dest - 1) || super::units::is_page_number(page[dest - 1].trim())) {
        dest -= 1;
    }
    let mut first_call: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (i, l) in page.iter().enumerate().take(dest) {
        for n in call_numbers(l) {
            first_call.entry(n).or_insert(i);
        }
    }
    for start in 1..dest {
        let Some(first) = opens(start) else { continue };
        if first_call.get(&first).is_none_or(|&c| c >= start) {
            continue;
        }
        // The column's measure: the longest of most lines above the block.
        let mut above: Vec<usize> = (0..start).filter(|&i| !blank(i)).map(chars).collect();
        if above.len() < MIN_COLUMN_LINES {
            continue;
        }
        above.sort_unstable();
        let measure = above[above.len() * 9 / 10] as f64;
        let long = |i: usize| chars(i) as f64 > measure * NOTE_MEASURE;
        // The block: notes going on with the numbers, their long lines, and each note's short
        // last line after a line that broke off.
        let (mut last, mut end, mut any_long, mut closed) =
            (first, start + 1, long(start), ends_sentence(page[start]));
        let mut j = start + 1;
        while j < dest {
            let mut k = j;
            while k < dest && blank(k) {
                k += 1;
            }
            if k < dest && opens(k) == Some(last + 1) {
                last += 1;
                closed = ends_sentence(page[k]);
                any_long |= long(k);
                j = k + 1;
                end = j;
                continue;
            }
            if k != j {
                break;
            }
            if long(j) {
                any_long = true;
                closed = false;
            } else if closed {
                break;
            } else {
                closed = true;
            }
            j += 1;
            end = j;
        }
        // Below the block, a column of text: a few full lines' worth of letters (PyMuPDF may
        // cut its lines into words), few lines of a note's measure, and not the next note.
        let rest: Vec<usize> = (end..dest).filter(|&i| !blank(i)).collect();
        if rest.len() < MIN_TAIL_LINES
            || rest.iter().any(|&i| opens(i) == Some(last + 1))
            || rest.iter().filter(|&&i| long(i)).count() * 4 > rest.len()
            || long(rest[0])
            || (rest.iter().map(|&i| chars(i)).sum::<usize>() as f64) < MIN_TAIL_LINES as f64 * measure
        {
            continue;
        }
        let broke_off =
            page[..start].iter().rev().find(|l| !l.trim().is_empty()).is_some_and(|l| !ends_sentence(l));
        if !(any_long || broke_off && starts_lower(page[rest[0]])) {
            continue;
        }
        let mut top = start;
        while top > 0 && blank(top - 1) {
            top -= 1;
        }
        return Some(Block { notes: top..end, to: dest, first, last });
    }
    None
}

/// Where the page's text resumes between the note opening at line `note` (the last of a
/// block opening at line `top`) and the line `next` opening note `n`: after a line that ends
/// a sentence, at the latest on the first line that calls `n`, when a column of text
/// follows. Where the text above the block broke off mid-sentence, its rest opens with a
/// small letter (in most languages: the first such line is taken, else the first line
/// after a sentence's end).
fn resumed(
    page: &[&str],
    calls: &[Vec<u32>],
    filled: &[usize],
    top: usize,
    note: usize,
    next: usize,
    n: u32,
) -> Option<usize> {
    let text_lines = |from: usize| filled[next] - filled[from];
    let call = (note + 1..next).find(|&i| calls[i].contains(&n) && text_lines(i) >= MIN_COLUMN_LINES)?;
    let above = page[..top].iter().rev().take(MAX_SPAN).find(|l| !l.trim().is_empty());
    let open = above.is_some_and(|l| !ends_sentence(l));
    let mut prev = page[note];
    let mut first = None;
    for (k, line) in page.iter().enumerate().take(call + 1).skip(note + 1) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if ends_sentence(prev) {
            first.get_or_insert(k);
            if starts_lower(t) == open {
                return Some(k);
            }
        }
        prev = *line;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of two columns as PDFBox reads it: the left column's text, its notes 1 and 2,
    /// the right column's text calling 3, then its note 3.
    const PAGE: [&str; 16] = [
        "The quarantine station stood east of the town and held a hundred.1 It",
        "was too small for the crowds that the steamers landed in the season of",
        "the pilgrims, when hundreds of passengers came ashore in a day and",
        "1BOA, DH.MUİ, 12-2/41, lef 2.",
        "2Aynı yer, lef 5.",
        "waited there.2 The director answered to the council in the capital and",
        "not to the governor of the province, which led to quarrels over every",
        "ship that came in from the ports of the north in the summer months, and",
        "the governor could not decide whether a ship was to be held or not.3",
        "The merchants complained of the same thing in their petitions and in",
        "the letters they wrote to the newspapers of the capital in that year,",
        "and the ministry heard them at last.",
        "3BOA, DH.İD, 118/22.",
        "",
        "1",
        "",
    ];

    #[test]
    fn a_block_closing_a_column_goes_below_the_text() {
        let src = PAGE.join("\n");
        let mut diags = Vec::new();
        let out = restore(&src, &mut Vec::new(), &mut diags);
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[3], "waited there.2 The director answered to the council in the capital and");
        assert_eq!(
            lines[10..13],
            ["1BOA, DH.MUİ, 12-2/41, lef 2.", "2Aynı yer, lef 5.", "3BOA, DH.İD, 118/22."]
        );
        assert_eq!(lines.len(), PAGE.len(), "no line is lost");
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].code, diags[0].line), ("extraction-column-notes", 4));
        // The lines keep the numbers they had in the source.
        let mut origin: Vec<u32> = (1..=PAGE.len() as u32).collect();
        restore(&src, &mut origin, &mut Vec::new());
        assert_eq!(origin[..12], [1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 4, 5]);
    }

    /// One column: the notes end the page, nothing moves.
    #[test]
    fn notes_ending_the_page_stay() {
        let src = [&PAGE[..3], &["waited there.2"], &PAGE[3..5], &PAGE[13..]].concat().join("\n");
        let mut diags = Vec::new();
        assert!(matches!(restore(&src, &mut Vec::new(), &mut diags), Cow::Borrowed(_)));
        assert!(diags.is_empty());
    }

    /// A folio run into the next page's form feed (pdfplumber) ends the page: notes that end
    /// one page are no column block of the next page's text.
    #[test]
    fn a_folio_run_into_the_form_feed_ends_the_page() {
        let next = ["3\u{c}waited there.2 The director answered to the council in the capital and"];
        let src = [&PAGE[..5], &next, &PAGE[6..13]].concat().join("\n");
        let mut diags = Vec::new();
        assert!(matches!(restore(&src, &mut Vec::new(), &mut diags), Cow::Borrowed(_)), "{diags:?}");
    }

    /// The text resumes after the last note's first sentence, not after the rest of the
    /// first note (which ends a sentence too); a capital opens it where the call is on the
    /// resumed line itself (German nouns).
    #[test]
    fn the_text_resumes_after_the_last_note() {
        let two_lines =
            ["1BOA, DH.MUİ, 12-2/41, lef 2, and the report", "of the director.", "2Aynı yer, lef 5."];
        let src = [&PAGE[..3], &two_lines, &PAGE[5..]].concat().join("\n");
        let out = restore(&src, &mut Vec::new(), &mut Vec::new()).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[3], PAGE[5]);
        assert_eq!(lines[10..14], [two_lines[0], two_lines[1], two_lines[2], PAGE[12]]);
        let resumed = [
            "Messegeschichte behandelt.3 Seine Verflechtung mit dem Markt ist kaum",
            PAGE[6],
            PAGE[7],
            PAGE[9],
        ];
        let src = [&PAGE[..5], &resumed, &PAGE[12..]].concat().join("\n");
        let out = restore(&src, &mut Vec::new(), &mut Vec::new()).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[3], resumed[0]);
        assert_eq!(lines[7..10], [PAGE[3], PAGE[4], PAGE[12]]);
    }

    /// A long note whose lines hold a number glued to a word is no column: the text after it
    /// must call the next note and run for a column's lines.
    #[test]
    fn a_note_with_numbers_inside_is_no_column() {
        let src = [
            &PAGE[..3],
            &[
                "waited there.2",
                "1BOA, DH.MUİ, 12-2/41, lef 2.",
                "2Aynı yer. See also the file 45-1/9.",
                "Ibid.3",
            ],
            &["3BOA, DH.İD, 118/22.", "", "1"],
        ]
        .concat()
        .join("\n");
        let mut diags = Vec::new();
        assert!(matches!(restore(&src, &mut Vec::new(), &mut diags), Cow::Borrowed(_)), "{diags:?}");
    }

    /// A hostile text of one endless page, numbered lines and calls all through, stays fast.
    #[test]
    fn an_endless_page_stays_linear() {
        let src: String =
            (1..=20_000).map(|i| format!("{}Note text.{}\nword\n", i % 50 + 1, i % 50 + 2)).collect();
        let t = std::time::Instant::now();
        restore(&src, &mut Vec::new(), &mut Vec::new());
        assert!(t.elapsed() < std::time::Duration::from_secs(5), "{:?}", t.elapsed());
    }

    /// The last page of a two-column article as PDFBox reads it: the left column's text and
    /// its notes (longer lines: smaller type), then the right column, the reference list,
    /// which calls no note. The notes go to the page's end; the list is whole again.
    const LAST: [&str; 16] = [
        "The committee met in the spring and the",
        "merchants wrote to the ministry at length",
        "about the rules of the trade and the duties",
        "of the quarantine in the ports.1 It held.2",
        "1Circular of the Ministry of Internal Affairs, 21 April 1877, copy",
        "in LVVA, f. 3422, apr. 1, l. 512, lp. 3–4, and the governor's",
        "reply.",
        "2Ibid., lp. 9.",
        "Plakans, Andrejs. A Concise History of",
        "the Baltic States. Cambridge: Cambridge",
        "University Press, 2011.",
        "Rieber, Alfred J. Merchants and Entre-",
        "preneurs in Imperial Russia. Chapel Hill:",
        "University of North Carolina Press, 1982.",
        "",
        "7",
    ];

    #[test]
    fn notes_above_a_column_without_calls_go_to_the_page_end() {
        let src = [&LAST[..8], &["References"], &LAST[8..]].concat().join("\n");
        let mut diags = Vec::new();
        let out = restore(&src, &mut Vec::new(), &mut diags).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[..4], LAST[..4]);
        assert_eq!(lines[4..11], [&["References"], &LAST[8..14]].concat()[..]);
        assert_eq!(lines[11..15], LAST[4..8]);
        assert_eq!(lines[15..], ["", "7"], "the folio stays last");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].code, diags[0].line), ("extraction-column-notes", 5));
    }

    /// One column: notes end the page with a line or two below them (a running head, a
    /// folio), or short notes and a text that does not go on from above: nothing moves.
    #[test]
    fn notes_with_no_column_below_stay() {
        for src in [
            [&LAST[..8], &["Grain, Credit and Quarantine", "", "7"]].concat(),
            [&LAST[..4], &["1Circular of the Ministry.", "2Ibid., lp. 9."], &LAST[8..]].concat(),
        ] {
            let src = src.join("\n");
            let mut diags = Vec::new();
            assert!(matches!(restore(&src, &mut Vec::new(), &mut diags), Cow::Borrowed(_)), "{diags:?}");
        }
    }

    /// Bad input: empty text, numbers only, a form feed alone.
    #[test]
    fn odd_input_is_left_alone() {
        for src in ["", "1\n2\n3", "\u{c}", "1Note.\n\u{c}2Note.", "\u{c}\u{c}\n\u{c}"] {
            let mut diags = Vec::new();
            assert_eq!(restore(src, &mut Vec::new(), &mut diags), src);
        }
    }
}
