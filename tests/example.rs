//! Golden and fact tests on the real example, `input/zangezur-article.txt`.

mod common;

use colophon::model::Anchor;
use colophon::Severity;
use common::*;

fn example() -> (colophon::Document, Vec<colophon::Diagnostic>, String) {
    let path = root().join("input/zangezur-article.txt");
    let (doc, diags) =
        colophon::load(&path, None, &colophon::Resources::builtin()).expect("the example reads");
    (doc, diags, std::fs::read_to_string(path).unwrap())
}

#[test]
fn golden_json() {
    let (doc, _, _) = example();
    assert_golden(&root().join("tests/golden/zangezur-article.json"), &colophon::write::json::write(&doc));
}

#[test]
fn golden_tei() {
    let (doc, _, _) = example();
    let (tei, diags) = colophon::write(&doc, colophon::Format::Tei, &colophon::Resources::builtin()).unwrap();
    assert_golden(&root().join("tests/golden/zangezur-article.tei.xml"), &String::from_utf8(tei).unwrap());
    assert!(diags.iter().all(|d| d.severity < Severity::Warning), "{diags:?}");
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

/// The 27 archival shelfmarks of the example, read by hand from the source: 14 in notes
/// (43, 48 ×4, 54, 55, 59 ×3, 62, 66, 81 ×2) and 13 in the references.
/// (raw, archive id, fond, opis, delo, folios)
const NOTE_SHELFMARKS: [(&str, &str, &str, &str, &str, &str); 14] = [
    ("Central State Archive of Azerbaijan Republic reserve 894, inventory 10, folder (delo) 81, lists 9-10", "arda", "894", "10", "81", "9-10"),
    ("Государственный архив Азербайджанской Республики (ГААР), ф. 28 s., сп.1, д. 99, л.12", "arda", "28s", "1", "99", "12"),
    ("Архив общественнополитических документов при Управлении делами Президента Азербайджанской Республики (АОПДУДПАР), ф. 1, д. 99, л.12", "arpiissa", "1", "", "99", "12"),
    ("Архив общественнополитических документов при Управлении делами Президента Азербайджанской Республики (АОПДУДПАР), ф. 1, сп.169, д 249, л.8", "arpiissa", "1", "169", "249", "8"),
    ("ф.1, сп.31, д. 186а, л.9", "arpiissa", "1", "31", "186а", "9"),
    ("РГАСПИ, ф.85, оп.13, д.32, л.3", "rgaspi", "85", "13", "32", "3"),
    ("Российский Государственный Архив Социально-Политической Истории (РГАСПИ), ф.85, оп.3 с., д. 2, л. 3", "rgaspi", "85", "3с", "2", "3"),
    ("РГАСПИ, ф. 64, оп.1, д.17, л. 60", "rgaspi", "64", "1", "17", "60"),
    ("РГАСПИ, ф. 85, оп. 3 с., д. 2, л. 6", "rgaspi", "85", "3с", "2", "6"),
    ("ARPİİİSSA, f. 1, siy. 31, iş 186 a, v. 38", "arpiissa", "1", "31", "186a", "38"),
    ("АОПДУДПАР, ф.609, сп.1, д. 62, л. 19", "arpiissa", "609", "1", "62", "19"),
    ("PDA PAR, f. 1, op. 1, d. 2a, l. 9", "arpiissa", "1", "1", "2a", "9"),
    ("ARSPIHDA, fn 609, 11, fl 21, p 97", "arpiissa", "609", "11", "21", "97"),
    ("fn 609, 11, fl 15, p 116", "arpiissa", "609", "11", "15", "116"),
];

fn shelfmark_row(s: &colophon::model::Shelfmark) -> (String, String, String, String, String, String) {
    use colophon::model::LevelKind;
    let v = |level: LevelKind| s.get(level).map_or(String::new(), |p| p.value.clone());
    (
        s.raw.clone(),
        s.archive.as_ref().and_then(|a| a.id.clone()).unwrap_or_default(),
        v(LevelKind::Fond),
        v(LevelKind::Opis),
        v(LevelKind::Delo),
        s.folios.as_ref().map_or(String::new(), |f| colophon::enrich::shelfmark::folios_key(&f.ranges)),
    )
}

fn rows(v: &[(&str, &str, &str, &str, &str, &str)]) -> Vec<(String, String, String, String, String, String)> {
    v.iter().map(|r| (r.0.into(), r.1.into(), r.2.into(), r.3.into(), r.4.into(), r.5.into())).collect()
}

#[test]
fn all_27_shelfmarks_with_their_parts() {
    let (doc, _, _) = example();
    let in_notes: Vec<_> = doc
        .notes()
        .iter()
        .flat_map(|n| n.content.iter().flat_map(|b| colophon::model::shelfmarks(b.content(), true)))
        .map(shelfmark_row)
        .collect();
    assert_eq!(in_notes, rows(&NOTE_SHELFMARKS));
    let entries = &doc.back.bibliography.as_ref().unwrap().entries;
    let in_refs: Vec<_> = entries
        .iter()
        .flat_map(|e| colophon::model::shelfmarks(&e.content, false))
        .map(shelfmark_row)
        .collect();
    // The references repeat notes 48, 66, 54 (with a Greek ϕ), 55, 59, 62 and 43, and add
    // one telegram the notes do not cite.
    let mut want = rows(&NOTE_SHELFMARKS[1..5]);
    want.push(rows(&NOTE_SHELFMARKS[11..12]).remove(0));
    want.push((
        "РГАСПИ, ϕ .85, оп.13, д.32, л.3".into(),
        "rgaspi".into(),
        "85".into(),
        "13".into(),
        "32".into(),
        "3".into(),
    ));
    want.extend(rows(&NOTE_SHELFMARKS[6..11]));
    want.push((
        "РГАСПИ, ф.5, оп.1, д.2178, л.20".into(),
        "rgaspi".into(),
        "5".into(),
        "1".into(),
        "2178".into(),
        "20".into(),
    ));
    want.push(rows(&NOTE_SHELFMARKS[0..1]).remove(0));
    assert_eq!(in_refs, want);
    assert_eq!(in_notes.len() + in_refs.len(), 27);
    let archives: Vec<&str> = doc.back.archives.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(archives, ["arda", "arpiissa", "rgaspi"]);
    // Page references, volumes and dates are never shelfmarks: every shelfmark has a fond.
    assert!(in_notes.iter().chain(&in_refs).all(|r| !r.2.is_empty()));
}

#[test]
fn the_26_cyrillic_references_are_russian() {
    let (doc, _, _) = example();
    let entries = &doc.back.bibliography.as_ref().unwrap().entries;
    let mut cyrillic = 0;
    for e in entries {
        // The entry's own words: without its web address, its shelfmarks and Roman numerals.
        let mut text = e.raw.clone();
        for s in colophon::model::shelfmarks(&e.content, false) {
            text = text.replace(&s.raw, " ");
        }
        if let Some(url) = e.fields.url.and_then(|u| u.get(&e.raw)) {
            text = text.replace(url, " ");
        }
        let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        let roman = |w: &&str| w.chars().all(|c| "IVXLC".contains(c));
        let all_cyrillic = !words.is_empty()
            && words
                .iter()
                .filter(|w| !roman(w))
                .all(|w| w.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c)));
        if all_cyrillic {
            cyrillic += 1;
            assert_eq!(e.lang.as_ref().map(|l| l.as_str()), Some("ru"), "{}", e.raw);
            assert_eq!(e.script, Some(colophon::model::Script::Cyrillic), "{}", e.raw);
        }
    }
    assert_eq!(cyrillic, 26);
}

