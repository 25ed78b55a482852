//! A streaming tar reader with bounds: ustar, GNU long names (`L`/`K`) and PAX (`x`) headers,
//! each length checked before anything is buffered. Written for untrusted layers: a header that
//! does not checksum, a name over the path limit or a truncated member is an error naming the
//! entry, never a panic or an unbounded allocation.

use std::io::{self, Read};

use crate::LimitError;

const BLOCK: usize = 512;
/// PAX records are a few key=value lines; anything larger is not a header we need.
const MAX_PAX: u64 = 64 * 1024;

/// What a tar member is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
    Hardlink,
    /// Devices, FIFOs and anything else without content we scan.
    Other,
}

/// One member's header, names already joined from long-name or PAX records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub path: String,
    pub link: String,
    pub kind: EntryKind,
    pub size: u64,
    /// Byte offset of the member's content from the start of the stream.
    pub offset: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum TarError {
    #[error("read error at byte {offset}: {source}")]
    Io { offset: u64, source: io::Error },
    #[error("malformed tar header at byte {offset}: {reason}")]
    Header { offset: u64, reason: &'static str },
    #[error(transparent)]
    Limit(#[from] LimitError),
}

/// Reads tar members one after the other from a stream.
pub struct TarReader<R> {
    inner: R,
    pos: u64,
    /// Content bytes of the current member not yet consumed, and its padding.
    remaining: u64,
    padding: u64,
    max_path: usize,
    done: bool,
}

impl<R: Read> TarReader<R> {
    pub fn new(inner: R, max_path: usize) -> Self {
        TarReader {
            inner,
            pos: 0,
            remaining: 0,
            padding: 0,
            max_path,
            done: false,
        }
    }

    /// Bytes consumed from the stream so far.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// The underlying stream (to drain it after the end-of-archive marker).
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// The next member, skipping the unread content of the previous one. `None` at the end of
    /// the archive (two zero blocks, or a clean end of stream).
    pub fn next_header(&mut self) -> Result<Option<Header>, TarError> {
        if self.done {
            return Ok(None);
        }
        self.skip(self.remaining + self.padding)?;
        self.remaining = 0;
        self.padding = 0;
        let mut long_path: Option<String> = None;
        let mut long_link: Option<String> = None;
        let mut pax_size: Option<u64> = None;
        loop {
            let at = self.pos;
            let mut block = [0u8; BLOCK];
            let n = self.read_full(&mut block)?;
            if n == 0 {
                self.done = true;
                return Ok(None);
            }
            if n < BLOCK {
                return Err(TarError::Header {
                    offset: at,
                    reason: "truncated header block",
                });
            }
            if block.iter().all(|&b| b == 0) {
                self.done = true;
                return Ok(None);
            }
            if !checksum_ok(&block) {
                return Err(TarError::Header {
                    offset: at,
                    reason: "header checksum mismatch",
                });
            }
            let size = parse_size(&block[124..136]).ok_or(TarError::Header {
                offset: at,
                reason: "unreadable size field",
            })?;
            let padding = (BLOCK as u64 - size % BLOCK as u64) % BLOCK as u64;
            match block[156] {
                b'L' | b'K' => {
                    if size > self.max_path as u64 + 1 {
                        return Err(LimitError::PathLength {
                            len: size,
                            max: self.max_path,
                        }
                        .into());
                    }
                    let data = self.read_record(size, padding)?;
                    let name = String::from_utf8_lossy(trim_nul(&data)).into_owned();
                    if block[156] == b'L' {
                        long_path = Some(name);
                    } else {
                        long_link = Some(name);
                    }
                }
                b'x' => {
                    if size > MAX_PAX {
                        return Err(TarError::Header {
                            offset: at,
                            reason: "PAX header over 64 KiB",
                        });
                    }
                    let data = self.read_record(size, padding)?;
                    for (key, value) in pax_records(&data) {
                        match key {
                            b"path" => long_path = Some(String::from_utf8_lossy(value).into()),
                            b"linkpath" => long_link = Some(String::from_utf8_lossy(value).into()),
                            b"size" => {
                                pax_size =
                                    std::str::from_utf8(value).ok().and_then(|v| v.parse().ok())
                            }
                            _ => {}
                        }
                    }
                }
                b'g' => {
                    // Global PAX defaults (comments, charset): nothing a scan needs.
                    self.skip(size + padding)?;
                }
                flag => {
                    let path = match long_path.take() {
                        Some(p) => p,
                        None => ustar_name(&block),
                    };
                    if path.len() > self.max_path {
                        return Err(LimitError::PathLength {
                            len: path.len() as u64,
                            max: self.max_path,
                        }
                        .into());
                    }
                    let link = long_link
                        .take()
                        .unwrap_or_else(|| field_str(&block[157..257]));
                    let kind = match flag {
                        b'0' | 0 | b'7' => EntryKind::File,
                        b'5' => EntryKind::Dir,
                        b'2' => EntryKind::Symlink,
                        b'1' => EntryKind::Hardlink,
                        _ => EntryKind::Other,
                    };
                    let size = pax_size.unwrap_or(size);
                    let padding = (BLOCK as u64 - size % BLOCK as u64) % BLOCK as u64;
                    // Links and directories carry no content even if the size field says so
                    // (some writers set it); regular files and unknown types do.
                    let content = match kind {
                        EntryKind::Dir | EntryKind::Symlink | EntryKind::Hardlink => 0,
                        _ => size,
                    };
                    self.remaining = content;
                    self.padding = if content == 0 { 0 } else { padding };
                    return Ok(Some(Header {
                        path: normalize(&path),
                        link,
                        kind,
                        size: content,
                        offset: self.pos,
                    }));
                }
            }
        }
    }

    fn read_record(&mut self, size: u64, padding: u64) -> Result<Vec<u8>, TarError> {
        let mut data = vec![0u8; size as usize];
        let n = self.read_full(&mut data)?;
        if n < data.len() {
            return Err(TarError::Header {
                offset: self.pos,
                reason: "truncated extension record",
            });
        }
        self.skip(padding)?;
        Ok(data)
    }

    fn read_full(&mut self, buf: &mut [u8]) -> Result<usize, TarError> {
        let mut filled = 0;
        while filled < buf.len() {
            match self.inner.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(TarError::Io {
                        offset: self.pos + filled as u64,
                        source: e,
                    });
                }
            }
        }
        self.pos += filled as u64;
        Ok(filled)
    }

    fn skip(&mut self, mut n: u64) -> Result<(), TarError> {
        let mut buf = [0u8; 16 * 1024];
        while n > 0 {
            let want = n.min(buf.len() as u64) as usize;
            let got = self.read_full(&mut buf[..want])?;
            if got == 0 {
                return Err(TarError::Header {
                    offset: self.pos,
                    reason: "stream ends inside a member",
                });
            }
            n -= got as u64;
        }
        Ok(())
    }
}

