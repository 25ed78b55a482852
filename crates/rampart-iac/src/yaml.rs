//! A YAML loader that keeps what `serde_yaml` throws away: the line of every node and its tag
//! (`!Ref`, `!reference`). Built on `saphyr-parser` events. JSON is YAML, so CloudFormation JSON
//! templates load through here too and keep their line numbers.
//!
//! Untrusted input: aliases are expanded against a node budget (no "billion laughs"), nesting
//! depth is bounded (the tree is later converted and dropped recursively), and errors carry the
//! line where the parser stopped.

use std::collections::{BTreeMap, HashMap};

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// Deepest nesting accepted; real manifests stay far below it.
pub const MAX_DEPTH: usize = 128;
/// Most nodes one file may expand to, aliases included.
pub const MAX_NODES: usize = 2_000_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct YamlError {
    pub line: u32,
    pub message: String,
}

/// One node with the lines it spans and its tag (`!Ref`, not resolved).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: u32,
    pub end_line: u32,
    pub tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in source order: key, the key's line, value.
    Map(Vec<(String, u32, Node)>),
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(m) => m.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Line of the entry `key` of this mapping (the key's own line).
    pub fn key_line(&self, key: &str) -> Option<u32> {
        match &self.value {
            Value::Map(m) => m.iter().find(|(k, _, _)| k == key).map(|(_, l, _)| *l),
            _ => None,
        }
    }

    /// The node as plain JSON: tags dropped, values kept.
    pub fn to_json(&self) -> serde_json::Value {
        self.to_json_with(&|_, _| None)
    }

    /// The node as JSON, letting `tagged` replace any tagged node (CloudFormation turns
    /// `!Ref X` into `{"Ref": "X"}`). `tagged` gets the tag and the node converted without it.
    pub fn to_json_with(
        &self,
        tagged: &dyn Fn(&str, serde_json::Value) -> Option<serde_json::Value>,
    ) -> serde_json::Value {
        use serde_json::Value as J;
        let plain = match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(|n| n.to_json_with(tagged)).collect()),
            Value::Map(entries) => {
                let mut m = serde_json::Map::with_capacity(entries.len());
                for (k, _, v) in entries {
                    m.insert(k.clone(), v.to_json_with(tagged));
                }
                J::Object(m)
            }
        };
        match &self.tag {
            Some(t) => tagged(t, plain.clone()).unwrap_or(plain),
            None => plain,
        }
    }

    /// Adds `path -> line` for this node and everything below it (dotted paths, array indices
    /// as numbers; map entries use the key's line).
    pub fn collect_lines(&self, prefix: &str, out: &mut BTreeMap<String, u32>) {
        match &self.value {
            Value::Map(entries) => {
                for (k, kl, v) in entries {
                    let p = join(prefix, k);
                    out.insert(p.clone(), *kl);
                    v.collect_lines(&p, out);
                }
            }
            Value::Seq(items) => {
                for (i, v) in items.iter().enumerate() {
                    let p = join(prefix, &i.to_string());
                    out.insert(p.clone(), v.line);
                    v.collect_lines(&p, out);
                }
            }
            _ => {}
        }
    }
}

pub fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Loads every document of a YAML stream. A stream with only comments gives no documents.
pub fn load_all(text: &str) -> Result<Vec<Node>, YamlError> {
    let mut b = Builder::default();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| YamlError {
            line: e.marker().line() as u32,
            message: e.info().to_string(),
        })?;
        if b.event(event, span)? {
            break;
        }
    }
    Ok(b.docs)
}

enum Frame {
    Seq {
        anchor: usize,
        tag: Option<String>,
        line: u32,
        items: Vec<Node>,
    },
    Map {
        anchor: usize,
        tag: Option<String>,
        line: u32,
        entries: Vec<(String, u32, Node)>,
        /// A key waiting for its value.
        key: Option<(String, u32)>,
    },
}

#[derive(Default)]
struct Builder {
    docs: Vec<Node>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
}

fn line_of(span: &Span) -> u32 {
    span.start.line() as u32
}

