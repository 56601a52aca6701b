//! DOCX (Office Open XML WordprocessingML) for copy-editing in Word and LibreOffice.
//!
//! Real Word footnotes and endnotes at their calls (see [`notes`]), `w:lang` on every run
//! whose language is known (see [`lang`]), Word's built-in styles by their ids (see
//! [`styles`]), lists with their printed numbering (see [`numbering`]), tables (see
//! [`table`]), figures and images (see [`drawing`]) with their captions and the bookmarks
//! cross-references link to (see [`caption`]), and the metadata in the document properties
//! (see [`props`]). What a DOCX cannot hold is written as text
//! where it has text and reported (`docx-…` codes), never dropped in silence:
//!
//! - a formula is its TeX between dollars (OMML is out of scope): `docx-math-as-tex`;
//! - a printed page break is an empty bookmark `page_N` (a Word page break would
//!   re-paginate the text): `docx-page-bookmark` when the name had to change;
//! - names, dates, citations and editorial choices are their shown text; kinds, authority
//!   references, date values, citation keys and the other reading are not kept;
//! - a table whose spans do not fit its columns is paragraphs (`docx-table-flattened`), an
//!   image without bytes a placeholder naming its file (`docx-image-as-text`), WebP a PNG;
//! - a note inside a note, a link inside a link, an inferred note position, a heading
//!   below level 6, an epigraph, an embedded text's kind, a front division's kind, a code
//!   block's notation, parsed shelfmarks and the archives list: each counted and reported.

mod body;
pub mod caption;
pub mod drawing;
mod figure;
mod inline;
pub mod lang;
mod notes;
pub mod numbering;
mod package;
pub mod props;
pub mod styles;
pub mod table;
pub(crate) mod xml;

use crate::diag::Diagnostic;
use crate::model::{Document, Media, NoteKind};
use crate::plural::{is_are, plural, was_were};
use package::{kinds, Rel};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The WordprocessingML namespace.
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace of `r:id`.
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What the DOCX writer needs beyond the document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The time of the ZIP entries (`YYYY-MM-DDThh:mm:ssZ`, from `SOURCE_DATE_EPOCH`); never
    /// the clock.
    pub when: Option<String>,
}

/// The part being written, whose relationships a hyperlink joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `word/document.xml`.
    Document,
    /// `word/footnotes.xml`.
    Footnotes,
    /// `word/endnotes.xml`.
    Endnotes,
}

/// Counts of what the DOCX cannot hold, reported once each at the end.
#[derive(Debug, Default)]
pub struct Tally {
    /// Formulas written as TeX (their first 60 characters).
    pub math: Vec<String>,
    /// Notes inside notes, written in brackets.
    pub nested_notes: usize,
    /// Notes whose position was inferred.
    pub inferred: usize,
    /// Links inside links, or without an address, written as text.
    pub unlinked: usize,
    /// Names written as text, and those with an authority reference.
    pub names: usize,
    /// Names with an authority reference.
    pub name_refs: usize,
    /// Dates written as text.
    pub dates: usize,
    /// Dates with a normalised value.
    pub date_values: usize,
    /// Citations written as their text.
    pub citations: usize,
    /// Editorial choices written as the reading shown.
    pub choices: usize,
    /// Shelfmarks written as their printed text.
    pub shelfmarks: usize,
    /// Page bookmarks whose name is not `page_` + the printed number.
    pub renamed_pages: Vec<String>,
    /// Headings deeper than Word's six levels (or level 0).
    pub heading_levels: usize,
    /// Epigraphs written as quotations.
    pub epigraphs: usize,
    /// Embedded texts whose kind is not kept.
    pub embedded_kinds: usize,
    /// Front-matter divisions written as plain blocks.
    pub front_parts: usize,
    /// Code blocks whose notation is not kept.
    pub code_syntax: usize,
    /// Tables whose spans do not fit their columns, written as plain paragraphs.
    pub flattened: usize,
    /// Row headers Word's table look cannot mark.
    pub row_headers: usize,
    /// Cross-references to no table or figure, written as their text.
    pub dangling_refs: Vec<String>,
}

