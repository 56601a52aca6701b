//! Body content: blocks, inlines and footnotes anchored where they are called.

use super::{LangTag, Shelfmark};
use serde::{Deserialize, Serialize};

/// A block-level element of the body, an abstract or a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A section heading; `level` 1 is the highest level inside the article.
    Heading {
        /// Nesting depth, from 1.
        level: u8,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph text, with notes inline at their calls.
        content: Vec<Inline>,
        /// The paragraph's language where it differs from the document's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<LangTag>,
    },
}

impl Block {
    /// Creates a paragraph in the document's language.
    pub fn paragraph(content: Vec<Inline>) -> Self {
        Block::Paragraph { content, lang: None }
    }

    /// Returns the inline content of the block.
    pub fn content(&self) -> &[Inline] {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => content,
        }
    }

    /// Appends the notes of this block, in order, to `out`.
    pub fn collect_notes<'a>(&'a self, out: &mut Vec<&'a Note>) {
        collect_inline_notes(self.content(), out);
    }
}

fn collect_inline_notes<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Note>) {
    for inline in inlines {
        match inline {
            Inline::Note(note) => out.push(note),
            Inline::Emph { content } | Inline::Strong { content } | Inline::Span { content, .. } => {
                collect_inline_notes(content, out)
            }
            Inline::Link { content, .. } => collect_inline_notes(content, out),
            Inline::Text { .. } | Inline::Shelfmark(_) => {}
        }
    }
}

/// An inline element. Text is kept exactly as recovered from the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    /// Plain text.
    Text {
        /// The characters, never re-cased or re-spelt.
        text: String,
    },
    /// Emphasis (italic in print).
    Emph {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// Strong emphasis (bold in print).
    Strong {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// A hyperlink.
    Link {
        /// The target address.
        url: String,
        /// The visible content.
        content: Vec<Inline>,
    },
    /// A run of text in another language than its surroundings.
    Span {
        /// The run's language.
        lang: LangTag,
        /// The run's content.
        content: Vec<Inline>,
    },
    /// An archival shelfmark, printed text kept verbatim beside its parsed parts.
    Shelfmark(Box<Shelfmark>),
    /// A footnote, placed exactly where its call stands.
    Note(Note),
}

impl Inline {
    /// Creates a plain text inline.
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text { text: s.into() }
    }
}

/// How sure the reader is that a note sits at its printed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The call was found in the text; the note stands where it was printed.
    #[default]
    Call,
    /// The call is missing from the source; the note was placed after the previous
    /// note's call (or at the end of its page's text) and must be shown as uncertain.
    Inferred,
}

impl Anchor {
    fn is_call(&self) -> bool {
        *self == Anchor::Call
    }
}

/// A footnote: its printed label and its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The label as printed (`"14"`, `"*"`), or as inferred when the source lost it.
    pub label: String,
    /// Whether the position is the printed call or an inferred one.
    #[serde(default, skip_serializing_if = "Anchor::is_call")]
    pub anchor: Anchor,
    /// The note's language, when known (notes are read on their own, e.g. as pop-ups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// The note's paragraphs.
    pub content: Vec<Block>,
}

/// Returns the shelfmarks of `inlines` in order; with `in_notes`, also those inside notes.
pub fn shelfmarks(inlines: &[Inline], in_notes: bool) -> Vec<&Shelfmark> {
    fn walk<'a>(inlines: &'a [Inline], in_notes: bool, out: &mut Vec<&'a Shelfmark>) {
        for inline in inlines {
            match inline {
                Inline::Shelfmark(m) => out.push(m),
                Inline::Emph { content }
                | Inline::Strong { content }
                | Inline::Span { content, .. }
                | Inline::Link { content, .. } => walk(content, in_notes, out),
                Inline::Note(n) if in_notes => {
                    n.content.iter().for_each(|b| walk(b.content(), in_notes, out))
                }
                Inline::Note(_) | Inline::Text { .. } => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(inlines, in_notes, &mut out);
    out
}

/// Concatenates the visible text of `inlines` (notes excluded; shelfmarks by their printed text).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    push_plain(inlines, &mut s);
    s
}

fn push_plain(inlines: &[Inline], s: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => s.push_str(text),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Span { content, .. }
            | Inline::Link { content, .. } => push_plain(content, s),
            Inline::Shelfmark(m) => s.push_str(&m.raw),
            Inline::Note(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(label: &str) -> Inline {
        Inline::Note(Note {
            label: label.into(),
            anchor: Anchor::Call,
            lang: None,
            content: vec![Block::paragraph(vec![Inline::text("n")])],
        })
    }

    #[test]
    fn plain_text_skips_notes_and_keeps_nested_text() {
        let inl = vec![
            Inline::text("a"),
            note("1"),
            Inline::Strong { content: vec![Inline::text("b")] },
            Inline::text("c"),
        ];
        assert_eq!(plain_text(&inl), "abc");
    }

    #[test]
    fn notes_are_collected_in_order_through_nesting() {
        let b = Block::paragraph(vec![note("1"), Inline::Emph { content: vec![note("2")] }, note("3")]);
        let mut out = Vec::new();
        b.collect_notes(&mut out);
        let labels: Vec<_> = out.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
    }

    #[test]
    fn call_anchor_is_not_serialised() {
        let json = serde_json::to_string(&note("1")).unwrap();
        assert!(!json.contains("anchor"), "{json}");
    }
}
