//! Code-shaped shelfmarks of archives with hierarchies of their own: Ottoman BOA
//! (`DH.KMS, 50-1/15`), ATASE (`BDH, Klasör 123, Dosya 45, Fihrist 6`), BCA
//! (`030.18.01.02/12.45.3`), the UK National Archives (`FO 371/3404/12345`), Bundesarchiv
//! (`R 43-I/1234`), PA AA (`RZ 201/R 14087`), SHD (`GR 7 N 1636`), Archives nationales
//! (`F/7/13424`), AMAE (`…, vol. 567`) and NARA (`RG 59, Entry 205, Box 115`).
//!
//! Each is read right after its printed archive, since the codes alone look like much else
//! (`R 43`, `7 N`); only shapes that name their archive stand alone: TNA's department codes
//! (`FO 371/3404`, `CAB/65/7/39`, `FO 371` for a known department), NARA's `RG 59`, dotted
//! Ottoman codes with a dossier/document pair (`HR.SYS 2776/75`), the British Library's
//! India Office Records (`IOR/L/PS/10/1165`), a French `Cote 1J/42/9`
//! and Armenian personal fonds (`ՌՊֆ № 149`). One file per family; this one holds the
//! token cursor, the archive designations and the search.

mod amae;
mod american;
mod armenian;
mod british;
mod french;
mod german;
mod india_office;
mod ottoman;
mod prussian;
#[cfg(test)]
mod tests;

use amae::{amae, amae_alone, is_cote_series, named_series};
pub(in crate::enrich::shelfmark) use american::is_date;
use american::nara;
use armenian::armenian_fonds;
use british::{tna, DEPARTMENTS};
use french::{after_description, an, an_alone, cote, shd, shd_alone, versement};
use german::{barch, barch_alone, land, paaa, paaa_series};
use india_office::ior;
use ottoman::{atase, bca, boa_at, ottoman_leaf};

use super::chain::{folio_list, is_dash};
use super::labels::Words;
use super::table::{key_into, ArchiveTable};
use super::{build, inherit, Cited, Found, Parsed, Part, Printed};
use crate::enrich::tokens::{Kind, Token};
use crate::fold::fold;
use crate::model::{ArchiveRef, Folio, FolioRange, LevelKind, Side};

/// Words that start a designation of one of these archives, or a code that may stand alone.
const TRIGGERS: &[&str] = &[
    "BOA", "ATASE", "BCA", "TNA", "PRO", "UKNA", "BArch", "BA", "PA", "PAAA", "SHD", "AN", "AMAE", "MAE",
    "NARA", "RG", "NA", "CADN", "SHAT", "NLA", "LABW", "HStAS", "GStA", "HA", "TSMA", "AE", "AAE", "Entry",
];

/// Returns true when `text` may hold a code-shaped shelfmark: a cheap test on its words.
pub(super) fn may_have(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphabetic()) {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &text[s..i];
            if s > 0 && b[s - 1].is_ascii_digit() {
                // `247QONT/16`: an AMAE cote.
                if b.get(i) == Some(&b'/') && is_cote_series(&text[s - 1..i]) {
                    return true;
                }
                continue;
            }
            // `F.O. 95/380`: a department spelled with points.
            let dotted = i - s == 1 && b.get(i) == Some(&b'.') && b.get(i + 2) == Some(&b'.');
            // `DH. ŞFR`, `HR.SYS`, `MAD. d.`: an Ottoman collection code.
            let ottoman = i - s <= 5
                && b.get(i) == Some(&b'.')
                && text[i + 1..]
                    .trim_start_matches(' ')
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == 'd');
            let alone = french::may_stand_alone(b, s, i) || german::may_stand_alone(b, s, i);
            if TRIGGERS.contains(&w) || department_shape(b, s, i) || dotted || ottoman || alone {
                return true;
            }
            continue;
        }
        i += 1;
    }
    [
        "rchiv",
        "Arşiv",
        "Record Group",
        "orrespondance",
        "Department of State",
        "National Archives",
        "Ibid",
        "ote ",
        "ֆ",
        "IOR/",
    ]
    .iter()
    .any(|w| text.contains(w))
        || french::may_have_words(text)
}

