//! The Word reader on a corpus made with real tools (pandoc 3.9, LibreOffice 7.4,
//! python-docx with WordprocessingML it has no API for), each file with gold written from
//! the generator's own input by someone who had not seen the reader
//! (`tests/fixtures/docx/README.md`; rebuilt by `scripts/make-docx-corpus.sh`).
//!
//! On every fixture: notes exact (kind, label, text, the text before the call), every
//! language stretch carried by the model and written by TEI, headings, lists with their
//! printed numbers, changes and comments reported with author and text, citations, entries,
//! metadata; tables cell by cell (header rows, row and column spans) and images as figures
//! with their description and caption.
//! The hostile files of `bad/` are refused or reported, never a panic.
//! pandoc is the oracle where it keeps the thing: see `pandoc_agrees_on_notes`.

mod common;

use colophon::model::{plain_text, Block, Document, Inline, LangTag, NoteKind};
use colophon::{Diagnostic, Format, Resources};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    common::root().join("tests/fixtures/docx")
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("the DOCX corpus")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    v.sort();
    assert!(v.len() >= 20, "the corpus holds {} fixtures", v.len());
    v
}

/// White space removed: extractions of the same text differ in spaces only.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text of blocks, notes left out.
fn blocks_text(blocks: &[Block]) -> String {
    blocks.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect::<Vec<_>>().join("\n\n")
}

/// Every note in order with the body text before its call.
fn notes_with_context(doc: &Document) -> Vec<(NoteKind, String, String, String)> {
    let mut out = Vec::new();
    let mut before = String::new();
    fn walk(inlines: &[Inline], before: &mut String, out: &mut Vec<(NoteKind, String, String, String)>) {
        for i in inlines {
            match i {
                Inline::Note(n) => {
                    out.push((n.kind, n.label.clone(), blocks_text(&n.content), before.clone()))
                }
                Inline::Text { text } => before.push_str(text),
                Inline::Code { text } => before.push_str(text),
                Inline::Shelfmark(m) => before.push_str(&m.raw),
                Inline::Math { tex, .. } => before.push_str(tex),
                Inline::Choice { shown, .. } => walk(shown, before, out),
                other => walk(other.children(), before, out),
            }
        }
    }
    let abstracts = doc.meta.abstracts.iter().flat_map(|a| a.content.iter());
    for b in abstracts.chain(doc.body.iter()).flat_map(Block::leaves) {
        walk(b.content(), &mut before, &mut out);
        before.push(' ');
    }
    if let Some(bib) = &doc.back.bibliography {
        for e in &bib.entries {
            walk(&e.content, &mut before, &mut out);
        }
    }
    out
}

/// Every stretch of text with the language the model gives it (spans, paragraphs, notes,
/// entries, titles, abstracts), innermost last; a paragraph without a language has the one
/// around it (its note's, its abstract's, the document's), as `xml:lang` is inherited.
fn tagged(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    fn inlines(v: &[Inline], around: Option<&LangTag>, out: &mut Vec<(String, String)>) {
        for i in v {
            match i {
                Inline::Span { lang, content } => {
                    out.push((plain_text(content), lang.as_str().to_string()));
                    inlines(content, Some(lang), out);
                }
                Inline::Note(n) => {
                    let lang = n.lang.as_ref().or(around);
                    if let Some(l) = lang {
                        out.push((blocks_text(&n.content), l.as_str().to_string()));
                    }
                    blocks(&n.content, lang, out);
                }
                other => inlines(other.children(), around, out),
            }
        }
    }
    fn blocks(v: &[Block], around: Option<&LangTag>, out: &mut Vec<(String, String)>) {
        for b in v.iter().flat_map(Block::leaves) {
            let mut here = around;
            if let Block::Paragraph { content, lang } = b {
                here = lang.as_ref().or(around);
                if let Some(l) = here {
                    out.push((plain_text(content), l.as_str().to_string()));
                }
            }
            inlines(b.content(), here, out);
        }
    }
    let main = doc.meta.lang.as_ref();
    for t in &doc.meta.titles {
        if let Some(l) = &t.lang {
            out.push((t.text.clone(), l.as_str().to_string()));
        }
    }
    for k in &doc.meta.keywords {
        if let Some(l) = &k.lang {
            let terms = k.terms.join(", ");
            let line = k.heading.as_ref().map_or_else(|| terms.clone(), |h| format!("{h}: {terms}"));
            out.push((line, l.as_str().to_string()));
        }
    }
    for a in &doc.meta.abstracts {
        if let (Some(l), Some(h)) = (&a.lang, &a.heading) {
            out.push((h.clone(), l.as_str().to_string()));
        }
        blocks(&a.content, a.lang.as_ref().or(main), &mut out);
    }
    blocks(&doc.body, main, &mut out);
    if let Some(bib) = &doc.back.bibliography {
        for e in &bib.entries {
            if let Some(l) = &e.lang {
                out.push((e.raw.clone(), l.as_str().to_string()));
            }
            inlines(&e.content, e.lang.as_ref().or(main), &mut out);
        }
    }
    out
}

