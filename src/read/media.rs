//! Loading the images a document shows: resolved beside the input, recognised by their
//! bytes (never by their name), checked whole, and refused with a reason when a reader of
//! any output format could not show them.

use crate::model::{Media, MediaKind};
use std::path::{Path, PathBuf};

/// The largest image file read (64 MiB): a scanned facsimile page is a few MiB.
pub const MAX_BYTES: u64 = 64 << 20;

/// The most pixels an image may have (64 million, about 8000 × 8000): enough for a map
/// scanned at 600 dpi, and small enough that every output can decode it in memory.
pub const MAX_PIXELS: u64 = 64_000_000;

/// Why an image could not be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaError {
    /// No file at the resolved path.
    Missing(PathBuf),
    /// The file exists but could not be read.
    Unreadable(PathBuf, String),
    /// The source points to the network, which colophon never reaches while converting.
    Remote(String),
    /// The file is larger than [`MAX_BYTES`].
    TooLarge(u64),
    /// The image has more pixels than [`MAX_PIXELS`].
    TooManyPixels(u32, u32),
    /// A known image format that not every output can carry (TIFF, SVG, BMP…).
    Unsupported(&'static str),
    /// The bytes are not an image at all.
    NotAnImage,
    /// A PNG, JPEG, GIF or WebP cut short or damaged: what is wrong.
    Damaged(MediaKind, &'static str),
}

impl std::fmt::Display for MediaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MediaError::Missing(p) => write!(f, "no image file at {}", p.display()),
            MediaError::Unreadable(p, e) => write!(f, "cannot read the image {}: {e}", p.display()),
            MediaError::Remote(url) => write!(
                f,
                "the image {url} is on the network, which colophon never reaches; download it and point to the file"
            ),
            MediaError::TooLarge(n) => write!(
                f,
                "the image file has {n} bytes, more than the {} MiB colophon reads; reduce it",
                MAX_BYTES >> 20
            ),
            MediaError::TooManyPixels(w, h) => write!(
                f,
                "the image is {w} × {h} pixels, more than the {} million colophon keeps; scale it down",
                MAX_PIXELS / 1_000_000
            ),
            MediaError::Unsupported(what) => write!(
                f,
                "{what} images are not kept (EPUB readers and PDF/A need PNG, JPEG, GIF or WebP); convert it to PNG or JPEG"
            ),
            MediaError::NotAnImage => f.write_str("the file is not a PNG, JPEG, GIF or WebP image"),
            MediaError::Damaged(kind, what) => {
                write!(f, "the {} image is damaged: {what}", kind.media_type().trim_start_matches("image/").to_uppercase())
            }
        }
    }
}

impl MediaError {
    /// The diagnostic code a reader reports this with (the figure is kept, its image shown
    /// as a placeholder naming the file).
    pub fn code(&self) -> &'static str {
        match self {
            MediaError::Missing(_) => "image-missing",
            MediaError::Unreadable(..) => "image-unreadable",
            MediaError::Remote(_) => "image-remote",
            MediaError::TooLarge(_) | MediaError::TooManyPixels(..) => "image-too-large",
            MediaError::Unsupported(_) => "image-format",
            MediaError::NotAnImage => "image-not-an-image",
            MediaError::Damaged(..) => "image-damaged",
        }
    }
}

/// The diagnostic code of a misnamed image (kept as what it holds).
pub const MISNAMED: &str = "image-misnamed";

/// An image loaded and checked, with a note when its file name says another format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The image.
    pub media: Media,
    /// `the file is named .png but holds a JPEG image`, when so.
    pub misnamed: Option<String>,
}

