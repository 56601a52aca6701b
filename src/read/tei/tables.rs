//! Tables and figures (TEI Guidelines §14.1 "Tables", §14.4 "Specific Elements for Graphic
//! Images"): `<table>` with its `<head>`, `<row>`s and `<cell>`s (spans, label rows and
//! cells), `<figure>` with its `<head>`, `<figDesc>` and `<graphic>`s, a `<graphic>` inside a
//! phrase as an inline image, and `<ref>`/`<ptr>` to a table's or figure's `xml:id` as a
//! cross-reference.
//!
//! The printed label (`Table 1`, `Таблица 3`, `Fig. 2`) is the `<label>` opening the
//! `<head>` (colophon's own TEI), else a label word and a number at the head's start, else
//! the head's or the table's `@n`.
//!
//! The source line under a table or figure has no element of its own in TEI. Real encodings
//! differ: GROBID's TEI (the most common producer of TEI tables from articles) puts what
//! follows a table in a `<note>` of its `<figure type="table">`; the Guidelines' figures hold
//! a credit as a `<bibl>` or a `<p>`; DTA-style editions print it as a `<trailer>`. colophon
//! reads `<note type="source">` (or `type="credit"`), `<trailer>` and, in a figure, `<bibl>`
//! as the source line, and writes `<note type="source">`: a note may stand after the rows of
//! a table and anywhere in a figure (`model.global`), its type says what it is, and one
//! form serves both. Any other `<note>` standing in a table or figure (outside the cells)
//! is read as a note of the caption.
//!
//! Images are loaded beside the TEI file ([`crate::read::media::load`]); one that cannot be
//! kept is reported at its `<graphic>` with the loader's code, and the figure keeps it as
//! `media: None` with its `src`. Rows that do not fill the table's columns are padded with
//! empty cells and reported; the table is as wide as its widest row.

use super::{push_inline, push_inline_text, trim_inlines, El, Node, Reader, SILENT};
use crate::diag::Diagnostic;
use crate::model::{Align, Block, Cell, Column, Extent, Figure, Image, Inline, Row, Table};

/// The most rows or columns one cell is taken to span (a span is clamped to it, and to the
/// rows left): real tables span a few; a wild value must not make a table of millions of
/// empty cells.
const MAX_SPAN: u32 = 1000;

/// Words that open a printed label of a table or a figure, compared without regard to case.
/// Abbreviations keep their full stop.
const LABEL_WORDS: &[&str] = &[
    "table",
    "tab.",
    "tabelle",
    "tableau",
    "tabla",
    "tabela",
    "tablo",
    "cədvəl",
    "таблица",
    "табл.",
    "figure",
    "fig.",
    "figur",
    "abbildung",
    "abb.",
    "рисунок",
    "рис.",
    "схема",
    "map",
    "karte",
    "carte",
    "harita",
    "xəritə",
    "карта",
    "şekil",
    "şəkil",
    "plate",
    "chart",
    "diagram",
    "illustration",
    "photo",
    "фото",
];

/// Splits a printed label (`Table 1`, `Таблица 3`, `Fig. IV`) off the start of a caption:
/// the label and the caption after it, the separator (`.`, `:`, a dash) left out. `None`
/// when the caption does not open with one.
pub(super) fn split_label(content: &[Inline]) -> Option<(String, Vec<Inline>)> {
    let Some(Inline::Text { text }) = content.first() else { return None };
    let lower = text.to_lowercase();
    // Lower-casing may change byte lengths (`İ`); then no label is split.
    if lower.len() != text.len() {
        return None;
    }
    let word = LABEL_WORDS.iter().find(|w| lower.starts_with(*w))?;
    let mut rest = &text[word.len()..];
    let spaced = rest.starts_with(char::is_whitespace);
    if !spaced && !word.ends_with('.') {
        return None;
    }
    rest = rest.trim_start();
    let number = number_len(rest);
    if number == 0 {
        return None;
    }
    let after = &rest[number..];
    if !(after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || ".:;,—–-)".contains(c))) {
        return None;
    }
    let label_end = text.len() - after.len();
    let label = text[..label_end].split_whitespace().collect::<Vec<_>>().join(" ");
    let caption_start = after.trim_start();
    let caption_start = caption_start.strip_prefix(['.', ':', '—', '–', '-']).unwrap_or(caption_start);
    let mut caption = Vec::new();
    push_inline_text(&mut caption, caption_start.trim_start());
    content[1..].iter().cloned().for_each(|i| push_inline(&mut caption, i));
    Some((label, trim_inlines(caption)))
}

