//! `package-lock.json` / `npm-shrinkwrap.json`: v1 (nested `dependencies`), v2 and v3 (flat
//! `packages` keyed by `node_modules/...` install path). Dependencies resolve the way Node does:
//! the nearest `node_modules/<name>` walking up from the dependent's folder.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

const DEP_KINDS: [(&str, Scope); 4] = [
    ("dependencies", Scope::Runtime),
    ("optionalDependencies", Scope::Optional),
    ("peerDependencies", Scope::Runtime),
    ("devDependencies", Scope::Dev),
];

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = src.parse_json()?;
    let Some(obj) = doc.as_object() else {
        return Err(src.err(Some(1), "expected a JSON object"));
    };
    match obj.get("packages").and_then(Value::as_object) {
        Some(packages) => Ok(parse_packages(src, packages)),
        None => Ok(parse_v1(src, obj)),
    }
}

/// The package name of an install path: what follows the last `node_modules/`.
pub(crate) fn name_from_install_path(path: &str) -> Option<&str> {
    let idx = path.rfind("node_modules/")?;
    path.get(idx + "node_modules/".len()..)
        .filter(|n| !n.is_empty())
}

/// Where Node finds `dep` required from the package installed at `from` (`""` is the root).
fn resolve(
    index: &HashMap<&str, usize>,
    from: &str,
    dep: &str,
    scratch: &mut String,
) -> Option<usize> {
    let mut base = from;
    loop {
        scratch.clear();
        if !base.is_empty() {
            scratch.push_str(base);
            scratch.push('/');
        }
        scratch.push_str("node_modules/");
        scratch.push_str(dep);
        if let Some(&i) = index.get(scratch.as_str()) {
            return Some(i);
        }
        if base.is_empty() {
            return None;
        }
        // Up one level: drop the trailing `node_modules/<name>` (scoped names have two parts).
        base = match base.rfind("/node_modules/") {
            Some(p) => &base[..p],
            None if base.starts_with("node_modules/") => "",
            None => "",
        };
    }
}

fn parse_packages(src: &Source<'_>, packages: &Map<String, Value>) -> Inventory {
    let key_lines = lines::json_key_lines(src.text, |p| p.len() == 2 && p[0] == "packages");
    let mut inv = Inventory::default();
    let mut g = DepGraph::new();
    let mut entries: Vec<(&str, &Map<String, Value>, String, String)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (path, meta) in packages {
        let Some(meta) = meta.as_object() else {
            continue;
        };
        let Some(install_name) = name_from_install_path(path) else {
            continue;
        };
        if meta.get("link").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let name = meta
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(install_name);
        let Some(version) = meta.get("version").and_then(Value::as_str) else {
            inv.skipped += 1;
            continue;
        };
        let n = g.add_node(format!("{name}@{version}"));
        index.insert(path.as_str(), n);
        entries.push((path.as_str(), meta, name.to_string(), version.to_string()));
    }
    let mut scratch = String::new();
    if let Some(root) = packages.get("").and_then(Value::as_object) {
        for (kind, scope) in DEP_KINDS {
            for dep in root
                .get(kind)
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(t) = resolve(&index, "", dep, &mut scratch) {
                    g.add_root(t, scope);
                }
            }
        }
    }
    for (path, meta, _, _) in &entries {
        let Some(&from) = index.get(path) else {
            continue;
        };
        for (kind, _) in DEP_KINDS.iter().filter(|(k, _)| *k != "devDependencies") {
            for dep in meta
                .get(*kind)
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(t) = resolve(&index, path, dep, &mut scratch) {
                    g.add_edge(from, t);
                }
            }
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let facts = g.solve();
    for (path, meta, name, version) in entries {
        let Some(&i) = index.get(path) else { continue };
        let line = key_lines.get(&lines::key(&["packages", path])).copied();
        let mut pkg = src.pkg(Ecosystem::Npm, &name, &version, line);
        let flag = |k: &str| meta.get(k).and_then(Value::as_bool) == Some(true);
        // npm's own flags win: they account for every root, including workspaces.
        pkg.scope = if flag("dev") {
            Scope::Dev
        } else if flag("optional") || flag("devOptional") {
            Scope::Optional
        } else {
            facts.get(i).and_then(|f| f.scope).unwrap_or(Scope::Runtime)
        };
        if let Some(f) = facts.get(i) {
            pkg.direct = f.direct;
            pkg.paths = f.paths.clone();
        }
        inv.packages.push(pkg);
    }
    inv
}

