//! `rampart db import PATH`: OSV records from a folder of JSON files, a single `.json`, a zip of
//! JSON (like the bucket's `all.zip`), or a tree laid out like the bucket
//! (`<ECOSYSTEM>/all.zip`). Archives are read with bounds on member size, total size and entry
//! count; any unreadable member (bad CRC, truncation) rejects the whole archive.

use std::io::{Read, Seek};
use std::path::Path;

use super::{BuildStats, Builder, DbError};

/// Largest single OSV record accepted (the biggest real ones are a few hundred KiB).
const MAX_MEMBER: u64 = 16 * 1024 * 1024;
/// Largest total uncompressed size of one archive.
const MAX_TOTAL: u64 = 8 * 1024 * 1024 * 1024;
const MAX_ENTRIES: usize = 4_000_000;
const MAX_DEPTH: usize = 8;

/// Reads every JSON member of a zip archive into `builder`; returns how many were read.
pub fn read_zip<R: Read + Seek>(
    reader: R,
    origin: &str,
    builder: &mut Builder,
) -> Result<usize, DbError> {
    let bad = |m: String| DbError::Archive(format!("{origin}: {m}"));
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| bad(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(bad(format!(
            "{} entries is more than the limit of {MAX_ENTRIES}",
            zip.len()
        )));
    }
    let mut total = 0u64;
    let mut count = 0usize;
    let mut buf = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        if f.is_dir() {
            continue;
        }
        let name = f
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("#{i}"));
        if !name.ends_with(".json") {
            continue;
        }
        if f.size() > MAX_MEMBER {
            return Err(bad(format!("{name} is larger than {MAX_MEMBER} bytes")));
        }
        buf.clear();
        (&mut f)
            .take(MAX_MEMBER + 1)
            .read_to_end(&mut buf)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        if buf.len() as u64 > MAX_MEMBER {
            return Err(bad(format!("{name} is larger than {MAX_MEMBER} bytes")));
        }
        total += buf.len() as u64;
        if total > MAX_TOTAL {
            return Err(bad("archive expands beyond the size limit".into()));
        }
        builder.add_json(&format!("{origin}!{name}"), &buf);
        count += 1;
    }
    Ok(count)
}

/// Collects every record under `path` into `builder`.
pub fn collect(path: &Path, builder: &mut Builder) -> Result<usize, DbError> {
    let meta = std::fs::metadata(path).map_err(|e| DbError::io(path, e))?;
    if meta.is_dir() {
        return collect_dir(path, builder, 0);
    }
    collect_file(path, builder)
}

fn collect_file(path: &Path, builder: &mut Builder) -> Result<usize, DbError> {
    let origin = path.display().to_string();
    let lower = origin.to_ascii_lowercase();
    if lower.ends_with(".zip") {
        let f = std::fs::File::open(path).map_err(|e| DbError::io(path, e))?;
        read_zip(std::io::BufReader::new(f), &origin, builder)
    } else if lower.ends_with(".json") {
        let len = std::fs::metadata(path)
            .map_err(|e| DbError::io(path, e))?
            .len();
        if len > MAX_MEMBER {
            builder.invalid.push((origin, "file too large".into()));
            return Ok(0);
        }
        let bytes = std::fs::read(path).map_err(|e| DbError::io(path, e))?;
        builder.add_json(&origin, &bytes);
        Ok(1)
    } else {
        Ok(0)
    }
}

fn collect_dir(dir: &Path, builder: &mut Builder, depth: usize) -> Result<usize, DbError> {
    if depth > MAX_DEPTH {
        return Ok(0);
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| DbError::io(dir, e))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let mut n = 0;
    for e in entries {
        // Symlinks are not followed: an import reads the tree it was given, nothing else.
        let Ok(ft) = e.file_type() else { continue };
        let p = e.path();
        if ft.is_dir() {
            n += collect_dir(&p, builder, depth + 1)?;
        } else if ft.is_file() {
            n += collect_file(&p, builder)?;
        }
    }
    Ok(n)
}

/// Imports `path` into the database in `db_dir`, replacing the ecosystems it contains.
///
/// A copy of the bucket (`<ECOSYSTEM>/all.zip` folders) is imported one archive at a time, each
/// committed before the next is read, so memory is bounded by the largest ecosystem rather than
/// the sum of all of them.
pub fn import(path: &Path, db_dir: &Path) -> Result<Vec<(String, BuildStats)>, DbError> {
    let archives = bucket_archives(path);
    if archives.len() > 1 {
        let mut out = Vec::new();
        for zip in archives {
            let mut builder = Builder::new();
            collect_file(&zip, &mut builder)?;
            if builder.is_empty() {
                continue;
            }
            let source = std::fs::canonicalize(&zip)
                .unwrap_or_else(|_| zip.clone())
                .display()
                .to_string();
            out.extend(builder.commit(db_dir, &|_| (source.clone(), None, None))?);
        }
        if out.is_empty() {
            return Err(DbError::Empty(path.to_path_buf()));
        }
        return Ok(out);
    }
    import_all(path, db_dir)
}

/// `<dir>/<ECOSYSTEM>/all.zip` of a bucket copy, when `path` is laid out so and holds nothing
/// else to import at its top level.
fn bucket_archives(path: &Path) -> Vec<std::path::PathBuf> {
    let Ok(rd) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut zips = Vec::new();
    for e in rd.filter_map(Result::ok) {
        let Ok(ft) = e.file_type() else { continue };
        let p = e.path();
        if ft.is_dir() {
            let zip = p.join("all.zip");
            if zip.is_file() {
                zips.push(zip);
            } else {
                return Vec::new();
            }
        } else if ft.is_file()
            && p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json") || x.eq_ignore_ascii_case("zip"))
        {
            return Vec::new();
        }
    }
    zips.sort();
    zips
}

fn import_all(path: &Path, db_dir: &Path) -> Result<Vec<(String, BuildStats)>, DbError> {
    let mut builder = Builder::new();
    collect(path, &mut builder)?;
    if builder.is_empty() {
        return Err(DbError::Empty(path.to_path_buf()));
    }
    let source = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    builder.commit(db_dir, &|_| (source.clone(), None, None))
}
