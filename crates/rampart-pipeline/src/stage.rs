//! Stage profiles: which scanners each stage of delivery runs, on which paths, with which gate
//! and time budget. The defaults are built in; `[stages.NAME]` of `rampart.toml` overrides them
//! key by key.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use rampart_core::Severity;
use serde::{Deserialize, Serialize};

/// A stage of the delivery pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// On the developer's machine, before a commit is made: staged changes only.
    PreCommit,
    /// Pull-request CI: every static scanner, gating only what the change introduces.
    Pr,
    /// After the build: the built container image.
    Build,
    /// Before deploy: infrastructure as code, the image and its SBOM behind a policy gate.
    Deploy,
    /// Against the running staging deployment: DAST with the LLM probes.
    Staging,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::PreCommit,
        Stage::Pr,
        Stage::Build,
        Stage::Deploy,
        Stage::Staging,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::PreCommit => "pre-commit",
            Stage::Pr => "pr",
            Stage::Build => "build",
            Stage::Deploy => "deploy",
            Stage::Staging => "staging",
        }
    }

    /// The scanners a stage runs when `rampart.toml` does not say.
    pub fn default_scanners(self) -> &'static [&'static str] {
        match self {
            Stage::PreCommit => &["secrets", "sast"],
            Stage::Pr => &["secrets", "sast", "sca", "models", "iac"],
            Stage::Build => &["image"],
            Stage::Deploy => &["iac", "image", "sbom"],
            Stage::Staging => &["dast"],
        }
    }

    /// A budget generous for the stage's defaults; exceeding it is reported, never silent.
    pub fn default_time_budget(self) -> Duration {
        match self {
            Stage::PreCommit => Duration::from_secs(10),
            Stage::Pr | Stage::Build | Stage::Deploy => Duration::from_secs(15 * 60),
            Stage::Staging => Duration::from_secs(30 * 60),
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = StageError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stage::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| StageError::UnknownStage(s.to_string()))
    }
}

/// Every scanner name a stage may list.
pub const STAGE_SCANNERS: [&str; 8] = [
    "secrets", "sast", "sca", "models", "iac", "image", "sbom", "dast",
];

#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("unknown stage `{0}` (known: pre-commit, pr, build, deploy, staging)")]
    UnknownStage(String),
    #[error("rampart.toml [stages.{stage}]: {message}")]
    Config { stage: String, message: String },
}

/// `[stages.NAME]` of `rampart.toml`. Every key is optional; unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageConfig {
    /// Scanners this stage runs (replaces the stage's defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scanners: Option<Vec<String>>,
    /// Only findings in files matching these globs (relative to the root) are reported; for
    /// pre-commit only matching staged files are read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// The gate of this stage (`none` turns it off); overrides the top-level `fail_on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<String>,
    /// Wall-clock budget: `90s`, `5m`, `1h` or seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_budget: Option<String>,
    /// Compare with the merge base of this ref and HEAD (pr); `--diff-base` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff_base: Option<String>,
    /// The image to scan (build, deploy); `--image` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The running application to test (staging); `--url` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the deploy stage writes its CycloneDX SBOM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sbom: Option<String>,
}

/// A stage with its defaults and its `rampart.toml` overrides resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageProfile {
    pub stage: Stage,
    pub scanners: Vec<String>,
    pub paths: Vec<String>,
    /// `None`: the gate is off.
    pub fail_on: Option<Severity>,
    #[serde(serialize_with = "ser_secs")]
    pub time_budget: Duration,
    pub diff_base: Option<String>,
    pub image: Option<String>,
    pub url: Option<String>,
    pub sbom: String,
}

