//! What a `<hi>` (or `<emph>`) looks like, from `@rend` tokens as projects write them
//! (`italic`, `sup`, `smallcaps`, `vertical-align:super`), from `@style` CSS, and from
//! `@rendition` pointers to the header's `<rendition>` CSS (or, when the header has none,
//! from the pointer's name: the Deutsches Textarchiv's `#i`, `#b`, `#sup`, `#k`).

use super::{El, Reader};
use crate::model::Inline;
use std::collections::HashMap;

/// One typographic style of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Emph,
    Strong,
    Sup,
    Sub,
    SmallCaps,
    /// Upright, normal: no style (`rend="roman"` inside italics).
    Plain,
}

/// A `@rend` token (case and `-`/`_` ignored).
fn token(t: &str) -> Option<Style> {
    if t.contains(':') {
        return css(t).first().copied();
    }
    let t = t.to_ascii_lowercase().replace(['-', '_'], "");
    Some(match t.as_str() {
        "italic" | "italics" | "i" | "it" | "em" | "emph" | "emphasis" | "underline" | "u" | "ul"
        | "spaced" | "letterspaced" | "gesperrt" => Style::Emph,
        "bold" | "b" | "strong" | "bo" | "bf" => Style::Strong,
        "superscript" | "sup" | "super" | "sups" | "raised" | "exponent" => Style::Sup,
        "subscript" | "sub" | "lowered" | "inferior" => Style::Sub,
        "smallcaps" | "smallcap" | "sc" | "smcap" | "smcaps" => Style::SmallCaps,
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
        let style = match (prop.as_str(), value.as_str()) {
            ("font-style", "italic" | "oblique") => Style::Emph,
            ("font-style", "normal") => Style::Plain,
            ("font-weight", "bold" | "bolder" | "600" | "700" | "800" | "900") => Style::Strong,
            ("vertical-align", "super" | "top" | "text-top") => Style::Sup,
            ("vertical-align", "sub" | "bottom" | "text-bottom") => Style::Sub,
            ("font-variant" | "font-variant-caps", v) if v.contains("small-caps") => Style::SmallCaps,
            ("text-decoration" | "text-decoration-line", v) if v.contains("underline") => Style::Emph,
            ("letter-spacing", v) if v != "normal" && v != "0" => Style::Emph,
            _ => continue,
        };
        out.push(style);
    }
    out
}

/// A `@rendition` pointer's name read as a token; the Deutsches Textarchiv's `#k`
/// (Kapitälchen) and `#g` (gesperrt) too.
fn rendition_name(id: &str) -> Option<Style> {
    match id {
        "k" => Some(Style::SmallCaps),
        "g" => Some(Style::Emph),
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
    /// The styles of `el`, outermost first, from `@rend`, `@rendition` and `@style`. A
    /// `<hi>` that says nothing is emphasis; one whose rendering is not understood is
    /// emphasis too, and said so once for each rendering.
    pub(super) fn styles(&mut self, el: &El) -> Vec<Style> {
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        for t in el.attr("rend").into_iter().flat_map(str::split_whitespace) {
            match token(t) {
                Some(s) => out.push(s),
                None => unknown.push(t.to_string()),
            }
        }
        for p in el.attr("rendition").into_iter().flat_map(str::split_whitespace) {
            let id = p.strip_prefix('#').unwrap_or(p);
            let found = self.renditions.get(id).map(|c| css(c)).unwrap_or_default();
            match (found.is_empty(), rendition_name(id)) {
                (false, _) => out.extend(found),
                (true, Some(s)) => out.push(s),
                (true, None) => unknown.push(p.to_string()),
            }
        }
        out.extend(el.attr("style").map(css).unwrap_or_default());
        let mut seen = Vec::new();
        out.retain(|s| {
            !seen.contains(s) && {
                seen.push(*s);
                true
            }
        });
        if out.is_empty() {
            if !unknown.is_empty() {
                let what = unknown.join(" ");
                if self.told.insert(format!("rend {what}")) {
                    self.info_at(
                        "tei-rend-as-emphasis",
                        el,
                        format!(
                            "<{} rend/rendition=\"{what}\"> is read as emphasis (italic); its text is kept",
                            el.name
                        ),
                    );
                }
            }
            out.push(Style::Emph);
        }
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
        assert_eq!(para("<hi>a <hi rend=\"roman\">b</hi></hi>"), [Inline::Emph { content: vec![t("a b")] }]);
    }

    #[test]
    fn plain_hi_and_unknown_renderings_are_emphasis() {
        let (p, d) = para_with("", "<hi>a</hi><emph>b</emph><hi rend=\"bold\">c</hi>");
        assert_eq!(
            p,
            [
                Inline::Emph { content: vec![t("a")] },
                Inline::Emph { content: vec![t("b")] },
                Inline::Strong { content: vec![t("c")] }
            ]
        );
        assert!(d.is_empty(), "{d:?}");
        let (p, d) = para_with("", "<hi rend=\"blink\">a</hi> <hi rend=\"blink\">b</hi>");
        assert_eq!(p[0], Inline::Emph { content: vec![t("a")] });
        let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["tei-rend-as-emphasis"], "once per rendering");
    }
}
