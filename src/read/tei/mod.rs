//! Reader for TEI P5: colophon's own (for round trips) and ordinary TEI from others
//! (`note`, `xml:lang`, divisions and paragraphs here; the tree in `tree.rs`; header titles,
//! authors, abstracts and keywords in `header.rs`; `listBibl/bibl|biblStruct` and `listOrg`
//! in `back.rs`; block quotations, epigraphs and lists in `blocks.rs`, their numbering from
//! the printed labels in `numbering.rs`, glossaries in `gloss.rs`; line breaks, verse,
//! verbatim text and section breaks in `lines.rs`; `hi` renderings in `style.rs`; notes kept
//! apart from their calls, endnotes in `<back>` among them, placed at the calls in
//! `endnotes.rs`; names and dates as typed spans in `names.rs`, `<choice>` in `editorial.rs`). An
//! element with no place in the model is reported at line:column and its text kept.
//!
//! colophon's own TEI (`appInfo/application[@ident='colophon']`) preserves the printed text
//! exactly; what colophon derived from it (shelfmark structure, bibliography fields, scripts)
//! is derived again by `enrich`, so text → TEI → model gives the model back. In TEI from
//! others the markup is the authority: `author`, `title`, `pubPlace`, `publisher`, `date`,
//! `biblScope`, `ref` and `idno[@type='DOI']` become the entry's fields.

use crate::diag::{Diagnostic, LineIndex};
use crate::error::Result;
use crate::model::{Anchor, BibEntry, BibFields, Block, Document, Inline, Note, NoteKind, Span};
use crate::read::xml::{self, El, Node};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Deepest nesting of elements read (`<TEI>` is level 1). Real TEI nests some 15 deep; the
/// limit keeps every later walk of the tree, and the JSON written from it (which
/// colophon's JSON reader takes up to 128 levels deep), far from its own limits.
const MAX_DEPTH: usize = 64;

mod back;
mod blocks;
mod editorial;
mod endnotes;
mod formula;
mod front;
mod gloss;
mod header;
mod lines;
mod names;
mod numbering;
mod pointers;
mod style;
mod tables;

/// State of one read: diagnostics, the element names met that have no place in the model.
struct Reader<'a> {
    text: &'a str,
    index: LineIndex,
    diags: Vec<Diagnostic>,
    unsupported: BTreeSet<String>,
    /// Notices given once per document (verse kept as lines, a `@rend` read as emphasis).
    told: BTreeSet<String>,
    /// The header's `<rendition xml:id>`s and their CSS, for `@rendition` pointers.
    renditions: HashMap<String, String>,
    ours: bool,
    /// Notes kept apart from their calls (endnotes), read at the calls.
    endnotes: endnotes::Endnotes,
    /// How many citations (`bibl`, a bibliography entry) the reading is inside: names and
    /// dates there are the citation's parts, read as text.
    citations: usize,
    /// Whether a bibliography entry is being read (its names and dates are its fields).
    in_entry: bool,
    /// The TEI file's folder, which images are found from.
    base: std::path::PathBuf,
    /// The images loaded, kept by key as [`Document::add_media`] keys them (moved into the
    /// document at the end).
    media: Document,
    /// The `xml:id`s of the tables and figures, which `<ref>` and `<ptr>` may point at.
    xrefs: BTreeSet<String>,
}

/// Elements read for their text only: names, dates, places, references inside prose.
const TRANSPARENT: &[&str] = &[
    "persName",
    "placeName",
    "orgName",
    "name",
    "date",
    "time",
    "title",
    "author",
    "editor",
    "idno",
    "citedRange",
    "biblScope",
    "pubPlace",
    "publisher",
    "abbr",
    "expan",
    "mentioned",
    "term",
    "gloss",
    "num",
    "measure",
    "rs",
    "geogName",
    "roleName",
    "forename",
    "surname",
    "addName",
    "sic",
    "corr",
    "orig",
    "reg",
    "unclear",
    "supplied",
    "add",
    "c",
    "w",
    "pc",
    "s",
    "seg",
    "bibl",
    "cit",
    "distinct",
    "address",
    "street",
    "settlement",
    "country",
    "region",
    "affiliation",
    "email",
    "extent",
    "imprint",
    "monogr",
    "analytic",
    "series",
    "edition",
    "docAuthor",
    "docDate",
    "docEdition",
    "titlePart",
    "docTitle",
];

/// Elements that carry no text of their own and are skipped.
/// (`<lb/>` is a line break, `<milestone unit="section"/>` between blocks a section break.)
const SILENT: &[&str] = &["pb", "cb", "anchor", "gap", "milestone", "fw", "ptr", "index"];

