//! Where an image comes from: a `docker save` archive, an OCI image layout directory, an
//! `oci-archive` tar, or a registry (see [`crate::registry`]). Each source yields the same
//! [`Image`]: its config and its layers as blobs to stream.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::ImageError;
use crate::oci::{self, DocError, ImageConfig, Manifest, Platform};
use crate::registry::Registry;
use crate::tar::{EntryKind, TarReader};

/// One layer of an image.
#[derive(Debug, Clone)]
pub struct LayerRef {
    /// The digest reported for the layer: the blob digest of the manifest, or the diff id for a
    /// `docker save` layer.
    pub digest: String,
    /// The digest the blob's bytes must have (checked after reading it whole).
    pub verify: Option<String>,
    /// The compressed size announced by the manifest (0 when unknown).
    pub size: u64,
    key: String,
}

/// Where blobs are read from.
#[derive(Debug)]
enum Store {
    /// `blobs/sha256/<hex>` under a layout directory.
    Dir(PathBuf),
    /// Members of a tar file by name: (offset, size).
    Tar {
        path: PathBuf,
        members: HashMap<String, (u64, u64)>,
    },
    Registry(Box<Registry>),
}

/// An image ready to scan: its identity, config and layers.
#[derive(Debug)]
pub struct Image {
    /// What the user named (`reg:5000/app:1`, `image.tar`).
    pub name: String,
    /// The manifest digest when known, else the config digest: the image's identity.
    pub digest: String,
    pub config: ImageConfig,
    pub layers: Vec<LayerRef>,
    store: Store,
}

impl Image {
    /// A reader of layer `i`'s blob, as stored (compressed or not).
    pub fn open_layer(&self, layer: &LayerRef) -> Result<Box<dyn Read + Send + '_>, ImageError> {
        match &self.store {
            Store::Dir(root) => {
                let hex = oci::check_digest(&layer.key)?;
                let p = root.join("blobs").join("sha256").join(hex);
                let f = File::open(&p).map_err(|e| ImageError::io(&p, e))?;
                Ok(Box::new(f))
            }
            Store::Tar { path, members } => {
                let &(offset, size) = members.get(&layer.key).ok_or_else(|| {
                    ImageError::Doc(DocError::Invalid(format!(
                        "layer `{}` is not in the archive",
                        layer.key
                    )))
                })?;
                let mut f = File::open(path).map_err(|e| ImageError::io(path, e))?;
                f.seek(SeekFrom::Start(offset))
                    .map_err(|e| ImageError::io(path, e))?;
                Ok(Box::new(f.take(size)))
            }
            Store::Registry(reg) => reg.open_blob(&layer.key),
        }
    }
}

/// Opens a local image: a directory holding an OCI layout, or a tar file that is a `docker
/// save` archive or an `oci-archive`. `PATH:NAME` picks a tagged image of a layout or archive
/// holding several.
pub fn open_local(reference: &str, platform: &Platform, limit: u64) -> Result<Image, ImageError> {
    let (path, tag) = split_local(reference);
    let path = Path::new(path);
    if path.is_dir() {
        let store = Store::Dir(path.to_path_buf());
        let index = read_small(&store, "index.json", limit)?;
        return from_oci_index(reference, store, &index, tag, platform, limit);
    }
    let members = tar_members(path, limit)?;
    let store = Store::Tar {
        path: path.to_path_buf(),
        members,
    };
    let has = |name: &str| match &store {
        Store::Tar { members, .. } => members.contains_key(name),
        _ => false,
    };
    if has("manifest.json") {
        from_docker_archive(reference, store, tag, limit)
    } else if has("index.json") {
        let index = read_small(&store, "index.json", limit)?;
        from_oci_index(reference, store, &index, tag, platform, limit)
    } else {
        Err(ImageError::Doc(DocError::Invalid(format!(
            "{}: neither a docker save archive (manifest.json) nor an OCI archive (index.json)",
            path.display()
        ))))
    }
}

