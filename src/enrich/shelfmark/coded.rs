//! Code-shaped shelfmarks of archives with hierarchies of their own: Ottoman BOA
//! (`DH.KMS, 50-1/15`), ATASE (`BDH, Klasör 123, Dosya 45, Fihrist 6`), BCA
//! (`030.18.01.02/12.45.3`), the UK National Archives (`FO 371/3404/12345`), Bundesarchiv
//! (`R 43-I/1234`), PA AA (`RZ 201/R 14087`), SHD (`GR 7 N 1636`), Archives nationales
//! (`F/7/13424`), AMAE (`…, vol. 567`) and NARA (`RG 59, Entry 205, Box 115`).
//!
//! Each is read right after its printed archive, since the codes alone look like much else
//! (`R 43`, `7 N`); only TNA's department codes (`FO 371/3404`: 2–4 capitals, a space, a
//! number, a slash, a number) and NARA's `RG 59` are distinctive enough to stand alone.

use super::chain::{folio_list, is_dash};
use super::labels::Words;
use super::table::ArchiveTable;
use super::{build, inherit, Cited, Found, Parsed, Part, Printed};
use crate::enrich::tokens::{Kind, Token};
use crate::fold::fold;
use crate::model::{ArchiveRef, Folio, FolioRange, LevelKind, Side};

/// Words that start a designation of one of these archives, or a code that may stand alone.
const TRIGGERS: &[&str] = &[
    "BOA", "ATASE", "BCA", "TNA", "PRO", "UKNA", "BArch", "BA", "PA", "PAAA", "SHD", "AN", "AMAE", "MAE",
    "NARA", "RG", "NA", "CADN", "SHAT", "NLA", "LABW", "HStAS",
];

/// Returns true when `text` may hold a code-shaped shelfmark: a cheap test on its words.
pub(super) fn may_have(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &text[s..i];
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
            if TRIGGERS.contains(&w) || department_shape(b, s, i) || dotted || ottoman {
                return true;
            }
            continue;
        }
        i += 1;
    }
    ["rchiv", "Arşiv", "Record Group", "Department of State", "National Archives", "Ibid", "ote ", "ֆ"]
        .iter()
        .any(|w| text.contains(w))
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
    )
}

/// Words never read as a TNA department code, though they have its shape.
const NOT_DEPARTMENTS: &[&str] = &[
    "ISBN", "ISSN", "GOST", "DIN", "ISO", "UN", "EU", "USSR", "SSSR", "RSFSR", "NO", "AD", "BC", "CE", "RG",
    "NARA", "BOA", "BCA",
];

/// Returns true when `word` folds (as [`fold`] does) to `key`, without allocating.
fn folded_eq(word: &str, key: &str) -> bool {
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

/// Reads the tokens of one text.
struct Cur<'a> {
    text: &'a str,
    toks: &'a [Token],
    words: &'a Words,
}

