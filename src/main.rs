//! The `colophon` command line: the only place that knows clap.

use clap::{Args, Parser, Subcommand};
use colophon::error::exit;
use colophon::model::{plain_text, Anchor, Block, Document};
use colophon::{Diagnostic, Format, Severity};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const EXIT_CODES: &str = "\
Exit codes (a run over several files exits with the worst):
  0  everything converted
  1  converted, but --strict was given and warnings were reported
  2  usage error: unknown flag, or a format this build cannot write yet
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
}

#[derive(Subcommand)]
enum Command {
    /// Convert articles into the given formats.
    ///
    /// Example: colophon convert input/zangezur-article.txt -o out
    #[command(after_help = EXIT_CODES)]
    Convert {
        /// Input files: extracted article text (.txt) or colophon JSON (.json).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Comma-separated output formats: tei, epub, pdf, json [default: every format this build writes].
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
    match &cli.command {
        Command::Convert { inputs, to, output, meta } => {
            convert(&cli.global, inputs, to, output, meta.as_deref())
        }
        Command::Inspect { input, json, meta } => inspect(&cli.global, input, *json, meta.as_deref()),
    }
}

fn parse_formats(names: &[String]) -> Result<Vec<Format>, String> {
    if names.is_empty() {
        return Ok(Format::available());
    }
    let mut formats = Vec::new();
    for name in names {
        let f = Format::parse(name)
            .ok_or_else(|| format!("unknown format `{name}` (choose from tei, epub, pdf, json)"))?;
        f.require_available().map_err(|e| e.to_string())?;
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
        match colophon::convert(input, &formats, out, meta) {
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

fn inspect(g: &Global, input: &Path, json: bool, meta: Option<&Path>) -> io::Result<i32> {
    let (doc, diags) = match colophon::read(input, meta) {
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
}

fn counts(doc: &Document) -> Counts {
    let notes = doc.notes();
    Counts {
        paragraphs: doc.paragraph_count(),
        headings: doc.body.iter().filter(|b| matches!(b, Block::Heading { .. })).count(),
        notes: notes.len(),
        anchored: notes.iter().filter(|n| n.anchor == Anchor::Call).count(),
        references: doc.back.bibliography.as_ref().map_or(0, |b| b.entries.len()),
    }
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
    let heading =
        doc.back.bibliography.as_ref().map_or(String::new(), |b| format!(" under \"{}\"", b.heading));
    writeln!(out, "  references   {}{heading}", c.references)?;
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
        },
        "diagnostics": diags,
    })
}
