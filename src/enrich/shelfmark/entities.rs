//! HTML character references in copied web text (`АП&nbsp;РФ`, `Л.1&ndash;492`,
//! `&#8470;&nbsp;7`): the search reads the decoded text, and every position it finds is
//! mapped back, so `raw` stays exactly as printed.

/// A text with its character references decoded, and where each decoded byte came from.
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// For each byte offset of `text` (and its end), the offset in the original text.
    map: Vec<usize>,
}

impl Decoded {
    /// Returns the original offset of decoded offset `at`.
    pub fn original(&self, at: usize) -> usize {
        self.map.get(at).copied().unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }
}

/// Named references that occur in citations copied from web pages.
const NAMED: &[(&str, char)] = &[
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("numero", '№'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bdquo", '„'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("quot", '"'),
    ("apos", '\''),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("thinsp", ' '),
    ("ensp", ' '),
    ("emsp", ' '),
    ("sect", '§'),
    ("hellip", '…'),
];

/// Reads the reference starting at `&` in `s` (`&nbsp;`, `&#8470;`, `&#x2013;`); returns the
/// character and the reference's length in bytes.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // A no-break space reads as a space; a control character is not decoded.
        match char::from_u32(code)? {
            '\u{a0}' => ' ',
            c if c.is_control() => return None,
            c => c,
        }
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, end + 1))
}

/// Decodes the character references of `text`; `None` when it has none.
pub fn decode(text: &str) -> Option<Decoded> {
    if !text.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut any = false;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let (ch, len) = if c == '&' { reference(&text[i..]).unwrap_or((c, 1)) } else { (c, c.len_utf8()) };
        any |= len != ch.len_utf8() || ch != c;
        for _ in 0..ch.len_utf8() {
            map.push(i);
        }
        out.push(ch);
        i += len;
    }
    map.push(text.len());
    any.then_some(Decoded { text: out, map })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_and_mapped_back() {
        let t = "АП&nbsp;РФ. Л.1&ndash;492, &#8470;&nbsp;7 &amp;c &bogus; &";
        let d = decode(t).unwrap();
        assert_eq!(d.text, "АП РФ. Л.1–492, № 7 &c &bogus; &");
        let at = d.text.find('Р').unwrap();
        assert_eq!(&t[d.original(at)..d.original(at) + 2], "Р");
        assert_eq!(d.original(d.text.len()), t.len());
        assert!(decode("no references").is_none());
        assert!(decode("a & b").is_none());
    }
}
