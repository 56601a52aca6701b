//! Archival shelfmarks: find them in running text and parse them into their levels.
//!
//! The grammar is TEI-ARCHIVAL-NOTES.md §3.3: an archive (acronym, full name, or
//! "Full Name (ACRONYM)"), then fond, opis, box and delo, each introduced by a label
//! ([`labels`]) or by position (`fn 609, 11, fl 21`), then the leaves with ranges and versos.
//! A citation needs a fond plus one lower level, or a printed archive plus a fond, so that
//! page references (`с. 114`), volumes (`т. 9–10`) and initials (`Ф. Энгельс`) never match.
//! The printed text is never changed; look-alike letters are repaired in values only.

mod archive;
pub mod labels;
pub mod table;

use crate::enrich::tokens::{tokenize, Kind, Token};
use crate::fold::{lookalike_in, majority_script};
use crate::model::{ArchiveRef, Folio, FolioRange, Folios, Script, Shelfmark, ShelfmarkPart, Side, Span};
use labels::{is_verso, label_at, verso_takes_point, Level, Words};
pub use table::ArchiveTable;

/// A shelfmark found in a text, with its byte range there.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// First byte of the shelfmark in the searched text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The parsed shelfmark (`raw` is `text[start..end]`).
    pub shelfmark: Shelfmark,
}

/// A level parsed from the tokens, positions absolute in the text.
struct RawPart {
    level: Level,
    label: Option<(usize, usize)>,
    value: (usize, usize),
    digits: String,
    litera: Option<char>,
    prefix: Option<char>,
}

struct RawFolios {
    label: (usize, usize),
    span: (usize, usize),
    ranges: Vec<FolioRange>,
}

struct Chain {
    parts: Vec<RawPart>,
    folios: Option<RawFolios>,
    end: usize,
    next: usize,
}

/// Finds every shelfmark in `text`, in order; archives are named by `table`.
pub fn find(text: &str, table: &ArchiveTable) -> Vec<Found> {
    // Every shelfmark starts its levels with a fond label: a text without one (most prose)
    // is not tokenized at all.
    if !labels::has_fond_word(text) {
        return Vec::new();
    }
    let toks = tokenize(text);
    let words = Words::new(text, &toks);
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(chain) = parse_chain(text, &toks, &words, i) else {
            i += 1;
            continue;
        };
        let floor = out.last().map_or(0, |f| f.end);
        let printed = archive::find(text, &toks, i, floor, table);
        let inherited = match (&printed, out.last()) {
            (None, Some(prev))
                if text[prev.end..toks[i].start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == ';' || c == ',') =>
            {
                prev.shelfmark.archive.as_ref().map(|a| ArchiveRef { span: None, ..a.clone() })
            }
            _ => None,
        };
        let lower_levels = chain.parts.len() > 1 || chain.folios.is_some();
        if !(lower_levels || printed.is_some()) {
            i += 1;
            continue;
        }
        let start = printed.as_ref().map_or(toks[i].start, |p| p.start);
        out.push(Found { start, end: chain.end, shelfmark: build(text, start, &chain, printed, inherited) });
        i = chain.next;
    }
    out
}

/// Parses fond, lower levels and folios starting at a fond label at token `i`.
fn parse_chain(text: &str, toks: &[Token], words: &Words, i: usize) -> Option<Chain> {
    let fond = label_at(text, toks, words, i, false).filter(|f| f.level == Level::Fond)?;
    let (mut part, mut j) = labelled_value(text, toks, i, fond.next, Level::Fond)?;
    let mut end = part.value.1;
    let mut parts = Vec::new();
    let mut last = Level::Fond;
    let mut positional = false;
    let mut folios = None;
    loop {
        parts.push(part);
        let k = skip_separator(text, toks, j);
        let Some(t) = toks.get(k) else { break };
        if t.kind == Kind::Number && last == Level::Fond {
            // A bare number after the fond is a positional opis when a labelled unit follows.
            let Some((value, after)) = ident(text, toks, k) else { break };
            let l = skip_separator(text, toks, after);
            if label_at(text, toks, words, l, true).is_some_and(|f| f.level == Level::Delo) {
                part = RawPart { level: Level::Opis, label: None, ..value };
                end = part.value.1;
                last = Level::Opis;
                positional = true;
                j = after;
                continue;
            }
            break;
        }
        let Some(found) = label_at(text, toks, words, k, positional) else { break };
        if found.level <= last {
            break;
        }
        if found.level == Level::Folio {
            if let Some((f, after)) = folio_list(text, toks, words, k, found.next) {
                end = f.span.1;
                folios = Some(f);
                j = after;
            }
            break;
        }
        let Some((p, after)) = labelled_value(text, toks, k, found.next, found.level) else { break };
        end = p.value.1;
        last = found.level;
        part = p;
        j = after;
    }
    Some(Chain { parts, folios, end, next: j })
}

