//! Pages and their note zones, for extractions that keep the printed lines.
//!
//! poppler's `pdftotext`, pdfminer.six, PyMuPDF, pdfplumber and PDFBox write one output line
//! per printed line and mark pages (a form feed, or at least the folio). The notes of a page
//! are then its last lines, each note opening with its number in one of four shapes: glued
//! to the text (`1Circular of…`, the superscript flattened), followed by a space or a point
//! (`5 The…`, `5. Ibid.`), or alone on its line above the text (`6` / `Ibid.`). Any of these
//! shapes also opens ordinary lines (`12 villages…`), so a line is taken as a note's first
//! line only inside a **note zone**: a run of such lines at the foot of a page whose numbers
//! go up by one, end the page, and start where the numbering left off (or at 1, for
//! numbering that restarts on every page), with the first note's call in the text above.

/// What the page analysis says of one physical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The line opens note `label`; its text starts at byte `text_at` of the line (at the
    /// line's end when the number stands alone and the text follows on the next line).
    NoteStart {
        /// The printed number.
        label: String,
        /// Where the note text begins in the line.
        text_at: usize,
    },
    /// The first line of a new page.
    PageStart,
    /// A heading set on a line of its own between paragraphs of a page.
    Heading,
    /// The first line of a paragraph (the line above ended a sentence short of the measure).
    ParagraphStart,
    /// The first line of the rest of a note, set apart by a blank line: above the page's
    /// note zone (the rest of a note from the page before), or inside it.
    NoteRest,
    /// A note's number that the extractor moved to the end of the page, away from its note
    /// (pdftotext on XeLaTeX output); the note is numbered where its text begins.
    MovedLabel,
    /// A running head written after the page's text (PyMuPDF on WeasyPrint pages): it
    /// stands alone, never going on with the last note or paragraph.
    RunningHead,
}

/// A note number at the start of a line: its value, where the text begins, and whether the
/// number stands alone on the line.
pub(super) fn opening_number(line: &str) -> Option<(u32, usize, bool)> {
    let line = line.trim_end();
    let start = line.len() - line.trim_start_matches([' ', '\t', '\u{c}']).len();
    let s = &line[start..];
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || s.starts_with('0') {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    let rest = &s[digits..];
    let Some(next) = rest.chars().next() else { return Some((n, line.len(), true)) };
    let text_at = |skip: usize| {
        let after = &rest[skip..];
        start + digits + skip + (after.len() - after.trim_start().len())
    };
    // Glued: the raised number flattened onto a capital or an opening quote or bracket.
    if next.is_uppercase() || "“\"«„(['‘*†".contains(next) {
        return Some((n, text_at(0), false));
    }
    // `5 Text`, `5. Text`, `5) Text`.
    let skip = usize::from(rest.starts_with(['.', ')']));
    if rest[skip..].starts_with([' ', '\t']) && !rest[skip..].trim().is_empty() {
        return Some((n, text_at(skip), false));
    }
    None
}

/// True for a folio line (`12`, `- 12 -`).
fn is_folio(line: &str) -> bool {
    super::units::is_page_number(line.trim_start_matches('\u{c}'))
}

/// The ranges of line indexes of each page: split at form feeds when the text has them, else
/// after the folios (bare numbers that count up).
pub(super) fn pages(lines: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut starts = vec![0];
    if lines.iter().any(|l| l.contains('\u{c}')) {
        starts.extend((1..lines.len()).filter(|&i| lines[i].starts_with('\u{c}')));
    } else {
        // Running heads that carry the folio (`2 | A. Author Title`, `Title 3`): lines that
        // repeat, digits aside.
        let mut heads: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for l in lines.iter().filter(|l| l.len() <= 200 && folio_of_head(l).is_some()) {
            *heads.entry(head_key(l)).or_default() += 1;
        }
        // Lines printed on several pages word for word (a running head without its folio).
        let mut repeated: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for l in lines.iter().map(|l| l.trim()).filter(|l| l.len() <= 200 && l.chars().count() >= 10) {
            *repeated.entry(l).or_default() += 1;
        }
        let mut next_folio: Option<u32> = None;
        for (i, l) in lines.iter().enumerate() {
            if is_folio(l) {
                let n: u32 = l.trim().trim_matches(['-', '—', '–', ' ']).parse().unwrap_or(0);
                if next_folio.is_none_or(|f| f == n) {
                    next_folio = Some(n + 1);
                    // A running head right above the folio heads the next page with it
                    // (WeasyPrint: title, then folio, at the top of every page).
                    let head_above = i > 0 && repeated.get(lines[i - 1].trim()).is_some_and(|&c| c >= 2);
                    if head_above {
                        starts.push(i - 1);
                    } else if i + 1 < lines.len() {
                        starts.push(i + 1);
                    }
                }
            } else if let Some(n) = folio_of_head(l)
                .filter(|_| l.len() <= 200 && heads.get(&head_key(l)).is_some_and(|&c| c >= 2))
            {
                if next_folio.is_none_or(|f| f == n) {
                    next_folio = Some(n + 1);
                    starts.push(i);
                }
            }
        }
    }
    starts.dedup();
    let mut out: Vec<std::ops::Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    out.push(*starts.last().unwrap_or(&0)..lines.len());
    out
}

/// The folio a running head carries at its start or end (`2 | Author`, `Title 3`).
fn folio_of_head(line: &str) -> Option<u32> {
    let t = line.trim();
    let lead: String = t.chars().take_while(char::is_ascii_digit).collect();
    let trail: String =
        t.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    let n = if (1..=4).contains(&lead.len()) && t[lead.len()..].starts_with([' ', '|', '·', '•']) {
        lead
    } else if (1..=4).contains(&trail.len()) && t[..t.len() - trail.len()].ends_with([' ', '|', '·', '•'])
    {
        trail
    } else {
        return None;
    };
    // A head has words besides its number.
    (t.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| n.parse().ok()).flatten()
}

/// A running head without its digits and spacing, to count its repeats.
fn head_key(line: &str) -> String {
    line.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect()
}

/// True when `text` holds `n` as a note call (see [`call_numbers`]).
#[cfg(test)]
fn calls(text: &str, n: u32) -> bool {
    call_numbers(text).contains(&n)
}

/// The numbers `text` holds as note calls: digits glued to a word, to punctuation or to a
/// year (`party.1`, `Dvina.1`, `19204` for the year 1920 and call 4), not numbers of their own;
/// and superscript digits (`party.¹²`), which a reader of the PDF writes only for raised calls.
pub(super) fn call_numbers(text: &str) -> Vec<u32> {
    call_numbers_in(text, true)
}

/// [`call_numbers`], with superscript digits counted only when `superscripts` (text cut
/// into pages by form feeds, as a PDF reader writes it; in a text of one page superscript
/// calls would also let a numbered reference list after them pass for notes).
fn call_numbers_in(text: &str, superscripts: bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain([' ']).filter(|_| superscripts) {
        match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
            Some(d) => run.push(char::from(b'0' + d as u8)),
            None if !run.is_empty() => {
                out.extend(run.parse::<u32>().ok().filter(|_| run.len() <= 3));
                run.clear();
            }
            None => {}
        }
    }
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &text[start..i];
        let before = text[..start].chars().next_back();
        let glued = before.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit() && c != '(' && c != '[');
        let after_ok = text[i..].chars().next().is_none_or(|c| !c.is_alphanumeric() || c.is_uppercase());
        if glued && after_ok && run.len() <= 3 {
            out.extend(run.parse::<u32>().ok());
        }
        // A year with the call glued on (`19204`; `1920.4` is caught above).
        if (5..=7).contains(&run.len()) && crate::fold::is_year(&run[..4]) {
            out.extend(run[4..].parse::<u32>().ok().filter(|&n| n > 0));
        }
    }
    out
}

