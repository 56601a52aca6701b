//! The bibliography as the Markdown reader gathers it: entries from list items or paragraphs
//! after the references heading (or inside pandoc's `::: {#refs}` div), and the subheadings
//! (a heading of a lower level) that divide them into parts.

use super::{merge, trim, Reader, Source};
use crate::model::{plain_text, BibEntry, BibFields, BibPart, Bibliography, Block, Inline};

/// Where the bibliography stands in its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RefState {
    /// After the heading, or after a list of entries: more entries may follow.
    Heading,
    /// In the reference list.
    List,
    /// In a reference list written one paragraph per entry (the way most authors type one).
    Paragraphs,
    /// After the `{#refs}` div: nothing more is read.
    Done,
}

impl RefState {
    /// Whether a new block of entries (a list, a paragraph, a `{#refs}` div) may start here:
    /// the forms may follow one another under the heading, as authors mix them.
    pub fn between(self) -> bool {
        matches!(self, RefState::Heading | RefState::Paragraphs)
    }
}

/// The bibliography being read.
pub(super) struct References {
    pub heading: String,
    /// The level of the bibliography's heading (0 when none is printed): a heading below it
    /// starts a part.
    pub level: u8,
    pub state: RefState,
    pub entries: Vec<BibEntry>,
    pub entry: Option<Entry>,
    /// The subheadings met, each with the byte where it was written.
    pub parts: Vec<(BibPart, usize)>,
    /// Where the list is read from a pandoc `::: {#refs}` div: `Some(false)` inside it,
    /// `Some(true)` once it has closed (nothing more is read).
    pub div: Option<bool>,
}

impl References {
    /// A bibliography under `heading`, of level `level`, before its list.
    pub fn new(heading: String, level: u8) -> Self {
        References {
            heading,
            level,
            state: RefState::Heading,
            entries: Vec::new(),
            entry: None,
            parts: Vec::new(),
            div: None,
        }
    }

    /// Whether a heading of `level` here is a subheading of the list: below the list's
    /// heading, outside an entry, before a `{#refs}` div closed.
    pub fn takes_part(&self, level: u8) -> bool {
        level > self.level && self.entry.is_none() && self.div != Some(true)
    }

    /// Starts a part under `heading`, written at byte `at`: a list or entry paragraphs follow.
    pub fn part(&mut self, heading: String, at: usize) {
        self.parts.push((BibPart { heading, start: self.entries.len() }, at));
        self.state = RefState::Heading;
    }

    /// The bibliography read; a subheading that heads no entry is reported and left out.
    pub fn finish(mut self, r: &mut Reader, src: &Source) -> Bibliography {
        self.entries.extend(self.entry.take().and_then(Entry::finish));
        let mut bib = Bibliography::new(self.heading, self.entries);
        bib.parts = self.parts.iter().map(|(p, _)| p.clone()).collect();
        for dropped in bib.drop_invalid_parts() {
            let at = self.parts.iter().find(|(p, _)| *p == dropped).map_or(0, |(_, at)| *at);
            let message =
                format!("the subheading `{}` heads no entry of its own; it is left out", dropped.heading);
            r.warn("bib-empty-part", src.pos(at), message);
        }
        bib
    }
}

/// A bibliography entry being read from one list item.
pub(super) struct Entry {
    label: Option<String>,
    /// The key citations name the entry by, where the source gave one.
    pub key: Option<String>,
    /// Whether `label` came from `[…]{.label}` rather than an ordered list's number.
    labelled: bool,
    content: Vec<Inline>,
    parts: usize,
}

impl Entry {
    pub fn new(label: Option<String>) -> Self {
        Entry { label, key: None, labelled: false, content: Vec::new(), parts: 0 }
    }

