//! Printed lines that the extractor cut into words: PyMuPDF writes a justified line whose
//! word spaces were stretched wide (narrow columns) as one word, or a few, per line
//! (`Karadeniz` / `limanlarındaki` / `karantina uygulamalarına ise…`). Runs of such pieces
//! are set back on one line where together they fill the page's measure: a short line that
//! fills nothing (a heading, a paragraph's last line) stays as it is.

use super::pages::opening_number;
use crate::diag::Diagnostic;
use std::borrow::Cow;

/// A piece is at most this share (per cent) of the measure.
const PIECE: usize = 60;

/// Pieces are joined when together they fill at least this share of the measure…
const FILLS: usize = 75;

/// …and at most this share (a note's line, in smaller type, holds more letters).
const AT_MOST: usize = 135;

/// The share (per cent) of a text's lines that must be pieces before any is joined: a text
/// whose lines are whole has a heading or a word alone here and there only.
const PIECES_IN_TEXT: usize = 15;

/// Joins the pieces of cut lines; returns the text unchanged (borrowed) when it has none.
/// `origin` holds the source's line number of each line of `src` and is kept up to date (a
/// joined line has its first piece's). The joins are reported once, at the first.
pub fn restore<'a>(src: &'a str, origin: &mut Vec<u32>, diags: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    let lines: Vec<&str> = src.split('\n').collect();
    let len = |l: &str| l.trim().chars().count();
    let words = |l: &str| l.split_whitespace().count();
    let non_blank = lines.iter().filter(|l| len(l) > 0).count();
    let single = lines.iter().filter(|l| words(l) == 1 && l.trim().chars().any(char::is_alphabetic)).count();
    if non_blank < 20 || single * 100 < non_blank * PIECES_IN_TEXT {
        return Cow::Borrowed(src);
    }
    // The front matter above the abstract (or keywords) heading is set in other sizes:
    // a title's second line and the author's name are no pieces of one line.
    let front = lines.iter().take(40).position(|l| {
        let heads = [super::lexicon::ABSTRACT_HEADINGS, super::lexicon::KEYWORD_HEADINGS];
        heads.iter().any(|h| super::lexicon::leading_heading(h, l).is_some())
    });
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut out_origin: Vec<u32> = Vec::with_capacity(lines.len());
    let at = |i: usize| origin.get(i).copied().unwrap_or(i as u32 + 1);
    let mut joins = 0usize;
    let mut first_join = None;
    let mut start = 0;
    while start < lines.len() {
        // A page: up to the next line holding a form feed.
        let end = (start + 1..lines.len()).find(|&i| lines[i].contains('\u{c}')).unwrap_or(lines.len());
        let page = &lines[start..end];
        let mut lens: Vec<usize> = page.iter().filter(|l| words(l) >= 4).map(|l| len(l)).collect();
        lens.sort_unstable();
        let measure = lens.get(lens.len() * 3 / 4).copied().unwrap_or(0);
        let piece = |l: &str| {
            len(l) > 0
                && len(l) * 100 <= measure * PIECE
                && !l.contains('\u{c}')
                && opening_number(l).is_none()
                // The reference list's heading is a line of its own, never a piece (in a
                // narrow column the entries below it are cut into pieces too).
                && !super::lexicon::is_reference_heading(l.trim())
        };
        let mut i = 0;
        while i < page.len() {
            // The longest run of pieces from `i` (a note's number may open it) whose length
            // stays within the measure.
            let mut total = len(page[i]);
            let mut k = i + 1;
            let in_front = front.is_some_and(|f| start + i <= f);
            // (A note's short first line opens a run only where its sentence goes on: `2BOA,
            // DH.MUİ, 12-2/41, lef 2.` is a whole note, and the column's text follows it.)
            let opens = piece(page[i])
                || len(page[i]) * 100 <= measure * PIECE
                    && opening_number(page[i]).is_some()
                    && !super::join::ends_sentence(page[i]);
            while opens
                && !in_front
                && lens.len() >= 5
                && k < page.len()
                && piece(page[k])
                && !heading(page, k, &piece)
            {
                let next = total + 1 + len(page[k]);
                if next * 100 > measure * AT_MOST {
                    break;
                }
                total = next;
                k += 1;
            }
            if k - i >= 2 && total * 100 >= measure * FILLS {
                let joined: Vec<&str> = page[i..k].iter().map(|l| l.trim()).collect();
                let indent = &page[i][..page[i].len() - page[i].trim_start().len()];
                out.push(format!("{indent}{}", joined.join(" ")));
                out_origin.push(at(start + i));
                joins += 1;
                first_join.get_or_insert(start + i);
                i = k;
            } else {
                out.push(page[i].to_string());
                out_origin.push(at(start + i));
                i += 1;
            }
        }
        start = end;
    }
    let Some(first) = first_join else { return Cow::Borrowed(src) };
    diags.push(Diagnostic::info(
        "extraction-split-lines",
        at(first),
        format!(
            "{joins} printed lines were cut into words by the extractor (a justified line with wide \
             word spaces); their pieces were joined again"
        ),
    ));
    *origin = out_origin;
    Cow::Owned(out.join("\n"))
}

