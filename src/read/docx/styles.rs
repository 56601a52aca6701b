//! `styles.xml`: what each paragraph style is for, and the run properties styles carry.
//!
//! A style's role comes from its name, along its `basedOn` chain: Word writes the English
//! names of built-in styles (`heading 1`, `Quote`) whatever the interface language, but
//! templates made in other languages name their own styles in it (`Заголовок 1`,
//! `Başlık 2`), and pandoc and LibreOffice have names of their own (`Block Text`,
//! `Quotations`). Run properties merge from the document defaults through the paragraph
//! style, the character style and the run's own (the nearest wins).

use crate::read::xml::El;
use std::collections::HashMap;

/// Vertical position of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Vertical {
    Superscript,
    Subscript,
    Baseline,
}

/// The run properties colophon reads, each `None` where not given at this level.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RunProps {
    pub(super) italic: Option<bool>,
    pub(super) bold: Option<bool>,
    pub(super) small_caps: Option<bool>,
    pub(super) vertical: Option<Vertical>,
    /// Hidden text (`w:vanish`): not printed.
    pub(super) hidden: Option<bool>,
    /// Right to left (`w:rtl`).
    pub(super) rtl: Option<bool>,
    /// `w:lang`: `w:val` (Latin and most scripts), `w:eastAsia`, `w:bidi` (Arabic, Hebrew).
    pub(super) lang: Option<String>,
    pub(super) lang_east_asia: Option<String>,
    pub(super) lang_bidi: Option<String>,
    /// The character style (`w:rStyle`).
    pub(super) style: Option<String>,
}

impl RunProps {
    /// Reads a `w:rPr` element.
    pub(super) fn read(rpr: &El) -> Self {
        let mut p = RunProps::default();
        for e in rpr.children() {
            match e.name.as_str() {
                "i" => p.italic = Some(toggle(e)),
                "b" => p.bold = Some(toggle(e)),
                "smallCaps" => p.small_caps = Some(toggle(e)),
                "vanish" => p.hidden = Some(toggle(e)),
                "rtl" => p.rtl = Some(toggle(e)),
                "vertAlign" => {
                    p.vertical = match e.attr("w:val") {
                        Some("superscript") => Some(Vertical::Superscript),
                        Some("subscript") => Some(Vertical::Subscript),
                        _ => Some(Vertical::Baseline),
                    }
                }
                "lang" => {
                    let tag = |a| e.attr(a).filter(|v| !v.is_empty()).map(str::to_string);
                    p.lang = tag("w:val");
                    p.lang_east_asia = tag("w:eastAsia");
                    p.lang_bidi = tag("w:bidi");
                }
                "rStyle" => p.style = e.attr("w:val").map(str::to_string),
                _ => {}
            }
        }
        p
    }

    /// These properties over `base`: each one given here wins.
    pub(super) fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            italic: self.italic.or(base.italic),
            bold: self.bold.or(base.bold),
            small_caps: self.small_caps.or(base.small_caps),
            vertical: self.vertical.or(base.vertical),
            hidden: self.hidden.or(base.hidden),
            rtl: self.rtl.or(base.rtl),
            lang: self.lang.clone().or_else(|| base.lang.clone()),
            lang_east_asia: self.lang_east_asia.clone().or_else(|| base.lang_east_asia.clone()),
            lang_bidi: self.lang_bidi.clone().or_else(|| base.lang_bidi.clone()),
            style: self.style.clone().or_else(|| base.style.clone()),
        }
    }
}

/// A toggle property: on unless `w:val` is `0`, `false` or `off`.
fn toggle(e: &El) -> bool {
    !matches!(e.attr("w:val"), Some("0" | "false" | "off"))
}

/// What a paragraph style marks the paragraph as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Heading(u8),
    Title,
    Subtitle,
    Author,
    Date,
    Abstract,
    /// The heading pandoc writes over an abstract.
    AbstractTitle,
    Quote,
    Caption,
    Bibliography,
    Code,
    DefinitionTerm,
    Definition,
    /// A section break without a heading (colophon's `Section Break`: `* * *`).
    SectionBreak,
    Normal,
}

/// One style of `styles.xml`.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<(String, u8)>,
    run: RunProps,
}

/// The styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// The document defaults' run properties (`w:docDefaults`).
    pub(super) defaults: RunProps,
    /// The default paragraph style's id.
    default_paragraph: Option<String>,
}

