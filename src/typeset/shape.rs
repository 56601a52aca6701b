//! Text widths from the fonts themselves: harfrust shapes each piece (kerning, standard
//! ligatures, Arabic joining) in the face of its style, falling back face by face for missing
//! characters, exactly as the PDF back end will draw it. A piece is shaped in the direction
//! its script guesses, or in the one the bidirectional algorithm gave it (see
//! [`Shaper::pieces_directed`]); right-to-left glyphs come in visual order, each keeping the
//! bytes of the text it shows.

use super::paragraph::{Measure, Variant};
use super::Pt;
use crate::fonts::{Face, FontSet, Style};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// A face ready for shaping (borrowing the face's [`harfrust::Font`]).
type ShaperFont<'a> = harfrust::ShaperFont<'a, 'static>;

/// Shapes text in the faces of a [`FontSet`]; widths are cached per face and text.
pub struct Shaper<'a> {
    /// The set's faces (main first), each prepared for shaping by this thread when first
    /// needed (the font itself is read once per face: see [`Face::shaping`]).
    faces: Vec<(&'a Face, std::cell::OnceCell<Option<ShaperFont<'a>>>)>,
    /// Per style (in [`Style::ALL`] order): the index of the main face of that style.
    own: [Option<usize>; 4],
    /// Per style: the main faces in order, then the fallbacks in [`FontSet::fallback_order`].
    order: [Vec<usize>; 4],
    /// Shaped text per face and text: words repeat, and shaping is the costly part. (One map
    /// per face, so that a lookup borrows the text instead of copying it.)
    cache: RefCell<Vec<FxHashMap<String, Shaped>>>,
    /// Shaped text whose direction the bidirectional algorithm set (rare: only paragraphs
    /// with right-to-left text), per face, direction (true: right to left) and text.
    directed: RefCell<FxHashMap<(usize, bool, String), Shaped>>,
    /// Shape plans per (face, script, direction): building one costs more than shaping.
    plans: RefCell<FxHashMap<PlanKey, Rc<harfrust::ShapePlan>>>,
    /// The buffer every piece is shaped in (cleared, not reallocated, between pieces).
    buffer: RefCell<harfrust::Buffer>,
    /// Per style: the widths of a space and of a hyphen in ems, asked for at every word.
    marks: std::cell::Cell<[Option<(f64, f64)>; 4]>,
    /// The monospaced face (DejaVu Sans Mono), which sets code.
    mono: Option<usize>,
    /// Text shaped with an OpenType feature (superscripts, small capitals), per face,
    /// variant, direction and text (rare, kept apart from the plain cache).
    featured: RefCell<FxHashMap<FeaturedKey, Shaped>>,
}

/// Face, variant, direction (when the bidirectional algorithm set it) and text.
type FeaturedKey = (usize, Variant, Option<bool>, String);

type PlanKey = (usize, Option<harfrust::Script>, harfrust::Direction, Option<[u8; 4]>);

/// Shaped glyphs, shared from the cache (and sent with the placed text to the PDF writer).
pub type Shaped = Arc<Vec<ShapedGlyph>>;

/// One shaped glyph, in ems of its face.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the face.
    pub id: u32,
    /// Advance width.
    pub advance: f32,
    /// Horizontal offset.
    pub x_offset: f32,
    /// Vertical offset.
    pub y_offset: f32,
    /// The bytes of the text the glyph shows.
    pub range: std::ops::Range<usize>,
}

/// A piece of text that one face sets: the face, the text, its width and its glyphs.
#[derive(Debug, Clone)]
pub struct ShapedPiece {
    /// Index of the face.
    pub face: usize,
    /// The text.
    pub text: String,
    /// Its advance width.
    pub width: Pt,
    /// Its glyphs.
    pub glyphs: Shaped,
}

/// A [`Shaper`] at one type size: what paragraphs are measured with.
pub struct Sized<'s, 'a> {
    shaper: &'s Shaper<'a>,
    /// The type size in points.
    pub size: f64,
}

