//! Tables and figures in the DOCX writer (issues 17 and 19), tested against readers we did
//! not write with this writer: colophon's DOCX reader (written earlier, for Word's own
//! files), pandoc 3.9 (`-f docx -t json --extract-media`), and python-docx (the package
//! opens, its tables and pictures counted).
//!
//! Differences between the model and its reading back are of DOCX's making, each justified
//! where it is compared:
//! - footer rows come back as body rows: WordprocessingML marks header rows (`w:tblHeader`)
//!   but has no footer rows;
//! - row headers in body rows come back as plain cells: Word marks them only as the whole
//!   table's "first column" look, which the reader does not read;
//! - column widths come back as shares of the grid: a model without widths gets the even
//!   split the writer's `w:tblGrid` holds (Word needs a grid), and shares that sum under 1
//!   come back scaled to 1 (the table's own width, `w:tblW`, is not a column's);
//! - a header cell's alignment is its column's, written on its paragraphs, and comes back
//!   on the cell (the reader lifts only body cells to the column): compared as the alignment
//!   in effect;
//! - an image's `src` comes back as its part in the package (`media/image1.png`) and its
//!   width as the points it was set at: compared by the media bytes;
//! - a cross-reference comes back as a link to the caption's bookmark (`#tbl_population`):
//!   the reader does not turn links into references.
mod common;
use colophon::model::{
    Align, Block, Cell, Column, Document, Figure, Image, Inline, Media, MediaKind, Row, Table,
};
use colophon::{Format, Resources};
use common::*;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap_or_else(|e| panic!("{}: {e}", path.display())).0
}

fn docx(doc: &Document) -> (Vec<u8>, Vec<colophon::Diagnostic>) {
    colophon::write(doc, Format::Docx, &Resources::builtin()).unwrap()
}

/// The DOCX of `doc` read back by colophon's DOCX reader.
fn read_back(bytes: &[u8], dir: &Path, name: &str) -> Document {
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, bytes).unwrap();
    load(&path)
}

/// A part of the package as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_string(&mut s).unwrap();
    s
}

/// Every entry of the package: name and bytes.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().to_string(), b)
        })
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of inlines with each note's text in brackets where it is called (so a note in
/// a cell or caption must come back as a note, at its place, with its text).
fn shown(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } => s.push_str(text),
            Inline::Shelfmark(m) => s.push_str(&m.raw),
            Inline::LineBreak => s.push(' '),
            Inline::Note(n) => s.push_str(&format!("[note: {}]", squash(&note_text(n)))),
            Inline::Image { .. } => s.push_str("[image]"),
            other => s.push_str(&shown(other.children())),
        }
    }
    squash(&s)
}

/// The shape and text of a cell's blocks: paragraphs, lists with their items, nested tables
/// with their cells.
fn blocks_sig(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    for b in blocks {
        out.push(match b {
            Block::Paragraph { content, .. } => format!("P({})", shown(content)),
            Block::List { items, .. } => {
                format!("L[{}]", items.iter().map(|i| blocks_sig(i)).collect::<Vec<_>>().join(" | "))
            }
            Block::Figure(f) => {
                format!("F({:?}, {}, {:?}, {} images)", f.label, shown(&f.caption), f.alt, f.images.len())
            }
            Block::Table(t) => format!(
                "T{{{}}}",
                t.rows()
                    .map(|r| r.cells.iter().map(|c| blocks_sig(&c.blocks)).collect::<Vec<_>>().join(" ; "))
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
            other => format!("{other:?}"),
        });
    }
    out.join(" ")
}

/// Every table and figure of the blocks in reading order (those in cells after their table).
fn floats(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Table(t) => {
                out.push(b);
                t.rows().flat_map(|r| &r.cells).for_each(|c| out.extend(floats(&c.blocks)));
            }
            Block::Figure(_) => out.push(b),
            Block::List { items, .. } => items.iter().for_each(|i| out.extend(floats(i))),
            Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => out.extend(floats(blocks)),
            _ => {}
        }
    }
    out
}