/// Returns true when bytes `s..e` are 2–4 capitals followed by ` 123/4` or `/65/7` (a TNA
/// reference), or are a department cited by series alone (`FO 371`).
fn department_shape(b: &[u8], s: usize, e: usize) -> bool {
    if !(2..=4).contains(&(e - s)) || !b[s..e].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    if !matches!(b.get(e), Some(b' ' | b'/')) {
        return false;
    }
    let digits = b[e + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let known = std::str::from_utf8(&b[s..e]).is_ok_and(|w| DEPARTMENTS.contains(&w));
    digits > 0 && (b.get(e + 1 + digits) == Some(&b'/') || known)
}

/// The archives whose shelfmarks this module reads, by table id.
pub(super) fn is_coded(id: &str) -> bool {
    matches!(
        id,
        "boa"
            | "atase"
            | "bca"
            | "tna"
            | "barch"
            | "paaa"
            | "shd"
            | "an"
            | "amae"
            | "nara"
            | "nla"
            | "labw"
            | "kit-archiv"
            | "tsma"
            | "gsta"
            | "lhas"
            | "stahh"
            | "ad"
            | "am"
    )
}

/// Returns true when `word` folds (as [`fold`] does) to `key`, without allocating.
pub(super) fn folded_eq(word: &str, key: &str) -> bool {
    word.chars()
        .filter(|&c| c != '\u{307}')
        .map(|c| match c {
            'İ' | 'I' | 'ı' => 'i',
            'A'..='Z' => c.to_ascii_lowercase(),
            _ if c.is_ascii() => c,
            _ => c.to_lowercase().next().unwrap_or(c),
        })
        .eq(key.chars())
}

/// Returns true when `word`'s first letter folds (as [`folded_eq`] does) to `first`: a
/// one-letter test before comparing a word with a list of keys that start so.
pub(super) fn folds_from(word: &str, first: char) -> bool {
    word.chars().find(|&c| c != '\u{307}').is_some_and(|c| match c {
        'İ' | 'I' | 'ı' => first == 'i',
        _ if c.is_ascii() => c.to_ascii_lowercase() == first,
        _ => c.to_lowercase().next() == Some(first),
    })
}

/// Reads the tokens of one text.
pub(super) struct Cur<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) words: &'a Words<'a>,
}

