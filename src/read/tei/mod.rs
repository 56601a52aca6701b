//! Reader for TEI P5: colophon's own (for round trips) and ordinary TEI from others
//! (`note`, `listBibl/bibl|biblStruct`, header titles, authors, abstracts, keywords,
//! `xml:lang`; block quotations, epigraphs and lists in `blocks.rs`, their numbering from
//! the printed labels in `numbering.rs`). Problems carry line:column.
//!
//! colophon's own TEI (`appInfo/application[@ident='colophon']`) preserves the printed text
//! exactly; what colophon derived from it (shelfmark structure, bibliography fields, scripts)
//! is derived again by `enrich`, so text → TEI → model gives the model back. In TEI from
//! others the markup is the authority: `author`, `title`, `pubPlace`, `publisher`, `date`,
//! `biblScope`, `ref` and `idno[@type='DOI']` become the entry's fields.

use crate::diag::{Diagnostic, LineIndex};
use crate::error::{Error, Result};
use crate::model::{
    Abstract, Anchor, Archive, ArchiveName, Author, BibEntry, BibFields, BibPart, Bibliography, Block,
    Document, Inline, KeywordList, LangTag, Note, Span, Title,
};
use quick_xml::events::Event;
use std::collections::BTreeSet;
use std::path::Path;

mod blocks;
mod numbering;

/// An element of the parsed tree.
#[derive(Debug, Clone)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    kids: Vec<Node>,
    pos: usize,
}

#[derive(Debug, Clone)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn children(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|k| match k {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children().find(|e| e.name == name)
    }

    fn all(&self, name: &str) -> Vec<&El> {
        self.children().filter(|e| e.name == name).collect()
    }

    /// Finds the first descendant along a path of names.
    fn path(&self, names: &[&str]) -> Option<&El> {
        names.iter().try_fold(self, |el, n| el.child(n))
    }

    /// The string value, whitespace as in the source.
    fn string(&self) -> String {
        let mut s = String::new();
        fn walk(e: &El, s: &mut String) {
            for k in &e.kids {
                match k {
                    Node::Text(t) => s.push_str(t),
                    Node::El(c) => walk(c, s),
                }
            }
        }
        walk(self, &mut s);
        s
    }

    /// The string value with whitespace runs collapsed and trimmed (header fields).
    fn text(&self) -> String {
        self.string().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn lang(&self) -> Option<LangTag> {
        self.attr("xml:lang").and_then(|l| LangTag::parse(l).ok())
    }
}

/// Local name of a possibly prefixed XML name.
fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    match s.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.into_owned(),
    }
}

/// Deepest nesting of elements read (`<TEI>` is level 1). Real TEI nests some 15 deep; the
/// limit keeps every later walk of the tree, and the JSON written from it (which
/// colophon's JSON reader takes up to 128 levels deep), far from its own limits. A deeper
/// document is refused at the first element past the limit.
const MAX_DEPTH: usize = 64;

