//! Tables, figures, images and cross-references as TEI (Guidelines §14.1, §14.4), in the
//! form the TEI reader reads back (`read/tei/tables.rs`):
//!
//! - `<table xml:id rows cols>`: a `<head>` holding `<label>Table 1</label>. Caption`; the
//!   header rows `<row role="label">`; a body cell heading its row `<cell role="label">`;
//!   spans `@rows`/`@cols`; an alignment `style="text-align: right"` on each cell it applies
//!   to (TEI has no column element); the footer rows `<row rend="foot">`, since a footer row
//!   holds data like any other (its `@role` stays `data`) and differs only in where it is
//!   set, which is what `@rend` describes; the source line `<note type="source">` after the
//!   rows (see the reader's module for why).
//! - `<figure xml:id>`: `<head>`, one `<graphic url mimeType width height>` per image
//!   (`url` the image's place in the output's media folder; `@width`/`@height` its size in
//!   pixels, or the width the source asked for alone), `<figDesc>` for the description,
//!   `<note type="source">`.
//! - An image that could not be loaded keeps the source's own `url`, without size or type,
//!   after an XML comment saying so: nothing in TEI says "this file was missing", a comment
//!   tells a person opening the file, and the reader, finding the file missing again,
//!   reports it again.
//! - An image in a line: `<graphic>` where it stands, its description in `<desc>`.
//! - A cross-reference: `<ref target="#id">` with the printed text, empty when none was
//!   printed.

use super::events::Events;
use super::{inline, Ctx};
use crate::model::{Align, Block, Extent, Figure, Image, Inline, Table};

/// An image of the document as the TEI points to it.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Its address relative to the TEI file (`article.files/map.png`).
    pub href: String,
    /// Its media type.
    pub mime: &'static str,
    /// Its size in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
}

/// Makes `id` an XML name (`NCName`) for `xml:id` and the pointers to it: characters a name
/// may not hold become `-` (`tbl:population` → `tbl-population`), and a name that cannot
/// start as it does is prefixed with `id-`.
pub fn xml_id(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .collect();
    if !out.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        out.insert_str(0, "id-");
    }
    out
}

/// A number as a TEI length wants it (`50`, `226.7`), never in exponent form.
fn number(v: f64) -> String {
    let s = format!("{v}");
    if s.contains(['e', 'E']) || !v.is_finite() {
        format!("{v:.4}")
    } else {
        s
    }
}

/// A requested width as TEI's `@width` (`50%`, `226.77pt`).
fn extent(e: Extent) -> String {
    match e {
        Extent::Fraction(f) => format!("{}%", number(f * 100.0)),
        Extent::Points(p) => format!("{}pt", number(p)),
    }
}

/// A `<head>`: the label in `<label>`, a full stop, the caption; nothing when neither is.
fn head(ctx: &mut Ctx, ev: &mut Events, label: Option<&str>, caption: &[Inline]) {
    let label = label.filter(|l| !l.is_empty());
    if label.is_none() && caption.is_empty() {
        return;
    }
    ev.start("head", vec![]);
    if let Some(l) = label {
        let l = ctx.clean(l);
        ev.wrap("label", vec![], &l);
        if !caption.is_empty() {
            ev.text(". ");
        }
    }
    inline::inlines(ctx, ev, caption);
    ev.end();
}

/// `<note type="source">` with the source line.
fn source(ctx: &mut Ctx, ev: &mut Events, source: Option<&Vec<Inline>>) {
    if let Some(s) = source.filter(|s| !s.is_empty()) {
        ev.start("note", vec![("type", "source".into())]);
        inline::inlines(ctx, ev, s);
        ev.end();
    }
}

/// Where a row stands.
#[derive(PartialEq)]
enum Part {
    Head,
    Body,
    Foot,
}

