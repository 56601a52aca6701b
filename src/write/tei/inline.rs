//! Inline content, notes, shelfmarks and bibliography entries as TEI mixed content.

use super::events::{Attrs, Events};
use super::Ctx;
use crate::model::{
    BibEntry, Block, ChoiceKind, EntryKind, Inline, NameKind, Note, NoteKind, QuoteStyle, Shelfmark, Side,
};

/// Appends `inlines` as events.
pub fn inlines(ctx: &mut Ctx, ev: &mut Events, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => ev.text(&ctx.clean(text)),
            Inline::Image { image, alt } => super::tables::graphic(ctx, ev, image, alt),
            Inline::Ref { target, content } => super::tables::cross_ref(ctx, ev, target, content),
            // The printed edition's page: `<pb n="47" type="print"/>`.
            Inline::PageBreak { n } => {
                ev.start("pb", vec![("n", ctx.clean(n)), ("type", "print".into())]);
                ev.end();
            }
            Inline::Emph { content } => {
                ev.start("hi", vec![("rend", "italic".into())]);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            Inline::Strong { content } => {
                ev.start("hi", vec![("rend", "bold".into())]);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            Inline::Superscript { content } => hi(ctx, ev, "superscript", content),
            Inline::Subscript { content } => hi(ctx, ev, "subscript", content),
            Inline::SmallCaps { content } => hi(ctx, ev, "smallcaps", content),
            Inline::Underline { content } => hi(ctx, ev, "underline", content),
            Inline::Strikeout { content } => hi(ctx, ev, "strikethrough", content),
            // `<hi>` with the source's own words for the rendering, none when it said none.
            Inline::Highlight { rend, content } => {
                let rend = ctx.clean(rend);
                let rend: Vec<&str> = rend.split_whitespace().collect();
                let attrs = if rend.is_empty() { vec![] } else { vec![("rend", rend.join(" "))] };
                ev.start("hi", attrs);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            // `<q>`: the marks are the output's, never in the text; an inner quotation is
            // typed so that it reads back as one.
            Inline::Quoted { style, content } => {
                let attrs = match style {
                    QuoteStyle::Double => vec![],
                    QuoteStyle::Single => vec![("rend", "single".into())],
                };
                ev.start("q", attrs);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            Inline::Code { text } => {
                let t = ctx.clean(text);
                ev.wrap("code", vec![], &t);
            }
            Inline::LineBreak => {
                ev.start("lb", vec![]);
                ev.end();
            }
            Inline::Link { url, content } => {
                ev.start("ref", vec![("target", uri(url))]);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            Inline::Span { lang, content } => {
                ctx.langs.insert(lang.to_string());
                ev.start("foreign", vec![("xml:lang", lang.to_string())]);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            Inline::Shelfmark(s) => shelfmark(ctx, ev, s),
            Inline::Note(n) => note(ctx, ev, n),
            // `<formula notation="TeX">`, `rend="display"` for a formula on its own line.
            Inline::Math { tex, display } => {
                let mut attrs = vec![("notation", "TeX".to_string())];
                if *display {
                    attrs.push(("rend", "display".into()));
                }
                let t = ctx.clean(tex);
                ev.wrap("formula", attrs, &t);
            }
            Inline::Name { kind, reference, content } => {
                let tag = match kind {
                    NameKind::Person => "persName",
                    NameKind::Place => "placeName",
                    NameKind::Organisation => "orgName",
                };
                let attrs = reference.iter().map(|r| ("ref", pointers(&ctx.clean(r)))).collect();
                ev.start(tag, attrs);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            // `@when`, or `@from`/`@to` for an interval, only for values TEI's W3C types
            // take (others are counted and reported); the text is kept either way.
            Inline::Date { when, content } => {
                let attrs = when.as_deref().map_or_else(Vec::new, |w| match w.split_once('/') {
                    None if is_w3c_temporal(w) => vec![("when", w.to_string())],
                    Some((from, to)) if is_w3c_temporal(from) && is_w3c_temporal(to) => {
                        vec![("from", from.to_string()), ("to", to.to_string())]
                    }
                    _ => {
                        ctx.unwritten_dates += 1;
                        Vec::new()
                    }
                });
                ev.start("date", attrs);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            // `<ref type="citation" target="#smith2004 #jones1999">`: each key points at the
            // entry whose `xml:id` it is (see [`citekey_id`]).
            Inline::Citation { keys, content } => {
                let mut attrs = vec![("type", "citation".to_string())];
                let targets: Vec<String> =
                    keys.iter().filter_map(|k| citekey_id(k)).map(|id| format!("#{id}")).collect();
                if !targets.is_empty() {
                    attrs.push(("target", targets.join(" ")));
                }
                ev.start("ref", attrs);
                self::inlines(ctx, ev, content);
                ev.end();
            }
            // `<choice>` with both readings, the one shown first.
            Inline::Choice { kind, shown, other } => {
                let (shown_tag, other_tag) = match kind {
                    ChoiceKind::Correction => ("corr", "sic"),
                    ChoiceKind::Regularisation => ("reg", "orig"),
                    ChoiceKind::Expansion => ("expan", "abbr"),
                };
                ev.start("choice", vec![]);
                ev.start(shown_tag, vec![]);
                self::inlines(ctx, ev, shown);
                ev.end();
                ev.start(other_tag, vec![]);
                self::inlines(ctx, ev, other);
                ev.end();
                ev.end();
            }
        }
    }
}

/// The `xml:id` of the entry a citation key names, and the pointer a citation writes: the
/// key itself where it is an XML name (`smith2004`, `Smith_2004a`) that cannot be taken for
/// one of the writer's own identifiers (`fn12`, `bib-03`, `org-…`); `None` otherwise (the
/// entry then has its numbered identifier and the citation its text alone).
pub fn citekey_id(key: &str) -> Option<&str> {
    let mut chars = key.chars();
    let first = chars.next()?;
    let name = (first.is_alphabetic() || first == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let ours = key.starts_with("bib-")
        || key.starts_with("org-")
        || key.strip_prefix("fn").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    (name && !ours).then_some(key)
}

/// Whether `w` is a value TEI's `teidata.temporal.w3c` takes: a date (`1919`, `1919-05`,
/// `1919-05-14`, `-0044`), a date and time (`1919-05-14T10:30:00`, a zone `Z` or `+03:00`
/// after it) or a time (`10:30:00`).
fn is_w3c_temporal(w: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let date = |d: &str| {
        let d = d.strip_prefix('-').unwrap_or(d);
        match d.split('-').collect::<Vec<_>>().as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, day] => digits(y, 4) && digits(m, 2) && digits(day, 2),
            _ => false,
        }
    };
    let time = |t: &str| {
        let t = t.strip_suffix('Z').unwrap_or(t);
        let t = match t.rfind(['+', '-']) {
            Some(at) if at > 0 && digits(&t[at + 1..].replace(':', ""), 4) => &t[..at],
            _ => t,
        };
        let (hms, frac) = t.split_once('.').unwrap_or((t, "0"));
        matches!(hms.split(':').collect::<Vec<_>>().as_slice(), [h, m, s] if digits(h, 2) && digits(m, 2) && digits(s, 2))
            && !frac.is_empty()
            && frac.bytes().all(|b| b.is_ascii_digit())
    };
    match w.split_once('T') {
        Some((d, t)) => date(d) && d.len() >= 10 && time(t),
        None => date(w) || time(w),
    }
}

/// A list of pointers as `teidata.pointer`s (`anyURI`s separated by spaces): characters a URI
/// may not hold (`"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`) percent-encoded, nothing
/// else touched.
fn pointers(refs: &str) -> String {
    let mut out = String::with_capacity(refs.len());
    for (k, token) in refs.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        for c in token.chars() {
            match c {
                '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                    out.push_str(&format!("%{:02X}", c as u32))
                }
                c => out.push(c),
            }
        }
    }
    out
}

/// `<hi rend="…">`: the TEI Stylesheets' names for raised, lowered and small-capital text.
/// Verse or other kept lines as `<lg>`: one group of `<l>` per stanza (the runs of lines
/// between empty ones), nested in an outer `<lg>` when there are several.
fn line_group(ctx: &mut Ctx, ev: &mut Events, lines: &[Vec<Inline>]) {
    let stanzas: Vec<&[Vec<Inline>]> = lines.split(|l| l.is_empty()).filter(|s| !s.is_empty()).collect();
    let write_lines = |ctx: &mut Ctx, ev: &mut Events, stanza: &[Vec<Inline>]| {
        for line in stanza {
            ev.start("l", vec![]);
            inlines(ctx, ev, line);
            ev.end();
        }
    };
    ev.start("lg", vec![]);
    match stanzas.as_slice() {
        [] => {
            ev.start("l", vec![]);
            ev.end();
        }
        [one] => write_lines(ctx, ev, one),
        many => {
            for stanza in many {
                ev.start("lg", vec![("type", "stanza".into())]);
                write_lines(ctx, ev, stanza);
                ev.end();
            }
        }
    }
    ev.end();
}

fn hi(ctx: &mut Ctx, ev: &mut Events, rend: &str, content: &[Inline]) {
    ev.start("hi", vec![("rend", rend.into())]);
    inlines(ctx, ev, content);
    ev.end();
}

/// A web address as an XML `anyURI`: spaces escaped, nothing else touched.
pub fn uri(url: &str) -> String {
    url.replace(' ', "%20")
}

/// `<note place="foot" n="14" xml:id="fn14">` for a footnote, `<note place="end" n="3"
/// xml:id="en3">` for an endnote (TEI Guidelines §3.9.1: `@place` says where the source printed
/// it), with `cert="low"` when the call was lost.
fn note(ctx: &mut Ctx, ev: &mut Events, n: &Note) {
    let place = match n.kind {
        NoteKind::Foot => "foot",
        NoteKind::End => "end",
    };
    let mut attrs =
        vec![("place", place.to_string()), ("n", n.label.clone()), ("xml:id", ctx.note_id(n.kind, &n.label))];
    if n.anchor == crate::model::Anchor::Inferred {
        attrs.push(("cert", "low".into()));
    }
    if let Some(l) = &n.lang {
        ctx.langs.insert(l.to_string());
        attrs.push(("xml:lang", l.to_string()));
    }
    ev.start("note", attrs);
    for b in &n.content {
        block(ctx, ev, b);
    }
    ev.end();
}

/// A paragraph, quotation or list (headings inside notes are written as paragraphs: heads
/// cannot nest there).
pub fn block(ctx: &mut Ctx, ev: &mut Events, b: &Block) {
    match b {
        Block::Table(t) => super::tables::table(ctx, ev, t),
        Block::Figure(f) => super::tables::figure(ctx, ev, f),
        Block::Paragraph { content, lang } => {
            let mut attrs = Vec::new();
            if let Some(l) = lang {
                ctx.langs.insert(l.to_string());
                attrs.push(("xml:lang", l.to_string()));
            }
            ev.start("p", attrs);
            inlines(ctx, ev, content);
            ev.end();
        }
        Block::Heading { content, .. } => {
            ev.start("p", vec![("rend", "heading".into())]);
            inlines(ctx, ev, content);
            ev.end();
        }
        // `<quote>`; with its source, `<cit><quote>…</quote><bibl>…</bibl></cit>`. An epigraph
        // here is not at the top of a division, where `<epigraph>` may not stand: it is typed.
        Block::Quote { epigraph, .. } => quotation(ctx, ev, b, *epigraph),
        // `<list rend="numbered">` with each item's printed label in `@n` (`3.`, `c)`), or
        // `<list rend="bulleted">`; an item of one paragraph holds its text directly.
        Block::List { numbering, items } => {
            let rend = if numbering.is_some() { "numbered" } else { "bulleted" };
            ev.start("list", vec![("rend", rend.into())]);
            for (k, item) in items.iter().enumerate() {
                let mut attrs = Vec::new();
                if let Some(n) = numbering {
                    attrs.push(("n", n.label(n.start.saturating_add(k as u32))));
                }
                ev.start("item", attrs);
                item_blocks(ctx, ev, item);
                ev.end();
            }
            ev.end();
        }
        // `<list type="gloss">`: each term a `<label>`, its definition the `<item>` after it;
        // several definitions are a list inside that item (a label takes one item).
        Block::DefinitionList { items } => {
            ev.start("list", vec![("type", "gloss".into())]);
            for d in items {
                ev.start("label", vec![]);
                inlines(ctx, ev, &d.term);
                ev.end();
                ev.start("item", vec![]);
                match d.details.as_slice() {
                    [one] => item_blocks(ctx, ev, one),
                    many => {
                        ev.start("list", vec![("rend", "definitions".into())]);
                        for def in many {
                            ev.start("item", vec![]);
                            item_blocks(ctx, ev, def);
                            ev.end();
                        }
                        ev.end();
                    }
                }
                ev.end();
            }
            ev.end();
        }
        // `<eg xml:space="preserve">`, the notation named in a `<code lang="…">` inside.
        Block::CodeBlock { text, syntax } => {
            let t = ctx.clean(text);
            ev.start("eg", vec![("xml:space", "preserve".into())]);
            match syntax {
                Some(s) => ev.wrap("code", vec![("lang", ctx.clean(s))], &t),
                None => ev.text(&t),
            }
            ev.end();
        }
        // `<lg>` of `<l>`; several stanzas are `<lg>`s inside one.
        Block::LineBlock { lines } => line_group(ctx, ev, lines),
        // A break between sections that have no heading.
        Block::SectionBreak => {
            ev.start("milestone", vec![("unit", "section".into())]);
            ev.end();
        }
        // `<floatingText>` with its own body; headings inside are heads of its divisions.
        Block::EmbeddedText { kind, lang, blocks } => {
            let mut attrs = Vec::new();
            if let Some(k) = kind {
                attrs.push(("type", ctx.clean(k)));
            }
            if let Some(l) = lang {
                ctx.langs.insert(l.to_string());
                attrs.push(("xml:lang", l.to_string()));
            }
            ev.start("floatingText", attrs);
            ev.start("body", vec![]);
            super::sectioned(ctx, ev, blocks, 0);
            if blocks.is_empty() {
                ev.start("p", vec![]);
                ev.end();
            }
            ev.end();
            ev.end();
        }
    }
}

/// An item's blocks; an item of one paragraph holds its text directly.
fn item_blocks(ctx: &mut Ctx, ev: &mut Events, item: &[Block]) {
    match item {
        [Block::Paragraph { content, lang: None }] => inlines(ctx, ev, content),
        blocks => blocks.iter().for_each(|b| block(ctx, ev, b)),
    }
}

/// A quotation: `<quote>`, or `<cit>` with its source in `<bibl>`. `typed` marks it
/// `type="epigraph"` (an epigraph where `<epigraph>` may not stand).
fn quotation(ctx: &mut Ctx, ev: &mut Events, b: &Block, typed: bool) {
    let Block::Quote { blocks, source, lang, .. } = b else { return };
    let mut attrs = Vec::new();
    if let Some(l) = lang {
        ctx.langs.insert(l.to_string());
        attrs.push(("xml:lang", l.to_string()));
    }
    let kind = || vec![("type", "epigraph".to_string())];
    if source.is_some() {
        ev.start("cit", if typed { kind() } else { vec![] });
    } else if typed {
        attrs.push(kind()[0].clone());
    }
    ev.start("quote", attrs);
    for b in blocks {
        block(ctx, ev, b);
    }
    ev.end();
    if let Some(source) = source {
        ev.start("bibl", vec![]);
        inlines(ctx, ev, source);
        ev.end();
        ev.end();
    }
}

/// An epigraph at the top of a division or of the body: `<epigraph>` around the quotation.
pub fn epigraph(ctx: &mut Ctx, ev: &mut Events, b: &Block) {
    ev.start("epigraph", vec![]);
    quotation(ctx, ev, b, false);
    ev.end();
}

fn folio(f: &crate::model::Folio) -> String {
    let side = match f.side {
        Some(Side::Recto) => "r",
        Some(Side::Verso) => "v",
        None => "",
    };
    format!("{}{side}", f.number)
}

/// `<bibl type="archival">` with the archive, the typed `idno`s and the folios.
fn shelfmark(ctx: &mut Ctx, ev: &mut Events, s: &Shelfmark) {
    let raw = &s.raw;
    let mut attrs = vec![("type", "archival".to_string())];
    let archive_ref = s.archive.as_ref().and_then(|a| a.id.as_ref()).map(|id| format!("#{}", ctx.org_id(id)));
    let inherited = s.archive.as_ref().is_some_and(|a| a.span.is_none());
    if inherited {
        if let Some(r) = &archive_ref {
            attrs.push(("corresp", r.clone()));
        }
    }
    ev.start("bibl", attrs);
    let mut inner = Events::default();
    inner.text(&ctx.clean(raw));
    if let Some(sp) = s.archive.as_ref().and_then(|a| a.span) {
        let attrs = archive_ref.map(|r| vec![("ref", r)]).unwrap_or_default();
        inner.wrap_range(sp.start, sp.end, "orgName", attrs);
    }
    // Inherited levels are not printed here, so only the printed ones are marked up.
    let printed: Vec<_> = s.levels.iter().filter(|p| !p.inherited).collect();
    if let (Some(first), Some(last)) = (printed.first(), printed.last()) {
        // The wrapper first, so that a one-level shelfmark (`761.00/4–156`) nests its typed
        // idno inside the shelfmark idno, not the other way round.
        let start = first.label_span.start.min(first.span.start);
        inner.wrap_range(start, last.span.end, "idno", vec![("type", "shelfmark".into())]);
        for part in &printed {
            let mut attrs = vec![("type", part.level.tei_type().to_string())];
            if part.span.get(raw) != Some(part.value.as_str()) {
                attrs.push(("n", part.value.clone()));
            }
            inner.wrap_range(part.span.start, part.span.end, "idno", attrs);
        }
    }
    // Folios and pages: TEI's `citedRange` with the open list's `folio` beside `page`
    // (TEI-ARCHIVAL-NOTES.md §1.2).
    for (cited, unit) in [(&s.folios, "folio"), (&s.pages, "page")] {
        let Some(f) = cited else { continue };
        let mut attrs = vec![("unit", unit.to_string())];
        if let (Some(a), Some(b)) = (f.ranges.first(), f.ranges.last()) {
            attrs.push(("from", folio(&a.from)));
            attrs.push(("to", folio(&b.to)));
        }
        inner.wrap_range(f.label_span.start, f.span.end, "citedRange", attrs);
    }
    ev.evs.extend(inner.evs);
    ev.end();
}

/// One entry of the reference list: `<bibl xml:id xml:lang n>` with the parsed fields
/// wrapped around the printed words where they nest.
pub fn entry(ctx: &mut Ctx, ev: &mut Events, e: &BibEntry, id: &str) {
    let mut attrs = vec![("xml:id", id.to_string())];
    if let Some(l) = &e.label {
        attrs.push(("n", l.clone()));
    }
    if let Some(l) = &e.lang {
        ctx.langs.insert(l.to_string());
        attrs.push(("xml:lang", l.to_string()));
    }
    ev.start("bibl", attrs);
    let mut inner = Events::default();
    inlines(ctx, &mut inner, &e.content);
    let f = &e.fields;
    let analytic = matches!(f.kind, Some(EntryKind::Article | EntryKind::Chapter)) || f.container.is_some();
    let mut fields: Vec<(crate::model::Span, &'static str, Attrs)> = Vec::new();
    for a in &f.authors {
        fields.push((*a, "author", vec![]));
    }
    if let Some(t) = f.title {
        fields.push((t, "title", vec![("level", if analytic { "a" } else { "m" }.into())]));
    }
    if let Some(c) = f.container {
        let level = if f.kind == Some(EntryKind::Chapter) { "m" } else { "j" };
        fields.push((c, "title", vec![("level", level.into())]));
    }
    if let Some(p) = f.place {
        fields.push((p, "pubPlace", vec![]));
    }
    if let Some(p) = f.publisher {
        fields.push((p, "publisher", vec![]));
    }
    if let Some(y) = f.year {
        let when = y.get(&e.raw).filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
        fields.push((y, "date", when.map(|w| vec![("when", w.to_string())]).unwrap_or_default()));
    }
    for (span, unit) in [(f.volume, "volume"), (f.issue, "issue"), (f.pages, "page")] {
        if let Some(s) = span {
            fields.push((s, "biblScope", vec![("unit", unit.into())]));
        }
    }
    if let Some(u) = f.url {
        fields.push((u, "idno", vec![("type", "URI".into())]));
    }
    if let Some(d) = f.doi {
        if !f.url.is_some_and(|u| u.start <= d.start && d.end <= u.end) {
            fields.push((d, "idno", vec![("type", "DOI".into())]));
        }
    }
    fields.sort_by_key(|(s, _, _)| (s.start, std::cmp::Reverse(s.end)));
    for (span, name, attrs) in fields {
        if !inner.wrap_range(span.start, span.end, name, attrs) {
            ctx.unwritten_fields += 1;
        }
    }
    ev.evs.extend(inner.evs);
    ev.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3c_temporal_values() {
        for ok in [
            "1919",
            "1919-05",
            "1919-05-14",
            "-0044",
            "1919-05-14T10:30:00",
            "1919-05-14T10:30:00Z",
            "1919-05-14T10:30:00+03:00",
            "10:30:00",
            "10:30:00.5",
        ] {
            assert!(is_w3c_temporal(ok), "{ok}");
        }
        for bad in [
            "",
            "14 May 1919",
            "1919-5-14",
            "19190514",
            "1919-05-14T",
            "10:30",
            "1919/1920",
            "1919-05-14T10:30:00+3",
        ] {
            assert!(!is_w3c_temporal(bad), "{bad}");
        }
    }

    #[test]
    fn pointers_are_uris_separated_by_spaces() {
        assert_eq!(pointers("http://viaf.org/viaf/1  #p1"), "http://viaf.org/viaf/1 #p1");
        assert_eq!(pointers("a{b}|\"c\""), "a%7Bb%7D%7C%22c%22");
    }
}
