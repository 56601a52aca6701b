//! The page style of the print edition: paper, margins, type sizes and leading. A4 is built
//! in; `page.toml` in a templates folder replaces it (`templates/page.toml` documents every
//! key). Lengths are written with their unit (`25mm`, `2.5cm`, `1in`, `10.5pt`).

use super::Pt;
use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer};
use std::path::Path;

/// Page geometry and type sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageStyle {
    /// Page width.
    pub width: Pt,
    /// Page height.
    pub height: Pt,
    /// Margins: top, bottom, left (inner), right (outer).
    pub margins: [Pt; 4],
    /// Body type size in points.
    pub size: f64,
    /// Baseline-to-baseline distance of body lines.
    pub leading: Pt,
    /// Note type size in points.
    pub note_size: f64,
    /// Baseline-to-baseline distance of note lines.
    pub note_leading: Pt,
}

impl Default for PageStyle {
    fn default() -> Self {
        Self::a4()
    }
}

/// Paper sizes by name: (name, width, height) in millimetres.
pub const PAPERS: [(&str, f64, f64); 5] = [
    ("a4", 210.0, 297.0),
    ("a5", 148.0, 210.0),
    ("b5", 176.0, 250.0),
    ("letter", 215.9, 279.4),
    ("legal", 215.9, 355.6),
];

impl PageStyle {
    /// A4 with 25 mm margins (27 mm at the foot), 10.5/13.5 pt text and 8.5/10.5 pt notes.
    pub fn a4() -> Self {
        PageStyle {
            width: Pt::mm(210.0),
            height: Pt::mm(297.0),
            margins: [Pt::mm(25.0), Pt::mm(27.0), Pt::mm(25.0), Pt::mm(25.0)],
            size: 10.5,
            leading: Pt(13.5),
            note_size: 8.5,
            note_leading: Pt(10.5),
        }
    }

    /// The A4 style on another paper (`a4`, `a5`, `b5`, `letter`, `legal`), or `None`.
    pub fn paper(name: &str) -> Option<Self> {
        let &(_, w, h) = PAPERS.iter().find(|p| p.0.eq_ignore_ascii_case(name))?;
        Some(PageStyle { width: Pt::mm(w), height: Pt::mm(h), ..Self::a4() })
    }

    /// The width of the text column.
    pub fn measure(&self) -> Pt {
        self.width - self.margins[2] - self.margins[3]
    }

    /// Reads a page style file; `path` names it in errors.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::error::read_text(path)?;
        Self::parse(&text, path)
    }

    /// Parses the TOML text of a page style: keys left out keep the A4 values.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let index = crate::diag::LineIndex::new(text);
        let at = |span: std::ops::Range<usize>| index.position(text, span.start);
        let file: PageFile = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), at);
            Error::input(path, line, col, format!("invalid page style: {}", e.message()))
        })?;
        let fail = |span: std::ops::Range<usize>, msg: String| {
            let (line, col) = at(span);
            Error::input(path, line, col, msg)
        };
        let mut style = match &file.paper {
            Some(name) => Self::paper(name.get_ref()).ok_or_else(|| {
                let known: Vec<&str> = PAPERS.iter().map(|p| p.0).collect();
                fail(
                    name.span(),
                    format!(
                        "unknown paper `{}` (known: {}; or give width and height)",
                        name.get_ref(),
                        known.join(", ")
                    ),
                )
            })?,
            None => Self::a4(),
        };
        let set = |slot: &mut Pt, v: &Option<toml::Spanned<Length>>| {
            if let Some(v) = v {
                *slot = v.get_ref().0;
            }
        };
        set(&mut style.width, &file.width);
        set(&mut style.height, &file.height);
        if let Some(m) = &file.margins {
            set(&mut style.margins[0], &m.top);
            set(&mut style.margins[1], &m.bottom);
            set(&mut style.margins[2], &m.inner);
            set(&mut style.margins[3], &m.outer);
        }
        let mut size = Pt(style.size);
        let mut note_size = Pt(style.note_size);
        if let Some(t) = &file.text {
            set(&mut size, &t.size);
            set(&mut style.leading, &t.leading);
        }
        if let Some(t) = &file.notes {
            set(&mut note_size, &t.size);
            set(&mut style.note_leading, &t.leading);
        }
        style.size = size.0;
        style.note_size = note_size.0;

        // Checks that need more than one key, each reported at the key that breaks it.
        let whole = 0..0;
        let span_of = |v: &Option<toml::Spanned<Length>>| v.as_ref().map_or(whole.clone(), |v| v.span());
        let text_span = |f: fn(&TypeFile) -> &Option<toml::Spanned<Length>>, t: &Option<TypeFile>| {
            t.as_ref().map_or(whole.clone(), |t| span_of(f(t)))
        };
        for (s, span, what) in [
            (style.size, text_span(|t| &t.size, &file.text), "text size"),
            (style.note_size, text_span(|t| &t.size, &file.notes), "note size"),
        ] {
            if !(4.0..=36.0).contains(&s) {
                return Err(fail(span, format!("the {what} must be between 4pt and 36pt, not {s:.2}pt")));
            }
        }
        for (lead, size, span, what) in [
            (style.leading, style.size, text_span(|t| &t.leading, &file.text), "text"),
            (style.note_leading, style.note_size, text_span(|t| &t.leading, &file.notes), "note"),
        ] {
            if lead.0 < size || lead.0 > size * 3.0 {
                return Err(fail(
                    span,
                    format!(
                        "the {what} leading ({:.2}pt) must be between the type size ({size:.2}pt) and three times it",
                        lead.0
                    ),
                ));
            }
        }
        let margin_span = |f: fn(&MarginsFile) -> &Option<toml::Spanned<Length>>| {
            file.margins.as_ref().map_or(whole.clone(), |m| span_of(f(m)))
        };
        if style.measure() < Pt(style.size * 12.0) {
            return Err(fail(
                margin_span(|m| &m.outer),
                format!(
                    "the text column is {:.1}mm wide: too narrow for {:.1}pt type (widen the page or narrow the margins)",
                    style.measure().0 * 25.4 / 72.0,
                    style.size
                ),
            ));
        }
        let column = style.height - style.margins[0] - style.margins[1];
        if column < style.leading * 10.0 + style.note_leading * 4.0 {
            return Err(fail(
                margin_span(|m| &m.bottom),
                format!(
                    "the text column is {:.1}mm high: too short for ten lines of text and four of notes",
                    column.0 * 25.4 / 72.0
                ),
            ));
        }
        // The running head sits 14pt above the text and the folio 20pt below it.
        if style.margins[0] < Pt(24.0) || style.margins[1] < Pt(28.0) {
            let span = if style.margins[0] < Pt(24.0) {
                margin_span(|m| &m.top)
            } else {
                margin_span(|m| &m.bottom)
            };
            return Err(fail(
                span,
                "the top margin must be at least 24pt (8.5mm) and the bottom one 28pt (10mm), to hold the running head and the folio".into(),
            ));
        }
        Ok(style)
    }
}

