//! Paragraphs into lines: Knuth and Plass's total-fit algorithm ("Breaking paragraphs into
//! lines", 1981) over boxes, glue and penalties, with a greedy first-fit fallback behind the
//! same signature (as in Typst's `inline/linebreak.rs`).
//!
//! A paragraph is a list of [`Item`]s ending with a forced break. [`break_lines`] returns
//! where each line ends and how much its glue stretches (`ratio` > 0) or shrinks (< 0).

use super::Pt;

/// Cost of a penalty that forbids a break.
pub const FORBIDDEN: f64 = 10_000.0;
/// Cost of a penalty that forces a break.
pub const FORCED: f64 = -10_000.0;

/// One element of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Unbreakable material (a word or part of one).
    Box {
        /// Its width.
        width: Pt,
    },
    /// Space that may stretch or shrink, and where a line may break after a box.
    Glue {
        /// Natural width.
        width: Pt,
        /// How much it may grow.
        stretch: Pt,
        /// How much it may shrink.
        shrink: Pt,
    },
    /// A possible break with a cost (`FORBIDDEN` never, `FORCED` always).
    Penalty {
        /// Width added at the end of the line when broken here (a hyphen).
        width: Pt,
        /// Cost of breaking here.
        cost: f64,
        /// True for hyphens: two flagged breaks in a row cost extra.
        flagged: bool,
    },
}

/// One line: items `start..end` (the break item excluded) and its adjustment ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// First item of the line.
    pub start: usize,
    /// The break item (a glue or penalty) that ends the line.
    pub end: usize,
    /// Glue adjustment: stretch fraction (> 0) or shrink fraction (< 0).
    pub ratio: f64,
    /// True when the line is wider than the measure even fully shrunk.
    pub overfull: bool,
}

/// Parameters of the total-fit search.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Largest stretch ratio accepted (TeX's `\tolerance` is badness; 2.0 ≈ badness 800).
    pub tolerance: f64,
    /// Added to every line's badness before squaring (TeX's `\linepenalty`).
    pub line_penalty: f64,
    /// Extra demerits for two hyphenated lines in a row.
    pub double_hyphen: f64,
    /// Extra demerits when a line's tightness differs by more than one class from the last.
    pub adjacent_fitness: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params { tolerance: 2.0, line_penalty: 10.0, double_hyphen: 3000.0, adjacent_fitness: 100.0 }
    }
}

#[derive(Clone, Copy, Default)]
struct Sums {
    width: f64,
    stretch: f64,
    shrink: f64,
}

/// A feasible break. Every one is kept until the end (the best chain is read back from the
/// last), so it is kept small: a long paragraph makes tens of thousands.
struct Node {
    /// The break item.
    pos: u32,
    /// The number of the line that starts after this break.
    line: u32,
    /// The break before this one on the best chain ([`NO_PREV`] for the paragraph's start).
    prev: u32,
    fitness: u8,
    flagged: bool,
    /// The width of the line that starts after this break (`measure(line)`).
    target: f64,
    after: Sums,
    demerits: f64,
    ratio: f64,
}

/// [`Node::prev`] of the paragraph's start.
const NO_PREV: u32 = u32::MAX;

fn is_break(items: &[Item], i: usize) -> bool {
    match items[i] {
        Item::Penalty { cost, .. } => cost < FORBIDDEN,
        Item::Glue { .. } => i > 0 && matches!(items[i - 1], Item::Box { .. }),
        Item::Box { .. } => false,
    }
}

