//! Which findings a change introduces. A finding is *new* (it gates) when it is in a file the
//! change touched, is not in the base version of that file, and — for code — sits on changed
//! lines or resources (a taint flow counts when its source or its sink is on them); a dependency
//! finding is new when the change added or upgraded that package. Everything else is
//! *existing*; a finding on changed lines that the base already had (code moved within a file,
//! a renamed file, code cut from one changed file into another) is *moved*, and does not gate.

use std::collections::{HashMap, HashSet};

use rampart_core::{Finding, Location};
use serde::Serialize;

use crate::diff::{ChangeSet, FileChange};

/// The property every classified finding carries: `new`, `existing` or `moved`.
pub const DIFF_PROPERTY: &str = "diff";
/// A sentence saying why.
pub const DIFF_REASON_PROPERTY: &str = "diff_reason";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffStatus {
    New,
    Existing,
    Moved,
}

impl DiffStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DiffStatus::New => "new",
            DiffStatus::Existing => "existing",
            DiffStatus::Moved => "moved",
        }
    }

    /// The status a finding was given by [`classify`], if any.
    pub fn of(f: &Finding) -> Option<DiffStatus> {
        match f.properties.get(DIFF_PROPERTY)?.as_str()? {
            "new" => Some(DiffStatus::New),
            "existing" => Some(DiffStatus::Existing),
            "moved" => Some(DiffStatus::Moved),
            _ => None,
        }
    }
}

/// What the base version of the changed files held: findings (by fingerprint and by their
/// code) and packages.
#[derive(Debug, Default, Clone)]
pub struct BaseIndex {
    fingerprints: HashMap<(String, String), usize>,
    code: HashMap<(String, String), usize>,
    packages: HashSet<(String, String, String, String)>,
}

impl BaseIndex {
    /// Indexes the findings of a scan of the base versions of the changed files (written at
    /// their new paths, so fingerprints that include the path compare equal across renames).
    pub fn from_findings(findings: &[Finding]) -> BaseIndex {
        let mut idx = BaseIndex::default();
        for f in findings {
            *idx.fingerprints
                .entry((f.rule_id.clone(), f.fingerprint.as_str().to_string()))
                .or_default() += f.locations.len().max(1);
            if let Some(key) = code_key(f) {
                *idx.code.entry(key).or_default() += 1;
            }
        }
        idx
    }

    /// A package of the base version of a manifest: `manifest` relative to the scan root,
    /// `ecosystem` as findings name it (`PyPI`, `Debian:12`).
    pub fn add_package(&mut self, manifest: &str, ecosystem: &str, name: &str, version: &str) {
        self.packages.insert((
            manifest.to_string(),
            ecosystem.to_string(),
            name.to_string(),
            version.to_string(),
        ));
    }
}

/// Counts of one classification.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Classification {
    pub new: usize,
    pub existing: usize,
    pub moved: usize,
}

fn code_key(f: &Finding) -> Option<(String, String)> {
    let text = f
        .evidence
        .as_ref()?
        .text
        .split_whitespace()
        .collect::<Vec<_>>();
    if text.is_empty() {
        return None;
    }
    Some((f.rule_id.clone(), text.join(" ")))
}

/// The lines of a finding that count as "in the change": its span, and for a taint flow its
/// source and sink lines.
fn touches(f: &Finding, loc: &Location, change: &FileChange) -> bool {
    let Some(region) = loc.region() else {
        return true;
    };
    if change.touches(region.start_line, region.end_line) {
        return true;
    }
    if let Some(trace) = f.properties.get("trace").and_then(|t| t.as_array()) {
        for step in trace {
            let kind = step.get("kind").and_then(|k| k.as_str());
            if matches!(kind, Some("source") | Some("sink"))
                && let Some(line) = step.get("line").and_then(|l| l.as_u64())
                && change.touches(line as u32, line as u32)
            {
                return true;
            }
        }
    }
    false
}

enum Place<'a> {
    /// Not in any file the change touched.
    Unchanged,
    File {
        touched: bool,
        _change: &'a FileChange,
    },
    Package {
        added_or_upgraded: bool,
    },
    Elsewhere,
}

