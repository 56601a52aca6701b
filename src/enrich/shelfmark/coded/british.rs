//! The UK National Archives: department (collection) / series / piece / item.

use super::*;

/// Words never read as a TNA department code, though they have its shape.
pub(super) const NOT_DEPARTMENTS: &[&str] = &[
    "ISBN", "ISSN", "GOST", "DIN", "ISO", "UN", "EU", "USSR", "SSSR", "RSFSR", "NO", "AD", "BC", "CE", "RG",
    "NARA", "BOA", "BCA",
];

/// TNA departments that are cited by series alone (`FO 371`, `WO 95`): a code's shape alone
/// (capitals and a number) is too common to stand for a series without a piece.
pub(super) const DEPARTMENTS: &[&str] = &[
    "ADM", "AIR", "ASSI", "AVIA", "BT", "CAB", "CO", "CRIM", "DEFE", "DO", "DSIR", "FCO", "FO", "HO", "HS",
    "HW", "INF", "KV", "MAF", "MEPO", "MUN", "PCOM", "POWE", "PREM", "PROB", "RAIL", "SP", "WO",
];

/// Reads a TNA department code: capitals (`FO`, `CAB`) or capitals with points (`F.O.`);
/// returns its normalised form, end and next token.
pub(super) fn department(cur: &Cur, k: usize, printed: bool) -> Option<(String, usize, usize)> {
    let w = cur.word(k)?;
    // `HR.SYS 2776/75` is an Ottoman code, not a department `SYS`; `IOR/L/PS/11/154` is the
    // British Library's, not a department `PS`.
    // A slash before it is allowed only in a list of series (`FO 17/FO 46/FO 262`).
    let listed = k >= 3
        && cur.punct(k - 1, '/')
        && cur.kind(k - 2, Kind::Number)
        && cur.word(k - 3).is_some_and(|d| DEPARTMENTS.contains(&d))
        && DEPARTMENTS.contains(&w);
    if k > 0
        && cur.tight(k)
        && !listed
        && (cur.punct(k - 1, '.') || cur.punct(k - 1, '/') || cur.punct(k - 1, '-'))
    {
        return None;
    }
    let n = w.chars().count();
    if w.chars().all(|c| c.is_ascii_uppercase()) && ((2..=4).contains(&n) || printed && n <= 5) {
        if !printed && (NOT_DEPARTMENTS.contains(&w) || super::ottoman::is_plain_collection(w)) {
            return None;
        }
        return Some((w.to_string(), cur.end(k), k + 1));
    }
    // `F.O.`: single capitals, each with its point.
    let mut code = String::new();
    let mut j = k;
    while cur.word(j).is_some_and(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        && cur.punct(j + 1, '.')
        && cur.tight(j + 1)
        && (j == k || cur.tight(j))
    {
        code.push_str(cur.word(j)?);
        j += 2;
    }
    (code.len() >= 2).then(|| (code, cur.end(j - 1), j))
}

/// Reads a TNA piece list after the first piece: `, 382, 446, and 447`, `and 383–6` (an
/// abbreviated range, read as `383-386`). Returns the extra values, end and next token.
pub(super) fn piece_list(cur: &Cur, mut j: usize) -> (String, Option<usize>, usize) {
    let mut norm = String::new();
    let mut end = None;
    loop {
        let mut m = j;
        if cur.punct(m, ',') {
            m += 1;
        }
        if cur.word(m) == Some("and") {
            m += 1;
        }
        if m == j || !cur.kind(m, Kind::Number) || cur.punct(m + 1, '/') {
            break;
        }
        let mut value = cur.tok(m).map_or("", |t| t.text(cur.text)).to_string();
        let mut e = cur.end(m);
        let mut n = m + 1;
        if cur.tok(n).is_some_and(|t| is_dash(cur.text, t)) && cur.tight(n) && cur.kind(n + 1, Kind::Number) {
            let to = cur.tok(n + 1).map_or("", |t| t.text(cur.text));
            // `383–6`: the end keeps the start's leading digits.
            let full = if to.len() < value.len() {
                format!("{}{to}", &value[..value.len() - to.len()])
            } else {
                to.to_string()
            };
            value = format!("{value}-{full}");
            e = cur.end(n + 1);
            n += 2;
        }
        norm.push(',');
        norm.push_str(&value);
        end = Some(e);
        j = n;
    }
    (norm, end, j)
}

/// TNA: collection (department) / series / piece / item: `FO 371/3404/12345`,
/// `CAB/65/7/39`, `F.O. 95/381, 382`, and `FO 371` for a series.
pub(super) fn tna(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
    let (dept, dept_end, mut j) = department(cur, k, printed)?;
    let slashed = cur.punct(j, '/') && cur.tight(j);
    if slashed {
        j += 1;
    } else if cur.tight(j) {
        return None;
    }
    if !cur.kind(j, Kind::Number) {
        return None;
    }
    let series = j;
    let mut collection = cur.part(LevelKind::Collection, None, cur.start(k), dept_end);
    collection.norm = dept.clone();
    let mut parts = vec![collection, cur.part(LevelKind::Series, None, cur.start(series), cur.end(series))];
    let has_piece = cur.punct(series + 1, '/') && cur.tight(series + 1) && cur.kind(series + 2, Kind::Number);
    if !has_piece {
        // A series alone: only for a department known to be cited so, or a printed archive.
        let known = DEPARTMENTS.contains(&dept.as_str());
        let digits = cur.tok(series).map_or(0, |t| t.end - t.start);
        let alone = !cur.tight(series + 1) || !cur.kind(series + 1, Kind::Word);
        return ((known || printed) && !slashed && digits <= 4 && alone).then_some((parts, series + 1));
    }
    let piece = series + 2;
    let (pe, mut next) = cur.code(piece, &[])?;
    let mut p = cur.part(LevelKind::Piece, None, cur.start(piece), pe);
    let (more, more_end, after) = piece_list(cur, next);
    if let Some(e) = more_end {
        p.norm.push_str(&more);
        p.value.1 = e;
        next = after;
    }
    parts.push(p);
    if cur.punct(next, '/') && cur.tight(next) && cur.kind(next + 1, Kind::Number) {
        // The item, with any deeper numbers (`2/4`).
        let start = next + 1;
        let (mut ie, mut n2) = cur.code(start, &[])?;
        while cur.punct(n2, '/') && cur.tight(n2) && cur.kind(n2 + 1, Kind::Number) {
            ie = cur.end(n2 + 1);
            n2 += 2;
        }
        parts.push(cur.part(LevelKind::Item, None, cur.start(start), ie));
        next = n2;
    }
    Some((parts, next))
}
