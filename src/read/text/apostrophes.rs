//! Apostrophes that a typesetter's smart quotes turned into primes, restored and reported.
//!
//! After a digit, Typst's smart quotes set `'` as a prime: a Turkish suffix apostrophe
//! (`1325'tir`) is printed `1325′tir`, and every extractor writes the prime. A prime marks
//! minutes, feet or a variable's derivative and is never followed by a letter, so a prime
//! between a digit and a letter is an apostrophe (`1325’tir`); `41°20′ N`, `6′ high` and
//! `5′3″` stay.

use crate::diag::Diagnostic;
use std::borrow::Cow;

/// Restores the apostrophes; every line where one was restored is reported once.
pub fn restore<'a>(src: &'a str, diags: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    if !src.contains('′') {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let (mut line, mut reported) = (1u32, 0u32);
    let mut prev = '\n';
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        let apostrophe = c == '′' && prev.is_ascii_digit() && chars.peek().is_some_and(|n| n.is_alphabetic());
        if apostrophe && reported != line {
            reported = line;
            diags.push(Diagnostic::info(
                "restored-apostrophe",
                line,
                "a prime between a digit and a letter (`1325′tir`) read as the apostrophe it stands for",
            ));
        }
        out.push(if apostrophe { '’' } else { c });
        line += u32::from(c == '\n');
        prev = c;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_between_a_digit_and_a_letter_are_apostrophes() {
        let mut d = Vec::new();
        assert_eq!(
            restore("14 Teşrinisani 1325′tir, 118/40′ta", &mut d),
            "14 Teşrinisani 1325’tir, 118/40’ta"
        );
        assert_eq!(d.len(), 1, "one report for the line");
        let mut d = Vec::new();
        let kept = "at 41°20′ N, a wall 6′ high, 5′3″";
        assert_eq!(restore(kept, &mut d), kept);
        assert!(d.is_empty());
    }
}
