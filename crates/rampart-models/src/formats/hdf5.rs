//! A minimal, bounded HDF5 reader: the superblock (versions 0 to 3), the root group's object
//! header (versions 1 and 2, with continuation blocks) and its compact attribute messages, far
//! enough to read string attributes such as Keras' `model_config`. Layout facts follow the HDF5
//! File Format Specification (version 3.0).

use crate::source::Source;

pub const MAGIC: &[u8] = b"\x89HDF\r\n\x1a\n";

const MAX_MESSAGES: usize = 4096;
const MAX_CONTINUATIONS: usize = 64;
const MAX_ATTR: u64 = 64 << 20;

type Res<T> = Result<T, String>;

pub fn sniff(head: &[u8]) -> bool {
    head.starts_with(MAGIC)
}

struct Ctx<'a> {
    src: &'a dyn Source,
    base: u64,
    so: usize,
    sl: usize,
}

impl Ctx<'_> {
    fn read(&self, off: u64, n: usize) -> Res<Vec<u8>> {
        self.src.bytes_at(off, n as u64).map_err(|e| e.to_string())
    }
    fn abs(&self, addr: u64) -> Res<u64> {
        self.base
            .checked_add(addr)
            .ok_or_else(|| "address overflow".to_string())
    }
}

fn uint(b: &[u8], at: usize, n: usize) -> Res<u64> {
    let s = b
        .get(at..at + n)
        .ok_or("field past the end of its structure")?;
    let mut v = 0u64;
    for (i, x) in s.iter().enumerate() {
        v |= u64::from(*x) << (8 * i);
    }
    Ok(v)
}

/// A root-group attribute: its name and, for string attributes, its value.
#[derive(Debug, Clone)]
pub struct Attribute {
    pub name: String,
    pub value: Option<String>,
}

#[derive(Debug, Default)]
pub struct Hdf5Report {
    pub attributes: Vec<Attribute>,
    /// The root group keeps attributes in dense storage (not read).
    pub dense_attributes: bool,
}

/// Reads the attributes of the root group.
pub fn root_attributes(src: &dyn Source) -> Res<Hdf5Report> {
    let mut sb_at = None;
    for off in [0u64, 512, 1024, 2048, 4096, 8192] {
        if off + 8 > src.size() {
            break;
        }
        if src.bytes_at(off, 8).map_err(|e| e.to_string())? == MAGIC {
            sb_at = Some(off);
            break;
        }
    }
    let sb_at = sb_at.ok_or("no HDF5 superblock")?;
    let sb = src
        .bytes_at(sb_at, (src.size() - sb_at).min(256))
        .map_err(|e| e.to_string())?;
    let version = *sb.get(8).ok_or("truncated superblock")?;
    let (so, sl, root) = match version {
        0 | 1 => {
            let so = usize::from(*sb.get(13).ok_or("truncated superblock")?);
            let sl = usize::from(*sb.get(14).ok_or("truncated superblock")?);
            check_sizes(so, sl)?;
            let start = if version == 0 { 24 } else { 28 };
            let base = uint(&sb, start, so)?;
            // base, free space, end of file, driver info, then the root symbol table entry
            // (link name offset, object header address).
            let root = uint(&sb, start + 5 * so, so)?;
            (so, sl, (base, root))
        }
        2 | 3 => {
            let so = usize::from(*sb.get(9).ok_or("truncated superblock")?);
            let sl = usize::from(*sb.get(10).ok_or("truncated superblock")?);
            check_sizes(so, sl)?;
            let base = uint(&sb, 12, so)?;
            let root = uint(&sb, 12 + 3 * so, so)?;
            (so, sl, (base, root))
        }
        v => return Err(format!("unsupported superblock version {v}")),
    };
    let ctx = Ctx {
        src,
        base: root.0,
        so,
        sl,
    };
    let mut report = Hdf5Report::default();
    let addr = ctx.abs(root.1)?;
    let messages = object_messages(&ctx, addr)?;
    for (ty, body) in messages {
        match ty {
            0x0C => {
                if let Ok(a) = attribute(&ctx, &body) {
                    report.attributes.push(a);
                }
            }
            0x15 => report.dense_attributes = true,
            _ => {}
        }
    }
    Ok(report)
}

fn check_sizes(so: usize, sl: usize) -> Res<()> {
    if matches!(so, 2 | 4 | 8) && matches!(sl, 2 | 4 | 8) {
        Ok(())
    } else {
        Err(format!("unsupported offset/length sizes {so}/{sl}"))
    }
}

