//! Pandoc-flavoured Markdown for editors: `colophon convert article.txt -t md` gives a file to
//! correct by hand and convert back (`read::markdown`) with nothing lost; pandoc 3
//! (`pandoc -f markdown`) reads the same notes, note texts and metadata.
//!
//! # The dialect
//!
//! UTF-8, `\n` line ends, one final `\n`. The file is a YAML metadata block between `---`
//! lines, then the body's blocks separated by one blank line, then the bibliography.
//!
//! **Metadata**, in this key order and only when set; every string double-quoted with
//! JSON-style escapes (`\"`, `\\`, `\n`, `\t`, `\uXXXX` for control characters):
//! `title` (the first title), `titles` (a list of `{text, lang}`, only when there are two
//! titles or one has a language), `lang`, `author` (a list of `{name, affiliation, email,
//! orcid, note}`), `abstract` (a list of `{lang, heading, text}`, `text` a literal block
//! scalar `|` holding the abstract as Markdown), `keywords` (a list of `{lang, heading,
//! terms: [..]}`), `journal`, `volume`, `issue`, `pages`, `doi`, `licence`, `date`,
//! `publisher`, `source`, and `extra` (a map of strings).
//!
//! **Blocks.** Every paragraph is one line. A heading is `#` × level, a space, its text. A
//! paragraph in another language than the document is a fenced div: `::: {lang=tr}`, the
//! paragraph, `:::`. The bibliography is `# <heading> {#references}` and a bullet list, one
//! `- ` item per entry, a printed number as `- [12]{.label} `; a part of a divided list is
//! `## <subheading>` and its own list; nothing follows the last list.
//!
//! **Inlines.** `*emphasis*`, `**strong**` (whitespace at their edges is written outside the
//! markers), `<url>` when a link's text is its address, else `[text](url)` (`(<url>)` when the
//! address has spaces, parentheses or `<>\`), `[text]{lang=ru}` for a run in another
//! language, a shelfmark as its printed text.
//!
//! **Notes.** A call is `[^label]`, `[[^label]]{.inferred}` when its position was inferred.
//! Pandoc's Markdown has footnotes only, so an endnote's call is wrapped in a span of class
//! `endnote`: `[[^label]]{.endnote}` (`{.endnote .inferred}`). Pandoc reads that as a span
//! around a note, keeping the class (a filter can tell the endnotes apart; its writers print
//! them as footnotes), and the reader gives the endnote back: nothing is lost. An endnote's
//! label repeats a footnote's (both sequences start at 1): it is written `1-2` and read back
//! as `1`, like any repeated label.
//! The definitions, `[^label]: first paragraph`, further paragraphs indented by four spaces,
//! follow the block that calls them, each a block of its own; those called from abstracts
//! come before the first body block. A note in another language than the document has each
//! paragraph wrapped in a span, `[^3]: [text]{lang=ru}` (a paragraph language inside a note
//! is written the same way). Labels are unique; a repeated one gets a suffix (`1-2`).
//!
//! **Escaping.** In text, `` \ * _ [ ] < > ` ~ ^ $ @ | # { } `` are backslash-escaped
//! everywhere, `&` where it would start an entity (`\&amp;`), `(` right after a note call
//! and `!` right before a `[`; at the start of a line also `+ - = :`, the `.` or `)` of a
//! list marker (`1914\.`, `(a\)`, `iv\.`) and the colon of `[^1]\:`. A line break in text is
//! written as a space; spaces and tabs at the ends of a line are dropped.
//!
//! What Markdown cannot hold (an empty paragraph, emphasis against punctuation that
//! CommonMark will not open or close, a note inside a bibliography entry) is reported as a
//! warning, never dropped silently.

use crate::diag::Diagnostic;
use crate::model::{
    plain_text, Anchor, BibEntry, Bibliography, Block, Delimiter, Document, FrontKind, FrontPart, Inline,
    LangTag, Meta, Note, NoteKind, NumberStyle, QuoteStyle,
};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::collections::HashSet;
use std::fmt::Write as _;

mod floats;

/// Writes `doc` as Markdown with a YAML metadata block; reports what Markdown cannot hold,
/// each diagnostic at the line of the Markdown block it concerns.
pub fn write(doc: &Document) -> (String, Vec<Diagnostic>) {
    let mut w = Writer {
        doc,
        doc_lang: doc.meta.lang.as_ref(),
        out: String::new(),
        labels: HashSet::new(),
        pending: Vec::new(),
        notes_allowed: true,
        endnotes: doc.notes().iter().any(|n| n.kind == NoteKind::End),
        diags: Vec::new(),
    };
    w.metadata(&doc.meta);
    w.definitions();
    for part in &doc.front {
        let text = w.front_part(part);
        w.push_block(&text);
        w.definitions();
    }
    for block in &doc.body {
        let text = w.block(block);
        w.push_block(&text);
        w.definitions();
    }
    if let Some(bib) = &doc.back.bibliography {
        w.bibliography(bib);
    }
    (w.out, w.diags)
}

const EMPTY_BLOCK: &str = "an empty paragraph cannot be written in Markdown; left out";

/// Whether a list is written tight (no blank line between its items): each item is one
/// paragraph, or one paragraph and a tight list under it that may interrupt a paragraph (a
/// bulleted list, or one numbered `1.` or `1)`), as CommonMark reads them back.
fn tight(items: &[Vec<Block>]) -> bool {
    items.iter().all(|item| match item.as_slice() {
        [Block::Paragraph { lang: None, .. }] => true,
        [Block::Paragraph { lang: None, .. }, Block::List { items, numbering }] => {
            let interrupts = numbering.is_none_or(|n| {
                n.start == 1 && n.style == NumberStyle::Decimal && n.delimiter != Delimiter::TwoParens
            });
            interrupts && tight(items)
        }
        _ => false,
    })
}

