//! pandoc's `tex_math_dollars`, as pandoc 3.9 reads it: `$…$` inline and `$$…$$` display
//! math. pulldown-cmark's own math extension follows GitHub's rules (no digit rule, braces
//! balanced, no `\text{…}` exception), so the spans are found here, before parsing, and each
//! is turned into a code span of the same bytes (its dollars become backticks), which
//! pulldown-cmark then leaves whole: no emphasis, link or escape is read inside a formula.
//!
//! The rules (pandoc's `mathInlineWith` and `mathDisplayWith`):
//! - inline: an unescaped `$` followed by neither whitespace nor `$`; inside, `\` takes the
//!   next character with it (`\$` does not close), `\text{…}` with balanced braces may hold
//!   dollars, whitespace may not come right before a `$`, a line end neither (nor a blank
//!   line after it); the closing `$` may not be followed by a digit, so `$5 and $10` is
//!   text. A failed opener is text and the next `$` is tried;
//! - display: `$$`, at least one character, no blank line, the first `$$` closes; escapes
//!   mean nothing inside and a digit may follow;
//! - `$` in a code span, a code block, an HTML tag or an autolink is not math.

use std::ops::Range;

/// A formula found in a text: the bytes from its opening to after its closing delimiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    /// The bytes of the formula, delimiters included.
    pub bytes: Range<usize>,
    /// `$$…$$`.
    pub display: bool,
}

impl Span {
    /// Length of each delimiter.
    pub fn delim(&self) -> usize {
        if self.display {
            2
        } else {
            1
        }
    }

    /// The bytes of the TeX, between the delimiters.
    pub fn inner(&self) -> Range<usize> {
        self.bytes.start + self.delim()..self.bytes.end - self.delim()
    }
}

