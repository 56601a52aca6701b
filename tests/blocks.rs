//! Block quotations and lists (issue 16; names, dates and editorial choices too, `names.md`),
//! through every reader and writer: the structure the
//! Markdown reader builds, pandoc 3.9 as the oracle for what the blocks are, Markdown
//! written back byte-stable, TEI valid under tei_all, the e-book clean under EPUBCheck and Ace,
//! and every marker, quotation and source line in the PDF's text.
mod common;
use colophon::model::{plain_text, Block, Delimiter, Document, FrontKind, Inline, NumberStyle, Numbering};
use colophon::{Format, Resources};
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    root().join("tests/blocks/quotes-and-lists.md")
}

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap().0
}

/// Every quotation and list of `blocks`, nested ones included, in reading order.
fn containers(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for b in blocks {
        if matches!(b, Block::Quote { .. } | Block::List { .. }) {
            out.push(b);
        }
        collect(b, &mut out);
    }
    out
}

fn collect<'a>(b: &'a Block, out: &mut Vec<&'a Block>) {
    for child in b.children() {
        if matches!(child, Block::Quote { .. } | Block::List { .. }) {
            out.push(child);
        }
        collect(child, out);
    }
}

#[test]
fn the_markdown_reader_keeps_quotations_and_lists_as_they_were_written() {
    let doc = load(&fixture());
    let all = containers(&doc.body);
    let quotes: Vec<_> = all.iter().filter(|b| matches!(b, Block::Quote { .. })).collect();
    let lists: Vec<_> = all.iter().filter(|b| matches!(b, Block::List { .. })).collect();
    assert_eq!((quotes.len(), lists.len()), (3, 4), "{all:#?}");
    // The telegram: two paragraphs, its source line after the dash, a note in each.
    let Block::Quote { blocks, source: Some(source), lang: None, .. } = quotes[0] else {
        panic!("{:?}", quotes[0])
    };
    assert_eq!(blocks.len(), 2);
    assert_eq!(plain_text(source), "Telegram to the divisional staff, 14 May 1919");
    let mut notes = Vec::new();
    quotes[0].collect_notes(&mut notes);
    assert_eq!(notes.len(), 2, "the note in the text and the note on the source");
    // The note on the source holds a numbered list.
    assert!(matches!(
        notes[1].content.as_slice(),
        [Block::Paragraph { .. }, Block::List { numbering: Some(_), .. }]
    ));
    // The reply in Russian: the quotation carries the language, not its paragraph.
    let Block::Quote { blocks, lang: Some(l), .. } = quotes[1] else { panic!() };
    assert_eq!(l.as_str(), "ru");
    assert!(matches!(&blocks[..], [Block::Paragraph { lang: None, .. }]));
    // Numbered from 3 with a bulleted list inside its second item; then `1)`.
    let Block::List { numbering: Some(n), items } = lists[0] else { panic!() };
    assert_eq!((*n, items.len()), (Numbering::decimal(3), 3));
    assert!(matches!(&items[1][..], [Block::Paragraph { .. }, Block::List { numbering: None, .. }]));
    let Block::List { numbering: Some(n), .. } = lists[2] else { panic!() };
    assert_eq!((n.start, n.delimiter), (1, Delimiter::Paren));
    // A loose item of two paragraphs and a quotation.
    let Block::List { numbering: None, items } = lists[3] else { panic!() };
    assert!(matches!(&items[0][..], [Block::Paragraph { .. }, Block::Paragraph { .. }, Block::Quote { .. }]));
    assert_eq!(doc.notes().len(), 4);
}

