//! pandoc's citations, read as pandoc reads them (its `citations` extension): a bracketed
//! group of one or more keys with their prefixes and locators (`[@smith2004, p. 5]`,
//! `[see @a; @b, ch. 2]`, `[-@smith2004]`), or a key in the text (`@smith2004`,
//! `@smith2004 [p. 33]`). Each becomes an [`Inline::Citation`] holding its keys and its text
//! as written (emphasis inside kept), so the Markdown writer gives it back byte for byte.
//! pulldown-cmark knows no citations: it leaves them as text, which is split here.

use crate::model::Inline;
use std::collections::HashSet;

/// The labels of pandoc's example list items in `text` (`good` of a line starting
/// `(@good) `), and the byte of the first example marker (`(@)` too).
pub(super) fn example_labels(text: &str) -> (HashSet<String>, Option<usize>) {
    let mut labels = HashSet::new();
    let mut first = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if indent <= 3 && rest.starts_with("(@") {
            let label: String =
                rest[2..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').collect();
            let after = &rest[2 + label.len()..];
            if after.starts_with(") ") || after.starts_with(")\t") {
                first.get_or_insert(at + indent);
                if !label.is_empty() {
                    labels.insert(label);
                }
            }
        }
        at += line.len();
    }
    (labels, first)
}

/// Replaces every citation in `inlines` (inside emphasis, spans and links too; never inside
/// code, or notes, whose own paragraphs are read apart) by an [`Inline::Citation`].
/// `(@label)` with a label of `examples` refers to an example, not a work.
pub(super) fn split(inlines: Vec<Inline>, examples: &HashSet<String>) -> Vec<Inline> {
    let inlines: Vec<Inline> = inlines
        .into_iter()
        .map(|mut i| {
            if !matches!(i, Inline::Citation { .. }) {
                if let Some(children) = i.children_mut() {
                    *children = split(std::mem::take(children), examples);
                }
            }
            i
        })
        .collect();
    in_text(bracketed(inlines), examples)
}

/// The keys `text` is read as when it is one whole citation in pandoc's syntax (`[@a, p. 5]`,
/// `@a [p. 3]`): a writer can then give a citation back as its text and keep its keys.
pub(crate) fn reads_as_one_citation(text: &str) -> Option<Vec<String>> {
    match split(vec![Inline::text(text)], &HashSet::new()).as_slice() {
        [Inline::Citation { keys, .. }] => Some(keys.clone()),
        _ => None,
    }
}

/// Puts the content of every citation back in its place (a reference entry holds no
/// citations: its text is the entry's).
pub(super) fn unwrap(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for mut i in inlines {
        match i {
            Inline::Citation { content, .. } => out.extend(unwrap(content)),
            _ => {
                if let Some(children) = i.children_mut() {
                    *children = unwrap(std::mem::take(children));
                }
                out.push(i);
            }
        }
    }
    out
}

/// The length of a citation key at the start of `s` (after its `@`), 0 when there is none:
/// a letter, digit or `_` first, then letters, digits and `_`, and the punctuation
/// `:.#$%&-+?<>~/` where a letter or digit follows it (so `@smith04.` is the key `smith04`);
/// or a key in braces, `@{…}`.
fn key_len(s: &str) -> usize {
    if let Some(inner) = s.strip_prefix('{') {
        return inner.find('}').filter(|&n| n > 0).map_or(0, |n| n + 2);
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    if !chars.first().is_some_and(|&(_, c)| word(c)) {
        return 0;
    }
    let mut end = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if word(c) {
            end = at + c.len_utf8();
        } else if ":.#$%&-+?<>~/".contains(c) && chars.get(k + 1).is_some_and(|&(_, n)| word(n)) {
            continue;
        } else {
            break;
        }
    }
    end
}

/// The key itself (braces removed) from a key of length `len` at the start of `s`.
fn key_text(s: &str, len: usize) -> String {
    let k = &s[..len];
    k.strip_prefix('{').and_then(|k| k.strip_suffix('}')).unwrap_or(k).to_string()
}

