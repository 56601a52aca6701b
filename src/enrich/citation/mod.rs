//! Bibliography entries: authors, title, container, imprint and locators, each kept as a
//! byte range of the printed entry (nothing is re-cased or re-spelt).
//!
//! One parser serves the styles our users write: the "example" style of PDF-extracted
//! articles (`Author, Name., "Title"., (Place: Publisher, Year), pages.`), GOST 7.1
//! (`Автор А. Б. Название // Журнал. — 2001. — № 5. — С. 34–51.`), Chicago and the Turkish
//! and Azerbaijani academic styles. It finds the parts whose shape is unmistakable first
//! (web address, DOI, quoted title, author names, `Place: Publisher, Year`, labelled volume,
//! issue and pages), then reads what stands between them. A part it is unsure of is left out.

mod names;

use crate::enrich::tokens::{tokenize, Kind, Token};
use crate::model::{BibFields, EntryKind, Span};

/// Parses one entry; `shelfmarks` are the byte ranges of archival shelfmarks in it.
pub fn parse(raw: &str, shelfmarks: &[Span]) -> BibFields {
    let mut f = BibFields::default();
    let mut work = raw.to_string();
    f.url = find_url(raw);
    f.doi = find_doi(raw);
    for s in f.url.iter().chain(f.doi.iter()).chain(shelfmarks) {
        mask(&mut work, *s);
    }
    let quoted = quoted_title(&work);
    let title_start = quoted.map(|(open, _, _)| open);
    let head_end = title_start.unwrap_or(work.len());
    let authors = names::authors(&work, head_end).filter(|(_, end)| {
        // Unquoted titles: the names must end at a full stop before the title.
        quoted.is_some() || work[*end..].trim_start().starts_with(['.', ',']) || work[..*end].ends_with('.')
    });
    let mut after_authors = 0;
    if let Some((spans, end)) = authors {
        // `Sarkisian, Anahit, ed.`: an editor, not an author; the title follows the mark.
        let tail = work[end..].trim_start_matches([',', ' ']);
        match ["ed.", "eds.", "(ed.)", "(eds.)", "ред.", "(ред.)", "haz."]
            .iter()
            .find(|m| tail.starts_with(**m))
        {
            Some(m) => after_authors = work.len() - tail.len() + m.len(),
            None => {
                f.authors = spans;
                after_authors = end;
            }
        }
    }
    let title_end;
    if let Some((_, inner, close)) = quoted {
        f.title = Some(inner);
        title_end = close;
    } else {
        let start = skip_punct(&work, after_authors);
        let end = unquoted_title_end(&work, start);
        let span = trim_span(&work, Span::new(start, end));
        if !span.is_empty()
            && (span.end - span.start) > 3
            && !shelfmarks.iter().any(|s| s.start <= span.start)
        {
            f.title = Some(span);
        }
        title_end = end.max(start);
    }
    // Responsibility after the title (`/ под ред. …`, `/ Ю. А. Лавров, …`): GOST authors.
    let rest_start = title_end;
    let rest = &work[rest_start..];
    if f.authors.is_empty() {
        if let Some(slash) = rest.find(" / ").filter(|&i| !rest[..i].contains(" — ")) {
            let from = rest_start + slash + 3;
            let seg_end = work[from..].find(" — ").map_or(work.len(), |i| from + i);
            if !work[from..seg_end].contains("ред") {
                f.authors = responsibility(&work, from, seg_end);
            }
        }
    }
    let toks = tokenize(&work);
    let first_rest = toks.iter().position(|t| t.start >= rest_start).unwrap_or(toks.len());
    f.container = container(&work, rest_start);
    // The imprint is looked for after the container (`Bilig, 2018` is a journal and year).
    let imprint_from =
        f.container.map_or(first_rest, |c| toks.iter().position(|t| t.start >= c.end).unwrap_or(toks.len()));
    let imprint = imprint(&work, &toks, imprint_from);
    if let Some((place, publisher, year)) = imprint {
        f.place = place;
        f.publisher = publisher;
        f.year = year;
    }
    if f.year.is_none() {
        f.year = year_after(&work, &toks, first_rest, &f);
    }
    let after_container =
        f.container.map_or(first_rest, |c| toks.iter().position(|t| t.start >= c.end).unwrap_or(toks.len()));
    locators(&work, &toks, after_container, &mut f);
    f.kind = kind(&work, &f, !shelfmarks.is_empty(), rest_start);
    drop_empty(&mut f, raw);
    // A thesis names its university where a book names its place: `PhD diss., University of
    // Chicago, 2011`.
    if f.kind == Some(EntryKind::Thesis) && f.publisher.is_none() && f.place.is_none() {
        f.publisher = thesis_institution(&work);
    }
    if f.kind == Some(EntryKind::Thesis) && f.publisher.is_none() {
        if let Some(p) = f.place.filter(|p| p.get(&work).is_some_and(names_institution)) {
            f.publisher = Some(p);
            f.place = None;
        }
    }
    f
}

