//! The Word reader on small packages built here, one feature each: notes of both kinds with
//! Word's labels, languages, tracked changes, comments, citation fields, and bad input
//! (ZIP bombs, compound files, missing and malformed parts, deep nesting, linked images).
//! The corpus made with real tools (pandoc, LibreOffice, python-docx) is in docx_corpus.rs.

use colophon::model::{plain_text, Block, Document, Inline, NoteKind};
use colophon::{Format, Resources};
use std::io::Write;
use std::path::Path;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

/// A package of `parts` (name, XML), with the relationships Word writes for them.
fn package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut rels = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, _)) in parts.iter().enumerate() {
        if let Some(kind) =
            name.strip_prefix("word/").and_then(|n| n.strip_suffix(".xml")).filter(|n| *n != "document")
        {
            rels.push_str(&format!(
                r#"<Relationship Id="rIdp{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{kind}.xml"/>"#
            ));
        }
    }
    rels.push_str(r#"<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://example.invalid/x.png" TargetMode="External"/>"#);
    rels.push_str("</Relationships>");
    let mut all: Vec<(String, String)> = parts.iter().map(|(n, x)| (n.to_string(), x.clone())).collect();
    all.push(("word/_rels/document.xml.rels".into(), rels));
    all.push((
        "_rels/.rels".into(),
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into(),
    ));
    for (name, xml) in all {
        zip.start_file(name, opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> (&'static str, String) {
    (
        "word/document.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        ),
    )
}

fn notes(kind: &str, notes: &[(&str, &str)]) -> (&'static str, String) {
    let name = if kind == "footnote" { "word/footnotes.xml" } else { "word/endnotes.xml" };
    let mut xml = format!(
        r#"<w:{kind}s {W}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>"#
    );
    for (id, text) in notes {
        xml.push_str(&format!(
            r#"<w:{kind} w:id="{id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>"#
        ));
    }
    xml.push_str(&format!("</w:{kind}s>"));
    (name, xml)
}

fn read(bytes: &[u8]) -> colophon::Result<(Document, Vec<colophon::Diagnostic>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.docx");
    std::fs::write(&path, bytes).unwrap();
    colophon::load(&path, None, &Resources::builtin())
}

fn ok(bytes: &[u8]) -> (Document, Vec<colophon::Diagnostic>) {
    read(bytes).expect("reads")
}

fn err(bytes: &[u8]) -> String {
    read(bytes).expect_err("refused").to_string()
}

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// The text before each note's call in the first paragraph, and the notes.
fn calls(doc: &Document) -> Vec<(String, String, NoteKind, String)> {
    let mut out = Vec::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        let mut before = String::new();
        for i in b.content() {
            if let Inline::Note(n) = i {
                let text = n
                    .content
                    .iter()
                    .flat_map(Block::leaves)
                    .map(|b| plain_text(b.content()))
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push((before.clone(), n.label.clone(), n.kind, text));
            } else {
                before.push_str(&plain_text(std::slice::from_ref(i)));
            }
        }
    }
    out
}

#[test]
fn footnotes_and_endnotes_are_kept_apart_with_words_labels() {
    let body = p(&format!(
        r#"{}<w:r><w:footnoteReference w:id="1"/></w:r>{}<w:r><w:endnoteReference w:id="1"/></w:r>{}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r>{}<w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r>"#,
        r("One"),
        r(" two"),
        r(" three"),
        r(" four."),
    ));
    let bytes = package(&[
        document(&body),
        notes("footnote", &[("1", "First footnote."), ("2", "Starred."), ("3", "Second numbered.")]),
        notes("endnote", &[("1", "First endnote."), ("2", "Second endnote.")]),
    ]);
    let (doc, _) = ok(&bytes);
    let got = calls(&doc);
    let want = [
        ("One", "1", NoteKind::Foot, "First footnote."),
        ("One two", "i", NoteKind::End, "First endnote."),
        ("One two three", "*", NoteKind::Foot, "Starred."),
        ("One two three four.", "2", NoteKind::Foot, "Second numbered."),
        ("One two three four.", "ii", NoteKind::End, "Second endnote."),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2, g.3.as_str()), w);
    }
    // Through TEI and back: the kinds survive.
    let (tei, _) = colophon::write(&doc, Format::Tei, &Resources::builtin()).unwrap();
    let tei = String::from_utf8(tei).unwrap();
    assert!(!tei.contains("customMark") && tei.contains("Second endnote."));
}

