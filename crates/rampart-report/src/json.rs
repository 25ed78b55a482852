//! rampart's JSON report, schema version 1 (`docs/json-schema.md`,
//! `docs/rampart-report.schema.json`).
//!
//! The document is built from structs of this module rather than by serializing core types
//! wholesale, so the published schema changes only when this file does: every key is always
//! present (empty arrays, `null`), and a new key means a new `schema_version`.

use std::collections::BTreeMap;
use std::io::Write;

use rampart_core::scanner::{Diagnostic, DiagnosticLevel};
use rampart_core::{Finding, Location, Severity, SuppressionKind};
use serde::Serialize;

use crate::{Report, ReportError};

/// Bumped whenever a key is added, removed or changes meaning.
pub const SCHEMA_VERSION: &str = "1";

#[derive(Serialize)]
struct Document<'a> {
    schema_version: &'static str,
    tool: Tool<'a>,
    stats: Stats<'a>,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// SSDF evidence of a pipeline stage run (`rampart ci`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    ssdf: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct Tool<'a> {
    name: &'static str,
    version: &'a str,
}

#[derive(Serialize)]
struct Stats<'a> {
    files_scanned: u64,
    bytes_scanned: u64,
    files_skipped: u64,
    duration_ms: u64,
    scanners: &'a [String],
}

#[derive(Serialize)]
struct Summary {
    total: usize,
    active: usize,
    suppressed: usize,
    /// Unsuppressed findings per severity; every severity is present.
    by_severity: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule_id: &'a str,
    scanner: &'a str,
    severity: Severity,
    confidence: rampart_core::Confidence,
    title: &'a str,
    message: &'a str,
    locations: Vec<JsonLocation<'a>>,
    cwe: &'a [u32],
    owasp: &'a [String],
    owasp_llm: &'a [String],
    ssdf: &'a [String],
    remediation: &'a str,
    references: &'a [String],
    evidence: Option<&'a str>,
    fingerprint: &'a str,
    properties: &'a BTreeMap<String, serde_json::Value>,
    suppression: Option<JsonSuppression<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum JsonLocation<'a> {
    File {
        path: &'a str,
        region: Option<JsonRegion>,
    },
    Package {
        manifest: &'a str,
        line: Option<u32>,
        ecosystem: &'a str,
        name: &'a str,
        version: &'a str,
        purl: Option<&'a str>,
    },
    Image {
        image: &'a str,
        layer: Option<&'a str>,
        path: &'a str,
        line: Option<u32>,
    },
    Url {
        url: &'a str,
        method: Option<&'a str>,
        parameter: Option<&'a str>,
    },
    Git {
        commit: &'a str,
        path: &'a str,
        region: Option<JsonRegion>,
        author: Option<&'a str>,
        date: Option<&'a str>,
    },
}

#[derive(Serialize)]
struct JsonRegion {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
struct JsonSuppression<'a> {
    kind: &'static str,
    source: &'a str,
    reason: Option<&'a str>,
    expires: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    level: &'static str,
    scanner: &'a str,
    path: Option<&'a str>,
    line: Option<u32>,
    message: &'a str,
}

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ReportError> {
    let stats = &report.result.stats;
    let active = report.active().count();
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "rampart",
            version: &report.opts.tool_version,
        },
        stats: Stats {
            files_scanned: stats.files_scanned,
            bytes_scanned: stats.bytes_scanned,
            files_skipped: stats.files_skipped,
            duration_ms: stats.duration_ms,
            scanners: &stats.scanners,
        },
        summary: Summary {
            total: report.findings.len(),
            active,
            suppressed: report.findings.len() - active,
            by_severity: report
                .counts()
                .iter()
                .map(|(s, n)| (s.as_str(), *n))
                .collect(),
        },
        findings: report.findings.iter().map(finding).collect(),
        diagnostics: report.result.diagnostics.iter().map(diagnostic).collect(),
        ssdf: report.ssdf.map(|e| e.to_json()),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule_id: &f.rule_id,
        scanner: &f.scanner,
        severity: f.severity,
        confidence: f.confidence,
        title: &f.title,
        message: &f.message,
        locations: f.locations.iter().map(location).collect(),
        cwe: &f.cwe,
        owasp: &f.owasp,
        owasp_llm: &f.owasp_llm,
        ssdf: &f.ssdf,
        remediation: &f.remediation,
        references: &f.references,
        // `prepare` has already redacted the evidence (sensitive ranges are gone).
        evidence: f.evidence.as_ref().map(|e| e.text.as_str()),
        fingerprint: f.fingerprint.as_str(),
        properties: &f.properties,
        suppression: f.suppression.as_ref().map(|s| JsonSuppression {
            kind: match s.kind {
                SuppressionKind::Inline => "inline",
                SuppressionKind::Config => "config",
                SuppressionKind::Baseline => "baseline",
            },
            source: &s.source,
            reason: s.reason.as_deref(),
            expires: s.expires.as_deref(),
        }),
    }
}

fn region(r: &rampart_core::finding::Region) -> JsonRegion {
    JsonRegion {
        start_line: r.start_line,
        start_column: r.start_column,
        end_line: r.end_line,
        end_column: r.end_column,
    }
}

fn location(l: &Location) -> JsonLocation<'_> {
    match l {
        Location::File { path, region: r } => JsonLocation::File {
            path,
            region: r.as_ref().map(region),
        },
        Location::Package {
            manifest,
            line,
            ecosystem,
            name,
            version,
            purl,
        } => JsonLocation::Package {
            manifest,
            line: *line,
            ecosystem,
            name,
            version,
            purl: purl.as_deref(),
        },
        Location::Image {
            image,
            layer,
            path,
            line,
        } => JsonLocation::Image {
            image,
            layer: layer.as_deref(),
            path,
            line: *line,
        },
        Location::Url {
            url,
            method,
            parameter,
        } => JsonLocation::Url {
            url,
            method: method.as_deref(),
            parameter: parameter.as_deref(),
        },
        Location::Git {
            commit,
            path,
            region: r,
            author,
            date,
        } => JsonLocation::Git {
            commit,
            path,
            region: r.as_ref().map(region),
            author: author.as_deref(),
            date: date.as_deref(),
        },
    }
}

fn diagnostic(d: &Diagnostic) -> JsonDiagnostic<'_> {
    JsonDiagnostic {
        level: match d.level {
            DiagnosticLevel::Note => "note",
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Error => "error",
        },
        scanner: &d.scanner,
        path: d.path.as_deref(),
        line: d.line,
        message: &d.message,
    }
}
