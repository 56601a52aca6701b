//! Captions and source lines of tables and figures, and the bookmarks cross-references
//! link to.
//!
//! A caption is a `Caption` paragraph: the label, `. `, the caption's inlines (notes at
//! their calls), inside a bookmark named from the table's or figure's id, which an
//! `Inline::Ref` links to (`w:hyperlink w:anchor`). The label's number is a `SEQ Table` or
//! `SEQ Figure` field whose result is the printed number, as Word's Insert Caption writes
//! it, but only while the printed numbers of that kind run 1, 2, 3 in order: LibreOffice
//! recounts SEQ fields when it opens a file, so a field would change a number printed
//! otherwise (`Table 2a`, a table numbered by chapter); those labels stay text.

use super::body::{self, Extra, Scope};
use super::inline::{self, Rpr};
use super::xml::Xml;
use super::Ctx;
use crate::model::{Block, Document, Inline};
use std::collections::{HashMap, HashSet};

/// What a cross-reference needs of a table or figure: its bookmark and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The bookmark around its caption.
    pub bookmark: String,
    /// Its printed label, printed for a reference that has no text of its own.
    pub label: Option<String>,
}

/// Which kind of float a caption belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A table: `SEQ Table`.
    Table,
    /// A figure: `SEQ Figure`.
    Figure,
}

/// Numbering of captions by kind: how many labels were met, and whether every one so far
/// was the next number (so that a SEQ field gives the printed number).
#[derive(Debug, Default)]
pub struct Seq {
    count: [u32; 2],
    broken: [bool; 2],
}

impl Seq {
    /// The label split into its text and its number when the number is the next of `kind`
    /// and every earlier one was; counts the label either way.
    fn field<'l>(&mut self, kind: Kind, label: &'l str) -> Option<(&'l str, &'l str)> {
        let k = kind as usize;
        self.count[k] += 1;
        // Where the trailing digits start (issue 23: `i + 1` after the last other character
        // cut a Hebrew letter in two).
        let cut = label.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (word, number) = label.split_at(cut);
        let next = number.parse::<u32>().ok().filter(|n| *n == self.count[k] && !number.starts_with('0'));
        let spaced = word.ends_with([' ', '\u{a0}']) && !word.trim().is_empty();
        if self.broken[k] || next.is_none() || !spaced {
            self.broken[k] = true;
            return None;
        }
        Some((word, number))
    }
}

/// The bookmark name for `id`: in ASCII (`карта` is `karta`), letters, digits and `_`
/// (anything else `_`), a letter first
/// (`ref_` prefixed otherwise, and to a name the reader would take for a page milestone),
/// at most 40 characters (Word's limit), unique among `taken`.
pub fn bookmark_for(id: &str, taken: &HashSet<String>) -> String {
    let clean: String =
        deunicode::deunicode(id).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    let mut base = if clean.starts_with(|c: char| c.is_ascii_alphabetic()) && !clean.starts_with("page_") {
        clean
    } else {
        format!("ref_{clean}")
    };
    base.truncate(36);
    let mut name = base.clone();
    let mut k = 2;
    while taken.contains(&name) {
        name = format!("{base}_{k}");
        k += 1;
    }
    name
}

/// The tables and figures with ids anywhere in the document's blocks (cells, lists and
/// quotations included), each with its bookmark; the first of an id that names two wins.
pub fn targets(doc: &Document) -> HashMap<String, Target> {
    fn walk(blocks: &[Block], taken: &mut HashSet<String>, out: &mut HashMap<String, Target>) {
        for b in blocks {
            let mut add = |id: &Option<String>, label: &Option<String>| {
                if let Some(id) = id.as_ref().filter(|i| !out.contains_key(*i)) {
                    let bookmark = bookmark_for(id, taken);
                    taken.insert(bookmark.clone());
                    out.insert(id.clone(), Target { bookmark, label: label.clone() });
                }
            };
            match b {
                Block::Table(t) => {
                    add(&t.id, &t.label);
                    t.rows().flat_map(|r| &r.cells).for_each(|c| walk(&c.blocks, taken, out));
                }
                Block::Figure(f) => add(&f.id, &f.label),
                Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => walk(blocks, taken, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, taken, out)),
                Block::DefinitionList { items } => {
                    items.iter().flat_map(|d| &d.details).for_each(|d| walk(d, taken, out))
                }
                Block::Heading { .. }
                | Block::Paragraph { .. }
                | Block::CodeBlock { .. }
                | Block::LineBlock { .. }
                | Block::SectionBreak => {}
            }
        }
    }
    let mut taken = HashSet::new();
    let mut out = HashMap::new();
    for a in &doc.meta.abstracts {
        walk(&a.content, &mut taken, &mut out);
    }
    for p in &doc.front {
        walk(&p.blocks, &mut taken, &mut out);
    }
    walk(&doc.body, &mut taken, &mut out);
    out
}

