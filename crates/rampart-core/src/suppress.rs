//! Suppressions: inline markers in source, the `[[ignore]]` list of `rampart.toml` (with expiry)
//! and baselines. A suppressed finding is marked, never dropped: JSON and SARIF keep it, the gate
//! and the human report do not count it.

use globset::{Glob, GlobMatcher};
use jiff::civil::Date;

use crate::config::IgnoreEntry;
use crate::finding::{Finding, Location, Suppression, SuppressionKind};
use crate::scanner::Diagnostic;

/// A suppression comment recognised in source.
struct Marker {
    /// The literal that introduces it, matched case-sensitively.
    needle: &'static str,
    /// Which findings it may suppress.
    applies: fn(&Finding, Option<&str>) -> bool,
}

fn any_rule(f: &Finding, ids: Option<&str>) -> bool {
    match ids {
        None => true,
        Some(ids) => ids
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .any(|id| rule_matches(&f.rule_id, id)),
    }
}

fn sast_rule(f: &Finding, ids: Option<&str>) -> bool {
    if f.scanner != "sast" {
        return false;
    }
    // A user's Semgrep rule keeps its original id (`my_rule`) in `semgrep_id` while rampart
    // names it `user/my-rule`; `# nosemgrep: my_rule` must keep working.
    let semgrep_id = f.properties.get("semgrep_id").and_then(|v| v.as_str());
    any_rule(f, ids)
        || ids.is_some_and(|ids| {
            ids.split([',', ' '])
                .map(str::trim)
                .any(|id| Some(id) == semgrep_id)
        })
}

fn secrets_only(f: &Finding, _: Option<&str>) -> bool {
    f.scanner == "secrets"
}

fn iac_rule(f: &Finding, ids: Option<&str>) -> bool {
    ids.is_some() && any_rule(f, ids)
}

/// `id` names a rule by its full id, by its name without the namespace, or as `ns/*`.
pub fn rule_matches(rule_id: &str, id: &str) -> bool {
    if id == "*" || id == rule_id {
        return true;
    }
    if let Some(ns) = id.strip_suffix("/*") {
        return rule_id.split_once('/').is_some_and(|(n, _)| n == ns);
    }
    rule_id.split_once('/').is_some_and(|(_, name)| name == id)
}

const MARKERS: &[Marker] = &[
    Marker {
        needle: "rampart:ignore",
        applies: any_rule,
    },
    Marker {
        needle: "nosemgrep",
        applies: sast_rule,
    },
    Marker {
        needle: "nosec",
        applies: sast_rule,
    },
    Marker {
        needle: "gitleaks:allow",
        applies: secrets_only,
    },
    Marker {
        needle: "pragma: allowlist secret",
        applies: secrets_only,
    },
    Marker {
        needle: "checkov:skip=",
        applies: iac_rule,
    },
    Marker {
        needle: "trivy:ignore:",
        applies: iac_rule,
    },
];

/// Parses the marker at `line` if any: returns (marker, rule ids, reason).
fn find_marker(line: &str) -> Option<(&'static Marker, Option<String>, Option<String>)> {
    for m in MARKERS {
        let Some(pos) = line.find(m.needle) else {
            continue;
        };
        let rest = &line[pos + m.needle.len()..];
        let (ids, reason) = match m.needle {
            "rampart:ignore" => {
                if let Some(r) = rest.strip_prefix('[') {
                    match r.split_once(']') {
                        Some((ids, reason)) => {
                            (Some(ids.to_string()), Some(reason.trim().to_string()))
                        }
                        None => (None, None),
                    }
                } else {
                    (None, Some(rest.trim().to_string()))
                }
            }
            "nosemgrep" => match rest.trim_start().strip_prefix(':') {
                Some(ids) => (
                    Some(ids.split_whitespace().collect::<Vec<_>>().join(",")),
                    None,
                ),
                None => (None, None),
            },
            "checkov:skip=" | "trivy:ignore:" => {
                let id: String = rest
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
                    .collect();
                let reason = rest.split_once(':').map(|(_, r)| r.trim().to_string());
                (Some(id), reason)
            }
            _ => (None, None),
        };
        let reason = reason.filter(|r| !r.is_empty());
        return Some((m, ids, reason));
    }
    None
}

