//! Back matter: the bibliography, whose entries keep their exact printed text.

use super::{Archive, Inline, LangTag, Script, Span};
use serde::{Deserialize, Serialize};

/// Everything after the body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackMatter {
    /// The reference list, if the article has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bibliography: Option<Bibliography>,
    /// Every archive the document's shelfmarks name, as the archive table describes it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub archives: Vec<Archive>,
}

/// A reference list under its printed heading, possibly divided by subheadings.
///
/// `entries` stays one flat list (what enrichment, counts and cross-format checks walk);
/// `parts` marks where a printed subheading (`Archival sources`, `Литература`) stands
/// before an entry. Entries before the first part stand under `heading` alone.
///
/// Invariant of `parts` ([`Bibliography::check_parts`]): every heading has text, and the
/// starts strictly ascend and are each below `entries.len()`, so every part heads at least
/// one entry (TEI's `listBibl` needs one; an empty part would print a heading over nothing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bibliography {
    /// The heading as printed (`REFERENCES`, `Kaynakça`).
    pub heading: String,
    /// The entries in source order.
    pub entries: Vec<BibEntry>,
    /// The subheadings that divide the entries, in order (none for an undivided list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<BibPart>,
}

/// A printed subheading inside a bibliography: it stands before entry `start` and heads the
/// entries up to the next part's start (or the end of the list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BibPart {
    /// The subheading as printed (`Archival sources`, `1. Архивные источники`).
    pub heading: String,
    /// The index in [`Bibliography::entries`] of the part's first entry.
    pub start: usize,
}

/// One run of entries under the same heading, as writers print it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BibGroup<'a> {
    /// The part's subheading; `None` for the entries before the first part.
    pub heading: Option<&'a str>,
    /// The index of the group's first entry in [`Bibliography::entries`].
    pub first: usize,
    /// The group's entries (never empty).
    pub entries: &'a [BibEntry],
}

impl Bibliography {
    /// An undivided list.
    pub fn new(heading: impl Into<String>, entries: Vec<BibEntry>) -> Self {
        Bibliography { heading: heading.into(), entries, parts: Vec::new() }
    }

    /// Checks the invariant of `parts`; the message names the first part that breaks it.
    pub fn check_parts(&self) -> Result<(), String> {
        let mut previous: Option<usize> = None;
        for (k, part) in self.parts.iter().enumerate() {
            let name = format!("bibliography part {} (\"{}\")", k + 1, part.heading);
            if part.heading.trim().is_empty() {
                return Err(format!("bibliography part {} has an empty heading", k + 1));
            }
            if part.start >= self.entries.len() {
                return Err(format!(
                    "{name} starts at entry {}, but the bibliography has {} entries (entries count from 0, and a part heads at least one)",
                    part.start,
                    self.entries.len()
                ));
            }
            if let Some(p) = previous.filter(|&p| part.start <= p) {
                return Err(format!(
                    "{name} starts at entry {}, not after the previous part (entry {p}): part starts must ascend, and a part heads at least one entry",
                    part.start
                ));
            }
            previous = Some(part.start);
        }
        Ok(())
    }

    /// The parts that keep the invariant, read in order: a part with an empty heading, one
    /// past the last entry, or one before the previous part's start is passed over; of two
    /// parts at the same start (a heading directly over another) the later one is kept.
    fn valid_parts(&self) -> Vec<&BibPart> {
        let mut kept: Vec<&BibPart> = Vec::new();
        for part in &self.parts {
            if part.heading.trim().is_empty() || part.start >= self.entries.len() {
                continue;
            }
            match kept.last() {
                Some(last) if last.start > part.start => continue,
                Some(last) if last.start == part.start => {
                    kept.pop();
                }
                _ => {}
            }
            kept.push(part);
        }
        kept
    }

    /// Drops the parts that break the invariant (see `valid_parts`) and returns them, for
    /// a reader to report.
    pub fn drop_invalid_parts(&mut self) -> Vec<BibPart> {
        let kept: Vec<BibPart> = self.valid_parts().into_iter().cloned().collect();
        let mut dropped = Vec::new();
        let mut rest = kept.iter().peekable();
        for part in std::mem::take(&mut self.parts) {
            if rest.peek().is_some_and(|k| **k == part) {
                rest.next();
            } else {
                dropped.push(part);
            }
        }
        self.parts = kept;
        dropped
    }

    /// The entries in runs under their headings, for writers: first the unheaded entries
    /// (when there are any), then one group per part. Parts that break the invariant are
    /// passed over as [`Bibliography::drop_invalid_parts`] would drop them, so that a
    /// document built by hand never makes a writer fail.
    pub fn groups(&self) -> Vec<BibGroup<'_>> {
        let parts = self.valid_parts();
        let mut starts: Vec<(Option<&str>, usize)> = Vec::with_capacity(parts.len() + 1);
        if parts.first().is_none_or(|p| p.start > 0) && !self.entries.is_empty() {
            starts.push((None, 0));
        }
        starts.extend(parts.iter().map(|p| (Some(p.heading.as_str()), p.start)));
        starts
            .iter()
            .enumerate()
            .map(|(k, &(heading, first))| {
                let end = starts.get(k + 1).map_or(self.entries.len(), |next| next.1);
                BibGroup { heading, first, entries: &self.entries[first..end] }
            })
            .collect()
    }
}

/// One bibliography entry: the exact printed text, its markup, and what was parsed from it.
///
/// Invariant: `raw == plain_text(&content)`; every [`Span`] of `fields` indexes into `raw`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BibEntry {
    /// A printed leading number (`"12"` of `12. Author …`), not part of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The key citations name this entry by (`smith2004` of `[@smith2004]`), when the
    /// source gave one or a citation was matched to the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The entry text exactly as printed (wrapped lines joined, emphasis markers removed).
    pub raw: String,
    /// The entry with its inline markup (emphasis, shelfmarks).
    pub content: Vec<Inline>,
    /// The entry's language, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangTag>,
    /// The entry's main script, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<Script>,
    /// Parsed fields, each pointing into `raw`.
    #[serde(default, skip_serializing_if = "BibFields::is_empty")]
    pub fields: BibFields,
}

