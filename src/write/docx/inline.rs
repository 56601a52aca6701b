//! Runs: the model's inlines as `w:r` elements with their properties, hyperlinks, note
//! references and page milestones.
//!
//! Every run carries `w:lang` when its language is known (the document's, a paragraph's, a
//! note's or a span's), in the slot of its script; a right-to-left language adds `w:rtl`
//! (and `w:bCs`/`w:iCs`, which is how Word bolds and slants complex-script text).

use super::lang::word_lang;
use super::xml::Xml;
use super::{notes, Ctx};
use crate::model::{Inline, LangTag};

/// The properties of the runs being written, as the inline tree sets them.
#[derive(Debug, Clone, Default)]
pub struct Rpr {
    /// A character style (`Hyperlink`, `VerbatimChar`, `FootnoteReference`).
    pub style: Option<&'static str>,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Small capitals.
    pub small_caps: bool,
    /// Struck through (`w:strike`).
    pub strike: bool,
    /// Underlined with a single line (`w:u`).
    pub underline: bool,
    /// `superscript` or `subscript`.
    pub vert: Option<&'static str>,
    /// The language of the text, when known.
    pub lang: Option<LangTag>,
}

impl Rpr {
    /// Run properties with only a language.
    pub fn lang(lang: Option<LangTag>) -> Self {
        Rpr { lang, ..Rpr::default() }
    }

    /// Writes `<w:rPr>` (nothing when no property is set), children in the schema's order.
    pub fn write(&self, x: &mut Xml) {
        let word = self.lang.as_ref().map(word_lang);
        let rtl = word.as_ref().is_some_and(|w| w.rtl());
        if self.style.is_none()
            && !self.bold
            && !self.italic
            && !self.small_caps
            && !self.strike
            && !self.underline
            && self.vert.is_none()
            && word.is_none()
        {
            return;
        }
        x.open("w:rPr", &[]);
        if let Some(s) = self.style {
            x.empty("w:rStyle", &[("w:val", s)]);
        }
        if self.bold {
            x.empty("w:b", &[]);
            if rtl {
                x.empty("w:bCs", &[]);
            }
        }
        if self.italic {
            x.empty("w:i", &[]);
            if rtl {
                x.empty("w:iCs", &[]);
            }
        }
        if self.small_caps {
            x.empty("w:smallCaps", &[]);
        }
        if self.strike {
            x.empty("w:strike", &[]);
        }
        if self.underline {
            x.empty("w:u", &[("w:val", "single")]);
        }
        if let Some(v) = self.vert {
            x.empty("w:vertAlign", &[("w:val", v)]);
        }
        if rtl {
            x.empty("w:rtl", &[]);
        }
        if let Some(w) = &word {
            x.empty("w:lang", &w.attrs());
        }
        x.close();
    }
}

/// Writes one run of text: tabs as `w:tab`, line ends as `w:br`, the rest in `w:t`.
pub fn text_run(x: &mut Xml, rp: &Rpr, text: &str) {
    if text.is_empty() {
        return;
    }
    x.open("w:r", &[]);
    rp.write(x);
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest.find(['\t', '\n', '\r']).unwrap_or(rest.len());
        if cut > 0 {
            x.leaf("w:t", &[("xml:space", "preserve")], &rest[..cut]);
        }
        let mut chars = rest[cut..].chars();
        match chars.next() {
            Some('\t') => x.empty("w:tab", &[]),
            Some('\r') => {
                // `\r\n` is one line end.
                if chars.as_str().starts_with('\n') {
                    chars.next();
                }
                x.empty("w:br", &[]);
            }
            Some(_) => x.empty("w:br", &[]),
            None => {}
        }
        rest = chars.as_str();
    }
    x.close();
}

/// Writes `inlines` as runs with the properties `rp`.
pub fn inlines(ctx: &mut Ctx, x: &mut Xml, inlines: &[Inline], rp: &Rpr) {
    for inline in inlines {
        inline_one(ctx, x, inline, rp);
    }
}

