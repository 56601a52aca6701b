//! Reader for colophon's Markdown dialect: pandoc-flavoured Markdown with a YAML metadata
//! block, the form `colophon convert … -t md` writes for editors to correct by hand.
//!
//! The file is read in four steps:
//! 1. the YAML block at the top becomes [`Meta`] (pandoc's plain `author`, `abstract` and
//!    `keywords` forms are accepted too);
//! 2. a pre-pass blanks the YAML block and the pandoc fenced-div lines (`::: {lang=tr}`, `:::`)
//!    without moving any byte, and records the regions whose paragraphs a div gives a language;
//! 3. pulldown-cmark parses the rest. Pandoc's bracketed spans (`[text]{lang=ru}`,
//!    `[12]{.label}`, `[[^3]]{.inferred}`, an endnote's `[[^3]]{.endnote}`) and inline notes (`^[text]`), which pulldown-cmark
//!    leaves as text, are rebuilt with a bracket stack over each block's inline events. A
//!    level-1 heading `{#references}` starts the bibliography, one entry per list item (in a
//!    file without `{#references}`, also `# References`: pandoc drops the identifier there),
//!    or per paragraph; a lower-level heading after it (`## Archival sources`) starts a part
//!    of the list. Pandoc's `::: {#refs}` div holds the bibliography too (under the heading
//!    right before it, if any), with its headings as parts;
//! 4. note calls are resolved against the definitions, wherever in the file these stand. A
//!    label the writer made unique (`[^1-2]` for a second note `1`) is `1` again.
//!
//! What the model has no place for (code, block quotes, lists outside the references, images,
//! HTML) is kept as plain text and reported (`md-unsupported`). Lines and columns in
//! diagnostics and errors are those of the Markdown file, also inside the YAML block.

use crate::diag::{Diagnostic, LineIndex};
use crate::error::{Error, Result};
use crate::model::{
    plain_text, Abstract, Anchor, Author, Bibliography, Block, Document, FrontKind, FrontPart, Inline,
    KeywordList, LangTag, Meta, Note, NoteKind, Title,
};
use containers::{Container, OpenContainer};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use refs::{relabel, Entry, RefState, References};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::ops::Range;
use std::path::Path;

mod citations;
mod containers;
mod fancy;
mod floats;
mod links;
pub(crate) mod math;
mod names;
pub(crate) use citations::reads_as_one_citation;
pub(crate) use floats::is_source_line;
pub(crate) use names::other_reading_key;
mod refs;
mod scripts;
mod smart;
mod tables;

/// Deepest nesting of inline containers (emphasis, links, brackets): deeper emphasis and links
/// are flattened, deeper brackets read as text, so that no model tree is too deep to walk.
const MAX_DEPTH: usize = 64;
/// Deepest nesting of notes inside notes.
const MAX_NOTE_DEPTH: usize = 32;
/// Most notes a document may expand to (a definition called twice is expanded twice).
const MAX_NOTES: usize = 100_000;
/// Most text events the `{…}` after a bracket may be split into by pulldown-cmark.
const MAX_ATTR_PIECES: usize = 16;
/// The top-level metadata keys this reader knows, for messages.
const META_KEYS: &str = "title, titles, lang, author, abstract, keywords, journal, volume, issue, pages, \
                         doi, licence, date, publisher, source, extra";

/// Reads colophon Markdown (YAML metadata block, body, `{#references}` list) into a document.
pub fn read(path: &Path, text: &str) -> Result<(Document, Vec<Diagnostic>)> {
    let mut reader = Reader {
        path,
        diags: Vec::new(),
        calls: Vec::new(),
        defs: Vec::new(),
        labels: BTreeMap::new(),
        media: Document::new(),
        last_image: None,
        targets: HashMap::new(),
    };
    let mut doc = Document::new();
    let front = front_matter(path, text)?;
    if let Some(front) = &front {
        doc.meta = reader.meta(front)?;
    }
    let body_start = front.as_ref().map_or(0, |f| f.end);
    let parsed = reader.markdown(text, body_start, Origin::FILE, true)?;
    doc.body = parsed.blocks;
    doc.front = parsed.front;
    doc.back.bibliography = parsed.bibliography;
    reader.resolve(&mut doc)?;
    reader.report_unused();
    doc.media = std::mem::take(&mut reader.media.media);
    let mut ids = std::collections::HashSet::new();
    floats::float_ids(doc.front.iter().flat_map(|p| &p.blocks).chain(&doc.body), &mut ids);
    if !ids.is_empty() {
        floats::cross_references(&mut doc.body, &ids);
        for part in &mut doc.front {
            floats::cross_references(&mut part.blocks, &ids);
        }
    }
    Ok((doc, reader.diags))
}

// ---------------------------------------------------------------------------------------------
// Positions

/// Where a parsed text sits in the file: the file line of its first line, and the number of
/// columns its lines are shifted by (`None` when columns cannot be mapped back).
#[derive(Debug, Clone, Copy)]
struct Origin {
    line: u32,
    col: Option<u32>,
}

impl Origin {
    /// The file itself.
    const FILE: Origin = Origin { line: 1, col: Some(0) };
}

/// A text handed to pulldown-cmark, with what maps its offsets to file positions.
struct Source<'s> {
    text: &'s str,
    index: LineIndex,
    origin: Origin,
}

impl<'s> Source<'s> {
    fn new(text: &'s str, origin: Origin) -> Self {
        Source { text, index: LineIndex::new(text), origin }
    }

    /// File line and column (0 when unknown) of byte `at`.
    fn pos(&self, at: usize) -> (u32, u32) {
        let (line, col) = self.index.position(self.text, at);
        let line = self.origin.line.saturating_add(line.saturating_sub(1));
        (line, self.origin.col.map_or(0, |shift| shift.saturating_add(col)))
    }

    /// Whether the character at byte `at` is backslash-escaped.
    fn escaped(&self, at: usize) -> bool {
        let before = self.text.as_bytes().get(..at).unwrap_or_default();
        before.iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
    }
}

/// One line of a text: its offset, its content without the line end, and all its bytes.
struct Line<'t> {
    start: usize,
    text: &'t str,
    full: &'t str,
}

impl Line<'_> {
    fn end(&self) -> usize {
        self.start + self.full.len()
    }
}

fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |full| {
        let line = Line { start, text: full.trim_end_matches(['\n', '\r']), full };
        start += full.len();
        line
    })
}

/// Appends `full` to `out` with every character but line ends replaced by spaces of the same
/// byte length, so that offsets and line numbers stay as they were.
fn blank(out: &mut String, full: &str) {
    for c in full.chars() {
        if c == '\n' {
            out.push('\n');
        } else {
            (0..c.len_utf8()).for_each(|_| out.push(' '));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The reader's shared state

/// State of one read: diagnostics, note calls and note definitions.
struct Reader<'p> {
    path: &'p Path,
    diags: Vec<Diagnostic>,
    calls: Vec<Call>,
    defs: Vec<Def>,
    /// Index of `defs` by label.
    labels: BTreeMap<String, usize>,
    /// The images loaded so far (only its `media` is used).
    media: Document,
    /// What the last image read said beyond its inline: its caption, identifier and
    /// `fig-alt` (a paragraph that is only this image is a figure).
    last_image: Option<ImageExtra>,
    /// Where the labels of pandoc's links that CommonMark leaves as text lead (`links.rs`).
    targets: HashMap<String, String>,
}

/// What an image's Markdown says that [`Inline::Image`] does not hold.
struct ImageExtra {
    caption: Vec<Inline>,
    id: Option<String>,
    fig_alt: Option<String>,
}

/// A note call met in the text, resolved once every definition is known.
struct Call {
    kind: CallKind,
    line: u32,
    col: u32,
}

enum CallKind {
    /// `[^label]`.
    Ref(String),
    /// `^[text]`: the note's content is written at the call.
    Inline(Vec<Block>),
}

/// A note definition `[^label]: …`.
struct Def {
    label: String,
    line: u32,
    col: u32,
    lang: Option<LangTag>,
    content: Vec<Block>,
    uses: u32,
}

/// A note definition still being read.
struct OpenNote {
    label: String,
    at: usize,
    blocks: Vec<Block>,
}

/// What one Markdown text holds.
struct Parsed {
    blocks: Vec<Block>,
    bibliography: Option<Bibliography>,
    /// The front-matter divisions (`::: {.dedication}` …) standing in the body.
    front: Vec<FrontPart>,
}

impl Reader<'_> {
    fn error(&self, (line, col): (u32, u32), message: impl Into<String>) -> Error {
        Error::input(self.path, line, col, message)
    }

    fn warn(&mut self, code: &'static str, (line, col): (u32, u32), message: impl Into<String>) {
        self.diags.push(Diagnostic::warning(code, line, message).at_col(col));
    }

    fn unsupported(&mut self, src: &Source, at: usize, what: &str) {
        let message = format!("{what} has no place in the model; its text is kept as plain text");
        self.warn("md-unsupported", src.pos(at), message);
    }

    /// Records a note call at byte `at` and returns its placeholder: a note whose label is the
    /// call's index, replaced by [`Reader::resolve`].
    fn call(&mut self, src: &Source, at: usize, kind: CallKind) -> Inline {
        let (line, col) = src.pos(at);
        let id = self.calls.len();
        self.calls.push(Call { kind, line, col });
        Inline::Note(Note {
            label: id.to_string(),
            kind: NoteKind::Foot,
            anchor: Anchor::Call,
            lang: None,
            content: Vec::new(),
        })
    }

    /// Records a finished note definition; a label defined twice is an error.
    fn define(&mut self, src: &Source, note: OpenNote) -> Result<()> {
        let (line, col) = src.pos(note.at);
        if let Some(first) = self.labels.get(&note.label).and_then(|&i| self.defs.get(i)) {
            let message = format!(
                "md-duplicate-note: note [^{}] is defined twice (first at line {}); labels must be unique",
                note.label, first.line
            );
            return Err(self.error((line, col), message));
        }
        let (lang, content) = lift_lang(note.blocks);
        if content
            .iter()
            .flat_map(Block::leaves)
            .all(|b| crate::model::plain_text(b.content()).trim().is_empty())
        {
            let message = format!("note [^{}] has no text; it is kept, with its label only", note.label);
            self.warn("md-empty-note", (line, col), message);
        }
        self.labels.insert(note.label.clone(), self.defs.len());
        self.defs.push(Def { label: note.label, line, col, lang, content, uses: 0 });
        Ok(())
    }

    /// Parses `text` as Markdown, its first `skip` bytes blanked; `origin` maps positions to
    /// the file. Only the file's own body may hold the references.
    fn markdown(&mut self, text: &str, skip: usize, origin: Origin, refs_allowed: bool) -> Result<Parsed> {
        let Prepassed { mut masked, divs, fancy, math, tables, line_starts } =
            self.prepass(&Source::new(text, origin), skip)?;
        // pandoc's links CommonMark leaves as text: their targets, their definitions blanked.
        let mut scan = fancy::Rewriter::default();
        let code: Vec<bool> = masked
            .split_inclusive('\n')
            .map(|l| {
                let before = scan.in_code();
                scan.line(l.trim_end_matches(['\n', '\r']));
                before || scan.in_code()
            })
            .collect();
        let found = links::targets(&masked, &code);
        for range in &found.blank {
            let Some(line) = masked.get(range.clone()) else { continue };
            let mut spaces = String::with_capacity(line.len());
            blank(&mut spaces, line);
            masked.replace_range(range.clone(), &spaces);
        }
        for (label, url) in found.urls {
            self.targets.entry(label).or_insert(url);
        }
        let src = Source::new(&masked, origin);
        let mut built = VecDeque::new();
        for raw in tables {
            let at = line_starts.get(raw.start).copied().unwrap_or(0);
            let table = self.table(&Source::new(text, origin), &line_starts, raw)?;
            built.push_back((at, Block::Table(Box::new(table))));
        }
        // Pandoc drops `{#references}` where it equals its automatic identifier (`# REFERENCES`).
        let auto_refs = refs_allowed && !masked.contains("{#references");
        let mut walk = Walk::new(&divs, refs_allowed, auto_refs);
        walk.fancy = fancy;
        walk.math = math;
        // pandoc's example lists (`(@)`, `(@good)`) are numbered lists (`fancy.rs`); a
        // reference to a labelled example (`(@good)` in the text) is not a citation.
        let (examples, _) = citations::example_labels(text);
        walk.examples = examples;
        walk.tables = built;
        // Tables are found before parsing (`tables.rs`), pipe tables too.
        let options =
            Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_DEFINITION_LIST;
        for (event, range) in Parser::new_ext(&masked, options).into_offset_iter() {
            walk.event(self, &src, event, range)?;
        }
        walk.finish(self, &src)
    }
}

// ---------------------------------------------------------------------------------------------
// YAML front matter

/// The YAML metadata block at the top of the file.
struct FrontMatter<'t> {
    /// The YAML between the fences.
    yaml: &'t str,
    /// File line of the YAML's first line.
    first_line: u32,
    /// Byte offset just after the closing fence line.
    end: usize,
}

/// Finds the YAML block: a first line `---`, not followed by a blank line (pandoc reads that as
/// a rule), closed by `---` or `...`.
fn front_matter<'t>(path: &Path, text: &'t str) -> Result<Option<FrontMatter<'t>>> {
    let mut all = lines(text);
    let Some(first) = all.next() else { return Ok(None) };
    if first.text.trim_end() != "---" {
        return Ok(None);
    }
    for (n, line) in all.enumerate() {
        if n == 0 && line.text.trim().is_empty() {
            return Ok(None);
        }
        if matches!(line.text.trim_end(), "---" | "...") {
            let yaml = text.get(first.end()..line.start).unwrap_or_default();
            return Ok(Some(FrontMatter { yaml, first_line: 2, end: line.end() }));
        }
    }
    Err(Error::input(path, 1, 1, "the YAML metadata block opened here has no closing `---` line"))
}

/// The YAML block, searched by key to give messages a file line.
struct Yaml<'t> {
    text: &'t str,
    first_line: u32,
}

impl Yaml<'_> {
    /// The block's lines with their file line numbers.
    fn lines(&self) -> impl Iterator<Item = (u32, &str)> {
        (self.first_line..).zip(self.text.lines())
    }

    /// File line of the top-level `key` (the opening `---` line when not found).
    fn key_line(&self, key: &str) -> u32 {
        self.lines()
            .find(|(_, l)| !l.starts_with([' ', '\t', '-']) && has_key(l, key))
            .map_or(self.first_line.saturating_sub(1), |(n, _)| n)
    }

    /// The `nth` line (from 0), at or after file line `from`, that holds `key` at any depth.
    fn nested_line(&self, from: u32, key: &str, nth: usize) -> Option<(u32, &str)> {
        self.lines().filter(|(n, l)| *n >= from && has_key(l, key)).nth(nth)
    }

    /// File line and column of `value` written after `key:`, at or after file line `from`.
    fn value_pos(&self, from: u32, key: &str, value: &str) -> (u32, u32) {
        self.lines()
            .filter(|(n, _)| *n >= from)
            .find_map(|(n, l)| value_col(l, key, value).map(|col| (n, col)))
            .unwrap_or((from, 0))
    }

    /// Where the Markdown of the `nth` `key:` at or after line `from` starts: the next line,
    /// columns shifted by the indentation, for a literal block scalar (`key: |`); else the
    /// key's line, columns unknown.
    fn scalar_origin(&self, from: u32, key: &str, nth: usize) -> Origin {
        let Some((n, line)) = self.nested_line(from, key, nth) else {
            return Origin { line: from, col: None };
        };
        let after = line.split_once(':').map_or("", |(_, rest)| rest).trim_start();
        if !after.starts_with('|') {
            return Origin { line: n, col: None };
        }
        let indent = self
            .lines()
            .filter(|(m, l)| *m > n && !l.trim().is_empty())
            .map(|(_, l)| l.len() - l.trim_start_matches(' ').len())
            .next()
            .unwrap_or(0);
        Origin { line: n.saturating_add(1), col: Some(indent as u32) }
    }
}

/// Whether `line` holds `key:` as a mapping key (also after a list dash, quoted or not).
fn has_key(line: &str, key: &str) -> bool {
    let t = line.trim_start();
    let t = t.strip_prefix('-').map_or(t, str::trim_start);
    let t = t.strip_prefix(['"', '\'']).unwrap_or(t);
    t.strip_prefix(key).is_some_and(|rest| rest.trim_start_matches(['"', '\'']).trim_start().starts_with(':'))
}

/// 1-based column of `value` written after `key:` in `line`.
fn value_col(line: &str, key: &str, value: &str) -> Option<u32> {
    let pattern = format!("{key}:");
    let mut from = 0;
    while let Some(i) = line.get(from..)?.find(&pattern) {
        let start = from + i + pattern.len();
        let rest = line.get(start..)?.trim_start().trim_start_matches(['"', '\'']);
        if rest.starts_with(value) {
            let byte = line.len() - rest.len();
            return Some(line.get(..byte)?.chars().count() as u32 + 1);
        }
        from = start;
    }
    None
}

/// Adds `by` to every `line N` of a YAML error message, so that it names file lines.
fn shift_lines(message: &str, by: u32) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        let Some((head, tail)) = rest.split_at_checked(i + "line ".len()) else { break };
        out.push_str(head);
        let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let Some((number, after)) = tail.split_at_checked(digits) else { break };
        match number.parse::<u32>() {
            Ok(n) => out.push_str(&n.saturating_add(by).to_string()),
            Err(_) => out.push_str(number),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A YAML string, number or boolean as text.
fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A value that may be written as one item or a list of items.
fn as_list(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        other => std::slice::from_ref(other),
    }
}

/// Terms of a keyword list written as one string: `history, archives`.
fn split_terms(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect()
}

/// The plain-text field of [`Meta`] a key names.
fn text_field<'m>(meta: &'m mut Meta, key: &str) -> Option<&'m mut Option<String>> {
    match key {
        "journal" => Some(&mut meta.journal),
        "volume" => Some(&mut meta.volume),
        "issue" => Some(&mut meta.issue),
        "pages" => Some(&mut meta.pages),
        "doi" => Some(&mut meta.doi),
        "licence" | "license" => Some(&mut meta.licence),
        "date" => Some(&mut meta.date),
        "publisher" => Some(&mut meta.publisher),
        "source" => Some(&mut meta.source),
        _ => None,
    }
}

