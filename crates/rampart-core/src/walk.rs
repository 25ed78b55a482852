//! Target enumeration: one parallel walk of a directory that hands each file, read once, to every
//! scanner that wants it.
//!
//! The walk respects `.gitignore` (also outside git repositories), `.ignore` and `.rampartignore`
//! files, and the `exclude` globs of `rampart.toml`. Symbolic links are followed only while they
//! resolve inside the root; links that leave it are skipped, and loops are detected by `ignore`.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};

use crate::finding::Finding;
use crate::pipeline::{ScanResult, ScanStats};
use crate::scanner::{Diagnostic, FileInfo, FileTarget, ScanContext, ScanOutput, Scanner};
use crate::suppress::apply_inline;

/// How much of a file `Scanner::wants` sees.
pub const HEAD_LEN: usize = 8 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    #[error("scan root `{0}` does not exist or cannot be read: {1}")]
    Root(PathBuf, std::io::Error),
    #[error("invalid exclude glob `{0}`: {1}")]
    Glob(String, globset::Error),
}

/// Builds a matcher for `exclude` globs. A glob without a `/` matches at any depth, as in
/// `.gitignore`; `dir/**` excludes a directory.
pub fn build_excludes(globs: &[String]) -> Result<GlobSet, WalkError> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let pattern = if g.contains('/') {
            g.trim_start_matches('/').to_string()
        } else {
            format!("**/{g}")
        };
        b.add(Glob::new(&pattern).map_err(|e| WalkError::Glob(g.clone(), e))?);
        if !g.ends_with("/**") {
            let dir = format!("{}/**", pattern.trim_end_matches('/'));
            b.add(Glob::new(&dir).map_err(|e| WalkError::Glob(g.clone(), e))?);
        }
    }
    b.build().map_err(|e| WalkError::Glob(globs.join(", "), e))
}

/// One file the walk found, before any scanner looked at it.
#[derive(Debug, Clone)]
pub struct WalkedFile {
    pub path: PathBuf,
    pub rel_path: String,
    pub size: u64,
}

/// The path relative to `root`, with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Enumerates the files under `root` in parallel, calling `visit` on worker threads. Used by the
/// scan and by commands that need the file list only (SBOM inventory).
pub fn for_each_file<F>(
    root: &Path,
    excludes: &GlobSet,
    threads: usize,
    visit: F,
) -> Result<(), WalkError>
where
    F: Fn(WalkedFile) + Sync,
{
    let meta = std::fs::metadata(root).map_err(|e| WalkError::Root(root.to_path_buf(), e))?;
    let real_root = root
        .canonicalize()
        .map_err(|e| WalkError::Root(root.to_path_buf(), e))?;
    if meta.is_file() {
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        visit(WalkedFile {
            path: root.to_path_buf(),
            rel_path: name,
            size: meta.len(),
        });
        return Ok(());
    }
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(false)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .ignore(true)
        .parents(true)
        .follow_links(true)
        .add_custom_ignore_filename(".rampartignore")
        .threads(threads);
    let root_owned = root.to_path_buf();
    let excludes_ref = excludes.clone();
    builder.filter_entry(move |entry| {
        // `.git` holds history, not the working tree; history has its own scan mode.
        if entry.file_name() == ".git" {
            return false;
        }
        let rel = rel_path(&root_owned, entry.path());
        if !rel.is_empty() && excludes_ref.is_match(&rel) {
            return false;
        }
        if entry.path_is_symlink() {
            return match entry.path().canonicalize() {
                Ok(real) => real.starts_with(&real_root),
                Err(_) => false,
            };
        }
        true
    });
    builder.build_parallel().run(|| {
        let visit = &visit;
        let root = root.to_path_buf();
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return WalkState::Continue;
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return WalkState::Continue;
            }
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            let rel_path = rel_path(&root, entry.path());
            visit(WalkedFile {
                path: entry.path().to_path_buf(),
                rel_path,
                size,
            });
            WalkState::Continue
        })
    });
    Ok(())
}

