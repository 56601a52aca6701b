//! The reference list: one entry per item, wrapped lines joined, `**` debris made emphasis.

use super::features::{is_small, opens_capitalised};
use super::units::Unit;
use crate::diag::Diagnostic;
use crate::model::{plain_text, BibEntry, BibFields, BibPart, Inline};

/// Reads the entries of a reference list from the units after its heading, with the
/// subheadings that divide it (see [`super::subheads`]).
/// `is_head` tells a running head of the article (a line of the list that is one, where the
/// extractor set it against an entry with no blank line, is dropped and reported).
pub fn read_entries(
    units: &[Unit],
    is_head: &dyn Fn(&str) -> bool,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<BibEntry>, Vec<BibPart>) {
    // Lines as printed: a soft hyphen inside a line is a printed hyphen (`und \u{AD}färberei`).
    let printed: Vec<(u32, std::borrow::Cow<str>)> = units
        .iter()
        .flat_map(|u| {
            u.lines
                .iter()
                .map(|l| (l.no, super::units::printed(l.text.trim_end_matches(['\r', ' ', '\u{c}']))))
        })
        .collect();
    let mut raw: Vec<(u32, &str)> = printed
        .iter()
        .map(|(no, t)| (*no, t.as_ref()))
        .filter(|&(no, t)| {
            let head = is_head(t.rsplit('\u{c}').next().unwrap_or(t).trim());
            if head {
                diags.push(Diagnostic::info(
                    "dropped-line",
                    no,
                    format!("dropped running head `{}`", t.trim()),
                ));
            }
            !head
        })
        .filter(|(_, t)| {
            let t = t.trim();
            !t.is_empty() && !super::units::is_page_number(t) && !super::units::is_separator(t)
        })
        .collect();
    // Subheadings are taken out first: the entries' numbering and wrapping are the rest's.
    let trimmed: Vec<&str> = raw.iter().map(|(_, t)| t.trim()).collect();
    let heads = super::subheads::find(&trimmed);
    // (index of the first line after the subheading among the lines left, its text, its line)
    let mut breaks: Vec<(usize, String, u32)> = Vec::new();
    for (removed, &k) in heads.iter().enumerate() {
        breaks.push((k - removed, trimmed[k].to_string(), raw[k].0));
    }
    for &k in heads.iter().rev() {
        raw.remove(k);
    }
    let lines: Vec<(u32, &str)> = raw.iter().map(|&(no, t)| (no, t.trim())).collect();
    let numbered = lines.first().is_some_and(|(_, t)| leading_number(t).is_some());
    let layout = Wrapping::of(&raw);
    let all: String = lines.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
    let occurrences = |w: &str| super::join::count_word(&all, w);
    // A line that fills the list's measure and stops on a word (no point, no number) was cut
    // at the margin (`… Atatürk Kültür` / `Merkezi, 2017. 298 s.`), even where too few lines
    // fill the measure for the list to be read as wrapped.
    let spaced = |t: &str| t.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>();
    let measure = super::measure::full_line(&lines.iter().map(|(_, t)| spaced(t)).collect::<Vec<_>>());
    // Only in a list whose entries end with a point, a bracket or a number: where the short
    // lines (entries' ends) stop on words too, entries are printed without a final point and a
    // full one may be a whole entry.
    let short: Vec<&str> =
        lines.iter().map(|(_, t)| t.trim_end()).filter(|t| spaced(t) * 100 < measure * 90).collect();
    let punctuated =
        short.iter().filter(|t| t.ends_with(['.', ')']) || t.ends_with(|c: char| c.is_ascii_digit())).count();
    let entries_end_punctuated = punctuated * 5 >= short.len() * 4;
    let cut_at_margin = |prev: &str| {
        lines.len() >= 6
            && entries_end_punctuated
            && prev.ends_with(char::is_alphabetic)
            && spaced(prev) * 100 >= measure * 90
    };
    let mut entries: Vec<(u32, Option<String>, String)> = Vec::new();
    let mut entry_indent = 0;
    let mut parts = Vec::new();
    for (k, &(no, text)) in lines.iter().enumerate() {
        let part = breaks.iter().find(|b| b.0 == k);
        if let Some((_, heading, line)) = part {
            diags.push(Diagnostic::info(
                "bib-subheading",
                *line,
                format!("`{heading}` read as a subheading of the reference list"),
            ));
            parts.push(BibPart { heading: heading.clone(), start: entries.len() });
        }
        let starts_entry = match entries.last() {
            None => true,
            Some(_) if part.is_some() => true,
            Some((_, _, prev)) => {
                if numbered {
                    leading_number(text).is_some()
                } else if let Some(w) = &layout {
                    !w.continues(raw[k - 1].1, raw[k].1, entry_indent) && !continues(prev, text)
                } else {
                    !continues(prev, text) && !cut_at_margin(lines[k - 1].1)
                }
            }
        };
        if starts_entry {
            entry_indent = indent(raw[k].1);
        }
        if starts_entry {
            let (label, body) = match leading_number(text) {
                Some((n, rest)) => (Some(n), rest),
                None => (None, text),
            };
            entries.push((no, label, body.to_string()));
        } else if let Some((_, _, prev)) = entries.last_mut() {
            *prev = super::join::join_cut(prev, text, &occurrences).0;
        }
    }
    let entries = entries
        .into_iter()
        .map(|(line, label, text)| {
            let content = emphasis(&text, line, diags);
            BibEntry {
                label,
                key: None,
                raw: plain_text(&content),
                content,
                lang: None,
                script: None,
                fields: BibFields::default(),
            }
        })
        .collect();
    (entries, parts)
}

