//! Aligning note calls to notes: a monotone alignment by dynamic programming.
//!
//! Every call candidate (superscripts, LaTeX fragments, brackets, glued plain digits) may
//! serve the note with its label, in order, on the note's page (or the page before, when
//! numbering is continuous). Among all monotone assignments the one with the highest total
//! trust wins, so a typographic call beats a plain number and `". 40 In` beats `, 40 villages`.
//! A Fenwick tree over candidate positions keeps it O((notes + candidates) log candidates).

use super::markers::Candidate;
use super::notes::SourceNote;
use std::collections::HashMap;

/// A call candidate located in the body.
#[derive(Debug, Clone)]
pub struct Site {
    /// Paragraph index.
    pub para: usize,
    /// The candidate, offsets relative to the paragraph text.
    pub cand: Candidate,
    /// Page (note block index) the text stands on.
    pub page: usize,
}

/// Penalty for a call found on the page before its note's block.
const PREVIOUS_PAGE_PENALTY: i64 = 3;

/// Prefix-maximum Fenwick tree over states 0..n (state 0 = "no call matched yet").
struct MaxTree {
    tree: Vec<(i64, usize)>,
}

impl MaxTree {
    fn new(n: usize) -> Self {
        MaxTree { tree: vec![(i64::MIN, 0); n + 1] }
    }
    /// Raises the value at state `i` (0-based) to at least `v`.
    fn raise(&mut self, i: usize, v: (i64, usize)) {
        let mut k = i + 1;
        while k < self.tree.len() {
            if v.0 > self.tree[k].0 {
                self.tree[k] = v;
            }
            k += k & k.wrapping_neg();
        }
    }
    /// Best value among states 0..i (exclusive).
    fn prefix(&self, i: usize) -> (i64, usize) {
        let mut best = (i64::MIN, 0);
        let mut k = i;
        while k > 0 {
            if self.tree[k].0 > best.0 {
                best = self.tree[k];
            }
            k -= k & k.wrapping_neg();
        }
        best
    }
}

/// Returns, for every note, the index of the site that is its call (or `None`).
pub fn align(notes: &[SourceNote], sites: &[Site], per_page: bool) -> Vec<Option<usize>> {
    let mut by_label: HashMap<&str, Vec<usize>> = HashMap::new();
    for (s, site) in sites.iter().enumerate() {
        by_label.entry(site.cand.marker.label.as_str()).or_default().push(s);
    }
    // State k+1 = "last call matched is site k"; state 0 = none.
    let mut tree = MaxTree::new(sites.len() + 1);
    tree.raise(0, (0, usize::MAX));
    // For each site state: (total, previous state, note).
    let mut back: Vec<Option<(i64, usize, usize)>> = vec![None; sites.len()];
    for (j, note) in notes.iter().enumerate() {
        let Some(cands) = by_label.get(note.label.as_str()) else { continue };
        let mut updates = Vec::new();
        for &s in cands {
            let site = &sites[s];
            let score = if site.page == note.page {
                site.cand.score
            } else if !per_page && site.page + 1 == note.page {
                site.cand.score - PREVIOUS_PAGE_PENALTY
            } else {
                continue;
            };
            let (best, from) = tree.prefix(s + 1);
            if best > i64::MIN {
                updates.push((s, best + score, from, j));
            }
        }
        for (s, total, from, j) in updates {
            if back[s].is_none_or(|(t, _, _)| total > t) {
                back[s] = Some((total, from, j));
                tree.raise(s + 1, (total, s));
            }
        }
    }
    let mut result = vec![None; notes.len()];
    let mut best: Option<(i64, usize)> = None;
    for (s, b) in back.iter().enumerate() {
        if let Some((t, _, _)) = b {
            if best.is_none_or(|(bt, _)| *t > bt) {
                best = Some((*t, s));
            }
        }
    }
    let mut cur = best.map(|(_, s)| s);
    while let Some(s) = cur {
        let (_, from, j) = back[s].expect("on the path");
        result[j] = Some(s);
        cur = (from != usize::MAX).then_some(from);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::markers::find_calls;

    fn note(label: &str, page: usize) -> SourceNote {
        SourceNote { label: label.into(), label_inferred: false, text: String::new(), line: 1, page }
    }

    fn sites(text: &str, page: usize) -> Vec<Site> {
        find_calls(text).into_iter().map(|cand| Site { para: 0, cand, page }).collect()
    }

    #[test]
    fn prefers_the_sentence_call_over_a_count() {
        let s = sites("villages.³⁹ As a result, 40 Azerbaijani villages. 40 In order.⁴¹", 0);
        let notes = [note("39", 0), note("40", 0), note("41", 0)];
        let got = align(&notes, &s, false);
        assert_eq!(
            s[got[1].unwrap()].cand.marker.start,
            "villages.³⁹ As a result, 40 Azerbaijani villages. ".len()
        );
    }

    #[test]
    fn calls_stay_in_order_and_a_missing_call_is_none() {
        let s = sites("a¹ b³", 0);
        let notes = [note("1", 0), note("2", 0), note("3", 0)];
        let got = align(&notes, &s, false);
        assert_eq!(got, [Some(0), None, Some(1)]);
    }

    #[test]
    fn per_page_labels_match_on_their_page() {
        let mut s = sites("a[1] b[2]", 0);
        s.extend(sites("c[1]", 1));
        let notes = [note("1", 0), note("2", 0), note("1", 1)];
        assert_eq!(align(&notes, &s, true), [Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn a_call_on_a_later_page_is_not_taken() {
        let s = sites("a⁵", 1);
        assert_eq!(align(&[note("5", 0)], &s, false), [None]);
    }
}
