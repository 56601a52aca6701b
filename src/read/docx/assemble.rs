//! Paragraphs grouped into the model: headings, lists, quotations, code, definition lists;
//! the title, authors, abstracts and keywords into the metadata; the reference list (under
//! a references heading, in `Bibliography` style, or in a bibliography field) into the
//! back matter, headed sub-lists as its parts.

use super::inlines::{count_letters, heaviest};
use super::paragraphs::Para;
use super::styles::Role;
use crate::model::{
    plain_text, Abstract, Author, BibEntry, BibPart, Bibliography, Block, Definition, Document, Inline,
    KeywordList, LangTag, Title,
};
use crate::read::caption::{is_source_line, kind_of, split_label, FloatKind};
use crate::read::text::lexicon::{
    heading_key, is_reference_heading, lookup, split_inline_heading, ABSTRACT_HEADINGS, KEYWORD_HEADINGS,
};

/// A reference list being gathered: under a references heading (given back to the text if
/// what follows does not read as references), or from `Bibliography`-styled paragraphs or a
/// bibliography field (always references).
struct OpenReferences {
    heading: Option<Para>,
    level: u8,
    /// Entries and sub-headings in order.
    paras: Vec<Para>,
}

/// An abstract being gathered: under an abstract heading (plain paragraphs join it until a
/// keyword line, a heading or a list), or from `Abstract`-styled paragraphs (only those).
struct OpenAbstract {
    abs: Abstract,
    by_heading: bool,
    paras: Vec<Para>,
}

/// The most paragraphs an abstract under a heading takes before the text is taken to have
/// begun without a heading (an abstract is one to three paragraphs).
const MAX_ABSTRACT_PARAGRAPHS: usize = 5;

