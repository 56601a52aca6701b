//! Schema 4's kinds in the print PDF: superscripts and subscripts, small capitals, inline
//! code, line breaks, a definition list, a code block, a section break and an epigraph,
//! converted from colophon JSON by the command line. Every term, definition, code line, the
//! asterism and the raised text are in the PDF's text; the structure tree tags them (`L` /
//! `LI` / `Lbl` / `LBody`, `Code` in a `P`, `BlockQuote`); krilla validated PDF/A-2a and
//! PDF/UA-1 at export, and qpdf finds nothing wrong.

mod common;

use common::*;
use std::process::Command;

fn text(t: &str) -> String {
    format!(r#"{{"type": "text", "text": "{t}"}}"#)
}

fn para(parts: &[String]) -> String {
    format!(r#"{{"type": "paragraph", "content": [{}]}}"#, parts.join(","))
}

fn styled(kind: &str, t: &str) -> String {
    format!(r#"{{"type": "{kind}", "content": [{}]}}"#, text(t))
}

fn note(label: &str, t: &str) -> String {
    format!(r#"{{"type": "note", "label": "{label}", "content": [{}]}}"#, para(&[text(t)]))
}

/// An epigraph with a note, a paragraph with every inline kind, a definition list with a
/// note in a definition, a code block with a line too long for the measure, a section break.
fn document() -> String {
    let epigraph = format!(
        r#"{{"type": "quote", "epigraph": true, "blocks": [{}], "source": [{}]}}"#,
        para(&[
            text("History is a set of lies agreed upon by those who fear the archives."),
            note("1", "Attributed to many.")
        ]),
        text("Attributed to Napoleon"),
    );
    let inlines = para(&[
        text("On the 1"),
        styled("superscript", "er"),
        text(" of May, as "),
        styled("small_caps", "Mikoyan"),
        text(" wrote of H"),
        styled("subscript", "2"),
        text("O and x"),
        styled("superscript", "2"),
        text(", the file "),
        r#"{"type": "code", "text": "fond_85/op_13.txt"}"#.to_string(),
        text(" holds it:"),
        r#"{"type": "line_break"}"#.to_string(),
        text("The mountains stand,"),
        r#"{"type": "line_break"}"#.to_string(),
        text("the rivers run."),
    ]);
    let definitions = format!(
        r#"{{"type": "definition_list", "items": [
            {{"term": [{}], "details": [[{}]]}},
            {{"term": [{}], "details": [[{}], [{}]]}}]}}"#,
        text("Sovnarkom"),
        para(&[text("The Council of People's Commissars."), note("2", "A note inside a definition.")]),
        text("Revkom"),
        para(&[text("A revolutionary committee.")]),
        para(&[text("Its second definition.")]),
    );
    let code = r#"{"type": "code_block", "syntax": "python", "text": "def frontier(a, b):\n    return a & b\nlong_line = 'it goes on well beyond the measure of the text column, so it has to be broken somewhere'"}"#;
    let body = [
        epigraph,
        inlines,
        definitions,
        code.to_string(),
        para(&[text("The section ends here.")]),
        r#"{"type": "section_break"}"#.to_string(),
        para(&[text("A new section begins.")]),
    ];
    format!(
        r#"{{"schema_version": 4, "meta": {{"lang": "en", "titles": [{{"text": "Every kind"}}]}}, "body": [{}]}}"#,
        body.join(",")
    )
}

#[test]
fn every_new_kind_is_printed_tagged_and_valid() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("kinds.json");
    std::fs::write(&input, document()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", input.to_str().unwrap(), "-t", "pdf", "-o", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    // Conversion fails when krilla's PDF/A-2a or PDF/UA-1 validation does.
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("pdf-code-line-broken"), "the long code line is reported: {stderr}");
    assert!(!stderr.contains("pdf-fake-small-caps"), "Libertinus has small capitals: {stderr}");
    assert!(!stderr.contains("pdf-overfull-line"), "{stderr}");
    let pdf = dir.path().join("kinds.pdf");
    let p = pdf.to_str().unwrap();
    if let Some(o) = pdf_tool("qpdf", &["--check", p]) {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    }
    if let Some(o) = pdf_tool("pdftotext", &[p, "-"]) {
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        let joined = text.replace('\n', " ");
        for want in [
            "History is a set of lies",
            "— Attributed to Napoleon",
            "On the 1er of May",
            "Mikoyan",
            "H2O and x2",
            "fond_85/op_13.txt",
            "Sovnarkom",
            "The Council of People's Commissars.",
            "Revkom",
            "A revolutionary committee.",
            "Its second definition.",
            "def frontier(a, b):",
            "return a & b",
            "long_line = 'it goes on",
            "⁂",
            "A note inside a definition.",
            "Attributed to many.",
        ] {
            assert!(joined.contains(want), "{want:?} missing from the PDF's text: {text}");
        }
        // The line breaks end lines.
        assert!(text.contains("holds it:\nThe mountains stand,\nthe rivers run."), "{text}");
        // Each note is at the foot of the page of its call (one page here).
        assert!(!text.contains('\u{c}') || text.matches('\u{c}').count() == 1, "one page: {text}");
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-struct-text", p]) {
        let tree = String::from_utf8_lossy(&o.stdout).into_owned();
        let lines: Vec<&str> = tree.lines().collect();
        let tag = |l: &str| l.trim_start().split([' ', ':']).next().unwrap_or("").to_string();
        let count = |kind: &str| lines.iter().filter(|l| tag(l) == kind).count();
        let depth = |i: usize| lines[i].len() - lines[i].trim_start().len();
        let at = |needle: &str| {
            lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle}: {tree}"))
        };
        assert_eq!(count("BlockQuote"), 1, "the epigraph: {tree}");
        assert_eq!(count("L"), 1, "{tree}");
        assert_eq!(count("LI"), 2, "{tree}");
        assert_eq!(count("LBody"), 2, "{tree}");
        assert_eq!(count("Code"), 1, "{tree}");
        // Each term is the Lbl of its LI, before the LBody of its definitions.
        for term in ["\"Sovnarkom", "\"Revkom"] {
            let t = at(term);
            let lbl = (0..t).rev().find(|&i| tag(lines[i]) == "Lbl").unwrap();
            let li = (0..lbl).rev().find(|&i| tag(lines[i]) == "LI").unwrap();
            assert!(depth(lbl) == depth(li) + 2 && depth(t) > depth(lbl), "{tree}");
            let body = (t..lines.len()).find(|&i| tag(lines[i]) == "LBody").unwrap();
            assert_eq!(depth(body), depth(lbl), "{tree}");
        }
        // The note called in a definition is inside its LBody; the code lines in Code in a P.
        let (sov, note) = (at("\"Sovnarkom"), at("A note inside a definition"));
        assert!(lines[sov..note].iter().any(|l| tag(l) == "LBody"), "{tree}");
        let code = at("Code");
        assert_eq!(tag(lines[code - 1]), "P", "{tree}");
        assert!(depth(at("def frontier")) > depth(code) && depth(at("return a & b")) > depth(code));
        // The asterism is a paragraph of its own; the epigraph's source in the BlockQuote.
        assert_eq!(tag(lines[at("\"⁂") - 1]), "P", "{tree}");
        assert!(depth(at("— Attributed")) > depth(at("BlockQuote")), "{tree}");
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-meta", p]) {
        let t = String::from_utf8_lossy(&o.stdout);
        assert!(
            t.contains("<pdfuaid:part>1</pdfuaid:part>")
                && t.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "PDF/UA-1 and PDF/A-2a, as krilla validated them: {t}"
        );
    }
}
