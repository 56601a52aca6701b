//! Names, dates and editorial choices kept as typed spans (issue 16), through every format:
//! a TEI file of ours (`tests/tei/names-dates-choices.tei.xml`: names of each kind with
//! `@ref`/`@key`, dates with `@when`, `@when-iso`, `@from`/`@to` and a time, choices of each
//! kind in both orders, nested in emphasis and in notes) read into the model, written as TEI
//! valid under tei_all that reads back to the same model and the same bytes, as Markdown
//! that is byte-stable, as an e-book clean under EPUBCheck and Ace, and as a PDF whose text
//! shows the readings shown; and real TEI (FRUS) whose names and dates survive the same way.

mod common;

use colophon::model::{plain_text, Block, ChoiceKind, Document, Inline, NameKind};
use colophon::{Format, Resources};
use common::*;
use std::path::Path;

fn load(path: &Path) -> (Document, Vec<&'static str>) {
    let (doc, diags) = colophon::load(path, None, &Resources::builtin()).expect("reads");
    (doc, diags.iter().map(|d| d.code).collect())
}

fn fixture() -> std::path::PathBuf {
    root().join("tests/tei/names-dates-choices.tei.xml")
}

/// Every inline of `inlines`, depth first, notes' paragraphs and both readings included.
fn all_inlines(inlines: &[Inline], out: &mut Vec<Inline>) {
    for i in inlines {
        out.push(i.clone());
        match i {
            Inline::Note(n) => {
                n.content.iter().flat_map(Block::leaves).for_each(|b| all_inlines(b.content(), out))
            }
            Inline::Choice { shown, other, .. } => {
                all_inlines(shown, out);
                all_inlines(other, out);
            }
            other => all_inlines(other.children(), out),
        }
    }
}

fn inlines_of(doc: &Document) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        all_inlines(b.content(), &mut out);
    }
    out
}

fn name(kind: NameKind, reference: Option<&str>, content: Vec<Inline>) -> Inline {
    Inline::Name { kind, reference: reference.map(str::to_string), content }
}

fn t(s: &str) -> Vec<Inline> {
    vec![Inline::text(s)]
}

#[test]
fn tei_names_dates_and_choices_become_typed_spans() {
    let (doc, codes) = load(&fixture());
    for code in ["tei-choice-reading", "tei-name-untyped", "tei-date-range", "tei-element-read-as-text"] {
        assert!(!codes.contains(&code), "{code} in {codes:?}");
    }
    let all = inlines_of(&doc);
    let date = |when: Option<&str>, s: &str| Inline::Date { when: when.map(str::to_string), content: t(s) };
    let choice = |kind, shown: Vec<Inline>, other: &str| Inline::Choice { kind, shown, other: t(other) };
    for want in [
        name(NameKind::Person, Some("http://viaf.org/viaf/101"), t("Stepan Shaumian")),
        name(NameKind::Place, Some("https://www.geonames.org/587084"), t("Baku")),
        name(NameKind::Place, Some("tiflis"), t("Tiflis")),
        name(NameKind::Organisation, Some("#bakcom"), t("Baku Soviet")),
        name(NameKind::Person, None, t("Dro")),
        name(NameKind::Place, Some("#zangezur"), t("the district")),
        Inline::Emph {
            content: vec![name(NameKind::Organisation, None, t("Dashnak")), Inline::text(" committee")],
        },
        date(Some("1918-07-31"), "31 July 1918"),
        date(Some("1919-05"), "May 1919"),
        date(Some("1918/1920"), "1918–20"),
        date(Some("10:30:00"), "half past ten"),
        // In a note: a name around emphasis, a date.
        name(NameKind::Person, None, vec![Inline::Emph { content: t("Andranik") }]),
        date(Some("1919-05-14"), "14 May 1919"),
        choice(ChoiceKind::Correction, t("Zangezur"), "Zangzur"),
        choice(ChoiceKind::Regularisation, t("Nakhichevan"), "Nachitschewan"),
        choice(ChoiceKind::Expansion, t("General"), "Gen."),
        Inline::Emph { content: vec![choice(ChoiceKind::Expansion, t("Andranik"), "A.")] },
        choice(ChoiceKind::Correction, vec![Inline::Strong { content: t("1919") }], "1991"),
        name(NameKind::Place, None, t("Goris")),
        choice(ChoiceKind::Correction, t("Sisyan"), "Sisian"),
    ] {
        assert!(all.contains(&want), "{want:?} not in the model");
    }
    // The printed text reads the readings shown, once each.
    let text = plain_text(doc.body[2].content());
    assert!(
        text.contains("wrote Zangezur, the old spelling Nakhichevan and General Andranik in 1919."),
        "{text}"
    );
}

