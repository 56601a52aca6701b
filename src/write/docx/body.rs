//! `word/document.xml`'s body: metadata paragraphs, front matter, the body's blocks and the
//! bibliography, in printed order.
//!
//! Every paragraph carries its style (Word's built-in ids); indentation stands for the
//! nesting the model has and WordprocessingML has not (a quotation in a list item, an
//! embedded letter). A list item's first paragraph is numbered (`w:numPr`); its further
//! paragraphs are indented to the item's text.

use super::inline::{self, Rpr};
use super::notes::{self, Lead};
use super::xml::Xml;
use super::Ctx;
use crate::model::{Block, Document, Inline, LangTag};

/// Where blocks are being written: the paragraph style they take (a note's text, a
/// quotation), extra indentation in twips, the language, and the list depth.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The paragraph style; `None` for Word's Normal.
    pub style: Option<&'static str>,
    /// Left indentation beyond the style's, in twips.
    pub indent: u32,
    /// The language of the text, when known.
    pub lang: Option<LangTag>,
    /// How many lists deep.
    pub depth: u32,
    /// The alignment of every paragraph (a table cell's or column's), `None` for the style's.
    pub jc: Option<&'static str>,
    /// The width the blocks may take, in twips; 0 for the whole text width.
    pub measure: u32,
}

impl Scope {
    /// Whether the blocks stand in a table cell (the only place with a measure of its own).
    pub fn in_cell(&self) -> bool {
        self.measure != 0
    }

    /// The width blocks may take here, in twips: the measure less the indentation.
    pub fn width(&self) -> u32 {
        let m = if self.measure == 0 { super::drawing::TEXT_WIDTH } else { self.measure };
        m.saturating_sub(self.indent).max(720)
    }
}

/// A twentieth of a point: one level of indentation is half an inch.
const STEP: u32 = 720;

/// Paragraph properties beyond the scope's.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extra {
    /// The alignment, over the scope's.
    pub jc: Option<&'static str>,
    /// Kept on the page with the next paragraph.
    pub keep_next: bool,
    /// The style, over the scope's.
    pub style: Option<&'static str>,
}

/// Opens `w:p` with its properties; the pending list number and note mark are taken here.
pub fn open_para(ctx: &mut Ctx, x: &mut Xml, scope: &Scope, extra: Extra) -> Option<Lead> {
    x.open("w:p", &[]);
    let num = ctx.pending_num.take();
    let style = extra.style.or(scope.style);
    let rtl = scope.lang.as_ref().is_some_and(|l| super::lang::word_lang(l).rtl());
    let indent = (num.is_none() && scope.indent > 0).then_some(scope.indent);
    let jc = extra.jc.or(scope.jc);
    if style.is_some() || num.is_some() || rtl || indent.is_some() || jc.is_some() || extra.keep_next {
        x.open("w:pPr", &[]);
        if let Some(s) = style {
            x.empty("w:pStyle", &[("w:val", s)]);
        }
        if extra.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if let Some((id, lvl)) = num {
            x.open("w:numPr", &[]);
            x.empty("w:ilvl", &[("w:val", &lvl.to_string())]);
            x.empty("w:numId", &[("w:val", &id.to_string())]);
            x.close();
        }
        if rtl {
            x.empty("w:bidi", &[]);
        }
        if let Some(i) = indent {
            x.empty("w:ind", &[("w:left", &i.to_string())]);
        }
        if let Some(jc) = jc {
            x.empty("w:jc", &[("w:val", jc)]);
        }
        x.close();
    }
    ctx.lead.take()
}

/// Writes a paragraph of `content` in `scope` (a note's mark first when one is pending).
pub fn paragraph(ctx: &mut Ctx, x: &mut Xml, scope: &Scope, content: &[Inline], rp: &Rpr) {
    para_with(ctx, x, scope, Extra::default(), content, rp);
}

/// Writes a paragraph of `content` in `scope` with properties beyond the scope's.
pub fn para_with(ctx: &mut Ctx, x: &mut Xml, scope: &Scope, extra: Extra, content: &[Inline], rp: &Rpr) {
    if let Some(lead) = open_para(ctx, x, scope, extra) {
        notes::write_lead(x, &lead, rp);
    }
    inline::inlines(ctx, x, content, rp);
    x.close();
}

/// Writes `blocks` in `scope`.
pub fn blocks(ctx: &mut Ctx, x: &mut Xml, blocks: &[Block], scope: &Scope) {
    for b in blocks {
        block(ctx, x, b, scope);
    }
}

fn in_lang(scope: &Scope, lang: &Option<LangTag>) -> Scope {
    Scope { lang: lang.clone().or_else(|| scope.lang.clone()), ..scope.clone() }
}

