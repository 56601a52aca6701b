#![no_main]
//! Structure-aware: the fuzz bytes become a document of the model (see `colophon_fuzz::model`)
//! with notes in every place, empty and huge blocks and every script; every writer, DOCX
//! included, must keep the invariants of `colophon_fuzz::check::every_writer` on it.
//!
//! With `COLOPHON_FUZZ_DUMP=<file>` set, the document is also written there as colophon JSON
//! (how a crash input becomes a regression file `tests/robustness.rs` converts).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = colophon_fuzz::model::Gen::new(data).document();
    if let Some(path) = std::env::var_os("COLOPHON_FUZZ_DUMP") {
        let _ = std::fs::write(path, colophon::write::json::write(&doc));
    }
    colophon_fuzz::check::every_writer(&doc);
});