/// Characters that separate the levels of a citation: GOST's `. – ` included.
pub(crate) const SEPARATORS: [char; 5] = [',', '.', ':', '–', '—'];

/// Skips a separator (`,` `.` `:`, GOST's `. –`, or a point doubled by extraction damage as
/// in `109..`) and returns the next token's index; `;` is not skipped because it ends a
/// citation.
fn skip_separator(text: &str, toks: &[Token], mut j: usize) -> usize {
    for _ in 0..2 {
        match toks.get(j) {
            Some(t) if t.kind == Kind::Punct && SEPARATORS.iter().any(|&c| t.is_punct(text, c)) => j += 1,
            _ => break,
        }
    }
    j
}

/// Reads the value after a label whose tokens run from `label_tok` to `next`.
fn labelled_value(
    text: &str,
    toks: &[Token],
    label_tok: usize,
    next: usize,
    level: Level,
) -> Option<(RawPart, usize)> {
    let mut j = next;
    // `ϕ .85`: a detached point; `Д. № 5`: a number sign.
    while toks.get(j).is_some_and(|t| t.is_punct(text, '.') || t.is_punct(text, '№')) {
        j += 1;
    }
    let (value, after) = ident(text, toks, j)?;
    let label_end = toks[next - 1].end;
    Some((RawPart { level, label: Some((toks[label_tok].start, label_end)), ..value }, after))
}

/// Reads a unit number with an optional letter (`186а`, `186 a`, `3 с.`, `2a`) or a letter
/// prefix (GARF's `Р-130`, `R-5446`, `А-259`).
fn ident(text: &str, toks: &[Token], j: usize) -> Option<(RawPart, usize)> {
    let prefixed = toks
        .get(j)
        .filter(|t| {
            t.kind == Kind::Word
                && t.text(text).chars().count() == 1
                && t.text(text).chars().all(char::is_uppercase)
        })
        .filter(|_| {
            toks.get(j + 1)
                .is_some_and(|d| (d.is_punct(text, '-') || d.is_punct(text, '–')) && !d.space_before)
        })
        .filter(|_| toks.get(j + 2).is_some_and(|n| n.kind == Kind::Number && !n.space_before));
    if let Some(p) = prefixed {
        let (mut part, next) = ident(text, toks, j + 2)?;
        part.value.0 = p.start;
        part.prefix = p.text(text).chars().next();
        return Some((part, next));
    }
    let num = toks.get(j).filter(|t| t.kind == Kind::Number)?;
    let mut end = num.end;
    let mut next = j + 1;
    let mut litera = None;
    if let Some(w) = toks.get(next).filter(|t| t.kind == Kind::Word && t.text(text).chars().count() == 1) {
        let after = toks.get(next + 1);
        let letter_point = after.is_some_and(|t| t.is_punct(text, '.') && !t.space_before);
        let beyond = if letter_point { toks.get(next + 2) } else { after };
        let starts_number = beyond.is_some_and(|t| t.kind == Kind::Number);
        if !w.space_before || !starts_number {
            litera = w.text(text).chars().next();
            end = w.end;
            next += 1;
            if w.space_before && letter_point {
                end = toks[next].end;
                next += 1;
            }
        }
    }
    let part = RawPart {
        level: Level::Fond,
        label: None,
        value: (num.start, end),
        digits: num.text(text).to_string(),
        litera,
        prefix: None,
    };
    Some((part, next))
}

fn is_dash(text: &str, t: &Token) -> bool {
    ['-', '–', '—', '‒'].iter().any(|&c| t.is_punct(text, c))
}

/// Reads one folio number and a verso mark after it; returns (number, verso, end, next).
fn folio(text: &str, toks: &[Token], words: &Words, j: usize) -> Option<(u32, bool, usize, usize)> {
    let num = toks.get(j).filter(|t| t.kind == Kind::Number)?;
    let number = num.text(text).parse().ok()?;
    let mut end = num.end;
    let mut next = j + 1;
    let mut verso = false;
    if let Some(w) = toks.get(next).filter(|_| is_verso(words, next)) {
        verso = true;
        end = w.end;
        next += 1;
        if verso_takes_point(words, next - 1)
            && toks.get(next).is_some_and(|t| t.is_punct(text, '.') && !t.space_before)
        {
            end = toks[next].end;
            next += 1;
        }
    } else if let Some(w) = toks.get(next).filter(|t| !t.space_before && t.kind == Kind::Word) {
        if w.text(text) == "v" {
            verso = true;
            end = w.end;
            next += 1;
        }
    }
    Some((number, verso, end, next))
}

