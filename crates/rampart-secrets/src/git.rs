//! Git history and staged-changes scanning with gix (pure Rust; git is never run).
//!
//! History: commits reachable from every ref (or one branch; or only those not reachable from
//! `since_commit`) are visited oldest first. Each commit's tree is walked, skipping subtrees
//! already seen (their blobs are already attributed), so every unique tree is read once. A blob is
//! attributed to the first commit and path where it appears; every unique blob is scanned once.
//! Findings of one secret are merged: one finding, one location per path where the secret first
//! appeared, the earliest first.

use std::collections::{HashMap, HashSet};

use gix::ObjectId;
use rampart_core::finding::Region;
use rampart_core::{Diagnostic, Finding, Location, ScanOutput};
use rayon::prelude::*;

use crate::archive;
use crate::scanner::SecretsScanner;

/// Blobs larger than this are not scanned in history (reported as a diagnostic).
pub const MAX_BLOB: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct GitScanOptions {
    /// Only commits not reachable from this revision (and blobs not present in it or its
    /// ancestors) are scanned.
    pub since_commit: Option<String>,
    /// Only history reachable from this branch (or any revision) instead of from every ref.
    pub branch: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot open git repository {path}: {message}")]
    Open { path: String, message: String },
    #[error("cannot resolve revision `{rev}`: {message}")]
    Rev { rev: String, message: String },
    #[error("git: {0}")]
    Git(String),
}

fn git_err(e: impl std::fmt::Display) -> GitError {
    GitError::Git(e.to_string())
}

/// Where and by whom a blob was introduced.
#[derive(Debug, Clone)]
struct Origin {
    commit: ObjectId,
    /// Position of the commit in the oldest-first order.
    order: usize,
    path: String,
}

#[derive(Debug, Clone)]
struct CommitMeta {
    author: String,
    date: String,
}

fn open(repo_path: &std::path::Path) -> Result<gix::Repository, GitError> {
    let mut repo = gix::open(repo_path).map_err(|e| GitError::Open {
        path: repo_path.display().to_string(),
        message: e.to_string(),
    })?;
    repo.object_cache_size_if_unset(32 * 1024 * 1024);
    Ok(repo)
}

fn resolve(repo: &gix::Repository, rev: &str) -> Result<ObjectId, GitError> {
    let id = repo.rev_parse_single(rev).map_err(|e| GitError::Rev {
        rev: rev.to_string(),
        message: e.to_string(),
    })?;
    let commit = id
        .object()
        .and_then(|o| o.peel_to_commit())
        .map_err(|e| GitError::Rev {
            rev: rev.to_string(),
            message: e.to_string(),
        })?;
    Ok(commit.id)
}

/// Commit ids reachable from `tips` and not from `hidden`, oldest first.
fn commits(
    repo: &gix::Repository,
    tips: Vec<ObjectId>,
    hidden: Vec<ObjectId>,
) -> Result<Vec<ObjectId>, GitError> {
    if tips.is_empty() {
        return Ok(Vec::new());
    }
    let hidden_set: HashSet<ObjectId> = if hidden.is_empty() {
        HashSet::new()
    } else {
        repo.rev_walk(hidden)
            .all()
            .map_err(git_err)?
            .filter_map(Result::ok)
            .map(|i| i.id)
            .collect()
    };
    let mut ids: Vec<ObjectId> = repo
        .rev_walk(tips)
        .all()
        .map_err(git_err)?
        .filter_map(Result::ok)
        .map(|i| i.id)
        .filter(|id| !hidden_set.contains(id))
        .collect();
    ids.reverse();
    Ok(ids)
}

/// Every tree entry blob of `tree`, skipping subtrees in `seen_trees`. Calls `on_blob(path, id)`.
fn walk_tree(
    repo: &gix::Repository,
    tree: ObjectId,
    seen_trees: &mut HashSet<ObjectId>,
    on_blob: &mut dyn FnMut(String, ObjectId),
) -> Result<(), GitError> {
    let mut stack = vec![(tree, String::new())];
    while let Some((id, prefix)) = stack.pop() {
        if !seen_trees.insert(id) {
            continue;
        }
        let t = repo.find_tree(id).map_err(git_err)?;
        for entry in t.iter() {
            let entry = entry.map_err(git_err)?;
            let e = entry.inner;
            let name = String::from_utf8_lossy(e.filename);
            let path = if prefix.is_empty() {
                name.into_owned()
            } else {
                format!("{prefix}/{name}")
            };
            if e.mode.is_tree() {
                stack.push((e.oid.to_owned(), path));
            } else if e.mode.is_blob() {
                on_blob(path, e.oid.to_owned());
            }
        }
    }
    Ok(())
}