/// Marks findings in one file whose line, or the line above, carries a suppression comment.
pub fn apply_inline(findings: &mut [Finding], content: &[u8]) {
    if findings.is_empty() {
        return;
    }
    let lines: Vec<&[u8]> = content.split(|&b| b == b'\n').collect();
    for f in findings.iter_mut() {
        if f.suppression.is_some() {
            continue;
        }
        let Some(line_no) = (match f.primary_location() {
            Location::File {
                region: Some(r), ..
            } => Some(r.start_line as usize),
            _ => None,
        }) else {
            continue;
        };
        for candidate in [line_no, line_no.saturating_sub(1)] {
            if candidate == 0 {
                continue;
            }
            let Some(raw) = lines.get(candidate - 1) else {
                continue;
            };
            let text = String::from_utf8_lossy(raw);
            if let Some((marker, ids, reason)) = find_marker(&text)
                && (marker.applies)(f, ids.as_deref())
            {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Inline,
                    source: text.trim().chars().take(200).collect(),
                    reason,
                    expires: None,
                });
                break;
            }
        }
    }
}

/// A compiled `[[ignore]]` entry.
pub struct IgnoreMatcher {
    index: usize,
    entry: IgnoreEntry,
    path: Option<GlobMatcher>,
    expired: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum IgnoreError {
    #[error("ignore entry {index}: invalid path glob `{glob}`: {source}")]
    Glob {
        index: usize,
        glob: String,
        source: globset::Error,
    },
    #[error("ignore entry {index}: invalid expiry date `{date}` (expected YYYY-MM-DD)")]
    Date { index: usize, date: String },
    #[error("ignore entry {index}: needs at least one of rule, path or fingerprint")]
    Empty { index: usize },
}

impl IgnoreMatcher {
    pub fn compile(
        entries: &[IgnoreEntry],
        today: Date,
    ) -> Result<Vec<IgnoreMatcher>, IgnoreError> {
        let mut out = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let index = i + 1;
            if e.rule.is_none() && e.path.is_none() && e.fingerprint.is_none() {
                return Err(IgnoreError::Empty { index });
            }
            let path = match &e.path {
                Some(g) => Some(
                    Glob::new(g)
                        .map_err(|source| IgnoreError::Glob {
                            index,
                            glob: g.clone(),
                            source,
                        })?
                        .compile_matcher(),
                ),
                None => None,
            };
            let expired = match &e.expires {
                Some(d) => {
                    let date: Date = d.parse().map_err(|_| IgnoreError::Date {
                        index,
                        date: d.clone(),
                    })?;
                    date < today
                }
                None => false,
            };
            out.push(IgnoreMatcher {
                index,
                entry: e.clone(),
                path,
                expired,
            });
        }
        Ok(out)
    }

    fn matches(&self, f: &Finding) -> bool {
        if let Some(rule) = &self.entry.rule
            && !rule_matches(&f.rule_id, rule)
        {
            return false;
        }
        if let Some(fp) = &self.entry.fingerprint
            && fp != f.fingerprint.as_str()
        {
            return false;
        }
        if let Some(glob) = &self.path {
            return f
                .locations
                .iter()
                .filter_map(Location::path)
                .any(|p| glob.is_match(p));
        }
        true
    }
}

/// Applies the `[[ignore]]` list. An expired entry no longer suppresses; each expired entry that
/// would have matched yields a warning saying so.
pub fn apply_ignore_list(
    findings: &mut [Finding],
    matchers: &[IgnoreMatcher],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut warned = vec![false; matchers.len()];
    for f in findings.iter_mut() {
        if f.suppression.is_some() {
            continue;
        }
        for (mi, m) in matchers.iter().enumerate() {
            if !m.matches(f) {
                continue;
            }
            if m.expired {
                if !warned[mi] {
                    warned[mi] = true;
                    diagnostics.push(Diagnostic::warning(
                        "config",
                        None,
                        format!(
                            "ignore entry {} ({}) expired on {} and no longer suppresses findings",
                            m.index,
                            describe(&m.entry),
                            m.entry.expires.as_deref().unwrap_or("?")
                        ),
                    ));
                }
                continue;
            }
            f.suppression = Some(Suppression {
                kind: SuppressionKind::Config,
                source: format!("rampart.toml ignore[{}]", m.index),
                reason: m.entry.reason.clone(),
                expires: m.entry.expires.clone(),
            });
            break;
        }
    }
}

