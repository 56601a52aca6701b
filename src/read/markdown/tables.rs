//! pandoc's four table syntaxes (pipe, simple, multiline and grid tables), found before
//! parsing: CommonMark knows none of them but GitHub's pipe tables, and pulldown-cmark would
//! read their rules as thematic breaks. Each table becomes a [`RawTable`] of cell texts with
//! their file positions (each cell's text is then read as Markdown by the reader), its lines
//! and those of its caption blanked before parsing.
//!
//! Widths and alignments are those pandoc 3.9 gives (checked on every fixture by
//! `tests/tables.rs`): a pipe table has widths only when one of its lines is longer than 72
//! columns (each column's share of the separator line's dashes); a simple table has none; a
//! multiline table's widths come from its dashed line, a grid table's from its top border,
//! both over at least 72 columns. Alignment comes from the colons of a pipe or grid table's
//! separator, from where the header text sits over its dashes in a simple or multiline
//! table. Grid tables may span rows and columns (a cell is any rectangle of the grid).

use crate::model::Align;
use unicode_width::UnicodeWidthChar;

/// pandoc's default `--columns`: lines longer than this give a pipe table widths, and
/// widths of multiline and grid tables are shares of at least this many columns.
pub(super) const COLUMNS: usize = 72;

/// A text of the source with the position of its first character: `line` the index of its
/// line in the text, `col` the character column (0-based) where every line of it starts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawText {
    pub text: String,
    pub line: usize,
    pub col: usize,
}

/// One cell: its text (lines joined by `\n`), where it starts, and its spans.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawCell {
    pub text: RawText,
    pub rows: u32,
    pub cols: u32,
}

/// A row whose number of cells differs from the table's columns: where, and how many.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ragged {
    pub line: usize,
    pub found: usize,
    pub expected: usize,
}

/// A table as written, before its cells are read.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct RawTable {
    /// The first line of the table itself (for its position).
    pub start: usize,
    /// The lines the table and its caption take (blanked before parsing), first and last.
    pub first: usize,
    pub last: usize,
    pub columns: Vec<(Align, Option<f64>)>,
    pub head: Vec<Vec<RawCell>>,
    pub body: Vec<Vec<RawCell>>,
    pub foot: Vec<Vec<RawCell>>,
    /// The caption's text after `Table:` or `:`, as written (attributes included).
    pub caption: Option<RawText>,
    /// Rows with fewer or more cells than the header (padded, or the table widened).
    pub ragged: Vec<Ragged>,
}

/// Finds the tables of `lines` (their texts without line ends). `code[k]` says that line `k`
/// is in a code block or the metadata block, where no table starts.
pub(super) fn find(lines: &[&str], code: &[bool]) -> Vec<RawTable> {
    let mut out: Vec<RawTable> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let free = |i: usize| !code.get(i).copied().unwrap_or(false);
        let after_blank = k == 0 || blank(lines[k - 1]) || out.last().is_some_and(|t| t.last + 1 == k);
        if !free(k) || !after_blank || blank(lines[k]) {
            k += 1;
            continue;
        }
        let found = grid(lines, k)
            .or_else(|| multiline(lines, k))
            .or_else(|| simple(lines, k))
            .or_else(|| headless_multiline(lines, k))
            .or_else(|| pipe(lines, k));
        match found {
            Some(mut t) if (t.start..=t.last).all(free) && !in_indented_code(lines, k) => {
                t.first = t.start;
                caption(lines, &mut t, out.last().map_or(0, |p| p.last + 1));
                k = t.last + 1;
                out.push(t);
            }
            _ => k += 1,
        }
    }
    out
}

/// Whether the table found at line `k` is in indented code: its first two lines are (a
/// simple table's header may be indented more than its dashed line, which may not).
fn in_indented_code(lines: &[&str], k: usize) -> bool {
    indented_code(lines, k) && (k + 1 >= lines.len() || indented_code(lines, k + 1))
}

/// Whether line `k` is indented code, where pandoc starts no table: four columns or more
/// past the content column of its container, the nearest list item above whose marker sits
/// left of the line, or the margin when there is none.
fn indented_code(lines: &[&str], k: usize) -> bool {
    let indent = indent_of(lines[k]);
    if indent < 4 {
        return false;
    }
    let mut floor = 0;
    for line in lines[..k].iter().rev().filter(|l| !blank(l)) {
        let i = indent_of(line);
        if i >= indent {
            continue;
        }
        if let Some(content) = list_content_column(line).filter(|&c| c <= indent) {
            floor = content;
            break;
        }
        if i == 0 {
            break;
        }
    }
    indent >= floor + 4
}

