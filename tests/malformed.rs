//! Malformed and hostile input, end to end through the binary (issue 8).
//!
//! Every refused case names its exit code and the message, with `FILE:LINE:COL` where one
//! place is to blame and `FILE:` where the file is wrong as a whole, and leaves no output
//! (nor a `.colophon-*` temporary file) behind. Small cases are files in `tests/malformed/`
//! or a few bytes built here; big ones (50 MB, 100,000 notes, 100,000 levels of nesting)
//! are built at run time in a temporary folder.
//!
//! What colophon does on purpose, and these tests pin down:
//! - legacy encodings (CP1251, CP1252, …) and UTF-16 are refused with the `iconv` command
//!   that converts them, never decoded on a guess;
//! - a DOCTYPE that declares entities is refused at the declaration; entities are never
//!   loaded or expanded, and a DOCTYPE that only names a DTD is ignored, never fetched;
//! - TEI nested deeper than 64 elements and JSON nested deeper than 128 levels are refused;
//!   Markdown nested deeper than 64 inline levels is read (deeper levels as text) with a
//!   warning, since the Markdown reader flattens rather than refuses;
//! - inputs over 256 MB are refused unread; a 50 MB line and 100,000 notes are read.

use colophon::model::Anchor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Exit code for an input that could not be read (`colophon::error::exit::INPUT`).
const INPUT: i32 = 3;

/// Exit code for an input of a kind colophon cannot read (`colophon::error::exit::USAGE`).
const USAGE: i32 = 2;

/// The start of the message that refuses a kind colophon cannot read.
const READS: &str = "colophon reads article text, Markdown, TEI, DOCX, colophon JSON and PDF; ";

/// The bound on the slow cases: generous, since correctness is what they test.
const SLOW: Duration = Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 30 });

/// The slow cases take turns, so that their times measure the conversion, not each other.
static ONE_SLOW_CASE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Where the bytes of a case come from.
enum Source {
    /// A file in `tests/malformed/`.
    Fixture,
    /// Bytes built by the test.
    Bytes(Vec<u8>),
}

/// One refused input: the file name it is written under, its bytes, and the message
/// expected on stderr (the file name with its position, then the reason).
struct Refused {
    name: &'static str,
    source: Source,
    message: String,
    /// The exit code expected: [`INPUT`], or [`USAGE`] for a kind colophon cannot read.
    code: i32,
}

fn fixture(name: &'static str, message: &str) -> Refused {
    Refused { name, source: Source::Fixture, message: message.to_string(), code: INPUT }
}

fn bytes(name: &'static str, bytes: impl Into<Vec<u8>>, message: &str) -> Refused {
    Refused { name, source: Source::Bytes(bytes.into()), message: message.to_string(), code: INPUT }
}

/// A file of a kind colophon cannot read: exit 2, `colophon reads …; <path>/<name> is <what>`.
fn kind(name: &'static str, bytes: impl Into<Vec<u8>>, what: &str) -> Refused {
    Refused { name, source: Source::Bytes(bytes.into()), message: format!("/{name} is {what}"), code: USAGE }
}

fn colophon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_colophon")).args(args).output().expect("the binary runs")
}

/// Every entry under `dir`, hidden ones included; empty when `dir` does not exist.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Writes the input into a fresh folder and converts it into `<folder>/out`.
struct Run {
    dir: tempfile::TempDir,
    input: PathBuf,
}