fn describe(e: &IgnoreEntry) -> String {
    let mut parts = Vec::new();
    if let Some(r) = &e.rule {
        parts.push(format!("rule {r}"));
    }
    if let Some(p) = &e.path {
        parts.push(format!("path {p}"));
    }
    if let Some(fp) = &e.fingerprint {
        parts.push(format!("fingerprint {fp}"));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Region;
    use crate::rule::Rule;
    use crate::severity::{Confidence, Severity};

    fn finding(scanner: &str, rule: &str, line: u32) -> Finding {
        let r = Rule::new(rule, scanner, "t", Severity::High, Confidence::High, "d");
        Finding::new(&r, Location::file("a.py", Some(Region::line(line))), "m")
    }

    #[test]
    fn inline_markers_on_line_or_line_above() {
        let src = b"x = 1\n# rampart:ignore[py/eval] test data\neval(x)\nos.system(y)  # nosec\nkey = 'k'  # gitleaks:allow\n";
        let mut fs = vec![
            finding("sast", "py/eval", 3),
            finding("sast", "py/os-system", 4),
            finding("secrets", "secrets/generic", 5),
            finding("sast", "py/other", 3),
            finding("secrets", "secrets/generic", 4),
        ];
        apply_inline(&mut fs, src);
        assert_eq!(
            fs[0].suppression.as_ref().unwrap().reason.as_deref(),
            Some("test data")
        );
        assert!(fs[1].is_suppressed());
        assert!(fs[2].is_suppressed());
        assert!(
            !fs[3].is_suppressed(),
            "rampart:ignore[py/eval] must not cover another rule"
        );
        assert!(
            !fs[4].is_suppressed(),
            "nosec is a SAST marker, not a secrets one"
        );
    }

    #[test]
    fn nosemgrep_with_ids() {
        let src = b"a()  # nosemgrep: py/a, b\n";
        let mut fs = vec![
            finding("sast", "py/a", 1),
            finding("sast", "py/b", 1),
            finding("sast", "py/c", 1),
        ];
        apply_inline(&mut fs, src);
        assert!(fs[0].is_suppressed());
        assert!(
            fs[1].is_suppressed(),
            "a rule named without namespace matches"
        );
        assert!(!fs[2].is_suppressed());
    }

    #[test]
    fn nosemgrep_accepts_the_original_semgrep_id() {
        let mut f = finding("sast", "user/my-rule", 1);
        f.properties.insert("semgrep_id".into(), "my_rule".into());
        let mut fs = vec![f, finding("sast", "user/other", 1)];
        apply_inline(&mut fs, b"x()  # nosemgrep: my_rule\n");
        assert!(fs[0].is_suppressed());
        assert!(!fs[1].is_suppressed());
    }

    #[test]
    fn expired_ignore_entries_stop_suppressing_and_say_so() {
        let today: Date = "2026-06-01".parse().unwrap();
        let entries = vec![
            IgnoreEntry {
                rule: Some("py/eval".into()),
                path: None,
                fingerprint: None,
                reason: Some("r".into()),
                expires: Some("2026-01-01".into()),
            },
            IgnoreEntry {
                rule: Some("py/os-system".into()),
                path: Some("**/*.py".into()),
                fingerprint: None,
                reason: None,
                expires: Some("2027-01-01".into()),
            },
        ];
        let ms = IgnoreMatcher::compile(&entries, today).unwrap();
        let mut fs = vec![
            finding("sast", "py/eval", 1),
            finding("sast", "py/os-system", 1),
        ];
        let mut diags = vec![];
        apply_ignore_list(&mut fs, &ms, &mut diags);
        assert!(!fs[0].is_suppressed());
        assert!(fs[1].is_suppressed());
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].message.contains("expired on 2026-01-01"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn bad_ignore_entries_are_errors() {
        let today: Date = "2026-06-01".parse().unwrap();
        let empty = IgnoreEntry {
            rule: None,
            path: None,
            fingerprint: None,
            reason: None,
            expires: None,
        };
        assert!(IgnoreMatcher::compile(&[empty], today).is_err());
        let bad_date = IgnoreEntry {
            rule: Some("x/y".into()),
            path: None,
            fingerprint: None,
            reason: None,
            expires: Some("soon".into()),
        };
        assert!(IgnoreMatcher::compile(&[bad_date], today).is_err());
    }
}