/// State shared while writing: the notes written, relationships, lists, bookmarks, images.
pub struct Ctx<'a> {
    /// The part being written.
    pub part: Part,
    /// Hyperlink relationships of the document, the footnotes and the endnotes.
    links: [Vec<Rel>; 3],
    /// `w:footnote` elements written, in order (ids 1 …).
    pub footnotes: Vec<String>,
    /// `w:endnote` elements written, in order (ids 1 …).
    pub endnotes: Vec<String>,
    /// How footnotes are labelled.
    pub foot_marks: notes::Marks,
    /// How endnotes are labelled.
    pub end_marks: notes::Marks,
    /// Lists met, for numbering.xml.
    pub lists: numbering::Lists,
    /// The list number the next paragraph takes: (`w:numId`, `w:ilvl`).
    pub pending_num: Option<(u32, u32)>,
    /// The note mark the next paragraph opens with.
    pub lead: Option<notes::Lead>,
    /// Whether runs are being written inside a hyperlink.
    pub in_link: bool,
    /// Bookmark names used.
    bookmarks: HashSet<String>,
    /// The next bookmark id.
    pub next_bookmark: u32,
    /// Characters XML forbids, removed from the note parts.
    pub removed: usize,
    /// What had to be reported.
    pub tally: Tally,
    /// The document's media, by key.
    pub media: &'a BTreeMap<String, Media>,
    /// The image parts and their relationships.
    pub images: drawing::Images<'a>,
    /// The tables and figures cross-references can link to, by id.
    pub targets: HashMap<String, caption::Target>,
    /// The caption bookmarks written.
    pub anchored: HashSet<String>,
    /// How the captions of each kind are numbered.
    pub seq: caption::Seq,
    /// The width an image in the line may take, in twips (a table cell's, or the text's).
    pub measure: u32,
}

impl<'a> Ctx<'a> {
    fn new(foot_marks: notes::Marks, end_marks: notes::Marks, doc: &'a Document) -> Self {
        Ctx {
            part: Part::Document,
            links: Default::default(),
            footnotes: Vec::new(),
            endnotes: Vec::new(),
            foot_marks,
            end_marks,
            lists: numbering::Lists::default(),
            pending_num: None,
            lead: None,
            in_link: false,
            bookmarks: HashSet::new(),
            next_bookmark: 0,
            removed: 0,
            tally: Tally::default(),
            media: &doc.media,
            images: drawing::Images::default(),
            targets: caption::targets(doc),
            anchored: HashSet::new(),
            seq: caption::Seq::default(),
            measure: drawing::TEXT_WIDTH,
        }
    }

    /// Adds a hyperlink relationship to the part being written; returns its id.
    pub fn link_rel(&mut self, url: &str) -> String {
        let rels = &mut self.links[self.part as usize];
        let target = inline::uri(url);
        if let Some(r) = rels.iter().find(|r| r.target == target) {
            return r.id.clone();
        }
        let id = format!("rIdLink{}", rels.len() + 1);
        rels.push(Rel { id: id.clone(), kind: kinds::HYPERLINK, target, external: true });
        id
    }

    /// A unique bookmark name for printed page `n`: `page_` and the number, characters
    /// Word refuses in names (anything but letters, digits and `_`) as `_`, at most 40
    /// characters, `_2`, `_3` … for a repeated one. A changed name is counted.
    pub fn bookmark_name(&mut self, n: &str) -> String {
        let clean: String =
            n.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
        let mut base = format!("page_{clean}");
        base.truncate(36);
        let mut name = base.clone();
        let mut k = 2;
        while self.bookmarks.contains(&name) {
            name = format!("{base}_{k}");
            k += 1;
        }
        if name != format!("page_{n}") {
            self.tally.renamed_pages.push(n.to_string());
        }
        self.bookmarks.insert(name.clone());
        name
    }
}

