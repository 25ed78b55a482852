//! SSDF (NIST SP 800-218) evidence: which tasks the configured pipeline stages cover, and the
//! runs that show it — which scanner ran, when, on which commit, with which result. The task
//! catalogue is data (`data/ssdf.toml`, our own summaries keyed by SP 800-218 task ids).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const CATALOGUE: &str = include_str!("../data/ssdf.toml");

/// One SP 800-218 task rampart can give evidence for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SsdfTask {
    pub id: String,
    pub practice: String,
    pub summary: String,
    pub how: String,
    /// Scanners (or `any`, `gate`, `diff`) whose runs evidence the task.
    pub evidence: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    task: Vec<SsdfTask>,
}

/// The built-in task catalogue.
pub fn catalogue() -> &'static [SsdfTask] {
    static TASKS: OnceLock<Vec<SsdfTask>> = OnceLock::new();
    TASKS.get_or_init(|| {
        // Embedded at build time and checked by a unit test; an error here is a build bug.
        toml::from_str::<CatalogueFile>(CATALOGUE)
            .map(|c| c.task)
            .unwrap_or_default()
    })
}

/// One scanner's part of one stage run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRun {
    pub stage: String,
    pub scanner: String,
    /// RFC 3339 time the scanner started.
    pub started_at: String,
    pub duration_ms: u64,
    /// The commit scanned (HEAD of the checkout), when in a git repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// What was scanned: a path, an image reference, a URL, `staged changes`.
    pub target: String,
    /// `passed`, `failed` (the gate failed on this scanner's findings), `skipped` or `error`.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<String>,
    pub findings: usize,
    /// Findings that count for the gate (unsuppressed, new in diff mode, at or above fail-on).
    pub gating: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff_base: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl EvidenceRun {
    fn ran(&self) -> bool {
        self.status == "passed" || self.status == "failed"
    }

    fn evidences(&self, what: &str) -> bool {
        self.ran()
            && match what {
                "any" => true,
                "gate" => self.fail_on.is_some(),
                "diff" => self.diff_base.is_some(),
                s => self.scanner == s,
            }
    }
}

/// A stage as configured, for coverage without runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfiguredStage {
    pub stage: String,
    pub scanners: Vec<String>,
    #[serde(default)]
    pub gate: bool,
    #[serde(default)]
    pub diff: bool,
}

impl ConfiguredStage {
    fn covers(&self, what: &str) -> bool {
        match what {
            "any" => true,
            "gate" => self.gate,
            "diff" => self.diff,
            s => self.scanners.iter().any(|x| x == s),
        }
    }
}

/// Everything the SSDF section reports: the configured stages and the runs seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsdfEvidence {
    #[serde(default)]
    pub configured: Vec<ConfiguredStage>,
    #[serde(default)]
    pub runs: Vec<EvidenceRun>,
}

/// How far a task is covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// A run that evidences it is recorded.
    Evidenced,
    /// A configured stage would evidence it, but no such run is recorded here.
    Configured,
    /// No configured stage covers it.
    NotCovered,
}

impl TaskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Evidenced => "evidenced",
            TaskStatus::Configured => "configured",
            TaskStatus::NotCovered => "not covered",
        }
    }
}

/// One task with its status and the indexes (into [`SsdfEvidence::runs`]) of its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct TaskCoverage {
    pub id: String,
    pub practice: String,
    pub summary: String,
    pub how: String,
    pub status: TaskStatus,
    pub stages: Vec<String>,
    pub evidence: Vec<usize>,
}

