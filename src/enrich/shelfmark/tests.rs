use super::*;
use crate::model::LevelKind;

fn one(text: &str) -> Shelfmark {
    let found = find(text, &ArchiveTable::builtin());
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap().shelfmark
}

fn value(s: &Shelfmark, level: LevelKind) -> &str {
    s.get(level).map_or("", |p| p.value.as_str())
}

fn parts(s: &Shelfmark) -> (Option<&str>, &str, &str, &str, String) {
    (
        s.archive.as_ref().and_then(|a| a.id.as_deref()),
        value(s, LevelKind::Fond),
        value(s, LevelKind::Opis),
        value(s, LevelKind::Delo),
        s.folios.as_ref().map_or(String::new(), |f| folios_key(&f.ranges)),
    )
}

#[test]
fn russian_with_points_and_verso() {
    let s = one("Письмо. РГАСПИ. Ф. 85. Оп. 13. Д. 32. Л. 3 об.");
    assert_eq!(s.raw, "РГАСПИ. Ф. 85. Оп. 13. Д. 32. Л. 3 об.");
    assert_eq!(parts(&s), (Some("rgaspi"), "85", "13", "32", "3v".into()));
    assert_eq!(s.get(LevelKind::Fond).unwrap().label, "Ф.");
}

#[test]
fn compact_russian_and_spans_index_raw() {
    let s = one("Телеграмма // РГАСПИ, ф.85, оп.13, д.32, л.3.");
    assert_eq!(s.raw, "РГАСПИ, ф.85, оп.13, д.32, л.3");
    let fond = s.get(LevelKind::Fond).unwrap();
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
    assert_eq!(found[0].shelfmark.get(LevelKind::Opis).unwrap().label, "");
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
    assert_eq!(value(&s, LevelKind::Delo), "537079");
    let s = one("see the State Archive of Ryazan Oblast, f. 5, op. 2, d. 7.");
    assert_eq!(s.archive.as_ref().unwrap().name, "State Archive of Ryazan Oblast");
}

#[test]
fn look_alike_letters_are_repaired_in_values_only() {
    let s = one("ГАРФ, ф. 5, оп. 1, д. 186a, л. 2");
    assert_eq!(value(&s, LevelKind::Delo), "186а", "Latin a becomes Cyrillic а");
    assert!(s.raw.contains("186a"));
    let s = one("ф. 28 s., сп.1, д. 99, л.12");
    assert_eq!(value(&s, LevelKind::Fond), "28s");
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

/// Every level's name and value, then folios and pages, as the labelled sets key them.
fn keyed(s: &Shelfmark) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        s.levels().into_iter().map(|(n, p)| (n.to_string(), p.value.clone())).collect();
    if let Some(f) = &s.folios {
        out.push(("folios".into(), folios_key(&f.ranges)));
    }
    if let Some(p) = &s.pages {
        out.push(("pages".into(), folios_key(&p.ranges)));
    }
    out
}

/// Asserts the archive id and the keyed parts of the one shelfmark in `text`.
fn check(text: &str, archive: Option<&str>, want: &[(&str, &str)]) -> Shelfmark {
    let s = one(text);
    assert_eq!(s.archive.as_ref().and_then(|a| a.id.as_deref()), archive, "{text}");
    let want: Vec<(String, String)> = want.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(keyed(&s), want, "{text}");
    s
}

#[test]
fn ukrainian_and_belarusian_labels() {
    check(
        "ЦДАГО України, ф. 1, оп. 20, спр. 6212, арк. 5 зв.",
        Some("tsdago"),
        &[("fond", "1"), ("opis", "20"), ("delo", "6212"), ("folios", "5v")],
    );
    check(
        "НАРБ, ф. 4п, воп. 1, спр. 12, арк. 3 адв.",
        Some("narb"),
        &[("fond", "4п"), ("opis", "1"), ("delo", "12"), ("folios", "3v")],
    );
    check(
        "НГАБ, ф. 295, воп. 1, адз. зах. 1234, арк. 5-7.",
        Some("ngab"),
        &[("fond", "295"), ("opis", "1"), ("delo", "1234"), ("folios", "5-7")],
    );
    check(
        "ДАКО, ф. 1, оп. 1, спр. 2, арк. 3",
        Some("dako"),
        &[("fond", "1"), ("opis", "1"), ("delo", "2"), ("folios", "3")],
    );
}

#[test]
fn azerbaijani_in_both_scripts() {
    check(
        "ARDA, f. 28, siy. 1, iş 45, vv. 3-5 arxa.",
        Some("arda"),
        &[("fond", "28"), ("opis", "1"), ("delo", "45"), ("folios", "3r-5v")],
    );
    check(
        "АРДА, ф. 28, сиј. 1, иш 45, вв. 3.",
        Some("arda"),
        &[("fond", "28"), ("opis", "1"), ("delo", "45"), ("folios", "3")],
    );
}