/// The printed measure of a list whose entries wrap over several lines (one output line per
/// printed line, as pdftotext and its kind write): a line that fills the measure runs on
/// into the next one, an indented line continues its entry (a hanging indent kept as
/// spaces), and a short line ends its entry.
struct Wrapping {
    /// The length (in characters) of a full line.
    full: usize,
    /// How indentation marks entries, when lines are indented at two depths.
    indents: Indents,
    /// The shallower of the two depths (leading spaces).
    shallow: usize,
}

/// How a list's indentation marks its entries.
#[derive(Clone, Copy, PartialEq)]
enum Indents {
    /// One depth only: indentation says nothing.
    Flat,
    /// A hanging indent: continuation lines are indented.
    Hanging,
    /// A first-line indent: each entry's first line is indented.
    FirstLine,
}

impl Wrapping {
    /// Finds the measure, when most lines fill it (`None` for one entry per line).
    fn of(lines: &[(u32, &str)]) -> Option<Self> {
        let lens: Vec<usize> = lines.iter().map(|(_, t)| t.trim().chars().count()).collect();
        if lens.len() < 6 {
            return None;
        }
        let full = super::measure::full_line(&lens);
        // Full lines cluster at the measure; one entry per line spreads far past it.
        let filled = lens.iter().filter(|&&l| l * 100 >= full * 85 && l * 100 <= full * 115).count();
        let shallow = lines.iter().map(|(_, t)| indent(t)).min().unwrap_or(0);
        (full >= 40 && filled * 10 >= lens.len() * 4).then(|| Wrapping {
            full,
            indents: Indents::of(lines),
            shallow,
        })
    }

