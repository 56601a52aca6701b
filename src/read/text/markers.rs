//! Note markers: labels at the start of a note line and call candidates inside running text.
//!
//! Extractors leave the same printed superscript in many shapes: Unicode superscript digits,
//! LaTeX-like fragments (`$^{14}$`, `$^{^{\rm 14}}$`, even unbalanced `$^{^{\}rm 14}$`),
//! brackets, carets, or plain digits glued to the text. Each shape gets a score: the call
//! aligner trusts typographic forms more than plain digits, which look like years and counts.

/// The printed shape of a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Unicode superscript digits (`¹⁴`).
    Superscript,
    /// A LaTeX-like fragment (`$^{14}$`, `^{14}`).
    Latex,
    /// Square brackets (`[14]`).
    Bracket,
    /// A caret (`^14`).
    Caret,
    /// Plain digits (`14`).
    Plain,
    /// A symbol label (`*`, `†`), used for author notes.
    Symbol,
}

impl Form {
    /// Returns true for forms that cannot be an ordinary number of the text.
    pub fn is_typographic(self) -> bool {
        !matches!(self, Form::Plain)
    }
}

/// A marker found in a text: byte range, label and shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// First byte of the marker.
    pub start: usize,
    /// One past the last byte of the marker.
    pub end: usize,
    /// The label (`"14"`, `"*"`).
    pub label: String,
    /// The shape.
    pub form: Form,
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript_digit(c: char) -> Option<char> {
    if c.is_ascii() {
        return None; // the common case, decided without the table
    }
    SUPERSCRIPTS.iter().position(|&s| s == c).map(|d| char::from(b'0' + d as u8))
}

fn is_symbol_label(c: char) -> bool {
    matches!(c, '*' | '†' | '‡')
}

