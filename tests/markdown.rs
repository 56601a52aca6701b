//! Markdown out and in: the editor's round trip (text → md → model gives the text's model,
//! md → md is byte-stable, md → TEI equals text → TEI), pandoc reading our Markdown with the
//! same notes and metadata, and our reader taking pandoc's Markdown with every note.

mod common;

use colophon::model::plain_text;
use colophon::{Document, Format, Resources};
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap_or_else(|e| panic!("{}: {e}", path.display())).0
}

fn markdown(doc: &Document) -> String {
    String::from_utf8(colophon::write(doc, Format::Markdown, &Resources::builtin()).unwrap().0).unwrap()
}

fn inputs() -> Vec<PathBuf> {
    let mut v = fixture_inputs();
    v.insert(0, root().join("input/zangezur-article.txt"));
    v
}

/// The model as pretty JSON, for a readable diff when two models differ.
fn json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).unwrap()
}

fn assert_same_model(a: &Document, b: &Document, what: &str) {
    if a != b {
        let diff =
            similar::TextDiff::from_lines(&json(a), &json(b)).unified_diff().context_radius(3).to_string();
        panic!("{what}: the models differ\n{}", diff.chars().take(6000).collect::<String>());
    }
}

/// `input` loaded, its Markdown, and where that Markdown was written in `dir`.
fn written(input: &Path, dir: &Path) -> (Document, String, PathBuf) {
    let doc = load(input);
    let md = markdown(&doc);
    let path = dir.join("article.md");
    std::fs::write(&path, &md).unwrap();
    (doc, md, path)
}

#[test]
fn text_to_markdown_to_model_gives_the_texts_model_and_markdown_is_byte_stable() {
    let dir = tempfile::tempdir().unwrap();
    for input in inputs() {
        let (doc, md, path) = written(&input, dir.path());
        let back = load(&path);
        assert_same_model(&doc, &back, &input.display().to_string());
        assert_eq!(markdown(&back), md, "{}: md → md changed the bytes", input.display());
    }
}

#[test]
fn markdown_to_tei_equals_text_to_tei() {
    let res = Resources::builtin();
    let input = root().join("input/zangezur-article.txt");
    let doc = load(&input);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zangezur-article.md");
    std::fs::write(&path, markdown(&doc)).unwrap();
    let from_md = colophon::write(&load(&path), Format::Tei, &res).unwrap().0;
    let from_text = colophon::write(&doc, Format::Tei, &res).unwrap().0;
    assert!(from_md == from_text, "the TEI of the Markdown differs from the TEI of the text");
}

#[test]
fn the_markdown_of_the_example_is_golden() {
    let doc = load(&root().join("input/zangezur-article.txt"));
    assert_golden(&root().join("tests/golden/zangezur-article.md"), &markdown(&doc));
}

/// Pandoc's AST inlines as plain text (quotes kept, notes left out).
fn stringify(v: &Value, out: &mut String) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| stringify(i, out)),
        Value::Object(o) => {
            let c = o.get("c");
            match o.get("t").and_then(Value::as_str).unwrap_or_default() {
                "Str" | "Code" | "RawInline" => {
                    out.push_str(c.and_then(|c| c.as_str().or_else(|| c[1].as_str())).unwrap_or_default())
                }
                "Space" | "SoftBreak" | "LineBreak" => out.push(' '),
                "Note" => {}
                "Span" | "Link" => stringify(&c.unwrap()[1], out),
                "Quoted" => {
                    let q = if c.unwrap()[0]["t"] == "SingleQuote" { '\'' } else { '"' };
                    out.push(q);
                    stringify(&c.unwrap()[1], out);
                    out.push(q);
                }
                "Cite" => stringify(&c.unwrap()[1], out),
                "Para" | "Plain" => {
                    stringify(c.unwrap(), out);
                    out.push(' ');
                }
                // Emphasis and the like, and metadata values, hold their inlines in `c`.
                _ => {
                    if let Some(c) = c {
                        stringify(c, out)
                    }
                }
            }
        }
        _ => {}
    }
}

fn pandoc_text(v: &Value) -> String {
    let mut s = String::new();
    stringify(v, &mut s);
    squash(&s)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `Note` of pandoc's AST, in document order, as plain text.
fn pandoc_notes(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| pandoc_notes(i, out)),
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("Note") {
                out.push(pandoc_text(&o["c"]));
            }
            o.values().for_each(|x| pandoc_notes(x, out));
        }
        _ => {}
    }
}

