//! Block quotations and lists: `<quote>`, `<cit>` (`<quote>` with its `<bibl>`),
//! `<epigraph>` and `<list>` (bulleted or numbered; a glossary in `gloss.rs`) in the body, in
//! notes, in list items and in other quotations; verse and verbatim text in `lines.rs`.
//!
//! A container's children are read in order ([`Reader::flow`]): block-level elements become
//! blocks, and runs of text and phrase-level elements between them become paragraphs. In
//! mixed content (a `<p>`, or a container with text of its own) `<quote>` and `<cit>` stay
//! phrase-level quotations unless they hold paragraphs themselves.

use super::{collapse, push_inline, push_inline_text, trim_inlines, El, Node, Reader, SILENT};
use super::{lines, numbering};
use crate::diag::Diagnostic;
use crate::model::{Block, Inline, LangTag};

/// Elements that are blocks wherever they stand.
const ALWAYS_BLOCK: &[&str] = &[
    "p",
    "ab",
    "list",
    "lg",
    "l",
    "epigraph",
    "head",
    "eg",
    "egXML",
    "floatingText",
    "text",
    "table",
    "figure",
];

/// Whether `c` is read as a block inside a container; `mixed` when the container holds
/// running text.
pub(super) fn is_block(c: &El, mixed: bool) -> bool {
    match c.name.as_str() {
        name if ALWAYS_BLOCK.contains(&name) => true,
        "quote" | "cit" => !mixed || holds_blocks(c) || displayed(c),
        // A speech or quotation of verse lines (`<q><l>…</l><l>…</l></q>`) inside running text.
        "q" | "said" => holds_verse(c),
        "code" => !mixed,
        "milestone" => lines::is_section_break(c),
        _ => false,
    }
}

/// Whether `el` holds block-level children (a quotation of paragraphs, a paragraph holding
/// a list).
pub(super) fn holds_blocks(el: &El) -> bool {
    el.children().any(|c| match c.name.as_str() {
        "p" | "ab" | "list" | "lg" | "epigraph" | "eg" | "egXML" | "floatingText" | "text" | "table"
        | "figure" => true,
        "quote" | "cit" => holds_blocks(c) || displayed(c),
        "q" | "said" => holds_verse(c),
        "milestone" => lines::is_section_break(c),
        _ => false,
    })
}

/// Whether a quotation holds verse lines of its own (`<l>`, gathered into a `<lg>` when the
/// tree was prepared): it is verse, set as lines.
fn holds_verse(el: &El) -> bool {
    el.children().any(|c| c.name == "l" || c.name == "lg")
}

/// Whether a quotation says it is set off from the text (`rend="display"` or `"block"`): a
/// block quotation even inside a paragraph.
fn displayed(el: &El) -> bool {
    el.attr("rend").is_some_and(|r| r.split_whitespace().any(|w| matches!(w, "display" | "block")))
}

/// Whether `el` has text of its own (not only indentation between its children).
fn has_text(el: &El) -> bool {
    el.kids.iter().any(|k| matches!(k, Node::Text(t) if !t.trim().is_empty()))
}

/// `label` then a space in front of `content`.
fn prefixed(label: Vec<Inline>, content: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    label.into_iter().for_each(|i| push_inline(&mut out, i));
    push_inline_text(&mut out, " ");
    content.into_iter().for_each(|i| push_inline(&mut out, i));
    out
}

