//! The whole article set on pages: title block, author note, abstracts and keyword lists,
//! the body (justified and hyphenated, headings kept with what follows), footnotes at the foot
//! of the page of their call (endnotes after the text, under their heading, before the
//! references), block quotations and lists (indented, hanging markers: see
//! `nested`; definition lists, code blocks, section breaks and epigraphs: `nested::kinds`;
//! superscripts, small capitals, inline code and line breaks: `inline`), and the references
//! with a hanging indent; a running head and a folio from page 2. The result is a list of placed text pieces and rules per page, in
//! points from the page's top left, for any PDF back end.
//!
//! A paragraph with right-to-left text (Arabic, Persian, Ottoman, Hebrew) is broken into
//! lines in logical order, then each line is laid out again in visual order ([`super::bidi`]):
//! a paragraph whose first strong character is right to left is set from the right (justified,
//! its last line and its indents on the right). Pieces stay in logical order in the page's
//! list, so that the tagged PDF reads in logical order; only their `x` is visual.

use super::bidi::{self, Levels};
use super::linebreak::{break_lines, Item, FORCED};
use super::paginate::{dump, paginate, BodyLine, Frame, NoteLines, Page};
use super::paragraph::{build, build_verbatim, Built, Decoration, Run, Variant};
use super::shape::{Shaped, ShapedGlyph, Shaper};
use super::words::notes_heading;
use super::Pt;
use crate::fonts::{FontSet, Style};
use crate::model::{Block, Document, LangTag, Note, NoteKind};

pub use super::page::PageStyle;

mod biblio;
mod figure;
mod front;
mod inline;
mod inset;
mod nested;
mod table;

use inline::runs;

pub use inset::{Inset, Marker};
pub use nested::Container;

/// A piece of text set in one face at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyphs {
    /// Left edge.
    pub x: Pt,
    /// Baseline.
    pub baseline: Pt,
    /// Type size in points.
    pub size: f64,
    /// Index of the face (main faces first, then fallbacks) in the font set.
    pub face: usize,
    /// The text.
    pub text: String,
    /// Its language, when known.
    pub lang: Option<LangTag>,
    /// Where it belongs in the logical structure.
    pub role: Role,
    /// Its glyphs as shaped: ids, advances and offsets in ems, byte ranges into `text`. The
    /// writer draws these and shapes nothing itself.
    pub glyphs: Shaped,
    /// The space glyph that ends a word before a line's gap (the last byte of `text`), kept
    /// apart so that the shaped word stays shared with the shaper's cache.
    pub space: Option<ShapedGlyph>,
    /// True when the glyphs run right to left (in visual order, their text backwards): the
    /// word space, which ends the word, is then drawn first, at its left, and `x` is where
    /// that space starts.
    pub rtl: bool,
}

impl Glyphs {
    /// Every glyph to draw, left to right: the shaped ones and the word space (after them,
    /// or before them in right-to-left text).
    pub fn all(&self) -> impl Iterator<Item = &ShapedGlyph> {
        let before = self.space.iter().filter(|_| self.rtl);
        let after = self.space.iter().filter(|_| !self.rtl);
        before.chain(self.glyphs.iter()).chain(after)
    }
}

/// What a piece of text is in the article's logical structure, for a tagged PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Page furniture (running head, folio): not part of the text.
    Artifact,
    /// Text of a block: an index into [`Layout::blocks`].
    Text(usize),
    /// The raised call of a note: (block, note index).
    Call(usize, usize),
    /// The printed label that opens a note (note index).
    Label(usize),
    /// A list item's marker (`3.`, `•`) on the first line of a block, the item's first: (block,
    /// index among the block's markers, outermost first; more than one when an item opens
    /// with a nested list).
    Marker(usize, usize),
    /// An image set in a line of block `b`: a stand-in with no text and one glyph as wide as
    /// the image, which is not drawn (the image is: its [`Mark::Image`], which the stand-in
    /// places in the reading order of its block's text).
    Image(usize),
}

/// What a block of the layout is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The main title.
    Title,
    /// A title in another language, under the main one.
    Subtitle,
    /// The author note under the titles.
    Byline,
    /// A heading of this level (1 for sections, abstracts and references).
    Heading(u8),
    /// A paragraph of running text, an abstract or a keyword list.
    Paragraph,
    /// A bibliography entry.
    Entry,
    /// A paragraph of a note (the note's index).
    Note(usize),
    /// The images of a figure: its content is drawn, not set ([`Mark::Image`]).
    Graphic,
}

/// A block of the logical structure; [`Layout::blocks`] lists them in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct StructBlock {
    /// What it is.
    pub kind: BlockKind,
    /// Its language, when known.
    pub lang: Option<LangTag>,
    /// The text of a title or heading (for the outline and a tagged PDF's heading titles).
    pub title: Option<String>,
    /// The quotations, lists and list items it is in, outermost first.
    pub nest: Vec<Container>,
}

/// One laid-out page.
#[derive(Debug, Clone, Default)]
pub struct LaidPage {
    /// Text pieces.
    pub glyphs: Vec<Glyphs>,
    /// Horizontal rules: x, y, width.
    pub rules: Vec<(Pt, Pt, Pt)>,
    /// Internal links: the clickable box (x, y, width, height) and where it leads.
    pub links: Vec<Link>,
    /// Table rules and images.
    pub marks: Vec<Mark>,
}

/// Something drawn on a page besides text and the notes' rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A rule of a table: left, top, width and thickness.
    Rule {
        /// Left edge.
        x: Pt,
        /// Top edge.
        y: Pt,
        /// Width.
        width: Pt,
        /// Thickness.
        thickness: Pt,
    },
    /// An image of a figure, or the framed box that stands for one that could not be loaded.
    Image {
        /// Left edge.
        x: Pt,
        /// Top edge.
        y: Pt,
        /// Width.
        width: Pt,
        /// Height.
        height: Pt,
        /// The key of its bytes in the document's media; `None` draws a frame.
        media: Option<String>,
        /// The block whose content it is: a figure's [`BlockKind::Graphic`], or the block
        /// in whose line it stands.
        block: usize,
        /// What it is in the structure.
        shown: Shown,
    },
}

/// What an image is in the logical structure.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// An image of a figure: the figure's content.
    Figure,
    /// An image in a line of text: a figure of its own, with this description, inside its
    /// paragraph, where its stand-in ([`Role::Image`]) stands.
    InLine(String),
    /// A copy drawn again as page furniture (a table's header row repeated on a new page).
    Artifact,
}

impl Mark {
    /// The same mark moved `dx` right and `dy` down.
    fn moved(&self, dx: Pt, dy: Pt) -> Mark {
        match self.clone() {
            Mark::Rule { x, y, width, thickness } => Mark::Rule { x: x + dx, y: y + dy, width, thickness },
            Mark::Image { x, y, width, height, media, block, shown } => {
                Mark::Image { x: x + dx, y: y + dy, width, height, media, block, shown }
            }
        }
    }
}

/// A place in the document: a page (from 0) and a y from the page's top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Page index, from 0.
    pub page: usize,
    /// Distance from the page's top.
    pub y: Pt,
}

/// An internal link: a box on the page and its destination.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Left, top, width and height of the clickable box.
    pub rect: (Pt, Pt, Pt, Pt),
    /// Where it leads.
    pub to: Place,
    /// What it is, for screen readers (`Note 14`, `Back to the call of note 14`).
    pub label: String,
    /// The note it belongs to, and whether it leads to the note (from its call) or back.
    pub note: usize,
    /// True for call → note, false for note → call.
    pub to_note: bool,
    /// For a cross-reference to a table or figure: the block whose text holds it (the note
    /// fields are then unused).
    pub xref: Option<usize>,
}

/// An entry of the document outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Depth: 0 for the title, 1 for abstracts, sections and references, more for subsections.
    pub level: u8,
    /// The entry's text.
    pub title: String,
    /// Where it leads.
    pub to: Place,
}

/// The article on pages, with a text dump of the pagination for tests.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The pages.
    pub pages: Vec<LaidPage>,
    /// `p3 line 12 y=…` / `p3 note 14 starts y=…` lines.
    pub dump: String,
    /// For each note (document order): its label, the page of its call, the page where it starts.
    pub notes: Vec<(String, usize, usize)>,
    /// For each note (document order): a footnote (at the foot of its call's page) or an
    /// endnote (in the notes section after the text, its blocks among the text's).
    pub kinds: Vec<NoteKind>,
    /// Lines wider than the measure.
    pub overfull: usize,
    /// Bookmarks: title, abstracts, sections, references.
    pub outline: Vec<OutlineEntry>,
    /// The blocks of the logical structure in reading order (notes after the body; a tagged
    /// PDF puts each note after its call).
    pub blocks: Vec<StructBlock>,
    /// Characters no face has, each with the text around its first use: they are set as a
    /// visible stand-in (see the shaper) and reported.
    pub missing: Vec<(char, String)>,
    /// Lowercase letters set in small capitals that their face has none of: set as smaller
    /// capitals instead, and reported.
    pub fake_small_caps: Vec<char>,
    /// Lines of code blocks too long for the measure, broken at it.
    pub broken_code: usize,
    /// What tables and figures could not be set as asked (a table set smaller, a figure
    /// with no description, a missing image).
    pub diagnostics: Vec<crate::diag::Diagnostic>,
}