#[test]
fn languages_word_tagged_become_spans_and_paragraph_languages() {
    let styles = (
        "word/styles.xml",
        format!(
            r#"<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:styleId="Ru"><w:name w:val="Russian text"/><w:rPr><w:lang w:val="ru-RU"/></w:rPr></w:style></w:styles>"#
        ),
    );
    let body = r#"<w:p><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">The word </w:t></w:r><w:r><w:rPr><w:lang w:val="tr-TR"/></w:rPr><w:t>belge</w:t></w:r><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve"> means a document in English.</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Ru"/></w:pPr><w:r><w:t>Архив внешней политики Российской империи.</w:t></w:r></w:p>
        <w:p><w:r><w:t>An untagged paragraph keeps no language from the template default.</w:t></w:r></w:p>"#;
    let (doc, _) = ok(&package(&[document(body), styles]));
    let Block::Paragraph { content, lang } = &doc.body[0] else { panic!("{:?}", doc.body[0]) };
    assert_eq!(lang.as_ref().map(|l| l.as_str()), Some("en-GB"));
    assert!(
        content.iter().any(|i| matches!(i, Inline::Span { lang, content } if lang.as_str() == "tr-TR" && plain_text(content) == "belge")),
        "{content:?}"
    );
    let Block::Paragraph { lang, .. } = &doc.body[1] else { panic!() };
    assert_eq!(lang.as_ref().map(|l| l.as_str()), Some("ru-RU"));
    // The third was decided by enrichment (English), not taken from docDefaults' en-US.
    let Block::Paragraph { lang, .. } = &doc.body[2] else { panic!() };
    assert_ne!(lang.as_ref().map(|l| l.as_str()), Some("en-US"));
    let (tei, _) = colophon::write(&doc, Format::Tei, &Resources::builtin()).unwrap();
    let tei = String::from_utf8(tei).unwrap();
    assert!(tei.contains(r#"xml:lang="tr-TR""#) && tei.contains(r#"xml:lang="ru-RU""#), "{tei}");
}

#[test]
fn tracked_changes_and_comments_are_reported_never_applied_silently() {
    let body = p(&format!(
        r#"{}<w:ins w:id="1" w:author="Editor A" w:date="2026-01-02T00:00:00Z">{}</w:ins><w:del w:id="2" w:author="Editor B"><w:r><w:delText>removed </w:delText></w:r></w:del>{}<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
        r("Kept "),
        r("inserted "),
        r("end.")
    ));
    let comments = (
        "word/comments.xml",
        format!(
            r#"<w:comments {W}><w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>Check this date.</w:t></w:r></w:p></w:comment></w:comments>"#
        ),
    );
    let (doc, diags) = ok(&package(&[document(&body), comments]));
    assert_eq!(plain_text(doc.body[0].content()), "Kept inserted end.");
    let find =
        |code: &str| diags.iter().find(|d| d.code == code).map(|d| d.message.clone()).unwrap_or_default();
    assert!(find("docx-tracked-insertion").contains("Editor A"), "{diags:?}");
    assert!(find("docx-tracked-deletion").contains("removed"), "{diags:?}");
    assert!(find("docx-comment-dropped").contains("Check this date."), "{diags:?}");
    assert!(
        find("docx-comment-dropped").starts_with("word/document.xml:1:"),
        "the part and position are named"
    );
}

#[test]
fn citation_fields_keep_their_printed_text_and_never_their_code() {
    let code = r#"ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"x","citationItems":[{"id":1,"itemData":{"id":1,"type":"book","title":"The Revenge of the Past","author":[{"family":"Suny","given":"Ronald"}],"issued":{"date-parts":[["1993"]]}}}]}"#;
    let body = p(&format!(
        r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>{}<w:fldSimple w:instr=" PAGEREF _Ref1 \h ">{}</w:fldSimple>"#,
        r("As argued "),
        code.replace('"', "&quot;"),
        r("(Suny 1993)"),
        r(", see page "),
        r("12")
    ));
    let (doc, _) = ok(&package(&[document(&body)]));
    let content = doc.body[0].content();
    assert_eq!(plain_text(content), "As argued (Suny 1993), see page 12");
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Citation { keys, .. } if keys == &["suny1993".to_string()])),
        "{content:?}"
    );
}

