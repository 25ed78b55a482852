//! A minimal protobuf wire-format walker over a [`Source`] (so large `bytes` fields such as ONNX
//! initializers are skipped, never read), and the ONNX and TensorFlow SavedModel checks built
//! on it.

use std::collections::BTreeSet;

use crate::source::Source;

const MAX_DEPTH: u32 = 48;
const MAX_FIELDS: u64 = 5_000_000;

#[derive(Debug, Clone, Copy)]
pub enum Field {
    Varint(u64),
    Fixed64,
    Fixed32,
    /// A length-delimited field at `[off, off + len)`.
    Len {
        off: u64,
        len: u64,
    },
}

pub struct Walker<'a> {
    src: &'a dyn Source,
    fields: u64,
}

type Res<T> = Result<T, String>;

impl<'a> Walker<'a> {
    pub fn new(src: &'a dyn Source) -> Self {
        Walker { src, fields: 0 }
    }

    fn varint(&self, pos: &mut u64, end: u64) -> Res<u64> {
        let mut v = 0u64;
        for i in 0..10 {
            if *pos >= end {
                return Err("varint runs past its message".into());
            }
            let mut b = [0u8];
            self.src.read_at(*pos, &mut b).map_err(|e| e.to_string())?;
            *pos += 1;
            v |= u64::from(b[0] & 0x7f) << (7 * i);
            if b[0] & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("varint longer than 10 bytes".into())
    }

    /// Calls `f(number, field)` for each field of the message at `[start, end)`.
    pub fn each(
        &mut self,
        start: u64,
        end: u64,
        f: &mut dyn FnMut(&mut Self, u32, Field) -> Res<()>,
    ) -> Res<()> {
        let mut pos = start;
        while pos < end {
            self.fields += 1;
            if self.fields > MAX_FIELDS {
                return Err("too many protobuf fields".into());
            }
            let key = self.varint(&mut pos, end)?;
            let number = u32::try_from(key >> 3).map_err(|_| "field number too large")?;
            if number == 0 {
                return Err("field number 0".into());
            }
            let field = match key & 7 {
                0 => Field::Varint(self.varint(&mut pos, end)?),
                1 => {
                    pos = pos
                        .checked_add(8)
                        .filter(|p| *p <= end)
                        .ok_or("fixed64 past the end")?;
                    Field::Fixed64
                }
                5 => {
                    pos = pos
                        .checked_add(4)
                        .filter(|p| *p <= end)
                        .ok_or("fixed32 past the end")?;
                    Field::Fixed32
                }
                2 => {
                    let len = self.varint(&mut pos, end)?;
                    let off = pos;
                    pos = pos
                        .checked_add(len)
                        .filter(|p| *p <= end)
                        .ok_or("length-delimited field past the end")?;
                    Field::Len { off, len }
                }
                w => return Err(format!("unsupported wire type {w}")),
            };
            f(self, number, field)?;
        }
        Ok(())
    }

    pub fn string(&self, off: u64, len: u64) -> Res<String> {
        if len > 1 << 20 {
            return Err("string field longer than 1 MiB".into());
        }
        let b = self.src.bytes_at(off, len).map_err(|e| e.to_string())?;
        Ok(String::from_utf8_lossy(&b).into_owned())
    }
}

/// Top-level field numbers and types, from a head of the file (for sniffing).
pub fn top_fields(head: &[u8], complete: bool) -> Option<Vec<(u32, u8)>> {
    let head_src: &[u8] = head;
    let w = Walker::new(&head_src);
    let mut out = Vec::new();
    let mut pos = 0u64;
    let end = head.len() as u64;
    while pos < end && out.len() < 64 {
        let key = match w.varint(&mut pos, end) {
            Ok(k) => k,
            Err(_) => break,
        };
        let number = u32::try_from(key >> 3).ok()?;
        let wt = (key & 7) as u8;
        if number == 0 {
            return None;
        }
        match wt {
            0 => {
                w.varint(&mut pos, end).ok()?;
            }
            2 => {
                let len = match w.varint(&mut pos, end) {
                    Ok(l) => l,
                    Err(_) => break,
                };
                pos = pos.saturating_add(len);
                if pos > end && complete {
                    return None;
                }
            }
            1 => pos += 8,
            5 => pos += 4,
            _ => return None,
        }
        out.push((number, wt));
    }
    (!out.is_empty()).then_some(out)
}

/// Which protobuf model format a head looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Onnx,
    SavedModel,
}

pub fn sniff(head: &[u8], complete: bool) -> Option<Kind> {
    let fields = top_fields(head, complete)?;
    let onnx_ok = |n: u32, t: u8| match n {
        1 | 5 => t == 0,
        2 | 3 | 4 | 6 | 7 | 8 | 14 | 20 | 25 => t == 2,
        _ => false,
    };
    let (first, ft) = fields[0];
    if first != 1 || ft != 0 {
        return None;
    }
    if fields
        .iter()
        .all(|&(n, t)| (n == 1 && t == 0) || (n == 2 && t == 2))
        && fields.iter().any(|&(n, _)| n == 2)
    {
        // saved_model_schema_version then meta_graphs; an ONNX file has more top-level fields.
        return Some(Kind::SavedModel);
    }
    if fields.iter().all(|&(n, t)| onnx_ok(n, t))
        && fields
            .iter()
            .any(|&(n, _)| n == 7 || n == 8 || n == 2 || n == 3)
    {
        return Some(Kind::Onnx);
    }
    None
}

