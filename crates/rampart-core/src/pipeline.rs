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
