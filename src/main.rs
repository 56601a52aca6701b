//! The `colophon` command line: the only place that knows clap.

use clap::{Args, Parser, Subcommand};
use colophon::enrich::shelfmark::{self, folios_key};
use colophon::error::exit;
use colophon::model::{plain_text, shelfmarks, Anchor, Block, Document, NoteKind, Shelfmark};
use colophon::{plural, Diagnostic, Format, Resources, Severity};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// mimalloc keeps freed memory for reuse; glibc's malloc hands large blocks back to the
/// system, and each compressed PDF stream then faults in fresh pages for its window.
/// mimalloc 2 (per-thread segments) rather than 3: with transparent huge pages each fresh
/// 2 MiB the process touches is zeroed by the kernel, and version 2 touched 16 of them for
/// the example's three formats where version 3 touched 23 (about 4 ms less, measured).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_CODES: &str = "\
Exit codes (a run over several files exits with the worst):
  0  everything converted
  1  converted, but --strict was given and warnings were reported
  2  usage error: unknown flag or format, or an input kind colophon cannot read
  3  an input could not be read (missing, empty, not UTF-8, malformed)
  4  an output could not be written";

/// Archival publishing from one source: turn articles extracted from PDFs into TEI P5,
/// EPUB 3 and print PDF, keeping every footnote, bibliography entry and archive shelfmark.
#[derive(Parser)]
#[command(name = "colophon", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(flatten)]
    early: Early,
    #[command(subcommand)]
    command: Command,
}

/// `-q`, `-v` and `--strict` given before the subcommand (`colophon -v convert …`), as
/// earlier versions took them: hidden from the help, added to the subcommand's own.
#[derive(Args)]
struct Early {
    #[arg(short, long, hide = true)]
    quiet: bool,
    #[arg(short, long, hide = true)]
    verbose: bool,
    #[arg(long, hide = true)]
    strict: bool,
}

impl Cli {
    /// Adds the options given before the subcommand to those it honours.
    fn merge_early(&mut self) {
        let e = &self.early;
        match &mut self.command {
            Command::Convert { global, .. } => {
                global.quiet |= e.quiet && !global.verbose;
                global.verbose |= e.verbose && !global.quiet;
                global.strict |= e.strict;
            }
            Command::Inspect { strict, .. } => *strict |= e.strict,
            _ => {}
        }
    }
}

/// How much a conversion says, and whether warnings fail it.
#[derive(Args)]
struct Global {
    /// Print nothing but errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print informational diagnostics (dropped page numbers, joins across page cuts).
    #[arg(short, long)]
    verbose: bool,
    /// Treat warnings as failures: exit with code 1 when any is reported.
    #[arg(long)]
    strict: bool,
}