impl Reader<'_> {
    /// Reads the YAML block into [`Meta`].
    fn meta(&mut self, front: &FrontMatter) -> Result<Meta> {
        let yaml = Yaml { text: front.yaml, first_line: front.first_line };
        let value: Value = serde_norway::from_str(front.yaml).map_err(|e| self.yaml_error(&yaml, &e))?;
        let map = match value {
            Value::Null => return Ok(Meta::default()),
            Value::Object(map) => map,
            _ => {
                let message = "the metadata block must be a map of keys (`title: …`)";
                return Err(self.error((yaml.first_line, 1), message));
            }
        };
        let mut meta = Meta::default();
        let mut title = None;
        for (key, value) in &map {
            if value.is_null() {
                continue;
            }
            let line = yaml.key_line(key);
            match key.as_str() {
                "title" => title = Some((self.scalar(line, key, value)?, line)),
                "titles" => meta.titles = self.titles(&yaml, line, value)?,
                "lang" => meta.lang = Some(self.lang(&yaml, line, key, value)?),
                "author" | "authors" => meta.authors = self.authors(&yaml, line, value)?,
                "abstract" => meta.abstracts = self.abstracts(&yaml, line, value)?,
                "keywords" => meta.keywords = self.keywords(&yaml, line, value)?,
                "extra" => self.extra(line, value, &mut meta.extra)?,
                _ => match text_field(&mut meta, key) {
                    Some(slot) => *slot = Some(self.scalar(line, key, value)?),
                    None => self.unknown_key(line, key, value, &mut meta.extra),
                },
            }
        }
        self.merge_title(&mut meta, title);
        Ok(meta)
    }

    fn yaml_error(&self, yaml: &Yaml, e: &serde_norway::Error) -> Error {
        let shift = yaml.first_line.saturating_sub(1);
        let (line, col) = e
            .location()
            .map_or((yaml.first_line, 0), |l| (shift.saturating_add(l.line() as u32), l.column() as u32));
        self.error((line, col), format!("invalid YAML metadata: {}", shift_lines(&e.to_string(), shift)))
    }

    fn scalar(&self, line: u32, key: &str, value: &Value) -> Result<String> {
        scalar_string(value).ok_or_else(|| self.error((line, 0), format!("`{key}` must be a text value")))
    }

    /// A language tag; a malformed one is an error at its line and column.
    fn lang(&self, yaml: &Yaml, line: u32, key: &str, value: &Value) -> Result<LangTag> {
        let tag = self.scalar(line, key, value)?;
        LangTag::parse(&tag).map_err(|m| self.error(yaml.value_pos(line, key, &tag), m))
    }

    /// `title` without `titles` is the only title; with `titles`, `titles` wins.
    fn merge_title(&mut self, meta: &mut Meta, title: Option<(String, u32)>) {
        let Some((text, line)) = title else { return };
        match meta.titles.first() {
            None => meta.titles.push(Title { text, lang: None }),
            Some(first) if first.text != text => {
                let message = "`title` differs from the first of `titles`; `titles` is used";
                self.warn("md-title-mismatch", (line, 1), message);
            }
            Some(_) => {}
        }
    }

    fn titles(&mut self, yaml: &Yaml, line: u32, value: &Value) -> Result<Vec<Title>> {
        let mut titles = Vec::new();
        for item in as_list(value) {
            let Value::Object(map) = item else {
                titles.push(Title { text: self.scalar(line, "titles", item)?, lang: None });
                continue;
            };
            let text = map.get("text").unwrap_or(&Value::Null);
            let text = self.scalar(line, "text", text)?;
            let lang = match map.get("lang") {
                Some(v) if !v.is_null() => Some(self.lang(yaml, line, "lang", v)?),
                _ => None,
            };
            for key in map.keys().filter(|k| !matches!(k.as_str(), "text" | "lang")) {
                self.unknown_sub_key(yaml, line, "titles", key);
            }
            titles.push(Title { text, lang });
        }
        Ok(titles)
    }

    fn authors(&mut self, yaml: &Yaml, line: u32, value: &Value) -> Result<Vec<Author>> {
        as_list(value).iter().map(|item| self.author(yaml, line, item)).collect()
    }

    fn author(&mut self, yaml: &Yaml, line: u32, item: &Value) -> Result<Author> {
        let Value::Object(map) = item else {
            return Ok(Author { name: Some(self.scalar(line, "author", item)?), ..Author::default() });
        };
        let mut author = Author::default();
        for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
            let slot = match key.as_str() {
                "name" => &mut author.name,
                "affiliation" => &mut author.affiliation,
                "email" => &mut author.email,
                "orcid" => &mut author.orcid,
                "note" => &mut author.note,
                _ => {
                    self.unknown_sub_key(yaml, line, "author", key);
                    continue;
                }
            };
            *slot = Some(self.scalar(line, key, value)?);
        }
        Ok(author)
    }

    fn abstracts(&mut self, yaml: &Yaml, line: u32, value: &Value) -> Result<Vec<Abstract>> {
        let mut abstracts = Vec::new();
        let mut texts = 0;
        for item in as_list(value) {
            let Value::Object(map) = item else {
                let origin = if value.is_array() {
                    Origin { line, col: None }
                } else {
                    yaml.scalar_origin(line, "abstract", 0)
                };
                let content = self.abstract_text(&self.scalar(line, "abstract", item)?, origin)?;
                abstracts.push(Abstract { lang: None, heading: None, content });
                continue;
            };
            let mut abs = Abstract { lang: None, heading: None, content: Vec::new() };
            for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
                match key.as_str() {
                    "lang" => abs.lang = Some(self.lang(yaml, line, key, value)?),
                    "heading" => abs.heading = Some(self.scalar(line, key, value)?),
                    "text" => {
                        let origin = yaml.scalar_origin(line, "text", texts);
                        texts += 1;
                        abs.content = self.abstract_text(&self.scalar(line, key, value)?, origin)?;
                    }
                    _ => self.unknown_sub_key(yaml, line, "abstract", key),
                }
            }
            abstracts.push(abs);
        }
        Ok(abstracts)
    }

    /// An abstract's text, Markdown like the body (its notes are defined in the body).
    fn abstract_text(&mut self, text: &str, origin: Origin) -> Result<Vec<Block>> {
        Ok(self.markdown(text, 0, origin, false)?.blocks)
    }

    fn keywords(&mut self, yaml: &Yaml, line: u32, value: &Value) -> Result<Vec<KeywordList>> {
        match value {
            Value::Array(items) if items.iter().all(|i| scalar_string(i).is_some()) => {
                let terms = items.iter().filter_map(scalar_string).collect();
                Ok(vec![KeywordList { lang: None, heading: None, terms }])
            }
            Value::Array(items) => items.iter().map(|item| self.keyword_list(yaml, line, item)).collect(),
            other => {
                let terms = split_terms(&self.scalar(line, "keywords", other)?);
                Ok(vec![KeywordList { lang: None, heading: None, terms }])
            }
        }
    }

    fn keyword_list(&mut self, yaml: &Yaml, line: u32, item: &Value) -> Result<KeywordList> {
        let Value::Object(map) = item else {
            let message = "`keywords` must be a list of terms or a list of maps with lang, heading, terms";
            return Err(self.error((line, 0), message));
        };
        let mut list = KeywordList { lang: None, heading: None, terms: Vec::new() };
        for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
            match key.as_str() {
                "lang" => list.lang = Some(self.lang(yaml, line, key, value)?),
                "heading" => list.heading = Some(self.scalar(line, key, value)?),
                "terms" => {
                    list.terms = match value {
                        Value::Array(terms) => {
                            terms.iter().map(|t| self.scalar(line, key, t)).collect::<Result<_>>()?
                        }
                        other => split_terms(&self.scalar(line, key, other)?),
                    }
                }
                _ => self.unknown_sub_key(yaml, line, "keywords", key),
            }
        }
        Ok(list)
    }

    fn extra(&self, line: u32, value: &Value, extra: &mut BTreeMap<String, String>) -> Result<()> {
        let Value::Object(map) = value else {
            return Err(self.error((line, 0), "`extra` must be a map of text values"));
        };
        for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
            extra.insert(key.clone(), self.scalar(line, key, value)?);
        }
        Ok(())
    }

    /// An unknown top-level key: reported, its value kept in `extra` when it is text.
    fn unknown_key(&mut self, line: u32, key: &str, value: &Value, extra: &mut BTreeMap<String, String>) {
        let message = match scalar_string(value) {
            Some(text) => {
                extra.insert(key.to_string(), text);
                format!("unknown metadata key `{key}`, kept as extra metadata (known keys: {META_KEYS})")
            }
            None => format!(
                "unknown metadata key `{key}` is left out: its value is not text (known keys: {META_KEYS})"
            ),
        };
        self.warn("md-unknown-key", (line, 1), message);
    }

    fn unknown_sub_key(&mut self, yaml: &Yaml, line: u32, parent: &str, key: &str) {
        let line = yaml.nested_line(line, key, 0).map_or(line, |(n, _)| n);
        self.warn("md-unknown-key", (line, 0), format!("unknown key `{key}` in `{parent}` is left out"));
    }
}

// ---------------------------------------------------------------------------------------------
// Fenced divs

/// What the pre-pass gives the parse: the masked text, the divs, the fancy list markers and
/// the formulas.
struct Prepassed {
    masked: String,
    divs: Vec<Div>,
    fancy: HashMap<usize, fancy::Marker>,
    math: Masked,
    /// pandoc's tables, their lines blanked in `masked`.
    tables: Vec<tables::RawTable>,
    /// The byte each line starts at.
    line_starts: Vec<usize>,
}

/// The formulas turned into code spans before parsing.
#[derive(Default)]
struct Masked {
    /// By the byte of the first opening delimiter: the formulas written one against the
    /// other there, each as its TeX as written and whether it is display math.
    spans: HashMap<usize, Vec<(String, bool)>>,
    /// Every byte replaced, with its original value, in order.
    changed: Vec<(usize, u8)>,
}

impl Masked {
    /// `text`, pulldown-cmark's text of the masked bytes `range`, with the bytes the masking
    /// replaced given back (a formula found in what is in the end a code or HTML block).
    fn unmask<'t>(&self, text: &'t str, range: &Range<usize>) -> std::borrow::Cow<'t, str> {
        let from = self.changed.partition_point(|(i, _)| *i < range.start);
        let inside = self.changed[from..].iter().take_while(|(i, _)| *i < range.end);
        if inside.clone().next().is_none() || text.len() != range.len() {
            return text.into();
        }
        let mut bytes = text.as_bytes().to_vec();
        for &(i, b) in inside {
            bytes[i - range.start] = b;
        }
        String::from_utf8(bytes).map_or(text.into(), Into::into)
    }
}

/// A fenced div: paragraphs starting in `start..end` take its language (or an outer div's).
struct Div {
    start: usize,
    end: usize,
    lang: Option<LangTag>,
    /// Pandoc's bibliography div, `::: {#refs}`.
    refs: bool,
    /// A div of class `epigraph`: the quotation in it is an epigraph.
    epigraph: bool,
    /// The citation key of an entry of pandoc's bibliography (`smith` of `{#ref-smith}`).
    key: Option<String>,
    /// A div that is a block of the model: an embedded text or a front-matter division.
    role: Option<DivRole>,
    /// Offset of the opening fence line.
    at: usize,
}

/// What a div that is a block of the model holds.
#[derive(Debug, Clone)]
enum DivRole {
    /// `{.embedded-text kind="letter" lang=de}`: a text inside the text, in its language.
    Embedded { kind: Option<String>, lang: Option<LangTag> },
    /// `{.dedication}`, `{.preface}`, … or `{.front-matter name="motto"}`.
    Front { kind: FrontKind, name: Option<String> },
}

/// The front-matter division a div class names (`titlepage`, `dedication`, `preface`,
/// `acknowledgements`, `errata`; `front-matter` for any other, named by `name`).
fn front_class(class: &str) -> Option<FrontKind> {
    Some(match class {
        "titlepage" => FrontKind::TitlePage,
        "dedication" => FrontKind::Dedication,
        "preface" => FrontKind::Preface,
        "acknowledgements" | "acknowledgments" => FrontKind::Acknowledgements,
        "errata" => FrontKind::Errata,
        "front-matter" => FrontKind::Other,
        _ => return None,
    })
}

/// Groups the body's blocks, each with the byte it starts at, into the embedded texts and
/// front-matter divisions whose divs hold them (`divs`: those with a role, in any order).
/// Front divisions are taken out only at the top (`top`); inside an embedded text their
/// blocks stay in place.
fn group(items: Vec<(usize, Block)>, divs: &[&Div], top: bool) -> (Vec<Block>, Vec<FrontPart>) {
    let mut out = Vec::new();
    let mut front = Vec::new();
    let mut outer: Vec<&Div> =
        divs.iter().copied().filter(|d| !divs.iter().any(|o| o.at < d.at && d.end <= o.end)).collect();
    outer.sort_by_key(|d| d.at);
    let mut items = items.into_iter().peekable();
    for d in outer {
        while let Some(item) = items.next_if(|(at, _)| *at < d.start) {
            out.push(item.1);
        }
        let mut inner = Vec::new();
        while let Some(item) = items.next_if(|(at, _)| *at < d.end) {
            inner.push(item);
        }
        let nested: Vec<&Div> = divs.iter().copied().filter(|o| d.at < o.at && o.end <= d.end).collect();
        let (blocks, _) = group(inner, &nested, false);
        match d.role.clone() {
            Some(DivRole::Embedded { kind, lang }) => out.push(Block::EmbeddedText { kind, lang, blocks }),
            Some(DivRole::Front { kind, name }) if top => front.push(FrontPart { kind, name, blocks }),
            _ => out.extend(blocks),
        }
    }
    out.extend(items.map(|(_, b)| b));
    (out, front)
}

/// A fence line: `::: {lang=tr}` opens, `:::` closes.
enum Fence<'l> {
    /// The attribute text and its byte offset in the line.
    Open {
        attrs: &'l str,
        at: usize,
    },
    Close,
}

fn fence(line: &str) -> Option<Fence<'_>> {
    let rest = line.trim_start_matches(':');
    if line.len() - rest.len() < 3 {
        return None;
    }
    let attrs = rest.trim_start();
    if attrs.trim_end().is_empty() {
        return Some(Fence::Close);
    }
    let at = line.len() - attrs.len();
    Some(Fence::Open { attrs: attrs.trim_end().trim_end_matches(':').trim_end(), at })
}

/// Whether a div of class `epigraph` holds byte `at`.
fn in_epigraph(divs: &[Div], at: usize) -> bool {
    divs.iter().any(|d| d.epigraph && d.start <= at && at < d.end)
}

/// The innermost div's language at byte `at`.
/// The key of an entry's div in pandoc's bibliography: `smith2004` of
/// `{#ref-smith2004 .csl-entry}` (citeproc names each entry `ref-` and its key).
fn entry_key(attrs: &str) -> Option<String> {
    let inner = attrs.strip_prefix('{')?.strip_suffix('}')?;
    let id = parse_attrs(inner)?.id?;
    id.strip_prefix("ref-").filter(|k| !k.is_empty()).map(str::to_string)
}

/// The key of the bibliography entry's div around byte `at`, if any.
fn div_key(divs: &[Div], at: usize) -> Option<String> {
    divs.iter().filter(|d| d.start <= at && at < d.end).max_by_key(|d| d.start).and_then(|d| d.key.clone())
}

fn div_lang(divs: &[Div], at: usize) -> Option<LangTag> {
    divs.iter().filter(|d| d.start <= at && at < d.end).max_by_key(|d| d.start).and_then(|d| d.lang.clone())
}

