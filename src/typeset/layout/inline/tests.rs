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

/// A document with one paragraph of `content` and a map of 800 × 500 pixels as `map.png`.
fn laid_with_map(content: Vec<Inline>) -> (Layout, PageStyle) {
    let mut d = Document::new();
    d.meta.lang = LangTag::parse("en").ok();
    d.body = vec![Block::paragraph(content)];
    let m = Media { kind: crate::model::MediaKind::Png, width: 800, height: 500, data: Vec::new() };
    d.media.insert("map.png".into(), m);
    let style = PageStyle::a4();
    (layout(&d, &FontSet::builtin(), &style), style)
}

fn image(media: Option<&str>, width: Option<Extent>, alt: &str) -> Inline {
    let image = crate::model::Image { src: "map.png".into(), media: media.map(String::from), width };
    Inline::Image { image, alt: alt.into() }
}

/// The images in lines of the first page: (x, top, width, height, description).
fn line_images(l: &Layout) -> Vec<(Pt, Pt, Pt, Pt, String)> {
    l.pages[0]
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Image { x, y, width, height, shown: Shown::InLine(alt), .. } => {
                Some((*x, *y, *width, *height, alt.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn an_image_in_a_line_stands_on_the_baseline_at_most_a_line_and_a_half_high_and_opens_its_line() {
    let long = "The delegates demanded that the troops be withdrawn at once and the frontier settled. ";
    let content = vec![
        text(long),
        text("The seal "),
        image(Some("map.png"), None, "the seal"),
        text(" of the khan. "),
        text(long),
    ];
    let (l, style) = laid_with_map(content);
    let images = line_images(&l);
    assert_eq!(images.len(), 1, "{:?}", l.pages[0].marks);
    let (x, top, w, h, alt) = images[0].clone();
    assert_eq!(alt, "the seal");
    // 800 px at 150 dpi would be 384 pt wide: capped at 1.5 lines high, its shape kept.
    assert!((h - style.leading * LINE_IMAGE_LINES).0.abs() < 0.01, "{h:?}");
    assert!((w.0 / h.0 - 1.6).abs() < 0.01, "{w:?} {h:?}");
    // On the baseline of the words around it, between them.
    let seal = piece(&l, "seal");
    let of = piece(&l, "of");
    assert!((top + h - seal.baseline).0.abs() < 0.01 && (of.baseline - seal.baseline).0.abs() < 0.01);
    assert!(x > seal.x && x + w < of.x, "{x:?} {w:?} {seal:?} {of:?}");
    // Its stand-in keeps its place among the pieces, with no text.
    let stand_in = l.pages[0].glyphs.iter().find(|g| matches!(g.role, Role::Image(_))).expect("a stand-in");
    assert!(stand_in.text.is_empty() && (stand_in.x - x).0.abs() < 0.01);
    // The line is opened: the line above stands further off than the leading.
    let above = l.pages[0].glyphs.iter().filter(|g| g.baseline < seal.baseline - Pt(1.0)).map(|g| g.baseline);
    let above = above.fold(Pt::ZERO, Pt::max);
    assert!(seal.baseline - above > style.leading + Pt(5.0), "{above:?} {seal:?}");
    assert!(top > above + Pt(2.0), "clear of the line above");
    assert_eq!(l.overfull, 0);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
}

#[test]
fn an_image_in_a_line_takes_the_width_asked_and_a_missing_one_prints_its_description() {
    let content = vec![
        text("A seal "),
        image(Some("map.png"), Some(Extent::Points(24.0)), "the seal"),
        text(" and a stamp "),
        image(None, None, "a round stamp"),
        text(" and a map "),
        image(Some("map.png"), Some(Extent::Fraction(1.0)), ""),
        text("."),
    ];
    let (l, style) = laid_with_map(content);
    let images = line_images(&l);
    assert_eq!(images.len(), 2, "{images:?}");
    assert!((images[0].2 - Pt(24.0)).0.abs() < 0.01 && (images[0].3 - Pt(15.0)).0.abs() < 0.01);
    // The whole measure asked is more than four lines high: set smaller, and said.
    assert!((images[1].3 - style.leading * ASKED_IMAGE_LINES).0.abs() < 0.01, "{images:?}");
    assert_eq!(images[1].4, "map.png", "no description: the file name stands for it");
    let codes: Vec<&str> = l.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["pdf-line-image-placeholder", "pdf-line-image-smaller", "pdf-line-image-no-alt"]);
    let text: String = l.pages[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("a stamp a round stamp and"), "{text}");
}

#[test]
fn an_image_in_a_note_and_a_reference_there_keep_their_runs_after_the_notes_label() {
    let note = Note {
        label: "1".into(),
        kind: Default::default(),
        anchor: crate::model::Anchor::Call,
        lang: None,
        content: vec![Block::paragraph(vec![
            text("A seal "),
            image(Some("map.png"), None, "the seal"),
            text(" in it, as in "),
            Inline::Ref { target: "nowhere".into(), content: Vec::new() },
            text("."),
        ])],
    };
    let (l, _) = laid_with_map(vec![text("Text"), Inline::Note(note)]);
    let words: String = l.pages[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(words.contains("1 A seal in it, as in nowhere."), "{words}");
    let images = line_images(&l);
    assert_eq!(images.len(), 1);
    let seal = piece(&l, "seal");
    assert!((images[0].1 + images[0].3 - seal.baseline).0.abs() < 0.01, "on the note's baseline");
}

#[test]
fn an_image_in_a_header_cell_is_repeated_as_furniture_without_a_stand_in() {
    use crate::model::{Cell, Column, Row, Table};
    let cell = |c: Vec<Inline>| Cell::new(vec![Block::paragraph(c)]);
    let table = Table {
        columns: vec![Column::default(); 2],
        head: vec![Row {
            cells: vec![
                cell(vec![text("Seal "), image(Some("map.png"), None, "seal")]),
                cell(vec![text("N")]),
            ],
        }],
        body: (0..90)
            .map(|i| Row { cells: vec![cell(vec![text(&format!("r{i}"))]), cell(vec![text("1")])] })
            .collect(),
        ..Table::default()
    };
    let mut d = Document::new();
    d.meta.lang = LangTag::parse("en").ok();
    d.body = vec![Block::Table(Box::new(table))];
    d.media.insert(
        "map.png".into(),
        Media { kind: crate::model::MediaKind::Png, width: 800, height: 500, data: Vec::new() },
    );
    let l = layout(&d, &FontSet::builtin(), &PageStyle::a4());
    assert!(l.pages.len() >= 2);
    let shown = |p: usize| -> Vec<Shown> {
        l.pages[p]
            .marks
            .iter()
            .filter_map(|m| if let Mark::Image { shown, .. } = m { Some(shown.clone()) } else { None })
            .collect()
    };
    assert_eq!(shown(0), [Shown::InLine("seal".into())]);
    assert_eq!(shown(1), [Shown::Artifact]);
    // Page 2 has no stand-in: nothing there takes the image's place in the structure.
    assert!(!l.pages[1].glyphs.iter().any(|g| matches!(g.role, Role::Image(_))));
}