/// A table; one without rows (which TEI cannot hold) as its plain paragraphs, counted.
pub fn table(ctx: &mut Ctx, ev: &mut Events, t: &Table) {
    let rows = t.rows().count();
    if rows == 0 || t.columns.is_empty() {
        ctx.rowless_tables += 1;
        crate::write::degrade::table_blocks(t).iter().for_each(|b| inline::block(ctx, ev, b));
        return;
    }
    if t.columns.iter().any(|c| c.width.is_some()) {
        ctx.unwritten_widths += 1;
    }
    let mut attrs = Vec::new();
    if let Some(id) = &t.id {
        attrs.push(("xml:id", xml_id(id)));
    }
    if let Some(l) = &t.lang {
        ctx.langs.insert(l.to_string());
        attrs.push(("xml:lang", l.to_string()));
    }
    attrs.push(("rows", rows.to_string()));
    attrs.push(("cols", t.columns.len().to_string()));
    ev.start("table", attrs);
    head(ctx, ev, t.label.as_deref(), &t.caption);
    let grid = t.grid();
    for (i, row) in t.rows().enumerate() {
        let part = if i < t.head.len() {
            Part::Head
        } else if i < t.head.len() + t.body.len() {
            Part::Body
        } else {
            Part::Foot
        };
        let attrs = match part {
            Part::Head => vec![("role", "label".to_string())],
            Part::Body => vec![],
            Part::Foot => vec![("rend", "foot".to_string())],
        };
        ev.start("row", attrs);
        for (j, cell) in row.cells.iter().enumerate() {
            let mut a = Vec::new();
            if part != Part::Head && cell.header {
                a.push(("role", "label".to_string()));
            }
            if cell.rows > 1 {
                a.push(("rows", cell.rows.to_string()));
            }
            if cell.cols > 1 {
                a.push(("cols", cell.cols.to_string()));
            }
            // The column's alignment, for a cell of that column alone.
            let column = grid
                .as_ref()
                .and_then(|g| g.get(i)?.get(j).copied())
                .filter(|_| cell.cols == 1)
                .and_then(|c| t.columns.get(c))
                .map(|c| c.align);
            let align = cell.align.or(column).unwrap_or_default();
            let css = match align {
                Align::Default => None,
                Align::Left => Some("left"),
                Align::Center => Some("center"),
                Align::Right => Some("right"),
            };
            if let Some(css) = css {
                a.push(("style", format!("text-align: {css}")));
            }
            ev.start("cell", a);
            cell_blocks(ctx, ev, &cell.blocks);
            ev.end();
        }
        ev.end();
    }
    source(ctx, ev, t.source.as_ref());
    ev.end();
}

/// A cell's content: the text of its one paragraph directly, else its blocks.
fn cell_blocks(ctx: &mut Ctx, ev: &mut Events, blocks: &[Block]) {
    match blocks {
        [Block::Paragraph { content, lang: None }] => inline::inlines(ctx, ev, content),
        blocks => blocks.iter().for_each(|b| inline::block(ctx, ev, b)),
    }
}

/// A figure: its head, images, description and source line.
pub fn figure(ctx: &mut Ctx, ev: &mut Events, f: &Figure) {
    let attrs = f.id.iter().map(|id| ("xml:id", xml_id(id))).collect();
    ev.start("figure", attrs);
    head(ctx, ev, f.label.as_deref(), &f.caption);
    for image in &f.images {
        graphic(ctx, ev, image, "");
    }
    if let Some(alt) = f.alt.as_deref().filter(|a| !a.is_empty()) {
        let alt = ctx.clean(alt);
        ev.wrap("figDesc", vec![], &alt);
    }
    source(ctx, ev, f.source.as_ref());
    ev.end();
}

/// A `<graphic>` for `image`, with `desc` (an inline image's description) inside.
pub fn graphic(ctx: &mut Ctx, ev: &mut Events, image: &Image, desc: &str) {
    let placed = image.media.as_ref().and_then(|k| ctx.media.get(k)).cloned();
    let mut attrs = Vec::new();
    match placed {
        Some(p) => {
            attrs.push(("url", p.href));
            attrs.push(("mimeType", p.mime.to_string()));
            match image.width {
                Some(e) => attrs.push(("width", extent(e))),
                None => {
                    attrs.push(("width", format!("{}px", p.width)));
                    attrs.push(("height", format!("{}px", p.height)));
                }
            }
        }
        None => {
            ctx.unplaced_images += 1;
            ev.comment(" colophon: this image could not be loaded when the file was made; its url is the source's own ");
            attrs.push(("url", inline::uri(&ctx.clean(&image.src))));
            if let Some(e) = image.width {
                attrs.push(("width", extent(e)));
            }
        }
    }
    ev.start("graphic", attrs);
    if !desc.is_empty() {
        let d = ctx.clean(desc);
        ev.wrap("desc", vec![], &d);
    }
    ev.end();
}

