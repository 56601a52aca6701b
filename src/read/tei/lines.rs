//! Lines: line breaks (`<lb/>`), verse (`<lg>`, `<l>`), verbatim text (`<eg>`, `<code>`,
//! `<egXML>`)
//! and section breaks (`<milestone unit="section"/>`).
//!
//! Before the tree is read, [`prepare`] joins the words a `<lb break="no"/>` divides, drops
//! the indentation around every other `<lb/>` (the line break itself separates the words,
//! so `cats<lb/>dogs` stays two words) and gathers lines standing outside any `<lg>` into
//! one group. Verse becomes a line block, a blank line between its stanzas.

use super::{collapse, push_inline, trim_inlines, El, Node, Reader};
use crate::model::{Block, Inline, LangTag};

/// Elements whose whitespace is the text's own: never touched by [`prepare`].
const VERBATIM: &[&str] = &["eg", "code", "egXML"];

/// `@unit` values of a `<milestone>` that mark a new section.
const SECTION_UNITS: &[&str] =
    &["section", "sect", "subsection", "subsect", "div", "division", "part", "chapter", "scene", "episode"];

/// Whether `el` is a `<milestone>` that begins a section (`unit="section"`, `"part"`…).
pub(super) fn is_section_break(el: &El) -> bool {
    el.name == "milestone"
        && el.attr("unit").is_some_and(|u| SECTION_UNITS.contains(&u.trim().to_ascii_lowercase().as_str()))
}

/// Prepares the tree for reading (see the module's documentation).
pub(super) fn prepare(el: &mut El) {
    if VERBATIM.contains(&el.name.as_str()) {
        return;
    }
    if el.name != "lg" {
        group_lines(el);
    }
    join_at_breaks(el);
    for k in &mut el.kids {
        if let Node::El(c) = k {
            prepare(c);
        }
    }
}

/// Drops the whitespace on either side of each `<lb/>` among `el`'s children: with
/// `break="no"` the word's halves join; otherwise the break stands between the words.
fn join_at_breaks(el: &mut El) {
    for i in 0..el.kids.len() {
        if !matches!(&el.kids[i], Node::El(c) if c.name == "lb") {
            continue;
        }
        if let Some(Node::Text(t)) = i.checked_sub(1).and_then(|j| el.kids.get_mut(j)) {
            t.truncate(t.trim_end().len());
        }
        if let Some(Node::Text(t)) = el.kids.get_mut(i + 1) {
            *t = t.trim_start().to_string();
        }
    }
}

/// Wraps each run of `<l>` children of `el` (whitespace between them allowed) in a `<lg>`
/// of its own, at the first line's position.
fn group_lines(el: &mut El) {
    if !el.kids.iter().any(|k| matches!(k, Node::El(c) if c.name == "l")) {
        return;
    }
    let mut out = Vec::new();
    let mut run: Option<El> = None;
    let mut gap = Vec::new();
    for k in std::mem::take(&mut el.kids) {
        match k {
            Node::El(c) if c.name == "l" => {
                let group = run.get_or_insert_with(|| El {
                    name: "lg".into(),
                    attrs: vec![],
                    kids: vec![],
                    pos: c.pos,
                });
                group.kids.append(&mut gap);
                group.kids.push(Node::El(c));
            }
            Node::Text(t) if run.is_some() && t.trim().is_empty() => gap.push(Node::Text(t)),
            other => {
                out.extend(run.take().map(Node::El));
                out.append(&mut gap);
                out.push(other);
            }
        }
    }
    out.extend(run.take().map(Node::El));
    out.append(&mut gap);
    el.kids = out;
}

/// The text of an inline `<code>`: as written, but a line break and its indentation (the
/// file's layout) is one space.
pub(super) fn inline_code(el: &El) -> String {
    let s = el.string();
    if s.contains('\n') {
        collapse(&s)
    } else {
        s
    }
}

