//! `rampart db update|import|status` and `rampart deps` through the built binary, against a real
//! HTTP server on 127.0.0.1 serving the shared OSV data in the bucket's layout.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;

fn shared_osv() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv"))
}

/// A minimal static file server with ETag / If-None-Match, like the OSV bucket. `truncate`
/// serves that file cut in half (with a different ETag). Returns the base URL and the count of
/// full `all.zip` responses.
fn serve(root: PathBuf, truncate: Option<&'static str>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let downloads = Arc::new(AtomicUsize::new(0));
    let d = downloads.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut inm = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((k, v)) = line.split_once(':')
                    && k.eq_ignore_ascii_case("if-none-match")
                {
                    inm = Some(v.trim().to_string());
                }
            }
            let url = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .trim_start_matches('/')
                .replace("%20", " ");
            let path = root.join(&url);
            let respond = |stream: &mut std::net::TcpStream,
                           status: &str,
                           headers: &str,
                           body: &[u8]| {
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body);
            };
            if url.contains("..") || !path.is_file() {
                respond(&mut stream, "404 Not Found", "", b"");
                continue;
            }
            let mut body = std::fs::read(&path).unwrap();
            if truncate == Some(url.as_str()) {
                body.truncate(body.len() / 2);
            }
            let etag = format!(
                "\"{}-{}\"",
                body.len(),
                body.iter().map(|&b| b as u64).sum::<u64>()
            );
            if inm.as_deref() == Some(etag.as_str()) {
                respond(
                    &mut stream,
                    "304 Not Modified",
                    &format!("ETag: {etag}\r\n"),
                    b"",
                );
                continue;
            }
            if url.ends_with("all.zip") {
                d.fetch_add(1, Ordering::SeqCst);
            }
            respond(&mut stream, "200 OK", &format!("ETag: {etag}\r\n"), &body);
        }
    });
    (base, downloads)
}

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env_remove("RAMPART_DB");
    c
}

