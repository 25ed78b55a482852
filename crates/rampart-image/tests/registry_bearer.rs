//! The bearer-token flow against a registry speaking the distribution API on 127.0.0.1 (a small
//! server in this test: the Debian registry's token auth needs a certificate-signed JWT issuer,
//! which the CLI test's htpasswd registry does not). It serves the umoci-built fixture layout of
//! `crates/rampart/tests/fixtures/image`; the pull must answer the `WWW-Authenticate: Bearer`
//! challenge with basic credentials at the realm, then use the token, and verify every digest.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use rampart_core::ScanContext;
use rampart_image::{Credentials, Limits, Platform, PullOptions, ScanPlan};

fn layout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../rampart/tests/fixtures/image/layout")
}

/// Serves the layout; returns the port. `tamper` flips a byte of every layer blob served.
fn serve(tamper: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let root = layout();
        let index: serde_json::Value =
            serde_json::from_slice(&std::fs::read(root.join("index.json")).unwrap()).unwrap();
        let manifest_digest = index["manifests"][0]["digest"]
            .as_str()
            .unwrap()
            .to_string();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap_or_default();
            let mut auth = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("authorization: ") {
                    auth = v.trim().to_string();
                }
            }
            let path = request.split(' ').nth(1).unwrap_or("/").to_string();
            let (status, headers, body): (&str, String, Vec<u8>) = if path.starts_with("/token?") {
                // tester:s3cret
                // Header values were lower-cased above; base64 is case-sensitive, so compare the
                // lower-cased form of `Basic base64(tester:s3cret)`.
                if auth == "basic dGVzdGVyOnMzY3JldA==".to_ascii_lowercase() {
                    ("200 OK", String::new(), br#"{"token":"tok-123"}"#.to_vec())
                } else {
                    ("401 Unauthorized", String::new(), b"{}".to_vec())
                }
            } else if auth != "bearer tok-123" {
                let challenge = format!(
                    "WWW-Authenticate: Bearer realm=\"http://127.0.0.1:{port}/token\",service=\"test\",scope=\"repository:team/app:pull\"\r\n"
                );
                ("401 Unauthorized", challenge, b"{}".to_vec())
            } else if path == "/v2/team/app/manifests/app"
                || path == format!("/v2/team/app/manifests/{manifest_digest}")
            {
                let hex = manifest_digest.trim_start_matches("sha256:");
                let body = std::fs::read(root.join("blobs/sha256").join(hex)).unwrap();
                (
                    "200 OK",
                    format!(
                        "Content-Type: application/vnd.oci.image.manifest.v1+json\r\nDocker-Content-Digest: {manifest_digest}\r\n"
                    ),
                    body,
                )
            } else if let Some(d) = path.strip_prefix("/v2/team/app/blobs/sha256:") {
                match std::fs::read(root.join("blobs/sha256").join(d)) {
                    Ok(mut body) => {
                        if tamper && body.starts_with(&[0x1f, 0x8b]) {
                            let last = body.len() - 1;
                            body[last] ^= 0xff;
                        }
                        ("200 OK", String::new(), body)
                    }
                    Err(_) => ("404 Not Found", String::new(), Vec::new()),
                }
            } else {
                ("404 Not Found", String::new(), Vec::new())
            };
            let head = format!(
                "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
            let _ = stream.flush();
        }
    });
    port
}

fn options(port: u16, password: &str) -> PullOptions {
    PullOptions {
        insecure: vec![format!("127.0.0.1:{port}")],
        credentials: Some(Credentials {
            username: "tester".into(),
            password: password.into(),
        }),
        docker_config: None,
    }
}

#[test]
fn bearer_token_pull_and_layer_view() {
    let port = serve(false);
    let platform = Platform::parse("linux/amd64").unwrap();
    let image = rampart_image::open(
        &format!("127.0.0.1:{port}/team/app:app"),
        &platform,
        &options(port, "s3cret"),
    )
    .unwrap();
    assert_eq!(image.layers.len(), 3);
    let root = rampart_image::scan::EmptyRoot::new().unwrap();
    let ctx = ScanContext::new(root.path());
    let limits = Limits::default();
    let plan = ScanPlan {
        ctx: &ctx,
        every_layer: &[],
        final_view: &[],
        limits: &limits,
        threads: 2,
    };
    let scan = rampart_image::scan_image(&image, &plan).unwrap();
    assert!(scan.view.files.contains_key("usr/bin/apt-get"));
    assert!(scan.view.files.contains_key("var/lib/dpkg/status"));
    assert!(!scan.view.files.contains_key("app/.env"));
    assert!(scan.view.removed.contains_key(&(1, "app/.env".to_string())));
    assert_eq!(
        scan.layers[1].instruction.as_deref(),
        Some("COPY .env /app/.env")
    );
}

#[test]
fn refused_credentials_and_tampered_blobs_fail() {
    let port = serve(false);
    let platform = Platform::parse("linux/amd64").unwrap();
    let err = rampart_image::open(
        &format!("127.0.0.1:{port}/team/app:app"),
        &platform,
        &options(port, "wrong"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("refused"), "{err}");

    let port = serve(true);
    let image = rampart_image::open(
        &format!("127.0.0.1:{port}/team/app:app"),
        &platform,
        &options(port, "s3cret"),
    )
    .unwrap();
    let root = rampart_image::scan::EmptyRoot::new().unwrap();
    let ctx = ScanContext::new(root.path());
    let limits = Limits::default();
    let plan = ScanPlan {
        ctx: &ctx,
        every_layer: &[],
        final_view: &[],
        limits: &limits,
        threads: 1,
    };
    let err = rampart_image::scan_image(&image, &plan).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("digest mismatch") || msg.contains("decompression"),
        "{msg}"
    );
}
