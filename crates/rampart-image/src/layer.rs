//! One layer, streamed: compressed bytes hashed as they pass (digest verification), decompressed
//! by magic bytes (gzip, zstd or none), bounded (ratio, total bytes, entries) and walked as tar.
//! Nothing is written to disk; the caller sees each member's header and content once.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::tar::{EntryKind, Header, TarError, TarReader};
use crate::{LimitError, Limits};

/// Layers are read in large chunks: fewer syscalls and better inflate throughput.
const READ_BUF: usize = 256 * 1024;
/// A zstd frame may ask for a window this large at most (the zstd CLI's own default cap is
/// 128 MiB; 32 MiB keeps two parallel layers well inside the memory budget).
const ZSTD_MAX_WINDOW: u64 = 32 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
    None,
}

impl Compression {
    /// From the first bytes of the blob, never from the media type (which lies in practice).
    pub fn detect(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
            Compression::None => "uncompressed",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LayerError {
    #[error("{0}")]
    Tar(#[from] TarError),
    #[error("decompression failed: {0}")]
    Decompress(String),
    #[error("read error: {0}")]
    Io(#[from] io::Error),
    #[error(transparent)]
    Limit(#[from] LimitError),
    #[error("digest mismatch: expected {expected}, got sha256:{actual}")]
    Digest { expected: String, actual: String },
}

/// How a member changes the merged view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file, directory or link (what the tar member is).
    Add { kind: EntryKind, size: u64 },
    /// `.wh.<name>`: `path` is deleted from the layers below.
    Whiteout,
    /// `.wh..wh..opq`: the directory `path` hides everything the layers below had in it.
    Opaque,
}

/// A path and what the layer did to it, in member order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    pub path: String,
    pub change: Change,
}

/// What walking a layer produced besides the callbacks.
#[derive(Debug, Default)]
pub struct LayerIndex {
    pub entries: Vec<IndexEntry>,
    pub compression: Option<Compression>,
    pub compressed_bytes: u64,
    pub uncompressed_bytes: u64,
    /// `sha256:<hex>` of the compressed blob as read.
    pub digest: String,
}

/// Counters shared by every layer of one image, so the limits hold for the image as a whole.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    pub bytes: Arc<AtomicU64>,
    pub entries: Arc<AtomicU64>,
}

/// Hashes and counts the compressed bytes.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

/// gzip members or zstd frames one after the other until the stream ends.
// One decoder lives per layer being read; its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Decoder<R: BufRead> {
    Gzip(flate2::bufread::MultiGzDecoder<R>),
    Zstd(Option<Box<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>>),
    Plain(R),
}

impl<R: BufRead> Decoder<R> {
    fn new(mut inner: R) -> Result<(Self, Compression), LayerError> {
        let head = inner.fill_buf()?;
        let compression = Compression::detect(head);
        let dec = match compression {
            Compression::Gzip => Decoder::Gzip(flate2::bufread::MultiGzDecoder::new(inner)),
            Compression::Zstd => Decoder::Zstd(Some(Box::new(zstd_frame(inner)?))),
            Compression::None => Decoder::Plain(inner),
        };
        Ok((dec, compression))
    }

    fn into_inner(self) -> Option<R> {
        match self {
            Decoder::Gzip(d) => Some(d.into_inner()),
            Decoder::Zstd(d) => d.map(|d| d.into_inner()),
            Decoder::Plain(r) => Some(r),
        }
    }
}

fn zstd_frame<R: BufRead>(
    inner: R,
) -> Result<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>, LayerError> {
    ruzstd::decoding::StreamingDecoder::new_with_max_window_size(inner, ZSTD_MAX_WINDOW)
        .map_err(|e| LayerError::Decompress(format!("zstd: {e}")))
}

impl<R: BufRead> Read for Decoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Decoder::Gzip(d) => d.read(buf),
            Decoder::Plain(r) => r.read(buf),
            Decoder::Zstd(slot) => loop {
                let Some(d) = slot.as_mut() else {
                    return Ok(0);
                };
                let n = d.read(buf)?;
                if n > 0 || buf.is_empty() {
                    return Ok(n);
                }
                // End of a frame: another may follow (parallel zstd writers emit several).
                let Some(d) = slot.take() else {
                    return Ok(0);
                };
                let mut inner = d.into_inner();
                if inner.fill_buf()?.is_empty() {
                    *slot = None;
                    return Ok(0);
                }
                match zstd_frame(inner) {
                    Ok(next) => *slot = Some(Box::new(next)),
                    Err(e) => {
                        return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string()));
                    }
                }
            },
        }
    }
}

/// Counts decompressed bytes and stops a decompression bomb: ratio and image-wide total.
struct Guard<'a, R> {
    inner: R,
    out: u64,
    compressed: &'a dyn Fn() -> u64,
    limits: &'a Limits,
    totals: &'a Totals,
}

