//! Severity of an advisory.
//!
//! Order of evidence: a CVSS vector of the record (the base score is computed from the vector
//! with RustSec's `cvss` crate, which implements the v2.0, v3.0/3.1 equations and the v4.0
//! MacroVector lookup of the FIRST specifications; the newest CVSS version present wins), else the
//! database's own rating (`database_specific.severity`, GHSA's `LOW`/`MODERATE`/`HIGH`/
//! `CRITICAL`), else medium. Malicious packages (`MAL-`) are always critical.

use std::str::FromStr;

use rampart_core::Severity;
use serde::{Deserialize, Serialize};

use super::Advisory;
use super::osv::OsvSeverity;

/// One CVSS vector with its computed base score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvssScore {
    /// The CVSS major version: 2, 3 or 4.
    pub version: u8,
    pub vector: String,
    pub score: f64,
}

impl CvssScore {
    /// Scores a `severity[]` entry; `None` for non-CVSS types (`Ubuntu`) and vectors that do not
    /// parse.
    pub fn from_osv(s: &OsvSeverity) -> Option<CvssScore> {
        let version = match s.kind.as_str() {
            "CVSS_V2" => 2,
            "CVSS_V3" => 3,
            "CVSS_V4" => 4,
            _ => return None,
        };
        let score = score_vector(&s.score)?;
        Some(CvssScore {
            version,
            vector: s.score.trim().to_string(),
            score,
        })
    }
}

/// The CVSS base score of a vector string (`CVSS:3.1/AV:N/...`, `CVSS:4.0/...`, or a bare v2
/// vector `AV:N/AC:L/...`).
pub fn score_vector(vector: &str) -> Option<f64> {
    let v = vector.trim();
    if v.is_empty() || v.len() > 512 {
        return None;
    }
    let parsed = cvss::Cvss::from_str(v).ok()?;
    let score = parsed.score();
    score.is_finite().then_some(score)
}

/// The CVSS score rampart reports for an advisory: the newest CVSS version's vector.
pub fn primary_cvss(adv: &Advisory) -> Option<&CvssScore> {
    adv.cvss.iter().max_by(|a, b| {
        a.version.cmp(&b.version).then(
            a.score
                .partial_cmp(&b.score)
                .unwrap_or(std::cmp::Ordering::Equal),
        )
    })
}

/// The severity rampart assigns to a finding of `adv`.
pub fn severity_of(adv: &Advisory) -> Severity {
    if adv.is_malicious() {
        return Severity::Critical;
    }
    if let Some(c) = primary_cvss(adv) {
        return Severity::from_cvss_score(c.score);
    }
    if let Some(s) = adv
        .database_severity
        .as_deref()
        .and_then(|s| Severity::from_str(s).ok())
    {
        return s;
    }
    match adv.informational.as_deref() {
        // RustSec "unmaintained" and "notice" advisories report a risk, not a flaw.
        Some("unmaintained") | Some("notice") => Severity::Low,
        _ => Severity::Medium,
    }
}
