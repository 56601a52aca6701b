//! pandoc's `smart` quotations: straight `"…"` and `'…'` typed around words are inline
//! quotations (`Quoted`), the marks left to each output; an apostrophe (`don't`, `'90s`,
//! `rock 'n' roll`'s first mark before a letter-led contraction) stays text.
//!
//! The marks are found in text as written (an escaped `\"` is never one) and stand in the
//! built inlines as noncharacters until [`pair`] matches them among siblings: an
//! opening mark is followed by a non-space, a closing one preceded by a non-space (a
//! closing `'` not followed by a letter or digit); a mark left unmatched is given back as
//! typed. Curly marks stay text, as pandoc 3.9 leaves them.

use crate::model::{Inline, QuoteStyle};

/// Stands for a straight `"` that may open or close a quotation: a Unicode noncharacter,
/// never in interchanged text (not the private-use area, where MUFI's medieval letters are).
const DOUBLE: char = '\u{FDD0}';
/// Stands for a straight `'` that may open or close a quotation.
const SINGLE: char = '\u{FDD1}';

/// `text` (as written in the source, its first byte at `at`) with each unescaped straight
/// quotation mark replaced by its stand-in.
pub fn mark(text: &str, at: usize, escaped: impl Fn(usize) -> bool) -> String {
    if !text.contains(['"', '\'']) || text.contains([DOUBLE, SINGLE]) {
        return text.to_string();
    }
    text.char_indices()
        .map(|(i, c)| match c {
            '"' if !escaped(at + i) => DOUBLE,
            '\'' if !escaped(at + i) => SINGLE,
            c => c,
        })
        .collect()
}

/// Matches the stand-ins of `inlines` (and of every run inside) into quotations; those left
/// over become the marks they stand for.
pub fn pair(inlines: Vec<Inline>) -> Vec<Inline> {
    if !has_marks(&inlines) {
        return inlines;
    }
    let mut stack: Vec<(Option<QuoteStyle>, Vec<Inline>)> = vec![(None, Vec::new())];
    let mut buf = String::new();
    // The character before the one looked at (`a` for an inline that is not text).
    let mut prev: Option<char> = None;
    let n = inlines.len();
    let firsts: Vec<Option<char>> = inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.chars().next(),
            _ => Some('a'),
        })
        .collect();
    for (k, inline) in inlines.into_iter().enumerate() {
        let text = match inline {
            Inline::Text { text } => text,
            mut other => {
                flush(&mut buf, &mut stack);
                if let Some(children) = other.children_mut() {
                    let inner = pair(std::mem::take(children));
                    *children = inner;
                }
                stack.last_mut().expect("the root").1.push(other);
                prev = Some('a');
                continue;
            }
        };
        let chars: Vec<char> = text.chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            let next = chars.get(j + 1).copied().or_else(|| (k + 1 < n).then(|| firsts[k + 1]).flatten());
            let style = match c {
                DOUBLE => QuoteStyle::Double,
                SINGLE => QuoteStyle::Single,
                c => {
                    buf.push(c);
                    prev = Some(c);
                    continue;
                }
            };
            let open_here = stack.iter().any(|(s, _)| *s == Some(style));
            let spaced_before = prev.is_none_or(char::is_whitespace);
            let can_close = open_here
                && !spaced_before
                && (style == QuoteStyle::Double || !next.is_some_and(char::is_alphanumeric));
            let can_open = next.is_some_and(|n| !n.is_whitespace())
                && match style {
                    QuoteStyle::Double => true,
                    // Not an apostrophe inside or after a word. Before a digit it opens a
                    // quotation only if one closes (`'1'`); else, as in `'90s`, it is given
                    // back as typed when the run ends.
                    QuoteStyle::Single => !prev.is_some_and(char::is_alphanumeric),
                };
            if can_close {
                flush(&mut buf, &mut stack);
                // Marks opened inside this quotation and left open are text.
                while stack.last().is_some_and(|(s, _)| *s != Some(style)) {
                    unwind(&mut stack);
                }
                let (_, content) = stack.pop().expect("an open quotation");
                stack.last_mut().expect("the root").1.push(Inline::Quoted { style, content });
            } else if can_open {
                flush(&mut buf, &mut stack);
                stack.push((Some(style), Vec::new()));
            } else {
                buf.push(typed(style));
            }
            prev = Some(c);
        }
    }
    flush(&mut buf, &mut stack);
    while stack.len() > 1 {
        unwind(&mut stack);
    }
    merge_text(stack.pop().expect("the root").1)
}

