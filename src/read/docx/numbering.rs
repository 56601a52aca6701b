//! `numbering.xml`: how list paragraphs are numbered, and the numbers Word prints.
//!
//! A paragraph names a numbering instance (`w:numId`) and a level (`w:ilvl`); the instance
//! points to an abstract definition whose levels give the format (`decimal`, `lowerRoman`,
//! `bullet`), the start and the text around the number (`%1.`, `(%1)`), and may override
//! the start of a level (`w:lvlOverride/w:startOverride`: a restarted list). Counters run
//! per instance; a level that advances resets the levels below it, as Word does.

use crate::model::{Delimiter, NumberStyle, Numbering as ListNumbering};
use crate::read::xml::El;
use std::collections::HashMap;

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Level {
    /// The numeral style, or `None` for bullets (and `none`).
    pub(super) style: Option<NumberStyle>,
    /// The number of the first item.
    pub(super) start: u32,
    /// The delimiter read from the level text.
    pub(super) delimiter: Delimiter,
    /// The format as Word names it, when colophon has no numeral style for it.
    pub(super) unknown_format: Option<String>,
    /// Whether the level prints nothing before its paragraphs (`numFmt none`, or an empty
    /// level text): pandoc's way of continuing an item with a second paragraph.
    pub(super) continuation: bool,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            style: Some(NumberStyle::Decimal),
            start: 1,
            delimiter: Delimiter::Period,
            unknown_format: None,
            continuation: false,
        }
    }
}

impl Level {
    fn read(lvl: &El, level: u8) -> Self {
        let val = |name: &str| lvl.child(name).and_then(|e| e.attr("w:val"));
        let format = val("numFmt").unwrap_or("decimal");
        let mut unknown_format = None;
        let style = match format {
            "bullet" | "none" => None,
            "decimal" | "decimalZero" => Some(NumberStyle::Decimal),
            "lowerLetter" => Some(NumberStyle::LowerAlpha),
            "upperLetter" => Some(NumberStyle::UpperAlpha),
            "lowerRoman" => Some(NumberStyle::LowerRoman),
            "upperRoman" => Some(NumberStyle::UpperRoman),
            other => {
                unknown_format = Some(other.to_string());
                Some(NumberStyle::Decimal)
            }
        };
        let start = val("start").and_then(|s| s.parse().ok()).unwrap_or(1);
        let text = val("lvlText");
        let continuation = format == "none" || text.is_some_and(|t| t.trim().is_empty());
        Level { style, start, delimiter: delimiter(text.unwrap_or(""), level), unknown_format, continuation }
    }

    /// The list numbering of a list whose first item is numbered `first`.
    pub(super) fn numbering(&self, first: u32) -> Option<ListNumbering> {
        self.style.map(|style| ListNumbering { start: first, style, delimiter: self.delimiter })
    }
}

/// The delimiter around this level's number in its level text (`%1.`, `%1)`, `(%1)`).
fn delimiter(text: &str, level: u8) -> Delimiter {
    let mark = format!("%{}", level + 1);
    let Some(at) = text.find(&mark) else { return Delimiter::Period };
    let before = &text[..at];
    let after = &text[at + mark.len()..];
    if before.ends_with('(') && after.starts_with(')') {
        Delimiter::TwoParens
    } else if after.starts_with(')') {
        Delimiter::Paren
    } else {
        Delimiter::Period
    }
}

/// One numbering instance: its definition's levels with its own overrides.
#[derive(Debug, Clone, Default)]
struct Instance {
    /// The abstract definition it uses: instances of one definition count on together,
    /// as Word numbers them, unless an override restarts a level.
    definition: String,
    levels: Vec<Level>,
    /// The levels whose start this instance overrides (it restarts them where first used).
    restarts: [bool; 9],
}

/// The numbering definitions of a document and the running counters.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    instances: HashMap<String, Instance>,
    /// Counters per abstract definition.
    counters: HashMap<String, [u32; 9]>,
    /// The (instance, level) pairs already counted, so an override restarts only once.
    used: std::collections::HashSet<(String, u8)>,
}

