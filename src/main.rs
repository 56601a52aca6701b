//! The `colophon` command line: the only place that knows clap.

use clap::{Args, Parser, Subcommand};
use colophon::enrich::shelfmark::{self, folios_key};
use colophon::error::exit;
use colophon::model::{plain_text, shelfmarks, Anchor, Block, Document, Shelfmark};
use colophon::{Diagnostic, Format, Resources, Severity};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// mimalloc keeps freed memory for reuse; glibc's malloc hands large blocks back to the
/// system, and each compressed PDF stream then faults in fresh pages for its window.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_CODES: &str = "\
Exit codes (a run over several files exits with the worst):
  0  everything converted
  1  converted, but --strict was given and warnings were reported
  2  usage error: unknown flag or format, or an input kind colophon cannot read
  3  an input could not be read (missing, empty, binary, not UTF-8, malformed)
  4  an output could not be written";

/// Archival publishing from one source: turn articles extracted from PDFs into TEI P5,
/// EPUB 3 and print PDF, keeping every footnote, bibliography entry and archive shelfmark.
#[derive(Parser)]
#[command(name = "colophon", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Global {
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print informational diagnostics (dropped page numbers, joins across page cuts).
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Treat warnings as failures: exit with code 1 when any is reported.
    #[arg(long, global = true)]
    strict: bool,
    /// Folder of templates that replace the built-in ones, each file only if present:
    /// `archives.toml` (archives in shelfmarks), `tei-publicationStmt.xml`, `epub.css`,
    /// `fonts/` (TTF/OTF faces) and `page.toml` (paper, margins, type for the PDF). Copy the
    /// files of the source's templates/ folder to start.
    #[arg(long, global = true, value_name = "DIR")]
    templates: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Convert articles into the given formats.
    ///
    /// Example: colophon convert input/zangezur-article.txt -o out
    #[command(after_help = EXIT_CODES)]
    Convert {
        /// Input files: extracted article text (.txt), Markdown (.md), TEI (.xml) or colophon
        /// JSON (.json).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Comma-separated output formats: tei, epub, pdf, json, md [default: every format].
        #[arg(short = 't', long = "to", value_delimiter = ',', value_name = "FORMATS")]
        to: Vec<String>,
        /// Folder for the outputs, created if missing; files are named <stem>.<ext>.
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        output: PathBuf,
        /// Metadata file (TOML or YAML) whose values win over extracted ones
        /// [default: <stem>.meta.toml or .yaml beside each input, if present].
        #[arg(long, value_name = "FILE")]
        meta: Option<PathBuf>,
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
    },
    /// Find archival shelfmarks in text and show their parts.
    ///
    /// Recognises Russian, Ukrainian, Azerbaijani, romanised and English forms
    /// (`РГАСПИ, ф.85, оп.13, д.32, л.3`; `GARF, f. 1235, op. 1, d. 16, ll. 5-7ob.`;
    /// `ARPİİİSSA, f. 1, siy. 31, iş 186 a, v. 38`). Archives are named from the archive
    /// table (see --templates). With no TEXT, reads one text per line from standard input.
    ///
    /// Example: colophon shelfmark "РГАСПИ, ф.85, оп.13, д.32, л.3 об."
    #[command(
        after_help = "Exit codes: 0 at least one shelfmark found, 1 none found, 2 usage error, 3 bad archive table"
    )]
    Shelfmark {
        /// Texts to search (a note, a bibliography entry).
        texts: Vec<String>,
        /// Print JSON: for each text, its shelfmarks with byte positions and parts.
        #[arg(long)]
        json: bool,
    },
}

fn main() {
    let cli = Cli::parse();
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

fn run(cli: &Cli) -> io::Result<i32> {
    let resources = match Resources::load(cli.global.templates.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("colophon: {e}");
            return Ok(e.exit_code());
        }
    };
    match &cli.command {
        Command::Convert { inputs, to, output, meta } => {
            convert(&cli.global, inputs, to, output, meta.as_deref(), &resources)
        }
        Command::Inspect { input, json, meta } => {
            inspect(&cli.global, input, *json, meta.as_deref(), &resources)
        }
        Command::Shelfmark { texts, json } => find_shelfmarks(texts, *json, &resources),
    }
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
        let inherited = if a.span.is_none() { ", from the shelfmark before" } else { "" };
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
    Ok(())
}

