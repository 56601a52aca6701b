use super::*;
use crate::model::{Anchor, BibEntry, Bibliography, Note};

fn doc() -> Document {
    let mut d = Document::new();
    let note = Note {
        label: "1".into(),
        kind: Default::default(),
        anchor: Anchor::Call,
        lang: None,
        content: vec![Block::paragraph(vec![Inline::text(
            "Телеграмма Чичерина. 1920 // РГАСПИ, ф.85, оп.13, д.32, л.3.",
        )])],
    };
    d.body.push(Block::paragraph(vec![
        Inline::text("The war in the South Caucasus was about the borders of the new republics."),
        Inline::Note(note),
    ]));
    let raw = "Байков Б.Л. \"Воспоминания о революции в Закавказье\". (Москва, 1991), т.9-10, с.114.";
    d.back.bibliography = Some(Bibliography::new("REFERENCES", vec![BibEntry::plain(raw)]));
    d
}

#[test]
fn enrich_finds_shelfmarks_fields_and_languages() {
    let mut d = doc();
    let diags = enrich(&mut d, &ArchiveTable::builtin());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(d.meta.lang.as_ref().map(|l| l.as_str()), Some("en"));
    let notes = d.notes();
    assert_eq!(notes[0].lang.as_ref().map(|l| l.as_str()), Some("ru"));
    let para = notes[0].content[0].content();
    assert!(para
        .iter()
        .any(|i| matches!(i, Inline::Shelfmark(s) if s.raw == "РГАСПИ, ф.85, оп.13, д.32, л.3")));
    assert_eq!(d.back.archives.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["rgaspi"]);
    let e = &d.back.bibliography.as_ref().unwrap().entries[0];
    assert_eq!(e.lang.as_ref().map(|l| l.as_str()), Some("ru"));
    assert_eq!(e.fields.year.and_then(|y| y.get(&e.raw)), Some("1991"));
    assert_eq!(plain_text(para), "Телеграмма Чичерина. 1920 // РГАСПИ, ф.85, оп.13, д.32, л.3.");
}

#[test]
fn enrich_is_idempotent_and_keeps_given_values() {
    let mut d = doc();
    d.meta.lang = Some(crate::model::LangTag::parse("tr").unwrap());
    let t = ArchiveTable::builtin();
    enrich(&mut d, &t);
    let once = d.clone();
    enrich(&mut d, &t);
    assert_eq!(d, once);
    assert_eq!(d.meta.lang.as_ref().map(|l| l.as_str()), Some("tr"), "a given language wins");
}
