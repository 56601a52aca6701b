//! Images in the package: their bytes once per media key in `word/media/`, a relationship
//! from each part that shows them, and `w:drawing/wp:inline` runs sized in EMU.
//!
//! An image is as wide as its pixels at 96 dpi, or as the source asked (`Image::width`),
//! scaled down to the measure it stands in and to 90 % of the text's height. WebP, which
//! Word before Microsoft 365 cannot show, is converted to PNG (lossless, the first frame of
//! an animation); an image without sound bytes is a placeholder naming its file.

use super::package::{kinds, Rel};
use super::xml::Xml;
use super::{Ctx, Part};
use crate::model::{Extent, Image, Media, MediaKind};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// EMU (English Metric Units) in a twentieth of a point.
pub const EMU_PER_TWIP: u64 = 635;
/// EMU in a pixel at 96 dpi.
const EMU_PER_PX: u64 = 9525;
/// EMU in a point.
const EMU_PER_PT: f64 = 12700.0;
/// The text's width on the page (A4 less two one-inch margins), in twips.
pub const TEXT_WIDTH: u32 = 11906 - 2 * 1440;
/// The text's height on the page, in twips.
pub const TEXT_HEIGHT: u32 = 16838 - 2 * 1440;

/// The DrawingML namespaces of an inline picture.
pub const WP_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
/// DrawingML main.
pub const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
/// DrawingML pictures.
pub const PIC_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// An image part of the package.
#[derive(Debug)]
pub struct Stored<'a> {
    /// Its path under `word/` (`media/image1.png`).
    pub path: String,
    /// Its bytes.
    pub bytes: Cow<'a, [u8]>,
    /// Its pixel size.
    size: (u32, u32),
}

/// The images of the package and who shows them.
#[derive(Debug, Default)]
pub struct Images<'a> {
    /// The image parts, in the order first shown.
    pub stored: Vec<Stored<'a>>,
    /// Each media key met: its part, or `None` when it could not be stored.
    by_key: HashMap<String, Option<usize>>,
    /// The image relationships of the document, the footnotes and the endnotes.
    pub rels: [Vec<Rel>; 3],
    /// The last `wp:docPr` id given (ids must be unique in the document).
    last_id: u32,
    /// Images shown as a placeholder: their `src`.
    pub missing: Vec<String>,
    /// WebP media converted to PNG: their keys.
    pub converted: Vec<String>,
}

/// An image's bytes as embedded, their extension and pixel size.
type Loaded<'a> = (Cow<'a, [u8]>, &'static str, (u32, u32));

/// The bytes to embed for `media`, converted when WebP; `None` when they are missing or not
/// of their kind.
fn load(media: Option<&Media>) -> Option<Loaded<'_>> {
    let m = media?;
    if !crate::write::xhtml::images::sound(m.kind, &m.data) {
        return None;
    }
    match m.kind {
        MediaKind::Png => Some((Cow::Borrowed(&m.data), "png", (m.width, m.height))),
        MediaKind::Jpeg => Some((Cow::Borrowed(&m.data), "jpeg", (m.width, m.height))),
        MediaKind::Gif => Some((Cow::Borrowed(&m.data), "gif", (m.width, m.height))),
        MediaKind::Webp => webp_to_png(&m.data).map(|(png, w, h)| (Cow::Owned(png), "png", (w, h))),
    }
}

/// Decodes a WebP image (its first frame) and encodes it as PNG; `None` when it is damaged.
pub fn webp_to_png(data: &[u8]) -> Option<(Vec<u8>, u32, u32)> {
    let mut dec = image_webp::WebPDecoder::new(std::io::Cursor::new(data)).ok()?;
    let (w, h) = dec.dimensions();
    let mut buf = vec![0u8; dec.output_buffer_size()?];
    dec.read_image(&mut buf).ok()?;
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(if dec.has_alpha() { png::ColorType::Rgba } else { png::ColorType::Rgb });
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().ok()?;
    writer.write_image_data(&buf).ok()?;
    writer.finish().ok()?;
    Some((out, w, h))
}

impl<'a> Images<'a> {
    /// The part of media `key`, stored on first use; `None` when the document holds no
    /// sound bytes for it.
    fn part(&mut self, media: &'a BTreeMap<String, Media>, key: &str) -> Option<usize> {
        if let Some(found) = self.by_key.get(key) {
            return *found;
        }
        let m = media.get(key);
        let loaded = load(m);
        let index = loaded.map(|(bytes, ext, size)| {
            if m.is_some_and(|m| m.kind == MediaKind::Webp) {
                self.converted.push(key.to_string());
            }
            let path = format!("media/image{}.{ext}", self.stored.len() + 1);
            self.stored.push(Stored { path, bytes, size });
            self.stored.len() - 1
        });
        self.by_key.insert(key.to_string(), index);
        index
    }

    /// The relationship id of image part `index` from `part`, added on first use.
    fn rel(&mut self, part: Part, index: usize) -> String {
        let rels = &mut self.rels[part as usize];
        let target = &self.stored[index].path;
        if let Some(r) = rels.iter().find(|r| &r.target == target) {
            return r.id.clone();
        }
        let id = format!("rIdImg{}", rels.len() + 1);
        rels.push(Rel { id: id.clone(), kind: kinds::IMAGE, target: target.clone(), external: false });
        id
    }

    /// The content types the image parts need, by extension.
    pub fn extensions(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for s in &self.stored {
            let ext = match s.path.rsplit('.').next() {
                Some("png") => "png",
                Some("jpeg") => "jpeg",
                _ => "gif",
            };
            if !out.contains(&ext) {
                out.push(ext);
            }
        }
        out
    }
}

