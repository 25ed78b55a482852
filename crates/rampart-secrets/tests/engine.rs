//! End-to-end behaviour of the scanner on files: findings, fingerprints, filters, encodings,
//! non-UTF-8 text, streaming of large files and archives.

use std::io::Write;

use rampart_core::scanner::FileInfo;
use rampart_core::{FileTarget, Finding, Location, ScanContext, ScanOutput, Scanner};
use rampart_secrets::validators::github_token_with_checksum;
use rampart_secrets::{SecretsConfig, SecretsScanner, scan_reader};

fn scanner() -> SecretsScanner {
    SecretsScanner::new(SecretsConfig::default()).expect("scanner")
}

fn gh_token() -> String {
    github_token_with_checksum("ghp_", "R7kd2QmXv9LpZt4WbNc8HsYe3JfUa6")
}

fn scan(s: &SecretsScanner, rel: &str, data: &[u8]) -> ScanOutput {
    let ctx = ScanContext::new("/nonexistent");
    let head = &data[..data.len().min(8192)];
    let info = FileInfo {
        path: std::path::Path::new("/nonexistent/x"),
        rel_path: rel,
        size: data.len() as u64,
        head,
        is_binary: memchr_nul(head),
    };
    let mut out = ScanOutput::default();
    if s.wants(&info, &ctx) {
        s.scan_file(
            &ctx,
            &FileTarget {
                info,
                content: Some(data),
            },
            &mut out,
        );
    }
    out
}

fn memchr_nul(b: &[u8]) -> bool {
    b.contains(&0)
}

fn ids(out: &ScanOutput) -> Vec<String> {
    out.findings.iter().map(|f| f.rule_id.clone()).collect()
}

fn by_rule<'a>(out: &'a ScanOutput, id: &str) -> Vec<&'a Finding> {
    out.findings.iter().filter(|f| f.rule_id == id).collect()
}

#[test]
fn finds_github_token_with_redacted_evidence_and_secret_fingerprint() {
    let s = scanner();
    let tok = gh_token();
    let text = format!("# config\nGITHUB_TOKEN = \"{tok}\"\n");
    let out = scan(&s, "app/settings.py", text.as_bytes());
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?}", ids(&out));
    let f = f[0];
    let Location::File {
        path,
        region: Some(r),
    } = &f.locations[0]
    else {
        panic!("{:?}", f.locations)
    };
    assert_eq!(path, "app/settings.py");
    assert_eq!(r.start_line, 2);
    assert_eq!(r.start_column, 17);
    let ev = f.evidence.as_ref().expect("evidence");
    assert!(ev.text.contains(&tok));
    let shown = ev.render(false);
    assert!(!shown.contains(&tok), "{shown}");
    assert!(shown.contains("GITHUB_TOKEN"), "{shown}");
    assert!(f.properties.contains_key("secret_hash"));
    assert_eq!(f.cwe, vec![798]);

    // Same secret elsewhere: same fingerprint (the core collector merges them).
    let other = scan(
        &s,
        "deploy/ci.yml",
        format!("env:\n  TOKEN: {tok}\n").as_bytes(),
    );
    let g = by_rule(&other, "secrets/github-pat-classic");
    assert_eq!(g[0].fingerprint, f.fingerprint);
    // A different secret: a different fingerprint.
    let tok2 = github_token_with_checksum("ghp_", "Q7kd2QmXv9LpZt4WbNc8HsYe3JfUa6");
    let third = scan(&s, "a.txt", tok2.as_bytes());
    assert_ne!(
        by_rule(&third, "secrets/github-pat-classic")[0].fingerprint,
        f.fingerprint
    );
}

#[test]
fn bad_checksum_is_not_reported() {
    let s = scanner();
    let tok = gh_token();
    // Change one body character: same shape, wrong CRC32 tail.
    let bad = tok.replacen("R7kd", "R7ke", 1);
    let out = scan(&s, "a.env", format!("GITHUB_TOKEN={bad}\n").as_bytes());
    assert!(
        by_rule(&out, "secrets/github-pat-classic").is_empty(),
        "{:?}",
        ids(&out)
    );
}