/// The roles of the lines of `src` (split at `\n`), by index.
pub fn roles(lines: &[&str]) -> Vec<Option<Role>> {
    let mut out: Vec<Option<Role>> = vec![None; lines.len()];
    let mut expected: u32 = 1;
    // Whether the last note read stops mid-sentence (and may run on to the next page).
    let mut note_open = false;
    // Whether it stops after a comma, a colon, a semicolon or a dash: surely mid-sentence.
    let mut note_cut = false;
    let all_pages = pages(lines);
    let paged = lines.iter().any(|l| l.contains('\u{c}'));
    let page_count = all_pages.len();
    let foot_heads = super::furniture::heads_at_page_ends(lines, &all_pages, is_folio);
    for &i in &foot_heads {
        out[i] = Some(Role::RunningHead);
    }
    for i in super::furniture::heads_at_page_starts(lines, &all_pages) {
        out[i] = Some(Role::RunningHead);
    }
    for (p, page) in all_pages.into_iter().enumerate() {
        if p > 0 && page.start < lines.len() && out[page.start].is_none() {
            out[page.start] = Some(Role::PageStart);
        }
        // The page's lines without the folio and blank lines at its end.
        let mut end = page.end;
        while end > page.start
            && (lines[end - 1].trim().is_empty()
                || is_folio(lines[end - 1])
                || foot_heads.binary_search(&(end - 1)).is_ok())
        {
            end -= 1;
        }
        let cands: Vec<(usize, u32, usize)> = (page.start..end)
            .filter_map(|i| {
                let (n, at, alone) = opening_number(lines[i])?;
                // A number alone is a label only with the note's text on the next line (or
                // after one blank line, as pdftotext sets a LaTeX note's number apart).
                let text_at = |k: usize| {
                    k < end
                        && !lines[k].trim().is_empty()
                        && opening_number(lines[k]).is_none_or(|(_, _, a)| !a)
                };
                let text_follows =
                    text_at(i + 1) || i + 2 < end && lines[i + 1].trim().is_empty() && text_at(i + 2);
                (!alone || text_follows).then_some((i, n, at))
            })
            .collect();
        // Numbers set as a column above their notes (pdftotext on some LibreOffice pages:
        // `5` `6` `7` on lines of their own, then the five notes): each number goes to the
        // line where its note begins.
        let columns = label_columns(lines, page.start..end);
        let cands: Vec<(usize, u32, usize)> = if columns.is_empty() {
            cands
        } else {
            let in_column = |i: usize| columns.iter().any(|c| c.numbers.contains(&i));
            let mut all: Vec<_> = cands.into_iter().filter(|c| !in_column(c.0)).collect();
            all.extend(columns.iter().flat_map(|c| c.starts.iter().copied()));
            all.sort_unstable();
            all
        };
        // The calls of the page (and of the end of the page before), found once: (line, number).
        let from = if p > 0 { page.start.saturating_sub(60) } else { page.start };
        let page_calls: Vec<(usize, u32)> = if cands.is_empty() {
            Vec::new()
        } else {
            (from..end)
                .flat_map(|i| call_numbers_in(lines[i], paged).into_iter().map(move |n| (i, n)))
                .collect()
        };
        // Bare numbers after the page's last text line: the folio, and the numbers of notes
        // that the extractor moved there (`6` / `2` at the foot, the folio last).
        let moved: Vec<(usize, u32)> = (end..page.end)
            .filter(|&i| is_folio(lines[i]))
            .filter_map(|i| Some((i, lines[i].trim().trim_start_matches('\u{c}').parse().ok()?)))
            .collect();
        let called = |k: u32, first_line: usize| page_calls.iter().any(|&(i, n)| n == k && i < first_line);
        let gap = |a: &(usize, u32, usize), b: &(usize, u32, usize)| {
            let number_moved = moved.iter().any(|&(_, n)| n == a.1 + 1);
            number_moved.then(|| split_line(lines, a, b.0)).flatten()
        };
        let mut chain = zone(&cands, expected, called, gap).unwrap_or_default();
        // The number of the page's last note moved below it, above the folio (which stays
        // the last bare number, unless the running head carries the folio: `2 | Author`):
        // the note begins where a sentence ends inside the last one.
        if let Some(&last) = chain.last() {
            let head_folio =
                (page.start..page.end.min(page.start + 3)).any(|i| folio_of_head(lines[i]).is_some());
            let before_folio =
                if head_folio { &moved[..] } else { moved.split_last().map_or(&[][..], |(_, rest)| rest) };
            if before_folio.iter().any(|&(_, n)| n == last.1 + 1) {
                if let Some((k, at)) = split_line(lines, &last, end) {
                    chain.push((k, last.1 + 1, at));
                }
            }
        }
        for c in &columns {
            if c.starts.iter().all(|s| chain.contains(s)) {
                for &i in &c.numbers {
                    out[i] = Some(Role::MovedLabel);
                }
            }
        }
        for &(i, n) in &moved {
            if chain.iter().any(|c| c.1 == n && opening_number(lines[c.0]).is_none_or(|o| o.0 != n)) {
                out[i] = Some(Role::MovedLabel);
            }
        }
        // The rest of an open note: the block of lines right above the zone (or ending the
        // page), after a blank line; or, where the extractor sets no blank lines (PDFBox), the
        // lines below the page's text that go on with the note in small letters (`of
        // Enterprise in Russia, …`).
        let zone_top = chain.first().map_or(end, |c| c.0);
        if note_open && p > 0 {
            let mut top = zone_top;
            while top > page.start && !lines[top - 1].trim().is_empty() {
                top -= 1;
            }
            let blank_above = top > page.start + 1 && lines[top - 1].trim().is_empty();
            let top = if top < zone_top {
                rest_top(lines, page.start..zone_top, top.max(page.start + 1), &chain)
            } else {
                top
            };
            // (Or in capitals, a line or three below the page's last paragraph, where the note
            // broke off after a comma, a colon or a dash: `Black Sea,”` / `Journal of …`.)
            let goes_on = top > page.start + 1
                && (super::join::starts_lower(lines[top]) || note_cut && zone_top - top <= 3);
            if top < zone_top && (blank_above || goes_on) {
                out[top] = Some(Role::NoteRest);
                if chain.is_empty() {
                    note_open = !super::join::ends_sentence(lines[zone_top - 1]);
                }
            }
        }
        if chain.is_empty() {
            continue;
        }
        let last_line = end.max(1) - 1;
        note_open = !super::join::ends_sentence(lines[last_line]);
        note_cut = breaks_off(lines[last_line]);
        for &(i, n, at) in &chain {
            out[i] = Some(Role::NoteStart { label: n.to_string(), text_at: at });
            expected = n + 1;
        }
        // A note's line that the extractor set apart by a blank line (pdfminer writes one
        // between many lines) goes on with the note above it, inside the zone, when the page
        // is known to end there (another page follows, or its folio closes it).
        let closed = p + 1 < page_count || lines[end..page.end].iter().any(|l| is_folio(l));
        // (Not the text of a number alone above a blank line: that is the note's first line.)
        let number_alone_above = |i: usize| {
            i >= 2 && chain.iter().any(|&(k, _, at)| k == i - 2 && at >= lines[k].trim_end().len())
        };
        for i in (chain[0].0 + 1..end).filter(|_| closed) {
            if out[i].is_none()
                && !lines[i].trim().is_empty()
                && lines[i - 1].trim().is_empty()
                && !number_alone_above(i)
            {
                out[i] = Some(Role::NoteRest);
            }
        }
        let zone_start = chain.first().map_or(end, |c| c.0);
        paragraphs(lines, page.start..zone_start, &mut out);
    }
    out
}