/// Parses a LaTeX-like superscript starting at byte `at`; returns (end, label).
///
/// Accepts any run of `$ ^ { } \ -` and the words `rm`, `mathrm`, `textsuperscript` around
/// one label of digits or `*`/`†`, as long as a `^` or `\textsuperscript` precedes the label.
fn latex_at(s: &str, at: usize) -> Option<(usize, String)> {
    let b = s.as_bytes();
    let mut i = at;
    let mut saw_caret = false;
    let mut label = String::new();
    // Prefix debris.
    while i < b.len() {
        match b[i] {
            b'$' | b'{' | b'}' | b' ' | b'-' => i += 1,
            b'^' => {
                saw_caret = true;
                i += 1
            }
            b'\\' => {
                i += 1;
                for word in ["textsuperscript", "mathrm", "rm", "}"] {
                    if s[i..].starts_with(word) {
                        if word == "textsuperscript" {
                            saw_caret = true;
                        }
                        i += word.len();
                        break;
                    }
                }
            }
            // `\rm` whose backslash was eaten: `$^{^{\}rm 14}$`.
            b'r' if s[i..].starts_with("rm ") || s[i..].starts_with("rm{") => i += 2,
            _ => break,
        }
        if i > at + 40 {
            return None;
        }
    }
    if !saw_caret {
        return None;
    }
    let rest = &s[i..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 4 {
        label = digits;
    } else if let Some(c) = rest.chars().next().filter(|&c| is_symbol_label(c)) {
        label.push(c);
    }
    if label.is_empty() {
        return None;
    }
    i += label.len();
    // Closing debris: braces, dollars.
    let mut closed = false;
    while i < b.len() && matches!(b[i], b'}' | b'$') {
        closed = true;
        i += 1;
    }
    // `^14` without braces or dollars is the caret form, not LaTeX.
    let started_latex = s[at..].starts_with('$') || s[at..].starts_with("^{") || s[at..].starts_with('\\');
    if !(closed || started_latex) {
        return None;
    }
    Some((i, label))
}

/// Reads a typographic marker (superscript digits, a LaTeX-like fragment, a caret or a
/// bracket) starting at byte `at` of `s`. Shared by labels and calls, so both accept the
/// same shapes.
fn typographic_at(s: &str, at: usize) -> Option<Marker> {
    let rest = &s[at..];
    let first = rest.chars().next()?;
    let marker =
        |len: usize, label: String, form: Form| Some(Marker { start: at, end: at + len, label, form });
    let digits = |from: usize| -> Option<String> {
        let d: String = rest[from..].chars().take_while(char::is_ascii_digit).collect();
        (1..=4).contains(&d.len()).then_some(d)
    };
    if superscript_digit(first).is_some() {
        let len: usize =
            rest.chars().take_while(|&c| superscript_digit(c).is_some()).map(char::len_utf8).sum();
        let label: String = rest[..len].chars().filter_map(superscript_digit).collect();
        return marker(len, label, Form::Superscript);
    }
    if matches!(first, '$' | '^' | '\\') {
        if let Some((end, label)) = latex_at(s, at) {
            let form = if label.chars().all(|c| c.is_ascii_digit()) { Form::Latex } else { Form::Symbol };
            return marker(end - at, label, form);
        }
        if first == '^' {
            let d = digits(1)?;
            return marker(1 + d.len(), d, Form::Caret);
        }
        return None;
    }
    if first == '[' {
        let d = digits(1)?;
        if !rest[1 + d.len()..].starts_with(']') {
            return None;
        }
        return marker(d.len() + 2, d, Form::Bracket);
    }
    None
}

/// Reads a note label at the start of `line` (leading spaces allowed).
///
/// Returns the label and the byte offset where the note text begins. Plain digits are
/// returned with [`Form::Plain`]; the caller decides from the note sequence whether to trust them.
pub fn leading_label(line: &str) -> Option<(Marker, usize)> {
    let start = line.len() - line.trim_start().len();
    let s = &line[start..];
    let first = s.chars().next()?;
    let (end, label, form) = if let Some(m) = typographic_at(s, 0) {
        (m.end, m.label, m.form)
    } else if is_symbol_label(first) {
        let label: String = s.chars().take_while(|&c| c == first).collect();
        (label.len() * first.len_utf8(), label, Form::Symbol)
    } else if first.is_ascii_digit() {
        let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() > 3 {
            return None;
        }
        let after = &s[digits.len()..];
        // `12 Author`, `12. Author`, `12) Author`; never `12,000` or `1920-1921`.
        let sep = if after.starts_with(". ") || after.starts_with(") ") {
            1
        } else if after.starts_with(' ') || after.starts_with('\t') {
            0
        } else {
            return None;
        };
        (digits.len() + sep, digits, Form::Plain)
    } else {
        return None;
    };
    let rest = &s[end..];
    let text_at = start + end + (rest.len() - rest.trim_start().len());
    // A label must be followed by something: `¹` alone on a line is no note.
    if text_at >= line.trim_end().len() {
        return None;
    }
    Some((Marker { start, end: start + end, label, form }, text_at))
}

/// Score of a call candidate: how much the aligner trusts it.
pub fn call_score(form: Form, context: PlainContext) -> i64 {
    match form {
        Form::Superscript | Form::Latex => 10,
        Form::Caret => 8,
        Form::Bracket => 7,
        Form::Symbol => 6,
        Form::Plain => match context {
            PlainContext::GluedToPunctuation => 6,
            PlainContext::AfterSentence => 5,
            PlainContext::GluedToWord => 4,
            PlainContext::AfterClause => 2,
        },
    }
}

/// Where a plain-digit call candidate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainContext {
    /// Right after closing punctuation (`Tbilisi.35`, `."58`).
    GluedToPunctuation,
    /// After sentence-final punctuation and a space, before a capital (`Azerbaijan". 14 The`).
    AfterSentence,
    /// Right after a word (`Armenia98`).
    GluedToWord,
    /// After a comma or semicolon and a space (weak: counts often stand there).
    AfterClause,
}

