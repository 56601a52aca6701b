//! Block quotations and lists as paragraphs, in the body and in notes.
//!
//! A quotation is set smaller (in the body; at the note size in a note), indented by two
//! ems of the text around it on both sides, with half a line of space above and below, its
//! first line not indented and its source line after an em dash, ragged, under it. At the
//! smaller size those two ems leave the quoted lines as many characters as the text's lines
//! (43 ems of 9.45 pt in 411 pt against 43 ems of 10.5 pt in 453 pt on A4): the quotation
//! stands apart without a shorter, gappier line.
//!
//! A list's items hang: each item's text starts, on every line and in every paragraph, at
//! one position, the widest marker of the list (as shaped) plus half an em; each marker is
//! set flush against that gap in the margin before it. A list in the body starts at the
//! paragraph indent, so its markers stand where a paragraph's first line would; a list
//! inside an item starts at its parent item's text. A quarter of a line sets a list apart.
//!
//! Definition lists, code blocks, section breaks and epigraphs are set in `kinds`.

use super::inset::{Inset, Marker};
use super::{figure, runs, table, Align, BlockKind, Object, Para};
use crate::diag::Diagnostic;
use crate::fonts::Style;
use crate::model::{Block, LangTag, Media, Note, NumberStyle};
use crate::typeset::shape::Shaper;
use crate::typeset::Pt;
use std::collections::BTreeMap;

/// A quotation, list or list item that a block of the layout sits in; a block lists them
/// outermost first ([`super::StructBlock::nest`]). Each has an id unique in the layout, so
/// that the blocks of one container are told from those of the next.
#[derive(Debug, Clone, PartialEq)]
pub enum Container {
    /// A block quotation, in its language when it has one of its own.
    Quote {
        /// Unique in the layout.
        id: usize,
        /// The quotation's language.
        lang: Option<LangTag>,
    },
    /// A list: numbered in this style, or bulleted (`None`).
    List {
        /// Unique in the layout.
        id: usize,
        /// How the items are numbered.
        numbering: Option<NumberStyle>,
    },
    /// An item of a list; its first block carries the item's marker.
    Item {
        /// Unique in the layout.
        id: usize,
    },
    /// A definition list: its items each hold a term and the term's definitions.
    Glossary {
        /// Unique in the layout.
        id: usize,
    },
    /// The term of a definition list's item (the item's label); its one block is its text.
    Term {
        /// Unique in the layout.
        id: usize,
    },
    /// A code block; its blocks are its lines, one piece of code.
    Code {
        /// Unique in the layout.
        id: usize,
    },
    /// A division of the front matter (a title page, a dedication, a preface).
    Section {
        /// Unique in the layout.
        id: usize,
    },
    /// A table: its caption and its rows.
    Table {
        /// Unique in the layout.
        id: usize,
    },
    /// The header (0), body (1) or footer (2) rows of a table.
    TablePart {
        /// Unique in the layout.
        id: usize,
        /// Which part.
        part: u8,
    },
    /// A row of a table.
    Row {
        /// Unique in the layout.
        id: usize,
    },
    /// A cell of a table.
    Cell {
        /// Unique in the layout.
        id: usize,
        /// A header cell (of a header row, or a row's label).
        header: bool,
        /// The label of its row (a header cell in a body or footer row).
        row_header: bool,
        /// How many rows it spans.
        rows: u32,
        /// How many columns it spans.
        cols: u32,
    },
    /// The caption of a table or figure.
    Caption {
        /// Unique in the layout.
        id: usize,
    },
    /// A figure: its images, then its caption.
    Figure {
        /// Unique in the layout.
        id: usize,
        /// What the images show, for readers who cannot see them.
        alt: String,
    },
}

impl Container {
    /// True when the blocks inside are the container's own text, not paragraphs of their own
    /// (a definition list's term, the lines of a code block).
    pub fn inline(&self) -> bool {
        matches!(self, Container::Term { .. } | Container::Code { .. })
    }
}

/// Where and how the blocks of a quotation or list are set.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    /// What the paragraphs are: body paragraphs or the paragraphs of a note.
    pub kind: BlockKind,
    /// Type size and leading of the text here.
    pub size: f64,
    /// Baseline-to-baseline distance.
    pub leading: Pt,
    /// Size and leading of a quotation set here.
    pub quote: (f64, Pt),
    /// The paragraphs' margins inside the column.
    pub inset: Inset,
    /// How far in from `inset.start` a list's markers start.
    pub list_indent: Pt,
    /// The language around the blocks.
    pub lang: Option<LangTag>,
    /// The containers the blocks are in, outermost first.
    pub nest: Vec<Container>,
    /// True inside a list item.
    pub in_list: bool,
    /// The width of the text column (an epigraph is set in by a share of it).
    pub column: Pt,
    /// The level of the heading the blocks stand under (0 before any), below which the
    /// headings of an embedded text rank.
    pub level: u8,
    /// Inside an embedded text of the body: its headings are headings (of the quotation's
    /// size), not bold paragraphs.
    pub headings: bool,
}

