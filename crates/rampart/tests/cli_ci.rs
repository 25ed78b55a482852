//! `rampart ci --stage ...`, end to end on real git repositories made here: diff-aware pull
//! requests (added, moved and unchanged findings), shallow clones without the base, the
//! pre-commit stage on staged content, missing stage inputs, and the deploy stage's SBOM.

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
        // No advisory database: dependency scanning says so and the rest runs.
        .env("RAMPART_DB", dir.join("no-db"))
        .current_dir(dir);
    c
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Std::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.invalid"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A GitHub classic token with a valid CRC32 tail, computed so none is committed.
fn token(body30: &str) -> String {
    const B62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut crc: u32 = !0;
    for &b in body30.as_bytes() {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut n = !crc;
    let mut tail = Vec::new();
    while n > 0 {
        tail.push(B62[(n % 62) as usize]);
        n /= 62;
    }
    while tail.len() < 6 {
        tail.push(b'0');
    }
    tail.reverse();
    format!("ghp_{body30}{}", String::from_utf8(tail).unwrap())
}

const CALC: &str = r#"@app.route("/calc")
def calc():
    # A calculator endpoint. The expression used to be fixed; the
    # feature branch reads it from the query string instead, which
    # turns the eval below into code injection although the eval
    # line itself does not change.
    expr = "1 + 1"
    return str(eval(expr))
"#;

const RUN: &str = r#"@app.route("/run")
def run():
    exec(request.args.get("code", ""))
    return "ok"
"#;

const PING: &str = r#"def ping():
    os.system("ping -c1 " + request.args.get("host"))
"#;

/// main: app.py (an exec flow), tools.py (a command injection) and lib.py (another one that
/// never changes). feature: the eval's source becomes request input (new, only its source line
/// changes), `run` moves above `calc` (moved), `ping` moves from tools.py into a new net.py
/// (moved between files), settings.py adds a token (new), lib.py stays (existing).
fn pr_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("repo");
    std::fs::create_dir(&d).unwrap();
    git(&d, &["init", "-q"]);
    let head = "from flask import Flask, request\n\napp = Flask(__name__)\n\n\n";
    write(&d, "app.py", &format!("{head}{CALC}\n\n{RUN}"));
    write(
        &d,
        "tools.py",
        &format!(
            "import os\n\nfrom flask import request\n\n\n{PING}\n\ndef pong():\n    return 1\n"
        ),
    );
    write(
        &d,
        "lib.py",
        "import os\n\nfrom flask import request\n\n\ndef handler():\n    os.system(\"echo \" + request.args.get(\"cmd\"))\n",
    );
    git(&d, &["add", "."]);
    git(&d, &["commit", "-qm", "base"]);
    git(&d, &["checkout", "-qb", "feature"]);
    write(
        &d,
        "app.py",
        &format!(
            "{head}{RUN}\n\n{}",
            CALC.replace(
                "expr = \"1 + 1\"",
                "expr = request.args.get(\"expr\", \"0\")"
            )
        ),
    );
    write(
        &d,
        "tools.py",
        "import os\n\nfrom flask import request\n\n\ndef pong():\n    return 1\n",
    );
    write(
        &d,
        "net.py",
        &format!("import os\n\nfrom flask import request\n\n\n{PING}"),
    );
    write(
        &d,
        "settings.py",
        &format!(
            "GITHUB_TOKEN = \"{}\"\n",
            token("R7kd2QmXv9LpZt4WbNc8HsYe3JfUa6")
        ),
    );
    git(&d, &["add", "."]);
    git(&d, &["commit", "-qm", "feature"]);
    dir
}

fn report(dir: &Path, name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
}

/// (rule, primary path, diff status) of every finding.
fn statuses(doc: &Value) -> Vec<(String, String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["locations"][0]["path"].as_str().unwrap_or("").to_string(),
                f["properties"]["diff"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn status_of<'a>(s: &'a [(String, String, String)], rule_part: &str, path: &str) -> &'a str {
    s.iter()
        .find(|(r, p, _)| r.contains(rule_part) && p == path)
        .map(|(_, _, st)| st.as_str())
        .unwrap_or_else(|| panic!("no {rule_part} finding in {path}: {s:?}"))
}