/// Whether a line stops after a comma, a colon, a semicolon or a dash (closing quotes aside).
fn breaks_off(line: &str) -> bool {
    line.trim_end().trim_end_matches(['”', '’', '"', '»', '“']).ends_with([',', ':', ';', '–', '—'])
}

/// Where the rest of an open note begins in the block of lines `top..page.end` right above
/// the page's note zone (`chain`), when the extractor set no blank line between the page's
/// last paragraph and that rest (pdftotext on LibreOffice pages): below the last line that
/// calls one of the zone's notes (the page's text calls them, a note does not), and below
/// the last line there that ends a sentence short of the page's measure (a paragraph's
/// end; a note's own lines are set in smaller type, so they fill the measure or run past it).
fn rest_top(
    lines: &[&str],
    page: std::ops::Range<usize>,
    top: usize,
    chain: &[(usize, u32, usize)],
) -> usize {
    let last = page.end - 1;
    let zone_numbers: Vec<u32> = chain.iter().map(|c| c.1).collect();
    let mut top = (top..last)
        .rev()
        .find(|&i| call_numbers(lines[i]).iter().any(|n| zone_numbers.contains(n)))
        .map_or(top, |i| i + 1);
    let lens: Vec<usize> =
        lines[page.clone()].iter().map(|l| l.trim().chars().count()).filter(|&l| l > 0).collect();
    let measure = super::measure::full_line(&lens);
    if lens.len() >= 8 && measure >= 40 {
        if let Some(i) = (top..last).rev().find(|&i| {
            super::join::ends_sentence(lines[i]) && lines[i].trim().chars().count() * 100 < measure * 85
        }) {
            top = i + 1;
        }
        // Above its last line, a note's lines are longer than the page's (smaller type), but
        // not twice as long (pdftotext's rejoined hyphenated lines are): the rest stops at
        // the first line above it at the page's measure.
        let ratio = |i: usize| lines[i].trim().chars().count() * 100 / measure;
        if (top..last).any(|i| ratio(i) <= 100) {
            let mut k = last;
            while k > top && (109..160).contains(&ratio(k - 1)) {
                k -= 1;
            }
            top = k;
        }
    }
    top.min(last)
}

