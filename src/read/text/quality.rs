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

#[cfg(test)]
mod tests {
    use super::lost_word_spaces;

    #[test]
    fn words_run_together_are_reported_once() {
        let bad = "Thisarticlefollowsthecommitteethroughthecattleplague scare\n".repeat(4)
            + "In the spring of 1877 the grain merchants of Riga received news.\n";
        let mut d = Vec::new();
        lost_word_spaces(&bad, &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].code, d[0].line, d[0].col), ("extraction-lost-spaces", 1, 1));
        let good = "Donaudampfschifffahrtsgesellschaftskapitän is long, but one word.\n".repeat(1)
            + &"In the spring of 1877 the grain merchants of Riga received news.\n".repeat(9)
            + "https://www.academia.edu/44370851/A_NEW_TURN_OF_THE_KARABAKH_CONFLICT_IN_THE_CONTEXT\n";
        let mut d = Vec::new();
        lost_word_spaces(&good, &mut d);
        assert!(d.is_empty(), "{d:?}");
    }
}