#[test]
fn armenian_and_georgian_scripts_and_transliteration() {
    check(
        "ՀԱԱ, ֆ. 1, ց. 2, գ. 3, թ. 4",
        Some("naa"),
        &[("fond", "1"), ("opis", "2"), ("delo", "3"), ("folios", "4")],
    );
    // `ფ.` is the fond before the file and a folio after it.
    check(
        "სეა, ფ. 1831, ან. 2, საქ. 45, ფ. 12",
        Some("nag"),
        &[("fond", "1831"), ("opis", "2"), ("delo", "45"), ("folios", "12")],
    );
    check(
        "სეა, ფონდი 1831, ანაწერი 2, საქმე 45, ფურც. 12-13",
        Some("nag"),
        &[("fond", "1831"), ("opis", "2"), ("delo", "45"), ("folios", "12-13")],
    );
    check(
        "NAG, f. 1831, anaw. 2, saq. 45, furc. 12",
        Some("nag"),
        &[("fond", "1831"), ("opis", "2"), ("delo", "45"), ("folios", "12")],
    );
}

#[test]
fn english_renderings_with_pages_and_folios() {
    check(
        "GARF, f. 5446, desc. 1, file 12, p. 5",
        Some("garf"),
        &[("fond", "5446"), ("opis", "1"), ("delo", "12"), ("pages", "5")],
    );
    check(
        "RGASPI, f. 17, op. 3, d. 5, ff. 3-4",
        Some("rgaspi"),
        &[("fond", "17"), ("opis", "3"), ("delo", "5"), ("folios", "3-4")],
    );
    check(
        "RGVA, f. 5, op. 1, d. 2, fol. 7",
        Some("rgva"),
        &[("fond", "5"), ("opis", "1"), ("delo", "2"), ("folios", "7")],
    );
}

#[test]
fn the_long_form_spells_each_level_out() {
    let s = check(
        "RGIA, fond (f.) 1286 (Departament politsii), opis' (op.) 1, delo (d.) 122, list (l.) 5ob.",
        Some("rgia"),
        &[("fond", "1286"), ("opis", "1"), ("delo", "122"), ("folios", "5v")],
    );
    assert!(s.raw.ends_with("5ob."), "{}", s.raw);
    assert_eq!(s.get(LevelKind::Fond).unwrap().label, "fond (f.)");
}

#[test]
fn years_glosses_and_sub_units_stay_inside_raw() {
    let s = check(
        "RGIA, f. 1286, op. 1, 1806 g., d. 122, l. 5",
        Some("rgia"),
        &[("fond", "1286"), ("opis", "1"), ("delo", "122"), ("folios", "5")],
    );
    assert!(s.raw.contains("1806 g."));
    check(
        "ЦГИА, ф. 1, оп. 2 за 1792 г., д. 5, л. 3",
        Some("rgia"),
        &[("fond", "1"), ("opis", "2"), ("delo", "5"), ("folios", "3")],
    );
    check(
        "RGASPI, f. 17, op. 3, p. 1, d. 5, l. 3",
        Some("rgaspi"),
        &[("fond", "17"), ("opis", "3"), ("box", "1"), ("delo", "5"), ("folios", "3")],
    );
    check(
        "RGASPI, f. 17, op. 3, d. 5, chast' 2, l. 3",
        Some("rgaspi"),
        &[("fond", "17"), ("opis", "3"), ("delo", "5"), ("part", "2"), ("folios", "3")],
    );
    check(
        "ЦГИА, ф. 1, оп. 2, д. 5, т. 1, л. 3",
        Some("rgia"),
        &[("fond", "1"), ("opis", "2"), ("delo", "5"), ("volume", "1"), ("folios", "3")],
    );
}

#[test]
fn lists_ranges_prefixes_suffixes_and_ocr() {
    check(
        "ГАРФ. Ф. 1. Оп. 1, 2. Д. 174, 194.",
        Some("garf"),
        &[("fond", "1"), ("opis", "1,2"), ("delo", "174,194")],
    );
    check("ГАРФ. Ф. 1. Оп. 1. Д. 5–7.", Some("garf"), &[("fond", "1"), ("opis", "1"), ("delo", "5-7")]);
    check(
        "ГАРФ, ф. р-4808, оп. 1, д. 20722-пф, л. 3",
        Some("garf"),
        &[("fond", "р-4808"), ("opis", "1"), ("delo", "20722-пф"), ("folios", "3")],
    );
    check(
        "ГАРФ, ф. Р — 1878, оп. 1, д. 3",
        Some("garf"),
        &[("fond", "Р-1878"), ("opis", "1"), ("delo", "3")],
    );
    check(
        "ГАРФ, Ф.641/1, Оп. 1, Д. N 6530.",
        Some("garf"),
        &[("fond", "641/1"), ("opis", "1"), ("delo", "6530")],
    );
    check(
        "ГАРФ. Ф. 1. On. 1. Д. 5. Л. 3.",
        Some("garf"),
        &[("fond", "1"), ("opis", "1"), ("delo", "5"), ("folios", "3")],
    );
    check(
        "ГАРФ. Ф. 1 – Оп. 2 – Д. 3 – Л. 4.",
        Some("garf"),
        &[("fond", "1"), ("opis", "2"), ("delo", "3"), ("folios", "4")],
    );
    check(
        "RTsKhIDNI, f. 5, op. 1, d. 2, ll. 3-4",
        Some("rgaspi"),
        &[("fond", "5"), ("opis", "1"), ("delo", "2"), ("folios", "3-4")],
    );
}