impl Cur<'_> {
    pub(super) fn tok(&self, k: usize) -> Option<&Token> {
        self.toks.get(k)
    }

    pub(super) fn punct(&self, k: usize, c: char) -> bool {
        self.tok(k).is_some_and(|t| t.is_punct(self.text, c))
    }

    pub(super) fn tight(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| !t.space_before)
    }

    pub(super) fn kind(&self, k: usize, kind: Kind) -> bool {
        self.tok(k).is_some_and(|t| t.kind == kind)
    }

    pub(super) fn word(&self, k: usize) -> Option<&str> {
        self.tok(k).filter(|t| t.kind == Kind::Word).map(|t| t.text(self.text))
    }

    pub(super) fn start(&self, k: usize) -> usize {
        self.toks[k].start
    }

    pub(super) fn end(&self, k: usize) -> usize {
        self.toks[k].end
    }

    /// Returns true when token `k` ends a code cited alone: the end of the text, a line
    /// break before it, or `,` `;` `.` `)` `(`.
    pub(super) fn ends(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return true };
        let gap = k.checked_sub(1).map_or("", |p| &self.text[self.end(p)..t.start]);
        gap.contains('\n') || [',', ';', '.', ')', '('].iter().any(|&c| self.punct(k, c))
    }

    /// Skips the markup printed around a code: Markdown's `**`, `*` and backticks.
    pub(super) fn markup(&self, mut k: usize) -> usize {
        while self.punct(k, '*') || self.punct(k, '`') {
            k += 1;
        }
        k
    }

    /// Skips `,` `:` `.` (at most two) between parts.
    pub(super) fn sep(&self, mut k: usize) -> usize {
        for _ in 0..2 {
            if self.punct(k, ',') || self.punct(k, ':') || self.punct(k, '.') {
                k += 1;
            }
        }
        k
    }

    /// Matches a label of `words` (folded) at `k`, with points after its words and an
    /// optional `No`/`Nr`/`:` after it; returns (label end byte, value token).
    pub(super) fn label(&self, k: usize, words: &[&str]) -> Option<(usize, usize)> {
        let mut j = k;
        for (n, w) in words.iter().enumerate() {
            if n > 0 && self.punct(j, '.') {
                j += 1;
            }
            if !folded_eq(self.word(j)?, w) {
                return None;
            }
            j += 1;
        }
        if self.punct(j, '.') && self.tight(j) {
            j += 1;
        }
        let end = self.end(j - 1);
        if self.word(j).is_some_and(|w| matches!(w, "No" | "no" | "NO" | "Nr" | "nr" | "N")) {
            j += 1;
            if self.punct(j, '.') {
                j += 1;
            }
        }
        if self.punct(j, ':') || self.punct(j, '№') {
            j += 1;
        }
        Some((end, j))
    }

    /// Reads a code printed without spaces (`861.00/1234`, `50-1`, `M316`, `2657-D-123`):
    /// numbers and words joined by `.`, `/` and `-`. Returns (end byte, next token).
    pub(super) fn code(&self, k: usize, joiners: &[char]) -> Option<(usize, usize)> {
        let first = self.tok(k).filter(|t| matches!(t.kind, Kind::Number | Kind::Word))?;
        let mut end = first.end;
        let mut j = k + 1;
        loop {
            if self.tight(j) && matches!(self.tok(j).map(|t| t.kind), Some(Kind::Number | Kind::Word)) {
                end = self.end(j);
                j += 1;
                continue;
            }
            let joined = self.tight(j)
                && joiners.iter().any(|&c| self.punct(j, c))
                && self.tight(j + 1)
                && matches!(self.tok(j + 1).map(|t| t.kind), Some(Kind::Number | Kind::Word));
            if joined {
                end = self.end(j + 1);
                j += 2;
                continue;
            }
            break;
        }
        Some((end, j))
    }

    /// Reads folios (`f. 12`, `ff. 3-5`, `fol.`, `Bl. 5`) or pages (`p. 4`, `S. 4`) at `k`.
    pub(super) fn cited(&self, k: usize) -> Option<(bool, Cited, usize)> {
        const FOLIO: &[&str] = &["f", "ff", "fol", "fols", "folio", "folios", "fo", "fos", "bl", "bll"];
        const PAGE: &[&str] = &["p", "pp", "s", "ss", "sayfa", "page", "pages"];
        let w = self.word(k)?;
        let folio = FOLIO.iter().any(|f| folded_eq(w, f));
        let page = !folio && PAGE.iter().any(|p| folded_eq(w, p));
        if !folio && !page {
            return None;
        }
        let mut next = k + 1;
        if self.punct(next, '.') && self.tight(next) {
            next += 1;
        }
        let (c, after) = folio_list(self.text, self.toks, self.words, k, next)?;
        Some((folio, c, after))
    }

    pub(super) fn part(&self, kind: LevelKind, label: Option<(usize, usize)>, a: usize, b: usize) -> Part {
        // Spaces collapsed, en and em dashes read as hyphens (`761.00/4–156` → `4-156`).
        let norm = self.text[a..b].split_whitespace().collect::<Vec<_>>().join(" ").replace(['–', '—'], "-");
        Part { kind, label, value: (a, b), norm }
    }
}

