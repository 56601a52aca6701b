//! Latin script: English, Turkish, Azerbaijani and romanised Russian, weighed against the
//! other languages of a historian's bibliography ([`super::foreign`]).

use super::foreign;
use super::lexicon::{ascii_fold, count_in, lexicon, IN_AZ, IN_EN, IN_RU_LATN, IN_TR, RU_LATN_PATTERNS};
use crate::enrich::tokens::{tokenize, Kind};
use std::collections::HashSet;

/// Counts Turkish-style suffixes after an apostrophe on a proper name (`Türkiye'nin`,
/// `Baku'ye`); English contractions (`Britain's`, `don't`) do not count.
fn apostrophe_suffixes(text: &str) -> usize {
    tokenize(text)
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .filter_map(|t| {
            let w = t.text(text);
            let (stem, suffix) = w.split_once(crate::enrich::tokens::is_apostrophe)?;
            let n = suffix.chars().count();
            let proper = stem.chars().next().is_some_and(char::is_uppercase);
            (proper
                && (1..=5).contains(&n)
                && suffix.chars().all(char::is_lowercase)
                && !matches!(suffix, "s" | "t" | "ll" | "re" | "ve" | "d" | "m"))
            .then_some(())
        })
        .count()
}

/// Decides among the Latin-script languages; see the module documentation.
pub(super) fn latin(words: &[String], text: &str) -> Option<&'static str> {
    let with = |set: &str| words.iter().filter(|w| w.chars().any(|c| set.contains(c))).count();
    if with("ə") > 0 {
        return Some("az-Latn");
    }
    let turkic_letters = with("ığşçöü");
    let circumflex = with("âîû");
    // Turkish writes no q and no x; English writes q almost only before u (`süqutu`, with a
    // Turkic letter, is not English).
    let long = |w: &&String| w.chars().count() > 2;
    let q_words =
        words.iter().filter(long).filter(|w| w.contains('q') && (!w.contains("qu") || !w.is_ascii())).count();
    let x_words = words.iter().filter(long).filter(|w| w.contains('x')).count();
    let apostrophes = apostrophe_suffixes(text);
    let (en, tr, az) = (count_in(words, IN_EN), count_in(words, IN_TR), count_in(words, IN_AZ));
    // A word counts for one language only if the other has no word that folds to the same
    // ASCII (`ve`/`və`, `meselesi`/`məsələsi` are the same word in folded text).
    let lex = lexicon();
    let only = |bit: u8, other: &HashSet<String>| {
        words
            .iter()
            .filter(|w| {
                lex.words.get(w.as_str()).is_some_and(|b| b & bit != 0) && !other.contains(&ascii_fold(w))
            })
            .count()
    };
    let (tr_only, az_only) = (only(IN_TR, &lex.az_ascii), only(IN_AZ, &lex.tr_ascii));
    // Romanisation patterns count on lowercase words only: names are capitalised and
    // romanised too (`Ordzhonikidze`), titles in Russian sentence case are not.
    let lowercase_patterned = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && w.len() > 4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| RU_LATN_PATTERNS.iter().any(|p| w.contains(p)) || w.ends_with("ii"))
        .count();
    let ru = count_in(words, IN_RU_LATN) + lowercase_patterned;

    // Turkish and Azerbaijani share ı ğ ş ç ö ü; letters and words only one has decide.
    let context = turkic_letters + tr + az + apostrophes + q_words > 0;
    let qx = if context { q_words + x_words } else { 0 };
    let turkic =
        turkic_letters + 2 * (tr + az) + 2 * apostrophes + 2 * qx + if context { circumflex } else { 0 };
    let az_specific = 2 * az_only + 2 * qx;
    // ə is among the most frequent Azerbaijani letters: several words with Turkic letters and
    // no ə, q or x are Turkish.
    let no_schwa = turkic_letters >= 1 && words.len() >= 5 && q_words + x_words == 0;
    let tr_specific = 2 * tr_only + 2 * circumflex + apostrophes + 2 * usize::from(no_schwa);
    let family = if az_specific > 0 && az_specific >= 2 * tr_specific {
        Some("az-Latn")
    } else if tr_specific >= 2 * az_specific && (tr_specific > 0 || turkic_letters >= 2) {
        Some("tr")
    } else {
        None
    };
    let mut scores = vec![
        (family, turkic),
        (Some("en"), 2 * en),
        (Some("ru-Latn"), if turkic_letters > 0 { 0 } else { 2 * ru }),
    ];
    // The other languages of the region's bibliographies weigh in: one of them wins only
    // with two pieces of evidence, and its evidence keeps a close call untagged.
    let foreign = foreign::best(words, text);
    if let Some((tag, score, _, _)) = foreign {
        scores.push((Some(tag), score));
    }
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, top) = scores[0];
    let second = scores[1].1;
    // A foreign winner needs two pieces of evidence and twice its own runner-up; one that
    // can only veto leaves the text untagged.
    let foreign_unsure = foreign
        .is_some_and(|(tag, _, runner_up, veto)| best == Some(tag) && (veto || top < 2 * runner_up.max(2)));
    if top >= 2 && top >= 2 * second && !foreign_unsure {
        best
    } else {
        None
    }
}