#[test]
fn ottoman_and_republican_turkish_archives() {
    check(
        "BOA, DH.KMS, 50-1/15",
        Some("boa"),
        &[("collection", "DH.KMS"), ("dossier", "50-1"), ("document", "15")],
    );
    check(
        "BOA, DH.KMS, Dosya No: 12, Gömlek No: 7",
        Some("boa"),
        &[("collection", "DH.KMS"), ("dossier", "12"), ("document", "7")],
    );
    check(
        "BOA, Y.PRK.ASK, 12/34",
        Some("boa"),
        &[("collection", "Y.PRK.ASK"), ("dossier", "12"), ("document", "34")],
    );
    check(
        "BOA, İ.HUS, 123/45",
        Some("boa"),
        &[("collection", "İ.HUS"), ("dossier", "123"), ("document", "45")],
    );
    check(
        "BOA, DH.ŞFR, nr. 54/308",
        Some("boa"),
        &[("collection", "DH.ŞFR"), ("dossier", "54"), ("document", "308")],
    );
    let found = find("BOA, HR.SYS, 2876/4; HR.SYS, 2877/5.", &ArchiveTable::builtin());
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].shelfmark.archive.as_ref().and_then(|a| a.id.as_deref()), Some("boa"));
    assert_eq!(found[1].shelfmark.raw, "HR.SYS, 2877/5");
    check(
        "ATASE, BDH, Klasör 123, Dosya 45, Fihrist 6",
        Some("atase"),
        &[("collection", "BDH"), ("box", "123"), ("dossier", "45"), ("document", "6")],
    );
    check("BCA, 030.18.01.02/12.45.3", Some("bca"), &[("collection", "030.18.01.02"), ("item", "12.45.3")]);
}

#[test]
fn british_department_codes_with_or_without_the_archive() {
    let s = check("FO 371/3404", Some("tna"), &[("collection", "FO"), ("series", "371"), ("piece", "3404")]);
    assert!(s.archive.as_ref().unwrap().span.is_none(), "implied, not printed");
    check(
        "TNA, FO 371/3404/12345, f. 12",
        Some("tna"),
        &[("collection", "FO"), ("series", "371"), ("piece", "3404"), ("item", "12345"), ("folios", "12")],
    );
    check(
        "see WO 95/2970/3.",
        Some("tna"),
        &[("collection", "WO"), ("series", "95"), ("piece", "2970"), ("item", "3")],
    );
    check("CAB 23/5", Some("tna"), &[("collection", "CAB"), ("series", "23"), ("piece", "5")]);
}

#[test]
fn german_french_and_american_archives() {
    check(
        "BArch R 43-I/1234, Bl. 5",
        Some("barch"),
        &[("collection", "R 43-I"), ("file", "1234"), ("folios", "5")],
    );
    check("BA-MA RH 2/123", Some("barch"), &[("collection", "RH 2"), ("file", "123")]);
    check("PA AA, R 14087", Some("paaa"), &[("file", "R 14087")]);
    check("PA AA, RZ 201/R 14087", Some("paaa"), &[("collection", "RZ 201"), ("file", "R 14087")]);
    check("SHD, GR 7 N 1636", Some("shd"), &[("series", "7 N"), ("item", "1636")]);
    check("AN, F/7/13424", Some("an"), &[("series", "F/7"), ("item", "13424")]);
    check(
        "NARA, RG 59, Entry 205, Box 115",
        Some("nara"),
        &[("record_group", "59"), ("entry", "205"), ("box", "115")],
    );
    check("RG 59, 861.00/1234", Some("nara"), &[("record_group", "59"), ("file", "861.00/1234")]);
    check("NARA, M316, roll 12", Some("nara"), &[("microfilm", "M316"), ("roll", "12")]);
}

#[test]
fn statutes_volumes_pages_initials_and_codes_in_prose_are_not_shelfmarks() {
    let t = ArchiveTable::builtin();
    for text in [
        "Art. 12 Abs. 3 GG",
        "vol. 12, no. 4, pp. 23-5",
        "ДВП СССР. Т. 3. С. 5.",
        "Ф. М. Достоевский, т. 5, с. 12",
        "§ 4 Abs. 2",
        "ISBN 978-5-8243-1234-5",
        "ISBN 0-19-821 1/2",
        "FO officials in 1920 argued",
        "the FO and WO disagreed",
        "BOA archive was used",
        "NARA holds RG 59",
        "USSR 1922/23 budget",
        "f. 12, p. 3",
        "ф. 5, с. 12",
        "А. Ф. Керенский, ф. 1",
    ] {
        assert_eq!(find(text, &t), vec![], "{text}");
    }
}

#[test]
fn no_input_panics() {
    let t = ArchiveTable::builtin();
    for text in [
        "ф.",
        "ф. 1, оп.",
        "BOA,",
        "BOA, DH.",
        "FO 371/",
        "RG",
        "NARA, RG",
        "PA AA, R",
        "AN, F/",
        "ф. Р —",
        "(",
        "ფ.",
    ] {
        let _ = find(text, &t);
    }
}

