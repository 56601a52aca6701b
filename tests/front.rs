//! Front matter and texts embedded in texts, through every format: TEI written by others
//! (`tests/tei/front-and-letters.tei.xml`, `tests/tei/group-of-texts.tei.xml`, and a real
//! excerpt of Dingler's Polytechnisches Journal whose volume text holds issues and articles
//! as nested texts) read into the model, then TEI (valid against tei_all, TEI → model → TEI
//! byte-stable), EPUB (EPUBCheck and Ace clean), PDF (the dedication and the letter in its
//! text), Markdown (md → md byte-stable, the same model back) and JSON (the same model back).

mod common;

use colophon::model::{plain_text, Block, FrontKind};
use colophon::{Document, Format, Resources};
use common::*;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    [
        "tests/tei/front-and-letters.tei.xml",
        "tests/tei/group-of-texts.tei.xml",
        "tests/tei/real/dingler-pj001.excerpt.xml",
    ]
    .iter()
    .map(|p| root().join(p))
    .collect()
}

fn load(path: &Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).expect("reads").0
}

/// Writes `bytes` as `name` in `dir` and reads it back.
fn reread(dir: &Path, name: &str, bytes: &[u8]) -> Document {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    load(&p)
}

/// Every embedded text of `blocks`, depth first, with its kind.
fn embedded(blocks: &[Block]) -> Vec<(Option<String>, &[Block])> {
    let mut out = Vec::new();
    for b in blocks {
        if let Block::EmbeddedText { kind, blocks, .. } = b {
            out.push((kind.clone(), blocks.as_slice()));
            out.extend(embedded(blocks));
        }
        if let Block::Quote { blocks, .. } = b {
            out.extend(embedded(blocks));
        }
    }
    out
}

#[test]
fn the_front_in_full_and_a_letter_inside_a_paragraph() {
    let doc = load(&root().join("tests/tei/front-and-letters.tei.xml"));
    let kinds: Vec<FrontKind> = doc.front.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            FrontKind::TitlePage,
            FrontKind::Dedication,
            FrontKind::Preface,
            FrontKind::Acknowledgements,
            FrontKind::Errata
        ]
    );
    let title_page: Vec<String> = doc.front[0].blocks.iter().map(|b| plain_text(b.content())).collect();
    assert_eq!(
        title_page,
        [
            "Letters from the Volga",
            "A Family's Correspondence, 1891–1893",
            "edited by Maria Petrova",
            "Kazan University Press",
            "1998"
        ]
    );
    // The abstract goes to the metadata, once.
    assert_eq!(doc.meta.abstracts.len(), 1);
    assert!(doc
        .front
        .iter()
        .all(|p| p.blocks.iter().all(|b| !plain_text(b.content()).contains("merchant family"))));
    // The preface keeps its heading, its note and its subdivision.
    let preface = &doc.front[2].blocks;
    assert!(matches!(&preface[0], Block::Heading { level: 1, .. }));
    assert!(matches!(&preface[2], Block::Heading { level: 2, .. }));
    assert_eq!(doc.notes().len(), 1);
    // The paragraph around the letter is split where the letter stands.
    let texts: Vec<String> = doc.body.iter().map(|b| plain_text(b.content())).collect();
    let at =
        texts.iter().position(|t| t == "The father wrote from Samara in the spring:").expect("text before");
    let Block::EmbeddedText { kind, lang, blocks } = &doc.body[at + 1] else {
        panic!("{:?}", doc.body[at + 1])
    };
    assert_eq!((kind.as_deref(), lang.as_ref().map(|l| l.as_str())), (Some("letter"), Some("ru")));
    assert!(matches!(&blocks[0], Block::Heading { level: 1, .. }));
    assert_eq!(texts[at + 2], "and the daughter kept the letter with the others.");
}

#[test]
fn texts_in_a_group_and_the_real_edition_are_embedded_texts() {
    let doc = load(&root().join("tests/tei/group-of-texts.tei.xml"));
    let found = embedded(&doc.body);
    let kinds: Vec<Option<&str>> = found.iter().map(|(k, _)| k.as_deref()).collect();
    assert_eq!(kinds, [Some("decree"), Some("decree"), Some("report")]);
    let decree2: Vec<String> = found[1].1.iter().map(|b| plain_text(b.content())).collect();
    assert_eq!(
        decree2,
        ["Verordnung Nr. 2", "Der Markt schließt um sechs Uhr abends.", "Gegeben zu Sarepta."]
    );

    // The real volume: its title page and preface in the front, the issue holding the article.
    let src = root().join("tests/tei/real/dingler-pj001.excerpt.xml");
    let (doc, diags) = colophon::load(&src, None, &Resources::builtin()).unwrap();
    assert_eq!(
        doc.front.iter().map(|p| p.kind).collect::<Vec<_>>(),
        [FrontKind::TitlePage, FrontKind::Preface]
    );
    assert_eq!(doc.front[0].blocks.len(), 6, "five title parts and the imprint");
    assert_eq!(plain_text(doc.front[1].blocks[0].content()), "Vorbericht.");
    let found = embedded(&doc.body);
    let kinds: Vec<Option<&str>> = found.iter().map(|(k, _)| k.as_deref()).collect();
    assert_eq!(kinds, [Some("issue"), Some("art_patent")]);
    // Every paragraph of the article and every title part of its front is kept.
    let xml = std::fs::read_to_string(&src).unwrap();
    let article = &xml[xml.find("xml:id=\"ar001002\"").unwrap()..];
    // (A paragraph inside a note is the note's, not the article's.)
    let count = |tag: &str| {
        article.matches(&format!("<{tag}>")).count() + article.matches(&format!("<{tag} ")).count()
    };
    let printed = count("p") + count("head") + count("titlePart") - count("note");
    let kept = found[1].1.iter().flat_map(Block::leaves).count();
    assert_eq!(kept, printed, "blocks kept of those printed");
    assert!(
        !diags.iter().any(|d| d.message.contains("<text>") || d.message.contains("<group>")),
        "{diags:#?}"
    );
}

