//! Quotations and lists in the tag tree: the groups a run of blocks sits in, opened and
//! closed as the blocks' containers change. A quotation is a `BlockQuote`; a list an `L`
//! holding an `LI` per item, whose `Lbl` is the item's marker and whose `LBody` holds the
//! item's paragraphs, and the lists and quotations inside it.

use crate::model::NumberStyle;
use crate::typeset::layout::Container;
use krilla::tagging::{Identifier, ListNumbering, Node, Tag, TagGroup, TagKind};

/// An open container: its group and, for a list item, the `LBody` that takes its blocks.
struct Open {
    container: Container,
    group: TagGroup,
    body: Option<TagGroup>,
}

/// The containers open at the current block, outermost first.
#[derive(Default)]
pub(super) struct Nesting {
    open: Vec<Open>,
}

impl Nesting {
    /// Makes `nest` the open containers: closes those the next block is not in (into
    /// `out` when outermost) and opens those it enters. An item opens with its `Lbl`, the
    /// marker content `marker` gives.
    pub fn enter(
        &mut self,
        nest: &[Container],
        out: &mut Vec<Node>,
        mut marker: impl FnMut() -> Vec<Identifier>,
    ) {
        let kept = self.open.iter().zip(nest).take_while(|(o, c)| o.container == **c).count();
        while self.open.len() > kept {
            self.close(out);
        }
        for c in &nest[kept..] {
            let (group, body) = match c {
                Container::Quote { lang, .. } => (
                    TagGroup::new(
                        TagKind::from(Tag::BlockQuote).with_lang(lang.as_ref().map(|l| l.to_string())),
                    ),
                    None,
                ),
                Container::List { numbering, .. } => {
                    (TagGroup::new(Tag::L(list_numbering(*numbering))), None)
                }
                Container::Item { .. } => {
                    let mut li = TagGroup::new(Tag::LI);
                    let label = marker();
                    if !label.is_empty() {
                        li.push(TagGroup::with_children(
                            Tag::Lbl,
                            label.into_iter().map(Node::from).collect(),
                        ));
                    }
                    (li, Some(TagGroup::new(Tag::LBody)))
                }
            };
            self.open.push(Open { container: c.clone(), group, body });
        }
    }

    /// Adds `node` to the innermost open container, or to `out`.
    pub fn push(&mut self, node: impl Into<Node>, out: &mut Vec<Node>) {
        match self.open.last_mut() {
            Some(Open { body: Some(body), .. }) => body.push(node),
            Some(open) => open.group.push(node),
            None => out.push(node.into()),
        }
    }

    /// Closes every open container.
    pub fn finish(mut self, out: &mut Vec<Node>) {
        while !self.open.is_empty() {
            self.close(out);
        }
    }

    fn close(&mut self, out: &mut Vec<Node>) {
        let Some(mut open) = self.open.pop() else { return };
        if let Some(body) = open.body.take() {
            if !body.children.is_empty() {
                open.group.push(body);
            }
        }
        if !open.group.children.is_empty() {
            self.push(open.group, out);
        }
    }
}

fn list_numbering(n: Option<NumberStyle>) -> ListNumbering {
    match n {
        None => ListNumbering::Disc,
        Some(NumberStyle::Decimal) => ListNumbering::Decimal,
        Some(NumberStyle::LowerAlpha) => ListNumbering::LowerAlpha,
        Some(NumberStyle::UpperAlpha) => ListNumbering::UpperAlpha,
        Some(NumberStyle::LowerRoman) => ListNumbering::LowerRoman,
        Some(NumberStyle::UpperRoman) => ListNumbering::UpperRoman,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(node: &Node, out: &mut Vec<String>, depth: usize) {
        if let Node::Group(g) = node {
            let name = format!("{:?}", g.tag);
            let short: String = name.chars().take_while(|c| c.is_alphanumeric()).collect();
            out.push(format!("{}{short}", " ".repeat(depth)));
            g.children.iter().for_each(|c| kinds(c, out, depth + 1));
        }
    }

    /// Two items of a list, the second holding a nested list, then a paragraph outside.
    #[test]
    fn a_nested_list_sits_in_the_body_of_its_item() {
        let list = Container::List { id: 0, numbering: None };
        let item = |id| Container::Item { id };
        let inner = Container::List { id: 3, numbering: Some(NumberStyle::LowerAlpha) };
        let mut n = Nesting::default();
        let mut out = Vec::new();
        let p = || TagGroup::new(Tag::P);
        let none = Vec::new;
        for nest in [
            vec![list.clone(), item(1)],
            vec![list.clone(), item(2)],
            vec![list.clone(), item(2), inner.clone(), item(4)],
        ] {
            n.enter(&nest, &mut out, none);
            n.push(p(), &mut out);
        }
        n.enter(&[], &mut out, none);
        n.push(p(), &mut out);
        n.finish(&mut out);
        let mut got = Vec::new();
        out.iter().for_each(|node| kinds(node, &mut got, 0));
        let want = [
            "L",
            " LI",
            "  LBody",
            "   P",
            " LI",
            "  LBody",
            "   P",
            "   L",
            "    LI",
            "     LBody",
            "      P",
            "P",
        ];
        assert_eq!(got, want);
    }
}
