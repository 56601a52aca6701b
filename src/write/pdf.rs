//! The print PDF: the pages `typeset` laid out, drawn with krilla (the PDF library under
//! Typst), which shapes, subsets and embeds the fonts, writes `/Lang` and the metadata
//! (Info and XMP), and validates PDF/A-2a and PDF/UA-1 when it exports. The structure tree
//! (headings, paragraphs, quotations and lists (see `nest`), each note after its call, links
//! both ways, the references as a list; running heads and folios as artifacts) is built here from the roles `typeset` gave
//! each piece. Layout decisions are never made here.
//!
//! Why krilla and not printpdf (issue 6, measured): printpdf writes a PDF/A flag without
//! producing PDF/A, has no document language, outline nesting, tagging or shaping, and
//! subsets fonts only through a feature whose cold build took 15 minutes.

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::fonts::FontSet;
use crate::model::MediaKind;
use crate::model::{plain_text, Block, Document, Inline, NoteKind};
use crate::typeset::layout::{layout, BlockKind, Glyphs, LaidPage, Layout, Mark, PageStyle, Role, Shown};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document as PdfDocument, SerializeSettings};
use std::num::NonZeroU16;

mod nest;

/// What the PDF writer needs beyond the document.
#[derive(Debug, Clone)]
pub struct Options {
    /// The fonts.
    pub fonts: FontSet,
    /// The page style.
    pub page: PageStyle,
    /// The date of `SOURCE_DATE_EPOCH` (`YYYY-MM-DD`), if set.
    pub when: Option<String>,
}

fn date(s: &str) -> Option<DateTime> {
    let parts: Vec<&str> = s.split(['-', 'T']).collect();
    let year: u16 = parts.first()?.parse().ok()?;
    let mut d = DateTime::new(year);
    if let Some(m) = parts.get(1).and_then(|m| m.parse().ok()) {
        d = d.month(m);
    }
    if let Some(day) = parts.get(2).and_then(|x| x.parse().ok()) {
        d = d.day(day);
    }
    Some(d)
}

/// Bookmarks nested by level: the title at the top, abstracts, sections and references under
/// it, subsections under their sections.
fn outline(entries: &[crate::typeset::layout::OutlineEntry], style: &PageStyle) -> Outline {
    fn node(e: &crate::typeset::layout::OutlineEntry, style: &PageStyle) -> OutlineNode {
        let dest = XyzDestination::new(e.to.page, Point::from_xy(style.margins[2].0 as f32, e.to.y.0 as f32));
        OutlineNode::new(e.title.clone(), dest)
    }
    // Build bottom-up: each entry takes the following deeper entries as children.
    fn take(
        entries: &[crate::typeset::layout::OutlineEntry],
        i: &mut usize,
        level: u8,
        style: &PageStyle,
    ) -> Vec<OutlineNode> {
        let mut out = Vec::new();
        while *i < entries.len() && entries[*i].level >= level {
            let e = &entries[*i];
            *i += 1;
            let mut n = node(e, style);
            // A heading of the deepest level (255, from JSON) has no level below it.
            let children = e.level.checked_add(1).map_or_else(Vec::new, |l| take(entries, i, l, style));
            for c in children {
                n.push_child(c);
            }
            out.push(n);
        }
        out
    }
    let mut o = Outline::new();
    let mut i = 0;
    for n in take(entries, &mut i, 0, style) {
        o.push_child(n);
    }
    o
}