/// Builds the document from the body's paragraphs.
pub(super) fn document(paras: Vec<Para>) -> Document {
    let mut doc = Document::new();
    let mut flow: Vec<Para> = Vec::new();
    let mut refs: Option<OpenReferences> = None;
    let mut abs: Option<OpenAbstract> = None;
    let mut seen_heading = false;
    for p in carry_page_breaks(paras) {
        // A table or figure ends an abstract or a reference list and joins the text.
        if p.block.is_some() {
            close_abstract(&mut doc, &mut abs, &mut flow);
            close_references(&mut doc, &mut refs, &mut flow);
            flow.push(p);
            continue;
        }
        let text = plain_text(&p.inlines);
        let before_body = flow.is_empty() && !seen_heading;
        // The front: title, subtitle, authors, date, abstracts.
        match p.role {
            Role::Title if before_body => {
                doc.meta.titles.push(Title { text: text.trim().to_string(), lang: p.lang.clone() });
                continue;
            }
            Role::Subtitle if before_body => {
                match doc.meta.titles.last_mut() {
                    Some(t) => t.text = format!("{}: {}", t.text, text.trim()),
                    None => {
                        doc.meta.titles.push(Title { text: text.trim().to_string(), lang: p.lang.clone() })
                    }
                }
                continue;
            }
            Role::Author if before_body => {
                doc.meta.authors.push(Author { name: Some(text.trim().to_string()), ..Author::default() });
                continue;
            }
            Role::Date if before_body => {
                doc.meta.date = Some(text.trim().to_string());
                continue;
            }
            Role::AbstractTitle => {
                close_abstract(&mut doc, &mut abs, &mut flow);
                let a = Abstract {
                    lang: p.lang.clone(),
                    heading: Some(text.trim().to_string()),
                    content: Vec::new(),
                };
                abs = Some(OpenAbstract { abs: a, by_heading: false, paras: Vec::new() });
                continue;
            }
            Role::Abstract => {
                let open = abs.get_or_insert_with(|| OpenAbstract {
                    abs: Abstract { lang: p.lang.clone(), heading: None, content: Vec::new() },
                    by_heading: false,
                    paras: Vec::new(),
                });
                open.paras.push(p);
                continue;
            }
            _ => {}
        }
        // A keyword line (`Keywords: a, b`) before the first heading of the text.
        if !seen_heading && p.list.is_none() && !p.in_table && text.chars().count() < 600 {
            if let Some((head, lang, rest)) = split_inline_heading(KEYWORD_HEADINGS, text.trim()) {
                close_abstract(&mut doc, &mut abs, &mut flow);
                let terms: Vec<String> = rest
                    .split([',', ';'])
                    .map(|t| t.trim().trim_end_matches('.').to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                let lang = p.lang.clone().or_else(|| LangTag::parse(lang).ok());
                doc.meta.keywords.push(KeywordList { lang, heading: Some(head.to_string()), terms });
                continue;
            }
        }
        if let Role::Heading(level) = p.role {
            close_abstract(&mut doc, &mut abs, &mut flow);
            if let Some(open) = refs.as_mut() {
                if level > open.level && open.heading.is_some() {
                    open.paras.push(p);
                    continue;
                }
                close_references(&mut doc, &mut refs, &mut flow);
            }
            if is_reference_heading(&text) && doc.back.bibliography.is_none() {
                refs = Some(OpenReferences { heading: Some(p), level, paras: Vec::new() });
                continue;
            }
            if let Some(lang) = lookup(ABSTRACT_HEADINGS, &heading_key(&text)) {
                let lang = p.lang.clone().or_else(|| LangTag::parse(lang).ok());
                let a = Abstract { lang, heading: Some(text.trim().to_string()), content: Vec::new() };
                abs = Some(OpenAbstract { abs: a, by_heading: true, paras: Vec::new() });
                continue;
            }
            seen_heading = true;
            flow.push(p);
            continue;
        }
        if let Some(open) = abs.as_mut() {
            let plain = !p.in_bibliography && p.role == Role::Normal && p.list.is_none() && !p.in_table;
            if open.by_heading && plain {
                open.paras.push(p);
                continue;
            }
            close_abstract(&mut doc, &mut abs, &mut flow);
        }
        // The reference list. One whose entries are marked (styled `Bibliography`, or in a
        // bibliography field) ends at the first paragraph that is not.
        let marked = p.in_bibliography || p.role == Role::Bibliography;
        if refs.as_ref().is_some_and(|r| {
            !marked && r.paras.iter().any(|q| q.in_bibliography || q.role == Role::Bibliography)
        }) {
            close_references(&mut doc, &mut refs, &mut flow);
        }
        if refs.is_some() || marked {
            if text.trim().is_empty() {
                continue;
            }
            let open =
                refs.get_or_insert_with(|| OpenReferences { heading: None, level: 1, paras: Vec::new() });
            open.paras.push(p);
            continue;
        }
        flow.push(p);
    }
    close_abstract(&mut doc, &mut abs, &mut flow);
    close_references(&mut doc, &mut refs, &mut flow);
    doc.body = blocks(flow);
    doc
}

/// Ends the abstract being gathered: an abstract under a heading that ran on for more
/// paragraphs than abstracts have keeps its first, and gives the rest back to the text.
fn close_abstract(doc: &mut Document, open: &mut Option<OpenAbstract>, flow: &mut Vec<Para>) {
    let Some(mut open) = open.take() else { return };
    if open.by_heading && open.paras.len() > MAX_ABSTRACT_PARAGRAPHS {
        flow.extend(open.paras.drain(1..));
    }
    open.abs
        .content
        .extend(open.paras.into_iter().map(|p| Block::Paragraph { content: p.inlines, lang: p.lang }));
    if !open.abs.content.is_empty() {
        doc.meta.abstracts.push(open.abs);
    }
}

/// Ends the reference list being gathered. One found by its heading alone must read as
/// references (most entries name a year, none is a quotation or code), else heading and
/// paragraphs go back to the text: `Sources` heads a chapter as often as a list.
fn close_references(doc: &mut Document, open: &mut Option<OpenReferences>, flow: &mut Vec<Para>) {
    let Some(open) = open.take() else { return };
    if let Some(heading) = open.heading {
        if !reads_as_references(&open.paras) {
            flow.push(heading);
            flow.extend(open.paras);
            return;
        }
        let title = plain_text(&heading.inlines).trim().to_string();
        add_references(doc, title, open.paras);
    } else {
        let title = last_heading(flow);
        add_references(doc, title, open.paras);
    }
}

/// Whether paragraphs under a references heading read as a reference list.
fn reads_as_references(paras: &[Para]) -> bool {
    let entries: Vec<&Para> = paras.iter().filter(|p| !matches!(p.role, Role::Heading(_))).collect();
    if entries.is_empty()
        || entries.iter().any(|p| matches!(p.role, Role::Quote | Role::Code | Role::Caption))
    {
        return false;
    }
    let dated = entries.iter().filter(|p| names_a_year(&plain_text(&p.inlines))).count();
    dated * 2 >= entries.len()
}

/// Whether `s` holds a year (1500–2099) standing alone as a number.
fn names_a_year(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let alone =
            (i == 0 || !b[i - 1].is_ascii_digit()) && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        digits && alone && matches!(&b[i..i + 2], b"15" | b"16" | b"17" | b"18" | b"19" | b"20")
    })
}

