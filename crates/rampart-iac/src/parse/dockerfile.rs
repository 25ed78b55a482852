//! Dockerfiles: parser directives (`# escape=`), line continuations, heredocs (`RUN <<EOF`),
//! JSON-form commands, flags (`--mount=`, `--from=`), build stages, and ARG substitution in
//! `FROM`. One resource per stage.

use std::collections::BTreeMap;

use serde_json::{Map, Value as J, json};

use super::ParseError;
use crate::document::Resource;

/// One logical instruction (continuations joined).
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    /// Lower-case keyword: `from`, `run`, `copy`...
    pub cmd: String,
    /// Text after the keyword and its flags, continuations joined with a space.
    pub value: String,
    /// `--name=value` flags; a flag without value maps to `""`.
    pub flags: BTreeMap<String, String>,
    /// The JSON (exec) form's elements, when the value is a JSON array of strings.
    pub args: Option<Vec<String>>,
    pub line: u32,
    pub end_line: u32,
    pub heredocs: Vec<Heredoc>,
    /// The instruction as written (first line and continuations).
    pub original: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heredoc {
    pub name: String,
    pub content: String,
}

/// Parses the instructions of a Dockerfile. Never fails: unknown lines become instructions
/// with their first word as keyword, which is what Docker's parser does too.
pub fn instructions(text: &str) -> Vec<Instruction> {
    let lines: Vec<&str> = text.lines().collect();
    let mut escape = '\\';
    let mut i = 0;
    // Parser directives: `# key=value` lines at the very top.
    while i < lines.len() {
        let t = lines[i].trim();
        let Some(d) = t.strip_prefix('#') else { break };
        let Some((k, v)) = d.split_once('=') else {
            break;
        };
        let k = k.trim().to_ascii_lowercase();
        if k.contains(' ') || k.is_empty() {
            break;
        }
        if k == "escape" {
            match v.trim() {
                "`" => escape = '`',
                _ => escape = '\\',
            }
        }
        i += 1;
    }
    let mut out = Vec::new();
    while i < lines.len() {
        let raw = lines[i];
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            i += 1;
            continue;
        }
        let start = i;
        let mut logical = String::new();
        let mut original = String::new();
        loop {
            let l = lines[i];
            original.push_str(l);
            original.push('\n');
            let trimmed = l.trim_end();
            let continued = trimmed.ends_with(escape);
            let body = if continued {
                &trimmed[..trimmed.len() - escape.len_utf8()]
            } else {
                trimmed
            };
            if !logical.is_empty() {
                logical.push(' ');
            }
            logical.push_str(body.trim());
            i += 1;
            if !continued {
                break;
            }
            // Comment and empty lines inside a continuation are skipped, as Docker does.
            while i < lines.len() {
                let n = lines[i].trim();
                if n.is_empty() || n.starts_with('#') {
                    i += 1;
                } else {
                    break;
                }
            }
            if i >= lines.len() {
                break;
            }
        }
        let (kw, rest) = match logical.split_once(char::is_whitespace) {
            Some((k, r)) => (k, r.trim_start()),
            None => (logical.as_str(), ""),
        };
        let cmd = kw.to_ascii_lowercase();
        let (flags, value) = split_flags(rest);
        let mut heredocs = Vec::new();
        for name in heredoc_names(&value) {
            let mut content = String::new();
            while i < lines.len() {
                let l = lines[i];
                i += 1;
                if l.trim() == name {
                    break;
                }
                content.push_str(l);
                content.push('\n');
                original.push_str(l);
                original.push('\n');
            }
            heredocs.push(Heredoc { name, content });
        }
        let args = if value.starts_with('[') {
            serde_json::from_str::<Vec<String>>(&value).ok()
        } else {
            None
        };
        out.push(Instruction {
            cmd,
            value,
            flags,
            args,
            line: start as u32 + 1,
            end_line: i as u32,
            heredocs,
            original,
        });
    }
    out
}

