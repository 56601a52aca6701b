//! Tables and figures in TEI (`tests/tei/tables/`, and a real excerpt in `tests/tei/real/`):
//! what the reader makes of them, TEI → model → TEI giving the same bytes, every cell's text
//! kept, the output valid against tei_all.rng, and bad input reported at line:column.

mod common;

use colophon::model::{Block, Extent, Figure, Inline, Table};
use colophon::{Diagnostic, Document, Format, Resources};
use common::*;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    root().join("tests/tei/tables")
}

fn load(path: &Path) -> (Document, Vec<Diagnostic>) {
    colophon::load(path, None, &Resources::builtin()).expect("reads")
}

fn tei(doc: &Document) -> String {
    String::from_utf8(colophon::write(doc, Format::Tei, &Resources::builtin()).unwrap().0).unwrap()
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = ["statistics", "spans-and-notes", "figures", "bad"]
        .iter()
        .map(|n| dir().join(format!("{n}.tei.xml")))
        .collect();
    v.push(root().join("tests/tei/real/dingler-pj001-tables.excerpt.xml"));
    v
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.body.iter().filter_map(|b| if let Block::Table(t) = b { Some(&**t) } else { None }).collect()
}

fn figures(doc: &Document) -> Vec<&Figure> {
    doc.body.iter().filter_map(|b| if let Block::Figure(f) = b { Some(&**f) } else { None }).collect()
}

fn text(i: &[Inline]) -> String {
    colophon::model::plain_text(i)
}

/// Every cell's text, row by row.
fn cells(t: &Table) -> Vec<Vec<String>> {
    t.rows()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    c.blocks
                        .iter()
                        .flat_map(Block::leaves)
                        .map(|b| text(b.content()))
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
                .collect()
        })
        .collect()
}

/// Every cross-reference's target in the body, in order.
fn refs(doc: &Document) -> Vec<String> {
    fn walk(run: &[Inline], out: &mut Vec<String>) {
        for i in run {
            match i {
                Inline::Ref { target, .. } => out.push(target.clone()),
                Inline::Note(n) => n.content.iter().for_each(|b| walk(b.content(), out)),
                other => walk(other.children(), out),
            }
        }
    }
    let mut out = Vec::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        walk(b.content(), &mut out);
    }
    out
}

/// Writes `doc` as TEI beside its images in `out` under the fixture's own name (the media
/// folder is named after it), as `colophon convert` does.
fn write_beside(doc: &Document, name: &str, out: &Path) -> PathBuf {
    let path = out.join(name);
    std::fs::write(&path, tei(doc)).unwrap();
    for s in colophon::write::stage_media(doc, out).unwrap() {
        s.commit().unwrap();
    }
    path
}

#[test]
fn a_statistical_table_has_its_header_row_label_columns_and_source_line() {
    let (doc, _) = load(&dir().join("statistics.tei.xml"));
    let t = tables(&doc)[0];
    assert_eq!(t.id.as_deref(), Some("tab-refugees"));
    assert_eq!(t.label.as_deref(), Some("Таблица 1"));
    assert_eq!(text(&t.caption), "Беженцы по уездам Карсской области, 1918–1920 гг.");
    assert_eq!(t.columns.len(), 4);
    assert_eq!(cells(t)[0], ["Уезд", "1918", "1919", "1920"]);
    assert_eq!((t.head.len(), t.body.len()), (1, 4));
    assert!(t.body.iter().all(|r| r.cells[0].header), "the first cell of each row heads it");
    assert!(t.body[3].cells.iter().all(|c| c.header), "a label row below the top heads all its cells");
    let aligns: Vec<_> = t.columns.iter().map(|c| c.align).collect();
    use colophon::model::Align::*;
    assert_eq!(aligns, [Default, Right, Right, Right], "agreeing cells give their column's alignment");
    let source = t.source.as_ref().expect("source line");
    assert_eq!(text(source), "Источник: РГВИА, ф. 400, оп. 1, д. 12, л. 5.");
    assert!(
        source.iter().any(|i| matches!(i, Inline::Shelfmark(_))),
        "the shelfmark in the source line is one: {source:?}"
    );
    assert_eq!(refs(&doc), ["tab-refugees", "tab-refugees"]);
}

