//! Runs of text into the boxes, glue and penalties of a paragraph: words measured by a
//! [`Measure`] (the PDF back end shapes them; tests use a fixed advance), spaces as glue,
//! hyphenation points by each run's language as flagged penalties, and no break at all inside
//! a run marked unbreakable (an archival shelfmark such as `ф. 85`).

use super::hyphenate;
use super::linebreak::{Item, FORBIDDEN, FORCED};
use super::Pt;
use crate::fonts::Style;
use crate::model::LangTag;

/// A run of text with one style and language.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// The face it is set in.
    pub style: Style,
    /// Its language (for hyphenation).
    pub lang: Option<LangTag>,
    /// True when no line may break inside it.
    pub unbreakable: bool,
    /// Size relative to the paragraph's (0.6 for a raised note call).
    pub scale: f64,
    /// How far its baseline is raised above the line's, in ems of the paragraph's size
    /// (negative: lowered).
    pub rise: f64,
    /// Which glyphs set it, beyond its style (or that it is a line break).
    pub variant: Variant,
    /// For an image set in the line: its width. The run is then one box, never broken, and
    /// its text (the image's description) is what stands for it where it cannot be drawn.
    pub image: Option<Pt>,
    /// A rule drawn under or through it (underlined or struck text).
    pub decoration: Option<Decoration>,
}

/// A rule drawn with a run's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decoration {
    /// Under the baseline.
    Underline,
    /// Through the middle of the lowercase letters.
    Strike,
}

impl Run {
    /// A run of `text` at the paragraph's size, on its baseline, in the face's own glyphs.
    pub fn plain(text: impl Into<String>, style: Style, lang: Option<LangTag>) -> Self {
        Run {
            text: text.into(),
            style,
            lang,
            unbreakable: false,
            scale: 1.0,
            rise: 0.0,
            variant: Variant::Plain,
            image: None,
            decoration: None,
        }
    }
}

/// How a run's glyphs are chosen beyond its style; or that the run is a forced line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Variant {
    /// The face's own glyphs.
    #[default]
    Plain,
    /// The font's superscript glyphs (OpenType `sups`).
    Sups,
    /// The font's subscript glyphs (OpenType `subs`).
    Subs,
    /// The font's small capitals (OpenType `smcp`).
    SmallCaps,
    /// Capitals standing in for small capitals the face lacks (made smaller by the run's
    /// scale); the text keeps its own case.
    FakeSmallCaps,
    /// The monospaced face (code).
    Mono,
    /// No text: a forced line end (the line before it is set like a last line).
    Break,
}

/// Widths of text as set.
pub trait Measure {
    /// The advance width of `text` in `style`.
    fn width(&self, text: &str, style: Style) -> Pt;
    /// An interword space: natural width, stretch and shrink.
    fn space(&self, style: Style) -> (Pt, Pt, Pt);
    /// The width of the hyphen added where a line breaks inside a word.
    fn hyphen(&self, style: Style) -> Pt {
        self.width("-", style)
    }
    /// The widths of the pieces of `word` between the byte offsets `cuts` (ascending, inside
    /// the word): `cuts.len() + 1` widths. By default each piece is measured alone; a shaper
    /// may shape the word once and keep the kerning between its pieces.
    fn widths(&self, word: &str, cuts: &[usize], style: Style) -> Vec<Pt> {
        piece_widths(self, word, cuts, style)
    }
    /// [`widths`](Self::widths) in the glyphs of `variant`; by default the plain ones.
    fn widths_as(&self, word: &str, cuts: &[usize], style: Style, variant: Variant) -> Vec<Pt> {
        let _ = variant;
        self.widths(word, cuts, style)
    }
}

/// The widths of the pieces of `word` between `cuts`, each measured alone.
pub fn piece_widths<M: Measure + ?Sized>(m: &M, word: &str, cuts: &[usize], style: Style) -> Vec<Pt> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut last = 0;
    for &c in cuts.iter().chain(std::iter::once(&word.len())) {
        out.push(m.width(&word[last..c], style));
        last = c;
    }
    out
}

/// What a box holds: bytes `start..end` of run `run`, plus a hyphen when broken after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Index of the run.
    pub run: usize,
    /// First byte in the run's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The items of a paragraph and, for each box, the text it holds (`pieces[i]` is `Some` for