/// Breaks a paragraph with the total-fit algorithm; `measure(n)` is the width of line `n`.
/// Returns `None` when no set of breaks keeps every line within the tolerance.
pub fn total_fit(items: &[Item], measure: &dyn Fn(usize) -> Pt, params: Params) -> Option<Vec<Line>> {
    let mut sums = Vec::with_capacity(items.len() + 1);
    let mut s = Sums::default();
    sums.push(s);
    for it in items {
        match *it {
            Item::Box { width } => s.width += width.0,
            Item::Glue { width, stretch, shrink } => {
                s.width += width.0;
                s.stretch += stretch.0;
                s.shrink += shrink.0;
            }
            Item::Penalty { .. } => {}
        }
        sums.push(s);
    }
    // Sums after a break at `i`: the discardable items that follow are skipped.
    let after = |i: usize| {
        let mut k = i + 1;
        while k < items.len() && !matches!(items[k], Item::Box { .. }) {
            if matches!(items[k], Item::Penalty { cost, .. } if cost <= FORCED) {
                break;
            }
            k += 1;
        }
        sums[k]
    };
    // Positions and node numbers (at most four per break) are kept in 32 bits; no paragraph
    // comes near that, and one that did would be set first-fit.
    if items.len() >= (NO_PREV / 4) as usize {
        return None;
    }
    let mut nodes = vec![Node {
        pos: 0,
        line: 0,
        prev: NO_PREV,
        fitness: 1,
        flagged: false,
        target: measure(0).0,
        after: sums[0],
        demerits: 0.0,
        ratio: 0.0,
    }];
    let mut active: Vec<usize> = vec![0];
    let mut keep: Vec<usize> = Vec::new();
    for i in 0..items.len() {
        if !is_break(items, i) {
            continue;
        }
        let (pen_width, cost, flagged) = match items[i] {
            Item::Penalty { width, cost, flagged } => (width.0, cost, flagged),
            _ => (0.0, 0.0, false),
        };
        let mut best: [Option<(f64, usize, f64)>; 4] = [None; 4];
        keep.clear();
        // Active breaks come in the order of the text. Once a line from one of them is too
        // loose, a line of the same measure from any later one is shorter still (less
        // width, less stretch): it stays active but needs no look.
        let mut too_loose = f64::NAN;
        for &a in &active {
            let n = &nodes[a];
            if n.target == too_loose {
                if cost > FORCED {
                    keep.push(a);
                }
                continue;
            }
            let width = sums[i].width - n.after.width + pen_width;
            let target = n.target;
            let ratio = if width < target {
                let st = sums[i].stretch - n.after.stretch;
                if st > 0.0 {
                    (target - width) / st
                } else {
                    f64::INFINITY
                }
            } else if width > target {
                let sh = sums[i].shrink - n.after.shrink;
                if sh > 0.0 {
                    (target - width) / sh
                } else {
                    f64::NEG_INFINITY
                }
            } else {
                0.0
            };
            if ratio >= -1.0 && cost > FORCED {
                keep.push(a);
            }
            // (A paragraph ends with glue that stretches without limit, so its last line is
            // never too loose.)
            if ratio > params.tolerance && width < target {
                too_loose = target;
            }
            if ratio < -1.0 || ratio > params.tolerance {
                continue;
            }
            let badness = 100.0 * ratio.abs().powi(3);
            let mut d = (params.line_penalty + badness).powi(2);
            if cost >= 0.0 {
                d += cost * cost;
            } else if cost > FORCED {
                d -= cost * cost;
            }
            if flagged && n.flagged {
                d += params.double_hyphen;
            }
            let fitness = if ratio < -0.5 {
                0
            } else if ratio <= 0.5 {
                1
            } else if ratio <= 1.0 {
                2
            } else {
                3
            };
            if (fitness - i32::from(n.fitness)).abs() > 1 {
                d += params.adjacent_fitness;
            }
            let total = n.demerits + d;
            if best[fitness as usize].is_none_or(|(t, _, _)| total < t) {
                best[fitness as usize] = Some((total, a, ratio));
            }
        }
        std::mem::swap(&mut active, &mut keep);
        for (fitness, b) in best.iter().enumerate() {
            if let Some((demerits, prev, ratio)) = *b {
                let line = nodes[prev].line + 1;
                nodes.push(Node {
                    pos: i as u32,
                    line,
                    prev: prev as u32,
                    fitness: fitness as u8,
                    flagged,
                    target: measure(line as usize).0,
                    after: after(i),
                    demerits,
                    ratio,
                });
                active.push(nodes.len() - 1);
            }
        }
        if active.is_empty() {
            return None;
        }
    }
    let last = items.len().checked_sub(1)?;
    let end = active
        .iter()
        .copied()
        .filter(|&a| nodes[a].pos as usize == last)
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut lines = Vec::new();
    let mut k = end;
    while nodes[k].prev != NO_PREV {
        let prev = nodes[k].prev as usize;
        let start = if prev == 0 { 0 } else { first_box_after(items, nodes[prev].pos as usize) };
        lines.push(Line { start, end: nodes[k].pos as usize, ratio: nodes[k].ratio, overfull: false });
        k = prev;
    }
    lines.reverse();
    Some(lines)
}

