//! SARIF 2.1.0 (OASIS), shaped for GitHub code scanning.
//!
//! - `tool.driver.rules` holds every rule that reported something in this run, with its
//!   documentation (`Rule::explain`), tags (`security`, `external/cwe/cwe-N`, OWASP, SSDF),
//!   `security-severity` and `precision`, which GitHub reads to rank alerts.
//! - Result URIs are relative to `%SRCROOT%` (the scanned directory), so the same SARIF file is
//!   valid wherever the checkout lives.
//! - `partialFingerprints["rampart/v1"]` is the finding's line-independent fingerprint, so an
//!   alert survives code moving above it.
//! - Suppressed findings stay in `results` with `suppressions` (GitHub shows them as dismissed).
//! - Diagnostics go to `invocations[0].toolExecutionNotifications`; the run still succeeded.

use std::collections::BTreeMap;
use std::io::Write;

use rampart_core::finding::Region;
use rampart_core::scanner::DiagnosticLevel;
use rampart_core::{Confidence, Finding, Location, Rule, Severity, SuppressionKind};
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use crate::{Report, ReportError};

pub(crate) const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// GitHub rejects a rule with more than 20 tags (and shows the first 10, so the order matters).
const MAX_TAGS: usize = 20;
/// GitHub rejects a result with more than 1000 locations.
const MAX_LOCATIONS: usize = 1000;

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ReportError> {
    // Rules in id order; results refer to them by index.
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in report.findings {
        by_rule.entry(f.rule_id.as_str()).or_default().push(f);
    }
    let index: BTreeMap<&str, usize> = by_rule.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let rules: Vec<Value> = by_rule
        .iter()
        .map(|(id, findings)| {
            let worst = findings
                .iter()
                .map(|f| f.severity)
                .max()
                .unwrap_or(Severity::Info);
            match report.rules.get(id) {
                Some(rule) => rule_descriptor(rule, worst),
                None => minimal_rule_descriptor(findings, worst),
            }
        })
        .collect();

    let notifications: Vec<Value> = report.result.diagnostics.iter().map(notification).collect();
    let stats = &report.result.stats;
    let version = &report.opts.tool_version;

    let mut driver = json!({
        "name": "rampart",
        "rules": rules,
    });
    if !version.is_empty() {
        driver["version"] = json!(version);
        if is_semver(version) {
            driver["semanticVersion"] = json!(version);
        }
    }

    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: json!({ "driver": driver }),
            invocations: json!([{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }]),
            original_uri_base_ids: json!({
                SRCROOT: {
                    "description": {
                        "text": "The directory rampart scanned; result URIs are relative to it."
                    }
                }
            }),
            results: Results {
                findings: report.findings,
                index: &index,
            },
            properties: json!({
                "filesScanned": stats.files_scanned,
                "bytesScanned": stats.bytes_scanned,
                "filesSkipped": stats.files_skipped,
                "durationMs": stats.duration_ms,
                "scanners": stats.scanners,
            }),
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    invocations: Value,
    original_uri_base_ids: Value,
    results: Results<'a>,
    properties: Value,
}

/// Results are built one at a time while they are written, so memory does not grow with a
/// second, JSON-tree copy of every finding.
struct Results<'a> {
    findings: &'a [Finding],
    index: &'a BTreeMap<&'a str, usize>,
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.findings.len()))?;
        for f in self.findings {
            seq.serialize_element(&result(
                f,
                self.index.get(f.rule_id.as_str()).copied().unwrap_or(0),
            ))?;
        }
        seq.end()
    }
}

/// GitHub's mapping: error for critical/high, warning for medium, note below.
pub(crate) fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn precision(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

fn problem_severity(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "recommendation",
    }
}

fn tags(
    scanner: &str,
    cwe: &[u32],
    owasp: &[String],
    owasp_llm: &[String],
    ssdf: &[String],
    extra: &[String],
) -> Vec<String> {
    let mut tags = vec!["security".to_string(), scanner.to_string()];
    tags.extend(cwe.iter().map(|c| format!("external/cwe/cwe-{c}")));
    tags.extend(owasp.iter().map(|o| format!("external/owasp/{o}")));
    tags.extend(owasp_llm.iter().map(|o| format!("external/owasp-llm/{o}")));
    tags.extend(ssdf.iter().map(|p| format!("external/nist-ssdf/{p}")));
    tags.extend(extra.iter().cloned());
    let mut seen = std::collections::BTreeSet::new();
    tags.retain(|t| !t.is_empty() && seen.insert(t.clone()));
    tags.truncate(MAX_TAGS);
    tags
}

/// The rule's short name: the part of the id after the namespace.
fn rule_name(id: &str) -> &str {
    id.split_once('/').map_or(id, |(_, name)| name)
}

