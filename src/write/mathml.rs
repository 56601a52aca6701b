//! TeX to MathML for the e-book, by `math-core` (MathML Core, as browsers and reading systems
//! implement it). Chosen over `latex2mathml` (which writes parse errors into the formula as
//! text and lacks `aligned`, `cases`, `\mathcal`) and `pulldown-latex` (which leaves `<`
//! unescaped inside `cases`): on the 16 formulas of tests/blocks/math.md and 16 common ones,
//! math-core converts 30 of 32 and refuses the 2 malformed ones with an error. Version 0.7:
//! 0.9 needs a newer Rust than this project builds with.

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};

/// Converts formulas, one document at a time.
pub struct Converter {
    inner: Option<LatexToMathML>,
}

impl Default for Converter {
    fn default() -> Self {
        let config = MathCoreConfig { xml_namespace: true, ..MathCoreConfig::default() };
        Converter { inner: LatexToMathML::new(config).ok() }
    }
}

impl Converter {
    /// The `<math>` element of `tex`, with the TeX as its `alttext` (what assistive
    /// technology reads when it cannot read MathML) and `display="block"` for display math;
    /// `None` when the TeX cannot be converted.
    pub fn convert(&self, tex: &str, display: bool) -> Option<String> {
        let mode = if display { MathDisplay::Block } else { MathDisplay::Inline };
        let mathml = self.inner.as_ref()?.convert_with_local_state(tex, mode).ok()?.mathml;
        let rest = mathml.strip_prefix("<math")?;
        let alt = tex.split_whitespace().collect::<Vec<_>>().join(" ");
        let alt = alt.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
        let block = if display && !rest.contains("display=\"block\"") { " display=\"block\"" } else { "" };
        Some(format!("<math alttext=\"{alt}\"{block}{rest}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_mathml_with_their_tex_as_alternative_text() {
        let c = Converter::default();
        let m = c.convert("x^2 < y", false).unwrap();
        assert!(m.starts_with("<math alttext=\"x^2 &lt; y\""), "{m}");
        assert!(m.contains("xmlns=\"http://www.w3.org/1998/Math/MathML\""), "{m}");
        assert!(m.contains("<msup><mi>x</mi><mn>2</mn></msup>"), "{m}");
        assert!(!m.contains("display=\"block\""), "{m}");
        let d = c.convert("\\frac{1}{2}", true).unwrap();
        assert_eq!(d.matches("display=\"block\"").count(), 1, "{d}");
        assert!(d.contains("<mfrac>"), "{d}");
    }

    #[test]
    fn malformed_tex_is_not_converted() {
        let c = Converter::default();
        assert!(c.convert("\\frac{1}{", false).is_none());
        assert!(c.convert("\\nosuchcommand{x}", false).is_none());
    }
}
