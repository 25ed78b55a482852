//! The Berkeley DB hash file rpm used as `Packages` until rpm 4.16 (RHEL/CentOS 7 and 8,
//! Amazon Linux 2), read from the on-disk layout Berkeley DB documents in `dbinc/db_page.h`:
//! a hash metadata page (magic 0x061561, page size, last page number, byte order given by the
//! magic), then pages of 26-byte headers followed by an index of item offsets. Hash pages
//! (types 2 and 13) hold key/data pairs; rpm's data items are header blobs, stored either
//! inline (`H_KEYDATA`) or, being larger than a page, in a chain of overflow pages
//! (`H_OFFPAGE`: first page number and total length).
//!
//! Every page is read by index from the in-memory file; overflow chains are bounded by their
//! declared length and by the page count, and a page is never followed twice.

use std::collections::HashSet;

use super::super::ParseError;

const HASH_MAGIC: u32 = 0x0006_1561;
const P_HASH_UNSORTED: u8 = 2;
const P_OVERFLOW: u8 = 7;
const P_HASH: u8 = 13;
const H_KEYDATA: u8 = 1;
const H_OFFPAGE: u8 = 3;
/// The generic page header (`PAGE` in db_page.h): lsn, pgno, prev, next, entries, hf_offset,
/// level, type.
const PAGE_HEADER: usize = 26;
const MAX_BLOB: usize = 256 * 1024 * 1024;

fn bad(m: impl Into<String>) -> ParseError {
    ParseError::new(None, format!("rpm Packages (Berkeley DB): {}", m.into()))
}

#[derive(Clone, Copy)]
struct Order {
    big: bool,
}

impl Order {
    fn u32(self, b: &[u8], at: usize) -> Result<u32, ParseError> {
        let s = b.get(at..at + 4).ok_or_else(|| bad("truncated page"))?;
        let a = [s[0], s[1], s[2], s[3]];
        Ok(if self.big {
            u32::from_be_bytes(a)
        } else {
            u32::from_le_bytes(a)
        })
    }

    fn u16(self, b: &[u8], at: usize) -> Result<u16, ParseError> {
        let s = b.get(at..at + 2).ok_or_else(|| bad("truncated page"))?;
        let a = [s[0], s[1]];
        Ok(if self.big {
            u16::from_be_bytes(a)
        } else {
            u16::from_le_bytes(a)
        })
    }
}

/// Every data item of the hash database: the header blobs.
pub fn blobs(bytes: &[u8]) -> Result<Vec<Vec<u8>>, ParseError> {
    if bytes.len() < 512 {
        return Err(bad("shorter than a metadata page"));
    }
    let magic_le = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
    let magic_be = u32::from_be_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
    let order = if magic_le == HASH_MAGIC {
        Order { big: false }
    } else if magic_be == HASH_MAGIC {
        Order { big: true }
    } else {
        return Err(bad("no Berkeley DB hash magic"));
    };
    let page_size = order.u32(bytes, 20)? as usize;
    if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(bad(format!("invalid page size {page_size}")));
    }
    let in_file = bytes.len() / page_size;
    let last = order.u32(bytes, 32)? as usize;
    let pages = in_file.min(last.saturating_add(1));
    let page = |n: usize| -> Option<&[u8]> {
        (n < pages).then(|| &bytes[n * page_size..(n + 1) * page_size])
    };
    let mut out = Vec::new();
    let mut total = 0usize;
    for n in 1..pages {
        let Some(p) = page(n) else { break };
        let kind = p[25];
        if kind != P_HASH && kind != P_HASH_UNSORTED {
            continue;
        }
        let entries = order.u16(p, 20)? as usize;
        if PAGE_HEADER + entries * 2 > page_size {
            return Err(bad(format!("page {n}: {entries} entries cannot fit")));
        }
        let offset = |i: usize| -> Result<usize, ParseError> {
            Ok(order.u16(p, PAGE_HEADER + i * 2)? as usize)
        };
        // Items alternate key, data; data items are the odd ones.
        for i in (1..entries).step_by(2) {
            let at = offset(i)?;
            // An item ends where the one before it (stored above it) starts.
            let end = offset(i - 1)?;
            if at >= page_size || end > page_size || end <= at {
                return Err(bad(format!("page {n}: item {i} has a bad offset")));
            }
            let blob = match p[at] {
                H_KEYDATA => p[at + 1..end].to_vec(),
                H_OFFPAGE => {
                    let first = order.u32(p, at + 4)? as usize;
                    let len = order.u32(p, at + 8)? as usize;
                    overflow(&page, order, first, len)?
                }
                // Duplicates do not occur in rpm's Packages; anything else is not a header.
                _ => continue,
            };
            total += blob.len();
            if total > bytes.len().saturating_mul(2) {
                return Err(bad("items add up to more than the file could hold"));
            }
            out.push(blob);
        }
    }
    Ok(out)
}

fn overflow<'a>(
    page: &dyn Fn(usize) -> Option<&'a [u8]>,
    order: Order,
    first: usize,
    len: usize,
) -> Result<Vec<u8>, ParseError> {
    if len > MAX_BLOB {
        return Err(bad(format!("an item of {len} bytes is over the limit")));
    }
    let mut out = Vec::with_capacity(len.min(1 << 20));
    let mut seen = HashSet::new();
    let mut n = first;
    while out.len() < len {
        if !seen.insert(n) {
            return Err(bad(format!("overflow page {n} is reached twice")));
        }
        let p = page(n).ok_or_else(|| bad(format!("overflow page {n} is outside the file")))?;
        if p[25] != P_OVERFLOW {
            return Err(bad(format!("page {n} is not an overflow page")));
        }
        // On overflow pages `hf_offset` is the number of bytes used.
        let used = order.u16(p, 22)? as usize;
        let chunk = p
            .get(PAGE_HEADER..PAGE_HEADER + used)
            .ok_or_else(|| bad(format!("overflow page {n} claims more bytes than it has")))?;
        out.extend_from_slice(&chunk[..used.min(len - out.len())]);
        let next = order.u32(p, 16)? as usize;
        if next == 0 {
            break;
        }
        n = next;
    }
    if out.len() != len {
        return Err(bad("overflow chain is shorter than its item"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_a_hash_database() {
        assert!(blobs(&[0u8; 100]).is_err());
        assert!(blobs(&[0u8; 4096]).unwrap_err().message.contains("magic"));
    }
}
