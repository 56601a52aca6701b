//! Glossaries: `<list type="gloss">` of `<label>` (the term) and `<item>` (its definition)
//! pairs, read as a definition list. Several items after one label, or one item holding a
//! `<list rend="definitions">` (as colophon writes them), are the term's definitions.

use super::{trim_inlines, El, Node, Reader, SILENT};
use crate::model::{Block, Definition};

/// Whether `item` holds nothing but one `<list rend="definitions">`: that list's items are
/// the definitions.
fn definitions(item: &El) -> Option<&El> {
    let kids: Vec<&El> = item.children().collect();
    let text = item.kids.iter().any(|k| matches!(k, Node::Text(t) if !t.trim().is_empty()));
    match kids[..] {
        [l] if !text
            && l.name == "list"
            && l.attr("rend").is_some_and(|r| r.split_whitespace().any(|t| t == "definitions")) =>
        {
            Some(l)
        }
        _ => None,
    }
}

impl Reader<'_> {
    /// A glossary list as a definition list, preceded by its heading (as a paragraph) and
    /// followed by what stood in it outside its labels and items.
    pub(super) fn gloss(&mut self, el: &El, notes: &mut usize) -> Vec<Block> {
        let mut before = Vec::new();
        let mut items: Vec<Definition> = Vec::new();
        let mut after = Vec::new();
        for c in self.list_children(el, &mut after) {
            match c.name.as_str() {
                "label" => {
                    items.push(Definition { term: trim_inlines(self.inlines(c, notes)), details: Vec::new() })
                }
                "item" => {
                    let details = match definitions(c) {
                        Some(list) => {
                            list.all("item").into_iter().map(|i| self.flow(i, i.lang(), notes)).collect()
                        }
                        None => vec![self.flow(c, c.lang(), notes)],
                    };
                    match items.last_mut() {
                        Some(d) => d.details.extend(details),
                        None => items.push(Definition { term: Vec::new(), details }),
                    }
                }
                "head" => {
                    self.info_at(
                        "tei-list-head",
                        c,
                        "the heading of a <list> is read as a paragraph before it (the model has no list heading)"
                            .into(),
                    );
                    let content = trim_inlines(self.inlines(c, notes));
                    if !content.is_empty() {
                        before.push(Block::Paragraph { content, lang: c.lang() });
                    }
                }
                name if name == "lb" || SILENT.contains(&name) => {}
                _ => {
                    let mut b = Vec::new();
                    self.block_level(c, notes, &mut b);
                    if !b.is_empty() {
                        self.info_at(
                            "tei-outside-item",
                            c,
                            format!(
                                "<{}> inside a <list> but outside its items is kept after the list",
                                c.name
                            ),
                        );
                    }
                    after.extend(b);
                }
            }
        }
        // A term without a definition keeps an empty one (TEI's label takes an item).
        for d in &mut items {
            if d.details.is_empty() {
                d.details.push(Vec::new());
            }
        }
        if !items.is_empty() {
            before.push(Block::DefinitionList { items });
        }
        before.extend(after);
        before
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, Definition, Inline};

    use super::super::read_body as body;

    fn p(s: &str) -> Block {
        Block::paragraph(vec![Inline::text(s)])
    }

    fn def(term: Vec<Inline>, details: Vec<Vec<Block>>) -> Definition {
        Definition { term, details }
    }

    #[test]
    fn a_glossary_is_a_definition_list() {
        let (b, d) = body(
            "<list type=\"gloss\">\n <label><hi rend=\"italic\">RGASPI</hi></label>\n <item>Russian State Archive</item>\n <label>GARF</label><item><p>State Archive</p><p>of the Russian Federation</p></item>\n</list>",
        );
        assert_eq!(
            b,
            [Block::DefinitionList {
                items: vec![
                    def(
                        vec![Inline::Emph { content: vec![Inline::text("RGASPI")] }],
                        vec![vec![p("Russian State Archive")]]
                    ),
                    def(
                        vec![Inline::text("GARF")],
                        vec![vec![p("State Archive"), p("of the Russian Federation")]]
                    ),
                ]
            }]
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn several_definitions_of_one_term() {
        // colophon's own: a list of definitions inside the item; others': several items.
        let ours = "<list type=\"gloss\"><label>fond</label><item><list rend=\"definitions\"><item>a collection</item><item>a fund</item></list></item></list>";
        let theirs =
            "<list type=\"gloss\"><label>fond</label><item>a collection</item><item>a fund</item></list>";
        let want = [Block::DefinitionList {
            items: vec![def(vec![Inline::text("fond")], vec![vec![p("a collection")], vec![p("a fund")]])],
        }];
        assert_eq!(body(ours).0, want);
        assert_eq!(body(theirs).0, want);
        // A label without an item keeps an empty definition; a heading goes before.
        let (b, d) = body("<list rend=\"gloss\"><head>Terms</head><label>opis</label></list>");
        assert_eq!(
            b,
            [
                p("Terms"),
                Block::DefinitionList { items: vec![def(vec![Inline::text("opis")], vec![vec![]])] }
            ]
        );
        assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["tei-list-head"]);
        // A glossary without labels is an ordinary list.
        assert!(matches!(body("<list type=\"gloss\"><item>a</item></list>").0[..], [Block::List { .. }]));
    }
}
