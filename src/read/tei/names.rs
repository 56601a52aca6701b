//! Names and dates inside prose, read as typed spans of the model.
//!
//! - `persName`, `placeName`, `orgName`, and `name` or `rs` whose `@type` says person, place
//!   or organisation (`person`, `pers`, `persName`, `place`, `placeName`, `geog`, `org`,
//!   `orgName`, `organisation`, `organization`, case ignored), become [`Inline::Name`]; the
//!   authority pointer is `@ref` (whitespace between several pointers kept as one space), or
//!   `@key` when there is no `@ref`. A `name` or `rs` of another or no type keeps its text and
//!   is reported once per document (`tei-name-untyped`): the model's names are of three kinds.
//! - `date` and `time` become [`Inline::Date`]: `@when` (or `@when-iso`) is the value; `@from`
//!   and `@to` (or their `-iso` forms) together are an ISO 8601 interval `from/to`. A range
//!   the model cannot hold — `@notBefore`/`@notAfter`, `@from` or `@to` alone — keeps the
//!   date's text without a value and is reported once (`tei-date-range`).
//!
//! Inside a citation (`bibl`, `biblStruct`) names and dates are the citation's parts, read as
//! its text as the bibliography reads them (colophon's own shelfmarks carry an `orgName`).

use crate::model::NameKind;
use crate::read::xml::El;

/// What a name element names, or `None` for an element that is not a name or a `name`/`rs`
/// of another type.
pub(super) fn name_kind(el: &El) -> Option<NameKind> {
    match el.name.as_str() {
        "persName" => Some(NameKind::Person),
        "placeName" => Some(NameKind::Place),
        "orgName" => Some(NameKind::Organisation),
        "name" | "rs" => {
            let t = el.attr("type")?.trim().to_ascii_lowercase();
            match t.as_str() {
                "person" | "pers" | "persname" | "personal" => Some(NameKind::Person),
                "place" | "placename" | "geog" | "geogname" => Some(NameKind::Place),
                "org" | "orgname" | "organisation" | "organization" => Some(NameKind::Organisation),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The authority pointer(s) of a name: `@ref`, else `@key`, whitespace normalised.
pub(super) fn reference(el: &El) -> Option<String> {
    let r = el.attr("ref").or_else(|| el.attr("key"))?;
    let joined = r.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A date's value: `Ok(Some(value))`, `Ok(None)` when it gives none, `Err(attributes)` when
/// it gives a range the model cannot hold (the attribute names, for the report).
pub(super) fn when(el: &El) -> Result<Option<String>, String> {
    let get = |n: &str| {
        el.attr(n).or_else(|| el.attr(&format!("{n}-iso"))).map(str::trim).filter(|v| !v.is_empty())
    };
    if let Some(w) = get("when") {
        return Ok(Some(w.to_string()));
    }
    match (get("from"), get("to")) {
        (Some(f), Some(t)) => return Ok(Some(format!("{f}/{t}"))),
        (None, None) => {}
        _ => return Err("@from or @to alone".into()),
    }
    let range: Vec<&str> = ["notBefore", "notAfter"].into_iter().filter(|n| get(n).is_some()).collect();
    if range.is_empty() {
        Ok(None)
    } else {
        Err(range.iter().map(|n| format!("@{n}")).collect::<Vec<_>>().join(" and "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_body;
    use crate::model::{Block, Inline, NameKind};

    fn para(xml: &str) -> (Vec<Inline>, Vec<&'static str>) {
        let (body, diags) = read_body(&format!("<p>{xml}</p>"));
        let [Block::Paragraph { content, .. }] = <[Block; 1]>::try_from(body).expect("one paragraph") else {
            panic!("not a paragraph")
        };
        (content, diags.iter().map(|d| d.code).collect())
    }

    fn name(kind: NameKind, reference: Option<&str>, text: &str) -> Inline {
        Inline::Name { kind, reference: reference.map(str::to_string), content: vec![Inline::text(text)] }
    }

    #[test]
    fn names_of_each_kind_with_their_pointers() {
        let (content, codes) = para(
            "<persName ref=\"http://viaf.org/viaf/1 #p1\">Lenin</persName> in \
             <placeName key=\"tiflis\">Tiflis</placeName>, <orgName>Comintern</orgName>, \
             <name type=\"place\">Baku</name>, <rs type=\"Organisation\">the party</rs>.",
        );
        assert_eq!(
            content,
            [
                name(NameKind::Person, Some("http://viaf.org/viaf/1 #p1"), "Lenin"),
                Inline::text(" in "),
                name(NameKind::Place, Some("tiflis"), "Tiflis"),
                Inline::text(", "),
                name(NameKind::Organisation, None, "Comintern"),
                Inline::text(", "),
                name(NameKind::Place, None, "Baku"),
                Inline::text(", "),
                name(NameKind::Organisation, None, "the party"),
                Inline::text("."),
            ]
        );
        assert!(codes.is_empty(), "{codes:?}");
    }

    #[test]
    fn an_untyped_name_keeps_its_text_and_is_reported_once() {
        let (content, codes) = para("<name>Ararat</name> and <name type=\"ship\">Aurora</name>");
        assert_eq!(content, [Inline::text("Ararat and Aurora")]);
        assert_eq!(codes, ["tei-name-untyped"]);
    }

    #[test]
    fn dates_take_when_or_an_interval_and_report_what_they_cannot_hold() {
        let (content, codes) = para(
            "<date when=\"1919-05-14\">14 May</date> <date when-iso=\"1920\">1920</date> \
             <date from=\"1918\" to=\"1920\">1918–20</date> <time>noon</time> \
             <date notBefore=\"1900\" notAfter=\"1910\">c. 1905</date>",
        );
        let date = |when: Option<&str>, t: &str| Inline::Date {
            when: when.map(str::to_string),
            content: vec![Inline::text(t)],
        };
        assert_eq!(
            content,
            [
                date(Some("1919-05-14"), "14 May"),
                Inline::text(" "),
                date(Some("1920"), "1920"),
                Inline::text(" "),
                date(Some("1918/1920"), "1918–20"),
                Inline::text(" "),
                date(None, "noon"),
                Inline::text(" "),
                date(None, "c. 1905"),
            ]
        );
        assert_eq!(codes, ["tei-date-range"]);
    }

    #[test]
    fn names_nest_in_emphasis_and_hold_notes() {
        let (content, _) = para(
            "<hi rend=\"italic\"><persName>Shaumian<note n=\"1\">Stepan.</note></persName></hi> \
             <persName><hi rend=\"italic\">Dzhaparidze</hi></persName>",
        );
        let Inline::Emph { content: inner } = &content[0] else { panic!("{content:?}") };
        let Inline::Name { content: named, .. } = &inner[0] else { panic!("{inner:?}") };
        assert!(matches!(named[1], Inline::Note(_)), "{named:?}");
        let Inline::Name { content: named, .. } = &content[2] else { panic!("{content:?}") };
        assert!(matches!(named[0], Inline::Emph { .. }), "{named:?}");
    }

    #[test]
    fn inside_a_citation_names_and_dates_are_its_text() {
        let (content, _) = para(
            "See <bibl><author><persName>Smith</persName></author>, <date when=\"2004\">2004</date></bibl>.",
        );
        assert_eq!(content, [Inline::text("See Smith, 2004.")]);
    }
}