/// boxes only).
#[derive(Debug, Clone, Default)]
pub struct Built {
    /// Boxes, glue and penalties, ending with a forced break.
    pub items: Vec<Item>,
    /// The text of each box.
    pub pieces: Vec<Option<Piece>>,
}

/// Cost of breaking at a hyphenation point (TeX's `\hyphenpenalty`).
pub const HYPHEN_PENALTY: f64 = 50.0;

/// Builds the items of a paragraph from its runs.
pub fn build(runs: &[Run], measure: &dyn Measure) -> Built {
    let mut b = Built::default();
    let push = |b: &mut Built, item: Item, piece: Option<Piece>| {
        b.items.push(item);
        b.pieces.push(piece);
    };
    let mut pending_space: Option<(Style, bool)> = None;
    for (r, run) in runs.iter().enumerate() {
        if run.variant == Variant::Break {
            // A forced line end: the line before it ends like a paragraph's last line.
            pending_space = None;
            push_end(&mut b);
            continue;
        }
        // An image in the line is one box, spaced like a word.
        if let Some(width) = run.image {
            if let Some((style, _)) = pending_space.take() {
                let (w, st, sh) = measure.space(style);
                push(&mut b, Item::Glue { width: w, stretch: st, shrink: sh }, None);
            }
            push(&mut b, Item::Box { width }, Some(Piece { run: r, start: 0, end: run.text.len() }));
            continue;
        }
        let patterns = run.lang.as_ref().and_then(hyphenate::patterns).filter(|_| !run.unbreakable);
        let mut at = 0;
        for word in run.text.split_inclusive(char::is_whitespace) {
            let body = word.trim_end();
            let start = at;
            at += word.len();
            if !body.is_empty() {
                if let Some((style, unbreakable)) = pending_space.take() {
                    let (w, st, sh) = measure.space(style);
                    // In a shelfmark a label keeps its number (`ф. 85`, `д 249`); its other
                    // spaces (inside a long archive name) may break.
                    if unbreakable && body.starts_with(|c: char| c.is_ascii_digit()) {
                        push(
                            &mut b,
                            Item::Penalty { width: Pt::ZERO, cost: FORBIDDEN, flagged: false },
                            None,
                        );
                    }
                    push(&mut b, Item::Glue { width: w, stretch: st, shrink: sh }, None);
                }
                // Syllables (by the run's language) and explicit hyphens are break points.
                let mut cuts: Vec<(usize, bool)> = patterns.map_or_else(Vec::new, |l| {
                    body.split('-')
                        .scan(0, |off, part| {
                            let v: Vec<usize> =
                                hyphenate::points(part, l).into_iter().map(|p| *off + p).collect();
                            *off += part.len() + 1;
                            Some(v)
                        })
                        .flatten()
                        .map(|p| (p, true))
                        .collect()
                });
                if !run.unbreakable {
                    // After an explicit hyphen; in a web address or any very long token also
                    // after / _ . ? & = (no hyphen is added there).
                    let long = body.contains("://")
                        || body.contains('/') && body.chars().count() > 20
                        || body.chars().count() > 30;
                    let after: &[char] = if long { &['-', '/', '_', '.', '?', '&', '='] } else { &['-'] };
                    cuts.extend(
                        body.match_indices(after)
                            .map(|(i, _)| (i + 1, false))
                            .filter(|(i, _)| *i < body.len()),
                    );
                }
                cuts.sort_unstable();
                cuts.dedup_by_key(|c| c.0);
                let offsets: Vec<usize> = cuts.iter().map(|c| c.0).collect();
                let widths = measure.widths_as(body, &offsets, run.style, run.variant);
                let mut last = 0;
                for (k, (cut, hyphen)) in cuts.into_iter().enumerate() {
                    push(
                        &mut b,
                        Item::Box { width: widths[k] * run.scale },
                        Some(Piece { run: r, start: start + last, end: start + cut }),
                    );
                    let width = if hyphen { measure.hyphen(run.style) } else { Pt::ZERO };
                    push(
                        &mut b,
                        Item::Penalty {
                            width,
                            cost: if hyphen { HYPHEN_PENALTY } else { 0.0 },
                            flagged: true,
                        },
                        None,
                    );
                    last = cut;
                }
                push(
                    &mut b,
                    Item::Box { width: widths[widths.len() - 1] * run.scale },
                    Some(Piece { run: r, start: start + last, end: start + body.len() }),
                );
            }
            // A space (perhaps the last thing of the run) separates this word from the next.
            if word.len() > body.len() {
                pending_space = Some((run.style, run.unbreakable));
            }
        }
    }
    push_end(&mut b);
    b
}