/// Adds a reference list's paragraphs (sub-headings as parts) to the bibliography.
fn add_references(doc: &mut Document, heading: String, paras: Vec<Para>) {
    let mut b = Bibliography::new(heading, Vec::new());
    for p in paras {
        if let Role::Heading(_) = p.role {
            let text = plain_text(&p.inlines).trim().to_string();
            if !text.is_empty() {
                b.parts.push(BibPart { heading: text, start: b.entries.len() });
            }
        } else {
            b.entries.push(entry_of(p));
        }
    }
    if b.entries.is_empty() {
        return;
    }
    b.drop_invalid_parts();
    match doc.back.bibliography.as_mut() {
        Some(existing) => {
            let start = existing.entries.len();
            existing.parts.push(BibPart { heading: b.heading, start });
            existing.entries.extend(b.entries);
        }
        None => doc.back.bibliography = Some(b),
    }
}

/// Decides the document's language where `dc:language` did not: the language Word tagged
/// most of the text's letters with, when it tagged more than half of them with one; then
/// paragraphs in the document's language say so by inheriting it (as `xml:lang` does), so
/// writers do not repeat it on every paragraph.
pub(super) fn document_language(doc: &mut Document) {
    if doc.meta.lang.is_none() {
        let paragraphs: Vec<(Option<LangTag>, usize)> = doc
            .body
            .iter()
            .flat_map(Block::leaves)
            .filter_map(|b| match b {
                Block::Paragraph { content, lang } => {
                    Some((lang.clone(), count_letters(&plain_text(content))))
                }
                _ => None,
            })
            .collect();
        let total: usize = paragraphs.iter().map(|(_, n)| n).sum();
        let tagged = paragraphs.into_iter().filter_map(|(l, n)| Some((l?, n)));
        doc.meta.lang = heaviest(tagged).filter(|(_, n)| n * 2 > total).map(|(l, _)| l);
    }
    let Some(main) = doc.meta.lang.clone() else { return };
    fn inherit(blocks: &mut [Block], main: &LangTag) {
        for b in blocks {
            match b {
                Block::Paragraph { lang, content } => {
                    if lang.as_ref() == Some(main) {
                        *lang = None;
                    }
                    for i in content.iter_mut() {
                        if let Inline::Note(n) = i {
                            inherit(&mut n.content, n.lang.as_ref().unwrap_or(main));
                        }
                    }
                }
                Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => inherit(blocks, main),
                Block::List { items, .. } => items.iter_mut().for_each(|i| inherit(i, main)),
                Block::DefinitionList { items } => {
                    items.iter_mut().flat_map(|d| d.details.iter_mut()).for_each(|d| inherit(d, main))
                }
                Block::Table(t) => {
                    t.rows_mut().flat_map(|r| r.cells.iter_mut()).for_each(|c| inherit(&mut c.blocks, main))
                }
                _ => {}
            }
        }
    }
    inherit(&mut doc.body, &main);
    for a in &mut doc.meta.abstracts {
        let l = a.lang.clone().unwrap_or_else(|| main.clone());
        inherit(&mut a.content, &l);
    }
}

/// The heading the last flow paragraph stands under, for a reference list met without one.
fn last_heading(flow: &[Para]) -> String {
    flow.iter()
        .rev()
        .find(|p| matches!(p.role, Role::Heading(_)))
        .map(|p| plain_text(&p.inlines).trim().to_string())
        .filter(|h| is_reference_heading(h))
        .unwrap_or_else(|| "References".to_string())
}

