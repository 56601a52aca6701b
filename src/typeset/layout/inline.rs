//! Inline content into runs: styles, note calls, superscripts and subscripts, small
//! capitals, code and line breaks; and the runs resolved against the fonts before they are
//! set.
//!
//! A superscript or subscript is set in the font's own `sups`/`subs` glyphs when the font
//! has one for every character of it (Libertinus has them for digits and some letters):
//! those are drawn for the purpose, at full size on the baseline. Otherwise it is set at
//! [`SCRIPT_SCALE`] of the size, raised like a note call or lowered by [`SUB_RISE`]. Small
//! capitals come from `smcp`; a lowercase letter whose face has none (a fallback face) is
//! set as a capital at [`FAKE_SMALL_CAPS_SCALE`], and reported. Inline code is set in the
//! monospaced face at [`CODE_SCALE`], never hyphenated. Either way the line's leading is the
//! paragraph's: nothing on a line changes its height.

use super::{Glyphs, Mark, Para, Role, Shown};
use crate::diag::Diagnostic;
use crate::fonts::Style;
use crate::model::{Extent, Inline, LangTag, Media, Note};
use crate::typeset::paragraph::{Decoration, Run, Variant};
use crate::typeset::shape::{ShapedGlyph, Shaper};
use crate::typeset::Pt;
use std::collections::BTreeMap;

/// Size of a scaled superscript or subscript (and of a note call), relative to the text.
pub const SCRIPT_SCALE: f64 = 0.62;
/// How far a note call or a scaled superscript is raised, in ems of the text.
pub const SUP_RISE: f64 = 0.35;
/// How far a scaled subscript is lowered, in ems of the text (negative: down).
pub const SUB_RISE: f64 = -0.14;
/// Size of inline code relative to the text: DejaVu Sans Mono's lowercase is taller than
/// Libertinus's, and at this size their x-heights nearly match.
pub const CODE_SCALE: f64 = 0.84;
/// Size of capitals standing in for small capitals, relative to the text.
pub const FAKE_SMALL_CAPS_SCALE: f64 = 0.72;
/// The tallest an image in a line is set, in lines of its paragraph's leading: a seal or a
/// signature stays legible (20 pt in 10.5 pt text) and opens its line by less than a line.
pub const LINE_IMAGE_LINES: f64 = 1.5;
/// The tallest an image in a line is set at a width the source asked for, in lines: beyond
/// it the image would be a figure, not a word.
pub const ASKED_IMAGE_LINES: f64 = 4.0;

/// An image set in a line of text (a seal, a signature, a symbol).
#[derive(Debug, Clone)]
pub(super) struct LineImage {
    /// The run that stands for it: one box, its text the image's description.
    pub run: usize,
    /// Where the source points to it (for reports).
    pub src: String,
    /// The key of its bytes in the document's media, if they were loaded.
    pub media: Option<String>,
    /// What it shows.
    pub alt: String,
    /// The width the source asked for.
    pub asked: Option<Extent>,
    /// Its width and height once measured.
    pub size: (Pt, Pt),
}

/// The size of an image of `px` pixels, asked at `asked`, in a line of `leading` in a
/// measure of `measure`; and whether the width asked could not be kept. At the width asked
/// (within the measure and [`ASKED_IMAGE_LINES`]), else at its size at 150 dpi (as a
/// figure's) and at most [`LINE_IMAGE_LINES`] high: a map or a scan dropped into a sentence
/// becomes a legible token, not a page.
fn line_image_size(px: (u32, u32), asked: Option<Extent>, leading: Pt, measure: Pt) -> ((Pt, Pt), bool) {
    let ratio = f64::from(px.1.max(1)) / f64::from(px.0.max(1));
    let (width, tallest) = match asked {
        Some(Extent::Fraction(f)) => (measure * f.clamp(0.0, 1.0), leading * ASKED_IMAGE_LINES),
        Some(Extent::Points(w)) => (Pt(w.max(0.0)), leading * ASKED_IMAGE_LINES),
        None => (Pt(f64::from(px.0.max(1)) * 72.0 / super::figure::MIN_DPI), leading * LINE_IMAGE_LINES),
    };
    let width = width.max(Pt(1.0));
    let fit = width.min(measure).min(tallest * (1.0 / ratio)).max(Pt(0.5));
    ((fit, fit * ratio), asked.is_some() && fit + Pt(0.01) < width)
}