#[test]
fn pr_diff_mode_gates_only_new_findings() {
    let tmp = pr_repo();
    let d = tmp.path().join("repo");
    let out = rampart(&d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "main",
            "--no-progress",
        ])
        .args(["--format", "json", "--output"])
        .arg(tmp.path().join("pr.json"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("against main (merge base"), "{stderr}");
    let doc = report(tmp.path(), "pr.json");
    let s = statuses(&doc);
    // Added: the token, and the eval whose source (not sink) line changed.
    assert_eq!(status_of(&s, "github", "settings.py"), "new", "{s:?}");
    assert_eq!(
        status_of(&s, "code-injection-eval", "app.py"),
        "new",
        "{s:?}"
    );
    // Moved within a file and between files: not gating.
    assert_eq!(
        status_of(&s, "code-injection-exec", "app.py"),
        "moved",
        "{s:?}"
    );
    assert_eq!(status_of(&s, "cmdi-os-system", "net.py"), "moved", "{s:?}");
    // Unchanged file: existing.
    assert_eq!(
        status_of(&s, "cmdi-os-system", "lib.py"),
        "existing",
        "{s:?}"
    );
    // Every finding is classified.
    assert!(
        s.iter()
            .all(|(_, _, st)| ["new", "moved", "existing"].contains(&st.as_str())),
        "{s:?}"
    );
    // The SSDF section records the run with the commit and the diff base.
    let head = git(&d, &["rev-parse", "HEAD"]);
    let runs = doc["ssdf"]["runs"].as_array().unwrap();
    let sast = runs.iter().find(|r| r["scanner"] == "sast").unwrap();
    assert_eq!(sast["commit"], head.as_str());
    assert_eq!(sast["diff_base"], "main");
    assert_eq!(sast["status"], "failed");

    // The same tree without the diff gates the old findings too; the gate counts them.
    let full = rampart(&d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--full",
            "--no-progress",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let full: Value = serde_json::from_slice(&full.get_output().stdout).unwrap();
    assert!(
        full["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["properties"].get("diff").is_none())
    );
}

#[test]
fn pr_with_only_moved_code_passes() {
    let tmp = pr_repo();
    let d = tmp.path().join("repo");
    // A branch from main that only moves code: run() above calc(), ping() into net.py.
    git(&d, &["checkout", "-qb", "refactor", "main"]);
    let head = "from flask import Flask, request\n\napp = Flask(__name__)\n\n\n";
    write(&d, "app.py", &format!("{head}{RUN}\n\n{CALC}"));
    write(
        &d,
        "tools.py",
        "import os\n\nfrom flask import request\n\n\ndef pong():\n    return 1\n",
    );
    write(
        &d,
        "net.py",
        &format!("import os\n\nfrom flask import request\n\n\n{PING}"),
    );
    git(&d, &["add", "."]);
    git(&d, &["commit", "-qm", "refactor"]);
    let out = rampart(&d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "main",
            "--no-progress",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let s = statuses(&doc);
    assert!(
        s.iter().any(|(r, _, _)| r.contains("cmdi-os-system")),
        "{s:?}"
    );
    assert!(s.iter().all(|(_, _, st)| st != "new"), "{s:?}");
    // Uncommitted work counts as part of the change: a new flow in the working tree gates.
    write(
        &d,
        "wip.py",
        "import os\n\nfrom flask import request\n\n\ndef go():\n    os.system(\"x \" + request.args.get(\"y\"))\n",
    );
    rampart(&d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "main",
            "--no-progress",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
}

#[test]
fn shallow_clone_without_the_base_names_the_fetch_depth() {
    let tmp = pr_repo();
    let d = tmp.path().join("repo");
    // main moves on after the branch point, so its tip is not the merge base.
    git(&d, &["checkout", "-q", "main"]);
    write(&d, "later.py", "x = 1\n");
    git(&d, &["add", "."]);
    git(&d, &["commit", "-qm", "later"]);
    let url = format!("file://{}", d.display());
    // Single branch, depth 1: origin/main is not there at all.
    git(
        tmp.path(),
        &[
            "clone", "-q", "--depth", "1", "--branch", "feature", &url, "one",
        ],
    );
    let out = rampart(&tmp.path().join("one"))
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "origin/main",
            "--no-progress",
        ])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("shallow clone") && err.contains("depth 0"),
        "{err}"
    );
    assert!(
        err.contains("fetch-depth: 0") && err.contains("GIT_DEPTH: 0"),
        "{err}"
    );
    // Both tips, depth 1: the base is there but the merge base is not.
    git(
        tmp.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            "--branch",
            "feature",
            &url,
            "two",
        ],
    );
    let out = rampart(&tmp.path().join("two"))
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "origin/main",
            "--no-progress",
        ])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("does not reach the merge base") && err.contains("depth 0"),
        "{err}"
    );
    // With the full history the same command works.
    git(&tmp.path().join("two"), &["fetch", "-q", "--unshallow"]);
    rampart(&tmp.path().join("two"))
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "origin/main",
            "--no-progress",
        ])
        .assert()
        .code(1);
    // A base that does not exist anywhere is named.
    let out = rampart(&d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "nosuchbranch",
            "--no-progress",
        ])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("unknown diff base `nosuchbranch`"), "{err}");
}

