//! The print PDF: fonts embedded and subset, text extractable, PDF/A-2b metadata, every note
//! at the foot of the page of its call, identical bytes on every run.

mod common;

use colophon::model::{plain_text, Anchor, Block, Document, Inline, Note};
use colophon::{Format, Resources};
use common::*;
use std::path::Path;

fn pdf_of(path: &Path) -> Vec<u8> {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(path, None, &res).unwrap();
    colophon::write(&doc, Format::Pdf, &res).unwrap().0
}

fn example() -> std::path::PathBuf {
    root().join("input/zangezur-article.txt")
}

#[test]
fn the_example_passes_qpdf_and_poppler_checks() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, pdf_of(&example())).unwrap();
    let p = pdf.to_str().unwrap();
    if let Some(o) = pdf_tool("qpdf", &["--check", p]) {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
        // Every call links to its note and every note back to its call; the outline is there.
        let q = dir.path().join("q.pdf");
        pdf_tool("qpdf", &["--qdf", "--object-streams=disable", p, q.to_str().unwrap()]);
        let raw = std::fs::read(&q).unwrap();
        let count = |needle: &[u8]| raw.windows(needle.len()).filter(|w| *w == needle).count();
        assert_eq!(count(b"/Subtype /Link"), 206);
        assert_eq!(count(b"/Type /Outlines"), 1);
    }
    if let Some(o) = pdf_tool("pdffonts", &[p]) {
        let t = String::from_utf8_lossy(&o.stdout).into_owned();
        let fonts: Vec<&str> = t.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{t}");
        for f in fonts {
            let cols: Vec<&str> = f.split_whitespace().collect();
            assert_eq!(
                &cols[cols.len() - 5..cols.len() - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, Unicode: {f}"
            );
        }
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-meta", p]) {
        let t = String::from_utf8_lossy(&o.stdout);
        // PDF/A-2a (tagged, Unicode) and PDF/UA-1, as krilla validated them at export.
        assert!(
            t.contains("<pdfaid:part>2</pdfaid:part>")
                && t.contains("<pdfaid:conformance>A</pdfaid:conformance>")
                && t.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{t}"
        );
        assert!(t.contains("<rdf:li>en</rdf:li>"), "the document language");
    }
    if let Some(o) = pdf_tool("pdftotext", &[p, "-"]) {
        // Words from every script of the article, as printed (lines joined at hyphens).
        let text = String::from_utf8_lossy(&o.stdout).replace("-\n", "").replace('\n', " ");
        for want in ["Zəngəzur", "Нариманова", "РГАСПИ", "şiddetli", "ARPİİİSSA", "Качазнуни"]
        {
            assert!(text.contains(want), "{want} missing from the PDF's text");
        }
    }
}

