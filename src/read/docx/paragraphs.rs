//! The body, read into paragraphs: each with its style's role, its list number and its
//! finished inlines. A table, and an image alone in its paragraph, are read whole into a
//! block of their own (see [`super::tables`]); a generated table of contents is left out
//! (reported).

use super::inlines::{finish, Piece};
use super::numbering::Level;
use super::package::Part;
use super::styles::{numbering_of, outline_level, Role, RunProps};
use super::Reader;
use crate::model::{Block, Figure, Inline, LangTag, Script};
use crate::read::xml::El;

/// One paragraph of the source, read.
#[derive(Debug, Clone)]
pub(super) struct Para {
    /// What its style marks it as.
    pub(super) role: Role,
    /// Its list membership: instance id, level, the number Word prints, the level's format.
    pub(super) list: Option<ListItem>,
    /// The inlines, languages resolved into spans.
    pub(super) inlines: Vec<Inline>,
    /// The language most of its letters are tagged with.
    pub(super) lang: Option<LangTag>,
    /// Whether it stands in a table cell.
    pub(super) in_table: bool,
    /// Whether it stands in a bibliography field (Zotero's, Mendeley's, Word's).
    pub(super) in_bibliography: bool,
    /// A label set apart in its own run (`12.` of an entry colophon wrote).
    pub(super) label: Option<String>,
    /// A block read whole in the paragraph's place: a table, or a figure (an image alone in
    /// its paragraph); its caption is attached when the blocks are assembled.
    pub(super) block: Option<Block>,
}

impl Para {
    /// A paragraph that stands for a table or figure read whole.
    pub(super) fn of_block(block: Block) -> Self {
        Para {
            role: Role::Normal,
            list: None,
            inlines: Vec::new(),
            lang: None,
            in_table: true,
            in_bibliography: false,
            label: None,
            block: Some(block),
        }
    }
}

/// A list paragraph's place in its list.
#[derive(Debug, Clone)]
pub(super) struct ListItem {
    /// The list it belongs to (Word's abstract definition: its instances count on together).
    pub(super) instance: String,
    pub(super) level: u8,
    pub(super) number: u32,
    pub(super) format: Level,
}

impl<'p> Reader<'p> {
    /// Reads the body into paragraphs.
    pub(super) fn body(&mut self, body: &'p El) -> Vec<Para> {
        let part = &self.parts.document;
        let mut out = Vec::new();
        self.block_children(part, body, false, &mut out);
        out
    }

    /// Reads the block-level children of `el` (a body, a cell, a note, a text box).
    pub(super) fn block_children(&mut self, part: &'p Part, el: &'p El, in_table: bool, out: &mut Vec<Para>) {
        for child in el.children() {
            match child.name.as_str() {
                "p" => self.paragraph(part, child, in_table, out),
                "tbl" => self.table(part, child, out),
                "sdt" => {
                    let gallery = child
                        .path(&["sdtPr", "docPartObj", "docPartGallery"])
                        .and_then(|g| g.attr("w:val"))
                        .unwrap_or("");
                    if gallery.contains("Table of Contents") {
                        self.report(
                            part,
                            child,
                            false,
                            "docx-toc-dropped",
                            "a generated table of contents is left out (every writer makes its own)".into(),
                        );
                    } else if let Some(content) = child.child("sdtContent") {
                        self.block_children(part, content, in_table, out);
                    }
                }
                "customXml" | "smartTag" => self.block_children(part, child, in_table, out),
                // (The change is reported whether or not its content is read.)
                "ins" | "moveTo" | "del" | "moveFrom" if self.change(part, child) => {
                    self.block_children(part, child, in_table, out);
                }
                // A change left out (reported above) is not an unknown element.
                "ins" | "moveTo" | "del" | "moveFrom" => {}
                "AlternateContent" => {
                    if let Some(choice) = child.children().next() {
                        self.block_children(part, choice, in_table, out);
                    }
                }
                "altChunk" => self.report(part, child, true, "docx-unknown-element", "an imported document part (w:altChunk: HTML, RTF or another DOCX pasted in) is not read; its content is left out".into()),
                "sectPr" | "bookmarkStart" | "bookmarkEnd" | "proofErr" => {}
                _ => self.unknown(part, child),
            }
        }
    }