/// Draws pieces of text that share a face, a size and a baseline as one glyph run, with
/// the glyphs `typeset` shaped: each piece's last advance is stretched to where the next
/// piece starts (justified spaces), so a line costs one text object, not one per word.
/// ToUnicode maps each glyph back to its text, in which each character PDF/A forbids there
/// is U+FFFD (see [`unmappable`]); those characters are added to `unmapped`.
fn draw(
    s: &mut krilla::surface::Surface,
    faces: &[Option<Font>],
    run: &[Glyphs],
    unmapped: &mut std::collections::BTreeSet<char>,
) {
    let Some(Some(font)) = faces.get(run[0].face) else { return };
    let size = run[0].size as f32;
    let mut text = String::new();
    let mut glyphs: Vec<KrillaGlyph> = Vec::new();
    for (k, g) in run.iter().enumerate() {
        let at = text.len();
        let offsets = push_mappable(&mut text, &g.text, unmapped);
        let pos = |i: usize| at + offsets.as_ref().map_or(i, |o| o.get(i).copied().unwrap_or(i));
        let first = glyphs.len();
        if g.rtl {
            glyphs.extend(logical(g, &pos));
            continue;
        }
        glyphs.extend(g.all().map(|x| {
            let range = pos(x.range.start)..pos(x.range.end);
            KrillaGlyph::new(GlyphId::new(x.id), x.advance, x.x_offset, x.y_offset, 0.0, range, None)
        }));
        if let (Some(next), Some(last)) =
            (run.get(k + 1), glyphs.len().checked_sub(1).filter(|&l| l >= first))
        {
            let natural: f32 = g.all().map(|x| x.advance).sum();
            glyphs[last].x_advance += (next.x - g.x).0 as f32 / size - natural;
        }
    }
    // PDF/A limits a string to 32,767 bytes: a text object holds at most `CHUNK` glyphs (two
    // bytes each), so an unbreakable run of any length (a 100,000-letter word) still prints.
    const CHUNK: usize = 4096;
    let mut x = run[0].x.0 as f32;
    for chunk in glyphs.chunks(CHUNK) {
        s.draw_glyphs(Point::from_xy(x, run[0].baseline.0 as f32), chunk, font.clone(), &text, size, false);
        x += chunk.iter().map(|g| g.x_advance).sum::<f32>() * size;
    }
}

/// What went wrong in krilla's words made for a person: the rule broken, never Rust debug
/// text (fonts and glyph ids print as whole structures).
fn describe(e: &krilla::error::KrillaError) -> String {
    use krilla::configure::ValidationError as V;
    use krilla::error::KrillaError as K;
    // The variant's name alone (`MissingAltText`), for the rare errors said no better.
    let name = |d: String| d.split(['(', ' ', '{']).next().unwrap_or_default().to_string();
    match e {
        K::Font(_, why) => format!("a font could not be embedded: {why}"),
        K::Validation(errors) => {
            let mut said: Vec<String> = errors
                .iter()
                .map(|(v, _)| match v {
                    V::ContainsNotDefGlyph(_, _, text) => format!("no glyph for the text \"{text}\""),
                    V::NoCodepointMapping(..) => "a glyph stands for no text".to_string(),
                    V::InvalidCodepointMapping(_, _, c, _) | V::UnicodePrivateArea(_, _, c, _) => {
                        format!("a glyph stands for U+{:04X}, which PDF/A forbids as text", *c as u32)
                    }
                    V::TooLongString => "a string is longer than PDF/A allows".to_string(),
                    other => format!("it breaks the PDF/A or PDF/UA rule {}", name(format!("{other:?}"))),
                })
                .collect();
            said.dedup();
            format!("{} (PDF/A-2 and PDF/UA-1 validation)", said.join("; "))
        }
        other => format!("{} (an internal error of the PDF library)", name(format!("{other:?}"))),
    }
}