fn place<'a>(f: &Finding, change: &'a ChangeSet, base: &BaseIndex) -> Place<'a> {
    let mut in_change = None;
    for loc in &f.locations {
        match loc {
            Location::Package {
                manifest,
                ecosystem,
                name,
                version,
                ..
            } => {
                if change.get(manifest).is_some() {
                    let known = base.packages.contains(&(
                        manifest.clone(),
                        ecosystem.clone(),
                        name.clone(),
                        version.clone(),
                    ));
                    return Place::Package {
                        added_or_upgraded: !known,
                    };
                }
            }
            Location::File { path, .. } | Location::Git { path, .. } => {
                if let Some(c) = change.get(path) {
                    let t = touches(f, loc, c);
                    if t {
                        return Place::File {
                            touched: true,
                            _change: c,
                        };
                    }
                    in_change.get_or_insert(Place::File {
                        touched: false,
                        _change: c,
                    });
                }
            }
            Location::Image { .. } | Location::Url { .. } => return Place::Elsewhere,
        }
    }
    in_change.unwrap_or(Place::Unchanged)
}

fn set(f: &mut Finding, status: DiffStatus, reason: &str, counts: &mut Classification) {
    match status {
        DiffStatus::New => counts.new += 1,
        DiffStatus::Existing => counts.existing += 1,
        DiffStatus::Moved => counts.moved += 1,
    }
    f.properties
        .insert(DIFF_PROPERTY.into(), status.as_str().into());
    f.properties
        .insert(DIFF_REASON_PROPERTY.into(), reason.into());
}