impl<'a> Shaper<'a> {
    /// Prepares the faces of `set` for shaping.
    pub fn new(set: &'a FontSet) -> Self {
        let faces: Vec<(&Face, std::cell::OnceCell<_>)> =
            set.main.iter().chain(&set.fallbacks).map(|f| (f, std::cell::OnceCell::new())).collect();
        let own = Style::ALL.map(|style| {
            faces.iter().position(|(f, _)| f.style == style && set.main.iter().any(|m| std::ptr::eq(m, *f)))
        });
        let order = Style::ALL.map(|style| (0..set.main.len()).chain(set.fallback_order(style)).collect());
        // Empty until used: most faces set a few words or none, and room reserved for an
        // article's vocabulary in every face of every thread's shaper was megabytes of fresh
        // memory for the kernel to zero (a map that grows rehashes far less than that).
        let cache = RefCell::new(vec![FxHashMap::default(); faces.len()]);
        let marks = std::cell::Cell::new([None; 4]);
        let buffer = RefCell::new(harfrust::Buffer::new());
        let mono = faces.iter().position(|(f, _)| f.full_name == "DejaVu Sans Mono");
        Shaper {
            mono,
            featured: RefCell::new(FxHashMap::default()),
            faces,
            own,
            order,
            cache,
            directed: RefCell::new(FxHashMap::default()),
            plans: RefCell::new(FxHashMap::default()),
            buffer,
            marks,
        }
    }

    /// This shaper at `size` points.
    pub fn at(&self, size: f64) -> Sized<'_, 'a> {
        Sized { shaper: self, size }
    }

    /// The index (into the set's faces, main first) of the face that sets `c` in `style`: its
    /// own face, else the first main face, else the first fallback (nearest style first) that
    /// has it.
    pub fn face_for(&self, c: char, style: Style) -> usize {
        let own = self.own[style as usize];
        if let Some(i) = own.filter(|&i| self.has(i, c)) {
            return i;
        }
        self.order[style as usize].iter().copied().find(|&i| self.has(i, c)).unwrap_or(own.unwrap_or(0))
    }

    /// True when the main face of `style` itself has `c` (no fallback).
    pub fn own_has(&self, c: char, style: Style) -> bool {
        self.own[style as usize].is_some_and(|i| self.has(i, c))
    }

    /// [`face_for`](Self::face_for) in `variant`: code in the monospaced face where it has
    /// the character.
    pub fn face_for_as(&self, c: char, style: Style, variant: Variant) -> usize {
        match self.mono {
            Some(m) if variant == Variant::Mono && self.has(m, c) => m,
            _ => self.face_for(c, style),
        }
    }

    /// True when the face that sets `c` in `style` has a glyph of `variant` for it (a small
    /// capital, a superscript) other than its plain one.
    pub fn has_variant(&self, c: char, style: Style, variant: Variant) -> bool {
        let face = self.face_for(c, style);
        let mut buf = [0u8; 4];
        let text: &str = c.encode_utf8(&mut buf);
        let plain = self.glyphs_in(face, text, None, Variant::Plain);
        let other = self.glyphs_in(face, text, None, variant);
        plain.len() == other.len() && plain.iter().zip(other.iter()).all(|(a, b)| a.id != b.id)
    }

    /// True when every character of `text` but its spaces has a glyph of `variant` (see
    /// [`has_variant`](Self::has_variant)).
    pub fn covers(&self, text: &str, style: Style, variant: Variant) -> bool {
        text.chars().filter(|c| !c.is_whitespace()).all(|c| self.has_variant(c, style, variant))
    }

    /// Returns true when face `i` has a glyph for `c`.
    fn has(&self, i: usize, c: char) -> bool {
        self.font(i).is_some_and(|f| f.nominal_glyph(u32::from(c)).is_some())
    }

    /// Splits `text` into byte ranges that one face sets, with the face. The common case, a
    /// text that the style's own face sets whole, is answered from the shaping cache (no
    /// glyph is `.notdef`) without looking up each character.
    fn segments(&self, text: &str, style: Style, v: Variant) -> Vec<(usize, std::ops::Range<usize>)> {
        match self.whole(text, style, None, v) {
            Some((own, _)) => vec![(own, 0..text.len())],
            None => self.segments_by_char(text, style, v),
        }
    }

