//! pandoc's superscript and subscript: `2^10^`, `H~2~O`. Unlike CommonMark's delimiter runs
//! (pulldown-cmark's extension), pandoc reads them inside words too; their content has no
//! space and is not empty, and `~~` is strikeout, not subscript.

/// A superscript or subscript found in a piece of text: the bytes of its two markers.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Script {
    /// `^` (true) or `~` (false).
    pub superscript: bool,
    /// The opening marker's byte.
    pub open: usize,
    /// The closing marker's byte.
    pub close: usize,
}

/// The superscripts and subscripts of `text`, in order; `escaped(i)` says whether the byte
/// at `i` is escaped by a backslash in the source.
pub(super) fn find(text: &str, escaped: impl Fn(usize) -> bool) -> Vec<Script> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let marker = matches!(c, b'^' | b'~') && !escaped(i);
        // `~~` is strikeout; a run of markers is text.
        let doubled = bytes.get(i + 1) == Some(&c) || i > 0 && bytes[i - 1] == c;
        if !marker || doubled {
            i += 1;
            continue;
        }
        match closing(bytes, i, &escaped) {
            Some(close) => {
                out.push(Script { superscript: c == b'^', open: i, close });
                i = close + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The closing marker of the one opened at `open`: the next unescaped same marker, with at
/// least one byte and no whitespace between (but `\ `, which pandoc reads as a no-break
/// space: see [`content`]).
fn closing(bytes: &[u8], open: usize, escaped: &impl Fn(usize) -> bool) -> Option<usize> {
    let c = bytes[open];
    for (k, &b) in bytes.iter().enumerate().skip(open + 1) {
        // A space escaped by a backslash (pandoc's no-break space) does not end it.
        if b.is_ascii_whitespace() && !(b == b' ' && bytes[k - 1] == b'\\') {
            return None;
        }
        if b == c && !escaped(k) {
            let doubled = bytes.get(k + 1) == Some(&c);
            return (k > open + 1 && !doubled).then_some(k);
        }
    }
    None
}

/// The text between the markers: `\ ` is a no-break space, as pandoc reads it.
pub(super) fn content(inner: &str) -> String {
    inner.replace("\\ ", "\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(bool, &str)> {
        find(text, |_| false).into_iter().map(|s| (s.superscript, &text[s.open + 1..s.close])).collect()
    }

    #[test]
    fn inside_words_as_pandoc_reads_them() {
        assert_eq!(spans("H~2~O and 2^10^ is"), [(false, "2"), (true, "10")]);
        assert_eq!(spans("the 1^er^ mai"), [(true, "er")]);
        assert_eq!(spans("x^a\\ b^"), [(true, "a\\ b")]);
        assert_eq!(content("a\\ b"), "a\u{a0}b");
    }

    #[test]
    fn spaces_empty_content_and_strikeout_are_text() {
        assert!(spans("a ^b c^ d").is_empty());
        assert!(spans("a ^^ b").is_empty());
        assert!(spans("~~struck~~").is_empty());
        assert!(spans("x^ y^").is_empty());
        assert!(spans("unclosed ^here").is_empty());
    }

    #[test]
    fn escaped_markers_are_text() {
        let text = "2\\^10\\^";
        assert!(find(text, |i| i > 0 && text.as_bytes()[i - 1] == b'\\').is_empty());
    }
}