    /// Whether `line` continues the entry that `prev` (the line above) belongs to.
    fn continues(&self, prev: &str, line: &str, entry_indent: usize) -> bool {
        match self.indents {
            Indents::Hanging if indent(line) > entry_indent + 1 => return true,
            // A first-line indent: a deeper line opens an entry, the others go on.
            // A first-line indent: a line at the deeper depth opens an entry (even right
            // after another entry's one-line first line), a shallow one goes on.
            Indents::FirstLine => return indent(line) <= self.shallow + 1,
            _ => {}
        }
        let long = prev.trim().chars().count() * 100 >= self.full * 85;
        let t = line.trim();
        // A full line that ends a sentence may end its entry just at the margin: an entry's
        // start (`Surname, Name.`, `———.`) then opens the next one.
        // (`Fred V.` at the margin is an initial, not an entry's end.)
        let last = prev.split_whitespace().last().unwrap_or("");
        let initial = last.ends_with('.')
            && last.chars().filter(|c| c.is_alphabetic()).count() == 1
            && last.chars().any(char::is_uppercase);
        // An imprint (`Cambridge, MA: Harvard…, 1986.`) goes on with its entry.
        let ends_entry = !is_imprint(t)
            && (looks_like_entry_start(t)
                || ends_like_entry_end(prev) && t.chars().next().is_some_and(opens_capitalised));
        long && !(prev.trim_end().ends_with('.') && !initial && ends_entry)
    }
}

impl Indents {
    /// Decides between a hanging and a first-line indent: in the right reading, the line
    /// before an entry's first line ends a sentence.
    fn of(lines: &[(u32, &str)]) -> Self {
        let depth: Vec<usize> = lines.iter().map(|(_, t)| indent(t)).collect();
        let (Some(&min), Some(&max)) = (depth.iter().min(), depth.iter().max()) else { return Indents::Flat };
        if max < min + 2 {
            return Indents::Flat;
        }
        let ends = |k: usize| lines[k].1.trim_end().ends_with(['.', ')']);
        // Lines after which a deeper (resp. shallower) line comes, ending a sentence or not.
        let (mut deeper_after_end, mut deeper) = (0, 0);
        let (mut shallower_after_end, mut shallower) = (0, 0);
        for (k, &d) in depth.iter().enumerate().skip(1) {
            if d > min + 1 {
                deeper += 1;
                deeper_after_end += usize::from(ends(k - 1));
            } else {
                shallower += 1;
                shallower_after_end += usize::from(ends(k - 1));
            }
        }
        let rate = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        if rate(deeper_after_end, deeper) > rate(shallower_after_end, shallower) {
            Indents::FirstLine
        } else {
            Indents::Hanging
        }
    }
}

/// Where no references heading was recognised: the body's last units, when three or more
/// of them read as bibliography entries (an author opening, a year, a final point), are a
/// reference list under a heading the lexicon does not know. They stay body text, and the
/// reader says so at the first of them (`references-unheaded`), naming the line above.
pub fn report_unheaded_list(body: &[Unit], diags: &mut Vec<Diagnostic>) {
    let entry_like = |t: &str| {
        t.chars().count() <= 600
            && looks_like_entry_start(t.trim_start())
            && has_year(t)
            && t.trim_end().ends_with('.')
    };
    // Entries in a unit: one per line when every line reads as one (no blank lines between
    // them), else one when the whole unit does (an entry wrapped over lines).
    let entries_in = |u: &Unit| {
        if u.label().is_some() || u.is_foot_note() {
            0
        } else if u.lines.len() > 1 && u.lines.iter().all(|l| entry_like(l.text)) {
            u.lines.len()
        } else {
            usize::from(entry_like(u.text()))
        }
    };
    let units = body.iter().rev().take_while(|u| entries_in(u) > 0).count();
    let tail: usize = body[body.len() - units..].iter().map(entries_in).sum();
    if tail < 3 {
        return;
    }
    let first = &body[body.len() - units];
    let above = body.len().checked_sub(units + 1).map(|i| body[i].first().trim().to_string());
    let heading = above.map_or(String::new(), |h| format!(" under `{h}`"));
    diags.push(Diagnostic::warning(
        "references-unheaded",
        first.line(),
        format!(
            "the last {tail} lines or paragraphs{heading} read like bibliography entries, but no references heading was recognised: they are kept as body text (a heading such as `References` on its own line makes them the reference list)"
        ),
    ));
}