    /// Reads one `w:p`.
    fn paragraph(&mut self, part: &'p Part, p: &'p El, in_table: bool, out: &mut Vec<Para>) {
        let ppr = p.child("pPr");
        let style = ppr.and_then(|x| x.child("pStyle")).and_then(|s| s.attr("w:val"));
        let mut role = self.styles.role(style);
        if let Some(level) = ppr.and_then(outline_level) {
            if matches!(role, Role::Normal) {
                role = Role::Heading(level);
            }
        }
        let numbering = ppr.and_then(numbering_of).or_else(|| self.styles.numbering(style));
        // The document default language is the document's (`meta.lang`), not a statement
        // about this paragraph: only a language the paragraph's or the run's style or the run
        // itself sets is taken as said; enrichment decides the rest, as for other inputs.
        let defaults =
            RunProps { lang: None, lang_east_asia: None, lang_bidi: None, ..self.styles.defaults.clone() };
        let props = self.styles.run_props(style, true).over(&defaults);
        self.paragraph_serial += 1;
        let in_toc = self.fields.iter().any(|f| fields_kind(&f.instruction) == FieldUse::Contents);
        let in_bibliography =
            self.fields.iter().any(|f| fields_kind(&f.instruction) == FieldUse::Bibliography);
        let mut pieces = Vec::new();
        if ppr.and_then(|x| x.child("pageBreakBefore")).is_some_and(|b| b.attr("w:val") != Some("0")) {
            self.pages += 1;
            pieces.push(Piece::neutral(Inline::PageBreak { n: self.pages.to_string() }));
        }
        self.inlines(part, p, &props, &mut pieces);
        if let Some(i) = self.pending_mark.take() {
            if let Some(Inline::Note(n)) = pieces.get_mut(i).map(|x| &mut x.inline) {
                n.label = "*".into();
            }
            self.report(
                part,
                p,
                true,
                "docx-note-mark-missing",
                "a note with a custom mark has no mark text; labelled `*`".into(),
            );
        }
        let list = match (&role, numbering) {
            (_, None) => None,
            (Role::Heading(_), Some((instance, level))) => {
                // Word prints a number before a numbered heading; the model's heading has
                // none (writers number headings their own way): reported, once per document.
                let prints = self
                    .numbering
                    .level(&instance, level)
                    .is_some_and(|l| l.style.is_some() && !l.continuation);
                if prints && !self.heading_numbers_reported {
                    self.heading_numbers_reported = true;
                    self.report(part, p, false, "docx-heading-number", "headings are numbered by Word's list numbering; the numbers are not kept in the heading text".into());
                }
                None
            }
            (_, Some((instance, level))) => self.numbering.level(&instance, level).map(|format| {
                // A level that prints nothing continues the item before it: not counted.
                let number = if format.continuation { 0 } else { self.numbering.next(&instance, level) };
                ListItem { instance: self.numbering.list_of(&instance), level, number, format }
            }),
        };
        let (inlines, lang) = finish(pieces);
        if let Some(script) = lang.as_ref().and_then(|l| script_disagrees(l, &inlines)) {
            let tag = lang.as_ref().map(|l| l.as_str()).unwrap_or_default();
            self.report(part, p, false, "docx-lang-disagrees", format!("Word tags this paragraph {tag}, but its letters are mostly {script:?}; the tag is kept (correct it in Word)"));
        }
        let textboxes = std::mem::take(&mut self.textboxes);
        let floating = std::mem::take(&mut self.floating);
        if !in_toc {
            let label = self.entry_label.take();
            match figure_of(&inlines) {
                Some(figure) if list.is_none() => out.push(Para::of_block(Block::Figure(Box::new(figure)))),
                _ => out.push(Para {
                    role,
                    list,
                    inlines,
                    lang,
                    in_table,
                    in_bibliography,
                    label,
                    block: None,
                }),
            }
        }
        for image in floating {
            if let Some(figure) = figure_of(std::slice::from_ref(&image)) {
                out.push(Para::of_block(Block::Figure(Box::new(figure))));
            }
        }
        for tb in textboxes {
            self.block_children(part, tb, in_table, out);
        }
    }
}