/// The institution after a thesis designation: `…, University of Chicago, 2011`.
fn thesis_institution(work: &str) -> Option<Span> {
    let at = THESIS.iter().filter_map(|t| work.find(t)).min()?;
    let comma = at + work[at..].find(", ")? + 2;
    let rest = &work[comma..];
    let end = rest.find(", ")?;
    let year = rest[end + 2..].trim_start();
    let four_digits = year.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
    (four_digits && names_institution(&rest[..end])).then(|| Span::new(comma, comma + end))
}

fn names_institution(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = crate::fold::fold(w);
        [
            "univers",
            "üniversite",
            "университет",
            "універс",
            "institut",
            "институт",
            "інститут",
            "academy",
            "akademi",
        ]
        .iter()
        .any(|k| w.starts_with(k))
    })
}

/// Drops any span that holds no text of `raw`: the parser's invariant, enforced once.
fn drop_empty(f: &mut BibFields, raw: &str) {
    let ok = |s: &Span| s.get(raw).is_some_and(|t| !t.trim().is_empty());
    f.authors.retain(ok);
    for field in f.singles_mut() {
        if field.is_some_and(|s| !ok(&s)) {
            *field = None;
        }
    }
}

/// Replaces the bytes of `span` by spaces, so later passes skip it but offsets stay valid.
fn mask(work: &mut String, span: Span) {
    let blank = " ".repeat(span.end - span.start);
    work.replace_range(span.start..span.end, &blank);
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '/' | '—' | '–')
    });
    // Keep an ellipsis or an abbreviation point that belongs to the last word.
    let end = span.start + trimmed.len();
    Span::new((span.start + lead).min(end), end)
}

fn skip_punct(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

const TLDS: &[&str] =
    &[".edu/", ".com/", ".org/", ".net/", ".ru/", ".az/", ".tr/", ".ua/", ".gov/", ".info/", ".am/", ".ge/"];

/// Finds a web address: `http(s)://…`, `www.…`, or `host.tld/…` (extraction drops schemes).
fn find_url(raw: &str) -> Option<Span> {
    let mut at = 0;
    for word in raw.split_inclusive(char::is_whitespace) {
        let w = word.trim_end();
        // Every sign of an address has a point or a colon; the rest is skipped unread.
        if !w.contains(['.', ':']) {
            at += word.len();
            continue;
        }
        // ASCII lowercasing keeps byte offsets (full lowercasing does not: `Ⱥ` becomes three
        // bytes), so an offset found in `lower` is one in `w`.
        let lower = w.to_ascii_lowercase();
        let start_in = ["http://", "https://", "www."].iter().filter_map(|p| lower.find(p)).min();
        let start_in =
            start_in.or_else(|| (w.contains('/') && TLDS.iter().any(|t| lower.contains(t))).then_some(0));
        if let Some(s) = start_in {
            let url = &w[s..];
            let trimmed = url.trim_end_matches(['.', ',', ';', ')', ']', '"', '»']);
            return Some(Span::new(at + s, at + s + trimmed.len()));
        }
        at += word.len();
    }
    None
}

/// Finds a DOI (`10.NNNN/…`), trailing punctuation excluded.
fn find_doi(raw: &str) -> Option<Span> {
    let bytes = raw.as_bytes();
    let mut from = 0;
    while let Some(i) = raw[from..].find("10.") {
        let s = from + i;
        let digits = raw[s + 3..].bytes().take_while(u8::is_ascii_digit).count();
        let boundary = s == 0 || !bytes[s - 1].is_ascii_alphanumeric();
        if boundary && (4..=9).contains(&digits) && raw[s + 3 + digits..].starts_with('/') {
            let rest = &raw[s..];
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let doi = rest[..len].trim_end_matches(['.', ',', ';', ')', ']']);
            return Some(Span::new(s, s + doi.len()));
        }
        from = s + 3;
    }
    None
}

/// Finds a quoted title: (opening quote, inner span, end of the quote).
fn quoted_title(work: &str) -> Option<(usize, Span, usize)> {
    const PAIRS: &[(char, char)] = &[('"', '"'), ('“', '”'), ('«', '»'), ('„', '“'), ('„', '”')];
    let (open_at, open, close) =
        PAIRS.iter().filter_map(|&(o, c)| work.find(o).map(|i| (i, o, c))).min_by_key(|&(i, _, _)| i)?;
    let inner_start = open_at + open.len_utf8();
    let before = work[..open_at].chars().next_back();
    let opening = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ',' | '.' | ':'));
    if !opening {
        // A closing quote whose opening one was lost: the title runs from the authors' end.
        return None;
    }
    let close_rel = work[inner_start..].find(close)?;
    let inner = trim_span(work, Span::new(inner_start, inner_start + close_rel));
    if inner.is_empty() {
        return None;
    }
    Some((open_at, inner, inner_start + close_rel + close.len_utf8()))
}

