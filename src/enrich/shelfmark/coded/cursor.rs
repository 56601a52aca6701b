//! The token cursor the code-shaped families read with, and the word tests they share.

use super::*;

/// Returns true when `word` folds (as [`fold`] does) to `key`, without allocating.
pub(super) fn folded_eq(word: &str, key: &str) -> bool {
    word.chars()
        .filter(|&c| c != '\u{307}')
        .map(|c| match c {
            'İ' | 'I' | 'ı' => 'i',
            'A'..='Z' => c.to_ascii_lowercase(),
            _ if c.is_ascii() => c,
            _ => c.to_lowercase().next().unwrap_or(c),
        })
        .eq(key.chars())
}

/// Returns true when `word`'s first letter folds (as [`folded_eq`] does) to `first`: a
/// one-letter test before comparing a word with a list of keys that start so.
pub(super) fn folds_from(word: &str, first: char) -> bool {
    word.chars().find(|&c| c != '\u{307}').is_some_and(|c| match c {
        'İ' | 'I' | 'ı' => first == 'i',
        _ if c.is_ascii() => c.to_ascii_lowercase() == first,
        _ => c.to_lowercase().next() == Some(first),
    })
}

/// Reads the tokens of one text.
pub(super) struct Cur<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) words: &'a Words<'a>,
}

impl Cur<'_> {
    pub(super) fn tok(&self, k: usize) -> Option<&Token> {
        self.toks.get(k)
    }

    pub(super) fn punct(&self, k: usize, c: char) -> bool {
        self.tok(k).is_some_and(|t| t.is_punct(self.text, c))
    }

    pub(super) fn tight(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| !t.space_before)
    }

    pub(super) fn kind(&self, k: usize, kind: Kind) -> bool {
        self.tok(k).is_some_and(|t| t.kind == kind)
    }

    pub(super) fn word(&self, k: usize) -> Option<&str> {
        self.tok(k).filter(|t| t.kind == Kind::Word).map(|t| t.text(self.text))
    }

    pub(super) fn start(&self, k: usize) -> usize {
        self.toks[k].start
    }

    pub(super) fn end(&self, k: usize) -> usize {
        self.toks[k].end
    }

    /// Returns true when token `k` ends a code cited alone: the end of the text, a line
    /// break before it, or `,` `;` `.` `)` `(`.
    pub(super) fn ends(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return true };
        let gap = k.checked_sub(1).map_or("", |p| &self.text[self.end(p)..t.start]);
        gap.contains('\n') || [',', ';', '.', ')', '('].iter().any(|&c| self.punct(k, c))
    }

    /// Skips the markup printed around a code: Markdown's `**`, `*` and backticks.
    pub(super) fn markup(&self, mut k: usize) -> usize {
        while self.punct(k, '*') || self.punct(k, '`') {
            k += 1;
        }
        k
    }

    /// Skips `,` `:` `.` (at most two) between parts.
    pub(super) fn sep(&self, mut k: usize) -> usize {
        for _ in 0..2 {
            if self.punct(k, ',') || self.punct(k, ':') || self.punct(k, '.') {
                k += 1;
            }
        }
        k
    }

    /// Matches a label of `words` (folded) at `k`, with points after its words and an
    /// optional `No`/`Nr`/`:` after it; returns (label end byte, value token).
    pub(super) fn label(&self, k: usize, words: &[&str]) -> Option<(usize, usize)> {
        let mut j = k;
        for (n, w) in words.iter().enumerate() {
            if n > 0 && self.punct(j, '.') {
                j += 1;
            }
            if !folded_eq(self.word(j)?, w) {
                return None;
            }
            j += 1;
        }
        if self.punct(j, '.') && self.tight(j) {
            j += 1;
        }
        let end = self.end(j - 1);
        if self.word(j).is_some_and(|w| matches!(w, "No" | "no" | "NO" | "Nr" | "nr" | "N")) {
            j += 1;
            if self.punct(j, '.') {
                j += 1;
            }
        }
        if self.punct(j, ':') || self.punct(j, '№') {
            j += 1;
        }
        Some((end, j))
    }

    /// Reads a code printed without spaces (`861.00/1234`, `50-1`, `M316`, `2657-D-123`):
    /// numbers and words joined by `.`, `/` and `-`. Returns (end byte, next token).
    pub(super) fn code(&self, k: usize, joiners: &[char]) -> Option<(usize, usize)> {
        let first = self.tok(k).filter(|t| matches!(t.kind, Kind::Number | Kind::Word))?;
        let mut end = first.end;
        let mut j = k + 1;
        loop {
            if self.tight(j) && matches!(self.tok(j).map(|t| t.kind), Some(Kind::Number | Kind::Word)) {
                end = self.end(j);
                j += 1;
                continue;
            }
            let joined = self.tight(j)
                && joiners.iter().any(|&c| self.punct(j, c))
                && self.tight(j + 1)
                && matches!(self.tok(j + 1).map(|t| t.kind), Some(Kind::Number | Kind::Word));
            if joined {
                end = self.end(j + 1);
                j += 2;
                continue;
            }
            break;
        }
        Some((end, j))
    }

    /// Reads folios (`f. 12`, `ff. 3-5`, `fol.`, `Bl. 5`) or pages (`p. 4`, `S. 4`) at `k`.
    pub(super) fn cited(&self, k: usize) -> Option<(bool, Cited, usize)> {
        const FOLIO: &[&str] = &["f", "ff", "fol", "fols", "folio", "folios", "fo", "fos", "bl", "bll"];
        const PAGE: &[&str] = &["p", "pp", "s", "ss", "sayfa", "page", "pages"];
        let w = self.word(k)?;
        let folio = FOLIO.iter().any(|f| folded_eq(w, f));
        let page = !folio && PAGE.iter().any(|p| folded_eq(w, p));
        if !folio && !page {
            return None;
        }
        let mut next = k + 1;
        if self.punct(next, '.') && self.tight(next) {
            next += 1;
        }
        let (c, after) = folio_list(self.text, self.toks, self.words, k, next)?;
        Some((folio, c, after))
    }

    pub(super) fn part(&self, kind: LevelKind, label: Option<(usize, usize)>, a: usize, b: usize) -> Part {
        // Spaces collapsed, en and em dashes read as hyphens (`761.00/4–156` → `4-156`).
        let norm = self.text[a..b].split_whitespace().collect::<Vec<_>>().join(" ").replace(['–', '—'], "-");
        Part { kind, label, value: (a, b), norm }
    }
}
