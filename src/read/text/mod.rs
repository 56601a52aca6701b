//! Reader for article text as PDF-to-text extractors leave it.
//!
//! Steps (see `docs` in the README): lines → units; front matter; body flow (page texts,
//! headings, note blocks); the note sequence with inferred labels; calls aligned to notes;
//! paragraphs re-joined across page cuts; the reference list. Every decision that could be
//! wrong is a [`Diagnostic`] with its line.

mod apostrophes;
mod body;
mod calls;
mod columns;
mod features;
mod floats;
mod flow;
mod fragments;
mod front;
mod furniture;
mod gutter;
mod join;
pub(crate) mod lexicon;
mod markers;
mod measure;
mod notes;
mod pages;
mod quality;
mod references;
mod spaces;
mod subheads;
mod units;

use crate::diag::Diagnostic;
use crate::model::{Bibliography, Document};

/// Reads extracted article text into a document, with the diagnostics of every guess.
pub fn read(src: &str) -> (Document, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // Tables and figures first: a table's lines are kept as the extractor left them, out of
    // reach of every repair and reading below (their lines are blanked, not removed, so
    // the lines keep their numbers). Its columns' runs of spaces are no gutter either.
    let (src, floats) = floats::extract(src, &mut diags);
    // Columns printed side by side are read one after the other, before the repairs: the
    // runs of spaces that show them are gone after them.
    // (Each line keeps the number it has in the source, for the diagnostics.)
    let (src, mut origin) = gutter::restore(&src, &mut diags);
    // Repairs of the extractor's text, each reported: apostrophes, then word spaces.
    let apostrophes = apostrophes::restore(&src, &mut diags);
    let restored = spaces::restore(&apostrophes, &mut diags);
    quality::lost_word_spaces(&restored, &mut diags);
    quality::split_glyphs(&restored, &mut diags);
    // The repairs counted the lines of the parted text: their reports name the source's.
    let parted_at = diags.iter().rposition(|d| d.code == "extraction-two-columns").map_or(0, |i| i + 1);
    for d in diags.iter_mut().skip(parted_at) {
        if let Some(&line) = d.line.checked_sub(1).and_then(|i| origin.get(i as usize)) {
            d.line = line;
        }
    }
    // Printed lines cut into words are joined (not where the words themselves ran together:
    // the lengths of the lines tell nothing then); notes that close a column, not the page,
    // are read after the page's text.
    origin.resize(restored.split('\n').count(), 0);
    let lost_spaces = diags.iter().any(|d| d.code == "extraction-lost-spaces");
    let joined = if lost_spaces {
        std::borrow::Cow::Borrowed(&*restored)
    } else {
        fragments::restore(&restored, &mut origin, &mut diags)
    };
    let reordered = columns::restore(&joined, &mut origin, &mut diags);
    let src: &str = &reordered;
    let anchors = float_anchors(&floats, &origin);
    let all_units = units::units_at(src, &origin, &anchors);
    // The floats stand in the body, among its units (one read in the front matter or the
    // reference list stands at the body's start or end).
    let mut float_units = Vec::new();
    let mut units = Vec::with_capacity(all_units.len());
    for u in all_units {
        match u.float() {
            Some(_) => float_units.push((units.len(), u)),
            None => units.push(u),
        }
    }
    let (meta, body_start) = front::read_front(&units, &mut diags);
    let refs_at = (body_start..units.len())
        .find(|&i| units[i].lines.len() == 1 && lexicon::is_reference_heading(units[i].first()));
    let body_end = refs_at.unwrap_or(units.len());
    // The notes at the foot of the reference list's pages belong to the body's sequence.
    let (foot, refs): (Vec<_>, Vec<_>) =
        units[body_end..].iter().cloned().partition(|u| u.is_foot_note() || u.is_note_rest());
    let mut body_units: Vec<_> = units[body_start..body_end].iter().cloned().chain(foot).collect();
    for (at, u) in float_units.into_iter().rev() {
        body_units.insert(at.clamp(body_start, body_end) - body_start, u);
    }
    if refs_at.is_none() {
        references::report_unheaded_list(&units[body_start..], &mut diags);
    }
    let items = flow::segment(&body_units, &mut diags);
    let seq = notes::sequence(&items, &mut diags);
    let body = body::build(&items, &floats, &seq, &mut diags);
    let mut doc = Document::new();
    doc.meta = meta;
    doc.body = body;
    if let Some(r) = refs_at {
        // A running head on a page of the list is no entry: a line repeated on the pages
        // before the list (entries that differ only in their numbers, as archival sources
        // do, repeat inside the list only).
        let running = flow::running_heads(&units[..body_end]);
        let is_head = |line: &str| {
            line.len() <= flow::MAX_RUNNING_BYTES && running.contains_key(&flow::running_key(line))
        };
        let (entries, parts) = references::read_entries(&refs[1..], &is_head, &mut diags);
        let mut bib = Bibliography::new(units[r].first(), entries);
        bib.parts = parts;
        doc.back.bibliography = Some(bib);
    }
    if seq.notes.is_empty() {
        diags.push(Diagnostic::info("no-notes", 0, "no footnotes were found"));
    }
    diags.sort_by_key(|d| d.line);
    (doc, diags)
}