/// The alignment in effect in each cell: its own, else its column's.
fn aligns(t: &Table) -> Vec<Vec<Align>> {
    let grid = t.grid().expect("a table with a grid");
    t.rows()
        .zip(grid)
        .map(|(r, starts)| {
            r.cells.iter().zip(starts).map(|(c, s)| c.align.unwrap_or(t.columns[s].align)).collect()
        })
        .collect()
}

/// The bytes of an image as the document holds them.
fn bytes_of<'a>(doc: &'a Document, image: &Image) -> Option<&'a [u8]> {
    image.media.as_ref().and_then(|k| doc.media.get(k)).map(|m| m.data.as_slice())
}

/// Every image of the document in reading order (figures' and those in the line).
fn all_images(doc: &Document) -> Vec<(&Image, String)> {
    fn inl<'a>(inlines: &'a [Inline], out: &mut Vec<(&'a Image, String)>) {
        for i in inlines {
            match i {
                Inline::Image { image, alt } => out.push((image, alt.clone())),
                other => inl(other.children(), out),
            }
        }
    }
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<(&'a Image, String)>) {
        for b in blocks {
            match b {
                Block::Figure(f) => {
                    out.extend(f.images.iter().map(|i| (i, f.alt.clone().unwrap_or_default())));
                }
                Block::Table(t) => t.rows().flat_map(|r| &r.cells).for_each(|c| walk(&c.blocks, out)),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::Quote { blocks, .. } | Block::EmbeddedText { blocks, .. } => walk(blocks, out),
                Block::Paragraph { content, .. } | Block::Heading { content, .. } => inl(content, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.body, &mut out);
    out
}

/// Compares the tables and figures of `ours` with their reading back, cell by cell.
fn same_floats(name: &str, ours: &Document, back: &Document) {
    let (a, b) = (floats(&ours.body), floats(&back.body));
    assert_eq!(a.len(), b.len(), "{name}: tables and figures");
    for (k, (x, y)) in a.iter().zip(&b).enumerate() {
        let at = format!("{name} #{k}");
        match (x, y) {
            (Block::Table(x), Block::Table(y)) => {
                assert_eq!(x.label, y.label, "{at}: label");
                assert_eq!(shown(&x.caption), shown(&y.caption), "{at}: caption");
                assert_eq!(x.source.as_deref().map(shown), y.source.as_deref().map(shown), "{at}: source");
                assert_eq!(x.columns.len(), y.columns.len(), "{at}: columns");
                assert_eq!(x.head.len(), y.head.len(), "{at}: header rows");
                // Footer rows come back as body rows (Word has none).
                assert_eq!(x.body.len() + x.foot.len(), y.body.len(), "{at}: body and footer rows");
                for (r, (rx, ry)) in x.rows().zip(y.rows()).enumerate() {
                    assert_eq!(rx.cells.len(), ry.cells.len(), "{at} row {r}: cells");
                    for (c, (cx, cy)) in rx.cells.iter().zip(&ry.cells).enumerate() {
                        assert_eq!(blocks_sig(&cx.blocks), blocks_sig(&cy.blocks), "{at} row {r} cell {c}");
                        assert_eq!((cx.rows, cx.cols), (cy.rows, cy.cols), "{at} row {r} cell {c}: spans");
                    }
                }
                assert_eq!(aligns(x), aligns(y), "{at}: alignment in effect");
                // Widths: the shares given (scaled to 1), else the even split of the grid.
                let given: Option<Vec<f64>> = x.columns.iter().map(|c| c.width).collect();
                let expected: Vec<f64> = match given {
                    Some(w) => w.iter().map(|v| v / w.iter().sum::<f64>().max(1.0)).collect(),
                    None => vec![1.0 / x.columns.len() as f64; x.columns.len()],
                };
                let total: f64 = expected.iter().sum();
                for (c, (e, col)) in expected.iter().zip(&y.columns).enumerate() {
                    let got = col.width.unwrap_or_else(|| panic!("{at}: column {c} has no width"));
                    assert!((got - e / total).abs() < 0.002, "{at}: column {c} width {got}, expected {e}");
                }
            }
            (Block::Figure(x), Block::Figure(y)) => {
                assert_eq!(x.label, y.label, "{at}: label");
                assert_eq!(shown(&x.caption), shown(&y.caption), "{at}: caption");
                assert_eq!(x.source.as_deref().map(shown), y.source.as_deref().map(shown), "{at}: source");
                assert_eq!(x.alt, y.alt, "{at}: alt");
                assert_eq!(x.images.len(), y.images.len(), "{at}: images");
                for (i, j) in x.images.iter().zip(&y.images) {
                    let (bx, by) = (bytes_of(ours, i), bytes_of(back, j));
                    assert!(bx.is_some(), "{at}: {} has no bytes (a placeholder is not a figure)", i.src);
                    assert!(bx == by, "{at}: the bytes of {}", i.src);
                }
            }
            _ => panic!("{at}: {x:?} came back as {y:?}"),
        }
    }
}

/// The cross-references of `doc`: (target, text printed or empty).
fn refs(blocks: &[Block]) -> Vec<String> {
    fn inl(inlines: &[Inline], out: &mut Vec<String>) {
        for i in inlines {
            match i {
                Inline::Ref { target, .. } => out.push(target.clone()),
                Inline::Link { url, .. } if url.starts_with('#') => out.push(url.clone()),
                other => inl(other.children(), out),
            }
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        for leaf in b.leaves() {
            inl(leaf.content(), &mut out);
        }
    }
    out
}

/// The Markdown fixtures with tables and figures, plus one on the media fixtures and one
/// shaped like `scripts/bench.sh` part 4 (20 tables, 10 figures), made in `dir`.
fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/tables"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    let media = root().join("tests/fixtures/media");
    for f in ["map.png", "facsimile.jpg", "jpeg-named.png"] {
        std::fs::copy(media.join(f), dir.join(f)).unwrap();
    }
    std::fs::write(
        dir.join("media.md"),
        "# Media\n\nSee @fig:a and @fig:b.\n\n![Figure 1. A map](map.png){#fig:a fig-alt=\"The map\"}\n\n\
![Figure 2. A scan named .png that is a JPEG](jpeg-named.png){#fig:b}\n\nQuelle: Staatsarchiv.\n\n\
| a | b |\n|---|---|\n| ![seal](facsimile.jpg){width=1cm} | x |\n\n: Table 1. An image in a cell\n",
    )
    .unwrap();
    v.push(dir.join("media.md"));
    let mut bench = String::from("---\ntitle: Tables and figures\nlang: en\n---\n\n");
    for i in 1..=30 {
        bench.push_str(&format!("## Section {i}\n\nText before object {i}, citing RGVIA, f. 400, op. 1, d. {i}, l. 5.[^n{i}]\n\n[^n{i}]: Note {i} on GARF, f. 1318, op. 1, d. {i}.\n\n"));
        if i % 3 == 0 {
            let img = if i % 2 == 1 { "map.png" } else { "facsimile.jpg" };
            bench.push_str(&format!(
                "![Figure {}. A document of {}]({img}){{#fig:f{i} width=80%}}\n\n",
                i / 3,
                1900 + i
            ));
        } else {
            bench.push_str("| Uezd | 1897 | 1914 | Change |\n|:-----|-----:|-----:|-------:|\n");
            for r in 0..12 {
                bench.push_str(&format!(
                    "| Uezd {r} | {} | {} | {}.{r} % |\n",
                    1000 + r * 37,
                    1100 + r * 41,
                    r * 4
                ));
            }
            bench.push_str(&format!("\n: Table {i}. Population by uezd {{#tbl:t{i}}}\n\n"));
        }
    }
    std::fs::write(dir.join("bench.md"), bench).unwrap();
    v.push(dir.join("bench.md"));
    v
}

#[test]
fn tables_and_figures_read_back_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut counted = (0, 0, 0);
    for path in fixtures(dir.path()) {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let doc = load(&path);
        let (bytes, diags) = docx(&doc);
        for d in &diags {
            assert!(d.code != "docx-table-flattened" && d.code != "docx-image-as-text", "{name}: {d:?}");
        }
        let back = read_back(&bytes, dir.path(), &name);
        same_floats(&name, &doc, &back);
        // Every cross-reference is a link to a bookmark that a caption holds.
        let (ours, theirs) = (refs(&doc.body), refs(&back.body));
        assert_eq!(ours.len(), theirs.len(), "{name}: references {ours:?} {theirs:?}");
        let document = part(&bytes, "word/document.xml");
        for link in &theirs {
            let mark = format!("w:name=\"{}\"", link.trim_start_matches('#'));
            assert!(document.contains(&mark), "{name}: {link} names no bookmark");
        }
        // Every image of the model is in the package once per media, bytes equal.
        let images = all_images(&doc);
        let back_images = all_images(&back);
        assert_eq!(images.len(), back_images.len(), "{name}: images");
        for ((i, alt), (j, alt2)) in images.iter().zip(&back_images) {
            assert_eq!(alt, alt2, "{name}: alt of {}", i.src);
            assert!(bytes_of(&doc, i) == bytes_of(&back, j), "{name}: bytes of {}", i.src);
        }
        let media_parts = entries(&bytes).iter().filter(|(n, _)| n.starts_with("word/media/")).count();
        assert_eq!(media_parts, doc.media.len(), "{name}: one part per media");
        counted.0 += floats(&doc.body).iter().filter(|b| matches!(b, Block::Table(_))).count();
        counted.1 += floats(&doc.body).iter().filter(|b| matches!(b, Block::Figure(_))).count();
        counted.2 += images.len();
    }
    assert!(counted.0 >= 26 && counted.1 >= 15 && counted.2 >= 16, "fixtures lost: {counted:?}");
    eprintln!("{} tables, {} figures, {} images read back the same", counted.0, counted.1, counted.2);
}

/// A table as rows of cells: text, row span, column span.
type Cells = Vec<Vec<(String, u64, u64)>>;

/// pandoc's tables (cells as text with spans) and images (bytes), in reading order.
fn pandoc_reading(bytes: &[u8], dir: &Path, name: &str) -> Option<(Vec<Cells>, Vec<Vec<u8>>)> {
    let pandoc = pandoc()?;
    let path = dir.join(format!("{name}-pandoc.docx"));
    std::fs::write(&path, bytes).unwrap();
    let media = dir.join(format!("{name}-media"));
    let o = Command::new(pandoc)
        .args(["-f", "docx", "-t", "json", "--extract-media"])
        .arg(&media)
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "pandoc: {}", String::from_utf8_lossy(&o.stderr));
    let ast: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut tables = Vec::new();
    let mut images = Vec::new();
    walk_pandoc(&ast["blocks"], &mut tables, &mut images);
    let images = images.iter().map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"))).collect();
    Some((tables, images))
}

/// The text of a pandoc element, notes in brackets as [`shown`] writes them.
fn pandoc_text(v: &Value) -> String {
    fn go(v: &Value, s: &mut String) {
        match v {
            Value::Array(a) => a.iter().for_each(|x| go(x, s)),
            Value::Object(o) => match o.get("t").and_then(Value::as_str) {
                Some("Str") => s.push_str(o["c"].as_str().unwrap_or("")),
                Some("Para" | "Plain") => {
                    go(&o["c"], s);
                    s.push(' ');
                }
                Some("Space" | "SoftBreak" | "LineBreak") => s.push(' '),
                Some("Note") => {
                    let mut n = String::new();
                    go(&o["c"], &mut n);
                    s.push_str(&format!("[note: {}]", squash(&n)));
                }
                Some("Image") => s.push_str("[image]"),
                Some("Link" | "Span") => go(&o["c"][1], s),
                Some("Table") => {}
                _ => {
                    if let Some(c) = o.get("c") {
                        go(c, s)
                    }
                }
            },
            _ => {}
        }
    }
    let mut s = String::new();
    go(v, &mut s);
    squash(&s)
}

fn walk_pandoc(v: &Value, tables: &mut Vec<Cells>, images: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk_pandoc(x, tables, images)),
        Value::Object(o) => {
            match o.get("t").and_then(Value::as_str) {
                Some("Table") => {
                    let c = &o["c"];
                    let mut rows = Vec::new();
                    let mut push = |r: &Value| {
                        let cells = r[1].as_array().unwrap();
                        rows.push(
                            cells
                                .iter()
                                .map(|cell| {
                                    (
                                        pandoc_text(&cell[4]),
                                        cell[2].as_u64().unwrap(),
                                        cell[3].as_u64().unwrap(),
                                    )
                                })
                                .collect(),
                        );
                    };
                    c[3][1].as_array().unwrap().iter().for_each(&mut push);
                    for body in c[4].as_array().unwrap() {
                        body[2].as_array().unwrap().iter().for_each(&mut push);
                        body[3].as_array().unwrap().iter().for_each(&mut push);
                    }
                    c[5][1].as_array().unwrap().iter().for_each(&mut push);
                    tables.push(rows);
                }
                Some("Image") => images.push(o["c"][2][0].as_str().unwrap().to_string()),
                _ => {}
            }
            for x in o.values() {
                walk_pandoc(x, tables, images);
            }
        }
        _ => {}
    }
}

