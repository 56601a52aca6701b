//! `word/styles.xml`: the document defaults and Word's built-in styles by their real ids.
//!
//! Built-in styles are written with the ids and the (English, partly lower-case) names Word
//! itself writes (`Heading1` / `heading 1`, `FootnoteText` / `footnote text`), so that Word
//! shows them under their localised names and every tool that maps styles by name (pandoc,
//! LibreOffice, mammoth) knows them. A few styles Word lacks are colophon's own, named as
//! pandoc names the same things (`Author`, `Abstract`, `Source Code`, `Verbatim Char`).

use super::lang::WordLang;
use super::xml::{Xml, DECL};

/// The text face: the family the PDF writer embeds (Libertinus Serif, see `fonts.rs`),
/// which covers Latin, Cyrillic and Greek.
pub const TEXT_FONT: &str = "Libertinus Serif";

/// The monospace face of code (the PDF's fallback for what Libertinus lacks).
pub const CODE_FONT: &str = "DejaVu Sans Mono";

/// A style: kind, id, name, parent, and its paragraph and run properties as raw WordprocessingML
/// built from constants.
struct Style {
    kind: &'static str,
    id: &'static str,
    name: &'static str,
    based_on: Option<&'static str>,
    ppr: &'static str,
    rpr: &'static str,
}

const fn para(id: &'static str, name: &'static str, ppr: &'static str, rpr: &'static str) -> Style {
    Style { kind: "paragraph", id, name, based_on: Some("Normal"), ppr, rpr }
}

const fn chr(id: &'static str, name: &'static str, rpr: &'static str) -> Style {
    Style { kind: "character", id, name, based_on: Some("DefaultParagraphFont"), ppr: "", rpr }
}

const HEADING_PPR: [&str; 6] = [
    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"480\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>",
    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/>",
    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"3\"/>",
    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"4\"/>",
    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"5\"/>",
];

