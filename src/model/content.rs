//! Body content: blocks, inlines and footnotes anchored where they are called.

use super::{Figure, Image, LangTag, Shelfmark, Table};
use serde::{Deserialize, Serialize};

/// A block-level element of the body, an abstract or a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A section heading; `level` 1 is the highest level inside the article.
    Heading {
        /// Nesting depth, from 1.
        level: u8,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph text, with notes inline at their calls.
        content: Vec<Inline>,
        /// The paragraph's language where it differs from the document's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<LangTag>,
    },
    /// A block quotation (a telegram, a decree, an epigraph): the quoted blocks, and the line
    /// naming its source when the author printed one (`— Telegram, 14 May 1919`).
    Quote {
        /// The quoted paragraphs, lists and quotations, notes inline at their calls.
        blocks: Vec<Block>,
        /// The attribution, without its dash.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Vec<Inline>>,
        /// The quotation's language where it differs from the document's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<LangTag>,
        /// Whether the quotation is an epigraph: a motto set before the text or a section.
        #[serde(default, skip_serializing_if = "is_false")]
        epigraph: bool,
    },
    /// A list: bulleted, or numbered as printed.
    List {
        /// How the items are numbered; `None` for a bulleted list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        numbering: Option<Numbering>,
        /// The items, each a sequence of blocks (paragraphs, nested lists, quotations).
        items: Vec<Vec<Block>>,
    },
    /// A list of terms, each with one or more definitions (a glossary).
    DefinitionList {
        /// The terms in order.
        items: Vec<Definition>,
    },
    /// Verbatim text kept line for line (a transcription's layout, a program, a table drawn
    /// in characters): never re-flowed, hyphenated or enriched.
    CodeBlock {
        /// The lines, joined by `\n`, without a final newline.
        text: String,
        /// The notation named by the source (`xml`, `python`), when it named one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        syntax: Option<String>,
    },
    /// A section break without a heading (a thematic break, printed as space or `* * *`).
    SectionBreak,
    /// Lines kept as lines (verse, an address, a letterhead): each line is never joined to the
    /// next, and an empty line is a blank line between stanzas.
    LineBlock {
        /// The lines in order; an empty one separates stanzas.
        lines: Vec<Vec<Inline>>,
    },
    /// A whole text embedded in this one (a letter, a decree or a report quoted in full,
    /// with its own headings and paragraphs): not a quotation of a passage but a document
    /// inside the document, as editions print them.
    EmbeddedText {
        /// What kind of text it is, in the source's own word (`letter`, `telegram`), if named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<String>,
        /// The embedded text's language where it differs from the document's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<LangTag>,
        /// Its blocks, headings included, notes inline at their calls.
        blocks: Vec<Block>,
    },
    /// A table with its label, caption and source line.
    Table(Box<Table>),
    /// A figure: images with their label, caption and source line.
    Figure(Box<Figure>),
}

