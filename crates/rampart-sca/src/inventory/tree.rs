//! The inventory of a whole directory, for `rampart sbom`: the same file enumeration as the scan
//! (`.gitignore`, `.rampartignore`, `exclude` globs, symlinks kept inside the root), every file
//! [`detect`](super::detect) recognises parsed, errors collected without stopping.

use std::path::Path;
use std::sync::Mutex;

use globset::GlobSet;
use rampart_core::ScanContext;
use rampart_core::walk::{self, WalkError, WalkedFile};

use super::{InventoryError, detect, parse_detailed};
use crate::package::Package;

/// Every package found under a root.
#[derive(Debug, Default)]
pub struct TreeInventory {
    pub packages: Vec<Package>,
    /// Malformed files (each names the file and, where known, the line).
    pub errors: Vec<InventoryError>,
    /// Lockfiles and manifests read.
    pub files: usize,
    /// Entries without an exact version, left out.
    pub skipped: usize,
}

/// Inventories `ctx.root` (a directory, or a single lockfile). Files larger than
/// `ctx.options.max_file_size` are reported as errors rather than read.
pub fn inventory_tree(ctx: &ScanContext, excludes: &GlobSet) -> Result<TreeInventory, WalkError> {
    let found: Mutex<Vec<WalkedFile>> = Mutex::new(Vec::new());
    walk::for_each_file(&ctx.root, excludes, ctx.options.threads, |f| {
        if (detect(&f.rel_path).is_some()
            || crate::os::detect(&f.rel_path).is_some()
            || crate::dockerfile::is_dockerfile(&f.rel_path)
            || artifact_kind(&f).is_some())
            && let Ok(mut v) = found.lock()
        {
            v.push(f);
        }
    })?;
    let mut files = found.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    // A single file: follow its references from its own folder.
    let single = ctx.root.is_file();
    let ctx_owned;
    let ctx = if single {
        let mut c = ctx.clone();
        c.root = ctx.root.parent().map(Path::to_path_buf).unwrap_or_default();
        ctx_owned = c;
        &ctx_owned
    } else {
        ctx
    };
    let mut out = TreeInventory::default();
    let mut os = crate::os::OsCollector::new();
    for f in files {
        if crate::os::detect(&f.rel_path).is_some() {
            add_os_file(&mut os, &f, &mut out);
            continue;
        }
        if crate::dockerfile::is_dockerfile(&f.rel_path) {
            match std::fs::read(&f.path) {
                Ok(c) if f.size <= ctx.options.max_file_size => {
                    out.files += 1;
                    let inv = crate::dockerfile::parse(&String::from_utf8_lossy(&c), &f.rel_path);
                    out.skipped += inv.skipped;
                    out.packages.extend(inv.packages);
                }
                _ => {}
            }
            continue;
        }
        if let Some(kind) = artifact_kind(&f) {
            add_artifact(kind, &f, &mut out);
            continue;
        }
        let Some(fmt) = detect(&f.rel_path) else {
            continue;
        };
        if f.size > ctx.options.max_file_size {
            out.errors.push(InventoryError {
                file: f.rel_path.clone(),
                line: None,
                message: format!(
                    "{} bytes, over the {}-byte limit; not read",
                    f.size, ctx.options.max_file_size
                ),
            });
            continue;
        }
        let content = match std::fs::read(&f.path) {
            Ok(c) => c,
            Err(e) => {
                out.errors.push(InventoryError {
                    file: f.rel_path.clone(),
                    line: None,
                    message: format!("cannot read: {e}"),
                });
                continue;
            }
        };
        out.files += 1;
        match parse_detailed(fmt, ctx, &f.rel_path, &f.path, &content) {
            Ok(inv) => {
                out.skipped += inv.skipped;
                out.packages.extend(inv.packages);
            }
            Err(e) => out.errors.push(e),
        }
    }
    let (packages, problems) = os.resolve();
    out.packages.extend(packages);
    out.errors
        .extend(problems.into_iter().map(|p| InventoryError {
            file: p.file,
            line: p.line,
            message: p.message,
        }));
    Ok(out)
}

/// The artifact kind of a walked file, from its path and first bytes.
fn artifact_kind(f: &WalkedFile) -> Option<crate::artifacts::Artifact> {
    use std::io::Read;
    // Executables are told by their magic, so each file's first bytes are read.
    let mut head = [0u8; 4];
    let n = std::fs::File::open(&f.path)
        .and_then(|mut h| h.read(&mut head))
        .unwrap_or(0);
    crate::artifacts::detect(&f.rel_path, &head[..n])
}

/// The size above which the scan streams a file instead of reading it (core's default).
fn ctx_in_memory_limit() -> u64 {
    rampart_core::scanner::ScanOptions::default().max_in_memory
}

fn add_artifact(kind: crate::artifacts::Artifact, f: &WalkedFile, out: &mut TreeInventory) {
    let err = |message: String| InventoryError {
        file: f.rel_path.clone(),
        line: None,
        message,
    };
    // Large artifacts are streamed from disk rather than read whole.
    let parsed = if f.size > ctx_in_memory_limit() {
        Ok(crate::artifacts::parse_file(kind, &f.rel_path, &f.path))
    } else {
        std::fs::read(&f.path).map(|content| crate::artifacts::parse(kind, &f.rel_path, &content))
    };
    match parsed {
        Ok(result) => match result {
            Ok(inv) => {
                if !inv.packages.is_empty() {
                    out.files += 1;
                }
                out.packages.extend(inv.packages);
                out.errors.extend(inv.notes.into_iter().map(err));
            }
            Err(e) => out.errors.push(err(e)),
        },
        Err(e) => out.errors.push(err(format!("cannot read: {e}"))),
    }
}

/// Largest OS package database read.
const MAX_OS_DB: u64 = 512 * 1024 * 1024;

fn add_os_file(os: &mut crate::os::OsCollector, f: &WalkedFile, out: &mut TreeInventory) {
    let err = |message: String| InventoryError {
        file: f.rel_path.clone(),
        line: None,
        message,
    };
    if f.size > MAX_OS_DB {
        out.errors.push(err(format!(
            "{} bytes, over the {MAX_OS_DB}-byte limit for a package database; not read",
            f.size
        )));
        return;
    }
    match std::fs::read(&f.path) {
        Ok(content) => {
            out.files += 1;
            if let Err(p) = os.add(&f.rel_path, &content) {
                out.errors.push(InventoryError {
                    file: p.file,
                    line: p.line,
                    message: p.message,
                });
            }
        }
        Err(e) => out.errors.push(err(format!("cannot read: {e}"))),
    }
}
