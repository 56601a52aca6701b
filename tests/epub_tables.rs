//! Tables and figures in the EPUB: the XHTML they become (caption, row groups, header cells
//! with their scope, spans, alignment classes; figures with their images, text alternatives
//! and captions), the images in the package, placeholders for missing images, dangling
//! cross-references, EPUBCheck and Ace, and a narrow screen in Chromium.
//!
//! The inputs are model JSON (`tests/epub_tables/*.json`), built here from the images in
//! `tests/epub_tables/media/`: `UPDATE_GOLDEN=1 cargo test --test epub_tables` rewrites them.

mod common;

use colophon::model::{
    Align, Block, Cell, Column, Document, Extent, Figure, Image, Inline, LangTag, Note, Row, Table, Title,
};
use colophon::{Diagnostic, Format, Resources};
use common::*;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    root().join("tests/epub_tables")
}

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn p(s: &str) -> Block {
    Block::paragraph(vec![t(s)])
}

fn cell(s: &str) -> Cell {
    Cell::new(if s.is_empty() { vec![] } else { vec![p(s)] })
}

fn span(s: &str, rows: u32, cols: u32) -> Cell {
    Cell { rows, cols, ..cell(s) }
}

fn row_head(s: &str) -> Cell {
    Cell { header: true, ..cell(s) }
}

fn row(cells: Vec<Cell>) -> Row {
    Row { cells }
}

fn footnote(s: &str) -> Inline {
    Inline::Note(Note {
        label: "1".into(),
        kind: Default::default(),
        anchor: Default::default(),
        lang: None,
        content: vec![p(s)],
    })
}

fn lang(s: &str) -> Option<LangTag> {
    LangTag::parse(s).ok()
}

/// Loads an image of `tests/epub_tables/media/` into `doc`; returns its key.
fn media(doc: &mut Document, file: &str) -> String {
    let checked = colophon::read::media::load(&dir().join("media"), file).expect("a sound test image");
    doc.add_media(file, checked.media)
}

fn base(title: &str) -> Document {
    let mut doc = Document::new();
    doc.meta.lang = lang("en");
    doc.meta.date = Some("2026-01-01".into());
    doc.meta.titles.push(Title { text: title.into(), lang: None });
    doc
}

/// Three tables: one with everything (label, caption with a note, two header rows with a
/// column group, row labels, a row span, figures, totals, a source line), a wide one in
/// Russian with column widths, and a bare one; cross-references to them.
fn tables_doc() -> Document {
    let mut doc = base("Tables");
    doc.body.push(Block::Heading { level: 1, content: vec![t("Population")] });
    doc.body.push(Block::paragraph(vec![
        t("As "),
        Inline::Ref { target: "tbl:population".into(), content: vec![] },
        t(" shows, and "),
        Inline::Ref { target: "tbl:wide".into(), content: vec![t("the long table")] },
        t(" confirms."),
    ]));
    let num = |s: &str| cell(s);
    doc.body.push(Block::Table(Box::new(Table {
        id: Some("tbl:population".into()),
        label: Some("Table 1".into()),
        caption: vec![
            t("Population of the Kars district, 1897–1914"),
            footnote("Figures rounded to the hundred."),
        ],
        source: Some(vec![t("Source: RGVIA, f. 400, op. 1, d. 12, l. 3.")]),
        columns: vec![
            Column::default(),
            Column::default(),
            Column::default(),
            Column { align: Align::Center, width: None },
        ],
        head: vec![
            row(vec![span("", 2, 1), span("Population", 1, 2), span("Note", 2, 1)]),
            row(vec![cell("1897"), cell("1914")]),
        ],
        body: vec![
            row(vec![row_head("Kars"), num("12 000"), num("19 300"), span("town and suburbs", 2, 1)]),
            row(vec![row_head("Ardahan"), num("4 100"), num("3 800")]),
            row(vec![row_head("Kağızman"), num("6 250"), num("7 010"), cell("—")]),
        ],
        foot: vec![row(vec![row_head("Total"), num("22 350"), num("30 110"), cell("")])],
        lang: None,
    })));
    let words =
        ["Уезд", "Селений", "Дворов", "Душ м. п.", "Душ ж. п.", "Армян", "Греков", "Молокан", "Прочих"];
    let widths = [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    doc.body.push(Block::Table(Box::new(Table {
        id: Some("tbl:wide".into()),
        label: Some("Таблица 2".into()),
        caption: vec![t("Население Карсской области по уездам и вероисповеданиям, 1897 г.")],
        source: Some(vec![t("Источник: Первая всеобщая перепись населения Российской империи 1897 г.")]),
        columns: widths.iter().map(|w| Column { align: Align::Default, width: Some(*w) }).collect(),
        head: vec![row(words.iter().map(|w| cell(w)).collect())],
        body: ["Карсский", "Ардаганский", "Кагызманский", "Ольтинский"]
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut cells = vec![row_head(d)];
                cells.extend(
                    (1..9).map(|k| num(&format!("{} {:03}", 10 + i * 7 + k, (k * 137 + i * 59) % 1000))),
                );
                row(cells)
            })
            .collect(),
        foot: vec![],
        lang: lang("ru"),
    })));
    doc.body.push(p("A bare table follows."));
    doc.body.push(Block::Table(Box::new(Table {
        columns: vec![
            Column { align: Align::Right, width: None },
            Column { align: Align::Left, width: None },
        ],
        body: vec![row(vec![cell("1"), cell("one")]), row(vec![cell("2"), cell("two")])],
        ..Table::default()
    })));
    doc
}

