//! The print PDF: the pages `typeset` laid out, drawn with krilla (the PDF library under
//! Typst), which shapes, subsets and embeds the fonts, writes `/Lang` and the metadata
//! (Info and XMP), and validates PDF/A-2b when it exports. Layout decisions are never made
//! here.
//!
//! Why krilla and not printpdf (issue 6, measured): printpdf writes a PDF/A flag without
//! producing PDF/A, has no document language, outline nesting, tagging or shaping, and
//! subsets fonts only through a feature whose cold build took 15 minutes.

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::fonts::FontSet;
use crate::model::{plain_text, Document};
use crate::typeset::layout::{layout, PageStyle};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document as PdfDocument, SerializeSettings};

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
            for c in take(entries, i, e.level + 1, style) {
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

/// Writes `doc` as a PDF/A-2b; returns the bytes and what had to be reported.
pub fn write(doc: &Document, opts: &Options) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
    let laid = layout(doc, &opts.fonts, &opts.page);
    let mut diags = Vec::new();
    if laid.overfull > 0 {
        diags.push(Diagnostic::warning(
            "pdf-overfull-line",
            0,
            format!("{} lines are wider than the text column", laid.overfull),
        ));
    }
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| Error::Unsupported(format!("PDF/A-2b configuration: {e:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: false, ..SerializeSettings::default() };
    let mut pdf = PdfDocument::new_with(settings);
    let faces: Vec<Option<Font>> =
        opts.fonts.all().iter().map(|f| Font::new(krilla::Data::from(f.data.to_vec()), 0)).collect();
    let shaper = crate::typeset::shape::Shaper::new(&opts.fonts);
    let style = &opts.page;
    for page in &laid.pages {
        let settings = PageSettings::from_wh(style.width.0 as f32, style.height.0 as f32)
            .expect("page size is positive");
        let mut p = pdf.start_page_with(settings);
        let mut s = p.surface();
        for g in &page.glyphs {
            if let Some(Some(font)) = faces.get(g.face) {
                // Shaped once by us with cached faces (krilla's own `draw_text` re-reads the
                // font on every call); ToUnicode maps each glyph back to its text.
                let glyphs: Vec<KrillaGlyph> = shaper
                    .glyphs(g.face, &g.text)
                    .iter()
                    .map(|x| {
                        KrillaGlyph::new(
                            GlyphId::new(x.id),
                            x.advance,
                            x.x_offset,
                            x.y_offset,
                            0.0,
                            x.range.clone(),
                            None,
                        )
                    })
                    .collect();
                s.draw_glyphs(
                    Point::from_xy(g.x.0 as f32, g.baseline.0 as f32),
                    &glyphs,
                    font.clone(),
                    &g.text,
                    g.size as f32,
                    false,
                );
            }
        }
        for (x, y, w) in &page.rules {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(x.0 as f32, y.0 as f32, w.0 as f32, 0.4) {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                s.draw_path(&path);
            }
        }
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
            p.add_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, target),
                Some(link.label.clone()),
            ));
        }
        p.finish();
    }
    pdf.set_outline(outline(&laid.outline, style));
    let m = &doc.meta;
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
    let bytes =
        pdf.finish().map_err(|e| Error::Unsupported(format!("the PDF could not be written: {e:?}")))?;
    Ok((bytes, diags))
}
