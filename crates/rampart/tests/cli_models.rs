//! `rampart models` and the models scanner inside `rampart scan`, end to end.

use assert_cmd::Command;
use predicates::prelude::*;

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1");
    c
}

const PAYLOAD: &[u8] = b"\x80\x02cposix\nsystem\n(X\x11\x00\x00\x00echo rampart-testtR.";

#[test]
fn models_command_reports_resolved_call_and_fails_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("model.bin"), PAYLOAD).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "just text\n").unwrap();
    let out = rampart()
        .args(["models", "--no-progress", "-f", "json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule_id"], "models/pickle-code-execution");
    assert_eq!(
        f["properties"]["resolved_call"],
        "posix.system(\"echo rampart-test\")"
    );
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn allowlist_from_config_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("model.pkl"),
        b"\x80\x02csklearn.linear_model\nLinearRegression\n)\x81.",
    )
    .unwrap();
    rampart()
        .args(["models", "--no-progress", "--fail-on", "low"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("models/pickle-unreviewed-call"));
    rampart()
        .args([
            "models",
            "--no-progress",
            "--fail-on",
            "low",
            "--allow-global",
            "sklearn.*",
        ])
        .arg(dir.path())
        .assert()
        .code(0);
    std::fs::write(
        dir.path().join("rampart.toml"),
        "[scanner.models]\nallow_globals = [\"sklearn.linear_model.LinearRegression\"]\n",
    )
    .unwrap();
    rampart()
        .args([
            "scan",
            "--scanners",
            "models",
            "--no-progress",
            "--fail-on",
            "low",
        ])
        .arg(dir.path())
        .assert()
        .code(0);
}