/// The characters of `paras` that no face of `fonts` has, in order of first use, each with
/// up to 30 characters of the text around it.
fn missing_chars(paras: &[Para], fonts: &FontSet) -> Vec<(char, String)> {
    let faces = fonts.all();
    let mut seen: rustc_hash::FxHashSet<char> = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    // An image's description is not printed where the image is.
    for r in paras.iter().flat_map(|p| &p.runs).filter(|r| r.image.is_none()) {
        for (i, c) in r.text.char_indices() {
            // Every face set has ASCII; the rest is asked once per character.
            if c.is_ascii() || c.is_whitespace() || c.is_control() || !seen.insert(c) {
                continue;
            }
            if !faces.iter().any(|f| f.has(c)) {
                let before: String =
                    r.text[..i].chars().rev().take(15).collect::<Vec<_>>().into_iter().rev().collect();
                let after: String = r.text[i..].chars().take(15).collect();
                out.push((c, format!("{before}{after}")));
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Justify,
    Center,
    Left,
    Right,
}

struct Para {
    kind: BlockKind,
    lang: Option<LangTag>,
    runs: Vec<Run>,
    /// (run index, note index) of each call.
    calls: Vec<(usize, usize)>,
    align: Align,
    size: f64,
    leading: Pt,
    indent: Pt,
    hanging: Pt,
    /// Its margins inside the column (a quotation's, a list item's).
    inset: Inset,
    /// The markers of the list items it opens, hanging before its first line, outermost
    /// first.
    markers: Vec<Marker>,
    /// The quotations and lists it is in.
    nest: Vec<Container>,
    space_before: Pt,
    /// Space after its last line (the end of a quotation or list).
    space_after: Pt,
    keep_with_next: bool,
    /// Its last line stays on the page of what follows (a quotation's, with its source).
    keep_last_with_next: bool,
    /// An outline entry (level, text) for the paragraph's first line.
    outline: Option<(u8, String)>,
    /// A heading's text where it has no outline entry (an embedded text's heading).
    title: Option<String>,
    /// In a note: (run index of the printed label, note index), the back-link's anchor.
    label: Option<(usize, usize)>,
    /// A line of a code block: every character kept, broken only at the measure.
    verbatim: bool,
    /// Cross-references: the runs they cover and the table or figure they point to.
    refs: Vec<(std::ops::Range<usize>, String)>,
    /// The images set in its lines.
    images: Vec<inline::LineImage>,
}

impl Para {
    fn new(kind: BlockKind, lang: Option<&LangTag>, size: f64, leading: Pt, align: Align) -> Self {
        Para {
            kind,
            lang: lang.cloned(),
            runs: vec![],
            calls: vec![],
            align,
            size,
            leading,
            indent: Pt::ZERO,
            hanging: Pt::ZERO,
            inset: Inset::default(),
            markers: Vec::new(),
            nest: Vec::new(),
            space_before: Pt::ZERO,
            space_after: Pt::ZERO,
            keep_with_next: false,
            keep_last_with_next: false,
            outline: None,
            title: None,
            label: None,
            verbatim: false,
            refs: Vec::new(),
            images: Vec::new(),
        }
    }

    fn block(&self) -> StructBlock {
        StructBlock {
            kind: self.kind,
            lang: self.lang.clone(),
            title: self.outline.as_ref().map(|o| o.1.clone()).or_else(|| self.title.clone()),
            nest: self.nest.clone(),
        }
    }

    fn text(&mut self, text: &str, style: Style, lang: Option<&LangTag>) {
        if !text.is_empty() {
            self.runs.push(Run::plain(text, style, lang.cloned()));
        }
    }
}

#[derive(Clone)]
/// A set line: its glyph pieces, `x` from the line's left edge and `baseline` as a rise
/// above the line's baseline (negative for raised calls).
struct SetLine {
    pieces: Vec<Glyphs>,
    notes: Vec<usize>,
    overfull: bool,
    /// Boxes of note calls (note, x, width) and of a note's printed label.
    calls: Vec<(usize, Pt, Pt)>,
    label: Option<(usize, Pt, Pt)>,
    outline: Option<(u8, String)>,
    /// Boxes of cross-references (target, x, width).
    refs: Vec<(String, Pt, Pt)>,
    /// Rules and images, from the line's left and top.
    marks: Vec<Mark>,
    /// True when the pieces' baselines are measured from the line's top (a table row, a
    /// figure), not from its baseline.
    from_top: bool,
    /// Space the line needs above its leading for an image in it taller than its text.
    above: Pt,
}

impl SetLine {
    /// An empty line whose pieces are measured from its top (a table row, a figure).
    fn from_top() -> Self {
        SetLine {
            pieces: Vec::new(),
            notes: Vec::new(),
            overfull: false,
            calls: Vec::new(),
            label: None,
            outline: None,
            refs: Vec::new(),
            marks: Vec::new(),
            from_top: true,
            above: Pt::ZERO,
        }
    }

    /// Moves everything on the line `dx` to the right.
    fn shift(&mut self, dx: Pt) {
        self.pieces.iter_mut().for_each(|g| g.x += dx);
        self.calls.iter_mut().for_each(|c| c.1 += dx);
        self.refs.iter_mut().for_each(|c| c.1 += dx);
        if let Some(l) = &mut self.label {
            l.1 += dx;
        }
        for m in &mut self.marks {
            *m = m.moved(dx, Pt::ZERO);
        }
    }

    /// Moves the line's pieces onto a page, its left edge at `left` and baseline at `base`
    /// (its top for a line measured from its top; a line is placed once).
    fn place(&mut self, page: &mut LaidPage, left: Pt, base: Pt) {
        for g in std::mem::take(&mut self.pieces) {
            page.glyphs.push(Glyphs { x: left + g.x, baseline: base + g.baseline, ..g });
        }
        for m in std::mem::take(&mut self.marks) {
            page.marks.push(m.moved(left, base));
        }
    }
}

/// Sets paragraph `p`, which is block `block`, in a column of `column`: its lines as wide as
/// its inset leaves, moved in by it, a list item's marker before the first.
fn set_para(p: &Para, block: usize, shaper: &Shaper, column: Pt) -> Vec<SetLine> {
    let measure = p.inset.measure(column);
    let sh = shaper.at(p.size);
    // Only justified text is hyphenated: titles and headings keep their words whole.
    let built: Built = if p.verbatim {
        build_verbatim(&p.runs, &sh)
    } else if p.align == Align::Justify {
        build(&p.runs, &sh)
    } else {
        let whole: Vec<Run> = p.runs.iter().map(|r| Run { lang: None, ..r.clone() }).collect();
        build(&whole, &sh)
    };
    let first = measure - p.indent;
    let rest = measure - p.hanging;
    let lines = break_lines(&built.items, &|n| if n == 0 { first } else { rest });
    // The note each run calls, if it is a call (looked up for every word).
    let mut call_of: Vec<Option<usize>> = vec![None; p.runs.len()];
    for &(run, note) in &p.calls {
        call_of[run].get_or_insert(note);
    }
    let mut ref_of: Vec<Option<usize>> = Vec::new();
    if !p.refs.is_empty() {
        ref_of = vec![None; p.runs.len()];
        for (k, (range, _)) in p.refs.iter().enumerate() {
            let runs = range.start.min(ref_of.len())..range.end.min(ref_of.len());
            for r in runs {
                ref_of[r].get_or_insert(k);
            }
        }
    }
    let role = |run: usize| match (call_of[run], p.label) {
        (Some(note), _) => Role::Call(block, note),
        (None, Some((r, note))) if r == run => Role::Label(note),
        _ => Role::Text(block),
    };
    // The paragraph's levels, and where each run starts in its text, when it has
    // right-to-left text (most have none, and cost one scan).
    let bidi: Option<(Levels, Vec<usize>)> = p
        .runs
        .iter()
        .any(|r| r.text.chars().any(bidi::is_rtl))
        .then(|| {
            let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
            let offsets =
                p.runs.iter().scan(0, |at, r| Some(std::mem::replace(at, *at + r.text.len()))).collect();
            Levels::of(&text).map(|l| (l, offsets))
        })
        .flatten();
    let mut out = Vec::new();
    // A line that ends at a forced break (a line break inside the paragraph) ends like a
    // last line: not justified, and with a space for text extraction.
    let forced = |k: usize| matches!(built.items[k], Item::Penalty { cost, .. } if cost <= FORCED);
    for (n, line) in lines.iter().enumerate() {
        let ratio = match p.align {
            Align::Justify
                if line.end + 1 < built.items.len() - 1 && n + 1 < lines.len() && !forced(line.end) =>
            {
                line.ratio
            }
            Align::Justify | Align::Left | Align::Center | Align::Right => line.ratio.min(0.0),
        };
        let mut x = if n == 0 { p.indent } else { p.hanging };
        let mut pieces = Vec::new();
        let mut notes = Vec::new();
        let mut calls = Vec::new();
        let mut refs: Vec<(String, Pt, Pt)> = Vec::new();
        let mut label = None;
        // Per piece (with right-to-left text in the paragraph): its embedding level.
        let mut levels: Vec<u8> = Vec::new();
        // Boxes of one word (its syllables) on one line are drawn as one piece: the word as
        // it was shaped and measured, not one text object per syllable.
        let mut word: Option<(usize, usize, usize, Pt)> = None; // run, start, end, x
                                                                // Per word set (in order): its decoration's stretch, or `None` for a word without one.
        let mut decos: Vec<Option<DecoratedStretch>> = Vec::new();
        let emit = |pieces: &mut Vec<Glyphs>,
                    levels: &mut Vec<u8>,
                    word: &mut Option<(usize, usize, usize, Pt)>,
                    decos: &mut Vec<Option<DecoratedStretch>>| {
            let Some((r, start, end, x)) = word.take() else { return };
            let run = &p.runs[r];
            let size = p.size * run.scale;
            let rise = Pt(p.size * run.rise);
            let mut px = x;
            // With right-to-left text about, the word is shaped level run by level run, each
            // in its resolved direction.
            let parts: Vec<(std::ops::Range<usize>, Option<u8>)> = match &bidi {
                None => vec![(start..end, None)],
                Some((l, off)) => l
                    .runs(off[r] + start..off[r] + end)
                    .into_iter()
                    .map(|(range, level)| (range.start - off[r]..range.end - off[r], Some(level)))
                    .collect(),
            };
            for (range, level) in parts {
                let text = &run.text[range];
                let shaped = match level {
                    _ if run.variant != Variant::Plain => {
                        sh.at(size).pieces_as(text, run.style, level.map(|l| l % 2 == 1), run.variant)
                    }
                    None => sh.at(size).pieces(text, run.style),
                    Some(level) => sh.at(size).pieces_directed(text, run.style, level % 2 == 1),
                };
                for piece in shaped {
                    pieces.push(Glyphs {
                        x: px,
                        baseline: -rise,
                        size,
                        face: piece.face,
                        text: piece.text,
                        lang: run.lang.clone(),
                        role: role(r),
                        glyphs: piece.glyphs,
                        space: None,
                        rtl: false,
                    });
                    levels.push(level.unwrap_or(0));
                    px += piece.width;
                }
            }
            decos.push(run.decoration.map(|d| DecoratedStretch { decoration: d, x, end: px, size, rise }));
        };
        // The images on the line: (their stand-in among the pieces, the image).
        let mut images: Vec<(usize, &inline::LineImage)> = Vec::new();
        for k in line.start..line.end {
            match built.items[k] {
                Item::Box { width } => {
                    let image = built.pieces[k]
                        .as_ref()
                        .filter(|pc| p.runs[pc.run].image.is_some())
                        .and_then(|pc| p.images.iter().find(|i| i.run == pc.run));
                    if let Some(image) = image {
                        emit(&mut pieces, &mut levels, &mut word, &mut decos);
                        images.push((pieces.len(), image));
                        pieces.push(inline::stand_in(image, x, p.size, block));
                        levels.push(levels.last().copied().unwrap_or(0));
                        x += width;
                        continue;
                    }
                    if let Some(piece) = &built.pieces[k] {
                        match &mut word {
                            Some((r, _, end, _)) if *r == piece.run && *end == piece.start => {
                                *end = piece.end
                            }
                            _ => {
                                emit(&mut pieces, &mut levels, &mut word, &mut decos);
                                word = Some((piece.run, piece.start, piece.end, x));
                            }
                        }
                        if let Some(note) = call_of[piece.run] {
                            if !notes.contains(&note) {
                                notes.push(note);
                            }
                            calls.push((note, x, width));
                        }
                        if let Some((_, note)) = p.label.filter(|(r, _)| *r == piece.run) {
                            label = Some((note, x, width));
                        }
                        if let Some(&Some(k)) = ref_of.get(piece.run) {
                            match refs.last_mut() {
                                Some(last) if last.0 == p.refs[k].1 && last.1 + last.2 >= x - Pt(4.0) => {
                                    last.2 = x + width - last.1
                                }
                                _ => refs.push((p.refs[k].1.clone(), x, width)),
                            }
                        }
                    }
                    x += width;
                }
                Item::Glue { width, stretch, shrink } => {
                    emit(&mut pieces, &mut levels, &mut word, &mut decos);
                    x += width + if ratio >= 0.0 { stretch * ratio } else { shrink * ratio };
                    word_space(&mut pieces, shaper);
                }
                Item::Penalty { .. } => {}
            }
        }
        emit(&mut pieces, &mut levels, &mut word, &mut decos);
        // A line broken at a space keeps it, so that extracted text does not glue the words.
        let last = line.end + 1 == built.items.len();
        if matches!(built.items[line.end], Item::Glue { .. }) && line.end + 2 < built.items.len()
            || forced(line.end) && !last
            || p.verbatim && last
        {
            word_space(&mut pieces, shaper);
        }
        // A line broken at a hyphenation point ends with a hyphen.
        if let Item::Penalty { width, .. } = built.items[line.end] {
            if width > Pt::ZERO {
                let style = (line.start..line.end)
                    .rev()
                    .find_map(|k| built.pieces[k].as_ref())
                    .map_or(Style::Regular, |pc| p.runs[pc.run].style);
                let face = sh.face_for('-', style);
                // The glyph of `-`, standing for the two bytes of U+00AD.
                let mut hyphen: Vec<ShapedGlyph> = shaper.glyphs(face, "-").to_vec();
                for g in &mut hyphen {
                    g.range = 0..SOFT_HYPHEN.len();
                }
                let role = pieces.last().map_or(Role::Text(block), |g: &Glyphs| g.role);
                let lang = pieces.last().and_then(|g| g.lang.clone());
                pieces.push(Glyphs {
                    x,
                    baseline: Pt::ZERO,
                    size: p.size,
                    face,
                    // A soft hyphen: drawn as `-`, read as nothing by text extraction and
                    // screen readers (PDF 1.7 §14.8.2.2.3), so the word comes back whole.
                    text: SOFT_HYPHEN.into(),
                    lang,
                    role,
                    glyphs: std::sync::Arc::new(hyphen),
                    space: None,
                    rtl: false,
                });
                levels.push(levels.last().copied().unwrap_or(0));
                x += width;
            }
        }
        if let Some((l, _)) = &bidi {
            let start = if n == 0 { p.indent } else { p.hanging };
            x = visual(&mut pieces, &levels, l, &mut calls, &mut label, |width| match p.align {
                // A right-to-left line starts at the right, after its indent.
                Align::Justify | Align::Left if l.rtl() => measure - start - width,
                _ => start,
            });
        }
        let natural = x;
        let shift = match p.align {
            Align::Center => (measure - natural) * 0.5,
            Align::Right => measure - natural,
            Align::Justify | Align::Left => Pt::ZERO,
        };
        if shift != Pt::ZERO {
            for g in &mut pieces {
                g.x += shift;
            }
            calls.iter_mut().for_each(|c| c.1 += shift);
            refs.iter_mut().for_each(|c| c.1 += shift);
        }
        let outline = if n == 0 { p.outline.clone() } else { None };
        let (mut marks, above) = inline::marks(&images, &pieces, p, block);
        // Lines with right-to-left text are reordered piece by piece: their decorations
        // are not drawn (the text and its structure are kept).
        if bidi.is_none() {
            marks.extend(decoration_rules(&decos, shift));
        }
        out.push(SetLine {
            pieces,
            notes,
            overfull: line.overfull,
            calls,
            label,
            outline,
            refs,
            marks,
            from_top: false,
            above,
        });
    }
    let rtl = bidi.as_ref().is_some_and(|(l, _)| l.rtl());
    if let Some(first) = out.first_mut() {
        let markers = p.markers.iter().enumerate();
        let pieces: Vec<Glyphs> = markers
            .flat_map(|(i, m)| marker_pieces(m, m.x(measure, rtl), Role::Marker(block, i), shaper))
            .collect();
        first.pieces.splice(0..0, pieces);
    }
    let left = p.inset.left(rtl);
    out.iter_mut().for_each(|l| l.shift(left));
    out
}

/// A run of decorated words on a line: its decoration, left and right edges, size and rise.
#[derive(Clone, Copy)]
struct DecoratedStretch {
    decoration: Decoration,
    x: Pt,
    end: Pt,
    size: f64,
    rise: Pt,
}

/// The rules of a line's decorated words (`decos`, in the order set; `None` for a word
/// without decoration), moved by `shift`: words side by side with the same decoration share
/// one rule across the space between them, as a typist's underline runs on.
fn decoration_rules(decos: &[Option<DecoratedStretch>], shift: Pt) -> Vec<Mark> {
    let mut merged: Vec<DecoratedStretch> = Vec::new();
    let mut joined = false;
    for d in decos {
        if let Some(d) = d {
            match merged.last_mut() {
                Some(last) if joined && last.decoration == d.decoration && last.rise == d.rise => {
                    last.end = last.end.max(d.end);
                    last.size = last.size.max(d.size);
                }
                _ => merged.push(*d),
            }
        }
        joined = d.is_some();
    }
    merged
        .into_iter()
        .map(|d| {
            let (top, thickness) = inline::decoration_rule(d.decoration);
            Mark::Rule {
                x: d.x + shift,
                y: Pt(d.size * top) - d.rise,
                width: d.end - d.x,
                thickness: Pt(d.size * thickness),
            }
        })
        .collect()
}

/// The pieces of a list item's marker, its left edge at `x`, with a word space after it
/// (for text extraction).
fn marker_pieces(m: &Marker, x: Pt, role: Role, shaper: &Shaper) -> Vec<Glyphs> {
    let size = m.size;
    let mut x = x;
    let mut out: Vec<Glyphs> = shaper
        .pieces(&m.text, Style::Regular, size)
        .into_iter()
        .map(|piece| {
            let g = Glyphs {
                x,
                baseline: Pt::ZERO,
                size,
                face: piece.face,
                text: piece.text,
                lang: None,
                role,
                glyphs: piece.glyphs,
                space: None,
                rtl: false,
            };
            x += piece.width;
            g
        })
        .collect();
    word_space(&mut out, shaper);
    out
}

/// The text of a hyphen that a line break made (it is drawn as `-`).
pub const SOFT_HYPHEN: &str = "\u{AD}";

/// Ends the last piece with a space (word spaces are drawn as gaps; the space character
/// tells text extraction and screen readers where a word ends).
fn word_space(pieces: &mut [Glyphs], shaper: &Shaper) {
    if let Some(last) = pieces.last_mut() {
        // An image's stand-in is not text: the word before it has its own space.
        if !last.text.ends_with(char::is_whitespace) && !matches!(last.role, Role::Image(_)) {
            last.space = Some(shaper.space_glyph(last.face, last.text.len()));
            last.text.push(' ');
        }
    }
}

/// Lays out the `pieces` of a line (logical order, left edges as broken left to right) in
/// visual order: each piece's `x` becomes its place on the line, whose left edge `left`
/// gives from the line's width; right-to-left pieces draw their word space first; the
/// boxes of note calls and of a note's label move with the text they are in. Returns the
/// line's right edge.
fn visual(
    pieces: &mut [Glyphs],
    levels: &[u8],
    para: &Levels,
    calls: &mut [(usize, Pt, Pt)],
    label: &mut Option<(usize, Pt, Pt)>,
    left: impl Fn(Pt) -> Pt,
) -> Pt {
    // Widths without the word space: a space is the gap to the next piece.
    let boxes: Vec<bidi::Piece> = pieces
        .iter()
        .zip(levels)
        .map(|(g, &level)| bidi::Piece {
            x: g.x,
            width: Pt(g.glyphs.iter().map(|a| f64::from(a.advance)).sum::<f64>() * g.size),
            level,
        })
        .collect();
    let v = bidi::reorder(&boxes, para.base());
    let left = left(v.width);
    let moved = |x: Pt, w: Pt| -> Pt {
        match boxes.iter().rposition(|b| b.x <= x + Pt(1e-6)) {
            Some(i) => left + bidi::place_inside(&boxes[i], v.x[i], x, w),
            None => left + x,
        }
    };
    for (_, x, w) in calls.iter_mut() {
        *x = moved(*x, *w);
    }
    if let Some((_, x, w)) = label {
        *x = moved(*x, *w);
    }
    for ((g, b), vx) in pieces.iter_mut().zip(&boxes).zip(&v.x) {
        g.x = left + *vx;
        g.rtl = b.level % 2 == 1;
        if let Some(space) = g.space.as_ref().filter(|_| g.rtl) {
            g.x -= Pt(f64::from(space.advance) * g.size);
        }
    }
    left + v.width
}

/// Sets every paragraph (paragraph `i` is block `i`), on as many threads as the machine has
/// cores, up to four, which take the paragraphs longest first; each thread shapes with its
/// own [`Shaper`]. The lines are the same as set in order on one thread: shaping and
/// breaking do not depend on what came before.
fn set_all(paras: &[Para], fonts: &FontSet, measure: Pt) -> Vec<Vec<SetLine>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    set_on(paras, fonts, measure, threads)
}

/// [`set_all`] on `threads` threads.
fn set_on(paras: &[Para], fonts: &FontSet, measure: Pt, threads: usize) -> Vec<Vec<SetLine>> {
    let threads = threads.min(paras.len());
    if threads <= 1 {
        let shaper = Shaper::new(fonts);
        return paras.iter().enumerate().map(|(i, p)| set_para(p, i, &shaper, measure)).collect();
    }
    // Longest paragraph first; each thread (this one too) takes the next paragraph as soon
    // as it is done with one, so that all finish within a short paragraph of each other.
    let size = |p: &Para| p.runs.iter().map(|r| r.text.len()).sum::<usize>() + 1;
    let mut order: Vec<usize> = (0..paras.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(size(&paras[i])));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let shaper = Shaper::new(fonts);
        let mut mine = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
            mine.push((i, set_para(&paras[i], i, &shaper, measure)));
        }
        mine
    };
    let mut out: Vec<Vec<SetLine>> = paras.iter().map(|_| Vec::new()).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        for (i, lines) in done {
            out[i] = lines;
        }
    });
    out
}