#[test]
fn headings_lists_and_quotes_by_style() {
    let styles = (
        "word/styles.xml",
        format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Z2"><w:name w:val="Заголовок 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Q"><w:name w:val="Intense Quote"/></w:style></w:styles>"#
        ),
    );
    let numbering = (
        "word/numbering.xml",
        format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        ),
    );
    let item = |t: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr>{}</w:p>"#,
            r(t)
        )
    };
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>{}</w:p><w:p><w:pPr><w:pStyle w:val="Z2"/></w:pPr>{}</w:p><w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>{}</w:p>{}{}<w:p><w:pPr><w:pStyle w:val="Q"/></w:pPr>{}</w:p>"#,
        r("Introduction"),
        r("Глава вторая"),
        r("Third level"),
        item("third"),
        item("fourth"),
        r("Quoted.")
    );
    let (doc, _) = ok(&package(&[document(&body), styles, numbering]));
    let levels: Vec<u8> = doc
        .body
        .iter()
        .filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None })
        .collect();
    assert_eq!(levels, [1, 2, 3]);
    let list = doc.body.iter().find_map(|b| {
        if let Block::List { numbering, items } = b {
            Some((numbering, items))
        } else {
            None
        }
    });
    let (numbering, items) = list.expect("a list");
    assert_eq!(numbering.map(|n| n.label(n.start)), Some("3)".into()));
    assert_eq!(items.len(), 2);
    assert!(matches!(doc.body.last(), Some(Block::Quote { .. })));
}

#[test]
fn bad_packages_are_refused_with_clear_errors() {
    assert!(err(b"plain text named docx").contains("not a Word document"));
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    assert!(err(&cfb).contains(".doc"));
    cfb.extend("EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert!(err(&cfb).contains("encrypted"));
    let missing = package(&[("word/styles.xml", format!("<w:styles {W}/>"))]);
    assert!(err(&missing).contains("no main document part"), "{}", err(&missing));
    let malformed =
        package(&[("word/document.xml", format!("<w:document {W}><w:body><w:p></w:body></w:document>"))]);
    let m = err(&malformed);
    assert!(m.contains("word/document.xml:1:") && m.contains("well-formed"), "{m}");
    let deep = "<w:tbl><w:tr><w:tc>".repeat(100) + &"</w:tc></w:tr></w:tbl>".repeat(100);
    assert!(err(&package(&[document(&deep)])).contains("nested"));
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "the bomb is small: {}", bytes.len());
    assert!(err(&bytes).contains("inflates to more than"));
}

#[test]
fn a_linked_image_is_a_placeholder_and_never_fetched() {
    let body = p(&format!(
        r#"{}<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Map of the region"/><a:graphic><a:graphicData><a:blip r:link="rIdImg"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#,
        r("Before the map.")
    ));
    let (doc, diags) = ok(&package(&[document(&body)]));
    assert_eq!(plain_text(doc.body[0].content()), "Before the map.");
    let image = doc.body[0].content().iter().find_map(|i| match i {
        Inline::Image { image, alt } => Some((image.clone(), alt.clone())),
        _ => None,
    });
    let (image, alt) = image.expect("the image keeps its place");
    assert_eq!(
        (image.src.as_str(), image.media.as_ref(), alt.as_str()),
        ("http://example.invalid/x.png", None, "Map of the region")
    );
    let d = diags.iter().find(|d| d.code == "image-remote").expect("reported");
    assert!(d.message.contains("never fetched"), "{}", d.message);
    assert!(doc.media.is_empty());
}

