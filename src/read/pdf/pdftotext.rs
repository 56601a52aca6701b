//! The poppler bridge: a PDF's text extracted by `pdftotext -enc UTF-8` (the extractor most
//! users' text comes from, and the one the text reader reads best). Used when the glyph reader
//! ([`super::glyphs`]) cannot read a PDF; not at all where poppler is not installed (the
//! message says how to get it).

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The longest `pdftotext` may take on one PDF (a few hundred pages take seconds).
const TIMEOUT: Duration = Duration::from_secs(120);

/// Extracts the text of the PDF at `path` with `pdftotext -enc UTF-8` (form feeds between
/// pages, one line per printed line), with an informational diagnostic saying so.
pub fn extract(path: &Path) -> Result<(String, Diagnostic)> {
    let refuse = |why: String| Error::input(path, 0, 0, why);
    let mut child = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            refuse(format!(
                "this is a PDF file; colophon reads PDFs through poppler's `pdftotext`, which could not be run ({e}): \
                 install poppler (Debian/Ubuntu: `apt-get install poppler-utils`), or extract the text yourself \
                 (`pdftotext -enc UTF-8 FILE.pdf`) and convert the .txt"
            ))
        })?;
    // Both pipes are drained on threads while this one watches the clock: a full pipe would
    // stop pdftotext (a broken PDF can write megabytes of warnings). Past the caps the rest
    // is read and dropped, so that pdftotext ends and the size is reported, not a timeout.
    let stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || capped(stdout, crate::read::source::MAX_INPUT_BYTES + 1));
    let stderr = child.stderr.take().expect("piped");
    let warnings = std::thread::spawn(move || capped(stderr, 64 * 1024));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| refuse(format!("pdftotext failed: {e}")))? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(refuse(format!(
                "pdftotext took more than {} s on this PDF and was stopped",
                TIMEOUT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = reader.join().map_err(|_| refuse("pdftotext's output could not be read".into()))?;
    let out = out.map_err(|e| refuse(format!("pdftotext's output could not be read: {e}")))?;
    let err = warnings.join().ok().and_then(Result::ok).unwrap_or_default();
    let err = String::from_utf8_lossy(&err);
    if !status.success() {
        let first = err.lines().next().unwrap_or("no message");
        return Err(refuse(format!("pdftotext could not read this PDF ({status}): {first}")));
    }
    if out.len() as u64 > crate::read::source::MAX_INPUT_BYTES {
        return Err(refuse(format!(
            "the PDF's text is over {} MB; colophon reads at most that",
            crate::read::source::MAX_INPUT_BYTES >> 20
        )));
    }
    let text = String::from_utf8_lossy(&out).replace("\r\n", "\n");
    if text.chars().all(|c| c.is_whitespace()) {
        return Err(refuse(
            "the PDF has no text to extract (a scan without a text layer?): run OCR on it first".into(),
        ));
    }
    let note = Diagnostic::info(
        "pdf-text",
        0,
        "the PDF's text was extracted with poppler's `pdftotext -enc UTF-8`; line numbers below are lines of \
         that text (run the same command to see it)",
    );
    Ok((text, note))
}

/// Reads `pipe` to its end, keeping the first `cap` bytes.
fn capped(mut pipe: impl Read, cap: u64) -> std::io::Result<Vec<u8>> {
    let mut kept = Vec::new();
    (&mut pipe).take(cap).read_to_end(&mut kept)?;
    std::io::copy(&mut pipe, &mut std::io::sink())?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that is no PDF makes pdftotext fail (or, without poppler, not run): either
    /// way an input error, never a panic.
    #[test]
    fn a_broken_pdf_is_an_input_error() {
        let dir = std::env::temp_dir().join(format!("colophon-pdf-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("broken.pdf");
        std::fs::write(&path, b"%PDF-1.7\nnot really a PDF\n").unwrap();
        let got = extract(&path);
        std::fs::remove_dir_all(&dir).ok();
        assert!(matches!(got, Err(Error::Input { .. })), "{got:?}");
    }

    /// A pipe is read to its end whatever the cap, and only the cap is kept.
    #[test]
    fn a_capped_read_drains_the_pipe() {
        let mut data: &[u8] = &[7u8; 100_000];
        assert_eq!(capped(&mut data, 10).unwrap(), vec![7u8; 10]);
        assert!(data.is_empty(), "the rest was read and dropped");
    }
}