/// Where an unquoted title ends: a GOST area (` — `, ` // `, ` / `), or a full stop before
/// an imprint, a container marker or a web address.
fn unquoted_title_end(work: &str, start: usize) -> usize {
    let s = &work[start..];
    let mut end = s.len();
    // GOST separates its areas with `. — `; a bare ` — ` ends the title only when the entry
    // has no such separator (`СССР — Турция: …. — М.: …` keeps its dash).
    let gost_area = [". —", ".—", ". –", ".–"].iter().filter_map(|m| s.find(m)).min();
    let dash =
        if gost_area.is_some() { None } else { [" — ", " – "].iter().filter_map(|m| s.find(m)).min() };
    let marks =
        [s.find("//"), s.find(" / "), s.find(" ["), s.find('"'), s.find(" : дис"), s.find(" : автореф")];
    for i in marks.into_iter().chain([gost_area, dash]).flatten() {
        end = end.min(i);
    }
    // `. ` followed by something that is not the title's continuation.
    let mut from = 0;
    while let Some(i) = s[from..end].find(". ") {
        let at = from + i;
        let next = s[at + 2..].trim_start();
        let prev_word = s[..at].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let abbreviation = !prev_word.is_empty()
            && prev_word.chars().count() <= 2
            && prev_word.chars().all(char::is_uppercase);
        if !abbreviation
            && (starts_imprint(next)
                || next.is_empty()
                || next.starts_with(['(', '/'])
                || HOST_MARKERS.iter().chain(THESIS).chain(VOLUME_STARTS).any(|m| next.starts_with(m))
                || next.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            return start + at;
        }
        from = at + 2;
    }
    start + end
}

/// True when `s` starts with `Place: Publisher` or `Place, Year`.
fn starts_imprint(s: &str) -> bool {
    // A place and what follows it fit in a short prefix; tokenizing all of `s` on every
    // full stop of a long entry would be quadratic.
    let s = prefix(s, 96);
    let toks = tokenize(s);
    place_at(s, &toks, 0).is_some_and(|(end_tok, _)| {
        let mut j = end_tok;
        if toks.get(j).is_some_and(|t| t.is_punct(s, '.')) {
            j += 1;
        }
        toks.get(j).is_some_and(|t| t.is_punct(s, ':'))
            || (toks.get(j).is_some_and(|t| t.is_punct(s, ','))
                && toks.get(j + 1).is_some_and(|t| is_year(s, t)))
    })
}

fn is_year(text: &str, t: &Token) -> bool {
    t.kind == Kind::Number && crate::fold::is_year(t.text(text))
}

fn is_cap_word(text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && t.text(text).chars().next().is_some_and(crate::fold::opens_capitalised)
}

