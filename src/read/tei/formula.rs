//! `<formula>`: TeX (`notation="TeX"`, also `tex` or `latex`, in any case) is the model's
//! math, its text exactly as written; `rend="display"`, or a formula standing alone in a
//! paragraph of others' TEI, is display math. A formula in another notation or holding
//! markup (MathML's `<mml:math>`) is kept as inline code of its text content, so no formula
//! is read as prose or lost, and reported once per document at its line:column: the model
//! holds TeX only, and MathML's structure (fractions, scripts) is not kept.

use super::Reader;
use crate::model::Inline;
use crate::read::xml::{El, Node};

/// Whether `notation` names TeX.
fn is_tex(notation: Option<&str>) -> bool {
    notation.is_some_and(|n| ["tex", "latex"].contains(&n.trim().to_ascii_lowercase().as_str()))
}

impl Reader<'_> {
    /// The inline of `<formula>` `el`; `alone` when it is the only thing in its paragraph.
    pub(super) fn formula(&mut self, el: &El, alone: bool) -> Inline {
        let markup = el.kids.iter().any(|k| matches!(k, Node::El(_)));
        if is_tex(el.attr("notation")) && !markup {
            let display = el.attr("rend").is_some_and(|r| r.split_whitespace().any(|r| r == "display"));
            return Inline::Math { tex: el.string(), display: display || alone && !self.ours };
        }
        let what = match (markup, el.attr("notation")) {
            (true, _) if el.children().any(|c| c.name == "math") => "MathML".to_string(),
            (true, _) => "markup".to_string(),
            (false, Some(n)) => format!("notation \"{n}\""),
            (false, None) => "no notation".to_string(),
        };
        let message = format!(
            "a <formula> in {what} is kept as code of its text; the model holds formulas as TeX only (here and in every such formula of this document)"
        );
        self.tell_warning("tei-formula-as-text", el, message);
        Inline::Code { text: el.text() }
    }
}

/// The `<formula>` that `p` holds alone (with whitespace only around it).
pub(super) fn alone_in(p: &El) -> Option<&El> {
    let mut found = None;
    for k in &p.kids {
        match k {
            Node::El(c) if c.name == "formula" && found.is_none() => found = Some(c),
            Node::Text(t) if t.trim().is_empty() => {}
            _ => return None,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::diag::Diagnostic;
    use crate::model::{Block, Inline};

    fn read(body: &str) -> (Vec<Block>, Vec<Diagnostic>) {
        let xml = format!(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body>{body}</body></text></TEI>"
        );
        let (doc, diags) = super::super::read(std::path::Path::new("f.xml"), &xml).unwrap();
        (doc.body, diags)
    }

    fn math(tex: &str, display: bool) -> Inline {
        Inline::Math { tex: tex.into(), display }
    }

    #[test]
    fn tex_in_any_spelling_is_math_as_written() {
        let (body, diags) = read(
            "<p>Area <formula notation=\"TeX\">\\pi  r^2</formula>, <formula notation=\"latex\">a&lt;b</formula> and <formula notation=\"tex\" rend=\"display\">x</formula>.</p>",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let content = body[0].content();
        assert_eq!(content[1], math("\\pi  r^2", false));
        assert_eq!(content[3], math("a<b", false));
        assert_eq!(content[5], math("x", true));
    }

    #[test]
    fn a_formula_alone_in_its_paragraph_is_display_math() {
        let (body, _) = read(
            "<p>\n  <formula notation=\"TeX\">E = mc^2</formula>\n</p><formula notation=\"TeX\">y</formula>",
        );
        assert_eq!(body[0].content(), [math("E = mc^2", true)]);
        assert_eq!(body[1].content(), [math("y", true)]);
    }

    #[test]
    fn mathml_and_other_notations_are_code_reported_once_where_they_stand() {
        let (body, diags) = read(
            "<p>Then\n<formula><mml:math><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math></formula> and <formula notation=\"asciimath\">x^2</formula>.</p>",
        );
        let content = body[0].content();
        assert_eq!(content[1], Inline::Code { text: "x2".into() });
        assert_eq!(content[3], Inline::Code { text: "x^2".into() });
        let found: Vec<_> = diags.iter().filter(|d| d.code == "tei-formula-as-text").collect();
        assert_eq!(found.len(), 1, "{diags:?}");
        assert_eq!((found[0].line, found[0].col), (2, 1));
        assert!(found[0].message.contains("MathML"));
    }
}