/// `text` with `prefix` before each line (`blank` before an empty one).
fn prefix_lines(text: &str, prefix: &str, blank: &str) -> String {
    text.lines()
        .map(|l| if l.is_empty() { blank.to_string() } else { format!("{prefix}{l}") })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The parser options the reader uses: footnotes and `{#id}` after headings.
const OPTIONS: Options = Options::ENABLE_FOOTNOTES.union(Options::ENABLE_HEADING_ATTRIBUTES);

struct Writer<'a> {
    /// The document (for the address of its media).
    doc: &'a Document,
    doc_lang: Option<&'a LangTag>,
    out: String,
    /// Note labels already written.
    labels: HashSet<String>,
    /// Notes called but not yet defined, with the label they were written with.
    pending: Vec<(String, &'a Note)>,
    /// False inside the bibliography, whose entries cannot hold notes.
    notes_allowed: bool,
    /// Whether the document has endnotes (whose labels repeat the footnotes').
    endnotes: bool,
    diags: Vec<Diagnostic>,
}

impl<'a> Writer<'a> {
    /// Reports a warning at the line where the next block starts.
    fn warn(&mut self, code: &'static str, message: String) {
        let line = self.out.matches('\n').count() + 2;
        self.diags.push(Diagnostic::warning(code, u32::try_from(line).unwrap_or(u32::MAX), message));
    }

    /// Appends a block after a blank line; an empty block is reported and left out.
    fn push_block(&mut self, text: &str) {
        if text.is_empty() {
            self.warn("md-empty-block", EMPTY_BLOCK.into());
            return;
        }
        self.out.push('\n');
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A front-matter division as a pandoc fenced div of its class (`::: {.dedication}`;
    /// `{.front-matter name="motto"}` for one the source names).
    fn front_part(&mut self, part: &'a FrontPart) -> String {
        let attrs = match (part.kind, &part.name) {
            (FrontKind::TitlePage, _) => ".titlepage".to_string(),
            (FrontKind::Dedication, _) => ".dedication".to_string(),
            (FrontKind::Preface, _) => ".preface".to_string(),
            (FrontKind::Acknowledgements, _) => ".acknowledgements".to_string(),
            (FrontKind::Errata, _) => ".errata".to_string(),
            (FrontKind::Other, None) => ".front-matter".to_string(),
            (FrontKind::Other, Some(n)) => format!(".front-matter name=\"{}\"", n.replace(['"', '\\'], "")),
        };
        let inner = self.blocks_text(&part.blocks);
        match inner.is_empty() {
            true => format!("::: {{{attrs}}}\n:::"),
            false => format!("::: {{{attrs}}}\n{inner}\n:::"),
        }
    }

    /// The Markdown of `blocks` separated by blank lines (for an abstract); empty blocks are
    /// reported and left out.
    fn blocks_text(&mut self, blocks: &'a [Block]) -> String {
        let mut texts = Vec::new();
        for block in blocks {
            match self.block(block) {
                text if text.is_empty() => self.warn("md-empty-block", EMPTY_BLOCK.into()),
                text => texts.push(text),
            }
        }
        texts.join("\n\n")
    }

    /// Writes the definitions of every note called so far (and of the notes they call).
    fn definitions(&mut self) {
        while !self.pending.is_empty() {
            for (label, note) in std::mem::take(&mut self.pending) {
                let text = self.definition(&label, note);
                self.push_block(&text);
            }
        }
    }

    /// `[^label]: first paragraph`, further blocks after a blank line, indented by four spaces.
    fn definition(&mut self, label: &str, note: &'a Note) -> String {
        let wrap = note.lang.as_ref().filter(|l| Some(*l) != self.doc_lang);
        let mut def = format!("[^{label}]:");
        for (k, block) in note.content.iter().enumerate() {
            let text = match block {
                Block::Paragraph { content, lang } => match lang.as_ref().or(wrap) {
                    Some(l) => format!("[{}]{{lang={l}}}", self.line(content)),
                    None => self.line(content),
                },
                _ => self.block(block),
            };
            if k == 0 {
                def.push(' ');
                def.push_str(&text);
            } else {
                def.push('\n');
                for line in text.lines() {
                    def.push_str("\n    ");
                    def.push_str(line);
                }
            }
        }
        def.trim_end().to_string()
    }

    /// A heading, a paragraph, or a paragraph in its language's fenced div.
    fn block(&mut self, block: &'a Block) -> String {
        match block {
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f),
            Block::Heading { level, content } => {
                if !(1..=6).contains(level) {
                    self.warn("md-heading-level", format!("heading level {level} written as level 1 to 6"));
                }
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                format!("{hashes} {}", self.line(content)).trim_end().to_string()
            }
            Block::Paragraph { content, lang: None } => self.line(content),
            Block::Paragraph { content, lang: Some(l) } => match self.line(content) {
                line if line.is_empty() => line,
                line => format!("::: {{lang={l}}}\n{line}\n:::"),
            },
            // `> ` before every line; the source as the quotation's last paragraph, after a dash
            // (pandoc's and the reader's attribution line); its language in a fenced div.
            // An epigraph in pandoc's fenced div of that class.
            Block::Quote { blocks, source, lang, epigraph } => {
                let mut inner = self.blocks_text(blocks);
                if let Some(source) = source {
                    let line = self.line(source);
                    if !inner.is_empty() {
                        inner.push_str("\n\n");
                    }
                    inner.push_str("— ");
                    inner.push_str(&line);
                }
                let quoted = prefix_lines(&inner, "> ", ">");
                let quoted = match lang {
                    Some(l) if !quoted.is_empty() => format!("::: {{lang={l}}}\n{quoted}\n:::"),
                    _ => quoted,
                };
                if *epigraph {
                    format!("::: epigraph\n{quoted}\n:::")
                } else {
                    quoted
                }
            }
            // Each item after its marker (`-`, `3.`, `c)`, `(iv)`), its further lines indented
            // to the item's text; a list whose items are one paragraph each is tight.
            Block::List { numbering, items } => {
                let tight = tight(items);
                let mut out = Vec::new();
                for (k, item) in items.iter().enumerate() {
                    let marker = match numbering {
                        Some(n) => n.label(n.start.saturating_add(k as u32)),
                        None => "-".to_string(),
                    };
                    let text = if tight {
                        let texts: Vec<String> = item.iter().map(|b| self.block(b)).collect();
                        texts.join("\n")
                    } else {
                        self.blocks_text(item)
                    };
                    // pandoc reads a capital letter and a period as a marker only before two
                    // spaces (`B. Russell` is a name).
                    let capital = marker.len() == 2
                        && marker.starts_with(|c: char| c.is_ascii_uppercase())
                        && marker.ends_with('.');
                    let gap = if capital { "  " } else { " " };
                    let indent = " ".repeat(marker.chars().count() + gap.len());
                    let body = prefix_lines(&text, &indent, "");
                    out.push(format!("{marker}{gap}{}", body.trim_start()));
                }
                out.join(if tight { "\n" } else { "\n\n" })
            }
            // pandoc's definition lists: the term on its own line, each definition after
            // `:   `, its further lines indented by four spaces.
            Block::DefinitionList { items } => {
                let tight = items.iter().all(|d| tight(&d.details));
                let mut out = Vec::new();
                for d in items {
                    let mut entry = self.line(&d.term);
                    for def in &d.details {
                        let text = self.blocks_text(def);
                        let body = prefix_lines(&text, "    ", "");
                        entry.push_str(if tight { "\n" } else { "\n\n" });
                        entry.push_str(":   ");
                        entry.push_str(body.trim_start());
                    }
                    out.push(entry);
                }
                out.join("\n\n")
            }
            // A fence longer than any run of backticks in the text, the notation after it.
            Block::CodeBlock { text, syntax } => {
                let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
                let info = syntax.as_deref().unwrap_or("");
                format!("{fence}{info}\n{text}\n{fence}")
            }
            Block::SectionBreak => "* * *".to_string(),
            // pandoc's line block: `| ` before each line, a bare `|` for a blank one; a
            // line's leading spaces kept (pandoc keeps them as no-break spaces).
            Block::LineBlock { lines } => lines
                .iter()
                .map(|l| {
                    let text = self.line(l);
                    if text.is_empty() {
                        "|".to_string()
                    } else {
                        format!("| {text}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            // A fenced div of class `embedded-text`, its kind and language as attributes.
            Block::EmbeddedText { kind, lang, blocks } => {
                let mut attrs = String::from(".embedded-text");
                if let Some(k) = kind {
                    attrs.push_str(&format!(" kind=\"{}\"", k.replace(['"', '\\'], "")));
                }
                if let Some(l) = lang {
                    attrs.push_str(&format!(" lang={l}"));
                }
                let fence = ":".repeat(4);
                format!("{fence} {{{attrs}}}\n{}\n{fence}", self.blocks_text(blocks))
            }
        }
    }

    /// The inlines of one block as one line, safe at the start of a Markdown line.
    fn line(&mut self, content: &'a [Inline]) -> String {
        let mut raw = String::new();
        self.inlines(content, &mut raw);
        // A line break (`\` at a line's end) starts a line that must be protected too.
        let line = raw
            .trim_matches([' ', '\t'])
            .split("\\\n")
            .map(|l| protect_line_start(l.trim_start_matches([' ', '\t'])))
            .collect::<Vec<_>>()
            .join("\\\n");
        self.check_emphasis(&line, content);
        line
    }

    /// Appends a formula between `$` (`$$` for display math) when it reads back as the same
    /// formula before `next`, the character written after it; else (a TeX that opens with a
    /// space, holds an unescaped `$`, is followed by a digit, or has a line that would start
    /// a block) its TeX as inline code, with a warning naming it.
    fn math(&mut self, tex: &str, display: bool, next: Option<char>, out: &mut String) {
        let lines_safe = tex.split('\n').skip(1).all(|l| !starts_block(l.trim_start_matches([' ', '\t'])));
        if lines_safe && crate::read::markdown::math::round_trips(tex, display, next) {
            let delim = if display { "$$" } else { "$" };
            let _ = write!(out, "{delim}{tex}{delim}");
            return;
        }
        code_span(tex, out);
        let shown: String = tex.chars().take(40).collect();
        self.warn(
            "md-math-as-code",
            format!("the formula `{shown}` cannot be written between dollars so as to read back the same; its TeX is written as code"),
        );
    }

    /// Reports emphasis that CommonMark will not read back (against punctuation, adjacent).
    fn check_emphasis(&mut self, line: &str, content: &[Inline]) {
        let expected = count_emphasis(content);
        if expected == 0 {
            return;
        }
        let found = Parser::new_ext(line, OPTIONS)
            .filter(|e| matches!(e, Event::Start(Tag::Emphasis | Tag::Strong)))
            .count();
        if found != expected {
            let text: String = plain_text(content).chars().take(40).collect();
            self.warn(
                "md-emphasis-lost",
                format!(
                    "{} of {expected} emphasis markers will not read back in \"{text}…\"",
                    expected - found.min(expected)
                ),
            );
        }
    }

    /// Appends the Markdown of `inlines` to `out`.
    fn inlines(&mut self, inlines: &'a [Inline], out: &mut String) {
        for (k, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text { text } => escape_text(text, out),
                Inline::Shelfmark(m) => escape_text(&m.raw, out),
                Inline::Emph { content } => self.delimited("*", content, out),
                Inline::Strong { content } => self.delimited("**", content, out),
                Inline::Span { lang, content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    let _ = write!(out, "]{{lang={lang}}}");
                }
                Inline::Link { url, content } => self.link(url, content, out),
                Inline::Note(note) => self.call(note, out),
                Inline::Image { image, alt } => {
                    let mut text = String::new();
                    escape_text(alt, &mut text);
                    if inlines.len() == 1 && !alt.is_empty() {
                        self.warn(
                            "md-image-as-figure",
                            format!(
                                "an image alone in its paragraph reads back as a figure captioned \"{alt}\""
                            ),
                        );
                    }
                    open_bracket(out);
                    out.pop();
                    self.image(&text, image, Vec::new(), out)
                }
                // pandoc-crossref's reference (`@fig:map`), or a link to the table or figure.
                Inline::Ref { target, content } if content.is_empty() => {
                    let _ = write!(out, "@{target}");
                }
                Inline::Ref { target, content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    let _ = write!(out, "](#{target})");
                }
                Inline::Superscript { content } => self.script("^", content, out),
                Inline::Subscript { content } => self.script("~", content, out),
                Inline::SmallCaps { content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    out.push_str("]{.smallcaps}");
                }
                Inline::Underline { content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    out.push_str("]{.underline}");
                }
                Inline::Strikeout { content } => self.delimited("~~", content, out),
                // A span of class `highlight`, the source's words for the rendering kept.
                Inline::Highlight { rend, content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    out.push_str("]{.highlight");
                    if !rend.trim().is_empty() {
                        let value = self.value("rend", rend.trim());
                        let _ = write!(out, " rend=\"{value}\"");
                    }
                    out.push('}');
                }
                // Straight marks, which pandoc's `smart` reading makes a quotation of.
                Inline::Quoted { style, content } => {
                    let mark = match style {
                        QuoteStyle::Double => '"',
                        QuoteStyle::Single => '\'',
                    };
                    out.push(mark);
                    self.inlines(content, out);
                    out.push(mark);
                }
                Inline::Code { text } => code_span(text, out),
                Inline::LineBreak => out.push_str("\\\n"),
                Inline::Math { tex, display } => self.math(tex, *display, next_char(inlines, k + 1), out),
                Inline::Name { kind, reference, content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    let _ = write!(out, "]{{.{}", kind.name());
                    if let Some(r) = reference {
                        let value = self.value("ref", r);
                        let _ = write!(out, " ref=\"{value}\"");
                    }
                    out.push('}');
                }
                Inline::Date { when, content } => {
                    open_bracket(out);
                    self.inlines(content, out);
                    out.push_str("]{.date");
                    if let Some(w) = when {
                        let value = self.value("when", w);
                        let _ = write!(out, " when=\"{value}\"");
                    }
                    out.push('}');
                }
                // The citation as its author wrote it in pandoc's syntax, its text unescaped.
                // One written otherwise (TEI's `<ref>Smith 2004</ref>`) keeps its text, escaped;
                // its keys cannot be said there, and the writer says so.
                Inline::Citation { keys, content } => {
                    let text = plain_text(content).replace(['\n', '\r'], " ");
                    if crate::read::markdown::reads_as_one_citation(&text).as_ref() == Some(keys) {
                        for part in content {
                            match part {
                                Inline::Text { text } => out.push_str(&text.replace(['\n', '\r'], " ")),
                                other => self.inlines(std::slice::from_ref(other), out),
                            }
                        }
                    } else {
                        self.inlines(content, out);
                        if !keys.is_empty() {
                            self.warn(
                                "md-citation-as-text",
                                format!("the citation \"{text}\" is not in pandoc's syntax: its text is kept, its keys ({}) are not", keys.join(", ")),
                            );
                        }
                    }
                }
                // `[the]{.correction sic="teh"}`: the reading shown as the span's text, the
                // other as plain text in an attribute (markup in it, and the characters an
                // attribute value cannot hold, are left out and reported).
                Inline::Choice { kind, shown, other } => {
                    open_bracket(out);
                    self.inlines(shown, out);
                    let (class, key) = (kind.name(), crate::read::markdown::other_reading_key(*kind));
                    let _ = write!(out, "]{{.{class}");
                    if !other.is_empty() {
                        let text = plain_text(other);
                        let value = attribute_value(&text);
                        let markup = other.iter().any(|i| !matches!(i, Inline::Text { .. }));
                        if markup || value != text {
                            self.warn(
                                "md-choice-simplified",
                                format!("the {key} reading \"{text}\" of a choice is written as plain text without quotes, backslashes or braces: its markup and those characters are lost"),
                            );
                        }
                        let _ = write!(out, " {key}=\"{value}\"");
                    }
                    out.push('}');
                }
                // An empty span pandoc keeps as a span: `[]{.pagebreak n="47"}`.
                Inline::PageBreak { n } => {
                    let _ = write!(out, "[]{{.pagebreak n=\"{}\"}}", n.replace(['"', '\\'], ""));
                }
            }
        }
    }

    /// `v` as the value of the span attribute `key`; characters it cannot hold are left out
    /// and reported.
    fn value(&mut self, key: &str, v: &str) -> String {
        let value = attribute_value(v);
        if value != v {
            self.warn(
                "md-attribute-simplified",
                format!("the {key} value \"{v}\" is written as \"{value}\": a span attribute cannot hold the characters left out"),
            );
        }
        value
    }

    /// `^…^` or `~…~`; pandoc reads no space inside, so spaces are written `\ ` (which pandoc
    /// reads as no-break spaces, as its own writer does).
    fn script(&mut self, marker: &str, content: &'a [Inline], out: &mut String) {
        let mut inner = String::new();
        self.inlines(content, &mut inner);
        out.push_str(marker);
        out.push_str(&inner.replace(' ', "\\ "));
        out.push_str(marker);
    }

    /// `*…*` or `**…**`, with whitespace at the content's edges moved outside the markers
    /// (CommonMark does not open or close emphasis next to whitespace).
    fn delimited(&mut self, marker: &str, content: &'a [Inline], out: &mut String) {
        let mut inner = String::new();
        self.inlines(content, &mut inner);
        let core = inner.trim();
        let start = inner.len() - inner.trim_start().len();
        out.push_str(&inner[..start]);
        if !core.is_empty() {
            out.push_str(marker);
            out.push_str(core);
            out.push_str(marker);
        }
        out.push_str(&inner[start + core.len()..]);
    }

    /// `<url>` when the link's text is exactly its address, else `[text](url)`.
    fn link(&mut self, url: &str, content: &'a [Inline], out: &mut String) {
        let text_only = content.iter().all(|i| matches!(i, Inline::Text { .. }));
        if text_only && plain_text(content) == url && is_autolink(url) {
            let _ = write!(out, "<{url}>");
            return;
        }
        open_bracket(out);
        self.inlines(content, out);
        out.push_str("](");
        push_destination(url, out);
        out.push(')');
    }

    /// A note call; the note waits in `pending` for the end of the block.
    fn call(&mut self, note: &'a Note, out: &mut String) {
        if !self.notes_allowed {
            let msg = format!(
                "note {} in a bibliography entry cannot be written in Markdown; left out",
                note.label
            );
            self.warn("md-note-in-reference", msg);
            return;
        }
        // Where there are endnotes, labels repeat as a rule (footnotes and endnotes number
        // apart): a `1-2` is read back as `1`, so only a label changed otherwise is reported.
        let label = self.unique_label(&note.label, self.endnotes);
        open_bracket(out);
        match (note.kind, note.anchor) {
            (NoteKind::Foot, Anchor::Call) => out.push_str(&format!("^{label}]")),
            (NoteKind::Foot, Anchor::Inferred) => out.push_str(&format!("[^{label}]]{{.inferred}}")),
            (NoteKind::End, Anchor::Call) => out.push_str(&format!("[^{label}]]{{.endnote}}")),
            (NoteKind::End, Anchor::Inferred) => out.push_str(&format!("[^{label}]]{{.endnote .inferred}}")),
        }
        self.pending.push((label, note));
    }

    /// `label` made a valid, unused footnote label (no spaces or brackets; `-2`, `-3` … added
    /// to a repeated one); a changed label is reported, unless `repeats` says that a repeated
    /// label is expected and only the suffix was added.
    fn unique_label(&mut self, label: &str, repeats: bool) -> String {
        let mut base: String =
            label.chars().map(|c| if c.is_whitespace() || "[]^\\".contains(c) { '-' } else { c }).collect();
        if base.is_empty() {
            base = "note".into();
        }
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.labels.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        if candidate != label && !(repeats && base == label) {
            let msg = format!("note \"{label}\" written as [^{candidate}]: Markdown labels are unique, without spaces or brackets");
            self.warn("md-note-label", msg);
        }
        candidate
    }

    /// `# <heading> {#references}` and one `- ` item per entry, each part's list after its
    /// `## <subheading>`.
    fn bibliography(&mut self, bib: &'a Bibliography) {
        let mut heading = String::new();
        escape_text(&bib.heading, &mut heading);
        self.push_block(&format!("# {} {{#references}}", heading.trim_matches([' ', '\t'])));
        self.notes_allowed = false;
        for group in bib.groups() {
            if let Some(part) = group.heading {
                let mut text = String::new();
                escape_text(part, &mut text);
                self.push_block(&format!("## {}", text.trim_matches([' ', '\t'])));
            }
            let items: Vec<String> = group.entries.iter().map(|e| self.entry(e)).collect();
            self.push_block(&items.join("\n"));
        }
        self.notes_allowed = true;
    }

    /// `- content`, or `- [label]{.label} content`.
    fn entry(&mut self, entry: &'a BibEntry) -> String {
        let mut item = String::from("- ");
        if let Some(label) = &entry.label {
            item.push('[');
            escape_text(label, &mut item);
            item.push_str("]{.label} ");
        }
        item.push_str(&self.line(&entry.content));
        item.trim_end().to_string()
    }

    /// The YAML metadata block, keys in the dialect's order.
    fn metadata(&mut self, m: &'a Meta) {
        self.out.push_str("---\n");
        if let Some(t) = m.titles.first() {
            let _ = writeln!(self.out, "title: {}", quote(&t.text));
        }
        if m.titles.len() > 1 || m.titles.iter().any(|t| t.lang.is_some()) {
            self.out.push_str("titles:\n");
            for t in &m.titles {
                list_item(
                    &mut self.out,
                    &[("text", Some(quote(&t.text))), ("lang", quote_lang(t.lang.as_ref()))],
                );
            }
        }
        if let Some(l) = &m.lang {
            let _ = writeln!(self.out, "lang: {}", quote(l.as_str()));
        }
        if !m.authors.is_empty() {
            self.out.push_str("author:\n");
            for a in &m.authors {
                let q = |s: &Option<String>| s.as_deref().map(quote);
                list_item(
                    &mut self.out,
                    &[
                        ("name", q(&a.name)),
                        ("affiliation", q(&a.affiliation)),
                        ("email", q(&a.email)),
                        ("orcid", q(&a.orcid)),
                        ("note", q(&a.note)),
                    ],
                );
            }
        }
        if !m.abstracts.is_empty() {
            self.out.push_str("abstract:\n");
            for a in &m.abstracts {
                let text = block_scalar(&self.blocks_text(&a.content));
                let heading = a.heading.as_deref().map(quote);
                list_item(
                    &mut self.out,
                    &[("lang", quote_lang(a.lang.as_ref())), ("heading", heading), ("text", Some(text))],
                );
            }
        }
        if !m.keywords.is_empty() {
            self.out.push_str("keywords:\n");
            for k in &m.keywords {
                let terms = format!("[{}]", k.terms.iter().map(|t| quote(t)).collect::<Vec<_>>().join(", "));
                let heading = k.heading.as_deref().map(quote);
                list_item(
                    &mut self.out,
                    &[("lang", quote_lang(k.lang.as_ref())), ("heading", heading), ("terms", Some(terms))],
                );
            }
        }
        let strings = [
            ("journal", &m.journal),
            ("volume", &m.volume),
            ("issue", &m.issue),
            ("pages", &m.pages),
            ("doi", &m.doi),
            ("licence", &m.licence),
            ("date", &m.date),
            ("publisher", &m.publisher),
            ("source", &m.source),
        ];
        for (key, value) in strings {
            if let Some(v) = value {
                let _ = writeln!(self.out, "{key}: {}", quote(v));
            }
        }
        if !m.extra.is_empty() {
            self.out.push_str("extra:\n");
            for (k, v) in &m.extra {
                let _ = writeln!(self.out, "  {}: {}", quote(k), quote(v));
            }
        }
        self.out.push_str("---\n");
    }
}

/// One `- key: value` item of a YAML list of maps (`- {}` when every value is `None`).
fn list_item(y: &mut String, entries: &[(&str, Option<String>)]) {
    let mut prefix = "  - ";
    for (key, value) in entries {
        if let Some(v) = value {
            let _ = writeln!(y, "{prefix}{key}: {v}");
            prefix = "    ";
        }
    }
    if prefix == "  - " {
        y.push_str("  - {}\n");
    }
}

/// A language tag as a quoted YAML string.
fn quote_lang(lang: Option<&LangTag>) -> Option<String> {
    lang.map(|l| quote(l.as_str()))
}

/// A YAML double-quoted string: `"` and `\` escaped, line breaks, tabs and every character
/// YAML may not hold raw (controls, U+2028/9, BOM) as JSON-style escapes.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            c if not_yaml_printable(c) => {
                let _ = write!(q, "\\u{:04X}", u32::from(c));
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// Characters YAML must escape (its `c-printable` excludes them, or YAML 1.1 reads them as
/// line breaks).
fn not_yaml_printable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A literal block scalar (`|`, lines indented for a value inside a list item); a quoted
/// string when the text is empty or holds a character a block scalar cannot.
fn block_scalar(text: &str) -> String {
    if text.is_empty() || text.chars().any(|c| c != '\n' && c != '\t' && not_yaml_printable(c)) {
        return quote(text);
    }
    let mut s = String::from("|");
    for line in text.split('\n') {
        s.push('\n');
        if !line.is_empty() {
            s.push_str("      ");
            s.push_str(line);
        }
    }
    s
}

/// Appends `text` with every character Markdown or pandoc could read as markup escaped
/// (see the module doc); line breaks become spaces.
fn escape_text(text: &str, out: &mut String) {
    for (i, c) in text.char_indices() {
        match c {
            '\n' | '\r' => {
                out.push(' ');
                continue;
            }
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '~' | '^' | '$' | '@' | '|' | '#' | '{'
            | '}' => out.push('\\'),
            // Quotation marks typed in the text stay marks: pandoc's `smart` reading would
            // make a quotation of them (an apostrophe inside or after a word stays as it is).
            '"' => out.push('\\'),
            '\'' if !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
                && !out.chars().next_back().is_some_and(char::is_alphanumeric)
                && text[i + 1..].chars().next().is_some_and(|n| !n.is_whitespace()) =>
            {
                out.push('\\')
            }
            '&' if looks_like_entity(&text[i + 1..]) => out.push('\\'),
            // `[^1](x)` would be a link.
            '(' if out.ends_with(']') => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
}

/// Whether a line inside a paragraph would start a block of its own (a heading, quotation,
/// list item, fence, rule, setext underline or definition): a formula's line must not.
fn starts_block(line: &str) -> bool {
    let marker = |m: &[char]| line.starts_with(m) && line[1..].chars().next().is_none_or(char::is_whitespace);
    let rule = !line.is_empty() && line.chars().all(|c| matches!(c, '=' | '-' | '*' | '_' | ' '));
    line.starts_with(['#', '>'])
        || line.starts_with("```")
        || line.starts_with("~~~")
        || marker(&['-', '+', '*', ':'])
        || list_marker_end(line).is_some()
        || rule
}

/// The first character the Markdown of `inlines[k]` starts with, when it may be a digit (only
/// text and shelfmarks can start so).
fn next_char(inlines: &[Inline], k: usize) -> Option<char> {
    match inlines.get(k)? {
        Inline::Text { text } => text.chars().next(),
        Inline::Shelfmark(m) => m.raw.chars().next(),
        _ => None,
    }
}

/// Whether `after` (the text after an `&`) would make it an entity reference (`amp;`, `#38;`).
fn looks_like_entity(after: &str) -> bool {
    let name = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(after.len());
    name > 0 && after[name..].starts_with(';')
}

/// Pushes the `[` of a span, link or note call; a `!` before it is escaped (`![` is an image).
/// `s` as a quoted attribute value of a pandoc span that both pandoc and pulldown-cmark read
/// back as written (the Markdown reader takes a span's attributes from pulldown-cmark's text
/// events, which markup inside a value would split): without the characters that would end it or the attributes (`"`, `\\`,
/// `{`, `}`), those that would open markup inside it (`[`, `]`, `<`, `>`, `` ` ``, `*`, `^`,
/// an `&` that starts an entity, `_` and `~` when two could pair), line breaks as spaces.
fn attribute_value(s: &str) -> String {
    let pairs = |c: char| s.matches(c).count() >= 2;
    let (underscores, tildes) = (pairs('_'), pairs('~'));
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let entity = || {
            let rest = &s[i + 1..];
            let name = rest.strip_prefix('#').unwrap_or(rest);
            let len = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
            len > 0 && name[len..].starts_with(';')
        };
        match c {
            '"' | '\\' | '{' | '}' | '[' | ']' | '<' | '>' | '`' | '*' | '^' => {}
            '_' if underscores => {}
            '~' if tildes => {}
            '&' if entity() => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn open_bracket(out: &mut String) {
    if out.ends_with('!') {
        out.pop();
        out.push_str("\\!");
    }
    out.push('[');
}

/// Escapes what would make a line more than a paragraph: a leading `+ - = :`, the `.` or `)`
/// of a list marker, the colon of a note call that would read as a definition.
fn protect_line_start(line: &str) -> String {
    if line.starts_with(['+', '-', '=', ':']) {
        return format!("\\{line}");
    }
    let at = list_marker_end(line).or_else(|| definition_colon(line));
    match at {
        Some(i) => format!("{}\\{}", &line[..i], &line[i..]),
        None => line.to_string(),
    }
}

/// The byte index of the `.` or `)` when `line` starts with a list marker of CommonMark or
/// pandoc: a number, a letter or a roman numeral, maybe after `(`, then `.` or `)` and a space.
fn list_marker_end(line: &str) -> Option<usize> {
    let body = line.strip_prefix('(').unwrap_or(line);
    let n = body.find(['.', ')'])?;
    let (marker, rest) = (&body[..n], &body[n + 1..]);
    let all = |set: &[u8]| marker.bytes().all(|b| set.contains(&b));
    let numeral = !marker.is_empty()
        && (marker.bytes().all(|b| b.is_ascii_digit())
            || marker.len() == 1 && marker.bytes().all(|b| b.is_ascii_alphabetic())
            || all(b"ivxlcdm")
            || all(b"IVXLCDM"));
    let ends = rest.is_empty() || rest.starts_with(char::is_whitespace);
    (numeral && ends).then_some(line.len() - body.len() + n)
}

/// The byte index of the `:` when `line` starts with a note call and a colon (`[^1]:`).
fn definition_colon(line: &str) -> Option<usize> {
    let close = line.strip_prefix("[^")?.find(']')? + 2;
    line[close + 1..].starts_with(':').then_some(close + 1)
}

/// Whether `url` can be written as a CommonMark autolink `<url>`: a scheme of 2 to 32
/// characters, a colon, no spaces, controls or angle brackets.
fn is_autolink(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    scheme_ok && !rest.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

/// A link destination: as it is when plain, else in `<…>` with `<`, `>`, `\` and entity-like
/// `&` escaped (line breaks, which no destination may hold, as `%0A`/`%0D`).
fn push_destination(url: &str, out: &mut String) {
    let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control() || "()<>\\".contains(c))
        && !url.match_indices('&').any(|(i, _)| looks_like_entity(&url[i + 1..]));
    if plain {
        out.push_str(url);
        return;
    }
    out.push('<');
    for (i, c) in url.char_indices() {
        match c {
            '\n' => out.push_str("%0A"),
            '\r' => out.push_str("%0D"),
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&url[i + 1..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out.push('>');
}

/// The length of the longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// `` `code` ``: a fence of one backtick more than the text's longest run, padded with a
/// space where the text begins or ends with a backtick (CommonMark strips one such space).
fn code_span(text: &str, out: &mut String) {
    let fence = "`".repeat(longest_run(text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.starts_with(' ') && text.ends_with(' ')
    {
        " "
    } else {
        ""
    };
    let one_line = text.replace(['\n', '\r'], " ");
    let _ = write!(out, "{fence}{pad}{one_line}{pad}{fence}");
}

/// The emphasis and strong nodes of `inlines`, notes excluded (they are written apart).
fn count_emphasis(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Emph { content } | Inline::Strong { content } => 1 + count_emphasis(content),
            other => count_emphasis(other.children()),
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Abstract, Author, BibEntry, Title};
    use std::path::Path;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    fn note(label: &str, paragraphs: &[&str]) -> Note {
        Note {
            label: label.into(),
            kind: Default::default(),
            anchor: Anchor::Call,
            lang: None,
            content: paragraphs.iter().map(|p| Block::paragraph(vec![Inline::text(*p)])).collect(),
        }
    }

    /// The body written for `blocks` (everything after the YAML block).
    fn body(blocks: Vec<Block>) -> String {
        let mut doc = Document::new();
        doc.body = blocks;
        let (md, diags) = write(&doc);
        assert!(diags.is_empty(), "{diags:?}");
        md.strip_prefix("---\n---\n\n").unwrap().to_string()
    }

    #[test]
    fn a_flattened_table_keeps_its_markup_and_note_calls() {
        use crate::model::{Cell, Column, Row, Table};
        let cell = |inl: Vec<Inline>| Cell::new(vec![Block::paragraph(inl)]);
        let wide = Cell { cols: 3, ..cell(vec![Inline::text("too wide")]) };
        let called = cell(vec![
            Inline::Emph { content: vec![Inline::text("x")] },
            Inline::Note(note("1", &["The note."])),
        ]);
        let table = Table {
            caption: vec![Inline::Strong { content: vec![Inline::text("Cap")] }],
            columns: vec![Column::default(); 2],
            body: vec![Row { cells: vec![wide] }, Row { cells: vec![called, cell(vec![Inline::text("y")])] }],
            ..Default::default()
        };
        let mut doc = Document::new();
        doc.body = vec![Block::Table(Box::new(table))];
        let (md, diags) = write(&doc);
        assert!(diags.iter().any(|d| d.code == "md-table-flattened"), "{diags:?}");
        assert!(md.contains("**Cap**\n\ntoo wide\n\n*x*[^1] | y"), "{md}");
        assert!(md.contains("[^1]: The note."), "{md}");
    }

    fn events(md: &str) -> Vec<Event<'_>> {
        Parser::new_ext(md, OPTIONS).collect()
    }

    /// The text pulldown-cmark reads from `md`, its Text events joined.
    fn parsed_text(md: &str) -> String {
        events(md)
            .into_iter()
            .filter_map(|e| if let Event::Text(t) = e { Some(t.to_string()) } else { None })
            .collect()
    }

    #[test]
    fn every_special_character_is_escaped_and_reads_back() {
        let text = r"a\b*c_d[e]f<g>h`i~j^k$l@m|n#o{p}q&amp;r&s (t) !u";
        let md = body(vec![Block::paragraph(vec![Inline::text(text)])]);
        assert_eq!(
            md,
            "a\\\\b\\*c\\_d\\[e\\]f\\<g\\>h\\`i\\~j\\^k\\$l\\@m\\|n\\#o\\{p\\}q\\&amp;r&s (t) !u\n"
        );
        assert_eq!(parsed_text(&md), text);
    }

    #[test]
    fn line_start_triggers_are_escaped_and_stay_paragraphs() {
        let cases = [
            ("+ a", "\\+ a"),
            ("- a", "\\- a"),
            ("= a", "\\= a"),
            (": a", "\\: a"),
            ("::: {lang=tr}", "\\::: \\{lang=tr\\}"),
            ("1914. a", "1914\\. a"),
            ("2) a", "2\\) a"),
            ("(a) a", "(a\\) a"),
            ("iv. a", "iv\\. a"),
            ("# a", "\\# a"),
            ("> a", "\\> a"),
            ("* a", "\\* a"),
            ("```", "\\`\\`\\`"),
            ("1.5 million", "1.5 million"),
            ("Dr. Who", "Dr. Who"),
        ];
        for (text, want) in cases {
            let md = body(vec![Block::paragraph(vec![Inline::text(text)])]);
            assert_eq!(md, format!("{want}\n"), "{text}");
            assert_eq!(events(&md)[0], Event::Start(Tag::Paragraph), "{text}: {md}");
            assert_eq!(parsed_text(&md), text);
        }
    }

    #[test]
    fn line_breaks_become_spaces_and_line_ends_are_trimmed() {
        let md = body(vec![Block::paragraph(vec![Inline::text(" a\nb\r\nc ")])]);
        assert_eq!(md, "a b  c\n");
    }

    /// An endnote's call is a span of class `endnote` around the call (with `inferred` too
    /// where the call was placed); its label may repeat a footnote's without a warning.
    #[test]
    fn endnote_calls_are_marked_and_their_repeated_labels_not_reported() {
        let end = |label: &str, anchor| Note { kind: NoteKind::End, anchor, ..note(label, &["e"]) };
        let md = body(vec![Block::paragraph(vec![
            Inline::Note(note("1", &["f"])),
            Inline::Note(end("1", Anchor::Call)),
            Inline::Note(end("2", Anchor::Inferred)),
        ])]);
        assert!(md.starts_with("[^1][[^1-2]]{.endnote}[[^2]]{.endnote .inferred}\n"), "{md}");
        // Without endnotes, a repeated label is still reported.
        let mut doc = Document::new();
        doc.body =
            vec![Block::paragraph(vec![Inline::Note(note("1", &["a"])), Inline::Note(note("1", &["b"]))])];
        let codes: Vec<&str> = write(&doc).1.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["md-note-label"]);
    }

    #[test]
    fn calls_are_not_read_as_links_images_or_definitions() {
        let md = body(vec![Block::paragraph(vec![
            Inline::Note(note("1", &["x"])),
            Inline::text(": see"),
            Inline::Note(note("2", &["y"])),
            Inline::text("(1998) wow!"),
            Inline::Note(note("3", &["z"])),
        ])]);
        assert!(md.starts_with("[^1]\\: see[^2]\\(1998) wow\\![^3]\n"), "{md}");
        let ev = events(&md);
        let refs = ev.iter().filter(|e| matches!(e, Event::FootnoteReference(_))).count();
        assert_eq!(refs, 3, "{md}");
        assert!(!ev.iter().any(|e| matches!(e, Event::Start(Tag::Link { .. } | Tag::Image { .. }))), "{md}");
        let text: String = ev
            .iter()
            .take_while(|e| !matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
            .filter_map(|e| if let Event::Text(t) = e { Some(t.as_ref()) } else { None })
            .collect();
        assert_eq!(text, ": see(1998) wow!");
    }

    #[test]
    fn a_note_with_two_paragraphs_follows_its_block() {
        let md = body(vec![
            Block::paragraph(vec![Inline::text("Text."), Inline::Note(note("1", &["First.", "Second."]))]),
            Block::paragraph(vec![Inline::text("Next.")]),
        ]);
        assert_eq!(md, "Text.[^1]\n\n[^1]: First.\n\n    Second.\n\nNext.\n");
        let ev = events(&md);
        let start = ev.iter().position(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_)))).unwrap();
        let in_note: Vec<_> = ev[start..]
            .iter()
            .take_while(|e| !matches!(e, Event::End(pulldown_cmark::TagEnd::FootnoteDefinition)))
            .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .collect();
        assert_eq!(in_note.len(), 2);
    }

    #[test]
    fn notes_called_from_an_abstract_are_defined_before_the_body() {
        let mut doc = Document::new();
        let call = vec![Inline::text("Summary."), Inline::Note(note("a", &["About."]))];
        doc.meta.abstracts =
            vec![Abstract { lang: None, heading: None, content: vec![Block::paragraph(call)] }];
        doc.body = vec![Block::paragraph(vec![Inline::text("Body.")])];
        let (md, _) = write(&doc);
        assert!(md.ends_with("  - text: |\n      Summary.[^a]\n---\n\n[^a]: About.\n\nBody.\n"), "{md}");
    }

    #[test]
    fn an_inferred_anchor_is_marked() {
        let mut n = note("75", &["x"]);
        n.anchor = Anchor::Inferred;
        let md = body(vec![Block::paragraph(vec![
            Inline::text("a"),
            Inline::Note(note("74", &["w"])),
            Inline::Note(n),
        ])]);
        assert!(md.starts_with("a[^74][[^75]]{.inferred}\n\n[^74]: w\n\n[^75]: x\n"), "{md}");
        let refs = events(&md).iter().filter(|e| matches!(e, Event::FootnoteReference(_))).count();
        assert_eq!(refs, 2);
    }

    #[test]
    fn a_note_in_another_language_is_wrapped_in_spans() {
        let mut doc = Document::new();
        doc.meta.lang = Some(tag("en"));
        let mut ru = note("1", &["Текст.", "Ещё."]);
        ru.lang = Some(tag("ru"));
        let mut en = note("2", &["Text."]);
        en.lang = Some(tag("en"));
        doc.body = vec![Block::paragraph(vec![Inline::Note(ru), Inline::Note(en)])];
        let (md, _) = write(&doc);
        assert!(md.contains("\n[^1]: [Текст.]{lang=ru}\n\n    [Ещё.]{lang=ru}\n"), "{md}");
        assert!(md.contains("\n[^2]: Text.\n"), "{md}");
    }

    #[test]
    fn a_paragraph_in_another_language_is_a_fenced_div() {
        let md =
            body(vec![Block::Paragraph { content: vec![Inline::text("Metin.")], lang: Some(tag("tr")) }]);
        assert_eq!(md, "::: {lang=tr}\nMetin.\n:::\n");
    }

    #[test]
    fn headings_spans_and_emphasis() {
        let md = body(vec![
            Block::Heading { level: 2, content: vec![Inline::text("Part {1}")] },
            Block::paragraph(vec![
                Inline::Emph { content: vec![Inline::text(" a ")] },
                Inline::Strong { content: vec![Inline::text("b")] },
                Inline::text(" "),
                Inline::Span { lang: tag("ru"), content: vec![Inline::text("Две")] },
            ]),
        ]);
        assert_eq!(md, "## Part \\{1\\}\n\n*a* **b** [Две]{lang=ru}\n");
    }

    #[test]
    fn emphasis_that_cannot_be_read_back_is_reported() {
        let mut doc = Document::new();
        doc.body = vec![Block::paragraph(vec![
            Inline::text("a"),
            Inline::Emph { content: vec![Inline::text("\"b\"")] },
            Inline::text("c"),
        ])];
        let (_, diags) = write(&doc);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "md-emphasis-lost");
    }

    #[test]
    fn repeated_labels_are_made_unique() {
        let mut doc = Document::new();
        doc.body =
            vec![Block::paragraph(vec![Inline::Note(note("1", &["a"])), Inline::Note(note("1", &["b"]))])];
        let (md, diags) = write(&doc);
        assert!(md.contains("[^1][^1-2]\n\n[^1]: a\n\n[^1-2]: b\n"), "{md}");
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn links_are_autolinks_only_when_their_text_is_the_address() {
        let link =
            |url: &str, text: &str| Inline::Link { url: url.into(), content: vec![Inline::text(text)] };
        let md = body(vec![Block::paragraph(vec![
            link("https://a.org/x_y", "https://a.org/x_y"),
            Inline::text(" "),
            link("https://a.org", "site"),
            Inline::text(" "),
            link("www.a.org", "www.a.org"),
            Inline::text(" "),
            link("http://a.org/b (c)", "d"),
        ])]);
        assert_eq!(
            md,
            "<https://a.org/x_y> [site](https://a.org) [www.a.org](www.a.org) [d](<http://a.org/b (c)>)\n"
        );
        let urls: Vec<String> = events(&md)
            .into_iter()
            .filter_map(|e| {
                if let Event::Start(Tag::Link { dest_url, .. }) = e {
                    Some(dest_url.to_string())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(urls, ["https://a.org/x_y", "https://a.org", "www.a.org", "http://a.org/b (c)"]);
    }

    #[test]
    fn a_labelled_bibliography_entry() {
        let mut doc = Document::new();
        let entry = |label: Option<&str>, text: &str| BibEntry {
            label: label.map(Into::into),
            ..BibEntry::plain(text)
        };
        doc.back.bibliography = Some(Bibliography::new(
            "REFERENCES",
            vec![entry(Some("12"), "Smith, J. Title."), entry(None, "1914. Year first.")],
        ));
        let (md, _) = write(&doc);
        assert_eq!(
            md,
            "---\n---\n\n# REFERENCES {#references}\n\n- [12]{.label} Smith, J. Title.\n- 1914\\. Year first.\n"
        );
    }

    /// A part is a level-2 heading and its own list, read back as the same part.
    #[test]
    fn parts_are_lower_headings_over_their_lists() {
        let mut doc = Document::new();
        let entry = BibEntry::plain;
        let mut bib = Bibliography::new("Kaynakça", vec![entry("One."), entry("Two."), entry("Three.")]);
        bib.parts = vec![
            crate::model::BibPart { heading: "Arşiv Kaynakları".into(), start: 0 },
            crate::model::BibPart { heading: "Kitap ve *Makaleler*".into(), start: 2 },
        ];
        doc.back.bibliography = Some(bib);
        let (md, diags) = write(&doc);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            md,
            "---\n---\n\n# Kaynakça {#references}\n\n## Arşiv Kaynakları\n\n- One.\n- Two.\n\n## Kitap ve \\*Makaleler\\*\n\n- Three.\n"
        );
        let (back, _) = crate::read::markdown::read(Path::new("a.md"), &md).unwrap();
        assert_eq!(back.back.bibliography, doc.back.bibliography);
    }

    #[test]
    fn yaml_strings_are_quoted_and_read_back() {
        let mut doc = Document::new();
        let tricky = "A \"quoted\": title\nwith a line break, a tab\tand a \\ and \u{7f}";
        doc.meta.titles = vec![Title { text: tricky.into(), lang: None }];
        doc.meta.authors = vec![Author { name: Some("N: N".into()), ..Default::default() }];
        doc.meta.abstracts = vec![Abstract {
            lang: Some(tag("en")),
            heading: None,
            content: vec![
                Block::paragraph(vec![Inline::text("One: *two*")]),
                Block::paragraph(vec![Inline::text("- three")]),
            ],
        }];
        doc.meta.extra.insert("key: x".into(), "#value".into());
        let (md, _) = write(&doc);
        let yaml = md.strip_prefix("---\n").and_then(|s| s.split_once("\n---\n")).unwrap().0;
        assert!(!yaml.contains("titles:"), "one title without a language: `title` only");
        let v: serde_json::Value = serde_norway::from_str(yaml).unwrap();
        assert_eq!(v["title"], tricky);
        assert_eq!(v["author"][0]["name"], "N: N");
        assert_eq!(v["abstract"][0]["lang"], "en");
        assert_eq!(v["abstract"][0]["text"], "One: \\*two\\*\n\n\\- three\n");
        assert_eq!(v["extra"]["key: x"], "#value");
    }

    #[test]
    fn the_example_article() {
        let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
        let (doc, _) = crate::load(&input, None, &crate::Resources::builtin()).unwrap();
        let (md, diags) = write(&doc);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(write(&doc).0, md, "the same bytes every run");
        assert!(md.starts_with("---\ntitle: \"VIOLATION") && md.ends_with(".\n") && !md.ends_with("\n\n"));
        let definitions = md.lines().filter(|l| l.starts_with("[^") && l.contains("]: ")).count();
        assert_eq!(definitions, 103);
        assert_eq!(md.matches("[^").count() - definitions, 103, "calls");
        let (_, refs) = md.split_once("\n# REFERENCES {#references}\n").unwrap();
        assert_eq!(refs.lines().filter(|l| l.starts_with("- ")).count(), 67);
        let (_, body) = md.split_once("\n---\n").unwrap();
        let ev = events(body);
        assert_eq!(ev.iter().filter(|e| matches!(e, Event::FootnoteReference(_))).count(), 103);
        assert_eq!(ev.iter().filter(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_)))).count(), 103);
        assert_eq!(ev.iter().filter(|e| matches!(e, Event::Start(Tag::Item))).count(), 67);
    }
}
