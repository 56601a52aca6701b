//! pandoc's fancy list markers, which CommonMark (and so pulldown-cmark) does not read:
//! `a.`, `b)`, `(c)`, `iv.`, `(IV)`, `#.`, `(1)`. Before parsing, each such marker is
//! rewritten as a decimal marker of the same byte length (`(c)` → ` 3)`), so pulldown-cmark
//! builds the list, its nesting and its looseness, and every offset stays where it was; the
//! list's numerals and delimiter are kept from the original marker ([`marker_in`]).
//!
//! pandoc's rules are followed: a single letter is a letter, but `i`/`I` start roman
//! numerals, and numerals of two letters or more are roman; a capital letter with a period
//! needs two spaces after it (`B. Russell` is a name, not an item); a new list needs a
//! blank line before it (it cannot interrupt a paragraph). Code fences are left alone.

use crate::model::{Delimiter, NumberStyle};

/// A list marker as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    /// The item's number (1 for `a`, `i` and `#`).
    pub number: u32,
    /// The numerals.
    pub style: NumberStyle,
    /// What surrounds them.
    pub delimiter: Delimiter,
    /// The marker's length in bytes (`(iv)` is 4).
    pub len: usize,
}

/// The marker at the start of `s` (after its indentation), if `s` opens a list item the way
/// pandoc reads one (followed by a space or the end of the line), inside a list whose
/// numerals are `style`: pandoc reads the next items in the first one's style, so after
/// `iv.` the item `v.` is roman five, not the letter v.
pub(super) fn marker_in(s: &str, style: Option<NumberStyle>) -> Option<Marker> {
    let (open, rest) = match s.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let end = rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '#')?;
    let (numeral, after) = rest.split_at(end);
    let delimiter = match (open, after.chars().next()?) {
        (true, ')') => Delimiter::TwoParens,
        (false, ')') => Delimiter::Paren,
        (false, '.') => Delimiter::Period,
        _ => return None,
    };
    let roman = matches!(style, Some(NumberStyle::LowerRoman | NumberStyle::UpperRoman));
    let as_roman = || {
        let upper = numeral.bytes().all(|b| b.is_ascii_uppercase());
        let n = roman_value(&numeral.to_ascii_lowercase())?;
        Some((n, if upper { NumberStyle::UpperRoman } else { NumberStyle::LowerRoman }))
    };
    let (number, style) = match roman {
        true => as_roman(),
        false => None,
    }
    .or_else(|| numeral_value(numeral))?;
    let len = usize::from(open) + numeral.len() + 1;
    let tail = &s[len..];
    if !(tail.is_empty() || tail.starts_with([' ', '\t'])) {
        return None;
    }
    // `B. Russell`: a capital letter and a period need two spaces (or a tab) after them.
    let capital = numeral.len() == 1 && numeral.chars().all(|c| c.is_ascii_uppercase());
    if capital && delimiter == Delimiter::Period && !(tail.starts_with("  ") || tail.starts_with('\t')) {
        return None;
    }
    Some(Marker { number, style, delimiter, len })
}

/// The length of pandoc's example marker (`(@)`, `(@good)`) at the start of `s`, followed by
/// a space or the end of the line: pandoc numbers example items on through the document, in a
/// list numbered `(1)`, `(2)`.
fn example_marker(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("(@")?;
    let label = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
    let tail = rest[label..].strip_prefix(')')?;
    (tail.is_empty() || tail.starts_with([' ', '\t'])).then_some(label + 3)
}

/// The value and style of a numeral: `3`, `#`, `c`, `iv`, `IV`.
fn numeral_value(numeral: &str) -> Option<(u32, NumberStyle)> {
    if numeral == "#" {
        return Some((1, NumberStyle::Decimal));
    }
    if !numeral.is_empty() && numeral.len() <= 9 && numeral.bytes().all(|b| b.is_ascii_digit()) {
        return numeral.parse().ok().map(|n| (n, NumberStyle::Decimal));
    }
    let lower = numeral.bytes().all(|b| b.is_ascii_lowercase());
    let upper = numeral.bytes().all(|b| b.is_ascii_uppercase());
    if !(lower || upper) {
        return None;
    }
    let roman_style = if lower { NumberStyle::LowerRoman } else { NumberStyle::UpperRoman };
    let alpha_style = if lower { NumberStyle::LowerAlpha } else { NumberStyle::UpperAlpha };
    match numeral.len() {
        0 => None,
        1 if numeral.eq_ignore_ascii_case("i") => Some((1, roman_style)),
        1 => Some((u32::from(numeral.to_ascii_lowercase().as_bytes()[0] - b'a') + 1, alpha_style)),
        _ => roman_value(&numeral.to_ascii_lowercase()).map(|n| (n, roman_style)),
    }
}

