//! Notes kept apart from their calls, placed at the calls.
//!
//! TEI from other projects often keeps notes away from the text that calls them:
//! endnotes gathered in `<back><div type="notes">` (or `endnotes`, `footnotes`, nested divs,
//! a `<listNote>`), called from the text by `<ref target="#n1">1</ref>` or
//! `<ptr target="#n1"/>`; notes standing between blocks (at the end of a div, in `<back>`)
//! that name their call with `@target` or `@corresp` pointing to an `<anchor xml:id>` (or
//! any other element of the text). Before the text is read, [`Endnotes::collect`] finds
//! every such note; while it is read, each note becomes an [`Inline::Note`] at its first
//! call (the `ref`/`ptr` replaced by the note, or the note after the anchor). The printed
//! label is the note's `@n`, else the call's `@n` or text, else the note's position.
//!
//! A note whose call is never found is placed at the end of the last paragraph with
//! [`Anchor::Inferred`]; a call whose note does not exist keeps its text; a note called
//! twice stands at its first call. Each case is reported at line:column.
//!
//! A note that stands inside a paragraph is at its call already: a `ref` to it elsewhere
//! ("see n. 3") stays a link, and the note stays where it is.

use super::{edge_inlines, push_inline, trim_inlines, El, Reader};
use crate::diag::Diagnostic;
use crate::model::{Anchor, Block, Inline};
use std::collections::{HashMap, HashSet};

/// Divisions that gather notes (`div[@type]`); `listNote` gathers them too.
const NOTE_DIVS: &[&str] = &["notes", "endnotes", "footnotes", "note", "endnote", "footnote"];

/// Elements between whose children a note stands apart from any phrase.
const BLOCK_PARENTS: &[&str] = &[
    "text", "body", "front", "back", "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7",
    "listNote",
];

/// `@type`s of a `ref` or `ptr` that say it calls a note.
fn calls_note(el: &El) -> bool {
    el.attr("type").is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("note") || t == "foot" || t == "fn" || t == "end"
    })
}

/// One note kept apart.
#[derive(Debug)]
struct Apart {
    el: El,
    placed: bool,
}

/// The notes kept apart from their calls, found before the text is read.
#[derive(Debug, Default)]
pub(super) struct Endnotes {
    notes: Vec<Apart>,
    /// Byte positions of the notes kept apart (their elements are skipped where they stand).
    at: HashMap<usize, usize>,
    /// A note's `xml:id` → the note.
    by_id: HashMap<String, usize>,
    /// An element's `xml:id` → the notes that name it in `@target`/`@corresp`.
    by_target: HashMap<String, Vec<usize>>,
    /// Every `xml:id` in the text.
    ids: HashSet<String>,
    /// Whether the notes' gathering has been reported.
    told: bool,
}

/// What a walk of the text finds.
#[derive(Default)]
struct Found<'a> {
    /// Each note with whether it stands between blocks and whether in a notes division.
    notes: Vec<(&'a El, bool, bool)>,
    /// Ids called by a `ref` or `ptr`.
    called: HashSet<String>,
    /// Ids of `anchor`s.
    anchors: HashSet<String>,
    ids: HashSet<String>,
}

/// The ids in a pointer attribute (`#n1 #n2`); without `#`, a bare name counts too.
fn pointers(v: &str) -> impl Iterator<Item = &str> {
    v.split_whitespace().filter_map(|t| match t.strip_prefix('#') {
        Some(id) => Some(id),
        None if !t.contains([':', '/', '.']) => Some(t),
        None => None,
    })
}

/// Whether `el` gathers notes: `listNote`, or a division typed as notes that holds notes (a
/// division of prose headed "Notes" without any `<note>` is read as text).
pub(super) fn is_gathering(el: &El) -> bool {
    fn holds_notes(el: &El) -> bool {
        el.children().any(|c| c.name == "note" || holds_notes(c))
    }
    el.name == "listNote"
        || el.name.starts_with("div")
            && el.attr("type").is_some_and(|t| NOTE_DIVS.contains(&t.to_ascii_lowercase().as_str()))
            && holds_notes(el)
}