/// How many `basedOn` links are followed (a cycle in a damaged file ends here).
const MAX_CHAIN: usize = 16;

impl Styles {
    /// Reads `styles.xml` (absent: no styles, empty defaults).
    pub(super) fn read(root: Option<&El>) -> Self {
        let mut styles = Styles::default();
        let Some(root) = root else { return styles };
        if let Some(rpr) = root.path(&["docDefaults", "rPrDefault", "rPr"]) {
            styles.defaults = RunProps::read(rpr);
        }
        for s in root.children().filter(|e| e.name == "style") {
            let Some(id) = s.attr("w:styleId") else { continue };
            let ppr = s.child("pPr");
            let style = Style {
                name: s.child("name").and_then(|n| n.attr("w:val")).unwrap_or(id).to_string(),
                based_on: s.child("basedOn").and_then(|b| b.attr("w:val")).map(str::to_string),
                outline: ppr.and_then(outline_level),
                numbering: ppr.and_then(numbering_of),
                run: s.child("rPr").map(RunProps::read).unwrap_or_default(),
            };
            if s.attr("w:type") == Some("paragraph") && matches!(s.attr("w:default"), Some("1" | "true")) {
                styles.default_paragraph = Some(id.to_string());
            }
            styles.by_id.insert(id.to_string(), style);
        }
        styles
    }

    /// The style `id` and its ancestors, nearest first (the default paragraph style when
    /// `id` is `None` and `paragraph`).
    fn chain(&self, id: Option<&str>, paragraph: bool) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = id.map(str::to_string);
        if next.is_none() && paragraph {
            next = self.default_paragraph.clone();
        }
        while let Some(id) = next.take() {
            let Some(s) = self.by_id.get(&id) else { break };
            out.push(s);
            if out.len() >= MAX_CHAIN {
                break;
            }
            next = s.based_on.clone();
        }
        out
    }

    /// The run properties a paragraph style (or a character style) gives its text.
    pub(super) fn run_props(&self, id: Option<&str>, paragraph: bool) -> RunProps {
        self.chain(id, paragraph).iter().rev().fold(RunProps::default(), |acc, s| s.run.over(&acc))
    }

    /// What the paragraph style `id` marks a paragraph as.
    pub(super) fn role(&self, id: Option<&str>) -> Role {
        for s in self.chain(id, true) {
            if let Some(role) = role_of_name(&s.name) {
                return role;
            }
            if let Some(level) = s.outline {
                return Role::Heading(level);
            }
        }
        Role::Normal
    }

    /// The list numbering a paragraph style gives (`numId`, level), if any.
    pub(super) fn numbering(&self, id: Option<&str>) -> Option<(String, u8)> {
        self.chain(id, true).iter().find_map(|s| s.numbering.clone())
    }
}

/// The heading level of a `w:outlineLvl` (0 is level 1; 9 is body text).
pub(super) fn outline_level(ppr: &El) -> Option<u8> {
    let v: u8 = ppr.child("outlineLvl")?.attr("w:val")?.parse().ok()?;
    (v < 9).then_some(v + 1)
}

/// The `w:numPr` of a `w:pPr`: (`numId`, `ilvl`).
pub(super) fn numbering_of(ppr: &El) -> Option<(String, u8)> {
    let num = ppr.child("numPr")?;
    let id = num.child("numId")?.attr("w:val")?.to_string();
    let level = num.child("ilvl").and_then(|l| l.attr("w:val")).and_then(|v| v.parse().ok()).unwrap_or(0);
    Some((id, level.min(8)))
}

/// Words that name heading styles, in the languages of our users' templates.
const HEADING_WORDS: &[&str] = &[
    "heading",
    "заголовок",
    "başlık",
    "baslik",
    "überschrift",
    "titre",
    "titolo",
    "título",
    "encabezado",
    "kop",
    "nagłówek",
    "nadpis",
    "rubrik",
    "otsikko",
    "overskrift",
    "címsor",
    "სათაური",
    "վերնագիր",
    "заголовак",
    "başlıq",
];