/// Figures: described, undescribed with a width in points, two images (one of them the
/// described figure's again), a missing image; an image in the text; cross-references to a
/// figure and to nothing; a media no image shows.
fn figures_doc() -> Document {
    let mut doc = base("Figures");
    let map = media(&mut doc, "map.png");
    let facsimile = media(&mut doc, "facsimile.jpg");
    let image = |key: &str, src: &str, width| Image { src: src.into(), media: Some(key.into()), width };
    doc.body.push(Block::paragraph(vec![
        t("The district ("),
        Inline::Ref { target: "fig:map".into(), content: vec![] },
        t(") and its seal "),
        Inline::Image { image: image(&map, "media/map.png", None), alt: "the district's seal".into() },
        t("; the decree in "),
        Inline::Ref { target: "fig:decree".into(), content: vec![t("the facsimile")] },
        t(", and a map that is lost ("),
        Inline::Ref { target: "fig:nowhere".into(), content: vec![] },
        t(")."),
    ]));
    doc.body.push(Block::Figure(Box::new(Figure {
        id: Some("fig:map".into()),
        label: Some("Figure 1".into()),
        caption: vec![
            t("The Kars district in 1878"),
            footnote("Redrawn from the Russian General Staff map."),
        ],
        source: Some(vec![t("Source: RGVIA, f. 846, op. 16, d. 6512.")]),
        alt: Some(
            "A map of the Kars district: the town in the centre, the border running north to south.".into(),
        ),
        images: vec![image(&map, "media/map.png", Some(Extent::Fraction(0.6)))],
    })));
    doc.body.push(Block::Figure(Box::new(Figure {
        id: Some("fig:decree".into()),
        label: Some("Figure 2".into()),
        caption: vec![t("The decree of 14 May 1919, first page")],
        source: None,
        alt: None,
        images: vec![image(&facsimile, "media/facsimile.jpg", Some(Extent::Points(216.0)))],
    })));
    doc.body.push(Block::Figure(Box::new(Figure {
        id: Some("fig:pair".into()),
        label: Some("Figure 3".into()),
        caption: vec![t("Recto and verso")],
        source: Some(vec![t("Private collection.")]),
        alt: Some("Both sides of the letter.".into()),
        images: vec![
            image(&facsimile, "media/facsimile.jpg", Some(Extent::Fraction(0.45))),
            image(&map, "media/map.png", Some(Extent::Fraction(0.45))),
        ],
    })));
    doc.body.push(Block::Figure(Box::new(Figure {
        id: Some("fig:lost".into()),
        label: Some("Figure 4".into()),
        caption: vec![t("The Ardahan road, 1879")],
        source: Some(vec![t("Source: missing from the archive's scans.")]),
        alt: Some("A road map.".into()),
        images: vec![Image { src: "maps/ardahan-road.png".into(), media: None, width: None }],
    })));
    let spare = media(&mut doc, "map.png");
    assert_eq!(spare, map, "the same bytes are kept once");
    doc
}