/// Measures the images in the lines of `paras` not measured yet, each in its paragraph's
/// measure in a column of `column`: an image whose bytes are in `media` becomes a box of its
/// size; one that is not keeps its description as text, and is reported.
pub(super) fn size_images(
    paras: &mut [Para],
    media: &BTreeMap<String, Media>,
    column: Pt,
    diags: &mut Vec<Diagnostic>,
) {
    for p in paras.iter_mut().filter(|p| p.images.iter().any(|i| i.size.0 == Pt::ZERO)) {
        let measure = p.inset.measure(column) - p.indent.max(p.hanging);
        let leading = p.leading;
        let mut kept = Vec::with_capacity(p.images.len());
        for mut image in std::mem::take(&mut p.images) {
            if image.size.0 > Pt::ZERO {
                kept.push(image);
                continue;
            }
            let Some(m) = image.media.as_ref().and_then(|k| media.get(k)) else {
                diags.push(Diagnostic::warning(
                    "pdf-line-image-placeholder",
                    0,
                    format!(
                        "the image {} in a line of text could not be loaded: the PDF prints {} in its place",
                        crate::diag::quoted(&image.src),
                        crate::diag::quoted(&p.runs[image.run].text)
                    ),
                ));
                continue;
            };
            let (size, cut) = line_image_size((m.width, m.height), image.asked, leading, measure);
            if cut {
                diags.push(Diagnostic::warning(
                    "pdf-line-image-smaller",
                    0,
                    format!(
                        "the image {} in a line of text is set {:.0} pt wide, not at the width asked: it would be wider than its line or taller than {ASKED_IMAGE_LINES} lines",
                        image.src, size.0 .0
                    ),
                ));
            }
            if image.alt.is_empty() {
                diags.push(Diagnostic::warning(
                    "pdf-line-image-no-alt",
                    0,
                    format!(
                        "the image {} in a line of text has no description: the PDF gives readers who cannot see it its file name instead",
                        image.src
                    ),
                ));
            }
            image.size = size;
            p.runs[image.run].image = Some(size.0);
            kept.push(image);
        }
        p.images = kept;
    }
}

/// The piece standing for `image` on its line at `x`: no text, and one glyph (never drawn)
/// as wide as the image, so that the line's pieces measure as set.
pub(super) fn stand_in(image: &LineImage, x: Pt, size: f64, block: usize) -> Glyphs {
    let advance = (image.size.0 .0 / size.max(0.1)) as f32;
    Glyphs {
        x,
        baseline: Pt::ZERO,
        size,
        face: 0,
        text: String::new(),
        lang: None,
        role: Role::Image(block),
        glyphs: std::sync::Arc::new(vec![ShapedGlyph {
            id: 0,
            advance,
            x_offset: 0.0,
            y_offset: 0.0,
            range: 0..0,
        }]),
        space: None,
        rtl: false,
    }
}

/// The images of a line, each where its stand-in among `pieces` ended up, standing on the
/// baseline; and the space the line needs above its leading for the tallest (an image up
/// to the text's ascent less a quarter of an em, which keeps it clear of the descenders of
/// the line above, needs none).
pub(super) fn marks(
    images: &[(usize, &LineImage)],
    pieces: &[Glyphs],
    p: &Para,
    block: usize,
) -> (Vec<Mark>, Pt) {
    let room = p.leading * 0.78 - Pt(p.size * 0.25);
    let mut above = Pt::ZERO;
    let marks = images
        .iter()
        .map(|&(k, image)| {
            let (width, height) = image.size;
            above = above.max(height - room);
            Mark::Image {
                x: pieces.get(k).map_or(Pt::ZERO, |g| g.x),
                y: -height,
                width,
                height,
                media: image.media.clone(),
                block,
                shown: Shown::InLine(if image.alt.is_empty() {
                    image.src.clone()
                } else {
                    image.alt.clone()
                }),
            }
        })
        .collect();
    (marks, above)
}

/// Inline content into runs; notes become raised calls and are numbered in `notes`.
pub(super) fn runs(
    p: &mut Para,
    inlines: &[Inline],
    style: Style,
    lang: Option<&LangTag>,
    notes: &mut Vec<Note>,
) {
    runs_as(p, inlines, style, Variant::Plain, lang, notes)
}

