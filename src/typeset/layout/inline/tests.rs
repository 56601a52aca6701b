//! Superscripts, subscripts, small capitals, inline code and line breaks on the page.

use super::*;
use crate::fonts::FontSet;
use crate::model::{Block, Document};
use crate::typeset::layout::{layout, Glyphs, Layout, PageStyle, Role};
use crate::typeset::Pt;

fn laid(content: Vec<Inline>) -> (Layout, PageStyle) {
    let mut d = Document::new();
    d.meta.lang = LangTag::parse("en").ok();
    d.body = vec![Block::paragraph(content)];
    let style = PageStyle::a4();
    (layout(&d, &FontSet::builtin(), &style), style)
}

fn text(t: &str) -> Inline {
    Inline::text(t)
}

fn face_name(g: &Glyphs) -> String {
    FontSet::builtin().all()[g.face].full_name.clone()
}

fn piece<'a>(l: &'a Layout, starts: &str) -> &'a Glyphs {
    l.pages[0].glyphs.iter().find(|g| g.text.starts_with(starts)).unwrap_or_else(|| panic!("{starts:?}"))
}

#[test]
fn digits_are_raised_and_lowered_in_the_fonts_own_glyphs_on_the_baseline() {
    let sup = |t: &str| Inline::Superscript { content: vec![text(t)] };
    let sub = |t: &str| Inline::Subscript { content: vec![text(t)] };
    let (l, style) = laid(vec![text("x"), sup("2"), text(" and H"), sub("2"), text("O, the 1"), sup("er")]);
    let fonts = FontSet::builtin();
    let shaper = Shaper::new(&fonts);
    assert!(
        shaper.covers("2", Style::Regular, Variant::Sups)
            && shaper.covers("2", Style::Regular, Variant::Subs)
    );
    let plain = shaper.glyphs(0, "2")[0].id;
    let x = piece(&l, "x");
    for g in l.pages[0].glyphs.iter().filter(|g| g.text == "2" || g.text.starts_with("er")) {
        assert_ne!(g.glyphs[0].id, plain, "a superior or inferior figure: {g:?}");
        assert_eq!((g.size, g.baseline), (style.size, x.baseline), "full size, on the line: {g:?}");
    }
}

#[test]
fn a_superscript_the_font_cannot_raise_is_scaled_and_raised_without_moving_the_lines() {
    let fonts = FontSet::builtin();
    let shaper = Shaper::new(&fonts);
    // Libertinus has no superior Cyrillic letters.
    assert!(!shaper.covers("бв", Style::Regular, Variant::Sups));
    let long = "The delegates of the district demanded that the troops be withdrawn at once and that \
                the frontier be settled by a commission of both governments sitting in the town. ";
    let (with, style) = laid(vec![
        text("word"),
        Inline::Superscript { content: vec![text("бв")] },
        text(&format!(" {long}")),
    ]);
    let raised = piece(&with, "бв");
    let word = piece(&with, "word");
    assert!((raised.size - style.size * SCRIPT_SCALE).abs() < 1e-9, "{raised:?}");
    assert!((word.baseline - raised.baseline - Pt(style.size * SUP_RISE)).0.abs() < 1e-9);
    // The lines are where they would be without it.
    let (without, _) = laid(vec![text("word"), text(&format!(" {long}"))]);
    let bases = |l: &Layout| {
        let mut b: Vec<i64> = l.pages[0]
            .glyphs
            .iter()
            .filter(|g| g.size == style.size)
            .map(|g| (g.baseline.0 * 100.0) as i64)
            .collect();
        b.dedup();
        b
    };
    assert_eq!(bases(&with), bases(&without));
}