/// One term of a definition list with its definitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The term defined.
    pub term: Vec<Inline>,
    /// Its definitions, each a sequence of blocks.
    pub details: Vec<Vec<Block>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a list numbers its items: `3.`, `c)`, `(iv)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    /// The number of the first item (`3` for a list starting at `c.` or `iii.`).
    pub start: u32,
    /// The kind of numeral.
    #[serde(default, skip_serializing_if = "NumberStyle::is_decimal")]
    pub style: NumberStyle,
    /// What surrounds the numeral.
    #[serde(default, skip_serializing_if = "Delimiter::is_period")]
    pub delimiter: Delimiter,
}

impl Numbering {
    /// Decimal numbering from `start`, followed by a period.
    pub fn decimal(start: u32) -> Self {
        Numbering { start, style: NumberStyle::Decimal, delimiter: Delimiter::Period }
    }

    /// The printed label of the item numbered `n` (`3.`, `c)`, `(iv)`).
    pub fn label(&self, n: u32) -> String {
        let numeral = self.style.numeral(n);
        match self.delimiter {
            Delimiter::Period => format!("{numeral}."),
            Delimiter::Paren => format!("{numeral})"),
            Delimiter::TwoParens => format!("({numeral})"),
        }
    }
}

/// The numerals of a numbered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// `1 2 3`
    #[default]
    Decimal,
    /// `a b c`
    LowerAlpha,
    /// `A B C`
    UpperAlpha,
    /// `i ii iii`
    LowerRoman,
    /// `I II III`
    UpperRoman,
}

impl NumberStyle {
    fn is_decimal(&self) -> bool {
        *self == NumberStyle::Decimal
    }

    /// The numeral for `n` (from 1) in this style; letters run `z`, `aa`, `ab`…
    pub fn numeral(&self, n: u32) -> String {
        match self {
            NumberStyle::Decimal => n.to_string(),
            NumberStyle::LowerAlpha => alpha(n),
            NumberStyle::UpperAlpha => alpha(n).to_uppercase(),
            NumberStyle::LowerRoman => roman(n),
            NumberStyle::UpperRoman => roman(n).to_uppercase(),
        }
    }
}

fn alpha(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
    }
    out.iter().rev().collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (value, letters) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// What surrounds the numeral of a numbered list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `1.`
    #[default]
    Period,
    /// `1)`
    Paren,
    /// `(1)`
    TwoParens,
}

impl Delimiter {
    fn is_period(&self) -> bool {
        *self == Delimiter::Period
    }
}

impl Block {
    /// Creates a paragraph in the document's language.
    pub fn paragraph(content: Vec<Inline>) -> Self {
        Block::Paragraph { content, lang: None }
    }

    /// Returns the inline content of a heading or paragraph; empty for a quotation or list
    /// (see [`Block::leaves`]).
    pub fn content(&self) -> &[Inline] {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => content,
            _ => &[],
        }
    }

    /// The blocks directly inside a quotation, list, definition list or table's cells, in
    /// order (none for the others; a definition's term and a caption are inline: see
    /// [`Block::collect_notes`]).
    pub fn children(&self) -> Vec<&Block> {
        match self {
            Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => blocks.iter().collect(),
            Block::List { items, .. } => items.iter().flatten().collect(),
            Block::DefinitionList { items } => {
                items.iter().flat_map(|d| d.details.iter().flatten()).collect()
            }
            Block::Table(t) => t.rows().flat_map(|r| &r.cells).flat_map(|c| &c.blocks).collect(),
            Block::Heading { .. }
            | Block::Paragraph { .. }
            | Block::CodeBlock { .. }
            | Block::SectionBreak
            | Block::LineBlock { .. }
            | Block::Figure(_) => Vec::new(),
        }
    }

    /// The headings and paragraphs of this block, itself included, in reading order
    /// (a quotation's source line is not a block: see [`Block::collect_notes`]).
    pub fn leaves(&self) -> Vec<&Block> {
        let mut out = Vec::new();
        self.push_leaves(&mut out);
        out
    }

    fn push_leaves<'a>(&'a self, out: &mut Vec<&'a Block>) {
        match self {
            Block::Heading { .. } | Block::Paragraph { .. } => out.push(self),
            _ => self.children().into_iter().for_each(|b| b.push_leaves(out)),
        }
    }

    /// Appends the notes of this block, in order, to `out`.
    pub fn collect_notes<'a>(&'a self, out: &mut Vec<&'a Note>) {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                collect_inline_notes(content, out)
            }
            Block::Quote { blocks, source, .. } => {
                blocks.iter().for_each(|b| b.collect_notes(out));
                if let Some(source) = source {
                    collect_inline_notes(source, out);
                }
            }
            Block::EmbeddedText { blocks, .. } => blocks.iter().for_each(|b| b.collect_notes(out)),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| b.collect_notes(out)),
            Block::DefinitionList { items } => {
                for d in items {
                    collect_inline_notes(&d.term, out);
                    d.details.iter().flatten().for_each(|b| b.collect_notes(out));
                }
            }
            Block::Table(t) => {
                collect_inline_notes(&t.caption, out);
                t.rows().flat_map(|r| &r.cells).flat_map(|c| &c.blocks).for_each(|b| b.collect_notes(out));
                if let Some(source) = &t.source {
                    collect_inline_notes(source, out);
                }
            }
            Block::Figure(f) => {
                collect_inline_notes(&f.caption, out);
                if let Some(source) = &f.source {
                    collect_inline_notes(source, out);
                }
            }
            Block::LineBlock { lines } => lines.iter().for_each(|l| collect_inline_notes(l, out)),
            Block::CodeBlock { .. } | Block::SectionBreak => {}
        }
    }
}

/// Calls `f` on every run of inlines in `blocks` (headings, paragraphs, quotation sources,
/// definition terms, captions and source lines of tables and figures, inside quotations,
/// lists and table cells too), in reading order. Code
/// blocks hold no inlines and are never visited.
pub fn for_each_inlines_mut(blocks: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => f(content),
            Block::Quote { blocks, source, .. } => {
                for_each_inlines_mut(blocks, f);
                if let Some(source) = source {
                    f(source);
                }
            }
            Block::EmbeddedText { blocks, .. } => for_each_inlines_mut(blocks, f),
            Block::List { items, .. } => items.iter_mut().for_each(|item| for_each_inlines_mut(item, f)),
            Block::DefinitionList { items } => {
                for d in items {
                    f(&mut d.term);
                    d.details.iter_mut().for_each(|def| for_each_inlines_mut(def, f));
                }
            }
            Block::Table(t) => {
                f(&mut t.caption);
                for row in t.rows_mut() {
                    row.cells.iter_mut().for_each(|c| for_each_inlines_mut(&mut c.blocks, f));
                }
                if let Some(source) = &mut t.source {
                    f(source);
                }
            }
            Block::Figure(fig) => {
                f(&mut fig.caption);
                if let Some(source) = &mut fig.source {
                    f(source);
                }
            }
            Block::LineBlock { lines } => lines.iter_mut().for_each(&mut *f),
            Block::CodeBlock { .. } | Block::SectionBreak => {}
        }
    }
}

fn collect_inline_notes<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Note>) {
    for inline in inlines {
        match inline {
            Inline::Note(note) => out.push(note),
            other => collect_inline_notes(other.children(), out),
        }
    }
}

/// An inline element. Text is kept exactly as recovered from the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    /// Plain text.
    Text {
        /// The characters, never re-cased or re-spelt.
        text: String,
    },
    /// Emphasis (italic in print).
    Emph {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// Strong emphasis (bold in print).
    Strong {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// Superscript (a raised ordinal, `1^er^`, an exponent); never a note call.
    Superscript {
        /// The raised content.
        content: Vec<Inline>,
    },
    /// Subscript (a chemical formula, an index).
    Subscript {
        /// The lowered content.
        content: Vec<Inline>,
    },
    /// Small capitals (an author's name in a citation, a roman century).
    SmallCaps {
        /// The content, in its own case (small caps are a style, not a re-casing).
        content: Vec<Inline>,
    },
    /// Underlined text (a manuscript's underlining, a typist's emphasis).
    Underline {
        /// The underlined content.
        content: Vec<Inline>,
    },
    /// Struck-through text, still legible (a crossed-out word in a draft, a cancelled entry).
    Strikeout {
        /// The struck content.
        content: Vec<Inline>,
    },
    /// Text the source set apart by a rendering the model has no kind for (letterspacing,
    /// a change of typeface such as antiqua in a Fraktur text, or none said): printed as
    /// emphasis, with the source's own words for the rendering kept.
    Highlight {
        /// How the source said it was rendered (`#aq`, `letterspaced`, a style's
        /// declarations), empty when it did not say.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        rend: String,
        /// The content set apart.
        content: Vec<Inline>,
    },
    /// A quotation inside the line, without its quotation marks: each output prints the
    /// marks of the surrounding language (`“…”`, `«…»`, `„…“`).
    Quoted {
        /// Whether the source marked it as an outer (double) or inner (single) quotation.
        #[serde(default, skip_serializing_if = "QuoteStyle::is_double")]
        style: QuoteStyle,
        /// The quoted words.
        content: Vec<Inline>,
    },
    /// Verbatim text inside a line (a command, a file name, a code); never enriched.
    Code {
        /// The characters.
        text: String,
    },
    /// A line break inside a block (verse, an address, a letterhead); never a word gap.
    LineBreak,
    /// A hyperlink.
    Link {
        /// The target address.
        url: String,
        /// The visible content.
        content: Vec<Inline>,
    },
    /// A run of text in another language than its surroundings.
    Span {
        /// The run's language.
        lang: LangTag,
        /// The run's content.
        content: Vec<Inline>,
    },
    /// An archival shelfmark, printed text kept verbatim beside its parsed parts.
    Shelfmark(Box<Shelfmark>),
    /// A footnote, placed exactly where its call stands.
    Note(Note),
    /// Where a page of the printed source begins, with its printed number (`47`, `xii`): a
    /// milestone, not text (historians cite the printed page; archives keep the pagination).
    PageBreak {
        /// The page number as printed.
        n: String,
    },
    /// A mathematical formula, kept as the TeX the source gave (or was converted to).
    Math {
        /// The formula in TeX notation, without its `$` delimiters.
        tex: String,
        /// Whether it is set on a line of its own (`$$…$$`) rather than in the line.
        #[serde(default, skip_serializing_if = "is_false")]
        display: bool,
    },
    /// The name of a person, place or organisation, marked as such by the source.
    Name {
        /// What is named.
        kind: NameKind,
        /// An authority record or identifier for it (a VIAF or GeoNames address), if given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
        /// The name as printed.
        content: Vec<Inline>,
    },
    /// A date marked as such by the source, with its normalised value when known.
    Date {
        /// The date in ISO 8601 (`1919-05-14`, `1919-05`, `1919`), when the source gave it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<String>,
        /// The date as printed (`14 May 1919`, `14 мая 1919 г.`).
        content: Vec<Inline>,
    },
    /// A citation of one or more works by key (`[@smith2004, p. 5]`), its text as written;
    /// a key names the bibliography entry whose [`BibEntry::key`](super::BibEntry) it equals.
    Citation {
        /// The keys cited, in order.
        keys: Vec<String>,
        /// The citation as written in the source (prefixes, locators and brackets included).
        content: Vec<Inline>,
    },
    /// An image in the line of text (a symbol, a seal, a signature), not a numbered figure.
    Image {
        /// The image.
        image: Image,
        /// What it shows, for readers who cannot see it (empty when the source said nothing).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        alt: String,
    },
    /// A cross-reference to a table or figure of the document by its identifier, with the
    /// text printed for it (`Table 2`, `see the map`); empty when the source printed none,
    /// and writers then print the target's label.
    Ref {
        /// The identifier of the table or figure referred to.
        target: String,
        /// The text printed for the reference.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        content: Vec<Inline>,
    },
    /// An editorial choice between two readings of the same passage: the one shown in every
    /// output, and the other, which formats that can hold both (TEI) keep beside it.
    Choice {
        /// Which two readings these are.
        kind: ChoiceKind,
        /// The reading shown: the correction, the regularised form, the expansion.
        shown: Vec<Inline>,
        /// The reading kept aside: the original error, the original spelling, the abbreviation.
        other: Vec<Inline>,
    },
}