/// Parses `text` into an element tree. Entities are never loaded or expanded: only the five
/// predefined ones and character references are read, and a DOCTYPE that declares entities
/// is refused at the declaration (a DOCTYPE that only names a DTD is ignored, never fetched).
fn parse_tree(path: &Path, text: &str) -> Result<El> {
    let index = LineIndex::new(text);
    let err = |pos: u64, msg: String| {
        let (l, c) = index.position(text, pos as usize);
        Error::input(path, l, c, msg)
    };
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<El> = vec![El { name: String::new(), attrs: vec![], kids: vec![], pos: 0 }];
    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), format!("not well-formed XML: {e}")))?;
        if let (Event::Start(e) | Event::Empty(e), true) = (&ev, stack.len() > MAX_DEPTH) {
            let name = local(e.name().as_ref());
            return Err(err(
                pos,
                format!(
                    "<{name}> is nested {} elements deep; colophon reads TEI nested at most {MAX_DEPTH} deep",
                    stack.len()
                ),
            ));
        }
        match ev {
            Event::Start(e) => stack.push(element(&e, pos as usize).map_err(|m| err(pos, m))?),
            Event::Empty(e) => {
                let el = element(&e, pos as usize).map_err(|m| err(pos, m))?;
                stack.last_mut().expect("root").kids.push(Node::El(el));
            }
            Event::End(_) => {
                let done = stack.pop().expect("the reader checks nesting");
                stack
                    .last_mut()
                    .ok_or_else(|| err(pos, "unbalanced end tag".into()))?
                    .kids
                    .push(Node::El(done));
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| err(pos, format!("bad text: {e}")))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| err(pos, format!("bad CDATA: {e}")))?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| err(pos, format!("bad reference: {e}")))?;
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    match name.as_ref() {
                        "amp" => Some("&".into()),
                        "lt" => Some("<".into()),
                        "gt" => Some(">".into()),
                        "apos" => Some("'".into()),
                        "quot" => Some("\"".into()),
                        _ => None,
                    }
                };
                let ch = ch.ok_or_else(|| err(pos, format!("unknown entity `&{name};`")))?;
                push_text(&mut stack, &ch);
            }
            Event::Eof => break,
            Event::DocType(_) => {
                let doctype = &text[pos as usize..reader.buffer_position() as usize];
                if let Some(at) = doctype.find("<!ENTITY") {
                    let decl: String = text[pos as usize + at..].chars().take_while(|&c| c != '>').collect();
                    return Err(err(
                        pos + at as u64,
                        format!("the DOCTYPE declares an entity (`{}>`); colophon never loads or expands entities: remove the DOCTYPE and write the text in place", short(&decl, 80)),
                    ));
                }
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if let Some(open) = stack.last().filter(|_| stack.len() > 1) {
        let (l, c) = index.position(text, open.pos);
        return Err(err(
            text.len() as u64,
            format!("the document ends inside <{}> (opened at {l}:{c}): is the file cut short?", open.name),
        ));
    }
    let mut doc = stack.pop().expect("root");
    let root = doc.kids.drain(..).find_map(|k| match k {
        Node::El(e) => Some(e),
        Node::Text(_) => None,
    });
    let root = root.ok_or_else(|| err(0, "no root element".into()))?;
    if root.name != "TEI" {
        let (l, c) = index.position(text, root.pos);
        return Err(Error::input(
            path,
            l,
            c,
            format!("the root element is <{}>, not <TEI>: this is not a TEI document", root.name),
        ));
    }
    Ok(root)
}

/// `s` cut to `n` characters, with `…` when cut.
fn short(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// Builds an element (without children) from a start tag.
fn element(e: &quick_xml::events::BytesStart, pos: usize) -> std::result::Result<El, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|x| format!("bad attribute: {x}"))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let val = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|x| format!("bad attribute value: {x}"))?;
        attrs.push((key, val.into_owned()));
    }
    Ok(El { name: local(e.name().as_ref()), attrs, kids: vec![], pos })
}

fn push_text(stack: &mut [El], s: &str) {
    let top = stack.last_mut().expect("root");
    if let Some(Node::Text(t)) = top.kids.last_mut() {
        t.push_str(s);
    } else {
        top.kids.push(Node::Text(s.to_string()));
    }
}

/// State of one read: diagnostics, the element names met that have no place in the model.
struct Reader<'a> {
    text: &'a str,
    index: LineIndex,
    diags: Vec<Diagnostic>,
    unsupported: BTreeSet<String>,
    ours: bool,
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
    "q",
    "quote",
    "said",
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
    "choice",
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
    "soCalled",
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
];

/// Elements that carry no text of their own and are skipped.
const SILENT: &[&str] = &["pb", "lb", "cb", "anchor", "gap", "milestone", "fw", "ptr", "del", "index"];