/// Runs `scanners` over every file under `ctx.root`: enumerate → scan in parallel → collect.
/// Inline suppressions are applied while each file's bytes are in memory; findings with the same
/// rule and fingerprint are merged into one finding with every location.
pub fn scan_tree(
    ctx: &ScanContext,
    scanners: &[Box<dyn Scanner>],
    excludes: &GlobSet,
    on_file: &(dyn Fn(&str) + Sync),
) -> Result<ScanResult, WalkError> {
    let started = Instant::now();
    let collected = Mutex::new(ScanOutput::default());
    let files_scanned = AtomicU64::new(0);
    let files_skipped = AtomicU64::new(0);
    let bytes_scanned = AtomicU64::new(0);

    for_each_file(&ctx.root, excludes, ctx.options.threads, |file| {
        on_file(&file.rel_path);
        let mut out = ScanOutput::default();
        match scan_one(ctx, scanners, &file, &mut out) {
            Ok(Some(bytes)) => {
                files_scanned.fetch_add(1, Ordering::Relaxed);
                bytes_scanned.fetch_add(bytes, Ordering::Relaxed);
            }
            Ok(None) => {
                files_skipped.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => out.diagnostic(Diagnostic::error(
                "walk",
                Some(&file.rel_path),
                None,
                format!("cannot read file: {e}"),
            )),
        }
        if !out.findings.is_empty() || !out.diagnostics.is_empty() {
            collected
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend(out);
        }
    })?;

    let mut out = collected.into_inner().unwrap_or_else(|p| p.into_inner());
    for s in scanners {
        s.finish(ctx, &mut out);
    }
    let stats = ScanStats {
        files_scanned: files_scanned.into_inner(),
        bytes_scanned: bytes_scanned.into_inner(),
        files_skipped: files_skipped.into_inner(),
        duration_ms: started.elapsed().as_millis() as u64,
        scanners: scanners.iter().map(|s| s.name().to_string()).collect(),
    };
    Ok(collect(out, stats))
}

/// Scans one file with every scanner that wants it. Returns the bytes scanned, or `None` when no
/// scanner wanted the file.
fn scan_one(
    ctx: &ScanContext,
    scanners: &[Box<dyn Scanner>],
    file: &WalkedFile,
    out: &mut ScanOutput,
) -> std::io::Result<Option<u64>> {
    let mut f = File::open(&file.path)?;
    let mut head = vec![0u8; HEAD_LEN.min(file.size as usize)];
    let n = read_up_to(&mut f, &mut head)?;
    head.truncate(n);
    let info = FileInfo::from_head(&file.path, &file.rel_path, file.size, &head);
    let wanting = wanting(ctx, scanners, &info);
    if wanting.is_empty() {
        return Ok(None);
    }
    let content = if file.size <= ctx.options.max_in_memory {
        // Sized from the walk's metadata (bounded by `max_in_memory`) so reading never regrows
        // and copies the buffer; +1 lets `read_to_end` see EOF without growing.
        let mut buf = Vec::with_capacity(file.size as usize + 1);
        buf.extend_from_slice(&head);
        f.read_to_end(&mut buf)?;
        Some(buf)
    } else {
        None
    };
    scan_with(ctx, &wanting, info, content.as_deref(), out);
    Ok(Some(file.size))
}

/// The scanners that want `info`: the question the walk asks before reading a file whole. Also
/// used by sources that are not directories (image layers) so they keep only wanted files.
pub fn wanting<'s>(
    ctx: &ScanContext,
    scanners: &'s [Box<dyn Scanner>],
    info: &FileInfo<'_>,
) -> Vec<&'s dyn Scanner> {
    scanners
        .iter()
        .map(|s| s.as_ref())
        .filter(|s| s.wants(info, ctx))
        .collect()
}

/// Hands one file, already read, to `wanting` (from [`wanting`]) and applies inline
/// suppressions while its bytes are in memory: the per-file step of the walk, shared with
/// in-memory sources (image layers, image config text).
pub fn scan_with(
    ctx: &ScanContext,
    wanting: &[&dyn Scanner],
    info: FileInfo<'_>,
    content: Option<&[u8]>,
    out: &mut ScanOutput,
) {
    let target = FileTarget { info, content };
    let mut file_out = ScanOutput::default();
    for s in wanting {
        s.scan_file(ctx, &target, &mut file_out);
    }
    if let Some(content) = content {
        apply_inline(&mut file_out.findings, content);
    }
    out.extend(file_out);
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match f.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Merges findings that share rule and fingerprint (one secret in many files is one finding with
/// every location) and sorts everything for stable output.
pub fn collect(out: ScanOutput, stats: ScanStats) -> ScanResult {
    let mut merged: Vec<Finding> = Vec::with_capacity(out.findings.len());
    let mut index: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::new();
    let mut findings = out.findings;
    for f in &mut findings {
        f.locations.sort();
    }
    findings.sort_by(|a, b| {
        a.locations
            .cmp(&b.locations)
            .then_with(|| a.rule_id.cmp(&b.rule_id))
    });
    for f in findings {
        let key = (f.rule_id.clone(), f.fingerprint.as_str().to_string());
        match index.get(&key) {
            Some(&i) => {
                let existing = &mut merged[i];
                for loc in f.locations {
                    if !existing.locations.contains(&loc) {
                        existing.locations.push(loc);
                    }
                }
                // A location that is not suppressed keeps the merged finding active.
                if f.suppression.is_none() {
                    existing.suppression = None;
                }
            }
            None => {
                index.insert(key, merged.len());
                merged.push(f);
            }
        }
    }
    merged.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.locations.cmp(&b.locations))
            .then_with(|| a.rule_id.cmp(&b.rule_id))
    });
    let mut diagnostics = out.diagnostics;
    diagnostics.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    diagnostics.dedup();
    ScanResult {
        findings: merged,
        diagnostics,
        stats,
    }
}