/// The length in bytes of the number opening `s`: `12`, `3.1`, `2a`, `IV`, `xii`; 0 when none.
fn number_len(s: &str) -> usize {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let mut end = digits;
        // `3.1`, `3-2`: a further group of digits after a point or a hyphen.
        while let [sep, d, ..] = s.as_bytes()[end..] {
            if (sep == b'.' || sep == b'-') && d.is_ascii_digit() {
                end += 1 + s[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
            } else {
                break;
            }
        }
        // `2a`: one letter after the digits, not the start of a word.
        let b = s.as_bytes();
        if end < b.len()
            && b[end].is_ascii_lowercase()
            && b.get(end + 1).is_none_or(|c| !c.is_ascii_alphabetic())
        {
            end += 1;
        }
        return end;
    }
    let upper = s.bytes().take_while(|b| b"IVXLCDM".contains(b)).count();
    let lower = s.bytes().take_while(|b| b"ivxlcdm".contains(b)).count();
    upper.max(lower)
}

/// Whether `c`, inside a table (or a figure, with `figure`), is its source line.
fn is_source(c: &El, figure: bool) -> bool {
    match c.name.as_str() {
        "note" => matches!(c.attr("type"), Some("source" | "credit")),
        "trailer" => true,
        "bibl" => figure,
        _ => false,
    }
}

/// The alignment a cell asks for: CSS `text-align` in `@style`, or `@rend` (`right`,
/// `align(center)`).
fn align_of(c: &El) -> Option<Align> {
    let from = |v: &str| match v.trim().trim_end_matches(';').trim() {
        "left" | "start" => Some(Align::Left),
        "right" | "end" => Some(Align::Right),
        "center" | "centre" => Some(Align::Center),
        _ => None,
    };
    if let Some(style) = c.attr("style") {
        for decl in style.split(';') {
            if let Some((k, v)) = decl.split_once(':') {
                if k.trim() == "text-align" {
                    return from(v);
                }
            }
        }
    }
    let rend = c.attr("rend")?;
    rend.split_whitespace()
        .find_map(|r| from(r.strip_prefix("align(").and_then(|r| r.strip_suffix(')')).unwrap_or(r)))
}

/// `a`, a space, `b` (either may be empty).
fn joined(mut a: Vec<Inline>, b: Vec<Inline>) -> Vec<Inline> {
    if b.is_empty() {
        return a;
    }
    if !a.is_empty() {
        push_inline_text(&mut a, " ");
    }
    b.into_iter().for_each(|i| push_inline(&mut a, i));
    a
}

/// A row read, before the table is made even.
struct ReadRow<'e> {
    el: &'e El,
    row: Row,
    /// A label row at the top: a header row.
    head: bool,
    /// colophon's footer row (`rend="foot"`).
    foot: bool,
}

