//! Diagnostics: every decision a reader made that could be wrong, with its source position.
//!
//! Diagnostics live beside the model, never in it: a reader returns `(Document, Vec<Diagnostic>)`.

use serde::Serialize;
use std::fmt;

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A normal decision worth knowing about (a dropped page number).
    Info,
    /// An irregularity in the source that a person should check (a note with no call).
    Warning,
    /// Something that could not be read at all.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding of a reader, with a stable machine-readable `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// Stable kebab-case identifier (`note-without-call`).
    pub code: &'static str,
    /// 1-based source line (0 when the finding has no single position).
    pub line: u32,
    /// 1-based column in characters (0 when unknown).
    pub col: u32,
    /// What happened, in one sentence.
    pub message: String,
}

impl Diagnostic {
    /// Creates a warning at `line`.
    pub fn warning(code: &'static str, line: u32, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, code, line, col: 0, message: message.into() }
    }

    /// Creates an info diagnostic at `line`.
    pub fn info(code: &'static str, line: u32, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Info, code, line, col: 0, message: message.into() }
    }

    /// Sets the column.
    pub fn at_col(mut self, col: u32) -> Self {
        self.col = col;
        self
    }

    /// Formats the diagnostic as `path:line:col: severity[code]: message`.
    pub fn render(&self, path: &str) -> String {
        let pos = match (self.line, self.col) {
            (0, _) => String::new(),
            (l, 0) => format!(":{l}"),
            (l, c) => format!(":{l}:{c}"),
        };
        format!("{path}{pos}: {}[{}]: {}", self.severity, self.code, self.message)
    }
}

/// Maps byte offsets of a text to 1-based line and column numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// Returns the 1-based (line, column-in-characters) of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line as u32, col as u32)
    }
}

/// Quotes `text` for a message a person reads: between `"…"`, cut after 60 characters
/// (then `…`), each control, format or other invisible character written as its code point
/// (`U+200B`), never as Rust's `\u{200b}`.
pub fn quoted(text: &str) -> String {
    const MOST: usize = 60;
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        if i == MOST {
            out.push('…');
            break;
        }
        let invisible = c.is_control()
            || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{fffe}' | '\u{ffff}');
        if invisible {
            out.push_str(&format!("U+{:04X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 23: a message quoted an image's 5,000 zero-width spaces as Rust's `\u{200b}`.
    #[test]
    fn quoted_text_is_short_and_shows_invisible_characters_by_code_point() {
        assert_eq!(quoted("Table 2"), "\"Table 2\"");
        assert_eq!(quoted("a\u{200b}b\u{7}"), "\"aU+200BbU+0007\"");
        let long = quoted(&"\u{200b}".repeat(5_000));
        assert!(long.len() < 400 && long.ends_with("…\"") && !long.contains("\\u{"), "{long}");
    }

    #[test]
    fn renders_path_line_col() {
        let d = Diagnostic::warning("note-without-call", 12, "note 5 has no call").at_col(3);
        assert_eq!(d.render("a.txt"), "a.txt:12:3: warning[note-without-call]: note 5 has no call");
        let d = Diagnostic::info("x", 0, "m");
        assert_eq!(d.render("a.txt"), "a.txt: info[x]: m");
    }

    #[test]
    fn line_index_counts_characters() {
        let t = "ab\nçdé\nx";
        let idx = LineIndex::new(t);
        assert_eq!(idx.position(t, 0), (1, 1));
        assert_eq!(idx.position(t, 3), (2, 1));
        let e = t.find('é').unwrap();
        assert_eq!(idx.position(t, e), (2, 3));
        assert_eq!(idx.position(t, t.len() - 1), (3, 1));
    }
}
