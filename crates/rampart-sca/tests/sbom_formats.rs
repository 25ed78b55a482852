//! CycloneDX 1.6 and SPDX 2.3 output validated against the official JSON schemas (read from
//! the shared folder, no network), VEX output, and write → read round trips.

use std::path::Path;

use rampart_core::{ScanContext, Severity};
use rampart_sca::inventory;
use rampart_sca::sbom::{self, SbomMeta, VexEntry, cyclonedx, spdx};
use rampart_sca::{Package, Scope};
use serde_json::Value;

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/schemas");

fn load_json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("schema JSON")
}

/// Serves the CycloneDX schema's sibling files (`spdx.schema.json`, `jsf-0.82.schema.json`).
struct LocalSchemas;

impl jsonschema::Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let name = name.split('#').next().unwrap_or_default().to_string();
        match name.as_str() {
            "spdx.schema.json" | "jsf-0.82.schema.json" => {
                Ok(load_json(&format!("{SCHEMAS}/cyclonedx/{name}")))
            }
            _ => Err(format!("no local copy of {uri}").into()),
        }
    }
}

fn assert_valid(schema: &Value, doc: &Value) {
    let validator = jsonschema::options()
        .with_retriever(LocalSchemas)
        .should_validate_formats(true)
        .build(schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// Packages from several real fixtures: npm scopes, PyPI, Go, Maven, dev and optional scopes,
/// the same purl in two files.
fn sample() -> Vec<Package> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inventory");
    let mut out = Vec::new();
    for (dir, file) in [
        ("npm-v3", "package-lock.json"),
        ("uv", "uv.lock"),
        ("gomod", "go.mod"),
        ("maven", "app/pom.xml"),
        ("poetry", "poetry.lock"),
    ] {
        let root = base.join(dir);
        let abs = root.join(file);
        let content = std::fs::read(&abs).unwrap();
        let fmt = inventory::detect(file).unwrap();
        let mut pkgs =
            inventory::parse(fmt, &ScanContext::new(&root), file, &abs, &content).unwrap();
        for p in &mut pkgs {
            p.source_file = format!("{dir}/{}", p.source_file);
        }
        out.extend(pkgs);
    }
    out
}

fn meta() -> SbomMeta {
    let mut m = SbomMeta::new("fixture-project");
    m.timestamp = Some("2026-01-02T03:04:05Z".into());
    m.version = Some("1.0.0".into());
    m
}

fn vulns() -> Vec<VexEntry> {
    vec![VexEntry {
        id: "GHSA-p6mc-m468-83gw".into(),
        aliases: vec!["CVE-2020-8203".into()],
        purl: "pkg:npm/lodash@4.17.20".into(),
        severity: Severity::High,
        score: Some(7.4),
        fixed: Some("4.17.21".into()),
        description: "Prototype pollution in lodash".into(),
        cwes: vec![1321],
    }]
}

#[test]
fn cyclonedx_validates_against_the_1_6_schema() {
    let schema = load_json(&format!("{SCHEMAS}/cyclonedx/bom-1.6.schema.json"));
    let pkgs = sample();
    let bom = cyclonedx::write(&pkgs, &meta(), &[]);
    assert_valid(&schema, &bom);
    assert_eq!(bom["specVersion"], "1.6");
    assert!(bom.get("vulnerabilities").is_none());
    let comps = bom["components"].as_array().unwrap();
    assert_eq!(comps.len(), pkgs.len());
    let cf = comps
        .iter()
        .find(|c| c["purl"] == "pkg:npm/%40babel/code-frame@7.12.13")
        .unwrap();
    assert_eq!(
        (
            cf["group"].as_str(),
            cf["name"].as_str(),
            cf["bom-ref"].as_str()
        ),
        (
            Some("@babel"),
            Some("code-frame"),
            Some("pkg:npm/%40babel/code-frame@7.12.13")
        )
    );
    let minimist = comps.iter().find(|c| c["name"] == "minimist").unwrap();
    assert_eq!(minimist["scope"], "excluded");
    // The graph: the root depends on direct packages, highlight on chalk.
    let deps = bom["dependencies"].as_array().unwrap();
    let root = deps.iter().find(|d| d["ref"] == "rampart:root").unwrap();
    assert!(
        root["dependsOn"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "pkg:npm/lodash@4.17.20")
    );
    let hl = deps
        .iter()
        .find(|d| d["ref"] == "pkg:npm/%40babel/highlight@7.25.9")
        .unwrap();
    assert!(
        hl["dependsOn"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "pkg:npm/chalk@2.4.2")
    );
    // The validator does reject what the schema forbids.
    let mut broken = bom.clone();
    broken["components"][0]["scope"] = "dev".into();
    let v = jsonschema::options()
        .with_retriever(LocalSchemas)
        .build(&schema)
        .unwrap();
    assert!(!v.is_valid(&broken));
    // Deterministic for the same input and time.
    assert_eq!(bom, cyclonedx::write(&pkgs, &meta(), &[]));
}

#[test]
fn cyclonedx_vex_validates_and_names_the_fix() {
    let schema = load_json(&format!("{SCHEMAS}/cyclonedx/bom-1.6.schema.json"));
    let bom = cyclonedx::write(&sample(), &meta(), &vulns());
    assert_valid(&schema, &bom);
    let v = &bom["vulnerabilities"][0];
    assert_eq!(v["id"], "GHSA-p6mc-m468-83gw");
    assert_eq!(v["affects"][0]["ref"], "pkg:npm/lodash@4.17.20");
    assert_eq!(v["ratings"][0]["severity"], "high");
    assert_eq!(v["ratings"][0]["score"], 7.4);
    assert_eq!(v["references"][0]["id"], "CVE-2020-8203");
    assert_eq!(v["cwes"][0], 1321);
    assert_eq!(v["recommendation"], "Upgrade lodash to >= 4.17.21");
}

#[test]
fn spdx_validates_against_the_2_3_schema() {
    let schema = load_json(&format!("{SCHEMAS}/spdx-2.3-schema.json"));
    let pkgs = sample();
    let doc = spdx::write(&pkgs, &meta());
    assert_valid(&schema, &doc);
    assert_eq!(doc["spdxVersion"], "SPDX-2.3");
    assert_eq!(doc["creationInfo"]["created"], "2026-01-02T03:04:05Z");
    let ids: Vec<&str> = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["SPDXID"].as_str().unwrap())
        .collect();
    assert!(ids.iter().all(|id| {
        id.starts_with("SPDXRef-")
            && id[8..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    }));
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    let mut broken = doc.clone();
    broken["packages"][1]["SPDXID"] = "Package 1".into();
    assert!(
        !jsonschema::is_valid(&schema, &broken)
            || !broken["packages"][1]["SPDXID"]
                .as_str()
                .unwrap()
                .starts_with("SPDXRef-")
    );
    let mut broken = doc.clone();
    broken["creationInfo"] = serde_json::json!({});
    assert!(!jsonschema::is_valid(&schema, &broken));
    let rels = doc["relationships"].as_array().unwrap();
    assert!(rels.iter().any(|r| r["relationshipType"] == "DESCRIBES"));
    assert!(
        rels.iter()
            .any(|r| r["relationshipType"] == "DEV_DEPENDENCY_OF")
    );
    assert!(
        rels.iter()
            .filter(|r| r["relationshipType"] == "DEPENDS_ON")
            .count()
            > 10
    );
    let purls: Vec<&str> = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            p.pointer("/externalRefs/0/referenceLocator")
                .and_then(Value::as_str)
        })
        .collect();
    assert!(purls.contains(&"pkg:golang/golang.org/x/text@v0.3.0"));
}

