//! The divisions of `<front>` (a title page, a dedication, a preface, acknowledgements, errata,
//! any other division the source names) and texts embedded in the text: `<floatingText>`
//! anywhere in the running text and a `<text>` inside a `<group>` (or another `<text>`).
//!
//! A title page becomes one paragraph per printed element (`titlePart`, `byline`,
//! `docImprint`, `docDate`…, line breaks kept); a division its blocks, its `<head>` a heading.
//! Abstracts and keyword lists stay with the metadata (`header.rs`), divisions of notes with
//! the notes (`endnotes.rs`). An element with no place in the model is reported at its
//! line:column and its text kept.

use super::{edge_inlines, endnotes, trim_inlines, El, Reader, SILENT};
use crate::model::{Block, FrontKind, FrontPart, Inline};

/// Elements of a printed title page, each read as a paragraph of its own (a `docTitle` as
/// one paragraph per `titlePart`).
const TITLE_PAGE: &[&str] =
    &["docTitle", "titlePart", "byline", "docAuthor", "docImprint", "docDate", "docEdition", "imprimatur"];

/// The kind of a front division from its `@type` (case and spelling variants folded).
pub(super) fn kind_of(typ: Option<&str>) -> (FrontKind, Option<String>) {
    let Some(t) = typ.map(str::trim).filter(|t| !t.is_empty()) else {
        return (FrontKind::Other, None);
    };
    let folded: String = t.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let kind = match folded.as_str() {
        "titlepage" => FrontKind::TitlePage,
        "dedication" => FrontKind::Dedication,
        "preface" | "foreword" | "forword" => FrontKind::Preface,
        "acknowledgements" | "acknowledgments" | "acknowledgement" | "acknowledgment" => {
            FrontKind::Acknowledgements
        }
        "errata" | "erratum" | "corrigenda" | "corrigendum" => FrontKind::Errata,
        _ => return (FrontKind::Other, Some(t.to_string())),
    };
    (kind, None)
}

/// Puts the pages begun before `blocks` (`<pb n="III"/>` between title-page elements) at the
/// start of their first heading or paragraph; they stay pending when there is none.
fn open_with_pages(pages: &mut Vec<Inline>, blocks: &mut [Block]) {
    if pages.is_empty() {
        return;
    }
    if let Some(first) = blocks.iter_mut().find_map(|b| edge_inlines(b, false)) {
        first.splice(0..0, pages.drain(..));
    }
}

/// Puts pages left pending at the end of the last heading or paragraph of `blocks`.
fn close_with_pages(pages: &mut Vec<Inline>, blocks: &mut [Block]) {
    if pages.is_empty() {
        return;
    }
    if let Some(last) = blocks.iter_mut().rev().find_map(|b| edge_inlines(b, true)) {
        last.append(pages);
    }
}

/// Divisions of `<front>` that the metadata or the notes take.
fn read_elsewhere(c: &El) -> bool {
    c.name.starts_with("div") && matches!(c.attr("type"), Some("abstract" | "keywords"))
        || endnotes::is_gathering(c)
}