/// A table or figure in the body (in a quotation or list too): set from its paragraphs into
/// lines of its own.
enum Object {
    Table(table::Plan),
    /// A figure, and whether it may float (in the text, not in a quotation or list).
    Figure(figure::Plan, bool),
}

impl Object {
    /// The paragraphs it turns into its own lines.
    fn paras(&self) -> std::ops::Range<usize> {
        match self {
            Object::Table(t) => t.cells_at.clone(),
            Object::Figure(f, _) => f.paras.clone(),
        }
    }

    /// Moves what it draws itself (rules, images) `dx` to the right; its paragraphs are
    /// moved by their insets.
    fn shift(&mut self, dx: Pt) {
        match self {
            Object::Table(t) => t.shift(dx),
            Object::Figure(f, _) => f.shift(dx),
        }
    }
}

/// The printed label of each table and figure of the document with an id (in the body, its
/// quotations and lists, the front matter and the notes), for the cross-references to it
/// (its id when it has no label); the first of two with one id.
fn labels(doc: &Document) -> rustc_hash::FxHashMap<String, String> {
    fn walk(b: &Block, out: &mut rustc_hash::FxHashMap<String, String>) {
        let (id, label) = match b {
            Block::Table(t) => (t.id.as_ref(), t.label.as_ref()),
            Block::Figure(f) => (f.id.as_ref(), f.label.as_ref()),
            _ => (None, None),
        };
        if let Some(id) = id {
            out.entry(id.clone()).or_insert_with(|| label.filter(|l| !l.is_empty()).unwrap_or(id).clone());
        }
        b.children().into_iter().for_each(|c| walk(c, out));
    }
    let mut out = rustc_hash::FxHashMap::default();
    let front = doc.front.iter().flat_map(|p| &p.blocks);
    front.chain(&doc.body).for_each(|b| walk(b, &mut out));
    doc.notes().iter().flat_map(|n| &n.content).for_each(|b| walk(b, &mut out));
    out
}

