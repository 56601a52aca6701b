//! Latvian citations, which print each number before its label as an ordinal:
//! `LVVA, 1535. f., 11. apr., 159. l., 5. lp.` (fonds, apraksts, lieta, lapa).

use super::{Cited, Parsed, Part};
use crate::enrich::tokens::{Kind, Token};
use crate::fold::fold;
use crate::model::{Folio, FolioRange, LevelKind};

/// The level a Latvian label introduces, `None` for a leaf (`lp.`, `lapa`).
fn level(word: &str) -> Option<Option<LevelKind>> {
    // Most words after a number and a point are none of these: test cheaply first.
    if word.len() > 10 || !word.starts_with(['f', 'F', 'a', 'A', 'l', 'L']) {
        return None;
    }
    Some(match fold(word).as_str() {
        "f" | "fonds" | "fondā" => Some(LevelKind::Fond),
        "apr" | "apraksts" | "aprakstā" => Some(LevelKind::Opis),
        "l" | "lieta" | "lietā" => Some(LevelKind::Delo),
        "lp" | "lapa" | "lapas" => None,
        _ => return None,
    })
}

/// The place of a level in a Latvian citation.
fn rank(kind: LevelKind) -> usize {
    match kind {
        LevelKind::Fond => 0,
        LevelKind::Opis => 1,
        _ => 2,
    }
}

/// One `1535. f.`: the value's byte range, the label's, its level (`None` for a leaf) and
/// the token after the label and its point.
struct Ordinal {
    value: (usize, usize),
    label: (usize, usize),
    kind: Option<LevelKind>,
    next: usize,
}

/// Reads `1535. f.` at token `k`.
fn ordinal(text: &str, toks: &[Token], k: usize) -> Option<Ordinal> {
    let num = toks.get(k).filter(|t| t.kind == Kind::Number)?;
    toks.get(k + 1).filter(|t| t.is_punct(text, '.') && !t.space_before)?;
    let word = toks.get(k + 2).filter(|t| t.kind == Kind::Word)?;
    let kind = level(word.text(text))?;
    let mut next = k + 3;
    let mut label_end = word.end;
    if toks.get(next).is_some_and(|t| t.is_punct(text, '.') && !t.space_before) {
        label_end = toks[next].end;
        next += 1;
    }
    Some(Ordinal { value: (num.start, num.end), label: (word.start, label_end), kind, next })
}

/// Parses a Latvian citation starting at the fond's number at token `i`; it needs the
/// fond and the inventory, in that order, then the file and the leaf may follow.
pub(super) fn parse(text: &str, toks: &[Token], i: usize) -> Option<Parsed> {
    if !toks.get(i + 1).is_some_and(|t| t.is_punct(text, '.')) {
        return None;
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut folios = None;
    let mut k = i;
    let mut next = i;
    while let Some(Ordinal { value, label, kind, next: after }) = ordinal(text, toks, k) {
        match kind {
            // Each level once, in order: fond, inventory, file.
            Some(kind) if rank(kind) == parts.len() => {
                let norm = text[value.0..value.1].to_string();
                parts.push(Part { kind, label: Some(label), value, norm });
            }
            None if parts.len() >= 2 => {
                let number = text[value.0..value.1].parse().ok()?;
                let f = Folio { number, side: None };
                folios = Some(Cited { label, span: value, ranges: vec![FolioRange { from: f, to: f }] });
                next = after;
                break;
            }
            _ => break,
        }
        next = after;
        k = if toks.get(after).is_some_and(|t| t.is_punct(text, ',')) { after + 1 } else { after };
    }
    if parts.len() < 2 {
        return None;
    }
    let end = toks[next - 1].end;
    Some(Parsed { parts, folios, pages: None, end, next })
}
