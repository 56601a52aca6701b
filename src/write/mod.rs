//! Writers: each turns the model into one output format. Writers only read the model.

pub mod degrade;
pub mod docx;
pub mod epub;
pub mod json;
pub mod markdown;
pub mod mathml;
pub mod pdf;
pub mod quote_marks;
pub mod tei;
pub mod xhtml;

use crate::error::{Error, Result};
use crate::model::Document;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder, beside a TEI or Markdown output, that holds the document's images (formats
/// that package them, EPUB, PDF, DOCX and JSON, embed them instead): `<stem>.files`, the
/// stem being that of the file the article was first read from (`article.files` for
/// `article.md`), `media` when it is unknown.
pub fn media_dir(doc: &Document) -> String {
    let name = doc.meta.source.as_deref().and_then(|s| Path::new(s).file_name()?.to_str()).unwrap_or("");
    let stem = [".tei.xml", ".txt", ".json", ".md", ".xml", ".text", ".docx", ".pdf", ".markdown"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .or_else(|| Path::new(name).file_stem()?.to_str())
        .filter(|s| !s.is_empty() && !s.starts_with('.'));
    match stem {
        Some(stem) => format!("{stem}.files"),
        None => "media".to_string(),
    }
}

/// The address of the media `key` relative to a TEI or Markdown output
/// (`article.files/map.png`), percent-escaped where a URL needs it.
pub fn media_href(doc: &Document, key: &str) -> String {
    let mut out = String::new();
    for b in format!("{}/{key}", media_dir(doc)).bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Stages every image of `doc` in its [`media_dir`] under `out_dir`.
pub fn stage_media(doc: &Document, out_dir: &Path) -> Result<Vec<Staged>> {
    let dir = out_dir.join(media_dir(doc));
    doc.media.iter().map(|(key, m)| stage(&dir.join(key), &m.data)).collect()
}

/// An output written in full, and flushed to disk, as a temporary file beside its path,
/// but not yet in place. [`Staged::commit`] renames it to its path; dropping it instead
/// removes the temporary file, so outputs staged together appear together or not at all.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
}

/// Writes `bytes` to a temporary file in the folder of `path` (created if missing).
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let out_err = |source| Error::Output { path: path.to_path_buf(), source };
    std::fs::create_dir_all(dir).map_err(out_err)?;
    let mut tmp = tempfile::Builder::new().prefix(".colophon-").tempfile_in(dir).map_err(out_err)?;
    tmp.write_all(bytes).map_err(out_err)?;
    // A temporary file is private (0600); an output is a document to share.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(out_err)?;
    }
    tmp.as_file().sync_all().map_err(out_err)?;
    Ok(Staged { tmp, path: path.to_path_buf() })
}

impl Staged {
    /// The path the output will have.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the temporary file to its path (replacing what was there); returns the path.
    pub fn commit(self) -> Result<PathBuf> {
        let Staged { tmp, path } = self;
        tmp.persist(&path).map_err(|e| Error::Output { path: path.clone(), source: e.error })?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn media_sit_in_a_folder_named_after_the_source() {
        let mut doc = Document::new();
        assert_eq!(media_dir(&doc), "media");
        doc.meta.source = Some("dir/Kars refugees.tei.xml".into());
        assert_eq!(media_dir(&doc), "Kars refugees.files");
        assert_eq!(media_href(&doc, "map.png"), "Kars%20refugees.files/map.png");
        doc.meta.source = Some(".hidden".into());
        assert_eq!(media_dir(&doc), "media");
    }

    #[test]
    fn a_staged_output_appears_only_when_committed_and_leaves_nothing_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let kept = stage(&dir.path().join("a.pdf"), b"%PDF").unwrap();
        let dropped = stage(&dir.path().join("sub/b.xml"), b"<TEI/>").unwrap();
        assert_eq!(kept.path(), dir.path().join("a.pdf"));
        assert!(names(dir.path()).iter().all(|n| n.starts_with(".colophon-") || n == "sub"));
        drop(dropped);
        assert!(names(&dir.path().join("sub")).is_empty(), "a dropped output leaves no file");
        assert_eq!(kept.commit().unwrap(), dir.path().join("a.pdf"));
        assert_eq!(names(dir.path()), ["a.pdf", "sub"]);
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"%PDF");
    }
}