/// Finds every code-shaped shelfmark in the tokens.
pub(super) fn find(text: &str, toks: &[Token], words: &Words, table: &ArchiveTable) -> Vec<Found> {
    let cur = Cur { text, toks, words };
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((parts, next)) = cote(&cur, i).or_else(|| armenian_fonds(&cur, i)) {
            let floor = out.last().map_or(0, |f| f.end);
            let printed = super::archive::find(text, toks, i, floor, table);
            let end = parts.iter().map(|p| p.value.1).max().unwrap_or(toks[i].end);
            // Leaves after the item (`ՌՊֆ № 149, թ. 20բ–21ա`).
            let (folios, end, next) = match cur.punct(next, ',').then(|| cur.tok(next + 1)).flatten() {
                Some(_) => match super::labels::label_at(text, toks, words, next + 1, false) {
                    Some(f) if f.level == super::labels::Level::Folio => {
                        match super::chain::folio_list(text, toks, words, next + 1, f.next) {
                            Some((c, after)) => {
                                let e = c.span.1;
                                (Some(c), e, after)
                            }
                            None => (None, end, next),
                        }
                    }
                    _ => (None, end, next),
                },
                None => (None, end, next),
            };
            // `cote 285PO/B/289`: an AMAE series names its archive.
            let implied =
                (printed.is_none() && parts.first().is_some_and(|p| is_cote_series(&p.norm))).then(|| {
                    ArchiveRef { name: implied_name("amae").into(), id: Some("amae".into()), span: None }
                });
            let parsed = Parsed { parts, folios, pages: None, end, next };
            let start = printed.as_ref().map_or(toks[i].start, |p| p.start);
            out.push(Found { start, end, shelfmark: build(text, start, &parsed, printed, implied) });
            i = next.max(i + 1);
            continue;
        }
        let Some((printed, id, k)) = designation(&cur, i, table) else {
            // Codes that stand alone: TNA departments, NARA record groups, dotted BOA codes;
            // each family is tried only where its first token fits.
            let found = ALONE
                .into_iter()
                .filter(|&id| may_start_alone(&cur, i, id))
                .find_map(|id| family(&cur, id, i, false).map(|p| (id, p)));
            if let Some((alone, p)) = found {
                let implied =
                    ArchiveRef { name: implied_name(alone).into(), id: Some(alone.into()), span: None };
                let inherited = inherit(text, out.last(), toks[i].start, true)
                    .filter(|a| a.id.as_deref() == Some(alone))
                    .unwrap_or(implied);
                let start = toks[i].start;
                out.push(Found {
                    start,
                    end: p.end,
                    shelfmark: build(text, start, &p, None, Some(inherited)),
                });
                i = p.next.max(i + 1);
            } else if let Some((p, archive, next)) = archive_after(&cur, i, table) {
                // `T 71, The National Archives, Kew`: the archive printed after the code.
                let start = toks[i].start;
                let end = archive.end;
                let p = Parsed { end, next, ..p };
                out.push(Found { start, end, shelfmark: build(text, start, &p, Some(archive), None) });
                i = next;
            } else if let Some((p, start, archive)) = after_ibid(&cur, i, out.last()) {
                out.push(Found { start, end: p.end, shelfmark: build(text, start, &p, None, Some(archive)) });
                i = p.next.max(i + 1);
            } else {
                i += 1;
            }
            continue;
        };
        let Some(p) = family(&cur, &id, k, true) else {
            i += 1;
            continue;
        };
        let start = printed.start;
        out.push(Found { start, end: p.end, shelfmark: build(text, start, &p, Some(printed), None) });
        i = p.next.max(i + 1);
        // `…; HR.SYS, 2876/4`: later shelfmarks of the same archive after `;`; a list of
        // Ottoman collections (`(TS.MA.d, TS.MA.e)`) after `,`; a Prussian Repositur after
        // `/` (`I. HA Rep. 96 / Rep. 9`).
        loop {
            let listed = cur.punct(i, ',')
                && matches!(id.as_str(), "boa" | "tsma")
                && out.last().is_some_and(|f| f.shelfmark.levels.len() == 1)
                && ottoman::ottoman_code(&cur, i + 1).is_some_and(|(_, _, dotted)| dotted);
            let p = if listed {
                family(&cur, &id, i + 1, true)
            } else if cur.punct(i, ';') {
                // After `;` a collection alone is the next clause's word, not a shelfmark.
                family(&cur, &id, i + 1, true).filter(|p| p.parts.len() > 1)
            } else if cur.punct(i, '/') && id == "gsta" {
                let prev = out.last().and_then(|f| f.shelfmark.get(LevelKind::Collection));
                prev.and_then(|c| prussian::sibling(&cur, i + 1, &c.value))
            } else {
                None
            };
            let Some(p) = p else { break };
            let start = toks[i + 1].start;
            let inherited = inherit(text, out.last(), start, true);
            out.push(Found { start, end: p.end, shelfmark: build(text, start, &p, None, inherited) });
            i = p.next;
        }
    }
    out
}

/// The archives whose codes may stand alone, in the order they are tried.
const ALONE: [&str; 9] = ["nara", "bl", "barch", "gsta", "shd", "an", "amae", "tna", "boa"];

