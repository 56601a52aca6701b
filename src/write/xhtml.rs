//! XHTML5 for e-books (and any later HTML output): one article document with its notes in the
//! same file, marked up for pop-ups on Apple Books, Kobo, Thorium, KOReader and Calibre
//! (EPUB-PDF-NOTES.md §1): calls `<a epub:type="noteref" role="doc-noteref">`, footnotes
//! `<div epub:type="footnote" role="doc-footnote">` in the `li`s of `<section
//! epub:type="endnotes" role="doc-endnotes">`, each
//! ending with a `↩` back-link; endnotes (`NoteKind::End`), which the source printed after the
//! text and numbered apart, in a section of their own after it (`<section id="endnotes">`,
//! each `<div epub:type="endnote">` with its printed label and back-link),
//! the footnotes' section then headed "Footnotes" so that the two are told apart; abstracts as `doc-abstract`, the reference list as
//! `doc-bibliography`, shelfmarks as `<span class="shelfmark">`; `lang` and `xml:lang` on
//! every passage whose language differs from its surroundings; tables (`table`), figures and
//! cross-references (`figure`), with their ids (`targets`) and images (`images`), in the
//! modules below.

mod figure;
pub mod images;
mod table;
pub mod targets;

use crate::diag::Diagnostic;
use crate::fonts::Style;
use crate::model::{
    plain_text, Anchor, Block, Delimiter, Document, FrontKind, FrontPart, Inline, LangTag, Note, NoteKind,
    NumberStyle,
};
use crate::typeset::bidi::first_strong_rtl;
use crate::typeset::words::{footnotes_heading, notes_heading};
use quick_xml::escape::{escape, partial_escape};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The XHTML of one article, with what the packager needs to know about it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The content document.
    pub xhtml: String,
    /// Every character of the document by the style it is set in (for the font check).
    pub chars: BTreeMap<Style, BTreeSet<char>>,
    /// Headings for the table of contents: (level, id, text).
    pub toc: Vec<(u8, String, String)>,
    /// Every language tag used.
    pub langs: BTreeSet<String>,
    /// The document's language (`und` when unknown).
    pub lang: String,
    /// The id and heading of the (foot)notes section, when there are footnotes.
    pub notes: Option<(String, String)>,
    /// The id and heading of the endnotes section, when there are endnotes.
    pub endnotes: Option<(String, String)>,
    /// The id and heading of the bibliography, when there is one.
    pub bibliography: Option<(String, String)>,
    /// The printed pages of the source, in order: (id of the milestone, printed number).
    pub pages: Vec<(String, String)>,
    /// Whether the document holds MathML (the package must say so).
    pub mathml: bool,
    /// The TeX of each formula that could not be converted to MathML (set as its TeX).
    pub unconverted: Vec<String>,
    /// The images shown, each once, for the package to carry.
    pub images: Vec<images::Packed>,
    /// How many tables the article sets.
    pub tables: usize,
    /// How many figures it sets.
    pub figures: usize,
    /// How many images of figures have no description from the source (their caption
    /// stands in).
    pub undescribed: usize,
    /// What the article could not set as the model has it (missing images, dangling
    /// cross-references, figures without descriptions).
    pub diags: Vec<Diagnostic>,
}

/// The tables, figures and images of the article, and what was reported about them: one
/// value, so that a note's writer can take them over and give them back.
#[derive(Default)]
struct Objects {
    ids: targets::Ids,
    /// The tables and figures a cross-reference may name, by model id.
    targets: HashMap<String, targets::Target>,
    /// The model ids of the tables and figures written so far.
    written: HashSet<String>,
    images: images::Images,
    tables: usize,
    figures: usize,
    undescribed: usize,
    diags: Vec<Diagnostic>,
}

/// The characters met in one style: a bitmap for Latin-1 and a hash set beyond it, sorted
/// once at the end (a sorted set per character cost more than writing the markup).
#[derive(Default)]
struct CharSet {
    latin1: [u64; 4],
    beyond: rustc_hash::FxHashSet<char>,
}

impl CharSet {
    fn extend(&mut self, s: &str) {
        for c in s.chars() {
            let u = u32::from(c);
            if u < 256 {
                self.latin1[(u >> 6) as usize] |= 1 << (u & 63);
            } else {
                self.beyond.insert(c);
            }
        }
    }

    fn merge(&mut self, other: CharSet) {
        for (mine, theirs) in self.latin1.iter_mut().zip(other.latin1) {
            *mine |= theirs;
        }
        self.beyond.extend(other.beyond);
    }

    fn into_sorted(self) -> BTreeSet<char> {
        let latin1 = (0..256u32).filter(|u| self.latin1[(u >> 6) as usize] & (1 << (u & 63)) != 0);
        latin1.filter_map(char::from_u32).chain(self.beyond).collect()
    }
}

struct Writer {
    out: String,
    chars: BTreeMap<Style, CharSet>,
    langs: BTreeSet<String>,
    /// Each note's `li`: (number among all notes, kind, markup).
    notes: Vec<(usize, NoteKind, String)>,
    note_count: usize,
    style: Style,
    /// The printed pages begun so far: (id of the milestone, printed number).
    pages: Vec<(String, String)>,
    /// The `id` of each bibliography entry a citation key names (`ref-3`).
    entry_ids: HashMap<String, String>,
    /// The rank (`h1`–`h6`) of the last heading written, under which an embedded text's
    /// own headings rank.
    rank: u8,
    math: super::mathml::Converter,
    mathml: bool,
    /// The language of the text being written (the innermost paragraph, quotation, note or
    /// span that names one, else the document's): it chooses the marks of a quotation.
    lang_now: Option<LangTag>,
    unconverted: Vec<String>,
    objects: Objects,
}

/// `lang` and `xml:lang` attributes (both: Ace reads `lang`, XML tools `xml:lang`).
fn lang_attrs(l: &str) -> String {
    let l = escape(l);
    format!(" lang=\"{l}\" xml:lang=\"{l}\"")
}

/// ` dir="rtl"` for text whose first strong character is right to left (an entry, a note or
/// a passage in Arabic, Persian, Ottoman or Hebrew letters, whatever its language tag says:
/// a romanised Ottoman title stays left to right); nothing otherwise.
fn dir_attr(text: &str) -> &'static str {
    if first_strong_rtl(text) == Some(true) {
        " dir=\"rtl\""
    } else {
        ""
    }
}

