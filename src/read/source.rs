//! Turning input bytes into text: UTF-8 only, and a clear word about anything else.

use crate::diag::LineIndex;
use crate::error::{Error, Result};
use std::path::Path;

/// Decodes `bytes` as UTF-8 text (a BOM is dropped, CRLF becomes LF).
///
/// Empty files, binary files, PDFs, UTF-16 and legacy 8-bit encodings are refused with a
/// message that says what the file looks like and how to convert it.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    let err = |line, col, msg: String| Error::input(path, line, col, msg);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(0, 0, "the file is empty".into()));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(err(0, 0, "this is a PDF file; extract its text first (e.g. `pdftotext -enc UTF-8 FILE.pdf`) and convert the .txt".into()));
    }
    if let Some(enc) = utf16_kind(bytes) {
        return Err(err(
            0,
            0,
            format!("the file is {enc}; colophon reads UTF-8: convert it with `iconv -f {enc} -t UTF-8`"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = LineIndex::new(prefix).position(prefix, prefix.len());
            let bad = bytes[e.valid_up_to()];
            let guess = guess_encoding(bytes);
            return Err(err(
                line,
                col,
                format!(
                    "the file is not UTF-8 (byte 0x{bad:02X} cannot start a character); it looks like {guess}: convert it with `iconv -f {guess} -t UTF-8`"
                ),
            ));
        }
    };
    if let Some(pos) = text.find('\0') {
        let (line, col) = LineIndex::new(text).position(text, pos);
        return Err(err(
            line,
            col,
            "the file contains NUL bytes: it looks like binary data, not text".into(),
        ));
    }
    let controls =
        text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if controls * 100 > text.chars().count() {
        return Err(err(
            0,
            0,
            format!("the file has {controls} control characters: it looks like binary data, not text"),
        ));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// Recognises UTF-16 by its byte-order mark or by NULs at every other byte.
fn utf16_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16LE");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16BE");
    }
    // Without a BOM: UTF-16 text has a NUL high byte in many pairs (ASCII spaces, digits,
    // punctuation) and decodes cleanly into mostly letters, spaces and punctuation.
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 16 || !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let nul_high = |high: usize| sample.chunks(2).filter(|p| p[high] == 0).count() * 10 >= pairs * 3;
    let candidates = [(encoding_rs::UTF_16LE, "UTF-16LE", 1), (encoding_rs::UTF_16BE, "UTF-16BE", 0)];
    candidates.into_iter().filter(|&(_, _, high)| nul_high(high)).find_map(|(enc, name, _)| {
        let (text, malformed) = enc.decode_without_bom_handling(sample);
        let total = text.chars().count().max(1);
        let texty = text
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace() || c.is_ascii_punctuation())
            .count();
        (!malformed && texty * 10 >= total * 9).then_some(name)
    })
}

/// Names the most likely legacy encoding of `bytes` (chardetng, as used by Firefox).
fn guess_encoding(bytes: &[u8]) -> &'static str {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Deny).name()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(bytes: &[u8]) -> String {
        decode(Path::new("x.txt"), bytes).unwrap_err().to_string()
    }

    #[test]
    fn refuses_empty_and_whitespace() {
        assert!(msg(b"").contains("empty"));
        assert!(msg(b"  \n\n").contains("empty"));
    }

    #[test]
    fn names_utf16_and_cp1251() {
        let utf16: Vec<u8> = "Привет мир, hello".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(msg(&utf16).contains("UTF-16LE"), "{}", msg(&utf16));
        let (cp, _, _) = encoding_rs::WINDOWS_1251
            .encode("Заголовок статьи\nТекст на русском языке, довольно длинный, чтобы угадать кодировку.");
        let m = msg(&cp);
        assert!(m.contains("windows-1251"), "{m}");
        assert!(m.starts_with("x.txt:1:1:"), "{m}");
    }

    #[test]
    fn refuses_binary_and_pdf() {
        assert!(msg(b"%PDF-1.7\n...").contains("PDF"));
        assert!(msg(b"abc\0def").contains("NUL"));
    }

    #[test]
    fn strips_bom_and_crlf() {
        assert_eq!(decode(Path::new("x"), b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\nb");
    }
}
