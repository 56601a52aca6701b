//! What a run loads once and shares between inputs: the archive table now; templates, CSS
//! and fonts as their writers arrive. Built in, overridable from a templates folder.

use crate::enrich::shelfmark::ArchiveTable;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Tables and templates for one run.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Archives recognised in shelfmarks.
    pub archives: ArchiveTable,
    /// The folder the user's templates came from, if any.
    pub templates: Option<PathBuf>,
}

impl Resources {
    /// Returns the built-in resources.
    pub fn builtin() -> Self {
        Resources::default()
    }

    /// Loads resources, taking each file present in `templates` (`archives.toml`) instead of
    /// the built-in one. A missing or unreadable folder is an error, not a silent fallback.
    pub fn load(templates: Option<&Path>) -> Result<Self> {
        let Some(dir) = templates else { return Ok(Self::builtin()) };
        if !dir.is_dir() {
            return Err(Error::input(
                dir,
                0,
                0,
                "the templates folder does not exist (give --templates an existing folder)",
            ));
        }
        let table = dir.join("archives.toml");
        let archives = if table.is_file() { ArchiveTable::load(&table)? } else { ArchiveTable::builtin() };
        Ok(Resources { archives, templates: Some(dir.to_path_buf()) })
    }
}
