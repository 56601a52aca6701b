//! Quotations and lists on the page: where their lines start and end.

use super::super::{layout, Glyphs, Layout, Mark, PageStyle, Role};
use super::*;
use crate::fonts::FontSet;
use crate::model::{Anchor, Delimiter, Document, Inline, Numbering};

pub(super) const LONG: &str =
    "The delegates of the district demanded that the troops be withdrawn at once and \
                    that the frontier be settled by a commission of both governments sitting in the town.";

pub(super) fn para(text: &str) -> Block {
    Block::paragraph(vec![Inline::text(text)])
}

pub(super) fn doc(body: Vec<Block>) -> Document {
    let mut d = Document::new();
    d.meta.lang = LangTag::parse("en").ok();
    d.body = body;
    d
}

pub(super) fn laid(body: Vec<Block>) -> (Layout, PageStyle) {
    let style = PageStyle::a4();
    (layout(&doc(body), &FontSet::builtin(), &style), style)
}

/// The glyphs of `role`-matching pieces on the first page, grouped in lines (by baseline).
pub(super) fn lines(l: &Layout, keep: impl Fn(&Glyphs) -> bool) -> Vec<Vec<&Glyphs>> {
    let mut out: Vec<Vec<&Glyphs>> = Vec::new();
    for g in l.pages[0].glyphs.iter().filter(|g| keep(g)) {
        match out.last_mut() {
            // A raised call is on the line of the text around it.
            Some(line) if (line[0].baseline - g.baseline).0.abs() < 4.0 => line.push(g),
            _ => out.push(vec![g]),
        }
    }
    out
}

/// The right edge of a piece's glyphs (without the word space after a left-to-right one).
pub(super) fn right(g: &Glyphs) -> Pt {
    let drawn = g.all().filter(|a| g.rtl || g.space.as_ref() != Some(*a));
    g.x + Pt(drawn.map(|a| f64::from(a.advance)).sum::<f64>() * g.size)
}

/// The left edge of a piece's glyphs (a right-to-left piece draws its word space first).
fn ink_left(g: &Glyphs) -> Pt {
    g.x + g.space.as_ref().filter(|_| g.rtl).map_or(Pt::ZERO, |s| Pt(f64::from(s.advance) * g.size))
}

fn in_item(l: &Layout, g: &Glyphs) -> bool {
    matches!(g.role, Role::Text(b) if l.blocks[b].nest.iter().any(|c| matches!(c, Container::Item { .. })))
}

#[test]
fn the_text_of_every_item_line_starts_at_one_x_and_the_markers_hang_before_it() {
    let numbering = Numbering { start: 8, style: NumberStyle::Decimal, delimiter: Delimiter::Period };
    let items = vec![vec![para(LONG)], vec![para(LONG), para(LONG)], vec![para(LONG)]];
    let (l, style) = laid(vec![para(LONG), Block::List { numbering: Some(numbering), items }]);
    let text = lines(&l, |g| in_item(&l, g));
    assert!(text.len() >= 8, "{}", text.len());
    let x0 = text[0][0].x;
    for line in &text {
        assert!((line[0].x - x0).0.abs() < 0.01, "{:?} vs {x0:?}", line[0]);
    }
    // Each marker ends half an em before the text; `10.`, the widest, starts at the paragraph indent.
    let markers = lines(&l, |g| matches!(g.role, Role::Marker(..)));
    let labels: Vec<String> = markers.iter().map(|m| m.iter().map(|g| g.text.as_str()).collect()).collect();
    assert_eq!(labels, ["8. ", "9. ", "10. "]);
    for m in &markers {
        let end = right(m.last().unwrap());
        assert!((end - (x0 - Pt(style.size * 0.5))).0.abs() < 0.01, "{m:?}");
    }
    assert!((markers[2][0].x - (style.margins[2] + Pt(style.size * 1.5))).0.abs() < 0.01);
}