/// pandoc's blocks as a signature to compare with ours: kinds, list numbering, item counts
/// and each paragraph's inlines (see [`pandoc_inlines`]).
fn pandoc_signature(blocks: &[Value], out: &mut Vec<String>) {
    for b in blocks {
        match b["t"].as_str().unwrap() {
            "Para" | "Plain" => out.push(format!("P {}", pandoc_inlines(&b["c"]))),
            "Header" => out.push(format!("H {}", pandoc_inlines(&b["c"][2]))),
            "BlockQuote" => {
                out.push("QUOTE".into());
                pandoc_signature(b["c"].as_array().unwrap(), out);
                out.push("END".into());
            }
            // A div that gives its blocks a language, or marks an epigraph.
            "Div" => {
                let attrs = &b["c"][0];
                let lang =
                    attrs[2].as_array().unwrap().iter().find(|kv| kv[0] == "lang").map(|kv| kv[1].clone());
                if let Some(lang) = lang {
                    out.push(format!("LANG {}", lang.as_str().unwrap_or_default()));
                }
                let classes: Vec<&str> =
                    attrs[1].as_array().unwrap().iter().filter_map(Value::as_str).collect();
                if classes.contains(&"epigraph") {
                    out.push("EPIGRAPH".into());
                }
                // A text embedded in the text, or a front-matter division: a block of its own.
                let value = |key: &str| {
                    attrs[2].as_array().unwrap().iter().find(|kv| kv[0] == key).and_then(|kv| kv[1].as_str())
                };
                let front =
                    ["titlepage", "dedication", "preface", "acknowledgements", "errata", "front-matter"];
                let opened = if classes.contains(&"embedded-text") {
                    out.push(format!("TEXT {}", value("kind").unwrap_or("-")));
                    true
                } else if let Some(c) = classes.iter().find(|c| front.contains(c)) {
                    out.push(format!("FRONT {c} {}", value("name").unwrap_or("-")));
                    true
                } else {
                    false
                };
                pandoc_signature(b["c"][1].as_array().unwrap(), out);
                if opened {
                    out.push("END".into());
                }
            }
            "BulletList" => list(None, b["c"].as_array().unwrap(), out),
            "OrderedList" => {
                let attrs = &b["c"][0];
                let start = attrs[0].as_u64().unwrap() as u32;
                let style = match attrs[1]["t"].as_str().unwrap() {
                    "LowerAlpha" => NumberStyle::LowerAlpha,
                    "UpperAlpha" => NumberStyle::UpperAlpha,
                    "LowerRoman" => NumberStyle::LowerRoman,
                    "UpperRoman" => NumberStyle::UpperRoman,
                    _ => NumberStyle::Decimal,
                };
                let delimiter = match attrs[2]["t"].as_str().unwrap() {
                    "OneParen" => Delimiter::Paren,
                    "TwoParens" => Delimiter::TwoParens,
                    _ => Delimiter::Period,
                };
                let label = Numbering { start, style, delimiter }.label(start);
                list(Some(label), b["c"][1].as_array().unwrap(), out)
            }
            "DefinitionList" => {
                let items = b["c"].as_array().unwrap();
                out.push(format!("DL {}", items.len()));
                for item in items {
                    out.push(format!("DT {}", pandoc_inlines(&item[0])));
                    for def in item[1].as_array().unwrap() {
                        out.push("DD".into());
                        pandoc_signature(def.as_array().unwrap(), out);
                    }
                }
                out.push("END".into());
            }
            "CodeBlock" => {
                let class = b["c"][0][1].as_array().unwrap().first().and_then(Value::as_str).unwrap_or("");
                out.push(format!("CODE {class} {}", b["c"][1].as_str().unwrap()))
            }
            "HorizontalRule" => out.push("BREAK".into()),
            "LineBlock" => {
                let lines = b["c"].as_array().unwrap();
                out.push(format!("LINES {}", lines.len()));
                lines.iter().for_each(|l| out.push(format!("L {}", pandoc_inlines(l))));
            }
            other => out.push(format!("? {other}")),
        }
    }
}

fn list(start: Option<String>, items: &[Value], out: &mut Vec<String>) {
    out.push(format!("LIST {} {}", start.unwrap_or("-".into()), items.len()));
    for item in items {
        out.push("ITEM".into());
        pandoc_signature(item.as_array().unwrap(), out);
    }
    out.push("END".into());
}

