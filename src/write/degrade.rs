//! The nearest plain form of a table or figure, for a writer that cannot set one: every
//! word and note kept, in reading order, the structure given up (the writer says so).

use crate::model::{Block, Figure, Inline, Table};

/// The table as paragraphs: its label and caption, one paragraph per row with the cells
/// separated by ` | ` (a row of one cell keeps that cell's blocks: a preformatted block
/// stays one), and its source line.
pub fn table_blocks(t: &Table) -> Vec<Block> {
    let mut out = Vec::new();
    let head = caption_line(t.label.as_deref(), &t.caption);
    if !head.is_empty() {
        out.push(Block::paragraph(head));
    }
    for row in t.rows() {
        if let [cell] = row.cells.as_slice() {
            out.extend(cell.blocks.iter().cloned());
            continue;
        }
        let mut line = Vec::new();
        for (i, cell) in row.cells.iter().enumerate() {
            if i > 0 {
                line.push(Inline::text(" | "));
            }
            let mut texts = Vec::new();
            cell.blocks.iter().for_each(|b| texts_of(b, &mut texts));
            for (j, text) in texts.into_iter().enumerate() {
                if j > 0 {
                    line.push(Inline::text(" "));
                }
                line.extend(text);
            }
        }
        out.push(Block::paragraph(line));
    }
    if let Some(source) = &t.source {
        out.push(Block::paragraph(source.clone()));
    }
    out
}

/// The figure as paragraphs: a bracketed line naming each image by its description (or its
/// file), then the label and caption, and the source line.
pub fn figure_blocks(f: &Figure) -> Vec<Block> {
    let mut out = Vec::new();
    for image in &f.images {
        let what = f.alt.as_deref().filter(|a| !a.is_empty()).unwrap_or(&image.src);
        out.push(Block::paragraph(vec![Inline::text(format!("[{what}]"))]));
    }
    let head = caption_line(f.label.as_deref(), &f.caption);
    if !head.is_empty() {
        out.push(Block::paragraph(head));
    }
    if let Some(source) = &f.source {
        out.push(Block::paragraph(source.clone()));
    }
    out
}

/// The nearest plain form of a table or a figure (nothing for the other blocks).
pub fn table_or_figure_blocks(b: &Block) -> Vec<Block> {
    match b {
        Block::Table(t) => table_blocks(t),
        Block::Figure(f) => figure_blocks(f),
        _ => Vec::new(),
    }
}

/// The inline texts of `b`'s paragraphs and headings, and of its preformatted blocks (as
/// code), in reading order.
fn texts_of(b: &Block, out: &mut Vec<Vec<Inline>>) {
    match b {
        Block::CodeBlock { text, .. } => out.push(vec![Inline::Code { text: text.clone() }]),
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => out.push(content.clone()),
        _ => b.children().into_iter().for_each(|c| texts_of(c, out)),
    }
}

/// `Table 1. ` and the caption, or whichever of them there is.
pub fn caption_line(label: Option<&str>, caption: &[Inline]) -> Vec<Inline> {
    let mut out = Vec::new();
    if let Some(label) = label.filter(|l| !l.is_empty()) {
        out.push(Inline::text(if caption.is_empty() { label.to_string() } else { format!("{label}. ") }));
    }
    out.extend(caption.iter().cloned());
    out
}

/// The text shown for an image in a line when it cannot be shown: its description, or its
/// file name in brackets.
pub fn image_text(alt: &str, src: &str) -> String {
    if alt.is_empty() {
        format!("[{src}]")
    } else {
        alt.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Column, Row};

    #[test]
    fn preformatted_cells_keep_their_lines() {
        let code = |s: &str| Block::CodeBlock { text: s.into(), syntax: None };
        let t = Table {
            columns: vec![Column::default(); 1],
            body: vec![Row { cells: vec![Cell::new(vec![code("Year  Souls\n1897  41 250")])] }],
            ..Table::default()
        };
        assert_eq!(table_blocks(&t), vec![code("Year  Souls\n1897  41 250")]);
        let two = Table {
            columns: vec![Column::default(); 2],
            body: vec![Row { cells: vec![Cell::new(vec![code("a\nb")]), Cell::new(vec![code("c")])] }],
            ..Table::default()
        };
        let flat = table_blocks(&two);
        let [Block::Paragraph { content, .. }] = flat.as_slice() else { panic!() };
        assert_eq!(crate::model::plain_text(content), "a\nb | c");
    }

    #[test]
    fn a_table_keeps_every_cell_in_reading_order() {
        let cell = |s: &str| Cell::new(vec![Block::paragraph(vec![Inline::text(s)])]);
        let t = Table {
            label: Some("Table 1".into()),
            caption: vec![Inline::text("Population")],
            columns: vec![Column::default(); 2],
            head: vec![Row { cells: vec![cell("Year"), cell("Souls")] }],
            body: vec![Row { cells: vec![cell("1897"), cell("12 000")] }],
            source: Some(vec![Inline::text("Source: census.")]),
            ..Table::default()
        };
        let text: Vec<String> =
            table_blocks(&t).iter().map(|b| crate::model::plain_text(b.content())).collect();
        assert_eq!(text, ["Table 1. Population", "Year | Souls", "1897 | 12 000", "Source: census."]);
    }
}
