//! `go.mod`: `require` lines (single or block), `// indirect` marking transitive modules, and
//! `replace` directives (a module replaced by another module version is reported as the
//! replacement; one replaced by a local directory has no release to match and is skipped).

use std::collections::HashMap;

use super::{Inventory, InventoryError, Source};
use crate::package::Ecosystem;

fn unquote(s: &str) -> &str {
    s.trim().trim_matches('"').trim_matches('`')
}

/// The new module path and version, or `None` for a local directory.
type Replacement = Option<(String, String)>;

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let mut requires: Vec<(String, String, bool, u32)> = Vec::new();
    // old path (and optional old version) → new path and version, or None for a directory.
    let mut replaces: HashMap<(String, Option<String>), Replacement> = HashMap::new();
    let mut block: Option<String> = None;
    let mut saw_module = false;
    for (n, raw) in src.text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let (code, comment) = match raw.find("//") {
            Some(p) => (raw.get(..p).unwrap_or(""), raw.get(p + 2..).unwrap_or("")),
            None => (raw, ""),
        };
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        let indirect = comment.split(';').any(|c| c.trim() == "indirect");
        let (verb, rest) = if let Some(b) = &block {
            if code == ")" {
                block = None;
                continue;
            }
            (b.clone(), code.to_string())
        } else {
            let (v, r) = code.split_once(char::is_whitespace).unwrap_or((code, ""));
            let r = r.trim();
            if r == "(" {
                block = Some(v.to_string());
                continue;
            }
            (v.to_string(), r.to_string())
        };
        match verb.as_str() {
            "module" => saw_module = true,
            "require" => {
                let parts: Vec<&str> = rest.split_whitespace().collect();
                let [path, version] = parts.as_slice() else {
                    return Err(src.err(Some(line_no), format!("malformed require `{rest}`")));
                };
                if !version.starts_with('v') {
                    return Err(src.err(Some(line_no), format!("bad module version `{version}`")));
                }
                requires.push((
                    unquote(path).to_string(),
                    unquote(version).to_string(),
                    indirect,
                    line_no,
                ));
            }
            "replace" => {
                let Some((old, new)) = rest.split_once("=>") else {
                    return Err(src.err(Some(line_no), "replace without `=>`"));
                };
                let old: Vec<&str> = old.split_whitespace().collect();
                let new: Vec<&str> = new.split_whitespace().collect();
                let key = match old.as_slice() {
                    [p] => (unquote(p).to_string(), None),
                    [p, v] => (unquote(p).to_string(), Some(unquote(v).to_string())),
                    _ => return Err(src.err(Some(line_no), "malformed replace")),
                };
                let target = match new.as_slice() {
                    [p, v] => Some((unquote(p).to_string(), unquote(v).to_string())),
                    [_dir] => None,
                    _ => return Err(src.err(Some(line_no), "malformed replace")),
                };
                replaces.insert(key, target);
            }
            "go" | "toolchain" | "exclude" | "retract" | "godebug" | "tool" | "ignore" => {}
            other => return Err(src.err(Some(line_no), format!("unknown directive `{other}`"))),
        }
    }
    if block.is_some() {
        return Err(src.err(None, "unterminated block"));
    }
    if !saw_module && requires.is_empty() {
        return Err(src.err(Some(1), "no `module` directive"));
    }
    let mut inv = Inventory::default();
    for (path, version, indirect, line) in requires {
        let rep = replaces
            .get(&(path.clone(), Some(version.clone())))
            .or_else(|| replaces.get(&(path.clone(), None)));
        let (name, version) = match rep {
            Some(Some((p, v))) => (p.clone(), v.clone()),
            Some(None) => {
                inv.skipped += 1;
                continue;
            }
            None => (path, version),
        };
        let mut pkg = src.pkg(Ecosystem::Go, &name, &version, Some(line));
        pkg.direct = !indirect;
        if pkg.direct {
            pkg.paths = vec![vec![format!("{name}@{version}")]];
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}
