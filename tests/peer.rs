//! Peer corpus scorer: what the SOURCE holds against what colophon's model keeps, kind by kind.
//!
//! The corpus under `tests/peer/` was written by others (pandoc's manual and test suite, TEI
//! Consortium test files, published essays, editions and journal articles; see
//! `tests/peer/SOURCES.md`). For every file the source's element kinds are counted
//! independently of colophon — Markdown through pandoc's own parser (`pandoc -f markdown -t
//! json`), TEI by walking the XML — then `colophon convert -v FILE -t json` is run and the same
//! kinds are counted in its JSON. A kind kept fewer times than the source holds it is a loss;
//! the loss is *reported* when colophon's diagnostics mention that kind or element as many
//! times, and *silent* otherwise.
//!
//! The test asserts only what holds today (nothing crashes; every file converts or fails with
//! a reported error; a few kinds keep at least their floor, see [`KEPT_FLOOR_PERCENT`]) and
//! prints the tables. `scripts/peer-score.sh` writes them to `tests/peer/REPORT.md`.
//!
//! The holdout third (`tests/peer/holdout/`) is scored only with `PEER_SETS=dev,holdout`.
//! Pandoc is found through `$PANDOC`, pypandoc or `PATH`; without it the Markdown half is
//! skipped loudly, or fails when `CI=true`.
//!
//! ## Kinds and the mapping of each side
//!
//! | kind | pandoc AST | TEI | colophon JSON |
//! |---|---|---|---|
//! | Para | `Para`, `Plain` | `p`, `ab` | `paragraph` |
//! | Header | `Header` | `head` of a `div`/`body` | `heading` |
//! | BlockQuote | `BlockQuote` | `cit`; `quote` outside a paragraph (not in `cit`), or inside one when it holds paragraphs or says `rend="display"`; `q`, `said` in a `div` or `body`, or holding verse lines | `quote` |
//! | Epigraph | — | `epigraph` | `quote` with `epigraph` |
//! | BulletList | `BulletList` | `list` (not ordered, not gloss) | `list` without `numbering` |
//! | OrderedList | `OrderedList` | `list` with `@type`/`@rend` ordered/numbered/decimal… | `list` with `numbering` |
//! | DefinitionList | `DefinitionList` | `list[@type=gloss]` | `definition_list` |
//! | CodeBlock | `CodeBlock` | `eg`, `egXML` (its content is not walked) | `code_block` |
//! | HorizontalRule | `HorizontalRule` | `milestone[@unit=section]` | `section_break` |
//! | Table | `Table` (content not walked) | `table` (content not walked) | — |
//! | Figure | `Figure`, `Image` outside a figure | `figure`, `graphic` outside a figure (content not walked) | — |
//! | Div | `Div` | — (divisions are sections) | — |
//! | LineBlock | `LineBlock` | the outermost `lg`, a run of `l` outside `lg` | `line_block` |
//! | Raw | `RawBlock`, `RawInline` | — | — |
//! | Note | `Note` | `note` | `note` |
//! | Emph | `Emph` | `emph`; `hi` italic (`@rend`, `@style`, `@rendition` resolved through `tagsDecl`) | `emph` |
//! | Strong | `Strong` | `hi` bold | `strong` |
//! | Superscript | `Superscript` | `hi` sup/superscript | `superscript` |
//! | Subscript | `Subscript` | `hi` sub/subscript | `subscript` |
//! | SmallCaps | `SmallCaps` | `hi` smallcaps/smcap/sc | `small_caps` |
//! | Underline | `Underline` | `hi` underline | `underline` |
//! | Strikeout | `Strikeout` | `hi` strikethrough | `strikeout` |
//! | HiOther | — | `hi` with no rendering above (spaced, antiqua…) | `highlight` |
//! | Code | `Code` | `code`, `gi`, `att`, `tag`, `val`, `ident` | `code` |
//! | LineBreak | `LineBreak` | `lb` inside a block (p, head, item, l, note, quote, closer…) | `line_break` |
//! | Link | `Link` | `ref`/`ptr` with `@target` | `link` |
//! | Span | `Span` | `foreign`; `hi` whose only rendition attribute is `xml:lang` | `span` |
//! | Math | `Math` | `formula` | `math` |
//! | Cite | `Cite` | `ref type="citation"`, `ref`/`ptr` to a bibliography entry | `citation` |
//! | Quoted | `Quoted` | `q`, `said` (not between paragraphs), `soCalled`; `quote` inside a paragraph (of running text, not displayed) | `quoted` |
//! | PageBreak | — | `pb` | `page_break` |
//! | LetterPart | — | `opener`, `closer`, `postscript`, `byline`, `trailer` | — |
//! | Name | — | `persName`, `placeName`, `orgName`, `name`, `rs` | `name` |
//! | Date | — | `date`, `time` | `date` |
//! | Choice | — | `choice` | `choice` |
//! | FrontPart | — | `titlePage` and `div` of the outermost `front` (not abstracts, keywords or notes) | `front` parts |
//! | EmbeddedText | — | `floatingText`; `text` in a `group` | `embedded_text` |
//!
//! Only the body is compared: pandoc's metadata (YAML, `%` title block) and TEI's
//! `teiHeader`, `front` and `back` are not counted, nor colophon's `meta` and `back`, but
//! for the divisions of TEI's front as such (FrontPart) and, from Markdown, the blocks in
//! colophon's `front` (pandoc counts them in their divs). Notes' content is counted on
//! every side.