/// Returns true when a code of archive `id` cited alone may start at token `i`: each family
/// starts with its own kind of token (`RG`, `IOR`, `NS`, `I. HA`, a number before an SHD
/// series or a versement, `série`, `Correspondance politique`, a word in capitals), so most
/// tokens of prose are tried against none.
fn may_start_alone(cur: &Cur, i: usize, id: &str) -> bool {
    let Some(t) = cur.tok(i) else { return false };
    let number = t.kind == Kind::Number;
    let Some(w) = (t.kind == Kind::Word).then(|| t.text(cur.text)) else {
        return number && matches!(id, "shd" | "an" | "amae");
    };
    match id {
        "nara" => matches!(w, "RG" | "Entry"),
        "bl" => w == "IOR",
        "barch" => w == "R" || german::is_prefix(w),
        "gsta" => prussian::is_roman(w),
        "shd" => w == "GR",
        "an" => french::may_start_alone_word(w),
        "amae" => folds_from(w, 'c') && folded_eq(w, "correspondance"),
        _ => w.chars().all(char::is_uppercase),
    }
}

/// Reads a TNA code with its archive printed after it (`T 71, The National Archives, Kew`);
/// returns the levels, the archive and the token after it.
fn archive_after(cur: &Cur, i: usize, table: &ArchiveTable) -> Option<(Parsed, Printed, usize)> {
    cur.word(i).filter(|w| w.chars().all(|c| c.is_ascii_uppercase()))?;
    let (parts, next) = tna(cur, i, true)?;
    if !cur.punct(next, ',') {
        return None;
    }
    let (archive, id, after) = designation(cur, next + 1, table)?;
    if id != "tna" {
        return None;
    }
    // The designation's reading goes on past its name (separators, a `(`): the citation
    // ends with the name.
    let end = archive.end;
    let after = (next + 1..after).find(|&m| cur.start(m) >= end).unwrap_or(after);
    Some((Parsed { parts, folios: None, pages: None, end, next: after }, archive, after))
}

/// Reads a shelfmark after `Ibid.` at token `i` (`(Ibid., 762.00/4–360)`) in the archive
/// of the coded shelfmark `prev` before it; returns it, its start and that archive.
fn after_ibid(cur: &Cur, i: usize, prev: Option<&Found>) -> Option<(Parsed, usize, ArchiveRef)> {
    let w = cur.word(i)?;
    let ibid = folds_from(w, 'i') && ["ibid", "ibidem"].iter().any(|k| folded_eq(w, k))
        || folds_from(w, 'e') && ["ebd", "ebenda"].iter().any(|k| folded_eq(w, k));
    if !ibid {
        return None;
    }
    let archive = prev?.shelfmark.archive.as_ref()?;
    let id = archive.id.as_deref().filter(|id| is_coded(id))?;
    let k = cur.sep(i + 1);
    let p = family(cur, id, k, true)?;
    Some((p, cur.start(k), ArchiveRef { span: None, ..archive.clone() }))
}

/// The name of an archive a shelfmark's shape implies when none is printed.
fn implied_name(id: &str) -> &'static str {
    match id {
        "nara" => "NARA",
        "amae" => "AMAE",
        "gsta" => "GStA PK",
        "boa" => "BOA",
        "shd" => "SHD",
        "an" => "AN",
        "barch" => "BArch",
        "bl" => "British Library",
        _ => "TNA",
    }
}

