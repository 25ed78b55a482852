//! The binary's behaviour that does not depend on any one scanner: errors, config, init, rules.

use assert_cmd::Command;
use predicates::prelude::*;

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1");
    c
}

#[test]
fn missing_path_is_a_clear_error_with_exit_2() {
    rampart()
        .args(["scan", "/definitely/not/here"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or directory"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn unknown_config_key_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rampart.toml"),
        "fail_on = \"high\"\nexclude_paths = []\n",
    )
    .unwrap();
    rampart()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exclude_paths"))
        .stderr(predicate::str::contains("line 2"));
}

#[test]
fn unknown_scanner_section_and_name_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rampart.toml"), "[scanner.nope]\nx = 1\n").unwrap();
    rampart()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[scanner.nope]"));
    let empty = tempfile::tempdir().unwrap();
    rampart()
        .args(["scan", "--scanners", "nope"])
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown scanner `nope`"));
}

#[test]
fn output_without_format_pairing_errors() {
    let dir = tempfile::tempdir().unwrap();
    rampart()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "json", "--format", "sarif"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "only one --format can go to standard output",
        ));
}

#[test]
fn each_format_goes_to_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("r.json");
    let sarif = out.path().join("r.sarif");
    rampart()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "json", "--output"])
        .arg(&json)
        .args(["--format", "sarif", "--output"])
        .arg(&sarif)
        .args(["--format", "markdown"])
        .assert()
        .success();
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(j["schema_version"], "1");
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(s["version"], "2.1.0");
}

#[test]
fn init_writes_config_workflows_and_keeps_existing_files() {
    let dir = tempfile::tempdir().unwrap();
    rampart()
        .arg("init")
        .arg(dir.path())
        .args(["--repo", "acme/rampart"])
        .assert()
        .success();
    for f in [
        "rampart.toml",
        ".github/workflows/rampart.yml",
        "rampart.gitlab-ci.yml",
    ] {
        assert!(dir.path().join(f).is_file(), "{f} missing");
    }
    let wf = std::fs::read_to_string(dir.path().join(".github/workflows/rampart.yml")).unwrap();
    assert!(wf.contains("upload-sarif"));
    assert!(wf.contains("security-events: write"));
    // The starter config must itself be valid for rampart.
    rampart()
        .arg("scan")
        .arg(dir.path())
        .args(["--fail-on", "none"])
        .assert()
        .success();
    std::fs::write(dir.path().join("rampart.toml"), "# mine\n").unwrap();
    rampart()
        .arg("init")
        .arg(dir.path())
        .args(["--repo", "acme/rampart"])
        .assert()
        .success()
        .stderr(predicate::str::contains("kept"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rampart.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn explain_unknown_rule_is_an_error() {
    rampart()
        .args(["explain", "nope/nothing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule"));
}

#[test]
fn rules_json_lists_valid_rules() {
    let out = rampart()
        .args(["rules", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    for r in &rules {
        assert!(r["id"].as_str().unwrap().contains('/'));
        assert!(r["title"].is_string());
        assert!(r["severity"].is_string());
    }
}

#[test]
fn config_rule_ids_that_name_no_rule_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rampart.toml"),
        "[rules.\"secrets/no-such-rule\"]\nenabled = false\n[[ignore]]\nrule = \"py/typo\"\nreason = \"x\"\n",
    )
    .unwrap();
    rampart()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "[rules.\"secrets/no-such-rule\"] names no rule",
        ))
        .stdout(predicate::str::contains(
            "ignore entry 1 names rule `py/typo`",
        ));
}
