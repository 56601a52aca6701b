//! A corpus of degenerate documents (issue 23): empty, blank and huge notes, notes that are
//! only a call, only headings, only a bibliography, thousands of headings or notes, long
//! words in every script, right-to-left, combining, zero-width and control characters,
//! byte order marks and mixed newlines, and weird metadata. Each is made in every input
//! format it applies to (text, Markdown, TEI, colophon JSON) and must convert to every output
//! format with every note kept, or fail with a message a person can act on; never a panic,
//! never more than 30 s.

use colophon::model::{
    Anchor, Author, BibEntry, Bibliography, Block, Cell, Column, Inline, LangTag, Note, NoteKind, Row, Table,
    Title,
};
use colophon::{Document, Format, Resources};
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

/// A piece of a paragraph: text, or a footnote with its text.
#[derive(Clone)]
enum Piece {
    Text(String),
    Note(String),
}

/// A block of a degenerate document, in the few shapes every input format can say.
#[derive(Clone)]
enum B {
    Heading(Vec<Piece>),
    Para(Vec<Piece>),
    Item(Vec<Piece>),
    Quote(Vec<Piece>),
    Cell(Vec<Piece>),
}

/// One degenerate document, before it is written in an input format.
#[derive(Clone, Default)]
struct Case {
    name: &'static str,
    title: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    lang: Option<String>,
    blocks: Vec<B>,
    bibliography: Vec<String>,
    /// Put before the whole input (a byte order mark).
    prefix: &'static str,
    /// The newline written between lines.
    newline: &'static str,
}

fn t(s: impl Into<String>) -> Piece {
    Piece::Text(s.into())
}

fn n(s: impl Into<String>) -> Piece {
    Piece::Note(s.into())
}

fn para(pieces: Vec<Piece>) -> B {
    B::Para(pieces)
}

impl Case {
    fn new(name: &'static str, blocks: Vec<B>) -> Self {
        Case { name, title: Some("A degenerate article".into()), blocks, newline: "\n", ..Case::default() }
    }

