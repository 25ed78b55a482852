//! `bun.lock` (text lockfile, JSON with trailing commas). `packages` maps an install path
//! (`chalk`, `@babel/highlight/chalk` for a nested copy) to `["name@version", registry, {deps},
//! integrity]`; `workspaces[""]` holds the root manifest's dependencies.

use std::collections::HashMap;

use serde_json::Value;

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

/// Removes `//` and `/* */` comments and trailing commas, keeping every newline so that error
/// lines stay right.
pub(crate) fn strip_jsonc(text: &str) -> String {
    let b = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            let end = (i + 1).min(b.len());
            out.extend_from_slice(b.get(start..end).unwrap_or_default());
            i = end;
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                if b[i] == b'\n' {
                    out.push(b'\n');
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == b',' {
            let next = b
                .get(i + 1..)
                .and_then(|r| r.iter().find(|x| !x.is_ascii_whitespace()));
            if matches!(next, Some(b'}') | Some(b']')) {
                out.push(b' ');
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Where bun finds `dep` needed by the package at install path `from`: the nested copy
/// `from/dep`, then each ancestor's, then the hoisted `dep`.
fn resolve(index: &HashMap<&str, usize>, from: &str, dep: &str) -> Option<usize> {
    let mut base = from;
    loop {
        if let Some(&i) = index.get(format!("{base}/{dep}").as_str()) {
            return Some(i);
        }
        match base.rfind('/') {
            Some(p) => base = base.get(..p).unwrap_or(""),
            None => break,
        }
    }
    index.get(dep).copied()
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let clean = strip_jsonc(src.text);
    let doc: Value = serde_json::from_str(&clean).map_err(|e| src.json_err(&e))?;
    let key_lines = lines::json_key_lines(src.text, |p| p.len() == 2 && p[0] == "packages");
    let mut inv = Inventory::default();
    let mut g = DepGraph::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut entries: Vec<(&str, String, String, Option<&Value>)> = Vec::new();
    for (path, v) in doc
        .get("packages")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let arr = v.as_array();
        let ident = arr
            .and_then(|a| a.first())
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(at) = ident.get(1..).and_then(|r| r.find('@')).map(|p| p + 1) else {
            inv.skipped += 1;
            continue;
        };
        let (name, version) = (
            ident.get(..at).unwrap_or(""),
            ident.get(at + 1..).unwrap_or(""),
        );
        // `workspace:`, `file:`, git and tarball references name no registry release.
        if version.is_empty() || version.contains(':') || version.contains('/') {
            inv.skipped += 1;
            continue;
        }
        let meta = arr.and_then(|a| a.iter().find(|x| x.is_object()));
        let n = g.add_node(format!("{name}@{version}"));
        index.insert(path.as_str(), n);
        entries.push((path.as_str(), name.to_string(), version.to_string(), meta));
    }
    for (path, _, _, meta) in &entries {
        let Some(&from) = index.get(path) else {
            continue;
        };
        for sect in ["dependencies", "optionalDependencies", "peerDependencies"] {
            for dep in meta
                .and_then(|m| m.get(sect))
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(t) = resolve(&index, path, dep) {
                    g.add_edge(from, t);
                }
            }
        }
    }
    for ws in doc
        .get("workspaces")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.values())
    {
        for (kind, scope) in [
            ("dependencies", Scope::Runtime),
            ("optionalDependencies", Scope::Optional),
            ("peerDependencies", Scope::Runtime),
            ("devDependencies", Scope::Dev),
        ] {
            for dep in ws
                .get(kind)
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(&t) = index.get(dep.as_str()) {
                    g.add_root(t, scope);
                }
            }
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let mut facts = g.solve();
    for (path, name, version, _) in entries {
        let Some(&i) = index.get(path) else { continue };
        let line = key_lines.get(&lines::key(&["packages", path])).copied();
        let mut pkg = src.pkg(Ecosystem::Npm, &name, &version, line);
        if let Some(f) = facts.get_mut(i) {
            pkg.direct = f.direct;
            pkg.scope = f.scope.unwrap_or(Scope::Runtime);
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}
