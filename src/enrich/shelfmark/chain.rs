//! The post-Soviet grammar: a fond label, then opis, box, delo and sub-units, each introduced
//! by a label ([`super::labels`]) or by position (`fn 609, 11, fl 21`), then folios or pages.

use super::labels::{is_recto, is_verso, label_at, label_where, verso_takes_point, Level, Words};
use super::slashed::triple;
use super::{Cited, Parsed, Part};
use crate::enrich::tokens::{Kind, Token};
use crate::fold::{lookalike_in, majority_script};
use crate::model::{Folio, FolioRange, LevelKind, Script, Side};

/// A level read from the tokens: positions absolute in the text, value not yet repaired.
struct RawPart {
    level: Level,
    label: Option<(usize, usize)>,
    value: (usize, usize),
    /// The value as it will be normalised: digits, letters, `-`, `/` and `,` only.
    norm: String,
}

/// Parses fond, lower levels and folios or pages starting at a fond label at token `i`;
/// with `partial`, also a chain that starts lower (`Д.420. Л.1`, `Л.55`), whose upper
/// levels the caller takes from the shelfmark before.
pub(super) fn parse(text: &str, toks: &[Token], words: &Words, i: usize, partial: bool) -> Option<Parsed> {
    let first = label_at(text, toks, words, i, false)?;
    let starts = match first.level {
        Level::Fond => true,
        Level::Opis | Level::Box | Level::Delo | Level::Folio => partial,
        _ => false,
    };
    if !starts {
        return None;
    }
    let next = glossed_label(text, toks, words, first.next);
    if first.level == Level::Folio {
        let (f, after) = folio_list(text, toks, words, i, next)?;
        let end = f.span.1;
        return Some(Parsed { parts: Vec::new(), folios: Some(f), pages: None, end, next: after });
    }
    let (mut part, after) = labelled_value(text, toks, words, i, next, first.level)?;
    let mut j = skip_gloss(text, toks, after);
    let mut end = part.value.1;
    let mut parts = Vec::new();
    let mut last = first.level;
    // `ფ.1451/1-253`: fond, opis and delo in one slashed value.
    let value_tok = toks.partition_point(|t| t.start < part.value.0);
    if let Some(([f, o, d], after)) =
        (first.level == Level::Fond).then(|| triple(text, toks, value_tok)).flatten()
    {
        let raw = |level: Level, label: Option<(usize, usize)>, (a, b): (usize, usize)| RawPart {
            level,
            label,
            value: (a, b),
            norm: text[a..b].to_string(),
        };
        parts.push(raw(Level::Fond, part.label, f));
        parts.push(raw(Level::Opis, None, o));
        part = raw(Level::Delo, None, d);
        last = Level::Delo;
        end = d.1;
        j = skip_gloss(text, toks, after);
    }
    let mut positional = false;
    let (mut folios, mut pages) = (None, None);
    loop {
        parts.push(part);
        let k = skip_material(text, toks, words, skip_separator(text, toks, j));
        let Some(t) = toks.get(k) else { break };
        if t.kind == Kind::Number && last == Level::Fond {
            // A bare number after the fond is a positional opis when a labelled unit follows.
            let Some((value, after)) = ident(text, toks, words, k) else { break };
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
        // The first reading of the label that may follow `last` (see `reading`).
        let fits = |l: Level| {
            reading(text, toks, words, k, l, last)
                .is_some_and(|r| r > last || r.is_sub_unit() && last.is_sub_unit() && r != last)
        };
        let Some(found) = label_where(text, toks, words, k, positional, fits)
            .or_else(|| label_at(text, toks, words, k, positional))
        else {
            break;
        };
        let level = match found.level {
            // A fond label after the file is a folio: Georgian `ფ.`, English `f.`.
            Level::Fond if last >= Level::Delo => Level::Folio,
            // Armenian romanised: `t.` (թերթ) after the file `g.` (գործ) is a leaf.
            Level::Volume if words.is(k, "t") && armenian_file(text, parts.last()) => Level::Folio,
            // Georgian romanised: `t.` (ტომი) after the case `saq.` (საქმე) is its part.
            Level::Volume if words.is(k, "t") && georgian_case(text, parts.last()) => Level::Part,
            other => match reading(text, toks, words, k, other, last) {
                Some(level) => level,
                None => break,
            },
        };
        let sub_units = level.is_sub_unit() && last.is_sub_unit() && level != last;
        if level <= last && !sub_units {
            break;
        }
        if matches!(level, Level::Folio | Level::Page) {
            let next = glossed_label(text, toks, words, found.next);
            if let Some((f, after)) = folio_list(text, toks, words, k, next) {
                end = f.span.1;
                j = after;
                if level == Level::Folio {
                    folios = Some(f);
                } else {
                    pages = Some(f);
                }
            }
            break;
        }
        let next = glossed_label(text, toks, words, found.next);
        let Some((p, after)) = labelled_value(text, toks, words, k, next, level) else { break };
        end = p.value.1;
        last = level;
        part = p;
        j = skip_gloss(text, toks, after);
    }
    Some(Parsed { parts: finish(text, &parts, folios.as_ref()), folios, pages, end, next: j })
}

/// Reads a label of `level` at token `k` after a part of level `last`: `p.` before the file
/// is a papka (box) when a file follows, else nothing; a folio label before the file with a
/// file after its number is an opis (`list 19, case 1204`, English for ցուցակ).
fn reading(text: &str, toks: &[Token], words: &Words, k: usize, level: Level, last: Level) -> Option<Level> {
    let file_follows = || {
        let next = label_at(text, toks, words, k, false).map_or(k + 1, |f| f.next);
        papka_before_file(text, toks, words, k, next, false)
    };
    match level {
        Level::Fond if last >= Level::Delo => Some(Level::Folio),
        Level::Page if last < Level::Delo => (words.is(k, "p") && file_follows()).then_some(Level::Box),
        Level::Folio if last < Level::Delo && last > Level::Fond || last == Level::Fond && file_follows() => {
            Some(if file_follows() { Level::Opis } else { Level::Folio })
        }
        other => Some(other),
    }
}

/// Returns true when the page label at `k` is a romanised papka (`p. 1`) with a file
/// label after its number (`op. 1, p. 1, d. 5`).
fn papka_before_file(text: &str, toks: &[Token], words: &Words, k: usize, next: usize, papka: bool) -> bool {
    if papka && !words.is(k, "p") {
        return false;
    }
    let Some((_, after)) = ident(text, toks, words, next) else { return false };
    let m = skip_separator(text, toks, after);
    label_at(text, toks, words, m, false).is_some_and(|f| f.level == Level::Delo)
}

/// Returns true when `part` is a file labelled `g.`, the romanised Armenian գործ.
fn armenian_file(text: &str, part: Option<&RawPart>) -> bool {
    part.is_some_and(|p| {
        p.level == Level::Delo && p.label.is_some_and(|(a, b)| text[a..b].trim_end_matches('.') == "g")
    })
}

/// Returns true when `part` is a case labelled `saq.` or `saqme`, the romanised Georgian საქმე.
fn georgian_case(text: &str, part: Option<&RawPart>) -> bool {
    part.is_some_and(|p| {
        p.level == Level::Delo
            && p.label.is_some_and(|(a, b)| matches!(text[a..b].trim_end_matches('.'), "saq" | "saqme"))
    })
}

/// Repairs look-alike letters in the values to the script of the labels and types the parts.
fn finish(text: &str, parts: &[RawPart], folios: Option<&Cited>) -> Vec<Part> {
    let labels: String = parts
        .iter()
        .filter_map(|p| p.label.map(|(a, b)| &text[a..b]))
        .chain(folios.map(|f| &text[f.label.0..f.label.1]))
        .collect();
    let script = majority_script(&labels).unwrap_or(Script::Latin);
    parts
        .iter()
        .map(|p| Part {
            kind: match p.level {
                Level::Fond => LevelKind::Fond,
                Level::Opis => LevelKind::Opis,
                Level::Box => LevelKind::Box,
                Level::Delo => LevelKind::Delo,
                Level::Part => LevelKind::Part,
                Level::Volume | Level::Folio | Level::Page => LevelKind::Volume,
            },
            label: p.label,
            value: p.value,
            norm: p.norm.chars().map(|c| lookalike_in(c, script)).collect(),
        })
        .collect()
}

/// Characters that separate the levels of a citation: GOST's `. – ` and plain dashes included.
pub(crate) const SEPARATORS: [char; 6] = [',', '.', ':', '–', '—', '-'];

/// Skips a separator (`,` `.` `:`, GOST's `. –`, or a point doubled by extraction damage as
/// in `109..`) and returns the next token's index; `;` is not skipped because it ends a
/// citation.
pub(super) fn skip_separator(text: &str, toks: &[Token], mut j: usize) -> usize {
    for _ in 0..2 {
        match toks.get(j) {
            Some(t) if t.kind == Kind::Punct && SEPARATORS.iter().any(|&c| t.is_punct(text, c)) => j += 1,
            _ => break,
        }
    }
    j
}

/// Returns true for a plausible year (a 4-digit number from 1000 to 2099).
fn is_year(text: &str, t: &Token) -> bool {
    let s = t.text(text);
    t.kind == Kind::Number && s.len() == 4 && (s.starts_with('1') || s.starts_with("20"))
}

/// Returns true when token `i` is a year abbreviation (`г.`, `гг.`, `g.`, `gg.`, `il`).
fn is_year_word(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.kind == Kind::Word
            && matches!(t.text(text), "г" | "гг" | "g" | "gg" | "рр" | "р" | "il" | "года" | "god")
    })
}

