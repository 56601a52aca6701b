//! The archive table: which names and acronyms denote which archive.
//!
//! Built in from `templates/archives.toml`; users replace it with `--templates DIR`
//! (`DIR/archives.toml`). Names are matched by [`key`]: case, spaces, points, hyphens,
//! the Turkic dotted/dotless i and Latin/Cyrillic look-alikes do not matter.

use crate::error::{Error, Result};
use crate::fold::lookalike_in;
use crate::model::{Archive, Script};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

thread_local! {
    /// Room for a lookup key, reused so that lookups do not allocate.
    static KEY_BUF: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(64));
}

/// The table shipped with colophon.
pub const BUILTIN: &str = include_str!("../../../templates/archives.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    archive: Vec<Archive>,
}

/// Archives and the lookup keys of their names.
#[derive(Debug, Clone)]
pub struct ArchiveTable {
    archives: Vec<Archive>,
    by_key: rustc_hash::FxHashMap<String, usize>,
    longest_name_words: usize,
    /// The most characters of any key: a longer name is looked up in vain.
    longest_key: usize,
    /// The keys of the first word of every name and acronym, so that a search for a name
    /// starting at a word is skipped at once for most words.
    first_words: std::collections::HashSet<String>,
    /// The first letter and length of each of those keys: most words fail this test, which
    /// needs no allocation, before their key is computed.
    first_shapes: std::collections::HashSet<(char, usize)>,
}

/// Returns the comparison key of an archive name: folded, look-alikes mapped to Latin,
/// everything but letters and digits removed.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// Appends the comparison key of `name` to `out` (see [`key`]). A key is built letter by
/// letter, so the key of a run of words is the keys of its words one after another.
pub fn key_into(name: &str, out: &mut String) {
    // Look-alikes mapped before folding as well as after: `В` has the Latin twin `B`, but
    // its lowercase `в` has none (`ABПP` is `АВПР`). One pass, as `fold` works letter by
    // letter.
    let push = |out: &mut String, c: char| {
        if c.is_alphanumeric() {
            out.push(lookalike_in(c, Script::Latin));
        }
    };
    for c in name.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        match lookalike_in(c, Script::Latin) {
            'İ' | 'I' | 'ı' => push(out, 'i'),
            '\u{307}' => {}
            c if c.is_ascii() => push(out, c.to_ascii_lowercase()),
            // The Russian capitals lowercase 32 code points on, as Unicode's tables say.
            c @ 'А'..='Я' => push(out, char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            c => c.to_lowercase().for_each(|l| push(out, l)),
        }
    }
}

fn is_ncname(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl ArchiveTable {
    /// Returns the built-in table.
    pub fn builtin() -> Self {
        Self::parse(BUILTIN, Path::new("templates/archives.toml"))
            .expect("the built-in archive table is valid")
    }

    /// Reads a table file, reporting problems with their line.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::error::read_text(path)?;
        Self::parse(&text, path)
    }

    /// Parses the TOML text of a table; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let index = crate::diag::LineIndex::new(text);
        let file: TableFile = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| index.position(text, s.start));
            Error::input(path, line, col, format!("invalid archive table: {}", e.message()))
        })?;
        let line_of = |needle: &str| text.find(needle).map_or(0, |at| index.position(text, at).0);
        let mut by_key: rustc_hash::FxHashMap<String, usize> = Default::default();
        let mut longest_name_words = 1;
        let mut ids = HashMap::new();
        for (i, a) in file.archive.iter().enumerate() {
            let here = line_of(&format!("\"{}\"", a.id));
            if !is_ncname(&a.id) {
                return Err(Error::input(
                    path,
                    here,
                    0,
                    format!("archive id `{}` must be an XML name (letters, digits, -, _)", a.id),
                ));
            }
            if ids.insert(a.id.clone(), i).is_some() {
                return Err(Error::input(path, here, 0, format!("archive id `{}` is used twice", a.id)));
            }
            if a.names.is_empty() {
                return Err(Error::input(
                    path,
                    here,
                    0,
                    format!("archive `{}` needs at least one name", a.id),
                ));
            }
            let all = a.names.iter().map(|n| n.text.as_str()).chain(a.acronyms.iter().map(String::as_str));
            for name in all {
                let k = key(name);
                if k.is_empty() {
                    return Err(Error::input(
                        path,
                        line_of(name),
                        0,
                        format!("archive `{}` has an empty name", a.id),
                    ));
                }
                if let Some(&other) = by_key.get(&k) {
                    if other != i {
                        return Err(Error::input(
                            path,
                            line_of(name),
                            0,
                            format!("`{name}` names both `{}` and `{}`", file.archive[other].id, a.id),
                        ));
                    }
                }
                by_key.insert(k, i);
                longest_name_words = longest_name_words.max(name.split_whitespace().count());
            }
        }
        let first_words: std::collections::HashSet<String> = file
            .archive
            .iter()
            .flat_map(|a| {
                a.names.iter().map(|n| n.text.as_str()).chain(a.acronyms.iter().map(String::as_str))
            })
            .filter_map(|name| name.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()))
            .map(key)
            .collect();
        let first_shapes = first_words
            .iter()
            .filter_map(|k: &String| Some((k.chars().next()?, k.chars().count())))
            .collect();
        let longest_key = by_key.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        Ok(ArchiveTable {
            archives: file.archive,
            by_key,
            longest_name_words,
            longest_key,
            first_words,
            first_shapes,
        })
    }

    /// Returns the archive a printed name or acronym denotes.
    pub fn lookup(&self, printed: &str) -> Option<&Archive> {
        KEY_BUF.with(|b| {
            let mut b = b.borrow_mut();
            b.clear();
            key_into(printed, &mut b);
            self.lookup_key(&b)
        })
    }

    /// Returns the archive whose name or acronym has the comparison key `key` ([`key`]).
    pub fn lookup_key(&self, key: &str) -> Option<&Archive> {
        self.by_key.get(key).map(|&i| &self.archives[i])
    }

    /// Returns true when some name or acronym starts with the word `word` (letters only).
    pub fn starts_a_name(&self, word: &str) -> bool {
        let first = word.chars().next().map(|c| {
            let c = lookalike_in(c, Script::Latin);
            // As `fold` does, without allocating: every i-like letter is `i`.
            let c = match c {
                'İ' | 'I' | 'ı' => 'i',
                _ => c.to_lowercase().next().unwrap_or(c),
            };
            lookalike_in(c, Script::Latin)
        });
        let shape = first.map(|f| (f, word.chars().filter(|c| c.is_alphanumeric()).count()));
        shape.is_some_and(|s| self.first_shapes.contains(&s))
            && KEY_BUF.with(|b| {
                let mut b = b.borrow_mut();
                b.clear();
                key_into(word, &mut b);
                self.first_words.contains(b.as_str())
            })
    }

    /// Returns the archive with this id.
    pub fn get(&self, id: &str) -> Option<&Archive> {
        self.archives.iter().find(|a| a.id == id)
    }

    /// The largest number of words of any name (bounds the backward search for a name).
    pub fn longest_name_words(&self) -> usize {
        self.longest_name_words
    }

    /// The most characters of any name's key: a text with more letters and digits than this
    /// names no archive (a key keeps every letter and digit of its name).
    pub fn longest_key(&self) -> usize {
        self.longest_key
    }

    /// Every archive, in table order.
    pub fn archives(&self) -> &[Archive] {
        &self.archives
    }
}