fn commit_meta(repo: &gix::Repository, id: ObjectId) -> CommitMeta {
    let Ok(c) = repo.find_commit(id) else {
        return CommitMeta {
            author: String::new(),
            date: String::new(),
        };
    };
    let author = c
        .author()
        .map(|a| format!("{} <{}>", a.name, a.email))
        .unwrap_or_default();
    let date = c
        .time()
        .ok()
        .and_then(|t| jiff::Timestamp::from_second(t.seconds).ok())
        .map(|t| t.to_string())
        .unwrap_or_default();
    CommitMeta { author, date }
}

/// Counters of one history scan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GitScanStats {
    pub commits: u64,
    /// Unique blobs scanned (each once).
    pub blobs: u64,
    pub bytes: u64,
}

/// Scans the history of the repository at `repo_path` (see the module docs).
pub fn scan_git_history(
    scanner: &SecretsScanner,
    repo_path: &std::path::Path,
    opts: &GitScanOptions,
) -> Result<ScanOutput, GitError> {
    scan_git_history_with_stats(scanner, repo_path, opts).map(|(out, _)| out)
}

/// [`scan_git_history`] with its counters.
pub fn scan_git_history_with_stats(
    scanner: &SecretsScanner,
    repo_path: &std::path::Path,
    opts: &GitScanOptions,
) -> Result<(ScanOutput, GitScanStats), GitError> {
    let repo = open(repo_path)?;
    let tips: Vec<ObjectId> = match &opts.branch {
        Some(b) => vec![resolve(&repo, b)?],
        None => {
            let refs = repo.references().map_err(git_err)?;
            let mut tips = Vec::new();
            for r in refs.all().map_err(git_err)? {
                let Ok(mut r) = r else { continue };
                // Tags of trees or blobs are not history; skip what does not peel to a commit.
                if let Ok(c) = r.peel_to_commit() {
                    tips.push(c.id);
                }
            }
            if let Ok(head) = repo.head_commit() {
                tips.push(head.id);
            }
            tips.sort();
            tips.dedup();
            tips
        }
    };
    let hidden = match &opts.since_commit {
        Some(rev) => vec![resolve(&repo, rev)?],
        None => Vec::new(),
    };

    let mut seen_trees: HashSet<ObjectId> = HashSet::new();
    let mut origins: HashMap<ObjectId, Origin> = HashMap::new();
    // Blobs already in the excluded history are marked seen without being scanned.
    if !hidden.is_empty() {
        let old = commits(&repo, hidden.clone(), Vec::new())?;
        let mut old_blobs: HashSet<ObjectId> = HashSet::new();
        for c in old {
            let tree = repo
                .find_commit(c)
                .and_then(|c| c.tree_id())
                .map_err(git_err)?;
            walk_tree(&repo, tree.detach(), &mut seen_trees, &mut |_, b| {
                old_blobs.insert(b);
            })?;
        }
        for b in old_blobs {
            origins.insert(
                b,
                Origin {
                    commit: ObjectId::null(gix::hash::Kind::Sha1),
                    order: usize::MAX,
                    path: String::new(),
                },
            );
        }
    }
    let old_count = origins.len();

    let order = commits(&repo, tips, hidden)?;
    let mut blob_order: Vec<ObjectId> = Vec::new();
    for (i, c) in order.iter().enumerate() {
        let tree = repo
            .find_commit(*c)
            .and_then(|c| c.tree_id())
            .map_err(git_err)?;
        walk_tree(&repo, tree.detach(), &mut seen_trees, &mut |path, b| {
            origins.entry(b).or_insert_with(|| {
                blob_order.push(b);
                Origin {
                    commit: *c,
                    order: i,
                    path,
                }
            });
        })?;
    }
    debug_assert_eq!(origins.len() - old_count, blob_order.len());

    let mut stats = GitScanStats {
        commits: order.len() as u64,
        ..Default::default()
    };
    let mut out = ScanOutput::default();
    let mut metas: HashMap<ObjectId, CommitMeta> = HashMap::new();
    // (finding, commit order) per fingerprint
    let mut found: Vec<(Finding, usize)> = Vec::new();
    // Blobs are read on this thread (gix's repository handle is not shared across threads here)
    // in batches of bounded size, and each batch is scanned in parallel.
    let mut batch: Vec<(ObjectId, Vec<u8>)> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut iter = blob_order.iter().peekable();
    while let Some(b) = iter.next() {
        if let Some(origin) = origins.get(b) {
            match repo.find_object(*b) {
                Ok(obj) if obj.data.len() > MAX_BLOB => out.diagnostic(Diagnostic::warning(
                    "secrets",
                    Some(&origin.path),
                    format!("blob {b} is larger than {MAX_BLOB} bytes; not scanned"),
                )),
                Ok(obj) => {
                    stats.blobs += 1;
                    stats.bytes += obj.data.len() as u64;
                    batch_bytes += obj.data.len();
                    batch.push((*b, obj.detach().data));
                }
                Err(e) => out.diagnostic(Diagnostic::warning(
                    "secrets",
                    Some(&origin.path),
                    format!("cannot read blob {b}: {e}"),
                )),
            }
        }
        if batch_bytes < BATCH_BYTES && batch.len() < BATCH_BLOBS && iter.peek().is_some() {
            continue;
        }
        let scanned: Vec<Vec<Finding>> = batch
            .par_iter()
            .map(|(b, data)| match origins.get(b) {
                Some(origin) => scan_blob(scanner, origin, data),
                None => Vec::new(),
            })
            .collect();
        for ((b, _), fs) in batch.iter().zip(scanned) {
            let Some(origin) = origins.get(b) else {
                continue;
            };
            if fs.is_empty() {
                continue;
            }
            let meta = metas
                .entry(origin.commit)
                .or_insert_with(|| commit_meta(&repo, origin.commit))
                .clone();
            for mut f in fs {
                for loc in &mut f.locations {
                    if let Location::Git { author, date, .. } = loc {
                        *author = (!meta.author.is_empty()).then(|| meta.author.clone());
                        *date = (!meta.date.is_empty()).then(|| meta.date.clone());
                    }
                }
                let f = f
                    .with_property("commit", origin.commit.to_string())
                    .with_property("author", meta.author.clone())
                    .with_property("date", meta.date.clone());
                found.push((f, origin.order));
            }
        }
        batch.clear();
        batch_bytes = 0;
    }
    out.findings = merge_by_fingerprint(found);
    Ok((out, stats))
}