#[test]
fn every_format_writes_them_and_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let schema = jing();
    for src in fixtures() {
        let name = src.file_name().unwrap().to_string_lossy().replace(".tei.xml", "").replace(".xml", "");
        let doc = load(&src);

        // TEI: valid, and TEI → model → TEI gives the same bytes and the same model.
        let tei = written(&doc, Format::Tei);
        let tei_path = dir.path().join(format!("{name}.tei.xml"));
        std::fs::write(&tei_path, &tei).unwrap();
        if let Some(schema) = &schema {
            let errors = jing_errors(schema, std::slice::from_ref(&tei_path));
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
        let back = load(&tei_path);
        assert_eq!(written(&back, Format::Tei), tei, "{name}: TEI → model → TEI changed");
        assert_eq!((&back.front, &back.body), (&doc.front, &doc.body), "{name}: TEI gave another model");

        // JSON: the same model.
        let json = reread(dir.path(), &format!("{name}.json"), &written(&doc, Format::Json));
        assert_eq!(json, doc, "{name}: JSON round trip");

        // Markdown: md → md byte-stable, the front and the embedded texts back.
        let md = written(&doc, Format::Markdown);
        let from_md = reread(dir.path(), &format!("{name}.md"), &md);
        assert_eq!(
            String::from_utf8(written(&from_md, Format::Markdown)).unwrap(),
            String::from_utf8(md.clone()).unwrap(),
            "{name}: md → md"
        );
        assert_eq!(
            from_md.front.iter().map(|p| p.kind).collect::<Vec<_>>(),
            doc.front.iter().map(|p| p.kind).collect::<Vec<_>>()
        );
        assert_eq!(
            embedded(&from_md.body).len(),
            embedded(&doc.body).len(),
            "{name}: embedded texts from md"
        );

        // EPUB: clean; the front divisions' semantics; headings of embedded texts not in the nav.
        let epub = written(&doc, Format::Epub);
        let epub_path = dir.path().join(format!("{name}.epub"));
        std::fs::write(&epub_path, &epub).unwrap();
        assert_epub_clean(&epub_path);
        let article = epub_entry(&epub, "EPUB/article.xhtml");
        let nav = epub_entry(&epub, "EPUB/nav.xhtml");
        for part in &doc.front {
            let t = match part.kind {
                FrontKind::TitlePage => "epub:type=\"titlepage\"",
                FrontKind::Dedication => "epub:type=\"dedication\" role=\"doc-dedication\"",
                FrontKind::Preface => "epub:type=\"preface\" role=\"doc-preface\"",
                FrontKind::Acknowledgements => "epub:type=\"acknowledgments\" role=\"doc-acknowledgments\"",
                FrontKind::Errata => "epub:type=\"errata\" role=\"doc-errata\"",
                FrontKind::Other => "class=\"front-matter",
            };
            assert!(article.contains(t), "{name}: {t} missing");
            if let Some(Block::Heading { content, .. }) = part.blocks.first() {
                let text = plain_text(content);
                assert!(nav.contains(text.trim()), "{name}: {text} not in the nav");
            }
        }
        for (_, blocks) in embedded(&doc.body) {
            for b in blocks {
                if let Block::Heading { content, .. } = b {
                    assert!(!nav.contains(&plain_text(content)), "{name}: an embedded heading is in the nav");
                }
            }
        }
        assert!(article.matches("class=\"embedded-text").count() >= embedded(&doc.body).len());

        // PDF: the dedication and the embedded texts are printed.
        let pdf = written(&doc, Format::Pdf);
        let pdf_path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&pdf_path, &pdf).unwrap();
        if let Some(out) = pdf_tool("pdftotext", &[pdf_path.to_str().unwrap(), "-"]) {
            let text: String =
                String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
            let mut expected: Vec<String> = doc
                .front
                .iter()
                .filter(|p| p.kind == FrontKind::Dedication)
                .flat_map(|p| p.blocks.iter().map(|b| plain_text(b.content())))
                .collect();
            for (_, blocks) in embedded(&doc.body) {
                expected.extend(blocks.iter().take(2).map(|b| plain_text(b.content())));
            }
            for e in expected.iter().filter(|e| !e.is_empty()) {
                let first_words: String = e.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                assert!(text.contains(&first_words), "{name}: {first_words:?} not in the PDF");
            }
        }
    }
}
