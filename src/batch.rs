//! Many inputs at once, as archives convert whole backlists: inputs gathered from files and
//! folders (recursively, through a glob filter), an optional deterministic shard of them for
//! job arrays, and conversion on several threads sharing one set of resources. A failure
//! stays with its file; the batch goes on.

use crate::error::{Error, Result};
use crate::{Conversion, Format, Resources};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What a folder contributes when no `--include` is given.
pub const DEFAULT_INCLUDE: &[&str] = &["*.txt", "*.md", "*.docx"];

/// One input of a batch and the folder its outputs go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The input file.
    pub input: PathBuf,
    /// Its path relative to the folder it was found in (the file name for a file given
    /// directly): what the shard is computed from, and what the output mirrors.
    pub relative: PathBuf,
}

impl Job {
    /// The folder its outputs go to: `out` plus the input's folder relative to the folder
    /// named on the command line.
    pub fn out_dir(&self, out: &Path) -> PathBuf {
        match self.relative.parent() {
            Some(p) if !p.as_os_str().is_empty() => out.join(p),
            _ => out.to_path_buf(),
        }
    }
}

/// Compiles glob patterns (`*.txt`, `**/2023/*.md`), matched against a file's path relative
/// to the folder given; a pattern without `/` matches the file name anywhere.
pub fn globs(patterns: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    let defaults: Vec<String> = DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect();
    for p in if patterns.is_empty() { &defaults } else { patterns } {
        let p = if p.contains('/') { p.clone() } else { format!("**/{p}") };
        let g = Glob::new(&p).map_err(|e| Error::Unsupported(format!("--include `{p}`: {e}")))?;
        b.add(g);
    }
    b.build().map_err(|e| Error::Unsupported(format!("--include: {e}")))
}

/// The inputs named by `args`: files as given, folders walked recursively for files that
/// `include` matches (skipping hidden entries, metadata files and anything under `skip`,
/// the output folder). Sorted, without repeats.
pub fn collect(args: &[PathBuf], include: &GlobSet, skip: Option<&Path>) -> Result<Vec<Job>> {
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let mut jobs = Vec::new();
    for arg in args {
        if arg.is_dir() {
            for entry in walkdir::WalkDir::new(arg).sort_by_file_name().into_iter().filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                let skipped = skip.as_ref().is_some_and(|s| e.path().canonicalize().is_ok_and(|p| &p == s));
                !hidden && !skipped
            }) {
                let entry = entry.map_err(|e| {
                    let path = e.path().map_or_else(|| arg.clone(), Path::to_path_buf);
                    Error::input(path, 0, 0, format!("cannot read the folder: {e}"))
                })?;
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || name.contains(".meta.") {
                    continue;
                }
                let relative = entry.path().strip_prefix(arg).unwrap_or(entry.path()).to_path_buf();
                if include.is_match(&relative) {
                    jobs.push(Job { input: entry.path().to_path_buf(), relative });
                }
            }
        } else {
            let name = arg.file_name().map_or_else(|| arg.clone(), PathBuf::from);
            jobs.push(Job { input: arg.clone(), relative: name });
        }
    }
    jobs.sort_by(|a, b| a.input.cmp(&b.input));
    jobs.dedup_by(|a, b| a.input == b.input);
    Ok(jobs)
}

