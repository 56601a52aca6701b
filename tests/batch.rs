//! Batches: folders walked, failures isolated with a summary and the worst exit code, no
//! partial file when a conversion dies, deterministic shards, standard input and output.

mod common;

use common::root;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn colophon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_colophon")).args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, relative, sorted (hidden ones included).
fn tree(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        walk(dir).iter().map(|p| p.strip_prefix(dir).unwrap().display().to_string()).collect();
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A folder of the fixtures' texts (in `vol1/`) and the example (at the top).
fn corpus(dir: &Path) -> usize {
    let vol = dir.join("vol1");
    std::fs::create_dir_all(&vol).unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(root().join("tests/fixtures")).unwrap().flatten() {
        let input = e.path().join("input.txt");
        if input.is_file() {
            std::fs::copy(&input, vol.join(format!("{}.txt", e.file_name().to_string_lossy()))).unwrap();
            n += 1;
        }
    }
    std::fs::copy(root().join("input/zangezur-article.txt"), dir.join("zangezur.txt")).unwrap();
    n + 1
}

#[test]
fn a_folder_converts_with_its_layout_mirrored_and_a_bad_file_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let n = corpus(&input);
    std::fs::write(input.join("vol1/broken.txt"), b"Title\n\nab\xFFcd").unwrap();
    std::fs::write(input.join("vol1/notes.pdf"), b"not an input").unwrap();
    let out = dir.path().join("out");
    let o = colophon(&[
        "convert",
        input.to_str().unwrap(),
        "-t",
        "tei,json",
        "-o",
        out.to_str().unwrap(),
        "-j",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(3), "the worst outcome: {}", stderr(&o));
    let files = tree(&out);
    assert_eq!(files.len(), 2 * n, "{files:?}");
    assert!(
        files.contains(&"zangezur.tei.xml".to_string())
            && files.contains(&"vol1/010-ukrainian.json".to_string())
    );
    let e = stderr(&o);
    assert!(e.contains(&format!("converted {n} of {} files", n + 1)), "{e}");
    assert!(e.contains("1 failed") && e.contains("broken.txt"), "{e}");
}

#[test]
fn an_output_that_cannot_be_written_fails_alone_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let n = corpus(&input);
    let out = dir.path().join("out");
    // Injected failure: a folder where one PDF should go, so its rename fails.
    std::fs::create_dir_all(out.join("vol1/010-ukrainian.pdf/blocker")).unwrap();
    let o = colophon(&["convert", input.to_str().unwrap(), "-t", "pdf,tei", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let files = tree(&out);
    // Everything else is complete; the failed input wrote neither of its outputs (they are
    // rendered before any is written), and no temporary file is left behind.
    assert_eq!(files.len(), 2 * (n - 1), "{files:?}");
    assert!(!files.iter().any(|f| f.contains(".colophon-")), "{files:?}");
    assert!(!files.contains(&"vol1/010-ukrainian.tei.xml".to_string()));
    for f in files.iter().filter(|f| f.ends_with(".pdf")) {
        let bytes = std::fs::read(out.join(f)).unwrap();
        assert!(bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"), "{f} is whole");
    }
}

#[test]
fn a_killed_batch_leaves_only_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for k in 0..40 {
        std::fs::copy(root().join("input/zangezur-article.txt"), input.join(format!("a{k:02}.txt"))).unwrap();
    }
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", input.to_str().unwrap(), "-t", "pdf", "-q", "-o", out.to_str().unwrap()])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some outputs exist (or after a while), in the middle of the batch.
    for _ in 0..600 {
        if tree(&out).iter().filter(|f| !f.contains(".colophon-")).count() >= 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let files = tree(&out);
    let visible: Vec<&String> = files.iter().filter(|f| !f.starts_with('.')).collect();
    assert!(visible.len() < 40, "killed before the end: {}", visible.len());
    for f in visible {
        let bytes = std::fs::read(out.join(f)).unwrap();
        assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{f} is whole");
    }
}

#[test]
fn shards_divide_a_batch_without_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let n = corpus(&input);
    let mut all = Vec::new();
    for i in 1..=3 {
        let out = dir.path().join(format!("out{i}"));
        let shard = format!("{i}/3");
        let o = colophon(&[
            "convert",
            input.to_str().unwrap(),
            "-t",
            "json",
            "-q",
            "--shard",
            &shard,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        all.extend(tree(&out));
    }
    all.sort();
    let before = all.len();
    all.dedup();
    assert_eq!((before, all.len()), (n, n), "every input in exactly one shard");
    let o = colophon(&["convert", input.to_str().unwrap(), "--shard", "4/3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a shard"), "{}", stderr(&o));
}

#[test]
fn standard_input_and_output_give_the_same_bytes_as_files() {
    let example = root().join("input/zangezur-article.txt");
    let dir = tempfile::tempdir().unwrap();
    let o = colophon(&[
        "convert",
        example.to_str().unwrap(),
        "-t",
        "md",
        "-q",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let file = std::fs::read_to_string(dir.path().join("zangezur-article.md")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_colophon"))
        .args(["convert", "-", "-t", "md", "-q", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&std::fs::read(&example).unwrap()).unwrap();
    let piped = child.wait_with_output().unwrap();
    assert_eq!(piped.status.code(), Some(0));
    // The only difference: the source is named `stdin.txt`.
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert_eq!(piped.replace("stdin.txt", "zangezur-article.txt"), file);
    // A binary format goes to a pipe too.
    let o = colophon(&["convert", example.to_str().unwrap(), "-t", "pdf", "-q", "-o", "-"]);
    assert!(o.stdout.starts_with(b"%PDF-"));
    for (args, want) in [
        (vec!["convert", "-", "-t", "tei,md", "-o", "-"], "writes one format"),
        (vec!["convert", "-", "--from", "odt", "-t", "tei", "-o", "-"], "unknown input format"),
    ] {
        let o =
            Command::new(env!("CARGO_BIN_EXE_colophon")).args(&args).stdin(Stdio::null()).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(want), "{}", stderr(&o));
    }
}

#[test]
fn inputs_whose_outputs_would_clash_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(root().join("tests/fixtures/001-english-superscripts/input.txt"), input.join("a.txt"))
        .unwrap();
    std::fs::write(input.join("a.md"), "---\ntitle: \"A\"\n---\n\nText.\n").unwrap();
    let out = dir.path().join("out");
    let o = colophon(&["convert", input.to_str().unwrap(), "-t", "tei", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("would both be written to"), "{}", stderr(&o));
    assert!(!out.exists());
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let o = colophon(&["convert", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("no input files found"), "{}", stderr(&o));
}
