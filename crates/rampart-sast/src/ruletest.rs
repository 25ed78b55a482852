//! Semgrep-style rule tests (`rampart sast --test DIR`): every rule YAML with a sibling source
//! file of the same stem is run on it, and the findings are compared with the annotations:
//!
//! - `# ruleid: <id>[, <id>…]` — the next code line must be reported by the rule;
//! - `# ok: <id>` — the next code line must not be reported;
//! - `# todoruleid: <id>` / `# todook: <id>` — known false negative / false positive: the line
//!   counts as neither missing nor unexpected, whatever the engine does (a fixed todo is listed).
//!
//! An annotation written at the end of a code line applies to that line. Any finding on a line
//! without a `ruleid`/`todo*` annotation is unexpected. Findings on lines marked `# nosemgrep`
//! / `# nosec` are dropped first, as `semgrep --test` does.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::rules::{self, Origin, RuleError};
use crate::{Engine, SastError};

#[derive(Debug, Clone, Default)]
pub struct RuleTestResult {
    pub rule_file: String,
    pub test_file: Option<String>,
    /// The id as written in the YAML.
    pub rule_id: String,
    pub passed: bool,
    /// `ruleid` lines the rule did not report.
    pub missing: Vec<u32>,
    /// Reported lines not annotated `ruleid` (including `ok` lines).
    pub unexpected: Vec<u32>,
    /// `todoruleid` lines now reported / `todook` lines now clean.
    pub todo_fixed: Vec<u32>,
    pub expected_count: usize,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct TestReport {
    pub results: Vec<RuleTestResult>,
    /// Rule files that failed to load.
    pub errors: Vec<RuleError>,
}

impl TestReport {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && self.results.iter().all(|r| r.passed)
    }

    /// A human summary, one line per rule plus details of failures.
    pub fn render(&self) -> String {
        let mut s = String::new();
        for e in &self.errors {
            let _ = writeln!(s, "ERROR  {e}");
        }
        for r in &self.results {
            let status = if r.passed { "ok    " } else { "FAILED" };
            let _ = write!(s, "{status} {} ({} expected)", r.rule_id, r.expected_count);
            if !r.missing.is_empty() {
                let _ = write!(s, " missing lines {:?}", r.missing);
            }
            if !r.unexpected.is_empty() {
                let _ = write!(s, " unexpected lines {:?}", r.unexpected);
            }
            if !r.todo_fixed.is_empty() {
                let _ = write!(s, " (todo now fixed on lines {:?})", r.todo_fixed);
            }
            if let Some(n) = &r.note {
                let _ = write!(s, " — {n}");
            }
            if let Some(t) = &r.test_file {
                let _ = write!(s, " [{t}]");
            }
            s.push('\n');
        }
        let _ = writeln!(
            s,
            "{} passed, {} failed, {} rule file error(s)",
            self.passed(),
            self.failed(),
            self.errors.len()
        );
        s
    }
}

#[derive(Debug, Default)]
struct Annotations {
    ruleid: BTreeSet<u32>,
    ok: BTreeSet<u32>,
    todoruleid: BTreeSet<u32>,
    todook: BTreeSet<u32>,
}

fn annotation(comment: &str) -> Option<(&str, Vec<String>)> {
    let c = comment.trim_start_matches('#').trim();
    for kind in ["todoruleid", "todook", "ruleid", "ok"] {
        if let Some(rest) = c.strip_prefix(kind)
            && let Some(ids) = rest.trim_start().strip_prefix(':')
        {
            let ids = ids
                .split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect();
            return Some((kind, ids));
        }
    }
    None
}

/// Annotations for `id` in `src`, by 1-based line.
fn annotations(src: &str, id: &str) -> Annotations {
    let lines: Vec<&str> = src.lines().collect();
    let mut a = Annotations::default();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let (target, comment) = if trimmed.starts_with('#') {
            let next = lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, l)| {
                    let t = l.trim();
                    !t.is_empty() && !t.starts_with('#')
                })
                .map(|(j, _)| j);
            match next {
                Some(j) => (j, trimmed),
                None => continue,
            }
        } else {
            match line.rfind("# ") {
                Some(p) => (i, &line[p..]),
                None => continue,
            }
        };
        let Some((kind, ids)) = annotation(comment) else {
            continue;
        };
        if !ids.iter().any(|x| x == id) {
            continue;
        }
        let l = target as u32 + 1;
        match kind {
            "ruleid" => a.ruleid.insert(l),
            "ok" => a.ok.insert(l),
            "todoruleid" => a.todoruleid.insert(l),
            _ => a.todook.insert(l),
        };
    }
    a
}