/// Gives every finding its [`DiffStatus`] (properties `diff` and `diff_reason`).
pub fn classify(findings: &mut [Finding], change: &ChangeSet, base: &BaseIndex) -> Classification {
    let mut counts = Classification::default();
    // Code that stays put in a changed file uses up its share of the base's identical code
    // first; only the rest can explain touched findings as moved.
    let mut code_allowance: HashMap<(String, String), isize> = base
        .code
        .iter()
        .map(|(k, v)| (k.clone(), *v as isize))
        .collect();
    let places: Vec<Place<'_>> = findings.iter().map(|f| place(f, change, base)).collect();
    for (f, p) in findings.iter().zip(&places) {
        if matches!(p, Place::File { touched: false, .. })
            && let Some(key) = code_key(f)
            && let Some(a) = code_allowance.get_mut(&key)
        {
            *a -= 1;
        }
    }
    for (f, p) in findings.iter_mut().zip(places) {
        match p {
            Place::Unchanged => set(
                f,
                DiffStatus::Existing,
                "not in a file the change touched",
                &mut counts,
            ),
            Place::Elsewhere => set(
                f,
                DiffStatus::New,
                "not tied to a file of the change, so it cannot be compared with the base",
                &mut counts,
            ),
            Place::Package {
                added_or_upgraded: true,
            } => set(
                f,
                DiffStatus::New,
                "the change adds or upgrades this dependency",
                &mut counts,
            ),
            Place::Package {
                added_or_upgraded: false,
            } => set(
                f,
                DiffStatus::Existing,
                "the base already had this dependency at this version",
                &mut counts,
            ),
            Place::File { touched, .. } => {
                let key = (f.rule_id.clone(), f.fingerprint.as_str().to_string());
                let at_base = base
                    .fingerprints
                    .get(&key)
                    .is_some_and(|n| *n >= f.locations.len().max(1));
                if at_base {
                    if touched {
                        set(
                            f,
                            DiffStatus::Moved,
                            "on changed lines, but the base version of the file has the same finding (moved or reformatted code)",
                            &mut counts,
                        );
                    } else {
                        set(
                            f,
                            DiffStatus::Existing,
                            "the base version of the file has the same finding",
                            &mut counts,
                        );
                    }
                    continue;
                }
                let moved_code = code_key(f)
                    .and_then(|k| code_allowance.get_mut(&k))
                    .filter(|a| **a > 0);
                if let Some(a) = moved_code {
                    *a -= 1;
                    set(
                        f,
                        DiffStatus::Moved,
                        "the same code with the same finding was in a file the change touched (moved between files)",
                        &mut counts,
                    );
                } else if touched {
                    set(
                        f,
                        DiffStatus::New,
                        "on lines or a resource the change added or modified",
                        &mut counts,
                    );
                } else {
                    set(
                        f,
                        DiffStatus::New,
                        "not in the base version of the file: the change elsewhere in it introduced this (e.g. removed a check)",
                        &mut counts,
                    );
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use rampart_core::finding::Region;
    use rampart_core::{Confidence, Evidence, Fingerprint, Rule, Severity};

    fn rule() -> Rule {
        Rule::new(
            "py/test",
            "sast",
            "t",
            Severity::High,
            Confidence::High,
            "d",
        )
    }

    fn finding(path: &str, line: u32, code: &str) -> Finding {
        Finding::new(&rule(), Location::file(path, Some(Region::line(line))), "m")
            .with_fingerprint(Fingerprint::from_parts([path.as_bytes(), code.as_bytes()]))
            .with_evidence(Evidence::plain(code))
    }

    fn change(text: &str) -> ChangeSet {
        ChangeSet::parse_git_diff(text).unwrap()
    }

    const DIFF: &str =
        "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -0,0 +1,2 @@\n+x\n+y\n";

    #[test]
    fn new_existing_and_moved() {
        let c = change(DIFF);
        let base = BaseIndex::from_findings(&[finding("a.py", 5, "eval(x)")]);
        let mut fs = vec![
            finding("a.py", 1, "exec(y)"), // on an added line, not in base
            finding("a.py", 2, "eval(x)"), // on an added line, same finding in base
            finding("b.py", 1, "exec(z)"), // file not changed
        ];
        let counts = classify(&mut fs, &c, &base);
        let st: Vec<_> = fs.iter().map(|f| DiffStatus::of(f).unwrap()).collect();
        assert_eq!(
            st,
            [DiffStatus::New, DiffStatus::Moved, DiffStatus::Existing]
        );
        assert_eq!(
            counts,
            Classification {
                new: 1,
                existing: 1,
                moved: 1
            }
        );
    }

    #[test]
    fn taint_source_in_the_change_counts() {
        let c = change(DIFF);
        let f = finding("a.py", 9, "os.system(cmd)").with_property(
            "trace",
            serde_json::json!([{"kind": "source", "line": 2}, {"kind": "sink", "line": 9}]),
        );
        let mut fs = vec![f];
        classify(&mut fs, &c, &BaseIndex::default());
        assert_eq!(DiffStatus::of(&fs[0]), Some(DiffStatus::New));
        assert!(
            fs[0].properties[DIFF_REASON_PROPERTY]
                .as_str()
                .unwrap()
                .contains("lines")
        );
    }

    #[test]
    fn duplicated_code_is_new_not_moved() {
        // The base had one `eval(x)` in a.py; the change keeps it and adds a second copy.
        let c = change(DIFF);
        let base = BaseIndex::from_findings(&[
            finding("a.py", 5, "eval(x)").with_fingerprint(Fingerprint::from_parts([b"other"]))
        ]);
        let kept = finding("a.py", 7, "eval(x)").with_fingerprint(Fingerprint::from_parts([b"k"]));
        let copy = finding("a.py", 1, "eval(x)").with_fingerprint(Fingerprint::from_parts([b"c"]));
        let mut fs = vec![copy, kept];
        classify(&mut fs, &c, &base);
        assert_eq!(DiffStatus::of(&fs[0]), Some(DiffStatus::New));
    }

    #[test]
    fn packages_added_or_upgraded_gate() {
        let c = change(
            "diff --git a/requirements.txt b/requirements.txt\n--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1 +1 @@\n-a\n+b\n",
        );
        let mut base = BaseIndex::default();
        base.add_package("requirements.txt", "PyPI", "jinja2", "2.10");
        let pkg = |name: &str, version: &str| {
            Finding::new(
                &rule(),
                Location::Package {
                    manifest: "requirements.txt".into(),
                    line: Some(1),
                    ecosystem: "PyPI".into(),
                    name: name.into(),
                    version: version.into(),
                    purl: None,
                },
                "m",
            )
        };
        let mut fs = vec![
            pkg("jinja2", "2.10"),
            pkg("jinja2", "2.11"),
            pkg("flask", "0.1"),
        ];
        classify(&mut fs, &c, &base);
        let st: Vec<_> = fs.iter().map(|f| DiffStatus::of(f).unwrap()).collect();
        assert_eq!(st, [DiffStatus::Existing, DiffStatus::New, DiffStatus::New]);
    }
}