impl Default for ArchiveTable {
    fn default() -> Self {
        Self::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_knows_the_required_archives() {
        let t = ArchiveTable::builtin();
        for (name, id) in [
            ("РГАСПИ", "rgaspi"),
            ("RGASPI", "rgaspi"),
            ("РЦХИДНИ", "rgaspi"),
            ("ГА РФ", "garf"),
            ("РГВА", "rgva"),
            ("РГВИА", "rgvia"),
            ("ГААР", "arda"),
            ("ARDA", "arda"),
            ("АОПДУДПАР", "arpiissa"),
            ("ARPİİİSSA", "arpiissa"),
            ("ARP İİ İSSA", "arpiissa"),
            ("PDA PAR", "arpiissa"),
            ("ARSPIHDA", "arpiissa"),
            ("ЦДАВО", "tsdavo"),
            ("National Archives of Georgia", "nag"),
            ("Национальный архив Армении", "naa"),
            ("Российский Государственный Архив Социально-Политической Истории", "rgaspi"),
            ("Central State Archive of Azerbaijan Republic", "arda"),
        ] {
            assert_eq!(t.lookup(name).map(|a| a.id.as_str()), Some(id), "{name}");
        }
        assert!(t.lookup("ЦГАИПД").is_none());
    }

    #[test]
    fn look_alike_letters_do_not_matter() {
        let t = ArchiveTable::builtin();
        assert_eq!(t.lookup("PГACПИ").map(|a| a.id.as_str()), Some("rgaspi"));
    }

    #[test]
    fn bad_tables_are_refused_with_their_line() {
        let p = Path::new("a.toml");
        let dup = "[[archive]]\nid = \"x\"\nnames = [{ text = \"A\" }]\n[[archive]]\nid = \"x\"\nnames = [{ text = \"B\" }]\n";
        let e = ArchiveTable::parse(dup, p).unwrap_err().to_string();
        assert!(e.contains("used twice"), "{e}");
        let clash = "[[archive]]\nid = \"x\"\nnames = [{ text = \"A\" }]\nacronyms = [\"ZZ\"]\n[[archive]]\nid = \"y\"\nnames = [{ text = \"B\" }]\nacronyms = [\"Z Z\"]\n";
        let e = ArchiveTable::parse(clash, p).unwrap_err().to_string();
        assert!(e.contains("names both `x` and `y`") && e.contains("a.toml:8"), "{e}");
        let bad_id = "[[archive]]\nid = \"1x\"\nnames = [{ text = \"A\" }]\n";
        assert!(ArchiveTable::parse(bad_id, p).unwrap_err().to_string().contains("XML name"));
        let unknown = "[[archive]]\nid = \"x\"\nname = \"A\"\n";
        let e = ArchiveTable::parse(unknown, p).unwrap_err().to_string();
        assert!(e.contains("a.toml:3"), "{e}");
        let bad_lang = "[[archive]]\nid = \"x\"\nnames = [{ text = \"A\", lang = \"english\" }]\n";
        assert!(ArchiveTable::parse(bad_lang, p).is_err());
    }
}
