//! The adapter on `hayro-interpret` (pinned: its glyph API changed between 0.7 and 0.9): every
//! glyph a PDF paints, with its Unicode, its origin and advance in page space (points, y
//! growing down from the page top), its size (the text matrix × CTM, text rise included, so a
//! raised digit sits higher) and its font (name, bold, italic). Nothing else of hayro leaks
//! out of this module.
//!
//! Bounded: at most [`MAX_PAGES`] pages and [`MAX_GLYPHS`] glyphs, [`TIMEOUT`] in all; a
//! panic inside hayro on a broken PDF is caught and becomes an error.

use hayro_interpret::font::{Glyph as HayroGlyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, TransformExt,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// The most pages read (a longer PDF is refused, not cut).
pub const MAX_PAGES: usize = 5_000;
/// The most glyphs kept over the whole PDF (about 80 bytes each, so at most about 160 MB).
pub const MAX_GLYPHS: usize = 2_000_000;
/// The longest the glyph reader may take on one PDF.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// One painted glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Its Unicode (several characters for a ligature); U+FFFD when the PDF does not say.
    pub text: String,
    /// Origin, points from the page's left edge.
    pub x: f32,
    /// Baseline, points down from the page's top edge (text rise included).
    pub y: f32,
    /// Advance width in points (0 when the font does not say).
    pub advance: f32,
    /// Size in points (the em as painted).
    pub size: f32,
    /// Index into [`Glyphs::fonts`].
    pub font: u32,
}

/// A font as far as the PDF tells it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Font {
    /// PostScript name, subset prefix dropped (`LinLibertineO`), when the font program has one.
    pub name: Option<String>,
    /// Weight 600 or more, or `Bold` in the name.
    pub bold: bool,
    /// Italic or oblique.
    pub italic: bool,
}

/// One page: its size and its glyphs in painting order.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Upright glyphs in the order they were painted.
    pub glyphs: Vec<Glyph>,
}

/// Every page of a PDF and the fonts their glyphs refer to.
#[derive(Debug, Clone, Default)]
pub struct Glyphs {
    /// The pages in order.
    pub pages: Vec<Page>,
    /// The fonts, indexed by [`Glyph::font`].
    pub fonts: Vec<Font>,
    /// Glyphs not upright (rotated or vertical text), left out.
    pub skipped: usize,
}

/// Why the glyphs of a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlyphError {
    /// The file could not be parsed as a PDF.
    Invalid,
    /// The PDF is encrypted with a password.
    Encrypted,
    /// Over [`MAX_PAGES`] pages or [`MAX_GLYPHS`] glyphs.
    TooLarge(String),
    /// Reading took over [`TIMEOUT`].
    Timeout,
    /// The PDF paints no text (a scan without a text layer?).
    NoText,
    /// The interpreter failed (a panic inside it, caught).
    Failed,
}

impl std::fmt::Display for GlyphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GlyphError::Invalid => write!(f, "the file could not be parsed as a PDF"),
            GlyphError::Encrypted => write!(f, "the PDF is encrypted with a password"),
            GlyphError::TooLarge(why) => write!(f, "the PDF is too large to read: {why}"),
            GlyphError::Timeout => write!(f, "reading its glyphs took more than {} s", TIMEOUT.as_secs()),
            GlyphError::NoText => write!(f, "the PDF paints no text (a scan without a text layer?)"),
            GlyphError::Failed => write!(f, "the PDF interpreter failed on this file"),
        }
    }
}

/// Reads every glyph of the PDF in `bytes`, within [`TIMEOUT`] (on a thread of its own, so a
/// slow or panicking interpreter never takes the caller down).
pub fn read(bytes: Vec<u8>) -> Result<Glyphs, GlyphError> {
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let flag = Arc::clone(&stop);
    let spawned = std::thread::Builder::new().name("pdf-glyphs".into()).spawn(move || {
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_now(bytes, &flag)));
        let _ = tx.send(got.unwrap_or(Err(GlyphError::Failed)));
    });
    if spawned.is_err() {
        return Err(GlyphError::Failed);
    }
    match rx.recv_timeout(TIMEOUT) {
        Ok(got) => got,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            stop.store(true, Ordering::Relaxed);
            Err(GlyphError::Timeout)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(GlyphError::Failed),
    }
}

/// Reads the glyphs on this thread; `stop` ends the work between pages.
fn read_now(bytes: Vec<u8>, stop: &AtomicBool) -> Result<Glyphs, GlyphError> {
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        LoadPdfError::Decryption(_) => GlyphError::Encrypted,
        _ => GlyphError::Invalid,
    })?;
    let pages = pdf.pages();
    if pages.len() > MAX_PAGES {
        return Err(GlyphError::TooLarge(format!("{} pages, over {MAX_PAGES}", pages.len())));
    }
    let started = Instant::now();
    let cache = InterpreterCache::new();
    let mut out = Glyphs::default();
    let mut fonts: HashMap<u128, u32> = HashMap::new();
    let mut total = 0usize;
    for page in pages.iter() {
        if stop.load(Ordering::Relaxed) || started.elapsed() > TIMEOUT {
            return Err(GlyphError::Timeout);
        }
        let (width, height) = page.render_dimensions();
        let settings = InterpreterSettings::default();
        let mut context = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, width as f64, height as f64),
            &cache,
            pdf.xref(),
            settings,
        );
        let mut device = Collector {
            glyphs: Vec::new(),
            fonts: &mut fonts,
            font_list: &mut out.fonts,
            skipped: 0,
            room: MAX_GLYPHS - total,
            full: false,
        };
        interpret_page(page, &mut context, &mut device);
        if device.full {
            return Err(GlyphError::TooLarge(format!("over {MAX_GLYPHS} glyphs")));
        }
        total += device.glyphs.len();
        out.skipped += device.skipped;
        let glyphs = device.glyphs;
        out.pages.push(Page { width, height, glyphs });
    }
    if out.pages.iter().all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty() || g.text == "\u{FFFD}")) {
        return Err(GlyphError::NoText);
    }
    Ok(out)
}