/// Reads a designation of a coded archive at token `i` (`BOA`, `PA AA`, `BA-MA`,
/// `The National Archives (TNA)`); returns it, the archive id and the token after it.
fn designation(cur: &Cur, i: usize, table: &ArchiveTable) -> Option<(Printed, String, usize)> {
    let first = cur.word(i)?;
    if !first.chars().next().is_some_and(char::is_uppercase) || !table.starts_a_name(first) {
        return None;
    }
    let joinable = |t: &Token| match t.kind {
        Kind::Word => true,
        Kind::Punct => ['-', '/', '\''].iter().any(|&c| t.is_punct(cur.text, c)) && !t.space_before,
        Kind::Number => false,
    };
    // The key of each run of tokens from `i`, built once token by token (a key is built
    // letter by letter); only runs no longer than the longest name are looked up.
    let mut key = String::with_capacity(64);
    let mut ends = [0usize; 10];
    let mut letters = 0;
    let mut run = 0;
    for (n, t) in cur.toks[i..].iter().take(10).take_while(|t| joinable(t)).enumerate() {
        let before = key.len();
        key_into(t.text(cur.text), &mut key);
        letters += key[before..].chars().count();
        if letters > table.longest_key() {
            break;
        }
        ends[n] = key.len();
        run = n + 1;
    }
    let (n, archive) = (1..=run).rev().filter(|&n| cur.kind(i + n - 1, Kind::Word)).find_map(|n| {
        let a = table.lookup_key(&key[..ends[n - 1]])?;
        is_coded(&a.id).then_some((n, a))
    })?;
    let mut end = cur.end(i + n - 1);
    let mut k = i + n;
    // `Bundesarchiv-Bestandes NS 31`: the archive as the first word of a compound.
    if cur.punct(k, '-')
        && cur.tight(k)
        && cur.tight(k + 1)
        && cur.word(k + 1).is_some_and(|w| fold(w).starts_with("bestand"))
    {
        k += 1;
    }
    // `Başbakanlık Osmanlı Arşivi (BOA)`, `TNA: PRO`: a second designation of the same archive;
    // returns the token after it.
    let second_designation = |k: usize| -> Option<usize> {
        let open = cur.punct(k, '(');
        let second = if open { k + 1 } else { cur.sep(k) };
        let run2 = cur.toks.get(second..).map_or(0, |t| t.iter().take(4).take_while(|t| joinable(t)).count());
        let m = (1..=run2).rev().find(|&m| {
            cur.kind(second + m - 1, Kind::Word)
                && table
                    .lookup(&cur.text[cur.start(second)..cur.end(second + m - 1)])
                    .is_some_and(|b| b.id == archive.id)
        })?;
        let close = second + m;
        (!open || cur.punct(close, ')')).then_some(if open { close + 1 } else { close })
    };
    if let Some(after) = second_designation(k) {
        k = after;
        end = cur.end(k - 1);
    }
    // `Archives départementales du Rhône`, `AD Bouches-du-Rhône`, `Archives municipales de
    // Lyon`: the département or the city belongs to the designation, which names no archive
    // without it.
    if matches!(archive.id.as_str(), "ad" | "am") {
        let (place_end, after) = french::local_place(cur, k)?;
        end = place_end;
        k = after;
    }
    let mut k = cur.sep(k);
    if cur.punct(k, '/') {
        k += 1;
    }
    // A place printed after the archive (`The National Archives, Kew (FO 371/…`) belongs to
    // its designation.
    // (`London`: the Public Record Office stood in Chancery Lane before it moved to Kew.)
    const PLACES: &[&str] = &[
        "Kew",
        "London",
        "Freiburg",
        "Koblenz",
        "Berlin",
        "Vincennes",
        "Pierrefitte",
        "Paris",
        "Ankara",
        "İstanbul",
        "Istanbul",
        "Washington",
    ];
    if cur
        .word(k)
        .is_some_and(|w| PLACES.contains(&w) || archive.place.as_deref().is_some_and(|p| fold(w) == fold(p)))
    {
        end = cur.end(k);
        k = cur.sep(k + 1);
        // `The National Archives, Kew (TNA), FO 371`: the acronym after the place.
        if let Some(after) = second_designation(k) {
            end = cur.end(after - 1);
            k = cur.sep(after);
        }
    }
    if cur.punct(k, '(') {
        k += 1;
    }
    Some((
        Printed { start: cur.start(i), end, id: Some(archive.id.clone()) },
        archive.id.clone(),
        cur.markup(k),
    ))
}

