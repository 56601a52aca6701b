//! The `teiHeader`: what is known of the article, and "unknown" where nothing is.

use super::{nl, Ctx, Options};
use crate::model::{plain_text, Document, NoteKind};
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::Result;

type W = Writer<Vec<u8>>;

fn open(w: &mut W, depth: usize, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
    nl(w, depth)?;
    let mut s = BytesStart::new(name);
    for a in attrs {
        s.push_attribute(*a);
    }
    w.write_event(Event::Start(s))
}

fn close(w: &mut W, depth: usize, name: &str) -> Result<()> {
    nl(w, depth)?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// Writes `<name attrs>text</name>` on its own line.
fn leaf(
    w: &mut W,
    ctx: &mut Ctx,
    depth: usize,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Result<()> {
    nl(w, depth)?;
    let mut s = BytesStart::new(name);
    for a in attrs {
        s.push_attribute(*a);
    }
    w.write_event(Event::Start(s))?;
    let t = ctx.clean(text);
    w.write_event(Event::Text(BytesText::from_escaped(quick_xml::escape::partial_escape(&t))))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// The English name of a language tag, for `langUsage`.
fn language_name(tag: &str) -> String {
    match tag {
        "en" => "English",
        "tr" => "Turkish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "az-Latn" => "Azerbaijani (Latin script)",
        "az-Cyrl" => "Azerbaijani (Cyrillic script)",
        "az" => "Azerbaijani",
        "ru-Latn" => "Russian (romanised)",
        "ka" => "Georgian",
        "ka-Latn" => "Georgian (romanised)",
        "hy" => "Armenian",
        "de" => "German",
        "fr" => "French",
        other => other,
    }
    .to_string()
}

/// True for an ISO 8601 date TEI's `@when` accepts (`2023`, `2023-05`, `2023-05-17`).
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// Writes the whole `teiHeader`.
pub fn write(w: &mut W, ctx: &mut Ctx, doc: &Document, opts: &Options) -> Result<()> {
    let m = &doc.meta;
    open(w, 1, "teiHeader", &[])?;
    open(w, 2, "fileDesc", &[])?;

    open(w, 3, "titleStmt", &[])?;
    if m.titles.is_empty() {
        leaf(w, ctx, 4, "title", &[("type", "main")], "[title unknown]")?;
    }
    for (i, t) in m.titles.iter().enumerate() {
        let kind = if i == 0 { "main" } else { "alt" };
        let lang = t.lang.as_ref().map(|l| l.to_string());
        let mut attrs = vec![("type", kind)];
        if let Some(l) = &lang {
            attrs.push(("xml:lang", l));
        }
        leaf(w, ctx, 4, "title", &attrs, &t.text)?;
    }
    for a in &m.authors {
        open(w, 4, "author", &[])?;
        if let Some(n) = &a.name {
            leaf(w, ctx, 5, "persName", &[], n)?;
        }
        if let Some(o) = &a.orcid {
            leaf(w, ctx, 5, "idno", &[("type", "ORCID")], o)?;
        }
        if let Some(x) = &a.affiliation {
            leaf(w, ctx, 5, "affiliation", &[], x)?;
        }
        if let Some(e) = &a.email {
            leaf(w, ctx, 5, "email", &[], e)?;
        }
        if let Some(n) = &a.note {
            leaf(w, ctx, 5, "note", &[("type", "printed")], n)?;
        }
        close(w, 4, "author")?;
    }
    close(w, 3, "titleStmt")?;

    publication(w, ctx, doc, opts)?;

    if !m.extra.is_empty() {
        open(w, 3, "notesStmt", &[])?;
        for (k, v) in &m.extra {
            leaf(w, ctx, 4, "note", &[("type", "metadata"), ("n", k)], v)?;
        }
        close(w, 3, "notesStmt")?;
    }

    open(w, 3, "sourceDesc", &[])?;
    if let Some(journal) = &m.journal {
        open(w, 4, "biblStruct", &[("type", "journalArticle")])?;
        open(w, 5, "analytic", &[])?;
        match m.titles.first() {
            Some(t) => leaf(w, ctx, 6, "title", &[("level", "a")], &t.text)?,
            None => leaf(w, ctx, 6, "title", &[("level", "a")], "[title unknown]")?,
        }
        for a in m.authors.iter().filter_map(|a| a.name.as_ref()) {
            leaf(w, ctx, 6, "author", &[], a)?;
        }
        if let Some(d) = &m.doi {
            leaf(w, ctx, 6, "idno", &[("type", "DOI")], d)?;
        }
        close(w, 5, "analytic")?;
        open(w, 5, "monogr", &[])?;
        leaf(w, ctx, 6, "title", &[("level", "j")], journal)?;
        open(w, 6, "imprint", &[])?;
        if let Some(p) = &m.publisher {
            leaf(w, ctx, 7, "publisher", &[], p)?;
        }
        match &m.date {
            Some(d) if is_iso_date(d) => leaf(w, ctx, 7, "date", &[("when", d)], d)?,
            Some(d) => leaf(w, ctx, 7, "date", &[], d)?,
            None => leaf(w, ctx, 7, "date", &[], "unknown")?,
        }
        close(w, 6, "imprint")?;
        for (unit, v) in [("volume", &m.volume), ("issue", &m.issue), ("page", &m.pages)] {
            if let Some(v) = v {
                leaf(w, ctx, 6, "biblScope", &[("unit", unit)], v)?;
            }
        }
        close(w, 5, "monogr")?;
        close(w, 4, "biblStruct")?;
    } else {
        // <p>Converted by colophon from <idno type="file">a.txt</idno>; …</p>
        nl(w, 4)?;
        w.write_event(Event::Start(BytesStart::new("p")))?;
        w.write_event(Event::Text(BytesText::new("Converted by colophon from ")))?;
        match &m.source {
            Some(src) => {
                let mut s = BytesStart::new("idno");
                s.push_attribute(("type", "file"));
                w.write_event(Event::Start(s))?;
                let t = ctx.clean(src);
                w.write_event(Event::Text(BytesText::from_escaped(quick_xml::escape::partial_escape(&t))))?;
                w.write_event(Event::End(BytesEnd::new("idno")))?;
            }
            None => w.write_event(Event::Text(BytesText::new("an unnamed source")))?,
        }
        w.write_event(Event::Text(BytesText::new(
            "; the printed article is not described in the metadata.",
        )))?;
        w.write_event(Event::End(BytesEnd::new("p")))?;
    }
    close(w, 3, "sourceDesc")?;
    close(w, 2, "fileDesc")?;

    open(w, 2, "encodingDesc", &[])?;
    open(w, 3, "appInfo", &[])?;
    let version = env!("CARGO_PKG_VERSION");
    let mut app = vec![("ident", "colophon"), ("version", version)];
    if let Some(when) = &opts.when {
        app.push(("when", when));
    }
    open(w, 4, "application", &app)?;
    leaf(w, ctx, 5, "label", &[], "colophon")?;
    close(w, 4, "application")?;
    close(w, 3, "appInfo")?;
    open(w, 3, "editorialDecl", &[])?;
    leaf(w, ctx, 4, "p", &[], "Footnotes stand where they are called, as note[@place='foot'] with the printed label in @n; a note whose call is missing from the source stands after the previous note's call with @cert='low'. Archival references keep their printed wording in bibl[@type='archival']: the archive in orgName (@ref to back/div/listOrg), the levels in typed idno elements (fond, opis, box, delo; @n holds a normalised value where it differs from the print), the leaves in citedRange[@unit='folio'] with @from/@to (r, v for recto and verso). Look-alike letters are repaired only in @n.")?;
    if doc.notes().iter().any(|n| n.kind == NoteKind::End) {
        leaf(w, ctx, 4, "p", &[], "Endnotes, which the source printed after the text and numbered apart from the footnotes, also stand where they are called, as note[@place='end'] with the printed label in @n.")?;
    }
    close(w, 3, "editorialDecl")?;
    close(w, 2, "encodingDesc")?;

    open(w, 2, "profileDesc", &[])?;
    open(w, 3, "langUsage", &[])?;
    let langs: Vec<String> = ctx.langs.iter().cloned().collect();
    for l in &langs {
        leaf(w, ctx, 4, "language", &[("ident", l)], &language_name(l))?;
    }
    if langs.is_empty() {
        leaf(w, ctx, 4, "language", &[("ident", "und")], "Undetermined")?;
    }
    close(w, 3, "langUsage")?;
    for a in &m.abstracts {
        let lang = a.lang.as_ref().map(|l| l.to_string());
        let attrs: Vec<(&str, &str)> = lang.iter().map(|l| ("xml:lang", l.as_str())).collect();
        open(w, 3, "abstract", &attrs)?;
        for b in &a.content {
            leaf(w, ctx, 4, "p", &[], &plain_text(b.content()))?;
        }
        if a.content.is_empty() {
            leaf(w, ctx, 4, "p", &[], "")?;
        }
        close(w, 3, "abstract")?;
    }
    if !m.keywords.is_empty() {
        open(w, 3, "textClass", &[])?;
        for k in &m.keywords {
            let lang = k.lang.as_ref().map(|l| l.to_string());
            let attrs: Vec<(&str, &str)> = lang.iter().map(|l| ("xml:lang", l.as_str())).collect();
            open(w, 4, "keywords", &attrs)?;
            for t in &k.terms {
                leaf(w, ctx, 5, "term", &[], t)?;
            }
            if k.terms.is_empty() {
                leaf(w, ctx, 5, "term", &[], "")?;
            }
            close(w, 4, "keywords")?;
        }
        close(w, 3, "textClass")?;
    }
    close(w, 2, "profileDesc")?;
    close(w, 1, "teiHeader")
}

/// `publicationStmt`: the user's template when given, else what the metadata knows.
fn publication(w: &mut W, ctx: &mut Ctx, doc: &Document, opts: &Options) -> Result<()> {
    let m = &doc.meta;
    if let Some(t) = &opts.publication_template {
        nl(w, 3)?;
        let esc =
            |v: Option<&String>| quick_xml::escape::escape(v.map_or("unknown", |s| s.as_str())).into_owned();
        let filled = t
            .trim()
            .replace("{publisher}", &esc(m.publisher.as_ref()))
            .replace("{date}", &esc(m.date.as_ref()))
            .replace("{doi}", &esc(m.doi.as_ref()))
            .replace("{licence}", &esc(m.licence.as_ref()))
            .replace("{title}", &esc(m.titles.first().map(|t| &t.text)));
        w.get_mut().extend_from_slice(filled.as_bytes());
        return Ok(());
    }
    open(w, 3, "publicationStmt", &[])?;
    let known = m.publisher.is_some() || m.date.is_some() || m.doi.is_some() || m.licence.is_some();
    if !known {
        leaf(
            w,
            ctx,
            4,
            "p",
            &[],
            "Publication details unknown: the source names no publisher, date, DOI or licence.",
        )?;
        return close(w, 3, "publicationStmt");
    }
    leaf(w, ctx, 4, "publisher", &[], m.publisher.as_deref().unwrap_or("unknown"))?;
    if let Some(d) = &m.date {
        if is_iso_date(d) {
            leaf(w, ctx, 4, "date", &[("when", d)], d)?;
        } else {
            leaf(w, ctx, 4, "date", &[], d)?;
        }
    }
    if let Some(d) = &m.doi {
        leaf(w, ctx, 4, "idno", &[("type", "DOI")], d)?;
    }
    if let Some(l) = &m.licence {
        open(w, 4, "availability", &[])?;
        if l.starts_with("http://") || l.starts_with("https://") {
            leaf(w, ctx, 5, "licence", &[("target", l)], l)?;
        } else {
            leaf(w, ctx, 5, "licence", &[], l)?;
        }
        close(w, 4, "availability")?;
    }
    close(w, 3, "publicationStmt")
}