fn walk<'a>(el: &'a El, block: bool, gathered: bool, f: &mut Found<'a>) {
    if let Some(id) = el.attr("xml:id") {
        f.ids.insert(id.to_string());
        if el.name == "anchor" {
            f.anchors.insert(id.to_string());
        }
    }
    match el.name.as_str() {
        "note" => f.notes.push((el, block, gathered)),
        "ref" | "ptr" => {
            if let Some(t) = el.attr("target") {
                f.called.extend(pointers(t).map(str::to_string));
            }
        }
        _ => {}
    }
    let gathered = gathered || is_gathering(el);
    let block = BLOCK_PARENTS.contains(&el.name.as_str());
    for c in el.children() {
        walk(c, block, gathered, f);
    }
}

impl Endnotes {
    /// Finds the notes of `text` kept apart from their calls: those in a notes division or
    /// a `listNote`, those between blocks called by a `ref`/`ptr` or naming their call in
    /// `@target`/`@corresp`, and any note naming an `anchor`.
    pub(super) fn collect(text: &El) -> Endnotes {
        let mut f = Found::default();
        walk(text, true, false, &mut f);
        let mut e = Endnotes { ids: f.ids, ..Endnotes::default() };
        for (el, block, gathered) in f.notes {
            let targets: Vec<&str> =
                ["target", "corresp"].iter().filter_map(|a| el.attr(a)).flat_map(pointers).collect();
            let id = el.attr("xml:id");
            let called = id.is_some_and(|id| f.called.contains(id));
            let names_anchor = targets.iter().any(|t| f.anchors.contains(*t));
            let named = targets.iter().any(|t| e.ids.contains(*t));
            if !(gathered || names_anchor || block && (called || named)) {
                continue;
            }
            let i = e.notes.len();
            e.at.insert(el.pos, i);
            if let Some(id) = id {
                e.by_id.entry(id.to_string()).or_insert(i);
            }
            for t in targets.into_iter().filter(|t| e.ids.contains(*t) && Some(*t) != id) {
                e.by_target.entry(t.to_string()).or_default().push(i);
            }
            e.notes.push(Apart { el: el.clone(), placed: false });
        }
        e
    }

    /// Whether `el` is a note kept apart (read at its call, not where it stands).
    pub(super) fn is_apart(&self, el: &El) -> bool {
        el.name == "note" && self.at.contains_key(&el.pos)
    }

    /// Whether notes name `el` (by its `xml:id`) as their call.
    pub(super) fn is_named(&self, el: &El) -> bool {
        el.attr("xml:id").is_some_and(|id| self.by_target.contains_key(id))
    }
}

