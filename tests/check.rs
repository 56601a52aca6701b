//! `colophon check`: the example's five outputs pass every check; a broken file of each
//! format fails with a clear message.

mod common;

use colophon::check::{check, Outcome, Report};
use colophon::{Format, Resources};
use common::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The example's outputs in every format, written once per run.
fn outputs() -> &'static [PathBuf] {
    static OUT: OnceLock<Vec<PathBuf>> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("check-example");
        std::fs::create_dir_all(&dir).unwrap();
        let input = root().join("input/zangezur-article.txt");
        let c = colophon::convert(&input, &Format::ALL, &dir, None, &Resources::builtin()).unwrap();
        assert_eq!(c.outputs.len(), 5);
        c.outputs
    })
}

/// The output in `format`, copied into `dir` (so a test may break it).
fn copy(format: Format, dir: &Path) -> PathBuf {
    let from = outputs().iter().find(|p| p.to_string_lossy().ends_with(format.extension())).unwrap();
    let to = dir.join(from.file_name().unwrap());
    std::fs::copy(from, &to).unwrap();
    to
}

/// Reports every missing validator the `common` way (a failure under CI=true, else a loud
/// skip); true when none is missing.
fn validators_present(r: &Report) -> bool {
    let mut all = true;
    for e in r.missing() {
        missing_validator(&format!("{} (for {})", e.check, e.file), e.outcome.message());
        all = false;
    }
    all
}

/// The message of `check` on a file whose name ends with `file`.
fn outcome<'a>(r: &'a Report, file: &str, check: &str) -> &'a Outcome {
    let e = r.entries.iter().find(|e| e.file.ends_with(file) && e.check == check);
    &e.unwrap_or_else(|| panic!("no {check} for {file} in\n{}", r.render())).outcome
}

#[test]
fn the_examples_five_outputs_pass_every_check() {
    let files = outputs();
    let start = std::time::Instant::now();
    let r = check(files);
    eprintln!("check on the example's 5 outputs: {:.1} s\n{}", start.elapsed().as_secs_f64(), r.render());
    assert!(r.passed(), "{}", r.render());
    assert_eq!(r.exit_code(), 0);
    // Every check is there, for every file; each cross-format count agrees.
    let names: Vec<(&str, &str)> =
        r.entries.iter().map(|e| (e.file.rsplit('/').next().unwrap(), e.check.as_str())).collect();
    for (file, checks) in [
        ("zangezur-article.tei.xml", &["jing tei_all.rng", "#pointers resolve", "xml:lang is BCP 47"][..]),
        ("zangezur-article.epub", &["EPUBCheck", "Ace by DAISY", "mimetype first, stored", "links resolve"]),
        ("zangezur-article.pdf", &["qpdf --check", "pdffonts", "pdfinfo -meta", "pdfinfo tagged"]),
        ("zangezur-article.md", &["colophon reads it"]),
        ("zangezur-article.json", &["colophon reads it"]),
    ] {
        for c in checks {
            assert!(names.contains(&(file, c)), "{c} of {file} missing from\n{}", r.render());
        }
    }
    let group = "zangezur-article.* (tei, epub, pdf, json, md)";
    let cross = |c: &str| outcome(&r, group, c).clone();
    if !validators_present(&r) {
        return;
    }
    assert_eq!(
        cross("same number of notes"),
        Outcome::Pass("103 notes in each of tei, epub, pdf, json, md".into())
    );
    assert_eq!(
        cross("same number of bibliography entries"),
        Outcome::Pass("67 bibliography entries in each of tei, epub, pdf, json, md".into())
    );
    assert_eq!(
        cross("same number of shelfmarks"),
        Outcome::Pass("27 shelfmarks in each of tei, epub, json, md".into())
    );
    assert_eq!(outcome(&r, ".pdf", "pdfinfo -meta"), &Outcome::Pass("PDF/A-2a and PDF/UA-1".into()));
    // The JSON form: one object per check, with the totals.
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["failed"], 0);
    assert_eq!(v["missing"], 0);
    assert_eq!(v["entries"].as_array().unwrap().len(), r.entries.len());
    let first = &v["entries"][0];
    assert_eq!(first["check"], "jing tei_all.rng");
    assert_eq!(first["outcome"], "pass");
    assert!(first["file"].as_str().unwrap().ends_with("zangezur-article.tei.xml"));
}

