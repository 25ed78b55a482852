//! A scan result built by hand with a finding of every location kind, suppressed findings, secret
//! evidence, a rule the registry does not know, and diagnostics.

#![allow(dead_code)]
// Sensitive spans are a list of ranges; one range is the common case, not a mistake.
#![allow(clippy::single_range_in_vec_init)]

use rampart_core::finding::Region;
use rampart_core::pipeline::{ScanResult, ScanStats};
use rampart_core::{
    Confidence, Diagnostic, Evidence, Finding, Fingerprint, Location, Rule, RuleRegistry, Severity,
    Suppression, SuppressionKind,
};
use rampart_report::RenderOptions;

/// The secret of the fixtures, assembled at run time so the source holds no token-shaped literal
/// for a secrets scanner (rampart's own dogfooding) to report.
pub fn secret() -> String {
    ["gh", "p_", "R4mpartTestT0kenNotReal", "0123456789abc"].concat()
}

/// A part of the secret that redaction must never reveal.
pub fn secret_middle() -> String {
    secret()[6..30].to_string()
}

fn rule(id: &str, scanner: &str, title: &str, severity: Severity) -> Rule {
    Rule {
        rationale: "It is a risk.".into(),
        remediation: "Fix it.".into(),
        ..Rule::new(
            id,
            scanner,
            title,
            severity,
            Confidence::High,
            format!("Detects: {title}."),
        )
    }
}

pub fn registry() -> RuleRegistry {
    let mut reg = RuleRegistry::new();

    let mut r = rule(
        "secrets/github-token",
        "secrets",
        "GitHub personal access token",
        Severity::Critical,
    );
    r.cwe = vec![798];
    r.owasp = vec!["A07:2021".into()];
    r.ssdf = vec!["PS.1.1".into()];
    r.remediation = "Revoke the token on GitHub, then remove it from the history.".into();
    r.references = vec!["https://docs.github.com/en/authentication".into()];
    r.example = Some("token = \"ghp_...\"".into());
    reg.insert(r).unwrap();

    let mut r = rule(
        "sast/sql-injection",
        "sast",
        "SQL built from user input",
        Severity::High,
    );
    r.cwe = vec![89];
    r.owasp = vec!["A03:2021".into()];
    r.ssdf = vec!["PW.7.2".into()];
    r.confidence = Confidence::Medium;
    r.tags = vec!["python".into()];
    reg.insert(r).unwrap();

    let mut r = rule(
        "sca/vulnerable-dependency",
        "sca",
        "Dependency with a known vulnerability",
        Severity::High,
    );
    r.cwe = vec![1395];
    r.owasp = vec!["A06:2021".into()];
    r.ssdf = vec!["PW.4.4".into()];
    r.references = vec!["https://osv.dev/".into()];
    reg.insert(r).unwrap();

    let mut r = rule(
        "container/world-writable-file",
        "container",
        "World-writable file in image",
        Severity::Medium,
    );
    r.cwe = vec![732];
    reg.insert(r).unwrap();

    let mut r = rule(
        "dast/missing-csp",
        "dast",
        "Content-Security-Policy header missing",
        Severity::Low,
    );
    r.cwe = vec![693];
    r.owasp = vec!["A05:2021".into()];
    r.confidence = Confidence::Low;
    reg.insert(r).unwrap();

    let mut r = rule(
        "models/pickle-import",
        "models",
        "Pickle imports a callable",
        Severity::Info,
    );
    r.owasp_llm = vec!["LLM03:2025".into()];
    reg.insert(r).unwrap();

    reg
}