/// Skips a year printed between two levels (`op. 1, 1806 g., d. 122`; `за 1792 г.`) when a
/// label follows it; returns `k` unchanged otherwise. The year stays inside `raw`.
fn skip_material(text: &str, toks: &[Token], words: &Words, k: usize) -> usize {
    let mut m = k;
    if toks.get(m).is_some_and(|t| t.kind == Kind::Word && matches!(t.text(text), "за" | "za")) {
        m += 1;
    }
    if !toks.get(m).is_some_and(|t| is_year(text, t)) {
        return k;
    }
    m += 1;
    if toks.get(m).is_some_and(|t| is_dash(text, t)) && toks.get(m + 1).is_some_and(|t| is_year(text, t)) {
        m += 2;
    }
    if !is_year_word(text, toks, m) {
        return k;
    }
    m += 1;
    if toks.get(m).is_some_and(|t| t.is_punct(text, '.') && !t.space_before) {
        m += 1;
    }
    let after = skip_separator(text, toks, m);
    if label_at(text, toks, words, after, false).is_some() {
        after
    } else {
        k
    }
}

/// Skips a glossed title in parentheses after a value (`fond 1286 (Departament politsii)`)
/// when a separator and more of the citation follow; the gloss stays inside `raw`.
fn skip_gloss(text: &str, toks: &[Token], j: usize) -> usize {
    if !toks.get(j).is_some_and(|t| t.is_punct(text, '(')) {
        return j;
    }
    let Some(close) = (j + 1..toks.len().min(j + 30)).find(|&m| toks[m].is_punct(text, ')')) else {
        return j;
    };
    if (j + 1..close).any(|m| toks[m].is_punct(text, '(') || toks[m].is_punct(text, ';')) {
        return j;
    }
    if toks.get(close + 1).is_some_and(|t| SEPARATORS.iter().any(|&c| t.is_punct(text, c))) {
        close + 1
    } else {
        j
    }
}