/// Ends a line as a paragraph ends: glue that fills it, then a forced break.
fn push_end(b: &mut Built) {
    b.items.push(Item::Penalty { width: Pt::ZERO, cost: FORBIDDEN, flagged: false });
    b.items.push(Item::Glue { width: Pt::ZERO, stretch: Pt(1e5), shrink: Pt::ZERO });
    b.items.push(Item::Penalty { width: Pt::ZERO, cost: FORCED, flagged: true });
    b.pieces.extend([None, None, None]);
}

/// Builds the items of a verbatim line (a line of a code block): every character kept,
/// spaces too, as boxes of their own width, with a break allowed between any two; the line
/// breaker takes one only when the line is wider than the measure (see `break_lines`: no
/// line but the last can stretch, so the whole line is set whenever it fits).
pub fn build_verbatim(runs: &[Run], measure: &dyn Measure) -> Built {
    let mut b = Built::default();
    for (r, run) in runs.iter().enumerate() {
        let cuts: Vec<usize> = run.text.char_indices().map(|(i, _)| i).skip(1).collect();
        if run.text.is_empty() {
            continue;
        }
        let widths = measure.widths_as(&run.text, &cuts, run.style, run.variant);
        let starts = std::iter::once(0).chain(cuts.iter().copied());
        let ends = cuts.iter().copied().chain(std::iter::once(run.text.len()));
        for (k, (start, end)) in starts.zip(ends).enumerate() {
            if k > 0 || r > 0 {
                b.items.push(Item::Penalty { width: Pt::ZERO, cost: 0.0, flagged: false });
                b.pieces.push(None);
            }
            b.items.push(Item::Box { width: widths[k] * run.scale });
            b.pieces.push(Some(Piece { run: r, start, end }));
        }
    }
    push_end(&mut b);
    b
}

#[cfg(test)]
mod tests {
    use super::super::linebreak::break_lines;
    use super::*;

    struct Mono;
    impl Measure for Mono {
        fn width(&self, text: &str, _: Style) -> Pt {
            Pt(5.0 * text.chars().count() as f64)
        }
        fn space(&self, _: Style) -> (Pt, Pt, Pt) {
            (Pt(4.0), Pt(2.0), Pt(1.5))
        }
    }

    fn run(text: &str, lang: &str, unbreakable: bool) -> Run {
        Run {
            text: text.into(),
            style: Style::Regular,
            lang: LangTag::parse(lang).ok(),
            unbreakable,
            scale: 1.0,
            rise: 0.0,
            variant: Variant::Plain,
            image: None,
            decoration: None,
        }
    }

    fn text_of(b: &Built, runs: &[Run]) -> String {
        b.pieces.iter().flatten().map(|p| &runs[p.run].text[p.start..p.end]).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn words_syllables_and_spaces() {
        let runs = [
            run("the independence of ", "en", false),
            run("РГАСПИ, ф. 85", "ru", true),
            run(" and more", "en", false),
        ];
        let b = build(&runs, &Mono);
        let t = text_of(&b, &runs);
        assert!(t.starts_with("the|in|de|pen|dence|of|РГАСПИ,|ф.|85|and|more"), "{t}");
        // Inside the shelfmark every space is preceded by a forbidden break.
        let forbidden =
            b.items.iter().filter(|i| matches!(i, Item::Penalty { cost, .. } if *cost >= FORBIDDEN)).count();
        assert_eq!(forbidden, 1 + 1, "one before the number 85 (ф. 85), one at the end");
    }

    #[test]
    fn a_shelfmark_is_never_broken_and_lines_fit() {
        let runs = [
            run("Telegram of 19 June 1920 in the party archive, ", "en", false),
            run("РГАСПИ, ф.85, оп.13, д.32, л.3", "ru", true),
            run(", about the borders of the republics of the Caucasus.", "en", false),
        ];
        let b = build(&runs, &Mono);
        let lines = break_lines(&b.items, &|_| Pt(200.0));
        assert!(lines.iter().all(|l| !l.overfull));
        let shelf: Vec<usize> = b
            .pieces
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().filter(|p| p.run == 1).map(|_| i))
            .collect();
        let line_of = |i: usize| lines.iter().position(|l| l.start <= i && i <= l.end).unwrap();
        assert!(shelf.iter().all(|&i| line_of(i) == line_of(shelf[0])), "{lines:?}");
    }

