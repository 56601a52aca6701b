//! Joining text that an extractor cut: wrapped lines and page cuts, with hyphenation repair.

/// How a word hyphenated across a cut was joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HyphenJoin {
    /// No hyphen at the cut.
    None,
    /// The hyphen was removed (`transfor-` + `mation`): the joined word is known elsewhere.
    Removed(String),
    /// The hyphen was kept (`Azerbaijan-` + `Karabakh`, or unsure).
    Kept(String),
}

/// Joins `left` and `right` across a cut, deciding about a hyphen at the end of `left`.
///
/// `occurrences` counts a word's whole-word occurrences in the document (the cut itself
/// included): the document is its own dictionary. Without that evidence the hyphen is kept (the
/// safer choice: a kept hyphen is visible, a wrong removal silently merges two words).
pub fn join_cut(left: &str, right: &str, occurrences: &dyn Fn(&str) -> usize) -> (String, HyphenJoin) {
    let left = left.trim_end();
    let right = right.trim_start();
    if left.is_empty() {
        return (right.to_string(), HyphenJoin::None);
    }
    if right.is_empty() {
        return (left.to_string(), HyphenJoin::None);
    }
    // A web address cut after one of its separators goes on without a space
    // (`https://doi.org/10.1017/slr.` + `2005.0311`).
    let last = left.rsplit(char::is_whitespace).next().unwrap_or("");
    let url = last.contains("://") || last.starts_with("www.") || last.contains("doi.org/");
    let next = right.split(char::is_whitespace).next().unwrap_or("");
    if url
        && last.ends_with(['/', '.', '-', '_', '=', '&', '?', '#', '~'])
        && !next.is_empty()
        && !next.chars().next().is_some_and(char::is_uppercase)
    {
        return (format!("{left}{right}"), HyphenJoin::None);
    }
    // A soft hyphen is a break the typesetter chose: the word goes on without it. Unless a
    // capital follows a word with small letters (`SächsStA` + `L`, `Self` + `Determination`):
    // no hyphenation breaks a word there, so the extractor wrote its printed hyphen as U+00AD
    // (pdfminer does for Typst's hyphens).
    if let Some(stem) = left.strip_suffix('\u{AD}') {
        let head_has_lower =
            stem.split_whitespace().next_back().is_some_and(|w| w.chars().any(char::is_lowercase));
        if head_has_lower && right.starts_with(char::is_uppercase) {
            return (format!("{stem}-{right}"), HyphenJoin::None);
        }
        return (format!("{stem}{right}"), HyphenJoin::None);
    }
    // The Unicode hyphen (U+2010) some typesetters break words with is a hyphen.
    if let Some(stem) = left.strip_suffix('\u{2010}') {
        return join_cut(&format!("{stem}-"), right, occurrences);
    }
    // A range cut after its dash (`1918–` + `1919 рр.`).
    if left.ends_with(['–', '—']) && right.starts_with(|c: char| c.is_ascii_digit()) {
        return (format!("{left}{right}"), HyphenJoin::None);
    }
    if let Some(stem) = left.strip_suffix('-') {
        let head: String = stem
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = right.chars().take_while(|c| c.is_alphabetic()).collect();
        if !head.is_empty() && !tail.is_empty() {
            let word = format!("{head}{tail}");
            let starts_lower = tail.chars().next().is_some_and(|c| c.is_lowercase());
            // Evidence of a break: the joined word occurs elsewhere, or neither half is a
            // word of the document (`transfor-` + `mation`), unlike a compound (`well-known`).
            // Each half occurs once at the cut itself, so a half is a word only when seen twice.
            if starts_lower && (occurrences(&word) > 0 || (occurrences(&head) < 2 && occurrences(&tail) < 2))
            {
                return (format!("{stem}{right}"), HyphenJoin::Removed(word));
            }
            return (format!("{left}{right}"), HyphenJoin::Kept(format!("{head}-{tail}")));
        }
    }
    (format!("{left} {right}"), HyphenJoin::None)
}

/// Joins the physical lines of one unit with single spaces, repairing end-of-line
/// hyphenation when the joined word also occurs unhyphenated in the unit.
pub fn join_lines(lines: &[&str]) -> String {
    let all = lines.join(" ");
    let occurrences = |w: &str| count_word(&all, w);
    let mut out = String::new();
    for line in lines {
        out = join_cut(&out, line, &occurrences).0;
    }
    out
}

/// Counts the whole-word occurrences of `word` in `text` (case-insensitive).
pub fn count_word(text: &str, word: &str) -> usize {
    let w = word.to_lowercase();
    text.split(|c: char| !c.is_alphabetic()).filter(|t| t.to_lowercase() == w).count()
}

