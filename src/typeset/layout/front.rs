//! The front matter on the page, before the abstracts and the body: a title page's lines
//! centred, a dedication centred in italics and set apart by space above and below, a
//! preface, acknowledgements, errata or another division as a section under its heading
//! (in the outline). Each division is one `Sect` of the tag tree.

use super::nested::{Container, Frame, Nester};
use super::{runs, Align, BlockKind, Para};
use crate::fonts::Style;
use crate::model::{plain_text, Block, FrontKind, FrontPart, LangTag, Note};
use crate::typeset::page::PageStyle;
use crate::typeset::Pt;

/// Appends the paragraphs of the front divisions to `out`, their notes to `notes`.
pub(super) fn parts(
    parts: &[FrontPart],
    nester: &mut Nester,
    style: &PageStyle,
    lang: Option<&LangTag>,
    notes: &mut Vec<Note>,
    out: &mut Vec<Para>,
) {
    let k = style.size / 10.5;
    let small = (style.size * 0.9, style.leading * 0.9);
    for part in parts {
        let mut frame =
            Frame::new(BlockKind::Paragraph, (style.size, style.leading), small, style.measure(), lang);
        frame.nest.push(Container::Section { id: nester.id() });
        let (align, text_style) = match part.kind {
            FrontKind::TitlePage | FrontKind::Dedication => (Align::Center, Style::Regular),
            _ => (Align::Justify, Style::Regular),
        };
        let italic = part.kind == FrontKind::Dedication;
        let first = out.len();
        let mut after_para = false;
        for b in &part.blocks {
            match b {
                Block::Heading { level, content } => {
                    let mut p = nester.para(&frame, lang, Align::Left);
                    p.kind = BlockKind::Heading(*level);
                    p.size = style.size * 1.05;
                    p.outline = Some((*level, plain_text(content)));
                    p.space_before = Pt(14.0) * k;
                    p.keep_with_next = true;
                    runs(&mut p, content, Style::Bold, lang, notes);
                    out.push(p);
                    frame.level = *level;
                    after_para = false;
                }
                Block::Paragraph { content, lang: own } => {
                    let lang = own.as_ref().or(lang);
                    let mut p = nester.para(&frame, lang, align);
                    if align == Align::Justify && after_para {
                        p.indent = Pt(style.size * 1.5);
                    }
                    if align == Align::Center {
                        p.space_before = frame.leading * 0.5;
                    }
                    runs(&mut p, content, if italic { Style::Italic } else { text_style }, lang, notes);
                    out.push(p);
                    after_para = true;
                }
                other => {
                    nester.block(other, &frame, notes, out);
                    after_para = false;
                }
            }
        }
        // A title page and a dedication stand apart from what follows; a dedication from
        // what precedes it too.
        let apart = match part.kind {
            FrontKind::TitlePage => Pt(24.0) * k,
            FrontKind::Dedication => Pt(36.0) * k,
            _ => Pt(12.0) * k,
        };
        if let Some(p) = out.get_mut(first) {
            if part.kind == FrontKind::Dedication {
                p.space_before = p.space_before.max(apart);
            }
        }
        if out.len() > first {
            if let Some(p) = out.last_mut() {
                p.space_after = p.space_after.max(apart);
            }
        }
    }
}