impl Reader<'_> {
    /// Reports `message` under `code` at `el` as a warning (every time).
    pub(super) fn warn_at(&mut self, code: &'static str, el: &El, message: String) {
        let (l, c) = self.index.position(self.text, el.pos);
        self.diags.push(Diagnostic::warning(code, l, message).at_col(c));
    }

    /// The note `i` read at a call whose text is `call_label`; `None` when it was placed.
    fn place(
        &mut self,
        i: usize,
        call: &El,
        call_label: Option<String>,
        notes: &mut usize,
    ) -> Option<Inline> {
        let apart = &mut self.endnotes.notes[i];
        if apart.placed {
            let id = apart.el.attr("xml:id").unwrap_or("").to_string();
            let (l, c) = self.index.position(self.text, apart.el.pos);
            self.warn_at(
                "tei-note-called-twice",
                call,
                format!("the note `{id}` (at {l}:{c}) is called again here; it stands at its first call"),
            );
            return None;
        }
        apart.placed = true;
        let el = apart.el.clone();
        if !self.endnotes.told {
            self.endnotes.told = true;
            self.info_at(
                "tei-notes-apart",
                &el,
                "notes kept apart from the text (endnotes, or notes pointing to their calls) are read at their calls"
                    .into(),
            );
        }
        *notes += 1;
        let mut note = self.note(&el, notes);
        if el.attr("n").is_none() {
            if let Some(label) = call_label.filter(|l| !l.is_empty()) {
                note.label = label;
            }
        }
        Some(Inline::Note(note))
    }

    /// Reads `c` if it is a note kept apart (skipped) or a call (`ref`, `ptr`) to one;
    /// returns whether it was read.
    pub(super) fn endnote_call(&mut self, c: &El, out: &mut Vec<Inline>, notes: &mut usize) -> bool {
        if self.endnotes.notes.is_empty() && !matches!(c.name.as_str(), "ref" | "ptr") {
            return false;
        }
        if self.endnotes.is_apart(c) {
            return true;
        }
        if !matches!(c.name.as_str(), "ref" | "ptr") || self.ours {
            return false;
        }
        let Some(target) = c.attr("target") else { return false };
        let ids: Vec<&str> = pointers(target).collect();
        let found: Vec<usize> = ids.iter().filter_map(|id| self.endnotes.by_id.get(*id).copied()).collect();
        let text = c.text();
        if found.is_empty() {
            // A call to a note that does not exist: a `ptr`, a `ref` typed as a note's call,
            // or a short label pointing to no element at all.
            let local = target.trim_start().starts_with('#');
            let missing = local && ids.iter().any(|id| !self.endnotes.ids.contains(*id));
            let len = text.chars().count();
            let label_like = len <= 2 || len <= 4 && !text.chars().any(char::is_alphabetic);
            let looks_like_call = c.name == "ptr" || calls_note(c) || label_like;
            if !(missing && looks_like_call) {
                return false;
            }
            self.warn_at(
                "tei-note-call-unresolved",
                c,
                format!(
                    "<{}> points to `{target}`, which no element of this document bears: the note it calls is missing; its text is kept",
                    c.name
                ),
            );
            let inner = self.inlines(c, notes);
            inner.into_iter().for_each(|i| push_inline(out, i));
            return true;
        }
        let label = c.attr("n").map(str::to_string).or_else(|| (c.name == "ref").then(|| text.clone()));
        let mut any = false;
        for i in found {
            if let Some(n) = self.place(i, c, label.clone(), notes) {
                out.push(n);
                any = true;
            }
        }
        if !any {
            // Every note was placed before: the call keeps its text.
            let inner = self.inlines(c, notes);
            inner.into_iter().for_each(|i| push_inline(out, i));
        }
        true
    }

    /// Places after `c` the notes naming it (`<note target="#a1">` after `<anchor xml:id="a1"/>`).
    pub(super) fn endnotes_after(&mut self, c: &El, out: &mut Vec<Inline>, notes: &mut usize) {
        if self.ours || !self.endnotes.is_named(c) {
            return;
        }
        let id = c.attr("xml:id").unwrap_or_default();
        let waiting = self.endnotes.by_target.get(id).cloned().unwrap_or_default();
        for i in waiting {
            // A note naming several elements stands at the first met.
            if self.endnotes.notes[i].placed {
                continue;
            }
            if let Some(n) = self.place(i, c, None, notes) {
                out.push(n);
            }
        }
    }

    /// A division or `listNote` gathering notes, met among the blocks: its notes are read
    /// at their calls; anything else in it is reported.
    pub(super) fn skip_gathering(&mut self, el: &El) {
        for c in el.children() {
            match c.name.as_str() {
                "note" | "pb" | "lb" | "anchor" | "milestone" => {}
                "head" => self.info_at(
                    "tei-notes-heading",
                    c,
                    format!(
                        "the heading `{}` of a division of notes is left out: its notes stand at their calls",
                        c.text()
                    ),
                ),
                _ if is_gathering(c) => self.skip_gathering(c),
                "div" | "div1" | "div2" | "div3" | "div4" => self.skip_gathering(c),
                _ => self.info_at(
                    "tei-notes-division-content",
                    c,
                    format!("<{}> in a division of notes is no note; it is left out", c.name),
                ),
            }
        }
    }

    /// Reports what the divisions of notes in `part` (`<front>`, `<back>`) hold besides
    /// their notes; the notes themselves are read at their calls.
    pub(super) fn report_gatherings(&mut self, part: &El) {
        for c in part.children() {
            if is_gathering(c) {
                self.skip_gathering(c);
            } else if c.name.starts_with("div") {
                self.report_gatherings(c);
            }
        }
    }

    /// Places the notes whose call was never found at the end of the last paragraph of
    /// `body`, as inferred, each reported where it stands.
    pub(super) fn place_uncalled(&mut self, body: &mut Vec<Block>, notes: &mut usize) {
        let waiting: Vec<usize> =
            (0..self.endnotes.notes.len()).filter(|&i| !self.endnotes.notes[i].placed).collect();
        let mut placed = Vec::new();
        for i in waiting {
            let el = self.endnotes.notes[i].el.clone();
            let what = match el.attr("xml:id") {
                Some(id) => format!("the note `{id}`"),
                None => "this note".to_string(),
            };
            self.warn_at(
                "tei-note-uncalled",
                &el,
                format!("{what} is called nowhere in the text; it is placed at the end of the last paragraph, marked as inferred"),
            );
            if let Some(Inline::Note(mut n)) = self.place(i, &el, None, notes) {
                n.anchor = Anchor::Inferred;
                placed.push(Inline::Note(n));
            }
        }
        if placed.is_empty() {
            return;
        }
        match body.iter_mut().rev().find_map(|b| edge_inlines(b, true)) {
            Some(last) => last.extend(placed),
            None => body.push(Block::paragraph(trim_inlines(placed))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use crate::diag::Diagnostic;
    use crate::model::{plain_text, Anchor, Block, Document, Inline, Note};
    use std::path::Path;

    fn doc(text: &str, back: &str) -> (Document, Vec<Diagnostic>) {
        let xml = format!(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>{text}</body><back>{back}</back></text></TEI>"
        );
        read(Path::new("t.xml"), &xml).unwrap()
    }

    /// The body with each note as `[label:text]`.
    fn calls(d: &Document) -> String {
        fn walk(v: &[Inline], out: &mut String) {
            for i in v {
                match i {
                    Inline::Text { text } => out.push_str(text),
                    Inline::Note(n) => {
                        let t: Vec<String> = n.content.iter().map(|b| plain_text(b.content())).collect();
                        let mark = if n.anchor == Anchor::Inferred { "?" } else { "" };
                        out.push_str(&format!("[{}{mark}:{}]", n.label, t.join("/")));
                    }
                    other => walk(other.children(), out),
                }
            }
        }
        let mut out = String::new();
        for b in d.body.iter().flat_map(Block::leaves) {
            walk(b.content(), &mut out);
            out.push('|');
        }
        out
    }

    fn codes(diags: &[Diagnostic]) -> Vec<&str> {
        diags
            .iter()
            .map(|d| d.code)
            .filter(|c| !matches!(*c, "tei-notes-apart" | "tei-notes-heading"))
            .collect()
    }

    fn notes(d: &Document) -> Vec<&Note> {
        d.notes()
    }

    #[test]
    fn ref_and_ptr_with_an_id_call_endnotes() {
        let (d, diags) = doc(
            "<p>One<ref target=\"#n1\">1</ref> two<ptr target=\"#n2\"/>.</p>",
            "<div type=\"notes\"><head>Notes</head><note xml:id=\"n1\" n=\"1\"><p>First.</p></note>\
             <note xml:id=\"n2\"><p>Second, <hi rend=\"italic\">quoted</hi>.</p><p>More.</p></note></div>",
        );
        assert_eq!(calls(&d), "One[1:First.] two[2:Second, quoted./More.].|");
        assert!(codes(&diags).is_empty(), "{diags:?}");
        assert!(diags.iter().any(|d| d.code == "tei-notes-apart"));
    }

    #[test]
    fn label_comes_from_the_call_text_when_the_note_has_no_n() {
        let (d, _) = doc(
            "<p>A<ref type=\"noteAnchor\" target=\"#x\"><hi rend=\"sup\">*</hi></ref>.</p>",
            "<div type=\"endnotes\"><note xml:id=\"x\">Star.</note></div>",
        );
        assert_eq!(calls(&d), "A[*:Star.].|");
    }

    #[test]
    fn a_target_with_several_ids_places_each_note() {
        let (d, diags) = doc(
            "<p>Both<ref target=\"#n1 #n2\">1, 2</ref>.</p>",
            "<div type=\"notes\"><note xml:id=\"n1\" n=\"1\">A.</note><note xml:id=\"n2\" n=\"2\">B.</note></div>",
        );
        assert_eq!(calls(&d), "Both[1:A.][2:B.].|");
        assert!(codes(&diags).is_empty(), "{diags:?}");
    }

    #[test]
    fn notes_name_their_anchor_with_target_or_corresp() {
        let (d, diags) = doc(
            "<div><p>Here<anchor xml:id=\"a1\"/> and there<anchor xml:id=\"a2\"/>.</p>\
             <note target=\"#a1\" n=\"i\">By target.</note></div>",
            "<note corresp=\"#a2\" n=\"ii\"><p>By corresp.</p></note>",
        );
        assert_eq!(calls(&d), "Here[i:By target.] and there[ii:By corresp.].|");
        assert!(codes(&diags).is_empty(), "{diags:?}");
    }

    #[test]
    fn an_anchor_between_blocks_opens_the_next_block() {
        let (d, _) = doc(
            "<p>A.</p><anchor xml:id=\"a\"/><p>B.</p>",
            "<listNote><note target=\"#a\" n=\"1\">N.</note></listNote>",
        );
        assert_eq!(calls(&d), "A.|[1:N.]B.|");
    }

    #[test]
    fn a_missing_note_keeps_the_call_text_and_is_reported() {
        let (d, diags) = doc(
            "<p>A<ref target=\"#n9\">9</ref> b<ptr target=\"#n8\"/>.</p>",
            "<div type=\"notes\"><note xml:id=\"n1\" n=\"1\">Uncalled.</note></div>",
        );
        assert_eq!(calls(&d), "A9 b.[1?:Uncalled.]|");
        assert_eq!(
            codes(&diags),
            ["tei-note-call-unresolved", "tei-note-call-unresolved", "tei-note-uncalled"]
        );
        let r = diags[0].render("t.xml");
        assert!(r.contains("t.xml:1:"), "{r}");
    }

    #[test]
    fn a_note_never_called_is_inferred_at_the_end() {
        let (d, diags) = doc(
            "<p>First.</p><list><item>Last.</item></list>",
            "<div type=\"notes\"><note xml:id=\"n1\" n=\"1\">Lost call.</note></div>",
        );
        assert_eq!(calls(&d), "First.|Last.[1?:Lost call.]|");
        assert_eq!(codes(&diags), ["tei-note-uncalled"]);
        assert_eq!(notes(&d)[0].anchor, Anchor::Inferred);
    }

    #[test]
    fn a_note_called_twice_stands_at_the_first_call() {
        let (d, diags) = doc(
            "<p>A<ref target=\"#n1\">1</ref>, again<ref target=\"#n1\">1</ref>.</p>",
            "<div type=\"notes\"><note xml:id=\"n1\" n=\"1\">Once.</note></div>",
        );
        assert_eq!(calls(&d), "A[1:Once.], again1.|");
        assert_eq!(codes(&diags), ["tei-note-called-twice"]);
    }

    #[test]
    fn notes_in_nested_divisions_and_list_note() {
        let (d, diags) = doc(
            "<div><p>A<ref target=\"#c1n1\">1</ref>.</p></div><div><p>B<ref target=\"#c2n1\">1</ref>.</p></div>",
            "<div type=\"notes\"><head>Notes</head>\
             <div><head>Chapter 1</head><note xml:id=\"c1n1\" n=\"1\">Ch. 1.</note></div>\
             <div><head>Chapter 2</head><listNote><note xml:id=\"c2n1\" n=\"1\">Ch. 2.</note></listNote></div></div>",
        );
        assert_eq!(calls(&d), "A[1:Ch. 1.].|B[1:Ch. 2.].|");
        assert!(codes(&diags).is_empty(), "{diags:?}");
    }

    #[test]
    fn a_notes_division_in_the_body_is_no_body_text() {
        let (d, diags) = doc(
            "<div><p>A<ref target=\"#n1\">1</ref>.</p><div type=\"notes\"><head>Notes</head>\
             <note xml:id=\"n1\" n=\"1\">N.</note><p>Stray.</p></div></div>",
            "",
        );
        assert_eq!(calls(&d), "A[1:N.].|");
        assert_eq!(codes(&diags), ["tei-notes-division-content"]);
    }

    #[test]
    fn front_list_note_and_grobid_style_notes_at_the_end_of_the_body() {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><front><listNote>\
             <note xml:id=\"f1\" n=\"*\">Front.</note></listNote></front><body><p>A<ref type=\"foot\" \
             target=\"#foot_0\">1</ref> b<ref target=\"#f1\">*</ref>.</p>\
             <note place=\"foot\" n=\"1\" xml:id=\"foot_0\">Foot.</note></body></text></TEI>";
        let (d, diags) = read(Path::new("t.xml"), xml).unwrap();
        assert_eq!(calls(&d), "A[1:Foot.] b[*:Front.].|");
        assert!(codes(&diags).is_empty(), "{diags:?}");
    }

    /// A note inside a paragraph is at its call: a reference to it stays a link.
    #[test]
    fn a_cross_reference_to_an_inline_note_stays_a_link() {
        let (d, diags) =
            doc("<p>A<note xml:id=\"n3\" n=\"3\">Three.</note>; see <ref target=\"#n3\">n. 3</ref>.</p>", "");
        assert_eq!(calls(&d), "A[3:Three.]; see n. 3.|");
        assert!(matches!(d.body[0].content()[3], Inline::Link { .. }), "{:?}", d.body[0]);
        assert!(codes(&diags).is_empty(), "{diags:?}");
    }

    /// What a division of notes in `<back>` holds besides notes is reported, never lost
    /// silently; a division typed `notes` without any note is prose, read as text.
    #[test]
    fn other_content_of_a_notes_division_is_reported() {
        let (d, diags) = doc(
            "<p>A<ref target=\"#n1\">1</ref>.</p><div type=\"notes\"><head>Notes</head><p>Prose.</p></div>",
            "<div type=\"notes\"><head>Endnotes</head><p>Editorial remark.</p><note xml:id=\"n1\" n=\"1\">N.</note></div>",
        );
        assert_eq!(calls(&d), "A[1:N.].|Notes|Prose.|");
        assert_eq!(codes(&diags), ["tei-notes-division-content"]);
        let at: Vec<String> =
            diags.iter().filter(|d| d.code.starts_with("tei-notes-")).map(|d| d.render("t.xml")).collect();
        assert!(at.iter().any(|r| r.contains("`Endnotes`") && r.contains("t.xml:1:")), "{at:?}");
    }

    /// A reference in words to an element that is missing stays a link: it calls no note.
    #[test]
    fn a_broken_reference_in_words_stays_a_link() {
        let (d, diags) = doc("<p>See <ref target=\"#sec9\">the last section</ref>.</p>", "");
        assert!(matches!(d.body[0].content()[1], Inline::Link { .. }), "{:?}", d.body[0]);
        assert!(diags.is_empty(), "{diags:?}");
    }
}
