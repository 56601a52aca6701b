//! What an input is, told from its first bytes rather than its name (magic numbers, ZIP
//! entries, the XML root element, byte-order marks).

/// The kind of a file, as its content shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A PDF (`%PDF-`).
    Pdf,
    /// A ZIP package holding `word/document.xml`: a Word document.
    Docx,
    /// A ZIP package whose `mimetype` entry is `application/epub+zip`.
    Epub,
    /// Another ZIP archive.
    Zip,
    /// An OLE compound file: a Word 97–2003 `.doc`, or an encrypted Office document.
    Ole,
    /// An image; the name of its format (`PNG`, `JPEG`, `GIF`, `WebP`, `TIFF`).
    Image(&'static str),
    /// An HTML page (`<!DOCTYPE html`, or an `<html>` root).
    Html,
    /// XML whose root element is `TEI` or `teiCorpus`.
    Tei,
    /// XML with an XML declaration and another root element (its name).
    Xml(String),
    /// colophon's JSON (an object with a `schema_version`).
    Json,
    /// Text in a Unicode encoding other than UTF-8 (`UTF-16LE`, `UTF-32BE`, …).
    Unicode(&'static str),
    /// Bytes that are no text: not UTF-8, and over 1 in 100 of them control characters.
    Binary,
    /// Anything else: text, whose kind (article text or Markdown) only the name tells.
    Text,
}

impl Kind {
    /// Names the kind for a message (`a PNG image`, `an EPUB e-book`).
    pub fn describe(&self) -> String {
        match self {
            Kind::Pdf => "a PDF".into(),
            Kind::Docx => "a Word document (DOCX)".into(),
            Kind::Epub => "an EPUB e-book".into(),
            Kind::Zip => "a ZIP archive that is neither DOCX nor EPUB".into(),
            Kind::Ole => "an OLE compound file (a Word 97–2003 .doc, or an encrypted Office document)".into(),
            Kind::Image(name) => format!("a {name} image"),
            Kind::Html => "an HTML page".into(),
            Kind::Tei => "a TEI document".into(),
            Kind::Xml(root) => format!("XML whose root element is <{root}>, not <TEI>"),
            Kind::Json => "colophon JSON".into(),
            Kind::Unicode(enc) => format!("{enc} text"),
            Kind::Binary => "binary data".into(),
            Kind::Text => "text".into(),
        }
    }
}

/// Tells the kind of `bytes`. Only what the first bytes prove is claimed: text without a
/// telling start is [`Kind::Text`], and the file name decides between article text and
/// Markdown.
pub fn sniff(bytes: &[u8]) -> Kind {
    // `%PDF-` and the version's digit: a text may open with the word.
    if bytes.starts_with(b"%PDF-") && bytes.get(5).is_some_and(u8::is_ascii_digit) {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Kind::Ole;
    }
    if let Some(image) = image_kind(bytes) {
        return Kind::Image(image);
    }
    // UTF-32 before UTF-16: the UTF-32LE mark starts with the UTF-16LE one.
    for (bom, enc) in [
        (&b"\xFF\xFE\x00\x00"[..], "UTF-32LE"),
        (&b"\x00\x00\xFE\xFF"[..], "UTF-32BE"),
        (&b"\xFF\xFE"[..], "UTF-16LE"),
        (&b"\xFE\xFF"[..], "UTF-16BE"),
    ] {
        if bytes.starts_with(bom) {
            return Kind::Unicode(enc);
        }
    }
    if let Some(enc) = super::source::utf16_kind(bytes) {
        return Kind::Unicode(enc);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(text).is_err() && super::source::binary_bytes(text).is_some() {
        return Kind::Binary;
    }
    markup_kind(text)
}

/// DOCX, EPUB or another ZIP, by the names of its entries (local headers name them in clear).
fn zip_kind(bytes: &[u8]) -> Kind {
    // An EPUB's first entry is `mimetype`, stored, holding `application/epub+zip` (OCF 3.3 §4.3).
    if bytes.get(30..38) == Some(b"mimetype")
        && contains(&bytes[..bytes.len().min(200)], b"application/epub+zip")
    {
        return Kind::Epub;
    }
    if contains(bytes, b"word/document.xml") {
        return Kind::Docx;
    }
    Kind::Zip
}

/// The image format whose magic number `bytes` starts with.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if starts(b"\xFF\xD8\xFF") {
        Some("JPEG")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("GIF")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else if starts(b"II*\x00") || starts(b"MM\x00*") {
        Some("TIFF")
    } else {
        None
    }
}

/// HTML, TEI, other XML or plain text, by the start of the text and its root element.
fn markup_kind(text: &[u8]) -> Kind {
    let head = String::from_utf8_lossy(&text[..text.len().min(4096)]);
    let mut rest = head.trim_start();
    if rest.starts_with('{') && head.contains("\"schema_version\"") {
        return Kind::Json;
    }
    let declared = rest.starts_with("<?xml");
    // Skip the XML declaration, processing instructions, comments and the DOCTYPE.
    loop {
        let lower = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
        if lower.starts_with("<!doctype html") {
            return Kind::Html;
        }
        let end = if rest.starts_with("<?") {
            rest.find("?>").map(|i| i + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|i| i + 1)
        } else {
            break;
        };
        match end {
            Some(e) => rest = rest[e..].trim_start(),
            None => return Kind::Text,
        }
    }
    let Some(tag) = rest.strip_prefix('<') else { return Kind::Text };
    let name: String =
        tag.chars().take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')).collect();
    let local = name.rsplit(':').next().unwrap_or_default();
    match local {
        "" => Kind::Text,
        "TEI" | "teiCorpus" | "TEI.2" => Kind::Tei,
        _ if local.eq_ignore_ascii_case("html") => Kind::Html,
        _ if declared => Kind::Xml(name),
        _ => Kind::Text,
    }
}

/// Whether `haystack` holds `needle`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip(first: &str, content: &[u8]) -> Vec<u8> {
        let mut z = b"PK\x03\x04".to_vec();
        z.extend([0u8; 22]);
        z.extend((first.len() as u16).to_le_bytes());
        z.extend([0u8; 2]);
        z.extend(first.as_bytes());
        z.extend(content);
        z
    }

    #[test]
    fn tells_packages_by_their_entries() {
        assert_eq!(sniff(&zip("mimetype", b"application/epub+zip")), Kind::Epub);
        assert_eq!(sniff(&zip("[Content_Types].xml", b"<x/>PK\x03\x04word/document.xml")), Kind::Docx);
        assert_eq!(sniff(&zip("notes.txt", b"hello")), Kind::Zip);
    }

    #[test]
    fn tells_images_pdf_and_encodings() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Kind::Image("PNG"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Kind::Image("JPEG"));
        assert_eq!(sniff(b"GIF89a\x01\0"), Kind::Image("GIF"));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Kind::Image("WebP"));
        assert_eq!(sniff(b"II*\0\x08\0\0\0"), Kind::Image("TIFF"));
        assert_eq!(sniff(b"%PDF-1.7\n%junk"), Kind::Pdf);
        assert_eq!(sniff(b"%PDF-like notes\nText."), Kind::Text);
        assert_eq!(sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), Kind::Ole);
        assert_eq!(sniff(b"\xFF\xFEa\0b\0"), Kind::Unicode("UTF-16LE"));
        assert_eq!(sniff(b"\xFE\xFF\0a\0b"), Kind::Unicode("UTF-16BE"));
        assert_eq!(sniff(b"\xFF\xFE\0\0a\0\0\0"), Kind::Unicode("UTF-32LE"));
        let random: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        assert_eq!(sniff(&random), Kind::Binary);
    }

    #[test]
    fn tells_markup_by_its_root_and_leaves_text_alone() {
        assert_eq!(sniff(b"<!DOCTYPE html>\n<html><body/></html>"), Kind::Html);
        assert_eq!(sniff(b"<html lang=\"en\"><p>x</p></html>"), Kind::Html);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<!-- c -->\n<TEI xmlns=\"x\"/>"), Kind::Tei);
        assert_eq!(sniff(b"\xEF\xBB\xBF<tei:TEI/>"), Kind::Tei);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss/>"), Kind::Xml("rss".into()));
        assert_eq!(sniff(b"{\"schema_version\": 1}"), Kind::Json);
        // Markdown may open with inline HTML: without an XML declaration it stays text.
        assert_eq!(sniff(b"<div>Title</div>\n\nText."), Kind::Text);
        assert_eq!(sniff("Заголовок\n\nТекст.".as_bytes()), Kind::Text);
        assert_eq!(sniff(b"Text with a stray \0 NUL."), Kind::Text);
        assert_eq!(sniff(b"<?xml"), Kind::Text);
    }
}
