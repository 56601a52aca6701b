//! Names, dates and editorial choices written as pandoc spans, the forms the Markdown writer
//! writes (pandoc reads them as `Span`s with these classes and attributes):
//!
//! - `[Lenin]{.person ref="http://viaf.org/viaf/1"}`, `{.place}`, `{.organisation}`: a name,
//!   `ref` its authority pointer;
//! - `[14 May 1919]{.date when="1919-05-14"}`: a date, `when` its value;
//! - `[the]{.correction sic="teh"}`, `[music]{.regularisation orig="musick"}`,
//!   `[doctor]{.expansion abbr="Dr"}`: an editorial choice, the span's content the reading
//!   shown, the attribute the other reading as plain text (the writer reports markup it could
//!   not keep there).
//!
//! One typed class per span; a second is reported by the caller with the other attributes.

use crate::model::{ChoiceKind, Inline, NameKind};

/// The classes of `classes` that make a typed span.
pub(super) fn typed_classes(classes: &[&str]) -> usize {
    classes.iter().filter(|c| kind_of(c).is_some()).count()
}

enum Typed {
    Name(NameKind),
    Date,
    Choice(ChoiceKind, &'static str),
}

/// The attribute that holds a choice's other reading in Markdown (`sic`, `orig`, `abbr`:
/// TEI's names for it), shared with the Markdown writer.
pub(crate) fn other_reading_key(kind: ChoiceKind) -> &'static str {
    match kind {
        ChoiceKind::Correction => "sic",
        ChoiceKind::Regularisation => "orig",
        ChoiceKind::Expansion => "abbr",
    }
}

/// The typed span a class names: a name or choice kind by its model name, or `date`.
fn kind_of(class: &str) -> Option<Typed> {
    if class == "date" {
        return Some(Typed::Date);
    }
    if let Some(k) = NameKind::ALL.into_iter().find(|k| k.name() == class) {
        return Some(Typed::Name(k));
    }
    ChoiceKind::ALL.into_iter().find(|k| k.name() == class).map(|k| Typed::Choice(k, other_reading_key(k)))
}

/// `content` inside the typed span its first typed class names (unchanged without one), and
/// the attribute keys that span used.
pub(super) fn typed<'s>(
    classes: &[&str],
    values: &[(&'s str, &'s str)],
    content: Vec<Inline>,
) -> (Vec<Inline>, Vec<&'s str>) {
    let Some(kind) = classes.iter().find_map(|c| kind_of(c)) else { return (content, Vec::new()) };
    let value = |key: &str| values.iter().find(|(k, _)| *k == key).map(|(k, v)| (*k, v.to_string()));
    let (inline, used) = match kind {
        Typed::Name(kind) => {
            let r = value("ref");
            let reference = r.as_ref().map(|(_, v)| v.clone()).filter(|v| !v.trim().is_empty());
            (Inline::Name { kind, reference, content }, r.map(|(k, _)| k))
        }
        Typed::Date => {
            let w = value("when");
            let when = w.as_ref().map(|(_, v)| v.clone()).filter(|v| !v.trim().is_empty());
            (Inline::Date { when, content }, w.map(|(k, _)| k))
        }
        Typed::Choice(kind, key) => {
            let o = value(key);
            let other = o.as_ref().filter(|(_, v)| !v.is_empty()).map(|(_, v)| vec![Inline::text(v)]);
            (Inline::Choice { kind, shown: content, other: other.unwrap_or_default() }, o.map(|(k, _)| k))
        }
    };
    (vec![inline], used.into_iter().collect())
}
