//! Archival shelfmarks: find them in running text and parse them into their levels.
//!
//! Two grammars share the work. The post-Soviet one (`chain.rs`, TEI-ARCHIVAL-NOTES.md §3.3)
//! starts at a fond label: an archive (acronym, full name, or "Full Name (ACRONYM)"), then
//! fond, opis, box, delo and sub-units, each introduced by a label ([`labels`]) or by
//! position (`fn 609, 11, fl 21`), then the leaves with ranges and versos. Such a citation
//! needs a fond plus one lower level, or a printed archive plus a fond, so that page
//! references (`с. 114`), volumes (`т. 9–10`) and initials (`Ф. Энгельс`) never match.
//! The other one (`coded/`) reads the code-shaped shelfmarks of archives with hierarchies
//! of their own (BOA, ATASE, BCA, TNA, Bundesarchiv, PA AA, SHD, AN, NARA), each after its
//! printed archive, or, for TNA's department codes, by their shape alone.
//! The printed text is never changed; look-alike letters are repaired in values only.

mod alone;
mod archive;
mod chain;
mod coded;
mod entities;
pub mod labels;
mod latvian;
mod slashed;
pub mod table;

use crate::enrich::tokens::{tokenize, Token};
use crate::model::{ArchiveRef, Folio, FolioRange, Folios, LevelKind, Shelfmark, ShelfmarkPart, Side, Span};
use labels::Words;
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
struct Part {
    kind: LevelKind,
    label: Option<(usize, usize)>,
    value: (usize, usize),
    /// The normalised value (look-alikes repaired, spaces dropped).
    norm: String,
}

/// Folios or pages parsed from the tokens, positions absolute in the text.
struct Cited {
    label: (usize, usize),
    span: (usize, usize),
    ranges: Vec<FolioRange>,
}

/// The levels of one citation, its end, and the token where the search goes on.
struct Parsed {
    parts: Vec<Part>,
    folios: Option<Cited>,
    pages: Option<Cited>,
    end: usize,
    next: usize,
}

/// An archive designation found in the text (absolute byte range) and its table id.
struct Printed {
    start: usize,
    end: usize,
    id: Option<String>,
}

/// Finds every shelfmark in `text`, in order; archives are named by `table`.
///
/// Text copied from web pages may carry HTML character references (`АП&nbsp;РФ`,
/// `Л.1&ndash;492`): they are read decoded, and the shelfmarks' `raw` and spans are those of
/// the text as given; values and printed archive names are the decoded ones.
pub fn find(text: &str, table: &ArchiveTable) -> Vec<Found> {
    match entities::decode(text) {
        None => find_decoded(text, table),
        Some(d) => find_decoded(&d.text, table).into_iter().map(|f| remap(text, &d, f)).collect(),
    }
}

/// Maps a shelfmark found in decoded text back onto the original text.
fn remap(text: &str, d: &entities::Decoded, f: Found) -> Found {
    let (start, end) = (d.original(f.start), d.original(f.end));
    let at = |s: Span| {
        let (a, b) = (d.original(f.start + s.start) - start, d.original(f.start + s.end) - start);
        Span::new(a, b)
    };
    let mut s = f.shelfmark;
    s.raw = text[start..end].to_string();
    if let Some(a) = s.archive.as_mut() {
        a.span = a.span.map(at);
    }
    for p in s.levels.iter_mut().filter(|p| !p.inherited) {
        p.label_span = at(p.label_span);
        p.span = at(p.span);
    }
    for c in s.folios.iter_mut().chain(s.pages.iter_mut()) {
        c.label_span = at(c.label_span);
        c.span = at(c.span);
    }
    Found { start, end, shelfmark: s }
}

