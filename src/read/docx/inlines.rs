//! Runs read into inlines: formatting, languages, breaks, notes, links, fields, and the
//! changes and comments that are reported rather than applied silently.
//!
//! A paragraph is read into [`Piece`]s, each an inline with the language Word tagged it
//! with; [`finish`] then gives the paragraph the language most of its letters carry and
//! wraps the runs in other languages in spans.

use super::package::Part;
use super::styles::{RunProps, Vertical};
use super::{Reader, TrackChanges};
use crate::model::{Inline, LangTag, Script};
use crate::read::xml::El;

/// An inline with the language Word tagged it with, and how many letters it holds.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub(super) inline: Inline,
    pub(super) lang: Option<String>,
    pub(super) letters: usize,
}

impl Piece {
    /// A piece with no letters and no language (a note, a break, a milestone).
    pub(super) fn neutral(inline: Inline) -> Self {
        Piece { inline, lang: None, letters: 0 }
    }
}

impl<'p> Reader<'p> {
    /// Reads the inline children of `el` (a paragraph, a hyperlink, an insertion).
    pub(super) fn inlines(&mut self, part: &'p Part, el: &'p El, props: &RunProps, out: &mut Vec<Piece>) {
        for child in el.children() {
            match child.name.as_str() {
                "r" => self.run(part, child, props, out),
                "hyperlink" => {
                    let start = out.len();
                    self.inlines(part, child, props, out);
                    let url = match (child.attr("r:id"), child.attr("w:anchor")) {
                        (Some(id), _) => self.rels.get(id).map(|r| r.target.clone()),
                        (None, Some(anchor)) => Some(format!("#{anchor}")),
                        _ => None,
                    };
                    if let Some(url) = url {
                        wrap(out, start, |content| Inline::Link { url, content });
                    }
                }
                // (The change is reported whether or not its content is read.)
                "ins" | "moveTo" | "del" | "moveFrom" if self.change(part, child) => {
                    self.inlines(part, child, props, out);
                }
                // A change left out (reported above) is not an unknown element.
                "ins" | "moveTo" | "del" | "moveFrom" => {}
                "fldSimple" => {
                    self.begin_field(part, child, child.attr("w:instr").unwrap_or(""));
                    self.separate_field(out);
                    self.inlines(part, child, props, out);
                    self.end_field(out);
                }
                "smartTag" | "customXml" | "sdtContent" | "dir" | "bdo" => {
                    self.inlines(part, child, props, out)
                }
                // colophon's own DOCX keeps the printed page numbers as bookmarks `page_N`.
                "bookmarkStart" => {
                    if let Some(n) = child.attr("w:name").and_then(printed_page) {
                        out.push(Piece::neutral(Inline::PageBreak { n }));
                    }
                }
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        self.inlines(part, content, props, out);
                    }
                }
                "AlternateContent" => {
                    if let Some(choice) = child.children().next() {
                        self.inlines(part, choice, props, out);
                    }
                }
                "oMath" | "oMathPara" => {
                    let text = child.string();
                    self.report(part, child, true, "docx-math-as-text", format!("a Word equation is kept as its plain text “{}” (equations are not converted yet)", short(&text)));
                    let letters = count_letters(&text);
                    out.push(Piece {
                        inline: Inline::Math { tex: text, display: child.name == "oMathPara" },
                        lang: None,
                        letters,
                    });
                }
                "pPr" | "rPr" | "bookmarkEnd" | "proofErr" | "commentRangeStart" | "commentRangeEnd" => {}
                _ => self.unknown(part, child),
            }
        }
    }

    /// Reads one `w:r`.
    fn run(&mut self, part: &'p Part, r: &'p El, paragraph: &RunProps, out: &mut Vec<Piece>) {
        let direct = r.child("rPr").map(RunProps::read).unwrap_or_default();
        // The label colophon's DOCX writer sets before an entry (`12.`), in its own style.
        if direct.style.as_deref() == Some("BibliographyLabel") {
            let label: String = r.children().filter(|c| c.name == "t").map(|t| t.string()).collect();
            self.entry_label = Some(label.trim().to_string()).filter(|l| !l.is_empty());
            return;
        }
        let character = self.styles.run_props(direct.style.as_deref(), false);
        let props = direct.over(&character.over(paragraph));
        self.run_children(part, r, &props, out);
    }

    /// Reads the content of a run (or of the alternate content inside one).
    fn run_children(&mut self, part: &'p Part, r: &'p El, props: &RunProps, out: &mut Vec<Piece>) {
        for c in r.children() {
            match c.name.as_str() {
                "t" | "delText" => {
                    let text = c.string();
                    self.text(part, c, text, props, out);
                }
                "instrText" | "delInstrText" => {
                    if let Some(f) = self.fields.last_mut().filter(|f| f.result.is_none()) {
                        f.instruction.push_str(&c.string());
                    }
                }
                "fldChar" => match c.attr("w:fldCharType") {
                    Some("begin") => self.begin_field(part, c, ""),
                    Some("separate") => self.separate_field(out),
                    Some("end") => self.end_field(out),
                    _ => {}
                },
                "tab" | "ptab" => self.text(part, c, "\t".into(), props, out),
                "noBreakHyphen" => self.text(part, c, "\u{2011}".into(), props, out),
                "br" | "cr" => {
                    if self.in_field_code() {
                        continue;
                    }
                    match c.attr("w:type") {
                        Some("page") => {
                            self.pages += 1;
                            out.push(Piece::neutral(Inline::PageBreak { n: self.pages.to_string() }));
                        }
                        Some("column") => self.text(part, c, " ".into(), props, out),
                        _ => out.push(Piece::neutral(Inline::LineBreak)),
                    }
                }
                "sym" => {
                    let code = c.attr("w:char").and_then(|h| u32::from_str_radix(h, 16).ok());
                    let font = c.attr("w:font").unwrap_or("?");
                    match code.and_then(char::from_u32).filter(|ch| !('\u{F000}'..='\u{F0FF}').contains(ch)) {
                        Some(ch) => self.text(part, c, ch.to_string(), props, out),
                        None => self.report(part, c, true, "docx-symbol-dropped", format!("a symbol of the font {font} (code {}) has no Unicode character and is left out", c.attr("w:char").unwrap_or("?"))),
                    }
                }
                "footnoteReference" => self.note(part, c, crate::model::NoteKind::Foot, out),
                "endnoteReference" => self.note(part, c, crate::model::NoteKind::End, out),
                "commentReference" => self.comment(part, c),
                "drawing" | "pict" | "object" => self.drawing(part, c, out),
                "AlternateContent" => {
                    if let Some(choice) = c.children().next() {
                        self.run_children(part, choice, props, out);
                    }
                }
                "rPr" => {}
                _ => self.unknown(part, c),
            }
        }
    }

    /// Reports an element colophon does not read that holds text (Japanese ruby, an
    /// imported chunk, a newer Word's element): its text is not in the model.
    pub(super) fn unknown(&mut self, part: &'p Part, el: &El) {
        let text = el.string();
        if !text.trim().is_empty() {
            let name = &el.name;
            self.report(
                part,
                el,
                true,
                "docx-unknown-element",
                format!("<{name}> is not read; its text “{}” is left out", short(&text)),
            );
        }
    }

    /// Whether a field's code (not its result) is being read.
    pub(super) fn in_field_code(&self) -> bool {
        self.fields.iter().any(|f| f.result.is_none())
    }

    /// Adds the text of a run with its formatting and language.
    fn text(&mut self, part: &'p Part, at: &El, text: String, props: &RunProps, out: &mut Vec<Piece>) {
        if text.is_empty() || self.in_field_code() {
            return;
        }
        if let Some(i) = self.pending_mark.take() {
            if let Some(Inline::Note(n)) = out.get_mut(i).map(|p| &mut p.inline) {
                n.label = text.trim().to_string();
                strip_mark(&mut n.content, &n.label);
                return;
            }
        }
        if props.hidden == Some(true) {
            self.report(
                part,
                at,
                false,
                "docx-hidden-text",
                format!("hidden text “{}” is left out (Word does not print it)", short(&text)),
            );
            return;
        }
        let lang = run_language(&text, props);
        let letters = count_letters(&text);
        let mut inline = Inline::text(text);
        match props.vertical {
            Some(Vertical::Superscript) => inline = Inline::Superscript { content: vec![inline] },
            Some(Vertical::Subscript) => inline = Inline::Subscript { content: vec![inline] },
            _ => {}
        }
        if props.small_caps == Some(true) {
            inline = Inline::SmallCaps { content: vec![inline] };
        }
        if props.bold == Some(true) {
            inline = Inline::Strong { content: vec![inline] };
        }
        if props.italic == Some(true) {
            inline = Inline::Emph { content: vec![inline] };
        }
        out.push(Piece { inline, lang, letters });
    }

    /// Reports a tracked change and says whether its content is read (insertions when
    /// changes are accepted, deletions when they are rejected).
    pub(super) fn change(&mut self, part: &'p Part, el: &'p El) -> bool {
        let inserted = matches!(el.name.as_str(), "ins" | "moveTo");
        let read = inserted == (self.options.track_changes == TrackChanges::Accept);
        let what = if inserted { "insertion" } else { "deletion" };
        let author = el.attr("w:author").unwrap_or("an unnamed author");
        let date = el.attr("w:date").map(|d| format!(" on {d}")).unwrap_or_default();
        let verb = if read { "read as made" } else { "left out" };
        let code = if inserted { "docx-tracked-insertion" } else { "docx-tracked-deletion" };
        self.report(
            part,
            el,
            false,
            code,
            format!("tracked {what} by {author}{date} {verb}: “{}”", short(&el.string())),
        );
        read
    }

    /// Reports a comment, which is left out, with its author and text.
    fn comment(&mut self, part: &'p Part, reference: &El) {
        let id = reference.attr("w:id").unwrap_or("");
        let found = self
            .parts
            .comments
            .as_ref()
            .and_then(|c| c.root.children().find(|e| e.name == "comment" && e.attr("w:id") == Some(id)));
        let (author, text) = found.map_or(("?".to_string(), String::new()), |c| {
            (c.attr("w:author").unwrap_or("?").to_string(), c.string())
        });
        self.report(
            part,
            reference,
            true,
            "docx-comment-dropped",
            format!("a comment by {author} is left out: “{}”", short(&text)),
        );
    }

    /// Reads an image (`w:drawing`, or VML's `w:pict`) into an image in the line, its bytes
    /// checked and kept in the document's media; queues the text boxes inside it to be read
    /// after the paragraph; reports an embedded object (an OLE chart or equation), which is
    /// left out.
    fn drawing(&mut self, part: &'p Part, el: &'p El, out: &mut Vec<Piece>) {
        let mut boxes = Vec::new();
        descendants(el, "txbxContent", &mut boxes);
        let had_boxes = !boxes.is_empty();
        self.textboxes.extend(boxes);
        if had_boxes {
            self.report(
                part,
                el,
                false,
                "docx-text-box",
                "a text box is read as paragraphs after the one it is anchored in".into(),
            );
            return;
        }
        let mut doc_pr = Vec::new();
        descendants(el, "docPr", &mut doc_pr);
        let alt = doc_pr
            .first()
            .and_then(|d| d.attr("descr").filter(|a| !a.trim().is_empty()).or(d.attr("title")))
            .unwrap_or("")
            .trim()
            .to_string();
        if el.name == "object" {
            let alt =
                if alt.is_empty() { String::new() } else { format!(" described “{}”", short(&alt)) };
            self.report(
                part,
                el,
                true,
                "docx-image-dropped",
                format!("an embedded object{alt} (an OLE chart, equation or document) is left out"),
            );
            return;
        }
        let mut blips = Vec::new();
        descendants(el, "blip", &mut blips);
        descendants(el, "imagedata", &mut blips);
        let id = blips.iter().find_map(|b| b.attr("r:embed").or(b.attr("r:id")).or(b.attr("r:link")));
        let rels = if std::ptr::eq(part, &self.parts.document) {
            Some(&self.rels)
        } else {
            self.note_rels.get(&part.name)
        };
        let rel = id.and_then(|id| rels?.get(id));
        let Some(rel) = rel else {
            let where_ = if rels.is_some() { "whose file the package does not name" } else { "in a comment" };
            self.report(part, el, true, "docx-image-dropped", format!("an image {where_} is left out"));
            return;
        };
        let src = rel.target.clone();
        let width = extent_points(el).map(crate::model::Extent::Points);
        let media = if rel.external {
            self.report(part, el, true, "image-remote", format!("an image links to {src} outside the document, which is never fetched; a placeholder names it"));
            None
        } else {
            match self.images.get(&src).map(|b| crate::read::media::check_named(b.clone(), &src)) {
                Some(Ok(checked)) => {
                    if let Some(note) = checked.misnamed {
                        self.report(part, el, false, crate::read::media::MISNAMED, format!("{src}: {note}"));
                    }
                    Some(crate::model::add_media(&mut self.media, &src, checked.media))
                }
                Some(Err(e)) => {
                    self.report(part, el, true, e.code(), format!("{src}: {e}; a placeholder names it"));
                    None
                }
                None => {
                    self.report(
                        part,
                        el,
                        true,
                        "image-missing",
                        format!("the image {src} is not in the package; a placeholder names it"),
                    );
                    None
                }
            }
        };
        let image = crate::model::Image { src, media, width };
        let mut anchors = Vec::new();
        descendants(el, "anchor", &mut anchors);
        if anchors.is_empty() {
            out.push(Piece::neutral(Inline::Image { image, alt }));
        } else {
            // A floating image is placed on the page, not in the line: a figure of its own,
            // after the paragraph it is anchored to.
            self.floating.push(Inline::Image { image, alt });
        }
    }
}