#[test]
fn pre_commit_scans_the_staged_version() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    git(d, &["init", "-q"]);
    write(d, "README.md", "hello\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "init"]);
    // Staged: a command injection and a token. The working tree already fixed the injection,
    // but the commit would contain the staged version, so that is what counts.
    write(
        d,
        "svc.py",
        "import os\n\nfrom flask import request\n\n\ndef go():\n    os.system(\"x \" + request.args.get(\"y\"))\n",
    );
    write(
        d,
        "conf.py",
        &format!("TOKEN = \"{}\"\n", token("Zq3Wm8Kt2Rv6Xy9Lp4Bn7Hd5Fs1Gc0")),
    );
    git(d, &["add", "."]);
    write(d, "svc.py", "def go():\n    return 1\n");
    let out = rampart(d)
        .args([
            "ci",
            "--stage",
            "pre-commit",
            "--no-progress",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let s = statuses(&doc);
    assert!(
        s.iter()
            .any(|(r, p, _)| r.contains("cmdi-os-system") && p == "svc.py"),
        "{s:?}"
    );
    assert!(s.iter().any(|(r, _, _)| r.starts_with("secrets/")), "{s:?}");
    let scanners: Vec<&str> = doc["ssdf"]["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["scanner"].as_str().unwrap())
        .collect();
    assert_eq!(scanners, ["secrets", "sast"]);
    assert!(!String::from_utf8_lossy(&out.get_output().stdout).contains("Zq3Wm8Kt2Rv6Xy9Lp4Bn7"));
    // Unstaged, nothing is left to block.
    git(d, &["reset", "-q"]);
    rampart(d)
        .args(["ci", "--stage", "pre-commit", "--no-progress"])
        .assert()
        .code(0);
}

#[test]
fn stages_say_what_they_are_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = rampart(d).args(["ci", "--stage", "build"]).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("--image REF") && err.contains("[stages.build]"),
        "{err}"
    );
    let out = rampart(d)
        .args(["ci", "--stage", "staging"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("--url"), "{err}");
    let out = rampart(d)
        .args(["ci", "--stage", "deploy"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("--image"));
    // A typo in a stage table is named.
    write(d, "rampart.toml", "[stages.pr]\nscaners = [\"sast\"]\n");
    let out = rampart(d).args(["ci", "--stage", "pr"]).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("scaners") && err.contains("[stages.pr]"),
        "{err}"
    );
}

#[test]
fn deploy_stage_from_config_writes_the_sbom_and_gates_iac() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "rampart.toml",
        "[stages.deploy]\nscanners = [\"iac\", \"sbom\"]\nfail_on = \"medium\"\nsbom = \"out/sbom.json\"\n",
    );
    std::fs::create_dir_all(d.join("out")).unwrap();
    write(d, "requirements.txt", "flask==3.0.0\nrequests==2.31.0\n");
    write(
        d,
        "k8s/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      securityContext:\n        privileged: true\n",
    );
    let out = rampart(d)
        .args([
            "ci",
            "--stage",
            "deploy",
            "--no-progress",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["scanner"] == "iac" && f["locations"][0]["path"] == "k8s/pod.yaml"),
        "{doc}"
    );
    let sbom: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("out/sbom.json")).unwrap()).unwrap();
    assert_eq!(sbom["bomFormat"], "CycloneDX");
    let names: Vec<&str> = sbom["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"flask") && names.contains(&"requests"),
        "{names:?}"
    );
    let runs: Vec<&str> = doc["ssdf"]["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["scanner"].as_str().unwrap())
        .collect();
    assert_eq!(runs, ["iac", "sbom"]);
}

#[test]
fn build_stage_scans_the_image() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/image/app-oci.tar");
    let tmp = tempfile::tempdir().unwrap();
    let out = rampart(tmp.path())
        .args([
            "ci",
            "--stage",
            "build",
            "--no-progress",
            "--fail-on",
            "none",
            "--format",
            "json",
            "--image",
        ])
        .arg(&fixture)
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(!doc["findings"].as_array().unwrap().is_empty());
    let runs = doc["ssdf"]["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["scanner"], "image");
    assert!(runs[0]["findings"].as_u64().unwrap() > 0);
}

