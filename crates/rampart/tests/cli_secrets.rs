//! `rampart secrets`, end to end: a directory, redaction and `--show-secrets`, full git history,
//! staged changes, and secrets in `rampart scan`.

use std::path::Path;
use std::process::Command as Std;

use assert_cmd::Command;

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1");
    c
}

/// A GitHub classic token with a valid CRC32 tail (computed here so no live-looking token is
/// committed).
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

fn git(dir: &Path, args: &[&str]) {
    let ok = Std::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn directory_scan_redacts_unless_show_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let tok = token("R7kd2QmXv9LpZt4WbNc8HsYe3JfUa6");
    std::fs::write(dir.path().join(".env"), format!("GITHUB_TOKEN={tok}\n")).unwrap();
    let out = rampart()
        .args(["secrets", "-f", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("secrets/github-pat-classic"), "{text}");
    assert!(!text.contains(&tok), "secret printed in full: {text}");
    let shown = rampart()
        .args(["secrets", "-f", "json", "--show-secrets"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&shown.stdout).contains(&tok));
    // The same secrets scanner runs in `rampart scan`.
    let all = rampart()
        .args(["scan", "--scanners", "secrets", "-f", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&all.stdout).contains("secrets/github-pat-classic"));
}

#[test]
fn git_history_and_staged_modes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let old = token("A7kd2QmXv9LpZt4WbNc8HsYe3JfUa6");
    std::fs::write(d.join("app.cfg"), format!("token = {old}\n")).unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "add"]);
    std::fs::write(d.join("app.cfg"), "token = from-vault\n").unwrap();
    git(d, &["commit", "-q", "-am", "remove"]);

    // The working tree is clean; only history has it.
    rampart()
        .args(["secrets", "--fail-on", "none"])
        .arg(d)
        .assert()
        .success();
    let out = rampart()
        .args(["secrets", "--git", "-f", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("\"kind\": \"git\"") && text.contains("app.cfg"),
        "{text}"
    );

    let staged = token("S7kd2QmXv9LpZt4WbNc8HsYe3JfUa6");
    std::fs::write(d.join("new.sh"), format!("export GH={staged}\n")).unwrap();
    git(d, &["add", "new.sh"]);
    let out = rampart()
        .args(["secrets", "--staged", "-f", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("new.sh") && !text.contains("app.cfg"),
        "{text}"
    );
    // Only the one staged blob that differs from HEAD is scanned, and the stats say so.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["stats"]["files_scanned"], 1, "{text}");
    assert_eq!(
        report["stats"]["bytes_scanned"],
        format!("export GH={staged}\n").len(),
        "{text}"
    );
}
