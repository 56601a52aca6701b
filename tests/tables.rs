//! Tables and figures in Markdown (issue 17): pandoc 3.9 as the oracle for what every table
//! (caption, columns, head, body, foot, each cell with its spans) and figure of the fixtures of
//! `tests/tables/` is; Markdown written back byte-stable, through JSON too; bad input
//! reported with its line and column.
mod common;
use colophon::model::{plain_text, Align, Block, Document, Extent, Inline};
use colophon::{Format, Resources};
use common::*;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn load(path: &Path) -> (Document, Vec<colophon::Diagnostic>) {
    colophon::load(path, None, &Resources::builtin()).unwrap()
}

fn fixtures() -> Vec<PathBuf> {
    let v = files_in("tests/tables", "md");
    assert!(v.len() >= 4);
    v
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Table 1. Population` and `Table 1 Population` alike: the punctuation after a printed
/// label, which the model leaves to writers, taken out.
fn unpunctuated(caption: &str) -> String {
    let words: Vec<&str> = caption.splitn(3, ' ').collect();
    match words.as_slice() {
        [word, number, rest @ ..]
            if number.starts_with(|c: char| c.is_ascii_digit() || "IVX".contains(c)) =>
        {
            let number = number.trim_end_matches(['.', ':']);
            squash(&format!("{word} {number} {}", rest.join(" ")))
        }
        _ => squash(caption),
    }
}

// ---------------------------------------------------------------------------------------------
// pandoc's side

fn pandoc_inlines(v: &Value, ids: &HashSet<String>) -> String {
    let mut s = String::new();
    for i in v.as_array().into_iter().flatten() {
        let c = &i["c"];
        match i["t"].as_str().unwrap() {
            "Str" => s.push_str(c.as_str().unwrap()),
            "Space" | "SoftBreak" => s.push(' '),
            "LineBreak" => s.push_str(" // "),
            "Note" => s.push_str("{N}"),
            "Emph" => s.push_str(&format!("*({})", pandoc_inlines(c, ids))),
            "Strong" => s.push_str(&format!("**({})", pandoc_inlines(c, ids))),
            "Code" => s.push_str(&format!("`{}`", c[1].as_str().unwrap())),
            // pandoc-crossref's `@fig:map` is a citation to pandoc: a reference to the figure.
            "Cite" => {
                let keys: Vec<&str> =
                    c[0].as_array().unwrap().iter().map(|k| k["citationId"].as_str().unwrap()).collect();
                let text = pandoc_inlines(&c[1], ids);
                if keys.len() == 1 && ids.contains(keys[0]) && text == format!("@{}", keys[0]) {
                    s.push_str(&format!("REF[{}]()", keys[0]));
                } else {
                    s.push_str(&format!("CITE[{}]({text})", keys.join(",")));
                }
            }
            // A link to a table or figure of the document is a reference to it.
            "Link" => {
                let url = c[2][0].as_str().unwrap();
                match url.strip_prefix('#').filter(|id| ids.contains(*id)) {
                    Some(id) => s.push_str(&format!("REF[{id}]({})", pandoc_inlines(&c[1], ids))),
                    None => s.push_str(&format!("L({})", pandoc_inlines(&c[1], ids))),
                }
            }
            "Image" => {
                let width = c[0][2].as_array().unwrap().iter().find(|kv| kv[0] == "width");
                let width = width.and_then(|kv| Extent::parse(kv[1].as_str().unwrap()));
                s.push_str(&format!(
                    "IMG[{}]({}){:?}",
                    c[2][0].as_str().unwrap(),
                    squash(&pandoc_inlines(&c[1], ids)),
                    width
                ));
            }
            "Span" => s.push_str(&pandoc_inlines(&c[1], ids)),
            other => panic!("inline {other}"),
        }
    }
    squash(&s)
}

fn pandoc_blocks(blocks: &Value, ids: &HashSet<String>, out: &mut Vec<String>) {
    for b in blocks.as_array().into_iter().flatten() {
        let c = &b["c"];
        match b["t"].as_str().unwrap() {
            "Para" | "Plain" => out.push(format!("P {}", pandoc_inlines(c, ids))),
            "Header" => out.push(format!("H {}", pandoc_inlines(&c[2], ids))),
            "BulletList" => {
                out.push(format!("LIST {}", c.as_array().unwrap().len()));
                for item in c.as_array().unwrap() {
                    pandoc_blocks(item, ids, out);
                }
            }
            "Table" => {
                let caption: Vec<String> =
                    c[1][1].as_array().unwrap().iter().map(|p| pandoc_inlines(&p["c"], ids)).collect();
                out.push(format!(
                    "TABLE #{} {}",
                    c[0][0].as_str().unwrap(),
                    unpunctuated(&caption.join(" "))
                ));
                let cols: Vec<String> = c[2]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|spec| {
                        let align = spec[0]["t"].as_str().unwrap().trim_start_matches("Align").to_string();
                        let width = spec[1]["c"].as_f64().map(|w| format!("{w:.9}")).unwrap_or("-".into());
                        format!("{align}:{width}")
                    })
                    .collect();
                out.push(format!("COLS {}", cols.join(" ")));
                let rows = |part: &str, rows: &Value, out: &mut Vec<String>| {
                    for row in rows.as_array().unwrap() {
                        out.push(format!("{part} ROW"));
                        for cell in row[1].as_array().unwrap() {
                            let mut inner = Vec::new();
                            pandoc_blocks(&cell[4], ids, &mut inner);
                            out.push(format!("CELL {}x{} {}", cell[2], cell[3], inner.join(" | ")));
                        }
                    }
                };
                rows("HEAD", &c[3][1], out);
                for body in c[4].as_array().unwrap() {
                    rows("BODY", &body[2], out);
                    rows("BODY", &body[3], out);
                }
                rows("FOOT", &c[5][1], out);
            }
            "Figure" => {
                let caption: Vec<String> =
                    c[1][1].as_array().unwrap().iter().map(|p| pandoc_inlines(&p["c"], ids)).collect();
                let image = &c[2][0]["c"][0];
                let alt = image["c"][0][2].as_array().unwrap().iter().find(|kv| kv[0] == "fig-alt");
                let alt = alt.map(|kv| kv[1].as_str().unwrap().to_string());
                let width = image["c"][0][2].as_array().unwrap().iter().find(|kv| kv[0] == "width");
                let width = width.and_then(|kv| Extent::parse(kv[1].as_str().unwrap()));
                let img = format!("IMG[{}]{width:?}", image["c"][2][0].as_str().unwrap());
                out.push(format!(
                    "FIGURE #{} {} {img} alt={alt:?}",
                    c[0][0].as_str().unwrap(),
                    unpunctuated(&caption.join(" "))
                ));
            }
            other => out.push(format!("? {other}")),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Our side

fn our_inlines(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } => s.push_str(text),
            Inline::Shelfmark(m) => s.push_str(&m.raw),
            Inline::LineBreak => s.push_str(" // "),
            Inline::Note(_) => s.push_str("{N}"),
            Inline::Emph { content } => s.push_str(&format!("*({})", our_inlines(content))),
            Inline::Strong { content } => s.push_str(&format!("**({})", our_inlines(content))),
            Inline::Code { text } => s.push_str(&format!("`{text}`")),
            Inline::Citation { keys, content } => {
                s.push_str(&format!("CITE[{}]({})", keys.join(","), plain_text(content)))
            }
            Inline::Ref { target, content } => {
                s.push_str(&format!("REF[{target}]({})", our_inlines(content)))
            }
            Inline::Link { content, .. } => s.push_str(&format!("L({})", our_inlines(content))),
            Inline::Image { image, alt } => {
                s.push_str(&format!("IMG[{}]({}){:?}", image.src, squash(alt), image.width))
            }
            Inline::Span { content, .. } => s.push_str(&our_inlines(content)),
            other => panic!("inline {other:?}"),
        }
    }
    squash(&s)
}

fn labelled(label: &Option<String>, caption: &[Inline]) -> String {
    let caption = our_inlines(caption);
    unpunctuated(&match label {
        Some(l) => format!("{l} {caption}"),
        None => caption,
    })
}

fn our_blocks(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { content, .. } => out.push(format!("P {}", our_inlines(content))),
            Block::Heading { content, .. } => out.push(format!("H {}", our_inlines(content))),
            Block::List { items, .. } => {
                out.push(format!("LIST {}", items.len()));
                for item in items {
                    our_blocks(item, out);
                }
            }
            Block::Table(t) => {
                out.push(format!(
                    "TABLE #{} {}",
                    t.id.as_deref().unwrap_or(""),
                    labelled(&t.label, &t.caption)
                ));
                let cols: Vec<String> = t
                    .columns
                    .iter()
                    .map(|c| {
                        let align = match c.align {
                            Align::Default => "Default",
                            Align::Left => "Left",
                            Align::Right => "Right",
                            Align::Center => "Center",
                        };
                        format!("{align}:{}", c.width.map(|w| format!("{w:.9}")).unwrap_or("-".into()))
                    })
                    .collect();
                out.push(format!("COLS {}", cols.join(" ")));
                for (part, rows) in [("HEAD", &t.head), ("BODY", &t.body), ("FOOT", &t.foot)] {
                    for row in rows {
                        out.push(format!("{part} ROW"));
                        for cell in &row.cells {
                            let mut inner = Vec::new();
                            our_blocks(&cell.blocks, &mut inner);
                            out.push(format!("CELL {}x{} {}", cell.rows, cell.cols, inner.join(" | ")));
                        }
                    }
                }
                // pandoc reads the source line as the paragraph after the table it is.
                if let Some(source) = &t.source {
                    out.push(format!("P {}", our_inlines(source)));
                }
            }
            Block::Figure(f) => {
                let image = &f.images[0];
                out.push(format!(
                    "FIGURE #{} {} IMG[{}]{:?} alt={:?}",
                    f.id.as_deref().unwrap_or(""),
                    labelled(&f.label, &f.caption),
                    image.src,
                    image.width,
                    f.alt
                ));
                if let Some(source) = &f.source {
                    out.push(format!("P {}", our_inlines(source)));
                }
            }
            other => out.push(format!("? {other:?}")),
        }
    }
}

fn ids_of(ast: &Value) -> HashSet<String> {
    let mut ids = HashSet::new();
    for b in ast["blocks"].as_array().unwrap() {
        if matches!(b["t"].as_str(), Some("Table" | "Figure")) {
            let id = b["c"][0][0].as_str().unwrap();
            if !id.is_empty() {
                ids.insert(id.to_string());
            }
        }
    }
    ids
}

/// pandoc 3.9 and colophon read every table and figure of the fixtures the same way: caption
/// and identifier, each column's alignment and width (to 1e-9), head, body and foot rows, each
/// cell's spans and content; figures with their caption, identifier, image, width and `fig-alt`.
/// The differences are of form only, mapped in the signatures and listed here:
/// - a printed label (`Table 1.`, `Tablo 2:`) is the model's `label`; pandoc keeps it in the
///   caption's text (compared without the punctuation after the number, which writers print);
/// - the source line is the model's `source`; pandoc reads the paragraph it is, after the
///   table or figure (compared as that paragraph);
/// - `@fig:map` is a citation to pandoc (the pandoc-crossref filter makes it a reference) and
///   `[text](#fig:map)` a link: both are references to the figure in the model;
/// - pandoc's table body is one `TableBody` of rows (no row-head columns in Markdown).
#[test]
fn pandoc_reads_every_table_and_figure_the_same_way() {
    let Some(pandoc) = pandoc() else { return };
    let mut kinds = String::new();
    for path in fixtures() {
        let o =
            Command::new(&pandoc).args(["-f", "markdown-smart", "-t", "json"]).arg(&path).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let ast: Value = serde_json::from_slice(&o.stdout).unwrap();
        let ids = ids_of(&ast);
        let mut theirs = Vec::new();
        pandoc_blocks(&ast["blocks"], &ids, &mut theirs);
        let (doc, _) = load(&path);
        let mut ours = Vec::new();
        our_blocks(&doc.body, &mut ours);
        for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(a, b, "{} line {k}", path.display());
        }
        assert_eq!(ours.len(), theirs.len(), "{}", path.display());
        kinds.push_str(&ours.join("\n"));
    }
    assert_covers(
        &kinds,
        &[
            "CELL 1x2",
            "CELL 2x1",
            "FOOT ROW",
            "HEAD ROW",
            "LIST 2",
            "Right:",
            "Center:",
            "Left:0.",
            "REF[tbl:",
            "REF[fig:",
            "FIGURE #fig:map",
            "IMG[map.png]",
            "{N}",
        ],
    );
}

#[test]
fn the_reader_keeps_every_table_and_figure() {
    let (doc, diags) = load(&root().join("tests/tables/statistics.md"));
    assert!(diags.iter().all(|d| !d.code.starts_with("md-") && !d.code.starts_with("image-")), "{diags:?}");
    let Some(Block::Table(t)) = doc.body.iter().find(|b| matches!(b, Block::Table(_))) else { panic!() };
    assert_eq!((t.id.as_deref(), t.label.as_deref()), (Some("tbl:population"), Some("Table 1")));
    assert_eq!((t.columns.len(), t.head.len(), t.body.len()), (6, 1, 5));
    assert!(t.columns.iter().all(|c| c.width.is_some()), "a line longer than 72 columns gives widths");
    assert!(plain_text(t.source.as_ref().unwrap()).starts_with("Source: Pervaia"));
    let (doc, _) = load(&root().join("tests/tables/long.md"));
    let Some(Block::Table(t)) = doc.body.iter().find(|b| matches!(b, Block::Table(_))) else { panic!() };
    assert_eq!((t.body.len(), t.label.as_deref()), (65, Some("Таблица 3")));
    assert!(plain_text(t.source.as_ref().unwrap()).starts_with("Источник:"));
    let (doc, diags) = load(&root().join("tests/tables/figures.md"));
    assert!(diags.iter().all(|d| !d.code.starts_with("image-")), "{diags:?}");
    assert_eq!(doc.media.len(), 2, "map.png once, though shown twice; the facsimile");
    let figures: Vec<_> =
        doc.body.iter().filter_map(|b| if let Block::Figure(f) = b { Some(f) } else { None }).collect();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].images[0].width, Some(Extent::Fraction(0.5)));
    assert_eq!(figures[0].label.as_deref(), Some("Figure 1"));
    assert!(figures[0].alt.as_deref().unwrap().starts_with("A map"));
    assert_eq!(plain_text(figures[1].source.as_ref().unwrap()), "Source: RGVIA, f. 400, op. 1, d. 12, l. 5.");
    assert!(figures[1].images[0].media.as_deref() == Some("facsimile.jpg"));
}