/// The keys of a bracketed group's text (`see @a, p. 2; -@b`): one per `;`-separated item,
/// each `@` opening an item's key after its prefix (a space, `-` or the item's start before it).
/// `None` when an item has no key, which makes the brackets plain text, as pandoc has them.
fn group_keys(inner: &str) -> Option<Vec<String>> {
    let mut keys = Vec::new();
    for item in inner.split(';') {
        let b = item.as_bytes();
        let found = item.match_indices('@').find_map(|(i, _)| {
            let before = i == 0 || matches!(b[i - 1], b' ' | b'-' | b'\n') || item[..i].trim().is_empty();
            let len = key_len(&item[i + 1..]);
            (before && len > 0).then(|| key_text(&item[i + 1..], len))
        })?;
        keys.push(found);
    }
    (!keys.is_empty()).then_some(keys)
}

/// One sibling list with its texts seen as one string: where each inline's text starts.
struct Flat {
    /// The start of each inline's text in the joined string.
    starts: Vec<usize>,
    joined: String,
}

impl Flat {
    /// Joins the text of each inline: its plain text, brackets hidden, for a styled run (its
    /// own citations were read inside it); `\u{0}` for code, notes, math and line breaks,
    /// which no citation crosses.
    fn new(inlines: &[Inline]) -> Self {
        let texts = inlines.iter().map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Code { .. } | Inline::Note(_) | Inline::Math { .. } | Inline::LineBreak => "\u{0}".into(),
            other => crate::model::plain_text(std::slice::from_ref(other)).replace(['[', ']'], "\u{0}"),
        });
        let mut starts = Vec::with_capacity(inlines.len());
        let mut joined = String::new();
        for t in texts {
            starts.push(joined.len());
            joined.push_str(&t);
        }
        Flat { starts, joined }
    }

    /// Whether byte `at` of the joined string lies in a text inline (only there can a
    /// citation's edge be cut).
    fn in_text(&self, at: usize, inlines: &[Inline]) -> bool {
        let k = self.starts.partition_point(|&s| s <= at).checked_sub(1);
        k.is_some_and(|k| matches!(inlines[k], Inline::Text { .. }))
    }
}

/// Cuts `inlines` at each group's joined-string bytes `start..end` (ascending, apart, each
/// edge in a text inline) and puts what lies between in a citation of the group's keys.
fn cut(inlines: Vec<Inline>, flat: &Flat, groups: Vec<(usize, usize, Vec<String>)>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len() + 2 * groups.len());
    let mut content = Vec::new();
    let mut groups = groups.into_iter().peekable();
    let mut inside: Option<(usize, Vec<String>)> = None;
    for (k, inline) in inlines.into_iter().enumerate() {
        let Inline::Text { text } = inline else {
            match inside {
                Some(_) => content.push(inline),
                None => out.push(inline),
            }
            continue;
        };
        let (s, e) = (flat.starts[k], flat.starts[k] + text.len());
        let mut pos = s;
        loop {
            match inside.take() {
                None => match groups.peek() {
                    Some(&(gs, _, _)) if gs < e => {
                        let (_, ge, keys) = groups.next().expect("peeked");
                        push_text(&mut out, &text[pos - s..gs - s]);
                        pos = gs;
                        inside = Some((ge, keys));
                    }
                    _ => {
                        push_text(&mut out, &text[pos - s..]);
                        break;
                    }
                },
                Some((ge, keys)) if ge <= e => {
                    push_text(&mut content, &text[pos - s..ge - s]);
                    out.push(Inline::Citation { keys, content: std::mem::take(&mut content) });
                    pos = ge;
                }
                Some(open) => {
                    push_text(&mut content, &text[pos - s..]);
                    inside = Some(open);
                    break;
                }
            }
        }
    }
    out
}

fn push_text(out: &mut Vec<Inline>, t: &str) {
    if !t.is_empty() {
        out.push(Inline::text(t));
    }
}