/// `Herlihy, Patricia.`, `———.`, `Иванов И. И.`, `Smith J.`: how entries open.
pub(super) fn looks_like_entry_start(t: &str) -> bool {
    if t.starts_with(['—', '–', '_']) {
        return true;
    }
    let head: String = t.chars().take(40).collect();
    let first = head.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(opens_capitalised)
        && (first.ends_with(',')
            || head.split_whitespace().nth(1).is_some_and(|w| w.chars().count() <= 3 && w.ends_with('.')))
}

/// Leading spaces of a line.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// `12. Author`, `[12] Author`, `12) Author` → ("12", "Author").
fn leading_number(t: &str) -> Option<(String, &str)> {
    let s = t.strip_prefix('[').unwrap_or(t);
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let rest = &s[digits.len()..];
    let rest = rest.strip_prefix(['.', ']', ')'])?;
    rest.starts_with(' ').then(|| (digits, rest.trim_start()))
}

/// Whether `line` continues the entry `prev` rather than starting a new one.
fn continues(prev: &str, line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    let clean = prev.replace("**", "");
    let opened = |o: char, c: char| clean.matches(o).count() > clean.matches(c).count();
    is_small(first)
        || line.starts_with("http")
        || line.starts_with("www.")
        || line.starts_with("doi")
        || opened('(', ')')
        || opened('[', ']')
        || opened('«', '»')
        // German quotes open with „ and close with “, English ones open with “.
        || if clean.contains('„') { opened('„', '“') } else { opened('“', '”') }
        || clean.matches('"').count() % 2 == 1
        || prev.ends_with(['-', '–', '—', '/'])
        // No entry ends with a colon, a comma, a semicolon or an ampersand (`Leipzig:` /
        // `Fachbuchverlag, 1989.`); a line that is only a year or pages ends the one above.
        || prev.trim_end().ends_with([':', ',', ';', '&'])
        || line.split_whitespace().count() == 1 && ends_like_entry_end(line)
        || (is_imprint(line) && !has_year(&clean))
}

/// Whether `line` ends the way entries end: a year, a page or a page range, or a page
/// count, then a full stop (`1998.`, `2004–2005.`, `55–80.`, `976 s.`, `312 с.`, `p. 190–205.`).
fn ends_like_entry_end(line: &str) -> bool {
    let Some(body) = line.trim_end().strip_suffix('.') else { return false };
    let mut words = body.rsplit(' ');
    let last = words.next().unwrap_or("");
    let numeric = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ','));
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '—'))
    };
    let page_count = ["s", "p", "pp", "S", "с", "стр", "c", "ss", "bl", "Bl"].contains(&last)
        && words.next().is_some_and(numeric);
    numeric(last) || page_count
}

/// `Москва: Наука, 1994.`, `Cambridge, MA: Harvard University Press, 2011`: a place of
/// publication (one to three words before a colon) followed by a year.
pub(super) fn is_imprint(line: &str) -> bool {
    let colon = line.split_whitespace().take(3).position(|w| w.ends_with(':') && w.chars().count() > 2);
    colon.is_some() && has_year(line)
}

/// Whether `text` holds a year of publication (1500–2099) as a number of its own.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(crate::fold::is_year)
}