/// The templates folder: what `shelfmark` needs of the resources.
#[derive(Args)]
struct Templates {
    /// Folder of templates that replace the built-in ones, each file only if present:
    /// `archives.toml` (archives in shelfmarks), `tei-publicationStmt.xml`, `epub.css`,
    /// `fonts/` (TTF/OTF faces) and `page.toml` (paper, margins, type for the PDF). Copy the
    /// files of the source's templates/ folder to start.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

/// How inputs are read: templates and Word's tracked changes.
#[derive(Args)]
struct Reading {
    #[command(flatten)]
    templates: Templates,
    /// Word's tracked changes: read the document as if they were all accepted or all
    /// rejected. Either way each insertion and deletion is reported, with its author and
    /// date, as an informational diagnostic.
    #[arg(long, value_name = "HOW", default_value = "accept", value_parser = ["accept", "reject"])]
    track_changes: String,
}

const CONVERT_EXAMPLES: &str = "\
Examples:
  colophon convert input/zangezur-article.txt -o out
  colophon convert journal/ -t tei,pdf -o out --jobs 8
  colophon convert archive/ -o out --shard 3/16     (machine 3 of 16)
  cat article.txt | colophon convert - -t tei -o - > article.tei.xml
  colophon convert scan-notes.txt --from md -o out  (read as Markdown, whatever it looks like)";

#[derive(Subcommand)]
enum Command {
    /// Convert articles into the given formats: one file, many, or whole folders.
    ///
    /// Folders are searched recursively for the files --include names; their outputs mirror
    /// the folder's layout under -o. Inputs are converted on --jobs threads; a file that
    /// fails is reported and the others go on; a summary ends a batch. `-` as the input
    /// reads standard input and `-o -` writes the one output to standard output. Each
    /// input's kind is told from its content (a TEI file named .txt is read as TEI, with a
    /// note); the name decides only between article text and Markdown.
    #[command(after_help = EXIT_CODES, after_long_help = format!("{CONVERT_EXAMPLES}\n\n{EXIT_CODES}"))]
    Convert {
        /// Input files or folders: extracted article text (.txt), Markdown (.md), TEI (.xml),
        /// colophon JSON (.json), Word (.docx) or a PDF; `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Comma-separated output formats: tei, epub, pdf, json, md, docx [default: all but docx].
        #[arg(short = 't', long = "to", value_delimiter = ',', value_name = "FORMATS")]
        to: Vec<String>,
        /// Folder for the outputs, created if missing; files are named <stem>.<ext>. `-`
        /// writes the output to standard output (one input, one format).
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        output: PathBuf,
        /// Metadata file (TOML or YAML) whose values win over extracted ones
        /// [default: <stem>.meta.toml or .yaml beside each input, if present].
        #[arg(long, value_name = "FILE")]
        meta: Option<PathBuf>,
        /// Files to take from folders, as globs relative to the folder (repeatable)
        /// [default: *.txt, *.md, *.docx].
        #[arg(long, value_name = "GLOB")]
        include: Vec<String>,
        /// Inputs converted at once [default: the number of cores].
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Convert only shard I of N: a split by file path that every machine of a job
        /// array computes alike (e.g. --shard $SLURM_ARRAY_TASK_ID/16, counting from 1).
        #[arg(long, value_name = "I/N")]
        shard: Option<colophon::batch::Shard>,
        /// Read every input as FORMAT (text, md, tei, json or docx), whatever its name and
        /// content [default: told from the content, then the name; standard input: text].
        #[arg(long, value_name = "FORMAT")]
        from: Option<String>,
        #[command(flatten)]
        global: Global,
        #[command(flatten)]
        reading: Reading,
    },
    /// Show what was recovered from an article: titles, languages, abstracts, keywords,
    /// counts of paragraphs, notes and references, and every diagnostic with its line.
    Inspect {
        /// The article to inspect.
        input: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Metadata file (TOML or YAML) [default: <stem>.meta.toml or .yaml beside the input].
        #[arg(long, value_name = "FILE")]
        meta: Option<PathBuf>,
        /// Treat warnings as failures: exit with code 1 when any is reported.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        reading: Reading,
    },
    /// Find archival shelfmarks in text and show their parts.
    ///
    /// Recognises Russian, Ukrainian, Azerbaijani, romanised and English forms
    /// (`РГАСПИ, ф.85, оп.13, д.32, л.3`; `GARF, f. 1235, op. 1, d. 16, ll. 5-7ob.`;
    /// `ARPİİİSSA, f. 1, siy. 31, iş 186 a, v. 38`). Archives are named from the archive
    /// table (see --templates). With no TEXT, reads one text per line from standard input.
    #[command(
        after_help = "Exit codes: 0 at least one shelfmark found, 1 none found, 2 usage error, 3 bad archive table",
        after_long_help = "\
Examples:
  colophon shelfmark \"РГАСПИ, ф.85, оп.13, д.32, л.3 об.\"
  colophon shelfmark --json < notes.txt

Exit codes: 0 at least one shelfmark found, 1 none found, 2 usage error, 3 bad archive table"
    )]
    Shelfmark {
        /// Texts to search (a note, a bibliography entry).
        texts: Vec<String>,
        /// Print JSON: for each text, its shelfmarks with byte positions and parts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        templates: Templates,
    },
    /// Check outputs with the validators that are installed and with colophon's own checks.
    ///
    /// TEI: jing with tei_all.rng, pointers, language tags. EPUB: EPUBCheck 5.3.0, Ace, the
    /// ZIP's mimetype, every link target. PDF: qpdf, pdffonts (embedded, subset, Unicode),
    /// PDF/A and PDF/UA claims, tagging. Markdown and JSON: read back. Outputs of one source
    /// (the same stem) must hold the same notes, bibliography entries and shelfmarks. A
    /// validator that is not installed is reported as missing, never as a pass. Each check
    /// is printed as it finishes.
    #[command(
        after_help = "Exit codes: 0 every check passed (some may be missing), 1 a check failed",
        after_long_help = "\
Example:
  colophon check out/zangezur-article.*