/// Reads the leaves after a folio label: ranges separated by commas.
fn folio_list(
    text: &str,
    toks: &[Token],
    words: &Words,
    label_tok: usize,
    next: usize,
) -> Option<(RawFolios, usize)> {
    let mut j = next;
    while toks.get(j).is_some_and(|t| t.is_punct(text, '.')) {
        j += 1;
    }
    let start = toks.get(j)?.start;
    let mut ranges = Vec::new();
    let mut end = start;
    while let Some((from, from_v, e, mut k)) = folio(text, toks, words, j) {
        let mut to = (from, from_v);
        end = e;
        if toks.get(k).is_some_and(|t| is_dash(text, t)) {
            if let Some((n, v, e2, k2)) = folio(text, toks, words, k + 1) {
                to = (n, v);
                end = e2;
                k = k2;
            }
        }
        let any_verso = from_v || to.1;
        let side = |v: bool| any_verso.then_some(if v { Side::Verso } else { Side::Recto });
        let single = (from, from_v) == to;
        let from_side = if single && from_v { Some(Side::Verso) } else { side(from_v) };
        ranges.push(FolioRange {
            from: Folio { number: from, side: from_side },
            to: Folio { number: to.0, side: if single { from_side } else { side(to.1) } },
        });
        j = k;
        let continues = toks.get(j).is_some_and(|t| t.is_punct(text, ','))
            && toks.get(j + 1).is_some_and(|t| t.kind == Kind::Number)
            && !toks
                .get(j + 2)
                .is_some_and(|t| t.kind == Kind::Word && t.space_before && !is_verso(words, j + 2));
        if !continues {
            break;
        }
        j += 1;
    }
    if ranges.is_empty() {
        return None;
    }
    let label = (toks[label_tok].start, toks[next - 1].end);
    Some((RawFolios { label, span: (start, end), ranges }, j))
}

/// Turns a parsed chain into a [`Shelfmark`] whose spans index its `raw`.
fn build(
    text: &str,
    start: usize,
    chain: &Chain,
    printed: Option<archive::Printed>,
    inherited: Option<ArchiveRef>,
) -> Shelfmark {
    let raw = &text[start..chain.end];
    let rel = |(a, b): (usize, usize)| Span::new(a - start, b - start);
    let labels: String = chain
        .parts
        .iter()
        .filter_map(|p| p.label.map(|(a, b)| &text[a..b]))
        .chain(chain.folios.as_ref().map(|f| &text[f.label.0..f.label.1]))
        .collect();
    let script = majority_script(&labels).unwrap_or(Script::Latin);
    let mut sm = Shelfmark {
        raw: raw.to_string(),
        archive: printed
            .map(|p| ArchiveRef {
                name: text[p.start..p.end].to_string(),
                id: p.id,
                span: Some(rel((p.start, p.end))),
            })
            .or(inherited),
        fond: None,
        opis: None,
        box_: None,
        delo: None,
        folios: None,
    };
    for p in &chain.parts {
        let mut value = String::new();
        if let Some(c) = p.prefix {
            value.push(lookalike_in(c, script));
            value.push('-');
        }
        value.push_str(&p.digits);
        value.extend(p.litera.map(|c| lookalike_in(c, script)));
        let (label, label_span) = match p.label {
            Some((a, b)) => (text[a..b].to_string(), rel((a, b))),
            None => (String::new(), rel((p.value.0, p.value.0))),
        };
        let part = Some(ShelfmarkPart { label, value, label_span, span: rel(p.value) });
        match p.level {
            Level::Fond => sm.fond = part,
            Level::Opis => sm.opis = part,
            Level::Box => sm.box_ = part,
            Level::Delo => sm.delo = part,
            Level::Folio => {}
        }
    }
    sm.folios = chain.folios.as_ref().map(|f| Folios {
        label: text[f.label.0..f.label.1].to_string(),
        label_span: rel(f.label),
        span: rel(f.span),
        ranges: f.ranges.clone(),
    });
    sm
}

/// Formats folio ranges compactly (`3`, `5r-7v`, `3,3v`), as the labelled tests write them.
pub fn folios_key(ranges: &[FolioRange]) -> String {
    let one = |f: &Folio| {
        let side = match f.side {
            Some(Side::Recto) => "r",
            Some(Side::Verso) => "v",
            None => "",
        };
        format!("{}{side}", f.number)
    };
    ranges
        .iter()
        .map(|r| if r.from == r.to { one(&r.from) } else { format!("{}-{}", one(&r.from), one(&r.to)) })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests;
