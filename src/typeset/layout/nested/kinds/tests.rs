//! Definition lists, code blocks, section breaks and epigraphs on the page.

use super::super::tests::{laid, lines, para, right, LONG};
use super::*;
use crate::fonts::FontSet;
use crate::model::Anchor;
use crate::typeset::layout::{Glyphs, Layout, Role};

fn note(label: &str) -> Inline {
    Inline::Note(Note {
        label: label.into(),
        kind: Default::default(),
        anchor: Anchor::Call,
        lang: None,
        content: vec![para("A note.")],
    })
}

fn face_name(g: &Glyphs) -> String {
    FontSet::builtin().all()[g.face].full_name.clone()
}

fn in_container(l: &Layout, g: &Glyphs, is: impl Fn(&Container) -> bool) -> bool {
    matches!(g.role, Role::Text(b) | Role::Call(b, _) if l.blocks[b].nest.iter().any(&is))
}

#[test]
fn a_term_is_bold_on_its_line_and_its_definitions_hang_under_it_with_their_notes_at_the_foot() {
    let def = Block::paragraph(vec![Inline::text(LONG), note("1"), Inline::text(" More.")]);
    let items = vec![
        Definition { term: vec![Inline::text("Sovnarkom")], details: vec![vec![def]] },
        Definition {
            term: vec![Inline::text("Revkom")],
            details: vec![vec![para("A committee.")], vec![para("Two.")]],
        },
    ];
    let (l, style) = laid(vec![para(LONG), Block::DefinitionList { items }, para(LONG)]);
    let terms = lines(&l, |g| in_container(&l, g, |c| matches!(c, Container::Term { .. })));
    let defs = lines(&l, |g| {
        in_container(&l, g, |c| matches!(c, Container::Glossary { .. }))
            && !in_container(&l, g, |c| matches!(c, Container::Term { .. }))
    });
    let text = |line: &Vec<&Glyphs>| line.iter().map(|g| g.text.as_str()).collect::<String>();
    assert_eq!(
        terms.iter().map(|t| text(t).trim_end().to_string()).collect::<Vec<_>>(),
        ["Sovnarkom", "Revkom"]
    );
    let left = style.margins[2];
    for t in &terms {
        assert!((t[0].x - left).0.abs() < 0.01, "a term at the margin: {:?}", t[0]);
        assert!(face_name(t[0]).ends_with("Bold"), "{}", face_name(t[0]));
    }
    assert!(defs.len() >= 4, "{}", defs.len());
    for d in &defs {
        assert!((d[0].x - (left + Pt(style.size * 1.5))).0.abs() < 0.01, "a definition set in: {:?}", d[0]);
        assert!(face_name(d[0]).ends_with("Regular"));
    }
    // Each term stands above its definitions, on a line of its own.
    assert!(
        terms[0][0].baseline < defs[0][0].baseline && terms[1][0].baseline < defs.last().unwrap()[0].baseline
    );
    assert_eq!(l.notes, [("1".to_string(), 1, 1)], "the note of a definition at the foot of its call's page");
}