/// Marks the headings and paragraph starts of a page's text (`range`), when its lines are
/// the printed lines: a paragraph ends with a line that ends a sentence short of the
/// measure; a heading is a short line with no final punctuation between two paragraphs.
fn paragraphs(lines: &[&str], range: std::ops::Range<usize>, out: &mut [Option<Role>]) {
    let len = |i: usize| lines[i].trim().chars().count();
    let mut lens: Vec<usize> = range.clone().map(len).filter(|&l| l > 0).collect();
    if lens.len() < 8 {
        return;
    }
    lens.sort_unstable();
    let measure = lens[lens.len() * 9 / 10];
    let filled = lens.iter().filter(|&&l| l * 100 >= measure * 85).count();
    // Lines at no steady measure (an extractor that ran some printed lines together) are
    // not the printed lines of a page: only a heading set apart by a blank line above, with
    // longer prose lines below, is told then.
    let printed = measure >= 40 && filled * 2 >= lens.len();
    if printed && range.start == 0 {
        front_heading(lines, range.clone(), measure, out);
    }
    let starts_upper = |i: usize| opens_like_start(lines[i]);
    for i in range.start + 1..range.end {
        if out[i].is_some()
            || out[i - 1].as_ref().is_some_and(|r| !matches!(r, Role::ParagraphStart))
            || len(i) == 0
        {
            continue;
        }
        let prev = lines[i - 1].trim();
        let t = lines[i].trim();
        let prev_ends = prev.is_empty()
            || super::join::ends_sentence(prev)
            || super::lexicon::classification(prev).is_some();
        let short = if printed { len(i) * 100 <= measure * 60 } else { prev.is_empty() && len(i) <= 80 };
        let heading = short
            && prev_ends
            && starts_upper(i)
            && !t.ends_with(['.', ',', ';', ':'])
            && !t.contains(". ")
            && i + 1 < range.end
            && starts_upper(i + 1)
            && len(i + 1) > len(i);
        if heading {
            out[i] = Some(Role::Heading);
        } else if printed
            && prev_ends
            && !prev.is_empty()
            && len(i - 1) * 100 < measure * 85
            && starts_upper(i)
        {
            out[i] = Some(Role::ParagraphStart);
        }
    }
}

/// The body's first heading under the front matter of an extraction without blank lines
/// (pdfplumber: `Bakı Şəhər Dumasının maarif` / `siyasəti (1918–1920)` / `Ləman Əliyeva` /
/// `Giriş` / the first full line): the last of the short lines that open the first page, when
/// two or more stand above it, it reads as a heading and is no person's name.
fn front_heading(lines: &[&str], range: std::ops::Range<usize>, measure: usize, out: &mut [Option<Role>]) {
    let len = |i: usize| lines[i].trim().chars().count();
    let Some(full) = range.clone().find(|&i| len(i) * 100 >= measure * 85) else { return };
    if full < range.start + 3 || (range.start..full).any(|i| len(i) == 0 || len(i) * 100 > measure * 60) {
        return;
    }
    let last = full - 1;
    let t = lines[last].trim();
    if out[last].is_none()
        && opens_like_start(t)
        && !t.ends_with(['.', ',', ';', ':'])
        && super::front::names(t).is_none()
    {
        out[last] = Some(Role::Heading);
    }
}