fn runs_as(
    p: &mut Para,
    inlines: &[Inline],
    style: Style,
    v: Variant,
    lang: Option<&LangTag>,
    notes: &mut Vec<Note>,
) {
    for i in inlines {
        match i {
            Inline::Text { text } if v == Variant::Plain => p.text(text, style, lang),
            // Raised and lowered text is never hyphenated.
            Inline::Text { text } if !text.is_empty() => p.runs.push(Run {
                variant: v,
                ..Run::plain(text.as_str(), style, lang.filter(|_| v == Variant::SmallCaps).cloned())
            }),
            Inline::Text { .. } => {}
            // Set as a box the size of the image once it is measured ([`size_images`]); its
            // text stands for it if it cannot be.
            Inline::Image { image, alt } => {
                let text = crate::write::degrade::image_text(alt.trim(), &image.src);
                p.images.push(LineImage {
                    run: p.runs.len(),
                    src: image.src.clone(),
                    media: image.media.clone(),
                    alt: alt.trim().to_string(),
                    asked: image.width,
                    size: (Pt::ZERO, Pt::ZERO),
                });
                p.runs.push(Run { unbreakable: true, ..Run::plain(text, style, lang.cloned()) });
            }
            // The target's label replaces its id once every table and figure is known
            // (`super::objects::resolve_refs`); the runs are a link to it.
            Inline::Ref { target, content } => {
                let first = p.runs.len();
                if content.is_empty() {
                    p.runs.push(Run::plain(target.as_str(), style, lang.cloned()));
                    p.refs.push((first..first + 1, target.clone()));
                    // Marks the run as standing for the label, not the reader's text.
                    p.runs[first].unbreakable = true;
                } else {
                    runs_as(p, content, style, v, lang, notes);
                    p.refs.push((first..p.runs.len(), target.clone()));
                }
            }
            // The source's printed pages are not this print's: nothing is set for them.
            Inline::PageBreak { .. } => {}
            Inline::Emph { content } => runs_as(p, content, style.italic(), v, lang, notes),
            Inline::Strong { content } => runs_as(p, content, style.bold(), v, lang, notes),
            Inline::Superscript { content } => runs_as(p, content, style, Variant::Sups, lang, notes),
            Inline::Subscript { content } => runs_as(p, content, style, Variant::Subs, lang, notes),
            Inline::SmallCaps { content } => runs_as(p, content, style, Variant::SmallCaps, lang, notes),
            // Set apart in italics, as emphasis is.
            Inline::Highlight { content, .. } => runs_as(p, content, style.italic(), v, lang, notes),
            // The marks of the language around, as text.
            Inline::Quoted { style: q, content } => {
                let (open, close) = crate::write::quote_marks::marks(lang, *q);
                runs_as(p, &[Inline::text(open)], style, v, lang, notes);
                runs_as(p, content, style, v, lang, notes);
                runs_as(p, &[Inline::text(close)], style, v, lang, notes);
            }
            // The rule is drawn under (or through) the runs: see [`Decoration`].
            Inline::Underline { content } => {
                decorated(p, content, style, v, lang, notes, Decoration::Underline)
            }
            Inline::Strikeout { content } => decorated(p, content, style, v, lang, notes, Decoration::Strike),
            Inline::Code { text } if !text.is_empty() => p.runs.push(Run {
                variant: Variant::Mono,
                scale: CODE_SCALE,
                ..Run::plain(text.as_str(), style, None)
            }),
            Inline::Code { .. } => {}
            Inline::LineBreak => p.runs.push(Run { variant: Variant::Break, ..Run::plain("", style, None) }),
            Inline::Link { content, .. }
            | Inline::Name { content, .. }
            | Inline::Date { content, .. }
            | Inline::Citation { content, .. }
            | Inline::Choice { shown: content, .. } => runs_as(p, content, style, v, lang, notes),
            // Formulas are set as their TeX source (the writer says so once).
            Inline::Math { tex, .. } if !tex.is_empty() => p.runs.push(Run {
                variant: Variant::Mono,
                scale: CODE_SCALE,
                ..Run::plain(tex.as_str(), style, None)
            }),
            Inline::Math { .. } => {}
            Inline::Span { lang: l, content } => runs_as(p, content, style, v, Some(l), notes),
            Inline::Shelfmark(m) => {
                p.runs.push(Run { unbreakable: true, ..Run::plain(m.raw.clone(), style, lang.cloned()) })
            }
            Inline::Note(n) => {
                let call = |text: &str| Run {
                    unbreakable: true,
                    scale: SCRIPT_SCALE,
                    rise: SUP_RISE,
                    ..Run::plain(text, Style::Regular, None)
                };
                // Calls side by side are told apart by a raised comma (`⁷⁴,⁷⁵`).
                if p.calls.last().is_some_and(|c| c.0 + 1 == p.runs.len()) {
                    p.runs.push(call(","));
                }
                p.calls.push((p.runs.len(), notes.len()));
                p.runs.push(call(&n.label));
                notes.push(n.clone());
            }
        }
    }
}

