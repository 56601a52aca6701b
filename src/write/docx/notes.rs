//! Footnotes and endnotes: Word's own notes, each written at its call, footnotes in
//! `word/footnotes.xml` and endnotes in `word/endnotes.xml`.
//!
//! Labels: when the notes of a kind are labelled `1`, `2` … `n` in document order, Word
//! numbers them itself (and renumbers them when an editor adds one); otherwise every note
//! of that kind carries its printed label as a custom mark (`w:customMarkFollows`, the mark
//! the text after the reference), so `*`, `†` or a count that starts at 14 are kept.
//! Word cannot nest a note in a note: a note called inside another is written in brackets
//! at its call, with its label, and reported.

use super::body::{self, Scope};
use super::inline::{self, Rpr};
use super::xml::Xml;
use super::{Ctx, Part};
use crate::model::{plain_text, Block, Inline, Note, NoteKind};

/// How the notes of one kind are labelled in the DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Word numbers them (the labels are 1 … n).
    Auto,
    /// Each note's printed label is its custom mark.
    Custom,
}

/// Decides the marks of one kind from its labels in document order.
pub fn marks<'a>(labels: impl IntoIterator<Item = &'a str>) -> Marks {
    let plain = labels.into_iter().enumerate().all(|(i, l)| l == (i + 1).to_string());
    if plain {
        Marks::Auto
    } else {
        Marks::Custom
    }
}

/// The names Word gives the parts of a kind: element, reference, mark in the note, styles.
struct Names {
    note: &'static str,
    reference: &'static str,
    mark: &'static str,
    text_style: &'static str,
    ref_style: &'static str,
}

fn names(kind: NoteKind) -> Names {
    match kind {
        NoteKind::Foot => Names {
            note: "w:footnote",
            reference: "w:footnoteReference",
            mark: "w:footnoteRef",
            text_style: "FootnoteText",
            ref_style: "FootnoteReference",
        },
        NoteKind::End => Names {
            note: "w:endnote",
            reference: "w:endnoteReference",
            mark: "w:endnoteRef",
            text_style: "EndnoteText",
            ref_style: "EndnoteReference",
        },
    }
}

/// What the first paragraph of a note opens with: Word's mark, or the custom label.
#[derive(Debug, Clone)]
pub struct Lead {
    kind: NoteKind,
    custom: Option<String>,
}

/// Writes the lead of a note's first paragraph (the mark, then a space).
pub fn write_lead(x: &mut Xml, lead: &Lead, rp: &Rpr) {
    let n = names(lead.kind);
    let mark = Rpr { style: Some(n.ref_style), ..Rpr::lang(rp.lang.clone()) };
    match &lead.custom {
        None => {
            x.open("w:r", &[]);
            mark.write(x);
            x.empty(n.mark, &[]);
            x.close();
        }
        Some(label) => inline::text_run(x, &mark, label),
    }
    inline::text_run(x, rp, " ");
}

/// Writes the call of `note` at the current position and its content into its part.
pub fn call(ctx: &mut Ctx, x: &mut Xml, note: &Note, rp: &Rpr) {
    if ctx.part != Part::Document {
        nested(ctx, x, note, rp);
        return;
    }
    ctx.tally.inferred += usize::from(note.anchor == crate::model::Anchor::Inferred);
    let n = names(note.kind);
    let (list, marks, part) = match note.kind {
        NoteKind::Foot => (&ctx.footnotes, ctx.foot_marks, Part::Footnotes),
        NoteKind::End => (&ctx.endnotes, ctx.end_marks, Part::Endnotes),
    };
    // Ids 1 … n; -1 and 0 are the separators.
    let id = (list.len() + 1).to_string();
    let custom = (marks == Marks::Custom).then(|| note.label.clone());

    x.open("w:r", &[]);
    Rpr { style: Some(n.ref_style), ..Rpr::lang(rp.lang.clone()) }.write(x);
    match &custom {
        None => x.empty(n.reference, &[("w:id", &id)]),
        Some(label) => {
            x.empty(n.reference, &[("w:customMarkFollows", "1"), ("w:id", &id)]);
            x.leaf("w:t", &[("xml:space", "preserve")], label);
        }
    }
    x.close();

    let mut nx = Xml::new();
    nx.open(n.note, &[("w:id", &id)]);
    let saved = std::mem::replace(&mut ctx.part, part);
    let lang = note.lang.clone().or_else(|| rp.lang.clone());
    ctx.lead = Some(Lead { kind: note.kind, custom });
    let scope = Scope { style: Some(n.text_style), lang, ..Scope::default() };
    body::blocks(ctx, &mut nx, &note.content, &scope);
    if ctx.lead.is_some() {
        // A note without paragraphs still has its mark.
        body::paragraph(ctx, &mut nx, &scope, &[], &Rpr::lang(scope.lang.clone()));
    }
    ctx.part = saved;
    ctx.removed += nx.removed;
    let xml = nx.finish();
    match note.kind {
        NoteKind::Foot => ctx.footnotes.push(xml),
        NoteKind::End => ctx.endnotes.push(xml),
    }
}

