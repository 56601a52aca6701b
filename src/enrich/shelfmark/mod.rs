//! Archival shelfmarks: find them in running text and parse them into their levels.
//!
//! Two grammars share the work. The post-Soviet one ([`chain`], TEI-ARCHIVAL-NOTES.md §3.3)
//! starts at a fond label: an archive (acronym, full name, or "Full Name (ACRONYM)"), then
//! fond, opis, box, delo and sub-units, each introduced by a label ([`labels`]) or by
//! position (`fn 609, 11, fl 21`), then the leaves with ranges and versos. Such a citation
//! needs a fond plus one lower level, or a printed archive plus a fond, so that page
//! references (`с. 114`), volumes (`т. 9–10`) and initials (`Ф. Энгельс`) never match.
//! The other one ([`coded`]) reads the code-shaped shelfmarks of archives with hierarchies
//! of their own (BOA, ATASE, BCA, TNA, Bundesarchiv, PA AA, SHD, AN, NARA), each after its
//! printed archive, or, for TNA's department codes, by their shape alone.
//! The printed text is never changed; look-alike letters are repaired in values only.

mod archive;
mod chain;
mod coded;
pub mod labels;
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
pub fn find(text: &str, table: &ArchiveTable) -> Vec<Found> {
    // Every post-Soviet shelfmark starts its levels with a fond label, every other one with
    // a code-shaped word: a text with neither (most prose) is not tokenized at all.
    let fonds = labels::has_fond_word(text);
    let codes = coded::may_have(text);
    if !fonds && !codes {
        return Vec::new();
    }
    let toks = tokenize(text);
    let words = Words::new(text, &toks);
    let mut out: Vec<Found> = Vec::new();
    if fonds {
        soviet(text, &toks, &words, table, &mut out);
    }
    let others = if codes { coded::find(text, &toks, &words, table) } else { Vec::new() };
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

/// Finds the post-Soviet shelfmarks, each starting at a fond label.
fn soviet(text: &str, toks: &[Token], words: &Words, table: &ArchiveTable, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < toks.len() {
        let Some(chain) = chain::parse(text, toks, words, i) else {
            i += 1;
            continue;
        };
        let floor = out.last().map_or(0, |f| f.end);
        let printed = archive::find(text, toks, i, floor, table);
        // Archives with hierarchies of their own have no fonds: `AN, F7/13424` is theirs.
        if printed.as_ref().and_then(|p| p.id.as_deref()).is_some_and(coded::is_coded) {
            i += 1;
            continue;
        }
        let inherited = inherit(text, out.last(), toks[i].start, printed.is_none());
        let lower_levels = chain.parts.len() > 1 || chain.folios.is_some() || chain.pages.is_some();
        if !(lower_levels || printed.is_some()) {
            i += 1;
            continue;
        }
        let start = printed.as_ref().map_or(toks[i].start, |p| p.start);
        out.push(Found { start, end: chain.end, shelfmark: build(text, start, &chain, printed, inherited) });
        i = chain.next;
    }
}

/// Returns the archive of `prev` when only `;`, `,` and spaces stand between it and `start`
/// and no archive is printed (`…, л.8; ф.1, сп.31, …`).
fn inherit(text: &str, prev: Option<&Found>, start: usize, unprinted: bool) -> Option<ArchiveRef> {
    let prev = prev.filter(|_| unprinted)?;
    if prev.end > start || !text[prev.end..start].chars().all(|c| c.is_whitespace() || c == ';' || c == ',') {
        return None;
    }
    prev.shelfmark.archive.as_ref().map(|a| ArchiveRef { span: None, ..a.clone() })
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
                name: text[p.start..p.end].to_string(),
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
                ShelfmarkPart { level: p.kind, label, value: p.norm.clone(), label_span, span: rel(p.value) }
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
