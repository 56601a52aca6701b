//! A fond named alone, without an archive or a lower level: `(fonds 1448)`, `(ֆ. 57)`,
//! `фонд № 389`, `ф. Р-2001`. Most fond labels with a number alone are something else
//! (`ф. 85` a page of a note, `фонд 500` a sum of money), so only the forms that can mean
//! nothing but an archival fond count.

use super::Parsed;
use crate::enrich::tokens::{Kind, Token};
use crate::fold::fold;

/// Fond labels that are archival words in every language that prints them: the
/// English and French `fond(s)`, Lithuanian `fondas`, Georgian `ფონდი`, Armenian `ֆոնդ`
/// and its abbreviation `ֆ.` (Armenian writes no other word so).
const ARCHIVAL: &[&str] = &["fonds", "fond", "fondas", "ფონდი", "ֆոնդ", "ֆ"];

/// Returns true when the one-level chain `parsed`, whose label starts at token `label`, is
/// a fond named alone: an archival label, a number sign before the value (`фонд № 389`),
/// or a lettered value (GARF's and the oblast archives' `Р-2001`).
pub(super) fn is_named_fond(text: &str, toks: &[Token], label: usize, parsed: &Parsed) -> bool {
    let [fond] = parsed.parts.as_slice() else { return false };
    if parsed.folios.is_some() || parsed.pages.is_some() {
        return false;
    }
    let word = fold(toks[label].text(text));
    let lettered = fond.norm.split_once('-').is_some_and(|(p, n)| {
        p.chars().count() == 1
            && p.chars().all(char::is_alphabetic)
            && n.starts_with(|c: char| c.is_ascii_digit())
    });
    let (label_end, value_start) = (fond.label.map_or(fond.value.0, |l| l.1), fond.value.0);
    let signed = text[label_end..value_start].contains(['№', 'N']);
    // `фонд 2020 года`: a year, not a fond.
    let year = toks
        .get(parsed.next)
        .is_some_and(|t| t.kind == Kind::Word && matches!(t.text(text), "г" | "года" | "year" | "рр" | "р"));
    // A fond word spelled out (not `ф.`, `f.`), inflected or not, with a number sign.
    let spelled = word.chars().count() >= 4 && (word.starts_with("фонд") || word.starts_with("fond"));
    !year && (ARCHIVAL.contains(&word.as_str()) || lettered || spelled && signed)
}