/// Turns paired `**` into strong emphasis; a lone `**` is dropped and reported.
pub fn emphasis(text: &str, line: u32, diags: &mut Vec<Diagnostic>) -> Vec<Inline> {
    let parts: Vec<&str> = text.split("**").collect();
    let pairs = (parts.len() - 1) / 2;
    let lone = (parts.len() - 1) % 2 == 1;
    if lone {
        diags.push(Diagnostic::warning(
            "unbalanced-emphasis",
            line,
            "a lone `**` was removed (no closing pair)",
        ));
    }
    let mut out: Vec<Inline> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        if part.is_empty() {
            continue;
        }
        // Parts at odd positions are inside a pair, except past the last complete pair.
        let inside = k % 2 == 1 && k <= pairs * 2;
        let inline =
            if inside { Inline::Strong { content: vec![Inline::text(*part)] } } else { Inline::text(*part) };
        match (out.last_mut(), &inline) {
            (Some(Inline::Text { text: prev }), Inline::Text { text }) => prev.push_str(text),
            _ => out.push(inline),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::units::units;

    fn entries(src: &str) -> Vec<String> {
        let u = units(src);
        let mut d = Vec::new();
        read_entries(&u, &|_| false, &mut d).0.into_iter().map(|e| e.raw).collect()
    }

    /// A list read one entry per line (too few lines fill the measure) still joins the lines
    /// that cannot end an entry: a colon or an ampersand at the end, a line cut at the margin
    /// on a word, a year alone.
    #[test]
    fn lines_that_cannot_end_an_entry_go_on() {
        let short = [
            "Okur, Mehmet. Rus İşgali. Trabzon: Serander, 2017.",
            "Aksoy, Hüseyin. Karantina. İstanbul, 2015.",
        ];
        let src = short.join("\n") + "\n" + &short.join("\n") + "\n" + "Fellmann, Walter. Der Leipziger Brühl: Geschichte und Geschichten des Rauchwarenhandels. Leipzig:\n\
                   Fachbuchverlag, 1989.\n\
                   Marwick, Eric J. The Fur Trade of London, 1860–1939. London: Athlone Press, 1992.\n\
                   Unger, Paul. Die Rauchwarenzurichtung und -färberei in Leipzig und Umgebung. Leipzig: Duncker &\n\
                   Humblot, 1911.\n\
                   Kaya Ö. Azerbaycan Halk Cumhuriyeti’nde Eğitim Politikası (1918–1920). Ankara: Atatürk Kültür\n\
                   Merkezi, 2017. 298 s.\n\
                   Fitzpatrick, Anne Lincoln. The Great Russian Fair: Nizhnii Novgorod, 1840–90. Basingstoke: Macmillan,\n\
                   1990.\n";
        assert_eq!(
            entries(&src)[4..],
            [
                "Fellmann, Walter. Der Leipziger Brühl: Geschichte und Geschichten des Rauchwarenhandels. Leipzig: Fachbuchverlag, 1989.",
                "Marwick, Eric J. The Fur Trade of London, 1860–1939. London: Athlone Press, 1992.",
                "Unger, Paul. Die Rauchwarenzurichtung und -färberei in Leipzig und Umgebung. Leipzig: Duncker & Humblot, 1911.",
                "Kaya Ö. Azerbaycan Halk Cumhuriyeti’nde Eğitim Politikası (1918–1920). Ankara: Atatürk Kültür Merkezi, 2017. 298 s.",
                "Fitzpatrick, Anne Lincoln. The Great Russian Fair: Nizhnii Novgorod, 1840–90. Basingstoke: Macmillan, 1990.",
            ]
        );
    }

    /// A running head set against an entry's lines is dropped, and reported.
    #[test]
    fn a_running_head_inside_the_list_is_dropped() {
        let src = "Marwick, Eric J. The Fur Trade of London. London: Athlone Press, 1992.\n\
                   4\u{c}Der Brühl und der Osten, 1880–1914\n\
                   Unger, Paul. Die Rauchwarenzurichtung. Leipzig: Duncker & Humblot, 1911.\n";
        let mut d = Vec::new();
        let is_head = |t: &str| t == "Der Brühl und der Osten, 1880–1914";
        let (e, _) = read_entries(&units(src), &is_head, &mut d);
        let raw: Vec<&str> = e.iter().map(|e| e.raw.as_str()).collect();
        assert_eq!(
            raw,
            [
                "Marwick, Eric J. The Fur Trade of London. London: Athlone Press, 1992.",
                "Unger, Paul. Die Rauchwarenzurichtung. Leipzig: Duncker & Humblot, 1911."
            ]
        );
        assert!(d.iter().any(|d| d.code == "dropped-line" && d.line == 2), "{d:?}");
    }

    /// Where the entries end without a point, a full line that stops on a word is a whole
    /// entry: no joining.
    #[test]
    fn entries_printed_without_a_final_point_stay_apart() {
        let src = "Haus der Geschichte der Bundesrepublik Deutschland, Sammlung Plakate und Flugblätter\n\
                   Sächsisches Staatsarchiv Leipzig\n\
                   Bundesarchiv Berlin-Lichterfelde, Bestand Reichswirtschaftsministerium und Nachfolger\n\
                   Politisches Archiv des Auswärtigen Amts\n\
                   Stadtarchiv Leipzig, Ratsstube\n\
                   Sächsisches Wirtschaftsarchiv, Bestand Thorer\n\
                   Archiv der Handelskammer\n";
        assert_eq!(entries(src).len(), 7);
    }

    #[test]
    fn a_list_under_an_unknown_heading_is_reported() {
        let src = "The Title of the Article\n\nJohn Smith\n\nIntroduction\n\nBody text of the article, in 1919 and after, with more words here and there, as an article has them; and a second sentence that goes on to make a paragraph of prose.\n\nQuellenangaben\n\nSmith, John. Trade. London, 1990.\n\nJones, Mary. Ports. Oxford, 1995.\n\nBrown, A. Grain. Riga, 2001.";
        let (_, d) = crate::read::text::read(src);
        let w: Vec<_> = d.iter().filter(|d| d.code == "references-unheaded").collect();
        assert_eq!(w.len(), 1, "{d:?}");
        assert!(w[0].message.contains("`Quellenangaben`"), "{}", w[0].message);
        // Under a known heading, or with body paragraphs last, nothing is said.
        let known = src.replace("Quellenangaben", "References");
        assert!(!crate::read::text::read(&known).1.iter().any(|d| d.code == "references-unheaded"));
        let prose =
            "Title\n\nIn 1919, the mission left Baku.\n\nIn 1920, it came back.\n\nIn 1921, it left again.";
        assert!(!crate::read::text::read(prose).1.iter().any(|d| d.code == "references-unheaded"));
    }

    /// Georgian letters are lowercase in Unicode, but Georgian has no capitals: a Georgian
    /// entry opens a new entry like any other, never going on with the one above.
    #[test]
    fn georgian_entries_stay_apart() {
        let src = "ჯავახიშვილი ივ. ქართველი ერის ისტორია. თბილისი, 1960.\nსურგულაძე ა. საქართველოს ისტორია. თბილისი: მეცნიერება, 1991.\nჟვანია გ. ქუთაისის ისტორია. ქუთაისი, 2005.";
        assert_eq!(entries(src).len(), 3, "{:?}", entries(src));
    }

    #[test]
    fn joins_wrapped_entries() {
        let src = "Andrew, A., \"A New Turn\".,\n\nhttps://example.org/a\n\nArkhipova, E., \"Title (part\n\nтwo)\", 2001.\n\nMustafa, R., \"Две (на примере\n\nАрмении)\"., https://x.ru\n\nPiotr G., \"The corridor (against\n\nthe South Caucasus region)\"., https://y.pl";
        assert_eq!(
            entries(src),
            [
                "Andrew, A., \"A New Turn\"., https://example.org/a",
                "Arkhipova, E., \"Title (part тwo)\", 2001.",
                "Mustafa, R., \"Две (на примере Армении)\"., https://x.ru",
                "Piotr G., \"The corridor (against the South Caucasus region)\"., https://y.pl",
            ]
        );
    }

    #[test]
    fn an_entry_without_its_year_runs_on_into_its_imprint() {
        let src = "Дмитриев, Н. А. Ветеринарное дело в Российской империи.\nМосква: Наука, 1994.\nSmith, J. Trade. London: Methuen, 1990.\nLondon: a City. Oxford: OUP, 2001.";
        assert_eq!(
            entries(src),
            [
                "Дмитриев, Н. А. Ветеринарное дело в Российской империи. Москва: Наука, 1994.",
                "Smith, J. Trade. London: Methuen, 1990.",
                "London: a City. Oxford: OUP, 2001.",
            ]
        );
    }

    #[test]
    fn entries_that_end_at_the_margin() {
        assert!(ends_like_entry_end("Bakı: Azərbaycan, 1998. 976 s."));
        assert!(ends_like_entry_end("Баку: Элм, 1998. 312 с."));
        assert!(ends_like_entry_end("Dergisi, 2011, cilt 11, sayı 1, s. 55–80."));
        assert!(ends_like_entry_end("Cambridge: Cambridge University Press, 1991."));
        assert!(!ends_like_entry_end("Odessa: A History, 1794–1914. Cambridge, MA:"));
        assert!(!ends_like_entry_end("Kowalczyk, Marek. Między Rygą a Witebskiem."));
        // Title-first entries, each a full line that ends at the margin, in a wrapped list.
        let long =
            "Hüseynov M. Ə. “Azərbaycan Xalq Cümhuriyyəti dövründə dərslik nəşri” // Azərbaycan Məktəbi,";
        let src = format!(
            "Azərbaycan Xalq Cümhuriyyəti (1918–1920). Qanunvericilik aktları. Bakı: Azərbaycan, 1998. 976 s.\n\
             Azərbaycan Xalq Cümhuriyyəti Ensiklopediyası. 2 cilddə. Bakı: Lider, 2004–2005.\n{long}\n2008, №3, s. 77–89.\n\
             Herlihy, Patricia. Odessa: A History, 1794–1914. The Life of a Port City in the Empire, 1794–1914.\n\
             Cambridge, MA: Harvard Ukrainian Research Institute, 1986.\n{long}\n2009, №1, s. 12–19."
        );
        assert_eq!(entries(&src).len(), 5, "{:#?}", entries(&src));
    }

    /// pdftotext -layout keeps a first-line indent: each entry's first line is indented,
    /// one-line entries follow each other at the deeper depth.
    #[test]
    fn first_line_indents_open_entries_even_one_after_another() {
        let src = "Aksoy, Hüseyin. Karadeniz Limanlarında Sağlık İdaresi ve Karantina Teşkilatı. İstanbul: Kitabevi\n\
                   Yayınları, 2015.\n\
                   \x20  Bulmuş, Birsen. Plague, Quarantines and Geopolitics in the Ottoman Empire. Edinburgh: Edinburgh\n\
                   University Press, 2012.\n\
                   \x20  Durmuş, Bülent. Trabzon–Tebriz Transit Yolu ve Ticareti (1830–1914). Ankara: TTK, 2009.\n\
                   \x20  Okur, Mehmet. Rus İşgali Altında Trabzon (1916–1918). Trabzon: Serander, 2017.\n\
                   \x20  Yıldız, Nurten. İstanbul’un Sağlık Tarihi ve Kurumları. İstanbul: Tarih Vakfı Yurt Yayınları,\n\
                   2010.";
        let e = entries(src);
        assert_eq!(e.len(), 5, "{e:#?}");
        assert!(e[3].starts_with("Okur") && e[3].ends_with("2017."), "{e:#?}");
    }

    #[test]
    fn numbered_entries_lose_their_number() {
        let u = units("1. Əliyev A. Tarix. Bakı, 2001.\n2. Məmmədov B. Kitab.\n   davamı 2003.");
        let mut d = Vec::new();
        let (e, _) = read_entries(&u, &|_| false, &mut d);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].label.as_deref(), Some("1"));
        assert_eq!(e[1].raw, "Məmmədov B. Kitab. davamı 2003.");
    }

    fn parts(src: &str) -> (Vec<String>, Vec<(String, usize)>) {
        let mut d = Vec::new();
        let (e, p) = read_entries(&units(src), &|_| false, &mut d);
        (e.into_iter().map(|e| e.raw).collect(), p.into_iter().map(|p| (p.heading, p.start)).collect())
    }

    /// Numbered subheadings over numbered entries: the subheadings are parts, not entries,
    /// and the entries keep their numbers as labels.
    #[test]
    fn subheadings_divide_the_list_into_parts() {
        let src =
            "1. Архивные источники\n\n1. ГАРФ. Ф. 1318. Оп. 1. Д. 35.\n\n2. РГВА. Ф. 1. Оп. 2. Д. 4.\n\n\
                   2. Литература\n\n3. Иванов И. И. Карс и его округа. М.:\nНаука, 2006. 312 с.\n";
        let (e, p) = parts(src);
        assert_eq!(
            e,
            [
                "ГАРФ. Ф. 1318. Оп. 1. Д. 35.",
                "РГВА. Ф. 1. Оп. 2. Д. 4.",
                "Иванов И. И. Карс и его округа. М.: Наука, 2006. 312 с."
            ]
        );
        assert_eq!(p, [("1. Архивные источники".to_string(), 0), ("2. Литература".to_string(), 2)]);
        let src = "ARŞİV KAYNAKLARI\nBOA, DH.MKT, 1432/12.\nKİTAP VE MAKALELER\nAksoy, H. Karantina. İstanbul, 2015.\n";
        let (e, p) = parts(src);
        assert_eq!(e.len(), 2);
        assert_eq!(p, [("ARŞİV KAYNAKLARI".to_string(), 0), ("KİTAP VE MAKALELER".to_string(), 1)]);
    }

    /// One-line entries stay entries: one without year or full stop in a list that opens
    /// with entries; in a divided list, newspaper titles one after another, a short entry
    /// that ends with a full stop, and the list's last line.
    #[test]
    fn one_line_entries_are_never_made_subheadings() {
        let (e, p) = parts(
            "Smith, J. Trade. London, 1990.\nOral history interviews\nJones, K. Ports. Oxford, 2001.\n",
        );
        assert_eq!(
            e,
            ["Smith, J. Trade. London, 1990.", "Oral history interviews", "Jones, K. Ports. Oxford, 2001."]
        );
        assert!(p.is_empty());
        let src = "Newspapers\nKaspiy\nBakinskiy rabochiy\nSmith, J. Trade. London, 1990.\n";
        let (e, p) = parts(src);
        assert_eq!(e, ["Newspapers", "Kaspiy", "Bakinskiy rabochiy", "Smith, J. Trade. London, 1990."]);
        assert!(p.is_empty());
        let src = "Archival sources\nARDA, f. 28, siy. 1, iş 37.\nAnonymous memoir.\nSmith, J. Trade. London, 1990.\nMamedov Papers";
        let (e, p) = parts(src);
        assert_eq!(
            e,
            [
                "ARDA, f. 28, siy. 1, iş 37.",
                "Anonymous memoir.",
                "Smith, J. Trade. London, 1990.",
                "Mamedov Papers"
            ]
        );
        assert_eq!(p, [("Archival sources".to_string(), 0)]);
    }

    #[test]
    fn stars_become_emphasis() {
        let mut d = Vec::new();
        let c = emphasis("Абаскулиева, Е., **\"Военный альянс** дашнаков", 1, &mut d);
        assert_eq!(c.len(), 3);
        assert!(matches!(&c[1], Inline::Strong { .. }));
        assert_eq!(plain_text(&c), "Абаскулиева, Е., \"Военный альянс дашнаков");
        assert!(d.is_empty());
        let c = emphasis("a **b** c ** d", 7, &mut d);
        assert_eq!(plain_text(&c), "a b c  d");
        assert_eq!(d[0].code, "unbalanced-emphasis");
    }
}