/// The device hayro paints into: it keeps glyphs and ignores everything else.
struct Collector<'f> {
    glyphs: Vec<Glyph>,
    fonts: &'f mut HashMap<u128, u32>,
    font_list: &'f mut Vec<Font>,
    skipped: usize,
    room: usize,
    full: bool,
}

impl Collector<'_> {
    /// The index of the font of `glyph`, added to the table when new.
    fn font_of(&mut self, glyph: &HayroGlyph<'_>) -> u32 {
        let HayroGlyph::Outline(outline) = glyph else { return self.unknown_font() };
        let Some(data) = outline.font_data() else { return self.unknown_font() };
        if let Some(&i) = self.fonts.get(&data.cache_key) {
            return i;
        }
        let name = data.postscript_name.map(|n| strip_subset(&n).to_string());
        let named = |w: &str| name.as_deref().is_some_and(|n| n.contains(w));
        let font = Font {
            bold: data.weight.is_some_and(|w| w >= 600) || named("Bold") || named("Semibold"),
            italic: data.is_italic || named("Italic") || named("Oblique"),
            name,
        };
        let i = self.font_list.len() as u32;
        self.font_list.push(font);
        self.fonts.insert(data.cache_key, i);
        i
    }

    /// The entry for glyphs whose font program says nothing (Type 1, Type 3).
    fn unknown_font(&mut self) -> u32 {
        if let Some(&i) = self.fonts.get(&0) {
            return i;
        }
        let i = self.font_list.len() as u32;
        self.font_list.push(Font::default());
        self.fonts.insert(0, i);
        i
    }
}

/// `ABCDEF+LinLibertineO` → `LinLibertineO`.
fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// Size, origin and advance scale of a glyph painted with `m` (glyph space: 1000 units per em).
fn placement(m: Affine) -> Option<(f32, Point, f64)> {
    let [a, b, c, d, _, _] = m.as_coeffs();
    // Upright text only (y grows down, so an upright glyph's y axis is flipped): no
    // rotation, no mirroring.
    if a <= 0.0 || d >= 0.0 || b.abs() > 0.05 * a || c.abs() > 0.05 * -d {
        return None;
    }
    let size = (c.hypot(d) * 1000.0) as f32;
    Some((size, m * Point::ZERO, a.hypot(b)))
}

impl<'a> Device<'a> for Collector<'_> {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        // Fill-and-stroke text is painted twice: keep the fill.
        if matches!(mode, DrawMode::Stroke(_)) && !self.glyphs.is_empty() {
            let first = run.glyphs().first().map(|g| props.transform * g.transform());
            if let (Some(m), Some(last)) = (first, self.glyphs.last()) {
                if placement(m).is_some_and(|(_, o, _)| (o.x as f32 - last.x).abs() < 0.01) {
                    return;
                }
            }
        }
        for g in run.glyphs() {
            let m = props.transform * g.transform();
            let Some((size, origin, scale)) = placement(m) else {
                self.skipped += 1;
                continue;
            };
            if self.glyphs.len() >= self.room {
                self.full = true;
                return;
            }
            let text = match g.as_unicode() {
                Some(BfString::Char(c)) => c.to_string(),
                Some(BfString::String(s)) => s,
                None => "\u{FFFD}".to_string(),
            };
            let advance = match &**g {
                HayroGlyph::Outline(o) => o.advance_width(),
                HayroGlyph::Type3(t) => t.advance_width(),
            };
            let font = self.font_of(g);
            self.glyphs.push(Glyph {
                text,
                x: origin.x as f32,
                y: origin.y as f32,
                advance: (advance.unwrap_or(0.0) as f64 * scale) as f32,
                size,
                font,
            });
        }
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_tags_are_dropped() {
        assert_eq!(strip_subset("ABCDEF+LinLibertineO"), "LinLibertineO");
        assert_eq!(strip_subset("Times+Roman"), "Times+Roman");
        assert_eq!(strip_subset("Helvetica"), "Helvetica");
    }

    #[test]
    fn placement_reads_size_and_origin_and_refuses_rotation() {
        // 10 pt text at (72, 700) in a y-down page: glyph space is 1/1000 em.
        let m = Affine::new([0.01, 0.0, 0.0, -0.01, 72.0, 700.0]);
        let (size, origin, scale) = placement(m).unwrap();
        assert!((size - 10.0).abs() < 1e-4);
        assert_eq!((origin.x, origin.y), (72.0, 700.0));
        assert!((scale - 0.01).abs() < 1e-9);
        assert!(placement(Affine::new([0.0, 0.01, -0.01, 0.0, 0.0, 0.0])).is_none());
    }

    #[test]
    fn not_a_pdf_is_invalid_and_never_a_panic() {
        assert_eq!(read(b"%PDF-1.7\nnot really a PDF\n".to_vec()).unwrap_err(), GlyphError::Invalid);
        assert!(read(Vec::new()).is_err());
    }
}