fn with(rp: &Rpr, f: impl FnOnce(&mut Rpr)) -> Rpr {
    let mut r = rp.clone();
    f(&mut r);
    r
}

fn inline_one(ctx: &mut Ctx, x: &mut Xml, inline: &Inline, rp: &Rpr) {
    match inline {
        Inline::Text { text } => text_run(x, rp, text),
        Inline::Emph { content } => inlines(ctx, x, content, &with(rp, |r| r.italic = true)),
        Inline::Strong { content } => inlines(ctx, x, content, &with(rp, |r| r.bold = true)),
        Inline::Superscript { content } => {
            inlines(ctx, x, content, &with(rp, |r| r.vert = Some("superscript")))
        }
        Inline::Subscript { content } => inlines(ctx, x, content, &with(rp, |r| r.vert = Some("subscript"))),
        Inline::SmallCaps { content } => inlines(ctx, x, content, &with(rp, |r| r.small_caps = true)),
        Inline::Underline { content } => inlines(ctx, x, content, &with(rp, |r| r.underline = true)),
        Inline::Strikeout { content } => inlines(ctx, x, content, &with(rp, |r| r.strike = true)),
        // Set apart in italics, as in the other outputs.
        Inline::Highlight { content, .. } => inlines(ctx, x, content, &with(rp, |r| r.italic = true)),
        // The marks of the run's language, as text.
        Inline::Quoted { style, content } => {
            let (open, close) = crate::write::quote_marks::marks(rp.lang.as_ref(), *style);
            text_run(x, rp, open);
            inlines(ctx, x, content, rp);
            text_run(x, rp, close);
        }
        Inline::Code { text } => text_run(x, &with(rp, |r| r.style = Some("VerbatimChar")), text),
        Inline::LineBreak => {
            x.open("w:r", &[]);
            rp.write(x);
            x.empty("w:br", &[]);
            x.close();
        }
        Inline::Link { url, content } => link(ctx, x, url, content, rp),
        Inline::Span { lang, content } => {
            inlines(ctx, x, content, &with(rp, |r| r.lang = Some(lang.clone())))
        }
        Inline::Shelfmark(m) => {
            ctx.tally.shelfmarks += 1;
            text_run(x, rp, &m.raw);
        }
        Inline::Note(note) => notes::call(ctx, x, note, rp),
        Inline::PageBreak { n } => page_break(ctx, x, n),
        Inline::Math { tex, display } => {
            ctx.tally.math.push(tex.chars().take(60).collect());
            let shown = if *display { format!("$${tex}$$") } else { format!("${tex}$") };
            text_run(x, rp, &shown);
        }
        Inline::Name { reference, content, .. } => {
            ctx.tally.names += 1;
            ctx.tally.name_refs += usize::from(reference.is_some());
            inlines(ctx, x, content, rp);
        }
        Inline::Date { when, content } => {
            ctx.tally.dates += 1;
            ctx.tally.date_values += usize::from(when.is_some());
            inlines(ctx, x, content, rp);
        }
        Inline::Citation { content, .. } => {
            ctx.tally.citations += 1;
            inlines(ctx, x, content, rp);
        }
        Inline::Choice { shown, .. } => {
            ctx.tally.choices += 1;
            inlines(ctx, x, shown, rp);
        }
        Inline::Image { image, alt } => {
            let measure = ctx.measure;
            super::drawing::image(ctx, x, image, alt, measure, rp);
        }
        Inline::Ref { target, content } => reference(ctx, x, target, content, rp),
    }
}