#[test]
fn every_note_starts_on_the_page_of_its_call() {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let l =
        colophon::typeset::layout::layout(&doc, &res.fonts(), &colophon::typeset::layout::PageStyle::a4());
    assert_eq!(l.notes.len(), 103);
    for (label, call, start) in &l.notes {
        assert_eq!(call, start, "note {label}");
    }
    assert_eq!(l.overfull, 0);
    // And in the PDF itself, every note: the page of its call holds the call (the label raised
    // after the word it follows, as the model has it) before the notes, and a line that opens
    // with the label and a space (the note). One pdftotext run, cut into pages.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, pdf_of(&example())).unwrap();
    let Some(pages) = pdf_pages(&pdf) else { return };
    assert_eq!(pages.len(), l.pages.len(), "pages in the PDF and in the layout");
    let calls = notes_with_calls(&doc);
    let labels: Vec<&str> = calls.iter().map(|(n, _)| n.label.as_str()).collect();
    assert_eq!(
        labels,
        l.notes.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(),
        "model and layout note order"
    );
    let mut failures = Vec::new();
    for ((label, call, start), (note, word)) in l.notes.iter().zip(&calls) {
        let text = &pages[start - 1];
        // A note whose call the reader inferred is labelled `75?`.
        let printed = if note.anchor == Anchor::Inferred { format!("{label}?") } else { label.clone() };
        let Some(line) = text.lines().position(|ln| ln.starts_with(&format!("{printed} "))) else {
            let opening: String = model_chars(&note_text(note)).into_iter().take(12).collect();
            let first = format!("{label} {opening}");
            let shown = text.lines().find_map(|ln| {
                let at = ln.find(&first)?;
                let before: String =
                    ln[..at].chars().rev().take(60).collect::<Vec<_>>().into_iter().rev().collect();
                Some(format!("…{before}⟦{first}⟧…"))
            });
            failures.push(match shown {
                Some(shown) => format!(
                    "note {label}: no line on page {start} opens with {label:?} and a space; the note's \
                     first line, {first:?}…, is joined to the line before it: {shown}"
                ),
                None => format!("note {label}: its first line, {first:?}…, is not on page {start}"),
            });
            continue;
        };
        // The call (on the same page, as asserted above): the word before it and the label, not
        // followed by a digit, above the note.
        let above: String = text.lines().take(line).collect::<Vec<_>>().join("\n");
        let body = pdf_tokens(&above);
        let needle = model_chars(&format!("{word}{label}"));
        let mut next = Vec::new();
        let found = (0..body.len()).any(|j| {
            let Some(r) = match_at(&needle, &body, (0, j), Vec::new(), false, &mut Reach::default()) else {
                return false;
            };
            match body.get(r.end) {
                Some(Tok::Ch(c)) if c.is_ascii_digit() => {
                    next.push(shown(&body, r.end));
                    false
                }
                _ => true,
            }
        });
        if !found {
            let needle: String = needle.iter().collect();
            failures.push(if next.is_empty() {
                format!("note {label}: the call {needle:?} is not on page {call} above the note")
            } else {
                format!(
                    "note {label}: the call {needle:?} on page {call} runs into the digits that follow \
                     it, so it does not read as {label:?}: {}",
                    next.join(" | ")
                )
            });
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn two_runs_give_the_same_bytes_and_a_tei_input_prints_the_same() {
    let a = pdf_of(&example());
    assert_eq!(a, pdf_of(&example()));
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tei = dir.path().join("a.tei.xml");
    std::fs::write(&tei, colophon::write(&doc, Format::Tei, &res).unwrap().0).unwrap();
    assert_eq!(pdf_of(&tei), a, "the TEI route gives the same PDF");
}

// ---------------------------------------------------------------------------------------------
// Completeness of the PDF's text: every note and every bibliography entry, letter for letter.
// ---------------------------------------------------------------------------------------------

/// Every note of `doc` in the order the print layout sets them (abstracts, body, bibliography),
/// each with the last word printed before its call (calls of earlier notes included, as
/// printed), or "" when the call opens its paragraph.
fn notes_with_calls(doc: &Document) -> Vec<(&Note, String)> {
    /// `call_end`: where the last call ended in `before`.
    fn walk<'a>(
        inl: &'a [Inline],
        before: &mut String,
        call_end: &mut usize,
        out: &mut Vec<(&'a Note, String)>,
    ) {
        for i in inl {
            match i {
                Inline::Text { text } => before.push_str(text),
                Inline::Shelfmark(m) => before.push_str(&m.raw),
                Inline::PageBreak { .. } => {}
                Inline::Code { text } => before.push_str(text),
                Inline::LineBreak => before.push(' '),
                Inline::Note(n) => {
                    // Calls side by side are printed with a raised comma between them.
                    if *call_end == before.len() && !before.is_empty() {
                        before.push(',');
                    }
                    let word = before.rsplit(char::is_whitespace).next().unwrap_or("").to_string();
                    out.push((n, word));
                    before.push_str(&n.label);
                    *call_end = before.len();
                }
                other => walk(other.children(), before, call_end, out),
            }
        }
    }
    let mut out = Vec::new();
    let blocks = doc.meta.abstracts.iter().flat_map(|a| a.content.iter().map(Block::content));
    let entries = doc.back.bibliography.iter().flat_map(|b| b.entries.iter().map(|e| &e.content[..]));
    for inl in blocks.chain(doc.body.iter().map(Block::content)).chain(entries) {
        walk(inl, &mut String::new(), &mut 0, &mut out);
    }
    out
}

/// One unit of the PDF's text after normalisation.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Ch(char),
    /// A `-` that ended a line: a line-break hyphen (nothing: the word goes on), or a real hyphen
    /// (`Azerbaijani-` / `Armenian`), or a real one with a space after it (`a -` / `b`).
    OptHyphen,
    /// A line end where a long token such as a web address was broken without a hyphen (after
    /// `/ _ . ? & =`, the break points the line breaker adds there): a space or nothing.
    OptSpace,
}

/// Normalises pdftotext's output for comparison with the model's text.
///
/// Whitespace runs (newlines, form feeds included) become one space, on both sides: this keeps
/// word boundaries, so words glued together or split apart are caught (comparing with all
/// whitespace removed would hide both). Line ends are the exception where print is ambiguous:
/// a `-` at a line end may be a line-break hyphen or a real one, so it matches either way
/// ([`Tok::OptHyphen`]), and so may a break in a web address ([`Tok::OptSpace`]). A soft hyphen
/// (U+00AD) at a line end is a line-break hyphen and is joined; one anywhere else is invisible.
/// (pdftotext's default mode itself joins a line that ends in `-` to the next and drops the
/// hyphen, real or not: [`match_at`] allows for that.)
fn pdf_tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cs = text.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = cs.next() {
        let mut ws = String::new();
        if c.is_whitespace() {
            ws.push(c);
        }
        if c.is_whitespace() || c == '-' || c == '\u{ad}' {
            while let Some(&w) = cs.peek().filter(|w| w.is_whitespace()) {
                ws.push(w);
                cs.next();
            }
        }
        let line_end = ws.contains(['\n', '\u{c}']);
        match c {
            '-' if line_end => out.push(Tok::OptHyphen),
            '\u{ad}' if line_end => {}
            '\u{ad}' if !ws.is_empty() => out.push(Tok::Ch(' ')),
            '\u{ad}' => {}
            '-' if !ws.is_empty() => out.extend([Tok::Ch('-'), Tok::Ch(' ')]),
            _ if ws.is_empty() => out.push(Tok::Ch(c)),
            _ if line_end && ['/', '_', '.', '?', '&', '='].contains(&prev) => out.push(Tok::OptSpace),
            _ => out.push(Tok::Ch(' ')),
        }
        prev = c;
    }
    out
}

/// The model's text with whitespace runs collapsed to one space, trimmed.
fn model_chars(text: &str) -> Vec<char> {
    text.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect()
}

/// How far matching `m` against `t` got: model chars matched and the PDF position reached.
#[derive(Debug, Clone, Copy, Default)]
struct Reach {
    matched: usize,
    at: usize,
}

/// A match of the model's text in the PDF's: model chars matched (all, unless `partial`), where
/// it ends in the PDF's tokens, and the model's hyphens that the PDF's text lacks.
struct Match {
    matched: usize,
    end: usize,
    dropped: Vec<usize>,
}

/// Matches `m[i..]` at `t[j..]`, recording in `best` the farthest it got. With `partial`, a
/// match that runs to the end of `t` counts (the rest continues elsewhere).
///
/// pdftotext's default mode joins a line ending in `-` to the next and drops the hyphen, real or
/// not, so a model `-` (with one of the spaces around it, `a - b`) may be missing; each such
/// hyphen is returned so the caller can check that it stood at a line end.
fn match_at(
    m: &[char],
    t: &[Tok],
    (mut i, mut j): (usize, usize),
    mut dropped: Vec<usize>,
    partial: bool,
    best: &mut Reach,
) -> Option<Match> {
    loop {
        if i > best.matched {
            *best = Reach { matched: i, at: j };
        }
        if i == m.len() || partial && j == t.len() {
            return Some(Match { matched: i, end: j, dropped });
        }
        match t.get(j) {
            Some(Tok::OptHyphen) => {
                if m[i] == '-' {
                    for k in [i + 2, i + 1] {
                        if k == i + 2 && m.get(i + 1) != Some(&' ') {
                            continue;
                        }
                        if let Some(r) = match_at(m, t, (k, j + 1), dropped.clone(), partial, best) {
                            return Some(r);
                        }
                    }
                }
                j += 1;
            }
            Some(Tok::OptSpace) => {
                if m[i] == ' ' {
                    if let Some(r) = match_at(m, t, (i + 1, j + 1), dropped.clone(), partial, best) {
                        return Some(r);
                    }
                }
                j += 1;
            }
            Some(Tok::Ch(c)) if *c == m[i] => {
                i += 1;
                j += 1;
            }
            _ if m[i] == '-' => {
                let spaced = m.get(i + 1) == Some(&' ') && (i == 0 || m[i - 1] == ' ');
                dropped.push(i);
                i += 1 + usize::from(spaced);
            }
            _ => return None,
        }
    }
}

/// Finds all of `m` in the pages' text `t` (pages joined, running heads and folios removed), or
/// else, for a note that runs over a page break, its beginning at the end of one page's
/// `pages` and the rest at a line start of the next (after that page's text). Returns the
/// hyphens lacking, or the farthest any attempt got.
fn find(m: &[char], t: &[Tok], pages: &[String]) -> Result<Vec<usize>, Reach> {
    let mut best = Reach::default();
    for j in 0..t.len() {
        if let Some(r) = match_at(m, t, (0, j), Vec::new(), false, &mut best) {
            return Ok(r.dropped);
        }
    }
    let mut scratch = Reach::default();
    for (p, next) in pages.iter().zip(pages.iter().skip(1)) {
        let here = pdf_tokens(p.trim_end());
        for j in 0..here.len() {
            let Some(head) = match_at(m, &here, (0, j), Vec::new(), true, &mut scratch) else { continue };
            if head.matched == 0 {
                continue;
            }
            let i = head.matched + usize::from(m.get(head.matched) == Some(&' '));
            // The rest: from the start of one of the next page's lines.
            for (at, _) in std::iter::once((0, "")).chain(next.match_indices('\n')) {
                let rest = pdf_tokens(&next[at..]);
                let rest = &rest[usize::from(rest.first() == Some(&Tok::Ch(' ')))..];
                if let Some(r) = match_at(m, rest, (i, 0), head.dropped.clone(), false, &mut scratch) {
                    return Ok(r.dropped);
                }
            }
        }
    }
    Err(best)
}

/// The PDF's text around token `at`, for a failure message.
fn shown(t: &[Tok], at: usize) -> String {
    let s = |r: &[Tok]| -> String {
        r.iter()
            .map(|k| match k {
                Tok::Ch(c) => c.to_string(),
                Tok::OptHyphen => "-⏎".to_string(),
                Tok::OptSpace => "⏎".to_string(),
            })
            .collect()
    };
    format!("…{}⟦HERE⟧{}…", s(&t[at.saturating_sub(60)..at]), s(&t[at..(at + 60).min(t.len())]))
}

/// The text of each page by pdftotext (default mode, UTF-8), as printed: one run for the whole
/// document, cut at the form feed that ends every page.
fn pdf_pages(pdf: &Path) -> Option<Vec<String>> {
    let o = pdf_tool("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])?;
    assert!(o.status.success(), "pdftotext: {}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    assert_eq!(pages.pop().as_deref(), Some(""), "every page ends with a form feed");
    Some(pages)
}

/// The pages' text without the running head (the first line of every page after the first)
/// and the folio (the last line), so an entry or note that runs over a page break reads on.
fn without_furniture(pages: &[String]) -> Vec<String> {
    let head = pages.get(1).and_then(|p| p.lines().find(|l| !l.trim().is_empty())).unwrap_or("");
    let mut out = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        if n > 0 {
            if lines.first() == Some(&head) {
                lines.remove(0);
            }
            if lines.last().is_some_and(|l| l.trim() == (n + 1).to_string()) {
                lines.pop();
            }
        }
        out.push(lines.join("\n") + "\n");
    }
    out
}

/// pdftotext's raw-mode text (content-stream order, lines never joined at hyphens), each run
/// of whitespace holding a line end cut to one `\n`, any other run to one space.
fn raw_lines(pdf: &Path) -> String {
    let o = pdf_tool("pdftotext", &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]).unwrap();
    let text = String::from_utf8(o.stdout).expect("pdftotext writes UTF-8");
    let mut out = String::new();
    let mut ws = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            ws.push(c);
            continue;
        }
        if !ws.is_empty() {
            out.push(if ws.contains(['\n', '\u{c}']) { '\n' } else { ' ' });
            ws.clear();
        }
        out.push(c);
    }
    out
}