impl Frame {
    /// A frame in a text column of `column`: body text (`BlockKind::Paragraph`, whose
    /// quotations are set at `quote`) or a note's (`BlockKind::Note`, quoted at its own
    /// size); `text` is the size and leading of its paragraphs.
    pub fn new(
        kind: BlockKind,
        (size, leading): (f64, Pt),
        quote: (f64, Pt),
        column: Pt,
        lang: Option<&LangTag>,
    ) -> Self {
        // A body list's markers start at the paragraph indent; a note's at its edge.
        let list_indent = if kind == BlockKind::Paragraph { Pt(size * 1.5) } else { Pt::ZERO };
        Frame {
            kind,
            size,
            leading,
            quote,
            inset: Inset::default(),
            list_indent,
            lang: lang.cloned(),
            nest: Vec::new(),
            in_list: false,
            column,
            level: 0,
            headings: false,
        }
    }
}

/// No media: for a nester whose figures have no images to load.
#[cfg(test)]
static NO_MEDIA: BTreeMap<String, Media> = BTreeMap::new();

/// Sets quotations and lists as paragraphs (and anything else as one paragraph); a table or
/// figure inside a quotation or list as a table or figure within its margins.
pub(super) struct Nester<'s, 'a> {
    /// Shapes the markers, to measure them.
    pub shaper: &'s Shaper<'a>,
    /// The next container id.
    pub ids: usize,
    /// The document's images, for figures and images in a line.
    pub media: &'s BTreeMap<String, Media>,
    /// The height of the text column (a figure takes at most a share of it).
    pub column_height: Pt,
    /// The tables and figures set so far, in the order of their paragraphs.
    pub(super) objects: Vec<Object>,
    /// The id of each table and figure set so far that has one, with its first paragraph
    /// (its caption, or its first cell), for cross-references.
    pub(super) targets: Vec<(String, usize)>,
    /// What could not be set as asked.
    pub diags: Vec<Diagnostic>,
}

impl<'s, 'a> Nester<'s, 'a> {
    /// A nester measuring with `shaper`, its figures' images in `media`, on a text column
    /// `column_height` high.
    pub fn new(shaper: &'s Shaper<'a>, media: &'s BTreeMap<String, Media>, column_height: Pt) -> Self {
        Nester {
            shaper,
            ids: 0,
            media,
            column_height,
            objects: Vec::new(),
            targets: Vec::new(),
            diags: Vec::new(),
        }
    }

    /// A nester without images, on an A4 column (for tests of text alone).
    #[cfg(test)]
    pub fn bare(shaper: &'s Shaper<'a>) -> Self {
        Self::new(shaper, &NO_MEDIA, Pt(700.0))
    }

    /// Appends the paragraphs of `b`, set in `frame`, to `out`; notes it calls are numbered
    /// in `notes`.
    pub fn block(&mut self, b: &Block, frame: &Frame, notes: &mut Vec<Note>, out: &mut Vec<Para>) {
        self.blocks(std::slice::from_ref(b), frame, false, notes, out)
    }