/// [`dir_attr`] for inline content (its notes left out).
fn dir_of(content: &[Inline]) -> &'static str {
    fn first_strong(inlines: &[Inline]) -> Option<bool> {
        inlines.iter().find_map(|i| match i {
            Inline::Text { text } => first_strong_rtl(text),
            Inline::Shelfmark(m) => first_strong_rtl(&m.raw),
            Inline::Code { .. } => Some(false),
            other => first_strong(other.children()),
        })
    }
    if first_strong(content) == Some(true) {
        " dir=\"rtl\""
    } else {
        ""
    }
}

/// Whether `w` is a value HTML's `datetime` takes for a date: a year (`1919`, four digits or
/// more, not zero), a month (`1919-05`), a day (`1919-05-14`, a real one), or a day with a
/// time (`1919-05-14T10:30`, seconds and a zone optional).
fn is_html_datetime(w: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = w.split_once('T').map_or((w, None), |(d, t)| (d, Some(t)));
    let parts: Vec<&str> = date.split('-').collect();
    let year_ok = |y: &str| digits(y) && y.len() >= 4 && y.bytes().any(|b| b != b'0');
    let month = |m: &str| m.len() == 2 && digits(m) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0));
    let date_ok = match parts.as_slice() {
        [y] => year_ok(y) && time.is_none(),
        [y, m] => year_ok(y) && month(m) && time.is_none(),
        [y, m, d] => {
            let (year, mo) = (y.parse::<u32>().unwrap_or(0), m.parse::<u32>().unwrap_or(0));
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match mo {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            year_ok(y)
                && month(m)
                && d.len() == 2
                && digits(d)
                && (1..=days).contains(&d.parse().unwrap_or(0))
        }
        _ => false,
    };
    let time_ok = time.is_none_or(|t| {
        let t = t.strip_suffix('Z').unwrap_or(t);
        let t = match t.rfind(['+', '-']) {
            Some(at) => &t[..at],
            None => t,
        };
        let hms: Vec<&str> = t.split(':').collect();
        let two = |s: &str, max: u32| s.len() == 2 && digits(s) && s.parse::<u32>().unwrap_or(99) <= max;
        match hms.as_slice() {
            [h, m] => two(h, 23) && two(m, 59),
            [h, m, s] => {
                let sec = s.split('.').next().unwrap_or("");
                two(h, 23) && two(m, 59) && two(sec, 59)
            }
            _ => false,
        }
    });
    date_ok && time_ok
}