#[test]
fn tei_round_trip_is_valid_and_byte_stable() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![fixture()];
    // Ours, and real TEI (FRUS: `persName` of the sender and recipient, a `date`).
    for src in [fixture(), root().join("tests/tei/real/frus1944Quebec-d16.excerpt.xml")] {
        let (doc, _) = load(&src);
        let xml = String::from_utf8(written(&doc, Format::Tei)).unwrap();
        let path = dir.path().join(src.file_name().unwrap());
        std::fs::write(&path, &xml).unwrap();
        let (back, _) = load(&path);
        assert_eq!(back.body, doc.body, "{}", src.display());
        assert_eq!(String::from_utf8(written(&back, Format::Tei)).unwrap(), xml, "{}", src.display());
        let kept = inlines_of(&doc)
            .iter()
            .filter(|i| matches!(i, Inline::Name { .. } | Inline::Date { .. }))
            .count();
        assert!(kept >= 3, "{}: {kept} names and dates", src.display());
        files.push(path);
    }
    let xml = std::fs::read_to_string(&files[1]).unwrap();
    for needle in [
        "<persName ref=\"http://viaf.org/viaf/101\">Stepan Shaumian</persName>",
        "<placeName ref=\"tiflis\">Tiflis</placeName>",
        "<date when=\"1919-05\">May 1919</date>",
        "<date from=\"1918\" to=\"1920\">1918–20</date>",
        "<date when=\"10:30:00\">half past ten</date>",
        "<hi rend=\"italic\"><orgName>Dashnak</orgName> committee</hi>",
        "<persName><hi rend=\"italic\">Andranik</hi></persName>",
        "<choice><corr>Zangezur</corr><sic>Zangzur</sic></choice>",
        "<choice><reg>Nakhichevan</reg><orig>Nachitschewan</orig></choice>",
        "<choice><expan>General</expan><abbr>Gen.</abbr></choice>",
        "<choice><corr><hi rend=\"bold\">1919</hi></corr><sic>1991</sic></choice>",
    ] {
        assert!(xml.contains(needle), "{needle} in:\n{xml}");
    }
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &files);
        assert!(errors.is_empty(), "jing found errors:\n{}", errors.join("\n"));
    }
}

