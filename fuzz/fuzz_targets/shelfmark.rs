#![no_main]
//! Shelfmark parser (`colophon::enrich::shelfmark::find`), then `colophon::enrich` on a
//! one-paragraph document holding the same text (the in-document span bookkeeping).

use colophon::model::{Block, Document, Inline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let found = colophon::enrich::shelfmark::find(src, colophon_fuzz::table());
    // Documented contract: byte ranges in order, on char boundaries, `raw == text[start..end]`.
    let mut last = 0;
    for f in &found {
        assert!(
            last <= f.start && f.start <= f.end && f.end <= src.len(),
            "bad range {}..{}",
            f.start,
            f.end
        );
        assert_eq!(src.get(f.start..f.end), Some(f.shelfmark.raw.as_str()), "raw is not text[start..end]");
        last = f.end;
    }
    let mut doc = Document::new();
    doc.body.push(Block::paragraph(vec![Inline::Text { text: src.to_owned() }]));
    colophon_fuzz::enrich(doc);
});