/// Whether a stand-in is anywhere in `inlines` (most runs have none: they are left as built).
fn has_marks(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text { text } => text.contains([DOUBLE, SINGLE]),
        other => has_marks(other.children()),
    })
}

/// `text` with each stand-in given back as the mark it stands for (text taken out of the
/// runs before they are paired: a reference entry's printed label).
pub fn unmark(text: &str) -> String {
    text.replace(DOUBLE, "\"").replace(SINGLE, "'")
}

fn typed(style: QuoteStyle) -> char {
    match style {
        QuoteStyle::Double => '"',
        QuoteStyle::Single => '\'',
    }
}

fn flush(buf: &mut String, stack: &mut [(Option<QuoteStyle>, Vec<Inline>)]) {
    if !buf.is_empty() {
        stack.last_mut().expect("the root").1.push(Inline::text(std::mem::take(buf)));
    }
}

/// Gives back an unmatched opening mark as text, its content joining the run around it.
fn unwind(stack: &mut Vec<(Option<QuoteStyle>, Vec<Inline>)>) {
    let (style, content) = stack.pop().expect("an open quotation");
    let parent = &mut stack.last_mut().expect("the root").1;
    if let Some(style) = style {
        parent.push(Inline::text(typed(style).to_string()));
    }
    parent.extend(content);
}

/// Joins neighbouring texts.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text { text: a }), Inline::Text { text: b }) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    fn read(s: &str) -> Vec<Inline> {
        pair(vec![Inline::text(mark(s, 0, |_| false))])
    }

    fn quoted(v: &[Inline]) -> Vec<(QuoteStyle, String)> {
        v.iter()
            .filter_map(|i| match i {
                Inline::Quoted { style, content } => Some((*style, plain_text(content))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn straight_marks_around_words_are_quotations() {
        let v = read(r#"He wrote "closed to all, 'even us' included" and left."#);
        assert_eq!(quoted(&v), [(QuoteStyle::Double, "closed to all, ‘even us’ included".to_string())]);
        let Inline::Quoted { content, .. } = &v[1] else { panic!("{v:?}") };
        assert_eq!(quoted(content), [(QuoteStyle::Single, "even us".to_string())]);
        assert_eq!(plain_text(&v), "He wrote “closed to all, ‘even us’ included” and left.");
    }

    #[test]
    fn apostrophes_and_lone_marks_stay_as_typed() {
        for s in [
            "don't",
            "the '90s",
            "in '90 and '91",
            "rock 'n roll",
            "a 6' pole",
            "5\" of rain",
            "\" alone",
            "'tis",
        ] {
            let v = read(s);
            assert_eq!(v, [Inline::text(s)], "{s}");
        }
        // Before a digit, a mark that finds its closing one is a quotation (as in pandoc).
        assert_eq!(
            quoted(&read("numbered '1', the next '2'")),
            [(QuoteStyle::Single, "1".into()), (QuoteStyle::Single, "2".into())]
        );
    }

    #[test]
    fn an_escaped_mark_is_never_a_quotation() {
        let s = r#"\"no\" quote"#;
        let marked = mark(s, 0, |i| i == 1 || i == 5);
        assert_eq!(pair(vec![Inline::text(marked)]), [Inline::text(s)]);
    }

    #[test]
    fn a_quotation_may_hold_other_runs() {
        let v = pair(vec![
            Inline::text(mark("a \"", 0, |_| false)),
            Inline::Emph { content: vec![Inline::text("b")] },
            Inline::text(mark("\" c", 0, |_| false)),
        ]);
        assert!(
            matches!(&v[1], Inline::Quoted { content, .. } if matches!(content[..], [Inline::Emph { .. }])),
            "{v:?}"
        );
    }
}