/// Whether the piece at `k` reads as a heading: after a sentence's end, in capitals at its
/// start, without final punctuation, above a whole line that opens with a capital.
fn heading(page: &[&str], k: usize, piece: &impl Fn(&str) -> bool) -> bool {
    let upper = |l: &str| l.trim().chars().next().is_some_and(char::is_uppercase);
    let t = page[k].trim();
    k > 0
        && super::join::ends_sentence(page[k - 1])
        && upper(t)
        && !t.ends_with(['.', ',', ';', ':'])
        && page.get(k + 1).is_some_and(|l| !piece(l) && upper(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column of whole lines around one line cut into five pieces and a heading.
    fn page(cut: &[&str]) -> String {
        let whole = "the merchants of the port wrote to the ministry at";
        let mut lines = vec![whole; 12];
        lines.extend_from_slice(cut);
        lines.extend_from_slice(&[
            "length about the rules of the",
            "trade.",
            "Giriş",
            "Karadeniz’in doğu kıyısındaki en önemli Osmanlı",
            whole,
        ]);
        for _ in 0..4 {
            lines.extend_from_slice(&["Karadeniz", whole]);
        }
        lines.join("\n")
    }

    #[test]
    fn pieces_filling_the_measure_are_one_line_again() {
        let src = page(&["limanı", "olan", "Trabzon,", "XIX.", "yüzyılın ikinci yarısında"]);
        let mut diags = Vec::new();
        let out = restore(&src, &mut Vec::new(), &mut diags);
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[12], "limanı olan Trabzon, XIX. yüzyılın ikinci yarısında");
        assert_eq!(lines[13], "length about the rules of the");
        assert_eq!(lines[14], "trade.");
        assert_eq!(lines[15], "Giriş", "a heading stays on its line");
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].code, diags[0].line), ("extraction-split-lines", 13));
        // Each line keeps the number it had in the source: the joined one its first piece's.
        let mut origin: Vec<u32> = (1..=src.split('\n').count() as u32).collect();
        let out = restore(&src, &mut origin, &mut Vec::new());
        assert_eq!(origin.len(), out.split('\n').count());
        assert_eq!(origin[11..15], [12, 13, 18, 19]);
    }

    /// The front matter above the abstract heading stays as printed: a title's last line
    /// and the author's name are no pieces of one line.
    #[test]
    fn the_front_matter_stays() {
        let front = [
            "II. Meşrutiyet Döneminde Trabzon Limanında Karantina",
            "Uygulamaları (1908–1914)",
            "Selim Kaya Ertürk",
            "Abstract",
        ];
        let src = format!(
            "{}\n{}",
            front.join("\n"),
            page(&["limanı", "olan", "Trabzon,", "XIX.", "yüzyılın ikinci yarısında"])
        );
        let out = restore(&src, &mut Vec::new(), &mut Vec::new()).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[..4], front);
        assert_eq!(lines[16], "limanı olan Trabzon, XIX. yüzyılın ikinci yarısında");
    }

    /// A note's number opens a run of pieces but never joins the line above it.
    #[test]
    fn a_note_opens_its_own_line() {
        let src = page(&[
            "ticaretinin",
            "1Trabzon–Tebriz",
            "transit",
            "ticaretinin",
            "gerilemesi",
            "için bk. Bülent",
        ]);
        let out = restore(&src, &mut Vec::new(), &mut Vec::new()).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[12], "ticaretinin");
        assert_eq!(lines[13], "1Trabzon–Tebriz transit ticaretinin gerilemesi için bk. Bülent");
        let src = page(&[
            "ticaretinin",
            "2BOA, DH.MUİ, lef 2.",
            "son derece",
            "yetersizdi.",
            "Karantina",
            "müdürü, doğrudan",
        ]);
        let out = restore(&src, &mut Vec::new(), &mut Vec::new()).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(
            lines[13..15],
            ["2BOA, DH.MUİ, lef 2.", "son derece yetersizdi. Karantina müdürü, doğrudan"]
        );
    }

    /// The reference list's heading stays on its line above entries cut into pieces (a
    /// narrow column): neither the paragraph's pieces above nor the entry's below take it.
    #[test]
    fn the_reference_heading_stays_on_its_line() {
        let src = page(&[
            "limanı olan",
            "Trabzon, XIX. yüzyılın",
            "ikinci yarısında.",
            "Kaynakça",
            "Aksoy, Hüseyin.",
            "Karantina. İstanbul, 2015.",
        ]);
        let out = restore(&src, &mut Vec::new(), &mut Vec::new()).into_owned();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(
            lines[12..15],
            [
                "limanı olan Trabzon, XIX. yüzyılın ikinci yarısında.",
                "Kaynakça",
                "Aksoy, Hüseyin. Karantina. İstanbul, 2015."
            ]
        );
    }

    /// A text of whole lines is left alone, and so is odd input.
    #[test]
    fn whole_lines_stay() {
        let src = page(&["the merchants of the port wrote to the ministry at"]);
        assert!(matches!(restore(&src, &mut Vec::new(), &mut Vec::new()), Cow::Borrowed(_)));
        for src in ["", "\u{c}", "a\nb\nc", &"x\n".repeat(100)] {
            assert_eq!(restore(src, &mut Vec::new(), &mut Vec::new()), src);
        }
    }
}
