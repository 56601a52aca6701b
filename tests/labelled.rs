//! Accuracy on the hand-labelled sets in `tests/labelled/`: shelfmarks (parts precision
//! and recall), bibliography fields, and language tags. Each test prints its figures
//! (`cargo test --test labelled -- --nocapture`) and fails below the agreed thresholds.

use colophon::enrich::citation;
use colophon::enrich::lang;
use colophon::enrich::shelfmark::{find, folios_key, ArchiveTable};
use colophon::model::{BibFields, Span};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Prints the misses of a labelled set, item by item; for a held-out set only when
/// `COLOPHON_HOLDOUT_ITEMS=1` is set: its misses must not be read while the rules are being
/// written (its figures are printed always).
fn print_items(name: &str, report: &[String]) {
    if !name.starts_with("holdout/") || std::env::var_os("COLOPHON_HOLDOUT_ITEMS").is_some() {
        println!("{}", report.join("\n"));
    } else if !report.is_empty() {
        println!("({} misses in {name} not shown: set COLOPHON_HOLDOUT_ITEMS=1 to see them)", report.len());
    }
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = format!("{}/tests/labelled/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Deserialize)]
struct ShelfmarkSet {
    case: Vec<ShelfmarkCase>,
}

#[derive(Deserialize)]
struct ShelfmarkCase {
    text: String,
    /// The citation family (`russian`, `ottoman`, `tna`, …) in the wild set; empty elsewhere.
    #[serde(default)]
    family: String,
    #[serde(default)]
    expect: Vec<BTreeMap<String, toml::Value>>,
}

/// A labelled value as a string (a bare TOML number reads as its digits).
fn as_string(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The comparable parts of a found shelfmark, keyed as in the labelled file.
fn found_parts(text: &str, f: &colophon::enrich::shelfmark::Found) -> BTreeMap<String, String> {
    let s = &f.shelfmark;
    let mut m = BTreeMap::new();
    m.insert("raw".to_string(), text[f.start..f.end].to_string());
    if let Some(a) = &s.archive {
        if a.span.is_some() {
            m.insert("archive".into(), a.name.clone());
        }
        if let Some(id) = &a.id {
            m.insert("archive_id".into(), id.clone());
        }
    }
    for (name, p) in s.levels() {
        m.insert(name.to_string(), p.value.clone());
    }
    if let Some(f) = &s.folios {
        m.insert("folios".into(), folios_key(&f.ranges));
    }
    if let Some(p) = &s.pages {
        m.insert("pages".into(), folios_key(&p.ranges));
    }
    m
}

/// Parts counts: (correct, predicted, expected).
type Counts = (usize, usize, usize);

/// The figures of one labelled shelfmark file.
struct Score {
    cases: usize,
    precision: f64,
    recall: f64,
    /// Parts counts per family (the case's `family`, or `all` when it has none).
    families: BTreeMap<String, Counts>,
}

/// Scores `shelfmarks.toml`-style file `name`: parts precision and recall, overall and per family.
fn score_shelfmarks(name: &str) -> Score {
    let set: ShelfmarkSet = load(name);
    let table = ArchiveTable::builtin();
    let mut families: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut found_n, mut expected_n, mut matched_n) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for case in &set.case {
        let family = if case.family.is_empty() { "all" } else { case.family.as_str() };
        let shown: String = case.text.chars().take(300).map(|c| if c == '\n' { '⏎' } else { c }).collect();
        let counts = families.entry(family.to_string()).or_default();
        let found = find(&case.text, &table);
        let got: Vec<_> = found.iter().map(|f| (f.start, f.end, found_parts(&case.text, f))).collect();
        found_n += got.len();
        expected_n += case.expect.len();
        let mut used = vec![false; got.len()];
        for exp in &case.expect {
            let exp: BTreeMap<String, String> = exp.iter().map(|(k, v)| (k.clone(), as_string(v))).collect();
            counts.2 += exp.len();
            let raw = &exp["raw"];
            let at = case.text.find(raw.as_str()).expect("labelled raw is a substring");
            let hit =
                got.iter().enumerate().find(|(i, (s, e, _))| !used[*i] && *s < at + raw.len() && at < *e);
            match hit {
                Some((i, (_, _, parts))) => {
                    used[i] = true;
                    matched_n += 1;
                    let ok = exp.iter().filter(|(k, v)| parts.get(*k) == Some(v)).count();
                    counts.0 += ok;
                    counts.1 += parts.len();
                    if ok < exp.len() || parts.len() > exp.len() {
                        report.push(format!(
                            "PARTS  [{family}] {}\n   want {exp:?}\n   got  {parts:?}",
                            case.text
                        ));
                    }
                }
                None => report.push(format!("MISSED [{family}] {shown}\n   want {exp:?}")),
            }
        }
        for (i, (_, _, parts)) in got.iter().enumerate() {
            if !used[i] {
                counts.1 += parts.len();
                report.push(format!("EXTRA  [{family}] {shown}\n   got  {parts:?}"));
            }
        }
    }
    let (correct, predicted, expected) =
        families.values().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = correct as f64 / expected.max(1) as f64;
    print_items(name, &report);
    for (family, (c, p, e)) in &families {
        println!(
            "  {family:<14} precision {c}/{p} = {:.3}  recall {c}/{e} = {:.3}",
            *c as f64 / (*p).max(1) as f64,
            *c as f64 / (*e).max(1) as f64
        );
    }
    println!(
        "{name}: {} cases, {expected_n} expected, {found_n} found, {matched_n} matched; parts: {correct}/{predicted} precision {precision:.3}, {correct}/{expected} recall {recall:.3}",
        set.case.len()
    );
    Score { cases: set.case.len(), precision, recall, families }
}

#[test]
fn shelfmarks_parts_precision_and_recall() {
    let Score { cases, precision, recall, .. } = score_shelfmarks("shelfmarks.toml");
    assert!(cases >= 100);
    assert!(precision >= 0.98 && recall >= 0.95, "precision {precision:.3} recall {recall:.3}");
}

/// The held-out set was written by someone who had seen neither the parser nor the first
/// set. Its first run (parts precision 1.000, recall 0.849: GARF's lettered fonds `Р-130`
/// and GOST's `. –` separators were unknown) led to two general rules; the thresholds now
/// guard against regressions.
#[test]
fn holdout_shelfmarks() {
    let Score { precision, recall, .. } = score_shelfmarks("holdout/shelfmarks.toml");
    assert!(precision >= 0.98 && recall >= 0.95, "precision {precision:.3} recall {recall:.3}");
}

/// Real citations from the wild (issue 15), labelled by someone who never saw the parser:
/// every family colophon reads, post-Soviet and not. The agreed thresholds are parts
/// precision 0.98 and recall 0.97 overall, no family below 0.90; reached with general
/// rules per family (codes cited alone: SHD `GR A`, `7 N 2294`, AN `série F/7`,
/// `F/7/12345`, versements `19890151/13`, Bundesarchiv `NS 19`, `R 70 POLEN`; fonds named
/// alone in archival words; slashed post-Soviet shelfmarks `TsDAHOU 1/20/5254`,
/// `ფ.1451/1-253`; Latvian ordinals `1535. f. 11. apr.`). Measured: precision 0.997,
/// recall 0.993 overall; every family's precision at least 0.92 (Azerbaijani 0.929) and
/// recall at least 0.90 (Georgian romanised 0.909, Azerbaijani 0.929, Ukrainian romanised
/// 0.952). The assertions guard those figures. Still missed: `Collection #1` (a fond only
/// by the labeller's reading of its guide), a fond whose archive follows a title
/// (`фонд № 389 пад назваю «…» … (РГАДА)`), a list read `3,3v` where the set wants `3r,3v`
/// (the first set wants `7,7v`), and raw ends that are judgment calls (`45zv.` at the
/// end of a text, `Belge No: 1` after a BOA code).
#[test]
fn wild_shelfmarks() {
    let Score { cases, precision, recall, families } = score_shelfmarks("wild/shelfmarks.toml");
    assert!(cases >= 300);
    assert!(precision >= 0.99 && recall >= 0.99, "precision {precision:.3} recall {recall:.3}");
    for (family, (c, p, e)) in &families {
        // A family with nothing expected (negatives) or nothing predicted loses nothing.
        let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
        let (fp, fr) = (ratio(*c, *p), ratio(*c, *e));
        assert!(fp >= 0.92 && fr >= 0.90, "{family}: precision {fp:.3} recall {fr:.3}");
    }
}

#[derive(Deserialize)]
struct BibSet {
    entry: Vec<BibCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BibCase {
    style: String,
    text: String,
    lang: String,
    kind: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    title: Option<String>,
    container: Option<String>,
    place: Option<String>,
    publisher: Option<String>,
    year: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    url: Option<String>,
    doi: Option<String>,
}

fn bib_fields(raw: &str, f: &BibFields) -> BTreeMap<&'static str, String> {
    let get = |s: &Option<Span>| s.and_then(|s| s.get(raw)).map(str::to_string);
    let mut m = BTreeMap::new();
    let authors: Vec<&str> = f.authors.iter().filter_map(|s| s.get(raw)).collect();
    if !authors.is_empty() {
        m.insert("authors", authors.join(" | "));
    }
    if let Some(k) = f.kind {
        m.insert("kind", serde_json::to_value(k).unwrap().as_str().unwrap().to_string());
    }
    for (name, span) in [
        ("title", &f.title),
        ("container", &f.container),
        ("place", &f.place),
        ("publisher", &f.publisher),
        ("year", &f.year),
        ("volume", &f.volume),
        ("issue", &f.issue),
        ("pages", &f.pages),
        ("url", &f.url),
        ("doi", &f.doi),
    ] {
        if let Some(v) = get(span) {
            m.insert(name, v);
        }
    }
    m
}

fn expected_fields(c: &BibCase) -> BTreeMap<&'static str, String> {
    let mut m = BTreeMap::new();
    if !c.authors.is_empty() {
        m.insert("authors", c.authors.join(" | "));
    }
    for (name, v) in [
        ("kind", &c.kind),
        ("title", &c.title),
        ("container", &c.container),
        ("place", &c.place),
        ("publisher", &c.publisher),
        ("year", &c.year),
        ("volume", &c.volume),
        ("issue", &c.issue),
        ("pages", &c.pages),
        ("url", &c.url),
        ("doi", &c.doi),
    ] {
        if let Some(v) = v {
            m.insert(name, v.clone());
        }
    }
    m
}

/// Scores a `bibliography.toml`-style file; returns (entries, field accuracy, tags given, tags right).
fn score_bibliography(name: &str) -> (usize, f64, usize, usize) {
    let set: BibSet = load(name);
    let table = ArchiveTable::builtin();
    // field -> (correct, expected, predicted)
    let mut per_field: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut per_style: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut lang_ok = 0;
    let mut lang_given = 0;
    let mut report = Vec::new();
    for c in &set.entry {
        let marks: Vec<Span> = find(&c.text, &table).iter().map(|f| Span::new(f.start, f.end)).collect();
        let f = citation::parse(&c.text, &marks);
        let got = bib_fields(&c.text, &f);
        let want = expected_fields(c);
        let mut bad = Vec::new();
        for key in want.keys().chain(got.keys()).collect::<std::collections::BTreeSet<_>>() {
            let e = per_field.entry(key).or_default();
            let (w, g) = (want.get(key), got.get(key));
            e.1 += usize::from(w.is_some());
            e.2 += usize::from(g.is_some());
            let style = per_style.entry(c.style.clone()).or_default();
            style.1 += 1;
            if w.is_some() && w == g {
                e.0 += 1;
                style.0 += 1;
            } else {
                bad.push(format!("{key}: want {w:?} got {g:?}"));
            }
        }
        let detected = colophon::enrich::entry_language(&c.text, &f, &marks);
        match &detected.lang {
            Some(l) => {
                lang_given += 1;
                if l.as_str() == c.lang {
                    lang_ok += 1;
                } else {
                    bad.push(format!("lang: want {} got {l}", c.lang));
                }
            }
            None => bad.push(format!("lang: want {} got none", c.lang)),
        }
        if !bad.is_empty() {
            report.push(format!("{}\n   {}", c.text, bad.join("\n   ")));
        }
    }
    print_items(name, &report);
    let (mut c_all, mut n_all) = (0, 0);
    for (field, (c, e, p)) in &per_field {
        let n = e.max(p);
        println!("  {field:<10} {c:>3}/{n:<3} = {:.2}", *c as f64 / (*n).max(1) as f64);
        c_all += c;
        n_all += (*e).max(*p);
    }
    for (style, (c, n)) in &per_style {
        println!("  style {style:<8} {c}/{n} = {:.2}", *c as f64 / (*n).max(1) as f64);
    }
    let accuracy = c_all as f64 / n_all.max(1) as f64;
    println!(
        "{name}: {} entries; fields {c_all}/{n_all} = {accuracy:.3}; language tagged {lang_given}/{}, correct {lang_ok}",
        set.entry.len(),
        set.entry.len()
    );
    (set.entry.len(), accuracy, lang_given, lang_ok)
}

#[test]
fn bibliography_field_accuracy() {
    let (entries, accuracy, given, right) = score_bibliography("bibliography.toml");
    assert!(entries >= 60);
    assert!(accuracy >= 0.95, "field accuracy {accuracy:.3}");
    assert_eq!(right, given, "every language tag given must be right");
}

#[test]
fn holdout_bibliography() {
    let (_, accuracy, given, right) = score_bibliography("holdout/bibliography.toml");
    assert!(accuracy >= 0.90, "field accuracy {accuracy:.3}");
    assert_eq!(right, given, "every language tag given must be right");
}

#[derive(Deserialize)]
struct LangSet {
    snippet: Vec<Snippet>,
}

#[derive(Deserialize)]
struct Snippet {
    text: String,
    lang: String,
}

/// Scores a `languages.toml`-style file; returns (precision, coverage).
fn score_languages(name: &str) -> (f64, f64) {
    let set: LangSet = load(name);
    let (mut given, mut right, mut decidable) = (0, 0, 0);
    let mut per_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut report = Vec::new();
    for s in &set.snippet {
        let got = lang::detect(&s.text).lang;
        decidable += usize::from(s.lang != "und");
        let e = per_lang.entry(s.lang.as_str()).or_default();
        e.1 += 1;
        match &got {
            Some(t) => {
                given += 1;
                if t.as_str() == s.lang {
                    right += 1;
                    e.0 += 1;
                } else {
                    report.push(format!("WRONG  {} want {} got {t}", s.text, s.lang));
                }
            }
            None if s.lang == "und" => e.0 += 1,
            None => report.push(format!("UNSURE {} want {}", s.text, s.lang)),
        }
    }
    print_items(name, &report);
    for (l, (ok, n)) in &per_lang {
        println!("  {l:<8} {ok}/{n}");
    }
    let precision = right as f64 / given.max(1) as f64;
    let coverage = right as f64 / decidable.max(1) as f64;
    println!("{name}: {} snippets; tagged {given}, right {right} (precision {precision:.3}); decided {right}/{decidable} (coverage {coverage:.3})", set.snippet.len());
    (precision, coverage)
}

#[test]
fn language_tags_are_right_when_given() {
    let (precision, coverage) = score_languages("languages.toml");
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(coverage >= 0.75, "coverage {coverage:.3}");
}

#[test]
fn holdout_languages() {
    let (precision, coverage) = score_languages("holdout/languages.toml");
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(coverage >= 0.75, "coverage {coverage:.3}");
}

/// Real bibliography entries and titles in 45 languages (`wild/languages.toml`, collected
/// from published sources by a helper who had not seen the rules; sources in
/// `wild/LANGUAGES-SOURCES.md`). The rules know only some of these languages: the others
/// must be left untagged, never tagged as another, so precision is what is held here: no
/// item may be tagged with a wrong language.
#[test]
fn wild_languages_are_never_tagged_wrong() {
    let (precision, coverage) = score_languages("wild/languages.toml");
    // Reached on this set: precision 1.000 (302 tagged, all right), coverage 0.728; before
    // the rules asked for positive evidence, precision 0.935 and coverage 0.692. After the
    // Arabic, Hebrew, Chinese and Japanese scripts, Mongolian and Tatar, the alphabet test
    // and the glosses in parentheses (issue 24): 345 tagged, all right, coverage 0.831; after
    // the second collection's fixes (two words alone are no longer Russian): 344, 0.829.
    // With the region's other Cyrillic languages told by their forms (Bulgarian `из-` and
    // article, Macedonian article, Serbian cases, Tatar and Bashkir `-нең`/`-лек`, Mongolian
    // `-ийн`), Roman numerals not counted as Latin: 352 tagged, all right, coverage 0.848.
    assert!(precision >= 1.0, "precision {precision:.3}");
    assert!(coverage >= 0.845, "coverage {coverage:.3}");
}

/// The held-out part of the real citations (`holdout/wild-shelfmarks.toml`, 130 items), run
/// once at the end of the work that built the grammar: parts precision 0.973, recall 0.766
/// (France 0/23 and Georgian script 0/6 parts: series and fonds cited alone, `ფონდი N1448`;
/// no false match on the negatives). The assertions hold those figures.
#[test]
fn holdout_wild_shelfmarks() {
    let Score { precision, recall, families, .. } = score_shelfmarks("holdout/wild-shelfmarks.toml");
    for (family, (c, p, e)) in &families {
        println!("  family {family:<14} correct {c:>4} predicted {p:>4} expected {e:>4}");
    }
    // After the second round of rules (2026-12-04): 0.973 / 0.838. That run is no clean
    // held-out figure: the helper who wrote the rules saw this test's report once by mistake
    // (a test-name filter matched it), though no rule was written from it.
    // Third run, after the second collection's rules (branch shelf, 2026-12-04 later):
    // 0.964 / 0.846 (recall up; Armenian script 20 of 28 parts right, Ottoman 27 of 31).
    assert!(precision >= 0.96 && recall >= 0.84, "precision {precision:.3} recall {recall:.3}");
}

/// The held-out part of the real multilingual entries (`holdout/wild-languages.toml`, 185
/// items), run once at the end of the language work: 134 tagged, 114 right (precision
/// 0.851), coverage 0.623. The wrong tags: romanised Russian in Azerbaijani-style
/// transliteration (`Alfavitnıy ukazatelğ`) taken for az-Latn or tr, transliterated Ottoman
/// for tr, Bulgarian and Kyrgyz, Tajik and Mongolian in capitals or without their own
/// letters taken for ru, ky or az-Cyrl. The assertions hold those figures.
#[test]
fn holdout_wild_languages() {
    let (precision, coverage) = score_languages("holdout/wild-languages.toml");
    // Second run, after the evidence rules for Russian and romanised Russian (2026-12-04):
    // 129 tagged, 120 right (precision 0.930), coverage 0.656. Third run, after the
    // Arabic-script, CJK, Mongolian and Tatar rules (2026-12-04 later): 143 tagged, 135 right
    // (0.944), coverage 0.738.
    assert!(precision >= 0.93 && coverage >= 0.65, "precision {precision:.3} coverage {coverage:.3}");
}

/// The second collection of real citations (`wild/shelfmarks-2.toml`, development part,
/// 126 items; families the first collection had few of: France, Georgian, Azerbaijani,
/// Ottoman and Turkish, TNA, Germany, NARA), labelled by a helper who never saw the parser.
#[test]
fn wild_shelfmarks_second_collection() {
    let Score { cases, precision, recall, .. } = score_shelfmarks("wild/shelfmarks-2.toml");
    assert!(cases >= 120);
    // First run, before any rule was written for it: precision 0.863, recall 0.477 (France
    // 0.03, Ottoman 0.21, Georgian romanised 0.26, Germany 0.33, TNA 0.44); 0.863/0.501 at
    // the start of wave-shelf2. Now 0.874/0.537 after undotted BOA collections (`BEO
    // 1399/104922` is BOA, not TNA) and the India Office Records (`IOR/L/PS/10/1165/1`,
    // TNA family recall 0.44 -> 0.63). Then 0.939/0.727 (branch shelf): general rules for
    // AMAE series and cotes, GStA PK, German state archives, Topkapı, TNA markup and lists,
    // NARA entries, Georgian parts, dotted and listed post-Soviet forms.
    assert!(precision >= 0.93 && recall >= 0.72, "precision {precision:.3} recall {recall:.3}");
}

/// The held-out part of the second collection (`holdout/wild-shelfmarks-2.toml`, 54 items),
/// run once at the end of the work on the grammar (2026-12-04): parts precision 0.792,
/// recall 0.450. What it shows: the rules generalise poorly to a collection gathered another
/// way. France 0/28 parts (Correspondance politique volumes, AE cotes), Germany 4/26,
/// Ottoman 17/45 (Topkapı, BOA codes with their own numbering), romanised Russian 19/47
/// (dotted `161.1.16` forms), and 13 extra parts in Russian-script prose. The assertions hold
/// the figures of that run.
#[test]
fn holdout_wild_shelfmarks_second_collection() {
    let Score { precision, recall, families, .. } = score_shelfmarks("holdout/wild-shelfmarks-2.toml");
    for (family, (c, p, e)) in &families {
        println!("  family {family:<14} correct {c:>4} predicted {p:>4} expected {e:>4}");
    }
    // Second run, after general rules written from the development part only (AMAE, GStA
    // PK, German state archives, Topkapı, TNA lists, NARA entries, Georgian parts, dotted
    // post-Soviet forms): 0.785 / 0.537. Recall up 9 points; France still 0/28, Ottoman
    // 18/45, Russian-script prose 13 extra parts.
    assert!(precision >= 0.78 && recall >= 0.53, "precision {precision:.3} recall {recall:.3}");
}

/// The second collection of real entries and titles (`wild/languages-2.toml`, development
/// part, 199 items in 30 languages; issue 24), gathered by a helper who never saw the rules;
/// sources in `wild/LANGUAGES-2-SOURCES.md`.
#[test]
fn wild_languages_second_collection() {
    let (precision, coverage) = score_languages("wild/languages-2.toml");
    // First run, before any rule saw it: 138 tagged, 119 right (precision 0.862), coverage
    // 0.617. After the fixes it showed (Belarusian adjectives, `ў` without `і ы`, Azerbaijani
    // without `ə`, Persian typed with Arabic letters, Arabic's article, Italian `ed`, two
    // words are not Russian): 127 tagged, 122 right (0.961), coverage 0.632. With Crimean
    // Tatar (its unrounded harmony and Kipchak participles): 130 tagged, 126 right (0.969),
    // coverage 0.653. With the Turkic possessive and case (`палатасына`) as a sign against
    // Russian: 129 tagged, 126 right (0.977). The three wrong: a two-word Crimean Tatar title
    // read as Azerbaijani, a Tajik title as Russian, a Serbian title inside an English citation.
    // With a citation in two scripts decided by its quoted title or not at all, the Tajik
    // izofa and `ъ` before a vowel against Russian, Mongolian words against Russian, and `ə`
    // or a word of its own asked of Azerbaijani however short the title: 129 tagged, all
    // right, coverage 0.668. With the Cyrillic languages' own forms and words (issue 24's
    // second round: Bulgarian, Serbian, Macedonian, Belarusian, Uzbek, Tajik, Tatar, Kyrgyz,
    // Mongolian), a quoted title deciding an undecided entry, a stated `(in Serbian)` and
    // Polish letters against romanised Russian: 146 tagged, all right, coverage 0.756.
    assert!(precision >= 1.0 && coverage >= 0.75, "precision {precision:.3} coverage {coverage:.3}");
}

/// The held-out part of the second collection (`holdout/wild-languages-2.toml`, 88 items),
/// run once after the work on the development part (2026-12-04): 57 tagged, 50 right
/// (precision 0.877), coverage 0.588. Issue 24's "no wrong tag" is not met; the assertions
/// hold those figures.
#[test]
fn holdout_wild_languages_second_collection() {
    let (precision, coverage) = score_languages("holdout/wild-languages-2.toml");
    assert!(precision >= 0.87 && coverage >= 0.58, "precision {precision:.3} coverage {coverage:.3}");
}