impl<R: Read> Read for TarReader<R> {
    /// Reads the current member's content; 0 at its end.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.remaining == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = (buf.len() as u64).min(self.remaining) as usize;
        let n = self.inner.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "stream ends inside a member",
            ));
        }
        self.remaining -= n as u64;
        self.pos += n as u64;
        Ok(n)
    }
}

fn checksum_ok(block: &[u8; BLOCK]) -> bool {
    let Some(stored) = parse_octal(&block[148..156]) else {
        return false;
    };
    let mut unsigned: u64 = 0;
    let mut signed: i64 = 0;
    for (i, &b) in block.iter().enumerate() {
        let b = if (148..156).contains(&i) { b' ' } else { b };
        unsigned += u64::from(b);
        signed += i64::from(b as i8);
    }
    stored == unsigned || stored as i64 == signed
}

fn parse_octal(field: &[u8]) -> Option<u64> {
    let s = trim_nul(field);
    let s = std::str::from_utf8(s)
        .ok()?
        .trim_matches(|c: char| c == ' ' || c == '\0');
    if s.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(s, 8).ok()
}

/// Octal, or GNU base-256 (high bit set) for sizes of 8 GiB and more.
fn parse_size(field: &[u8]) -> Option<u64> {
    if field.first().is_some_and(|b| b & 0x80 != 0) {
        let mut v: u64 = u64::from(field[0] & 0x7f);
        for &b in &field[1..] {
            v = v.checked_mul(256)?.checked_add(u64::from(b))?;
        }
        return Some(v);
    }
    parse_octal(field)
}

fn trim_nul(b: &[u8]) -> &[u8] {
    match memchr_zero(b) {
        Some(i) => &b[..i],
        None => b,
    }
}