/// Every note of the model as plain text: those of the abstracts (pandoc's metadata) first.
fn model_notes(doc: &Document) -> Vec<String> {
    let mut notes = Vec::new();
    doc.meta.abstracts.iter().flat_map(|a| &a.content).for_each(|b| b.collect_notes(&mut notes));
    notes.extend(doc.notes());
    notes
        .iter()
        .map(|n| squash(&n.content.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join(" ")))
        .collect()
}

/// `pandoc -f markdown-smart` (without `smart`, pandoc keeps straight quotes, `--` and `...`
/// as written, which is what the article printed) on `md`, as its JSON AST.
fn pandoc_ast(pandoc: &Path, md: &Path) -> Value {
    let o = Command::new(pandoc).args(["-f", "markdown-smart", "-t", "json"]).arg(md).output().unwrap();
    assert!(o.status.success(), "pandoc: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn pandoc_reads_our_markdown_with_the_same_notes_and_metadata() {
    let Some(pandoc) = pandoc() else { return };
    let dir = tempfile::tempdir().unwrap();
    for input in inputs() {
        let (doc, md, path) = written(&input, dir.path());
        let ast = pandoc_ast(&pandoc, &path);
        let what = input.display().to_string();
        // Notes: as many, in the same order, with the same text.
        let mut theirs = Vec::new();
        pandoc_notes(&ast["meta"], &mut theirs);
        pandoc_notes(&ast["blocks"], &mut theirs);
        let ours = model_notes(&doc);
        assert_eq!(theirs.len(), ours.len(), "{what}: notes");
        for (k, (t, o)) in theirs.iter().zip(&ours).enumerate() {
            assert_eq!(t, o, "{what}: note {}", k + 1);
        }
        // Metadata: the keys we wrote are the keys pandoc read, with the same values.
        let yaml = md.strip_prefix("---\n").and_then(|r| r.split_once("\n---\n")).map(|(y, _)| y).unwrap();
        let ours: Value = serde_norway::from_str(yaml).unwrap();
        let keys = |v: &Value| {
            v.as_object()
                .map(|o| o.keys().cloned().collect::<std::collections::BTreeSet<_>>())
                .unwrap_or_default()
        };
        assert_eq!(keys(&ast["meta"]), keys(&ours), "{what}: metadata keys");
        let meta = &ast["meta"];
        if let Some(t) = doc.meta.titles.first() {
            assert_eq!(pandoc_text(&meta["title"]), squash(&t.text), "{what}: title");
        }
        for (k, a) in doc.meta.authors.iter().enumerate() {
            if let Some(name) = &a.name {
                assert_eq!(pandoc_text(&meta["author"]["c"][k]["c"]["name"]), squash(name), "{what}: author");
            }
        }
        for (k, a) in doc.meta.abstracts.iter().enumerate() {
            let text =
                squash(&a.content.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join(" "));
            assert_eq!(pandoc_text(&meta["abstract"]["c"][k]["c"]["text"]), text, "{what}: abstract {k}");
        }
        for (k, list) in doc.meta.keywords.iter().enumerate() {
            let terms: Vec<String> = meta["keywords"]["c"][k]["c"]["terms"]["c"]
                .as_array()
                .map(|a| a.iter().map(pandoc_text).collect())
                .unwrap_or_default();
            assert_eq!(terms, list.terms, "{what}: keywords {k}");
        }
        // The references: one list item each, with the printed text; a part's subheading is a
        // level-2 header before its list.
        if let Some(bib) = &doc.back.bibliography {
            let blocks = ast["blocks"].as_array().unwrap();
            let at = blocks
                .iter()
                .position(|b| b["t"] == "Header" && b["c"][1][0] == "references")
                .expect("the references heading");
            let after = &blocks[at + 1..];
            let items: Vec<&Value> = after
                .iter()
                .filter(|b| b["t"] == "BulletList")
                .flat_map(|l| l["c"].as_array().unwrap())
                .collect();
            let parts: Vec<(String, u64)> = after
                .iter()
                .filter(|b| b["t"] == "Header")
                .map(|h| (pandoc_text(&h["c"][2]), h["c"][0].as_u64().unwrap()))
                .collect();
            let want: Vec<(String, u64)> = bib.parts.iter().map(|p| (squash(&p.heading), 2)).collect();
            assert_eq!(parts, want, "{what}: parts");
            assert_eq!(items.len(), bib.entries.len(), "{what}: references");
            for (item, e) in items.into_iter().zip(&bib.entries) {
                let mut text = pandoc_text(item);
                if let Some(l) = &e.label {
                    text = text.strip_prefix(&format!("{l} ")).unwrap_or(&text).to_string();
                }
                assert_eq!(text, squash(&plain_text(&e.content)), "{what}: reference");
            }
        }
    }
}

#[test]
fn we_read_pandocs_own_markdown_with_every_note() {
    let Some(pandoc) = pandoc() else { return };
    let dir = tempfile::tempdir().unwrap();
    let doc = load(&root().join("input/zangezur-article.txt"));
    let ours = dir.path().join("ours.md");
    std::fs::write(&ours, markdown(&doc)).unwrap();
    // Pandoc rewrites it in its own style: notes gathered at the end, lines wrapped at 72
    // columns, its own escapes and YAML. Both sides read and write `smart`: a typed quotation
    // mark stays escaped (`\"`), as ours writes it.
    let theirs = dir.path().join("theirs.md");
    let o = Command::new(&pandoc)
        .args(["-f", "markdown", "-t", "markdown", "-s", "-o"])
        .arg(&theirs)
        .arg(&ours)
        .output()
        .unwrap();
    assert!(o.status.success(), "pandoc: {}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&theirs).unwrap();
    assert!(text.lines().any(|l| l.starts_with("[^1]: ")), "pandoc gathers the notes at the end");
    let back = load(&theirs);
    assert_eq!(back.notes().len(), 103);
    // pandoc's `smart` reader makes dashes of a typed `---` and `--`, and its writer types
    // dashes so; colophon keeps text as typed: both sides are compared with dashes.
    let dashes = |notes: Vec<String>| -> Vec<String> {
        notes.into_iter().map(|n| n.replace("---", "\u{2014}").replace("--", "\u{2013}")).collect()
    };
    assert_eq!(dashes(model_notes(&back)), dashes(model_notes(&doc)));
    assert_eq!(back.meta.titles, doc.meta.titles);
    assert_eq!(back.meta.abstracts.len(), doc.meta.abstracts.len());
    assert_eq!(back.back.bibliography.as_ref().map(|b| b.entries.len()), Some(67));
    // The body says the same, word for word.
    let words =
        |d: &Document| squash(&d.body.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join(" "));
    let dash = |s: String| s.replace("---", "\u{2014}").replace("--", "\u{2013}");
    assert_eq!(dash(words(&back)), dash(words(&doc)));
}

#[test]
fn converting_a_markdown_file_to_markdown_in_its_own_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("a.md");
    std::fs::write(&md, markdown(&load(&root().join("tests/fixtures/001-english-superscripts/input.txt"))))
        .unwrap();
    let before = std::fs::read(&md).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", md.to_str().unwrap(), "-t", "md", "-o", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("would overwrite the input"));
    assert_eq!(std::fs::read(&md).unwrap(), before);
}

#[test]
fn a_broken_markdown_file_is_refused_at_its_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "---\ntitle: \"A\"\n---\n\nText.[^1] More.[^2]\n\n[^1]: A note.\n",
            "a.md:5:16: note [^2] has no definition",
        ),
        (
            "---\ntitle: \"A\"\nlang: \"english!\"\n---\n\nText.\n",
            "a.md:3:8: `english!` is not a well-formed BCP 47",
        ),
        ("---\ntitle: [unclosed\n---\n\nText.\n", "a.md:3:1: invalid YAML metadata"),
    ];
    for (text, want) in cases {
        let md = dir.path().join("a.md");
        std::fs::write(&md, text).unwrap();
        let out = dir.path().join("out");
        let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
            .args(["convert", md.to_str().unwrap(), "-t", "tei,pdf", "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(3), "{text:?}: {err}");
        assert!(err.contains(want), "{text:?}: {err}");
        assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(), "no output");
    }
}