/// Replaces the id a cross-reference without text of its own was set as by its target's
/// label; reports the targets that are not a table or figure of the body.
fn resolve_refs(paras: &mut [Para], labels: &rustc_hash::FxHashMap<String, String>, out: &mut Layout) {
    for p in paras.iter_mut().filter(|p| !p.refs.is_empty()) {
        for (range, target) in &p.refs {
            match labels.get(target) {
                Some(label) => {
                    // A run standing for the label alone: the reader gave no text.
                    if range.len() == 1 && p.runs[range.start].unbreakable && p.runs[range.start].text == *target {
                        p.runs[range.start].text = label.clone();
                        p.runs[range.start].unbreakable = false;
                    }
                }
                None => out.diagnostics.push(crate::diag::Diagnostic::warning(
                    "pdf-ref-unknown",
                    0,
                    format!("a cross-reference points to {}, which is no table or figure of the text: it is printed without a link", crate::diag::quoted(target)),
                )),
            }
        }
    }
}

/// Where a call or a note's label stands: page, x, top, width, height.
type Anchor = (usize, Pt, Pt, Pt, Pt);

/// Appends the paragraphs of note `n` (index `i`) to `paras`, in the notes' size, its printed
/// label opening the first; `at` is the nester, the page style and the document's language.
fn note_paras(
    n: &Note,
    i: usize,
    at: (&mut nested::Nester, &PageStyle, Option<&LangTag>),
    paras: &mut Vec<Para>,
) {
    let (nester, style, doc_lang) = at;
    let lang = n.lang.as_ref().or(doc_lang);
    let (size, leading) = (style.note_size, style.note_leading);
    let frame =
        nested::Frame::new(BlockKind::Note(i), (size, leading), (size, leading), style.measure(), lang);
    let first = paras.len();
    // A call inside a note is printed; its note follows this one (below).
    let mut inner = Vec::new();
    n.content.iter().for_each(|b| nester.block(b, &frame, &mut inner, paras));
    // A note without text still prints its label: one paragraph at least, so every note
    // has a line to hold it (at the foot of its page, or among the endnotes).
    if paras.len() == first {
        paras.push(Para::new(BlockKind::Note(i), lang, size, leading, Align::Justify));
    }
    // A call the source lost and the reader placed is marked, as in the e-book.
    let mark = if n.anchor == crate::model::Anchor::Inferred { "?" } else { "" };
    let p = &mut paras[first];
    p.runs.insert(0, Run::plain(format!("{}{mark} ", n.label), Style::Bold, None));
    p.label = Some((0, i));
    // What points at the runs moves with them.
    p.images.iter_mut().for_each(|image| image.run += 1);
    for (range, _) in &mut p.refs {
        *range = range.start + 1..range.end + 1;
    }
    for p in &mut paras[first..] {
        p.calls.clear();
    }
    // A note inside this note (TEI allows them) follows it on the same page, in its blocks,
    // under its own label (issue 23: only its call was printed, its text lost).
    for m in &inner {
        let start = paras.len();
        note_paras(m, i, (&mut *nester, style, doc_lang), paras);
        if let Some(p) = paras.get_mut(start) {
            // The label's tag belongs to the outer note; this one's label is its text.
            p.label = None;
        }
    }
}