impl Writer {
    fn text(&mut self, t: &str) {
        self.chars.entry(self.style).or_default().extend(t);
        self.out.push_str(&partial_escape(t));
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn lang(&mut self, l: &LangTag) -> String {
        self.langs.insert(l.to_string());
        lang_attrs(l.as_str())
    }

    fn styled(&mut self, tag: &str, style: Style, content: &[Inline]) {
        let saved = self.style;
        self.style = style;
        self.raw(&format!("<{tag}>"));
        self.inlines(content);
        self.raw(&format!("</{tag}>"));
        self.style = saved;
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text { text } => self.text(text),
                Inline::Image { image, alt } => self.inline_image(image, alt),
                Inline::Ref { target, content } => self.reference(target, content),
                // EPUB's page-break marker, named by its printed number; listed in the
                // navigation document's page list.
                Inline::PageBreak { n } => {
                    let id = format!("page-{}", self.pages.len() + 1);
                    self.raw(&format!(
                        "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"{id}\" aria-label=\"{}\"></span>",
                        escape(n.as_str())
                    ));
                    self.pages.push((id, n.clone()));
                }
                Inline::Emph { content } => self.styled("em", self.style.italic(), content),
                Inline::Strong { content } => self.styled("strong", self.style.bold(), content),
                Inline::Superscript { content } => self.styled("sup", self.style, content),
                Inline::Subscript { content } => self.styled("sub", self.style, content),
                // Set from the font's own small capitals (`font-variant-caps` in the style
                // sheet turns on its `smcp` feature).
                Inline::SmallCaps { content } => {
                    self.raw("<span class=\"smallcaps\">");
                    self.inlines(content);
                    self.raw("</span>");
                }
                Inline::Underline { content } => self.styled("u", self.style, content),
                Inline::Strikeout { content } => self.styled("s", self.style, content),
                // Set apart in italics, the source's words for it kept in `data-rend`.
                Inline::Highlight { rend, content } => {
                    let data = if rend.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" data-rend=\"{}\"", escape(rend.trim()))
                    };
                    let saved = self.style;
                    self.style = self.style.italic();
                    self.raw(&format!("<span class=\"highlight\"{data}>"));
                    self.inlines(content);
                    self.raw("</span>");
                    self.style = saved;
                }
                // The marks of the language around, as text (a `q` element's marks come
                // from the reading system's style sheet, which some reading systems drop).
                Inline::Quoted { style, content } => {
                    let (open, close) = super::quote_marks::marks(self.lang_now.as_ref(), *style);
                    self.text(open);
                    self.inlines(content);
                    self.text(close);
                }
                Inline::Code { text } => {
                    self.raw("<code>");
                    self.text(text);
                    self.raw("</code>");
                }
                Inline::LineBreak => self.raw("<br/>"),
                // MathML, its TeX as alternative text; a formula math-core cannot convert is
                // set as its TeX, marked as such (and reported by the package).
                Inline::Math { tex, display } => match self.math.convert(tex, *display) {
                    Some(mathml) => {
                        self.mathml = true;
                        self.raw(&mathml);
                    }
                    None => {
                        self.unconverted.push(tex.clone());
                        let class = if *display { "math display" } else { "math" };
                        self.raw(&format!("<code class=\"{class}\">"));
                        self.text(tex);
                        self.raw("</code>");
                    }
                },
                // A span of the name's kind, its authority pointer kept in `data-ref`.
                Inline::Name { kind, reference, content } => {
                    let class = kind.name();
                    let data = reference
                        .as_ref()
                        .map_or(String::new(), |r| format!(" data-ref=\"{}\"", escape(r.as_str())));
                    self.raw(&format!("<span class=\"{class}\"{data}>"));
                    self.inlines(content);
                    self.raw("</span>");
                }
                // `<time datetime>` for a value HTML's `datetime` takes; another value (an
                // interval, a date before year 1) in a span's `data-when`.
                Inline::Date { when: Some(w), content } if is_html_datetime(w) => {
                    self.raw(&format!("<time datetime=\"{}\">", escape(w.as_str())));
                    self.inlines(content);
                    self.raw("</time>");
                }
                Inline::Date { when, content } => {
                    let data = when
                        .as_ref()
                        .map_or(String::new(), |w| format!(" data-when=\"{}\"", escape(w.as_str())));
                    self.raw(&format!("<span class=\"date\"{data}>"));
                    self.inlines(content);
                    self.raw("</span>");
                }
                // A link to the entry of its first key that has one (a link has one target).
                Inline::Citation { keys, content } => match keys.iter().find_map(|k| self.entry_ids.get(k)) {
                    Some(id) => {
                        let id = id.clone();
                        self.raw(&format!("<a class=\"citation\" href=\"#{id}\" role=\"doc-biblioref\">"));
                        self.inlines(content);
                        self.raw("</a>");
                    }
                    None => {
                        self.raw("<span class=\"citation\">");
                        self.inlines(content);
                        self.raw("</span>");
                    }
                },
                // The reading shown; the other (the source's form) as the span's `title`.
                Inline::Choice { kind, shown, other } => {
                    let class = kind.name();
                    let other = plain_text(other);
                    let title = if other.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape(other.trim()))
                    };
                    self.raw(&format!("<span class=\"{class}\"{title}>"));
                    self.inlines(shown);
                    self.raw("</span>");
                }
                Inline::Link { url, content } => {
                    self.raw(&format!("<a href=\"{}\">", escape(url.replace(' ', "%20"))));
                    self.inlines(content);
                    self.raw("</a>");
                }
                Inline::Span { lang, content } => {
                    let attrs = self.lang(lang);
                    self.raw(&format!("<span{attrs}{}>", dir_of(content)));
                    let saved = self.lang_now.replace(lang.clone());
                    self.inlines(content);
                    self.lang_now = saved;
                    self.raw("</span>");
                }
                Inline::Shelfmark(s) => {
                    let archive = s
                        .archive
                        .as_ref()
                        .and_then(|a| a.id.as_deref())
                        .map_or(String::new(), |id| format!(" data-archive=\"{}\"", escape(id)));
                    self.raw(&format!("<span class=\"shelfmark\"{archive}>"));
                    self.text(&s.raw);
                    self.raw("</span>");
                }
                Inline::Note(n) => self.call(n),
            }
        }
    }

    /// The call of a note, and the note itself kept for the notes section.
    fn call(&mut self, n: &Note) {
        self.note_count += 1;
        let i = self.note_count;
        let label = escape(&n.label).into_owned();
        self.raw(&format!(
            "<a href=\"#note-{i}\" id=\"noteref-{i}\" epub:type=\"noteref\" role=\"doc-noteref\">{label}</a>"
        ));
        self.set_chars(Style::Regular, &n.label);
        // The note's own markup is written now (its notes, if any, number on).
        let mut inner = Writer {
            out: String::new(),
            chars: BTreeMap::new(),
            langs: BTreeSet::new(),
            notes: vec![],
            note_count: self.note_count,
            style: Style::Regular,
            pages: std::mem::take(&mut self.pages),
            entry_ids: std::mem::take(&mut self.entry_ids),
            // Notes stand in the notes section, under its `h2`.
            rank: 2,
            math: std::mem::take(&mut self.math),
            mathml: self.mathml,
            lang_now: n.lang.clone().or_else(|| self.lang_now.clone()),
            unconverted: std::mem::take(&mut self.unconverted),
            objects: std::mem::take(&mut self.objects),
        };
        let class = if n.anchor == Anchor::Inferred { " class=\"uncertain\"" } else { "" };
        let lang = n.lang.as_ref().map_or(String::new(), |l| inner.lang(l));
        let dir = dir_of(n.content.first().map_or(&[][..], |b| b.content()));
        // The note proper is a `div` in the `li`: Ace wants `role="doc-footnote"` beside
        // `epub:type="footnote"` (which Apple Books needs for pop-ups), and ARIA allows no
        // role but `listitem` on an `li` of a list. An endnote is `epub:type="endnote"` with
        // no role: DPUB-ARIA 1.1 deprecates `doc-endnote` (EPUBCheck warns, RSC-017) for the
        // `li`'s own `listitem` in the `doc-endnotes` section.
        let (kind, back) = match n.kind {
            NoteKind::Foot => ("epub:type=\"footnote\" role=\"doc-footnote\"", "note"),
            NoteKind::End => ("epub:type=\"endnote\"", "endnote"),
        };
        inner.raw(&format!("<li{class}><div id=\"note-{i}\" {kind}{lang}{dir}>"));
        let last = n.content.len().saturating_sub(1);
        for (k, b) in n.content.iter().enumerate() {
            if !matches!(b, Block::Paragraph { .. } | Block::Heading { .. }) {
                // A quotation, list, table or any block but a paragraph in a note: its label
                // (when it opens the note) and its way back stand in paragraphs of their own
                // (issue 23: a definition list, table or verse in a note was dropped).
                if k == 0 {
                    inner.raw("<p><span class=\"note-label\">");
                    inner.text(&n.label);
                    inner.raw("</span></p>");
                }
                inner.block(b);
                if k == last {
                    inner.raw(&format!(
                        "<p><a href=\"#noteref-{i}\" epub:type=\"backlink\" role=\"doc-backlink\" aria-label=\"Back to {back} {label}\">↩</a></p>"
                    ));
                    inner.set_chars(Style::Regular, "↩");
                }
                continue;
            }
            inner.raw("<p>");
            if k == 0 {
                inner.raw("<span class=\"note-label\">");
                inner.text(&n.label);
                inner.raw("</span> ");
            }
            inner.inlines(b.content());
            if k == last {
                inner.raw(&format!(
                    " <a href=\"#noteref-{i}\" epub:type=\"backlink\" role=\"doc-backlink\" aria-label=\"Back to {back} {label}\">↩</a>"
                ));
                inner.set_chars(Style::Regular, "↩");
            }
            inner.raw("</p>");
        }
        inner.raw("</div></li>");
        self.note_count = inner.note_count;
        self.pages = std::mem::take(&mut inner.pages);
        self.entry_ids = std::mem::take(&mut inner.entry_ids);
        self.math = std::mem::take(&mut inner.math);
        self.mathml = inner.mathml;
        self.unconverted = std::mem::take(&mut inner.unconverted);
        self.objects = std::mem::take(&mut inner.objects);
        for (style, set) in inner.chars {
            self.chars.entry(style).or_default().merge(set);
        }
        self.langs.extend(inner.langs);
        self.notes.push((i, n.kind, inner.out));
        self.notes.extend(inner.notes);
    }

    fn set_chars(&mut self, style: Style, s: &str) {
        self.chars.entry(style).or_default().extend(s);
    }

    fn paragraph(&mut self, content: &[Inline], lang: Option<&LangTag>, class: Option<&str>) {
        let attrs = lang.map_or(String::new(), |l| self.lang(l));
        let class = class.map_or(String::new(), |c| format!(" class=\"{c}\""));
        self.raw(&format!("<p{class}{attrs}{}>", dir_of(content)));
        self.in_lang(lang, |w| w.inlines(content));
        self.raw("</p>\n");
    }

    /// Runs `f` with `lang` (when given) as the language being written.
    fn in_lang(&mut self, lang: Option<&LangTag>, f: impl FnOnce(&mut Self)) {
        let saved = self.lang_now.clone();
        if let Some(l) = lang {
            self.lang_now = Some(l.clone());
        }
        f(self);
        self.lang_now = saved;
    }

    /// A paragraph, quotation or list of the body or a note (a heading inside a note is a
    /// paragraph).
    fn block(&mut self, b: &Block) {
        match b {
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f),
            Block::Paragraph { content, lang } => self.paragraph(content, lang.as_ref(), None),
            Block::Heading { content, .. } => self.paragraph(content, None, None),
            // The source line in the quotation's `footer`, as HTML's own examples set it.
            // An epigraph is marked so by its `epub:type` and a class the style sheet sets.
            Block::Quote { blocks, source, lang, epigraph } => {
                let attrs = lang.as_ref().map_or(String::new(), |l| self.lang(l));
                let kind = if *epigraph {
                    " class=\"epigraph\" epub:type=\"epigraph\" role=\"doc-epigraph\""
                } else {
                    ""
                };
                self.raw(&format!("<blockquote{kind}{attrs}>\n"));
                self.in_lang(lang.as_ref(), |w| {
                    for b in blocks {
                        w.block(b);
                    }
                    if let Some(source) = source {
                        w.raw(&format!("<footer{}>— ", dir_of(source)));
                        w.inlines(source);
                        w.raw("</footer>\n");
                    }
                });
                self.raw("</blockquote>\n");
            }
            // `ol` with the printed start and numerals (`type`); the delimiter in a class the
            // style sheet sets (`1)`, `(1)`); an item of one paragraph holds its text directly.
            Block::List { numbering, items } => {
                let close = match numbering {
                    Some(n) => {
                        let kind = match n.style {
                            NumberStyle::Decimal => "",
                            NumberStyle::LowerAlpha => " type=\"a\"",
                            NumberStyle::UpperAlpha => " type=\"A\"",
                            NumberStyle::LowerRoman => " type=\"i\"",
                            NumberStyle::UpperRoman => " type=\"I\"",
                        };
                        let start =
                            if n.start == 1 { String::new() } else { format!(" start=\"{}\"", n.start) };
                        let class = match n.delimiter {
                            Delimiter::Period => "",
                            Delimiter::Paren => " class=\"paren\"",
                            Delimiter::TwoParens => " class=\"parens\"",
                        };
                        self.raw(&format!("<ol{start}{kind}{class}>\n"));
                        "</ol>\n"
                    }
                    None => {
                        self.raw("<ul>\n");
                        "</ul>\n"
                    }
                };
                for item in items {
                    match item.as_slice() {
                        [Block::Paragraph { content, lang }] => {
                            let attrs = lang.as_ref().map_or(String::new(), |l| self.lang(l));
                            self.raw(&format!("<li{attrs}{}>", dir_of(content)));
                            self.inlines(content);
                            self.raw("</li>\n");
                        }
                        blocks => {
                            self.raw("<li>\n");
                            blocks.iter().for_each(|b| self.block(b));
                            self.raw("</li>\n");
                        }
                    }
                }
                self.raw(close);
            }
            // `dl`: each term a `dt`, each of its definitions a `dd`.
            Block::DefinitionList { items } => {
                self.raw("<dl>\n");
                for d in items {
                    self.raw(&format!("<dt{}>", dir_of(&d.term)));
                    self.inlines(&d.term);
                    self.raw("</dt>\n");
                    for def in &d.details {
                        match def.as_slice() {
                            [Block::Paragraph { content, lang }] => {
                                let attrs = lang.as_ref().map_or(String::new(), |l| self.lang(l));
                                self.raw(&format!("<dd{attrs}{}>", dir_of(content)));
                                self.inlines(content);
                                self.raw("</dd>\n");
                            }
                            blocks => {
                                self.raw("<dd>\n");
                                blocks.iter().for_each(|b| self.block(b));
                                self.raw("</dd>\n");
                            }
                        }
                    }
                }
                self.raw("</dl>\n");
            }
            // `pre` keeps the lines; the notation named as HTML's specification suggests.
            Block::CodeBlock { text, syntax } => {
                let class = syntax
                    .as_ref()
                    .map_or(String::new(), |s| format!(" class=\"language-{}\"", escape(s.as_str())));
                self.raw(&format!("<pre><code{class}>"));
                self.text(text);
                self.raw("</code></pre>\n");
            }
            Block::SectionBreak => self.raw("<hr class=\"section-break\"/>\n"),
            // Each line a `span` ended by a line break, each stanza a paragraph of its own: the
            // lines stay lines in every reading system, and read as one passage.
            Block::LineBlock { lines } => {
                self.raw("<div class=\"line-block\">\n");
                for stanza in lines.split(|l| l.is_empty()).filter(|s| !s.is_empty()) {
                    self.raw("<p>");
                    for (k, line) in stanza.iter().enumerate() {
                        if k > 0 {
                            self.raw("<br/>\n");
                        }
                        self.raw(&format!("<span class=\"line\"{}>", dir_of(line)));
                        self.inlines(line);
                        self.raw("</span>");
                    }
                    self.raw("</p>\n");
                }
                self.raw("</div>\n");
            }
            // A text inside the text: its headings rank below the heading it stands under
            // and stay out of the navigation.
            Block::EmbeddedText { blocks, lang, kind } => {
                let attrs = lang.as_ref().map_or(String::new(), |l| self.lang(l));
                let kind =
                    kind.as_deref().filter(|k| is_class_name(k)).map_or(String::new(), |k| format!(" {k}"));
                self.raw(&format!("<div class=\"embedded-text{kind}\"{attrs}>\n"));
                let rank = self.rank;
                for b in blocks {
                    match b {
                        Block::Heading { level, content } => {
                            let h = rank.saturating_add(*level).min(6);
                            self.raw(&format!("<h{h}{}>", dir_of(content)));
                            self.inlines(content);
                            self.raw(&format!("</h{h}>\n"));
                        }
                        other => self.block(other),
                    }
                }
                self.rank = rank;
                self.raw("</div>\n");
            }
        }
    }
}

