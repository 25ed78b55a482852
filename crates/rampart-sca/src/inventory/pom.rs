//! Maven `pom.xml`: the declared `<dependencies>` with `${property}` interpolation from
//! `<properties>`, `project.*` values and parent POMs found locally through `<relativePath>`
//! (default `../pom.xml`, never outside the scan root); versions missing from a dependency come
//! from `<dependencyManagement>` of the POM or its parents. No repository is contacted, so only
//! declared dependencies are reported (all direct).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Inventory, InventoryError, Source, lines};
use crate::package::{Ecosystem, Scope};

const MAX_PARENTS: usize = 10;
const MAX_XML_DEPTH: usize = 64;

/// A minimal element tree: enough for the POM model.
#[derive(Debug, Default)]
struct Node {
    name: String,
    text: String,
    line: u32,
    children: Vec<Node>,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
    fn text_of(&self, name: &str) -> Option<String> {
        self.child(name)
            .map(|c| c.text.trim().to_string())
            .filter(|t| !t.is_empty())
    }
    fn path(&self, names: &[&str]) -> Option<&Node> {
        names.iter().try_fold(self, |n, name| n.child(name))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn local_name(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    s.rsplit(':').next().unwrap_or(&s).to_string()
}

fn parse_xml(text: &str) -> Result<Node, (Option<u32>, String)> {
    let mut reader = Reader::from_str(text);
    let index = lines::LineIndex::new(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let ev = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(pos);
            (Some(index.line(at)), format!("invalid XML: {e}"))
        })?;
        match ev {
            Event::Start(e) => {
                if stack.len() > MAX_XML_DEPTH {
                    return Err((Some(index.line(pos)), "XML nested too deeply".into()));
                }
                stack.push(Node {
                    name: local_name(e.name().as_ref()),
                    line: index.line(pos),
                    ..Node::default()
                });
            }
            Event::Empty(e) => {
                let node = Node {
                    name: local_name(e.name().as_ref()),
                    line: index.line(pos),
                    ..Node::default()
                };
                if let Some(top) = stack.last_mut() {
                    top.children.push(node);
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text
                        .push_str(&unescape(&String::from_utf8_lossy(t.as_ref())));
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(top) = stack.last_mut() {
                    let name = String::from_utf8_lossy(r.as_ref()).to_string();
                    top.text.push_str(&unescape(&format!("&{name};")));
                }
            }
            Event::End(_) => {
                let done = stack.pop().unwrap_or_default();
                match stack.last_mut() {
                    Some(top) => top.children.push(done),
                    None => {
                        return Err((Some(index.line(pos)), "unbalanced end tag".into()));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err((None, "unexpected end of file inside an element".into()));
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find(|c| c.name == "project")
        .ok_or((None, "no <project> element".into()))
}

#[derive(Debug, Clone)]
struct Dep {
    group: String,
    artifact: String,
    version: Option<String>,
    scope: Option<String>,
    optional: bool,
    line: u32,
}

fn deps_of(node: Option<&Node>) -> Vec<Dep> {
    node.map(|n| {
        n.children
            .iter()
            .filter(|c| c.name == "dependency")
            .filter_map(|d| {
                Some(Dep {
                    group: d.text_of("groupId")?,
                    artifact: d.text_of("artifactId")?,
                    version: d.text_of("version"),
                    scope: d.text_of("scope"),
                    optional: d.text_of("optional").as_deref() == Some("true"),
                    line: d.line,
                })
            })
            .collect()
    })
    .unwrap_or_default()
}

/// The POM and its local parents, child first.
fn load_chain(src: &Source<'_>, project: Node) -> Vec<Node> {
    let mut chain = vec![project];
    let mut dir: PathBuf = src.abs.parent().map(Path::to_path_buf).unwrap_or_default();
    while chain.len() <= MAX_PARENTS {
        let Some(parent) = chain.last().and_then(|p| p.child("parent")) else {
            break;
        };
        let rel = match parent.child("relativePath") {
            Some(r) if r.text.trim().is_empty() => break,
            Some(r) => r.text.trim().to_string(),
            None => "../pom.xml".to_string(),
        };
        let want_artifact = parent.text_of("artifactId");
        let found = super::read_inside_root(src.ctx, &dir, &rel)
            .or_else(|| super::read_inside_root(src.ctx, &dir, &format!("{rel}/pom.xml")));
        let Some((path, text)) = found else { break };
        let Ok(node) = parse_xml(&text) else { break };
        // A relativePath that finds some other POM is not the parent.
        if node.text_of("artifactId") != want_artifact {
            break;
        }
        dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        chain.push(node);
    }
    chain
}

fn interpolate(s: &str, props: &HashMap<String, String>) -> String {
    let mut cur = s.to_string();
    for _ in 0..10 {
        if !cur.contains("${") {
            break;
        }
        let mut out = String::with_capacity(cur.len());
        let mut rest = cur.as_str();
        while let Some(start) = rest.find("${") {
            out.push_str(rest.get(..start).unwrap_or(""));
            let after = rest.get(start + 2..).unwrap_or("");
            match after.find('}') {
                Some(end) => {
                    let key = after.get(..end).unwrap_or("");
                    match props.get(key) {
                        Some(v) => out.push_str(v),
                        None => {
                            out.push_str("${");
                            out.push_str(key);
                            out.push('}');
                        }
                    }
                    rest = after.get(end + 1..).unwrap_or("");
                }
                None => {
                    out.push_str(rest.get(start..).unwrap_or(""));
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        if out == cur {
            break;
        }
        cur = out;
    }
    cur
}

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let project = parse_xml(src.text).map_err(|(line, msg)| src.err(line, msg))?;
    let chain = load_chain(src, project);
    let Some(me) = chain.first() else {
        return Ok(Inventory::default());
    };
    // Properties: the farthest parent first so that nearer POMs override.
    let mut props: HashMap<String, String> = HashMap::new();
    for pom in chain.iter().rev() {
        for p in pom
            .child("properties")
            .map(|p| p.children.as_slice())
            .unwrap_or_default()
        {
            props.insert(p.name.clone(), p.text.trim().to_string());
        }
    }
    let parent = me.child("parent");
    let version = me
        .text_of("version")
        .or_else(|| parent.and_then(|p| p.text_of("version")))
        .unwrap_or_default();
    let group = me
        .text_of("groupId")
        .or_else(|| parent.and_then(|p| p.text_of("groupId")))
        .unwrap_or_default();
    let artifact = me.text_of("artifactId").unwrap_or_default();
    for (k, v) in [
        ("project.version", &version),
        ("pom.version", &version),
        ("version", &version),
        ("project.groupId", &group),
        ("pom.groupId", &group),
        ("project.artifactId", &artifact),
    ] {
        props.entry(k.to_string()).or_insert_with(|| v.clone());
    }
    if let Some(p) = parent {
        for (k, f) in [
            ("project.parent.version", "version"),
            ("project.parent.groupId", "groupId"),
        ] {
            if let Some(v) = p.text_of(f) {
                props.insert(k.to_string(), v);
            }
        }
    }
    let mut managed: HashMap<(String, String), String> = HashMap::new();
    for pom in &chain {
        for d in deps_of(pom.path(&["dependencyManagement", "dependencies"])) {
            if let Some(v) = d.version {
                let key = (
                    interpolate(&d.group, &props),
                    interpolate(&d.artifact, &props),
                );
                managed
                    .entry(key)
                    .or_insert_with(|| interpolate(&v, &props));
            }
        }
    }
    let mut inv = Inventory::default();
    for d in deps_of(me.child("dependencies")) {
        let g = interpolate(&d.group, &props);
        let a = interpolate(&d.artifact, &props);
        let v = d
            .version
            .as_deref()
            .map(|v| interpolate(v, &props))
            .or_else(|| managed.get(&(g.clone(), a.clone())).cloned());
        // `[1.2.3]` is an exact version; other ranges and unresolved properties are not.
        let v = v.map(|v| {
            v.strip_prefix('[')
                .and_then(|x| x.strip_suffix(']'))
                .filter(|x| !x.contains(','))
                .map(str::to_string)
                .unwrap_or(v)
        });
        let Some(v) =
            v.filter(|v| !v.is_empty() && !v.contains("${") && !v.contains(['[', '(', ',', ')']))
        else {
            inv.skipped += 1;
            continue;
        };
        if g.contains("${") || a.contains("${") {
            inv.skipped += 1;
            continue;
        }
        let mut pkg = src.pkg(Ecosystem::Maven, &format!("{g}:{a}"), &v, Some(d.line));
        pkg.direct = true;
        pkg.scope = match d.scope.as_deref() {
            _ if d.optional => Scope::Optional,
            Some("test") => Scope::Dev,
            _ => Scope::Runtime,
        };
        pkg.paths = vec![vec![format!("{}@{}", pkg.name, pkg.version)]];
        inv.packages.push(pkg);
    }
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_is_bounded_and_nested() {
        let mut p = HashMap::new();
        p.insert("a".to_string(), "${b}".to_string());
        p.insert("b".to_string(), "1.0".to_string());
        p.insert("loop".to_string(), "${loop}".to_string());
        assert_eq!(interpolate("v${a}-x", &p), "v1.0-x");
        assert_eq!(interpolate("${loop}", &p), "${loop}");
        assert_eq!(interpolate("${missing}", &p), "${missing}");
    }
}