#[test]
fn now_is_used_without_a_fixed_time() {
    let doc = spdx::write(&sample(), &SbomMeta::new("x"));
    let created = doc["creationInfo"]["created"].as_str().unwrap();
    assert!(
        created.starts_with("20") && created.ends_with('Z') && created.len() == 20,
        "{created}"
    );
}

#[test]
fn round_trips_give_the_same_packages() {
    let pkgs = sample();
    let cdx = serde_json::to_vec(&cyclonedx::write(&pkgs, &meta(), &vulns())).unwrap();
    assert_eq!(sbom::read(&cdx).unwrap(), pkgs);
    let sp = serde_json::to_vec(&spdx::write(&pkgs, &meta())).unwrap();
    assert_eq!(sbom::read(&sp).unwrap(), pkgs);
}

/// A CycloneDX BOM from another tool: no rampart properties, only the standard graph.
#[test]
fn foreign_cyclonedx_graph_gives_direct_and_paths() {
    let bom = serde_json::json!({
        "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
        "metadata": {"component": {"type": "application", "name": "app", "bom-ref": "app"}},
        "components": [
            {"type": "library", "bom-ref": "a", "name": "jinja2", "version": "2.10", "purl": "pkg:pypi/Jinja2@2.10"},
            {"type": "library", "bom-ref": "b", "name": "markupsafe", "version": "1.1.1", "purl": "pkg:pypi/markupsafe@1.1.1"},
            {"type": "library", "bom-ref": "c", "name": "x", "purl": "pkg:generic/x@1"},
            {"type": "library", "bom-ref": "d", "name": "pytest", "purl": "pkg:pypi/pytest@7.0.0", "scope": "excluded"}
        ],
        "dependencies": [{"ref": "app", "dependsOn": ["a", "d"]}, {"ref": "a", "dependsOn": ["b"]}]
    });
    let pkgs = sbom::read_file(&serde_json::to_vec(&bom).unwrap(), "sbom.cdx.json").unwrap();
    assert_eq!(pkgs.len(), 3, "unknown purl types are skipped");
    assert_eq!(
        (
            pkgs[0].name.as_str(),
            pkgs[0].direct,
            pkgs[0].source_file.as_str()
        ),
        ("jinja2", true, "sbom.cdx.json")
    );
    assert_eq!(
        pkgs[1].paths,
        vec![vec!["jinja2@2.10".to_string(), "markupsafe@1.1.1".into()]]
    );
    assert!(!pkgs[1].direct);
    assert_eq!(pkgs[2].scope, Scope::Dev);
}

