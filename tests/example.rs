//! Golden and fact tests on the real example, `input/zangezur-article.txt`.

mod common;

use colophon::model::Anchor;
use colophon::Severity;
use common::*;

fn example() -> (colophon::Document, Vec<colophon::Diagnostic>, String) {
    let path = root().join("input/zangezur-article.txt");
    let (doc, diags) = colophon::read(&path, None).expect("the example reads");
    (doc, diags, std::fs::read_to_string(path).unwrap())
}

#[test]
fn golden_json() {
    let (doc, _, _) = example();
    assert_golden(&root().join("tests/golden/zangezur-article.json"), &colophon::write::json::write(&doc));
}

#[test]
fn all_103_notes_in_order_with_exact_text() {
    let (doc, _, src) = example();
    let notes = doc.notes();
    assert_eq!(notes.len(), 103);
    let labels: Vec<String> = notes.iter().map(|n| n.label.clone()).collect();
    let expected: Vec<String> = (1..=103).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
    // Each note's text is one source line minus its label (the example has one line per note).
    for n in &notes {
        let text = note_text(n);
        let line = src.lines().find(|l| l.trim_end().ends_with(&text) && !text.is_empty());
        let line =
            line.unwrap_or_else(|| panic!("note {} text not found as a source line: {text:?}", n.label));
        let prefix = &line.trim_end()[..line.trim_end().len() - text.len()];
        assert!(
            prefix.chars().count() <= 20,
            "note {}: more than a label before the text: {prefix:?}",
            n.label
        );
        assert!(
            !prefix.chars().any(|c| c.is_alphabetic() && c != 'r' && c != 'm'),
            "note {}: {prefix:?}",
            n.label
        );
    }
}

#[test]
fn one_note_lacks_its_call_and_is_reported_with_its_line() {
    let (doc, diags, _) = example();
    let inferred: Vec<_> = doc.notes().into_iter().filter(|n| n.anchor == Anchor::Inferred).collect();
    assert_eq!(inferred.len(), 1);
    assert_eq!(inferred[0].label, "75");
    let d: Vec<_> = diags.iter().filter(|d| d.code == "note-without-call").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].line, 203);
    // It follows the call of note 74.
    assert!(body_with_calls(&doc).contains("[^74][^75]"));
}

#[test]
fn calls_sit_where_printed() {
    let (doc, _, _) = example();
    let body = body_with_calls(&doc);
    for expected in [
        "in this sense[^1]. The period",
        "(Ararat) Republic[^6], in response",
        "body of Azerbaijan\".[^14] The Andranik",
        "in Tbilisi.[^35] The parties",
        "to any results.[^40] In order",
        "any circumstances.\"[^58] In response",
        "uyezds to Armenia[^98] under",
        "Europe and Asia[^103]. I believe",
    ] {
        assert!(body.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn no_note_text_in_the_body_and_no_marker_debris() {
    let (doc, _, _) = example();
    let body = body_text(&doc);
    for n in doc.notes() {
        let head: String = note_text(n).chars().take(40).collect();
        assert!(!body.contains(&head), "note {} text found in the body", n.label);
    }
    assert!(!body.contains("$^"), "LaTeX debris left in the body");
    assert!(!body.chars().any(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)), "superscript debris left in the body");
    for n in doc.notes() {
        assert!(note_text(n).chars().count() < 900, "note {} swallowed body text", n.label);
    }
}

#[test]
fn sixty_seven_references_exactly_as_printed() {
    let (doc, _, src) = example();
    let bib = doc.back.bibliography.expect("a reference list");
    assert_eq!(bib.heading, "REFERENCES");
    assert_eq!(bib.entries.len(), 67);
    let after: String = src.split("\nREFERENCES\n").nth(1).unwrap().replace("**", "");
    let source_words: Vec<&str> = after.split_whitespace().collect();
    let entry_words: Vec<String> =
        bib.entries.iter().flat_map(|e| e.raw.split_whitespace().map(str::to_string)).collect();
    assert_eq!(entry_words, source_words, "every word of the list, in order, no more, no less");
    // Wrapped entries are joined.
    assert!(bib
        .entries
        .iter()
        .any(|e| e.raw.starts_with("Andrew, Andersen.,") && e.raw.contains("https://www.academia.edu/")));
    assert!(bib
        .entries
        .iter()
        .any(|e| e.raw.starts_with("Piotr Gawliczek.,") && e.raw.contains("the South Caucasus region)")));
    // `**` debris became emphasis.
    assert!(bib.entries.iter().all(|e| !e.raw.contains("**")));
    let strong = bib
        .entries
        .iter()
        .filter(|e| e.content.iter().any(|i| matches!(i, colophon::model::Inline::Strong { .. })))
        .count();
    assert_eq!(strong, 8);
}

#[test]
fn front_matter() {
    let (doc, _, _) = example();
    let m = &doc.meta;
    assert_eq!(m.titles.len(), 1);
    assert_eq!(
        m.titles[0].text,
        "VIOLATION OF THE TERRITORIAL INTEGRITY OF AZERBAIJAN-THE ZANGEZUR ISSUE AND TÜRKIYE"
    );
    assert_eq!(m.titles[0].lang.as_ref().unwrap().as_str(), "en");
    let langs: Vec<&str> = m.abstracts.iter().map(|a| a.lang.as_ref().unwrap().as_str()).collect();
    assert_eq!(langs, ["tr", "en"]);
    assert!(colophon::model::plain_text(m.abstracts[1].content[0].content())
        .contains("I would make Azerbaijan give autonomy"));
    let kw: Vec<(&str, usize)> =
        m.keywords.iter().map(|k| (k.lang.as_ref().unwrap().as_str(), k.terms.len())).collect();
    assert_eq!(kw, [("tr", 6), ("en", 6)]);
    assert_eq!(m.keywords[0].terms[3], "İşgal");
    let a = &m.authors[0];
    assert_eq!(a.affiliation.as_deref(), Some("Baku State University"));
    assert_eq!(a.email.as_deref(), Some("xoshgedem-islam@rambler.ru"));
    assert_eq!(
        a.note.as_deref(),
        Some("Dr. Öğretim Üyesi ,Baku State University, xoshgedem-islam@rambler.ru")
    );
}

#[test]
fn the_body_holds_neither_abstract_nor_author_note() {
    let (doc, _, _) = example();
    let body = body_text(&doc);
    assert!(body.starts_with("This article provides a historical account"));
    assert!(!body.contains("xoshgedem"));
    assert!(!body.contains("Keywords"));
    assert!(body.trim_end().ends_with("ancient and true homeland - Azerbaijan."));
}

#[test]
fn diagnostics_name_every_inferred_label() {
    let (_, diags, _) = example();
    let inferred: Vec<u32> = diags.iter().filter(|d| d.code == "inferred-label").map(|d| d.line).collect();
    assert_eq!(inferred, [39, 45, 49, 177, 191]);
    assert!(diags.iter().all(|d| d.severity <= Severity::Warning));
}

#[test]
fn json_round_trip_is_lossless() {
    let (doc, _, _) = example();
    let json = colophon::write::json::write(&doc);
    let back = colophon::read::json::read(std::path::Path::new("x.json"), &json).unwrap();
    assert_eq!(back, doc);
}
