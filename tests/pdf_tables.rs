//! Tables and figures in the print PDF, from the model-JSON fixtures of `tests/pdf_tables/`
//! (made by `make-fixtures.py` there): a long table that runs onto a second page with its
//! header repeated, a note in a cell at the foot of the row's page, a wide table set
//! smaller, figures with a PNG and a JPEG and a placeholder for a missing image, tables
//! and figures inside a quotation and list items (a table in a note printed as paragraphs),
//! images in lines of text (`nested.json`, and `lines.md` through the Markdown reader), all
//! through krilla's PDF/A-2a and PDF/UA-1 validators (a failing one fails the command),
//! `qpdf --check`, `pdftotext`, `pdfimages` and the structure tree.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Converts fixture `name` to PDF in a temporary directory: the directory (kept alive), the
/// PDF's path and the command's diagnostics.
fn convert(name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    // A model-JSON fixture by its stem, a Markdown one by its file name.
    let (file, name) = match name.strip_suffix(".md") {
        Some(stem) => (name.to_string(), stem),
        None => (format!("{name}.json"), name),
    };
    let input = root().join("tests/pdf_tables").join(file);
    let o = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", input.to_str().unwrap(), "-t", "pdf", "-o", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    // krilla validates PDF/A-2a and PDF/UA-1 as it writes: a violation fails the command.
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let pdf = dir.path().join(format!("{name}.pdf"));
    if let Some(o) = pdf_tool("qpdf", &["--check", pdf.to_str().unwrap()]) {
        assert!(o.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&o.stdout));
    }
    (dir, pdf, stderr)
}

/// The text of page `n` (from 1), or of every page when `n` is 0, one line per line.
fn text(pdf: &Path, n: usize) -> Option<String> {
    let p = pdf.to_str().unwrap();
    let page = n.to_string();
    let args: Vec<&str> = if n == 0 { vec![p, "-"] } else { vec!["-f", &page, "-l", &page, p, "-"] };
    pdf_tool("pdftotext", &args).map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The structure tree as `pdfinfo -struct-text` prints it.
fn tree(pdf: &Path) -> Option<String> {
    pdf_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()])
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn a_long_table_runs_onto_the_next_page_with_its_header_and_keeps_its_cells_in_order() {
    let (_dir, pdf, _) = convert("long");
    let Some(one) = text(&pdf, 1) else { return };
    let two = text(&pdf, 2).unwrap();
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Caption, header and rows in reading order, each row's cells left to right.
    let one = flat(&one);
    let order = [
        "The figures are given in Table 1 below.",
        "Table 1. Population of the districts, 1897 and 1913",
        "District Population Share (%) 1897 1913",
        "District 01 12 000 13 000 0.5",
        "District 02 12 137 13 151 7.5",
        "District 04 of the upper valley 12 411 13 453 8.5",
    ];
    let mut at = 0;
    for want in order {
        let found = one[at..].find(want).unwrap_or_else(|| panic!("{want:?} not in order on page 1: {one}"));
        at += found + want.len();
    }
    assert!(!one.contains("(continued)"), "{one}");
    // The continuation: label, "(continued)", the header again, then the rows it holds.
    let two = flat(&two);
    let cont = two.find("Table 1 (continued) District Population Share (%) 1897 1913").expect(&two);
    let row = two.find("District 70 21 453 23 419 2.5").expect(&two);
    assert!(cont < row, "{two}");
    assert!(
        two.contains("Total 918 000 997 000 100.0") && two.contains("Source: RGVIA, f. 400, op. 1, d. 12.")
    );
    // Every body row once in the whole text (the repeated header is no row).
    let all = flat(&text(&pdf, 0).unwrap());
    for i in 1..=70 {
        let name = format!("District {i:02}");
        assert_eq!(all.matches(&format!("{name} ")).count(), 1, "{name}: {all}");
    }
    // The note of a cell is at the foot of the page of its row.
    let page_of = |needle: &str| (1..=3).find(|&n| text(&pdf, n).unwrap().contains(needle));
    let row = page_of("14 180").expect("the row with the note");
    assert_eq!(page_of("The census of 1897 counted"), Some(row));
    // The cross-reference printed the table's label.
    assert!(all.contains("given in Table 1 below"));
}