#[test]
fn every_note_and_every_reference_is_in_the_pdf_text_letter_for_letter() {
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&example(), None, &res).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, colophon::write(&doc, Format::Pdf, &res).unwrap().0).unwrap();
    let Some(pages) = pdf_pages(&pdf) else { return };
    let pages = without_furniture(&pages);
    let tokens = pdf_tokens(&pages.concat());
    let raw = raw_lines(&pdf);

    let notes: Vec<(String, String)> = notes_with_calls(&doc)
        .into_iter()
        .map(|(n, _)| (format!("note {}", n.label), note_text(n)))
        .collect();
    let entries: Vec<(String, String)> = doc
        .back
        .bibliography
        .iter()
        .flat_map(|b| &b.entries)
        .enumerate()
        .map(|(k, e)| (format!("bibliography entry {}", k + 1), plain_text(&e.content)))
        .collect();
    assert_eq!(notes.len(), 103, "notes in the model");
    assert_eq!(entries.len(), 67, "bibliography entries in the model");
    assert_eq!(entries.len(), doc.back.bibliography.as_ref().map_or(0, |b| b.entries.len()));

    let mut failures = Vec::new();
    let mut checked = (0, 0);
    for (what, text) in notes.iter().chain(&entries) {
        let m = model_chars(text);
        assert!(!m.is_empty(), "{what} has no text in the model");
        match find(&m, &tokens, &pages) {
            Ok(dropped) => {
                // A hyphen of the model that the PDF's text lacks must be one pdftotext took
                // for a line-break hyphen: the raw text has it at a line end, after the word it
                // ends (`Azerbaijani-`) or the word and space before it (`(Ermeniler) -`).
                for i in dropped {
                    let word_start = |k: usize| m[..k].iter().rposition(|c| *c == ' ').map_or(0, |s| s + 1);
                    let from = if i > 0 && m[i - 1] == ' ' { word_start(i - 1) } else { word_start(i) };
                    let before: String = m[from.max(i.saturating_sub(12))..i].iter().collect();
                    let after: String = m[i + 1..].iter().take_while(|c| **c != ' ').take(3).collect();
                    let want = format!("{before}-\n{after}");
                    if !raw.contains(&want) {
                        failures.push(format!(
                            "{what}: the hyphen of {:?} is missing from the PDF's text and is not at a \
                             line end ({want:?} not in `pdftotext -raw`)",
                            m[i.saturating_sub(12)..(i + 12).min(m.len())].iter().collect::<String>()
                        ));
                    }
                }
            }
            Err(r) => {
                let got: String = m[..r.matched].iter().collect();
                let rest: String = m[r.matched..].iter().take(60).collect();
                failures.push(format!(
                    "{what}: not in the PDF's text; longest match {}/{} chars {:?}, the model goes on \
                     {rest:?}, the PDF there reads {:?}",
                    r.matched,
                    m.len(),
                    got.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect::<String>(),
                    shown(&tokens, r.at)
                ));
            }
        }
        if what.starts_with("note") {
            checked.0 += 1;
        } else {
            checked.1 += 1;
        }
    }
    eprintln!("checked {} notes and {} bibliography entries against the PDF's text", checked.0, checked.1);
    // What was checked covers the scripts that must come through intact.
    let all: String = notes.iter().chain(&entries).map(|(_, t)| t.as_str()).collect();
    for (script, test) in [
        ("Cyrillic", &(|c: char| ('\u{400}'..='\u{4ff}').contains(&c)) as &dyn Fn(char) -> bool),
        ("ə", &|c| c == 'ə'),
        ("ı", &|c| c == 'ı'),
        ("ş", &|c| c == 'ş'),
    ] {
        assert!(all.chars().any(test), "no {script} among the checked texts");
    }
    assert_eq!(checked, (103, 67));
    assert!(
        failures.is_empty(),
        "{} of {} missing or altered:\n{}",
        failures.len(),
        103 + 67,
        failures.join("\n")
    );
}

