//! The EPUB: EPUBCheck 5.3.0 and Ace 1.4.6 on real outputs, the facts the issue asks for
//! (notes reachable and linking back, references with languages, fonts), golden XHTML,
//! byte-identical runs, and a TEI input that converts as cleanly.

mod common;

use colophon::{Format, Resources};
use common::*;
use std::path::{Path, PathBuf};

fn epub_of(path: &Path) -> (Vec<u8>, Vec<colophon::Diagnostic>) {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(path, None, &res).unwrap();
    colophon::write(&doc, Format::Epub, &res).unwrap()
}

fn example() -> PathBuf {
    root().join("input/zangezur-article.txt")
}

use common::epub_entry as entry;

#[test]
fn the_example_passes_epubcheck_and_ace_and_so_does_its_tei() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, diags) = epub_of(&example());
    assert!(!diags.iter().any(|d| d.code == "font-missing-glyph"), "{diags:?}");
    let epub = dir.path().join("example.epub");
    std::fs::write(&epub, &bytes).unwrap();
    // The TEI route: text → TEI → model → EPUB.
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let tei = dir.path().join("example.tei.xml");
    std::fs::write(&tei, colophon::write(&doc, Format::Tei, &res).unwrap().0).unwrap();
    let from_tei = dir.path().join("from-tei.epub");
    std::fs::write(&from_tei, epub_of(&tei).0).unwrap();

    if let Some(jar) = epubcheck_jar() {
        for f in [&epub, &from_tei] {
            if let Some(report) = epubcheck_problems(&jar, f) {
                panic!("EPUBCheck on {}:\n{report}", f.display());
            }
        }
    }
    if let Some((ace, chromium)) = ace() {
        for f in [&epub, &from_tei] {
            let (outcome, failed) = ace_outcome(&ace, &chromium, f);
            assert_eq!(outcome, "pass", "Ace on {}: {failed:#?}", f.display());
        }
    }
}

#[test]
fn notes_references_and_fonts_of_the_example() {
    let (bytes, _) = epub_of(&example());
    let x = entry(&bytes, "EPUB/article.xhtml");
    assert_eq!(x.matches("role=\"doc-noteref\"").count(), 103);
    assert_eq!(x.matches("role=\"doc-footnote\"").count(), 103);
    assert_eq!(x.matches("role=\"doc-backlink\"").count(), 103);
    for i in 1..=103 {
        assert!(
            x.contains(&format!(
                "<a href=\"#note-{i}\" id=\"noteref-{i}\" epub:type=\"noteref\" role=\"doc-noteref\">"
            )),
            "call {i}"
        );
        assert!(
            x.contains(&format!("<div id=\"note-{i}\" epub:type=\"footnote\" role=\"doc-footnote\"")),
            "note {i}"
        );
        assert!(
            x.contains(&format!("<a href=\"#noteref-{i}\" epub:type=\"backlink\" role=\"doc-backlink\"")),
            "back-link {i}"
        );
    }
    assert_eq!(x.matches("<li class=\"uncertain\">").count(), 1);
    let refs = &x[x.find("id=\"references\"").unwrap()..];
    assert_eq!(refs.matches("<li").count(), 67);
    assert_eq!(refs.matches("<li lang=\"ru\" xml:lang=\"ru\">").count(), 32);
    assert_eq!(x.matches("<span class=\"shelfmark\"").count(), 27);
    assert!(x.contains("<section id=\"abstract-1\" role=\"doc-abstract\" aria-labelledby=\"abstract-1-title\" lang=\"tr\" xml:lang=\"tr\">"));
    let opf = entry(&bytes, "EPUB/package.opf");
    assert!(opf.contains("xml:lang=\"en\"") && opf.contains("<dc:language>ru</dc:language>"));
    assert!(opf.contains("<dc:subject xml:lang=\"tr\">Ermeniler</dc:subject>"));
    assert!(opf.contains("<meta property=\"schema:accessibilitySummary\">"));
    assert!(opf.contains("href=\"fonts/LibertinusSerif-Regular.otf\" media-type=\"font/otf\""));
    let nav = entry(&bytes, "EPUB/nav.xhtml");
    assert!(
        nav.contains("lang=\"en\" xml:lang=\"en\"")
            && nav.contains("role=\"doc-toc\"")
            && nav.contains("epub:type=\"landmarks\"")
    );
    let css = entry(&bytes, "EPUB/style.css");
    assert!(css.starts_with("@font-face { font-family: \"Libertinus Serif\""));
    // mimetype first and stored.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let first = z.by_index(0).unwrap();
    assert_eq!((first.name(), first.compression()), ("mimetype", zip::CompressionMethod::Stored));
}