#[test]
fn latin_references_are_tagged_by_their_titles() {
    let (doc, _, _) = example();
    let entries = &doc.back.bibliography.as_ref().unwrap().entries;
    let lang_of = |start: &str| {
        let e = entries.iter().find(|e| e.raw.starts_with(start)).unwrap_or_else(|| panic!("{start}"));
        e.lang.as_ref().map(|l| l.to_string())
    };
    for (start, want) in [
        ("Musaev,İsmayil", Some("az-Latn")),
        ("Ibrahim Ether", Some("az-Latn")),
        ("Isgenderli", Some("az-Latn")),
        ("Mustafayev, Beşir", Some("tr")),
        ("Richard G. Hovannisyan", Some("tr")),
        ("Niftaliyev, Ilgar., \"How", Some("en")),
        ("Shikhaliyev", Some("en")),
        ("Guliev, Dzhamil", Some("ru-Latn")),
        ("Arkhipova", Some("ru-Latn")),
        ("Baykara", Some("ru-Latn")),
        // A romanised Russian title the rules cannot decide is left untagged, not guessed.
        ("Balayev", None),
    ] {
        assert_eq!(lang_of(start).as_deref(), want, "{start}");
    }
    assert_eq!(doc.meta.lang.as_ref().map(|l| l.as_str()), Some("en"));
}

#[test]
fn notes_carry_their_language() {
    let (doc, _, _) = example();
    let notes = doc.notes();
    let lang = |label: &str| {
        notes.iter().find(|n| n.label == label).and_then(|n| n.lang.as_ref()).map(|l| l.to_string())
    };
    for (label, want) in [
        ("1", "ru"),
        ("3", "ru-Latn"),
        ("6", "tr"),
        ("36", "az-Latn"),
        ("43", "en"),
        ("54", "ru"),
        ("84", "tr"),
    ] {
        assert_eq!(lang(label).as_deref(), Some(want), "note {label}");
    }
    assert_eq!(lang("81"), None, "a note of shelfmarks only has no language of its own");
}

#[test]
fn every_parsed_field_lies_inside_its_entry() {
    let (doc, _, _) = example();
    for e in &doc.back.bibliography.as_ref().unwrap().entries {
        let f = &e.fields;
        let singles =
            [f.title, f.container, f.place, f.publisher, f.year, f.volume, f.issue, f.pages, f.url, f.doi];
        for s in f.authors.iter().chain(singles.iter().flatten()) {
            assert!(s.get(&e.raw).is_some_and(|t| !t.trim().is_empty()), "{:?} in {}", s, e.raw);
        }
        assert!(f.title.is_some() || f.kind.is_some(), "unparsed: {}", e.raw);
    }
}

#[test]
fn loading_our_own_json_enriches_nothing_twice() {
    let (doc, _, _) = example();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    std::fs::write(&path, colophon::write::json::write(&doc)).unwrap();
    let (again, diags) = colophon::load(&path, None, &colophon::Resources::builtin()).unwrap();
    assert_eq!(again, doc, "enrich is idempotent on an enriched document");
    assert!(diags.iter().all(|d| d.code == "language-undecided"), "{diags:?}");
}
