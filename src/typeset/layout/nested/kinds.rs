//! Definition lists, code blocks, section breaks and epigraphs as paragraphs.
//!
//! A definition list sets each term in bold on a line of its own and its definitions under
//! it, set in by the paragraph indent (a hanging indent: the terms stand out at the left);
//! a quarter of a line separates the items, half a line the list from the text. A term is
//! kept with its first definition.
//!
//! A code block is set in the monospaced face, smaller, ragged, set in from the left like a
//! quotation; each of its lines is a paragraph of its own, kept character for character
//! (spaces too; a tab goes to the next multiple of four columns). A line wider than the
//! measure is broken at the measure, its continuation set in by two characters; the layout
//! counts it for a diagnostic.
//!
//! A section break is a centred asterism (`⁂` when the text face has it, else `* * *`)
//! with half a line above and below, kept with the lines on both sides of it so that it
//! neither ends nor starts a page.
//!
//! A line block (verse, an address) sets each of its lines as a paragraph of its own, ragged
//! and not indented; a line too long for the measure turns over set in by [`TURNOVER_EMS`];
//! half a line separates the stanzas, and the block from the text.
//!
//! An epigraph is set smaller and set in from the left by [`EPIGRAPH_SHARE`] of the measure,
//! its source line flush right under it.

use super::{space_around, Container, Frame, Nester};
use crate::fonts::Style;
use crate::model::{Block, Definition, Inline, LangTag, Note};
use crate::typeset::layout::inline::{runs, CODE_SCALE};
use crate::typeset::layout::{Align, Para};
use crate::typeset::paragraph::{Run, Variant};
use crate::typeset::Pt;

/// How far the turnover of a line too long for the measure is set in, in ems.
pub const TURNOVER_EMS: f64 = 1.5;

/// The size of the asterism `⁂` relative to the text.
pub const ASTERISM_SCALE: f64 = 1.5;
/// The share of the measure an epigraph leaves empty at its left.
pub const EPIGRAPH_SHARE: f64 = 0.4;
/// An epigraph's size and leading relative to the text around it.
pub const EPIGRAPH_SCALE: f64 = 0.86;

impl Nester<'_, '_> {
    /// A definition list: terms and their definitions.
    pub(in crate::typeset::layout) fn definitions(
        &mut self,
        items: &[Definition],
        frame: &Frame,
        notes: &mut Vec<Note>,
        out: &mut Vec<Para>,
    ) {
        let indent = Pt(frame.size * 1.5);
        let mut list = frame.clone();
        list.nest.push(Container::Glossary { id: self.id() });
        list.list_indent = Pt::ZERO;
        list.in_list = true;
        let first = out.len();
        for (k, d) in items.iter().enumerate() {
            let mut item = list.clone();
            item.nest.push(Container::Item { id: self.id() });
            let mut term = item.clone();
            term.nest.push(Container::Term { id: self.id() });
            let mut p = self.para(&term, term.lang.as_ref(), Align::Left);
            p.keep_with_next = true;
            p.hanging = indent;
            if k > 0 {
                p.space_before = frame.leading * 0.25;
            }
            runs(&mut p, &d.term, Style::Bold, term.lang.as_ref(), notes);
            out.push(p);
            let mut details = item.clone();
            details.inset = item.inset.more(indent, Pt::ZERO);
            for def in &d.details {
                self.blocks(def, &details, false, notes, out);
            }
        }
        if !frame.in_list {
            space_around(out, first, frame.leading * 0.5);
        }
    }

    /// A code block: its lines, verbatim.
    pub(in crate::typeset::layout) fn code(&mut self, text: &str, frame: &Frame, out: &mut Vec<Para>) {
        let mut inner = frame.clone();
        inner.nest.push(Container::Code { id: self.id() });
        inner.inset = frame.inset.more(Pt(frame.size * 2.0), Pt::ZERO);
        inner.size = frame.size * CODE_SCALE;
        inner.leading = frame.leading * CODE_SCALE;
        let first = out.len();
        for line in text.split('\n') {
            let mut p = self.para(&inner, None, Align::Left);
            p.verbatim = true;
            // A continuation (a line broken at the measure) is set in by two characters.
            p.hanging = Pt(inner.size * 1.2);
            let line = expand_tabs(line.trim_end_matches('\r'));
            if !line.is_empty() {
                p.runs.push(Run { variant: Variant::Mono, ..Run::plain(line, Style::Regular, None) });
            }
            out.push(p);
        }
        space_around(out, first, frame.leading * 0.5);
    }