const STYLES: &[Style] = &[
    para("Heading1", "heading 1", HEADING_PPR[0], "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
    para("Heading2", "heading 2", HEADING_PPR[1], "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"),
    para("Heading3", "heading 3", HEADING_PPR[2], "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    para("Heading4", "heading 4", HEADING_PPR[3], "<w:b/><w:bCs/><w:i/><w:iCs/>"),
    para("Heading5", "heading 5", HEADING_PPR[4], "<w:i/><w:iCs/>"),
    para("Heading6", "heading 6", HEADING_PPR[5], "<w:i/><w:iCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"),
    para("Title", "Title", "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>", "<w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>"),
    para("Subtitle", "Subtitle", "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>", "<w:i/><w:iCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"),
    para("Author", "Author", "<w:jc w:val=\"center\"/>", ""),
    para("AbstractTitle", "Abstract Title", "<w:keepNext/><w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    para("Abstract", "Abstract", "<w:ind w:left=\"720\" w:right=\"720\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    para("Keywords", "Keywords", "<w:ind w:left=\"720\" w:right=\"720\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    para("Quote", "Quote", "<w:ind w:left=\"720\" w:right=\"720\"/>", "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"),
    // Upright, unlike Word's: emphasis in a caption stays visible, and a reader that takes a
    // style's italics for emphasis (colophon's, mammoth) does not make the label emphasis.
    para("Caption", "caption", "<w:spacing w:before=\"120\" w:after=\"120\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    para("FootnoteText", "footnote text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    chr("FootnoteReference", "footnote reference", "<w:vertAlign w:val=\"superscript\"/>"),
    para("EndnoteText", "endnote text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    chr("EndnoteReference", "endnote reference", "<w:vertAlign w:val=\"superscript\"/>"),
    para("ListParagraph", "List Paragraph", "<w:ind w:left=\"720\"/><w:contextualSpacing/>", ""),
    para("Bibliography", "Bibliography", "<w:ind w:left=\"720\" w:hanging=\"720\"/>", ""),
    chr("Hyperlink", "Hyperlink", "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>"),
    para("SourceCode", "Source Code", "<w:spacing w:after=\"0\"/>", "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" w:cs=\"DejaVu Sans Mono\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    chr("VerbatimChar", "Verbatim Char", "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" w:cs=\"DejaVu Sans Mono\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
    para("SectionBreak", "Section Break", "<w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/>", ""),
    chr("BibliographyLabel", "Bibliography Label", ""),
    para("SourceLine", "Source Line", "<w:spacing w:before=\"60\" w:after=\"240\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
];

/// Word's default table style (`Normal Table`), which every table style is based on.
const TABLE_NORMAL: &str = "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";

/// colophon's table style, after LaTeX's booktabs: a heavy rule (1½ pt) above and below the
/// table, a light one (¾ pt) under the header row (the writer draws it under the last
/// header row and over the first footer row too), no vertical rules, compact paragraphs.
const BOOKTABS: &str = "<w:style w:type=\"table\" w:styleId=\"Booktabs\"><w:name w:val=\"Booktabs\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>\
<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>\
<w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
<w:tblStylePr w:type=\"firstRow\"><w:tcPr><w:tcBorders><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders></w:tcPr></w:tblStylePr></w:style>";

/// The styles part, with the document's language (when known) among the defaults.
pub fn xml(lang: Option<&WordLang>) -> String {
    let mut x = Xml::new();
    x.raw(DECL);
    x.open("w:styles", &[("xmlns:w", super::W_NS)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[("w:ascii", TEXT_FONT), ("w:hAnsi", TEXT_FONT), ("w:eastAsia", TEXT_FONT), ("w:cs", TEXT_FONT)],
    );
    x.empty("w:sz", &[("w:val", "24")]);
    x.empty("w:szCs", &[("w:val", "24")]);
    if let Some(l) = lang {
        x.empty("w:lang", &l.attrs());
    }
    x.close();
    x.close();
    x.open("w:pPrDefault", &[]);
    x.open("w:pPr", &[]);
    x.empty("w:spacing", &[("w:after", "120"), ("w:line", "276"), ("w:lineRule", "auto")]);
    x.close();
    x.close();
    x.close();
    x.raw("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    x.raw("<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>");
    for s in STYLES {
        x.open("w:style", &[("w:type", s.kind), ("w:styleId", s.id)]);
        x.empty("w:name", &[("w:val", s.name)]);
        if let Some(b) = s.based_on {
            x.empty("w:basedOn", &[("w:val", b)]);
        }
        if s.kind == "paragraph" {
            x.empty("w:next", &[("w:val", if s.id.starts_with("Heading") { "Normal" } else { s.id })]);
        }
        x.empty("w:qFormat", &[]);
        if !s.ppr.is_empty() {
            x.raw(&format!("<w:pPr>{}</w:pPr>", s.ppr));
        }
        if !s.rpr.is_empty() {
            x.raw(&format!("<w:rPr>{}</w:rPr>", s.rpr));
        }
        x.close();
    }
    x.raw(TABLE_NORMAL);
    x.raw(BOOKTABS);
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LangTag;

    #[test]
    fn built_in_styles_have_word_ids_and_the_defaults_the_language() {
        let ru = super::super::lang::word_lang(&LangTag::parse("ru").unwrap());
        let s = xml(Some(&ru));
        for id in [
            "Heading1",
            "Heading6",
            "Title",
            "Subtitle",
            "Quote",
            "Caption",
            "FootnoteText",
            "FootnoteReference",
            "EndnoteText",
            "EndnoteReference",
            "ListParagraph",
            "Bibliography",
            "Hyperlink",
            "SourceLine",
            "TableNormal",
            "Booktabs",
        ] {
            assert!(s.contains(&format!("w:styleId=\"{id}\"")), "{id}");
        }
        assert!(s.contains("<w:name w:val=\"heading 1\"/>"));
        assert!(s.contains("<w:lang w:val=\"ru-RU\"/>"));
        assert!(s.contains("w:ascii=\"Libertinus Serif\""));
        assert!(!xml(None).contains("<w:lang"));
        // Well-formed: as many style starts as ends.
        assert_eq!(s.matches("<w:style ").count(), s.matches("</w:style>").count());
    }
}
