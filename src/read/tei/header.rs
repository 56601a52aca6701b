//! The `teiHeader` (titles, authors, publication, source, abstracts, keywords) and the
//! abstracts and keyword lists printed in `<front>`.

use super::{El, Reader};
use crate::model::{Abstract, Author, Block, Document, Inline, KeywordList, Title};

pub(super) fn header(h: &El, doc: &mut Document) {
    let m = &mut doc.meta;
    if let Some(ts) = h.path(&["fileDesc", "titleStmt"]) {
        for t in ts.all("title") {
            let text = t.text();
            if !text.is_empty() && text != "[title unknown]" {
                m.titles.push(Title { text, lang: t.lang() });
            }
        }
        for a in ts.all("author") {
            let has_parts = a.children().any(|c| {
                ["persName", "affiliation", "email", "idno", "note", "name"].contains(&c.name.as_str())
            });
            let name = if has_parts {
                a.child("persName").or_else(|| a.child("name")).map(El::text)
            } else {
                Some(a.text()).filter(|s| !s.is_empty())
            };
            m.authors.push(Author {
                name,
                affiliation: a.child("affiliation").map(El::text),
                email: a.child("email").map(El::text),
                orcid: a.all("idno").into_iter().find(|i| i.attr("type") == Some("ORCID")).map(El::text),
                note: a.all("note").into_iter().find(|n| n.attr("type") == Some("printed")).map(El::text),
            });
        }
    }
    let known = |s: String| Some(s).filter(|s| !s.is_empty() && s != "unknown");
    if let Some(ps) = h.path(&["fileDesc", "publicationStmt"]) {
        m.publisher = ps.child("publisher").and_then(|p| known(p.text()));
        m.date = ps.child("date").and_then(|d| known(d.text()));
        m.doi =
            ps.all("idno").into_iter().find(|i| i.attr("type") == Some("DOI")).and_then(|d| known(d.text()));
        m.licence = ps.path(&["availability", "licence"]).and_then(|l| known(l.text()));
    }
    if let Some(ns) = h.path(&["fileDesc", "notesStmt"]) {
        for n in ns.all("note") {
            if let (Some("metadata"), Some(k)) = (n.attr("type"), n.attr("n")) {
                m.extra.insert(k.to_string(), n.string());
            }
        }
    }
    m.source = h
        .path(&["fileDesc", "sourceDesc", "p"])
        .and_then(|p| p.all("idno").into_iter().find(|i| i.attr("type") == Some("file")))
        .map(El::text);
    if let Some(bs) = h.path(&["fileDesc", "sourceDesc", "biblStruct"]) {
        if let Some(mo) = bs.child("monogr") {
            m.journal = mo.all("title").first().map(|t| t.text());
            for s in mo.all("biblScope") {
                let v = Some(s.text());
                match s.attr("unit") {
                    Some("volume") => m.volume = v,
                    Some("issue") => m.issue = v,
                    Some("page") => m.pages = v,
                    _ => {}
                }
            }
            if let Some(imp) = mo.child("imprint") {
                if m.publisher.is_none() {
                    m.publisher = imp.child("publisher").and_then(|p| known(p.text()));
                }
                if m.date.is_none() {
                    m.date = imp.child("date").and_then(|d| known(d.text()));
                }
            }
        }
        if m.doi.is_none() {
            m.doi = bs
                .path(&["analytic"])
                .and_then(|a| a.all("idno").into_iter().find(|i| i.attr("type") == Some("DOI")))
                .map(El::text);
        }
    }
    // Abstracts and keywords from the header, unless the front prints them (read later).
    if let Some(pd) = h.child("profileDesc") {
        for a in pd.all("abstract") {
            let content = a.all("p").iter().map(|p| Block::paragraph(vec![Inline::text(p.text())])).collect();
            m.abstracts.push(Abstract { lang: a.lang(), heading: None, content });
        }
        if let Some(tc) = pd.child("textClass") {
            for k in tc.all("keywords") {
                let terms: Vec<String> =
                    k.all("term").iter().map(|t| t.text()).filter(|t| !t.is_empty()).collect();
                m.keywords.push(KeywordList { lang: k.lang(), heading: None, terms });
            }
        }
    }
}

pub(super) fn read_front(r: &mut Reader, front: &El, doc: &mut Document, notes: &mut usize) {
    let divs = front.all("div");
    let abstracts: Vec<&El> = divs.iter().copied().filter(|d| d.attr("type") == Some("abstract")).collect();
    let keywords: Vec<&El> = divs.iter().copied().filter(|d| d.attr("type") == Some("keywords")).collect();
    if !abstracts.is_empty() {
        doc.meta.abstracts = abstracts
            .iter()
            .map(|d| Abstract {
                lang: d.lang(),
                heading: d.child("head").map(El::text),
                content: {
                    // Paragraphs, and the lists and quotations an abstract may hold.
                    let mut content = Vec::new();
                    for c in d.children().filter(|c| c.name != "head") {
                        r.block_level(c, notes, &mut content);
                    }
                    content
                },
            })
            .collect();
    }
    if !keywords.is_empty() {
        doc.meta.keywords = keywords
            .iter()
            .map(|d| KeywordList {
                lang: d.lang(),
                heading: d.child("head").map(El::text),
                terms: d
                    .child("list")
                    .map(|l| l.all("item").iter().map(|i| i.text()).collect())
                    .unwrap_or_default(),
            })
            .collect();
    }
}