#[test]
fn more_spellings_of_the_coded_families() {
    let s = check(
        "Osmanlı Arşivi (BOA), DH.KMS, 50-1/15",
        Some("boa"),
        &[("collection", "DH.KMS"), ("dossier", "50-1"), ("document", "15")],
    );
    assert_eq!(s.archive.as_ref().unwrap().name, "Osmanlı Arşivi (BOA)");
    check(
        "BOA, DH.EUM.4.Şb, 12/34",
        Some("boa"),
        &[("collection", "DH.EUM.4.Şb"), ("dossier", "12"), ("document", "34")],
    );
    check(
        "ATASE Arşivi, Kol.: BDH, Kls.: 123, Dos.: 45, F.: 6",
        Some("atase"),
        &[("collection", "BDH"), ("box", "123"), ("dossier", "45"), ("document", "6")],
    );
    let s = check(
        "TNA: PRO, FO 371/3404, ff. 12–15",
        Some("tna"),
        &[("collection", "FO"), ("series", "371"), ("piece", "3404"), ("folios", "12-15")],
    );
    assert_eq!(s.archive.as_ref().unwrap().name, "TNA: PRO");
    check(
        "Bundesarchiv Berlin, R 43 I/1234, Bl. 5 RS",
        Some("barch"),
        &[("collection", "R 43 I"), ("file", "1234"), ("folios", "5v")],
    );
    check("PA AA, Türkei 183, Bd. 12", Some("paaa"), &[("collection", "Türkei 183"), ("volume", "12")]);
    check("SHD/GR, 7 N 1636", Some("shd"), &[("series", "7 N"), ("item", "1636")]);
    check("AN, F7/13424", Some("an"), &[("series", "F7"), ("item", "13424")]);
    check("NARA, T-120, roll 1234", Some("nara"), &[("microfilm", "T-120"), ("roll", "1234")]);
    check(
        "AMAE, Correspondance politique, Turquie, vol. 567, f. 12",
        Some("amae"),
        &[("series", "Correspondance politique, Turquie"), ("volume", "567"), ("folios", "12")],
    );
}

#[test]
fn more_post_soviet_spellings() {
    check(
        "ЦДАГО України. – Ф. 1. – Оп. 20. – Спр. 6212. – Арк. 5–7.",
        Some("tsdago"),
        &[("fond", "1"), ("opis", "20"), ("delo", "6212"), ("folios", "5-7")],
    );
    check(
        "HDA SBU, f. 6, spr. 75131-FP, t. 1, ark. 5zv.",
        Some("hda-sbu"),
        &[("fond", "6"), ("delo", "75131-FP"), ("volume", "1"), ("folios", "5v")],
    );
    check(
        "NARB, f. 4p, vop. 1, spr. 123, ark. 45",
        Some("narb"),
        &[("fond", "4p"), ("opis", "1"), ("delo", "123"), ("folios", "45")],
    );
}

/// Every family's examples, cut at every character and glued in pairs: no panic, and every
/// span indexes the shelfmark's `raw`.
#[test]
fn every_cut_of_every_family_example() {
    let t = ArchiveTable::builtin();
    let examples = [
        "ЦДАГО України, ф. 1, оп. 20, спр. 6212, арк. 5 зв.",
        "НАРБ, ф. 4п, воп. 1, спр. 12, арк. 3 адв.",
        "НГАБ, ф. 295, воп. 1, адз. зах. 1234, арк. 5-7.",
        "ARDA, f. 28, siy. 1, iş 45, vv. 3-5 arxa.",
        "АРДА, ф. 28, сиј. 1, иш 45, вв. 3.",
        "ՀԱԱ, ֆ. 1, ց. 2, գ. 3, թ. 4",
        "სეა, ფ. 1831, ან. 2, საქ. 45, ფ. 12",
        "sea, f. 1831, anaw. 2, saq. 45, furc. 12",
        "GARF, f. 5446, desc. 1, file 12, p. 5",
        "RGIA, fond (f.) 1286 (Departament politsii), opis' (op.) 1, delo (d.) 122, list (l.) 5ob.",
        "RGIA, f. 1286, op. 1, 1806 g., d. 122, l. 5",
        "ЦГИА, ф. 1, оп. 2 за 1792 г., д. 5, л. 3",
        "ГАРФ. Ф. 1. Оп. 1, 2. Д. 174, 194.",
        "ГАРФ. Ф. 1. Оп. 1. Д. 5–7.",
        "ГАРФ, ф. р-4808, оп. 1, д. 20722-пф, л. 3",
        "ГАРФ, ф. Р — 1878, оп. 1, д. 3",
        "ГАРФ, Ф.641/1, Оп. 1, Д. N 6530.",
        "ГАРФ. Ф. 1. On. 1. Д. 5. Л. 3.",
        "ГАРФ. Ф. 1 – Оп. 2 – Д. 3 – Л. 4.",
        "RGASPI, f. 17, op. 3, p. 1, d. 5, l. 3",
        "RGASPI, f. 17, op. 3, d. 5, chast' 2, l. 3",
        "ЦГИА, ф. 1, оп. 2, д. 5, т. 1, л. 3",
        "RTsKhIDNI, f. 5, op. 1, d. 2, ll. 3-4",
        "ДАКО, ф. 1, оп. 1, спр. 2, арк. 3",
        "BOA, DH.KMS, 50-1/15",
        "BOA, HR.SYS, 2876/4; HR.SYS, 2877/5.",
        "BOA, DH.KMS, Dosya No: 12, Gömlek No: 7",
        "BOA, Y.PRK.ASK, 12/34",
        "BOA, İ.HUS, 123/45",
        "BOA, DH.ŞFR, nr. 54/308",
        "ATASE, BDH, Klasör 123, Dosya 45, Fihrist 6",
        "BCA, 030.18.01.02/12.45.3",
        "FO 371/3404",
        "TNA, FO 371/3404/12345, f. 12",
        "WO 95/2970/3",
        "see CAB 23/5, and",
        "BArch R 43-I/1234, Bl. 5",
        "BA-MA RH 2/123",
        "PA AA, R 14087",
        "PA AA, RZ 201/R 14087",
        "SHD, GR 7 N 1636",
        "AN, F/7/13424",
        "NARA, RG 59, Entry 205, Box 115",
        "RG 59, 861.00/1234",
        "NARA, M316, roll 12",
        "Osmanlı Arşivi (BOA), DH.KMS, 50-1/15",
        "ATASE Arşivi, Kol.: BDH, Kls.: 123, Dos.: 45, F.: 6",
        "TNA: PRO, FO 371/3404, ff. 12–15",
        "Bundesarchiv Berlin, R 43 I/1234, Bl. 5 RS",
        "PA AA, Türkei 183, Bd. 12",
        "SHD/GR, 7 N 1636",
        "AN, F7/13424",
        "NARA, T-120, roll 1234",
        "AMAE, Correspondance politique, Turquie, vol. 567, f. 12",
        "BCA, Fon Kodu: 030.18.01.02, Yer No: 12.45.3",
    ];
    let check = |text: &str| {
        for f in find(text, &t) {
            assert_eq!(&text[f.start..f.end], f.shelfmark.raw);
            let raw = &f.shelfmark.raw;
            for (_, p) in f.shelfmark.levels() {
                assert!(p.span.get(raw).is_some() && p.label_span.get(raw).is_some(), "{text}");
            }
            for c in f.shelfmark.folios.iter().chain(f.shelfmark.pages.iter()) {
                assert!(c.span.get(raw).is_some() && c.label_span.get(raw).is_some(), "{text}");
            }
        }
    };
    for e in examples {
        for (i, _) in e.char_indices() {
            check(&e[..i]);
            check(&e[i..]);
        }
    }
    for pair in examples.windows(2) {
        check(&format!("{}; {}", pair[0], pair[1]));
        check(&format!("{} {}", pair[1], pair[0]));
    }
}