    /// A section break: a centred asterism.
    pub(in crate::typeset::layout) fn section_break(&mut self, frame: &Frame, out: &mut Vec<Para>) {
        let mark = if self.shaper.own_has('⁂', Style::Regular) { "⁂" } else { "* * *" };
        // Never the last line of a page, nor the first: kept with the lines around it.
        if let Some(before) = out.last_mut() {
            before.keep_last_with_next = true;
        }
        let mut p = self.para(frame, None, Align::Center);
        // The asterism is drawn small in its em: it is set larger than the text.
        if mark == "⁂" {
            p.size *= ASTERISM_SCALE;
        }
        p.keep_with_next = true;
        p.text(mark, Style::Regular, None);
        out.push(p);
        let at = out.len() - 1;
        space_around(out, at, frame.leading * 0.5);
    }

    /// Lines kept as lines: a paragraph per line, half a line between stanzas (the runs of
    /// lines between empty ones) and around the block.
    pub(in crate::typeset::layout) fn line_block(
        &mut self,
        lines: &[Vec<Inline>],
        frame: &Frame,
        notes: &mut Vec<Note>,
        out: &mut Vec<Para>,
    ) {
        let first = out.len();
        let lang = frame.lang.as_ref();
        for stanza in lines.split(|l| l.is_empty()).filter(|s| !s.is_empty()) {
            let start = out.len();
            for line in stanza {
                let mut p = self.para(frame, lang, Align::Left);
                p.hanging = Pt(frame.size * TURNOVER_EMS);
                runs(&mut p, line, Style::Regular, lang, notes);
                out.push(p);
            }
            if start > first {
                out[start].space_before = out[start].space_before.max(frame.leading * 0.5);
            }
        }
        space_around(out, first, frame.leading * 0.5);
    }

    /// An epigraph: smaller, set in from the left, its source flush right under it.
    pub(in crate::typeset::layout) fn epigraph(
        &mut self,
        blocks: &[Block],
        source: Option<&[Inline]>,
        lang: Option<&LangTag>,
        frame: &Frame,
        notes: &mut Vec<Note>,
        out: &mut Vec<Para>,
    ) {
        let mut inner = frame.clone();
        inner.nest.push(Container::Quote { id: self.id(), lang: lang.cloned() });
        inner.lang = lang.or(frame.lang.as_ref()).cloned();
        inner.size = frame.size * EPIGRAPH_SCALE;
        inner.leading = frame.leading * EPIGRAPH_SCALE;
        inner.inset = frame.inset.more(frame.inset.measure(frame.column) * EPIGRAPH_SHARE, Pt::ZERO);
        inner.list_indent = Pt::ZERO;
        inner.in_list = false;
        let first = out.len();
        self.blocks(blocks, &inner, true, notes, out);
        if let Some(source) = source {
            if let Some(last) = out.get_mut(first..).and_then(<[Para]>::last_mut) {
                last.keep_last_with_next = true;
            }
            let mut p = self.para(&inner, inner.lang.as_ref(), Align::Right);
            p.space_before = inner.leading * 0.25;
            p.text("— ", Style::Regular, inner.lang.as_ref());
            runs(&mut p, source, Style::Regular, inner.lang.as_ref(), notes);
            out.push(p);
        }
        space_around(out, first, frame.leading * 0.5);
        if let Some(last) = out.get_mut(first..).and_then(<[Para]>::last_mut) {
            last.space_after = last.space_after.max(frame.leading);
        }
    }
}

/// `line` with each tab replaced by spaces up to the next multiple of four columns.
fn expand_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut col = 0;
    for c in line.chars() {
        if c == '\t' {
            let n = 4 - col % 4;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