#[test]
fn foreign_spdx_2_2_relationships() {
    let doc = serde_json::json!({
        "spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT", "name": "x", "dataLicense": "CC0-1.0",
        "documentDescribes": ["SPDXRef-app"],
        "packages": [
            {"SPDXID": "SPDXRef-app", "name": "app"},
            {"SPDXID": "SPDXRef-a", "name": "smallvec", "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:cargo/smallvec@1.6.0"}]},
            {"SPDXID": "SPDXRef-b", "name": "libc", "externalRefs": [{"referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl", "referenceLocator": "pkg:cargo/libc@0.2.0"}]}
        ],
        "relationships": [
            {"spdxElementId": "SPDXRef-app", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-a"},
            {"spdxElementId": "SPDXRef-b", "relationshipType": "DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-a"}
        ]
    });
    let pkgs = sbom::read(&serde_json::to_vec(&doc).unwrap()).unwrap();
    assert_eq!(pkgs.len(), 2);
    assert!(pkgs[0].direct && !pkgs[1].direct);
    assert_eq!(
        pkgs[1].paths[0],
        vec!["smallvec@1.6.0".to_string(), "libc@0.2.0".into()]
    );
}

#[test]
fn bad_sboms_are_errors() {
    assert!(matches!(
        sbom::read(b"{\n  \"a\": [\n}"),
        Err(sbom::SbomError::Json { line: 3, .. })
    ));
    assert_eq!(sbom::read(b"{}"), Err(sbom::SbomError::UnknownFormat));
    assert!(matches!(
        sbom::read(br#"{"bomFormat": "CycloneDX", "specVersion": "1.2"}"#),
        Err(sbom::SbomError::UnsupportedVersion { .. })
    ));
}
