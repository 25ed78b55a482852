//! Git history and staged scanning on real repositories built with the git CLI (setup only; the
//! scanner itself reads them with gix).

use std::path::Path;
use std::process::Command;

use rampart_core::{Location, ScanOutput};
use rampart_secrets::validators::github_token_with_checksum;
use rampart_secrets::{
    GitScanOptions, SecretsConfig, SecretsScanner, scan_git_history, scan_staged,
};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Alice Example")
        .env("GIT_AUTHOR_EMAIL", "alice@example.invalid")
        .env("GIT_COMMITTER_NAME", "Alice Example")
        .env("GIT_COMMITTER_EMAIL", "alice@example.invalid")
        .env("GIT_AUTHOR_DATE", "2024-03-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2024-03-01T12:00:00Z")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn commit_all(dir: &Path, msg: &str) -> String {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", msg]);
    git(dir, &["rev-parse", "HEAD"])
}

fn init(dir: &Path) {
    git(dir, &["init", "-q", "-b", "main"]);
}

fn token(seed: &str) -> String {
    // 30 characters of body, then the CRC32 tail.
    let body: String = format!("{seed}Xv9LpZt4WbNc8HsYe3JfUa6Qm2")
        .chars()
        .take(30)
        .collect();
    github_token_with_checksum("ghp_", &body)
}

fn scanner() -> SecretsScanner {
    SecretsScanner::new(SecretsConfig::default()).expect("scanner")
}

fn gh(out: &ScanOutput) -> Vec<&rampart_core::Finding> {
    out.findings
        .iter()
        .filter(|f| f.rule_id == "secrets/github-pat-classic")
        .collect()
}

#[test]
fn removed_secret_is_found_and_attributed_to_the_commit_that_added_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir);
    std::fs::write(dir.join("README.md"), "# demo\n").unwrap();
    commit_all(dir, "first");
    let tok = token("R7kd2Qm");
    std::fs::create_dir(dir.join("app")).unwrap();
    std::fs::write(
        dir.join("app/config.py"),
        format!("DEBUG = True\nGITHUB_TOKEN = '{tok}'\n"),
    )
    .unwrap();
    let c2 = commit_all(dir, "add config");
    std::fs::write(
        dir.join("app/config.py"),
        "DEBUG = True\nGITHUB_TOKEN = os.environ['GH']\n",
    )
    .unwrap();
    commit_all(dir, "remove token");

    let out = scan_git_history(&scanner(), dir, &GitScanOptions::default()).unwrap();
    let f = gh(&out);
    assert_eq!(f.len(), 1, "{:?}", out.findings);
    let Location::Git {
        commit,
        path,
        region,
        author,
        date,
    } = &f[0].locations[0]
    else {
        panic!("{:?}", f[0].locations)
    };
    assert_eq!(commit, &c2);
    assert_eq!(path, "app/config.py");
    assert_eq!(region.map(|r| r.start_line), Some(2));
    assert_eq!(
        author.as_deref(),
        Some("Alice Example <alice@example.invalid>")
    );
    assert_eq!(date.as_deref(), Some("2024-03-01T12:00:00Z"));
    assert_eq!(
        f[0].properties.get("commit").and_then(|v| v.as_str()),
        Some(c2.as_str())
    );
}

