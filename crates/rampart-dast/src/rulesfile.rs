//! A rules file in the spirit of ZAP's `rules.tsv`: per rule id (optionally only for URLs
//! matching a regex) IGNORE, WARN or FAIL. rampart never drops findings, so the levels map onto
//! its model: IGNORE suppresses (kept, marked, not counted), WARN caps the severity at low (below
//! the default gate), FAIL raises it to at least high (at or above the default gate).
//!
//! TSV: `rule-id<TAB>IGNORE|WARN|FAIL[<TAB>url-regex]`, `#` comments. TOML:
//! `[[rule]] id = "dast/csp-missing"  level = "ignore"  url = "^https://x/static/"`.

use rampart_core::{Finding, Location, Severity, Suppression, SuppressionKind};
use regex::Regex;
use serde::Deserialize;

use crate::error::DastError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ignore,
    Warn,
    Fail,
}

#[derive(Debug, Clone)]
pub struct RuleLevel {
    pub rule: String,
    pub level: Level,
    pub url: Option<Regex>,
    pub source: String,
}

#[derive(Debug, Clone, Default)]
pub struct RulesFile {
    pub entries: Vec<RuleLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    rule: Vec<TomlRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlRule {
    id: String,
    level: String,
    #[serde(default)]
    url: Option<String>,
}

fn level(s: &str) -> Option<Level> {
    match s.trim().to_ascii_uppercase().as_str() {
        "IGNORE" | "OFF" => Some(Level::Ignore),
        "WARN" | "INFO" => Some(Level::Warn),
        "FAIL" => Some(Level::Fail),
        _ => None,
    }
}

impl RulesFile {
    /// Parses `text` (TOML when `is_toml`, else TSV); `name` is used in messages.
    pub fn parse(name: &str, text: &str, is_toml: bool) -> Result<Self, DastError> {
        let err = |line: usize, m: String| DastError::Input {
            path: if line > 0 {
                format!("{name}:{line}")
            } else {
                name.to_string()
            },
            message: m,
        };
        let compile = |line: usize, r: &str| {
            Regex::new(r).map_err(|e| err(line, format!("invalid URL regex: {e}")))
        };
        let mut entries = Vec::new();
        if is_toml {
            let f: TomlFile = toml::from_str(text).map_err(|e| err(0, e.to_string()))?;
            for (i, r) in f.rule.into_iter().enumerate() {
                let lvl = level(&r.level).ok_or_else(|| {
                    err(
                        0,
                        format!("rule {}: level must be IGNORE, WARN or FAIL", r.id),
                    )
                })?;
                entries.push(RuleLevel {
                    url: r.url.as_deref().map(|u| compile(0, u)).transpose()?,
                    rule: r.id,
                    level: lvl,
                    source: format!("{name} rule[{}]", i + 1),
                });
            }
        } else {
            for (i, line) in text.lines().enumerate() {
                let n = i + 1;
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 2 {
                    return Err(err(
                        n,
                        "expected `rule-id<TAB>IGNORE|WARN|FAIL[<TAB>url-regex]`".into(),
                    ));
                }
                let lvl =
                    level(cols[1]).ok_or_else(|| err(n, format!("unknown level `{}`", cols[1])))?;
                entries.push(RuleLevel {
                    rule: cols[0].trim().to_string(),
                    level: lvl,
                    url: cols
                        .get(2)
                        .filter(|c| !c.trim().is_empty())
                        .map(|u| compile(n, u.trim()))
                        .transpose()?,
                    source: format!("{name}:{n}"),
                });
            }
        }
        Ok(RulesFile { entries })
    }

    /// Applies the levels; the last matching entry wins.
    pub fn apply(&self, findings: &mut [Finding]) {
        for f in findings.iter_mut() {
            let url = match &f.locations[0] {
                Location::Url { url, .. } => url.clone(),
                other => other.display(),
            };
            let entry = self.entries.iter().rev().find(|e| {
                (e.rule == f.rule_id || e.rule == "*")
                    && e.url.as_ref().is_none_or(|r| r.is_match(&url))
            });
            let Some(e) = entry else { continue };
            match e.level {
                Level::Ignore => {
                    f.suppression = Some(Suppression {
                        kind: SuppressionKind::Config,
                        source: e.source.clone(),
                        reason: Some("IGNORE in the DAST rules file".into()),
                        expires: None,
                    });
                }
                Level::Warn => f.severity = f.severity.min(Severity::Low),
                Level::Fail => f.severity = f.severity.max(Severity::High),
            }
        }
    }
}