/// The value of a lower-case roman numeral written the usual way (`xiv`), up to 3999.
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        b'd' => Some(500),
        b'm' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = s.bytes().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    let n = u32::try_from(total).ok().filter(|n| (1..4000).contains(n))?;
    // Only the canonical spelling (`iiii` and `vx` are not numerals).
    (crate::model::NumberStyle::LowerRoman.numeral(n) == s).then_some(n)
}

/// Rewrites fancy markers line by line, tracking code fences and where a list may start.
#[derive(Default)]
pub(super) struct Rewriter {
    /// The open code fence: its character and length.
    fence: Option<(u8, usize)>,
    /// Whether the previous line was blank (or there was none).
    after_blank: bool,
    /// Whether the lines since the last list item belong to a list.
    in_list: bool,
    /// Whether any line was read.
    started: bool,
    /// The ordered lists open: each item's indentation, its list's numerals and the
    /// delimiter pulldown-cmark sees for it (`b'.'` or `b')'`).
    open: Vec<(usize, NumberStyle, u8)>,
    /// The example items (`(@)`, `(@label)`) met so far: pandoc numbers them on through the
    /// whole document.
    examples: u32,
}

impl Rewriter {
    /// Whether the lines read so far left a code fence open.
    pub fn in_code(&self) -> bool {
        self.fence.is_some()
    }

    /// The line (without its line end) with its fancy marker rewritten, the byte of the new
    /// numeral in it and the marker as written, when it has one that pulldown-cmark would not
    /// read; `None` to keep the line as it is.
    pub fn line(&mut self, line: &str) -> Option<(String, usize, Marker)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let text = &line[indent..];
        let first = !self.started;
        self.started = true;
        if let Some(fence) = self.code_fence(text) {
            self.fence = fence;
            return None;
        }
        if self.fence.is_some() {
            return None;
        }
        let blank = text.trim().is_empty();
        let after_blank = std::mem::replace(&mut self.after_blank, blank) || first;
        if blank {
            return None;
        }
        // A list ends at a line after a blank one that is not indented and not an item.
        self.open.retain(|(at, ..)| *at <= indent);
        let style = self.open.last().filter(|(at, ..)| *at == indent).map(|(_, s, _)| *s);
        let example = example_marker(text).map(|len| Marker {
            number: self.examples.saturating_add(1),
            style: NumberStyle::Decimal,
            delimiter: Delimiter::TwoParens,
            len,
        });
        let found = example.or_else(|| marker_in(text, style));
        if after_blank && indent == 0 && found.is_none() && !is_commonmark_item(text) {
            self.in_list = false;
            self.open.clear();
        }
        let m = found?;
        // The delimiter as written, as pulldown-cmark sees it, and whether CommonMark reads
        // the marker itself (`3.`, `3)`; not `#.` or `(3)`).
        let natural = if m.delimiter == Delimiter::Period { b'.' } else { b')' };
        let commonmark_reads =
            m.style == NumberStyle::Decimal && m.delimiter != Delimiter::TwoParens && !text.starts_with('#');
        if !(self.in_list || after_blank && indent < 4) {
            // CommonMark reads a decimal item here all the same: a list the next may follow.
            if commonmark_reads && style.is_none() {
                self.open.retain(|(at, ..)| *at < indent);
                self.open.push((indent, m.style, natural));
            }
            return None;
        }
        self.in_list = true;
        if example.is_some() {
            self.examples = m.number;
        }
        // Another style at the same depth starts another list. CommonMark starts one only at
        // another delimiter: where the list before, less than a marker's width to the left,
        // has this one's, the rewritten marker takes the other (`1.` then `a.` → `1)`).
        let delim = if style != Some(m.style) {
            let before = self.open.iter().rev().find(|(at, ..)| indent < at + 3).map(|l| l.2);
            self.open.retain(|(at, ..)| *at < indent);
            let delim = if before == Some(natural) && example.is_none() {
                if natural == b'.' {
                    b')'
                } else {
                    b'.'
                }
            } else {
                natural
            };
            self.open.push((indent, m.style, delim));
            delim
        } else {
            self.open.last().map_or(natural, |l| l.2)
        };
        if commonmark_reads && delim == natural {
            return None; // CommonMark reads it already.
        }
        let digits = m.number.to_string();
        let delim = char::from(delim);
        let width = digits.len() + 1;
        if width > m.len {
            return None;
        }
        let pad = m.len - width;
        let before = pad.min(3usize.saturating_sub(indent));
        let mut out = String::with_capacity(line.len());
        out.push_str(&line[..indent]);
        out.extend(std::iter::repeat_n(' ', before));
        let at = out.len();
        out.push_str(&digits);
        out.push(delim);
        out.extend(std::iter::repeat_n(' ', pad - before));
        out.push_str(&text[m.len..]);
        Some((out, at, m))
    }

    /// A fence line that opens (`Some(Some(..))`) or closes (`Some(None)`) a code block, at
    /// any indentation (a fence inside a list item is indented; taking a fence line of an
    /// indented code block for one only leaves markers after it unrewritten, never code).
    fn code_fence(&self, text: &str) -> Option<Option<(u8, usize)>> {
        let c = *text.as_bytes().first()?;
        if c != b'`' && c != b'~' {
            return None;
        }
        let run = text.bytes().take_while(|&b| b == c).count();
        if run < 3 {
            return None;
        }
        match self.fence {
            None => Some(Some((c, run))),
            Some((open, len)) if open == c && run >= len && text[run..].trim().is_empty() => Some(None),
            Some(_) => None,
        }
    }
}