#[derive(Debug, Default)]
pub struct OnnxReport {
    pub escapes: Vec<(String, String)>,
    pub custom_domains: BTreeSet<String>,
    pub error: Option<String>,
}

const STD_DOMAINS: &[&str] = &[
    "",
    "ai.onnx",
    "ai.onnx.ml",
    "ai.onnx.training",
    "ai.onnx.preview.training",
    "com.microsoft",
];

fn escapes(location: &str) -> bool {
    let l = location.replace('\\', "/");
    l.starts_with('/')
        || l.as_bytes().get(1) == Some(&b':')
        || l.split('/').any(|c| c == "..")
        || l.starts_with("~")
}

pub fn onnx(src: &dyn Source) -> OnnxReport {
    let mut r = OnnxReport::default();
    let mut w = Walker::new(src);
    let res = w.each(0, src.size(), &mut |w, n, f| {
        match (n, f) {
            (7, Field::Len { off, len }) => onnx_graph(w, off, off + len, &mut r, 0)?,
            (8, Field::Len { off, len }) => onnx_opset(w, off, off + len, &mut r)?,
            (25, Field::Len { off, len }) => {
                // FunctionProto: 7 node, 9 opset_import.
                w.each(off, off + len, &mut |w, n, f| match (n, f) {
                    (7, Field::Len { off, len }) => onnx_node(w, off, off + len, &mut r, 1),
                    (9, Field::Len { off, len }) => onnx_opset(w, off, off + len, &mut r),
                    _ => Ok(()),
                })?
            }
            _ => {}
        }
        Ok(())
    });
    if let Err(e) = res {
        r.error = Some(e);
    }
    r
}

fn onnx_opset(w: &mut Walker<'_>, s: u64, e: u64, r: &mut OnnxReport) -> Res<()> {
    w.each(s, e, &mut |w, n, f| {
        if let (1, Field::Len { off, len }) = (n, f) {
            let d = w.string(off, len)?;
            if !STD_DOMAINS.contains(&d.as_str()) {
                r.custom_domains.insert(d);
            }
        }
        Ok(())
    })
}

fn onnx_graph(w: &mut Walker<'_>, s: u64, e: u64, r: &mut OnnxReport, depth: u32) -> Res<()> {
    if depth > MAX_DEPTH {
        return Err("graphs nested too deep".into());
    }
    w.each(s, e, &mut |w, n, f| {
        match (n, f) {
            (1, Field::Len { off, len }) => onnx_node(w, off, off + len, r, depth)?,
            (5, Field::Len { off, len }) => onnx_tensor(w, off, off + len, r)?,
            (15, Field::Len { off, len }) => {
                w.each(off, off + len, &mut |w, n, f| match (n, f) {
                    (1 | 2, Field::Len { off, len }) => onnx_tensor(w, off, off + len, r),
                    _ => Ok(()),
                })?
            }
            _ => {}
        }
        Ok(())
    })
}

fn onnx_node(w: &mut Walker<'_>, s: u64, e: u64, r: &mut OnnxReport, depth: u32) -> Res<()> {
    w.each(s, e, &mut |w, n, f| {
        match (n, f) {
            (7, Field::Len { off, len }) => {
                let d = w.string(off, len)?;
                if !STD_DOMAINS.contains(&d.as_str()) {
                    r.custom_domains.insert(d);
                }
            }
            (5, Field::Len { off, len }) => {
                // AttributeProto: 5 t, 6 g, 10 tensors, 11 graphs.
                w.each(off, off + len, &mut |w, n, f| match (n, f) {
                    (5 | 10, Field::Len { off, len }) => onnx_tensor(w, off, off + len, r),
                    (6 | 11, Field::Len { off, len }) => {
                        onnx_graph(w, off, off + len, r, depth + 1)
                    }
                    _ => Ok(()),
                })?
            }
            _ => {}
        }
        Ok(())
    })
}