/// Removes the copy of a custom note mark that Word prints at the start of the note itself
/// (where a numbered note has its `w:footnoteRef`).
fn strip_mark(content: &mut [crate::model::Block], mark: &str) {
    fn strip(inlines: &mut Vec<Inline>, mark: &str) -> bool {
        let Some(first) = inlines.first_mut() else { return false };
        let done = match first {
            Inline::Text { text } => match text.strip_prefix(mark) {
                Some(rest) => {
                    *text = rest.trim_start().to_string();
                    true
                }
                None => return false,
            },
            other => match other.children_mut() {
                Some(children) => strip(children, mark),
                None => return false,
            },
        };
        let empty = match &inlines[0] {
            Inline::Text { text } => text.is_empty(),
            other => other.children().is_empty() && !matches!(other, Inline::LineBreak | Inline::Note(_)),
        };
        if empty {
            inlines.remove(0);
            if let Some(Inline::Text { text }) = inlines.first_mut() {
                *text = text.trim_start().to_string();
            }
        }
        done
    }
    if mark.is_empty() {
        return;
    }
    if let Some(crate::model::Block::Paragraph { content, .. }) = content.first_mut() {
        strip(content, mark);
    }
}

/// The printed page number of a bookmark colophon's DOCX writer made (`page_47`, and
/// `page_47_2` for a second page 47).
fn printed_page(name: &str) -> Option<String> {
    let rest = name.strip_prefix("page_").filter(|r| !r.is_empty())?;
    let n = match rest.rsplit_once('_') {
        Some((n, k)) if !n.is_empty() && k.parse::<u32>().is_ok_and(|k| k >= 2) => n,
        _ => rest,
    };
    Some(n.to_string())
}