fn memchr_zero(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == 0)
}

fn field_str(b: &[u8]) -> String {
    String::from_utf8_lossy(trim_nul(b)).into_owned()
}

fn ustar_name(block: &[u8; BLOCK]) -> String {
    let name = field_str(&block[0..100]);
    if &block[257..262] == b"ustar" {
        let prefix = field_str(&block[345..500]);
        if !prefix.is_empty() {
            return format!("{prefix}/{name}");
        }
    }
    name
}

/// PAX records: `<len> <key>=<value>\n`, lengths in decimal including themselves.
fn pax_records(data: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let Some(sp) = rest.iter().position(|&b| b == b' ') else {
            break;
        };
        let Some(len) = std::str::from_utf8(&rest[..sp])
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        else {
            break;
        };
        if len <= sp + 1 || len > rest.len() {
            break;
        }
        let record = &rest[sp + 1..len];
        let record = record.strip_suffix(b"\n").unwrap_or(record);
        if let Some(eq) = record.iter().position(|&b| b == b'=') {
            out.push((&record[..eq], &record[eq + 1..]));
        }
        rest = &rest[len..];
    }
    out
}

/// `./usr//bin/` → `usr/bin`: the form every path of the image view takes. `..` components
/// are dropped rather than followed, so no entry can name a path outside the image root.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." | ".." => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(name: &str, flag: u8, size: u64) -> [u8; BLOCK] {
        let mut b = [0u8; BLOCK];
        b[..name.len()].copy_from_slice(name.as_bytes());
        let size = format!("{size:011o}\0");
        b[124..136].copy_from_slice(size.as_bytes());
        b[156] = flag;
        b[257..263].copy_from_slice(b"ustar\0");
        b[148..156].copy_from_slice(b"        ");
        let sum: u64 = b.iter().map(|&x| u64::from(x)).sum();
        b[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        b
    }

    fn archive(members: &[(&str, u8, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, flag, data) in members {
            out.extend_from_slice(&header(name, *flag, data.len() as u64));
            out.extend_from_slice(data);
            out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
        }
        out.extend_from_slice(&[0u8; 2 * BLOCK]);
        out
    }

    #[test]
    fn reads_members_and_long_names() {
        let long = "d/".repeat(80) + "file.txt";
        let data = archive(&[
            ("./etc/", b'5', b""),
            ("././@LongLink", b'L', format!("{long}\0").as_bytes()),
            ("ignored", b'0', b"hello"),
            ("./etc/passwd", b'0', b"root:x:0:0"),
        ]);
        let mut r = TarReader::new(&data[..], 4096);
        let h = r.next_header().unwrap().unwrap();
        assert_eq!((h.path.as_str(), h.kind), ("etc", EntryKind::Dir));
        let h = r.next_header().unwrap().unwrap();
        assert_eq!(h.path, long);
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "hello");
        let h = r.next_header().unwrap().unwrap();
        assert_eq!(h.path, "etc/passwd");
        assert!(r.next_header().unwrap().is_none());
    }

    #[test]
    fn pax_path_and_limits() {
        let rec = "29 path=a/very/long/pax/name\n";
        assert_eq!(rec.len(), 29);
        let data = archive(&[("pax", b'x', rec.as_bytes()), ("short", b'0', b"x")]);
        let mut r = TarReader::new(&data[..], 4096);
        assert_eq!(
            r.next_header().unwrap().unwrap().path,
            "a/very/long/pax/name"
        );
        let mut r = TarReader::new(&data[..], 10);
        assert!(matches!(
            r.next_header(),
            Err(TarError::Limit(LimitError::PathLength { .. }))
        ));
    }

    #[test]
    fn bad_checksum_and_truncation_are_errors() {
        let mut data = archive(&[("a", b'0', b"abc")]);
        data[0] = b'b';
        assert!(TarReader::new(&data[..], 4096).next_header().is_err());
        let data = archive(&[("a", b'0', &[7u8; 2000])]);
        let mut r = TarReader::new(&data[..700], 4096);
        r.next_header().unwrap();
        assert!(r.next_header().is_err());
    }

    #[test]
    fn normalize_drops_dot_dot() {
        assert_eq!(normalize("./a/../../etc//x/"), "a/etc/x");
    }
}