Exit codes: 0 every check passed (some may be missing), 1 a check failed"
    )]
    Check {
        /// Files to check (.tei.xml, .epub, .pdf, .md, .json).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() {
    let mut cli = Cli::parse();
    cli.merge_early();
    let code = match run(&cli) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("colophon: {e}");
            exit::OUTPUT
        }
    };
    std::process::exit(code);
}

/// Prints a fatal error on one line: `colophon: ` and the error, unless the error names
/// colophon itself (an input kind colophon cannot read).
fn fail(e: &colophon::Error) {
    match e {
        colophon::Error::Unreadable { .. } => eprintln!("{e}"),
        _ => eprintln!("colophon: {e}"),
    }
}

/// Loads the templates and reading options, or prints why not and gives the exit code.
fn load_resources(templates: &Templates, track_changes: Option<&str>) -> Result<Resources, i32> {
    match Resources::load(templates.templates.as_deref()) {
        Ok(mut r) => {
            if track_changes == Some("reject") {
                r.docx.track_changes = colophon::read::docx::TrackChanges::Reject;
            }
            Ok(r)
        }
        Err(e) => {
            fail(&e);
            Err(e.exit_code())
        }
    }
}

/// The reader `--from` names.
fn parse_from(name: &str) -> Option<colophon::read::InputFormat> {
    use colophon::read::InputFormat;
    Some(match name {
        "text" | "txt" => InputFormat::Text,
        "md" | "markdown" => InputFormat::Markdown,
        "tei" | "xml" => InputFormat::Tei,
        "json" => InputFormat::Json,
        "docx" | "word" => InputFormat::Docx,
        _ => return None,
    })
}

fn run(cli: &Cli) -> io::Result<i32> {
    match &cli.command {
        Command::Convert { inputs, to, output, meta, include, jobs, shard, from, global, reading } => {
            let mut resources = match load_resources(&reading.templates, Some(&reading.track_changes)) {
                Ok(r) => r,
                Err(code) => return Ok(code),
            };
            if let Some(name) = from {
                match parse_from(name) {
                    Some(f) => resources.from = Some(f),
                    None => {
                        eprintln!(
                            "colophon: unknown input format `{name}` (choose from text, md, tei, json, docx)"
                        );
                        return Ok(exit::USAGE);
                    }
                }
            }
            let batch = Batch { include, jobs: *jobs, shard: *shard };
            convert(global, inputs, to, output, meta.as_deref(), &batch, &resources)
        }
        Command::Inspect { input, json, meta, strict, reading } => {
            let resources = match load_resources(&reading.templates, Some(&reading.track_changes)) {
                Ok(r) => r,
                Err(code) => return Ok(code),
            };
            inspect(*strict, input, *json, meta.as_deref(), &resources)
        }
        Command::Shelfmark { texts, json, templates } => match load_resources(templates, None) {
            Ok(resources) => find_shelfmarks(texts, *json, &resources),
            Err(code) => Ok(code),
        },
        Command::Check { files, json } => check(files, *json),
    }
}

