//! Subheadings inside a reference list (`Archival sources`, `Kitap ve Makaleler`,
//! `1. Архивные источники`): told from entries by their shape alone, never by their words.
//!
//! A subheading is a short line of words (an enumerator such as `1.`, `A)` or `IV.` may open
//! it, a colon may close it) with no digit, no full stop, comma or bracket: nothing an entry's
//! author, title, imprint or year would bring. It must also stand where a heading stands: the
//! line before it ends an entry, the line after it opens one, and the list itself opens with a
//! subheading (a divided list is divided from its top; a list that opens with entries is read
//! as undivided, so a one-line entry such as `Oral history interviews` stays an entry).

use super::features::is_small;

/// The most characters and words a subheading has (its enumerator not counted).
const MAX_CHARS: usize = 60;
const MAX_WORDS: usize = 8;

/// Finds the subheadings of a reference list: the indices in `lines` (trimmed, blank lines
/// and page furniture removed) of the lines that are subheadings.
pub fn find(lines: &[&str]) -> Vec<usize> {
    let candidate: Vec<bool> = lines.iter().map(|t| is_heading_shape(t)).collect();
    let at = |k: usize| {
        let opens_entry = lines.get(k + 1).is_some_and(|next| !candidate[k + 1] && opens_entry(next));
        let after_entry = k == 0 || ends_entry(lines[k - 1]);
        candidate[k] && opens_entry && after_entry
    };
    if lines.is_empty() || !at(0) {
        return Vec::new();
    }
    (0..lines.len()).filter(|&k| at(k)).collect()
}

/// Whether a line has the shape of a subheading (see the module's comment).
pub fn is_heading_shape(line: &str) -> bool {
    let text = strip_enumerator(line.trim());
    let text = text.strip_suffix(':').unwrap_or(text).trim_end();
    let Some(first) = text.chars().next() else { return false };
    let words = text.split_whitespace().count();
    // A heading's first letter is a capital (or a letter of a script without case).
    first.is_alphabetic()
        && !is_small(first)
        && text.chars().count() <= MAX_CHARS
        && words <= MAX_WORDS
        && text.chars().all(|c| {
            c.is_alphabetic()
                || c == ' '
                || matches!(c, '-' | '‐' | '–' | '—' | '\'' | '’' | 'ʼ' | '&' | '/')
                // Combining accents (stress marks) and the joiners of Persian script.
                || ('\u{300}'..='\u{36f}').contains(&c)
                || matches!(c, '\u{200c}' | '\u{200d}')
        })
}

/// `1. `, `12) `, `A. `, `b) `, `IV. ` at the start of a line → the rest of it.
fn strip_enumerator(line: &str) -> &str {
    let Some((head, rest)) = line.split_once(' ') else { return line };
    let Some(mark) = head.strip_suffix(['.', ')']) else { return line };
    let digits = !mark.is_empty() && mark.len() <= 2 && mark.chars().all(|c| c.is_ascii_digit());
    let letter = mark.chars().count() == 1 && mark.chars().all(char::is_alphabetic);
    let roman = !mark.is_empty() && mark.len() <= 5 && mark.chars().all(|c| "IVXLivxl".contains(c));
    if digits || letter || roman {
        rest.trim_start()
    } else {
        line
    }
}

/// Whether a line can close an entry: a full stop, a closing bracket or quote, a number
/// (a page, a year) or an address at its end.
fn ends_entry(line: &str) -> bool {
    let t = line.trim_end();
    let last = t.split_whitespace().last().unwrap_or("");
    t.ends_with(['.', ')', ']', '»', '”', '"', '“', '\''])
        || t.chars().last().is_some_and(|c| c.is_numeric())
        || last.starts_with("http")
        || last.starts_with("www.")
        || last.starts_with("doi")
}

/// Whether a line can open an entry: not a lowercase word going on from the line above,
/// not an imprint (`London: Methuen, 1990.`) finishing an entry, unless it opens the way
/// entries do (`Herlihy, Patricia. Odessa: A History, 1794–1914.`).
fn opens_entry(line: &str) -> bool {
    use super::references::{is_imprint, looks_like_entry_start};
    let first = line.chars().next().unwrap_or(' ');
    !is_small(first) && (!is_imprint(line) || looks_like_entry_start(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_subheadings() {
        for yes in [
            "Arşiv Kaynakları",
            "Kitap ve Makaleler",
            "Архивные источники",
            "Литература",
            "Secondary literature",
            "1. Archival sources",
            "A. Primary sources",
            "IV) Periodicals:",
            "ARCHIVAL SOURCES",
            "Опубліковані джерела",
            "არქივები",
            "کتاب‌ها و مقالات",
            "Books & Articles",
        ] {
            assert!(is_heading_shape(yes), "{yes}");
        }
        for no in [
            "Smith, John. Trade.",
            "ARDA, f. 28, siy. 1, iş 37.",
            "Khazanov 1994",
            "Kaspiy (Baku)",
            "archival sources",
            "",
            "1.",
            "A Very Long Line That Goes On And On About Sources Of Many Kinds Here",
        ] {
            assert!(!is_heading_shape(no), "{no}");
        }
    }

    #[test]
    fn subheadings_stand_between_entries() {
        let lines = [
            "Archival sources",
            "ARDA, f. 28, siy. 1, iş 37.",
            "Literature",
            "Smith, J. Trade. London, 1990.",
        ];
        assert_eq!(find(&lines), [0, 2]);
        // The last line, a line after an unfinished one, and a line before an imprint are no
        // subheadings; neither is anything in a list that does not open with one.
        let lines =
            ["Archival sources", "Smith, J. The History of the", "Ottoman Empire", "Jones, K. Ports. 2001."];
        assert_eq!(find(&lines), [0]);
        let lines = ["Archival sources", "Smith, J. Trade.", "Second Edition", "London: Methuen, 1990."];
        assert_eq!(find(&lines), [0]);
        let lines = ["Smith, J. Trade. 1990.", "Oral history interviews", "Jones, K. Ports. 2001."];
        assert!(find(&lines).is_empty());
        assert!(find(&["Archival sources"]).is_empty());
        // Two heading-shaped lines in a row at the top (a heading over a newspaper's name,
        // or over another heading): the list is read as undivided.
        let lines = ["Periodicals", "Kaspiy", "Literature", "Smith, J. Trade. 1990."];
        assert!(find(&lines).is_empty());
    }
}