    fn notes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                B::Heading(p) | B::Para(p) | B::Item(p) | B::Quote(p) | B::Cell(p) => {
                    p.iter().filter(|p| matches!(p, Piece::Note(_))).count()
                }
            })
            .sum()
    }

    fn markdown(&self) -> String {
        let mut out = String::from(self.prefix);
        let mut yaml = Vec::new();
        if let Some(title) = &self.title {
            yaml.push(format!("title: {}", yaml_str(title)));
        }
        if !self.authors.is_empty() {
            yaml.push("author:".into());
            yaml.extend(self.authors.iter().map(|a| format!("  - {}", yaml_str(a))));
        }
        if let Some(d) = &self.date {
            yaml.push(format!("date: {}", yaml_str(d)));
        }
        if let Some(l) = &self.lang {
            yaml.push(format!("lang: {}", yaml_str(l)));
        }
        if !yaml.is_empty() {
            out.push_str(&format!("---\n{}\n---\n\n", yaml.join("\n")));
        }
        let mut defs = Vec::new();
        let mut inline = |pieces: &[Piece]| {
            let mut s = String::new();
            for p in pieces {
                match p {
                    Piece::Text(x) => s.push_str(x),
                    Piece::Note(x) => {
                        defs.push(format!("[^{}]: {x}", defs.len() + 1));
                        s.push_str(&format!("[^{}]", defs.len()));
                    }
                }
            }
            s
        };
        for b in &self.blocks {
            let line = match b {
                B::Heading(p) => format!("# {}", inline(p)),
                B::Para(p) => inline(p),
                B::Item(p) => format!("- {}", inline(p)),
                B::Quote(p) => format!("> {}", inline(p)),
                B::Cell(p) => format!("| Cell | Other |\n|---|---|\n| {} | x |", inline(p)),
            };
            out.push_str(&line);
            out.push_str("\n\n");
        }
        if !self.bibliography.is_empty() {
            out.push_str("# References\n\n::: {#refs}\n");
            for e in &self.bibliography {
                out.push_str(e);
                out.push_str("\n\n");
            }
            out.push_str(":::\n\n");
        }
        for d in defs {
            out.push_str(&d);
            out.push_str("\n\n");
        }
        out.replace('\n', self.newline)
    }

    fn tei(&self) -> String {
        let mut out = String::from(self.prefix);
        out.push_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"",
        );
        if let Some(l) = &self.lang {
            out.push_str(&format!(" xml:lang=\"{}\"", esc(l)));
        }
        out.push_str(">\n<teiHeader><fileDesc><titleStmt>");
        if let Some(title) = &self.title {
            out.push_str(&format!("<title>{}</title>", esc(title)));
        }
        for a in &self.authors {
            out.push_str(&format!("<author>{}</author>", esc(a)));
        }
        out.push_str("</titleStmt>\n<publicationStmt>");
        match &self.date {
            Some(d) => out.push_str(&format!("<date when=\"{0}\">{0}</date>", esc(d))),
            None => out.push_str("<p>Unpublished.</p>"),
        }
        out.push_str("</publicationStmt><sourceDesc><p>Made by a test.</p></sourceDesc></fileDesc></teiHeader>\n<text><body>\n");
        let mut k = 0;
        let mut inline = |pieces: &[Piece]| {
            let mut s = String::new();
            for p in pieces {
                match p {
                    Piece::Text(x) => s.push_str(&esc(x)),
                    Piece::Note(x) => {
                        k += 1;
                        s.push_str(&format!("<note place=\"foot\" n=\"{k}\">{}</note>", esc(x)));
                    }
                }
            }
            s
        };
        for b in &self.blocks {
            let s = match b {
                B::Heading(p) => format!("<head>{}</head>", inline(p)),
                B::Para(p) => format!("<p>{}</p>", inline(p)),
                B::Item(p) => format!("<list><item>{}</item></list>", inline(p)),
                B::Quote(p) => format!("<quote><p>{}</p></quote>", inline(p)),
                B::Cell(p) => format!("<table><row><cell>{}</cell><cell>x</cell></row></table>", inline(p)),
            };
            out.push_str(&s);
            out.push('\n');
        }
        out.push_str("</body>");
        if !self.bibliography.is_empty() {
            out.push_str("<back><listBibl>");
            for e in &self.bibliography {
                out.push_str(&format!("<bibl>{}</bibl>", esc(e)));
            }
            out.push_str("</listBibl></back>");
        }
        out.push_str("</text></TEI>\n");
        out.replace('\n', self.newline)
    }

    /// The document as the model holds it, which the JSON reader must load as written.
    fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.meta.titles = self.title.iter().map(|t| Title { text: t.clone(), lang: None }).collect();
        doc.meta.authors =
            self.authors.iter().map(|a| Author { name: Some(a.clone()), ..Author::default() }).collect();
        doc.meta.date = self.date.clone();
        doc.meta.lang = self.lang.as_deref().and_then(|l| LangTag::parse(l).ok());
        let mut k = 0;
        let mut inline = |pieces: &[Piece]| -> Vec<Inline> {
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(x) => Inline::text(x.clone()),
                    Piece::Note(x) => {
                        k += 1;
                        Inline::Note(Note {
                            label: k.to_string(),
                            kind: NoteKind::Foot,
                            anchor: Anchor::Call,
                            lang: None,
                            content: vec![Block::paragraph(vec![Inline::text(x.clone())])],
                        })
                    }
                })
                .collect()
        };
        for b in &self.blocks {
            doc.body.push(match b {
                B::Heading(p) => Block::Heading { level: 1, content: inline(p) },
                B::Para(p) => Block::paragraph(inline(p)),
                B::Item(p) => Block::List { numbering: None, items: vec![vec![Block::paragraph(inline(p))]] },
                B::Quote(p) => Block::Quote {
                    blocks: vec![Block::paragraph(inline(p))],
                    source: None,
                    lang: None,
                    epigraph: false,
                },
                B::Cell(p) => Block::Table(Box::new(Table {
                    columns: vec![Column::default(); 2],
                    body: vec![Row {
                        cells: vec![
                            Cell::new(vec![Block::paragraph(inline(p))]),
                            Cell::new(vec![Block::paragraph(vec![Inline::text("x")])]),
                        ],
                    }],
                    ..Table::default()
                })),
            });
        }
        if !self.bibliography.is_empty() {
            let entries = self.bibliography.iter().map(|e| BibEntry::plain(e)).collect();
            doc.back.bibliography = Some(Bibliography::new("References", entries));
        }
        doc
    }

    fn json(&self) -> String {
        format!("{}{}", self.prefix, colophon::write::json::write(&self.document()))
    }

    /// The document as extracted text: title, paragraphs, notes at the foot of the page.
    fn text(&self) -> String {
        let mut out = String::from(self.prefix);
        if let Some(title) = &self.title {
            out.push_str(title);
            out.push_str("\n\n");
        }
        for a in &self.authors {
            out.push_str(a);
            out.push('\n');
        }
        let mut notes = Vec::new();
        for b in &self.blocks {
            let (B::Heading(p) | B::Para(p) | B::Item(p) | B::Quote(p) | B::Cell(p)) = b;
            for piece in p {
                match piece {
                    Piece::Text(x) => out.push_str(x),
                    Piece::Note(x) => {
                        notes.push(x.clone());
                        out.push_str(&notes.len().to_string());
                    }
                }
            }
            out.push_str("\n\n");
        }
        if !self.bibliography.is_empty() {
            out.push_str("References\n\n");
            for e in &self.bibliography {
                out.push_str(e);
                out.push('\n');
            }
            out.push('\n');
        }
        for (i, x) in notes.iter().enumerate() {
            out.push_str(&format!("{} {x}\n", i + 1));
        }
        out.replace('\n', self.newline)
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A YAML double-quoted scalar, control characters and line separators escaped.
fn yaml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Long unbreakable words, one in each script.
fn long_words() -> Vec<B> {
    ['a', 'ж', 'λ', 'ب', 'ש', '字', '😀', 'ա', 'ქ', '한', 'ﷺ']
        .iter()
        .map(|&c| para(vec![t(std::iter::repeat_n(c, 5_000).collect::<String>()), n("x")]))
        .collect()
}

fn cases() -> Vec<Case> {
    let lorem = "The governor's report of 1905 survives in two copies.";
    let mut v = vec![
        Case::new("empty-note", vec![para(vec![t("Text with a note."), n("")])]),
        Case::new("blank-note", vec![para(vec![t("Text with a note."), n("   ")])]),
        Case::new("only-a-call", vec![para(vec![n("The note is all there is.")])]),
        Case::new("only-calls", vec![para(vec![n("One."), n("Two."), n("")])]),
        Case::new("only-headings", (1..=5).map(|i| B::Heading(vec![t(format!("Heading {i}"))])).collect()),
        Case::new("note-in-heading", vec![B::Heading(vec![t("Heading"), n("On the heading.")]), para(vec![t(lorem)])]),
        Case::new("note-in-list", vec![B::Item(vec![t("An item"), n("On the item.")])]),
        Case::new("note-in-quotation", vec![B::Quote(vec![t("Quoted"), n("On the quotation.")])]),
        Case::new("note-in-table", vec![B::Cell(vec![t("Cell"), n("On the cell.")])]),
        Case { bibliography: vec!["Smith, J. A Book. London, 1999.".into(), "Иванов И. И. Статья // Журнал. 1905. № 3.".into()], ..Case::new("only-bibliography", vec![]) },
        Case::new("nothing", vec![]),
        Case::new("empty-paragraph-text", vec![para(vec![t("")]), para(vec![t(" ")])]),
        Case::new("thousands-of-headings", (0..3000).map(|i| B::Heading(vec![t(format!("H{i}"))])).collect()),
        Case::new("thousands-of-notes", vec![para((0..2000).flat_map(|i| [t(format!("w{i}")), n(format!("Note {i}."))]).collect())]),
        Case::new("huge-note", vec![para(vec![t(lorem), n(lorem.repeat(2_000))])]),
        Case::new("long-words", long_words()),
        Case::new("right-to-left", vec![
            para(vec![t("المخطوطات العربية في أرشيف تفليس 1905، الصفحة 12"), n("انظر: ف. 1، ق. 2.")]),
            para(vec![t("כתב היד העברי (1905) נשמר בארכיון"), n("ראו שם.")]),
            para(vec![t("Mixed العربية and עברית with 42 numbers."), n("mixed")]),
        ]),
        Case::new("combining-marks", vec![para(vec![t("Z\u{335}\u{322}\u{30d}a\u{336}\u{317}\u{344}l\u{337}\u{31c}\u{35d}go and e\u{301}\u{302}\u{303}\u{304}\u{305}"), n("a\u{301}\u{301}\u{301}")])]),
        Case::new("emoji-and-cjk", vec![para(vec![t("档案馆 😀👩‍👩‍👧 🇺🇸 日本語の文 한국어"), n("注释 😀")])]),
        Case::new("zero-width", vec![para(vec![t("zero\u{200b}width\u{200c}non\u{200d}joiner\u{2060}\u{200e}\u{200f}\u{202e}reversed\u{202c}"), n("\u{200b}")])]),
        Case::new("control-characters", vec![para(vec![t("bell\u{7} escape\u{1b} del\u{7f} nel\u{85} vt\u{b} ff\u{c}"), n("nul\u{0}")])]),
        Case::new("noncharacters", vec![para(vec![t("\u{fffe}\u{ffff}\u{fdd0}\u{10ffff}"), n("\u{e000}")])]),
        Case { prefix: "\u{feff}", ..Case::new("bom", vec![para(vec![t(lorem), n("A note.")])]) },
        Case { newline: "\r\n", ..Case::new("crlf", vec![para(vec![t(lorem), n("A note.")]), B::Heading(vec![t("Next")])]) },
        Case { newline: "\r", ..Case::new("cr", vec![para(vec![t(lorem), n("A note.")]), B::Heading(vec![t("Next")])]) },
        Case::new("line-separators", vec![para(vec![t(format!("{lorem}\u{2028}{lorem}\u{2029}{lorem}")), n("a\u{2028}b")])]),
        Case::new("mixed-newlines", vec![para(vec![t("one\r\ntwo\rthree\nfour"), n("A note.")])]),
        Case { title: Some(String::new()), ..Case::new("empty-title", vec![para(vec![t(lorem)])]) },
        Case { title: None, ..Case::new("no-title", vec![para(vec![t(lorem), n("A note.")])]) },
        Case { title: Some("Title ".repeat(1_667)), ..Case::new("long-title", vec![para(vec![t(lorem)])]) },
        Case { authors: vec!["Ivan\u{7} Petrov\u{1b}".into(), "\u{0}".into(), String::new()], ..Case::new("control-characters-in-authors", vec![para(vec![t(lorem)])]) },
        Case { date: Some("1905-13-45".into()), ..Case::new("invalid-date", vec![para(vec![t(lorem)])]) },
        Case { date: Some("the spring of 1905".into()), ..Case::new("date-in-words", vec![para(vec![t(lorem)])]) },
        Case { lang: Some("xx-Zzzz".into()), ..Case::new("unknown-language", vec![para(vec![t(lorem)])]) },
        Case { lang: Some("tlh".into()), ..Case::new("klingon", vec![para(vec![t(lorem), n("Note.")])]) },
    ];
    v.retain(|c| !c.name.is_empty());
    v
}

/// Fragments of Rust `Debug` output a message for a person never holds.
const DEBUG_TEXT: &[&str] = &["{ ..", "Some(", "None)", "Err(", "Ok(", "Validation(", "\"}"];

fn assert_readable(case: &str, message: &str) {
    assert!(!message.trim().is_empty(), "{case}: an empty message");
    if let Some(d) = DEBUG_TEXT.iter().find(|d| message.contains(**d)) {
        panic!("{case}: Rust debug text `{d}` in: {message}");
    }
}

fn zip_texts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    (0..archive.len())
        .filter_map(|i| {
            let mut f = archive.by_index(i).ok()?;
            let mut s = String::new();
            f.read_to_string(&mut s).ok()?;
            Some((f.name().to_string(), s))
        })
        .collect()
}

