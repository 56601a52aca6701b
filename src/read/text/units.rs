//! Lines to units: the blank-line-separated pieces of an extracted text, with features.

use super::markers::{leading_label, Form, Marker};
use super::pages::Role;

/// A physical line of the source.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// The line without its end-of-line characters.
    pub text: &'a str,
}

/// A unit: consecutive non-blank lines that belong together (a page text, a note, a heading).
///
/// A new unit starts after a blank line, before a line that opens with a note label,
/// and around separator lines.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// The physical lines.
    pub lines: Vec<Line<'a>>,
    /// The lines joined (computed once: every stage reads it).
    text: String,
    /// The note label opening the first line, with the offset of the note text.
    label: Option<(Marker, usize)>,
    /// Whether the page analysis found this unit to be a note at the foot of its page.
    foot_note: bool,
    /// Whether the page analysis found this unit to be the rest of a note from the page
    /// before.
    note_rest: bool,
    /// Whether the page analysis found this unit to be a note's number that the extractor
    /// moved away from its note.
    moved_label: bool,
    /// The table or figure (its index among the text's floats) standing here; its lines
    /// were taken out of the text.
    float: Option<usize>,
}

impl<'a> Unit<'a> {
    /// Returns the number of the first line.
    pub fn line(&self) -> u32 {
        self.lines[0].no
    }

    /// Returns the first line's text, trimmed.
    pub fn first(&self) -> &'a str {
        self.lines[0].text.trim()
    }

    /// Creates a unit from its lines, reading its label (unless the page analysis gave one)
    /// and joining its text once.
    fn new(lines: Vec<Line<'a>>, label: Option<(Marker, usize)>) -> Self {
        let printed: Vec<std::borrow::Cow<str>> = lines.iter().map(|l| printed(l.text.trim())).collect();
        let parts: Vec<&str> = printed.iter().map(|p| p.as_ref()).collect();
        let text = super::join::join_lines(&parts);
        let foot_note = label.is_some();
        let label = label.or_else(|| leading_label(lines[0].text));
        Unit { lines, text, label, foot_note, note_rest: false, moved_label: false, float: None }
    }

    /// Returns the index of the table or figure that stands here, for a float's unit.
    pub fn float(&self) -> Option<usize> {
        self.float
    }

    /// Returns true when the page analysis found this unit to be the rest of a note from the
    /// page before.
    pub fn is_note_rest(&self) -> bool {
        self.note_rest
    }

    /// Returns true when the page analysis found this unit to be a note's number printed
    /// apart from its note (the note itself is numbered where its text begins).
    pub fn is_moved_label(&self) -> bool {
        self.moved_label
    }

    /// Returns true when the page analysis found this unit to be a note at the foot of its
    /// page (and not, say, a numbered entry of a list).
    pub fn is_foot_note(&self) -> bool {
        self.foot_note
    }

    /// Returns the lines joined into one text (see [`super::join::join_lines`]).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Joins the lines like [`Unit::text`], starting at byte `at` of the first line
    /// (the text after a note label).
    pub fn text_from(&self, at: usize) -> String {
        let mut printed: Vec<std::borrow::Cow<str>> =
            self.lines.iter().map(|l| printed(l.text.trim())).collect();
        printed[0] = self::printed(self.lines[0].text[at..].trim());
        let parts: Vec<&str> = printed.iter().map(|p| p.as_ref()).collect();
        super::join::join_lines(&parts)
    }

    /// Returns the note label at the start of the unit and the offset of the note text.
    pub fn label(&self) -> Option<&(Marker, usize)> {
        self.label.as_ref()
    }
}

/// A line as printed: a soft hyphen inside the line (not at its end) was printed as a hyphen
/// (a soft hyphen shows only where the line breaks), so some extractors' `SächsStA\u{AD}L`
/// is `SächsStA-L`.
pub(super) fn printed(line: &str) -> std::borrow::Cow<'_, str> {
    let end = line.trim_end_matches('\u{AD}').len();
    if !line[..end].contains('\u{AD}') {
        return std::borrow::Cow::Borrowed(line);
    }
    std::borrow::Cow::Owned(format!("{}{}", line[..end].replace('\u{AD}', "-"), &line[end..]))
}

/// Returns true for separator lines such as `_`, `-`, `———` or `* * *`.
pub fn is_separator(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= 80
        && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '–' | '=' | '*' | '·' | ' '))
        && !(t.chars().all(|c| c == '*') && t.len() <= 3)
}

/// Returns true for a bare page number (`12`, `- 12 -`, `— 12 —`).
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(|c: char| matches!(c, '-' | '—' | '–' | ' '));
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Where a table or figure stands among the lines of the text ([`units_at`]).
#[derive(Debug, Clone)]
pub struct FloatAt {
    /// The index of the line it stands before (its own first line, blanked).
    pub line: usize,
    /// Its index among the text's floats.
    pub index: usize,
    /// Its caption and source line, for the page analysis to find their calls.
    pub calls: String,
}

