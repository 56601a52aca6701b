#![no_main]
//! TEI reader (`colophon::read::tei::read`), then `colophon::enrich` on success.

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if let Ok((doc, _diags)) = colophon::read::tei::read(Path::new("fuzz.tei.xml"), src) {
        colophon_fuzz::enrich(doc);
    }
});
