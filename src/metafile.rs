//! Metadata files (`article.meta.toml` or `.yaml`): values that win over extracted ones.
//!
//! Known keys fill typed fields; any other key is kept in [`Meta::extra`] and reported, so a
//! typo (`licnse`) is seen rather than silently dropped.

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::model::{Author, LangTag, Meta, Title};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Keys a metadata file may hold, as documented in the README.
pub const KNOWN_KEYS: &[&str] = &[
    "lang",
    "title",
    "titles",
    "author",
    "authors",
    "journal",
    "volume",
    "issue",
    "pages",
    "doi",
    "licence",
    "license",
    "date",
    "publisher",
    "source",
];

/// Finds `<stem>.meta.toml|yaml|yml` beside `input` (stem without the last extension).
pub fn find_beside(input: &Path) -> Option<PathBuf> {
    let stem = input.file_stem()?.to_str()?;
    let dir = input.parent().unwrap_or(Path::new(""));
    ["toml", "yaml", "yml"].iter().map(|ext| dir.join(format!("{stem}.meta.{ext}"))).find(|p| p.is_file())
}

/// Reads a metadata file into its text and a JSON value (TOML or YAML by extension).
pub fn load(path: &Path) -> Result<(String, Value)> {
    let text = crate::error::read_text(path)?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let value: Value = match ext {
        "toml" => toml::from_str(&text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| {
                let idx = crate::diag::LineIndex::new(&text);
                idx.position(&text, s.start)
            });
            Error::input(path, line, col, format!("invalid TOML: {}", e.message()))
        })?,
        "yaml" | "yml" => serde_norway::from_str(&text).map_err(|e| {
            let (line, col) = e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
            Error::input(path, line, col, format!("invalid YAML: {e}"))
        })?,
        _ => return Err(Error::input(path, 0, 0, "a metadata file must end in .toml, .yaml or .yml")),
    };
    if !value.is_object() {
        return Err(Error::input(path, 1, 1, "a metadata file must be a table of keys (title = \"…\")"));
    }
    Ok((text, value))
}

fn line_of_key(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches(['[', '-', ' ']);
            t.starts_with(key) && t[key.len()..].trim_start().starts_with(['=', ':', ']'])
        })
        .map_or(0, |i| i as u32 + 1)
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Applies the metadata file at `path` to `meta`; its values win. Returns diagnostics.
pub fn apply(path: &Path, meta: &mut Meta) -> Result<Vec<Diagnostic>> {
    let (text, value) = load(path)?;
    let mut diags = Vec::new();
    let bad = |key: &str, what: &str| {
        Error::input(path, line_of_key(&text, key), 0, format!("`{key}` must be {what}"))
    };
    let obj = value.as_object().expect("checked in load");
    for (key, v) in obj {
        match key.as_str() {
            "lang" => {
                let s = string(v).ok_or_else(|| bad(key, "a language tag"))?;
                meta.lang =
                    Some(LangTag::parse(&s).map_err(|m| Error::input(path, line_of_key(&text, key), 0, m))?);
            }
            "title" => {
                let s = string(v).ok_or_else(|| bad(key, "a string"))?;
                set_title(meta, s, None);
            }
            "titles" => {
                let map = v.as_object().ok_or_else(|| bad(key, "a table of language = title"))?;
                for (lang, t) in map {
                    let tag = LangTag::parse(lang)
                        .map_err(|m| Error::input(path, line_of_key(&text, lang), 0, m))?;
                    set_title(meta, string(t).ok_or_else(|| bad(lang, "a string"))?, Some(tag));
                }
            }
            "author" | "authors" => {
                let list: Vec<&Value> = match v {
                    Value::Array(a) => a.iter().collect(),
                    other => vec![other],
                };
                for (k, a) in list.into_iter().enumerate() {
                    let given = author(a)
                        .ok_or_else(|| bad(key, "a name or a table with name, affiliation, email, orcid"))?;
                    match meta.authors.get_mut(k) {
                        Some(old) => merge_author(old, given),
                        None => meta.authors.push(given),
                    }
                }
            }
            "journal" | "volume" | "issue" | "pages" | "doi" | "licence" | "license" | "date"
            | "publisher" | "source" => {
                let s = string(v).ok_or_else(|| bad(key, "a string"))?;
                let slot = match key.as_str() {
                    "journal" => &mut meta.journal,
                    "volume" => &mut meta.volume,
                    "issue" => &mut meta.issue,
                    "pages" => &mut meta.pages,
                    "doi" => &mut meta.doi,
                    "licence" | "license" => &mut meta.licence,
                    "date" => &mut meta.date,
                    "source" => &mut meta.source,
                    _ => &mut meta.publisher,
                };
                *slot = Some(s);
            }
            other => {
                diags.push(Diagnostic::warning(
                    "unknown-meta-key",
                    line_of_key(&text, other),
                    format!(
                        "unknown metadata key `{other}` kept as extra metadata (known keys: {})",
                        KNOWN_KEYS.join(", ")
                    ),
                ));
                meta.extra.insert(other.to_string(), string(v).unwrap_or_else(|| v.to_string()));
            }
        }
    }
    Ok(diags)
}