/// The reference list as pandoc reads it: after the heading whose text is `heading` (or
/// inside the `refs` div), each list item or paragraph is an entry and each lower heading
/// opens a part. Returns (parts as (heading, first entry), entries).
fn pandoc_references(blocks: &[Value], heading: &str) -> (Vec<(String, usize)>, Vec<String>) {
    fn gather(blocks: &[Value], parts: &mut Vec<(String, usize)>, entries: &mut Vec<String>) {
        for b in blocks {
            match b["t"].as_str() {
                Some("BulletList") => entries.extend(b["c"].as_array().unwrap().iter().map(pandoc_text)),
                Some("OrderedList") => entries.extend(b["c"][1].as_array().unwrap().iter().map(pandoc_text)),
                Some("Para") | Some("Plain") => entries.push(pandoc_text(&b["c"])),
                Some("Header") => parts.push((pandoc_text(&b["c"][2]), entries.len())),
                Some("Div") => gather(b["c"][1].as_array().unwrap(), parts, entries),
                other => panic!("pandoc read a {other:?} in the reference list"),
            }
        }
    }
    let at = blocks
        .iter()
        .position(|b| b["t"] == "Header" && pandoc_text(&b["c"][2]) == heading)
        .expect("pandoc read the references heading");
    let (mut parts, mut entries) = (Vec::new(), Vec::new());
    gather(&blocks[at + 1..], &mut parts, &mut entries);
    (parts, entries)
}