/// Loads the image that `src` (a path or `file:` URL as the source wrote it, `%20`
/// escapes allowed) names, relative to `base` (the input's folder).
pub fn load(base: &Path, src: &str) -> Result<Checked, MediaError> {
    let lower = src.trim().to_ascii_lowercase();
    if ["http:", "https:", "ftp:", "data:"].iter().any(|p| lower.starts_with(p)) {
        return Err(MediaError::Remote(src.to_string()));
    }
    let path_text = src.trim().strip_prefix("file://").unwrap_or(src.trim());
    let path = base.join(percent_decoded(path_text));
    let meta = std::fs::metadata(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => MediaError::Missing(path.clone()),
        _ => MediaError::Unreadable(path.clone(), e.to_string()),
    })?;
    if !meta.is_file() {
        return Err(MediaError::Unreadable(path, "it is not a file".into()));
    }
    if meta.len() > MAX_BYTES {
        return Err(MediaError::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(&path).map_err(|e| MediaError::Unreadable(path.clone(), e.to_string()))?;
    check_named(bytes, src)
}

/// Checks `bytes` as an image the source called `name` (for the misnamed note).
pub fn check_named(bytes: Vec<u8>, name: &str) -> Result<Checked, MediaError> {
    let media = check(bytes)?;
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let named = match ext.as_str() {
        "png" => Some(MediaKind::Png),
        "jpg" | "jpeg" | "jpe" => Some(MediaKind::Jpeg),
        "gif" => Some(MediaKind::Gif),
        "webp" => Some(MediaKind::Webp),
        _ => None,
    };
    let misnamed = named.filter(|&k| k != media.kind).map(|_| {
        format!(
            "the file is named .{ext} but holds a {} image; it is kept as what it holds",
            media.kind.extension()
        )
    });
    Ok(Checked { media, misnamed })
}

/// Recognises `bytes` as a PNG, JPEG, GIF or WebP image, checks that it is whole, and
/// reads its size in pixels.
pub fn check(bytes: Vec<u8>) -> Result<Media, MediaError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(MediaError::TooLarge(bytes.len() as u64));
    }
    let kind = sniff(&bytes)?;
    match kind {
        MediaKind::Png => check_png(&bytes)?,
        MediaKind::Jpeg => check_jpeg(&bytes)?,
        MediaKind::Gif => check_gif(&bytes)?,
        MediaKind::Webp => check_webp(&bytes)?,
    }
    let size =
        imagesize::blob_size(&bytes).map_err(|_| MediaError::Damaged(kind, "its size cannot be read"))?;
    let (width, height) =
        (u32::try_from(size.width).unwrap_or(u32::MAX), u32::try_from(size.height).unwrap_or(u32::MAX));
    if width == 0 || height == 0 {
        return Err(MediaError::Damaged(kind, "it has no pixels"));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::TooManyPixels(width, height));
    }
    Ok(Media { kind, width, height, data: bytes })
}

/// The image format of `bytes` by their signature.
fn sniff(b: &[u8]) -> Result<MediaKind, MediaError> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(MediaKind::Png)
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(MediaKind::Jpeg)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Ok(MediaKind::Gif)
    } else if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        Ok(MediaKind::Webp)
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        Err(MediaError::Unsupported("TIFF"))
    } else if b.starts_with(b"BM") && b.len() > 14 {
        Err(MediaError::Unsupported("BMP"))
    } else if b.len() >= 12
        && &b[4..8] == b"ftyp"
        && [b"avif", b"heic", b"heix", b"mif1"].contains(&&b[8..12].try_into().unwrap_or([0u8; 4]))
    {
        Err(MediaError::Unsupported("AVIF/HEIC"))
    } else if looks_like_svg(b) {
        Err(MediaError::Unsupported("SVG"))
    } else if b.starts_with(b"%PDF") {
        Err(MediaError::Unsupported("PDF"))
    } else {
        Err(MediaError::NotAnImage)
    }
}

fn looks_like_svg(b: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&b[..b.len().min(1024)]).to_ascii_lowercase();
    head.trim_start().starts_with('<') && head.contains("<svg")
}

/// A PNG's chunks run whole from the signature to `IEND`, `IHDR` first.
fn check_png(b: &[u8]) -> Result<(), MediaError> {
    let damaged = |what| Err(MediaError::Damaged(MediaKind::Png, what));
    let mut at = 8;
    let mut first = true;
    loop {
        let Some(head) = b.get(at..at + 8) else { return damaged("it ends before its last chunk") };
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let name = &head[4..8];
        if first && name != b"IHDR" {
            return damaged("it does not begin with a header chunk");
        }
        first = false;
        let end = at.checked_add(12).and_then(|n| n.checked_add(len));
        match end {
            Some(end) if end <= b.len() => at = end,
            _ => return damaged("it is cut short"),
        }
        if name == b"IEND" {
            return Ok(());
        }
    }
}

/// A JPEG has a frame header and ends with its end-of-image marker (trailing bytes after it,
/// which some cameras write, are tolerated).
fn check_jpeg(b: &[u8]) -> Result<(), MediaError> {
    let damaged = |what| Err(MediaError::Damaged(MediaKind::Jpeg, what));
    let has_frame = b
        .windows(2)
        .any(|w| w[0] == 0xFF && matches!(w[1], 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF));
    if !has_frame {
        return damaged("it has no frame header");
    }
    let tail = &b[b.len().saturating_sub(4096)..];
    if !tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return damaged("it is cut short (no end-of-image marker)");
    }
    Ok(())
}

