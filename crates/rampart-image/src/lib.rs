//! Container images for rampart: read an image from a `docker save` archive, an OCI layout
//! directory or `oci-archive` tar, or a registry; stream its layers (gzip, zstd or plain tar,
//! in parallel, never unpacked to disk); apply whiteouts and opaque directories so the final
//! file view is exact; hand each file to the static scanners through `rampart-core` and
//! attribute what they find to the layer and Dockerfile instruction that added the file.
//! Files a later layer deleted are still scanned by the scanners that look at every layer
//! (secrets): their bytes are still in the image.
//!
//! The image's own checks (the config: user, environment, exposed ports, history; development
//! toolchains shipped in the final view) are the `image/...` rules of [`rules`].

pub mod checks;
pub mod layer;
pub mod oci;
pub mod registry;
pub mod rules;
pub mod scan;
pub mod source;
pub mod spill;
pub mod tar;
pub mod view;

use std::path::Path;

pub use oci::{ImageConfig, Platform};
pub use registry::{Credentials, PullOptions, Reference};
pub use scan::{ImageScan, LayerSummary, ScanPlan, scan_image};
pub use source::{Image, LayerRef};

/// Bounds on what one image may cost. Every limit, when hit, names itself in the error.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Decompressed bytes over all layers.
    pub max_total_bytes: u64,
    /// Tar members over all layers.
    pub max_entries: u64,
    /// Bytes in one path.
    pub max_path: usize,
    /// Decompressed / compressed bytes of one layer.
    pub max_ratio: u64,
    /// A file is read into memory for the scanners up to this size; a larger file a scanner
    /// wants is copied to a private temporary file (see `max_spill`) and handed over by path,
    /// the way the directory walk hands over files too large to read whole.
    pub max_in_memory: u64,
    /// The largest file copied to a temporary file for the scanners; larger wanted files are
    /// reported as not scanned.
    pub max_spill: u64,
    /// Files kept in memory until the final view is known (those only final-view scanners
    /// want); past this, they are read again in a second pass over their layer.
    pub pending_budget: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_total_bytes: 64 * 1024 * 1024 * 1024,
            max_entries: 2_000_000,
            max_path: 4096,
            max_ratio: 2000,
            max_in_memory: 32 * 1024 * 1024,
            max_spill: 16 * 1024 * 1024 * 1024,
            pending_budget: 48 * 1024 * 1024,
        }
    }
}

/// A limit of [`Limits`] was reached.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("image larger than {max} decompressed bytes (--max-image-bytes); scan stopped")]
    TotalBytes { max: u64 },
    #[error("image has more than {max} tar entries; scan stopped")]
    Entries { max: u64 },
    #[error("path of {len} bytes is longer than the {max}-byte limit")]
    PathLength { len: u64, max: usize },
    #[error("layer decompresses to more than {max} times its size (a decompression bomb?)")]
    Ratio { max: u64 },
}

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Doc(#[from] oci::DocError),
    #[error("registry: {0}")]
    Registry(String),
    #[error("{what}: digest mismatch: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: String,
        actual: String,
    },
    #[error("layer {digest}: {source}")]
    Layer {
        digest: String,
        source: layer::LayerError,
    },
}

impl ImageError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        ImageError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Opens an image: a local path (layout directory, docker or OCI archive), else a registry
/// reference.
pub fn open(reference: &str, platform: &Platform, pull: &PullOptions) -> Result<Image, ImageError> {
    let local = reference
        .rsplit_once(':')
        .map(|(p, _)| Path::new(p).exists())
        .unwrap_or(false);
    if Path::new(reference).exists() || local {
        return source::open_local(reference, platform, 1_000_000);
    }
    registry::pull(reference, platform, pull)
}
