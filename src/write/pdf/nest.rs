//! Quotations and lists in the tag tree: the groups a run of blocks sits in, opened and
//! closed as the blocks' containers change. A quotation is a `BlockQuote`; a list an `L`
//! holding an `LI` per item, whose `Lbl` is the item's marker and whose `LBody` holds the
//! item's paragraphs, and the lists and quotations inside it.
//!
//! A definition list is an `L` without numbering whose `LI`s hold the term as the `Lbl` and
//! the definitions in the `LBody` (the PDF/UA mapping of a definition list). A code block
//! is a `Code` element inside a `P` (`Code` is inline-level), holding every line's content.

use crate::model::NumberStyle;
use crate::typeset::layout::BlockKind;
use crate::typeset::layout::{Container, StructBlock};
use krilla::tagging::{Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind};

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
                Container::Glossary { .. } => (TagGroup::new(Tag::L(ListNumbering::None)), None),
                Container::Term { .. } => (TagGroup::new(Tag::Lbl), None),
                Container::Code { .. } => (TagGroup::new(Tag::P), Some(TagGroup::new(Tag::Code))),
                Container::Section { .. } => (TagGroup::new(Tag::Section), None),
                Container::Table { .. } => (TagGroup::new(Tag::Table), None),
                Container::TablePart { part: 0, .. } => (TagGroup::new(Tag::THead), None),
                Container::TablePart { part: 1, .. } => (TagGroup::new(Tag::TBody), None),
                Container::TablePart { .. } => (TagGroup::new(Tag::TFoot), None),
                Container::Row { .. } => (TagGroup::new(Tag::TR), None),
                Container::Cell { header, row_header, rows, cols, .. } => {
                    let rows = std::num::NonZeroU32::new(*rows).filter(|n| n.get() > 1);
                    let cols = std::num::NonZeroU32::new(*cols).filter(|n| n.get() > 1);
                    let kind: TagKind = if *header {
                        let scope =
                            if *row_header { TableHeaderScope::Row } else { TableHeaderScope::Column };
                        Tag::TH(scope).with_row_span(rows).with_col_span(cols).into()
                    } else {
                        Tag::TD.with_row_span(rows).with_col_span(cols).into()
                    };
                    (TagGroup::new(kind), None)
                }
                Container::Caption { .. } => (TagGroup::new(Tag::Caption), None),
                Container::Figure { alt, .. } => (TagGroup::new(Tag::Figure(Some(alt.clone()))), None),
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
        // An empty cell stays: the cells after it keep their columns.
        if open.group.children.is_empty() && !matches!(open.container, Container::Cell { .. }) {
            return;
        }
        // A term is its item's label: in the `LI` itself, before the item's `LBody`.
        match (&open.container, self.open.last_mut()) {
            (Container::Term { .. }, Some(item)) => item.group.push(open.group),
            _ => self.push(open.group, out),
        }
    }
}

/// Adds the group of a block inside containers to the innermost one: the group itself, or
/// its content when the container takes the text of its blocks (a term, a code block).
pub(super) fn push_block(nesting: &mut Nesting, block: &StructBlock, group: TagGroup, out: &mut Vec<Node>) {
    if block.nest.last().is_some_and(Container::inline) || block.kind == BlockKind::Graphic {
        group.children.into_iter().for_each(|c| nesting.push(c, out));
    } else if !group.children.is_empty() {
        nesting.push(group, out);
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

    /// A definition list of two terms, the second with a note-free definition, and a code
    /// block after it.
    #[test]
    fn a_term_is_the_label_of_its_item_and_code_lines_are_one_code_element() {
        let glossary = Container::Glossary { id: 0 };
        let item = |id| Container::Item { id };
        let term = |id| Container::Term { id };
        let code = Container::Code { id: 9 };
        let mut n = Nesting::default();
        let mut out = Vec::new();
        let none = Vec::new;
        let p = || TagGroup::new(Tag::P);
        for (nest, block) in [
            (vec![glossary.clone(), item(1), term(2)], false),
            (vec![glossary.clone(), item(1)], true),
            (vec![glossary.clone(), item(3), term(4)], false),
            (vec![glossary.clone(), item(3)], true),
            (vec![code.clone()], false),
            (vec![code.clone()], false),
        ] {
            n.enter(&nest, &mut out, none);
            if block {
                n.push(p(), &mut out);
            } else {
                // The inline content of a term or a code line (a span stands for it).
                n.push(TagGroup::new(Tag::Span), &mut out);
            }
        }
        n.finish(&mut out);
        let mut got = Vec::new();
        out.iter().for_each(|node| kinds(node, &mut got, 0));
        let want = [
            "L", " LI", "  Lbl", "   Span", "  LBody", "   P", " LI", "  Lbl", "   Span", "  LBody", "   P",
            "P", " Code", "  Span", "  Span",
        ];
        assert_eq!(got, want);
    }
}