    /// [`segments`](Self::segments) found character by character (the own face lacks one).
    /// A joiner or an Arabic or Hebrew mark stays in the face of the letter before it when
    /// that face has it, so that a word is shaped whole (its letters join, its vowel signs sit
    /// on their letters) even though the main face has the joiner too.
    fn segments_by_char(&self, text: &str, style: Style, v: Variant) -> Vec<(usize, std::ops::Range<usize>)> {
        let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(2);
        for (i, c) in text.char_indices() {
            let f = match out.last() {
                Some((lf, _)) if clings(c) && self.has(*lf, c) => *lf,
                _ => self.face_for_as(c, style, v),
            };
            match out.last_mut() {
                Some((lf, r)) if *lf == f => r.end = i + c.len_utf8(),
                _ => out.push((f, i..i + c.len_utf8())),
            }
        }
        out
    }

    /// `text` as the own face of `style` shapes it (in the direction `rtl` when given), when
    /// that face has every character (the common case): the face and the glyphs.
    fn whole(&self, text: &str, style: Style, rtl: Option<bool>, v: Variant) -> Option<(usize, Shaped)> {
        let own = if v == Variant::Mono { self.mono? } else { self.own[style as usize]? };
        let glyphs = self.glyphs_in(own, text, rtl, v);
        glyphs.iter().all(|g| g.id != 0).then_some((own, glyphs))
    }

    /// The width of `text` at `size`, set face by face.
    pub fn width(&self, text: &str, style: Style, size: f64) -> Pt {
        self.width_as(text, style, size, Variant::Plain)
    }

    /// [`width`](Self::width) in the glyphs of `variant`.
    pub fn width_as(&self, text: &str, style: Style, size: f64, v: Variant) -> Pt {
        self.segments(text, style, v).into_iter().map(|(f, r)| self.shape_width(f, &text[r], size, v)).sum()
    }

    /// The widths of a space and of a hyphen in `style`, in ems.
    fn marks(&self, style: Style) -> (f64, f64) {
        let mut all = self.marks.get();
        if let Some(m) = all[style as usize] {
            return m;
        }
        let m = (self.width(" ", style, 1.0).0, self.width("-", style, 1.0).0);
        all[style as usize] = Some(m);
        self.marks.set(all);
        m
    }

