//! Text widths from the fonts themselves: rustybuzz shapes each piece (kerning, standard
//! ligatures) in the face of its style, falling back face by face for missing characters,
//! exactly as the PDF back end will draw it.

use super::paragraph::Measure;
use super::Pt;
use crate::fonts::{Face, FontSet, Style};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Shapes text in the faces of a [`FontSet`]; widths are cached per face and text.
pub struct Shaper<'a> {
    faces: Vec<(&'a Face, rustybuzz::Face<'a>)>,
    set: &'a FontSet,
    /// Shaped text per (face, text): words repeat, and shaping is the costly part.
    cache: RefCell<HashMap<(usize, String), Shaped>>,
    /// Shape plans per (face, script, direction): building one costs more than shaping.
    plans: RefCell<HashMap<PlanKey, Rc<rustybuzz::ShapePlan>>>,
}

type PlanKey = (usize, rustybuzz::Script, bool);

/// Shaped glyphs, shared from the cache.
pub type Shaped = Rc<Vec<ShapedGlyph>>;

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

/// A [`Shaper`] at one type size: what paragraphs are measured with.
pub struct Sized<'s, 'a> {
    shaper: &'s Shaper<'a>,
    /// The type size in points.
    pub size: f64,
}

impl<'a> Shaper<'a> {
    /// Prepares the faces of `set` for shaping.
    pub fn new(set: &'a FontSet) -> Self {
        let faces = set
            .main
            .iter()
            .chain(&set.fallbacks)
            .filter_map(|f| rustybuzz::Face::from_slice(&f.data, 0).map(|rb| (f, rb)))
            .collect();
        Shaper { faces, set, cache: RefCell::new(HashMap::new()), plans: RefCell::new(HashMap::new()) }
    }

    /// This shaper at `size` points.
    pub fn at(&self, size: f64) -> Sized<'_, 'a> {
        Sized { shaper: self, size }
    }

    /// The index (into the set's faces, main first) of the face that sets `c` in `style`.
    pub fn face_for(&self, c: char, style: Style) -> usize {
        let own = self
            .faces
            .iter()
            .position(|(f, _)| f.style == style && self.set.main.iter().any(|m| std::ptr::eq(m, *f)));
        let order = own.into_iter().chain(0..self.faces.len());
        order.into_iter().find(|&i| self.faces[i].1.glyph_index(c).is_some()).unwrap_or(own.unwrap_or(0))
    }

    /// The faces used, for the writer.
    pub fn face(&self, i: usize) -> &'a Face {
        self.faces[i].0
    }

    /// Splits `text` into pieces that one face sets, with their widths at `size`.
    pub fn pieces(&self, text: &str, style: Style, size: f64) -> Vec<(usize, String, Pt)> {
        let mut out: Vec<(usize, String, Pt)> = Vec::new();
        for c in text.chars() {
            let f = self.face_for(c, style);
            match out.last_mut() {
                Some((lf, s, _)) if *lf == f => s.push(c),
                _ => out.push((f, c.to_string(), Pt::ZERO)),
            }
        }
        for (f, s, w) in &mut out {
            *w = self.shape_width(*f, s, size);
        }
        out
    }

    /// Shapes `text` in face `face`: for each glyph its id, advance, x and y offsets (in ems)
    /// and the byte range of the text it shows.
    pub fn glyphs(&self, face: usize, text: &str) -> Rc<Vec<ShapedGlyph>> {
        let key = (face, text.to_string());
        if let Some(g) = self.cache.borrow().get(&key) {
            return g.clone();
        }
        let rb = &self.faces[face].1;
        let upem = rb.units_per_em() as f32;
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(text);
        buf.guess_segment_properties();
        let (script, ltr) = (buf.script(), buf.direction() != rustybuzz::Direction::RightToLeft);
        let plan = self
            .plans
            .borrow_mut()
            .entry((face, script, ltr))
            .or_insert_with(|| {
                Rc::new(rustybuzz::ShapePlan::new(
                    rb,
                    buf.direction(),
                    Some(script),
                    buf.language().as_ref(),
                    &[],
                ))
            })
            .clone();
        let shaped = rustybuzz::shape_with_plan(rb, &plan, buf);
        let infos = shaped.glyph_infos();
        let mut out: Vec<ShapedGlyph> = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(shaped.glyph_positions()).enumerate() {
            let start = info.cluster as usize;
            let end =
                infos[i + 1..].iter().map(|n| n.cluster as usize).find(|&c| c != start).unwrap_or(text.len());
            out.push(ShapedGlyph {
                id: info.glyph_id,
                advance: pos.x_advance as f32 / upem,
                x_offset: pos.x_offset as f32 / upem,
                y_offset: pos.y_offset as f32 / upem,
                range: start..end.max(start),
            });
        }
        let out = Rc::new(out);
        self.cache.borrow_mut().insert(key, out.clone());
        out
    }

    fn shape_width(&self, face: usize, text: &str, size: f64) -> Pt {
        let ems: f32 = self.glyphs(face, text).iter().map(|g| g.advance).sum();
        Pt(f64::from(ems) * size)
    }
}

impl Sized<'_, '_> {
    /// Splits `text` into pieces that one face sets, with their widths.
    pub fn pieces(&self, text: &str, style: Style) -> Vec<(usize, String, Pt)> {
        self.shaper.pieces(text, style, self.size)
    }

    /// The index of the face that sets `c` in `style`.
    pub fn face_for(&self, c: char, style: Style) -> usize {
        self.shaper.face_for(c, style)
    }

    /// The same shaper at another size.
    pub fn at(&self, size: f64) -> Sized<'_, '_> {
        Sized { shaper: self.shaper, size }
    }
}

impl Measure for Sized<'_, '_> {
    fn width(&self, text: &str, style: Style) -> Pt {
        self.pieces(text, style).iter().map(|(_, _, w)| *w).sum()
    }

    fn space(&self, style: Style) -> (Pt, Pt, Pt) {
        let w = self.width(" ", style);
        (w, w * 0.5, w * (1.0 / 3.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            p.iter().map(|x| (x.0, x.1.clone())).collect::<Vec<_>>()
        );
        assert_eq!(shaper.face(s.face_for('↩', Style::Regular)).full_name, "DejaVu Sans Mono");
    }
}
