//! conda `environment.yml`: `dependencies` entries `name=version[=build]`, `channel::name=version`
//! or `name==version` are conda packages; a `pip:` sub-list holds pip requirements (PyPI).
//! Entries without an exact version are skipped.

use serde_yaml::Value;

use super::requirements::parse_requirement;
use super::{Inventory, InventoryError, Source};
use crate::package::{Ecosystem, Scope};

/// The line of the first `- <entry>` at or after `from` (lines are 0-based here).
fn find_line(text_lines: &[&str], from: &mut usize, entry: &str) -> Option<u32> {
    for (i, l) in text_lines.iter().enumerate().skip(*from) {
        let t = l.trim_start();
        if let Some(rest) = t.strip_prefix('-') {
            let rest = rest.trim().trim_matches(['"', '\'']);
            if rest == entry {
                *from = i + 1;
                return u32::try_from(i + 1).ok();
            }
        }
    }
    None
}

/// `numpy=1.21.0=py39h`, `numpy==1.21.0`, `conda-forge::numpy=1.21.0`, `numpy 1.21.0`.
fn conda_spec(entry: &str) -> Option<(String, Option<String>, Option<String>)> {
    let (channel, spec) = match entry.split_once("::") {
        Some((c, s)) => (Some(c.to_string()), s),
        None => (None, entry),
    };
    let spec = spec.trim();
    let name_end = spec
        .find(['=', '<', '>', '!', ' ', '~'])
        .unwrap_or(spec.len());
    let name = spec.get(..name_end)?.trim();
    if name.is_empty() {
        return None;
    }
    let rest = spec.get(name_end..)?.trim();
    let version = rest
        .strip_prefix("==")
        .or_else(|| rest.strip_prefix('='))
        .or_else(|| {
            (!rest.is_empty() && rest.starts_with(|c: char| c.is_ascii_digit())).then_some(rest)
        })
        .map(|v| v.split(['=', ' ']).next().unwrap_or(v).trim().to_string())
        .filter(|v| !v.is_empty() && !v.contains('*') && !v.contains(['<', '>', ',', '|']));
    Some((name.to_string(), version, channel))
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let doc: Value = serde_yaml::from_str(src.text).map_err(|e| src.yaml_err(&e))?;
    let text_lines: Vec<&str> = src.text.lines().collect();
    let mut cursor = 0usize;
    let mut inv = Inventory::default();
    let Some(deps) = doc.get("dependencies").and_then(Value::as_sequence) else {
        return Ok(inv);
    };
    for d in deps {
        match d {
            Value::String(s) => {
                let line = find_line(&text_lines, &mut cursor, s);
                match conda_spec(s) {
                    Some((name, Some(version), channel)) => {
                        let mut pkg = src.pkg(Ecosystem::Conda, &name, &version, line);
                        if let Some(c) = channel {
                            pkg.purl
                                .push_str(&format!("?channel={}", super::purl::encode(&c)));
                        }
                        pkg.direct = true;
                        pkg.paths = vec![vec![format!("{}@{}", pkg.name, pkg.version)]];
                        inv.packages.push(pkg);
                    }
                    _ => inv.skipped += 1,
                }
            }
            Value::Mapping(m) => {
                for r in m
                    .get("pip")
                    .and_then(Value::as_sequence)
                    .into_iter()
                    .flatten()
                {
                    let Some(r) = r.as_str() else { continue };
                    let line = find_line(&text_lines, &mut cursor, r);
                    if r.starts_with('-') {
                        continue;
                    }
                    match parse_requirement(r).and_then(|req| req.pin.map(|p| (req.name, p))) {
                        Some((name, pin)) => {
                            let mut pkg = src.pkg(Ecosystem::PyPI, &name, &pin, line);
                            pkg.direct = true;
                            pkg.scope = Scope::Runtime;
                            pkg.paths = vec![vec![format!("{}@{}", pkg.name, pkg.version)]];
                            inv.packages.push(pkg);
                        }
                        None => inv.skipped += 1,
                    }
                }
            }
            _ => {}
        }
    }
    Ok(inv)
}