/// A note inside a note: `[label: text]` at its call.
fn nested(ctx: &mut Ctx, x: &mut Xml, note: &Note, rp: &Rpr) {
    ctx.tally.nested_notes += 1;
    let text: Vec<String> =
        note.content.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect();
    let rp = Rpr { lang: note.lang.clone().or_else(|| rp.lang.clone()), ..rp.clone() };
    inline::text_run(x, &rp, &format!("[{}: {}]", note.label, text.join(" ")));
}

/// The labels of every note the document will write as a Word note, by kind, in the
/// order the writer meets them (metadata, front, body, bibliography).
pub fn labels(ctx_order: &[&[Inline]]) -> (Vec<String>, Vec<String>) {
    let (mut foot, mut end) = (Vec::new(), Vec::new());
    fn walk(inl: &[Inline], foot: &mut Vec<String>, end: &mut Vec<String>) {
        for i in inl {
            match i {
                Inline::Note(n) => match n.kind {
                    NoteKind::Foot => foot.push(n.label.clone()),
                    NoteKind::End => end.push(n.label.clone()),
                },
                other => walk(other.children(), foot, end),
            }
        }
    }
    for inl in ctx_order {
        walk(inl, &mut foot, &mut end);
    }
    (foot, end)
}

/// A notes part: the two separators Word requires, then the notes.
pub fn part(kind: NoteKind, notes: &[String]) -> String {
    let (root, note) = match kind {
        NoteKind::Foot => ("w:footnotes", "w:footnote"),
        NoteKind::End => ("w:endnotes", "w:endnote"),
    };
    let mut s = String::from(super::xml::DECL);
    s.push_str(&format!(
        "<{root} xmlns:w=\"{}\" xmlns:r=\"{}\" xmlns:wp=\"{}\" xmlns:a=\"{}\" xmlns:pic=\"{}\">",
        super::W_NS,
        super::R_NS,
        super::drawing::WP_NS,
        super::drawing::A_NS,
        super::drawing::PIC_NS
    ));
    s.push_str(&format!(
        "<{note} w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></{note}>"
    ));
    s.push_str(&format!(
        "<{note} w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></{note}>"
    ));
    for n in notes {
        s.push_str(n);
    }
    s.push_str(&format!("</{root}>"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_sequences_are_numbered_by_word_and_the_rest_keep_their_marks() {
        assert_eq!(marks(["1", "2", "3"]), Marks::Auto);
        assert_eq!(marks([]), Marks::Auto);
        assert_eq!(marks(["*"]), Marks::Custom);
        assert_eq!(marks(["1", "2", "*"]), Marks::Custom);
        assert_eq!(marks(["14", "15"]), Marks::Custom, "a count that does not start at 1");
        assert_eq!(marks(["1", "3"]), Marks::Custom, "a gap");
        assert_eq!(marks(["01", "02"]), Marks::Custom, "printed with a zero");
        assert_eq!(marks(["1", "1"]), Marks::Custom, "a repeated label");
    }

    #[test]
    fn note_parts_start_with_the_separators() {
        let p = part(NoteKind::End, &["<w:endnote w:id=\"1\"/>".into()]);
        assert!(p.contains("<w:endnotes "));
        assert!(p.contains("w:type=\"separator\" w:id=\"-1\""));
        assert!(p.contains("w:type=\"continuationSeparator\" w:id=\"0\""));
        assert!(p.ends_with("<w:endnote w:id=\"1\"/></w:endnotes>"));
    }
}
