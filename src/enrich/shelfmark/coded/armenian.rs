//! Armenian personal fonds kept outside the fond/opis/delo grammar (`ԳԱԹ, Թֆ, № 397`).

use super::*;

/// An Armenian personal fonds and its item (`Թֆ № 397`, Tumanyan's fonds; `ՌՊֆ № 149`):
/// capitals ending in `ֆ` (fonds), the number sign, a number with an optional letter.
pub(super) fn armenian_fonds(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let w = cur.word(k)?;
    let n = w.chars().count();
    if !(2..=4).contains(&n) || !w.ends_with('ֆ') || !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut v = k + 1;
    if cur.punct(v, ',') {
        v += 1;
    }
    if !cur.punct(v, '№') {
        return None;
    }
    v += 1;
    let num = cur.tok(v).filter(|t| t.kind == Kind::Number)?;
    let mut end = num.end;
    let mut next = v + 1;
    let mut norm = num.text(cur.text).to_string();
    // `1521 ա`: a one-letter sub-number.
    // (`և`, "and", is a word of its own.)
    if let Some(l) =
        cur.word(next).filter(|l| l.chars().count() == 1 && *l != "և" && !cur.punct(next + 1, '.'))
    {
        norm.push_str(l);
        end = cur.end(next);
        next += 1;
    }
    let collection = cur.part(LevelKind::Collection, None, cur.start(k), cur.end(k));
    let mut item = cur.part(LevelKind::Item, None, num.start, end);
    item.norm = norm;
    Some((vec![collection, item], next))
}
