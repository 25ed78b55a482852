//! rampart's output formats: a human table, versioned JSON, SARIF 2.1.0, JUnit XML, Markdown and a
//! self-contained HTML report.
//!
//! Every format is written from the same [`ScanResult`] and [`RuleRegistry`] by [`render`]. Before a
//! format sees a finding, [`prepare`] redacts its evidence (unless
//! [`RenderOptions::show_secrets`]) and scrubs the secret values out of the message, title,
//! remediation, properties and URL locations, so a scanner that slipped a secret into a message
//! still cannot leak it through a report. Findings are written in one deterministic order
//! (severity, then location, then rule), whatever order the parallel scan produced them in.

use std::cmp::Reverse;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

use rampart_core::baseline::{Baseline, BaselineEntry};
use rampart_core::pipeline::ScanResult;
use rampart_core::{Finding, Location, RuleRegistry, Severity};

mod github;
mod gitlab;
mod html;
mod json;
mod junit;
mod markdown;
mod sarif;
pub mod ssdf;
mod table;

pub use github::annotations as github_annotations;
pub use gitlab::GITLAB_SCHEMA_VERSION;

pub use html::escape_html;
pub use json::SCHEMA_VERSION as JSON_SCHEMA_VERSION;
pub use junit::escape_xml;
pub use markdown::escape_cell as escape_markdown_cell;

/// The output formats of `rampart scan --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Human-readable, grouped by severity, with code frames; coloured on a terminal.
    Table,
    /// rampart's own versioned JSON (`docs/json-schema.md`).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.
    Sarif,
    /// JUnit XML, for CI test dashboards.
    Junit,
    /// A Markdown summary for pull-request comments and GitHub step summaries.
    Markdown,
    /// One self-contained HTML file: filters, search, chart and coverage matrices.
    Html,
    /// GitLab SAST report (schema 15): SAST, IaC and model-file findings.
    GitlabSast,
    /// GitLab dependency scanning report (schema 15): dependency findings.
    GitlabDependencyScanning,
    /// GitLab secret detection report (schema 15): secrets.
    GitlabSecretDetection,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Table,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Markdown,
        Format::Html,
        Format::GitlabSast,
        Format::GitlabDependencyScanning,
        Format::GitlabSecretDetection,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::GitlabSast => "gitlab-sast",
            Format::GitlabDependencyScanning => "gitlab-dependency-scanning",
            Format::GitlabSecretDetection => "gitlab-secret-detection",
        }
    }

    /// The usual file extension for a report in this format (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "xml",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::GitlabSast
            | Format::GitlabDependencyScanning
            | Format::GitlabSecretDetection => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown format `{0}` (expected one of table, json, sarif, junit, markdown, html, gitlab-sast, gitlab-dependency-scanning, gitlab-secret-detection)"
)]
pub struct ParseFormatError(pub String);

impl FromStr for Format {
    type Err = ParseFormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "junit" => Ok(Format::Junit),
            "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "gitlab-sast" => Ok(Format::GitlabSast),
            "gitlab-dependency-scanning" => Ok(Format::GitlabDependencyScanning),
            "gitlab-secret-detection" => Ok(Format::GitlabSecretDetection),
            _ => Err(ParseFormatError(s.to_string())),
        }
    }
}

/// How a report is written. The binary decides `color` (off with `NO_COLOR` or off a TTY).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colours in the table format. Other formats ignore it.
    pub color: bool,
    /// Print secrets in full. Off by default: every format redacts sensitive evidence.
    pub show_secrets: bool,
    /// The rampart version written into JSON, SARIF and the Markdown footer.
    pub tool_version: String,
    /// List suppressed findings in the table format too. JSON and SARIF always include them
    /// (marked), JUnit marks them skipped and Markdown folds them into a `<details>` block.
    pub show_suppressed: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            show_secrets: false,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            show_suppressed: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write the report: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot serialize the report: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes `result` in `format` to `out`.
pub fn render(
    format: Format,
    result: &ScanResult,
    rules: &RuleRegistry,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    render_with_baseline(format, result, rules, opts, None, out)
}

/// How the findings compare with the baseline given by `--baseline`. Findings in it are already
/// marked suppressed by core's pipeline; what the result cannot say is which entries are gone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BaselineComparison {
    /// The baseline file as the user named it.
    pub source: String,
    /// Entries of the baseline that no current finding matches (rule and fingerprint).
    pub fixed: Vec<BaselineEntry>,
}