fn end_line_of(span: &Span) -> u32 {
    let (s, e) = (span.start.line(), span.end.line());
    // A block scalar's span ends at column 0 of the line after it.
    if e > s && span.end.col() == 0 {
        (e - 1) as u32
    } else {
        e as u32
    }
}

fn tag_string(tag: Option<&saphyr_parser::Tag>) -> Option<String> {
    let t = tag?;
    if t.handle == "tag:yaml.org,2002:" || t.handle == "!!" {
        return Some(format!("!!{}", t.suffix));
    }
    Some(format!("{}{}", t.handle, t.suffix))
}

/// Resolves a plain scalar with the YAML 1.2 core schema (what Kubernetes and GitHub read:
/// `on` and `yes` stay strings).
fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let first = s.as_bytes()[0];
    if first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.' {
        if let Some(h) = s.strip_prefix("0x")
            && let Ok(i) = i64::from_str_radix(h, 16)
        {
            return Value::Int(i);
        }
        if let Some(o) = s.strip_prefix("0o")
            && let Ok(i) = i64::from_str_radix(o, 8)
        {
            return Value::Int(i);
        }
        let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(i) = s.parse::<i64>() {
                return Value::Int(i);
            }
        } else if digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
            && digits.bytes().any(|b| b.is_ascii_digit())
            && let Ok(f) = s.parse::<f64>()
            && f.is_finite()
        {
            return Value::Float(f);
        }
    }
    Value::Str(s.to_string())
}

fn scalar_value(s: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    match tag {
        Some("!!str") => return Value::Str(s.to_string()),
        Some("!!int") | Some("!!float") | Some("!!bool") | Some("!!null") => {
            return resolve_plain(s);
        }
        _ => {}
    }
    if style == ScalarStyle::Plain {
        resolve_plain(s)
    } else {
        Value::Str(s.to_string())
    }
}

fn scalar_key(n: &Node) -> String {
    match &n.value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Str(s) => s.clone(),
        // A complex key is rare and meaningless to policies; keep it readable.
        Value::Seq(_) | Value::Map(_) => n.to_json().to_string(),
    }
}

fn count_nodes(n: &Node) -> usize {
    match &n.value {
        Value::Seq(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(_, _, v)| count_nodes(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

impl Builder {
    /// Handles one event; returns true at the end of the stream.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<bool, YamlError> {
        let line = line_of(&span);
        let err = |message: &str| YamlError {
            line,
            message: message.to_string(),
        };
        match event {
            Event::StreamEnd => return Ok(true),
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {}
            Event::Alias(id) => {
                let node = self
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| err("alias to an unknown anchor"))?;
                self.nodes += count_nodes(&node);
                if self.nodes > MAX_NODES {
                    return Err(err("document expands to too many nodes (alias bomb?)"));
                }
                self.push_node(node, line)?;
            }
            Event::Scalar(value, style, anchor, tag) => {
                self.nodes += 1;
                let tag = tag_string(tag.as_deref());
                let node = Node {
                    value: scalar_value(&value, style, tag.as_deref()),
                    line,
                    end_line: end_line_of(&span).max(line),
                    tag,
                };
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push_node(node, line)?;
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(Frame::Seq {
                    anchor,
                    tag: tag_string(tag.as_deref()),
                    line,
                    items: Vec::new(),
                })?;
            }
            Event::MappingStart(anchor, tag) => {
                self.open(Frame::Map {
                    anchor,
                    tag: tag_string(tag.as_deref()),
                    line,
                    entries: Vec::new(),
                    key: None,
                })?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = self
                    .stack
                    .pop()
                    .ok_or_else(|| err("unbalanced collection"))?;
                let (anchor, node) = match frame {
                    Frame::Seq {
                        anchor,
                        tag,
                        line: start,
                        items,
                    } => {
                        let end = items.iter().map(|n| n.end_line).max().unwrap_or(start);
                        (
                            anchor,
                            Node {
                                value: Value::Seq(items),
                                line: start,
                                end_line: end.max(start),
                                tag,
                            },
                        )
                    }
                    Frame::Map {
                        anchor,
                        tag,
                        line: start,
                        entries,
                        ..
                    } => {
                        let end = entries
                            .iter()
                            .map(|(_, kl, v)| v.end_line.max(*kl))
                            .max()
                            .unwrap_or(start);
                        (
                            anchor,
                            Node {
                                value: Value::Map(entries),
                                line: start,
                                end_line: end.max(start),
                                tag,
                            },
                        )
                    }
                };
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push_node(node, line)?;
            }
        }
        Ok(false)
    }

    fn open(&mut self, frame: Frame) -> Result<(), YamlError> {
        let line = match &frame {
            Frame::Seq { line, .. } | Frame::Map { line, .. } => *line,
        };
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                line,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
            });
        }
        self.nodes += 1;
        self.stack.push(frame);
        Ok(())
    }

    fn push_node(&mut self, node: Node, line: u32) -> Result<(), YamlError> {
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some((scalar_key(&node), node.line)),
                Some((k, kl)) => {
                    if k == "<<" && node.tag.is_none() {
                        merge_into(entries, &node);
                    } else if let Some(slot) = entries.iter_mut().find(|(ek, _, _)| *ek == k) {
                        // Duplicate key: the last one wins, as in most loaders.
                        *slot = (k, kl, node);
                    } else {
                        entries.push((k, kl, node));
                    }
                }
            },
        }
        let _ = line;
        Ok(())
    }
}

