//! The hooks of `.pre-commit-hooks.yaml`, run by the real `pre-commit` tool (pip install
//! pre-commit): a commit that stages a token is refused by the `rampart-pre-commit` hook, a
//! clean commit goes through. Without pre-commit the test skips, except in CI (`CI` or
//! `RAMPART_REQUIRE_PRECOMMIT` set), where that is a failure.

use std::path::Path;
use std::process::{Command, Output};

fn pre_commit_available() -> bool {
    let found = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var_os("CI").is_some()
            || std::env::var_os("RAMPART_REQUIRE_PRECOMMIT").is_some()
        {
            panic!("pre-commit is not installed (pip install pre-commit); CI requires it");
        }
        eprintln!(
            "skipping the pre-commit test: pre-commit is not installed (pip install pre-commit); \
             with CI or RAMPART_REQUIRE_PRECOMMIT set this is a failure"
        );
    }
    found
}

/// Runs `program` in `dir` with rampart's build directory first on PATH and every git and
/// pre-commit setting kept inside the test's directory.
fn run(dir: &Path, home: &Path, program: &str, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("rampart");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("PRE_COMMIT_HOME", home.join("pre-commit-cache"))
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .unwrap()
}

fn ok(o: &Output, what: &str) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "{what}: {text}");
    text
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

#[test]
fn pre_commit_runs_the_hooks_of_this_repository() {
    if !pre_commit_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("gitconfig"), "[init]\n\tdefaultBranch = main\n").unwrap();

    // A repository holding this project's hook definitions, as pre-commit clones it.
    let hooks = tmp.path().join("hooks");
    std::fs::create_dir(&hooks).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.pre-commit-hooks.yaml"),
        hooks.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    ok(&run(&hooks, &home, "git", &["init", "-q"]), "git init");
    ok(&run(&hooks, &home, "git", &["add", "."]), "git add");
    ok(
        &run(&hooks, &home, "git", &["commit", "-qm", "hooks"]),
        "git commit",
    );
    let rev = ok(
        &run(&hooks, &home, "git", &["rev-parse", "HEAD"]),
        "rev-parse",
    );

    let project = tmp.path().join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        project.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: rampart-pre-commit\n",
            hooks.display(),
            rev.trim()
        ),
    )
    .unwrap();
    std::fs::write(project.join("README.md"), "hello\n").unwrap();
    ok(&run(&project, &home, "git", &["init", "-q"]), "git init");
    ok(
        &run(&project, &home, "pre-commit", &["install"]),
        "pre-commit install",
    );
    ok(&run(&project, &home, "git", &["add", "."]), "git add");
    let first = ok(
        &run(&project, &home, "git", &["commit", "-qm", "init"]),
        "a clean commit passes the hook",
    );
    assert!(first.contains("rampart (pre-commit stage)"), "{first}");
    assert!(first.contains("Passed"), "{first}");

    // A token in a staged file: the hook refuses the commit and shows the finding redacted.
    let secret = token("Hv4Nq8Tz1Kc6Wm3Rb9Xp2Ls7Dj5Fg0");
    std::fs::write(project.join("deploy.py"), format!("TOKEN = \"{secret}\"\n")).unwrap();
    ok(
        &run(&project, &home, "git", &["add", "deploy.py"]),
        "git add",
    );
    let refused = run(&project, &home, "git", &["commit", "-qm", "add deploy"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&refused.stdout),
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(!refused.status.success(), "the commit went through: {text}");
    assert!(
        text.contains("Failed") && text.contains("deploy.py"),
        "{text}"
    );
    assert!(
        !text.contains(&secret),
        "the hook printed the secret: {text}"
    );
    let log = ok(
        &run(&project, &home, "git", &["log", "--oneline"]),
        "git log",
    );
    assert_eq!(log.lines().count(), 1, "{log}");

    // Fixed before committing: the same commit now passes.
    std::fs::write(
        project.join("deploy.py"),
        "import os\n\nTOKEN = os.environ[\"DEPLOY_TOKEN\"]\n",
    )
    .unwrap();
    ok(
        &run(&project, &home, "git", &["add", "deploy.py"]),
        "git add",
    );
    ok(
        &run(&project, &home, "git", &["commit", "-qm", "add deploy"]),
        "the fixed commit passes",
    );
}
