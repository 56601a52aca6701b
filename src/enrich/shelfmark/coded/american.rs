//! NARA, and the State Department's sources as *Foreign Relations* prints them: record
//! group / entry / box / file, microfilm / roll.

use super::*;

/// NARA: record group / entry / box / file, microfilm / roll, in printed order, as NARA
/// and the State Department's *Foreign Relations* volumes cite them
/// (`Department of State, Central Files, 761.00/4–156`; `…, NEA/NE Files: Lot 63 D 33`).
/// Descriptive items between the levels (`Central Files`, `Records of the Joint Chiefs of
/// Staff`) stay inside `raw` when a level follows them.
pub(super) fn nara(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
    const LABELS: &[(&[&str], LevelKind)] = &[
        (&["record", "group"], LevelKind::RecordGroup),
        (&["rg"], LevelKind::RecordGroup),
        (&["entry"], LevelKind::Entry),
        (&["box"], LevelKind::Box),
        (&["file"], LevelKind::File),
        (&["folder"], LevelKind::File),
        (&["no"], LevelKind::File),
        (&["microfilm", "publication"], LevelKind::Microfilm),
        (&["microfilm"], LevelKind::Microfilm),
        (&["roll"], LevelKind::Roll),
        (&["reel"], LevelKind::Roll),
    ];
    // Unprinted, a citation starts at its record group, or at its entry with the record
    // group after it (`Entry P-5, RG 353`).
    if !printed && !matches!(cur.word(k), Some("RG" | "Entry")) {
        return None;
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut j = k;
    let mut next = k;
    let mut skipped = 0;
    let has = |parts: &[Part], kind: LevelKind| parts.iter().any(|p| p.kind == kind);
    loop {
        let before = parts.len();
        let after = labelled(cur, j, LABELS, &mut parts);
        if parts.len() > before {
            next = after;
            j = cur.sep(after);
            continue;
        }
        // `Lot 63 D 33`: a State Department lot file, cited as the entry.
        if cur.word(j) == Some("Lot") && cur.kind(j + 1, Kind::Number) && !has(&parts, LevelKind::Entry) {
            let mut e = cur.end(j + 1);
            let mut n = j + 2;
            if cur.word(n).is_some_and(|w| w.len() <= 2) && cur.kind(n + 1, Kind::Number) {
                e = cur.end(n + 1);
                n += 2;
            }
            parts.push(cur.part(LevelKind::Entry, None, cur.start(j), e));
            next = n;
            j = cur.sep(n);
            continue;
        }
        // `CF 1472`: a conference file.
        if cur.word(j) == Some("CF") && cur.kind(j + 1, Kind::Number) && !has(&parts, LevelKind::File) {
            parts.push(cur.part(LevelKind::File, None, cur.start(j), cur.end(j + 1)));
            next = j + 2;
            j = cur.sep(j + 2);
            continue;
        }
        // A microfilm publication (`M316`, `T120`) or a decimal file (`861.00/1234`) unlabelled.
        let micro = cur.word(j).is_some_and(|w| matches!(w, "M" | "T" | "A"))
            && (cur.kind(j + 1, Kind::Number) && cur.tight(j + 1)
                || cur.punct(j + 1, '-') && cur.tight(j + 1) && cur.kind(j + 2, Kind::Number))
            && !has(&parts, LevelKind::Microfilm);
        let decimal = cur.kind(j, Kind::Number)
            && (printed || !parts.is_empty())
            && !has(&parts, LevelKind::File)
            && cur.code(j, DECIMAL).is_some_and(|(e, _)| {
                let code = &cur.text[cur.start(j)..e];
                code.contains(['.', '/']) && !is_date(code)
            });
        if micro || decimal {
            let (e, n) = cur.code(j, DECIMAL)?;
            let kind = if micro { LevelKind::Microfilm } else { LevelKind::File };
            parts.push(cur.part(kind, None, cur.start(j), e));
            next = n;
            j = cur.sep(n);
            continue;
        }
        // A descriptive item (`Central Files`, `NEA/NE Files:`): skipped when a level follows.
        let item_end = (j..cur.toks.len().min(j + 16)).find(|&m| {
            cur.punct(m, ',')
                || cur.punct(m, ':')
                || cur.punct(m, ';')
                || cur.punct(m, '.') && !cur.tight(m + 1)
        });
        // An item never runs over a line break (`…to the Department of State⏎Source: …`).
        let one_line = |m: usize| j > 0 && !cur.text[cur.end(j - 1)..cur.start(m)].contains('\n');
        match item_end {
            Some(m) if m > j && skipped < 4 && (cur.punct(m, ',') || cur.punct(m, ':')) && one_line(m) => {
                skipped += 1;
                j = m + 1;
            }
            _ => break,
        }
    }
    let group = parts.iter().any(|p| p.kind == LevelKind::RecordGroup);
    (printed && !parts.is_empty() || parts.len() >= 2 && group).then_some((parts, next))
}

/// Returns true for a date printed with slashes or points (`31/12/2006`, `12.03.1933`):
/// day or month, month or day, and a year of four digits.
pub(in crate::enrich::shelfmark) fn is_date(code: &str) -> bool {
    let parts: Vec<&str> = code.split(['/', '.']).collect();
    let small = |s: &str| s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
    matches!(parts.as_slice(), [a, b, y] if small(a) && small(b) && y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()))
}

/// What joins the pieces of a NARA decimal file (`396.1–WA/4–1360`).
pub(super) const DECIMAL: &[char] = &['.', '/', '-', '–', '—'];
