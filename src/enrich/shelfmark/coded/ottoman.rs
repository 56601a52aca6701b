//! Turkish archives: the Ottoman archive (BOA: collection code / dossier / document, a leaf),
//! ATASE (collection / box / dossier / document) and the Republican archive (BCA: collection /
//! item).

use super::*;

/// Reads an Ottoman leaf number (`440`, `440a`, `61b`: `b` is the back), ended by the end
/// of the citation.
pub(super) fn ottoman_leaf(cur: &Cur, k: usize) -> Option<Cited> {
    let n = cur.tok(k).filter(|t| t.kind == Kind::Number)?;
    let number: u32 = n.text(cur.text).parse().ok()?;
    let side = cur.word(k + 1).filter(|_| cur.tight(k + 1));
    let (verso, end, after) = match side {
        Some("a") => (false, cur.end(k + 1), k + 2),
        Some("b") => (true, cur.end(k + 1), k + 2),
        Some(_) => return None,
        None => (false, n.end, k + 1),
    };
    if cur.tok(after).is_some_and(|t| {
        !(t.is_punct(cur.text, '.') || t.is_punct(cur.text, ';') || t.is_punct(cur.text, ')'))
    }) {
        return None;
    }
    let folio = Folio { number, side: verso.then_some(Side::Verso) };
    Some(Cited {
        label: (n.start, n.start),
        span: (n.start, end),
        ranges: vec![FolioRange { from: folio, to: folio }],
    })
}

/// An Ottoman collection code: capitals joined by points (`DH.KMS`, `Y.PRK.ASK`, `İ.HUS`,
/// `DH.EUM.4.Şb`, `A.DVNS.ASK.MHM.d`), a space after a point allowed (`DH. ŞFR`, `MAD. d.`);
/// returns its end, the next token and whether it has more than one segment.
pub(super) fn ottoman_code(cur: &Cur, k: usize) -> Option<(usize, usize, bool)> {
    let caps = |j: usize| cur.word(j).is_some_and(|w| w.chars().all(|c| c.is_uppercase()));
    // `d` (defter, a register) and `e` (evrak, papers: Topkapı's `TS.MA.e`) end some codes.
    let register = |j: usize| matches!(cur.word(j), Some("d" | "e"));
    let segment = |j: usize| {
        cur.kind(j, Kind::Number) && cur.tight(j)
            || register(j)
            || cur
                .word(j)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() <= 5)
    };
    if !caps(k) || cur.word(k).is_some_and(|w| w.chars().count() > 5) {
        return None;
    }
    let mut j = k + 1;
    let mut end = cur.end(k);
    while cur.punct(j, '.')
        && cur.tight(j)
        && segment(j + 1)
        && (cur.tight(j + 1) || caps(j + 1) || register(j + 1))
    {
        end = cur.end(j + 1);
        j += 2;
        if register(j - 1) {
            if cur.punct(j, '.') && cur.tight(j) && !cur.tight(j + 1) {
                end = cur.end(j);
                j += 1;
            }
            break;
        }
    }
    Some((end, j, j > k + 1))
}

/// BOA collections whose codes have no points and are not TNA departments: Bâb-ı Âli
/// Evrak Odası (`BEO`), Hatt-ı Hümâyûn (`HAT`), Tahrir Defterleri (`TT`), Mühimme
/// Defterleri (`MD`), Kâmil Kepeci (`KK`), Maliyeden Müdevver (`MAD`).
pub(super) const PLAIN_COLLECTIONS: &[&str] = &["BEO", "HAT", "TT", "MD", "KK", "MAD"];

/// Returns true when `code` is a BOA collection code without points ([`PLAIN_COLLECTIONS`]).
pub(super) fn is_plain_collection(code: &str) -> bool {
    PLAIN_COLLECTIONS.contains(&code)
}

