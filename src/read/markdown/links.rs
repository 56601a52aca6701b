//! pandoc's links that CommonMark (and so pulldown-cmark) leaves as text: a destination with
//! spaces (`[foo](/bar and baz)`) or a title with quotes inside (`"a "b" c"`), a reference
//! definition of that kind (`[baz]: /foo foo`, or its destination on the next line), and
//! implicit header references (`[My header]`, `[it][My header]` link to the heading's
//! identifier, pandoc's `implicit_header_references`).
//!
//! The targets are found before parsing ([`targets`]); the definitions pulldown-cmark would not
//! take are blanked (without moving a byte) so they are not read as paragraphs. The links are
//! built where a bracket closes as text ([`after_bracket`]).

use std::collections::HashMap;
use std::ops::Range;

/// Where labels lead: reference definitions pulldown-cmark does not take, and headings.
#[derive(Debug, Default)]
pub(super) struct Targets {
    /// By normalised label ([`normalise`]): the destination.
    pub urls: HashMap<String, String>,
    /// The lines of the definitions to blank before parsing.
    pub blank: Vec<Range<usize>>,
}

/// A label as pandoc compares them: case and runs of spaces do not count.
pub(super) fn normalise(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The destination as pandoc writes it: spaces (a run of them, line ends included) are `%20`,
/// pointy brackets taken off.
fn destination(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw.strip_prefix('<').and_then(|r| r.strip_suffix('>')).unwrap_or(raw);
    raw.split_whitespace().collect::<Vec<_>>().join("%20")
}

/// Splits `dest "title"` (or `'title'`, `(title)`) into the destination and whether a title
/// was given.
fn split_title(inner: &str) -> (&str, bool) {
    let inner = inner.trim();
    for (open, close) in [(" \"", '"'), (" '", '\''), (" (", ')')] {
        let ws = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
        let dest = &inner[..ws];
        let rest = inner[ws..].trim_start();
        if !rest.is_empty() && open.ends_with(&rest[..1]) && rest.ends_with(close) && rest.len() > 1 {
            return (dest, true);
        }
        if let Some(k) = inner.find(open) {
            let title = inner[k + 1..].trim_end();
            if title.len() > 1 && title.ends_with(close) {
                return (&inner[..k], true);
            }
        }
    }
    (inner, false)
}

/// Whether pulldown-cmark reads `rest` (what follows `[label]:`) as a definition itself: one
/// destination without spaces, then nothing or a title without its own quote inside.
fn commonmark_takes(rest: &str) -> bool {
    let rest = rest.trim();
    let ws = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let title = rest[ws..].trim();
    if ws == 0 {
        return false;
    }
    if title.is_empty() {
        return true;
    }
    let (open, close) = match title.as_bytes()[0] {
        b'"' => ('"', '"'),
        b'\'' => ('\'', '\''),
        b'(' => ('(', ')'),
        _ => return false,
    };
    let inner = &title[1..];
    inner.ends_with(close) && !inner[..inner.len() - 1].contains([open, close])
}

/// Finds the targets in `text` (pulldown-cmark's input); `code[k]` says whether line `k` is
/// code. A definition stands after a blank line (or another definition), indented at most
/// three spaces; a heading is an ATX heading (`## My header {#id}`).
pub(super) fn targets(text: &str, code: &[bool]) -> Targets {
    let mut t = Targets::default();
    let lines: Vec<(usize, &str)> = {
        let mut at = 0;
        text.split_inclusive('\n')
            .map(|l| {
                let start = at;
                at += l.len();
                (start, l.trim_end_matches(['\n', '\r']))
            })
            .collect()
    };
    let mut may_define = true;
    let mut k = 0;
    while k < lines.len() {
        let (start, line) = lines[k];
        let in_code = code.get(k).copied().unwrap_or(false);
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        if in_code || indent > 3 {
            may_define = body.trim().is_empty() && !in_code;
            k += 1;
            continue;
        }
        if let Some((label, rest)) = definition(body).filter(|_| may_define) {
            let mut end = start + line.len();
            let mut rest = rest.to_string();
            if rest.trim().is_empty() {
                // The destination on the next line.
                match lines.get(k + 1) {
                    Some((next_start, next))
                        if !next.trim().is_empty() && !code.get(k + 1).copied().unwrap_or(false) =>
                    {
                        rest = next.to_string();
                        end = next_start + next.len();
                        k += 1;
                    }
                    _ => {}
                }
            }
            // An empty destination (`[foo2]:` and a blank line) is pandoc's link to nowhere.
            if !commonmark_takes(&rest) {
                let (dest, _) = split_title(&rest);
                t.urls.entry(normalise(label)).or_insert_with(|| destination(dest));
                t.blank.push(start..end);
            }
            may_define = true;
            k += 1;
            continue;
        }
        if let Some((heading, id)) = atx_heading(body) {
            let id = id.unwrap_or_else(|| super::pandoc_identifier(heading));
            if !id.is_empty() {
                t.urls.entry(normalise(heading)).or_insert(format!("#{id}"));
            }
        }
        may_define = body.trim().is_empty();
        k += 1;
    }
    t
}

/// `[label]: rest` (not a note's `[^label]:`).
fn definition(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = &inner[..close];
    if label.trim().is_empty() || label.starts_with('^') || label.contains('[') {
        return None;
    }
    let rest = inner[close + 1..].strip_prefix(':')?;
    Some((label, rest))
}

/// An ATX heading's text (its closing `#`s and attributes off) and its explicit identifier.
fn atx_heading(line: &str) -> Option<(&str, Option<String>)> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    let mut id = None;
    if text.ends_with('}') {
        if let Some(open) = text.rfind('{') {
            id = text[open + 1..text.len() - 1]
                .split_whitespace()
                .find_map(|a| a.strip_prefix('#'))
                .map(str::to_string);
            text = text[..open].trim_end();
        }
    }
    let text = text.trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some((text, id))
}

