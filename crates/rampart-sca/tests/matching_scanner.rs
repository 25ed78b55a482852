//! The `sca` scanner end to end: a lockfile through the inventory, the index and the matcher
//! into findings, with ignore entries, a missing database and malicious packages.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rampart_core::scanner::FileInfo;
use rampart_core::{
    FileTarget, Location, ScanContext, ScanOutput, Scanner, Severity, SuppressionKind,
};
use rampart_sca::db::{Database, import};
use rampart_sca::scanner::{RULE_MALICIOUS, RULE_VULNERABLE, rules};
use rampart_sca::{IgnoreVuln, ScaConfig, ScaScanner};

const MAL: &str = r#"{
  "id": "MAL-2099-0001",
  "modified": "2099-01-01T00:00:00Z",
  "summary": "Malicious code in evil-pkg (npm)",
  "affected": [{"package": {"ecosystem": "npm", "name": "evil-pkg"}, "versions": ["1.0.0"]}]
}"#;

const WITHDRAWN: &str = r#"{
  "id": "GHSA-xxxx-withdrawn",
  "modified": "2099-01-01T00:00:00Z",
  "withdrawn": "2099-01-02T00:00:00Z",
  "affected": [{"package": {"ecosystem": "npm", "name": "a"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]
}"#;

const LOCK: &str = r#"{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "evil-pkg": "1.0.0"}},
    "node_modules/a": {"version": "1.0.0", "dependencies": {"lodash": "^4.17.0"}},
    "node_modules/evil-pkg": {"version": "1.0.0"},
    "node_modules/lodash": {"version": "4.17.11"}
  }
}
"#;

fn make_db() -> (tempfile::TempDir, Arc<Database>) {
    let src = tempfile::tempdir().unwrap();
    std::fs::write(src.path().join("MAL-2099-0001.json"), MAL).unwrap();
    std::fs::write(src.path().join("withdrawn.json"), WITHDRAWN).unwrap();
    let npm = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/osv/npm/all.zip"
    ));
    std::fs::copy(npm, src.path().join("npm.zip")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    import::import(src.path(), dir.path()).unwrap();
    let db = Arc::new(Database::open(dir.path()).unwrap());
    (dir, db)
}

fn scan(scanner: &ScaScanner, root: &Path, rel: &str, content: &str) -> ScanOutput {
    let ctx = ScanContext::new(root);
    let path = root.join(rel);
    std::fs::write(&path, content).unwrap();
    let info = FileInfo {
        path: &path,
        rel_path: rel,
        size: content.len() as u64,
        head: content.as_bytes(),
        is_binary: false,
    };
    assert!(scanner.wants(&info, &ctx));
    let mut out = ScanOutput::default();
    scanner.scan_file(
        &ctx,
        &FileTarget {
            info,
            content: Some(content.as_bytes()),
        },
        &mut out,
    );
    out
}

#[test]
fn lockfile_findings_carry_ids_paths_remediation_and_a_stable_fingerprint() {
    let (_d, db) = make_db();
    let root = tempfile::tempdir().unwrap();
    let scanner = ScaScanner::with_database(ScaConfig::default(), db).unwrap();
    let out = scan(&scanner, root.path(), "package-lock.json", LOCK);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(out.findings.len(), 2, "{:#?}", out.findings);

    let vuln = out
        .findings
        .iter()
        .find(|f| f.rule_id == RULE_VULNERABLE)
        .unwrap();
    assert_eq!(vuln.severity, Severity::Critical);
    assert!(
        vuln.message
            .contains("GHSA-jf85-cpcp-j695 (CVE-2019-10744)"),
        "{}",
        vuln.message
    );
    assert!(
        vuln.message.contains("upgrade lodash to ≥ 4.17.12"),
        "{}",
        vuln.message
    );
    assert!(
        vuln.message.contains("via a@1.0.0 > lodash@4.17.11"),
        "{}",
        vuln.message
    );
    assert_eq!(vuln.remediation, "Upgrade lodash to ≥ 4.17.12.");
    assert_eq!(vuln.properties["vulnerability_id"], "GHSA-jf85-cpcp-j695");
    assert_eq!(
        vuln.properties["aliases"],
        serde_json::json!(["CVE-2019-10744"])
    );
    assert_eq!(
        vuln.properties["fixed_versions"],
        serde_json::json!(["4.17.12"])
    );
    assert_eq!(vuln.properties["cvss_score"], 9.1);
    assert_eq!(
        vuln.properties["dependency_paths"],
        serde_json::json!(["a@1.0.0 > lodash@4.17.11"])
    );
    assert!(vuln.cwe.contains(&1395));
    assert!(vuln.owasp.contains(&"A06:2021".to_string()));
    assert!(vuln.owasp_llm.contains(&"LLM03:2025".to_string()));
    match &vuln.locations[0] {
        Location::Package {
            manifest,
            ecosystem,
            name,
            version,
            purl,
            line,
        } => {
            assert_eq!(manifest, "package-lock.json");
            assert_eq!(
                (ecosystem.as_str(), name.as_str(), version.as_str()),
                ("npm", "lodash", "4.17.11")
            );
            assert!(
                purl.as_deref()
                    .unwrap()
                    .starts_with("pkg:npm/lodash@4.17.11")
            );
            assert!(line.is_some());
        }
        other => panic!("{other:?}"),
    }

    let mal = out
        .findings
        .iter()
        .find(|f| f.rule_id == RULE_MALICIOUS)
        .unwrap();
    assert_eq!(mal.severity, Severity::Critical);
    assert!(mal.message.contains("malicious"), "{}", mal.message);

    // Moving the entry to another line keeps the fingerprint.
    let shifted = LOCK.replacen("{\n", "{\n\n\n", 1);
    let out2 = scan(&scanner, root.path(), "package-lock.json", &shifted);
    let vuln2 = out2
        .findings
        .iter()
        .find(|f| f.rule_id == RULE_VULNERABLE)
        .unwrap();
    assert_ne!(
        vuln.locations[0].start_line(),
        vuln2.locations[0].start_line()
    );
    assert_eq!(vuln.fingerprint, vuln2.fingerprint);
}