#[test]
fn a_table_is_tagged_with_its_header_body_footer_spans_and_caption() {
    let (_dir, pdf, _) = convert("long");
    let Some(tree) = tree(&pdf) else { return };
    for tag in ["Table", "THead", "TBody", "TFoot", "Caption"] {
        assert!(tree.lines().any(|l| l.trim_start().starts_with(tag)), "{tag}: {tree}");
    }
    assert_eq!(tree.lines().filter(|l| l.trim() == "TR").count(), 2 + 70 + 1, "{tree}");
    assert!(tree.contains("/Scope /Column") && tree.contains("/Scope /Row"), "{tree}");
    assert!(tree.contains("/RowSpan 2") && tree.contains("/ColSpan 2"), "{tree}");
    // The header is tagged once: its repetition on page 2 is an artifact.
    assert_eq!(tree.matches("\"Population \"").count(), 1, "{tree}");
}

#[test]
fn a_table_wider_than_the_measure_is_set_smaller_and_says_so() {
    let (_dir, pdf, stderr) = convert("wide");
    assert!(stderr.contains("pdf-table-smaller"), "{stderr}");
    let Some(all) = text(&pdf, 0) else { return };
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in ["Governorate", "Christians", "Remarks", "Elisavetpolskaya", "30005", "11005"] {
        assert!(flat.contains(want), "{want}: {flat}");
    }
    assert!(flat.contains("incomplete returns from the mountain villages"), "{flat}");
}

#[test]
fn figures_show_their_images_captions_and_a_placeholder_for_a_missing_one() {
    let (_dir, pdf, stderr) = convert("figures");
    assert!(stderr.contains("pdf-image-placeholder") && stderr.contains("maps/lost.png"), "{stderr}");
    assert!(stderr.contains("pdf-figure-no-alt"), "{stderr}");
    let p = pdf.to_str().unwrap();
    if let Some(o) = pdf_tool("pdfimages", &["-list", p]) {
        let list = String::from_utf8_lossy(&o.stdout);
        let rows: Vec<&str> = list.lines().skip(2).collect();
        assert_eq!(rows.len(), 2, "{list}");
        assert!(rows.iter().any(|r| r.contains(" 800 ") && r.contains(" 500 ")), "{list}");
        assert!(
            rows.iter().any(|r| r.contains(" 600 ") && r.contains(" 820 ") && r.contains("jpeg")),
            "{list}"
        );
    }
    let Some(all) = text(&pdf, 0) else { return };
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "See Figure 1 and Figure 2.",
        "Figure 1. The district in 1878",
        "Source: BOA, HRT.h, 512.",
        "Figure 2. The first page of the petition",
        "[maps/lost.png]",
        "Figure 3. A map that was not found",
    ] {
        assert!(flat.contains(want), "{want}: {flat}");
    }
    // The note of a caption is at the foot of the figure's page.
    let one = text(&pdf, 1).unwrap();
    assert!(one.contains("Figure 1.") && one.contains("Drawn by the survey of 1878."), "{one}");
    // Figure 2 does not fit under the text that precedes it: it leads page 2, and the
    // text after it fills page 1.
    let two = text(&pdf, 2).unwrap();
    let scan = "Figure 2. The first page";
    assert!(two.contains(scan) && !one.contains(scan), "{one}\n---\n{two}");
    if let Some(tree) = tree(&pdf) {
        assert_eq!(tree.lines().filter(|l| l.trim() == "Figure").count(), 3, "{tree}");
        assert_eq!(tree.lines().filter(|l| l.trim() == "Caption").count(), 3, "{tree}");
    }
    // Each figure's alternate text: its description, else its caption.
    let qdf = pdf.with_extension("qdf");
    if pdf_tool("qpdf", &["--qdf", "--object-streams=disable", p, qdf.to_str().unwrap()]).is_some() {
        let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
        for alt in [
            "/Alt (A map of the district with its villages and roads)",
            "/Alt (Figure 2. The first page of the petition)",
            "/Alt (Figure 3. A map that was not found)",
        ] {
            assert!(raw.contains(alt), "{alt}");
        }
    }
}

#[test]
fn odd_tables_and_figures_print_every_word_without_failing() {
    // No columns for a row's cells, a span past the last row, a table without rows,
    // shares of the measure over the whole, a figure without images, an image whose bytes
    // are not in the document, a cross-reference to nothing.
    let (_dir, pdf, stderr) = convert("edges");
    for code in ["pdf-table-grid", "pdf-image-placeholder", "pdf-ref-unknown"] {
        assert!(stderr.contains(code), "{code}: {stderr}");
    }
    let Some(all) = text(&pdf, 0) else { return };
    for want in ["See nowhere.", "Supercalifragilisticexpialidocious", "[x.png]", "Tall"] {
        assert!(all.contains(want), "{want}: {all}");
    }
}