/// Lists in document order, one per list (nested ones after their parent), items as
/// `label text`.
fn lists(doc: &Document) -> Vec<Vec<String>> {
    fn walk(blocks: &[Block], out: &mut Vec<Vec<String>>) {
        for b in blocks {
            match b {
                Block::List { numbering, items } => {
                    let labels: Vec<String> = items
                        .iter()
                        .enumerate()
                        .map(|(k, item)| {
                            let text = item.first().map(|b| plain_text(b.content())).unwrap_or_default();
                            match numbering {
                                Some(n) => format!("{} {}", n.label(n.start + k as u32), text),
                                None => text,
                            }
                        })
                        .collect();
                    out.push(labels);
                    for item in items {
                        walk(item, out);
                    }
                }
                Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => walk(blocks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.body, &mut out);
    out
}

/// The misses of one fixture against its gold, each a line.
fn misses(doc: &Document, diags: &[Diagnostic], gold: &Value) -> Vec<String> {
    let mut miss = Vec::new();
    let arr = |k: &str| gold.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();

    let ours = notes_with_context(doc);
    let gold_notes = arr("notes");
    if ours.len() != gold_notes.len() {
        miss.push(format!("notes: {} read, {} in the gold", ours.len(), gold_notes.len()));
    }
    for (k, (g, o)) in gold_notes.iter().zip(&ours).enumerate() {
        let kind = if o.0 == NoteKind::End { "end" } else { "foot" };
        if kind != s(g, "kind") || o.1 != s(g, "label") || collapse(&o.2) != collapse(&s(g, "text")) {
            miss.push(format!(
                "note {k}: read {kind} {:?} {:?}; gold {} {:?} {:?}",
                o.1,
                o.2,
                s(g, "kind"),
                s(g, "label"),
                s(g, "text")
            ));
        }
        if !squash(&o.3).ends_with(&squash(&s(g, "before"))) {
            miss.push(format!(
                "note {k}: called after …{:?}, gold after …{:?}",
                tail(&o.3, 40),
                s(g, "before")
            ));
        }
    }

    let stretches = tagged(doc);
    for g in arr("langs") {
        let (text, lang) = (squash(&s(&g, "text")), s(&g, "lang"));
        if !stretches.iter().any(|(t, l)| *l == lang && squash(t).contains(&text)) {
            let found: Vec<&String> =
                stretches.iter().filter(|(t, _)| squash(t).contains(&text)).map(|(_, l)| l).collect();
            miss.push(format!("lang: {:?} not tagged {lang} (tagged {found:?})", tail(&s(&g, "text"), 50)));
        }
    }

    let mut headings: Vec<(u8, String)> = doc
        .body
        .iter()
        .filter_map(|b| {
            if let Block::Heading { level, content } = b {
                Some((*level, plain_text(content)))
            } else {
                None
            }
        })
        .collect();
    // Headings the reader turned into structure: abstracts' and the reference list's.
    let structural: Vec<String> = doc
        .meta
        .abstracts
        .iter()
        .filter_map(|a| a.heading.clone())
        .chain(doc.back.bibliography.iter().flat_map(|b| {
            std::iter::once(b.heading.clone()).chain(b.parts.iter().map(|p| p.heading.clone()))
        }))
        .collect();
    for g in arr("headings") {
        let text = collapse(&s(&g, "text"));
        let level = g.get("level").and_then(Value::as_u64).unwrap_or(0) as u8;
        if let Some(at) = headings.iter().position(|(l, t)| *l == level && collapse(t) == text) {
            headings.remove(at);
        } else if !structural.iter().any(|h| collapse(h) == text) {
            miss.push(format!("heading {level} {text:?} missing"));
        }
    }

    let our_lists = lists(doc);
    let gold_lists = arr("lists");
    for (k, g) in gold_lists.iter().enumerate() {
        let items: Vec<String> =
            g["items"].as_array().unwrap().iter().map(|i| collapse(i.as_str().unwrap())).collect();
        let got = our_lists.get(k).map(|l| l.iter().map(|i| collapse(i)).collect::<Vec<_>>());
        if got.as_ref() != Some(&items) {
            miss.push(format!("list {k}: read {got:?}, gold {items:?}"));
        }
    }

    let has = |code: &str, parts: &[String]| {
        diags
            .iter()
            .any(|d| d.code == code && parts.iter().all(|p| collapse(&d.message).contains(&collapse(p))))
    };
    for g in arr("changes") {
        let code =
            if s(&g, "kind") == "insertion" { "docx-tracked-insertion" } else { "docx-tracked-deletion" };
        if !has(code, &[s(&g, "author"), s(&g, "text").trim().to_string()]) {
            miss.push(format!("change not reported: {g}"));
        }
    }
    for g in arr("comments") {
        if !has("docx-comment-dropped", &[s(&g, "author"), s(&g, "text")]) {
            miss.push(format!("comment not reported: {g}"));
        }
    }
    let mut figures = Vec::new();
    let mut tables = Vec::new();
    tables_and_figures(&doc.body, &mut tables, &mut figures);
    for g in arr("images") {
        let found = figures.iter().find(|f| f.alt.as_deref() == Some(s(&g, "alt").as_str()));
        let Some(f) = found else {
            miss.push(format!("image not read as a figure: {g}"));
            continue;
        };
        let caption = format!("{} {}", f.label.as_deref().unwrap_or(""), plain_text(&f.caption));
        let words = |t: &str| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        if words(&caption) != words(&s(&g, "caption")) {
            miss.push(format!("figure caption {caption:?}, gold {:?}", s(&g, "caption")));
        }
        if f.images.iter().any(|i| i.media.as_ref().is_none_or(|k| !doc.media.contains_key(k))) {
            miss.push(format!("figure {:?} lost its image bytes", s(&g, "alt")));
        }
    }

    let mut citations = Vec::new();
    collect_citations(doc, &mut citations);
    for g in arr("citations") {
        let n = g.get("items").and_then(Value::as_u64).unwrap_or(0) as usize;
        if !citations.iter().any(|(t, k)| collapse(t) == collapse(&s(&g, "text")) && *k == n) {
            miss.push(format!("citation {:?} of {n} items not read (read {citations:?})", s(&g, "text")));
        }
    }

    let entries = doc.back.bibliography.as_ref().map(|b| b.entries.clone()).unwrap_or_default();
    let gold_entries = arr("entries");
    if !gold_entries.is_empty() && entries.len() != gold_entries.len() {
        miss.push(format!("entries: {} read, {} in the gold", entries.len(), gold_entries.len()));
    }
    for (g, e) in gold_entries.iter().zip(&entries) {
        if squash(&e.raw) != squash(&s(g, "text")) {
            miss.push(format!("entry {:?} read as {:?}", s(g, "text"), e.raw));
        }
    }

    let gold_tables = arr("tables");
    if gold_tables.len() != tables.len() {
        miss.push(format!("{} tables read, {} in the gold", tables.len(), gold_tables.len()));
    }
    for (i, (g, t)) in gold_tables.iter().zip(&tables).enumerate() {
        let gold_rows: Vec<Vec<String>> = g["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(|c| squash(c.as_str().unwrap())).collect())
            .collect();
        let ours: Vec<Vec<String>> =
            t.rows().map(|r| r.cells.iter().map(|c| squash(&blocks_text(&c.blocks))).collect()).collect();
        if ours != gold_rows {
            miss.push(format!("table {i}: cells {ours:?}, gold {gold_rows:?}"));
        }
        let header_rows = g.get("header_rows").and_then(Value::as_u64).unwrap_or(0) as usize;
        if t.head.len() != header_rows {
            miss.push(format!("table {i}: {} header rows, gold {header_rows}", t.head.len()));
        }
        let mut merges = Vec::new();
        if let Some(grid) = t.grid() {
            for (r, (row, starts)) in t.rows().zip(&grid).enumerate() {
                for (cell, col) in row.cells.iter().zip(starts) {
                    if cell.rows > 1 || cell.cols > 1 {
                        merges.push((r as u64, *col as u64, u64::from(cell.rows), u64::from(cell.cols)));
                    }
                }
            }
        } else {
            miss.push(format!("table {i}: its spans do not fit its columns"));
        }
        let gold_merges: Vec<(u64, u64, u64, u64)> = g
            .get("merges")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|m| {
                        let n = |k: &str| m[k].as_u64().unwrap();
                        (n("row"), n("col"), n("rowspan"), n("colspan"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if merges != gold_merges {
            miss.push(format!("table {i}: spans {merges:?}, gold {gold_merges:?}"));
        }
    }

    if let Some(meta) = gold.get("meta") {
        if let Some(title) = meta.get("title").and_then(Value::as_str) {
            let ours = doc.meta.titles.first().map(|t| t.text.clone()).unwrap_or_default();
            if !collapse(&ours).starts_with(&collapse(title)) {
                miss.push(format!("title {ours:?}, gold {title:?}"));
            }
        }
        if let Some(authors) = meta.get("authors").and_then(Value::as_array) {
            let ours: Vec<String> = doc.meta.authors.iter().filter_map(|a| a.name.clone()).collect();
            let gold: Vec<String> = authors.iter().map(|a| a.as_str().unwrap().to_string()).collect();
            if ours != gold {
                miss.push(format!("authors {ours:?}, gold {gold:?}"));
            }
        }
    }
    miss
}

fn collect_citations(doc: &Document, out: &mut Vec<(String, usize)>) {
    fn walk(v: &[Inline], out: &mut Vec<(String, usize)>) {
        for i in v {
            match i {
                Inline::Citation { keys, content } => out.push((plain_text(content), keys.len())),
                Inline::Note(n) => {
                    n.content.iter().flat_map(Block::leaves).for_each(|b| walk(b.content(), out))
                }
                other => walk(other.children(), out),
            }
        }
    }
    doc.body.iter().flat_map(Block::leaves).for_each(|b| walk(b.content(), out));
}

/// All the text the model holds: body, notes, entries.
/// The tables and figures of `blocks`, in reading order, those inside cells and quotations
/// too.
fn tables_and_figures<'a>(
    blocks: &'a [Block],
    tables: &mut Vec<&'a colophon::model::Table>,
    figures: &mut Vec<&'a colophon::model::Figure>,
) {
    for b in blocks {
        match b {
            Block::Table(t) => {
                tables.push(t);
                for c in t.rows().flat_map(|r| &r.cells) {
                    tables_and_figures(&c.blocks, tables, figures);
                }
            }
            Block::Figure(f) => figures.push(f),
            other => {
                for child in other.children() {
                    tables_and_figures(std::slice::from_ref(child), tables, figures);
                }
            }
        }
    }
}

#[allow(dead_code)]
fn full_text(doc: &Document) -> String {
    let notes: Vec<String> = doc.notes().iter().map(|n| blocks_text(&n.content)).collect();
    let entries: Vec<String> =
        doc.back.bibliography.iter().flat_map(|b| b.entries.iter().map(|e| e.raw.clone())).collect();
    format!("{}\n{}\n{}", blocks_text(&doc.body), notes.join("\n"), entries.join("\n"))
}

fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

fn load(path: &Path) -> (Document, Vec<Diagnostic>) {
    colophon::load(path, None, &Resources::builtin()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_fixture_reads_as_its_gold() {
    let mut report = Vec::new();
    let mut total = 0;
    for path in fixtures() {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("gold.json")).unwrap())
                .unwrap();
        let (doc, diags) = load(&path);
        let m = misses(&doc, &diags, &gold);
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        println!("{name:28} notes {:3}  misses {}", doc.notes().len(), m.len());
        total += m.len();
        for line in m {
            report.push(format!("{name}: {line}"));
        }
    }
    assert!(report.is_empty(), "{total} misses:\n{}", report.join("\n"));
}

#[test]
fn languages_and_note_kinds_reach_the_tei() {
    for path in fixtures() {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("gold.json")).unwrap())
                .unwrap();
        let (doc, _) = load(&path);
        let (tei, _) = colophon::write(&doc, Format::Tei, &Resources::builtin()).unwrap();
        let tei = String::from_utf8(tei).unwrap();
        for g in gold.get("langs").and_then(Value::as_array).into_iter().flatten() {
            let lang = g["lang"].as_str().unwrap();
            assert!(
                LangTag::parse(lang).is_ok() && tei.contains(&format!("xml:lang=\"{lang}\"")),
                "{}: {lang} is not in the TEI",
                path.display()
            );
        }
    }
}

#[test]
fn hostile_files_are_refused_or_reported_never_a_panic() {
    let bad = corpus().join("bad");
    let expect: &[(&str, &str)] = &[
        ("not-a-zip.docx", "not a Word document"),
        ("zip-bomb.docx", "inflates to more than"),
        ("missing-document.docx", "no main document part"),
        ("encrypted.docx", "encrypted"),
        ("old-binary.doc", ".doc"),
        ("old-binary-named.docx", ".doc"),
        ("malformed-xml.docx", "word/document.xml:"),
        ("nested-tables.docx", "nested"),
    ];
    for (name, message) in expect {
        let err = colophon::load(&bad.join(name), None, &Resources::builtin()).expect_err(name).to_string();
        assert!(err.contains(message), "{name}: {err}");
    }
    let (_, diags) = load(&bad.join("external-image.docx"));
    assert!(
        diags.iter().any(|d| d.code == "image-remote" && d.message.contains("never fetched")),
        "{diags:?}"
    );
}

/// The notes pandoc reads, in order, as squashed text (pandoc's `Note` blocks).
fn pandoc_notes(v: &Value, out: &mut Vec<String>) {
    fn text(v: &Value, out: &mut String) {
        match v {
            Value::Array(a) => a.iter().for_each(|x| text(x, out)),
            Value::Object(o) => match o.get("t").and_then(Value::as_str) {
                Some("Str") => out.push_str(o["c"].as_str().unwrap_or("")),
                Some("Code") => out.push_str(o["c"][1].as_str().unwrap_or("")),
                Some("Math") => out.push_str(o["c"][1].as_str().unwrap_or("")),
                Some("Note") => {}
                _ => {
                    if let Some(c) = o.get("c") {
                        text(c, out);
                    }
                }
            },
            _ => {}
        }
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| pandoc_notes(x, out)),
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("Note") {
                let mut t = String::new();
                text(&o["c"], &mut t);
                out.push(squash(&t));
            }
            // The document's blocks, then every element's content.
            for key in ["blocks", "c"] {
                if let Some(c) = o.get(key) {
                    pandoc_notes(c, out);
                }
            }
        }
        _ => {}
    }
}

/// pandoc 3.9 as the oracle: on every fixture it reads the same notes, in the same order,
/// with the same text. Justified differences: pandoc has one kind of note (it merges
/// endnotes into footnotes, so kinds are not compared), and it keeps Word's custom mark as
/// the first characters of the note's text (colophon makes it the label).
#[test]
fn pandoc_agrees_on_notes() {
    let Some(pandoc) = common::pandoc() else { return };
    let mut compared = 0;
    for path in fixtures() {
        let out = std::process::Command::new(&pandoc)
            .args(["-f", "docx", "-t", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "pandoc fails on {}", path.display());
        let mut theirs = Vec::new();
        pandoc_notes(&serde_json::from_slice(&out.stdout).unwrap(), &mut theirs);
        let (doc, _) = load(&path);
        let ours: Vec<(String, String)> =
            notes_with_context(&doc).into_iter().map(|(_, label, text, _)| (label, squash(&text))).collect();
        assert_eq!(ours.len(), theirs.len(), "{}: note count", path.display());
        for ((label, text), t) in ours.iter().zip(&theirs) {
            let custom_mark = t.strip_prefix(label.as_str()) == Some(text.as_str());
            assert!(text == t || custom_mark, "{}: note {label}: {text:?} vs pandoc {t:?}", path.display());
            compared += 1;
        }
    }
    println!("{compared} notes agree with pandoc");
    assert!(compared >= 180);
}

/// Word documents convert into every format and each output passes the reference checks
/// (jing on tei_all, EPUBCheck, Ace, qpdf and the PDF/A and PDF/UA claims, the cross-format
/// note counts), as every other input does.
#[test]
fn word_documents_convert_into_outputs_that_pass_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for name in ["example-zangezur", "word-notes", "word-langs", "lo-notes"] {
        let input = corpus().join(format!("{name}.docx"));
        let c = colophon::convert(&input, &Format::ALL, dir.path(), None, &Resources::builtin()).unwrap();
        files.extend(c.outputs);
    }
    let r = colophon::check::check(&files);
    for e in r.missing() {
        common::missing_validator(&format!("{} (for {})", e.check, e.file), e.outcome.message());
    }
    assert!(r.passed(), "{}", r.render());
}
