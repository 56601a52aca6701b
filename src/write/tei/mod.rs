//! TEI P5 for archival deposit (`../shared/docs/TEI.md`): valid against `tei_all.rng`, the
//! printed text preserved in every element, notes inline where they are called, the
//! bibliography as `listBibl`, shelfmarks as `bibl type="archival"` with typed `idno`s, and a
//! full `teiHeader` that says "unknown" rather than invent.
//!
//! Notes are always written inline at the call: `<note place="foot">` for a footnote,
//! `<note place="end">` for an endnote (which the TEI reader reads back as one). TEI read with its notes
//! kept apart (endnotes in `<back><div type="notes">` called by `<ref>`/`<ptr>`, notes naming
//! an `<anchor>`) therefore changes form on TEI → model → TEI: the notes come back inline, at
//! the same calls with the same labels and text. Model → TEI → model gives the model back.
//!
//! Written with quick-xml's escaping writer only. Element-only parts of the document are
//! indented; mixed content (`p`, `note`, `bibl`, `head`, `title`) is never, so no whitespace
//! is added to the text.

mod events;
mod header;
mod inline;
mod tables;

use crate::diag::Diagnostic;
use crate::model::{Block, Document, FrontKind, FrontPart, LangTag, NoteKind};
use crate::plural::{is_are, plural, was_were};
use events::{Ev, Events};
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesPI, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::collections::{BTreeSet, HashSet};

/// What the TEI writer needs beyond the document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A user's `publicationStmt` template (`templates/tei-publicationStmt.xml`), with
    /// `{publisher}`, `{date}`, `{doi}`, `{licence}` and `{title}` placeholders.
    pub publication_template: Option<String>,
    /// The conversion date (`YYYY-MM-DD`, from `SOURCE_DATE_EPOCH`); never the clock.
    pub when: Option<String>,
}

/// State shared while writing: ids handed out, languages used, problems met.
pub struct Ctx {
    note_ids: HashSet<String>,
    /// Every language tag written, for `langUsage`.
    pub langs: BTreeSet<String>,
    /// Characters XML 1.0 forbids that were removed.
    pub removed_chars: usize,
    /// Parsed bibliography fields whose markup would not nest and was left out.
    pub unwritten_fields: usize,
    /// Date values written as no attribute: TEI's W3C types do not take them.
    pub unwritten_dates: usize,
    /// The document's images by media key, as the TEI points to them.
    pub media: std::collections::BTreeMap<String, tables::Placed>,
    /// Tables without rows, written as paragraphs (TEI's `<table>` needs a row).
    pub rowless_tables: usize,
    /// Tables whose column widths are not written (TEI has no column element).
    pub unwritten_widths: usize,
    /// Images the reader could not load, written with the source's `url` alone.
    pub unplaced_images: usize,
}

impl Ctx {
    fn new() -> Self {
        Ctx {
            note_ids: HashSet::new(),
            langs: BTreeSet::new(),
            removed_chars: 0,
            unwritten_fields: 0,
            unwritten_dates: 0,
            media: Default::default(),
            rowless_tables: 0,
            unwritten_widths: 0,
            unplaced_images: 0,
        }
    }

    /// Removes the characters XML 1.0 forbids (C0 controls but tab, line feed and carriage
    /// return; U+FFFE, U+FFFF), counting them.
    pub fn clean(&mut self, s: &str) -> String {
        let bad =
            |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}');
        let n = s.chars().filter(|&c| bad(c)).count();
        if n == 0 {
            return s.to_string();
        }
        self.removed_chars += n;
        s.chars().filter(|&c| !bad(c)).collect()
    }

    /// Returns a unique NCName id for a note: `fn14`, `fn14-2` for a repeated label,
    /// `fn-3` (its position) for a label that is not a plain name; `en` instead of `fn` for
    /// an endnote (endnotes number apart, so endnote 3 and footnote 3 both exist).
    pub fn note_id(&mut self, kind: NoteKind, label: &str) -> String {
        let prefix = match kind {
            NoteKind::Foot => "fn",
            NoteKind::End => "en",
        };
        let safe = !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric());
        let base =
            if safe { format!("{prefix}{label}") } else { format!("{prefix}-{}", self.note_ids.len() + 1) };
        let mut id = base.clone();
        let mut k = 2;
        while self.note_ids.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        self.note_ids.insert(id.clone());
        id
    }

    /// The `xml:id` of an archive's `org` (`org-rgaspi`).
    pub fn org_id(&self, id: &str) -> String {
        format!("org-{id}")
    }
}

