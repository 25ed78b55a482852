//! GitLab security reports (SAST, dependency scanning, secret detection), checked against the
//! structure GitLab's report schema 15 requires: `version`, `scan` (analyzer and scanner with
//! id/name/version/vendor, type, start/end time as `YYYY-MM-DDTHH:MM:SS`, status) and
//! `vulnerabilities` each with id, name, description, severity from GitLab's list, at least one
//! identifier (type, name, value) and the location its report type needs.

mod common;

use common::{options, render, render_result, secret};
use rampart_core::pipeline::ScanResult;
use rampart_report::Format;
use serde_json::Value;

const SEVERITIES: [&str; 6] = ["Info", "Unknown", "Low", "Medium", "High", "Critical"];

fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

fn nonempty(v: &Value, what: &str) -> String {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    assert!(!s.is_empty(), "{what} is empty");
    s.to_string()
}

/// Checks the structure shared by every report type and returns the vulnerabilities.
fn check_common(doc: &Value, scan_type: &str) -> Vec<Value> {
    assert_eq!(doc["version"], rampart_report::GITLAB_SCHEMA_VERSION);
    let scan = &doc["scan"];
    for part in ["analyzer", "scanner"] {
        for key in ["id", "name", "version"] {
            nonempty(&scan[part][key], &format!("scan.{part}.{key}"));
        }
        nonempty(
            &scan[part]["vendor"]["name"],
            &format!("scan.{part}.vendor.name"),
        );
    }
    assert_eq!(scan["type"], scan_type);
    assert_eq!(scan["status"], "success");
    for t in ["start_time", "end_time"] {
        let s = nonempty(&scan[t], t);
        assert!(is_time(&s), "{t} = {s}");
    }
    assert!(scan["start_time"].as_str() <= scan["end_time"].as_str());
    let vulns = doc["vulnerabilities"]
        .as_array()
        .expect("vulnerabilities")
        .clone();
    let mut ids = std::collections::HashSet::new();
    for v in &vulns {
        let id = nonempty(&v["id"], "id");
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        assert_eq!(id.len(), 36, "{id}");
        assert!(nonempty(&v["name"], "name").len() <= 255);
        nonempty(&v["description"], "description");
        assert!(SEVERITIES.contains(&v["severity"].as_str().unwrap()), "{v}");
        let identifiers = v["identifiers"].as_array().unwrap();
        assert!(!identifiers.is_empty());
        for i in identifiers {
            for key in ["type", "name", "value"] {
                nonempty(&i[key], key);
            }
        }
    }
    vulns
}

fn doc(format: Format) -> Value {
    serde_json::from_str(&render(format, &options())).unwrap()
}

#[test]
fn sast_report_has_code_findings_with_lines() {
    let d = doc(Format::GitlabSast);
    let vulns = check_common(&d, "sast");
    assert!(!vulns.is_empty());
    for v in &vulns {
        nonempty(&v["location"]["file"], "location.file");
    }
    let sqli = vulns
        .iter()
        .find(|v| {
            v["identifiers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["type"] == "cwe" && i["value"] == "89")
        })
        .expect("the SQL injection with its CWE identifier");
    assert!(sqli["location"]["start_line"].as_u64().unwrap() >= 1);
    assert!(sqli["location"]["end_line"].as_u64() >= sqli["location"]["start_line"].as_u64());
    // Only SAST-kind findings: no secrets, no dependencies, no URLs.
    let text = d.to_string();
    assert!(
        !text.contains("secrets/") && !text.contains("\"dependency\""),
        "{text}"
    );
}

#[test]
fn dependency_report_names_package_and_version() {
    let d = doc(Format::GitlabDependencyScanning);
    let vulns = check_common(&d, "dependency_scanning");
    assert!(!vulns.is_empty());
    for v in &vulns {
        nonempty(&v["location"]["file"], "location.file");
        nonempty(
            &v["location"]["dependency"]["package"]["name"],
            "package name",
        );
        nonempty(&v["location"]["dependency"]["version"], "version");
    }
    let files = d["dependency_files"].as_array().unwrap();
    assert!(!files.is_empty());
    for f in files {
        nonempty(&f["path"], "dependency_files.path");
        nonempty(&f["package_manager"], "package_manager");
        assert!(!f["dependencies"].as_array().unwrap().is_empty());
    }
}

#[test]
fn secret_report_redacts_and_has_commits() {
    let text = render(Format::GitlabSecretDetection, &options());
    assert!(!text.contains(&secret()), "the secret leaks: {text}");
    let d: Value = serde_json::from_str(&text).unwrap();
    let vulns = check_common(&d, "secret_detection");
    assert!(!vulns.is_empty());
    for v in &vulns {
        nonempty(&v["location"]["file"], "location.file");
        nonempty(&v["location"]["commit"]["sha"], "location.commit.sha");
    }
    // A secret found in git history keeps its commit.
    assert!(
        vulns
            .iter()
            .any(|v| v["location"]["commit"]["sha"] != "0000000"),
        "{d}"
    );
}

#[test]
fn suppressed_findings_stay_out_and_ids_are_stable() {
    let a = doc(Format::GitlabSast);
    let b = doc(Format::GitlabSast);
    assert_eq!(a["vulnerabilities"], b["vulnerabilities"]);
    let all = [
        Format::GitlabSast,
        Format::GitlabDependencyScanning,
        Format::GitlabSecretDetection,
    ]
    .map(|f| render(f, &options()))
    .join("");
    // The fixture's baselined token and inline-suppressed finding are not reported.
    assert!(!all.contains("tests/fixtures/token.txt"), "{all}");
    assert!(!all.contains("app/report.py"), "{all}");
    let empty = render_result(Format::GitlabSast, &ScanResult::default(), &options());
    let d: Value = serde_json::from_str(&empty).unwrap();
    assert!(check_common(&d, "sast").is_empty());
}