impl SsdfEvidence {
    /// Every catalogue task with its coverage.
    pub fn coverage(&self) -> Vec<TaskCoverage> {
        catalogue()
            .iter()
            .map(|t| {
                let evidence: Vec<usize> = self
                    .runs
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| t.evidence.iter().any(|w| r.evidences(w)))
                    .map(|(i, _)| i)
                    .collect();
                let stages: Vec<String> = self
                    .configured
                    .iter()
                    .filter(|s| t.evidence.iter().any(|w| s.covers(w)))
                    .map(|s| s.stage.clone())
                    .collect();
                let status = if !evidence.is_empty() {
                    TaskStatus::Evidenced
                } else if !stages.is_empty() {
                    TaskStatus::Configured
                } else {
                    TaskStatus::NotCovered
                };
                TaskCoverage {
                    id: t.id.clone(),
                    practice: t.practice.clone(),
                    summary: t.summary.clone(),
                    how: t.how.clone(),
                    status,
                    stages,
                    evidence,
                }
            })
            .collect()
    }

    /// The section written into JSON reports: runs, configured stages and task coverage.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "framework": "NIST SP 800-218 SSDF 1.1",
            "configured": self.configured,
            "runs": self.runs,
            "tasks": self.coverage(),
        })
    }

    /// Reads the `ssdf` section of a rampart JSON report back (for `rampart ssdf --evidence`).
    pub fn from_report_json(v: &serde_json::Value) -> Option<SsdfEvidence> {
        let s = v.get("ssdf")?;
        Some(SsdfEvidence {
            configured: serde_json::from_value(s.get("configured")?.clone()).ok()?,
            runs: serde_json::from_value(s.get("runs")?.clone()).ok()?,
        })
    }

    /// A plain-text listing for the terminal.
    pub fn render_text(&self) -> String {
        let mut s = String::new();
        s.push_str("NIST SP 800-218 (SSDF 1.1) tasks covered by rampart's stages\n\n");
        for t in self.coverage() {
            s.push_str(&format!(
                "{:<7} {:<12} {}\n        {}\n",
                t.id,
                t.status.as_str(),
                t.summary,
                t.how
            ));
            if !t.stages.is_empty() {
                s.push_str(&format!("        stages: {}\n", t.stages.join(", ")));
            }
            for &i in &t.evidence {
                let r = &self.runs[i];
                s.push_str(&format!(
                    "        evidence: {} {} at {} on {} ({}): {}, {} finding(s), {} gating{}\n",
                    r.stage,
                    r.scanner,
                    r.started_at,
                    r.commit
                        .as_deref()
                        .map_or("no commit", |c| &c[..c.len().min(12)]),
                    r.target,
                    r.status,
                    r.findings,
                    r.gating,
                    r.fail_on
                        .as_deref()
                        .map(|f| format!(", fail-on {f}"))
                        .unwrap_or_default()
                ));
            }
        }
        s
    }

    /// A Markdown table (for step summaries and compliance folders).
    pub fn render_markdown(&self) -> String {
        let mut s = String::from(
            "## NIST SSDF (SP 800-218) evidence\n\n| task | status | how rampart covers it | evidence |\n|---|---|---|---|\n",
        );
        for t in self.coverage() {
            let ev: Vec<String> = t
                .evidence
                .iter()
                .map(|&i| {
                    let r = &self.runs[i];
                    format!(
                        "{} {} {} {} ({})",
                        r.stage,
                        r.scanner,
                        r.started_at,
                        r.commit.as_deref().map_or("-", |c| &c[..c.len().min(12)]),
                        r.status
                    )
                })
                .collect();
            s.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                t.id,
                t.status.as_str(),
                crate::escape_markdown_cell(&t.how),
                crate::escape_markdown_cell(&ev.join("; "))
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses_with_ids_of_its_practices() {
        let c: Vec<SsdfTask> = toml::from_str::<CatalogueFile>(CATALOGUE).unwrap().task;
        assert!(c.len() >= 15);
        assert_eq!(catalogue().len(), c.len());
        for t in &c {
            assert!(t.id.starts_with(&format!("{}.", t.practice)), "{}", t.id);
            assert!(
                ["PO", "PS", "PW", "RV"].contains(&&t.practice[..2]),
                "{}",
                t.id
            );
            assert!(!t.evidence.is_empty(), "{}", t.id);
        }
        for group in ["PO", "PS", "PW", "RV"] {
            assert!(c.iter().any(|t| t.practice.starts_with(group)), "{group}");
        }
    }

    fn run(scanner: &str, status: &str) -> EvidenceRun {
        EvidenceRun {
            stage: "pr".into(),
            scanner: scanner.into(),
            started_at: "2026-01-01T00:00:00Z".into(),
            duration_ms: 5,
            commit: Some("abc".into()),
            target: ".".into(),
            status: status.into(),
            fail_on: Some("high".into()),
            findings: 0,
            gating: 0,
            diff_base: None,
            note: None,
        }
    }

    #[test]
    fn runs_evidence_tasks_and_skips_do_not() {
        let e = SsdfEvidence {
            configured: vec![ConfiguredStage {
                stage: "staging".into(),
                scanners: vec!["dast".into()],
                gate: true,
                diff: false,
            }],
            runs: vec![run("sast", "passed"), run("dast", "skipped")],
        };
        let cov = e.coverage();
        let get = |id: &str| cov.iter().find(|t| t.id == id).unwrap();
        assert_eq!(get("PW.7.2").status, TaskStatus::Evidenced);
        assert_eq!(get("PW.7.2").evidence, [0]);
        assert_eq!(get("PW.8.2").status, TaskStatus::Configured);
        assert_eq!(get("PS.3.2").status, TaskStatus::NotCovered);
        let back = SsdfEvidence::from_report_json(&serde_json::json!({"ssdf": e.to_json()}));
        assert_eq!(back, Some(e));
    }
}