impl BaselineComparison {
    pub fn new(baseline: &Baseline, source: impl Into<String>, findings: &[Finding]) -> Self {
        let now: std::collections::HashSet<(&str, &str)> = findings
            .iter()
            .map(|f| (f.rule_id.as_str(), f.fingerprint.as_str()))
            .collect();
        BaselineComparison {
            source: source.into(),
            fixed: baseline
                .findings
                .iter()
                .filter(|e| !now.contains(&(e.rule_id.as_str(), e.fingerprint.as_str())))
                .cloned()
                .collect(),
        }
    }
}

/// [`render`] with the comparison against a baseline; the HTML report shows new, existing and
/// fixed findings from it. Other formats already show baselined findings as suppressed.
pub fn render_with_baseline(
    format: Format,
    result: &ScanResult,
    rules: &RuleRegistry,
    opts: &RenderOptions,
    baseline: Option<&BaselineComparison>,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let extras = Extras {
        baseline,
        ssdf: None,
    };
    render_with(format, result, rules, opts, &extras, out)
}

/// What a report can say beyond the scan result itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// The comparison with `--baseline` (HTML: new / existing / fixed).
    pub baseline: Option<&'a BaselineComparison>,
    /// SSDF evidence of a pipeline stage run (JSON and HTML get an `ssdf` section).
    pub ssdf: Option<&'a ssdf::SsdfEvidence>,
}

/// [`render`] with everything [`Extras`] carries.
pub fn render_with(
    format: Format,
    result: &ScanResult,
    rules: &RuleRegistry,
    opts: &RenderOptions,
    extras: &Extras<'_>,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let findings = prepare(&result.findings, opts.show_secrets);
    let report = Report {
        findings: &findings,
        result,
        rules,
        opts,
        baseline: extras.baseline,
        ssdf: extras.ssdf,
    };
    match format {
        Format::Table => table::write(&report, out),
        Format::Json => json::write(&report, out),
        Format::Sarif => sarif::write(&report, out),
        Format::Junit => junit::write(&report, out),
        Format::Markdown => markdown::write(&report, out),
        Format::Html => html::write(&report, out),
        Format::GitlabSast => gitlab::write(&report, gitlab::Kind::Sast, out),
        Format::GitlabDependencyScanning => {
            gitlab::write(&report, gitlab::Kind::DependencyScanning, out)
        }
        Format::GitlabSecretDetection => gitlab::write(&report, gitlab::Kind::SecretDetection, out),
    }
}

/// What every format module gets: findings already redacted and sorted.
pub(crate) struct Report<'a> {
    pub findings: &'a [Finding],
    pub result: &'a ScanResult,
    pub rules: &'a RuleRegistry,
    pub opts: &'a RenderOptions,
    pub baseline: Option<&'a BaselineComparison>,
    pub ssdf: Option<&'a ssdf::SsdfEvidence>,
}

impl Report<'_> {
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_suppressed())
    }

    pub fn suppressed(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_suppressed())
    }

    /// Unsuppressed findings per severity, in [`Severity::ALL`] order (critical first).
    pub fn counts(&self) -> [(Severity, usize); 5] {
        Severity::ALL.map(|s| (s, self.active().filter(|f| f.severity == s).count()))
    }
}

/// Findings as every report sees them: redacted (unless `show_secrets`) and sorted.
pub fn prepared(findings: &[Finding], show_secrets: bool) -> Vec<Finding> {
    prepare(findings, show_secrets)
}

/// Clones, redacts and sorts the findings for output.
pub(crate) fn prepare(findings: &[Finding], show_secrets: bool) -> Vec<Finding> {
    let mut out: Vec<Finding> = findings
        .iter()
        .map(|f| redact_finding(f, show_secrets))
        .collect();
    out.sort_by_cached_key(sort_key);
    out
}

type SortKey = (Reverse<Severity>, String, u32, u32, String, String);

fn sort_key(f: &Finding) -> SortKey {
    let loc = f.locations.first();
    let place = loc.map(|l| l.path().map_or_else(|| l.display(), str::to_string));
    let region = loc.and_then(Location::region);
    (
        Reverse(f.severity),
        place.unwrap_or_default(),
        region.map_or(0, |r| r.start_line),
        region.map_or(0, |r| r.start_column),
        f.rule_id.clone(),
        f.fingerprint.as_str().to_string(),
    )
}