/// Writes one block in `scope`.
pub fn block(ctx: &mut Ctx, x: &mut Xml, b: &Block, scope: &Scope) {
    match b {
        Block::Table(t) => super::table::table(ctx, x, t, scope),
        Block::Figure(f) => super::figure::figure(ctx, x, f, scope),
        Block::Heading { level, content } => {
            let l = (*level).clamp(1, 6);
            if l != *level {
                ctx.tally.heading_levels += 1;
            }
            let style =
                ["Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6"][usize::from(l - 1)];
            // In a note, a heading keeps the note's size: bold text, not an outline entry.
            let in_note = ctx.part != super::Part::Document;
            let extra = Extra { style: (!in_note).then_some(style), keep_next: in_note, ..Extra::default() };
            let rp = Rpr { bold: in_note, ..Rpr::lang(scope.lang.clone()) };
            para_with(ctx, x, scope, extra, content, &rp);
        }
        Block::Paragraph { content, lang } => {
            let s = in_lang(scope, lang);
            paragraph(ctx, x, &s, content, &Rpr::lang(s.lang.clone()));
        }
        Block::Quote { blocks: inner, source, lang, epigraph } => {
            ctx.tally.epigraphs += usize::from(*epigraph);
            let mut s = in_lang(scope, lang);
            match s.style {
                None | Some("ListParagraph") => s.style = Some("Quote"),
                Some(_) => s.indent += STEP,
            }
            blocks(ctx, x, inner, &s);
            if let Some(source) = source {
                let mut content = vec![Inline::text("— ")];
                content.extend(source.iter().cloned());
                let extra = Extra { jc: Some("right"), ..Extra::default() };
                para_with(ctx, x, &s, extra, &content, &Rpr::lang(s.lang.clone()));
            }
        }
        Block::List { numbering, items } => list(ctx, x, *numbering, items, scope),
        Block::DefinitionList { items } => {
            for d in items {
                let extra = Extra { keep_next: true, ..Extra::default() };
                let rp = Rpr { bold: true, ..Rpr::lang(scope.lang.clone()) };
                para_with(ctx, x, scope, extra, &d.term, &rp);
                let s = Scope { indent: scope.indent + STEP, ..scope.clone() };
                for def in &d.details {
                    blocks(ctx, x, def, &s);
                }
            }
        }
        Block::CodeBlock { text, syntax } => {
            ctx.tally.code_syntax += usize::from(syntax.is_some());
            let extra = Extra { style: Some("SourceCode"), ..Extra::default() };
            let lead = open_para(ctx, x, scope, extra);
            if let Some(lead) = lead {
                notes::write_lead(x, &lead, &Rpr::lang(scope.lang.clone()));
            }
            // Code is no language's text: no w:lang, so Word does not spell-check it.
            inline::text_run(x, &Rpr::default(), text);
            x.close();
        }
        Block::SectionBreak => {
            let extra = Extra { style: Some("SectionBreak"), ..Extra::default() };
            para_with(ctx, x, scope, extra, &[Inline::text("* * *")], &Rpr::lang(scope.lang.clone()));
        }
        // A paragraph per stanza, its lines parted by Word's line breaks (`w:br`).
        Block::LineBlock { lines } => {
            for stanza in lines.split(|l| l.is_empty()).filter(|s| !s.is_empty()) {
                let mut content = Vec::new();
                for (k, line) in stanza.iter().enumerate() {
                    if k > 0 {
                        content.push(Inline::LineBreak);
                    }
                    content.extend(line.iter().cloned());
                }
                para_with(ctx, x, scope, Extra::default(), &content, &Rpr::lang(scope.lang.clone()));
            }
        }
        Block::EmbeddedText { kind, lang, blocks: inner } => {
            ctx.tally.embedded_kinds += usize::from(kind.is_some());
            let s = Scope { indent: scope.indent + STEP, ..in_lang(scope, lang) };
            blocks(ctx, x, inner, &s);
        }
    }
}

/// A list: one numbering definition, each item's first paragraph numbered at the list's
/// depth. An item that does not open with a paragraph gets an empty numbered one, so that
/// its number is still printed.
fn list(
    ctx: &mut Ctx,
    x: &mut Xml,
    numbering: Option<crate::model::Numbering>,
    items: &[Vec<Block>],
    scope: &Scope,
) {
    let id = ctx.lists.add(numbering);
    let lvl = scope.depth.min(super::numbering::LEVELS - 1);
    let style = match scope.style {
        None | Some("Quote") => Some("ListParagraph"),
        other => other,
    };
    let inner = Scope {
        style,
        indent: scope.indent.max(STEP * (lvl + 1)),
        lang: scope.lang.clone(),
        depth: scope.depth + 1,
        ..scope.clone()
    };
    for item in items {
        ctx.pending_num = Some((id, lvl));
        let opens_with_text = matches!(
            item.first(),
            Some(
                Block::Paragraph { .. }
                    | Block::Heading { .. }
                    | Block::Quote { .. }
                    | Block::CodeBlock { .. }
                    | Block::SectionBreak
                    | Block::LineBlock { .. }
                    | Block::DefinitionList { .. }
                    | Block::EmbeddedText { .. }
            )
        );
        if !opens_with_text {
            paragraph(ctx, x, &inner, &[], &Rpr::lang(inner.lang.clone()));
        }
        blocks(ctx, x, item, &inner);
        ctx.pending_num = None;
    }
}

