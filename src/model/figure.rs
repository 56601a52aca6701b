//! Figures (maps, facsimiles, photographs) and the images they and the text show.

use super::Inline;
use serde::{Deserialize, Serialize};

/// A figure: one or more images with a label, a caption and a source or credit line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The identifier cross-references use (`fig:map`), when the source gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The label as printed (`Figure 2`, `Рис. 3`, `Harita 1`), when the source printed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The caption without its label, notes inline at their calls; empty when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Inline>,
    /// The source or credit line (`Source: BOA, HRT.h, 512`: a shelfmark inside is still a
    /// shelfmark), as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Vec<Inline>>,
    /// What the images show, for readers who cannot see them; `None` when the source gave
    /// no description (writers then fall back on the caption, and say so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// The images, in order (a facsimile's recto and verso).
    pub images: Vec<Image>,
}

/// An image shown by a figure or in a line of text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Where the source points to it, as written (`maps/kars-1878.png`, `media/image1.jpeg`).
    pub src: String,
    /// The key of its bytes in [`Document::media`](super::Document::media); `None` when they
    /// could not be loaded (missing, unreadable or refused), which the reader reported:
    /// writers then show a placeholder naming [`Image::src`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<String>,
    /// The width the source asked for, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<Extent>,
}

/// A width asked for by the source.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Extent {
    /// A share of the text's measure (0 to 1): `width=50%`.
    Fraction(f64),
    /// An absolute length in PostScript points: `width=8cm` is about 226.8.
    Points(f64),
}

impl Extent {
    /// Parses a width as sources write it: `50%`, `0.5\linewidth`-free forms such as
    /// `8cm`, `80mm`, `3in`, `144pt`, `200px` (at 96 px to the inch); `None` otherwise.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
        let (number, unit) = s.split_at(split);
        let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite() && *v > 0.0)?;
        let points = match unit.trim() {
            "%" => return (value <= 100.0).then(|| Extent::Fraction(value / 100.0)),
            "pt" => value,
            "cm" => value * 72.0 / 2.54,
            "mm" => value * 72.0 / 25.4,
            "in" => value * 72.0,
            "px" | "" => value * 0.75,
            _ => return None,
        };
        Some(Extent::Points(points))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_parse_in_the_usual_units() {
        assert_eq!(Extent::parse("50%"), Some(Extent::Fraction(0.5)));
        assert_eq!(Extent::parse("1in"), Some(Extent::Points(72.0)));
        assert_eq!(Extent::parse("200px"), Some(Extent::Points(150.0)));
        assert!(matches!(Extent::parse("2.54cm"), Some(Extent::Points(p)) if (p - 72.0).abs() < 1e-9));
        for bad in ["", "wide", "-3cm", "150%", "0", "3 furlongs", "NaN%"] {
            assert_eq!(Extent::parse(bad), None, "{bad}");
        }
    }
}