impl Reader<'_> {
    /// The identifiers of the tables and figures under `el`, for cross-references.
    pub(super) fn collect_xrefs(&mut self, el: &El) {
        for c in el.children() {
            if matches!(c.name.as_str(), "table" | "figure") {
                if let Some(id) = c.attr("xml:id") {
                    self.xrefs.insert(id.to_string());
                }
            }
            self.collect_xrefs(c);
        }
    }

    /// The table or figure a `<ref>` or `<ptr>` points at (`#tbl1`), when it points at one.
    pub(super) fn xref_target(&self, c: &El) -> Option<String> {
        let t = c.attr("target")?.trim();
        let id = t.strip_prefix('#')?;
        (!id.contains(char::is_whitespace) && self.xrefs.contains(id)).then(|| id.to_string())
    }

    /// A line of text (a head, a source line) from an element that may hold paragraphs: its
    /// paragraphs joined by spaces.
    fn line(&mut self, el: &El, notes: &mut usize) -> Vec<Inline> {
        if super::blocks::holds_blocks(el) {
            let blocks = self.flow(el, None, notes);
            let mut out = Vec::new();
            for b in blocks.iter().flat_map(Block::leaves) {
                out = joined(out, b.content().to_vec());
            }
            out
        } else {
            trim_inlines(self.inlines(el, notes))
        }
    }

    /// A `<head>` of a table or figure: its printed label and the caption after it. A second
    /// head is joined to the caption.
    fn caption(
        &mut self,
        head: &El,
        notes: &mut usize,
        label: &mut Option<String>,
        caption: &mut Vec<Inline>,
    ) {
        let first = head.kids.iter().position(|k| !matches!(k, Node::Text(t) if t.trim().is_empty()));
        let (found, content) = match first.map(|i| (i, &head.kids[i])) {
            // `<head><label>Table 1</label>. Population</head>`
            Some((i, Node::El(l))) if l.name == "label" => {
                let rest = El { kids: head.kids[i + 1..].to_vec(), ..head.clone() };
                let mut content = trim_inlines(self.inlines(&rest, notes));
                if let Some(Inline::Text { text }) = content.first_mut() {
                    let t = text.strip_prefix(['.', ':', '—', '–', '-']).unwrap_or(text).trim_start();
                    *text = t.to_string();
                }
                (Some(l.text()).filter(|l| !l.is_empty()), trim_inlines(content))
            }
            _ => {
                let content = self.line(head, notes);
                match split_label(&content) {
                    Some((l, rest)) => (Some(l), rest),
                    None => (None, content),
                }
            }
        };
        let found =
            found.or_else(|| head.attr("n").map(str::trim).filter(|n| !n.is_empty()).map(str::to_string));
        if label.is_none() && caption.is_empty() {
            *label = found;
            *caption = content;
        } else {
            self.info_at(
                "tei-second-head",
                head,
                "a second <head> of a table or figure is joined to its caption".into(),
            );
            let mut more = found.map(|l| vec![Inline::text(l)]).unwrap_or_default();
            more = joined(more, content);
            *caption = joined(std::mem::take(caption), more);
        }
    }

    /// A `<note>` standing in a table or figure outside its cells: a note of the caption.
    fn caption_note(&mut self, c: &El, notes: &mut usize, caption: &mut Vec<Inline>) {
        *notes += 1;
        let n = self.note(c, notes);
        caption.push(Inline::Note(n));
        self.tell(
            "tei-note-in-caption",
            c,
            "a <note> in a table or figure outside its cells is kept as a note of its caption, here and elsewhere in this document".into(),
        );
    }

    /// A `<table>` into `out`: a table, or (with no rows) its head and source line as
    /// paragraphs, reported.
    pub(super) fn table(&mut self, el: &El, notes: &mut usize, out: &mut Vec<Block>) {
        let mut t = Table { id: el.attr("xml:id").map(str::to_string), lang: el.lang(), ..Table::default() };
        let mut row_els = Vec::new();
        let mut source: Option<Vec<Inline>> = None;
        for c in el.children() {
            match c.name.as_str() {
                "head" => self.caption(c, notes, &mut t.label, &mut t.caption),
                "row" => row_els.push(c),
                _ if is_source(c, false) => {
                    let line = self.line(c, notes);
                    source = Some(joined(source.unwrap_or_default(), line));
                }
                "note" => self.caption_note(c, notes, &mut t.caption),
                name if name == "lb" || SILENT.contains(&name) => {}
                _ => {
                    self.unsupported(c);
                    let line = self.line(c, notes);
                    source = Some(joined(source.unwrap_or_default(), line));
                }
            }
        }
        if t.label.is_none() {
            t.label = el.attr("n").map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
        }
        t.source = source.filter(|s| !s.is_empty());
        if row_els.is_empty() {
            self.warn_at(
                "tei-table-empty",
                el,
                "a <table> without rows is kept as paragraphs (its head and source line)".into(),
            );
            let mut head = Vec::new();
            if let Some(l) = t.label.take() {
                push_inline_text(&mut head, &if t.caption.is_empty() { l } else { format!("{l}.") });
            }
            head = joined(head, t.caption);
            out.extend(
                [head, t.source.unwrap_or_default()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .map(Block::paragraph),
            );
            return;
        }
        let rows = self.rows(&row_els, notes);
        self.even(&mut t, rows);
        out.push(Block::Table(Box::new(t)));
    }

    /// The rows of a table, each with its cells and its part.
    fn rows<'e>(&mut self, row_els: &[&'e El], notes: &mut usize) -> Vec<ReadRow<'e>> {
        let mut at_top = true;
        let mut out = Vec::new();
        for r in row_els {
            let label_row = r.attr("role") == Some("label");
            let head = label_row && at_top;
            at_top &= head;
            let mut row = Row::default();
            for c in r.children() {
                if c.name != "cell" {
                    if c.name == "lb" || SILENT.contains(&c.name.as_str()) {
                        continue;
                    }
                    // Not TEI, but its text is kept: as a cell of its own.
                    self.unsupported(c);
                }
                let mut cell = Cell::new(self.flow(c, None, notes));
                cell.rows = self.span(c, "rows");
                cell.cols = self.span(c, "cols");
                cell.align = align_of(c);
                cell.header = !head && (label_row || c.attr("role") == Some("label"));
                row.cells.push(cell);
            }
            out.push(ReadRow { el: r, row, head, foot: r.attr("rend") == Some("foot") });
        }
        out
    }

    /// A cell's `@rows` or `@cols`: 1 when absent; a value that is not a positive count is
    /// reported and read as 1, a huge one clamped.
    fn span(&mut self, c: &El, attr: &str) -> u32 {
        let Some(v) = c.attr(attr) else { return 1 };
        match v.trim().parse::<u64>() {
            Ok(n) if n >= 1 => n.min(u64::from(MAX_SPAN)) as u32,
            _ => {
                self.warn_at(
                    "tei-cell-span",
                    c,
                    format!("<cell {attr}=\"{v}\"> is not a count of {attr} from 1; the cell spans one"),
                );
                1
            }
        }
    }

    /// Makes the table even: spans clamped to the rows left, every row filled to the width
    /// of the widest (padded rows reported), and a column's alignment taken from its cells
    /// when they all agree.
    fn even(&mut self, t: &mut Table, mut rows: Vec<ReadRow<'_>>) {
        let n = rows.len();
        for (i, r) in rows.iter_mut().enumerate() {
            let left = (n - i) as u32;
            if r.row.cells.iter().any(|c| c.rows > left) {
                self.warn_at(
                    "tei-cell-span",
                    r.el,
                    format!("a cell of this row spans more rows than the table has left ({left}); it spans to the last row"),
                );
                r.row.cells.iter_mut().for_each(|c| c.rows = c.rows.min(left));
            }
        }
        // How many columns each row covers (its cells and the spans from rows above).
        let occupied = |rows: &[ReadRow<'_>]| -> Vec<usize> {
            let mut covered: Vec<u32> = Vec::new();
            let mut out = Vec::with_capacity(rows.len());
            for r in rows {
                let mut col = 0;
                for cell in &r.row.cells {
                    while covered.get(col).is_some_and(|&c| c > 0) {
                        col += 1;
                    }
                    let span = cell.cols as usize;
                    if covered.len() < col + span {
                        covered.resize(col + span, 0);
                    }
                    covered[col..col + span].iter_mut().for_each(|c| *c = cell.rows);
                    col += span;
                }
                out.push(covered.iter().rposition(|&c| c > 0).map_or(0, |p| p + 1));
                covered.iter_mut().for_each(|c| *c = c.saturating_sub(1));
            }
            out
        };
        let width = occupied(&rows).into_iter().max().unwrap_or(0).max(1);
        // Pad: cells of one row and one column fill the first free columns, in order.
        let mut covered = vec![0u32; width];
        for (i, r) in rows.iter_mut().enumerate() {
            let mut col = 0;
            for cell in &r.row.cells {
                while col < width && covered[col] > 0 {
                    col += 1;
                }
                let end = (col + cell.cols as usize).min(width);
                covered[col..end].iter_mut().for_each(|c| *c = cell.rows);
                col = end;
            }
            let missing = covered.iter().filter(|&&c| c == 0).count();
            if missing > 0 {
                let (l, c) = self.index.position(self.text, r.el.pos);
                self.diags.push(
                    Diagnostic::warning(
                        "tei-table-ragged",
                        l,
                        format!(
                            "row {} of the table fills {} of its {width} columns; {missing} empty cells are added at its end",
                            i + 1,
                            width - missing
                        ),
                    )
                    .at_col(c),
                );
                for _ in 0..missing {
                    r.row.cells.push(Cell::new(Vec::new()));
                }
                covered.iter_mut().filter(|c| **c == 0).for_each(|c| *c = 1);
            }
            covered.iter_mut().for_each(|c| *c = c.saturating_sub(1));
        }
        t.columns = vec![Column::default(); width];
        // Footer rows: colophon's `rend="foot"` rows at the end of the table.
        let foot_from = rows.iter().rposition(|r| !r.foot).map_or(0, |p| p + 1);
        for (i, r) in rows.into_iter().enumerate() {
            if r.head {
                t.head.push(r.row);
            } else if i >= foot_from {
                t.foot.push(r.row);
            } else {
                t.body.push(r.row);
            }
        }
        column_aligns(t);
    }

    /// A `<figure>` into `out`: a figure, or the table it frames (GROBID's
    /// `<figure type="table">`), with tables standing in it after it.
    pub(super) fn figure(&mut self, el: &El, notes: &mut usize, out: &mut Vec<Block>) {
        let mut f = Figure { id: el.attr("xml:id").map(str::to_string), ..Figure::default() };
        let mut tables = Vec::new();
        self.figure_parts(el, notes, &mut f, &mut tables);
        if f.label.is_none() {
            f.label = el.attr("n").map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
        }
        // A figure framing one table and no image is that table, with the figure's head.
        if f.images.is_empty() && tables.len() == 1 {
            if let Block::Table(t) = &mut tables[0] {
                t.id = t.id.take().or(f.id.take());
                if t.label.is_none() && t.caption.is_empty() {
                    t.label = f.label.take();
                    t.caption = std::mem::take(&mut f.caption);
                }
                if t.source.is_none() {
                    t.source = f.source.take();
                }
                if f.label.is_none() && f.caption.is_empty() && f.source.is_none() && f.alt.is_none() {
                    out.append(&mut tables);
                    return;
                }
            }
        }
        out.push(Block::Figure(Box::new(f)));
        out.append(&mut tables);
    }

    /// The parts of a figure, a nested figure's joined to its own (reported).
    fn figure_parts(&mut self, el: &El, notes: &mut usize, f: &mut Figure, tables: &mut Vec<Block>) {
        for c in el.children() {
            match c.name.as_str() {
                "head" => self.caption(c, notes, &mut f.label, &mut f.caption),
                "figDesc" => {
                    let d = c.text();
                    if !d.is_empty() {
                        f.alt = Some(match f.alt.take() {
                            Some(a) => format!("{a} {d}"),
                            None => d,
                        });
                    }
                }
                "graphic" => {
                    let image = self.image(c);
                    f.images.push(image);
                }
                "figure" => {
                    self.warn_at(
                        "tei-figure-nested",
                        c,
                        "a <figure> inside a figure is joined to it: its images, head and description are the outer figure's".into(),
                    );
                    self.figure_parts(c, notes, f, tables);
                }
                "table" => self.table(c, notes, tables),
                _ if is_source(c, true) => {
                    let line = self.line(c, notes);
                    f.source = Some(joined(f.source.take().unwrap_or_default(), line));
                }
                "note" => self.caption_note(c, notes, &mut f.caption),
                "p" | "ab" => {
                    self.tell(
                        "tei-figure-text",
                        c,
                        "the text of a <p> inside a <figure> is kept in its caption, here and elsewhere in this document".into(),
                    );
                    let line = self.line(c, notes);
                    f.caption = joined(std::mem::take(&mut f.caption), line);
                }
                name if name == "lb" || SILENT.contains(&name) => {}
                _ => {
                    self.unsupported(c);
                    let line = self.line(c, notes);
                    f.caption = joined(std::mem::take(&mut f.caption), line);
                }
            }
        }
    }

    /// A `<graphic>` as an image: loaded beside the TEI file and kept in the document's
    /// media, or reported with the loader's code and kept as its `src` alone.
    pub(super) fn image(&mut self, g: &El) -> Image {
        let src = g.attr("url").unwrap_or("").trim().to_string();
        let mut image = Image { src: src.clone(), media: None, width: None };
        if src.is_empty() {
            self.warn_at("image-missing", g, "a <graphic> without @url shows no image".into());
            return image;
        }
        let natural = match crate::read::media::load(&self.base, &src) {
            Ok(checked) => {
                if let Some(m) = checked.misnamed {
                    self.warn_at(crate::read::media::MISNAMED, g, format!("{src}: {m}"));
                }
                let size = (checked.media.width, checked.media.height);
                image.media = Some(self.media.add_media(&src, checked.media));
                Some(size)
            }
            Err(e) => {
                self.warn_at(e.code(), g, format!("{src}: {e}; the figure is kept without it"));
                None
            }
        };
        image.width = self.extent(g, natural);
        image
    }

    /// The width a `<graphic>` asks for; `None` when it gives none, or gives the image's own
    /// size in pixels (which colophon writes for every image it knows).
    fn extent(&mut self, g: &El, natural: Option<(u32, u32)>) -> Option<Extent> {
        let w = g.attr("width")?.trim();
        if let Some((nw, nh)) = natural {
            let same_height = g.attr("height").is_none_or(|h| h.trim() == format!("{nh}px"));
            if w == format!("{nw}px") && same_height {
                return None;
            }
        }
        let e = Extent::parse(w);
        if e.is_none() {
            self.info_at(
                "tei-graphic-width",
                g,
                format!("the width \"{w}\" of a <graphic> is not a length colophon reads (cm, mm, in, pt, px, %); the image keeps its own size"),
            );
        }
        e
    }

    /// A `<graphic>` inside a phrase: an inline image, its `<desc>` the description.
    pub(super) fn inline_image(&mut self, g: &El) -> Inline {
        let image = self.image(g);
        let alt = g.child("desc").map(El::text).unwrap_or_default();
        Inline::Image { image, alt }
    }
}