/// `<<: *base` (or a list of them): keys of the merged maps that the mapping does not set.
fn merge_into(entries: &mut Vec<(String, u32, Node)>, merged: &Node) {
    let sources: Vec<&Node> = match &merged.value {
        Value::Map(_) => vec![merged],
        Value::Seq(items) => items.iter().collect(),
        _ => Vec::new(),
    };
    for src in sources {
        if let Value::Map(src_entries) = &src.value {
            for (k, kl, v) in src_entries {
                if !entries.iter().any(|(ek, _, _)| ek == k) {
                    entries.push((k.clone(), *kl, v.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_tags_and_types() {
        let docs = load_all(
            "a: 1\nb:\n  - x\n  - !Ref Y\nc: \"true\"\nd: true\non: push\n---\nk: |\n  one\n  two\nz: 2\n",
        )
        .unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.get("a").unwrap().value, Value::Int(1));
        assert_eq!(d.key_line("b"), Some(2));
        let b = d.get("b").unwrap();
        let Value::Seq(items) = &b.value else {
            panic!()
        };
        assert_eq!(items[1].tag.as_deref(), Some("!Ref"));
        assert_eq!(items[1].line, 4);
        assert_eq!(d.get("c").unwrap().value, Value::Str("true".into()));
        assert_eq!(d.get("d").unwrap().value, Value::Bool(true));
        assert_eq!(d.get("on").unwrap().as_str(), Some("push"));
        assert_eq!(d.end_line, 7);
        assert_eq!(docs[1].line, 9);
        assert_eq!(docs[1].get("k").unwrap().end_line, 11);
        let mut lines = BTreeMap::new();
        d.collect_lines("", &mut lines);
        assert_eq!(lines["b.1"], 4);
    }

    #[test]
    fn merge_keys_and_aliases() {
        let docs =
            load_all(".base: &b\n  image: x\n  tags: [a]\njob:\n  <<: *b\n  image: y\n").unwrap();
        let j = docs[0].get("job").unwrap().to_json();
        assert_eq!(j, serde_json::json!({"image": "y", "tags": ["a"]}));
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = load_all(&s).unwrap_err();
        assert!(e.message.contains("too many nodes"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let s = "[".repeat(10_000);
        assert!(load_all(&s).is_err());
    }

    #[test]
    fn json_loads_with_lines() {
        let docs = load_all("{\n  \"a\": {\n    \"b\": [1, 2.5, null]\n  }\n}\n").unwrap();
        assert_eq!(docs[0].key_line("a"), Some(2));
        assert_eq!(
            docs[0].to_json(),
            serde_json::json!({"a": {"b": [1, 2.5, null]}})
        );
    }
}