impl Numbering {
    /// Reads `numbering.xml` (absent: every list paragraph is numbered 1., 2., …).
    pub(super) fn read(root: Option<&El>) -> Self {
        let mut out = Numbering::default();
        let Some(root) = root else { return out };
        let mut abstracts: HashMap<&str, Vec<Level>> = HashMap::new();
        for a in root.children().filter(|e| e.name == "abstractNum") {
            let Some(id) = a.attr("w:abstractNumId") else { continue };
            abstracts.insert(id, levels(a));
        }
        for n in root.children().filter(|e| e.name == "num") {
            let Some(id) = n.attr("w:numId") else { continue };
            let definition = n.child("abstractNumId").and_then(|a| a.attr("w:val")).unwrap_or(id).to_string();
            let mut levels =
                abstracts.get(definition.as_str()).cloned().unwrap_or_else(|| vec![Level::default(); 9]);
            let mut restarts = [false; 9];
            for o in n.children().filter(|e| e.name == "lvlOverride") {
                let Some(ilvl) = o.attr("w:ilvl").and_then(|v| v.parse::<usize>().ok()).filter(|&l| l < 9)
                else {
                    continue;
                };
                if let Some(lvl) = o.child("lvl") {
                    levels[ilvl] = Level::read(lvl, ilvl as u8);
                }
                if let Some(start) =
                    o.child("startOverride").and_then(|s| s.attr("w:val")).and_then(|v| v.parse().ok())
                {
                    levels[ilvl].start = start;
                    restarts[ilvl] = true;
                }
            }
            out.instances.insert(id.to_string(), Instance { definition, levels, restarts });
        }
        out
    }

    /// The level definition of instance `id` at `level` (`None`: `numId` 0, which Word
    /// uses to take a paragraph out of a list).
    pub(super) fn level(&self, id: &str, level: u8) -> Option<Level> {
        if id == "0" {
            return None;
        }
        Some(self.instances.get(id).and_then(|i| i.levels.get(level as usize).cloned()).unwrap_or_default())
    }

    /// The list an instance belongs to: its abstract definition (instances of one
    /// definition continue each other's numbering).
    pub(super) fn list_of(&self, id: &str) -> String {
        self.instances.get(id).map_or_else(|| id.to_string(), |i| i.definition.clone())
    }

    /// Counts one more item at `level` of instance `id` and returns its number.
    pub(super) fn next(&mut self, id: &str, level: u8) -> u32 {
        let level = (level as usize).min(8);
        let starts: Vec<u32> = (0..9).map(|l| self.level(id, l as u8).map_or(1, |lv| lv.start)).collect();
        let restart = self.instances.get(id).is_some_and(|i| i.restarts[level])
            && self.used.insert((id.to_string(), level as u8));
        let counters = self.counters.entry(self.list_of(id)).or_insert([0; 9]);
        if restart {
            counters[level] = 0;
        }
        counters[level] = if counters[level] == 0 { starts[level] } else { counters[level] + 1 };
        counters[level + 1..].fill(0);
        counters[level]
    }
}

/// The nine levels of an abstract numbering definition (missing ones decimal from 1).
fn levels(a: &El) -> Vec<Level> {
    let mut out = vec![Level::default(); 9];
    for lvl in a.children().filter(|e| e.name == "lvl") {
        if let Some(i) = lvl.attr("w:ilvl").and_then(|v| v.parse::<usize>().ok()).filter(|&l| l < 9) {
            out[i] = Level::read(lvl, i as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbering(xml: &str) -> Numbering {
        let root = crate::read::xml::parse_tree(std::path::Path::new("n.xml"), xml, "numbering", 64).unwrap();
        Numbering::read(Some(&root))
    }

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn counts_as_word_prints() {
        let mut n = numbering(XML);
        assert_eq!(n.next("1", 0), 3);
        assert_eq!(n.next("1", 1), 1);
        assert_eq!(n.next("1", 1), 2);
        assert_eq!(n.next("1", 0), 4);
        assert_eq!(n.next("1", 1), 1, "a deeper level restarts under a new item");
        assert_eq!(n.next("2", 0), 1, "the override restarts the list");
        let l = n.level("1", 1).unwrap();
        assert_eq!((l.style, l.delimiter), (Some(NumberStyle::LowerAlpha), Delimiter::TwoParens));
        assert_eq!(n.level("3", 0).unwrap().style, None);
        assert_eq!(n.level("0", 0), None);
        assert_eq!(n.level("99", 0), Some(Level::default()), "an unknown instance counts in decimals");
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("%1)", 0), Delimiter::Paren);
        assert_eq!(delimiter("(%2)", 1), Delimiter::TwoParens);
        assert_eq!(delimiter("%1.%2.", 1), Delimiter::Period);
    }
}