/// A cell's text as pandoc's reading shows it: a figure is its images and its caption.
fn cell_text(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    for b in blocks {
        match b {
            Block::Figure(f) => {
                parts.extend(f.images.iter().map(|_| "[image]".to_string()));
                parts.extend(f.label.clone());
                parts.push(shown(&f.caption));
            }
            other => parts.extend(other.leaves().into_iter().map(|l| shown(l.content()))),
        }
    }
    squash(&parts.join(" "))
}

/// `[note: 2 text]` as `[note: text]`: a note's text without a leading mark.
fn strip_marks(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("[note: ") {
        out.push_str(&rest[..i + 7]);
        rest = &rest[i + 7..];
        if let Some((mark, after)) = rest.split_once(' ') {
            if !mark.chars().any(char::is_alphabetic) {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// pandoc 3.9 reads the same tables cell by cell (text with notes, row and column spans) and
/// the same images, byte for byte. pandoc's cell text is compared without block structure
/// (its lists in cells are its own blocks).
#[test]
fn pandoc_reads_the_same_tables_and_images() {
    let dir = tempfile::tempdir().unwrap();
    for path in fixtures(dir.path()) {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let doc = load(&path);
        let (bytes, _) = docx(&doc);
        let Some((tables, images)) = pandoc_reading(&bytes, dir.path(), &name) else { return };
        let ours: Vec<&Table> = floats(&doc.body)
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), ours.len(), "{name}: tables");
        for (k, (t, p)) in ours.iter().zip(&tables).enumerate() {
            let rows: Cells = t
                .rows()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| (cell_text(&c.blocks), u64::from(c.rows), u64::from(c.cols)))
                        .collect()
                })
                .collect();
            // A nested table's cells are pandoc's table's, not its cell's text.
            let nested = t
                .rows()
                .flat_map(|r| &r.cells)
                .any(|c| c.blocks.iter().any(|b| matches!(b, Block::Table(_))));
            if !nested {
                // A custom note mark is text of the note's first paragraph, which pandoc keeps.
                let p: Cells = p
                    .iter()
                    .zip(&rows)
                    .map(|(pr, or)| {
                        pr.iter()
                            .zip(or)
                            .map(|((t, r, c), (o, _, _))| {
                                let stripped = strip_marks(t);
                                (if *o != *t && *o == stripped { stripped } else { t.clone() }, *r, *c)
                            })
                            .collect()
                    })
                    .collect();
                assert_eq!(rows, p, "{name} table {k}");
            }
        }
        let ours: Vec<&[u8]> = all_images(&doc).iter().filter_map(|(i, _)| bytes_of(&doc, i)).collect();
        assert_eq!(images.len(), ours.len(), "{name}: images");
        for (i, (a, b)) in ours.iter().zip(&images).enumerate() {
            assert!(*a == b.as_slice(), "{name}: image {i} bytes differ");
        }
    }
}

