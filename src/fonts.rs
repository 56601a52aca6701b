//! Fonts shared by the EPUB and the PDF: Libertinus Serif from the `typst-assets` crate, or
//! the user's fonts from `DIR/fonts/`, plus fallback faces for what they lack: Noto Naskh
//! Arabic (OFL 1.1, kept in `assets/fonts/` with its licence and source) for the Arabic
//! script, which no Libertinus face has (Libertinus has Hebrew), and DejaVu Sans Mono for
//! symbols.
//!
//! Libertinus Serif Bold Italic has no `ə` and no face of Libertinus has `↩`
//! (EPUB-PDF-NOTES.md §2.5): [`FontSet::resolve`] finds, for every character of a document
//! and the style it is set in, the first face that has it, so the writers can embed and
//! declare that face and report the substitution.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// The four styles text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// Upright, normal weight.
    Regular,
    /// Italic (emphasis).
    Italic,
    /// Bold (strong emphasis).
    Bold,
    /// Bold italic.
    BoldItalic,
}

impl Style {
    /// Every style.
    pub const ALL: [Style; 4] = [Style::Regular, Style::Italic, Style::Bold, Style::BoldItalic];

    /// The styles in the order a face is taken to stand in for this one: itself first, then
    /// the same slant, then the same weight.
    pub fn nearest(self) -> [Style; 4] {
        match self {
            Style::Regular => [Style::Regular, Style::Bold, Style::Italic, Style::BoldItalic],
            Style::Italic => [Style::Italic, Style::Regular, Style::BoldItalic, Style::Bold],
            Style::Bold => [Style::Bold, Style::Regular, Style::BoldItalic, Style::Italic],
            Style::BoldItalic => [Style::BoldItalic, Style::Italic, Style::Bold, Style::Regular],
        }
    }

    /// This style with italic added (emphasis inside bold gives bold italic).
    pub fn italic(self) -> Style {
        if matches!(self, Style::Bold | Style::BoldItalic) {
            Style::BoldItalic
        } else {
            Style::Italic
        }
    }

    /// This style with bold added (strong emphasis inside italic gives bold italic).
    pub fn bold(self) -> Style {
        if matches!(self, Style::Italic | Style::BoldItalic) {
            Style::BoldItalic
        } else {
            Style::Bold
        }
    }

    /// CSS `font-style` and `font-weight`.
    pub fn css(self) -> (&'static str, &'static str) {
        match self {
            Style::Regular => ("normal", "normal"),
            Style::Italic => ("italic", "normal"),
            Style::Bold => ("normal", "bold"),
            Style::BoldItalic => ("italic", "bold"),
        }
    }
}

/// One font file.
#[derive(Debug, Clone)]
pub struct Face {
    /// Family name from the font's name table (`Libertinus Serif`).
    pub family: String,
    /// Full name (`Libertinus Serif Bold Italic`).
    pub full_name: String,
    /// The style it sets.
    pub style: Style,
    /// File name inside the e-book (`LibertinusSerif-BoldItalic.otf`).
    pub file: String,
    /// `font/otf` or `font/ttf`.
    pub media_type: &'static str,
    /// The font program.
    pub data: std::borrow::Cow<'static, [u8]>,
    /// The font as the shaper reads it, made on first use and shared by every thread.
    shaping: Shaping,
}

/// A [`Face`]'s font for the shaper: made once per face, because harfrust keeps its
/// prepared lookup tables with the font, and every thread's shaper then starts warm.
#[derive(Default)]
struct Shaping(std::sync::OnceLock<Option<harfrust::Font>>);

impl Clone for Shaping {
    fn clone(&self) -> Self {
        Shaping(self.0.get().cloned().map(std::sync::OnceLock::from).unwrap_or_default())
    }
}

impl std::fmt::Debug for Shaping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() { "Shaping(ready)" } else { "Shaping" })
    }
}