/// Writes `doc` as a DOCX; returns the bytes and what had to be reported.
pub fn write(doc: &Document, opts: &Options) -> (Vec<u8>, Vec<Diagnostic>) {
    let order = body::inline_order(doc);
    let (foot, end) = notes::labels(&order);
    let mut ctx = Ctx::new(
        notes::marks(foot.iter().map(String::as_str)),
        notes::marks(end.iter().map(String::as_str)),
        doc,
    );

    let mut x = xml::Xml::new();
    x.raw(xml::DECL);
    x.open(
        "w:document",
        &[
            ("xmlns:w", W_NS),
            ("xmlns:r", R_NS),
            ("xmlns:wp", drawing::WP_NS),
            ("xmlns:a", drawing::A_NS),
            ("xmlns:pic", drawing::PIC_NS),
        ],
    );
    x.open("w:body", &[]);
    body::document(&mut ctx, &mut x, doc);
    x.raw(
        "<w:sectPr><w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr><w:endnotePr><w:numFmt w:val=\"decimal\"/></w:endnotePr>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>",
    );
    ctx.removed += x.removed;
    let document = x.finish();

    let word_lang = doc.meta.lang.as_ref().map(lang::word_lang);
    let mut parts: Vec<(String, String)> = vec![
        ("word/document.xml".into(), document),
        ("word/styles.xml".into(), styles::xml(word_lang.as_ref())),
        ("word/settings.xml".into(), package::settings()),
        ("word/footnotes.xml".into(), notes::part(NoteKind::Foot, &ctx.footnotes)),
        ("word/endnotes.xml".into(), notes::part(NoteKind::End, &ctx.endnotes)),
    ];
    let mut doc_rels = vec![
        Rel { id: "rId1".into(), kind: kinds::STYLES, target: "styles.xml".into(), external: false },
        Rel { id: "rId2".into(), kind: kinds::SETTINGS, target: "settings.xml".into(), external: false },
        Rel { id: "rId3".into(), kind: kinds::FOOTNOTES, target: "footnotes.xml".into(), external: false },
        Rel { id: "rId4".into(), kind: kinds::ENDNOTES, target: "endnotes.xml".into(), external: false },
    ];
    if !ctx.lists.is_empty() {
        parts.push(("word/numbering.xml".into(), ctx.lists.xml()));
        doc_rels.push(Rel {
            id: "rId5".into(),
            kind: kinds::NUMBERING,
            target: "numbering.xml".into(),
            external: false,
        });
    }
    let [mut doc_links, mut foot_links, mut end_links] = std::mem::take(&mut ctx.links);
    let [doc_images, foot_images, end_images] = std::mem::take(&mut ctx.images.rels);
    doc_links.extend(doc_images);
    foot_links.extend(foot_images);
    end_links.extend(end_images);
    doc_rels.extend(doc_links);
    parts.push(("word/_rels/document.xml.rels".into(), package::rels(&doc_rels)));
    for (name, links) in [("footnotes", foot_links), ("endnotes", end_links)] {
        if !links.is_empty() {
            parts.push((format!("word/_rels/{name}.xml.rels"), package::rels(&links)));
        }
    }
    let mut pkg_rels = vec![
        Rel {
            id: "rId1".into(),
            kind: kinds::OFFICE_DOCUMENT,
            target: "word/document.xml".into(),
            external: false,
        },
        Rel { id: "rId2".into(), kind: kinds::CORE, target: "docProps/core.xml".into(), external: false },
        Rel { id: "rId3".into(), kind: kinds::APP, target: "docProps/app.xml".into(), external: false },
    ];
    parts.push(("docProps/core.xml".into(), props::core(doc)));
    parts.push(("docProps/app.xml".into(), props::app()));
    if let Some(custom) = props::custom(&doc.meta) {
        parts.push(("docProps/custom.xml".into(), custom));
        pkg_rels.push(Rel {
            id: "rId4".into(),
            kind: kinds::CUSTOM,
            target: "docProps/custom.xml".into(),
            external: false,
        });
    }
    parts.push(("_rels/.rels".into(), package::rels(&pkg_rels)));
    let types: Vec<(String, &str)> =
        parts.iter().filter_map(|(p, _)| package::content_type(p).map(|ct| (format!("/{p}"), ct))).collect();
    let types: Vec<(&str, &str)> = types.iter().map(|(p, ct)| (p.as_str(), *ct)).collect();
    let extensions = ctx.images.extensions();
    parts.insert(0, ("[Content_Types].xml".into(), package::content_types(&types, &extensions)));

    let media: Vec<(String, &[u8])> =
        ctx.images.stored.iter().map(|s| (format!("word/{}", s.path), s.bytes.as_ref())).collect();
    let bytes = package::zip(&parts, &media, opts.when.as_deref());
    (bytes, diagnostics(&ctx, doc))
}