/// A shard of a batch: `index` (from 1) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, from 1.
    pub index: u32,
    /// How many shards.
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let bad = || format!("`{s}` is not a shard: write I/N with 1 ≤ I ≤ N (e.g. 3/8)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u32, u32) =
            (i.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether `job` belongs to this shard. The split hashes the job's relative path
    /// (FNV-1a), so every machine of a job array computes the same split without talking to
    /// the others, and adding a file moves no other file to another shard.
    pub fn holds(&self, job: &Job) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in job.relative.to_string_lossy().bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// Two jobs whose outputs would have the same name, if any.
pub fn clash(jobs: &[Job], out: &Path, formats: &[Format]) -> Option<(PathBuf, PathBuf, PathBuf)> {
    let mut seen: std::collections::HashMap<PathBuf, &Path> = std::collections::HashMap::new();
    for job in jobs {
        for &f in formats {
            let o = crate::output_path(&job.input, &job.out_dir(out), f);
            if let Some(first) = seen.insert(o.clone(), &job.input) {
                return Some((first.to_path_buf(), job.input.clone(), o));
            }
        }
    }
    None
}

/// How one input of a batch went.
#[derive(Debug)]
pub struct Outcome {
    /// The input.
    pub input: PathBuf,
    /// What was written, or why not.
    pub result: Result<Conversion>,
    /// How long it took.
    pub elapsed: Duration,
}

/// Converts every job on `threads` threads (at least one), sharing `resources`; calls
/// `done` as each input finishes (from the worker thread). Returns the outcomes in job
/// order, their documents dropped once `done` has seen them.
pub fn run(
    jobs: &[Job],
    formats: &[Format],
    out: &Path,
    meta: Option<&Path>,
    resources: &Resources,
    threads: usize,
    done: &(dyn Fn(&Outcome) + Sync),
) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    let work = || loop {
        let k = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = jobs.get(k) else { break };
        let start = Instant::now();
        let result = crate::convert(&job.input, formats, &job.out_dir(out), meta, resources);
        let mut outcome = Outcome { input: job.input.clone(), result, elapsed: start.elapsed() };
        done(&outcome);
        // Reported: the document is not kept, so a batch's memory does not grow with it.
        if let Ok(c) = &mut outcome.result {
            c.document = crate::Document::default();
        }
        if let Ok(mut r) = results.lock() {
            r[k] = Some(outcome);
        }
    };
    let threads = threads.clamp(1, jobs.len().max(1));
    if threads == 1 {
        work();
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(work);
            }
        });
    }
    results.into_inner().unwrap_or_default().into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(rel: &str) -> Job {
        Job { input: PathBuf::from("in").join(rel), relative: PathBuf::from(rel) }
    }

    #[test]
    fn shards_split_every_job_exactly_once_and_stably() {
        let jobs: Vec<Job> = (0..1000).map(|i| job(&format!("vol{}/article-{i}.txt", i % 7))).collect();
        let shards: Vec<Shard> = (1..=8).map(|i| format!("{i}/8").parse().unwrap()).collect();
        for j in &jobs {
            assert_eq!(shards.iter().filter(|s| s.holds(j)).count(), 1, "{j:?}");
        }
        let sizes: Vec<usize> = shards.iter().map(|s| jobs.iter().filter(|j| s.holds(j)).count()).collect();
        assert!(sizes.iter().all(|&n| (80..=170).contains(&n)), "{sizes:?}");
        // The same file lands in the same shard whatever else is in the batch.
        let s: Shard = "3/8".parse().unwrap();
        assert_eq!(s.holds(&job("vol1/article-1.txt")), s.holds(&job("vol1/article-1.txt")));
    }

    #[test]
    fn shard_syntax() {
        assert_eq!("2/5".parse::<Shard>(), Ok(Shard { index: 2, count: 5 }));
        for bad in ["0/5", "6/5", "5", "a/b", "1/0", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn folders_are_walked_through_the_filter_and_outputs_mirror_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["a.txt", "b.md", "sub/c.txt", "sub/c.meta.toml", "sub/d.pdf", ".hidden/e.txt", "out/x.txt"]
        {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let jobs = collect(&[root.to_path_buf()], &globs(&[]).unwrap(), Some(&root.join("out"))).unwrap();
        let rel: Vec<String> = jobs.iter().map(|j| j.relative.display().to_string()).collect();
        assert_eq!(rel, ["a.txt", "b.md", "sub/c.txt"]);
        assert_eq!(jobs[2].out_dir(Path::new("o")), Path::new("o/sub"));
        let only = collect(&[root.to_path_buf()], &globs(&["sub/*.txt".into()]).unwrap(), None).unwrap();
        assert_eq!(only.len(), 1);
        assert!(globs(&["[".into()]).is_err());
    }

    #[test]
    fn clashing_outputs_are_found() {
        let jobs = vec![job("a.txt"), job("a.md")];
        let (a, b, o) = clash(&jobs, Path::new("o"), &[Format::Tei]).unwrap();
        assert_eq!(
            (a, b, o),
            (PathBuf::from("in/a.txt"), PathBuf::from("in/a.md"), PathBuf::from("o/a.tei.xml"))
        );
        assert!(clash(&[job("a.txt"), job("sub/a.txt")], Path::new("o"), &[Format::Tei]).is_none());
    }
}
