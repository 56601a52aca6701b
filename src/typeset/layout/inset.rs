//! A paragraph's own margins inside the text column (a quotation's on both sides, a list
//! item's before its text), and the marker that hangs in a list item's margin.
//!
//! Both are given on the side where the paragraph's lines start and the side where they
//! end, so that a right-to-left paragraph, set from the right, keeps its indents where its
//! lines start: they become left and right only when the paragraph's direction is known.

use crate::typeset::Pt;

/// Space a paragraph leaves inside the text column, before its lines and after them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Inset {
    /// On the side where lines start (the left in left-to-right text).
    pub start: Pt,
    /// On the side where lines end.
    pub end: Pt,
}

impl Inset {
    /// The same inset with `start` and `end` more on each side.
    pub fn more(self, start: Pt, end: Pt) -> Self {
        Inset { start: self.start + start, end: self.end + end }
    }

    /// The width left for the lines in a column of `column`.
    pub fn measure(&self, column: Pt) -> Pt {
        column - self.start - self.end
    }

    /// The space at the left of the lines: the start side's, or the end side's for a
    /// paragraph set right to left.
    pub fn left(&self, rtl: bool) -> Pt {
        if rtl {
            self.end
        } else {
            self.start
        }
    }
}

/// The label of a list item (`3.`, `(a)`, `•`), set in the space before the item's text,
/// flush against it: `gap` away from where the item's text starts, which is `offset` before
/// the start of the paragraph that carries the label (more than zero when the item opens
/// with a nested list or a quotation, whose first line then carries the label too).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The printed label.
    pub text: String,
    /// Its type size (the list's).
    pub size: f64,
    /// Its width, as shaped.
    pub width: Pt,
    /// The space between the label and the item's text.
    pub gap: Pt,
    /// How far the item's text starts before the paragraph's lines.
    pub offset: Pt,
}

impl Marker {
    /// Where the label's left edge stands, from the left of a paragraph's lines of `measure`:
    /// before the start of the lines (left of them, or right of them when set right to left).
    pub fn x(&self, measure: Pt, rtl: bool) -> Pt {
        if rtl {
            measure + self.offset + self.gap
        } else {
            -(self.offset + self.gap + self.width)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inset_narrows_the_measure_and_swaps_sides_right_to_left() {
        let i = Inset::default().more(Pt(20.0), Pt(5.0));
        assert_eq!(i.measure(Pt(100.0)), Pt(75.0));
        assert_eq!(i.left(false), Pt(20.0));
        assert_eq!(i.left(true), Pt(5.0));
    }

    #[test]
    fn a_marker_ends_its_gap_before_the_text() {
        let m = Marker { text: "3.".into(), size: 10.0, width: Pt(6.0), gap: Pt(4.0), offset: Pt::ZERO };
        assert_eq!(m.x(Pt(100.0), false), Pt(-10.0));
        assert_eq!(m.x(Pt(100.0), true), Pt(104.0));
        // The label of an item that opens with a nested list, on that list's first line.
        let outer = Marker { offset: Pt(20.0), ..m };
        assert_eq!(outer.x(Pt(100.0), false), Pt(-30.0));
        assert_eq!(outer.x(Pt(100.0), true), Pt(124.0));
    }
}
