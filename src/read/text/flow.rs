//! The body's flow: page texts, headings and the note blocks that cut them.
//!
//! A note block is a run of note lines: lines opening with a label, plus unlabeled lines
//! that sit among them (a note that lost its label, or the rest of a note from the page
//! before). Everything else is page text or a heading.

use super::features::{citation_like, heading_level, heading_like, is_numbered_heading};
use super::join::{ends_sentence, starts_lower};
use super::markers::{find_calls, Form};
use super::units::{is_page_number, is_separator, Unit};
use crate::diag::Diagnostic;
use std::collections::HashMap;

/// One line of a note block.
#[derive(Debug, Clone)]
pub struct NoteLine {
    /// The printed label; `None` when the source lost it.
    pub label: Option<String>,
    /// The note text, label removed.
    pub text: String,
    /// Source line.
    pub line: u32,
}

/// An element of the body flow.
#[derive(Debug, Clone)]
pub enum Item {
    /// Page text (a paragraph, or a piece of one cut by a note block).
    Text {
        /// The text, lines joined.
        text: String,
        /// Source line.
        line: u32,
    },
    /// A section heading.
    Heading {
        /// The heading as printed.
        text: String,
        /// Nesting level.
        level: u8,
    },
    /// The notes at the foot of one page.
    Notes(Vec<NoteLine>),
}

/// Plain-digit labels are trusted only when they continue the note sequence.
fn plain_label_fits(label: &str, last: Option<u32>, after_text: bool) -> bool {
    let Ok(n) = label.parse::<u32>() else { return false };
    match last {
        Some(l) => n == l + 1 || n == l + 2 || (n == 1 && after_text),
        None => n == 1 || n == 2,
    }
}

/// Returns the label and text offset when `unit` opens a note line.
fn note_start(unit: &Unit, last: Option<u32>, after_text: bool) -> Option<(String, usize)> {
    let (m, at) = unit.label()?;
    if m.form == Form::Plain {
        let text = unit.text();
        if !plain_label_fits(&m.label, last, after_text)
            || is_numbered_heading(&text)
            || text.chars().count() > 2000
        {
            return None;
        }
    }
    Some((m.label, at))
}

/// Finds lines that repeat on many pages (running heads), keyed with digits removed.
fn running_heads(units: &[Unit]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for u in units.iter().filter(|u| u.lines.len() == 1) {
        let t = u.first();
        if t.chars().count() <= 100 && u.label().is_none() && !is_separator(t) {
            *counts.entry(running_key(t)).or_default() += 1;
        }
    }
    counts.retain(|_, n| *n >= 3);
    counts
}