impl<'a> Reader<'a> {
    /// Reports `message` under `code` at `el`, once per document.
    fn tell(&mut self, code: &'static str, el: &El, message: String) {
        if self.told.insert(code.to_string()) {
            self.info_at(code, el, message);
        }
    }

    /// Reports `message` under `code` at `el` as a warning, once per document.
    fn tell_warning(&mut self, code: &'static str, el: &El, message: String) {
        if self.told.insert(code.to_string()) {
            let (l, c) = self.index.position(self.text, el.pos);
            self.diags.push(Diagnostic::warning(code, l, message).at_col(c));
        }
    }

    fn unsupported(&mut self, el: &El) {
        if self.unsupported.insert(el.name.clone()) {
            let (l, c) = self.index.position(self.text, el.pos);
            self.diags.push(
                Diagnostic::info(
                    "tei-element-read-as-text",
                    l,
                    format!("<{}> has no place in the model; its text is kept", el.name),
                )
                .at_col(c),
            );
        }
    }

    /// Mixed content into inlines. Whitespace runs with a line break (indentation) become one
    /// space; spaces as written are kept.
    fn inlines(&mut self, el: &El, notes: &mut usize) -> Vec<Inline> {
        let mut out = Vec::new();
        for k in &el.kids {
            match k {
                Node::Text(t) => push_inline_text(&mut out, &collapse(t)),
                Node::El(c) => self.inline_el(c, &mut out, notes),
            }
        }
        out
    }

    fn inline_el(&mut self, c: &El, out: &mut Vec<Inline>, notes: &mut usize) {
        if self.endnote_call(c, out, notes) {
            return;
        }
        self.inline_el_here(c, out, notes);
        self.endnotes_after(c, out, notes);
    }

