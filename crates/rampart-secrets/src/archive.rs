//! Reading zip/jar, tar and gzip archives in bounded memory: nesting depth, member count, total
//! decompressed bytes and compression ratio are all capped, so a zip bomb stops early. Member
//! names are labels only; nothing is written to disk.

use std::io::{Cursor, Read, Seek};

/// Nesting depth of archives inside archives (the outer archive is depth 1).
pub const MAX_DEPTH: u32 = 3;
pub const MAX_MEMBERS: usize = 10_000;
/// Decompressed bytes read from one archive tree in total.
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;
/// Decompressed bytes of one member.
pub const MAX_MEMBER: u64 = 64 * 1024 * 1024;
/// Decompressed : compressed bytes allowed for one member.
pub const MAX_RATIO: u64 = 100;
/// Members smaller than this are not ratio-checked (tiny files compress arbitrarily well).
const RATIO_FLOOR: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{0}")]
    Limits(String),
    #[error("malformed archive: {0}")]
    Malformed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zip,
    Gzip,
    Tar,
}

fn kind(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Some(Kind::Zip)
    } else if head.starts_with(&[0x1f, 0x8b]) {
        Some(Kind::Gzip)
    } else if head.get(257..262) == Some(b"ustar") {
        Some(Kind::Tar)
    } else {
        None
    }
}

/// Whether the first bytes of a file are those of an archive the scanner opens.
pub fn is_archive(head: &[u8]) -> bool {
    kind(head).is_some()
}

struct Walk<'v> {
    /// File name of the outermost archive (names the member of a top-level `.gz`).
    root_name: String,
    visit: &'v mut dyn FnMut(&str, &[u8]),
    total: u64,
    members: usize,
    problems: Vec<String>,
}

impl Walk<'_> {
    fn problem(&mut self, msg: String) {
        if self.problems.len() < 20 {
            self.problems.push(msg);
        }
    }

    /// Reads one member with every cap applied; `None` (and a recorded problem) when it is over.
    fn read_member(
        &mut self,
        r: &mut dyn Read,
        name: &str,
        compressed: Option<u64>,
    ) -> Option<Vec<u8>> {
        self.members += 1;
        if self.members > MAX_MEMBERS {
            self.problem(format!(
                "more than {MAX_MEMBERS} members; the rest were skipped"
            ));
            return None;
        }
        let mut limit = MAX_MEMBER.min(MAX_TOTAL.saturating_sub(self.total));
        if let Some(c) = compressed {
            limit = limit.min(
                c.max(RATIO_FLOOR / MAX_RATIO)
                    .saturating_mul(MAX_RATIO)
                    .max(RATIO_FLOOR),
            );
        }
        let mut buf = Vec::new();
        match r.take(limit + 1).read_to_end(&mut buf) {
            Ok(_) => {}
            Err(e) => {
                self.problem(format!("{name}: {e}"));
                return None;
            }
        }
        self.total += buf.len() as u64;
        if buf.len() as u64 > limit {
            self.problem(format!(
                "{name}: decompressed size exceeds the limit ({limit} bytes: {MAX_MEMBER} per member, {MAX_TOTAL} in total, ratio {MAX_RATIO}:1); skipped"
            ));
            return None;
        }
        Some(buf)
    }

    fn dispatch(&mut self, bytes: &[u8], path: &str, depth: u32) {
        match kind(bytes) {
            Some(k) if depth < MAX_DEPTH => self.open(k, bytes, path, depth + 1),
            Some(_) => self.problem(format!(
                "{path}: archive nested deeper than {MAX_DEPTH}; skipped"
            )),
            None => {
                let head = &bytes[..bytes.len().min(8192)];
                if memchr::memchr(0, head).is_none() {
                    (self.visit)(path, bytes);
                }
            }
        }
    }

    fn open(&mut self, k: Kind, bytes: &[u8], prefix: &str, depth: u32) {
        match k {
            Kind::Zip => self.zip(Cursor::new(bytes), prefix, depth),
            Kind::Tar => self.tar(bytes, prefix, depth),
            Kind::Gzip => {
                let mut dec = flate2::read::MultiGzDecoder::new(bytes);
                let name = inner_gz_name(prefix, &self.root_name);
                if let Some(inner) = self.read_member(&mut dec, &name, Some(bytes.len() as u64)) {
                    self.dispatch(&inner, &name, depth);
                }
            }
        }
    }

    fn zip<R: Read + Seek>(&mut self, r: R, prefix: &str, depth: u32) {
        let mut z = match zip::ZipArchive::new(r) {
            Ok(z) => z,
            Err(e) => {
                self.problem(format!("{prefix}: not a readable zip: {e}"));
                return;
            }
        };
        for i in 0..z.len() {
            if self.members >= MAX_MEMBERS || self.total >= MAX_TOTAL {
                self.problem(format!(
                    "{prefix}: archive limits reached; remaining members skipped"
                ));
                return;
            }
            let mut entry = match z.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    self.problem(format!("{prefix}: member {i}: {e}"));
                    continue;
                }
            };
            if entry.is_dir() {
                continue;
            }
            let member = entry
                .name()
                .map(|n| n.into_owned())
                .unwrap_or_else(|_| format!("(member {i})"));
            let name = join(prefix, &member);
            let compressed = entry.compressed_size();
            let Some(bytes) = self.read_member(&mut entry, &name, Some(compressed)) else {
                continue;
            };
            drop(entry);
            self.dispatch(&bytes, &name, depth);
        }
    }

    fn tar(&mut self, bytes: &[u8], prefix: &str, depth: u32) {
        let mut ar = tar::Archive::new(bytes);
        let entries = match ar.entries() {
            Ok(e) => e,
            Err(e) => {
                self.problem(format!("{prefix}: not a readable tar: {e}"));
                return;
            }
        };
        for entry in entries {
            let mut entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.problem(format!("{prefix}: {e}"));
                    return;
                }
            };
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let name = join(prefix, &String::from_utf8_lossy(&entry.path_bytes()));
            let Some(data) = self.read_member(&mut entry, &name, None) else {
                continue;
            };
            self.dispatch(&data, &name, depth);
        }
    }
}