/// `worst` is the highest severity the rule reported in this run: the rule's own severity unless
/// the configuration or the scanner (e.g. a CVSS score) raised or lowered it.
fn rule_descriptor(rule: &Rule, worst: Severity) -> Value {
    let help = rule.explain();
    let mut d = json!({
        "id": rule.id,
        "name": rule_name(&rule.id),
        "shortDescription": { "text": rule.title },
        "fullDescription": { "text": non_empty(&rule.description, &rule.title) },
        "help": { "text": help, "markdown": help },
        "defaultConfiguration": { "level": level(worst) },
        "properties": {
            "tags": tags(&rule.scanner, &rule.cwe, &rule.owasp, &rule.owasp_llm, &rule.ssdf, &rule.tags),
            "security-severity": worst.security_severity(),
            "precision": precision(rule.confidence),
            "problem.severity": problem_severity(worst),
            "scanner": rule.scanner,
            "severity": rule.severity.as_str(),
            "cwe": rule.cwe,
            "owasp": rule.owasp,
            "owasp_llm": rule.owasp_llm,
            "ssdf": rule.ssdf,
        },
    });
    if let Some(uri) = rule.references.iter().find(|r| is_web_uri(r)) {
        d["helpUri"] = json!(uri);
    }
    d
}

/// A finding of a rule the registry does not know (a custom rule, a rule of a scanner that was not
/// registered): described from what the finding carries.
fn minimal_rule_descriptor(findings: &[&Finding], worst: Severity) -> Value {
    let Some(f) = findings.first() else {
        return json!({ "id": "unknown" });
    };
    let mut help = format!("# {} — {}\n\n", f.rule_id, f.title);
    if !f.remediation.trim().is_empty() {
        help.push_str("## How to fix\n\n");
        help.push_str(f.remediation.trim());
        help.push_str("\n\n");
    }
    for r in &f.references {
        help.push_str(&format!("- {r}\n"));
    }
    let mut d = json!({
        "id": f.rule_id,
        "name": rule_name(&f.rule_id),
        "shortDescription": { "text": non_empty(&f.title, &f.rule_id) },
        "fullDescription": { "text": non_empty(&f.title, &f.rule_id) },
        "help": { "text": help, "markdown": help },
        "defaultConfiguration": { "level": level(worst) },
        "properties": {
            "tags": tags(&f.scanner, &f.cwe, &f.owasp, &f.owasp_llm, &f.ssdf, &[]),
            "security-severity": worst.security_severity(),
            "precision": precision(f.confidence),
            "problem.severity": problem_severity(worst),
            "scanner": f.scanner,
        },
    });
    if let Some(uri) = f.references.iter().find(|r| is_web_uri(r)) {
        d["helpUri"] = json!(uri);
    }
    d
}

fn non_empty<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.trim().is_empty() { fallback } else { s }
}

fn result(f: &Finding, rule_index: usize) -> Value {
    let mut properties = Map::new();
    properties.insert("severity".into(), json!(f.severity.as_str()));
    properties.insert("confidence".into(), json!(f.confidence.as_str()));
    properties.insert("scanner".into(), json!(f.scanner));
    properties.insert(
        "security-severity".into(),
        json!(f.severity.security_severity()),
    );
    if !f.owasp.is_empty() {
        properties.insert("owasp".into(), json!(f.owasp));
    }
    if !f.owasp_llm.is_empty() {
        properties.insert("owasp_llm".into(), json!(f.owasp_llm));
    }
    if !f.ssdf.is_empty() {
        properties.insert("ssdf".into(), json!(f.ssdf));
    }
    if let Some(e) = &f.evidence {
        // Already redacted by `prepare`.
        properties.insert("evidence".into(), json!(e.text));
    }
    if !f.properties.is_empty() {
        properties.insert("properties".into(), json!(f.properties));
    }
    if f.locations.len() > MAX_LOCATIONS {
        properties.insert(
            "omittedLocations".into(),
            json!(f.locations.len() - MAX_LOCATIONS),
        );
    }

    let mut r = json!({
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": non_empty(&f.message, &f.title) },
        "locations": f.locations.iter().take(MAX_LOCATIONS).map(location).collect::<Vec<_>>(),
        "partialFingerprints": { "rampart/v1": f.fingerprint.as_str() },
        "properties": properties,
    });
    // `rampart ci --diff-base`: SARIF's own field for new versus pre-existing results.
    match f.properties.get("diff").and_then(|v| v.as_str()) {
        Some("new") => r["baselineState"] = json!("new"),
        Some("existing") | Some("moved") => r["baselineState"] = json!("unchanged"),
        _ => {}
    }
    if let Some(s) = &f.suppression {
        let mut sup = json!({
            "kind": match s.kind {
                SuppressionKind::Inline => "inSource",
                SuppressionKind::Config | SuppressionKind::Baseline => "external",
            },
            "status": "accepted",
            "justification": s.reason.as_deref().unwrap_or(&s.source),
            "properties": {
                "source": s.source,
                "rampartKind": match s.kind {
                    SuppressionKind::Inline => "inline",
                    SuppressionKind::Config => "config",
                    SuppressionKind::Baseline => "baseline",
                },
            },
        });
        if let Some(expires) = &s.expires {
            sup["properties"]["expires"] = json!(expires);
        }
        r["suppressions"] = json!([sup]);
    }
    r
}