    fn inline_el_here(&mut self, c: &El, out: &mut Vec<Inline>, notes: &mut usize) {
        match c.name.as_str() {
            // A `<hi>` saying only its language is a span in that language.
            "hi" if ["rend", "rendition", "style"].iter().all(|a| c.attr(a).is_none())
                && c.lang().is_some() =>
            {
                let content = self.inlines(c, notes);
                out.extend(c.lang().map(|lang| Inline::Span { lang, content }));
            }
            // Italic, bold, raised, lowered, small capitals, underlined, struck through (in a
            // language when it says one), nested in the order named; any other rendering a
            // highlight.
            "hi" | "emph" => {
                let content = self.inlines(c, notes);
                let styles = self.styles(c);
                let styled = style::apply(&styles, content);
                match c.lang() {
                    Some(lang) => out.push(Inline::Span { lang, content: styled }),
                    None => styled.into_iter().for_each(|i| push_inline(out, i)),
                }
            }
            // Code, and the names of markup that TEI documents about markup tag as such:
            // an element's name (`gi`), an attribute's (`att`), a tag (`tag`), an
            // attribute's value (`val`), an identifier (`ident`).
            "code" | "gi" | "att" | "tag" | "val" | "ident" => {
                out.push(Inline::Code { text: lines::inline_code(c) })
            }
            "formula" => out.push(self.formula(c, false)),
            // `break="no"` joined the word's halves when the tree was prepared.
            "lb" if c.attr("break") != Some("no") => out.push(Inline::LineBreak),
            "lb" => {}
            // Verse lines inside running text: a line break before each but the first.
            "l" => {
                self.tell(
                    "tei-verse-in-phrase",
                    c,
                    "verse lines (<l>) inside a phrase are kept in it, separated by line breaks, here and elsewhere in this document".into(),
                );
                if !out.is_empty() && !matches!(out.last(), Some(Inline::LineBreak)) {
                    out.push(Inline::LineBreak);
                }
                let inner = trim_inlines(self.inlines(c, notes));
                inner.into_iter().for_each(|i| push_inline(out, i));
            }
            "lg" => {
                let inner = self.inlines(c, notes);
                inner.into_iter().for_each(|i| push_inline(out, i));
            }
            "milestone" if lines::is_section_break(c) => self.tell(
                "tei-section-break-inline",
                c,
                "a section break (<milestone>) inside a phrase cannot break the text there; nothing is lost"
                    .into(),
            ),
            "foreign" => {
                let content = self.inlines(c, notes);
                match c.lang() {
                    Some(lang) => out.push(Inline::Span { lang, content }),
                    None => content.into_iter().for_each(|i| push_inline(out, i)),
                }
            }
            // A pointer to a table or figure of this document: a cross-reference, its text
            // (none for `<ptr>`) kept.
            "ref" | "ptr" if self.xref_target(c).is_some() => {
                let target = self.xref_target(c).unwrap_or_default();
                let content = trim_inlines(self.inlines(c, notes));
                out.push(Inline::Ref { target, content });
            }
            // A pointer to elsewhere, with no text of its own: a link for each target, its
            // address as its text.
            "ptr" if c.attr("target").is_some_and(|t| !t.trim().is_empty()) => self.pointer(c, out),
            "graphic" => out.push(self.inline_image(c)),
            // A citation: its keys are the entries it points at (`#smith2004`).
            "ref" if c.attr("type") == Some("citation") => {
                let content = self.inlines(c, notes);
                let keys = c
                    .attr("target")
                    .unwrap_or("")
                    .split_whitespace()
                    .map(|t| t.strip_prefix('#').unwrap_or(t).to_string())
                    .collect();
                out.push(Inline::Citation { keys, content });
            }
            "ref" => {
                let content = self.inlines(c, notes);
                match c.attr("target") {
                    Some(t) => out.push(Inline::Link { url: t.replace("%20", " "), content }),
                    None => content.into_iter().for_each(|i| push_inline(out, i)),
                }
            }
            "note" => {
                *notes += 1;
                out.push(Inline::Note(self.note(c, notes)));
            }
            // A page of the source edition begins: `<pb n="47"/>` (one without a number
            // says nothing a reader can cite).
            "pb" => {
                if let Some(n) = c.attr("n").map(str::trim).filter(|n| !n.is_empty()) {
                    out.push(Inline::PageBreak { n: n.to_string() });
                }
            }
            // Both readings of a `<choice>` (`editorial.rs`), never glued (`tehthe`).
            "choice" => self.choice(c, out, notes),
            // Names and dates as typed spans, except inside a citation (`names.rs`).
            "persName" | "placeName" | "orgName" | "name" | "rs" | "date" | "time" if self.citations == 0 => {
                self.name_or_date(c, out, notes)
            }
            // A name or date of a citation inside the text: the citation's text.
            "persName" | "placeName" | "orgName" | "name" | "rs" | "date" | "time"
                if !self.ours && !self.in_entry =>
            {
                let message = format!("<{}> inside a citation (<bibl>) is kept as the citation's text, here and elsewhere in this document", c.name);
                self.tell("tei-citation-parts-as-text", c, message);
                let inner = self.inlines(c, notes);
                inner.into_iter().for_each(|i| push_inline(out, i));
            }
            "bibl" | "biblStruct" => {
                if c.name == "biblStruct" {
                    self.unsupported(c);
                }
                self.citations += 1;
                let inner = self.inlines(c, notes);
                self.citations -= 1;
                inner.into_iter().for_each(|i| push_inline(out, i));
            }
            // Deleted text is not part of the text read; said so once.
            "del" => self.tell(
                "tei-deletion-left-out",
                c,
                "deleted text (<del>) is left out of the text, here and elsewhere in this document".into(),
            ),
            // A quotation, speech or a so-called word inside a phrase: TEI leaves its marks
            // to rendering, and so does the model (in a language when it says one).
            // One whose marks the transcription kept stays that text, said once.
            "q" | "said" | "quote" | "soCalled" => {
                // The spaces at its edges (the source's indentation) stand outside the marks.
                let (content, spaced_before, spaced_after) = edge_spaces(self.inlines(c, notes));
                if spaced_before && out.last().is_some_and(|i| !ends_with_space(i)) {
                    push_inline_text(out, " ");
                }
                let quoted = if !self.ours && editorial::already_marked(&content) {
                    let message = format!("<{}> holding its own quotation marks is kept as that text, here and elsewhere in this document", c.name);
                    self.tell("tei-quotation-marked", c, message);
                    content
                } else {
                    vec![Inline::Quoted { style: editorial::quote_style(c, &self.renditions), content }]
                };
                match c.lang() {
                    Some(lang) => out.push(Inline::Span { lang, content: quoted }),
                    None => quoted.into_iter().for_each(|i| push_inline(out, i)),
                }
                if spaced_after {
                    push_inline_text(out, " ");
                }
            }
            "gap" => self.gap(c),
            name if SILENT.contains(&name) => {}
            name => {
                if !TRANSPARENT.contains(&name) {
                    self.unsupported(c);
                }
                let inner = self.inlines(c, notes);
                inner.into_iter().for_each(|i| push_inline(out, i));
            }
        }
    }