fn status_json(db: &Path) -> serde_json::Value {
    let out = rampart()
        .args(["db", "status", "--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn advisories(status: &serde_json::Value, eco: &str) -> Option<u64> {
    status["ecosystems"]
        .as_array()?
        .iter()
        .find(|e| e["ecosystem"] == eco)
        .map(|e| e["advisories"].as_u64().unwrap())
}

#[test]
fn db_update_then_deps_finds_vulnerable_packages() {
    let (base, downloads) = serve(shared_osv(), None);
    let db = tempfile::tempdir().unwrap();
    let out = rampart()
        .args(["db", "update", "--base-url", &base, "--db"])
        .arg(db.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("PyPI: updated, 2652 advisories (2662 records, 10 withdrawn)"),
        "{text}"
    );
    assert!(
        text.contains("crates.io: updated, 1193 advisories (1206 records, 13 withdrawn)"),
        "{text}"
    );
    assert!(
        text.contains("Go: updated, 4274 advisories (4291 records, 17 withdrawn)"),
        "{text}"
    );
    assert!(text.contains("Alpine: updated, 2437 advisories"), "{text}");
    assert!(
        text.contains("Debian: updated, 12847 advisories (12847 records, 0 withdrawn)"),
        "{text}"
    );
    assert!(
        text.contains("Ubuntu: updated, 10 advisories (10 records, 0 withdrawn)"),
        "{text}"
    );
    // Every ecosystem the mirror's ecosystems.txt lists (seven) and rampart can match.
    assert_eq!(downloads.load(Ordering::SeqCst), 7);

    // Nothing changed on the server: nothing is downloaded.
    let out = rampart()
        .args(["db", "update", "--base-url", &base, "--db"])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("unchanged").count(), 7, "{text}");
    assert_eq!(downloads.load(Ordering::SeqCst), 7);

    let st = status_json(db.path());
    assert_eq!(advisories(&st, "npm"), Some(1));
    assert_eq!(advisories(&st, "Go"), Some(4274));
    assert_eq!(advisories(&st, "Ubuntu"), Some(10));

    // A project with a vulnerable pin, scanned by `rampart deps` and by `rampart scan`.
    let proj = tempfile::tempdir().unwrap();
    std::fs::write(
        proj.path().join("requirements.txt"),
        "transformers==4.37.2\nrequests==2.32.3\n",
    )
    .unwrap();
    for cmd in [vec!["deps"], vec!["scan", "--scanners", "sca"]] {
        let out = rampart()
            .args(&cmd)
            .arg(proj.path())
            .args(["--format", "json", "--fail-on", "low"])
            .env("RAMPART_DB", db.path())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{cmd:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let findings = json["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{cmd:?}: {findings:#?}");
        assert_eq!(
            findings[0]["properties"]["vulnerability_id"],
            "GHSA-37q5-v5qm-c9v8"
        );
        assert_eq!(findings[0]["severity"], "low");
    }
}

#[test]
fn truncated_archive_fails_and_keeps_the_database() {
    let (good, _) = serve(shared_osv(), None);
    let db = tempfile::tempdir().unwrap();
    let out = rampart()
        .args([
            "db",
            "update",
            "--ecosystems",
            "crates.io",
            "--base-url",
            &good,
            "--db",
        ])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let before = status_json(db.path());

    let (bad, downloads) = serve(shared_osv(), Some("crates.io/all.zip"));
    let out = rampart()
        .args([
            "db",
            "update",
            "--ecosystems",
            "crates.io",
            "--base-url",
            &bad,
            "--db",
        ])
        .arg(db.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(downloads.load(Ordering::SeqCst), 1);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("crates.io: FAILED, kept the previous data")
    );
    let after = status_json(db.path());
    // `age_seconds` ticks between the two calls; everything else must be unchanged.
    let without_age = |v: &serde_json::Value| {
        let mut v = v["ecosystems"].clone();
        for e in v.as_array_mut().into_iter().flatten() {
            if let Some(o) = e.as_object_mut() {
                o.remove("age_seconds");
            }
        }
        v
    };
    assert_eq!(without_age(&before), without_age(&after));
}

#[test]
fn missing_database_warns_and_the_scan_goes_on() {
    let empty = tempfile::tempdir().unwrap();
    let proj = tempfile::tempdir().unwrap();
    std::fs::write(
        proj.path().join("requirements.txt"),
        "transformers==4.37.2\n",
    )
    .unwrap();
    let out = rampart()
        .arg("scan")
        .arg(proj.path())
        .args(["--format", "json"])
        .env("RAMPART_DB", empty.path().join("none"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    let sca: Vec<_> = diags.iter().filter(|d| d["scanner"] == "sca").collect();
    assert_eq!(sca.len(), 1, "{diags:#?}");
    assert!(
        sca[0]["message"]
            .as_str()
            .unwrap()
            .contains("rampart db update")
    );
}

#[test]
fn deps_reads_an_sbom() {
    let db = tempfile::tempdir().unwrap();
    assert!(
        rampart()
            .args(["db", "import"])
            .arg(shared_osv().join("npm/all.zip"))
            .arg("--db")
            .arg(db.path())
            .output()
            .unwrap()
            .status
            .success()
    );
    let dir = tempfile::tempdir().unwrap();
    let sbom = dir.path().join("bom.json");
    std::fs::write(
        &sbom,
        r#"{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
            "components":[{"type":"library","name":"lodash","version":"4.17.11","purl":"pkg:npm/lodash@4.17.11"}]}"#,
    )
    .unwrap();
    let out = rampart()
        .args(["deps", "--sbom"])
        .arg(&sbom)
        .arg("--db")
        .arg(db.path())
        .args(["--format", "json", "--vex"])
        .arg(dir.path().join("vex.json"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(
        findings.len(),
        1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        findings[0]["properties"]["vulnerability_id"],
        "GHSA-jf85-cpcp-j695"
    );
}
