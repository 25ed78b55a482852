//! End to end: the real binary scans a fixture tree with every scanner, writes every format, and
//! the gate, inline suppressions, the ignore list with expiry and baselines behave as documented.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

// rampart:ignore[secrets/*] fake token of the fixture tree (make_tree.py)
const GITHUB_TOKEN: &str = "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";
// rampart:ignore[secrets/*] fake key of the fixture tree (make_tree.py)
const ANTHROPIC_KEY: &str = "sk-ant-api03-9JyiIa1Mw7k5n91cF2dPOFOzozIajFOijaDghtlTxcZswPFGnJLYouWtP8iybBoEGAgj0dLUfo9MgNgFQRlH0vFUbW88dAA";

fn fixture_tree() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tree")
}

fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    assert!(
        p.exists(),
        "{} is missing: the shared data must sit beside the repository",
        p.display()
    );
    p
}

/// A copy of the fixture tree the test may change.
fn copy_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture_tree(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// An advisory DB with the shared PyPI records, imported once per test run through the CLI.
fn pypi_db() -> &'static Path {
    static DB: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-scan-pypi-db");
        let _ = std::fs::remove_dir_all(&db);
        Command::cargo_bin("rampart")
            .unwrap()
            .args(["db", "import"])
            .arg(shared("osv/PyPI/all.zip"))
            .arg("--db")
            .arg(&db)
            .assert()
            .success();
        db
    })
}

fn rampart(db: &Path) -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1")
        .env("RAMPART_DB", db)
        .arg("scan")
        .arg("--no-progress");
    c
}

fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn active_rules(report: &serde_json::Value) -> Vec<String> {
    let mut v: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("suppression").is_none_or(|s| s.is_null()))
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn scan_writes_every_format_and_sarif_validates() {
    let db = pypi_db();
    let out = tempfile::tempdir().unwrap();
    let o = |n: &str| out.path().join(n);
    let assert = rampart(db)
        .arg(fixture_tree())
        .args(["--format", "table"])
        .args(["--format", "json", "--output"])
        .arg(o("r.json"))
        .args(["--format", "sarif", "--output"])
        .arg(o("r.sarif"))
        .args(["--format", "junit", "--output"])
        .arg(o("r.xml"))
        .args(["--format", "markdown", "--output"])
        .arg(o("r.md"))
        .assert()
        .code(1);
    let table = String::from_utf8(assert.get_output().stdout.clone()).unwrap();

    // Every scanner contributed through the one walk.
    let report = json_of(&o("r.json"));
    let rules = active_rules(&report);
    for expected in [
        "secrets/github-pat-classic",
        "secrets/anthropic-api-key",
        "py/sqli-dbapi-execute",
        "models/pickle-code-execution",
        "sca/vulnerable-dependency",
    ] {
        assert!(
            rules.iter().any(|r| r == expected),
            "{expected} missing from {rules:?}"
        );
    }
    // One secret in two files is one finding with both locations.
    let gh: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "secrets/github-pat-classic")
        .collect();
    assert_eq!(gh.len(), 1);
    assert_eq!(gh[0]["locations"].as_array().unwrap().len(), 2);

    // The suppressed eval stays visible as suppressed in JSON and SARIF.
    let suppressed: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "py/code-injection-eval")
        .collect();
    assert_eq!(suppressed.len(), 1, "the inline-suppressed finding is kept");
    assert_eq!(suppressed[0]["suppression"]["kind"], "inline");

    let sarif = json_of(&o("r.sarif"));
    let schema = json_of(&shared("schemas/sarif-schema-2.1.0.json"));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF does not validate: {errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["suppressions"].is_array()));
    for r in results {
        assert!(r["partialFingerprints"].is_object());
        if let Some(uri) = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str()
        {
            assert!(!uri.starts_with('/'), "SARIF URIs are relative: {uri}");
        }
    }
    let tags: Vec<String> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            r["properties"]["tags"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect();
    assert!(tags.iter().any(|t| t == "external/cwe/cwe-798"), "{tags:?}");
    assert!(tags.iter().any(|t| t == "external/cwe/cwe-89"), "{tags:?}");

    // Secrets are redacted everywhere.
    let outputs = [
        table.clone(),
        std::fs::read_to_string(o("r.json")).unwrap(),
        std::fs::read_to_string(o("r.sarif")).unwrap(),
        std::fs::read_to_string(o("r.xml")).unwrap(),
        std::fs::read_to_string(o("r.md")).unwrap(),
    ];
    for text in &outputs {
        assert!(
            !text.contains(GITHUB_TOKEN) && !text.contains(ANTHROPIC_KEY),
            "a secret leaked: {text}"
        );
    }
    assert!(
        std::fs::read_to_string(o("r.xml"))
            .unwrap()
            .starts_with("<?xml")
    );
    assert!(outputs[4].contains("| Critical | 3 |"), "{}", outputs[4]);
}