/// A GIF ends with its trailer byte.
fn check_gif(b: &[u8]) -> Result<(), MediaError> {
    if b.len() < 14 || !b[b.len().saturating_sub(16)..].contains(&0x3B) {
        return Err(MediaError::Damaged(MediaKind::Gif, "it is cut short (no trailer)"));
    }
    Ok(())
}

/// A WebP's RIFF length covers the file.
fn check_webp(b: &[u8]) -> Result<(), MediaError> {
    let len = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
    if len.saturating_add(8) > b.len() {
        return Err(MediaError::Damaged(MediaKind::Webp, "it is cut short"));
    }
    Ok(())
}

/// `%20` and the other percent escapes of a relative URL, decoded (invalid ones kept).
fn percent_decoded(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// A tiny valid image of each kind, for tests of readers and writers.
#[cfg(test)]
pub(crate) mod samples {
    /// A 1 × 1 red PNG.
    pub const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00,
        0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01,
        0x01, 0x00, 0xC9, 0xFE, 0x92, 0xEF, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
        0x82,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_is_recognised_and_measured() {
        let m = check(samples::PNG.to_vec()).unwrap();
        assert_eq!((m.kind, m.width, m.height), (MediaKind::Png, 1, 1));
    }

    #[test]
    fn a_truncated_png_is_damaged() {
        for cut in [10, 30, samples::PNG.len() - 5] {
            let err = check(samples::PNG[..cut].to_vec()).unwrap_err();
            assert!(matches!(err, MediaError::Damaged(MediaKind::Png, _)), "{cut}: {err}");
        }
    }

    #[test]
    fn a_huge_png_is_refused_from_its_header_alone() {
        let mut png = samples::PNG.to_vec();
        png[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        assert_eq!(check(png).unwrap_err(), MediaError::TooManyPixels(20_000, 20_000));
    }

    #[test]
    fn a_jpeg_without_its_end_is_damaged() {
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xC0,
            0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
        ];
        let err = check(jpeg.to_vec()).unwrap_err();
        assert!(err.to_string().contains("end-of-image"), "{err}");
    }

    #[test]
    fn other_formats_are_named_and_refused() {
        assert_eq!(check(b"II*\0rest".to_vec()).unwrap_err(), MediaError::Unsupported("TIFF"));
        assert_eq!(
            check(b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>".to_vec()).unwrap_err(),
            MediaError::Unsupported("SVG")
        );
        assert_eq!(check(b"hello".to_vec()).unwrap_err(), MediaError::NotAnImage);
        assert_eq!(check(Vec::new()).unwrap_err(), MediaError::NotAnImage);
    }

    #[test]
    fn a_misnamed_image_is_kept_with_a_note() {
        let c = check_named(samples::PNG.to_vec(), "scan.JPG").unwrap();
        assert_eq!(c.media.kind, MediaKind::Png);
        assert!(c.misnamed.unwrap().contains(".jpg but holds a png"));
        assert!(check_named(samples::PNG.to_vec(), "scan.png").unwrap().misnamed.is_none());
    }

    #[test]
    fn files_are_resolved_beside_the_input_and_the_network_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("my maps")).unwrap();
        std::fs::write(dir.path().join("my maps/a.png"), samples::PNG).unwrap();
        assert!(load(dir.path(), "my%20maps/a.png").is_ok());
        assert!(load(dir.path(), "my maps/a.png").is_ok());
        assert!(matches!(load(dir.path(), "nope.png"), Err(MediaError::Missing(_))));
        assert!(matches!(load(dir.path(), "my maps"), Err(MediaError::Unreadable(..))));
        assert!(matches!(load(dir.path(), "https://example.org/a.png"), Err(MediaError::Remote(_))));
    }

    #[test]
    fn the_media_fixtures_are_kept_or_refused_as_they_deserve() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media");
        let map = load(&dir, "map.png").unwrap();
        assert_eq!((map.media.kind, map.media.width, map.media.height), (MediaKind::Png, 800, 500));
        let fac = load(&dir, "facsimile.jpg").unwrap();
        assert_eq!((fac.media.kind, fac.media.width, fac.media.height), (MediaKind::Jpeg, 600, 820));
        assert!(load(&dir, "jpeg-named.png").unwrap().misnamed.is_some());
        let err = |name: &str| load(&dir, name).unwrap_err().to_string();
        assert!(err("truncated.png").contains("cut short"), "{}", err("truncated.png"));
        assert!(err("truncated.jpg").contains("end-of-image"), "{}", err("truncated.jpg"));
        assert!(err("huge.png").contains("20000 × 20000"), "{}", err("huge.png"));
        assert!(err("scan.tif").contains("TIFF"));
        assert!(err("not-an-image.png").contains("not a PNG"));
    }
}
