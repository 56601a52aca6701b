//! The media of a document: the bytes of its images, kept once, by key.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// An image file the document shows, as loaded and checked by its reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// The kind of image.
    pub kind: MediaKind,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The file's bytes (Base64 in the JSON form).
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    pub data: Vec<u8>,
}

/// The image formats a document may hold: those every output format can carry (EPUB 3's
/// core media types, which PDF can embed too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF (its first frame in print).
    Gif,
    /// WebP.
    Webp,
}

impl MediaKind {
    /// The IANA media type (`image/png`).
    pub fn media_type(self) -> &'static str {
        match self {
            MediaKind::Png => "image/png",
            MediaKind::Jpeg => "image/jpeg",
            MediaKind::Gif => "image/gif",
            MediaKind::Webp => "image/webp",
        }
    }

    /// The usual file extension, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            MediaKind::Png => "png",
            MediaKind::Jpeg => "jpg",
            MediaKind::Gif => "gif",
            MediaKind::Webp => "webp",
        }
    }
}

fn to_base64<S: Serializer>(data: &[u8], s: S) -> Result<S::Ok, S::Error> {
    use base64::Engine;
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(data))
}

fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    use base64::Engine;
    let text = String::deserialize(d)?;
    base64::engine::general_purpose::STANDARD.decode(text.as_bytes()).map_err(serde::de::Error::custom)
}

/// Makes a media key from the name the source gave an image (`maps/Kars 1878.PNG`): its
/// file stem in safe ASCII letters, digits, `-` and `_` (at most 40), then the kind's
/// extension (`Kars-1878.png`); `image` when nothing of the name is left.
pub fn media_key(name: &str, kind: MediaKind) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut key = String::new();
    for c in deunicode::deunicode(stem).chars() {
        if key.len() >= 40 {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let key = key.trim_end_matches('-');
    let key = if key.is_empty() { "image" } else { key };
    format!("{key}.{}", kind.extension())
}

/// Keeps `media` in `store` under a key made from `name` (see [`media_key`]) and returns
/// the key: the key of the same bytes when they are kept already, else a key no other
/// media has, letter case aside (`map.png`, `map-2.png`).
pub fn add_media(store: &mut BTreeMap<String, Media>, name: &str, media: Media) -> String {
    if let Some((key, _)) = store.iter().find(|(_, m)| m.data == media.data) {
        return key.clone();
    }
    let first = media_key(name, media.kind);
    let (stem, ext) = first.rsplit_once('.').unwrap_or((&first, ""));
    let key = (1..)
        .map(|n| if n == 1 { first.clone() } else { format!("{stem}-{n}.{ext}") })
        .find(|k| !store.keys().any(|have| have.eq_ignore_ascii_case(k)))
        .unwrap_or(first.clone());
    store.insert(key.clone(), media);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_round_trips_through_json_as_base64() {
        let m = Media { kind: MediaKind::Png, width: 2, height: 1, data: vec![0, 1, 2, 255] };
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains(r#""data":"AAEC/w==""#), "{json}");
        assert_eq!(serde_json::from_str::<Media>(&json).unwrap(), m);
        let bad = json.replace("AAEC/w==", "not base64!");
        assert!(serde_json::from_str::<Media>(&bad).is_err());
    }

    #[test]
    fn keys_are_safe_file_names() {
        assert_eq!(media_key("maps/Kars 1878.PNG", MediaKind::Png), "Kars-1878.png");
        assert_eq!(media_key(r"C:\scans\Карта_1.jpeg", MediaKind::Jpeg), "Karta_1.jpg");
        assert_eq!(media_key("../../", MediaKind::Gif), "image.gif");
        assert_eq!(media_key("日本", MediaKind::Webp), "Ri-Ben.webp");
    }
}