/// A bullet or decimal item CommonMark reads itself (`- x`, `* x`, `+ x`, `3. x`, `3) x`).
fn is_commonmark_item(text: &str) -> bool {
    let bullet =
        text.len() >= 2 && matches!(text.as_bytes()[0], b'-' | b'*' | b'+') && text.as_bytes()[1] == b' ';
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    bullet || digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(u32, NumberStyle, Delimiter)> {
        marker_in(s, None).map(|m| (m.number, m.style, m.delimiter))
    }

    #[test]
    fn markers_are_read_as_pandoc_reads_them() {
        use Delimiter::*;
        use NumberStyle::*;
        assert_eq!(m("c. text"), Some((3, LowerAlpha, Period)));
        assert_eq!(m("(b) text"), Some((2, LowerAlpha, TwoParens)));
        assert_eq!(m("i. text"), Some((1, LowerRoman, Period)));
        assert_eq!(m("iv) text"), Some((4, LowerRoman, Paren)));
        assert_eq!(m("(XII) text"), Some((12, UpperRoman, TwoParens)));
        assert_eq!(m("A.  text"), Some((1, UpperAlpha, Period)));
        assert_eq!(m("#. text"), Some((1, Decimal, Period)));
        assert_eq!(m("(2) text"), Some((2, Decimal, TwoParens)));
        // Not markers: a name's initial, a word, a non-canonical numeral, no space after.
        assert_eq!(m("B. Russell"), None);
        assert_eq!(m("ab. text"), None);
        assert_eq!(m("iiii. text"), None);
        assert_eq!(m("a.text"), None);
    }

    #[test]
    fn a_list_in_another_style_right_after_one_takes_the_other_delimiter() {
        // pandoc starts a new list at `a.` after `1.`; CommonMark only at another delimiter.
        let mut r = Rewriter::default();
        let out: Vec<Option<String>> =
            ["- x", "1. one", "2. two", "", " a. one", " b. two", "", "1. back", "2. on"]
                .iter()
                .map(|l| r.line(l).map(|x| x.0))
                .collect();
        assert_eq!(out[1], None, "CommonMark reads `1.` itself");
        assert_eq!(out[4].as_deref(), Some(" 1) one"));
        assert_eq!(out[5].as_deref(), Some(" 2) two"));
        // A decimal list after the letters: its own delimiter again, read by CommonMark.
        assert_eq!(out[7], None);
        assert_eq!(out[8], None);
        // The marker as written is what the list keeps.
        let mut r = Rewriter::default();
        r.line("1. one");
        r.line("");
        assert_eq!(r.line("a. one").map(|x| x.2.delimiter), Some(Delimiter::Period));
        // Two parens after `1)`: the period.
        let mut r = Rewriter::default();
        r.line("1) one");
        r.line("");
        assert_eq!(r.line("(a) one").map(|x| x.0).as_deref(), Some(" 1. one"));
    }

    #[test]
    fn markers_are_rewritten_in_place_where_a_list_may_start() {
        let mut r = Rewriter::default();
        let lines = [
            "Intro.",
            "",
            "(a) one",
            "(b) two",
            "    iv. nested",
            "",
            "Not a) list.",
            "```",
            "c. code",
            "```",
        ];
        let out: Vec<String> =
            lines.iter().map(|l| r.line(l).map_or_else(|| l.to_string(), |x| x.0)).collect();
        assert_eq!(out[2], " 1) one");
        assert_eq!(out[3], " 2) two");
        assert_eq!(out[4], "    4.  nested");
        // After `iv.`, `v.` is roman five.
        let mut r = Rewriter::default();
        assert_eq!(r.line("iv. four").map(|x| x.0).as_deref(), Some(" 4. four"));
        assert_eq!(r.line("v. five").map(|x| x.2.number), Some(5));
        assert_eq!(out[6], "Not a) list.");
        assert_eq!(out[8], "c. code", "code is left alone");
        for (a, b) in lines.iter().zip(&out) {
            assert_eq!(a.len(), b.len());
        }
        // A fancy marker cannot interrupt a paragraph.
        let mut r = Rewriter::default();
        assert!(r.line("Some text").is_none());
        assert!(r.line("a. not an item").is_none());
        // Code fenced inside a list item is left alone.
        let mut r = Rewriter::default();
        assert!(r.line("(a) item").is_some());
        assert!(r.line("").is_none());
        assert!(r.line("    ```").is_none());
        assert!(r.line("    b. code").is_none());
        assert!(r.line("    ```").is_none());
        assert!(r.line("(b) item").is_some());
    }
}