/// Whether PDF/A forbids `c` in the text a glyph maps to: U+0000, U+FEFF and U+FFFE
/// (ISO 19005-2 §6.2.11.7.2), and the private use areas, which PDF/A-2a allows only with an
/// `/ActualText` (and krilla, which writes the PDF, refuses outright).
pub fn unmappable(c: char) -> bool {
    matches!(c as u32, 0x0 | 0xFEFF | 0xFFFE | 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// Appends `piece` to `text`, each [`unmappable`] character as U+FFFD (and added to
/// `unmapped`). Returns `None` when nothing was replaced, else for each byte offset of
/// `piece` (its length included) the offset in what was appended.
fn push_mappable(
    text: &mut String,
    piece: &str,
    unmapped: &mut std::collections::BTreeSet<char>,
) -> Option<Vec<usize>> {
    if !piece.chars().any(unmappable) {
        text.push_str(piece);
        return None;
    }
    let start = text.len();
    let mut offsets = Vec::with_capacity(piece.len() + 1);
    for c in piece.chars() {
        let here = text.len() - start;
        offsets.extend(std::iter::repeat_n(here, c.len_utf8()));
        if unmappable(c) {
            unmapped.insert(c);
            text.push('\u{FFFD}');
        } else {
            text.push(c);
        }
    }
    offsets.push(text.len() - start);
    Some(offsets)
}

/// The glyphs of a right-to-left piece (shaped in visual order) in logical order, each put in
/// its place by its offset from the piece's left edge, with no advance: the content stream
/// then holds the text in reading order, as text extraction, the tag tree and screen
/// readers take it, with no `/ReversedChars` (which poppler reads backwards, and after which
/// it loses the rest of the marked content). A piece with right-to-left glyphs is drawn alone.
/// `pos` turns a byte offset of the piece's text into one of the run's.
fn logical(g: &Glyphs, pos: &dyn Fn(usize) -> usize) -> Vec<KrillaGlyph> {
    let mut pen = 0.0f32;
    let mut out: Vec<KrillaGlyph> = g
        .all()
        .map(|x| {
            let range = pos(x.range.start)..pos(x.range.end);
            let glyph =
                KrillaGlyph::new(GlyphId::new(x.id), 0.0, pen + x.x_offset, x.y_offset, 0.0, range, None);
            pen += x.advance;
            glyph
        })
        .collect();
    out.reverse();
    out
}

/// The tag tree, gathered while the pages are drawn: the marked content of each block and
/// note label, and the link annotation of each call and label.
struct Tags {
    /// Per block: its content in drawing order, each with the note it calls, if any.
    blocks: Vec<Vec<(Identifier, Option<usize>)>>,
    /// Per note: the content of its printed label.
    labels: Vec<Vec<Identifier>>,
    /// Per block: the content of each list item marker it opens with, outermost first.
    markers: Vec<Vec<Vec<Identifier>>>,
    /// Per note: the annotation of its call (to the note) and of its label (back to the call).
    to_note: Vec<Option<Identifier>>,
    to_call: Vec<Option<Identifier>>,
    /// Per note: its blocks.
    note_blocks: Vec<Vec<usize>>,
    /// Per note: whether its group is in the tree.
    placed: Vec<bool>,
    /// Per note: whether it is an endnote (its group stands in the notes section, not after
    /// its call).
    end: Vec<bool>,
    /// Per block: the annotations of the cross-references in it.
    xrefs: Vec<Vec<Identifier>>,
    /// Per block: the images in its lines, each where its stand-in stood among the block's
    /// content (before the content at that index), with its drawing and description once
    /// drawn; and how many of them have been drawn (or could not be).
    images: Vec<(Vec<LineImageSlot>, usize)>,
}

/// Where an image in a line stands among its block's content (before the content at that
/// index), and its drawing and description once drawn.
type LineImageSlot = (usize, Option<(Identifier, String)>);

impl Tags {
    fn new(laid: &Layout) -> Self {
        let notes = laid.notes.len();
        let mut note_blocks = vec![Vec::new(); notes];
        for (b, block) in laid.blocks.iter().enumerate() {
            if let BlockKind::Note(n) = block.kind {
                note_blocks[n].push(b);
            }
        }
        Tags {
            blocks: vec![Vec::new(); laid.blocks.len()],
            labels: vec![Vec::new(); notes],
            markers: vec![Vec::new(); laid.blocks.len()],
            to_note: vec![None; notes],
            to_call: vec![None; notes],
            note_blocks,
            placed: vec![false; notes],
            end: (0..notes).map(|n| laid.kinds.get(n) == Some(&NoteKind::End)).collect(),
            xrefs: vec![Vec::new(); laid.blocks.len()],
            images: vec![(Vec::new(), 0); laid.blocks.len()],
        }
    }

    /// The stand-in of an image in a line of block `b` was met: its image goes here.
    fn image_slot(&mut self, b: usize) {
        if let (Some(content), Some(images)) = (self.blocks.get(b), self.images.get_mut(b)) {
            images.0.push((content.len(), None));
        }
    }

    /// The next image of block `b` to draw: its slot, if its stand-in was met (an image
    /// drawn again as furniture has none).
    fn next_image(&mut self, b: usize) -> Option<usize> {
        let images = self.images.get_mut(b)?;
        (images.1 < images.0.len()).then(|| {
            images.1 += 1;
            images.1 - 1
        })
    }

    fn content(&mut self, role: Role, id: Identifier) {
        match role {
            // Artifacts stay out of the tree.
            Role::Artifact => {}
            Role::Text(b) => self.blocks[b].push((id, None)),
            Role::Call(b, n) => self.blocks[b].push((id, Some(n))),
            Role::Label(n) => self.labels[n].push(id),
            Role::Image(b) => self.image_slot(b),
            Role::Marker(b, i) => {
                let markers = &mut self.markers[b];
                if markers.len() <= i {
                    markers.resize(i + 1, Vec::new());
                }
                markers[i].push(id)
            }
        }
    }

    /// The markers of block `b`, outermost first: the first call gives the first marker's
    /// content, the next the next one's (a nested list's, when an item opens with one).
    fn markers_of(&mut self, b: usize) -> impl FnMut() -> Vec<Identifier> {
        let mut markers = std::mem::take(&mut self.markers[b]).into_iter();
        move || markers.next().unwrap_or_default()
    }

    fn link(&mut self, link: &crate::typeset::layout::Link, id: Identifier) {
        if let Some(b) = link.xref {
            if let Some(x) = self.xrefs.get_mut(b) {
                x.push(id);
                return;
            }
        }
        let slot = if link.to_note { &mut self.to_note } else { &mut self.to_call };
        slot[link.note] = Some(id);
    }

    /// A link group: the annotation first, then the content it covers (krilla's best
    /// practice); plain content when there is no annotation.
    fn linked(annotation: Option<Identifier>, content: Vec<Identifier>) -> Vec<Node> {
        match annotation {
            Some(a) => {
                let mut g = TagGroup::new(Tag::Link);
                g.push(a);
                for c in content {
                    g.push(c);
                }
                vec![g.into()]
            }
            None => content.into_iter().map(Node::from).collect(),
        }
    }

    /// The note group: its label (linking back to the call), then a paragraph per block.
    fn note(&mut self, n: usize, laid: &Layout) -> TagGroup {
        self.placed[n] = true;
        let mut note = TagGroup::new(Tag::Note);
        let label = std::mem::take(&mut self.labels[n]);
        if !label.is_empty() {
            note.push(TagGroup::with_children(Tag::Lbl, Self::linked(self.to_call[n].take(), label)));
        }
        let mut nesting = nest::Nesting::default();
        let mut nodes = Vec::new();
        for b in self.note_blocks[n].clone() {
            nesting.enter(&laid.blocks[b].nest, &mut nodes, self.markers_of(b));
            let p = self.block(b, laid, Tag::P.into());
            nest::push_block(&mut nesting, &laid.blocks[b], p, &mut nodes);
        }
        nesting.finish(&mut nodes);
        nodes.into_iter().for_each(|node| note.push(node));
        note
    }

    /// A block's group: its content in reading order, each note call as a link followed by
    /// the note itself (where a reader expects it: right after the call).
    fn block(&mut self, b: usize, laid: &Layout, tag: TagKind) -> TagGroup {
        let lang = laid.blocks[b].lang.as_ref().map(|l| l.to_string());
        let mut group = TagGroup::new(tag.with_lang(lang));
        let content = std::mem::take(&mut self.blocks[b]);
        let mut images = std::mem::take(&mut self.images[b].0).into_iter().peekable();
        // The images whose stand-ins stood before content `at`, each a figure of its own.
        let mut figures = |group: &mut TagGroup, at: usize| {
            while let Some((_, image)) = images.next_if(|i| i.0 <= at) {
                if let Some((id, alt)) = image {
                    group.push(TagGroup::with_children(Tag::Figure(Some(alt)), vec![id.into()]));
                }
            }
        };
        let mut at = 0;
        for run in content.chunk_by(|a, b| a.1 == b.1) {
            let ids: Vec<Identifier> = run.iter().map(|c| c.0).collect();
            figures(&mut group, at);
            at += run.len();
            match run[0].1 {
                None => {
                    for (k, id) in ids.into_iter().enumerate() {
                        figures(&mut group, at - run.len() + k);
                        group.push(id);
                    }
                }
                Some(n) => {
                    let annotation = self.to_note[n].take();
                    Self::linked(annotation, ids).into_iter().for_each(|node| group.push(node));
                    if !self.placed[n] && !self.end[n] {
                        let note = self.note(n, laid);
                        if !note.children.is_empty() {
                            group.push(note);
                        }
                    }
                }
            }
        }
        figures(&mut group, usize::MAX);
        // A cross-reference's link annotation, after the text that holds it.
        for id in std::mem::take(&mut self.xrefs[b]) {
            group.push(TagGroup::with_children(Tag::Link, vec![id.into()]));
        }
        group
    }

    /// The whole tree: blocks in reading order, inside their quotations and lists;
    /// bibliography entries as one list.
    fn tree(mut self, laid: &Layout, lang: Option<&crate::model::LangTag>) -> TagTree {
        let mut tree = TagTree::new().with_lang(lang.map(|l| l.to_string()));
        let mut list: Option<TagGroup> = None;
        let mut nesting = nest::Nesting::default();
        let mut nodes: Vec<Node> = Vec::new();
        for (b, block) in laid.blocks.iter().enumerate() {
            let tag: TagKind = match block.kind {
                // An endnote's group stands where the note is printed, in the notes section
                // (its call links to it); a footnote's follows its call.
                BlockKind::Note(n) if self.end[n] && !self.placed[n] => {
                    nesting.enter(&[], &mut nodes, Vec::new);
                    nodes.drain(..).for_each(|node| tree.push(node));
                    if let Some(l) = list.take() {
                        tree.push(l);
                    }
                    let note = self.note(n, laid);
                    if !note.children.is_empty() {
                        tree.push(note);
                    }
                    continue;
                }
                BlockKind::Note(_) => continue,
                BlockKind::Title => Tag::Hn(NonZeroU16::MIN, block.title.clone()).into(),
                BlockKind::Heading(level) => Tag::Hn(
                    NonZeroU16::new(u16::from(level) + 1).unwrap_or(NonZeroU16::MAX),
                    block.title.clone(),
                )
                .into(),
                BlockKind::Entry => Tag::BibEntry.into(),
                BlockKind::Subtitle | BlockKind::Byline | BlockKind::Paragraph | BlockKind::Graphic => {
                    Tag::P.into()
                }
            };
            nesting.enter(&block.nest, &mut nodes, self.markers_of(b));
            nodes.drain(..).for_each(|node| tree.push(node));
            let group = self.block(b, laid, tag);
            if !block.nest.is_empty() {
                nest::push_block(&mut nesting, block, group, &mut nodes);
                continue;
            }
            if block.kind == BlockKind::Entry {
                let item = TagGroup::with_children(
                    Tag::LI,
                    vec![TagGroup::with_children(Tag::LBody, vec![group.into()]).into()],
                );
                list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::None))).push(item);
                continue;
            }
            if let Some(l) = list.take() {
                tree.push(l);
            }
            tree.push(group);
        }
        nesting.finish(&mut nodes);
        nodes.into_iter().for_each(|node| tree.push(node));
        if let Some(l) = list.take() {
            tree.push(l);
        }
        // Anything not reached from a call (a note whose call was not laid out) still
        // belongs to the tree: every identifier must have exactly one parent.
        for n in 0..self.labels.len() {
            if self.placed[n] {
                continue;
            }
            let note = self.note(n, laid);
            if !note.children.is_empty() {
                tree.push(note);
            }
        }
        for ids in self.markers.iter_mut().flatten().filter(|m| !m.is_empty()) {
            let ids: Vec<Node> = std::mem::take(ids).into_iter().map(Node::from).collect();
            tree.push(TagGroup::with_children(Tag::Lbl, ids));
        }
        for b in 0..self.blocks.len() {
            if !self.blocks[b].is_empty() || !self.images[b].0.is_empty() {
                let group = self.block(b, laid, Tag::P.into());
                tree.push(group);
            }
        }
        let xrefs: Vec<Identifier> = self.xrefs.iter_mut().flat_map(std::mem::take).collect();
        for id in xrefs
            .into_iter()
            .chain(self.to_note.iter_mut().chain(self.to_call.iter_mut()).filter_map(Option::take))
        {
            tree.push(TagGroup::with_children(Tag::Link, vec![id.into()]));
        }
        tree
    }
}

