//! The India Office Records of the British Library: `IOR/L/PS/10/1165/1`, the department
//! letters after `IOR` (collection), then series, piece (`740-855`, a range) and item.

use super::*;

/// Reads an India Office Records reference at token `k`; the `IOR/` prefix and its
/// department letters name the archive, so it stands alone.
pub(super) fn ior(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    if cur.word(k) != Some("IOR") {
        return None;
    }
    let slash = |j: usize| cur.punct(j, '/') && cur.tight(j) && cur.tight(j + 1);
    let letters = |j: usize| {
        cur.word(j).is_some_and(|w| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
    };
    let mut j = k + 1;
    let mut collection_end = cur.end(k);
    while slash(j) && letters(j + 1) {
        collection_end = cur.end(j + 1);
        j += 2;
    }
    if j == k + 1 || !(slash(j) && cur.kind(j + 1, Kind::Number)) {
        return None;
    }
    let series = j + 1;
    // A piece is a number, or a letter and a number (`E84`).
    let lettered = |k: usize| {
        cur.word(k).is_some_and(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
            && cur.tight(k + 1)
            && cur.kind(k + 1, Kind::Number)
    };
    if !(slash(series + 1) && (cur.kind(series + 2, Kind::Number) || lettered(series + 2))) {
        return None;
    }
    let piece = series + 2;
    let (piece_end, mut next) = cur.code(piece, &['-'])?;
    let mut parts = vec![
        cur.part(LevelKind::Collection, None, cur.start(k), collection_end),
        cur.part(LevelKind::Series, None, cur.start(series), cur.end(series)),
        cur.part(LevelKind::Piece, None, cur.start(piece), piece_end),
    ];
    if slash(next) && cur.kind(next + 1, Kind::Number) {
        let (item_end, after) = cur.code(next + 1, &[])?;
        parts.push(cur.part(LevelKind::Item, None, cur.start(next + 1), item_end));
        next = after;
    }
    Some((parts, next))
}
