//! The element tree an XML file (a TEI document, a part of a Word package) is parsed into,
//! without entities ever being expanded. Elements keep their local names (`p` of `w:p`);
//! attributes keep their prefixed names (`xml:lang`, `w:val`), as their owners spell them.

use crate::diag::LineIndex;
use crate::error::{Error, Result};
use crate::model::LangTag;
use quick_xml::events::Event;
use std::path::Path;

/// An element of the parsed tree.
#[derive(Debug, Clone)]
pub(crate) struct El {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) kids: Vec<Node>,
    pub(crate) pos: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum Node {
    El(El),
    Text(String),
}

impl El {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub(crate) fn children(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|k| match k {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(crate) fn child(&self, name: &str) -> Option<&El> {
        self.children().find(|e| e.name == name)
    }

    pub(crate) fn all(&self, name: &str) -> Vec<&El> {
        self.children().filter(|e| e.name == name).collect()
    }

    /// Finds the first descendant along a path of names.
    pub(crate) fn path(&self, names: &[&str]) -> Option<&El> {
        names.iter().try_fold(self, |el, n| el.child(n))
    }

    /// The string value, whitespace as in the source.
    pub(crate) fn string(&self) -> String {
        let mut s = String::new();
        fn walk(e: &El, s: &mut String) {
            for k in &e.kids {
                match k {
                    Node::Text(t) => s.push_str(t),
                    Node::El(c) => walk(c, s),
                }
            }
        }
        walk(self, &mut s);
        s
    }

    /// The string value with whitespace runs collapsed and trimmed (header fields); a line
    /// break (`<lb/>`, unless `break="no"`) separates words.
    pub(crate) fn text(&self) -> String {
        let mut s = String::new();
        fn walk(e: &El, s: &mut String) {
            for k in &e.kids {
                match k {
                    Node::Text(t) => s.push_str(t),
                    Node::El(c) if c.name == "lb" && c.attr("break") != Some("no") => s.push(' '),
                    Node::El(c) => walk(c, s),
                }
            }
        }
        walk(self, &mut s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub(crate) fn lang(&self) -> Option<LangTag> {
        self.attr("xml:lang").and_then(|l| LangTag::parse(l).ok())
    }
}

/// Local name of a possibly prefixed XML name.
pub(crate) fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    match s.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.into_owned(),
    }
}

/// Parses `text` into an element tree and returns its root element. Entities are never
/// loaded or expanded: only the five predefined ones and character references are read, and
/// a DOCTYPE that declares entities is refused at the declaration (a DOCTYPE that only names
/// a DTD is ignored, never fetched). Elements nested deeper than `max_depth` (the root is
/// level 1) are refused at the first one past the limit, so every later walk of the tree is
/// bounded; `what` names the kind of document in that error (`TEI`, `word/document.xml`).
pub(crate) fn parse_tree(path: &Path, text: &str, what: &str, max_depth: usize) -> Result<El> {
    let index = LineIndex::new(text);
    let err = |pos: u64, msg: String| {
        let (l, c) = index.position(text, pos as usize);
        Error::input(path, l, c, msg)
    };
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<El> = vec![El { name: String::new(), attrs: vec![], kids: vec![], pos: 0 }];
    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), format!("not well-formed XML: {e}")))?;
        if let (Event::Start(e) | Event::Empty(e), true) = (&ev, stack.len() > max_depth) {
            let name = local(e.name().as_ref());
            return Err(err(
                pos,
                format!(
                    "<{name}> is nested {} elements deep; colophon reads {what} nested at most {max_depth} deep",
                    stack.len()
                ),
            ));
        }
        match ev {
            Event::Start(e) => stack.push(element(&e, pos as usize).map_err(|m| err(pos, m))?),
            Event::Empty(e) => {
                let el = element(&e, pos as usize).map_err(|m| err(pos, m))?;
                stack.last_mut().expect("root").kids.push(Node::El(el));
            }
            Event::End(_) => {
                let done = stack.pop().expect("the reader checks nesting");
                stack
                    .last_mut()
                    .ok_or_else(|| err(pos, "unbalanced end tag".into()))?
                    .kids
                    .push(Node::El(done));
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| err(pos, format!("bad text: {e}")))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| err(pos, format!("bad CDATA: {e}")))?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| err(pos, format!("bad reference: {e}")))?;
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    match name.as_ref() {
                        "amp" => Some("&".into()),
                        "lt" => Some("<".into()),
                        "gt" => Some(">".into()),
                        "apos" => Some("'".into()),
                        "quot" => Some("\"".into()),
                        _ => None,
                    }
                };
                let ch = ch.ok_or_else(|| err(pos, format!("unknown entity `&{name};`")))?;
                push_text(&mut stack, &ch);
            }
            Event::Eof => break,
            Event::DocType(_) => {
                let doctype = &text[pos as usize..reader.buffer_position() as usize];
                if let Some(at) = doctype.find("<!ENTITY") {
                    let decl: String = text[pos as usize + at..].chars().take_while(|&c| c != '>').collect();
                    return Err(err(
                        pos + at as u64,
                        format!("the DOCTYPE declares an entity (`{}>`); colophon never loads or expands entities: remove the DOCTYPE and write the text in place", short(&decl, 80)),
                    ));
                }
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if let Some(open) = stack.last().filter(|_| stack.len() > 1) {
        let (l, c) = index.position(text, open.pos);
        return Err(err(
            text.len() as u64,
            format!("the document ends inside <{}> (opened at {l}:{c}): is the file cut short?", open.name),
        ));
    }
    let mut doc = stack.pop().expect("root");
    let root = doc.kids.drain(..).find_map(|k| match k {
        Node::El(e) => Some(e),
        Node::Text(_) => None,
    });
    root.ok_or_else(|| err(0, "no root element".into()))
}

/// `s` cut to `n` characters, with `…` when cut.
fn short(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// Builds an element (without children) from a start tag.
fn element(e: &quick_xml::events::BytesStart, pos: usize) -> std::result::Result<El, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|x| format!("bad attribute: {x}"))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let val = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|x| format!("bad attribute value: {x}"))?;
        attrs.push((key, val.into_owned()));
    }
    Ok(El { name: local(e.name().as_ref()), attrs, kids: vec![], pos })
}

fn push_text(stack: &mut [El], s: &str) {
    let top = stack.last_mut().expect("root");
    if let Some(Node::Text(t)) = top.kids.last_mut() {
        t.push_str(s);
    } else {
        top.kids.push(Node::Text(s.to_string()));
    }
}