/// A place name at token `i`: 1–4 capitalised words (`New York`, `Newcastle upon Tyne`,
/// `М.`, `СПб.`, `Washington, DC`). Returns the token after it and the span.
fn place_at(text: &str, toks: &[Token], i: usize) -> Option<(usize, Span)> {
    let first = toks.get(i).filter(|t| is_cap_word(text, t) && !NOT_PLACES.contains(&t.text(text)))?;
    let mut j = i + 1;
    let mut end = first.end;
    let mut words = 1;
    while words < 4 {
        match toks.get(j) {
            Some(t)
                if t.kind == Kind::Word
                    && t.space_before
                    && (is_cap_word(text, t) || t.text(text) == "upon") =>
            {
                end = t.end;
                j += 1;
                words += 1;
            }
            Some(t) if (t.is_punct(text, '-')) && !t.space_before => {
                if let Some(w) = toks.get(j + 1).filter(|w| w.kind == Kind::Word && !w.space_before) {
                    end = w.end;
                    j += 2;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    // `Ithaca, NY:`, `Washington, DC:`: a state code after a comma belongs to the place.
    if toks.get(j).is_some_and(|t| t.is_punct(text, ','))
        && toks.get(j + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && t.text(text).len() == 2
                && t.text(text).chars().all(|c| c.is_ascii_uppercase())
        })
        && toks.get(j + 2).is_some_and(|t| t.is_punct(text, ':'))
    {
        end = toks[j + 1].end;
        j += 2;
    }
    // An abbreviated place keeps its point (`М.`, `СПб.`, `K.`).
    let last = &text[toks[j - 1].start..end];
    if words == 1
        && last.chars().count() <= 3
        && toks.get(j).is_some_and(|t| t.is_punct(text, '.') && !t.space_before)
    {
        end = toks[j].end;
        j += 1;
    }
    Some((j, Span::new(first.start, end)))
}

/// Capitalised labels that look like a place before a colon (`Vol:31`, `URL: …`).
const NOT_PLACES: &[&str] = &[
    "Vol",
    "No",
    "URL",
    "DOI",
    "ISBN",
    "ISSN",
    "Т",
    "С",
    "Вып",
    "Вип",
    "Cilt",
    "Sayı",
    "C",
    "S",
    "P",
    "Pp",
    "Режим",
    "Available",
    "Accessed",
    "In",
    "В",
    "İçinde",
    "Дата",
    "Retrieved",
];

/// Finds `Place: Publisher, Year`, `Place, Year` or `Place: Publisher` after token `from`.
fn imprint(work: &str, toks: &[Token], from: usize) -> Option<(Option<Span>, Option<Span>, Option<Span>)> {
    for i in from..toks.len() {
        let boundary = i == 0
            || ['(', ',', '.', '—', '–', ';'].iter().any(|&c| toks[i - 1].is_punct(work, c))
            || toks[i - 1].kind == Kind::Punct && toks[i - 1].text(work) == "\"";
        if !boundary {
            continue;
        }
        let Some((mut j, place)) = place_at(work, toks, i) else { continue };
        // Extraction damage: `(Москва.,1991)`.
        if toks.get(j).is_some_and(|t| t.is_punct(work, '.'))
            && toks.get(j + 1).is_some_and(|t| t.is_punct(work, ','))
        {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| t.is_punct(work, ':')) {
            // Publisher runs to `, Year` or to the end of the area.
            let pub_start = toks.get(j + 1)?.start;
            let mut k = j + 1;
            while k < toks.len() {
                let t = &toks[k];
                if t.is_punct(work, ',') && toks.get(k + 1).is_some_and(|y| is_year(work, y)) {
                    // `Place: , 1999` (found by fuzzing) names no publisher.
                    let publisher =
                        (k > j + 1).then(|| trim_quotes(work, Span::new(pub_start, toks[k - 1].end)));
                    return Some((
                        Some(place),
                        publisher,
                        Some(Span::new(toks[k + 1].start, toks[k + 1].end)),
                    ));
                }
                if t.is_punct(work, ')')
                    || t.is_punct(work, '—')
                    || t.is_punct(work, ';')
                    || t.is_punct(work, '.') && toks.get(k + 1).is_some_and(|n| n.is_punct(work, '—'))
                {
                    break;
                }
                k += 1;
            }
            let end = toks[k.min(toks.len()) - 1].end;
            if end > pub_start && !trim_span(work, Span::new(pub_start, end)).is_empty() {
                return Some((
                    Some(place),
                    Some(trim_quotes(work, trim_span(work, Span::new(pub_start, end)))),
                    None,
                ));
            }
        }
        if toks.get(j).is_some_and(|t| t.is_punct(work, ','))
            && toks.get(j + 1).is_some_and(|y| is_year(work, y))
        {
            let y = &toks[j + 1];
            let date_like = toks.get(j + 2).is_some_and(|t| {
                t.is_punct(work, '.')
                    && toks.get(j + 3).is_some_and(|n| n.kind == Kind::Number && !n.space_before)
            });
            if !date_like {
                return Some((Some(place), None, Some(Span::new(y.start, y.end))));
            }
        }
    }
    None
}

/// The first `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// True when `s` starts with `Place: Publisher, Year` (or `Place, Year`).
/// `Place, Year` with nothing after it but punctuation or the book's page count
/// (`Париж, 1924.`, `Baku, 1998. 212 s.`).
fn is_place_year_at_end(s: &str) -> bool {
    let toks = tokenize(s);
    let Some((j, _)) = place_at(s, &toks, 0) else { return false };
    if !(toks.get(j).is_some_and(|t| t.is_punct(s, ',')) && toks.get(j + 1).is_some_and(|y| is_year(s, y))) {
        return false;
    }
    let after = s[toks[j + 1].end..].trim_matches(|c: char| c.is_whitespace() || ".,;".contains(c));
    let page_count = after.split_whitespace().collect::<Vec<_>>();
    after.is_empty()
        || matches!(page_count[..], [n, unit] if n.bytes().all(|b| b.is_ascii_digit())
            && ["с", "c", "s", "p", "pp", "S", "стр", "გვ"].contains(&unit.trim_end_matches('.')))
}

fn is_place_publisher_year(s: &str) -> bool {
    let toks = tokenize(s);
    imprint(s, &toks, 0).is_some_and(|(place, publisher, year)| {
        place.is_some_and(|p| p.start == 0) && publisher.is_some() && year.is_some()
    }) || s.find(':').is_some_and(|c| {
        s[..c].split_whitespace().count() <= 3
            && !s[..c].contains(',')
            && !s[c..].contains(" no.")
            && !s[c..].contains(" no ")
    }) && !tokenize(s).iter().any(|t| t.kind == Kind::Number && t.space_before && !is_year(s, t))
}

fn trim_quotes(work: &str, s: Span) -> Span {
    let text = &work[s.start..s.end];
    let inner = text.trim_start_matches(['"', '«', '“']);
    let lead = text.len() - inner.len();
    let trail = inner.len() - inner.trim_end_matches(['"', '»', '”']).len();
    Span::new(s.start + lead, s.end - trail)
}

/// The journal or book an article or chapter is in: after `//`, `In`, `В кн.:`, `İçinde`,
/// or right after a quoted title, up to its volume, year, or the next area.
fn container(work: &str, rest_start: usize) -> Option<Span> {
    let rest = &work[rest_start..];
    let lead = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ',' | ';' | '"' | '”' | '»' | '—' | '–')
            })
            .len();
    let mut start = rest_start + lead;
    let after = &work[start..];
    // After a GOST area dash comes an imprint or a note, never the host (that follows `//`).
    let after_area_dash = rest[..lead].contains(['—', '–']);
    let mut marker = None;
    for &m in HOST_MARKERS {
        if after.starts_with(m) {
            start = skip_punct(work, start + m.len());
            marker = Some(m);
            break;
        }
    }
    let s = &work[start..];
    let thesis = THESIS.iter().any(|t| s.starts_with(t));
    if !s.chars().next().is_some_and(crate::fold::opens_capitalised)
        || thesis
        || marker.is_none() && after_area_dash
    {
        return None;
    }
    // Without a marker, `Place: Publisher, Year` after the title is the imprint of a book;
    // `Kritika: Explorations in … 18, no. 2` is a journal.
    if marker.is_none() && starts_imprint(s) && is_place_publisher_year(s) {
        return None;
    }
    // Nor is `Place, Year.` closing the entry (`Париж, 1924.`, `ბათუმი, 2005.`): a journal
    // brings its volume, issue or pages after the year.
    if marker.is_none() && is_place_year_at_end(s) {
        return None;
    }
    let stops: &[&str] = if marker == Some("//") {
        &[" — ", ". —", " //", ". URL", ". DOI", " / "]
    } else {
        &[" — ", ". —", ", ", " (", ". ", ".,", " //", " içinde"]
    };
    let mut end = s.len();
    for stop in stops {
        if let Some(i) = s.find(stop) {
            end = end.min(i);
        }
    }
    // A volume number after the title: `Journal of X 12, no. 3`, `IRS-Heritage 1,no.29`.
    let tt = tokenize(&s[..end]);
    if let Some(n) = tt.iter().position(|t| t.kind == Kind::Number && t.space_before) {
        end = tt[n].start;
    }
    // `"Title"., Сборник документов., (Баку: Азернешр, 1993)`: a description of the book
    // itself, whose imprint follows in brackets, not a journal.
    if marker.is_none()
        && work[start + end..]
            .trim_start_matches(|c: char| c.is_whitespace() || ".,".contains(c))
            .starts_with('(')
    {
        return None;
    }
    let span = trim_span(work, Span::new(start, start + end));
    let words = work[span.start..span.end].split_whitespace().count();
    (words >= 1
        && span.end - span.start >= 3
        && !work[span.start..span.end].chars().all(|c| c.is_ascii_digit() || c.is_whitespace()))
    .then_some(span)
}

