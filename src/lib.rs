//! colophon: archival publishing from one source.
//!
//! Readers turn an article (PDF-extracted text, or colophon JSON) into one
//! [`model::Document`]; [`enrich()`] adds what the text says (languages, archival
//! shelfmarks, bibliography fields); writers turn the model into TEI P5, EPUB 3, print PDF
//! and JSON. The library API is [`read()`], [`enrich()`], [`write()`] and [`convert()`];
//! `main.rs` only adds the CLI.

pub mod batch;
pub mod check;
pub mod diag;
pub mod enrich;
pub mod error;
pub mod fold;
pub mod fonts;
pub mod metafile;
pub mod model;
pub mod plural;
pub mod read;
pub mod resources;
pub mod typeset;
pub mod write;

pub use diag::{Diagnostic, Severity};
pub use error::{Error, Result};
pub use model::Document;
pub use plural::plural;
pub use resources::Resources;

use std::path::{Path, PathBuf};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// TEI P5 XML for archival deposit (`.tei.xml`).
    Tei,
    /// EPUB 3 e-book (`.epub`).
    Epub,
    /// Print PDF (`.pdf`).
    Pdf,
    /// colophon's JSON form of the model (`.json`).
    Json,
    /// Pandoc-flavoured Markdown with a YAML metadata block, for editors (`.md`).
    Markdown,
    /// Word document for copy-editing (`.docx`); written only when asked for (`-t docx`).
    Docx,
}

impl Format {
    /// The formats written when none is named, in the order outputs are written (DOCX, for
    /// editors, only on request).
    pub const ALL: [Format; 5] = [Format::Tei, Format::Epub, Format::Pdf, Format::Json, Format::Markdown];

    /// Parses a format name as given on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "tei" | "xml" => Some(Format::Tei),
            "epub" | "epub3" => Some(Format::Epub),
            "pdf" => Some(Format::Pdf),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "docx" | "word" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format's name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Tei => "tei",
            Format::Epub => "epub",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Docx => "docx",
        }
    }

    /// The file-name ending of outputs in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tei => "tei.xml",
            Format::Epub => "epub",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Docx => "docx",
        }
    }
}

/// Reads `input` and applies a metadata file (the given one, or `<stem>.meta.toml|yaml`
/// beside the input). Returns the document and every diagnostic.
pub fn read(input: &Path, meta_file: Option<&Path>) -> Result<(Document, Vec<Diagnostic>)> {
    read_with(input, meta_file, read::docx::Options::default(), None)
}

/// Reads `input` as [`read()`] does, a Word document with `docx` options, through the
/// reader `from` when given.
pub fn read_with(
    input: &Path,
    meta_file: Option<&Path>,
    docx: read::docx::Options,
    from: Option<read::InputFormat>,
) -> Result<(Document, Vec<Diagnostic>)> {
    let (mut doc, mut diags) = read::read_file_as(input, from, docx)?;
    if doc.meta.source.is_none() {
        doc.meta.source = input.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    let beside = metafile::find_beside(input);
    if let Some(meta) = meta_file.or(beside.as_deref()) {
        diags.extend(metafile::apply(meta, &mut doc.meta)?);
    }
    Ok((doc, diags))
}

/// Adds languages, shelfmarks and bibliography fields to `doc` (see [`enrich`](mod@enrich));
/// returns what could not be decided.
pub fn enrich(doc: &mut Document, resources: &Resources) -> Vec<Diagnostic> {
    enrich::enrich(doc, &resources.archives)
}

/// Reads `input` (with its metadata file) and enriches it: what every writer starts from.
pub fn load(
    input: &Path,
    meta_file: Option<&Path>,
    resources: &Resources,
) -> Result<(Document, Vec<Diagnostic>)> {
    let (mut doc, mut diags) = read_with(input, meta_file, resources.docx, resources.from)?;
    diags.extend(enrich(&mut doc, resources));
    Ok((doc, diags))
}

/// Renders `doc` in `format`; returns the bytes and what the writer had to report.
pub fn write(doc: &Document, format: Format, resources: &Resources) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
    match format {
        Format::Json => Ok((write::json::write(doc).into_bytes(), Vec::new())),
        Format::Markdown => {
            let (md, diags) = write::markdown::write(doc);
            Ok((md.into_bytes(), diags))
        }
        Format::Tei => {
            let opts = write::tei::Options {
                publication_template: resources.tei_publication.clone(),
                when: source_date()?,
            };
            let (xml, diags) = write::tei::write(doc, &opts);
            Ok((xml.into_bytes(), diags))
        }
        Format::Epub => {
            let opts = write::epub::Options {
                css: resources.epub_css.clone(),
                fonts: resources.fonts(),
                when: source_epoch()?.map(civil_datetime),
            };
            Ok(write::epub::write(doc, &opts))
        }
        Format::Pdf => write::pdf::write(doc, &pdf_options(resources)?),
        Format::Docx => {
            let opts = write::docx::Options { when: source_epoch()?.map(civil_datetime) };
            Ok(write::docx::write(doc, &opts))
        }
    }
}

/// The PDF writer's options from `resources` (and `SOURCE_DATE_EPOCH`).
fn pdf_options(resources: &Resources) -> Result<write::pdf::Options> {
    Ok(write::pdf::Options { fonts: resources.fonts(), page: resources.page, when: source_date()? })
}

/// The date of `SOURCE_DATE_EPOCH` (reproducible builds) as `YYYY-MM-DD`, or `None` when it
/// is not set. colophon never reads the clock, so two runs give the same bytes.
pub fn source_date() -> Result<Option<String>> {
    Ok(source_epoch()?.map(|secs| civil_date(secs.div_euclid(86_400))))
}