/// The role a style name announces, if any (case and spacing ignored). A template's
/// variants of a style for each language (`Abstract TR`, `Quote (ru)`) have its role.
fn role_of_name(name: &str) -> Option<Role> {
    role_of_exact_name(name).or_else(|| {
        let (rest, last) = name.trim().rsplit_once(' ')?;
        let code = last.trim_matches(|c| c == '(' || c == ')');
        ((2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| role_of_exact_name(rest))
            .flatten()
    })
}

fn role_of_exact_name(name: &str) -> Option<Role> {
    let lower = name.trim().to_lowercase();
    let key = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((word, digits)) = key.rsplit_once(' ').or_else(|| {
        let at = key.find(|c: char| c.is_ascii_digit())?;
        Some((&key[..at], &key[at..]))
    }) {
        if let (true, Ok(level @ 1..=9)) = (HEADING_WORDS.contains(&word.trim()), digits.parse::<u8>()) {
            return Some(Role::Heading(level));
        }
    }
    Some(match key.as_str() {
        "title" | "название" | "titel" | "başlık adı" => Role::Title,
        "subtitle" | "подзаголовок" | "untertitel" | "sous-titre" | "altyazı" | "alt başlık" => {
            Role::Subtitle
        }
        "author" | "автор" | "yazar" => Role::Author,
        "date" => Role::Date,
        "abstract" | "аннотация" | "özet" => Role::Abstract,
        "abstract title" | "abstracttitle" => Role::AbstractTitle,
        "quote"
        | "intense quote"
        | "block text"
        | "quotations"
        | "quotation"
        | "block quote"
        | "blockquote"
        | "цитата"
        | "выделенная цитата"
        | "цитата 2"
        | "alıntı"
        | "zitat"
        | "intensives zitat" => Role::Quote,
        "caption"
        | "image caption"
        | "table caption"
        | "figure caption"
        | "название объекта"
        | "resim yazısı"
        | "beschriftung"
        | "légende" => Role::Caption,
        "bibliography"
        | "references"
        | "список литературы"
        | "литература"
        | "kaynakça"
        | "literaturverzeichnis" => Role::Bibliography,
        "source code" | "html preformatted" | "code" | "preformatted text" => Role::Code,
        "definition term" => Role::DefinitionTerm,
        "section break" => Role::SectionBreak,
        "definition" => Role::Definition,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_announce_roles() {
        assert_eq!(role_of_name("heading 1"), Some(Role::Heading(1)));
        assert_eq!(role_of_name("Heading 2"), Some(Role::Heading(2)));
        assert_eq!(role_of_name("Заголовок 1"), Some(Role::Heading(1)));
        assert_eq!(role_of_name("Başlık 3"), Some(Role::Heading(3)));
        assert_eq!(role_of_name("heading1"), Some(Role::Heading(1)));
        assert_eq!(role_of_name("Block Text"), Some(Role::Quote));
        assert_eq!(role_of_name("Intense Quote"), Some(Role::Quote));
        assert_eq!(role_of_name("caption"), Some(Role::Caption));
        assert_eq!(role_of_name("Normal"), None);
        assert_eq!(role_of_name("Heading 12"), None);
        assert_eq!(role_of_name("List 2"), None);
        assert_eq!(role_of_name("Abstract TR"), Some(Role::Abstract));
        assert_eq!(role_of_name("Abstract Title (ru)"), Some(Role::AbstractTitle));
        assert_eq!(role_of_name("Heading 1 TR"), Some(Role::Heading(1)));
        assert_eq!(role_of_name("Normal TR"), None);
    }

    fn tree(xml: &str) -> El {
        crate::read::xml::parse_tree(std::path::Path::new("s.xml"), xml, "styles", 64).unwrap()
    }

    #[test]
    fn roles_follow_based_on_and_outline_levels() {
        let root = tree(
            r#"<w:styles xmlns:w="w">
              <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
              <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
              <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>
              <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Head"/><w:basedOn w:val="1"/>
                <w:rPr><w:i/><w:lang w:val="ru-RU"/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="Out"><w:name w:val="Chapter"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
            </w:styles>"#,
        );
        let s = Styles::read(Some(&root));
        assert_eq!(s.role(Some("Mine")), Role::Heading(1));
        assert_eq!(s.role(Some("Out")), Role::Heading(2));
        assert_eq!(s.role(None), Role::Normal);
        assert_eq!(s.role(Some("Loop")), Role::Normal);
        assert_eq!(s.defaults.lang.as_deref(), Some("en-GB"));
        assert_eq!(s.defaults.lang_bidi.as_deref(), Some("ar-SA"));
        let r = s.run_props(Some("Mine"), true);
        assert_eq!((r.italic, r.lang.as_deref()), (Some(true), Some("ru-RU")));
    }
}
