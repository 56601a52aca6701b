//! Finds the archive printed before a fond: `РГАСПИ, ф.85`, `Full Name (ACRONYM), ф. 1`,
//! `Central State Archive of Azerbaijan Republic reserve 894`.

use super::table::{key_into, ArchiveTable};
use super::Printed;
use crate::enrich::tokens::{Kind, Token};
use crate::fold::fold;

/// Words that make a phrase an archive's name.
const KEYWORDS: &[&str] =
    &["архив", "архів", "arxiv", "archiv", "arşiv", "arkiv", "arkhiv", "არქივ", "արխիվ"];

fn is_keyword(word: &str) -> bool {
    let w = fold(word);
    KEYWORDS.iter().any(|k| w.starts_with(k))
}

/// An acronym: capitals only (`ЦГАИПД`, `РГБ`), or a short abbreviation with two capitals
/// (`СПб`, `РФ`).
pub(super) fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 2
        && letters[0].is_uppercase()
        && (capitals == letters.len() || capitals >= 2 && letters.len() <= 4)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Collects the word tokens right before token `end` (nearest first), stopping at
/// punctuation other than a hyphen inside a word, at numbers, at `floor` and after `limit`.
fn words_before(text: &str, toks: &[Token], end: usize, floor: usize, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = end;
    while k > 0 && out.len() < limit {
        let t = &toks[k - 1];
        if t.start < floor {
            break;
        }
        match t.kind {
            Kind::Word => out.push(k - 1),
            // `Гр.ССР`: a point between two words of a name, as a hyphen.
            Kind::Punct
                if (t.is_punct(text, '-') || t.is_punct(text, '\'') || t.is_punct(text, '.'))
                    && !t.space_before =>
            {
                if !toks.get(k).is_some_and(|n| !n.space_before && n.kind == Kind::Word) {
                    break;
                }
            }
            _ => break,
        }
        k -= 1;
    }
    out
}

/// Finds the archive designation ending right before the fond label at token `fond`.
pub fn find(text: &str, toks: &[Token], fond: usize, floor: usize, table: &ArchiveTable) -> Option<Printed> {
    let mut k = fond;
    for _ in 0..2 {
        if k > 0 && super::chain::SEPARATORS.iter().any(|&c| toks[k - 1].is_punct(text, c)) {
            k -= 1;
        }
    }
    if k == 0 || toks[k - 1].start < floor {
        return None;
    }
    let limit = table.longest_name_words().max(12) + 2;
    if toks[k - 1].is_punct(text, ')') {
        return parenthesised(text, toks, k - 1, floor, limit, table);
    }
    // 0. An abbreviated name the table knows, points and all (`Nat. Arch. Rep. of Bel.`).
    if fond > 0 && toks[fond - 1].is_punct(text, '.') {
        let end = toks[fond - 1].end;
        let first = (fond.saturating_sub(12)..fond - 1)
            .filter(|&m| toks[m].start >= floor && toks[m].kind == Kind::Word)
            .filter(|&m| (m..fond).all(|x| toks[x].kind == Kind::Word || toks[x].is_punct(text, '.')))
            // Only abbreviated names: a point inside as well as at the end.
            .filter(|&m| (m..fond - 1).any(|x| toks[x].is_punct(text, '.')))
            .find(|&m| table.lookup(&text[toks[m].start..end]).is_some());
        if let Some(m) = first {
            let id = table.lookup(&text[toks[m].start..end]).map(|a| a.id.clone());
            return Some(Printed { start: toks[m].start, end, id });
        }
    }
    let words = words_before(text, toks, k, floor, limit);
    let span = |n: usize| (toks[words[n - 1]].start, toks[words[0]].end);
    // 1. The longest run of words the table knows. A key is built letter by letter, so the
    // key of the run of the `n` nearest words ends the key of the longest run: one key is
    // computed, and each run looks up its tail.
    if let Some(&far) = words.last() {
        let mut full = String::with_capacity(64);
        key_into(&text[toks[far].start..toks[words[0]].end], &mut full);
        let mut word_key = String::with_capacity(32);
        let mut tails = Vec::with_capacity(words.len());
        for &w in &words {
            word_key.clear();
            key_into(toks[w].text(text), &mut word_key);
            tails.push(tails.last().copied().unwrap_or(0) + word_key.len());
        }
        for n in (1..=words.len()).rev() {
            let Some(tail) = full.get(full.len() - tails[n - 1]..) else { continue };
            if let Some(a) = table.lookup_key(tail) {
                let (s, e) = span(n);
                return Some(Printed { start: s, end: e, id: Some(a.id.clone()) });
            }
        }
    }
    // 2. A capitalised phrase around an archive word: `State Archive of Ryazan Oblast`.
    if let Some(kw) = words.iter().position(|&w| is_keyword(toks[w].text(text))) {
        let mut n = kw + 1;
        while n < words.len() {
            let w = toks[words[n]].text(text);
            let next_cap = words.get(n + 1).is_some_and(|&x| is_capitalised(toks[x].text(text)));
            if is_capitalised(w) || (w.chars().count() <= 3 && next_cap) {
                n += 1;
            } else {
                break;
            }
        }
        if is_capitalised(toks[words[n - 1]].text(text)) {
            let (s, e) = span(n);
            return Some(Printed { start: s, end: e, id: None });
        }
    }
    // 3. A run of acronyms: `ЦГАИПД`, `ОР РГБ`.
    // More than three capitalised words in a row are a heading in capitals, not acronyms.
    let n = words.iter().take_while(|&&w| is_acronym(toks[w].text(text))).count();
    (n > 0 && n <= 3).then(|| {
        let (s, e) = span(n);
        Printed { start: s, end: e, id: None }
    })
}