/// Which marks an [`Inline::Quoted`] takes: the language's outer pair, or its inner pair
/// (a quotation inside a quotation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStyle {
    /// The outer marks (`“…”` in English, `«…»` in Russian and French).
    #[default]
    Double,
    /// The inner marks (`‘…’` in English, `„…“` in Russian).
    Single,
}

impl QuoteStyle {
    fn is_double(&self) -> bool {
        *self == QuoteStyle::Double
    }
}

/// What a [`Inline::Name`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation (a ministry, a party, an archive).
    Organisation,
}

impl NameKind {
    /// Every kind, in a fixed order.
    pub const ALL: [NameKind; 3] = [NameKind::Person, NameKind::Place, NameKind::Organisation];

    /// The kind's name in the model's JSON (`person`, `place`, `organisation`), which the
    /// e-book's and Markdown's classes use too.
    pub fn name(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Place => "place",
            NameKind::Organisation => "organisation",
        }
    }
}

/// Which two readings an [`Inline::Choice`] holds (shown / kept aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceKind {
    /// An editor's correction / the source's apparent error (TEI `corr` / `sic`).
    Correction,
    /// A regularised spelling / the original one (TEI `reg` / `orig`).
    Regularisation,
    /// An expansion / the abbreviation as written (TEI `expan` / `abbr`).
    Expansion,
}