fn location(l: &Location) -> Value {
    match l {
        Location::File { path, region: reg } => {
            json!({ "physicalLocation": physical(path, reg.as_ref().and_then(sarif_region)) })
        }
        Location::Package {
            manifest,
            line,
            ecosystem,
            name,
            version,
            purl,
        } => {
            let fqn = purl
                .clone()
                .unwrap_or_else(|| format!("{ecosystem}:{name}@{version}"));
            json!({
                "physicalLocation": physical(manifest, line.and_then(line_region)),
                "logicalLocations": [{
                    "name": name,
                    "fullyQualifiedName": fqn,
                    "kind": "package",
                }],
                "properties": { "ecosystem": ecosystem, "name": name, "version": version },
            })
        }
        Location::Image {
            image,
            layer,
            path,
            line,
        } => {
            let fqn = match layer {
                Some(layer) => format!("{image}@{layer}:{path}"),
                None => format!("{image}:{path}"),
            };
            let mut physical = json!({
                "artifactLocation": { "uri": encode_path(path.trim_start_matches('/')) },
            });
            if let Some(reg) = line.and_then(line_region) {
                physical["region"] = reg;
            }
            let mut props = json!({ "image": image });
            if let Some(layer) = layer {
                props["layer"] = json!(layer);
            }
            json!({
                "physicalLocation": physical,
                "logicalLocations": [{ "name": path, "fullyQualifiedName": fqn, "kind": "container-image-file" }],
                "properties": props,
            })
        }
        Location::Url {
            url,
            method,
            parameter,
        } => {
            let mut props = Map::new();
            if let Some(m) = method {
                props.insert("method".into(), json!(m));
            }
            if let Some(p) = parameter {
                props.insert("parameter".into(), json!(p));
            }
            // GitHub rejects the whole file if a result's location is only logical, so the URL
            // is the artifact too.
            json!({
                "physicalLocation": { "artifactLocation": { "uri": encode_url(url) } },
                "logicalLocations": [{
                    "name": parameter.as_deref().unwrap_or(url),
                    "fullyQualifiedName": url,
                    "kind": "url",
                }],
                "message": { "text": l.display() },
                "properties": props,
            })
        }
        Location::Git {
            commit,
            path,
            region: reg,
            author,
            date,
        } => {
            let mut props = Map::new();
            props.insert("commit".into(), json!(commit));
            if let Some(a) = author {
                props.insert("author".into(), json!(a));
            }
            if let Some(d) = date {
                props.insert("date".into(), json!(d));
            }
            json!({
                "physicalLocation": physical(path, reg.as_ref().and_then(sarif_region)),
                "properties": props,
            })
        }
    }
}

fn physical(path: &str, region: Option<Value>) -> Value {
    let mut p = json!({ "artifactLocation": artifact(path) });
    if let Some(r) = region {
        p["region"] = r;
    }
    p
}

/// A relative path becomes a `%SRCROOT%`-relative URI reference; an absolute one a `file:` URI.
fn artifact(path: &str) -> Value {
    let path = path.replace('\\', "/");
    let rel = path.trim_start_matches("./");
    if rel.starts_with('/') {
        json!({ "uri": format!("file://{}", encode_path(rel)) })
    } else if rel.len() > 2 && rel.as_bytes()[1] == b':' && rel.as_bytes()[0].is_ascii_alphabetic()
    {
        // A Windows drive path (`C:/...`).
        json!({ "uri": format!("file:///{}", encode_path(rel)) })
    } else {
        json!({ "uri": encode_path(rel), "uriBaseId": SRCROOT })
    }
}

