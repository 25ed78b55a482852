//! `Gemfile.lock`: the `GEM` / `GIT` / `PATH` sections list resolved specs (4 spaces) and their
//! dependencies (6 spaces); `DEPENDENCIES` lists what the Gemfile declares (the roots).

use std::collections::HashMap;

use super::graph::DepGraph;
use super::{Inventory, InventoryError, Source};
use crate::package::{Ecosystem, Scope};

/// `name (1.2.3)` or `name (1.2.3-x86_64-linux)` → name and version without platform.
fn spec(body: &str) -> Option<(&str, &str)> {
    let (name, rest) = body.split_once(" (")?;
    let ver = rest.strip_suffix(')')?;
    let ver = ver.split('-').next().unwrap_or(ver);
    Some((name.trim(), ver.trim()))
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let mut section = String::new();
    let mut in_specs = false;
    let mut entries: Vec<(String, String, u32, bool, Vec<String>)> = Vec::new();
    let mut declared: Vec<String> = Vec::new();
    for (n, raw) in src.text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let line = raw.trim_end();
        if line.is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        if indent == 0 {
            section = body.to_string();
            in_specs = false;
            continue;
        }
        match section.as_str() {
            "GEM" | "GIT" | "PATH" | "PLUGIN SOURCE" => {
                if indent == 2 {
                    in_specs = body == "specs:";
                    continue;
                }
                if !in_specs {
                    continue;
                }
                if indent == 4 {
                    let Some((name, version)) = spec(body) else {
                        return Err(src.err(Some(line_no), format!("malformed spec `{body}`")));
                    };
                    let registry = section == "GEM";
                    entries.push((
                        name.to_string(),
                        version.to_string(),
                        line_no,
                        registry,
                        Vec::new(),
                    ));
                } else if indent == 6 {
                    let name = body.split(" (").next().unwrap_or(body).trim();
                    if let Some(last) = entries.last_mut() {
                        last.4.push(name.to_string());
                    }
                }
            }
            "DEPENDENCIES" if indent == 2 => {
                let name = body
                    .split(" (")
                    .next()
                    .unwrap_or(body)
                    .trim()
                    .trim_end_matches('!');
                declared.push(name.to_string());
            }
            _ => {}
        }
    }
    if entries.is_empty() && declared.is_empty() && !src.text.contains("GEM") {
        return Err(src.err(Some(1), "no GEM section"));
    }
    let mut g = DepGraph::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (name, version, ..) in &entries {
        let i = g.add_node(format!("{name}@{version}"));
        by_name.entry(name.as_str()).or_insert(i);
    }
    for (i, (.., deps)) in entries.iter().enumerate() {
        for d in deps {
            if let Some(&t) = by_name.get(d.as_str()) {
                g.add_edge(i, t);
            }
        }
    }
    for d in &declared {
        if let Some(&t) = by_name.get(d.as_str()) {
            g.add_root(t, Scope::Runtime);
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let mut facts = g.solve();
    let mut inv = Inventory::default();
    for (i, (name, version, line, registry, _)) in entries.into_iter().enumerate() {
        if !registry {
            // Gems from git or a local path: their version names no rubygems.org release.
            inv.skipped += 1;
            continue;
        }
        let mut pkg = src.pkg(Ecosystem::RubyGems, &name, &version, Some(line));
        if let Some(f) = facts.get_mut(i) {
            pkg.direct = f.direct;
            pkg.scope = f.scope.unwrap_or(Scope::Runtime);
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}
