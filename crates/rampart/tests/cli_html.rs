//! The HTML report in a real browser: the binary scans a fixture tree (secrets, SAST, SCA and
//! models findings) against a baseline, writes JSON and HTML in one run, and headless Chromium
//! (Debian's `chromium`) opens the HTML. The page's script must run without error, render every
//! finding, and show the counts the JSON report has; hostile text from a scanned file must stay
//! text; a screenshot is saved.

use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const CHROMIUM: &str = "/usr/bin/chromium";
const HOSTILE: &str = "</script><img src=x onerror=alert(1)>";

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

/// `None` (with the reason printed) when the browser is missing outside CI; in CI a missing
/// browser is a failure, because `.ci/run` installs it.
fn chromium() -> Option<&'static str> {
    if Path::new(CHROMIUM).is_file() {
        return Some(CHROMIUM);
    }
    if std::env::var_os("CI").is_some() || std::env::var_os("RAMPART_REQUIRE_CHROMIUM").is_some() {
        panic!("{CHROMIUM} is missing; CI must install Debian's chromium (.ci/run)");
    }
    eprintln!(
        "skipping the browser test: {CHROMIUM} is not installed (apt-get install chromium); \
         with CI or RAMPART_REQUIRE_CHROMIUM set this is a failure"
    );
    None
}

/// Runs headless Chromium on `page` with `extra` arguments; stdout and stderr as text.
fn run_chromium(browser: &str, profile: &Path, page: &Path, extra: &[String]) -> (String, String) {
    let mut child = Std::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Read both pipes on threads so a chatty browser cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    (out_t.join().unwrap(), err_t.join().unwrap())
}

/// The value of `name="..."` inside the first tag that contains `marker`.
fn attr_in(dom: &str, marker: &str, name: &str) -> Option<String> {
    let at = dom.find(marker)?;
    let tag_start = dom[..at].rfind('<')?;
    let tag = &dom[tag_start..tag_start + dom[tag_start..].find('>')?];
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(tag[start..start + tag[start..].find('"')?].to_string())
}

fn num(dom: &str, marker: &str, name: &str) -> u64 {
    attr_in(dom, marker, name)
        .unwrap_or_else(|| panic!("no {name} on {marker} in the rendered page"))
        .parse()
        .unwrap()
}