/// Writes `doc` as TEI; returns the XML and what had to be reported.
pub fn write(doc: &Document, opts: &Options) -> (String, Vec<Diagnostic>) {
    let mut ctx = Ctx::new();
    ctx.media = doc
        .media
        .iter()
        .map(|(key, m)| {
            let href = crate::write::media_href(doc, key);
            (
                key.clone(),
                tables::Placed { href, mime: m.kind.media_type(), width: m.width, height: m.height },
            )
        })
        .collect();
    // The body, back and front are rendered first: they decide the ids and languages the
    // header lists.
    let front = front(&mut ctx, doc);
    let body = body(&mut ctx, doc);
    let back = back(&mut ctx, doc);
    for l in doc_langs(doc) {
        ctx.langs.insert(l);
    }

    let mut w = Writer::new(Vec::new());
    let xml = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        nl(&mut w, 0)?;
        w.write_event(Event::PI(BytesPI::new(
            "xml-model href=\"https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"",
        )))?;
        nl(&mut w, 0)?;
        let mut tei = BytesStart::new("TEI");
        tei.push_attribute(("xmlns", "http://www.tei-c.org/ns/1.0"));
        if let Some(l) = &doc.meta.lang {
            tei.push_attribute(("xml:lang", l.as_str()));
        }
        w.write_event(Event::Start(tei))?;
        header::write(&mut w, &mut ctx, doc, opts)?;
        nl(&mut w, 1)?;
        w.write_event(Event::Start(BytesStart::new("text")))?;
        for (name, evs) in [("front", &front), ("body", &body), ("back", &back)] {
            if let Some(evs) = evs {
                nl(&mut w, 2)?;
                w.write_event(Event::Start(BytesStart::new(name)))?;
                write_events(&mut w, &evs.evs, 3)?;
                nl(&mut w, 2)?;
                w.write_event(Event::End(BytesEnd::new(name)))?;
            }
        }
        nl(&mut w, 1)?;
        w.write_event(Event::End(BytesEnd::new("text")))?;
        nl(&mut w, 0)?;
        w.write_event(Event::End(BytesEnd::new("TEI")))?;
        nl(&mut w, 0)
    })();
    xml.expect("writing to memory cannot fail");
    // Attribute values (a note's label, a metadata key) are written as given: what XML
    // forbids there is removed from the whole file here, and counted (issue 23).
    let mut bytes = w.into_inner();
    if bytes.iter().any(|&b| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'))
        || bytes.windows(3).any(|t| t == [0xEF, 0xBF, 0xBE] || t == [0xEF, 0xBF, 0xBF])
    {
        let text = String::from_utf8(bytes).expect("the writer writes UTF-8");
        ctx.removed_chars += text.chars().filter(|&c| crate::write::docx::xml::forbidden(c)).count();
        bytes =
            text.chars().filter(|&c| !crate::write::docx::xml::forbidden(c)).collect::<String>().into_bytes();
    }
    // One diagnostic for each kind of thing the TEI could not hold as given, with its count.
    type Make = fn(&'static str, u32, String) -> Diagnostic;
    // (count, severity, code, counted noun, the rest: `{is}`/`{was}` agree with the count).
    let counted: [(usize, Make, &'static str, &str, &str); 6] = [
        (
            ctx.removed_chars,
            Diagnostic::warning,
            "xml-forbidden-char",
            "character",
            "that XML 1.0 forbids (control characters) {was} removed from the TEI",
        ),
        (
            ctx.unwritten_fields,
            Diagnostic::info,
            "tei-field-not-nested",
            "parsed bibliography field",
            "{is} left untagged in the TEI: tagging would cross other markup (the text is kept)",
        ),
        (
            ctx.unwritten_dates,
            Diagnostic::warning,
            "tei-date-value-dropped",
            "date value",
            "{is} left out of the TEI, which takes only W3C dates and intervals (`1919-05-14`, `1918/1920`); the text of the dates is kept",
        ),
        (
            ctx.rowless_tables,
            Diagnostic::warning,
            "tei-table-without-rows",
            "table",
            "without rows {is} written as paragraphs (a TEI <table> needs a row)",
        ),
        (
            ctx.unwritten_widths,
            Diagnostic::info,
            "tei-column-widths",
            "table",
            "with column widths {is} written without them (TEI has no column element); the cells are kept",
        ),
        (
            ctx.unplaced_images,
            Diagnostic::warning,
            "tei-image-not-loaded",
            "image",
            "that could not be loaded {is} pointed to at the source's own file (`url`), without size",
        ),
    ];
    let diags = counted
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, make, code, noun, rest)| {
            let rest = rest.replace("{is}", is_are(n)).replace("{was}", was_were(n));
            make(code, 0, format!("{} {rest}", plural(n, noun)))
        })
        .collect();
    (String::from_utf8(bytes).expect("the writer writes UTF-8"), diags)
}

