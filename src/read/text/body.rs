//! The body: page texts re-joined into paragraphs, notes placed at their calls.

use super::calls::{align, Site};
use super::floats::Float;
use super::flow::Item;
use super::join::{count_word, ends_sentence, join_cut, starts_lower, HyphenJoin};
use super::markers::{find_calls, Form};
use super::notes::NoteSequence;
use crate::diag::Diagnostic;
use crate::model::{Anchor, Block, Cell, Column, Figure, Inline, Note, NoteKind, Row, Table};
use crate::read::caption::FloatKind;

/// A paragraph being built: its text and which page each stretch of it stands on.
#[derive(Debug)]
struct Para {
    text: String,
    /// (byte offset where a page's stretch starts, page index).
    pages: Vec<(usize, usize)>,
    /// The printed pages that begin in this paragraph: (byte offset, printed number).
    breaks: Vec<(usize, String)>,
}

impl Para {
    fn page_at(&self, offset: usize) -> usize {
        let k = self.pages.partition_point(|&(o, _)| o <= offset);
        self.pages[k.saturating_sub(1)].1
    }
}

/// A heading or a paragraph of the body; a heading can carry a call too (`Die Zollfrage seit
/// 1891`, then the call of note 12: pdftotext prints `189112`).
struct Piece {
    para: Para,
    /// The heading level, for a heading.
    heading: Option<u8>,
    /// For a table's or figure's caption (`false`) or source line (`true`): the float's
    /// index. Its calls are aligned like the text's; it never takes a page's text in.
    float: Option<(usize, bool)>,
}

