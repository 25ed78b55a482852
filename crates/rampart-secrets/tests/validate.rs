//! `--validate` against a real HTTP server on 127.0.0.1 that checks each provider's request shape
//! and answers 200 for the one token it knows and 401 (or Slack's `ok: false`) for the rest.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

use rampart_secrets::rules::builtin_rules;
use rampart_secrets::validate::{Validation, ValidationEndpoints, validate};
use rampart_secrets::{SecretsConfig, SecretsScanner};

/// A secret the given rule finds in its first positive example.
fn secret_of(scanner: &SecretsScanner, rule_id: &str) -> (String, String) {
    let rules = builtin_rules().unwrap();
    let r = rules
        .iter()
        .find(|r| r.rule.id == rule_id)
        .unwrap_or_else(|| panic!("no rule {rule_id}"));
    for p in &r.spec.positive {
        let hits = scanner.hits(p.as_bytes(), "x");
        if let Some(h) = hits
            .iter()
            .find(|h| scanner.engine().rules()[h.rule].rule.id == rule_id)
        {
            return (String::from_utf8(h.secret.clone()).unwrap(), p.clone());
        }
    }
    panic!("{rule_id}: no positive yields a secret")
}

struct Mock {
    base: String,
    seen: Arc<Mutex<Vec<String>>>,
}

/// Serves until the test ends. `valid` maps a credential to the provider path it is valid for.
fn mock(valid: HashMap<String, &'static str>) -> Mock {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind loopback");
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(0);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    thread::spawn(move || {
        for mut req in server.incoming_requests() {
            let headers: Vec<(String, String)> = req
                .headers()
                .iter()
                .map(|h| {
                    (
                        h.field.as_str().as_str().to_ascii_lowercase(),
                        h.value.as_str().to_string(),
                    )
                })
                .collect();
            let header = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            };
            let url = req.url().to_string();
            let method = req.method().as_str().to_string();
            let mut body = String::new();
            let _ = req.as_reader().read_to_string(&mut body);
            let bearer =
                header("authorization").and_then(|a| a.strip_prefix("Bearer ").map(str::to_string));
            // Which credential did the request carry, and is the request shaped as the provider wants?
            let (cred, shape_ok) = match (method.as_str(), url.as_str()) {
                ("GET", "/user") => (bearer, header("accept").is_some()),
                ("GET", "/api/v4/personal_access_tokens/self") => (header("private-token"), true),
                ("GET", "/v1/models") if header("x-api-key").is_some() => (
                    header("x-api-key"),
                    header("anthropic-version").as_deref() == Some("2023-06-01"),
                ),
                ("GET", "/v1/models") => (bearer, true),
                ("GET", "/api/whoami-v2") => (bearer, true),
                ("POST", "/api/auth.test") => (bearer, true),
                ("POST", "/") => {
                    let auth = header("authorization").unwrap_or_default();
                    let akid = auth
                        .strip_prefix("AWS4-HMAC-SHA256 Credential=")
                        .and_then(|r| r.split('/').next())
                        .map(str::to_string);
                    let ok = auth.contains("/us-east-1/sts/aws4_request")
                        && auth.contains("SignedHeaders=content-type;host;x-amz-date")
                        && header("x-amz-date").is_some()
                        && body == "Action=GetCallerIdentity&Version=2011-06-15";
                    (akid, ok)
                }
                _ => (None, false),
            };
            log.lock().unwrap().push(format!("{method} {url}"));
            let good = shape_ok
                && cred
                    .as_ref()
                    .is_some_and(|c| valid.get(c).is_some_and(|p| url.starts_with(p)));
            let resp = if url == "/api/auth.test" {
                let body = if good {
                    r#"{"ok":true}"#
                } else {
                    r#"{"ok":false,"error":"invalid_auth"}"#
                };
                tiny_http::Response::from_string(body).with_status_code(200)
            } else if good {
                tiny_http::Response::from_string("{}").with_status_code(200)
            } else {
                tiny_http::Response::from_string("{}").with_status_code(if shape_ok {
                    401
                } else {
                    400
                })
            };
            let _ = req.respond(resp);
        }
    });
    Mock {
        base: format!("http://127.0.0.1:{port}"),
        seen,
    }
}

