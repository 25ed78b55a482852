//! rpm header blobs as rpmdb stores them (rpm's `lib/header.c`, "Header structure" in the RPM
//! file format documentation): a big-endian index count `il` and data length `dl`, `il`
//! 16-byte index entries (tag, type, offset into the data, count), then `dl` bytes of data.
//! Only the tags naming the package are read.

use super::super::{OsPackage, ParseError};

const TAG_NAME: u32 = 1000;
const TAG_VERSION: u32 = 1001;
const TAG_RELEASE: u32 = 1002;
const TAG_EPOCH: u32 = 1003;
const TAG_ARCH: u32 = 1022;
const TAG_SOURCERPM: u32 = 1044;

const TYPE_INT32: u32 = 4;
const TYPE_STRING: u32 = 6;
const TYPE_I18NSTRING: u32 = 9;

/// rpm's own limits (`hdrchkTags`, `hdrchkData`): 0xffff entries, 256 MiB of data.
const MAX_INDEX: u32 = 0xffff;
const MAX_DATA: u32 = 256 * 1024 * 1024;

fn be32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

/// The package a header blob describes; `None` for rpm's `gpg-pubkey` pseudo-packages (imported
/// signing keys, not software).
pub fn parse(blob: &[u8]) -> Result<Option<OsPackage>, ParseError> {
    let bad = |m: &str| ParseError::new(None, format!("rpm header: {m}"));
    let il = be32(blob, 0).ok_or_else(|| bad("shorter than its 8-byte preamble"))?;
    let dl = be32(blob, 4).ok_or_else(|| bad("shorter than its 8-byte preamble"))?;
    if il == 0 || il > MAX_INDEX || dl > MAX_DATA {
        return Err(bad(&format!(
            "implausible sizes ({il} entries, {dl} bytes)"
        )));
    }
    let index_end = 8 + il as usize * 16;
    let data = blob
        .get(index_end..index_end + dl as usize)
        .ok_or_else(|| bad("index and data run past the end of the blob"))?;
    let mut name = None;
    let mut version = None;
    let mut release = None;
    let mut epoch = None;
    let mut arch = None;
    let mut sourcerpm = None;
    for i in 0..il as usize {
        let e = 8 + i * 16;
        let (Some(tag), Some(ty), Some(off), Some(count)) = (
            be32(blob, e),
            be32(blob, e + 4),
            be32(blob, e + 8),
            be32(blob, e + 12),
        ) else {
            return Err(bad("truncated index entry"));
        };
        let off = off as usize;
        let string = || -> Result<String, ParseError> {
            if ty != TYPE_STRING && ty != TYPE_I18NSTRING {
                return Err(bad(&format!("tag {tag} is not a string")));
            }
            let rest = data
                .get(off..)
                .ok_or_else(|| bad(&format!("tag {tag} points outside the data")))?;
            let end = rest
                .iter()
                .position(|&b| b == 0)
                .ok_or_else(|| bad(&format!("tag {tag}: unterminated string")))?;
            Ok(String::from_utf8_lossy(&rest[..end]).into_owned())
        };
        match tag {
            TAG_NAME => name = Some(string()?),
            TAG_VERSION => version = Some(string()?),
            TAG_RELEASE => release = Some(string()?),
            TAG_ARCH => arch = Some(string()?),
            TAG_SOURCERPM => sourcerpm = Some(string()?),
            TAG_EPOCH => {
                if ty != TYPE_INT32 || count < 1 {
                    return Err(bad("epoch is not an int32"));
                }
                epoch = Some(be32(data, off).ok_or_else(|| bad("epoch outside the data"))?);
            }
            _ => {}
        }
    }
    let name = name
        .filter(|n| !n.is_empty())
        .ok_or_else(|| bad("no name"))?;
    if name == "gpg-pubkey" {
        return Ok(None);
    }
    let version = version
        .filter(|v| !v.is_empty())
        .ok_or_else(|| bad(&format!("`{name}` has no version")))?;
    let mut evr = String::new();
    if let Some(e) = epoch {
        evr.push_str(&format!("{e}:"));
    }
    evr.push_str(&version);
    if let Some(r) = release.filter(|r| !r.is_empty()) {
        evr.push('-');
        evr.push_str(&r);
    }
    let (source_name, source_version) = sourcerpm
        .as_deref()
        .and_then(split_source_rpm)
        .map(|(n, v)| {
            let v = match epoch {
                Some(e) => format!("{e}:{v}"),
                None => v,
            };
            (n, v)
        })
        .unwrap_or_else(|| (name.clone(), evr.clone()));
    Ok(Some(OsPackage {
        name,
        version: evr,
        source_name,
        source_version,
        arch: arch.unwrap_or_default(),
        line: None,
    }))
}