/// pandoc's inlines as a signature: text with its spaces squashed, and each styled run,
/// code, line break, note call and page milestone marked (`^(st)`, `~(2)`, `SC(…)`,
/// `` `x` ``, ` // `, `N`, `PB 47`).
fn pandoc_inlines(inlines: &Value) -> String {
    fn walk(inlines: &Value, s: &mut String) {
        for i in inlines.as_array().into_iter().flatten() {
            let c = &i["c"];
            match i["t"].as_str().unwrap() {
                "Str" => s.push_str(c.as_str().unwrap()),
                "Space" | "SoftBreak" => s.push(' '),
                "LineBreak" => s.push_str(" // "),
                "Note" => s.push_str("{N}"),
                "Emph" => wrap(s, "*(", c, walk),
                "Strong" => wrap(s, "**(", c, walk),
                "Superscript" => wrap(s, "^(", c, walk),
                "Subscript" => wrap(s, "~(", c, walk),
                "SmallCaps" => wrap(s, "SC(", c, walk),
                "Underline" => wrap(s, "U(", c, walk),
                "Strikeout" => wrap(s, "S(", c, walk),
                "Quoted" => wrap(s, if c[0]["t"] == "DoubleQuote" { "Q(" } else { "q(" }, &c[1], walk),
                "Code" => s.push_str(&format!("`{}`", c[1].as_str().unwrap())),
                "Math" => {
                    let display = if c[0]["t"] == "DisplayMath" { "D" } else { "" };
                    s.push_str(&format!("MATH{display}({})", c[1].as_str().unwrap()));
                }
                "Link" => wrap(s, "L(", &c[1], walk),
                "Cite" => {
                    let keys: Vec<&str> =
                        c[0].as_array().unwrap().iter().map(|k| k["citationId"].as_str().unwrap()).collect();
                    wrap(s, &format!("CITE[{}](", keys.join(",")), &c[1], walk)
                }
                "Span" => {
                    let classes = c[0][1].as_array().unwrap();
                    let kv = c[0][2].as_array().unwrap();
                    let get = |k: &str| kv.iter().find(|p| p[0] == k).and_then(|p| p[1].as_str());
                    let class = |names: &[&str]| {
                        classes
                            .iter()
                            .filter_map(Value::as_str)
                            .find(|c| names.contains(c))
                            .map(str::to_string)
                    };
                    if classes.iter().any(|c| c == "underline") {
                        wrap(s, "U(", &c[1], walk);
                    } else if classes.iter().any(|c| c == "highlight") {
                        wrap(s, &format!("HI[{}](", get("rend").unwrap_or("")), &c[1], walk);
                    } else if classes.iter().any(|c| c == "pagebreak") {
                        s.push_str(&format!("{{PB {}}}", get("n").unwrap_or("")));
                    } else if let Some(kind) = class(&["person", "place", "organisation"]) {
                        wrap(s, &format!("NAME:{kind}[{}](", get("ref").unwrap_or("")), &c[1], walk);
                    } else if classes.iter().any(|c| c == "date") {
                        wrap(s, &format!("DATE[{}](", get("when").unwrap_or("")), &c[1], walk);
                    } else if let Some(kind) = class(&["correction", "regularisation", "expansion"]) {
                        let key = match kind.as_str() {
                            "correction" => "sic",
                            "regularisation" => "orig",
                            _ => "abbr",
                        };
                        wrap(s, &format!("CHOICE:{kind}[{}](", get(key).unwrap_or("")), &c[1], walk);
                    } else if let Some(lang) = get("lang") {
                        wrap(s, &format!("{lang}("), &c[1], walk);
                    } else {
                        walk(&c[1], s);
                    }
                }
                other => panic!("inline {other}"),
            }
        }
    }
    let mut s = String::new();
    walk(inlines, &mut s);
    squash(&s)
}

fn wrap(s: &mut String, open: &str, inner: &Value, walk: fn(&Value, &mut String)) {
    s.push_str(open);
    walk(inner, s);
    s.push(')');
}