/// BOA: collection (fond code) / dossier / document, then a leaf (`61b`), at `k`; without a printed archive the collection code must have
/// points (`HR.SYS 2776/75`, `DH. ŞFR, nr. 54/9`), the shape that names the archive.
pub(super) fn boa_at(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
    let mut parts = Vec::new();
    let mut j = k;
    let mut code_next = None;
    // `Düvel-i Ecnebiye Belgeleri [A.DVN.DVE]`, `İrade Mesâil-i Mühimme (İ. Mes. Müh)`: a
    // collection named, then its code in brackets.
    let bracket = printed
        .then(|| (k..cur.toks.len().min(k + 8)).find(|&m| cur.punct(m, '[') || cur.punct(m, '(')))
        .flatten()
        .filter(|&m| {
            m > k && (k..m).all(|x| cur.kind(x, Kind::Word) || cur.punct(x, '-') || cur.punct(x, '‑'))
        });
    if let Some(open) = bracket {
        let closer = if cur.punct(open, '[') { ']' } else { ')' };
        let close = (open + 1..cur.toks.len().min(open + 12)).find(|&m| cur.punct(m, closer))?;
        if close > open + 1 {
            let mut p = cur.part(LevelKind::Collection, None, cur.start(open + 1), cur.end(close - 1));
            p.norm = cur.text[cur.start(open + 1)..cur.end(close - 1)]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            parts.push(p);
            j = cur.sep(close + 1);
        }
    } else if let Some((end, after, dotted)) = ottoman_code(cur, k).filter(|_| cur.label(k, &["d"]).is_none())
    {
        // Unprinted, the code must look Ottoman: points, and a segment of two letters or more
        // (`HR.SYS`, not `U.S.C.` or `I.S.B.N.`).
        let long_segment = cur.text[cur.start(k)..end].split(['.', ' ']).any(|w| w.chars().count() >= 2);
        let undotted = !dotted && is_plain_collection(&cur.text[cur.start(k)..end]);
        if !(printed || dotted && long_segment || undotted) {
            return None;
        }
        parts.push(cur.part(LevelKind::Collection, None, cur.start(k), end));
        code_next = Some(after);
        j = cur.sep(after);
    }
    if !printed && parts.is_empty() {
        return None;
    }
    const LABELS: &[(&[&str], LevelKind)] = &[
        (&["dosya"], LevelKind::Dossier),
        (&["dos"], LevelKind::Dossier),
        (&["d"], LevelKind::Dossier),
        (&["no"], LevelKind::Dossier),
        (&["gömlek"], LevelKind::Document),
        (&["göm"], LevelKind::Document),
        (&["g"], LevelKind::Document),
        (&["belge"], LevelKind::Document),
        (&["vesika"], LevelKind::Document),
        (&["kutu"], LevelKind::Box),
        // A Mühimme register's decree: `MD 5, hk. 1245` (hüküm).
        (&["hüküm"], LevelKind::Document),
        (&["hk"], LevelKind::Document),
    ];
    // `nr. 54/308`: dossier/document; `Kr. 108/141`: box (karton)/document.
    let pair = cur.word(j).map(fold);
    let mut next = None;
    if matches!(pair.as_deref(), Some("nr" | "no" | "kr")) {
        let mut v = j + 1;
        while cur.punct(v, '.') || cur.punct(v, ':') {
            v += 1;
        }
        if cur.kind(v, Kind::Number) && cur.punct(v + 1, '/') {
            let before = parts.len();
            next = dossier_document(cur, v, &mut parts);
            if pair.as_deref() == Some("kr") {
                if let Some(p) = parts.get_mut(before) {
                    p.kind = LevelKind::Box;
                }
            }
        }
    }
    let next = match next {
        Some(n) => n,
        None => {
            let before = parts.len();
            let n = labelled(cur, j, LABELS, &mut parts);
            if parts.len() > before {
                n
            } else if printed
                || cur.punct(cur.code(j, &['-']).map_or(j, |(_, n)| n), '/')
                || parts.first().is_some_and(|p| p.norm.ends_with(" d.") || p.norm.ends_with(".d"))
            {
                // Unprinted, a dossier needs its document (`2776/75`) or a register code
                // (`MAD. d. 4049`), not a lone number.
                match dossier_document(cur, j, &mut parts) {
                    Some(n) => {
                        // `MD 5, hk. 1245`: a labelled document after the register's number.
                        let with = parts.len();
                        let after = labelled(cur, cur.sep(n), LABELS, &mut parts);
                        if parts.len() > with {
                            after
                        } else {
                            n
                        }
                    }
                    // `BOA, HAT`: a printed archive's collection named alone.
                    None => match code_next {
                        Some(n) if printed && parts.len() == 1 && !cur.kind(j, Kind::Number) => n,
                        _ => return None,
                    },
                }
            } else {
                return None;
            }
        }
    };
    Some((parts, next))
}

/// Reads `50-1/15` (dossier `50-1`, document `15`) or a lone dossier number.
pub(super) fn dossier_document(cur: &Cur, j: usize, parts: &mut Vec<Part>) -> Option<usize> {
    if !cur.kind(j, Kind::Number) || parts.is_empty() {
        return None;
    }
    let (end, next) = cur.code(j, &['-'])?;
    parts.push(cur.part(LevelKind::Dossier, None, cur.start(j), end));
    if cur.punct(next, '/') && cur.tight(next) && cur.kind(next + 1, Kind::Number) {
        let (end2, next2) = cur.code(next + 1, &['-', '_'])?;
        parts.push(cur.part(LevelKind::Document, None, cur.start(next + 1), end2));
        return Some(next2);
    }
    Some(next)
}