#[test]
fn placeholders_and_documented_examples_are_not_findings() {
    let s = scanner();
    let text = "\
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
OPENAI_API_KEY=YOUR_API_KEY
api_key = \"${API_KEY}\"
token: {{ secrets.GITHUB_TOKEN }}
password = os.environ[\"DB_PASSWORD\"]
const key = process.env.STRIPE_SECRET_KEY;
secret = \"xxxxxxxxxxxxxxxxxxxxxxxx\"
password = \"changeme\"
api_key = \"<token>\"
token = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"
secret_key = \"1234567890abcdef1234567890abcdef\"
";
    let out = scan(&s, "README.md", text.as_bytes());
    assert!(
        out.findings.is_empty(),
        "{:#?}",
        out.findings
            .iter()
            .map(|f| (&f.rule_id, f.evidence.as_ref().map(|e| e.text.clone())))
            .collect::<Vec<_>>()
    );
}

#[test]
fn hashes_uuids_and_public_keys_are_not_findings() {
    let s = scanner();
    let text = "\
\"integrity\": \"sha512-Q2VNS1o0Y9M2dUY3Z0hKeGZ0ZUlNOE5qVkR6dHJlQm1ZdzNmS2w4R3FXdGVz==\",
sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
request_id = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----
";
    let out = scan(&s, "notes.txt", text.as_bytes());
    assert!(out.findings.is_empty(), "{:?}", ids(&out));
}

#[test]
fn base64_encoded_kubernetes_secret_is_found_with_encoding() {
    let s = scanner();
    let tok = gh_token();
    let b64 = encode_b64(tok.as_bytes());
    let yaml =
        format!("apiVersion: v1\nkind: Secret\nmetadata:\n  name: gh\ndata:\n  token: {b64}\n");
    let out = scan(&s, "k8s/secret.yaml", yaml.as_bytes());
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?}", ids(&out));
    assert_eq!(
        f[0].properties.get("encoding").and_then(|v| v.as_str()),
        Some("base64")
    );
    let Location::File {
        region: Some(r), ..
    } = &f[0].locations[0]
    else {
        panic!()
    };
    assert_eq!(r.start_line, 6);
    // The fingerprint is the secret's, whatever the encoding.
    let plain = scan(&s, "x", tok.as_bytes());
    assert_eq!(
        by_rule(&plain, "secrets/github-pat-classic")[0].fingerprint,
        f[0].fingerprint
    );
}

#[test]
fn nested_hex_in_base64_and_percent_encoding() {
    let s = scanner();
    let tok = gh_token();
    let hex_tok = hex::encode(format!("token={tok}"));
    let nested = encode_b64(hex_tok.as_bytes());
    let out = scan(&s, "blob.txt", format!("value: {nested}\n").as_bytes());
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?}", ids(&out));
    assert_eq!(
        f[0].properties.get("encoding").and_then(|v| v.as_str()),
        Some("base64/hex")
    );

    // A plain token in a URL whose other parameter is percent-encoded is reported once, plainly.
    let mixed = format!("https://example.invalid/cb?token={tok}&next=%2Fhome%2Fuser%2Fsettings\n");
    let out = scan(&s, "mixed.txt", mixed.as_bytes());
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?}", ids(&out));
    assert!(!f[0].properties.contains_key("encoding"));

    let pct: String = format!("t={tok}")
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect();
    let out = scan(
        &s,
        "url.txt",
        format!("https://example.invalid/cb?state={pct}\n").as_bytes(),
    );
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?}", ids(&out));
    assert_eq!(
        f[0].properties.get("encoding").and_then(|v| v.as_str()),
        Some("percent")
    );
}

#[test]
fn non_utf8_text_is_scanned() {
    let s = scanner();
    let tok = gh_token();
    let mut data = b"caf\xe9 \xff\xfe latin-1 text\ntoken=".to_vec();
    data.extend_from_slice(tok.as_bytes());
    data.extend_from_slice(b" \xe9\xe8\n");
    let out = scan(&s, "latin1.txt", &data);
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?}", ids(&out));
    let shown = f[0].evidence.as_ref().unwrap().render(false);
    assert!(
        shown.starts_with("token=ghp_") && !shown.contains(&tok),
        "{shown}"
    );
}

#[test]
fn disabled_and_user_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("corp.toml"),
        r#"
