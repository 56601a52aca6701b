//! `docProps/`: core properties (Dublin Core), application properties, and custom properties
//! for the metadata the first two have no place for (journal, volume, DOI, licence…).

use super::xml::{Xml, DECL};
use crate::model::{Document, Meta};

/// True for the W3CDTF dates the model keeps (`2023`, `2023-05`, `2023-05-01`), which
/// `dcterms:created` takes as they are.
pub fn w3cdtf(date: &str) -> bool {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// The authors' names, joined as Word joins several (`A; B`).
fn creators(meta: &Meta) -> String {
    meta.authors.iter().filter_map(|a| a.name.as_deref()).collect::<Vec<_>>().join("; ")
}

/// `docProps/core.xml`: title, creators, keywords, language, DOI, and the publication date
/// as `dcterms:created` when it is a W3CDTF date.
pub fn core(doc: &Document) -> String {
    let m = &doc.meta;
    let mut x = Xml::new();
    x.raw(DECL);
    x.open(
        "cp:coreProperties",
        &[
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    if let Some(t) = m.titles.first() {
        x.leaf("dc:title", &[], &t.text);
    }
    let creators = creators(m);
    if !creators.is_empty() {
        x.leaf("dc:creator", &[], &creators);
    }
    let keywords: Vec<&str> = m.keywords.iter().flat_map(|k| k.terms.iter().map(String::as_str)).collect();
    if !keywords.is_empty() {
        x.leaf("cp:keywords", &[], &keywords.join("; "));
    }
    if let Some(doi) = &m.doi {
        x.leaf("dc:identifier", &[], &format!("doi:{doi}"));
    }
    if let Some(l) = &m.lang {
        x.leaf("dc:language", &[], l.as_str());
    }
    if let Some(d) = m.date.as_deref().filter(|d| w3cdtf(d)) {
        x.leaf("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], d);
    }
    x.finish()
}

/// `docProps/app.xml`: the application that wrote the file.
pub fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>colophon {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

/// The metadata kept as custom properties, in a fixed order: what core properties cannot
/// hold (a date that is not W3CDTF among it), then every extra key of the metadata file.
pub fn custom_values(m: &Meta) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("journal", &m.journal),
        ("volume", &m.volume),
        ("issue", &m.issue),
        ("pages", &m.pages),
        ("doi", &m.doi),
        ("licence", &m.licence),
        ("date", &m.date),
        ("publisher", &m.publisher),
        ("source", &m.source),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
    .collect();
    for (k, v) in &m.extra {
        // A key that names a field above is kept under its own, prefixed, name.
        let mut name = k.clone();
        let mut n = 1;
        while out.iter().any(|(taken, _)| *taken == name) {
            name = if n == 1 { format!("extra-{k}") } else { format!("extra{n}-{k}") };
            n += 1;
        }
        out.push((name, v.clone()));
    }
    out
}

/// `docProps/custom.xml`, or `None` when there is nothing to keep in it.
pub fn custom(m: &Meta) -> Option<String> {
    let values = custom_values(m);
    if values.is_empty() {
        return None;
    }
    let mut x = Xml::new();
    x.raw(DECL);
    x.open(
        "Properties",
        &[
            ("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
            ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
        ],
    );
    for (k, (name, value)) in values.iter().enumerate() {
        // Property ids start at 2 (ECMA-376 Part 1 §22.3.2.2).
        let pid = (k + 2).to_string();
        x.open(
            "property",
            &[("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"), ("pid", &pid), ("name", name)],
        );
        x.leaf("vt:lpwstr", &[], value);
        x.close();
    }
    Some(x.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, LangTag, Title};

    #[test]
    fn dates_that_are_w3cdtf() {
        for d in ["2023", "2023-05", "2023-05-01"] {
            assert!(w3cdtf(d), "{d}");
        }
        for d in ["", "May 2023", "2023-5", "2023-05-01T10:00", "२०२३"] {
            assert!(!w3cdtf(d), "{d}");
        }
    }

    #[test]
    fn core_holds_title_creators_language_and_date() {
        let mut doc = Document::new();
        doc.meta.titles.push(Title { text: "Zangezur & <Karabakh>".into(), lang: None });
        doc.meta.authors.push(Author { name: Some("A. Ivanov".into()), ..Default::default() });
        doc.meta.authors.push(Author { name: Some("B. Yılmaz".into()), ..Default::default() });
        doc.meta.lang = Some(LangTag::parse("tr").unwrap());
        doc.meta.date = Some("2021-03".into());
        let c = core(&doc);
        assert!(c.contains("<dc:title>Zangezur &amp; &lt;Karabakh&gt;</dc:title>"), "{c}");
        assert!(c.contains("<dc:creator>A. Ivanov; B. Yılmaz</dc:creator>"));
        assert!(c.contains("<dc:language>tr</dc:language>"));
        assert!(c.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-03</dcterms:created>"));
        doc.meta.date = Some("spring 1921".into());
        assert!(!core(&doc).contains("dcterms:created"));
        assert!(custom(&doc.meta).unwrap().contains("name=\"date\"><vt:lpwstr>spring 1921</vt:lpwstr>"));
    }

    #[test]
    fn custom_properties_keep_the_rest_and_are_absent_when_empty() {
        let mut m = Meta::default();
        assert!(custom(&m).is_none());
        m.journal = Some("Journal".into());
        m.extra.insert("journal".into(), "dup".into());
        m.extra.insert("funder".into(), "X".into());
        let v = custom_values(&m);
        assert_eq!(
            v,
            [
                ("journal".to_string(), "Journal".to_string()),
                ("funder".into(), "X".into()),
                ("extra-journal".into(), "dup".into())
            ]
        );
        let c = custom(&m).unwrap();
        assert!(c.contains("pid=\"2\" name=\"journal\""), "{c}");
    }
}