/// Whether `s` can stand in a `class` attribute as one name.
fn is_class_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The `epub:type`, the DPUB-ARIA role and the class of a front division.
fn front_semantics(part: &FrontPart) -> (Option<&'static str>, Option<&'static str>, String) {
    let (t, role) = match part.kind {
        FrontKind::TitlePage => (Some("titlepage"), None),
        FrontKind::Dedication => (Some("dedication"), Some("doc-dedication")),
        FrontKind::Preface => (Some("preface"), Some("doc-preface")),
        FrontKind::Acknowledgements => (Some("acknowledgments"), Some("doc-acknowledgments")),
        FrontKind::Errata => (Some("errata"), Some("doc-errata")),
        FrontKind::Other => (None, None),
    };
    let class = match (t, part.name.as_deref().filter(|n| is_class_name(n))) {
        (Some(t), _) => t.to_string(),
        (None, Some(n)) => format!("front-matter {n}"),
        (None, None) => "front-matter".to_string(),
    };
    (t, role, class)
}

impl Writer {
    /// One front division: a `section` with its `epub:type` and role, its first heading an
    /// `h2` in the navigation, deeper headings ranked under it.
    fn front_part(&mut self, part: &FrontPart, no: usize, toc: &mut Vec<(u8, String, String)>) {
        let (t, role, class) = front_semantics(part);
        let id = format!("front-{no}");
        let mut attrs = format!(" id=\"{id}\" class=\"{class}\"");
        if let Some(t) = t {
            attrs.push_str(&format!(" epub:type=\"{t}\""));
        }
        if let Some(r) = role {
            attrs.push_str(&format!(" role=\"{r}\""));
        }
        let first_heading = matches!(part.blocks.first(), Some(Block::Heading { .. }));
        if first_heading {
            attrs.push_str(&format!(" aria-labelledby=\"{id}-title\""));
        }
        self.raw(&format!("<section{attrs}>\n"));
        for (i, b) in part.blocks.iter().enumerate() {
            match b {
                Block::Heading { level, content } => {
                    let h = level.saturating_add(1).min(6);
                    let hid = if i == 0 { format!("{id}-title") } else { format!("{id}-{i}") };
                    self.rank = h;
                    self.raw(&format!("<h{h} id=\"{hid}\"{}>", dir_of(content)));
                    self.inlines(content);
                    self.raw(&format!("</h{h}>\n"));
                    if i == 0 {
                        toc.push((h, hid, plain_text(content)));
                    }
                }
                other => self.block(other),
            }
        }
        self.raw("</section>\n");
        self.rank = 1;
    }
}