/// Leading `--flag=value` words (only RUN, COPY, ADD, FROM, HEALTHCHECK have them, but Docker
/// reads them the same way everywhere).
fn split_flags(rest: &str) -> (BTreeMap<String, String>, String) {
    let mut flags = BTreeMap::new();
    let mut s = rest;
    while let Some(f) = s.strip_prefix("--") {
        let end = f.find(char::is_whitespace).unwrap_or(f.len());
        let word = &f[..end];
        match word.split_once('=') {
            Some((k, v)) => flags.insert(k.to_string(), v.to_string()),
            None => flags.insert(word.to_string(), String::new()),
        };
        s = f[end..].trim_start();
    }
    (flags, s.to_string())
}

/// Heredoc delimiters opened on an instruction line: `<<EOF`, `<<-EOF`, `<<"EOF"`.
fn heredoc_names(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(p) = rest.find("<<") {
        let after = rest[p + 2..].trim_start_matches('-');
        let quoted = after.starts_with(['"', '\'']);
        let word: String = after
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !word.is_empty() && (quoted || word.chars().next().is_some_and(|c| !c.is_ascii_digit()))
        {
            out.push(word);
        }
        rest = &rest[p + 2..];
    }
    out
}

/// `${VAR}`, `$VAR`, `${VAR:-default}` and `${VAR:+alt}` from `vars`; unknown stay as written.
pub fn substitute(s: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        let rest = &s[i + 1..];
        if let Some(body) = rest.strip_prefix('{')
            && let Some(end) = body.find('}')
        {
            let inner = &body[..end];
            let (name, op) = match inner.find(':') {
                Some(p) => (&inner[..p], Some(&inner[p..])),
                None => (inner, None),
            };
            let val = vars.get(name).filter(|v| !v.is_empty());
            let rendered = match (op, val) {
                (Some(o), None) if o.starts_with(":-") => Some(o[2..].to_string()),
                (Some(o), Some(_)) if o.starts_with(":+") => Some(o[2..].to_string()),
                (Some(o), None) if o.starts_with(":+") => Some(String::new()),
                (_, Some(v)) => Some(v.clone()),
                _ => None,
            };
            match rendered {
                Some(r) => out.push_str(&r),
                None => out.push_str(&s[i..i + 2 + end + 1]),
            }
            for _ in 0..end + 2 {
                chars.next();
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        match vars.get(&name) {
            Some(v) if !name.is_empty() => {
                out.push_str(v);
                for _ in 0..name.len() {
                    chars.next();
                }
            }
            _ => out.push('$'),
        }
    }
    out
}

fn arg_pairs(value: &str) -> Vec<(String, Option<String>)> {
    value
        .split_whitespace()
        .map(|w| match w.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.trim_matches(['"', '\'']).to_string())),
            None => (w.to_string(), None),
        })
        .collect()
}

/// `image[:tag][@digest]` of a FROM value (after substitution), platform from the flags.
fn from_json(raw: &str, resolved: &str, flags: &BTreeMap<String, String>) -> (J, Option<String>) {
    let mut words = resolved.split_whitespace();
    let image_ref = words.next().unwrap_or("");
    let name = match (words.next(), words.next()) {
        (Some(a), Some(n)) if a.eq_ignore_ascii_case("as") => Some(n.to_string()),
        _ => None,
    };
    let (without_digest, digest) = match image_ref.split_once('@') {
        Some((i, d)) => (i, Some(d.to_string())),
        None => (image_ref, None),
    };
    // A tag is after the last `:` that comes after the last `/` (a registry port is not one).
    let slash = without_digest.rfind('/').map_or(0, |p| p + 1);
    let (image, tag) = match without_digest[slash..].rfind(':') {
        Some(p) => (
            &without_digest[..slash + p],
            Some(without_digest[slash + p + 1..].to_string()),
        ),
        None => (without_digest, None),
    };
    (
        json!({
            "image": image,
            "tag": tag,
            "digest": digest,
            "raw": raw,
            "platform": flags.get("platform"),
        }),
        name,
    )
}

fn instruction_json(ins: &Instruction) -> J {
    let flags: Map<String, J> = ins
        .flags
        .iter()
        .map(|(k, v)| (k.clone(), J::String(v.clone())))
        .collect();
    json!({
        "cmd": ins.cmd,
        "value": ins.value,
        "flags": flags,
        "args": ins.args,
        "line": ins.line,
        "end_line": ins.end_line,
        "heredocs": ins.heredocs.iter().map(|h| json!({"name": h.name, "content": h.content})).collect::<Vec<_>>(),
        "original": ins.original.trim_end(),
    })
}