/// Words that introduce the book or journal holding a work (`//` is GOST's).
const HOST_MARKERS: &[&str] = &["//", "In:", "In ", "in:", "В кн.:", "В кн.", "в кн.:", "İçinde", "içinde"];

/// Words of a thesis designation (`Дис. … канд. ист. наук`, `PhD diss.`, `Yüksek Lisans Tezi`).
const THESIS: &[&str] = &[
    "Дис",
    "дис",
    "Автореф",
    "автореф",
    "диссертац",
    "PhD",
    "Ph.D",
    "Doctoral",
    "MA thesis",
    "Yüksek Lisans",
    "Tezi",
    "Doktora",
    "Tarix üzrə",
    "dissertasiya",
    "Dissertation",
    "dissertation",
];

/// How a volume statement may start a new sentence after a title (`Т. 2`, `C. 5`, `Vol. 3`).
const VOLUME_STARTS: &[&str] = &["Т. ", "C. ", "Vol", "Cilt"];

const VOLUME: &[&str] =
    &["т", "Т", "vol", "Vol", "tom", "Tom", "C", "Cilt", "cilt", "Bd", "Band", "volume", "Volume", "c"];
const ISSUE: &[&str] = &[
    "no", "No", "№", "sayı", "Sayı", "sayi", "Sayi", "issue", "Issue", "vyp", "vipusk", "Вып", "вып", "Вип",
    "вип", "S", "N",
];
const PAGES: &[&str] = &["С", "с", "pp", "p", "ss", "s", "стр", "Стр", "P", "pages", "S"];
const EXTENT: &[&str] = &["с", "s", "p", "pp", "стр", "c"];