#[test]
fn providers_answer_valid_invalid_and_unknown() {
    let scanner = SecretsScanner::new(SecretsConfig::default()).unwrap();
    let cases: &[(&str, &str)] = &[
        ("secrets/github-pat-classic", "/user"),
        ("secrets/gitlab-pat", "/api/v4/personal_access_tokens/self"),
        ("secrets/slack-bot-token", "/api/auth.test"),
        ("secrets/openai-project-key", "/v1/models"),
        ("secrets/anthropic-api-key", "/v1/models"),
        ("secrets/huggingface-token", "/api/whoami-v2"),
    ];
    let mut valid = HashMap::new();
    let mut secrets = Vec::new();
    for (rule, path) in cases {
        let (secret, _) = secret_of(&scanner, rule);
        valid.insert(secret.clone(), *path);
        secrets.push((rule, secret));
    }
    let m = mock(valid);
    let ep = ValidationEndpoints::all_at(&m.base);
    for (rule, secret) in &secrets {
        assert_eq!(
            validate(secret.as_bytes(), rule, b"", &ep),
            Validation::Valid,
            "{rule}"
        );
        // Same shape, one character changed: the mock does not know it.
        let mut wrong = secret.clone().into_bytes();
        let last = wrong.len() - 1;
        wrong[last] = if wrong[last] == b'a' { b'b' } else { b'a' };
        assert_eq!(
            validate(&wrong, rule, b"", &ep),
            Validation::Invalid,
            "{rule}"
        );
    }
    // No identity call exists for this provider: unknown, and nothing is sent.
    let before = m.seen.lock().unwrap().len();
    assert_eq!(
        validate(b"sk_live_abc", "secrets/stripe-secret-key", b"", &ep),
        Validation::Unknown
    );
    assert_eq!(m.seen.lock().unwrap().len(), before);
    // A provider that does not answer: unknown.
    let dead = ValidationEndpoints::all_at("http://127.0.0.1:9");
    assert_eq!(
        validate(secrets[0].1.as_bytes(), secrets[0].0, b"", &dead),
        Validation::Unknown
    );
}

#[test]
fn aws_pair_is_signed_with_sigv4_and_checked_with_sts() {
    let scanner = SecretsScanner::new(SecretsConfig::default()).unwrap();
    let (akid, _) = secret_of(&scanner, "secrets/aws-access-key-id");
    let file = format!(
        "[default]\naws_access_key_id = {akid}\naws_secret_access_key = Zq8x1Vb7Nm3Kl9Pq2Ws4Ed6Rf8Tg0Yh5Uj7Ik9Ol\n"
    );
    let m = mock(HashMap::from([(akid.clone(), "/")]));
    let ep = ValidationEndpoints::all_at(&m.base);
    assert_eq!(
        validate(
            akid.as_bytes(),
            "secrets/aws-access-key-id",
            file.as_bytes(),
            &ep
        ),
        Validation::Valid
    );
    // Without the secret half in the file there is nothing to sign with.
    assert_eq!(
        validate(akid.as_bytes(), "secrets/aws-access-key-id", b"", &ep),
        Validation::Unknown
    );

    // End to end: the finding carries the verdict.
    let s = SecretsScanner::new(SecretsConfig::default())
        .unwrap()
        .with_validation(ep);
    let mut found = Vec::new();
    s.findings_in(
        file.as_bytes(),
        "credentials",
        &|r| rampart_core::Location::file("credentials", Some(r)),
        0,
        &mut found,
    );
    let f = found
        .iter()
        .find(|f| f.rule_id == "secrets/aws-access-key-id")
        .expect("aws finding");
    assert_eq!(
        f.properties.get("validation").and_then(|v| v.as_str()),
        Some("valid")
    );
    assert!(m.seen.lock().unwrap().iter().any(|r| r == "POST /"));
}

#[test]
fn validation_is_off_by_default() {
    let s = SecretsScanner::new(SecretsConfig::default()).unwrap();
    let (akid, line) = secret_of(&s, "secrets/aws-access-key-id");
    let mut found = Vec::new();
    s.findings_in(
        line.as_bytes(),
        "x",
        &|r| rampart_core::Location::file("x", Some(r)),
        0,
        &mut found,
    );
    assert!(!found.is_empty(), "{akid}");
    assert!(
        found
            .iter()
            .all(|f| !f.properties.contains_key("validation"))
    );
}