const BATCH_BYTES: usize = 32 * 1024 * 1024;
const BATCH_BLOBS: usize = 2048;

/// Findings in one blob, at git locations (author and date are filled in by the caller).
fn scan_blob(scanner: &SecretsScanner, origin: &Origin, data: &[u8]) -> Vec<Finding> {
    let commit = origin.commit.to_string();
    let locate = |path: &str, r: Region| Location::Git {
        commit: commit.clone(),
        path: path.to_string(),
        region: Some(r),
        author: None,
        date: None,
    };
    let mut fs = Vec::new();
    let head = &data[..data.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        if archive::is_archive(head) {
            let _ = archive::walk_archive(&origin.path, data, &mut |member, bytes| {
                let p = format!("{}!{member}", origin.path);
                scanner.findings_in(bytes, &p, &|r| locate(&p, r), 0, &mut fs);
            });
        }
    } else {
        // File locations first so the core's inline suppressions (`gitleaks:allow`,
        // `rampart:ignore[...]`...) apply to the blob's lines, then the git location.
        scanner.findings_in(
            data,
            &origin.path,
            &|r| Location::file(origin.path.clone(), Some(r)),
            0,
            &mut fs,
        );
        rampart_core::suppress::apply_inline(&mut fs, data);
        for f in &mut fs {
            for loc in &mut f.locations {
                if let Location::File { path, region } = loc {
                    *loc = locate(path, region.unwrap_or(Region::line(1)));
                }
            }
        }
    }
    fs
}