/// Writes the whole body of `document.xml`: titles, authors, abstracts, keywords, front
/// matter, body and bibliography.
pub fn document(ctx: &mut Ctx, x: &mut Xml, doc: &Document) {
    let m = &doc.meta;
    let lang = m.lang.clone();
    let top = Scope { lang: lang.clone(), ..Scope::default() };
    for (i, t) in m.titles.iter().enumerate() {
        let s = in_lang(&top, &t.lang);
        let style = if i == 0 { "Title" } else { "Subtitle" };
        let extra = Extra { style: Some(style), ..Extra::default() };
        para_with(ctx, x, &s, extra, &[Inline::text(t.text.clone())], &Rpr::lang(s.lang.clone()));
    }
    for a in &m.authors {
        let mut content = Vec::new();
        let parts = [&a.name, &a.affiliation, &a.email, &a.orcid, &a.note];
        for p in parts.into_iter().flatten() {
            if !content.is_empty() {
                content.push(Inline::LineBreak);
            }
            content.push(Inline::text(p.clone()));
        }
        let extra = Extra { style: Some("Author"), ..Extra::default() };
        para_with(ctx, x, &top, extra, &content, &Rpr::lang(lang.clone()));
    }
    for a in &m.abstracts {
        let s = Scope { style: Some("Abstract"), ..in_lang(&top, &a.lang) };
        if let Some(h) = &a.heading {
            let extra = Extra { style: Some("AbstractTitle"), ..Extra::default() };
            para_with(ctx, x, &s, extra, &[Inline::text(h.clone())], &Rpr::lang(s.lang.clone()));
        }
        blocks(ctx, x, &a.content, &s);
    }
    for k in &m.keywords {
        let s = Scope { style: Some("Keywords"), ..in_lang(&top, &k.lang) };
        let sep = if k.terms.iter().any(|t| t.contains(',')) { "; " } else { ", " };
        let mut content = Vec::new();
        if let Some(h) = &k.heading {
            content.push(Inline::Strong { content: vec![Inline::text(h.clone())] });
            content.push(Inline::text(": "));
        }
        content.push(Inline::text(k.terms.join(sep)));
        paragraph(ctx, x, &s, &content, &Rpr::lang(s.lang.clone()));
    }
    for part in &doc.front {
        ctx.tally.front_parts += 1;
        blocks(ctx, x, &part.blocks, &top);
    }
    blocks(ctx, x, &doc.body, &top);
    if let Some(bib) = &doc.back.bibliography {
        let extra = Extra { style: Some("Heading1"), ..Extra::default() };
        para_with(ctx, x, &top, extra, &[Inline::text(bib.heading.clone())], &Rpr::lang(lang.clone()));
        for group in bib.groups() {
            if let Some(h) = group.heading {
                let extra = Extra { style: Some("Heading2"), ..Extra::default() };
                para_with(ctx, x, &top, extra, &[Inline::text(h)], &Rpr::lang(lang.clone()));
            }
            for e in group.entries {
                let s = Scope { style: Some("Bibliography"), ..in_lang(&top, &e.lang) };
                let rp = Rpr::lang(s.lang.clone());
                if let Some(lead) = open_para(ctx, x, &s, Extra::default()) {
                    notes::write_lead(x, &lead, &rp);
                }
                if let Some(label) = &e.label {
                    let lp = Rpr { style: Some("BibliographyLabel"), ..rp.clone() };
                    inline::text_run(x, &lp, label);
                    inline::text_run(x, &rp, "\t");
                }
                inline::inlines(ctx, x, &e.content, &rp);
                x.close();
            }
        }
    }
}

/// The inline runs of the document in the order [`document`] writes them, for deciding how
/// notes are labelled before the first is written.
pub fn inline_order(doc: &Document) -> Vec<&[Inline]> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a [Inline]>) {
        for b in blocks {
            match b {
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => out.push(content),
                Block::Quote { blocks, source, .. } => {
                    walk(blocks, out);
                    if let Some(s) = source {
                        out.push(s);
                    }
                }
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::DefinitionList { items } => {
                    for d in items {
                        out.push(&d.term);
                        d.details.iter().for_each(|def| walk(def, out));
                    }
                }
                Block::EmbeddedText { blocks, .. } => walk(blocks, out),
                Block::Table(t) => {
                    out.push(&t.caption);
                    t.rows().flat_map(|r| &r.cells).for_each(|c| walk(&c.blocks, out));
                    if let Some(s) = &t.source {
                        out.push(s);
                    }
                }
                Block::Figure(f) => {
                    out.push(&f.caption);
                    if let Some(s) = &f.source {
                        out.push(s);
                    }
                }
                Block::LineBlock { lines } => lines.iter().for_each(|l| out.push(l)),
                Block::CodeBlock { .. } | Block::SectionBreak => {}
            }
        }
    }
    let mut out = Vec::new();
    for a in &doc.meta.abstracts {
        walk(&a.content, &mut out);
    }
    for p in &doc.front {
        walk(&p.blocks, &mut out);
    }
    walk(&doc.body, &mut out);
    if let Some(bib) = &doc.back.bibliography {
        for g in bib.groups() {
            out.extend(g.entries.iter().map(|e| e.content.as_slice()));
        }
    }
    out
}