/// Every note of the document, in abstracts and inside notes too.
fn all_notes(doc: &Document) -> usize {
    fn walk(notes: Vec<&Note>) -> usize {
        notes
            .into_iter()
            .map(|n| {
                let mut inner = Vec::new();
                n.content.iter().for_each(|b| b.collect_notes(&mut inner));
                1 + walk(inner)
            })
            .sum()
    }
    let mut top = doc.notes();
    doc.meta.abstracts.iter().flat_map(|a| &a.content).for_each(|b| b.collect_notes(&mut top));
    walk(top)
}

/// Counts the notes of one output, in the way its format writes them.
fn notes_in(format: Format, bytes: &[u8]) -> Option<usize> {
    let text = || String::from_utf8_lossy(bytes).into_owned();
    match format {
        Format::Tei => {
            let xml = text();
            Some(xml.matches("<note place=\"foot\"").count() + xml.matches("<note place=\"end\"").count())
        }
        Format::Epub => Some(
            zip_texts(bytes)
                .iter()
                .filter(|(n, _)| n.ends_with(".xhtml"))
                .map(|(_, t)| t.matches("<div id=\"note-").count())
                .sum(),
        ),
        Format::Docx => Some(
            zip_texts(bytes)
                .iter()
                .map(|(n, t)| match n.as_str() {
                    "word/footnotes.xml" => {
                        t.matches("<w:footnote ").count() - t.matches("<w:footnote w:type=").count()
                    }
                    "word/endnotes.xml" => {
                        t.matches("<w:endnote ").count() - t.matches("<w:endnote w:type=").count()
                    }
                    _ => 0,
                })
                .sum(),
        ),
        Format::Markdown => Some(
            text()
                .lines()
                .filter(|l| {
                    let l = l.trim_start();
                    l.starts_with("[^") && l.find(']').is_some_and(|i| l[i + 1..].starts_with(':'))
                })
                .count(),
        ),
        Format::Pdf | Format::Json => None,
    }
}

