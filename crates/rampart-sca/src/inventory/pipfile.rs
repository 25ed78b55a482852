//! `Pipfile.lock` (JSON): `default` and `develop` sections map names to `{ "version": "==X" }`.
//! Direct dependencies are those the sibling `Pipfile` lists; without it every entry counts as
//! direct (the lock itself does not say).

use serde_json::Value;

use super::{Inventory, InventoryError, Source, lines, pep503};
use crate::package::{Ecosystem, Scope};

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc = src.parse_json()?;
    let key_lines = lines::json_key_lines(src.text, |p| {
        p.len() == 2 && (p[0] == "default" || p[0] == "develop")
    });
    let declared: Option<Vec<String>> = src
        .sibling("Pipfile")
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .map(|doc| {
            ["packages", "dev-packages"]
                .iter()
                .filter_map(|k| doc.get(*k).and_then(toml::Value::as_table))
                .flat_map(|t| t.keys().map(|k| pep503(k)))
                .collect()
        });
    let mut inv = Inventory::default();
    for (section, scope) in [("default", Scope::Runtime), ("develop", Scope::Dev)] {
        for (name, meta) in doc
            .get(section)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let version = meta
                .get("version")
                .and_then(Value::as_str)
                .and_then(|v| v.strip_prefix("===").or_else(|| v.strip_prefix("==")));
            let Some(version) = version else {
                inv.skipped += 1;
                continue;
            };
            let line = key_lines.get(&lines::key(&[section, name])).copied();
            let mut pkg = src.pkg(Ecosystem::PyPI, name, version, line);
            pkg.scope = scope;
            pkg.direct = declared.as_ref().is_none_or(|d| d.contains(&pkg.name));
            if pkg.direct {
                pkg.paths = vec![vec![format!("{}@{}", pkg.name, pkg.version)]];
            }
            inv.packages.push(pkg);
        }
    }
    Ok(inv)
}