/// [`units_at`] for a text as the source has it, each line numbered by its place.
#[cfg(test)]
pub fn units(src: &str) -> Vec<Unit<'_>> {
    units_at(src, &[], &[])
}

/// Splits `src` into units. Pages start new units, and so does every line the page analysis
/// ([`super::pages`]) found to open a note at the foot of its page. Line `i` of `src` has the
/// number `origin[i]` in the source, where a repair joined or moved lines (lines past
/// `origin`'s end keep their own place's number). `floats` tells, in line order, where a
/// table or figure taken out of the text stands: each becomes a unit of its own there.
pub fn units_at<'a>(src: &'a str, origin: &[u32], floats: &[FloatAt]) -> Vec<Unit<'a>> {
    // A form feed starts a page wherever it stands: some extractors run the folio into it
    // (`12\u{c}Next page…`). The pieces of one physical line keep its number.
    let mut numbered: Vec<(u32, &str)> = Vec::new();
    // For each piece of a line, the floats standing before it.
    let mut before: Vec<&[FloatAt]> = Vec::new();
    let mut next_float = 0;
    for (i, raw) in src.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let no = origin.get(i).copied().unwrap_or(i as u32 + 1);
        let mut from = 0;
        for (at, _) in raw.match_indices('\u{c}').filter(|&(at, _)| at > 0) {
            numbered.push((no, &raw[from..at]));
            before.push(&[]);
            from = at;
        }
        // A float stands before the line's last piece (after a folio run into its page).
        let here = floats[next_float..].iter().take_while(|f| f.line <= i).count();
        before.push(&floats[next_float..next_float + here]);
        next_float += here;
        numbered.push((no, &raw[from..]));
    }
    // The page analysis sees a float's caption and source line where it stands: their calls
    // tell where the page's notes begin.
    // (A page that begins with the float still begins there.)
    let seen: Vec<std::borrow::Cow<str>> = numbered
        .iter()
        .zip(&before)
        .map(|(&(_, t), fs)| match fs.first() {
            Some(f) if t.trim().is_empty() => {
                let feed = if t.contains('\u{c}') { "\u{c}" } else { "" };
                std::borrow::Cow::Owned(format!("{feed}{}", f.calls))
            }
            _ => std::borrow::Cow::Borrowed(t),
        })
        .collect();
    let lines: Vec<&str> = seen.iter().map(|l| l.as_ref()).collect();
    let roles = super::pages::roles(&lines);
    let mut out: Vec<Unit> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut label: Option<(Marker, usize)> = None;
    // Whether the unit being gathered is the rest of a note from the page before.
    let mut rest = false;
    let mut first_page = true;
    // A keyword list on the first page is being gathered: it ends with its own lines.
    let mut keywords = false;
    for ((&(no, text), role), floats_here) in numbered.iter().zip(&roles).zip(before) {
        let line = Line { no, text };
        first_page &= role != &Some(Role::PageStart) && !text.contains('\u{c}');
        if !floats_here.is_empty() {
            flush(&mut current, &mut label, &mut rest, &mut out);
            // The float's first line keeps a form feed where a page began with it.
            for &FloatAt { index: k, .. } in floats_here {
                let feed = if text.starts_with('\u{c}') { "\u{c}" } else { "" };
                out.push(Unit { float: Some(k), ..Unit::new(vec![Line { no, text: feed }], None) });
            }
            if text.trim().is_empty() {
                continue;
            }
        }
        if keywords && !current.is_empty() {
            let prev = current.last().map_or("", |l| l.text.trim_end());
            if !continues_keyword_list(prev, text) {
                flush(&mut current, &mut label, &mut rest, &mut out);
                keywords = false;
            }
        }
        if text.trim().is_empty() {
            // A note's number alone on its line keeps its text across one blank line.
            let number_alone = current.len() == 1
                && label.as_ref().is_some_and(|(_, at)| *at >= current[0].text.trim_end().len());
            if !number_alone {
                flush(&mut current, &mut label, &mut rest, &mut out);
            }
            continue;
        }
        if let Some(Role::NoteStart { label: n, text_at }) = role {
            flush(&mut current, &mut label, &mut rest, &mut out);
            let start = text.len() - text.trim_start().len();
            let marker = Marker { start, end: start + n.len(), label: n.clone(), form: Form::Plain };
            label = Some((marker, *text_at));
            current.push(line);
            continue;
        }
        // A reference-list heading on a line of its own stands alone even where the
        // extractor left no blank line around it (`Bibliography` then the first entry).
        let alone = is_separator(text)
            || is_page_number(text)
            || role == &Some(Role::RunningHead)
            || super::lexicon::is_reference_heading(text.trim())
            || first_page && super::lexicon::classification(text).is_some();
        // On the first page, an abstract or keyword heading opens its own unit (extractors
        // run the title, the authors and the abstract together).
        let keyword_heading =
            first_page && super::lexicon::leading_heading(super::lexicon::KEYWORD_HEADINGS, text).is_some();
        let front_heading = keyword_heading
            || first_page
                && super::lexicon::leading_heading(super::lexicon::ABSTRACT_HEADINGS, text).is_some();
        let breaks = role.is_some()
            || alone
            || front_heading
            || leading_label(text).is_some_and(|(m, _)| m.form != Form::Plain);
        if breaks {
            flush(&mut current, &mut label, &mut rest, &mut out);
        }
        keywords |= keyword_heading;
        rest |= role == &Some(Role::NoteRest);
        if role == &Some(Role::MovedLabel) {
            out.push(Unit { moved_label: true, ..Unit::new(vec![line], None) });
            continue;
        }
        current.push(line);
        if alone || role == &Some(Role::Heading) {
            flush(&mut current, &mut label, &mut rest, &mut out);
        }
    }
    flush(&mut current, &mut label, &mut rest, &mut out);
    // Floats said to stand past the last line stand at the end.
    let last = numbered.last().map_or(0, |&(no, _)| no);
    for &FloatAt { index: k, .. } in &floats[next_float..] {
        out.push(Unit { float: Some(k), ..Unit::new(vec![Line { no: last, text: "" }], None) });
    }
    out
}

