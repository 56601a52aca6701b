//! Figures: the images one under another, centred, then the caption (label in bold) and
//! the source line in smaller type; all of it one unbreakable line of the page builder,
//! which floats (placed where it stands when it fits, else at the top of the next page
//! while the text goes on, TeX's `[htp]`).
//!
//! An image is as wide as the model asks (a share of the measure or a length), else as the
//! measure, but never wider than its size at [`MIN_DPI`]: a small scan is not blown up into
//! visible pixels. A figure taller than [`MAX_SHARE`] of the text column is scaled down so
//! that its caption still fits with it. An image that could not be loaded is a framed box
//! naming its file.

use super::inset::Inset;
use super::nested::{Container, Nester};
use super::{Align, BlockKind, Mark, Para, SetLine};
use crate::fonts::Style;
use crate::model::{Extent, Figure, LangTag, Media, Note};
use crate::typeset::Pt;
use std::collections::BTreeMap;
use std::ops::Range;

/// The lowest resolution an image is printed at (pixels per inch): a 600-pixel image is at
/// most 4 inches wide. 150 dpi is the usual floor for halftones in print; 300 dpi would
/// leave an 800-pixel map under 7 cm wide.
pub const MIN_DPI: f64 = 150.0;
/// The largest share of the text column a figure's images take.
pub const MAX_SHARE: f64 = 0.7;
/// Space between images, and between the images and the caption.
const GAP: Pt = Pt(6.0);

/// One image of a figure as placed: its box, from the column's left and the figure's top.
struct Placed {
    x: Pt,
    y: Pt,
    width: Pt,
    height: Pt,
    media: Option<String>,
    /// The paragraph naming a missing image, set inside its frame.
    placeholder: Option<usize>,
}

/// A figure as built before its caption is set.
pub(super) struct Plan {
    /// Its paragraphs: the block of its images, placeholders, caption and source.
    pub paras: Range<usize>,
    images: Vec<Placed>,
    /// The paragraph standing for the images in the structure (its content is drawn).
    graphic: usize,
    /// The paragraphs under the images (caption, source).
    under: Range<usize>,
}

/// The width of an image of `px` pixels across, asked for as `asked`, in `measure`.
fn image_width(px: u32, asked: Option<Extent>, measure: Pt) -> Pt {
    match asked {
        Some(Extent::Fraction(f)) => measure * f.clamp(0.01, 1.0),
        Some(Extent::Points(p)) => Pt(p).min(measure).max(Pt(1.0)),
        None => Pt(f64::from(px.max(1)) * 72.0 / MIN_DPI).min(measure),
    }
}

/// Appends the paragraphs of figure `f` to `paras` and plans its images; `column` is the
/// text column's height.
#[allow(clippy::too_many_arguments)]
pub(super) fn build(
    f: &Figure,
    nester: &mut Nester,
    (size, leading): (f64, Pt),
    (measure, column): (Pt, Pt),
    lang: Option<&LangTag>,
    media: &BTreeMap<String, Media>,
    notes: &mut Vec<Note>,
    paras: &mut Vec<Para>,
    diags: &mut Vec<crate::diag::Diagnostic>,
) -> Plan {
    let caption = super::table::caption_text(f.label.as_deref(), &f.caption);
    let name = f.label.as_deref().or(f.id.as_deref()).map_or(String::new(), |l| format!("{l}: "));
    let alt = match f.alt.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(a) => a.to_string(),
        None => {
            let srcs: Vec<&str> = f.images.iter().map(|i| i.src.as_str()).collect();
            let alt =
                if caption.is_empty() { format!("Image: {}", srcs.join(", ")) } else { caption.clone() };
            diags.push(crate::diag::Diagnostic::warning(
                "pdf-figure-no-alt",
                0,
                format!(
                    "{name}the figure has no description of its images: the PDF gives readers who cannot see them {} instead",
                    if caption.is_empty() { "the images' file names" } else { "its caption" }
                ),
            ));
            alt
        }
    };
    let figure = Container::Figure { id: nester.id(), alt };
    let first = paras.len();
    let mut graphic = Para::new(BlockKind::Graphic, lang, size, leading, Align::Left);
    graphic.nest = vec![figure.clone()];
    paras.push(graphic);
    // The images' boxes, one under another.
    let mut images = Vec::new();
    for image in &f.images {
        let loaded = image.media.as_ref().and_then(|k| media.get(k).map(|m| (k, m)));
        let (width, height) = match loaded {
            Some((_, m)) => {
                let w = image_width(m.width, image.width, measure);
                (w, w * (f64::from(m.height.max(1)) / f64::from(m.width.max(1))))
            }
            None => {
                let w = match image.width {
                    Some(e) => image_width(0, Some(e), measure).max(measure * 0.4),
                    None => measure * 0.6,
                };
                (w, leading * 4.0)
            }
        };
        let placeholder = if loaded.is_none() {
            diags.push(crate::diag::Diagnostic::warning(
                "pdf-image-placeholder",
                0,
                format!(
                    "{name}the image {} could not be loaded: the PDF shows a framed box naming it",
                    image.src
                ),
            ));
            let mut p = Para::new(BlockKind::Paragraph, lang, size, leading, Align::Center);
            p.nest = vec![figure.clone()];
            let left = (measure - width) * 0.5;
            p.inset = Inset { start: left + Pt(6.0), end: left + Pt(6.0) };
            p.text(&format!("[{}]", image.src), Style::Italic, None);
            paras.push(p);
            Some(paras.len() - 1)
        } else {
            None
        };
        images.push(Placed {
            x: (measure - width) * 0.5,
            y: Pt::ZERO,
            width,
            height,
            media: loaded.map(|(k, _)| k.clone()),
            placeholder,
        });
    }
    // Scaled down together when too tall for the column with their caption.
    let total: Pt = images.iter().map(|i| i.height).sum::<Pt>() + GAP * images.len().saturating_sub(1) as f64;
    let room = column * MAX_SHARE;
    if total > room {
        let k = room / total;
        for i in images.iter_mut().filter(|i| i.placeholder.is_none()) {
            (i.width, i.height) = (i.width * k, i.height * k);
            i.x = (measure - i.width) * 0.5;
        }
    }
    let mut y = Pt::ZERO;
    for i in &mut images {
        i.y = y;
        y += i.height + GAP;
    }
    let under = paras.len();
    let captioned = Container::Caption { id: nester.id() };
    if f.label.is_some() || !f.caption.is_empty() {
        let mut p = Para::new(BlockKind::Paragraph, lang, size, leading, Align::Center);
        p.nest = vec![figure.clone(), captioned.clone()];
        if let Some(label) = f.label.as_deref().filter(|l| !l.is_empty()) {
            let sep = if f.caption.is_empty() { "" } else { ". " };
            p.text(&format!("{label}{sep}"), Style::Bold, lang);
        }
        super::runs(&mut p, &f.caption, Style::Regular, lang, notes);
        paras.push(p);
    }
    if let Some(source) = &f.source {
        let mut p = Para::new(BlockKind::Paragraph, lang, size * 0.9, leading * 0.9, Align::Center);
        p.nest = vec![figure.clone(), captioned];
        super::runs(&mut p, source, Style::Regular, lang, notes);
        paras.push(p);
    }
    Plan { paras: first..paras.len(), images, graphic: first, under: under..paras.len() }
}

