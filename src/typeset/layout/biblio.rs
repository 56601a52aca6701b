//! The reference list on the page: its heading, then each part's subheading (a level
//! below, in the text size, kept with its first entry) over its entries, which hang.

use super::{runs, Align, BlockKind, PageStyle, Para};
use crate::fonts::Style;
use crate::model::{Bibliography, LangTag, Note};
use crate::typeset::Pt;

/// The paragraphs of `bib`; the notes its entries call are added to `notes`.
pub(super) fn paragraphs(
    bib: &Bibliography,
    doc_lang: Option<&LangTag>,
    style: &PageStyle,
    notes: &mut Vec<Note>,
) -> Vec<Para> {
    // Drawn for 10.5 pt text, as the rest of the layout.
    let k = style.size / 10.5;
    let (small, small_leading) = (style.size * 0.9, style.leading * 0.9);
    let mut paras = Vec::new();
    let mut h = Para::new(BlockKind::Heading(1), doc_lang, style.size * 1.05, style.leading, Align::Left);
    h.space_before = Pt(16.0) * k;
    h.keep_with_next = true;
    h.text(&bib.heading, Style::Bold, doc_lang);
    h.outline = Some((1, bib.heading.clone()));
    paras.push(h);
    for group in bib.groups() {
        if let Some(heading) = group.heading {
            let mut h = Para::new(BlockKind::Heading(2), doc_lang, style.size, style.leading, Align::Left);
            h.space_before = Pt(10.0) * k;
            h.keep_with_next = true;
            h.text(heading, Style::Italic, doc_lang);
            h.outline = Some((2, heading.to_string()));
            paras.push(h);
        }
        for e in group.entries {
            let lang = e.lang.as_ref().or(doc_lang);
            let mut p = Para::new(BlockKind::Entry, lang, small, small_leading, Align::Justify);
            p.hanging = Pt(small * 1.5);
            p.space_before = Pt(2.0) * k;
            if let Some(l) = &e.label {
                p.text(&format!("{l}. "), Style::Regular, None);
            }
            runs(&mut p, &e.content, Style::Regular, lang, notes);
            paras.push(p);
        }
    }
    paras
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BibEntry, BibPart};

    /// A part's subheading is a heading a level below the list's, kept with its first entry,
    /// in the outline under the list's heading.
    #[test]
    fn subheadings_are_a_level_below_and_kept_with_their_entries() {
        let entry = BibEntry::plain;
        let mut bib = Bibliography::new("Bibliography", vec![entry("A."), entry("B.")]);
        bib.parts = vec![BibPart { heading: "Literature".into(), start: 1 }];
        let paras = paragraphs(&bib, None, &PageStyle::a4(), &mut Vec::new());
        let kinds: Vec<(BlockKind, bool)> = paras.iter().map(|p| (p.kind, p.keep_with_next)).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Heading(1), true),
                (BlockKind::Entry, false),
                (BlockKind::Heading(2), true),
                (BlockKind::Entry, false)
            ]
        );
        assert_eq!(paras[2].outline, Some((2, "Literature".to_string())));
    }
}