/// Whether `line` goes on with the keyword list whose last line is `prev`: the list broke
/// after a separator, or the line is itself a list of terms (`Messen; Zollpolitik`), not a
/// heading or a sentence.
fn continues_keyword_list(prev: &str, line: &str) -> bool {
    let t = line.trim();
    let list_like = (t.contains(';') || t.contains(',')) && !t.contains(". ") && t.chars().count() <= 200;
    !t.is_empty() && (prev.trim_end().ends_with([',', ';', '-', '–', '·']) || list_like)
}

fn flush<'a>(
    current: &mut Vec<Line<'a>>,
    label: &mut Option<(Marker, usize)>,
    rest: &mut bool,
    out: &mut Vec<Unit<'a>>,
) {
    if !current.is_empty() {
        let mut unit = Unit::new(std::mem::take(current), label.take());
        unit.note_rest = std::mem::take(rest);
        out.push(unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_blank_lines_labels_and_separators() {
        let src = "Title\n\nline one of a page\nline two\n_\n¹ note one\n² note two\n\n12\nnext page";
        let u = units(src);
        let texts: Vec<&str> = u.iter().map(|u| u.text()).collect();
        assert_eq!(
            texts,
            ["Title", "line one of a page line two", "_", "¹ note one", "² note two", "12", "next page"]
        );
        assert_eq!(u[3].line(), 6);
    }

    /// A keyword line ends with its own lines: the heading and paragraph under it (set
    /// without a blank line, as PyMuPDF writes) are not more keywords.
    #[test]
    fn a_keyword_list_ends_with_its_lines() {
        let src = "Title\nAbstract\nText of the abstract.\nSchlüsselwörter: Leipzig; Pelzhandel; Rauchwaren;\nRussland; Messen\nEinleitung\nWer um 1900 in Leipzig vom Brühl sprach, meinte nicht nur eine Straße.";
        let texts: Vec<String> = units(src).iter().map(|u| u.text().to_string()).collect();
        assert!(
            texts.contains(&"Schlüsselwörter: Leipzig; Pelzhandel; Rauchwaren; Russland; Messen".to_string()),
            "{texts:?}"
        );
        assert!(texts.iter().any(|t| t.starts_with("Einleitung")), "{texts:?}");
    }

    #[test]
    fn separators_and_page_numbers() {
        assert!(is_separator("_"));
        assert!(is_separator("-"));
        assert!(is_separator("———"));
        assert!(is_separator("* * *"));
        assert!(!is_separator("*"));
        assert!(!is_separator("- a"));
        assert!(is_page_number("12"));
        assert!(is_page_number("- 12 -"));
        assert!(!is_page_number("1920s"));
        assert!(!is_page_number("12345"));
    }

    /// Lines as printed: soft hyphens inside a line are hyphens (primes are the reader's
    /// first pass, `apostrophes.rs`, which keeps this test's two prime cases).
    #[test]
    fn lines_as_printed() {
        assert_eq!(printed("SächsStA\u{AD}L, 20202 und \u{AD}färberei"), "SächsStA-L, 20202 und -färberei");
        assert_eq!(printed("transfor\u{AD}"), "transfor\u{AD}");
    }
}