impl Reader<'_> {
    /// Blanks the first `skip` bytes (the YAML block) and the fence lines without moving any
    /// byte; returns the text for pulldown-cmark and the div regions.
    fn prepass(&mut self, src: &Source, skip: usize) -> Result<Prepassed> {
        let mut masked = String::with_capacity(src.text.len());
        let mut code_lines: Vec<Range<usize>> = Vec::new();
        let mut open: Vec<Div> = Vec::new();
        let mut divs = Vec::new();
        let mut fancy = fancy::Rewriter::default();
        let mut markers = HashMap::new();
        let all: Vec<Line> = lines(src.text).collect();
        // Where code blocks (and the metadata block) are, for the tables found first.
        let mut scan = fancy::Rewriter::default();
        let code: Vec<bool> = all
            .iter()
            .map(|l| {
                let before = scan.in_code();
                scan.line(l.text);
                l.start < skip || before || scan.in_code()
            })
            .collect();
        let texts: Vec<&str> = all.iter().map(|l| l.text).collect();
        let found = tables::find(&texts, &code);
        let mut in_table = vec![false; all.len()];
        for t in &found {
            in_table[t.first..=t.last].iter_mut().for_each(|b| *b = true);
        }
        for (k, line) in all.iter().enumerate() {
            if line.start >= skip {
                if in_table[k] {
                    blank(&mut masked, line.full);
                    continue;
                }
                match fence(line.text) {
                    None => {
                        let in_code = fancy.in_code();
                        let rewritten = fancy.line(line.text);
                        if in_code || fancy.in_code() {
                            match code_lines.last_mut() {
                                Some(r) if r.end == line.start => r.end = line.end(),
                                _ => code_lines.push(line.start..line.end()),
                            }
                        }
                        match rewritten {
                            Some((rewritten, at, marker)) => {
                                // By the line's start and by the new numeral's byte (pulldown-cmark
                                // starts a list at one or the other).
                                markers.insert(line.start, marker);
                                markers.insert(line.start + at, marker);
                                masked.push_str(&rewritten);
                                masked.push_str(&line.full[line.text.len()..]);
                            }
                            // pandoc's other definition marker, `~`, is CommonMark's `:`.
                            None if !(in_code || fancy.in_code()) && tilde_definition(line.text) => {
                                masked.push_str(&line.full.replacen('~', ":", 1))
                            }
                            None => masked.push_str(line.full),
                        }
                        continue;
                    }
                    Some(Fence::Close) => match open.pop() {
                        Some(div) => divs.push(Div { end: line.start, ..div }),
                        None => {
                            let message = "a closing `:::` without an open div is left out";
                            self.warn("md-unmatched-div", src.pos(line.start), message);
                        }
                    },
                    Some(Fence::Open { attrs, at }) => {
                        let in_refs = open.iter().any(|d| d.refs);
                        let (lang, refs, epigraph, role) =
                            self.div_attrs(src, line.start + at, attrs, in_refs)?;
                        // An embedded text's language is its own, not its paragraphs'.
                        let (lang, role) = match role {
                            Some(DivRole::Embedded { kind, .. }) => {
                                (None, Some(DivRole::Embedded { kind, lang }))
                            }
                            role => (lang, role),
                        };
                        let lang = lang.or_else(|| open.last().and_then(|d| d.lang.clone()));
                        let (start, end) = (line.end(), src.text.len());
                        let key = if in_refs { entry_key(attrs) } else { None };
                        open.push(Div { start, end, lang, refs, epigraph, key, role, at: line.start });
                    }
                }
            }
            blank(&mut masked, line.full);
        }
        for div in open {
            let message = "this div is never closed by a `:::` line; it runs to the end";
            self.warn("md-unclosed-div", src.pos(div.at), message);
            divs.push(div);
        }
        let math = self.mask_math(src, &mut masked, &code_lines);
        let line_starts = all.iter().map(|l| l.start).collect();
        Ok(Prepassed { masked, divs, fancy: markers, math, tables: found, line_starts })
    }

    /// Finds the formulas of `masked` (pandoc's `tex_math_dollars`) and turns each run of
    /// formulas written one against the other into a code span of the same bytes: its first
    /// and last bytes (dollars) become backticks and a backtick inside becomes `'` (the TeX is
    /// taken from the source). A formula touching a backtick outside it could not be told
    /// from a longer code span: it is kept as text, with a warning.
    fn mask_math(&mut self, src: &Source, masked: &mut String, code: &[Range<usize>]) -> Masked {
        let spans = math::find(masked, code);
        if spans.is_empty() {
            return Masked::default();
        }
        let mut groups: Vec<Vec<math::Span>> = Vec::new();
        for span in spans {
            match groups.last_mut() {
                Some(g) if g.last().is_some_and(|l| l.bytes.end == span.bytes.start) => g.push(span),
                _ => groups.push(vec![span]),
            }
        }
        let mut out = Masked::default();
        let mut bytes = std::mem::take(masked).into_bytes();
        for group in groups {
            let (start, end) = (group[0].bytes.start, group[group.len() - 1].bytes.end);
            let touches = |i: Option<usize>| i.and_then(|i| bytes.get(i)) == Some(&b'`');
            if touches(start.checked_sub(1)) || touches(Some(end)) {
                let message = "a formula right next to a backtick cannot be read apart from a code span; it is kept as text";
                self.warn("md-math-as-text", src.pos(start), message);
                continue;
            }
            let formulas = group
                .iter()
                .map(|span| (String::from_utf8_lossy(&bytes[span.inner()]).into_owned(), span.display))
                .collect();
            for (i, b) in bytes.iter_mut().enumerate().take(end).skip(start) {
                let to = match i == start || i == end - 1 {
                    true => Some(b'`'),
                    false => (*b == b'`').then_some(b'\''),
                };
                if let Some(to) = to {
                    out.changed.push((i, *b));
                    *b = to;
                }
            }
            out.spans.insert(start, formulas);
        }
        // Only ASCII bytes were replaced by ASCII bytes.
        *masked = String::from_utf8(bytes).unwrap_or_default();
        out
    }

    /// The language of a div's attributes `{lang=tr}` written at byte `at`, whether the div
    /// is pandoc's bibliography (`{#refs}`), and whether it holds an epigraph (`::: epigraph`,
    /// `{.epigraph}`). Inside the bibliography, the identifiers and classes of pandoc's
    /// entries (`{#ref-smith .csl-entry}`) say nothing the model lacks.
    fn div_attrs(
        &mut self,
        src: &Source,
        at: usize,
        text: &str,
        in_refs: bool,
    ) -> Result<(Option<LangTag>, bool, bool, Option<DivRole>)> {
        // pandoc's short form: a single class name without braces.
        if text == "epigraph" {
            return Ok((None, false, true, None));
        }
        if let Some(kind) = front_class(text).filter(|k| *k != FrontKind::Other) {
            return Ok((None, false, false, Some(DivRole::Front { kind, name: None })));
        }
        let attrs = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')).and_then(parse_attrs);
        let Some(mut attrs) = attrs else {
            self.warn("md-unsupported", src.pos(at), format!("div attributes `{text}` are not kept"));
            return Ok((None, false, false, None));
        };
        let refs = attrs.id == Some("refs");
        let epigraph = attrs.classes.contains(&"epigraph");
        attrs.classes.retain(|c| *c != "epigraph");
        let value = |attrs: &Attrs, key: &str| {
            attrs.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string())
        };
        let role = if attrs.classes.contains(&"embedded-text") {
            Some(DivRole::Embedded { kind: value(&attrs, "kind"), lang: None })
        } else {
            attrs.classes.iter().find_map(|c| front_class(c)).map(|kind| DivRole::Front {
                kind,
                name: value(&attrs, "name").filter(|_| kind == FrontKind::Other),
            })
        };
        if role.is_some() {
            attrs.classes.retain(|c| *c != "embedded-text" && front_class(c).is_none());
            attrs.other.retain(|k| *k != "kind" && *k != "name");
        }
        let structural = refs || in_refs;
        if !structural && (!attrs.classes.is_empty() || !attrs.other.is_empty()) {
            let message = format!("div attributes other than lang in `{text}` are not kept");
            self.warn("md-unsupported", src.pos(at), message);
        }
        match attrs.lang {
            Some((tag, off)) => LangTag::parse(tag)
                .map(|l| (Some(l), refs, epigraph, role))
                .map_err(|m| self.error(src.pos(at + 1 + off), m)),
            None => Ok((None, refs, epigraph, role)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Attributes `{…}`

/// Attributes of a pandoc span or div: `{lang=tr}`, `{.label}`, `{#id .class key="value"}`.
#[derive(Default)]
struct Attrs<'s> {
    /// The `lang` value and its byte offset in the attribute text.
    lang: Option<(&'s str, usize)>,
    classes: Vec<&'s str>,
    /// Identifiers and keys other than `lang`, only reported.
    other: Vec<&'s str>,
    /// The last identifier (`#refs`).
    id: Option<&'s str>,
    /// The value of `n` (a page milestone's printed number).
    n: Option<&'s str>,
    /// The other keys with their values (`ref`, `when`, `sic`), in order.
    values: Vec<(&'s str, &'s str)>,
}

impl Attrs<'_> {
    fn is_empty(&self) -> bool {
        self.lang.is_none() && self.classes.is_empty() && self.other.is_empty() && self.n.is_none()
    }
}

/// Parses the text between `{` and `}`; `None` when it is not pandoc attribute syntax.
fn parse_attrs(s: &str) -> Option<Attrs<'_>> {
    let mut attrs = Attrs::default();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let off = s.len() - rest.len();
        if let Some(word) = rest.strip_prefix('.') {
            let (class, after) = split_word(word)?;
            attrs.classes.push(class);
            rest = after;
        } else if let Some(word) = rest.strip_prefix('#') {
            let (id, after) = split_word(word)?;
            attrs.other.push(id);
            attrs.id = Some(id);
            rest = after;
        } else {
            let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
            let key = rest.get(..key_end)?;
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || "-_:".contains(c)) {
                return None;
            }
            let value = rest.get(key_end..)?.strip_prefix('=')?;
            let (value, value_off, after) = match value.strip_prefix('"') {
                Some(quoted) => {
                    let end = quoted.find('"')?;
                    (quoted.get(..end)?, off + key_end + 2, quoted.get(end + 1..)?)
                }
                None => {
                    let end = value.find(char::is_whitespace).unwrap_or(value.len());
                    (value.get(..end)?, off + key_end + 1, value.get(end..)?)
                }
            };
            if key == "lang" {
                attrs.lang = Some((value, value_off));
            } else if key == "n" {
                attrs.n = Some(value);
            } else {
                attrs.other.push(key);
                attrs.values.push((key, value));
            }
            rest = after;
        }
        rest = rest.trim_start();
    }
    Some(attrs)
}

/// Splits a class or identifier off the front of `s`; `None` when it is empty.
fn split_word(s: &str) -> Option<(&str, &str)> {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let word = s.get(..end)?;
    (!word.is_empty()).then_some((word, s.get(end..)?))
}

/// The span classes read into the model: small capitals and the typed spans of `names.rs`.
const SPAN_CLASSES: &[&str] = &[
    "smallcaps",
    "underline",
    "highlight",
    "person",
    "place",
    "organisation",
    "date",
    "correction",
    "regularisation",
    "expansion",
];

// ---------------------------------------------------------------------------------------------
// Blocks

/// What an open run of inline content becomes.
#[derive(Debug, Clone, Copy)]
enum RunKind {
    Paragraph,
    /// The term of a definition list.
    Term,
    /// `references`: the heading has the id `references`; `auto`: it starts the bibliography
    /// if pandoc's automatic identifier of its text is `references`.
    Heading {
        level: u8,
        references: bool,
        auto: bool,
    },
}

/// An open run of inline content: a paragraph, a heading, or the loose text of a list item,
/// a table row or a code block.
struct Run {
    kind: RunKind,
    start: usize,
    toks: Vec<Tok>,
    /// The end of the last inline event.
    end: usize,
    /// A heading's trailing `{…}`.
    tail: Option<Tail>,
    /// Text here is already read: the destination pandoc gives a shortcut link
    /// (`[foo](/bar and baz)` where `[foo]` is also defined).
    skip: Range<usize>,
}

/// A heading's trailing `{…}`, which pulldown-cmark takes out of the text as attributes.
struct Tail {
    bytes: Range<usize>,
    /// Whether white space precedes it.
    spaced: bool,
    /// Whether pandoc reads it as text: right after `]` (a span's attributes,
    /// `# Title [söz]{lang=tr}`) or not attribute syntax (`# Sets {a}`).
    text: bool,
}

/// Finds the trailing `{…}` of the heading at `range`.
fn heading_tail(src: &Source, range: Range<usize>) -> Option<Tail> {
    let mut text = src.text.get(range.clone())?.trim_end();
    if let Some((content, underline)) = text.rsplit_once('\n') {
        if underline.trim().chars().all(|c| c == '=' || c == '-') {
            text = content.trim_end();
        }
    }
    let open = text.rfind('{')?;
    let inner = text.get(open..)?.strip_prefix('{')?.strip_suffix('}')?;
    let spaced = text.get(..open)?.ends_with(char::is_whitespace);
    let after_bracket = text.get(..open)?.ends_with(']');
    let bytes = range.start + open..range.start + text.len();
    Some(Tail { bytes, spaced, text: after_bracket || parse_attrs(inner).is_none() })
}

/// State of the walk over pulldown-cmark's events.
struct Walk<'d> {
    divs: &'d [Div],
    /// The labels of pandoc's example list items (`good` of `(@good)`).
    examples: std::collections::HashSet<String>,
    /// The start of the run read as one raw TeX block (reported once, not command by command).
    raw_block: Option<usize>,
    /// The byte ranges of pandoc's `::: {#refs}` divs (kept apart: most files have none).
    refs_divs: Vec<Range<usize>>,
    refs_allowed: bool,
    /// Whether a level-1 heading without id may start the bibliography by its text alone.
    auto_refs: bool,
    body: Vec<Block>,
    /// The byte each block of `body` starts at.
    body_at: Vec<usize>,
    run: Option<Run>,
    notes: Vec<OpenNote>,
    /// Open lists, with the next number of ordered ones.
    lists: Vec<Option<u64>>,
    /// Inside a code block: text is taken as it is.
    /// The code block being read: its text so far, its notation and where it starts.
    code: Option<(String, Option<String>, usize)>,
    /// The fancy list markers rewritten before parsing, by the byte of their numeral.
    fancy: HashMap<usize, fancy::Marker>,
    /// The formulas masked as code spans before parsing.
    math: Masked,
    references: Option<References>,
    /// Open quotations and lists of the body and the notes.
    open: Vec<OpenContainer>,
    /// For each open block quote and list, whether it is one of `open` (those of the
    /// reference list, or after it, or nested too deep, are not).
    pushed: Vec<bool>,
    /// Whether nesting past the limit was reported.
    too_deep: bool,
    /// The tables read before parsing, each with the byte it starts at, placed when the
    /// parse reaches them.
    tables: VecDeque<(usize, Block)>,
    /// Whether the last block placed in the body is a table or figure (the paragraph after
    /// it may be its source line).
    after_float: bool,
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Pandoc's automatic identifier of a heading's text (`REFERENCES` → `references`): lower
/// case, letters, digits and `_-.` kept, spaces made `-`, anything before the first letter
/// dropped.
fn pandoc_identifier(text: &str) -> String {
    let id: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '_' | '-' | '.'))
        .flat_map(|c| if c.is_whitespace() { '-'.to_lowercase() } else { c.to_lowercase() })
        .collect();
    id.trim_start_matches(|c: char| !c.is_alphabetic()).to_string()
}

/// Text of a code or HTML block on one line.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

impl<'d> Walk<'d> {
    fn new(divs: &'d [Div], refs_allowed: bool, auto_refs: bool) -> Self {
        Walk {
            divs,
            examples: Default::default(),
            raw_block: None,
            refs_divs: divs.iter().filter(|d| d.refs).map(|d| d.start..d.end).collect(),
            refs_allowed,
            auto_refs,
            body: Vec::new(),
            body_at: Vec::new(),
            run: None,
            notes: Vec::new(),
            lists: Vec::new(),
            code: None,
            fancy: HashMap::new(),
            math: Masked::default(),
            references: None,
            open: Vec::new(),
            pushed: Vec::new(),
            too_deep: false,
            tables: VecDeque::new(),
            after_float: false,
        }
    }

    /// Whether a quotation or list starting here is one: in a note, or in the body before
    /// the bibliography.
    fn containers_allowed(&self) -> bool {
        !self.notes.is_empty() || self.references.is_none()
    }

    /// Opens a quotation or list at `at` when one is allowed here; past
    /// [`containers::MAX_NESTING`] its blocks go to the one around it, reported once.
    fn open_container(&mut self, r: &mut Reader, src: &Source, container: Container, at: usize) -> bool {
        let allowed = self.containers_allowed();
        if allowed && self.open.len() >= containers::MAX_NESTING {
            if !std::mem::replace(&mut self.too_deep, true) {
                let message = format!(
                    "quotations and lists are nested more than {} deep; deeper ones are read into the one around them (their text is kept)",
                    containers::MAX_NESTING
                );
                r.warn("md-too-deep", src.pos(at), message);
            }
            self.pushed.push(false);
            return true;
        }
        if allowed {
            self.open.push(OpenContainer { container, notes_depth: self.notes.len(), at });
        }
        self.pushed.push(allowed);
        allowed
    }

    /// Closes the innermost quotation or list, if it was one, and places it.
    fn close_container(&mut self, r: &mut Reader, src: &Source) {
        if self.pushed.pop() != Some(true) {
            return;
        }
        if let Some(open) = self.open.pop() {
            let at = open.at;
            if let Some(block) = open.finish() {
                self.place(r, src, block, None, at);
            }
        }
    }

    /// The open run, opening a paragraph at `at` when there is none.
    fn run(&mut self, at: usize) -> &mut Run {
        self.run.get_or_insert_with(|| Run::new(RunKind::Paragraph, at))
    }

    /// Opens the bibliography at the first block inside pandoc's `::: {#refs}` div, under
    /// the heading right before the div (taken out of the body) or `References`; closes it
    /// at the first block after the div.
    fn refs_div(&mut self, at: usize) {
        if !self.refs_allowed || !self.notes.is_empty() {
            return;
        }
        if self.refs_divs.is_empty() {
            return;
        }
        let inside = self.refs_divs.iter().any(|d| d.contains(&at));
        match &mut self.references {
            None if inside => {
                let (heading, level) = match self.body.last() {
                    Some(Block::Heading { level, content }) => (plain_text(content), *level),
                    _ => ("References".to_string(), 0),
                };
                if level > 0 {
                    self.body.pop();
                    self.body_at.pop();
                }
                let mut refs = References::new(heading, level);
                refs.div = Some(false);
                self.references = Some(refs);
            }
            Some(refs) if inside && refs.div.is_none() && refs.state.between() => refs.div = Some(false),
            Some(refs) if !inside && refs.div == Some(false) && refs.entry.is_none() => {
                refs.div = Some(true);
                refs.state = RefState::Done;
            }
            _ => {}
        }
    }

    /// Whether blocks here are left out (after the reference list, outside notes and entries).
    fn discards(&self) -> bool {
        self.notes.is_empty() && self.references.as_ref().is_some_and(|r| r.entry.is_none())
    }

    fn unsupported(&self, r: &mut Reader, src: &Source, at: usize, what: &str) {
        if !self.discards() {
            r.unsupported(src, at, what);
        }
    }

    /// Places the tables that start before byte `upto`.
    fn flush_tables(&mut self, r: &mut Reader, src: &Source, upto: usize) -> Result<()> {
        while self.tables.front().is_some_and(|(at, _)| *at <= upto) {
            self.close_run(r, src)?;
            if let Some((at, table)) = self.tables.pop_front() {
                self.place(r, src, table, None, at);
            }
        }
        Ok(())
    }

    fn event(&mut self, r: &mut Reader, src: &Source, event: Event, range: Range<usize>) -> Result<()> {
        let at = range.start;
        if !matches!(event, Event::End(_)) && !self.tables.is_empty() {
            self.flush_tables(r, src, at)?;
        }
        if !matches!(event, Event::End(_)) {
            if let Some(run) = &mut self.run {
                run.end = run.end.max(range.end);
            }
        }
        match event {
            Event::Start(tag) => return self.start(r, src, tag, range),
            Event::End(tag) => return self.end(r, src, tag),
            Event::Text(text) if self.code.is_some() => {
                let text = self.math.unmask(&text, &range);
                if let Some((code, ..)) = &mut self.code {
                    code.push_str(&text);
                }
            }
            Event::Text(text) => {
                let skip_to =
                    self.run.as_ref().filter(|run| run.skip.contains(&at)).map_or(0, |run| run.skip.end);
                if skip_to > at {
                    // Part of a destination already read: only what follows it is text.
                    let (Some(rest), Some(raw)) =
                        (text.get(skip_to.min(range.end) - at..), src.text.get(range.clone()))
                    else {
                        return Ok(());
                    };
                    if raw == &*text && !rest.is_empty() {
                        self.run(at).text(src, rest, skip_to..range.end);
                    }
                    return Ok(());
                }
                let run_start = self.run.as_ref().map_or(at, |run| run.start);
                if self.raw_block != Some(run_start)
                    && !self.discards()
                    && report_raw_text(r, src, &text, &range, run_start == at)
                {
                    self.raw_block = Some(run_start);
                }
                self.run(at).text(src, &text, range)
            }
            Event::Code(code) => match self.math.spans.get(&at) {
                Some(formulas) => {
                    let in_container =
                        !self.open.is_empty() || !self.notes.is_empty() || !self.lists.is_empty();
                    let atoms: Vec<_> = formulas
                        .iter()
                        .map(|(tex, display)| Inline::Math {
                            tex: math::tex(tex, in_container),
                            display: *display,
                        })
                        .collect();
                    self.run(at).toks.extend(atoms.into_iter().map(Tok::Atom));
                }
                None => {
                    let text = self.math.unmask(&code, &range).into_owned();
                    self.run(at).toks.push(Tok::Atom(Inline::Code { text }));
                }
            },
            Event::InlineHtml(html) => {
                self.unsupported(r, src, at, "inline HTML");
                let html = self.math.unmask(&html, &range).into_owned();
                self.run(at).lit(&html);
            }
            Event::Html(html) => {
                let html = self.math.unmask(&html, &range).into_owned();
                self.run(at).lit(&one_line(&html))
            }
            // Never sent: math is found before parsing (`math`).
            Event::InlineMath(math) | Event::DisplayMath(math) => self.run(at).lit(&math),
            Event::FootnoteReference(label) => {
                let note = r.call(src, at, CallKind::Ref(label.to_string()));
                self.run(at).toks.push(Tok::Note(note));
            }
            // In a line block, a line that opens with `|` is a line of its own (one that opens
            // with a space continues the line before, as in pandoc).
            Event::SoftBreak if self.run.as_ref().is_some_and(|run| run.skip.contains(&at)) => {}
            Event::SoftBreak => {
                let next_line = src.text.get(range.end..).unwrap_or_default();
                let run = self.run(at);
                if is_line_block(src, run) && next_line.starts_with('|') {
                    run.toks.push(Tok::Atom(Inline::LineBreak));
                } else {
                    run.lit(" ");
                }
            }
            Event::HardBreak => self.run(at).toks.push(Tok::Atom(Inline::LineBreak)),
            // A thematic break: a section break.
            Event::Rule => {
                self.close_run(r, src)?;
                self.place(r, src, Block::SectionBreak, None, at);
            }
            Event::TaskListMarker(_) => {}
        }
        Ok(())
    }

