//! `requirements*.txt` / `constraints*.txt` (pip's requirements file format).
//!
//! Only exact pins (`==1.2.3`, `===1.2.3`) name a version to match; other entries are counted as
//! skipped. `-r`/`--requirement` files are followed (relative to the including file, never out of
//! the scan root, at most [`MAX_INCLUDE_DEPTH`] deep, each file once); `-c`/`--constraint` files
//! supply pins for unpinned requirements. Environment markers are kept out of the decision: an
//! entry counts whatever its marker says (rampart does not know the target interpreter).
//! `# via` annotations (pip-compile, uv export) make an entry transitive with its parent as path.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{Inventory, InventoryError, Source};
use crate::package::{Ecosystem, Package};

/// An `-r` (false) or `-c` (true) include: (is_constraint, path, line).
pub type Include = (bool, String, u32);

pub const MAX_INCLUDE_DEPTH: usize = 8;

/// One requirement line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub name: String,
    pub extras: Vec<String>,
    /// The exact pinned version, if the specifier is `==X` / `===X` without wildcard.
    pub pin: Option<String>,
    pub marker: Option<String>,
    pub line: u32,
    /// Parents named by `# via` comments.
    pub via: Vec<String>,
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let mut state = State {
        visited: HashSet::new(),
        constraints: HashMap::new(),
        skipped: 0,
    };
    if let Ok(p) = src.abs.canonicalize() {
        state.visited.insert(p);
    }
    let mut out = Vec::new();
    parse_file(src.ctx, src.rel, src.abs, src.text, 0, &mut state, &mut out)?;
    Ok(Inventory {
        packages: out,
        skipped: state.skipped,
    })
}

struct State {
    visited: HashSet<PathBuf>,
    constraints: HashMap<String, String>,
    skipped: usize,
}

fn parse_file(
    ctx: &rampart_core::ScanContext,
    rel: &str,
    abs: &Path,
    text: &str,
    depth: usize,
    state: &mut State,
    out: &mut Vec<Package>,
) -> Result<(), InventoryError> {
    let (reqs, includes) = parse_text(rel, text)?;
    let dir = abs.parent().unwrap_or(Path::new("."));
    // Constraints first: they pin what this file leaves open.
    for (_, target, _) in includes.iter().filter(|(c, _, _)| *c) {
        if let Some((p, t)) = follow(ctx, dir, target, depth, state)
            && let Ok((creqs, _)) = parse_text(&p.1, &t)
        {
            for r in creqs {
                if let Some(pin) = r.pin {
                    state.constraints.insert(super::pep503(&r.name), pin);
                }
            }
        }
    }
    let pinned: HashMap<String, String> = reqs
        .iter()
        .filter_map(|r| {
            r.pin.as_ref().map(|p| {
                (
                    super::pep503(&r.name),
                    format!("{}@{p}", super::pep503(&r.name)),
                )
            })
        })
        .collect();
    let names: HashSet<String> = reqs.iter().map(|r| super::pep503(&r.name)).collect();
    for r in &reqs {
        let name = super::pep503(&r.name);
        let Some(version) = r
            .pin
            .clone()
            .or_else(|| state.constraints.get(&name).cloned())
        else {
            state.skipped += 1;
            continue;
        };
        let mut pkg = super::new_package(Ecosystem::PyPI, &name, &version, rel, Some(r.line));
        // Only `# via <package in this file>` makes an entry transitive; `# via -r file` or
        // `# via <the project>` means declared.
        let parents: Vec<&String> = r
            .via
            .iter()
            .filter(|v| !v.starts_with('-') && names.contains(&super::pep503(v)))
            .collect();
        pkg.direct = r.via.is_empty() || parents.len() < r.via.len();
        if pkg.direct {
            pkg.paths = vec![vec![format!("{name}@{version}")]];
        } else {
            pkg.paths = parents
                .iter()
                .take(super::graph::MAX_PATHS)
                .map(|p| {
                    let p = super::pep503(p);
                    let head = pinned.get(&p).cloned().unwrap_or(p);
                    vec![head, format!("{name}@{version}")]
                })
                .collect();
        }
        out.push(pkg);
    }
    for (_, target, _) in includes.iter().filter(|(c, _, _)| !*c) {
        // Missing, outside the root, a cycle or too deep: skipped, not an error in this file.
        if let Some(((inc_abs, inc_rel), t)) = follow(ctx, dir, target, depth, state) {
            parse_file(ctx, &inc_rel, &inc_abs, &t, depth + 1, state, out)?;
        }
    }
    Ok(())
}

