//! The scorer of the extraction corpus (`tests/extraction/`), shared by the tests that read
//! it through text extractors (`tests/extraction.rs`) and through the glyph reader
//! (`tests/pdf_reader.rs`): notes exact and anchored, references exact, titles, authors.

use colophon::model::{plain_text, Block, Document, Inline};
use serde::Deserialize;

/// An article's gold (`gold/NAME.json`), the fields scored.
#[derive(Deserialize)]
pub struct Gold {
    /// The title.
    pub title: String,
    /// The authors' names.
    pub authors: Vec<String>,
    /// The notes in order.
    pub notes: Vec<GoldNote>,
    /// The bibliography entries.
    pub references: Vec<String>,
}

/// A gold note: its text and the body text before its call.
#[derive(Deserialize)]
pub struct GoldNote {
    /// The note's text.
    pub text: String,
    /// The body text before its call.
    pub before: String,
}

/// Whitespace collapsed, soft hyphens dropped, typographic quotes and dashes kept.
pub fn norm(s: &str) -> String {
    s.replace('\u{AD}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last `n` letters and digits of `s`, lowercased (what must precede a call).
pub fn tail(s: &str, n: usize) -> String {
    let v: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    v[v.len().saturating_sub(n)..].iter().collect()
}

/// Each note of `doc` in order: its text and the body text before its call.
pub fn notes_with_context(doc: &Document) -> Vec<(String, String)> {
    fn walk(inlines: &[Inline], before: &mut String, out: &mut Vec<(String, String)>) {
        for i in inlines {
            match i {
                Inline::Text { text } => before.push_str(text),
                Inline::Note(n) => {
                    let text: Vec<String> = n.content.iter().map(|b| plain_text(b.content())).collect();
                    out.push((norm(&text.join(" ")), before.clone()));
                }
                Inline::Shelfmark(s) => before.push_str(&s.raw),
                Inline::PageBreak { .. } => {}
                Inline::Code { text } => before.push_str(text),
                Inline::LineBreak => before.push(' '),
                other => walk(other.children(), before, out),
            }
        }
    }
    let mut out = Vec::new();
    let mut before = String::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        walk(b.content(), &mut before, &mut out);
        before.push(' ');
    }
    out
}

/// Counts over one or more scored files.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub files: usize,
    pub notes: usize,
    pub notes_exact: usize,
    pub notes_anchored: usize,
    pub notes_found: usize,
    /// Notes whose text is the gold's once every space is taken out (what a text that lost
    /// its word spaces can still give).
    pub notes_unspaced: usize,
    /// Of those, the ones at the right call.
    pub notes_unspaced_anchored: usize,
    pub refs: usize,
    pub refs_exact: usize,
    pub refs_found: usize,
    pub titles: usize,
    pub authors: usize,
}

impl Score {
    /// Adds another score's counts.
    pub fn add(&mut self, o: &Score) {
        self.files += o.files;
        self.notes += o.notes;
        self.notes_exact += o.notes_exact;
        self.notes_anchored += o.notes_anchored;
        self.notes_found += o.notes_found;
        self.notes_unspaced += o.notes_unspaced;
        self.notes_unspaced_anchored += o.notes_unspaced_anchored;
        self.refs += o.refs;
        self.refs_exact += o.refs_exact;
        self.refs_found += o.refs_found;
        self.titles += o.titles;
        self.authors += o.authors;
    }

    /// A row of the printed table.
    pub fn row(&self, name: &str) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.1}", 100.0 * a as f64 / b as f64)
            }
        };
        format!(
            "| {name:<34} | {:>3} | {:>5} | {:>6} | {:>6} | {:>5} | {:>6} | {:>5} | {:>5} |",
            self.files,
            format!("{}/{}", self.notes_found, self.notes),
            pct(self.notes_exact, self.notes),
            pct(self.notes_anchored, self.notes),
            format!("{}/{}", self.refs_found, self.refs),
            pct(self.refs_exact, self.refs),
            pct(self.titles, self.files),
            pct(self.authors, self.files),
        )
    }
}