/// `<ref target="#id">` with the printed text (none when none was printed).
pub fn cross_ref(ctx: &mut Ctx, ev: &mut Events, target: &str, content: &[Inline]) {
    ev.start("ref", vec![("target", format!("#{}", xml_id(target)))]);
    inline::inlines(ctx, ev, content);
    ev.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{Cell, Column, Document, Row};

    fn cell(s: &str) -> Cell {
        Cell::new(vec![Block::paragraph(vec![Inline::text(s)])])
    }

    /// Model → TEI → model gives the table and figure back: header, body and footer rows,
    /// row labels, spans, alignments, label, caption, source line, an unloaded image's
    /// `src` and width, and a cross-reference without text.
    #[test]
    fn a_table_and_a_figure_come_back_from_their_tei() {
        let mut doc = Document::new();
        let mut label = cell("Kars");
        label.header = true;
        let mut wide = cell("none");
        wide.cols = 2;
        wide.align = Some(Align::Center);
        let table = Table {
            id: Some("tbl-1".into()),
            label: Some("Table 1".into()),
            caption: vec![Inline::text("Souls")],
            source: Some(vec![Inline::text("Source: census.")]),
            columns: vec![
                Column::default(),
                Column { align: Align::Right, width: None },
                Column { align: Align::Right, width: None },
            ],
            head: vec![Row { cells: vec![cell("Place"), cell("1918"), cell("1919")] }],
            body: vec![
                Row { cells: vec![label, cell("12"), cell("14")] },
                Row { cells: vec![cell("Ardahan"), wide] },
            ],
            foot: vec![Row { cells: vec![cell("Total"), cell("12"), cell("14")] }],
            lang: None,
        };
        let figure = Figure {
            id: Some("fig-1".into()),
            label: Some("Map 1".into()),
            caption: vec![Inline::text("Kars")],
            source: Some(vec![Inline::text("Source: RGVIA.")]),
            alt: Some("A map.".into()),
            images: vec![Image {
                src: "nowhere/map.png".into(),
                media: None,
                width: Some(Extent::Fraction(0.5)),
            }],
        };
        let see = Block::paragraph(vec![
            Inline::text("See "),
            Inline::Ref { target: "tbl-1".into(), content: vec![] },
        ]);
        doc.body = vec![Block::Table(Box::new(table)), Block::Figure(Box::new(figure)), see];
        let (xml, diags) = super::super::write(&doc, &Default::default());
        assert!(diags.iter().any(|d| d.code == "tei-image-not-loaded"), "{diags:?}");
        assert!(
            xml.contains(r#"<row rend="foot">"#) && xml.contains(r#"<cell role="label">Kars</cell>"#),
            "{xml}"
        );
        let (back, _) = crate::read::tei::read(std::path::Path::new("t.xml"), &xml).unwrap();
        assert_eq!(back.body, doc.body, "{xml}");
    }

    #[test]
    fn ids_are_xml_names() {
        assert_eq!(xml_id("tbl:population"), "tbl-population");
        assert_eq!(xml_id("1-map"), "id-1-map");
        assert_eq!(xml_id("карта_1"), "карта_1");
        assert_eq!(xml_id(""), "id-");
    }

    #[test]
    fn widths_are_tei_lengths() {
        assert_eq!(extent(Extent::Fraction(0.5)), "50%");
        assert_eq!(extent(Extent::Points(150.0)), "150pt");
        assert_eq!(
            Extent::parse(&extent(Extent::Points(226.771_653_543_307_08))),
            Some(Extent::Points(226.771_653_543_307_08))
        );
    }
}