/// Writes the article document.
pub fn article(doc: &Document, css_href: &str) -> Article {
    let m = &doc.meta;
    let lang = m.lang.as_ref().map_or("und".to_string(), |l| l.to_string());
    let mut w = Writer {
        out: String::new(),
        chars: BTreeMap::new(),
        langs: BTreeSet::new(),
        notes: vec![],
        note_count: 0,
        style: Style::Regular,
        pages: Vec::new(),
        entry_ids: doc
            .back
            .bibliography
            .iter()
            .flat_map(|b| b.entries.iter().enumerate())
            .filter_map(|(k, e)| Some((e.key.clone()?, format!("ref-{}", k + 1))))
            .collect(),
        rank: 1,
        math: super::mathml::Converter::default(),
        mathml: false,
        lang_now: m.lang.clone(),
        unconverted: Vec::new(),
        objects: Objects { images: images::Images::new(&doc.media), ..Objects::default() },
    };
    w.objects.targets = targets::collect(doc, &mut w.objects.ids);
    if lang != "und" {
        w.langs.insert(lang.clone());
    }
    let title = m.titles.first().map_or_else(|| "Untitled".to_string(), |t| t.text.clone());
    let mut toc = Vec::new();

    // Title block and author notes.
    w.raw("<header id=\"top\">\n");
    for (i, t) in m.titles.iter().enumerate() {
        let attrs = t.lang.as_ref().filter(|l| l.as_str() != lang).map_or(String::new(), |l| w.lang(l));
        let tag = if i == 0 { "h1" } else { "p" };
        let class = if i == 0 { "" } else { " class=\"subtitle\"" };
        w.raw(&format!("<{tag}{class}{attrs}{}>", dir_attr(&t.text)));
        w.text(&t.text);
        w.raw(&format!("</{tag}>\n"));
    }
    if m.titles.is_empty() {
        w.raw("<h1>Untitled</h1>\n");
    }
    for a in &m.authors {
        let parts: Vec<&str> =
            [a.name.as_deref(), a.affiliation.as_deref(), a.email.as_deref()].into_iter().flatten().collect();
        if let Some(note) = &a.note {
            w.raw("<p class=\"author\">");
            w.text(note);
            w.raw("</p>\n");
        } else if !parts.is_empty() {
            w.raw("<p class=\"author\">");
            w.text(&parts.join(" · "));
            w.raw("</p>\n");
        }
    }
    w.raw("</header>\n");
    toc.push((1, "top".to_string(), title.clone()));

    // The front matter: title page, dedication, preface, acknowledgements, errata.
    for (k, part) in doc.front.iter().enumerate() {
        w.front_part(part, k + 1, &mut toc);
    }

    // Abstracts and keywords, each in its language.
    for (k, a) in m.abstracts.iter().enumerate() {
        let id = format!("abstract-{}", k + 1);
        let attrs = a.lang.as_ref().map_or(String::new(), |l| w.lang(l));
        let heading = a.heading.clone().unwrap_or_else(|| "Abstract".into());
        w.raw(&format!("<section id=\"{id}\" role=\"doc-abstract\" aria-labelledby=\"{id}-title\"{attrs}>\n<h2 id=\"{id}-title\">"));
        w.text(&heading);
        w.raw("</h2>\n");
        // An abstract's list, quotation or table is written as one (issue 23: each was an
        // empty paragraph, its text and notes lost).
        for b in &a.content {
            match b {
                Block::Paragraph { .. } | Block::Heading { .. } => w.paragraph(b.content(), None, None),
                other => w.block(other),
            }
        }
        w.raw("</section>\n");
        toc.push((2, id, heading));
    }
    for k in &m.keywords {
        let attrs = k.lang.as_ref().map_or(String::new(), |l| w.lang(l));
        w.raw(&format!("<p class=\"keywords\"{attrs}><span class=\"keywords-heading\">"));
        w.text(k.heading.as_deref().unwrap_or("Keywords"));
        w.raw(":</span> ");
        w.text(&k.terms.join(", "));
        w.raw("</p>\n");
    }

    // The body.
    w.raw("<section id=\"text\" epub:type=\"bodymatter\">\n");
    let mut heading_no = 0;
    for b in &doc.body {
        match b {
            Block::Heading { level, content } => {
                heading_no += 1;
                // Level 255 (from JSON) is the deepest, never past it.
                let h = level.saturating_add(1).min(6);
                let id = format!("section-{heading_no}");
                w.rank = h;
                w.raw(&format!("<h{h} id=\"{id}\"{}>", dir_of(content)));
                w.inlines(content);
                w.raw(&format!("</h{h}>\n"));
                toc.push((level.saturating_add(1), id, plain_text(content)));
            }
            other => w.block(other),
        }
    }
    w.raw("</section>\n");

    // Notes in the same document (Thorium pops up only those), under their `h2`: the
    // footnotes, then the endnotes (as printed, after the text; before the references, as
    // Chicago sets a book's notes). Each section lists its notes in the order of their calls.
    w.rank = 2;
    let mut notes = std::mem::take(&mut w.notes);
    notes.sort_by_key(|(i, _, _)| *i);
    let has_end = notes.iter().any(|(_, k, _)| *k == NoteKind::End);
    let mut notes_section = None;
    let mut endnotes_section = None;
    for (kind, id) in [(NoteKind::Foot, "notes"), (NoteKind::End, "endnotes")] {
        let mut these = notes.iter().filter(|(_, k, _)| *k == kind).peekable();
        if these.peek().is_none() {
            continue;
        }
        let heading = match kind {
            NoteKind::Foot if has_end => footnotes_heading(&lang),
            NoteKind::Foot | NoteKind::End => notes_heading(&lang),
        };
        // Its letters count for the fonts, as the references' heading's do.
        w.set_chars(w.style, heading);
        w.raw(&format!("<section id=\"{id}\" epub:type=\"endnotes\" role=\"doc-endnotes\" aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">{heading}</h2>\n<ol class=\"notes\">\n"));
        for (_, _, li) in these {
            w.raw(li);
            w.raw("\n");
        }
        w.raw("</ol>\n</section>\n");
        let section = Some((id.to_string(), heading.to_string()));
        match kind {
            NoteKind::Foot => notes_section = section,
            NoteKind::End => endnotes_section = section,
        }
        toc.push((2, id.into(), heading.into()));
    }

    // The reference list, entries exactly as printed.
    let mut bibliography = None;
    if let Some(bib) = &doc.back.bibliography {
        w.raw("<section id=\"references\" epub:type=\"bibliography\" role=\"doc-bibliography\" aria-labelledby=\"references-title\">\n<h2 id=\"references-title\">");
        w.text(&bib.heading);
        w.raw("</h2>\n");
        toc.push((2, "references".into(), bib.heading.clone()));
        // Each part under its subheading, one level below the list's, in the contents too.
        let mut part_no = 0;
        if bib.entries.is_empty() {
            w.raw("<ul class=\"references\">\n</ul>\n");
        }
        for group in bib.groups() {
            if let Some(heading) = group.heading {
                part_no += 1;
                let id = format!("references-{part_no}");
                w.raw(&format!("<h3 id=\"{id}\">"));
                w.text(heading);
                w.raw("</h3>\n");
                toc.push((3, id, heading.to_string()));
            }
            w.raw("<ul class=\"references\">\n");
            for (k, e) in group.entries.iter().enumerate() {
                let mut attrs = e.lang.as_ref().map_or(String::new(), |l| w.lang(l));
                if e.key.is_some() {
                    attrs = format!(" id=\"ref-{}\"{attrs}", group.first + k + 1);
                }
                w.raw(&format!("<li{attrs}{}>", dir_of(&e.content)));
                if let Some(label) = &e.label {
                    w.raw("<span class=\"entry-label\">");
                    w.text(label);
                    w.raw("</span> ");
                }
                // An entry that is one span in the entry's own language says it once, on the `li`.
                match e.content.as_slice() {
                    [Inline::Span { lang, content }] if e.lang.as_ref() == Some(lang) => w.inlines(content),
                    _ => w.inlines(&e.content),
                }
                w.raw("</li>\n");
            }
            w.raw("</ul>\n");
        }
        w.raw("</section>\n");
        bibliography = Some(("references".to_string(), bib.heading.clone()));
    }

    let mut xhtml = String::new();
    xhtml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    xhtml.push_str(&format!(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"{}>\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{}\"/>\n</head>\n<body>\n",
        lang_attrs(&lang),
        partial_escape(&title),
        escape(css_href)
    ));
    xhtml.push_str(&w.out);
    xhtml.push_str("</body>\n</html>\n");
    w.chars.entry(Style::Regular).or_default().extend(&title);
    let chars = w.chars.into_iter().map(|(style, set)| (style, set.into_sorted())).collect();
    let mut objects = w.objects;
    // Media no image shows are left out of the package, and said so.
    for key in objects.images.unused() {
        objects.diags.push(Diagnostic::info(
            "epub-media-unused",
            0,
            format!("the media `{key}` is shown by no image of the document; the e-book leaves it out"),
        ));
    }
    Article {
        xhtml,
        chars,
        toc,
        langs: w.langs,
        lang,
        notes: notes_section,
        endnotes: endnotes_section,
        bibliography,
        pages: w.pages,
        mathml: w.mathml,
        unconverted: w.unconverted,
        images: objects.images.packed(),
        tables: objects.tables,
        figures: objects.figures,
        undescribed: objects.undescribed,
        diags: objects.diags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, Block, Inline, Note, NoteKind};

    #[test]
    fn html_datetime_values() {
        for ok in [
            "1919",
            "1919-05",
            "1919-05-14",
            "2000-02-29",
            "1919-05-14T10:30",
            "1919-05-14T10:30:15Z",
            "12345",
        ] {
            assert!(is_html_datetime(ok), "{ok}");
        }
        for bad in [
            "0000",
            "-0044",
            "1919-13",
            "1919-02-30",
            "1900-02-29",
            "1918/1920",
            "14 May",
            "10:30:00",
            "1919-05T10:30",
        ] {
            assert!(!is_html_datetime(bad), "{bad}");
        }
    }

    #[test]
    fn a_char_set_gives_every_character_once_in_order() {
        let text = "\u{0}Az ÿ ə Ā ф\u{10FFFF} z";
        let mut a = CharSet::default();
        a.extend(&text[..7]);
        let mut b = CharSet::default();
        b.extend(&text[7..]);
        a.merge(b);
        let want: BTreeSet<char> = text.chars().collect();
        assert_eq!(a.into_sorted(), want);
    }

    /// Issue 23 (the `model` fuzz target): a note's blocks other than paragraphs,
    /// quotations and lists (a definition list, a table, verse, code) were dropped from the
    /// e-book, and with them the notes they held.
    #[test]
    fn every_kind_of_block_in_a_note_is_written() {
        use crate::model::{Cell, Column, Definition, Row, Table};
        let p = |t: &str| Block::paragraph(vec![Inline::text(t)]);
        let inner = note("2", Anchor::Call);
        let table = Table {
            columns: vec![Column::default()],
            body: vec![Row { cells: vec![Cell::new(vec![p("in-a-cell")])] }],
            ..Table::default()
        };
        let content = vec![
            Block::DefinitionList {
                items: vec![Definition {
                    term: vec![Inline::text("term"), inner],
                    details: vec![vec![p("defined")]],
                }],
            },
            Block::Table(Box::new(table)),
            Block::LineBlock { lines: vec![vec![Inline::text("a-verse-line")]] },
            Block::CodeBlock { text: "some-code".into(), syntax: None },
        ];
        let call = Inline::Note(Note {
            label: "1".into(),
            kind: NoteKind::Foot,
            anchor: Anchor::Call,
            lang: None,
            content,
        });
        let mut doc = Document::new();
        doc.body.push(Block::paragraph(vec![Inline::text("Text."), call]));
        let a = article(&doc, "style.css");
        for word in ["term", "defined", "in-a-cell", "a-verse-line", "some-code"] {
            assert!(a.xhtml.contains(word), "{word} is missing");
        }
        assert_eq!(a.xhtml.matches("<div id=\"note-").count(), 2);
        check_links(&a.xhtml);
    }

    /// Issue 23 (the `model` fuzz target): an abstract's list was written as an empty
    /// paragraph, its text and notes lost; a heading of level 255 overflowed.
    #[test]
    fn an_abstracts_blocks_and_the_deepest_heading_are_written() {
        use crate::model::Abstract;
        let mut doc = Document::new();
        let item = vec![Block::paragraph(vec![Inline::text("listed-point"), note("1", Anchor::Call)])];
        doc.meta.abstracts.push(Abstract {
            lang: None,
            heading: None,
            content: vec![Block::List { numbering: None, items: vec![item] }],
        });
        doc.body.push(Block::Heading { level: 255, content: vec![Inline::text("deep")] });
        let a = article(&doc, "style.css");
        assert!(a.xhtml.contains("listed-point"), "{}", a.xhtml);
        assert_eq!(a.xhtml.matches("<div id=\"note-").count(), 1);
        assert!(a.xhtml.contains("<h6 id=\"section-1\">deep</h6>"), "{}", a.xhtml);
    }

    fn note(label: &str, anchor: Anchor) -> Inline {
        Inline::Note(Note {
            label: label.into(),
            kind: Default::default(),
            anchor,
            lang: None,
            content: vec![Block::paragraph(vec![Inline::text("Note text.")])],
        })
    }

    /// Every id once; every noteref points at a note whose back-link points at the noteref.
    fn check_links(xhtml: &str) -> usize {
        use quick_xml::events::Event;
        let mut r = quick_xml::Reader::from_str(xhtml);
        let mut ids = HashMap::new();
        let mut links: Vec<(String, String, String)> = Vec::new(); // (role, own id, href)
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) | Event::Empty(e) => {
                    let mut id = String::new();
                    let (mut role, mut href) = (String::new(), String::new());
                    for a in e.attributes() {
                        let a = a.unwrap();
                        let v = String::from_utf8_lossy(&a.value).into_owned();
                        match a.key.as_ref() {
                            b"id" => id = v,
                            b"role" => role = v,
                            // An endnote has no role (DPUB-ARIA 1.1 deprecates doc-endnote).
                            b"epub:type" if v == "endnote" => role = "endnote".into(),
                            b"href" => href = v,
                            _ => {}
                        }
                    }
                    if !id.is_empty() {
                        assert!(ids.insert(id.clone(), role.clone()).is_none(), "duplicate id {id}");
                    }
                    if role == "doc-noteref" || role == "doc-backlink" {
                        links.push((role, id, href));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let mut notes = 0;
        for (role, id, href) in &links {
            let target = href.trim_start_matches('#');
            if role == "doc-noteref" {
                notes += 1;
                let kind = ids.get(target).map(String::as_str);
                assert!(matches!(kind, Some("doc-footnote" | "endnote")), "{href}: {kind:?}");
                let back =
                    links.iter().find(|(r, _, h)| r == "doc-backlink" && h.trim_start_matches('#') == id);
                assert!(back.is_some(), "note {target} has no back-link to {id}");
            }
        }
        notes
    }

    /// Front divisions are sections with their `epub:type` and role, a heading in the
    /// navigation; an embedded text's headings rank under the heading before it, not in it.
    #[test]
    fn front_sections_and_embedded_headings() {
        use crate::model::{FrontKind, FrontPart};
        let h = |level, s: &str| Block::Heading { level, content: vec![Inline::text(s)] };
        let mut doc = Document::new();
        doc.front.push(FrontPart {
            kind: FrontKind::Dedication,
            name: None,
            blocks: vec![Block::paragraph(vec![Inline::text("To M.")])],
        });
        doc.front.push(FrontPart { kind: FrontKind::Preface, name: None, blocks: vec![h(1, "Preface")] });
        doc.body.push(h(1, "Part"));
        doc.body.push(Block::EmbeddedText {
            kind: Some("letter".into()),
            lang: None,
            blocks: vec![h(1, "Dear")],
        });
        let a = article(&doc, "style.css");
        assert!(a.xhtml.contains("<section id=\"front-1\" class=\"dedication\" epub:type=\"dedication\" role=\"doc-dedication\">"), "{}", a.xhtml);
        assert!(a.xhtml.contains("epub:type=\"preface\" role=\"doc-preface\" aria-labelledby=\"front-2-title\">\n<h2 id=\"front-2-title\">Preface</h2>"), "{}", a.xhtml);
        assert!(a.xhtml.contains("<div class=\"embedded-text letter\">\n<h3>Dear</h3>"), "{}", a.xhtml);
        let toc: Vec<&str> = a.toc.iter().map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(toc, ["Untitled", "Preface", "Part"]);
    }

    #[test]
    fn every_call_has_its_note_and_every_note_links_back() {
        let mut doc = Document::new();
        doc.body.push(Block::paragraph(vec![
            Inline::text("One."),
            note("1", Anchor::Call),
            Inline::text(" Two."),
            note("1", Anchor::Inferred),
        ]));
        doc.body.push(Block::Heading { level: 1, content: vec![Inline::text("Part")] });
        doc.body.push(Block::paragraph(vec![note("*", Anchor::Call)]));
        let a = article(&doc, "style.css");
        assert_eq!(check_links(&a.xhtml), 3, "{}", a.xhtml);
        assert!(a.xhtml.contains("<li class=\"uncertain\">"), "an inferred anchor is marked");
        assert!(!a.xhtml.contains("<sup"), "no sup inside note calls");
    }

    /// Endnotes stand in a section of their own after the footnotes' (then headed
    /// "Footnotes"), labelled as printed, each linked from its call and back; the sections
    /// are in the contents.
    #[test]
    fn endnotes_have_their_own_section_after_the_footnotes() {
        let end = |label: &str| {
            let Inline::Note(mut n) = note(label, Anchor::Call) else { unreachable!() };
            n.kind = NoteKind::End;
            Inline::Note(n)
        };
        let mut doc = Document::new();
        doc.meta.lang = LangTag::parse("ru").ok();
        doc.body.push(Block::paragraph(vec![end("1"), note("1", Anchor::Call), end("2")]));
        let a = article(&doc, "style.css");
        assert_eq!(check_links(&a.xhtml), 3, "{}", a.xhtml);
        let foot = a.xhtml.find("<section id=\"notes\"").unwrap();
        let endnotes = a.xhtml.find("<section id=\"endnotes\"").unwrap();
        assert!(foot < endnotes);
        assert!(a.xhtml[foot..endnotes].contains("<h2 id=\"notes-title\">Сноски</h2>"));
        assert!(a.xhtml[foot..endnotes].contains("<div id=\"note-2\" epub:type=\"footnote\""));
        assert!(a.xhtml[endnotes..].contains("<h2 id=\"endnotes-title\">Примечания</h2>"));
        assert!(a.xhtml[endnotes..].contains("<div id=\"note-1\" epub:type=\"endnote\">"));
        assert!(a.xhtml[endnotes..].contains("<div id=\"note-3\" epub:type=\"endnote\">"));
        assert!(!a.xhtml.contains("doc-endnote\""), "DPUB-ARIA 1.1 deprecates role=\"doc-endnote\"");
        assert_eq!(a.notes, Some(("notes".into(), "Сноски".into())));
        assert_eq!(a.endnotes, Some(("endnotes".into(), "Примечания".into())));
        let toc: Vec<&str> = a.toc.iter().map(|(_, id, _)| id.as_str()).collect();
        assert_eq!(toc, ["top", "notes", "endnotes"]);
        // Endnotes only: one section, under "Notes".
        doc.body = vec![Block::paragraph(vec![end("1")])];
        doc.meta.lang = None;
        let a = article(&doc, "style.css");
        assert_eq!((a.notes, a.endnotes), (None, Some(("endnotes".into(), "Notes".into()))));
        assert!(!a.xhtml.contains("id=\"notes\""));
    }

    /// A part's subheading is an `h3` before its own list, and in the contents.
    #[test]
    fn parts_have_subheadings_one_level_below() {
        use crate::model::{BibEntry, BibPart, Bibliography};
        let entry = BibEntry::plain;
        let mut doc = Document::new();
        let mut bib = Bibliography::new("Bibliography", vec![entry("A."), entry("B."), entry("C.")]);
        bib.parts = vec![BibPart { heading: "Archival sources".into(), start: 1 }];
        doc.back.bibliography = Some(bib);
        let a = article(&doc, "style.css");
        assert!(
            a.xhtml.contains(
                "<h2 id=\"references-title\">Bibliography</h2>\n<ul class=\"references\">\n<li>A.</li>\n</ul>\n\
                 <h3 id=\"references-1\">Archival sources</h3>\n<ul class=\"references\">\n<li>B.</li>\n<li>C.</li>\n</ul>\n</section>"
            ),
            "{}",
            a.xhtml
        );
        let toc: Vec<(u8, &str, &str)> = a.toc.iter().map(|(l, i, t)| (*l, i.as_str(), t.as_str())).collect();
        assert_eq!(toc[1..], [(2, "references", "Bibliography"), (3, "references-1", "Archival sources")]);
    }

    #[test]
    fn languages_are_marked_with_lang_and_xml_lang() {
        let mut doc = Document::new();
        doc.meta.lang = Some(LangTag::parse("en").unwrap());
        doc.body.push(Block::paragraph(vec![Inline::Span {
            lang: LangTag::parse("ru").unwrap(),
            content: vec![Inline::text("Две республики")],
        }]));
        let a = article(&doc, "style.css");
        assert!(a.xhtml.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\">"));
        assert!(a.xhtml.contains("<span lang=\"ru\" xml:lang=\"ru\">Две республики</span>"));
        assert_eq!(a.langs.iter().cloned().collect::<Vec<_>>(), ["en", "ru"]);
    }
}
