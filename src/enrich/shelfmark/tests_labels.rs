//! The post-Soviet grammar's later rules: parts of a case, plural and inflected labels,
//! abbreviated ranges, dotted slashed forms, pointed archive names and prose after a citation.

use super::*;
use crate::model::LevelKind;

fn all(text: &str) -> Vec<Found> {
    find(text, &ArchiveTable::builtin())
}

fn value(f: &Found, level: LevelKind) -> &str {
    f.shelfmark.get(level).map_or("", |p| p.value.as_str())
}

fn id(f: &Found) -> &str {
    f.shelfmark.archive.as_ref().and_then(|a| a.id.as_deref()).unwrap_or("")
}

#[test]
fn georgian_volume_of_a_case_is_its_part() {
    let found = all("იხ.: საქართველოს შსს არქივი, ფ. 6, საქ. 37880, ტ. 2, ფურც. 14-15; იქვე, ფურც. 112.");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(id(&found[0]), "sshssa");
    assert_eq!(found[0].shelfmark.archive.as_ref().unwrap().name, "საქართველოს შსს არქივი");
    assert_eq!(value(&found[0], LevelKind::Part), "2");
    let f = &all("sšssa, f. 6, saq. 21436, t. 1, furc. 88–89")[0];
    assert_eq!((id(f), value(f, LevelKind::Part)), ("sshssa", "1"));
    let f = &all("ЦГИАГЛ. Ф. 796. Оп. 72. Ед. хр. 246. Отд. 2. Л. 6")[0];
    assert_eq!(value(f, LevelKind::Part), "2");
    assert_eq!(f.shelfmark.folios.as_ref().map(|c| folios_key(&c.ranges)).as_deref(), Some("6"));
}

#[test]
fn plural_labels_and_short_ranges() {
    let f = &all("may be found in RGASPI, F.558, Op.1, Dd.5754–5.")[0];
    assert_eq!(value(f, LevelKind::Delo), "5754-5755");
    let f = &all("RGASPI, F.558, Op.3, D.267, pp.32–3 of the book")[0];
    assert_eq!(f.shelfmark.pages.as_ref().map(|c| folios_key(&c.ranges)).as_deref(), Some("32-33"));
}

#[test]
fn inflected_and_listed_fonds_with_number_signs() {
    let f = &all("представлена кількома фондами №№ Р-2769, Р-2793, Р-2794, документи")[0];
    assert_eq!(value(f, LevelKind::Fond), "Р-2769,Р-2793,Р-2794");
    let f = &all("Знаходяться ці матеріали у фонді №6023. - Оп.4. - «Репресовані»")[0];
    assert_eq!((value(f, LevelKind::Fond), value(f, LevelKind::Opis)), ("6023", "4"));
    let f = &all("archyvo saugomą fondą Nr. 662 ,,Lietuvos")[0];
    assert_eq!(value(f, LevelKind::Fond), "662");
}

#[test]
fn dotted_shelfmarks_after_an_archive_but_no_dates() {
    let f = &all("Petersburg: RGASPI 161.1.16. A. Shlyapnikov")[0];
    assert_eq!(
        (value(f, LevelKind::Fond), value(f, LevelKind::Opis), value(f, LevelKind::Delo)),
        ("161", "1", "16")
    );
    assert!(all("RGASPI 12.03.1933 was a Sunday").is_empty());
}

#[test]
fn archive_names_with_points_and_in_other_scripts() {
    let f = &all("Коллежский секретарь Аннибал.\nЦГИА Гр.ССР, ф. 139, д. 194, л. 29. Копия.")[0];
    assert_eq!((f.shelfmark.archive.as_ref().unwrap().name.as_str(), id(f)), ("ЦГИА Гр.ССР", "nag"));
    assert_eq!(id(&all("АРПИИИССА, ф. 1, сиј. 169, иш 245, вв. 12–14")[0]), "arpiissa");
    assert_eq!(id(&all("ОГАЧО. Ф. Р-12. Оп. 1. Дело 234")[0]), "ogacho");
}

#[test]
fn a_one_letter_label_in_prose_continues_no_citation() {
    let t = "(ЦГИАГ. Ф. 1879. Оп. 1. Д. 26. Л. 30). В том же году овдовел. Семью кормил М. в 1920-1922 гг.";
    assert_eq!(all(t).len(), 1, "{:#?}", all(t));
    // An ibid in Azerbaijani joins the next citation to the first.
    let found = all("ARPİİSSA, f. 1, siy. 74, iş 120, vv. 5-7; həmin yerdə, iş 121, v. 3.");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(value(&found[1], LevelKind::Delo), "121");
}