/// Every form a reference list is typed in after its heading (a bullet list, a numbered
/// list, one paragraph per entry, pandoc's `::: {#refs}` div, parts under lower headings) is
/// read as pandoc 3 reads its blocks: the same entries, word for word and in order, and the
/// same parts. Numbers of a numbered list are list markers to pandoc; we keep them as the
/// entry's label, apart from its text, so the texts still agree.
#[test]
fn every_reference_list_form_gives_the_entries_pandoc_reads() {
    let Some(pandoc) = pandoc() else { return };
    let entries = [
        "Гасанлы Дж. *Русская революция и Азербайджан: трудный путь к независимости.* Москва: Флинта, 2011.",
        "Swietochowski, T. *Russia and Azerbaijan: A Borderland in Transition.* New York: Columbia University Press, 1995.",
        "Balayev, A. *Azərbaycan milli demokratik hərəkatı.* Bakı: Elm, 1990.",
        "Kurat, A. N. *Türkiye ve Rusya.* Ankara: Kültür Bakanlığı, 1990.",
        "ჯავახიშვილი ი. *ქართველი ერის ისტორია.* თბილისი, 1960.",
    ];
    let bullets: String = entries.iter().map(|e| format!("- {e}\n")).collect();
    let numbered: String = entries.iter().enumerate().map(|(k, e)| format!("{}. {e}\n", k + 1)).collect();
    let paragraphs: String = entries.iter().map(|e| format!("{e}\n\n")).collect();
    let div = format!("::: {{#refs}}\n{paragraphs}:::\n");
    let parts = format!(
        "## Archival and published sources\n\n- {}\n- {}\n\n## Studies\n\n{}\n\n{}\n\n{}\n",
        entries[0], entries[1], entries[2], entries[3], entries[4]
    );
    let dir = tempfile::tempdir().unwrap();
    for (form, list) in [
        ("bullets", bullets),
        ("numbered", numbered),
        ("paragraphs", paragraphs),
        ("div", div),
        ("parts", parts),
    ] {
        let md = format!(
            "---\ntitle: A short article\n---\n\n# Introduction\n\nThe body.[^1]\n\n[^1]: A note.\n\n# References\n\n{list}"
        );
        let path = dir.path().join(format!("{form}.md"));
        std::fs::write(&path, &md).unwrap();
        let doc = load(&path);
        let ast = pandoc_ast(&pandoc, &path);
        let (their_parts, theirs) = pandoc_references(ast["blocks"].as_array().unwrap(), "References");
        let bib = doc.back.bibliography.as_ref().unwrap_or_else(|| panic!("{form}: no bibliography"));
        let ours: Vec<String> = bib.entries.iter().map(|e| squash(&e.raw)).collect();
        assert_eq!(ours, theirs, "{form}: entries");
        assert_eq!(ours.len(), entries.len(), "{form}: every entry");
        let our_parts: Vec<(String, usize)> =
            bib.parts.iter().map(|p| (squash(&p.heading), p.start)).collect();
        assert_eq!(our_parts, their_parts, "{form}: parts");
        if form == "numbered" {
            let labels: Vec<Option<&str>> = bib.entries.iter().map(|e| e.label.as_deref()).collect();
            assert_eq!(labels, [Some("1"), Some("2"), Some("3"), Some("4"), Some("5")], "{form}: labels");
        }
        // Each entry in its own language and script (Georgian by its script alone).
        let langs: Vec<Option<String>> =
            bib.entries.iter().map(|e| e.lang.as_ref().map(|l| l.to_string())).collect();
        assert_eq!(
            langs,
            [Some("ru"), Some("en"), Some("az-Latn"), Some("tr"), Some("ka")].map(|l| l.map(String::from)),
            "{form}: languages"
        );
    }
}