/// The images of a document as krilla decodes them, each once (an image shown twice is
/// embedded once), and what could not be decoded.
struct Images<'d> {
    doc: &'d Document,
    decoded: std::collections::HashMap<String, Option<Image>>,
    diags: Vec<Diagnostic>,
}

impl<'d> Images<'d> {
    fn new(doc: &'d Document) -> Self {
        Images { doc, decoded: Default::default(), diags: Vec::new() }
    }

    /// The image of media `key`, `None` (reported once) when krilla cannot decode it.
    fn get(&mut self, key: &str) -> Option<Image> {
        if let Some(i) = self.decoded.get(key) {
            return i.clone();
        }
        let image = self.doc.media.get(key).and_then(|m| {
            let data = krilla::Data::from(m.data.clone());
            let decoded = match m.kind {
                MediaKind::Png => Image::from_png(data, false),
                MediaKind::Jpeg => Image::from_jpeg(data, false),
                MediaKind::Gif => Image::from_gif(data, false),
                MediaKind::Webp => Image::from_webp(data, false),
            };
            match decoded {
                Ok(i) => Some(i),
                Err(e) => {
                    self.diags.push(Diagnostic::warning(
                        "pdf-image-undecodable",
                        0,
                        format!("the image {key} could not be decoded for the PDF ({e}): a framed box stands for it"),
                    ));
                    None
                }
            }
        });
        self.decoded.insert(key.to_string(), image.clone());
        image
    }
}

