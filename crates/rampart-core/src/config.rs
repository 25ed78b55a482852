//! `rampart.toml`. Unknown keys are errors that name the key, so a typo never silently turns a
//! setting off. Scanner-specific settings live under `[scanner.<name>]`; each scanner crate
//! deserializes its own table with its own `deny_unknown_fields` struct.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::severity::Severity;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Exit 1 when an unsuppressed finding at or above this severity exists (default `high`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<Severity>,
    /// Scanners `rampart scan` runs when `--scanners` is not given (default: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scanners: Option<Vec<String>>,
    /// Paths (globs, relative to the root, `.gitignore`-like) never scanned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Files larger than this many bytes are skipped unless a scanner asks for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_size: Option<u64>,
    /// Per-rule switches and severity overrides, keyed by rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleOverride>,
    /// Findings accepted on purpose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<IgnoreEntry>,
    /// Scanner-specific settings, checked by each scanner.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scanner: BTreeMap<String, toml::Table>,
    /// Pipeline stage profiles (`[stages.pr]`, ...) for `rampart ci`, checked by rampart-pipeline.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: BTreeMap<String, toml::Table>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreEntry {
    /// A rule id, a rule name without namespace, or `ns/*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// A glob over the finding's path (relative to the scan root).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `YYYY-MM-DD`; after this day the entry stops suppressing and a warning says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let p = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: p.clone(),
            source,
        })?;
        Self::parse(&text, &p)
    }

    /// Parses config text; errors name the file, the line and the offending key.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = match line {
                Some(l) => format!("line {l}: {}", e.message()),
                None => e.message().to_string(),
            };
            ConfigError::Parse {
                path: path.to_string(),
                message,
            }
        })
    }

    /// The `[scanner.<name>]` table, if any.
    pub fn scanner_table(&self, name: &str) -> Option<&toml::Table> {
        self.scanner.get(name)
    }

    /// Deserializes the `[scanner.<name>]` table into a scanner's own config type, with errors
    /// that say which table failed.
    pub fn scanner_config<T>(&self, name: &str) -> Result<T, ConfigError>
    where
        T: Default + for<'de> Deserialize<'de>,
    {
        match self.scanner.get(name) {
            None => Ok(T::default()),
            Some(table) => {
                T::deserialize(toml::Value::Table(table.clone())).map_err(|e| ConfigError::Parse {
                    path: format!("rampart.toml [scanner.{name}]"),
                    message: e.message().to_string(),
                })
            }
        }
    }

    pub fn rule_enabled(&self, rule_id: &str) -> bool {
        self.rules
            .get(rule_id)
            .and_then(|o| o.enabled)
            .unwrap_or(true)
    }

    /// Drops findings of disabled rules and applies severity overrides.
    pub fn apply_rule_overrides(&self, findings: &mut Vec<Finding>) {
        if self.rules.is_empty() {
            return;
        }
        findings.retain(|f| self.rule_enabled(&f.rule_id));
        for f in findings.iter_mut() {
            if let Some(sev) = self.rules.get(&f.rule_id).and_then(|o| o.severity) {
                f.severity = sev;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named() {
        let err = Config::parse("fail_onn = \"high\"\n", "rampart.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("fail_onn"), "{err}");
        assert!(err.contains("line 1"), "{err}");
        let err = Config::parse("[rules.\"a/b\"]\nenable = false\n", "rampart.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("enable"), "{err}");
    }

    #[test]
    fn full_config_parses() {
        let c = Config::parse(
            r#"
fail_on = "critical"
scanners = ["secrets"]
exclude = ["vendor/**"]
[rules."secrets/generic-password"]
enabled = false
[rules."py/eval"]
severity = "low"
[[ignore]]
rule = "py/eval"
path = "tests/**"
reason = "test code"
expires = "2027-01-01"
[scanner.secrets]
rule_dirs = ["rules"]
"#,
            "rampart.toml",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(Severity::Critical));
        assert!(!c.rule_enabled("secrets/generic-password"));
        assert!(c.rule_enabled("py/eval"));
        assert_eq!(c.ignore.len(), 1);
        assert!(c.scanner_table("secrets").is_some());
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct DemoScannerConfig {
        #[allow(dead_code)]
        rule_dirs: Vec<String>,
    }

    #[test]
    fn scanner_tables_check_their_own_keys() {
        let c = Config::parse("[scanner.demo]\nrule_dir = []\n", "rampart.toml").unwrap();
        let err = c
            .scanner_config::<DemoScannerConfig>("demo")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("rule_dir") && err.contains("[scanner.demo]"),
            "{err}"
        );
    }
}
