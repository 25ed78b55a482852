//! `composer.lock`: `packages` and `packages-dev`, each with `require`; roots from the sibling
//! `composer.json` (`require`, `require-dev`), else packages nothing requires.

use std::collections::HashMap;

use serde_json::Value;

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

/// Platform requirements (`php`, `ext-json`, `lib-icu`, `composer-plugin-api`) are not packages.
fn is_platform(name: &str) -> bool {
    !name.contains('/')
}

/// name, version, line, scope, required names.
type Entry = (String, String, Option<u32>, Scope, Vec<String>);

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = src.parse_json()?;
    let key_lines = lines::json_key_lines(src.text, |p| {
        p.len() == 2 && (p[0] == "packages" || p[0] == "packages-dev")
    });
    let mut g = DepGraph::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (section, scope) in [("packages", Scope::Runtime), ("packages-dev", Scope::Dev)] {
        for (idx, p) in doc
            .get(section)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let line = key_lines
                .get(&lines::key(&[section, &idx.to_string()]))
                .copied();
            let (Some(name), Some(version)) = (
                p.get("name").and_then(Value::as_str),
                p.get("version").and_then(Value::as_str),
            ) else {
                return Err(src.err(line, format!("{section}[{idx}] lacks name or version")));
            };
            let name = name.to_ascii_lowercase();
            // Composer normalises `v1.2.3` tags to `1.2.3`; advisories use the latter.
            let version = version
                .strip_prefix('v')
                .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
                .unwrap_or(version);
            let deps = p
                .get("require")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
                .filter(|k| !is_platform(k))
                .map(|k| k.to_ascii_lowercase())
                .collect();
            let i = g.add_node(format!("{name}@{version}"));
            by_name.insert(name.clone(), i);
            entries.push((name, version.to_string(), line, scope, deps));
        }
    }
    for (i, e) in entries.iter().enumerate() {
        for d in &e.4 {
            if let Some(&t) = by_name.get(d) {
                g.add_edge(i, t);
            }
        }
    }
    if let Some(m) = src
        .sibling("composer.json")
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
    {
        for (kind, scope) in [("require", Scope::Runtime), ("require-dev", Scope::Dev)] {
            for k in m
                .get(kind)
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(&t) = by_name.get(&k.to_ascii_lowercase()) {
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
    for (i, (name, version, line, scope, _)) in entries.into_iter().enumerate() {
        if version.starts_with("dev-") {
            // A branch, not a release.
            inv.skipped += 1;
            continue;
        }
        let mut pkg = src.pkg(Ecosystem::Packagist, &name, &version, line);
        pkg.scope = scope;
        if let Some(f) = facts.get_mut(i) {
            pkg.direct = f.direct;
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}