#[test]
fn spans_notes_and_paragraphs_in_cells_are_kept() {
    let (doc, diags) = load(&dir().join("spans-and-notes.tei.xml"));
    let t = tables(&doc)[0];
    assert_eq!(t.label.as_deref(), Some("2"), "head/@n is the label when none is printed");
    assert_eq!(t.columns.len(), 4);
    assert_eq!(t.head.len(), 2, "both label rows at the top are header rows");
    assert_eq!((t.head[0].cells[0].rows, t.head[0].cells[1].cols), (2, 2));
    assert_eq!(t.grid().expect("an even grid").len(), 5);
    let c = cells(t);
    assert_eq!(c[2], ["Goris", "400", "312", "nil"]);
    assert_eq!(c[4], ["Sisian", "Refused. / The village council was arrested."]);
    let notes: Vec<String> = t
        .rows()
        .flat_map(|r| &r.cells)
        .flat_map(|c| &c.blocks)
        .flat_map(|b| b.content())
        .filter_map(|i| if let Inline::Note(n) = i { Some(n.label.clone()) } else { None })
        .collect();
    assert_eq!(notes, ["a", "b"]);
    assert_eq!(
        text(t.source.as_ref().unwrap()),
        "Source: report of the district commissar, 14 October 1919."
    );
    assert!(diags.iter().all(|d| !d.code.starts_with("tei-table")), "{diags:?}");
}

#[test]
fn figures_keep_their_images_label_description_and_source() {
    let (doc, diags) = load(&dir().join("figures.tei.xml"));
    let f = figures(&doc);
    assert_eq!(f.len(), 2);
    assert_eq!(
        (f[0].label.as_deref(), text(&f[0].caption).as_str()),
        (Some("Map 1"), "The Alexandropol–Kars road, 1919")
    );
    assert!(f[0].alt.as_deref().unwrap().starts_with("A sketch map"));
    assert_eq!(f[0].images[0].media.as_deref(), Some("map.png"));
    assert_eq!(f[0].images[0].width, None, "its own size in pixels is no request");
    assert_eq!(f[1].images[0].media.as_deref(), Some("facsimile.jpg"));
    assert_eq!(f[1].images[0].width, Some(Extent::Fraction(0.5)));
    let m = &doc.media["facsimile.jpg"];
    assert_eq!((m.width, m.height), (600, 820));
    assert_eq!(doc.media.len(), 2, "the map is kept once though shown twice");
    assert!(text(f[1].source.as_ref().unwrap()).contains("РГВИА, ф. 400, оп. 1, д. 12, л. 5"));
    let Block::Paragraph { content, .. } = &doc.body[1] else { panic!("{:?}", doc.body[1]) };
    let stamp =
        content
            .iter()
            .find_map(|i| if let Inline::Image { image, alt } = i { Some((image, alt)) } else { None });
    let (image, alt) = stamp.expect("an inline image");
    assert_eq!((image.media.as_deref(), alt.as_str()), (Some("map.png"), "the staff's stamp"));
    assert!(matches!(image.width, Some(Extent::Points(p)) if (p - 56.69).abs() < 0.01));
    assert_eq!(refs(&doc), ["fig-map", "fig-report"]);
    assert!(diags.iter().all(|d| !d.code.starts_with("image")), "{diags:?}");
}

#[test]
fn bad_images_and_ragged_rows_are_reported_at_line_and_column() {
    let (doc, diags) = load(&dir().join("bad.tei.xml"));
    let at = |code: &str| -> Vec<(u32, u32)> {
        diags.iter().filter(|d| d.code == code).map(|d| (d.line, d.col)).collect()
    };
    assert_eq!(at("image-missing"), [(13, 9)]);
    assert_eq!(at("image-damaged"), [(17, 9)]);
    assert_eq!(at("image-too-large"), [(21, 9)]);
    assert_eq!(at("image-misnamed"), [(25, 9)]);
    assert_eq!(at("tei-table-ragged"), [(29, 9), (30, 9)]);
    let f = figures(&doc);
    assert_eq!(f.len(), 4, "every figure is kept");
    assert_eq!(
        f.iter().map(|f| f.images[0].media.is_some()).collect::<Vec<_>>(),
        [false, false, false, true]
    );
    assert_eq!(f[0].images[0].src, "maps/nowhere.png");
    assert_eq!(text(&f[2].caption), "A map scanned far too large");
    let t = tables(&doc)[0];
    assert_eq!(t.columns.len(), 4);
    assert!(t.rows().all(|r| r.cells.iter().map(|c| c.cols).sum::<u32>() == 4));
    assert_eq!(cells(t)[1], ["d", "", "", ""]);
}