/// Collects the descendants of `el` named `name` (not inside one another).
pub(super) fn descendants<'e>(el: &'e El, name: &str, out: &mut Vec<&'e El>) {
    for c in el.children() {
        if c.name == name {
            out.push(c);
        } else {
            descendants(c, name, out);
        }
    }
}

/// The width an image is shown at in Word, in points (`wp:extent/@cx` in EMU), when
/// given.
fn extent_points(el: &El) -> Option<f64> {
    let mut extents = Vec::new();
    descendants(el, "extent", &mut extents);
    let emu: f64 = extents.first()?.attr("cx")?.parse().ok()?;
    (emu > 0.0 && emu.is_finite()).then(|| (emu / 12_700.0 * 10.0).round() / 10.0)
}

/// Replaces the pieces from `start` on with one piece made of their inlines.
pub(super) fn wrap(out: &mut Vec<Piece>, start: usize, make: impl FnOnce(Vec<Inline>) -> Inline) {
    if start > out.len() {
        return;
    }
    let pieces = out.split_off(start);
    let letters = pieces.iter().map(|p| p.letters).sum();
    let (content, lang) = finish(pieces);
    out.push(Piece { inline: make(content), lang: lang.map(String::from), letters });
}

/// The language of a run's text: `w:bidi` for right-to-left text, `w:eastAsia` for Chinese,
/// Japanese and Korean, `w:val` otherwise (Word picks among the three the same way).
fn run_language(text: &str, props: &RunProps) -> Option<String> {
    let script = crate::enrich::lang::main_script(text);
    let chosen = if props.rtl == Some(true) || matches!(script, Some(Script::Arabic | Script::Hebrew)) {
        props.lang_bidi.as_ref().or(props.lang.as_ref())
    } else if matches!(script, Some(Script::Han | Script::Japanese | Script::Hangul)) {
        props.lang_east_asia.as_ref().or(props.lang.as_ref())
    } else {
        props.lang.as_ref()
    };
    chosen.filter(|l| LangTag::parse(l).is_ok() && !matches!(l.as_str(), "x-none" | "zxx" | "und")).cloned()
}

