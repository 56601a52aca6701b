//! Turning input bytes into text: UTF-8 only, and a clear word about anything else.

use crate::diag::LineIndex;
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

const MB: u64 = 1 << 20;

/// The largest input colophon reads: 256 MB (of 2^20 bytes). An article, even one with
/// 100,000 notes, is a few MB; reading takes several times the input's size in memory
/// (the text, the model, every output rendered before any is written), so a larger file is
/// refused before it is read, with `FILE: the input is N MB; colophon reads at most 256 MB`.
pub const MAX_INPUT_BYTES: u64 = 256 * MB;

/// Reads the bytes of the input at `path`, refusing files over [`MAX_INPUT_BYTES`] (their
/// size is checked before reading; what cannot tell its size, like a pipe, is cut off there).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let too_big = |size: String| {
        Error::input(
            path,
            0,
            0,
            format!("the input is {size}; colophon reads at most {} MB", MAX_INPUT_BYTES / MB),
        )
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > MAX_INPUT_BYTES {
        return Err(too_big(format!("{} MB", len.div_ceil(MB))));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(format!("over {} MB", MAX_INPUT_BYTES / MB)));
    }
    Ok(bytes)
}

/// Decodes `bytes` as UTF-8 text (a BOM is dropped, CRLF and a lone CR become LF: CommonMark
/// and XML 1.0 §2.11 end lines at each of the three).
///
/// Empty files, binary files, PDFs, UTF-16 and legacy 8-bit encodings (CP1251, CP1254, …)
/// are refused with a message that says what the file looks like and how to convert it:
/// colophon never guesses an encoding and converts silently, since a wrong guess would
/// publish garbled text. Positions (`FILE:LINE:COL`) are given where one byte is to blame
/// (the first that is not UTF-8, the first NUL); a file that is wrong as a whole (empty,
/// PDF, UTF-16, binary) gets `FILE:` alone.
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
            if let Some((controls, sample)) = binary_bytes(bytes) {
                return Err(err(
                    0,
                    0,
                    format!("the file looks like binary data, not text: {controls} of its first {sample} bytes are control characters"),
                ));
            }
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
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    let controls = text.chars().filter(|&c| control(c)).count();
    if controls * 100 > text.chars().count() {
        // Where the first one is, so that a person can look (a stray bell from a terminal).
        let (at, first) = text.char_indices().find(|&(_, c)| control(c)).unwrap_or((0, '\0'));
        let (line, col) = LineIndex::new(text).position(text, at);
        return Err(err(
            line,
            col,
            format!(
                "the file has {} (more than 1 in 100 characters; the first, U+{:04X}, is here): it looks like binary data, not text",
                crate::plural(controls, "control character"),
                first as u32
            ),
        ));
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Counts the control bytes (NUL and C0 controls other than tab, line feed, form feed and
/// carriage return, and DEL) in the first 64 KB of `bytes`; returns (count, sample size) when
/// more than 1 in 100 are controls, which no text in any 8-bit encoding has.
pub(crate) fn binary_bytes(bytes: &[u8]) -> Option<(usize, usize)> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r')) || b == 0x7F)
        .count();
    (controls * 100 > sample.len()).then_some((controls, sample.len()))
}

/// Recognises UTF-16 by its byte-order mark or, without one, by the high bytes of its
/// 16-bit units: a few values only (0 for ASCII, 4 for Cyrillic, 1 for Turkish letters), NUL
/// among them, in a sample that decodes to letters, spaces and punctuation.
pub(crate) fn utf16_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16LE");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16BE");
    }
    // Without a BOM: in UTF-16 text of one or two scripts the high bytes take a few values
    // (90% of pairs have one of the three commonest), NUL among them (ASCII spaces, digits,
    // punctuation: 5% of pairs at least). UTF-8 text with a stray NUL read as UTF-16 has
    // letters for high bytes, far more than three of them.
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 16 || !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let few_highs = |high: usize| {
        let mut counts = [0usize; 256];
        sample.chunks(2).for_each(|p| counts[usize::from(p[high])] += 1);
        let nul = counts[0];
        counts.sort_unstable_by(|a, b| b.cmp(a));
        nul * 20 >= pairs && (counts[0] + counts[1] + counts[2]) * 10 >= pairs * 9
    };
    let candidates = [(encoding_rs::UTF_16LE, "UTF-16LE", 1), (encoding_rs::UTF_16BE, "UTF-16BE", 0)];
    candidates.into_iter().filter(|&(_, _, high)| few_highs(high)).find_map(|(enc, name, _)| {
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
    fn tells_cyrillic_utf16_from_text_with_a_nul() {
        let ru: Vec<u8> = "Статья о печати в Тифлисе, 1845–1880 годы.\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(msg(&ru).contains("UTF-16LE"), "{}", msg(&ru));
        let m = msg(b"Title\n\nSome text with a stray\0 NUL in it.\n");
        assert!(m.starts_with("x.txt:3:23: the file contains NUL bytes"), "{m}");
    }

    #[test]
    fn refuses_binary_and_pdf() {
        assert!(msg(b"%PDF-1.7\n...").contains("PDF"));
        assert!(msg(b"abc\0def").contains("NUL"));
        let binary: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        assert!(
            msg(&binary).starts_with("x.txt: the file looks like binary data, not text"),
            "{}",
            msg(&binary)
        );
    }

    /// Degenerate input (issue 23): the count took no plural ("1 control characters") and
    /// the message did not say where to look.
    #[test]
    fn too_many_control_characters_are_counted_and_the_first_placed() {
        let m = msg(b"Title\n\nbell\x07 x\n");
        assert!(
            m.starts_with("x.txt:3:5: the file has 1 control character (more than 1 in 100 characters; the first, U+0007, is here)"),
            "{m}"
        );
        assert!(msg(b"a\x07\x1b\n").contains("has 2 control characters"));
    }

    #[test]
    fn strips_bom_and_crlf() {
        assert_eq!(decode(Path::new("x"), b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\nb");
        // Classic Mac OS line ends (issue 23: a Markdown note's definition was not found).
        assert_eq!(decode(Path::new("x"), b"a\rb\r\rc\r\n").unwrap(), "a\nb\n\nc\n");
    }
}