impl Reader<'_> {
    /// The parts of a `<front>`, in printed order. Title-page elements standing directly in
    /// `<front>` make a title page of their own; other loose blocks a division without a name.
    pub(super) fn front_parts(&mut self, front: &El, notes: &mut usize) -> Vec<FrontPart> {
        let mut parts: Vec<FrontPart> = Vec::new();
        // The part that loose elements go to, when the last one pushed is still open.
        let mut open: Option<FrontKind> = None;
        // Pages begun between divisions, for the next one's first paragraph.
        let mut pages = Vec::new();
        for c in front.children() {
            let name = c.name.as_str();
            let before = parts.len();
            match name {
                _ if read_elsewhere(c) => continue,
                "note" if self.endnotes.is_apart(c) => continue,
                "pb" => {
                    self.inline_el(c, &mut pages, notes);
                    continue;
                }
                "titlePage" => {
                    let blocks = self.title_page(c, notes);
                    parts.push(FrontPart { kind: FrontKind::TitlePage, name: None, blocks });
                    open = None;
                }
                "div" | "div1" => {
                    let (kind, name) = kind_of(c.attr("type"));
                    let mut blocks = Vec::new();
                    if kind == FrontKind::TitlePage
                        && !c.children().any(|k| k.name == "p" || k.name == "head")
                    {
                        blocks = self.title_page(c, notes);
                    } else {
                        self.blocks(c, 1, &mut blocks, notes);
                    }
                    parts.push(FrontPart { kind, name, blocks });
                    open = None;
                }
                _ if name == "lb" || SILENT.contains(&name) => {}
                _ => {
                    let kind =
                        if TITLE_PAGE.contains(&name) { FrontKind::TitlePage } else { FrontKind::Other };
                    let mut blocks = Vec::new();
                    self.title_page_element(c, notes, &mut blocks);
                    if blocks.is_empty() {
                        continue;
                    }
                    open_with_pages(&mut pages, &mut blocks);
                    match parts.last_mut() {
                        Some(p) if open == Some(kind) => p.blocks.extend(blocks),
                        _ => {
                            parts.push(FrontPart { kind, name: None, blocks });
                            open = Some(kind);
                        }
                    }
                }
            }
            if let Some(p) = parts.get_mut(before) {
                open_with_pages(&mut pages, &mut p.blocks);
            }
        }
        if let Some(p) = parts.last_mut() {
            close_with_pages(&mut pages, &mut p.blocks);
        }
        if !pages.is_empty() {
            parts.push(FrontPart {
                kind: FrontKind::Other,
                name: None,
                blocks: vec![Block::paragraph(pages)],
            });
        }
        parts.retain(|p| !p.blocks.is_empty() || p.kind != FrontKind::Other || p.name.is_some());
        parts
    }

    /// A `<titlePage>`: one paragraph per printed element, a page begun between them at the
    /// start of the next.
    fn title_page(&mut self, el: &El, notes: &mut usize) -> Vec<Block> {
        let mut out = Vec::new();
        let mut pages = Vec::new();
        self.title_page_children(el, notes, &mut out, &mut pages);
        close_with_pages(&mut pages, &mut out);
        out
    }

    /// The children of a title page (or of its `docTitle`) into `out`.
    fn title_page_children(
        &mut self,
        el: &El,
        notes: &mut usize,
        out: &mut Vec<Block>,
        pages: &mut Vec<Inline>,
    ) {
        for c in el.children() {
            let before = out.len();
            match c.name.as_str() {
                "pb" => self.inline_el(c, pages, notes),
                "docTitle" if c.child("titlePart").is_some() => {
                    self.title_page_children(c, notes, out, pages)
                }
                _ => self.title_page_element(c, notes, out),
            }
            open_with_pages(pages, &mut out[before..]);
        }
    }

    /// One element of a title page (or standing loose in `<front>`) into `out`.
    fn title_page_element(&mut self, c: &El, notes: &mut usize, out: &mut Vec<Block>) {
        let name = c.name.as_str();
        match name {
            "docTitle" if c.child("titlePart").is_some() => {
                let mut pages = Vec::new();
                self.title_page_children(c, notes, out, &mut pages);
                close_with_pages(&mut pages, out);
            }
            _ if TITLE_PAGE.contains(&name) => {
                let content = trim_inlines(self.inlines(c, notes));
                if !content.is_empty() {
                    out.push(Block::Paragraph { content, lang: c.lang() });
                }
            }
            // An argument, a motto, a paragraph: the blocks they hold.
            "argument" => out.extend(self.flow(c, c.lang(), notes)),
            "head" => {
                let content = trim_inlines(self.inlines(c, notes));
                if !content.is_empty() {
                    out.push(Block::Heading { level: 1, content });
                }
            }
            _ if name == "lb" || SILENT.contains(&name) => {}
            _ => self.block_level(c, notes, out),
        }
    }

    /// A text embedded in this one (`<floatingText>`, or `<text>` in a `<group>`): its front,
    /// body, back and groups in order, each division's `<head>` a heading.
    pub(super) fn embedded(&mut self, el: &El, notes: &mut usize) -> Block {
        let mut blocks = Vec::new();
        for c in el.children() {
            match c.name.as_str() {
                "front" => {
                    for p in self.front_parts(c, notes) {
                        blocks.extend(p.blocks);
                    }
                }
                "body" => self.blocks(c, 0, &mut blocks, notes),
                "group" => self.group(c, notes, &mut blocks),
                "back" => {
                    for d in c.children() {
                        if endnotes::is_gathering(d) {
                            self.skip_gathering(d);
                        } else {
                            self.blocks_of(d, notes, &mut blocks);
                        }
                    }
                }
                name if name == "lb" || SILENT.contains(&name) => {}
                _ => self.block_level(c, notes, &mut blocks),
            }
        }
        let kind = c_kind(el);
        Block::EmbeddedText { kind, lang: el.lang(), blocks }
    }

    /// A `<group>` of texts: its heading, then each `<text>` as an embedded text (a nested
    /// group's texts in order after its own heading).
    pub(super) fn group(&mut self, el: &El, notes: &mut usize, out: &mut Vec<Block>) {
        for c in el.children() {
            match c.name.as_str() {
                "text" | "floatingText" => {
                    let b = self.embedded(c, notes);
                    out.push(b);
                }
                "group" => self.group(c, notes, out),
                "head" => {
                    let content = trim_inlines(self.inlines(c, notes));
                    if !content.is_empty() {
                        out.push(Block::Heading { level: 1, content });
                    }
                }
                name if name == "lb" || SILENT.contains(&name) => {}
                _ => self.block_level(c, notes, out),
            }
        }
    }

    /// A division of a `<back>` (or any element holding blocks) as blocks.
    fn blocks_of(&mut self, d: &El, notes: &mut usize, out: &mut Vec<Block>) {
        if d.name.starts_with("div") {
            self.blocks(d, 1, out, notes);
        } else {
            self.block_level(d, notes, out);
        }
    }
}

