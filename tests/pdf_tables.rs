//! Tables and figures in the print PDF, from the model-JSON fixtures of `tests/pdf_tables/`
//! (made by `make-fixtures.py` there): a long table that runs onto a second page with its
//! header repeated, a note in a cell at the foot of the row's page, a wide table set
//! smaller, figures with a PNG and a JPEG and a placeholder for a missing image, all
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
    let input = root().join("tests/pdf_tables").join(format!("{name}.json"));
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