/// Skips the abbreviation printed after a spelled-out label (`fond (f.) 1286`,
/// `opis' (op.) 1`) and returns the token of the value.
fn glossed_label(text: &str, toks: &[Token], words: &Words, next: usize) -> usize {
    if !toks.get(next).is_some_and(|t| t.is_punct(text, '(')) {
        return next;
    }
    match label_at(text, toks, words, next + 1, true) {
        Some(f) if toks.get(f.next).is_some_and(|t| t.is_punct(text, ')')) => f.next + 1,
        _ => next,
    }
}

/// Returns true for a number sign printed before a value: `№`, `N`, `No`, `Nr`.
fn is_number_sign(text: &str, t: &Token) -> bool {
    t.is_punct(text, '№')
        || t.kind == Kind::Word && matches!(t.text(text), "N" | "No" | "no" | "NO" | "Nr" | "nr" | "NR")
}

/// Reads the value after a label whose tokens run from `label_tok` to `next`: one ident,
/// or (below the fond) a list (`д. 174, 194`) or a range (`д. 5–7`).
fn labelled_value(
    text: &str,
    toks: &[Token],
    words: &Words,
    label_tok: usize,
    next: usize,
    level: Level,
) -> Option<(RawPart, usize)> {
    let mut j = next;
    let mut signs = 0;
    // `ϕ .85`: a detached point; `Д. № 5`, `Д. N 6530`: a number sign.
    while toks
        .get(j)
        .is_some_and(|t| t.is_punct(text, '.') || t.is_punct(text, ':') || is_number_sign(text, t))
    {
        signs += usize::from(toks[j].is_punct(text, '№'));
        j += 1;
    }
    let (mut value, mut after) = ident(text, toks, words, j)?;
    // `фондами №№ Р-2769, Р-2793`: the doubled sign announces a list of fonds.
    if level == Level::Fond && signs == 2 {
        while toks.get(after).is_some_and(|t| t.is_punct(text, ',')) {
            let Some((more, a2)) = ident(text, toks, words, after + 1) else { break };
            value.norm.push(',');
            value.norm.push_str(&more.norm);
            value.value.1 = more.value.1;
            after = a2;
        }
    }
    if level != Level::Fond {
        // A range: `д. 5–7`.
        if toks.get(after).is_some_and(|t| is_dash(text, t)) {
            if let Some((to, a2)) = ident(text, toks, words, after + 1) {
                value.norm.push('-');
                value.norm.push_str(&abbreviated_end(&value.norm[..value.norm.len() - 1], &to.norm));
                value.value.1 = to.value.1;
                after = a2;
            }
        }
        // A list: `Оп. 1, 2`, ended by a label, `;`, `)` or the end of the text.
        while toks.get(after).is_some_and(|t| t.is_punct(text, ','))
            && toks.get(after + 1).is_some_and(|t| t.kind == Kind::Number)
            && !(is_year(text, &toks[after + 1]) && is_year_word(text, toks, after + 2))
        {
            let Some((more, a2)) = ident(text, toks, words, after + 1) else { break };
            let m = skip_separator(text, toks, a2);
            let ends = match toks.get(m) {
                None => true,
                Some(t) => {
                    t.is_punct(text, ';')
                        || t.is_punct(text, ')')
                        || toks.get(a2).is_some_and(|t| t.is_punct(text, ','))
                            && toks.get(a2 + 1).is_some_and(|t| t.kind == Kind::Number)
                        || label_at(text, toks, words, m, false).is_some()
                }
            };
            if !ends {
                break;
            }
            value.norm.push(',');
            value.norm.push_str(&more.norm);
            value.value.1 = more.value.1;
            after = a2;
        }
    }
    let label_end = toks[next - 1].end;
    Some((RawPart { level, label: Some((toks[label_tok].start, label_end)), ..value }, after))
}

