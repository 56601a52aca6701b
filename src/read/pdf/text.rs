//! The pages written as the text the text reader reads best (`src/read/text/`), so that its
//! recognisers (labels, calls, page milestones, references, front matter) do the rest.
//!
//! One line per printed line; a blank line where the vertical gap or the type size says a
//! block ends; a form feed after every page. Calls, which the PDF shows raised and small,
//! are written as Unicode superscript digits (the text reader's most trusted call form);
//! the note zone follows its page's body, each note opening with its printed label and a
//! space (`3 Text`); running heads are left out and the printed page number stands alone
//! after the notes, where the text reader reads a folio that closes its page.
//!
//! What this form cannot carry (later slices may pass it as facts): fonts (italic, bold),
//! the certainty that a line opens a note (a continuation line opening with a number reads
//! as a label), paragraph indents, and positions for diagnostics (line numbers are lines of
//! this text).

use super::lines::Line;
use super::page::Layout;

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Whether the glyph text is a call mark (digits or a note symbol).
fn is_mark(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || "*†‡§".contains(c))
}

/// The text of a line. Raised marks become superscript digits, glued to what precedes;
/// in a note line (`note`) a raised label at the start becomes `N ` instead.
pub fn line_text(l: &Line, note: bool) -> String {
    let mut out = String::new();
    let mut prev: Option<&super::glyphs::Glyph> = None;
    let mut space = false;
    let mut at_start = true;
    for g in &l.glyphs {
        if g.text.chars().all(char::is_whitespace) {
            space = !out.is_empty();
            continue;
        }
        let raised = l.is_raised(g) && is_mark(&g.text);
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.advance);
            let was_raised = l.is_raised(p) && is_mark(&p.text);
            if !raised && gap > 0.11 * p.size.min(g.size).max(0.6 * l.size) {
                space = true;
            }
            if raised && !was_raised && !(note && at_start) {
                // A call is glued to the word it follows.
                space = false;
            }
            if was_raised && !raised && note && at_start {
                space = true;
            }
        }
        if !raised {
            at_start = false;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if raised && !(note && at_start) {
            out.extend(g.text.chars().map(|c| c.to_digit(10).map_or(c, |d| SUPERSCRIPTS[d as usize])));
        } else {
            out.push_str(&g.text);
        }
        prev = Some(g);
    }
    out
}

/// The median distance between consecutive body-size lines of one column.
fn pitch(layout: &Layout, body: f32) -> f32 {
    let mut d: Vec<f32> = layout
        .body
        .windows(2)
        .map(|w| (&layout.lines[w[0]], &layout.lines[w[1]]))
        .filter(|(a, b)| {
            a.column == b.column && (a.size - body).abs() < 0.05 * body && (b.size - body).abs() < 0.05 * body
        })
        .map(|(a, b)| b.y - a.y)
        .filter(|&d| d > 0.0)
        .collect();
    d.sort_by(f32::total_cmp);
    d.get(d.len() / 2).copied().unwrap_or(1.2 * body)
}

/// Appends one page: body, notes, folio, form feed.
pub fn write_page(layout: &Layout, folio: Option<&str>, body: f32, out: &mut String) {
    let pitch = pitch(layout, body);
    let mut prev: Option<&Line> = None;
    for &i in &layout.body {
        let l = &layout.lines[i];
        let text = line_text(l, false);
        if text.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let gap = l.y - p.y;
            let resized = (l.size - p.size).abs() > 0.08 * p.size.max(l.size);
            if p.column == l.column && (gap > 1.6 * pitch.max(l.size) || resized) {
                out.push('\n');
            }
        }
        out.push_str(&text);
        out.push('\n');
        prev = Some(l);
    }
    for &i in &layout.notes {
        let text = line_text(&layout.lines[i], true);
        if !text.is_empty() {
            out.push_str(&text);
            out.push('\n');
        }
    }
    if let Some(f) = folio {
        out.push_str(f);
        out.push('\n');
    }
    out.push('\u{c}');
}

#[cfg(test)]
mod tests {
    use super::super::lines::{lines, tests::word};
    use super::*;

    #[test]
    fn raised_digits_become_superscripts_glued_to_their_word() {
        let mut g = word("the party.", 72.0, 100.0, 10.0);
        g.extend(word("12", 122.0, 96.0, 7.0));
        g.extend(word("Then", 132.0, 100.0, 10.0));
        let l = &lines(&g)[0];
        assert_eq!(line_text(l, false), "the party.¹² Then");
    }

    #[test]
    fn a_raised_label_opens_a_note_line_with_a_space() {
        let mut g = word("3", 72.0, 96.0, 6.0);
        g.extend(word("Ibid., p. 5.", 75.5, 100.0, 9.0));
        let l = &lines(&g)[0];
        assert_eq!(line_text(l, true), "3 Ibid., p. 5.");
    }

    #[test]
    fn a_page_ends_with_its_notes_folio_and_a_form_feed() {
        let mut g = word("Heading", 72.0, 80.0, 14.0);
        g.extend(word("Body line one", 72.0, 100.0, 10.0));
        g.extend(word("1", 137.0, 96.0, 7.0));
        g.extend(word("Body line two", 72.0, 112.0, 10.0));
        g.extend(word("1", 72.0, 196.0, 6.0));
        g.extend(word("The note.", 75.0, 200.0, 8.0));
        let ls = lines(&g);
        let order: Vec<usize> = (0..ls.len()).collect();
        let layout = super::super::page::layout(ls, order, &Default::default(), 10.0);
        let mut out = String::new();
        write_page(&layout, Some("5"), 10.0, &mut out);
        assert_eq!(out, "Heading\n\nBody line one¹\nBody line two\n1 The note.\n5\n\u{c}");
    }
}
