//! The Unicode bidirectional algorithm (UAX #9) for print, on the `unicode-bidi` crate: a
//! paragraph's embedding levels, its base direction (its first strong character: an entry
//! opening in Arabic or Hebrew letters is a right-to-left paragraph), and the visual order
//! of the pieces of a line once lines are broken (rules L1 and L2).
//!
//! Lines are broken in logical order, as if every word ran left to right (widths do not
//! depend on direction); then each line's pieces are laid out again in visual order. A
//! number inside right-to-left text gets an even level and so keeps its digits left to right.

use super::Pt;
use std::ops::Range;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

/// True for a character that is strongly right-to-left (Hebrew, Arabic, Syriac, Thaana, N'Ko…)
/// or an explicit right-to-left mark or embedding: what makes a paragraph need the algorithm.
pub fn is_rtl(c: char) -> bool {
    matches!(
        unicode_bidi::bidi_class(c),
        BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
    )
}

/// The direction of `text` by its first strong character (rules P2 and P3, isolates
/// skipped): `Some(true)` for right to left, `Some(false)` for left to right, `None` when it
/// has no strong character (digits and punctuation only).
pub fn first_strong_rtl(text: &str) -> Option<bool> {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => Some(true),
        unicode_bidi::Direction::Ltr => Some(false),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// The resolved embedding level of every byte of a paragraph that holds right-to-left text.
#[derive(Debug, Clone, PartialEq)]
pub struct Levels {
    levels: Vec<u8>,
    rtl: bool,
}

impl Levels {
    /// Resolves the levels of `text`, one paragraph, its base direction taken from its first
    /// strong character (left to right when it has none); `None` when `text` has no
    /// right-to-left character, so left-to-right text costs one scan and nothing more.
    pub fn of(text: &str) -> Option<Levels> {
        if !text.chars().any(is_rtl) {
            return None;
        }
        let info = ParagraphBidiInfo::new(text, None);
        let rtl = info.paragraph_level.is_rtl();
        Some(Levels { levels: info.levels.iter().map(Level::number).collect(), rtl })
    }

    /// True when the paragraph runs right to left (its first strong character is).
    pub fn rtl(&self) -> bool {
        self.rtl
    }

    /// The paragraph's own level: 1 when it runs right to left, else 0.
    pub fn base(&self) -> u8 {
        u8::from(self.rtl)
    }

    /// The level of the byte at `at` (the paragraph's level past the end).
    pub fn at(&self, at: usize) -> u8 {
        self.levels.get(at).copied().unwrap_or(self.base())
    }

    /// Splits the bytes `range` of the paragraph into maximal pieces of one level, in logical
    /// order, each with its level.
    pub fn runs(&self, range: Range<usize>) -> Vec<(Range<usize>, u8)> {
        let mut out: Vec<(Range<usize>, u8)> = Vec::new();
        for i in range.clone() {
            let level = self.at(i);
            match out.last_mut() {
                Some((r, l)) if *l == level => r.end = i + 1,
                _ => out.push((i..i + 1, level)),
            }
        }
        if out.is_empty() {
            out.push((range, self.base()));
        }
        out
    }
}

/// The visual order of items with embedding `levels` (rule L2: from the highest level down
/// to the lowest odd one, every run at that level or higher is reversed): the indexes of the
/// items from left to right.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let levels: Vec<Level> = levels.iter().map(|&l| Level::new(l).unwrap_or_else(|_| Level::ltr())).collect();
    unicode_bidi::BidiInfo::reorder_visual(&levels)
}

/// A piece of a line, in logical order: where it starts and how wide it is as broken (left
/// to right), and its level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    /// Its left edge as set in logical order.
    pub x: Pt,
    /// Its width.
    pub width: Pt,
    /// Its embedding level (odd: right to left).
    pub level: u8,
}

/// A line laid out again in visual order.
#[derive(Debug, Clone, PartialEq)]
pub struct Visual {
    /// For each piece (in the order given), its left edge in the line, from 0.
    pub x: Vec<Pt>,
    /// The width of the whole line, gaps included.
    pub width: Pt,
}

/// Lays out the `pieces` of one line (logical order, left edges ascending) in visual order
/// for a paragraph of level `base`. The space between two pieces (a word space, as wide as
/// justification made it) moves with them, at the lower of their two levels (a space
/// between two right-to-left words is right to left, one between a right-to-left and a
/// left-to-right word takes the surrounding direction: rules N1 and N2); the pieces keep
/// their widths. The line's end has no space left (rule L1).
pub fn reorder(pieces: &[Piece], base: u8) -> Visual {
    // Items: piece 0, gap 0, piece 1, gap 1, … (a gap of nothing is left out).
    let mut widths: Vec<Pt> = Vec::with_capacity(pieces.len() * 2);
    let mut levels: Vec<u8> = Vec::with_capacity(pieces.len() * 2);
    let mut of_piece: Vec<usize> = Vec::with_capacity(pieces.len());
    for (i, p) in pieces.iter().enumerate() {
        of_piece.push(widths.len());
        widths.push(p.width);
        levels.push(p.level);
        if let Some(next) = pieces.get(i + 1) {
            let gap = next.x - (p.x + p.width);
            if gap.0.abs() > 1e-6 {
                widths.push(gap);
                levels.push(p.level.min(next.level).max(base));
            }
        }
    }
    let order = visual_order(&levels);
    let mut left = vec![Pt::ZERO; widths.len()];
    let mut x = Pt::ZERO;
    for &i in &order {
        left[i] = x;
        x += widths[i];
    }
    Visual { x: of_piece.iter().map(|&i| left[i]).collect(), width: x }
}