/// Reads `path`, then writes it in every format: every note of the model in every output,
/// every message free of debug text, at most 30 s. Returns the model's note count, or the
/// reader's (readable) message when it refused the input.
fn convert(label: &str, path: &Path, res: &Resources) -> Result<usize, String> {
    let start = Instant::now();
    let (doc, mut diags) = match colophon::load(path, None, res) {
        Ok(x) => x,
        Err(e) => {
            assert_readable(label, &e.to_string());
            assert!(matches!(e.exit_code(), 2..=4), "{label}: exit code {}", e.exit_code());
            return Err(e.to_string());
        }
    };
    let notes = all_notes(&doc);
    for f in Format::ALL.into_iter().chain([Format::Docx]) {
        let (bytes, d) = match colophon::write(&doc, f, res) {
            Ok(x) => x,
            Err(e) => {
                assert_eq!(f, Format::Pdf, "{label}: {f:?} refused: {e}");
                assert_readable(label, &e.to_string());
                continue;
            }
        };
        assert!(!bytes.is_empty(), "{label} {f:?}: empty output");
        if let Some(found) = notes_in(f, &bytes) {
            assert_eq!(found, notes, "{label} {f:?}: {found} notes of the model's {notes}");
        }
        if f == Format::Tei {
            let xml = String::from_utf8(bytes).expect("UTF-8");
            let mut r = quick_xml::Reader::from_str(&xml);
            loop {
                match r.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{label}: TEI not well-formed: {e}"),
                }
            }
            let bad = xml.chars().find(|&c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'));
            assert!(bad.is_none(), "{label}: TEI holds {bad:?}, which XML forbids");
        }
        diags.extend(d);
    }
    for d in &diags {
        assert_readable(label, &d.message);
    }
    assert!(start.elapsed() < Duration::from_secs(30), "{label}: {:?}", start.elapsed());
    Ok(notes)
}

