//! A structure-aware generator: fuzz bytes become a [`Document`] of the model, with notes in
//! every place a note may stand, empty and huge blocks, long unbreakable words and text in
//! every script, nested up to a depth the bytes choose (capped so the JSON form stays under
//! the JSON reader's 128 levels).
//!
//! Each byte read is a choice; when the bytes run out every choice is 0, which is always the
//! smallest one (stop the list, no nesting), so every input gives a finite document.

use colophon::model::{
    Abstract, Align, Anchor, Author, BibEntry, BibPart, Bibliography, Block, Cell, ChoiceKind, Column,
    Definition, Delimiter, Extent, Figure, FrontKind, FrontPart, Image, Inline, KeywordList, LangTag, Media,
    MediaKind, NameKind, Note, NoteKind, NumberStyle, Numbering, QuoteStyle, Row, Shelfmark, Table, Title,
};
use colophon::Document;

/// Deepest nesting of blocks in blocks (a quotation in a list item in a note …): each level
/// costs up to three JSON levels, and the JSON reader stops at 128.
pub const MAX_BLOCK_DEPTH: u32 = 30;

/// Deepest nesting of inlines in inlines (emphasis in a link in a name …).
pub const MAX_INLINE_DEPTH: u32 = 30;

/// Most nodes (blocks and inlines) in one document, so a unit stays well under a second.
const MAX_NODES: u32 = 600;

/// The bytes being turned into a document, and what has been made so far.
pub struct Gen<'a> {
    data: &'a [u8],
    pos: usize,
    nodes: u32,
    depth_limit: u32,
}

/// Pieces of text in every script and of every awkward kind.
const PIECES: &[&str] = &[
    "word",
    "Archival",
    "ф. 1, оп. 2, д. 3, л. 4",
    "Москва",
    "Ἀθῆναι",
    "العربية",
    "עִבְרִית",
    "漢字の文",
    "한국어",
    "😀👩‍👩‍👧",
    "e\u{301}\u{302}\u{303}",
    "\u{200b}",
    "\u{200d}",
    "\u{200e}",
    "\u{202e}",
    "\u{feff}",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    " ",
    "  ",
    "\u{a0}",
    "\u{ad}",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "]]>",
    "[^1]",
    "*",
    "_",
    "\\",
    "$",
    "@",
    "#",
    "|",
    "`",
    "---",
    "1.",
    "-",
    "(",
    "\u{fffe}",
    "\u{ffff}",
    "\u{10ffff}",
    "\u{e000}",
    "𝔉",
    "\u{1f1fa}\u{1f1f8}",
    "ﷺ",
    "ﷰ",
    "\u{640}",
    "ⅷ",
    "ǅ",
    "ß",
    "İ",
];

/// Letters for long unbreakable words, one script each.
const LETTERS: &[char] = &['a', 'ж', 'λ', 'ب', 'ש', '字', '😀', 'ﷺ', '\u{301}', '\u{200b}', '-', '/'];

/// Language tags, well formed (the model only holds those), known and unknown.
const LANGS: &[&str] =
    &["en", "ru", "ar", "he", "zh", "ja", "az-Latn", "x-unknown", "qaa", "tlh", "el", "und"];

/// A PNG of one white pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00,
    0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00,
    0x1b, 0xb6, 0xee, 0x56, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

