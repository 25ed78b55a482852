//! The on-disk index of one ecosystem.
//!
//! Layout: `RAMPOSV1` magic, a little-endian `u64` header length, the postcard-encoded
//! [`Header`] (package names sorted, each with the indices of the advisories naming it, and the
//! byte span of each advisory), then the advisories, each postcard-encoded on its own. Opening an
//! ecosystem reads the file and decodes the header only; an advisory is decoded when a package
//! of its name is looked up. No JSON is parsed at scan time.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::DbError;
use crate::advisory::Advisory;

const MAGIC: &[u8; 8] = b"RAMPOSV1";

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    ecosystem: String,
    /// Sorted by name.
    packages: Vec<(String, Vec<u32>)>,
    /// `(offset, length)` of each advisory in the body.
    spans: Vec<(u64, u32)>,
}

/// An opened ecosystem index.
#[derive(Debug)]
pub struct EcosystemIndex {
    header: Header,
    body: Vec<u8>,
}

/// Encodes the advisories of one ecosystem.
pub fn encode(ecosystem: &str, advisories: &[Advisory]) -> Result<Vec<u8>, DbError> {
    let mut by_name: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut body = Vec::new();
    let mut spans = Vec::with_capacity(advisories.len());
    for (i, adv) in advisories.iter().enumerate() {
        let idx = u32::try_from(i).map_err(|_| DbError::Corrupt("too many advisories".into()))?;
        for a in &adv.affected {
            let list = by_name.entry(a.name.as_str()).or_default();
            if list.last() != Some(&idx) {
                list.push(idx);
            }
        }
        let bytes = postcard::to_stdvec(adv).map_err(|e| DbError::Corrupt(e.to_string()))?;
        let len = u32::try_from(bytes.len())
            .map_err(|_| DbError::Corrupt("advisory too large".into()))?;
        spans.push((body.len() as u64, len));
        body.extend_from_slice(&bytes);
    }
    let header = Header {
        ecosystem: ecosystem.to_string(),
        packages: by_name
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        spans,
    };
    let head = postcard::to_stdvec(&header).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let mut out = Vec::with_capacity(16 + head.len() + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(head.len() as u64).to_le_bytes());
    out.extend_from_slice(&head);
    out.extend_from_slice(&body);
    Ok(out)
}

impl EcosystemIndex {
    pub fn read(path: &Path) -> Result<EcosystemIndex, DbError> {
        let bytes = std::fs::read(path).map_err(|e| DbError::io(path, e))?;
        Self::decode(bytes).map_err(|e| match e {
            DbError::Corrupt(m) => DbError::Corrupt(format!("{}: {m}", path.display())),
            other => other,
        })
    }

    pub fn decode(mut bytes: Vec<u8>) -> Result<EcosystemIndex, DbError> {
        let corrupt = |m: &str| DbError::Corrupt(m.to_string());
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(corrupt("not a rampart advisory index"));
        }
        let len_bytes: [u8; 8] = bytes
            .get(8..16)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| corrupt("truncated header"))?;
        let head_len = usize::try_from(u64::from_le_bytes(len_bytes))
            .map_err(|_| corrupt("bad header length"))?;
        let head_end = 16usize
            .checked_add(head_len)
            .ok_or_else(|| corrupt("bad header length"))?;
        let head = bytes
            .get(16..head_end)
            .ok_or_else(|| corrupt("truncated header"))?;
        let header: Header =
            postcard::from_bytes(head).map_err(|e| DbError::Corrupt(e.to_string()))?;
        let body = bytes.split_off(head_end);
        for &(off, len) in &header.spans {
            let end = off.checked_add(u64::from(len));
            if end.is_none_or(|e| e > body.len() as u64) {
                return Err(corrupt("advisory span outside the file"));
            }
        }
        if header
            .packages
            .iter()
            .flat_map(|(_, ids)| ids)
            .any(|&i| i as usize >= header.spans.len())
        {
            return Err(corrupt("package refers to a missing advisory"));
        }
        Ok(EcosystemIndex { header, body })
    }

    pub fn ecosystem(&self) -> &str {
        &self.header.ecosystem
    }

    pub fn advisory_count(&self) -> usize {
        self.header.spans.len()
    }

    pub fn package_count(&self) -> usize {
        self.header.packages.len()
    }

    /// Decodes advisory number `i`.
    pub fn advisory(&self, i: u32) -> Result<Advisory, DbError> {
        let &(off, len) = self
            .header
            .spans
            .get(i as usize)
            .ok_or_else(|| DbError::Corrupt(format!("no advisory {i}")))?;
        let start = usize::try_from(off).map_err(|_| DbError::Corrupt("bad offset".into()))?;
        let bytes = self
            .body
            .get(start..start + len as usize)
            .ok_or_else(|| DbError::Corrupt("advisory span outside the file".into()))?;
        postcard::from_bytes(bytes).map_err(|e| DbError::Corrupt(e.to_string()))
    }

    /// Every advisory naming the (normalised) package `name`.
    pub fn advisories_for(&self, name: &str) -> Result<Vec<Advisory>, DbError> {
        let Ok(pos) = self
            .header
            .packages
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
        else {
            return Ok(Vec::new());
        };
        let ids = self
            .header
            .packages
            .get(pos)
            .map(|(_, ids)| ids.as_slice())
            .unwrap_or_default();
        ids.iter().map(|&i| self.advisory(i)).collect()
    }

    /// All advisories, in stored order.
    pub fn all(&self) -> impl Iterator<Item = Result<Advisory, DbError>> + '_ {
        (0..self.header.spans.len() as u32).map(|i| self.advisory(i))
    }
}
