//! A reader of one table of an SQLite 3 database file, enough for rpm's `rpmdb.sqlite`
//! (`CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)`).
//!
//! It follows the published file format (sqlite.org, "Database File Format"): the 100-byte
//! header, table b-tree pages (interior 0x05, leaf 0x0d), cells with varint payload sizes and
//! rowids, payload overflow chains, and the record format. It reads bytes only: the file is
//! never opened by an SQLite library, so nothing in it (triggers, views, virtual tables) can
//! run. Every page number is bounds-checked, each page is visited at most once per walk, and
//! overflow chains stop at the payload's declared length.

use std::collections::HashSet;

use super::super::ParseError;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// Deepest b-tree accepted; a table of 2^63 rows on 512-byte pages is far shallower.
const MAX_DEPTH: usize = 40;
/// Largest payload accepted for one row (rpm headers are at most 256 MiB by rpm's own limit).
const MAX_PAYLOAD: u64 = 256 * 1024 * 1024;

fn bad(m: impl Into<String>) -> ParseError {
    ParseError::new(None, format!("rpmdb.sqlite: {}", m.into()))
}

/// An SQLite database image in memory.
pub struct Db<'a> {
    bytes: &'a [u8],
    page_size: usize,
    usable: usize,
    pages: u32,
}

/// Called with each row's rowid and record payload.
pub type RowFn<'f> = dyn FnMut(i64, &[u8]) -> Result<(), ParseError> + 'f;

/// One column value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Float(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

impl<'a> Db<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Db<'a>, ParseError> {
        if bytes.len() < 100 || &bytes[..16] != MAGIC {
            return Err(bad(
                "not an SQLite 3 database (no `SQLite format 3` header)",
            ));
        }
        let raw = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
        let page_size = if raw == 1 { 65536 } else { raw };
        if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
            return Err(bad(format!("invalid page size {raw}")));
        }
        let reserved = bytes[20] as usize;
        let usable = page_size - reserved;
        if usable < 480 {
            return Err(bad("reserved space leaves pages too small"));
        }
        if u32::from_be_bytes([bytes[56], bytes[57], bytes[58], bytes[59]]) > 1 {
            return Err(bad("text encoding is not UTF-8"));
        }
        let pages = u32::try_from(bytes.len() / page_size).unwrap_or(u32::MAX);
        Ok(Db {
            bytes,
            page_size,
            usable,
            pages,
        })
    }

    fn page(&self, n: u32) -> Result<&'a [u8], ParseError> {
        if n == 0 || n > self.pages {
            return Err(bad(format!(
                "page {n} is outside the file ({} pages)",
                self.pages
            )));
        }
        let start = (n as usize - 1) * self.page_size;
        Ok(&self.bytes[start..start + self.page_size])
    }

    /// The root page of table `name`, from `sqlite_schema` (page 1).
    pub fn table_root(&self, name: &str) -> Result<Option<u32>, ParseError> {
        let mut found = None;
        self.walk_table(1, &mut |_, rec| {
            let cols = record(rec)?;
            let is = |i: usize, want: &str| {
                matches!(cols.get(i), Some(Value::Text(t)) if t.eq_ignore_ascii_case(want.as_bytes()))
            };
            if is(0, "table")
                && is(1, name)
                && let Some(Value::Int(root)) = cols.get(3)
            {
                found = u32::try_from(*root).ok();
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// Calls `row(rowid, record payload)` for every row of the table b-tree rooted at `root`.
    pub fn walk_table(&self, root: u32, row: &mut RowFn<'_>) -> Result<(), ParseError> {
        let mut visited = HashSet::new();
        self.walk(root, 0, &mut visited, row)
    }

    fn walk(
        &self,
        n: u32,
        depth: usize,
        visited: &mut HashSet<u32>,
        row: &mut RowFn<'_>,
    ) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            return Err(bad("b-tree deeper than any real table"));
        }
        if !visited.insert(n) {
            return Err(bad(format!("page {n} is reached twice (a cycle)")));
        }
        let page = self.page(n)?;
        let hdr = if n == 1 { 100 } else { 0 };
        let kind = *page.get(hdr).ok_or_else(|| bad("empty page"))?;
        let cells = be16(page, hdr + 3)? as usize;
        let (ptrs_at, interior) = match kind {
            0x0d => (hdr + 8, false),
            0x05 => (hdr + 12, true),
            other => {
                return Err(bad(format!(
                    "page {n} has type {other:#04x}, not a table b-tree page"
                )));
            }
        };
        for i in 0..cells {
            let at = be16(page, ptrs_at + i * 2)? as usize;
            if at >= self.usable {
                return Err(bad(format!("page {n}: cell {i} points outside the page")));
            }
            if interior {
                let child = be32(page, at)?;
                self.walk(child, depth + 1, visited, row)?;
            } else {
                let (payload_len, a) = varint(page, at)?;
                let (rowid, b) = varint(page, at + a)?;
                let payload = self.payload(page, at + a + b, payload_len, visited)?;
                row(rowid as i64, &payload)?;
            }
        }
        if interior {
            let right = be32(page, hdr + 8)?;
            self.walk(right, depth + 1, visited, row)?;
        }
        Ok(())
    }

    /// A table-leaf cell's payload, following its overflow chain.
    fn payload(
        &self,
        page: &[u8],
        at: usize,
        len: u64,
        visited: &mut HashSet<u32>,
    ) -> Result<Vec<u8>, ParseError> {
        if len > MAX_PAYLOAD {
            return Err(bad(format!("a row of {len} bytes is over the limit")));
        }
        let len = len as usize;
        let u = self.usable;
        let x = u - 35;
        let inline = if len <= x {
            len
        } else {
            let m = ((u - 12) * 32 / 255) - 23;
            let k = m + ((len - m) % (u - 4));
            if k <= x { k } else { m }
        };
        let local = page
            .get(at..at + inline)
            .ok_or_else(|| bad("cell payload runs past its page"))?;
        let mut out = Vec::with_capacity(len.min(16 * 1024 * 1024));
        out.extend_from_slice(local);
        if inline == len {
            return Ok(out);
        }
        let mut next = be32(page, at + inline)?;
        while out.len() < len {
            if !visited.insert(next) {
                return Err(bad(format!("overflow page {next} is reached twice")));
            }
            let p = self.page(next)?;
            next = be32(p, 0)?;
            let take = (len - out.len()).min(u - 4);
            out.extend_from_slice(&p[4..4 + take]);
            if next == 0 && out.len() < len {
                return Err(bad("overflow chain ends before the payload does"));
            }
        }
        Ok(out)
    }
}

fn be16(b: &[u8], at: usize) -> Result<u16, ParseError> {
    b.get(at..at + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or_else(|| bad("truncated page"))
}

fn be32(b: &[u8], at: usize) -> Result<u32, ParseError> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| bad("truncated page"))
}