impl<'a> Reader<'a> {
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
        match c.name.as_str() {
            "hi" | "emph" => {
                let content = self.inlines(c, notes);
                let rend = c.attr("rend").unwrap_or("italic");
                if rend.contains("bold") || rend == "b" || rend == "strong" {
                    out.push(Inline::Strong { content });
                } else {
                    out.push(Inline::Emph { content });
                }
            }
            "foreign" => {
                let content = self.inlines(c, notes);
                match c.lang() {
                    Some(lang) => out.push(Inline::Span { lang, content }),
                    None => content.into_iter().for_each(|i| push_inline(out, i)),
                }
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
        Note { label, anchor, lang: el.lang(), content }
    }

    fn paragraph(&mut self, p: &El, notes: &mut usize) -> Block {
        let content = trim_inlines(self.inlines(p, notes));
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
                "quote" | "cit" | "epigraph" | "list" | "lg" => self.block_level(c, notes, out),
                "p" | "ab" if blocks::holds_blocks(c) => self.block_level(c, notes, out),
                "p" | "ab" => {
                    let b = self.paragraph(c, notes);
                    if !b.content().is_empty() {
                        out.push(b);
                    }
                }
                "head" if depth > 0 => {
                    out.push(Block::Heading { level: depth, content: trim_inlines(self.inlines(c, notes)) })
                }
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
        let content = trim_inlines(self.inlines(el, &mut notes));
        let raw = crate::model::plain_text(&content);
        let fields = if self.ours { BibFields::default() } else { fields_from_markup(el, &raw) };
        BibEntry {
            label: el.attr("n").map(str::to_string),
            raw,
            content,
            lang: el.lang(),
            script: None,
            fields,
        }
    }
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
        Block::Quote { blocks, .. } => edge(blocks, last).and_then(|b| edge_inlines(b, last)),
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
        Block::CodeBlock { .. } | Block::SectionBreak => None,
    }
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

/// Trims the leading and trailing spaces left by indentation around a block's content.
fn trim_inlines(mut v: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = v.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = v.last_mut() {
        *text = text.trim_end().to_string();
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
                Node::El(c) => {
                    let start = *at;
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
    let root = parse_tree(path, text)?;
    let ours = root
        .path(&["teiHeader", "encodingDesc", "appInfo"])
        .is_some_and(|a| a.all("application").iter().any(|x| x.attr("ident") == Some("colophon")));
    let mut r =
        Reader { text, index: LineIndex::new(text), diags: Vec::new(), unsupported: BTreeSet::new(), ours };
    let mut doc = Document::new();
    doc.meta.lang = root.lang();
    if let Some(h) = root.child("teiHeader") {
        header(h, &mut doc);
    }
    let mut notes = 0usize;
    if let Some(t) = root.child("text") {
        if let Some(front) = t.child("front") {
            read_front(&mut r, front, &mut doc, &mut notes);
        }
        if let Some(body) = t.child("body") {
            let mut blocks = Vec::new();
            r.blocks(body, 0, &mut blocks, &mut notes);
            doc.body = blocks;
        }
        if let Some(back) = t.child("back") {
            read_back(&mut r, back, &mut doc);
        }
    } else {
        let (l, c) = r.index.position(text, root.pos);
        r.diags.push(Diagnostic::warning("tei-no-text", l, "the TEI document has no <text>").at_col(c));
    }
    Ok((doc, r.diags))
}

fn header(h: &El, doc: &mut Document) {
    let m = &mut doc.meta;
    if let Some(ts) = h.path(&["fileDesc", "titleStmt"]) {
        for t in ts.all("title") {
            let text = t.text();
            if !text.is_empty() && text != "[title unknown]" {
                m.titles.push(Title { text, lang: t.lang() });
            }
        }
        for a in ts.all("author") {
            let has_parts = a.children().any(|c| {
                ["persName", "affiliation", "email", "idno", "note", "name"].contains(&c.name.as_str())
            });
            let name = if has_parts {
                a.child("persName").or_else(|| a.child("name")).map(El::text)
            } else {
                Some(a.text()).filter(|s| !s.is_empty())
            };
            m.authors.push(Author {
                name,
                affiliation: a.child("affiliation").map(El::text),
                email: a.child("email").map(El::text),
                orcid: a.all("idno").into_iter().find(|i| i.attr("type") == Some("ORCID")).map(El::text),
                note: a.all("note").into_iter().find(|n| n.attr("type") == Some("printed")).map(El::text),
            });
        }
    }
    let known = |s: String| Some(s).filter(|s| !s.is_empty() && s != "unknown");
    if let Some(ps) = h.path(&["fileDesc", "publicationStmt"]) {
        m.publisher = ps.child("publisher").and_then(|p| known(p.text()));
        m.date = ps.child("date").and_then(|d| known(d.text()));
        m.doi =
            ps.all("idno").into_iter().find(|i| i.attr("type") == Some("DOI")).and_then(|d| known(d.text()));
        m.licence = ps.path(&["availability", "licence"]).and_then(|l| known(l.text()));
    }
    if let Some(ns) = h.path(&["fileDesc", "notesStmt"]) {
        for n in ns.all("note") {
            if let (Some("metadata"), Some(k)) = (n.attr("type"), n.attr("n")) {
                m.extra.insert(k.to_string(), n.string());
            }
        }
    }
    m.source = h
        .path(&["fileDesc", "sourceDesc", "p"])
        .and_then(|p| p.all("idno").into_iter().find(|i| i.attr("type") == Some("file")))
        .map(El::text);
    if let Some(bs) = h.path(&["fileDesc", "sourceDesc", "biblStruct"]) {
        if let Some(mo) = bs.child("monogr") {
            m.journal = mo.all("title").first().map(|t| t.text());
            for s in mo.all("biblScope") {
                let v = Some(s.text());
                match s.attr("unit") {
                    Some("volume") => m.volume = v,
                    Some("issue") => m.issue = v,
                    Some("page") => m.pages = v,
                    _ => {}
                }
            }
            if let Some(imp) = mo.child("imprint") {
                if m.publisher.is_none() {
                    m.publisher = imp.child("publisher").and_then(|p| known(p.text()));
                }
                if m.date.is_none() {
                    m.date = imp.child("date").and_then(|d| known(d.text()));
                }
            }
        }
        if m.doi.is_none() {
            m.doi = bs
                .path(&["analytic"])
                .and_then(|a| a.all("idno").into_iter().find(|i| i.attr("type") == Some("DOI")))
                .map(El::text);
        }
    }
    // Abstracts and keywords from the header, unless the front prints them (read later).
    if let Some(pd) = h.child("profileDesc") {
        for a in pd.all("abstract") {
            let content = a.all("p").iter().map(|p| Block::paragraph(vec![Inline::text(p.text())])).collect();
            m.abstracts.push(Abstract { lang: a.lang(), heading: None, content });
        }
        if let Some(tc) = pd.child("textClass") {
            for k in tc.all("keywords") {
                let terms: Vec<String> =
                    k.all("term").iter().map(|t| t.text()).filter(|t| !t.is_empty()).collect();
                m.keywords.push(KeywordList { lang: k.lang(), heading: None, terms });
            }
        }
    }
}

fn read_front(r: &mut Reader, front: &El, doc: &mut Document, notes: &mut usize) {
    let divs = front.all("div");
    let abstracts: Vec<&El> = divs.iter().copied().filter(|d| d.attr("type") == Some("abstract")).collect();
    let keywords: Vec<&El> = divs.iter().copied().filter(|d| d.attr("type") == Some("keywords")).collect();
    if !abstracts.is_empty() {
        doc.meta.abstracts = abstracts
            .iter()
            .map(|d| Abstract {
                lang: d.lang(),
                heading: d.child("head").map(El::text),
                content: {
                    // Paragraphs, and the lists and quotations an abstract may hold.
                    let mut content = Vec::new();
                    for c in d.children().filter(|c| c.name != "head") {
                        r.block_level(c, notes, &mut content);
                    }
                    content
                },
            })
            .collect();
    }
    if !keywords.is_empty() {
        doc.meta.keywords = keywords
            .iter()
            .map(|d| KeywordList {
                lang: d.lang(),
                heading: d.child("head").map(El::text),
                terms: d
                    .child("list")
                    .map(|l| l.all("item").iter().map(|i| i.text()).collect())
                    .unwrap_or_default(),
            })
            .collect();
    }
}

/// The bibliography being gathered from `<back>`: the first heading met (a div's around a
/// `listBibl`, or the list's own) is the list's; each later one (a nested `listBibl`'s, or
/// a later div's) heads a part.
#[derive(Default)]
struct BackLists {
    found: bool,
    heading: Option<String>,
    entries: Vec<BibEntry>,
    /// The parts, each with the position of its `<head>`.
    parts: Vec<(BibPart, usize)>,
}

impl BackLists {
    fn head(&mut self, head: Option<&El>) {
        let Some(h) = head else { return };
        let text = h.text();
        match &self.heading {
            None => self.heading = Some(text),
            // A list repeating its div's heading is no part.
            Some(outer) if self.entries.is_empty() && self.parts.is_empty() && *outer == text => {}
            Some(_) => self.parts.push((BibPart { heading: text, start: self.entries.len() }, h.pos)),
        }
    }

    /// A div (or the back) and what it holds: a div's head counts only over a list.
    fn div(&mut self, r: &mut Reader, el: &El) {
        for c in el.children() {
            match c.name.as_str() {
                "listBibl" => {
                    self.found = true;
                    self.list(r, c);
                }
                "div" if holds_list(c) => {
                    self.head(c.child("head"));
                    self.div(r, c);
                }
                _ => {}
            }
        }
    }

    fn list(&mut self, r: &mut Reader, list: &El) {
        self.head(list.child("head"));
        for c in list.children() {
            match c.name.as_str() {
                "bibl" | "biblStruct" => self.entries.push(r.entry(c)),
                "listBibl" => self.list(r, c),
                _ => {}
            }
        }
    }
}

/// Whether a `listBibl` stands anywhere inside `el`.
fn holds_list(el: &El) -> bool {
    el.children().any(|c| c.name == "listBibl" || c.name == "div" && holds_list(c))
}

fn read_back(r: &mut Reader, back: &El, doc: &mut Document) {
    let mut lists = BackLists::default();
    lists.div(r, back);
    if lists.found && (!lists.entries.is_empty() || lists.heading.is_some()) {
        let heading = lists.heading.unwrap_or_else(|| "References".into());
        let mut bib = Bibliography::new(heading, lists.entries);
        bib.parts = lists.parts.iter().map(|(p, _)| p.clone()).collect();
        for dropped in bib.drop_invalid_parts() {
            let pos = lists.parts.iter().find(|(p, _)| *p == dropped).map_or(0, |(_, pos)| *pos);
            let (l, c) = r.index.position(r.text, pos);
            let message =
                format!("the subheading `{}` heads no entry of its own; it is left out", dropped.heading);
            r.diags.push(Diagnostic::warning("bib-empty-part", l, message).at_col(c));
        }
        doc.back.bibliography = Some(bib);
    }
    fn find_orgs<'a>(e: &'a El, out: &mut Vec<&'a El>) {
        for c in e.children() {
            match c.name.as_str() {
                "listOrg" => out.extend(c.all("org")),
                "div" => find_orgs(c, out),
                _ => {}
            }
        }
    }
    let mut orgs = Vec::new();
    find_orgs(back, &mut orgs);
    for o in orgs {
        let Some(id) = o.attr("xml:id") else { continue };
        let id = id.strip_prefix("org-").unwrap_or(id).to_string();
        let names = o
            .all("orgName")
            .into_iter()
            .filter(|n| n.attr("type") != Some("abbr"))
            .map(|n| ArchiveName { text: n.text(), lang: n.lang() })
            .collect();
        let acronyms =
            o.all("orgName").into_iter().filter(|n| n.attr("type") == Some("abbr")).map(El::text).collect();
        doc.back.archives.push(Archive {
            id,
            names,
            acronyms,
            place: o.child("placeName").map(El::text),
            country: o.child("country").map(|c| c.attr("key").map_or_else(|| c.text(), str::to_string)),
            note: o.child("note").map(El::text),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bib(back: &str) -> (Bibliography, Vec<Diagnostic>) {
        let xml = format!(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body><back>{back}</back></text></TEI>"
        );
        let (doc, diags) = read(Path::new("t.xml"), &xml).unwrap();
        (doc.back.bibliography.unwrap(), diags)
    }

    fn parts(b: &Bibliography) -> Vec<(&str, usize)> {
        b.parts.iter().map(|p| (p.heading.as_str(), p.start)).collect()
    }

    /// Nested `listBibl`s under their `head`s are parts; a head over no entry of its own is
    /// reported and left out.
    #[test]
    fn nested_lists_with_heads_are_parts() {
        let (b, diags) = bib("<div type=\"bibliography\"><head>Bibliography</head><listBibl><bibl>A.</bibl>\n\
             <listBibl><head>Archival sources</head><bibl>B.</bibl><bibl>C.</bibl></listBibl>\n\
             <listBibl><head>Primary</head><listBibl><head>Newspapers</head><bibl>D.</bibl></listBibl></listBibl>\n\
             </listBibl></div>");
        assert_eq!(b.heading, "Bibliography");
        assert_eq!(b.entries.iter().map(|e| e.raw.as_str()).collect::<Vec<_>>(), ["A.", "B.", "C.", "D."]);
        assert_eq!(parts(&b), [("Archival sources", 1), ("Newspapers", 3)]);
        let codes: Vec<(&str, u32)> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(codes, [("bib-empty-part", 3)]);
    }

    /// Others' TEI: a div per part inside the bibliography's div.
    #[test]
    fn sub_divisions_with_lists_are_parts() {
        let (b, diags) = bib("<div type=\"bibliography\"><head>Sources and literature</head>\
             <div><head>Archives</head><listBibl><bibl>A.</bibl></listBibl></div>\
             <div><head>Literature</head><listBibl><bibl>B.</bibl></listBibl></div></div>\
             <div type=\"appendix\"><head>Appendix</head><p>t</p></div>");
        assert_eq!(b.heading, "Sources and literature");
        assert_eq!(parts(&b), [("Archives", 0), ("Literature", 1)]);
        assert!(diags.is_empty(), "{diags:?}");
        // One list under its div's heading, the list repeating it: no part.
        let (b, _) = bib(
            "<div><head>References</head><listBibl><head>References</head><bibl>A.</bibl></listBibl></div>",
        );
        assert_eq!((b.heading.as_str(), b.parts.len()), ("References", 0));
    }
}
