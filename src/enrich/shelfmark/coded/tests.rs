//! The code-shaped families' rules, read through [`crate::enrich::shelfmark::find`].

use crate::enrich::shelfmark::{find, folios_key, ArchiveTable, Found};
use crate::model::LevelKind;

fn all(text: &str) -> Vec<Found> {
    find(text, &ArchiveTable::builtin())
}

fn one(text: &str) -> Found {
    let found = all(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn level(f: &Found, kind: LevelKind) -> &str {
    f.shelfmark.get(kind).map_or("", |p| p.value.as_str())
}

fn id(f: &Found) -> &str {
    f.shelfmark.archive.as_ref().and_then(|a| a.id.as_deref()).unwrap_or("")
}

#[test]
fn amae_series_with_country_and_volume() {
    let f = one("a copy in AAE Correspondance politique, États-Unis vol. 15 (cited by Idzerda)");
    assert_eq!(f.shelfmark.raw, "AAE Correspondance politique, États-Unis vol. 15");
    assert_eq!(level(&f, LevelKind::Series), "Correspondance politique, États-Unis");
    assert_eq!(level(&f, LevelKind::Volume), "15");
    // The series names its archive: cited alone with a volume range.
    let f = one("the minute in Correspondance politique Rome 331–332, or a second letter");
    assert_eq!((id(&f), level(&f, LevelKind::Volume)), ("amae", "331-332"));
    assert_eq!(level(&f, LevelKind::Series), "Correspondance politique Rome");
    // A printed archive and a series without its volume.
    let f = one("state papers | AE Correspondance politique Turin (the ministry copies)");
    assert_eq!((f.shelfmark.raw.as_str(), id(&f)), ("AE Correspondance politique Turin", "amae"));
    // Without archive or volume the words are prose.
    assert!(all("la Correspondance politique Rome de 1848").is_empty());
    assert!(all("AE 1990, vol. 3").is_empty(), "a number is no series");
}

#[test]
fn amae_cotes_of_a_number_and_letters() {
    let t = "conservés sous les cotes 247QORES/1 à 7 et 247QONT/16.";
    let found = all(t);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((level(&found[0], LevelKind::Series), level(&found[0], LevelKind::Item)), ("247QORES", "1-7"));
    assert_eq!((id(&found[1]), level(&found[1], LevelKind::Item)), ("amae", "16"));
    assert_eq!(id(&one("sous la cote 285PO/B/289.")), "amae");
    assert!(all("streams at 1080P/60 and 4K/30").is_empty());
}

#[test]
fn prussian_privy_state_archives() {
    let f = one("in Berlin (GStA PK, I. HA Rep. 96 Nr. 38 G-H) is not digitised");
    assert_eq!(id(&f), "gsta");
    assert_eq!((level(&f, LevelKind::Collection), level(&f, LevelKind::File)), ("I. HA Rep. 96", "38 G-H"));
    let f = one("file, GStA PK I. HA Rep. 96 Nr. 38 G / 38 H, where");
    assert_eq!(level(&f, LevelKind::File), "38 G,38 H");
    let f = one("Geheimes Staatsarchiv Preußischer Kulturbesitz, VI. HA, Nl Althoff, F. T., Nr. 1039 · File");
    assert_eq!(level(&f, LevelKind::Collection), "VI. HA, Nl Althoff, F. T.");
    assert_eq!(level(&f, LevelKind::File), "1039");
    // A department with its Repositur names the archive alone; a second Repositur after `/`.
    let f = one("The legation's own archive, I. HA Rep. 81 Gesandtschaft Den Haag, has");
    assert_eq!((f.shelfmark.raw.as_str(), id(&f)), ("I. HA Rep. 81", "gsta"));
    let found = all("code of 1751 (GStA PK, I. HA\n  Rep. 96 / Rep. 9 Chiffres)");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(level(&found[1], LevelKind::Collection), "I. HA Rep. 9");
    assert!(all("see vol. I. HA! and Rep. 5").is_empty());
}

#[test]
fn german_state_archives_holdings() {
    let f = one("Landeshauptarchiv Schwerin, 5.12-3/1 · Bestand · 1849 - 1953");
    assert_eq!((id(&f), level(&f, LevelKind::Collection)), ("lhas", "5.12-3/1"));
    let f = one("Staatsarchiv Hamburg, 376-15 · Fonds · 1865-1936");
    assert_eq!((id(&f), level(&f, LevelKind::Collection)), ("stahh", "376-15"));
}

#[test]
fn topkapi_and_ottoman_registers() {
    let f = one("*Topkapı Sarayı Müzesi Arşivi, TS.MA.e, 802/15, [tarih].*");
    assert_eq!(id(&f), "tsma");
    assert_eq!(level(&f, LevelKind::Collection), "TS.MA.e");
    assert_eq!((level(&f, LevelKind::Dossier), level(&f, LevelKind::Document)), ("802", "15"));
    let found = all("Topkapı Sarayı Müzesi Arşivi (TS.MA.d, TS.MA.e),");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((id(&found[1]), level(&found[1], LevelKind::Collection)), ("tsma", "TS.MA.e"));
    let f = one("*BOA, MD 5, hk. 1245, 17 Cemâziyelâhir 967.*");
    assert_eq!((level(&f, LevelKind::Dossier), level(&f, LevelKind::Document)), ("5", "1245"));
    let f = one("*BOA, TT 387, fol. 23a (Hicri 935).*");
    assert_eq!(f.shelfmark.raw, "BOA, TT 387, fol. 23a");
    let f = one("*BOA, HAT, [defter ya da dosya no]*");
    assert_eq!((f.shelfmark.raw.as_str(), level(&f, LevelKind::Collection)), ("BOA, HAT", "HAT"));
    // After `;` a capitalised word is the next clause, not a collection.
    assert_eq!(all("BOA, HAT 1/2; ATASE arşivi de").len(), 1);
}

#[test]
fn tna_codes_in_markup_lists_and_before_the_archive() {
    let f = one("British recs/citations in TNA **WO 373**;");
    assert_eq!((f.shelfmark.raw.as_str(), level(&f, LevelKind::Series)), ("TNA **WO 373", "373"));
    let f = one("The National Archives, Kew, **SP 36/61/53** (State Papers Domestic, George II), folio 53, 1743 June 3.");
    assert_eq!(level(&f, LevelKind::Item), "53");
    assert_eq!(f.shelfmark.folios.as_ref().map(|c| folios_key(&c.ranges)).as_deref(), Some("53"));
    let found = all("TNA FO 17/FO 46/FO 262/FO 483(Confidential Print)");
    let series: Vec<&str> = found.iter().map(|f| level(f, LevelKind::Series)).collect();
    assert_eq!(series, ["17", "46", "262", "483"]);
    let f = one("the Commission’s registers, T 71, The National Archives, Kew.");
    assert_eq!(f.shelfmark.raw, "T 71, The National Archives, Kew");
    assert_eq!((id(&f), level(&f, LevelKind::Collection)), ("tna", "T"));
    assert!(all("Exhibit T 71, page 3").is_empty());
    let f = one("(IOR/L/PS/20/E84/1), Lorimer’s Gulf Gazetteer");
    assert_eq!(level(&f, LevelKind::Piece), "E84");
}

#[test]
fn nara_entry_before_its_record_group_and_no_dates() {
    let f = one("General Records, Entry P-5, RG 353: Records of Committees");
    assert_eq!((level(&f, LevelKind::Entry), level(&f, LevelKind::RecordGroup)), ("P-5", "353"));
    assert!(all("see Entry 12 of the diary").is_empty());
    assert!(all("On the National Archives (LHG, 51, 31/12/2006)").is_empty());
}