/// Our inlines as the same signature.
fn our_inlines(inlines: &[Inline]) -> String {
    fn walk(inlines: &[Inline], s: &mut String) {
        for i in inlines {
            let mut wrap = |open: &str, inner: &[Inline]| {
                s.push_str(open);
                walk(inner, s);
                s.push(')');
            };
            match i {
                Inline::Text { text } => s.push_str(text),
                Inline::Shelfmark(m) => s.push_str(&m.raw),
                Inline::LineBreak => s.push_str(" // "),
                Inline::Note(_) => s.push_str("{N}"),
                Inline::Emph { content } => wrap("*(", content),
                Inline::Strong { content } => wrap("**(", content),
                Inline::Superscript { content } => wrap("^(", content),
                Inline::Subscript { content } => wrap("~(", content),
                Inline::SmallCaps { content } => wrap("SC(", content),
                Inline::Link { content, .. } => wrap("L(", content),
                Inline::Span { lang, content } => wrap(&format!("{lang}("), content),
                Inline::Code { text } => s.push_str(&format!("`{text}`")),
                Inline::PageBreak { n } => s.push_str(&format!("{{PB {n}}}")),
                Inline::Math { tex, display } => {
                    s.push_str(&format!("MATH{}({tex})", if *display { "D" } else { "" }))
                }
                Inline::Name { kind, reference, content } => {
                    let kind = kind.name();
                    wrap(&format!("NAME:{kind}[{}](", reference.as_deref().unwrap_or("")), content)
                }
                Inline::Date { when, content } => {
                    wrap(&format!("DATE[{}](", when.as_deref().unwrap_or("")), content)
                }
                // pandoc keeps a citation's text as its source (`*passim*`, not emphasis);
                // the model keeps the emphasis, which the writer gives back as `*passim*`.
                Inline::Citation { keys, content } => {
                    s.push_str(&format!("CITE[{}](", keys.join(",")));
                    s.push_str(&as_written(content));
                    s.push(')');
                }
                Inline::Choice { kind, shown, other } => {
                    let kind = kind.name();
                    wrap(&format!("CHOICE:{kind}[{}](", plain_text(other)), shown)
                }
                Inline::Image { image, alt } => s.push_str(&format!("IMG[{}]({alt})", image.src)),
                Inline::Ref { target, content } => wrap(&format!("REF[{target}]("), content),
                Inline::Underline { content } => wrap("U(", content),
                Inline::Strikeout { content } => wrap("S(", content),
                Inline::Highlight { rend, content } => wrap(&format!("HI[{rend}]("), content),
                Inline::Quoted { style, content } => {
                    wrap(if *style == colophon::model::QuoteStyle::Double { "Q(" } else { "q(" }, content)
                }
            }
        }
    }
    let mut s = String::new();
    walk(inlines, &mut s);
    squash(&s)
}

/// A citation's inlines as their Markdown source (what pandoc keeps as the citation's text).
fn as_written(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Emph { content } => format!("*{}*", as_written(content)),
            Inline::Strong { content } => format!("**{}**", as_written(content)),
            other => our_inlines(std::slice::from_ref(other)),
        })
        .collect()
}