[[rule]]
id = "secrets/acme-internal-token"
title = "ACME internal token"
severity = "high"
confidence = "high"
keywords = ["acme_"]
regex = '''\b(acme_[a-z0-9]{24})\b'''
description = "ACME's internal service token."
remediation = "Revoke it in the ACME console."
positive = ["t = acme_q8w7e6r5t4y3u2i1o0p9a8s7", "x acme_zq8w7e6r5t4y3u2i1o0p9a8s"]
negative = ["acme_short"]
"#,
    )
    .unwrap();
    let cfg = SecretsConfig {
        rule_dirs: vec![dir.path().to_path_buf()],
        disabled_rules: vec!["secrets/github-pat-classic".into()],
        ..Default::default()
    };
    let s = SecretsScanner::new(cfg).unwrap();
    let text = format!("a = acme_q8w7e6r5t4y3u2i1o0p9a8s7\nb = {}\n", gh_token());
    let out = scan(&s, "x.cfg", text.as_bytes());
    assert!(
        ids(&out).contains(&"secrets/acme-internal-token".to_string()),
        "{:?}",
        ids(&out)
    );
    assert!(!ids(&out).contains(&"secrets/github-pat-classic".to_string()));
    assert!(
        s.rules()
            .iter()
            .any(|r| r.id == "secrets/acme-internal-token")
    );

    let bad = SecretsConfig {
        disabled_rules: vec!["secrets/nope".into()],
        ..Default::default()
    };
    assert!(SecretsScanner::new(bad).is_err());
}

#[test]
fn streamed_file_finds_secrets_across_chunk_boundaries_once() {
    let s = scanner();
    let tok = gh_token();
    // 20 MiB of filler with the token at three places, one straddling the 8 MiB chunk edge.
    let line = b"let filler_value = compute(alpha, beta, gamma); // ordinary code line\n";
    let mut data = Vec::with_capacity(21 << 20);
    let mut planted = Vec::new();
    while data.len() < 20 << 20 {
        let near_edge = (8 << 20) - 20;
        if planted.is_empty() && data.len() > 1000
            || planted.len() == 1 && data.len() + line.len() > near_edge
            || planted.len() == 2 && data.len() > 15 << 20
        {
            planted.push(data.len());
            data.extend_from_slice(format!("GH={tok}\n").as_bytes());
        }
        data.extend_from_slice(line);
    }
    assert_eq!(planted.len(), 3);
    let mut out = ScanOutput::default();
    scan_reader(&s, &mut &data[..], "big.log", &mut out).unwrap();
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(
        f.len(),
        3,
        "{:?}",
        f.iter().map(|f| f.locations.clone()).collect::<Vec<_>>()
    );
    let mut lines: Vec<u32> = f
        .iter()
        .map(|f| f.locations[0].start_line().unwrap())
        .collect();
    lines.sort();
    let expect: Vec<u32> = planted
        .iter()
        .map(|&off| data[..off].iter().filter(|&&b| b == b'\n').count() as u32 + 1)
        .collect();
    assert_eq!(lines, expect);
}

#[test]
fn assignments_wrapped_by_a_formatter_are_found() {
    // Prettier and friends break a long assignment after `=`; the value has no keyword of its own.
    let s = scanner();
    let out = scan(
        &s,
        "src/client.js",
        b"// client\nconst paymentApiKey =\n  \"q8Zr2LmX9vKp4TnW7yBc1\";\nexport default paymentApiKey;\n",
    );
    let f = by_rule(&out, "secrets/generic-secret-assignment");
    assert_eq!(f.len(), 1, "{:?}", out.findings);
    assert_eq!(f[0].locations[0].start_line(), Some(3));
}