#[test]
fn one_secret_in_many_blobs_is_one_finding_attributed_to_its_first_commit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir);
    let tok = token("A1b2C3d");
    std::fs::write(dir.join("a.env"), format!("T={tok}\n")).unwrap();
    let c1 = commit_all(dir, "one");
    // The same secret survives edits of its file (new blobs) and is copied to another file.
    std::fs::write(dir.join("a.env"), format!("X=1\nT={tok}\n")).unwrap();
    commit_all(dir, "two");
    std::fs::write(dir.join("b.env"), format!("COPY={tok}\n")).unwrap();
    let c3 = commit_all(dir, "three");

    let out = scan_git_history(&scanner(), dir, &GitScanOptions::default()).unwrap();
    let f = gh(&out);
    assert_eq!(f.len(), 1, "{:?}", out.findings);
    assert!(f[0].suppression.is_none());
    let locs: Vec<(String, String)> = f[0]
        .locations
        .iter()
        .map(|l| match l {
            Location::Git { commit, path, .. } => (commit.clone(), path.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        locs,
        vec![(c1, "a.env".to_string()), (c3, "b.env".to_string())]
    );
}

#[test]
fn since_commit_and_branch_limit_the_history() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir);
    let old = token("Old1234");
    let new = token("New5678");
    let side = token("Side999");
    std::fs::write(dir.join("old.txt"), format!("t={old}\n")).unwrap();
    let c1 = commit_all(dir, "old secret");
    std::fs::write(dir.join("new.txt"), format!("t={new}\n")).unwrap();
    commit_all(dir, "new secret");
    git(dir, &["checkout", "-q", "-b", "feature"]);
    std::fs::write(dir.join("side.txt"), format!("t={side}\n")).unwrap();
    commit_all(dir, "side secret");
    git(dir, &["checkout", "-q", "main"]);

    let secrets = |out: &ScanOutput| {
        let mut v: Vec<String> = gh(out)
            .iter()
            .map(|f| f.locations[0].path().unwrap_or("").to_string())
            .collect();
        v.sort();
        v
    };
    let all = scan_git_history(&scanner(), dir, &GitScanOptions::default()).unwrap();
    assert_eq!(secrets(&all), vec!["new.txt", "old.txt", "side.txt"]);

    let since = GitScanOptions {
        since_commit: Some(c1.clone()),
        branch: None,
    };
    let out = scan_git_history(&scanner(), dir, &since).unwrap();
    assert_eq!(secrets(&out), vec!["new.txt", "side.txt"]);

    let main_only = GitScanOptions {
        since_commit: None,
        branch: Some("main".into()),
    };
    let out = scan_git_history(&scanner(), dir, &main_only).unwrap();
    assert_eq!(secrets(&out), vec!["new.txt", "old.txt"]);

    let bad = GitScanOptions {
        since_commit: Some("no-such-rev".into()),
        branch: None,
    };
    assert!(scan_git_history(&scanner(), dir, &bad).is_err());
}

#[test]
fn staged_mode_reports_only_what_the_index_adds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir);
    let committed = token("Commit1");
    std::fs::write(
        dir.join("settings.ini"),
        format!("[gh]\ntoken={committed}\n"),
    )
    .unwrap();
    commit_all(dir, "existing secret");

    let staged = token("Staged2");
    let unstaged = token("Unstag3");
    // A modified file keeps the committed secret and gains nothing; a new file adds one.
    std::fs::write(
        dir.join("settings.ini"),
        format!("[gh]\ntoken={committed}\nretries=3\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("deploy.sh"),
        format!("#!/bin/sh\nexport GH_TOKEN={staged}\n"),
    )
    .unwrap();
    git(dir, &["add", "settings.ini", "deploy.sh"]);
    // Staged but marked as a known test value: reported as suppressed.
    std::fs::write(
        dir.join("fixture.py"),
        format!("T = '{}'  # gitleaks:allow\n", token("Suppr44")),
    )
    .unwrap();
    git(dir, &["add", "fixture.py"]);
    // Only in the worktree, never staged.
    std::fs::write(dir.join("scratch.txt"), format!("{unstaged}\n")).unwrap();

    let out = scan_staged(&scanner(), dir).unwrap();
    let suppressed: Vec<_> = gh(&out)
        .into_iter()
        .filter(|f| f.suppression.is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0].locations[0].path(), Some("fixture.py"));
    let f: Vec<_> = gh(&out)
        .into_iter()
        .filter(|f| f.suppression.is_none())
        .collect();
    assert_eq!(f.len(), 1, "{:?}", out.findings);
    let Location::File { path, region } = &f[0].locations[0] else {
        panic!()
    };
    assert_eq!(path, "deploy.sh");
    assert_eq!(region.map(|r| r.start_line), Some(2));

    // The staged secret is not in HEAD: history (HEAD only) does not have it.
    let hist = scan_git_history(&scanner(), dir, &GitScanOptions::default()).unwrap();
    assert!(
        gh(&hist)
            .iter()
            .all(|f| f.locations[0].path() != Some("deploy.sh"))
    );
}

#[test]
fn inline_suppressions_apply_to_history() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir);
    let tok = token("Allow12");
    std::fs::write(dir.join("t.py"), format!("T = '{tok}'  # gitleaks:allow\n")).unwrap();
    commit_all(dir, "allowed test value");
    let out = scan_git_history(&scanner(), dir, &GitScanOptions::default()).unwrap();
    let f = gh(&out);
    assert_eq!(f.len(), 1);
    assert!(f[0].suppression.is_some(), "{:?}", f[0]);
    assert!(matches!(f[0].locations[0], Location::Git { .. }));
}

#[test]
fn not_a_repository_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(scan_git_history(&scanner(), tmp.path(), &GitScanOptions::default()).is_err());
}