impl<'a> Gen<'a> {
    /// Starts reading choices from `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Gen { data, pos: 0, nodes: 0, depth_limit: 0 }
    }

    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A number below `n` (0 when the bytes have run out).
    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let v = if n > 256 {
            usize::from(self.byte()) << 8 | usize::from(self.byte())
        } else {
            self.byte().into()
        };
        v % n
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.data.get(self.pos).is_some() && self.below(one_in) == 0
    }

    fn exhausted(&self) -> bool {
        self.pos >= self.data.len() || self.nodes >= MAX_NODES
    }

    /// How many items a list gets: mostly few, sometimes none, rarely many.
    fn count(&mut self, most: usize) -> usize {
        if self.exhausted() {
            return 0;
        }
        match self.below(16) {
            0 => 0,
            15 => self.below(most + 1),
            k => k % 4,
        }
    }

    /// A string: empty, blank, pieces glued together, or a long unbreakable word.
    pub fn text(&mut self) -> String {
        match self.below(12) {
            0 => String::new(),
            1 => " ".repeat(self.below(4) + 1),
            2 => {
                let c = LETTERS[self.below(LETTERS.len())];
                let n = [50, 500, 5_000, 20_000][self.below(4)];
                std::iter::repeat_n(c, n).collect()
            }
            _ => {
                let mut s = String::new();
                for _ in 0..1 + self.below(6) {
                    s.push_str(PIECES[self.below(PIECES.len())]);
                    if self.chance(2) {
                        s.push(' ');
                    }
                }
                s
            }
        }
    }

    fn opt_text(&mut self) -> Option<String> {
        self.chance(2).then(|| self.text())
    }

    fn lang(&mut self) -> Option<LangTag> {
        self.chance(4).then(|| LangTag::parse(LANGS[self.below(LANGS.len())]).expect("well-formed tags"))
    }

    fn label(&mut self) -> String {
        match self.below(8) {
            0 => String::new(),
            1 => "*".into(),
            2 => "1".into(),
            3 => " a b ".into(),
            4 => "[x]".into(),
            5 => "†".into(),
            _ => (1 + self.below(300)).to_string(),
        }
    }

    /// A note: empty, blank, one paragraph, or many blocks, in any kind and anchor.
    pub fn note(&mut self, depth: u32) -> Note {
        let content = match self.below(6) {
            0 => Vec::new(),
            1 => vec![Block::paragraph(Vec::new())],
            2 => vec![Block::paragraph(vec![Inline::text(" ")])],
            _ => self.blocks(depth + 1),
        };
        Note {
            label: self.label(),
            kind: if self.chance(3) { NoteKind::End } else { NoteKind::Foot },
            anchor: if self.chance(4) { Anchor::Inferred } else { Anchor::Call },
            lang: self.lang(),
            content,
        }
    }

    /// A run of inlines, notes among them.
    pub fn inlines(&mut self, depth: u32) -> Vec<Inline> {
        let n = self.count(40);
        (0..n).map(|_| self.inline(depth)).collect()
    }

    fn inline(&mut self, depth: u32) -> Inline {
        self.nodes += 1;
        let deeper = depth < self.depth_limit.min(MAX_INLINE_DEPTH) && !self.exhausted();
        let kind = if deeper { self.below(30) } else { self.below(8) };
        let d = depth + 1;
        match kind {
            0..=2 => Inline::text(self.text()),
            3 => Inline::Note(self.note(depth)),
            4 => Inline::LineBreak,
            5 => Inline::Code { text: self.text() },
            6 => Inline::PageBreak { n: self.text() },
            7 => Inline::Math { tex: self.text(), display: self.chance(2) },
            8 => Inline::Emph { content: self.inlines(d) },
            9 => Inline::Strong { content: self.inlines(d) },
            10 => Inline::Superscript { content: self.inlines(d) },
            11 => Inline::Subscript { content: self.inlines(d) },
            12 => Inline::SmallCaps { content: self.inlines(d) },
            13 => Inline::Underline { content: self.inlines(d) },
            14 => Inline::Strikeout { content: self.inlines(d) },
            15 => Inline::Highlight { rend: self.text(), content: self.inlines(d) },
            16 => Inline::Quoted {
                style: if self.chance(2) { QuoteStyle::Single } else { QuoteStyle::Double },
                content: self.inlines(d),
            },
            17 => Inline::Link { url: self.text(), content: self.inlines(d) },
            18 => match self.lang() {
                Some(lang) => Inline::Span { lang, content: self.inlines(d) },
                None => Inline::Span { lang: LangTag::parse("ar").expect("tag"), content: self.inlines(d) },
            },
            19 => Inline::Shelfmark(Box::new(Shelfmark {
                raw: self.text(),
                archive: None,
                levels: Vec::new(),
                folios: None,
                pages: None,
            })),
            20 => Inline::Name {
                kind: NameKind::ALL[self.below(3)],
                reference: self.opt_text(),
                content: self.inlines(d),
            },
            21 => Inline::Date { when: self.opt_text(), content: self.inlines(d) },
            22 => Inline::Citation {
                keys: (0..self.count(3)).map(|_| self.text()).collect(),
                content: self.inlines(d),
            },
            23 => Inline::Image { image: self.image(), alt: self.text() },
            24 => Inline::Ref { target: self.text(), content: self.inlines(d) },
            25 => Inline::Choice {
                kind: ChoiceKind::ALL[self.below(3)],
                shown: self.inlines(d),
                other: self.inlines(d),
            },
            _ => Inline::Note(self.note(depth)),
        }
    }

    fn image(&mut self) -> Image {
        Image {
            src: match self.below(3) {
                0 => "dot.png".into(),
                1 => String::new(),
                _ => self.text(),
            },
            media: match self.below(3) {
                0 => Some("dot.png".into()),
                1 => Some(self.text()),
                _ => None,
            },
            width: match self.below(4) {
                0 => Some(Extent::Fraction(0.5)),
                1 => Some(Extent::Points([0.001, 1.0, 1e6][self.below(3)])),
                _ => None,
            },
        }
    }

    /// A sequence of blocks.
    pub fn blocks(&mut self, depth: u32) -> Vec<Block> {
        let n = self.count(30);
        (0..n).map(|_| self.block(depth)).collect()
    }

    fn block(&mut self, depth: u32) -> Block {
        self.nodes += 1;
        let deeper = depth < self.depth_limit.min(MAX_BLOCK_DEPTH) && !self.exhausted();
        let kind = if deeper { self.below(14) } else { self.below(5) };
        let d = depth + 1;
        match kind {
            0 | 1 => Block::Paragraph { content: self.inlines(depth), lang: self.lang() },
            2 => {
                Block::Heading { level: [1, 2, 3, 6, 7, 0, 255][self.below(7)], content: self.inlines(depth) }
            }
            3 => Block::CodeBlock { text: self.text(), syntax: self.opt_text() },
            4 => match self.below(2) {
                0 => Block::SectionBreak,
                _ => Block::LineBlock { lines: (0..self.count(10)).map(|_| self.inlines(depth)).collect() },
            },
            5 => Block::Quote {
                blocks: self.blocks(d),
                source: self.chance(2).then(|| self.inlines(d)),
                lang: self.lang(),
                epigraph: self.chance(3),
            },
            6 => Block::List {
                numbering: self.chance(2).then(|| Numbering {
                    start: [0, 1, 3, 3999, 4000, u32::MAX][self.below(6)],
                    style: [
                        NumberStyle::Decimal,
                        NumberStyle::LowerAlpha,
                        NumberStyle::UpperAlpha,
                        NumberStyle::LowerRoman,
                        NumberStyle::UpperRoman,
                    ][self.below(5)],
                    delimiter: [Delimiter::Period, Delimiter::Paren, Delimiter::TwoParens][self.below(3)],
                }),
                items: (0..self.count(20)).map(|_| self.blocks(d)).collect(),
            },
            7 => Block::DefinitionList {
                items: (0..self.count(10))
                    .map(|_| Definition {
                        term: self.inlines(d),
                        details: (0..self.count(3)).map(|_| self.blocks(d)).collect(),
                    })
                    .collect(),
            },
            8 => Block::EmbeddedText { kind: self.opt_text(), lang: self.lang(), blocks: self.blocks(d) },
            9 => Block::Table(Box::new(self.table(d))),
            10 => Block::Figure(Box::new(Figure {
                id: self.opt_text(),
                label: self.opt_text(),
                caption: self.inlines(d),
                source: self.chance(2).then(|| self.inlines(d)),
                alt: self.opt_text(),
                images: (0..self.count(3)).map(|_| self.image()).collect(),
            })),
            11 => Block::Heading { level: 1 + self.below(6) as u8, content: self.inlines(d) },
            _ => Block::Paragraph { content: self.inlines(d), lang: None },
        }
    }

    fn table(&mut self, d: u32) -> Table {
        let width = self.below(5);
        let aligns = [Align::Default, Align::Left, Align::Center, Align::Right];
        let columns = (0..width)
            .map(|_| Column {
                align: aligns[self.below(4)],
                width: [None, Some(0.0), Some(0.5), Some(3.0)][self.below(4)],
            })
            .collect();
        // Rows mostly as wide as the columns; sometimes wider or narrower, sometimes spanning.
        let rows = |g: &mut Self, n: usize| -> Vec<Row> {
            (0..n)
                .map(|_| {
                    let cells = if g.chance(4) { g.below(7) } else { width };
                    Row {
                        cells: (0..cells)
                            .map(|_| Cell {
                                blocks: g.blocks(d),
                                rows: if g.chance(6) { g.below(4) as u32 } else { 1 },
                                cols: if g.chance(6) { g.below(4) as u32 } else { 1 },
                                align: g.chance(4).then(|| aligns[g.below(4)]),
                                header: g.chance(4),
                            })
                            .collect(),
                    }
                })
                .collect()
        };
        let n = self.below(2);
        let head = rows(self, n);
        let n = self.count(12);
        let body = rows(self, n);
        let n = self.below(2);
        let foot = rows(self, n);
        Table {
            id: self.opt_text(),
            label: self.opt_text(),
            caption: self.inlines(d),
            source: self.chance(2).then(|| self.inlines(d)),
            columns,
            head,
            body,
            foot,
            lang: self.lang(),
        }
    }

    fn meta(&mut self, doc: &mut Document) {
        let m = &mut doc.meta;
        m.lang = self.lang();
        m.titles = (0..self.count(3)).map(|_| Title { text: self.text(), lang: self.lang() }).collect();
        m.authors = (0..self.count(5))
            .map(|_| Author {
                name: self.opt_text(),
                affiliation: self.opt_text(),
                email: self.opt_text(),
                orcid: self.opt_text(),
                note: self.opt_text(),
            })
            .collect();
        m.abstracts = (0..self.count(3))
            .map(|_| Abstract { lang: self.lang(), heading: self.opt_text(), content: self.blocks(1) })
            .collect();
        m.keywords = (0..self.count(2))
            .map(|_| KeywordList {
                lang: self.lang(),
                heading: self.opt_text(),
                terms: (0..self.count(5)).map(|_| self.text()).collect(),
            })
            .collect();
        m.journal = self.opt_text();
        m.volume = self.opt_text();
        m.issue = self.opt_text();
        m.pages = self.opt_text();
        m.doi = self.opt_text();
        m.licence = self.opt_text();
        m.date = match self.below(6) {
            0 => Some("1919-05-14".into()),
            1 => Some("1919-13-45".into()),
            2 => Some("yesterday".into()),
            3 => Some(self.text()),
            _ => None,
        };
        m.publisher = self.opt_text();
        m.source = self.opt_text();
        for _ in 0..self.count(3) {
            let k = self.text();
            let v = self.text();
            m.extra.insert(k, v);
        }
    }

    /// Builds the whole document: metadata, front matter, body, bibliography and media.
    pub fn document(mut self) -> Document {
        let mut doc = Document::new();
        self.depth_limit = self.below(MAX_BLOCK_DEPTH as usize + 1) as u32;
        self.meta(&mut doc);
        let kinds = [
            FrontKind::TitlePage,
            FrontKind::Dedication,
            FrontKind::Preface,
            FrontKind::Acknowledgements,
            FrontKind::Errata,
            FrontKind::Other,
        ];
        doc.front = (0..self.count(3))
            .map(|_| FrontPart { kind: kinds[self.below(6)], name: self.opt_text(), blocks: self.blocks(1) })
            .collect();
        if self.chance(3) {
            // Many flat blocks: thousands of headings, or of one-note paragraphs.
            let n = self.below(3000);
            let heading = self.chance(2);
            doc.body.extend((0..n).map(|i| {
                let call = Inline::Note(Note {
                    label: i.to_string(),
                    kind: NoteKind::Foot,
                    anchor: Anchor::Call,
                    lang: None,
                    content: vec![Block::paragraph(vec![Inline::text("n")])],
                });
                if heading {
                    Block::Heading { level: 1 + (i % 3) as u8, content: vec![Inline::text("H")] }
                } else {
                    Block::paragraph(vec![Inline::text("p"), call])
                }
            }));
        }
        doc.body.extend(self.blocks(0));
        if self.chance(2) {
            let entries: Vec<BibEntry> = (0..self.count(20))
                .map(|_| {
                    let raw = self.text();
                    let mut e = BibEntry::plain(&raw);
                    e.label = self.opt_text();
                    e.key = self.opt_text();
                    e.lang = self.lang();
                    e
                })
                .collect();
            let mut bib = Bibliography::new(self.text(), entries);
            if bib.entries.len() > 1 && self.chance(2) {
                bib.parts = vec![BibPart { heading: self.text(), start: self.below(bib.entries.len()) }];
                // Parts the JSON reader refuses are no document of the model.
                if bib.check_parts().is_err() {
                    bib.parts.clear();
                }
            }
            doc.back.bibliography = Some(bib);
        }
        if self.chance(2) {
            doc.media.insert(
                "dot.png".into(),
                Media { kind: MediaKind::Png, width: 1, height: 1, data: PNG.to_vec() },
            );
        }
        doc
    }
}