/// The words of `s`, one space apart.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `wants` occur in `text` in this order.
fn in_order(text: &str, wants: &[&str]) {
    let mut at = 0;
    for want in wants {
        let found = text[at..].find(want).unwrap_or_else(|| panic!("{want:?} not in order in: {text}"));
        at += found + want.len();
    }
}

/// The file as qpdf's QDF form (streams uncompressed), for looking at its objects.
fn qdf(pdf: &Path) -> Option<String> {
    let out = pdf.with_extension("qdf");
    pdf_tool("qpdf", &["--qdf", "--object-streams=disable", pdf.to_str().unwrap(), out.to_str().unwrap()])?;
    Some(String::from_utf8_lossy(&std::fs::read(&out).ok()?).into_owned())
}

#[test]
fn tables_and_figures_in_a_quotation_and_list_items_are_set_as_tables_and_figures() {
    let (_dir, pdf, stderr) = convert("nested");
    assert!(!stderr.contains("pdf-overfull-line"), "{stderr}");
    // Only the table in the note is printed as paragraphs, and the reference to it unlinked.
    assert!(stderr.contains("warning[pdf-table-flattened]: Table 3: the table inside a note"), "{stderr}");
    assert!(stderr.contains("pdf-ref-unlinked") && stderr.contains("\"tbl:note\""), "{stderr}");
    assert_eq!(stderr.matches("-flattened").count(), 1, "{stderr}");
    let Some(all) = text(&pdf, 0) else { return };
    let all = flat(&all);
    // Every cell of the quoted table once, in order, across the page break (the repeated
    // header is furniture: the words of the header occur twice in the text, the rows once).
    let mut rows = vec!["Table 1. Households counted by the delegates", "Village Households Left"];
    let cells: Vec<String> = (1..=40).map(|i| format!("Village {i:02} {} {}", 100 + 7 * i, i % 9)).collect();
    rows.extend(cells.iter().map(String::as_str));
    rows.extend(["Source: SCAA, f. 24, op. 1, d. 3.", "and asked that it be sent on to Tiflis unchanged."]);
    in_order(&all, &rows);
    for c in &cells {
        assert_eq!(all.matches(&format!("{c} ")).count(), 1, "{c}");
    }
    let two = flat(&text(&pdf, 2).unwrap());
    assert!(
        two.starts_with("Tables and figures") && two.contains("Table 1 (continued) Village Households Left"),
        "{two}"
    );
    in_order(
        &all,
        &[
            "Each signatory sealed it:",
            "Table 2. Seals of the petition",
            "Signatory Seal",
            "The khan",
            "The scribe none",
        ],
    );
    in_order(
        &all,
        &[
            "3. Figure 2. The delegates' petition",
            "The petition was written by the village scribe.",
            "4. Each",
        ],
    );
    // The table in the note: every word, as paragraphs.
    in_order(
        &all,
        &[
            "The commission compared it",
            "Table 3. The two counts",
            "Count | Households",
            "Delegates | 466",
            "Census | 471",
        ],
    );
    // Cross-references print their targets' labels.
    assert!(all.contains("The counts are in Table 1 and Table 3; the map is Figure 1, the petition Figure 2 and its seals Table 2."), "{all}");
    if let Some(o) = pdf_tool("pdfimages", &["-list", pdf.to_str().unwrap()]) {
        let list = String::from_utf8_lossy(&o.stdout);
        // Page 1: the seal and the signature in a line; page 2: the two figures of the
        // list; page 3: the seal in a cell.
        let pages: Vec<&str> = list.lines().skip(2).filter_map(|r| r.split_whitespace().next()).collect();
        assert_eq!(pages, ["1", "1", "2", "2", "3"], "{list}");
    }
    let Some(tree) = tree(&pdf) else { return };
    let depth = |l: &str| l.len() - l.trim_start().len();
    let lines: Vec<&str> = tree.lines().collect();
    // The table inside the quotation, the figures inside the list's items.
    let quote = lines.iter().position(|l| l.trim() == "BlockQuote").expect("a quotation");
    let table = lines.iter().position(|l| l.trim() == "Table (block)").expect("a table");
    assert!(quote < table && depth(lines[table]) > depth(lines[quote]), "{tree}");
    assert!(lines[quote + 1..table].iter().all(|l| depth(l) > depth(lines[quote])), "{tree}");
    let bodies: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].trim() == "LBody (block)").collect();
    let figures: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].trim() == "Figure").collect();
    assert!(figures.len() >= 4, "two figures, two images in lines, one in a cell: {tree}");
    let in_body = |f: usize| {
        bodies.iter().any(|&b| {
            b < f
                && depth(lines[f]) > depth(lines[b])
                && lines[b..f].iter().skip(1).all(|l| depth(l) > depth(lines[b]))
        })
    };
    assert!(figures.iter().filter(|&&f| in_body(f)).count() >= 3, "{tree}");
    assert_eq!(lines.iter().filter(|l| l.trim() == "Table (block)").count(), 2, "{tree}");
    // Links to the tables and figures that are set (four), each tagged `Link`.
    assert!(
        lines.iter().filter(|l| l.trim() == "Link (inline)" || l.trim() == "Link").count() >= 4 + 2,
        "{tree}"
    );
}