/// Reads a unit number with an optional letter (`186а`, `186 a`, `3 с.`, `2a`), a letter
/// prefix (GARF's `Р-130`, `ф. р-4808`, `Р — 1878`), a sub-number (`641/1`) or a letter
/// suffix (`20722-пф`).
fn ident(text: &str, toks: &[Token], words: &Words, j: usize) -> Option<(RawPart, usize)> {
    let prefix = toks.get(j).filter(|t| t.kind == Kind::Word && t.text(text).chars().count() == 1);
    if let Some(p) = prefix {
        let dash = toks.get(j + 1).filter(|d| is_dash(text, d));
        if dash.is_some() && toks.get(j + 2).is_some_and(|n| n.kind == Kind::Number) {
            let (mut part, next) = ident(text, toks, words, j + 2)?;
            part.value.0 = p.start;
            part.norm = format!("{}-{}", p.text(text), part.norm);
            return Some((part, next));
        }
    }
    let num = toks.get(j).filter(|t| t.kind == Kind::Number)?;
    let mut end = num.end;
    let mut next = j + 1;
    let mut norm = num.text(text).to_string();
    // (Armenian `և`, "and", is a word of its own, never a unit letter.)
    if let Some(w) = toks
        .get(next)
        .filter(|t| t.kind == Kind::Word && t.text(text).chars().count() == 1 && t.text(text) != "և")
    {
        let after = toks.get(next + 1);
        let letter_point = after.is_some_and(|t| t.is_punct(text, '.') && !t.space_before);
        let beyond = if letter_point { toks.get(next + 2) } else { after };
        let starts_number = beyond.is_some_and(|t| t.kind == Kind::Number);
        if !w.space_before || !starts_number && !is_verso(words, next) {
            norm.push_str(w.text(text));
            end = w.end;
            next += 1;
            if w.space_before && letter_point {
                end = toks[next].end;
                next += 1;
            }
        }
    }
    // `641/1`: a sub-number; `20722-пф`: a letter suffix (no spaces in either).
    let tight = |k: usize| toks.get(k).filter(|t| !t.space_before);
    if tight(next).is_some_and(|t| t.is_punct(text, '/')) {
        if let Some(n) = tight(next + 1).filter(|t| t.kind == Kind::Number) {
            norm.push('/');
            norm.push_str(n.text(text));
            end = n.end;
            next += 2;
        }
    }
    if tight(next).is_some_and(|t| t.is_punct(text, '-')) {
        if let Some(w) = tight(next + 1).filter(|t| {
            t.kind == Kind::Word
                && t.text(text).chars().count() <= 3
                && label_at(text, toks, words, next + 1, false).is_none()
        }) {
            norm.push('-');
            norm.push_str(w.text(text));
            end = w.end;
            next += 2;
        }
    }
    let part = RawPart { level: Level::Fond, label: None, value: (num.start, end), norm };
    Some((part, next))
}

