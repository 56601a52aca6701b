//! Block quotations, lists and definition lists as the Markdown reader builds them: a stack
//! of open containers, each collecting the blocks written inside it, closed into one
//! [`Block::Quote`], [`Block::List`] or [`Block::DefinitionList`] when pulldown-cmark ends it.
//!
//! Pandoc's conventions are followed: a quotation's last paragraph that starts with a dash
//! (`— Telegram, 14 May 1919`, `-- Source`, `―`) is its source line; an ordered list keeps
//! its first number and its delimiter (`1.` or `1)`, the two CommonMark reads).

use crate::model::{Block, Definition, Delimiter, Inline, LangTag, Numbering};

/// How deep quotations and lists nest: deeper ones are read into the one around them (the
/// writers and the typesetter recurse over them).
pub(super) const MAX_NESTING: usize = 32;

/// A quotation or list being read.
#[derive(Debug)]
pub(super) enum Container {
    /// A block quotation: its blocks so far, the language of the div around it, and whether
    /// that div is an epigraph's.
    Quote { blocks: Vec<Block>, lang: Option<LangTag>, epigraph: bool },
    /// A list: its numbering (none for bullets) and its items so far.
    List { numbering: Option<Numbering>, items: Vec<Vec<Block>> },
    /// A definition list: its terms so far, each with its definitions.
    Definitions { items: Vec<Definition> },
}

/// An open container with the number of notes open when it started: blocks go to it only
/// while no note opened inside it is open.
#[derive(Debug)]
pub(super) struct OpenContainer {
    pub container: Container,
    pub notes_depth: usize,
    /// The byte where it starts.
    pub at: usize,
}

impl OpenContainer {
    /// Adds a finished block to the container (to a list's last item, opening one if the
    /// list has none yet).
    pub fn push(&mut self, block: Block) {
        match &mut self.container {
            Container::Quote { blocks, .. } => blocks.push(block),
            Container::List { items, .. } => match items.last_mut() {
                Some(item) => item.push(block),
                None => items.push(vec![block]),
            },
            // A block before any term (pulldown-cmark gives none) has an empty term.
            Container::Definitions { items } => {
                if items.is_empty() {
                    items.push(Definition { term: Vec::new(), details: Vec::new() });
                }
                let Some(d) = items.last_mut() else { return };
                match d.details.last_mut() {
                    Some(def) => def.push(block),
                    None => d.details.push(vec![block]),
                }
            }
        }
    }

    /// Starts a list item, or a definition of the last term.
    pub fn start_item(&mut self) {
        match &mut self.container {
            Container::List { items, .. } => items.push(Vec::new()),
            Container::Definitions { items } => {
                if let Some(d) = items.last_mut() {
                    d.details.push(Vec::new());
                }
            }
            Container::Quote { .. } => {}
        }
    }

    /// Starts the next term of a definition list; false for any other container.
    pub fn start_term(&mut self, term: &[Inline]) -> bool {
        match &mut self.container {
            Container::Definitions { items } => {
                items.push(Definition { term: term.to_vec(), details: Vec::new() });
                true
            }
            _ => false,
        }
    }

    /// The finished block; `None` for a quotation or list with nothing in it.
    pub fn finish(self) -> Option<Block> {
        match self.container {
            Container::Quote { mut blocks, lang, epigraph } => {
                // Its paragraphs are in its language unless they say otherwise (the div that
                // gives the quotation its language gives it to them too).
                for b in &mut blocks {
                    if let Block::Paragraph { lang: own, .. } = b {
                        if own.is_some() && *own == lang {
                            *own = None;
                        }
                    }
                }
                let source = source_line(&mut blocks);
                (!blocks.is_empty() || source.is_some()).then_some(Block::Quote {
                    blocks,
                    source,
                    lang,
                    epigraph,
                })
            }
            Container::List { numbering, items } => {
                (!items.is_empty()).then_some(Block::List { numbering, items })
            }
            Container::Definitions { items } => {
                (!items.is_empty()).then_some(Block::DefinitionList { items })
            }
        }
    }
}