/// Where a box of `width` at logical `x` inside `piece` stands once the piece is at visual
/// `to`: mirrored inside the piece when it runs right to left (a note call after an Arabic
/// word).
pub fn place_inside(piece: &Piece, to: Pt, x: Pt, width: Pt) -> Pt {
    if piece.level % 2 == 1 {
        to + (piece.x + piece.width) - (x + width)
    } else {
        to + (x - piece.x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(x: f64, width: f64, level: u8) -> Piece {
        Piece { x: Pt(x), width: Pt(width), level }
    }

    #[test]
    fn left_to_right_text_needs_no_levels() {
        assert_eq!(Levels::of("Osmanlı Devleti'nin tarihi, 1309"), None);
        assert!(Levels::of("Osmanlı Devleti'nin: تاريخ عثمانى").is_some());
        assert!(Levels::of("ספר הזכרונות").is_some());
    }

    #[test]
    fn the_base_direction_is_the_first_strong_character() {
        assert_eq!(first_strong_rtl("1. تاریخ ایران"), Some(true));
        assert_eq!(first_strong_rtl("Osmanlı: تاريخ"), Some(false));
        assert_eq!(first_strong_rtl("(1996), 45–47."), None);
        assert!(Levels::of("۱. تاریخ ایران. تهران: امیرکبیر، ۱۳۸۰").unwrap().rtl());
        assert!(!Levels::of("Cevdet Paşa, تاريخ عثمانى").unwrap().rtl());
    }

    #[test]
    fn runs_split_by_level_and_numbers_in_rtl_text_are_even() {
        let text = "تهران 1996 ص";
        let l = Levels::of(text).unwrap();
        let runs = l.runs(0..text.len());
        let shown: Vec<(&str, u8)> = runs.iter().map(|(r, lv)| (&text[r.clone()], *lv)).collect();
        assert_eq!(shown, [("تهران ", 1), ("1996", 2), (" ص", 1)]);
        // Persian digits too (class EN): left to right inside the right-to-left line.
        let text = "امیرکبیر، ۱۳۸۰";
        let l = Levels::of(text).unwrap();
        let digits = text.find('۱').unwrap();
        assert_eq!(l.at(digits), 2);
        // An Arabic phrase inside a Turkish entry: the entry stays left to right.
        let text = "Osmanlı Devleti'nin: تاريخ عثمانى, İstanbul";
        let l = Levels::of(text).unwrap();
        assert_eq!((l.base(), l.at(0), l.at(text.find('ت').unwrap())), (0, 0, 1));
    }

    #[test]
    fn visual_order_reverses_right_to_left_runs() {
        assert_eq!(visual_order(&[0, 0, 0]), [0, 1, 2]);
        assert_eq!(visual_order(&[1, 1, 1]), [2, 1, 0]);
        // A number (level 2) inside right-to-left text keeps its place and its order.
        assert_eq!(visual_order(&[1, 1, 2, 2, 1]), [4, 2, 3, 1, 0]);
        assert_eq!(visual_order(&[0, 1, 1, 0]), [0, 2, 1, 3]);
    }

    #[test]
    fn a_right_to_left_line_is_laid_out_from_the_right() {
        // Three Arabic words of widths 10, 20, 30, with spaces of 5 between them.
        let words = [piece(0.0, 10.0, 1), piece(15.0, 20.0, 1), piece(40.0, 30.0, 1)];
        let v = reorder(&words, 1);
        assert_eq!(v.width, Pt(70.0));
        assert_eq!(v.x, [Pt(60.0), Pt(35.0), Pt(0.0)]);
        // Left-to-right text is left as it was.
        let latin = [piece(0.0, 10.0, 0), piece(15.0, 20.0, 0)];
        assert_eq!(reorder(&latin, 0).x, [Pt(0.0), Pt(15.0)]);
    }

    #[test]
    fn a_number_in_a_right_to_left_line_keeps_its_digits_in_order() {
        // "ص 45–47" logically: word (level 1), space, "45–47" as two pieces (level 2) that
        // touch: the number stays one left-to-right block at the line's left.
        let line = [piece(0.0, 8.0, 1), piece(12.0, 10.0, 2), piece(22.0, 10.0, 2)];
        let v = reorder(&line, 1);
        assert_eq!(v.x, [Pt(24.0), Pt(0.0), Pt(10.0)]);
    }

    #[test]
    fn an_arabic_phrase_in_a_latin_line_is_reversed_in_place() {
        // "A ب ت C": the two Arabic words swap, the Latin ones stay.
        let line = [piece(0.0, 10.0, 0), piece(15.0, 10.0, 1), piece(30.0, 20.0, 1), piece(55.0, 10.0, 0)];
        let v = reorder(&line, 0);
        assert_eq!(v.x, [Pt(0.0), Pt(40.0), Pt(15.0), Pt(55.0)]);
    }

    #[test]
    fn a_box_inside_a_right_to_left_piece_is_mirrored() {
        let p = piece(100.0, 30.0, 1);
        assert_eq!(place_inside(&p, Pt(0.0), Pt(100.0), Pt(10.0)), Pt(20.0));
        let p = piece(100.0, 30.0, 0);
        assert_eq!(place_inside(&p, Pt(0.0), Pt(100.0), Pt(10.0)), Pt(0.0));
    }
}