/// Secrets shorter than this are not searched for in other fields: a two-letter "secret" would
/// mangle every message while protecting nothing.
const MIN_SCRUB_LEN: usize = 6;

fn redact_finding(f: &Finding, show_secrets: bool) -> Finding {
    let mut f = f.clone();
    let Some(evidence) = f.evidence.take() else {
        return f;
    };
    if !show_secrets {
        let mut secrets: Vec<(String, String)> = evidence
            .sensitive
            .iter()
            .filter_map(|r| evidence.text.get(r.clone()))
            .filter(|s| s.len() >= MIN_SCRUB_LEN)
            .map(|s| (s.to_string(), rampart_core::finding::redact(s)))
            .collect();
        // Longest first, so a secret that contains another is replaced whole.
        secrets.sort_by_key(|(s, _)| Reverse(s.len()));
        secrets.dedup();
        if !secrets.is_empty() {
            let scrub = |s: &mut String| {
                for (secret, shown) in &secrets {
                    if s.contains(secret.as_str()) {
                        *s = s.replace(secret.as_str(), shown);
                    }
                }
            };
            scrub(&mut f.message);
            scrub(&mut f.title);
            scrub(&mut f.remediation);
            for v in f.properties.values_mut() {
                scrub_json(v, &scrub);
            }
            for loc in &mut f.locations {
                if let Location::Url { url, parameter, .. } = loc {
                    scrub(url);
                    if let Some(p) = parameter {
                        scrub(p);
                    }
                }
            }
        }
    }
    f.evidence = Some(evidence.redacted(show_secrets));
    f
}

fn scrub_json(v: &mut serde_json::Value, scrub: &dyn Fn(&mut String)) {
    match v {
        serde_json::Value::String(s) => scrub(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| scrub_json(i, scrub)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|i| scrub_json(i, scrub)),
        _ => {}
    }
}

/// `1.234s` or `850ms`, for human formats.
pub(crate) fn human_duration(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms}ms")
    } else {
        format!("{}.{:02}s", ms / 1000, (ms % 1000) / 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rampart_core::{Confidence, Evidence, Rule};

    fn rule() -> Rule {
        Rule {
            cwe: vec![798],
            ..Rule::new(
                "secrets/test-token",
                "secrets",
                "Test token",
                Severity::High,
                Confidence::High,
                "A test token.",
            )
        }
    }

    #[test]
    fn format_round_trips() {
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>(), Ok(f));
        }
        assert_eq!("SARIF".parse::<Format>(), Ok(Format::Sarif));
        assert!("xml".parse::<Format>().is_err());
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn secrets_are_scrubbed_from_every_text_field() {
        let secret = "tok_0123456789abcdefghijklmnop";
        let text = format!("key = {secret}");
        let f = Finding::new(
            &rule(),
            Location::Url {
                url: format!("http://h/?k={secret}"),
                method: None,
                parameter: None,
            },
            format!("found {secret}"),
        )
        .with_evidence(Evidence::with_sensitive(&text, vec![6..text.len()]))
        .with_property("raw", serde_json::json!({"nested": [secret]}));
        let shown = redact_finding(&f, false);
        let all = serde_json::to_string(&shown).unwrap();
        assert!(!all.contains(secret), "{all}");
        assert!(all.contains("found to…op"), "{all}");
        let full = redact_finding(&f, true);
        assert!(serde_json::to_string(&full).unwrap().contains(secret));
    }

    #[test]
    fn findings_sort_by_severity_then_place() {
        let low =
            Finding::new(&rule(), Location::file("b.py", None), "m").with_severity(Severity::Low);
        let crit = Finding::new(&rule(), Location::file("z.py", None), "m")
            .with_severity(Severity::Critical);
        let line9 = Finding::new(
            &rule(),
            Location::file("a.py", Some(rampart_core::finding::Region::line(9))),
            "m",
        );
        let line10 = Finding::new(
            &rule(),
            Location::file("a.py", Some(rampart_core::finding::Region::line(10))),
            "m",
        );
        let sorted = prepare(&[low, line10, crit, line9], false);
        let order: Vec<String> = sorted
            .iter()
            .map(|f| f.primary_location().display())
            .collect();
        assert_eq!(order, ["z.py", "a.py:9:1", "a.py:10:1", "b.py"]);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(850), "850ms");
        assert_eq!(human_duration(1234), "1.23s");
    }
}