impl Run {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        Run { dir, input }
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    /// Converts into `out`; returns the output and the time taken.
    fn convert(&self, formats: &str) -> (Output, Duration) {
        let started = Instant::now();
        let o = colophon(&[
            "convert",
            self.input.to_str().unwrap(),
            "-t",
            formats,
            "-o",
            self.out().to_str().unwrap(),
        ]);
        (o, started.elapsed())
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs one refused case in every given format set; returns what went wrong, if anything.
fn check_refused(case: &Refused, format_sets: &[&str]) -> Vec<String> {
    let data = match &case.source {
        Source::Fixture => {
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed").join(case.name))
                .unwrap_or_else(|e| panic!("tests/malformed/{}: {e}", case.name))
        }
        Source::Bytes(b) => b.clone(),
    };
    let mut problems = Vec::new();
    for formats in format_sets {
        let run = Run::new(case.name, &data);
        let (o, _) = run.convert(formats);
        let err = stderr(&o);
        let shown: String = err.chars().take(400).collect();
        if o.status.code() != Some(case.code) {
            problems.push(format!(
                "{} (-t {formats}): exit {:?}, not {}: {shown}",
                case.name,
                o.status.code(),
                case.code
            ));
        }
        if !err.contains(&case.message) || (case.code == USAGE && !err.starts_with(READS)) {
            problems.push(format!("{} (-t {formats}): stderr lacks `{}`: {shown}", case.name, case.message));
        }
        let left = entries(&run.out());
        if !left.is_empty() {
            problems.push(format!("{} (-t {formats}): left {left:?} in the output folder", case.name));
        }
        let beside: Vec<String> =
            entries(run.dir.path()).into_iter().filter(|n| n != case.name && n != "out").collect();
        if !beside.is_empty() {
            problems.push(format!("{} (-t {formats}): left {beside:?} beside the input", case.name));
        }
    }
    problems
}

fn assert_refused(cases: &[Refused], format_sets: &[&str]) {
    let problems: Vec<String> = cases.iter().flat_map(|c| check_refused(c, format_sets)).collect();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Converts `bytes` saved as `name`; checks exit 0, every output written, and that stderr
/// holds `want`. Returns the run (for its outputs) and the time taken.
fn assert_converted(name: &str, bytes: &[u8], want: &str) -> (Run, Duration) {
    let run = Run::new(name, bytes);
    let (o, took) = run.convert("tei,md,json");
    let err = stderr(&o);
    let shown: String = err.chars().take(600).collect();
    assert_eq!(o.status.code(), Some(0), "{name}: {shown}");
    assert!(err.contains(want), "{name}: stderr lacks `{want}`: {shown}");
    let stem = name.rsplit_once('.').unwrap().0;
    let want_files = [format!("{stem}.json"), format!("{stem}.md"), format!("{stem}.tei.xml")];
    assert_eq!(entries(&run.out()), want_files, "{name}");
    (run, took)
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = match (bom, big_endian) {
        (false, _) => vec![],
        (true, false) => vec![0xFF, 0xFE],
        (true, true) => vec![0xFE, 0xFF],
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

const ARTICLE_EN: &str =
    "Paper and Print in Tiflis\n\nAbstract\n\nThis article reconstructs the history of printing.\n";
const ARTICLE_RU: &str =
    "Бумага и печать в Тифлисе\n\nАннотация\n\nСтатья восстанавливает историю книгопечатания в Тифлисе.\n";

/// Bytes that are no text in any encoding: a fixed pseudo-random sequence, NULs included.
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u32 = 2_463_534_242;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_binary_and_badly_encoded_files_are_refused() {
    let ru = format!("Title\n\n{ARTICLE_RU}");
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&ru);
    let (cp1252, _, _) =
        encoding_rs::WINDOWS_1252.encode("Title\n\nA café in Tiflis, façade and naïve décor.");
    let cases = [
        bytes("empty.txt", "", "empty.txt: the file is empty"),
        bytes("empty.md", "", "empty.md: the file is empty"),
        bytes("empty.xml", "", "empty.xml: the file is empty"),
        bytes("empty.json", "", "empty.json: the file is empty"),
        bytes("blank.md", " \n\t\n\n", "blank.md: the file is empty"),
        kind("garbage.txt", garbage(4096), "binary data"),
        kind("garbage.json", garbage(4096), "binary data"),
        bytes(
            "nul.txt",
            "Title\n\nSome text\0here.\n",
            "nul.txt:3:10: the file contains NUL bytes: it looks like binary data, not text",
        ),
        bytes(
            "nul.md",
            "# Title\n\nText with a \0 NUL.\n",
            "nul.md:3:13: the file contains NUL bytes: it looks like binary data, not text",
        ),
        bytes("a.txt", &b"Title\n\nab\xFFcd"[..], "a.txt:3:3: the file is not UTF-8"),
        bytes(
            "latin1.xml",
            &b"<TEI>\n  <p>caf\xE9</p>\n</TEI>\n"[..],
            "latin1.xml:2:9: the file is not UTF-8 (byte 0xE9 cannot start a character)",
        ),
        kind("utf16-bom.txt", utf16(ARTICLE_EN, false, true), "UTF-16LE text: convert it with `iconv -f UTF-16LE -t UTF-8 "),
        kind("utf16be-bom.md", utf16(ARTICLE_EN, true, true), "UTF-16BE text"),
        kind(
            "utf16-bom.xml",
            utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<TEI/>\n", false, true),
            "UTF-16LE text",
        ),
        kind("utf16.txt", utf16(ARTICLE_EN, false, false), "UTF-16LE text"),
        kind("utf16be.txt", utf16(ARTICLE_EN, true, false), "UTF-16BE text"),
        // Cyrillic UTF-16 has few NUL high bytes (spaces and punctuation only): found by the
        // few distinct high bytes, not taken for text with NULs in it.
        kind("utf16-ru.txt", utf16(ARTICLE_RU, false, false), "UTF-16LE text"),
        // Legacy 8-bit encodings are named (chardetng) and refused, never decoded on a guess.
        bytes(
            "cp1251.txt",
            cp1251.into_owned(),
            "cp1251.txt:3:1: the file is not UTF-8 (byte 0xC1 cannot start a character); it looks like windows-1251: convert it with `iconv -f windows-1251 -t UTF-8`",
        ),
        bytes("cp1252.md", cp1252.into_owned(), "cp1252.md:3:6: the file is not UTF-8 (byte 0xE9"),
    ];
    assert_refused(&cases, &["tei,md,json", "pdf"]);
}

#[test]
fn malformed_tei_is_refused_where_it_goes_wrong() {
    let cases = [
        fixture("truncated.xml", "truncated.xml:6:1: the document ends inside <p> (opened at 5:5): is the file cut short?"),
        fixture("truncated-in-tag.xml", "truncated-in-tag.xml:3:36: not well-formed XML: "),
        bytes("no-root.xml", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", "no-root.xml:1:1: no root element"),
        kind("html.xml", "<html><body/></html>", "an HTML page"),
        bytes("rss.xml", "<rss version=\"2.0\"><channel/></rss>", "rss.xml:1:1: the root element is <rss>, not <TEI>"),
        // Entities are never loaded, fetched or expanded: declaring one is refused, at the
        // declaration, whether it is used or not.
        fixture(
            "xxe-file.xml",
            "xxe-file.xml:2:16: the DOCTYPE declares an entity (`<!ENTITY xxe SYSTEM \"file:///etc/passwd\">`); colophon never loads or expands entities",
        ),
        fixture(
            "xxe-http.xml",
            "xxe-http.xml:4:3: the DOCTYPE declares an entity (`<!ENTITY remote SYSTEM \"http://127.0.0.1:9/secret.txt\">`)",
        ),
        fixture("xxe-parameter.xml", "xxe-parameter.xml:3:3: the DOCTYPE declares an entity (`<!ENTITY % dtd SYSTEM"),
        fixture("entity-bomb.xml", "entity-bomb.xml:3:2: the DOCTYPE declares an entity (`<!ENTITY a \""),
        bytes(
            "undeclared.xml",
            "<TEI><text><body><p>&nbsp;</p></body></text></TEI>",
            "undeclared.xml:1:21: unknown entity `&nbsp;`",
        ),
    ];
    assert_refused(&cases, &["tei,md,json"]);
}

#[test]
fn a_doctype_that_only_names_a_dtd_is_read_and_the_dtd_never_fetched() {
    // The DTD is on a closed port: fetching it would fail the conversion.
    let data =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed/dtd-only.xml")).unwrap();
    let (run, _) = assert_converted("dtd-only.xml", &data, "(0 notes, 0 warnings)");
    let md = std::fs::read_to_string(run.out().join("dtd-only.md")).unwrap();
    assert!(md.contains("reads on without it"), "{md}");
}

/// A TEI document with `<hi>` nested `depth` levels inside `<TEI><text><body><p>`; returns
/// it and the column (line 1) of the `<hi>` at element depth 65.
fn nested_tei(depth: usize) -> (String, usize) {
    let head = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\"><teiHeader><fileDesc>\
                <titleStmt><title>Nested</title></titleStmt></fileDesc></teiHeader><text><body><p>deep ";
    let tei = format!("{head}{}x{}</p></body></text></TEI>\n", "<hi>".repeat(depth), "</hi>".repeat(depth));
    // <TEI> is level 1 and <p> level 4, so the 61st <hi> is the first past 64.
    (tei, head.len() + 60 * "<hi>".len() + 1)
}

#[test]
fn deeply_nested_tei_is_refused_at_the_first_element_past_64() {
    let (tei, col) = nested_tei(100_000);
    let want = format!(
        "nested.xml:1:{col}: <hi> is nested 65 elements deep; colophon reads TEI nested at most 64 deep"
    );
    assert_refused(&[bytes("nested.xml", tei, &want)], &["tei,md,json"]);
}

#[test]
fn tei_nested_exactly_64_deep_is_read_and_its_json_reads_back() {
    let (tei, _) = nested_tei(60);
    let (run, _) = assert_converted("deep64.xml", tei.as_bytes(), "deep64.xml →");
    let json = run.out().join("deep64.json");
    let doc = colophon::read::json::read(&json, &std::fs::read_to_string(&json).unwrap());
    assert!(doc.is_ok(), "{:?}", doc.err());
}

#[test]
fn malformed_json_is_refused() {
    let deep = format!("{{\"schema_version\": 2, \"body\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let (oldest, newest) = (colophon::model::OLDEST_READABLE, colophon::model::SCHEMA_VERSION);
    let range = format!("this colophon reads schema_version {oldest} to {newest}");
    let cases = [
        fixture(
            "schema-99.json",
            &format!("schema-99.json: this document has schema_version 99; {range}"),
        ),
        fixture("truncated.json", "truncated.json:4:31: invalid JSON: EOF while parsing a string"),
        bytes(
            "cut.json",
            "{\"schema_version\": 1,",
            "cut.json:1:21: invalid JSON: EOF while parsing a value",
        ),
        bytes(
            "string-version.json",
            "{\"schema_version\": \"1\"}",
            &format!(
                "string-version.json: not a colophon document: schema_version is \"1\"; this colophon reads schema_version {newest}"
            ),
        ),
        // Schema 1 (one field per shelfmark level) is refused by name, not misread.
        bytes(
            "schema-1.json",
            "{\"schema_version\": 1, \"body\": []}",
            &format!("schema-1.json: this document has schema_version 1; {range}"),
        ),
        bytes("list.json", "[1, 2]", "list.json: not a colophon document: the JSON is not an object"),
        bytes(
            "title.json",
            "{\"title\": \"x\"}",
            "title.json: not a colophon document: no `schema_version` field",
        ),
        bytes(
            "body-number.json",
            "{\"schema_version\": 2,\n \"body\": 5}",
            "body-number.json:2:10: not a valid colophon document: invalid type: integer `5`",
        ),
        // serde_json's recursion limit: refused where it is passed, never a stack overflow.
        bytes(
            "deep.json",
            deep,
            "deep.json:1:157: the JSON is nested more than 128 levels deep; colophon reads at most 128",
        ),
    ];
    assert_refused(&cases, &["tei,md,json"]);
}

#[test]
fn inputs_over_256_mb_are_refused_unread() {
    let run = Run::new("huge.txt", b"");
    // A sparse file: its size is checked before a byte is read.
    std::fs::File::options().write(true).open(&run.input).unwrap().set_len(256 * (1 << 20) + 1).unwrap();
    let (o, took) = run.convert("tei,md,json");
    assert_eq!(o.status.code(), Some(INPUT), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("huge.txt: the input is 257 MB; colophon reads at most 256 MB"),
        "{}",
        stderr(&o)
    );
    assert!(entries(&run.out()).is_empty());
    assert!(took < Duration::from_secs(10), "{took:?}: the file was read");
}

#[test]
fn deeply_nested_markdown_is_read_without_overflow() {
    let n = 100_000;
    let cases = [
        ("brackets.md", format!("# Brackets\n\n{}x{}\n", "[".repeat(n), "]".repeat(n)), "brackets.md →"),
        (
            "emphasis.md",
            format!("# Emphasis\n\n{}x{}\n", "*_".repeat(n / 2), "_*".repeat(n / 2)),
            "emphasis.md →",
        ),
        (
            "links.md",
            format!("# Links\n\n{}{}\n", "[a".repeat(n), "](https://example.org)".repeat(n)),
            "links.md:3:1: warning[md-unsupported]: emphasis or links nested deeper than 64 levels are read as text",
        ),
        ("notes.md", format!("# Notes\n\nText{}x{}\n", "^[".repeat(n), "]".repeat(n)), "notes.md →"),
        (
            "quotes.md",
            format!("# Quotes\n\n{}x\n", "> ".repeat(n)),
            "quotes.md:3:65: warning[md-too-deep]: quotations and lists are nested more than 32 deep",
        ),
    ];
    for (name, md, want) in cases {
        let (_, took) = assert_converted(name, md.as_bytes(), want);
        eprintln!("{name}: {took:.1?}");
    }
}

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|d| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize - '0' as usize])
        .collect()
}

/// An article with `notes` footnotes: three calls per paragraph, each paragraph followed by
/// its three notes, as a PDF page leaves them.
fn many_notes(notes: usize) -> String {
    let mut s = String::from(
        "Many Notes: A Test of Scale\n\nAbstract\n\nThis article has a great many notes.\n\nKeywords: notes; scale.\n\n",
    );
    for first in (1..=notes).step_by(3) {
        let page: Vec<usize> = (first..=notes.min(first + 2)).collect();
        for &i in &page {
            s.push_str(&format!("The source says so in passage {i}.{} ", superscript(i)));
        }
        s.push_str("\n\n");
        for &i in &page {
            s.push_str(&format!(
                "{} Archive of the Republic, f. {}, op. 1, d. {i}, l. 3.\n\n",
                superscript(i),
                i % 90 + 1
            ));
        }
    }
    s
}

#[test]
fn a_text_with_100000_notes_is_read_in_reasonable_time() {
    let _turn = ONE_SLOW_CASE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let text = many_notes(100_000);
    let (run, took) = assert_converted("notes.txt", text.as_bytes(), "(100000 notes, 0 warnings)");
    eprintln!("100,000 notes ({} MB): {took:.1?}", text.len() >> 20);
    let json = run.out().join("notes.json");
    let doc = colophon::read::json::read(&json, &std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc.notes().len(), 100_000);
    assert!(doc.notes().iter().all(|n| n.anchor == Anchor::Call), "every note is anchored at its call");
    assert!(took < SLOW, "100,000 notes took {took:?}");
}

#[test]
fn a_50_mb_single_line_is_read_in_reasonable_time() {
    let _turn = ONE_SLOW_CASE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let line = "word ".repeat(50 * (1 << 20) / 5);
    let (_, took) = assert_converted("line.txt", line.as_bytes(), "line.txt →");
    eprintln!("a 50 MB line: {took:.1?}");
    assert!(took < SLOW, "a 50 MB line took {took:?}");
}

/// Broken PDFs (truncated, not a PDF behind its `%PDF` header, a page without text) are
/// input errors with a reason, never a panic, whichever of the glyph reader and pdftotext
/// tried last.
#[test]
fn broken_pdfs_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extraction/pdf/en-riga-exchange/typst.pdf");
    let whole = std::fs::read(corpus).unwrap();
    let blank: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    let cases: [(&str, &[u8]); 3] = [
        ("truncated.pdf", &whole[..2000]),
        ("fake.pdf", b"%PDF-1.7\nnot really a PDF\n"),
        ("blank.pdf", blank),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        match colophon::read::read_file(&path) {
            Err(colophon::Error::Input { message, .. }) => assert!(!message.is_empty(), "{name}"),
            other => panic!("{name}: {:?}", other.map(|(_, d)| d)),
        }
    }
}