pub fn parse(path: &str, text: &str) -> Result<Vec<Resource>, ParseError> {
    let all = instructions(text);
    let mut global_args: BTreeMap<String, String> = BTreeMap::new();
    let mut stages: Vec<(Instruction, Vec<Instruction>)> = Vec::new();
    for ins in all {
        if ins.cmd == "from" {
            stages.push((ins, Vec::new()));
        } else if let Some((_, body)) = stages.last_mut() {
            body.push(ins);
        } else if ins.cmd == "arg" {
            for (k, v) in arg_pairs(&ins.value) {
                if let Some(v) = v {
                    global_args.insert(k, v);
                }
            }
        }
    }
    if stages.is_empty() && !text.trim().is_empty() {
        let has_instr = text
            .lines()
            .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        if has_instr {
            return Err(ParseError::new(None, "no FROM instruction"));
        }
    }
    let count = stages.len();
    let mut out = Vec::new();
    for (index, (from, body)) in stages.into_iter().enumerate() {
        let resolved = substitute(&from.value, &global_args);
        let (from_v, name) = from_json(&from.value, &resolved, &from.flags);
        let address = match &name {
            Some(n) => format!("stage:{n}"),
            None => format!("stage[{index}]"),
        };
        let mut lines = BTreeMap::new();
        lines.insert("from".to_string(), from.line);
        for (i, ins) in body.iter().enumerate() {
            lines.insert(format!("instructions.{i}"), ins.line);
        }
        let end_line = body.last().map_or(from.end_line, |b| b.end_line);
        let values = json!({
            "index": index,
            "name": name,
            "final": index + 1 == count,
            "from": from_v,
            "instructions": body.iter().map(instruction_json).collect::<Vec<_>>(),
        });
        out.push(Resource {
            address,
            resource_type: "dockerfile_stage".into(),
            name: name.clone().unwrap_or_else(|| index.to_string()),
            file: path.to_string(),
            line: from.line,
            end_line: end_line.max(from.line),
            values,
            references: Vec::new(),
            lines,
            extra: BTreeMap::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_args_continuations_heredocs() {
        let t = "\
# syntax=docker/dockerfile:1
ARG BASE=python
ARG VER=3.12
FROM --platform=linux/amd64 ${BASE}:${VER}-slim AS builder
RUN apt-get update && \\
    # a comment inside
    apt-get install -y curl
RUN --mount=type=cache,target=/root/.cache <<EOF
pip install x
EOF
FROM registry:5000/app@sha256:abc
COPY --from=builder /a /b
CMD [\"python\", \"app.py\"]
";
        let rs = parse("Dockerfile", t).unwrap();
        assert_eq!(rs.len(), 2);
        let b = &rs[0];
        assert_eq!(b.address, "stage:builder");
        assert_eq!(b.values["from"]["image"], "python");
        assert_eq!(b.values["from"]["tag"], "3.12-slim");
        assert_eq!(b.values["from"]["platform"], "linux/amd64");
        assert_eq!(b.values["final"], false);
        let ins = &b.values["instructions"];
        assert_eq!(ins[0]["value"], "apt-get update && apt-get install -y curl");
        assert_eq!(ins[0]["line"], 5);
        assert_eq!(ins[1]["flags"]["mount"], "type=cache,target=/root/.cache");
        assert_eq!(ins[1]["heredocs"][0]["content"], "pip install x\n");
        assert_eq!(b.end_line, 10);
        let f = &rs[1];
        assert_eq!(f.address, "stage[1]");
        assert_eq!(f.values["from"]["image"], "registry:5000/app");
        assert_eq!(f.values["from"]["tag"], J::Null);
        assert_eq!(f.values["from"]["digest"], "sha256:abc");
        assert_eq!(
            f.values["instructions"][1]["args"],
            json!(["python", "app.py"])
        );
        assert_eq!(f.line_of("instructions.1"), 13);
    }

    #[test]
    fn escape_directive() {
        let t = "# escape=`\nFROM windows\nRUN a `\n  b\n";
        let rs = parse("Dockerfile", t).unwrap();
        assert_eq!(rs[0].values["instructions"][0]["value"], "a b");
    }
}