#[test]
fn markers_are_measured_with_the_font() {
    let fonts = FontSet::builtin();
    let shaper = Shaper::new(&fonts);
    let mut nester = Nester::bare(&shaper);
    let frame = Frame::new(BlockKind::Note(0), (8.5, Pt(10.5)), (8.5, Pt(10.5)), Pt(453.0), None);
    let numbering = Numbering { start: 1, style: NumberStyle::LowerRoman, delimiter: Delimiter::TwoParens };
    let items: Vec<Vec<Block>> = (0..8).map(|_| vec![para("x")]).collect();
    let mut out = Vec::new();
    nester.block(&Block::List { numbering: Some(numbering), items }, &frame, &mut Vec::new(), &mut out);
    let widest = shaper.width("(viii)", Style::Regular, 8.5);
    assert!(widest > shaper.width("(iii)", Style::Regular, 8.5));
    for p in &out {
        assert!((p.inset.start - (widest + Pt(8.5 * 0.5))).0.abs() < 1e-9, "{:?}", p.inset);
    }
    let m = &out[7].markers[0];
    assert_eq!((m.text.as_str(), m.width), ("(viii)", widest));
    // One list and an item per paragraph.
    assert_eq!(
        out[0].nest,
        [Container::List { id: 0, numbering: Some(NumberStyle::LowerRoman) }, Container::Item { id: 1 }]
    );
}

#[test]
fn a_nested_list_starts_at_its_parents_text_and_a_later_paragraph_aligns_with_it() {
    let inner = Block::List { numbering: None, items: vec![vec![para(LONG)]] };
    let outer = Block::List { numbering: None, items: vec![vec![para("first"), inner, para(LONG)]] };
    let (l, _) = laid(vec![outer]);
    let text = lines(&l, |g| in_item(&l, g));
    let markers = lines(&l, |g| matches!(g.role, Role::Marker(..)));
    let parent = text[0][0].x;
    assert!((markers[1][0].x - parent).0.abs() < 0.01, "the nested bullet at the parent's text");
    let later = text.last().unwrap()[0].x;
    assert!((later - parent).0.abs() < 0.01, "the later paragraph at the item's text");
}

#[test]
fn a_quotation_is_smaller_narrower_and_indented_on_both_sides_with_its_source_under_it() {
    let note = crate::model::Note {
        label: "1".into(),
        kind: Default::default(),
        anchor: Anchor::Call,
        lang: None,
        content: vec![para("A note.")],
    };
    let quote = Block::Quote {
        blocks: vec![Block::paragraph(vec![Inline::text(LONG), Inline::Note(note), Inline::text(LONG)])],
        source: Some(vec![Inline::text("Telegram, 14 May 1919")]),
        lang: None,
        epigraph: false,
    };
    let (l, style) = laid(vec![para(LONG), quote, para(LONG)]);
    let quoted =
        lines(&l, |g| matches!(g.role, Role::Text(b) | Role::Call(b, _) if !l.blocks[b].nest.is_empty()));
    let body = lines(&l, |g| matches!(g.role, Role::Text(b) if l.blocks[b].nest.is_empty()));
    let (left, end) =
        (style.margins[2] + Pt(style.size * 2.0), style.width - style.margins[3] - Pt(style.size * 2.0));
    for line in &quoted {
        assert!((line[0].x - left).0.abs() < 0.01, "{:?}", line[0]);
        assert!(right(line.last().unwrap()) <= end + Pt(0.01));
        assert!(line[0].size < style.size);
    }
    // Justified: the first line ends at the quotation's right margin, short of the text's.
    assert!((right(quoted[0].last().unwrap()) - end).0.abs() < 0.5);
    assert!(right(body[0].last().unwrap()) > end + Pt(10.0));
    let source: String = quoted.last().unwrap().iter().map(|g| g.text.as_str()).collect();
    assert_eq!(source.trim_end(), "— Telegram, 14 May 1919");
    // Space above and below, more than the quotation's leading.
    let (first, last) = (quoted[0][0].baseline, quoted.last().unwrap()[0].baseline);
    let before = body.iter().rev().find(|b| b[0].baseline < first).unwrap()[0].baseline;
    let after = body.iter().find(|b| b[0].baseline > last).unwrap()[0].baseline;
    assert!(first - before > style.leading && after - last > style.leading);
    // The note called inside the quotation is at the foot of the page of its call.
    assert_eq!(l.notes, [("1".to_string(), 1, 1)]);
}

