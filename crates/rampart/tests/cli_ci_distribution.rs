//! The files that install and run rampart in CI, checked by rampart itself: the Dockerfile of
//! rampart's image and the release workflow scan clean with rampart's own IaC rules, and the
//! files `rampart init` writes install rampart from its releases and scan clean. The image itself
//! is not built here: its base image comes from Docker Hub, which the CI machine cannot reach
//! (only the package registries), so the Dockerfile is checked by rampart's IaC rules instead.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1").env_remove("GITHUB_ACTIONS");
    c
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn iac_findings(path: &Path) -> Vec<Value> {
    let out = rampart()
        .arg("iac")
        .arg(path)
        .args(["--fail-on", "info", "--no-progress", "--format", "json"])
        .assert()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    doc["findings"].as_array().unwrap().clone()
}

#[test]
fn dockerfile_scans_clean_with_rampart_iac_rules() {
    let dockerfile = root().join("Dockerfile");
    let text = std::fs::read_to_string(&dockerfile).unwrap();
    // Multi-stage, static binary on an empty base.
    assert!(text.matches("\nFROM ").count() + usize::from(text.starts_with("FROM ")) >= 2);
    assert!(text.contains("FROM scratch"));
    let findings = iac_findings(&dockerfile);
    assert!(findings.is_empty(), "{findings:#?}");
    // The check can fail: the same file with the digest and USER removed does.
    let tmp = tempfile::tempdir().unwrap();
    let worse = text
        .replace(
            "@sha256:606fd313a0f49743ee2a7bd49a0914bab7deedb12791f3a846a34a4711db7ed2",
            "",
        )
        .replace("USER 65532:65532\n", "");
    std::fs::write(tmp.path().join("Dockerfile"), worse).unwrap();
    let findings = iac_findings(&tmp.path().join("Dockerfile"));
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert!(rules.iter().any(|r| r.contains("digest")), "{rules:?}");
    assert!(rules.iter().any(|r| r.contains("user")), "{rules:?}");
}

#[test]
fn release_workflow_scans_clean_and_builds_static_musl_binaries() {
    let wf = root().join(".github/workflows/release.yml");
    let text = std::fs::read_to_string(&wf).unwrap();
    for t in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "sha256sum",
        "SHA256SUMS",
    ] {
        assert!(text.contains(t), "release.yml lacks {t}");
    }
    // Scanned where workflows live, so the GitHub Actions policies apply to it.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(".github/workflows");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("release.yml"), &text).unwrap();
    let findings = iac_findings(tmp.path());
    assert!(findings.is_empty(), "{findings:#?}");
    // The same check flags a checkout pinned by tag, so it did look at the workflow.
    let tagged = text.replace(
        "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
        "actions/checkout@v4",
    );
    std::fs::write(dir.join("release.yml"), tagged).unwrap();
    let findings = iac_findings(tmp.path());
    assert!(
        findings
            .iter()
            .any(|f| f["rule_id"] == "iac/gha-first-party-action-tag"),
        "{findings:#?}"
    );
}

#[test]
fn action_installs_from_releases_or_source_and_uploads_sarif() {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    assert!(text.contains("\nruns:\n  using: composite\n"), "{text}");
    for needle in [
        "gh release download",
        "sha256sum --check",
        "cargo build --release --locked -p rampart",
        "github/codeql-action/upload-sarif@",
        "rampart ci --stage",
    ] {
        assert!(text.contains(needle), "action.yml lacks {needle}");
    }
    assert!(
        !text.contains("cargo install"),
        "action.yml must not install a registry crate"
    );
}

#[test]
fn init_writes_ci_files_that_use_our_releases_and_scan_clean() {
    let tmp = tempfile::tempdir().unwrap();
    rampart()
        .arg("init")
        .arg(tmp.path())
        .args(["--repo", "acme/rampart", "--release", "v9.8.7"])
        .assert()
        .success();
    let gh = std::fs::read_to_string(tmp.path().join(".github/workflows/rampart.yml")).unwrap();
    let gl = std::fs::read_to_string(tmp.path().join("rampart.gitlab-ci.yml")).unwrap();
    let pc = std::fs::read_to_string(tmp.path().join(".pre-commit-config.yaml")).unwrap();
    for text in [&gh, &gl, &pc] {
        assert!(!text.contains("cargo install"), "{text}");
        assert!(
            !text.contains("{{REPO}}") && !text.contains("{{VERSION}}"),
            "unfilled template: {text}"
        );
    }
    assert!(
        gh.contains("gh release download") && gh.contains("--repo \"$RAMPART_REPO\""),
        "{gh}"
    );
    assert!(
        gh.contains("RAMPART_REPO: \"acme/rampart\"") && gh.contains("RAMPART_VERSION: \"v9.8.7\""),
        "{gh}"
    );
    assert!(
        gh.contains("sha256sum --check") && gh.contains("upload-sarif@"),
        "{gh}"
    );
    assert!(gh.contains("rampart ci --stage pr"), "{gh}");
    assert!(gh.contains("fetch-depth: 0"), "{gh}");
    assert!(
        gl.contains("RAMPART_REPO: \"acme/rampart\"") && gl.contains("sha256sum -c"),
        "{gl}"
    );
    for report in ["sast:", "dependency_scanning:", "secret_detection:"] {
        assert!(gl.contains(report), "{gl}");
    }
    assert!(
        pc.contains("https://github.com/acme/rampart") && pc.contains("rev: v9.8.7"),
        "{pc}"
    );
    // The written workflows pass rampart's own CI rules, and the written config is valid.
    let findings = iac_findings(tmp.path());
    assert!(findings.is_empty(), "{findings:#?}");
    // Without a GitHub repository to install from, init says what it needs.
    let out = rampart()
        .arg("init")
        .arg(tmp.path().join("other"))
        .env_remove("RAMPART_REPO")
        .assert()
        .get_output()
        .clone();
    if !out.status.success() {
        assert!(String::from_utf8_lossy(&out.stderr).contains("--repo OWNER/NAME"));
    }
}
