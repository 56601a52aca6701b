//! Writers: each turns the model into one output format. Writers only read the model.

pub mod epub;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod tei;
pub mod xhtml;

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename,
/// so a failed run never leaves a partial output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let out_err = |source| Error::Output { path: path.to_path_buf(), source };
    std::fs::create_dir_all(dir).map_err(out_err)?;
    let mut tmp = tempfile::Builder::new().prefix(".colophon-").tempfile_in(dir).map_err(out_err)?;
    tmp.write_all(bytes).map_err(out_err)?;
    // A temporary file is private (0600); an output is a document to share.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(out_err)?;
    }
    tmp.as_file().sync_all().map_err(out_err)?;
    tmp.persist(path).map_err(|e| out_err(e.error))?;
    Ok(())
}