use quick_xml::events::Event;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Floors on the kept share of a kind, summed over the DEV files of one format, that the test
/// asserts: raise them as the readers improve (`(format, kind, percent)`). They sit just under
/// today's figures; kinds not listed are reported but not asserted.
const KEPT_FLOOR_PERCENT: &[(&str, &str, u32)] = &[
    ("md", "Para", 90),
    ("md", "Header", 90),
    ("md", "Note", 90),
    ("md", "Emph", 90),
    ("md", "Strong", 90),
    ("tei", "Para", 80),
    ("tei", "Note", 80),
    ("tei", "Date", 90),
    ("tei", "Choice", 90),
    ("md", "Table", 100),
    ("md", "Figure", 100),
    ("tei", "Table", 100),
    ("tei", "Figure", 100),
    ("md", "Quoted", 90),
    ("md", "Link", 95),
    ("tei", "Quoted", 90),
    ("tei", "Code", 100),
    ("tei", "Link", 100),
    ("tei", "Underline", 100),
    ("tei", "HiOther", 90),
];

/// Kinds of the dev set the model may not hold more of than the source (a table made of a
/// code block or of prose is a loss too): (format, kind, most extra).
const EXTRA_CEILING: &[(&str, &str, usize)] = &[("md", "Table", 0), ("tei", "Table", 0)];

/// How many files may crash colophon (killed by a signal, or a non-zero exit with no error
/// on stderr). Zero today; keep it there.
const MAX_UNREPORTED_FAILURES: usize = 0;

/// Every kind, in the order of the tables, with colophon's JSON type for it (`None`: the
/// model has no such kind, so every instance is lost by design).
const KINDS: &[(&str, Option<&str>)] = &[
    ("Para", Some("paragraph")),
    ("Header", Some("heading")),
    ("BlockQuote", Some("quote")),
    ("Epigraph", Some("quote+epigraph")),
    ("BulletList", Some("list")),
    ("OrderedList", Some("list+numbering")),
    ("DefinitionList", Some("definition_list")),
    ("CodeBlock", Some("code_block")),
    ("HorizontalRule", Some("section_break")),
    ("Table", Some("table")),
    ("Figure", Some("figure")),
    ("Div", None),
    ("LineBlock", Some("line_block")),
    ("Raw", None),
    ("Note", Some("note")),
    ("Emph", Some("emph")),
    ("Strong", Some("strong")),
    ("Superscript", Some("superscript")),
    ("Subscript", Some("subscript")),
    ("SmallCaps", Some("small_caps")),
    ("Underline", Some("underline")),
    ("Strikeout", Some("strikeout")),
    ("HiOther", Some("highlight")),
    ("Code", Some("code")),
    ("LineBreak", Some("line_break")),
    ("Link", Some("link")),
    ("Span", Some("span")),
    ("Math", Some("math")),
    ("Cite", Some("citation")),
    ("Quoted", Some("quoted")),
    ("PageBreak", Some("page_break")),
    ("LetterPart", None),
    ("Name", Some("name")),
    ("Date", Some("date")),
    ("Choice", Some("choice")),
    ("FrontPart", Some("front")),
    ("EmbeddedText", Some("embedded_text")),
];

type Counts = BTreeMap<&'static str, usize>;

fn kind(name: &str) -> &'static str {
    KINDS.iter().find(|(k, _)| *k == name).map(|(k, _)| *k).unwrap_or_else(|| panic!("unknown kind {name}"))
}

fn bump(c: &mut Counts, k: &str) {
    *c.entry(kind(k)).or_insert(0) += 1;
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- pandoc (Markdown source)

fn pandoc_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("PANDOC") {
        return Some(PathBuf::from(p));
    }
    let py = Command::new("python3")
        .args(["-c", "import pypandoc; print(pypandoc.get_pandoc_path())"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .filter(|p| p.is_file());
    py.or_else(|| {
        Command::new("pandoc")
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| "pandoc".into())
    })
}

fn pandoc_version(pandoc: &Path) -> String {
    Command::new(pandoc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .map(|l| format!("`{}`, `-f markdown`", l.trim()))
        })
        .unwrap_or_else(|| "(version unknown)".into())
}

fn pandoc_counts(pandoc: &Path, file: &Path) -> Counts {
    let out =
        Command::new(pandoc).args(["-f", "markdown", "-t", "json"]).arg(file).output().expect("pandoc runs");
    assert!(
        out.status.success(),
        "pandoc failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let ast: Value = serde_json::from_slice(&out.stdout).expect("pandoc JSON");
    let mut c = Counts::new();
    walk_pandoc(&ast["blocks"], &mut c);
    c
}

fn walk_pandoc(v: &Value, c: &mut Counts) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk_pandoc(i, c)),
        Value::Object(o) => {
            let Some(t) = o.get("t").and_then(Value::as_str) else {
                o.values().for_each(|i| walk_pandoc(i, c));
                return;
            };
            let k = match t {
                "Para" | "Plain" => "Para",
                "Header" | "BlockQuote" | "BulletList" | "OrderedList" | "DefinitionList" | "CodeBlock"
                | "HorizontalRule" | "Table" | "Figure" | "Div" | "LineBlock" | "Note" | "Emph"
                | "Strong" | "Superscript" | "Subscript" | "SmallCaps" | "Underline" | "Strikeout"
                | "Code" | "LineBreak" | "Link" | "Span" | "Math" | "Cite" | "Quoted" => t,
                "Image" => "Figure",
                "RawBlock" | "RawInline" => "Raw",
                _ => "",
            };
            if !k.is_empty() {
                bump(c, k);
            }
            // A table or a figure is one unit: what it holds is not counted.
            if !matches!(t, "Table" | "Figure" | "Image") {
                if let Some(inner) = o.get("c") {
                    walk_pandoc(inner, c);
                }
            }
        }
        _ => {}
    }
}