#[test]
fn golden_xhtml() {
    let (bytes, _) = epub_of(&example());
    assert_golden(&root().join("tests/golden/zangezur-article.xhtml"), &entry(&bytes, "EPUB/article.xhtml"));
}

#[test]
fn two_runs_give_the_same_bytes() {
    let out = tempfile::tempdir().unwrap();
    let run = |dir: &Path, epoch: Option<&str>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_colophon"));
        c.args(["convert", example().to_str().unwrap(), "-t", "epub", "-q", "-o"]).arg(dir);
        match epoch {
            Some(e) => c.env("SOURCE_DATE_EPOCH", e),
            None => c.env_remove("SOURCE_DATE_EPOCH"),
        };
        assert!(c.status().unwrap().success());
        std::fs::read(dir.join("zangezur-article.epub")).unwrap()
    };
    let (a, b) = (out.path().join("a"), out.path().join("b"));
    assert_eq!(run(&a, None), run(&b, None));
    let dated = run(&a, Some("1764028800"));
    assert!(entry(&dated, "EPUB/package.opf")
        .contains("<meta property=\"dcterms:modified\">2025-11-25T00:00:00Z</meta>"));
    assert_eq!(dated, run(&b, Some("1764028800")));
}

#[test]
fn a_user_style_sheet_and_missing_glyphs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("epub.css"), "body { color: #111; }\n").unwrap();
    let res = Resources::load(Some(dir.path())).unwrap();
    let mut doc = colophon::Document::new();
    doc.body.push(colophon::model::Block::paragraph(vec![colophon::model::Inline::Strong {
        content: vec![colophon::model::Inline::Emph {
            content: vec![colophon::model::Inline::text("Zəngəzur 中")],
        }],
    }]));
    let (bytes, diags) = colophon::write(&doc, Format::Epub, &res).unwrap();
    assert!(entry(&bytes, "EPUB/style.css").ends_with("body { color: #111; }\n"));
    assert!(
        diags.iter().any(|d| d.code == "font-fallback"
            && d.message.contains("'ə'")
            && d.message.contains("Libertinus Serif Italic")),
        "{diags:?}"
    );
    assert!(
        diags.iter().any(|d| d.code == "font-missing-glyph" && d.message.contains("U+4E2D")),
        "{diags:?}"
    );
}

#[test]
fn a_user_font_from_the_templates_folder() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    let builtin = colophon::fonts::FontSet::builtin();
    let dejavu = builtin.fallbacks.iter().find(|f| f.full_name == "DejaVu Sans Mono").unwrap();
    std::fs::write(fonts.join("MyFace.ttf"), &dejavu.data[..]).unwrap();
    let res = Resources::load(Some(dir.path())).unwrap();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let (bytes, diags) = colophon::write(&doc, Format::Epub, &res).unwrap();
    let css = entry(&bytes, "EPUB/style.css");
    assert!(css.starts_with("@font-face { font-family: \"DejaVu Sans Mono\"; font-style: normal; font-weight: normal; src: url(\"fonts/MyFace.ttf\"); }"), "{css}");
    assert!(entry(&bytes, "EPUB/package.opf").contains("href=\"fonts/MyFace.ttf\" media-type=\"font/ttf\""));
    assert!(!diags.iter().any(|d| d.code == "font-missing-glyph"), "{diags:?}");
    // Something that is not a font is refused with its name.
    std::fs::write(fonts.join("broken.otf"), b"not a font").unwrap();
    let e = Resources::load(Some(dir.path())).unwrap_err().to_string();
    assert!(e.contains("broken.otf") && e.contains("not a font"), "{e}");
}