/// SQLite's varint: 1–9 bytes, big-endian 7 bits each, the ninth byte whole.
pub fn varint(b: &[u8], at: usize) -> Result<(u64, usize), ParseError> {
    let mut v = 0u64;
    for i in 0..9 {
        let byte = *b.get(at + i).ok_or_else(|| bad("truncated varint"))?;
        if i == 8 {
            return Ok(((v << 8) | byte as u64, 9));
        }
        v = (v << 7) | (byte & 0x7f) as u64;
        if byte & 0x80 == 0 {
            return Ok((v, i + 1));
        }
    }
    // The loop returns on its ninth byte at the latest.
    Err(bad("varint longer than nine bytes"))
}

/// The columns of a record (the "Record Format" section).
pub fn record(rec: &[u8]) -> Result<Vec<Value<'_>>, ParseError> {
    let (hlen, mut pos) = varint(rec, 0)?;
    let hlen = usize::try_from(hlen).map_err(|_| bad("record header too long"))?;
    if hlen > rec.len() || hlen < pos {
        return Err(bad("record header runs past the record"));
    }
    let mut body = hlen;
    let mut out = Vec::new();
    while pos < hlen {
        let (ty, n) = varint(rec, pos)?;
        pos += n;
        let size = match ty {
            0 | 8 | 9 => 0,
            1 => 1,
            2 => 2,
            3 => 3,
            4 => 4,
            5 => 6,
            6 | 7 => 8,
            10 | 11 => return Err(bad("reserved serial type")),
            t => usize::try_from((t - 12) / 2).map_err(|_| bad("column too long"))?,
        };
        let end = body
            .checked_add(size)
            .filter(|&e| e <= rec.len())
            .ok_or_else(|| bad("column runs past the record"))?;
        let raw = &rec[body..end];
        body = end;
        out.push(match ty {
            0 => Value::Null,
            8 => Value::Int(0),
            9 => Value::Int(1),
            1..=6 => {
                let mut v: i64 = if raw[0] & 0x80 != 0 { -1 } else { 0 };
                for &b in raw {
                    v = (v << 8) | b as i64;
                }
                Value::Int(v)
            }
            7 => {
                let mut a = [0u8; 8];
                a.copy_from_slice(raw);
                Value::Float(f64::from_be_bytes(a))
            }
            t if t % 2 == 0 => Value::Blob(raw),
            _ => Value::Text(raw),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        assert_eq!(varint(&[0x05], 0).unwrap(), (5, 1));
        assert_eq!(varint(&[0x81, 0x00], 0).unwrap(), (128, 2));
        assert_eq!(varint(&[0xff; 9], 0).unwrap(), (u64::MAX, 9));
        assert!(varint(&[0x81], 0).is_err());
    }

    #[test]
    fn records() {
        // header 4 bytes: [4, NULL, int8, text len 2]
        let rec = [4u8, 0, 1, 17, 0xfe, b'h', b'i'];
        assert_eq!(
            record(&rec).unwrap(),
            vec![Value::Null, Value::Int(-2), Value::Text(b"hi")]
        );
        assert!(record(&[4u8, 0, 1, 19, 0xfe, b'h']).is_err());
    }

    #[test]
    fn rejects_what_is_not_sqlite() {
        assert!(Db::open(b"hello").is_err());
        let mut h = vec![0u8; 1024];
        h[..16].copy_from_slice(MAGIC);
        h[16] = 0x03; // 768: not a power of two
        assert!(Db::open(&h).is_err());
    }
}