/// Parses the shelfmark of archive `id` at token `k`; `printed` says whether the archive is.
fn family(cur: &Cur, id: &str, k: usize, printed: bool) -> Option<Parsed> {
    let (parts, next) = match id {
        "boa" | "tsma" => boa_at(cur, k, printed)?,
        "atase" => atase(cur, k)?,
        "bca" => bca(cur, k)?,
        "tna" => tna(cur, k, printed)?,
        "barch" if !printed => barch_alone(cur, k)?,
        "barch" | "nla" | "labw" | "kit-archiv" => barch(cur, k)?,
        "lhas" | "stahh" => land(cur, k)?,
        "gsta" => prussian::gsta(cur, k, printed)?,
        "paaa" => paaa_series(cur, k).or_else(|| paaa(cur, k))?,
        "shd" if !printed => shd_alone(cur, k)?,
        "shd" => {
            shd(cur, k).or_else(|| shd(cur, after_description(cur, k)?)).or_else(|| shd_alone(cur, k))?
        }
        "an" if !printed => an_alone(cur, k)?,
        "an" => an(cur, k).or_else(|| versement(cur, k))?,
        "amae" if !printed => named_series(cur, k, false).or_else(|| amae_alone(cur, k))?,
        "amae" => {
            named_series(cur, k, false).or_else(|| amae(cur, k)).or_else(|| named_series(cur, k, true))?
        }
        "nara" => nara(cur, k, printed)?,
        "bl" => ior(cur, k)?,
        // Departmental and municipal archives write their cotes as the Archives nationales
        // do (`4 M 234`, `I1 84`), and are never implied by them.
        "ad" | "am" if printed => an(cur, k)?,
        _ => return None,
    };
    if parts.is_empty() {
        return None;
    }
    let mut end = parts.iter().map(|p| p.value.1).max()?;
    // Markup closing around the code (`**SP 36/61/53**`, `` `IOR/…` ``).
    let mut j = cur.markup(next);
    let (mut folios, mut pages) = (None, None);
    let mut c = cur.sep(j);
    // A gloss between the code and its leaves: `(State Papers Domestic, George II), folio 53`.
    if cur.punct(c, '(') {
        let close = (c + 1..cur.toks.len().min(c + 16)).find(|&m| cur.punct(m, ')') || cur.punct(m, '('));
        if let Some(close) = close.filter(|&m| cur.punct(m, ')') && cur.punct(m + 1, ',')) {
            if cur.cited(close + 2).is_some_and(|(folio, ..)| folio) {
                c = close + 2;
            }
        }
    }
    if matches!(id, "boa" | "tsma") && cur.punct(j, ',') {
        // `No. 976, 61b`: a leaf, `a` the front and `b` the back.
        if let Some(leaf) = ottoman_leaf(cur, c) {
            let end = leaf.span.1;
            let next = c + if cur.tight(c + 1) && cur.kind(c + 1, Kind::Word) { 2 } else { 1 };
            return Some(Parsed { parts, folios: Some(leaf), pages: None, end, next });
        }
    }
    // An India Office `P 3412/1919` after a reference is another file, not a page.
    if let Some((folio, cited, after)) = cur.cited(c).filter(|(folio, ..)| *folio || id != "bl") {
        end = cited.span.1;
        j = after;
        let mut cited = cited;
        // `fol. 23a`, `varak 47b`: an Ottoman leaf's front (`a`) or back (`b`).
        if matches!(id, "boa" | "tsma") && cur.tight(j) && matches!(cur.word(j), Some("a" | "b")) {
            if cur.word(j) == Some("b") {
                if let Some(r) = cited.ranges.last_mut() {
                    r.to.side = Some(Side::Verso);
                    if r.from.number == r.to.number {
                        r.from.side = Some(Side::Verso);
                    }
                }
            }
            end = cur.end(j);
            cited.span.1 = end;
            j += 1;
        }
        if folio {
            folios = Some(cited);
        } else {
            pages = Some(cited);
        }
    }
    Some(Parsed { parts, folios, pages, end, next: j })
}

/// Reads labelled levels (`Dosya No: 12, Gömlek No: 7`) from `k` with `labels`; each value
/// is a code. Returns the parts and the token after the last value.
pub(super) fn labelled(
    cur: &Cur,
    mut k: usize,
    labels: &[(&[&str], LevelKind)],
    parts: &mut Vec<Part>,
) -> usize {
    let mut next = k;
    while let Some((label_end, v, kind)) =
        labels.iter().find_map(|(words, kind)| cur.label(k, words).map(|(e, v)| (e, v, *kind)))
    {
        if parts.iter().any(|p| p.kind == kind) {
            break;
        }
        // A value starts with a digit or a short prefix before one (`UD-7A`, `M316`).
        let numeric = cur.kind(v, Kind::Number)
            || cur.word(v).is_some_and(|w| w.chars().count() <= 3)
                && cur.tight(v + 1)
                && (cur.kind(v + 1, Kind::Number) || cur.punct(v + 1, '-') && cur.kind(v + 2, Kind::Number));
        if !numeric {
            break;
        }
        let Some((end, after)) = cur.code(v, &['.', '/', '-']) else { break };
        parts.push(cur.part(kind, Some((cur.start(k), label_end)), cur.start(v), end));
        next = after;
        k = cur.sep(after);
    }
    next
}