#[test]
fn a_truncated_pdf_fails() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = copy(Format::Pdf, dir.path());
    let bytes = std::fs::read(&pdf).unwrap();
    std::fs::write(&pdf, &bytes[..bytes.len() / 2]).unwrap();
    let r = check(std::slice::from_ref(&pdf));
    eprintln!("{}", r.render());
    if !validators_present(&r) {
        return;
    }
    assert_eq!(r.exit_code(), colophon::check::FAILED);
    let Outcome::Fail(m) = outcome(&r, ".pdf", "qpdf --check") else {
        panic!("qpdf --check passes a truncated PDF:\n{}", r.render())
    };
    assert!(m.starts_with("qpdf --check (exit status: "), "{m}");
    assert!(m.contains("file is damaged") || m.contains("xref"), "{m}");
}

#[test]
fn an_epub_with_a_deleted_note_target_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = copy(Format::Epub, dir.path());
    let bad = dir.path().join("deleted-note.epub");
    rewrite_zip(&good, &bad, |name, text| {
        if name.ends_with("article.xhtml") {
            assert!(text.contains(" id=\"note-3\""));
            *text = text.replacen(" id=\"note-3\"", "", 1);
        }
    });
    let r = check(&[bad]);
    eprintln!("{}", r.render());
    assert!(!r.passed());
    assert_eq!(
        outcome(&r, "deleted-note.epub", "mimetype first, stored"),
        &Outcome::Pass("application/epub+zip".into())
    );
    let Outcome::Fail(m) = outcome(&r, "deleted-note.epub", "links resolve") else {
        panic!("a note call without its note passes:\n{}", r.render())
    };
    assert!(m.contains("href=\"#note-3\" has no target (no id=\"note-3\")"), "{m}");
    assert!(m.starts_with("1 of "), "only the one call fails: {m}");
    if validators_present(&r) {
        let Outcome::Fail(m) = outcome(&r, "deleted-note.epub", "EPUBCheck") else {
            panic!("EPUBCheck passes a dangling note call:\n{}", r.render())
        };
        assert!(m.contains("RSC-012") && m.contains("Fragment identifier is not defined"), "{m}");
    }
}

#[test]
fn a_file_that_is_not_a_zip_is_no_epub() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("a.epub");
    std::fs::write(&bad, "This is text, not an EPUB.\n").unwrap();
    let r = check(&[bad]);
    let Outcome::Fail(m) = outcome(&r, "a.epub", "ZIP container") else { panic!("{}", r.render()) };
    assert!(m.starts_with("not a ZIP archive"), "{m}");
    assert!(!matches!(outcome(&r, "a.epub", "EPUBCheck"), Outcome::Pass(_)), "{}", r.render());
}

#[test]
fn a_tei_with_a_dangling_pointer_fails() {
    let dir = tempfile::tempdir().unwrap();
    let tei = copy(Format::Tei, dir.path());
    let text = std::fs::read_to_string(&tei).unwrap();
    assert!(text.contains("ref=\"#org-rgaspi\""));
    let broken = text.replacen("ref=\"#org-rgaspi\"", "ref=\"#org-nowhere\"", 1).replacen(
        "xml:lang=\"ru\"",
        "xml:lang=\"ru_RU\"",
        1,
    );
    std::fs::write(&tei, broken).unwrap();
    let r = check(std::slice::from_ref(&tei));
    eprintln!("{}", r.render());
    assert_eq!(r.exit_code(), colophon::check::FAILED);
    let Outcome::Fail(m) = outcome(&r, ".tei.xml", "#pointers resolve") else { panic!("{}", r.render()) };
    assert!(m.starts_with("1 dangling pointer:\n"), "{m}");
    assert!(m.contains(": ref=\"#org-nowhere\" points to no xml:id=\"org-nowhere\""), "{m}");
    let Outcome::Fail(m) = outcome(&r, ".tei.xml", "xml:lang is BCP 47") else { panic!("{}", r.render()) };
    assert!(m.contains("`ru_RU` is not a well-formed BCP 47 language tag"), "{m}");
    // Not well-formed: one clear failure, no panic.
    std::fs::write(&tei, "<TEI><text>").unwrap();
    let r = check(std::slice::from_ref(&tei));
    let Outcome::Fail(m) = outcome(&r, ".tei.xml", "well-formed XML") else { panic!("{}", r.render()) };
    assert!(m.starts_with("not well-formed XML"), "{m}");
}

