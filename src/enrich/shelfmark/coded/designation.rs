//! The printed designation of a coded archive (`BOA`, `PA AA`, `The National Archives, Kew
//! (TNA)`, `Archives départementales du Rhône`): its names from the archive table, a second
//! designation of the same archive, and the place printed after it.

use super::*;

/// Reads a designation of a coded archive at token `i` (`BOA`, `PA AA`, `BA-MA`,
/// `The National Archives (TNA)`); returns it, the archive id and the token after it.
pub(super) fn designation(cur: &Cur, i: usize, table: &ArchiveTable) -> Option<(Printed, String, usize)> {
    let first = cur.word(i)?;
    if !first.chars().next().is_some_and(char::is_uppercase) || !table.starts_a_name(first) {
        return None;
    }
    let joinable = |t: &Token| match t.kind {
        Kind::Word => true,
        Kind::Punct => ['-', '/', '\''].iter().any(|&c| t.is_punct(cur.text, c)) && !t.space_before,
        Kind::Number => false,
    };
    // The key of each run of tokens from `i`, built once token by token (a key is built
    // letter by letter); only runs no longer than the longest name are looked up.
    let mut key = String::with_capacity(64);
    let mut ends = [0usize; 10];
    let mut letters = 0;
    let mut run = 0;
    for (n, t) in cur.toks[i..].iter().take(10).take_while(|t| joinable(t)).enumerate() {
        let before = key.len();
        key_into(t.text(cur.text), &mut key);
        letters += key[before..].chars().count();
        if letters > table.longest_key() {
            break;
        }
        ends[n] = key.len();
        run = n + 1;
    }
    let (n, archive) = (1..=run).rev().filter(|&n| cur.kind(i + n - 1, Kind::Word)).find_map(|n| {
        let a = table.lookup_key(&key[..ends[n - 1]])?;
        is_coded(&a.id).then_some((n, a))
    })?;
    let mut end = cur.end(i + n - 1);
    let mut k = i + n;
    // `Bundesarchiv-Bestandes NS 31`: the archive as the first word of a compound.
    if cur.punct(k, '-')
        && cur.tight(k)
        && cur.tight(k + 1)
        && cur.word(k + 1).is_some_and(|w| fold(w).starts_with("bestand"))
    {
        k += 1;
    }
    // `Başbakanlık Osmanlı Arşivi (BOA)`, `TNA: PRO`: a second designation of the same archive;
    // returns the token after it.
    let second_designation = |k: usize| -> Option<usize> {
        let open = cur.punct(k, '(');
        let second = if open { k + 1 } else { cur.sep(k) };
        let run2 = cur.toks.get(second..).map_or(0, |t| t.iter().take(4).take_while(|t| joinable(t)).count());
        let m = (1..=run2).rev().find(|&m| {
            cur.kind(second + m - 1, Kind::Word)
                && table
                    .lookup(&cur.text[cur.start(second)..cur.end(second + m - 1)])
                    .is_some_and(|b| b.id == archive.id)
        })?;
        let close = second + m;
        (!open || cur.punct(close, ')')).then_some(if open { close + 1 } else { close })
    };
    if let Some(after) = second_designation(k) {
        k = after;
        end = cur.end(k - 1);
    }
    // `Archives départementales du Rhône`, `AD Bouches-du-Rhône`, `Archives municipales de
    // Lyon`: the département or the city belongs to the designation, which names no archive
    // without it.
    if matches!(archive.id.as_str(), "ad" | "am") {
        let (place_end, after) = french::local_place(cur, k)?;
        end = place_end;
        k = after;
    }
    let mut k = cur.sep(k);
    if cur.punct(k, '/') {
        k += 1;
    }
    // A place printed after the archive (`The National Archives, Kew (FO 371/…`) belongs to
    // its designation.
    // (`London`: the Public Record Office stood in Chancery Lane before it moved to Kew.)
    const PLACES: &[&str] = &[
        "Kew",
        "London",
        "Freiburg",
        "Koblenz",
        "Berlin",
        "Vincennes",
        "Pierrefitte",
        "Paris",
        "Ankara",
        "İstanbul",
        "Istanbul",
        "Washington",
    ];
    if cur
        .word(k)
        .is_some_and(|w| PLACES.contains(&w) || archive.place.as_deref().is_some_and(|p| fold(w) == fold(p)))
    {
        end = cur.end(k);
        k = cur.sep(k + 1);
        // `The National Archives, Kew (TNA), FO 371`: the acronym after the place.
        if let Some(after) = second_designation(k) {
            end = cur.end(after - 1);
            k = cur.sep(after);
        }
    }
    if cur.punct(k, '(') {
        k += 1;
    }
    Some((
        Printed { start: cur.start(i), end, id: Some(archive.id.clone()) },
        archive.id.clone(),
        cur.markup(k),
    ))
}
