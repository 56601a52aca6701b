//! The command line, end to end: outputs, exit codes, error messages, no partial files.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn colophon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_colophon")).args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example() -> String {
    common::root().join("input/zangezur-article.txt").display().to_string()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn convert_writes_every_built_format_named_after_the_stem() {
    let out = tempfile::tempdir().unwrap();
    let o = colophon(&["convert", &example(), "-o", out.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        files_in(out.path()),
        [
            "zangezur-article.epub",
            "zangezur-article.json",
            "zangezur-article.md",
            "zangezur-article.pdf",
            "zangezur-article.tei.xml"
        ]
    );
    let doc = colophon::read::json::read(
        &out.path().join("zangezur-article.json"),
        &std::fs::read_to_string(out.path().join("zangezur-article.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(doc.notes().len(), 103);
    assert!(stderr(&o).contains("103 notes"));
}

#[test]
fn two_runs_give_identical_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    // Two runs a second apart, in every format: the same bytes (no clock is read).
    for d in [&a, &b] {
        assert!(colophon(&["convert", &example(), "-q", "-o", d.path().to_str().unwrap()]).status.success());
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let names = files_in(a.path());
    assert_eq!(names.len(), 5, "{names:?}");
    assert_eq!(names, files_in(b.path()));
    for name in names {
        let read = |d: &tempfile::TempDir| std::fs::read(d.path().join(&name)).unwrap();
        assert!(read(&a) == read(&b), "{name} differs between two runs");
    }
    // With SOURCE_DATE_EPOCH every format still agrees with itself, and the date moves in.
    let c = tempfile::tempdir().unwrap();
    for d in [&a, &c] {
        let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
            .args(["convert", &example(), "-q", "-o", d.path().to_str().unwrap()])
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .output()
            .unwrap();
        assert!(o.status.success());
    }
    for name in files_in(c.path()) {
        let read = |d: &tempfile::TempDir| std::fs::read(d.path().join(&name)).unwrap();
        assert!(read(&a) == read(&c), "{name} differs under the same SOURCE_DATE_EPOCH");
    }
    let tei = std::fs::read_to_string(c.path().join("zangezur-article.tei.xml")).unwrap();
    assert!(tei.contains("2023-11-14"), "the date of SOURCE_DATE_EPOCH is in the TEI");
}

/// `-q`, `-v` and `--strict` before the subcommand still work (scripts written for earlier
/// versions), though the help lists them under the subcommands that honour them.
#[test]
fn options_before_the_subcommand_still_count() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let quiet = colophon(&["-q", "convert", &example(), "-t", "md", "-o", dir]);
    assert_eq!(quiet.status.code(), Some(0), "{}", stderr(&quiet));
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
    let strict = colophon(&["--strict", "convert", &example(), "-t", "md", "-o", dir]);
    assert_eq!(strict.status.code(), Some(1), "the example has warnings: {}", stderr(&strict));
    let verbose = colophon(&["-v", "convert", &example(), "-t", "md", "-o", dir]);
    assert!(stderr(&verbose).contains("info["), "{}", stderr(&verbose));
}

#[test]
fn unknown_formats_are_a_clear_usage_error_and_write_nothing() {
    let out = tempfile::tempdir().unwrap();
    let o = colophon(&["convert", &example(), "-t", "json,odt", "-o", out.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown format `odt`"));
    assert!(files_in(out.path()).is_empty());
}

/// Writes `bytes` to a file in a fresh folder, converts it, and checks the failure.
fn bad_input(name: &str, bytes: &[u8], want: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("out");
    let o = colophon(&["convert", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{name}: {}", stderr(&o));
    assert!(stderr(&o).contains(want), "{name}: {}", stderr(&o));
    assert!(files_in(&out).is_empty(), "{name}: an output was left behind");
}

#[test]
fn bad_inputs_fail_with_a_reason_and_leave_no_file() {
    bad_input("empty.txt", b"", "the file is empty");
    bad_input("blank.txt", b"\n\n  \n", "the file is empty");
    bad_input("binary.txt", b"abc\x00\x01\x02def", "NUL bytes");
    // A PDF is read through poppler's pdftotext: a broken one fails there, with its reason.
    bad_input("paper.txt", b"%PDF-1.7\n%\xE2\xE3", "pdftotext");
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode("Статья\n\nТекст статьи на русском языке с примечаниями и списком литературы.");
    bad_input("cp1251.txt", &cp1251, "windows-1251");
    bad_input("doc.json", b"{\"schema_version\": 99}", "schema_version 99");
    bad_input("broken.json", b"{\"schema_version\": 1,", "invalid JSON");
}

/// A PDF is read from its glyphs: the corpus's Typst PDF gives its 27 notes, its 12
/// references and its title, and the first diagnostic says how the text was got.
#[test]
fn a_pdf_is_read_from_its_glyphs() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = common::root().join("tests/extraction/pdf/en-riga-exchange/typst.pdf");
    let o = colophon(&[
        "convert",
        pdf.to_str().unwrap(),
        "--to",
        "json",
        "-v",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("info[pdf-glyphs]"), "{}", stderr(&o));
    let json = std::fs::read_to_string(dir.path().join("typst.json")).unwrap();
    let doc: colophon::model::Document = serde_json::from_str(&json).unwrap();
    let notes = doc
        .body
        .iter()
        .flat_map(|b| b.content())
        .filter(|i| matches!(i, colophon::model::Inline::Note(_)))
        .count();
    assert_eq!(notes, 27);
    assert_eq!(doc.back.bibliography.map(|b| b.entries.len()), Some(12));
    assert!(doc.meta.titles[0].text.starts_with("Grain, Credit and Quarantine"), "{:?}", doc.meta.titles);
}

#[test]
fn a_missing_input_is_an_input_error() {
    let o = colophon(&["convert", "/nonexistent/article.txt"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("/nonexistent/article.txt: cannot read"));
}

#[test]
fn not_utf8_error_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, b"Title\n\nab\xFFcd").unwrap();
    let o = colophon(&["inspect", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("a.txt:3:3: the file is not UTF-8"), "{}", stderr(&o));
}

#[test]
fn strict_turns_warnings_into_exit_1() {
    let out = tempfile::tempdir().unwrap();
    let o = colophon(&["convert", &example(), "--strict", "-o", out.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(":203: warning[note-without-call]: note 75"));
    // The output is still written: --strict judges, it does not discard.
    assert_eq!(
        files_in(out.path()),
        [
            "zangezur-article.epub",
            "zangezur-article.json",
            "zangezur-article.md",
            "zangezur-article.pdf",
            "zangezur-article.tei.xml"
        ]
    );
}

#[test]
fn quiet_prints_nothing_on_success() {
    let out = tempfile::tempdir().unwrap();
    let o = colophon(&["convert", &example(), "-q", "-o", out.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert!(o.stderr.is_empty() && o.stdout.is_empty());
}

#[test]
fn inspect_prints_counts_and_every_diagnostic() {
    let o = colophon(&["inspect", &example()]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    for want in [
        "notes        103 (102 anchored at their call, 1 placed where the call is missing)",
        "references   67 under \"REFERENCES\"",
        "abstract     tr    Özet",
        "keywords     en    Keywords (6)",
        "Baku State University · xoshgedem-islam@rambler.ru",
        "zangezur-article.txt:191: warning[inferred-label]",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn inspect_json_is_machine_readable() {
    let o = colophon(&["inspect", &example(), "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["counts"]["notes"], 103);
    assert_eq!(v["counts"]["anchored_notes"], 102);
    assert_eq!(v["counts"]["references"], 67);
    let warnings: Vec<_> =
        v["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == "warning").collect();
    assert_eq!(warnings.len(), 6);
    assert_eq!(warnings[5]["line"], 203);
    assert_eq!(v["counts"]["shelfmarks"]["notes"], 14);
    assert_eq!(v["counts"]["shelfmarks"]["references"], 13);
    assert_eq!(v["counts"]["archives"], 3);
    assert_eq!(v["counts"]["parsed_references"], 67);
    assert_eq!(v["languages"]["references"]["ru"], 32);
}

#[test]
fn a_broken_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["inspect", &example(), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn metadata_beside_the_input_wins_and_unknown_keys_warn() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("art.txt");
    std::fs::copy(common::root().join("input/zangezur-article.txt"), &input).unwrap();
    std::fs::write(
        dir.path().join("art.meta.toml"),
        "doi = \"10.1234/zz\"\nlicnse = \"CC-BY-4.0\"\n[[authors]]\nname = \"Islam Xoşgədəm\"\n",
    )
    .unwrap();
    let o = colophon(&["convert", input.to_str().unwrap(), "-o", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("art.txt:2: warning[unknown-meta-key]: unknown metadata key `licnse`"),
        "{}",
        stderr(&o)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("art.json")).unwrap()).unwrap();
    assert_eq!(json["meta"]["doi"], "10.1234/zz");
    assert_eq!(json["meta"]["authors"][0]["name"], "Islam Xoşgədəm");
    assert_eq!(json["meta"]["authors"][0]["affiliation"], "Baku State University");
    assert_eq!(json["meta"]["extra"]["licnse"], "CC-BY-4.0");
}

#[test]
fn a_bad_metadata_file_is_an_input_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("m.yaml");
    std::fs::write(&meta, "journal: [unclosed\n").unwrap();
    let o = colophon(&[
        "convert",
        &example(),
        "--meta",
        meta.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("m.yaml:") && stderr(&o).contains("invalid YAML"), "{}", stderr(&o));
    assert!(!dir.path().join("zangezur-article.json").exists());
}

#[test]
fn an_article_without_notes_converts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plain.txt");
    std::fs::write(&input, "A Title\n\nAbstract\n\nShort abstract text.\n\nBody text of the article, with no notes at all, long enough to be read as prose by the reader, and ending here.\n").unwrap();
    let o = colophon(&["convert", input.to_str().unwrap(), "-o", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 notes"));
}

#[test]
fn help_teaches_exit_codes() {
    let o = colophon(&["convert", "--help"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Exit codes") && text.contains("--strict") && text.contains("tei, epub, pdf, json, md")
    );
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn shelfmark_prints_every_part() {
    let o = colophon(&["shelfmark", "Телеграмма. 1920 // РГАСПИ, ф.85, оп.13, д.32, л.3 об.; д. 5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "РГАСПИ, ф.85, оп.13, д.32, л.3 об.\n",
        "  archive  РГАСПИ → rgaspi (Российский государственный архив социально-политической истории)",
        "  fond     ф. 85",
        "  opis     оп. 13",
        "  delo     д. 32",
        "  folios   л. 3v",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
}

#[test]
fn shelfmark_json_has_positions_and_inheritance() {
    let text = "ARSPIHDA, fn 609, 11, fl 21, p 97; fn 609, 11, fl 15, p 116.";
    let o = colophon(&["shelfmark", "--json", text]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found = v[0]["shelfmarks"].as_array().unwrap();
    assert_eq!(found.len(), 2);
    let (start, end) =
        (found[1]["start"].as_u64().unwrap() as usize, found[1]["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "fn 609, 11, fl 15, p 116");
    assert_eq!(found[1]["shelfmark"]["archive"]["id"], "arpiissa");
    assert!(found[1]["shelfmark"]["archive"].get("span").is_none(), "inherited, not printed");
    let levels = found[0]["shelfmark"]["levels"].as_array().unwrap();
    let opis = levels.iter().find(|l| l["level"] == "opis").unwrap();
    assert_eq!(opis["label"], "", "a positional opis has no label");
}

#[test]
fn shelfmark_json_types_the_parts_of_every_family() {
    let text = "TNA, FO 371/3404/12345, f. 12; NARA, RG 59, Entry 205, Box 115";
    let o = colophon(&["shelfmark", "--json", text]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found = v[0]["shelfmarks"].as_array().unwrap();
    assert_eq!(found.len(), 2);
    let kinds = |i: usize| -> Vec<String> {
        found[i]["shelfmark"]["levels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| format!("{}={}", l["level"].as_str().unwrap(), l["value"].as_str().unwrap()))
            .collect()
    };
    assert_eq!(kinds(0), ["collection=FO", "series=371", "piece=3404", "item=12345"]);
    assert_eq!(found[0]["shelfmark"]["folios"]["ranges"][0]["from"]["number"], 12);
    assert_eq!(kinds(1), ["record_group=59", "entry=205", "box=115"]);
    assert_eq!(found[1]["shelfmark"]["archive"]["id"], "nara");
}

#[test]
fn shelfmark_exits_1_when_nothing_is_found_and_reads_stdin() {
    let o = colophon(&["shelfmark", "Байков Б.Л. Воспоминания. (Москва, 1991), т.9-10, с.114."]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no shelfmark found"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["shelfmark"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all("с. 114\nГАРФ, ф. Р-130, оп. 1, д. 2\n".as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("  fond     ф. Р-130"), "{}", stdout(&o));
}

#[test]
fn templates_folder_replaces_the_archive_table() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("archives.toml"),
        "[[archive]]\nid = \"tsgaipd\"\nnames = [{ text = \"Центральный государственный архив историко-политических документов Санкт-Петербурга\", lang = \"ru\" }]\nacronyms = [\"ЦГАИПД\", \"ЦГАИПД СПб\"]\n",
    )
    .unwrap();
    let t = dir.path().to_str().unwrap();
    let o = colophon(&["shelfmark", "--templates", t, "ЦГАИПД СПб. Ф. 16. Оп. 1. Д. 8925. Л. 20–20 об."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("archive  ЦГАИПД СПб → tsgaipd"), "{}", stdout(&o));
    // The user's table replaces the built-in one: РГАСПИ is now unknown.
    let o = colophon(&["shelfmark", "--templates", t, "РГАСПИ, ф.85, оп.13, д.32, л.3"]);
    assert!(stdout(&o).contains("(not in the archive table)"), "{}", stdout(&o));
}

#[test]
fn bad_templates_are_refused_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("archives.toml"),
        "[[archive]]\nid = \"x\"\nnames = [{ text = \"A\" }]\nacronym = []\n",
    )
    .unwrap();
    let t = dir.path().to_str().unwrap();
    let o = colophon(&["convert", &example(), "--templates", t, "-o", t]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("archives.toml:4"), "{}", stderr(&o));
    assert_eq!(files_in(dir.path()), ["archives.toml"], "no output written");
    let o = colophon(&["shelfmark", "--templates", "/nonexistent/templates", "ф. 1, оп. 2"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("templates folder does not exist"), "{}", stderr(&o));
}

#[test]
fn a_page_style_template_sets_the_paper_of_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.toml"),
        "paper = \"letter\"\n[text]\nsize = \"11pt\"\nleading = \"14pt\"\n",
    )
    .unwrap();
    let t = dir.path().to_str().unwrap();
    let o = colophon(&["convert", &example(), "-t", "pdf", "--templates", t, "-o", t, "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = dir.path().join("zangezur-article.pdf");
    if let Some(o) = common::pdf_tool("pdfinfo", &[pdf.to_str().unwrap()]) {
        let info = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(info.contains("Page size:       612 x 792 pts (letter)"), "{info}");
    }
    // A bad style is refused at its line, before anything is written.
    std::fs::write(dir.path().join("page.toml"), "paper = \"letter\"\n[margins]\ninner = \"12 furlongs\"\n")
        .unwrap();
    std::fs::remove_file(&pdf).unwrap();
    let o = colophon(&["convert", &example(), "-t", "pdf", "--templates", t, "-o", t]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("page.toml:3:9: invalid page style: unknown unit `furlongs`"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files_in(dir.path()), ["page.toml"], "no output written");
}

#[test]
fn tei_converts_back_to_json() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    assert!(colophon(&["convert", &example(), "-t", "tei", "-q", "-o", dir]).status.success());
    let tei = out.path().join("zangezur-article.tei.xml");
    let o = colophon(&["convert", tei.to_str().unwrap(), "-t", "json", "-o", &format!("{dir}/back")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("103 notes"), "{}", stderr(&o));
    let o = colophon(&["inspect", tei.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["counts"]["shelfmarks"]["notes"], 14);
    assert_eq!(v["counts"]["references"], 67);
}

#[cfg(unix)]
#[test]
fn outputs_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().unwrap();
    assert!(colophon(&["convert", &example(), "-q", "-o", out.path().to_str().unwrap()]).status.success());
    for f in files_in(out.path()) {
        let mode = std::fs::metadata(out.path().join(&f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{f}");
    }
}

/// The start of the one line that refuses a kind colophon cannot read.
const READS: &str = "colophon reads article text, Markdown, TEI, DOCX, colophon JSON and PDF; ";

/// A small ZIP whose first entry is `name` holding `content` (stored, as a local header).
fn zip(name: &str, content: &[u8]) -> Vec<u8> {
    let mut z = b"PK\x03\x04".to_vec();
    z.extend([0u8; 22]);
    z.extend((name.len() as u16).to_le_bytes());
    z.extend([0u8; 2]);
    z.extend(name.as_bytes());
    z.extend(content);
    z
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for u in text.encode_utf16() {
        out.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

/// Inputs told by their content as kinds colophon cannot read, whatever their names: exit
/// 2, one line naming what colophon reads and what the file is, no output.
#[test]
fn kinds_colophon_cannot_read_are_told_by_content_and_exit_2() {
    let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("scan.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec(), "a PNG image"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec(), "a PNG image"),
        ("photo.txt", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0".to_vec(), "a JPEG image"),
        ("anim.md", b"GIF89a\x01\0\x01\0".to_vec(), "a GIF image"),
        ("pic.txt", b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), "a WebP image"),
        ("page.txt", b"II*\0\x08\0\0\0\0\0".to_vec(), "a TIFF image"),
        ("book.txt", zip("mimetype", b"application/epub+zip"), "an EPUB e-book"),
        ("bundle.zip", zip("notes.txt", b"hello"), "a ZIP archive that is neither DOCX nor EPUB"),
        ("page.html", b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>".to_vec(), "an HTML page"),
        ("saved.txt", b"<html lang=\"en\"><body>x</body></html>".to_vec(), "an HTML page"),
        (
            "feed.txt",
            b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"/>".to_vec(),
            "XML whose root element is <rss>",
        ),
        ("le.txt", utf16("Title\n\nText of the article.", false), "UTF-16LE text"),
        ("be.txt", utf16("Title\n\nText of the article.", true), "UTF-16BE text"),
        ("noise.txt", random, "binary data"),
    ];
    for (name, bytes, what) in cases {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let out = dir.path().join("out");
        let o = colophon(&["convert", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {e}");
        assert_eq!(e.lines().count(), 1, "{name}: one line: {e}");
        let want = format!("{READS}{} is {what}", input.display());
        assert!(e.starts_with(&want), "{name}: want `{want}`, got {e}");
        assert!(files_in(&out).is_empty(), "{name}: an output was left behind");
        if what.starts_with("UTF-16") {
            let enc = &what[..8];
            let stem = input.with_extension("");
            let iconv = format!("iconv -f {enc} -t UTF-8 {} > {}.utf8.txt", input.display(), stem.display());
            assert!(e.contains(&iconv), "{name}: {e}");
        }
        // inspect refuses it alike.
        let o = colophon(&["inspect", input.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "inspect {name}: {}", stderr(&o));
    }
}

/// A kind colophon reads is read by its content when the name says otherwise, with an info
/// that says so; `--from` still forces a reader.
#[test]
fn content_wins_over_the_name_and_from_forces_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let tei = "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>A title</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>One paragraph.</p></body></text></TEI>\n";
    let docx = std::fs::read(common::root().join("tests/fixtures/docx/word-fields.docx")).unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "article.txt",
            tei.as_bytes(),
            "the file is named .txt but holds a TEI document: read as a TEI document",
        ),
        ("package.zip", &docx, "the file is named .zip but holds a Word document (DOCX)"),
        (
            "notes.html",
            b"Title\n\nPlain text, not HTML.\n",
            "the file is named .html but holds text: read as article text",
        ),
    ];
    for (name, bytes, info) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let out = dir.path().join(format!("out-{name}"));
        let o =
            colophon(&["convert", input.to_str().unwrap(), "-t", "json", "-v", "-o", out.to_str().unwrap()]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{name}: {e}");
        assert!(e.contains(&format!("info[input-kind]: {info}")), "{name}: {e}");
    }
    // The TEI named .txt, forced through the text reader: no note, and its markup is text.
    let input = dir.path().join("article.txt");
    let out = dir.path().join("forced");
    let o = colophon(&[
        "convert",
        input.to_str().unwrap(),
        "--from",
        "text",
        "-t",
        "md",
        "-v",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("input-kind"), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("article.md")).unwrap();
    assert!(md.contains("teiHeader"), "read as text, the markup stays: {md}");
    // Empty standard input, told as nothing at all, is an input error (exit 3).
    let o = colophon(&["convert", "-", "-t", "json", "-o", "-"]);
    assert_eq!(o.status.code(), Some(3), "empty standard input: {}", stderr(&o));
}

/// Help: examples one per line, each default shown once, and each subcommand lists only
/// the options it honours.
#[test]
fn help_texts_list_examples_one_per_line_and_only_honoured_options() {
    let help = String::from_utf8(colophon(&["convert", "--help"]).stdout).unwrap();
    let examples: Vec<&str> =
        help.lines().filter(|l| l.starts_with("  colophon convert ") || l.starts_with("  cat ")).collect();
    assert!(examples.len() >= 4, "examples on lines of their own:\n{help}");
    assert!(examples.iter().all(|l| l.matches("colophon convert").count() == 1), "{examples:?}");
    for l in help.lines() {
        assert!(l.matches("[default:").count() <= 1, "a default shown twice: {l}");
    }
    assert_eq!(help.matches("[default: .]").count(), 1, "{help}");
    for flag in ["--verbose", "--quiet", "--strict", "--templates", "--track-changes", "--from"] {
        assert!(help.contains(flag), "convert honours {flag}:\n{help}");
    }
    let help = String::from_utf8(colophon(&["check", "--help"]).stdout).unwrap();
    for flag in ["--verbose", "--quiet", "--strict", "--templates", "--track-changes"] {
        assert!(!help.contains(flag), "check ignores {flag} but lists it:\n{help}");
    }
    assert!(help.lines().any(|l| l.trim() == "colophon check out/zangezur-article.*"), "{help}");
    let help = String::from_utf8(colophon(&["shelfmark", "--help"]).stdout).unwrap();
    for flag in ["--verbose", "--quiet", "--strict", "--track-changes"] {
        assert!(!help.contains(flag), "shelfmark ignores {flag} but lists it:\n{help}");
    }
    assert!(help.contains("--templates"), "shelfmark reads the archive table:\n{help}");
    let help = String::from_utf8(colophon(&["inspect", "--help"]).stdout).unwrap();
    for flag in ["--verbose", "--quiet", "--jobs"] {
        assert!(!help.contains(flag), "inspect ignores {flag} but lists it:\n{help}");
    }
    // An option a subcommand does not take is a usage error there.
    assert_eq!(colophon(&["check", "--strict", "x.md"]).status.code(), Some(2));
}

/// Counts that are 1 go with a singular noun, and no message shows an empty `()`.
#[test]
fn counts_agree_with_their_nouns_in_every_main_command() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "A Short Title\n\nAbstract\n\nOne abstract paragraph.\n\nThe text has one note.1\n\n1 The only note.\n").unwrap();
    let out = dir.path().join("out");
    let o_dir = out.to_str().unwrap();
    let mut runs = vec![
        colophon(&["convert", &example(), "-t", "json,md", "-o", o_dir]),
        colophon(&["convert", small.to_str().unwrap(), "-t", "json,md", "-v", "-o", o_dir]),
        colophon(&["convert", small.to_str().unwrap(), &example(), "-t", "json", "-o", o_dir]),
        colophon(&["inspect", &example()]),
        colophon(&["inspect", small.to_str().unwrap()]),
        colophon(&["shelfmark", "РГАСПИ, ф.85, оп.13, д.32, л.3 об."]),
    ];
    let json = out.join("small.json");
    let md = out.join("small.md");
    runs.push(colophon(&["check", json.to_str().unwrap(), md.to_str().unwrap()]));
    let mut all = String::new();
    for o in &runs {
        all.push_str(&String::from_utf8_lossy(&o.stdout));
        all.push_str(&String::from_utf8_lossy(&o.stderr));
    }
    assert!(all.contains("1 note"), "the small input has one note:\n{all}");
    let words: Vec<&str> =
        all.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')).collect();
    for pair in words.windows(2) {
        let plural =
            pair[1].len() > 1 && pair[1].ends_with('s') && pair[1].chars().all(|c| c.is_ascii_lowercase());
        assert!(!(pair[0] == "1" && plural), "`1 {}` in:\n{all}", pair[1]);
    }
    assert!(!all.contains("()"), "an empty () in:\n{all}");
}