fn squash(s: &str) -> String {
    let typed = s.replace('’', "'").replace('…', "...");
    typed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Our blocks as the same signature. A quotation's source is the paragraph pandoc reads
/// after its dash; a quotation's language, and an epigraph, the div pandoc reads around it.
fn our_signature(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { content, .. } => out.push(format!("P {}", our_inlines(content))),
            Block::Heading { content, .. } => out.push(format!("H {}", our_inlines(content))),
            Block::Quote { blocks, source, lang, epigraph } => {
                if let Some(l) = lang {
                    out.push(format!("LANG {l}"));
                }
                if *epigraph {
                    out.push("EPIGRAPH".into());
                }
                out.push("QUOTE".into());
                our_signature(blocks, out);
                if let Some(source) = source {
                    out.push(format!("P — {}", our_inlines(source)));
                }
                out.push("END".into());
            }
            Block::List { numbering, items } => {
                let start = numbering.map(|n| n.label(n.start));
                out.push(format!("LIST {} {}", start.unwrap_or("-".into()), items.len()));
                for item in items {
                    out.push("ITEM".into());
                    our_signature(item, out);
                }
                out.push("END".into());
            }
            Block::DefinitionList { items } => {
                out.push(format!("DL {}", items.len()));
                for d in items {
                    out.push(format!("DT {}", our_inlines(&d.term)));
                    for def in &d.details {
                        out.push("DD".into());
                        our_signature(def, out);
                    }
                }
                out.push("END".into());
            }
            Block::CodeBlock { text, syntax } => {
                out.push(format!("CODE {} {text}", syntax.as_deref().unwrap_or("")))
            }
            Block::SectionBreak => out.push("BREAK".into()),
            Block::LineBlock { lines } => {
                out.push(format!("LINES {}", lines.len()));
                lines.iter().for_each(|l| out.push(format!("L {}", our_inlines(l))));
            }
            Block::EmbeddedText { blocks, kind, lang } => {
                if let Some(l) = lang {
                    out.push(format!("LANG {l}"));
                }
                out.push(format!("TEXT {}", kind.as_deref().unwrap_or("-")));
                our_signature(blocks, out);
                out.push("END".into());
            }
            Block::Table(t) => out.push(format!("TABLE {} rows", t.rows().count())),
            Block::Figure(f) => out.push(format!("FIGURE {} images", f.images.len())),
        }
    }
}

/// pandoc's reading of `path` and ours, as signatures: the body, then every note's blocks.
/// pandoc reads with its default `smart` extension, as ours does: straight quotation marks
/// around words are quotations (`Quoted`). Its other smart typography (`'` inside a word as
/// `’`, `...` as `…`) is not ours (the model keeps the text as typed), so the signatures
/// compare those characters as typed (the fixtures type no `--` for a dash).
fn both_readings(path: &Path, pandoc: &Path) -> (Vec<String>, Vec<String>) {
    let o = Command::new(pandoc).args(["-f", "markdown", "-t", "json"]).arg(path).output().unwrap();
    assert!(o.status.success());
    let ast: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut theirs = Vec::new();
    pandoc_signature(ast["blocks"].as_array().unwrap(), &mut theirs);
    let mut notes = Vec::new();
    pandoc_notes(&ast["blocks"], &mut notes);
    for n in notes {
        theirs.push("NOTE".into());
        pandoc_signature(n.as_array().unwrap(), &mut theirs);
    }
    let doc = load(path);
    let mut ours = Vec::new();
    for part in &doc.front {
        let class = match part.kind {
            FrontKind::TitlePage => "titlepage",
            FrontKind::Dedication => "dedication",
            FrontKind::Preface => "preface",
            FrontKind::Acknowledgements => "acknowledgements",
            FrontKind::Errata => "errata",
            FrontKind::Other => "front-matter",
        };
        ours.push(format!("FRONT {class} {}", part.name.as_deref().unwrap_or("-")));
        our_signature(&part.blocks, &mut ours);
        ours.push("END".into());
    }
    our_signature(&doc.body, &mut ours);
    // The bibliography, as the heading and bulleted list pandoc reads.
    if let Some(b) = &doc.back.bibliography {
        ours.push(format!("H {}", b.heading));
        ours.push(format!("LIST - {}", b.entries.len()));
        for e in &b.entries {
            ours.push("ITEM".into());
            ours.push(format!("P {}", our_inlines(&e.content)));
        }
        ours.push("END".into());
    }
    for n in doc.notes() {
        ours.push("NOTE".into());
        our_signature(&n.content, &mut ours);
    }
    (ours, theirs)
}

/// pandoc's notes in document order (a note's own notes after it).
fn pandoc_notes<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("Note") {
                out.push(&o["c"]);
            }
            o.values().for_each(|x| pandoc_notes(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| pandoc_notes(x, out)),
        _ => {}
    }
}

