//! PDF input. A PDF is read from the glyphs it paints ([`glyphs`], on `hayro-interpret`):
//! glyphs into lines and columns ([`lines`]), lines into body, note zone and furniture
//! ([`page`]), and the result written as the text the text reader reads best ([`text`]),
//! whose recognisers do the rest. When the glyph reader cannot read a PDF, poppler's
//! `pdftotext` is tried ([`pdftotext`]); an `info[pdf-glyphs]` diagnostic says which path
//! was taken, and a PDF neither can read is a clear input error.

pub mod glyphs;
pub mod lines;
pub mod page;
pub mod pdftotext;
pub mod text;

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use glyphs::GlyphError;
use std::path::Path;

/// The text of a PDF, read from its glyphs: lines, blank lines between blocks, calls as
/// superscript digits, each page's notes after its body, its printed number alone after
/// them, a form feed after each page.
pub fn glyph_text(bytes: Vec<u8>) -> std::result::Result<String, GlyphError> {
    let doc = glyphs::read(bytes)?;
    let pages: Vec<Vec<lines::Line>> = doc.pages.iter().map(|p| lines::page_lines(&p.glyphs)).collect();
    let body = page::body_size(&pages);
    let furniture = page::furniture(&pages);
    let mut out = String::new();
    for (ls, (furn, folio)) in pages.into_iter().zip(furniture) {
        let order = lines::reading_order(&ls);
        let layout = page::layout(ls, order, &furn, body);
        text::write_page(&layout, folio.as_deref(), body, &mut out);
    }
    Ok(out)
}

/// The text of the PDF at `path` (whose bytes are `bytes`), from its glyphs or else from
/// `pdftotext`, with an informational diagnostic saying which.
pub fn extract(path: &Path, bytes: Vec<u8>) -> Result<(String, Vec<Diagnostic>)> {
    let why = match glyph_text(bytes) {
        Ok(text) if !text.chars().all(char::is_whitespace) => {
            let note = Diagnostic::info(
                "pdf-glyphs",
                0,
                "the PDF was read from its glyphs (raised calls, note zones, columns, running heads); line \
                 numbers below are lines of the text written from them",
            );
            return Ok((text, vec![note]));
        }
        Ok(_) => GlyphError::NoText,
        Err(e) => e,
    };
    match pdftotext::extract(path) {
        Ok((text, bridge)) => {
            let note = Diagnostic::info(
                "pdf-glyphs",
                0,
                format!(
                    "the PDF's glyphs could not be read ({why}): its text was extracted by pdftotext instead"
                ),
            );
            Ok((text, vec![note, bridge]))
        }
        Err(Error::Input { message, .. }) => {
            let message = match why {
                GlyphError::Encrypted => {
                    "the PDF is encrypted with a password; decrypt it first (`qpdf --decrypt --password=… in.pdf out.pdf`)"
                        .to_string()
                }
                GlyphError::NoText => {
                    "the PDF has no text to extract (a scan without a text layer?): run OCR on it first".to_string()
                }
                other => format!("{other}; and {message}"),
            };
            Err(Error::input(path, 0, 0, message))
        }
        Err(other) => Err(other),
    }
}