/// The language carrying the most letters among `(language, letters)` pairs (the first
/// met on a tie), with its letters: how a paragraph, a note and the document get theirs.
pub(super) fn heaviest<T: PartialEq>(pairs: impl IntoIterator<Item = (T, usize)>) -> Option<(T, usize)> {
    let mut weights: Vec<(T, usize)> = Vec::new();
    for (lang, n) in pairs {
        match weights.iter_mut().find(|(w, _)| *w == lang) {
            Some((_, total)) => *total += n,
            None => weights.push((lang, n)),
        }
    }
    weights.into_iter().rev().max_by_key(|(_, n)| *n)
}

/// Counts the letters of `s`.
pub(super) fn count_letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// `s` cut to 80 characters for a message.
pub(super) fn short(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

/// Finishes a paragraph's pieces: its language is the one most of its letters carry; runs
/// in another language become spans (pieces without letters join their neighbours); text
/// runs are merged and the ends trimmed.
pub(super) fn finish(mut pieces: Vec<Piece>) -> (Vec<Inline>, Option<LangTag>) {
    let main =
        heaviest(pieces.iter().filter(|p| p.letters > 0).filter_map(|p| Some((p.lang.clone()?, p.letters))))
            .map(|(l, _)| l);
    // A piece without letters (a space, a comma, a note) takes the language of the lettered
    // pieces around it when they agree, else the paragraph's: spans end at their words.
    let lettered: Vec<Option<usize>> = {
        let mut last = None;
        pieces
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if p.letters > 0 {
                    last = Some(i)
                }
                last
            })
            .collect()
    };
    let mut next_lettered = vec![None; pieces.len()];
    let mut next = None;
    for i in (0..pieces.len()).rev() {
        if pieces[i].letters > 0 {
            next = Some(i);
        }
        next_lettered[i] = next;
    }
    let langs: Vec<Option<String>> = (0..pieces.len())
        .map(|i| {
            if pieces[i].letters > 0 {
                return pieces[i].lang.clone();
            }
            let before = lettered[i].map(|k| &pieces[k].lang);
            let after = next_lettered[i].map(|k| &pieces[k].lang);
            match (before, after) {
                (Some(b), Some(a)) if a == b => a.clone(),
                (Some(b), None) => b.clone(),
                (None, Some(a)) => a.clone(),
                _ => main.clone(),
            }
        })
        .collect();
    for (p, l) in pieces.iter_mut().zip(langs) {
        p.lang = l;
    }
    let mut out: Vec<Inline> = Vec::new();
    let mut group: Vec<Inline> = Vec::new();
    let mut group_lang: Option<String> = None;
    let flush = |group: &mut Vec<Inline>, lang: &Option<String>, out: &mut Vec<Inline>| {
        let content = merge(std::mem::take(group));
        match lang.as_ref().filter(|l| Some(*l) != main.as_ref()).and_then(|l| LangTag::parse(l).ok()) {
            Some(lang) => out.push(Inline::Span { lang, content }),
            None => out.extend(content),
        }
    };
    for p in pieces {
        if p.lang != group_lang && !group.is_empty() {
            flush(&mut group, &group_lang, &mut out);
        }
        group_lang = p.lang;
        group.push(p.inline);
    }
    flush(&mut group, &group_lang, &mut out);
    let mut out = merge(out);
    trim_edges(&mut out);
    (out, main.and_then(|l| LangTag::parse(&l).ok()))
}