    fn start(&mut self, r: &mut Reader, src: &Source, tag: Tag, range: Range<usize>) -> Result<()> {
        let at = range.start;
        match tag {
            Tag::Emphasis => self.run(at).toks.push(Tok::Start(Frame::Emph)),
            Tag::Strong => self.run(at).toks.push(Tok::Start(Frame::Strong)),
            Tag::Link { link_type, dest_url, title, .. } => {
                // `[foo](/bar and baz)` with `[foo]` defined: CommonMark reads the definition
                // and text, pandoc the destination in parentheses (`links.rs`).
                let pandoc = (link_type == LinkType::Shortcut
                    && src.text.get(range.end..).is_some_and(|r| r.starts_with('(')))
                .then(|| links::after_bracket(src.text, at, range.end - 1, &HashMap::new()))
                .flatten();
                let (url, titled) = match pandoc {
                    Some((url, titled, end)) => {
                        self.run(at).skip = range.end..end;
                        (url, titled)
                    }
                    // `<http://g&ouml;&ouml;gle.com>`: pandoc resolves the entities.
                    None if link_type == LinkType::Autolink && dest_url.contains('&') => {
                        let url = links::resolve_entities(&dest_url);
                        let run = self.run(at);
                        run.skip = at..range.end;
                        run.toks.push(Tok::Start(Frame::Link(url.clone())));
                        run.toks.push(Tok::Lit { text: url, at: at + 1, raw: false });
                        return Ok(());
                    }
                    None => (dest_url.to_string(), !title.is_empty()),
                };
                if titled {
                    let message = "a link title has no place in the model; it is left out";
                    r.warn("md-unsupported", src.pos(at), message);
                }
                self.run(at).toks.push(Tok::Start(Frame::Link(url)));
            }
            Tag::Image { dest_url, title, .. } => {
                if !title.is_empty() {
                    let message = "an image title has no place in the model; it is left out";
                    r.warn("md-unsupported", src.pos(at), message);
                }
                self.run(at).toks.push(Tok::Start(Frame::Image { url: dest_url.to_string(), at }));
            }
            Tag::Superscript => self.run(at).toks.push(Tok::Start(Frame::Superscript)),
            Tag::Subscript => self.run(at).toks.push(Tok::Start(Frame::Subscript)),
            Tag::Strikethrough => self.run(at).toks.push(Tok::Start(Frame::Plain)),
            Tag::TableCell => {
                if let Some(run) = &mut self.run {
                    run.lit(" | ");
                }
            }
            block => {
                self.close_run(r, src)?;
                self.start_block(r, src, block, range);
            }
        }
        Ok(())
    }