/// What stands between the start and end tags of the element whose start tag begins at byte
/// `pos` of `text`, exactly as written (empty for an empty element); `None` when `pos` is
/// not at a start tag of a well-formed element.
fn raw_content(text: &str, pos: usize) -> Option<&str> {
    use quick_xml::events::Event;
    let src = text.get(pos..).filter(|s| s.starts_with('<'))?;
    let mut r = quick_xml::Reader::from_str(src);
    let mut depth = 0usize;
    let mut start = 0usize;
    loop {
        let before = usize::try_from(r.buffer_position()).ok()?;
        match r.read_event().ok()? {
            Event::Start(_) => {
                if depth == 0 {
                    start = usize::try_from(r.buffer_position()).ok()?;
                }
                depth += 1;
            }
            Event::Empty(_) if depth == 0 => return Some(""),
            Event::End(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return src.get(start..before);
                }
            }
            Event::Eof => return None,
            _ if depth == 0 => return None,
            _ => {}
        }
    }
}

/// Verbatim text from others' TEI without the line break after the start tag and the
/// indentation before the end tag; every other character as written.
fn trim_verbatim(text: &str) -> &str {
    let mut t = text;
    if let Some(at) = t.find('\n').filter(|&at| t[..at].trim().is_empty()) {
        t = &t[at + 1..];
    }
    if let Some(at) = t.rfind('\n').filter(|&at| t[at..].trim().is_empty()) {
        t = &t[..at];
    }
    t
}

impl Reader<'_> {
    /// `<eg>` (with one `<code lang="…">` inside, or text) or a `<code>` standing as a
    /// block: its text exactly, the notation from `@lang`.
    pub(super) fn code_block(&mut self, el: &El) -> Block {
        if el.name == "egXML" {
            return self.example_xml(el);
        }
        let kids: Vec<&El> = el.children().collect();
        let text = el.kids.iter().any(|k| matches!(k, Node::Text(t) if !t.trim().is_empty()));
        let inner = match kids[..] {
            [c] if el.name == "eg" && c.name == "code" && !text => c,
            _ => el,
        };
        for c in inner.children() {
            self.unsupported(c);
        }
        let text = inner.string().replace("\r\n", "\n");
        let text = if self.ours { text } else { trim_verbatim(&text).to_string() };
        Block::CodeBlock { text, syntax: inner.attr("lang").map(str::to_string) }
    }

    /// An `<egXML>` (an example of XML markup): its content as written in the file, markup
    /// and all, as XML (its text only, reported, if the file cannot be read there again).
    fn example_xml(&mut self, el: &El) -> Block {
        let text = match raw_content(self.text, el.pos) {
            Some(raw) => raw.replace("\r\n", "\n"),
            None => {
                self.info_at(
                    "tei-example-as-text",
                    el,
                    "the markup of an <egXML> could not be taken from the file; its text is kept".into(),
                );
                el.string()
            }
        };
        Block::CodeBlock { text: trim_verbatim(&text).to_string(), syntax: Some("xml".into()) }
    }

    /// Verse (`<lg>`): one line block of its lines (`<l>`, or text standing in the group),
    /// a blank line between two stanzas (nested `<lg>`s). A line in a language (its own or
    /// its group's) is a span in it. A heading of the verse, or any other block inside it,
    /// stands between line blocks, and a heading is reported.
    pub(super) fn verse(&mut self, el: &El, notes: &mut usize, out: &mut Vec<Block>) {
        let mut lines = Vec::new();
        self.stanza(el, None, notes, &mut lines, out);
        push_lines(&mut lines, out);
    }

    fn stanza(
        &mut self,
        el: &El,
        outer: Option<LangTag>,
        notes: &mut usize,
        lines: &mut Vec<Vec<Inline>>,
        out: &mut Vec<Block>,
    ) {
        let lang = el.lang().or(outer);
        // Marks standing before the first line (a page beginning, a note): they open it.
        let mut before: Vec<Inline> = Vec::new();
        for k in &el.kids {
            let line = match k {
                Node::Text(t) if t.trim().is_empty() => continue,
                Node::Text(t) => vec![Inline::text(collapse(t).trim())],
                Node::El(c) if c.name == "l" => {
                    let content = trim_inlines(self.inlines(c, notes));
                    match c.lang().or_else(|| lang.clone()) {
                        Some(l) if !content.is_empty() => vec![Inline::Span { lang: l, content }],
                        _ => content,
                    }
                }
                Node::El(c) if c.name == "lg" => {
                    // A stanza: a blank line before it, after lines of the verse.
                    if lines.last().is_some_and(|l| !l.is_empty()) {
                        lines.push(Vec::new());
                    }
                    self.stanza(c, lang.clone(), notes, lines, out);
                    if lines.last().is_some_and(|l| !l.is_empty()) {
                        lines.push(Vec::new());
                    }
                    continue;
                }
                Node::El(c) if c.name == "head" || super::blocks::is_block(c, false) => {
                    push_lines(lines, out);
                    if c.name == "head" {
                        let content = trim_inlines(self.inlines(c, notes));
                        self.info_at(
                            "tei-verse-head",
                            c,
                            "the heading (<head>) of verse (<lg>) is kept as a paragraph before its lines"
                                .into(),
                        );
                        if !content.is_empty() {
                            out.push(Block::Paragraph { content, lang: c.lang().or_else(|| lang.clone()) });
                        }
                    } else {
                        self.block_level(c, notes, out);
                    }
                    continue;
                }
                // A note, a page beginning, an anchor: where it stands among the lines.
                Node::El(c) => {
                    match lines.last_mut().filter(|l| !l.is_empty()) {
                        Some(last) => self.inline_el(c, last, notes),
                        None => self.inline_el(c, &mut before, notes),
                    }
                    continue;
                }
            };
            let mut full = std::mem::take(&mut before);
            line.into_iter().for_each(|i| push_inline(&mut full, i));
            lines.push(full);
        }
        if !before.is_empty() {
            lines.push(before);
        }
    }
}