#[test]
fn a_markdown_file_with_a_note_less_than_the_others_fails_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> =
        [Format::Tei, Format::Json, Format::Markdown].map(|f| copy(f, dir.path())).into();
    let md = &files[2];
    let text = std::fs::read_to_string(md).unwrap();
    let without: String = text
        .replacen("[^103]", "", 1)
        .lines()
        .filter(|l| !l.starts_with("[^103]:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without.matches("[^103]").count(), 0);
    std::fs::write(md, without).unwrap();
    let r = check(&files);
    eprintln!("{}", r.render());
    assert!(!r.passed());
    assert_eq!(
        outcome(&r, "zangezur-article.md", "colophon reads it"),
        &Outcome::Pass("102 notes, 67 bibliography entries, 27 shelfmarks".into())
    );
    let group = "zangezur-article.* (tei, json, md)";
    assert_eq!(
        outcome(&r, group, "same number of notes"),
        &Outcome::Fail("notes differ: md has 102, not 103 like the rest (tei 103, json 103, md 102)".into())
    );
    assert!(matches!(outcome(&r, group, "same number of bibliography entries"), Outcome::Pass(_)));
}

#[test]
fn unknown_missing_and_unreadable_files_fail_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a.docx");
    std::fs::write(&odd, "x").unwrap();
    let gone = dir.path().join("gone.pdf");
    let json = dir.path().join("b.json");
    std::fs::write(&json, "{ not json").unwrap();
    let r = check(&[odd, gone, json]);
    assert_eq!(r.counts(), (0, 3, 0), "{}", r.render());
    assert!(outcome(&r, "a.docx", "file kind").message().starts_with("unknown kind of file"));
    assert!(outcome(&r, "gone.pdf", "readable").message().starts_with("cannot read: "));
    assert!(!outcome(&r, "b.json", "colophon reads it").message().is_empty());
    let text = r.render();
    assert!(text.ends_with("0 passed, 3 failed, 0 missing\n"), "{text}");
    assert!(text.contains("  FAIL    file kind: unknown kind of file"), "{text}");
}

/// Copies the ZIP `from` to `to`, entry by entry in order and with the same compression,
/// letting `edit` change each text entry.
fn rewrite_zip(from: &Path, to: &Path, edit: impl Fn(&str, &mut String)) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().to_string();
        let opts = zip::write::SimpleFileOptions::default().compression_method(f.compression());
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if let Ok(mut text) = String::from_utf8(bytes.clone()) {
            edit(&name, &mut text);
            bytes = text.into_bytes();
        }
        w.start_file(name, opts).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn the_check_command_reports_and_exits_non_zero_on_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let res = colophon::Resources::builtin();
    let input = common::root().join("input/zangezur-article.txt");
    let (doc, _) = colophon::load(&input, None, &res).unwrap();
    let pdf = dir.path().join("a.pdf");
    let bytes = colophon::write(&doc, colophon::Format::Pdf, &res).unwrap().0;
    std::fs::write(&pdf, &bytes[..bytes.len() / 2]).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["check", "--json", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    if common::pdf_tool("qpdf", &["--version"]).is_none() {
        return;
    }
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(report["failed"].as_u64().unwrap() >= 1, "{report}");
}
