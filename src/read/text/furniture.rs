//! Page furniture that some extractors write at the end of a page's text: the running head
//! that the typesetter drew last (PyMuPDF on WeasyPrint pages writes the body, the notes,
//! then the head and the folio). Left in place, the head is read as the end of the page's
//! last note or paragraph.

use std::collections::HashMap;
use std::ops::Range;

/// The lines that end a page's text (blank lines and the folio aside) and print the same
/// words at the end of most pages: a running head. A line repeated at the end of two pages
/// by chance (the last line of two notes) is no head: a head is at least three words, opens
/// with no number and ends with no point (a note's line does: `1. Ibid., p. 5.`) unless it
/// ends three pages or more, and ends
/// at least half of the pages after the first (which often has none). The lines come in
/// ascending order (one per page at most), for binary search.
pub(super) fn heads_at_page_ends(
    lines: &[&str],
    pages: &[Range<usize>],
    is_folio: fn(&str) -> bool,
) -> Vec<usize> {
    let last_text = |page: &Range<usize>| {
        (page.start..page.end)
            .rev()
            .find(|&i| !lines[i].trim().is_empty() && !is_folio(lines[i]))
            .filter(|&i| i > page.start)
    };
    let ends: Vec<usize> = pages.iter().filter_map(last_text).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &i in &ends {
        *counts.entry(key(lines[i])).or_default() += 1;
    }
    let needed = 2.max(pages.len().saturating_sub(1).div_ceil(2));
    ends.into_iter()
        .filter(|&i| {
            let t = lines[i].trim();
            t.split_whitespace().count() >= 3
                && t.chars().count() <= 200
                && !t.starts_with(|c: char| c.is_ascii_digit())
                // (A head may end with an abbreviation's point, `1918–1919 рр.`, where it ends
                // three pages or more word for word: no note line repeats so.)
                && (!t.ends_with('.') || counts[key(lines[i])] >= 3)
                && counts[key(lines[i])] >= needed
        })
        .collect()
}

/// The lines that open a page's text and print the same words (numbers aside) at the top of
/// most pages after the first: a running head that an extractor set against the page's first
/// line with no blank line (pdfplumber on WeasyPrint: `1\u{c}Der Brühl und der Osten: …`,
/// the folio of the page before run into it). Left in place, the head is read into the
/// paragraph that runs on from the page before (`für sibiri-Der Brühl … sche Ware`). A head
/// is at least three words; the lines come in ascending order.
pub(super) fn heads_at_page_starts(lines: &[&str], pages: &[Range<usize>]) -> Vec<usize> {
    let words = |i: usize| -> String {
        let t = lines[i].rsplit('\u{c}').next().unwrap_or("");
        let t: String = t.chars().filter(|c| !c.is_ascii_digit()).collect();
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let firsts: Vec<usize> = pages
        .iter()
        .skip(1)
        .filter_map(|page| (page.start..page.end).find(|&i| !words(i).is_empty()))
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &i in &firsts {
        *counts.entry(words(i)).or_default() += 1;
    }
    let needed = 2.max(pages.len().saturating_sub(1).div_ceil(2));
    firsts
        .into_iter()
        .filter(|&i| {
            let w = words(i);
            w.split(' ').count() >= 3 && w.chars().count() <= 200 && counts[&w] >= needed
        })
        .collect()
}

/// A line as compared across pages: without the form feed and the spacing around it.
fn key(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folio(l: &str) -> bool {
        let t = l.trim().trim_start_matches('\u{c}');
        !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
    }

    fn pages_of(lines: &[&str]) -> Vec<Range<usize>> {
        let mut starts = vec![0];
        starts.extend((1..lines.len()).filter(|&i| lines[i].starts_with('\u{c}')));
        let mut out: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
        out.push(*starts.last().unwrap_or(&0)..lines.len());
        out
    }

    #[test]
    fn a_title_drawn_after_the_notes_of_every_page_is_a_head() {
        let lines = [
            "Body of page one.",
            "1. A note.",
            "1",
            "\u{c}Body of page two.",
            "2. Another note that runs on",
            "Grain and Quarantine: The Riga Committee",
            "2",
            "\u{c}Body of page three.",
            "3. A third note.",
            "Grain and Quarantine: The Riga Committee",
            "3",
        ];
        assert_eq!(heads_at_page_ends(&lines, &pages_of(&lines), folio), vec![5, 9]);
    }

    #[test]
    fn two_notes_ending_alike_on_two_of_many_pages_are_no_head() {
        let mut lines = Vec::new();
        for p in 0..6 {
            lines.push(if p == 0 { "Body." } else { "\u{c}Body." });
            // Per-page numbering: the same short note can end many pages.
            lines.push(if p % 3 == 0 { "Press, 1986), 201–15" } else { "1 Ibid., lp. 47" });
        }
        assert!(heads_at_page_ends(&lines, &pages_of(&lines), folio).is_empty());
    }

    /// A head that ends with an abbreviation's point is a head where it ends three pages.
    #[test]
    fn a_head_ending_with_a_point_on_three_pages_is_a_head() {
        let mut lines = Vec::new();
        for p in 0..4 {
            lines.push(if p == 0 { "Body." } else { "\u{c}Body." });
            lines.push("12. ДАПО. Ф. 1. Оп. 2. Спр. 1180. Арк. 12–40.");
            if p > 0 {
                lines.push("Полтавське губернське земство і продовольча криза 1918–1919 рр.");
            }
        }
        assert_eq!(heads_at_page_ends(&lines, &pages_of(&lines), folio), [4, 7, 10]);
        // On two pages only, the point says a note's line.
        let two = &lines[..8];
        assert!(heads_at_page_ends(two, &pages_of(two), folio).is_empty());
    }

    /// A head set against the first line of every page after the first (the folio of the
    /// page before run into it) is a head; page texts that open differently are not.
    #[test]
    fn a_title_opening_every_page_is_a_head() {
        let lines = [
            "Title page text that runs on to the next page, für sibiri-",
            "1\u{c}Der Brühl und der Osten: Leipziger Rauchwarenhändler, 1880–1914",
            "sche Ware hatte daneben die Wintermesse.",
            "2\u{c}Der Brühl und der Osten: Leipziger Rauchwarenhändler, 1880–1914",
            "Die Firmen entwickelten verschiedene Strategien.",
            "3\u{c}Der Brühl und der Osten: Leipziger Rauchwarenhändler, 1880–1914",
            "Schluss",
        ];
        // (The pages split at the form feeds inside the lines.)
        let pages = [0..1, 1..3, 3..5, 5..7];
        assert_eq!(heads_at_page_starts(&lines, &pages), [1, 3, 5]);
        let plain = ["Body.", "\u{c}Page two opens here.", "\u{c}Page three opens there."];
        assert!(heads_at_page_starts(&plain, &pages_of(&plain)).is_empty());
    }
}