/// One diagnostic per kind of thing the DOCX could not hold.
fn diagnostics(ctx: &Ctx, doc: &Document) -> Vec<Diagnostic> {
    let t = &ctx.tally;
    let mut d = Vec::new();
    for tex in &t.math {
        d.push(Diagnostic::warning(
            "docx-math-as-tex",
            0,
            format!("the formula `{tex}` is written as its TeX between dollars (the DOCX writer does not write Word equations)"),
        ));
    }
    let mut warn = |code: &'static str, n: usize, msg: String| {
        if n > 0 {
            d.push(Diagnostic::warning(code, 0, msg));
        }
    };
    warn(
        "xml-forbidden-char",
        ctx.removed,
        format!(
            "{} that XML 1.0 forbids (control characters) {} removed from the DOCX",
            plural(ctx.removed, "character"),
            was_were(ctx.removed)
        ),
    );
    warn(
        "docx-nested-note",
        t.nested_notes,
        format!(
            "{} called inside other notes {} written in brackets at their calls (Word cannot nest notes)",
            plural(t.nested_notes, "note"),
            is_are(t.nested_notes)
        ),
    );
    warn(
        "docx-note-position-inferred",
        t.inferred,
        format!(
            "{} where {} calls were inferred; the DOCX does not mark the position as uncertain",
            plural(t.inferred, "note") + if t.inferred == 1 { " stands" } else { " stand" },
            if t.inferred == 1 { "its" } else { "their" }
        ),
    );
    warn(
        "docx-heading-level",
        t.heading_levels,
        format!(
            "{} below level 6 (or at level 0) {} written at the nearest of Word's six levels",
            plural(t.heading_levels, "heading"),
            is_are(t.heading_levels)
        ),
    );
    warn(
        "docx-table-flattened",
        t.flattened,
        format!("{} whose cells do not fit the columns (a span past the last row or column) {} written as plain paragraphs, cells separated by ` | `", plural(t.flattened, "table"), is_are(t.flattened)),
    );
    let missing = &ctx.images.missing;
    warn(
        "docx-image-as-text",
        missing.len(),
        format!(
            "{} no bytes to embed (missing, damaged or refused when read; first: `{}`) and {} written as the file name in brackets",
            plural(missing.len(), "image") + if missing.len() == 1 { " has" } else { " have" },
            missing.first().map_or("", String::as_str),
            is_are(missing.len())
        ),
    );
    warn(
        "docx-ref-dangling",
        t.dangling_refs.len(),
        format!(
            "{} no table or figure (first: `{}`) and {} written as text, unlinked",
            plural(t.dangling_refs.len(), "cross-reference")
                + if t.dangling_refs.len() == 1 { " names" } else { " name" },
            t.dangling_refs.first().map_or("", String::as_str),
            is_are(t.dangling_refs.len())
        ),
    );
    let mut info = |code: &'static str, n: usize, msg: String| {
        if n > 0 {
            d.push(Diagnostic::info(code, 0, msg));
        }
    };
    info(
        "docx-link-as-text",
        t.unlinked,
        format!(
            "{} inside other links, or without an address, {} written as text",
            plural(t.unlinked, "link"),
            is_are(t.unlinked)
        ),
    );
    info(
        "docx-names-as-text",
        t.names,
        format!(
            "{} written as text; their kinds and {} not kept",
            plural(t.names, "name") + " " + is_are(t.names),
            plural(t.name_refs, "authority reference") + " " + is_are(t.name_refs)
        ),
    );
    info(
        "docx-dates-as-text",
        t.dates,
        format!(
            "{} written as text; {} not kept",
            plural(t.dates, "date") + " " + is_are(t.dates),
            plural(t.date_values, "normalised value") + " " + is_are(t.date_values)
        ),
    );
    info(
        "docx-citations-as-text",
        t.citations,
        format!(
            "{} written as text; the keys are not kept",
            plural(t.citations, "citation") + " " + is_are(t.citations)
        ),
    );
    info(
        "docx-choice-shown",
        t.choices,
        format!(
            "{} written as the reading shown; the other reading is not kept",
            plural(t.choices, "editorial choice") + " " + is_are(t.choices)
        ),
    );
    info(
        "docx-shelfmarks-as-text",
        t.shelfmarks,
        format!(
            "{} written as printed text; the parsed parts are not kept (enrichment finds them again)",
            plural(t.shelfmarks, "shelfmark") + " " + is_are(t.shelfmarks)
        ),
    );
    info(
        "docx-page-bookmark",
        t.renamed_pages.len(),
        format!(
            "{} not {} as {} (first: `{}`); the bookmarks are named with `_` for other characters or with a count",
            plural(t.renamed_pages.len(), "printed page number") + " " + is_are(t.renamed_pages.len()),
            if t.renamed_pages.len() == 1 { "a bookmark name" } else { "bookmark names" },
            if t.renamed_pages.len() == 1 { "it stands" } else { "they stand" },
            t.renamed_pages.first().map_or("", String::as_str)
        ),
    );
    info(
        "docx-epigraph-as-quote",
        t.epigraphs,
        format!(
            "{} written as quotations (Quote style)",
            plural(t.epigraphs, "epigraph") + " " + is_are(t.epigraphs)
        ),
    );
    info(
        "docx-embedded-kind",
        t.embedded_kinds,
        format!(
            "{} written indented; the kinds (letter, telegram) are not kept",
            plural(t.embedded_kinds, "embedded text") + " " + is_are(t.embedded_kinds)
        ),
    );
    info(
        "docx-front-kind",
        t.front_parts,
        format!(
            "{} written as blocks before the body; the kinds are not kept",
            plural(t.front_parts, "front-matter division") + " " + is_are(t.front_parts)
        ),
    );
    let converted = &ctx.images.converted;
    info(
        "docx-webp-as-png",
        converted.len(),
        format!(
            "{} (first: `{}`) {} embedded as PNG: Word before Microsoft 365 shows no WebP",
            plural(converted.len(), "WebP image"),
            converted.first().map_or("", String::as_str),
            is_are(converted.len())
        ),
    );
    info(
        "docx-row-headers",
        t.row_headers,
        format!(
            "{} written as plain cells: Word marks row headers only as a whole first column",
            plural(t.row_headers, "row-header cell") + " " + is_are(t.row_headers)
        ),
    );
    info(
        "docx-code-syntax",
        t.code_syntax,
        format!(
            "{} a notation, which the DOCX does not keep",
            plural(t.code_syntax, "code block") + if t.code_syntax == 1 { " names" } else { " name" }
        ),
    );
    info(
        "docx-archives-not-listed",
        doc.back.archives.len(),
        format!(
            "{} named by shelfmarks {} not listed in the DOCX (TEI lists them; enrichment finds them again)",
            plural(doc.back.archives.len(), "archive"),
            is_are(doc.back.archives.len())
        ),
    );
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Inline, Numbering};
    use std::io::Read;

    fn document_xml(doc: &Document) -> String {
        let (bytes, _) = write(doc, &Options::default());
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name("word/document.xml").unwrap().read_to_string(&mut s).unwrap();
        s
    }

    fn p(s: &str) -> Block {
        Block::paragraph(vec![Inline::text(s)])
    }

    #[test]
    fn bookmark_names_are_word_names_unique_and_reported_when_changed() {
        let doc = Document::default();
        let mut ctx = Ctx::new(notes::Marks::Auto, notes::Marks::Auto, &doc);
        assert_eq!(ctx.bookmark_name("47"), "page_47");
        assert_eq!(ctx.bookmark_name("47"), "page_47_2");
        assert_eq!(ctx.bookmark_name("xii–a"), "page_xii_a");
        assert_eq!(ctx.bookmark_name(&"9".repeat(60)).len(), 36);
        assert_eq!(ctx.tally.renamed_pages.len(), 3);
    }

    #[test]
    fn a_link_target_is_one_relationship_per_part() {
        let doc = Document::default();
        let mut ctx = Ctx::new(notes::Marks::Auto, notes::Marks::Auto, &doc);
        assert_eq!(ctx.link_rel("https://a.org"), "rIdLink1");
        assert_eq!(ctx.link_rel("https://a.org"), "rIdLink1");
        ctx.part = Part::Footnotes;
        assert_eq!(ctx.link_rel("https://a.org"), "rIdLink1");
        assert_eq!(ctx.link_rel("https://b.org"), "rIdLink2");
        assert_eq!(ctx.links[0].len(), 1);
        assert_eq!(ctx.links[1].len(), 2);
    }

    #[test]
    fn list_items_are_numbered_and_an_item_opening_with_a_list_gets_its_number() {
        let mut doc = Document::new();
        let inner = Block::List { numbering: None, items: vec![vec![p("deep")]] };
        doc.body.push(Block::List {
            numbering: Some(Numbering::decimal(3)),
            items: vec![vec![p("c"), p("more of c")], vec![inner]],
        });
        let x = document_xml(&doc);
        let numbered: Vec<&str> = x.split("<w:numPr>").skip(1).map(|s| &s[..40]).collect();
        assert_eq!(numbered.len(), 3, "{x}");
        assert!(numbered[0].starts_with("<w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"));
        assert!(numbered[1].starts_with("<w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"));
        assert!(numbered[2].starts_with("<w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/>"));
        // The item's second paragraph is indented under it, without a number.
        assert!(x.contains("<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:ind w:left=\"720\"/></w:pPr><w:r><w:t xml:space=\"preserve\">more of c"), "{x}");
    }

    #[test]
    fn quotations_code_and_section_breaks_have_their_styles() {
        let mut doc = Document::new();
        doc.body.push(Block::Quote {
            blocks: vec![p("quoted")],
            source: Some(vec![Inline::text("Telegram")]),
            lang: None,
            epigraph: true,
        });
        doc.body.push(Block::CodeBlock { text: "a  b\nc".into(), syntax: Some("xml".into()) });
        doc.body.push(Block::SectionBreak);
        let x = document_xml(&doc);
        assert!(x.contains("<w:pStyle w:val=\"Quote\"/></w:pPr><w:r><w:t xml:space=\"preserve\">quoted"));
        assert!(x.contains("<w:pStyle w:val=\"Quote\"/><w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:r><w:t xml:space=\"preserve\">Telegram"));
        assert!(x.contains("<w:pStyle w:val=\"SourceCode\"/></w:pPr><w:r><w:t xml:space=\"preserve\">a  b</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t></w:r>"));
        assert!(
            x.contains("<w:pStyle w:val=\"SectionBreak\"/></w:pPr><w:r><w:t xml:space=\"preserve\">* * *")
        );
        let (_, diags) = write(&doc, &Options::default());
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["docx-epigraph-as-quote", "docx-code-syntax"]);
    }
}