#[test]
fn a_code_block_keeps_its_spaces_in_the_mono_face_and_breaks_a_long_line_at_the_measure() {
    let long = "x = 'a string much too long for the measure of the column, which goes on and on and on'";
    let code = Block::CodeBlock { text: format!("def f(a):\n    return a\n\n{long}"), syntax: None };
    let (l, style) = laid(vec![para(LONG), code, para(LONG)]);
    let code = lines(&l, |g| in_container(&l, g, |c| matches!(c, Container::Code { .. })));
    let text = |line: &Vec<&Glyphs>| line.iter().map(|g| g.text.as_str()).collect::<String>();
    assert_eq!(text(&code[0]), "def f(a): ");
    assert_eq!(text(&code[1]), "    return a ", "leading spaces kept as text");
    let left = style.margins[2] + Pt(style.size * 2.0);
    let end = style.width - style.margins[3];
    for line in &code {
        assert!(line.iter().all(|g| face_name(g) == "DejaVu Sans Mono"), "{line:?}");
        assert!(line[0].size < style.size);
        assert!(right(line.last().unwrap()) <= end + Pt(0.01), "no line overflows: {line:?}");
    }
    assert!((code[0][0].x - left).0.abs() < 0.01 && (code[1][0].x - left).0.abs() < 0.01);
    // The blank line keeps its place: the long line is two lines below `return`, broken, and
    // its continuation set in.
    let (b1, b2, b3) = (code[1][0].baseline, code[2][0].baseline, code[3][0].baseline);
    assert!(b2 - b1 > (b3 - b2) * 1.5, "{b1:?} {b2:?} {b3:?}");
    assert_eq!(code.len(), 4);
    assert!(code[3][0].x > left + Pt(1.0), "the continuation set in: {:?}", code[3][0]);
    assert_eq!(
        format!("{}{}", text(&code[2]), text(&code[3])).replace(' ', ""),
        format!("{long} ").replace(' ', "")
    );
    assert_eq!(l.broken_code, 1);
    assert_eq!(l.overfull, 0);
}

#[test]
fn a_section_break_is_a_centred_asterism_kept_with_the_lines_around_it() {
    let fonts = FontSet::builtin();
    let shaper = crate::typeset::shape::Shaper::new(&fonts);
    let mut nester = Nester::bare(&shaper);
    let frame = Frame::new(
        crate::typeset::layout::BlockKind::Paragraph,
        (10.5, Pt(13.5)),
        (9.45, Pt(12.15)),
        Pt(453.0),
        None,
    );
    let mut out = Vec::new();
    nester.blocks(&[para(LONG), Block::SectionBreak, para(LONG)], &frame, false, &mut Vec::new(), &mut out);
    assert!(out[0].keep_last_with_next && out[1].keep_with_next && !out[2].keep_with_next);
    assert_eq!((out[1].space_before, out[1].space_after), (Pt(13.5 * 0.5), Pt(13.5 * 0.5)));
    let (l, style) = laid(vec![para(LONG), Block::SectionBreak, para(LONG)]);
    let mark = l.pages[0].glyphs.iter().find(|g| g.text.trim() == "⁂").expect("the asterism");
    let middle = mark.x + (right(mark) - mark.x) * 0.5;
    assert!((middle - (style.margins[2] + style.measure() * 0.5)).0.abs() < 0.5, "{mark:?}");
    // The paragraph after it starts flush, like one after a heading.
    let after = lines(&l, |g| matches!(g.role, Role::Text(b) if b == 2));
    assert!((after[0][0].x - style.margins[2]).0.abs() < 0.01, "{:?}", after[0][0]);
}

#[test]
fn an_epigraph_is_smaller_set_in_by_two_fifths_with_its_source_flush_right() {
    let epigraph = Block::Quote {
        blocks: vec![Block::paragraph(vec![Inline::text(LONG), note("1")])],
        source: Some(vec![Inline::text("Napoleon")]),
        lang: None,
        epigraph: true,
    };
    let (l, style) = laid(vec![epigraph, para(LONG)]);
    let quoted = lines(&l, |g| in_container(&l, g, |c| matches!(c, Container::Quote { .. })));
    let left = style.margins[2] + style.measure() * EPIGRAPH_SHARE;
    let end = style.width - style.margins[3];
    let (source, text) = quoted.split_last().unwrap();
    for line in text {
        assert!((line[0].x - left).0.abs() < 0.01, "{:?}", line[0]);
        assert!((line[0].size - style.size * EPIGRAPH_SCALE).abs() < 1e-9);
    }
    let s: String = source.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(s.trim_end(), "— Napoleon");
    assert!((right(source.last().unwrap()) - end).0.abs() < 0.01, "flush right");
    assert!(source[0].x > left + Pt(50.0));
    assert_eq!(l.notes, [("1".to_string(), 1, 1)]);
    assert_eq!(l.blocks[0].nest.len(), 1, "in a quotation (a BlockQuote)");
}
