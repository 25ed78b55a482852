//! The scanner against the planted flaws of `apps/vulnapp.py` and against its fixed twin.

mod support;

use std::collections::BTreeSet;

use rampart_core::Location;
use rampart_dast::{DastConfig, run};
use support::{App, inspector, summary};

fn scan(app: &App) -> rampart_dast::DastReport {
    let mut cfg = DastConfig::new(app.url("/"));
    cfg.allow_destructive = true;
    cfg.llm = false;
    run(cfg, inspector(), None).expect("scan runs")
}

/// (rule, path, parameter) of every finding.
fn triples(r: &rampart_dast::DastReport) -> BTreeSet<(String, String, String)> {
    r.findings
        .iter()
        .map(|f| match &f.locations[0] {
            Location::Url { url, parameter, .. } => {
                let path = url::Url::parse(url)
                    .map(|u| u.path().to_string())
                    .unwrap_or_default();
                (
                    f.rule_id.clone(),
                    path,
                    parameter.clone().unwrap_or_default(),
                )
            }
            other => (f.rule_id.clone(), other.display(), String::new()),
        })
        .collect()
}

#[test]
fn every_planted_flaw_is_found() {
    let app = App::start("vulnapp.py", "vulnerable");
    let report = scan(&app);
    let got = triples(&report);
    let text = summary(&report.findings);
    let expected: &[(&str, &str, &str)] = &[
        ("dast/sql-injection", "/item", "id"),
        ("dast/sql-injection", "/user", "name"),
        ("dast/sql-injection", "/lookup", "code"),
        ("dast/xss-reflected", "/search", "q"),
        ("dast/xss-reflected", "/profile", "name"),
        ("dast/xss-reflected", "/greet", "name"),
        ("dast/xss-reflected", "/hello", "name"),
        ("dast/xss-stored", "/comments", "text"),
        ("dast/command-injection", "/ping", "host"),
        ("dast/command-injection", "/notify", "email"),
        ("dast/path-traversal", "/file", "name"),
        ("dast/ssrf", "/fetch", "url"),
        ("dast/open-redirect", "/go", "next"),
        ("dast/crlf-injection", "/lang", "set"),
        ("dast/ssti", "/hello", "name"),
        ("dast/csrf", "/settings", ""),
        ("dast/csrf", "/comments", ""),
        ("dast/default-credentials", "/login", "username"),
        ("dast/no-brute-force-protection", "/login", "username"),
        ("dast/unrestricted-file-upload", "/upload", "doc"),
        ("dast/http-trace", "/", ""),
        ("dast/xxe", "/api/import", ""),
        ("dast/cors-arbitrary-origin", "/api/stock", ""),
        ("dast/stack-trace", "/report", ""),
        ("dast/directory-listing", "/backup/", ""),
        ("dast/cacheable-sensitive-page", "/login", ""),
        ("test/aws-key", "/static/config.js", ""),
    ];
    for (rule, path, param) in expected {
        assert!(
            got.contains(&(rule.to_string(), path.to_string(), param.to_string())),
            "missing {rule} {path} [{param}]\nfound:\n{text}"
        );
    }
    // Site-wide header findings: one each, not one per page.
    for rule in [
        "dast/csp-missing",
        "dast/frame-protection-missing",
        "dast/x-content-type-options-missing",
        "dast/version-disclosure",
        "dast/cookie-no-httponly",
        "dast/cookie-no-samesite",
    ] {
        let n = report.findings.iter().filter(|f| f.rule_id == rule).count();
        assert!(n >= 1, "missing {rule}\n{text}");
        if rule != "dast/version-disclosure" {
            assert_eq!(n, 1, "{rule} not de-duplicated\n{text}");
        }
    }
    // Every finding is one we planted: nothing else.
    let planted: BTreeSet<&str> = expected.iter().map(|e| e.0).collect();
    for f in &report.findings {
        assert!(
            planted.contains(f.rule_id.as_str())
                || f.rule_id.starts_with("dast/csp")
                || f.rule_id.starts_with("dast/cookie")
                || [
                    "dast/frame-protection-missing",
                    "dast/x-content-type-options-missing",
                    "dast/version-disclosure"
                ]
                .contains(&f.rule_id.as_str()),
            "unexpected {} at {}: {}",
            f.rule_id,
            f.locations[0].display(),
            f.message
        );
    }
    // Evidence of the secret never carries it in full.
    let secret = report
        .findings
        .iter()
        .find(|f| f.rule_id == "test/aws-key")
        .unwrap();
    assert!(
        !secret
            .evidence
            .as_ref()
            .unwrap()
            .render(false)
            .contains("AKIAQYLPMN5HFIQR7XYZ")
    );
    eprintln!(
        "vulnerable: {} findings, {} requests, {:?}",
        report.findings.len(),
        report.stats.requests,
        report.stats.duration
    );
}

#[test]
fn the_fixed_twin_has_no_findings() {
    let app = App::start("vulnapp.py", "fixed");
    let report = scan(&app);
    assert!(
        report.findings.is_empty(),
        "false positives:\n{}",
        summary(&report.findings)
    );
    assert!(
        report.stats.pages >= 15,
        "the spider saw only {} pages",
        report.stats.pages
    );
    eprintln!(
        "fixed: {} requests, {:?}",
        report.stats.requests, report.stats.duration
    );
}