/// Runs of `content` with a rule under or through them (line breaks and images excepted;
/// an inner decoration wins over an outer one).
fn decorated(
    p: &mut Para,
    content: &[Inline],
    style: Style,
    v: Variant,
    lang: Option<&LangTag>,
    notes: &mut Vec<Note>,
    decoration: Decoration,
) {
    let first = p.runs.len();
    runs_as(p, content, style, v, lang, notes);
    let calls: Vec<usize> = p.calls.iter().map(|c| c.0).collect();
    for (k, r) in p.runs.iter_mut().enumerate().skip(first) {
        if r.variant != Variant::Break && r.image.is_none() && !calls.contains(&k) {
            r.decoration.get_or_insert(decoration);
        }
    }
}

/// Where a decoration's rule is drawn and how thick, in ems of the text: its top below
/// the baseline (negative: above), and its thickness (Libertinus's own `post` table puts
/// the underline 0.1 em below the baseline; the strike goes through the x-height's middle).
pub(super) fn decoration_rule(d: Decoration) -> (f64, f64) {
    match d {
        Decoration::Underline => (0.09, 0.05),
        Decoration::Strike => (-0.26, 0.05),
    }
}

/// Resolves the runs of `paras` against the fonts: a superscript or subscript the font
/// cannot set in its own glyphs becomes scaled and raised or lowered text; small capitals
/// the face lacks become scaled capitals. Returns the letters faked so, in order of first
/// use (for a diagnostic). Plain runs are left as they are.
pub(super) fn resolve(paras: &mut [Para], shaper: &Shaper) -> Vec<char> {
    let mut faked: Vec<char> = Vec::new();
    for p in paras {
        if p.runs.iter().all(|r| matches!(r.variant, Variant::Plain | Variant::Mono | Variant::Break)) {
            continue;
        }
        // Where each old run starts among the new ones (calls and labels point at runs).
        let mut moved = Vec::with_capacity(p.runs.len());
        let mut out: Vec<Run> = Vec::with_capacity(p.runs.len());
        for r in std::mem::take(&mut p.runs) {
            moved.push(out.len());
            match r.variant {
                Variant::Sups | Variant::Subs if !shaper.covers(&r.text, r.style, r.variant) => {
                    let rise = if r.variant == Variant::Sups { SUP_RISE } else { SUB_RISE };
                    out.push(Run { variant: Variant::Plain, scale: r.scale * SCRIPT_SCALE, rise, ..r });
                }
                Variant::SmallCaps => small_caps(r, shaper, &mut out, &mut faked),
                _ => out.push(r),
            }
        }
        p.runs = out;
        p.calls.iter_mut().for_each(|c| c.0 = moved[c.0]);
        let out_len = p.runs.len();
        let at = |r: usize| moved.get(r).copied().unwrap_or(out_len);
        for (range, _) in &mut p.refs {
            *range = at(range.start)..at(range.end);
        }
        if let Some(l) = &mut p.label {
            l.0 = moved[l.0];
        }
        p.images.iter_mut().for_each(|i| i.run = moved[i.run]);
    }
    faked
}

/// Splits a small-capitals run where its face lacks `smcp` for a lowercase letter: those
/// stretches become capitals at [`FAKE_SMALL_CAPS_SCALE`], the rest keeps the feature.
fn small_caps(r: Run, shaper: &Shaper, out: &mut Vec<Run>, faked: &mut Vec<char>) {
    let fake = |c: char| c.is_lowercase() && !shaper.has_variant(c, r.style, Variant::SmallCaps);
    if !r.text.chars().any(fake) {
        out.push(r);
        return;
    }
    let mut start = 0;
    let mut current: Option<bool> = None;
    let mut push = |from: usize, to: usize, is_fake: bool| {
        let text = r.text[from..to].to_string();
        out.push(if is_fake {
            Run {
                text,
                variant: Variant::FakeSmallCaps,
                scale: r.scale * FAKE_SMALL_CAPS_SCALE,
                lang: None,
                ..r.clone()
            }
        } else {
            Run { text, ..r.clone() }
        });
    };
    for (i, c) in r.text.char_indices() {
        // A space goes with the stretch it is in; a capital keeps its size.
        let kind = if c.is_whitespace() { None } else { Some(fake(c)) };
        if kind.is_some_and(|k| k) && !faked.contains(&c) {
            faked.push(c);
        }
        match (current, kind) {
            (Some(a), Some(b)) if a != b => {
                push(start, i, a);
                start = i;
                current = Some(b);
            }
            (None, Some(b)) => current = Some(b),
            _ => {}
        }
    }
    push(start, r.text.len(), current.unwrap_or(false));
}

#[cfg(test)]
mod tests;