impl Face {
    fn parse(data: std::borrow::Cow<'static, [u8]>, file: String) -> Option<Face> {
        let f = ttf_parser::Face::parse(&data, 0).ok()?;
        let name = |id: u16| f.names().into_iter().filter(|n| n.name_id == id).find_map(|n| n.to_string());
        let family =
            name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY).or_else(|| name(ttf_parser::name_id::FAMILY))?;
        let full_name = name(ttf_parser::name_id::FULL_NAME).unwrap_or_else(|| family.clone());
        let style = match (f.is_bold() || f.weight().to_number() >= 700, f.is_italic() || f.is_oblique()) {
            (false, false) => Style::Regular,
            (false, true) => Style::Italic,
            (true, false) => Style::Bold,
            (true, true) => Style::BoldItalic,
        };
        let media_type = if data.starts_with(b"OTTO") { "font/otf" } else { "font/ttf" };
        Some(Face { family, full_name, style, file, media_type, data, shaping: Shaping::default() })
    }

    /// The font as harfrust shapes it, read from `data` on first use (`None` when harfrust
    /// cannot read it).
    pub fn shaping(&self) -> Option<&harfrust::Font> {
        self.shaping
            .0
            .get_or_init(|| match &self.data {
                std::borrow::Cow::Borrowed(b) => harfrust::Font::new(*b, 0),
                std::borrow::Cow::Owned(v) => harfrust::Font::new(v.clone(), 0),
            })
            .as_ref()
    }

    /// Returns true when the font maps `c` to a glyph (asked of the font read once for
    /// shaping, not of the file parsed again for every character).
    pub fn has(&self, c: char) -> bool {
        self.shaping().is_some_and(|f| f.charmap().map_unicode(c).is_some())
    }
}

/// The faces of a document: the main family in four styles, then fallbacks in order.
#[derive(Debug, Clone)]
pub struct FontSet {
    /// The main family, one face per style it has.
    pub main: Vec<Face>,
    /// Faces tried after the main one of a style, in order.
    pub fallbacks: Vec<Face>,
}

/// For one document: which faces set which characters, and what had to fall back.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Indexes into [`FontSet::all`] of the faces used, in order.
    pub used: Vec<usize>,
    /// Characters set by a face other than the style's own: (char, style, face full name).
    pub substituted: Vec<(char, Style, String)>,
    /// Characters no face has.
    pub missing: Vec<(char, Style)>,
    /// The characters each face used sets (by index into [`FontSet::all`]; spaces and
    /// controls left out).
    pub by_face: BTreeMap<usize, std::collections::BTreeSet<char>>,
}

/// Noto Naskh Arabic 2.004, Regular and Bold (OFL 1.1; `assets/fonts/README.md` says where
/// they come from): the Arabic script, Persian and Ottoman letters included.
const NASKH: [(&str, &[u8]); 2] = [
    ("NotoNaskhArabic-Regular.ttf", include_bytes!("../assets/fonts/NotoNaskhArabic-Regular.ttf")),
    ("NotoNaskhArabic-Bold.ttf", include_bytes!("../assets/fonts/NotoNaskhArabic-Bold.ttf")),
];

impl FontSet {
    /// Libertinus Serif (OFL 1.1) in four styles, with Libertinus Italic for what Bold
    /// Italic lacks, Noto Naskh Arabic (Regular, Bold) for the Arabic script and DejaVu Sans
    /// Mono for arrows Libertinus lacks.
    pub fn builtin() -> Self {
        let names = [
            "LibertinusSerif-Regular.otf",
            "LibertinusSerif-Bold.otf",
            "LibertinusSerif-Italic.otf",
            "LibertinusSerif-BoldItalic.otf",
        ];
        let fonts: Vec<&'static [u8]> = typst_assets::fonts().collect();
        let mut main = Vec::new();
        for (i, file) in names.iter().enumerate() {
            if let Some(f) =
                fonts.get(i).and_then(|d| Face::parse(std::borrow::Cow::Borrowed(d), (*file).into()))
            {
                main.push(f);
            }
        }
        // Arabic before DejaVu Sans Mono, which has some Arabic letters, in a monospace design.
        let mut fallbacks: Vec<Face> = NASKH
            .iter()
            .filter_map(|(file, data)| Face::parse(std::borrow::Cow::Borrowed(*data), (*file).into()))
            .collect();
        // DejaVu Sans Mono (upright) is the last of typst-assets' fonts; look from the end.
        fallbacks.extend(
            fonts
                .iter()
                .rev()
                .filter_map(|d| Face::parse(std::borrow::Cow::Borrowed(d), "DejaVuSansMono.ttf".into()))
                .find(|f| f.full_name == "DejaVu Sans Mono"),
        );
        FontSet { main, fallbacks }
    }