impl Reader<'_> {
    /// Reports `message` under `code` at `el`'s start tag.
    pub(super) fn info_at(&mut self, code: &'static str, el: &El, message: String) {
        let (l, c) = self.index.position(self.text, el.pos);
        self.diags.push(Diagnostic::info(code, l, message).at_col(c));
    }

    /// The content of a container (a note, a quotation, a list item, a paragraph holding a
    /// list) as blocks: block-level children in order, and each run of text and phrase-level
    /// elements between them as a paragraph in `lang` (runs of spaces only are dropped).
    pub(super) fn flow(&mut self, el: &El, lang: Option<LangTag>, notes: &mut usize) -> Vec<Block> {
        let mixed = matches!(el.name.as_str(), "p" | "ab") || has_text(el);
        let mut out = Vec::new();
        let mut run = Vec::new();
        for k in &el.kids {
            match k {
                Node::Text(t) => push_inline_text(&mut run, &collapse(t)),
                Node::El(c) if is_block(c, mixed) => {
                    self.flush(el, &mut run, &lang, &mut out);
                    self.block_level(c, notes, &mut out);
                }
                Node::El(c) => self.inline_el(c, &mut run, notes),
            }
        }
        self.flush(el, &mut run, &lang, &mut out);
        out
    }

    fn flush(&mut self, el: &El, run: &mut Vec<Inline>, lang: &Option<LangTag>, out: &mut Vec<Block>) {
        let content = self.trim_breaks(std::mem::take(run), el);
        if !content.is_empty() {
            out.push(Block::Paragraph { content, lang: lang.clone() });
        }
    }

    /// One block-level element into `out`: a paragraph (split around the lists and
    /// quotations it holds), a quotation, a list, verse, or a heading inside a container
    /// (read as a paragraph).
    pub(super) fn block_level(&mut self, c: &El, notes: &mut usize, out: &mut Vec<Block>) {
        match c.name.as_str() {
            "p" | "ab" if holds_blocks(c) => {
                let blocks = self.flow(c, c.lang(), notes);
                out.extend(blocks);
            }
            "p" | "ab" | "l" => out.push(self.paragraph(c, notes)),
            "head" => {
                self.unsupported(c);
                let content = trim_inlines(self.inlines(c, notes));
                if !content.is_empty() {
                    out.push(Block::Paragraph { content, lang: c.lang() });
                }
            }
            // `<q>` or `<said>` standing between paragraphs (OpenEdition's block quotations).
            "quote" | "q" | "said" => {
                let blocks = if holds_verse(c) {
                    let mut blocks = Vec::new();
                    self.verse(c, notes, &mut blocks);
                    blocks
                } else {
                    self.flow(c, None, notes)
                };
                if !blocks.is_empty() {
                    out.push(Block::Quote { blocks, source: None, lang: c.lang(), epigraph: is_epigraph(c) });
                }
            }
            // An epigraph: `<epigraph>`, or a quotation typed as one where `<epigraph>` may
            // not stand.
            "cit" | "epigraph" => {
                let mut blocks = self.quotation(c, notes);
                if c.name == "epigraph" || is_epigraph(c) {
                    for b in &mut blocks {
                        if let Block::Quote { epigraph, .. } = b {
                            *epigraph = true;
                        }
                    }
                }
                out.extend(blocks);
            }
            "list" if ListKind::of(c) == ListKind::Gloss && c.child("label").is_some() => {
                out.extend(self.gloss(c, notes))
            }
            "list" => self.list(c, notes, out),
            "lg" => self.verse(c, notes, out),
            "eg" | "egXML" | "code" => out.push(self.code_block(c)),
            // A whole text quoted in this one (a letter, a decree).
            "floatingText" | "text" => out.push(self.embedded(c, notes)),
            "milestone" if lines::is_section_break(c) => out.push(Block::SectionBreak),
            "table" => self.table(c, notes, out),
            "figure" => self.figure(c, notes, out),
            _ => {
                self.unsupported(c);
                let content = trim_inlines(self.inlines(c, notes));
                if !content.is_empty() {
                    out.push(Block::paragraph(content));
                }
            }
        }
    }

    /// A `<cit>` or `<epigraph>`: the quoted text (its `<quote>`s, or its paragraphs and
    /// verse) and the source line from its `<bibl>` or `<ref>`. Several quotations in one
    /// (an original and its translation) stay quotations of their own inside it, each with
    /// its language. A note beside the quotation goes to the end of the text it follows.
    fn quotation(&mut self, el: &El, notes: &mut usize) -> Vec<Block> {
        // Groups of quoted blocks: each `<quote>`'s (with its language), and runs of loose
        // paragraphs, verse and text.
        let mut groups: Vec<(bool, Option<LangTag>, Vec<Block>)> = Vec::new();
        let mut source: Option<Vec<Inline>> = None;
        let mut loose = Vec::new();
        let mut run = Vec::new();
        for k in &el.kids {
            let c = match k {
                Node::Text(t) => {
                    push_inline_text(&mut run, &collapse(t));
                    continue;
                }
                Node::El(c) => c,
            };
            match c.name.as_str() {
                "quote" | "q" => {
                    self.flush(el, &mut run, &None, &mut loose);
                    if !loose.is_empty() {
                        groups.push((false, None, std::mem::take(&mut loose)));
                    }
                    let blocks = self.flow(c, None, notes);
                    groups.push((true, c.lang(), blocks));
                }
                "bibl" | "ref" => {
                    self.flush(el, &mut run, &None, &mut loose);
                    let mut inl = Vec::new();
                    if c.name == "ref" {
                        self.inline_el(c, &mut inl, notes);
                    } else {
                        inl = self.inlines(c, notes);
                    }
                    let inl = trim_inlines(inl);
                    source = Some(match source.take() {
                        None => inl,
                        Some(before) => {
                            self.info_at(
                                "tei-sources-joined",
                                c,
                                format!(
                                    "a second source in one <{}> is joined to the first after a space",
                                    el.name
                                ),
                            );
                            prefixed(before, inl)
                        }
                    });
                }
                "note" => {
                    // A note after the source belongs to it; before, to the quoted text.
                    let mut inl = Vec::new();
                    self.inline_el(c, &mut inl, notes);
                    if let Some(s) = &mut source {
                        s.extend(inl);
                    } else if !run.is_empty() {
                        run.extend(inl);
                    } else if !loose.is_empty() {
                        attach(&mut loose, inl);
                    } else if let Some((_, _, blocks)) = groups.last_mut() {
                        attach(blocks, inl);
                    } else {
                        run.extend(inl);
                    }
                }
                name if SILENT.contains(&name) => {}
                _ if is_block(c, false) => {
                    self.flush(el, &mut run, &None, &mut loose);
                    self.block_level(c, notes, &mut loose);
                }
                _ => self.inline_el(c, &mut run, notes),
            }
        }
        self.flush(el, &mut run, &None, &mut loose);
        if !loose.is_empty() {
            groups.push((false, None, loose));
        }
        // A `<cit>` holding one quotation, or an epigraph holding only `<cit>`s and
        // `<quote>`s, is those quotations.
        let quotes_only = |g: &(bool, Option<LangTag>, Vec<Block>)| {
            g.0 && el.name == "epigraph" || !g.0 && g.2.iter().all(|b| matches!(b, Block::Quote { .. }))
        };
        let one = matches!(groups.as_slice(), [(false, None, _)]);
        if source.is_none() && (one || el.name == "epigraph") && groups.iter().all(quotes_only) {
            let mut out = Vec::new();
            for (quoted, lang, blocks) in groups {
                if quoted {
                    if !blocks.is_empty() {
                        let lang = lang.or_else(|| el.lang());
                        out.push(Block::Quote { blocks, source: None, lang, epigraph: false });
                    }
                    continue;
                }
                for mut b in blocks {
                    if let Block::Quote { lang: lang @ None, .. } = &mut b {
                        *lang = el.lang();
                    }
                    out.push(b);
                }
            }
            return out;
        }
        let (blocks, lang) = match groups.len() {
            0 => (Vec::new(), None),
            1 => {
                let (_, lang, blocks) = groups.pop().expect("one group");
                (blocks, lang.or_else(|| el.lang()))
            }
            _ => {
                let mut blocks = Vec::new();
                for (quoted, lang, b) in groups {
                    if quoted && !b.is_empty() {
                        blocks.push(Block::Quote { blocks: b, source: None, lang, epigraph: false });
                    } else {
                        blocks.extend(b);
                    }
                }
                (blocks, el.lang())
            }
        };
        match (blocks.is_empty(), source) {
            (true, None) => Vec::new(),
            (true, Some(s)) if s.is_empty() => Vec::new(),
            // A source with nothing quoted is a paragraph of its own.
            (true, Some(s)) => vec![Block::Paragraph { content: s, lang: el.lang() }],
            (false, source) => {
                vec![Block::Quote { blocks, source: source.filter(|s| !s.is_empty()), lang, epigraph: false }]
            }
        }
    }

    /// The elements of a `<list>`; text standing directly in it (not valid TEI) is reported
    /// and kept as a paragraph in `after`, to follow the list.
    pub(super) fn list_children<'e>(&mut self, el: &'e El, after: &mut Vec<Block>) -> Vec<&'e El> {
        let mut out = Vec::new();
        for k in &el.kids {
            match k {
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Text(t) => {
                    self.info_at(
                        "tei-text-in-list",
                        el,
                        "text directly inside <list> (outside its items) is kept as a paragraph after the list".into(),
                    );
                    after.push(Block::paragraph(vec![Inline::text(collapse(t).trim())]));
                }
                Node::El(c) => out.push(c),
            }
        }
        out
    }

    /// A `<list>`: its items (with the `<label>` before each, in a glossary), numbered from
    /// the items' labels or from `@rend`/`@type`; a `<head>` becomes a paragraph before it.
    fn list(&mut self, el: &El, notes: &mut usize, out: &mut Vec<Block>) {
        let kind = ListKind::of(el);
        let mut entries: Vec<(Option<&El>, Option<&El>)> = Vec::new();
        let mut after = Vec::new();
        let mut pending: Option<&El> = None;
        for c in self.list_children(el, &mut after) {
            match c.name.as_str() {
                "item" => entries.push((pending.take(), Some(c))),
                "label" => {
                    if let Some(l) = pending.replace(c) {
                        entries.push((Some(l), None));
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
                        out.push(Block::Paragraph { content, lang: c.lang() });
                    }
                }
                name if SILENT.contains(&name) => {}
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
        if let Some(l) = pending {
            entries.push((Some(l), None));
        }
        let labels: Vec<Option<String>> = entries
            .iter()
            .map(|(label, item)| match label {
                Some(l) => Some(l.text()),
                None => item.and_then(|i| i.attr("n")).map(str::to_string),
            })
            .collect();
        let present: Vec<&str> = labels.iter().flatten().map(String::as_str).collect();
        let from_labels = match kind {
            ListKind::Gloss => None,
            _ => numbering::from_labels(&labels.iter().map(Option::as_deref).collect::<Vec<_>>()),
        };
        let (numbering, labels_as_text) = if present.is_empty()
            || present.iter().all(|l| numbering::is_bullet(l))
        {
            (kind.numbering(), false)
        } else if let Some(f) = from_labels {
            if f.bare {
                self.info_at(
                    "tei-list-bare-numbers",
                    el,
                    format!(
                        "the items are numbered `{}` without a delimiter; they are numbered `{}`",
                        present[0],
                        f.numbering.label(f.numbering.start)
                    ),
                );
            }
            (Some(f.numbering), false)
        } else {
            let why = if kind == ListKind::Gloss {
                "the labels of this glossary list".to_string()
            } else {
                format!("the item labels `{}` are not one numbering, so they", present.join("`, `"))
            };
            self.info_at(
                "tei-list-labels-as-text",
                el,
                format!("{why} are put at the start of their items, followed by a space (the model has no labelled list)"),
            );
            (None, true)
        };
        let mut items = Vec::new();
        for (k, (label, item)) in entries.iter().enumerate() {
            let mut blocks = match item {
                Some(i) => self.flow(i, i.lang(), notes),
                None => Vec::new(),
            };
            if labels_as_text {
                let text = match label {
                    Some(l) => trim_inlines(self.inlines(l, notes)),
                    None => labels[k].iter().map(|n| Inline::text(n.trim())).collect(),
                };
                if !text.is_empty() {
                    match blocks.first_mut() {
                        Some(Block::Paragraph { content, .. }) => {
                            *content = prefixed(text, std::mem::take(content));
                        }
                        _ => blocks.insert(0, Block::paragraph(text)),
                    }
                }
            }
            items.push(blocks);
        }
        if !items.is_empty() {
            out.push(Block::List { numbering, items });
        }
        out.extend(after);
    }
}

/// Whether a `<cit>` or `<quote>` is typed as an epigraph.
fn is_epigraph(el: &El) -> bool {
    el.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("epigraph"))
}

