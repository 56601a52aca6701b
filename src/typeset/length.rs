//! Lengths in PostScript points (1/72 in), as a newtype so that they never mix with counts.

use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A length in points.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
pub struct Pt(pub f64);

impl Pt {
    /// Zero.
    pub const ZERO: Pt = Pt(0.0);

    /// Millimetres to points.
    pub fn mm(mm: f64) -> Pt {
        Pt(mm * 72.0 / 25.4)
    }

    /// The smaller of two lengths.
    pub fn min(self, other: Pt) -> Pt {
        if self <= other {
            self
        } else {
            other
        }
    }

    /// The larger of two lengths.
    pub fn max(self, other: Pt) -> Pt {
        if self >= other {
            self
        } else {
            other
        }
    }
}

impl Add for Pt {
    type Output = Pt;
    fn add(self, o: Pt) -> Pt {
        Pt(self.0 + o.0)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, o: Pt) {
        self.0 += o.0;
    }
}

impl Sub for Pt {
    type Output = Pt;
    fn sub(self, o: Pt) -> Pt {
        Pt(self.0 - o.0)
    }
}

impl SubAssign for Pt {
    fn sub_assign(&mut self, o: Pt) {
        self.0 -= o.0;
    }
}

impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

impl Mul<f64> for Pt {
    type Output = Pt;
    fn mul(self, k: f64) -> Pt {
        Pt(self.0 * k)
    }
}

impl Div<Pt> for Pt {
    type Output = f64;
    fn div(self, o: Pt) -> f64 {
        self.0 / o.0
    }
}

impl std::iter::Sum for Pt {
    fn sum<I: Iterator<Item = Pt>>(iter: I) -> Pt {
        iter.fold(Pt::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_and_units() {
        assert!((Pt::mm(25.4).0 - 72.0).abs() < 1e-9);
        assert_eq!(Pt(3.0) + Pt(2.0) - Pt(1.0), Pt(4.0));
        assert_eq!(Pt(6.0) / Pt(3.0), 2.0);
        assert_eq!([Pt(1.0), Pt(2.0)].into_iter().sum::<Pt>(), Pt(3.0));
    }
}