/// Lays out `doc` with `fonts` on pages of `style`.
pub fn layout(doc: &Document, fonts: &FontSet, style: &PageStyle) -> Layout {
    let shaper = Shaper::new(fonts);
    let m = &doc.meta;
    let doc_lang = m.lang.as_ref();
    let mut paras: Vec<Para> = Vec::new();
    let mut notes: Vec<crate::model::Note> = Vec::new();
    // Every size and space below is drawn for 10.5 pt text and scales with the page style's.
    let k = style.size / 10.5;
    let small = style.size * 0.9;
    let small_leading = style.leading * 0.9;

    for (i, t) in m.titles.iter().enumerate() {
        let lang = t.lang.as_ref().or(doc_lang);
        let mut p = Para::new(
            if i == 0 { BlockKind::Title } else { BlockKind::Subtitle },
            lang,
            if i == 0 { 15.0 * k } else { 12.0 * k },
            Pt(if i == 0 { 19.0 } else { 15.0 }) * k,
            Align::Center,
        );
        p.text(&t.text, if i == 0 { Style::Bold } else { Style::Italic }, lang);
        if i == 0 {
            p.outline = Some((0, t.text.clone()));
        }
        paras.push(p);
    }
    for a in &m.authors {
        let text = a.note.clone().or_else(|| {
            let parts: Vec<&str> = [a.name.as_deref(), a.affiliation.as_deref(), a.email.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(" · "))
        });
        if let Some(text) = text {
            let mut p = Para::new(BlockKind::Byline, doc_lang, small, small_leading, Align::Center);
            p.space_before = Pt(6.0) * k;
            p.text(&text, Style::Regular, doc_lang);
            paras.push(p);
        }
    }
    let column_height = style.height - style.margins[0] - style.margins[1];
    let mut nester = nested::Nester::new(&shaper, &doc.media, column_height);
    front::parts(&doc.front, &mut nester, style, doc_lang, &mut notes, &mut paras);
    for a in &m.abstracts {
        let lang = a.lang.as_ref().or(doc_lang);
        let mut h = Para::new(BlockKind::Heading(1), lang, small, small_leading, Align::Left);
        h.space_before = Pt(12.0) * k;
        h.keep_with_next = true;
        h.text(a.heading.as_deref().unwrap_or("Abstract"), Style::Bold, lang);
        h.outline = Some((1, a.heading.clone().unwrap_or_else(|| "Abstract".into())));
        paras.push(h);
        for b in &a.content {
            if !matches!(b, Block::Paragraph { .. } | Block::Heading { .. }) {
                // A list, quotation or table of an abstract is set as one, in the abstract's
                // size (issue 23: each was an empty paragraph, its text and notes lost).
                let frame = nested::Frame::new(
                    BlockKind::Paragraph,
                    (small, small_leading),
                    (small, small_leading),
                    style.measure(),
                    lang,
                );
                nester.block(b, &frame, &mut notes, &mut paras);
                continue;
            }
            let mut p = Para::new(BlockKind::Paragraph, lang, small, small_leading, Align::Justify);
            runs(&mut p, b.content(), Style::Regular, lang, &mut notes);
            paras.push(p);
        }
    }
    for list in &m.keywords {
        let lang = list.lang.as_ref().or(doc_lang);
        let mut p = Para::new(BlockKind::Paragraph, lang, small, small_leading, Align::Justify);
        p.space_before = Pt(6.0) * k;
        p.text(&format!("{}: ", list.heading.as_deref().unwrap_or("Keywords")), Style::Italic, lang);
        p.text(&list.terms.join(", "), Style::Regular, lang);
        paras.push(p);
    }
    let mut after_heading = true;
    let measure = style.measure();
    let mut diagnostics = Vec::new();
    // The level of the last heading, under which an embedded text's headings rank.
    let mut under = 0;
    // The frame of a block of the body set through the nester, under a heading of `under`.
    let body_frame = |under: u8| {
        let mut frame = nested::Frame::new(
            BlockKind::Paragraph,
            (style.size, style.leading),
            (small, small_leading),
            measure,
            doc_lang,
        );
        frame.level = under;
        frame
    };
    for (i, b) in doc.body.iter().enumerate() {
        match b {
            Block::Heading { content, level } => {
                let mut p = Para::new(
                    BlockKind::Heading(*level),
                    doc_lang,
                    style.size * 1.05,
                    style.leading,
                    Align::Left,
                );
                p.outline = Some((*level, crate::model::plain_text(content)));
                p.space_before = Pt(14.0) * k;
                p.keep_with_next = true;
                runs(&mut p, content, Style::Bold, doc_lang, &mut notes);
                paras.push(p);
                after_heading = true;
                under = *level;
            }
            Block::Paragraph { content, lang } => {
                let lang = lang.as_ref().or(doc_lang);
                let mut p = Para::new(BlockKind::Paragraph, lang, style.size, style.leading, Align::Justify);
                if i == 0 {
                    p.space_before = Pt(16.0) * k;
                }
                if !after_heading {
                    p.indent = Pt(style.size * 1.5);
                }
                runs(&mut p, content, Style::Regular, lang, &mut notes);
                paras.push(p);
                after_heading = false;
            }
            // A table kept as an extractor's lines (no cells to set): its caption, the lines
            // set as code (which breaks across pages between lines, where one cell could
            // not), and its source line.
            Block::Table(t) if table::verbatim(t) => {
                let frame = body_frame(under);
                let first = paras.len();
                let blocks = crate::write::degrade::table_or_figure_blocks(b);
                nester.blocks(&blocks, &frame, false, &mut notes, &mut paras);
                if !t.caption.is_empty() || t.label.is_some() {
                    if let Some(p) = paras.get_mut(first) {
                        p.keep_with_next = true;
                        p.space_before = p.space_before.max(style.leading * 0.5);
                    }
                }
                after_heading = false;
            }
            Block::Table(t) => {
                let first = paras.len();
                let plan = table::build(
                    t,
                    &mut nester,
                    (small, small_leading),
                    measure,
                    doc_lang,
                    &mut notes,
                    &mut paras,
                    &mut diagnostics,
                );
                if let Some(p) = paras.get_mut(first) {
                    p.space_before = p.space_before.max(style.leading * 0.5);
                }
                if let Some(p) = paras.last_mut() {
                    p.space_after = p.space_after.max(style.leading * 0.5);
                }
                nester.place(Object::Table(plan), t.id.as_ref(), first);
                after_heading = false;
            }
            Block::Figure(f) => {
                let first = paras.len();
                let plan = figure::build(
                    f,
                    &mut nester,
                    (small, small_leading),
                    (measure, column_height),
                    doc_lang,
                    &doc.media,
                    &mut notes,
                    &mut paras,
                    &mut diagnostics,
                );
                paras[first].space_before = style.leading * 0.5;
                nester.place(Object::Figure(plan, true), f.id.as_ref(), first);
                after_heading = false;
            }
            _ => {
                let frame = body_frame(under);
                let first = paras.len();
                nester.block(b, &frame, &mut notes, &mut paras);
                if i == 0 {
                    if let Some(p) = paras.get_mut(first) {
                        p.space_before += Pt(16.0) * k;
                    }
                }
                // After a section break or an epigraph the text starts anew, its first line
                // not indented.
                after_heading = matches!(b, Block::SectionBreak | Block::Quote { epigraph: true, .. });
            }
        }
    }
    // The references are built before the endnotes are set (an entry may call one), and set
    // after them.
    let bib_paras = match &doc.back.bibliography {
        Some(bib) => biblio::paragraphs(bib, doc_lang, style, &mut notes),
        None => Vec::new(),
    };
    // Endnotes follow the text under their heading, before the references (as Chicago sets
    // a book's notes): text paragraphs in the notes' size, each note's label first.
    if notes.iter().any(|n| n.kind == NoteKind::End) {
        let heading = notes_heading(doc_lang.map_or("", |l| l.as_str()));
        let mut h = Para::new(BlockKind::Heading(1), doc_lang, style.size * 1.05, style.leading, Align::Left);
        h.space_before = Pt(16.0) * k;
        h.keep_with_next = true;
        h.text(heading, Style::Bold, doc_lang);
        h.outline = Some((1, heading.to_string()));
        paras.push(h);
        for (i, n) in notes.iter().enumerate().filter(|(_, n)| n.kind == NoteKind::End) {
            let first = paras.len();
            note_paras(n, i, (&mut nester, style, doc_lang), &mut paras);
            paras[first].space_before = Pt(3.0) * k;
        }
    }
    paras.extend(bib_paras);

    // The footnotes' paragraphs follow the text's (their blocks number on).
    let body_paras = paras.len();
    let mut note_of: Vec<usize> = Vec::new();
    for (i, n) in notes.iter().enumerate().filter(|(_, n)| n.kind == NoteKind::Foot) {
        note_paras(n, i, (&mut nester, style, doc_lang), &mut paras);
        note_of.resize(paras.len() - body_paras, i);
    }
    let objects = std::mem::take(&mut nester.objects);
    let targets = std::mem::take(&mut nester.targets);
    diagnostics.append(&mut nester.diags);
    let fake_small_caps = inline::resolve(&mut paras, &shaper);
    let mut pending = Layout { diagnostics, ..Layout::default() };
    if paras.iter().any(|p| !p.images.is_empty()) {
        inline::size_images(&mut paras, &doc.media, measure, &mut pending.diagnostics);
    }
    let label_map = if targets.is_empty() && paras.iter().all(|p| p.refs.is_empty()) {
        rustc_hash::FxHashMap::default()
    } else {
        labels(doc)
    };
    if paras.iter().any(|p| !p.refs.is_empty()) {
        resolve_refs(&mut paras, &label_map, &mut pending);
    }
    // Text in a language without hyphenation patterns is set unhyphenated: say so.
    pending.diagnostics.extend(crate::typeset::hyphenate::unhyphenated(
        paras
            .iter()
            .flat_map(|p| &p.runs)
            .filter(|r| r.image.is_none() && !r.unbreakable && r.text.chars().any(char::is_alphabetic))
            .filter_map(|r| r.lang.as_ref()),
    ));
    let blocks: Vec<StructBlock> = paras.iter().map(Para::block).collect();
    let missing = missing_chars(&paras, fonts);
    let mut sets = set_all(&paras, fonts, measure).into_iter();

    // Lines of the text column.
    let mut body: Vec<BodyLine> = Vec::new();
    let mut set: Vec<SetLine> = Vec::new();
    let mut overfull = 0;
    let mut broken_code = 0;
    let mut body_sets: Vec<Vec<SetLine>> = (&mut sets).take(body_paras).collect();
    let mut objects = objects.into_iter().peekable();
    // For each body line of a table row: the table's template (for a row that starts a
    // page) and whether it is the table's last row.
    let mut templates: Vec<table::Template> = Vec::new();
    let mut row_of: Vec<Option<(usize, bool)>> = Vec::new();
    // The first body line of each paragraph that starts a table or figure.
    let mut object_line: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut pk = 0;
    while pk < body_paras {
        if let Some(obj) = objects.next_if(|o| o.paras().start == pk) {
            let range = obj.paras();
            let p = &paras[pk];
            let space = p.space_before.max(pk.checked_sub(1).map_or(Pt::ZERO, |j| paras[j].space_after));
            let foot = |l: &SetLine| -> Vec<usize> {
                l.notes.iter().copied().filter(|&n| notes[n].kind == NoteKind::Foot).collect()
            };
            object_line.insert(pk, body.len());
            match obj {
                Object::Table(t) => {
                    let rows = t.rows(&mut body_sets);
                    let tpl = t.template(&rows, &shaper);
                    let head = tpl.height;
                    templates.push(tpl);
                    let n = rows.len();
                    for (r, row) in rows.into_iter().enumerate() {
                        overfull += usize::from(row.line.overfull);
                        body.push(BodyLine {
                            height: row.height,
                            notes: foot(&row.line),
                            para: range.start,
                            index: 0,
                            para_lines: 1,
                            keep_with_next: row.header || (row.last && t.sourced()) || (r == 0 && n > 1),
                            space_before: if r == 0 { space } else { Pt::ZERO },
                            hyphenated: false,
                            head: if row.header { Pt::ZERO } else { head },
                            float: false,
                        });
                        row_of.resize(body.len() - 1, None);
                        row_of.push(Some((templates.len() - 1, row.last)));
                        set.push(row.line);
                    }
                }
                Object::Figure(f, float) => {
                    let (line, height) = f.line(&mut body_sets, &paras);
                    overfull += usize::from(line.overfull);
                    body.push(BodyLine {
                        height,
                        notes: foot(&line),
                        para: range.start,
                        index: 0,
                        para_lines: 1,
                        keep_with_next: false,
                        space_before: space,
                        hyphenated: false,
                        head: Pt::ZERO,
                        float,
                    });
                    set.push(line);
                }
            }
            // A table without rows has no paragraphs of its own: the next one is not its.
            pk = range.end.max(pk);
            continue;
        }
        let lines = std::mem::take(&mut body_sets[pk]);
        let p = &paras[pk];
        // A table's caption: links to the table lead to it.
        if p.nest.iter().any(|c| matches!(c, Container::Table { .. })) {
            object_line.entry(pk).or_insert(body.len());
        }
        let n = lines.len();
        broken_code += usize::from(p.verbatim && n > 1);
        // Spaces meet, not add up: the larger of the space after a quotation or list and the
        // space before what follows.
        let space = p.space_before.max(pk.checked_sub(1).map_or(Pt::ZERO, |j| paras[j].space_after));
        for (i, l) in lines.into_iter().enumerate() {
            overfull += usize::from(l.overfull);
            body.push(BodyLine {
                height: p.leading + l.above,
                // Only footnotes go to the foot of the page.
                notes: l.notes.iter().copied().filter(|&n| notes[n].kind == NoteKind::Foot).collect(),
                para: pk,
                index: i,
                para_lines: n,
                keep_with_next: p.keep_with_next || (p.keep_last_with_next && i + 1 == n),
                space_before: if i == 0 { space } else { Pt::ZERO },
                hyphenated: i + 1 < n && l.pieces.last().is_some_and(|g| g.text.ends_with(['-', '\u{AD}'])),
                head: Pt::ZERO,
                float: false,
            });
            set.push(l);
        }
        pk += 1;
    }
    // Lines of the notes, each with the space above it (around a quotation or a list).
    let mut note_set: Vec<Vec<SetLine>> = notes.iter().map(|_| Vec::new()).collect();
    let mut note_space: Vec<Vec<Pt>> = notes.iter().map(|_| Vec::new()).collect();
    for (j, lines) in sets.enumerate() {
        overfull += lines.iter().filter(|l| l.overfull).count();
        let (n, k) = (note_of[j], body_paras + j);
        broken_code += usize::from(paras[k].verbatim && lines.len() > 1);
        let space = if note_set[n].is_empty() {
            Pt::ZERO
        } else {
            paras[k].space_before.max(paras[k - 1].space_after)
        };
        note_space[n]
            .extend(lines.iter().enumerate().map(|(i, l)| l.above + if i == 0 { space } else { Pt::ZERO }));
        note_set[n].extend(lines);
    }
    let note_lines: Vec<NoteLines> = notes
        .iter()
        .zip(&note_space)
        .map(|(n, spaces)| NoteLines {
            label: n.label.clone(),
            lines: spaces.iter().map(|&s| style.note_leading + s).collect(),
        })
        .collect();

    let top = style.margins[0];
    let frame = Frame { height: style.height - style.margins[0] - style.margins[1], rule: Pt(9.0) };
    let pages: Vec<Page> = paginate(&body, &note_lines, frame);
    let ascent = |leading: Pt| leading * 0.78;
    let mut out = Layout {
        dump: dump(&pages, &note_lines),
        overfull,
        blocks,
        missing,
        fake_small_caps,
        broken_code,
        ..pending
    };
    // Where each table and figure starts (its caption, or its first row), for links to it.
    let mut object_at: rustc_hash::FxHashMap<usize, Place> = rustc_hash::FxHashMap::default();
    if !targets.is_empty() {
        let wanted: rustc_hash::FxHashMap<usize, usize> = targets
            .iter()
            .filter_map(|(_, para)| {
                // A table's caption paragraph comes before its rows: its first line is
                // the caption's.
                object_line.get(para).map(|&l| (l, *para))
            })
            .collect();
        for (pn, page) in pages.iter().enumerate() {
            for &(i, y) in &page.lines {
                if let Some(&para) = wanted.get(&i) {
                    object_at.entry(para).or_insert(Place { page: pn, y: top + y });
                }
            }
        }
    }
    let target_at: rustc_hash::FxHashMap<&str, Place> =
        targets.iter().filter_map(|(id, para)| object_at.get(para).map(|p| (id.as_str(), *p))).collect();
    // A table or figure printed as paragraphs (in a note) has no place for a link to lead to.
    let mut unlinked: Vec<&str> = paras
        .iter()
        .flat_map(|p| &p.refs)
        .map(|(_, t)| t.as_str())
        .filter(|t| label_map.contains_key(*t) && !target_at.contains_key(t))
        .collect();
    unlinked.sort_unstable();
    unlinked.dedup();
    for t in unlinked {
        out.diagnostics.push(crate::diag::Diagnostic::warning(
            "pdf-ref-unlinked",
            0,
            format!("a cross-reference to {} prints its label without a link: that table or figure is printed as paragraphs (it is in a note), with no place to lead to", crate::diag::quoted(t)),
        ));
    }
    let mut call_page = vec![0usize; notes.len()];
    let mut note_page = vec![0usize; notes.len()];
    // Where each call and each note's label stand: (page, x, top, width, height).
    let mut call_at: Vec<Option<Anchor>> = vec![None; notes.len()];
    let mut label_at: Vec<Option<Anchor>> = vec![None; notes.len()];
    let title = m.titles.first().map(|t| t.text.clone()).unwrap_or_default();
    for (pn, page) in pages.iter().enumerate() {
        let mut lp = LaidPage::default();
        // A table's row that starts a page: its label, "(continued)" and header rows above.
        if let Some(&(i, _)) = page.lines.first() {
            if let Some(Some((t, _))) = row_of.get(i).filter(|_| body[i].head > Pt::ZERO) {
                let mut head = templates[*t].line.clone();
                head.place(&mut lp, style.margins[2], top);
            }
        }
        // A row that ends a page before its table does: a light rule under it.
        if let Some(&(i, y)) = page.lines.last() {
            if let (Some(Some((t, false))), true) = (row_of.get(i), pn + 1 < pages.len()) {
                lp.marks.push(templates[*t].break_rule(body[i].height).moved(style.margins[2], top + y));
            }
        }
        for &(i, y) in &page.lines {
            for &n in &set[i].notes {
                call_page[n] = pn + 1;
            }
            let base = if set[i].from_top {
                top + y
            } else {
                top + y + set[i].above + ascent(body[i].height - set[i].above)
            };
            for (target, x, w) in &set[i].refs {
                if let Some(to) = target_at.get(target.as_str()) {
                    lp.links.push(Link {
                        rect: (style.margins[2] + *x, top + y, *w, body[i].height.min(style.leading)),
                        to: *to,
                        label: format!(
                            "Go to {}",
                            label_map.get(target).map_or(target.as_str(), |l| l.as_str())
                        ),
                        note: 0,
                        to_note: false,
                        xref: Some(body[i].para),
                    });
                }
            }
            for &(note, x, w) in &set[i].calls {
                call_at[note].get_or_insert((pn, style.margins[2] + x, top + y, w, body[i].height));
            }
            // An endnote's label stands in the text column.
            if let Some((note, x, w)) = set[i].label {
                label_at[note].get_or_insert((pn, style.margins[2] + x, top + y, w, body[i].height));
                if note_page[note] == 0 {
                    note_page[note] = pn + 1;
                }
            }
            if let Some((level, title)) = &set[i].outline {
                out.outline.push(OutlineEntry {
                    level: *level,
                    title: title.clone(),
                    to: Place { page: pn, y: top + y },
                });
            }
            set[i].place(&mut lp, style.margins[2], base);
        }
        if let Some((_, y0)) = page.notes.first() {
            lp.rules.push((style.margins[2], top + *y0 - Pt(4.5), measure * 0.3));
        }
        for (part, y) in &page.notes {
            if part.from == 0 {
                note_page[part.note] = pn + 1;
            }
            let mut line_top = top + *y;
            for (k, line) in note_set[part.note][part.from..part.to].iter_mut().enumerate() {
                // A part continued from the page before starts at its top, without space.
                if k > 0 {
                    line_top += note_space[part.note][part.from + k];
                }
                if let Some((note, x, w)) = line.label {
                    label_at[note].get_or_insert((pn, style.margins[2] + x, line_top, w, style.note_leading));
                }
                let base = line_top + ascent(style.note_leading);
                line.place(&mut lp, style.margins[2], base);
                line_top += style.note_leading;
            }
        }
        if pn > 0 {
            // Running head (the title, shortened to the measure) and folio; not on page 1.
            let hs = shaper.at(8.0 * k);
            let (head, w) =
                running_head(&title, measure, |t| hs.pieces(t, Style::Italic).iter().map(|p| p.width).sum());
            let mut x = style.margins[2] + (measure - w) * 0.5;
            for piece in hs.pieces(&head, Style::Italic) {
                lp.glyphs.push(Glyphs {
                    x,
                    baseline: top - Pt(14.0),
                    size: 8.0 * k,
                    face: piece.face,
                    text: piece.text,
                    lang: doc_lang.cloned(),
                    role: Role::Artifact,
                    glyphs: piece.glyphs,
                    space: None,
                    rtl: false,
                });
                x += piece.width;
            }
            let folio = (pn + 1).to_string();
            let fs = hs.at(9.0 * k);
            let fw: Pt = fs.pieces(&folio, Style::Regular).iter().map(|p| p.width).sum();
            let mut x = style.margins[2] + (measure - fw) * 0.5;
            for piece in fs.pieces(&folio, Style::Regular) {
                lp.glyphs.push(Glyphs {
                    x,
                    baseline: style.height - style.margins[1] + Pt(20.0),
                    size: 9.0 * k,
                    face: piece.face,
                    text: piece.text,
                    lang: None,
                    role: Role::Artifact,
                    glyphs: piece.glyphs,
                    space: None,
                    rtl: false,
                });
                x += piece.width;
            }
        }
        out.pages.push(lp);
    }
    out.notes =
        notes.iter().enumerate().map(|(i, n)| (n.label.clone(), call_page[i], note_page[i])).collect();
    out.kinds = notes.iter().map(|n| n.kind).collect();
    // Links both ways: call → note, and the note's label → its call.
    for (i, n) in notes.iter().enumerate() {
        if let (Some(c), Some(l)) = (call_at[i], label_at[i]) {
            out.pages[c.0].links.push(Link {
                rect: (c.1, c.2, c.3, c.4),
                to: Place { page: l.0, y: l.2 },
                label: format!("{} {}", if n.kind == NoteKind::End { "Endnote" } else { "Note" }, n.label),
                note: i,
                to_note: true,
                xref: None,
            });
            out.pages[l.0].links.push(Link {
                rect: (l.1, l.2, l.3, l.4),
                to: Place { page: c.0, y: c.2 },
                label: format!(
                    "Back to the call of {} {}",
                    if n.kind == NoteKind::End { "endnote" } else { "note" },
                    n.label
                ),
                note: i,
                to_note: false,
                xref: None,
            });
        }
    }
    out
}

