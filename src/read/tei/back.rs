//! `<back>`: the bibliography (`listBibl`, in parts under their heads) and the archives
//! (`listOrg`).

use super::{El, Reader};
use crate::diag::Diagnostic;
use crate::model::{Archive, ArchiveName, BibEntry, BibPart, Bibliography, Document};

/// The bibliography being gathered from `<back>`: the first heading met (a div's around a
/// `listBibl`, or the list's own) is the list's; each later one (a nested `listBibl`'s, or
/// a later div's) heads a part.
#[derive(Default)]
struct BackLists {
    found: bool,
    heading: Option<String>,
    entries: Vec<BibEntry>,
    /// The parts, each with the position of its `<head>`.
    parts: Vec<(BibPart, usize)>,
}

impl BackLists {
    fn head(&mut self, head: Option<&El>) {
        let Some(h) = head else { return };
        let text = h.text();
        match &self.heading {
            None => self.heading = Some(text),
            // A list repeating its div's heading is no part.
            Some(outer) if self.entries.is_empty() && self.parts.is_empty() && *outer == text => {}
            Some(_) => self.parts.push((BibPart { heading: text, start: self.entries.len() }, h.pos)),
        }
    }

    /// A div (or the back) and what it holds: a div's head counts only over a list.
    fn div(&mut self, r: &mut Reader, el: &El) {
        for c in el.children() {
            match c.name.as_str() {
                "listBibl" => {
                    self.found = true;
                    self.list(r, c);
                }
                "div" if holds_list(c) => {
                    self.head(c.child("head"));
                    self.div(r, c);
                }
                _ => {}
            }
        }
    }

    fn list(&mut self, r: &mut Reader, list: &El) {
        self.head(list.child("head"));
        for c in list.children() {
            match c.name.as_str() {
                "bibl" | "biblStruct" => self.entries.push(r.entry(c)),
                "listBibl" => self.list(r, c),
                _ => {}
            }
        }
    }
}

/// Whether a `listBibl` stands anywhere inside `el`.
pub(super) fn holds_list(el: &El) -> bool {
    // `listOrg`: the archives colophon lists in `<back>` (alone when there is no bibliography).
    el.children()
        .any(|c| matches!(c.name.as_str(), "listBibl" | "listOrg") || c.name == "div" && holds_list(c))
}

pub(super) fn read_back(r: &mut Reader, back: &El, doc: &mut Document) {
    let mut lists = BackLists::default();
    lists.div(r, back);
    if lists.found && (!lists.entries.is_empty() || lists.heading.is_some()) {
        let heading = lists.heading.unwrap_or_else(|| "References".into());
        let mut bib = Bibliography::new(heading, lists.entries);
        bib.parts = lists.parts.iter().map(|(p, _)| p.clone()).collect();
        for dropped in bib.drop_invalid_parts() {
            let pos = lists.parts.iter().find(|(p, _)| *p == dropped).map_or(0, |(_, pos)| *pos);
            let (l, c) = r.index.position(r.text, pos);
            let message =
                format!("the subheading `{}` heads no entry of its own; it is left out", dropped.heading);
            r.diags.push(Diagnostic::warning("bib-empty-part", l, message).at_col(c));
        }
        doc.back.bibliography = Some(bib);
    }
    fn find_orgs<'a>(e: &'a El, out: &mut Vec<&'a El>) {
        for c in e.children() {
            match c.name.as_str() {
                "listOrg" => out.extend(c.all("org")),
                "div" => find_orgs(c, out),
                _ => {}
            }
        }
    }
    let mut orgs = Vec::new();
    find_orgs(back, &mut orgs);
    for o in orgs {
        let Some(id) = o.attr("xml:id") else { continue };
        let id = id.strip_prefix("org-").unwrap_or(id).to_string();
        let names = o
            .all("orgName")
            .into_iter()
            .filter(|n| n.attr("type") != Some("abbr"))
            .map(|n| ArchiveName { text: n.text(), lang: n.lang() })
            .collect();
        let acronyms =
            o.all("orgName").into_iter().filter(|n| n.attr("type") == Some("abbr")).map(El::text).collect();
        doc.back.archives.push(Archive {
            id,
            names,
            acronyms,
            place: o.child("placeName").map(El::text),
            country: o.child("country").map(|c| c.attr("key").map_or_else(|| c.text(), str::to_string)),
            note: o.child("note").map(El::text),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;
    use std::path::Path;

    fn bib(back: &str) -> (Bibliography, Vec<Diagnostic>) {
        let xml = format!(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body><back>{back}</back></text></TEI>"
        );
        let (doc, diags) = read(Path::new("t.xml"), &xml).unwrap();
        (doc.back.bibliography.unwrap(), diags)
    }

    #[test]
    fn an_appendix_follows_the_body_with_its_heading() {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body><back>\
            <div type=\"appendix\"><head>Appendix</head><p>A table of fonds.</p></div></back></text></TEI>";
        let (doc, _) = read(Path::new("t.xml"), xml).unwrap();
        let texts: Vec<String> = doc.body.iter().map(|b| crate::model::plain_text(b.content())).collect();
        assert_eq!(texts, ["x", "Appendix", "A table of fonds."]);
        assert!(matches!(doc.body[1], crate::model::Block::Heading { level: 1, .. }));
    }

    fn parts(b: &Bibliography) -> Vec<(&str, usize)> {
        b.parts.iter().map(|p| (p.heading.as_str(), p.start)).collect()
    }

    /// Nested `listBibl`s under their `head`s are parts; a head over no entry of its own is
    /// reported and left out.
    #[test]
    fn nested_lists_with_heads_are_parts() {
        let (b, diags) = bib("<div type=\"bibliography\"><head>Bibliography</head><listBibl><bibl>A.</bibl>\n\
             <listBibl><head>Archival sources</head><bibl>B.</bibl><bibl>C.</bibl></listBibl>\n\
             <listBibl><head>Primary</head><listBibl><head>Newspapers</head><bibl>D.</bibl></listBibl></listBibl>\n\
             </listBibl></div>");
        assert_eq!(b.heading, "Bibliography");
        assert_eq!(b.entries.iter().map(|e| e.raw.as_str()).collect::<Vec<_>>(), ["A.", "B.", "C.", "D."]);
        assert_eq!(parts(&b), [("Archival sources", 1), ("Newspapers", 3)]);
        let codes: Vec<(&str, u32)> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(codes, [("bib-empty-part", 3)]);
    }

    /// Others' TEI: a div per part inside the bibliography's div.
    #[test]
    fn sub_divisions_with_lists_are_parts() {
        let (b, diags) = bib("<div type=\"bibliography\"><head>Sources and literature</head>\
             <div><head>Archives</head><listBibl><bibl>A.</bibl></listBibl></div>\
             <div><head>Literature</head><listBibl><bibl>B.</bibl></listBibl></div></div>\
             <div type=\"appendix\"><head>Appendix</head><p>t</p></div>");
        assert_eq!(b.heading, "Sources and literature");
        assert_eq!(parts(&b), [("Archives", 0), ("Literature", 1)]);
        // The appendix is no part of the bibliography: it follows the body, said once.
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["tei-back-division-in-body"], "{diags:?}");
        // One list under its div's heading, the list repeating it: no part.
        let (b, _) = bib(
            "<div><head>References</head><listBibl><head>References</head><bibl>A.</bibl></listBibl></div>",
        );
        assert_eq!((b.heading.as_str(), b.parts.len()), ("References", 0));
    }
}