    /// [`trim_inlines`], telling once when a line break opens or closes the text of `el`: a
    /// line break separates two lines of one block, and one at its edge separates none.
    fn trim_breaks(&mut self, v: Vec<Inline>, el: &El) -> Vec<Inline> {
        let blank = |i: &&Inline| matches!(i, Inline::Text { text } if text.trim().is_empty());
        let first = v.iter().find(|i| !blank(i));
        let last = v.iter().rev().find(|i| !blank(i));
        let edge = [first, last].into_iter().flatten().any(|i| matches!(i, Inline::LineBreak));
        if edge && !self.ours {
            let message = "a line break (<lb/>) opening or closing a paragraph separates no lines and is left out, here and elsewhere in this document".to_string();
            self.tell("tei-line-break-at-edge", el, message);
        }
        trim_inlines(v)
    }

    /// A `<ptr>`: a link to each of its targets, the target as its text, a space between
    /// two.
    fn pointer(&mut self, c: &El, out: &mut Vec<Inline>) {
        for (k, t) in c.attr("target").unwrap_or("").split_whitespace().enumerate() {
            if k > 0 {
                push_inline_text(out, " ");
            }
            out.push(Inline::Link { url: t.replace("%20", " "), content: vec![Inline::text(t)] });
        }
        self.tell(
            "tei-pointer-as-link",
            c,
            "<ptr> is read as a link whose text is its target, here and elsewhere in this document".into(),
        );
    }

    /// A `<gap/>`: text the transcription leaves out (illegible, lost), told once.
    fn gap(&mut self, c: &El) {
        let why = c.attr("reason").map(|r| format!(" ({r})")).unwrap_or_default();
        self.tell(
            "tei-gap-unmarked",
            c,
            format!("<gap>{why}: text the transcription leaves out is not marked in the model's text, here and elsewhere in this document"),
        );
    }

    /// A `<choice>`: its pair as an editorial choice, or one reading as text; what is left
    /// out is reported.
    fn choice(&mut self, c: &El, out: &mut Vec<Inline>, notes: &mut usize) {
        let readings = editorial::readings(c);
        if !readings.dropped.is_empty() {
            let names: Vec<String> = readings.dropped.iter().map(|d| format!("<{}>", d.name)).collect();
            let message = format!(
                "<choice>: {} left out (one pair of corr/sic, reg/orig or expan/abbr is kept, or one reading), here and in every such <choice> of this document",
                names.join(", ")
            );
            self.tell("tei-choice-reading", c, message);
        }
        if let Some((kind, shown, other)) = readings.pair {
            let shown = self.inlines(shown, notes);
            let other = self.inlines(other, notes);
            out.push(Inline::Choice { kind, shown, other });
        } else if let Some(kept) = readings.single {
            let inner = self.inlines(kept, notes);
            inner.into_iter().for_each(|i| push_inline(out, i));
        }
    }

    /// A name (`persName`…, a typed `name` or `rs`) or a date (`date`, `time`) as a typed span.
    fn name_or_date(&mut self, c: &El, out: &mut Vec<Inline>, notes: &mut usize) {
        let content = self.inlines(c, notes);
        if matches!(c.name.as_str(), "date" | "time") {
            let when = names::when(c).unwrap_or_else(|attrs| {
                let message = format!(
                    "<{}> with {attrs}: the model holds one date or a from/to interval; the text is kept without a value, here and elsewhere in this document",
                    c.name
                );
                self.tell("tei-date-range", c, message);
                None
            });
            out.push(Inline::Date { when, content });
        } else if let Some(kind) = names::name_kind(c) {
            out.push(Inline::Name { kind, reference: names::reference(c), content });
        } else {
            let message = format!(
                "<{}> of no person, place or organisation type is kept as text, here and elsewhere in this document",
                c.name
            );
            self.tell("tei-name-untyped", c, message);
            content.into_iter().for_each(|i| push_inline(out, i));
        }
    }

    fn note(&mut self, el: &El, notes: &mut usize) -> Note {
        let label = el.attr("n").map_or_else(|| notes.to_string(), str::to_string);
        let anchor = if el.attr("cert").is_some_and(|c| c == "low" || c == "unknown") {
            Anchor::Inferred
        } else {
            Anchor::Call
        };
        // Paragraphs, quotations and lists in order; loose text as a paragraph; an empty
        // note keeps one empty paragraph.
        let mut content = self.flow(el, None, notes);
        if content.is_empty() {
            content.push(Block::paragraph(Vec::new()));
        }
        // `place="end"` (and TEI's older `end`-prefixed values) is an endnote; every other
        // place (foot, bottom, margin, inline) is read as a footnote.
        let kind = match el.attr("place") {
            Some(p) if p == "end" || p.starts_with("end") => NoteKind::End,
            _ => NoteKind::Foot,
        };
        Note { label, kind, anchor, lang: el.lang(), content }
    }