#[test]
fn html_report_renders_in_chromium_with_the_counts_of_the_json_report() {
    let Some(browser) = chromium() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let tree = work.path().join("tree");
    std::fs::create_dir(&tree).unwrap();
    copy_dir(&fixture_tree(), &tree);
    let db = work.path().join("db");
    Command::cargo_bin("rampart")
        .unwrap()
        .args(["db", "import"])
        .arg(shared("osv/PyPI/all.zip"))
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let rampart = || {
        let mut c = Command::cargo_bin("rampart").unwrap();
        c.env("NO_COLOR", "1")
            .env("RAMPART_DB", &db)
            .args(["scan", "--no-progress"])
            .arg(&tree);
        c
    };

    let baseline = work.path().join("baseline.json");
    rampart()
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .code(1);

    // Fix the SQL injection of app.py, add a new one whose code frame is hostile markup.
    let app = tree.join("app.py");
    let fixed = std::fs::read_to_string(&app).unwrap().replace(
        "cur.execute(\"SELECT * FROM users WHERE name = '\" + request.args[\"name\"] + \"'\")",
        "cur.execute(\"SELECT * FROM users WHERE name = ?\", (request.args[\"name\"],))",
    );
    assert!(fixed.contains("name = ?"), "the fixture's app.py changed");
    std::fs::write(&app, fixed).unwrap();
    std::fs::write(
        tree.join("evil.py"),
        format!(
            "import sqlite3\n\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n\
             @app.route(\"/evil\")\ndef evil():\n    cur = sqlite3.connect(\"a.db\").cursor()\n    \
             cur.execute(\"SELECT '{HOSTILE}' FROM t WHERE n = '\" + request.args[\"n\"] + \"'\")\n    \
             return \"ok\"\n"
        ),
    )
    .unwrap();

    let json_path = work.path().join("a.json");
    let html_path = work.path().join("a.html");
    rampart()
        .arg("--baseline")
        .arg(&baseline)
        .args(["--format", "json", "--output"])
        .arg(&json_path)
        .args(["--format", "html", "--output"])
        .arg(&html_path)
        .assert()
        .code(1);

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let scanners: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|f| f["scanner"].as_str().unwrap())
        .collect();
    for s in ["secrets", "sast", "sca", "models"] {
        assert!(scanners.contains(s), "no {s} finding in {scanners:?}");
    }
    let html = std::fs::read_to_string(&html_path).unwrap();
    // The fixture's secrets, read from its .env so this file holds none.
    let env = std::fs::read_to_string(tree.join(".env")).unwrap();
    for line in env.lines() {
        if let Some((key, value)) = line.split_once('=')
            && (key.ends_with("TOKEN") || key.ends_with("KEY"))
        {
            let value = value.trim().trim_matches('"');
            assert!(value.len() > 20, "{key}");
            assert!(!html.contains(value), "{key} leaked into the HTML report");
            assert!(
                !html.contains(&value[6..value.len() - 6]),
                "{key} leaked in part"
            );
        }
    }

    // What the baseline says is gone, computed from the files, not from the page.
    let base: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&baseline).unwrap()).unwrap();
    let now: std::collections::BTreeSet<(String, String)> = findings
        .iter()
        .map(|f| (f["rule_id"].to_string(), f["fingerprint"].to_string()))
        .collect();
    let gone: Vec<&serde_json::Value> = base["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !now.contains(&(e["rule_id"].to_string(), e["fingerprint"].to_string())))
        .collect();
    assert!(
        gone.iter().any(|e| e["rule_id"] == "py/sqli-dbapi-execute"),
        "the fixed injection is not gone from the scan: {gone:?}"
    );

    let profile = tempfile::tempdir().unwrap();
    let (dom, log) = run_chromium(browser, profile.path(), &html_path, &["--dump-dom".into()]);
    assert!(
        !log.contains("Uncaught"),
        "script error in the page:\n{log}"
    );
    let status = attr_in(&dom, "id=\"render-status\"", "data-status");
    assert_eq!(
        status.as_deref(),
        Some("ok"),
        "the page's script did not finish:\n{log}"
    );

    let summary = &json["summary"];
    let active = summary["active"].as_u64().unwrap();
    let suppressed = summary["suppressed"].as_u64().unwrap();
    // Counts the script computed from the embedded findings, and the server-written cards.
    assert_eq!(num(&dom, "id=\"render-status\"", "data-js-total"), active);
    assert_eq!(
        num(&dom, "id=\"render-status\"", "data-js-suppressed"),
        suppressed
    );
    assert_eq!(num(&dom, "id=\"count-total\"", "data-count-total"), active);
    assert_eq!(
        num(&dom, "id=\"count-suppressed\"", "data-count-suppressed"),
        suppressed
    );
    for sev in ["critical", "high", "medium", "low", "info"] {
        let expected = summary["by_severity"][sev].as_u64().unwrap();
        assert_eq!(
            num(&dom, "id=\"render-status\"", &format!("data-js-{sev}")),
            expected,
            "{sev}"
        );
        assert_eq!(
            num(
                &dom,
                &format!("id=\"count-{sev}\""),
                &format!("data-count-{sev}")
            ),
            expected,
            "{sev}"
        );
    }
    // Every finding is in the list, the unsuppressed ones shown by default.
    assert_eq!(
        dom.matches("<details class=\"finding\"").count(),
        findings.len(),
        "rendered findings"
    );
    assert_eq!(num(&dom, "id=\"shown\"", "data-shown"), active);
    // New / existing / fixed against the baseline.
    let baselined = findings
        .iter()
        .filter(|f| f["suppression"]["kind"] == "baseline")
        .count() as u64;
    assert!(baselined > 0);
    assert_eq!(num(&dom, "id=\"count-new\"", "data-count-new"), active);
    assert_eq!(
        num(&dom, "id=\"count-existing\"", "data-count-existing"),
        baselined
    );
    assert_eq!(
        num(&dom, "id=\"count-fixed\"", "data-count-fixed"),
        gone.len() as u64
    );
    assert!(dom.contains("data-status=\"new\""));
    // The hostile code frame is text: no image element, the markup visible escaped.
    assert!(!dom.contains("<img"), "hostile markup became an element");
    assert!(dom.contains("evil.py"));

    let shot = work.path().join("report.png");
    let (_, log) = run_chromium(
        browser,
        profile.path(),
        &html_path,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000".into(),
            "--hide-scrollbars".into(),
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}):\n{log}"));
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "the screenshot is not a PNG"
    );
    assert!(png.len() > 10_000, "the screenshot is suspiciously small");
    // Kept for a person to look at after the run.
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_html_report.png");
    std::fs::copy(&shot, &keep).unwrap();
    eprintln!("screenshot: {}", keep.display());
}
