//! GitLab security report JSON (schema 15.0.7): SAST, dependency scanning and secret detection,
//! so findings show in merge-request widgets and the vulnerability report. Each report holds the
//! findings of its kind only: `sast` gets SAST, IaC and model-file findings (GitLab files IaC
//! scanning under SAST), `dependency_scanning` the dependency findings, `secret_detection` the
//! secrets. Suppressed findings are left out: GitLab's formats cannot mark them.

use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rampart_core::{Finding, Fingerprint, Location, Severity};
use serde_json::{Value, json};

use crate::{Report, ReportError};

/// The schema version written into every report.
pub const GITLAB_SCHEMA_VERSION: &str = "15.0.7";

/// The three report types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sast,
    DependencyScanning,
    SecretDetection,
}

impl Kind {
    fn scan_type(self) -> &'static str {
        match self {
            Kind::Sast => "sast",
            Kind::DependencyScanning => "dependency_scanning",
            Kind::SecretDetection => "secret_detection",
        }
    }

    fn wants(self, f: &Finding) -> bool {
        match self {
            Kind::Sast => matches!(f.scanner.as_str(), "sast" | "iac" | "models"),
            Kind::DependencyScanning => {
                f.scanner == "sca"
                    && f.locations
                        .iter()
                        .any(|l| matches!(l, Location::Package { .. }))
            }
            Kind::SecretDetection => f.scanner == "secrets",
        }
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

/// `YYYY-MM-DDTHH:MM:SS` in UTC, the only form the schema accepts (no zone, no fraction).
pub(crate) fn gitlab_time(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (proleptic Gregorian, era-based).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// A stable UUID-shaped id: the same finding gets the same id in every pipeline, which is how
/// GitLab tracks a vulnerability across runs.
fn uuid(f: &Finding, kind: Kind) -> String {
    let h = Fingerprint::from_parts([
        kind.scan_type().as_bytes(),
        f.rule_id.as_bytes(),
        f.fingerprint.as_str().as_bytes(),
    ]);
    let s = h.as_str();
    format!(
        "{}-{}-{}-{}-{}",
        &s[0..8],
        &s[8..12],
        &s[12..16],
        &s[16..20],
        &s[20..32]
    )
}

fn identifiers(f: &Finding) -> Vec<Value> {
    let mut ids = vec![json!({
        "type": "rampart_rule",
        "name": format!("rampart {}", f.rule_id),
        "value": f.rule_id,
    })];
    for c in &f.cwe {
        ids.push(json!({
            "type": "cwe",
            "name": format!("CWE-{c}"),
            "value": c.to_string(),
            "url": format!("https://cwe.mitre.org/data/definitions/{c}.html"),
        }));
    }
    if let Some(adv) = f
        .properties
        .get("vulnerability_id")
        .and_then(|v| v.as_str())
    {
        ids.push(json!({"type": "osv", "name": adv, "value": adv, "url": format!("https://osv.dev/vulnerability/{adv}")}));
    }
    if let Some(aliases) = f.properties.get("aliases").and_then(|v| v.as_array()) {
        for a in aliases.iter().filter_map(|a| a.as_str()) {
            if a.starts_with("CVE-") {
                ids.push(json!({"type": "cve", "name": a, "value": a, "url": format!("https://www.cve.org/CVERecord?id={a}")}));
            }
        }
    }
    ids
}

fn location(f: &Finding, kind: Kind) -> Option<Value> {
    for l in &f.locations {
        match (kind, l) {
            (
                Kind::DependencyScanning,
                Location::Package {
                    manifest,
                    name,
                    version,
                    ..
                },
            ) => {
                return Some(json!({
                    "file": manifest,
                    "dependency": { "package": { "name": name }, "version": version },
                }));
            }
            (Kind::DependencyScanning, _) => {}
            (_, Location::File { path, region }) => {
                let mut v = json!({ "file": path });
                if let Some(r) = region {
                    v["start_line"] = json!(r.start_line.max(1));
                    v["end_line"] = json!(r.end_line.max(r.start_line).max(1));
                }
                if kind == Kind::SecretDetection {
                    v["commit"] = json!({ "sha": "0000000" });
                }
                return Some(v);
            }
            (
                _,
                Location::Git {
                    commit,
                    path,
                    region,
                    ..
                },
            ) => {
                let mut v = json!({ "file": path, "commit": { "sha": commit } });
                if let Some(r) = region {
                    v["start_line"] = json!(r.start_line.max(1));
                    v["end_line"] = json!(r.end_line.max(r.start_line).max(1));
                }
                return Some(v);
            }
            (_, Location::Image { path, line, .. }) => {
                let mut v = json!({ "file": path });
                if let Some(n) = line {
                    v["start_line"] = json!((*n).max(1));
                }
                if kind == Kind::SecretDetection {
                    v["commit"] = json!({ "sha": "0000000" });
                }
                return Some(v);
            }
            _ => {}
        }
    }
    None
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

pub(crate) fn write(
    report: &Report<'_>,
    kind: Kind,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let end = SystemTime::now();
    let start = end
        .checked_sub(Duration::from_millis(report.result.stats.duration_ms))
        .unwrap_or(end);
    let version = &report.opts.tool_version;
    let mut vulns = Vec::new();
    let mut dependency_files: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
    for f in report.active().filter(|f| kind.wants(f)) {
        let Some(loc) = location(f, kind) else {
            continue;
        };
        let mut description = f.message.clone();
        if let Some(e) = &f.evidence
            && !e.text.is_empty()
        {
            // Already redacted by `prepare`.
            description.push_str("\n\n");
            description.push_str(&e.text);
        }
        let mut v = json!({
            "id": uuid(f, kind),
            "name": truncate(if f.title.is_empty() { &f.rule_id } else { &f.title }, 255),
            "description": truncate(&description, 1_048_576),
            "severity": severity(f.severity),
            "identifiers": identifiers(f),
            "location": loc,
        });
        if !f.remediation.is_empty() {
            v["solution"] = json!(truncate(&f.remediation, 7000));
        }
        let links: Vec<Value> = f
            .references
            .iter()
            .filter(|r| r.starts_with("https://") || r.starts_with("http://"))
            .map(|r| json!({ "url": r }))
            .collect();
        if !links.is_empty() {
            v["links"] = json!(links);
        }
        if kind == Kind::DependencyScanning
            && let Some(file) = v["location"]["file"].as_str()
        {
            dependency_files
                .entry(file.to_string())
                .or_default()
                .push(json!({
                    "package": { "name": v["location"]["dependency"]["package"]["name"] },
                    "version": v["location"]["dependency"]["version"],
                }));
        }
        vulns.push(v);
    }
    let mut doc = json!({
        "version": GITLAB_SCHEMA_VERSION,
        "scan": {
            "analyzer": {
                "id": "rampart",
                "name": "rampart",
                "version": version,
                "vendor": { "name": "rampart" },
            },
            "scanner": {
                "id": format!("rampart-{}", kind.scan_type().replace('_', "-")),
                "name": "rampart",
                "version": version,
                "vendor": { "name": "rampart" },
            },
            "type": kind.scan_type(),
            "start_time": gitlab_time(start),
            "end_time": gitlab_time(end),
            "status": "success",
        },
        "vulnerabilities": vulns,
    });
    if kind == Kind::DependencyScanning {
        doc["dependency_files"] = json!(
            dependency_files
                .into_iter()
                .map(|(path, mut deps)| {
                    deps.dedup();
                    json!({ "path": path, "package_manager": "rampart", "dependencies": deps })
                })
                .collect::<Vec<_>>()
        );
    }
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_civil() {
        assert_eq!(gitlab_time(UNIX_EPOCH), "1970-01-01T00:00:00");
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3661); // 2000-02-29 01:01:01
        assert_eq!(gitlab_time(t), "2000-02-29T01:01:01");
        let t = UNIX_EPOCH + Duration::from_secs(1_798_761_599); // 2026-12-31 23:59:59
        assert_eq!(gitlab_time(t), "2026-12-31T23:59:59");
    }
}