#[test]
fn character_references_are_read_decoded_and_raw_stays_as_given() {
    let t = "<p>АП&nbsp;РФ. Ф.3. Оп.57. Д.100. Л.137&ndash;139.</p>";
    let s = check(t, Some("aprf"), &[("fond", "3"), ("opis", "57"), ("delo", "100"), ("folios", "137-139")]);
    assert_eq!(s.raw, "АП&nbsp;РФ. Ф.3. Оп.57. Д.100. Л.137&ndash;139");
    assert_eq!(s.archive.as_ref().unwrap().name, "АП РФ");
    assert_eq!(s.get(LevelKind::Delo).unwrap().span.get(&s.raw), Some("100"));
}

#[test]
fn a_chain_below_the_fond_inherits_the_levels_above_it() {
    let found =
        find("РГАСПИ. Ф.17. Оп.171. Д.421. Л.1–492; Д.420. Л.1–68. Там же. Л.74.", &ArchiveTable::builtin());
    assert_eq!(found.len(), 3, "{found:#?}");
    let second = &found[1].shelfmark;
    assert_eq!(second.raw, "Д.420. Л.1–68");
    assert_eq!(keyed(second), keyed(&one("ф. 17, оп. 171, д. 420, л. 1-68")));
    assert!(second.get(LevelKind::Fond).unwrap().inherited);
    assert_eq!(second.archive.as_ref().and_then(|a| a.id.as_deref()), Some("rgaspi"));
    assert_eq!(keyed(&found[2].shelfmark).last().unwrap(), &("folios".to_string(), "74".to_string()));
    assert_eq!(found[2].shelfmark.get(LevelKind::Delo).unwrap().value, "420", "the shelfmark just before");
    // Nothing to inherit from: a lone `Д. 5` or `Л. 3` is no shelfmark.
    assert_eq!(find("Там же. Д. 33. Л. 7.", &ArchiveTable::builtin()), vec![]);
}

#[test]
fn foreign_relations_sources_are_nara_files() {
    check(
        "Source: Department of State, Central Files, 761.00/4–156. Secret.",
        Some("nara"),
        &[("file", "761.00/4-156")],
    );
    check(
        "Source: Department of State, NEA/NE Files: Lot 63 D 33, Tel Aviv.",
        Some("nara"),
        &[("entry", "Lot 63 D 33")],
    );
    check(
        "Source: National Archives, RG 59, Central Decimal File 1910–1929, Box 733, 103.93/644. No classification.",
        Some("nara"),
        &[("record_group", "59"), ("box", "733"), ("file", "103.93/644")],
    );
    // A title line naming the Department is not part of the source line below it.
    let s = one(
        "Telegram to the Department of State\nSource: Department of State, Central Files, 788.11/3–1662.",
    );
    assert!(s.raw.starts_with("Department of State, Central"), "{}", s.raw);
}

