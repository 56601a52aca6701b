//! What a `<hi>` (or `<emph>`) looks like, from `@rend` tokens as projects write them
//! (`italic`, `sup`, `smallcaps`, `underline`, `vertical-align:super`), from `@style` CSS,
//! and from `@rendition` pointers to the header's `<rendition>` CSS (or, when the header has
//! none, from the pointer's name: the Deutsches Textarchiv's `#i`, `#b`, `#sup`, `#k`, `#u`,
//! `#s`). A rendering the model has no kind for (`#aq` antiqua, `#g` letterspaced, a colour)
//! is a highlighted run keeping the source's words for it.

use super::{El, Reader};
use crate::model::Inline;
use std::collections::HashMap;

/// One typographic style of the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Style {
    Emph,
    Strong,
    Sup,
    Sub,
    SmallCaps,
    Underline,
    Strikeout,
    /// Upright, normal: no style (`rend="roman"` inside italics).
    Plain,
    /// A rendering the model has no kind for, in the source's words (empty when the source
    /// says none).
    Highlight(String),
}

impl Style {
    /// Where the style nests among others: lines drawn through or under the text outermost,
    /// a highlight innermost, the rest in the order written.
    fn rank(&self) -> u8 {
        match self {
            Style::Underline | Style::Strikeout => 0,
            Style::Highlight(_) => 2,
            _ => 1,
        }
    }
}

/// A `@rend` token (case and `-`/`_` ignored).
fn token(t: &str) -> Option<Style> {
    let t = t.to_ascii_lowercase().replace(['-', '_'], "");
    Some(match t.as_str() {
        "italic" | "italics" | "i" | "it" | "em" | "emph" | "emphasis" => Style::Emph,
        "bold" | "b" | "strong" | "bo" | "bf" => Style::Strong,
        "superscript" | "sup" | "super" | "sups" | "raised" | "exponent" => Style::Sup,
        "subscript" | "sub" | "lowered" | "inferior" => Style::Sub,
        "smallcaps" | "smallcap" | "sc" | "smcap" | "smcaps" => Style::SmallCaps,
        "underline" | "underlined" | "u" | "ul" => Style::Underline,
        "strikethrough" | "strikeout" | "strike" | "struck" | "overstrike" | "linethrough" => {
            Style::Strikeout
        }
        "roman" | "normal" | "upright" | "plain" | "nonitalic" => Style::Plain,
        _ => return None,
    })
}

/// The styles a CSS declaration list names (`font-style: italic; vertical-align: super`).
fn css(decls: &str) -> Vec<Style> {
    let mut out = Vec::new();
    for d in decls.split(';') {
        let Some((prop, value)) = d.split_once(':') else { continue };
        let (prop, value) = (prop.trim().to_ascii_lowercase(), value.trim().to_ascii_lowercase());
        match (prop.as_str(), value.as_str()) {
            ("font-style", "italic" | "oblique") => out.push(Style::Emph),
            ("font-style", "normal") => out.push(Style::Plain),
            ("font-weight", "bold" | "bolder" | "600" | "700" | "800" | "900") => out.push(Style::Strong),
            ("vertical-align", "super" | "top" | "text-top") => out.push(Style::Sup),
            ("vertical-align", "sub" | "bottom" | "text-bottom") => out.push(Style::Sub),
            ("font-variant" | "font-variant-caps", v) if v.contains("small-caps") => {
                out.push(Style::SmallCaps)
            }
            ("text-decoration" | "text-decoration-line", v) => {
                if v.contains("underline") {
                    out.push(Style::Underline);
                }
                if v.contains("line-through") {
                    out.push(Style::Strikeout);
                }
            }
            _ => {}
        }
    }
    out
}

/// A `@rendition` pointer's name read as a token; the Deutsches Textarchiv's `#k`
/// (Kapitälchen), `#u` and `#uu` (underlined once, twice) and `#s` (struck through) too.
fn rendition_name(id: &str) -> Option<Style> {
    match id {
        "k" => Some(Style::SmallCaps),
        "u" | "uu" => Some(Style::Underline),
        "s" => Some(Style::Strikeout),
        other => token(other),
    }
}