fn number_span(work: &str, toks: &[Token], j: usize) -> Option<(Span, usize)> {
    let n =
        toks.get(j).filter(|t| t.kind == Kind::Number || t.kind == Kind::Word && is_roman(t.text(work)))?;
    let mut end = n.end;
    let mut k = j + 1;
    if toks.get(k).is_some_and(|t| ['-', '–', '—'].iter().any(|&c| t.is_punct(work, c))) {
        if let Some(m) = toks.get(k + 1).filter(|t| t.kind == Kind::Number) {
            end = m.end;
            k += 2;
        }
    }
    Some((Span::new(n.start, end), k))
}

fn is_roman(s: &str) -> bool {
    s.len() <= 7 && s.chars().all(|c| "IVXLC".contains(c))
}

/// Reads labelled volume, issue and pages, Chicago's `12, no. 3 (2005): 45–67`, an extent
/// (`221 с.`) and the example style's trailing pages (`(Bakı, 1996)., 122.`).
fn locators(work: &str, toks: &[Token], from: usize, f: &mut BibFields) {
    let in_title = |s: usize| {
        f.title.is_some_and(|t| t.start <= s && s < t.end)
            || f.container.is_some_and(|c| c.start <= s && s < c.end)
    };
    // Chicago/Turkish: a bare volume right after the container.
    if let Some(c) = f.container {
        if let Some(j) = toks.iter().position(|t| t.start >= c.end) {
            if toks[j].kind == Kind::Number && toks[j].space_before && !is_year(work, &toks[j]) {
                f.volume = Some(Span::new(toks[j].start, toks[j].end));
            }
        }
    }
    let mut j = from;
    while j < toks.len() {
        let t = &toks[j];
        if in_title(t.start) || !matches!(t.kind, Kind::Word | Kind::Punct) {
            j += 1;
            continue;
        }
        let word = t.text(work);
        let mut k = j + 1;
        if toks.get(k).is_some_and(|p| p.is_punct(work, '.') || p.is_punct(work, ':'))
            && !toks[k].space_before
        {
            k += 1;
        }
        let labelled = toks
            .get(k)
            .is_some_and(|n| n.kind == Kind::Number || n.kind == Kind::Word && is_roman(n.text(work)));
        // `,с 288.`: a page label without its point, never before a year (`с 1918` is "from").
        let bare_page = k == j + 1
            && ["с", "С", "s", "p", "pp", "ss"].contains(&word)
            && toks.get(k).is_some_and(|n| n.kind == Kind::Number && !is_year(work, n))
            && j > 0
            && toks[j - 1].kind == Kind::Punct;
        if bare_page && f.pages.is_none() {
            if let Some((span, next)) = number_span(work, toks, k) {
                f.pages = Some(span);
                j = next;
                continue;
            }
        }
        let prev_ok = j == 0 || !toks[j - 1].kind.eq(&Kind::Word) || toks[j - 1].kind == Kind::Punct;
        if labelled && prev_ok && k > j + 1
            || labelled && word == "№"
            || labelled && ["Cilt", "cilt", "sayı", "Sayı", "sayi", "tom", "vipusk"].contains(&word)
        {
            if let Some((span, next)) = number_span(work, toks, k) {
                let after_volume = f.volume.is_some_and(|v| v.end <= t.start);
                if VOLUME.contains(&word) && f.volume.is_none() && !(word == "C" || word == "c")
                    || (word == "C" || word == "Cilt" || word == "cilt")
                        && f.volume.is_none()
                        && !is_cyrillic_context(work)
                {
                    f.volume = Some(span);
                } else if ISSUE.contains(&word)
                    && f.issue.is_none()
                    && (word != "S" || after_volume || f.pages.is_none() && has_later_pages(work, toks, next))
                    && word != "N"
                {
                    f.issue = Some(span);
                } else if PAGES.contains(&word) && f.pages.is_none() && word != "S" {
                    f.pages = Some(span);
                }
                j = next;
                continue;
            }
        }
        j += 1;
    }
    // `edited by Peter Lomax, 112–139. London`: a bare range of pages between commas.
    if f.pages.is_none() {
        for i in from..toks.len() {
            let t = &toks[i];
            if t.kind == Kind::Number
                && !in_title(t.start)
                && i > 0
                && toks[i - 1].is_punct(work, ',')
                && !is_year(work, t)
            {
                if let Some((span, next)) = number_span(work, toks, i) {
                    let ranged = next > i + 1;
                    let ends = toks.get(next).is_none_or(|n| n.is_punct(work, '.') || n.is_punct(work, ','));
                    if ranged && ends && f.year.is_none_or(|y| y.start != t.start) {
                        f.pages = Some(span);
                        break;
                    }
                }
            }
        }
    }
    // `(2005): 45–67`
    if f.pages.is_none() {
        for (i, t) in toks.iter().enumerate().skip(from) {
            if t.is_punct(work, ')') && toks.get(i + 1).is_some_and(|c| c.is_punct(work, ':')) {
                if let Some((span, _)) = number_span(work, toks, i + 2) {
                    f.pages = Some(span);
                }
            }
        }
    }
    // `— 221 с.`, `298p.`, `276 s.`
    if f.pages.is_none() {
        for (i, t) in toks.iter().enumerate().skip(from) {
            if t.kind == Kind::Number
                && !is_year(work, t)
                && toks.get(i + 1).is_some_and(|w| {
                    w.kind == Kind::Word
                        && EXTENT.contains(&w.text(work))
                        && toks.get(i + 2).is_none_or(|p| p.is_punct(work, '.'))
                })
            {
                f.pages = Some(Span::new(t.start, t.end));
            }
        }
    }
    // The example style's trailing pages: the entry ends in a number after the imprint.
    if f.pages.is_none() {
        let last_num = toks.iter().rposition(|t| t.kind == Kind::Number);
        if let Some(n) = last_num {
            let range_start = if n >= 2
                && ['-', '–', '—'].iter().any(|&c| toks[n - 1].is_punct(work, c))
                && toks[n - 2].kind == Kind::Number
            {
                n - 2
            } else {
                n
            };
            let tail_ok = toks[n + 1..].iter().all(|t| t.kind == Kind::Punct);
            let before = range_start.checked_sub(1).map(|b| &toks[b]);
            let after_imprint = f.year.is_some_and(|y| y.end <= toks[range_start].start)
                || f.place.is_some_and(|p| p.end <= toks[range_start].start);
            let sep_before = before.is_some_and(|b| b.kind == Kind::Punct && !b.is_punct(work, '№'));
            if tail_ok
                && after_imprint
                && sep_before
                && !is_year(work, &toks[range_start])
                && !in_title(toks[range_start].start)
            {
                f.pages = Some(Span::new(toks[range_start].start, toks[n].end));
            }
        }
    }
}

