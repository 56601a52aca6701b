//! The note sequence: note lines of every block turned into numbered notes.
//!
//! Unlabeled lines are resolved by the sequence around them: if the labels on both sides
//! leave exactly as many numbers free as there are unlabeled lines, each is a note whose
//! label is inferred; if they leave none, the lines continue the note before (wrapped, or
//! run over from the previous page).

use super::flow::{Item, NoteLine};
use super::join::{ends_sentence, join_cut, starts_lower};
use crate::diag::Diagnostic;

/// A note recovered from the blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceNote {
    /// Printed or inferred label.
    pub label: String,
    /// Whether the label was inferred.
    pub label_inferred: bool,
    /// Note text, continuation lines joined.
    pub text: String,
    /// Source line of the note's first line.
    pub line: u32,
    /// Index of the block (page) the note was printed in.
    pub page: usize,
}

/// The notes and how they are numbered.
#[derive(Debug, Clone)]
pub struct NoteSequence {
    /// Notes in printed order.
    pub notes: Vec<SourceNote>,
    /// True when numbering restarts on some page.
    pub per_page: bool,
}

fn num(label: &Option<String>) -> Option<u32> {
    label.as_deref().and_then(|l| l.parse().ok())
}

/// Resolves the note lines of every block of `items` into notes.
pub fn sequence(items: &[Item], diags: &mut Vec<Diagnostic>) -> NoteSequence {
    let blocks: Vec<&Vec<NoteLine>> =
        items.iter().filter_map(|it| if let Item::Notes(b) = it { Some(b) } else { None }).collect();
    let mut notes: Vec<SourceNote> = Vec::new();
    let mut per_page = false;
    let mut last: Option<u32> = None;
    for (page, block) in blocks.iter().enumerate() {
        let first_label = block.iter().find_map(|l| num(&l.label));
        if let (Some(q), Some(p)) = (first_label, last) {
            if q <= p {
                per_page = true;
                last = None; // numbering restarts on this page
            }
        }
        let mut k = 0;
        while k < block.len() {
            if block[k].label.is_some() {
                let l = &block[k];
                last = num(&l.label).or(last);
                notes.push(SourceNote {
                    label: l.label.clone().unwrap_or_default(),
                    label_inferred: false,
                    text: l.text.clone(),
                    line: l.line,
                    page,
                });
                k += 1;
                continue;
            }
            // A run of unlabeled lines: k..r.
            let r = (k..block.len()).find(|&j| block[j].label.is_some()).unwrap_or(block.len());
            let run = &block[k..r];
            let at_block_start = k == 0;
            let next = if r < block.len() {
                num(&block[r].label)
            } else {
                // The first label of the next block tells, unless numbering restarts there.
                blocks
                    .get(page + 1)
                    .and_then(|b| b.first())
                    .and_then(|l| num(&l.label))
                    .filter(|&q| last.is_none_or(|p| q > p))
            };
            let base = last.unwrap_or(0);
            let free = next.map(|q| q.saturating_sub(base + 1) as usize);
            let prev_exists = !notes.is_empty();
            let new_notes = match free {
                Some(0) if prev_exists => 0,
                Some(f) if f >= run.len() => run.len(),
                Some(f) => f, // the first lines continue the previous note, the rest are notes
                None => {
                    // (The page analysis may know the line goes on with the note before,
                    // even where that note's text ends a sentence: `Cambridge, MA, 2002.` /
                    // `P. 12–46; …`.)
                    let prev_open = notes.last().is_some_and(|n| !ends_sentence(&n.text));
                    if prev_exists && (prev_open || starts_lower(&run[0].text) || run[0].rest) {
                        0
                    } else {
                        run.len()
                    }
                }
            };
            let continued = run.len() - new_notes;
            for (j, l) in run.iter().enumerate() {
                if j < continued && !notes.is_empty() {
                    let prev = notes.last_mut().expect("checked");
                    if at_block_start && j == 0 {
                        diags.push(Diagnostic::info(
                            "continued-note",
                            l.line,
                            format!("note {} continues here from the previous page", prev.label),
                        ));
                    }
                    prev.text = join_cut(&prev.text, &l.text, &|_| 0).0;
                } else {
                    let n = last.unwrap_or(0) + 1;
                    last = Some(n);
                    diags.push(Diagnostic::warning(
                        "inferred-label",
                        l.line,
                        format!("note line without a label; numbered {n} from its neighbours"),
                    ));
                    notes.push(SourceNote {
                        label: n.to_string(),
                        label_inferred: true,
                        text: l.text.clone(),
                        line: l.line,
                        page,
                    });
                }
            }
            k = r;
        }
    }
    NoteSequence { notes, per_page }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: Option<&str>, text: &str) -> NoteLine {
        NoteLine { label: label.map(str::to_string), text: text.into(), line: 1, rest: false }
    }

    fn labels(items: &[Item]) -> Vec<(String, bool, String)> {
        let mut d = Vec::new();
        sequence(items, &mut d).notes.into_iter().map(|n| (n.label, n.label_inferred, n.text)).collect()
    }

    #[test]
    fn missing_label_between_neighbours_is_inferred() {
        let items = vec![Item::Notes(vec![line(Some("6"), "a."), line(None, "b."), line(Some("8"), "c.")])];
        assert_eq!(labels(&items)[1], ("7".into(), true, "b.".into()));
    }

    #[test]
    fn unlabeled_line_without_gap_continues_the_note() {
        let items = vec![Item::Notes(vec![
            line(Some("6"), "a long note that"),
            line(None, "goes on."),
            line(Some("7"), "c."),
        ])];
        let got = labels(&items);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2, "a long note that goes on.");
    }

    /// At the end of the last block, a line the page analysis found to go on with the note
    /// before does, even after a sentence's end (`Cambridge, MA, 2002.` / `P. 12–46; …`).
    #[test]
    fn a_known_rest_at_the_end_continues_the_note() {
        let rest = NoteLine { rest: true, ..line(None, "P. 12–46; Lih L. T. Bread. Berkeley, 1990.") };
        let items =
            vec![Item::Notes(vec![line(Some("29"), "Holquist P. Making War. Cambridge, MA, 2002."), rest])];
        let got = labels(&items);
        assert_eq!(got.len(), 1, "{got:?}");
        // Without the page analysis's word, a new note with an inferred label.
        let items =
            vec![Item::Notes(vec![line(Some("29"), "Ibid., p. 5."), line(None, "Smith, Trade, 1990.")])];
        assert_eq!(labels(&items).len(), 2);
    }

    #[test]
    fn note_running_onto_next_page() {
        let items = vec![
            Item::Notes(vec![line(Some("1"), "a."), line(Some("2"), "begins on one page and")]),
            Item::Text { text: "x".into(), line: 1 },
            Item::Notes(vec![line(None, "ends on the next."), line(Some("3"), "c.")]),
        ];
        let got = labels(&items);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].2, "begins on one page and ends on the next.");
    }

    #[test]
    fn block_final_line_inferred_from_next_block() {
        let items = vec![
            Item::Notes(vec![line(Some("1"), "a."), line(None, "Author, Title, 1999.")]),
            Item::Notes(vec![line(Some("3"), "c.")]),
        ];
        assert_eq!(labels(&items)[1].0, "2");
    }

    #[test]
    fn per_page_numbering_is_detected() {
        let items = vec![
            Item::Notes(vec![line(Some("1"), "a."), line(Some("2"), "b.")]),
            Item::Notes(vec![line(Some("1"), "c.")]),
        ];
        let mut d = Vec::new();
        assert!(sequence(&items, &mut d).per_page);
    }
}