/// A link pandoc reads after the `]` at byte `close` of `text`, the bracket opened at `open`:
/// `(destination "title")`, `[label]`, `[]`, or the bracket's own text as the label. Returns
/// the destination, whether a title was left out, and the byte where the link ends.
pub(super) fn after_bracket(
    text: &str,
    open: usize,
    close: usize,
    targets: &HashMap<String, String>,
) -> Option<(String, bool, usize)> {
    let after = text.get(close + 1..)?;
    let own = text.get(open + 1..close)?;
    if own.starts_with(['^', '@']) || own.contains("\n\n") {
        return None;
    }
    if let Some(inner) = after.strip_prefix('(') {
        let mut depth = 0usize;
        let mut end = None;
        let bytes = inner.as_bytes();
        for (i, &b) in bytes.iter().enumerate().take(2000) {
            let escaped = i > 0 && bytes[i - 1] == b'\\';
            match b {
                b'(' if !escaped => depth += 1,
                b')' if !escaped && depth == 0 => {
                    end = Some(i);
                    break;
                }
                b')' if !escaped => depth -= 1,
                b'\n' if inner[i + 1..].starts_with('\n') => return None,
                _ => {}
            }
        }
        let end = end?;
        let (dest, titled) = split_title(&inner[..end]);
        let url = destination(dest);
        return (!url.is_empty() || inner[..end].trim().is_empty()).then_some((
            url,
            titled,
            close + 2 + end + 1,
        ));
    }
    let (label, end) = if after.starts_with("[]") {
        (own, close + 3)
    } else if let Some(inner) = after.strip_prefix('[') {
        let k = inner.find(']')?;
        let label = &inner[..k];
        if label.contains('[') || label.contains("\n\n") {
            return None;
        }
        (label, close + 2 + k + 1)
    } else {
        (own, close + 1)
    };
    targets.get(&normalise(label)).map(|url| (url.clone(), false, end))
}

/// pandoc's email autolink that CommonMark leaves as text, the `<` at byte `lt` of `text`:
/// an address with letters beyond ASCII or an entity in it (`<测@foo.测.baz>`,
/// `<me@ex&auml;mple.com>`); CommonMark takes only ASCII addresses. Returns the byte after `>`.
pub(super) fn email_autolink(text: &str, lt: usize) -> Option<usize> {
    let rest = text.get(lt..)?.strip_prefix('<')?;
    // An address is short: look no further than 320 characters for its end.
    let (gt, _) = rest.char_indices().take(320).find(|&(_, c)| c == '>' || c == '<')?;
    rest[gt..].starts_with('>').then_some(())?;
    let inner = &rest[..gt];
    let (local, domain) = inner.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~-.;".contains(c));
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.split('.').all(|part| !part.is_empty())
        && domain.chars().all(|c| c.is_alphanumeric() || "-.&#;".contains(c));
    let beyond_ascii = inner.contains('&') || !inner.is_ascii();
    (local_ok && domain_ok && beyond_ascii).then_some(lt + 1 + gt + 1)
}