/// Where each float stands among the lines of the repaired text, in line order. A float's
/// first line is blank there; the line whose source number is the float's anchor (else the
/// first after it, else the last line) is its place.
fn float_anchors(floats: &[floats::Float], origin: &[u32]) -> Vec<units::FloatAt> {
    if floats.is_empty() {
        return Vec::new();
    }
    let mut index: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (i, &o) in origin.iter().enumerate() {
        index.entry(o).or_insert(i);
    }
    let mut out: Vec<units::FloatAt> = floats
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let line = index
                .get(&f.anchor)
                .copied()
                .or_else(|| origin.iter().position(|&o| o > f.anchor))
                .unwrap_or(origin.len().saturating_sub(1));
            let calls = format!("{} {}", f.caption, f.source.as_deref().unwrap_or_default());
            units::FloatAt { line, index: k, calls }
        })
        .collect();
    out.sort_by_key(|f| (f.line, f.index));
    out
}

#[cfg(test)]
mod tests {
    use super::read;

    /// A running head printed above the folio is dropped on the pages of the reference list
    /// too; archival sources that differ only in their numbers stay entries.
    #[test]
    fn running_heads_are_no_entries_and_archival_sources_stay() {
        let head = "Trade and Quarantine in the Baltic Ports";
        let para = "The committee met in the spring and the merchants wrote to the ministry at length, asking for rules.";
        let src = format!(
            "{para}\n\n{head}\n\n1\n\u{c}{para}\n\n{head}\n\n2\n\u{c}References\n\nARDA, f. 28, siy. 1, iş 37.\n\nARDA, f. 51, siy. 1, iş 120.\n\n{head}\n\n3\n"
        );
        let (doc, _) = read(&src);
        let entries: Vec<String> =
            doc.back.bibliography.unwrap().entries.into_iter().map(|e| e.raw).collect();
        assert_eq!(entries, ["ARDA, f. 28, siy. 1, iş 37.", "ARDA, f. 51, siy. 1, iş 120."]);
    }

    /// A heading can carry a call: pdftotext glues it to the heading's last number
    /// (`seit 189112`), and the heading keeps its year with the note hung on it.
    #[test]
    fn a_call_in_a_heading_is_a_note_of_the_heading() {
        let line = "The merchants of the fair met in the spring and wrote to the ministry at length about";
        let src = format!(
            "{line}\n{line}\n{line}\nthe rules of the trade and the duties.1\n\nDie Zollfrage seit 18912\n\
             {line}\n{line}\n{line}\nthe rules of the trade and the duties.\n\
             1Circular of the Ministry, 21 April 1877.\n2SächsStA-L, 20202, Nr. 1456, Bl. 23.\n\n1\n"
        );
        let (doc, _) = read(&src);
        let heading = doc
            .body
            .iter()
            .find_map(|b| match b {
                crate::model::Block::Heading { content, .. } => Some(content.clone()),
                _ => None,
            })
            .expect("a heading");
        assert!(
            matches!(&heading[0], crate::model::Inline::Text { text, .. } if text == "Die Zollfrage seit 1891"),
            "{heading:?}"
        );
        assert!(matches!(&heading[1], crate::model::Inline::Note(n) if n.label == "2"), "{heading:?}");
    }