/// Bracketed citations: a `[` in a text, the first `]` after it with no `[` between, and a
/// key in every `;`-separated item between them. A `]` followed by `(` or `[` was a link's.
/// One pass over the text finds every group, and one more cuts them all (a paragraph of many
/// thousand citations takes linear time and no deeper stack).
fn bracketed(inlines: Vec<Inline>) -> Vec<Inline> {
    let flat = Flat::new(&inlines);
    let j = &flat.joined;
    let mut groups = Vec::new();
    let mut from = 0;
    while let Some(open) = j[from..].find('[').map(|o| o + from) {
        from = open + 1;
        let Some(close) = j[open + 1..].find([']', '[', '\u{0}']).map(|c| c + open + 1) else { break };
        if j.as_bytes()[close] != b']' || j[close + 1..].starts_with(['(', '[']) {
            continue;
        }
        let Some(keys) = group_keys(&j[open + 1..close]) else { continue };
        if !flat.in_text(open, &inlines) || !flat.in_text(close, &inlines) {
            continue;
        }
        groups.push((open, close + 1, keys));
        from = close + 1;
    }
    if groups.is_empty() {
        return inlines;
    }
    cut(inlines, &flat, groups)
}

/// Keys in the text (`@smith04 says`, `@smith04 [p. 33] says`): an `@` not after a letter or
/// digit (`me@example.org` is an address; `foo-@a` and `(@a)` are citations, as in pandoc).
fn in_text(inlines: Vec<Inline>, examples: &HashSet<String>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    let mut ends_in_word = false;
    for inline in inlines {
        let Inline::Text { text } = inline else {
            ends_in_word = match &inline {
                Inline::Citation { .. } => false,
                other => crate::model::plain_text(std::slice::from_ref(other))
                    .chars()
                    .last()
                    .is_some_and(char::is_alphanumeric),
            };
            out.push(inline);
            continue;
        };
        let mut rest = text.as_str();
        let mut first = true;
        while let Some(at) = find_key(rest, first && ends_in_word, examples) {
            let len = key_len(&rest[at + 1..]);
            let key = key_text(&rest[at + 1..], len);
            let mut end = at + 1 + len;
            // `@key [locator]`: the bracket after one space, holding no key, belongs to it.
            if let Some(after) = rest[end..].strip_prefix(' ').filter(|a| a.starts_with('[')) {
                if let Some(close) = after.find(']') {
                    let inner = &after[1..close];
                    if !inner.contains(['@', '[']) && !after[close + 1..].starts_with(['(', '[']) {
                        end += 1 + close + 1;
                    }
                }
            }
            push_text(&mut out, &rest[..at]);
            out.push(Inline::Citation { keys: vec![key], content: vec![Inline::text(&rest[at..end])] });
            rest = &rest[end..];
            first = false;
        }
        ends_in_word = text.chars().last().is_some_and(char::is_alphanumeric);
        push_text(&mut out, rest);
    }
    out
}

