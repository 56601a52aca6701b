//! The `id`s of tables and figures in the XHTML, and what a cross-reference to one prints.
//!
//! A model id is the source's (`tbl:population`, `рис-1`): EPUBCheck requires an `id` to be
//! an XML name without colons (RSC-005), and the writer's own ids (`note-3`, `section-2`)
//! must not be taken, so each target gets an id of its own (`tbl-population`), kept once.

use crate::model::{plain_text, Block, Document, Inline};
use std::collections::{HashMap, HashSet};

/// A table or figure a cross-reference may point at.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Its `id` in the XHTML.
    pub xid: String,
    /// Its label as printed (`Table 1`), if any.
    pub label: Option<String>,
    /// Its caption as plain text (notes left out), empty when it has none.
    pub caption: String,
}

impl Target {
    /// The text a reference with no printed text of its own shows: the label, else the
    /// caption, else `None`.
    pub fn shown(&self) -> Option<&str> {
        self.label.as_deref().filter(|l| !l.trim().is_empty()).or_else(|| {
            let c = self.caption.trim();
            (!c.is_empty()).then_some(c)
        })
    }
}

/// The ids given out in one XHTML document.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

/// Whether `id` has the form of an id the writer makes itself (`note-3`, `notes-title`).
fn is_writer_id(id: &str) -> bool {
    const NAMED: [&str; 8] = [
        "top",
        "text",
        "notes",
        "notes-title",
        "endnotes",
        "endnotes-title",
        "references",
        "references-title",
    ];
    const NUMBERED: [&str; 8] =
        ["front-", "abstract-", "section-", "noteref-", "note-", "references-", "ref-", "page-"];
    NAMED.contains(&id)
        || NUMBERED.iter().any(|p| {
            // `note-3`, `front-2-title`; not `note-3-2`, which `claim` offers in its place.
            id.strip_prefix(p).is_some_and(|rest| {
                let n = rest.strip_suffix("-title").unwrap_or(rest);
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
            })
        })
}

/// `raw` made an XML name without colons in safe ASCII (`tbl:Население 1` → `tbl-Naselenie-1`),
/// starting with a letter (`id-` before one that does not); `id` when nothing is left.
pub fn xml_name(raw: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(raw).chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches(['-', '.']);
    match out.chars().next() {
        None => "id".to_string(),
        Some(c) if c.is_ascii_alphabetic() => out.to_string(),
        Some(_) => format!("id-{out}"),
    }
}

impl Ids {
    /// Takes the id `want` (made an XML name), or `want-2`, `want-3`… when it is taken or
    /// has the form of one the writer makes itself; returns the id taken.
    pub fn claim(&mut self, want: &str) -> String {
        let base = xml_name(want);
        let mut n = 1;
        loop {
            let id = if n == 1 { base.clone() } else { format!("{base}-{n}") };
            if !is_writer_id(&id) && self.used.insert(id.clone()) {
                return id;
            }
            n += 1;
        }
    }
}

/// Finds every table and figure with an id, in document order (front matter, body, then the
/// notes), and gives each its XHTML id; a model id met twice keeps its first target.
pub fn collect(doc: &Document, ids: &mut Ids) -> HashMap<String, Target> {
    fn walk(b: &Block, ids: &mut Ids, out: &mut HashMap<String, Target>) {
        let found = match b {
            Block::Table(t) => Some((&t.id, &t.label, &t.caption)),
            Block::Figure(f) => Some((&f.id, &f.label, &f.caption)),
            _ => None,
        };
        if let Some((Some(id), label, caption)) = found {
            if !out.contains_key(id) {
                let target =
                    Target { xid: ids.claim(id), label: label.clone(), caption: caption_text(caption) };
                out.insert(id.clone(), target);
            }
        }
        for c in b.children() {
            walk(c, ids, out);
        }
    }
    let mut out = HashMap::new();
    for b in doc.front.iter().flat_map(|p| &p.blocks).chain(&doc.body) {
        walk(b, ids, &mut out);
    }
    for n in doc.notes() {
        for b in &n.content {
            walk(b, ids, &mut out);
        }
    }
    out
}

/// The plain text of a caption without its notes.
pub fn caption_text(caption: &[Inline]) -> String {
    fn strip(inlines: &[Inline]) -> Vec<Inline> {
        inlines
            .iter()
            .filter(|i| !matches!(i, Inline::Note(_)))
            .map(|i| match i {
                Inline::Emph { content } => Inline::Emph { content: strip(content) },
                Inline::Strong { content } => Inline::Strong { content: strip(content) },
                Inline::Span { lang, content } => {
                    Inline::Span { lang: lang.clone(), content: strip(content) }
                }
                other => other.clone(),
            })
            .collect()
    }
    plain_text(&strip(caption)).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, Note, Table};

    fn note(content: Vec<Block>) -> Note {
        Note { label: "1".into(), kind: Default::default(), anchor: Default::default(), lang: None, content }
    }

    #[test]
    fn ids_are_xml_names_without_colons_and_never_the_writers_own() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("tbl:population"), "tbl-population");
        assert_eq!(ids.claim("tbl:population"), "tbl-population-2");
        assert_eq!(ids.claim("рис:карта 1"), "ris-karta-1");
        assert_eq!(ids.claim("1st"), "id-1st");
        assert_eq!(ids.claim("::"), "id");
        assert_eq!(ids.claim("note-3"), "note-3-2", "the writer's own form is not given out");
        assert_eq!(ids.claim("notes"), "notes-2");
        assert_eq!(ids.claim("notebook"), "notebook", "only the writer's exact forms are kept back");
    }

    #[test]
    fn targets_are_found_in_cells_and_notes_and_keep_their_first_place() {
        let fig = |id: &str, label: &str| {
            Block::Figure(Box::new(Figure {
                id: Some(id.into()),
                label: Some(label.into()),
                caption: vec![Inline::text("A  map"), Inline::Note(note(vec![]))],
                ..Figure::default()
            }))
        };
        let mut doc = Document::new();
        let cell = crate::model::Cell::new(vec![fig("fig:a", "Figure 1")]);
        doc.body.push(Block::Table(Box::new(Table {
            id: Some("tbl:a".into()),
            columns: vec![Default::default()],
            body: vec![crate::model::Row { cells: vec![cell] }],
            ..Table::default()
        })));
        doc.body.push(fig("fig:a", "Figure 9"));
        doc.body.push(Block::paragraph(vec![Inline::Note(note(vec![fig("fig:in-note", "Figure 2")]))]));
        let mut ids = Ids::default();
        let t = collect(&doc, &mut ids);
        assert_eq!(t.len(), 3);
        assert_eq!(t["fig:a"].label.as_deref(), Some("Figure 1"));
        assert_eq!(t["fig:a"].caption, "A map");
        assert_eq!(t["fig:a"].xid, "fig-a");
        assert_eq!(t["fig:in-note"].xid, "fig-in-note");
        assert_eq!(t["tbl:a"].shown(), None);
    }
}