/// `colophon check`: with --json the report at the end; else each check's line as it
/// finishes (under its file's name when the file changes), a spinner on standard error
/// when it is a terminal, and the closing counts.
fn check(files: &[PathBuf], json: bool) -> io::Result<i32> {
    use std::io::IsTerminal;
    use std::sync::Mutex;
    if json {
        let report = colophon::check::check(files);
        writeln!(io::stdout().lock(), "{}", report.to_json())?;
        return Ok(report.exit_code());
    }
    let spinner = if io::stderr().is_terminal() {
        let s = indicatif::ProgressBar::new_spinner();
        s.enable_steady_tick(std::time::Duration::from_millis(120));
        s.set_message("checking…");
        s
    } else {
        indicatif::ProgressBar::hidden()
    };
    // The file last named, how many checks are done, and the first write error.
    let state: Mutex<(Option<String>, usize, Option<io::Error>)> = Mutex::new((None, 0, None));
    let each = |e: &colophon::check::Entry| {
        let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
        let mut text = String::new();
        if st.0.as_deref() != Some(e.file.as_str()) {
            text.push_str(&e.file);
            text.push('\n');
            st.0 = Some(e.file.clone());
        }
        text.push_str(&e.render());
        st.1 += 1;
        let written = spinner.suspend(|| {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        });
        if let (Err(err), None) = (written, &st.2) {
            st.2 = Some(err);
        }
        spinner.set_message(format!("{} done", plural(st.1, "check")));
    };
    let report = colophon::check::check_streaming(files, &each);
    spinner.finish_and_clear();
    if let Some(err) = state.into_inner().unwrap_or_else(|p| p.into_inner()).2 {
        return Err(err);
    }
    let mut out = io::stdout().lock();
    write!(out, "{}", report.closing_line())?;
    out.flush()?;
    Ok(report.exit_code())
}

fn find_shelfmarks(texts: &[String], json: bool, resources: &Resources) -> io::Result<i32> {
    let stdin_lines;
    let texts: Vec<&str> = if texts.is_empty() {
        stdin_lines = io::stdin().lines().collect::<io::Result<Vec<String>>>()?;
        stdin_lines.iter().map(String::as_str).collect()
    } else {
        texts.iter().map(String::as_str).collect()
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut any = false;
    let mut report = Vec::new();
    for text in texts {
        let found = shelfmark::find(text, &resources.archives);
        any |= !found.is_empty();
        if json {
            let items: Vec<_> = found
                .iter()
                .map(|f| serde_json::json!({"start": f.start, "end": f.end, "shelfmark": f.shelfmark}))
                .collect();
            report.push(serde_json::json!({"text": text, "shelfmarks": items}));
            continue;
        }
        for f in &found {
            describe(&mut out, &f.shelfmark, resources)?;
        }
    }
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).expect("serialisable"))?;
    } else if !any {
        eprintln!("colophon: no shelfmark found");
    }
    out.flush()?;
    Ok(if any { exit::OK } else { exit::WARNINGS })
}

fn describe(out: &mut impl Write, s: &Shelfmark, resources: &Resources) -> io::Result<()> {
    writeln!(out, "{}", s.raw)?;
    if let Some(a) = &s.archive {
        let known = a.id.as_deref().and_then(|id| resources.archives.get(id));
        let name = known.and_then(|k| k.names.first()).map_or(String::new(), |n| format!(" ({})", n.text));
        let inherited = if a.span.is_none() { ", not printed here" } else { "" };
        match &a.id {
            Some(id) => writeln!(out, "  archive  {} → {id}{name}{inherited}", a.name)?,
            None => writeln!(out, "  archive  {} (not in the archive table){inherited}", a.name)?,
        }
    }
    for (level, p) in s.levels() {
        let label = if p.label.is_empty() { "(by position)".to_string() } else { p.label.clone() };
        writeln!(out, "  {level:<8} {} {}", label, p.value)?;
    }
    if let Some(f) = &s.folios {
        writeln!(out, "  folios   {} {}", f.label, folios_key(&f.ranges))?;
    }
    if let Some(f) = &s.pages {
        writeln!(out, "  pages    {} {}", f.label, folios_key(&f.ranges))?;
    }
    Ok(())
}

fn parse_formats(names: &[String]) -> Result<Vec<Format>, String> {
    if names.is_empty() {
        return Ok(Format::ALL.to_vec());
    }
    let mut formats = Vec::new();
    for name in names {
        let f = Format::parse(name)
            .ok_or_else(|| format!("unknown format `{name}` (choose from tei, epub, pdf, json, md, docx)"))?;
        if !formats.contains(&f) {
            formats.push(f);
        }
    }
    Ok(formats)
}

fn report(g: &Global, path: &Path, diags: &[Diagnostic]) {
    if g.quiet {
        return;
    }
    let shown = path.display().to_string();
    for d in diags.iter().filter(|d| g.verbose || d.severity >= Severity::Warning) {
        eprintln!("{}", d.render(&shown));
    }
}