/// A filled rectangle.
fn fill_rect(s: &mut krilla::surface::Surface, x: f32, y: f32, w: f32, h: f32) {
    let mut pb = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(x, y, w, h) {
        pb.push_rect(r);
    }
    if let Some(path) = pb.finish() {
        s.draw_path(&path);
    }
}

/// Draws a page's table rules (layout artifacts) and images (each the content of its
/// figure's block; a framed box, an artifact, for one that cannot be shown).
fn marks(s: &mut krilla::surface::Surface, page: &LaidPage, images: &mut Images, tags: &mut Tags) {
    for m in &page.marks {
        match m {
            Mark::Rule { x, y, width, thickness } => {
                s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
                fill_rect(s, x.0 as f32, y.0 as f32, width.0 as f32, thickness.0 as f32);
                s.end_tagged();
            }
            Mark::Image { x, y, width, height, media, block, shown } => {
                let (x, y, w, h) = (x.0 as f32, y.0 as f32, width.0 as f32, height.0 as f32);
                let image = media.as_deref().and_then(|k| images.get(k));
                // An image in a line takes the place its stand-in kept in its block.
                let slot = match shown {
                    Shown::InLine(_) => tags.next_image(*block),
                    Shown::Figure | Shown::Artifact => None,
                };
                match (image, krilla::geom::Size::from_wh(w, h)) {
                    (Some(image), Some(size)) => {
                        let tag = match (shown, slot) {
                            (Shown::Figure, _) | (Shown::InLine(_), Some(_)) => ContentTag::Other,
                            _ => ContentTag::Artifact(Artifact::with_kind(ArtifactType::PaginationOther)),
                        };
                        let id = s.start_tagged(tag);
                        s.push_transform(&krilla::geom::Transform::from_translate(x, y));
                        s.draw_image(image, size);
                        s.pop();
                        s.end_tagged();
                        match (shown, slot) {
                            (Shown::Figure, _) => tags.content(Role::Text(*block), id),
                            (Shown::InLine(alt), Some(k)) => {
                                tags.images[*block].0[k].1 = Some((id, alt.clone()))
                            }
                            _ => {}
                        }
                    }
                    _ => {
                        // The frame of a missing image: its name is set inside it as text.
                        s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
                        let t = 0.6;
                        fill_rect(s, x, y, w, t);
                        fill_rect(s, x, y + h - t, w, t);
                        fill_rect(s, x, y, t, h);
                        fill_rect(s, x + w - t, y, t, h);
                        s.end_tagged();
                    }
                }
            }
        }
    }
}