/// The kind an embedded text names (`@type`, else `@subtype`).
fn c_kind(el: &El) -> Option<String> {
    el.attr("type")
        .or_else(|| el.attr("subtype"))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{plain_text, Inline};
    use std::path::Path;

    fn read(xml: &str) -> (crate::model::Document, Vec<crate::diag::Diagnostic>) {
        super::super::read(Path::new("t.xml"), xml).expect("the test's TEI reads")
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(|b| plain_text(b.content())).collect()
    }

    #[test]
    fn kinds_from_types() {
        assert_eq!(kind_of(Some("foreword")), (FrontKind::Preface, None));
        assert_eq!(kind_of(Some("acknowledgments")), (FrontKind::Acknowledgements, None));
        assert_eq!(kind_of(Some("corrigenda")), (FrontKind::Errata, None));
        assert_eq!(kind_of(Some("titlePage")), (FrontKind::TitlePage, None));
        assert_eq!(kind_of(Some("motto")), (FrontKind::Other, Some("motto".into())));
        assert_eq!(kind_of(None), (FrontKind::Other, None));
    }

    #[test]
    fn front_in_full_and_abstracts_once() {
        let xml = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front>
  <titlePage><docTitle><titlePart type="main">Letters</titlePart><titlePart type="sub">from Kazan</titlePart></docTitle>
    <byline>edited by <docAuthor>A. N. Other</docAuthor></byline>
    <docImprint>Kazan<lb/>University Press</docImprint><docDate>1901</docDate></titlePage>
  <div type="dedication"><p>To my mother</p></div>
  <div type="abstract"><p>An abstract.</p></div>
  <div type="foreword"><head>Foreword</head><p>Why.</p></div>
  <div type="corrigenda"><list><item>p. 3 for x read y</item></list></div>
  <div type="motto"><p>Festina lente</p></div>
</front><body><p>Body.</p></body></text></TEI>"#;
        let (doc, _) = read(xml);
        let kinds: Vec<FrontKind> = doc.front.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                FrontKind::TitlePage,
                FrontKind::Dedication,
                FrontKind::Preface,
                FrontKind::Errata,
                FrontKind::Other
            ]
        );
        assert_eq!(
            texts(&doc.front[0].blocks),
            ["Letters", "from Kazan", "edited by A. N. Other", "Kazan University Press", "1901"]
        );
        let Block::Paragraph { content, .. } = &doc.front[0].blocks[3] else { panic!() };
        assert!(content.contains(&Inline::LineBreak));
        assert!(matches!(doc.front[2].blocks[0], Block::Heading { level: 1, .. }));
        assert!(matches!(doc.front[3].blocks[0], Block::List { .. }));
        assert_eq!(doc.front[4].name.as_deref(), Some("motto"));
        assert_eq!(doc.meta.abstracts.len(), 1);
        assert!(doc.front.iter().all(|p| !texts(&p.blocks).contains(&"An abstract.".to_string())));
    }

    #[test]
    fn what_the_front_cannot_hold_is_reported_with_its_position() {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><front>\n<titlePage>\n  <stage>Approved</stage><figure><figDesc>A vignette</figDesc></figure></titlePage>\n</front><body><p>B</p></body></text></TEI>";
        let (doc, diags) = read(xml);
        let d = diags.iter().find(|d| d.message.contains("<stage>")).expect("stage reported");
        assert_eq!((d.line, d.col), (3, 3));
        assert_eq!(texts(&doc.front[0].blocks)[0], "Approved");
        // A figure is one there too, its description kept.
        assert!(
            matches!(&doc.front[0].blocks[1], Block::Figure(f) if f.alt.as_deref() == Some("A vignette")),
            "{:?}",
            doc.front[0].blocks
        );
    }

    #[test]
    fn floating_text_in_a_paragraph_splits_it_in_place() {
        let (body, _) = super::super::read_body(
            r#"<div><head>Ch.</head><p>Before the letter <floatingText type="letter" xml:lang="de"><body><div><head>Brief</head><p>Lieber Freund</p></div></body></floatingText> and after.</p></div>"#,
        );
        assert_eq!(body.len(), 4, "{body:?}");
        assert_eq!(plain_text(body[1].content()), "Before the letter");
        let Block::EmbeddedText { kind, lang, blocks } = &body[2] else { panic!("{:?}", body[2]) };
        assert_eq!(kind.as_deref(), Some("letter"));
        assert_eq!(lang.as_ref().map(|l| l.as_str()), Some("de"));
        assert!(matches!(&blocks[0], Block::Heading { level: 1, .. }));
        assert_eq!(texts(blocks), ["Brief", "Lieber Freund"]);
        assert_eq!(plain_text(body[3].content()), "and after.");
    }

    #[test]
    fn texts_in_a_group_are_embedded_texts() {
        let xml = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><titlePage><docTitle><titlePart>Collected</titlePart></docTitle></titlePage></front>
<group><head>The letters</head>
  <text type="letter" n="1"><front><docTitle><titlePart>Letter 1</titlePart></docTitle></front><body><opener>Dear Sir,</opener><p>One.</p></body></text>
  <group><text type="decree"><body><div><head>Decree</head><p>Two.</p></div></body><back><div><p>Signed.</p></div></back></text></group>
</group></text></TEI>"#;
        let (doc, _) = read(xml);
        assert_eq!(doc.front.len(), 1);
        assert_eq!(doc.body.len(), 3, "{:?}", doc.body);
        assert!(matches!(&doc.body[0], Block::Heading { .. }));
        let Block::EmbeddedText { kind, blocks, .. } = &doc.body[1] else { panic!() };
        assert_eq!(kind.as_deref(), Some("letter"));
        assert_eq!(texts(blocks), ["Letter 1", "Dear Sir,", "One."]);
        let Block::EmbeddedText { kind, blocks, .. } = &doc.body[2] else { panic!() };
        assert_eq!(kind.as_deref(), Some("decree"));
        assert_eq!(texts(blocks), ["Decree", "Two.", "Signed."]);
    }

    #[test]
    fn floating_text_in_a_note_and_a_quote() {
        let (body, _) = super::super::read_body(
            r#"<p>Text<note n="1">See <floatingText type="report"><body><p>Report.</p></body></floatingText></note>.</p><quote><floatingText><body><p>Q.</p></body></floatingText></quote>"#,
        );
        let notes: Vec<_> = body
            .iter()
            .flat_map(|b| {
                let mut v = Vec::new();
                b.collect_notes(&mut v);
                v.into_iter().cloned().collect::<Vec<_>>()
            })
            .collect();
        assert!(matches!(notes[0].content[1], Block::EmbeddedText { .. }), "{:?}", notes[0].content);
        let Block::Quote { blocks, .. } = &body[1] else { panic!("{body:?}") };
        assert!(matches!(blocks[0], Block::EmbeddedText { .. }));
    }
}
