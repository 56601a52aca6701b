//! Counted nouns in messages: `1 warning`, `2 warnings`, `1 entry`, `3 entries`.

/// Writes `n` and `word` (a singular English noun, or a phrase ending in one), the noun in
/// the plural unless `n` is 1: `-ies` after a consonant and `y`, `-es` after s, x, ch and sh,
/// else `-s`. Every count colophon prints goes through here, so no message says `1 warnings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        return format!("1 {word}");
    }
    let consonant_y = word.strip_suffix('y').is_some_and(|w| !w.ends_with(['a', 'e', 'i', 'o', 'u']));
    if consonant_y {
        format!("{n} {}ies", &word[..word.len() - 1])
    } else if ["s", "x", "ch", "sh"].iter().any(|e| word.ends_with(e)) {
        format!("{n} {word}es")
    } else {
        format!("{n} {word}s")
    }
}

/// `is` for one, `are` for any other count: the verb after [`plural`].
pub fn is_are(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// `was` for one, `were` for any other count.
pub fn was_were(n: usize) -> &'static str {
    if n == 1 {
        "was"
    } else {
        "were"
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(plural(1, "warning"), "1 warning");
        assert_eq!(plural(0, "warning"), "0 warnings");
        assert_eq!(format!("{} {}", plural(1, "note"), super::is_are(1)), "1 note is");
        assert_eq!(format!("{} {}", plural(3, "note"), super::was_were(3)), "3 notes were");
        assert_eq!(plural(2, "bibliography entry"), "2 bibliography entries");
        assert_eq!(plural(3, "day"), "3 days");
        assert_eq!(plural(2, "class"), "2 classes");
        assert_eq!(plural(1, "class"), "1 class");
        assert_eq!(plural(5, "match"), "5 matches");
    }
}
