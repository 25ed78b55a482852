//! TOML Python lockfiles: `poetry.lock`, `uv.lock`, `pdm.lock` and PEP 751 `pylock.toml`.
//!
//! Each lists every resolved package with its dependencies by name; the project's own
//! declarations (direct dependencies and their group) come from the lockfile where it records
//! them (uv's virtual/editable project entry) or from the sibling `pyproject.toml`.

use std::collections::HashMap;

use toml::{Spanned, Value};

use super::graph::DepGraph;
use super::requirements::parse_requirement;
use super::{Inventory, InventoryError, Source, pep503};
use crate::package::{Ecosystem, Scope};

/// One `[[package]]` as the four formats share it after reading.
struct Entry {
    name: String,
    version: Option<String>,
    line: u32,
    deps: Vec<String>,
    /// uv's project entry: its dependencies are the roots.
    project: bool,
    roots: Vec<(String, Scope)>,
    /// poetry `category`/`groups`, pdm `groups`: used when no root reaches a package.
    hint: Option<Scope>,
}

fn table_array<'a>(doc: &'a toml::Table, key: &str) -> Vec<&'a Value> {
    doc.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// Requirement string or `{ name = ... }` table → normalised name.
fn dep_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => parse_requirement(s).map(|r| pep503(&r.name)),
        Value::Table(t) => t.get("name").and_then(Value::as_str).map(pep503),
        _ => None,
    }
}

/// The line of each `[[<key>]]` header, in order.
fn header_lines(text: &str, key: &str) -> Vec<u32> {
    let header = format!("[[{key}]]");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .map(|(n, _)| u32::try_from(n + 1).unwrap_or(u32::MAX))
        .collect()
}

fn parse_toml(src: &Source<'_>) -> Result<toml::Table, InventoryError> {
    // Spanned is used so that a type error deep inside still reports its line.
    let doc: Spanned<toml::Table> = toml::from_str(src.text).map_err(|e| src.toml_err(&e))?;
    Ok(doc.into_inner())
}

/// The project's declared dependencies from the sibling `pyproject.toml`.
fn pyproject_roots(src: &Source<'_>) -> Vec<(String, Scope)> {
    let Some(text) = src.sibling("pyproject.toml") else {
        return Vec::new();
    };
    let Ok(doc) = toml::from_str::<toml::Table>(&text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let reqs = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(dep_name)
            .collect()
    };
    let project = doc.get("project");
    out.extend(
        reqs(project.and_then(|p| p.get("dependencies")))
            .into_iter()
            .map(|n| (n, Scope::Runtime)),
    );
    for (_, v) in project
        .and_then(|p| p.get("optional-dependencies"))
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        out.extend(reqs(Some(v)).into_iter().map(|n| (n, Scope::Optional)));
    }
    for (_, v) in doc
        .get("dependency-groups")
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        out.extend(reqs(Some(v)).into_iter().map(|n| (n, Scope::Dev)));
    }
    let tool = doc.get("tool");
    let poetry = tool.and_then(|t| t.get("poetry"));
    let keys = |v: Option<&Value>| -> Vec<(String, bool)> {
        v.and_then(Value::as_table)
            .into_iter()
            .flatten()
            .filter(|(k, _)| k.as_str() != "python")
            .map(|(k, v)| {
                (
                    pep503(k),
                    v.get("optional").and_then(Value::as_bool) == Some(true),
                )
            })
            .collect()
    };
    for (n, opt) in keys(poetry.and_then(|p| p.get("dependencies"))) {
        out.push((n, if opt { Scope::Optional } else { Scope::Runtime }));
    }
    out.extend(
        keys(poetry.and_then(|p| p.get("dev-dependencies")))
            .into_iter()
            .map(|(n, _)| (n, Scope::Dev)),
    );
    for (g, v) in poetry
        .and_then(|p| p.get("group"))
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        let scope = if g == "main" {
            Scope::Runtime
        } else {
            Scope::Dev
        };
        out.extend(
            keys(v.get("dependencies"))
                .into_iter()
                .map(|(n, _)| (n, scope)),
        );
    }
    for (_, v) in tool
        .and_then(|t| t.get("pdm"))
        .and_then(|p| p.get("dev-dependencies"))
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        out.extend(reqs(Some(v)).into_iter().map(|n| (n, Scope::Dev)));
    }
    out
}

fn build(src: &Source<'_>, entries: Vec<Entry>, mut roots: Vec<(String, Scope)>) -> Inventory {
    let mut g = DepGraph::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        g.add_node(format!("{}@{}", e.name, e.version.as_deref().unwrap_or("")));
        by_name.entry(e.name.clone()).or_default().push(i);
    }
    for (i, e) in entries.iter().enumerate() {
        if e.project {
            roots.extend(e.roots.iter().cloned());
            continue;
        }
        for d in &e.deps {
            for &t in by_name.get(d).into_iter().flatten() {
                g.add_edge(i, t);
            }
        }
    }
    for (name, scope) in &roots {
        for &t in by_name.get(name).into_iter().flatten() {
            if !entries.get(t).is_some_and(|e| e.project) {
                g.add_root(t, *scope);
            }
        }
    }
    if !g.has_roots() {
        g.roots_from_sources();
    }
    let mut facts = g.solve();
    let mut inv = Inventory::default();
    for (i, e) in entries.into_iter().enumerate() {
        if e.project {
            continue;
        }
        let Some(version) = e.version else {
            inv.skipped += 1;
            continue;
        };
        let line = (e.line > 0).then_some(e.line);
        let mut pkg = src.pkg(Ecosystem::PyPI, &e.name, &version, line);
        if let Some(f) = facts.get_mut(i) {
            pkg.direct = f.direct;
            pkg.scope = f.scope.or(e.hint).unwrap_or(Scope::Runtime);
            pkg.paths = std::mem::take(&mut f.paths);
        }
        inv.packages.push(pkg);
    }
    inv
}