#[test]
fn images_in_lines_are_drawn_and_tagged_as_figures_with_their_descriptions() {
    let (_dir, pdf, stderr) = convert("nested");
    assert!(stderr.contains("pdf-line-image-placeholder") && stderr.contains("seals/lost.png"), "{stderr}");
    if let Some(o) = pdf_tool("pdfimages", &["-list", pdf.to_str().unwrap()]) {
        let list = String::from_utf8_lossy(&o.stdout);
        let one: Vec<&str> = list.lines().skip(2).filter(|r| r.trim_start().starts_with("1 ")).collect();
        assert!(one.iter().any(|r| r.contains(" 800 ") && r.contains(" 500 ")), "{list}");
        assert!(
            one.iter().any(|r| r.contains(" 600 ") && r.contains(" 820 ") && r.contains("jpeg")),
            "{list}"
        );
    }
    let Some(all) = text(&pdf, 1) else { return };
    // The words around the images keep their order; the missing one prints its description.
    in_order(
        &flat(&all),
        &[
            "carries the seal",
            "of the khan beside the signature",
            "and a stamp a round stamp that was not found.",
        ],
    );
    let Some(raw) = qdf(&pdf) else { return };
    for alt in
        ["/Alt (the khan's seal)", "/Alt (the scribe's signature)", "/Alt (The first page of the petition)"]
    {
        assert!(raw.contains(alt), "{alt}");
    }
    let Some(structure) = tree(&pdf) else { return };
    // In the paragraph, between its words.
    in_order(
        &structure,
        &[
            "\"The petition carries the seal \"",
            "Figure",
            "\"of the khan beside the signature \"",
            "Figure",
            "\"and a stamp",
        ],
    );

    // Through the Markdown reader: images in a line, a table and a figure in list items.
    let (_dir, pdf, stderr) = convert("lines.md");
    assert!(
        stderr.contains("pdf-line-image-no-alt") && stderr.contains("pdf-line-image-placeholder"),
        "{stderr}"
    );
    if let Some(o) = pdf_tool("pdfimages", &["-list", pdf.to_str().unwrap()]) {
        let list = String::from_utf8_lossy(&o.stdout);
        // Two images in the first paragraph, the map of the list, the seal after the list.
        assert_eq!(list.lines().skip(2).count(), 4, "{list}");
    }
    let Some(all) = text(&pdf, 0) else { return };
    let all = flat(&all);
    in_order(
        &all,
        &[
            "The delegates' count is Table 1, the map Figure 1.",
            "1. The frontier villages had lost households:",
            "Table 1. Households counted by the delegates",
            "Village Households Left",
            "Qarabağlar 212 40",
            "Şahbuz 158 12",
            "Culfa 96 7",
            "2. The roads",
            "Figure 1. The roads of the district in 1878",
            "3. The delegates",
        ],
    );
    let Some(tree) = tree(&pdf) else { return };
    assert_eq!(tree.lines().filter(|l| l.trim() == "Table (block)").count(), 1, "{tree}");
    assert_eq!(tree.lines().filter(|l| l.trim() == "Figure").count(), 4, "{tree}");
}
