//! Fixture tests: every `tests/fixtures/NNN-topic/input.txt` is read and checked against the
//! hand-written facts in `expect.toml` (titles, abstracts, keywords, notes with the text before
//! their call, references and the subheadings dividing them, diagnostic codes) and against the
//! golden `expected.json`.

mod common;

use colophon::model::{plain_text, Anchor, Block};
use common::*;
use std::path::Path;
use toml::Value;

fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

fn lang(l: &Option<colophon::model::LangTag>) -> Option<String> {
    l.as_ref().map(|l| l.to_string())
}

fn eq(errs: &mut Vec<String>, what: String, got: String, want: String) {
    if got != want {
        errs.push(format!("{what}: got {got:?}, want {want:?}"));
    }
}

/// Checks one fixture; returns every mismatch found.
fn check(dir: &Path) -> Vec<String> {
    let mut errs = Vec::new();
    let input = dir.join("input.txt");
    let (doc, diags) = match colophon::read(&input, None) {
        Ok(r) => r,
        Err(e) => return vec![format!("read failed: {e}")],
    };
    let expect: Value = toml::from_str(&std::fs::read_to_string(dir.join("expect.toml")).unwrap()).unwrap();
    let m = &doc.meta;

    let titles: Vec<(Option<String>, String)> = expect
        .get("title")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|t| (s(t, "lang"), s(t, "text").unwrap())).collect())
        .unwrap_or_default();
    let got_titles: Vec<(Option<String>, String)> =
        m.titles.iter().map(|t| (lang(&t.lang), t.text.clone())).collect();
    eq(&mut errs, "titles".into(), format!("{got_titles:?}"), format!("{titles:?}"));

    if let Some(a) = expect.get("author") {
        let got = m.authors.first().cloned().unwrap_or_default();
        for (key, val) in [
            ("name", &got.name),
            ("note", &got.note),
            ("affiliation", &got.affiliation),
            ("email", &got.email),
        ] {
            if let Some(want) = s(a, key) {
                eq(&mut errs, format!("author.{key}"), format!("{val:?}"), format!("{:?}", Some(want)));
            }
        }
    }

    let abstracts = expect.get("abstract").and_then(Value::as_array).cloned().unwrap_or_default();
    eq(&mut errs, "abstract count".into(), m.abstracts.len().to_string(), abstracts.len().to_string());
    for (k, (a, want)) in m.abstracts.iter().zip(&abstracts).enumerate() {
        eq(
            &mut errs,
            format!("abstract {k} lang"),
            format!("{:?}", lang(&a.lang)),
            format!("{:?}", s(want, "lang")),
        );
        if let Some(p) = want.get("paragraphs").and_then(Value::as_integer) {
            eq(&mut errs, format!("abstract {k} paragraphs"), a.content.len().to_string(), p.to_string());
        }
        let text = a.content.first().map(|b| plain_text(b.content())).unwrap_or_default();
        if let Some(start) = s(want, "starts") {
            if !text.starts_with(&start) {
                errs.push(format!(
                    "abstract {k} starts {:?}, want {start:?}",
                    text.chars().take(40).collect::<String>()
                ));
            }
        }
    }

    let keywords = expect.get("keywords").and_then(Value::as_array).cloned().unwrap_or_default();
    let got_kw: Vec<(Option<String>, Vec<String>)> =
        m.keywords.iter().map(|k| (lang(&k.lang), k.terms.clone())).collect();
    let want_kw: Vec<(Option<String>, Vec<String>)> =
        keywords.iter().map(|k| (s(k, "lang"), strings(k.get("terms")))).collect();
    eq(&mut errs, "keywords".into(), format!("{got_kw:?}"), format!("{want_kw:?}"));

    let body = body_text(&doc);
    let calls = body_with_calls(&doc);
    if let Some(b) = expect.get("body") {
        if let Some(p) = b.get("paragraphs").and_then(Value::as_integer) {
            eq(&mut errs, "body paragraphs".into(), doc.paragraph_count().to_string(), p.to_string());
        }
        let headings: Vec<String> = doc
            .body
            .iter()
            .filter(|b| matches!(b, Block::Heading { .. }))
            .map(|b| plain_text(b.content()))
            .collect();
        eq(
            &mut errs,
            "headings".into(),
            format!("{headings:?}"),
            format!("{:?}", strings(b.get("headings"))),
        );
        // The printed pages, in order, each where its text begins (`pages`, when given).
        if let Some(want) = b.get("pages") {
            let got: Vec<String> = body_pages(&doc);
            eq(&mut errs, "printed pages".into(), format!("{got:?}"), format!("{:?}", strings(Some(want))));
        }
        for a in strings(b.get("absent")) {
            if body.contains(&a) {
                errs.push(format!("body contains {a:?}"));
            }
        }
        for c in strings(b.get("contains")) {
            if !body.contains(&c) {
                errs.push(format!("body lacks {c:?}"));
            }
        }
    }

    let notes = doc.notes();
    let want_notes = expect.get("note").and_then(Value::as_array).cloned().unwrap_or_default();
    eq(&mut errs, "note count".into(), notes.len().to_string(), want_notes.len().to_string());
    let mut from = 0;
    for (n, want) in notes.iter().zip(&want_notes) {
        let label = s(want, "label").unwrap();
        eq(&mut errs, format!("note {label} label"), n.label.clone(), label.clone());
        eq(&mut errs, format!("note {label} text"), note_text(n), s(want, "text").unwrap());
        let anchored = want.get("anchored").and_then(Value::as_bool).unwrap_or(true);
        eq(
            &mut errs,
            format!("note {label} anchored"),
            (n.anchor == Anchor::Call).to_string(),
            anchored.to_string(),
        );
        // The text right before the call, earlier calls stripped.
        let marker = format!("[^{}]", n.label);
        match calls[from..].find(&marker) {
            Some(pos) => {
                let at = from + pos;
                let mut before = calls[..at].to_string();
                while before.ends_with(']') {
                    match before.rfind("[^") {
                        Some(k) => before.truncate(k),
                        None => break,
                    }
                }
                if let Some(want_before) = s(want, "before") {
                    if !before.trim_end().ends_with(want_before.trim_end()) {
                        let tail: String =
                            before.chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
                        errs.push(format!("note {label}: call after {tail:?}, want after {want_before:?}"));
                    }
                }
                from = at + marker.len();
            }
            None => errs.push(format!("note {label}: no call in the body")),
        }
    }

    let refs: Vec<String> = doc
        .back
        .bibliography
        .as_ref()
        .map(|b| b.entries.iter().map(|e| e.raw.clone()).collect())
        .unwrap_or_default();
    let want_refs: Vec<String> = expect
        .get("reference")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|r| s(r, "text").unwrap()).collect())
        .unwrap_or_default();
    if refs != want_refs {
        errs.push(format!("references differ:\n  got  {refs:#?}\n  want {want_refs:#?}"));
    }

    // The subheadings of a divided list (none where the fixture lists none).
    let parts: Vec<(String, usize)> = doc
        .back
        .bibliography
        .as_ref()
        .map(|b| b.parts.iter().map(|p| (p.heading.clone(), p.start)).collect())
        .unwrap_or_default();
    let want_parts: Vec<(String, usize)> = expect
        .get("part")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|p| {
                    let start = p.get("start").and_then(Value::as_integer).unwrap_or(-1);
                    (s(p, "heading").unwrap(), usize::try_from(start).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    eq(&mut errs, "bibliography parts".into(), format!("{parts:?}"), format!("{want_parts:?}"));

    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    for want in strings(expect.get("diagnostics").and_then(|d| d.get("codes"))) {
        if !codes.contains(&want.as_str()) {
            errs.push(format!("diagnostic {want} not reported (got {codes:?})"));
        }
    }
    errs
}

#[test]
fn fixtures_match_their_expected_facts() {
    let dir = root().join("tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("input.txt").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 13, "fixtures are missing");
    let mut failures = Vec::new();
    for d in &dirs {
        let errs = check(d);
        if !errs.is_empty() {
            failures.push(format!(
                "{}:\n  - {}",
                d.file_name().unwrap().to_string_lossy(),
                errs.join("\n  - ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures fail:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
}

#[test]
fn fixtures_match_their_golden_json() {
    let dir = root().join("tests/fixtures");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let d = entry.unwrap().path();
        if !d.join("input.txt").is_file() {
            continue;
        }
        let (doc, _) = colophon::load(&d.join("input.txt"), None, &colophon::Resources::builtin()).unwrap();
        assert_golden(&d.join("expected.json"), &colophon::write::json::write(&doc));
    }
}

/// The printed page numbers of the body's milestones, in order.
fn body_pages(doc: &colophon::model::Document) -> Vec<String> {
    fn walk(inlines: &[colophon::model::Inline], out: &mut Vec<String>) {
        use colophon::model::Inline;
        for i in inlines {
            match i {
                Inline::PageBreak { n } => out.push(n.clone()),
                Inline::Emph { content }
                | Inline::Strong { content }
                | Inline::Span { content, .. }
                | Inline::Link { content, .. } => walk(content, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for b in doc.body.iter().flat_map(Block::leaves) {
        walk(b.content(), &mut out);
    }
    out
}