/// Every (type, body) message of the object header at `addr`, continuation blocks included.
fn object_messages(ctx: &Ctx<'_>, addr: u64) -> Res<Vec<(u16, Vec<u8>)>> {
    let mut out = Vec::new();
    let sig = ctx.read(addr, 4)?;
    let mut pending: Vec<(u64, u64)> = Vec::new();
    let v2 = sig == b"OHDR";
    if v2 {
        let h = ctx.read(addr, 6)?;
        let flags = h[5];
        let mut p = 6u64;
        if flags & 0x20 != 0 {
            p += 16;
        }
        if flags & 0x10 != 0 {
            p += 4;
        }
        let w = 1usize << (flags & 3);
        let at = addr.checked_add(p).ok_or("address overflow")?;
        let sz = uint(&ctx.read(at, w)?, 0, w)?;
        let at = at.checked_add(w as u64).ok_or("address overflow")?;
        parse_v2_messages(ctx, at, sz, flags, &mut out, &mut pending)?;
        let mut seen = 0;
        while let Some((off, len)) = pending.pop() {
            seen += 1;
            if seen > MAX_CONTINUATIONS {
                return Err("too many continuation blocks".into());
            }
            let off = ctx.abs(off)?;
            if ctx.read(off, 4)? != b"OCHK" || len < 8 {
                return Err("bad continuation block".into());
            }
            let at = off.checked_add(4).ok_or("address overflow")?;
            parse_v2_messages(ctx, at, len - 8, flags, &mut out, &mut pending)?;
        }
    } else {
        let h = ctx.read(addr, 16)?;
        if h[0] != 1 {
            return Err(format!("unsupported object header version {}", h[0]));
        }
        let size = uint(&h, 8, 4)?;
        let at = addr.checked_add(16).ok_or("address overflow")?;
        parse_v1_messages(ctx, at, size, &mut out, &mut pending)?;
        let mut seen = 0;
        while let Some((off, len)) = pending.pop() {
            seen += 1;
            if seen > MAX_CONTINUATIONS {
                return Err("too many continuation blocks".into());
            }
            parse_v1_messages(ctx, ctx.abs(off)?, len, &mut out, &mut pending)?;
        }
    }
    Ok(out)
}

fn continuation(ctx: &Ctx<'_>, body: &[u8], pending: &mut Vec<(u64, u64)>) -> Res<()> {
    let off = uint(body, 0, ctx.so)?;
    let len = uint(body, ctx.so, ctx.sl)?;
    pending.push((off, len));
    Ok(())
}

fn parse_v1_messages(
    ctx: &Ctx<'_>,
    start: u64,
    size: u64,
    out: &mut Vec<(u16, Vec<u8>)>,
    pending: &mut Vec<(u64, u64)>,
) -> Res<()> {
    if size > MAX_ATTR {
        return Err("object header too large".into());
    }
    let block = ctx.read(start, size as usize)?;
    let mut p = 0usize;
    while p + 8 <= block.len() {
        if out.len() >= MAX_MESSAGES {
            return Err("too many header messages".into());
        }
        let ty = uint(&block, p, 2)? as u16;
        let sz = uint(&block, p + 2, 2)? as usize;
        let body = block
            .get(p + 8..p + 8 + sz)
            .ok_or("header message past its block")?
            .to_vec();
        if ty == 0x10 {
            continuation(ctx, &body, pending)?;
        } else {
            out.push((ty, body));
        }
        p += 8 + sz.next_multiple_of(8);
    }
    Ok(())
}

fn parse_v2_messages(
    ctx: &Ctx<'_>,
    start: u64,
    size: u64,
    flags: u8,
    out: &mut Vec<(u16, Vec<u8>)>,
    pending: &mut Vec<(u64, u64)>,
) -> Res<()> {
    if size > MAX_ATTR {
        return Err("object header too large".into());
    }
    let block = ctx.read(start, size as usize)?;
    let hdr = if flags & 0x04 != 0 { 6 } else { 4 };
    let mut p = 0usize;
    while p + hdr <= block.len() {
        if out.len() >= MAX_MESSAGES {
            return Err("too many header messages".into());
        }
        let ty = u16::from(block[p]);
        let sz = uint(&block, p + 1, 2)? as usize;
        let body = block
            .get(p + hdr..p + hdr + sz)
            .ok_or("header message past its block")?
            .to_vec();
        if ty == 0x10 {
            continuation(ctx, &body, pending)?;
        } else {
            out.push((ty, body));
        }
        p += hdr + sz;
    }
    Ok(())
}

fn attribute(ctx: &Ctx<'_>, b: &[u8]) -> Res<Attribute> {
    let version = *b.first().ok_or("empty attribute")?;
    let name_len = uint(b, 2, 2)? as usize;
    let dt_len = uint(b, 4, 2)? as usize;
    let ds_len = uint(b, 6, 2)? as usize;
    let (mut p, pad) = match version {
        1 => (8usize, true),
        2 => (8, false),
        3 => (9, false),
        v => return Err(format!("attribute version {v}")),
    };
    let step = |n: usize| if pad { n.next_multiple_of(8) } else { n };
    let name = b
        .get(p..p + name_len)
        .ok_or("attribute name past the end")?;
    let name = String::from_utf8_lossy(name)
        .trim_end_matches('\0')
        .to_string();
    p += step(name_len);
    let dt = b
        .get(p..p + dt_len)
        .ok_or("datatype past the end")?
        .to_vec();
    p += step(dt_len);
    let ds = b
        .get(p..p + ds_len)
        .ok_or("dataspace past the end")?
        .to_vec();
    p += step(ds_len);
    let data = b.get(p..).unwrap_or_default();
    let count = elements(ctx, &ds).unwrap_or(1);
    let value = string_value(ctx, &dt, data, count).ok().flatten();
    Ok(Attribute { name, value })
}

