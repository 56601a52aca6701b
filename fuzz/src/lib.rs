//! Shared helpers for the colophon fuzz targets.

use colophon::enrich::shelfmark::ArchiveTable;
use colophon::{Document, Resources};
use std::sync::OnceLock;

/// The built-in resources, parsed once per process (the archive table is TOML-parsed).
pub fn resources() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(Resources::default)
}

/// The built-in archive table.
pub fn table() -> &'static ArchiveTable {
    &resources().archives
}

/// Runs the enrichment pass on a document a reader produced; it must never panic.
pub fn enrich(mut doc: Document) {
    let _ = colophon::enrich(&mut doc, resources());
}

/// Enriches a document, then writes it in every format; none may panic.
pub fn write_all(mut doc: Document) {
    let _ = colophon::enrich(&mut doc, resources());
    for format in colophon::Format::ALL {
        let _ = colophon::write(&doc, format, resources());
    }
}

pub mod check;
pub mod model;