/// Every Markdown fixture of this issue, read by pandoc and by us, agrees block by block and
/// inline by inline, notes included. No difference needs justifying on these fixtures: where
/// the model could differ (a quotation's source line, pandoc's last paragraph after a dash;
/// a quotation's language, pandoc's div around it) the signatures say it the same way.
#[test]
fn pandoc_reads_every_fixture_the_same_way() {
    let Some(pandoc) = pandoc() else { return };
    let mut all = String::new();
    for path in fixtures() {
        let (ours, theirs) = both_readings(&path, &pandoc);
        assert_eq!(ours, theirs, "{}", path.display());
        all.push_str(&ours.join("\n"));
    }
    // The fixtures hold every kind (so the comparison covers them).
    assert_covers(
        &all,
        &[
            "QUOTE",
            "EPIGRAPH",
            "LANG",
            "LIST 3.",
            "LIST 1)",
            "DL 3",
            "DD",
            "CODE python",
            "BREAK",
            "^(",
            "~(",
            "SC(",
            " // ",
            "`prot",
            "{N}",
            "{PB",
            "TEXT letter",
            "FRONT dedication",
            "FRONT front-matter motto",
            "MATH(",
            "MATHD(",
        ],
    );
    // The note on the source holds a list.
    let doc = load(&fixture());
    let mut s = Vec::new();
    our_signature(&doc.notes()[2].content, &mut s);
    assert_eq!(s.join(" | "), "P The date is that of the copy: | LIST 1. 2 | ITEM | P the original is lost; | ITEM | P the copy was made the same day. | END");
}

/// The Markdown fixtures of the blocks and inlines of issue 16.
fn fixtures() -> Vec<PathBuf> {
    let v = files_in("tests/blocks", "md");
    assert!(v.len() >= 2);
    v
}

#[test]
fn markdown_written_back_reads_as_the_same_model_and_is_byte_stable() {
    for path in fixtures() {
        let doc = load(&path);
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.md");
        std::fs::write(&first, written(&doc, Format::Markdown)).unwrap();
        let again = load(&first);
        assert_eq!(again.body, doc.body, "{}", path.display());
        let second = written(&again, Format::Markdown);
        assert_eq!(String::from_utf8(second).unwrap(), std::fs::read_to_string(&first).unwrap());
    }
}

#[test]
fn tei_and_the_e_book_are_valid_with_quotations_and_lists() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let tei = String::from_utf8(written(&doc, Format::Tei)).unwrap();
    for want in [
        "<cit><quote><p>Send the division",
        "<bibl>Telegram to the divisional staff, 14 May 1919<note",
        "<quote xml:lang=\"ru\"><p>Дивизия",
        "<list rend=\"numbered\">",
        "<item n=\"3.\">to hold the bridge",
        "<item n=\"2)\">no movement at night.</item>",
    ] {
        assert!(tei.contains(want), "{want}\n{tei}");
    }
    let tei_path = dir.path().join("blocks.tei.xml");
    std::fs::write(&tei_path, &tei).unwrap();
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &[tei_path]);
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let epub = dir.path().join("blocks.epub");
    let bytes = written(&doc, Format::Epub);
    std::fs::write(&epub, &bytes).unwrap();
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    for want in [
        "<blockquote>",
        "<footer>— Telegram",
        "<blockquote lang=\"ru\"",
        "<ol start=\"3\">",
        "<ol class=\"paren\">",
    ] {
        assert!(x.contains(want), "{want}\n{x}");
    }
    assert_epub_clean(&epub);
}