impl ChoiceKind {
    /// Every kind, in a fixed order.
    pub const ALL: [ChoiceKind; 3] =
        [ChoiceKind::Correction, ChoiceKind::Regularisation, ChoiceKind::Expansion];

    /// The kind's name in the model's JSON (`correction`, `regularisation`, `expansion`),
    /// which the e-book's and Markdown's classes use too.
    pub fn name(self) -> &'static str {
        match self {
            ChoiceKind::Correction => "correction",
            ChoiceKind::Regularisation => "regularisation",
            ChoiceKind::Expansion => "expansion",
        }
    }
}

impl Inline {
    /// Creates a plain text inline.
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text { text: s.into() }
    }

    /// The inlines inside a styling or language run or a link (empty for the others: a
    /// note's content is blocks, reached through [`Block::collect_notes`]).
    pub fn children(&self) -> &[Inline] {
        match self {
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content }
            | Inline::SmallCaps { content }
            | Inline::Underline { content }
            | Inline::Strikeout { content }
            | Inline::Highlight { content, .. }
            | Inline::Quoted { content, .. }
            | Inline::Link { content, .. }
            | Inline::Span { content, .. }
            | Inline::Name { content, .. }
            | Inline::Date { content, .. }
            | Inline::Citation { content, .. }
            | Inline::Ref { content, .. }
            | Inline::Choice { shown: content, .. } => content,
            Inline::Text { .. }
            | Inline::Image { .. }
            | Inline::Code { .. }
            | Inline::LineBreak
            | Inline::Shelfmark(_)
            | Inline::Note(_)
            | Inline::PageBreak { .. }
            | Inline::Math { .. } => &[],
        }
    }

    /// The inlines inside a styling or language run or a link, to change them in place.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content }
            | Inline::SmallCaps { content }
            | Inline::Underline { content }
            | Inline::Strikeout { content }
            | Inline::Highlight { content, .. }
            | Inline::Quoted { content, .. }
            | Inline::Link { content, .. }
            | Inline::Span { content, .. }
            | Inline::Name { content, .. }
            | Inline::Date { content, .. }
            | Inline::Citation { content, .. }
            | Inline::Ref { content, .. }
            | Inline::Choice { shown: content, .. } => Some(content),
            Inline::Text { .. }
            | Inline::Image { .. }
            | Inline::Code { .. }
            | Inline::LineBreak
            | Inline::Shelfmark(_)
            | Inline::Note(_)
            | Inline::PageBreak { .. }
            | Inline::Math { .. } => None,
        }
    }
}