/// Builds the body blocks from the flow items, the tables and figures they place, and the
/// resolved note sequence.
pub fn build(
    items: &[Item],
    floats: &[Float],
    seq: &NoteSequence,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let all_text: String = items
        .iter()
        .filter_map(|it| if let Item::Text { text, .. } = it { Some(text.as_str()) } else { None })
        .collect::<Vec<_>>()
        .join(" ");
    let occurrences = |w: &str| count_word(&all_text, w);

    // 1. Paragraphs across page cuts.
    let mut pieces: Vec<Piece> = Vec::new();
    let mut page = 0;
    let mut cut = false; // a note block stands between the last text and this one
                         // Printed pages whose text has not come yet.
    let mut pending: Vec<String> = Vec::new();
    for item in items {
        match item {
            Item::Page { n } => pending.push(n.clone()),
            Item::Notes(_) => {
                page += 1;
                cut = true;
            }
            Item::Float(k) => {
                // The caption and the source line; the paragraph the float interrupts (a
                // table set at the top of a page) goes on after it.
                let Some(f) = floats.get(*k) else { continue };
                let texts = std::iter::once((&f.caption, false)).chain(f.source.iter().map(|s| (s, true)));
                for (text, source) in texts {
                    let para = Para { text: text.clone(), pages: vec![(0, page)], breaks: Vec::new() };
                    pieces.push(Piece { para, heading: None, float: Some((*k, source)) });
                }
            }
            Item::Heading { text, level, .. } => {
                let breaks = pending.drain(..).map(|n| (0, n)).collect();
                let para = Para { text: text.clone(), pages: vec![(0, page)], breaks };
                pieces.push(Piece { para, heading: Some(*level), float: None });
                cut = false;
            }
            Item::Text { text, line } => {
                let open = pieces.iter().rposition(|p| p.float.is_none());
                let continues = match open.map(|i| &pieces[i]) {
                    Some(Piece { para: p, heading: None, .. }) => {
                        !ends_sentence(&p.text) && (cut || starts_lower(text))
                    }
                    _ => false,
                };
                if let (true, Some(open)) = (continues, open) {
                    let p = &mut pieces[open].para;
                    let (joined, how) = join_cut(&p.text, text, &occurrences);
                    let at = joined.len() - text.trim_start().len().min(joined.len());
                    match how {
                        HyphenJoin::None => {}
                        HyphenJoin::Removed(w) => diags.push(Diagnostic::info(
                            "hyphen-join",
                            *line,
                            format!(
                                "joined `{w}` across a page cut, hyphen removed (the word occurs elsewhere)"
                            ),
                        )),
                        HyphenJoin::Kept(w) => diags.push(Diagnostic::info(
                            "hyphen-join",
                            *line,
                            format!("joined `{w}` across a page cut, hyphen kept (unsure it is a break)"),
                        )),
                    }
                    p.text = joined;
                    p.pages.push((at, page));
                    // A page that begins inside a word (`cut-` / `ting`) is marked after it.
                    let at = word_end(&p.text, at);
                    p.breaks.extend(pending.drain(..).map(|n| (at, n)));
                } else {
                    if cut && matches!(pieces.last(), Some(Piece { heading: None, float: None, .. })) {
                        diags.push(Diagnostic::info(
                            "paragraph-break",
                            *line,
                            "a page cut falls at a sentence end; a new paragraph is started here",
                        ));
                    }
                    let breaks = pending.drain(..).map(|n| (0, n)).collect();
                    let para = Para { text: text.trim().to_string(), pages: vec![(0, page)], breaks };
                    pieces.push(Piece { para, heading: None, float: None });
                }
                cut = false;
            }
        }
    }

    // 2. Call candidates and their alignment to the notes.
    let mut sites: Vec<Site> = Vec::new();
    for (i, Piece { para: p, .. }) in pieces.iter().enumerate() {
        for cand in find_calls(&p.text) {
            let page = p.page_at(cand.marker.start);
            sites.push(Site { para: i, cand, page });
        }
    }
    let matched = align(&seq.notes, &sites, seq.per_page);

    // 3. Insertion points: (piece, byte offset, note index).
    let mut inserts: Vec<(usize, usize, usize)> = Vec::new();
    let mut used = vec![false; sites.len()];
    let mut last_point: Option<(usize, usize)> = None;
    for (j, note) in seq.notes.iter().enumerate() {
        let point = match matched[j] {
            Some(s) => {
                used[s] = true;
                (sites[s].para, sites[s].cand.marker.start)
            }
            None => {
                let point = last_point.or_else(|| end_of_page(&pieces, note.page)).unwrap_or((usize::MAX, 0));
                let after = match last_point {
                    Some(_) => format!("after the call of note {}", seq.notes[j - 1].label),
                    None => "at the end of its page's text".to_string(),
                };
                diags.push(Diagnostic::warning(
                    "note-without-call",
                    note.line,
                    format!(
                        "note {} has no call in the text; placed {after} and marked uncertain",
                        note.label
                    ),
                ));
                point
            }
        };
        inserts.push((point.0, point.1, j));
        last_point = Some(point);
    }
    for (s, site) in sites.iter().enumerate() {
        if !used[s] && site.cand.marker.form.is_typographic() && site.cand.marker.form != Form::Symbol {
            diags.push(Diagnostic::warning(
                "call-without-note",
                0,
                format!("call `{}` in the text has no note; kept as printed", site.cand.marker.label),
            ));
        }
    }

    // 4. Assemble blocks, walking the insertion points in (piece, offset, note) order.
    inserts.sort_unstable();
    let mut notes: Vec<Option<Note>> = seq
        .notes
        .iter()
        .enumerate()
        .map(|(j, n)| {
            Some(Note {
                label: n.label.clone(),
                kind: NoteKind::Foot,
                anchor: if matched[j].is_some() { Anchor::Call } else { Anchor::Inferred },
                lang: None,
                content: vec![Block::paragraph(vec![Inline::text(n.text.clone())])],
            })
        })
        .collect();
    let mut blocks = Vec::new();
    for (i, Piece { para: p, heading, float }) in pieces.into_iter().enumerate() {
        let first = inserts.partition_point(|&(pi, _, _)| pi < i);
        let here = inserts[first..]
            .iter()
            .take_while(|&&(pi, _, _)| pi == i)
            .map(|&(_, off, j)| (off, j, matched[j]));
        let mut content = Vec::new();
        let mut pos = 0;
        let mut breaks = p.breaks.iter().peekable();
        for (off, j, site) in here {
            let (start, end) = match site {
                Some(s) => (sites[s].cand.marker.start, sites[s].cand.marker.end),
                None => (off.max(pos), off.max(pos)),
            };
            while let Some((at, n)) = breaks.next_if(|(at, _)| *at <= start) {
                let at = (*at).max(pos);
                if at > pos {
                    content.push(Inline::text(&p.text[pos..at]));
                }
                content.push(Inline::PageBreak { n: n.clone() });
                pos = at;
            }
            let mut before = &p.text[pos..start.max(pos)];
            // `Azerbaijan". 14 The` → the note hangs on the punctuation.
            if site.is_some() && before.ends_with(' ') && p.text[end..].starts_with(' ') {
                before = &before[..before.len() - 1];
            }
            if !before.is_empty() {
                content.push(Inline::text(before));
            }
            content.push(Inline::Note(notes[j].take().expect("each note placed once")));
            pos = end.max(pos);
        }
        for (at, n) in breaks {
            let at = (*at).clamp(pos, p.text.len());
            if at > pos {
                content.push(Inline::text(&p.text[pos..at]));
            }
            content.push(Inline::PageBreak { n: n.clone() });
            pos = at;
        }
        if pos < p.text.len() {
            content.push(Inline::text(&p.text[pos..]));
        }
        match (float, heading) {
            (Some((k, false)), _) => blocks.push(float_block(&floats[k], content)),
            (Some((_, true)), _) => match blocks.last_mut() {
                Some(Block::Table(t)) => t.source = Some(content),
                Some(Block::Figure(f)) => f.source = Some(content),
                _ => blocks.push(Block::paragraph(content)),
            },
            (None, Some(level)) => blocks.push(Block::Heading { level, content }),
            (None, None) => blocks.push(Block::paragraph(content)),
        }
    }
    // Notes with nowhere to go (no body text at all) still survive, in a paragraph of their own.
    let orphans: Vec<Inline> = notes.into_iter().flatten().map(Inline::Note).collect();
    if !orphans.is_empty() {
        blocks.push(Block::paragraph(orphans));
    }
    blocks
}