/// Every note of the document, front matter, abstracts and body, notes inside notes too.
pub fn all_notes(doc: &Document) -> Vec<&Note> {
    fn walk<'a>(notes: Vec<&'a Note>, out: &mut Vec<&'a Note>) {
        for n in notes {
            out.push(n);
            let mut inner = Vec::new();
            n.content.iter().for_each(|b| b.collect_notes(&mut inner));
            walk(inner, out);
        }
    }
    let mut top = Vec::new();
    doc.meta.abstracts.iter().flat_map(|a| &a.content).for_each(|b| b.collect_notes(&mut top));
    top.extend(doc.notes());
    let mut out = Vec::new();
    walk(top, &mut out);
    out
}

/// The notes inside the reading an editorial choice keeps aside (`Choice::other`, notes in
/// them included): TEI writes them beside the shown reading, the other formats show only
/// the shown reading, so only TEI holds these notes.
pub fn notes_in_other_readings(doc: &Document) -> usize {
    fn inlines(list: &[Inline], other: bool) -> usize {
        list.iter()
            .map(|i| match i {
                Inline::Note(n) => usize::from(other) + blocks(&n.content, other),
                Inline::Choice { shown, other: aside, .. } => inlines(shown, other) + inlines(aside, true),
                x => inlines(x.children(), other),
            })
            .sum()
    }
    fn blocks(list: &[Block], other: bool) -> usize {
        list.iter()
            .map(|b| {
                let own = match b {
                    Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                        inlines(content, other)
                    }
                    Block::Quote { source, .. } => source.as_deref().map_or(0, |s| inlines(s, other)),
                    Block::DefinitionList { items } => items.iter().map(|d| inlines(&d.term, other)).sum(),
                    Block::Table(t) => {
                        inlines(&t.caption, other) + t.source.as_deref().map_or(0, |s| inlines(s, other))
                    }
                    Block::Figure(f) => {
                        inlines(&f.caption, other) + f.source.as_deref().map_or(0, |s| inlines(s, other))
                    }
                    Block::LineBlock { lines } => lines.iter().map(|l| inlines(l, other)).sum(),
                    _ => 0,
                };
                own + b.children().into_iter().map(|c| blocks(std::slice::from_ref(c), other)).sum::<usize>()
            })
            .sum()
    }
    let abstracts = doc.meta.abstracts.iter().map(|a| blocks(&a.content, false)).sum::<usize>();
    abstracts + doc.front.iter().map(|p| blocks(&p.blocks, false)).sum::<usize>() + blocks(&doc.body, false)
}

/// The notes called from the text (abstracts, front matter, body), not those inside notes.
pub fn top_level_notes(doc: &Document) -> usize {
    let mut top = Vec::new();
    doc.meta.abstracts.iter().flat_map(|a| &a.content).for_each(|b| b.collect_notes(&mut top));
    top.len() + doc.notes().len()
}

/// The notes called from the text, as (footnotes, endnotes).
pub fn top_level_by_kind(doc: &Document) -> (usize, usize) {
    let mut top = Vec::new();
    doc.meta.abstracts.iter().flat_map(|a| &a.content).for_each(|b| b.collect_notes(&mut top));
    top.extend(doc.notes());
    let end = top.iter().filter(|n| n.kind == NoteKind::End).count();
    (top.len() - end, end)
}