    /// Face `i` prepared for shaping (`None` when harfrust cannot read it).
    fn font(&self, i: usize) -> Option<&ShaperFont<'a>> {
        let (face, font) = self.faces.get(i)?;
        font.get_or_init(|| face.shaping().map(harfrust::ShaperFont::new)).as_ref()
    }

    /// The faces used, for the writer.
    pub fn face(&self, i: usize) -> &'a Face {
        self.faces[i].0
    }

    /// Splits `text` into pieces that one face sets, with their widths at `size` and glyphs.
    pub fn pieces(&self, text: &str, style: Style, size: f64) -> Vec<ShapedPiece> {
        self.pieces_as(text, style, size, None, Variant::Plain)
    }

    /// [`pieces`](Self::pieces) shaped right to left (`rtl`) or left to right whatever the
    /// script: the direction the bidirectional algorithm resolved (Persian digits inside
    /// Persian text run left to right; a parenthesis in Arabic text is mirrored). The pieces
    /// stay in logical order; the glyphs of each come in visual order.
    pub fn pieces_directed(&self, text: &str, style: Style, size: f64, rtl: bool) -> Vec<ShapedPiece> {
        self.pieces_as(text, style, size, Some(rtl), Variant::Plain)
    }

    /// [`pieces`](Self::pieces) in the glyphs of `v` (the monospaced face, small capitals,
    /// superscripts), shaped in the direction `rtl` when given.
    pub fn pieces_as(
        &self,
        text: &str,
        style: Style,
        size: f64,
        rtl: Option<bool>,
        v: Variant,
    ) -> Vec<ShapedPiece> {
        let piece = |face: usize, text: &str, glyphs: Shaped| {
            let ems: f32 = glyphs.iter().map(|g| g.advance).sum();
            ShapedPiece { face, text: text.to_string(), width: Pt(f64::from(ems) * size), glyphs }
        };
        if let Some((own, glyphs)) = self.whole(text, style, rtl, v) {
            return vec![piece(own, text, glyphs)];
        }
        self.segments_by_char(text, style, v)
            .into_iter()
            .map(|(face, r)| piece(face, &text[r.clone()], self.visible(face, &text[r], rtl, v)))
            .collect()
    }

    /// `text` shaped in `face` with every `.notdef` glyph (a character no face has) replaced
    /// by the face's replacement character, `�`, `□` or `?`, whichever it has first: the
    /// reader sees that something is missing, a PDF/A validator finds no `.notdef`, and the
    /// glyph keeps its text, so copying and searching still give the original character.
    fn visible(&self, face: usize, text: &str, rtl: Option<bool>, v: Variant) -> Shaped {
        let glyphs = self.glyphs_in(face, text, rtl, v);
        if glyphs.iter().all(|g| g.id != 0) {
            return glyphs;
        }
        let stand_in = ["\u{FFFD}", "\u{25A1}", "?"]
            .into_iter()
            .find_map(|c| self.glyphs(face, c).first().filter(|g| g.id != 0).cloned());
        let Some(stand_in) = stand_in else { return glyphs };
        let out = glyphs
            .iter()
            .map(|g| match g.id {
                0 => ShapedGlyph { range: g.range.clone(), ..stand_in.clone() },
                _ => g.clone(),
            })
            .collect();
        Arc::new(out)
    }

    /// The glyph of a space in `face`, standing for the byte at `at` of some text.
    pub fn space_glyph(&self, face: usize, at: usize) -> ShapedGlyph {
        let g = self.glyphs(face, " ");
        let mut space = g.first().cloned().unwrap_or(ShapedGlyph {
            id: 0,
            advance: 0.25,
            x_offset: 0.0,
            y_offset: 0.0,
            range: 0..1,
        });
        space.range = at..at + 1;
        space
    }

    /// Shapes `text` in face `face`: for each glyph its id, advance, x and y offsets (in ems)
    /// and the byte range of the text it shows.
    pub fn glyphs(&self, face: usize, text: &str) -> Shaped {
        self.glyphs_in(face, text, None, Variant::Plain)
    }

    /// [`glyphs`](Self::glyphs), in the direction `rtl` when given, else in the one the
    /// text's script guesses.
    fn glyphs_in(&self, face: usize, text: &str, rtl: Option<bool>, v: Variant) -> Shaped {
        let feature: Option<[u8; 4]> = match v {
            Variant::Plain | Variant::Mono | Variant::Break => None,
            Variant::Sups => Some(*b"sups"),
            Variant::Subs => Some(*b"subs"),
            Variant::SmallCaps => Some(*b"smcp"),
            Variant::FakeSmallCaps => {
                // Capitals in place of each letter whose capital takes as many bytes (so that
                // every glyph still shows its own bytes of `text`), shaped plainly.
                let upper: String = text
                    .chars()
                    .map(|c| {
                        let mut u = c.to_uppercase();
                        match (u.next(), u.next()) {
                            (Some(up), None) if up.len_utf8() == c.len_utf8() => up,
                            _ => c,
                        }
                    })
                    .collect();
                return self.glyphs_in(face, &upper, rtl, Variant::Plain);
            }
        };
        if let Some(tag) = feature {
            let key = (face, v, rtl, text.to_string());
            if let Some(g) = self.featured.borrow().get(&key) {
                return g.clone();
            }
            let g = self.shape(face, text, rtl, Some(tag));
            self.featured.borrow_mut().insert(key, g.clone());
            return g;
        }
        let cached = match rtl {
            None => self.cache.borrow()[face].get(text).cloned(),
            Some(rtl) => self.directed.borrow().get(&(face, rtl, text.to_string())).cloned(),
        };
        if let Some(g) = cached {
            return g;
        }
        let out = self.shape(face, text, rtl, None);
        match rtl {
            None => self.cache.borrow_mut()[face].insert(text.to_string(), out.clone()),
            Some(rtl) => self.directed.borrow_mut().insert((face, rtl, text.to_string()), out.clone()),
        };
        out
    }

    /// Shapes `text` in `face` (uncached), with the OpenType feature `feature` on when given.
    fn shape(&self, face: usize, text: &str, rtl: Option<bool>, feature: Option<[u8; 4]>) -> Shaped {
        let Some(font) = self.font(face) else { return Arc::default() };
        let upem = f32::from(font.units_per_em());
        let mut buf = self.buffer.borrow_mut();
        buf.clear();
        buf.push_str(text);
        buf.guess_segment_properties();
        // In text the bidirectional algorithm directs, a joiner (ZWNJ in Persian words) leaves
        // no glyph of its own: its bytes go with a neighbouring letter. Drawn as the hidden
        // space glyph, it was read back as a space that split the word (poppler); drawn as
        // the face's own zero-width glyph, poppler broke the line there.
        buf.set_flags(match rtl {
            Some(_) => harfrust::BufferFlags::REMOVE_DEFAULT_IGNORABLES,
            None => harfrust::BufferFlags::empty(),
        });
        if let Some(rtl) = rtl {
            buf.set_direction(if rtl {
                harfrust::Direction::RightToLeft
            } else {
                harfrust::Direction::LeftToRight
            });
        }
        let (script, direction) = (buf.script(), buf.direction());
        let plan = self
            .plans
            .borrow_mut()
            .entry((face, script, direction, feature))
            .or_insert_with(|| {
                let features: Vec<harfrust::Feature> =
                    feature.iter().map(|t| harfrust::Feature::new(harfrust::Tag::new(t), 1, ..)).collect();
                Rc::new(harfrust::ShapePlan::new(font, direction, script, buf.language(), &features))
            })
            .clone();
        // Shaping fails only on a buffer already shaped or a plan made for another direction
        // or script: this buffer was just filled, and the plan is keyed by its own.
        harfrust::shape(font, &mut buf, harfrust::ShapeOptions::new().plan(Some(&plan)))
            .expect("a fresh buffer and a plan for its own direction and script");
        let infos = buf.glyph_infos();
        // A glyph shows the bytes from its cluster to the next cluster in logical order: the
        // next glyph's in left-to-right text, the previous one's in right-to-left text, whose
        // glyphs come in visual order.
        let mut starts: Vec<usize> = infos.iter().map(|n| n.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut out: Vec<ShapedGlyph> = Vec::with_capacity(infos.len());
        for (info, pos) in infos.iter().zip(buf.glyph_positions()) {
            let start = info.cluster as usize;
            let end = starts.get(starts.partition_point(|&c| c <= start)).copied().unwrap_or(text.len());
            out.push(ShapedGlyph {
                id: info.glyph_id,
                advance: pos.x_advance as f32 / upem,
                x_offset: pos.x_offset as f32 / upem,
                y_offset: pos.y_offset as f32 / upem,
                range: start..end.max(start),
            });
        }
        drop(buf);
        Arc::new(out)
    }

    fn shape_width(&self, face: usize, text: &str, size: f64, v: Variant) -> Pt {
        let ems: f32 = self.visible(face, text, None, v).iter().map(|g| g.advance).sum();
        Pt(f64::from(ems) * size)
    }
}