/// Merges neighbouring text, and neighbouring wrappers of the same kind.
pub(super) fn merge(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text { text: a }), Inline::Text { text: b }) => a.push_str(&b),
            (Some(Inline::Emph { content: a }), Inline::Emph { content: b })
            | (Some(Inline::Strong { content: a }), Inline::Strong { content: b })
            | (Some(Inline::SmallCaps { content: a }), Inline::SmallCaps { content: b })
            | (Some(Inline::Superscript { content: a }), Inline::Superscript { content: b })
            | (Some(Inline::Subscript { content: a }), Inline::Subscript { content: b }) => {
                a.extend(b);
                *a = merge(std::mem::take(a));
            }
            (Some(Inline::Span { lang: la, content: a }), Inline::Span { lang: lb, content: b })
                if *la == lb =>
            {
                a.extend(b);
                *a = merge(std::mem::take(a));
            }
            (_, i) => out.push(i),
        }
    }
    out
}

/// Trims white space at the start and end of a paragraph (at any depth of wrapping).
fn trim_edges(inlines: &mut Vec<Inline>) {
    fn first_text(v: &mut [Inline]) -> Option<&mut String> {
        match v.first_mut()? {
            Inline::Text { text } => Some(text),
            other => first_text(other.children_mut()?),
        }
    }
    fn last_text(v: &mut [Inline]) -> Option<&mut String> {
        match v.last_mut()? {
            Inline::Text { text } => Some(text),
            other => last_text(other.children_mut()?),
        }
    }
    if let Some(t) = first_text(inlines) {
        *t = t.trim_start().to_string();
    }
    if let Some(t) = last_text(inlines) {
        *t = t.trim_end().to_string();
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, lang: Option<&str>) -> Piece {
        Piece { inline: Inline::text(text), lang: lang.map(String::from), letters: count_letters(text) }
    }

    #[test]
    fn the_main_language_is_the_paragraphs_and_others_are_spans() {
        let (inlines, lang) = finish(vec![
            piece("  The word ", Some("en-GB")),
            piece("слово", Some("ru-RU")),
            piece(" ", Some("en-GB")),
            piece("means word. ", Some("en-GB")),
        ]);
        assert_eq!(lang.unwrap().as_str(), "en-GB");
        assert_eq!(inlines.len(), 3);
        assert_eq!(inlines[0], Inline::text("The word "));
        assert!(matches!(&inlines[1], Inline::Span { lang, .. } if lang.as_str() == "ru-RU"));
        assert_eq!(inlines[2], Inline::text(" means word."));
    }

    #[test]
    fn untagged_paragraphs_stay_untagged() {
        let (inlines, lang) = finish(vec![piece("a", None), piece("b", None)]);
        assert_eq!((inlines, lang), (vec![Inline::text("ab")], None));
    }

    #[test]
    fn page_bookmarks() {
        assert_eq!(printed_page("page_47").as_deref(), Some("47"));
        assert_eq!(printed_page("page_47_2").as_deref(), Some("47"));
        assert_eq!(printed_page("page_xii").as_deref(), Some("xii"));
        assert_eq!(printed_page("_GoBack"), None);
        assert_eq!(printed_page("page_"), None);
    }

    #[test]
    fn neighbouring_formatting_merges() {
        let e = |t: &str| Inline::Emph { content: vec![Inline::text(t)] };
        assert_eq!(merge(vec![e("a"), e("b")]), vec![e("ab")]);
    }

    #[test]
    fn the_script_picks_the_language_attribute() {
        let props = RunProps {
            lang: Some("en-US".into()),
            lang_bidi: Some("ar-SA".into()),
            lang_east_asia: Some("ja-JP".into()),
            ..Default::default()
        };
        assert_eq!(run_language("word", &props).as_deref(), Some("en-US"));
        assert_eq!(run_language("كلمة", &props).as_deref(), Some("ar-SA"));
        assert_eq!(run_language("日本語のテキスト", &props).as_deref(), Some("ja-JP"));
        let none = RunProps { lang: Some("x-none".into()), ..Default::default() };
        assert_eq!(run_language("word", &none), None);
    }
}