/// How a conversion gathers and schedules its inputs.
struct Batch<'a> {
    include: &'a [String],
    jobs: Option<usize>,
    shard: Option<colophon::batch::Shard>,
}

fn convert(
    g: &Global,
    inputs: &[PathBuf],
    to: &[String],
    out: &Path,
    meta: Option<&Path>,
    batch: &Batch,
    resources: &Resources,
) -> io::Result<i32> {
    let formats = match parse_formats(to) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("colophon: {msg}");
            return Ok(exit::USAGE);
        }
    };
    let stdin = inputs.iter().any(|i| i.as_os_str() == "-");
    if stdin || out.as_os_str() == "-" {
        return convert_stdio(g, inputs, &formats, out, meta, resources);
    }
    let include = match colophon::batch::globs(batch.include) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("colophon: {e}");
            return Ok(e.exit_code());
        }
    };
    let mut jobs = match colophon::batch::collect(inputs, &include, Some(out)) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("colophon: {e}");
            return Ok(e.exit_code());
        }
    };
    if jobs.is_empty() {
        eprintln!(
            "colophon: no input files found (folders are searched for --include, by default *.txt, *.md and *.docx)"
        );
        return Ok(exit::INPUT);
    }
    if let Some(shard) = batch.shard {
        jobs.retain(|j| shard.holds(j));
        if jobs.is_empty() {
            if !g.quiet {
                eprintln!("colophon: shard {}/{} holds no input", shard.index, shard.count);
            }
            return Ok(exit::OK);
        }
    }
    if let Some((a, b, o)) = colophon::batch::clash(&jobs, out, &formats) {
        eprintln!("colophon: {} and {} would both be written to {}", a.display(), b.display(), o.display());
        return Ok(exit::USAGE);
    }
    let threads =
        batch.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let many = jobs.len() > 1;
    let bar = progress_bar(g, jobs.len());
    let start = std::time::Instant::now();
    let done = |o: &colophon::batch::Outcome| {
        bar.suspend(|| report_outcome(g, o, !many || g.verbose));
        bar.inc(1);
    };
    let outcomes = colophon::batch::run(&jobs, &formats, out, meta, resources, threads, &done);
    bar.finish_and_clear();
    let mut worst = exit::OK;
    for o in &outcomes {
        worst = worst.max(outcome_code(g, o));
    }
    if many && !g.quiet {
        summary(&outcomes, start.elapsed(), threads.min(jobs.len()));
    }
    Ok(worst)
}

/// A progress bar on standard error for a batch, hidden for one file, with -q, or when
/// standard error is not a terminal.
fn progress_bar(g: &Global, n: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if g.quiet || n < 2 || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  eta {eta}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// The exit code one input earns.
fn outcome_code(g: &Global, o: &colophon::batch::Outcome) -> i32 {
    match &o.result {
        Ok(conv) => {
            let warnings = conv.diagnostics.iter().any(|d| d.severity >= Severity::Warning);
            if g.strict && warnings {
                exit::WARNINGS
            } else {
                exit::OK
            }
        }
        Err(e) => e.exit_code(),
    }
}

/// Prints one input's diagnostics, its error, and (`line`) what it wrote.
fn report_outcome(g: &Global, o: &colophon::batch::Outcome, line: bool) {
    match &o.result {
        Ok(conv) => {
            report(g, &o.input, &conv.diagnostics);
            if line && !g.quiet {
                let warnings = conv.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).count();
                let outs: Vec<String> = conv.outputs.iter().map(|p| p.display().to_string()).collect();
                let notes = conv.document.notes().len();
                eprintln!(
                    "{} → {} ({}, {})",
                    o.input.display(),
                    outs.join(", "),
                    plural(notes, "note"),
                    plural(warnings, "warning")
                );
            }
        }
        Err(e) => fail(e),
    }
}