#[test]
fn a_right_to_left_quotation_is_set_from_the_right_inside_its_indents() {
    let persian = "تاریخ ایران در دوره قاجار و پهلوی موضوع کتاب‌ها و مقاله‌های بسیاری است که در تهران و \
                   شهرهای دیگر چاپ شده‌اند و هنوز خوانده می‌شوند. ";
    let quote = Block::Quote {
        blocks: vec![para(&persian.repeat(3))],
        source: None,
        lang: LangTag::parse("fa").ok(),
        epigraph: false,
    };
    let (l, style) = laid(vec![quote]);
    let quoted = lines(&l, |g| matches!(g.role, Role::Text(_)));
    assert!(quoted.len() >= 3);
    let (left, end) =
        (style.margins[2] + Pt(style.size * 2.0), style.width - style.margins[3] - Pt(style.size * 2.0));
    for line in &quoted {
        let lo = line.iter().map(|g| ink_left(g)).fold(Pt(f64::MAX), |a, b| if b < a { b } else { a });
        let hi = line.iter().map(|g| right(g)).fold(Pt::ZERO, Pt::max);
        assert!(lo >= left - Pt(0.01) && hi <= end + Pt(0.01), "{lo:?}..{hi:?} not in {left:?}..{end:?}");
        assert!((hi - end).0.abs() < 0.5, "each line starts at the right indent: {hi:?} {end:?}");
    }
}

#[test]
fn an_item_opening_with_a_nested_list_has_both_markers_on_its_first_line() {
    let numbering = Numbering::decimal(1);
    let inner = Block::List { numbering: None, items: vec![vec![para("nested")], vec![para("again")]] };
    let outer = Block::List { numbering: Some(numbering), items: vec![vec![inner], vec![para("second")]] };
    let (l, _) = laid(vec![outer]);
    let markers = lines(&l, |g| matches!(g.role, Role::Marker(..)));
    let text: Vec<String> = markers.iter().map(|m| m.iter().map(|g| g.text.as_str()).collect()).collect();
    assert_eq!(text, ["1. • ", "• ", "2. "], "the outer label on the nested list's first line");
    // `1.` where `2.` is, the first bullet where the second is.
    let (one, bullet) = (markers[0][0], markers[0].last().unwrap());
    assert_eq!(one.x, markers[2][0].x);
    assert_eq!(bullet.x, markers[1][0].x);
    assert_eq!(markers[0][0].role, Role::Marker(0, 0));
    assert_eq!(bullet.role, Role::Marker(0, 1));
}

#[test]
fn a_quotations_last_line_keeps_its_source_company() {
    let fonts = FontSet::builtin();
    let shaper = Shaper::new(&fonts);
    let mut nester = Nester::bare(&shaper);
    let frame = Frame::new(BlockKind::Paragraph, (10.5, Pt(13.5)), (9.45, Pt(12.15)), Pt(453.0), None);
    let quote = Block::Quote {
        blocks: vec![para(LONG), para(LONG)],
        source: Some(vec![Inline::text("Source")]),
        lang: None,
        epigraph: false,
    };
    let mut out = Vec::new();
    nester.block(&quote, &frame, &mut Vec::new(), &mut out);
    let keeps: Vec<bool> = out.iter().map(|p| p.keep_last_with_next).collect();
    assert_eq!(keeps, [false, true, false]);
    assert_eq!((out[0].indent, out[1].indent), (Pt::ZERO, Pt(9.45 * 1.5)), "later paragraphs indented");
    assert_eq!((out[0].space_before, out[2].space_after), (Pt(13.5 * 0.5), Pt(13.5 * 0.5)));
    assert!(out.iter().all(|p| p.size == 9.45 && p.inset == Inset { start: Pt(21.0), end: Pt(21.0) }));
}