fn elements(ctx: &Ctx<'_>, ds: &[u8]) -> Res<u64> {
    let version = *ds.first().ok_or("empty dataspace")?;
    let rank = usize::from(*ds.get(1).ok_or("short dataspace")?);
    let start = match version {
        1 => 8,
        2 => {
            if ds.get(3) == Some(&2) {
                return Ok(0);
            }
            4
        }
        _ => return Err("dataspace version".into()),
    };
    let mut n = 1u64;
    for i in 0..rank {
        n = n.saturating_mul(uint(ds, start + i * ctx.sl, ctx.sl)?);
    }
    Ok(n)
}

/// The value of a fixed-length or variable-length string attribute (all elements joined).
fn string_value(ctx: &Ctx<'_>, dt: &[u8], data: &[u8], count: u64) -> Res<Option<String>> {
    let class = dt.first().ok_or("empty datatype")? & 0x0f;
    let size = uint(dt, 4, 4)? as usize;
    let count = count.min(4096) as usize;
    match class {
        3 => {
            let mut s = String::new();
            for i in 0..count {
                let chunk = data
                    .get(i * size..(i + 1) * size)
                    .ok_or("string data past the end")?;
                s.push_str(String::from_utf8_lossy(chunk).trim_end_matches('\0'));
            }
            Ok(Some(s))
        }
        9 => {
            // Variable-length: bits 0-3 of the class fields = 1 for strings. Each element is a
            // length, then a global heap id (collection address + object index).
            if dt.get(1).is_none_or(|b| b & 0x0f != 1) {
                return Ok(None);
            }
            let el = 4 + ctx.so + 4;
            let mut s = String::new();
            for i in 0..count {
                let e = data
                    .get(i * el..(i + 1) * el)
                    .ok_or("vlen data past the end")?;
                let addr = uint(e, 4, ctx.so)?;
                let index = uint(e, 4 + ctx.so, 4)?;
                s.push_str(&global_heap_object(ctx, addr, index)?);
            }
            Ok(Some(s))
        }
        _ => Ok(None),
    }
}

fn global_heap_object(ctx: &Ctx<'_>, addr: u64, index: u64) -> Res<String> {
    let at = ctx.abs(addr)?;
    let head = ctx.read(at, 8 + ctx.sl)?;
    if &head[..4] != b"GCOL" {
        return Err("global heap collection signature missing".into());
    }
    let size = uint(&head, 8, ctx.sl)?;
    if size > MAX_ATTR {
        return Err("global heap collection too large".into());
    }
    let coll = ctx.read(at, size as usize)?;
    let mut p = 8 + ctx.sl;
    while let Some(dstart) = p.checked_add(8 + ctx.sl).filter(|e| *e <= coll.len()) {
        let idx = uint(&coll, p, 2)?;
        let osz = uint(&coll, p + 8, ctx.sl)? as usize;
        if idx == 0 {
            break;
        }
        if idx == index {
            let d = dstart
                .checked_add(osz)
                .and_then(|end| coll.get(dstart..end))
                .ok_or("heap object past its collection")?;
            return Ok(String::from_utf8_lossy(d).into_owned());
        }
        p = osz
            .checked_next_multiple_of(8)
            .and_then(|o| dstart.checked_add(o))
            .ok_or("heap object size overflows")?;
    }
    Err(format!("global heap object {index} not found"))
}

/// Last resort when the root attributes cannot be read structurally: the first JSON object after
/// the bytes `model_config` in the first `limit` bytes.
pub fn search_model_config(src: &dyn Source, limit: u64) -> Option<String> {
    let n = src.size().min(limit);
    let data = src.bytes_at(0, n).ok()?;
    let key = b"model_config";
    let mut from = 0;
    while let Some(i) = data[from..].windows(key.len()).position(|w| w == key) {
        let at = from + i + key.len();
        if let Some(j) = data[at..data.len().min(at + 4096)]
            .iter()
            .position(|&b| b == b'{')
        {
            let start = at + j;
            let mut depth = 0i32;
            let mut in_str = false;
            let mut esc = false;
            for (k, &c) in data[start..].iter().enumerate() {
                if in_str {
                    match (esc, c) {
                        (true, _) => esc = false,
                        (false, b'\\') => esc = true,
                        (false, b'"') => in_str = false,
                        _ => {}
                    }
                    continue;
                }
                match c {
                    b'"' => in_str = true,
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(
                                String::from_utf8_lossy(&data[start..=start + k]).into_owned(),
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
        from = at;
    }
    None
}
