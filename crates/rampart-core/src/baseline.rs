//! Baselines: `--write-baseline FILE` records the fingerprints of today's findings; `--baseline
//! FILE` then marks those findings as suppressed so only new ones count.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Suppression, SuppressionKind};

pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub rule_id: String,
    pub fingerprint: String,
    /// For people reading the file; matching uses rule and fingerprint only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("baseline {path} is not valid (line {line}): {message}")]
    Parse {
        path: String,
        line: usize,
        message: String,
    },
    #[error("baseline {path} has version {found}; this rampart reads version {BASELINE_VERSION}")]
    Version { path: String, found: u32 },
}

impl Baseline {
    /// A baseline of every finding that is not already suppressed otherwise.
    pub fn from_findings(findings: &[Finding]) -> Self {
        let set: BTreeSet<BaselineEntry> = findings
            .iter()
            .filter(|f| f.suppression.is_none())
            .map(|f| BaselineEntry {
                rule_id: f.rule_id.clone(),
                fingerprint: f.fingerprint.as_str().to_string(),
                location: Some(f.primary_location().display()),
            })
            .collect();
        Baseline {
            version: BASELINE_VERSION,
            findings: set.into_iter().collect(),
        }
    }

    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let p = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: p.clone(),
            source,
        })?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| BaselineError::Parse {
            path: p.clone(),
            line: e.line(),
            message: e.to_string(),
        })?;
        if b.version != BASELINE_VERSION {
            return Err(BaselineError::Version {
                path: p,
                found: b.version,
            });
        }
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Marks findings present in the baseline as suppressed.
    pub fn apply(&self, findings: &mut [Finding], source: &str) {
        let known: BTreeSet<(&str, &str)> = self
            .findings
            .iter()
            .map(|e| (e.rule_id.as_str(), e.fingerprint.as_str()))
            .collect();
        for f in findings.iter_mut().filter(|f| f.suppression.is_none()) {
            if known.contains(&(f.rule_id.as_str(), f.fingerprint.as_str())) {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Baseline,
                    source: source.to_string(),
                    reason: Some("present in baseline".into()),
                    expires: None,
                });
            }
        }
    }
}