impl<R: Read> Read for Guard<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        let total = self.totals.bytes.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        if total > self.limits.max_total_bytes {
            return Err(limit_io(LimitError::TotalBytes {
                max: self.limits.max_total_bytes,
            }));
        }
        // A small allowance first: tiny layers legitimately have large ratios (tar padding).
        if self.out > 16 * 1024 * 1024
            && self.out / ((self.compressed)().max(1)) > self.limits.max_ratio
        {
            return Err(limit_io(LimitError::Ratio {
                max: self.limits.max_ratio,
            }));
        }
        Ok(n)
    }
}

fn limit_io(e: LimitError) -> io::Error {
    io::Error::other(e)
}

/// Turns an io error carrying a [`LimitError`] back into it.
fn unwrap_limit(e: io::Error) -> LayerError {
    if e.get_ref().is_some_and(|inner| inner.is::<LimitError>()) {
        if let Some(inner) = e.into_inner()
            && let Ok(limit) = inner.downcast::<LimitError>()
        {
            return LayerError::Limit(*limit);
        }
        return LayerError::Decompress("limit".into());
    }
    LayerError::Io(e)
}

fn tar_error(e: TarError) -> LayerError {
    match e {
        TarError::Io { source, .. } => match unwrap_limit(source) {
            LayerError::Io(io) => LayerError::Decompress(io.to_string()),
            other => other,
        },
        other => LayerError::Tar(other),
    }
}

/// Walks one layer blob. `visit` gets every regular file (not whiteouts) with a reader of its
/// content, which it may read partly or not at all. `expected_digest` (`sha256:<hex>`), when
/// given, is checked against the compressed bytes after the whole blob was read.
pub fn walk_layer<R: Read>(
    blob: R,
    expected_digest: Option<&str>,
    limits: &Limits,
    totals: &Totals,
    visit: &mut dyn FnMut(&Header, &mut dyn Read) -> io::Result<()>,
) -> Result<LayerIndex, LayerError> {
    let hashing = std::cell::RefCell::new(Hashing {
        inner: blob,
        hasher: Sha256::new(),
        count: 0,
    });
    let shared = SharedReader(&hashing);
    let buffered = BufReader::with_capacity(READ_BUF, shared);
    let (decoder, compression) = Decoder::new(buffered)?;
    let compressed = || hashing.borrow().count;
    let guard = Guard {
        inner: decoder,
        out: 0,
        compressed: &compressed,
        limits,
        totals,
    };
    let mut tar = TarReader::new(guard, limits.max_path);
    let mut index = LayerIndex {
        compression: Some(compression),
        ..LayerIndex::default()
    };
    loop {
        let header = match tar.next_header() {
            Ok(Some(h)) => h,
            Ok(None) => break,
            Err(e) => return Err(tar_error(e)),
        };
        let n = totals.entries.fetch_add(1, Ordering::Relaxed) + 1;
        if n > limits.max_entries {
            return Err(LimitError::Entries {
                max: limits.max_entries,
            }
            .into());
        }
        let (dir, name) = match header.path.rsplit_once('/') {
            Some((d, n)) => (d, n),
            None => ("", header.path.as_str()),
        };
        if let Some(target) = name.strip_prefix(".wh.") {
            if target == ".wh..opq" {
                index.entries.push(IndexEntry {
                    path: dir.to_string(),
                    change: Change::Opaque,
                });
            } else if !target.starts_with(".wh.") && !target.is_empty() {
                let path = if dir.is_empty() {
                    target.to_string()
                } else {
                    format!("{dir}/{target}")
                };
                index.entries.push(IndexEntry {
                    path,
                    change: Change::Whiteout,
                });
            }
            continue;
        }
        if header.path.is_empty() {
            continue;
        }
        index.entries.push(IndexEntry {
            path: header.path.clone(),
            change: Change::Add {
                kind: header.kind,
                size: header.size,
            },
        });
        if header.kind == EntryKind::File {
            visit(&header, &mut tar).map_err(unwrap_limit)?;
        }
    }
    // Read to the end of the blob so the digest covers every byte (tar end markers are often
    // followed by padding, and a blob with trailing data must not pass verification).
    let guard = tar.into_inner();
    index.uncompressed_bytes = guard.out;
    if let Some(mut rest) = guard.inner.into_inner() {
        io::copy(&mut rest, &mut io::sink()).map_err(unwrap_limit)?;
    }
    let h = hashing.into_inner();
    index.compressed_bytes = h.count;
    index.digest = format!("sha256:{}", hex::encode(h.hasher.finalize()));
    if let Some(expected) = expected_digest
        && !expected.eq_ignore_ascii_case(&index.digest)
    {
        return Err(LayerError::Digest {
            expected: expected.to_string(),
            actual: index.digest.trim_start_matches("sha256:").to_string(),
        });
    }
    Ok(index)
}

/// Lets the decompressor read through the hasher while the guard asks for the byte count.
struct SharedReader<'a, R>(&'a std::cell::RefCell<Hashing<R>>);

impl<R: Read> Read for SharedReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.borrow_mut().read(buf)
    }
}

/// Reads up to `limit` bytes of `r` (a member's content) into a vector.
pub fn read_bounded(r: &mut dyn Read, size: u64, limit: u64) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(size.min(limit) as usize);
    r.take(limit).read_to_end(&mut buf)?;
    Ok(buf)
}
