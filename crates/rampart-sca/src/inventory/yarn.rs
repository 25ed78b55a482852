//! `yarn.lock`: classic (v1, yarn's own format) and berry (YAML with `__metadata`). Entries are
//! keyed by the descriptors (`name@range`) that resolve to them; dependencies name descriptors
//! too, which gives the graph. Roots come from the sibling `package.json` (classic) or the
//! workspace entries (berry).

use std::collections::HashMap;

use serde_json::Value;

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source};
use crate::package::{Ecosystem, Scope};

struct Entry {
    descriptors: Vec<String>,
    name: String,
    version: String,
    line: u32,
    deps: Vec<(String, String)>,
    workspace: bool,
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let is_berry = src.text.lines().any(|l| l.starts_with("__metadata:"));
    let entries = if is_berry {
        parse_berry(src)?
    } else {
        parse_classic(src)?
    };
    Ok(build(src, entries))
}

/// `name@range` → (`name`, `range`); the name may be scoped (`@a/b@^1`).
fn split_descriptor(d: &str) -> Option<(&str, &str)> {
    let at = d.get(1..)?.find('@')? + 1;
    Some((d.get(..at)?, d.get(at + 1..)?))
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(s)
}

fn parse_classic(src: &Source<'_>) -> Result<Vec<Entry>, InventoryError> {
    let mut out: Vec<Entry> = Vec::new();
    let mut section: Option<&str> = None;
    for (n, raw) in src.text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let line = raw.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        match indent {
            0 => {
                let Some(keys) = body.strip_suffix(':') else {
                    return Err(src.err(Some(line_no), "expected `descriptor[, descriptor]:`"));
                };
                let descriptors: Vec<String> = keys
                    .split(", ")
                    .map(|k| unquote(k).to_string())
                    .filter(|k| !k.is_empty())
                    .collect();
                let Some((name, _)) = descriptors.first().and_then(|d| split_descriptor(d)) else {
                    return Err(src.err(Some(line_no), format!("bad descriptor `{keys}`")));
                };
                out.push(Entry {
                    name: name.to_string(),
                    descriptors,
                    version: String::new(),
                    line: line_no,
                    deps: Vec::new(),
                    workspace: false,
                });
                section = None;
            }
            2 => {
                let Some(cur) = out.last_mut() else {
                    return Err(src.err(Some(line_no), "field outside an entry"));
                };
                if let Some(s) = body.strip_suffix(':') {
                    section = Some(if s == "dependencies" || s == "optionalDependencies" {
                        "deps"
                    } else {
                        "other"
                    });
                    continue;
                }
                section = None;
                let (k, v) = body.split_once(' ').unwrap_or((body, ""));
                if k == "version" {
                    cur.version = unquote(v).to_string();
                }
            }
            _ => {
                let Some(cur) = out.last_mut() else {
                    return Err(src.err(Some(line_no), "field outside an entry"));
                };
                if section == Some("deps") {
                    let (k, v) = split_classic_pair(body);
                    cur.deps
                        .push((unquote(k).to_string(), unquote(v).to_string()));
                }
            }
        }
    }
    Ok(out)
}

/// `"@a/b" "^1.0"` or `c "^2"`: the key may be quoted and contain spaces only when quoted.
fn split_classic_pair(body: &str) -> (&str, &str) {
    if let Some(rest) = body.strip_prefix('"')
        && let Some(end) = rest.find('"')
    {
        return (
            rest.get(..end).unwrap_or(""),
            rest.get(end + 1..).unwrap_or("").trim(),
        );
    }
    body.split_once(' ').unwrap_or((body, ""))
}

fn parse_berry(src: &Source<'_>) -> Result<Vec<Entry>, InventoryError> {
    let doc: serde_yaml::Mapping = serde_yaml::from_str(src.text).map_err(|e| src.yaml_err(&e))?;
    let key_lines = super::lines::yaml_key_lines(src.text, |p| p.len() == 1);
    let mut out = Vec::new();
    for (k, v) in &doc {
        let Some(key) = k.as_str() else { continue };
        if key == "__metadata" {
            continue;
        }
        let descriptors: Vec<String> = key.split(", ").map(|d| d.trim().to_string()).collect();
        let resolution = v.get("resolution").and_then(|r| r.as_str()).unwrap_or(key);
        let Some((name, reference)) = split_descriptor(resolution) else {
            continue;
        };
        let version = yaml_str(v.get("version")).unwrap_or_default();
        let mut deps = Vec::new();
        for sect in ["dependencies", "optionalDependencies"] {
            if let Some(m) = v.get(sect).and_then(|d| d.as_mapping()) {
                for (dk, dv) in m {
                    if let (Some(dk), Some(dv)) = (dk.as_str(), yaml_str(Some(dv))) {
                        deps.push((dk.to_string(), dv));
                    }
                }
            }
        }
        out.push(Entry {
            descriptors,
            name: name.to_string(),
            version,
            line: key_lines.get(key).copied().unwrap_or(0),
            deps,
            workspace: reference.starts_with("workspace:"),
        });
    }
    Ok(out)
}

fn yaml_str(v: Option<&serde_yaml::Value>) -> Option<String> {
    match v? {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn build(src: &Source<'_>, entries: Vec<Entry>) -> Inventory {
    let mut g = DepGraph::new();
    let mut by_descriptor: HashMap<&str, usize> = HashMap::new();
    for e in &entries {
        let n = g.add_node(format!("{}@{}", e.name, e.version));
        for d in &e.descriptors {
            by_descriptor.insert(d.as_str(), n);
        }
    }
    // Berry writes `npm:` protocols in descriptors; classic writes bare ranges. Try both.
    let lookup = |name: &str, range: &str| -> Option<usize> {
        by_descriptor
            .get(format!("{name}@{range}").as_str())
            .or_else(|| by_descriptor.get(format!("{name}@npm:{range}").as_str()))
            .copied()
    };
    let mut ws_roots = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for (dn, range) in &e.deps {
            if let Some(t) = lookup(dn, range) {
                if e.workspace {
                    ws_roots.push(t);
                } else {
                    g.add_edge(i, t);
                }
            }
        }
    }
    // Workspace entries in berry do not say which deps are dev: the manifest does.
    if let Some(m) = src
        .sibling("package.json")
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
    {
        for (kind, scope) in [
            ("dependencies", Scope::Runtime),
            ("optionalDependencies", Scope::Optional),
            ("devDependencies", Scope::Dev),
        ] {
            for (dn, range) in m.get(kind).and_then(Value::as_object).into_iter().flatten() {
                if let Some(t) = range.as_str().and_then(|r| lookup(dn, r)) {
                    g.add_root(t, scope);
                }
            }
        }
    }
    if !g.has_roots() {
        for t in ws_roots {
            g.add_root(t, Scope::Runtime);
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let mut solved = g.solve();
    let mut inv = Inventory::default();
    for (i, e) in entries.into_iter().enumerate() {
        if e.workspace {
            continue;
        }
        if e.version.is_empty() || e.version.contains(':') {
            inv.skipped += 1;
            continue;
        }
        let line = (e.line > 0).then_some(e.line);
        let mut pkg = src.pkg(Ecosystem::Npm, &e.name, &e.version, line);
        if let Some(f) = solved.get_mut(i) {
            pkg.direct = f.direct;
            pkg.scope = f.scope.unwrap_or(Scope::Runtime);
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    inv
}