#[test]
fn the_pdf_is_tagged_for_screen_readers() {
    // The structure tree as poppler reads it: headings, paragraphs, each note right after its
    // call (a link both ways), the references as a list; running heads and folios left out.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, pdf_of(&example())).unwrap();
    let Some(o) = pdf_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]) else { return };
    let tree = String::from_utf8_lossy(&o.stdout).into_owned();
    let count = |kind: &str| tree.lines().filter(|l| l.trim_start().starts_with(kind)).count();
    assert_eq!(count("Note <Note"), 103, "one Note per note");
    assert_eq!(count("Lbl "), 103, "each note opens with its label");
    assert_eq!(count("Link "), 206, "a link from every call and from every label");
    assert_eq!(count("Object "), 206, "each link holds its annotation");
    assert_eq!(count("LI "), 67);
    assert_eq!(count("BibEntry "), 67, "the references as a list of entries");
    assert_eq!(count("H1 "), 1, "the title");
    assert_eq!(count("H2 "), 3, "two abstracts and the references");
    // The title is in the tree once (as the heading), not once per running head.
    let title = "VIOLATION OF THE TERRITORIAL INTEGRITY";
    assert_eq!(tree.matches(title).count(), 1, "running heads are artifacts");
    // Every call is followed by its note: the note's label comes right after the call.
    let lines: Vec<&str> = tree.lines().collect();
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.trim_start().starts_with("Note <Note ")) {
        let label = l.trim_start().trim_start_matches("Note <Note ").split('>').next().unwrap();
        let call = lines[..i].iter().rev().find(|l| l.trim_start().starts_with('"')).unwrap();
        assert_eq!(call.trim().trim_matches('"').trim(), label, "the call before note {label}");
    }
    if let Some(o) = pdf_tool("pdfinfo", &[pdf.to_str().unwrap()]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("Tagged:          yes"));
    }
}