/// A cross-reference: a link to the bookmark of the table's or figure's caption, its text
/// the printed one, else the target's label, else its id. A reference to no table or figure
/// is its text, counted; one inside a link is its text in the outer link.
fn reference(ctx: &mut Ctx, x: &mut Xml, target: &str, content: &[Inline], rp: &Rpr) {
    let found = ctx.targets.get(target).cloned();
    let shown = match (content.is_empty(), found.as_ref().and_then(|t| t.label.clone())) {
        (false, _) => content.to_vec(),
        (true, Some(label)) => vec![Inline::text(label)],
        (true, None) => vec![Inline::text(target)],
    };
    match found {
        None => {
            ctx.tally.dangling_refs.push(target.to_string());
            inlines(ctx, x, &shown, rp);
        }
        Some(_) if ctx.in_link => inlines(ctx, x, &shown, rp),
        Some(t) => {
            x.open("w:hyperlink", &[("w:anchor", &t.bookmark)]);
            ctx.in_link = true;
            inlines(ctx, x, &shown, rp);
            ctx.in_link = false;
            x.close();
        }
    }
}

/// A hyperlink: an external relationship of the part being written (`#name` is a link to a
/// bookmark of the document). A link inside a link cannot nest in WordprocessingML: its
/// text is written inside the outer one, and counted.
fn link(ctx: &mut Ctx, x: &mut Xml, url: &str, content: &[Inline], rp: &Rpr) {
    let styled = with(rp, |r| r.style = r.style.or(Some("Hyperlink")));
    if ctx.in_link || url.is_empty() {
        ctx.tally.unlinked += 1;
        inlines(ctx, x, content, if ctx.in_link { rp } else { &styled });
        return;
    }
    match url.strip_prefix('#') {
        Some(anchor) => x.open("w:hyperlink", &[("w:anchor", anchor)]),
        None => {
            let id = ctx.link_rel(url);
            x.open("w:hyperlink", &[("r:id", &id)]);
        }
    }
    ctx.in_link = true;
    inlines(ctx, x, content, &styled);
    ctx.in_link = false;
    x.close();
}

/// An address as a relationship target: characters a URI may not hold percent-encoded
/// (spaces, non-ASCII letters, quotes), so that Word takes it; `%` already there is kept.
pub fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A page of the printed source begins: an empty bookmark `page_N` (Word page breaks would
/// re-paginate the document; a bookmark keeps the printed number and shows nothing).
fn page_break(ctx: &mut Ctx, x: &mut Xml, n: &str) {
    let name = ctx.bookmark_name(n);
    let id = ctx.next_bookmark.to_string();
    ctx.next_bookmark += 1;
    x.empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)]);
    x.empty("w:bookmarkEnd", &[("w:id", &id)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, rp: &Rpr) -> String {
        let mut x = Xml::new();
        text_run(&mut x, rp, text);
        x.finish()
    }

    #[test]
    fn tabs_and_line_ends_are_word_elements() {
        assert_eq!(
            run("a\tb\r\nc\n", &Rpr::default()),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t><w:br/></w:r>"
        );
        assert_eq!(run("", &Rpr::default()), "");
    }

    #[test]
    fn run_properties_in_schema_order_with_the_language_slot() {
        let rp = Rpr {
            style: Some("Hyperlink"),
            bold: true,
            italic: true,
            small_caps: true,
            strike: true,
            underline: true,
            vert: Some("superscript"),
            lang: Some(LangTag::parse("ru").unwrap()),
        };
        assert_eq!(
            run("ф", &rp),
            "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:b/><w:i/><w:smallCaps/><w:strike/><w:u w:val=\"single\"/><w:vertAlign w:val=\"superscript\"/><w:lang w:val=\"ru-RU\"/></w:rPr><w:t xml:space=\"preserve\">ф</w:t></w:r>"
        );
        let rp = Rpr { bold: true, ..Rpr::lang(Some(LangTag::parse("he").unwrap())) };
        assert_eq!(
            run("שלום", &rp),
            "<w:r><w:rPr><w:b/><w:bCs/><w:rtl/><w:lang w:bidi=\"he-IL\"/></w:rPr><w:t xml:space=\"preserve\">שלום</w:t></w:r>"
        );
    }

    #[test]
    fn addresses_are_made_uris() {
        assert_eq!(uri("https://example.org/a b?q=\"ä\""), "https://example.org/a%20b?q=%22%C3%A4%22");
        assert_eq!(uri("https://doi.org/10.1000/x%20y"), "https://doi.org/10.1000/x%20y");
    }
}
