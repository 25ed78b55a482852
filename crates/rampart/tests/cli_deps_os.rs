//! `rampart deps` on root filesystems: the OS package databases and os-release of a real
//! debootstrap Debian 12 root (and the Ubuntu fixture) found and matched through the binary,
//! with the advisory database imported from the shared OSV data by `rampart db import`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn shared_osv() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv"))
}

fn os_fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rampart-sca/tests/fixtures/os"
    ))
    .join(name)
}

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env_remove("RAMPART_DB");
    c
}

fn import(db: &Path, eco: &str) {
    let out = rampart()
        .args(["db", "import"])
        .arg(shared_osv().join(eco).join("all.zip"))
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn deps(db: &Path, root: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = rampart()
        .arg("deps")
        .arg(root)
        .arg("--db")
        .arg(db)
        .args(["--format", "json", "--fail-on", "high"])
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), json)
}

fn ids(json: &serde_json::Value) -> Vec<(String, String)> {
    let mut v: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["properties"]["vulnerability_id"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                f["properties"]["fixed_version"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn deps_on_a_debootstrap_root_matches_source_packages() {
    let db = tempfile::tempdir().unwrap();
    import(db.path(), "Debian");
    let (code, json) = deps(db.path(), &os_fixture("debian-bookworm"), &[]);
    let found = ids(&json);
    assert_eq!(found.len(), 19, "{found:#?}");
    assert!(found.contains(&(
        "DEBIAN-CVE-2024-22365".to_string(),
        "1.5.2-6+deb12u3".to_string()
    )));
    let pam = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["vulnerability_id"] == "DEBIAN-CVE-2024-22365")
        .unwrap();
    let loc = &pam["locations"][0];
    assert_eq!(loc["manifest"], "var/lib/dpkg/status", "{loc}");
    assert_eq!(loc["ecosystem"], "Debian:12", "{loc}");
    assert_eq!(loc["name"], "pam", "{loc}");
    // The exit code follows the gate like every other scan.
    let gate = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| matches!(f["severity"].as_str(), Some("high" | "critical")));
    assert_eq!(code, Some(if gate { 1 } else { 0 }));
}

#[test]
fn ignore_unfixed_hides_what_no_upgrade_fixes() {
    let db = tempfile::tempdir().unwrap();
    import(db.path(), "Ubuntu");
    let root = os_fixture("ubuntu-jammy");
    let (_, all) = deps(db.path(), &root, &[]);
    let (_, fixed) = deps(db.path(), &root, &["--ignore-unfixed"]);
    let all = ids(&all);
    assert_eq!(all.len(), 4, "{all:#?}");
    assert_eq!(
        all.iter().filter(|(_, f)| f == "not fixed").count(),
        2,
        "{all:#?}"
    );
    assert_eq!(
        ids(&fixed),
        vec![
            (
                "UBUNTU-CVE-2025-0167".to_string(),
                "7.81.0-1ubuntu1.23".to_string()
            ),
            ("USN-8062-1".to_string(), "7.81.0-1ubuntu1.22".to_string()),
        ]
    );
    // The same switch from rampart.toml.
    let proj = tempfile::tempdir().unwrap();
    for rel in ["etc/os-release", "var/lib/dpkg/status"] {
        let to = proj.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(rel), to).unwrap();
    }
    std::fs::write(
        proj.path().join("rampart.toml"),
        "[scanner.sca]\nignore_unfixed = true\n",
    )
    .unwrap();
    let (_, from_config) = deps(db.path(), proj.path(), &[]);
    assert_eq!(ids(&from_config), ids(&fixed));
}