#[test]
fn a_document_without_title_or_language_still_prints_and_claims_what_it_can() {
    let res = Resources::builtin();
    let dir = tempfile::tempdir().unwrap();
    for (name, text, claim, says) in [
        ("a.md", "---\nlang: \"en\"\n---\n\nA body without a title.\n", "A", "no title,"),
        ("b.md", "---\n---\n\nA body without a title or a language.\n", "B", "no title and no language"),
    ] {
        let input = dir.path().join(name);
        std::fs::write(&input, text).unwrap();
        let (doc, _) = colophon::load(&input, None, &res).unwrap();
        let (bytes, diags) = colophon::write(&doc, Format::Pdf, &res).unwrap();
        let d = diags.iter().find(|d| d.code == "pdf-not-ua").expect("said why it is not PDF/UA");
        assert!(d.message.contains(says), "{}", d.message);
        let pdf = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&pdf, bytes).unwrap();
        if let Some(o) = pdf_tool("pdfinfo", &["-meta", pdf.to_str().unwrap()]) {
            let t = String::from_utf8_lossy(&o.stdout);
            assert!(t.contains(&format!("<pdfaid:conformance>{claim}</pdfaid:conformance>")), "{name}: {t}");
            assert!(!t.contains("pdfuaid"), "{name}");
        }
    }
}