/// Returns true when `text` ends a sentence (so a following cut may start a new paragraph).
pub fn ends_sentence(text: &str) -> bool {
    let t = strip_trailing_call(text.trim_end());
    let t = t.trim_end_matches(['"', '”', '»', '’', '\'', ')']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Removes a note call at the very end (`gaps.⁴`, `it.$^{2}$`, `end.[3]`, `office.4`).
fn strip_trailing_call(t: &str) -> &str {
    let t = t.trim_end_matches(['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']);
    if t.ends_with(['}', '$']) {
        if let Some(k) = t.rfind("$^").or_else(|| t.rfind("^{")) {
            return t[..k].trim_end();
        }
    }
    if let Some(inner) = t.strip_suffix(']') {
        if let Some(k) = inner.rfind('[') {
            if inner[k + 1..].chars().all(|c| c.is_ascii_digit()) {
                return &t[..k];
            }
        }
    }
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) && t[..t.len() - digits].ends_with(['.', '"', '”', '»', ')']) {
        return &t[..t.len() - digits];
    }
    t
}

/// Returns true when `text` starts with a lower-case letter (a cut mid-sentence).
pub fn starts_lower(text: &str) -> bool {
    text.trim_start().chars().find(|c| c.is_alphanumeric()).is_some_and(super::features::is_small)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A soft hyphen at a cut is the typesetter's break, unless a capital follows a word with
    /// small letters: then it was a printed hyphen the extractor wrote as U+00AD.
    #[test]
    fn a_soft_hyphen_before_a_capital_is_a_printed_hyphen() {
        let none = |_: &str| 0;
        assert_eq!(
            join_cut("Handelskammer (SächsStA\u{AD}", "L, 20202", &none).0,
            "Handelskammer (SächsStA-L, 20202"
        );
        assert_eq!(
            join_cut("National Self\u{AD}", "Determination.", &none).0,
            "National Self-Determination."
        );
        assert_eq!(join_cut("the transfor\u{AD}", "mation", &none).0, "the transformation");
        assert_eq!(join_cut("NATIONAL ARCHI\u{AD}", "VES", &none).0, "NATIONAL ARCHIVES");
    }

    #[test]
    fn a_web_address_cut_at_a_separator_is_joined_without_a_space() {
        let none = |_: &str| 0;
        assert_eq!(
            join_cut("see https://doi.org/10.1017/slr.", "2005.0311. It", &none).0,
            "see https://doi.org/10.1017/slr.2005.0311. It"
        );
        assert_eq!(
            join_cut("at https://example.org/a/", "b/c.html", &none).0,
            "at https://example.org/a/b/c.html"
        );
        assert_eq!(join_cut("the end.", "2005 was", &none).0, "the end. 2005 was");
    }

    #[test]
    fn plain_cut_joins_with_one_space() {
        assert_eq!(join_cut("the war ", " ended", &|_| 0).0, "the war ended");
    }

    #[test]
    fn hyphen_removed_only_for_known_words() {
        let known = |w: &str| usize::from(w == "истории");
        assert_eq!(
            join_cut("из исто-", "рии края", &known),
            ("из истории края".into(), HyphenJoin::Removed("истории".into()))
        );
        let (t, j) = join_cut("transfor-", "mation of", &|_| 1);
        assert_eq!(t, "transformation of");
        assert_eq!(j, HyphenJoin::Removed("transformation".into()));
        let (t, j) = join_cut("well-", "known", &|w| if w == "well" || w == "known" { 2 } else { 0 });
        assert_eq!(t, "well-known");
        assert_eq!(j, HyphenJoin::Kept("well-known".into()));
        let (t, _) = join_cut("Azerbaijan-", "Karabakh", &|_| 3);
        assert_eq!(t, "Azerbaijan-Karabakh");
    }

    #[test]
    fn join_lines_uses_the_unit_as_dictionary() {
        assert_eq!(
            join_lines(&["a transfor-", "mation; transformation"]),
            "a transformation; transformation"
        );
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("the end."));
        assert!(ends_sentence("he said \"no.\""));
        assert!(!ends_sentence("and the"));
        assert!(ends_sentence("the gaps.⁴"));
        assert!(ends_sentence("it.$^{^{2}}$"));
        assert!(ends_sentence("office.[4]"));
        assert!(ends_sentence("in 1923.1"));
        assert!(!ends_sentence("in 1923"));
        assert!(starts_lower(" give autonomy"));
        assert!(!starts_lower("The"));
        assert!(!starts_lower("\"Quote"));
    }
}