#[test]
fn markdown_keeps_names_dates_and_choices_byte_stable() {
    let (doc, _) = load(&fixture());
    let md = String::from_utf8(written(&doc, Format::Markdown)).unwrap();
    for needle in [
        "[Stepan Shaumian]{.person ref=\"http://viaf.org/viaf/101\"}",
        "[1918–20]{.date when=\"1918/1920\"}",
        "*[Dashnak]{.organisation} committee*",
        "[Zangezur]{.correction sic=\"Zangzur\"}",
        "[Nakhichevan]{.regularisation orig=\"Nachitschewan\"}",
        "*[Andranik]{.expansion abbr=\"A.\"}*",
        "[**1919**]{.correction sic=\"1991\"}",
    ] {
        assert!(md.contains(needle), "{needle} in:\n{md}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("names.md");
    std::fs::write(&path, &md).unwrap();
    let (back, codes) = load(&path);
    assert!(codes.iter().all(|c| !c.starts_with("md-")), "{codes:?}");
    assert_eq!(back.body, doc.body);
    assert_eq!(String::from_utf8(written(&back, Format::Markdown)).unwrap(), md);
}

/// The other reading of a choice goes into an attribute as plain text: markup in it, and
/// characters the attribute cannot hold, are reported by the writer, and what is written
/// reads back as written.
#[test]
fn a_choice_reading_the_attribute_cannot_hold_is_reported() {
    let other = vec![Inline::text("[a] \"b\" "), Inline::Emph { content: t("c*d*") }];
    let mut doc = Document::new();
    doc.body.push(Block::paragraph(vec![
        Inline::Choice { kind: ChoiceKind::Correction, shown: t("x"), other },
        Inline::text(" and "),
        name(NameKind::Person, Some("https://example.org/p?id=7&lang=en"), t("y")),
    ]));
    let (bytes, diags) = colophon::write(&doc, Format::Markdown, &Resources::builtin()).unwrap();
    assert!(diags.iter().any(|d| d.code == "md-choice-simplified"), "{diags:?}");
    let md = String::from_utf8(bytes).unwrap();
    assert!(md.contains("[x]{.correction sic=\"a b cd\"}"), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.md");
    std::fs::write(&path, &md).unwrap();
    let (back, _) = load(&path);
    assert_eq!(
        back.body[0].content(),
        [
            Inline::Choice { kind: ChoiceKind::Correction, shown: t("x"), other: t("a b cd") },
            Inline::text(" and "),
            name(NameKind::Person, Some("https://example.org/p?id=7&lang=en"), t("y")),
        ]
    );
}

/// A name's pointer or a date's value with characters a span attribute cannot hold is
/// written without them, and said so; one it can hold is not reported.
#[test]
fn attribute_values_the_markdown_cannot_hold_are_reported() {
    let md = |inline: Inline| {
        let mut doc = Document::new();
        doc.body.push(Block::paragraph(vec![inline]));
        let (bytes, diags) = colophon::write(&doc, Format::Markdown, &Resources::builtin()).unwrap();
        (String::from_utf8(bytes).unwrap(), diags.iter().map(|d| d.code).collect::<Vec<_>>())
    };
    let (text, codes) = md(name(NameKind::Place, Some("https://example.org/{id}"), t("Goris")));
    assert!(text.contains("[Goris]{.place ref=\"https://example.org/id\"}"), "{text}");
    assert!(codes.contains(&"md-attribute-simplified"), "{codes:?}");
    let (_, codes) = md(Inline::Date { when: Some("1918/1920".into()), content: t("1918–20") });
    assert!(!codes.contains(&"md-attribute-simplified"), "{codes:?}");
}

#[test]
fn the_e_book_and_the_pdf_show_the_readings_shown() {
    let (doc, _) = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("names.epub");
    let bytes = written(&doc, Format::Epub);
    std::fs::write(&epub, &bytes).unwrap();
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    for needle in [
        "<span class=\"person\" data-ref=\"http://viaf.org/viaf/101\">Stepan Shaumian</span>",
        "<span class=\"organisation\">Dashnak</span>",
        "<time datetime=\"1918-07-31\">31 July 1918</time>",
        "<time datetime=\"1919-05\">May 1919</time>",
        // Not a value HTML's `datetime` takes: kept in a span.
        "<span class=\"date\" data-when=\"1918/1920\">1918–20</span>",
        "<span class=\"date\" data-when=\"10:30:00\">half past ten</span>",
        "<span class=\"correction\" title=\"Zangzur\">Zangezur</span>",
        "<span class=\"regularisation\" title=\"Nachitschewan\">Nakhichevan</span>",
        "<span class=\"expansion\" title=\"Gen.\">General</span>",
    ] {
        assert!(x.contains(needle), "{needle} in:\n{x}");
    }
    assert!(!x.contains(">Zangzur<"), "{x}");
    assert_epub_clean(&epub);

    let pdf = dir.path().join("names.pdf");
    std::fs::write(&pdf, written(&doc, Format::Pdf)).unwrap();
    let Some(o) = pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) else { return };
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Stepan Shaumian left Baku for Tiflis on 31 July 1918",
        "wrote Zangezur, the old spelling Nakhichevan",
        "reads Sisyan.",
    ] {
        assert!(text.contains(want), "{want} in:\n{text}");
    }
    assert!(!text.contains("Zangzur") && !text.contains("Nachitschewan"), "{text}");
}