pub fn scan_result() -> ScanResult {
    let reg = registry();
    let get = |id: &str| reg.get(id).unwrap().clone();
    let secret = secret();

    let line = format!("GITHUB_TOKEN = \"{secret}\"");
    let start = line.find("gh").unwrap();
    let token = Finding::new(
        &get("secrets/github-token"),
        Location::file(
            "config/settings.py",
            Some(Region {
                start_line: 12,
                start_column: 17,
                end_line: 12,
                end_column: 57,
            }),
        ),
        // A careless message that repeats the secret: outputs must scrub it anyway.
        format!("GitHub token {secret} committed in source"),
    )
    .with_evidence(Evidence::with_sensitive(
        &line,
        vec![start..start + secret.len()],
    ))
    .with_fingerprint(Fingerprint::from_parts([
        "secrets/github-token",
        secret.as_str(),
    ]))
    .with_property("secret_hash", "3f1a9c0d2b7e");

    let history = Finding::new(
        &get("secrets/github-token"),
        Location::Git {
            commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904".into(),
            path: "old/.env".into(),
            region: Some(Region::line(3)),
            author: Some("Dev <dev@example.com>".into()),
            date: Some("2024-05-01T10:00:00Z".into()),
        },
        "GitHub token in git history",
    )
    .with_evidence(Evidence::with_sensitive(
        format!("TOKEN={secret}"),
        vec![6..6 + secret.len()],
    ))
    .with_fingerprint(Fingerprint::from_parts(["secrets/github-token", "history"]));

    let sqli = Finding::new(
        &get("sast/sql-injection"),
        Location::file(
            "app/db.py",
            Some(Region { start_line: 41, start_column: 5, end_line: 42, end_column: 30 }),
        ),
        "Query | built with f-string from `request.args`\nsecond line",
    )
    .with_evidence(Evidence::plain(
        "    cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n    rows = cur.fetchall()",
    ));

    let vuln = Finding::new(
        &get("sca/vulnerable-dependency"),
        Location::Package {
            manifest: "requirements.txt".into(),
            line: Some(4),
            ecosystem: "PyPI".into(),
            name: "jinja2".into(),
            version: "2.10".into(),
            purl: Some("pkg:pypi/jinja2@2.10".into()),
        },
        "jinja2 2.10 is affected by GHSA-462w-v97r-4m45 (fixed in 2.10.1)",
    )
    .with_severity(Severity::Critical)
    .with_property("advisory", "GHSA-462w-v97r-4m45")
    .with_property("fixed_version", "2.10.1");

    let image = Finding::new(
        &get("container/world-writable-file"),
        Location::Image {
            image: "registry.example/app:1.0".into(),
            layer: Some("sha256:aabbccddeeff00112233445566778899".into()),
            path: "/etc/app/conf.d/run.sh".into(),
            line: None,
        },
        "run.sh is writable by every user",
    );

    let url = Finding::new(
        &get("dast/missing-csp"),
        Location::Url {
            url: "http://127.0.0.1:8080/login?next=/home".into(),
            method: Some("GET".into()),
            parameter: Some("next".into()),
        },
        "The response has no Content-Security-Policy header",
    );

    let pickle = Finding::new(
        &get("models/pickle-import"),
        Location::file("models/model.pkl", None),
        "The pickle imports `collections.OrderedDict`",
    );

    // A rule no registered scanner declares (e.g. a custom rule directory).
    let custom_rule = Rule {
        remediation: "Finish the check.".into(),
        references: vec!["https://example.com/rules/todo-auth".into()],
        cwe: vec![287],
        ..Rule::new(
            "custom/todo-auth",
            "custom",
            "Authentication TODO left in code",
            Severity::Medium,
            Confidence::Low,
            "x",
        )
    };
    let custom = Finding::new(
        &custom_rule,
        Location::file("app/auth.py", Some(Region::line(7))),
        // Control characters from a scanned file must not reach a terminal or XML raw.
        "TODO: check auth \u{1b}[2J\u{7} <b>now</b> & 'then'",
    );

    let mut inline = Finding::new(
        &get("sast/sql-injection"),
        Location::file("app/report.py", Some(Region::line(88))),
        "Query built with % formatting",
    );
    inline.suppression = Some(Suppression {
        kind: SuppressionKind::Inline,
        source: "rampart:ignore[sast/sql-injection]".into(),
        reason: Some("table name is a constant | reviewed".into()),
        expires: None,
    });

    let mut baselined = Finding::new(
        &get("secrets/github-token"),
        Location::file("tests/fixtures/token.txt", Some(Region::line(1))),
        "GitHub token in a fixture",
    )
    .with_evidence(Evidence::with_sensitive(
        secret.clone(),
        vec![0..secret.len()],
    ))
    .with_fingerprint(Fingerprint::from_parts(["secrets/github-token", "fixture"]));
    baselined.suppression = Some(Suppression {
        kind: SuppressionKind::Baseline,
        source: "rampart-baseline.json".into(),
        reason: None,
        expires: None,
    });

    let mut ignored = Finding::new(
        &get("dast/missing-csp"),
        Location::Url {
            url: "http://127.0.0.1:8080/health".into(),
            method: None,
            parameter: None,
        },
        "The response has no Content-Security-Policy header",
    );
    ignored.suppression = Some(Suppression {
        kind: SuppressionKind::Config,
        source: "rampart.toml ignore[0]".into(),
        reason: Some("health endpoint returns no HTML".into()),
        expires: Some("2099-01-01".into()),
    });

    ScanResult {
        // Deliberately unsorted: outputs sort.
        findings: vec![
            pickle, url, custom, inline, sqli, token, image, baselined, vuln, history, ignored,
        ],
        diagnostics: vec![
            Diagnostic::error(
                "sca",
                Some("package-lock.json"),
                Some(17),
                "expected `,` or `}`",
            ),
            Diagnostic::warning(
                "models",
                Some("models/big.bin"),
                "file larger than 2 GiB skipped",
            ),
            Diagnostic::warning("secrets", None, "rule secrets/x disabled: regex too large"),
        ],
        stats: ScanStats {
            files_scanned: 42,
            bytes_scanned: 123_456,
            files_skipped: 3,
            duration_ms: 1234,
            scanners: vec![
                "container".into(),
                "dast".into(),
                "models".into(),
                "sast".into(),
                "sca".into(),
                "secrets".into(),
            ],
        },
    }
}

pub fn options() -> RenderOptions {
    RenderOptions {
        color: false,
        show_secrets: false,
        tool_version: "0.1.0".into(),
        show_suppressed: false,
    }
}

pub fn render(format: rampart_report::Format, opts: &RenderOptions) -> String {
    render_result(format, &scan_result(), opts)
}

pub fn render_result(
    format: rampart_report::Format,
    result: &ScanResult,
    opts: &RenderOptions,
) -> String {
    let mut out = Vec::new();
    rampart_report::render(format, result, &registry(), opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

pub fn load_json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("cannot read schema {path}: {e} (the test needs it; it is not optional)")
    });
    serde_json::from_str(&text).unwrap()
}

/// Validates `doc` against the schema at `path`, formats included; panics listing every error.
pub fn assert_valid(schema_path: &str, doc: &serde_json::Value) {
    let schema = load_json(schema_path);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema {schema_path} does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid against {schema_path}:\n{}",
        errors.join("\n")
    );
}