/// `text` with its HTML entities resolved, as pandoc does in an autolink (`&ouml;` → `ö`);
/// CommonMark keeps them as written there. pulldown-cmark resolves them in text (all of
/// HTML5's, as in the rest of the document; `enrich::shelfmark::entities` knows only those
/// of copied citations), so the text is read as Markdown with every other punctuation mark
/// escaped.
pub(super) fn resolve_entities(text: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut escaped = String::from("x");
    for c in text.chars() {
        if c.is_ascii_punctuation() && !matches!(c, '&' | '#' | ';') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    let read: String = Parser::new(&escaped)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        })
        .collect();
    read.strip_prefix('x').map_or_else(|| text.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_resolved() {
        assert_eq!(resolve_entities("http://g&ouml;&ouml;gle.com"), "http://göögle.com");
        assert_eq!(resolve_entities("1. a*b*_c_ [x](y) &#228; &bogus; \\"), "1. a*b*_c_ [x](y) ä &bogus; \\");
        assert_eq!(resolve_entities("# x"), "# x");
    }

    #[test]
    fn email_autolinks_beyond_ascii() {
        assert_eq!(email_autolink("<测@foo.测.baz> x", 0), Some(17));
        assert_eq!(email_autolink("a <me@ex&auml;mple.com>", 2), Some(23));
        // ASCII addresses are CommonMark's; no domain, a space or no `>`: no link.
        assert_eq!(email_autolink("<me@example.com>", 0), None);
        assert_eq!(email_autolink("<ü@localhost>", 0), None);
        assert_eq!(email_autolink("<ü ber@x.de>", 0), None);
        assert_eq!(email_autolink("<ü@x.de", 0), None);
        assert_eq!(email_autolink("<@ü.de>", 0), None);
    }

    #[test]
    fn destinations_with_spaces_and_titles_with_quotes_are_read_as_pandoc_reads_them() {
        let t = HashMap::new();
        let text = "[foo](/bar and baz) x";
        assert_eq!(after_bracket(text, 0, 4, &t), Some(("/bar%20and%20baz".into(), false, 19)));
        let text = "[u](/url/ \"title with \"quotes\" in it\")";
        assert_eq!(after_bracket(text, 0, 2, &t), Some(("/url/".into(), true, text.len())));
        assert_eq!(
            after_bracket("[u](/bar\n and baz )", 0, 2, &t).map(|x| x.0),
            Some("/bar%20and%20baz".into())
        );
        // Not a link: no closing parenthesis; a citation; a note.
        assert_eq!(after_bracket("[u](/bar", 0, 2, &t), None);
        assert_eq!(after_bracket("[@k](x)", 0, 3, &t), None);
    }

    #[test]
    fn definitions_commonmark_leaves_and_headings_are_targets() {
        let text = "## My header\n\n[baz]: /foo foo\n[bam]:  /foo fee   \n[ok]: /fine \"t\"\n\n[next]:\n  /on/next\n\n[empty]:\n\n    [code]: a b\n";
        let code = vec![false; 14];
        let t = targets(text, &code);
        assert_eq!(t.urls.get("my header").map(String::as_str), Some("#my-header"));
        assert_eq!(t.urls.get("baz").map(String::as_str), Some("/foo%20foo"));
        assert_eq!(t.urls.get("bam").map(String::as_str), Some("/foo%20fee"));
        assert_eq!(t.urls.get("empty").map(String::as_str), Some(""));
        // pulldown-cmark takes `[ok]` and `[next]` itself; indented four spaces is code.
        assert!(["ok", "next", "code"].iter().all(|k| !t.urls.contains_key(*k)), "{t:?}");
        assert_eq!(t.blank.len(), 3);
        let hm = &t.urls;
        assert_eq!(after_bracket("[it][My  Header]", 0, 3, hm), Some(("#my-header".into(), false, 16)));
        assert_eq!(after_bracket("[baz][]", 0, 4, hm), Some(("/foo%20foo".into(), false, 7)));
        assert_eq!(after_bracket("[BAZ] x", 0, 4, hm), Some(("/foo%20foo".into(), false, 5)));
        assert_eq!(after_bracket("[nothing] x", 0, 8, hm), None);
        assert_eq!(after_bracket("[it][nothing]", 0, 3, hm), None);
    }
}