fn ser_secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl StageProfile {
    /// Resolves `stage` from `tables` (the `[stages]` of `rampart.toml`) and the top-level
    /// `fail_on`. A table for a stage that does not exist is an error naming it.
    pub fn resolve(
        stage: Stage,
        tables: &BTreeMap<String, toml::Table>,
        top_fail_on: Option<Severity>,
    ) -> Result<StageProfile, StageError> {
        for name in tables.keys() {
            name.parse::<Stage>().map_err(|_| StageError::Config {
                stage: name.clone(),
                message: "no such stage (known: pre-commit, pr, build, deploy, staging)".into(),
            })?;
        }
        let err = |message: String| StageError::Config {
            stage: stage.as_str().to_string(),
            message,
        };
        let cfg: StageConfig = match tables.get(stage.as_str()) {
            None => StageConfig::default(),
            Some(t) => StageConfig::deserialize(toml::Value::Table(t.clone()))
                .map_err(|e| err(e.message().to_string()))?,
        };
        let scanners: Vec<String> = match &cfg.scanners {
            Some(list) => {
                let mut out = Vec::new();
                for s in list {
                    let name = if s == "deps" { "sca" } else { s.as_str() };
                    if !STAGE_SCANNERS.contains(&name) {
                        return Err(err(format!(
                            "unknown scanner `{s}` (known: {})",
                            STAGE_SCANNERS.join(", ")
                        )));
                    }
                    if !out.iter().any(|o| o == name) {
                        out.push(name.to_string());
                    }
                }
                out
            }
            None => stage
                .default_scanners()
                .iter()
                .map(|s| s.to_string())
                .collect(),
        };
        let fail_on = match cfg.fail_on.as_deref() {
            Some("none") => None,
            Some(s) => Some(
                s.parse::<Severity>()
                    .map_err(|e| err(format!("fail_on: {e}")))?,
            ),
            None => Some(top_fail_on.unwrap_or(Severity::High)),
        };
        let time_budget = match &cfg.time_budget {
            Some(s) => parse_duration(s).map_err(|e| err(format!("time_budget: {e}")))?,
            None => stage.default_time_budget(),
        };
        if !cfg.paths.is_empty() {
            path_matcher(&cfg.paths).map_err(|e| err(format!("paths: {e}")))?;
        }
        Ok(StageProfile {
            stage,
            scanners,
            paths: cfg.paths,
            fail_on,
            time_budget,
            diff_base: cfg.diff_base,
            image: cfg.image,
            url: cfg.url,
            sbom: cfg
                .sbom
                .unwrap_or_else(|| "rampart-sbom.cdx.json".to_string()),
        })
    }

    pub fn runs(&self, scanner: &str) -> bool {
        self.scanners.iter().any(|s| s == scanner)
    }
}

/// `90s`, `5m`, `1h`, `250ms` or a number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (num, mult) = if let Some(n) = t.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 60.0)
    } else if let Some(n) = t.strip_suffix('h') {
        (n, 3600.0)
    } else {
        (t, 1.0)
    };
    let v: f64 = num
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a duration (90s, 5m, 1h)"))?;
    if !(v.is_finite() && v > 0.0) {
        return Err(format!("`{s}` must be positive"));
    }
    Ok(Duration::from_secs_f64(v * mult))
}

/// A matcher for `paths` globs: a glob without `/` matches at any depth; a directory name
/// matches everything under it.
pub fn path_matcher(globs: &[String]) -> Result<globset::GlobSet, globset::Error> {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        let g = g.trim_start_matches("./").trim_start_matches('/');
        let pattern = if g.contains('/') {
            g.to_string()
        } else {
            format!("**/{g}")
        };
        b.add(globset::Glob::new(&pattern)?);
        let dir = format!(
            "{}/**",
            pattern.trim_end_matches('/').trim_end_matches("/**")
        );
        b.add(globset::Glob::new(&dir)?);
    }
    b.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> BTreeMap<String, toml::Table> {
        let t: toml::Table = toml::from_str(text).unwrap();
        t.into_iter()
            .map(|(k, v)| (k, v.as_table().unwrap().clone()))
            .collect()
    }

    #[test]
    fn defaults_follow_the_stage() {
        let p = StageProfile::resolve(Stage::PreCommit, &BTreeMap::new(), None).unwrap();
        assert_eq!(p.scanners, ["secrets", "sast"]);
        assert_eq!(p.fail_on, Some(Severity::High));
        let p = StageProfile::resolve(Stage::Deploy, &BTreeMap::new(), Some(Severity::Critical))
            .unwrap();
        assert_eq!(p.scanners, ["iac", "image", "sbom"]);
        assert_eq!(p.fail_on, Some(Severity::Critical));
        assert_eq!(
            StageProfile::resolve(Stage::Staging, &BTreeMap::new(), None)
                .unwrap()
                .scanners,
            ["dast"]
        );
    }

    #[test]
    fn tables_override_and_unknown_keys_are_named() {
        let t = tables(
            "[pr]\nscanners = [\"secrets\", \"deps\"]\nfail_on = \"medium\"\ntime_budget = \"90s\"\npaths = [\"src\"]\n",
        );
        let p = StageProfile::resolve(Stage::Pr, &t, None).unwrap();
        assert_eq!(p.scanners, ["secrets", "sca"]);
        assert_eq!(p.fail_on, Some(Severity::Medium));
        assert_eq!(p.time_budget, Duration::from_secs(90));
        let e = StageProfile::resolve(Stage::Pr, &tables("[pr]\nscaners = []\n"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("scaners") && e.contains("[stages.pr]"), "{e}");
        let e = StageProfile::resolve(Stage::Pr, &tables("[prr]\n"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("[stages.prr]"), "{e}");
        let e = StageProfile::resolve(Stage::Pr, &tables("[pr]\nscanners = [\"lint\"]\n"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("`lint`"), "{e}");
    }

    #[test]
    fn durations_and_paths() {
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("2").unwrap(), Duration::from_secs(2));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("-1s").is_err());
        let m = path_matcher(&["src".into(), "*.tf".into()]).unwrap();
        assert!(m.is_match("src/app.py"));
        assert!(m.is_match("infra/main.tf"));
        assert!(!m.is_match("tests/app.py"));
    }
}