/// Appends the note `inl` at the end of the last paragraph of `blocks` (or as a paragraph).
fn attach(blocks: &mut Vec<Block>, inl: Vec<Inline>) {
    match blocks.last_mut() {
        Some(Block::Paragraph { content, .. }) => content.extend(inl),
        _ => blocks.push(Block::paragraph(inl)),
    }
}

/// What a list's `@rend` and `@type` say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListKind {
    Bulleted,
    Numbered(crate::model::NumberStyle),
    Gloss,
}

impl ListKind {
    /// `numbered`, `ordered`, `decimal` (and `lower-alpha`, `upper-roman`…) are numbered;
    /// `gloss` a glossary; anything else (`bulleted`, `unordered`, `simple`, none) bulleted.
    ///
    /// HTML's one-letter types (`type="1"`, `"a"`, `"A"`, `"i"`, `"I"`) and CSS
    /// `list-style-type` in `@rend` or `@style` say the same.
    pub(super) fn of(el: &El) -> ListKind {
        use crate::model::NumberStyle::*;
        let css = el.attr("style").into_iter().flat_map(|s| s.split(';'));
        let tokens = [el.attr("rend"), el.attr("type")]
            .into_iter()
            .flatten()
            .flat_map(|v| v.split([' ', '\t', '\n', '\r', ';']))
            .chain(css)
            .map(|t| match t.split_once(':') {
                Some((prop, value)) if prop.trim().eq_ignore_ascii_case("list-style-type") => value.trim(),
                _ => t.trim(),
            });
        let mut kind = ListKind::Bulleted;
        for t in tokens {
            kind = match t {
                "1" => ListKind::Numbered(Decimal),
                "a" => ListKind::Numbered(LowerAlpha),
                "A" => ListKind::Numbered(UpperAlpha),
                "i" => ListKind::Numbered(LowerRoman),
                "I" => ListKind::Numbered(UpperRoman),
                _ => match t.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
                    "gloss" => return ListKind::Gloss,
                    "numbered" | "ordered" | "decimal" | "arabic" | "numeric" | "enumerated"
                    | "enumerate" | "decimalleadingzero" => ListKind::Numbered(Decimal),
                    "loweralpha" | "alpha" | "alphabetic" | "lowerletter" | "lowerlatin" | "letters" => {
                        ListKind::Numbered(LowerAlpha)
                    }
                    "upperalpha" | "upperletter" | "upperlatin" => ListKind::Numbered(UpperAlpha),
                    "lowerroman" | "roman" => ListKind::Numbered(LowerRoman),
                    "upperroman" => ListKind::Numbered(UpperRoman),
                    "unordered" | "bulleted" | "bullets" | "bullet" | "disc" | "circle" | "square" => {
                        ListKind::Bulleted
                    }
                    _ => continue,
                },
            };
        }
        kind
    }

    /// The numbering of a list whose items carry no labels.
    fn numbering(self) -> Option<crate::model::Numbering> {
        match self {
            ListKind::Numbered(style) => {
                Some(crate::model::Numbering { start: 1, style, delimiter: crate::model::Delimiter::Period })
            }
            ListKind::Bulleted | ListKind::Gloss => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Diagnostic;
    use crate::model::{Block, Delimiter, Inline, LangTag, NumberStyle, Numbering};

    use super::super::read_body as body;

    fn p(s: &str) -> Block {
        Block::paragraph(vec![Inline::text(s)])
    }

    fn lang(s: &str) -> Option<LangTag> {
        Some(LangTag::parse(s).unwrap())
    }

    fn codes(d: &[Diagnostic]) -> Vec<&str> {
        d.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_block_quote_holds_its_paragraphs_and_language() {
        let (b, d) = body(
            "<p>He wrote:</p>\n<quote xml:lang=\"de\">\n  <p>Erstens.</p>\n  <p>Zweitens.</p>\n</quote>",
        );
        assert_eq!(
            b[1],
            Block::Quote {
                blocks: vec![p("Erstens."), p("Zweitens.")],
                source: None,
                lang: lang("de"),
                epigraph: false
            }
        );
        assert!(d.is_empty(), "{d:?}");
        // Text directly in the quotation is one paragraph.
        let (b, _) = body("<quote>Ein <hi>Satz</hi>.</quote>");
        let Block::Quote { blocks, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(blocks.len(), 1);
        assert_eq!(crate::model::plain_text(blocks[0].content()), "Ein Satz.");
        // Nested quotations and lists inside.
        let (b, _) = body("<quote><p>a</p><quote><p>b</p></quote><list><item>c</item></list></quote>");
        let Block::Quote { blocks, .. } = &b[0] else { panic!() };
        assert!(matches!(blocks[..], [Block::Paragraph { .. }, Block::Quote { .. }, Block::List { .. }]));
    }

    #[test]
    fn a_quote_inside_running_text_stays_inline() {
        let (b, d) = body("<p>He said <quote>no</quote> twice.</p>");
        let no =
            Inline::Quoted { style: crate::model::QuoteStyle::Double, content: vec![Inline::text("no")] };
        assert_eq!(
            b,
            [Block::paragraph(vec![Inline::text("He said "), no.clone(), Inline::text(" twice.")])]
        );
        assert!(d.is_empty(), "{d:?}");
        // The indentation at its edges stands outside the marks.
        let (b, _) = body("<p>He said<quote>\n   no\n  </quote>twice.</p>");
        assert_eq!(b, [Block::paragraph(vec![Inline::text("He said "), no, Inline::text(" twice.")])]);
        // Verse quoted in running text: a block quotation of its lines there.
        let (b, _) = body(
            "<p>At the sound of <q type=\"verse\"><l>God bless you!</l>\n<l>May nothing</l></q> he fled.</p>",
        );
        assert_eq!(b.len(), 3, "{b:?}");
        let verse = Block::LineBlock {
            lines: vec![vec![Inline::text("God bless you!")], vec![Inline::text("May nothing")]],
        };
        assert!(matches!(&b[1], Block::Quote { blocks, .. } if blocks == &[verse]), "{b:?}");
        // One set off from the text (`rend="display"`) is a block quotation there.
        let (b, _) = body("<p>He said: <quote rend=\"display\">No, never.</quote> And left.</p>");
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(matches!(&b[1], Block::Quote { blocks, .. } if blocks == &[p("No, never.")]), "{b:?}");
        // A `<q>` standing between paragraphs is a block quotation (OpenEdition's).
        let (b, d) = body("<p>a</p><q rend=\"quotation2\">Words.</q><said>More.</said>");
        let quote = |s: &str| Block::Quote { blocks: vec![p(s)], source: None, lang: None, epigraph: false };
        assert_eq!(b, [p("a"), quote("Words."), quote("More.")]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn cit_gives_the_quotation_its_source() {
        let (b, _) = body("<cit>\n <quote xml:lang=\"ru\"><p>Текст.</p></quote>\n <bibl>Telegram, <date>14 May 1919</date></bibl>\n</cit>");
        assert_eq!(
            b,
            [Block::Quote {
                blocks: vec![p("Текст.")],
                // A quotation's source is its attribution, not a citation: its date is typed.
                source: Some(vec![
                    Inline::text("Telegram, "),
                    Inline::Date { when: None, content: vec![Inline::text("14 May 1919")] }
                ]),
                lang: lang("ru"),
                epigraph: false,
            }]
        );
        // A `ref` as the source keeps its link; an original and its translation stay apart.
        let (b, _) = body("<cit xml:lang=\"en\"><quote xml:lang=\"la\">Alea.</quote><quote>The die.</quote><ref target=\"http://x.org/\">Suet.</ref></cit>");
        let Block::Quote { blocks, source, lang: l, .. } = &b[0] else { panic!() };
        assert_eq!(*l, lang("en"));
        assert!(matches!(&blocks[0], Block::Quote { lang: Some(x), .. } if x.as_str() == "la"));
        assert!(matches!(&blocks[1], Block::Quote { lang: None, .. }));
        assert!(matches!(source.as_deref(), Some([Inline::Link { .. }])));
        // A bibl alone is a paragraph; nothing is lost.
        let (b, _) = body("<cit><bibl>Only a source.</bibl></cit>");
        assert_eq!(b, [p("Only a source.")]);
    }

    #[test]
    fn an_epigraph_is_an_epigraph_quotation() {
        let (b, d) =
            body("\n<epigraph><cit><quote><p>Words.</p></quote><bibl>Author</bibl></cit></epigraph>");
        assert_eq!(
            b,
            [Block::Quote {
                blocks: vec![p("Words.")],
                source: Some(vec![Inline::text("Author")]),
                lang: None,
                epigraph: true
            }]
        );
        assert!(d.is_empty(), "{d:?}");
        // Paragraphs and a bibl directly in the epigraph; verse lines kept apart.
        let (b, d) = body("<epigraph xml:lang=\"fr\"><lg><l>Un vers,</l><l>deux vers.</l></lg><bibl>Poète</bibl></epigraph>");
        assert_eq!(
            b,
            [Block::Quote {
                blocks: vec![Block::LineBlock {
                    lines: vec![vec![Inline::text("Un vers,")], vec![Inline::text("deux vers.")]]
                }],
                source: Some(vec![Inline::text("Poète")]),
                lang: lang("fr"),
                epigraph: true,
            }]
        );
        assert!(d.is_empty(), "{d:?}");
        // Two mottos in one epigraph are two epigraphs.
        let (b, _) = body("<epigraph><cit><quote>A.</quote><bibl>X</bibl></cit><quote>B.</quote></epigraph>");
        assert!(
            matches!(b[..], [Block::Quote { epigraph: true, .. }, Block::Quote { epigraph: true, .. }]),
            "{b:?}"
        );
    }

    #[test]
    fn quotations_typed_as_epigraphs_are_epigraphs() {
        let (b, _) = body("<p>x</p><cit type=\"epigraph\"><quote>A.</quote><bibl>X</bibl></cit><quote type=\"epigraph\"><p>B.</p></quote><quote><p>C.</p></quote>");
        let flags: Vec<bool> = b
            .iter()
            .filter_map(|b| if let Block::Quote { epigraph, .. } = b { Some(*epigraph) } else { None })
            .collect();
        assert_eq!(flags, [true, true, false]);
    }

    fn list(b: &Block) -> (Option<Numbering>, &Vec<Vec<Block>>) {
        match b {
            Block::List { numbering, items } => (*numbering, items),
            other => panic!("not a list: {other:?}"),
        }
    }

    #[test]
    fn lists_are_numbered_from_rend_type_and_labels() {
        let num = |xml: &str| list(&body(xml).0[0]).0;
        let n = |start, style, delimiter| Some(Numbering { start, style, delimiter });
        assert_eq!(num("<list><item>a</item></list>"), None);
        assert_eq!(num("<list rend=\"bulleted\"><item>a</item></list>"), None);
        assert_eq!(num("<list type=\"simple\"><item>a</item></list>"), None);
        assert_eq!(num("<list rend=\"numbered\"><item>a</item></list>"), Some(Numbering::decimal(1)));
        assert_eq!(num("<list type=\"ordered\"><item>a</item></list>"), Some(Numbering::decimal(1)));
        assert_eq!(num("<list rend=\"decimal\"><item>a</item></list>"), Some(Numbering::decimal(1)));
        // Labels win over a bulleted rend.
        assert_eq!(
            num("<list rend=\"bulleted\"><item n=\"3.\">a</item><item n=\"4.\">b</item></list>"),
            Some(Numbering::decimal(3))
        );
        assert_eq!(
            num("<list><item n=\"c)\">a</item><item n=\"d)\">b</item></list>"),
            n(3, NumberStyle::LowerAlpha, Delimiter::Paren)
        );
        assert_eq!(
            num("<list><item n=\"(iv)\">a</item><item n=\"(v)\">b</item></list>"),
            n(4, NumberStyle::LowerRoman, Delimiter::TwoParens)
        );
        assert_eq!(
            num("<list><item n=\"IV.\">a</item></list>"),
            n(4, NumberStyle::UpperRoman, Delimiter::Period)
        );
        assert_eq!(
            num("<list><item n=\"i.\">a</item><item n=\"ii.\">b</item></list>"),
            n(1, NumberStyle::LowerRoman, Delimiter::Period)
        );
        assert_eq!(num("<list><item n=\"•\">a</item><item n=\"•\">b</item></list>"), None);
        // `<label>` numerals number the list and are not repeated as text.
        let (b, d) = body("<list><label>1)</label><item>a</item><label>2)</label><item>b</item></list>");
        assert_eq!(
            list(&b[0]),
            (n(1, NumberStyle::Decimal, Delimiter::Paren), &vec![vec![p("a")], vec![p("b")]])
        );
        assert!(d.is_empty(), "{d:?}");
        // A bare numeral is numbered with a period, and said so.
        let (b, d) = body("<list><item n=\"1\">a</item><item n=\"2\">b</item></list>");
        assert_eq!(list(&b[0]).0, Some(Numbering::decimal(1)));
        assert_eq!(codes(&d), ["tei-list-bare-numbers"]);
    }

    #[test]
    fn every_way_of_saying_a_numbered_list_numbers_it() {
        let num = |xml: &str| list(&body(xml).0[0]).0.map(|n| n.style);
        let items = "<item>a</item><item>b</item>";
        for (attrs, style) in [
            ("type=\"ordered\"", NumberStyle::Decimal),
            ("rend=\"numbered\"", NumberStyle::Decimal),
            ("rend=\"decimal\"", NumberStyle::Decimal),
            ("type=\"enumerated\"", NumberStyle::Decimal),
            ("type=\"1\"", NumberStyle::Decimal),
            ("rend=\"lower-alpha\"", NumberStyle::LowerAlpha),
            ("rend=\"lower-latin\"", NumberStyle::LowerAlpha),
            ("type=\"a\"", NumberStyle::LowerAlpha),
            ("type=\"A\"", NumberStyle::UpperAlpha),
            ("rend=\"upper-alpha\"", NumberStyle::UpperAlpha),
            ("type=\"i\"", NumberStyle::LowerRoman),
            ("rend=\"upper-roman\"", NumberStyle::UpperRoman),
            ("type=\"I\"", NumberStyle::UpperRoman),
            ("rend=\"list-style-type:lower-roman\"", NumberStyle::LowerRoman),
            ("style=\"list-style-type: decimal\"", NumberStyle::Decimal),
        ] {
            assert_eq!(num(&format!("<list {attrs}>{items}</list>")), Some(style), "{attrs}");
        }
        // `unordered` holds the word `ordered` and is no numbering; nor is a disc.
        for attrs in ["type=\"unordered\"", "rend=\"bulleted\"", "style=\"list-style-type: disc\"", ""] {
            assert_eq!(num(&format!("<list {attrs}>{items}</list>")), None, "{attrs}");
        }
        // A label before each item numbers the list too.
        let (b, d) = body("<list><label>a.</label><item>x</item><label>b.</label><item>y</item></list>");
        assert_eq!(list(&b[0]).0.map(|n| n.style), Some(NumberStyle::LowerAlpha));
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn items_hold_paragraphs_and_nested_lists() {
        let (b, d) = body(
            "<list rend=\"numbered\">\n  <item n=\"1.\">One <hi>text</hi>.</item>\n  <item n=\"2.\"><p>First.</p>\n<p>Second.</p></item>\n  <item n=\"3.\">Three:<list rend=\"bulleted\"><item>x</item><item>y</item></list></item>\n</list>",
        );
        let (numbering, items) = list(&b[0]);
        assert_eq!(numbering, Some(Numbering::decimal(1)));
        assert_eq!(items.len(), 3);
        assert_eq!(crate::model::plain_text(items[0][0].content()), "One text.");
        assert_eq!(items[1], [p("First."), p("Second.")]);
        assert_eq!(items[2][0], p("Three:"));
        assert_eq!(list(&items[2][1]), (None, &vec![vec![p("x")], vec![p("y")]]));
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn labels_that_are_no_numbering_start_their_items() {
        let (b, d) =
            body("<list><item n=\"1.\">a</item><item n=\"2.\">b</item><item n=\"4.\">c</item></list>");
        assert_eq!(list(&b[0]), (None, &vec![vec![p("1. a")], vec![p("2. b")], vec![p("4. c")]]));
        assert!(d[0].message.contains("`1.`, `2.`, `4.`"), "{d:?}");
    }

    #[test]
    fn a_list_heading_and_a_paragraph_holding_a_list_lose_nothing() {
        let (b, d) =
            body("<p xml:lang=\"de\">Before: <list><head>Heads</head><item>a</item></list> after.</p>");
        let de = |s: &str| Block::Paragraph { content: vec![Inline::text(s)], lang: lang("de") };
        assert_eq!(b[0], de("Before:"));
        assert_eq!(b[1], p("Heads"));
        assert_eq!(list(&b[2]).1, &vec![vec![p("a")]]);
        assert_eq!(b[3], de("after."));
        assert_eq!(codes(&d), ["tei-list-head"]);
    }

    #[test]
    fn notes_hold_quotations_and_lists() {
        let (b, _) = body(
            "<p>Text<note n=\"1\"><p>See:</p><quote><p>quoted</p></quote><list><item n=\"a)\">x</item><item n=\"b)\">y</item></list></note>.</p>",
        );
        let note = match &b[0].content()[1] {
            Inline::Note(n) => n,
            other => panic!("{other:?}"),
        };
        assert_eq!(note.content.len(), 3, "{:?}", note.content);
        assert_eq!(note.content[0], p("See:"));
        assert!(matches!(&note.content[1], Block::Quote { .. }));
        assert_eq!(list(&note.content[2]).0.map(|n| n.label(n.start)), Some("a)".into()));
        // A note of text around a block quotation.
        let (b, _) =
            body("<p>x<note>As he said <cit><quote>yes</quote> <bibl>him</bibl></cit> once.</note></p>");
        let Inline::Note(n) = &b[0].content()[1] else { panic!() };
        let yes =
            Inline::Quoted { style: crate::model::QuoteStyle::Double, content: vec![Inline::text("yes")] };
        assert_eq!(
            n.content,
            [Block::paragraph(vec![Inline::text("As he said "), yes, Inline::text(" him once.")])]
        );
    }

    #[test]
    fn notes_inside_quotations_keep_their_order() {
        let (b, _) = body("<cit><quote><p>a<note>one</note></p></quote><note>two</note><bibl>src<note>three</note></bibl></cit>");
        let mut notes = Vec::new();
        b[0].collect_notes(&mut notes);
        let labels: Vec<&str> = notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
    }
}