#[test]
fn ignore_vulns_by_any_alias_with_expiry() {
    let (_d, db) = make_db();
    let root = tempfile::tempdir().unwrap();
    let config = ScaConfig {
        ignore_vulns: vec![
            IgnoreVuln {
                id: "cve-2019-10744".into(),
                reason: Some("not reachable".into()),
                expires: Some("2999-12-31".into()),
            },
            IgnoreVuln {
                id: "MAL-2099-0001".into(),
                reason: None,
                expires: Some("2020-01-01".into()),
            },
        ],
        ..Default::default()
    };
    let scanner = ScaScanner::with_database(config, db).unwrap();
    let out = scan(&scanner, root.path(), "package-lock.json", LOCK);
    let vuln = out
        .findings
        .iter()
        .find(|f| f.rule_id == RULE_VULNERABLE)
        .unwrap();
    let s = vuln
        .suppression
        .as_ref()
        .expect("suppressed by its CVE alias");
    assert_eq!(s.kind, SuppressionKind::Config);
    assert_eq!(s.reason.as_deref(), Some("not reachable"));
    // The expired entry no longer suppresses, and the scan says so once.
    let mal = out
        .findings
        .iter()
        .find(|f| f.rule_id == RULE_MALICIOUS)
        .unwrap();
    assert!(mal.suppression.is_none());
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    assert!(out.diagnostics[0].message.contains("expired"));

    assert!(
        ScaScanner::new(ScaConfig {
            ignore_vulns: vec![IgnoreVuln {
                id: "X".into(),
                reason: None,
                expires: Some("next tuesday".into())
            }],
            ..Default::default()
        })
        .is_err()
    );
}

#[test]
fn withdrawn_records_are_not_reported_and_unfixed_can_be_ignored() {
    let (_d, db) = make_db();
    let root = tempfile::tempdir().unwrap();
    let scanner = ScaScanner::with_database(
        ScaConfig {
            ignore_unfixed: true,
            ..Default::default()
        },
        db,
    )
    .unwrap();
    let out = scan(&scanner, root.path(), "package-lock.json", LOCK);
    // The MAL record has no fix and is dropped by ignore_unfixed; the withdrawn one never shows.
    let ids: Vec<_> = out
        .findings
        .iter()
        .map(|f| f.properties["vulnerability_id"].clone())
        .collect();
    assert_eq!(ids, vec![serde_json::json!("GHSA-jf85-cpcp-j695")]);
}

#[test]
fn missing_database_gives_one_diagnostic_and_no_findings() {
    let empty = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let scanner = ScaScanner::new(ScaConfig {
        db: Some(empty.path().join("nothing")),
        ..Default::default()
    })
    .unwrap();
    let mut all = ScanOutput::default();
    all.extend(scan(&scanner, root.path(), "package-lock.json", LOCK));
    all.extend(scan(
        &scanner,
        root.path(),
        "requirements.txt",
        "requests==2.19.0\n",
    ));
    assert!(all.findings.is_empty());
    assert_eq!(all.diagnostics.len(), 1, "{:?}", all.diagnostics);
    assert!(
        all.diagnostics[0].message.contains("rampart db update"),
        "{}",
        all.diagnostics[0].message
    );
}

#[test]
fn malformed_lockfile_is_a_diagnostic_naming_the_file() {
    let (_d, db) = make_db();
    let root = tempfile::tempdir().unwrap();
    let scanner = ScaScanner::with_database(ScaConfig::default(), db).unwrap();
    let out = scan(
        &scanner,
        root.path(),
        "package-lock.json",
        "{ \"packages\": ",
    );
    assert!(out.findings.is_empty());
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(
        out.diagnostics[0].path.as_deref(),
        Some("package-lock.json")
    );
}

#[test]
fn rules_are_valid_and_documented() {
    for r in rules() {
        r.validate().unwrap();
        assert!(!r.remediation.is_empty() && !r.rationale.is_empty() && r.example.is_some());
    }
}

#[test]
fn config_rejects_unknown_fields() {
    let ok: ScaConfig =
        toml::from_str("ignore_unfixed = true\n[[ignore_vulns]]\nid = \"CVE-1\"\n").unwrap();
    assert!(ok.ignore_unfixed);
    assert!(toml::from_str::<ScaConfig>("ignore_unfixd = true").is_err());
}
