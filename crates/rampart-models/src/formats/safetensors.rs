//! safetensors: 8-byte little-endian header length, a JSON header, then the tensor buffer.

use crate::source::Source;

/// The header size limit of the reference implementation (100 MB).
pub const MAX_HEADER: u64 = 100_000_000;

/// Whether the bytes start like a safetensors file.
pub fn sniff(head: &[u8], size: u64) -> bool {
    if head.len() < 9 {
        return false;
    }
    let mut n = [0u8; 8];
    n.copy_from_slice(&head[..8]);
    let n = u64::from_le_bytes(n);
    head[8] == b'{' && (2..=MAX_HEADER).contains(&n) && n.saturating_add(8) <= size
}

fn bits(dtype: &str) -> Option<u64> {
    Some(match dtype {
        "BOOL" | "U8" | "I8" | "F8_E5M2" | "F8_E4M3" | "F8_E8M0" => 8,
        "I16" | "U16" | "F16" | "BF16" => 16,
        "I32" | "U32" | "F32" => 32,
        "I64" | "U64" | "F64" | "C64" => 64,
        "F4" => 4,
        "F6_E2M3" | "F6_E3M2" => 6,
        _ => return None,
    })
}

/// Checks the header; returns the problems found (empty when the file is consistent).
pub fn check(src: &dyn Source) -> Vec<String> {
    let mut problems = Vec::new();
    let size = src.size();
    let n = match src.bytes_at(0, 8) {
        Ok(b) => {
            let mut a = [0u8; 8];
            a.copy_from_slice(&b);
            u64::from_le_bytes(a)
        }
        Err(_) => return vec!["file shorter than the 8-byte header length".into()],
    };
    if n > MAX_HEADER {
        return vec![format!("header length {n} exceeds the 100 MB limit")];
    }
    let Ok(header) = src.bytes_at(8, n) else {
        return vec![format!(
            "header length {n} runs past the end of the file ({size} bytes)"
        )];
    };
    let Ok(text) = std::str::from_utf8(&header) else {
        return vec!["header is not UTF-8".into()];
    };
    if !text.starts_with('{') {
        return vec!["header does not start with `{`".into()];
    }
    let json: serde_json::Value = match serde_json::from_str(text.trim_end_matches(' ')) {
        Ok(v) => v,
        Err(e) => return vec![format!("header is not valid JSON: {e}")],
    };
    let Some(obj) = json.as_object() else {
        return vec!["header is not a JSON object".into()];
    };
    let buffer = size - 8 - n;
    let mut ranges: Vec<(u64, u64, String)> = Vec::new();
    for (name, t) in obj {
        if problems.len() >= 20 {
            break;
        }
        if name == "__metadata__" {
            match t.as_object() {
                Some(m) if m.values().all(serde_json::Value::is_string) => {}
                _ => problems.push("`__metadata__` is not a map of strings".into()),
            }
            continue;
        }
        let Some(t) = t.as_object() else {
            problems.push(format!("tensor `{name}` is not an object"));
            continue;
        };
        let dtype = t.get("dtype").and_then(|v| v.as_str()).unwrap_or("");
        let shape: Option<Vec<u64>> = t
            .get("shape")
            .and_then(|s| s.as_array())
            .and_then(|a| a.iter().map(|d| d.as_u64()).collect());
        let offs: Option<Vec<u64>> = t
            .get("data_offsets")
            .and_then(|s| s.as_array())
            .and_then(|a| a.iter().map(|d| d.as_u64()).collect());
        let (Some(shape), Some(offs)) = (shape, offs) else {
            problems.push(format!(
                "tensor `{name}` lacks a valid shape or data_offsets"
            ));
            continue;
        };
        let [begin, end] = offs[..] else {
            problems.push(format!("tensor `{name}` data_offsets is not [begin, end]"));
            continue;
        };
        if begin > end || end > buffer {
            problems.push(format!(
                "tensor `{name}` offsets [{begin}, {end}] are outside the {buffer}-byte buffer"
            ));
            continue;
        }
        let Some(b) = bits(dtype) else {
            problems.push(format!("tensor `{name}` has unknown dtype `{dtype}`"));
            continue;
        };
        let elems = shape.iter().try_fold(1u64, |acc, d| acc.checked_mul(*d));
        let expect = elems.and_then(|e| e.checked_mul(b)).map(|x| x.div_ceil(8));
        if expect != Some(end - begin) {
            problems.push(format!(
                "tensor `{name}`: {dtype} × {shape:?} needs {} bytes but offsets span {}",
                expect.map_or("too many".to_string(), |e| e.to_string()),
                end - begin
            ));
        }
        ranges.push((begin, end, name.clone()));
    }
    ranges.sort();
    let mut prev_end = 0u64;
    let mut prev_name = String::new();
    for (b, e, name) in &ranges {
        if *b < prev_end {
            problems.push(format!("tensors `{prev_name}` and `{name}` overlap"));
        } else if *b > prev_end {
            problems.push(format!(
                "{} unreferenced bytes before tensor `{name}`",
                b - prev_end
            ));
        }
        if *e > prev_end {
            prev_end = *e;
            prev_name = name.clone();
        }
    }
    if problems.is_empty() && prev_end < buffer {
        problems.push(format!(
            "{} unreferenced bytes after the last tensor",
            buffer - prev_end
        ));
    }
    problems.truncate(20);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(header: &str, data: usize) -> Vec<u8> {
        let mut v = (header.len() as u64).to_le_bytes().to_vec();
        v.extend(header.as_bytes());
        v.extend(vec![0u8; data]);
        v
    }

    #[test]
    fn consistent_file_passes() {
        let f = file(
            r#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"format":"pt"}}"#,
            8,
        );
        assert!(
            check(&f.as_slice()).is_empty(),
            "{:?}",
            check(&f.as_slice())
        );
        assert!(sniff(&f, f.len() as u64));
    }

    #[test]
    fn overlap_range_and_dtype_are_reported() {
        let f = file(
            r#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]},"c":{"dtype":"F32","shape":[1],"data_offsets":[0,99]},"__metadata__":{"x":1}}"#,
            12,
        );
        let p = check(&f.as_slice()).join("\n");
        assert!(p.contains("overlap"), "{p}");
        assert!(p.contains("outside"), "{p}");
        assert!(p.contains("__metadata__"), "{p}");
    }
}