/// `dir:tag` when `dir` exists and `dir:tag` does not.
fn split_local(reference: &str) -> (&str, Option<&str>) {
    if Path::new(reference).exists() {
        return (reference, None);
    }
    match reference.rsplit_once(':') {
        Some((p, t)) if Path::new(p).exists() && !t.contains('/') => (p, Some(t)),
        _ => (reference, None),
    }
}

/// The members of a tar file and where their content starts, headers only.
fn tar_members(path: &Path, limit: u64) -> Result<HashMap<String, (u64, u64)>, ImageError> {
    let f = File::open(path).map_err(|e| ImageError::io(path, e))?;
    let mut tar = TarReader::new(BufReader::with_capacity(64 * 1024, f), 4096);
    let mut members = HashMap::new();
    let mut n = 0u64;
    while let Some(h) = tar
        .next_header()
        .map_err(|e| ImageError::Doc(DocError::Invalid(format!("{}: {e}", path.display()))))?
    {
        n += 1;
        if n > limit.max(1024) {
            return Err(ImageError::Doc(DocError::Invalid(format!(
                "{}: more than {n} members; not an image archive",
                path.display()
            ))));
        }
        if h.kind == EntryKind::File {
            members.insert(h.path, (h.offset, h.size));
        }
    }
    Ok(members)
}

fn read_small(store: &Store, key: &str, _limit: u64) -> Result<Vec<u8>, ImageError> {
    let max = oci::MAX_DOCUMENT as u64;
    let mut buf = Vec::new();
    match store {
        Store::Dir(root) => {
            let p = root.join(key);
            let f = File::open(&p).map_err(|e| ImageError::io(&p, e))?;
            f.take(max + 1)
                .read_to_end(&mut buf)
                .map_err(|e| ImageError::io(&p, e))?;
        }
        Store::Tar { path, members } => {
            let &(offset, size) = members.get(key).ok_or_else(|| {
                ImageError::Doc(DocError::Invalid(format!(
                    "{}: no `{key}` in the archive",
                    path.display()
                )))
            })?;
            let mut f = File::open(path).map_err(|e| ImageError::io(path, e))?;
            f.seek(SeekFrom::Start(offset))
                .map_err(|e| ImageError::io(path, e))?;
            f.take(size.min(max + 1))
                .read_to_end(&mut buf)
                .map_err(|e| ImageError::io(path, e))?;
        }
        Store::Registry(_) => unreachable_registry()?,
    }
    if buf.len() as u64 > max {
        return Err(ImageError::Doc(DocError::TooLarge {
            what: "image document",
            size: buf.len(),
            max: oci::MAX_DOCUMENT,
        }));
    }
    Ok(buf)
}

fn unreachable_registry() -> Result<(), ImageError> {
    Err(ImageError::Doc(DocError::Invalid(
        "registry blobs are fetched by the registry client".into(),
    )))
}

fn blob_key(digest: &str) -> Result<String, ImageError> {
    let hex = oci::check_digest(digest)?;
    Ok(format!("blobs/sha256/{hex}"))
}

/// Reads a verified blob of a layout (directory or archive) by digest.
fn read_blob(store: &Store, digest: &str, limit: u64) -> Result<Vec<u8>, ImageError> {
    let bytes = read_small(store, &blob_key(digest)?, limit)?;
    let actual = oci::sha256_digest(&bytes);
    if !actual.eq_ignore_ascii_case(digest) {
        return Err(ImageError::DigestMismatch {
            what: "blob".into(),
            expected: digest.into(),
            actual,
        });
    }
    Ok(bytes)
}

