//! The Prussian Privy State Archives (GStA PK, Berlin): a main department (`I. HA`, the
//! Hauptabteilung) with its Repositur (`Rep. 96`) or a named collection (`VI. HA, Nl
//! Althoff, F. T.`) is the collection, then the file (`Nr. 38 G-H`, `Nr. 38 G / 38 H`).

use super::*;

/// Returns true for a Roman numeral in capitals (`I`, `VI`, `XX`): a main department.
pub(super) fn is_roman(w: &str) -> bool {
    (1..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// Reads a main department (`I. HA`) at `k`; returns its end and the token after it.
fn department(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    let roman = cur.word(k).is_some_and(is_roman) && cur.punct(k + 1, '.') && cur.tight(k + 1);
    (roman && cur.word(k + 2) == Some("HA")).then(|| (cur.end(k + 2), k + 3))
}

/// Reads a Repositur (`Rep. 96`, `Rep. 92`, `Rep. 90 A`) at `k`; returns its end and the
/// token after it.
pub(super) fn repositur(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    if cur.word(k) != Some("Rep") {
        return None;
    }
    let v = if cur.punct(k + 1, '.') { k + 2 } else { k + 1 };
    if !cur.kind(v, Kind::Number) {
        return None;
    }
    let (mut end, mut next) = cur.code(v, &['.', '-'])?;
    // `Rep. 90 A`: a capital letter of its own.
    if cur.word(next).is_some_and(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
        && !cur.punct(next + 1, '.')
    {
        end = cur.end(next);
        next += 1;
    }
    Some((end, next))
}

/// Returns true when token `k` is the file label `Nr.`.
fn is_file_label(cur: &Cur, k: usize) -> bool {
    cur.word(k).is_some_and(|w| folded_eq(w, "nr"))
}

/// Reads a file number with its letters (`1039`, `38 G-H`, `38 G`); returns its end and
/// the token after it.
fn file_number(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    let n = cur.tok(k).filter(|t| t.kind == Kind::Number)?;
    let (mut end, mut next) = (n.end, k + 1);
    let capital =
        |j: usize| cur.word(j).is_some_and(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_uppercase()));
    if capital(next) {
        end = cur.end(next);
        next += 1;
        if cur.punct(next, '-') && cur.tight(next) && cur.tight(next + 1) && capital(next + 1) {
            end = cur.end(next + 1);
            next += 2;
        }
    }
    Some((end, next))
}

/// GStA PK: collection (`I. HA Rep. 96`, `VI. HA, Nl Althoff, F. T.`) / file (`Nr. 38 G-H`).
/// Cited alone, the department needs its Repositur (`I. HA Rep. 81`), a shape no other
/// archive has.
pub(super) fn gsta(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
    let (ha_end, mut j) = department(cur, k)?;
    let mut collection_end = ha_end;
    let r = if cur.punct(j, ',') { j + 1 } else { j };
    if let Some((end, next)) = repositur(cur, r) {
        collection_end = end;
        j = next;
    } else if printed && cur.punct(j, ',') {
        // A named collection, up to the comma before its file: `, Nl Althoff, F. T., Nr. 1039`.
        let limit = cur.toks.len().min(j + 14);
        let nr = (j + 2..limit).find(|&m| cur.punct(m, ',') && is_file_label(cur, m + 1))?;
        let one_line = !cur.text[cur.start(j)..cur.start(nr)].contains('\n');
        if !one_line || (j..nr).any(|m| cur.punct(m, ';') || cur.punct(m, '(') || cur.punct(m, ')')) {
            return None;
        }
        collection_end = cur.end(nr - 1);
        j = nr;
    } else if !printed {
        return None;
    }
    let mut parts = vec![cur.part(LevelKind::Collection, None, cur.start(k), collection_end)];
    let f = if cur.punct(j, ',') { j + 1 } else { j };
    if is_file_label(cur, f) {
        let v = if cur.punct(f + 1, '.') { f + 2 } else { f + 1 };
        if let Some((end, next)) = file_number(cur, v) {
            let mut file = cur.part(LevelKind::File, Some((cur.start(f), cur.end(v - 1))), cur.start(v), end);
            j = next;
            // `Nr. 38 G / 38 H`: a second file of the same number.
            if cur.punct(next, '/') {
                if let Some((end2, next2)) = file_number(cur, next + 1) {
                    let second = cur.part(LevelKind::File, None, cur.start(next + 1), end2);
                    file.norm = format!("{},{}", file.norm, second.norm);
                    file.value.1 = end2;
                    j = next2;
                }
            }
            parts.push(file);
        }
    }
    Some((parts, j))
}

/// Reads a second Repositur after a slash (`I. HA Rep. 96 / Rep. 9`), in the main department
/// of the collection `previous`; returns it as a shelfmark of its own.
pub(super) fn sibling(cur: &Cur, k: usize, previous: &str) -> Option<Parsed> {
    let (end, next) = repositur(cur, k)?;
    let department = previous.split(" Rep").next().filter(|d| d.ends_with("HA"))?;
    let mut collection = cur.part(LevelKind::Collection, None, cur.start(k), end);
    collection.norm = format!("{department} {}", collection.norm);
    Some(Parsed { parts: vec![collection], folios: None, pages: None, end, next })
}
