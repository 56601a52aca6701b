//! Quotations and lists in the print PDF: converted from colophon JSON by the command line,
//! every marker, the quoted text and its source in the PDF's text, and the structure tree
//! with `BlockQuote`, and `L` / `LI` / `Lbl` / `LBody` (a nested list inside its item's body).

mod common;

use common::*;
use std::process::Command;

/// A quotation with a note and a source line; a list numbered from 3 with an `(a)` list
/// inside its second item; a bulleted list whose last item opens with a list; a note holding
/// a list and a quotation.
fn document() -> String {
    let text = |t: &str| format!(r#"{{"type": "text", "text": "{t}"}}"#);
    let para = |t: &str| format!(r#"{{"type": "paragraph", "content": [{}]}}"#, text(t));
    let note = |label: &str, blocks: &[String]| {
        format!(r#"{{"type": "note", "label": "{label}", "content": [{}]}}"#, blocks.join(","))
    };
    let list = |numbering: &str, items: &[Vec<String>]| {
        let items: Vec<String> = items.iter().map(|i| format!("[{}]", i.join(","))).collect();
        format!(r#"{{"type": "list", {numbering} "items": [{}]}}"#, items.join(","))
    };
    let quote = format!(
        r#"{{"type": "quote", "blocks": [{{"type": "paragraph", "content": [{}, {}, {}]}}], "source": [{}]}}"#,
        text("We demand that the troops be withdrawn from the district at once, and that the frontier be settled by a commission"),
        note("1", &[para("The telegram is kept in the archive of the ministry.")]),
        text(". No other solution will be accepted."),
        text("Telegram of the Committee, 14 May 1919"),
    );
    let lettered = list(
        r#""numbering": {"start": 1, "style": "lower_alpha", "delimiter": "two_parens"},"#,
        &[vec![para("those who had left before the winter;")], vec![para("those still in the mountains.")]],
    );
    let numbered = list(
        r#""numbering": {"start": 3},"#,
        &[
            vec![para("the withdrawal of all troops within ten days;")],
            vec![para("the return of refugees, namely:"), lettered, para("all within a month;")],
            vec![para("a commission to draw the frontier.")],
        ],
    );
    // The last item opens with a list: both labels on its first line.
    let opening = list("", &[vec![para("an item in an item.")]]);
    let bulleted = list(
        "",
        &[
            vec![para("the district was never divided;")],
            vec![para("the refugees could not return.")],
            vec![opening],
        ],
    );
    let in_note = note(
        "2",
        &[
            para("The minutes record:"),
            list("", &[vec![para("a point about the roads;")]]),
            format!(
                r#"{{"type": "quote", "blocks": [{}], "source": [{}]}}"#,
                para("Nothing without us."),
                text("Minutes")
            ),
        ],
    );
    let body = [
        para("The telegram was read aloud at the meeting."),
        quote,
        para("The conditions were the following:"),
        numbered,
        para("Objections were raised:"),
        bulleted,
        format!(
            r#"{{"type": "paragraph", "content": [{}, {in_note}, {}]}}"#,
            text("The meeting closed late"),
            text(".")
        ),
    ];
    format!(
        r#"{{"schema_version": 3, "meta": {{"lang": "en", "titles": [{{"text": "Quotations and lists"}}]}}, "body": [{}]}}"#,
        body.join(",")
    )
}

#[test]
fn quotations_and_lists_print_their_markers_and_are_tagged_as_quotes_and_lists() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("blocks.json");
    std::fs::write(&input, document()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", input.to_str().unwrap(), "-t", "pdf", "-o", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = dir.path().join("blocks.pdf");
    let p = pdf.to_str().unwrap();
    if let Some(o) = pdf_tool("pdftotext", &[p, "-"]) {
        let text = String::from_utf8_lossy(&o.stdout).replace('\n', " ");
        for want in [
            "3. the withdrawal",
            "4. the return of refugees",
            "(a) those who had left",
            "(b) those still",
            "5. a commission",
            "• the district",
            "• the refugees",
            "• • an item in an item",
            "• a point about the roads",
            "We demand that the troops",
            "— Telegram of the Committee, 14 May 1919",
            "— Minutes",
            "The telegram is kept in the archive",
        ] {
            assert!(text.contains(want), "{want:?} missing from the PDF's text: {text}");
        }
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-struct-text", p]) {
        let tree = String::from_utf8_lossy(&o.stdout).into_owned();
        // Each tag with its depth, in order.
        let tags: Vec<(usize, &str)> = tree
            .lines()
            .filter(|l| !l.trim_start().starts_with(['"', '/']))
            .map(|l| (l.len() - l.trim_start().len(), l.trim_start().split([' ', ':']).next().unwrap()))
            .collect();
        let count = |kind: &str| tags.iter().filter(|t| t.1 == kind).count();
        assert_eq!(count("BlockQuote"), 2, "{tree}");
        assert_eq!(count("L"), 5, "{tree}");
        assert_eq!(count("LI"), 10, "{tree}");
        assert_eq!(count("Lbl"), 10 + 2, "a label per item, and per note: {tree}");
        assert_eq!(count("LBody"), 10, "{tree}");
        // The lettered list sits in the LBody of item 4, between its paragraphs.
        let lines: Vec<&str> = tree.lines().collect();
        let at = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap();
        let depth = |i: usize| lines[i].len() - lines[i].trim_start().len();
        let (four, a) = (at("\"4. \""), at("\"(a) \""));
        let body = (four..a).find(|&i| lines[i].trim_start().starts_with("LBody")).expect("item 4's LBody");
        assert!(depth(a) > depth(body), "{tree}");
        assert!(lines[body..a].iter().any(|l| l.trim_start().starts_with("L (")), "{tree}");
        // The source line is a paragraph of the quotation.
        let quote = at("BlockQuote");
        let source = at("— Telegram");
        assert!(
            depth(source) > depth(quote)
                && lines[quote..source].iter().all(|l| !l.contains("\"The conditions"))
        );
    }
    if let Some(o) = pdf_tool("pdfinfo", &["-meta", p]) {
        let t = String::from_utf8_lossy(&o.stdout);
        assert!(t.contains("<pdfuaid:part>1</pdfuaid:part>") && t.contains("<pdfaid:conformance>A"), "{t}");
    }
}
