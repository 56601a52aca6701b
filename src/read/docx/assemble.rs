//! Paragraphs grouped into the model: headings, lists, quotations, code, definition lists;
//! the title, authors, abstracts and keywords into the metadata; the reference list (under
//! a references heading, in `Bibliography` style, or in a bibliography field) into the
//! back matter, headed sub-lists as its parts.

use super::paragraphs::Para;
use super::styles::Role;
use crate::model::{
    plain_text, Abstract, Author, BibEntry, BibPart, Bibliography, Block, Definition, Document, Inline,
    KeywordList, LangTag, Title,
};
use crate::read::text::lexicon::{
    heading_key, is_reference_heading, lookup, split_inline_heading, ABSTRACT_HEADINGS, KEYWORD_HEADINGS,
};

/// Builds the document from the body's paragraphs.
pub(super) fn document(paras: Vec<Para>) -> Document {
    let mut doc = Document::new();
    let mut flow: Vec<Para> = Vec::new();
    let mut bib: Option<(Bibliography, u8)> = None;
    let mut abstract_open: Option<Abstract> = None;
    let mut seen_heading = false;
    let paras = carry_page_breaks(paras);
    for p in paras {
        let text = plain_text(&p.inlines);
        let before_body = flow.is_empty() && !seen_heading;
        // The front: title, subtitle, authors, date, abstracts, keywords.
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
                close_abstract(&mut doc, &mut abstract_open);
                abstract_open = Some(Abstract {
                    lang: p.lang.clone(),
                    heading: Some(text.trim().to_string()),
                    content: Vec::new(),
                });
                continue;
            }
            Role::Abstract => {
                let open = abstract_open.get_or_insert_with(|| Abstract {
                    lang: p.lang.clone(),
                    heading: None,
                    content: Vec::new(),
                });
                open.content.push(Block::Paragraph { content: p.inlines, lang: p.lang });
                continue;
            }
            _ => {}
        }
        if let Role::Heading(level) = p.role {
            close_abstract(&mut doc, &mut abstract_open);
            if let Some((b, bib_level)) = bib.as_mut() {
                if level > *bib_level {
                    if !text.trim().is_empty() {
                        b.parts.push(BibPart { heading: text.trim().to_string(), start: b.entries.len() });
                    }
                    continue;
                }
                finish_bibliography(&mut doc, &mut bib);
            }
            if is_reference_heading(&text) && doc.back.bibliography.is_none() {
                bib = Some((Bibliography::new(text.trim(), Vec::new()), level));
                continue;
            }
            if let Some(lang) = lookup(ABSTRACT_HEADINGS, &heading_key(&text)) {
                let lang = p.lang.clone().or_else(|| LangTag::parse(lang).ok());
                abstract_open =
                    Some(Abstract { lang, heading: Some(text.trim().to_string()), content: Vec::new() });
                continue;
            }
            seen_heading = true;
        } else if let Some(open) = abstract_open.as_mut() {
            if !p.in_bibliography && !matches!(p.role, Role::Bibliography) && p.list.is_none() {
                open.content.push(Block::Paragraph { content: p.inlines, lang: p.lang });
                continue;
            }
        }
        if !seen_heading && p.list.is_none() && !p.in_table && text.chars().count() < 600 {
            if let Some((head, lang, rest)) = split_inline_heading(KEYWORD_HEADINGS, text.trim()) {
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
        // The reference list.
        let entry = bib.is_some() || p.in_bibliography || p.role == Role::Bibliography;
        if entry && !matches!(p.role, Role::Heading(_)) {
            if text.trim().is_empty() {
                continue;
            }
            let b = &mut bib.get_or_insert_with(|| (Bibliography::new(last_heading(&flow), Vec::new()), 1)).0;
            b.entries.push(entry_of(p));
            continue;
        }
        flow.push(p);
    }
    close_abstract(&mut doc, &mut abstract_open);
    finish_bibliography(&mut doc, &mut bib);
    doc.body = blocks(flow);
    doc
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

fn close_abstract(doc: &mut Document, open: &mut Option<Abstract>) {
    if let Some(a) = open.take().filter(|a| !a.content.is_empty()) {
        doc.meta.abstracts.push(a);
    }
}

fn finish_bibliography(doc: &mut Document, bib: &mut Option<(Bibliography, u8)>) {
    if let Some((mut b, _)) = bib.take() {
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
}

/// A reference list paragraph as an entry: a list number is its label.
fn entry_of(p: Para) -> BibEntry {
    let raw = plain_text(&p.inlines);
    BibEntry {
        label: p.list.as_ref().and_then(|l| l.format.style.map(|s| s.numeral(l.number))),
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
    let mut out = Vec::new();
    let mut iter = paras.into_iter().peekable();
    while let Some(p) = iter.next() {
        if p.inlines.is_empty() {
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

/// Builds lists from consecutive list paragraphs: a deeper level nests in the item before
/// it; a new numbering instance at the first level starts a new list.
fn lists(items: Vec<Para>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut rest = items.as_slice();
    while let Some(first) = rest.first() {
        let base = first.list.as_ref().map_or(0, |l| l.level);
        let instance = first.list.as_ref().map(|l| l.instance.clone());
        let end = rest
            .iter()
            .skip(1)
            .position(|p| {
                let l = p.list.as_ref().expect("list paragraphs");
                l.level < base || (l.level == base && Some(&l.instance) != instance.as_ref())
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
        let level = items[i].list.as_ref().map_or(base, |l| l.level);
        if level > base && !out.is_empty() {
            let end = items[i..]
                .iter()
                .position(|p| p.list.as_ref().map_or(base, |l| l.level) <= base)
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