fn join(prefix: &str, member: &str) -> String {
    if prefix.is_empty() {
        member.to_string()
    } else {
        format!("{prefix}!{member}")
    }
}

fn inner_gz_name(prefix: &str, root_name: &str) -> String {
    let base = if prefix.is_empty() {
        root_name
    } else {
        prefix.rsplit('!').next().unwrap_or(prefix)
    };
    let base = base.rsplit('/').next().unwrap_or(base);
    let stem = base
        .strip_suffix(".tgz")
        .map(|s| format!("{s}.tar"))
        .or_else(|| base.strip_suffix(".gz").map(str::to_string))
        .unwrap_or_else(|| "(gunzipped)".to_string());
    join(prefix, &stem)
}

fn finish(w: Walk<'_>) -> Result<(), ArchiveError> {
    if w.problems.is_empty() {
        Ok(())
    } else {
        Err(ArchiveError::Limits(w.problems.join("; ")))
    }
}

/// Visits every text member (path relative to the archive, `!` between nesting levels).
pub fn walk_archive(
    name: &str,
    data: &[u8],
    visit: &mut dyn FnMut(&str, &[u8]),
) -> Result<(), ArchiveError> {
    let k = kind(data).ok_or_else(|| ArchiveError::Malformed("unknown archive format".into()))?;
    let mut w = Walk {
        root_name: name.to_string(),
        visit,
        total: 0,
        members: 0,
        problems: Vec::new(),
    };
    w.open(k, data, "", 1);
    finish(w)
}

/// Like [`walk_archive`] for an archive file too big to load: zip is read by seeking, gzip and tar
/// are decompressed up to the per-member cap.
pub fn walk_archive_reader(
    name: &str,
    mut file: std::fs::File,
    head: &[u8],
    visit: &mut dyn FnMut(&str, &[u8]),
) -> Result<(), ArchiveError> {
    let k = kind(head).ok_or_else(|| ArchiveError::Malformed("unknown archive format".into()))?;
    let mut w = Walk {
        root_name: name.to_string(),
        visit,
        total: 0,
        members: 0,
        problems: Vec::new(),
    };
    match k {
        Kind::Zip => w.zip(file, "", 1),
        Kind::Gzip | Kind::Tar => {
            let compressed = file.metadata().map(|m| m.len()).ok();
            let mut buf = Vec::new();
            let mut reader: Box<dyn Read> = if k == Kind::Gzip {
                Box::new(flate2::read::MultiGzDecoder::new(&mut file))
            } else {
                Box::new(&mut file)
            };
            if let Some(data) = w.read_member(
                &mut reader,
                "(archive)",
                if k == Kind::Gzip { compressed } else { None },
            ) {
                buf = data;
            }
            drop(reader);
            if !buf.is_empty() {
                if k == Kind::Gzip {
                    let inner = inner_gz_name("", name);
                    w.dispatch(&buf, &inner, 1);
                } else {
                    w.tar(&buf, "", 1);
                }
            }
        }
    }
    finish(w)
}