    fn paragraph(&mut self, p: &El, notes: &mut usize) -> Block {
        let content = match formula::alone_in(p) {
            Some(f) => vec![self.formula(f, true)],
            None => {
                let content = self.inlines(p, notes);
                self.trim_breaks(content, p)
            }
        };
        if p.attr("rend") == Some("heading") {
            return Block::Heading { level: 1, content };
        }
        Block::Paragraph { content, lang: p.lang() }
    }

    /// Body or div content: paragraphs, headings from `div/head` at their depth.
    fn blocks(&mut self, el: &El, depth: u8, out: &mut Vec<Block>, notes: &mut usize) {
        // Pages that begin between blocks (`<pb n="5"/>` before a `<p>`): they open the next
        // block's text, or close the last one's.
        let mut pages: Vec<Inline> = Vec::new();
        for c in el.children() {
            let before = out.len();
            match c.name.as_str() {
                "pb" => {
                    self.inline_el(c, &mut pages, notes);
                    continue;
                }
                "quote" | "q" | "said" | "cit" | "epigraph" | "list" | "lg" | "eg" | "egXML" | "code"
                | "floatingText" | "text" | "table" | "figure" => self.block_level(c, notes, out),
                // An image between paragraphs: a paragraph of it.
                "graphic" => out.push(Block::paragraph(vec![self.inline_image(c)])),
                "group" => self.group(c, notes, out),
                "milestone" if lines::is_section_break(c) => out.push(Block::SectionBreak),
                // A formula between paragraphs stands on its own line.
                "formula" => out.push(Block::paragraph(vec![self.formula(c, true)])),
                // An anchor named by notes kept apart: they open the next block.
                "anchor" if self.endnotes.is_named(c) => {
                    self.endnotes_after(c, &mut pages, notes);
                    continue;
                }
                // A pointer between paragraphs: a paragraph of its links.
                "ptr" if c.attr("target").is_some_and(|t| !t.trim().is_empty()) => {
                    let mut links = Vec::new();
                    self.inline_el(c, &mut links, notes);
                    if !links.is_empty() {
                        out.push(Block::paragraph(links));
                    }
                }
                "gap" => self.gap(c),
                // Marks without text between blocks (a line or column beginning, an anchor).
                name if name == "lb" || SILENT.contains(&name) => {}
                // Notes kept apart are read at their calls; a division gathering them is no
                // body text.
                "note" if self.endnotes.is_apart(c) => {}
                _ if endnotes::is_gathering(c) => self.skip_gathering(c),
                "p" | "ab" if blocks::holds_blocks(c) => self.block_level(c, notes, out),
                // A paragraph of no text (one whose text the transcription leaves out, a
                // `<gap/>`) is a paragraph still, as it is inside notes and quotations.
                "p" | "ab" => {
                    let b = self.paragraph(c, notes);
                    out.push(b);
                }
                // A `<head>` of the body itself (an embedded text's title) heads it as a
                // division would.
                "head" => out.push(Block::Heading {
                    level: depth.max(1),
                    content: trim_inlines(self.inlines(c, notes)),
                }),
                "div" | "div1" | "div2" | "div3" | "div4" => self.blocks(c, depth + 1, out, notes),
                _ => {
                    self.unsupported(c);
                    let content = trim_inlines(self.inlines(c, notes));
                    if !content.is_empty() {
                        out.push(Block::paragraph(content));
                    }
                }
            }
            if !pages.is_empty() {
                if let Some(first) = out.get_mut(before).and_then(|b| edge_inlines(b, false)) {
                    first.splice(0..0, pages.drain(..));
                }
            }
        }
        if !pages.is_empty() {
            match out.last_mut().and_then(|b| edge_inlines(b, true)) {
                Some(last) => last.append(&mut pages),
                None => out.push(Block::paragraph(pages)),
            }
        }
    }

    fn entry(&mut self, el: &El) -> BibEntry {
        let mut notes = 0;
        self.citations += 1;
        self.in_entry = true;
        let content = trim_inlines(self.inlines(el, &mut notes));
        self.in_entry = false;
        self.citations -= 1;
        let raw = crate::model::plain_text(&content);
        let fields = if self.ours { BibFields::default() } else { fields_from_markup(el, &raw) };
        BibEntry {
            label: el.attr("n").map(str::to_string),
            // An entry's own identifier is the key citations point at it by; the numbered
            // ones colophon writes (`bib-03`) are not keys.
            key: el.attr("xml:id").filter(|id| !is_numbered_entry_id(id)).map(str::to_string),
            raw,
            content,
            lang: el.lang(),
            script: None,
            fields,
        }
    }
}