/// The end of a batch: counts, time, throughput, and every failure with its reason.
fn summary(outcomes: &[colophon::batch::Outcome], elapsed: std::time::Duration, threads: usize) {
    let failed: Vec<&colophon::batch::Outcome> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    let warnings: usize = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .map(|c| c.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).count())
        .sum();
    let secs = elapsed.as_secs_f64();
    eprintln!(
        "\nconverted {} of {} in {secs:.1} s ({:.1} files/s on {}); {}; {} failed",
        outcomes.len() - failed.len(),
        plural(outcomes.len(), "file"),
        outcomes.len() as f64 / secs.max(1e-9),
        plural(threads, "thread"),
        plural(warnings, "warning"),
        failed.len()
    );
    if !failed.is_empty() {
        eprintln!("  {:<5} {:<40} reason", "exit", "input");
        for o in failed {
            if let Err(e) = &o.result {
                let reason = e.to_string();
                let reason = reason.strip_prefix(&format!("{}", o.input.display())).unwrap_or(&reason);
                eprintln!(
                    "  {:<5} {:<40} {}",
                    e.exit_code(),
                    o.input.display(),
                    reason.trim_start_matches(':').trim()
                );
            }
        }
    }
}

/// One input from standard input and/or one output to standard output: through a private
/// folder, so the readers and writers stay the same.
fn convert_stdio(
    g: &Global,
    inputs: &[PathBuf],
    formats: &[Format],
    out: &Path,
    meta: Option<&Path>,
    resources: &Resources,
) -> io::Result<i32> {
    use std::io::{IsTerminal, Read};
    if inputs.len() != 1 {
        eprintln!("colophon: `-` converts one input at a time");
        return Ok(exit::USAGE);
    }
    let to_stdout = out.as_os_str() == "-";
    if to_stdout && formats.len() != 1 {
        eprintln!("colophon: -o - writes one format; choose it with -t (e.g. -t tei)");
        return Ok(exit::USAGE);
    }
    if to_stdout
        && matches!(formats[0], Format::Epub | Format::Pdf | Format::Docx)
        && io::stdout().is_terminal()
    {
        eprintln!(
            "colophon: refusing to write a binary {} to the terminal; redirect it (> file)",
            formats[0].name()
        );
        return Ok(exit::USAGE);
    }
    let work = tempfile::tempdir()?;
    let input = if inputs[0].as_os_str() == "-" {
        use colophon::read::InputFormat;
        // Without --from, standard input is article text unless its content says otherwise.
        let ext = match resources.from {
            None | Some(InputFormat::Text) => "txt",
            Some(InputFormat::Markdown) => "md",
            Some(InputFormat::Tei) => "tei.xml",
            Some(InputFormat::Json) => "json",
            Some(InputFormat::Docx) => "docx",
        };
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        let path = work.path().join(format!("stdin.{ext}"));
        std::fs::write(&path, bytes)?;
        path
    } else {
        inputs[0].clone()
    };
    let out_dir = if to_stdout { work.path().join("out") } else { out.to_path_buf() };
    let outcome = {
        let start = std::time::Instant::now();
        let result = colophon::convert(&input, formats, &out_dir, meta, resources);
        colophon::batch::Outcome { input: inputs[0].clone(), result, elapsed: start.elapsed() }
    };
    report_outcome(g, &outcome, !to_stdout);
    let code = outcome_code(g, &outcome);
    if let (true, Ok(conv)) = (to_stdout, &outcome.result) {
        let mut stdout = io::stdout().lock();
        stdout.write_all(&std::fs::read(&conv.outputs[0])?)?;
        stdout.flush()?;
    }
    Ok(code)
}

fn inspect(
    strict: bool,
    input: &Path,
    json: bool,
    meta: Option<&Path>,
    resources: &Resources,
) -> io::Result<i32> {
    let (doc, diags) = match colophon::load(input, meta, resources) {
        Ok(r) => r,
        Err(e) => {
            fail(&e);
            return Ok(e.exit_code());
        }
    };
    let mut out = io::stdout().lock();
    if json {
        let report = json_report(input, &doc, &diags);
        writeln!(out, "{}", serde_json::to_string_pretty(&report).expect("serialisable"))?;
    } else {
        human_report(&mut out, input, &doc, &diags)?;
    }
    let warnings = diags.iter().any(|d| d.severity >= Severity::Warning);
    Ok(if strict && warnings { exit::WARNINGS } else { exit::OK })
}

