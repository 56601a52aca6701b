//! Footnotes and endnotes: each read from its part at its call, with the label Word prints.
//!
//! Word numbers footnotes and endnotes apart, in the order they are called, in the format
//! the settings or the last section give (`w:footnotePr`, `w:endnotePr`: `numFmt`,
//! `numStart`; by default `1 2 3` for footnotes and `i ii iii` for endnotes). A note with a
//! custom mark (`w:customMarkFollows`) is labelled with the mark's text and not counted.

use super::inlines::{count_letters, heaviest, Piece};
use super::package::Part;
use super::Reader;
use crate::model::{plain_text, Anchor, Block, Inline, LangTag, Note, NoteKind, NumberStyle};
use crate::read::xml::El;

/// How one kind of note is numbered.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Numeral(NumberStyle),
    /// `* † ‡ §`, doubled after four (Word's `chicago`).
    Symbols,
}

/// The numbering of footnotes and endnotes, and how many of each were called so far.
#[derive(Debug)]
pub(super) struct NoteNumbers {
    foot: (Format, u32),
    end: (Format, u32),
    called: [u32; 2],
}

impl NoteNumbers {
    /// Reads the formats from `settings.xml` and the document's last section (which wins).
    pub(super) fn read(settings: Option<&El>, document: &El) -> Self {
        let mut n = NoteNumbers {
            foot: (Format::Numeral(NumberStyle::Decimal), 1),
            end: (Format::Numeral(NumberStyle::LowerRoman), 1),
            called: [0, 0],
        };
        let section = document.path(&["body", "sectPr"]);
        for source in [settings, section].into_iter().flatten() {
            if let Some(pr) = source.child("footnotePr") {
                n.foot = format_of(pr, n.foot);
            }
            if let Some(pr) = source.child("endnotePr") {
                n.end = format_of(pr, n.end);
            }
        }
        n
    }

    /// The label of the next note of `kind`.
    fn next(&mut self, kind: NoteKind) -> String {
        let (i, (format, start)) = match kind {
            NoteKind::Foot => (0, self.foot),
            NoteKind::End => (1, self.end),
        };
        let n = start + self.called[i];
        self.called[i] += 1;
        match format {
            Format::Numeral(style) => style.numeral(n.max(1)),
            Format::Symbols => {
                let marks = ['*', '†', '‡', '§'];
                let k = (n.max(1) - 1) as usize;
                marks[k % 4].to_string().repeat(k / 4 + 1)
            }
        }
    }
}

/// A `w:footnotePr`/`w:endnotePr` over the format so far.
fn format_of(pr: &El, (format, start): (Format, u32)) -> (Format, u32) {
    let format = match pr.child("numFmt").and_then(|f| f.attr("w:val")) {
        Some("decimal") => Format::Numeral(NumberStyle::Decimal),
        Some("lowerRoman") => Format::Numeral(NumberStyle::LowerRoman),
        Some("upperRoman") => Format::Numeral(NumberStyle::UpperRoman),
        Some("lowerLetter") => Format::Numeral(NumberStyle::LowerAlpha),
        Some("upperLetter") => Format::Numeral(NumberStyle::UpperAlpha),
        Some("chicago") => Format::Symbols,
        _ => format,
    };
    let start =
        pr.child("numStart").and_then(|s| s.attr("w:val")).and_then(|v| v.parse().ok()).unwrap_or(start);
    (format, start)
}

impl<'p> Reader<'p> {
    /// Reads the note a `w:footnoteReference`/`w:endnoteReference` calls, at the call.
    pub(super) fn note(&mut self, part: &'p Part, reference: &'p El, kind: NoteKind, out: &mut Vec<Piece>) {
        if self.in_field_code() {
            return;
        }
        let (notes_part, element) = match kind {
            NoteKind::Foot => (self.parts.footnotes.as_ref(), "footnote"),
            NoteKind::End => (self.parts.endnotes.as_ref(), "endnote"),
        };
        if self.in_note {
            self.report(
                part,
                reference,
                true,
                "docx-note-in-note",
                format!("a note calls {element} inside it; the inner call is left out"),
            );
            return;
        }
        let id = reference.attr("w:id").unwrap_or("");
        let index = match kind {
            NoteKind::Foot => &self.footnote_ids,
            NoteKind::End => &self.endnote_ids,
        };
        let found = notes_part.zip(index.get(id).copied());
        let Some((notes_part, note)) = found else {
            self.report(
                part,
                reference,
                true,
                "docx-note-missing",
                format!("the call of {element} {id} has no {element} in the package; the call is left out"),
            );
            return;
        };
        let custom = matches!(reference.attr("w:customMarkFollows"), Some("1" | "true" | "on"));
        let label = if custom { String::new() } else { self.next_label(kind) };
        // The note is read apart: fields and paragraph counts of the text around its call
        // are put aside while it is read.
        let fields = std::mem::take(&mut self.fields);
        let serial = self.paragraph_serial;
        let pending = self.pending_mark.take();
        self.in_note = true;
        let mut paras = Vec::new();
        self.block_children(notes_part, note, false, &mut paras);
        self.in_note = false;
        self.fields = fields;
        self.paragraph_serial = serial;
        self.pending_mark = pending;
        let mut content = super::assemble::blocks(paras);
        if content.is_empty() {
            content.push(Block::paragraph(Vec::new()));
        }
        let lang = main_language(&content);
        if custom {
            self.pending_mark = Some(out.len());
        }
        out.push(Piece::neutral(Inline::Note(Note { label, kind, anchor: Anchor::Call, lang, content })));
    }

    fn next_label(&mut self, kind: NoteKind) -> String {
        self.notes.next(kind)
    }
}

/// The notes of a notes part (`footnote` or `endnote` elements) by their `w:id`.
pub(super) fn by_id<'p>(part: Option<&'p Part>, element: &str) -> std::collections::HashMap<&'p str, &'p El> {
    part.map(|p| {
        p.root.children().filter(|e| e.name == element).filter_map(|e| Some((e.attr("w:id")?, e))).collect()
    })
    .unwrap_or_default()
}

/// The language most of a note's letters are in (its paragraphs carry them).
fn main_language(blocks: &[Block]) -> Option<LangTag> {
    let tagged = blocks.iter().flat_map(Block::leaves).filter_map(|b| match b {
        Block::Paragraph { content, lang: Some(l) } => Some((l.clone(), count_letters(&plain_text(content)))),
        _ => None,
    });
    heaviest(tagged).map(|(l, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_each_kind_apart() {
        let doc = crate::read::xml::parse_tree(
            std::path::Path::new("d.xml"),
            r#"<w:document xmlns:w="w"><w:body><w:sectPr><w:footnotePr><w:numStart w:val="5"/></w:footnotePr>
               <w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr></w:sectPr></w:body></w:document>"#,
            "doc",
            64,
        )
        .unwrap();
        let mut n = NoteNumbers::read(None, &doc);
        assert_eq!(n.next(NoteKind::Foot), "5");
        assert_eq!(n.next(NoteKind::End), "1");
        assert_eq!(n.next(NoteKind::Foot), "6");
        let mut d = NoteNumbers::read(
            None,
            &crate::read::xml::parse_tree(std::path::Path::new("d"), "<d/>", "d", 4).unwrap(),
        );
        assert_eq!(d.next(NoteKind::End), "i");
        assert_eq!(d.next(NoteKind::End), "ii");
        d.foot = (Format::Symbols, 1);
        let labels: Vec<String> = (0..5).map(|_| d.next(NoteKind::Foot)).collect();
        assert_eq!(labels, ["*", "†", "‡", "§", "**"]);
    }
}