fn first_box_after(items: &[Item], pos: usize) -> usize {
    (pos + 1..items.len()).find(|&k| matches!(items[k], Item::Box { .. })).unwrap_or(items.len())
}

/// First-fit: each line takes as much as fits, breaking at the last legal point.
pub fn first_fit(items: &[Item], measure: &dyn Fn(usize) -> Pt) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let target = measure(lines.len()).0;
        let (mut w, mut st, mut sh) = (0.0, 0.0, 0.0);
        let mut last_fit: Option<(usize, f64, f64, f64)> = None;
        let mut end = None;
        for i in start..items.len() {
            if is_break(items, i) {
                let pen = if let Item::Penalty { width, .. } = items[i] { width.0 } else { 0.0 };
                if w + pen - sh <= target || last_fit.is_none() {
                    last_fit = Some((i, w + pen, st, sh));
                }
                if matches!(items[i], Item::Penalty { cost, .. } if cost <= FORCED) || w - sh > target {
                    end = last_fit;
                    break;
                }
            }
            match items[i] {
                Item::Box { width } => w += width.0,
                Item::Glue { width, stretch, shrink } => {
                    w += width.0;
                    st += stretch.0;
                    sh += shrink.0;
                }
                Item::Penalty { .. } => {}
            }
        }
        let Some((i, w, st, sh)) = end.or(last_fit) else { break };
        let forced = matches!(items[i], Item::Penalty { cost, .. } if cost <= FORCED);
        let ratio = if w < target {
            if forced || st == 0.0 {
                0.0
            } else {
                ((target - w) / st).min(10.0)
            }
        } else if sh > 0.0 {
            ((target - w) / sh).max(-1.0)
        } else {
            0.0
        };
        lines.push(Line { start, end: i, ratio, overfull: w - sh > target + 1e-6 });
        start = first_box_after(items, i);
        if forced {
            break;
        }
    }
    lines
}