/// The title as a running head: whole when it fits the measure, else cut at a word with an
/// ellipsis; with its width.
fn running_head(title: &str, measure: Pt, width: impl Fn(&str) -> Pt) -> (String, Pt) {
    let w = width(title);
    if w <= measure {
        return (title.to_string(), w);
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let head = format!("{}…", words[..n].join(" ").trim_end_matches([',', ':', ';', '-', '–']));
        let w = width(&head);
        if w <= measure {
            return (head, w);
        }
    }
    let head = format!("{}…", words.first().copied().unwrap_or(""));
    let w = width(&head);
    (head, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decorated_words_side_by_side_share_one_rule_and_others_break_it() {
        let d = |decoration, x: f64, end: f64| {
            Some(DecoratedStretch { decoration, x: Pt(x), end: Pt(end), size: 10.0, rise: Pt::ZERO })
        };
        let u = Decoration::Underline;
        // `under lined` then a plain word, then `again`; then a struck word right after.
        let decos =
            [d(u, 0.0, 20.0), d(u, 23.0, 40.0), None, d(u, 60.0, 80.0), d(Decoration::Strike, 83.0, 90.0)];
        let rules: Vec<(f64, f64)> = decoration_rules(&decos, Pt(5.0))
            .into_iter()
            .map(|m| match m {
                Mark::Rule { x, width, .. } => (x.0, width.0),
                Mark::Image { .. } => panic!("a rule"),
            })
            .collect();
        assert_eq!(rules, [(5.0, 40.0), (65.0, 20.0), (88.0, 7.0)]);
    }

    #[test]
    fn the_example_keeps_every_note_on_the_page_of_its_call() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
        let (doc, _) = crate::load(&path, None, &crate::Resources::builtin()).unwrap();
        let fonts = FontSet::builtin();
        let l = layout(&doc, &fonts, &PageStyle::a4());
        assert_eq!(l.notes.len(), 103);
        for (label, call, start) in &l.notes {
            assert!(
                *call > 0 && call == start,
                "note {label}: call on p{call}, note starts on p{start}\n{}",
                l.dump
            );
        }
        assert_eq!(l.overfull, 0, "overfull lines");
        let links: usize = l.pages.iter().map(|p| p.links.len()).sum();
        assert_eq!(links, 2 * 103, "a link from every call to its note and back");
        let top: Vec<&str> = l.outline.iter().filter(|e| e.level <= 1).map(|e| e.title.as_str()).collect();
        assert_eq!(top.len(), 4, "{top:?}");
        assert_eq!(top[1..], ["Özet", "Abstract", "REFERENCES"], "{top:?}");
        eprintln!("{} pages", l.pages.len());
    }

    #[test]
    fn paragraphs_set_on_several_threads_are_set_as_on_one() {
        let fonts = FontSet::builtin();
        let text = "Zangezur, Nakhchivan and Karabakh were considered controversial territories; \
                    the Azerbaijani government protested strongly against the agreement. ";
        let paras: Vec<Para> = (1..=9)
            .map(|n| {
                let lang = LangTag::parse(if n % 2 == 0 { "en" } else { "tr" }).ok();
                let mut p = Para::new(BlockKind::Paragraph, lang.as_ref(), 10.5, Pt(13.5), Align::Justify);
                p.text(&text.repeat(n), Style::Regular, lang.as_ref());
                p
            })
            .collect();
        let glyphs = |sets: Vec<Vec<SetLine>>| -> Vec<Vec<Glyphs>> {
            sets.into_iter().flatten().map(|l| l.pieces).collect()
        };
        let one = glyphs(set_on(&paras, &fonts, Pt(300.0), 1));
        assert!(one.len() > 40);
        assert_eq!(glyphs(set_on(&paras, &fonts, Pt(300.0), 3)), one);
    }

    #[test]
    fn a_long_title_is_cut_at_a_word_for_the_running_head() {
        let chars = |t: &str| Pt(t.chars().count() as f64);
        assert_eq!(running_head("Short title", Pt(20.0), chars), ("Short title".into(), Pt(11.0)));
        assert_eq!(running_head("One two, three four", Pt(12.0), chars).0, "One two…");
        assert_eq!(running_head("Unbreakable", Pt(3.0), chars).0, "Unbreakable…");
    }

    #[test]
    fn every_paper_keeps_notes_with_their_calls_and_no_line_overfull() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
        let (doc, _) = crate::load(&path, None, &crate::Resources::builtin()).unwrap();
        let fonts = FontSet::builtin();
        let mut pages = Vec::new();
        for (name, ..) in super::super::page::PAPERS {
            let style = PageStyle::paper(name).unwrap();
            let l = layout(&doc, &fonts, &style);
            for (label, call, start) in &l.notes {
                assert_eq!(call, start, "{name}: note {label}\n{}", l.dump);
            }
            assert_eq!(l.overfull, 0, "{name}: overfull lines");
            let bottom = style.height - style.margins[1];
            for (n, p) in l.pages.iter().enumerate() {
                for g in &p.glyphs {
                    assert!(
                        g.x >= style.margins[2] - Pt(0.01),
                        "{name} p{}: {g:?} left of the column",
                        n + 1
                    );
                    assert!(g.baseline <= bottom + Pt(21.0), "{name} p{}: {g:?} below the page", n + 1);
                }
            }
            pages.push((name, l.pages.len()));
        }
        // Smaller paper, more pages.
        let count = |n: &str| pages.iter().find(|p| p.0 == n).unwrap().1;
        assert!(
            count("a5") > count("b5") && count("b5") > count("a4") && count("a4") > count("legal"),
            "{pages:?}"
        );
    }

    #[test]
    fn a_note_call_after_an_arabic_word_is_raised_at_its_left_and_its_link_follows_it() {
        use crate::model::{Anchor, Block, Inline, Note};
        let mut doc = Document::new();
        doc.meta.lang = LangTag::parse("en").ok();
        let note = Note {
            label: "7".into(),
            kind: Default::default(),
            anchor: Anchor::Call,
            lang: None,
            content: vec![Block::paragraph(vec![Inline::text("A note.")])],
        };
        doc.body.push(Block::paragraph(vec![
            Inline::text("تاریخ ایران"),
            Inline::Note(note),
            Inline::text(" تهران ۱۳۸۰"),
        ]));
        let fonts = FontSet::builtin();
        let style = PageStyle::a4();
        let l = layout(&doc, &fonts, &style);
        let page = &l.pages[0];
        let text: Vec<&Glyphs> = page.glyphs.iter().filter(|g| g.role == Role::Text(0)).collect();
        let call = page.glyphs.iter().find(|g| matches!(g.role, Role::Call(..))).expect("the call");
        let iran = text.iter().find(|g| g.text.starts_with("ایران")).expect("ایران");
        let tehran = text.iter().find(|g| g.text.starts_with("تهران")).expect("تهران");
        // Right to left: تاریخ, then ایران to its left, the call left of ایران, تهران further left.
        assert!(text[0].text.starts_with("تاریخ") && text[0].rtl);
        assert!(iran.x < text[0].x && call.x < iran.x && tehran.x < call.x, "{text:?} {call:?}");
        // The paragraph is set flush right (its first word drawn after its space, at its left).
        let right = text[0].x + Pt(text[0].all().map(|g| f64::from(g.advance)).sum::<f64>() * text[0].size);
        assert!((right - (style.width - style.margins[3])).0.abs() < 0.01, "{right:?}");
        // The link from the call covers the call where it now stands.
        let link = page.links.iter().find(|k| k.to_note).expect("a link to the note");
        assert!((link.rect.0 - call.x).0.abs() < 0.01, "{link:?} {call:?}");
    }

    /// Entries in a language without hyphenation patterns are reported once per language;
    /// those with patterns (Bulgarian here) and the document's language are not.
    #[test]
    fn text_in_a_language_without_patterns_is_reported_once() {
        use crate::model::{BibEntry, Bibliography};
        let mut doc = Document::new();
        doc.meta.lang = LangTag::parse("en").ok();
        doc.body.push(Block::paragraph(vec![crate::model::Inline::text("A paragraph in English.")]));
        let entry =
            |text: &str, tag: &str| BibEntry { lang: LangTag::parse(tag).ok(), ..BibEntry::plain(text) };
        doc.back.bibliography = Some(Bibliography::new(
            "References",
            vec![
                entry("Қазақстан тарихы. Алматы: Атамұра, 2010.", "kk"),
                entry("Қазақ әдебиетінің тарихы. Алматы, 2005.", "kk"),
                entry("История на България. София: БАН, 1991.", "bg"),
                entry("Историја на македонскиот народ. Скопје, 1969.", "mk"),
            ],
        ));
        let l = layout(&doc, &FontSet::builtin(), &PageStyle::a4());
        let reported: Vec<&str> = l
            .diagnostics
            .iter()
            .filter(|d| d.code == "pdf-no-hyphenation")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(reported.len(), 2, "{reported:?}");
        assert!(reported.iter().any(|m| m.contains("`kk`")) && reported.iter().any(|m| m.contains("`mk`")));
        assert!(!reported.iter().any(|m| m.contains("`bg`") || m.contains("`en`")), "{reported:?}");
    }

    /// Endnotes are set after the text under "Notes" and before the references, never at the
    /// foot of a page; footnotes stay at the foot of their call's page. Each note's label
    /// links back to its call.
    #[test]
    fn endnotes_follow_the_text_and_footnotes_stay_at_the_foot() {
        use crate::model::{Anchor, BibEntry, Bibliography, Inline, Note};
        let note = |label: &str, kind, text: &str| {
            Inline::Note(Note {
                label: label.into(),
                kind,
                anchor: Anchor::Call,
                lang: None,
                content: vec![Block::paragraph(vec![Inline::text(text)])],
            })
        };
        let mut doc = Document::new();
        doc.meta.lang = LangTag::parse("tr").ok();
        doc.body.push(Block::paragraph(vec![
            Inline::text("Text"),
            note("1", NoteKind::End, "Endnote one."),
            Inline::text(" more"),
            note("1", NoteKind::Foot, "Footnote one."),
        ]));
        doc.back.bibliography = Some(Bibliography::new("Kaynakça", vec![BibEntry::plain("Entry.")]));
        let l = layout(&doc, &FontSet::builtin(), &PageStyle::a4());
        assert_eq!(l.kinds, [NoteKind::End, NoteKind::Foot]);
        assert_eq!(l.notes, [("1".to_string(), 1, 1), ("1".to_string(), 1, 1)]);
        assert_eq!(
            l.dump.matches("note 1 starts").count(),
            1,
            "only the footnote is at the foot\n{}",
            l.dump
        );
        let y = |t: &str| l.pages[0].glyphs.iter().find(|g| g.text.starts_with(t)).unwrap().baseline;
        // Under the Turkish heading, after the text, before the references; the footnote below.
        assert!(y("Text") < y("Notlar") && y("Notlar") < y("Endnote") && y("Endnote") < y("Kaynakça"));
        assert!(y("Entry.") < y("Footnote"));
        let heads: Vec<&str> = l.outline.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(heads, ["Notlar", "Kaynakça"]);
        let links = &l.pages[0].links;
        assert_eq!(links.len(), 4, "from each call and back from each label");
        assert!(links.iter().any(|k| k.note == 0 && k.to_note && k.label == "Endnote 1"));
        assert!(links
            .iter()
            .any(|k| k.note == 0 && !k.to_note && k.label == "Back to the call of endnote 1"));
        // The endnote is a block of the text's run, between the heading and the references.
        let kinds: Vec<BlockKind> = l.blocks.iter().map(|b| b.kind).collect();
        let at = |k: BlockKind| kinds.iter().position(|&x| x == k).unwrap();
        assert!(
            at(BlockKind::Heading(1)) < at(BlockKind::Note(0))
                && at(BlockKind::Note(0)) < at(BlockKind::Entry)
        );
    }
}
