//! enumerate → scan in parallel → collect → suppress. Reports are written by `rampart-report`.

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::scanner::Diagnostic;

/// Counters of one scan, printed by the table report and kept in JSON/SARIF.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanStats {
    pub files_scanned: u64,
    pub bytes_scanned: u64,
    pub files_skipped: u64,
    pub duration_ms: u64,
    pub scanners: Vec<String>,
}

/// Everything a scan produced, suppressed findings included (marked, never dropped).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: ScanStats,
}

impl ScanResult {
    /// Findings that count for the gate and the human report.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_suppressed())
    }
}

/// The steps after collection, the same for a tree scan, a git-history scan or any other source
/// of findings: rule overrides, the ignore list, then the baseline.
pub fn postprocess(
    result: &mut ScanResult,
    config: &crate::config::Config,
    baseline: Option<(&crate::baseline::Baseline, &str)>,
    today: jiff::civil::Date,
) -> Result<(), crate::suppress::IgnoreError> {
    config.apply_rule_overrides(&mut result.findings);
    let matchers = crate::suppress::IgnoreMatcher::compile(&config.ignore, today)?;
    crate::suppress::apply_ignore_list(&mut result.findings, &matchers, &mut result.diagnostics);
    if let Some((b, source)) = baseline {
        b.apply(&mut result.findings, source);
    }
    Ok(())
}

/// True when an unsuppressed finding at or above `fail_on` exists: the exit-code gate.
pub fn gate_fails(result: &ScanResult, fail_on: crate::severity::Severity) -> bool {
    result.active().any(|f| f.severity >= fail_on)
}