#[test]
fn table_report_snapshot() {
    let db = pypi_db();
    let out = rampart(db)
        .arg(fixture_tree())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    insta::with_settings!({filters => vec![(r"in \d+(\.\d+)?m?s", "in [DURATION]")]}, {
        insta::assert_snapshot!("fixture_tree_table", text);
    });
}

#[test]
fn show_secrets_prints_them_in_full() {
    let db = pypi_db();
    let out = rampart(db)
        .arg(fixture_tree())
        .args(["--scanners", "secrets", "--show-secrets"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains(GITHUB_TOKEN));
}

#[test]
fn fail_on_sets_the_exit_code() {
    let db = pypi_db();
    // SAST findings here are high at most: fine under --fail-on critical.
    rampart(db)
        .arg(fixture_tree())
        .args(["--scanners", "sast", "--fail-on", "critical"])
        .assert()
        .code(0);
    rampart(db)
        .arg(fixture_tree())
        .args(["--scanners", "sast", "--fail-on", "high"])
        .assert()
        .code(1);
    rampart(db)
        .arg(fixture_tree())
        .args(["--scanners", "secrets", "--fail-on", "critical"])
        .assert()
        .code(1);
    rampart(db)
        .arg(fixture_tree())
        .args(["--fail-on", "none"])
        .assert()
        .code(0);
}

#[test]
fn config_fail_on_and_rule_overrides_apply() {
    let db = pypi_db();
    let tree = copy_tree();
    std::fs::write(
        tree.path().join("rampart.toml"),
        "fail_on = \"critical\"\nscanners = [\"sast\"]\n[rules.\"py/sqli-dbapi-execute\"]\nseverity = \"critical\"\n",
    )
    .unwrap();
    rampart(db).arg(tree.path()).assert().code(1);
    std::fs::write(
        tree.path().join("rampart.toml"),
        "fail_on = \"critical\"\nscanners = [\"sast\"]\n[rules.\"py/sqli-dbapi-execute\"]\nenabled = false\n",
    )
    .unwrap();
    rampart(db).arg(tree.path()).assert().code(0);
}

#[test]
fn ignore_list_suppresses_until_it_expires() {
    let db = pypi_db();
    let tree = copy_tree();
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("r.json");
    std::fs::write(
        tree.path().join("rampart.toml"),
        "scanners = [\"secrets\"]\n[[ignore]]\nrule = \"secrets/*\"\npath = \"**\"\nreason = \"rotated\"\nexpires = \"2999-01-01\"\n",
    )
    .unwrap();
    rampart(db)
        .arg(tree.path())
        .args(["--format", "json", "--output"])
        .arg(&report)
        .assert()
        .code(0);
    let r = json_of(&report);
    assert!(active_rules(&r).is_empty());
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["suppression"]["kind"] == "config")
    );

    std::fs::write(
        tree.path().join("rampart.toml"),
        "scanners = [\"secrets\"]\n[[ignore]]\nrule = \"secrets/*\"\nreason = \"rotated\"\nexpires = \"2020-01-01\"\n",
    )
    .unwrap();
    rampart(db)
        .arg(tree.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("expired on 2020-01-01"));
}

#[test]
fn baseline_reports_only_new_findings() {
    let db = pypi_db();
    let tree = copy_tree();
    let base = tempfile::tempdir().unwrap();
    let baseline = base.path().join("baseline.json");
    rampart(db)
        .arg(tree.path())
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .code(1);
    // Nothing new: the gate passes even though the findings are still there.
    rampart(db)
        .arg(tree.path())
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(0);
    // Moving code keeps fingerprints: still nothing new.
    let app = tree.path().join("app.py");
    let moved = format!(
        "\n\n# moved down\n{}",
        std::fs::read_to_string(&app).unwrap()
    );
    std::fs::write(&app, moved).unwrap();
    rampart(db)
        .arg(tree.path())
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(0);
    // A new secret is new.
    std::fs::write(
        tree.path().join("new.env"),
        // rampart:ignore[secrets/github-pat-classic] the new fake token the baseline test adds
        "GH=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\n",
    )
    .unwrap();
    let report = base.path().join("r.json");
    rampart(db)
        .arg(tree.path())
        .arg("--baseline")
        .arg(&baseline)
        .args(["--format", "json", "--output"])
        .arg(&report)
        .assert()
        .code(1);
    assert_eq!(
        active_rules(&json_of(&report)),
        vec!["secrets/github-pat-classic".to_string()]
    );
}

#[test]
fn rules_and_explain_cover_every_scanner() {
    let out = Command::cargo_bin("rampart")
        .unwrap()
        .args(["rules", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    for scanner in ["secrets", "sast", "sca", "models"] {
        assert!(
            rules.iter().any(|r| r["scanner"] == scanner),
            "no {scanner} rules"
        );
    }
    assert!(rules.len() >= 200 + 80);
    Command::cargo_bin("rampart")
        .unwrap()
        .args(["explain", "secrets/github-pat-classic"])
        .assert()
        .success()
        .stdout(predicates::str::contains("CWE-798"))
        .stdout(predicates::str::contains("## How to fix"));
}