/// The block of a table or figure read from its caption: a table holds its lines as printed
/// in one preformatted cell (the extracted text keeps no cells); a figure has no image (the
/// text holds none). Both were reported when their captions were found.
fn float_block(f: &Float, caption: Vec<Inline>) -> Block {
    match f.kind {
        FloatKind::Table => {
            let cell = Cell::new(vec![Block::CodeBlock { text: f.lines.clone(), syntax: None }]);
            Block::Table(Box::new(Table {
                label: Some(f.label.clone()),
                caption,
                columns: vec![Column::default()],
                body: vec![Row { cells: vec![cell] }],
                ..Table::default()
            }))
        }
        FloatKind::Figure => {
            Block::Figure(Box::new(Figure { label: Some(f.label.clone()), caption, ..Figure::default() }))
        }
    }
}

/// `at`, or the end of the word it falls inside (a page that begins within a hyphenated
/// word is marked after the word, which stays whole for search, hyphenation and speech).
fn word_end(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let inside = text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
        && text[at..].chars().next().is_some_and(char::is_alphanumeric);
    if !inside {
        return at;
    }
    text[at..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |k| at + k)
}

/// The end of the last text stretch printed on `page` (or before it).
fn end_of_page(pieces: &[Piece], page: usize) -> Option<(usize, usize)> {
    let mut best = None;
    // A note without a call goes into page text, never into a heading.
    for (i, Piece { para: p, .. }) in
        pieces.iter().enumerate().filter(|(_, p)| p.heading.is_none() && p.float.is_none())
    {
        for (k, &(_, pg)) in p.pages.iter().enumerate() {
            if pg <= page {
                let end = p.pages.get(k + 1).map_or(p.text.len(), |&(o, _)| o);
                best = Some((i, end));
            }
        }
    }
    best
}