fn fixtures() -> Vec<(&'static str, Document)> {
    vec![("tables", tables_doc()), ("figures", figures_doc())]
}

/// The committed JSON is what the builders above make.
#[test]
fn the_json_fixtures_are_current() {
    for (name, doc) in fixtures() {
        let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        assert_golden(&dir().join(format!("{name}.json")), &json);
    }
}

/// Reads a fixture through the JSON reader and writes its EPUB.
fn epub(name: &str) -> (Vec<u8>, Vec<Diagnostic>) {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&dir().join(format!("{name}.json")), None, &res).unwrap();
    colophon::write(&doc, Format::Epub, &res).unwrap()
}

fn entries(epub: &[u8]) -> Vec<String> {
    let z = zip::ZipArchive::new(std::io::Cursor::new(epub)).unwrap();
    z.file_names().map(str::to_string).collect()
}

/// Every element of `xhtml` by name, with its attributes; panics when it is not well formed.
fn elements(xhtml: &str) -> Vec<(String, Vec<(String, String)>)> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xhtml);
    let mut out = Vec::new();
    loop {
        match r.read_event().expect("well-formed XHTML") {
            Event::Start(e) | Event::Empty(e) => {
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            String::from_utf8_lossy(&a.value).into_owned(),
                        )
                    })
                    .collect();
                out.push((String::from_utf8_lossy(e.name().as_ref()).into_owned(), attrs));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr<'a>(e: &'a (String, Vec<(String, String)>), name: &str) -> Option<&'a str> {
    e.1.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Every `href="#x"` of the article names an id of it, and every id is given once.
fn assert_links_resolve(xhtml: &str) {
    let els = elements(xhtml);
    let mut ids = std::collections::HashSet::new();
    for e in &els {
        if let Some(id) = attr(e, "id") {
            assert!(ids.insert(id.to_string()), "duplicate id {id}");
            assert!(!id.contains(':') && id.starts_with(|c: char| c.is_ascii_alphabetic()), "id {id}");
        }
    }
    for e in &els {
        for k in ["href", "aria-labelledby"] {
            if let Some(target) = attr(e, k) {
                let target = target.strip_prefix('#').unwrap_or(target);
                if k == "aria-labelledby" || attr(e, "href").is_some_and(|h| h.starts_with('#')) {
                    assert!(ids.contains(target), "{k}={target} names no id");
                }
            }
        }
    }
}