/// A column's alignment where every body and footer cell starting in it (and spanning it
/// alone) says the same one: the column's; a cell's own that says the same is cleared,
/// in the header rows too (header cells often keep the default).
fn column_aligns(t: &mut Table) {
    let Some(grid) = t.grid() else { return };
    let first_body = t.head.len();
    for col in 0..t.columns.len() {
        let mut seen: Option<Option<Align>> = None;
        let mut agree = true;
        for (row, starts) in t.rows().zip(&grid).skip(first_body) {
            for (cell, &start) in row.cells.iter().zip(starts) {
                if start == col && cell.cols == 1 {
                    match seen {
                        None => seen = Some(cell.align),
                        Some(a) if a == cell.align => {}
                        Some(_) => agree = false,
                    }
                }
            }
        }
        let Some(Some(align)) = seen.filter(|_| agree) else { continue };
        t.columns[col].align = align;
        for (row, starts) in t.rows_mut().zip(&grid) {
            for (cell, &start) in row.cells.iter_mut().zip(starts) {
                if start == col && cell.cols == 1 && cell.align == Some(align) {
                    cell.align = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::tei::read_body;

    fn text(i: &[Inline]) -> String {
        crate::model::plain_text(i)
    }

    #[test]
    fn printed_labels_are_split_off_captions() {
        let cases = [
            ("Table 1. Population of Kars", Some(("Table 1", "Population of Kars"))),
            ("Таблица 3: Численность", Some(("Таблица 3", "Численность"))),
            ("Tab. IV", Some(("Tab. IV", ""))),
            ("Fig. 2a — The road", Some(("Fig. 2a", "The road"))),
            ("Table 3.1 Trade", Some(("Table 3.1", "Trade"))),
            ("Tablo 2", Some(("Tablo 2", ""))),
            ("Tables of the law", None),
            ("Table Instructions", None),
            ("Map of Kars", None),
            ("Figure 12th century", None),
        ];
        for (head, want) in cases {
            let got = split_label(&[Inline::text(head)]);
            let got = got.as_ref().map(|(l, c)| (l.as_str(), text(c)));
            assert_eq!(got.as_ref().map(|(l, c)| (*l, c.as_str())), want, "{head}");
        }
    }

    #[test]
    fn a_table_has_its_header_row_spans_label_cells_and_source() {
        let (body, diags) = read_body(
            r#"<table xml:id="t1" rows="9" cols="9"><head>Table 2. Refugees</head>
            <row role="label"><cell>Place</cell><cell>1918</cell><cell>1919</cell></row>
            <row><cell role="label" rows="2">Kars</cell><cell cols="2">unknown<note n="1">None counted.</note></cell></row>
            <row><cell style="text-align: right">12</cell><cell>14</cell></row>
            <row role="label"><cell>Total</cell><cell>12</cell><cell>14</cell></row>
            <note type="source">Source: <idno>РГВИА, ф. 400, оп. 1, д. 12, л. 5</idno>.</note></table>"#,
        );
        let Block::Table(t) = &body[0] else { panic!("{body:?}") };
        assert_eq!(t.id.as_deref(), Some("t1"));
        assert_eq!(t.label.as_deref(), Some("Table 2"));
        assert_eq!(text(&t.caption), "Refugees");
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.head.len(), 1);
        assert_eq!(t.body.len(), 3);
        assert!(t.body[0].cells[0].header && t.body[0].cells[0].rows == 2);
        assert_eq!(t.body[0].cells[1].cols, 2);
        assert!(t.body[2].cells.iter().all(|c| c.header), "a label row below the top heads its cells");
        assert_eq!(t.body[1].cells[0].align, Some(Align::Right));
        assert_eq!(text(t.source.as_ref().unwrap()), "Source: РГВИА, ф. 400, оп. 1, д. 12, л. 5.");
        assert!(t.grid().is_some());
        assert!(diags.iter().all(|d| d.code != "tei-table-ragged"), "{diags:?}");
    }

    #[test]
    fn ragged_rows_are_padded_and_reported_where_they_stand() {
        let (body, diags) = read_body(
            "<table>\n<row><cell>a</cell><cell>b</cell><cell>c</cell></row>\n<row><cell>d</cell></row>\n<row><cell cols=\"4\">e</cell></row></table>",
        );
        let Block::Table(t) = &body[0] else { panic!() };
        assert_eq!(t.columns.len(), 4, "as wide as the widest row");
        assert_eq!(t.body.iter().map(|r| r.cells.len()).collect::<Vec<_>>(), [4, 4, 1]);
        let ragged: Vec<(u32, u32)> =
            diags.iter().filter(|d| d.code == "tei-table-ragged").map(|d| (d.line, d.col)).collect();
        assert_eq!(ragged.len(), 2, "{diags:?}");
        assert_eq!(ragged[1].0, 3, "reported at the row's own line");
        assert!(t.grid().is_some());
    }

    #[test]
    fn bad_spans_are_clamped_and_reported() {
        let (body, diags) = read_body(
            r#"<table><row><cell rows="99999999999" cols="x">a</cell><cell>b</cell></row><row><cell>c</cell></row></table>"#,
        );
        let Block::Table(t) = &body[0] else { panic!() };
        assert_eq!(t.body[0].cells[0].rows, 2);
        assert_eq!(t.body[0].cells[0].cols, 1);
        assert!(t.grid().is_some());
        assert_eq!(diags.iter().filter(|d| d.code == "tei-cell-span").count(), 2, "{diags:?}");
    }

    #[test]
    fn a_table_without_rows_is_kept_as_paragraphs() {
        let (body, diags) = read_body(r#"<table><head>Table 9. Lost</head></table>"#);
        assert_eq!(body, vec![Block::paragraph(vec![Inline::text("Table 9. Lost")])]);
        assert!(diags.iter().any(|d| d.code == "tei-table-empty"));
    }

    #[test]
    fn a_figure_without_its_file_is_kept_and_reported_with_the_loader_code() {
        let (body, diags) = read_body(
            "<figure xml:id=\"f1\">\n  <graphic url=\"nowhere/map.png\" width=\"50%\"/><head>Map 1. Kars</head><figDesc>A map.</figDesc>\n<bibl>Source: BOA.</bibl></figure><p>See <ref target=\"#f1\">the map</ref> and <ptr target=\"#f1\"/>.</p>",
        );
        let Block::Figure(f) = &body[0] else { panic!("{body:?}") };
        assert_eq!((f.label.as_deref(), text(&f.caption).as_str()), (Some("Map 1"), "Kars"));
        assert_eq!(f.alt.as_deref(), Some("A map."));
        assert_eq!(f.images.len(), 1);
        assert_eq!(f.images[0].media, None);
        assert_eq!(f.images[0].width, Some(Extent::Fraction(0.5)));
        assert_eq!(text(f.source.as_ref().unwrap()), "Source: BOA.");
        let d = diags.iter().find(|d| d.code == "image-missing").expect("reported");
        assert_eq!((d.line, d.col), (2, 3));
        let refs: Vec<&Inline> =
            body[1].content().iter().filter(|i| matches!(i, Inline::Ref { .. })).collect();
        assert_eq!(refs.len(), 2, "{:?}", body[1]);
        assert!(matches!(refs[1], Inline::Ref { target, content } if target == "f1" && content.is_empty()));
    }

    #[test]
    fn nested_figures_are_flattened_and_a_framed_table_is_the_table() {
        let (body, diags) = read_body(
            r#"<figure><head>Plate 3</head><figure><graphic url="a.png"/></figure><figure><graphic url="b.png"/></figure></figure>
            <figure type="table" xml:id="tab_0"><head>Table 1</head><table><row><cell>x</cell></row></table><note>Mean values.</note></figure>"#,
        );
        let Block::Figure(f) = &body[0] else { panic!() };
        assert_eq!(f.images.len(), 2);
        assert_eq!(diags.iter().filter(|d| d.code == "tei-figure-nested").count(), 2);
        let Block::Table(t) = &body[1] else { panic!("{body:?}") };
        assert_eq!((t.id.as_deref(), t.label.as_deref()), (Some("tab_0"), Some("Table 1")));
        assert!(matches!(t.caption.last(), Some(Inline::Note(_))));
    }
}
