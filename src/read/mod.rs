//! Readers: each turns one source format into the model, with diagnostics.

pub mod caption;
pub mod docx;
pub mod json;
pub mod markdown;
pub mod media;
pub mod pdf;
pub mod sniff;
pub mod source;
pub mod tei;
pub mod text;
mod xml;

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::model::Document;
use std::path::Path;

/// Source formats colophon can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Article text as PDF-to-text extractors leave it.
    Text,
    /// colophon's JSON form of the model.
    Json,
    /// TEI P5 XML.
    Tei,
    /// Pandoc-flavoured Markdown with a YAML metadata block.
    Markdown,
    /// A Word document (`.docx`).
    Docx,
}

impl InputFormat {
    /// Guesses the format from the file name (`.json` JSON, `.md` Markdown, `.xml` TEI,
    /// anything else text).
    pub fn from_path(path: &Path) -> Result<Self> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_lowercase();
        if name.ends_with(".json") {
            Ok(InputFormat::Json)
        } else if name.ends_with(".md") || name.ends_with(".markdown") {
            Ok(InputFormat::Markdown)
        } else if name.ends_with(".docx")
            || name.ends_with(".docm")
            || name.ends_with(".dotx")
            || name.ends_with(".doc")
        {
            Ok(InputFormat::Docx)
        } else if name.ends_with(".xml") || name.ends_with(".tei") {
            Ok(InputFormat::Tei)
        } else {
            Ok(InputFormat::Text)
        }
    }
}

/// Reads the file at `path` into a document. Inputs over [`source::MAX_INPUT_BYTES`]
/// (256 MB) are refused unread; see [`source::decode`] for what counts as text. A PDF is
/// read from its glyphs, else through `pdftotext` ([`pdf::extract`]).
pub fn read_file(path: &Path) -> Result<(Document, Vec<Diagnostic>)> {
    read_file_with(path, docx::Options::default())
}

/// Reads the file at `path` as [`read_file`] does, a Word document with `docx` options.
pub fn read_file_with(path: &Path, docx: docx::Options) -> Result<(Document, Vec<Diagnostic>)> {
    read_file_as(path, None, docx)
}

/// The kinds colophon reads, for the message that refuses any other.
pub const READS: &str = "colophon reads article text, Markdown, TEI, DOCX, colophon JSON and PDF";

/// Reads the file at `path` as `from` says (`--from`), or else as its content shows it
/// ([`sniff`]), the name deciding only between kinds the content cannot tell apart (article
/// text and Markdown). A file whose content disagrees with its name is read by its content,
/// with the info `input-kind`; a kind colophon cannot read (an image, EPUB, HTML, UTF-16,
/// binary data) is refused with [`Error::Unreadable`](crate::error::Error::Unreadable).
pub fn read_file_as(
    path: &Path,
    from: Option<InputFormat>,
    docx: docx::Options,
) -> Result<(Document, Vec<Diagnostic>)> {
    let named = InputFormat::from_path(path)?;
    let bytes = source::read(path)?;
    let (format, mut notes) = match from {
        Some(f) => (Some(f), Vec::new()),
        None => by_content(path, named, &bytes)?,
    };
    let (doc, mut diags) = match format {
        // A PDF: its text, extracted, is article text.
        None => {
            let (text, pdf_notes) = pdf::extract(path, bytes)?;
            let (doc, mut diags) = text::read(&text);
            diags.splice(0..0, pdf_notes);
            (doc, diags)
        }
        Some(InputFormat::Docx) => docx::read(path, &bytes, docx)?,
        Some(format) => {
            let text = source::decode(path, &bytes)?;
            match format {
                InputFormat::Text => text::read(&text),
                InputFormat::Json => (json::read(path, &text)?, Vec::new()),
                InputFormat::Tei => tei::read(path, &text)?,
                InputFormat::Markdown => markdown::read(path, &text)?,
                InputFormat::Docx => unreachable!("read above"),
            }
        }
    };
    diags.append(&mut notes);
    Ok((doc, diags))
}

/// The reader for `bytes` (`None`: the PDF reader) and the info that says so when the
/// name `path` claims another kind; an error for a kind colophon cannot read.
fn by_content(
    path: &Path,
    named: InputFormat,
    bytes: &[u8],
) -> Result<(Option<InputFormat>, Vec<Diagnostic>)> {
    use sniff::Kind;
    let kind = sniff::sniff(bytes);
    // A file named as a Word document that holds no other kind colophon reads goes to the
    // Word reader, which says what it is instead (a .doc, an encrypted package, a ZIP
    // without a main part, plain text).
    if named == InputFormat::Docx && matches!(kind, Kind::Text | Kind::Binary | Kind::Ole | Kind::Zip) {
        return Ok((Some(InputFormat::Docx), Vec::new()));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let format = match &kind {
        Kind::Pdf => None,
        Kind::Docx => Some(InputFormat::Docx),
        Kind::Tei => Some(InputFormat::Tei),
        Kind::Json => Some(InputFormat::Json),
        // Only the name tells article text from Markdown.
        Kind::Text => Some(named),
        Kind::Epub
        | Kind::Ole
        | Kind::Zip
        | Kind::Image(_)
        | Kind::Html
        | Kind::Xml(_)
        | Kind::Unicode(_)
        | Kind::Binary => {
            return Err(Error::Unreadable {
                path: path.to_path_buf(),
                kind: kind.describe(),
                hint: hint(path, &kind),
            })
        }
    };
    let claimed = match ext.as_str() {
        "pdf" => Some(Kind::Pdf),
        "docx" | "docm" | "dotx" | "doc" => Some(Kind::Docx),
        "xml" | "tei" => Some(Kind::Tei),
        "json" => Some(Kind::Json),
        "txt" | "text" | "md" | "markdown" | "" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "epub" => Some(Kind::Epub),
        "zip" => Some(Kind::Zip),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "tif" | "tiff" => Some(Kind::Image("")),
        _ => None,
    };
    let agrees = match (&claimed, &kind) {
        (None, _) => true,
        (Some(Kind::Image(_)), Kind::Image(_)) => true,
        // A JSON or TEI file with a start the sniffer does not prove is left to its reader.
        (Some(Kind::Json | Kind::Tei), Kind::Text) => true,
        (Some(c), k) => c == k,
    };
    let mut notes = Vec::new();
    if !agrees {
        let read_as = match format {
            None => "a PDF".to_string(),
            Some(InputFormat::Text) => "article text".into(),
            Some(InputFormat::Markdown) => "Markdown".into(),
            Some(_) => kind.describe(),
        };
        notes.push(Diagnostic::info(
            "input-kind",
            0,
            format!("the file is named .{ext} but holds {}: read as {read_as}", kind.describe()),
        ));
    }
    Ok((format, notes))
}

/// How to turn a file of `kind` into one colophon reads, when there is a way.
fn hint(path: &Path, kind: &sniff::Kind) -> Option<String> {
    let name = path.display().to_string();
    let stem = path.with_extension("").display().to_string();
    match kind {
        sniff::Kind::Unicode(enc) => {
            Some(format!("convert it with `iconv -f {enc} -t UTF-8 {name} > {stem}.utf8.txt`"))
        }
        sniff::Kind::Html => Some(format!("convert it to Markdown first, e.g. `pandoc {name} -o {stem}.md`")),
        sniff::Kind::Epub => Some(format!("convert it to Markdown first, e.g. `pandoc {name} -o {stem}.md`")),
        sniff::Kind::Ole => Some("save it as .docx in Word or LibreOffice, without a password".into()),
        _ => None,
    }
}