/// Whether `line` opens the way a sentence, a paragraph or a note does: a capital, a digit,
/// an opening quote or bracket.
fn opens_like_start(line: &str) -> bool {
    line.trim()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"«„‘([".contains(c))
}

/// A column of note numbers printed above their notes.
struct LabelColumn {
    /// The lines of the numbers.
    numbers: Vec<usize>,
    /// The notes they open: (line, number, where the text starts).
    starts: Vec<(usize, u32, usize)>,
}

/// Finds the columns of numbers in `range`: two or more lines holding only numbers that go
/// up by one, then (after a blank line at most) as many notes, told apart where a line
/// follows a sentence's end and opens with a capital, a digit or a quote; only where the
/// count of such places matches the count of numbers exactly.
fn label_columns(lines: &[&str], range: std::ops::Range<usize>) -> Vec<LabelColumn> {
    let alone = |i: usize| opening_number(lines[i]).filter(|o| o.2).map(|o| o.0);
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let Some(first) = alone(i) else {
            i += 1;
            continue;
        };
        let mut numbers = vec![i];
        while let Some(n) = (i + numbers.len() < range.end).then(|| alone(i + numbers.len())).flatten() {
            if n != first + numbers.len() as u32 {
                break;
            }
            numbers.push(i + numbers.len());
        }
        let after = i + numbers.len();
        i = after;
        if numbers.len() < 2 {
            continue;
        }
        let t0 = if after < range.end && lines[after].trim().is_empty() { after + 1 } else { after };
        let mut text_end = t0;
        while text_end < range.end
            && !lines[text_end].trim().is_empty()
            && opening_number(lines[text_end]).is_none()
        {
            text_end += 1;
        }
        if text_end == t0 {
            continue;
        }
        let mut starts = vec![t0];
        starts.extend(
            (t0 + 1..text_end)
                .filter(|&k| super::join::ends_sentence(lines[k - 1]) && opens_like_start(lines[k])),
        );
        if starts.len() != numbers.len() {
            continue;
        }
        let starts = starts
            .into_iter()
            .zip(first..)
            .map(|(k, n)| (k, n, lines[k].len() - lines[k].trim_start().len()))
            .collect();
        out.push(LabelColumn { numbers, starts });
    }
    out
}

/// Where the note after `a` begins when its number is missing, before line `next`: the
/// first line after `a`'s first text line that follows a sentence's end and opens with a
/// capital, a digit or a quote. Returns the line and where its text starts.
fn split_line(lines: &[&str], a: &(usize, u32, usize), next: usize) -> Option<(usize, usize)> {
    // A number alone has its text on the next non-blank line.
    let alone = a.2 >= lines[a.0].trim_end().len();
    let first_text = if alone { (a.0 + 1..next).find(|&k| !lines[k].trim().is_empty())? } else { a.0 };
    let mut prev = lines[first_text];
    for (k, line) in lines.iter().enumerate().take(next).skip(first_text + 1) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if super::join::ends_sentence(prev) && opens_like_start(t) {
            return Some((k, line.len() - line.trim_start().len()));
        }
        prev = lines[k];
    }
    None
}