fn parse_formats(names: &[String]) -> Result<Vec<Format>, String> {
    if names.is_empty() {
        return Ok(Format::ALL.to_vec());
    }
    let mut formats = Vec::new();
    for name in names {
        let f = Format::parse(name)
            .ok_or_else(|| format!("unknown format `{name}` (choose from tei, epub, pdf, json, md)"))?;
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

fn convert(
    g: &Global,
    inputs: &[PathBuf],
    to: &[String],
    out: &Path,
    meta: Option<&Path>,
    resources: &Resources,
) -> io::Result<i32> {
    let formats = match parse_formats(to) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("colophon: {msg}");
            return Ok(exit::USAGE);
        }
    };
    let mut worst = exit::OK;
    for input in inputs {
        match colophon::convert(input, &formats, out, meta, resources) {
            Ok(conv) => {
                report(g, input, &conv.diagnostics);
                let warnings = conv.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).count();
                if g.strict && warnings > 0 {
                    worst = worst.max(exit::WARNINGS);
                }
                if !g.quiet {
                    let outs: Vec<String> = conv.outputs.iter().map(|p| p.display().to_string()).collect();
                    let notes = conv.document.notes().len();
                    eprintln!(
                        "{} → {} ({notes} notes, {warnings} warnings)",
                        input.display(),
                        outs.join(", ")
                    );
                }
            }
            Err(e) => {
                eprintln!("colophon: {e}");
                worst = worst.max(e.exit_code());
            }
        }
    }
    Ok(worst)
}

fn inspect(
    g: &Global,
    input: &Path,
    json: bool,
    meta: Option<&Path>,
    resources: &Resources,
) -> io::Result<i32> {
    let (doc, diags) = match colophon::load(input, meta, resources) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("colophon: {e}");
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
    Ok(if g.strict && warnings { exit::WARNINGS } else { exit::OK })
}

/// Counts of what was recovered, shared by both report forms.
struct Counts {
    paragraphs: usize,
    headings: usize,
    notes: usize,
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
        notes: notes.len(),
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
            "  abstract     {:<5} {} ({} paragraphs, {} characters): {}",
            lang_or_dash(&a.lang),
            a.heading.as_deref().unwrap_or(""),
            a.content.len(),
            text.chars().count(),
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
    writeln!(out, "  headings     {}", c.headings)?;
    writeln!(
        out,
        "  notes        {} ({} anchored at their call, {} placed where the call is missing)",
        c.notes,
        c.anchored,
        c.notes - c.anchored
    )?;
    if c.notes > 0 {
        writeln!(out, "               languages: {}", tally_line(&c.note_langs))?;
    }
    let heading =
        doc.back.bibliography.as_ref().map_or(String::new(), |b| format!(" under \"{}\"", b.heading));
    writeln!(out, "  references   {}{heading}, {} parsed into fields", c.references, c.parsed_references)?;
    if c.references > 0 {
        writeln!(out, "               languages: {}", tally_line(&c.reference_langs))?;
    }
    writeln!(
        out,
        "  shelfmarks   {} ({} in notes, {} in references, {} in the body), {} archives named",
        c.shelfmarks_in_notes + c.shelfmarks_in_references + c.shelfmarks_in_body,
        c.shelfmarks_in_notes,
        c.shelfmarks_in_references,
        c.shelfmarks_in_body,
        c.archives
    )?;
    let warnings = diags.iter().filter(|d| d.severity >= Severity::Warning).count();
    writeln!(out, "  diagnostics  {} ({warnings} warnings, {} info)", diags.len(), diags.len() - warnings)?;
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
            "headings": c.headings,
            "notes": c.notes,
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