/// One finding per rule + secret; locations earliest commit first, one per path.
fn merge_by_fingerprint(mut found: Vec<(Finding, usize)>) -> Vec<Finding> {
    found.sort_by_key(|(_, order)| *order);
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut merged: Vec<Finding> = Vec::new();
    for (f, _) in found {
        let key = (f.rule_id.clone(), f.fingerprint.as_str().to_string());
        match index.get(&key) {
            Some(&i) => {
                let existing = &mut merged[i];
                // A location that is not suppressed keeps the merged finding active.
                if f.suppression.is_none() {
                    existing.suppression = None;
                }
                for loc in f.locations {
                    let path = loc.path().map(str::to_string);
                    if !existing
                        .locations
                        .iter()
                        .any(|l| l.path().map(str::to_string) == path)
                    {
                        existing.locations.push(loc);
                    }
                }
            }
            None => {
                index.insert(key, merged.len());
                merged.push(f);
            }
        }
    }
    merged
}

/// Scans what the index adds over HEAD: for every staged blob that differs from HEAD's, the secrets
/// that HEAD's version of the path does not already hold. Reported as file locations.
pub fn scan_staged(
    scanner: &SecretsScanner,
    repo_path: &std::path::Path,
) -> Result<ScanOutput, GitError> {
    scan_staged_with_stats(scanner, repo_path).map(|(out, _)| out)
}

/// Counters of one staged-changes scan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StagedScanStats {
    /// Staged blobs that differ from HEAD's and were scanned.
    pub blobs: u64,
    pub bytes: u64,
    /// Staged blobs skipped as binary or too large.
    pub skipped: u64,
}

/// [`scan_staged`] with counters for the report's stats.
pub fn scan_staged_with_stats(
    scanner: &SecretsScanner,
    repo_path: &std::path::Path,
) -> Result<(ScanOutput, StagedScanStats), GitError> {
    let repo = open(repo_path)?;
    let index = repo.index_or_empty().map_err(git_err)?;
    let head_tree = repo.head_tree().ok();
    let mut out = ScanOutput::default();
    let mut stats = StagedScanStats::default();
    for entry in index.entries() {
        if entry.flags.stage_raw() != 0 || !is_blob_mode(entry.mode) {
            continue;
        }
        let path = entry.path(&index).to_string();
        let head_blob = head_tree
            .as_ref()
            .and_then(|t| t.lookup_entry_by_path(&path).ok().flatten())
            .map(|e| e.object_id());
        if head_blob == Some(entry.id) {
            continue;
        }
        let obj = match repo.find_object(entry.id) {
            Ok(o) => o,
            Err(e) => {
                out.diagnostic(Diagnostic::warning(
                    "secrets",
                    Some(&path),
                    format!("cannot read staged blob: {e}"),
                ));
                continue;
            }
        };
        let data: &[u8] = &obj.data;
        if data.len() > MAX_BLOB {
            out.diagnostic(Diagnostic::warning(
                "secrets",
                Some(&path),
                format!("staged blob is larger than {MAX_BLOB} bytes; not scanned"),
            ));
            stats.skipped += 1;
            continue;
        }
        if memchr::memchr(0, &data[..data.len().min(8192)]).is_some() {
            stats.skipped += 1;
            continue;
        }
        stats.blobs += 1;
        stats.bytes += data.len() as u64;
        let before: HashSet<(String, String)> =
            match head_blob.and_then(|id| repo.find_object(id).ok()) {
                Some(old) => {
                    let mut fs = Vec::new();
                    scanner.findings_in(
                        &old.data,
                        &path,
                        &|r| Location::file(path.clone(), Some(r)),
                        0,
                        &mut fs,
                    );
                    fs.into_iter()
                        .map(|f| (f.rule_id, f.fingerprint.as_str().to_string()))
                        .collect()
                }
                None => HashSet::new(),
            };
        let mut fs = Vec::new();
        scanner.findings_in(
            data,
            &path,
            &|r| Location::file(path.clone(), Some(r)),
            0,
            &mut fs,
        );
        // The walk applies inline suppressions to files it reads; staged blobs get the same.
        rampart_core::suppress::apply_inline(&mut fs, data);
        out.findings.extend(fs.into_iter().filter(|f| {
            !before.contains(&(f.rule_id.clone(), f.fingerprint.as_str().to_string()))
        }));
    }
    Ok((out, stats))
}

fn is_blob_mode(mode: gix::index::entry::Mode) -> bool {
    mode == gix::index::entry::Mode::FILE || mode == gix::index::entry::Mode::FILE_EXECUTABLE
}