    /// A divided reference list: its subheadings are the bibliography's parts.
    #[test]
    fn a_divided_reference_list_has_parts() {
        let para = "The committee met in the spring and the merchants wrote to the ministry at length, asking for rules.";
        let src = format!(
            "{para}\n\nKaynakça\n\nArşiv Kaynakları\n\nBOA, DH.MKT, 1432/12.\n\nKitap ve Makaleler\n\nAksoy, Hüseyin. Karantina. İstanbul: Kitabevi, 2015.\n"
        );
        let (doc, diags) = read(&src);
        let bib = doc.back.bibliography.unwrap();
        assert_eq!(bib.heading, "Kaynakça");
        assert_eq!(bib.entries.len(), 2);
        let parts: Vec<(&str, usize)> = bib.parts.iter().map(|p| (p.heading.as_str(), p.start)).collect();
        assert_eq!(parts, [("Arşiv Kaynakları", 0), ("Kitap ve Makaleler", 1)]);
        assert_eq!(bib.check_parts(), Ok(()));
        assert_eq!(diags.iter().filter(|d| d.code == "bib-subheading").count(), 2);
    }

    /// A table set at the top of a page: its caption, lines and source line become a table
    /// (the source line's call linked to its note, the numbers in it read as neither calls
    /// nor page numbers), and the paragraph it cut goes on after it.
    #[test]
    fn a_table_is_kept_verbatim_and_the_paragraph_it_cuts_goes_on() {
        use crate::model::{Block, Inline};
        let line = "The merchants of the fair met in the spring and wrote to the ministry at length about";
        let src = format!(
            "{line}\n{line}\n{line}\nthe rules of the trade and the duties.1 The governors of the\n\n1Circular of the Ministry, 21 April 1877.\n\n1\n\u{c}Table 1. Grain shipped, 1877\nPort\nOdessa\n2\n3\n\nSource: ГАРФ, ф. 1, оп. 2, д. 3.2\nprovinces wrote back in the summer.\n{line}\n{line}\nthe rules of the trade and the duties.\n\n2Ledger of the port, vol. 3.\n\n2\n"
        );
        let (doc, diags) = read(&src);
        let table = doc
            .body
            .iter()
            .find_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
            .expect("a table");
        assert_eq!(table.label.as_deref(), Some("Table 1"));
        assert_eq!(crate::model::plain_text(&table.caption), "Grain shipped, 1877");
        let cell = &table.body[0].cells[0].blocks[0];
        assert_eq!(cell, &Block::CodeBlock { text: "Port\nOdessa\n2\n3".into(), syntax: None });
        let source = table.source.as_ref().expect("a source line");
        assert!(
            matches!(source.last(), Some(Inline::Note(n)) if n.label == "2"),
            "the source's call is linked: {source:?}"
        );
        // The paragraph cut by the table is one paragraph, after it.
        let paras: Vec<String> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { content, .. } => Some(crate::model::plain_text(content)),
                _ => None,
            })
            .collect();
        assert_eq!(paras.len(), 1, "{paras:?}");
        assert!(paras[0].contains("The governors of the provinces wrote back"), "{paras:?}");
        assert!(
            diags.iter().any(|d| d.code == "text-table-verbatim" && d.line == 9 && d.col == 2),
            "{diags:?}"
        );
        assert!(!diags.iter().any(|d| d.code == "note-without-call"), "{diags:?}");
    }

    /// Notes whose number stands alone on its line (`1` / text), at the foot of a first page
    /// that the front matter runs over, are kept (they were once skipped as folios).
    #[test]
    fn first_page_notes_with_numbers_alone_are_never_lost() {
        let body =
            "The committee met in the spring and the merchants wrote to the ministry at length.1 They\n\
                    asked for rules rather than exemptions, and their letters were answered in the summer.2";
        let src = format!(
            "A Title of the Article\nAuthor Name\nAbstract\nThis article follows a committee through a scare, and argues a point.\n\n{body}\n\
             1\nCircular of the Ministry, 21 April 1877.\n2\nSee the minute books, vol. 3.\n\n1\n\u{c}The next page goes on with more text of the article.\n"
        );
        let (doc, _) = read(&src);
        let all = serde_json::to_string(&doc).unwrap();
        assert!(all.contains("Circular of the Ministry"), "{all}");
        assert!(all.contains("See the minute books"), "{all}");
    }
}