/// Counts of what was recovered, shared by both report forms.
struct Counts {
    paragraphs: usize,
    headings: usize,
    /// Characters of the body's text: a long body in one paragraph had no breaks to keep.
    body_chars: usize,
    notes: usize,
    /// Of the notes, those the source printed after the text.
    endnotes: usize,
    anchored: usize,
    references: usize,
    parsed_references: usize,
    shelfmarks_in_body: usize,
    shelfmarks_in_notes: usize,
    shelfmarks_in_references: usize,
    archives: usize,
    note_langs: BTreeMap<String, usize>,
    reference_langs: BTreeMap<String, usize>,
}

impl Counts {
    /// False when the source gave no paragraph breaks to keep: a body of over
    /// [`UNBROKEN`] characters read as one paragraph without headings (an extraction that
    /// joined every line, as the example's does).
    fn paragraphing_recovered(&self) -> bool {
        !(self.paragraphs <= 1 && self.headings == 0 && self.body_chars > UNBROKEN)
    }
}

/// The body length past which one paragraph means the source had no breaks, not a short text.
const UNBROKEN: usize = 1500;

fn tally<'a>(langs: impl Iterator<Item = &'a Option<colophon::model::LangTag>>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for l in langs {
        *m.entry(l.as_ref().map_or("untagged".to_string(), |l| l.to_string())).or_insert(0) += 1;
    }
    m
}

fn counts(doc: &Document) -> Counts {
    let notes = doc.notes();
    let entries = doc.back.bibliography.as_ref().map_or(&[][..], |b| &b.entries[..]);
    Counts {
        paragraphs: doc.paragraph_count(),
        headings: doc.body.iter().filter(|b| matches!(b, Block::Heading { .. })).count(),
        body_chars: doc.body.iter().map(|b| plain_text(b.content()).chars().count()).sum(),
        notes: notes.len(),
        endnotes: notes.iter().filter(|n| n.kind == NoteKind::End).count(),
        anchored: notes.iter().filter(|n| n.anchor == Anchor::Call).count(),
        references: entries.len(),
        parsed_references: entries
            .iter()
            .filter(|e| e.fields.title.is_some() || e.fields.kind.is_some())
            .count(),
        shelfmarks_in_body: doc.body.iter().map(|b| shelfmarks(b.content(), false).len()).sum(),
        shelfmarks_in_notes: notes
            .iter()
            .flat_map(|n| &n.content)
            .map(|b| shelfmarks(b.content(), true).len())
            .sum(),
        shelfmarks_in_references: entries.iter().map(|e| shelfmarks(&e.content, false).len()).sum(),
        archives: doc.back.archives.len(),
        note_langs: tally(notes.iter().map(|n| &n.lang)),
        reference_langs: tally(entries.iter().map(|e| &e.lang)),
    }
}

fn tally_line(m: &BTreeMap<String, usize>) -> String {
    m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
}