impl Plan {
    /// Moves the images `dx` to the right (the caption moves by its inset).
    pub fn shift(&mut self, dx: Pt) {
        self.images.iter_mut().for_each(|i| i.x += dx);
    }

    /// The figure as one line measured from its top, and its height; `sets[k]` holds the
    /// set lines of paragraph `k` (taken).
    pub fn line(&self, sets: &mut [Vec<SetLine>], paras: &[Para]) -> (SetLine, Pt) {
        let mut line = SetLine::from_top();
        let mut y = Pt::ZERO;
        let take = |line: &mut SetLine, lines: Vec<SetLine>, top: Pt, leading: Pt| {
            let mut at = top;
            for mut l in lines {
                at += l.above;
                let base = at + leading * 0.78;
                l.marks.iter_mut().for_each(|m| *m = m.moved(Pt::ZERO, base));
                line.marks.append(&mut l.marks);
                l.pieces.iter_mut().for_each(|g| g.baseline += base);
                line.pieces.append(&mut l.pieces);
                for n in l.notes {
                    if !line.notes.contains(&n) {
                        line.notes.push(n);
                    }
                }
                line.calls.append(&mut l.calls);
                line.refs.append(&mut l.refs);
                line.overfull |= l.overfull;
                at += leading;
            }
            at - top
        };
        for i in &self.images {
            line.marks.push(Mark::Image {
                x: i.x,
                y: i.y,
                width: i.width,
                height: i.height,
                media: i.media.clone(),
                block: self.graphic,
                shown: super::Shown::Figure,
            });
            if let Some(k) = i.placeholder {
                let lines = std::mem::take(&mut sets[k]);
                let h = paras[k].leading * lines.len() as f64;
                take(&mut line, lines, i.y + ((i.height - h) * 0.5).max(Pt::ZERO), paras[k].leading);
            }
            y = i.y + i.height + GAP;
        }
        for k in self.under.clone() {
            let lines = std::mem::take(&mut sets[k]);
            y += take(&mut line, lines, y, paras[k].leading);
        }
        // The marker of a list item that opens with the figure stands by the figure's top.
        for mut l in std::mem::take(&mut sets[self.graphic]) {
            let base = paras[self.graphic].leading * 0.78;
            l.pieces.retain(|g| matches!(g.role, super::Role::Marker(..)));
            l.pieces.iter_mut().for_each(|g| g.baseline += base);
            line.pieces.append(&mut l.pieces);
        }
        // Space under the caption, before the text that follows (or that floats under it).
        (line, y + paras[self.graphic].leading * 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_not_blown_up_past_their_resolution_and_widths_asked_are_kept() {
        let m = Pt(450.0);
        assert_eq!(image_width(300, None, m), Pt(144.0));
        assert_eq!(image_width(4000, None, m), m);
        assert_eq!(image_width(300, Some(Extent::Fraction(0.5)), m), Pt(225.0));
        assert_eq!(image_width(300, Some(Extent::Points(900.0)), m), m);
        assert_eq!(image_width(0, None, m), Pt(72.0 / MIN_DPI));
    }
}