/// Whether `id` is the numbered identifier colophon gives an entry with no key (`bib-03`).
fn is_numbered_entry_id(id: &str) -> bool {
    id.strip_prefix("bib-").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The inlines of the first (or, with `last`, the last) heading or paragraph of `b`, inside
/// quotations and lists too.
fn edge_inlines(b: &mut Block, last: bool) -> Option<&mut Vec<Inline>> {
    fn edge<T>(v: &mut [T], last: bool) -> Option<&mut T> {
        if last {
            v.last_mut()
        } else {
            v.first_mut()
        }
    }
    match b {
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => Some(content),
        Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => {
            edge(blocks, last).and_then(|b| edge_inlines(b, last))
        }
        Block::List { items, .. } => {
            edge(items, last).and_then(|i| edge(i, last)).and_then(|b| edge_inlines(b, last))
        }
        Block::DefinitionList { items } => edge(items, last).and_then(|d| {
            if last {
                d.details.last_mut().and_then(|def| edge(def, last)).and_then(|b| edge_inlines(b, last))
            } else {
                Some(&mut d.term)
            }
        }),
        Block::LineBlock { lines } => edge(lines, last),
        Block::CodeBlock { .. } | Block::SectionBreak | Block::Table(_) | Block::Figure(_) => None,
    }
}

/// The text [`Reader::pointer`] gives a `<ptr>`: its targets, a space between two.
fn pointer_text(c: &El) -> String {
    c.attr("target").unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace runs that hold a line break or a tab become one space.
fn collapse(t: &str) -> String {
    if !t.contains(['\n', '\r', '\t']) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    let mut run = String::new();
    for c in t.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            if !run.is_empty() {
                out.push_str(if run.contains(['\n', '\r', '\t']) { " " } else { &run });
                run.clear();
            }
            out.push(c);
        }
    }
    if !run.is_empty() {
        out.push_str(if run.contains(['\n', '\r', '\t']) { " " } else { &run });
    }
    out
}

fn push_inline_text(out: &mut Vec<Inline>, t: &str) {
    if t.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(t);
    } else {
        out.push(Inline::text(t));
    }
}

fn push_inline(out: &mut Vec<Inline>, i: Inline) {
    match i {
        Inline::Text { text } => push_inline_text(out, &text),
        other => out.push(other),
    }
}