/// Languages of the metadata (titles, abstracts, keywords, archive names, the document).
fn doc_langs(doc: &Document) -> Vec<String> {
    let m = &doc.meta;
    let tags: Vec<&LangTag> = m
        .lang
        .iter()
        .chain(m.titles.iter().filter_map(|t| t.lang.as_ref()))
        .chain(m.abstracts.iter().filter_map(|a| a.lang.as_ref()))
        .chain(m.keywords.iter().filter_map(|k| k.lang.as_ref()))
        .chain(doc.back.archives.iter().flat_map(|a| a.names.iter().filter_map(|n| n.lang.as_ref())))
        .collect();
    tags.into_iter().map(|t| t.to_string()).collect()
}

/// Writes a line break and indentation, for element-only content.
pub(crate) fn nl(w: &mut Writer<Vec<u8>>, depth: usize) -> std::io::Result<()> {
    w.get_mut().push(b'\n');
    w.get_mut().extend(std::iter::repeat_n(b' ', depth * 2));
    Ok(())
}

/// Elements whose content is element-only, so indentation may go between their children.
const STRUCTURAL: &[&str] =
    &["div", "listBibl", "listOrg", "org", "list", "floatingText", "body", "table", "row", "figure"];

/// Writes events; children of structural elements go on their own indented lines.
fn write_events(w: &mut Writer<Vec<u8>>, evs: &[Ev], depth: usize) -> std::io::Result<()> {
    let mut stack: Vec<&'static str> = Vec::new();
    let structural = |stack: &[&'static str]| stack.last().is_none_or(|n| STRUCTURAL.contains(n));
    let mut evs = evs.iter().peekable();
    while let Some(e) = evs.next() {
        match e {
            Ev::Start(name, attrs) => {
                if structural(&stack) {
                    nl(w, depth + stack.len())?;
                }
                let mut s = BytesStart::new(*name);
                for (k, v) in attrs {
                    s.push_attribute((*k, v.as_str()));
                }
                // An element with nothing in it (`<pb n="47"/>`) is written empty.
                if evs.next_if(|next| matches!(next, Ev::End)).is_some() {
                    w.write_event(Event::Empty(s))?;
                    continue;
                }
                w.write_event(Event::Start(s))?;
                stack.push(name);
            }
            Ev::End => {
                let name = stack.pop().expect("events are balanced");
                if STRUCTURAL.contains(&name) {
                    nl(w, depth + stack.len())?;
                }
                w.write_event(Event::End(BytesEnd::new(name)))?;
            }
            Ev::Text(t) => w.write_event(Event::Text(BytesText::from_escaped(partial_escape(t))))?,
            Ev::Comment(c) => {
                if structural(&stack) {
                    nl(w, depth + stack.len())?;
                }
                w.write_event(Event::Comment(BytesText::from_escaped(c.as_str())))?
            }
        }
    }
    Ok(())
}

/// Opens a `<div type="…">` of `<front>` with its language and, when printed, its `<head>`.
fn open_front_div(ctx: &mut Ctx, ev: &mut Events, kind: &str, lang: Option<&LangTag>, heading: Option<&str>) {
    let mut attrs = vec![("type", kind.to_string())];
    if let Some(l) = lang {
        attrs.push(("xml:lang", l.to_string()));
    }
    ev.start("div", attrs);
    if let Some(h) = heading {
        let h = ctx.clean(h);
        ev.wrap("head", vec![], &h);
    }
}

/// `<front>`: the front-matter divisions in printed order, then the printed abstracts and
/// keyword lists, each with its language.
///
/// Every division is a `<div type="…">` (`titlePage`, `dedication`, `preface`,
/// `acknowledgements`, `errata`, or the source's own name), its first heading the `<head>`.
/// A title page too: the model keeps its lines as paragraphs without saying which is the
/// title, the author or the imprint, and `<titlePage>` would have to claim one
/// (`titlePart`, `byline`, `docImprint`) for each; a typed `<div>` of `<p>`s says only
/// what is known, is valid wherever a title page stands, and reads back to the same part.
fn front(ctx: &mut Ctx, doc: &Document) -> Option<Events> {
    let m = &doc.meta;
    if m.abstracts.is_empty() && m.keywords.is_empty() && doc.front.is_empty() {
        return None;
    }
    let mut ev = Events::default();
    for part in &doc.front {
        front_part(ctx, &mut ev, part);
    }
    for a in &m.abstracts {
        open_front_div(ctx, &mut ev, "abstract", a.lang.as_ref(), a.heading.as_deref());
        for b in &a.content {
            inline::block(ctx, &mut ev, b);
        }
        ev.end();
    }
    for k in &m.keywords {
        open_front_div(ctx, &mut ev, "keywords", k.lang.as_ref(), k.heading.as_deref());
        ev.start("list", vec![]);
        for t in &k.terms {
            let t = ctx.clean(t);
            ev.wrap("item", vec![], &t);
        }
        ev.end();
        ev.end();
    }
    Some(ev)
}

/// The `@type` a front division is written with.
fn front_type(part: &FrontPart) -> Option<String> {
    Some(
        match part.kind {
            FrontKind::TitlePage => "titlePage",
            FrontKind::Dedication => "dedication",
            FrontKind::Preface => "preface",
            FrontKind::Acknowledgements => "acknowledgements",
            FrontKind::Errata => "errata",
            FrontKind::Other => return part.name.clone(),
        }
        .to_string(),
    )
}

/// One front division: `<div type="…">`, its first heading the `<head>`, deeper headings
/// opening divisions inside it.
fn front_part(ctx: &mut Ctx, ev: &mut Events, part: &FrontPart) {
    let attrs = front_type(part).map(|t| vec![("type", ctx.clean(&t))]).unwrap_or_default();
    ev.start("div", attrs);
    let mut blocks = part.blocks.as_slice();
    if let Some((Block::Heading { level: 1, content }, rest)) = blocks.split_first() {
        ev.start("head", vec![]);
        inline::inlines(ctx, ev, content);
        ev.end();
        blocks = rest;
    }
    sectioned(ctx, ev, blocks, 1);
    if part.blocks.is_empty() {
        ev.start("p", vec![]);
        ev.end();
    }
    ev.end();
}

/// `<body>`: paragraphs, with headings opening nested `div`s whose depth is the level.
fn body(ctx: &mut Ctx, doc: &Document) -> Option<Events> {
    let mut ev = Events::default();
    sectioned(ctx, &mut ev, &doc.body, 0);
    if ev.evs.is_empty() {
        ev.start("p", vec![]);
        ev.end();
    }
    Some(ev)
}

/// Blocks written inside an element `base` divisions deep (the body, a front division, an
/// embedded text's body): a heading of level `n` opens a `<div>` `n` deep with its `<head>`;
/// one that cannot (its level not below `base`'s) is a `<p rend="heading">`.
pub(crate) fn sectioned(ctx: &mut Ctx, ev: &mut Events, blocks: &[Block], base: usize) {
    let mut depth = base;
    // Whether only headings (and epigraphs) stand before `b` in its division.
    let mut at_top = true;
    for b in blocks {
        match b {
            Block::Quote { epigraph: true, .. } if at_top => inline::epigraph(ctx, ev, b),
            Block::Heading { level, content } if usize::from(*level) > base => {
                let level = usize::from(*level);
                while depth >= level {
                    ev.end();
                    depth -= 1;
                }
                while depth < level {
                    ev.start("div", vec![]);
                    depth += 1;
                }
                ev.start("head", vec![]);
                inline::inlines(ctx, ev, content);
                ev.end();
                at_top = true;
                continue;
            }
            other => inline::block(ctx, ev, other),
        }
        at_top = matches!(b, Block::Quote { epigraph: true, .. }) && at_top;
    }
    for _ in base..depth {
        ev.end();
    }
}

/// `<back>`: the reference list as printed, then the archives named.
fn back(ctx: &mut Ctx, doc: &Document) -> Option<Events> {
    let bib = doc.back.bibliography.as_ref();
    if bib.is_none() && doc.back.archives.is_empty() {
        return None;
    }
    let mut ev = Events::default();
    ev.start("div", vec![("type", "bibliography".into())]);
    if let Some(b) = bib {
        let h = ctx.clean(&b.heading);
        ev.wrap("head", vec![], &h);
        if !b.entries.is_empty() {
            ev.start("listBibl", vec![]);
            let width = b.entries.len().to_string().len().max(2);
            // A part is a nested `listBibl` under its `head`; entries before the first part
            // stand in the outer list directly.
            for group in b.groups() {
                if let Some(heading) = group.heading {
                    ev.start("listBibl", vec![]);
                    let h = ctx.clean(heading);
                    ev.wrap("head", vec![], &h);
                }
                for (i, e) in group.entries.iter().enumerate() {
                    let id = match e.key.as_deref().and_then(inline::citekey_id) {
                        Some(key) => key.to_string(),
                        None => format!("bib-{:0width$}", group.first + i + 1),
                    };
                    inline::entry(ctx, &mut ev, e, &id);
                }
                if group.heading.is_some() {
                    ev.end();
                }
            }
            ev.end();
        }
    }
    if !doc.back.archives.is_empty() {
        ev.start("listOrg", vec![("type", "archives".into())]);
        for a in &doc.back.archives {
            let id = ctx.org_id(&a.id);
            ev.start("org", vec![("xml:id", id)]);
            for n in &a.names {
                let mut attrs = vec![("type", "full".to_string())];
                if let Some(l) = &n.lang {
                    attrs.push(("xml:lang", l.to_string()));
                }
                let t = ctx.clean(&n.text);
                ev.wrap("orgName", attrs, &t);
            }
            for acr in &a.acronyms {
                let t = ctx.clean(acr);
                ev.wrap("orgName", vec![("type", "abbr".into())], &t);
            }
            if let Some(p) = &a.place {
                let t = ctx.clean(p);
                ev.wrap("placeName", vec![], &t);
            }
            if let Some(c) = &a.country {
                ev.wrap("country", vec![("key", c.clone())], c);
            }
            if let Some(n) = &a.note {
                let t = ctx.clean(n);
                ev.wrap("note", vec![], &t);
            }
            ev.end();
        }
        ev.end();
    }
    ev.end();
    Some(ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BibEntry, BibPart, Bibliography};

    fn entry(text: &str) -> BibEntry {
        BibEntry::plain(text)
    }

    /// A front division's first heading is its `<head>`, a deeper one opens a division in
    /// it; an embedded text's headings open divisions of its own body.
    #[test]
    fn front_divisions_and_embedded_texts_have_heads() {
        use crate::model::{FrontKind, FrontPart, Inline};
        let h = |level, s: &str| Block::Heading { level, content: vec![Inline::text(s)] };
        let p = |s: &str| Block::paragraph(vec![Inline::text(s)]);
        let mut doc = Document::new();
        doc.front.push(FrontPart {
            kind: FrontKind::Other,
            name: Some("motto".into()),
            blocks: vec![h(1, "Motto"), p("A."), h(2, "More"), p("B.")],
        });
        doc.body.push(Block::EmbeddedText {
            kind: Some("letter".into()),
            lang: None,
            blocks: vec![h(1, "Dear"), p("C.")],
        });
        let (xml, _) = write(&doc, &Options::default());
        let squashed: String = xml.split_whitespace().collect::<Vec<_>>().join("");
        assert!(
            squashed.contains("<front><divtype=\"motto\"><head>Motto</head><p>A.</p><div><head>More</head><p>B.</p></div></div></front>"),
            "{xml}"
        );
        assert!(
            squashed.contains("<floatingTexttype=\"letter\"><body><div><head>Dear</head><p>C.</p></div></body></floatingText>"),
            "{xml}"
        );
    }

    /// Each part a nested `listBibl` under its `head`; unheaded entries stay in the outer
    /// list; entry ids run on across the parts.
    #[test]
    fn parts_are_nested_lists_under_their_heads() {
        let mut doc = Document::new();
        let mut bib = Bibliography::new("Bibliography", vec![entry("A."), entry("B."), entry("C.")]);
        bib.parts = vec![BibPart { heading: "Archival & sources".into(), start: 1 }];
        doc.back.bibliography = Some(bib);
        let (xml, _) = write(&doc, &Options { publication_template: None, when: None });
        let back = &xml[xml.find("<back>").unwrap()..];
        let squashed: String = back.split_whitespace().collect::<Vec<_>>().join("");
        assert!(
            squashed.contains(
                "<listBibl><biblxml:id=\"bib-01\">A.</bibl><listBibl><head>Archival&amp;sources</head>\
                 <biblxml:id=\"bib-02\">B.</bibl><biblxml:id=\"bib-03\">C.</bibl></listBibl></listBibl>"
            ),
            "{back}"
        );
    }
}
