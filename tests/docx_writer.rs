//! The DOCX writer (issue 19): the package is a ZIP with the right content types and
//! well-formed parts; footnotes and endnotes are Word's own, one per model note, with their
//! labels; `w:lang` is on the runs of every language the model knows; and pandoc 3.9, read
//! as an independent DOCX reader (`pandoc -f docx -t json`), finds the same notes with the
//! same texts, the same headings and the same list items (with their printed start and
//! numeral style) as the model holds.
mod common;
use colophon::model::{
    Anchor, BibEntry, Bibliography, Block, Document, Inline, LangTag, Note, NoteKind, NumberStyle,
};
use colophon::{Format, Resources};
use common::*;
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap_or_else(|e| panic!("{}: {e}", path.display())).0
}

fn docx(doc: &Document) -> Vec<u8> {
    colophon::write(doc, Format::Docx, &Resources::builtin()).unwrap().0
}

/// Every XML part of the package by name, in ZIP order.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the DOCX is a ZIP archive");
    (0..z.len())
        .filter_map(|i| {
            let mut f = z.by_index(i).unwrap();
            // Images are binary; the XML parts are what is checked here.
            if f.name().starts_with("word/media/") {
                return None;
            }
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            Some((f.name().to_string(), s))
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts.iter().find(|(n, _)| n == name).map(|(_, s)| s.as_str()).unwrap_or_else(|| panic!("no part {name}"))
}

/// Checks that `xml` is well-formed (quick-xml checks end names).
fn well_formed(name: &str, xml: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    let mut depth = 0i32;
    loop {
        match r.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
        }
    }
    assert_eq!(depth, 0, "{name}: unbalanced");
}

/// The package checks every DOCX must pass: a ZIP whose first entry is the content types,
/// an override with the right type for every part, a relationship for each, well-formed XML.
fn check_package(bytes: &[u8]) -> Vec<(String, String)> {
    let p = parts(bytes);
    assert_eq!(p[0].0, "[Content_Types].xml", "the content types come first");
    let types = part(&p, "[Content_Types].xml");
    for (name, ct) in [
        (
            "word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        ("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
        ("word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
        (
            "word/footnotes.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        ),
        ("word/endnotes.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"),
        ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ] {
        assert!(
            types.contains(&format!("<Override PartName=\"/{name}\" ContentType=\"{ct}\"/>")),
            "{name}: {types}"
        );
    }
    assert!(types.contains("Extension=\"rels\""));
    if p.iter().any(|(n, _)| n == "word/numbering.xml") {
        assert!(types.contains("numbering+xml"));
        assert!(part(&p, "word/_rels/document.xml.rels").contains("Target=\"numbering.xml\""));
    }
    for (name, xml) in &p {
        well_formed(name, xml);
        if let Some(ct) = name.strip_prefix("docProps/").or(name.strip_prefix("word/")) {
            if !name.contains("_rels") {
                assert!(types.contains(&format!("PartName=\"/{name}\"")), "{ct} has no content type");
            }
        }
    }
    p
}

/// The notes of `doc` as the DOCX holds them: everything a writer meets, in its order.
fn model_notes(doc: &Document) -> Vec<&Note> {
    fn inl<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Note>) {
        for i in inlines {
            match i {
                Inline::Note(n) => out.push(n),
                other => inl(other.children(), out),
            }
        }
    }
    let mut out = Vec::new();
    for a in &doc.meta.abstracts {
        a.content.iter().for_each(|b| b.collect_notes(&mut out));
    }
    out.extend(doc.notes());
    if let Some(b) = &doc.back.bibliography {
        b.entries.iter().for_each(|e| inl(&e.content, &mut out));
    }
    out
}

/// The text a reader sees of inlines: notes inside as `[label: text]`, formulas as TeX
/// between dollars, line breaks as spaces, quotations between their marks.
fn shown(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Shelfmark(m) => out.push_str(&m.raw),
            Inline::LineBreak => out.push(' '),
            Inline::Math { tex, display: false } => out.push_str(&format!("${tex}$")),
            Inline::Math { tex, display: true } => out.push_str(&format!("$${tex}$$")),
            Inline::Note(n) => {
                let mut t = String::new();
                shown_blocks(&n.content, &mut t);
                out.push_str(&format!("[{}: {}]", n.label, t.trim()));
            }
            Inline::PageBreak { .. } => {}
            // The fixtures are in English: its marks.
            Inline::Quoted { style, content } => {
                let (open, close) = colophon::write::quote_marks::marks(None, *style);
                out.push_str(open);
                shown(content, out);
                out.push_str(close);
            }
            other => shown(other.children(), out),
        }
    }
}