/// A package of `parts` plus binary `media` parts under `word/media/`, each related from
/// the main document as `rIdM<i>`.
fn package_with_media(parts: &[(&str, String)], media: &[(&str, &[u8])]) -> Vec<u8> {
    let plain = package(parts);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(plain)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        if name == "word/_rels/document.xml.rels" {
            let mut rels = String::from_utf8(bytes).unwrap();
            let extra: String = media.iter().enumerate().map(|(i, (n, _))| format!(
                r#"<Relationship Id="rIdM{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/{n}"/>"#
            )).collect();
            rels = rels.replace("</Relationships>", &(extra + "</Relationships>"));
            bytes = rels.into_bytes();
        }
        out.start_file(name, opts).unwrap();
        out.write_all(&bytes).unwrap();
    }
    for (n, bytes) in media {
        out.start_file(format!("word/media/{n}"), opts).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn drawing(rel: &str, descr: &str, cx: u64) -> String {
    format!(
        r#"<w:r><w:drawing><wp:inline><wp:extent cx="{cx}" cy="100"/><wp:docPr id="1" name="Picture" descr="{descr}"/><a:graphic><a:graphicData><a:blip r:embed="{rel}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    )
}

fn media_fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media").join(name)).unwrap()
}

#[test]
fn an_image_alone_in_its_paragraph_is_a_figure_with_its_caption() {
    let map = media_fixture("map.png");
    let cut = media_fixture("truncated.jpg");
    let body = [
        p(&drawing("rIdM0", "A map of Kars", 5_080_000)),
        r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>Figure 1: The province of Kars</w:t></w:r></w:p>"#.to_string(),
        p(&r("Source: RGVIA, f. 400, op. 1, d. 12.")),
        p(&format!("{}{}", r("A seal "), drawing("rIdM1", "", 0))),
        r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>Caption with nothing to hold it</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style></w:styles>"#
    );
    let bytes = package_with_media(
        &[document(&body), ("word/styles.xml", styles)],
        &[("image1.png", &map), ("image2.jpeg", &cut)],
    );
    let (doc, diags) = ok(&bytes);
    let Block::Figure(f) = &doc.body[0] else { panic!("{:?}", doc.body[0]) };
    assert_eq!(f.label.as_deref(), Some("Figure 1"));
    assert_eq!(plain_text(&f.caption), "The province of Kars");
    assert_eq!(f.source.as_deref().map(plain_text).as_deref(), Some("Source: RGVIA, f. 400, op. 1, d. 12."));
    assert_eq!(f.alt.as_deref(), Some("A map of Kars"));
    assert_eq!(f.images[0].width, Some(colophon::model::Extent::Points(400.0)));
    let key = f.images[0].media.as_deref().expect("kept");
    let m = &doc.media[key];
    assert_eq!((m.width, m.height, m.data.len()), (800, 500, map.len()));
    // An image inside a line of text stays in the line; a damaged one is a placeholder.
    let inline = doc.body[1].content().iter().find_map(|i| match i {
        Inline::Image { image, .. } => Some(image.clone()),
        _ => None,
    });
    assert_eq!(inline.expect("in the line").media, None);
    assert!(
        diags.iter().any(|d| d.code == "image-damaged" && d.message.contains("image2.jpeg")),
        "{diags:?}"
    );
    assert_eq!(plain_text(doc.body[2].content()), "Caption with nothing to hold it");
}

#[test]
fn tables_keep_their_header_spans_widths_and_caption() {
    let cell = |text: &str, props: &str| {
        format!(
            r#"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:jc w:val="right"/></w:pPr>{}</w:p></w:tc>"#,
            r(text)
        )
    };
    let head = format!(
        r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr>"#,
        cell("Uezd", r#"<w:vMerge w:val="restart"/>"#),
        cell("Population", r#"<w:gridSpan w:val="2"/>"#)
    );
    let row1 = format!("<w:tr>{}{}{}</w:tr>", cell("", "<w:vMerge/>"), cell("1897", ""), cell("1914", ""));
    let row2 = format!("<w:tr>{}{}{}</w:tr>", cell("Kars", ""), cell("12 000", ""), cell("15 500", ""));
    let short = format!("<w:tr>{}</w:tr>", cell("Ardahan", ""));
    let tbl = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>{head}{row1}{row2}{short}</w:tbl>"#
    );
    let caption = r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>Table 2. Population by uezd</w:t></w:r></w:p>"#;
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style></w:styles>"#
    );
    let (doc, diags) =
        ok(&package(&[document(&format!("{caption}{tbl}{}", p(&r("After.")))), ("word/styles.xml", styles)]));
    let Block::Table(t) = &doc.body[0] else { panic!("{:?}", doc.body) };
    assert_eq!(
        (t.label.as_deref(), plain_text(&t.caption).as_str()),
        (Some("Table 2"), "Population by uezd")
    );
    assert_eq!(t.columns.len(), 3);
    assert_eq!(t.columns.iter().map(|c| c.width.unwrap()).collect::<Vec<_>>(), [0.5, 0.25, 0.25]);
    assert_eq!(t.columns[1].align, colophon::model::Align::Right);
    assert_eq!(t.head.len(), 1);
    assert_eq!((t.head[0].cells[0].rows, t.head[0].cells[1].cols), (2, 2));
    assert_eq!(t.body[0].cells.len(), 2, "the merged cell is not repeated");
    assert_eq!(t.body[2].cells.len(), 3, "a short row is filled");
    assert!(t.grid().is_some());
    assert!(diags.iter().any(|d| d.code == "docx-table-ragged"));
    let text: Vec<String> = t
        .rows()
        .flat_map(|r| &r.cells)
        .map(|c| c.blocks.iter().map(|b| plain_text(b.content())).collect())
        .collect();
    assert_eq!(text, ["Uezd", "Population", "1897", "1914", "Kars", "12 000", "15 500", "Ardahan", "", ""]);
    assert_eq!(plain_text(doc.body[1].content()), "After.");
}

#[test]
fn tracked_changes_can_be_rejected() {
    let body = p(&format!(
        r#"{}<w:ins w:id="1" w:author="A">{}</w:ins><w:del w:id="2" w:author="B"><w:r><w:delText>original </w:delText></w:r></w:del>{}"#,
        r("Kept "),
        r("inserted "),
        r("end.")
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.docx");
    std::fs::write(&path, package(&[document(&body)])).unwrap();
    let mut res = Resources::builtin();
    res.docx.track_changes = colophon::read::docx::TrackChanges::Reject;
    let (doc, diags) = colophon::load(&path, None, &res).unwrap();
    assert_eq!(plain_text(doc.body[0].content()), "Kept original end.");
    assert_eq!(diags.iter().filter(|d| d.code.starts_with("docx-tracked")).count(), 2);
}

/// The example written as DOCX and read back: the same notes (label, kind, text), the same
/// entries (text, and language: Word's tags gain a region, `ru` → `ru-RU`), the same body text.
#[test]
fn the_example_round_trips_through_docx() {
    let res = Resources::builtin();
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input/zangezur-article.txt");
    let (mut doc, _) = colophon::load(&input, None, &res).unwrap();
    // Two printed page numbers (the example's text names none), one a Roman numeral.
    if let Some(Block::Paragraph { content, .. }) = doc.body.first_mut() {
        let middle = content.len() / 2;
        content.insert(middle, Inline::PageBreak { n: "47".into() });
        content.insert(0, Inline::PageBreak { n: "xii".into() });
    }
    let (bytes, _) = colophon::write(&doc, Format::Docx, &res).unwrap();
    let (back, _) = ok(&bytes);
    let notes = |d: &Document| -> Vec<(String, NoteKind, String)> {
        d.notes()
            .iter()
            .map(|n| {
                let text = n
                    .content
                    .iter()
                    .flat_map(Block::leaves)
                    .map(|b| plain_text(b.content()))
                    .collect::<Vec<_>>();
                (n.label.clone(), n.kind, text.join("\n"))
            })
            .collect()
    };
    assert_eq!(notes(&back), notes(&doc));
    // An entry whose language was undecided inherits the document's in every format (as
    // xml:lang does), so it reads back in the document's language.
    let entries = |d: &Document| -> Vec<(String, Option<String>)> {
        let bib = d.back.bibliography.as_ref().expect("a bibliography");
        bib.entries
            .iter()
            .map(|e| (e.raw.clone(), e.lang.as_ref().map(|l| l.primary().to_string())))
            .collect()
    };
    let (ours, theirs) = (entries(&doc), entries(&back));
    assert_eq!(ours.len(), theirs.len());
    for (o, t) in ours.iter().zip(&theirs) {
        assert_eq!(o.0, t.0);
        if o.1.is_some() {
            assert_eq!(o.1, t.1, "{}", o.0);
        }
    }
    let body = |d: &Document| {
        d.body.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect::<Vec<_>>()
    };
    assert_eq!(body(&back), body(&doc));
    // The printed page numbers (bookmarks `page_N` in the DOCX), and the entries' labels.
    fn pages(inlines: &[Inline], out: &mut Vec<String>) {
        for i in inlines {
            match i {
                Inline::PageBreak { n } => out.push(n.clone()),
                Inline::Note(_) => {}
                other => pages(other.children(), out),
            }
        }
    }
    let page_numbers = |d: &Document| {
        let mut out = Vec::new();
        d.body.iter().flat_map(Block::leaves).for_each(|b| pages(b.content(), &mut out));
        out
    };
    assert_eq!(page_numbers(&doc).len(), 2);
    assert_eq!(page_numbers(&back), page_numbers(&doc));
    let labels = |d: &Document| {
        d.back.bibliography.as_ref().unwrap().entries.iter().map(|e| e.label.clone()).collect::<Vec<_>>()
    };
    assert_eq!(labels(&back), labels(&doc));
}

#[test]
fn numbered_headings_say_their_numbers_are_not_kept() {
    let numbering = (
        "word/numbering.xml",
        format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        ),
    );
    let body = format!(
        r#"<w:p><w:pPr><w:outlineLvl w:val="0"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>{}"#,
        r("Introduction"),
        p(&r("Text."))
    );
    let (doc, diags) = ok(&package(&[document(&body), numbering]));
    assert!(matches!(&doc.body[0], Block::Heading { level: 1, .. }));
    assert_eq!(diags.iter().filter(|d| d.code == "docx-heading-number").count(), 1);
}

#[test]
fn elements_not_read_are_reported_with_their_text() {
    let body = format!(
        r#"<w:p>{}<w:r><w:ruby><w:rt><w:r><w:t>かん</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>漢</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p><w:altChunk r:id="rIdImg"/>"#,
        r("Before. ")
    );
    let (doc, diags) = ok(&package(&[document(&body)]));
    assert_eq!(plain_text(doc.body[0].content()), "Before.");
    let unknown: Vec<&str> =
        diags.iter().filter(|d| d.code == "docx-unknown-element").map(|d| d.message.as_str()).collect();
    assert_eq!(unknown.len(), 2, "{diags:?}");
    assert!(unknown[0].contains("<ruby>") && unknown[0].contains("漢"), "{unknown:?}");
    assert!(unknown[1].contains("altChunk"));
}