/// The formulas of `text`, in order. `code` lists the byte ranges of code block lines (never
/// math, and a formula cannot run into one).
pub(super) fn find(text: &str, code: &[Range<usize>]) -> Vec<Span> {
    let s = Scan { bytes: text.as_bytes(), code };
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.bytes.len() {
        if let Some(r) = s.code_at(i) {
            i = r.end.max(i + 1);
            continue;
        }
        let b = s.bytes[i];
        if s.escaped(i) {
            i += 1;
            continue;
        }
        match b {
            b'`' => i = s.skip_code(i),
            b'<' => i = s.skip_tag(i),
            b'$' => {
                let display = s.bytes.get(i + 1) == Some(&b'$');
                let end = if display { s.display(i) } else { s.inline(i) };
                match end {
                    Some(end) => {
                        out.push(Span { bytes: i..end, display });
                        i = end;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    out
}

struct Scan<'t> {
    bytes: &'t [u8],
    code: &'t [Range<usize>],
}

impl Scan<'_> {
    fn code_at(&self, i: usize) -> Option<&Range<usize>> {
        self.code.iter().find(|r| r.contains(&i))
    }

    /// Whether the byte at `i` is escaped by a backslash.
    fn escaped(&self, i: usize) -> bool {
        self.bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
    }

    /// Whether the line end at `i` is followed by a blank line (or a code line).
    fn before_blank(&self, i: usize) -> bool {
        let rest = &self.bytes[i + 1..];
        let blank =
            rest.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\r')).is_some_and(|k| rest[k] == b'\n');
        blank || self.code_at(i + 1).is_some()
    }

    /// After the code span opened by the backtick run at `i` (a run of the same length closes
    /// it, before a blank line), or after the run when nothing closes it.
    fn skip_code(&self, i: usize) -> usize {
        let n = self.bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let mut j = i + n;
        while j < self.bytes.len() {
            match self.bytes[j] {
                b'`' => {
                    let m = self.bytes[j..].iter().take_while(|&&b| b == b'`').count();
                    if m == n {
                        return j + m;
                    }
                    j += m;
                }
                b'\n' if self.before_blank(j) => break,
                _ => j += 1,
            }
        }
        i + n
    }

    /// After an HTML tag, comment or autolink opened at `i` (closed on its line by `>`), or
    /// just after the `<`.
    fn skip_tag(&self, i: usize) -> usize {
        let tag = self
            .bytes
            .get(i + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !tag {
            return i + 1;
        }
        let line = &self.bytes[i..];
        let line = &line[..line.iter().position(|&b| b == b'\n').unwrap_or(line.len())];
        line.iter().position(|&b| b == b'>').map_or(i + 1, |k| i + k + 1)
    }

    /// The end of the inline formula opened at `i`.
    fn inline(&self, i: usize) -> Option<usize> {
        let first = *self.bytes.get(i + 1)?;
        if first == b'$' || first.is_ascii_whitespace() || starts_with_space(&self.bytes[i + 1..]) {
            return None;
        }
        let mut j = i + 1;
        while j < self.bytes.len() {
            if self.code_at(j).is_some() {
                return None;
            }
            match self.bytes[j] {
                b'$' => {
                    let digit = self.bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
                    return (!digit).then_some(j + 1);
                }
                b'\\' => j = self.after_escape(j)?,
                b'\n' if self.before_blank(j) || self.bytes.get(j + 1) == Some(&b'$') => return None,
                b' ' | b'\t' | b'\r' | b'\n' if self.bytes.get(j + 1) == Some(&b'$') => return None,
                _ => j += 1,
            }
        }
        None
    }

    /// After `\` at `j` in inline math: `\text{…}` whole when its braces balance, else the
    /// backslash and the character after it.
    fn after_escape(&self, j: usize) -> Option<usize> {
        if self.bytes[j + 1..].starts_with(b"text{") {
            let open = j + 5;
            let mut depth = 0usize;
            let mut k = open;
            while k < self.bytes.len() {
                match self.bytes[k] {
                    b'\\' => k += 1,
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(k + 1);
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        let next = *self.bytes.get(j + 1)?;
        Some(j + 1 + utf8_len(next))
    }

    /// The end of the display formula opened at `i` (`$$`).
    fn display(&self, i: usize) -> Option<usize> {
        let start = i + 2;
        let mut j = start;
        while j < self.bytes.len() {
            if self.code_at(j).is_some() {
                return None;
            }
            if j > start && self.bytes[j..].starts_with(b"$$") {
                return Some(j + 2);
            }
            if self.bytes[j] == b'\n' && self.before_blank(j) {
                return None;
            }
            j += 1;
        }
        None
    }
}

/// Whether `bytes` opens with a non-ASCII whitespace character (a no-break space).
fn starts_with_space(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    text.chars().next().is_some_and(char::is_whitespace)
}

/// Length of the UTF-8 character whose first byte is `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// The TeX of a formula as written between its delimiters, `inner`: when the formula sits in
/// a quotation, list item or note (`in_container`), the container's marks and indentation
/// that open its continuation lines (`> `, spaces) are not part of it.
pub(super) fn tex(inner: &str, in_container: bool) -> String {
    if !in_container || !inner.contains('\n') {
        return inner.to_string();
    }
    let mut out = String::with_capacity(inner.len());
    for (k, line) in inner.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
            out.push_str(line.trim_start_matches([' ', '\t', '>']));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Whether `tex` written between `$` (or `$$`) reads back as this one formula, with `next`
/// the text that follows it: the writer's check before writing dollars.
pub fn round_trips(tex: &str, display: bool, next: Option<char>) -> bool {
    let delim = if display { "$$" } else { "$" };
    let mut text = format!("{delim}{tex}{delim}");
    if let Some(c) = next {
        text.push(c);
    }
    let found = find(&text, &[]);
    found
        .first()
        .is_some_and(|s| s.bytes == (0..text.len() - next.map_or(0, char::len_utf8)) && s.display == display)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The formulas of `text` as (display, TeX).
    fn math(text: &str) -> Vec<(bool, &str)> {
        find(text, &[]).into_iter().map(|s| (s.display, &text[s.inner()])).collect()
    }

    fn inline(tex: &str) -> (bool, &str) {
        (false, tex)
    }

    #[test]
    fn inline_math_needs_no_space_inside_its_dollars() {
        assert_eq!(math("a $x^2$ b"), [inline("x^2")]);
        assert!(math("$ x$").is_empty());
        assert!(math("$x $").is_empty());
        assert!(math("$ $").is_empty());
        assert_eq!(math("$a $b$"), [inline("b")]);
        assert_eq!(math("$a  b$ $a\tb$"), [inline("a  b"), inline("a\tb")]);
        // A no-break space after the opening dollar is whitespace too.
        assert!(math("$\u{a0}x$").is_empty());
    }

    #[test]
    fn prices_stay_text() {
        assert!(math("$5 and $10").is_empty());
        assert!(math("from $20,000 to $30,000").is_empty());
        // The digit rule makes the opener fail, and the next dollar is tried.
        assert_eq!(math("$a$5 b$"), [inline("5 b")]);
        assert_eq!(math("US$5 and 6$ b"), [inline("5 and 6")]);
    }

    #[test]
    fn escapes_inside_and_outside() {
        assert!(math("\\$x$").is_empty());
        assert_eq!(math("\\\\$x$"), [inline("x")]);
        assert_eq!(math("$a\\$b$"), [inline("a\\$b")]);
        assert_eq!(math("$\\$$"), [inline("\\$")]);
        assert_eq!(math("$a\\\\$"), [inline("a\\\\")]);
        assert_eq!(math("$x\\ $"), [inline("x\\ ")]);
        assert!(math("$a\\").is_empty());
    }

    #[test]
    fn text_in_braces_may_hold_dollars() {
        assert_eq!(math("$\\text{$x$}$"), [inline("\\text{$x$}")]);
        assert_eq!(math("$a\\text{{x}$ b}$"), [inline("a\\text{{x}$ b}")]);
        // Unbalanced: `\t` is an ordinary escape and the first dollar closes.
        assert_eq!(math("$a\\text{x$"), [inline("a\\text{x")]);
    }

    #[test]
    fn line_ends_in_inline_math() {
        assert_eq!(math("$a\nb$"), [inline("a\nb")]);
        assert!(math("$a\n$").is_empty());
        assert!(math("$a\n\nb$").is_empty());
        assert!(math("$a\n  \nb$").is_empty());
    }

    #[test]
    fn dollars_next_to_dollars() {
        assert_eq!(math("$a$$b$"), [inline("a"), inline("b")]);
        assert_eq!(math("$$x$"), [inline("x")]);
        assert_eq!(math("$a$$"), [inline("a")]);
        assert_eq!(math("$$$a$"), [inline("a")]);
        assert!(math("$$$$").is_empty());
        assert!(math("$$$").is_empty());
        assert_eq!(math("$$$x$$$"), [(true, "$x")]);
    }

    #[test]
    fn display_math() {
        assert_eq!(math("a $$x$$ b"), [(true, "x")]);
        assert_eq!(math("$$ x $$"), [(true, " x ")]);
        assert_eq!(math("$$ $$"), [(true, " ")]);
        assert_eq!(math("$$a$$5"), [(true, "a")]);
        assert_eq!(math("$$\n  x +\n    y\n$$"), [(true, "\n  x +\n    y\n")]);
        assert!(math("$$x\n\ny$$").is_empty());
        // Escapes mean nothing in display math.
        assert_eq!(math("$$a\\$$$"), [(true, "a\\")]);
    }

    #[test]
    fn code_tags_and_code_blocks_are_not_math() {
        assert!(math("`$x$`").is_empty());
        assert!(math("``a ` $x$``").is_empty());
        assert_eq!(math("`a $x` b$"), []);
        assert_eq!(math("`unclosed $x$"), [inline("x")]);
        assert_eq!(math("$`x`$"), [inline("`x`")]);
        assert!(math("<a href=\"$x$\">").is_empty());
        assert_eq!(math("$<b>$"), [inline("<b>")]);
        assert_eq!(math("a < b $c$"), [inline("c")]);
        let text = "```\n$x$\n```\n$y$";
        let code = [Range { start: 0, end: 12 }];
        let found: Vec<_> = find(text, &code).into_iter().map(|s| &text[s.inner()]).collect();
        assert_eq!(found, ["y"]);
        // A formula cannot run into a code block.
        let text = "$a\n```\nb$\n```";
        assert!(find(text, &[Range { start: 3, end: 14 }]).is_empty());
    }

    #[test]
    fn container_marks_leave_the_tex() {
        assert_eq!(tex("a\n> b", true), "a\nb");
        assert_eq!(tex("\n   a\n   ", true), "\na\n");
        assert_eq!(tex("a\n> b", false), "a\n> b");
    }

    #[test]
    fn the_writer_knows_what_reads_back() {
        assert!(round_trips("x^2", false, Some(' ')));
        assert!(round_trips("a\\$b", false, None));
        assert!(!round_trips("x", false, Some('5')));
        assert!(round_trips("x", true, Some('5')));
        assert!(!round_trips(" x", false, None));
        assert!(!round_trips("a$b", false, None));
        assert!(!round_trips("a\\", false, None));
        assert!(round_trips("\\text{$x$}", false, None));
        assert!(!round_trips("a$$b", true, None));
        assert!(!round_trips("", false, None));
    }
}