/// python-docx opens every package (it parses each part it knows) and finds the tables and
/// pictures; skipped loudly when python-docx is missing.
#[test]
fn python_docx_opens_the_package() {
    let ok = Command::new("python3").args(["-c", "import docx"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        missing_validator("python-docx", "pip install python-docx");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut expected = Vec::new();
    for path in fixtures(dir.path()) {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let doc = load(&path);
        let out = dir.path().join(format!("{name}-py.docx"));
        std::fs::write(&out, docx(&doc).0).unwrap();
        let top = doc.body.iter().filter(|b| matches!(b, Block::Table(_))).count();
        expected.push(format!("{top} {}", all_images(&doc).len()));
        files.push(out);
    }
    let script = "import sys, docx\nfor p in sys.argv[1:]:\n    d = docx.Document(p)\n    \
                  [c.text for t in d.tables for r in t.rows for c in r.cells]\n    \
                  print(len(d.tables), len(d.inline_shapes))\n";
    let o = Command::new("python3").arg("-c").arg(script).args(&files).output().unwrap();
    assert!(o.status.success(), "python-docx: {}", String::from_utf8_lossy(&o.stderr));
    let got: Vec<String> = String::from_utf8_lossy(&o.stdout).lines().map(str::to_string).collect();
    assert_eq!(got, expected, "python-docx: top-level tables and pictures per file");
}

fn para(text: &str) -> Block {
    Block::paragraph(vec![Inline::text(text)])
}

fn cell(text: &str) -> Cell {
    Cell::new(vec![para(text)])
}

/// A 1-bit PNG of `w` × `h` pixels.
fn png_of(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::One);
    let mut wr = enc.write_header().unwrap();
    wr.write_image_data(&vec![0u8; (w as usize).div_ceil(8) * h as usize]).unwrap();
    wr.finish().unwrap();
    out
}

/// Bad and odd input: an empty cell, a cell holding only a nested table, a note in a cell,
/// a figure whose image is missing, a huge image (scaled to the text width), a WebP image
/// (converted), a table whose spans do not fit (paragraphs, reported), a reference to
/// nothing. Each writes a package Word's rules accept and is reported where it degrades.
#[test]
fn odd_tables_and_images_are_written_or_reported() {
    let note = colophon::model::Note {
        label: "1".into(),
        kind: colophon::model::NoteKind::Foot,
        anchor: colophon::model::Anchor::Call,
        lang: None,
        content: vec![para("A note in a cell.")],
    };
    let inner = Table {
        columns: vec![Column::default(); 2],
        body: vec![Row { cells: vec![cell("in"), cell("ner")] }],
        ..Table::default()
    };
    let outer = Table {
        id: Some("tbl:odd".into()),
        label: Some("Table 1".into()),
        caption: vec![Inline::text("Odd cells")],
        columns: vec![Column { align: Align::Right, width: None }; 3],
        head: vec![Row { cells: vec![cell("A"), Cell { cols: 2, ..cell("B") }] }],
        body: vec![
            Row {
                cells: vec![
                    Cell::new(Vec::new()),
                    Cell::new(vec![Block::Table(Box::new(inner))]),
                    Cell {
                        rows: 2,
                        ..Cell::new(vec![Block::paragraph(vec![Inline::text("noted"), Inline::Note(note)])])
                    },
                ],
            },
            Row { cells: vec![Cell { align: Some(Align::Center), ..cell("c") }, cell("d")] },
        ],
        ..Table::default()
    };
    let broken = Table {
        columns: vec![Column::default(); 1],
        body: vec![Row { cells: vec![Cell { cols: 3, ..cell("too wide") }] }],
        ..Table::default()
    };
    let image = |src: &str, media: Option<&str>| Image {
        src: src.into(),
        media: media.map(str::to_string),
        width: None,
    };
    let mut doc = Document::default();
    doc.media.insert(
        "huge.png".into(),
        Media { kind: MediaKind::Png, width: 4000, height: 1000, data: png_of(4000, 1000) },
    );
    doc.media.insert(
        "tiny.webp".into(),
        Media {
            kind: MediaKind::Webp,
            width: 3,
            height: 2,
            data: vec![
                82, 73, 70, 70, 30, 0, 0, 0, 87, 69, 66, 80, 86, 80, 56, 76, 17, 0, 0, 0, 47, 2, 64, 0, 0, 7,
                80, 133, 34, 87, 161, 255, 129, 136, 232, 127, 0, 0,
            ],
        },
    );
    doc.body = vec![
        Block::paragraph(vec![
            Inline::text("See "),
            Inline::Ref { target: "tbl:odd".into(), content: vec![] },
            Inline::text(" and "),
            Inline::Ref { target: "fig:nowhere".into(), content: vec![Inline::text("the lost map")] },
            Inline::text("."),
        ]),
        Block::Table(Box::new(outer)),
        Block::Figure(Box::new(Figure {
            label: Some("Figure 1".into()),
            caption: vec![Inline::text("Lost")],
            alt: Some("a map that was not found".into()),
            images: vec![image("maps/lost.png", None)],
            ..Figure::default()
        })),
        Block::Figure(Box::new(Figure {
            label: Some("Figure 2".into()),
            caption: vec![Inline::text("Huge")],
            images: vec![image("huge.png", Some("huge.png"))],
            ..Figure::default()
        })),
        Block::Figure(Box::new(Figure {
            images: vec![image("tiny.webp", Some("tiny.webp"))],
            ..Figure::default()
        })),
        Block::Table(Box::new(broken)),
    ];
    let (bytes, diags) = docx(&doc);
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    for code in ["docx-image-as-text", "docx-webp-as-png", "docx-table-flattened", "docx-ref-dangling"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let document = part(&bytes, "word/document.xml");
    assert_cells_end_with_paragraphs(&document);
    assert!(document.contains("<w:vMerge w:val=\"restart\"/>") && document.contains("<w:vMerge/>"));
    assert!(document.contains("<w:gridSpan w:val=\"2\"/>"));
    assert!(document.contains("[maps/lost.png]"), "the placeholder names the file");
    assert!(document.contains("<w:hyperlink w:anchor=\"tbl_odd\">"));
    // The huge image is as wide as the text (9026 twips = 5 731 510 EMU), its height scaled.
    assert!(document.contains("<wp:extent cx=\"5731510\" cy=\"143287"), "{document}");
    let names: Vec<String> =
        entries(&bytes).into_iter().map(|(n, _)| n).filter(|n| n.starts_with("word/media/")).collect();
    assert_eq!(names, ["word/media/image1.png", "word/media/image2.png"], "the WebP became a PNG");
    let types = part(&bytes, "[Content_Types].xml");
    assert!(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert_eq!(rels.matches("relationships/image\"").count(), 2);
    assert!(part(&bytes, "word/footnotes.xml").contains("A note in a cell."));
    // docPr ids are unique.
    let ids: Vec<&str> =
        document.split("<wp:docPr id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);

    let dir = tempfile::tempdir().unwrap();
    let back = read_back(&bytes, dir.path(), "odd");
    let Some(Block::Table(t)) = back.body.get(1) else { panic!("{:?}", back.body) };
    assert_eq!(t.label.as_deref(), Some("Table 1"));
    assert!(t.body[0].cells[0].blocks.is_empty(), "the empty cell is empty");
    assert!(matches!(t.body[0].cells[1].blocks.as_slice(), [Block::Table(_)]), "{:?}", t.body[0].cells[1]);
    assert_eq!(t.body[0].cells[2].rows, 2);
    assert_eq!(
        shown(match &t.body[0].cells[2].blocks[0] {
            Block::Paragraph { content, .. } => content,
            b => panic!("{b:?}"),
        }),
        "noted[note: A note in a cell.]"
    );
    assert_eq!(t.body[1].cells[0].align.unwrap_or(t.columns[0].align), Align::Center);
    let figures: Vec<&Figure> = back
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 2, "the huge and the WebP image; the lost one is a placeholder paragraph");
    let webp_back = bytes_of(&back, &figures[1].images[0]).unwrap();
    assert!(webp_back.starts_with(b"\x89PNG"));
    assert!(python_docx_opens(&bytes));
}

/// Checks that every `w:tc` ends with a `w:p`, as Word requires.
fn assert_cells_end_with_paragraphs(xml: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    // Per open element: its name and the name of its last child.
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut cells = 0;
    loop {
        match r.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => {
                stack.push((String::from_utf8_lossy(e.name().as_ref()).into_owned(), String::new()))
            }
            quick_xml::events::Event::Empty(e) => {
                if let Some(top) = stack.last_mut() {
                    top.1 = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                }
            }
            quick_xml::events::Event::End(_) => {
                let (name, last) = stack.pop().unwrap();
                if name == "w:tc" {
                    cells += 1;
                    assert_eq!(last, "w:p", "cell {cells} ends with {last}");
                }
                if let Some(top) = stack.last_mut() {
                    top.1 = name;
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(cells > 0);
}

/// Whether python-docx opens the package and reads every table (true when it is missing).
fn python_docx_opens(bytes: &[u8]) -> bool {
    if !Command::new("python3").args(["-c", "import docx"]).output().is_ok_and(|o| o.status.success()) {
        return true;
    }
    let f = tempfile::Builder::new().suffix(".docx").tempfile().unwrap();
    std::fs::write(f.path(), bytes).unwrap();
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nprint(sum(len(c.text) >= 0 for t in d.tables for r in t.rows for c in r.cells))";
    let o = Command::new("python3").arg("-c").arg(script).arg(f.path()).output().unwrap();
    o.status.success()
}

/// Writing the same document twice gives the same bytes, images included.
#[test]
fn tables_and_figures_are_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixtures(dir.path()).into_iter().find(|p| p.ends_with("figures.md")).unwrap();
    let doc = load(&path);
    assert_eq!(docx(&doc).0, docx(&doc).0);
}

/// An image in a note's line goes into the package under the notes' own relationships and
/// comes back from our reader in its note, its bytes equal.
#[test]
fn an_image_in_a_note_comes_back_in_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let png = std::fs::read(common::root().join("tests/fixtures/media/map.png")).unwrap();
    std::fs::write(dir.path().join("map.png"), &png).unwrap();
    let md = dir.path().join("a.md");
    std::fs::write(
        &md,
        "Text with a note.[^1]\n\n[^1]: A seal ![the seal](map.png){width=1cm} in the note.\n",
    )
    .unwrap();
    let (doc, _) = colophon::load(&md, None, &colophon::Resources::builtin()).unwrap();
    let docx = dir.path().join("a.docx");
    std::fs::write(&docx, common::written(&doc, colophon::Format::Docx)).unwrap();
    let (back, diags) = colophon::load(&docx, None, &colophon::Resources::builtin()).unwrap();
    assert!(
        diags.iter().all(|d| !d.code.starts_with("docx-image") && !d.code.starts_with("image-")),
        "{diags:?}"
    );
    let mut notes = Vec::new();
    back.body.iter().for_each(|b| b.collect_notes(&mut notes));
    let [note] = notes.as_slice() else { panic!("{notes:?}") };
    let key = note
        .content
        .iter()
        .flat_map(|b| b.content())
        .find_map(|i| match i {
            colophon::model::Inline::Image { image, .. } => image.media.clone(),
            _ => None,
        })
        .expect("the image is in the note");
    assert_eq!(back.media[&key].data, png);
}