#[test]
fn real_tei_tables_and_figures_are_read() {
    let (doc, diags) = load(&root().join("tests/tei/real/dingler-pj001-tables.excerpt.xml"));
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    assert_eq!(cells(t[0])[0], ["Durchmesser des Rohrs.", "Preßkraft.", "Gegendruck."]);
    assert_eq!((t[0].head.len(), t[0].body.len(), t[0].columns.len()), (1, 4, 3));
    let f = figures(&doc);
    assert_eq!(f.len(), 2, "the figures inside paragraphs are figures");
    assert_eq!(f[0].alt.as_deref(), Some("Textabbildung Bd. 1, S. 10"));
    assert_eq!(f[0].id.as_deref(), Some("tx001026a"));
    // The edition's images are not in the excerpt: each is reported where it stands.
    assert_eq!(diags.iter().filter(|d| d.code == "image-missing").count(), 2, "{diags:?}");
}

#[test]
fn tei_to_model_to_tei_gives_the_same_bytes_and_keeps_every_cell() {
    let out = tempfile::tempdir().unwrap();
    let again = tempfile::tempdir().unwrap();
    for input in fixtures() {
        let name = input.file_name().unwrap().to_str().unwrap();
        let (doc, _) = load(&input);
        let first = write_beside(&doc, name, out.path());
        let (back, _) = load(&first);
        let second = write_beside(&back, name, again.path());
        let (a, b) = (std::fs::read_to_string(&first).unwrap(), std::fs::read_to_string(&second).unwrap());
        assert!(a == b, "{name}: TEI → model → TEI changed:\n{}", first_difference(&a, &b));
        let before: Vec<_> = tables(&doc).into_iter().map(cells).collect();
        let after: Vec<_> = tables(&back).into_iter().map(cells).collect();
        assert_eq!(before, after, "{name}: the cells' text");
        assert_eq!(refs(&doc), refs(&back), "{name}: the cross-references");
        let images = |d: &Document| figures(d).iter().map(|f| f.images.len()).collect::<Vec<_>>();
        assert_eq!(images(&doc), images(&back), "{name}: the images");
        assert_eq!(doc.media, back.media, "{name}: the image bytes");
    }
}

fn first_difference(a: &str, b: &str) -> String {
    let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
    format!(
        "line {}:\n- {}\n+ {}",
        line + 1,
        a.lines().nth(line).unwrap_or(""),
        b.lines().nth(line).unwrap_or("")
    )
}

#[test]
fn the_tei_written_is_valid_tei_all() {
    let Some(schema) = jing() else { return };
    let out = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = fixtures()
        .iter()
        .map(|input| write_beside(&load(input).0, input.file_name().unwrap().to_str().unwrap(), out.path()))
        .collect();
    let errors = jing_errors(&schema, &files);
    assert!(errors.is_empty(), "jing found errors:\n{}", errors.join("\n"));
}

#[test]
fn the_written_tei_says_what_it_encodes() {
    let (doc, _) = load(&dir().join("figures.tei.xml"));
    let xml = tei(&doc);
    assert!(xml.contains(r#"<figure xml:id="fig-map">"#), "{xml}");
    assert!(xml.contains(r#"<head><label>Map 1</label>. The Alexandropol–Kars road, 1919</head>"#), "{xml}");
    assert!(
        xml.contains(
            r#"<graphic url="figures.files/map.png" mimeType="image/png" width="800px" height="500px"/>"#
        ),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<graphic url="figures.files/facsimile.jpg" mimeType="image/jpeg" width="50%"/>"#),
        "{xml}"
    );
    assert!(xml.contains(r##"<ref target="#fig-map">Map 1</ref>"##), "{xml}");
    let (doc, _) = load(&dir().join("bad.tei.xml"));
    let xml = tei(&doc);
    assert!(xml.contains("could not be loaded"), "{xml}");
    assert!(xml.contains(r#"<graphic url="maps/nowhere.png"/>"#), "{xml}");
    let (doc, _) = load(&dir().join("spans-and-notes.tei.xml"));
    let xml = tei(&doc);
    assert!(
        xml.contains(r#"<row role="label">"#) && xml.contains(r#"<cell role="label">Tatev</cell>"#),
        "{xml}"
    );
    assert!(xml.contains(r#"<note type="source">Source: report"#), "{xml}");
}