/// The byte of the next `@` in `text` that opens an in-text key; `glued` when the text
/// continues a word from the inline before.
fn find_key(text: &str, glued: bool, examples: &HashSet<String>) -> Option<usize> {
    text.match_indices('@').map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().last();
        let free = match before {
            None => !glued,
            Some(c) => !c.is_alphanumeric(),
        };
        let len = key_len(&text[i + 1..]);
        let example = before == Some('(')
            && text[i + 1 + len..].starts_with(')')
            && examples.contains(&key_text(&text[i + 1..], len));
        free && len > 0 && !example
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_(inlines: Vec<Inline>) -> Vec<Inline> {
        split(inlines, &HashSet::new())
    }

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    fn cite(keys: &[&str], text: &str) -> Inline {
        Inline::Citation { keys: keys.iter().map(|k| k.to_string()).collect(), content: vec![t(text)] }
    }

    #[test]
    fn a_bracketed_group_is_one_citation_with_every_key() {
        assert_eq!(
            split_(vec![t("as shown [@smith2004, p. 5].")]),
            [t("as shown "), cite(&["smith2004"], "[@smith2004, p. 5]"), t(".")]
        );
        assert_eq!(split_(vec![t("[see @a; @b, ch. 2]")]), [cite(&["a", "b"], "[see @a; @b, ch. 2]")]);
        assert_eq!(
            split_(vec![t("So [-@smith2004].")]),
            [t("So "), cite(&["smith2004"], "[-@smith2004]"), t(".")]
        );
    }

    #[test]
    fn emphasis_inside_a_group_stays_inside_it() {
        let got = split_(vec![
            t("See [@doe99, pp. 33-35 and "),
            Inline::Emph { content: vec![t("passim")] },
            t("]; more."),
        ]);
        assert_eq!(
            got,
            [
                t("See "),
                Inline::Citation {
                    keys: vec!["doe99".into()],
                    content: vec![
                        t("[@doe99, pp. 33-35 and "),
                        Inline::Emph { content: vec![t("passim")] },
                        t("]")
                    ]
                },
                t("; more.")
            ]
        );
    }

    #[test]
    fn keys_in_the_text_take_their_locator() {
        assert_eq!(
            split_(vec![t("@smith04 says so, and @doe99 [p. 33] too.")]),
            [
                cite(&["smith04"], "@smith04"),
                t(" says so, and "),
                cite(&["doe99"], "@doe99 [p. 33]"),
                t(" too.")
            ]
        );
        // A full stop after a key ends it; internal punctuation does not.
        assert_eq!(split_(vec![t("As @smith04.")]), [t("As "), cite(&["smith04"], "@smith04"), t(".")]);
        assert_eq!(
            split_(vec![t("@Foo_bar.baz:1 x")]),
            [cite(&["Foo_bar.baz:1"], "@Foo_bar.baz:1"), t(" x")]
        );
        assert_eq!(split_(vec![t("@{weird key} x")]), [cite(&["weird key"], "@{weird key}"), t(" x")]);
    }

    #[test]
    fn addresses_handles_and_plain_brackets_stay_text() {
        for s in ["write to me@example.org [today]", "a [note] here", "[@] alone", "x @ y", "a@b"] {
            assert_eq!(split_(vec![t(s)]), [t(s)], "{s}");
        }
        // A group with a key-less item is plain text; its keys are then read in the text.
        assert_eq!(split_(vec![t("[see @a; no key]")]), [t("[see "), cite(&["a"], "@a"), t("; no key]")]);
        assert_eq!(
            split_(vec![t("foo-@a (@b)")]),
            [t("foo-"), cite(&["a"], "@a"), t(" ("), cite(&["b"], "@b"), t(")")]
        );
        let code = vec![Inline::Code { text: "[@x]".into() }];
        assert_eq!(split_(code.clone()), code);
    }

    #[test]
    fn several_groups_in_one_text_are_each_a_citation() {
        assert_eq!(
            split_(vec![t("A [@a] and B [@b, 2].")]),
            [t("A "), cite(&["a"], "[@a]"), t(" and B "), cite(&["b"], "[@b, 2]"), t(".")]
        );
    }

    #[test]
    fn references_to_labelled_examples_are_not_citations() {
        let (labels, first) =
            example_labels("Text.\n\n(@) One.\n(@good) Two.\n\nAs (@good) and (@bad) show.\n");
        assert_eq!((labels.len(), first), (1, Some(7)));
        assert_eq!(
            split(vec![t("As (@good) and (@bad) show.")], &labels),
            [t("As (@good) and ("), cite(&["bad"], "@bad"), t(") show.")]
        );
    }

    #[test]
    fn a_paragraph_of_many_citations_is_cut_in_one_pass() {
        let text = "[@a] x ".repeat(200_000);
        let got = split_(vec![t(&text)]);
        assert_eq!(got.iter().filter(|i| matches!(i, Inline::Citation { .. })).count(), 200_000);
        assert_eq!(crate::model::plain_text(&got), text);
        // Groups across emphasis, several in one text, and text between them.
        let got = split_(vec![t("A [@a, "), Inline::Emph { content: vec![t("x")] }, t("] b [@b] c")]);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[4], t(" c"));
    }

    #[test]
    fn only_a_whole_citation_reads_as_one() {
        assert_eq!(reads_as_one_citation("[see @a; @b, 2]"), Some(vec!["a".into(), "b".into()]));
        assert_eq!(reads_as_one_citation("@a [p. 3]"), Some(vec!["a".into()]));
        for s in ["Smith (2004)", "see [@a]", "[@a] and [@b]", ""] {
            assert_eq!(reads_as_one_citation(s), None, "{s}");
        }
    }

    #[test]
    fn unwrap_puts_the_text_back() {
        let inlines = split_(vec![t("A [@a] and @b.")]);
        assert_eq!(crate::model::plain_text(&unwrap(inlines.clone())), "A [@a] and @b.");
        assert!(unwrap(inlines).iter().all(|i| !matches!(i, Inline::Citation { .. })));
    }
}