/// The header's `<rendition xml:id="…">` CSS, by id (TEI `tagsDecl`).
pub(super) fn renditions(root: &El) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(tags) = root.path(&["teiHeader", "encodingDesc", "tagsDecl"]) else { return out };
    for r in tags.all("rendition") {
        let css = r.attr("scheme").is_none_or(|s| s == "css");
        if let (Some(id), true) = (r.attr("xml:id"), css) {
            out.insert(id.to_string(), r.string());
        }
    }
    out
}

impl Reader<'_> {
    /// The styles of `el`, outermost first, from `@rend`, `@rendition` and `@style`. An
    /// `<emph>` that says nothing more is emphasis; a `<hi>` that says nothing is a highlight
    /// without words. The words of what is not understood (the `@rend` tokens, a
    /// rendition's CSS, or the pointer when it has none, the `@style`) are kept as a
    /// highlight inside the styles understood.
    pub(super) fn styles(&mut self, el: &El) -> Vec<Style> {
        let mut out = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        match el.attr("rend").map(str::trim) {
            // CSS in `@rend` (`vertical-align: super`): its declarations, spaces and all.
            Some(rend) if rend.contains(':') => {
                let found = css(rend);
                if found.is_empty() {
                    unknown.push(rend.to_string());
                }
                out.extend(found);
            }
            rend => {
                for t in rend.into_iter().flat_map(str::split_whitespace) {
                    match token(t) {
                        Some(s) => out.push(s),
                        None => unknown.push(t.to_string()),
                    }
                }
            }
        }
        for p in el.attr("rendition").into_iter().flat_map(str::split_whitespace) {
            let id = p.strip_prefix('#').unwrap_or(p);
            let decls = self.renditions.get(id).map(|c| c.trim().to_string()).unwrap_or_default();
            let found = css(&decls);
            match (found.is_empty(), rendition_name(id)) {
                (false, _) => out.extend(found),
                (true, _) if !decls.is_empty() => unknown.push(decls),
                (true, Some(s)) => out.push(s),
                (true, None) => unknown.push(p.to_string()),
            }
        }
        if let Some(style) = el.attr("style").map(str::trim).filter(|s| !s.is_empty()) {
            let found = css(style);
            if found.is_empty() {
                unknown.push(style.to_string());
            }
            out.extend(found);
        }
        let mut seen = Vec::new();
        out.retain(|s| {
            !seen.contains(s) && {
                seen.push(s.clone());
                true
            }
        });
        if el.name == "emph" && !out.iter().any(|s| *s != Style::Plain) {
            out.insert(0, Style::Emph);
        }
        if !unknown.is_empty() || out.is_empty() {
            out.push(Style::Highlight(unknown.join(" ")));
        }
        out.sort_by_key(Style::rank);
        out
    }
}