/// The note zone among a page's candidate lines: numbers going up by one to the last
/// candidate that opens a note, starting at `expected` or at 1, the first one called in the
/// text above (`called(k, line)`). Candidates in between with other numbers are lines of
/// the notes (`12 February 1876, f. 88`).
///
/// A missing number between two candidates is accepted when `gap(a, b)` finds the line
/// where its note begins (its number was moved away by the extractor): the chain then holds
/// that line with the missing number.
fn zone(
    cands: &[(usize, u32, usize)],
    expected: u32,
    called: impl Fn(u32, usize) -> bool,
    gap: impl Fn(&(usize, u32, usize), &(usize, u32, usize)) -> Option<(usize, usize)>,
) -> Option<Vec<(usize, u32, usize)>> {
    // A page holds a few dozen notes at most: only its last candidates are looked at, and a
    // run is followed up for at most `MAX_NOTES` lines (a hostile text of 100,000 numbered
    // lines on one "page" stays linear).
    const MAX_NOTES: usize = 60;
    let cands = &cands[cands.len().saturating_sub(4 * MAX_NOTES)..];
    for last in (0..cands.len()).rev() {
        let mut chain = vec![cands[last]];
        let mut cur = cands[last].1;
        for c in cands[..last].iter().rev().take(4 * MAX_NOTES) {
            if cur == 1 || chain.len() > MAX_NOTES {
                break;
            }
            if c.1 + 1 == cur {
                chain.push(*c);
                cur = c.1;
            } else if c.1 + 2 == cur {
                if let Some((line, at)) = chain.last().and_then(|b| gap(c, b)) {
                    chain.push((line, c.1 + 1, at));
                    chain.push(*c);
                    cur = c.1;
                }
            }
        }
        chain.reverse();
        // From 1 when the run goes down to it (numbering restarts on the page), else from
        // where the numbering left off, or later (notes of an earlier page went unseen) when
        // the run has two notes or more.
        let Some(from) = chain
            .iter()
            .position(|c| c.1 == 1)
            .or_else(|| chain.iter().position(|c| c.1 == expected))
            .or_else(|| (chain.len() >= 2 && chain[0].1 > expected).then_some(0))
        else {
            continue;
        };
        let chain = chain.split_off(from);
        if chain.len() <= MAX_NOTES && called(chain[0].1, chain[0].0) {
            return Some(chain);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_open_notes() {
        assert_eq!(opening_number("1Circular of the Ministry"), Some((1, 1, false)));
        assert_eq!(opening_number("12ARDA, f. 28"), Some((12, 2, false)));
        assert_eq!(opening_number("5 The Helmsing papers"), Some((5, 2, false)));
        assert_eq!(opening_number("5. Ibid."), Some((5, 3, false)));
        assert_eq!(opening_number("6"), Some((6, 1, true)));
        assert_eq!(opening_number("1920s saw"), None);
        assert_eq!(opening_number("1,900 barges"), None);
        assert_eq!(opening_number("05 x"), None);
    }

    /// Three lines of page text calling notes 1, 2 and 3.
    const THREE_CALLS: [&str; 3] = [
        "The committee met in the spring of that year and the merchants wrote.1 They asked for",
        "rules, not exemptions, and the ministry answered them in the summer.2 The answer came",
        "late in the season, when the barges had already been stopped at the stages below.3",
    ];

    /// pdftotext on XeLaTeX output sets some note numbers apart, at the end of the page
    /// above the folio: the note is numbered where its text begins.
    #[test]
    fn numbers_moved_to_the_foot_of_the_page() {
        let page = [
            &THREE_CALLS[..],
            &[
                "1",
                "",
                "Circular of the Ministry, 21 April 1877.",
                "LVVA, f. 3422, apr. 1, l. 512.",
                "3",
                "Ibid., l. 514.",
                "2",
                "",
                "7",
                "\u{c}The next page goes on.",
            ],
        ]
        .concat();
        let r = roles(&page);
        assert_eq!(r[3], Some(Role::NoteStart { label: "1".into(), text_at: 1 }));
        assert_eq!(r[6], Some(Role::NoteStart { label: "2".into(), text_at: 0 }));
        assert_eq!(r[7], Some(Role::NoteStart { label: "3".into(), text_at: 1 }));
        assert_eq!(r[9], Some(Role::MovedLabel));
        assert_eq!(r[11], None, "the folio stays a folio");
        // Without the moved number, the gap is not bridged.
        let mut without: Vec<&str> = page.to_vec();
        without[9] = "";
        assert_eq!(roles(&without)[6], None);
    }

    /// The moved number can be the page's last note's (above the folio, which stays the
    /// last bare number); the text of a number alone across a blank line is its note's
    /// first line, never the rest of another note.
    #[test]
    fn the_last_notes_number_moved_above_the_folio() {
        let page = [
            &THREE_CALLS[..],
            &[
                "1",
                "",
                "Circular of the Ministry, 21 April 1877.",
                "2",
                "LVVA, f. 3422, apr. 1, l. 512.",
                "Ibid., l. 514.",
                "3",
                "",
                "7",
                "\u{c}The next page goes on.",
            ],
        ]
        .concat();
        let r = roles(&page);
        assert_eq!(r[3], Some(Role::NoteStart { label: "1".into(), text_at: 1 }));
        assert_eq!(r[5], None, "the first line of note 1");
        assert_eq!(r[6], Some(Role::NoteStart { label: "2".into(), text_at: 1 }));
        assert_eq!(r[8], Some(Role::NoteStart { label: "3".into(), text_at: 0 }));
        assert_eq!(r[9], Some(Role::MovedLabel));
        assert_eq!(r[11], None, "the folio stays a folio");
    }

    /// Where the running head carries the folio (`2 | Author`), the last bare number at the
    /// page's foot is the moved number of its last note, not a folio.
    #[test]
    fn the_last_notes_number_moved_to_the_foot_under_a_head_with_the_folio() {
        let page = [
            &["The first page.", "\u{c}2 | Ləman Əliyeva", ""][..],
            &THREE_CALLS[..],
            &[
                "1",
                "",
                "Circular of the Ministry, 21 April 1877.",
                "2",
                "LVVA, f. 3422, apr. 1, l. 512.",
                "Ibid., l. 514.",
                "3",
            ],
        ]
        .concat();
        let r = roles(&page);
        assert_eq!(r[11], Some(Role::NoteStart { label: "3".into(), text_at: 0 }), "{r:?}");
        assert_eq!(r[12], Some(Role::MovedLabel), "{r:?}");
    }

    /// pdfminer sets a blank line between some lines of a note: the line goes on with it.
    #[test]
    fn a_note_line_set_apart_inside_the_zone_goes_on_with_its_note() {
        let page = [
            "The committee met in the spring of that year and the merchants wrote.1 They asked for",
            "rules, not exemptions, and the ministry answered them late in the summer of the year.2",
            "",
            "1Circular of the Ministry, 21 April 1877. The copy in the committee's files is the one",
            "",
            "used here.",
            "2LVVA, f. 3422, apr. 1, l. 512.",
            "",
            "7",
            "\u{c}The next page goes on.",
        ];
        let r = roles(&page);
        assert!(matches!(r[3], Some(Role::NoteStart { .. })));
        assert_eq!(r[5], Some(Role::NoteRest));
        assert!(matches!(r[6], Some(Role::NoteStart { .. })));
    }

    /// A page whose last note breaks off (`p. 190–`), then the first lines of the next page:
    /// a heading and a paragraph that calls note 2.
    const OPEN_NOTE_THEN_A_PAGE: [&str; 12] = [
        "The committee met in the spring of that year and the merchants wrote.1 They asked for",
        "rules, not exemptions, and the ministry answered them late in the summer of the year.",
        "1Circular of the Ministry, 21 April 1877; see also the report of the exchange, p. 190–",
        "",
        "7",
        "\u{c}The committee's second petition went to the ministry in the autumn, and the",
        "",
        "Second petition",
        "merchants of the exchange asked once more for the rules of the first year.2 The answer",
        "came late, when the barges had been stopped at the stages below the city and the",
        "ministry had heard the governor, who spoke for the merchants of the lower river.",
        "It was a long winter for the trade, and the committee met only twice before the",
    ];

    /// pdftotext on LibreOffice pages sets no blank line between a page's last paragraph and
    /// the rest of the note run over from the page before: the rest begins below the last
    /// line that calls the page's notes and below the paragraph's short last line.
    #[test]
    fn the_rest_of_a_note_is_told_from_the_paragraph_above_it() {
        let tail = [
            "spring fairs opened again and the merchants went back to the river stages.",
            "The trade recovered.",
            "205, and the minutes of the committee, LVVA, f. 3422, apr. 1, l. 498–512.",
            "2Ibid., l. 514.",
        ];
        let page = [&OPEN_NOTE_THEN_A_PAGE[..], &tail].concat();
        let r = roles(&page);
        assert!(matches!(r[15], Some(Role::NoteStart { .. })), "{r:?}");
        assert_eq!(r[14], Some(Role::NoteRest), "{r:?}");
        assert!((7..14).all(|i| r[i] != Some(Role::NoteRest)), "{r:?}");
    }

    /// The same without a short line: the page's text runs on to the next page, and the rest
    /// of the note is the line below its last full line (XeLaTeX + pdftotext: `61.`).
    #[test]
    fn the_rest_of_a_note_below_a_page_text_that_runs_on() {
        let tail = [
            "spring fairs opened again and the merchants went back to the river stages, where",
            "61.",
            "2Ibid., l. 514.",
        ];
        let page = [&OPEN_NOTE_THEN_A_PAGE[..], &tail].concat();
        let r = roles(&page);
        assert!(matches!(r[14], Some(Role::NoteStart { .. })), "{r:?}");
        assert_eq!(r[13], Some(Role::NoteRest), "{r:?}");
        assert!((7..13).all(|i| r[i] != Some(Role::NoteRest)), "{r:?}");
    }

    /// Without blank lines (PyMuPDF), the rest of a note that broke off after a comma may open
    /// with a capital: it is the line below the page's last paragraph.
    #[test]
    fn the_rest_of_a_note_that_broke_off_after_a_comma() {
        let page = [
            "The committee met in the spring of that year and the merchants wrote.1 They asked for",
            "rules, not exemptions, and the ministry answered them late in the summer of the year.",
            "1See Elif Demirkol, “Port Cities and Quarantine in the Late Ottoman Black Sea,”",
            "7",
            "\u{c}Aksoy, Hüseyin. Karadeniz Limanlarında Sağlık İdaresi ve Karantina Teşkilatı (1838–1923).",
            "İstanbul: Kitabevi Yayınları, 2015.",
            "Bulmuş, Birsen. Plague, Quarantines and Geopolitics in the Ottoman Empire. Edinburgh:",
            "Edinburgh University Press, 2012.",
            "Durmuş, Bülent. Trabzon–Tebriz Transit Yolu ve Ticareti (1830–1914). Ankara: Türk Tarih",
            "Kurumu, 2009.",
            "Okur, Mehmet. Rus İşgali Altında Trabzon (1916–1918). Trabzon: Serander, 2017.",
            "Journal of the Ottoman and Turkish Studies Association 8, no. 1 (2021): 113–135.",
            "8",
        ];
        let r = roles(&page);
        assert_eq!(r[11], Some(Role::NoteRest), "{r:?}");
        assert!((5..11).all(|i| r[i] != Some(Role::NoteRest)), "{r:?}");
        assert!(breaks_off("Black Sea,”") && breaks_off("p. 190–") && !breaks_off("Ibid., l. 5"));
    }

    /// Without blank lines (pdfplumber), the body's first heading under the title and the
    /// author is told by the short lines that open the first page.
    #[test]
    fn the_first_heading_under_the_front_matter() {
        let body =
            "Azərbaycan Xalq Cümhuriyyətinin qısa, lakin zəngin tarixində maarif siyasəti xüsusi yer tutur.";
        let mut page = vec!["Bakı Şəhər Dumasının maarif", "siyasəti (1918–1920)", "Ləman Əliyeva", "Giriş"];
        page.extend([body; 8]);
        page.push("1Bax: ARDA, f. 28, siy. 1, iş 37.");
        let page: Vec<&str> = page
            .into_iter()
            .map(|l| {
                if l == body {
                    "Hökumət 1918-ci ilin sentyabrında Bakıya köçdükdən sonra qəbul etdiyi ilk qərarlardan.1"
                } else {
                    l
                }
            })
            .collect();
        let r = roles(&page);
        assert_eq!(r[3], Some(Role::Heading), "{r:?}");
        assert_eq!(r[2], None, "a name is no heading: {r:?}");
    }

    /// pdftotext sets the numbers of some LibreOffice notes as a column above them.
    #[test]
    fn a_column_of_numbers_numbers_the_notes_below_it() {
        let page = [
            "The committee met in the spring of that year and the merchants wrote.1 They asked for",
            "rules, not exemptions, and the ministry answered them late in the summer of the year.2",
            "The answer came when the barges had been stopped at the stages below the city.3",
            "1",
            "2",
            "3",
            "",
            "Circular of the Ministry, 21 April 1877.",
            "LVVA, f. 3422, apr. 1, l. 512. The copy in the committee's files is the one used",
            "here.",
            "Ibid., l. 514.",
            "",
            "7",
            "\u{c}The next page goes on.",
        ];
        // A column at the very end of the text reads without a fault.
        let _ = roles(&["Text of a page with a call.1 And more.2", "1", "2"]);
        let r = roles(&page);
        let label = |i: usize| match &r[i] {
            Some(Role::NoteStart { label, .. }) => label.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!([label(7), label(8), label(10)], ["1", "2", "3"]);
        assert_eq!(r[9], None);
        assert_eq!([&r[3], &r[4], &r[5]], [&Some(Role::MovedLabel); 3]);
    }

    #[test]
    fn superscript_digits_are_calls() {
        assert!(calls("the party.¹² Then", 12));
        assert!(calls("Riga¹", 1) && !calls("Riga¹", 2));
    }

    #[test]
    fn calls_are_glued_numbers() {
        assert!(calls("along the Dvina.1 For a port", 1));
        assert!(calls("in 19204 tarihinde", 4));
        assert!(calls("the “phrase”12 was", 12));
        assert!(!calls("counted 12 barges", 12));
        assert!(!calls("page 112 of", 12));
    }

    #[test]
    fn a_zone_ends_the_page_and_continues_the_numbering() {
        let page = [
            "Text with a call.1 And another one.2 Then 3 more words",
            "3 barges waited below the city.",
            "",
            "1See the account in Smith, A History,",
            "12 February 1876, 45.",
            "2Ibid.",
            "",
            "1",
            "\u{c}The next page with a call.3",
            "3",
            "Its note, its number alone above it.",
        ];
        let r = roles(&page);
        assert_eq!(r[1], None, "a body line is no note");
        assert_eq!(r[3], Some(Role::NoteStart { label: "1".into(), text_at: 1 }));
        assert_eq!(r[4], None, "a note's own line");
        assert_eq!(r[5], Some(Role::NoteStart { label: "2".into(), text_at: 1 }));
        assert_eq!(r[8], Some(Role::PageStart));
        assert_eq!(r[9], Some(Role::NoteStart { label: "3".into(), text_at: 1 }));
    }

    #[test]
    fn headings_and_paragraphs_of_printed_lines() {
        let full = "the text of the page runs on to the margin of the printed column and on";
        let mut page: Vec<&str> = vec![full; 4];
        page.push("and the paragraph ends here.");
        page.push("Credit under strain");
        page.push("How close did the trade come to disaster? The letter books of the firm say");
        page.extend([full; 3]);
        page.push("a short end.");
        page.push("The next paragraph starts with a capital and runs on to the margin here");
        page.push(full);
        let mut out = vec![None; page.len()];
        paragraphs(&page, 0..page.len(), &mut out);
        assert_eq!(out[5], Some(Role::Heading));
        assert_eq!(out[6], None, "after a heading, no second break");
        assert_eq!(out[11], Some(Role::ParagraphStart));
        assert_eq!(out.iter().filter(|r| r.is_some()).count(), 2);
    }

    #[test]
    fn pages_split_at_form_feeds_or_counting_folios() {
        let lines = ["a", "1", "b", "\u{c}c", "d"];
        assert_eq!(pages(&lines), [0..3, 3..5]);
        let lines = ["a", "1", "b", "2", "c"];
        assert_eq!(pages(&lines), [0..2, 2..4, 4..5]);
        let lines = ["a", "1", "2 | A. Author Title", "b", "3 | A. Author Title", "c"];
        assert_eq!(pages(&lines), [0..2, 2..4, 4..6]);
    }
}
