//! Line numbers for entries of JSON and YAML files, whose serde parsers do not keep positions.
//!
//! Both scanners are single passes over the text that track only the chain of object keys; they
//! record the line of each key whose path the caller asks for, so memory stays proportional to
//! what is wanted.

use std::collections::HashMap;

/// Number of the line holding byte `offset` (1-based).
pub fn line_at(text: &str, offset: usize) -> u32 {
    count_lines(
        text.as_bytes()
            .get(..offset.min(text.len()))
            .unwrap_or_default(),
    )
}

/// Byte offset → line number for many lookups in one text (binary search over newline offsets).
pub struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex {
            newlines: memchr_all(text.as_bytes()),
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        let n = self.newlines.partition_point(|&p| p < offset);
        u32::try_from(n).unwrap_or(u32::MAX - 1).saturating_add(1)
    }
}

fn memchr_all(b: &[u8]) -> Vec<usize> {
    b.iter()
        .enumerate()
        .filter(|(_, c)| **c == b'\n')
        .map(|(i, _)| i)
        .collect()
}

/// 1 + the number of newlines in `bytes`.
pub fn count_lines(bytes: &[u8]) -> u32 {
    let n = bytes.iter().filter(|b| **b == b'\n').count();
    u32::try_from(n).unwrap_or(u32::MAX - 1).saturating_add(1)
}

/// Maps key paths (joined with `\u{1f}`) of a JSON (or JSONC) document to the line of the key.
/// Array elements get their index as key. `want` sees each path and says whether to keep it.
pub fn json_key_lines(text: &str, want: impl Fn(&[String]) -> bool) -> HashMap<String, u32> {
    let b = text.as_bytes();
    let mut out = HashMap::new();
    // One frame per open container: (is_array, next index, current key).
    let mut stack: Vec<(bool, usize, Option<String>)> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut line: u32 = 1;
    let mut i = 0;
    let mut expect_key = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => line += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
                continue;
            }
            b'{' | b'[' => {
                let is_array = c == b'[';
                stack.push((is_array, 0, None));
                expect_key = !is_array;
                if is_array {
                    mark_array_element(b, i + 1, &mut stack, &mut path, &mut out, line, &want);
                }
            }
            b'}' | b']' => {
                if let Some((_, _, key)) = stack.pop()
                    && key.is_some()
                {
                    path.pop();
                }
                expect_key = false;
            }
            b',' => {
                if let Some((is_array, _, _)) = stack.last() {
                    if *is_array {
                        mark_array_element(b, i + 1, &mut stack, &mut path, &mut out, line, &want);
                    } else {
                        expect_key = true;
                    }
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if b.get(i) == Some(&b'\n') {
                        line += 1;
                    }
                    i += 1;
                }
                if expect_key {
                    let raw = text.get(start..(i + 1).min(text.len())).unwrap_or("\"\"");
                    // Only keys with escapes need a real JSON string decode.
                    let key: String = if raw.contains('\\') {
                        serde_json::from_str(raw).unwrap_or_default()
                    } else {
                        raw.get(1..raw.len().saturating_sub(1))
                            .unwrap_or("")
                            .to_string()
                    };
                    if let Some(frame) = stack.last_mut() {
                        if frame.2.is_some() {
                            path.pop();
                        }
                        frame.2 = Some(key.clone());
                        path.push(key);
                        if want(&path) {
                            out.insert(path.join("\u{1f}"), line);
                        }
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Records the start of the next array element (the frame's key is its index).
fn mark_array_element(
    b: &[u8],
    from: usize,
    stack: &mut [(bool, usize, Option<String>)],
    path: &mut Vec<String>,
    out: &mut HashMap<String, u32>,
    line: u32,
    want: &impl Fn(&[String]) -> bool,
) {
    // An empty array or trailing comma has no element.
    let next = b
        .get(from..)
        .and_then(|r| r.iter().position(|c| !c.is_ascii_whitespace()));
    let Some(frame) = stack.last_mut() else {
        return;
    };
    if frame.2.is_some() {
        path.pop();
        frame.2 = None;
    }
    if next.is_some_and(|n| b.get(from + n) == Some(&b']')) {
        return;
    }
    let idx = frame.1;
    frame.1 += 1;
    frame.2 = Some(idx.to_string());
    path.push(idx.to_string());
    if want(path) {
        // The element may start on a later line; count newlines up to it.
        let extra = next.map_or(0, |n| {
            b.get(from..from + n)
                .map_or(0, |s| s.iter().filter(|c| **c == b'\n').count())
        });
        out.insert(
            path.join("\u{1f}"),
            line + u32::try_from(extra).unwrap_or(0),
        );
    }
}

/// Maps key paths of a block-style YAML document (as lockfiles are written) to their lines.
/// Keys in flow mappings and under sequences are not tracked.
pub fn yaml_key_lines(text: &str, want: impl Fn(&[String]) -> bool) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('-') {
            continue;
        }
        let indent = raw.len() - trimmed.len();
        let Some(key) = yaml_key(trimmed) else {
            continue;
        };
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        stack.push((indent, key));
        // Lockfile entries sit a few levels deep; deeper keys (or block-scalar text that looks
        // like keys) are not wanted, and copying long paths would cost O(depth) per line.
        if stack.len() > 8 {
            continue;
        }
        let path: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
        if want(&path) {
            out.insert(
                path.join("\u{1f}"),
                u32::try_from(n + 1).unwrap_or(u32::MAX),
            );
        }
    }
    out
}

/// The key of a `key: value` / `"key":` line, unquoted.
pub fn yaml_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first == '"' || first == '\'' {
        let mut key = String::new();
        let mut chars = line.char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            if c == first {
                if first == '\'' && line.get(i + 1..i + 2) == Some("'") {
                    key.push('\'');
                    chars.next();
                    continue;
                }
                let rest = line.get(i + 1..)?.trim_start();
                return rest.starts_with(':').then_some(key);
            }
            if c == '\\' && first == '"' {
                if let Some((_, e)) = chars.next() {
                    key.push(e);
                }
                continue;
            }
            key.push(c);
        }
        None
    } else {
        let pos = line
            .find(": ")
            .or_else(|| line.strip_suffix(':').map(str::len))?;
        let key = line.get(..pos)?.trim_end();
        (!key.is_empty() && !key.starts_with('{') && !key.starts_with('[')).then(|| key.to_string())
    }
}