/// A reference list paragraph as an entry: a list number is its label.
fn entry_of(p: Para) -> BibEntry {
    let raw = plain_text(&p.inlines);
    BibEntry {
        label: p
            .label
            .clone()
            .or_else(|| p.list.as_ref().and_then(|l| l.format.style.map(|s| s.numeral(l.number)))),
        key: None,
        raw,
        content: p.inlines,
        lang: p.lang,
        script: None,
        fields: Default::default(),
    }
}

/// A paragraph that holds nothing but page milestones gives them to the next paragraph.
fn carry_page_breaks(paras: Vec<Para>) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    let mut carried: Vec<Inline> = Vec::new();
    for mut p in paras {
        // A table or figure keeps its place; the milestones wait for the next paragraph.
        if p.block.is_some() {
            out.push(p);
            continue;
        }
        let only_breaks =
            !p.inlines.is_empty() && p.inlines.iter().all(|i| matches!(i, Inline::PageBreak { .. }));
        if only_breaks {
            carried.append(&mut p.inlines);
            continue;
        }
        if !carried.is_empty() {
            let mut inlines = std::mem::take(&mut carried);
            inlines.append(&mut p.inlines);
            p.inlines = inlines;
        }
        out.push(p);
    }
    if !carried.is_empty() {
        if let Some(last) = out.last_mut() {
            last.inlines.append(&mut carried);
        }
    }
    out
}

/// Groups paragraphs into blocks: consecutive list paragraphs into (nested) lists,
/// quotation paragraphs into quotations, code paragraphs into code blocks, terms and their
/// definitions into definition lists.
pub(super) fn blocks(paras: Vec<Para>) -> Vec<Block> {
    let below = CaptionSides::of(&paras);
    let mut out = Vec::new();
    let mut iter = paras.into_iter().peekable();
    while let Some(mut p) = iter.next() {
        if let Some(block) = p.block.take() {
            out.push(block);
            continue;
        }
        if p.inlines.is_empty() {
            continue;
        }
        // A caption joins the figure before it or the table or figure after it; a source
        // line joins the table or figure just before it.
        if p.role == Role::Caption || is_source_line(&plain_text(&p.inlines)) {
            let next_block = iter.peek_mut().and_then(|n| n.block.as_mut());
            if let Some(inlines) =
                attach(p.inlines, p.role == Role::Caption, below, out.last_mut(), next_block)
            {
                out.push(Block::Paragraph { content: inlines, lang: p.lang });
            }
            continue;
        }
        if p.list.is_some() {
            let mut items = vec![p];
            while iter.peek().is_some_and(|n| n.list.is_some()) {
                items.extend(iter.next());
            }
            out.extend(lists(items));
            continue;
        }
        match p.role {
            Role::Heading(level) => out.push(Block::Heading { level: level.min(6), content: p.inlines }),
            Role::SectionBreak => out.push(Block::SectionBreak),
            Role::Quote => {
                let mut quoted = vec![Block::Paragraph { content: p.inlines, lang: p.lang }];
                while iter.peek().is_some_and(|n| n.role == Role::Quote && n.list.is_none()) {
                    let n = iter.next().expect("peeked");
                    if !n.inlines.is_empty() {
                        quoted.push(Block::Paragraph { content: n.inlines, lang: n.lang });
                    }
                }
                out.push(Block::Quote { blocks: quoted, source: None, lang: None, epigraph: false });
            }
            Role::Code => {
                let mut lines = vec![plain_text(&p.inlines)];
                while iter.peek().is_some_and(|n| n.role == Role::Code) {
                    lines.push(plain_text(&iter.next().expect("peeked").inlines));
                }
                out.push(Block::CodeBlock { text: lines.join("\n"), syntax: None });
            }
            Role::DefinitionTerm => {
                let mut items = Vec::new();
                let mut term = Some(p);
                while let Some(t) = term.take() {
                    let mut details = Vec::new();
                    while iter.peek().is_some_and(|n| n.role == Role::Definition) {
                        let d = iter.next().expect("peeked");
                        details.push(vec![Block::Paragraph { content: d.inlines, lang: d.lang }]);
                    }
                    items.push(Definition { term: t.inlines, details });
                    if iter.peek().is_some_and(|n| n.role == Role::DefinitionTerm) {
                        term = iter.next();
                    }
                }
                out.push(Block::DefinitionList { items });
            }
            _ => out.push(Block::Paragraph { content: p.inlines, lang: p.lang }),
        }
    }
    out
}