impl BibEntry {
    /// An entry of plain printed text with no label and nothing parsed or tagged yet.
    pub fn plain(text: &str) -> Self {
        BibEntry {
            label: None,
            key: None,
            raw: text.into(),
            content: vec![Inline::text(text)],
            lang: None,
            script: None,
            fields: BibFields::default(),
        }
    }
}

/// What kind of work an entry cites (TEI `title/@level`: `a` for an article or chapter,
/// `m` for a book, `j` for the journal holding an article).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An article in a journal, magazine or newspaper.
    Article,
    /// A chapter or paper in a book or collection.
    Chapter,
    /// A book (monograph, collection, edition of documents).
    Book,
    /// A web page.
    Web,
    /// A thesis or dissertation.
    Thesis,
    /// An archival document cited by its shelfmark.
    Archival,
}

/// The parts of an entry a parser is sure of (filled by enrichment).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BibFields {
    /// The kind of work, when the entry's shape shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntryKind>,
    /// Author names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Span>,
    /// Title of the cited work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Span>,
    /// Title of the containing journal or book.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<Span>,
    /// Place of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Span>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Span>,
    /// Year of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Span>,
    /// Volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<Span>,
    /// Issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<Span>,
    /// Pages or extent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Span>,
    /// Web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Span>,
    /// DOI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<Span>,
}

impl BibFields {
    /// Returns true when nothing was parsed.
    pub fn is_empty(&self) -> bool {
        *self == BibFields::default()
    }

    /// The single-valued fields (all but authors), in a fixed order.
    pub fn singles_mut(&mut self) -> [&mut Option<Span>; 10] {
        [
            &mut self.title,
            &mut self.container,
            &mut self.place,
            &mut self.publisher,
            &mut self.year,
            &mut self.volume,
            &mut self.issue,
            &mut self.pages,
            &mut self.url,
            &mut self.doi,
        ]
    }

    /// Every span that is set: authors first, then the single-valued fields.
    pub fn spans(&self) -> Vec<Span> {
        let singles = [
            self.title,
            self.container,
            self.place,
            self.publisher,
            self.year,
            self.volume,
            self.issue,
            self.pages,
            self.url,
            self.doi,
        ];
        self.authors.iter().copied().chain(singles.into_iter().flatten()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> BibEntry {
        BibEntry::plain(text)
    }

    fn part(heading: &str, start: usize) -> BibPart {
        BibPart { heading: heading.into(), start }
    }

    fn bib(n: usize, parts: Vec<BibPart>) -> Bibliography {
        let entries = (0..n).map(|k| entry(&format!("Entry {k}."))).collect();
        Bibliography { parts, ..Bibliography::new("Bibliography", entries) }
    }

    /// (heading, first, count) of each group.
    fn shape(b: &Bibliography) -> Vec<(Option<&str>, usize, usize)> {
        b.groups().iter().map(|g| (g.heading, g.first, g.entries.len())).collect()
    }

    #[test]
    fn groups_follow_the_parts_with_unheaded_entries_first() {
        let b = bib(5, vec![part("Archival sources", 1), part("Literature", 3)]);
        assert_eq!(b.check_parts(), Ok(()));
        assert_eq!(shape(&b), [(None, 0, 1), (Some("Archival sources"), 1, 2), (Some("Literature"), 3, 2)]);
        let b = bib(2, vec![part("Archival sources", 0)]);
        assert_eq!(shape(&b), [(Some("Archival sources"), 0, 2)]);
        assert_eq!(shape(&bib(2, vec![])), [(None, 0, 2)]);
        assert!(bib(0, vec![]).groups().is_empty());
    }

    #[test]
    fn broken_parts_are_refused_by_the_check_and_passed_over_by_writers() {
        for (parts, says) in [
            (vec![part("A", 2)], "starts at entry 2, but the bibliography has 2 entries"),
            (vec![part("A", 1), part("B", 1)], "not after the previous part (entry 1)"),
            (vec![part("A", 1), part("B", 0)], "not after the previous part"),
            (vec![part(" ", 0)], "empty heading"),
        ] {
            let mut b = bib(2, parts);
            let err = b.check_parts().unwrap_err();
            assert!(err.contains(says), "{err}");
            // Never a panic: the groups still cover every entry once.
            assert_eq!(b.groups().iter().map(|g| g.entries.len()).sum::<usize>(), 2);
            assert!(!b.drop_invalid_parts().is_empty());
            assert_eq!(b.check_parts(), Ok(()));
        }
        // A heading right over another: the one over the entries stays.
        let mut b = bib(3, vec![part("Primary sources", 1), part("Archives", 1)]);
        assert_eq!(b.drop_invalid_parts(), [part("Primary sources", 1)]);
        assert_eq!(b.parts, [part("Archives", 1)]);
    }

    #[test]
    fn parts_are_left_out_of_json_when_there_are_none() {
        let b = bib(1, vec![]);
        let json = serde_json::to_string(&b).unwrap();
        assert!(!json.contains("parts"), "{json}");
        let back: Bibliography = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        let b = bib(2, vec![part("Literature", 1)]);
        let json = serde_json::to_string(&b).unwrap();
        assert!(json.contains(r#""parts":[{"heading":"Literature","start":1}]"#), "{json}");
        assert_eq!(serde_json::from_str::<Bibliography>(&json).unwrap(), b);
    }
}
