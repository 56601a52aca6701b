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
/// `known` answers whether a word occurs elsewhere in the document, unhyphenated: the
/// document is its own dictionary. Without that evidence the hyphen is kept (the
/// safer choice: a kept hyphen is visible, a wrong removal silently merges two words).
pub fn join_cut(left: &str, right: &str, known: &dyn Fn(&str) -> bool) -> (String, HyphenJoin) {
    let left = left.trim_end();
    let right = right.trim_start();
    if left.is_empty() {
        return (right.to_string(), HyphenJoin::None);
    }
    if right.is_empty() {
        return (left.to_string(), HyphenJoin::None);
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
            if starts_lower && known(&word) {
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
    let known = |w: &str| contains_word(&all, w);
    let mut out = String::new();
    for line in lines {
        out = join_cut(&out, line, &known).0;
    }
    out
}

/// Returns true when `word` occurs in `text` as a whole word (case-insensitive).
pub fn contains_word(text: &str, word: &str) -> bool {
    let w = word.to_lowercase();
    text.split(|c: char| !c.is_alphabetic()).any(|t| t.to_lowercase() == w)
}

/// Returns true when `text` ends a sentence (so a following cut may start a new paragraph).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let t = t.trim_end_matches(['"', '”', '»', '’', '\'', ')']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Returns true when `text` starts with a lower-case letter (a cut mid-sentence).
pub fn starts_lower(text: &str) -> bool {
    text.trim_start().chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cut_joins_with_one_space() {
        assert_eq!(join_cut("the war ", " ended", &|_| false).0, "the war ended");
    }

    #[test]
    fn hyphen_removed_only_for_known_words() {
        let known = |w: &str| w == "истории";
        assert_eq!(
            join_cut("из исто-", "рии края", &known),
            ("из истории края".into(), HyphenJoin::Removed("истории".into()))
        );
        let (t, j) = join_cut("transfor-", "mation of", &|_| false);
        assert_eq!(t, "transfor-mation of");
        assert_eq!(j, HyphenJoin::Kept("transfor-mation".into()));
        let (t, _) = join_cut("Azerbaijan-", "Karabakh", &|_| true);
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
        assert!(starts_lower(" give autonomy"));
        assert!(!starts_lower("The"));
        assert!(!starts_lower("\"Quote"));
    }
}
