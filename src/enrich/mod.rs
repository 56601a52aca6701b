//! Format-independent passes over the model: archival shelfmarks, bibliography fields and
//! languages. Every writer gets the same knowledge from them.
//!
//! [`enrich`] only adds: it never rewrites printed text, and it keeps whatever the input
//! already says (a language from a metadata file, fields from colophon JSON), so running it
//! twice gives the same document.

pub mod citation;
mod keys;
pub mod lang;
pub mod shelfmark;
mod spans;
pub mod tokens;

use crate::diag::Diagnostic;
use crate::model::{plain_text, Block, Document, Inline, Span};
use lang::Detection;
use shelfmark::ArchiveTable;

/// Runs every pass over `doc`; returns what it could not decide, as diagnostics.
///
/// The references depend on nothing else in the document: a second thread enriches them,
/// a few at a time, while this one enriches the body and the notes and then helps with
/// what references are left (the result is the same as in turn).
pub fn enrich(doc: &mut Document, table: &ArchiveTable) -> Vec<Diagnostic> {
    let Document { meta, front, body, back, .. } = doc;
    let entries: &mut [crate::model::BibEntry] =
        back.bibliography.as_mut().map_or(&mut [], |b| &mut b.entries);
    let many = !entries.is_empty();
    let queue = std::sync::Mutex::new(entries.chunks_mut(REFERENCES_AT_ONCE).enumerate());
    let references = || {
        let mut done = Vec::new();
        while let Some((k, chunk)) = queue.lock().ok().and_then(|mut q| q.next()) {
            done.push((k, enrich_references(k * REFERENCES_AT_ONCE, chunk, table)));
        }
        done
    };
    let ((mut used_archives, body_diags), mut refs) = std::thread::scope(|s| {
        let helper = many.then(|| s.spawn(references));
        let body = enrich_body(meta, front, body, table);
        let mut refs = references();
        if let Some(h) = helper {
            refs.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        (body, refs)
    });
    refs.sort_by_key(|(k, _)| *k);
    // The references' diagnostics come before the notes', as when the passes ran in turn;
    // archives in the order their shelfmarks come: the body's, then the references'.
    let mut diags = Vec::new();
    for (_, (archives, d)) in refs {
        diags.extend(d);
        for id in archives {
            if !used_archives.contains(&id) {
                used_archives.push(id);
            }
        }
    }
    diags.extend(body_diags);
    for id in used_archives {
        if !back.archives.iter().any(|a| a.id == id) {
            if let Some(a) = table.get(&id) {
                back.archives.push(a.clone());
            }
        }
    }
    // Citation keys last: author-year matching reads the entries' parsed authors and years.
    diags.extend(keys::link(doc));
    diags
}

/// How many references a thread takes at a time.
const REFERENCES_AT_ONCE: usize = 8;

/// Shelfmarks, bibliography fields and languages of `entries`, the references from number
/// `first` (counting from 0) on; returns the archives named, in order, and the references
/// whose language could not be decided.
fn enrich_references(
    first: usize,
    entries: &mut [crate::model::BibEntry],
    table: &ArchiveTable,
) -> (Vec<String>, Vec<Diagnostic>) {
    let mut used_archives = Vec::new();
    let mut diags = Vec::new();
    for entry in entries.iter_mut() {
        mark_inlines(&mut entry.content, table, &mut used_archives);
    }
    for (n, entry) in entries.iter_mut().enumerate() {
        let marks = shelfmark_spans(&entry.content);
        if entry.fields.is_empty() {
            entry.fields = citation::parse(&entry.raw, &marks);
        }
        let d = entry_language(&entry.raw, &entry.fields, &marks);
        // An entry that is all shelfmark has no language, but its letters have a script.
        entry.script = entry.script.or(d.script).or_else(|| lang::main_script(&entry.raw));
        if entry.lang.is_none() {
            entry.lang = d.lang;
            if entry.lang.is_none() && letters(&entry.raw) >= 12 {
                diags.push(undecided(
                    &format!("reference {}", entry.label.clone().unwrap_or((first + n + 1).to_string())),
                    &entry.raw,
                ));
            }
        }
    }
    (used_archives, diags)
}

/// Shelfmarks and languages of the metadata, the body and the notes (shelfmarks of the
/// front matter too, a preface's first); returns the archives named, in order, and what
/// could not be decided.
fn enrich_body(
    meta: &mut crate::model::Meta,
    front: &mut [crate::model::FrontPart],
    body: &mut [Block],
    table: &ArchiveTable,
) -> (Vec<String>, Vec<Diagnostic>) {
    let mut used_archives: Vec<String> = Vec::new();
    for block in front.iter_mut().flat_map(|p| p.blocks.iter_mut()).chain(body.iter_mut()) {
        mark_block(block, table, &mut used_archives);
    }
    // Metadata.
    for t in &mut meta.titles {
        if t.lang.is_none() {
            t.lang = lang::detect(&t.text).lang;
        }
    }
    for a in &mut meta.abstracts {
        if a.lang.is_none() {
            a.lang = lang::detect(&blocks_text(&a.content)).lang;
        }
    }
    for k in &mut meta.keywords {
        if k.lang.is_none() {
            k.lang = lang::detect(&k.terms.join(", ")).lang;
        }
    }

    // Each paragraph's language (inside quotations and lists too); the document's is the one
    // most of the body's letters are in (else the first title's); paragraphs in another
    // language than what surrounds them are tagged.
    let mut leaves = leaves_in_context(body, None);
    let detected: Vec<Option<Detection>> = leaves
        .iter()
        .map(|(b, _)| match b {
            Block::Paragraph { content, lang: None } => Some(lang::detect(&plain_text(content))),
            _ => None,
        })
        .collect();
    if meta.lang.is_none() {
        let mut weight: Vec<(crate::model::LangTag, usize)> = Vec::new();
        for ((b, around), d) in leaves.iter().zip(&detected) {
            let tag = match (&**b, d) {
                (Block::Paragraph { lang: Some(l), .. }, _) => Some(l.clone()),
                (_, Some(d)) => d.lang.clone().or_else(|| around.clone()),
                _ => None,
            };
            if let Some(tag) = tag {
                let n = letters(&plain_text(b.content()));
                match weight.iter_mut().find(|(t, _)| *t == tag) {
                    Some((_, w)) => *w += n,
                    None => weight.push((tag, n)),
                }
            }
        }
        let total: usize = weight.iter().map(|(_, n)| n).sum();
        meta.lang = weight
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .filter(|(_, n)| n * 2 > total)
            .map(|(t, _)| t)
            .or_else(|| meta.titles.first().and_then(|t| t.lang.clone()));
    }
    let doc_lang = meta.lang.clone();

    // Paragraphs, notes and runs in another script.
    for ((block, around), d) in leaves.iter_mut().zip(detected) {
        let around = around.clone().or_else(|| doc_lang.clone());
        if let Block::Paragraph { content, lang } = &mut **block {
            if let Some(d) = d {
                // A region or script the source gave (`en-US`) is not another language
                // than the one detected (`en`).
                let same = matches!((&d.lang, &around), (Some(a), Some(b)) if a.primary() == b.primary());
                if d.lang.is_some() && !same {
                    *lang = d.lang;
                }
            }
            let base = lang.clone().or_else(|| around.clone());
            spans::tag_runs(content, base.as_ref());
        }
    }
    let mut notes_undecided = Vec::new();
    for_each_note(body, &mut |note| {
        let text = note_text(&note.content);
        if note.lang.is_none() {
            note.lang = note_language(text.trim());
            if note.lang.is_none() && letters(&text) >= 12 {
                notes_undecided.push(undecided(&format!("note {}", note.label), &text));
            }
        }
        for (b, _) in leaves_in_context(&mut note.content, None) {
            if let Block::Paragraph { content, .. } = b {
                spans::tag_runs(content, note.lang.as_ref());
            }
        }
    });
    (used_archives, notes_undecided)
}

/// Detects a note's language. A note that cites a work by a quoted title of three words or
/// more takes the title's language (`Arkhipova, E., "Azerbaycano-Gruzinskaya granitsa…"
/// (The Azerbaijan-Georgian border…)` is romanised Russian, whatever its gloss); any other
/// note takes the language of its whole text.
fn note_language(text: &str) -> Option<crate::model::LangTag> {
    const QUOTES: [char; 4] = ['"', '“', '«', '„'];
    // Only a note with a quotation mark can cite a quoted title: skip parsing the others.
    let fields = text.contains(QUOTES).then(|| citation::parse(text, &[]));
    let quoted = fields.as_ref().and_then(|f| f.title).filter(|t| {
        let before = text[..t.start].trim_end().chars().next_back();
        before.is_some_and(|c| QUOTES.contains(&c)) && text[t.start..t.end].split_whitespace().count() >= 3
    });
    match (quoted, fields) {
        (Some(_), Some(f)) => text_language(text, &f, &[]),
        (_, fields) => lang::detect(text).lang.or_else(|| {
            let f = fields.unwrap_or_else(|| citation::parse(text, &[]));
            text_language(text, &f, &[])
        }),
    }
}

/// The language of an entry or citation: its title's when the title has three words or
/// more, else the title's or the whole text's (without its web address and shelfmarks).
fn text_language(
    raw: &str,
    fields: &crate::model::BibFields,
    shelfmarks: &[Span],
) -> Option<crate::model::LangTag> {
    let title = fields.title.and_then(|t| t.get(raw));
    let from_title = title.map(lang::detect).and_then(|d| d.lang);
    if title.is_some_and(|t| t.split_whitespace().count() >= 3) {
        return from_title;
    }
    from_title.or_else(|| {
        let whole = without(raw, fields.url.iter().chain(fields.doi.iter()).chain(shelfmarks));
        lang::detect(&whole).lang
    })
}

/// Detects an entry's language from its title (the part a reader reads). Only when there
/// is no title of three words or more does the rest of the entry (names, journal, place)
/// decide: a romanised Russian title in an Azerbaijani newspaper is not Azerbaijani.
pub fn entry_language(raw: &str, fields: &crate::model::BibFields, shelfmarks: &[Span]) -> Detection {
    let whole = without(raw, fields.url.iter().chain(fields.doi.iter()).chain(shelfmarks));
    Detection { lang: text_language(raw, fields, shelfmarks), script: lang::main_script(&whole) }
}

/// Where the shelfmarks of `inlines` stand in their plain text (the entry's `raw`).
fn shelfmark_spans(inlines: &[Inline]) -> Vec<Span> {
    fn walk(inlines: &[Inline], at: &mut usize, out: &mut Vec<Span>) {
        for i in inlines {
            match i {
                Inline::Text { text } | Inline::Code { text } => *at += text.len(),
                Inline::LineBreak => *at += 1,
                Inline::Shelfmark(m) => {
                    out.push(Span::new(*at, *at + m.raw.len()));
                    *at += m.raw.len();
                }
                other => walk(other.children(), at, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(inlines, &mut 0, &mut out);
    out
}

/// Returns `text` with the spans blanked out.
fn without<'a>(text: &str, spans: impl Iterator<Item = &'a Span>) -> String {
    let mut s = text.to_string();
    for sp in spans {
        if let Some(range) = text.get(sp.start..sp.end) {
            s.replace_range(sp.start..sp.end, &" ".repeat(range.len()));
        }
    }
    s
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

fn undecided(what: &str, text: &str) -> Diagnostic {
    let excerpt: String = text.chars().take(50).collect();
    let more = if text.chars().count() > 50 { "…" } else { "" };
    Diagnostic::info(
        "language-undecided",
        0,
        format!("{what}: language not decided, left untagged: \"{excerpt}{more}\""),
    )
}

fn blocks_text(blocks: &[Block]) -> String {
    blocks.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect::<Vec<_>>().join("\n")
}

/// A note's text without its shelfmarks (they say nothing about the note's language).
fn note_text(blocks: &[Block]) -> String {
    fn push(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match i {
                Inline::Text { text } => out.push_str(text),
                Inline::Link { .. } | Inline::Shelfmark(_) | Inline::Note(_) | Inline::Code { .. } => {
                    out.push(' ')
                }
                Inline::LineBreak => out.push('\n'),
                other => push(other.children(), out),
            }
        }
    }
    let mut out = String::new();
    for b in blocks.iter().flat_map(Block::leaves) {
        push(b.content(), &mut out);
        out.push('\n');
    }
    out
}

/// The headings and paragraphs of `blocks`, inside quotations and lists too, each with the
/// language of the quotation around it (`around` outside any).
fn leaves_in_context(
    blocks: &mut [Block],
    around: Option<crate::model::LangTag>,
) -> Vec<(&mut Block, Option<crate::model::LangTag>)> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Quote { blocks, lang, .. } | Block::EmbeddedText { blocks, lang, .. } => {
                let inner = lang.clone().or_else(|| around.clone());
                out.extend(leaves_in_context(blocks, inner));
            }
            Block::List { items, .. } => {
                for item in items {
                    out.extend(leaves_in_context(item, around.clone()));
                }
            }
            Block::DefinitionList { items } => {
                for d in items {
                    for def in &mut d.details {
                        out.extend(leaves_in_context(def, around.clone()));
                    }
                }
            }
            Block::Table(t) => {
                let inner = t.lang.clone().or_else(|| around.clone());
                for row in t.rows_mut() {
                    for cell in &mut row.cells {
                        out.extend(leaves_in_context(&mut cell.blocks, inner.clone()));
                    }
                }
            }
            Block::Heading { .. } | Block::Paragraph { .. } => out.push((b, around.clone())),
            Block::CodeBlock { .. } | Block::SectionBreak | Block::LineBlock { .. } | Block::Figure(_) => {}
        }
    }
    out
}

fn for_each_note(blocks: &mut [Block], f: &mut dyn FnMut(&mut crate::model::Note)) {
    fn walk(inlines: &mut [Inline], f: &mut dyn FnMut(&mut crate::model::Note)) {
        for i in inlines {
            match i {
                Inline::Note(n) => f(n),
                other => {
                    if let Some(content) = other.children_mut() {
                        walk(content, f)
                    }
                }
            }
        }
    }
    crate::model::for_each_inlines_mut(blocks, &mut |content| walk(content, f));
}

fn mark_block(block: &mut Block, table: &ArchiveTable, used: &mut Vec<String>) {
    crate::model::for_each_inlines_mut(std::slice::from_mut(block), &mut |content| {
        mark_inlines(content, table, used)
    });
}

/// Replaces shelfmarks inside the text inlines of `inlines` (and of their notes) by
/// [`Inline::Shelfmark`]s, keeping the text around them. A printed page that begins inside
/// a shelfmark (`РГАСПИ, ф.85, | оп.13`) does not cut it: the shelfmark is found across the
/// page's milestone, which is put right after it.
fn mark_inlines(inlines: &mut Vec<Inline>, table: &ArchiveTable, used: &mut Vec<String>) {
    let mut out = Vec::with_capacity(inlines.len());
    // Text and page milestones gathered until something else comes.
    let mut run: Vec<Inline> = Vec::new();
    for inline in inlines.drain(..) {
        match inline {
            text @ (Inline::Text { .. } | Inline::PageBreak { .. }) => run.push(text),
            other => {
                mark_run(std::mem::take(&mut run), table, used, &mut out);
                match other {
                    Inline::Note(mut note) => {
                        for b in &mut note.content {
                            mark_block(b, table, used);
                        }
                        out.push(Inline::Note(note));
                    }
                    // A link's text is the link's; code is verbatim.
                    link @ Inline::Link { .. } => out.push(link),
                    mut styled => {
                        if let Some(content) = styled.children_mut() {
                            mark_inlines(content, table, used);
                        }
                        out.push(styled);
                    }
                }
            }
        }
    }
    mark_run(run, table, used, &mut out);
    *inlines = out;
}

/// Finds the shelfmarks of a run of text and page milestones, as one text; appends the run
/// to `out` with them marked.
fn mark_run(run: Vec<Inline>, table: &ArchiveTable, used: &mut Vec<String>, out: &mut Vec<Inline>) {
    let mut text = String::new();
    let mut breaks: Vec<(usize, Inline)> = Vec::new();
    for inline in run {
        match inline {
            Inline::Text { text: t } => text.push_str(&t),
            page => breaks.push((text.len(), page)),
        }
    }
    let found = shelfmark::find(&text, table);
    let mut pieces: Vec<(usize, usize, Option<Inline>)> = Vec::new(); // (start, end, shelfmark)
    let mut at = 0;
    for f in found {
        if f.start > at {
            pieces.push((at, f.start, None));
        }
        if let Some(id) = f.shelfmark.archive.as_ref().and_then(|a| a.id.clone()) {
            if !used.contains(&id) {
                used.push(id);
            }
        }
        pieces.push((f.start, f.end, Some(Inline::Shelfmark(Box::new(f.shelfmark)))));
        at = f.end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push((at, text.len(), None));
    }
    let mut breaks = breaks.into_iter().peekable();
    for (start, end, mark) in pieces {
        match mark {
            Some(mark) => {
                // Milestones inside the shelfmark follow it.
                while let Some((_, page)) = breaks.next_if(|(b, _)| *b <= start) {
                    out.push(page);
                }
                out.push(mark);
                while let Some((_, page)) = breaks.next_if(|(b, _)| *b < end) {
                    out.push(page);
                }
            }
            None => {
                let mut from = start;
                while let Some((b, page)) =
                    breaks.next_if(|(b, _)| *b <= end && (*b < end || end == text.len()))
                {
                    if b > from {
                        out.push(Inline::text(&text[from..b]));
                    }
                    out.push(page);
                    from = b.max(from);
                }
                if end > from {
                    out.push(Inline::text(&text[from..end]));
                }
            }
        }
    }
    out.extend(breaks.map(|(_, page)| page));
}

#[cfg(test)]
mod tests;