fn shown_blocks(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => shown(content, out),
            Block::Quote { blocks, source, .. } => {
                shown_blocks(blocks, out);
                if let Some(s) = source {
                    out.push_str(" — ");
                    shown(s, out);
                }
            }
            Block::List { items, .. } => items.iter().for_each(|i| shown_blocks(i, out)),
            Block::DefinitionList { items } => {
                for d in items {
                    shown(&d.term, out);
                    out.push(' ');
                    d.details.iter().for_each(|x| shown_blocks(x, out));
                }
            }
            Block::CodeBlock { text, .. } => out.push_str(text),
            Block::SectionBreak => out.push_str("* * *"),
            Block::LineBlock { lines } => lines.iter().for_each(|l| {
                shown(l, out);
                out.push(' ');
            }),
            Block::EmbeddedText { blocks, .. } => shown_blocks(blocks, out),
            Block::Table(_) | Block::Figure(_) => {
                shown_blocks(&colophon::write::degrade::table_or_figure_blocks(b), out)
            }
        }
        out.push(' ');
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What pandoc reads of a DOCX: note texts, heading texts, list shapes.
#[derive(Debug, Default)]
struct Reading {
    notes: Vec<String>,
    headings: Vec<String>,
    /// Per list, in reading order: (items, start, numeral style) — start 0 for bullets.
    lists: Vec<(usize, u64, String)>,
}

fn pandoc_text(v: &Value, out: &mut String) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| pandoc_text(x, out)),
        Value::Object(o) => match o.get("t").and_then(Value::as_str) {
            Some("Str") => out.push_str(o["c"].as_str().unwrap_or("")),
            Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
            Some("Code") => out.push_str(o["c"][1].as_str().unwrap_or("")),
            Some("CodeBlock") => {
                out.push_str(o["c"][1].as_str().unwrap_or(""));
                out.push(' ');
            }
            Some("Note") => {}
            Some("Para" | "Plain" | "Header") => {
                if let Some(c) = o.get("c") {
                    pandoc_text(c, out);
                }
                out.push(' ');
            }
            _ => {
                if let Some(c) = o.get("c") {
                    pandoc_text(c, out);
                }
            }
        },
        _ => {}
    }
}

fn pandoc_walk(v: &Value, r: &mut Reading) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| pandoc_walk(x, r)),
        Value::Object(o) => {
            match o.get("t").and_then(Value::as_str) {
                Some("Note") => {
                    let mut t = String::new();
                    pandoc_text(&o["c"], &mut t);
                    r.notes.push(squash(&t));
                }
                Some("Header") => {
                    let mut t = String::new();
                    pandoc_text(&o["c"][2], &mut t);
                    r.headings.push(squash(&t));
                }
                Some("BulletList") => {
                    r.lists.push((o["c"].as_array().map_or(0, Vec::len), 0, "Bullet".into()))
                }
                Some("OrderedList") => {
                    let attrs = &o["c"][0];
                    let items = o["c"][1].as_array().map_or(0, Vec::len);
                    let style = attrs[1]["t"].as_str().unwrap_or("").to_string();
                    r.lists.push((items, attrs[0].as_u64().unwrap_or(0), style));
                }
                _ => {}
            }
            if let Some(c) = o.get("c") {
                pandoc_walk(c, r);
            }
        }
        _ => {}
    }
}

/// pandoc's reading of the DOCX bytes, or `None` (after a loud skip) without pandoc 3.
fn pandoc_reading(bytes: &[u8]) -> Option<Reading> {
    let pandoc = pandoc()?;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.docx");
    std::fs::write(&path, bytes).unwrap();
    let o = Command::new(pandoc).args(["-f", "docx", "-t", "json"]).arg(&path).output().unwrap();
    assert!(o.status.success(), "pandoc could not read the DOCX: {}", String::from_utf8_lossy(&o.stderr));
    let ast: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut r = Reading::default();
    pandoc_walk(&ast["blocks"], &mut r);
    Some(r)
}