/// A table in a quotation and a figure (whose image is missing) in a list item: set as a
/// table and a figure inside the quotation's and the item's margins and containers, where
/// they stand.
#[test]
fn a_table_in_a_quotation_and_a_figure_in_an_item_are_set_within_their_margins() {
    use crate::model::{Cell, Column, Figure, Image, Row, Table};
    let cell = |s: &str| Cell::new(vec![para(s)]);
    let table = Table {
        id: Some("tbl:q".into()),
        label: Some("Table 1".into()),
        caption: vec![Inline::text("Households")],
        columns: vec![Column::default(); 2],
        head: vec![Row { cells: vec![cell("Village"), cell("Households")] }],
        body: (0..5).map(|i| Row { cells: vec![cell(&format!("Village {i}")), cell("212")] }).collect(),
        ..Table::default()
    };
    let figure = Figure {
        label: Some("Figure 1".into()),
        caption: vec![Inline::text("The roads")],
        alt: Some("A map".into()),
        images: vec![Image { src: "lost.png".into(), media: None, width: None }],
        ..Figure::default()
    };
    let quote = Block::Quote {
        blocks: vec![para(LONG), Block::Table(Box::new(table))],
        source: None,
        lang: None,
        epigraph: false,
    };
    let list =
        Block::List { numbering: None, items: vec![vec![para("The map:"), Block::Figure(Box::new(figure))]] };
    let (l, style) = laid(vec![para(LONG), quote, list, para(LONG)]);
    let indent = Pt(style.size * 2.0);
    let (left, right) = (style.margins[2] + indent, style.width - style.margins[3] - indent);
    let rules: Vec<(Pt, Pt)> = l.pages[0]
        .marks
        .iter()
        .filter_map(|m| if let Mark::Rule { x, width, .. } = m { Some((*x, *x + *width)) } else { None })
        .collect();
    assert_eq!(rules.len(), 3, "{rules:?}");
    for (a, b) in &rules {
        assert!(*a >= left - Pt(0.01) && *b <= right + Pt(0.01), "{a:?}..{b:?} not in {left:?}..{right:?}");
    }
    // The cells are in the table, the table in the quotation; the figure in the item.
    let cells = l.blocks.iter().filter(|b| b.nest.iter().any(|c| matches!(c, Container::Cell { .. })));
    for b in cells {
        assert!(matches!(b.nest[..2], [Container::Quote { .. }, Container::Table { .. }]), "{:?}", b.nest);
    }
    let graphic = l.blocks.iter().find(|b| b.kind == BlockKind::Graphic).expect("the figure");
    assert!(matches!(
        graphic.nest[..],
        [Container::List { .. }, Container::Item { .. }, Container::Figure { .. }]
    ));
    // The figure stands in the list, after its item's text and before the paragraph after.
    let frame = l.pages[0].marks.iter().find_map(|m| match m {
        Mark::Image { y, x, width, .. } => Some((*x, *y, *width)),
        _ => None,
    });
    let (x, y, w) = frame.expect("the figure's frame");
    let item = l.pages[0].glyphs.iter().find(|g| g.text.starts_with("map:")).unwrap();
    let after = l.pages[0].glyphs.iter().rfind(|g| g.text.starts_with("delegates")).unwrap();
    assert!(item.baseline < y && y < after.baseline, "{item:?} {y:?} {after:?}");
    assert!(x >= item.x - Pt(20.0) && x + w <= style.width - style.margins[3]);
    assert_eq!(l.overfull, 0);
    assert!(l.diagnostics.iter().any(|d| d.code == "pdf-image-placeholder"));
}

#[test]
fn a_table_in_a_note_is_printed_as_paragraphs_and_said() {
    use crate::model::{Cell, Column, Row, Table};
    let cell = |s: &str| Cell::new(vec![para(s)]);
    let table = Table {
        label: Some("Table 9".into()),
        columns: vec![Column::default(); 2],
        body: vec![Row { cells: vec![cell("Delegates"), cell("466")] }],
        ..Table::default()
    };
    let note = Note {
        label: "1".into(),
        kind: Default::default(),
        anchor: Anchor::Call,
        lang: None,
        content: vec![para("Compared:"), Block::Table(Box::new(table))],
    };
    let (l, _) = laid(vec![Block::paragraph(vec![Inline::text("Text"), Inline::Note(note)])]);
    let text: String = l.pages[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("Delegates | 466"), "{text}");
    let d = l.diagnostics.iter().find(|d| d.code == "pdf-table-flattened").expect("said");
    assert!(d.message.starts_with("Table 9: the table inside a note"), "{}", d.message);
}
