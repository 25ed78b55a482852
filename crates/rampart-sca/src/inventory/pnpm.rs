//! `pnpm-lock.yaml`: lockfile versions 5.x (`/name/version` keys), 6.x (`/name@version`) and 9.x
//! (`name@version`, graph in `snapshots`). Roots are the importers' (or, before 6.0 workspaces,
//! the top-level) `dependencies` / `devDependencies` / `optionalDependencies`.

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

const KINDS: [(&str, Scope); 3] = [
    ("dependencies", Scope::Runtime),
    ("optionalDependencies", Scope::Optional),
    ("devDependencies", Scope::Dev),
];

/// Strips the peer-dependency suffix: `1.0.0(react@18.0.0)` (v6+) or `1.0.0_react@18.0.0` (v5).
fn base_version(v: &str) -> &str {
    let v = v.split('(').next().unwrap_or(v);
    v.split('_').next().unwrap_or(v)
}

/// (name, version) of a `packages` / `snapshots` key in any lockfile version.
fn split_key(key: &str) -> Option<(String, String)> {
    let k = key.strip_prefix('/').unwrap_or(key);
    let k = k.split('(').next().unwrap_or(k);
    // v5: `name/version[_peers]`, the version segment starts with a digit.
    let v5 = k.split('_').next().unwrap_or(k);
    if let Some((n, v)) = v5.rsplit_once('/')
        && !n.is_empty()
        && v.starts_with(|c: char| c.is_ascii_digit())
    {
        return Some((n.to_string(), v.to_string()));
    }
    // v6 / v9: `name@version` (skip a scope's leading `@`).
    let at = k.get(1..).and_then(|r| r.find('@')).map(|p| p + 1)?;
    let (n, v) = (k.get(..at)?, k.get(at + 1..)?);
    (!v.is_empty() && !n.is_empty()).then(|| (n.to_string(), base_version(v).to_string()))
}

fn val_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        // v6+ importers: `{ specifier, version }`.
        Value::Mapping(m) => m.get("version").and_then(val_str),
        _ => None,
    }
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc: Mapping = serde_yaml::from_str(src.text).map_err(|e| src.yaml_err(&e))?;
    let lockver = doc
        .get("lockfileVersion")
        .and_then(val_str)
        .unwrap_or_default();
    let v9 = lockver
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .is_some_and(|m| m >= 9);
    let key_lines = lines::yaml_key_lines(src.text, |p| p.len() == 2 && p[0] == "packages");
    let empty = Mapping::new();
    let packages = doc
        .get("packages")
        .and_then(Value::as_mapping)
        .unwrap_or(&empty);
    let snapshots = doc.get("snapshots").and_then(Value::as_mapping);

    let mut g = DepGraph::new();
    let mut node_of: HashMap<(String, String), usize> = HashMap::new();
    let mut order: Vec<(String, String, Option<u32>, Option<bool>)> = Vec::new();
    for (k, meta) in packages {
        let Some(key) = k.as_str() else { continue };
        let Some((name, version)) = split_key(key) else {
            continue;
        };
        let dev = meta.get("dev").and_then(Value::as_bool);
        let line = key_lines.get(&lines::key(&["packages", key])).copied();
        if let std::collections::hash_map::Entry::Vacant(slot) =
            node_of.entry((name.clone(), version.clone()))
        {
            slot.insert(g.add_node(format!("{name}@{version}")));
            order.push((name, version, line, dev));
        }
    }
    let target = |dep: &str, v: &str| -> Option<usize> {
        if v.starts_with("link:") || v.starts_with("file:") {
            return None;
        }
        // A v5/v6 path value or an alias (`string-width@4.2.3`) names the package itself.
        if let Some(n) = split_key(v).and_then(|k| node_of.get(&k).copied()) {
            return Some(n);
        }
        node_of
            .get(&(dep.to_string(), base_version(v).to_string()))
            .copied()
    };
    // Edges: v9 keeps them in `snapshots`, older versions in `packages`.
    let graph_src = if v9 {
        snapshots.unwrap_or(&empty)
    } else {
        packages
    };
    for (k, meta) in graph_src {
        let Some((name, version)) = k.as_str().and_then(split_key) else {
            continue;
        };
        let Some(&from) = node_of.get(&(name, version)) else {
            continue;
        };
        for sect in ["dependencies", "optionalDependencies"] {
            for (dk, dv) in meta
                .get(sect)
                .and_then(Value::as_mapping)
                .into_iter()
                .flatten()
            {
                if let (Some(dk), Some(dv)) = (dk.as_str(), val_str(dv))
                    && let Some(t) = target(dk, &dv)
                {
                    g.add_edge(from, t);
                }
            }
        }
    }
    let mut importers: Vec<&Mapping> = Vec::new();
    if let Some(imps) = doc.get("importers").and_then(Value::as_mapping) {
        importers.extend(imps.values().filter_map(Value::as_mapping));
    } else {
        importers.push(&doc);
    }
    for imp in importers {
        for (kind, scope) in KINDS {
            for (dk, dv) in imp
                .get(kind)
                .and_then(Value::as_mapping)
                .into_iter()
                .flatten()
            {
                if let (Some(dk), Some(dv)) = (dk.as_str(), val_str(dv))
                    && let Some(t) = target(dk, &dv)
                {
                    g.add_root(t, scope);
                }
            }
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let mut facts = g.solve();
    let mut inv = Inventory::default();
    for (i, (name, version, line, dev)) in order.into_iter().enumerate() {
        let mut pkg = src.pkg(Ecosystem::Npm, &name, &version, line);
        if let Some(f) = facts.get_mut(i) {
            pkg.direct = f.direct;
            pkg.scope = match dev {
                Some(true) => Scope::Dev,
                _ => f.scope.unwrap_or(Scope::Runtime),
            };
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::split_key;

    #[test]
    fn keys_of_every_version() {
        let kv = |n: &str, v: &str| Some((n.to_string(), v.to_string()));
        assert_eq!(split_key("/lodash/4.17.20"), kv("lodash", "4.17.20"));
        assert_eq!(
            split_key("/@babel/core/7.0.0_react@18.0.0"),
            kv("@babel/core", "7.0.0")
        );
        assert_eq!(
            split_key("/@babel/core@7.0.0(react@18.0.0)"),
            kv("@babel/core", "7.0.0")
        );
        assert_eq!(split_key("lodash@4.17.20"), kv("lodash", "4.17.20"));
    }
}