fn suppressed(lines: &[&str], line: u32) -> bool {
    let idx = line.saturating_sub(1) as usize;
    let marked = |l: &str| {
        l.find('#').is_some_and(|p| {
            let c = &l[p..];
            c.contains("nosemgrep") || c.contains("nosec") || c.contains("rampart:ignore")
        })
    };
    if lines.get(idx).is_some_and(|l| marked(l)) {
        return true;
    }
    idx > 0
        && lines
            .get(idx - 1)
            .is_some_and(|l| l.trim_start().starts_with('#') && marked(l))
}

fn sibling_tests(yaml: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (yaml.parent(), yaml.file_stem()) else {
        return Vec::new();
    };
    let exts: Vec<&str> = rules::languages()
        .iter()
        .flat_map(|l| l.extensions().iter().copied())
        .collect();
    let mut out: Vec<PathBuf> = exts
        .iter()
        .map(|e| dir.join(format!("{}.{e}", stem.to_string_lossy())))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs the tests of every rule YAML under `dir` (or of one YAML file).
pub fn run_rule_tests(dir: &Path) -> Result<TestReport, SastError> {
    if !dir.exists() {
        return Err(SastError::MissingPath(dir.to_path_buf()));
    }
    let mut files = Vec::new();
    rules::collect_yaml(dir, &mut files, 0);
    files.sort();
    let mut report = TestReport::default();
    for yaml in files {
        let shown = yaml.display().to_string();
        let text = match std::fs::read_to_string(&yaml) {
            Ok(t) => t,
            Err(e) => {
                report.errors.push(RuleError {
                    file: shown,
                    rule: "-".into(),
                    message: format!("unreadable: {e}"),
                });
                continue;
            }
        };
        let loaded = rules::load_str(&text, &shown, Origin::User);
        report.errors.extend(loaded.errors);
        if loaded.rules.is_empty() {
            continue;
        }
        let ids: Vec<String> = loaded.rules.iter().map(|r| r.semgrep_id.clone()).collect();
        let tests = sibling_tests(&yaml);
        let engine = Engine::new(loaded.rules);
        let Some(test) = tests.first() else {
            for id in ids {
                report.results.push(RuleTestResult {
                    rule_file: shown.clone(),
                    rule_id: id,
                    note: Some("no test file next to the rule".into()),
                    ..Default::default()
                });
            }
            continue;
        };
        let src = match std::fs::read(test) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                report.errors.push(RuleError {
                    file: test.display().to_string(),
                    rule: "-".into(),
                    message: format!("unreadable: {e}"),
                });
                continue;
            }
        };
        let lines: Vec<&str> = src.lines().collect();
        let test_name = test.display().to_string();
        let matches = engine.scan_source(&test_name, &src);
        for (ri, id) in ids.iter().enumerate() {
            let found: BTreeSet<u32> = matches
                .iter()
                .filter(|m| m.rule == ri)
                .map(|m| rampart_core::finding::line_col(src.as_bytes(), m.start as usize).0)
                .filter(|l| !suppressed(&lines, *l))
                .collect();
            let a = annotations(&src, id);
            let missing: Vec<u32> = a.ruleid.difference(&found).copied().collect();
            let unexpected: Vec<u32> = found
                .iter()
                .copied()
                .filter(|l| {
                    !a.ruleid.contains(l) && !a.todoruleid.contains(l) && !a.todook.contains(l)
                })
                .collect();
            let mut todo_fixed: Vec<u32> = a.todoruleid.intersection(&found).copied().collect();
            todo_fixed.extend(a.todook.difference(&found).copied());
            todo_fixed.sort_unstable();
            let note = (a.ruleid.is_empty()
                && a.ok.is_empty()
                && a.todoruleid.is_empty()
                && a.todook.is_empty())
            .then(|| "no annotations for this rule in the test file".to_string());
            report.results.push(RuleTestResult {
                rule_file: shown.clone(),
                test_file: Some(test_name.clone()),
                rule_id: id.clone(),
                passed: missing.is_empty() && unexpected.is_empty() && note.is_none(),
                missing,
                unexpected,
                todo_fixed,
                expected_count: a.ruleid.len(),
                note,
            });
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_apply_to_the_next_code_line() {
        let src =
            "# ruleid: r1\n\n# a comment\nfoo()\n# ok: r1, r2\nbar()\nbaz()  # todoruleid: r1\n";
        let a = annotations(src, "r1");
        assert_eq!(a.ruleid.iter().copied().collect::<Vec<_>>(), vec![4]);
        assert_eq!(a.ok.iter().copied().collect::<Vec<_>>(), vec![6]);
        assert_eq!(a.todoruleid.iter().copied().collect::<Vec<_>>(), vec![7]);
        assert!(annotations(src, "r3").ruleid.is_empty());
    }
}