/// A divided bibliography: each subheading is an `H3` under the bibliography's `H2`, followed
/// by its own list of entries, and printed right above its first entry.
#[test]
fn a_divided_bibliography_prints_its_subheadings_over_their_entries() {
    let input = root().join("tests/fixtures/013-divided-bibliography/input.txt");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, pdf_of(&input)).unwrap();
    let Some(o) = pdf_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]) else { return };
    let tree = String::from_utf8_lossy(&o.stdout).into_owned();
    let kinds: Vec<&str> = tree
        .lines()
        .map(str::trim_start)
        .filter(|l| ["H2 ", "H3 ", "L "].iter().any(|k| l.starts_with(k)))
        .collect();
    assert_eq!(
        kinds,
        [
            "H2 \"Abstract\" (block)",
            "H2 \"Bibliography\" (block)",
            "H3 \"Archival sources\" (block)",
            "L (block):",
            "H3 \"Published sources\" (block)",
            "L (block):",
            "H3 \"Secondary literature\" (block)",
            "L (block):"
        ],
        "{tree}"
    );
    assert_eq!(tree.lines().filter(|l| l.trim_start().starts_with("BibEntry ")).count(), 5);
    let Some(pages) = pdf_pages(&pdf) else { return };
    let text = pages.concat();
    assert!(text.contains("Published sources\nReports from Her Majesty"), "{text}");
}

