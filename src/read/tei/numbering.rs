//! The numbering of a TEI list from its items' printed labels (`item/@n`, or the `<label>`
//! before each item): `3.` is decimal from 3 with a period, `c)` lower-case letters from 3
//! with a closing parenthesis, `(iv)` lower-case Roman numerals from 4 in two parentheses,
//! `IV.` upper-case Roman numerals. A bare numeral (`n="3"`) is numbered with a period.
//!
//! Letters that are also Roman numerals (`i v x l c d m`, and longer ones such as `ii`,
//! `xi`) are decided by the first two labels: the style in which the second follows the
//! first by one wins (`i`, `ii` is Roman; `c`, `d` and `i`, `j` are letters; `v`, `vi`
//! Roman). When the two do not decide (a single label, or a second that follows in neither
//! style), a lone `i` and a Roman numeral of two letters or more (`ii`, `xiv`) are Roman,
//! and any other single letter (`c`, `v`, `x`) is a letter.
//!
//! Every label present must then be the one the numbering prints for its item; items
//! without a label take theirs from the others. Labels that are not such a sequence give no
//! numbering (the caller keeps them as text).

use crate::model::{Delimiter, NumberStyle, Numbering};

/// One label taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Label<'a> {
    delimiter: Delimiter,
    numeral: &'a str,
    bare: bool,
}

/// Splits `3.`, `c)`, `(iv)` or a bare `3` into numeral and delimiter.
fn split(label: &str) -> Option<Label<'_>> {
    let s = label.trim();
    let (numeral, delimiter, bare) =
        if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            (inner, Delimiter::TwoParens, false)
        } else if let Some(x) = s.strip_suffix(')') {
            (x, Delimiter::Paren, false)
        } else if let Some(x) = s.strip_suffix('.') {
            (x, Delimiter::Period, false)
        } else {
            (s, Delimiter::Period, true)
        };
    let numeral = numeral.trim();
    let ok = !numeral.is_empty() && numeral.len() <= 12 && numeral.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then_some(Label { delimiter, numeral, bare })
}

/// The styles tried, in the order that breaks remaining ties.
const STYLES: [NumberStyle; 5] = [
    NumberStyle::Decimal,
    NumberStyle::LowerAlpha,
    NumberStyle::UpperAlpha,
    NumberStyle::LowerRoman,
    NumberStyle::UpperRoman,
];

/// The value of `numeral` written in `style`, when it is written exactly so (`iiii` and
/// `03` are not).
fn value(style: NumberStyle, numeral: &str) -> Option<u32> {
    let v = match style {
        NumberStyle::Decimal => numeral.parse::<u32>().ok()?,
        NumberStyle::LowerAlpha | NumberStyle::UpperAlpha => {
            let upper = style == NumberStyle::UpperAlpha;
            if numeral.len() > 4 {
                return None;
            }
            numeral.chars().try_fold(0u32, |acc, c| {
                let fits = if upper { c.is_ascii_uppercase() } else { c.is_ascii_lowercase() };
                fits.then(|| acc * 26 + (c.to_ascii_lowercase() as u32 - 'a' as u32 + 1))
            })?
        }
        NumberStyle::LowerRoman | NumberStyle::UpperRoman => {
            let upper = style == NumberStyle::UpperRoman;
            let digit = |c: char| {
                let fits = if upper { c.is_ascii_uppercase() } else { c.is_ascii_lowercase() };
                let v = match c.to_ascii_lowercase() {
                    'i' => 1,
                    'v' => 5,
                    'x' => 10,
                    'l' => 50,
                    'c' => 100,
                    'd' => 500,
                    'm' => 1000,
                    _ => return None,
                };
                fits.then_some(v)
            };
            let digits: Vec<u32> = numeral.chars().map(digit).collect::<Option<_>>()?;
            // Subtractive pairs (`iv`) count their first digit negatively; the check below
            // refuses any numeral not written canonically.
            let mut signed: i64 = 0;
            for (k, d) in digits.iter().enumerate() {
                if digits.get(k + 1).is_some_and(|next| next > d) {
                    signed -= i64::from(*d);
                } else {
                    signed += i64::from(*d);
                }
            }
            u32::try_from(signed).ok()?
        }
    };
    (style.numeral(v) == numeral).then_some(v)
}

/// The style of the first label, decided with the second where letters and Roman numerals
/// collide (see the module's rule). `gap` is how many items lie between the two labels.
fn style(first: &str, second: Option<(&str, u32)>) -> Option<NumberStyle> {
    let candidates: Vec<NumberStyle> = STYLES.into_iter().filter(|s| value(*s, first).is_some()).collect();
    if candidates.len() <= 1 {
        return candidates.first().copied();
    }
    if let Some((second, gap)) = second {
        let follows: Vec<NumberStyle> = candidates
            .iter()
            .copied()
            .filter(|s| {
                let a = value(*s, first).expect("a candidate");
                value(*s, second).is_some_and(|b| Some(b) == a.checked_add(gap))
            })
            .collect();
        if follows.len() == 1 {
            return Some(follows[0]);
        }
    }
    let roman =
        candidates.iter().copied().find(|s| matches!(s, NumberStyle::LowerRoman | NumberStyle::UpperRoman));
    match roman {
        Some(r) if first.len() > 1 || first.eq_ignore_ascii_case("i") => Some(r),
        _ => candidates.first().copied(),
    }
}

