//! Figures as Word sets them: a centred paragraph holding the images (kept with what
//! follows; in a table cell aligned as the cell), the caption below it, then the source line, as Word's Insert Caption and
//! pandoc place them.

use super::body::{self, Extra, Scope};
use super::caption::{self, Kind};
use super::inline::Rpr;
use super::xml::Xml;
use super::Ctx;
use crate::model::Figure;

/// Writes `f` in `scope`: images, caption, source line. Every image carries the figure's
/// description (`wp:docPr/@descr`); an image without bytes is a placeholder naming its file.
pub fn figure(ctx: &mut Ctx, x: &mut Xml, f: &Figure, scope: &Scope) {
    let has_caption = f.label.as_deref().is_some_and(|l| !l.is_empty()) || !f.caption.is_empty();
    let follows = has_caption || f.source.is_some();
    if !f.images.is_empty() {
        // Centred on the page; in a cell aligned as the cell is (a reader takes a cell's
        // first paragraph's alignment for the cell's).
        let jc = if scope.in_cell() { scope.jc } else { Some("center") };
        let extra = Extra { jc, keep_next: follows, style: None };
        let rp = Rpr::lang(scope.lang.clone());
        if let Some(lead) = body::open_para(ctx, x, scope, extra) {
            super::notes::write_lead(x, &lead, &rp);
        }
        let alt = f.alt.as_deref().unwrap_or("");
        // Side by side, the images share the measure.
        let measure = scope.width() / f.images.len().max(1) as u32;
        for image in &f.images {
            super::drawing::image(ctx, x, image, alt, measure, &rp);
        }
        x.close();
    }
    let keep = f.source.is_some();
    caption::caption(ctx, x, scope, Kind::Figure, f.id.as_deref(), f.label.as_deref(), &f.caption, keep);
    if let Some(source) = &f.source {
        caption::source(ctx, x, scope, source);
    }
}
