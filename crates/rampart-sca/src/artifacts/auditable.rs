//! Rust binaries built with `cargo auditable`: their dependency tree is embedded as
//! zlib-compressed JSON in the ELF section `.dep-v0` (the format of the `auditable-serde`
//! crate: `{"packages":[{"name","version","source","kind","dependencies","root"}]}`). The
//! section is found through the ELF section headers, decompressed with a hard output limit and
//! parsed; nothing is executed.

use std::io::Read;

use serde::Deserialize;

use crate::package::{Ecosystem, Package};

const SECTION: &[u8] = b".dep-v0";
/// Largest decompressed JSON accepted (a 2,000-crate tree is ~200 KiB).
const MAX_JSON: u64 = 16 * 1024 * 1024;
const MAX_SECTIONS: usize = 65_535;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditableError {
    #[error("malformed ELF: {0}")]
    Elf(&'static str),
    #[error("cargo-auditable data: {0}")]
    Data(String),
}

/// The bytes of ELF section `name`, or `None` when the file has no such section.
pub fn elf_section<'a>(b: &'a [u8], name: &[u8]) -> Result<Option<&'a [u8]>, AuditableError> {
    if b.len() < 52 || !b.starts_with(b"\x7fELF") {
        return Err(AuditableError::Elf("no ELF header"));
    }
    let wide = match b[4] {
        1 => false,
        2 => true,
        _ => return Err(AuditableError::Elf("unknown class")),
    };
    let big = match b[5] {
        1 => false,
        2 => true,
        _ => return Err(AuditableError::Elf("unknown byte order")),
    };
    let rd = |at: usize, n: usize| -> Result<u64, AuditableError> {
        let s = b
            .get(at..at + n)
            .ok_or(AuditableError::Elf("truncated header"))?;
        let mut v = 0u64;
        for i in 0..n {
            let byte = if big { s[i] } else { s[n - 1 - i] };
            v = (v << 8) | u64::from(byte);
        }
        Ok(v)
    };
    let (shoff, shentsize, shnum, shstrndx) = if wide {
        (rd(0x28, 8)?, rd(0x3A, 2)?, rd(0x3C, 2)?, rd(0x3E, 2)?)
    } else {
        (rd(0x20, 4)?, rd(0x2E, 2)?, rd(0x30, 2)?, rd(0x32, 2)?)
    };
    let (shnum, shentsize) = (shnum as usize, shentsize as usize);
    if shoff == 0 || shnum == 0 {
        return Ok(None);
    }
    if shnum > MAX_SECTIONS || shentsize < if wide { 64 } else { 40 } {
        return Err(AuditableError::Elf("implausible section header table"));
    }
    let shoff = usize::try_from(shoff).map_err(|_| AuditableError::Elf("offset"))?;
    let header = |i: usize| -> Result<(u64, u64, u64), AuditableError> {
        let at = shoff
            .checked_add(
                i.checked_mul(shentsize)
                    .ok_or(AuditableError::Elf("overflow"))?,
            )
            .ok_or(AuditableError::Elf("overflow"))?;
        if wide {
            Ok((rd(at, 4)?, rd(at + 24, 8)?, rd(at + 32, 8)?))
        } else {
            Ok((rd(at, 4)?, rd(at + 16, 4)?, rd(at + 20, 4)?))
        }
    };
    let slice = |off: u64, size: u64| -> Result<&'a [u8], AuditableError> {
        let off = usize::try_from(off).map_err(|_| AuditableError::Elf("offset"))?;
        let size = usize::try_from(size).map_err(|_| AuditableError::Elf("size"))?;
        b.get(
            off..off
                .checked_add(size)
                .ok_or(AuditableError::Elf("overflow"))?,
        )
        .ok_or(AuditableError::Elf("section runs past the end of the file"))
    };
    let (_, str_off, str_size) = header(shstrndx as usize)?;
    let names = slice(str_off, str_size)?;
    for i in 0..shnum {
        let (name_at, off, size) = header(i)?;
        let Some(rest) = names.get(name_at as usize..) else {
            continue;
        };
        let end = rest.iter().position(|&c| c == 0).unwrap_or(rest.len());
        if &rest[..end] == name {
            return slice(off, size).map(Some);
        }
    }
    Ok(None)
}

#[derive(Deserialize)]
struct Tree {
    packages: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    version: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    root: bool,
}

