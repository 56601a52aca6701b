//! Post-Soviet shelfmarks printed compactly, fond/opis/delo joined by slashes or points:
//! after an archive (`TsDAHOU 1/20/5254 (1932), 1–16`, `RGASPI 17/3/904, l. 5`, `RGASPI
//! 161.1.16`), as Western histories print them, or after a fond label (`ფ.1451/1-253`, fond/opis-delo).

use super::chain::{folio_list, is_dash, SEPARATORS};
use super::labels::{label_at, Level, Words};
use super::table::ArchiveTable;
use super::{build, coded, Found, Parsed, Part};
use crate::enrich::tokens::{Kind, Token};
use crate::model::LevelKind;

/// The byte ranges of fond, opis and delo in a slashed value at token `j` (`1/20/5254`,
/// `1451/1-253`: no spaces, the last joint a slash or a hyphen), and the token after it.
pub(super) fn triple(text: &str, toks: &[Token], j: usize) -> Option<([(usize, usize); 3], usize)> {
    joined(text, toks, j, '/')
}

/// As [`triple`], the joints `joint` (`/`, or `.` in `RGASPI 161.1.16`) and the last one a
/// hyphen as well; a date (`12.03.1933`) is none.
fn joined(text: &str, toks: &[Token], j: usize, joint: char) -> Option<([(usize, usize); 3], usize)> {
    let num = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Number && (k == j || !t.space_before));
    let tight = |k: usize, dash: bool| {
        toks.get(k).is_some_and(|t| !t.space_before && (t.is_punct(text, joint) || dash && is_dash(text, t)))
    };
    let (f, o, d) = (num(j)?, num(j + 2)?, num(j + 4)?);
    if !tight(j + 1, false) || !tight(j + 3, true) || tight(j + 5, true) && num(j + 6).is_some() {
        return None;
    }
    if joint != '/' && super::coded::is_date(&text[f.start..d.end]) {
        return None;
    }
    Some(([(f.start, f.end), (o.start, o.end), (d.start, d.end)], j + 5))
}

/// Returns true when `text` has three numbers joined by slashes (`1/20/5254`) or points
/// (`161.1.16`): a cheap test.
pub(super) fn may_have(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit() && matches!(w[1], b'/' | b'.') && w[2].is_ascii_digit() && {
            let rest = &b[i + 2..];
            let n = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            rest.get(n) == Some(&w[1]) && rest.get(n + 1).is_some_and(u8::is_ascii_digit)
        }
    })
}

/// Finds the slashed shelfmarks printed right after a post-Soviet archive the table knows.
pub(super) fn find(text: &str, toks: &[Token], words: &Words, table: &ArchiveTable) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let spans = triple(text, toks, i).or_else(|| joined(text, toks, i, '.'));
        let Some((spans, after)) = spans.filter(|_| i == 0 || toks[i].space_before) else {
            i += 1;
            continue;
        };
        let floor = out.last().map_or(0, |f| f.end);
        let printed = super::archive::find(text, toks, i, floor, table)
            .filter(|p| p.id.as_deref().is_some_and(|id| !coded::is_coded(id)));
        let Some(printed) = printed else {
            i += 1;
            continue;
        };
        let part = |kind: LevelKind, (a, b): (usize, usize)| Part {
            kind,
            label: None,
            value: (a, b),
            norm: text[a..b].to_string(),
        };
        let parts = vec![
            part(LevelKind::Fond, spans[0]),
            part(LevelKind::Opis, spans[1]),
            part(LevelKind::Delo, spans[2]),
        ];
        let (folios, end, next) = leaves(text, toks, words, after).unwrap_or((None, spans[2].1, after));
        let parsed = Parsed { parts, folios, pages: None, end, next };
        let start = printed.start;
        out.push(Found { start, end, shelfmark: build(text, start, &parsed, Some(printed), None) });
        i = next.max(i + 1);
    }
    out
}

/// Reads the leaves after a slashed shelfmark: a year in parentheses may come first
/// (`(1932)`), then a comma and the leaves, labelled (`l. 5`, `ark. 3`) or not (`1–16`).
fn leaves(
    text: &str,
    toks: &[Token],
    words: &Words,
    mut k: usize,
) -> Option<(Option<super::Cited>, usize, usize)> {
    let is = |k: usize, c: char| toks.get(k).is_some_and(|t| t.is_punct(text, c));
    if is(k, '(') && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Number) && is(k + 2, ')') {
        k += 3;
    }
    if !toks.get(k).is_some_and(|t| SEPARATORS.iter().any(|&c| t.is_punct(text, c)) && !is_dash(text, t)) {
        return None;
    }
    let m = k + 1;
    let (cited, after) = match label_at(text, toks, words, m, false) {
        Some(l) if l.level == Level::Folio => folio_list(text, toks, words, m, l.next)?,
        Some(_) => return None,
        None => {
            let (mut c, after) = folio_list(text, toks, words, m, m)?;
            c.label = (c.span.0, c.span.0);
            (c, after)
        }
    };
    // Unlabelled numbers are leaves only where the citation ends with them.
    let label_less = cited.label.0 == cited.label.1;
    let ends = toks.get(after).is_none_or(|t| [',', ';', '.', ')'].iter().any(|&c| t.is_punct(text, c)));
    if label_less && !ends {
        return None;
    }
    let end = cited.span.1;
    Some((Some(cited), end, after))
}
