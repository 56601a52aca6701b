//! Pointers to bibliography entries read as citations: editions and journals cite a work with
//! `<ref target="#smith2004">Smith 2004</ref>` (or `<ptr>`), the entry being
//! `<bibl xml:id="smith2004">`. Once the bibliography is read, such a link becomes an
//! [`Inline::Citation`] of that key, its text kept; colophon's own TEI says
//! `type="citation"` and is read so directly.

use crate::model::{Block, Document, Inline};
use std::collections::HashSet;

/// Turns every link whose targets are all `#key`s of entries into a citation of those keys,
/// in the front matter, the body and the notes.
pub(super) fn cite_entries(doc: &mut Document) {
    let keys: HashSet<String> =
        doc.back.bibliography.iter().flat_map(|b| &b.entries).filter_map(|e| e.key.clone()).collect();
    if keys.is_empty() {
        return;
    }
    for part in &mut doc.front {
        blocks(&mut part.blocks, &keys);
    }
    blocks(&mut doc.body, &keys);
}

fn blocks(bs: &mut [Block], keys: &HashSet<String>) {
    crate::model::for_each_inlines_mut(bs, &mut |run| inlines(run, keys));
}

fn inlines(run: &mut [Inline], keys: &HashSet<String>) {
    for i in run.iter_mut() {
        if let Inline::Link { url, content } = i {
            let targets: Vec<&str> = url.split_whitespace().collect();
            let all = !targets.is_empty()
                && targets.iter().all(|t| t.strip_prefix('#').is_some_and(|k| keys.contains(k)));
            if all {
                let keys = targets.iter().map(|t| t[1..].to_string()).collect();
                *i = Inline::Citation { keys, content: std::mem::take(content) };
            }
        }
        match i {
            Inline::Note(n) => blocks(&mut n.content, keys),
            other => {
                if let Some(children) = other.children_mut() {
                    inlines(children, keys);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn a_link_to_an_entry_is_a_citation_and_others_stay_links() {
        let xml = r##"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <p>As <ref target="#smith2004">Smith (2004)</ref> shows<note place="foot" n="1">See
            <ref target="#smith2004 #jones">both</ref>.</note>; see <ref target="https://x.org/">this</ref>
            and <ref target="#nowhere">that</ref>.</p></body>
            <back><div type="bibliography"><listBibl><bibl xml:id="smith2004">Smith, J. 2004. Trade.</bibl>
            <bibl xml:id="jones">Jones, K. 1999. Ports.</bibl><bibl xml:id="bib-03">Anon. 1900.</bibl></listBibl></div></back>
            </text></TEI>"##;
        let (doc, _) = super::super::read(Path::new("t.xml"), xml).unwrap();
        let json = serde_json::to_string(&doc.body).unwrap();
        assert!(json.contains(r#"{"type":"citation","keys":["smith2004"],"content":[{"type":"text","text":"Smith (2004)"}]}"#), "{json}");
        assert!(json.contains(r#""keys":["smith2004","jones"]"#), "{json}");
        assert!(json.contains(r#"{"type":"link","url":"https://x.org/""#), "{json}");
        assert!(json.contains(r##"{"type":"link","url":"#nowhere""##), "{json}");
        let keys: Vec<Option<String>> =
            doc.back.bibliography.unwrap().entries.into_iter().map(|e| e.key).collect();
        assert_eq!(keys, [Some("smith2004".into()), Some("jones".into()), None]);
    }
}