/// A call candidate in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The marker.
    pub marker: Marker,
    /// How much it is trusted.
    pub score: i64,
}

/// Punctuation a call is glued after; `“` closes a German quotation (`„erwirbt“6`).
fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '"' | '”' | '“' | '»' | '\'' | '’' | ')' | '!' | '?')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '"' | '”' | '»' | ')' | '!' | '?' | '’')
}

/// Finds every call candidate in `text`, in order.
///
/// Walks the text by byte offset and looks at neighbouring characters through slices, so
/// it allocates nothing per character: a 50 MB line costs no more than its own size.
pub fn find_calls(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        // Typographic forms: superscripts, LaTeX-like fragments, carets, brackets.
        if superscript_digit(c).is_some() || matches!(c, '$' | '^' | '\\' | '[') {
            if let Some(m) = typographic_at(text, i) {
                let end = m.end;
                // `km²`: a superscript power after a unit is no call.
                if !(m.form == Form::Superscript && after_unit(&text[..i])) {
                    push(&mut out, m.start, m.end, m.label, m.form, PlainContext::GluedToWord);
                }
                i = end;
                continue;
            }
        }
        // Plain digits.
        if c.is_ascii_digit() {
            let end = i + text[i..].bytes().take_while(u8::is_ascii_digit).count();
            if let Some(ctx) = plain_context(text, i, end) {
                push(&mut out, i, end, text[i..end].to_string(), Form::Plain, ctx);
            } else if let Some(at) = year_then_call(text, i, end) {
                // A call flattened onto a year (`in 18774` for 1877 and call 4).
                if followed_like_call(text, end) {
                    push(
                        &mut out,
                        at,
                        end,
                        text[at..end].to_string(),
                        Form::Plain,
                        PlainContext::GluedToWord,
                    );
                }
            }
            i = end;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// Where the call starts when the digit run `text[start..end]` is a year (1500–2099) with
/// one to three more digits glued on, standing as a word of its own.
fn year_then_call(text: &str, start: usize, end: usize) -> Option<usize> {
    let run = &text[start..end];
    let standalone =
        text[..start].chars().next_back().is_none_or(|c| c.is_whitespace() || "(–—-/".contains(c));
    let year: u32 = run.get(..4)?.parse().ok()?;
    ((5..=7).contains(&run.len()) && crate::fold::YEARS.contains(&year) && standalone).then_some(start + 4)
}

/// Units that take a superscript power (`km²`, `м³`): such a superscript is no call.
const UNITS: &[&str] = &["m", "km", "cm", "mm", "ft", "mi", "in", "м", "км", "см", "мм"];

fn after_unit(before: &str) -> bool {
    // The word's last three letters at most: every unit is shorter.
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .take(3)
        .last()
        .map_or(before.len(), |(i, _)| i);
    UNITS.contains(&&before[start..])
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, label: String, form: Form, ctx: PlainContext) {
    let score = call_score(form, ctx);
    out.push(Candidate { marker: Marker { start, end, label, form }, score });
}

/// Whether what follows a digit run ending at `end` lets it be a call: the end of the text, a
/// space before a word (not a unit or another number), or punctuation not followed by a digit.
fn followed_like_call(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some(' ') | Some('\u{a0}') => {
            // Not before another number (`12 345`, `5 %`, `5 – 7`), unless that opens the next
            // sentence with a year (`bulundu.26 1914 yılında`): a thousands group has three
            // digits, not four.
            let rest = after.as_str();
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let year =
                digits == 4 && !rest[4..].starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
            year || !matches!(rest.chars().next(), Some(c) if c.is_ascii_digit() || c == '%' || c == '-' || c == '–')
        }
        Some(',' | ';' | ')' | ':' | '.') => !matches!(after.next(), Some(d) if d.is_ascii_digit()),
        _ => false,
    }
}

/// Decides whether the digit run `text[start..end]` may be a plain call, and in which context.
fn plain_context(text: &str, start: usize, end: usize) -> Option<PlainContext> {
    if end - start > 3 {
        return None; // years and large numbers
    }
    if text[start..].starts_with('0') {
        return None;
    }
    if !followed_like_call(text, end) {
        return None;
    }
    let mut after = text[end..].chars();
    let next = after.next();
    let next2 = after.next();
    let before = &text[..start];
    let mut back = before.chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    let prev3 = back.next();
    match prev {
        Some(p) if p.is_alphabetic() => {
            // Glued to a word of at least three letters (`Armenia98`, not `B2`, `km2`).
            // An all-capital word is an acronym or a model number (`SSR2`, `B2`), not a call.
            let word = || before.chars().rev().take_while(|c| c.is_alphabetic());
            (word().nth(2).is_some() && word().any(char::is_lowercase)).then_some(PlainContext::GluedToWord)
        }
        Some(p) if is_closing_punct(p) => {
            // `Tbilisi.35`, `."58` — but not `1,000` or `3.14`.
            // A year before the point or comma is no decimal and no thousands group:
            // `in 1923.1 The`, `of 2 August 1877,17 drafted`.
            let year_before = matches!(p, '.' | ',') && end - start < 3 && {
                let run = &before[..before.len() - 1];
                let digits = run.bytes().rev().take_while(u8::is_ascii_digit).count();
                let year = &run[run.len() - digits..];
                digits == 4 && (year.starts_with('1') || year.starts_with('2'))
            };
            // A number closing the text with a point and digits after it is a call glued to
            // the sentence's end (`…, vol. 64.2`, `д. 3.12`: a source line or paragraph ends
            // with a point, not with a decimal).
            let closes_text = p == '.' && text[end..].trim().is_empty();
            if matches!(prev2, Some(d) if d.is_ascii_digit()) && !year_before && !closes_text {
                return None;
            }
            Some(PlainContext::GluedToPunctuation)
        }
        Some(' ') => {
            let p2 = prev2?;
            if !is_closing_punct(p2) || matches!(prev3, Some(d) if d.is_ascii_digit()) {
                return None;
            }
            // Followed by a capital letter or quote: `". 14 The`.
            let next_word = next2;
            let capital_next = next == Some(' ')
                && matches!(next_word, Some(c) if c.is_uppercase() || c == '"' || c == '“' || c == '«');
            if !(capital_next || next.is_none()) {
                return None;
            }
            if is_sentence_end(p2) {
                Some(PlainContext::AfterSentence)
            } else {
                Some(PlainContext::AfterClause)
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(line: &str) -> Option<(String, Form, String)> {
        leading_label(line).map(|(m, at)| (m.label, m.form, line[at..].to_string()))
    }

    #[test]
    fn leading_labels_of_every_form() {
        let cases = [
            ("¹⁴ Hasan J.P., Rus", "14", Form::Superscript),
            (" $^{^{\\}rm 14}$ Hasan", "14", Form::Latex),
            ("$^{^{\\rm 14}}$ Hasan", "14", Form::Latex),
            (" $^{^{-22}}$ Зейналова", "22", Form::Latex),
            ("$^{23}$ Мамедова", "23", Form::Latex),
            ("^{14} Text", "14", Form::Latex),
            ("^{*} Dr. Öğretim", "*", Form::Symbol),
            ("[7] Иванов", "7", Form::Bracket),
            ("^7 Text", "7", Form::Caret),
            ("12 Author, Title", "12", Form::Plain),
            ("12. Author, Title", "12", Form::Plain),
            ("* Dr. Name", "*", Form::Symbol),
        ];
        for (line, l, f) in cases {
            let (got_l, got_f, _) = label(line).unwrap_or_else(|| panic!("no label in {line:?}"));
            assert_eq!((got_l.as_str(), got_f), (l, f), "{line}");
        }
        assert_eq!(label("¹⁴ Hasan").unwrap().2, "Hasan");
    }

    #[test]
    fn no_label_in_ordinary_lines() {
        for line in
            ["1920 yılında", "12,000 men", "Ozalova, Nigar.", "¹", "[a] x", "$x$ y", "1920-1921 years"]
        {
            assert!(label(line).is_none(), "{line}");
        }
    }

    fn calls(text: &str) -> Vec<(String, Form)> {
        find_calls(text).into_iter().map(|c| (c.marker.label, c.marker.form)).collect()
    }

    #[test]
    fn finds_typographic_calls() {
        assert_eq!(calls("Republic⁶, in"), [("6".into(), Form::Superscript)]);
        assert_eq!(calls("word$^{^{\\rm 14}}$ next"), [("14".into(), Form::Latex)]);
        assert_eq!(calls("word [3] next"), [("3".into(), Form::Bracket)]);
        assert_eq!(calls("word^5 next"), [("5".into(), Form::Caret)]);
        assert_eq!(calls("Кавказа¹² и"), [("12".into(), Form::Superscript)]);
        assert_eq!(calls("последнее слово³"), [("3".into(), Form::Superscript)]);
    }

    #[test]
    fn finds_glued_plain_calls() {
        assert_eq!(calls("in Tbilisi.35 The"), [("35".into(), Form::Plain)]);
        assert_eq!(calls("to Armenia98 under"), [("98".into(), Form::Plain)]);
        assert_eq!(calls("Azerbaijan\". 14 The"), [("14".into(), Form::Plain)]);
        assert_eq!(calls("circumstances.\"58 In"), [("58".into(), Form::Plain)]);
        assert_eq!(calls("autumn of 1923.1 The"), [("1".into(), Form::Plain)]);
        assert_eq!(calls("of 2 August 1877,17 drafted"), [("17".into(), Form::Plain)]);
        // The next sentence opens with a year.
        assert_eq!(calls("girişimde bulundu.26 1914 yılında"), [("26".into(), Form::Plain)]);
        assert!(calls("a total of.26 345 men").is_empty());
    }

    #[test]
    fn finds_calls_flattened_onto_years() {
        assert_eq!(calls("in 18774 the"), [("4".into(), Form::Plain)]);
        assert_eq!(calls("issued in May 187924 follows"), [("24".into(), Form::Plain)]);
        assert_eq!(calls("10 Ağustos 19204 tarihinde"), [("4".into(), Form::Plain)]);
    }

    #[test]
    fn ignores_numbers_that_are_not_calls() {
        for t in [
            "in 1920 the",
            "with 12,000 men",
            "115 villages",
            "December 14-21, 1919",
            "779.6 square",
            "10 km² of land",
            "on 22 June",
            "the 11th army",
            "SSR2 and B2",
            "was 3923.1 The",
            "10 км² земли",
            "some 1,250 men",
            "in 1877,170 head",
        ] {
            let plain: Vec<_> = calls(t);
            assert!(plain.is_empty(), "{t}: {plain:?}");
        }
    }

    /// A number with a point and digits that closes the text is a call glued to the
    /// sentence's end (a source line's `д. 3.12`); inside the text it stays a decimal.
    #[test]
    fn digits_after_the_closing_point_are_a_call() {
        let labels = |t: &str| calls(t).into_iter().map(|(l, _)| l).collect::<Vec<_>>();
        assert_eq!(labels("Источник: ГАРФ, ф. 1, оп. 2, д. 3.12").last().map(String::as_str), Some("12"));
        assert_eq!(labels("Pervaya perepis', vol. 64.2 "), ["2"]);
        assert!(labels("it weighed 779.6 pounds").is_empty());
    }

    #[test]
    fn scores_prefer_sentence_starts_over_clauses() {
        let c = find_calls("As a result, 40 Azerbaijani villages. 40 In order");
        assert_eq!(c.len(), 2);
        assert!(c[1].score > c[0].score);
    }
}