/// `blocks` with every loaded image's `src` replaced by its media key.
fn by_key(mut blocks: Vec<Block>) -> Vec<Block> {
    fn inlines(v: &mut [Inline]) {
        for i in v {
            if let Inline::Image { image, .. } = i {
                if let Some(key) = &image.media {
                    image.src = key.clone();
                }
            }
            if let Some(children) = i.children_mut() {
                inlines(children);
            }
        }
    }
    colophon::model::for_each_inlines_mut(&mut blocks, &mut |v| inlines(v));
    for b in &mut blocks {
        if let Block::Figure(f) = b {
            for image in &mut f.images {
                if let Some(key) = &image.media {
                    image.src = key.clone();
                }
            }
        }
    }
    blocks
}

/// Writes `doc` as Markdown into `dir` with its images beside it, as `convert` does.
fn write_md(doc: &Document, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, written(doc, Format::Markdown)).unwrap();
    for staged in colophon::write::stage_media(doc, dir).unwrap() {
        staged.commit().unwrap();
    }
    path
}

#[test]
fn markdown_written_back_is_byte_stable_and_so_is_it_through_json() {
    for path in fixtures() {
        let (doc, _) = load(&path);
        let dir = tempfile::tempdir().unwrap();
        let first = write_md(&doc, dir.path(), "first.md");
        let (again, diags) = load(&first);
        assert!(
            diags.iter().all(|d| !d.code.starts_with("image-") && d.code != "md-unsupported"),
            "{diags:?}"
        );
        // An image's `src` is where the Markdown points: the media folder once written.
        assert_eq!(by_key(again.body.clone()), by_key(doc.body.clone()), "{}", path.display());
        assert_eq!(again.media, doc.media);
        let second = written(&again, Format::Markdown);
        assert_eq!(String::from_utf8(second).unwrap(), std::fs::read_to_string(&first).unwrap());
        // md → json → md.
        let json = dir.path().join("doc.json");
        std::fs::write(&json, written(&doc, Format::Json)).unwrap();
        let (from_json, _) = load(&json);
        assert_eq!(
            written(&from_json, Format::Markdown),
            std::fs::read(&first).unwrap(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn bad_images_and_ragged_rows_are_reported_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let media = root().join("tests/fixtures/media");
    for name in ["truncated.png", "huge.png", "jpeg-named.png"] {
        std::fs::copy(media.join(name), dir.path().join(name)).unwrap();
    }
    let md = "\
Text.

![A missing map](missing.png){#fig:a}

![A cut scan](truncated.png)

![A huge scan](huge.png)

See ![misnamed](jpeg-named.png) here.

| a | b |
|---|---|
| 1 |
| 1 | 2 | 3 |

![A scan](truncated.png){width=wide}
";
    let path = dir.path().join("bad.md");
    std::fs::write(&path, md).unwrap();
    let (doc, diags) = load(&path);
    let found: Vec<(&str, u32, u32)> = diags.iter().map(|d| (d.code, d.line, d.col)).collect();
    for want in [
        ("image-missing", 3, 1),
        ("image-damaged", 5, 1),
        ("image-too-large", 7, 1),
        ("image-misnamed", 9, 5),
        ("md-table-ragged", 13, 1),
        ("md-table-ragged", 14, 1),
        ("md-image-width", 16, 26),
    ] {
        assert!(found.contains(&want), "{want:?} in {found:?}");
    }
    // Every figure is kept, its image a placeholder naming the file.
    let figures: Vec<_> =
        doc.body.iter().filter_map(|b| if let Block::Figure(f) = b { Some(f) } else { None }).collect();
    assert_eq!(figures.len(), 4);
    assert!(figures.iter().all(|f| f.images[0].media.is_none()));
    assert_eq!(doc.media.len(), 1, "the misnamed JPEG is kept as what it holds");
    let Some(Block::Table(t)) = doc.body.iter().find(|b| matches!(b, Block::Table(_))) else { panic!() };
    assert_eq!((t.columns.len(), t.body[0].cells.len(), t.body[1].cells.len()), (3, 3, 3));
    assert!(t.grid().is_some());
    // Written back, the missing image keeps its name.
    let out = String::from_utf8(written(&doc, Format::Markdown)).unwrap();
    assert!(out.contains("![A missing map](missing.png){#fig:a}"), "{out}");
}