fn from_oci_index(
    name: &str,
    store: Store,
    index_bytes: &[u8],
    tag: Option<&str>,
    platform: &Platform,
    limit: u64,
) -> Result<Image, ImageError> {
    let index = Manifest::parse(index_bytes)?;
    let desc = match tag {
        Some(t) => index
            .manifests
            .iter()
            .find(|d| {
                d.annotations
                    .get("org.opencontainers.image.ref.name")
                    .is_some_and(|r| r == t)
            })
            .ok_or_else(|| {
                ImageError::Doc(DocError::Invalid(format!(
                    "no image tagged `{t}` in {name}"
                )))
            })?
            .clone(),
        None => index.select(platform)?.clone(),
    };
    let mut digest = desc.digest.clone();
    let mut manifest = Manifest::parse(&read_blob(&store, &digest, limit)?)?;
    // A nested index (multi-arch image saved to a layout): one more level.
    for _ in 0..2 {
        if !manifest.is_index() {
            break;
        }
        digest = manifest.select(platform)?.digest.clone();
        manifest = Manifest::parse(&read_blob(&store, &digest, limit)?)?;
    }
    let config_desc = manifest
        .config
        .clone()
        .ok_or_else(|| ImageError::Doc(DocError::Invalid("manifest without config".into())))?;
    let config = ImageConfig::parse(&read_blob(&store, &config_desc.digest, limit)?)?;
    let layers = manifest
        .layers
        .iter()
        .map(|l| {
            Ok(LayerRef {
                digest: l.digest.clone(),
                verify: Some(l.digest.clone()),
                size: l.size,
                key: match &store {
                    Store::Dir(_) => l.digest.clone(),
                    _ => blob_key(&l.digest)?,
                },
            })
        })
        .collect::<Result<Vec<_>, ImageError>>()?;
    Ok(Image {
        name: name.to_string(),
        digest,
        config,
        layers,
        store,
    })
}

fn from_docker_archive(
    name: &str,
    store: Store,
    tag: Option<&str>,
    limit: u64,
) -> Result<Image, ImageError> {
    let entries = oci::parse_docker_archive_manifest(&read_small(&store, "manifest.json", limit)?)?;
    let entry = match tag {
        Some(t) => entries.iter().find(|e| {
            e.repo_tags
                .as_ref()
                .is_some_and(|tags| tags.iter().any(|x| x == t || x.ends_with(&format!(":{t}"))))
        }),
        None => entries.first(),
    }
    .ok_or_else(|| ImageError::Doc(DocError::Invalid(format!("no image in {name}"))))?;
    let config_bytes = read_small(&store, &entry.config, limit)?;
    let config = ImageConfig::parse(&config_bytes)?;
    let config_digest = oci::sha256_digest(&config_bytes);
    // The config is named by its digest in every docker save format; a mismatch is tampering.
    let stem = entry
        .config
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".json");
    if stem.len() == 64 && !config_digest.ends_with(stem) {
        return Err(ImageError::DigestMismatch {
            what: format!("config {}", entry.config),
            expected: format!("sha256:{stem}"),
            actual: config_digest,
        });
    }
    let layers = entry
        .layers
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let diff_id = config.rootfs.diff_ids.get(i).cloned();
            let blob = key
                .strip_prefix("blobs/sha256/")
                .filter(|h| h.len() == 64)
                .map(|h| format!("sha256:{h}"));
            LayerRef {
                digest: diff_id
                    .clone()
                    .or_else(|| blob.clone())
                    .unwrap_or_else(|| key.clone()),
                // `docker save` layers are uncompressed tars, so the diff id is their digest.
                verify: blob.or(diff_id),
                size: 0,
                key: key.clone(),
            }
        })
        .collect();
    Ok(Image {
        name: name.to_string(),
        digest: config_digest,
        config,
        layers,
        store,
    })
}

/// An image pulled from a registry: manifests and config already fetched and verified.
pub(crate) fn from_registry(
    name: &str,
    registry: Registry,
    digest: String,
    config: ImageConfig,
    manifest: &Manifest,
) -> Image {
    let layers = manifest
        .layers
        .iter()
        .map(|l| LayerRef {
            digest: l.digest.clone(),
            verify: Some(l.digest.clone()),
            size: l.size,
            key: l.digest.clone(),
        })
        .collect();
    Image {
        name: name.to_string(),
        digest,
        config,
        layers,
        store: Store::Registry(Box::new(registry)),
    }
}
