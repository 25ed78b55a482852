//! Packages recorded inside installed artifacts rather than in lockfiles: Java archives, Go
//! binaries (embedded build information), Rust binaries built with cargo-auditable, and conda
//! environments' `conda-meta/*.json`. What a container image or an installed system carries.
//!
//! [`detect`] decides from the path and the first bytes only, so ordinary repository scans pay
//! a few byte comparisons per file: an executable is recognised by its ELF, PE or Mach-O magic.

use crate::package::{Ecosystem, Package};

pub mod auditable;
pub mod gobinary;
pub mod jar;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// `.jar`, `.war`, `.ear` (a zip).
    JavaArchive,
    /// An executable (ELF, PE or Mach-O): Go build info, and cargo-auditable data in ELF.
    Executable,
    /// `conda-meta/<name>-<version>-<build>.json`.
    CondaMeta,
}

fn is_executable_magic(head: &[u8]) -> bool {
    head.starts_with(b"\x7fELF")
        || head.starts_with(b"MZ")
        || head.starts_with(&[0xcf, 0xfa, 0xed, 0xfe])
        || head.starts_with(&[0xce, 0xfa, 0xed, 0xfe])
        || head.starts_with(&[0xfe, 0xed, 0xfa, 0xcf])
        || head.starts_with(&[0xfe, 0xed, 0xfa, 0xce])
}

/// The artifact kind of a file, from its path and first bytes.
pub fn detect(rel: &str, head: &[u8]) -> Option<Artifact> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_ascii_lowercase();
    if (lower.ends_with(".jar") || lower.ends_with(".war") || lower.ends_with(".ear"))
        && head.starts_with(b"PK")
    {
        return Some(Artifact::JavaArchive);
    }
    if lower.ends_with(".json")
        && rel
            .rsplit('/')
            .nth(1)
            .is_some_and(|dir| dir == "conda-meta")
    {
        return Some(Artifact::CondaMeta);
    }
    if is_executable_magic(head) {
        return Some(Artifact::Executable);
    }
    None
}

/// What one artifact yielded.
#[derive(Debug, Default)]
pub struct ArtifactInventory {
    pub packages: Vec<Package>,
    /// Problems worth a warning (a nested archive over the limit, an old Go binary).
    pub notes: Vec<String>,
}

/// Reads the packages of an artifact. An executable that is neither a Go nor a
/// cargo-auditable binary yields nothing and no error.
pub fn parse(kind: Artifact, rel: &str, bytes: &[u8]) -> Result<ArtifactInventory, String> {
    let mut out = ArtifactInventory::default();
    match kind {
        Artifact::JavaArchive => {
            let inv = jar::inventory(bytes, rel)?;
            out.packages = inv.packages;
            out.notes = inv.problems;
        }
        Artifact::Executable => {
            match gobinary::find(bytes) {
                Ok(Some(info)) => out.packages.extend(gobinary::packages(&info, rel)),
                Ok(None) => {}
                Err(gobinary::GoError::OldFormat) => {
                    out.notes.push(gobinary::GoError::OldFormat.to_string())
                }
                Err(e) => return Err(e.to_string()),
            }
            if bytes.starts_with(b"\x7fELF") {
                match auditable::packages(bytes, rel) {
                    Ok(Some(p)) => out.packages.extend(p),
                    Ok(None) => {}
                    // A malformed ELF that is not Go either is not our concern.
                    Err(auditable::AuditableError::Elf(_)) => {}
                    Err(e) => return Err(e.to_string()),
                }
            }
        }
        Artifact::CondaMeta => {
            let v: serde_json::Value =
                serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
            let name = v.get("name").and_then(|x| x.as_str());
            let version = v.get("version").and_then(|x| x.as_str());
            match (name, version) {
                (Some(n), Some(ver)) if !n.is_empty() && !ver.is_empty() => {
                    out.packages.push(crate::inventory::new_package(
                        Ecosystem::Conda,
                        n,
                        ver,
                        rel,
                        None,
                    ));
                }
                // `conda-meta/history` is not JSON; other JSON files there are not packages.
                _ => {}
            }
        }
    }
    for p in &mut out.packages {
        p.direct = true;
    }
    Ok(out)
}

/// Reads an artifact too large to hold in memory from its file: Java archives through their
/// central directory, executables by a chunked search for Go build information (the
/// cargo-auditable section of such huge binaries is not read).
pub fn parse_file(
    kind: Artifact,
    rel: &str,
    path: &std::path::Path,
) -> Result<ArtifactInventory, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let r = std::io::BufReader::new(f);
    let mut out = ArtifactInventory::default();
    match kind {
        Artifact::JavaArchive => {
            let inv = jar::inventory_from(r, rel)?;
            out.packages = inv.packages;
            out.notes = inv.problems;
        }
        Artifact::Executable => match gobinary::find_in(r) {
            Ok(Some(info)) => out.packages.extend(gobinary::packages(&info, rel)),
            Ok(None) => {}
            Err(gobinary::GoError::OldFormat) => {
                out.notes.push(gobinary::GoError::OldFormat.to_string())
            }
            Err(e) => return Err(e.to_string()),
        },
        Artifact::CondaMeta => return Err("conda-meta record too large".into()),
    }
    for p in &mut out.packages {
        p.direct = true;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_from_name_and_magic() {
        assert_eq!(
            detect("app/lib/x.jar", b"PK\x03\x04"),
            Some(Artifact::JavaArchive)
        );
        assert_eq!(detect("x.jar", b"not zip"), None);
        assert_eq!(
            detect("usr/bin/kubectl", b"\x7fELF\x02\x01"),
            Some(Artifact::Executable)
        );
        assert_eq!(
            detect("opt/conda/conda-meta/numpy-1.26.4-py311h.json", b"{"),
            Some(Artifact::CondaMeta)
        );
        assert_eq!(detect("src/main.rs", b"fn main"), None);
        assert_eq!(detect("data.json", b"{"), None);
    }

    #[test]
    fn conda_meta_records() {
        let inv = parse(
            Artifact::CondaMeta,
            "opt/conda/conda-meta/numpy-1.26.4-py311h.json",
            br#"{"name":"numpy","version":"1.26.4","build":"py311h","channel":"https://conda.anaconda.org/conda-forge/linux-64"}"#,
        )
        .unwrap();
        assert_eq!(inv.packages.len(), 1);
        assert_eq!(inv.packages[0].purl, "pkg:conda/numpy@1.26.4");
        assert!(parse(Artifact::CondaMeta, "conda-meta/x.json", b"{").is_err());
    }
}
