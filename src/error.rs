//! Fatal errors of the library and the process exit codes they map to.

use std::path::PathBuf;

/// Process exit codes, documented in `--help` and the README. Higher is worse, so a batch
/// exits with the maximum of its files' codes.
pub mod exit {
    /// Everything converted.
    pub const OK: i32 = 0;
    /// Converted, but `--strict` was given and warnings were reported.
    pub const WARNINGS: i32 = 1;
    /// The command line was wrong (unknown flag or format).
    pub const USAGE: i32 = 2;
    /// An input could not be read or understood.
    pub const INPUT: i32 = 3;
    /// An output could not be written.
    pub const OUTPUT: i32 = 4;
}

/// A failure that stops the conversion of one input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The input is not something colophon can read (empty, binary, wrong encoding, malformed).
    #[error("{path}{}: {message}", position(*line, *col))]
    Input {
        /// The file.
        path: PathBuf,
        /// 1-based line, 0 when not applicable.
        line: u32,
        /// 1-based column, 0 when not applicable.
        col: u32,
        /// What is wrong and, where possible, how to fix it.
        message: String,
    },
    /// An output could not be written.
    #[error("{path}: cannot write: {source}")]
    Output {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// An input of a kind colophon cannot read (an image, an EPUB, HTML, UTF-16, binary
    /// data), told by its content: a usage error, one line with the kinds colophon reads.
    #[error("{}; {} is {kind}{}", crate::read::READS, path.display(), hint.as_ref().map_or(String::new(), |h| format!(": {h}")))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What it is (`a PNG image`).
        kind: String,
        /// How to make it readable, when there is a way.
        hint: Option<String>,
    },
    /// A request colophon cannot satisfy (unknown input kind, bad setting).
    #[error("{0}")]
    Unsupported(String),
}

fn position(line: u32, col: u32) -> String {
    match (line, col) {
        (0, _) => String::new(),
        (l, 0) => format!(":{l}"),
        (l, c) => format!(":{l}:{c}"),
    }
}

impl Error {
    /// Creates an input error at a position.
    pub fn input(path: impl Into<PathBuf>, line: u32, col: u32, message: impl Into<String>) -> Self {
        Error::Input { path: path.into(), line, col, message: message.into() }
    }

    /// Returns the process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } | Error::Input { .. } => exit::INPUT,
            Error::Output { .. } => exit::OUTPUT,
            Error::Unsupported(_) | Error::Unreadable { .. } => exit::USAGE,
        }
    }
}

/// Reads a UTF-8 file (a template, table or metadata file), naming it in the error.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

/// A shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