/// True for a character that belongs with the letter before it whatever face sets it: the
/// joiners (ZWJ, ZWNJ) and the marks of the Arabic and Hebrew scripts.
fn clings(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{0591}'..='\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

impl<'s, 'a> Sized<'s, 'a> {
    /// Splits `text` into pieces that one face sets, with their widths and glyphs.
    pub fn pieces(&self, text: &str, style: Style) -> Vec<ShapedPiece> {
        self.shaper.pieces(text, style, self.size)
    }

    /// [`pieces`](Self::pieces) shaped in a given direction (see [`Shaper::pieces_directed`]).
    pub fn pieces_directed(&self, text: &str, style: Style, rtl: bool) -> Vec<ShapedPiece> {
        self.shaper.pieces_directed(text, style, self.size, rtl)
    }

    /// [`pieces`](Self::pieces) in the glyphs of `variant`, in the direction `rtl` when given.
    pub fn pieces_as(&self, text: &str, style: Style, rtl: Option<bool>, v: Variant) -> Vec<ShapedPiece> {
        self.shaper.pieces_as(text, style, self.size, rtl, v)
    }

    /// The index of the face that sets `c` in `style`.
    pub fn face_for(&self, c: char, style: Style) -> usize {
        self.shaper.face_for(c, style)
    }

    /// The same shaper at another size.
    pub fn at(&self, size: f64) -> Sized<'s, 'a> {
        Sized { shaper: self.shaper, size }
    }
}

impl Measure for Sized<'_, '_> {
    fn width(&self, text: &str, style: Style) -> Pt {
        self.shaper.width(text, style, self.size)
    }

    fn widths(&self, word: &str, cuts: &[usize], style: Style) -> Vec<Pt> {
        self.widths_as(word, cuts, style, Variant::Plain)
    }

    fn widths_as(&self, word: &str, cuts: &[usize], style: Style, v: Variant) -> Vec<Pt> {
        // Shaped once, when one face sets the whole word and every cut falls between glyphs
        // (not inside a ligature). A kern across a cut stays with the piece before it: at a
        // line break that moves the hyphen by a fraction of a point, which nobody sees.
        let single = self.shaper.whole(word, style, None, v).or_else(|| {
            match self.shaper.segments_by_char(word, style, v)[..] {
                [(face, _)] => Some((face, self.shaper.visible(face, word, None, v))),
                _ => None,
            }
        });
        if let Some((_, glyphs)) = single {
            let splittable = |c: usize| glyphs.iter().any(|g| g.range.start == c);
            if cuts.iter().all(|&c| splittable(c)) {
                let mut out = vec![Pt::ZERO; cuts.len() + 1];
                for g in glyphs.iter() {
                    let piece = cuts.partition_point(|&c| c <= g.range.start);
                    out[piece] += Pt(f64::from(g.advance) * self.size);
                }
                return out;
            }
        }
        if v != Variant::Plain {
            let mut last = 0;
            return cuts
                .iter()
                .chain(std::iter::once(&word.len()))
                .map(|&c| {
                    let w = self.shaper.width_as(&word[last..c], style, self.size, v);
                    last = c;
                    w
                })
                .collect();
        }
        super::paragraph::piece_widths(self, word, cuts, style)
    }

    fn space(&self, style: Style) -> (Pt, Pt, Pt) {
        let w = Pt(self.shaper.marks(style).0 * self.size);
        (w, w * 0.5, w * (1.0 / 3.0))
    }

    fn hyphen(&self, style: Style) -> Pt {
        Pt(self.shaper.marks(style).1 * self.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_hyphens_are_remembered_per_style_and_scale_with_the_size() {
        let set = FontSet::builtin();
        let shaper = Shaper::new(&set);
        for style in Style::ALL {
            for size in [10.0, 7.5] {
                let s = shaper.at(size);
                for _ in 0..2 {
                    let (space, stretch, shrink) = s.space(style);
                    assert!((space.0 - s.width(" ", style).0).abs() < 1e-9, "{style:?} {size}");
                    assert!((stretch.0 - space.0 * 0.5).abs() < 1e-9 && shrink < stretch);
                    assert!((s.hyphen(style).0 - s.width("-", style).0).abs() < 1e-9, "{style:?} {size}");
                }
            }
        }
    }

    #[test]
    fn widths_come_from_the_font_and_fall_back_per_character() {
        let set = FontSet::builtin();
        let shaper = Shaper::new(&set);
        let s = shaper.at(10.0);
        let w = s.width("Zangezur", Style::Regular);
        assert!(w.0 > 30.0 && w.0 < 50.0, "{w:?}");
        assert!(
            s.width("AV", Style::Regular).0 < s.width("A", Style::Regular).0 + s.width("V", Style::Regular).0,
            "kerning"
        );
        let p = s.pieces("Zəngəzur", Style::BoldItalic);
        assert!(
            p.len() > 1,
            "ə comes from another face: {:?}",
            p.iter().map(|x| (x.face, x.text.clone())).collect::<Vec<_>>()
        );
        assert_eq!(shaper.face(s.face_for('↩', Style::Regular)).full_name, "DejaVu Sans Mono");
    }

    #[test]
    fn a_character_no_face_has_is_set_as_a_visible_stand_in_that_keeps_its_text() {
        let set = FontSet::builtin();
        let shaper = Shaper::new(&set);
        let s = shaper.at(10.0);
        let text = "a标😀b";
        let pieces = s.pieces(text, Style::Regular);
        let glyphs: Vec<&ShapedGlyph> = pieces.iter().flat_map(|p| p.glyphs.iter()).collect();
        assert!(glyphs.iter().all(|g| g.id != 0 && g.advance > 0.0), "{glyphs:?}");
        let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.concat(), text);
        let missing = pieces.iter().find(|p| p.text.contains('标')).expect("a piece holds 标");
        assert!(missing.glyphs.iter().any(|g| &missing.text[g.range.clone()] == "标"));
        assert!(s.width(text, Style::Regular).0 > s.width("ab", Style::Regular).0);
    }

    #[test]
    fn arabic_is_shaped_right_to_left_in_naskh_with_its_letters_joined() {
        let set = FontSet::builtin();
        let shaper = Shaper::new(&set);
        let s = shaper.at(10.0);
        let word = "تاريخ";
        let pieces = s.pieces(word, Style::Regular);
        assert_eq!(pieces.len(), 1, "one face sets the word whole");
        assert_eq!(shaper.face(pieces[0].face).full_name, "Noto Naskh Arabic Regular");
        let glyphs = &pieces[0].glyphs;
        // Visual order: the last letter first; every glyph shows its own letter.
        let shown: Vec<&str> = glyphs.iter().map(|g| &word[g.range.clone()]).collect();
        assert_eq!(shown, ["خ", "ي", "ر", "ا", "ت"]);
        // Joined: ت at the start of a word is not the ت standing alone.
        let alone = shaper.glyphs(pieces[0].face, "ت");
        assert_ne!(glyphs.last().map(|g| g.id), alone.first().map(|g| g.id), "ت takes its initial form");
        // Bold Arabic comes from Noto Naskh Arabic Bold.
        let bold = s.pieces(word, Style::Bold);
        assert_eq!(shaper.face(bold[0].face).full_name, "Noto Naskh Arabic Bold");
    }

    #[test]
    fn the_bidi_direction_wins_over_the_script_and_a_joiner_stays_in_its_word() {
        let set = FontSet::builtin();
        let shaper = Shaper::new(&set);
        let s = shaper.at(10.0);
        // Persian digits (Arabic script) inside Persian text run left to right.
        let year = "۱۳۸۰";
        let ltr = s.pieces_directed(year, Style::Regular, false);
        let shown: Vec<&str> = ltr[0].glyphs.iter().map(|g| &year[g.range.clone()]).collect();
        assert_eq!(shown, ["۱", "۳", "۸", "۰"]);
        let rtl = s.pieces_directed(year, Style::Regular, true);
        assert_eq!(rtl[0].glyphs.first().map(|g| &year[g.range.clone()]), Some("۰"));
        // می‌کنیم: the ZWNJ (which Libertinus has) stays in the Naskh piece.
        let verb = "می\u{200C}کنیم";
        let pieces = s.pieces_directed(verb, Style::Regular, true);
        assert_eq!(pieces.len(), 1, "{:?}", pieces.iter().map(|p| &p.text).collect::<Vec<_>>());
    }
}
