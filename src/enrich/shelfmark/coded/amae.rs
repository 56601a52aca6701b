//! The French diplomatic archives (AMAE, La Courneuve and Nantes): a series and its volume
//! (`Correspondance politique, Turquie, vol. 567`, `Correspondance politique Rome 331–332`),
//! and the modern cotes of a number and letters (`247QONT/16`, `285PO/B/289`).

use super::*;

/// AMAE: series (`Correspondance politique, Turquie`) / volume (`vol. 567`), the volume
/// found within a few words.
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
        // A series is named in words (`AE 1990, vol. 3` is no series).
        cur.word(k)?;
        parts.push(cur.part(LevelKind::Series, None, cur.start(k), cur.end(series_end - 1)));
    }
    let (le, v) = cur.label(vol, &[fold(cur.word(vol)?).as_str()])?;
    let (ve, next) = cur.code(v, &['-'])?;
    parts.push(cur.part(LevelKind::Volume, Some((cur.start(vol), le)), cur.start(v), ve));
    Some((parts, next))
}

/// The AMAE's series named in words and cited by country and volume (their first words,
/// folded; a point may follow each).
const NAMED: &[&[&str]] = &[
    &["correspondance", "politique"],
    &["corr", "pol"],
    &["correspondance", "consulaire", "et", "commerciale"],
    &["correspondance", "commerciale"],
    &["mémoires", "et", "documents"],
];

/// Returns true for a Roman numeral in capitals (`LXIV`), a volume.
fn roman(w: &str) -> bool {
    w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
}

/// Reads `words` (folded) at `k`, a point allowed after each; returns the token after them.
fn words_at(cur: &Cur, k: usize, words: &[&str]) -> Option<usize> {
    let mut j = k;
    for w in words {
        if !cur.word(j).is_some_and(|x| folds_from(x, w.chars().next().unwrap_or(' ')) && folded_eq(x, w)) {
            return None;
        }
        j += 1;
        if cur.punct(j, '.') && cur.tight(j) {
            j += 1;
        }
    }
    Some(j)
}

/// A named AMAE series with its country or post (`Correspondance politique, États-Unis`,
/// `Correspondance politique Turin`) and its volume (`vol. 15`, `331–332`, `LXIV`). The
/// series' name stands for the archive; without a printed archive the volume is needed.
pub(super) fn named_series(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
    let head = NAMED.iter().find_map(|w| words_at(cur, k, w))?;
    let mut j = if cur.punct(head, ',') { head + 1 } else { head };
    let mut end = None;
    // The country or post: one to three capitalised words, hyphenated ones included.
    for _ in 0..3 {
        if !cur.word(j).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !roman(w)) {
            break;
        }
        end = Some(cur.end(j));
        j += 1;
        while cur.punct(j, '-') && cur.tight(j) && cur.tight(j + 1) && cur.kind(j + 1, Kind::Word) {
            end = Some(cur.end(j + 1));
            j += 2;
        }
    }
    let series = cur.part(LevelKind::Series, None, cur.start(k), end?);
    let v = if cur.punct(j, ',') { j + 1 } else { j };
    let label = ["vol", "volume", "t", "tome"].iter().find_map(|w| cur.label(v, &[w]).map(|l| (w, l)));
    let (label_span, value) = match label {
        Some((_, (le, value))) => (Some((cur.start(v), le)), value),
        None => (None, v),
    };
    let volume = if cur.kind(value, Kind::Number) {
        cur.code(value, &['-', '–'])
    } else {
        cur.word(value).filter(|w| roman(w)).map(|_| (cur.end(value), value + 1))
    };
    match volume {
        Some((ve, next)) => {
            Some((vec![series, cur.part(LevelKind::Volume, label_span, cur.start(value), ve)], next))
        }
        None if printed && label.is_none() => Some((vec![series], j)),
        None => None,
    }
}

/// Returns true when `series` is an AMAE cote's series: a number and the letters of a
/// series of the ministry (`247QONT`, `247QORES`, `285PO`, `18PAAP`).
pub(super) fn is_cote_series(series: &str) -> bool {
    let letters = series.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = series.len() - letters.len();
    (1..=4).contains(&digits)
        && (letters.starts_with("QO") && letters.len() <= 6
            || matches!(letters, "PO" | "PAAP" | "CPCOM" | "ADP"))
        && letters.bytes().all(|b| b.is_ascii_uppercase())
}

/// An AMAE cote cited alone: its series (a number and letters, [`is_cote_series`]), a slash
/// and the item (`247QONT/16`, `285PO/B/289`), or items (`247QORES/1 à 7`).
pub(super) fn amae_alone(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let n = cur.tok(k).filter(|t| t.kind == Kind::Number)?;
    if !cur.tight(k + 1) || !cur.punct(k + 2, '/') || !cur.tight(k + 2) || !cur.tight(k + 3) {
        return None;
    }
    cur.word(k + 1)?;
    let series_end = cur.end(k + 1);
    if !is_cote_series(&cur.text[n.start..series_end]) {
        return None;
    }
    let (mut ie, mut next) = cur.code(k + 3, &['/', '-'])?;
    let mut item = cur.part(LevelKind::Item, None, cur.start(k + 3), ie);
    // `1 à 7`: a range of items.
    if cur.word(next) == Some("à") && cur.kind(next + 1, Kind::Number) && cur.kind(k + 3, Kind::Number) {
        ie = cur.end(next + 1);
        item.norm = format!("{}-{}", item.norm, cur.text[cur.start(next + 1)..ie].trim());
        item.value.1 = ie;
        next += 2;
    }
    Some((vec![cur.part(LevelKind::Series, None, n.start, series_end), item], next))
}