    fn start_block(&mut self, r: &mut Reader, src: &Source, tag: Tag, range: Range<usize>) {
        let at = range.start;
        self.refs_div(at);
        match tag {
            Tag::Paragraph => self.run = Some(Run::new(RunKind::Paragraph, at)),
            Tag::Heading { level, id, .. } => {
                let candidate = level == HeadingLevel::H1
                    && self.notes.is_empty()
                    && self.lists.is_empty()
                    && self.open.is_empty()
                    && self.references.is_none();
                let references = candidate && self.refs_allowed && id.as_deref() == Some("references");
                let auto = candidate && self.auto_refs && id.is_none();
                let tail = heading_tail(src, range);
                let kind = RunKind::Heading { level: heading_level(level), references, auto };
                self.run = Some(Run { tail, ..Run::new(kind, at) });
            }
            Tag::FootnoteDefinition(label) => {
                self.notes.push(OpenNote { label: label.to_string(), at, blocks: Vec::new() })
            }
            Tag::List(first) => self.start_list(r, src, first, at),
            Tag::Item => self.start_item(),
            // The notation is the info string's first word (```` ```python ````, `{.python}`).
            Tag::CodeBlock(kind) => {
                let syntax = match kind {
                    CodeBlockKind::Fenced(info) => {
                        let word = info.split_whitespace().next().unwrap_or("");
                        let word = word.trim_start_matches('{').trim_start_matches('.').trim_end_matches('}');
                        (!word.is_empty()).then(|| word.to_string())
                    }
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((String::new(), syntax, at));
            }
            Tag::BlockQuote(_) => {
                let lang = div_lang(self.divs, at);
                // The first quotation directly in an epigraph div (not one quoted inside it).
                let epigraph = in_epigraph(self.divs, at)
                    && !self.open.iter().any(|o| matches!(o.container, Container::Quote { .. }));
                let container = Container::Quote { blocks: Vec::new(), lang, epigraph };
                if !self.open_container(r, src, container, at) {
                    self.unsupported(r, src, at, "a block quote");
                }
            }
            Tag::HtmlBlock => self.unsupported(r, src, at, "an HTML block"),
            Tag::Table(_) => self.unsupported(r, src, at, "a table"),
            Tag::DefinitionList => {
                let container = Container::Definitions { items: Vec::new() };
                if !self.open_container(r, src, container, at) {
                    self.unsupported(
                        r,
                        src,
                        at,
                        "a definition list (each term and definition is read as a paragraph)",
                    );
                }
            }
            Tag::DefinitionListTitle => self.run = Some(Run::new(RunKind::Term, at)),
            Tag::DefinitionListDefinition if self.pushed.last() == Some(&true) => {
                if let Some(list) = self.open.last_mut() {
                    list.start_item();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, r: &mut Reader, src: &Source, tag: TagEnd) -> Result<()> {
        match tag {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {
                if let Some(run) = &mut self.run {
                    run.toks.push(Tok::End);
                }
            }
            TagEnd::TableCell => {}
            block => {
                self.close_run(r, src)?;
                match block {
                    TagEnd::FootnoteDefinition => {
                        if let Some(note) = self.notes.pop() {
                            r.define(src, note)?;
                        }
                    }
                    TagEnd::List(_) => {
                        self.close_container(r, src);
                        self.end_list()
                    }
                    TagEnd::BlockQuote(_) | TagEnd::DefinitionList => self.close_container(r, src),
                    TagEnd::Item => self.end_item(),
                    TagEnd::CodeBlock => {
                        if let Some((mut text, syntax, at)) = self.code.take() {
                            if text.ends_with('\n') {
                                text.pop();
                            }
                            self.place(r, src, Block::CodeBlock { text, syntax }, None, at);
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn start_list(&mut self, r: &mut Reader, src: &Source, first: Option<u64>, at: usize) {
        self.lists.push(first);
        let refs_list = self.lists.len() == 1 && self.notes.is_empty();
        match &mut self.references {
            Some(refs) if refs_list && refs.state.between() => {
                refs.state = RefState::List;
                self.pushed.push(false);
            }
            _ => {
                let numbering = match self.fancy.get(&at) {
                    Some(m) => first.map(|n| crate::model::Numbering {
                        start: u32::try_from(n).unwrap_or(u32::MAX),
                        style: m.style,
                        delimiter: m.delimiter,
                    }),
                    None => containers::numbering(first, src.text.get(at..).unwrap_or("")),
                };
                if !self.open_container(r, src, Container::List { numbering, items: Vec::new() }, at) {
                    self.unsupported(r, src, at, "a list (each item is read as a paragraph)");
                }
            }
        }
    }

    fn end_list(&mut self) {
        self.lists.pop();
        if let Some(refs) = &mut self.references {
            // More entries may follow the list: another list, paragraphs, a `{#refs}` div.
            if self.lists.is_empty() && refs.state == RefState::List {
                refs.state = RefState::Heading;
            }
        }
    }

    /// Starts an item; one of the reference list starts an entry, numbered when ordered.
    fn start_item(&mut self) {
        let number = match self.lists.last_mut() {
            Some(Some(n)) => {
                let label = n.to_string();
                *n = n.saturating_add(1);
                Some(label)
            }
            _ => None,
        };
        if let Some(refs) = self.refs_item() {
            refs.entry = Some(Entry::new(number));
        } else if self.pushed.last() == Some(&true) {
            if let Some(list) = self.open.last_mut() {
                list.start_item();
            }
        }
    }

    fn end_item(&mut self) {
        if let Some(refs) = self.refs_item() {
            if let Some(entry) = refs.entry.take() {
                refs.entries.extend(entry.finish());
            }
        }
    }

    /// The bibliography, when the current item is one of the reference list.
    fn refs_item(&mut self) -> Option<&mut References> {
        let top_level = self.lists.len() == 1 && self.notes.is_empty();
        self.references.as_mut().filter(|refs| top_level && refs.state == RefState::List)
    }

    /// Ends the open run and places its block.
    fn close_run(&mut self, r: &mut Reader, src: &Source) -> Result<()> {
        let Some(mut run) = self.run.take() else { return Ok(()) };
        run.restore_tail(r, src);
        let (kind, start) = (run.kind, run.start);
        let (content, label) = build(r, src, run)?;
        let content = citations::split(content, &self.examples);
        match kind {
            RunKind::Heading { references, auto, .. }
                if references || auto && pandoc_identifier(&plain_text(&content)) == "references" =>
            {
                self.references = Some(References::new(plain_text(&content), 1));
            }
            RunKind::Heading { level, .. }
                if self.notes.is_empty()
                    && self.lists.is_empty()
                    && self.references.as_ref().is_some_and(|refs| refs.takes_part(level)) =>
            {
                let heading = unlabel(r, src, Block::Heading { level, content }, label, start);
                if let Some(refs) = &mut self.references {
                    refs.part(plain_text(heading.content()), start);
                }
            }
            RunKind::Heading { level, .. } => {
                self.place(r, src, Block::Heading { level, content }, label, start)
            }
            // pandoc's line block (`| ` at the start of each line): verse, addresses.
            RunKind::Paragraph if line_block_at(src, start) => {
                let lines = line_block_lines(content);
                self.place(r, src, Block::LineBlock { lines }, label, start)
            }
            RunKind::Paragraph => {
                let lang = div_lang(self.divs, start);
                match figure(r, content) {
                    Ok(fig) => self.place(r, src, fig, label, start),
                    Err(content) => self.place(r, src, Block::Paragraph { content, lang }, label, start),
                }
            }
            // A term opens its entry in the open definition list (a paragraph where there is
            // none: in the bibliography, or nested too deep).
            RunKind::Term => {
                let depth = self.notes.len();
                let taken = self
                    .open
                    .last_mut()
                    .filter(|o| o.notes_depth == depth)
                    .is_some_and(|o| o.start_term(&content));
                if !taken {
                    self.place(r, src, Block::paragraph(content), label, start);
                }
            }
        }
        Ok(())
    }

    /// Sends a finished block to the open note, the open reference entry or the body.
    fn place(&mut self, r: &mut Reader, src: &Source, block: Block, label: Option<String>, at: usize) {
        let leaf = matches!(block, Block::Heading { .. } | Block::Paragraph { .. });
        if leaf && block.content().is_empty() && label.is_none() {
            return;
        }
        let discards = self.discards();
        let depth = self.notes.len();
        let after_float = std::mem::replace(&mut self.after_float, false);
        let top = self.notes.is_empty() && self.open.is_empty() && !discards;
        if let Block::Paragraph { content, lang: None } = &block {
            if after_float && top && floats::is_source_line(content) {
                let source = match self.body.last_mut() {
                    Some(Block::Table(t)) if t.source.is_none() => Some(&mut t.source),
                    Some(Block::Figure(f)) if f.source.is_none() => Some(&mut f.source),
                    _ => None,
                };
                if let Some(source) = source {
                    *source = Some(content.clone());
                    return;
                }
            }
        }
        if top && matches!(block, Block::Table(_) | Block::Figure(_)) && self.references.is_none() {
            self.after_float = true;
        }
        if let Some(open) = self.open.last_mut().filter(|o| o.notes_depth == depth) {
            open.push(unlabel(r, src, block, label, at));
        } else if let Some(note) = self.notes.last_mut() {
            note.blocks.push(unlabel(r, src, block, label, at));
        } else if let Some(entry) = self.references.as_mut().and_then(|refs| refs.entry.as_mut()) {
            entry.add(r, src, block, label, at);
        } else if let Some(refs) = self
            .references
            .as_mut()
            .filter(|refs| refs.state.between())
            .filter(|_| matches!(block, Block::Paragraph { .. }) && self.lists.is_empty())
        {
            // One paragraph per entry after the references heading: each is an entry.
            refs.state = RefState::Paragraphs;
            let mut entry = Entry::new(None);
            entry.key = div_key(self.divs, at);
            entry.add(r, src, block, label, at);
            refs.entries.extend(entry.finish());
        } else if discards {
            let message = format!(
                "only the reference list may follow the `{{#references}}` heading; this {} is left out",
                block_name(&block)
            );
            r.warn("md-after-references", src.pos(at), message);
        } else {
            self.body.push(unlabel(r, src, block, label, at));
            self.body_at.push(at);
        }
    }

    fn finish(mut self, r: &mut Reader, src: &Source) -> Result<Parsed> {
        self.close_run(r, src)?;
        self.flush_tables(r, src, usize::MAX)?;
        while let Some(note) = self.notes.pop() {
            r.define(src, note)?;
        }
        let bibliography = self.references.map(|refs| refs.finish(r, src));
        let roles: Vec<&Div> = self.divs.iter().filter(|d| d.role.is_some()).collect();
        let items = self.body_at.into_iter().zip(self.body).collect();
        let (blocks, front) = group(items, &roles, true);
        Ok(Parsed { blocks, bibliography, front })
    }
}

/// A paragraph that is one image with a caption, as pandoc's implicit figures: a figure
/// (its caption the image's content, its label taken off the caption); else the content.
fn figure(r: &mut Reader, content: Vec<Inline>) -> std::result::Result<Block, Vec<Inline>> {
    let extra = r.last_image.take();
    let ([Inline::Image { .. }], Some(extra)) = (content.as_slice(), extra) else { return Err(content) };
    if extra.caption.is_empty() {
        return Err(content);
    }
    let Some(Inline::Image { image, .. }) = content.into_iter().next() else { return Err(Vec::new()) };
    let (label, caption) = floats::split_label(extra.caption, floats::FIGURE_WORDS);
    Ok(Block::Figure(Box::new(crate::model::Figure {
        id: extra.id,
        label,
        caption,
        source: None,
        alt: extra.fig_alt,
        images: vec![image],
    })))
}

/// A block outside a reference entry: a label found in it is put back as text.
fn unlabel(r: &mut Reader, src: &Source, block: Block, label: Option<String>, at: usize) -> Block {
    let Some(label) = label else { return block };
    match block {
        Block::Heading { level, content } => {
            Block::Heading { level, content: relabel(r, src, content, label, at) }
        }
        Block::Paragraph { content, lang } => {
            Block::Paragraph { content: relabel(r, src, content, label, at), lang }
        }
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// Inlines

/// A piece of a run's inline content, before brackets are matched.
#[derive(Debug)]
enum Tok {
    /// Text; `at` is the byte of its first character, `raw` whether the text is the source
    /// as written (no escapes or entities resolved).
    Lit {
        text: String,
        at: usize,
        raw: bool,
    },
    /// An unescaped `[`, or `^[` opening an inline note.
    Open {
        at: usize,
        caret: bool,
    },
    /// An unescaped `]`.
    Close {
        at: usize,
    },
    /// A note call's placeholder.
    Note(Inline),
    /// An inline that is never markup (inline code, a line break).
    Atom(Inline),
    Start(Frame),
    End,
}

/// A container of inlines delimited by pulldown-cmark's start and end events.
#[derive(Debug)]
enum Frame {
    Emph,
    Strong,
    Superscript,
    Subscript,
    Strikeout,
    Link(String),
    /// An image at byte `at`: its content is its caption or description.
    Image {
        url: String,
        at: usize,
    },
    /// Read for its content only.
    Plain,
}

impl Run {
    fn new(kind: RunKind, start: usize) -> Self {
        Run { kind, start, toks: Vec::new(), end: start, tail: None, skip: 0..0 }
    }

    /// Gives back a heading's trailing `{…}` that pulldown-cmark took as attributes where pandoc
    /// reads text; reports attributes taken as such (but `{#references}`).
    fn restore_tail(&mut self, r: &mut Reader, src: &Source) {
        let Some(tail) = self.tail.take() else { return };
        if self.end > tail.bytes.start {
            return;
        }
        if !tail.text {
            if !matches!(self.kind, RunKind::Heading { references: true, .. }) {
                let message = "heading attributes `{…}` have no place in the model; they are left out";
                r.warn("md-unsupported", src.pos(tail.bytes.start), message);
            }
            return;
        }
        let at = tail.bytes.start;
        let Some(text) = src.text.get(tail.bytes) else { return };
        if tail.spaced {
            self.lit(" ");
        }
        self.toks.push(Tok::Lit { text: text.to_string(), at, raw: true });
    }

    /// Adds text that is never markup.
    fn lit(&mut self, text: &str) {
        self.toks.push(Tok::Lit { text: text.to_string(), at: self.start, raw: false });
    }

    /// Adds a text event, splitting out the unescaped brackets.
    fn text(&mut self, src: &Source, text: &str, range: Range<usize>) {
        if src.text.get(range.clone()) != Some(text) {
            self.toks.push(Tok::Lit { text: text.to_string(), at: range.start, raw: false });
            return;
        }
        let mut from = 0;
        for (i, c) in text.char_indices() {
            let at = range.start + i;
            if !matches!(c, '[' | ']') || src.escaped(at) {
                continue;
            }
            self.raw(src, text, from..i, range.start);
            from = i + 1;
            let tok =
                if c == ']' { Tok::Close { at } } else { Tok::Open { at, caret: self.take_caret(src, at) } };
            self.toks.push(tok);
        }
        self.raw(src, text, from..text.len(), range.start);
    }

    /// Adds text as written, with pandoc's strikeout (`~~x~~`, closed in the same text: the
    /// content starts and ends with no space) and its super- and subscripts.
    fn raw(&mut self, src: &Source, text: &str, part: Range<usize>, base: usize) {
        let Some(s) = text.get(part.clone()).filter(|s| !s.is_empty()) else { return };
        let mut from = 0;
        while let Some((open, close)) = strikeout_in(s, from, |i| src.escaped(base + part.start + i)) {
            self.raw_scripts(src, text, part.start + from..part.start + open, base);
            self.toks.push(Tok::Start(Frame::Strikeout));
            self.raw_scripts(src, text, part.start + open + 2..part.start + close, base);
            self.toks.push(Tok::End);
            from = close + 2;
        }
        self.raw_scripts(src, text, part.start + from..part.end, base);
    }

    fn raw_scripts(&mut self, src: &Source, text: &str, part: Range<usize>, base: usize) {
        let Some(s) = text.get(part.clone()).filter(|s| !s.is_empty()) else { return };
        let at = base + part.start;
        let mut from = 0;
        for script in scripts::find(s, |i| src.escaped(at + i)) {
            if script.open > from {
                self.toks.push(Tok::Lit { text: s[from..script.open].to_string(), at: at + from, raw: true });
            }
            let frame = if script.superscript { Frame::Superscript } else { Frame::Subscript };
            self.toks.push(Tok::Start(frame));
            let inner = script.open + 1..script.close;
            self.toks.push(Tok::Lit {
                text: scripts::content(&s[inner.clone()]),
                at: at + inner.start,
                raw: false,
            });
            self.toks.push(Tok::End);
            from = script.close + 1;
        }
        if from < s.len() {
            self.toks.push(Tok::Lit { text: s[from..].to_string(), at: at + from, raw: true });
        }
    }

    /// Removes an unescaped `^` just before the `[` at `at`: the two open an inline note.
    fn take_caret(&mut self, src: &Source, at: usize) -> bool {
        let caret = at > 0 && src.text.as_bytes().get(at - 1) == Some(&b'^') && !src.escaped(at - 1);
        match self.toks.last_mut() {
            Some(Tok::Lit { text, .. }) if caret && text.ends_with('^') => {
                text.pop();
                if text.is_empty() {
                    self.toks.pop();
                }
                true
            }
            _ => false,
        }
    }
}

/// The address of an email autolink whose `<` is byte `i` of `text` (at byte `at` of the
/// source) and which ends at source byte `end`: the text up to `>`, over the tokens that
/// follow when it runs on (they must all be text, the last as written and holding the `>`).
/// Returns it with the number of tokens of `toks` it takes.
fn email_address(
    text: &str,
    at: usize,
    i: usize,
    end: usize,
    toks: &VecDeque<Tok>,
) -> Option<(String, usize)> {
    if at + text.len() >= end {
        return Some((text.get(i + 1..end - 1 - at)?.to_string(), 0));
    }
    let mut address = text.get(i + 1..)?.to_string();
    for (n, tok) in toks.iter().enumerate() {
        let Tok::Lit { text, at, raw } = tok else { return None };
        if at + text.len() >= end {
            return raw.then(|| Some((address + text.get(..end - 1 - at)?, n + 1))).flatten();
        }
        address.push_str(text);
    }
    None
}

/// pandoc's super- and subscripts around markup (`a^*hello*^`, `H~**2**~`), which the text
/// as written cannot show (`scripts.rs` finds those inside one text): a `^` (or `~`) ending
/// a text right before markup opens, closed by the same mark opening a text right after
/// markup closes, with no space anywhere between (pandoc's rule for scripts).
fn scripts_around_markup(toks: &mut Vec<Tok>, src: &Source) {
    let mut i = 0;
    while i + 1 < toks.len() {
        let mark = match &toks[i] {
            Tok::Lit { text, at, raw: true } if matches!(toks[i + 1], Tok::Start(_)) => {
                // The mark is one byte: what stands before it ends on a character's boundary.
                let mark = text.chars().last().filter(|c| matches!(c, '^' | '~'));
                mark.filter(|_| {
                    !text[..text.len() - 1].ends_with(['^', '~']) && !src.escaped(at + text.len() - 1)
                })
            }
            _ => None,
        };
        let Some(mark) = mark else {
            i += 1;
            continue;
        };
        let mut depth = 0usize;
        let mut close = None;
        for (j, tok) in toks.iter().enumerate().skip(i + 1) {
            match tok {
                Tok::Start(_) => depth += 1,
                Tok::End if depth == 0 => break,
                Tok::End => depth -= 1,
                Tok::Lit { text, at, raw: true } if depth == 0 => {
                    if text.starts_with(mark) && !src.escaped(*at) && matches!(toks[j - 1], Tok::End) {
                        close = Some(j);
                    }
                    break;
                }
                Tok::Lit { text, .. } if text.contains(char::is_whitespace) => break,
                Tok::Lit { .. } | Tok::Atom(_) => {}
                _ => break,
            }
        }
        let Some(j) = close else {
            i += 1;
            continue;
        };
        let frame = if mark == '^' { Frame::Superscript } else { Frame::Subscript };
        if let Tok::Lit { text, at, .. } = &mut toks[j] {
            text.remove(0);
            *at += 1;
        }
        toks.insert(j, Tok::End);
        toks.insert(i + 1, Tok::Start(frame));
        if let Tok::Lit { text, .. } = &mut toks[i] {
            text.pop();
        }
        i = j + 2;
    }
    toks.retain(|t| !matches!(t, Tok::Lit { text, .. } if text.is_empty()));
}

/// An open container while a run's tokens are built into inlines.
struct Open {
    kind: OpenKind,
    content: Vec<Inline>,
}

enum OpenKind {
    Root,
    Frame(Frame),
    Bracket { at: usize, caret: bool },
}

/// Builds a run's tokens into inlines: brackets become spans, notes, labels and inferred anchors.
struct Builder<'a, 'p, 's> {
    r: &'a mut Reader<'p>,
    src: &'a Source<'s>,
    opens: Vec<Open>,
    label: Option<String>,
    /// The run's first byte, for messages about the whole run.
    start: usize,
    /// Whether frames were flattened for depth (reported once).
    flattened: bool,
}

/// Reports what pandoc reads as markup in a text event where the model has none, its text
/// kept as plain text: raw TeX commands (`\\emph{x}`, `\\begin{center}`; pandoc's `raw_tex`
/// reads a backslash and a letter so, where CommonMark keeps both as text) and strikeout
/// (`~~x~~`). Only text as written is looked at (never code, or text with escapes resolved).
/// A block that opens with a command (`\\begin{center}`, `\\newcommand`) is pandoc's raw TeX
/// block: with `block_start`, it is reported once and `true` returned.
fn report_raw_text(
    r: &mut Reader,
    src: &Source,
    text: &str,
    range: &Range<usize>,
    block_start: bool,
) -> bool {
    if src.text.get(range.clone()) != Some(text) {
        return false;
    }
    let command =
        |t: &str| t.strip_prefix('\\').is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()));
    if block_start && command(text) {
        let message = "a raw TeX block has no place in the model; its text is kept as plain text";
        r.warn("md-unsupported", src.pos(range.start), message);
        return true;
    }
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('\\') {
        let name: String = text[i + 1..].chars().take_while(char::is_ascii_alphabetic).collect();
        // `\end` closes what a reported `\begin` opened.
        if name.is_empty() || name == "end" || src.escaped(range.start + i) {
            continue;
        }
        let message = format!("raw TeX `\\{name}` has no place in the model; it is kept as plain text");
        r.warn("md-unsupported", src.pos(range.start + i), message);
    }
    let spaced = |b: Option<&u8>| b.is_none_or(u8::is_ascii_whitespace);
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find("~~")).map(|k| k + from) {
        let inner = open + 2;
        let Some(close) = text.get(inner..).and_then(|t| t.find("~~")).map(|k| k + inner) else {
            // Closed after emphasis or code, in a later text of the same paragraph.
            let para = src.text.get(range.start + inner..).unwrap_or_default();
            let para = &para[..para.find("\n\n").unwrap_or(para.len())];
            if !spaced(bytes.get(inner)) && para.contains("~~") && !src.escaped(range.start + open) {
                r.warn("md-unsupported", src.pos(range.start + open), STRIKEOUT);
            }
            break;
        };
        // Closed in the same text: read as a strikeout (`Events::raw`).
        from = close + 2;
    }
    false
}

/// Whether `line` opens a definition with pandoc's `~` marker (`~ red fruit`, indented up to
/// three spaces), which CommonMark's definition lists write `:`.
fn tilde_definition(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    indent <= 3 && (line[indent..].starts_with("~ ") || line[indent..].starts_with("~\t"))
}

/// Whether a paragraph starting at byte `start` is pandoc's line block: it opens with `| `
/// (or a bare `|` ending its line).
fn line_block_at(src: &Source, start: usize) -> bool {
    let rest = src.text.get(start..).unwrap_or_default();
    rest.starts_with("| ") || rest.starts_with("|\n") || rest.starts_with("|\r\n") || rest == "|"
}

fn is_line_block(src: &Source, run: &Run) -> bool {
    matches!(run.kind, RunKind::Paragraph) && line_block_at(src, run.start)
}

/// A line block's lines from its paragraph's inlines (a line break between lines): each
/// line without its `|` and the space after it; a line's further leading spaces kept as
/// no-break spaces, as pandoc keeps them; an empty line is a blank line between stanzas.
fn line_block_lines(content: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut lines = vec![Vec::new()];
    for inline in content {
        match inline {
            Inline::LineBreak => lines.push(Vec::new()),
            other => lines.last_mut().expect("one line at least").push(other),
        }
    }
    for line in &mut lines {
        if let Some(Inline::Text { text }) = line.first_mut() {
            let rest = text.strip_prefix('|').unwrap_or(text);
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            let indent = rest.len() - rest.trim_start_matches(' ').len();
            *text = format!("{}{}", "\u{A0}".repeat(indent), &rest[indent..]);
            if text.is_empty() {
                line.remove(0);
            }
        }
        if let Some(Inline::Text { text }) = line.last_mut() {
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
            if text.is_empty() {
                line.pop();
            }
        }
    }
    lines
}

/// The first strikeout `~~…~~` of `s` at or after byte `from`, as the bytes of its opening
/// and closing `~~`: both unescaped, the content not empty and neither starting nor ending
/// with a space (pandoc's rule).
fn strikeout_in(s: &str, from: usize, escaped: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(open) = s.get(at..)?.find("~~").map(|k| k + at) {
        let inner = open + 2;
        let starts = s[inner..].chars().next().is_some_and(|c| !c.is_whitespace() && c != '~');
        let close = s[inner..].find("~~").map(|k| k + inner);
        match close {
            Some(close)
                if starts
                    && !escaped(open)
                    && !escaped(close)
                    && s[..close].chars().next_back().is_some_and(|c| !c.is_whitespace()) =>
            {
                return Some((open, close));
            }
            _ => at = inner,
        }
    }
    None
}

/// The report of a strikeout `~~…~~`.
const STRIKEOUT: &str =
    "strikeout `~~…~~` around emphasis, code or a link is not read as such by this reader; its text is kept as plain text";

/// What a block is called in messages (`block quotation`, `code block`…).
fn block_name(block: &Block) -> &'static str {
    match block {
        Block::Heading { .. } => "heading",
        Block::Paragraph { .. } => "paragraph",
        Block::Quote { .. } => "block quotation",
        Block::List { numbering: Some(_), .. } => "ordered list",
        Block::List { .. } => "bullet list",
        Block::DefinitionList { .. } => "definition list",
        Block::CodeBlock { .. } => "code block",
        Block::SectionBreak => "horizontal rule",
        Block::LineBlock { .. } => "line block",
        Block::EmbeddedText { .. } => "embedded text",
        Block::Table(_) => "table",
        Block::Figure(_) => "figure",
    }
}

/// Builds a run into its inlines (merged, ends trimmed) and its `[…]{.label}`, if any.
fn build(r: &mut Reader, src: &Source, run: Run) -> Result<(Vec<Inline>, Option<String>)> {
    let mut b = Builder {
        r,
        src,
        opens: vec![Open { kind: OpenKind::Root, content: Vec::new() }],
        label: None,
        start: run.start,
        flattened: false,
    };
    let mut toks = run.toks;
    scripts_around_markup(&mut toks, src);
    let mut toks: VecDeque<Tok> = toks.into();
    while let Some(tok) = toks.pop_front() {
        match tok {
            // pandoc's smart quotation marks, in text as written (`smart.rs`).
            Tok::Lit { text, at, raw: true } => b.raw_text(text, at, &mut toks),
            Tok::Lit { text, .. } => b.push(Inline::Text { text }),
            Tok::Note(note) | Tok::Atom(note) => b.push(note),
            Tok::Start(frame) => b.start(frame),
            Tok::End => b.end_frame(&mut toks),
            Tok::Open { at, caret } if b.opens.len() < MAX_DEPTH => {
                b.opens.push(Open { kind: OpenKind::Bracket { at, caret }, content: Vec::new() })
            }
            Tok::Open { caret, .. } => b.push(Inline::text(if caret { "^[" } else { "[" })),
            Tok::Close { at } => b.close(at, &mut toks)?,
        }
    }
    while b.opens.len() > 1 {
        b.pop();
    }
    let content = b.opens.pop().map(|o| o.content).unwrap_or_default();
    Ok((trim(smart::pair(merge(content))), b.label))
}

impl Builder<'_, '_, '_> {
    /// Opens a frame; beyond [`MAX_DEPTH`] it is kept for its content only, and reported.
    fn start(&mut self, frame: Frame) {
        let frame = if self.opens.len() < MAX_DEPTH {
            frame
        } else {
            if !self.flattened {
                self.flattened = true;
                let message =
                    format!("emphasis or links nested deeper than {MAX_DEPTH} levels are read as text");
                self.r.warn("md-unsupported", self.src.pos(self.start), message);
            }
            Frame::Plain
        };
        self.opens.push(Open { kind: OpenKind::Frame(frame), content: Vec::new() });
    }

    fn push(&mut self, inline: Inline) {
        if let Some(open) = self.opens.last_mut() {
            open.content.push(inline);
        }
    }

    fn extend(&mut self, inlines: Vec<Inline>) {
        if let Some(open) = self.opens.last_mut() {
            open.content.extend(inlines);
        }
    }

    /// Closes the innermost open container into its parent; a bracket left open is text.
    fn pop(&mut self) {
        if self.opens.len() < 2 {
            return;
        }
        let Some(open) = self.opens.pop() else { return };
        match open.kind {
            OpenKind::Root => {}
            OpenKind::Frame(Frame::Emph) => self.push(Inline::Emph { content: open.content }),
            OpenKind::Frame(Frame::Strong) => self.push(Inline::Strong { content: open.content }),
            OpenKind::Frame(Frame::Superscript) => self.push(Inline::Superscript { content: open.content }),
            OpenKind::Frame(Frame::Subscript) => self.push(Inline::Subscript { content: open.content }),
            OpenKind::Frame(Frame::Strikeout) => self.push(Inline::Strikeout { content: open.content }),
            OpenKind::Frame(Frame::Link(url)) => self.push(Inline::Link { url, content: open.content }),
            OpenKind::Frame(Frame::Plain) => self.extend(open.content),
            // Only when the run ends inside the image, which pulldown-cmark never does.
            OpenKind::Frame(Frame::Image { .. }) => self.extend(open.content),
            OpenKind::Bracket { caret, .. } => {
                self.push(Inline::text(if caret { "^[" } else { "[" }));
                self.extend(open.content);
            }
        }
    }

    /// Ends the innermost frame, with the brackets opened inside it; an image takes the
    /// attributes `{…}` written right after it off `toks`.
    fn end_frame(&mut self, toks: &mut VecDeque<Tok>) {
        while let Some(open) = self.opens.last() {
            match open.kind {
                OpenKind::Root => return,
                OpenKind::Bracket { .. } => self.pop(),
                OpenKind::Frame(Frame::Image { .. }) => {
                    let attrs = take_attrs(self.src, toks);
                    if let Some(Open { kind: OpenKind::Frame(Frame::Image { url, at }), content }) =
                        self.opens.pop()
                    {
                        self.image(url, at, content, attrs);
                    }
                    return;
                }
                OpenKind::Frame(_) => return self.pop(),
            }
        }
    }

    /// An image: its file loaded beside the input (a failure reported, the image kept as a
    /// placeholder naming its file), its width and identifier from its attributes.
    fn image(&mut self, url: String, at: usize, content: Vec<Inline>, attrs: Option<(String, usize)>) {
        let pos = self.src.pos(at);
        let base = self.r.path.parent().unwrap_or(Path::new("."));
        let media = match crate::read::media::load(base, &url) {
            Ok(checked) => {
                if let Some(note) = &checked.misnamed {
                    self.r.warn(crate::read::media::MISNAMED, pos, format!("{url}: {note}"));
                }
                Some(self.r.media.add_media(&url, checked.media))
            }
            Err(e) => {
                let message = format!("{e}; the image is kept as a placeholder naming {url}");
                self.r.warn(e.code(), pos, message);
                None
            }
        };
        let mut extra = ImageExtra { caption: trim(smart::pair(merge(content))), id: None, fig_alt: None };
        let mut width = None;
        if let Some((text, attrs_at)) = attrs {
            let parsed = parse_attrs(&text).unwrap_or_default();
            extra.id = parsed.id.map(str::to_string);
            let mut unknown: Vec<&str> = parsed.classes.iter().map(|c| &c[..]).collect();
            if parsed.lang.is_some() {
                unknown.push("lang");
            }
            for (key, value) in &parsed.values {
                match *key {
                    "width" => match crate::model::Extent::parse(value) {
                        Some(w) => width = Some(w),
                        None => {
                            let message = format!("the image width `{value}` is not a width colophon reads (50%, 8cm, 80mm, 3in, 144pt, 200px); it is left out");
                            self.r.warn("md-image-width", self.src.pos(attrs_at), message);
                        }
                    },
                    "fig-alt" => extra.fig_alt = Some(value.to_string()),
                    other => unknown.push(other),
                }
            }
            if !unknown.is_empty() {
                let message = format!(
                    "image attributes other than an identifier, width and fig-alt ({}) are not kept",
                    unknown.join(", ")
                );
                self.r.warn("md-unsupported", self.src.pos(attrs_at), message);
            }
        }
        let alt = plain_text(&extra.caption);
        self.push(Inline::Image { image: crate::model::Image { src: url, media, width }, alt });
        self.r.last_image = Some(extra);
    }

    /// A `]`: closes the innermost bracket if it was opened in the current frame.
    fn close(&mut self, at: usize, toks: &mut VecDeque<Tok>) -> Result<()> {
        if !matches!(self.opens.last(), Some(Open { kind: OpenKind::Bracket { .. }, .. })) {
            self.push(Inline::text("]"));
            return Ok(());
        }
        let Some(Open { kind: OpenKind::Bracket { at: open_at, caret }, content }) = self.opens.pop() else {
            return Ok(());
        };
        if caret {
            let blocks = vec![Block::paragraph(trim(merge(content)))];
            let note = self.r.call(self.src, open_at, CallKind::Inline(blocks));
            self.push(note);
        } else if let Some((attrs, attrs_at)) = take_attrs(self.src, toks) {
            self.bracket_with_attrs(content, &attrs, attrs_at)?;
        } else if let Some(label) = note_label(self.src, open_at, at) {
            let note = self.r.call(self.src, open_at, CallKind::Ref(label));
            self.push(note);
        } else if let Some((url, titled)) = self.pandoc_link(open_at, at, toks) {
            if titled {
                let message = "a link title has no place in the model; it is left out";
                self.r.warn("md-unsupported", self.src.pos(open_at), message);
            }
            self.push(Inline::Link { url, content });
        } else {
            self.push(Inline::text("["));
            self.extend(content);
            self.push(Inline::text("]"));
        }
        Ok(())
    }

    /// Text as written, with pandoc's smart quotation marks (`smart.rs`) and its email
    /// autolinks beyond ASCII (`<测@foo.测.baz>`, `links.rs`), whose address may run on over
    /// the next tokens (an entity resolved in it).
    fn raw_text(&mut self, text: String, at: usize, toks: &mut VecDeque<Tok>) {
        let src = self.src;
        let found = text.match_indices('<').find_map(|(i, _)| {
            let end = links::email_autolink(src.text, at + i).filter(|_| !src.escaped(at + i))?;
            let address = email_address(&text, at, i, end, toks)?;
            Some((i, end, address))
        });
        let Some((i, end, (address, taken))) = found else {
            self.push(Inline::Text { text: smart::mark(&text, at, |k| src.escaped(k)) });
            return;
        };
        if i > 0 {
            self.push(Inline::Text { text: smart::mark(&text[..i], at, |k| src.escaped(k)) });
        }
        let url = format!("mailto:{address}");
        self.push(Inline::Link { url, content: vec![Inline::text(&address)] });
        let (last, last_at) = match taken {
            0 => (text, at),
            n => {
                toks.drain(..n - 1);
                match toks.pop_front() {
                    Some(Tok::Lit { text, at, .. }) => (text, at),
                    _ => return,
                }
            }
        };
        if let Some(rest) = last.get(end - last_at..).filter(|r| !r.is_empty()) {
            toks.push_front(Tok::Lit { text: rest.to_string(), at: end, raw: true });
        }
    }

    /// A link pandoc reads where CommonMark reads text (`links.rs`): the tokens up to its end
    /// are taken off `toks`. Only tokens of text as written may be taken (never code, notes or
    /// emphasis), else it is no link.
    fn pandoc_link(&mut self, open: usize, close: usize, toks: &mut VecDeque<Tok>) -> Option<(String, bool)> {
        let (url, titled, end) = links::after_bracket(self.src.text, open, close, &self.r.targets)?;
        // Check first that every token before `end` is text as written (or a line end).
        let mut taken = 0usize;
        for tok in toks.iter() {
            let reach = match tok {
                Tok::Lit { at, .. } | Tok::Open { at, .. } | Tok::Close { at } if *at >= end => break,
                Tok::Lit { text, at, raw: true } => at + text.len(),
                Tok::Open { at, .. } | Tok::Close { at } => at + 1,
                Tok::Lit { text, raw: false, .. } if text.trim().is_empty() => 0,
                _ => return None,
            };
            taken += 1;
            if reach >= end {
                break;
            }
        }
        toks.drain(..taken.saturating_sub(1));
        if taken > 0 {
            match toks.pop_front() {
                Some(Tok::Lit { text, at, raw }) if at + text.len() > end => {
                    let rest = text.get(end - at..).unwrap_or_default().to_string();
                    if !rest.is_empty() {
                        toks.push_front(Tok::Lit { text: rest, at: end, raw });
                    }
                }
                _ => {}
            }
        }
        Some((url, titled))
    }

    /// A bracketed span `[content]{attrs}`, the attributes written at byte `at`.
    fn bracket_with_attrs(&mut self, content: Vec<Inline>, text: &str, at: usize) -> Result<()> {
        let attrs = parse_attrs(text).unwrap_or_default();
        let inferred = attrs.classes.contains(&"inferred");
        let endnote = attrs.classes.contains(&"endnote");
        if inferred || endnote {
            // `[[^3]]{.inferred}`, `[[^3]]{.endnote}` or both: a call placed by the reader of
            // the source, the call of an endnote (the Markdown writer's forms).
            let what = if endnote {
                "`{.endnote}` marks an endnote's call"
            } else {
                "`{.inferred}` marks a note call"
            };
            match <[Inline; 1]>::try_from(content) {
                Ok([Inline::Note(mut note)]) => {
                    if inferred {
                        note.anchor = Anchor::Inferred;
                    }
                    if endnote {
                        note.kind = NoteKind::End;
                    }
                    self.push(Inline::Note(note));
                }
                Ok([other]) => self.misplaced(vec![other], what, at),
                Err(content) => self.misplaced(content, what, at),
            }
        } else if attrs.classes.contains(&"pagebreak") {
            // `[]{.pagebreak n="47"}`: where printed page 47 begins.
            match attrs.n.filter(|n| !n.trim().is_empty()) {
                Some(n) if content.is_empty() => self.push(Inline::PageBreak { n: n.to_string() }),
                _ => self.misplaced(
                    content,
                    "`{.pagebreak n=\"…\"}` marks an empty span where a printed page begins",
                    at,
                ),
            }
        } else if attrs.classes.contains(&"label") {
            if self.label.is_none() && self.at_run_start() {
                self.label = Some(smart::unmark(&plain_text(&content)));
            } else {
                self.misplaced(content, "`{.label}` marks the number at the start of a reference entry", at);
            }
        } else if attrs.classes.iter().any(|c| SPAN_CLASSES.contains(c)) || attrs.lang.is_some() {
            // `[…]{.smallcaps}`, `[…]{lang=ru}`, a name, a date or an editorial choice
            // (`names.rs`), nested: small capitals inside, the language outside.
            let mut content = content;
            if attrs.classes.contains(&"smallcaps") {
                content = vec![Inline::SmallCaps { content }];
            }
            if attrs.classes.contains(&"underline") {
                content = vec![Inline::Underline { content }];
            }
            // `[…]{.highlight rend="…"}`: a run set apart, with the source's words for how.
            let mut rend_used = false;
            if attrs.classes.contains(&"highlight") {
                let rend = attrs.values.iter().find(|(k, _)| *k == "rend").map(|(_, v)| v.to_string());
                rend_used = rend.is_some();
                content = vec![Inline::Highlight { rend: rend.unwrap_or_default(), content }];
            }
            let (typed, mut used) = names::typed(&attrs.classes, &attrs.values, content);
            if rend_used {
                used.push("rend");
            }
            content = typed;
            if let Some((tag, off)) = attrs.lang {
                let lang = LangTag::parse(tag).map_err(|m| self.r.error(self.src.pos(at + off), m))?;
                content = vec![Inline::Span { lang, content }];
            }
            let others = attrs.classes.iter().any(|c| !SPAN_CLASSES.contains(c))
                || names::typed_classes(&attrs.classes) > 1
                || attrs.id.is_some()
                || attrs.other.iter().any(|k| !used.contains(k));
            if others {
                let message = format!(
                    "span attributes `{{{text}}}` other than lang, .smallcaps and one of a name's, a date's or a choice's (with its ref, when, sic, orig or abbr) are not kept"
                );
                self.r.warn("md-unsupported", self.src.pos(at), message);
            }
            self.extend(content);
        } else {
            if !attrs.is_empty() {
                let message = format!(
                    "a bracketed span's attributes `{{{text}}}` other than lang have no place in the model; the span is left out, its text kept"
                );
                self.r.warn("md-unsupported", self.src.pos(at), message);
            }
            self.extend(content);
        }
        Ok(())
    }

    /// Keeps `content` as it is and reports attributes used where they mean nothing.
    fn misplaced(&mut self, content: Vec<Inline>, what: &str, at: usize) {
        let message = format!("{what}; here it is left out and the text kept");
        self.r.warn("md-unsupported", self.src.pos(at), message);
        self.extend(content);
    }

    /// Whether nothing but spaces precedes, at the top level of the run.
    fn at_run_start(&self) -> bool {
        let [root] = self.opens.as_slice() else { return false };
        root.content.iter().all(|i| matches!(i, Inline::Text { text } if text.trim().is_empty()))
    }
}

/// Takes `{…}` right after a `]` off the front of `toks`, when it is pandoc attribute syntax:
/// returns the text between the braces and the byte it starts at.
fn take_attrs(src: &Source, toks: &mut VecDeque<Tok>) -> Option<(String, usize)> {
    let Some(Tok::Lit { text, at, raw: true }) = toks.front() else { return None };
    if !text.starts_with('{') || src.escaped(*at) {
        return None;
    }
    let start = *at + 1;
    let mut joined = String::new();
    let mut whole = 0;
    let mut cut = None;
    for tok in toks.iter().take(MAX_ATTR_PIECES) {
        let Tok::Lit { text, raw: true, .. } = tok else { return None };
        if let Some(end) = text.find('}') {
            joined.push_str(text.get(..end)?);
            cut = Some(end + 1);
            break;
        }
        joined.push_str(text);
        whole += 1;
    }
    let cut = cut?;
    let inner = joined.get(1..)?.to_string();
    parse_attrs(&inner)?;
    toks.drain(..whole);
    if let Some(Tok::Lit { text, at, .. }) = toks.front_mut() {
        *text = text.get(cut..).unwrap_or_default().to_string();
        *at += cut;
        if text.is_empty() {
            toks.pop_front();
        }
    }
    Some((inner, start))
}

/// The label of `[^label]` between the brackets at `open` and `close`, as written.
fn note_label(src: &Source, open: usize, close: usize) -> Option<String> {
    let label = src.text.get(open + 1..close)?.strip_prefix('^')?;
    let bad = |c: char| c.is_whitespace() || matches!(c, '[' | ']' | '^' | '\\');
    (!label.is_empty() && !label.contains(bad)).then(|| label.to_string())
}

/// Merges adjacent text inlines and drops empty ones, at every depth.
fn merge(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let mut inline = inline;
        if let Some(content) = inline.children_mut() {
            *content = merge(std::mem::take(content));
        }
        if let Inline::Text { text } = &inline {
            if text.is_empty() {
                continue;
            }
            if let Some(Inline::Text { text: before }) = out.last_mut() {
                before.push_str(text);
                continue;
            }
        }
        out.push(inline);
    }
    out
}

/// Markdown's insignificant white space (a no-break space is text).
fn is_md_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Trims white space off both ends of merged inlines.
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = inlines.first_mut() {
        *text = text.trim_start_matches(is_md_space).to_string();
    }
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        let len = text.trim_end_matches(is_md_space).len();
        text.truncate(len);
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    inlines
}

/// The language of a paragraph that is exactly one span.
fn whole_span_lang(block: &Block) -> Option<&LangTag> {
    match block {
        Block::Paragraph { content, lang: None } => match content.as_slice() {
            [Inline::Span { lang, .. }] => Some(lang),
            _ => None,
        },
        _ => None,
    }
}

/// A note whose every paragraph is one span of the same language is a note in that language.
fn lift_lang(blocks: Vec<Block>) -> (Option<LangTag>, Vec<Block>) {
    let Some(lang) = blocks.first().and_then(whole_span_lang).cloned() else { return (None, blocks) };
    if !blocks.iter().all(|b| whole_span_lang(b) == Some(&lang)) {
        return (None, blocks);
    }
    let blocks = blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { content, .. } => Block::paragraph(
                content
                    .into_iter()
                    .flat_map(|i| match i {
                        Inline::Span { content, .. } => content,
                        other => vec![other],
                    })
                    .collect(),
            ),
            other => other,
        })
        .collect();
    (Some(lang), blocks)
}

// ---------------------------------------------------------------------------------------------
// Notes

/// State of note resolution.
struct Resolution {
    /// Labels in use: every definition's and the inline notes' given so far.
    taken: BTreeSet<String>,
    /// The next number to try for an inline note.
    next: u64,
    /// Definitions being expanded, innermost last.
    active: Vec<usize>,
    expanded: usize,
}

impl Resolution {
    /// The smallest numeric label not taken.
    fn free_label(&mut self) -> String {
        loop {
            let label = self.next.to_string();
            self.next = self.next.saturating_add(1);
            if self.taken.insert(label.clone()) {
                return label;
            }
        }
    }
}

impl Reader<'_> {
    /// Replaces every note placeholder of the document by its note.
    fn resolve(&mut self, doc: &mut Document) -> Result<()> {
        let taken = self.defs.iter().map(|d| d.label.clone()).collect();
        let mut res = Resolution { taken, next: 1, active: Vec::new(), expanded: 0 };
        for abs in &mut doc.meta.abstracts {
            self.resolve_blocks(&mut abs.content, &mut res)?;
        }
        for part in &mut doc.front {
            self.resolve_blocks(&mut part.blocks, &mut res)?;
        }
        self.resolve_blocks(&mut doc.body, &mut res)?;
        if let Some(bib) = &mut doc.back.bibliography {
            for entry in &mut bib.entries {
                self.resolve_inlines(&mut entry.content, &mut res)?;
            }
        }
        Ok(())
    }

    fn resolve_blocks(&mut self, blocks: &mut [Block], res: &mut Resolution) -> Result<()> {
        for block in blocks {
            match block {
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                    self.resolve_inlines(content, res)?
                }
                Block::Quote { blocks, source, .. } => {
                    self.resolve_blocks(blocks, res)?;
                    if let Some(source) = source {
                        self.resolve_inlines(source, res)?;
                    }
                }
                Block::List { items, .. } => {
                    for item in items {
                        self.resolve_blocks(item, res)?;
                    }
                }
                Block::EmbeddedText { blocks, .. } => self.resolve_blocks(blocks, res)?,
                Block::DefinitionList { items } => {
                    for d in items {
                        self.resolve_inlines(&mut d.term, res)?;
                        for def in &mut d.details {
                            self.resolve_blocks(def, res)?;
                        }
                    }
                }
                Block::Table(t) => {
                    self.resolve_inlines(&mut t.caption, res)?;
                    for row in t.rows_mut() {
                        for cell in &mut row.cells {
                            self.resolve_blocks(&mut cell.blocks, res)?;
                        }
                    }
                    if let Some(source) = &mut t.source {
                        self.resolve_inlines(source, res)?;
                    }
                }
                Block::Figure(f) => {
                    self.resolve_inlines(&mut f.caption, res)?;
                    if let Some(source) = &mut f.source {
                        self.resolve_inlines(source, res)?;
                    }
                }
                Block::LineBlock { lines } => {
                    for line in lines {
                        self.resolve_inlines(line, res)?;
                    }
                }
                Block::CodeBlock { .. } | Block::SectionBreak => {}
            }
        }
        Ok(())
    }