/// Handles `Full Name (ACRONYM)` and `(ACRONYM)` before a fond; `close` is the `)` token.
fn parenthesised(
    text: &str,
    toks: &[Token],
    close: usize,
    floor: usize,
    limit: usize,
    table: &ArchiveTable,
) -> Option<Printed> {
    let open = (close.saturating_sub(12)..close).rev().find(|&m| toks[m].is_punct(text, '('))?;
    if open + 1 >= close || toks[open].start < floor {
        return None;
    }
    let inner = &text[toks[open + 1].start..toks[close - 1].end];
    if !inner.split_whitespace().all(|w| is_acronym(w) || table.lookup(w).is_some()) {
        // `ГАВО (State Archive of Vologda Oblast)`: an acronym the table knows, glossed;
        // the gloss is not the archive's printed name.
        let before = open.checked_sub(1).filter(|&b| toks[b].kind == Kind::Word && toks[b].start >= floor);
        let acronym = before.filter(|&b| is_acronym(toks[b].text(text))).and_then(|b| {
            let a = table.lookup(toks[b].text(text))?;
            Some(Printed { start: toks[b].start, end: toks[b].end, id: Some(a.id.clone()) })
        });
        if acronym.is_some() || table.lookup(inner).is_none() {
            return acronym;
        }
    }
    let words = words_before(text, toks, open, floor, limit);
    let name = (!words.is_empty()).then(|| &text[toks[words[words.len() - 1]].start..toks[words[0]].end]);
    let id = table.lookup(inner).or_else(|| name.and_then(|n| table.lookup(n))).map(|a| a.id.clone());
    let named = name.is_some_and(|n| table.lookup(n).is_some() || n.split_whitespace().any(is_keyword));
    let start = if named { toks[words[words.len() - 1]].start } else { toks[open].start };
    Some(Printed { start, end: toks[close].end, id })
}

/// Finds an archive the table knows printed right after a fond's value, at token `k`
/// (`фонде 7 ЦА ФСБ`): up to four words, no punctuation between.
pub fn find_after(text: &str, toks: &[Token], k: usize, table: &ArchiveTable) -> Option<Printed> {
    let run = toks.get(k..)?.iter().take(4).take_while(|t| t.kind == Kind::Word).count();
    (1..=run).rev().find_map(|n| {
        let (s, e) = (toks[k].start, toks[k + n - 1].end);
        let a = table.lookup(&text[s..e])?;
        Some(Printed { start: s, end: e, id: Some(a.id.clone()) })
    })
}