/// Percent-encodes a path for a URI: everything but unreserved characters, sub-delimiters, `/` and
/// `@`. `:` is encoded too, so `a:b.txt` is not read as a URI with scheme `a`.
pub(crate) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'@'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
            );
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Makes a URL taken from a scan a valid URI reference: characters URIs never contain (spaces,
/// controls, non-ASCII, the backtick and `" < > \ ^ { | }`) and stray `%` are percent-encoded;
/// the rest is kept as is.
pub(crate) fn encode_url(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape_percent = b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit));
        let bad = !b.is_ascii_graphic()
            || matches!(
                b,
                b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
            )
            || escape_percent;
        if bad {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

/// A SARIF region, with only what is known: lines below 1 are unknown, and an empty span (as
/// `Region::line` makes) means "the whole line", so it carries no columns.
pub(crate) fn sarif_region(r: &Region) -> Option<Value> {
    if r.start_line < 1 {
        return None;
    }
    let mut v = json!({ "startLine": r.start_line });
    let empty_span = r.end_line == r.start_line && r.end_column == r.start_column;
    if r.start_column >= 1 && !empty_span {
        v["startColumn"] = json!(r.start_column);
    }
    if r.end_line > r.start_line {
        v["endLine"] = json!(r.end_line);
        if r.end_column >= 1 && r.start_column >= 1 {
            v["endColumn"] = json!(r.end_column);
        }
    } else if r.end_line == r.start_line && r.start_column >= 1 && r.end_column > r.start_column {
        v["endLine"] = json!(r.end_line);
        v["endColumn"] = json!(r.end_column);
    }
    Some(v)
}

fn line_region(line: u32) -> Option<Value> {
    (line >= 1).then(|| json!({ "startLine": line }))
}

fn notification(d: &rampart_core::Diagnostic) -> Value {
    let mut n = json!({
        "level": match d.level {
            DiagnosticLevel::Error => "error",
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Note => "note",
        },
        "message": { "text": d.message },
        "properties": { "scanner": d.scanner },
    });
    if let Some(path) = &d.path {
        n["locations"] =
            json!([{ "physicalLocation": physical(path, d.line.and_then(line_region)) }]);
    }
    n
}

/// An http(s) URL that is a valid URI as written (`helpUri` must be one; a non-ASCII IRI is not).
fn is_web_uri(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://".len()
        && s.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(
                    b,
                    b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`'
                )
        })
}

/// `MAJOR.MINOR.PATCH` with an optional pre-release/build suffix, as `semanticVersion` requires.
fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(encode_path("src/my file#1.py"), "src/my%20file%231.py");
        assert_eq!(encode_path("a:b/c%d"), "a%3Ab/c%25d");
        assert_eq!(encode_path("é.txt"), "%C3%A9.txt");
    }

    #[test]
    fn urls_become_valid_uris() {
        assert_eq!(
            encode_url("http://h/a b?q=<x>&p=%41%zz"),
            "http://h/a%20b?q=%3Cx%3E&p=%41%25zz"
        );
        assert_eq!(encode_url("https://h/é"), "https://h/%C3%A9");
    }

    #[test]
    fn artifacts_are_relative_to_srcroot() {
        assert_eq!(
            artifact("./src/a.py"),
            json!({"uri": "src/a.py", "uriBaseId": SRCROOT})
        );
        assert_eq!(artifact("/abs/a.py"), json!({"uri": "file:///abs/a.py"}));
    }

    #[test]
    fn regions_keep_only_what_is_known() {
        assert_eq!(
            sarif_region(&Region::line(4)),
            Some(json!({"startLine": 4}))
        );
        assert_eq!(sarif_region(&Region::line(0)), None);
        let span = Region {
            start_line: 2,
            start_column: 5,
            end_line: 2,
            end_column: 9,
        };
        assert_eq!(
            sarif_region(&span),
            Some(json!({"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 9}))
        );
        let multi = Region {
            start_line: 2,
            start_column: 5,
            end_line: 4,
            end_column: 1,
        };
        assert_eq!(
            sarif_region(&multi),
            Some(json!({"startLine": 2, "startColumn": 5, "endLine": 4, "endColumn": 1}))
        );
        let backwards = Region {
            start_line: 5,
            start_column: 3,
            end_line: 2,
            end_column: 1,
        };
        assert_eq!(
            sarif_region(&backwards),
            Some(json!({"startLine": 5, "startColumn": 3}))
        );
    }

    #[test]
    fn tags_are_deduplicated_and_capped() {
        let many: Vec<String> = (0..30).map(|i| format!("t{i}")).collect();
        let t = tags("sast", &[89, 89], &["A03:2021".into()], &[], &[], &many);
        assert_eq!(t.len(), MAX_TAGS);
        assert_eq!(
            &t[..4],
            [
                "security",
                "sast",
                "external/cwe/cwe-89",
                "external/owasp/A03:2021"
            ]
        );
    }

    #[test]
    fn help_uris_are_plain_urls() {
        assert!(is_web_uri("https://owasp.org/Top10/A03_2021-Injection/#x"));
        assert!(!is_web_uri("https://example.com/é"));
        assert!(!is_web_uri("see https://example.com"));
        assert!(!is_web_uri("https://example.com/a b"));
        assert!(!is_web_uri("CWE-89"));
    }

    #[test]
    fn semver_check() {
        assert!(is_semver("0.1.0"));
        assert!(is_semver("1.2.3-rc.1+abc"));
        assert!(!is_semver("1.2"));
        assert!(!is_semver("dev"));
    }
}
