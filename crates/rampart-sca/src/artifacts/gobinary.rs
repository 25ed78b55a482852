//! Go build information embedded in every binary `go build` makes since Go 1.18 (module mode),
//! read as bytes and never executed. The layout is the one Go's `debug/buildinfo` reads: a
//! 32-byte header starting with `\xff Go buildinf:`, then pointer size and flags; with flag 2
//! ("strings inline", Go ≥ 1.18) two varint-length-prefixed strings follow: the Go version
//! (`go1.21.3`) and the module information (`path`, `mod`, `dep`, `=>` replacement and `build`
//! lines, tab-separated, wrapped in 16-byte sentinels). The header sits at the start of the
//! `.go.buildinfo` section (ELF), or the data section of PE and Mach-O files, so it is found by
//! its magic whatever the executable format.
//!
//! Go versions before 1.18 store pointers to the strings instead; those binaries are reported,
//! not guessed at.

use crate::package::Ecosystem;

pub const MAGIC: &[u8; 14] = b"\xff Go buildinf:";
const FLAG_INLINE: u8 = 0x2;
/// The module information is at most a few hundred KiB even for huge programs.
const MAX_STRING: u64 = 8 * 1024 * 1024;

/// What the build information says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BuildInfo {
    /// `1.21.3` of `go1.21.3`.
    pub go_version: String,
    /// The main module (`mod` line): path and version (`(devel)` for local builds).
    pub main: Option<(String, String)>,
    /// Dependencies (`dep` lines, with `=>` replacements applied).
    pub deps: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoError {
    #[error("Go build information of Go < 1.18 (pointer format) is not read")]
    OldFormat,
    #[error("malformed Go build information: {0}")]
    Malformed(&'static str),
}

fn uvarint(b: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for i in 0..10 {
        let byte = *b.get(*at)?;
        *at += 1;
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn string<'a>(b: &'a [u8], at: &mut usize) -> Result<&'a [u8], GoError> {
    let n = uvarint(b, at).ok_or(GoError::Malformed("truncated length"))?;
    if n > MAX_STRING {
        return Err(GoError::Malformed("string longer than any real build info"));
    }
    let end = at
        .checked_add(n as usize)
        .ok_or(GoError::Malformed("length overflows"))?;
    let s = b
        .get(*at..end)
        .ok_or(GoError::Malformed("string runs past the end of the file"))?;
    *at = end;
    Ok(s)
}

/// Finds and parses the build information in an executable's bytes; `Ok(None)` when there is
/// none (not a Go binary).
pub fn find(bytes: &[u8]) -> Result<Option<BuildInfo>, GoError> {
    let mut last_err = None;
    for pos in memchr::memmem::find_iter(bytes, MAGIC) {
        match parse_at(&bytes[pos..]) {
            Ok(info) => return Ok(Some(info)),
            Err(e) => last_err = Some(e),
        }
    }
    match last_err {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

/// Like [`find`] over a reader, in bounded memory: the file is searched in chunks and only the
/// window after a magic is kept (for executables too large to hold in memory).
pub fn find_in<R: std::io::Read + std::io::Seek>(mut r: R) -> Result<Option<BuildInfo>, GoError> {
    use std::io::{Read, SeekFrom};
    const CHUNK: usize = 8 * 1024 * 1024;
    const WINDOW: usize = 1024 * 1024;
    let io = |_| GoError::Malformed("read error");
    let mut buf = vec![0u8; CHUNK + MAGIC.len()];
    let mut base: u64 = 0;
    let mut carry = 0usize;
    let mut last_err = None;
    loop {
        let n = read_full(&mut r, &mut buf[carry..]).map_err(io)?;
        let filled = carry + n;
        if filled < MAGIC.len() {
            break;
        }
        for pos in memchr::memmem::find_iter(&buf[..filled], MAGIC) {
            let at = base + pos as u64;
            let here = r.stream_position().map_err(io)?;
            r.seek(SeekFrom::Start(at)).map_err(io)?;
            let mut window = Vec::with_capacity(WINDOW);
            (&mut r)
                .take(WINDOW as u64)
                .read_to_end(&mut window)
                .map_err(io)?;
            r.seek(SeekFrom::Start(here)).map_err(io)?;
            match parse_at(&window) {
                Ok(info) => return Ok(Some(info)),
                Err(e) => last_err = Some(e),
            }
        }
        if n == 0 {
            break;
        }
        // Keep the tail so a magic split across chunks is still found.
        carry = MAGIC.len() - 1;
        buf.copy_within(filled - carry..filled, 0);
        base += (filled - carry) as u64;
    }
    match last_err {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

fn read_full<R: std::io::Read>(r: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Parses the build information whose header starts at `b[0]`.
pub fn parse_at(b: &[u8]) -> Result<BuildInfo, GoError> {
    if b.len() < 32 || !b.starts_with(MAGIC) {
        return Err(GoError::Malformed("header shorter than 32 bytes"));
    }
    let flags = b[15];
    if flags & FLAG_INLINE == 0 {
        return Err(GoError::OldFormat);
    }
    let mut at = 32;
    let version = string(b, &mut at)?;
    let modinfo = string(b, &mut at)?;
    let version = std::str::from_utf8(version).map_err(|_| GoError::Malformed("version"))?;
    let go_version = version
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches("go")
        .to_string();
    if go_version.is_empty() {
        return Err(GoError::Malformed("empty Go version"));
    }
    // Module info is wrapped in two 16-byte sentinels, the second after a final newline.
    let modinfo = if modinfo.len() >= 33 && modinfo[modinfo.len() - 17] == b'\n' {
        &modinfo[16..modinfo.len() - 16]
    } else {
        modinfo
    };
    let text = String::from_utf8_lossy(modinfo);
    let mut info = BuildInfo {
        go_version,
        ..Default::default()
    };
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["mod", path, version, ..] => info.main = Some((path.to_string(), version.to_string())),
            ["dep", path, version, ..] => info.deps.push((path.to_string(), version.to_string())),
            ["=>", path, version, ..] => {
                // The replacement of the dependency just before it.
                if let Some(last) = info.deps.last_mut() {
                    if version.is_empty() || path.starts_with('.') || path.starts_with('/') {
                        // A local directory replacement has no version to match.
                        info.deps.pop();
                    } else {
                        *last = (path.to_string(), version.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(info)
}

/// The packages a Go binary was built from: `stdlib` at the toolchain's version (OSV's Go
/// database names the standard library so), each dependency, and the main module when it has a
/// real version.
pub fn packages(info: &BuildInfo, rel: &str) -> Vec<crate::package::Package> {
    let mut out = Vec::new();
    let mut push = |name: &str, version: &str, direct: bool| {
        let mut p = crate::inventory::new_package(Ecosystem::Go, name, version, rel, None);
        p.direct = direct;
        out.push(p);
    };
    push("stdlib", &info.go_version, true);
    if let Some((path, version)) = &info.main
        && version.starts_with('v')
    {
        push(path, version, true);
    }
    for (path, version) in &info.deps {
        push(path, version, false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inline format as Go ≥ 1.18 writes it.
    pub(crate) fn build(version: &str, modinfo: &str) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.push(8);
        b.push(FLAG_INLINE);
        b.resize(32, 0);
        let mut put = |s: &[u8]| {
            let mut n = s.len();
            loop {
                let byte = (n & 0x7f) as u8;
                n >>= 7;
                if n == 0 {
                    b.push(byte);
                    break;
                }
                b.push(byte | 0x80);
            }
            b.extend_from_slice(s);
        };
        put(version.as_bytes());
        let mut wrapped = vec![0x30u8; 16];
        wrapped.extend_from_slice(modinfo.as_bytes());
        wrapped.extend_from_slice(&[0x31u8; 16]);
        put(&wrapped);
        b
    }

    #[test]
    fn reads_modules_and_replacements() {
        let mi = "path\texample.com/app\nmod\texample.com/app\t(devel)\t\n\
                  dep\tgolang.org/x/net\tv0.17.0\th1:x=\n\
                  dep\tgithub.com/a/b\tv1.0.0\th1:y=\n=>\tgithub.com/fork/b\tv1.0.1\th1:z=\n\
                  dep\tgithub.com/local/c\tv0.0.0\n=>\t../c\t\t\n\
                  build\t-compiler=gc\n";
        let mut bin = b"\x7fELF junk before".to_vec();
        bin.extend(build("go1.21.3 X:nocoverageredesign", mi));
        let info = find(&bin).unwrap().unwrap();
        assert_eq!(info.go_version, "1.21.3");
        assert_eq!(
            info.main,
            Some(("example.com/app".into(), "(devel)".into()))
        );
        assert_eq!(
            info.deps,
            vec![
                ("golang.org/x/net".into(), "v0.17.0".into()),
                ("github.com/fork/b".into(), "v1.0.1".into()),
            ]
        );
        let pkgs = packages(&info, "bin/app");
        let names: Vec<_> = pkgs
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("stdlib", "1.21.3"),
                ("golang.org/x/net", "v0.17.0"),
                ("github.com/fork/b", "v1.0.1")
            ]
        );
    }

    #[test]
    fn streamed_search_finds_a_magic_across_chunk_edges() {
        let info = build("go1.22.1", "mod\tm\tv1.2.3\t\n");
        for pad in [0usize, 8 * 1024 * 1024 - 5, 8 * 1024 * 1024 + 3] {
            let mut file = vec![0u8; pad];
            file.extend_from_slice(&info);
            file.extend_from_slice(&[0u8; 100]);
            let got = find_in(std::io::Cursor::new(&file)).unwrap().unwrap();
            assert_eq!(got.go_version, "1.22.1", "pad {pad}");
        }
        assert_eq!(find_in(std::io::Cursor::new(vec![1u8; 100])), Ok(None));
    }

    #[test]
    fn old_and_broken_headers_are_errors() {
        let mut old = MAGIC.to_vec();
        old.extend_from_slice(&[8, 0]);
        old.resize(64, 0);
        assert_eq!(find(&old), Err(GoError::OldFormat));
        let mut cut = build("go1.22.0", "mod\ta\tv1.0.0\n");
        cut.truncate(40);
        assert!(find(&cut).is_err());
        assert_eq!(find(b"no go here"), Ok(None));
    }
}