/// The label, caption and source line of a table or figure, and whether it is a figure.
type Captioned<'a> = (&'a mut Option<String>, &'a mut Vec<Inline>, &'a mut Option<Vec<Inline>>, bool);

/// Which side of their table and figure a document prints captions on: by Word's habit
/// and pandoc's, tables above and figures below, unless the document's own captions say
/// otherwise (more captions of that kind labelled with a table or figure only before them
/// than only after them).
#[derive(Debug, Clone, Copy, PartialEq)]
struct CaptionSides {
    tables_below: bool,
    figures_below: bool,
}

impl CaptionSides {
    fn of(paras: &[Para]) -> Self {
        let is = |p: Option<&Para>, figure: bool| {
            p.and_then(|p| p.block.as_ref()).is_some_and(|b| {
                if figure {
                    matches!(b, Block::Figure(_))
                } else {
                    matches!(b, Block::Table(_))
                }
            })
        };
        // (only before, only after) for tables, then for figures.
        let mut sides = [(0usize, 0usize); 2];
        for (i, p) in paras.iter().enumerate().filter(|(_, p)| p.role == Role::Caption) {
            let Some(kind) = split_label(&p.inlines).0.as_deref().and_then(kind_of) else { continue };
            let figure = kind == FloatKind::Figure;
            let before = is(i.checked_sub(1).and_then(|k| paras.get(k)), figure);
            let after = is(paras.get(i + 1), figure);
            let side = &mut sides[usize::from(figure)];
            match (before, after) {
                (true, false) => side.0 += 1,
                (false, true) => side.1 += 1,
                _ => {}
            }
        }
        CaptionSides { tables_below: sides[0].0 > sides[0].1, figures_below: sides[1].0 >= sides[1].1 }
    }
}

/// Attaches a caption or source line to the table or figure before it (`previous`) or
/// after it (`next`); gives the inlines back when neither takes them. A caption labelled
/// `Table …` goes to a table, `Figure …` to a figure, on the side the document prints
/// them ([`CaptionSides`]); an unlabelled one to the figure before it, else the table or
/// figure after it.
fn attach(
    inlines: Vec<Inline>,
    is_caption: bool,
    sides: CaptionSides,
    previous: Option<&mut Block>,
    next: Option<&mut Block>,
) -> Option<Vec<Inline>> {
    fn parts(b: &mut Block) -> Option<Captioned<'_>> {
        match b {
            Block::Table(t) => Some((&mut t.label, &mut t.caption, &mut t.source, false)),
            Block::Figure(f) => Some((&mut f.label, &mut f.caption, &mut f.source, true)),
            _ => None,
        }
    }
    let text = plain_text(&inlines);
    let mut previous = previous.and_then(parts);
    let mut next = next.and_then(parts);
    if is_source_line(&text) {
        if let Some((_, _, source @ None, _)) = previous.as_mut() {
            **source = Some(inlines);
            return None;
        }
    }
    if !is_caption {
        return Some(inlines);
    }
    let (label, caption) = split_label(&inlines);
    let empty =
        |p: &Option<Captioned<'_>>| p.as_ref().is_some_and(|(l, c, _, _)| l.is_none() && c.is_empty());
    let kind = label.as_deref().and_then(kind_of);
    let fits =
        |p: &Option<Captioned<'_>>, figure: bool| empty(p) && p.as_ref().is_some_and(|c| c.3 == figure);
    // By the label's kind, on the document's side; else (no label, or no such neighbour: a
    // table printed as an image) figures are captioned below, tables above, by Word's habit.
    let by_kind = kind.map(|kind| {
        let figure = kind == FloatKind::Figure;
        let below = if figure { sides.figures_below } else { sides.tables_below };
        match (fits(&previous, figure), fits(&next, figure)) {
            (true, true) if below => Some(true),
            (true, true) => Some(false),
            (true, false) => Some(true),
            (false, true) => Some(false),
            (false, false) => None,
        }
    });
    let target = match by_kind.flatten() {
        Some(true) => previous.as_mut(),
        Some(false) => next.as_mut(),
        None => match (&previous, &next) {
            (Some((_, _, _, true)), _) if empty(&previous) => previous.as_mut(),
            _ if empty(&next) => next.as_mut(),
            _ if empty(&previous) => previous.as_mut(),
            _ => None,
        },
    };
    match target {
        Some((l, c, _, _)) => {
            **l = label;
            **c = caption;
            None
        }
        None => Some(inlines),
    }
}