/// The end of a range printed short (`5754–5` is 5754 to 5755, `32–3` is 32 to 33): the
/// start's leading digits before the shorter end, when both are numbers; `end` otherwise.
pub(super) fn abbreviated_end(start: &str, end: &str) -> String {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(start) && digits(end) && end.len() < start.len() {
        let full = format!("{}{end}", &start[..start.len() - end.len()]);
        if full.as_str() > start {
            return full;
        }
    }
    end.to_string()
}

/// Returns true for a hyphen or dash token.
pub(super) fn is_dash(text: &str, t: &Token) -> bool {
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
    } else if let Some(w) = toks.get(next).filter(|_| is_recto(words, next)) {
        end = w.end;
        next += 1;
    } else if let Some(w) = toks.get(next).filter(|t| !t.space_before && t.kind == Kind::Word) {
        if matches!(w.text(text), "v" | "r") {
            verso = w.text(text) == "v";
            end = w.end;
            next += 1;
        }
    }
    Some((number, verso, end, next))
}

/// Reads the leaves (or pages) after a label: ranges separated by commas.
pub(super) fn folio_list(
    text: &str,
    toks: &[Token],
    words: &Words,
    label_tok: usize,
    next: usize,
) -> Option<(Cited, usize)> {
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
                let n = abbreviated_end(&from.to_string(), &n.to_string()).parse().unwrap_or(n);
                to = (n, v);
                end = e2;
                k = k2;
            } else if let Some(w) = toks.get(k + 1).filter(|_| is_verso(words, k + 1)) {
                // `14 ա-բ`: from the front of a leaf to its back.
                to = (from, true);
                end = w.end;
                k += 2;
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
        // A year after the leaves (`folio 53, 1743.`, `л. 5, 1919`) dates the document: a
        // list of small leaf numbers does not jump to one in the years of the calendar.
        let year_after_leaves = toks.get(j + 1).is_some_and(|t| {
            crate::fold::is_year(t.text(text))
                && ranges.iter().all(|r| r.to.number < 1000)
                && !toks.get(j + 2).is_some_and(|d| is_dash(text, d))
        });
        let continues = toks.get(j).is_some_and(|t| t.is_punct(text, ','))
            && toks.get(j + 1).is_some_and(|t| t.kind == Kind::Number)
            && !year_after_leaves
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
    Some((Cited { label, span: (start, end), ranges }, j))
}