/// `SOURCE_DATE_EPOCH` in seconds, when set; an error when it is not a number.
pub fn source_epoch() -> Result<Option<i64>> {
    let Ok(v) = std::env::var("SOURCE_DATE_EPOCH") else { return Ok(None) };
    v.trim().parse().map(Some).map_err(|_| {
        Error::Unsupported(format!("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not `{v}`"))
    })
}

/// A time in seconds since 1970 as `YYYY-MM-DDThh:mm:ssZ`.
fn civil_datetime(secs: i64) -> String {
    let s = secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", civil_date(secs.div_euclid(86_400)), s / 3600, s % 3600 / 60, s % 60)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The output path of `input` in `format` under `out_dir`: `<out_dir>/<stem>.<ext>`.
pub fn output_path(input: &Path, out_dir: &Path, format: Format) -> PathBuf {
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let stem = [".tei.xml", ".txt", ".json", ".md", ".xml", ".text"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or_else(|| input.file_stem().and_then(|s| s.to_str()).unwrap_or(name));
    out_dir.join(format!("{stem}.{}", format.extension()))
}

/// True when `a` and `b` name the same file (`b` need not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| -> Option<PathBuf> {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(dir.canonicalize().ok()?.join(p.file_name()?))
    };
    matches!((canon(a), canon(b)), (Some(x), Some(y)) if x == y)
}

/// The result of converting one input.
#[derive(Debug)]
pub struct Conversion {
    /// The document read.
    pub document: Document,
    /// Diagnostics of reading.
    pub diagnostics: Vec<Diagnostic>,
    /// The files written, in format order.
    pub outputs: Vec<PathBuf>,
}

/// One output written to its temporary file, with what its writer reported.
type Rendered = Result<(write::Staged, Vec<Diagnostic>)>;

/// Loads `input` and writes it in every format of `formats` into `out_dir`.
///
/// Every output is rendered and written to a temporary file before any is renamed into
/// place, so a failure leaves no partial file. The PDF is rendered beside the others.
pub fn convert(
    input: &Path,
    formats: &[Format],
    out_dir: &Path,
    meta_file: Option<&Path>,
    resources: &Resources,
) -> Result<Conversion> {
    // `article.md -t md -o .` would replace the editor's file with our rewrite of it.
    for &f in formats {
        let out = output_path(input, out_dir, f);
        if same_file(input, &out) {
            return Err(Error::Unsupported(format!(
                "{}: the {} output would overwrite the input; write it to another folder with -o",
                input.display(),
                f.name()
            )));
        }
    }
    let (document, mut diagnostics) = load(input, meta_file, resources)?;
    // Typesetting the PDF uses every core; then the pages are drawn (on one core) while the
    // other formats are rendered beside them, on a thread of their own.
    let pdf = if formats.contains(&Format::Pdf) {
        let opts = pdf_options(resources)?;
        let laid = write::pdf::typeset(&document, &opts);
        Some((opts, laid))
    } else {
        None
    };
    let stage = |f: Format, (bytes, diags): (Vec<u8>, Vec<Diagnostic>)| -> Rendered {
        Ok((write::stage(&output_path(input, out_dir, f), &bytes)?, diags))
    };
    let others: Vec<Format> = formats.iter().copied().filter(|&f| f != Format::Pdf).collect();
    let render_others =
        || others.iter().map(|&f| (f, write(&document, f, resources).and_then(|r| stage(f, r)))).collect();
    let mut done: Vec<(Format, Rendered)> = match &pdf {
        None => render_others(),
        Some((opts, laid)) => std::thread::scope(|s| {
            let side = (!others.is_empty()).then(|| s.spawn(render_others));
            let pdf = write::pdf::render(&document, laid, opts).and_then(|r| stage(Format::Pdf, r));
            let mut done = vec![(Format::Pdf, pdf)];
            if let Some(h) = side {
                done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            done
        }),
    };
    done.sort_by_key(|(f, _)| formats.iter().position(|g| g == f));
    // Every format rendered and written before any file is put in place: on an error the
    // staged files are dropped (removed), so a failure leaves no output at all.
    let mut staged = Vec::new();
    for (_, result) in done {
        let (file, diags) = result?;
        diagnostics.extend(diags);
        staged.push(file);
    }
    // TEI and Markdown point to the images in a folder beside them.
    if formats.iter().any(|f| matches!(f, Format::Tei | Format::Markdown)) {
        staged.extend(write::stage_media(&document, out_dir)?);
    }
    let outputs = staged.into_iter().map(write::Staged::commit).collect::<Result<Vec<_>>>()?;
    Ok(Conversion { document, diagnostics, outputs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_drop_known_extensions() {
        let out = Path::new("o");
        assert_eq!(output_path(Path::new("in/a.txt"), out, Format::Json), Path::new("o/a.json"));
        assert_eq!(output_path(Path::new("a.tei.xml"), out, Format::Tei), Path::new("o/a.tei.xml"));
        assert_eq!(output_path(Path::new("a"), out, Format::Pdf), Path::new("o/a.pdf"));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_417), "2025-11-25");
        assert_eq!(civil_date(-1), "1969-12-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn formats_parse() {
        assert_eq!(Format::parse("TEI"), Some(Format::Tei));
        assert_eq!(Format::parse("docx"), Some(Format::Docx));
        assert!(!Format::ALL.contains(&Format::Docx), "DOCX is written on request only");
        assert_eq!(Format::parse("doc"), None);
    }
}