/// Every case in every input format converts whole, or is refused with a readable message.
#[test]
fn degenerate_documents_convert_whole_in_every_format() {
    let res = Resources::builtin();
    let dir = tempfile::tempdir().unwrap();
    let mut converted = 0;
    let mut refused = Vec::new();
    for case in cases() {
        let inputs = [
            ("md", case.markdown(), true),
            ("tei.xml", case.tei(), true),
            ("json", case.json(), true),
            ("txt", case.text(), false),
        ];
        for (ext, input, notes_kept) in inputs {
            let label = format!("{}.{ext}", case.name);
            let path = dir.path().join(&label);
            std::fs::write(&path, input).unwrap();
            match convert(&label, &path, &res) {
                Ok(found) => {
                    converted += 1;
                    // The readers that mark notes keep every one (the text reader guesses).
                    if notes_kept {
                        assert_eq!(found, case.notes(), "{label}: notes read");
                    }
                }
                Err(message) => {
                    // Only NUL bytes are refused (binary data); a NUL escaped in JSON is text.
                    assert!(
                        case.name.starts_with("control-characters") && ext != "json",
                        "{label}: {message}"
                    );
                    refused.push(message)
                }
            }
        }
    }
    eprintln!("{converted} converted; refused:\n{}", refused.join("\n"));
    assert!(converted + refused.len() >= 50);
}

/// The command line on a few of them: an exit code of its table (0, or 3 for a refused
/// input), never a panic's 101, nothing about a panic on stderr.
#[test]
fn the_command_line_converts_or_refuses_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    for case in cases().into_iter().filter(|c| {
        ["empty-note", "only-a-call", "control-characters", "cr", "long-title", "thousands-of-notes"]
            .contains(&c.name)
    }) {
        for (ext, input) in [("md", case.markdown()), ("tei.xml", case.tei()), ("json", case.json())] {
            let path = dir.path().join(format!("{}.{ext}", case.name));
            std::fs::write(&path, input).unwrap();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_colophon"))
                .args(["convert", path.to_str().unwrap(), "-t", "tei,epub,md,docx", "-q", "-o"])
                .arg(dir.path().join("out"))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code();
            assert!(matches!(code, Some(0 | 3)), "{}.{ext}: exit {code:?}: {stderr}", case.name);
            assert!(!stderr.contains("panicked"), "{}.{ext}: {stderr}", case.name);
        }
    }
}