/// `openssl-3.0.7-25.el9_3.src.rpm` → (`openssl`, `3.0.7-25.el9_3`).
fn split_source_rpm(s: &str) -> Option<(String, String)> {
    let stem = s
        .strip_suffix(".src.rpm")
        .or_else(|| s.strip_suffix(".nosrc.rpm"))?;
    let (rest, release) = stem.rsplit_once('-')?;
    let (name, version) = rest.rsplit_once('-')?;
    (!name.is_empty() && !version.is_empty() && !release.is_empty())
        .then(|| (name.to_string(), format!("{version}-{release}")))
}

/// Builds a header blob, for tests and the fuzz corpus.
#[doc(hidden)]
pub fn build(entries: &[(u32, &str)], epoch: Option<u32>) -> Vec<u8> {
    let mut index = Vec::new();
    let mut data = Vec::new();
    let mut n = 0u32;
    if let Some(e) = epoch {
        index.extend_from_slice(&TAG_EPOCH.to_be_bytes());
        index.extend_from_slice(&TYPE_INT32.to_be_bytes());
        index.extend_from_slice(&(data.len() as u32).to_be_bytes());
        index.extend_from_slice(&1u32.to_be_bytes());
        data.extend_from_slice(&e.to_be_bytes());
        n += 1;
    }
    for (tag, value) in entries {
        index.extend_from_slice(&tag.to_be_bytes());
        index.extend_from_slice(&TYPE_STRING.to_be_bytes());
        index.extend_from_slice(&(data.len() as u32).to_be_bytes());
        index.extend_from_slice(&1u32.to_be_bytes());
        data.extend_from_slice(value.as_bytes());
        data.push(0);
        n += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(&index);
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_epoch_version_release_and_source() {
        let blob = build(
            &[
                (TAG_NAME, "openssl-libs"),
                (TAG_VERSION, "3.0.7"),
                (TAG_RELEASE, "25.el9_3"),
                (TAG_ARCH, "x86_64"),
                (TAG_SOURCERPM, "openssl-3.0.7-25.el9_3.src.rpm"),
            ],
            Some(1),
        );
        let p = parse(&blob).unwrap().unwrap();
        assert_eq!(p.name, "openssl-libs");
        assert_eq!(p.version, "1:3.0.7-25.el9_3");
        assert_eq!(p.source_name, "openssl");
        assert_eq!(p.source_version, "1:3.0.7-25.el9_3");
        assert_eq!(p.arch, "x86_64");
    }

    #[test]
    fn rejects_lies_about_sizes_and_skips_keys() {
        let mut blob = build(&[(TAG_NAME, "a"), (TAG_VERSION, "1")], None);
        assert!(parse(&blob[..10]).is_err());
        blob[7] = 200;
        assert!(parse(&blob).is_err());
        let key = build(&[(TAG_NAME, "gpg-pubkey"), (TAG_VERSION, "1")], None);
        assert_eq!(parse(&key).unwrap(), None);
        let no_version = build(&[(TAG_NAME, "a")], None);
        assert!(
            parse(&no_version)
                .unwrap_err()
                .message
                .contains("no version")
        );
    }
}