#[test]
fn small_caps_come_from_smcp_and_are_faked_and_reported_where_the_face_has_none() {
    let sc = |t: &str| Inline::SmallCaps { content: vec![text(t)] };
    let (l, style) = laid(vec![sc("Mikoyan"), text(" and "), sc("Нариманов")]);
    let fonts = FontSet::builtin();
    let shaper = Shaper::new(&fonts);
    let mikoyan = piece(&l, "Mikoyan");
    let plain = shaper.glyphs(mikoyan.face, "Mikoyan");
    assert_eq!(mikoyan.glyphs[0].id, plain[0].id, "a capital stays a capital");
    assert!(mikoyan.glyphs[1..].iter().zip(&plain[1..]).all(|(a, b)| a.id != b.id), "smcp glyphs");
    assert_eq!(mikoyan.size, style.size);
    // Libertinus has no Cyrillic small capitals: capitals, smaller, keeping their own text.
    let n = piece(&l, "Н");
    let rest = piece(&l, "ариманов");
    assert_eq!(n.size, style.size);
    assert!((rest.size - style.size * FAKE_SMALL_CAPS_SCALE).abs() < 1e-9);
    assert_eq!(rest.glyphs[0].id, shaper.glyphs(rest.face, "А")[0].id, "a capital А");
    assert_eq!(rest.baseline, n.baseline);
    assert_eq!(l.fake_small_caps, ['а', 'р', 'и', 'м', 'н', 'о', 'в']);
}

#[test]
fn inline_code_is_set_in_the_mono_face_smaller_and_never_hyphenated() {
    let code = "configuration_of_the_frontier_commission";
    let words = "Zangezur, Nakhchivan and Karabakh were considered controversial territories; ".repeat(3);
    let mut content = Vec::new();
    for _ in 0..4 {
        content.push(text(&words));
        content.push(Inline::Code { text: code.into() });
        content.push(text(" "));
    }
    let (l, style) = laid(content);
    let pieces: Vec<&Glyphs> =
        l.pages[0].glyphs.iter().filter(|g| face_name(g) == "DejaVu Sans Mono").collect();
    for g in &pieces {
        assert!((g.size - style.size * CODE_SCALE).abs() < 1e-9);
        assert!(!g.text.contains(crate::typeset::layout::SOFT_HYPHEN), "never hyphenated: {g:?}");
    }
    // A long name may break after an underscore (as a web address after a slash), with no
    // hyphen added: the pieces give it back whole.
    let all: String = pieces.iter().map(|g| g.text.trim_end()).collect();
    assert_eq!(all, code.repeat(4));
}

#[test]
fn the_line_before_a_line_break_is_not_justified_and_the_next_starts_at_the_margin() {
    let (l, style) = laid(vec![
        text("The mountains stand, the rivers run"),
        Inline::LineBreak,
        text("and the long road winds down into the valley where the town lies, far below the pass."),
    ]);
    let glyphs: Vec<&Glyphs> = l.pages[0].glyphs.iter().filter(|g| matches!(g.role, Role::Text(_))).collect();
    let first: Vec<&&Glyphs> = glyphs.iter().filter(|g| g.baseline == glyphs[0].baseline).collect();
    let second: Vec<&&Glyphs> = glyphs.iter().filter(|g| g.baseline > glyphs[0].baseline).collect();
    assert_eq!(
        first.iter().map(|g| g.text.as_str()).collect::<String>(),
        "The mountains stand, the rivers run "
    );
    // Natural word spaces: each word starts where the one before ends, plus a space.
    let fonts = FontSet::builtin();
    let shaper = Shaper::new(&fonts);
    let space = shaper.width(" ", Style::Regular, style.size);
    for w in first.windows(2) {
        let end = w[0].x + Pt(w[0].glyphs.iter().map(|g| f64::from(g.advance)).sum::<f64>() * w[0].size);
        assert!((w[1].x - end - space).0.abs() < 0.01, "{:?} {:?}", w[0], w[1]);
    }
    assert_eq!(second[0].text, "and ");
    assert!((second[0].x - style.margins[2]).0.abs() < 0.01);
}