/// A divided bibliography: each part's subheading is an `h3` over its own list, listed in the
/// navigation after the bibliography's heading, and the book still passes EPUBCheck.
#[test]
fn a_divided_bibliography_keeps_its_subheadings_in_the_book_and_its_contents() {
    let input = root().join("tests/fixtures/013-divided-bibliography/input.txt");
    let (bytes, _) = epub_of(&input);
    let article = entry(&bytes, "EPUB/article.xhtml");
    let refs = &article[article.find("id=\"references\"").unwrap()..];
    for (k, heading) in ["Archival sources", "Published sources", "Secondary literature"].iter().enumerate() {
        assert!(refs
            .contains(&format!("<h3 id=\"references-{}\">{heading}</h3>\n<ul class=\"references\">", k + 1)));
    }
    assert_eq!(refs.matches("<li").count(), 5, "every entry once");
    let nav = entry(&bytes, "EPUB/nav.xhtml");
    let bib = nav.find("#references\">Bibliography").unwrap();
    let part = nav.find("#references-1\">Archival sources").unwrap();
    assert!(bib < part, "{nav}");
    if let Some(jar) = epubcheck_jar() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("divided.epub");
        std::fs::write(&path, &bytes).unwrap();
        if let Some(report) = epubcheck_problems(&jar, &path) {
            panic!("EPUBCheck:\n{report}");
        }
    }
}

#[test]
fn right_to_left_entries_get_dir_rtl_and_the_naskh_face() {
    let sample = root().join("tests/rtl/sources.md");
    let (bytes, diags) = epub_of(&sample);
    assert!(!diags.iter().any(|d| d.code == "font-missing-glyph"), "{diags:?}");
    let x = entry(&bytes, "EPUB/article.xhtml");
    // Entries, notes and paragraphs whose first strong letter is right to left run right to
    // left; so do passages in Arabic or Hebrew letters inside a left-to-right paragraph.
    // An entry that is one span in a language is an entry in that language, said once.
    assert!(
        x.contains("<li lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\">تاریخ ایران. تهران: امیرکبیر، ۱۳۸۰.</li>"),
        "{x}"
    );
    assert!(x.contains("<li lang=\"he\" xml:lang=\"he\" dir=\"rtl\">פרקים"), "{x}");
    assert!(x.contains("<li lang=\"ota\" xml:lang=\"ota\" dir=\"rtl\">تاريخ عثمانى، جلد"), "{x}");
    assert!(x.contains("<span lang=\"ota\" xml:lang=\"ota\" dir=\"rtl\">تاريخ عثمانى</span> in its title"));
    assert!(x.contains("role=\"doc-footnote\" lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\">"));
    // The Persian paragraph is told Persian by its words (`در`, `این`, `را`).
    assert!(x.contains("<p lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\">در این مقاله"), "{x}");
    // A left-to-right entry with an Arabic title stays left to right.
    assert!(x.contains("<li lang=\"tr\" xml:lang=\"tr\">Ahmed Cevdet Paşa"), "{x}");
    // Four entries (whose languages the reader took from their one span), three spans in
    // the text, the Persian paragraph, the note (whose language it took the same way).
    assert_eq!(x.matches("dir=\"rtl\"").count(), 4 + 3 + 1 + 1);
    // The Arabic face is declared for the Arabic letters it sets, in both weights used, and
    // packaged; Hebrew comes from Libertinus Serif; the monospace face sets only `↩`.
    let css = entry(&bytes, "EPUB/style.css");
    for (file, letter) in
        [("NotoNaskhArabic-Regular.ttf", "U+67E"), ("NotoNaskhArabic-Bold.ttf", "U+62A-62B")]
    {
        // پ in the regular face; ت ث (of the bold تاریخ عثمانی) in the bold one.
        let rule = css.lines().find(|l| l.contains(file)).unwrap_or_else(|| panic!("{file}: {css}"));
        assert!(rule.starts_with("@font-face { font-family: \"Noto Naskh Arabic\";"), "{rule}");
        assert!(
            rule.contains("unicode-range: ") && rule.contains(letter),
            "{letter} is in the range: {rule}"
        );
    }
    assert!(css.contains("src: url(\"fonts/DejaVuSansMono.ttf\"); unicode-range: U+21A9; }"), "{css}");
    assert!(css.contains("body { font-family: \"Libertinus Serif\", \"colophon-fallback\", \"Noto Naskh Arabic\", \"DejaVu Sans Mono\", serif; }"), "{css}");
    assert!(css.contains(".references li[dir=\"rtl\"]"));
    let opf = entry(&bytes, "EPUB/package.opf");
    assert!(opf.contains("href=\"fonts/NotoNaskhArabic-Regular.ttf\" media-type=\"font/ttf\""), "{opf}");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(z.by_name("EPUB/fonts/NotoNaskhArabic-Bold.ttf").is_ok());
    drop(z);

    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("rtl.epub");
    std::fs::write(&epub, &bytes).unwrap();
    assert_epub_clean(&epub);
}
