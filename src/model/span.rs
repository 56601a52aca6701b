//! Byte ranges into a piece of printed text.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` of a string the owner keeps (an entry's `raw`, a shelfmark's
/// `raw`); always on character boundaries. JSON writes it as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates the span `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Returns the spanned text of `text`, or `None` when the span does not fit it.
    pub fn get<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// Returns the span moved `by` bytes to the left (for re-basing into a substring).
    pub fn shifted_left(self, by: usize) -> Self {
        Span { start: self.start - by, end: self.end - by }
    }

    /// Returns true when the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Self {
        Span { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> Self {
        (s.start, s.end)
    }
}
