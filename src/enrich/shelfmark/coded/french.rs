//! French archives: SHD and Archives nationales (series / item), AMAE (series / volume), and
//! the `cote` of departmental archives.

use super::*;

/// SHD: series (`GR 7 N`) / item (`1636`).
pub(super) fn shd(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let caps = |j: usize| {
        cur.word(j).is_some_and(|w| w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    let mut j = k;
    let mut series = String::new();
    if caps(j) && !cur.kind(j + 1, Kind::Word) {
        series.push_str(cur.word(j)?);
        series.push(' ');
        j = if cur.punct(j + 1, ',') { j + 2 } else { j + 1 };
    }
    if !(cur.kind(j, Kind::Number) && caps(j + 1) && cur.kind(j + 2, Kind::Number)) {
        return None;
    }
    series.push_str(cur.tok(j)?.text(cur.text));
    series.push(' ');
    series.push_str(cur.word(j + 1)?);
    let (ie, next) = cur.code(j + 2, &['/', '-'])?;
    // `GR` (the Guerre fonds) is printed before the series but is not part of it.
    let mut s = cur.part(LevelKind::Series, None, cur.start(j), cur.end(j + 1));
    s.norm = series.trim_start_matches(|c: char| c.is_ascii_uppercase()).trim_start().to_string();
    Some((vec![s, cur.part(LevelKind::Item, None, cur.start(j + 2), ie)], next))
}

/// Returns the token after a descriptive item (`archives du Dépôt de la guerre,`): a few
/// words up to a comma on the same line.
pub(super) fn after_description(cur: &Cur, k: usize) -> Option<usize> {
    let comma = (k..cur.toks.len().min(k + 8)).find(|&m| !cur.kind(m, Kind::Word))?;
    let same_line = !cur.text[cur.start(k)..cur.start(comma)].contains('\n');
    (comma > k && cur.punct(comma, ',') && same_line).then_some(comma + 1)
}

/// A French `cote` (`Cote 1J/42/9`): the series, then the item inside it.
pub(super) fn cote(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let label = cur.word(k).filter(|w| fold(w) == "cote")?;
    let v = k + 1;
    let (end, next) = cur.code(v, &['/', '-'])?;
    let value = &cur.text[cur.start(v)..end];
    let (series, _) = value.split_once('/')?;
    let item_start = cur.start(v) + series.len() + 1;
    let parts = vec![
        cur.part(
            LevelKind::Series,
            Some((cur.start(k), cur.start(k) + label.len())),
            cur.start(v),
            cur.start(v) + series.len(),
        ),
        cur.part(LevelKind::Item, None, item_start, end),
    ];
    Some((parts, next))
}

/// Archives nationales: series (`F/7`, `F7`, `313 AP`) / item (`13424`).
pub(super) fn an(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let caps = |j: usize| {
        cur.word(j).is_some_and(|w| w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    // `F/7/13424`
    if caps(k) && cur.punct(k + 1, '/') && cur.kind(k + 2, Kind::Number) && cur.punct(k + 3, '/') {
        let (ie, next) = cur.code(k + 4, &['-'])?;
        let parts = vec![
            cur.part(LevelKind::Series, None, cur.start(k), cur.end(k + 2)),
            cur.part(LevelKind::Item, None, cur.start(k + 4), ie),
        ];
        return Some((parts, next));
    }
    // `F7 13424`, `313 AP 12`
    let letters_digits = caps(k) && cur.kind(k + 1, Kind::Number) && cur.tight(k + 1);
    let digits_letters = cur.kind(k, Kind::Number) && caps(k + 1);
    if !(letters_digits || digits_letters) {
        return None;
    }
    let series_end = k + 1;
    let mut v = series_end + 1;
    if letters_digits && cur.punct(v, '/') && cur.tight(v) && cur.kind(v + 1, Kind::Number) {
        v += 1;
    } else if !cur.kind(v, Kind::Number) || cur.tight(v) {
        return None;
    }
    let (ie, next) = cur.code(v, &['-'])?;
    let parts = vec![
        cur.part(LevelKind::Series, None, cur.start(k), cur.end(series_end)),
        cur.part(LevelKind::Item, None, cur.start(v), ie),
    ];
    Some((parts, next))
}

/// AMAE: series (`Correspondance politique, Turquie`) / volume (`vol. 567`).
pub(super) fn amae(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let vol = (k..cur.toks.len().min(k + 14)).find(|&m| {
        cur.word(m).is_some_and(|w| matches!(fold(w).as_str(), "vol" | "volume" | "t" | "tome"))
            && (cur.punct(m + 1, '.') && cur.kind(m + 2, Kind::Number) || cur.kind(m + 1, Kind::Number))
    })?;
    if (k..vol).any(|m| cur.punct(m, ';') || cur.punct(m, '(')) {
        return None;
    }
    let mut parts = Vec::new();
    let mut series_end = vol;
    while series_end > k && (cur.punct(series_end - 1, ',') || cur.punct(series_end - 1, '.')) {
        series_end -= 1;
    }
    if series_end > k {
        parts.push(cur.part(LevelKind::Series, None, cur.start(k), cur.end(series_end - 1)));
    }
    let (le, v) = cur.label(vol, &[fold(cur.word(vol)?).as_str()])?;
    let (ve, next) = cur.code(v, &['-'])?;
    parts.push(cur.part(LevelKind::Volume, Some((cur.start(vol), le)), cur.start(v), ve));
    Some((parts, next))
}