    /// Adds a block of the item; an entry is one paragraph, further ones are joined to it.
    pub fn add(&mut self, r: &mut Reader, src: &Source, block: Block, label: Option<String>, at: usize) {
        let mut content = match block {
            // An entry's text is its own: a key in it (`@`) is not a citation.
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                super::citations::unwrap(content)
            }
            // A quotation, list or code block inside an entry: its text, joined.
            other => {
                let mut joined = Vec::new();
                flatten(&other, &mut joined);
                super::citations::unwrap(joined)
            }
        };
        if let Some(label) = label {
            if self.parts == 0 && !self.labelled {
                self.label = Some(label);
                self.labelled = true;
            } else {
                content = relabel(r, src, content, label, at);
            }
        }
        if self.parts > 0 {
            let message = "a reference entry is one paragraph; this one is joined to the previous";
            r.warn("md-unsupported", src.pos(at), message);
            self.content.push(Inline::text(" "));
        }
        self.content.extend(content);
        self.parts += 1;
    }

    pub fn finish(self) -> Option<BibEntry> {
        let content = trim(merge(self.content));
        if content.is_empty() && self.label.is_none() {
            return None;
        }
        let raw = plain_text(&content);
        // An entry that is one span in a language (`[تاريخ عثمانى…]{lang=ota}`) is an entry
        // in that language: what the author stated is kept, never guessed over.
        let lang = match content.as_slice() {
            [Inline::Span { lang, .. }] => Some(lang.clone()),
            _ => None,
        };
        Some(BibEntry {
            label: self.label,
            key: self.key,
            raw,
            content,
            lang,
            script: None,
            fields: BibFields::default(),
        })
    }
}

/// Puts a `[…]{.label}` found outside a reference entry back as text, and reports it.
pub(super) fn relabel(
    r: &mut Reader,
    src: &Source,
    content: Vec<Inline>,
    label: String,
    at: usize,
) -> Vec<Inline> {
    let message = "`[…]{.label}` marks the number of a reference entry; here it is read as text";
    r.warn("md-unsupported", src.pos(at), message);
    let mut out = vec![Inline::text(label), Inline::text(" ")];
    out.extend(content);
    merge(out)
}