/// How sure the reader is that a note sits at its printed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The call was found in the text; the note stands where it was printed.
    #[default]
    Call,
    /// The call is missing from the source; the note was placed after the previous
    /// note's call (or at the end of its page's text) and must be shown as uncertain.
    Inferred,
}

impl Anchor {
    fn is_call(&self) -> bool {
        *self == Anchor::Call
    }
}

/// Where the source printed a note: at the foot of its page, or gathered after the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A footnote (the default): printed at the foot of the page that calls it.
    #[default]
    Foot,
    /// An endnote: printed with the other endnotes after the text, numbered apart.
    End,
}

impl NoteKind {
    fn is_foot(&self) -> bool {
        *self == NoteKind::Foot
    }
}

/// A footnote or endnote: its printed label, its kind and its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The label as printed (`"14"`, `"*"`), or as inferred when the source lost it.
    pub label: String,
    /// Whether it is a footnote or an endnote (sources that have both number them apart).
    #[serde(default, skip_serializing_if = "NoteKind::is_foot")]
    pub kind: NoteKind,
    /// Whether the position is the printed call or an inferred one.
    #[serde(default, skip_serializing_if = "Anchor::is_call")]
    pub anchor: Anchor,
    /// The note's language, when known (notes are read on their own, e.g. as pop-ups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// The note's paragraphs.
    pub content: Vec<Block>,
}

