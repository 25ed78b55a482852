//! `rampart sbom`, end to end: the inventory of a tree as CycloneDX or SPDX, with malformed
//! lockfiles reported (file and line) while the rest still makes it in.

use assert_cmd::Command;
use predicates::prelude::*;

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1");
    c
}

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../rampart-sca/tests/fixtures/inventory"
);

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        let dest = dir.path().join(to);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(format!("{FIXTURES}/{from}"), dest).unwrap();
    };
    copy("cargo/Cargo.lock", "rust/Cargo.lock");
    copy("cargo/Cargo.toml", "rust/Cargo.toml");
    copy("uv/uv.lock", "py/uv.lock");
    copy("gomod/go.mod", "go/go.mod");
    std::fs::create_dir_all(dir.path().join("web")).unwrap();
    std::fs::write(
        dir.path().join("web/package-lock.json"),
        "{\n  \"packages\": {\n    \"\": [\n}\n",
    )
    .unwrap();
    dir
}

#[test]
fn cyclonedx_of_a_tree_with_a_broken_lockfile() {
    let dir = project();
    let out = rampart()
        .args(["sbom"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "web/package-lock.json:4: invalid JSON",
        ))
        .get_output()
        .stdout
        .clone();
    let bom: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(bom["bomFormat"], "CycloneDX");
    assert_eq!(bom["specVersion"], "1.6");
    let purls: Vec<&str> = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["purl"].as_str().unwrap())
        .collect();
    assert!(purls.contains(&"pkg:cargo/smallvec@1.6.0"));
    assert!(purls.contains(&"pkg:pypi/jinja2@2.10"));
    assert!(purls.contains(&"pkg:golang/golang.org/x/text@v0.3.0"));
    let smallvec = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "smallvec")
        .unwrap();
    assert_eq!(
        smallvec["evidence"]["occurrences"][0]["location"],
        "rust/Cargo.lock"
    );
}

#[test]
fn spdx_to_a_file() {
    let dir = project();
    let out = dir.path().join("sbom.spdx.json");
    rampart()
        .args(["sbom", "--format", "spdx", "--output"])
        .arg(&out)
        .arg(dir.path().join("py"))
        .assert()
        .success();
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["spdxVersion"], "SPDX-2.3");
    assert_eq!(doc["name"], "py");
    // The root package plus the nine locked packages.
    assert_eq!(doc["packages"].as_array().unwrap().len(), 10);
}

#[test]
fn a_single_lockfile_and_a_missing_path() {
    let dir = project();
    let out = rampart()
        .args(["sbom"])
        .arg(dir.path().join("go/go.mod"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let bom: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(bom["components"].as_array().unwrap().len(), 4);
    rampart()
        .args(["sbom"])
        .arg(dir.path().join("nope"))
        .assert()
        .code(2);
}