/// The text of a block that is not a paragraph, as inlines: every term, paragraph and line of
/// code in order, a space between them.
fn flatten(block: &Block, out: &mut Vec<Inline>) {
    let sep = |out: &mut Vec<Inline>| {
        if !out.is_empty() {
            out.push(Inline::text(" "));
        }
    };
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
            sep(out);
            out.extend(content.iter().cloned());
        }
        Block::CodeBlock { text, .. } => {
            sep(out);
            out.push(Inline::Code { text: text.clone() });
        }
        Block::DefinitionList { items } => {
            for d in items {
                sep(out);
                out.extend(d.term.iter().cloned());
                d.details.iter().flatten().for_each(|b| flatten(b, out));
            }
        }
        Block::Quote { blocks, source, .. } => {
            blocks.iter().for_each(|b| flatten(b, out));
            if let Some(source) = source {
                sep(out);
                out.extend(source.iter().cloned());
            }
        }
        Block::List { items, .. } => items.iter().flatten().for_each(|b| flatten(b, out)),
        Block::EmbeddedText { blocks, .. } => blocks.iter().for_each(|b| flatten(b, out)),
        Block::Table(_) | Block::Figure(_) => {
            crate::write::degrade::table_or_figure_blocks(block).iter().for_each(|b| flatten(b, out))
        }
        Block::LineBlock { lines } => {
            for line in lines.iter().filter(|l| !l.is_empty()) {
                sep(out);
                out.extend(line.iter().cloned());
            }
        }
        Block::SectionBreak => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Diagnostic;
    use crate::model::{Block, Document};
    use std::path::Path;

    fn read(md: &str) -> (Document, Vec<Diagnostic>) {
        super::super::read(Path::new("t.md"), md).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The entries' texts and the parts as (heading, start).
    fn bib(doc: &Document) -> (Vec<&str>, Vec<(&str, usize)>) {
        let b = doc.back.bibliography.as_ref().expect("a bibliography");
        let entries = b.entries.iter().map(|e| e.raw.as_str()).collect();
        (entries, b.parts.iter().map(|p| (p.heading.as_str(), p.start)).collect())
    }

    fn codes(diags: &[Diagnostic]) -> Vec<(&'static str, u32)> {
        diags.iter().map(|d| (d.code, d.line)).collect()
    }

    #[test]
    fn lower_headings_after_the_references_heading_start_parts() {
        let md = "Text.\n\n# References {#references}\n\n- A.\n\n## Archival sources\n\n- B.\n- C.\n\n\
                  ### Literature\n\nD.\n\nE.\n";
        let (doc, diags) = read(md);
        assert_eq!(
            bib(&doc),
            (vec!["A.", "B.", "C.", "D.", "E."], vec![("Archival sources", 1), ("Literature", 3)])
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(doc.body.len(), 1);
    }

    #[test]
    fn a_subheading_over_no_entry_is_reported_and_left_out() {
        let md = "# Bibliography {#references}\n\n## Primary sources\n\n## Archives\n\n- A.\n\n## Nothing\n";
        let (doc, diags) = read(md);
        assert_eq!(bib(&doc), (vec!["A."], vec![("Archives", 0)]));
        assert_eq!(codes(&diags), [("bib-empty-part", 3), ("bib-empty-part", 9)]);
    }

    /// Pandoc's bibliography div, as `--citeproc` writes it: entries in `.csl-entry` divs,
    /// headings inside it as parts, the heading right before it as the list's (what
    /// `pandoc -t native` reads: `Header 1 "Bibliography"`, then `Div ("refs", …)` holding
    /// `Header 3`, two `Div (…, ["csl-entry"])` of one `Para` each, `Header 3`, `BulletList`).
    #[test]
    fn pandocs_refs_div_is_the_bibliography() {
        let md = "# Article\n\nText.\n\n# Bibliography {.unnumbered}\n\n\
                  ::: {#refs .references .csl-bib-body .hanging-indent}\n### Archival sources\n\n\
                  ::: {#ref-arda .csl-entry}\nARDA, f. 28, siy. 1, iş 37.\n:::\n\n\
                  ::: {#ref-smith .csl-entry}\nSmith, J. *Trade*. London, 1990.\n:::\n\n\
                  ### Literature\n\n- Jones, K. Ports. 2001.\n:::\n\nAfter.\n";
        let (doc, diags) = read(md);
        let b = doc.back.bibliography.as_ref().unwrap();
        assert_eq!(b.heading, "Bibliography");
        assert_eq!(
            bib(&doc),
            (
                vec![
                    "ARDA, f. 28, siy. 1, iş 37.",
                    "Smith, J. Trade. London, 1990.",
                    "Jones, K. Ports. 2001."
                ],
                vec![("Archival sources", 0), ("Literature", 2)]
            )
        );
        // citeproc's `ref-` identifiers are the entries' citation keys.
        let keys: Vec<Option<&str>> = b.entries.iter().map(|e| e.key.as_deref()).collect();
        assert_eq!(keys, [Some("arda"), Some("smith"), None]);
        assert_eq!(doc.body.len(), 2, "{:?}", doc.body);
        assert!(matches!(&doc.body[0], Block::Heading { .. }));
        // The heading's `{.unnumbered}` and the text after the div are reported; the div's
        // and the entries' attributes are not.
        assert_eq!(codes(&diags), [("md-unsupported", 5), ("md-after-references", 23)]);
        // Without a heading before it, the list is `References`.
        let (doc, _) = read("Text.\n\n::: {#refs}\nSmith, J. Trade. London, 1990.\n:::\n");
        assert_eq!(doc.back.bibliography.unwrap().heading, "References");
        // An empty div (where citeproc would put the list) changes nothing.
        let (doc, diags) = read("Text.\n\n::: {#refs}\n:::\n");
        assert!(doc.back.bibliography.is_none() && diags.is_empty(), "{diags:?}");
    }
}