#[test]
fn a_table_has_its_caption_row_groups_scoped_headers_spans_and_alignment() {
    let (bytes, diags) = epub("tables");
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    assert_links_resolve(&x);
    let start = x.find("<div class=\"table\" id=\"tbl-population\">").expect("the first table's wrapper");
    let end = start + x[start..].find("</table>").unwrap();
    let table = &x[start..end];
    assert!(table.contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"tbl-population-caption\" tabindex=\"0\">"), "{table}");
    assert!(table.contains("<caption id=\"tbl-population-caption\"><span class=\"caption-label\">Table 1.</span> Population of the Kars district, 1897–1914<a href=\"#note-1\" id=\"noteref-1\" epub:type=\"noteref\" role=\"doc-noteref\">1</a></caption>"), "{table}");
    assert!(x.contains("<div id=\"note-1\" epub:type=\"footnote\" role=\"doc-footnote\" lang=\"en\" xml:lang=\"en\"><p><span class=\"note-label\">1</span> Figures rounded"), "the caption's note pops up as the others do");
    for group in ["<thead>", "<tbody>", "<tfoot>"] {
        assert_eq!(table.matches(group).count(), 1, "{group}");
    }
    // The head: an empty corner cell is a td; the column group and its columns are th scope=col.
    assert!(table.contains("<thead>\n<tr><td rowspan=\"2\"></td><th scope=\"col\" colspan=\"2\">Population</th><th scope=\"col\" rowspan=\"2\" class=\"align-center\">Note</th></tr>\n<tr><th scope=\"col\" class=\"align-end num\">1897</th><th scope=\"col\" class=\"align-end num\">1914</th></tr>\n</thead>"), "{table}");
    assert_eq!(table.matches("scope=\"col\"").count(), 4);
    assert_eq!(table.matches("<th scope=\"row\">").count(), 4, "Kars, Ardahan, Kağızman, Total");
    assert!(table.contains("<tr><th scope=\"row\">Kars</th><td class=\"align-end num\">12 000</td><td class=\"align-end num\">19 300</td><td rowspan=\"2\" class=\"align-center\">town and suburbs</td></tr>"), "{table}");
    assert!(
        table.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"align-end num\">22 350</td>"),
        "{table}"
    );
    assert!(!x.contains(" align="), "alignment is in classes, not the obsolete attribute");
    // The source line after the table, in the wrapper (its shelfmark found by the enrichment).
    assert!(x[end..].starts_with("</table>\n</div>\n<p class=\"table-source\">Source: <span class=\"shelfmark\" data-archive=\"rgvia\">RGVIA, f. 400, op. 1, d. 12, l. 3</span>.</p>\n</div>"), "{}", &x[end..]);
    // The wide table: its language on the wrapper, its column widths.
    assert!(x.contains("<div class=\"table\" id=\"tbl-wide\" lang=\"ru\" xml:lang=\"ru\">"));
    assert!(x.contains("<colgroup><col style=\"width: 20%\"/><col style=\"width: 10%\"/>"));
    assert!(entry_opf(&bytes).contains("<dc:language>ru</dc:language>"));
    // The bare table: no caption, no region name, still focusable for scrolling.
    assert!(x.contains("<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n<tbody>\n<tr><td class=\"align-end num\">1</td><td class=\"align-start\">one</td></tr>"), "{x}");
    // Cross-references: the label when the source printed nothing, else its own text.
    assert!(x.contains("As <a class=\"ref\" href=\"#tbl-population\">Table 1</a> shows, and <a class=\"ref\" href=\"#tbl-wide\">the long table</a> confirms."));
    assert!(!diags.iter().any(|d| d.code.starts_with("epub-") && d.code != "epub-no-date"), "{diags:?}");
}

fn entry_opf(bytes: &[u8]) -> String {
    epub_entry(bytes, "EPUB/package.opf")
}

#[test]
fn a_figure_has_its_images_text_alternatives_and_caption() {
    let (bytes, diags) = epub("figures");
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    assert_links_resolve(&x);
    assert!(x.contains("<figure class=\"figure\" id=\"fig-map\">\n<img src=\"images/map.png\" alt=\"A map of the Kars district: the town in the centre, the border running north to south.\" width=\"800\" height=\"500\" style=\"width: 60%\"/>\n<figcaption><p class=\"caption\"><span class=\"caption-label\">Figure 1.</span> The Kars district in 1878<a href=\"#note-1\""), "{x}");
    assert!(x.contains("<p class=\"figure-source\">Source: <span class=\"shelfmark\" data-archive=\"rgvia\">RGVIA, f. 846, op. 16, d. 6512</span>.</p></figcaption>\n</figure>"), "{x}");
    // No description: the label and caption stand in, and the writer says so.
    assert!(x.contains("<img src=\"images/facsimile.jpg\" alt=\"Figure 2. The decree of 14 May 1919, first page\" width=\"600\" height=\"820\" style=\"width: 216pt\"/>"), "{x}");
    let no_alt: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "epub-figure-no-alt").collect();
    assert_eq!(no_alt.len(), 1, "{diags:?}");
    assert!(no_alt[0].message.contains("Figure 2"));
    // Two images in one figure, each with the figure's description.
    let pair = &x[x.find("id=\"fig-pair\"").unwrap()..];
    let pair = &pair[..pair.find("</figure>").unwrap()];
    assert_eq!(pair.matches("<img ").count(), 2);
    assert_eq!(pair.matches("alt=\"Both sides of the letter.\"").count(), 2);
    // Every img has an alt; the one in the line of text is an inline image.
    let els = elements(&x);
    let imgs: Vec<_> = els.iter().filter(|e| e.0 == "img").collect();
    assert_eq!(imgs.len(), 5);
    assert!(imgs.iter().all(|e| attr(e, "alt").is_some_and(|a| !a.is_empty())));
    assert!(x.contains(
        "and its seal <img class=\"inline\" src=\"images/map.png\" alt=\"the district&apos;s seal\""
    ));
    // References to figures.
    assert!(x.contains("The district (<a class=\"ref\" href=\"#fig-map\">Figure 1</a>)"));
    assert!(x.contains("the decree in <a class=\"ref\" href=\"#fig-decree\">the facsimile</a>"));
}

