#![no_main]
//! Markdown reader (`colophon::read::markdown::read`), then `colophon::enrich` on success.

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if let Ok((doc, _diags)) = colophon::read::markdown::read(Path::new("fuzz.md"), src) {
        colophon_fuzz::enrich(doc);
    }
});
