//! `Cargo.lock` (v1–v4). Workspace members (packages without `source`) are the roots; their
//! dependencies are direct. Dev-only dependencies are marked dev when the `Cargo.toml` beside
//! the lockfile lists them under `[dev-dependencies]` only.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<Spanned<Pkg>>,
}

#[derive(Deserialize)]
struct Pkg {
    name: String,
    version: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    dependencies: Vec<String>,
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let lock: Lock = toml::from_str(src.text).map_err(|e| src.toml_err(&e))?;
    let dev_only = dev_only_deps(src);
    let mut g = DepGraph::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_name_ver: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, p) in lock.package.iter().enumerate() {
        let p = p.get_ref();
        let n = g.add_node(format!("{}@{}", p.name, p.version));
        debug_assert_eq!(n, i);
        by_name.entry(&p.name).or_default().push(i);
        by_name_ver.insert((&p.name, &p.version), i);
    }
    let members: HashSet<usize> = lock
        .package
        .iter()
        .enumerate()
        .filter(|(_, p)| p.get_ref().source.is_none())
        .map(|(i, _)| i)
        .collect();
    for (i, p) in lock.package.iter().enumerate() {
        let p = p.get_ref();
        let member = members.contains(&i);
        for dep in &p.dependencies {
            // "name", "name version" or "name version (source)".
            let mut parts = dep.split_whitespace();
            let Some(dn) = parts.next() else { continue };
            let target = match parts.next() {
                Some(v) => by_name_ver.get(&(dn, v)).copied(),
                None => by_name.get(dn).and_then(|v| v.first().copied()),
            };
            let Some(t) = target else { continue };
            if member {
                let scope = if dev_only.contains(dn) {
                    Scope::Dev
                } else {
                    Scope::Runtime
                };
                if !members.contains(&t) {
                    g.add_root(t, scope);
                }
            } else {
                g.add_edge(i, t);
            }
        }
    }
    if !g.has_roots() && members.is_empty() {
        g.roots_from_sources();
    }
    let facts = g.solve();
    let index = lines::LineIndex::new(src.text);
    let mut inv = Inventory::default();
    for (i, p) in lock.package.iter().enumerate() {
        if members.contains(&i) {
            continue;
        }
        let line = Some(index.line(p.span().start));
        let p = p.get_ref();
        let mut pkg = src.pkg(Ecosystem::CratesIo, &p.name, &p.version, line);
        if let Some(f) = facts.get(i) {
            pkg.direct = f.direct;
            pkg.scope = f.scope.unwrap_or(Scope::Runtime);
            pkg.paths = f.paths.clone();
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}

/// Crates listed under `[dev-dependencies]` (or a target's) of the sibling `Cargo.toml` and not
/// under `[dependencies]` / `[build-dependencies]`.
fn dev_only_deps(src: &Source<'_>) -> HashSet<String> {
    let Some(text) = src.sibling("Cargo.toml") else {
        return HashSet::new();
    };
    let Ok(doc) = toml::from_str::<toml::Table>(&text) else {
        return HashSet::new();
    };
    let mut tables = vec![&doc];
    if let Some(t) = doc.get("target").and_then(|t| t.as_table()) {
        tables.extend(t.values().filter_map(|v| v.as_table()));
    }
    let names = |key: &str| -> HashSet<String> {
        tables
            .iter()
            .filter_map(|t| t.get(key).and_then(|d| d.as_table()))
            .flat_map(|d| {
                d.iter().map(|(k, v)| {
                    v.get("package")
                        .and_then(|p| p.as_str())
                        .unwrap_or(k)
                        .to_string()
                })
            })
            .collect()
    };
    let mut dev = names("dev-dependencies");
    dev.extend(names("dev_dependencies"));
    let normal: HashSet<String> = names("dependencies")
        .into_iter()
        .chain(names("build-dependencies"))
        .collect();
    dev.retain(|d| !normal.contains(d));
    dev
}
