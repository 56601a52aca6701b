//! Readers: each turns one source format into the model, with diagnostics.

pub mod caption;
pub mod docx;
pub mod json;
pub mod markdown;
pub mod media;
pub mod pdf;
pub mod source;
pub mod tei;
pub mod text;
mod xml;

use crate::diag::Diagnostic;
use crate::error::Result;
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
    let format = InputFormat::from_path(path)?;
    let bytes = source::read(path)?;
    // A PDF, whatever its name: its text, extracted, is article text.
    if bytes.starts_with(b"%PDF") {
        let (text, notes) = pdf::extract(path, bytes)?;
        let (doc, mut diags) = text::read(&text);
        diags.splice(0..0, notes);
        return Ok((doc, diags));
    }
    // A Word document: by its name, or a ZIP package holding one whatever its name.
    if format == InputFormat::Docx || (bytes.starts_with(b"PK\x03\x04") && contains(&bytes, b"word/")) {
        return docx::read(path, &bytes, docx);
    }
    let text = source::decode(path, &bytes)?;
    match format {
        InputFormat::Text => Ok(text::read(&text)),
        InputFormat::Json => Ok((json::read(path, &text)?, Vec::new())),
        InputFormat::Tei => tei::read(path, &text),
        InputFormat::Markdown => markdown::read(path, &text),
        InputFormat::Docx => unreachable!("read above"),
    }
}

/// Whether `haystack` holds `needle` (a ZIP's local headers name its entries in clear).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