#[test]
fn tna_references_as_printed_in_the_wild() {
    check(
        "Catalogue Reference:CAB/65/7/39 Image",
        Some("tna"),
        &[("collection", "CAB"), ("series", "65"), ("piece", "7"), ("item", "39")],
    );
    check(
        "(F.O. 95/380 and 383–6)",
        Some("tna"),
        &[("collection", "FO"), ("series", "95"), ("piece", "380,383-386")],
    );
    check("the card index (FO 1111).", Some("tna"), &[("collection", "FO"), ("series", "1111")]);
    let s = check(
        "The National Archives, Kew (FO 371/1160)",
        Some("tna"),
        &[("collection", "FO"), ("series", "371"), ("piece", "1160")],
    );
    assert_eq!(s.archive.as_ref().unwrap().name, "The National Archives, Kew");
    // Not a department: the British Library's India Office Records (read as theirs), a statute.
    let ior = find("IOR/L/PS/11/154, P 3412/1919", &ArchiveTable::builtin());
    assert_eq!(ior.len(), 1);
    assert_eq!(ior[0].shelfmark.archive.as_ref().and_then(|a| a.id.as_deref()), Some("bl"));
    assert_eq!(ior[0].shelfmark.raw, "IOR/L/PS/11/154");
    assert_eq!(find("5 U.S.C. 552a", &ArchiveTable::builtin()), vec![]);
}

#[test]
fn armenian_fonds_items_and_leaf_sides() {
    check("ԳԱԹ, Թֆ, № 397։", Some("gat"), &[("collection", "Թֆ"), ("item", "397")]);
    check(
        "ՌՊֆ № 149, թ. 20բ–21ա, անթվակիր",
        None,
        &[("collection", "ՌՊֆ"), ("item", "149"), ("folios", "20v-21r")],
    );
    check("ՌՊֆ № 93 և մեկ", None, &[("collection", "ՌՊֆ"), ("item", "93")]);
    check(
        "ֆ. 20, ց. 4, գ. 2, թ. 14 ա-բ",
        None,
        &[("fond", "20"), ("opis", "4"), ("delo", "2"), ("folios", "14r-14v")],
    );
    check(
        "ՀՍՍՀ ՀՀՍՇ ՊԿԱ, ֆ, 123, ց. 16, գ. 229, թ. 29 բ:",
        Some("naa"),
        &[("fond", "123"), ("opis", "16"), ("delo", "229"), ("folios", "29v")],
    );
    check(
        "HAA, f. 123, c. 1, g. 831, t. 3.",
        Some("naa"),
        &[("fond", "123"), ("opis", "1"), ("delo", "831"), ("folios", "3")],
    );
}

#[test]
fn ottoman_codes_alone_and_french_cotes() {
    check(
        "HR. HU, Kr. 108/141",
        Some("boa"),
        &[("collection", "HR. HU"), ("box", "108"), ("document", "141")],
    );
    check("MAD. d. 4049", Some("boa"), &[("collection", "MAD. d."), ("dossier", "4049")]);
    check(
        "BOA, A.DVN.DVE, No. 976, 61b.",
        Some("boa"),
        &[("collection", "A.DVN.DVE"), ("dossier", "976"), ("folios", "61v")],
    );
    check("Ce fonds (Cote 1J/42/9) entré", None, &[("series", "1J"), ("item", "42/9")]);
    check(
        "SHD, archives du Dépôt de la guerre, GR 2 M 9, organisation",
        Some("shd"),
        &[("series", "2 M"), ("item", "9")],
    );
}

#[test]
fn a_fond_in_prose_takes_the_archive_printed_after_it() {
    let s = check("В&nbsp;фонде 7 ЦА&nbsp;ФСБ сохранились акты", Some("tsa-fsb"), &[("fond", "7")]);
    assert_eq!(s.raw, "фонде 7 ЦА&nbsp;ФСБ");
    assert_eq!(s.archive.as_ref().unwrap().span.unwrap().get(&s.raw), Some("ЦА&nbsp;ФСБ"));
    // Without an archive the table knows, a fond in prose is not a shelfmark.
    assert_eq!(find("в фонде 7 хранятся", &ArchiveTable::builtin()), vec![]);
}

#[test]
fn french_series_and_cotes_cited_alone_name_their_archive() {
    let t = ArchiveTable::builtin();
    let found = find("Les séries GR G, Second Empire ; GR NN, Troisième République.", &t);
    let series: Vec<_> = found.iter().map(|f| keyed(&f.shelfmark)).collect();
    assert_eq!(series, vec![vec![("series".into(), "G".into())], vec![("series".into(), "NN".into())]]);
    assert!(found.iter().all(|f| f.shelfmark.archive.as_ref().unwrap().id.as_deref() == Some("shd")));
    check("SHD, GR Y, dossiers individuels", Some("shd"), &[("series", "Y")]);
    check("Inventaire\n7 N 1812\nDeuxième bureau", Some("shd"), &[("series", "7 N"), ("item", "1812")]);
    check("Cartons 16 N 45-47.", Some("shd"), &[("series", "16 N"), ("item", "45-47")]);
    let s = check("dans la série F/7 (Police générale)", Some("an"), &[("series", "F/7")]);
    assert_eq!(s.raw, "série F/7");
    check("F/7/12345, dossier Dupont", Some("an"), &[("series", "F/7"), ("item", "12345")]);
    check("BB/18/2345", Some("an"), &[("series", "BB/18"), ("item", "2345")]);
    check("versement 19770123/12-19770123/15", Some("an"), &[("series", "19770123"), ("item", "12-15")]);
    check("AN, 20010123/4", Some("an"), &[("series", "20010123"), ("item", "4")]);
    for text in [
        "vol. 3 N 12",
        "Doc. A/61/295 of the General Assembly",
        "S/2000/123",
        "le 12/05/1998",
        "ISBN 978-2-07-036822-8",
        "the series A1 bombers",
        "GR 15 kg",
        "une série de 12 volumes",
    ] {
        assert_eq!(find(text, &t), vec![], "{text}");
    }
}