impl Cur<'_> {
    fn tok(&self, k: usize) -> Option<&Token> {
        self.toks.get(k)
    }

    fn punct(&self, k: usize, c: char) -> bool {
        self.tok(k).is_some_and(|t| t.is_punct(self.text, c))
    }

    fn tight(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| !t.space_before)
    }

    fn kind(&self, k: usize, kind: Kind) -> bool {
        self.tok(k).is_some_and(|t| t.kind == kind)
    }

    fn word(&self, k: usize) -> Option<&str> {
        self.tok(k).filter(|t| t.kind == Kind::Word).map(|t| t.text(self.text))
    }

    fn start(&self, k: usize) -> usize {
        self.toks[k].start
    }

    fn end(&self, k: usize) -> usize {
        self.toks[k].end
    }

    /// Skips `,` `:` `.` (at most two) between parts.
    fn sep(&self, mut k: usize) -> usize {
        for _ in 0..2 {
            if self.punct(k, ',') || self.punct(k, ':') || self.punct(k, '.') {
                k += 1;
            }
        }
        k
    }

    /// Matches a label of `words` (folded) at `k`, with points after its words and an
    /// optional `No`/`Nr`/`:` after it; returns (label end byte, value token).
    fn label(&self, k: usize, words: &[&str]) -> Option<(usize, usize)> {
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
    fn code(&self, k: usize, joiners: &[char]) -> Option<(usize, usize)> {
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
    fn cited(&self, k: usize) -> Option<(bool, Cited, usize)> {
        let w = fold(self.word(k)?);
        let folio = matches!(
            w.as_str(),
            "f" | "ff" | "fol" | "fols" | "folio" | "folios" | "fo" | "fos" | "bl" | "bll"
        );
        let page = matches!(w.as_str(), "p" | "pp" | "s" | "ss" | "sayfa" | "page" | "pages");
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

    fn part(&self, kind: LevelKind, label: Option<(usize, usize)>, a: usize, b: usize) -> Part {
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
            let parsed = Parsed { parts, folios, pages: None, end, next };
            let start = printed.as_ref().map_or(toks[i].start, |p| p.start);
            out.push(Found { start, end, shelfmark: build(text, start, &parsed, printed, None) });
            i = next.max(i + 1);
            continue;
        }
        let Some((printed, id, k)) = designation(&cur, i, table) else {
            // Codes that stand alone: TNA departments, NARA record groups, dotted BOA codes.
            let found = ["nara", "tna", "boa"]
                .into_iter()
                .filter(|&id| id != "nara" || cur.word(i) == Some("RG"))
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
        // `…; HR.SYS, 2876/4`: later shelfmarks of the same archive after `;`.
        while cur.punct(i, ';') {
            let Some(p) = family(&cur, &id, i + 1, true) else { break };
            let start = toks[i + 1].start;
            let inherited = inherit(text, out.last(), start, true);
            out.push(Found { start, end: p.end, shelfmark: build(text, start, &p, None, inherited) });
            i = p.next;
        }
    }
    out
}

/// The name of an archive a shelfmark's shape implies when none is printed.
fn implied_name(id: &str) -> &'static str {
    match id {
        "nara" => "NARA",
        "boa" => "BOA",
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
    let run = cur.toks[i..].iter().take(10).take_while(|t| joinable(t)).count();
    let (n, archive) = (1..=run).rev().filter(|&n| cur.kind(i + n - 1, Kind::Word)).find_map(|n| {
        let a = table.lookup(&cur.text[cur.start(i)..cur.end(i + n - 1)])?;
        is_coded(&a.id).then_some((n, a))
    })?;
    let mut end = cur.end(i + n - 1);
    let mut k = i + n;
    // `Başbakanlık Osmanlı Arşivi (BOA)`, `TNA: PRO`: a second designation of the same archive.
    let open = cur.punct(k, '(');
    let second = if open { k + 1 } else { cur.sep(k) };
    let run2 = cur.toks.get(second..).map_or(0, |t| t.iter().take(4).take_while(|t| joinable(t)).count());
    if let Some(m) = (1..=run2).rev().find(|&m| {
        cur.kind(second + m - 1, Kind::Word)
            && table
                .lookup(&cur.text[cur.start(second)..cur.end(second + m - 1)])
                .is_some_and(|b| b.id == archive.id)
    }) {
        let close = second + m;
        if !open || cur.punct(close, ')') {
            k = if open { close + 1 } else { close };
            end = cur.end(k - 1);
        }
    }
    let mut k = cur.sep(k);
    if cur.punct(k, '/') {
        k += 1;
    }
    // A place printed after the archive (`The National Archives, Kew (FO 371/…`) belongs to
    // its designation.
    const PLACES: &[&str] =
        &["Kew", "Freiburg", "Koblenz", "Berlin", "Vincennes", "Pierrefitte", "Ankara", "İstanbul"];
    if cur
        .word(k)
        .is_some_and(|w| PLACES.contains(&w) || archive.place.as_deref().is_some_and(|p| fold(w) == fold(p)))
    {
        end = cur.end(k);
        k = cur.sep(k + 1);
    }
    if cur.punct(k, '(') {
        k += 1;
    }
    Some((Printed { start: cur.start(i), end, id: Some(archive.id.clone()) }, archive.id.clone(), k))
}

/// Parses the shelfmark of archive `id` at token `k`; `printed` says whether the archive is.
fn family(cur: &Cur, id: &str, k: usize, printed: bool) -> Option<Parsed> {
    let (parts, next) = match id {
        "boa" => boa_at(cur, k, printed)?,
        "atase" => atase(cur, k)?,
        "bca" => bca(cur, k)?,
        "tna" => tna(cur, k, printed)?,
        "barch" | "nla" | "labw" | "kit-archiv" => barch(cur, k)?,
        "paaa" => paaa_series(cur, k).or_else(|| paaa(cur, k))?,
        "shd" => shd(cur, k).or_else(|| shd(cur, after_description(cur, k)?))?,
        "an" => an(cur, k)?,
        "amae" => amae(cur, k)?,
        "nara" => nara(cur, k, printed)?,
        _ => return None,
    };
    if parts.is_empty() {
        return None;
    }
    let mut end = parts.iter().map(|p| p.value.1).max()?;
    let mut j = next;
    let (mut folios, mut pages) = (None, None);
    let c = cur.sep(j);
    if id == "boa" && cur.punct(j, ',') {
        // `No. 976, 61b`: a leaf, `a` the front and `b` the back.
        if let Some(leaf) = ottoman_leaf(cur, c) {
            let end = leaf.span.1;
            let next = c + if cur.tight(c + 1) && cur.kind(c + 1, Kind::Word) { 2 } else { 1 };
            return Some(Parsed { parts, folios: Some(leaf), pages: None, end, next });
        }
    }
    if let Some((folio, cited, after)) = cur.cited(c) {
        end = cited.span.1;
        j = after;
        if folio {
            folios = Some(cited);
        } else {
            pages = Some(cited);
        }
    }
    Some(Parsed { parts, folios, pages, end, next: j })
}

/// Reads an Ottoman leaf number (`440`, `440a`, `61b`: `b` is the back), ended by the end
/// of the citation.
fn ottoman_leaf(cur: &Cur, k: usize) -> Option<Cited> {
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

/// Reads labelled levels (`Dosya No: 12, Gömlek No: 7`) from `k` with `labels`; each value
/// is a code. Returns the parts and the token after the last value.
fn labelled(cur: &Cur, mut k: usize, labels: &[(&[&str], LevelKind)], parts: &mut Vec<Part>) -> usize {
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

/// An Ottoman collection code: capitals joined by points (`DH.KMS`, `Y.PRK.ASK`, `İ.HUS`,
/// `DH.EUM.4.Şb`, `A.DVNS.ASK.MHM.d`), a space after a point allowed (`DH. ŞFR`, `MAD. d.`);
/// returns its end, the next token and whether it has more than one segment.
fn ottoman_code(cur: &Cur, k: usize) -> Option<(usize, usize, bool)> {
    let caps = |j: usize| cur.word(j).is_some_and(|w| w.chars().all(|c| c.is_uppercase()));
    // `d` (defter, a register) ends some codes.
    let register = |j: usize| cur.word(j) == Some("d");
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

/// BOA: collection (fond code) / dossier / document, then a leaf (`61b`), at `k`; without a printed archive the collection code must have
/// points (`HR.SYS 2776/75`, `DH. ŞFR, nr. 54/9`), the shape that names the archive.
fn boa_at(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
    let mut parts = Vec::new();
    let mut j = k;
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
        if !(printed || dotted && long_segment) {
            return None;
        }
        parts.push(cur.part(LevelKind::Collection, None, cur.start(k), end));
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
                dossier_document(cur, j, &mut parts)?
            } else {
                return None;
            }
        }
    };
    Some((parts, next))
}

/// Reads `50-1/15` (dossier `50-1`, document `15`) or a lone dossier number.
fn dossier_document(cur: &Cur, j: usize, parts: &mut Vec<Part>) -> Option<usize> {
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
fn atase(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
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
fn dotted(cur: &Cur, k: usize) -> Option<(usize, usize)> {
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
fn bca(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
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

/// TNA departments that are cited by series alone (`FO 371`, `WO 95`): a code's shape alone
/// (capitals and a number) is too common to stand for a series without a piece.
const DEPARTMENTS: &[&str] = &[
    "ADM", "AIR", "AVIA", "BT", "CAB", "CO", "DEFE", "DO", "FCO", "FO", "HO", "HS", "HW", "INF", "KV", "MUN",
    "PREM", "WO",
];

/// Reads a TNA department code: capitals (`FO`, `CAB`) or capitals with points (`F.O.`);
/// returns its normalised form, end and next token.
fn department(cur: &Cur, k: usize, printed: bool) -> Option<(String, usize, usize)> {
    let w = cur.word(k)?;
    // `HR.SYS 2776/75` is an Ottoman code, not a department `SYS`; `IOR/L/PS/11/154` is the
    // British Library's, not a department `PS`.
    if k > 0 && cur.tight(k) && (cur.punct(k - 1, '.') || cur.punct(k - 1, '/') || cur.punct(k - 1, '-')) {
        return None;
    }
    let n = w.chars().count();
    if w.chars().all(|c| c.is_ascii_uppercase()) && ((2..=4).contains(&n) || printed && n <= 5) {
        if !printed && NOT_DEPARTMENTS.contains(&w) {
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
fn piece_list(cur: &Cur, mut j: usize) -> (String, Option<usize>, usize) {
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
fn tna(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
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

/// A Bundesarchiv or PA AA code: letters, then a number with a tight suffix (`R 43-I`,
/// `RH 2`, `RZ 201`, `R 14087`); returns its end and the token after it.
fn german_code(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    let w = cur.word(k)?;
    if !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() > 5 {
        return None;
    }
    if !cur.kind(k + 1, Kind::Number) {
        return None;
    }
    let mut end = cur.end(k + 1);
    let mut j = k + 2;
    if cur.tight(j) && cur.tok(j).is_some_and(|t| is_dash(cur.text, t)) && cur.tight(j + 1) {
        if let Some(t) = cur.tok(j + 1).filter(|t| t.kind != Kind::Punct) {
            end = t.end;
            j += 2;
        }
    } else if cur.word(j).is_some_and(|w| matches!(w, "I" | "II" | "III" | "IV" | "V" | "VI"))
        && cur.punct(j + 1, '/')
    {
        // `R 43 I/1234`: the Roman part printed after a space.
        end = cur.end(j);
        j += 1;
    }
    Some((end, j))
}

/// Bundesarchiv and other German archives: collection (`R 43-I`, `RH 2`, `Rep 900`, or a
/// number: `KIT-Archiv, 27025`) / file (`1234`); a collection may be cited alone.
fn barch(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let (end, j) = german_code(cur, k).or_else(|| {
        let t = cur.tok(k).filter(|t| t.kind == Kind::Number)?;
        Some((t.end, k + 1))
    })?;
    let mut parts = vec![cur.part(LevelKind::Collection, None, cur.start(k), end)];
    if !(cur.punct(j, '/') && cur.kind(j + 1, Kind::Number)) {
        return Some((parts, j));
    }
    let (fe, next) = cur.code(j + 1, &['-'])?;
    parts.push(cur.part(LevelKind::File, None, cur.start(j + 1), fe));
    Some((parts, next))
}

/// PA AA: collection (`RZ 201`) / file (`R 14087`), or a file alone.
fn paaa(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let (end, j) = german_code(cur, k)?;
    if cur.punct(j, '/') {
        if let Some((fe, next)) = german_code(cur, j + 1) {
            let parts = vec![
                cur.part(LevelKind::Collection, None, cur.start(k), end),
                cur.part(LevelKind::File, None, cur.start(j + 1), fe),
            ];
            return Some((parts, next));
        }
    }
    Some((vec![cur.part(LevelKind::File, None, cur.start(k), end)], j))
}

/// PA AA's older files: a named series and its volume (`Türkei 183, Bd. 12`).
fn paaa_series(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let mut j = k;
    while cur.word(j).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) && j < k + 3 {
        j += 1;
    }
    if j == k || !cur.kind(j, Kind::Number) {
        return None;
    }
    let (se, after) = cur.code(j, &['-'])?;
    let v = cur.sep(after);
    let (le, vv) = cur.label(v, &["bd"]).or_else(|| cur.label(v, &["band"]))?;
    let (ve, next) = cur.code(vv, &['-'])?;
    let parts = vec![
        cur.part(LevelKind::Collection, None, cur.start(k), se),
        cur.part(LevelKind::Volume, Some((cur.start(v), le)), cur.start(vv), ve),
    ];
    Some((parts, next))
}

/// SHD: series (`GR 7 N`) / item (`1636`).
fn shd(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let caps = |j: usize| {
        cur.word(j).is_some_and(|w| w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    let mut j = k;
    let mut series = String::new();
    if caps(j) && !cur.kind(j + 1, Kind::Word) {
        series.push_str(cur.word(j)?);
        series.push(' ');
        j = if cur.punct(j + 1, ',') { j + 2 } else { j + 1 };
    }
    if !(cur.kind(j, Kind::Number) && caps(j + 1) && cur.kind(j + 2, Kind::Number)) {
        return None;
    }
    series.push_str(cur.tok(j)?.text(cur.text));
    series.push(' ');
    series.push_str(cur.word(j + 1)?);
    let (ie, next) = cur.code(j + 2, &['/', '-'])?;
    // `GR` (the Guerre fonds) is printed before the series but is not part of it.
    let mut s = cur.part(LevelKind::Series, None, cur.start(j), cur.end(j + 1));
    s.norm = series.trim_start_matches(|c: char| c.is_ascii_uppercase()).trim_start().to_string();
    Some((vec![s, cur.part(LevelKind::Item, None, cur.start(j + 2), ie)], next))
}

/// Returns the token after a descriptive item (`archives du Dépôt de la guerre,`): a few
/// words up to a comma on the same line.
fn after_description(cur: &Cur, k: usize) -> Option<usize> {
    let comma = (k..cur.toks.len().min(k + 8)).find(|&m| !cur.kind(m, Kind::Word))?;
    let same_line = !cur.text[cur.start(k)..cur.start(comma)].contains('\n');
    (comma > k && cur.punct(comma, ',') && same_line).then_some(comma + 1)
}

/// An Armenian personal fonds and its item (`Թֆ № 397`, Tumanyan's fonds; `ՌՊֆ № 149`):
/// capitals ending in `ֆ` (fonds), the number sign, a number with an optional letter.
fn armenian_fonds(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let w = cur.word(k)?;
    let n = w.chars().count();
    if !(2..=4).contains(&n) || !w.ends_with('ֆ') || !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut v = k + 1;
    if cur.punct(v, ',') {
        v += 1;
    }
    if !cur.punct(v, '№') {
        return None;
    }
    v += 1;
    let num = cur.tok(v).filter(|t| t.kind == Kind::Number)?;
    let mut end = num.end;
    let mut next = v + 1;
    let mut norm = num.text(cur.text).to_string();
    // `1521 ա`: a one-letter sub-number.
    // (`և`, "and", is a word of its own.)
    if let Some(l) =
        cur.word(next).filter(|l| l.chars().count() == 1 && *l != "և" && !cur.punct(next + 1, '.'))
    {
        norm.push_str(l);
        end = cur.end(next);
        next += 1;
    }
    let collection = cur.part(LevelKind::Collection, None, cur.start(k), cur.end(k));
    let mut item = cur.part(LevelKind::Item, None, num.start, end);
    item.norm = norm;
    Some((vec![collection, item], next))
}

/// A French `cote` (`Cote 1J/42/9`): the series, then the item inside it.
fn cote(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let label = cur.word(k).filter(|w| fold(w) == "cote")?;
    let v = k + 1;
    let (end, next) = cur.code(v, &['/', '-'])?;
    let value = &cur.text[cur.start(v)..end];
    let (series, _) = value.split_once('/')?;
    let item_start = cur.start(v) + series.len() + 1;
    let parts = vec![
        cur.part(
            LevelKind::Series,
            Some((cur.start(k), cur.start(k) + label.len())),
            cur.start(v),
            cur.start(v) + series.len(),
        ),
        cur.part(LevelKind::Item, None, item_start, end),
    ];
    Some((parts, next))
}

/// Archives nationales: series (`F/7`, `F7`, `313 AP`) / item (`13424`).
fn an(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let caps = |j: usize| {
        cur.word(j).is_some_and(|w| w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    // `F/7/13424`
    if caps(k) && cur.punct(k + 1, '/') && cur.kind(k + 2, Kind::Number) && cur.punct(k + 3, '/') {
        let (ie, next) = cur.code(k + 4, &['-'])?;
        let parts = vec![
            cur.part(LevelKind::Series, None, cur.start(k), cur.end(k + 2)),
            cur.part(LevelKind::Item, None, cur.start(k + 4), ie),
        ];
        return Some((parts, next));
    }
    // `F7 13424`, `313 AP 12`
    let letters_digits = caps(k) && cur.kind(k + 1, Kind::Number) && cur.tight(k + 1);
    let digits_letters = cur.kind(k, Kind::Number) && caps(k + 1);
    if !(letters_digits || digits_letters) {
        return None;
    }
    let series_end = k + 1;
    let mut v = series_end + 1;
    if letters_digits && cur.punct(v, '/') && cur.tight(v) && cur.kind(v + 1, Kind::Number) {
        v += 1;
    } else if !cur.kind(v, Kind::Number) || cur.tight(v) {
        return None;
    }
    let (ie, next) = cur.code(v, &['-'])?;
    let parts = vec![
        cur.part(LevelKind::Series, None, cur.start(k), cur.end(series_end)),
        cur.part(LevelKind::Item, None, cur.start(v), ie),
    ];
    Some((parts, next))
}

/// AMAE: series (`Correspondance politique, Turquie`) / volume (`vol. 567`).
fn amae(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let vol = (k..cur.toks.len().min(k + 14)).find(|&m| {
        cur.word(m).is_some_and(|w| matches!(fold(w).as_str(), "vol" | "volume" | "t" | "tome"))
            && (cur.punct(m + 1, '.') && cur.kind(m + 2, Kind::Number) || cur.kind(m + 1, Kind::Number))
    })?;
    if (k..vol).any(|m| cur.punct(m, ';') || cur.punct(m, '(')) {
        return None;
    }
    let mut parts = Vec::new();
    let mut series_end = vol;
    while series_end > k && (cur.punct(series_end - 1, ',') || cur.punct(series_end - 1, '.')) {
        series_end -= 1;
    }
    if series_end > k {
        parts.push(cur.part(LevelKind::Series, None, cur.start(k), cur.end(series_end - 1)));
    }
    let (le, v) = cur.label(vol, &[fold(cur.word(vol)?).as_str()])?;
    let (ve, next) = cur.code(v, &['-'])?;
    parts.push(cur.part(LevelKind::Volume, Some((cur.start(vol), le)), cur.start(v), ve));
    Some((parts, next))
}

/// NARA: record group / entry / box / file, microfilm / roll, in printed order, as NARA
/// and the State Department's *Foreign Relations* volumes cite them
/// (`Department of State, Central Files, 761.00/4–156`; `…, NEA/NE Files: Lot 63 D 33`).
/// Descriptive items between the levels (`Central Files`, `Records of the Joint Chiefs of
/// Staff`) stay inside `raw` when a level follows them.
fn nara(cur: &Cur, k: usize, printed: bool) -> Option<(Vec<Part>, usize)> {
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
    if !printed && cur.word(k) != Some("RG") {
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
            && cur.code(j, DECIMAL).is_some_and(|(e, _)| cur.text[cur.start(j)..e].contains(['.', '/']));
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
    (printed && !parts.is_empty() || parts.len() >= 2).then_some((parts, next))
}

/// What joins the pieces of a NARA decimal file (`396.1–WA/4–1360`).
const DECIMAL: &[char] = &['.', '/', '-', '–', '—'];