#[test]
fn the_pdf_prints_every_marker_quotation_and_source() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("blocks.pdf");
    std::fs::write(&pdf, written(&doc, Format::Pdf)).unwrap();
    let Some(o) = pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) else { return };
    assert!(o.status.success());
    let text = squash(&String::from_utf8_lossy(&o.stdout));
    for want in [
        "Send the division to the border at once.",
        "Telegram to the divisional staff, 14 May 1919",
        "Дивизия выступила.",
        "3. to hold the bridge",
        "5. to report daily.",
        "1) no requisitions",
        "2) no movement at night.",
        "• orders must be read aloud",
        "obeyed to the letter.",
        "the original is lost;",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

/// The printed pages of an extracted text (fixture 004: folios at the foot of pages 117 to
/// 119, two of them mid-sentence, one inside a hyphenated word) reach every format: TEI
/// `<pb>`, the e-book's page-break markers and page list, Markdown spans read back the same.
#[test]
fn printed_pages_reach_every_format() {
    let input = root().join("tests/fixtures/004-separators-page-furniture/input.txt");
    let doc = load(&input);
    let tei = String::from_utf8(written(&doc, Format::Tei)).unwrap();
    assert!(tei.contains("<pb n=\"117\" type=\"print\"/>When the Ottoman offensive"), "{tei}");
    assert!(tei.contains("transformation<pb n=\"118\" type=\"print\"/> of the city"), "{tei}");
    assert!(tei.contains("the committee <pb n=\"119\" type=\"print\"/>struck"), "{tei}");
    let dir = tempfile::tempdir().unwrap();
    // TEI and Markdown read back to the same model.
    for format in [Format::Tei, Format::Markdown] {
        let path = dir.path().join(if format == Format::Tei { "p.tei.xml" } else { "p.md" });
        std::fs::write(&path, written(&doc, format)).unwrap();
        assert_eq!(load(&path).body, doc.body, "{format:?}");
    }
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &[dir.path().join("p.tei.xml")]);
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let bytes = written(&doc, Format::Epub);
    let epub = dir.path().join("p.epub");
    std::fs::write(&epub, &bytes).unwrap();
    let nav = epub_entry(&bytes, "EPUB/nav.xhtml");
    // `<a href="article.xhtml#page-1">117</a>`: the printed numbers, in order.
    let page_list = nav.split("<nav epub:type=\"page-list\"").nth(1).unwrap();
    let listed: Vec<&str> = page_list
        .split("article.xhtml#page-")
        .skip(1)
        .filter_map(|a| a.split_once("\">").and_then(|(_, rest)| rest.split_once('<')).map(|(n, _)| n))
        .collect();
    assert_eq!(listed, ["117", "118", "119"], "{nav}");
    let opf = epub_entry(&bytes, "EPUB/package.opf");
    assert!(opf.contains("<meta property=\"pageBreakSource\">"), "{opf}");
    if let Some(jar) = epubcheck_jar() {
        if let Some(report) = epubcheck_problems(&jar, &epub) {
            panic!("EPUBCheck:\n{report}");
        }
    }
}

/// pandoc's entries after the references heading: each item of a list, each paragraph, each
/// `::: {#ref-…}` div counted once; the `{#refs}` div and subheadings are walked through.
fn pandoc_entries(blocks: &[Value], after_heading: &mut bool, n: &mut usize) {
    for b in blocks {
        match b["t"].as_str().unwrap() {
            "Header" if b["c"][0] == 1 => *after_heading = true,
            "Header" => {}
            _ if !*after_heading => {}
            "Para" | "Plain" => *n += 1,
            "BulletList" => *n += b["c"].as_array().unwrap().len(),
            "OrderedList" => *n += b["c"][1].as_array().unwrap().len(),
            "Div" if b["c"][0][0].as_str().unwrap().starts_with("ref-") => *n += 1,
            "Div" => pandoc_entries(b["c"][1].as_array().unwrap(), after_heading, n),
            other => panic!("no entry reads as {other}"),
        }
    }
}