/// The figure a paragraph is when it holds images and nothing else but spaces: the
/// images, with the first one's description as the figure's.
fn figure_of(inlines: &[Inline]) -> Option<Figure> {
    let mut images = Vec::new();
    let mut alt = None;
    for i in inlines {
        match i {
            Inline::Image { image, alt: a } => {
                images.push(image.clone());
                if alt.is_none() && !a.is_empty() {
                    alt = Some(a.clone());
                }
            }
            Inline::Text { text } if text.trim().is_empty() => {}
            _ => return None,
        }
    }
    (!images.is_empty()).then(|| Figure { alt, images, ..Figure::default() })
}

/// The script a paragraph's letters are mostly in, when the language Word tagged it with
/// is never written in it (Cyrillic text tagged `en-US`): Word's proofing language is often
/// left at the template's default. Only languages with one script are checked.
fn script_disagrees(lang: &LangTag, inlines: &[Inline]) -> Option<Script> {
    let text = crate::model::plain_text(inlines);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let expected = match lang.primary() {
        "en" | "tr" | "de" | "fr" | "it" | "es" | "pt" | "pl" | "cs" | "nl" | "sv" | "da" | "nb" | "fi"
        | "hu" | "ro" => Script::Latin,
        "ru" | "uk" | "be" | "bg" | "mk" => Script::Cyrillic,
        "ka" => Script::Georgian,
        "hy" => Script::Armenian,
        "el" => Script::Greek,
        "ar" | "fa" | "ur" => Script::Arabic,
        "he" | "yi" => Script::Hebrew,
        _ => return None,
    };
    crate::enrich::lang::main_script(&text).filter(|s| *s != expected && *s != Script::Mixed)
}

/// What a field's instruction makes of the paragraphs inside its result.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum FieldUse {
    /// A generated table of contents: left out.
    Contents,
    /// A bibliography (Zotero, Mendeley, EndNote, Word): its paragraphs are entries.
    Bibliography,
    Other,
}

/// Classifies a field instruction by what its result paragraphs are.
pub(super) fn fields_kind(instruction: &str) -> FieldUse {
    let words: Vec<&str> = instruction.split_whitespace().take(3).collect();
    match words.as_slice() {
        ["TOC", ..] => FieldUse::Contents,
        ["BIBLIOGRAPHY", ..] => FieldUse::Bibliography,
        ["ADDIN", w, ..] if w.starts_with("ZOTERO_BIBL") || w.starts_with("EN.REFLIST") => {
            FieldUse::Bibliography
        }
        ["ADDIN", "Mendeley", "Bibliography", ..] => FieldUse::Bibliography,
        _ => FieldUse::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_fields() {
        assert_eq!(fields_kind(" TOC \\o \"1-3\" \\h "), FieldUse::Contents);
        assert_eq!(
            fields_kind("ADDIN ZOTERO_BIBL {\"uncited\":[]} CSL_BIBLIOGRAPHY"),
            FieldUse::Bibliography
        );
        assert_eq!(fields_kind("ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY"), FieldUse::Bibliography);
        assert_eq!(fields_kind(" BIBLIOGRAPHY "), FieldUse::Bibliography);
        assert_eq!(fields_kind(" PAGEREF _Toc1 \\h "), FieldUse::Other);
    }
}