fn str_field(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

pub(crate) fn parse_poetry(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = parse_toml(src)?;
    let heads = header_lines(src.text, "package");
    let mut entries = Vec::new();
    for (i, p) in table_array(&doc, "package").into_iter().enumerate() {
        let Some(name) = str_field(p, "name") else {
            return Err(src.err(heads.get(i).copied(), "package without a name"));
        };
        let deps = p
            .get("dependencies")
            .and_then(Value::as_table)
            .map(|t| t.keys().map(|k| pep503(k)).collect())
            .unwrap_or_default();
        // lock-version 1.x: `category = "dev"`; 2.1: `groups = ["dev"]`; `optional = true`.
        let groups: Vec<String> = p
            .get("groups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        let hint = if p.get("optional").and_then(Value::as_bool) == Some(true) {
            Some(Scope::Optional)
        } else if str_field(p, "category").as_deref() == Some("dev")
            || (!groups.is_empty() && !groups.iter().any(|g| g == "main"))
        {
            Some(Scope::Dev)
        } else {
            None
        };
        entries.push(Entry {
            name: pep503(&name),
            version: str_field(p, "version"),
            line: heads.get(i).copied().unwrap_or(0),
            deps,
            project: false,
            roots: Vec::new(),
            hint,
        });
    }
    Ok(build(src, entries, pyproject_roots(src)))
}

pub(crate) fn parse_uv(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = parse_toml(src)?;
    let heads = header_lines(src.text, "package");
    let mut entries = Vec::new();
    for (i, p) in table_array(&doc, "package").into_iter().enumerate() {
        let Some(name) = str_field(p, "name") else {
            return Err(src.err(heads.get(i).copied(), "package without a name"));
        };
        let source = p.get("source");
        let project =
            source.is_some_and(|s| s.get("virtual").is_some() || s.get("editable").is_some());
        let names = |v: Option<&Value>| -> Vec<String> {
            v.and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(dep_name)
                .collect()
        };
        let deps = names(p.get("dependencies"));
        let mut roots = Vec::new();
        if project {
            roots.extend(deps.iter().map(|d| (d.clone(), Scope::Runtime)));
            for (_, v) in p
                .get("optional-dependencies")
                .and_then(Value::as_table)
                .into_iter()
                .flatten()
            {
                roots.extend(names(Some(v)).into_iter().map(|d| (d, Scope::Optional)));
            }
            for (_, v) in p
                .get("dev-dependencies")
                .and_then(Value::as_table)
                .into_iter()
                .flatten()
            {
                roots.extend(names(Some(v)).into_iter().map(|d| (d, Scope::Dev)));
            }
        }
        let mut all_deps = deps;
        for key in ["optional-dependencies"] {
            for (_, v) in p.get(key).and_then(Value::as_table).into_iter().flatten() {
                all_deps.extend(names(Some(v)));
            }
        }
        // Local path/git packages have versions too, but no registry release to match.
        let registry = source.is_none_or(|s| s.get("registry").is_some());
        let version = if registry {
            str_field(p, "version")
        } else {
            None
        };
        entries.push(Entry {
            name: pep503(&name),
            version,
            line: heads.get(i).copied().unwrap_or(0),
            deps: all_deps,
            project,
            roots,
            hint: None,
        });
    }
    let roots = if entries.iter().any(|e| e.project) {
        Vec::new()
    } else {
        pyproject_roots(src)
    };
    Ok(build(src, entries, roots))
}

pub(crate) fn parse_pdm(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = parse_toml(src)?;
    let heads = header_lines(src.text, "package");
    let mut entries = Vec::new();
    for (i, p) in table_array(&doc, "package").into_iter().enumerate() {
        let Some(name) = str_field(p, "name") else {
            return Err(src.err(heads.get(i).copied(), "package without a name"));
        };
        let deps = p
            .get("dependencies")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(dep_name)
            .collect();
        let groups: Vec<&str> = p
            .get("groups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let hint = (!groups.is_empty() && !groups.contains(&"default")).then_some(Scope::Dev);
        entries.push(Entry {
            name: pep503(&name),
            version: str_field(p, "version"),
            line: heads.get(i).copied().unwrap_or(0),
            deps,
            project: false,
            roots: Vec::new(),
            hint,
        });
    }
    Ok(build(src, entries, pyproject_roots(src)))
}

pub(crate) fn parse_pylock(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = parse_toml(src)?;
    if doc.get("lock-version").is_none() {
        return Err(src.err(Some(1), "not a pylock.toml: no `lock-version`"));
    }
    let heads = header_lines(src.text, "packages");
    let mut entries = Vec::new();
    for (i, p) in table_array(&doc, "packages").into_iter().enumerate() {
        let Some(name) = str_field(p, "name") else {
            return Err(src.err(heads.get(i).copied(), "package without a name"));
        };
        let deps = p
            .get("dependencies")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(dep_name)
            .collect();
        // VCS and directory packages carry no index version.
        let version = if p.get("vcs").is_some() || p.get("directory").is_some() {
            None
        } else {
            str_field(p, "version")
        };
        entries.push(Entry {
            name: pep503(&name),
            version,
            line: heads.get(i).copied().unwrap_or(0),
            deps,
            project: false,
            roots: Vec::new(),
            hint: None,
        });
    }
    Ok(build(src, entries, pyproject_roots(src)))
}