/// Reads an included file if it is inside the root, not yet visited and not too deep.
fn follow(
    ctx: &rampart_core::ScanContext,
    dir: &Path,
    target: &str,
    depth: usize,
    state: &mut State,
) -> Option<((PathBuf, String), String)> {
    if depth >= MAX_INCLUDE_DEPTH || target.contains("://") {
        return None;
    }
    let (path, text) = super::read_inside_root(ctx, dir, target)?;
    if !state.visited.insert(path.clone()) {
        return None;
    }
    let rel = super::rel_to_root(ctx, &path)?;
    Some(((path, rel), text))
}

/// Parses requirement lines; returns them and the `-r`/`-c` includes `(is_constraint, path, line)`.
pub fn parse_text(
    rel: &str,
    text: &str,
) -> Result<(Vec<Requirement>, Vec<Include>), InventoryError> {
    let mut reqs: Vec<Requirement> = Vec::new();
    let mut includes = Vec::new();
    let mut logical = String::new();
    let mut start_line = 0u32;
    let mut in_via = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if logical.is_empty() {
            start_line = line_no;
            // `# via` annotations attach to the entry above.
            let t = raw.trim();
            if let Some(c) = t.strip_prefix('#') {
                let c = c.trim();
                if let Some(rest) = c.strip_prefix("via") {
                    let rest = rest.trim();
                    in_via = rest.is_empty();
                    if !rest.is_empty()
                        && let Some(last) = reqs.last_mut()
                    {
                        last.via.push(rest.to_string());
                    }
                    continue;
                }
                if in_via && raw.starts_with("    #") && !c.is_empty() {
                    if let Some(last) = reqs.last_mut() {
                        last.via.push(c.to_string());
                    }
                    continue;
                }
                in_via = false;
                continue;
            }
            in_via = false;
        }
        // A comment starts at `#` preceded by whitespace (or at line start).
        let body = strip_comment(raw);
        if let Some(cont) = body.strip_suffix('\\') {
            logical.push_str(cont);
            logical.push(' ');
            continue;
        }
        logical.push_str(body);
        let entry = std::mem::take(&mut logical);
        let entry = entry.trim();
        if entry.is_empty() {
            continue;
        }
        if let Some(opt) = entry.strip_prefix('-') {
            let (flag, arg) = split_option(opt);
            match flag {
                "r" | "-requirement" => includes.push((false, arg.to_string(), start_line)),
                "c" | "-constraint" => includes.push((true, arg.to_string(), start_line)),
                _ => {}
            }
            continue;
        }
        match parse_requirement(entry) {
            Some(mut r) => {
                r.line = start_line;
                reqs.push(r);
            }
            None => {
                // URLs, paths and archives are not registry releases: not an error.
                if !looks_like_reference(entry) {
                    return Err(InventoryError {
                        file: rel.to_string(),
                        line: Some(start_line),
                        message: format!(
                            "cannot parse requirement `{}`",
                            entry.chars().take(80).collect::<String>()
                        ),
                    });
                }
            }
        }
    }
    Ok((reqs, includes))
}

fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    let b = line.as_bytes();
    for i in 1..b.len() {
        if b[i] == b'#' && b[i - 1].is_ascii_whitespace() {
            return line.get(..i).unwrap_or(line).trim_end();
        }
    }
    line.trim_end()
}

/// `-r file`, `-rfile`, `--requirement=file`, `--requirement file`.
fn split_option(opt: &str) -> (&str, &str) {
    if let Some(long) = opt.strip_prefix('-') {
        let (f, a) = long.split_once(['=', ' ']).unwrap_or((long, ""));
        return (opt.get(..f.len() + 1).unwrap_or(opt), a.trim());
    }
    let flag = opt.get(..1).unwrap_or("");
    (
        flag,
        opt.get(1..)
            .unwrap_or("")
            .trim()
            .trim_start_matches('=')
            .trim(),
    )
}

