//! SPDX 2.3 JSON writer and 2.2–2.3 JSON reader.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::{
    ReadEntry, SbomError, SbomMeta, apply_facts, apply_graph, edges, package_from_purl,
    rampart_facts,
};
use crate::package::{Package, Scope};

const ROOT_ID: &str = "SPDXRef-RootPackage";

/// `SPDXRef-` ids allow letters, digits, `.` and `-` only.
pub fn sanitize_id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Writes an SPDX 2.3 JSON document describing one root package that depends on `packages`.
pub fn write(packages: &[Package], meta: &SbomMeta) -> Value {
    let created = meta.time();
    let tool = format!("Tool: rampart-{}", meta.tool_version);
    let ids: Vec<String> = packages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "SPDXRef-Package-{}-{}-{}",
                i + 1,
                sanitize_id(&p.name),
                sanitize_id(&p.version)
            )
        })
        .collect();
    let mut spdx_packages = vec![json!({
        "SPDXID": ROOT_ID,
        "name": meta.name,
        "versionInfo": meta.version.clone().unwrap_or_else(|| "NOASSERTION".into()),
        "downloadLocation": "NOASSERTION",
        "filesAnalyzed": false,
        "licenseConcluded": "NOASSERTION",
        "licenseDeclared": "NOASSERTION",
        "copyrightText": "NOASSERTION",
        "primaryPackagePurpose": "APPLICATION",
    })];
    for (p, id) in packages.iter().zip(&ids) {
        let facts: Vec<String> = rampart_facts(p)
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let mut pkg = json!({
            "SPDXID": id,
            "name": p.name,
            "versionInfo": p.version,
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": false,
            "licenseConcluded": "NOASSERTION",
            "licenseDeclared": "NOASSERTION",
            "copyrightText": "NOASSERTION",
            "primaryPackagePurpose": "LIBRARY",
            "externalRefs": [{
                "referenceCategory": "PACKAGE-MANAGER",
                "referenceType": "purl",
                "referenceLocator": p.purl,
            }],
            "annotations": [{
                "annotationDate": created,
                "annotationType": "OTHER",
                "annotator": tool,
                "comment": facts.join("\n"),
            }],
        });
        if !p.source_file.is_empty() {
            let at = p.line.map(|l| format!(":{l}")).unwrap_or_default();
            pkg["sourceInfo"] = json!(format!("declared in {}{at}", p.source_file));
        }
        spdx_packages.push(pkg);
    }
    let mut rels = vec![json!({
        "spdxElementId": "SPDXRef-DOCUMENT",
        "relationshipType": "DESCRIBES",
        "relatedSpdxElement": ROOT_ID,
    })];
    for (p, id) in packages.iter().zip(&ids).filter(|(p, _)| p.direct) {
        rels.push(match p.scope {
            Scope::Runtime => json!({"spdxElementId": ROOT_ID, "relationshipType": "DEPENDS_ON", "relatedSpdxElement": id}),
            Scope::Dev => json!({"spdxElementId": id, "relationshipType": "DEV_DEPENDENCY_OF", "relatedSpdxElement": ROOT_ID}),
            Scope::Optional => json!({"spdxElementId": id, "relationshipType": "OPTIONAL_DEPENDENCY_OF", "relatedSpdxElement": ROOT_ID}),
        });
    }
    for (i, children) in edges(packages).into_iter().enumerate() {
        for c in children {
            if let (Some(a), Some(b)) = (ids.get(i), ids.get(c)) {
                rels.push(json!({"spdxElementId": a, "relationshipType": "DEPENDS_ON", "relatedSpdxElement": b}));
            }
        }
    }
    let ns_name = sanitize_id(&meta.name);
    json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": meta.name,
        "documentNamespace": format!("https://rampart.invalid/spdxdocs/{ns_name}-{}", meta.uuid(packages)),
        "creationInfo": {"created": created, "creators": [tool]},
        "packages": spdx_packages,
        "relationships": rels,
    })
}

pub(crate) fn read(doc: &Value, sbom_path: &str) -> Result<Vec<Package>, SbomError> {
    let ver = doc.get("spdxVersion").and_then(Value::as_str).unwrap_or("");
    if !matches!(ver, "SPDX-2.2" | "SPDX-2.3") {
        return Err(SbomError::UnsupportedVersion {
            format: "SPDX",
            version: ver.to_string(),
        });
    }
    let mut entries: Vec<ReadEntry> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for p in doc
        .get("packages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let purl = p
            .get("externalRefs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find(|r| r.get("referenceType").and_then(Value::as_str) == Some("purl"))
            .and_then(|r| r.get("referenceLocator").and_then(Value::as_str));
        let Some(mut pkg) = purl.and_then(|u| package_from_purl(u, sbom_path)) else {
            continue;
        };
        let comments = p
            .get("annotations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("comment").and_then(Value::as_str))
            .flat_map(str::lines)
            .filter_map(|l| l.split_once('='));
        let has_facts = apply_facts(&mut pkg, comments);
        if let Some(id) = p.get("SPDXID").and_then(Value::as_str) {
            index.insert(id, entries.len());
        }
        entries.push(ReadEntry {
            package: pkg,
            has_facts,
        });
    }
    // The described elements are the project; what they depend on is direct.
    let mut described: Vec<&str> = doc
        .get("documentDescribes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let rels = doc.get("relationships").and_then(Value::as_array);
    for r in rels.into_iter().flatten() {
        if r.get("relationshipType").and_then(Value::as_str) == Some("DESCRIBES")
            && let Some(t) = r.get("relatedSpdxElement").and_then(Value::as_str)
        {
            described.push(t);
        }
    }
    let mut roots = Vec::new();
    let mut graph = Vec::new();
    for r in rels.into_iter().flatten() {
        let (Some(a), Some(kind), Some(b)) = (
            r.get("spdxElementId").and_then(Value::as_str),
            r.get("relationshipType").and_then(Value::as_str),
            r.get("relatedSpdxElement").and_then(Value::as_str),
        ) else {
            continue;
        };
        // Normalise to (parent, child, scope).
        let (parent, child, scope) = match kind {
            "DEPENDS_ON" => (a, b, Scope::Runtime),
            "DEPENDENCY_OF" | "RUNTIME_DEPENDENCY_OF" => (b, a, Scope::Runtime),
            "DEV_DEPENDENCY_OF" | "TEST_DEPENDENCY_OF" | "BUILD_DEPENDENCY_OF" => {
                (b, a, Scope::Dev)
            }
            "OPTIONAL_DEPENDENCY_OF" => (b, a, Scope::Optional),
            _ => continue,
        };
        let Some(&c) = index.get(child) else { continue };
        if described.contains(&parent) && !index.contains_key(parent) {
            roots.push((c, scope));
            if scope != Scope::Runtime
                && let Some(e) = entries.get_mut(c)
                && !e.has_facts
            {
                e.package.scope = scope;
            }
        } else if let Some(&p) = index.get(parent) {
            graph.push((p, c));
        }
    }
    apply_graph(&mut entries, &roots, &graph);
    Ok(entries.into_iter().map(|e| e.package).collect())
}
