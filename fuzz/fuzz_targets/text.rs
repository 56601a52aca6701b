#![no_main]
//! Text reader (`colophon::read::text::read`), then `colophon::enrich`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (doc, _diags) = colophon::read::text::read(src);
    colophon_fuzz::enrich(doc);
});