/// v1: `dependencies` nested by install location, `requires` naming what each needs.
fn parse_v1(src: &Source<'_>, obj: &Map<String, Value>) -> Inventory {
    let key_lines = lines::json_key_lines(src.text, |p| {
        p.len() % 2 == 0 && p.iter().step_by(2).all(|k| k == "dependencies")
    });
    let mut inv = Inventory::default();
    let mut g = DepGraph::new();
    // Flatten into install paths like v2 (`node_modules/a/node_modules/b`) and reuse `resolve`.
    let mut flat: Vec<(String, Vec<String>, &Map<String, Value>)> = Vec::new();
    let mut stack: Vec<(String, Vec<String>, &Map<String, Value>)> = Vec::new();
    if let Some(deps) = obj.get("dependencies").and_then(Value::as_object) {
        for (name, meta) in deps {
            if let Some(m) = meta.as_object() {
                stack.push((
                    format!("node_modules/{name}"),
                    vec!["dependencies".into(), name.clone()],
                    m,
                ));
            }
        }
    }
    while let Some((path, keys, meta)) = stack.pop() {
        if let Some(deps) = meta.get("dependencies").and_then(Value::as_object) {
            for (name, m) in deps {
                if let Some(m) = m.as_object()
                    && keys.len() < 2 * super::graph::MAX_DEPTH
                {
                    let mut k = keys.clone();
                    k.push("dependencies".into());
                    k.push(name.clone());
                    stack.push((format!("{path}/node_modules/{name}"), k, m));
                }
            }
        }
        flat.push((path, keys, meta));
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut nodes: Vec<Option<usize>> = Vec::new();
    for (path, _, meta) in &flat {
        let name = name_from_install_path(path).unwrap_or_default();
        let version = meta
            .get("version")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // Versions that are URLs or `file:` links name no registry release.
        if version.is_empty() || version.contains(':') || version.contains('/') {
            nodes.push(None);
            continue;
        }
        let n = g.add_node(format!("{name}@{version}"));
        index.insert(path.as_str(), n);
        nodes.push(Some(n));
    }
    let mut scratch = String::new();
    for (path, _, meta) in &flat {
        let Some(&from) = index.get(path.as_str()) else {
            continue;
        };
        for dep in meta
            .get("requires")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.keys())
        {
            if let Some(t) = resolve(&index, path, dep, &mut scratch) {
                g.add_edge(from, t);
            }
        }
    }
    // Roots from the sibling package.json; else every top-level package nobody requires.
    let manifest: Option<Value> = src
        .sibling("package.json")
        .and_then(|t| serde_json::from_str(&t).ok());
    if let Some(m) = &manifest {
        for (kind, scope) in DEP_KINDS {
            for dep in m
                .get(kind)
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(t) = resolve(&index, "", dep, &mut scratch) {
                    g.add_root(t, scope);
                }
            }
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let facts = g.solve();
    for ((path, keys, meta), node) in flat.iter().zip(nodes) {
        let Some(i) = node else {
            inv.skipped += 1;
            continue;
        };
        let name = name_from_install_path(path).unwrap_or_default();
        let version = meta
            .get("version")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let line = key_lines.get(&lines::key(&key_refs)).copied();
        let mut pkg = src.pkg(Ecosystem::Npm, name, version, line);
        let flag = |k: &str| meta.get(k).and_then(Value::as_bool) == Some(true);
        pkg.scope = if flag("dev") {
            Scope::Dev
        } else if flag("optional") {
            Scope::Optional
        } else {
            facts.get(i).and_then(|f| f.scope).unwrap_or(Scope::Runtime)
        };
        if let Some(f) = facts.get(i) {
            pkg.direct = f.direct;
            pkg.paths = f.paths.clone();
        }
        inv.packages.push(pkg);
    }
    inv
}
