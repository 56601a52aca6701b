//! Faults of the extraction itself that no reading can repair, reported once.

use crate::diag::Diagnostic;

/// Letters in a row, without a space, from which a line is taken to run words together
/// (the longest words of German or Azerbaijani titles stay well under it).
const RUN_TOGETHER: usize = 30;

/// Reports an extraction that lost its word spaces (pdfplumber on tightly set XeLaTeX lines
/// writes `Thisarticlefollowsthe…`): when at least a sixth of the prose lines hold a run of
/// [`RUN_TOGETHER`] letters, at the first of them, with what to do.
pub fn lost_word_spaces(src: &str, diags: &mut Vec<Diagnostic>) {
    let mut prose = 0usize;
    let mut run_together: Vec<(u32, u32, &str)> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.chars().filter(|c| c.is_alphabetic()).count() < 20 {
            continue;
        }
        prose += 1;
        let longest = line
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.contains("://") && !w.starts_with("www."))
            .map(|w| (w, w.chars().filter(|c| c.is_alphabetic()).count()))
            .max_by_key(|&(_, n)| n);
        if let Some((word, _)) = longest.filter(|&(_, n)| n >= RUN_TOGETHER) {
            let col = line[..line.find(word).unwrap_or(0)].chars().count() as u32 + 1;
            run_together.push((i as u32 + 1, col, word));
        }
    }
    if prose >= 5 && run_together.len() * 6 >= prose {
        let (line, col, word) = run_together[0];
        let shown: String = word.chars().take(40).collect();
        diags.push(
            Diagnostic::warning(
                "extraction-lost-spaces",
                line,
                format!(
                    "{} of {prose} lines run words together (`{shown}…`): the extractor lost the word spaces, \
                     and they cannot be restored; extract the PDF again with another tool (poppler's \
                     `pdftotext` keeps them)",
                    run_together.len()
                ),
            )
            .at_col(col),
        );
    }
}

/// Reports letters that the extractor took out of their words and set on lines of their
/// own (PyMuPDF, pdfminer and PDFBox on LibreOffice PDFs whose `ə` came from a fallback
/// face: `Bakı Ş h r Dumasının` above a line `ə ə`): at least five such lines, and at least
/// a twentieth of all lines.
pub fn split_glyphs(src: &str, diags: &mut Vec<Diagnostic>) {
    let mut lines = 0usize;
    let mut split: Vec<u32> = Vec::new();
    let mut letters: Vec<char> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        let mut chars = t.chars().filter(|c| !c.is_whitespace());
        let Some(first) = chars.next() else { continue };
        // A line of one letter, alone or repeated with spaces (`ə`, `ə ə`); `I` or `a`
        // alone may be a word, so only non-ASCII letters count.
        if first.is_alphabetic() && !first.is_ascii() && chars.all(|c| c == first) {
            split.push(i as u32 + 1);
            if !letters.contains(&first) {
                letters.push(first);
            }
        }
    }
    if split.len() >= 5 && split.len() * 20 >= lines {
        let shown: Vec<String> = letters.iter().map(|c| format!("`{c}`")).collect();
        diags.push(Diagnostic::warning(
            "extraction-split-glyphs",
            split[0],
            format!(
                "{} lines hold nothing but the letter {}: the extractor took these letters out of \
                 their words, which lack them (`Ş h r` for `Şəhər`); extract the PDF again with another \
                 tool (poppler's `pdftotext` keeps them in place)",
                split.len(),
                shown.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::{lost_word_spaces, split_glyphs};

    #[test]
    fn letters_set_apart_are_reported_once() {
        let bad = "Bakı Ş h r Dumasının maarif\nə ə\nsiyas ti (1918–1920)\nə\n".repeat(4);
        let mut d = Vec::new();
        split_glyphs(&bad, &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].code, d[0].line), ("extraction-split-glyphs", 2));
        assert!(d[0].message.contains("`ə`"), "{}", d[0].message);
        let good = "A\nI\nThe first line of a page.\n".repeat(5);
        let mut d = Vec::new();
        split_glyphs(&good, &mut d);
        assert!(d.is_empty());
    }

    #[test]
    fn words_run_together_are_reported_once() {
        let bad = "Thisarticlefollowsthecommitteethroughthecattleplague scare\n".repeat(4)
            + "In the spring of 1877 the grain merchants of Riga received news.\n";
        let mut d = Vec::new();
        lost_word_spaces(&bad, &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].code, d[0].line, d[0].col), ("extraction-lost-spaces", 1, 1));
        let good = "Donaudampfschifffahrtsgesellschaftskapitän is long, but one word.\n".to_string()
            + &"In the spring of 1877 the grain merchants of Riga received news.\n".repeat(9)
            + "https://www.academia.edu/44370851/A_NEW_TURN_OF_THE_KARABAKH_CONFLICT_IN_THE_CONTEXT\n";
        let mut d = Vec::new();
        lost_word_spaces(&good, &mut d);
        assert!(d.is_empty(), "{d:?}");
    }
}