/// The first line (1-based) of a Markdown file where a construct of `kind` appears, by a
/// rough look at the text (pandoc's JSON carries no positions); `None` when none is seen.
fn md_example_line(text: &str, kind: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let blank_before = |i: usize| i == 0 || lines[i - 1].trim().is_empty();
    let is_rule = |l: &str| {
        let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        t.len() >= 3
            && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*') || t.chars().all(|c| c == '_'))
    };
    let hit = |i: usize, l: &str| -> bool {
        let t = l.trim_start();
        match kind {
            "HorizontalRule" => is_rule(l) && blank_before(i),
            "CodeBlock" => {
                t.starts_with("```") || t.starts_with("~~~") || (l.starts_with("    ") && blank_before(i))
            }
            "Code" => l.contains('`') && !t.starts_with("```"),
            "LineBreak" => {
                (l.ends_with("  ") || l.ends_with('\\'))
                    && !l.trim().is_empty()
                    && lines.get(i + 1).is_some_and(|n| !n.trim().is_empty())
            }
            "Table" => {
                t.starts_with('|') || t.starts_with("+--") || (t.starts_with("---") && t.contains(' '))
            }
            "Figure" => l.contains("!["),
            "Div" => t.starts_with(":::") || t.starts_with("<div"),
            "LineBlock" => t.starts_with("| "),
            "Note" => l.contains("[^") || l.contains("^["),
            "Math" => l.contains('$'),
            "Cite" => l.contains("[@") || l.contains(" @"),
            "Strikeout" => l.contains("~~"),
            "Superscript" => l.contains('^') && !l.contains("[^"),
            "Subscript" => l.contains('~') && !l.contains("~~"),
            "SmallCaps" => l.contains("smallcaps") || l.contains("small-caps"),
            "Underline" => l.contains(".underline") || l.contains(".ul}"),
            "Span" => l.contains("]{"),
            "Raw" => t.starts_with('<') || l.contains("{=") || l.contains("</"),
            "Quoted" => l.contains('"') || l.contains('\''),
            "Strong" => l.contains("**") || l.contains("__"),
            "Emph" => l.contains('*') || l.contains('_'),
            "Link" => l.contains("](") || l.contains("<http") || l.contains("]["),
            "DefinitionList" => t.starts_with(":   ") || t.starts_with("~   ") || t.starts_with(": "),
            "BlockQuote" => t.starts_with('>'),
            "Header" => t.starts_with('#'),
            "BulletList" => t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ "),
            "OrderedList" => {
                let d = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '#' || c == '(');
                d.len() < t.len() && (d.starts_with(". ") || d.starts_with(") "))
            }
            "Para" => !l.trim().is_empty() && blank_before(i),
            _ => false,
        }
    };
    lines.iter().enumerate().find(|(i, l)| hit(*i, l)).map(|(i, _)| i + 1)
}

// ---------------------------------------------------------------- TEI source

/// What a rendition keyword or CSS declaration says, as kinds.
fn rendition_kinds(spec: &str) -> Vec<&'static str> {
    let s = spec.to_ascii_lowercase();
    let mut out = Vec::new();
    let css = s.contains(':');
    let words: Vec<&str> =
        s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    if (css && s.contains("italic")) || (!css && has(&["italic", "italics", "i", "it", "ital"])) {
        out.push("Emph");
    }
    if (css && s.contains("font-weight") && (s.contains("bold") || s.contains("700")))
        || (!css && has(&["bold", "b", "bo"]))
    {
        out.push("Strong");
    }
    if (css && s.contains("super")) || (!css && has(&["sup", "superscript", "super"])) {
        out.push("Superscript");
    }
    if (css && (s.contains("vertical-align:sub") || s.contains("vertical-align: sub")))
        || (!css && has(&["sub", "subscript"]))
    {
        out.push("Subscript");
    }
    if (css && s.contains("small-caps")) || (!css && has(&["smallcaps", "small-caps", "smcap", "sc", "k"])) {
        out.push("SmallCaps");
    }
    if (css && s.contains("underline")) || (!css && has(&["underline", "u", "ul"])) {
        out.push("Underline");
    }
    if (css && s.contains("line-through")) || (!css && has(&["strikethrough", "strike", "overstrike"])) {
        out.push("Strikeout");
    }
    out
}

fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn local(e: &quick_xml::events::BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// `xml:id` of each `<rendition>` to what its CSS or name says.
fn tei_renditions(xml: &str) -> BTreeMap<String, Vec<&'static str>> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut text = String::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if local(&e) == "rendition" => {
                current = attr(&e, b"xml:id").or_else(|| attr(&e, b"id"));
                text.clear();
            }
            Ok(Event::Text(t)) if current.is_some() => text.push_str(&String::from_utf8_lossy(t.as_ref())),
            Ok(Event::End(e)) if e.local_name().as_ref() == b"rendition" => {
                if let Some(id) = current.take() {
                    let mut k = rendition_kinds(&text);
                    if k.is_empty() {
                        k = rendition_kinds(&id);
                    }
                    out.insert(id, k);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

const BLOCKISH: &[&str] = &[
    "p",
    "ab",
    "head",
    "item",
    "l",
    "note",
    "quote",
    "closer",
    "opener",
    "dateline",
    "salute",
    "signed",
    "postscript",
    "byline",
    "addrLine",
    "cell",
    "label",
    "trailer",
    "epigraph",
    "cit",
    "q",
];

/// Counts the kinds of a TEI body; with each kind, the line of its first instance.
fn tei_counts(xml: &str) -> (Counts, BTreeMap<&'static str, usize>) {
    let renditions = tei_renditions(xml);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(xml.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |pos: usize| line_starts.partition_point(|&s| s <= pos);
    let mut r = quick_xml::Reader::from_str(xml);
    let mut c = Counts::new();
    let mut first: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut stack: Vec<String> = Vec::new();
    // Inside a table, figure or egXML (counted apart), or deleted text (`del`, which colophon
    // leaves out and reports once, with what it holds).
    let mut skip_depth: Option<usize> = None;
    // The depths of the quotations inside paragraphs counted as `Quoted` so far.
    let mut quoted_at: Vec<usize> = Vec::new();
    // The element closed last, with its depth (lines in a run are siblings).
    let mut last_closed: Option<(usize, String)> = None;
    loop {
        let pos = r.buffer_position() as usize;
        let ev = match r.read_event() {
            Ok(ev) => ev,
            Err(e) => panic!("TEI source is not well-formed XML at {pos}: {e}"),
        };
        let (e, empty) = match ev {
            Event::Start(e) => (e.into_owned(), false),
            Event::Empty(e) => (e.into_owned(), true),
            Event::End(_) => {
                last_closed = stack.pop().map(|n| (stack.len(), n));
                if quoted_at.last().is_some_and(|d| *d >= stack.len()) {
                    quoted_at.pop();
                }
                if skip_depth.is_some_and(|d| stack.len() < d) {
                    skip_depth = None;
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = local(&e);
        let in_body = stack.iter().any(|s| s == "body");
        let parent = stack.last().map(String::as_str).unwrap_or("");
        let mut kinds: Vec<&'static str> = Vec::new();
        // The outermost text's front divisions, and texts inside a group (outside any body).
        let typ = attr(&e, b"type").unwrap_or_default().to_ascii_lowercase();
        let front_div = matches!(name.as_str(), "titlePage" | "div" | "div1")
            && parent == "front"
            && stack.iter().filter(|s| *s == "text").count() == 1
            && !matches!(typ.as_str(), "abstract" | "keywords")
            && !typ.contains("note");
        if front_div {
            kinds.push("FrontPart");
        }
        if name == "text" && parent == "group" && !in_body {
            kinds.push("EmbeddedText");
        }
        if in_body && skip_depth.is_none() {
            let rend = attr(&e, b"rend").unwrap_or_default().to_ascii_lowercase();
            let typ = attr(&e, b"type").unwrap_or_default().to_ascii_lowercase();
            let inside = |names: &[&str]| stack.iter().any(|s| names.contains(&s.as_str()));
            match name.as_str() {
                "p" | "ab" if !(parent == "quote" && quoted_at.last() == Some(&(stack.len() - 1))) => {
                    kinds.push("Para")
                }
                "head" if parent == "body" || parent.starts_with("div") => kinds.push("Header"),
                "cit" => kinds.push("BlockQuote"),
                "quote" if parent == "cit" => {}
                // Set off from the text (`rend="display"`), or holding paragraphs (moved
                // below, at the first one): a block quotation, wherever it stands.
                "quote" if ["display", "block"].iter().any(|w| rend.split_whitespace().any(|r| r == *w)) => {
                    kinds.push("BlockQuote")
                }
                "quote" if inside(&["p", "ab", "l", "head", "item", "cell"]) => {
                    quoted_at.push(stack.len());
                    kinds.push("Quoted")
                }
                "p" | "ab" | "lg" | "list" | "l"
                    if matches!(parent, "quote" | "q" | "said")
                        && quoted_at.last() == Some(&(stack.len() - 1)) =>
                {
                    quoted_at.pop();
                    *c.entry(kind("Quoted")).or_insert(1) -= 1;
                    bump(&mut c, "BlockQuote");
                    match name.as_str() {
                        "p" | "ab" => kinds.push("Para"),
                        "lg" | "l" => kinds.push("LineBlock"),
                        _ => {}
                    }
                }
                "quote" => kinds.push("BlockQuote"),
                // One standing between paragraphs is a block quotation (OpenEdition's).
                "q" | "said" if parent == "body" || parent.starts_with("div") => kinds.push("BlockQuote"),
                "q" | "said" => {
                    quoted_at.push(stack.len());
                    kinds.push("Quoted")
                }
                "soCalled" => kinds.push("Quoted"),
                "epigraph" => kinds.push("Epigraph"),
                "list" if typ == "gloss" => kinds.push("DefinitionList"),
                "list" => {
                    let ordered =
                        ["ordered", "numbered", "decimal", "arabic", "roman", "alpha", "enumerated"];
                    // `unordered` holds the word `ordered`.
                    let says = |v: &str| !v.contains("unordered") && ordered.iter().any(|w| v.contains(w));
                    if says(&typ) || says(&rend) {
                        kinds.push("OrderedList")
                    } else {
                        kinds.push("BulletList")
                    }
                }
                "eg" | "egXML" => kinds.push("CodeBlock"),
                "milestone" if attr(&e, b"unit").is_some_and(|u| u == "section") => {
                    kinds.push("HorizontalRule")
                }
                "table" => kinds.push("Table"),
                "figure" => kinds.push("Figure"),
                "graphic" => kinds.push("Figure"),
                // A poem's stanzas are one line block in the model (a blank line between them).
                "lg" if !inside(&["lg"]) => kinds.push("LineBlock"),
                // A run of lines outside any group is one line block.
                "l" if !inside(&["lg"]) && last_closed.as_ref() != Some(&(stack.len(), "l".to_string())) => {
                    kinds.push("LineBlock")
                }
                "note" => kinds.push("Note"),
                "emph" => kinds.push("Emph"),
                // A `hi` saying only its language is a language span.
                "hi" if ["rend", "rendition", "style"].iter().all(|a| attr(&e, a.as_bytes()).is_none())
                    && attr(&e, b"xml:lang").is_some() =>
                {
                    kinds.push("Span")
                }
                "hi" => {
                    let mut k = rendition_kinds(&rend);
                    if let Some(style) = attr(&e, b"style") {
                        k.extend(rendition_kinds(&style));
                    }
                    if let Some(refs) = attr(&e, b"rendition") {
                        for id in refs.split_whitespace() {
                            let id = id.trim_start_matches('#');
                            match renditions.get(id) {
                                Some(found) => k.extend(found),
                                None => k.extend(rendition_kinds(id)),
                            }
                        }
                    }
                    k.sort();
                    k.dedup();
                    if k.is_empty() {
                        k.push("HiOther");
                    }
                    kinds.extend(k);
                }
                "code" | "gi" | "att" | "tag" | "val" | "ident" => kinds.push("Code"),
                "lb" if inside(BLOCKISH) => kinds.push("LineBreak"),
                "ref" | "ptr" if attr(&e, b"target").is_some() => kinds.push("Link"),
                "foreign" => kinds.push("Span"),
                "formula" => kinds.push("Math"),
                "pb" => kinds.push("PageBreak"),
                "opener" | "closer" | "postscript" | "byline" | "trailer" => kinds.push("LetterPart"),
                "persName" | "placeName" | "orgName" | "name" | "rs" => kinds.push("Name"),
                "date" | "time" => kinds.push("Date"),
                "choice" => kinds.push("Choice"),
                "floatingText" => kinds.push("EmbeddedText"),
                "text" if parent == "group" => kinds.push("EmbeddedText"),
                _ => {}
            }
        }
        {
            for k in &kinds {
                bump(&mut c, k);
                first.entry(kind(k)).or_insert_with(|| line_of(pos));
            }
        }
        if !empty {
            stack.push(name.clone());
            if in_body
                && skip_depth.is_none()
                && matches!(name.as_str(), "table" | "figure" | "egXML" | "del")
            {
                skip_depth = Some(stack.len());
            }
        }
    }
    (c, first)
}

// ---------------------------------------------------------------- colophon's JSON

fn model_counts(doc: &Value, format: &str) -> Counts {
    let mut c = Counts::new();
    for part in doc["front"].as_array().into_iter().flatten() {
        bump(&mut c, "FrontPart");
        // Pandoc counts the blocks of a front division's div; TEI's front is not counted.
        if format == "md" {
            part["blocks"].as_array().into_iter().flatten().for_each(|b| model_block(b, &mut c));
        }
    }
    if let Some(body) = doc["body"].as_array() {
        body.iter().for_each(|b| model_block(b, &mut c));
    }
    c
}

fn model_block(b: &Value, c: &mut Counts) {
    let t = b["type"].as_str().unwrap_or("");
    match t {
        "paragraph" => bump(c, "Para"),
        "heading" => bump(c, "Header"),
        "quote" if b["epigraph"].as_bool() == Some(true) => bump(c, "Epigraph"),
        "quote" => bump(c, "BlockQuote"),
        "list" if b.get("numbering").is_some_and(|n| !n.is_null()) => bump(c, "OrderedList"),
        "list" => bump(c, "BulletList"),
        "definition_list" => bump(c, "DefinitionList"),
        "code_block" => bump(c, "CodeBlock"),
        "section_break" => bump(c, "HorizontalRule"),
        "embedded_text" => bump(c, "EmbeddedText"),
        "line_block" => {
            bump(c, "LineBlock");
            for line in b["lines"].as_array().into_iter().flatten() {
                line.as_array().into_iter().flatten().for_each(|i| model_inline(i, c));
            }
        }
        // One unit each, as pandoc's are counted: what they hold is not counted.
        "table" => return bump(c, "Table"),
        "figure" => return bump(c, "Figure"),
        other => panic!("unknown block type {other:?} in colophon's JSON"),
    }
    for key in ["content", "source"] {
        if let Some(inl) = b.get(key).and_then(Value::as_array) {
            inl.iter().for_each(|i| model_inline(i, c));
        }
    }
    if let Some(blocks) = b.get("blocks").and_then(Value::as_array) {
        blocks.iter().for_each(|x| model_block(x, c));
    }
    if let Some(items) = b.get("items").and_then(Value::as_array) {
        for item in items {
            match item {
                // A list item: blocks.
                Value::Array(blocks) => blocks.iter().for_each(|x| model_block(x, c)),
                // A definition: its term (inlines) and details (lists of blocks).
                Value::Object(d) => {
                    d.get("term")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .for_each(|i| model_inline(i, c));
                    for det in d.get("details").and_then(Value::as_array).into_iter().flatten() {
                        det.as_array().into_iter().flatten().for_each(|x| model_block(x, c));
                    }
                }
                _ => {}
            }
        }
    }
}

fn model_inline(i: &Value, c: &mut Counts) {
    let t = i["type"].as_str().unwrap_or("");
    let k = match t {
        "emph" => "Emph",
        "strong" => "Strong",
        "superscript" => "Superscript",
        "subscript" => "Subscript",
        "small_caps" => "SmallCaps",
        "code" => "Code",
        "line_break" => "LineBreak",
        "link" => "Link",
        "span" => "Span",
        "note" => "Note",
        "page_break" => "PageBreak",
        "citation" => "Cite",
        "math" => "Math",
        "name" => "Name",
        "date" => "Date",
        "choice" => "Choice",
        "quoted" => "Quoted",
        "underline" => "Underline",
        "strikeout" => "Strikeout",
        "highlight" => "HiOther",
        // pandoc reads an image in a line as an `Image`, counted as a figure.
        "image" => "Figure",
        "ref" => "Link",
        "text" | "shelfmark" => "",
        other => panic!("unknown inline type {other:?} in colophon's JSON"),
    };
    if !k.is_empty() {
        bump(c, k);
    }
    match t {
        // A note's content is blocks.
        "note" => i["content"].as_array().into_iter().flatten().for_each(|b| model_block(b, c)),
        // A choice's two readings are inlines.
        "choice" => {
            for key in ["shown", "other"] {
                i[key].as_array().into_iter().flatten().for_each(|x| model_inline(x, c));
            }
        }
        _ => i["content"].as_array().into_iter().flatten().for_each(|x| model_inline(x, c)),
    }
}

// ---------------------------------------------------------------- diagnostics

/// The kinds one diagnostic line speaks of: by the TEI element it names (`<table>`), or by
/// the words of a Markdown message.
fn diagnostic_kinds(line: &str) -> Vec<&'static str> {
    let l = line.to_ascii_lowercase();
    let mut out: Vec<&'static str> = Vec::new();
    // TEI: the element named between angle brackets.
    let mut rest = line;
    while let Some(a) = rest.find('<') {
        let after = &rest[a + 1..];
        let end =
            after.find(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '_')).unwrap_or(after.len());
        let el = after[..end].rsplit(':').next().unwrap_or("");
        let k: &[&'static str] = match el {
            "p" | "ab" => &["Para"],
            "head" => &["Header"],
            "quote" => &["BlockQuote", "Quoted"],
            "cit" => &["BlockQuote"],
            "q" | "said" | "soCalled" => &["Quoted", "BlockQuote"],
            "epigraph" => &["Epigraph"],
            "list" => &["BulletList", "OrderedList", "DefinitionList"],
            "eg" | "egXML" => &["CodeBlock"],
            "milestone" => &["HorizontalRule"],
            "table" => &["Table"],
            "figure" | "graphic" => &["Figure"],
            "lg" | "l" => &["LineBlock"],
            "note" => &["Note"],
            "emph" => &["Emph"],
            "hi" => &[
                "Emph",
                "Strong",
                "Superscript",
                "Subscript",
                "SmallCaps",
                "Underline",
                "Strikeout",
                "HiOther",
            ],
            "code" | "gi" | "att" | "tag" | "val" | "ident" => &["Code"],
            "lb" => &["LineBreak"],
            "ref" | "ptr" => &["Link"],
            "foreign" => &["Span"],
            "formula" => &["Math"],
            "pb" => &["PageBreak"],
            "opener" | "closer" | "postscript" | "byline" | "trailer" => &["LetterPart"],
            "persName" | "placeName" | "orgName" | "name" | "rs" => &["Name"],
            "date" | "time" => &["Date"],
            "choice" => &["Choice"],
            _ => &[],
        };
        out.extend(k);
        rest = &after[end..];
    }
    // Markdown: the construct the message names.
    let phrases: &[(&str, &'static str)] = &[
        ("horizontal rule", "HorizontalRule"),
        ("thematic break", "HorizontalRule"),
        ("line break", "LineBreak"),
        ("code block", "CodeBlock"),
        ("inline code", "Code"),
        ("html", "Raw"),
        ("html block", "Div"),
        ("raw ", "Raw"),
        ("image", "Figure"),
        ("figure", "Figure"),
        ("table", "Table"),
        ("footnote", "Note"),
        ("strikethrough", "Strikeout"),
        ("strikeout", "Strikeout"),
        ("definition list", "DefinitionList"),
        ("math", "Math"),
        ("superscript", "Superscript"),
        ("subscript", "Subscript"),
        ("small cap", "SmallCaps"),
        ("line block", "LineBlock"),
        ("fenced div", "Div"),
        ("citation", "Cite"),
        ("block quot", "BlockQuote"),
        ("task list", "BulletList"),
        ("bracketed span", "Span"),
    ];
    if !line.contains('<') {
        for (p, k) in phrases {
            if l.contains(p) {
                out.push(k);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

// ---------------------------------------------------------------- scoring

#[derive(Default, Clone)]
struct Row {
    source: usize,
    kept: usize,
    extra: usize,
    reported: usize,
    silent: usize,
    /// (silent losses, file, example line) of the file that loses this kind most silently.
    worst: Option<(usize, String, Option<usize>)>,
}

struct FileScore {
    rel: String,
    format: &'static str,
    exit: Option<i32>,
    errors: usize,
    rows: BTreeMap<&'static str, Row>,
}

fn colophon_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_colophon"))
}

fn score_file(file: &Path, format: &'static str, pandoc: Option<&Path>) -> FileScore {
    let rel = file.strip_prefix(root()).unwrap_or(file).display().to_string();
    let text = std::fs::read_to_string(file).expect("reads source");
    let (src, first_tei) = match format {
        "md" => (pandoc_counts(pandoc.expect("pandoc"), file), BTreeMap::new()),
        _ => tei_counts(&text),
    };
    let out_dir = tempfile::tempdir().unwrap();
    let run = Command::new(colophon_bin())
        .args(["convert", "-v"])
        .arg(file)
        .args(["-t", "json", "-o"])
        .arg(out_dir.path())
        .output()
        .expect("colophon runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    let diag_lines: Vec<&str> = stderr.lines().filter(|l| l.contains("[") && l.contains("]:")).collect();
    let errors = stderr.lines().filter(|l| l.contains("error")).count();
    let mut mentions = Counts::new();
    for l in &diag_lines {
        for k in diagnostic_kinds(l) {
            *mentions.entry(k).or_insert(0) += 1;
        }
    }
    let model = if run.status.success() {
        let stem = file.file_stem().unwrap().to_string_lossy();
        let json =
            std::fs::read_to_string(out_dir.path().join(format!("{stem}.json"))).expect("JSON written");
        model_counts(&serde_json::from_str(&json).expect("colophon JSON parses"), format)
    } else {
        Counts::new()
    };
    let mut rows = BTreeMap::new();
    for (k, _) in KINDS {
        let s = src.get(k).copied().unwrap_or(0);
        let m = model.get(k).copied().unwrap_or(0);
        if s == 0 && m == 0 {
            continue;
        }
        let lost = s.saturating_sub(m);
        let reported = lost.min(mentions.get(k).copied().unwrap_or(0));
        let silent = lost - reported;
        let line = if format == "md" { md_example_line(&text, k) } else { first_tei.get(k).copied() };
        let worst = (silent > 0).then(|| (silent, rel.clone(), line));
        rows.insert(
            *k,
            Row { source: s, kept: s.min(m), extra: m.saturating_sub(s), reported, silent, worst },
        );
    }
    FileScore { rel, format, exit: run.status.code(), errors, rows }
}

fn sum(files: &[&FileScore]) -> BTreeMap<&'static str, Row> {
    let mut out: BTreeMap<&'static str, Row> = BTreeMap::new();
    for f in files {
        for (k, r) in &f.rows {
            let t = out.entry(k).or_default();
            t.source += r.source;
            t.kept += r.kept;
            t.extra += r.extra;
            t.reported += r.reported;
            t.silent += r.silent;
            if let Some(w) = &r.worst {
                if t.worst.as_ref().is_none_or(|tw| w.0 > tw.0) {
                    t.worst = Some(w.clone());
                }
            }
        }
    }
    out
}

fn pct(kept: usize, source: usize) -> String {
    if source == 0 {
        "—".into()
    } else {
        format!("{:.0}%", 100.0 * kept as f64 / source as f64)
    }
}

fn table(title: &str, files: &[&FileScore], out: &mut String) {
    let rows = sum(files);
    let _ = writeln!(out, "\n### {title} ({} files)\n", files.len());
    let _ = writeln!(
        out,
        "| kind | model type | source | kept | kept % | lost, reported | lost, silent | extra in model |"
    );
    let _ = writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|");
    for (k, model) in KINDS {
        let Some(r) = rows.get(k) else { continue };
        let _ = writeln!(
            out,
            "| {k} | {} | {} | {} | {} | {} | {} | {} |",
            model.unwrap_or("— (none)"),
            r.source,
            r.kept,
            pct(r.kept, r.source),
            r.reported,
            r.silent,
            r.extra
        );
    }
}

fn worst(title: &str, files: &[&FileScore], out: &mut String) {
    let rows = sum(files);
    let model_of = |k: &str| KINDS.iter().find(|(n, _)| *n == k).and_then(|(_, m)| *m);
    let mut v: Vec<(&str, &Row)> = rows.iter().filter(|(_, r)| r.silent > 0).map(|(k, r)| (*k, r)).collect();
    v.sort_by(|a, b| b.1.silent.cmp(&a.1.silent).then(a.0.cmp(b.0)));
    for (has_model, heading) in [
        (true, "kinds the model has (a reader drops them without a word)"),
        (false, "kinds the model lacks (by design today; the text is usually kept, the markup is not)"),
    ] {
        let _ = writeln!(out, "\n#### Silent losses, {title}: {heading}\n");
        let mut any = false;
        for (k, r) in v.iter().filter(|(k, _)| model_of(k).is_some() == has_model) {
            any = true;
            let (n, file, line) = r.worst.clone().unwrap();
            let at = line.map(|l| format!("{file}:{l}")).unwrap_or(file);
            let model = model_of(k).map(|m| format!(" (model `{m}`)")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{k}**{model}: {} of {} lost silently; e.g. {at} ({n} there)",
                r.silent, r.source
            );
        }
        if !any {
            let _ = writeln!(out, "None.");
        }
    }
    let reported: Vec<String> = rows
        .iter()
        .filter(|(k, r)| r.reported > 0 && model_of(k).is_some())
        .map(|(k, r)| format!("{k} {} (model `{}`)", r.reported, model_of(k).unwrap()))
        .collect();
    if !reported.is_empty() {
        let _ = writeln!(
            out,
            "\nReported losses of kinds the model now has (the reader could keep them): {}.",
            reported.join(", ")
        );
    }
}

fn corpus(set: &str, format: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/peer").join(set).join(format);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == if format == "md" { "md" } else { "xml" }))
        .collect();
    v.sort();
    v
}

#[test]
fn peer_corpus_kinds_kept() {
    let sets: Vec<String> = std::env::var("PEER_SETS")
        .unwrap_or_else(|_| "dev".into())
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let pandoc = pandoc_path();
    if pandoc.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pandoc is required on CI (CI=true): set $PANDOC, install pypandoc, or put pandoc on PATH"
        );
        eprintln!("\n!!! peer: pandoc NOT FOUND: the Markdown half of the peer corpus is SKIPPED !!!\n");
    }
    let mut report = String::new();
    let _ = writeln!(report, "<!-- peer-report-begin -->");
    let _ = writeln!(
        report,
        "Source kinds counted independently of colophon (pandoc {} for Markdown, an XML walk for TEI) \
         against the kinds in `colophon convert -v FILE -t json`. *kept* = per file, the smaller of \
         the two counts; *extra* = kinds the model holds beyond the source's count (splits, or \
         kinds made from others). A loss is *reported* when colophon's diagnostics for that file \
         name the kind or element (one diagnostic covers one instance), *silent* otherwise.",
        pandoc.as_deref().map(pandoc_version).unwrap_or_else(|| "(absent)".into())
    );
    let mut failures = Vec::new();
    let mut unreported = 0;
    for set in &sets {
        let mut scores = Vec::new();
        for format in ["md", "tei"] {
            if format == "md" && pandoc.is_none() {
                continue;
            }
            for f in corpus(set, format) {
                scores.push(score_file(&f, if format == "md" { "md" } else { "tei" }, pandoc.as_deref()));
            }
        }
        let _ = writeln!(report, "\n## {set}\n");
        let _ = writeln!(report, "| file | exit | kinds lost silently |\n|---|--:|---|");
        for s in &scores {
            let silent: Vec<String> = s
                .rows
                .iter()
                .filter(|(_, r)| r.silent > 0)
                .map(|(k, r)| format!("{k} {}", r.silent))
                .collect();
            let _ = writeln!(
                report,
                "| {} | {} | {} |",
                s.rel,
                s.exit.map(|c| c.to_string()).unwrap_or("signal".into()),
                silent.join(", ")
            );
            match s.exit {
                Some(0) => {}
                Some(_) if s.errors > 0 => failures.push(format!("{} (exit {:?}, reported)", s.rel, s.exit)),
                _ => {
                    unreported += 1;
                    failures.push(format!("{} (exit {:?}, NOT reported)", s.rel, s.exit));
                }
            }
        }
        for format in ["md", "tei"] {
            let files: Vec<&FileScore> = scores.iter().filter(|s| s.format == format).collect();
            if files.is_empty() {
                continue;
            }
            let name = if format == "md" { "Markdown" } else { "TEI" };
            table(&format!("{set}, {name}"), &files, &mut report);
            worst(&format!("{set}, {name}"), &files, &mut report);
            if set == "dev" {
                let rows = sum(&files);
                for (fmt, k, floor) in KEPT_FLOOR_PERCENT {
                    if *fmt != format {
                        continue;
                    }
                    let r = rows.get(k).cloned().unwrap_or_default();
                    if let Some(p) = (100 * r.kept).checked_div(r.source) {
                        assert!(p >= *floor as usize, "{set} {name} {k}: kept {p}% < floor {floor}%");
                    }
                }
                for (fmt, k, most) in EXTRA_CEILING.iter().filter(|(f, ..)| *f == format) {
                    let extra = rows.get(k).map_or(0, |r| r.extra);
                    assert!(
                        extra <= *most,
                        "{set} {name} {k}: {extra} more in the model than in the sources ({fmt})"
                    );
                }
            }
        }
    }
    let _ = writeln!(report, "\n<!-- peer-report-end -->");
    println!("{report}");
    if !failures.is_empty() {
        eprintln!("peer: files colophon did not convert: {failures:?}");
    }
    // A limit, not an expectation: `>=` keeps the check meaningful if the limit is ever raised.
    assert!(
        MAX_UNREPORTED_FAILURES.checked_sub(unreported).is_some(),
        "colophon crashed or failed silently on {unreported} files (limit {MAX_UNREPORTED_FAILURES}): {failures:?}"
    );
}