#[test]
fn bundesarchiv_collections_cited_alone_or_after_the_word_bestand() {
    let t = ArchiveTable::builtin();
    check("Signatur\nNS 6\nTitel", Some("barch"), &[("collection", "NS 6")]);
    check("(RH 2/1234)", Some("barch"), &[("collection", "RH 2"), ("file", "1234")]);
    check("Polizei in Belgien (R 70 BELGIEN), 1940-1944", Some("barch"), &[("collection", "R 70 BELGIEN")]);
    let s = check("im Bundesarchiv-Bestand NS 33", Some("barch"), &[("collection", "NS 33")]);
    assert_eq!(s.raw, "Bundesarchiv-Bestand NS 33");
    check("BArch, Bestand R 43-I/1234", Some("barch"), &[("collection", "R 43-I"), ("file", "1234")]);
    for text in
        ["R 43 is a road", "Table 3 NATO members", "the NS 19th century", "DO 35 alone", "Route R 2 BIS"]
    {
        assert!(
            find(text, &t)
                .iter()
                .all(|f| f.shelfmark.archive.as_ref().unwrap().id.as_deref() != Some("barch")),
            "{text}"
        );
    }
}

#[test]
fn fonds_named_alone_in_archival_words() {
    let t = ArchiveTable::builtin();
    check("the guide lists (fonds 1420) and more", None, &[("fond", "1420")]);
    check("fond 1203 of the National Archives of Armenia", None, &[("fond", "1203")]);
    check("Կաթողիկոսի Դիվանի (ֆ. 201)", None, &[("fond", "201")]);
    check("з № ф. Р-1878 по", None, &[("fond", "Р-1878")]);
    check("фонд № 12 (Канцелярия)", None, &[("fond", "12")]);
    for text in ["ф. 85", "фонд 500 тысяч рублей", "Фонд 2020 года", "в фонде 7 хранятся", "f. 12"]
    {
        assert_eq!(find(text, &t), vec![], "{text}");
    }
}

#[test]
fn slashed_post_soviet_shelfmarks() {
    let t = ArchiveTable::builtin();
    check(
        "TsDAVO 1/2/345, 12–14.",
        Some("tsdavo"),
        &[("fond", "1"), ("opis", "2"), ("delo", "345"), ("folios", "12-14")],
    );
    let s = check(
        "RGASPI 17/3/904 (1932), ll. 5-6; a telegram",
        Some("rgaspi"),
        &[("fond", "17"), ("opis", "3"), ("delo", "904"), ("folios", "5-6")],
    );
    assert_eq!(s.raw, "RGASPI 17/3/904 (1932), ll. 5-6");
    check("GARF 5446/1/64, 130 pages", Some("garf"), &[("fond", "5446"), ("opis", "1"), ("delo", "64")]);
    check(
        "ფ. 1448/2-117, ფურც. 5",
        None,
        &[("fond", "1448"), ("opis", "2"), ("delo", "117"), ("folios", "5")],
    );
    for text in ["on 1/20/1932 the decree", "Article 12/3/2001", "see 17/3/904, 5"] {
        assert_eq!(find(text, &t), vec![], "{text}");
    }
}

#[test]
fn latvian_ordinals_before_their_labels() {
    let s = check(
        "LVVA, 6343. f., 12. apr., 7. l., 14. lp.",
        Some("lvva"),
        &[("fond", "6343"), ("opis", "12"), ("delo", "7"), ("folios", "14")],
    );
    assert_eq!(s.raw, "LVVA, 6343. f., 12. apr., 7. l., 14. lp.");
    check("(LVVA 1. f. 4. apr. 12. lieta)", Some("lvva"), &[("fond", "1"), ("opis", "4"), ("delo", "12")]);
    assert_eq!(find("2005. g. 5. apr. tika", &ArchiveTable::builtin()), vec![]);
}

#[test]
fn small_readings_of_leaves_and_names() {
    // Romanised Armenian `t.` (թերթ) after `g.` (գործ) is a leaf; after `d.` a volume.
    check(
        "NAA, f. 200, c. 1, g. 44, t. 12",
        Some("naa"),
        &[("fond", "200"), ("opis", "1"), ("delo", "44"), ("folios", "12")],
    );
    check(
        "GARF, f. 5, op. 1, d. 3, t. 2",
        Some("garf"),
        &[("fond", "5"), ("opis", "1"), ("delo", "3"), ("volume", "2")],
    );
    // An acronym glossed in English is printed as the acronym.
    let s = check(
        "ГАРФ (State Archive of the Russian Federation), ф. 5446, оп. 1, д. 2",
        Some("garf"),
        &[("fond", "5446"), ("opis", "1"), ("delo", "2")],
    );
    assert_eq!(s.archive.unwrap().name, "ГАРФ");
    check(
        "Presidential Archive of the Russian Federation, f. 3, op. 1, d. 5",
        Some("aprf"),
        &[("fond", "3"), ("opis", "1"), ("delo", "5")],
    );
}