/// The right-to-left sample (tests/rtl/sources.md): Arabic-script entries in Ottoman and
/// Persian, a Hebrew one, a Persian paragraph and note.
fn rtl_sample() -> std::path::PathBuf {
    root().join("tests/rtl/sources.md")
}

/// `text` without the bidi embeddings poppler writes around runs of the other direction, and
/// without ZWNJ, which poppler puts back a letter off (`میک‌نیم`: the joiner has no glyph of
/// its own, its text goes with a letter's; the tag tree has it in its place).
fn without_embeddings(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200C}'))
        .collect()
}

#[test]
fn right_to_left_entries_are_set_in_naskh_and_read_back_in_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("rtl.pdf");
    // Before issue 24 krilla refused this PDF (glyphs of right-to-left text had no text).
    std::fs::write(&pdf, pdf_of(&rtl_sample())).unwrap();
    let p = pdf.to_str().unwrap();
    if let Some(o) = pdf_tool("pdffonts", &[p]) {
        let t = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(t.contains("NotoNaskhArabic-Regular") && t.contains("NotoNaskhArabic-Bold"), "{t}");
        assert!(!t.contains("DejaVuSansMono"), "no Arabic letter falls back to the monospace face: {t}");
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-meta", p]) {
        let t = String::from_utf8_lossy(&o.stdout);
        assert!(
            t.contains("<pdfaid:conformance>A</pdfaid:conformance>")
                && t.contains("<pdfuaid:part>1</pdfuaid:part>")
        );
    }
    if let Some(o) = pdf_tool("pdftotext", &["-enc", "UTF-8", p, "-"]) {
        // Poppler puts each line back in logical order (with embeddings around runs).
        let text = without_embeddings(&String::from_utf8_lossy(&o.stdout));
        for want in [
            "تاريخ عثمانى",
            "تاریخ ایران",
            "امیرکبیر",
            "گزارش پژوهشی چاپ ژاله",
            "ספר הזכרונות",
            "מכון בן-צבי",
            "میکنیم", // می‌کنیم without its joiner
        ] {
            assert!(text.contains(want), "{want} missing from the PDF's text:\n{text}");
        }
    }
    // The content stream holds right-to-left text in reading order: the tag tree gives each
    // entry and the note exactly as written, numbers and punctuation included. (Without the
    // Persian paragraph: its ZWNJ and mirrored parentheses need `/ActualText`, nested marked
    // content that poppler's tag-tree reader stops at.)
    let sample = std::fs::read_to_string(rtl_sample()).unwrap();
    let paragraph = sample.lines().find(|l| l.starts_with("در این مقاله")).unwrap();
    let entries = dir.path().join("entries.md");
    std::fs::write(&entries, sample.replace(paragraph, "")).unwrap();
    let pdf = dir.path().join("entries.pdf");
    std::fs::write(&pdf, pdf_of(&entries)).unwrap();
    if let Some(o) = pdf_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]) {
        let tree = String::from_utf8_lossy(&o.stdout).into_owned();
        for want in [
            "\"تاريخ عثمانى، جلد ۲، استانبول ۱۳۰۹، ص 45–47. \"",
            "\"تاریخ ایران. تهران: امیرکبیر، ۱۳۸۰. \"",
            "\"פרקים בתולדות היהודים באימפריה העות'מאנית. ירושלים: מכון בן-צבי, 1996. \"",
            "\"Ahmed Cevdet Paşa, Osmanlı Devleti'nin tarihi: تاريخ عثمانى, İstanbul 1309. \"",
            "\"تاریخ ایران. تهران: امیرکبیر، ۱۳۸۰، ص ۴۵–۴۷. \"",
        ] {
            assert!(tree.contains(want), "{want} not in the tag tree:\n{tree}");
        }
    }
}