/// The numbering of an ordered list whose first item starts at `first` and whose marker is
/// written at the start of `marker` (`3.`, `3)`), or `None` for a bulleted list. (Fancy
/// markers, `(c)`, `iv.`, are read before parsing: see `fancy`.)
pub(super) fn numbering(first: Option<u64>, marker: &str) -> Option<Numbering> {
    let start = u32::try_from(first?).unwrap_or(u32::MAX);
    let after_digits = marker.trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
    let delimiter = if after_digits.starts_with(')') { Delimiter::Paren } else { Delimiter::Period };
    Some(Numbering { delimiter, ..Numbering::decimal(start) })
}

/// Dashes that open a source line: the em dash and the horizontal bar (the writers print the
/// em dash back; an en dash or `--` opens a line of dialogue or a list as often as a source,
/// and is left as text).
const SOURCE_DASHES: [&str; 2] = ["—", "―"];

/// True when a paragraph's text starts with a source dash.
fn starts_with_dash(b: &Block) -> bool {
    matches!(b, Block::Paragraph { content, .. }
        if matches!(content.first(), Some(Inline::Text { text }) if SOURCE_DASHES.iter().any(|d| text.starts_with(d))))
}

/// Takes the last paragraph of a quotation out of `blocks` when it starts with a dash and
/// returns its content without the dash: the quotation's source.
fn source_line(blocks: &mut Vec<Block>) -> Option<Vec<Inline>> {
    let Some(Block::Paragraph { content, .. }) = blocks.last() else { return None };
    let Some(Inline::Text { text }) = content.first() else { return None };
    let dash = SOURCE_DASHES.iter().find(|d| text.starts_with(**d))?;
    let rest = text[dash.len()..].trim_start_matches([' ', '\u{a0}']).to_string();
    // A dash alone on its line, a dash opening the quotation's only paragraph, or the last
    // line of a dialogue (the paragraph before opens with a dash too) is not a source line.
    let dialogue = blocks.len() >= 2 && starts_with_dash(&blocks[blocks.len() - 2]);
    if blocks.len() < 2 || dialogue || rest.is_empty() && content.len() == 1 {
        return None;
    }
    let Some(Block::Paragraph { mut content, .. }) = blocks.pop() else { return None };
    if rest.is_empty() {
        content.remove(0);
    } else {
        content[0] = Inline::text(rest);
    }
    Some(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::paragraph(vec![Inline::text(text)])
    }

    #[test]
    fn a_last_paragraph_after_a_dash_is_the_source() {
        let mut quote = OpenContainer {
            container: Container::Quote { blocks: Vec::new(), lang: None, epigraph: false },
            notes_depth: 0,
            at: 0,
        };
        quote.push(para("Send the division at once."));
        quote.push(para("— Telegram, 14 May 1919"));
        let Some(Block::Quote { blocks, source, .. }) = quote.finish() else { panic!() };
        assert_eq!(blocks, vec![para("Send the division at once.")]);
        assert_eq!(source, Some(vec![Inline::text("Telegram, 14 May 1919")]));
    }

    #[test]
    fn a_dash_in_the_only_paragraph_is_dialogue() {
        let mut quote = OpenContainer {
            container: Container::Quote { blocks: Vec::new(), lang: None, epigraph: false },
            notes_depth: 0,
            at: 0,
        };
        quote.push(para("— Where is the army? he asked."));
        let Some(Block::Quote { blocks, source, .. }) = quote.finish() else { panic!() };
        assert_eq!((blocks.len(), source), (1, None));
    }

    #[test]
    fn the_last_line_of_a_dialogue_is_no_source() {
        let mut quote = OpenContainer {
            container: Container::Quote { blocks: Vec::new(), lang: None, epigraph: false },
            notes_depth: 0,
            at: 0,
        };
        quote.push(para("— Where is the army?"));
        quote.push(para("— At the border."));
        let Some(Block::Quote { blocks, source, .. }) = quote.finish() else { panic!() };
        assert_eq!((blocks.len(), source), (2, None));
    }

    #[test]
    fn ordered_lists_keep_their_start_and_delimiter() {
        assert_eq!(numbering(Some(3), "3. x"), Some(Numbering::decimal(3)));
        assert_eq!(numbering(Some(1), "1) x").map(|n| n.label(2)), Some("2)".to_string()));
        assert_eq!(numbering(None, "- x"), None);
    }

    #[test]
    fn an_empty_list_or_quotation_is_nothing() {
        let list = OpenContainer {
            container: Container::List { numbering: None, items: Vec::new() },
            notes_depth: 0,
            at: 0,
        };
        assert_eq!(list.finish(), None);
    }
}
