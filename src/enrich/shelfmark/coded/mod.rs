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
//! and Armenian personal fonds (`ՌՊֆ № 149`). One file per family, the token cursor in
//! `cursor.rs` and the archive designations in `designation.rs`; this one holds the search.

mod amae;
mod american;
mod armenian;
mod british;
mod cursor;
mod designation;
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
use cursor::{folded_eq, folds_from, Cur};
use designation::designation;
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