fn lang_or_dash(l: &Option<colophon::model::LangTag>) -> String {
    l.as_ref().map_or("–".to_string(), |l| l.to_string())
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn human_report(out: &mut impl Write, input: &Path, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
    let m = &doc.meta;
    let c = counts(doc);
    writeln!(out, "{}", input.display())?;
    writeln!(out, "  language     {}", lang_or_dash(&m.lang))?;
    for (k, t) in m.titles.iter().enumerate() {
        writeln!(
            out,
            "  {}  {:<5} {}",
            if k == 0 { "titles    " } else { "          " },
            lang_or_dash(&t.lang),
            t.text
        )?;
    }
    for a in &m.authors {
        let parts: Vec<&str> = [
            a.name.as_deref().or(Some("(name not printed)")),
            a.affiliation.as_deref(),
            a.email.as_deref(),
            a.orcid.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        writeln!(out, "  author       {}", parts.join(" · "))?;
    }
    for a in &m.abstracts {
        let text: String = a.content.iter().map(|b| plain_text(b.content())).collect::<Vec<_>>().join(" ");
        writeln!(
            out,
            "  abstract     {:<5} {} ({}, {}): {}",
            lang_or_dash(&a.lang),
            a.heading.as_deref().unwrap_or(""),
            plural(a.content.len(), "paragraph"),
            plural(text.chars().count(), "character"),
            short(&text, 50)
        )?;
    }
    for k in &m.keywords {
        writeln!(
            out,
            "  keywords     {:<5} {} ({}): {}",
            lang_or_dash(&k.lang),
            k.heading.as_deref().unwrap_or(""),
            k.terms.len(),
            k.terms.join("; ")
        )?;
    }
    writeln!(out, "  paragraphs   {}", c.paragraphs)?;
    if !c.paragraphing_recovered() {
        writeln!(
            out,
            "               the source has no paragraph breaks (no blank lines or indents in its {}): \
             paragraphing is not recoverable from it, not lost in reading",
            plural(c.body_chars, "character")
        )?;
    }
    writeln!(out, "  headings     {}", c.headings)?;
    writeln!(
        out,
        "  notes        {} ({} anchored at their call, {} placed where the call is missing)",
        c.notes,
        c.anchored,
        c.notes - c.anchored
    )?;
    if c.endnotes > 0 {
        writeln!(
            out,
            "               {}, {}",
            plural(c.notes - c.endnotes, "footnote"),
            plural(c.endnotes, "endnote")
        )?;
    }
    if c.notes > 0 {
        writeln!(out, "               languages: {}", tally_line(&c.note_langs))?;
    }
    let heading =
        doc.back.bibliography.as_ref().map_or(String::new(), |b| format!(" under \"{}\"", b.heading));
    writeln!(out, "  references   {}{heading}, {} parsed into fields", c.references, c.parsed_references)?;
    if c.references > 0 {
        writeln!(out, "               languages: {}", tally_line(&c.reference_langs))?;
    }
    if let Some(b) = doc.back.bibliography.as_ref().filter(|b| !b.parts.is_empty()) {
        let parts: Vec<String> =
            b.parts.iter().map(|p| format!("{} (from entry {})", p.heading, p.start + 1)).collect();
        writeln!(out, "               parts: {}", parts.join("; "))?;
    }
    writeln!(
        out,
        "  shelfmarks   {} ({} in notes, {} in references, {} in the body), {} named",
        c.shelfmarks_in_notes + c.shelfmarks_in_references + c.shelfmarks_in_body,
        c.shelfmarks_in_notes,
        c.shelfmarks_in_references,
        c.shelfmarks_in_body,
        plural(c.archives, "archive")
    )?;
    let warnings = diags.iter().filter(|d| d.severity >= Severity::Warning).count();
    writeln!(
        out,
        "  diagnostics  {} ({}, {} info)",
        diags.len(),
        plural(warnings, "warning"),
        diags.len() - warnings
    )?;
    let shown = input.display().to_string();
    for d in diags {
        writeln!(out, "    {}", d.render(&shown))?;
    }
    Ok(())
}

fn json_report(input: &Path, doc: &Document, diags: &[Diagnostic]) -> serde_json::Value {
    let c = counts(doc);
    let m = &doc.meta;
    serde_json::json!({
        "input": input.display().to_string(),
        "lang": m.lang,
        "titles": m.titles,
        "authors": m.authors,
        "abstracts": m.abstracts.iter().map(|a| serde_json::json!({"lang": a.lang, "heading": a.heading, "paragraphs": a.content.len()})).collect::<Vec<_>>(),
        "keywords": m.keywords,
        "counts": {
            "paragraphs": c.paragraphs,
            "paragraphing_recovered": c.paragraphing_recovered(),
            "headings": c.headings,
            "notes": c.notes,
            "footnotes": c.notes - c.endnotes,
            "endnotes": c.endnotes,
            "anchored_notes": c.anchored,
            "inferred_anchors": c.notes - c.anchored,
            "references": c.references,
            "parsed_references": c.parsed_references,
            "shelfmarks": {
                "notes": c.shelfmarks_in_notes,
                "references": c.shelfmarks_in_references,
                "body": c.shelfmarks_in_body,
            },
            "archives": c.archives,
        },
        "languages": {
            "notes": c.note_langs,
            "references": c.reference_langs,
        },
        "diagnostics": diags,
    })
}
