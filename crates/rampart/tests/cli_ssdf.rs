//! SSDF evidence: the `ssdf` section `rampart ci` writes into JSON (valid against the documented
//! schema) and HTML, and `rampart ssdf` listing the SP 800-218 tasks the configured stages
//! cover with the runs that evidence them.

use std::path::Path;
use std::process::Command as Std;

use assert_cmd::Command;
use serde_json::Value;

fn rampart(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_BASE_REF")
        .env_remove("CI_MERGE_REQUEST_TARGET_BRANCH_NAME")
        .env("RAMPART_DB", dir.join("no-db"))
        .current_dir(dir);
    c
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Std::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn task<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

#[test]
fn ci_reports_carry_evidence_and_ssdf_lists_it() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(
        d.join("app.py"),
        "import os\n\nfrom flask import request\n\n\ndef go():\n    os.system(\"x \" + request.args.get(\"y\"))\n",
    )
    .unwrap();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "app"]);
    let head = git(d, &["rev-parse", "HEAD"]);
    rampart(d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--no-progress",
            "--format",
            "json",
            "--output",
            "pr.json",
        ])
        .args(["--format", "html", "--output", "pr.html"])
        .assert()
        .code(1);

    // The JSON report, ssdf section included, is valid against the documented schema.
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("pr.json")).unwrap()).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/rampart-report.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let ssdf = &report["ssdf"];
    let scanners: Vec<&str> = ssdf["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["scanner"].as_str().unwrap())
        .collect();
    assert_eq!(scanners, ["secrets", "sast", "sca", "models", "iac"]);
    let sast_run = ssdf["runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["scanner"] == "sast")
        .unwrap();
    assert_eq!(sast_run["commit"], head.as_str());
    assert_eq!(sast_run["status"], "failed");
    assert!(sast_run["gating"].as_u64().unwrap() >= 1);
    assert_eq!(task(ssdf, "PW.7.2")["status"], "evidenced");
    // The run was a pull-request stage only: DAST is not evidenced by it.
    assert_ne!(task(ssdf, "PW.8.2")["status"], "evidenced");

    // The HTML report has the same section.
    let html = std::fs::read_to_string(d.join("pr.html")).unwrap();
    assert!(html.contains("id=\"ssdf-evidence\""));
    assert!(
        html.contains("data-task=\"PW.7.2\" data-status=\"evidenced\""),
        "{html}"
    );

    // rampart ssdf: the five default stages configured, the pr run as evidence.
    let out = rampart(d)
        .args(["ssdf", "--evidence", "pr.json", "--format", "json"])
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let stages: Vec<&str> = doc["configured"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["pre-commit", "pr", "build", "deploy", "staging"]);
    let pw72 = task(&doc, "PW.7.2");
    assert_eq!(pw72["status"], "evidenced");
    let ev = pw72["evidence"].as_array().unwrap();
    assert!(
        ev.iter()
            .any(|i| doc["runs"][i.as_u64().unwrap() as usize]["commit"] == head.as_str())
    );
    assert_eq!(task(&doc, "PW.8.2")["status"], "configured");
    assert_eq!(task(&doc, "PS.3.2")["status"], "configured");
    for group in ["PO.", "PS.", "PW.", "RV."] {
        assert!(
            doc["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["id"].as_str().unwrap().starts_with(group))
        );
    }
    // Configured but not evidenced tasks fail --require-evidence.
    rampart(d)
        .args(["ssdf", "--evidence", "pr.json", "--require-evidence"])
        .assert()
        .code(1);
    // The text listing names tasks, status and evidence.
    let out = rampart(d)
        .args(["ssdf", "--evidence", "pr.json"])
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("PW.7.2") && text.contains("evidenced") && text.contains(&head[..12]),
        "{text}"
    );

    // Only the stages rampart.toml names count as configured.
    std::fs::write(
        d.join("rampart.toml"),
        "[stages.pr]\nfail_on = \"critical\"\n",
    )
    .unwrap();
    let out = rampart(d)
        .args(["ssdf", "--format", "json"])
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["configured"].as_array().unwrap().len(), 1);
    assert_eq!(task(&doc, "PW.8.2")["status"], "not_covered");
    assert_eq!(task(&doc, "PW.5.1")["status"], "configured");

    // A report without the section is refused with a hint.
    std::fs::write(d.join("plain.json"), "{\"findings\": []}").unwrap();
    let out = rampart(d)
        .args(["ssdf", "--evidence", "plain.json"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("no `ssdf` section"));
}