#[test]
fn github_actions_annotations_cover_new_findings_only() {
    let tmp = pr_repo();
    let d = tmp.path().join("repo");
    let out = rampart(&d)
        .env("GITHUB_ACTIONS", "true")
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "main",
            "--no-progress",
        ])
        .args(["--format", "sarif", "--output"])
        .arg(tmp.path().join("pr.sarif"))
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.iter().any(
            |l| l.starts_with("::error file=app.py,line=") && l.contains("code-injection-eval")
        ),
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=settings.py,line=1")),
        "{stdout}"
    );
    // Existing and moved findings are not annotated; the secret is not printed.
    assert!(
        !stdout.contains("lib.py") && !stdout.contains("net.py"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("R7kd2QmXv9LpZt4WbNc8HsYe3JfUa6"),
        "{stdout}"
    );
    // SARIF says which results are new.
    let sarif = report(tmp.path(), "pr.sarif");
    let states: Vec<(&str, &str)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or(""),
                r["baselineState"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(states.contains(&("lib.py", "unchanged")), "{states:?}");
    assert!(states.contains(&("settings.py", "new")), "{states:?}");
    // `rampart scan` annotates too (every finding: it has no diff), on stderr when standard
    // output is a JSON report.
    let out = rampart(&d)
        .env("GITHUB_ACTIONS", "true")
        .args(["scan", ".", "--no-progress", "--format", "json"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("::error file=lib.py,line="), "{stderr}");
    let _: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    // Outside Actions nothing of the sort is printed.
    let out = rampart(&d)
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "main",
            "--no-progress",
        ])
        .args(["--format", "sarif", "--output"])
        .arg(tmp.path().join("pr2.sarif"))
        .assert()
        .code(1);
    assert!(!String::from_utf8_lossy(&out.get_output().stdout).contains("::error"));
}

/// A plain HTTP server on 127.0.0.1 answering every request with the same small page and no
/// security headers; runs until the test process ends.
fn serve_page() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match s.read(&mut chunk) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                    if buf.len() > 65536 {
                        return;
                    }
                }
                let body = "<html><head><title>shop</title></head><body><h1>Shop</h1><a href=\"/about\">about</a></body></html>";
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    format!("http://{addr}/")
}

#[test]
fn staging_stage_runs_dast_against_the_url() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "rampart.toml",
        "[stages.staging]\ntime_budget = \"90s\"\nfail_on = \"none\"\n",
    );
    let url = serve_page();
    let out = rampart(d)
        .args([
            "ci",
            "--stage",
            "staging",
            "--no-progress",
            "--format",
            "json",
            "--url",
            &url,
        ])
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["scanner"] == "dast"), "{doc}");
    assert!(
        findings.iter().all(|f| f["locations"][0]["kind"] == "url"),
        "{doc}"
    );
    let runs = doc["ssdf"]["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["scanner"], "dast");
    assert_eq!(runs[0]["target"], url.as_str());
    assert_eq!(runs[0]["status"], "passed");
    let pw82 = doc["ssdf"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "PW.8.2")
        .unwrap();
    assert_eq!(pw82["status"], "evidenced");
}

/// The shared OSV PyPI data beside the repository, imported once into an advisory database.
fn pypi_db() -> &'static Path {
    static DB: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let zip = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/osv/PyPI/all.zip");
        assert!(
            zip.exists(),
            "{} is missing: the shared data must sit beside the repository",
            zip.display()
        );
        let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-ci-pypi-db");
        let _ = std::fs::remove_dir_all(&db);
        Command::cargo_bin("rampart")
            .unwrap()
            .args(["db", "import"])
            .arg(&zip)
            .arg("--db")
            .arg(&db)
            .assert()
            .success();
        db
    })
}

#[test]
fn pr_gates_dependencies_the_change_adds_or_upgrades() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    git(d, &["init", "-q"]);
    write(d, "requirements.txt", "jinja2==2.10\nurllib3==1.24.1\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "base"]);
    git(d, &["checkout", "-qb", "deps"]);
    // jinja2 untouched, urllib3 upgraded (to a release that still has advisories), requests added.
    write(
        d,
        "requirements.txt",
        "jinja2==2.10\nurllib3==1.24.2\nrequests==2.19.0\n",
    );
    git(d, &["commit", "-qam", "deps"]);
    let out = rampart(d)
        .env("RAMPART_DB", pypi_db())
        .args([
            "ci",
            "--stage",
            "pr",
            "--diff-base",
            "main",
            "--no-progress",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let mut by_pkg: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for f in doc["findings"].as_array().unwrap() {
        if f["scanner"] == "sca" && f["locations"][0]["kind"] == "package" {
            by_pkg
                .entry(f["locations"][0]["name"].as_str().unwrap().to_string())
                .or_default()
                .push(f["properties"]["diff"].as_str().unwrap().to_string());
        }
    }
    for pkg in ["jinja2", "urllib3", "requests"] {
        assert!(
            by_pkg.get(pkg).is_some_and(|v| !v.is_empty()),
            "no findings for {pkg}: {by_pkg:?}"
        );
    }
    assert!(
        by_pkg["jinja2"].iter().all(|s| s == "existing"),
        "{by_pkg:?}"
    );
    assert!(by_pkg["urllib3"].iter().all(|s| s == "new"), "{by_pkg:?}");
    assert!(by_pkg["requests"].iter().all(|s| s == "new"), "{by_pkg:?}");
}