    fn resolve_inlines(&mut self, inlines: &mut [Inline], res: &mut Resolution) -> Result<()> {
        for inline in inlines {
            match inline {
                Inline::Note(note) => self.resolve_note(note, res)?,
                other => {
                    if let Some(content) = other.children_mut() {
                        self.resolve_inlines(content, res)?
                    }
                }
            }
        }
        Ok(())
    }

    fn resolve_note(&mut self, note: &mut Note, res: &mut Resolution) -> Result<()> {
        let Some(call) = note.label.parse::<usize>().ok().and_then(|i| self.calls.get(i)) else {
            return Ok(());
        };
        let at = (call.line, call.col);
        res.expanded += 1;
        // Two messages (issue 23: a 100 MB article of 400,000 plain notes was told its notes
        // call notes too deeply): which limit was passed, and what to do.
        if res.expanded > MAX_NOTES {
            return Err(self.error(at, format!("the file has more than {MAX_NOTES} notes (a note called from several places, or from another note, counts each time): colophon reads at most {MAX_NOTES}; split the article")));
        }
        if res.active.len() >= MAX_NOTE_DEPTH {
            return Err(self.error(at, format!("notes call notes more than {MAX_NOTE_DEPTH} deep: colophon reads at most {MAX_NOTE_DEPTH}")));
        }
        let (label, def, lang, mut content) = match &call.kind {
            CallKind::Inline(blocks) => {
                let (lang, content) = lift_lang(blocks.clone());
                (res.free_label(), None, lang, content)
            }
            CallKind::Ref(label) => {
                let label = label.clone();
                let (def, lang, content) = self.use_definition(&label, at, res)?;
                (self.model_label(&label), Some(def), lang, content)
            }
        };
        res.active.extend(def);
        self.resolve_blocks(&mut content, res)?;
        if def.is_some() {
            res.active.pop();
        }
        *note = Note { label, kind: note.kind, anchor: note.anchor, lang, content };
        Ok(())
    }

    /// The model label of a Markdown label. The writer writes a label the model repeats (notes
    /// numbered per page) as `1`, `1-2`, `1-3`…: `1-2` is `1` again when `1` is defined too.
    fn model_label(&self, label: &str) -> String {
        let repeated = |(base, n): &(&str, &str)| {
            n.bytes().all(|b| b.is_ascii_digit())
                && !n.starts_with('0')
                && *n != "1"
                && self.labels.contains_key(*base)
        };
        label.rsplit_once('-').filter(repeated).map_or(label, |(base, _)| base).to_string()
    }

    /// The index, language and content of the definition of `label`, called at `at`.
    fn use_definition(
        &mut self,
        label: &str,
        at: (u32, u32),
        res: &Resolution,
    ) -> Result<(usize, Option<LangTag>, Vec<Block>)> {
        let Some(&i) = self.labels.get(label) else {
            return Err(self.error(at, format!("note [^{label}] has no definition")));
        };
        if res.active.contains(&i) {
            return Err(self.error(at, format!("note [^{label}] calls itself")));
        }
        let Some(def) = self.defs.get_mut(i) else { return Ok((i, None, Vec::new())) };
        def.uses += 1;
        let found = (i, def.lang.clone(), def.content.clone());
        if def.uses == 2 {
            let message = format!("note [^{label}] is called more than once; each call gets the note");
            self.warn("md-repeated-note", at, message);
        }
        Ok(found)
    }