/// The headings the DOCX has as Word headings: the body's, front parts', embedded texts'
/// (notes' headings are bold text), the bibliography's heading and its parts'.
fn model_headings(doc: &Document) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Heading { content, .. } => {
                    let mut s = String::new();
                    shown(content, &mut s);
                    out.push(squash(&s));
                }
                other => {
                    let kids: Vec<Block> = other.children().into_iter().cloned().collect();
                    walk(&kids, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for p in &doc.front {
        walk(&p.blocks, &mut out);
    }
    walk(&doc.body, &mut out);
    if let Some(b) = &doc.back.bibliography {
        out.push(squash(&b.heading));
        out.extend(b.groups().iter().filter_map(|g| g.heading.map(squash)));
    }
    out
}

/// A list of the model: (items, start, pandoc's numeral style name), and whether every
/// item is one paragraph, with nested lists after it at most.
type ListShape = ((usize, u64, String), bool);

fn list_shapes(blocks: &[Block], out: &mut Vec<ListShape>) {
    for b in blocks {
        if let Block::List { numbering, items } = b {
            let (start, style) = match numbering {
                None => (0, "Bullet"),
                Some(n) => (
                    u64::from(n.start),
                    match n.style {
                        NumberStyle::Decimal => "Decimal",
                        NumberStyle::LowerAlpha => "LowerAlpha",
                        NumberStyle::UpperAlpha => "UpperAlpha",
                        NumberStyle::LowerRoman => "LowerRoman",
                        NumberStyle::UpperRoman => "UpperRoman",
                    },
                ),
            };
            let simple = items.iter().all(|i| {
                matches!(i.first(), Some(Block::Paragraph { .. }))
                    && i[1..].iter().all(|b| matches!(b, Block::List { .. }))
            });
            out.push(((items.len(), start, style.into()), simple));
        }
        let kids: Vec<Block> = b.children().into_iter().cloned().collect();
        list_shapes(&kids, out);
    }
}

/// Every list of the model, in the body and in notes, as (items, start, style).
fn all_lists(doc: &Document) -> Vec<(usize, u64, String)> {
    let mut out = Vec::new();
    for a in &doc.meta.abstracts {
        list_shapes(&a.content, &mut out);
    }
    for p in &doc.front {
        list_shapes(&p.blocks, &mut out);
    }
    list_shapes(&doc.body, &mut out);
    for n in model_notes(doc) {
        list_shapes(&n.content, &mut out);
    }
    out.into_iter().map(|(l, _)| l).collect()
}

/// The lists the DOCX numbers: for each `w:numId`, how many paragraphs it numbers, with the
/// start and format of the level they are at (from numbering.xml).
fn docx_lists(p: &[(String, String)]) -> Vec<(usize, u64, String)> {
    let text: String =
        ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"].iter().map(|n| part(p, n)).collect();
    let Some(numbering) = p.iter().find(|(n, _)| n == "word/numbering.xml").map(|(_, s)| s.as_str()) else {
        return Vec::new();
    };
    let mut counts: BTreeMap<u64, (usize, u64)> = BTreeMap::new();
    for numpr in text.split("<w:numPr>").skip(1) {
        let lvl: u64 =
            numpr.split("<w:ilvl w:val=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let id: u64 =
            numpr.split("<w:numId w:val=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let e = counts.entry(id).or_insert((0, lvl));
        e.0 += 1;
    }
    let abs: Vec<&str> = numbering.split("<w:abstractNum ").skip(1).collect();
    counts
        .into_iter()
        .map(|(id, (n, lvl))| {
            let a = abs[usize::try_from(id - 1).unwrap()];
            let level = a.split("<w:lvl ").nth(usize::try_from(lvl + 1).unwrap()).unwrap();
            let val = |tag: &str| {
                level.split(&format!("<{tag} w:val=\"")).nth(1).unwrap().split('"').next().unwrap()
            };
            let fmt = match val("w:numFmt") {
                "bullet" => "Bullet",
                "decimal" => "Decimal",
                "lowerLetter" => "LowerAlpha",
                "upperLetter" => "UpperAlpha",
                "lowerRoman" => "LowerRoman",
                "upperRoman" => "UpperRoman",
                other => panic!("numFmt {other}"),
            };
            let start = if fmt == "Bullet" { 0 } else { val("w:start").parse().unwrap() };
            (n, start, fmt.to_string())
        })
        .collect()
}

/// The DOCX of `doc` checked as a package, by its note parts, and by pandoc.
fn check_doc(name: &str, doc: &Document) {
    let bytes = docx(doc);
    let p = check_package(&bytes);
    let notes = model_notes(doc);
    let feet = notes.iter().filter(|n| n.kind == NoteKind::Foot).count();
    let ends = notes.len() - feet;
    // Two separators in each part, then one element per note.
    assert_eq!(part(&p, "word/footnotes.xml").matches("<w:footnote ").count(), feet + 2, "{name}: footnotes");
    assert_eq!(part(&p, "word/endnotes.xml").matches("<w:endnote ").count(), ends + 2, "{name}: endnotes");
    let body = part(&p, "word/document.xml");
    assert_eq!(body.matches("<w:footnoteReference ").count(), feet, "{name}: footnote calls");
    assert_eq!(body.matches("<w:endnoteReference ").count(), ends, "{name}: endnote calls");
    // Every list numbered as the model has it, in notes too (as multisets: lists in notes
    // are numbered where their note is written).
    let (mut ours, mut theirs) = (all_lists(doc), docx_lists(&p));
    ours.retain(|l| l.0 > 0);
    ours.sort();
    theirs.sort();
    assert_eq!(theirs, ours, "{name}: lists in the DOCX");
    let Some(r) = pandoc_reading(&bytes) else { return };
    // pandoc merges endnotes into its notes; it keeps their order in the text (footnotes and
    // endnotes interleaved as their calls are).
    assert_eq!(r.notes.len(), notes.len(), "{name}: pandoc's notes");
    for (k, (theirs, ours)) in r.notes.iter().zip(&notes).enumerate() {
        let mut t = String::new();
        shown_blocks(&ours.content, &mut t);
        let ours_text = squash(&t);
        // A custom mark is text of the note's first paragraph, which pandoc keeps.
        let theirs = theirs.strip_prefix(&format!("{} ", ours.label)).unwrap_or(theirs);
        assert_eq!(theirs, ours_text, "{name}: note {} (label {})", k + 1, ours.label);
    }
    assert_eq!(r.headings, model_headings(doc), "{name}: headings");
    // pandoc reads no numbering inside notes, and ends a list at a paragraph without a
    // number, which is how Word (and this writer) continue an item with a second paragraph:
    // a list pandoc cannot hold is split, so its items are compared in total, and lists
    // item by item only when every body list is one pandoc can hold.
    let mut shapes = Vec::new();
    for a in &doc.meta.abstracts {
        list_shapes(&a.content, &mut shapes);
    }
    for p in &doc.front {
        list_shapes(&p.blocks, &mut shapes);
    }
    list_shapes(&doc.body, &mut shapes);
    let theirs: Vec<_> = r.lists.iter().filter(|l| l.0 > 0).cloned().collect();
    let total = |l: &[(usize, u64, String)]| l.iter().map(|x| x.0).sum::<usize>();
    let ours: Vec<_> = shapes.iter().map(|(l, _)| l.clone()).collect();
    assert_eq!(total(&theirs), total(&ours), "{name}: list items, pandoc {theirs:?}, ours {ours:?}");
    if shapes.iter().all(|(_, simple)| *simple) {
        assert_eq!(theirs, ours, "{name}: lists");
    }
}

#[test]
fn the_example_article_has_every_note_and_its_russian_bibliography_tagged() {
    let doc = load(&root().join("input/zangezur-article.txt"));
    check_doc("zangezur", &doc);
    let p = parts(&docx(&doc));
    let body = part(&p, "word/document.xml");
    // Every Russian entry's runs carry ru-RU; every run in a Bibliography paragraph a lang.
    let bib = doc.back.bibliography.as_ref().unwrap();
    let ru = bib.entries.iter().filter(|e| e.lang.as_ref().is_some_and(|l| l.as_str() == "ru")).count();
    assert!(ru >= 10, "the example's bibliography is mostly Russian ({ru})");
    let paras: Vec<&str> =
        body.split("<w:p>").filter(|s| s.contains("<w:pStyle w:val=\"Bibliography\"/>")).collect();
    assert_eq!(paras.len(), bib.entries.len());
    let mut tagged = 0;
    for (para, e) in paras.iter().zip(&bib.entries) {
        let runs = para.matches("<w:r>").count();
        assert_eq!(para.matches("<w:lang ").count(), runs, "a run without w:lang: {para}");
        if e.lang.as_ref().is_some_and(|l| l.as_str() == "ru") {
            assert_eq!(para.matches("<w:lang w:val=\"ru-RU\"/>").count(), runs, "{para}");
            assert!(para.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)));
            tagged += 1;
        }
    }
    assert_eq!(tagged, ru);
    // The Turkish abstract is tr-TR; the document's language is the default.
    assert!(body.contains("<w:lang w:val=\"tr-TR\"/></w:rPr><w:t xml:space=\"preserve\">Özet"));
    let lang = doc.meta.lang.as_ref().unwrap();
    let word = colophon::write::docx::lang::word_lang(lang).tag;
    assert!(part(&p, "word/styles.xml").contains(&format!("<w:lang w:val=\"{word}\"/>")));
    assert!(part(&p, "docProps/core.xml").contains(&format!("<dc:language>{lang}</dc:language>")));
}

#[test]
fn markdown_fixtures_read_back_with_their_notes_headings_and_lists() {
    let dir = root().join("tests/blocks");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    for path in names {
        let doc = load(&path);
        check_doc(&path.file_name().unwrap().to_string_lossy(), &doc);
    }
}

#[test]
fn tei_fixtures_read_back_with_their_notes_headings_and_lists() {
    for name in ["quotes-and-lists.tei.xml", "endnotes-article.tei.xml", "front-and-letters.tei.xml"] {
        let doc = load(&root().join("tests/tei").join(name));
        check_doc(name, &doc);
    }
}

fn para(text: &str) -> Block {
    Block::paragraph(vec![Inline::text(text)])
}

fn note(label: &str, kind: NoteKind, text: &str) -> Inline {
    Inline::Note(Note {
        label: label.into(),
        kind,
        anchor: Anchor::Call,
        lang: None,
        content: vec![para(text)],
    })
}

/// Footnotes numbered 1, 2 are Word's; endnotes `*` and `†` keep their marks; notes of
/// each kind are numbered apart; pandoc reads all four.
#[test]
fn footnotes_and_endnotes_are_kept_apart_with_their_labels() {
    let mut doc = Document::new();
    doc.meta.lang = Some(LangTag::parse("en").unwrap());
    doc.body.push(Block::paragraph(vec![
        Inline::text("One"),
        note("1", NoteKind::Foot, "First footnote."),
        Inline::text(" two"),
        note("*", NoteKind::End, "Starred endnote."),
        Inline::text(" three"),
        note("2", NoteKind::Foot, "Second footnote."),
        note("†", NoteKind::End, "Dagger endnote."),
    ]));
    let bytes = docx(&doc);
    let p = check_package(&bytes);
    let body = part(&p, "word/document.xml");
    assert!(body.contains("<w:footnoteReference w:id=\"1\"/>"), "{body}");
    assert!(body.contains("<w:footnoteReference w:id=\"2\"/>"));
    assert!(body.contains(
        "<w:endnoteReference w:customMarkFollows=\"1\" w:id=\"1\"/><w:t xml:space=\"preserve\">*</w:t>"
    ));
    assert!(body.contains(
        "<w:endnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/><w:t xml:space=\"preserve\">†</w:t>"
    ));
    let foot = part(&p, "word/footnotes.xml");
    assert!(foot.contains("<w:footnote w:id=\"2\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/><w:lang w:val=\"en-US\"/></w:rPr><w:footnoteRef/></w:r>"), "{foot}");
    let end = part(&p, "word/endnotes.xml");
    assert!(end.contains("<w:pStyle w:val=\"EndnoteText\"/>"));
    assert!(end.contains("<w:rStyle w:val=\"EndnoteReference\"/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">*</w:t>"), "{end}");
    assert!(!end.contains("<w:endnoteRef/>"), "custom marks are text, not Word's number");
    assert!(part(&p, "word/settings.xml").contains("<w:endnotePr><w:numFmt w:val=\"decimal\"/>"));
    check_doc("foot-and-end", &doc);
}

/// A count that starts at 14 is kept as printed; a note in a note is written in brackets
/// and reported; a formula as TeX, reported; a page milestone as a bookmark.
#[test]
fn what_word_cannot_hold_is_written_as_text_and_reported() {
    let mut doc = Document::new();
    let inner = Note {
        label: "a".into(),
        kind: NoteKind::Foot,
        anchor: Anchor::Call,
        lang: None,
        content: vec![para("Inner.")],
    };
    let outer = Note {
        label: "14".into(),
        kind: NoteKind::Foot,
        anchor: Anchor::Inferred,
        lang: None,
        content: vec![Block::paragraph(vec![Inline::text("Outer"), Inline::Note(inner)])],
    };
    doc.body.push(Block::paragraph(vec![
        Inline::text("Text"),
        Inline::Note(outer),
        Inline::PageBreak { n: "47".into() },
        Inline::Math { tex: "x^2".into(), display: false },
        Inline::PageBreak { n: "47".into() },
        Inline::PageBreak { n: "xii b".into() },
        Inline::Link {
            url: "https://example.org/a b".into(),
            content: vec![Inline::Link { url: "https://x.org".into(), content: vec![Inline::text("in")] }],
        },
    ]));
    let (bytes, diags) = colophon::write(&doc, Format::Docx, &Resources::builtin()).unwrap();
    let p = check_package(&bytes);
    let body = part(&p, "word/document.xml");
    assert!(body.contains(
        "<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"1\"/><w:t xml:space=\"preserve\">14</w:t>"
    ));
    assert!(part(&p, "word/footnotes.xml").contains("[a: Inner.]"));
    assert!(body.contains("<w:bookmarkStart w:id=\"0\" w:name=\"page_47\"/><w:bookmarkEnd w:id=\"0\"/>"));
    assert!(body.contains("w:name=\"page_47_2\""));
    assert!(body.contains("w:name=\"page_xii_b\""));
    assert!(body.contains("$x^2$"));
    let rels = part(&p, "word/_rels/document.xml.rels");
    assert!(rels.contains("Target=\"https://example.org/a%20b\" TargetMode=\"External\""), "{rels}");
    assert_eq!(body.matches("<w:hyperlink ").count(), 1, "a link in a link is text");
    let codes: BTreeMap<&str, usize> = diags.iter().fold(BTreeMap::new(), |mut m, d| {
        *m.entry(d.code).or_default() += 1;
        m
    });
    for code in [
        "docx-nested-note",
        "docx-math-as-tex",
        "docx-note-position-inferred",
        "docx-page-bookmark",
        "docx-link-as-text",
    ] {
        assert_eq!(codes.get(code), Some(&1), "{code}: {diags:#?}");
    }
}

/// Bad input never makes the writer panic: control characters are removed and reported,
/// empty documents, empty notes, lists of empty items, headings at level 0 and 9 write.
#[test]
fn odd_documents_write_valid_packages() {
    let mut doc = Document::new();
    doc.body.push(Block::Heading { level: 0, content: vec![Inline::text("Zero\u{1}")] });
    doc.body.push(Block::Heading { level: 9, content: vec![Inline::text("Nine]]>")] });
    doc.body.push(Block::paragraph(vec![Inline::Note(Note {
        label: "1".into(),
        kind: NoteKind::End,
        anchor: Anchor::Call,
        lang: Some(LangTag::parse("ar").unwrap()),
        content: vec![],
    })]));
    doc.body.push(Block::List {
        numbering: None,
        items: vec![vec![], vec![Block::List { numbering: None, items: vec![vec![]] }]],
    });
    let mut entry = BibEntry::plain("Entry \u{b}with a vertical tab.");
    entry.label = Some("12".into());
    doc.back.bibliography = Some(Bibliography::new("", vec![entry]));
    let (bytes, diags) = colophon::write(&doc, Format::Docx, &Resources::builtin()).unwrap();
    let p = check_package(&bytes);
    let body = part(&p, "word/document.xml");
    assert!(body.contains("Nine]]&gt;"));
    assert!(
        body.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Zero</w:t>")
    );
    assert!(
        body.contains("<w:rStyle w:val=\"BibliographyLabel\"/></w:rPr><w:t xml:space=\"preserve\">12</w:t>")
    );
    let end = part(&p, "word/endnotes.xml");
    assert!(end.contains("<w:pPr><w:pStyle w:val=\"EndnoteText\"/><w:bidi/></w:pPr>"), "{end}");
    assert!(end.contains("<w:rtl/><w:lang w:bidi=\"ar-SA\"/>"));
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"xml-forbidden-char"), "{codes:?}");
    assert!(codes.contains(&"docx-heading-level"), "{codes:?}");
    // An empty document is a valid package too.
    check_package(&docx(&Document::new()));
}

/// Two runs give the same bytes (no clock in the package).
#[test]
fn output_is_reproducible() {
    let doc = load(&root().join("tests/blocks/quotes-and-lists.md"));
    assert_eq!(docx(&doc), docx(&doc));
}

/// `colophon convert x -t docx` writes `<stem>.docx`, and only it.
#[test]
fn the_command_line_writes_docx_when_asked() {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", "-q", "-t", "docx", "-o"])
        .arg(out.path())
        .arg(root().join("tests/blocks/quotes-and-lists.md"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    assert_eq!(names, ["quotes-and-lists.docx"]);
    check_package(&std::fs::read(out.path().join("quotes-and-lists.docx")).unwrap());
}