/// A length as written in a style file: a number and a unit.
#[derive(Debug, Clone, Copy)]
struct Length(Pt);

impl std::str::FromStr for Length {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let s = s.trim();
        let split = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
        let (number, unit) = s.split_at(split);
        let v: f64 = number.trim().parse().map_err(|_| {
            format!("`{s}` is not a length (write a number and a unit: 25mm, 2.5cm, 1in, 10pt)")
        })?;
        let pt = match unit.trim() {
            "pt" => v,
            "mm" => v * 72.0 / 25.4,
            "cm" => v * 72.0 / 2.54,
            "in" => v * 72.0,
            "" => return Err(format!("`{s}` has no unit (write 25mm, 2.5cm, 1in or 10pt)")),
            u => return Err(format!("unknown unit `{u}` in `{s}` (use mm, cm, in or pt)")),
        };
        if !(pt.is_finite() && pt > 0.0 && pt < 72.0 * 100.0) {
            return Err(format!("`{s}` must be positive and under 100 inches"));
        }
        Ok(Length(Pt(pt)))
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    paper: Option<toml::Spanned<String>>,
    width: Option<toml::Spanned<Length>>,
    height: Option<toml::Spanned<Length>>,
    margins: Option<MarginsFile>,
    text: Option<TypeFile>,
    notes: Option<TypeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarginsFile {
    top: Option<toml::Spanned<Length>>,
    bottom: Option<toml::Spanned<Length>>,
    inner: Option<toml::Spanned<Length>>,
    outer: Option<toml::Spanned<Length>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeFile {
    size: Option<toml::Spanned<Length>>,
    leading: Option<toml::Spanned<Length>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<PageStyle> {
        PageStyle::parse(text, Path::new("page.toml"))
    }

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn the_shipped_template_is_the_built_in_a4() {
        let shipped = include_str!("../../templates/page.toml");
        assert_eq!(parse(shipped).unwrap(), PageStyle::a4());
        assert_eq!(parse("").unwrap(), PageStyle::a4());
    }

    #[test]
    fn papers_units_and_partial_files() {
        let letter = parse("paper = \"letter\"").unwrap();
        assert!((letter.width.0 - 612.0).abs() < 0.01 && (letter.height.0 - 792.0).abs() < 0.01);
        assert_eq!(letter.margins, PageStyle::a4().margins);
        let b5 = parse("paper = \"B5\"\n[text]\nsize = \"10pt\"\nleading = \"12.5pt\"").unwrap();
        assert!((b5.width.0 - Pt::mm(176.0).0).abs() < 1e-9);
        assert_eq!((b5.size, b5.leading), (10.0, Pt(12.5)));
        assert_eq!(b5.note_size, 8.5, "keys left out keep their A4 values");
        let custom = parse("width = \"6in\"\nheight = \"9in\"\n[margins]\ninner = \"2cm\"").unwrap();
        assert_eq!((custom.width, custom.height), (Pt(432.0), Pt(648.0)));
        assert!((custom.margins[2].0 - Pt::mm(20.0).0).abs() < 1e-9);
    }

    #[test]
    fn every_error_names_its_line() {
        let cases = [
            ("paper = \"a3\"", "page.toml:1:9: unknown paper `a3`"),
            ("[text]\nsize = \"10\"", "page.toml:2:8: invalid page style: `10` has no unit"),
            ("[text]\nsize = \"10px\"", "unknown unit `px`"),
            ("[margins]\ntop = \"-3mm\"", "page.toml:2:7: invalid page style: `-3mm` must be positive"),
            ("[margins]\nleft = \"3mm\"", "page.toml:2:1: invalid page style: unknown field `left`"),
            ("colour = 1", "unknown field `colour`"),
            ("[text]\nsize = \"40pt\"\nleading = \"48pt\"", "page.toml:2:8: the text size must be between"),
            ("[notes]\nleading = \"5pt\"", "page.toml:2:11: the note leading (5.00pt)"),
            ("[margins]\nouter = \"150mm\"", "page.toml:2:9: the text column is"),
            ("paper = \"a5\"\n[margins]\nbottom = \"160mm\"", "page.toml:3:10: the text column is"),
            ("[margins]\ntop = \"5mm\"", "page.toml:2:7: the top margin must be at least"),
            ("paper = ", "page.toml:1:"),
        ];
        for (text, want) in cases {
            let got = error(text);
            assert!(got.contains(want), "{text:?}: {got}");
        }
    }
}
