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

/// Bundesarchiv and other German archives: collection (`R 43-I`, `RH 2`, `Rep 900`,
/// `R 70 POLEN`, or a number: `KIT-Archiv, 27025`) / file (`1234`); a collection may be
/// cited alone.
pub(super) fn barch(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    // `Bundesarchiv, Bestand NS 19`, `Bundesarchiv-Bestandes NS 31`: the word for a
    // collection before its code.
    let k = if cur.word(k).is_some_and(|w| fold(w).starts_with("bestand")) { k + 1 } else { k };
    let (end, j) = german_code(cur, k).or_else(|| {
        let t = cur.tok(k).filter(|t| t.kind == Kind::Number)?;
        Some((t.end, k + 1))
    })?;
    let (end, j) = with_region(cur, end, j);
    let mut parts = vec![cur.part(LevelKind::Collection, None, cur.start(k), end)];
    if !(cur.punct(j, '/') && cur.kind(j + 1, Kind::Number)) {
        return Some((parts, j));
    }
    let (fe, next) = cur.code(j + 1, &['-'])?;
    parts.push(cur.part(LevelKind::File, None, cur.start(j + 1), fe));
    Some((parts, next))
}

/// The German states' archives (`Landeshauptarchiv Schwerin, 5.12-3/1`, `Staatsarchiv
/// Hamburg, 376-15`): a holding (Bestand) numbered with points, hyphens and slashes, then
/// its file (`Nr. 12`); a holding of letters is read as the Bundesarchiv prints it.
pub(super) fn land(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let k = if cur.word(k).is_some_and(|w| fold(w).starts_with("bestand")) { k + 1 } else { k };
    if !cur.kind(k, Kind::Number) {
        return barch(cur, k);
    }
    let (end, next) = cur.code(k, &['.', '-', '/'])?;
    let mut parts = vec![cur.part(LevelKind::Collection, None, cur.start(k), end)];
    let f = cur.sep(next);
    if let Some((label_end, v)) = cur.label(f, &["nr"]).filter(|&(_, v)| cur.kind(v, Kind::Number)) {
        let (fe, after) = cur.code(v, &['-', '/'])?;
        parts.push(cur.part(LevelKind::File, Some((cur.start(f), label_end)), cur.start(v), fe));
        return Some((parts, after));
    }
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

/// Bundesarchiv collection prefixes that no other archive cited here uses (TNA's `DO` is
/// left out): the Nazi party's `NS`, the armed forces' `RH` `RM` `RL` `RW` `RS`, the GDR's
/// `DY` `DC` `DR` `DE` `DP` `DK` `DM` `DQ`, the collections `ZSg` and `MSg`.
const BARCH_PREFIXES: &[&str] =
    &["NS", "RH", "RM", "RL", "RW", "RS", "DY", "DC", "DR", "DE", "DP", "DK", "DM", "DQ", "ZSg", "MSg"];

/// Returns true when `w` is a collection prefix of the Bundesarchiv's own (`NS`, `ZSg`).
pub(super) fn is_prefix(w: &str) -> bool {
    BARCH_PREFIXES.contains(&w)
}

/// Returns true when `w` is a word in capitals of four letters or more (`POLEN`,
/// `LOTHRINGEN`): a regional sub-collection after a collection number (`R 70 POLEN`).
fn is_region(w: &str) -> bool {
    w.chars().count() >= 4 && w.chars().all(|c| c.is_uppercase())
}

/// A collection with a regional sub-collection (`R 70 POLEN`): returns its end and the
/// token after it, or the code's own when none follows.
fn with_region(cur: &Cur, end: usize, j: usize) -> (usize, usize) {
    match cur.word(j) {
        Some(w) if is_region(w) && !cur.tight(j) => (cur.end(j), j + 1),
        _ => (end, j),
    }
}

/// Bundesarchiv codes that name their archive without it: a collection with a prefix of
/// its own (`NS 19`, `RH 2/123`) or a Reich collection with a regional
/// sub-collection (`R 70 POLEN`), each with its file or ending there.
pub(super) fn barch_alone(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let own = cur.word(k).is_some_and(|w| BARCH_PREFIXES.contains(&w));
    if !own && cur.word(k) != Some("R") {
        return None;
    }
    let (end, j) = german_code(cur, k)?;
    let (region_end, after) = with_region(cur, end, j);
    // The Reich's collections (`R 43`) are too common a shape without their region.
    if !(own || cur.word(k) == Some("R") && after > j) {
        return None;
    }
    let parts = vec![cur.part(LevelKind::Collection, None, cur.start(k), region_end)];
    if cur.punct(after, '/') && cur.tight(after) && cur.kind(after + 1, Kind::Number) {
        let (fe, next) = cur.code(after + 1, &['-'])?;
        let mut parts = parts;
        parts.push(cur.part(LevelKind::File, None, cur.start(after + 1), fe));
        return Some((parts, next));
    }
    cur.ends(after).then_some((parts, after))
}

/// Returns true when the capitals at bytes `s..e` may start a Bundesarchiv code cited
/// alone: a prefix of its own before a number (`NS 19`), or `R 70` and a word in capitals.
pub(super) fn may_stand_alone(b: &[u8], s: usize, e: usize) -> bool {
    let number_after = b.get(e) == Some(&b' ') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
    if !number_after {
        return false;
    }
    if std::str::from_utf8(&b[s..e]).is_ok_and(|w| BARCH_PREFIXES.contains(&w)) {
        return true;
    }
    if &b[s..e] != b"R" {
        return false;
    }
    let digits = b[e + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let after = e + 1 + digits;
    b.get(after) == Some(&b' ')
        && b.get(after + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(after + 2).is_some_and(u8::is_ascii_uppercase)
}