/// How many formulas the text and the notes of `doc` hold.
fn math_count(doc: &Document) -> usize {
    fn inlines(content: &[Inline]) -> usize {
        let own = |i: &Inline| match i {
            Inline::Math { .. } => 1,
            Inline::Note(_) => 0,
            other => inlines(other.children()),
        };
        content.iter().map(own).sum()
    }
    let blocks = doc.front.iter().flat_map(|p| &p.blocks).chain(&doc.body);
    let notes = doc.notes();
    let in_notes = notes.iter().flat_map(|n| &n.content);
    blocks.chain(in_notes).flat_map(Block::leaves).map(|b| inlines(b.content())).sum()
}

/// Writes `doc` as a tagged PDF/A-2a and PDF/UA-1; returns the bytes and what had to be reported.
pub fn write(doc: &Document, opts: &Options) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
    render(doc, &typeset(doc, opts), opts)
}

/// Lays out `doc` with the fonts and page style of `opts` (on every core; see
/// [`layout`]): the first half of [`write`].
pub fn typeset(doc: &Document, opts: &Options) -> Layout {
    layout(doc, &opts.fonts, &opts.page)
}

/// Draws `laid`, the layout of `doc` with `opts`, as a tagged PDF/A-2a and PDF/UA-1: the
/// second half of [`write`].
pub fn render(doc: &Document, laid: &Layout, opts: &Options) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
    let mut diags = Vec::new();
    let formulas = math_count(doc);
    if formulas > 0 {
        diags.push(Diagnostic::warning(
            "pdf-math-as-tex",
            0,
            format!(
                "{} printed as their TeX source in the code face: colophon has no TeX engine to set them",
                match formulas {
                    1 => "1 formula is".to_string(),
                    n => format!("{n} formulas are"),
                }
            ),
        ));
    }
    if laid.overfull > 0 {
        diags.push(Diagnostic::warning(
            "pdf-overfull-line",
            0,
            match laid.overfull {
                1 => "1 line is wider than the text column".to_string(),
                n => format!("{n} lines are wider than the text column"),
            },
        ));
    }
    if !laid.fake_small_caps.is_empty() {
        let letters: String = laid.fake_small_caps.iter().take(20).collect();
        diags.push(Diagnostic::warning(
            "pdf-fake-small-caps",
            0,
            format!(
                "no small capital (OpenType smcp) in the face that sets the letters {letters:?}: they are printed as smaller capitals instead"
            ),
        ));
    }
    if laid.broken_code > 0 {
        diags.push(Diagnostic::warning(
            "pdf-code-line-broken",
            0,
            match laid.broken_code {
                1 => "1 line of a code block is wider than the text column: it is broken at the column's edge, its continuation set in".to_string(),
                n => format!("{n} lines of code blocks are wider than the text column: each is broken at the column's edge, its continuation set in"),
            },
        ));
    }
    if !laid.missing.is_empty() {
        let listed: Vec<String> = laid
            .missing
            .iter()
            .take(12)
            .map(|(c, around)| format!("'{c}' (U+{:04X}) in \"{}\"", *c as u32, around.trim()))
            .collect();
        let more = laid.missing.len().saturating_sub(listed.len());
        diags.push(
            Diagnostic::warning(
                "pdf-missing-glyph",
                0,
                format!(
                    "no embedded font has {} character{}: {}{}; the PDF shows a replacement mark in their place and keeps the characters as text (to print them, add a font that has them to DIR/fonts/ beside the main family and pass --templates DIR; the e-book and the TEI are not affected)",
                    laid.missing.len(),
                    if laid.missing.len() == 1 { "" } else { "s" },
                    listed.join(", "),
                    if more > 0 { format!(" and {more} more") } else { String::new() },
                ),
            ),
        );
    }
    // PDF/UA-1 needs a title and a language, PDF/A-2a a language: without them the PDF
    // claims what it can (PDF/A-2a, else PDF/A-2b; still tagged), and says why.
    let m = &doc.meta;
    let missing: Vec<&str> = [(m.titles.is_empty(), "title"), (m.lang.is_none(), "language")]
        .into_iter()
        .filter_map(|(gone, what)| gone.then_some(what))
        .collect();
    let archival = if m.lang.is_some() { Archival::A2_A } else { Archival::A2_B };
    let mut builder = ConfigurationBuilder::new().with_archival_validator(archival);
    if missing.is_empty() {
        builder = builder.with_accessibility_validator(Accessibility::UA1);
    } else {
        let claim = if m.lang.is_some() { "PDF/A-2a" } else { "PDF/A-2b" };
        diags.push(Diagnostic::warning(
            "pdf-not-ua",
            0,
            format!(
                "the document has no {}, which PDF/UA-1 requires: the PDF claims {claim} only (give it in a metadata file)",
                missing.join(" and no ")
            ),
        ));
    }
    let configuration =
        builder.finish().map_err(|e| Error::Unsupported(format!("PDF/A configuration: {e:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
    let mut pdf = PdfDocument::new_with(settings);
    // krilla reads and hashes a font as it loads it: only the faces the pages use are loaded,
    // and the built-in ones without a copy.
    let mut used = vec![false; opts.fonts.all().len()];
    for g in laid.pages.iter().flat_map(|p| &p.glyphs) {
        if let Some(u) = used.get_mut(g.face) {
            *u = true;
        }
    }
    let faces: Vec<Option<Font>> = opts
        .fonts
        .all()
        .iter()
        .zip(&used)
        .map(|(f, &used)| {
            let data = match &f.data {
                _ if !used => return None,
                std::borrow::Cow::Borrowed(b) => krilla::Data::from(*b),
                std::borrow::Cow::Owned(v) => krilla::Data::from(v.clone()),
            };
            Font::new(data, 0)
        })
        .collect();
    let style = &opts.page;
    let mut tags = Tags::new(laid);
    let mut unmapped = std::collections::BTreeSet::new();
    let mut images = Images::new(doc);
    for page in &laid.pages {
        let settings = PageSettings::from_wh(style.width.0 as f32, style.height.0 as f32)
            .expect("page size is positive");
        let mut p = pdf.start_page_with(settings);
        let mut s = p.surface();
        // One marked-content sequence per run of pieces with the same role and language.
        for run in page.glyphs.chunk_by(|a, b| a.role == b.role && a.lang == b.lang) {
            // The stand-in of an image in a line is not drawn: it keeps the image's place.
            if let Role::Image(b) = run[0].role {
                run.iter().for_each(|_| tags.image_slot(b));
                continue;
            }
            let lang = run[0].lang.as_ref().map(|l| l.as_str());
            let tag = match run[0].role {
                Role::Artifact => {
                    ContentTag::Artifact(Artifact::with_kind(if run[0].baseline < style.margins[0] {
                        ArtifactType::Header
                    } else if run[0].baseline > style.height - style.margins[1] {
                        ArtifactType::Footer
                    } else {
                        // A table's label and header rows repeated on a continuation page.
                        ArtifactType::PaginationOther
                    }))
                }
                _ => ContentTag::Span(SpanTag::empty().with_lang(lang)),
            };
            let id = s.start_tagged(tag);
            // Pieces join one text object left to right only: a right-to-left piece is drawn
            // alone, so that its glyphs (in visual order, their text backwards) are marked
            // `/ReversedChars` and read in logical order.
            let joins = |a: &Glyphs, b: &Glyphs| {
                a.face == b.face
                    && a.size == b.size
                    && a.baseline == b.baseline
                    && !a.rtl
                    && !b.rtl
                    && b.x >= a.x
            };
            for same in run.chunk_by(joins) {
                draw(&mut s, &faces, same, &mut unmapped);
            }
            s.end_tagged();
            tags.content(run[0].role, id);
        }
        // The rule above the notes is layout, not text.
        s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
        for (x, y, w) in &page.rules {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(x.0 as f32, y.0 as f32, w.0 as f32, 0.4) {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                s.draw_path(&path);
            }
        }
        s.end_tagged();
        marks(&mut s, page, &mut images, &mut tags);
        s.finish();
        for link in &page.links {
            let (x, y, w, h) = link.rect;
            let Some(rect) = Rect::from_xywh(x.0 as f32, y.0 as f32, w.0.max(1.0) as f32, h.0 as f32) else {
                continue;
            };
            let dest = XyzDestination::new(
                link.to.page,
                Point::from_xy(style.margins[2].0 as f32, link.to.y.0 as f32),
            );
            let target = Target::Destination(Destination::Xyz(dest));
            let id = p.add_tagged_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, target),
                Some(link.label.clone()),
            ));
            tags.link(link, id);
        }
        p.finish();
    }
    diags.append(&mut images.diags);
    diags.extend(laid.diagnostics.iter().cloned());
    pdf.set_tag_tree(tags.tree(laid, doc.meta.lang.as_ref()));
    pdf.set_outline(outline(&laid.outline, style));
    let mut meta = Metadata::new()
        .producer(format!("colophon {}", env!("CARGO_PKG_VERSION")))
        .creator("colophon".into());
    if let Some(t) = m.titles.first() {
        meta = meta.title(t.text.clone());
    }
    let authors: Vec<String> = m.authors.iter().filter_map(|a| a.name.clone()).collect();
    if !authors.is_empty() {
        meta = meta.authors(authors);
    }
    if let Some(l) = &m.lang {
        meta = meta.language(l.to_string());
    }
    let abstract_ = m.abstracts.iter().find(|a| a.lang == m.lang).or(m.abstracts.first());
    if let Some(a) = abstract_ {
        meta =
            meta.description(a.content.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join(" "));
    }
    let keywords: Vec<String> =
        m.keywords.iter().filter(|k| k.lang == m.lang).flat_map(|k| k.terms.clone()).collect();
    if !keywords.is_empty() {
        meta = meta.keywords(keywords);
    }
    // PDF/A needs a date: the metadata's, else SOURCE_DATE_EPOCH's, else 1980-01-01 (said).
    let known = m.date.as_deref().or(opts.when.as_deref()).and_then(date);
    if known.is_none() {
        diags.push(Diagnostic::info(
            "pdf-no-date",
            0,
            "no date in the metadata and no SOURCE_DATE_EPOCH: the PDF is dated 1980-01-01",
        ));
    }
    meta = meta.creation_date(known.unwrap_or_else(|| DateTime::new(1980).month(1).day(1)));
    pdf.set_metadata(meta);
    if !unmapped.is_empty() {
        let listed: Vec<String> = unmapped.iter().take(12).map(|c| format!("U+{:04X}", *c as u32)).collect();
        diags.push(Diagnostic::warning(
            "pdf-unmappable-char",
            0,
            format!(
                "{} character{} cannot be kept as text in a PDF/A ({}: a null, a byte order mark, a noncharacter or a private-use character): the glyphs are printed, but copying or searching gives U+FFFD in their place (the e-book and the TEI keep them)",
                unmapped.len(),
                if unmapped.len() == 1 { "" } else { "s" },
                listed.join(", ")
            ),
        ));
    }
    let bytes = pdf
        .finish()
        .map_err(|e| Error::Unsupported(format!("the PDF could not be written: {}", describe(&e))))?;
    Ok((bytes, diags))
}
