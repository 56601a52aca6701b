//! German archives: Bundesarchiv and others (collection / file), PA AA (collection / file,
//! or a named series and its volume).

use super::*;

/// A Bundesarchiv or PA AA code: letters, then a number with a tight suffix (`R 43-I`,
/// `RH 2`, `RZ 201`, `R 14087`); returns its end and the token after it.
pub(super) fn german_code(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    let w = cur.word(k)?;
    if !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() > 5 {
        return None;
    }
    if !cur.kind(k + 1, Kind::Number) {
        return None;
    }
    let mut end = cur.end(k + 1);
    let mut j = k + 2;
    if cur.tight(j) && cur.tok(j).is_some_and(|t| is_dash(cur.text, t)) && cur.tight(j + 1) {
        if let Some(t) = cur.tok(j + 1).filter(|t| t.kind != Kind::Punct) {
            end = t.end;
            j += 2;
        }
    } else if cur.word(j).is_some_and(|w| matches!(w, "I" | "II" | "III" | "IV" | "V" | "VI"))
        && cur.punct(j + 1, '/')
    {
        // `R 43 I/1234`: the Roman part printed after a space.
        end = cur.end(j);
        j += 1;
    }
    Some((end, j))
}

/// Bundesarchiv and other German archives: collection (`R 43-I`, `RH 2`, `Rep 900`, or a
/// number: `KIT-Archiv, 27025`) / file (`1234`); a collection may be cited alone.
pub(super) fn barch(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let (end, j) = german_code(cur, k).or_else(|| {
        let t = cur.tok(k).filter(|t| t.kind == Kind::Number)?;
        Some((t.end, k + 1))
    })?;
    let mut parts = vec![cur.part(LevelKind::Collection, None, cur.start(k), end)];
    if !(cur.punct(j, '/') && cur.kind(j + 1, Kind::Number)) {
        return Some((parts, j));
    }
    let (fe, next) = cur.code(j + 1, &['-'])?;
    parts.push(cur.part(LevelKind::File, None, cur.start(j + 1), fe));
    Some((parts, next))
}

/// PA AA: collection (`RZ 201`) / file (`R 14087`), or a file alone.
pub(super) fn paaa(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let (end, j) = german_code(cur, k)?;
    if cur.punct(j, '/') {
        if let Some((fe, next)) = german_code(cur, j + 1) {
            let parts = vec![
                cur.part(LevelKind::Collection, None, cur.start(k), end),
                cur.part(LevelKind::File, None, cur.start(j + 1), fe),
            ];
            return Some((parts, next));
        }
    }
    Some((vec![cur.part(LevelKind::File, None, cur.start(k), end)], j))
}

/// PA AA's older files: a named series and its volume (`Türkei 183, Bd. 12`).
pub(super) fn paaa_series(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let mut j = k;
    while cur.word(j).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) && j < k + 3 {
        j += 1;
    }
    if j == k || !cur.kind(j, Kind::Number) {
        return None;
    }
    let (se, after) = cur.code(j, &['-'])?;
    let v = cur.sep(after);
    let (le, vv) = cur.label(v, &["bd"]).or_else(|| cur.label(v, &["band"]))?;
    let (ve, next) = cur.code(vv, &['-'])?;
    let parts = vec![
        cur.part(LevelKind::Collection, None, cur.start(k), se),
        cur.part(LevelKind::Volume, Some((cur.start(v), le)), cur.start(vv), ve),
    ];
    Some((parts, next))
}