    /// The blocks in order; with `indent_after`, a paragraph after a paragraph has its first
    /// line indented (in a quotation, as in the text).
    pub(super) fn blocks(
        &mut self,
        bs: &[Block],
        frame: &Frame,
        indent_after: bool,
        notes: &mut Vec<Note>,
        out: &mut Vec<Para>,
    ) {
        let mut after_para = false;
        for b in bs {
            match b {
                Block::Table(_) | Block::Figure(_) if settable(frame) => {
                    self.object(b, frame, notes, out);
                    after_para = false;
                }
                Block::Table(_) | Block::Figure(_) => {
                    self.flattened(b, frame);
                    let flat = crate::write::degrade::table_or_figure_blocks(b);
                    self.blocks(&flat, frame, false, notes, out);
                    after_para = false;
                }
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                    let own = match b {
                        Block::Paragraph { lang, .. } => lang.as_ref(),
                        _ => None,
                    };
                    let lang = own.or(frame.lang.as_ref());
                    let mut p = self.para(frame, lang, Align::Justify);
                    match b {
                        // An embedded text's heading: a heading ranked under the text's.
                        Block::Heading { level, .. } if frame.headings => {
                            p.kind = BlockKind::Heading(frame.level.saturating_add(*level));
                            p.align = Align::Left;
                            p.keep_with_next = true;
                            p.space_before = frame.leading * 0.5;
                            p.title = Some(crate::model::plain_text(content));
                        }
                        _ if indent_after && after_para => p.indent = Pt(frame.size * 1.5),
                        _ => {}
                    }
                    let heading = matches!(b, Block::Heading { .. });
                    let style = if heading { Style::Bold } else { Style::Regular };
                    runs(&mut p, content, style, lang, notes);
                    out.push(p);
                    after_para = !(heading && frame.headings);
                }
                Block::DefinitionList { items } => {
                    self.definitions(items, frame, notes, out);
                    after_para = false;
                }
                Block::CodeBlock { text, .. } => {
                    self.code(text, frame, out);
                    after_para = false;
                }
                Block::SectionBreak => {
                    self.section_break(frame, out);
                    after_para = false;
                }
                Block::LineBlock { lines } => {
                    self.line_block(lines, frame, notes, out);
                    after_para = false;
                }
                Block::Quote { blocks, source, lang, epigraph: true } => {
                    self.epigraph(blocks, source.as_deref(), lang.as_ref(), frame, notes, out);
                    after_para = false;
                }
                Block::Quote { blocks, source, lang, .. } => {
                    self.quote(blocks, source.as_deref(), lang.as_ref(), frame, notes, out);
                    after_para = false;
                }
                // A text inside the text: inset as a quotation, its headings headings (in the
                // body; a note's stay in the note).
                Block::EmbeddedText { blocks, lang, .. } => {
                    let mut inner = frame.clone();
                    inner.headings = frame.kind == BlockKind::Paragraph;
                    self.quote(blocks, None, lang.as_ref(), &inner, notes, out);
                    after_para = false;
                }
                Block::List { numbering, items } => {
                    self.list(numbering.as_ref(), items, frame, notes, out);
                    after_para = false;
                }
            }
        }
    }

    /// Sets table or figure `b` inside `frame`'s margins and containers: in the type of a
    /// quotation there, with half a line above and below, where it stands (it does not float
    /// out of its quotation or list; a table breaks between rows as in the text).
    fn object(&mut self, b: &Block, frame: &Frame, notes: &mut Vec<Note>, out: &mut Vec<Para>) {
        let measure = frame.inset.measure(frame.column);
        let first = out.len();
        let lang = frame.lang.as_ref();
        let mut diags = std::mem::take(&mut self.diags);
        let (object, id) = match b {
            Block::Table(t) => {
                let plan = table::build(t, self, frame.quote, measure, lang, notes, out, &mut diags);
                (Object::Table(plan), t.id.as_ref())
            }
            Block::Figure(f) => {
                let (media, column) = (self.media, self.column_height);
                let plan = figure::build(
                    f,
                    self,
                    frame.quote,
                    (measure, column),
                    lang,
                    media,
                    notes,
                    out,
                    &mut diags,
                );
                (Object::Figure(plan, false), f.id.as_ref())
            }
            _ => return,
        };
        self.diags = diags;
        for p in &mut out[first..] {
            p.inset = p.inset.more(frame.inset.start, frame.inset.end);
            p.nest.splice(0..0, frame.nest.iter().cloned());
        }
        let mut object = object;
        object.shift(frame.inset.start);
        self.place(object, id, first);
        space_around(out, first, frame.leading * 0.5);
    }

    /// Records `object`, whose first paragraph is `first`, as set (and as the target of
    /// cross-references to `id`).
    pub(super) fn place(&mut self, object: Object, id: Option<&String>, first: usize) {
        self.objects.push(object);
        if let Some(id) = id {
            self.targets.push((id.clone(), first));
        }
    }

    /// Reports table or figure `b` set as plain paragraphs in `frame` (a note, a table's cell).
    fn flattened(&mut self, b: &Block, frame: &Frame) {
        let (code, what, name) = match b {
            Block::Table(t) => ("pdf-table-flattened", "table", t.label.as_deref().or(t.id.as_deref())),
            Block::Figure(f) => ("pdf-figure-flattened", "figure", f.label.as_deref().or(f.id.as_deref())),
            _ => return,
        };
        let inside = if matches!(frame.kind, BlockKind::Note(_)) { "a note" } else { "a table's cell" };
        self.diags.push(Diagnostic::warning(
            code,
            0,
            format!(
                "{}the {what} inside {inside} is printed as plain paragraphs (every word kept, in reading order; its {} given up)",
                name.map_or(String::new(), |n| format!("{n}: ")),
                if what == "table" { "rows and columns" } else { "images shown by their description" }
            ),
        ));
    }

    pub(super) fn para(&self, frame: &Frame, lang: Option<&LangTag>, align: Align) -> Para {
        let mut p = Para::new(frame.kind, lang, frame.size, frame.leading, align);
        p.inset = frame.inset;
        p.nest = frame.nest.clone();
        p
    }

    pub(super) fn id(&mut self) -> usize {
        self.ids += 1;
        self.ids - 1
    }

    fn quote(
        &mut self,
        blocks: &[Block],
        source: Option<&[crate::model::Inline]>,
        lang: Option<&LangTag>,
        frame: &Frame,
        notes: &mut Vec<Note>,
        out: &mut Vec<Para>,
    ) {
        let indent = Pt(frame.size * 2.0);
        let mut inner = frame.clone();
        inner.nest.push(Container::Quote { id: self.id(), lang: lang.cloned() });
        inner.lang = lang.or(frame.lang.as_ref()).cloned();
        (inner.size, inner.leading) = frame.quote;
        inner.inset = frame.inset.more(indent, indent);
        inner.list_indent = Pt::ZERO;
        inner.in_list = false;
        let first = out.len();
        self.blocks(blocks, &inner, true, notes, out);
        if let Some(source) = source {
            // The source line never starts a page alone.
            if let Some(last) = out.get_mut(first..).and_then(<[Para]>::last_mut) {
                last.keep_last_with_next = true;
            }
            let mut p = self.para(&inner, inner.lang.as_ref(), Align::Left);
            p.text("— ", Style::Regular, inner.lang.as_ref());
            runs(&mut p, source, Style::Regular, inner.lang.as_ref(), notes);
            out.push(p);
        }
        space_around(out, first, frame.leading * 0.5);
    }

    fn list(
        &mut self,
        numbering: Option<&crate::model::Numbering>,
        items: &[Vec<Block>],
        frame: &Frame,
        notes: &mut Vec<Note>,
        out: &mut Vec<Para>,
    ) {
        let labels: Vec<String> = (0..items.len())
            .map(|k| numbering.map_or_else(|| "•".to_string(), |n| n.label(n.start.saturating_add(k as u32))))
            .collect();
        let width = |t: &str| self.shaper.width(t, Style::Regular, frame.size);
        let widest = labels.iter().map(|l| width(l)).fold(Pt::ZERO, Pt::max);
        let gap = Pt(frame.size * 0.5);
        let text = frame.list_indent + widest + gap;
        let mut list = frame.clone();
        list.nest.push(Container::List { id: self.id(), numbering: numbering.map(|n| n.style) });
        list.inset = frame.inset.more(text, Pt::ZERO);
        list.list_indent = Pt::ZERO;
        list.in_list = true;
        let first = out.len();
        for (item, label) in items.iter().zip(labels) {
            let mut at = list.clone();
            at.nest.push(Container::Item { id: self.id() });
            let start = out.len();
            self.blocks(item, &at, false, notes, out);
            // The marker goes on the first line of the item, also when it opens with a nested
            // list (before that list's marker) or a quotation; an empty item has a line for it.
            if out.len() == start {
                out.push(self.para(&at, at.lang.as_ref(), Align::Left));
            }
            let offset = out[start].inset.start - list.inset.start;
            let marker = Marker { width: width(&label), text: label, size: frame.size, gap, offset };
            out[start].markers.insert(0, marker);
        }
        if !frame.in_list {
            space_around(out, first, frame.leading * 0.25);
        }
    }
}

/// True when a table or figure in `frame` is set as one: in the body and its quotations
/// and lists, not in a note (its lines are the note's, all of one leading, at the foot of
/// the page) nor inside another table or figure.
fn settable(frame: &Frame) -> bool {
    frame.kind == BlockKind::Paragraph
        && !frame.nest.iter().any(|c| matches!(c, Container::Table { .. } | Container::Figure { .. }))
}

/// Leaves at least `space` before the first of `out[first..]` and after the last (a list
/// opening a quotation is set off by the quotation's space, not by both).
pub(super) fn space_around(out: &mut [Para], first: usize, space: Pt) {
    if let Some(p) = out.get_mut(first) {
        p.space_before = p.space_before.max(space);
    }
    if out.len() > first {
        if let Some(p) = out.last_mut() {
            p.space_after = p.space_after.max(space);
        }
    }
}

mod kinds;

#[cfg(test)]
mod tests;
