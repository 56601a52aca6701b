use super::*;

fn one(text: &str) -> Shelfmark {
    let found = find(text, &ArchiveTable::builtin());
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap().shelfmark
}

fn value(p: &Option<ShelfmarkPart>) -> &str {
    p.as_ref().map_or("", |p| p.value.as_str())
}

fn parts(s: &Shelfmark) -> (Option<&str>, &str, &str, &str, String) {
    (
        s.archive.as_ref().and_then(|a| a.id.as_deref()),
        value(&s.fond),
        value(&s.opis),
        value(&s.delo),
        s.folios.as_ref().map_or(String::new(), |f| folios_key(&f.ranges)),
    )
}

#[test]
fn russian_with_points_and_verso() {
    let s = one("Письмо. РГАСПИ. Ф. 85. Оп. 13. Д. 32. Л. 3 об.");
    assert_eq!(s.raw, "РГАСПИ. Ф. 85. Оп. 13. Д. 32. Л. 3 об.");
    assert_eq!(parts(&s), (Some("rgaspi"), "85", "13", "32", "3v".into()));
    assert_eq!(s.fond.as_ref().unwrap().label, "Ф.");
}

#[test]
fn compact_russian_and_spans_index_raw() {
    let s = one("Телеграмма // РГАСПИ, ф.85, оп.13, д.32, л.3.");
    assert_eq!(s.raw, "РГАСПИ, ф.85, оп.13, д.32, л.3");
    let fond = s.fond.as_ref().unwrap();
    assert_eq!(fond.span.get(&s.raw), Some("85"));
    assert_eq!(fond.label_span.get(&s.raw), Some("ф."));
    let f = s.folios.as_ref().unwrap();
    assert_eq!(f.span.get(&s.raw), Some("3"));
    assert_eq!(s.archive.as_ref().unwrap().span.unwrap().get(&s.raw), Some("РГАСПИ"));
}

#[test]
fn greek_phi_is_read_as_fond_but_kept_in_raw() {
    let s = one("// РГАСПИ, ϕ .85, оп.13, д.32, л.3.");
    assert_eq!(s.raw, "РГАСПИ, ϕ .85, оп.13, д.32, л.3");
    assert_eq!(parts(&s), (Some("rgaspi"), "85", "13", "32", "3".into()));
}

#[test]
fn full_name_with_acronym_and_unit_letters() {
    let s = one("02.07.1920 // Российский Государственный Архив Социально-Политической Истории (РГАСПИ), ф.85, оп.3 с., д. 2, л. 3.");
    assert!(s.raw.starts_with("Российский"), "{}", s.raw);
    assert_eq!(parts(&s), (Some("rgaspi"), "85", "3с", "2", "3".into()));
}

#[test]
fn several_shelfmarks_inherit_the_archive() {
    let t = "(АОПДУДПАР), ф. 1, сп.169, д 249, л.8; ф.1, сп.31, д. 186а, л.9; Газ. \"Коммунист\", №1.";
    let found = find(t, &ArchiveTable::builtin());
    assert_eq!(found.len(), 2);
    assert_eq!(parts(&found[0].shelfmark), (Some("arpiissa"), "1", "169", "249", "8".into()));
    assert_eq!(parts(&found[1].shelfmark), (Some("arpiissa"), "1", "31", "186а", "9".into()));
    assert!(found[1].shelfmark.archive.as_ref().unwrap().span.is_none());
    assert_eq!(found[1].shelfmark.raw, "ф.1, сп.31, д. 186а, л.9");
}

#[test]
fn azerbaijani_and_romanised() {
    let s = one("Июль 1920 // РГАСПИ; ARPİİİSSA, f. 1, siy. 31, iş 186 a, v. 38.");
    assert_eq!(parts(&s), (Some("arpiissa"), "1", "31", "186a", "38".into()));
    let s = one("22 June 1920, PDA PAR, f. 1, op. 1, d. 2a, l. 9.");
    assert_eq!(parts(&s), (Some("arpiissa"), "1", "1", "2a", "9".into()));
    let s = one("ARP II SSA. F.1, siy.2, sax.vah.15, vv.3, 3arxa.");
    assert_eq!(parts(&s), (Some("arpiissa"), "1", "2", "15", "3,3v".into()));
    let s = one("GARF, f. 1235, op.1, d. 16, ll. 5-7ob.");
    assert_eq!(parts(&s), (Some("garf"), "1235", "1", "16", "5r-7v".into()));
}

#[test]
fn english_calque_and_positional_forms() {
    let s = one("1919 / Central State Archive of Azerbaijan Republic reserve 894, inventory 10, folder (delo) 81, lists 9-10 / Documents");
    assert_eq!(parts(&s), (Some("arda"), "894", "10", "81", "9-10".into()));
    let t = "ARSPIHDA, fn 609, 11, fl 21, p 97; fn 609, 11, fl 15, p 116.";
    let found = find(t, &ArchiveTable::builtin());
    assert_eq!(found.len(), 2);
    assert_eq!(parts(&found[0].shelfmark), (Some("arpiissa"), "609", "11", "21", "97".into()));
    assert_eq!(parts(&found[1].shelfmark), (Some("arpiissa"), "609", "11", "15", "116".into()));
    assert_eq!(found[0].shelfmark.opis.as_ref().unwrap().label, "");
}

#[test]
fn ukrainian_with_verso() {
    let s = one("ЦДАВО України, ф. 1, оп. 1, спр. 5, арк. 3 зв.");
    assert_eq!(parts(&s), (Some("tsdavo"), "1", "1", "5", "3v".into()));
}

#[test]
fn unknown_archives_are_printed_without_id() {
    let s = one("ЦГАИПД. Ф. 1728. Ед. хр. 537079.");
    assert_eq!(s.archive.as_ref().map(|a| (a.name.as_str(), a.id.clone())), Some(("ЦГАИПД", None)));
    assert_eq!(value(&s.delo), "537079");
    let s = one("see the State Archive of Ryazan Oblast, f. 5, op. 2, d. 7.");
    assert_eq!(s.archive.as_ref().unwrap().name, "State Archive of Ryazan Oblast");
}

#[test]
fn look_alike_letters_are_repaired_in_values_only() {
    let s = one("ГАРФ, ф. 5, оп. 1, д. 186a, л. 2");
    assert_eq!(value(&s.delo), "186а", "Latin a becomes Cyrillic а");
    assert!(s.raw.contains("186a"));
    let s = one("ф. 28 s., сп.1, д. 99, л.12");
    assert_eq!(value(&s.fond), "28s");
}

#[test]
fn page_references_volumes_dates_and_initials_are_not_shelfmarks() {
    let t = ArchiveTable::builtin();
    for text in [
        "Байков Б.Л. Воспоминания. (Москва, 1991), т.9-10, с.114.",
        "Documents and Publications... p. 257.",
        "Газ. \"Коммунист\", Баку,01.05.1920, №1.",
        "Ф. Энгельс и Д. Гусейнов, Л. Троцкий",
        "F. Engels, vol. 4, no. 29, pp. 26-33",
        "— М.: Наука, 2006. — 221 с.",
        "ф. 85",
        "Bakı, 1996, s. 301.",
    ] {
        assert_eq!(find(text, &t), vec![], "{text}");
    }
}
