//! The images an e-book carries: each media of the document that an image shows, once, as
//! `images/<name>`, its name's extension that of its kind (EPUBCheck PKG-022 warns on a
//! mismatch) and its bytes checked to be of that kind (a package whose image is not what its
//! manifest says fails EPUBCheck, OPF-029), whatever the JSON a document came from said.

use crate::model::{media_key, Media, MediaKind};
use std::collections::{BTreeMap, HashMap};

/// The folder of the package the images stand in (beside the article).
pub const FOLDER: &str = "images";

/// What the writer knows of one media of the document.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// Its address from the article (`images/map.png`).
    href: String,
    kind: MediaKind,
    width: u32,
    height: u32,
    /// Whether its bytes begin as its kind's do.
    sound: bool,
}

/// An image the article shows, for the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    /// Its key in the document's media.
    pub key: String,
    /// Its address from the article, and its path under the package folder.
    pub href: String,
    /// Its media type (`image/png`).
    pub media_type: &'static str,
}

/// How an image is shown: its address and size, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The package carries it: its address, width and height in pixels.
    Packed { href: String, width: u32, height: u32 },
    /// The image had no bytes in the source (the reader reported why).
    NoMedia,
    /// The key names no media of the document.
    UnknownKey,
    /// Its bytes are not of the kind the document says.
    Damaged(MediaKind),
}

/// The media of a document as the article uses them.
#[derive(Debug, Default)]
pub struct Images {
    entries: HashMap<String, Entry>,
    /// The keys shown, in the order first shown.
    used: Vec<String>,
}

/// Whether `data` begins with the signature of `kind`.
pub fn sound(kind: MediaKind, data: &[u8]) -> bool {
    match kind {
        MediaKind::Png => data.starts_with(b"\x89PNG\r\n\x1a\n"),
        MediaKind::Jpeg => data.starts_with(&[0xFF, 0xD8, 0xFF]),
        MediaKind::Gif => data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a"),
        MediaKind::Webp => data.len() >= 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP",
    }
}

impl Images {
    /// Names every media of `media` (a safe, unique file name whose extension is its kind's).
    pub fn new(media: &BTreeMap<String, Media>) -> Self {
        let mut taken: Vec<String> = Vec::new();
        let mut entries = HashMap::new();
        for (key, m) in media {
            let first = media_key(key, m.kind);
            let (stem, ext) = first.rsplit_once('.').unwrap_or((&first, ""));
            let name = (1..)
                .map(|n| if n == 1 { first.clone() } else { format!("{stem}-{n}.{ext}") })
                .find(|k| !taken.iter().any(|t| t.eq_ignore_ascii_case(k)))
                .unwrap_or_else(|| first.clone());
            taken.push(name.clone());
            let entry = Entry {
                href: format!("{FOLDER}/{name}"),
                kind: m.kind,
                width: m.width,
                height: m.height,
                sound: sound(m.kind, &m.data),
            };
            entries.insert(key.clone(), entry);
        }
        Images { entries, used: Vec::new() }
    }

    /// How the image of `key` is shown; a shown image is recorded for the package.
    pub fn show(&mut self, key: Option<&str>) -> Shown {
        let Some(key) = key else { return Shown::NoMedia };
        let Some(e) = self.entries.get(key) else { return Shown::UnknownKey };
        if !e.sound {
            return Shown::Damaged(e.kind);
        }
        if !self.used.iter().any(|k| k == key) {
            self.used.push(key.to_string());
        }
        Shown::Packed { href: e.href.clone(), width: e.width, height: e.height }
    }

    /// The images shown, each once, in the order first shown.
    pub fn packed(&self) -> Vec<Packed> {
        self.used
            .iter()
            .filter_map(|k| {
                let e = self.entries.get(k)?;
                Some(Packed { key: k.clone(), href: e.href.clone(), media_type: e.kind.media_type() })
            })
            .collect()
    }

    /// The keys of the media no image showed, sorted.
    pub fn unused(&self) -> Vec<&str> {
        let mut v: Vec<&str> =
            self.entries.keys().filter(|k| !self.used.contains(k)).map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(byte: u8) -> Media {
        let mut data = b"\x89PNG\r\n\x1a\n".to_vec();
        data.push(byte);
        Media { kind: MediaKind::Png, width: 4, height: 3, data }
    }

    #[test]
    fn names_are_safe_unique_and_end_as_their_kind() {
        // Named in the order of their keys (`MAP.jpeg` before `map.png`), case ignored.
        let mut media = BTreeMap::new();
        media.insert("map.png".to_string(), png(1));
        media.insert("MAP.jpeg".to_string(), png(2));
        media.insert("../../etc/passwd".to_string(), png(3));
        let jpeg = Media { kind: MediaKind::Jpeg, width: 1, height: 1, data: vec![0xFF, 0xD8, 0xFF, 0xE0] };
        media.insert("photo.jpeg".to_string(), jpeg);
        let mut images = Images::new(&media);
        for key in ["map.png", "MAP.jpeg", "../../etc/passwd", "photo.jpeg", "map.png"] {
            assert!(matches!(images.show(Some(key)), Shown::Packed { .. }), "{key}");
        }
        let packed: Vec<(String, &str)> =
            images.packed().into_iter().map(|p| (p.href, p.media_type)).collect();
        assert_eq!(
            packed,
            [
                ("images/map-2.png".to_string(), "image/png"),
                ("images/MAP.png".to_string(), "image/png"),
                ("images/passwd.png".to_string(), "image/png"),
                ("images/photo.jpg".to_string(), "image/jpeg"),
            ]
        );
        assert!(images.unused().is_empty());
    }

    #[test]
    fn bytes_not_of_their_kind_and_unknown_keys_are_not_packed() {
        let mut media = BTreeMap::new();
        media.insert(
            "fake.png".to_string(),
            Media { kind: MediaKind::Png, width: 1, height: 1, data: b"GIF89a".to_vec() },
        );
        media.insert("spare.png".to_string(), png(0));
        let mut images = Images::new(&media);
        assert_eq!(images.show(Some("fake.png")), Shown::Damaged(MediaKind::Png));
        assert_eq!(images.show(Some("nowhere.png")), Shown::UnknownKey);
        assert_eq!(images.show(None), Shown::NoMedia);
        assert!(images.packed().is_empty());
        assert_eq!(images.unused(), ["fake.png", "spare.png"]);
    }

    #[test]
    fn signatures_of_every_kind() {
        assert!(sound(MediaKind::Gif, b"GIF87a..."));
        assert!(sound(MediaKind::Webp, b"RIFF\x10\0\0\0WEBPVP8 "));
        assert!(!sound(MediaKind::Webp, b"RIFF"));
        assert!(!sound(MediaKind::Jpeg, b""));
    }
}