/// Joins a key path the way [`json_key_lines`] and [`yaml_key_lines`] store it.
pub fn key(parts: &[&str]) -> String {
    parts.join("\u{1f}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_follow_keys_and_arrays() {
        let text = "{\n  \"a\": {\n    \"b\": 1,\n    \"c\": [\n      {\"x\": 1},\n      {\"x\": 2}\n    ]\n  },\n  \"d\\\"q\": 3\n}";
        let m = json_key_lines(text, |_| true);
        assert_eq!(m.get(&key(&["a"])), Some(&2));
        assert_eq!(m.get(&key(&["a", "b"])), Some(&3));
        assert_eq!(m.get(&key(&["a", "c", "0"])), Some(&5));
        assert_eq!(m.get(&key(&["a", "c", "1", "x"])), Some(&6));
        assert_eq!(m.get(&key(&["d\"q"])), Some(&9));
        let idx = LineIndex::new(text);
        for off in [0, 1, 12, 30, text.len()] {
            assert_eq!(idx.line(off), line_at(text, off), "offset {off}");
        }
    }

    #[test]
    fn yaml_lines_follow_indentation() {
        let text = "packages:\n\n  '@a/b@1.0.0':\n    resolution: {x: 1}\n  c@2.0.0:\n    dependencies:\n      d: 1.0.0\n";
        let m = yaml_key_lines(text, |_| true);
        assert_eq!(m.get(&key(&["packages", "@a/b@1.0.0"])), Some(&3));
        assert_eq!(
            m.get(&key(&["packages", "c@2.0.0", "dependencies", "d"])),
            Some(&7)
        );
    }
}