/// ATASE: collection / box (`Klasör`) / dossier (`Dosya`) / document (`Fihrist`).
pub(super) fn atase(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    const LABELS: &[(&[&str], LevelKind)] = &[
        (&["klasör"], LevelKind::Box),
        (&["kls"], LevelKind::Box),
        (&["kl"], LevelKind::Box),
        (&["k"], LevelKind::Box),
        (&["kutu"], LevelKind::Box),
        (&["dosya"], LevelKind::Dossier),
        (&["dos"], LevelKind::Dossier),
        (&["d"], LevelKind::Dossier),
        (&["fihrist"], LevelKind::Document),
        (&["fih"], LevelKind::Document),
        (&["f"], LevelKind::Document),
        (&["belge"], LevelKind::Document),
        (&["gömlek"], LevelKind::Document),
        (&["g"], LevelKind::Document),
    ];
    let mut parts = Vec::new();
    // `Kol.: BDH`, `Koleksiyon BDH`: a labelled collection.
    let k = ["koleksiyon", "kol", "kod"].iter().find_map(|w| cur.label(k, &[w]).map(|(_, v)| v)).unwrap_or(k);
    // The collection: the words up to the first comma, when a box or dossier label follows.
    let comma = (k..cur.toks.len().min(k + 8)).find(|&m| cur.punct(m, ','))?;
    if comma > k && LABELS.iter().all(|(w, _)| cur.label(k, w).is_none()) {
        parts.push(cur.part(LevelKind::Collection, None, cur.start(k), cur.end(comma - 1)));
    }
    let from = if parts.is_empty() { k } else { comma + 1 };
    let before = parts.len();
    let next = labelled(cur, from, LABELS, &mut parts);
    if parts.len() > before {
        return Some((parts, next));
    }
    // `123/45-6`: box/dossier-document.
    let (e1, n1) = cur.code(from, &[]).filter(|_| cur.kind(from, Kind::Number))?;
    if !(cur.punct(n1, '/') && cur.kind(n1 + 1, Kind::Number)) {
        return None;
    }
    parts.push(cur.part(LevelKind::Box, None, cur.start(from), e1));
    parts.push(cur.part(LevelKind::Dossier, None, cur.start(n1 + 1), cur.end(n1 + 1)));
    let mut next = n1 + 2;
    if cur.punct(next, '-') && cur.kind(next + 1, Kind::Number) {
        parts.push(cur.part(LevelKind::Document, None, cur.start(next + 1), cur.end(next + 1)));
        next += 2;
    }
    Some((parts, next))
}

/// Reads dotted numbers (`030.18.01.02`, `12.45.3`).
pub(super) fn dotted(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    if !cur.kind(k, Kind::Number) {
        return None;
    }
    let mut j = k + 1;
    let mut end = cur.end(k);
    loop {
        let mut m = j;
        while cur.punct(m, '.') && cur.tight(m) {
            m += 1;
        }
        if m > j && cur.kind(m, Kind::Number) && cur.tight(m) {
            end = cur.end(m);
            j = m + 1;
        } else {
            break;
        }
    }
    Some((end, j))
}

/// BCA: collection (`030.18.01.02`, `Fon Kodu`) / item (`12.45.3`, `Yer No`).
pub(super) fn bca(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let mut parts = Vec::new();
    let (coll_label, v) = match cur.label(k, &["fon", "kodu"]).or_else(|| cur.label(k, &["fon"])) {
        Some((e, v)) => (Some((cur.start(k), e)), v),
        None => (None, k),
    };
    let (end, next) = dotted(cur, v)?;
    parts.push(cur.part(LevelKind::Collection, coll_label, cur.start(v), end));
    if cur.punct(next, '/') && cur.tight(next) {
        let (e2, n2) = dotted(cur, next + 1)?;
        parts.push(cur.part(LevelKind::Item, None, cur.start(next + 1), e2));
        return Some((parts, n2));
    }
    let m = cur.sep(next);
    if let Some((le, v2)) = cur.label(m, &["yer"]).or_else(|| cur.label(m, &["dosya"])) {
        if let Some((e2, n2)) = dotted(cur, v2) {
            parts.push(cur.part(LevelKind::Item, Some((cur.start(m), le)), cur.start(v2), e2));
            return Some((parts, n2));
        }
    }
    (coll_label.is_some()).then_some((parts, next))
}