fn set_title(meta: &mut Meta, text: String, lang: Option<LangTag>) {
    let lang = lang.or_else(|| meta.lang.clone());
    match meta.titles.iter_mut().find(|t| t.lang == lang || (t.lang.is_none() && lang.is_none())) {
        Some(t) => t.text = text,
        None => meta.titles.insert(0, Title { text, lang }),
    }
}

fn author(v: &Value) -> Option<Author> {
    match v {
        Value::String(s) => Some(Author { name: Some(s.clone()), ..Author::default() }),
        Value::Object(o) => Some(Author {
            name: o.get("name").and_then(string),
            affiliation: o.get("affiliation").and_then(string),
            email: o.get("email").and_then(string),
            orcid: o.get("orcid").and_then(string),
            note: None,
        }),
        _ => None,
    }
}

fn merge_author(old: &mut Author, new: Author) {
    old.name = new.name.or(old.name.take());
    old.affiliation = new.affiliation.or(old.affiliation.take());
    old.email = new.email.or(old.email.take());
    old.orcid = new.orcid.or(old.orcid.take());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(ext: &str, body: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::Builder::new().suffix(ext).tempfile().unwrap();
        f.write_all(body.as_bytes()).unwrap();
        f
    }

    #[test]
    fn toml_values_win_and_unknown_keys_are_kept() {
        let f = file(".toml", "doi = \"10.1/x\"\nvolume = 12\nlicnse = \"CC-BY\"\n[[authors]]\nname = \"Islam Xoşgədəm\"\n[titles]\ntr = \"Başlık\"\n");
        let mut meta = Meta {
            authors: vec![Author { affiliation: Some("BSU".into()), ..Author::default() }],
            ..Meta::default()
        };
        let d = apply(f.path(), &mut meta).unwrap();
        assert_eq!(meta.doi.as_deref(), Some("10.1/x"));
        assert_eq!(meta.volume.as_deref(), Some("12"));
        assert_eq!(meta.authors[0].name.as_deref(), Some("Islam Xoşgədəm"));
        assert_eq!(meta.authors[0].affiliation.as_deref(), Some("BSU"));
        assert_eq!(meta.titles[0].text, "Başlık");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].code, d[0].line), ("unknown-meta-key", 3));
        assert_eq!(meta.extra["licnse"], "CC-BY");
    }

    #[test]
    fn yaml_works_and_errors_have_lines() {
        let f = file(".yaml", "journal: Tarix\nauthors:\n  - name: A B\n");
        let mut meta = Meta::default();
        apply(f.path(), &mut meta).unwrap();
        assert_eq!(meta.journal.as_deref(), Some("Tarix"));
        let bad = file(".toml", "doi = \n");
        let e = apply(bad.path(), &mut Meta::default()).unwrap_err().to_string();
        assert!(e.contains(":1:") && e.contains("invalid TOML"), "{e}");
        let bad = file(".toml", "lang = \"english language\"\n");
        let e = apply(bad.path(), &mut Meta::default()).unwrap_err().to_string();
        assert!(e.contains(":1") && e.contains("BCP 47"), "{e}");
    }
}