/// The package carries each image once, under its media type, and nothing it does not show.
#[test]
fn the_package_carries_each_shown_image_once_with_its_media_type() {
    let (bytes, _) = epub("figures");
    let opf = entry_opf(&bytes);
    assert_eq!(opf.matches("href=\"images/").count(), 2, "{opf}");
    assert!(opf.contains("<item id=\"image-1\" href=\"images/map.png\" media-type=\"image/png\"/>"), "{opf}");
    assert!(
        opf.contains("<item id=\"image-2\" href=\"images/facsimile.jpg\" media-type=\"image/jpeg\"/>"),
        "{opf}"
    );
    assert!(opf.contains("<meta property=\"schema:accessMode\">visual</meta>"));
    assert!(opf.contains("<meta property=\"schema:accessModeSufficient\">textual,visual</meta>"));
    assert!(!opf.contains("alternativeText"), "one figure is not described");
    let mut images: Vec<String> =
        entries(&bytes).into_iter().filter(|n| n.starts_with("EPUB/images/")).collect();
    images.sort();
    assert_eq!(images, ["EPUB/images/facsimile.jpg", "EPUB/images/map.png"]);
    let original = std::fs::read(dir().join("media/map.png")).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut packed = Vec::new();
    std::io::Read::read_to_end(&mut z.by_name("EPUB/images/map.png").unwrap(), &mut packed).unwrap();
    assert_eq!(packed, original, "the bytes as read");
    // A text-only book says so and carries no images.
    let (text_only, _) = epub("tables");
    assert!(!entries(&text_only).iter().any(|n| n.contains("images/")));
    assert!(entry_opf(&text_only).contains("Text-only article"));
}

/// An image with no bytes is a placeholder naming its file, with a warning; the figure's
/// caption and source stay.
#[test]
fn a_missing_image_is_a_visible_placeholder_naming_its_file() {
    let (bytes, diags) = epub("figures");
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    let lost = &x[x.find("<figure class=\"figure\" id=\"fig-lost\">").unwrap()..];
    let lost = &lost[..lost.find("</figure>").unwrap()];
    assert!(lost.contains("<p class=\"image-missing\">[maps/ardahan-road.png]</p>"), "{lost}");
    assert!(!lost.contains("<img"), "no broken image");
    assert!(
        lost.contains("The Ardahan road, 1879") && lost.contains("Source: missing from the archive's scans.")
    );
    let missing: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "epub-image-missing").collect();
    assert_eq!(missing.len(), 1, "{diags:?}");
    assert!(missing[0].message.contains("maps/ardahan-road.png") && missing[0].message.contains("Figure 4"));
    assert_eq!(missing[0].severity, colophon::diag::Severity::Warning);
}

