//! Author blocks at the head of an entry: `Иванов И. И.`, `Smith, John`, `I. I. Ivanov`,
//! several joined by `,`, `and`, `и`, `ve`, `və`, `;`.

use crate::enrich::tokens::{tokenize, Kind, Token};
use crate::model::Span;

/// Words that join two authors.
const JOINERS: &[&str] = &["and", "&", "и", "ve", "və", "та", "і", "und", "et"];

fn is_cap(t: &Token, text: &str) -> bool {
    t.kind == Kind::Word && t.text(text).chars().next().is_some_and(crate::fold::opens_capitalised)
}

/// An initial: one capital letter (or a digraph such as `Sh`, `Yu`, `Дж`) and a point.
fn initial_at(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    let n = t.text(text).chars().count();
    let point = toks.get(i + 1).is_some_and(|p| p.is_punct(text, '.') && !p.space_before);
    (is_cap(t, text) && n <= 2 && point).then_some(i + 2)
}

fn initials(text: &str, toks: &[Token], mut i: usize) -> (usize, usize) {
    let mut count = 0;
    while let Some(next) = initial_at(text, toks, i) {
        // `И.И.` and `И. И.` both; a hyphenated `Ж.-П.` too.
        i = next;
        count += 1;
        if toks.get(i).is_some_and(|t| t.is_punct(text, '-') && !t.space_before) {
            i += 1;
        }
    }
    (i, count)
}

/// A surname: a capitalised word, possibly hyphenated or with an apostrophe (`Mal'kov`).
fn surname(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if !is_cap(t, text) || t.text(text).chars().count() < 2 {
        return None;
    }
    let mut j = i + 1;
    while toks.get(j).is_some_and(|p| {
        (p.is_punct(text, '-') || p.is_punct(text, '\'') || p.is_punct(text, '’')) && !p.space_before
    }) && toks.get(j + 1).is_some_and(|w| w.kind == Kind::Word && !w.space_before)
    {
        j += 2;
    }
    Some(j)
}

/// Reads one name at token `i`; returns the token after it and whether it ended in an initial.
/// `Given Surname` is admitted only after a joiner (`Smith, John, and Jane Doe`).
fn name(text: &str, toks: &[Token], i: usize, after_joiner: bool) -> Option<(usize, bool)> {
    // I. I. Surname, I. Given Surname
    let (after, n) = initials(text, toks, i);
    if n > 0 {
        let first = surname(text, toks, after)?;
        return Some((
            surname(text, toks, first).filter(|_| toks[first].space_before).unwrap_or(first),
            false,
        ));
    }
    let s = surname(text, toks, i)?;
    // Surname I. I. / Surname, I. I.
    let comma = toks.get(s).is_some_and(|t| t.is_punct(text, ','));
    let (after, n) = initials(text, toks, if comma { s + 1 } else { s });
    if n > 0 {
        return Some((after, true));
    }
    // Surname, Given [Given [Given]] (the given names end the name)
    if comma {
        let mut g = surname(text, toks, s + 1)?;
        for _ in 0..2 {
            g = surname(text, toks, g).unwrap_or(g);
        }
        let (after, n) = initials(text, toks, g);
        return Some(if n > 0 { (after, true) } else { (g, false) });
    }
    if after_joiner {
        let last = surname(text, toks, s)?;
        return Some((surname(text, toks, last).unwrap_or(last), false));
    }
    None
}

/// Finds the authors at the start of `text` (before `limit`): their spans and where the
/// author block ends. `None` when the head of the entry does not look like names.
pub fn authors(text: &str, limit: usize) -> Option<(Vec<Span>, usize)> {
    let head = &text[..limit];
    let toks = tokenize(head);
    let mut spans = Vec::new();
    let mut i = 0;
    loop {
        let (end, _) = name(head, &toks, i, !spans.is_empty())?;
        spans.push(Span::new(toks[i].start, toks[end - 1].end));
        // A joiner: `,` `;` `and` `и` `ve` (with an optional comma before it).
        let mut j = end;
        // `Ibrahimli, Rauf., Thornton, Claire.`: a stray point before the comma.
        if toks.get(j).is_some_and(|t| t.is_punct(head, '.'))
            && toks.get(j + 1).is_some_and(|t| t.is_punct(head, ','))
        {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| t.is_punct(head, ',') || t.is_punct(head, ';')) {
            j += 1;
        }
        let joined = toks.get(j).is_some_and(|t| t.kind == Kind::Word && JOINERS.contains(&t.text(head)));
        if joined {
            j += 1;
        } else if j == end {
            break;
        }
        if name(head, &toks, j, joined).is_none() {
            break;
        }
        i = j;
    }
    let end = spans.last()?.end;
    Some((spans, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<&str> {
        authors(s, s.len())
            .map(|(v, _)| v.iter().map(|sp| &s[sp.start..sp.end]).collect())
            .unwrap_or_default()
    }

    #[test]
    fn gost_chicago_and_initials_first() {
        assert_eq!(names("Иванов И. И. Армяно-азербайджанский конфликт."), ["Иванов И. И."]);
        assert_eq!(names("Байков Б.Л. \"Воспоминания\""), ["Байков Б.Л."]);
        assert_eq!(names("Smith, John. Title of Book."), ["Smith, John"]);
        assert_eq!(names("Musaev,İsmayil., \"Title\""), ["Musaev,İsmayil"]);
        assert_eq!(names("И. И. Иванов, П. П. Петров. Очерки"), ["И. И. Иванов", "П. П. Петров"]);
        assert_eq!(names("Иванов И. И., Петров П. П. Очерки"), ["Иванов И. И.", "Петров П. П."]);
        assert_eq!(names("Smith, John, and Jane Doe. Title"), ["Smith, John", "Jane Doe"]);
        assert_eq!(names("Mal'kov, V. \"K istorii\""), ["Mal'kov, V."]);
    }
}