/// Writes the caption paragraph of a table or figure: bookmark, label (its number a SEQ
/// field when it can be), `. `, the caption. Nothing when there is neither label nor caption.
#[allow(clippy::too_many_arguments)]
pub fn caption(
    ctx: &mut Ctx,
    x: &mut Xml,
    scope: &Scope,
    kind: Kind,
    id: Option<&str>,
    label: Option<&str>,
    content: &[Inline],
    keep_next: bool,
) {
    let label = label.filter(|l| !l.is_empty());
    if label.is_none() && content.is_empty() {
        return;
    }
    let rp = Rpr::lang(scope.lang.clone());
    let extra = Extra { style: Some("Caption"), keep_next, jc: None };
    let s = Scope { jc: None, ..scope.clone() };
    if let Some(lead) = body::open_para(ctx, x, &s, extra) {
        super::notes::write_lead(x, &lead, &rp);
    }
    // Only the first table or figure of an id holds its bookmark.
    let bookmark = id
        .and_then(|id| ctx.targets.get(id))
        .map(|t| t.bookmark.clone())
        .filter(|b| ctx.anchored.insert(b.clone()));
    let mark = bookmark.map(|name| {
        let n = ctx.next_bookmark.to_string();
        ctx.next_bookmark += 1;
        x.empty("w:bookmarkStart", &[("w:id", &n), ("w:name", &name)]);
        n
    });
    if let Some(label) = label {
        match ctx.seq.field(kind, label) {
            Some((word, number)) => {
                inline::text_run(x, &rp, word);
                let name = match kind {
                    Kind::Table => "Table",
                    Kind::Figure => "Figure",
                };
                field(x, &rp, &format!(" SEQ {name} \\* ARABIC "), number);
            }
            None => inline::text_run(x, &rp, label),
        }
        if !content.is_empty() {
            inline::text_run(x, &rp, ". ");
        }
    }
    inline::inlines(ctx, x, content, &rp);
    if let Some(n) = mark {
        x.empty("w:bookmarkEnd", &[("w:id", &n)]);
    }
    x.close();
}

/// A complex field: begin, instruction, separate, the result as text, end.
fn field(x: &mut Xml, rp: &Rpr, instruction: &str, result: &str) {
    let char_run = |x: &mut Xml, kind: &str| {
        x.open("w:r", &[]);
        rp.write(x);
        x.empty("w:fldChar", &[("w:fldCharType", kind)]);
        x.close();
    };
    char_run(x, "begin");
    x.open("w:r", &[]);
    rp.write(x);
    x.leaf("w:instrText", &[("xml:space", "preserve")], instruction);
    x.close();
    char_run(x, "separate");
    inline::text_run(x, rp, result);
    char_run(x, "end");
}

/// Writes the source line under a table or figure (`Source Line` style).
pub fn source(ctx: &mut Ctx, x: &mut Xml, scope: &Scope, content: &[Inline]) {
    let extra = Extra { style: Some("SourceLine"), ..Extra::default() };
    let s = Scope { jc: None, ..scope.clone() };
    body::para_with(ctx, x, &s, extra, content, &Rpr::lang(scope.lang.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_are_word_names_apart_from_page_milestones() {
        let mut taken = HashSet::new();
        assert_eq!(bookmark_for("tbl:population", &taken), "tbl_population");
        assert_eq!(bookmark_for("1-map", &taken), "ref_1_map");
        assert_eq!(bookmark_for("page_3", &taken), "ref_page_3");
        assert_eq!(bookmark_for("карта", &taken), "karta");
        let long = bookmark_for(&"x".repeat(80), &taken);
        assert!(long.len() <= 40);
        taken.insert("fig_a".to_string());
        assert_eq!(bookmark_for("fig:a", &taken), "fig_a_2");
    }

    #[test]
    fn seq_fields_only_while_the_numbers_run_in_order() {
        let mut s = Seq::default();
        assert_eq!(s.field(Kind::Table, "Table 1"), Some(("Table ", "1")));
        assert_eq!(s.field(Kind::Figure, "Рис. 1"), Some(("Рис. ", "1")));
        assert_eq!(s.field(Kind::Table, "Table 2"), Some(("Table ", "2")));
        assert_eq!(s.field(Kind::Table, "Table 4"), None);
        // Once broken, a kind keeps its labels as text.
        assert_eq!(s.field(Kind::Table, "Table 4"), None);
        assert_eq!(s.field(Kind::Figure, "Figure 2"), Some(("Figure ", "2")));
        let mut s = Seq::default();
        assert_eq!(s.field(Kind::Table, "Table IV"), None);
        let mut s = Seq::default();
        assert_eq!(s.field(Kind::Table, "1"), None, "a bare number has no word");
    }
}
