//! CycloneDX 1.6 JSON writer (components, dependency graph, VEX) and 1.4–1.6 reader.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{
    ReadEntry, SbomError, SbomMeta, VexEntry, apply_facts, apply_graph, edges, package_from_purl,
    rampart_facts, refs,
};
use crate::inventory::purl;
use crate::package::{Package, Scope};

const ROOT_REF: &str = "rampart:root";

fn cdx_scope(s: Scope) -> &'static str {
    match s {
        Scope::Runtime => "required",
        Scope::Optional => "optional",
        // CycloneDX: "excluded" components are used for tests and other non-runtime purposes.
        Scope::Dev => "excluded",
    }
}

/// The advisory database an id comes from, for VEX `source`/`references`.
fn id_source(id: &str) -> (&'static str, String) {
    if id.starts_with("CVE-") {
        ("NVD", format!("https://nvd.nist.gov/vuln/detail/{id}"))
    } else if id.starts_with("GHSA-") {
        ("GitHub", format!("https://github.com/advisories/{id}"))
    } else {
        ("OSV", format!("https://osv.dev/vulnerability/{id}"))
    }
}

/// Writes a CycloneDX 1.6 JSON BOM. `vulns` non-empty adds a `vulnerabilities` array (VEX).
pub fn write(packages: &[Package], meta: &SbomMeta, vulns: &[VexEntry]) -> Value {
    let refs = refs(packages);
    let graph = edges(packages);
    let mut components = Vec::with_capacity(packages.len());
    for (p, r) in packages.iter().zip(&refs) {
        let mut c = Map::new();
        c.insert("type".into(), json!("library"));
        c.insert("bom-ref".into(), json!(r));
        let (group, name) = match purl::parse(&p.purl) {
            Ok(pu) => (pu.namespace.clone(), pu.name.clone()),
            Err(_) => (None, p.name.clone()),
        };
        if let Some(g) = group {
            c.insert("group".into(), json!(g));
        }
        c.insert("name".into(), json!(name));
        c.insert("version".into(), json!(p.version));
        c.insert("purl".into(), json!(p.purl));
        c.insert("scope".into(), json!(cdx_scope(p.scope)));
        let props: Vec<Value> = rampart_facts(p)
            .into_iter()
            .map(|(k, v)| json!({"name": k, "value": v}))
            .collect();
        c.insert("properties".into(), Value::Array(props));
        if !p.source_file.is_empty() {
            let mut occ = Map::new();
            occ.insert("location".into(), json!(p.source_file));
            if let Some(l) = p.line {
                occ.insert("line".into(), json!(l));
            }
            c.insert(
                "evidence".into(),
                json!({"occurrences": [Value::Object(occ)]}),
            );
        }
        components.push(Value::Object(c));
    }
    let mut deps = vec![json!({
        "ref": ROOT_REF,
        "dependsOn": packages.iter().zip(&refs).filter(|(p, _)| p.direct).map(|(_, r)| r.clone()).collect::<Vec<_>>(),
    })];
    for (i, r) in refs.iter().enumerate() {
        let children: Vec<&String> = graph
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|&t| refs.get(t))
            .collect();
        deps.push(json!({"ref": r, "dependsOn": children}));
    }
    let mut root = json!({"type": "application", "bom-ref": ROOT_REF, "name": meta.name});
    if let Some(v) = &meta.version {
        root["version"] = json!(v);
    }
    let mut bom = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": format!("urn:uuid:{}", meta.uuid(packages)),
        "version": 1,
        "metadata": {
            "timestamp": meta.time(),
            "tools": {"components": [{
                "type": "application",
                "name": "rampart",
                "version": meta.tool_version,
            }]},
            "component": root,
        },
        "components": components,
        "dependencies": deps,
    });
    if !vulns.is_empty() {
        bom["vulnerabilities"] = Value::Array(vex(packages, &refs, vulns));
    }
    bom
}