/// `content` inside the styles, the first outermost.
pub(super) fn apply(styles: &[Style], content: Vec<Inline>) -> Vec<Inline> {
    let mut content = content;
    for s in styles.iter().rev() {
        content = match s {
            Style::Emph => vec![Inline::Emph { content }],
            Style::Strong => vec![Inline::Strong { content }],
            Style::Sup => vec![Inline::Superscript { content }],
            Style::Sub => vec![Inline::Subscript { content }],
            Style::SmallCaps => vec![Inline::SmallCaps { content }],
            Style::Underline => vec![Inline::Underline { content }],
            Style::Strikeout => vec![Inline::Strikeout { content }],
            Style::Highlight(rend) => vec![Inline::Highlight { rend: rend.clone(), content }],
            Style::Plain => content,
        };
    }
    content
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use crate::diag::Diagnostic;
    use crate::model::Inline;
    use std::path::Path;

    /// The inlines of the one paragraph of `xml` (a `<p>`'s content), with a header.
    fn para_with(header: &str, xml: &str) -> (Vec<Inline>, Vec<Diagnostic>) {
        let xml = format!(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>{header}</teiHeader><text><body><p>{xml}</p></body></text></TEI>"
        );
        let (doc, diags) = read(Path::new("t.xml"), &xml).unwrap();
        (doc.body[0].content().to_vec(), diags)
    }

    fn para(xml: &str) -> Vec<Inline> {
        para_with("", xml).0
    }

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    fn sup(s: &str) -> Inline {
        Inline::Superscript { content: vec![t(s)] }
    }

    fn sc(s: &str) -> Inline {
        Inline::SmallCaps { content: vec![t(s)] }
    }

    #[test]
    fn superscripts_in_every_spelling() {
        for rend in ["superscript", "sup", "super", "SUP", "vertical-align:super", "vertical-align: super"] {
            assert_eq!(para(&format!("1<hi rend=\"{rend}\">er</hi>")), [t("1"), sup("er")], "{rend}");
        }
        assert_eq!(para("1<hi style=\"vertical-align: super\">er</hi>"), [t("1"), sup("er")]);
        assert_eq!(para("1<hi rendition=\"#sup\">er</hi>"), [t("1"), sup("er")]);
    }

    #[test]
    fn subscripts_and_small_caps_in_every_spelling() {
        let sub = Inline::Subscript { content: vec![t("2")] };
        for rend in ["subscript", "sub", "vertical-align:sub"] {
            assert_eq!(
                para(&format!("H<hi rend=\"{rend}\">2</hi>O")),
                [t("H"), sub.clone(), t("O")],
                "{rend}"
            );
        }
        for rend in ["smallcaps", "small-caps", "sc", "smallCaps", "font-variant:small-caps"] {
            assert_eq!(para(&format!("<hi rend=\"{rend}\">Octagon</hi>")), [sc("Octagon")], "{rend}");
        }
        assert_eq!(para("<hi style=\"font-variant: small-caps\">Octagon</hi>"), [sc("Octagon")]);
        // The Deutsches Textarchiv's pointer names, without a header.
        assert_eq!(para("<hi rendition=\"#k\">Octagon</hi>"), [sc("Octagon")]);
    }

    #[test]
    fn rendition_pointers_follow_the_header_css() {
        let header = "<encodingDesc><tagsDecl><rendition xml:id=\"r1\" scheme=\"css\">font-variant: small-caps;</rendition>\
             <rendition xml:id=\"r2\">vertical-align: super; font-size: smaller</rendition></tagsDecl></encodingDesc>";
        let (p, d) = para_with(header, "<hi rendition=\"#r1\">Red</hi> 234<hi rendition=\"#r2\">a</hi>");
        assert_eq!(p, [sc("Red"), t(" 234"), sup("a")]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn several_values_nest_the_first_outermost() {
        assert_eq!(para("<hi rend=\"italic smallcaps\">x</hi>"), [Inline::Emph { content: vec![sc("x")] }]);
        assert_eq!(
            para("<hi rend=\"bold\" style=\"vertical-align:super\">x</hi>"),
            [Inline::Strong { content: vec![sup("x")] }]
        );
        // Nested elements nest too; `roman` inside italics is plain.
        assert_eq!(
            para("<hi rend=\"strong\"><hi rend=\"smallcaps\">Black</hi>,</hi>"),
            [Inline::Strong { content: vec![sc("Black"), t(",")] }]
        );
        assert_eq!(
            para("<hi rend=\"italic\">a <hi rend=\"roman\">b</hi></hi>"),
            [Inline::Emph { content: vec![t("a b")] }]
        );
        // Lines under or through the text wrap the rest.
        assert_eq!(
            para("<hi style=\"font-style:italic;text-decoration:underline\">x</hi>"),
            [Inline::Underline { content: vec![Inline::Emph { content: vec![t("x")] }] }]
        );
    }

    fn hl(rend: &str, s: &str) -> Inline {
        Inline::Highlight { rend: rend.into(), content: vec![t(s)] }
    }

    #[test]
    fn underlines_and_strikeouts_in_every_spelling() {
        let u = |s: &str| Inline::Underline { content: vec![t(s)] };
        let s_ = |s: &str| Inline::Strikeout { content: vec![t(s)] };
        for rend in ["underline", "u", "UL", "text-decoration:underline"] {
            assert_eq!(para(&format!("<hi rend=\"{rend}\">a</hi>")), [u("a")], "{rend}");
        }
        for rend in ["strikethrough", "overstrike", "strike-through", "text-decoration: line-through"] {
            assert_eq!(para(&format!("<hi rend=\"{rend}\">a</hi>")), [s_("a")], "{rend}");
        }
        assert_eq!(para("<hi style=\"text-decoration: underline\">a</hi>"), [u("a")]);
        // The Deutsches Textarchiv's pointers, without a header: `#u`, `#uu`, `#s`.
        assert_eq!(para("<hi rendition=\"#u\">a</hi><hi rendition=\"#s\">b</hi>"), [u("a"), s_("b")]);
        assert_eq!(
            para("N<hi rendition=\"#sup #uu\">o</hi>"),
            [t("N"), Inline::Underline { content: vec![sup("o")] }]
        );
        // Through the header's CSS, several at once.
        let header = "<encodingDesc><tagsDecl><rendition xml:id=\"T6\" scheme=\"css\">font-style:italic;text-decoration:underline</rendition>\
             <rendition xml:id=\"T9\" scheme=\"css\">text-decoration:underline line-through</rendition></tagsDecl></encodingDesc>";
        let (p, d) = para_with(header, "<hi rendition=\"#T6\">a</hi><hi rendition=\"#T9\">b</hi>");
        assert_eq!(
            p,
            [
                Inline::Underline { content: vec![Inline::Emph { content: vec![t("a")] }] },
                Inline::Underline { content: vec![s_("b")] }
            ]
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn other_renderings_are_highlights_keeping_their_words() {
        let (p, d) = para_with(
            "",
            "<hi>a</hi><emph>b</emph><hi rend=\"bold\">c</hi><hi rend=\"latex\">d</hi><hi rendition=\"#aq\">e</hi><hi rendition=\"#g\">f</hi><hi rend=\"color(red) big\">g</hi><hi style=\"letter-spacing: 0.2em\">h</hi>",
        );
        assert_eq!(
            p,
            [
                hl("", "a"),
                Inline::Emph { content: vec![t("b")] },
                Inline::Strong { content: vec![t("c")] },
                hl("latex", "d"),
                hl("#aq", "e"),
                hl("#g", "f"),
                hl("color(red) big", "g"),
                hl("letter-spacing: 0.2em", "h"),
            ]
        );
        assert!(d.is_empty(), "{d:?}");
        // A rendition whose CSS the model has no kind for keeps its CSS.
        let header = "<encodingDesc><tagsDecl><rendition xml:id=\"T1\" scheme=\"css\">font-family: Courier</rendition></tagsDecl></encodingDesc>";
        assert_eq!(para_with(header, "<hi rendition=\"#T1\">x</hi>").0, [hl("font-family: Courier", "x")]);
        // Words understood and not: the highlight inside the styles understood.
        assert_eq!(
            para("<hi rend=\"bold blink\">x</hi>"),
            [Inline::Strong { content: vec![hl("blink", "x")] }]
        );
    }

    #[test]
    fn a_hi_of_a_language_only_is_a_span() {
        let en = crate::model::LangTag::parse("en").unwrap();
        assert_eq!(
            para("<hi xml:lang=\"en\">word</hi> <hi rend=\"italic\" xml:lang=\"en\">it</hi>"),
            [
                Inline::Span { lang: en.clone(), content: vec![t("word")] },
                t(" "),
                Inline::Span { lang: en, content: vec![Inline::Emph { content: vec![t("it")] }] },
            ]
        );
    }
}