/// The crates.io packages of a cargo-auditable binary; `Ok(None)` for ELF files without the
/// section (most binaries).
pub fn packages(bytes: &[u8], rel: &str) -> Result<Option<Vec<Package>>, AuditableError> {
    let Some(section) = elf_section(bytes, SECTION)? else {
        return Ok(None);
    };
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(section)
        .take(MAX_JSON + 1)
        .read_to_end(&mut json)
        .map_err(|e| AuditableError::Data(format!("zlib: {e}")))?;
    if json.len() as u64 > MAX_JSON {
        return Err(AuditableError::Data(format!(
            "expands beyond {MAX_JSON} bytes"
        )));
    }
    let tree: Tree =
        serde_json::from_slice(&json).map_err(|e| AuditableError::Data(format!("JSON: {e}")))?;
    let mut out = Vec::new();
    for e in tree.packages {
        // Local and git crates are not on crates.io: RustSec advisories do not name them.
        if e.root || e.source != "crates.io" {
            continue;
        }
        let mut p =
            crate::inventory::new_package(Ecosystem::CratesIo, &e.name, &e.version, rel, None);
        if e.kind == "build" {
            p.scope = crate::package::Scope::Dev;
        }
        out.push(p);
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal ELF64 little-endian file with a `.shstrtab` and the given sections.
    pub(crate) fn elf(sections: &[(&str, &[u8])]) -> Vec<u8> {
        let mut names = vec![0u8];
        let mut name_at = Vec::new();
        for (n, _) in sections {
            name_at.push(names.len() as u32);
            names.extend_from_slice(n.as_bytes());
            names.push(0);
        }
        let shstr_name = names.len() as u32;
        names.extend_from_slice(b".shstrtab\0");
        let mut b = vec![0u8; 64];
        b[..4].copy_from_slice(b"\x7fELF");
        b[4] = 2;
        b[5] = 1;
        let mut placed = Vec::new();
        for (_, data) in sections {
            placed.push((b.len() as u64, data.len() as u64));
            b.extend_from_slice(data);
        }
        let str_off = b.len() as u64;
        b.extend_from_slice(&names);
        let shoff = b.len() as u64;
        b.extend_from_slice(&[0u8; 64]); // null section
        for (i, (off, size)) in placed.iter().enumerate() {
            let mut h = [0u8; 64];
            h[..4].copy_from_slice(&name_at[i].to_le_bytes());
            h[24..32].copy_from_slice(&off.to_le_bytes());
            h[32..40].copy_from_slice(&size.to_le_bytes());
            b.extend_from_slice(&h);
        }
        let mut h = [0u8; 64];
        h[..4].copy_from_slice(&shstr_name.to_le_bytes());
        h[24..32].copy_from_slice(&str_off.to_le_bytes());
        h[32..40].copy_from_slice(&(names.len() as u64).to_le_bytes());
        b.extend_from_slice(&h);
        let n = sections.len() as u16 + 2;
        b[0x28..0x30].copy_from_slice(&shoff.to_le_bytes());
        b[0x3A..0x3C].copy_from_slice(&64u16.to_le_bytes());
        b[0x3C..0x3E].copy_from_slice(&n.to_le_bytes());
        b[0x3E..0x40].copy_from_slice(&(n - 1).to_le_bytes());
        b
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn reads_the_dependency_tree() {
        let json = br#"{"packages":[
            {"name":"app","version":"0.1.0","source":"local","dependencies":[1,2],"root":true},
            {"name":"smallvec","version":"1.6.0","source":"crates.io"},
            {"name":"cc","version":"1.0.0","source":"crates.io","kind":"build"},
            {"name":"forked","version":"0.1.0","source":"git"}]}"#;
        let bin = elf(&[(".text", b"\x90\x90"), (".dep-v0", &zlib(json))]);
        let pkgs = packages(&bin, "usr/bin/app").unwrap().unwrap();
        let got: Vec<_> = pkgs
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str(), p.scope))
            .collect();
        assert_eq!(
            got,
            vec![
                ("smallvec", "1.6.0", crate::package::Scope::Runtime),
                ("cc", "1.0.0", crate::package::Scope::Dev)
            ]
        );
        assert_eq!(packages(&elf(&[(".text", b"")]), "x").unwrap(), None);
    }

    #[test]
    fn bombs_and_lies_are_errors() {
        let bomb = zlib(&vec![b' '; (MAX_JSON + 10) as usize]);
        let bin = elf(&[(".dep-v0", &bomb)]);
        assert!(
            packages(&bin, "x")
                .unwrap_err()
                .to_string()
                .contains("expands")
        );
        let mut bad = elf(&[(".dep-v0", b"xx")]);
        let n = bad.len();
        bad[n - 40..n - 32].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(packages(&bad, "x").is_err());
        assert!(elf_section(b"\x7fELF", b".x").is_err());
    }
}