/// Every form of reference list is read entry by entry, as many entries as pandoc 3.9 reads
/// list items, paragraphs and entry divs after the heading: a bullet list, a numbered list, one
/// paragraph per entry, pandoc's `{#refs}` div of paragraphs or of `{#ref-key}` divs, headed
/// parts, and the forms one after another; nothing is left out or reported.
#[test]
fn every_form_of_reference_list_has_as_many_entries_as_pandoc_reads() {
    let Some(pandoc) = pandoc() else { return };
    let forms = [
        "- Smith J. Book. 2000.\n- Jones K. Other. 2001.\n",
        "1. Smith J. Book. 2000.\n2. Jones K. Other. 2001.\n3. Иванов И. Книга. М., 1999.\n",
        "Smith J. Book.\nLondon, 2000.\n\nJones K. Other. 2001.\n\nИванов И. Книга. М., 1999.\n",
        "::: {#refs}\nSmith J. Book. 2000.\n\nJones K. Other. 2001.\n:::\n",
        "::: {#refs .references .csl-bib-body}\n::: {#ref-smith .csl-entry}\nSmith J. Book. 2000.\n:::\n\n::: {#ref-jones .csl-entry}\nJones K. Other. 2001.\n:::\n:::\n",
        "### Archival sources\n\nGARF, f. 102.\n\nRGIA, f. 1284.\n\n### Literature\n\n- Smith J. Book. 2000.\n",
        "Smith J. Book. 2000.\n\n1. Jones K. Other. 2001.\n\n- Brown L. Third. 2002.\n\nGreen M. Fourth. 2003.\n",
    ];
    let dir = tempfile::tempdir().unwrap();
    for (k, form) in forms.iter().enumerate() {
        let path = dir.path().join(format!("refs{k}.md"));
        std::fs::write(&path, format!("Text.\n\n# References\n\n{form}")).unwrap();
        let o = Command::new(&pandoc).args(["-f", "markdown", "-t", "json"]).arg(&path).output().unwrap();
        let ast: Value = serde_json::from_slice(&o.stdout).unwrap();
        let (mut after, mut theirs) = (false, 0);
        pandoc_entries(ast["blocks"].as_array().unwrap(), &mut after, &mut theirs);
        let (doc, diags) = colophon::load(&path, None, &Resources::builtin()).unwrap();
        let ours = doc.back.bibliography.map_or(0, |b| b.entries.len());
        assert!(theirs >= 2, "{form}");
        assert_eq!(ours, theirs, "{form}");
        assert!(diags.iter().all(|d| d.code != "md-after-references"), "{form}: {diags:?}");
        assert_eq!(doc.body.len(), 1, "{form}");
    }
}

/// Constructs pandoc reads where CommonMark reads text, each a small input of our own read
/// by pandoc 3.9 and by us to the same blocks and inlines: links with spaces in their
/// destination, titles with quotes inside, reference definitions CommonMark does not take,
/// implicit header references, example lists numbered on through the text, definitions
/// marked `~`.
#[test]
fn pandoc_reads_each_construct_the_same_way() {
    let Some(pandoc) = pandoc() else { return };
    let cases = [
        "[foo](/bar and baz) and [foo](/bar\n and baz ) and [foo](bar baz  \"title\" ).\n",
        "[URL](/url/ \"title with \"quotes\" in it\") and [biz](/url/ 'single').\n",
        "[baz][] [bam][] and [it][baz].\n\n[baz]: /foo foo\n[bam]:  /foo fee   \n",
        "Empty: [foo2].\n\n[foo2]:\n\nText.\n",
        "## My header\n\nA link to [My header], to [it][my header], to [Other].\n\n## Other {#x}\n",
        "(@) First.\n(@good) Second.\n\nAs shown.\n\n(@) Third.\n",
        "apple\n\n  ~ red fruit\n\n  ~ computer\n\norange\n~ orange fruit\n\nNot ~ a marker.\n",
    ];
    let dir = tempfile::tempdir().unwrap();
    for (k, case) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case{k}.md"));
        std::fs::write(&path, case).unwrap();
        let (ours, theirs) = both_readings(&path, &pandoc);
        assert_eq!(ours, theirs, "{case}");
        assert!(
            ours.iter().any(|s| s.contains("L(") || s.starts_with("LIST") || s.starts_with("DL")),
            "{case}: {ours:?}"
        );
    }
}