fn vex(packages: &[Package], refs: &[String], vulns: &[VexEntry]) -> Vec<Value> {
    let mut by_purl: HashMap<&str, Vec<&String>> = HashMap::new();
    for (p, r) in packages.iter().zip(refs) {
        by_purl.entry(p.purl.as_str()).or_default().push(r);
    }
    let mut out = Vec::new();
    for (n, v) in vulns.iter().enumerate() {
        let (src_name, src_url) = id_source(&v.id);
        let affects: Vec<Value> = match by_purl.get(v.purl.as_str()) {
            Some(rs) => rs.iter().map(|r| json!({"ref": r})).collect(),
            None => vec![json!({"ref": v.purl})],
        };
        let mut rating = json!({"source": {"name": src_name}, "severity": v.severity.as_str()});
        if let Some(s) = v.score {
            rating["score"] = json!(s);
        }
        let mut e = json!({
            "bom-ref": format!("vuln:{}:{n}", v.id),
            "id": v.id,
            "source": {"name": src_name, "url": src_url},
            "ratings": [rating],
            "description": v.description,
            "advisories": [{"url": format!("https://osv.dev/vulnerability/{}", v.id)}],
            "affects": affects,
        });
        if !v.aliases.is_empty() {
            e["references"] = Value::Array(
                v.aliases
                    .iter()
                    .map(|a| {
                        let (name, url) = id_source(a);
                        json!({"id": a, "source": {"name": name, "url": url}})
                    })
                    .collect(),
            );
        }
        if !v.cwes.is_empty() {
            e["cwes"] = json!(v.cwes);
        }
        if let Some(f) = &v.fixed {
            let name = purl::parse(&v.purl)
                .map(|p| p.package_name())
                .unwrap_or_else(|_| v.purl.clone());
            e["recommendation"] = json!(format!("Upgrade {name} to >= {f}"));
        }
        out.push(e);
    }
    out
}

fn collect_components<'a>(list: Option<&'a Value>, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 16 {
        return;
    }
    for c in list.and_then(Value::as_array).into_iter().flatten() {
        out.push(c);
        collect_components(c.get("components"), out, depth + 1);
    }
}

pub(crate) fn read(doc: &Value, sbom_path: &str) -> Result<Vec<Package>, SbomError> {
    let spec = doc.get("specVersion").and_then(Value::as_str).unwrap_or("");
    if !matches!(spec, "1.4" | "1.5" | "1.6") {
        return Err(SbomError::UnsupportedVersion {
            format: "CycloneDX",
            version: spec.to_string(),
        });
    }
    let mut comps = Vec::new();
    collect_components(doc.get("components"), &mut comps, 0);
    let mut entries: Vec<ReadEntry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for c in comps {
        let Some(p) = c.get("purl").and_then(Value::as_str) else {
            continue;
        };
        let Some(mut pkg) = package_from_purl(p, sbom_path) else {
            continue;
        };
        pkg.scope = match c.get("scope").and_then(Value::as_str) {
            Some("excluded") => Scope::Dev,
            Some("optional") => Scope::Optional,
            _ => Scope::Runtime,
        };
        if let Some(occ) = c.pointer("/evidence/occurrences/0") {
            if let Some(loc) = occ.get("location").and_then(Value::as_str) {
                pkg.source_file = loc.to_string();
            }
            pkg.line = occ
                .get("line")
                .and_then(Value::as_u64)
                .and_then(|l| u32::try_from(l).ok());
        }
        let props = c.get("properties").and_then(Value::as_array);
        let has_facts = apply_facts(
            &mut pkg,
            props
                .into_iter()
                .flatten()
                .filter_map(|p| Some((p.get("name")?.as_str()?, p.get("value")?.as_str()?))),
        );
        if let Some(r) = c.get("bom-ref").and_then(Value::as_str) {
            index.insert(r.to_string(), entries.len());
        }
        entries.push(ReadEntry {
            package: pkg,
            has_facts,
        });
    }
    // The graph: the root component's dependsOn are the direct packages.
    let root_ref = doc
        .pointer("/metadata/component/bom-ref")
        .and_then(Value::as_str);
    let mut roots = Vec::new();
    let mut graph = Vec::new();
    for d in doc
        .get("dependencies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(from) = d.get("ref").and_then(Value::as_str) else {
            continue;
        };
        let children = d
            .get("dependsOn")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str);
        for c in children {
            let Some(&t) = index.get(c) else { continue };
            if Some(from) == root_ref {
                let scope = entries.get(t).map_or(Scope::Runtime, |e| e.package.scope);
                roots.push((t, scope));
            } else if let Some(&f) = index.get(from) {
                graph.push((f, t));
            }
        }
    }
    apply_graph(&mut entries, &roots, &graph);
    Ok(entries.into_iter().map(|e| e.package).collect())
}
