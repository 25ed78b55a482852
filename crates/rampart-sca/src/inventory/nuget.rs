//! NuGet `packages.lock.json`: per target framework, packages with `type` Direct / Transitive /
//! Project / CentralTransitive, `resolved` version and `dependencies`.

use std::collections::HashMap;

use serde_json::Value;

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = src.parse_json()?;
    let Some(frameworks) = doc.get("dependencies").and_then(Value::as_object) else {
        return Err(src.err(Some(1), "no `dependencies` object"));
    };
    let key_lines = lines::json_key_lines(src.text, |p| p.len() == 3 && p[0] == "dependencies");
    let mut g = DepGraph::new();
    let mut node: HashMap<(String, String), usize> = HashMap::new();
    let mut entries: Vec<(String, String, Option<u32>)> = Vec::new();
    let mut inv = Inventory::default();
    for (fw, pkgs) in frameworks {
        let Some(pkgs) = pkgs.as_object() else {
            continue;
        };
        let mut local: HashMap<String, usize> = HashMap::new();
        for (name, meta) in pkgs {
            let kind = meta.get("type").and_then(Value::as_str).unwrap_or("");
            let Some(version) = meta.get("resolved").and_then(Value::as_str) else {
                if kind != "Project" {
                    inv.skipped += 1;
                }
                continue;
            };
            if kind == "Project" {
                continue;
            }
            let lname = name.to_ascii_lowercase();
            let key = (lname.clone(), version.to_string());
            let i = match node.get(&key) {
                Some(&i) => i,
                None => {
                    let i = g.add_node(format!("{lname}@{version}"));
                    node.insert(key, i);
                    let line = key_lines
                        .get(&lines::key(&["dependencies", fw, name]))
                        .copied();
                    entries.push((name.clone(), version.to_string(), line));
                    i
                }
            };
            local.insert(lname, i);
            if kind == "Direct" {
                g.add_root(i, Scope::Runtime);
            }
        }
        for (name, meta) in pkgs {
            let Some(&from) = local.get(&name.to_ascii_lowercase()) else {
                continue;
            };
            for dep in meta
                .get("dependencies")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys())
            {
                if let Some(&t) = local.get(&dep.to_ascii_lowercase()) {
                    g.add_edge(from, t);
                }
            }
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let mut facts = g.solve();
    for (i, (name, version, line)) in entries.into_iter().enumerate() {
        let mut pkg = src.pkg(Ecosystem::NuGet, &name, &version, line);
        if let Some(f) = facts.get_mut(i) {
            pkg.direct = f.direct;
            pkg.scope = f.scope.unwrap_or(Scope::Runtime);
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}
