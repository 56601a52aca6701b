#![no_main]
//! Every writer on what a reader makes of arbitrary text: the text reader (or the Markdown
//! reader, for input that starts with `#`), enrichment, then TEI, EPUB, PDF, Markdown and
//! JSON. No writer may panic on a document a reader produced; an error is an answer.

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let doc = if src.starts_with('#') {
        match colophon::read::markdown::read(Path::new("fuzz.md"), src) {
            Ok((doc, _)) => doc,
            Err(_) => return,
        }
    } else {
        colophon::read::text::read(src).0
    };
    colophon_fuzz::write_all(doc);
});
