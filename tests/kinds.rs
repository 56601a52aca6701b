//! Definition lists, verbatim blocks, section breaks, epigraphs, superscript, subscript,
//! small caps, inline code and line breaks (issue 16) in every writer: the Markdown fixture
//! `tests/blocks/kinds.md` (pandoc agrees with its reading: `tests/blocks.rs`) written as TEI
//! valid under tei_all, an e-book clean under EPUBCheck and Ace, and a PDF whose text holds
//! every term, definition and line of code.
mod common;
use colophon::model::{Block, Document, Inline};
use colophon::{Format, Resources};
use common::*;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    root().join("tests/blocks/kinds.md")
}

fn load(path: &std::path::Path) -> Document {
    colophon::load(path, None, &Resources::builtin()).unwrap().0
}

#[test]
fn the_reader_keeps_every_kind() {
    let doc = load(&fixture());
    let kinds: Vec<&str> = doc
        .body
        .iter()
        .map(|b| match b {
            Block::Quote { epigraph: true, .. } => "epigraph",
            Block::Quote { .. } => "quote",
            Block::Heading { .. } => "h",
            Block::Paragraph { .. } => "p",
            Block::List { .. } => "list",
            Block::DefinitionList { .. } => "dl",
            Block::CodeBlock { .. } => "code",
            Block::SectionBreak => "break",
            Block::LineBlock { .. } => "lines",
            Block::EmbeddedText { .. } => "text",
            Block::Table(_) => "table",
            Block::Figure(_) => "figure",
        })
        .collect();
    assert_eq!(kinds, ["epigraph", "h", "p", "break", "p", "dl", "p", "code", "p", "code", "code", "quote"]);
    // Line breaks, not spaces; the verbatim text exactly, spaces and backticks kept.
    let breaks = doc.body[2].content().iter().filter(|i| matches!(i, Inline::LineBreak)).count();
    assert_eq!(breaks, 2);
    let Block::CodeBlock { text, syntax } = &doc.body[7] else { panic!() };
    assert_eq!(
        (text.as_str(), syntax),
        ("Village      Households   Verst\nShusha       1,200        0\nGoris          340        42", &None)
    );
    let Block::CodeBlock { text, syntax } = &doc.body[9] else { panic!() };
    assert_eq!((text.as_str(), syntax.as_deref()), ("key = \"A-7\"  # `not` a real key", Some("python")));
    let Block::CodeBlock { text, .. } = &doc.body[10] else { panic!() };
    assert_eq!(text, "indented   verbatim\n  kept");
    // Three terms; the third has two definitions; a note in the first definition.
    let Block::DefinitionList { items } = &doc.body[5] else { panic!() };
    assert_eq!(items.iter().map(|d| d.details.len()).collect::<Vec<_>>(), [1, 1, 2]);
    assert_eq!(items[1].details[0].len(), 2, "the uezd's definition has two paragraphs");
    assert_eq!(doc.notes().len(), 4);
}

#[test]
fn tei_is_valid_and_says_what_each_kind_is() {
    let doc = load(&fixture());
    let tei = String::from_utf8(written(&doc, Format::Tei)).unwrap();
    for want in [
        "<body>\n      <epigraph><cit><quote><p>The border is where",
        "the 1<hi rend=\"superscript\">st</hi> of June",
        "<hi rend=\"smallcaps\">Henri Martin</hi>",
        "H<hi rend=\"subscript\">2</hi>O",
        "<code>prot-1920-06.txt</code>",
        "read:<lb/>COMMISSION OF THE BORDER<lb/>SECTION TWO",
        "<milestone unit=\"section\"/>",
        "<list type=\"gloss\">",
        "<label>Verst</label>",
        "<item><list rend=\"definitions\">",
        "<eg xml:space=\"preserve\">Village      Households   Verst\nShusha",
        "<eg xml:space=\"preserve\"><code lang=\"python\">key = \"A-7\"",
        "<pb n=\"48\" type=\"print\"/>computed",
    ] {
        assert!(tei.contains(want), "{want}\n{tei}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kinds.tei.xml");
    std::fs::write(&path, &tei).unwrap();
    if let Some(schema) = jing() {
        let errors = jing_errors(&schema, &[path]);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_e_book_is_clean_and_says_what_each_kind_is() {
    let doc = load(&fixture());
    let bytes = written(&doc, Format::Epub);
    let x = epub_entry(&bytes, "EPUB/article.xhtml");
    for want in [
        "<blockquote class=\"epigraph\" epub:type=\"epigraph\" role=\"doc-epigraph\">",
        "1<sup>st</sup>",
        "H<sub>2</sub>O",
        "<span class=\"smallcaps\">Henri Martin</span>",
        "<code>prot-1920-06.txt</code>",
        "read:<br/>COMMISSION",
        "<hr class=\"section-break\"/>",
        "<dl>\n<dt>Verst</dt>\n<dd>A Russian unit",
        "<pre><code>Village      Households",
        "<pre><code class=\"language-python\">key",
    ] {
        assert!(x.contains(want), "{want}\n{x}");
    }
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("kinds.epub");
    std::fs::write(&epub, &bytes).unwrap();
    assert_epub_clean(&epub);
}

#[test]
fn the_pdf_text_holds_every_term_definition_and_line_of_code() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("kinds.pdf");
    std::fs::write(&pdf, written(&doc, Format::Pdf)).unwrap();
    let Some(o) = pdf_tool("pdftotext", &[pdf.to_str().unwrap(), "-layout", "-"]) else { return };
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "The border is where the map ends",
        "Verst",
        "A Russian unit of length, 1.0668 km.",
        "An order of the sultan.",
        "Any decree, loosely.",
        "prot-1920-06.txt",
        "COMMISSION OF THE BORDER",
        "key = \"A-7\" # `not` a real key",
    ] {
        assert!(squashed.contains(want), "{want}\n{text}");
    }
    // Verbatim lines keep their own columns: in the layout text (wider spaces than the mono
    // face's, but proportional), the third column starts where its heading does.
    let col = |line: &str, word: &str| {
        let l = text
            .lines()
            .find(|l| l.trim_start().starts_with(line))
            .unwrap_or_else(|| panic!("{line}\n{text}"));
        l.rfind(word).map(|b| l[..b].chars().count())
    };
    assert_eq!(col("Village", "Verst"), col("Shusha", "0"), "{text}");
    assert_eq!(col("Village", "Verst"), col("Goris", "42"), "{text}");
}

/// Markdown → model → TEI → model: the same body, every kind included.
#[test]
fn tei_reads_back_as_the_same_model() {
    let doc = load(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kinds.tei.xml");
    std::fs::write(&path, written(&doc, Format::Tei)).unwrap();
    let again = load(&path);
    assert_eq!(again.body, doc.body);
    assert_eq!(written(&again, Format::Tei), std::fs::read(&path).unwrap(), "TEI byte-stable");
}