/// What the labels of a list print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FromLabels {
    /// The numbering whose labels are exactly those present.
    pub numbering: Numbering,
    /// Whether some label had no delimiter (`3`) and is numbered with a period.
    pub bare: bool,
}

/// The numbering printed by `labels` (one per item, `None` where an item has none), or
/// `None` when there is no label or they are not one consecutive numbering.
pub fn from_labels(labels: &[Option<&str>]) -> Option<FromLabels> {
    let present: Vec<(usize, Label)> = labels
        .iter()
        .enumerate()
        .filter_map(|(k, l)| l.map(|l| split(l).map(|s| (k, s))))
        .collect::<Option<_>>()?;
    let (k0, first) = *present.first()?;
    let second = present.get(1).map(|(k, l)| (l.numeral, (k - k0) as u32));
    let style = style(first.numeral, second)?;
    let start = value(style, first.numeral)?.checked_sub(k0 as u32)?;
    let numbering = Numbering { start, style, delimiter: first.delimiter };
    let consistent = present.iter().all(|(k, l)| {
        l.delimiter == first.delimiter && value(style, l.numeral) == start.checked_add(*k as u32)
    });
    consistent.then_some(FromLabels { numbering, bare: present.iter().any(|(_, l)| l.bare) })
}

/// Whether `label` is a bullet (`•`, `–`, `*`), which a bulleted list prints anyway.
pub fn is_bullet(label: &str) -> bool {
    let s = label.trim();
    !s.is_empty() && s.chars().all(|c| "•◦▪▫‣⁃∙·-–—*+○●■□►▸".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(labels: &[&str]) -> Option<(u32, NumberStyle, Delimiter)> {
        let labels: Vec<Option<&str>> = labels.iter().map(|l| Some(*l)).collect();
        from_labels(&labels).map(|f| (f.numbering.start, f.numbering.style, f.numbering.delimiter))
    }

    #[test]
    fn labels_give_start_style_and_delimiter() {
        use Delimiter::*;
        use NumberStyle::*;
        assert_eq!(n(&["3.", "4."]), Some((3, Decimal, Period)));
        assert_eq!(n(&["c)", "d)"]), Some((3, LowerAlpha, Paren)));
        assert_eq!(n(&["(iv)", "(v)"]), Some((4, LowerRoman, TwoParens)));
        assert_eq!(n(&["IV.", "V.", "VI."]), Some((4, UpperRoman, Period)));
        assert_eq!(n(&["A.", "B."]), Some((1, UpperAlpha, Period)));
        assert_eq!(n(&["y)", "z)", "aa)"]), Some((25, LowerAlpha, Paren)));
    }

    #[test]
    fn letters_that_are_roman_numerals_are_decided_by_the_first_two() {
        use NumberStyle::*;
        let style = |l: &[&str]| n(l).map(|x| x.1);
        assert_eq!(style(&["i.", "ii."]), Some(LowerRoman));
        assert_eq!(style(&["i.", "j."]), Some(LowerAlpha));
        assert_eq!(style(&["c)", "d)"]), Some(LowerAlpha));
        assert_eq!(style(&["v.", "vi."]), Some(LowerRoman));
        assert_eq!(style(&["v.", "w."]), Some(LowerAlpha));
        assert_eq!(style(&["l.", "m."]), Some(LowerAlpha));
        assert_eq!(style(&["x.", "xi."]), Some(LowerRoman));
        assert_eq!(style(&["X.", "Y."]), Some(UpperAlpha));
        assert_eq!(style(&["C.", "D."]), Some(UpperAlpha));
        // One label alone: `i` and longer Roman numerals are Roman, other letters letters.
        assert_eq!(n(&["i)"]), Some((1, LowerRoman, Delimiter::Paren)));
        assert_eq!(n(&["(iii)"]), Some((3, LowerRoman, Delimiter::TwoParens)));
        assert_eq!(n(&["c."]), Some((3, LowerAlpha, Delimiter::Period)));
        assert_eq!(n(&["v."]), Some((22, LowerAlpha, Delimiter::Period)));
    }

    #[test]
    fn labels_that_do_not_follow_one_another_give_no_numbering() {
        assert_eq!(n(&["1.", "2.", "4."]), None, "a skipped number");
        assert_eq!(n(&["1.", "2)"]), None, "delimiters differ");
        assert_eq!(n(&["a.", "B."]), None, "case differs");
        assert_eq!(n(&["iiii.", "v."]), None, "not a Roman numeral as written");
        assert_eq!(n(&["01.", "02."]), None, "leading zeros would not be printed again");
        assert_eq!(n(&["Art. 1", "Art. 2"]), None);
        assert_eq!(n(&["•", "•"]), None);
        assert!(is_bullet("•") && is_bullet(" – ") && !is_bullet("a"));
    }

    #[test]
    fn missing_labels_are_filled_and_bare_numerals_noted() {
        let f = from_labels(&[None, Some("2"), None, Some("4")]).unwrap();
        assert_eq!((f.numbering.start, f.bare), (1, true));
        let f = from_labels(&[Some("3."), None, None]).unwrap();
        assert_eq!((f.numbering.label(5), f.bare), ("5.".to_string(), false));
        assert_eq!(from_labels(&[None, None]), None);
        assert_eq!(from_labels(&[Some("2."), Some("1.")]), None);
    }
}