    /// Reports the definitions no call used; their notes are dropped.
    fn report_unused(&mut self) {
        let unused: Vec<_> =
            self.defs.iter().filter(|d| d.uses == 0).map(|d| (d.label.clone(), d.line, d.col)).collect();
        for (label, line, col) in unused {
            let message = format!("note [^{label}] is defined but never called; it is left out");
            self.warn("md-unused-note", (line, col), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    fn read_ok(md: &str) -> (Document, Vec<Diagnostic>) {
        match read(Path::new("t.md"), md) {
            Ok(read) => read,
            Err(e) => panic!("{e}"),
        }
    }

    /// The line, column and message of a read that must fail.
    /// Front divisions are taken out of the body at the top only; embedded texts nest, keep
    /// their kind and language, and do not give it to their paragraphs.
    #[test]
    fn front_divisions_and_embedded_texts_are_blocks_of_their_own() {
        let md = "::: {.dedication}\nTo M.\n:::\n\nText.\n\n:::: {.embedded-text kind=\"report\" lang=de}\nBericht.\n\n::: {.embedded-text kind=\"letter\"}\nBrief.\n:::\n\n::: {.preface}\nInside.\n:::\n::::\n\n::: {.front-matter name=\"motto\"}\nLate.\n:::\n";
        let (doc, diags) = read_ok(md);
        assert!(diags.iter().all(|d| d.code != "md-unsupported"), "{diags:?}");
        let parts: Vec<_> = doc.front.iter().map(|p| (p.kind, p.name.as_deref())).collect();
        assert_eq!(parts, [(FrontKind::Dedication, None), (FrontKind::Other, Some("motto"))]);
        assert_eq!(doc.body.len(), 2);
        let Block::EmbeddedText { kind, lang, blocks } = &doc.body[1] else { panic!("{:?}", doc.body) };
        assert_eq!((kind.as_deref(), lang.as_ref().map(|l| l.as_str())), (Some("report"), Some("de")));
        assert_eq!(blocks[0], Block::paragraph(vec![t("Bericht.")]));
        assert!(matches!(&blocks[1], Block::EmbeddedText { kind: Some(k), lang: None, .. } if k == "letter"));
        assert_eq!(blocks[2], Block::paragraph(vec![t("Inside.")]));
    }

    fn read_err(md: &str) -> (u32, u32, String) {
        match read(Path::new("t.md"), md) {
            Err(Error::Input { line, col, message, .. }) => (line, col, message),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    /// The (code, line, col) of every diagnostic.
    fn codes(diags: &[Diagnostic]) -> Vec<(&'static str, u32, u32)> {
        diags.iter().map(|d| (d.code, d.line, d.col)).collect()
    }

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    fn lang(tag: &str) -> LangTag {
        LangTag::parse(tag).unwrap()
    }

    fn note(label: &str, anchor: Anchor, lang: Option<&str>, paras: &[&str]) -> Inline {
        Inline::Note(Note {
            label: label.into(),
            kind: Default::default(),
            anchor,
            lang: lang.map(self::lang),
            content: paras.iter().map(|p| Block::paragraph(vec![t(p)])).collect(),
        })
    }

    const FULL: &str = r#"---
title: "Zangezur in 1918"
lang: "en"
author:
  - name: "Islam Xoşgədəm"
    affiliation: "BSU"
    email: "ix@example.org"
abstract:
  - lang: "en"
    heading: "Abstract"
    text: |
      The *first* paragraph.[^a1]

      The second.
keywords:
  - lang: "en"
    heading: "Keywords"
    terms: ["Zangezur", "1918"]
journal: "Tarix"
volume: "12"
license: "CC-BY-4.0"
extra:
  funding: "none"
---

[^a1]: An abstract note.

# Introduction

Plain *emph* **strong** [a link](https://example.org/a) <https://example.org> [söz *x*]{lang=tr} text.[^1]
Next line[[^2]]{.inferred} and inline^[Inline note.] end\[^x\] \^[y].

::: {lang=tr}
Türkçe paragraf.

İkinci.
:::

## Sub

[^1]: First paragraph of note.

    Second paragraph of note.

[^2]: [Русский текст]{lang=ru}

# REFERENCES {#references}

- [1]{.label} Author, *Title*, 1990.
- Second entry.
"#;

    #[test]
    fn reads_a_full_document() {
        let (doc, diags) = read_ok(FULL);
        assert!(diags.is_empty(), "{diags:?}");
        let m = &doc.meta;
        assert_eq!(m.titles, vec![Title { text: "Zangezur in 1918".into(), lang: None }]);
        assert_eq!(m.lang, Some(lang("en")));
        assert_eq!(m.authors[0].name.as_deref(), Some("Islam Xoşgədəm"));
        assert_eq!(m.authors[0].affiliation.as_deref(), Some("BSU"));
        assert_eq!(m.authors[0].email.as_deref(), Some("ix@example.org"));
        assert_eq!(m.journal.as_deref(), Some("Tarix"));
        assert_eq!(m.volume.as_deref(), Some("12"));
        assert_eq!(m.licence.as_deref(), Some("CC-BY-4.0"));
        assert_eq!(m.extra.get("funding").map(String::as_str), Some("none"));
        assert_eq!(
            m.keywords,
            vec![KeywordList {
                lang: Some(lang("en")),
                heading: Some("Keywords".into()),
                terms: vec!["Zangezur".into(), "1918".into()],
            }]
        );
        let abs = &m.abstracts[0];
        assert_eq!((abs.lang.clone(), abs.heading.as_deref()), (Some(lang("en")), Some("Abstract")));
        assert_eq!(
            abs.content,
            vec![
                Block::paragraph(vec![
                    t("The "),
                    Inline::Emph { content: vec![t("first")] },
                    t(" paragraph."),
                    note("a1", Anchor::Call, None, &["An abstract note."]),
                ]),
                Block::paragraph(vec![t("The second.")]),
            ]
        );

        let body = vec![
            Block::Heading { level: 1, content: vec![t("Introduction")] },
            Block::paragraph(vec![
                t("Plain "),
                Inline::Emph { content: vec![t("emph")] },
                t(" "),
                Inline::Strong { content: vec![t("strong")] },
                t(" "),
                Inline::Link { url: "https://example.org/a".into(), content: vec![t("a link")] },
                t(" "),
                Inline::Link { url: "https://example.org".into(), content: vec![t("https://example.org")] },
                t(" "),
                Inline::Span {
                    lang: lang("tr"),
                    content: vec![t("söz "), Inline::Emph { content: vec![t("x")] }],
                },
                t(" text."),
                note("1", Anchor::Call, None, &["First paragraph of note.", "Second paragraph of note."]),
                t(" Next line"),
                note("2", Anchor::Inferred, Some("ru"), &["Русский текст"]),
                t(" and inline"),
                note("3", Anchor::Call, None, &["Inline note."]),
                t(" end[^x] ^[y]."),
            ]),
            Block::Paragraph { content: vec![t("Türkçe paragraf.")], lang: Some(lang("tr")) },
            Block::Paragraph { content: vec![t("İkinci.")], lang: Some(lang("tr")) },
            Block::Heading { level: 2, content: vec![t("Sub")] },
        ];
        assert_eq!(doc.body, body);

        let bib = doc.back.bibliography.expect("a bibliography");
        assert_eq!(bib.heading, "REFERENCES");
        assert_eq!(bib.entries.len(), 2);
        assert_eq!(bib.entries[0].label.as_deref(), Some("1"));
        assert_eq!(bib.entries[0].raw, "Author, Title, 1990.");
        assert_eq!(
            bib.entries[0].content,
            vec![t("Author, "), Inline::Emph { content: vec![t("Title")] }, t(", 1990.")]
        );
        assert_eq!((bib.entries[1].label.as_deref(), bib.entries[1].raw.as_str()), (None, "Second entry."));
    }

    #[test]
    fn reads_pandoc_style_metadata() {
        let md = "---\ntitle: A title\nauthor: Jane Roe\nabstract: A *short* abstract.\nkeywords: [history, archives]\ndate: 2023-05-01\n---\n\nText.\n";
        let (doc, diags) = read_ok(md);
        assert!(diags.is_empty(), "{diags:?}");
        let m = &doc.meta;
        assert_eq!(m.titles[0].text, "A title");
        assert_eq!(m.authors, vec![Author { name: Some("Jane Roe".into()), ..Author::default() }]);
        assert_eq!(
            m.abstracts,
            vec![Abstract {
                lang: None,
                heading: None,
                content: vec![Block::paragraph(vec![
                    t("A "),
                    Inline::Emph { content: vec![t("short")] },
                    t(" abstract."),
                ])],
            }]
        );
        assert_eq!(m.keywords[0].terms, ["history", "archives"]);
        assert_eq!(m.date.as_deref(), Some("2023-05-01"));
        assert_eq!(doc.body, vec![Block::paragraph(vec![t("Text.")])]);
    }

    #[test]
    fn keywords_as_one_string_are_split_at_commas() {
        let (doc, _) = read_ok("---\nkeywords: history, archives\n---\n");
        assert_eq!(doc.meta.keywords[0].terms, ["history", "archives"]);
    }

    #[test]
    fn titles_win_over_title_with_a_warning() {
        let md = "---\ntitle: One\ntitles:\n  - text: Two\n  - {text: İki, lang: tr}\n---\n";
        let (doc, diags) = read_ok(md);
        assert_eq!(doc.meta.titles[0], Title { text: "Two".into(), lang: None });
        assert_eq!(doc.meta.titles[1], Title { text: "İki".into(), lang: Some(lang("tr")) });
        assert_eq!(codes(&diags), [("md-title-mismatch", 2, 1)]);
    }

    /// `pandoc -t markdown` output: hard-wrapped lines, calls `text.[^1]`, definitions at the
    /// end, later paragraphs and wrapped lines of a note indented by four spaces.
    #[test]
    fn reads_pandoc_markdown_output() {
        let md = "\
---
author:
- Jane Roe
title: A title
---

The first paragraph is long enough that pandoc wraps it at seventy-two
columns, and it has a note.[^1] It goes on for a while after the note
and has a second one.[^2]

A second paragraph, with a [span in Turkish]{lang=\"tr\"} and a third
note.[^3]

[^1]: The first note, which is also long enough to be wrapped by pandoc
    at seventy-two columns.

    Its second paragraph, also wrapped at seventy-two columns in the
    output.

[^2]: Short.

::: {lang=\"tr\"}
Türkçe paragraf.
:::

[^3]: Another note.
";
        let (doc, diags) = read_ok(md);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(doc.meta.authors[0].name.as_deref(), Some("Jane Roe"));
        let notes = doc.notes();
        let labels: Vec<_> = notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        assert_eq!(
            notes[0].content,
            vec![
                Block::paragraph(vec![t(
                    "The first note, which is also long enough to be wrapped by pandoc at seventy-two columns."
                )]),
                Block::paragraph(vec![t(
                    "Its second paragraph, also wrapped at seventy-two columns in the output."
                )]),
            ]
        );
        assert_eq!(notes[1].content, vec![Block::paragraph(vec![t("Short.")])]);
        let first = plain_text(doc.body[0].content());
        assert_eq!(
            first,
            "The first paragraph is long enough that pandoc wraps it at seventy-two columns, and it has a note. \
             It goes on for a while after the note and has a second one."
        );
        assert!(matches!(&doc.body[1].content()[1], Inline::Span { lang: l, .. } if l.as_str() == "tr"));
        assert_eq!(
            doc.body[2],
            Block::Paragraph { content: vec![t("Türkçe paragraf.")], lang: Some(lang("tr")) }
        );
    }

    #[test]
    fn inline_notes_take_the_next_free_number() {
        let (doc, _) = read_ok("a^[x] b[^1] c^[y]\n\n[^1]: one\n");
        let labels: Vec<_> = doc.notes().iter().map(|n| n.label.clone()).collect();
        assert_eq!(labels, ["2", "1", "3"]);
    }

    #[test]
    fn a_note_in_one_language_per_paragraph_is_lifted() {
        let (doc, _) =
            read_ok("a[^1] b[^2]\n\n[^1]: [x]{lang=ru}\n\n    [y]{lang=ru}\n\n[^2]: [x]{lang=ru} z\n");
        let notes = doc.notes();
        assert_eq!(notes[0].lang, Some(lang("ru")));
        assert_eq!(notes[0].content, vec![Block::paragraph(vec![t("x")]), Block::paragraph(vec![t("y")])]);
        assert_eq!(notes[1].lang, None);
    }

    #[test]
    fn ordered_reference_lists_number_their_entries() {
        let (doc, _) = read_ok("# Kaynakça {#references}\n\n3. One.\n4. [x]{.label} Two.\n");
        let bib = doc.back.bibliography.unwrap();
        let labels: Vec<_> = bib.entries.iter().map(|e| e.label.as_deref()).collect();
        assert_eq!(labels, [Some("3"), Some("x")]);
        assert_eq!(bib.heading, "Kaynakça");
    }

    #[test]
    fn a_note_without_definition_is_an_error_at_its_call() {
        let (line, col, message) = read_err("Intro.\n\nText ç[^14] more.\n");
        assert_eq!((line, col), (3, 7));
        assert_eq!(message, "note [^14] has no definition");
        // In an abstract, at the file position of the call in the literal block.
        let (line, col, _) = read_err("---\nabstract: |\n  Text.\n  More[^9].\n---\n");
        assert_eq!((line, col), (4, 7));
    }

    #[test]
    fn a_duplicate_definition_is_an_error() {
        let (line, col, message) = read_err("a[^1]\n\n[^1]: one\n\n[^1]: two\n");
        assert_eq!((line, col), (5, 1));
        assert!(message.contains("md-duplicate-note") && message.contains("line 3"), "{message}");
    }

    #[test]
    fn a_note_calling_itself_is_an_error() {
        let (line, _, message) = read_err("a[^1]\n\n[^1]: see[^1]\n");
        assert_eq!(line, 3);
        assert!(message.contains("calls itself"), "{message}");
    }

    #[test]
    fn an_unused_definition_is_reported_and_dropped() {
        let (doc, diags) = read_ok("Text.\n\n[^7]: never called\n");
        assert_eq!(codes(&diags), [("md-unused-note", 3, 1)]);
        assert_eq!(diags[0].severity, Severity::Warning);
        assert!(doc.notes().is_empty());
    }

    #[test]
    fn an_unknown_key_is_reported_and_kept() {
        let (doc, diags) = read_ok("---\ntitle: T\nsubtitle: S\nbibliography: [a.bib]\n---\n");
        assert_eq!(codes(&diags), [("md-unknown-key", 3, 1), ("md-unknown-key", 4, 1)]);
        assert_eq!(doc.meta.extra.get("subtitle").map(String::as_str), Some("S"));
        assert!(!doc.meta.extra.contains_key("bibliography"));
        let (_, diags) = read_ok("---\nauthor:\n  - name: A\n    affil: X\n---\n");
        assert_eq!(codes(&diags), [("md-unknown-key", 4, 0)]);
    }

    #[test]
    fn a_bad_language_tag_is_an_error_at_its_line_and_column() {
        let (line, col, message) = read_err("---\ntitle: T\nlang: english\n---\n");
        assert_eq!((line, col), (3, 7));
        assert!(message.contains("BCP 47"), "{message}");
        assert_eq!(read_err("---\ntitles:\n  - text: T\n    lang: \"e\"\n---\n").0, 4);
        assert_eq!(read_err("---\ntitles:\n  - text: T\n    lang: \"e\"\n---\n").1, 12);
        let (line, col, _) = read_err("Intro.\n\nSome [word]{lang=türkçe} here.\n");
        assert_eq!((line, col), (3, 18));
        let (line, col, _) = read_err("Intro.\n\n::: {lang=e}\nText.\n:::\n");
        assert_eq!((line, col), (3, 11));
    }

    #[test]
    fn a_yaml_syntax_error_names_the_file_line() {
        let (line, col, message) = read_err("---\ntitle: T\nkeywords: [a, b\n---\n\nText.\n");
        assert_eq!((line, col), (4, 1));
        assert!(message.contains("invalid YAML") && message.contains("line 3 column 11"), "{message}");
        let (line, _, _) = read_err("---\ntitle: T\n");
        assert_eq!(line, 1);
    }

    #[test]
    fn links_pandoc_reads_where_commonmark_reads_text() {
        let md = "[foo] is defined.\n\n[foo]: /url\n\n[foo](/bar and baz) x, <测@foo.测.baz> and <http://g&ouml;gle.com>.\n";
        let (doc, _) = read_ok(md);
        let links: Vec<(String, String)> = doc.body[1]
            .content()
            .iter()
            .filter_map(|i| match i {
                Inline::Link { url, content } => Some((url.clone(), plain_text(content))),
                _ => None,
            })
            .collect();
        assert_eq!(
            links,
            [
                ("/bar%20and%20baz".to_string(), "foo".to_string()),
                ("mailto:测@foo.测.baz".into(), "测@foo.测.baz".into()),
                ("http://gögle.com".into(), "http://gögle.com".into())
            ]
        );
        assert_eq!(plain_text(doc.body[1].content()), "foo x, 测@foo.测.baz and http://gögle.com.");
    }

    #[test]
    fn scripts_around_emphasis() {
        // Text ending in a character of several bytes before markup (once a panic).
        let (doc, _) = read_ok("Маммадов “*Тарих*” and “^*x*^”.\n");
        assert_eq!(plain_text(doc.body[0].content()), "Маммадов “Тарих” and “x”.");
        let (doc, _) = read_ok("Superscripts: a^*hello*^ and H~**2**~O, not a^*b c*^ nor 2^*x*.\n");
        let content = doc.body[0].content();
        assert!(
            content.contains(&Inline::Superscript {
                content: vec![Inline::Emph { content: vec![Inline::text("hello")] }]
            }),
            "{content:?}"
        );
        assert!(
            content.contains(&Inline::Subscript {
                content: vec![Inline::Strong { content: vec![Inline::text("2")] }]
            }),
            "{content:?}"
        );
        assert_eq!(plain_text(content), "Superscripts: ahello and H2O, not a^b c^ nor 2^x.");
    }

    #[test]
    fn unsupported_constructs_keep_their_text_and_are_reported() {
        // (The quotation, code, list, inline code and rule are read as what they are.)
        let md = "Intro.\n\n> Quoted.\n\n```\nlet x;\n```\n\n- a\n- b\n\nAn `x` and ![alt](i.png) and <b>.\n\n---\n";
        let (doc, diags) = read_ok(md);
        // The image is kept, its missing file reported (`floats.rs`).
        assert_eq!(codes(&diags), [("md-unsupported", 12, 30), ("image-missing", 12, 12)]);
        let texts: Vec<_> =
            doc.body.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect();
        assert_eq!(texts, ["Intro.", "Quoted.", "a", "b", "An x and  and <b>."]);
        assert!(doc.body[4]
            .content()
            .iter()
            .any(|i| matches!(i, Inline::Image { alt, image } if alt == "alt" && image.media.is_none())));
        assert!(matches!(doc.body[1], Block::Quote { .. }) && matches!(doc.body[3], Block::List { .. }));
        assert_eq!(doc.body[2], Block::CodeBlock { text: "let x;".into(), syntax: None });
        assert_eq!(doc.body[5], Block::SectionBreak);
    }

    #[test]
    fn styled_runs_code_and_line_breaks_are_read_as_pandoc_reads_them() {
        let (doc, diags) =
            read_ok("H~2~O, 2^10^, [Ab]{.smallcaps lang=ru}, ``a`b``, ~~no~~ and x^a b^.\\\nNext.\n");
        assert_eq!(codes(&diags), [], "{diags:?}");
        let c = doc.body[0].content();
        assert!(matches!(&c[1], Inline::Subscript { content } if plain_text(content) == "2"));
        assert!(matches!(&c[3], Inline::Superscript { content } if plain_text(content) == "10"));
        let Inline::Span { lang: l, content } = &c[5] else { panic!("{c:?}") };
        assert_eq!(l.as_str(), "ru");
        assert!(matches!(&content[..], [Inline::SmallCaps { .. }]));
        assert_eq!(c[7], Inline::Code { text: "a`b".into() });
        assert_eq!(c[8], t(", "));
        assert_eq!(c[9], Inline::Strikeout { content: vec![t("no")] });
        assert_eq!(c[10], t(" and x^a b^."));
        assert_eq!(c[11], Inline::LineBreak);
    }

    #[test]
    fn definition_lists_epigraphs_and_code_blocks_are_blocks() {
        let md = "::: {.epigraph lang=ru}\n> Слово.\n>\n> — Автор\n:::\n\nTerm\n:   Def.[^1]\n\n~~~ {.xml}\n<a/>\n~~~\n\n[^1]: Note.\n\n    Term in a note\n    :   its definition\n";
        let (doc, diags) = read_ok(md);
        assert!(diags.is_empty(), "{diags:?}");
        let Block::Quote { epigraph: true, lang: Some(l), source: Some(_), .. } = &doc.body[0] else {
            panic!("{:?}", doc.body[0])
        };
        assert_eq!(l.as_str(), "ru");
        let Block::DefinitionList { items } = &doc.body[1] else { panic!() };
        assert_eq!(plain_text(&items[0].term), "Term");
        assert_eq!(doc.body[2], Block::CodeBlock { text: "<a/>".into(), syntax: Some("xml".into()) });
        assert!(matches!(doc.notes()[0].content[1], Block::DefinitionList { .. }), "{:?}", doc.notes()[0]);
    }

    #[test]
    fn a_table_with_its_caption_and_source_and_a_figure_are_read_with_their_references() {
        let md = "Intro @tbl:men, [the map](#fig:m) and @smith.\n\n| Year | Men |\n|------|----:|\n| 1897 | 12[^1] |\n\nTable: Table 2. Men {#tbl:men}\n\nSource: census.\n\n[^1]: Rounded.\n\n![Figure 3: A *map*](m.png){#fig:m width=50%}\n\nAfter.\n";
        let (doc, diags) = read_ok(md);
        assert_eq!(codes(&diags), [("image-missing", 13, 1)]);
        let Block::Table(t) = &doc.body[1] else { panic!("{:?}", doc.body) };
        assert_eq!((t.id.as_deref(), t.label.as_deref()), (Some("tbl:men"), Some("Table 2")));
        assert_eq!(t.caption, [t_("Men")]);
        assert_eq!(t.columns[1].align, crate::model::Align::Right);
        assert_eq!(plain_text(t.source.as_ref().unwrap()), "Source: census.");
        assert!(matches!(t.body[0].cells[1].blocks[0].content()[1], Inline::Note(_)));
        let Block::Figure(f) = &doc.body[2] else { panic!() };
        assert_eq!(
            (f.id.as_deref(), f.label.as_deref(), f.alt.as_deref()),
            (Some("fig:m"), Some("Figure 3"), None)
        );
        assert_eq!(f.images[0].width, Some(crate::model::Extent::Fraction(0.5)));
        let intro = doc.body[0].content();
        assert_eq!(intro[1], Inline::Ref { target: "tbl:men".into(), content: Vec::new() });
        assert_eq!(intro[3], Inline::Ref { target: "fig:m".into(), content: vec![t_("the map")] });
        assert!(matches!(&intro[5], Inline::Citation { keys, .. } if keys == &["smith"]), "{intro:?}");
        assert_eq!(plain_text(doc.body[3].content()), "After.");
    }

    fn t_(s: &str) -> Inline {
        Inline::text(s)
    }

    #[test]
    fn an_empty_note_is_kept_and_reported() {
        let (doc, diags) = read_ok("Text.[^1]\n\n[^1]:\n");
        assert_eq!(codes(&diags), [("md-empty-note", 3, 1)]);
        assert_eq!(doc.notes().len(), 1);
    }

    fn entries(doc: &Document) -> Vec<(Option<String>, String)> {
        let refs = doc.back.bibliography.as_ref().expect("a bibliography");
        refs.entries.iter().map(|e| (e.label.clone(), e.raw.clone())).collect()
    }

    #[test]
    fn a_reference_list_of_paragraphs_is_read_entry_by_entry() {
        let md = "Text.\n\n# References {#references}\n\nGatrell P. A Whole Empire Walking. Bloomington, 1999.\n\nИноземцева Е. А. Молокане Карсской области. М., 2003.\n\n- A list after them.\n";
        let (doc, diags) = read_ok(md);
        let raws: Vec<String> = entries(&doc).into_iter().map(|(_, raw)| raw).collect();
        assert_eq!(
            raws,
            [
                "Gatrell P. A Whole Empire Walking. Bloomington, 1999.",
                "Иноземцева Е. А. Молокане Карсской области. М., 2003.",
                "A list after them."
            ]
        );
        assert_eq!(codes(&diags), []);
    }

    #[test]
    fn every_form_of_reference_list_is_read_one_after_another() {
        // Paragraphs, a numbered list, a bullet list, a headed part of paragraphs, a `{#refs}`
        // div: every entry is kept, in order, none left out.
        let md = "Text.\n\n# References\n\nOne P. Book. 1999.\n\n1. Two N. Book. 2000.\n2. Three N. Book. 2001.\n\n* Four B. Book. 2002.\n\n### Archival sources\n\nGARF, f. 102.\n\nRGIA, f. 1284.\n";
        let (doc, diags) = read_ok(md);
        assert_eq!(codes(&diags), []);
        let got = entries(&doc);
        let raws: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(
            raws,
            [
                "One P. Book. 1999.",
                "Two N. Book. 2000.",
                "Three N. Book. 2001.",
                "Four B. Book. 2002.",
                "GARF, f. 102.",
                "RGIA, f. 1284."
            ]
        );
        assert_eq!(got[1].0.as_deref(), Some("1"));
        let bib = doc.back.bibliography.unwrap();
        assert_eq!(bib.parts.len(), 1);
        assert_eq!((bib.parts[0].heading.as_str(), bib.parts[0].start), ("Archival sources", 4));
    }

    #[test]
    fn a_refs_div_of_paragraphs_or_of_entry_divs_is_read_entry_by_entry() {
        let plain = "# References\n\n::: {#refs}\nOne. 1999.\n\nTwo. 2000.\n:::\n";
        let (doc, diags) = read_ok(plain);
        assert_eq!(codes(&diags), []);
        assert_eq!(entries(&doc).len(), 2);
        let keyed = "# References\n\n::: {#refs .references}\n::: {#ref-one .csl-entry}\nOne. 1999.\n:::\n\n::: {#ref-two .csl-entry}\nTwo. 2000.\n:::\n:::\n";
        let (doc, diags) = read_ok(keyed);
        assert_eq!(codes(&diags), []);
        let keys: Vec<Option<String>> =
            doc.back.bibliography.unwrap().entries.into_iter().map(|e| e.key).collect();
        assert_eq!(keys, [Some("one".to_string()), Some("two".to_string())]);
    }

    #[test]
    fn what_reads_as_no_entry_after_the_references_is_reported_by_name() {
        let (doc, diags) = read_ok("# References\n\nOne. 1999.\n\n```\ncode\n```\n");
        assert_eq!(entries(&doc).len(), 1);
        assert_eq!(codes(&diags), [("md-after-references", 5, 1)]);
        assert!(diags[0].message.contains("code block"), "{}", diags[0].message);
    }

    #[test]
    fn definitions_marked_with_a_tilde_are_definitions() {
        let (doc, diags) = read_ok("apple\n\n  ~ red fruit\n\n  ~ computer\n\n~~~\n~ code\n~~~\n");
        assert_eq!(codes(&diags), []);
        assert!(
            matches!(&doc.body[0], Block::DefinitionList { items } if items[0].details.len() == 2),
            "{:?}",
            doc.body[0]
        );
        assert_eq!(doc.body[1], Block::CodeBlock { text: "~ code".into(), syntax: None });
    }

    #[test]
    fn pandoc_example_lists_are_numbered_lists_numbered_on_through_the_text() {
        let md = "(@) First.\n(@good) Second.\n\nAs (@good) shows.\n\n(@) Third.\n";
        let (doc, diags) = read_ok(md);
        assert_eq!(codes(&diags), []);
        let numbering = |b: &Block| match b {
            Block::List { numbering: Some(n), items } => (n.start, n.delimiter, items.len()),
            other => panic!("{other:?}"),
        };
        assert_eq!(numbering(&doc.body[0]), (1, crate::model::Delimiter::TwoParens, 2));
        assert_eq!(plain_text(doc.body[1].content()), "As (@good) shows.");
        assert_eq!(numbering(&doc.body[2]), (3, crate::model::Delimiter::TwoParens, 1));
    }

    #[test]
    fn raw_tex_strikeout_and_line_blocks_are_reported_where_they_stand() {
        let md = "A \\emph{x} and C:\\Users, not \\$ or `\\code`.\n\n\\begin{center}\nX \\index{i}\n\\end{center}\n\n~~gone~~ but ~ not ~~ this\n\n| line one\n| line two\n";
        let (doc, diags) = read_ok(md);
        assert_eq!(
            codes(&diags),
            [("md-unsupported", 1, 3), ("md-unsupported", 1, 18), ("md-unsupported", 3, 1),]
        );
        let said: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(said[0].contains("raw TeX `\\emph`") && said[2].contains("raw TeX block"), "{said:?}");
        // A strikeout and a line block are read as such.
        let c = doc.body[2].content();
        assert_eq!(c[0], Inline::Strikeout { content: vec![Inline::text("gone")] }, "{c:?}");
        assert_eq!(plain_text(&c[1..]), " but ~ not ~~ this");
        assert_eq!(
            doc.body[3],
            Block::LineBlock { lines: vec![vec![Inline::text("line one")], vec![Inline::text("line two")]] }
        );
        // The text is kept.
        assert_eq!(plain_text(doc.body[0].content()), "A \\emph{x} and C:\\Users, not $ or \\code.");
    }

    #[test]
    fn blocks_after_the_reference_list_are_entries_too() {
        let (doc, diags) = read_ok("# R {#references}\n\n- One.\n\nAfter.\n\n[^1]: n\n");
        assert_eq!(codes(&diags), [("md-unused-note", 7, 1)]);
        assert_eq!(doc.back.bibliography.unwrap().entries.len(), 2);
        assert!(doc.body.is_empty());
    }

    #[test]
    fn divs_unclosed_or_unmatched_are_reported() {
        let (doc, diags) = read_ok(":::\n\n::: {lang=ru}\nТекст.\n");
        assert_eq!(codes(&diags), [("md-unmatched-div", 1, 1), ("md-unclosed-div", 3, 1)]);
        assert_eq!(doc.body, vec![Block::Paragraph { content: vec![t("Текст.")], lang: Some(lang("ru")) }]);
    }

    /// `[[^1]]{.endnote}` is the call of an endnote (the writer's form), also with
    /// `.inferred`; the class around anything else keeps the text and is reported.
    #[test]
    fn an_endnote_call_is_read_as_an_endnote() {
        let md =
            "A[^1] b[[^1-2]]{.endnote} c[[^2]]{.endnote .inferred}.\n\n[^1]: f\n\n[^1-2]: e\n\n[^2]: g\n";
        let (doc, diags) = read_ok(md);
        assert!(diags.is_empty(), "{diags:?}");
        let got: Vec<(NoteKind, &str, Anchor)> =
            doc.notes().iter().map(|n| (n.kind, n.label.as_str(), n.anchor)).collect();
        assert_eq!(
            got,
            [
                (NoteKind::Foot, "1", Anchor::Call),
                (NoteKind::End, "1", Anchor::Call),
                (NoteKind::End, "2", Anchor::Inferred)
            ]
        );
        let (doc, diags) = read_ok("Text [x]{.endnote}.\n");
        assert_eq!(plain_text(doc.body[0].content()), "Text x.");
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("`{.endnote}` marks an endnote's call"), "{diags:?}");
    }

    #[test]
    fn quotation_marks_in_a_figure_caption_and_a_label_never_leave_their_stand_ins() {
        let (doc, _) = read_ok("![A \"quoted\" map](m.png)\n\nText [\"12]{.label}.\n");
        let Block::Figure(f) = &doc.body[0] else { panic!("{:?}", doc.body) };
        assert!(f.caption.iter().any(|i| matches!(i, Inline::Quoted { .. })), "{:?}", f.caption);
        let all = format!("{doc:?}");
        assert!(!all.contains('\u{FDD0}') && !all.contains('\u{FDD1}'), "{all}");
    }

    #[test]
    fn misplaced_labels_and_unknown_span_attributes_keep_their_text() {
        let (doc, diags) = read_ok("Text [12]{.label} and [x]{.underline} and [y]{.inferred}.\n");
        assert_eq!(plain_text(doc.body[0].content()), "Text 12 and x and y.");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.code == "md-unsupported" && d.line == 1));
        assert!(
            doc.body[0].content().iter().any(|i| matches!(i, Inline::Underline { .. })),
            "{:?}",
            doc.body[0]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let inputs = [
            "",
            "---",
            "---\n",
            "---\n---\n",
            "[",
            "]",
            "^[",
            "[[[[",
            "]]]]{",
            "[a]{",
            "[a]{lang=}",
            "[a]{lang=\"tr}",
            "[^]",
            "[^ a]",
            "^[^[^[x]]]",
            "[x](y){lang=tr}",
            "*[a*]{lang=tr}",
            "[*a]{lang=tr}*",
            "\\",
            "é[ü]{.label}",
            ":::",
            "::: {lang=tr",
            "::::: {.x #y k=v}\n:::",
            "[^1]:\n",
            "a[^1]\n\n[^1]:\n",
            "# {#references}\n\n- \n",
            "- [1]{.label}\n",
            "|a|b|\n|-|-|\n|1|2|\n",
            "<div>\n[x]\n</div>\n",
            "---\n- 1\n---\n",
            "---\n: :\n---\n",
            "---\nabstract: [1, {text: 2}]\n---\n",
            "a\r\nb\r\n",
            "\u{a0}x\u{a0}",
            "[\u{a0}]{lang=tr}",
        ];
        for md in inputs {
            let _ = read(Path::new("t.md"), md);
        }
        let deep = "[".repeat(10_000) + &"]{lang=en}".repeat(10_000);
        let _ = read(Path::new("t.md"), &deep);
    }

    #[test]
    fn no_break_spaces_at_paragraph_ends_are_text() {
        let (doc, _) = read_ok("\u{a0}x\u{a0}\n");
        assert_eq!(doc.body[0].content(), [t("\u{a0}x\u{a0}")]);
    }
    #[test]
    fn deep_or_repeated_structures_are_bounded() {
        let deep = [
            "*".repeat(50_000) + "a" + &"*".repeat(50_000),
            "[a](".repeat(20_000),
            ">".repeat(20_000) + " a",
            "- ".repeat(20_000) + "a",
            "^[".repeat(20_000) + &"]".repeat(20_000),
            "[".repeat(20_000) + &"]{lang=en}".repeat(20_000),
            "[1]{.label}".repeat(20_000),
            "[[^1]]{.inferred}".repeat(5_000) + "\n\n[^1]: x\n",
        ];
        for md in &deep {
            assert!(read(Path::new("t.md"), md).is_ok());
        }
        // Quotations and lists nest 32 deep; deeper ones are read into the 32nd, reported.
        let (doc, diags) = read_ok(&deep[2]);
        assert!(codes(&diags).contains(&("md-too-deep", 1, 33)), "{diags:?}");
        let mut depth = 0;
        let mut b = &doc.body[0];
        while let Block::Quote { blocks, .. } = b {
            depth += 1;
            b = &blocks[0];
        }
        assert_eq!((depth, plain_text(b.content())), (32, "a".to_string()));
        let (doc, _) = read_ok(&deep[0]);
        assert!(plain_text(doc.body[0].content()).contains('a'));
        // Each note calls the next one twice: 2^40 notes are refused, not expanded.
        let doubling: String =
            (0..40).map(|i| format!("[^{i}]: a[^{}] b[^{}]\n\n", i + 1, i + 1)).collect::<String>()
                + "x[^0]\n";
        assert!(read_err(&doubling).2.contains("notes call notes more than 32 deep"));
    }
    #[test]
    fn a_span_ending_a_heading_stays_a_span() {
        let (doc, diags) = read_ok("# Title [söz]{lang=tr}\n\n## Sets {a} and {b}\n\n### Intro {#intro}\n");
        assert_eq!(
            doc.body[0],
            Block::Heading {
                level: 1,
                content: vec![t("Title "), Inline::Span { lang: lang("tr"), content: vec![t("söz")] }]
            }
        );
        assert_eq!(doc.body[1], Block::Heading { level: 2, content: vec![t("Sets {a} and {b}")] });
        assert_eq!(doc.body[2], Block::Heading { level: 3, content: vec![t("Intro")] });
        assert_eq!(codes(&diags), [("md-unsupported", 5, 11)]);
    }
    #[test]
    fn repeated_labels_written_with_a_suffix_are_read_back() {
        let (doc, _) = read_ok("a[^1] b[^1-2] c[^1-3] d[^2-2] e[^1-02]\n\n[^1]: x\n\n[^1-2]: y\n\n[^1-3]: z\n\n[^2-2]: w\n\n[^1-02]: v\n");
        let labels: Vec<_> = doc.notes().iter().map(|n| n.label.clone()).collect();
        assert_eq!(labels, ["1", "1", "1", "2-2", "1-02"]);
    }

    #[test]
    fn pandocs_references_heading_without_its_identifier_starts_the_bibliography() {
        let (doc, diags) =
            read_ok("# Intro\n\nText.\n\n# REFERENCES\n\n- One, *Two*\n  wrapped.\n- Three.\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(doc.body.len(), 2);
        let bib = doc.back.bibliography.unwrap();
        assert_eq!((bib.heading.as_str(), bib.entries.len()), ("REFERENCES", 2));
        assert_eq!(bib.entries[0].raw, "One, Two wrapped.");
        // With an explicit `{#references}` elsewhere, a heading named so is an ordinary one.
        let (doc, _) = read_ok("# References\n\nText.\n\n# Kaynakça {#references}\n\n- One.\n");
        assert_eq!(doc.body[0], Block::Heading { level: 1, content: vec![t("References")] });
        assert_eq!(doc.back.bibliography.unwrap().heading, "Kaynakça");
    }

    fn math(tex: &str, display: bool) -> Inline {
        Inline::Math { tex: tex.into(), display }
    }

    #[test]
    fn formulas_are_read_whole_wherever_they_stand() {
        let (doc, diags) = read_ok("See *$a*b$* and [$x_1$]{lang=en}, then $$\\sum$$.\n");
        assert!(diags.is_empty(), "{diags:?}");
        let Block::Paragraph { content, .. } = &doc.body[0] else { panic!() };
        assert_eq!(content[1], Inline::Emph { content: vec![math("a*b", false)] });
        assert!(matches!(&content[3], Inline::Span { content, .. } if content == &[math("x_1", false)]));
        assert_eq!(content[5], math("\\sum", true));
    }

    #[test]
    fn dollars_in_code_blocks_and_html_stay_as_written() {
        let (doc, _) = read_ok("Text.\n\n    $x$ and `y`\n\n```\n$z$\n```\n\n<div>$w$</div>\n");
        let code: Vec<_> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::CodeBlock { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(code, ["$x$ and `y`", "$z$"]);
        assert!(plain_text(doc.body.last().unwrap().content()).contains("$w$"));
        assert!(doc.body.iter().all(|b| !format!("{b:?}").contains("Math")));
    }

    #[test]
    fn a_formula_against_a_backtick_is_text_with_a_warning_at_its_place() {
        let (doc, diags) = read_ok("Line one.\nThen `a`$x$ end.\n");
        assert_eq!(codes(&diags), [("md-math-as-text", 2, 9)]);
        assert!(plain_text(doc.body[0].content()).contains("$x$"));
    }
}