/// Finds the shelfmarks of a text without character references.
fn find_decoded(text: &str, table: &ArchiveTable) -> Vec<Found> {
    // Every post-Soviet shelfmark starts its levels with a fond label, every other one with
    // a code-shaped word: a text with neither (most prose) is not tokenized at all.
    let fonds = labels::has_fond_word(text);
    let codes = coded::may_have(text);
    let slashes = slashed::may_have(text);
    if !fonds && !codes && !slashes {
        return Vec::new();
    }
    let toks = tokenize(text);
    let words = Words::new(text, &toks);
    let mut out: Vec<Found> = Vec::new();
    if fonds {
        soviet(text, &toks, &words, table, &mut out);
    }
    // A slashed shelfmark follows an archive the table knows, so it goes before the codes
    // (`GARF 5446/1/64` has the shape of a TNA reference).
    let mut others = if slashes { slashed::find(text, &toks, &words, table) } else { Vec::new() };
    if codes {
        others.extend(coded::find(text, &toks, &words, table));
    }
    if !others.is_empty() {
        // The grammars rarely meet in one text; where they overlap the labelled one wins.
        for f in others {
            if !out.iter().any(|o| o.start < f.end && f.start < o.end) {
                out.push(f);
            }
        }
        out.sort_by_key(|f| f.start);
    }
    out
}

/// Finds the post-Soviet shelfmarks, each starting at a fond label, or lower after an
/// earlier shelfmark of the same text, which supplies the missing levels.
fn soviet(text: &str, toks: &[Token], words: &Words, table: &ArchiveTable, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < toks.len() {
        if let Some(p) = latvian::parse(text, toks, i) {
            let floor = out.last().map_or(0, |f| f.end);
            let printed = archive::find(text, toks, i, floor, table);
            let start = printed.as_ref().map_or(toks[i].start, |p| p.start);
            out.push(Found { start, end: p.end, shelfmark: build(text, start, &p, printed, None) });
            i = p.next;
            continue;
        }
        let prev = out.last().filter(|p| p.shelfmark.get(LevelKind::Fond).is_some());
        let Some(chain) = chain::parse(text, toks, words, i, prev.is_some()) else {
            i += 1;
            continue;
        };
        if chain.parts.first().is_none_or(|p| p.kind != LevelKind::Fond) {
            // A partial chain: the levels above its first come from the shelfmark before.
            let Some(prev) = prev else {
                i += 1;
                continue;
            };
            // A lower level in prose after the shelfmark (`в 1920-1922`, "in 1920–1922")
            // continues nothing: a one-letter label needs its point, or only separators or an
            // ibid between the two.
            let label = chain.parts.first().and_then(|p| p.label).or(chain.folios.as_ref().map(|f| f.label));
            let bare_letter = label.is_some_and(|(a, b)| text[a..b].chars().count() == 1);
            if bare_letter && !clean_gap(text, prev.end, toks[i].start) {
                i += 1;
                continue;
            }
            let start = toks[i].start;
            let archive = prev.shelfmark.archive.as_ref().map(|a| ArchiveRef { span: None, ..a.clone() });
            let mut s = build(text, start, &chain, None, archive);
            let first = s.levels.first().map(|p| p.level);
            let above: Vec<ShelfmarkPart> = prev
                .shelfmark
                .levels
                .iter()
                .take_while(|p| {
                    Some(p.level) != first && !matches!(p.level, LevelKind::Part | LevelKind::Volume)
                })
                .map(|p| ShelfmarkPart {
                    label_span: Span::new(0, 0),
                    span: Span::new(0, 0),
                    inherited: true,
                    ..p.clone()
                })
                .collect();
            s.levels.splice(0..0, above);
            out.push(Found { start, end: chain.end, shelfmark: s });
            i = chain.next.max(i + 1);
            continue;
        }
        let floor = out.last().map_or(0, |f| f.end);
        let mut printed = archive::find(text, toks, i, floor, table);
        let mut chain = chain;
        if printed.is_none() && chain.parts.len() == 1 && chain.folios.is_none() && chain.pages.is_none() {
            // `фонде 7 ЦА ФСБ`: a fond in prose with its archive after it.
            if let Some(after) = archive::find_after(text, toks, chain.next, table) {
                chain.end = after.end;
                printed = Some(after);
            }
        }
        // Archives with hierarchies of their own have no fonds: `AN, F7/13424` is theirs.
        if printed.as_ref().and_then(|p| p.id.as_deref()).is_some_and(coded::is_coded) {
            i += 1;
            continue;
        }
        let mut inherited = inherit(text, out.last(), toks[i].start, printed.is_none());
        let lower_levels = chain.parts.len() > 1 || chain.folios.is_some() || chain.pages.is_some();
        // A fond named again after a shelfmark of the same text with that fond (`LCVA fondo
        // 1378 … FONDĄ NR. 1378`) is that fond, in that archive.
        let again = out.iter().rev().find(|f| {
            f.shelfmark.get(LevelKind::Fond).map(|p| &p.value) == chain.parts.first().map(|p| &p.norm)
        });
        if !(lower_levels || printed.is_some()) && again.is_some() && chain.parts.len() == 1 {
            inherited =
                again.and_then(|f| f.shelfmark.archive.clone()).map(|a| ArchiveRef { span: None, ..a });
        } else if !(lower_levels || printed.is_some() || alone::is_named_fond(text, toks, i, &chain)) {
            i += 1;
            continue;
        }
        let start = printed.as_ref().map_or(toks[i].start, |p| p.start.min(toks[i].start));
        out.push(Found { start, end: chain.end, shelfmark: build(text, start, &chain, printed, inherited) });
        i = chain.next;
    }
}