fn looks_like_reference(entry: &str) -> bool {
    entry.contains("://")
        || entry.contains(" @ ")
        || entry.starts_with('.')
        || entry.starts_with('/')
        || entry.ends_with(".whl")
        || entry.ends_with(".tar.gz")
        || entry.ends_with(".zip")
}

/// `name[extra1,extra2] (==|===|>=|...)spec ; marker --hash=...`.
pub fn parse_requirement(entry: &str) -> Option<Requirement> {
    // Per-requirement options (`--hash`, `--config-settings`) follow the requirement.
    let mut entry = entry;
    if let Some(p) = entry.find(" --") {
        entry = entry.get(..p)?;
    }
    let (spec, marker) = match entry.split_once(';') {
        Some((s, m)) => (
            s.trim(),
            Some(m.trim().to_string()).filter(|m| !m.is_empty()),
        ),
        None => (entry.trim(), None),
    };
    if spec.contains(" @ ") || spec.contains("://") {
        return None;
    }
    let name_end = spec
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(spec.len());
    let name = spec.get(..name_end)?;
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut rest = spec.get(name_end..)?.trim_start();
    let mut extras = Vec::new();
    if let Some(r) = rest.strip_prefix('[') {
        let close = r.find(']')?;
        extras = r
            .get(..close)?
            .split(',')
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect();
        rest = r.get(close + 1..)?.trim_start();
    }
    // `name (==1.0)` is an old but valid form.
    let rest = rest.trim_start_matches('(').trim_end_matches(')').trim();
    let mut pin = None;
    if !rest.is_empty() {
        if !rest.starts_with(['=', '<', '>', '!', '~']) {
            return None;
        }
        let clauses: Vec<&str> = rest.split(',').map(str::trim).collect();
        if let [only] = clauses.as_slice() {
            let v = only.strip_prefix("===").or_else(|| only.strip_prefix("=="));
            if let Some(v) = v.map(str::trim)
                && !v.is_empty()
                && !v.contains('*')
                && !v.contains(char::is_whitespace)
            {
                pin = Some(v.to_string());
            }
        }
    }
    Some(Requirement {
        name: name.to_string(),
        extras,
        pin,
        marker,
        line: 0,
        via: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_forms() {
        let r = parse_requirement("Jinja2[i18n]==2.10 ; python_version < '3.8' --hash=sha256:ab")
            .unwrap();
        assert_eq!(
            (r.name.as_str(), r.pin.as_deref()),
            ("Jinja2", Some("2.10"))
        );
        assert_eq!(r.extras, vec!["i18n"]);
        assert_eq!(r.marker.as_deref(), Some("python_version < '3.8'"));
        assert_eq!(
            parse_requirement("six===1.16.0").unwrap().pin.as_deref(),
            Some("1.16.0")
        );
        assert_eq!(parse_requirement("requests>=2").unwrap().pin, None);
        assert_eq!(parse_requirement("django==3.*").unwrap().pin, None);
        assert_eq!(parse_requirement("a==1,<2").unwrap().pin, None);
        assert!(parse_requirement("pkg @ https://x/y.whl").is_none());
        assert!(parse_requirement("==1.0").is_none());
    }

    #[test]
    fn options_and_via() {
        let text = "-r base.txt\n--constraint=c.txt\njinja2==2.10 \\\n    --hash=sha256:aa\n    # via -r requirements.in\nmarkupsafe==1.1.1\n    # via\n    #   jinja2\n";
        let (reqs, inc) = parse_text("r.txt", text).unwrap();
        assert_eq!(
            inc,
            vec![(false, "base.txt".into(), 1), (true, "c.txt".into(), 2)]
        );
        assert_eq!(reqs[0].line, 3);
        assert_eq!(reqs[0].via, vec!["-r requirements.in"]);
        assert_eq!(reqs[1].via, vec!["jinja2"]);
        assert!(parse_text("r.txt", "ok==1\n!!!bad\n").unwrap_err().line == Some(2));
    }
}