/// Builds lists from consecutive list paragraphs: a deeper level nests in the item before
/// it; a new numbering instance at the first level starts a new list.
fn lists(items: Vec<Para>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut rest = items.as_slice();
    while let Some(first) = rest.first() {
        let item = |p: &Para| p.list.clone().expect("list paragraphs");
        let base = item(first).level;
        let mut last = item(first);
        let end = rest
            .iter()
            .skip(1)
            .position(|p| {
                let l = item(p);
                if l.format.continuation {
                    return false;
                }
                if l.level < base {
                    return true;
                }
                if l.level > base {
                    return false;
                }
                // At the list's own level: another list, or a number that does not follow.
                let ends =
                    l.instance != last.instance || (l.format.style.is_some() && l.number != last.number + 1);
                last = l;
                ends
            })
            .map_or(rest.len(), |i| i + 1);
        out.push(one_list(&rest[..end], base));
        rest = &rest[end..];
    }
    out
}

fn one_list(items: &[Para], base: u8) -> Block {
    let first = items[0].list.as_ref().expect("list paragraphs");
    let numbering = first.format.numbering(first.number);
    let mut out: Vec<Vec<Block>> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let list = items[i].list.as_ref().expect("list paragraphs");
        if list.format.continuation && !out.is_empty() {
            // A paragraph (or quotation) that continues the item before it.
            let p = &items[i];
            let block = if p.role == Role::Quote {
                Block::Quote {
                    blocks: vec![Block::Paragraph { content: p.inlines.clone(), lang: p.lang.clone() }],
                    source: None,
                    lang: None,
                    epigraph: false,
                }
            } else {
                Block::Paragraph { content: p.inlines.clone(), lang: p.lang.clone() }
            };
            out.last_mut().expect("checked").push(block);
            i += 1;
            continue;
        }
        if list.level > base && !out.is_empty() {
            let end = items[i..]
                .iter()
                .position(|p| p.list.as_ref().is_some_and(|l| l.level <= base && !l.format.continuation))
                .map_or(items.len(), |k| i + k);
            let nested = lists(items[i..end].to_vec());
            out.last_mut().expect("checked").extend(nested);
            i = end;
            continue;
        }
        out.push(vec![Block::Paragraph { content: items[i].inlines.clone(), lang: items[i].lang.clone() }]);
        i += 1;
    }
    Block::List { numbering, items: out }
}

#[cfg(test)]
mod caption_tests {
    use super::*;
    use crate::model::{Cell, Column, Row, Table};

    fn table(text: &str) -> Para {
        let cell = Cell::new(vec![Block::paragraph(vec![Inline::text(text)])]);
        Para::of_block(Block::Table(Box::new(Table {
            columns: vec![Column::default()],
            body: vec![Row { cells: vec![cell] }],
            ..Table::default()
        })))
    }

    fn caption(text: &str) -> Para {
        Para {
            role: Role::Caption,
            inlines: vec![Inline::text(text)],
            block: None,
            in_table: false,
            ..table("")
        }
    }

    fn captions(blocks: &[Block]) -> Vec<(String, String)> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some((
                    plain_text(t.body[0].cells[0].blocks[0].content()),
                    t.label.clone().unwrap_or_default(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn tables_captioned_below_keep_their_own_captions() {
        let below =
            blocks(vec![table("a"), caption("Table 1. First"), table("b"), caption("Table 2. Second")]);
        assert_eq!(captions(&below), [("a".into(), "Table 1".into()), ("b".into(), "Table 2".into())]);
        // Word's habit, captions above, is unchanged.
        let above =
            blocks(vec![caption("Table 1. First"), table("a"), caption("Table 2. Second"), table("b")]);
        assert_eq!(captions(&above), [("a".into(), "Table 1".into()), ("b".into(), "Table 2".into())]);
    }
}