fn onnx_tensor(w: &mut Walker<'_>, s: u64, e: u64, r: &mut OnnxReport) -> Res<()> {
    let mut name = String::new();
    let mut locations = Vec::new();
    w.each(s, e, &mut |w, n, f| {
        match (n, f) {
            (8, Field::Len { off, len }) => name = w.string(off, len)?,
            (13, Field::Len { off, len }) => {
                let mut key = String::new();
                let mut value = String::new();
                w.each(off, off + len, &mut |w, n, f| {
                    match (n, f) {
                        (1, Field::Len { off, len }) => key = w.string(off, len)?,
                        (2, Field::Len { off, len }) => value = w.string(off, len)?,
                        _ => {}
                    }
                    Ok(())
                })?;
                if key == "location" {
                    locations.push(value);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    for l in locations {
        if escapes(&l) && r.escapes.len() < 50 {
            r.escapes.push((name.clone(), l));
        }
    }
    Ok(())
}

#[derive(Debug, Default)]
pub struct SavedModelReport {
    /// `(op, node name)`, deduplicated by op and name.
    pub ops: Vec<(String, String)>,
    pub error: Option<String>,
}

pub const PYFUNC_OPS: &[&str] = &["PyFunc", "PyFuncStateless", "EagerPyFunc"];
pub const FILE_OPS: &[&str] = &[
    "ReadFile",
    "WriteFile",
    "MatchingFiles",
    "ImmutableConst",
    "WholeFileReader",
    "WholeFileReaderV2",
    "TextLineReader",
    "TextLineReaderV2",
    "FixedLengthRecordReader",
    "FixedLengthRecordReaderV2",
    "TFRecordReader",
    "TFRecordReaderV2",
    "LoadAndRemapMatrix",
    "DebugIdentityV2",
];

pub fn saved_model(src: &dyn Source) -> SavedModelReport {
    let mut r = SavedModelReport::default();
    let mut w = Walker::new(src);
    let res = w.each(0, src.size(), &mut |w, n, f| {
        if let (2, Field::Len { off, len }) = (n, f) {
            // MetaGraphDef: 2 graph_def.
            w.each(off, off + len, &mut |w, n, f| match (n, f) {
                (2, Field::Len { off, len }) => tf_graph(w, off, off + len, &mut r),
                _ => Ok(()),
            })?;
        }
        Ok(())
    });
    if let Err(e) = res {
        r.error = Some(e);
    }
    r
}

fn tf_graph(w: &mut Walker<'_>, s: u64, e: u64, r: &mut SavedModelReport) -> Res<()> {
    w.each(s, e, &mut |w, n, f| {
        match (n, f) {
            (1, Field::Len { off, len }) => tf_node(w, off, off + len, r)?,
            // FunctionDefLibrary: 1 function → FunctionDef: 3 node_def.
            (2, Field::Len { off, len }) => {
                w.each(off, off + len, &mut |w, n, f| match (n, f) {
                    (1, Field::Len { off, len }) => {
                        w.each(off, off + len, &mut |w, n, f| match (n, f) {
                            (3, Field::Len { off, len }) => tf_node(w, off, off + len, r),
                            _ => Ok(()),
                        })
                    }
                    _ => Ok(()),
                })?
            }
            _ => {}
        }
        Ok(())
    })
}

fn tf_node(w: &mut Walker<'_>, s: u64, e: u64, r: &mut SavedModelReport) -> Res<()> {
    let mut name = String::new();
    let mut op = String::new();
    w.each(s, e, &mut |w, n, f| {
        match (n, f) {
            (1, Field::Len { off, len }) => name = w.string(off, len)?,
            (2, Field::Len { off, len }) => op = w.string(off, len)?,
            _ => {}
        }
        Ok(())
    })?;
    if (PYFUNC_OPS.contains(&op.as_str()) || FILE_OPS.contains(&op.as_str()))
        && r.ops.len() < 100
        && !r.ops.iter().any(|(o, nm)| *o == op && *nm == name)
    {
        r.ops.push((op, name));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(n: u32, body: &[u8]) -> Vec<u8> {
        let mut v = vec![((n << 3) | 2) as u8];
        v.push(body.len() as u8);
        v.extend(body);
        v
    }

    #[test]
    fn onnx_escape_and_domain() {
        let entry = [ld(1, b"location"), ld(2, b"../../etc/passwd")].concat();
        let tensor = [ld(8, b"w"), ld(13, &entry)].concat();
        let node = [ld(4, b"Evil"), ld(7, b"evil.ops")].concat();
        let graph = [ld(1, &node), ld(5, &tensor)].concat();
        let model = [vec![0x08, 0x08], ld(7, &graph)].concat();
        assert_eq!(sniff(&model, true), Some(Kind::Onnx));
        let r = onnx(&model.as_slice());
        assert!(r.error.is_none(), "{:?}", r.error);
        assert_eq!(
            r.escapes,
            vec![("w".to_string(), "../../etc/passwd".to_string())]
        );
        assert!(r.custom_domains.contains("evil.ops"));
    }

    #[test]
    fn saved_model_ops() {
        let node = [ld(1, b"rf"), ld(2, b"ReadFile")].concat();
        let graph = ld(1, &node);
        let meta = ld(2, &graph);
        let sm = [vec![0x08, 0x01], ld(2, &meta)].concat();
        assert_eq!(sniff(&sm, true), Some(Kind::SavedModel));
        let r = saved_model(&sm.as_slice());
        assert_eq!(r.ops, vec![("ReadFile".to_string(), "rf".to_string())]);
    }
}