/// Returns the shelfmarks of `inlines` in order; with `in_notes`, also those inside notes.
pub fn shelfmarks(inlines: &[Inline], in_notes: bool) -> Vec<&Shelfmark> {
    fn walk<'a>(inlines: &'a [Inline], in_notes: bool, out: &mut Vec<&'a Shelfmark>) {
        for inline in inlines {
            match inline {
                Inline::Shelfmark(m) => out.push(m),
                Inline::Note(n) if in_notes => {
                    n.content.iter().flat_map(Block::leaves).for_each(|b| walk(b.content(), in_notes, out))
                }
                other => walk(other.children(), in_notes, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(inlines, in_notes, &mut out);
    out
}

/// Concatenates the visible text of `inlines` (notes excluded; shelfmarks by their printed text;
/// an inline quotation between `“…”`, or `‘…’` for an inner one).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    push_plain(inlines, &mut s);
    s
}

fn push_plain(inlines: &[Inline], s: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => s.push_str(text),
            Inline::Shelfmark(m) => s.push_str(&m.raw),
            Inline::LineBreak => s.push(' '),
            // Plain text shows a quotation with neutral marks (enrichment reads quoted titles).
            Inline::Quoted { style, content } => {
                let (open, close) = match style {
                    QuoteStyle::Double => ('“', '”'),
                    QuoteStyle::Single => ('‘', '’'),
                };
                s.push(open);
                push_plain(content, s);
                s.push(close);
            }
            other => push_plain(other.children(), s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_prints_its_labels() {
        let n = |style, delimiter| Numbering { start: 1, style, delimiter };
        assert_eq!(Numbering::decimal(3).label(3), "3.");
        assert_eq!(n(NumberStyle::LowerAlpha, Delimiter::Paren).label(28), "ab)");
        assert_eq!(n(NumberStyle::UpperRoman, Delimiter::TwoParens).label(14), "(XIV)");
        assert_eq!(n(NumberStyle::LowerRoman, Delimiter::Period).label(1999), "mcmxcix.");
    }

    fn note(label: &str) -> Inline {
        Inline::Note(Note {
            label: label.into(),
            kind: Default::default(),
            anchor: Anchor::Call,
            lang: None,
            content: vec![Block::paragraph(vec![Inline::text("n")])],
        })
    }

    #[test]
    fn plain_text_skips_notes_and_keeps_nested_text() {
        let inl = vec![
            Inline::text("a"),
            note("1"),
            Inline::Strong { content: vec![Inline::text("b")] },
            Inline::text("c"),
        ];
        assert_eq!(plain_text(&inl), "abc");
    }

    #[test]
    fn notes_are_collected_in_order_through_nesting() {
        let b = Block::paragraph(vec![note("1"), Inline::Emph { content: vec![note("2")] }, note("3")]);
        let mut out = Vec::new();
        b.collect_notes(&mut out);
        let labels: Vec<_> = out.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
    }

    #[test]
    fn call_anchor_is_not_serialised() {
        let json = serde_json::to_string(&note("1")).unwrap();
        assert!(!json.contains("anchor"), "{json}");
    }
}
