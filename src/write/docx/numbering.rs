//! `word/numbering.xml`: one numbering definition per list, with its printed start and style.
//!
//! Every list of the model gets its own abstract numbering and its own `w:num`, so each
//! starts at its printed number (`3.` of a list that begins at c) without Word carrying a
//! count over from the list before. A list nested `d` deep in another is written at level
//! `d` of its own definition, so Word indents it under its parent's item.

use super::xml::{Xml, DECL};
use crate::model::{Delimiter, NumberStyle, Numbering};

/// The lists met so far, in document order; list `k` has `w:numId` `k + 1`.
#[derive(Debug, Default)]
pub struct Lists {
    lists: Vec<Option<Numbering>>,
}

/// Word's levels (`w:ilvl` 0 to 8): a list nested deeper is written at the last one.
pub const LEVELS: u32 = 9;

/// Bullets by level, as Word's default bulleted list cycles them.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

impl Lists {
    /// Registers a list (`None`: bulleted) and returns its `w:numId`.
    pub fn add(&mut self, numbering: Option<Numbering>) -> u32 {
        self.lists.push(numbering);
        u32::try_from(self.lists.len()).unwrap_or(u32::MAX)
    }

    /// True when no list was registered (the part is then left out).
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The numbering part.
    pub fn xml(&self) -> String {
        let mut x = Xml::new();
        x.raw(DECL);
        x.open("w:numbering", &[("xmlns:w", super::W_NS)]);
        for (k, n) in self.lists.iter().enumerate() {
            let id = k.to_string();
            x.open("w:abstractNum", &[("w:abstractNumId", &id)]);
            x.empty("w:multiLevelType", &[("w:val", "hybridMultilevel")]);
            for lvl in 0..LEVELS {
                level(&mut x, n.as_ref(), lvl);
            }
            x.close();
        }
        for k in 0..self.lists.len() {
            let (num, abs) = ((k + 1).to_string(), k.to_string());
            x.open("w:num", &[("w:numId", &num)]);
            x.empty("w:abstractNumId", &[("w:val", &abs)]);
            x.close();
        }
        x.finish()
    }
}

/// Word's `w:numFmt` for a numeral style.
pub fn num_fmt(style: NumberStyle) -> &'static str {
    match style {
        NumberStyle::Decimal => "decimal",
        NumberStyle::LowerAlpha => "lowerLetter",
        NumberStyle::UpperAlpha => "upperLetter",
        NumberStyle::LowerRoman => "lowerRoman",
        NumberStyle::UpperRoman => "upperRoman",
    }
}

/// Word's `w:lvlText` for level `lvl` (from 0): `%1.`, `%2)`, `(%3)`.
pub fn lvl_text(delimiter: Delimiter, lvl: u32) -> String {
    let n = lvl + 1;
    match delimiter {
        Delimiter::Period => format!("%{n}."),
        Delimiter::Paren => format!("%{n})"),
        Delimiter::TwoParens => format!("(%{n})"),
    }
}

fn level(x: &mut Xml, n: Option<&Numbering>, lvl: u32) {
    let ilvl = lvl.to_string();
    x.open("w:lvl", &[("w:ilvl", &ilvl)]);
    let (start, fmt, text) = match n {
        Some(n) => (n.start, num_fmt(n.style), lvl_text(n.delimiter, lvl)),
        None => (1, "bullet", BULLETS[lvl as usize % BULLETS.len()].to_string()),
    };
    x.empty("w:start", &[("w:val", &start.to_string())]);
    x.empty("w:numFmt", &[("w:val", fmt)]);
    x.empty("w:lvlText", &[("w:val", &text)]);
    x.empty("w:lvlJc", &[("w:val", "left")]);
    x.open("w:pPr", &[]);
    let left = (720 * (lvl + 1)).to_string();
    // Room for `(iv)` before the text; a bullet needs less.
    let hanging = if n.is_some() { "540" } else { "360" };
    x.empty("w:ind", &[("w:left", &left), ("w:hanging", hanging)]);
    x.close();
    x.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_has_its_own_definition_with_its_start_and_format() {
        let mut l = Lists::default();
        assert!(l.is_empty());
        let roman = Numbering { start: 4, style: NumberStyle::UpperRoman, delimiter: Delimiter::TwoParens };
        assert_eq!(l.add(Some(Numbering::decimal(3))), 1);
        assert_eq!(l.add(None), 2);
        assert_eq!(l.add(Some(roman)), 3);
        let xml = l.xml();
        assert!(xml.contains("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"), "{xml}");
        assert!(xml.contains("<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"◦\"/>"), "{xml}");
        assert!(
            xml.contains("<w:start w:val=\"4\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"(%1)\"/>"),
            "{xml}"
        );
        assert!(xml.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"), "{xml}");
        // Every abstract definition comes before the first w:num (the schema's order).
        assert!(xml.rfind("<w:abstractNum ").unwrap() < xml.find("<w:num ").unwrap());
    }

    #[test]
    fn level_texts_follow_the_delimiter() {
        assert_eq!(lvl_text(Delimiter::Period, 0), "%1.");
        assert_eq!(lvl_text(Delimiter::Paren, 2), "%3)");
        assert_eq!(num_fmt(NumberStyle::LowerAlpha), "lowerLetter");
    }
}
