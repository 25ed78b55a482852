//! The JSON documents of an image: OCI/Docker manifests and indexes, the image config, and the
//! `manifest.json` of a `docker save` archive. Own lenient types (every field defaulted) rather
//! than a full spec model: an image from any builder parses, and what we do not read cannot
//! fail the scan.

use std::collections::BTreeMap;

use serde::Deserialize;

pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// Manifests and configs larger than this are not images we accept (real ones are a few KiB).
pub const MAX_DOCUMENT: usize = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("{what}: not valid JSON: {source}")]
    Json {
        what: &'static str,
        source: serde_json::Error,
    },
    #[error("{what}: {size} bytes, over the {max}-byte limit for image documents")]
    TooLarge {
        what: &'static str,
        size: usize,
        max: usize,
    },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Platform {
    pub architecture: String,
    pub os: String,
    pub variant: Option<String>,
}

impl Platform {
    /// `os/arch[/variant]`, as `--platform` takes it.
    pub fn parse(s: &str) -> Result<Platform, DocError> {
        let parts: Vec<&str> = s.split('/').collect();
        match parts.as_slice() {
            [os, arch] => Ok(Platform {
                os: (*os).into(),
                architecture: (*arch).into(),
                variant: None,
            }),
            [os, arch, variant] => Ok(Platform {
                os: (*os).into(),
                architecture: (*arch).into(),
                variant: Some((*variant).into()),
            }),
            _ => Err(DocError::Invalid(format!(
                "platform `{s}`: expected os/arch or os/arch/variant"
            ))),
        }
    }

    pub fn matches(&self, want: &Platform) -> bool {
        self.os == want.os
            && self.architecture == want.architecture
            && (want.variant.is_none() || self.variant == want.variant)
    }