/// Trims the leading and trailing spaces left by indentation around a block's content, and
/// a line break at either end (a line beginning, `<lb/>`, opening the text breaks nothing).
/// `v` without the spaces at the start of its first text and the end of its last, and
/// whether there were any there.
fn edge_spaces(mut v: Vec<Inline>) -> (Vec<Inline>, bool, bool) {
    let mut before = false;
    let mut after = false;
    if let Some(Inline::Text { text }) = v.first_mut() {
        before = text.starts_with(char::is_whitespace);
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = v.last_mut() {
        after = text.ends_with(char::is_whitespace);
        *text = text.trim_end().to_string();
    }
    v.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    (v, before, after)
}

/// Whether an inline ends with a space (a text that does).
fn ends_with_space(i: &Inline) -> bool {
    matches!(i, Inline::Text { text } if text.ends_with(char::is_whitespace))
}

fn trim_inlines(mut v: Vec<Inline>) -> Vec<Inline> {
    while let Some(first) = v.first_mut() {
        if let Inline::Text { text } = first {
            *text = text.trim_start().to_string();
        }
        match first {
            Inline::LineBreak => drop(v.remove(0)),
            Inline::Text { text } if text.is_empty() => drop(v.remove(0)),
            _ => break,
        }
    }
    while let Some(last) = v.last_mut() {
        if let Inline::Text { text } = last {
            *text = text.trim_end().to_string();
        }
        match last {
            Inline::LineBreak => drop(v.pop()),
            Inline::Text { text } if text.is_empty() => drop(v.pop()),
            _ => break,
        }
    }
    v.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    v
}

/// Bibliography fields from TEI markup, as byte spans of the entry's text.
fn fields_from_markup(el: &El, raw: &str) -> BibFields {
    let mut f = BibFields::default();
    let mut at = 0usize;
    fn walk(e: &El, at: &mut usize, f: &mut BibFields, raw: &str) {
        for k in &e.kids {
            match k {
                Node::Text(t) => *at += collapse(t).len(),
                // A line break is a space in the entry's text.
                Node::El(c) if c.name == "lb" => *at += usize::from(c.attr("break") != Some("no")),
                Node::El(c) => {
                    let start = *at;
                    // A pointer's text is its targets (see `Reader::pointer`).
                    if c.name == "ptr" && c.attr("target").is_some() {
                        *at += pointer_text(c).len();
                        continue;
                    }
                    if SILENT.contains(&c.name.as_str()) || c.name == "note" {
                        continue;
                    }
                    walk(c, at, f, raw);
                    // Collapsed whitespace can run past the entry's trimmed text (found by
                    // fuzzing: an empty `<monogr>` after blank text); such a span is empty.
                    let end = (*at).min(raw.len());
                    if start >= end {
                        continue;
                    }
                    let span = Span::new(start, end);
                    if span.get(raw).is_none_or(|s| s.trim().is_empty()) {
                        continue;
                    }
                    match (c.name.as_str(), c.attr("level"), c.attr("unit"), c.attr("type")) {
                        ("author", ..) => f.authors.push(span),
                        ("title", Some("j"), ..) => f.container = Some(span),
                        ("title", Some("m"), ..) if f.title.is_some() => f.container = Some(span),
                        ("title", ..) if f.title.is_none() => f.title = Some(span),
                        ("pubPlace", ..) => f.place = Some(span),
                        ("publisher", ..) => f.publisher = Some(span),
                        ("date", ..) => f.year = Some(span),
                        ("biblScope", _, Some("volume"), _) => f.volume = Some(span),
                        ("biblScope", _, Some("issue"), _) => f.issue = Some(span),
                        ("biblScope" | "citedRange", _, Some("page" | "pp"), _) => f.pages = Some(span),
                        ("ref", ..) | ("idno", _, _, Some("URI" | "URL")) => f.url = Some(span),
                        ("idno", _, _, Some("DOI")) => f.doi = Some(span),
                        _ => {}
                    }
                }
            }
        }
    }
    walk(el, &mut at, &mut f, raw);
    // The entry's text was trimmed; shift spans by what was trimmed at the start.
    let lead = {
        let mut s = String::new();
        for k in &el.kids {
            match k {
                Node::Text(t) => s.push_str(&collapse(t)),
                Node::El(_) => break,
            }
        }
        s.len() - s.trim_start().len()
    };
    if lead > 0 {
        let shift = |s: &mut Span| *s = Span::new(s.start.saturating_sub(lead), s.end.saturating_sub(lead));
        f.authors.iter_mut().for_each(shift);
        for s in f.singles_mut().into_iter().flatten() {
            shift(s);
        }
    }
    f
}

/// Reads a TEI document into the model.
pub fn read(path: &Path, text: &str) -> Result<(Document, Vec<Diagnostic>)> {
    let mut root = xml::parse_tree(path, text, "TEI", MAX_DEPTH)?;
    if root.name != "TEI" {
        let (l, c) = crate::diag::LineIndex::new(text).position(text, root.pos);
        return Err(crate::error::Error::input(
            path,
            l,
            c,
            format!("the root element is <{}>, not <TEI>: this is not a TEI document", root.name),
        ));
    }
    lines::prepare(&mut root);
    let ours = root
        .path(&["teiHeader", "encodingDesc", "appInfo"])
        .is_some_and(|a| a.all("application").iter().any(|x| x.attr("ident") == Some("colophon")));
    let mut r = Reader {
        text,
        index: LineIndex::new(text),
        diags: Vec::new(),
        unsupported: BTreeSet::new(),
        told: BTreeSet::new(),
        renditions: style::renditions(&root),
        ours,
        endnotes: Default::default(),
        citations: 0,
        in_entry: false,
        base: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        media: Document::new(),
        xrefs: BTreeSet::new(),
    };
    r.collect_xrefs(&root);
    if let (Some(t), false) = (root.child("text"), ours) {
        r.endnotes = endnotes::Endnotes::collect(t);
    }
    let mut doc = Document::new();
    doc.meta.lang = root.lang();
    if let Some(h) = root.child("teiHeader") {
        header::header(h, &mut doc);
    }
    let mut notes = 0usize;
    if let Some(t) = root.child("text") {
        if let Some(front) = t.child("front") {
            header::read_front(&mut r, front, &mut doc, &mut notes);
            doc.front = r.front_parts(front, &mut notes);
        }
        if let Some(body) = t.child("body") {
            let mut blocks = Vec::new();
            r.blocks(body, 0, &mut blocks, &mut notes);
            doc.body = blocks;
        }
        // An edition of several texts (`<group><text>…</text></group>`): each an embedded text.
        if let Some(group) = t.child("group") {
            r.group(group, &mut notes, &mut doc.body);
        }
        // A division of <back> that is neither the bibliography nor the notes (an appendix, a
        // list of abbreviations) follows the body, said once: the model's back holds only
        // the bibliography and the archives.
        for c in t.child("back").into_iter().flat_map(El::children) {
            if c.name.starts_with("div") && !back::holds_list(c) && !endnotes::is_gathering(c) {
                let mut blocks = Vec::new();
                r.blocks(c, 1, &mut blocks, &mut notes);
                if !blocks.is_empty() {
                    let message = "a division of <back> other than the bibliography and the notes (an appendix) is kept after the body".to_string();
                    r.tell("tei-back-division-in-body", c, message);
                    doc.body.extend(blocks);
                }
            }
        }
        r.place_uncalled(&mut doc.body, &mut notes);
        if !r.ours {
            for part in ["front", "back"].iter().filter_map(|p| t.child(p)) {
                r.report_gatherings(part);
            }
        }
        if let Some(back) = t.child("back") {
            back::read_back(&mut r, back, &mut doc);
        }
        pointers::cite_entries(&mut doc);
        doc.media = std::mem::take(&mut r.media.media);
    } else {
        let (l, c) = r.index.position(text, root.pos);
        r.diags.push(Diagnostic::warning("tei-no-text", l, "the TEI document has no <text>").at_col(c));
    }
    Ok((doc, r.diags))
}

/// The body and diagnostics of a TEI document whose `<body>` is `xml` (for unit tests).
#[cfg(test)]
pub(super) fn read_body(xml: &str) -> (Vec<Block>, Vec<crate::diag::Diagnostic>) {
    let xml = format!("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>{xml}</body></text></TEI>");
    let (doc, diags) = read(Path::new("t.xml"), &xml).expect("the test's TEI reads");
    (doc.body, diags)
}

#[cfg(test)]
mod tests {
    use super::read_body as body;
    use crate::model::{Block, Inline};

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    fn code(s: &str) -> Inline {
        Inline::Code { text: s.into() }
    }

    fn link(url: &str, text: &str) -> Inline {
        Inline::Link { url: url.into(), content: vec![t(text)] }
    }

    #[test]
    fn names_of_markup_are_code() {
        let (b, d) = body(
            "<p>The <gi>emph</gi> element, <att>rend</att>, <tag>p</tag>, <val>italic</val>, <ident>tei_all</ident>, <code>x</code>.</p>",
        );
        assert_eq!(
            b[0].content(),
            [
                t("The "),
                code("emph"),
                t(" element, "),
                code("rend"),
                t(", "),
                code("p"),
                t(", "),
                code("italic"),
                t(", "),
                code("tei_all"),
                t(", "),
                code("x"),
                t(".")
            ]
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_pointer_is_a_link_to_each_target() {
        let (b, d) = body(
            "<p xml:id=\"P1\">See <ptr target=\"#P1\"/> and <ptr target=\"http://a.org/ http://b.org/\"/>.</p>\n<p xml:id=\"x\">\n  <ptr target=\"https://c.org\"/>\n</p><ptr target=\"#x\"/><ptr/>",
        );
        assert_eq!(
            b,
            [
                Block::paragraph(vec![
                    t("See "),
                    link("#P1", "#P1"),
                    t(" and "),
                    link("http://a.org/", "http://a.org/"),
                    t(" "),
                    link("http://b.org/", "http://b.org/"),
                    t(".")
                ]),
                Block::paragraph(vec![link("https://c.org", "https://c.org")]),
                Block::paragraph(vec![link("#x", "#x")]),
            ]
        );
        let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["tei-pointer-as-link"], "told once");
        // A pointer inside a bibliography entry is its address, and the fields stay on
        // their words.
        let xml = "<TEI><text><body><p>x</p></body><back><listBibl><bibl><author>Smith</author>, <ptr target=\"http://a.org/\"/> <title>Trade</title>.</bibl></listBibl></back></text></TEI>";
        let (doc, _) = super::read(std::path::Path::new("t.xml"), xml).unwrap();
        let e = &doc.back.bibliography.unwrap().entries[0];
        assert_eq!(e.raw, "Smith, http://a.org/ Trade.");
        assert_eq!(e.fields.title.and_then(|s| s.get(&e.raw)), Some("Trade"));
    }
}