/// The display column of a line's first non-blank character (a tab to the next stop of 4).
fn indent_of(line: &str) -> usize {
    let mut col = 0;
    for ch in line.chars() {
        match ch {
            ' ' => col += 1,
            '\t' => col += 4 - col % 4,
            _ => break,
        }
    }
    col
}

/// The column where a list item's text starts, when `line` starts a list item: a bullet
/// (`-`, `+`, `*`) or an ordinal (`1.`, `2)`, `#.`, `a.`, `(iv)`) and one to four spaces.
fn list_content_column(line: &str) -> Option<usize> {
    let indent = indent_of(line);
    let t = line.trim_start();
    let marker = if t.starts_with(['-', '+', '*']) {
        1
    } else {
        let open = usize::from(t.starts_with('('));
        let body = t[open..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
        let close = t[open + body..].chars().next().filter(|c| matches!(c, '.' | ')'))?;
        (body > 0 && body <= 9).then_some(open + body + close.len_utf8())?
    };
    let rest = &t[marker..];
    let spaces = rest.chars().take_while(|c| *c == ' ').count();
    if spaces == 0 || rest.trim().is_empty() {
        return None;
    }
    Some(indent + marker + if spaces > 4 { 1 } else { spaces })
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn chars(line: &str) -> Vec<char> {
    line.chars().collect()
}

/// The characters `from..to` of `line` (to its end when `to` is `None`).
fn slice(line: &[char], from: usize, to: Option<usize>) -> String {
    let to = to.unwrap_or(line.len()).min(line.len());
    line.get(from.min(to)..to).map(|s| s.iter().collect()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Captions

/// The caption text of a paragraph starting `Table:`, `table:` or `:` (then a space).
fn caption_start(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if indent > 3 {
        return None;
    }
    for word in ["Table:", "table:", ":"] {
        if let Some(rest) = t.strip_prefix(word) {
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                return Some(indent + word.len());
            }
        }
    }
    None
}

/// Takes the caption paragraph after the table (after blank lines) or, failing that, the one
/// before it (not before `floor`), into `t`.
fn caption(lines: &[&str], t: &mut RawTable, floor: usize) {
    let mut k = t.last + 1;
    while k < lines.len() && blank(lines[k]) {
        k += 1;
    }
    if let Some(at) = lines.get(k).and_then(|l| caption_start(l)) {
        let end = paragraph_end(lines, k);
        t.caption = Some(caption_text(lines, k, end, at));
        t.last = end;
        return;
    }
    // Before: a paragraph ending on the line before the blank line before the table.
    if t.start < 2 || !blank(lines[t.start - 1]) {
        return;
    }
    let end = t.start - 2;
    if blank(lines[end]) {
        return;
    }
    let mut first = end;
    while first > floor && !blank(lines[first - 1]) {
        first -= 1;
    }
    if let Some(at) = caption_start(lines[first]) {
        t.caption = Some(caption_text(lines, first, end, at));
        t.first = first;
    }
}

/// The last line of the paragraph starting at `k`.
fn paragraph_end(lines: &[&str], k: usize) -> usize {
    let mut end = k;
    while end + 1 < lines.len() && !blank(lines[end + 1]) {
        end += 1;
    }
    end
}

fn caption_text(lines: &[&str], first: usize, last: usize, at: usize) -> RawText {
    let rest = &lines[first][at..];
    let skipped = rest.len() - rest.trim_start().len();
    let mut text = rest.trim_start().to_string();
    for line in &lines[first + 1..=last] {
        text.push('\n');
        text.push_str(line.trim_start());
    }
    RawText { text, line: first, col: lines[first][..at + skipped].chars().count() }
}

// ---------------------------------------------------------------------------------------------
// Pipe tables

/// Splits a pipe table row at its unescaped pipes outside code spans; each cell with the
/// character column where its text starts. The outer pipes are optional.
fn pipe_cells(line: &str) -> Vec<(String, usize)> {
    let cs = chars(line);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut tick: Option<usize> = None;
    while i < cs.len() {
        match cs[i] {
            '\\' => i += 1,
            '`' => {
                let run = cs[i..].iter().take_while(|&&c| c == '`').count();
                tick = match tick {
                    Some(n) if n == run => None,
                    None => Some(run),
                    open => open,
                };
                i += run - 1;
            }
            '|' if tick.is_none() => {
                cells.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    cells.push((start, cs.len()));
    let lead = cs.iter().take_while(|c| c.is_whitespace()).count();
    if cells.len() > 1 && cells[0].1 == lead {
        cells.remove(0);
    }
    if cells.len() > 1 && cs[cells[cells.len() - 1].0..].iter().all(|c| c.is_whitespace()) {
        cells.pop();
    }
    cells
        .into_iter()
        .map(|(a, b)| {
            let raw: String = cs[a..b].iter().collect();
            let skip = raw.chars().take_while(|c| c.is_whitespace()).count();
            (raw.trim().to_string(), a + skip)
        })
        .collect()
}

/// A pipe table's separator cell: `---`, `:--`, `--:`, `:-:`.
fn pipe_align(cell: &str) -> Option<Align> {
    let inner = cell.trim_start_matches(':').trim_end_matches(':');
    if inner.is_empty() || !inner.bytes().all(|b| b == b'-') || cell.len() - inner.len() > 2 {
        return None;
    }
    Some(match (cell.starts_with(':'), cell.ends_with(':')) {
        (true, true) => Align::Center,
        (true, false) => Align::Left,
        (false, true) => Align::Right,
        (false, false) => Align::Default,
    })
}

fn pipe(lines: &[&str], k: usize) -> Option<RawTable> {
    let (head, sep) = (lines[k], *lines.get(k + 1)?);
    if !head.contains('|') || !sep.contains('|') {
        return None;
    }
    let seps = pipe_cells(sep);
    let aligns: Vec<Align> = seps.iter().map(|(c, _)| pipe_align(c)).collect::<Option<_>>()?;
    let head_cells = pipe_cells(head);
    if head_cells.len() != aligns.len() {
        return None;
    }
    let mut last = k + 1;
    while lines.get(last + 1).is_some_and(|l| !blank(l) && l.contains('|') && caption_start(l).is_none()) {
        last += 1;
    }
    let width = lines[k..=last].iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let dashes: Vec<usize> = seps.iter().map(|(c, _)| c.chars().count()).collect();
    let total: usize = dashes.iter().sum();
    let columns = aligns
        .iter()
        .zip(&dashes)
        .map(|(a, d)| (*a, (width > COLUMNS && total > 0).then(|| *d as f64 / total as f64)))
        .collect();
    let row = |line: usize| -> Vec<RawCell> {
        pipe_cells(lines[line])
            .into_iter()
            .map(|(text, col)| RawCell { text: RawText { text, line, col }, rows: 1, cols: 1 })
            .collect()
    };
    let mut t = RawTable { start: k, last, columns, ..RawTable::default() };
    let head_row = row(k);
    if head_row.iter().any(|c| !c.text.text.is_empty()) {
        t.head.push(head_row);
    }
    t.body = (k + 2..=last).map(row).collect();
    even_out(&mut t);
    Some(t)
}

/// Pads rows short of the table's columns with empty cells and widens the table to its
/// widest row (its cells are kept), noting each such row.
fn even_out(t: &mut RawTable) {
    let expected = t.columns.len();
    let widest = t.head.iter().chain(&t.body).map(Vec::len).max().unwrap_or(0).max(expected);
    t.columns.resize(widest, (Align::Default, None));
    for row in t.head.iter_mut().chain(&mut t.body) {
        let Some(first) = row.first().map(|c| c.text.clone()) else { continue };
        if row.len() != expected {
            t.ragged.push(Ragged { line: first.line, found: row.len(), expected });
        }
        while row.len() < widest {
            let text = RawText { text: String::new(), line: first.line, col: first.col };
            row.push(RawCell { text, rows: 1, cols: 1 });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Simple and multiline tables

/// A line of only dashes (three or more), optionally indented: a multiline table's border.
fn is_full_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-') && line.len() - line.trim_start().len() <= 3
}

/// The column groups of a dashed line (two or more runs of dashes separated by spaces):
/// each run's first column and its number of dashes.
fn column_rule(line: &str) -> Option<Vec<(usize, usize)>> {
    let cs = chars(line.trim_end());
    if cs.is_empty() || cs.iter().any(|&c| c != '-' && c != ' ') {
        return None;
    }
    let mut groups = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '-' {
            let n = cs[i..].iter().take_while(|&&c| c == '-').count();
            groups.push((i, n));
            i += n;
        } else {
            i += 1;
        }
    }
    (groups.len() >= 2 && groups.iter().all(|g| g.1 >= 3)).then_some(groups)
}

/// pandoc's alignment of a column from the header lines' text over its dashes (`len`).
fn align_of(texts: &[String], len: usize) -> Align {
    let trimmed: Vec<&str> = texts.iter().map(|t| t.trim_end()).filter(|t| !t.is_empty()).collect();
    let Some(longest) = trimmed.iter().copied().max_by_key(|t| t.chars().count()) else {
        return Align::Default;
    };
    let left = longest.starts_with([' ', '\t']);
    let right = longest.chars().count() < len;
    match (left, right) {
        (true, false) => Align::Right,
        (false, true) => Align::Left,
        (true, true) => Align::Center,
        (false, false) => Align::Default,
    }
}

/// The character columns where each group's column starts; the slice of a column runs to the
/// next one's start (the last to the end of the line).
fn bounds(groups: &[(usize, usize)]) -> Vec<(usize, Option<usize>)> {
    (0..groups.len())
        .map(|i| {
            let from = if i == 0 { 0 } else { groups[i].0 };
            (from, groups.get(i + 1).map(|g| g.0))
        })
        .collect()
}

fn slices(line: &str, groups: &[(usize, usize)]) -> Vec<(String, usize)> {
    let cs = chars(line);
    bounds(groups)
        .into_iter()
        .map(|(from, to)| {
            let s = slice(&cs, from, to);
            let lead = s.chars().take_while(|c| c.is_whitespace()).count();
            (s, from + lead)
        })
        .collect()
}

/// pandoc's widths from a dashed line: each column's dashes and the spaces after them (the
/// last one's dashes and one), the last made as wide as the one before when it is up to two
/// narrower, over the total or 72, whichever is more.
fn widths_from(groups: &[(usize, usize)]) -> Vec<f64> {
    let mut lengths: Vec<usize> = groups.windows(2).map(|w| w[1].0 - w[0].0).collect();
    let last = groups.last().map_or(0, |g| g.1 + 1);
    match lengths.last() {
        Some(&before) if last < before && before - last <= 2 => lengths.push(before),
        _ => lengths.push(last),
    }
    let total = lengths.iter().sum::<usize>().max(COLUMNS) as f64;
    lengths.into_iter().map(|l| l as f64 / total).collect()
}

fn simple(lines: &[&str], k: usize) -> Option<RawTable> {
    // With a header: the header line, then the dashed line.
    if let Some(groups) = lines.get(k + 1).and_then(|l| column_rule(l)) {
        if column_rule(lines[k]).is_some() || is_full_rule(lines[k]) {
            return None;
        }
        let mut last = k + 1;
        while lines.get(last + 1).is_some_and(|l| !blank(l)) {
            last += 1;
        }
        // A closing dashed line is allowed.
        let end = if last > k + 1 && column_rule(lines[last]).is_some() { last - 1 } else { last };
        let head = slices(lines[k], &groups);
        let columns = groups
            .iter()
            .zip(&head)
            .map(|(g, (h, _))| (align_of(std::slice::from_ref(h), g.1), None))
            .collect();
        let mut t = RawTable { start: k, last, columns, ..RawTable::default() };
        t.head.push(row_of(&head, k));
        t.body = (k + 2..=end).map(|i| row_of(&slices(lines[i], &groups), i)).collect();
        return Some(t);
    }
    // Headerless: the dashed line, rows, the dashed line.
    let groups = column_rule(lines[k])?;
    let mut last = k + 1;
    while lines.get(last).is_some_and(|l| !blank(l) && column_rule(l).is_none()) {
        last += 1;
    }
    if last == k + 1 || lines.get(last).and_then(|l| column_rule(l)).is_none() {
        return None;
    }
    let first = slices(lines[k + 1], &groups);
    let columns =
        groups.iter().zip(&first).map(|(g, (h, _))| (align_of(std::slice::from_ref(h), g.1), None)).collect();
    let mut t = RawTable { start: k, last, columns, ..RawTable::default() };
    t.body = (k + 1..last).map(|i| row_of(&slices(lines[i], &groups), i)).collect();
    Some(t)
}

fn row_of(slices: &[(String, usize)], line: usize) -> Vec<RawCell> {
    slices
        .iter()
        .map(|(s, col)| RawCell {
            text: RawText { text: s.trim().to_string(), line, col: *col },
            rows: 1,
            cols: 1,
        })
        .collect()
}

fn multiline(lines: &[&str], k: usize) -> Option<RawTable> {
    if !is_full_rule(lines[k]) || lines.get(k + 1).is_none_or(|l| blank(l)) {
        return None;
    }
    let mut sep = k + 1;
    while lines.get(sep).is_some_and(|l| !blank(l) && column_rule(l).is_none() && !is_full_rule(l)) {
        sep += 1;
    }
    let groups = lines.get(sep).and_then(|l| column_rule(l))?;
    let mut last = sep + 1;
    while lines.get(last).is_some_and(|l| !is_full_rule(l) && column_rule(l).is_none()) {
        last += 1;
    }
    if last >= lines.len() || lines.get(last + 1).is_some_and(|l| !blank(l)) {
        return None;
    }
    let head_lines: Vec<Vec<(String, usize)>> = (k + 1..sep).map(|i| slices(lines[i], &groups)).collect();
    let widths = widths_from(&groups);
    let columns = (0..groups.len())
        .map(|c| {
            let texts: Vec<String> = head_lines.iter().map(|l| l[c].0.clone()).collect();
            (align_of(&texts, groups[c].1), Some(widths[c]))
        })
        .collect();
    let mut t = RawTable { start: k, last, columns, ..RawTable::default() };
    if k + 1 < sep {
        t.head.push(multi_row(lines, k + 1, sep, &groups));
    }
    t.body = multi_rows(lines, sep + 1, last, &groups);
    Some(t)
}

/// A multiline table without a header: a dashed line of column groups, rows parted by blank
/// lines, the same dashed line, then a blank line. Tried after the simple tables, as pandoc
/// does; like pandoc, the alignments come from the first line of the first row.
fn headless_multiline(lines: &[&str], k: usize) -> Option<RawTable> {
    let groups = column_rule(lines[k])?;
    if lines.get(k + 1).is_none_or(|l| blank(l)) {
        return None;
    }
    let mut last = k + 1;
    while lines.get(last).is_some_and(|l| column_rule(l).is_none() && !is_full_rule(l)) {
        last += 1;
    }
    let closed = lines.get(last).is_some_and(|l| column_rule(l).is_some());
    if !closed || lines.get(last + 1).is_some_and(|l| !blank(l)) {
        return None;
    }
    let first = slices(lines[k + 1], &groups);
    let widths = widths_from(&groups);
    let columns = (0..groups.len())
        .map(|c| (align_of(std::slice::from_ref(&first[c].0), groups[c].1), Some(widths[c])))
        .collect();
    let mut t = RawTable { start: k, last, columns, ..RawTable::default() };
    t.body = multi_rows(lines, k + 1, last, &groups);
    Some(t)
}

/// The rows of the lines `from..to` of a multiline table, parted by blank lines.
fn multi_rows(lines: &[&str], from: usize, to: usize, groups: &[(usize, usize)]) -> Vec<Vec<RawCell>> {
    let mut rows = Vec::new();
    let mut i = from;
    while i < to {
        if blank(lines[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < to && !blank(lines[end]) {
            end += 1;
        }
        rows.push(multi_row(lines, i, end, groups));
        i = end;
    }
    rows
}

/// The cells of the lines `from..to` of a multiline table: each column's slices, stripped,
/// one line each.
fn multi_row(lines: &[&str], from: usize, to: usize, groups: &[(usize, usize)]) -> Vec<RawCell> {
    let per_line: Vec<Vec<(String, usize)>> = (from..to).map(|i| slices(lines[i], groups)).collect();
    (0..groups.len())
        .map(|c| {
            let texts: Vec<&str> = per_line.iter().map(|l| l[c].0.trim()).collect();
            let first = texts.iter().position(|t| !t.is_empty()).unwrap_or(0);
            let used: Vec<&str> = texts[first..].to_vec();
            let n = used.iter().rposition(|t| !t.is_empty()).map_or(0, |p| p + 1);
            let col = per_line.get(first).map_or(groups[c].0, |l| l[c].1);
            RawCell {
                text: RawText { text: used[..n].join("\n"), line: from + first, col },
                rows: 1,
                cols: 1,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Grid tables

/// A grid table's border or separator: `+---+:==+`.
fn is_grid_rule(line: &str) -> bool {
    let t = line.trim_end();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
        && (t.contains('-') || t.contains('='))
}

fn grid(lines: &[&str], k: usize) -> Option<RawTable> {
    if !is_grid_rule(lines[k]) {
        return None;
    }
    let mut last = k + 1;
    while lines.get(last).is_some_and(|l| l.starts_with(['|', '+'])) {
        last += 1;
    }
    last -= 1;
    if last == k || !is_grid_rule(lines[last]) {
        return None;
    }
    let m: Vec<Vec<String>> = lines[k..=last].iter().map(|l| display_columns(l.trim_end())).collect();
    let cells = grid_cells(&m)?;
    // The column and row boundaries every cell's edges give.
    let mut xs: Vec<usize> = cells.iter().flat_map(|c| [c.left, c.right]).collect();
    let mut ys: Vec<usize> = cells.iter().flat_map(|c| [c.top, c.bottom]).collect();
    xs.sort_unstable();
    xs.dedup();
    ys.sort_unstable();
    ys.dedup();
    let ncols = xs.len() - 1;
    let total = (xs[ncols] - xs[0]).max(COLUMNS) as f64;
    // Alignments from the colons of the header separator, else of the top border.
    let eq_rows: Vec<usize> = (0..m.len()).filter(|&y| m[y].iter().any(|s| s == "=")).collect();
    let head_sep = eq_rows.first().copied().filter(|&y| y != m.len() - 1);
    let align_line = &m[head_sep.unwrap_or(0)];
    let columns = (0..ncols)
        .map(|c| {
            let seg = align_line.get(xs[c] + 1..xs[c + 1]).unwrap_or_default();
            let colon = |s: Option<&String>| s.is_some_and(|s| s == ":");
            let align = match (colon(seg.first()), colon(seg.last())) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                _ => Align::Default,
            };
            (align, Some((xs[c + 1] - xs[c]) as f64 / total))
        })
        .collect();
    // The foot: rows between the last `=` separator before a bottom `=` border and it.
    let foot_from = match eq_rows.last() {
        Some(&y) if y == m.len() - 1 => eq_rows.iter().rev().nth(1).copied(),
        _ => None,
    };
    let ny = ys.len() - 1;
    let mut rows: Vec<Vec<RawCell>> = vec![Vec::new(); ny];
    let mut sorted = cells;
    sorted.sort_by_key(|c| (c.top, c.left));
    for c in sorted {
        let r = ys.iter().position(|&y| y == c.top)?;
        let rows_n = ys.iter().position(|&y| y == c.bottom)? - r;
        let col = xs.iter().position(|&x| x == c.left)?;
        let cols_n = xs.iter().position(|&x| x == c.right)? - col;
        let text = cell_text(&m, &c, k);
        rows[r].push(RawCell { text, rows: rows_n as u32, cols: cols_n as u32 });
    }
    let mut t = RawTable { start: k, last, columns, ..RawTable::default() };
    for (r, row) in rows.into_iter().enumerate() {
        let y = ys[r];
        if head_sep.is_some_and(|h| y < h) {
            t.head.push(row);
        } else if foot_from.is_some_and(|f| y >= f) {
            t.foot.push(row);
        } else {
            t.body.push(row);
        }
    }
    Some(t)
}

/// A grid line laid out in display columns, as pandoc measures them: a wide (East Asian)
/// character fills two columns (the second left empty), a zero-width one (a joiner, a
/// combining mark) joins the column before it.
fn display_columns(line: &str) -> Vec<String> {
    let mut slots: Vec<String> = Vec::new();
    for ch in line.chars() {
        match (UnicodeWidthChar::width(ch), slots.last_mut()) {
            (Some(0), Some(last)) => last.push(ch),
            (Some(2), _) => slots.extend([ch.to_string(), String::new()]),
            _ => slots.push(ch.to_string()),
        }
    }
    slots
}

/// The text of display columns `from..to` of a grid line.
fn grid_slice(line: &[String], from: usize, to: usize) -> String {
    let to = to.min(line.len());
    line.get(from.min(to)..to).map(|s| s.concat()).unwrap_or_default()
}

/// A cell of a grid: its border's rows and columns in the character matrix.
#[derive(Debug, Clone, Copy)]
struct GridCell {
    top: usize,
    left: usize,
    bottom: usize,
    right: usize,
}

/// Every cell of the character matrix `m` whose first line is a border: from each corner,
/// the smallest rectangle of `+` corners joined by `-`/`=` and `|` edges (docutils' scan).
/// `None` when the grid is broken (a cell not closed, or an area no cell covers).
fn grid_cells(m: &[Vec<String>]) -> Option<Vec<GridCell>> {
    // The second column of a wide character reads as NUL: never a border.
    let at = |y: usize, x: usize| {
        m.get(y).and_then(|l| l.get(x)).map_or(' ', |s| s.chars().next().unwrap_or('\0'))
    };
    let mut corners = vec![(0usize, 0usize)];
    let mut done = std::collections::HashSet::new();
    let mut cells = Vec::new();
    let bottom_row = m.len() - 1;
    let width = m[0].len();
    while let Some((top, left)) = corners.pop() {
        if top == bottom_row || left + 1 >= width || !done.insert((top, left)) {
            continue;
        }
        // A corner inside a spanning cell's edge starts no cell.
        let Some(cell) = scan_cell(&at, top, left, bottom_row) else { continue };
        corners.push((top, cell.right));
        corners.push((cell.bottom, left));
        cells.push(cell);
        if cells.len() > 100_000 {
            return None;
        }
    }
    // Every column boundary of every line must be covered once: check the area.
    let area: usize = cells.iter().map(|c| (c.bottom - c.top) * (c.right - c.left)).sum();
    (area == bottom_row * (width - 1)).then_some(cells)
}

fn scan_cell(
    at: &dyn Fn(usize, usize) -> char,
    top: usize,
    left: usize,
    bottom_row: usize,
) -> Option<GridCell> {
    if at(top, left) != '+' {
        return None;
    }
    let mut x = left + 1;
    while matches!(at(top, x), '-' | '=' | ':' | '+') {
        if at(top, x) == '+' {
            if let Some(bottom) = scan_down(at, top, left, x, bottom_row) {
                return Some(GridCell { top, left, bottom, right: x });
            }
        }
        x += 1;
    }
    None
}

fn scan_down(
    at: &dyn Fn(usize, usize) -> char,
    top: usize,
    left: usize,
    right: usize,
    bottom_row: usize,
) -> Option<usize> {
    let mut y = top + 1;
    while y <= bottom_row && matches!(at(y, right), '|' | '+') {
        if at(y, right) == '+' && scan_left(at, y, left, right) && scan_up(at, top, y, left) {
            return Some(y);
        }
        y += 1;
    }
    None
}

fn scan_left(at: &dyn Fn(usize, usize) -> char, y: usize, left: usize, right: usize) -> bool {
    at(y, left) == '+' && (left + 1..right).all(|x| matches!(at(y, x), '-' | '=' | ':' | '+'))
}

fn scan_up(at: &dyn Fn(usize, usize) -> char, top: usize, bottom: usize, left: usize) -> bool {
    (top + 1..bottom).all(|y| matches!(at(y, left), '|' | '+'))
}

/// The text inside a grid cell: its lines, trailing spaces dropped, dedented by their common
/// indentation, blank lines at either end left out.
fn cell_text(m: &[Vec<String>], c: &GridCell, first_line: usize) -> RawText {
    let texts: Vec<String> = (c.top + 1..c.bottom)
        .map(|y| grid_slice(&m[y], c.left + 1, c.right).trim_end().to_string())
        .collect();
    let indent = texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.chars().take_while(|ch| *ch == ' ').count())
        .min()
        .unwrap_or(0);
    let dedented: Vec<String> = texts.iter().map(|t| t.chars().skip(indent).collect()).collect();
    let first = dedented.iter().position(|t| !t.is_empty()).unwrap_or(0);
    let n = dedented.iter().rposition(|t| !t.is_empty()).map_or(first, |p| p + 1);
    RawText {
        text: dedented[first..n.max(first)].join("\n"),
        line: first_line + c.top + 1 + first,
        col: c.left + 1 + indent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<RawTable> {
        let lines: Vec<&str> = text.lines().collect();
        find(&lines, &vec![false; lines.len()])
    }

    fn texts(rows: &[Vec<RawCell>]) -> Vec<Vec<&str>> {
        rows.iter().map(|r| r.iter().map(|c| c.text.text.as_str()).collect()).collect()
    }

    #[test]
    fn pipe_tables_read_alignments_cells_and_a_caption() {
        let t = &tables(
            "Before.\n\n| Year | Souls |\n|:-----|------:|\n| 1897 | 12 `a|b` |\n\nTable: Kars {#tbl:k}\n",
        )[0];
        assert_eq!((t.first, t.start, t.last), (2, 2, 6));
        assert_eq!(t.columns, [(Align::Left, None), (Align::Right, None)]);
        assert_eq!(texts(&t.head), [["Year", "Souls"]]);
        assert_eq!(texts(&t.body), [["1897", "12 `a|b`"]]);
        assert_eq!(t.caption.as_ref().unwrap().text, "Kars {#tbl:k}");
        assert_eq!(t.body[0][1].text.col, 9);
    }

    #[test]
    fn a_long_pipe_table_has_widths_from_its_dashes() {
        let long = format!("| a | b |\n|:--|{}|\n| 1 | 2 |\n", "-".repeat(79));
        let t = &tables(&long)[0];
        assert_eq!(t.columns[0], (Align::Left, Some(3.0 / 82.0)));
    }

    #[test]
    fn a_multiline_table_may_have_no_header() {
        let text =
            "  ------- ------\n   First  a row\n          that spans\n\n  Second  b\n  ------- ------\n";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        assert!(t[0].head.is_empty());
        assert_eq!(texts(&t[0].body), vec![vec!["First", "a row\nthat spans"], vec!["Second", "b"]]);
        assert_eq!(t[0].columns[0].0, Align::Right);
        // Without its closing line it is no table.
        assert!(tables("  ------- ------\n   First  a row\n\n  Second  b\n").is_empty());
    }

    #[test]
    fn a_table_in_indented_code_is_code_but_one_in_a_list_item_is_a_table() {
        let table = "| a | b |\n    |---|---|\n    | 1 | 2 |";
        assert!(tables(&format!("Code:\n\n    {table}\n")).is_empty());
        assert_eq!(tables(&format!("- item\n\n    {table}\n")).len(), 1);
        assert_eq!(tables(&format!("1. item\n\n   continued\n\n    {table}\n")).len(), 1);
        // Four columns past the item's text is code again.
        assert!(tables(&format!("- item\n\n      {}\n", table.replace("\n    ", "\n      "))).is_empty());
        assert_eq!(list_content_column("  12. text"), Some(6));
        assert_eq!(list_content_column("(iv) text"), Some(5));
        assert_eq!(list_content_column("-not a list"), None);
    }

    #[test]
    fn grid_columns_are_measured_in_display_width() {
        // pandoc's own test cases: a wide character fills two columns, a zero-width
        // non-joiner none, and the text keeps both.
        for (text, cells) in [
            ("+--+----+\n|魚|fish|\n+--+----+", ["魚", "fish"]),
            (
                "+-------+-------+\n|Auf\u{200c}lage|edition|\n+-------+-------+",
                ["Auf\u{200c}lage", "edition"],
            ),
            (
                "+-------+---------+\n|می\u{200c}خواهم|I want to|\n+-------+---------+",
                ["می\u{200c}خواهم", "I want to"],
            ),
        ] {
            let t = tables(text);
            assert_eq!(t.len(), 1, "{text}");
            assert_eq!(texts(&t[0].body), vec![cells.to_vec()], "{text}");
        }
    }

    #[test]
    fn ragged_rows_are_padded_or_widen_the_table() {
        let t = &tables("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")[0];
        assert_eq!(texts(&t.body), [vec!["1", "", ""], vec!["1", "2", "3"]]);
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.ragged.iter().map(|r| (r.line, r.found)).collect::<Vec<_>>(), [(2, 1), (3, 3)]);
    }

    #[test]
    fn simple_tables_align_by_the_header_over_the_dashes() {
        let t = &tables(
            "  Right     Left  \n-------     ------\n     12     12\n    123     123\n\n: Caption before?",
        )[0];
        assert_eq!(t.columns, [(Align::Right, None), (Align::Left, None)]);
        assert_eq!(texts(&t.body), [["12", "12"], ["123", "123"]]);
        assert_eq!(t.caption.as_ref().unwrap().text, "Caption before?");
        let headerless = &tables("-------  ------\n   First  row\n-------  ------\n")[0];
        assert!(headerless.head.is_empty());
        assert_eq!(texts(&headerless.body), [["First", "row"]]);
    }

    #[test]
    fn multiline_tables_join_lines_and_take_pandocs_widths() {
        let t = &tables("------------------\n Keyword   Text\n--------  --------\n red       Sun\n           rise\n\n green     Leaf\n------------------\n")[0];
        assert_eq!(t.columns, [(Align::Right, Some(10.0 / 72.0)), (Align::Center, Some(10.0 / 72.0))]);
        assert_eq!(texts(&t.body), [["red", "Sun\nrise"], ["green", "Leaf"]]);
    }

    #[test]
    fn grid_tables_read_spans_head_and_foot() {
        let text = "\
+-----+-----+-----+
| a   | b         |
+=====+=====+=====+
| 1   | 2   | 3   |
+-----+     +-----+
| 4   |     | 5   |
+=====+=====+=====+
| sum | 9         |
+=====+=====+=====+
";
        let t = &tables(text)[0];
        assert_eq!(texts(&t.head), [["a", "b"]]);
        assert_eq!(t.head[0][1].cols, 2);
        assert_eq!(texts(&t.body), [vec!["1", "2", "3"], vec!["4", "5"]]);
        assert_eq!(t.body[0][1].rows, 2);
        assert_eq!(texts(&t.foot), [["sum", "9"]]);
        assert_eq!(t.columns[0].1, Some(6.0 / 72.0));
    }

    #[test]
    fn a_broken_grid_is_no_table_and_thematic_breaks_are_not_tables() {
        assert!(tables("+---+---+\n| a | b\n+---+---+\n").is_empty());
        assert!(tables("Text.\n\n-----\n\nMore.\n\n- - -\n\n***").is_empty());
        assert!(tables("Title\n-----\n\nText.").is_empty());
    }
}