/// The lines gathered so far as one line block (blank lines at either end dropped).
fn push_lines(lines: &mut Vec<Vec<Inline>>, out: &mut Vec<Block>) {
    let mut taken = std::mem::take(lines);
    while taken.last().is_some_and(Vec::is_empty) {
        taken.pop();
    }
    let start = taken.iter().take_while(|l| l.is_empty()).count();
    taken.drain(..start);
    if !taken.is_empty() {
        out.push(Block::LineBlock { lines: taken });
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use crate::diag::Diagnostic;
    use crate::model::{Block, Inline, LangTag};
    use std::path::Path;

    use super::super::read_body as body;

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    const LB: Inline = Inline::LineBreak;

    fn p(content: Vec<Inline>) -> Block {
        Block::paragraph(content)
    }

    fn codes(d: &[Diagnostic]) -> Vec<&str> {
        d.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_line_break_keeps_two_words_apart() {
        let (b, d) = body("<p>cats<lb/>dogs</p>");
        assert_eq!(b, [p(vec![t("cats"), LB, t("dogs")])]);
        assert_eq!(crate::model::plain_text(b[0].content()), "cats dogs");
        assert!(d.is_empty(), "{d:?}");
        // The indentation around a break is layout.
        let (b, _) = body("<p>cats \n   <lb/>\n   dogs</p>");
        assert_eq!(b, [p(vec![t("cats"), LB, t("dogs")])]);
        // Inside a phrase, and in a heading.
        let (b, _) = body("<div><head>One<lb/>Two</head><p><emph>breaks<lb/>to</emph></p></div>");
        assert_eq!(b[0], Block::Heading { level: 1, content: vec![t("One"), LB, t("Two")] });
        assert_eq!(b[1], p(vec![Inline::Emph { content: vec![t("breaks"), LB, t("to")] }]));
    }

    #[test]
    fn break_no_joins_the_word() {
        let (b, _) = body("<p>break<lb break=\"no\"/>ing news</p>");
        assert_eq!(b, [p(vec![t("breaking news")])]);
        let (b, _) = body("<p>the break\n   <lb break=\"no\"/>ing news</p>");
        assert_eq!(b, [p(vec![t("the breaking news")])]);
    }

    #[test]
    fn a_break_opening_or_closing_a_text_breaks_nothing() {
        // Diplomatic transcriptions open every line with `<lb/>`.
        let (b, _) = body("<p><lb n=\"1\"/>Lorem ipsum\n<lb n=\"2\"/>dolor sit\n<lb n=\"3\"/></p>");
        assert_eq!(b, [p(vec![t("Lorem ipsum"), LB, t("dolor sit")])]);
        let (b, _) = body("<p>a</p>\n<lb/>\n<p>b</p>");
        assert_eq!(b, [p(vec![t("a")]), p(vec![t("b")])]);
        // The header's fields never glue either.
        let xml = "<TEI><teiHeader><fileDesc><titleStmt><title>Cats<lb/>Dogs</title></titleStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>";
        let (doc, _) = read(Path::new("t.xml"), xml).unwrap();
        assert_eq!(doc.meta.titles[0].text, "Cats Dogs");
    }

    fn lines(ls: Vec<Vec<Inline>>) -> Block {
        Block::LineBlock { lines: ls }
    }

    #[test]
    fn verse_is_a_line_block_of_stanzas() {
        let (b, d) = body(
            "<lg type=\"poem\" xml:lang=\"fr\">\n <lg><l>Un vers,</l>\n <l>deux <hi rend=\"italic\">vers</hi>.</l></lg>\n <lg><l>Trois.</l><l xml:lang=\"la\">Quattuor.</l></lg>\n</lg>",
        );
        let span =
            |l: &str, content: Vec<Inline>| vec![Inline::Span { lang: LangTag::parse(l).unwrap(), content }];
        assert_eq!(
            b,
            [lines(vec![
                span("fr", vec![t("Un vers,")]),
                span("fr", vec![t("deux "), Inline::Emph { content: vec![t("vers")] }, t(".")]),
                vec![],
                span("fr", vec![t("Trois.")]),
                span("la", vec![t("Quattuor.")]),
            ])]
        );
        assert!(d.is_empty(), "{d:?}");
        // Lines without a group are one stanza; a note stays where it stands.
        let (b, d) = body("<div><l>One,</l>\n<l>two.<note>n</note></l><p>Prose.</p><l>Three.</l></div>");
        let Block::LineBlock { lines: ls } = &b[0] else { panic!("{b:?}") };
        assert!(matches!(&ls[..], [_, l] if matches!(l[..], [_, Inline::Note(_)])), "{ls:?}");
        assert_eq!(b[1..], [p(vec![t("Prose.")]), lines(vec![vec![t("Three.")]])]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_verse_heading_is_reported_and_marks_stay_among_the_lines() {
        let (b, d) = body(
            "<lg><head>Song</head><pb n=\"4\"/><l>a</l><lg><l>b</l></lg><lg><l>c</l><note>n</note></lg></lg>",
        );
        assert_eq!(b[0], p(vec![t("Song")]));
        let Block::LineBlock { lines: ls } = &b[1] else { panic!("{b:?}") };
        assert_eq!(ls[0], [Inline::PageBreak { n: "4".into() }, t("a")]);
        assert_eq!(ls[1..4], [vec![], vec![t("b")], vec![]]);
        assert!(matches!(ls[4][..], [_, Inline::Note(_)]), "{ls:?}");
        assert_eq!(ls.len(), 5, "no blank line at the end");
        assert_eq!(codes(&d), ["tei-verse-head"]);
        assert!(d[0].message.contains("<head>"));
    }

    #[test]
    fn verbatim_text_is_kept_exactly() {
        let (b, _) = body("<eg xml:space=\"preserve\">\n  def f():\n      return  1\n    </eg>");
        assert_eq!(b, [Block::CodeBlock { text: "  def f():\n      return  1".into(), syntax: None }]);
        let (b, _) = body("<eg><code lang=\"python\">x = 1\n\nprint(x)</code></eg><code>a  b</code>");
        assert_eq!(
            b,
            [
                Block::CodeBlock { text: "x = 1\n\nprint(x)".into(), syntax: Some("python".into()) },
                Block::CodeBlock { text: "a  b".into(), syntax: None }
            ]
        );
        // Inline code keeps its spaces; markup inside a verbatim block is reported.
        let (b, d) = body("<p>Run <code>ls  -l</code>.</p><eg>a<hi>b</hi></eg>");
        assert_eq!(b[0], p(vec![t("Run "), Inline::Code { text: "ls  -l".into() }, t(".")]));
        assert_eq!(b[1], Block::CodeBlock { text: "ab".into(), syntax: None });
        assert_eq!(codes(&d), ["tei-element-read-as-text"]);
    }

    #[test]
    fn an_xml_example_is_a_code_block_of_its_markup() {
        let (b, d) = body(
            "<p>An example in a list:<list><item><egXML xmlns=\"http://www.tei-c.org/ns/Examples\"><p>v<ex>oro</ex> &amp; <lb/>b</p></egXML></item></list></p>\n<egXML xmlns=\"http://www.tei-c.org/ns/Examples\">\n  <p>a</p>\n</egXML><egXML/>",
        );
        let xml = |t: &str| Block::CodeBlock { text: t.into(), syntax: Some("xml".into()) };
        assert_eq!(b[0], p(vec![t("An example in a list:")]));
        let Block::List { items, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!(items[0], [xml("<p>v<ex>oro</ex> &amp; <lb/>b</p>")]);
        assert_eq!(b[2..], [xml("  <p>a</p>"), xml("")]);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(super::raw_content("<a>x</b>", 0), None, "not well-formed");
        assert_eq!(super::raw_content("x<a/>", 0), None, "not at a start tag");
    }

    #[test]
    fn a_line_break_at_a_paragraph_edge_is_told() {
        // The Deutsches Textarchiv's page-foot: a line break, then the folio number.
        let (b, d) =
            body("<p>wiedersehe<lb/>\n<fw type=\"folNum\" place=\"bottom\">[3]</fw>\n</p><p><lb/>b<lb/></p>");
        assert_eq!(b, [p(vec![t("wiedersehe")]), p(vec![t("b")])]);
        assert_eq!(codes(&d), ["tei-line-break-at-edge"], "told once");
        assert!(d[0].message.contains("<lb/>"));
    }

    #[test]
    fn a_paragraph_of_a_gap_stays_a_paragraph() {
        let (b, d) = body("<p>a</p><p>\n  <gap reason=\"illegible\"/>\n</p><p>b <gap/> c</p><gap/>");
        assert_eq!(b, [p(vec![t("a")]), p(vec![]), p(vec![t("b  c")])]);
        assert_eq!(codes(&d), ["tei-gap-unmarked"], "told once");
        assert!(d[0].message.contains("illegible"), "{d:?}");
    }

    #[test]
    fn section_milestones_are_section_breaks() {
        let (b, d) = body(
            "<p>a</p><milestone unit=\"section\"/><p>b</p><milestone unit=\"page\" n=\"3\"/><milestone unit=\"Part\"/>",
        );
        assert_eq!(b, [p(vec![t("a")]), Block::SectionBreak, p(vec![t("b")]), Block::SectionBreak]);
        assert!(d.is_empty(), "{d:?}");
        // Inside a paragraph it splits the paragraph; inside a phrase it is reported.
        let (b, _) = body("<p>a <milestone unit=\"section\"/> b</p>");
        assert_eq!(b, [p(vec![t("a")]), Block::SectionBreak, p(vec![t("b")])]);
        let (b, d) = body("<p><hi>a<milestone unit=\"section\"/>b</hi></p>");
        assert_eq!(b.len(), 1);
        assert_eq!(codes(&d), ["tei-section-break-inline"]);
    }
}