#[test]
fn a_nara_file_after_ibid_is_in_the_archive_before() {
    let text =
        "Source: Department of State, Central Files, 611.61/1–258. Secret. Noted. (Ibid., 611.61/2–358)";
    let found = find(text, &ArchiveTable::builtin());
    assert_eq!(found.len(), 2, "{found:#?}");
    let s = &found[1].shelfmark;
    assert_eq!(keyed(s), vec![("file".to_string(), "611.61/2-358".to_string())]);
    assert_eq!(s.archive.as_ref().unwrap().id.as_deref(), Some("nara"));
    assert!(s.archive.as_ref().unwrap().span.is_none());
}

#[test]
fn boa_collections_without_points_are_not_tna_departments() {
    // Undotted BOA codes with a dossier/document pair name BOA, not TNA.
    check(
        "see the grand vizier's memo (BEO 2871/215211) of 1906",
        Some("boa"),
        &[("collection", "BEO"), ("dossier", "2871"), ("document", "215211")],
    );
    check(
        "Hatt-ı Hümâyûn, HAT 1432/58810.",
        Some("boa"),
        &[("collection", "HAT"), ("dossier", "1432"), ("document", "58810")],
    );
    // A lone number is not enough without a printed archive, and TNA departments stay TNA.
    let t = ArchiveTable::builtin();
    assert!(find("the MD 20 was held on Friday", &t).is_empty());
    assert!(find("a BEO 12 form", &t).is_empty());
    check(
        "FO 371/3404/12345",
        Some("tna"),
        &[("collection", "FO"), ("series", "371"), ("piece", "3404"), ("item", "12345")],
    );
}

#[test]
fn india_office_records_stand_alone() {
    check(
        "(British Library, IOR/L/MIL/7/5432, a file on recruitment)",
        Some("bl"),
        &[("collection", "IOR/L/MIL"), ("series", "7"), ("piece", "5432")],
    );
    check(
        "IOR/R/15/2/31",
        Some("bl"),
        &[("collection", "IOR/R"), ("series", "15"), ("piece", "2"), ("item", "31")],
    );
    check(
        "drafts in IOR/E/4/612-640 only",
        Some("bl"),
        &[("collection", "IOR/E"), ("series", "4"), ("piece", "612-640")],
    );
    // The prefix without a series and a piece, or another prefix, is not a reference.
    let t = ArchiveTable::builtin();
    assert!(find("the IOR/L series", &t).is_empty());
    assert!(find("IOR/L/PS/12", &t).is_empty());
    assert!(find("XIOR/L/PS/12/1225", &t).is_empty());
}

/// A year after the leaves dates the document and is no leaf of its own; a list of large
/// leaf numbers, or a range, stays a list.
#[test]
fn a_year_after_the_leaves_is_no_leaf() {
    let s = one("ГАРФ, ф. 1, оп. 2, д. 3, л. 5, 1919.");
    assert_eq!(s.raw, "ГАРФ, ф. 1, оп. 2, д. 3, л. 5");
    assert_eq!(parts(&s).4, "5");
    let s = one("ГАРФ, ф. 1, оп. 2, д. 3, л. 5, 7, 12.");
    assert_eq!(parts(&s).4, "5,7,12");
    let s = one("ГАРФ, ф. 1, оп. 2, д. 3, л. 1740, 1743.");
    assert_eq!(parts(&s).4, "1740,1743");
}

/// Departmental and municipal archives are named with their département or city, which
/// stays in the printed designation; their cotes (`4 M 234`, `I1 84`, `4332 W 1`) are theirs,
/// never the SHD's army series that share the shape.
#[test]
fn departmental_and_municipal_archives_keep_their_cotes() {
    let s = check(
        "Archives départementales du Rhône, 4 M 234, f. 3.",
        Some("ad"),
        &[("series", "4 M"), ("item", "234"), ("folios", "3")],
    );
    assert_eq!(s.raw, "Archives départementales du Rhône, 4 M 234, f. 3");
    check("AD Bouches-du-Rhône, 1 M 1234", Some("ad"), &[("series", "1 M"), ("item", "1234")]);
    check(
        "Archives départementales d'Ille-et-Vilaine, 1 J 23",
        Some("ad"),
        &[("series", "1 J"), ("item", "23")],
    );
    check("Archives municipales de Lyon, I1 84", Some("am"), &[("series", "I1"), ("item", "84")]);
    check("AM Lyon, 4332 W 1", Some("am"), &[("series", "4332 W"), ("item", "1")]);
    // Without a place, `AD` is the Archives nationales series.
    check("AD/16/123", Some("an"), &[("series", "AD/16"), ("item", "123")]);
}

/// The archive's place and then its acronym belong to its designation (`The National
/// Archives, Kew (TNA)`, `Public Record Office, London`), not to a title before the code.
#[test]
fn a_place_and_an_acronym_after_the_archive_name_are_the_designation() {
    let s = check(
        "The National Archives, Kew (TNA), FO 371/3404.",
        Some("tna"),
        &[("collection", "FO"), ("series", "371"), ("piece", "3404")],
    );
    assert_eq!(s.raw, "The National Archives, Kew (TNA), FO 371/3404");
    assert!(s.archive.as_ref().is_some_and(|a| a.span.is_some()), "printed, not implied");
    let s = check(
        "Public Record Office, London, WO 95/2970/3.",
        Some("tna"),
        &[("collection", "WO"), ("series", "95"), ("piece", "2970"), ("item", "3")],
    );
    assert_eq!(s.raw, "Public Record Office, London, WO 95/2970/3");
}