#[test]
fn a_right_to_left_entry_is_set_from_the_right() {
    use colophon::typeset::layout::{layout, BlockKind, Glyphs, Role};
    use colophon::typeset::{PageStyle, Pt};
    let res = Resources::builtin();
    let (doc, _) = colophon::load(&rtl_sample(), None, &res).unwrap();
    let fonts = res.fonts();
    let style = PageStyle::a4();
    let laid = layout(&doc, &fonts, &style);
    let all = fonts.all();
    // The pieces of each bibliography entry, in the order they were laid out (logical).
    let entry = |want: &str| -> Vec<&Glyphs> {
        (0..laid.blocks.len())
            .filter(|&b| laid.blocks[b].kind == BlockKind::Entry)
            .map(|b| {
                laid.pages
                    .iter()
                    .flat_map(|p| &p.glyphs)
                    .filter(|g| g.role == Role::Text(b))
                    .collect::<Vec<_>>()
            })
            .find(|pieces| pieces.iter().map(|g| g.text.as_str()).collect::<String>().trim_end() == want)
            .unwrap_or_else(|| panic!("no entry {want}"))
    };
    let width = |g: &Glyphs| Pt(g.all().map(|a| f64::from(a.advance)).sum::<f64>() * g.size);
    let right = style.width - style.margins[3];
    // The Persian entry: one line, flush right, every piece in Noto Naskh Arabic and right to
    // left but the year, which runs left to right; the first word is the rightmost.
    let persian = entry("تاریخ ایران. تهران: امیرکبیر، ۱۳۸۰.");
    let end = persian.iter().map(|g| g.x + width(g)).fold(Pt::ZERO, |a, b| if b > a { b } else { a });
    assert!((end - right).0.abs() < 0.5, "the entry ends at {end:?}, the column at {right:?}");
    for g in &persian {
        // Letters and Persian digits in Noto Naskh Arabic; `.` and `:` in Libertinus Serif.
        let face = &all[g.face].family;
        assert!(
            face == "Noto Naskh Arabic" || !g.text.chars().any(char::is_alphanumeric),
            "{:?} in {face}",
            g.text
        );
        assert_eq!(g.rtl, !g.text.contains('۱'), "{:?}", g.text);
    }
    assert!(persian.iter().all(|g| g.x <= persian[0].x), "{persian:?}");
    // The Hebrew entry: Libertinus Serif (which has Hebrew), flush right too.
    let hebrew = entry("פרקים בתולדות היהודים באימפריה העות'מאנית. ירושלים: מכון בן-צבי, 1996.");
    assert!(hebrew.iter().all(|g| all[g.face].family == "Libertinus Serif"));
    let end = hebrew.iter().map(|g| g.x + width(g)).fold(Pt::ZERO, |a, b| if b > a { b } else { a });
    assert!((end - right).0.abs() < 0.5, "the entry ends at {end:?}, the column at {right:?}");
    // A Turkish entry with an Arabic title stays left to right, from the left margin.
    let turkish = entry("Ahmed Cevdet Paşa, Osmanlı Devleti'nin tarihi: تاريخ عثمانى, İstanbul 1309.");
    assert!((turkish[0].x - style.margins[2]).0.abs() < 0.01, "{:?}", turkish[0]);
    assert!(turkish.iter().any(|g| g.rtl) && !turkish[0].rtl);
}