    #[test]
    fn a_raised_note_call_is_measured_at_its_own_size() {
        let mut call = run("69", "en", true);
        call.scale = 0.6;
        let runs = [run("1920", "en", false), call, run(". The", "en", false)];
        let b = build(&runs, &Mono);
        assert_eq!(b.items[1], Item::Box { width: Pt(6.0) }, "{:?}", b.items);
        assert_eq!(b.items[2], Item::Box { width: Pt(5.0) }, "no space between the call and the full stop");
    }

    #[test]
    fn a_line_break_is_a_forced_break_and_the_space_before_it_is_dropped() {
        let brk = Run { variant: Variant::Break, ..run("", "en", false) };
        let runs = [run("one two ", "en", false), brk, run("three", "en", false)];
        let b = build(&runs, &Mono);
        let forced: Vec<usize> = (0..b.items.len())
            .filter(|&i| matches!(b.items[i], Item::Penalty { cost, .. } if cost <= FORCED))
            .collect();
        assert_eq!(forced.len(), 2, "the break and the paragraph's end: {:?}", b.items);
        let lines = break_lines(&b.items, &|_| Pt(500.0));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].end, forced[0]);
        // Nothing but the filling glue between `two` and the break: no word space.
        assert!(!b.items[..forced[0]].iter().rev().skip(2).take(1).any(|i| matches!(i, Item::Glue { .. })));
    }

    #[test]
    fn a_verbatim_line_keeps_its_spaces_and_breaks_only_at_the_measure() {
        let code = Run { variant: Variant::Mono, ..run("  a = b  # c", "en", false) };
        let b = build_verbatim(std::slice::from_ref(&code), &Mono);
        assert_eq!(text_of(&b, std::slice::from_ref(&code)).replace('|', ""), "  a = b  # c");
        assert!(b.items.iter().all(|i| !matches!(i, Item::Glue { width, .. } if *width > Pt::ZERO)));
        assert_eq!(break_lines(&b.items, &|_| Pt(60.0)).len(), 1, "12 characters of 5 pt fit");
        let lines = break_lines(&b.items, &|_| Pt(30.0));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| !l.overfull));
    }

    #[test]
    fn azerbaijani_is_not_hyphenated() {
        let runs = [run("Azərbaycanın Naxçıvan bölgələrində", "az-Latn", false)];
        let b = build(&runs, &Mono);
        assert_eq!(text_of(&b, &runs), "Azərbaycanın|Naxçıvan|bölgələrində");
    }

    #[test]
    fn an_image_in_the_line_is_one_box_spaced_like_a_word() {
        let seal = Run { image: Some(Pt(20.0)), ..run("the seal of the khan", "en", false) };
        let runs = [run("stamped ", "en", false), seal, run(" it", "en", false)];
        let b = build(&runs, &Mono);
        let boxes: Vec<Pt> = b
            .items
            .iter()
            .filter_map(|i| if let Item::Box { width } = i { Some(*width) } else { None })
            .collect();
        assert_eq!(boxes, [Pt(35.0), Pt(20.0), Pt(10.0)]);
        // Glue on both sides of the image: a line may break before or after it, not inside.
        let glue =
            b.items.iter().filter(|i| matches!(i, Item::Glue { width, .. } if *width == Pt(4.0))).count();
        assert_eq!(glue, 2);
        assert_eq!(text_of(&b, &runs), "stamped|the seal of the khan|it");
        // Set against a word, it sticks to it.
        let runs = [run("seal", "en", false), Run { image: Some(Pt(9.0)), ..run("x", "en", false) }];
        let b = build(&runs, &Mono);
        assert!(!b.items[..2].iter().any(|i| matches!(i, Item::Glue { .. })));
    }
}
