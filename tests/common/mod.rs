//! Helpers shared by the integration tests.
#![allow(dead_code)]

use colophon::model::{plain_text, Document, Inline, Note};
use std::path::{Path, PathBuf};

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `actual` with the golden file at `path`; `UPDATE_GOLDEN=1` rewrites it.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!("{} is missing: run `UPDATE_GOLDEN=1 cargo test` and review it", path.display())
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(expected.as_str(), actual);
        let shown: String = diff.unified_diff().context_radius(2).to_string().chars().take(6000).collect();
        panic!(
            "{} differs from the output (UPDATE_GOLDEN=1 rewrites it after review):\n{shown}",
            path.display()
        );
    }
}

/// The plain text of a note.
pub fn note_text(n: &Note) -> String {
    n.content.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join("\n")
}

/// The body as text, each note replaced by `[^label]`.
pub fn body_with_calls(doc: &Document) -> String {
    fn walk(inl: &[Inline], out: &mut String) {
        for i in inl {
            match i {
                Inline::Text { text } => out.push_str(text),
                Inline::Note(n) => out.push_str(&format!("[^{}]", n.label)),
                Inline::Emph { content } | Inline::Strong { content } | Inline::Span { content, .. } => {
                    walk(content, out)
                }
                Inline::Link { content, .. } => walk(content, out),
                Inline::Shelfmark(m) => out.push_str(&m.raw),
            }
        }
    }
    let mut out = String::new();
    for b in &doc.body {
        walk(b.content(), &mut out);
        out.push('\n');
    }
    out
}

/// The body's plain text without notes.
pub fn body_text(doc: &Document) -> String {
    doc.body.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join("\n")
}
