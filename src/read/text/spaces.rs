//! Word spaces an extractor dropped before a capital, restored from the document's own words.
//!
//! PDFBox and some other extractors lose the space where a word is followed by a capitalised
//! one set in a different run of glyphs (`denAkten`, `theQuarantine`, `Fitzpatrick,The`).
//! A glued pair is split only when both halves are words the document prints on their own
//! elsewhere: `SächsStA`, `McDonald` or `iPhone` stay as they are. A comma glued to a capital
//! is parted only in a text that shows the fault between two words at least twice.

use crate::diag::Diagnostic;
use std::borrow::Cow;
use std::collections::HashMap;

/// The fewest letters each half of a glued pair has (`den` + `Akten`; not `Mc` + `Donald`).
const MIN_HALF: usize = 3;

/// Restores the spaces; every restoration is reported with its line.
pub fn restore<'a>(src: &'a str, diags: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    // Candidates first (where a space may go, and the two words it would part), so that a
    // text without any costs one pass and no memory.
    let mut candidates: Vec<(usize, &str, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in src.char_indices().chain(std::iter::once((src.len(), ' '))) {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let word = &src[s..i];
        if let Some(k) = split_point(word) {
            candidates.push((s + k, &word[..k], &word[k..]));
        }
        // `Fitzpatrick,The`: a comma glued to the next word, after a small letter.
        if s >= 2 && src[..s].ends_with(',') && word.starts_with(char::is_uppercase) {
            let before = src[..s - 1].chars().next_back();
            if before.is_some_and(char::is_lowercase) {
                candidates.push((s, "", word));
            }
        }
    }
    if candidates.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut count: HashMap<&str, usize> = candidates.iter().flat_map(|&(_, l, r)| [(l, 0), (r, 0)]).collect();
    for w in src.split(|c: char| !c.is_alphabetic()) {
        if let Some(n) = count.get_mut(w) {
            *n += 1;
        }
    }
    let known = |w: &str| w.is_empty() || count.get(w).is_some_and(|&n| n > 0);
    // A comma glued to a capital may be the author's own slip (`Shikhaliyev,Emin`): it is
    // taken for the extractor's only in a text that shows the fault at least twice between
    // two words.
    let glued_words = candidates.iter().filter(|&&(_, l, r)| !l.is_empty() && known(l) && known(r)).count();
    let mut at: Vec<usize> = candidates
        .iter()
        .filter(|&&(_, l, r)| known(l) && known(r) && (!l.is_empty() || glued_words >= 2))
        .map(|c| c.0)
        .collect();
    if at.is_empty() {
        return Cow::Borrowed(src);
    }
    at.sort_unstable();
    let mut out = String::with_capacity(src.len() + at.len());
    let mut last = 0;
    let mut line = 1u32;
    for &k in &at {
        line += src[last..k].matches('\n').count() as u32;
        out.push_str(&src[last..k]);
        out.push(' ');
        let left = src[..k].rsplit(|c: char| !c.is_alphabetic() && c != ',').next().unwrap_or("");
        let right = src[k..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        diags.push(Diagnostic::info(
            "restored-space",
            line,
            format!("restored the word space in `{left}{right}` (both words occur on their own elsewhere)"),
        ));
        last = k;
    }
    out.push_str(&src[last..]);
    Cow::Owned(out)
}

/// Where a capitalised word glued to the word before begins: one small-to-capital step,
/// small letters on both sides of it (`denAkten` → 3, `SıhhiyeMüdüriyeti` → 8).
fn split_point(word: &str) -> Option<usize> {
    let mut point = None;
    let mut left = 1;
    let mut prev_lower = false;
    for (i, c) in word.char_indices().skip(1) {
        if c.is_uppercase() {
            if !prev_lower || point.is_some() {
                return None;
            }
            point = Some(i);
        } else if !c.is_lowercase() {
            return None;
        } else if point.is_none() {
            left += 1;
        }
        prev_lower = c.is_lowercase();
    }
    let k = point?;
    let right = word[k..].chars().count();
    (left >= MIN_HALF && right >= MIN_HALF).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_pairs_of_known_words_are_split() {
        let src = "in den Akten der Kammer\nsiehe denAkten und derKammer, Fitzpatrick,The Great Fair, see The Great\n";
        let mut d = Vec::new();
        let out = restore(src, &mut d);
        assert_eq!(
            out,
            "in den Akten der Kammer\nsiehe den Akten und der Kammer, Fitzpatrick, The Great Fair, see The Great\n"
        );
        assert_eq!(d.len(), 3);
        // Alone, a comma glued to a capital is the author's.
        let src = "Shikhaliyev,Emin. and Emin Shikhaliyev";
        assert_eq!(restore(src, &mut d), src);
        assert!(d.iter().all(|d| d.line == 2), "{d:?}");
    }

    #[test]
    fn names_and_acronyms_stay() {
        let src = "SächsStA-L and Sächs Sta; McDonald of Mc Donald; iPhone; SıhhiyeMüdüriyeti\n";
        let mut d = Vec::new();
        assert_eq!(restore(src, &mut d), src);
        assert!(d.is_empty());
        assert_eq!(split_point("denAkten"), Some(3));
        assert_eq!(split_point("SıhhiyeMüdüriyeti"), Some("Sıhhiye".len()));
        assert_eq!(split_point("McDonald"), None);
        assert_eq!(split_point("SächsStA"), None);
        assert_eq!(split_point("theUSSR"), None);
    }
}