    pub fn display(&self) -> String {
        match &self.variant {
            Some(v) => format!("{}/{}/{v}", self.os, self.architecture),
            None => format!("{}/{}", self.os, self.architecture),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Descriptor {
    pub media_type: String,
    pub digest: String,
    pub size: u64,
    pub platform: Option<Platform>,
    pub annotations: BTreeMap<String, String>,
}

/// A manifest or an index: which one is told by `mediaType` or by which list is present.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Manifest {
    pub schema_version: u32,
    pub media_type: String,
    pub config: Option<Descriptor>,
    pub layers: Vec<Descriptor>,
    pub manifests: Vec<Descriptor>,
}

impl Manifest {
    pub fn parse(bytes: &[u8]) -> Result<Manifest, DocError> {
        let m: Manifest = parse_doc("manifest", bytes)?;
        if m.config.is_none() && m.manifests.is_empty() {
            return Err(DocError::Invalid(
                "manifest has neither `config` nor `manifests` (schema 1 manifests are not supported)"
                    .into(),
            ));
        }
        Ok(m)
    }

    pub fn is_index(&self) -> bool {
        self.media_type == OCI_INDEX || self.media_type == DOCKER_LIST || self.config.is_none()
    }

    /// The manifest descriptor of an index for `platform`.
    pub fn select(&self, platform: &Platform) -> Result<&Descriptor, DocError> {
        self.manifests
            .iter()
            .find(|d| d.platform.as_ref().is_some_and(|p| p.matches(platform)))
            .or_else(|| {
                // Single-image indexes (an OCI layout written by skopeo/umoci) carry no platform.
                (self.manifests.len() == 1 && self.manifests[0].platform.is_none())
                    .then(|| &self.manifests[0])
            })
            .ok_or_else(|| {
                let have: Vec<String> = self
                    .manifests
                    .iter()
                    .filter_map(|d| d.platform.as_ref().map(Platform::display))
                    .collect();
                DocError::Invalid(format!(
                    "no image for platform {} in the index (has: {})",
                    platform.display(),
                    if have.is_empty() {
                        "none".into()
                    } else {
                        have.join(", ")
                    }
                ))
            })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct History {
    pub created: Option<String>,
    pub created_by: Option<String>,
    pub comment: Option<String>,
    pub empty_layer: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RunConfig {
    #[serde(rename = "User")]
    pub user: Option<String>,
    #[serde(rename = "Env")]
    pub env: Option<Vec<String>>,
    #[serde(rename = "Labels")]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "ExposedPorts")]
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    #[serde(rename = "Entrypoint")]
    pub entrypoint: Option<Vec<String>>,
    #[serde(rename = "Cmd")]
    pub cmd: Option<Vec<String>>,
    #[serde(rename = "WorkingDir")]
    pub working_dir: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RootFs {
    #[serde(rename = "type")]
    pub kind: String,
    pub diff_ids: Vec<String>,
}

/// The image config: what the container runs with and how the image was built.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ImageConfig {
    pub architecture: String,
    pub os: String,
    pub config: RunConfig,
    pub rootfs: RootFs,
    pub history: Vec<History>,
}

impl ImageConfig {
    pub fn parse(bytes: &[u8]) -> Result<ImageConfig, DocError> {
        parse_doc("image config", bytes)
    }

    /// The history entry (Dockerfile instruction) that made each layer: entries marked
    /// `empty_layer` made none. `None` for every layer when the counts do not agree, since a
    /// wrong attribution is worse than none.
    pub fn layer_instructions(&self, layers: usize) -> Vec<Option<String>> {
        let made: Vec<&History> = self.history.iter().filter(|h| !h.empty_layer).collect();
        if made.len() != layers {
            return vec![None; layers];
        }
        made.iter()
            .map(|h| h.created_by.as_deref().map(clean_instruction))
            .collect()
    }
}

/// `/bin/sh -c #(nop)  COPY file:… in /` → `COPY file:… in /`; `/bin/sh -c apt-get …` →
/// `RUN /bin/sh -c apt-get …`: the Dockerfile form people recognise.
pub fn clean_instruction(created_by: &str) -> String {
    let s = created_by.trim();
    if let Some(rest) = s.strip_prefix("/bin/sh -c #(nop)") {
        return rest.trim().to_string();
    }
    if s.starts_with("/bin/sh -c ") {
        return format!("RUN {s}");
    }
    s.to_string()
}

/// One image of a `docker save` archive's `manifest.json`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DockerArchiveEntry {
    #[serde(rename = "Config")]
    pub config: String,
    #[serde(rename = "RepoTags")]
    pub repo_tags: Option<Vec<String>>,
    #[serde(rename = "Layers")]
    pub layers: Vec<String>,
}

pub fn parse_docker_archive_manifest(bytes: &[u8]) -> Result<Vec<DockerArchiveEntry>, DocError> {
    parse_doc("manifest.json", bytes)
}

fn parse_doc<T: serde::de::DeserializeOwned>(
    what: &'static str,
    bytes: &[u8],
) -> Result<T, DocError> {
    if bytes.len() > MAX_DOCUMENT {
        return Err(DocError::TooLarge {
            what,
            size: bytes.len(),
            max: MAX_DOCUMENT,
        });
    }
    serde_json::from_slice(bytes).map_err(|source| DocError::Json { what, source })
}

/// `sha256:<64 hex>`, the only digest algorithm accepted (a path is built from it).
pub fn check_digest(d: &str) -> Result<&str, DocError> {
    match d.strip_prefix("sha256:") {
        Some(h) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(h),
        _ => Err(DocError::Invalid(format!(
            "digest `{d}`: only sha256:<64 hex digits> is supported"
        ))),
    }
}

/// `sha256:<hex>` of `bytes`.
pub fn sha256_digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_maps_to_layers_skipping_empty_ones() {
        let cfg = ImageConfig::parse(
            br#"{"history":[{"created_by":"/bin/sh -c #(nop) ADD file:abc in / "},
            {"created_by":"/bin/sh -c #(nop)  CMD [\"bash\"]","empty_layer":true},
            {"created_by":"/bin/sh -c apt-get install -y curl"}]}"#,
        )
        .unwrap();
        assert_eq!(
            cfg.layer_instructions(2),
            vec![
                Some("ADD file:abc in /".to_string()),
                Some("RUN /bin/sh -c apt-get install -y curl".to_string())
            ]
        );
        assert_eq!(cfg.layer_instructions(3), vec![None, None, None]);
    }

    #[test]
    fn index_selects_platform() {
        let idx = Manifest::parse(
            br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
            {"digest":"sha256:a","platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
            {"digest":"sha256:b","platform":{"os":"linux","architecture":"amd64"}}]}"#,
        )
        .unwrap();
        assert!(idx.is_index());
        let amd = Platform::parse("linux/amd64").unwrap();
        assert_eq!(idx.select(&amd).unwrap().digest, "sha256:b");
        let arm = Platform::parse("linux/arm64").unwrap();
        assert_eq!(idx.select(&arm).unwrap().digest, "sha256:a");
        let err = idx
            .select(&Platform::parse("linux/s390x").unwrap())
            .unwrap_err();
        assert!(err.to_string().contains("linux/arm64/v8"), "{err}");
    }

    #[test]
    fn digests_are_checked() {
        assert!(check_digest("sha256:../../etc/passwd").is_err());
        assert!(check_digest(&format!("sha256:{}", "a".repeat(64))).is_ok());
    }
}