fn is_cyrillic_context(work: &str) -> bool {
    crate::fold::majority_script(work) == Some(crate::model::Script::Cyrillic)
}

fn has_later_pages(work: &str, toks: &[Token], from: usize) -> bool {
    toks[from.min(toks.len())..]
        .iter()
        .any(|t| t.kind == Kind::Word && ["ss", "s", "pp", "p", "с", "С"].contains(&t.text(work)))
        || toks[from.min(toks.len())..]
            .windows(2)
            .any(|w| w[0].is_punct(work, ')') && w[1].is_punct(work, ':'))
}

/// A publication year standing alone after the title: `(2005)`, `, 2014,`, `— 2001.`.
fn year_after(work: &str, toks: &[Token], from: usize, f: &BibFields) -> Option<Span> {
    let taken = |s: usize| {
        [f.title, f.container, f.volume, f.issue, f.pages, f.url, f.doi]
            .iter()
            .flatten()
            .any(|sp| sp.start <= s && s < sp.end)
    };
    let dash = |t: &Token| ['-', '–', '—'].iter().any(|&c| t.is_punct(work, c));
    toks.iter().enumerate().skip(from).find_map(|(i, t)| {
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        // Not part of a range (`1918–1920`) or of a date (`01.05.1920`).
        let ranged = toks.get(i + 1).is_some_and(|n| dash(n) && !n.space_before)
            || prev.is_some_and(|p| dash(p) && !t.space_before);
        let dated = prev.is_some_and(|p| p.is_punct(work, '.') && !t.space_before)
            && i.checked_sub(2).is_some_and(|q| toks[q].kind == Kind::Number);
        (is_year(work, t) && !ranged && !dated && !taken(t.start)).then(|| Span::new(t.start, t.end))
    })
}