    /// Loads the `.otf`/`.ttf` files of `dir`: the first file (by name) of each style is the
    /// main family; every other file is a fallback, tried in name order before the built-in
    /// faces (a CJK or emoji font added for the characters the main family lacks).
    pub fn load(dir: &Path) -> Result<Self> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|source| Error::Io { path: dir.to_path_buf(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e.eq_ignore_ascii_case("otf") || e.eq_ignore_ascii_case("ttf"))
            })
            .collect();
        files.sort();
        let mut main: Vec<Face> = Vec::new();
        let mut extra: Vec<Face> = Vec::new();
        for p in files {
            let data = std::fs::read(&p).map_err(|source| Error::Io { path: p.clone(), source })?;
            let file = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let face = Face::parse(std::borrow::Cow::Owned(data), file).ok_or_else(|| {
                Error::input(&p, 0, 0, "not a font colophon can read (OpenType or TrueType)")
            })?;
            if main.iter().any(|f| f.style == face.style) {
                extra.push(face);
            } else {
                main.push(face);
            }
        }
        if !main.iter().any(|f| f.style == Style::Regular) {
            return Err(Error::input(
                dir,
                0,
                0,
                "the fonts folder needs at least an upright, normal-weight face",
            ));
        }
        let mut set = Self::builtin();
        set.fallbacks = extra.into_iter().chain(set.main.drain(..)).chain(set.fallbacks).collect();
        set.main = main;
        Ok(set)
    }

    /// Every face, main first.
    pub fn all(&self) -> Vec<&Face> {
        self.main.iter().chain(&self.fallbacks).collect()
    }

    /// The order in which faces are tried for `style`: its own face, the main family's other
    /// faces from the nearest style, then the fallbacks (see [`FontSet::fallback_order`]).
    fn order(&self, style: Style) -> Vec<usize> {
        let mut out: Vec<usize> =
            style.nearest().iter().filter_map(|s| self.main.iter().position(|f| f.style == *s)).collect();
        out.extend(self.fallback_order(style));
        out
    }

    /// The fallbacks (indexes into [`FontSet::all`]) in the order they are tried for `style`:
    /// family by family as listed, and within a family the face of the nearest style first
    /// (bold Arabic text in Noto Naskh Arabic Bold, italic in its Regular).
    pub fn fallback_order(&self, style: Style) -> Vec<usize> {
        let near = style.nearest();
        let rank = |f: &Face| near.iter().position(|s| *s == f.style).unwrap_or(near.len());
        let mut families: Vec<&str> = Vec::new();
        for f in &self.fallbacks {
            if !families.contains(&f.family.as_str()) {
                families.push(&f.family);
            }
        }
        let mut out = Vec::with_capacity(self.fallbacks.len());
        for family in families {
            let mut faces: Vec<usize> =
                (0..self.fallbacks.len()).filter(|&i| self.fallbacks[i].family == family).collect();
            faces.sort_by_key(|&i| rank(&self.fallbacks[i]));
            out.extend(faces.into_iter().map(|i| self.main.len() + i));
        }
        out
    }

    /// Finds a face for every character of `chars` (by style).
    pub fn resolve(&self, chars: &BTreeMap<Style, std::collections::BTreeSet<char>>) -> Resolution {
        let all = self.all();
        let mut r = Resolution::default();
        let mut used = std::collections::BTreeSet::new();
        for (style, set) in chars {
            let order = self.order(*style);
            if let Some(&first) = order.first() {
                used.insert(first);
            }
            for &c in set {
                if c.is_whitespace() || c.is_control() {
                    continue;
                }
                match order.iter().find(|&&i| all[i].has(c)) {
                    Some(&i) => {
                        used.insert(i);
                        r.by_face.entry(i).or_default().insert(c);
                        if Some(&i) != order.first() {
                            r.substituted.push((c, *style, all[i].full_name.clone()));
                        }
                    }
                    None => r.missing.push((c, *style)),
                }
            }
        }
        r.used = used.into_iter().collect();
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_fonts_are_libertinus_in_four_styles() {
        let f = FontSet::builtin();
        let styles: Vec<Style> = f.main.iter().map(|x| x.style).collect();
        assert_eq!(styles, [Style::Regular, Style::Bold, Style::Italic, Style::BoldItalic]);
        assert!(f.main.iter().all(|x| x.family == "Libertinus Serif" && x.media_type == "font/otf"));
        let fallbacks: Vec<&str> = f.fallbacks.iter().map(|x| x.full_name.as_str()).collect();
        assert_eq!(fallbacks, ["Noto Naskh Arabic Regular", "Noto Naskh Arabic Bold", "DejaVu Sans Mono"]);
    }

    #[test]
    fn arabic_script_comes_from_noto_naskh_in_the_nearest_weight_and_hebrew_from_libertinus() {
        let f = FontSet::builtin();
        let mut chars = BTreeMap::new();
        // Arabic with the Persian and Ottoman letters, Persian digits and the Arabic comma.
        let arabic: std::collections::BTreeSet<char> = "تاريخ عثمانى پچژگ ڭ ۱۳۸۰،".chars().collect();
        chars.insert(Style::Regular, arabic.clone());
        chars.insert(Style::Bold, arabic.clone());
        chars.insert(Style::Italic, arabic);
        chars.insert(Style::BoldItalic, "ספר הזכרונות".chars().collect());
        let r = f.resolve(&chars);
        assert!(r.missing.is_empty(), "{r:?}");
        let face =
            |c: char, s: Style| r.substituted.iter().find(|x| x.0 == c && x.1 == s).map(|x| x.2.as_str());
        assert_eq!(face('پ', Style::Regular), Some("Noto Naskh Arabic Regular"));
        assert_eq!(face('پ', Style::Bold), Some("Noto Naskh Arabic Bold"));
        assert_eq!(face('ڭ', Style::Italic), Some("Noto Naskh Arabic Regular"));
        assert!(!r.substituted.iter().any(|x| x.2 == "DejaVu Sans Mono"), "{r:?}");
        // Libertinus has Hebrew (Bold Italic falls back within the family).
        assert!(r.substituted.iter().filter(|x| x.0 == 'ס').all(|x| x.2.starts_with("Libertinus")), "{r:?}");
    }

    #[test]
    fn each_face_is_read_for_shaping_once_and_clones_share_it() {
        let f = FontSet::builtin();
        for face in f.main.iter().chain(&f.fallbacks) {
            let a = face.shaping().expect("harfrust reads every built-in face");
            assert!(std::ptr::eq(a, face.shaping().unwrap()), "{}: read again", face.full_name);
            assert_eq!(a.units_per_em(), face.clone().shaping().unwrap().units_per_em());
        }
        let mut broken = f.main[0].clone();
        broken.data = std::borrow::Cow::Owned(b"not a font".to_vec());
        broken.shaping = Shaping::default();
        assert!(broken.shaping().is_none());
    }

    #[test]
    fn bold_italic_schwa_falls_back_to_italic_and_the_arrow_to_dejavu() {
        let f = FontSet::builtin();
        let mut chars = BTreeMap::new();
        chars.insert(Style::BoldItalic, ['Z', 'ə'].into_iter().collect());
        chars.insert(Style::Regular, ['ф', '↩'].into_iter().collect());
        let r = f.resolve(&chars);
        assert!(r.missing.is_empty());
        assert!(r.substituted.contains(&('ə', Style::BoldItalic, "Libertinus Serif Italic".into())), "{r:?}");
        assert!(r.substituted.contains(&('↩', Style::Regular, "DejaVu Sans Mono".into())), "{r:?}");
    }
}