fn running_key(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Segments `units` (the body, up to the references) into flow items.
pub fn segment(units: &[Unit], diags: &mut Vec<Diagnostic>) -> Vec<Item> {
    let running = running_heads(units);
    let mut items: Vec<Item> = Vec::new();
    let mut block: Option<Vec<NoteLine>> = None;
    let mut last: Option<u32> = None;
    let mut after_separator = false;
    let significant = |j: usize| {
        units[j..].iter().position(|u| !is_separator(u.first()) && !is_page_number(u.first())).map(|k| j + k)
    };
    for (i, unit) in units.iter().enumerate() {
        let first = unit.first();
        if is_separator(first) {
            after_separator = true;
            continue;
        }
        if is_page_number(first) {
            diags.push(Diagnostic::info(
                "dropped-line",
                unit.line(),
                format!("dropped page number `{first}`"),
            ));
            continue;
        }
        if unit.lines.len() == 1 && running.contains_key(&running_key(first)) {
            diags.push(Diagnostic::info(
                "dropped-line",
                unit.line(),
                format!("dropped running head `{first}`"),
            ));
            continue;
        }
        let after_text = matches!(items.last(), Some(Item::Text { .. })) && block.is_none();
        if let Some((label, at)) = note_start(unit, last, after_text) {
            if let Ok(n) = label.parse() {
                last = Some(n);
            }
            let text = text_after_label(unit, at);
            block.get_or_insert_with(Vec::new).push(NoteLine { label: Some(label), text, line: unit.line() });
            after_separator = false;
            continue;
        }
        let text = unit.text();
        let short = text.chars().count() <= 500;
        let next_is_note = significant(i + 1).is_some_and(|j| note_start(&units[j], last, false).is_some());
        let prev_text_open = matches!(items.last(), Some(Item::Text { text, .. }) if !ends_sentence(text));
        let in_block = block.is_some() || after_separator;
        // A separator after this unit opens the next block: this unit is page text.
        let before_separator = units.get(i + 1).is_some_and(|u| is_separator(u.first()));
        // At the end of a block, only the sequence can tell a note that lost its label from
        // the next page's text: the next printed label must leave a number free for it.
        let leaves_gap = || {
            let next_label =
                units[i + 1..].iter().find_map(|u| u.label().filter(|(m, _)| m.form != Form::Plain));
            matches!((next_label.and_then(|(m, _)| m.label.parse::<u32>().ok()), last), (Some(q), Some(l)) if q == l + 2)
        };
        let joins_block = if before_separator {
            false
        } else if in_block {
            short && (next_is_note || (citation_like(&text) && leaves_gap()))
        } else {
            next_is_note && short && (prev_text_open || starts_lower(&text) || citation_like(&text))
        };
        if joins_block {
            block.get_or_insert_with(Vec::new).push(NoteLine { label: None, text, line: unit.line() });
            after_separator = false;
            continue;
        }
        if let Some(b) = block.take() {
            items.push(Item::Notes(b));
        }
        after_separator = false;
        let prev_ended = match items.iter().rev().find(|it| !matches!(it, Item::Notes(_))) {
            Some(Item::Text { text, .. }) => ends_sentence(text),
            _ => true,
        };
        // Page text cut by a note block is no heading, nor is text with typographic calls.
        let has_calls = find_calls(&text).iter().any(|c| c.marker.form.is_typographic());
        if heading_like(&text)
            && prev_ended
            && !starts_lower(&text)
            && !next_is_note
            && !before_separator
            && !has_calls
        {
            let level = heading_level(&text);
            items.push(Item::Heading { text, level });
        } else {
            items.push(Item::Text { text, line: unit.line() });
        }
    }
    if let Some(b) = block.take() {
        items.push(Item::Notes(b));
    }
    items
}

fn text_after_label(unit: &Unit, at: usize) -> String {
    let mut parts: Vec<&str> = unit.lines.iter().map(|l| l.text.trim()).collect();
    parts[0] = unit.lines[0].text[at..].trim();
    super::join::join_lines(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::units::units;

    fn kinds(src: &str) -> Vec<String> {
        let u = units(src);
        let mut d = Vec::new();
        segment(&u, &mut d)
            .into_iter()
            .map(|it| match it {
                Item::Text { .. } => "T".to_string(),
                Item::Heading { .. } => "H".to_string(),
                Item::Notes(n) => format!(
                    "N{}",
                    n.iter().map(|l| l.label.clone().unwrap_or("?".into())).collect::<Vec<_>>().join(",")
                ),
            })
            .collect()
    }

    #[test]
    fn blocks_with_unlabeled_lines_between_labels() {
        let src = "Page one text with a call¹ and another² and more, until the page is cut and the\n\n¹ Author A., \"Title\", 1999.\n\nAuthor B., \"Other\", 2001.\n\n³ Author C., \"Third\", 2003.\n\nsentence goes on³ here.";
        assert_eq!(kinds(src), ["T", "N1,?,3", "T"]);
    }

    #[test]
    fn plain_labels_follow_the_sequence() {
        let src = "Text with a call.1 More text with a call.2 Then the page is cut and the\n\n1 Author A., Title, 1999.\n\n2 Author B., Title, 2001.\n\n1920 was a year of war, and the text goes on for a while, long enough to be prose, until it stops.";
        assert_eq!(kinds(src), ["T", "N1,2", "T"]);
    }

    #[test]
    fn headings_between_pages() {
        let src =
            "The first section ends here with a full sentence.\n\n2. Methods\n\nThe second section starts.";
        assert_eq!(kinds(src), ["T", "H", "T"]);
    }
}