/// Breaks a paragraph: total-fit at growing tolerances, then first-fit, which never fails.
pub fn break_lines(items: &[Item], measure: &dyn Fn(usize) -> Pt) -> Vec<Line> {
    for tolerance in [2.0, 4.0, 10.0] {
        if let Some(lines) = total_fit(items, measure, Params { tolerance, ..Params::default() }) {
            return lines;
        }
    }
    first_fit(items, measure)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of `n` characters, 5 pt each; spaces 3 pt stretching 2 and shrinking 1.
    fn para(words: &[usize]) -> Vec<Item> {
        let mut v = Vec::new();
        for (k, n) in words.iter().enumerate() {
            if k > 0 {
                v.push(Item::Glue { width: Pt(3.0), stretch: Pt(2.0), shrink: Pt(1.0) });
            }
            v.push(Item::Box { width: Pt(5.0 * *n as f64) });
        }
        v.push(Item::Penalty { width: Pt::ZERO, cost: FORBIDDEN, flagged: false });
        v.push(Item::Glue { width: Pt::ZERO, stretch: Pt(1e6), shrink: Pt::ZERO });
        v.push(Item::Penalty { width: Pt::ZERO, cost: FORCED, flagged: false });
        v
    }

    fn width(items: &[Item], l: &Line) -> f64 {
        items[l.start..l.end]
            .iter()
            .map(|i| match i {
                Item::Box { width } => width.0,
                Item::Glue { width, stretch, shrink } => {
                    width.0 + if l.ratio >= 0.0 { stretch.0 } else { shrink.0 } * l.ratio
                }
                Item::Penalty { .. } => 0.0,
            })
            .sum()
    }

    #[test]
    fn total_fit_justifies_every_line_but_the_last() {
        let words = [4, 3, 6, 2, 5, 7, 3, 4, 6, 2, 3, 5, 8, 2, 4, 6, 3, 5, 4, 2, 6, 3];
        let items = para(&words);
        let lines = total_fit(&items, &|_| Pt(120.0), Params::default()).expect("feasible");
        assert!(lines.len() >= 3);
        for l in &lines[..lines.len() - 1] {
            assert!((width(&items, l) - 120.0).abs() < 1e-6, "{l:?}");
            assert!(l.ratio.abs() <= 2.0);
        }
        // Every box is in exactly one line, in order.
        let boxes: usize = lines
            .iter()
            .map(|l| items[l.start..l.end].iter().filter(|i| matches!(i, Item::Box { .. })).count())
            .sum();
        assert_eq!(boxes, words.len());
    }

    #[test]
    fn total_fit_beats_first_fit_on_the_worst_line() {
        let words = [8, 2, 2, 9, 3, 3, 7, 2, 8, 3, 4, 9, 2, 6, 3, 8];
        let items = para(&words);
        let measure = |_| Pt(100.0);
        let kp = total_fit(&items, &measure, Params { tolerance: 10.0, ..Params::default() }).unwrap();
        let ff = first_fit(&items, &measure);
        let worst = |ls: &[Line]| ls[..ls.len() - 1].iter().map(|l| l.ratio.abs()).fold(0.0, f64::max);
        assert!(worst(&kp) <= worst(&ff) + 1e-9, "kp {} ff {}", worst(&kp), worst(&ff));
    }

    #[test]
    fn an_impossible_measure_falls_back_to_first_fit() {
        let items = para(&[30, 2, 3]);
        assert!(total_fit(&items, &|_| Pt(50.0), Params::default()).is_none());
        let lines = break_lines(&items, &|_| Pt(50.0));
        assert!(lines[0].overfull, "a word wider than the line is reported overfull");
        assert_eq!(lines.len(), 2);
    }

    /// The least total demerits of any breaking of `items` into lines of `measure` (every
    /// line within the tolerance), by trying every earlier break for every break: no active
    /// list, nothing skipped. (Short paragraphs only.)
    fn least_demerits(items: &[Item], measure: f64, params: Params) -> Option<f64> {
        let sums = |a: usize, b: usize| {
            items[a..b].iter().fold((0.0, 0.0, 0.0), |(w, st, sh), it| match *it {
                Item::Box { width } => (w + width.0, st, sh),
                Item::Glue { width, stretch, shrink } => (w + width.0, st + stretch.0, sh + shrink.0),
                Item::Penalty { .. } => (w, st, sh),
            })
        };
        // (break position, fitness) → least demerits; the start is break 0, fitness 1.
        let mut best: Vec<(usize, u8, f64)> = vec![(0, 1, 0.0)];
        for i in (0..items.len()).filter(|&i| is_break(items, i)) {
            let (pen, cost, flagged) = match items[i] {
                Item::Penalty { width, cost, flagged } => (width.0, cost, flagged),
                _ => (0.0, 0.0, false),
            };
            let mut here: [Option<f64>; 4] = [None; 4];
            for &(a, fa, d0) in &best {
                let start = if a == 0 { 0 } else { first_box_after(items, a) };
                let forced_between =
                    (a + 1..i).any(|k| matches!(items[k], Item::Penalty { cost, .. } if cost <= FORCED));
                if start > i || forced_between {
                    continue;
                }
                let (w, st, sh) = sums(start, i);
                let w = w + pen;
                let ratio = if w < measure {
                    if st > 0.0 {
                        (measure - w) / st
                    } else {
                        f64::INFINITY
                    }
                } else if w > measure {
                    if sh > 0.0 {
                        (measure - w) / sh
                    } else {
                        f64::NEG_INFINITY
                    }
                } else {
                    0.0
                };
                if !(-1.0..=params.tolerance).contains(&ratio) {
                    continue;
                }
                let a_flagged = a > 0 && matches!(items[a], Item::Penalty { flagged: true, .. });
                let (d, f) = line_demerits(ratio, (cost, flagged), (fa, a_flagged), params);
                let slot = &mut here[usize::from(f)];
                if slot.is_none_or(|t| d0 + d < t) {
                    *slot = Some(d0 + d);
                }
            }
            best.extend(here.iter().enumerate().filter_map(|(f, d)| d.map(|d| (i, f as u8, d))));
        }
        let last = items.len() - 1;
        best.iter().filter(|b| b.0 == last).map(|b| b.2).min_by(f64::total_cmp)
    }

    /// The demerits of a line of adjustment `ratio` ending at a break of `cost` (flagged or
    /// not) after a line of fitness class `prev.0` ending at a flagged break or not, written
    /// out from Knuth and Plass apart from `total_fit`; and the line's fitness class.
    fn line_demerits(
        ratio: f64,
        (cost, flagged): (f64, bool),
        prev: (u8, bool),
        params: Params,
    ) -> (f64, u8) {
        let mut d = (params.line_penalty + 100.0 * ratio.abs().powi(3)).powi(2);
        if cost >= 0.0 {
            d += cost * cost;
        } else if cost > FORCED {
            d -= cost * cost;
        }
        if flagged && prev.1 {
            d += params.double_hyphen;
        }
        let f: u8 = match ratio {
            r if r < -0.5 => 0,
            r if r <= 0.5 => 1,
            r if r <= 1.0 => 2,
            _ => 3,
        };
        if (i32::from(f) - i32::from(prev.0)).abs() > 1 {
            d += params.adjacent_fitness;
        }
        (d, f)
    }

    /// The demerits of `lines` as [`least_demerits`] counts them.
    fn demerits_of(items: &[Item], lines: &[Line], params: Params) -> f64 {
        let mut total = 0.0;
        let mut prev = (1u8, false);
        for l in lines {
            let (cost, flagged) = match items[l.end] {
                Item::Penalty { cost, flagged, .. } => (cost, flagged),
                _ => (0.0, false),
            };
            let (d, f) = line_demerits(l.ratio, (cost, flagged), prev, params);
            total += d;
            prev = (f, flagged);
        }
        total
    }

    #[test]
    fn total_fit_finds_the_least_demerits_of_any_breaking() {
        // Pseudo-random paragraphs of words, some with hyphenation points, some spaces
        // unbreakable: the active list and the skipping of too-loose breaks must not lose
        // the best breaking. (Widths in eighths of a point add up exactly, so both sides
        // see the same ratios.)
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for case in 0..300 {
            let mut items = Vec::new();
            for k in 0..(8 + next(40)) {
                if k > 0 {
                    if next(9) == 0 {
                        items.push(Item::Penalty { width: Pt::ZERO, cost: FORBIDDEN, flagged: false });
                    }
                    items.push(Item::Glue { width: Pt(3.0), stretch: Pt(1.5), shrink: Pt(1.0) });
                }
                for _ in 0..next(3) {
                    items.push(Item::Box { width: Pt(6.0 + next(90) as f64 / 8.0) });
                    items.push(Item::Penalty { width: Pt(2.5), cost: 50.0, flagged: true });
                }
                items.push(Item::Box { width: Pt(6.0 + next(120) as f64 / 8.0) });
            }
            items.push(Item::Penalty { width: Pt::ZERO, cost: FORBIDDEN, flagged: false });
            items.push(Item::Glue { width: Pt::ZERO, stretch: Pt(1e6), shrink: Pt::ZERO });
            items.push(Item::Penalty { width: Pt::ZERO, cost: FORCED, flagged: true });
            let measure = 60.0 + next(80) as f64;
            let params = Params { tolerance: [2.0, 4.0, 10.0][case % 3], ..Params::default() };
            let found = total_fit(&items, &|_| Pt(measure), params);
            match (found, least_demerits(&items, measure, params)) {
                (Some(lines), Some(least)) => {
                    let got = demerits_of(&items, &lines, params);
                    assert!((got - least).abs() <= 1e-6 * least.max(1.0), "case {case}: {got} > {least}");
                }
                (None, None) => {}
                (found, least) => panic!("case {case}: total_fit {found:?}, exhaustive {least:?}"),
            }
        }
    }

    #[test]
    fn forbidden_breaks_hold_words_together() {
        // `ф. 85`: the glue between the label and the number may not break.
        let mut items = vec![Item::Box { width: Pt(10.0) }];
        items.push(Item::Penalty { width: Pt::ZERO, cost: FORBIDDEN, flagged: false });
        items.push(Item::Glue { width: Pt(3.0), stretch: Pt(2.0), shrink: Pt(1.0) });
        items.push(Item::Box { width: Pt(10.0) });
        items.extend(para(&[4, 4, 4, 4]));
        let lines = break_lines(&items, &|_| Pt(30.0));
        assert!(lines.iter().all(|l| l.end != 2), "{lines:?}");
    }
}
