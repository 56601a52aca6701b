//! The Word package: a ZIP archive of XML parts, opened with limits, and its relationships.
//!
//! Nothing outside the archive is ever read: a relationship with `TargetMode="External"`
//! (a linked image, a hyperlink) is kept as an address and never fetched.

use crate::diag::LineIndex;
use crate::error::{Error, Result};
use crate::read::xml::{parse_tree, El};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

/// The largest part colophon inflates (a book-length `document.xml` is some 20 MB).
pub(super) const MAX_PART_BYTES: u64 = 64 << 20;
/// The most a whole package may inflate to, over every part read.
const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// The most entries a package may list (a long Word document has some 30).
const MAX_ENTRIES: usize = 10_000;
/// Deepest element nesting read in a part: Word nests a run some 12 deep, a table in a
/// table adds 4 levels; 256 leaves room for 60 tables inside each other.
const MAX_DEPTH: usize = 256;

/// The start of an OLE compound file: old binary Word (`.doc`) and encrypted OOXML.
const COMPOUND_FILE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An opened package.
pub(super) struct Package<'a> {
    path: &'a Path,
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    inflated: u64,
}

/// A parsed XML part: its name, its text (for positions) and its root element.
pub(super) struct Part {
    /// The part's name in the package (`word/document.xml`).
    pub(super) name: String,
    /// The part's XML text.
    pub(super) text: String,
    /// The root element.
    pub(super) root: El,
    /// Line starts of `text`, for positions.
    pub(super) index: LineIndex,
}

/// One relationship of a part: what it points to and how.
#[derive(Debug, Clone)]
pub(super) struct Relationship {
    /// The last segment of the relationship type (`footnotes`, `hyperlink`, `image`).
    pub(super) kind: String,
    /// The target: a part name resolved against the source part's folder, or an address.
    pub(super) target: String,
    /// Whether the target lies outside the package (never fetched).
    pub(super) external: bool,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a Word package, or says what else the file is.
    pub(super) fn open(path: &'a Path, bytes: &'a [u8]) -> Result<Self> {
        if bytes.starts_with(COMPOUND_FILE) {
            return Err(Error::input(path, 0, 0, compound_file_message(bytes)));
        }
        if !bytes.starts_with(b"PK") {
            return Err(Error::input(
                path,
                0,
                0,
                "not a Word document: a .docx file is a ZIP package, and this file is not one \
                 (is it another format renamed, or cut short?)",
            ));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Error::input(
                path,
                0,
                0,
                format!("not a readable Word document: the ZIP package is damaged ({e})"),
            )
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(Error::input(
                path,
                0,
                0,
                format!("the package lists {} entries; colophon reads at most {MAX_ENTRIES}", zip.len()),
            ));
        }
        Ok(Package { path, zip, inflated: 0 })
    }

    /// Reads the part `name` as XML; `None` when the package has no such part.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<Part>> {
        let Some(bytes) = self.bytes(name)? else { return Ok(None) };
        let text = decode(&bytes).ok_or_else(|| {
            Error::input(self.path, 0, 0, format!("{name}: the part is not UTF-8 or UTF-16 XML"))
        })?;
        let root = parse_tree(self.path, &text, name, MAX_DEPTH).map_err(|e| in_part(e, name))?;
        let index = LineIndex::new(&text);
        Ok(Some(Part { name: name.to_string(), text, root, index }))
    }

    /// Inflates the entry `name`, refusing parts and packages that inflate past the limits
    /// (whatever sizes the archive declares: a ZIP bomb declares small ones).
    pub(super) fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let path = self.path;
        let mut entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(Error::input(
                    path,
                    0,
                    0,
                    format!("{name}: cannot be read from the package ({e})"),
                ))
            }
        };
        if entry.encrypted() {
            return Err(Error::input(path, 0, 0, format!("{name} is encrypted in the ZIP package")));
        }
        let budget = MAX_PART_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.inflated));
        let mut out = Vec::with_capacity(entry.size().min(budget) as usize);
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| Error::input(path, 0, 0, format!("{name}: cannot be inflated ({e})")))?;
        if out.len() as u64 > budget {
            return Err(Error::input(
                path,
                0,
                0,
                format!(
                    "{name} inflates to more than {} MB: colophon refuses it (a ZIP bomb, or a document far larger than any article)",
                    budget >> 20
                ),
            ));
        }
        self.inflated += out.len() as u64;
        Ok(Some(out))
    }

    /// The relationships of the part `name` (from `…/_rels/NAME.rels`), by id.
    pub(super) fn relationships(&mut self, name: &str) -> Result<HashMap<String, Relationship>> {
        let (folder, file) = name.rsplit_once('/').unwrap_or(("", name));
        let rels_name = if folder.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{folder}/_rels/{file}.rels")
        };
        let mut out = HashMap::new();
        let Some(part) = self.part(&rels_name)? else { return Ok(out) };
        for rel in part.root.children().filter(|e| e.name == "Relationship") {
            let (Some(id), Some(kind), Some(target)) = (rel.attr("Id"), rel.attr("Type"), rel.attr("Target"))
            else {
                continue;
            };
            let external = rel.attr("TargetMode") == Some("External");
            let target = if external { target.to_string() } else { resolve(folder, target) };
            let kind = kind.rsplit('/').next().unwrap_or(kind).to_string();
            out.insert(id.to_string(), Relationship { kind, target, external });
        }
        Ok(out)
    }
}

/// Names the part in a parse error of one of its lines.
fn in_part(e: Error, name: &str) -> Error {
    match e {
        Error::Input { path, line, col, message } => {
            Error::Input { path, line: 0, col: 0, message: format!("{name}:{line}:{col}: {message}") }
        }
        other => other,
    }
}

/// Resolves a relative part target against a folder (`word` + `media/a.png`, `../customXml/x`).
fn resolve(folder: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Decodes a part: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (!had_errors).then(|| text.into_owned());
    }
    String::from_utf8(bytes.to_vec()).ok()
}

/// What a compound file is: encrypted OOXML keeps an `EncryptionInfo` stream (its name is
/// in the directory, in UTF-16); anything else is old binary Word.
fn compound_file_message(bytes: &[u8]) -> String {
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        "this Word document is encrypted (protected by a password): open it in Word, remove the \
         password (File › Info › Protect Document) and save it again"
            .into()
    } else {
        "this is an old binary Word document (.doc), not a .docx: save it as .docx in Word, or \
         convert it with `soffice --headless --convert-to docx FILE`"
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve("word", "media/a.png"), "word/media/a.png");
        assert_eq!(resolve("word", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve("word", "/word/footnotes.xml"), "word/footnotes.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn names_what_is_not_a_package() {
        let p = Path::new("x.docx");
        let err = |b: &[u8]| Package::open(p, b).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err(b"hello").contains("not a Word document"));
        let mut doc = COMPOUND_FILE.to_vec();
        doc.extend_from_slice(&[0; 600]);
        assert!(err(&doc).contains(".doc"));
        doc.extend("EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert!(err(&doc).contains("encrypted"));
        assert!(err(b"PK\x03\x04garbage").contains("damaged"));
    }

    #[test]
    fn decodes_utf16_parts() {
        let mut b = vec![0xFF, 0xFE];
        b.extend("<a/>".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&b).as_deref(), Some("<a/>"));
        assert_eq!(decode(b"\xEF\xBB\xBF<a/>").as_deref(), Some("<a/>"));
        assert_eq!(decode(b"\xFF\xFF"), None);
    }
}