/// Words that say "the same source" (`Там же`, `Ibid.`), folded and without spaces.
const IBID: &[&str] = &[
    "тамже",
    "тамсамо",
    "тамсама",
    "ibid",
    "ibidem",
    "idem",
    "ebenda",
    "ebd",
    "նույնտեղում",
    "იქვე",
    "oyerde",
    "ayniyer",
    "həminyerdə",
    "һәминјердә",
    "iqve",
];

/// Returns the archive of `prev` when the text between it and `start` is only separators,
/// markup or an "ibid" (`…, л.8; ф.1, сп.31, …`, `…</p> <p>Там же. Ф.7.`) and no archive is
/// printed.
fn inherit(text: &str, prev: Option<&Found>, start: usize, unprinted: bool) -> Option<ArchiveRef> {
    let prev = prev.filter(|_| unprinted)?;
    if !clean_gap(text, prev.end, start) {
        return None;
    }
    prev.shelfmark.archive.as_ref().map(|a| ArchiveRef { span: None, ..a.clone() })
}

/// Returns true when the text from `end` to `start` is only separators, markup or an
/// "ibid" (at most 200 bytes).
fn clean_gap(text: &str, end: usize, start: usize) -> bool {
    let Some(gap) = text.get(end..start) else { return false };
    let mut letters = String::new();
    let mut in_tag = false;
    for c in gap.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag => {}
            _ if c.is_alphabetic() => letters.push(c),
            _ => {}
        }
    }
    let letters = crate::fold::fold(&letters);
    (letters.is_empty() || IBID.contains(&letters.as_str())) && gap.len() <= 200
}

/// Turns parsed levels into a [`Shelfmark`] whose spans index its `raw`.
fn build(
    text: &str,
    start: usize,
    parsed: &Parsed,
    printed: Option<Printed>,
    inherited: Option<ArchiveRef>,
) -> Shelfmark {
    let raw = &text[start..parsed.end];
    let rel = |(a, b): (usize, usize)| Span::new(a - start, b - start);
    let cited = |c: &Cited| Folios {
        label: text[c.label.0..c.label.1].to_string(),
        label_span: rel(c.label),
        span: rel(c.span),
        ranges: c.ranges.clone(),
    };
    Shelfmark {
        raw: raw.to_string(),
        archive: printed
            .map(|p| ArchiveRef {
                // Spaces collapsed (a name broken over lines is one name), look-alike
                // letters repaired (`ABПP` is `АВПР`).
                name: text[p.start..p.end]
                    .split_whitespace()
                    .map(crate::fold::repair_word)
                    .collect::<Vec<_>>()
                    .join(" "),
                id: p.id,
                span: Some(rel((p.start, p.end))),
            })
            .or(inherited),
        levels: parsed
            .parts
            .iter()
            .map(|p| {
                let (label, label_span) = match p.label {
                    Some((a, b)) => (text[a..b].to_string(), rel((a, b))),
                    None => (String::new(), rel((p.value.0, p.value.0))),
                };
                ShelfmarkPart {
                    level: p.kind,
                    label,
                    value: p.norm.clone(),
                    label_span,
                    span: rel(p.value),
                    inherited: false,
                }
            })
            .collect(),
        folios: parsed.folios.as_ref().map(cited),
        pages: parsed.pages.as_ref().map(cited),
    }
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
#[cfg(test)]
mod tests_labels;
