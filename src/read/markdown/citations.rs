//! pandoc's citations (`[@smith2004, p. 5]`, `[see @a; @b]`, `[-@smith2004]`): the model has
//! no citations yet, so their text stays as written; the reader says so once per document
//! instead of leaving them as text without a word.

use crate::model::Inline;

/// Whether `inlines` (their text, not their code) hold a bracketed pandoc citation.
pub(super) fn any(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text { text } => in_text(text),
        Inline::Code { .. } | Inline::Note(_) => false,
        other => any(other.children()),
    })
}

/// Whether `text` holds `[… @key …]`: an `@` opening a key (a letter, digit or `_` after it)
/// right after `[`, `-`, a space or `;`, inside an open bracket that closes later.
fn in_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('@') {
        let key = bytes.get(i + 1).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
        let before = i > 0 && matches!(bytes[i - 1], b'[' | b'-' | b' ' | b';');
        let open = text[..i].rfind('[').is_some_and(|o| text[o..i].find(']').is_none());
        if key && before && open && text[i..].contains(']') {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_citations_are_found_and_addresses_are_not() {
        assert!(in_text("as shown [@smith2004, p. 5]."));
        assert!(in_text("[see @a; @b, ch. 2]"));
        assert!(in_text("Smith says so [-@smith2004]."));
        assert!(!in_text("write to me@example.org [today]"));
        assert!(!in_text("an @handle without brackets"));
        assert!(!any(&[Inline::Code { text: "[@x]".into() }]));
    }
}
