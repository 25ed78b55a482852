//! GGUF (llama.cpp): magic, version, tensor and metadata counts, metadata key/values.

use crate::source::{Cursor, Source};

pub fn sniff(head: &[u8]) -> bool {
    head.len() >= 8
        && &head[..4] == b"GGUF"
        && matches!(
            u32::from_le_bytes([head[4], head[5], head[6], head[7]]),
            1..=3
        )
}

#[derive(Debug, Default)]
pub struct GgufReport {
    pub version: u32,
    pub metadata: u64,
    pub tensors: u64,
    /// `(key, template)` for every `tokenizer.chat_template*` key.
    pub templates: Vec<(String, String)>,
    pub problems: Vec<String>,
}

const MAX_STRING: u64 = 64 << 20;

fn string(c: &mut Cursor<'_>, v1: bool, keep: bool) -> std::io::Result<Option<String>> {
    let n = if v1 { u64::from(c.u32()?) } else { c.u64()? };
    if n > MAX_STRING || n > c.remaining() {
        return Err(crate::source::bad(&format!(
            "string length {n} at offset {} is out of bounds",
            c.pos
        )));
    }
    if keep {
        Ok(Some(String::from_utf8_lossy(&c.bytes(n)?).into_owned()))
    } else {
        c.skip(n)?;
        Ok(None)
    }
}

fn fixed_size(t: u32) -> Option<u64> {
    Some(match t {
        0 | 1 | 7 => 1,
        2 | 3 => 2,
        4..=6 => 4,
        10..=12 => 8,
        _ => return None,
    })
}

fn value(
    c: &mut Cursor<'_>,
    t: u32,
    v1: bool,
    keep: bool,
    depth: u32,
) -> std::io::Result<Option<String>> {
    if let Some(n) = fixed_size(t) {
        c.skip(n)?;
        return Ok(None);
    }
    match t {
        8 => string(c, v1, keep),
        9 => {
            if depth > 2 {
                return Err(crate::source::bad("arrays nested too deep"));
            }
            let et = c.u32()?;
            let count = if v1 { u64::from(c.u32()?) } else { c.u64()? };
            if let Some(n) = fixed_size(et) {
                let total = n
                    .checked_mul(count)
                    .ok_or_else(|| crate::source::bad("array size overflows"))?;
                c.skip(total)?;
            } else {
                // Every element takes at least 4 bytes; a count past that is a lie.
                if count.saturating_mul(4) > c.remaining() {
                    return Err(crate::source::bad(&format!(
                        "array count {count} exceeds the file"
                    )));
                }
                for _ in 0..count {
                    value(c, et, v1, false, depth + 1)?;
                }
            }
            Ok(None)
        }
        _ => Err(crate::source::bad(&format!(
            "unknown metadata value type {t}"
        ))),
    }
}

pub fn parse(src: &dyn Source) -> GgufReport {
    let mut r = GgufReport::default();
    let mut c = Cursor::new(src, 0);
    let res: std::io::Result<()> = (|| {
        let magic = c.bytes(4)?;
        if magic != b"GGUF" {
            return Err(crate::source::bad("no GGUF magic"));
        }
        r.version = c.u32()?;
        if !(1..=3).contains(&r.version) {
            return Err(crate::source::bad(&format!(
                "unknown GGUF version {}",
                r.version
            )));
        }
        let v1 = r.version == 1;
        r.tensors = if v1 { u64::from(c.u32()?) } else { c.u64()? };
        r.metadata = if v1 { u64::from(c.u32()?) } else { c.u64()? };
        if r.metadata.saturating_mul(12) > c.remaining() {
            return Err(crate::source::bad(&format!(
                "metadata count {} exceeds the file",
                r.metadata
            )));
        }
        if r.tensors.saturating_mul(24) > c.remaining() {
            return Err(crate::source::bad(&format!(
                "tensor count {} exceeds the file",
                r.tensors
            )));
        }
        for _ in 0..r.metadata {
            let key = string(&mut c, v1, true)?.unwrap_or_default();
            let t = c.u32()?;
            let keep = key.starts_with("tokenizer.chat_template") && t == 8;
            let v = value(&mut c, t, v1, keep, 0)?;
            if let Some(v) = v {
                r.templates.push((key, v));
            }
        }
        for _ in 0..r.tensors {
            string(&mut c, v1, false)?;
            let dims = c.u32()?;
            if dims > 8 {
                return Err(crate::source::bad(&format!(
                    "tensor with {dims} dimensions"
                )));
            }
            c.skip(u64::from(dims) * if v1 { 4 } else { 8 })?;
            c.skip(4 + 8)?;
        }
        Ok(())
    })();
    if let Err(e) = res {
        r.problems.push(e.to_string());
    }
    r
}

/// What in a Jinja template reaches Python internals (the CVE-2024-34359 class). Only code inside
/// `{{ }}` and `{% %}` is looked at, so prose in the template does not count.
pub fn template_hazards(t: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = t.to_ascii_lowercase();
    let mut code = String::new();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find(['{']) {
        let after = &rest[i + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let body = &after[1..];
        let end = body.find(close).unwrap_or(body.len());
        code.push_str(&body[..end]);
        code.push('\n');
        rest = &body[end..];
    }
    for needle in [
        "__class__",
        "__globals__",
        "__builtins__",
        "__subclasses__",
        "__mro__",
        "__base__",
        "__bases__",
        "__init__",
        "__import__",
        "__getattribute__",
        "__dict__",
        "\\x5f\\x5f",
        "|attr(",
        "| attr(",
        "popen",
        "subprocess",
        "system(",
    ] {
        if code.contains(needle) {
            found.push(needle.to_string());
        }
    }
    for word in [
        "os", "import", "eval", "exec", "lipsum", "cycler", "joiner", "self",
    ] {
        if has_word(&code, word) {
            found.push(word.to_string());
        }
    }
    found
}

fn has_word(s: &str, w: &str) -> bool {
    let b = s.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    s.match_indices(w).any(|(i, _)| {
        let before = i == 0 || !ident(b[i - 1]);
        let j = i + w.len();
        let after = j >= b.len() || !ident(b[j]);
        // Inside a quoted string literal ('os') the word is data, not code, unless followed by a call.
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benign_templates_are_clean() {
        let t = "{% for message in messages %}{% if message['role'] == 'system' %}Important: {{ message['content'] }}{% endif %}{{ '<|im_start|>' + message['role'] }}{% endfor %}";
        assert!(template_hazards(t).is_empty(), "{:?}", template_hazards(t));
    }

    #[test]
    fn ssti_is_found() {
        let t = "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}";
        let h = template_hazards(t);
        assert!(
            h.contains(&"__globals__".to_string()) && h.contains(&"popen".to_string()),
            "{h:?}"
        );
    }
}
