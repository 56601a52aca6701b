//! French archives: SHD and Archives nationales (series / item), departmental and municipal
//! archives (named with their département or city), and the `cote` of departmental archives
//! (the AMAE's are in `amae.rs`).

use super::*;

/// SHD: series (`GR 7 N`) / item (`1636`).
pub(super) fn shd(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
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
pub(super) fn after_description(cur: &Cur, k: usize) -> Option<usize> {
    let comma = (k..cur.toks.len().min(k + 8)).find(|&m| !cur.kind(m, Kind::Word))?;
    let same_line = !cur.text[cur.start(k)..cur.start(comma)].contains('\n');
    (comma > k && cur.punct(comma, ',') && same_line).then_some(comma + 1)
}

/// A French `cote` (`Cote 1J/42/9`): the series, then the item inside it.
pub(super) fn cote(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let label = cur.word(k).filter(|w| folded_eq(w, "cote"))?;
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
pub(super) fn an(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
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

/// Returns true when `w` is one to three capitals (`GR`, `N`, `NN`, `AJ`).
fn capitals(w: &str) -> bool {
    (1..=3).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// SHD's army sub-series letters that a number prefixes (`7 N`, `1 K`, `2 M`, `10 R`,
/// `4 H`, `2 Ye`): the Guerre series from the Ancien Régime to 1940.
const SHD_LETTERS: &[&str] = &["H", "J", "K", "M", "N", "NN", "P", "Q", "R", "S", "T", "U", "V", "W", "Y"];

/// Returns true when token `k` is an SHD sub-series letter (`N`, `NN`, `Ye`).
fn shd_letter(cur: &Cur, k: usize) -> bool {
    cur.word(k).is_some_and(|w| {
        SHD_LETTERS.contains(&w)
            || w.len() == 2 && w.starts_with('Y') && w[1..].chars().all(|c| c.is_ascii_lowercase())
    })
}

/// SHD codes that name their archive without it: the Guerre fonds `GR` with a series
/// (`GR A`, `GR NN`, `GR 7 N`) and an item or not (`GR 1 K 123`), or a numbered army
/// sub-series with its item (`7 N 2294`, `16 N 1-12`).
pub(super) fn shd_alone(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    if cur.word(k) == Some("GR") {
        if cur.kind(k + 1, Kind::Number) {
            return shd(cur, k);
        }
        let w = cur.word(k + 1).filter(|w| capitals(w) && w.len() <= 2)?;
        if cur.tight(k + 1) || !cur.ends(k + 2) {
            return None;
        }
        let mut s = cur.part(LevelKind::Series, None, cur.start(k), cur.end(k + 1));
        s.norm = w.to_string();
        return Some((vec![s], k + 2));
    }
    // A bare `7 N 2294` after a number or an abbreviation (`vol. 3 N 12`, `N` the number
    // sign) is part of something else; its item has two digits at least.
    let loose = k == 0 || !cur.kind(k - 1, Kind::Number) && !cur.punct(k - 1, '.') && !cur.punct(k - 1, '№');
    let digits = |j: usize| cur.tok(j).filter(|t| t.kind == Kind::Number).map_or(0, |t| t.end - t.start);
    let spaced = !cur.tight(k + 1) && !cur.tight(k + 2) && (k == 0 || !cur.tight(k));
    if !(loose && (1..=2).contains(&digits(k)) && shd_letter(cur, k + 1) && digits(k + 2) >= 2 && spaced) {
        return None;
    }
    let (ie, next) = cur.code(k + 2, &['-', '–'])?;
    let parts = vec![
        cur.part(LevelKind::Series, None, cur.start(k), cur.end(k + 1)),
        cur.part(LevelKind::Item, None, cur.start(k + 2), ie),
    ];
    Some((parts, next))
}

/// Archives nationales series that are cited with their number by a slash (`F/7`,
/// `AJ/16`, `BB/18`) and so stand for the archive alone.
const AN_SERIES: &[&str] = &["F", "AJ", "BB", "AD", "AF", "AB", "AQ", "AU", "CC", "LH", "AL"];

/// An Archives nationales series: capitals and a number, slashed or tight (`F/7`, `F7`,
/// `BB/18`, `F/1cIII`); returns its end and the token after it.
fn an_series(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    cur.word(k).filter(|w| capitals(w))?;
    let mut j = k + 1;
    if cur.punct(j, '/') && cur.tight(j) {
        j += 1;
    }
    if !(cur.tight(j) && cur.kind(j, Kind::Number)) {
        return None;
    }
    let mut end = cur.end(j);
    j += 1;
    // `F/1cIII`, `AF/IV`: a letter sub-series printed tight.
    if cur.tight(j) && cur.kind(j, Kind::Word) {
        end = cur.end(j);
        j += 1;
    }
    Some((end, j))
}

/// Archives nationales codes that name their archive without it: a series after the word
/// `série` (`série F/7`, `sous-série BB/18`), a cote of a slashed series (`F/7/12345`,
/// `AJ/16/123`), or a contemporary versement and its article (`19890151/13`,
/// `20010123/1-20010123/4`).
pub(super) fn an_alone(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    if cur.word(k).is_some_and(|w| ["série", "séries", "serie"].iter().any(|s| folded_eq(w, s))) {
        let (end, next) = an_series(cur, k + 1)?;
        let mut s = cur.part(LevelKind::Series, None, cur.start(k), end);
        s.norm = cur.part(LevelKind::Series, None, cur.start(k + 1), end).norm;
        return Some((vec![s], next));
    }
    if cur.word(k).is_some_and(|w| AN_SERIES.contains(&w)) && cur.punct(k + 1, '/') {
        let (parts, next) = an(cur, k)?;
        return (parts.len() == 2).then_some((parts, next));
    }
    versement(cur, k)
}

/// A contemporary Archives nationales versement (`19890151`: its year and a serial) and
/// its articles (`/13`, `/13-19890151/14`, `/13-14`).
pub(super) fn versement(cur: &Cur, k: usize) -> Option<(Vec<Part>, usize)> {
    let v = cur.tok(k).filter(|t| t.kind == Kind::Number)?.text(cur.text);
    let year: u32 = v.get(..4)?.parse().ok()?;
    if v.len() != 8 || !(1958..=2039).contains(&year) || !(cur.punct(k + 1, '/') && cur.tight(k + 1)) {
        return None;
    }
    let first = cur.tok(k + 2).filter(|t| t.kind == Kind::Number && !t.space_before)?;
    let mut item = first.text(cur.text).to_string();
    let (mut end, mut next) = (first.end, k + 3);
    if cur.tok(next).is_some_and(|t| is_dash(cur.text, t))
        && cur.tight(next)
        && cur.kind(next + 1, Kind::Number)
    {
        // `13-19890151/14` repeats the versement; `13-14` does not.
        let (to, after) = if cur.tok(next + 1).is_some_and(|t| t.text(cur.text) == v)
            && cur.punct(next + 2, '/')
            && cur.kind(next + 3, Kind::Number)
        {
            (next + 3, next + 4)
        } else {
            (next + 1, next + 2)
        };
        item.push('-');
        item.push_str(cur.tok(to)?.text(cur.text));
        end = cur.end(to);
        next = after;
    }
    let series = cur.part(LevelKind::Series, None, cur.start(k), cur.end(k));
    let mut it = cur.part(LevelKind::Item, None, first.start, end);
    it.norm = item;
    Some((vec![series, it], next))
}

/// Returns true when the word `w` may start an Archives nationales code cited alone: the
/// word `série` or a slashed series (`F`, `BB`).
pub(super) fn may_start_alone_word(w: &str) -> bool {
    AN_SERIES.contains(&w)
        || folds_from(w, 's') && ["série", "séries", "serie"].iter().any(|s| folded_eq(w, s))
}

/// Returns true when the capitals at bytes `s..e` may start a French code cited alone:
/// `GR` before a series, a number before an SHD sub-series (`7 N 2294`), or a slashed
/// Archives nationales series (`F/7/`).
pub(super) fn may_stand_alone(b: &[u8], s: usize, e: usize) -> bool {
    let w = &b[s..e];
    let digit_after = |at: usize| b.get(at).is_some_and(u8::is_ascii_digit);
    let shd = w == b"GR" && b.get(e) == Some(&b' ')
        || s >= 2
            && b[s - 1] == b' '
            && b[s - 2].is_ascii_digit()
            && b.get(e) == Some(&b' ')
            && digit_after(e + 1);
    let an = std::str::from_utf8(w).is_ok_and(|w| AN_SERIES.contains(&w))
        && b.get(e) == Some(&b'/')
        && digit_after(e + 1);
    shd || an
}

/// Returns true when `text` names a French series in words or holds a versement number
/// (eight digits and a slash).
pub(super) fn may_have_words(text: &str) -> bool {
    if text.contains("érie") {
        return true;
    }
    let b = text.as_bytes();
    let mut run = 0;
    for &c in b {
        if c.is_ascii_digit() {
            run += 1;
        } else {
            if run == 8 && c == b'/' {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// The département or city after `Archives départementales` / `AD` or `Archives
/// municipales` / `AM` at token `k` (`du Rhône`, `de la Gironde`, `des Bouches-du-Rhône`,
/// `de Lyon`, `Rhône`): its end and the token after it. `None` when no capitalised name
/// follows (`AD/16` is an Archives nationales series).
pub(super) fn local_place(cur: &Cur, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    // `de`, `du`, `des`, `de la`, `de l'`, `d'`.
    let article = |j: usize| {
        cur.word(j).is_some_and(|w| matches!(w, "de" | "du" | "des" | "la" | "d" | "l"))
            || cur.punct(j, '\'') && cur.tight(j)
            || cur.punct(j, '’') && cur.tight(j)
    };
    while j < k + 4 && article(j) {
        j += 1;
    }
    // `d'Ille-et-Vilaine`, `de l'Ain`: the elided article glued to the name.
    let word = cur.word(j)?;
    let name = ["d'", "l'", "d’", "l’"].iter().find_map(|a| word.strip_prefix(a)).unwrap_or(word);
    if !name.chars().next().is_some_and(char::is_uppercase) || name.chars().count() < 2 {
        return None;
    }
    let mut end = cur.end(j);
    j += 1;
    // `Bouches-du-Rhône`, `Alpes-de-Haute-Provence`, `Seine-Saint-Denis`: hyphenated names.
    while cur.punct(j, '-') && cur.tight(j) && cur.tight(j + 1) && cur.kind(j + 1, Kind::Word) {
        end = cur.end(j + 1);
        j += 2;
    }
    Some((end, j))
}