/// A reference to no table or figure is its text without a link, with a warning.
#[test]
fn a_dangling_reference_is_text_with_a_warning() {
    let (bytes, diags) = epub("figures");
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    assert!(x.contains("a map that is lost (<span class=\"ref-dangling\">fig:nowhere</span>)"), "{x}");
    assert!(!x.contains("href=\"#fig-nowhere\""));
    let dangling: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "epub-ref-dangling").collect();
    assert_eq!(dangling.len(), 1, "{diags:?}");
    assert!(dangling[0].message.contains("fig:nowhere"));
}

/// Media no image shows stay out of the package, and the writer says so.
#[test]
fn media_no_image_shows_are_left_out_and_reported() {
    let mut doc = figures_doc();
    let spare = colophon::read::media::load(&dir().join("media"), "facsimile.jpg").unwrap().media;
    let mut spare = spare;
    spare.data.push(0); // other bytes, so another key
    let key = doc.add_media("spare.jpg", spare);
    let (bytes, diags) = colophon::write(&doc, Format::Epub, &Resources::builtin()).unwrap();
    assert!(!entries(&bytes).iter().any(|n| n.contains("spare")));
    assert!(diags.iter().any(|d| d.code == "epub-media-unused" && d.message.contains(&key)), "{diags:?}");
}

#[test]
fn both_books_pass_epubcheck_and_ace() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["tables", "figures"] {
        let path = tmp.path().join(format!("{name}.epub"));
        std::fs::write(&path, epub(name).0).unwrap();
        assert_epub_clean(&path);
    }
}

/// Unpacks `epub` into `dir`; returns the article's path.
fn unpack(epub: &[u8], dir: &Path) -> PathBuf {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(epub)).unwrap();
    z.extract(dir).unwrap();
    dir.join("EPUB/article.xhtml")
}

/// At a phone's width (360 px) in Chromium no table or figure runs past the page: the page
/// does not scroll sideways, the wide table scrolls in its own box, and images fit.
#[test]
fn on_a_narrow_screen_nothing_runs_past_the_page() {
    let Some(chromium) =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].iter().map(PathBuf::from).find(|p| p.is_file())
    else {
        missing_validator("Chromium", "scripts/test.sh installs it (Debian chromium)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    for name in ["tables", "figures"] {
        let article = unpack(&epub(name).0, &tmp.path().join(name));
        // A copy of the article with a script that measures it and writes what it found.
        let probe = r#"window.addEventListener('load', () => { const d = document.documentElement; const wide = [...document.querySelectorAll('table, img, figure, div.table')].filter(e => e.getBoundingClientRect().right > d.clientWidth + 1 && !e.closest('.table-scroll')).map(e => e.tagName + '#' + (e.id || e.closest('[id]')?.id)); const scrollers = [...document.querySelectorAll('.table-scroll')].filter(e => e.scrollWidth > e.clientWidth).length; document.body.setAttribute('data-probe', JSON.stringify({page: d.scrollWidth, view: d.clientWidth, wide, scrollers})); });"#;
        std::fs::write(article.with_file_name("probe.js"), probe).unwrap();
        let x = std::fs::read_to_string(&article)
            .unwrap()
            .replace("</body>", "<script src=\"probe.js\"></script></body>");
        let probed = article.with_file_name("probe.xhtml");
        std::fs::write(&probed, x).unwrap();
        let out = std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=360,800",
                "--virtual-time-budget=3000",
                "--dump-dom",
            ])
            .arg(format!("file://{}", probed.display()))
            .output()
            .expect("chromium runs");
        let dom = String::from_utf8_lossy(&out.stdout);
        let at = dom.find("data-probe=\"").unwrap_or_else(|| panic!("no probe in {dom}"));
        let json = &dom[at + 12..];
        let json = json[..json.find('"').unwrap()].replace("&quot;", "\"");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(v["page"].as_u64() <= v["view"].as_u64(), "{name}: the page scrolls sideways: {v}");
        assert_eq!(v["wide"], serde_json::json!([]), "{name}: {v}");
        if name == "tables" {
            assert_eq!(v["scrollers"], 1, "the wide table scrolls in its box: {v}");
        }
    }
}