/// Scores `doc` against `gold`; `debug` prints what was missed.
pub fn score(doc: &Document, gold: &Gold, debug: bool) -> Score {
    let mut s = Score { files: 1, notes: gold.notes.len(), refs: gold.references.len(), ..Score::default() };
    let got = notes_with_context(doc);
    s.notes_found = got.len();
    // Notes are compared in order, each with the next unused one of the same text.
    let mut from = 0;
    for g in &gold.notes {
        let want = norm(&g.text);
        if let Some(k) = got[from..].iter().position(|(t, _)| *t == want) {
            s.notes_exact += 1;
            let (_, before) = &got[from + k];
            if tail(before, 12) == tail(&g.before, 12) {
                s.notes_anchored += 1;
            } else if debug {
                println!("ANCHOR want …{} got …{}", tail(&g.before, 20), tail(before, 20));
            }
            from += k + 1;
        } else if debug {
            println!("NOTE   want {want}");
        }
    }
    if debug {
        for (t, _) in &got {
            if !gold.notes.iter().any(|g| norm(&g.text) == *t) {
                println!("GOT    {t}");
            }
        }
    }
    // The same, with every space taken out of both texts.
    let unspaced = |t: &str| t.chars().filter(|c| !c.is_whitespace() && *c != '\u{AD}').collect::<String>();
    let got_unspaced: Vec<String> = got.iter().map(|(t, _)| unspaced(t)).collect();
    let mut from = 0;
    for g in &gold.notes {
        let want = unspaced(&g.text);
        if let Some(k) = got_unspaced[from..].iter().position(|t| *t == want) {
            s.notes_unspaced += 1;
            if tail(&got[from + k].1, 12) == tail(&g.before, 12) {
                s.notes_unspaced_anchored += 1;
            }
            from += k + 1;
        }
    }
    let entries: Vec<String> = doc
        .back
        .bibliography
        .as_ref()
        .map(|b| b.entries.iter().map(|e| norm(&e.raw)).collect())
        .unwrap_or_default();
    s.refs_found = entries.len();
    // A printed entry number (`1. Иноземцева…`) is the entry's label in the model, not text.
    let unnumbered = |r: &str| {
        let r = norm(r);
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        match r[digits..].strip_prefix(". ").or_else(|| r[digits..].strip_prefix(") ")) {
            Some(rest) if digits > 0 && digits <= 3 => rest.to_string(),
            _ => r,
        }
    };
    let gold_refs: Vec<String> = gold.references.iter().map(|r| unnumbered(r)).collect();
    s.refs_exact = gold_refs.iter().filter(|r| entries.contains(r)).count();
    if debug {
        for r in gold_refs.iter().filter(|r| !entries.contains(r)) {
            println!("REF    want {r}");
        }
        for e in entries.iter().filter(|e| !gold_refs.contains(e)) {
            println!("REFGOT {e}");
        }
    }
    s.titles = usize::from(doc.meta.titles.first().is_some_and(|t| norm(&t.text) == norm(&gold.title)));
    let authors: Vec<String> = doc.meta.authors.iter().filter_map(|a| a.name.as_deref()).map(norm).collect();
    s.authors = usize::from(authors == gold.authors.iter().map(|a| norm(a)).collect::<Vec<_>>());
    s
}

/// The PDFs set in two columns (`tests/extraction/README.md`: `xelatex-perpage` for `de`
/// and `tr`, `xelatex-twocolumn` for the others), by article and typesetter.
pub const TWO_COLUMN: [(&str, &str); 5] = [
    ("de-leipzig-pelzhandel", "xelatex-perpage"),
    ("tr-trabzon-quarantine", "xelatex-perpage"),
    ("az-baku-duma-schools", "xelatex-twocolumn"),
    ("en-riga-exchange", "xelatex-twocolumn"),
    ("uk-poltava-zemstvo", "xelatex-twocolumn"),
];

/// The typesetter made only to test the two-column rules on articles they were not written
/// from: its figures are kept apart from the corpus's totals (`~~two-column, new`).
pub const NEW_TWO_COLUMN: &str = "xelatex-twocolumn";

/// The header of the printed table.
pub const HEADER: &str =
    "| file / group                       | n   | notes | exact% | anch.% | refs  | exact% | title | auth. |";