/// GOST statement of responsibility (`/ Ю. А. Лавров, В. П. Сомов`): the names in it.
fn responsibility(work: &str, from: usize, to: usize) -> Vec<Span> {
    let seg = &work[from..to];
    let start = seg.len() - seg.trim_start().len();
    names::authors(&seg[start..], seg.len() - start)
        .map(|(spans, _)| {
            spans.into_iter().map(|s| Span::new(from + start + s.start, from + start + s.end)).collect()
        })
        .unwrap_or_default()
}

fn kind(work: &str, f: &BibFields, archival: bool, rest_start: usize) -> Option<EntryKind> {
    let rest = &work[rest_start..];
    let has = |words: &[&str]| words.iter().any(|w| work.contains(w));
    Some(if has(THESIS) {
        EntryKind::Thesis
    } else if archival && f.title.is_none() {
        EntryKind::Archival
    } else if HOST_MARKERS
        .iter()
        .filter(|m| **m != "//")
        .any(|m| rest.trim_start_matches(|c: char| c.is_whitespace() || ".,\"”—–".contains(c)).starts_with(m))
        || f.container.is_some() && (f.publisher.is_some() || f.place.is_some())
    {
        EntryKind::Chapter
    } else if f.container.is_some()
        && f.url.is_some()
        && f.volume.is_none()
        && f.issue.is_none()
        && f.pages.is_none()
    {
        EntryKind::Web
    } else if f.container.is_some() {
        EntryKind::Article
    } else if f.place.is_some() || f.publisher.is_some() || f.pages.is_some() && f.url.is_none() {
        EntryKind::Book
    } else if f.url.is_some() {
        EntryKind::Web
    } else if archival {
        EntryKind::Archival
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests;