#[test]
fn streamed_file_reports_true_columns_on_a_line_split_across_chunks() {
    let s = scanner();
    let tok = gh_token();
    // A minified bundle: one 10 MiB line, the token just past the 8 MiB chunk edge, so it is on the
    // first (partial) line of the second chunk.
    let mut data = b"// header\n".to_vec();
    let line_start = data.len();
    while data.len() < (8 << 20) + 100 {
        data.extend_from_slice(b"var a=f(b,c);");
    }
    data.extend_from_slice(b" GH=\"");
    let tok_at = data.len();
    data.extend_from_slice(tok.as_bytes());
    data.extend_from_slice(b"\";");
    while data.len() < 10 << 20 {
        data.extend_from_slice(b"var a=f(b,c);");
    }
    data.push(b'\n');
    let mut out = ScanOutput::default();
    scan_reader(&s, &mut &data[..], "bundle.min.js", &mut out).unwrap();
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1);
    let region = f[0].locations[0].region().unwrap();
    assert_eq!(region.start_line, 2);
    assert_eq!(region.start_column as usize, tok_at - line_start + 1);
    assert_eq!(
        region.end_column as usize,
        tok_at + tok.len() - line_start + 1
    );
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in members {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn secrets_inside_zip_tar_and_gzip_are_found() {
    let s = scanner();
    let tok = gh_token();
    let inner = format!("token = {tok}\n");
    let jar = zip_of(&[
        ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n"),
        ("config/app.properties", inner.as_bytes()),
    ]);
    let out = scan(&s, "lib/app.jar", &jar);
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?} {:?}", ids(&out), out.diagnostics);
    assert_eq!(
        f[0].locations[0].path(),
        Some("lib/app.jar!config/app.properties")
    );

    // tar.gz
    let mut tar_bytes = Vec::new();
    {
        let mut b = tar::Builder::new(&mut tar_bytes);
        let mut h = tar::Header::new_gnu();
        h.set_size(inner.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "etc/app.env", inner.as_bytes())
            .unwrap();
        b.finish().unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&tar_bytes).unwrap();
    let tgz = gz.finish().unwrap();
    let out = scan(&s, "dist/bundle.tgz", &tgz);
    let f = by_rule(&out, "secrets/github-pat-classic");
    assert_eq!(f.len(), 1, "{:?} {:?}", ids(&out), out.diagnostics);
    assert_eq!(
        f[0].locations[0].path(),
        Some("dist/bundle.tgz!bundle.tar!etc/app.env")
    );

    // Other binaries are skipped.
    let mut elf = b"\x7fELF\0\0\0".to_vec();
    elf.extend_from_slice(inner.as_bytes());
    assert!(scan(&s, "bin/tool", &elf).findings.is_empty());
}

#[test]
fn zip_bomb_is_stopped_by_the_ratio_cap() {
    let s = scanner();
    // 100 MiB of zeros deflate to ~100 KiB (about 1000:1); the scanner stops at 100:1.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        w.start_file("bomb.txt", opts).unwrap();
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..100 {
            w.write_all(&zeros).unwrap();
        }
        w.start_file("after.txt", opts).unwrap();
        w.write_all(format!("t = {}\n", gh_token()).as_bytes())
            .unwrap();
        w.finish().unwrap();
    }
    let bomb = buf.into_inner();
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    let out = scan(&s, "bomb.zip", &bomb);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.message.contains("exceeds the limit") && d.message.contains("bomb.txt")),
        "{:?}",
        out.diagnostics
    );
    // The member after the bomb is still scanned.
    assert_eq!(by_rule(&out, "secrets/github-pat-classic").len(), 1);
}

#[test]
fn nesting_deeper_than_three_is_not_opened() {
    let s = scanner();
    let inner = format!("t = {}\n", gh_token());
    let l1 = zip_of(&[("secret.txt", inner.as_bytes())]);
    let l2 = zip_of(&[("l1.zip", &l1)]);
    let l3 = zip_of(&[("l2.zip", &l2)]);
    let out = scan(&s, "l3.zip", &l3);
    assert_eq!(
        by_rule(&out, "secrets/github-pat-classic").len(),
        1,
        "{:?}",
        out.diagnostics
    );
    let l4 = zip_of(&[("l3.zip", &l3)]);
    let out = scan(&s, "l4.zip", &l4);
    assert!(by_rule(&out, "secrets/github-pat-classic").is_empty());
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.message.contains("nested deeper")),
        "{:?}",
        out.diagnostics
    );
}

fn encode_b64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn provider_rule_wins_over_generic_rules_for_the_same_secret() {
    let s = scanner();
    // A Cohere key assigned to a secret-looking name: the Cohere rule, not also a generic one.
    let out = scan(
        &s,
        "settings.env",
        b"COHERE_API_KEY=UKLi4iLuivRSJv3QGQtIdlyTxiJsZcW5B8oj8itI\n",
    );
    assert_eq!(
        ids(&out),
        vec!["secrets/cohere-api-key".to_string()],
        "{:?}",
        ids(&out)
    );
    // With no provider rule matching, the generic rule still reports.
    let out = scan(&s, "settings.env", b"DB_PASSWORD=\"k7Qz2mV9xL4pR8tW\"\n");
    assert!(
        ids(&out).iter().all(|id| id.starts_with("secrets/generic")),
        "{:?}",
        ids(&out)
    );
    assert!(!ids(&out).is_empty());
}