/// The size of an image in EMU: its pixels at 96 dpi or the width asked for, the height
/// following, scaled down to `measure` (twips) and to 90 % of the text's height.
pub fn extent(px: (u32, u32), asked: Option<Extent>, measure: u32) -> (u64, u64) {
    let (w, h) = (px.0.max(1) as f64, px.1.max(1) as f64);
    let measure_emu = measure.max(1) as f64 * EMU_PER_TWIP as f64;
    let mut cx = match asked {
        Some(Extent::Fraction(f)) => f * measure_emu,
        Some(Extent::Points(p)) => p * EMU_PER_PT,
        None => w * EMU_PER_PX as f64,
    };
    if !cx.is_finite() || cx <= 0.0 {
        cx = w * EMU_PER_PX as f64;
    }
    let mut cy = cx * h / w;
    let max_h = TEXT_HEIGHT as f64 * 0.9 * EMU_PER_TWIP as f64;
    let scale = (measure_emu / cx).min(max_h / cy).min(1.0);
    cx *= scale;
    cy *= scale;
    ((cx.round() as u64).max(1), (cy.round() as u64).max(1))
}

/// Writes `image` as an inline drawing run described by `alt` (a placeholder text run naming
/// its file when its bytes are missing); `measure` is the width it may take, in twips.
pub fn image(ctx: &mut Ctx, x: &mut Xml, image: &Image, alt: &str, measure: u32, rp: &super::inline::Rpr) {
    let media = ctx.media;
    let index = image.media.as_deref().and_then(|key| ctx.images.part(media, key));
    let Some(index) = index else {
        ctx.images.missing.push(image.src.clone());
        super::inline::text_run(x, rp, &format!("[{}]", image.src));
        return;
    };
    let rel = ctx.images.rel(ctx.part, index);
    ctx.images.last_id += 1;
    let id = ctx.images.last_id.to_string();
    let stored = &ctx.images.stored[index];
    let (cx, cy) = extent(stored.size, image.width, measure);
    let (cx, cy) = (cx.to_string(), cy.to_string());
    let file = stored.path.trim_start_matches("media/").to_string();
    x.open("w:r", &[]);
    x.open("w:drawing", &[]);
    x.open("wp:inline", &[("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")]);
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty("wp:effectExtent", &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")]);
    let name = format!("Picture {id}");
    if alt.is_empty() {
        x.empty("wp:docPr", &[("id", &id), ("name", &name)]);
    } else {
        x.empty("wp:docPr", &[("id", &id), ("name", &name), ("descr", alt)]);
    }
    x.open("wp:cNvGraphicFramePr", &[]);
    x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
    x.close();
    x.open("a:graphic", &[]);
    x.open("a:graphicData", &[("uri", PIC_NS)]);
    x.open("pic:pic", &[]);
    x.open("pic:nvPicPr", &[]);
    x.empty("pic:cNvPr", &[("id", "0"), ("name", &file)]);
    x.open("pic:cNvPicPr", &[]);
    x.empty("a:picLocks", &[("noChangeAspect", "1"), ("noChangeArrowheads", "1")]);
    x.close();
    x.close();
    x.open("pic:blipFill", &[]);
    x.empty("a:blip", &[("r:embed", &rel)]);
    x.open("a:stretch", &[]);
    x.empty("a:fillRect", &[]);
    x.close();
    x.close();
    x.open("pic:spPr", &[("bwMode", "auto")]);
    x.open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    x.close();
    x.open("a:prstGeom", &[("prst", "rect")]);
    x.empty("a:avLst", &[]);
    x.close();
    x.close();
    x.close(); // pic:pic
    x.close(); // a:graphicData
    x.close(); // a:graphic
    x.close(); // wp:inline
    x.close(); // w:drawing
    x.close(); // w:r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_are_96_dpi_and_wide_images_fit_the_measure() {
        assert_eq!(extent((96, 48), None, TEXT_WIDTH), (914_400, 457_200));
        let (cx, cy) = extent((20_000, 20_000), None, TEXT_WIDTH);
        assert_eq!(cx, u64::from(TEXT_WIDTH) * EMU_PER_TWIP);
        assert_eq!(cy, cx);
        // A tall image fits 90 % of the text's height.
        let (_, cy) = extent((100, 20_000), None, TEXT_WIDTH);
        assert_eq!(cy, (f64::from(TEXT_HEIGHT) * 0.9 * EMU_PER_TWIP as f64).round() as u64);
    }

    #[test]
    fn the_width_asked_for_is_kept_within_the_measure() {
        assert_eq!(extent((10, 5), Some(Extent::Points(72.0)), TEXT_WIDTH), (914_400, 457_200));
        let half = extent((10, 10), Some(Extent::Fraction(0.5)), 2000);
        assert_eq!(half, (635_000, 635_000));
        assert_eq!(extent((10, 10), Some(Extent::Points(10_000.0)), 2000).0, 1_270_000);
        // Degenerate sizes still give a drawable extent.
        assert!(extent((0, 0), Some(Extent::Points(f64::NAN)), 0).0 >= 1);
    }

    #[test]
    fn webp_is_converted_to_png_and_damage_refused() {
        // A 3×2 lossless WebP (VP8L) that Pillow wrote.
        let webp: &[u8] = &[
            82, 73, 70, 70, 30, 0, 0, 0, 87, 69, 66, 80, 86, 80, 56, 76, 17, 0, 0, 0, 47, 2, 64, 0, 0, 7, 80,
            133, 34, 87, 161, 255, 129, 136, 232, 127, 0, 0,
        ];
        let (png, w, h) = webp_to_png(webp).expect("a sound WebP");
        assert_eq!((w, h), (3, 2));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(webp_to_png(&webp[..20]).is_none());
        assert!(webp_to_png(b"not an image").is_none());
    }
}
