//! rampart's SAST engine.
//!
//! Rules are written in Semgrep's YAML format (the subset described in the README) and matched
//! structurally on tree-sitter trees: each file is parsed once and every rule of its language is
//! evaluated on that tree, after a literal prefilter skips the rules that cannot match. `mode:
//! taint` rules run an intra-procedural dataflow per function plus function summaries, so flows
//! through helpers of the same file are found; with a project root ([`project`]) the summaries
//! of functions in imported modules are used too (cross-file taint).

pub mod ast;
pub mod consteval;
pub mod eval;
pub mod lang;
pub mod matcher;
pub mod pattern;
pub mod project;
pub mod rules;
pub mod ruletest;
pub mod taint;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use aho_corasick::AhoCorasick;
use rampart_core::finding::Region;
use rampart_core::scanner::FileInfo;
use rampart_core::{
    Diagnostic, Evidence, FileTarget, Finding, Fingerprint, Location, Rule, ScanContext,
    ScanOutput, Scanner,
};
use serde::Deserialize;

use crate::lang::Language;
use crate::matcher::{Env, Target};
use crate::project::{Cx, Ext, Project};
pub use crate::rules::{Origin, RuleError, SastRule};
pub use crate::ruletest::{RuleTestResult, TestReport, run_rule_tests};

/// Files larger than this are not parsed (generated code, minified bundles).
pub const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;

/// `[scanner.sast]` of `rampart.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SastConfig {
    /// Directories (or single files) of Semgrep-format YAML rules, run in addition to the
    /// built-in pack. Their rule ids become `user/<dir>.<sub dirs>.<id>` (named by path, as
    /// Semgrep names them, so equal ids in different directories do not clash).
    pub rule_dirs: Vec<PathBuf>,
    /// Rule ids to skip: rampart ids (`py/…`, `user/…`) or the ids written in the YAML.
    pub disabled_rules: Vec<String>,
    /// Run the built-in rule pack (default true).
    pub builtin: bool,
    /// Follow taint into the modules a file imports from the scanned tree (default true).
    pub cross_file: bool,
}

impl Default for SastConfig {
    fn default() -> Self {
        SastConfig {
            rule_dirs: Vec::new(),
            disabled_rules: Vec::new(),
            builtin: true,
            cross_file: true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SastError {
    #[error("{} rule error(s):\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Rules(Vec<RuleError>),
    #[error("rule path {0} does not exist")]
    MissingPath(PathBuf),
}

/// The built-in rule files: `(path under rules/, YAML)`.
pub fn builtin_rule_files() -> &'static [(&'static str, &'static str)] {
    builtin::BUILTIN_RULE_FILES
}

/// Loads the built-in pack.
pub fn builtin_rules() -> rules::Loaded {
    let mut out = rules::Loaded::default();
    for (path, text) in builtin_rule_files() {
        let l = rules::load_str(text, &format!("rules/{path}"), Origin::Builtin);
        out.rules.extend(l.rules);
        out.errors.extend(l.errors);
        out.skipped.extend(l.skipped);
    }
    out
}

/// One result before it becomes a [`Finding`].
#[derive(Debug, Clone)]
pub struct RawMatch {
    pub rule: usize,
    pub start: u32,
    pub end: u32,
    pub env: Env,
    /// Taint rules: where the data came from and the calls it went through.
    pub source: Option<u32>,
    /// Cross-file taint: the sink lies in another module ([`project::Project::file`]); `start`
    /// and `end` are offsets in that file.
    pub sink_file: Option<u32>,
    pub via_calls: Vec<u32>,
}

/// Compiled rules plus the literal prefilter.
pub struct Engine {
    rules: Vec<SastRule>,
    ac: Option<AhoCorasick>,
    lit_ids: HashMap<String, usize>,
}

impl Engine {
    pub fn new(rules: Vec<SastRule>) -> Engine {
        let mut lits = Vec::new();
        for r in &rules {
            rules::req_literals(&r.req, &mut lits);
            if let rules::RuleKind::Taint(t) = &r.kind {
                for q in t.reqs.iter().flatten() {
                    rules::req_literals(q, &mut lits);
                }
            }
        }
        lits.sort();
        lits.dedup();
        let lit_ids: HashMap<String, usize> = lits
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        let ac = if lits.is_empty() {
            None
        } else {
            AhoCorasick::new(&lits).ok()
        };
        Engine { rules, ac, lit_ids }
    }

    pub fn rules(&self) -> &[SastRule] {
        &self.rules
    }

    pub fn language_for(&self, rel_path: &str) -> Option<&'static dyn Language> {
        let ext = rel_path
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())?;
        rules::languages()
            .into_iter()
            .find(|l| l.extensions().contains(&ext.as_str()))
    }

    /// Runs every applicable rule on one source file.
    pub fn scan_source(&self, rel_path: &str, src: &str) -> Vec<RawMatch> {
        let lang = self
            .language_for(rel_path)
            .unwrap_or_else(|| lang::python());
        self.scan_with(lang, rel_path, src)
    }

    pub fn scan_with(
        &self,
        lang: &'static dyn Language,
        rel_path: &str,
        src: &str,
    ) -> Vec<RawMatch> {
        self.scan_project(lang, rel_path, src, None)
    }

    /// Like [`Engine::scan_with`]; with a project (and its root) taint rules follow calls into
    /// the modules the file imports.
    /// Which of the rules' literals occur in `src` (for [`Engine::has_literal`]).
    pub fn literals_present(&self, src: &str) -> Vec<bool> {
        let mut present = vec![false; self.lit_ids.len()];
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(src) {
                if let Some(p) = present.get_mut(m.pattern().as_usize()) {
                    *p = true;
                }
            }
        }
        present
    }

    /// Whether `lit` (one of the rules' literals) was found, per `present`.
    pub fn has_literal(&self, present: &[bool], lit: &str) -> bool {
        self.lit_ids
            .get(lit)
            .and_then(|i| present.get(*i))
            .copied()
            .unwrap_or(false)
    }

    pub fn scan_project(
        &self,
        lang: &'static dyn Language,
        rel_path: &str,
        src: &str,
        project: Option<(&Project, &Path)>,
    ) -> Vec<RawMatch> {
        let present = self.literals_present(src);
        let has = |lit: &str| self.has_literal(&present, lit);
        let wanted: Vec<usize> = self
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.language == lang.name())
            .filter(|(_, r)| r.paths.as_ref().is_none_or(|p| p.allows(rel_path)))
            .filter(|(_, r)| {
                let req = if project.is_some() { &r.xreq } else { &r.req };
                rules::req_holds(req, &has)
            })
            .map(|(i, _)| i)
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let Some(tree) = ast::parse(lang, src) else {
            return Vec::new();
        };
        let target = Target::new(lang, &tree);
        let mut out = Vec::new();
        for i in wanted {
            let Some(rule) = self.rules.get(i) else {
                continue;
            };
            let mut seen = HashSet::new();
            match &rule.kind {
                rules::RuleKind::Search(f) => {
                    for m in eval::eval(f, &target) {
                        if seen.insert((m.start, m.end)) {
                            out.push(RawMatch {
                                rule: i,
                                start: m.start,
                                end: m.end,
                                env: m.env,
                                source: None,
                                sink_file: None,
                                via_calls: vec![],
                            });
                        }
                    }
                }
                rules::RuleKind::Taint(spec) => {
                    let part = |q: &rules::Req| rules::req_holds(q, &has);
                    let hits = match project {
                        Some((p, root)) => {
                            let ext = Ext {
                                cx: Cx {
                                    project: p,
                                    engine: self,
                                    root,
                                    lang,
                                },
                                caller: rel_path.to_string(),
                                rule: i,
                            };
                            taint::run_ext(spec, &target, Some(&ext), &part)
                        }
                        None => taint::run_ext(spec, &target, None, &part),
                    };
                    for h in hits {
                        out.push(RawMatch {
                            rule: i,
                            start: h.sink_start,
                            end: h.sink_end,
                            env: Vec::new(),
                            source: Some(h.source_start),
                            sink_file: h.sink_file,
                            via_calls: h.via_calls,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|m| (m.start, m.rule));
        out
    }

    /// Turns a raw match into a finding of the rampart model.
    pub fn to_finding(&self, rel_path: &str, src: &str, m: &RawMatch) -> Option<Finding> {
        let rule = self.rules.get(m.rule)?;
        let bytes = src.as_bytes();
        let (s, e) = (m.start as usize, (m.end as usize).min(bytes.len()));
        let region = Region::from_byte_range(bytes, s..e);
        let matched = src.get(s..e).unwrap_or("");
        let message = interpolate(&rule.message, &m.env, src);
        let evidence: String = matched
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .chars()
            .take(200)
            .collect();
        let mut f = Finding::new(
            &rule.rule,
            Location::file(rel_path, Some(region)),
            message.trim(),
        )
        .with_fingerprint(Fingerprint::for_code(
            &rule.rule.id,
            rel_path,
            matched.as_bytes(),
        ))
        .with_evidence(Evidence::plain(evidence))
        .with_property("semgrep_id", rule.qualified_id.clone());
        if let Some(fix) = &rule.fix {
            f = f.with_property("fix", interpolate(fix, &m.env, src));
        }
        if let Some(so) = m.source {
            let line = |o: u32| rampart_core::finding::line_col(bytes, o as usize).0;
            let mut trace = vec![serde_json::json!({"kind": "source", "line": line(so)})];
            for c in &m.via_calls {
                trace.push(serde_json::json!({"kind": "call", "line": c}));
            }
            trace.push(serde_json::json!({"kind": "sink", "line": region.start_line}));
            f = f.with_property("trace", serde_json::Value::Array(trace));
        }
        Some(f)
    }
}

/// The full lines a byte range touches.
fn matched_lines(src: &str, start: usize, end: usize) -> String {
    let b = src.as_bytes();
    let s = b
        .get(..start.min(b.len()))
        .and_then(|x| x.iter().rposition(|c| *c == b'\n'))
        .map_or(0, |p| p + 1);
    let e = b
        .get(end.min(b.len())..)
        .and_then(|x| x.iter().position(|c| *c == b'\n'))
        .map_or(b.len(), |p| end + p);
    src.get(s..e).unwrap_or("").to_string()
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Replaces `$X` in a message with the text bound to `X` (longest names first).
fn interpolate(template: &str, env: &Env, src: &str) -> String {
    let mut names: Vec<&(String, matcher::Binding)> = env.iter().collect();
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out = template.to_string();
    for (n, b) in names {
        if out.contains(n.as_str()) {
            let text: String = src
                .get(b.start as usize..b.end as usize)
                .unwrap_or("")
                .chars()
                .take(120)
                .collect();
            out = out.replace(n.as_str(), &text);
        }
    }
    out
}

/// The `sast` scanner of `rampart scan`.
pub struct SastScanner {
    engine: Engine,
    skipped: Vec<RuleError>,
    cross_file: bool,
    project: Project,
}

impl SastScanner {
    /// Builds the scanner: the built-in pack (unless `builtin = false`) plus every rule under
    /// `rule_dirs`. An error in the built-in pack fails the construction (it is rampart's bug). A
    /// user rule that cannot be loaded (invalid YAML, unsupported feature, a duplicate id) is
    /// skipped and reported by `finish`, naming the file, the rule and the feature, and the
    /// other rules run, as Semgrep does; only when no user rule at all could be loaded does the
    /// construction fail. Rules for languages this build does not support are skipped too.
    pub fn new(cfg: &SastConfig) -> Result<SastScanner, SastError> {
        let mut loaded = if cfg.builtin {
            builtin_rules()
        } else {
            rules::Loaded::default()
        };
        if !loaded.errors.is_empty() {
            return Err(SastError::Rules(loaded.errors));
        }
        let mut user_errors = Vec::new();
        let mut user_rules = 0usize;
        for d in &cfg.rule_dirs {
            if !d.exists() {
                return Err(SastError::MissingPath(d.clone()));
            }
            let l = rules::load_dir(d, Origin::User);
            user_rules += l.rules.len() + l.skipped.len();
            loaded.rules.extend(l.rules);
            user_errors.extend(l.errors);
            loaded.skipped.extend(l.skipped);
        }
        if !user_errors.is_empty() && user_rules == 0 {
            return Err(SastError::Rules(user_errors));
        }
        loaded.skipped.extend(user_errors);
        let disabled: HashSet<&str> = cfg.disabled_rules.iter().map(String::as_str).collect();
        let mut seen = HashSet::new();
        let mut dupes = Vec::new();
        let rules: Vec<SastRule> = loaded
            .rules
            .into_iter()
            .filter(|r| {
                !disabled.contains(r.rule.id.as_str())
                    && !disabled.contains(r.semgrep_id.as_str())
                    && !disabled.contains(r.qualified_id.as_str())
            })
            .filter(|r| {
                let fresh = seen.insert(r.rule.id.clone());
                if !fresh {
                    dupes.push(RuleError {
                        file: r.file.clone(),
                        rule: r.semgrep_id.clone(),
                        message: format!(
                            "duplicate rule id `{}` (the first rule with this id runs)",
                            r.rule.id
                        ),
                    });
                }
                fresh
            })
            .collect();
        loaded.skipped.extend(dupes);
        Ok(SastScanner {
            engine: Engine::new(rules),
            skipped: loaded.skipped,
            cross_file: cfg.cross_file,
            project: Project::new(),
        })
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Rules skipped: languages this build does not support, user rules that could not be
    /// loaded (with the reason) and duplicate ids.
    pub fn skipped_rules(&self) -> &[RuleError] {
        &self.skipped
    }

    /// Scans one source text (what `scan_file` does with the file's bytes), on its own.
    pub fn scan_text(&self, rel_path: &str, src: &str) -> Vec<Finding> {
        self.scan_text_in(rel_path, src, None)
    }

    /// Scans one source text of the tree under `root`: with cross-file analysis on, taint
    /// follows calls into the modules it imports from that tree. A flow whose sink lies in
    /// another module is reported at that sink, in that file.
    pub fn scan_text_in(&self, rel_path: &str, src: &str, root: Option<&Path>) -> Vec<Finding> {
        let lang = self
            .engine
            .language_for(rel_path)
            .unwrap_or_else(|| lang::python());
        let project = match root {
            Some(r) if self.cross_file => Some((&self.project, r)),
            _ => None,
        };
        let (matches, remote): (Vec<RawMatch>, Vec<RawMatch>) = self
            .engine
            .scan_project(lang, rel_path, src, project)
            .into_iter()
            .partition(|m| m.sink_file.is_none());
        let mut findings = self.findings_of(rel_path, src, &matches, None);
        let mut by_file: std::collections::BTreeMap<u32, Vec<RawMatch>> = Default::default();
        for m in remote {
            if let Some(f) = m.sink_file {
                by_file.entry(f).or_default().push(m);
            }
        }
        for (fid, ms) in by_file {
            let Some(mf) = self.project.file(fid) else {
                continue;
            };
            findings.extend(self.findings_of(&mf.rel, &mf.src, &ms, Some((rel_path, src))));
        }
        findings
    }

    /// Findings of matches located in `rel_path`; `from` is the file the data came from when
    /// it is another one (cross-file flows).
    fn findings_of(
        &self,
        rel_path: &str,
        src: &str,
        matches: &[RawMatch],
        from: Option<(&str, &str)>,
    ) -> Vec<Finding> {
        let mut findings = Vec::with_capacity(matches.len());
        // Fingerprint: rule, path, the whole text of the matched lines (a focused match is
        // often a bare name) and the occurrence number among equal keys in file order, so two
        // identical statements stay two findings and inserting lines above changes nothing.
        let mut seen: HashMap<(usize, String), u32> = HashMap::new();
        for m in matches {
            let Some(mut f) = self.engine.to_finding(rel_path, src, m) else {
                continue;
            };
            if let (Some((caller, csrc)), Some(so)) = (from, m.source) {
                let line = |o: u32| rampart_core::finding::line_col(csrc.as_bytes(), o as usize).0;
                let mut trace =
                    vec![serde_json::json!({"kind": "source", "path": caller, "line": line(so)})];
                for c in &m.via_calls {
                    trace.push(serde_json::json!({"kind": "call", "path": caller, "line": c}));
                }
                trace.push(serde_json::json!({"kind": "sink", "path": rel_path,
                    "line": f.primary_location().start_line()}));
                f = f.with_property("trace", serde_json::Value::Array(trace));
            }
            // Counted on the normalised text: the fingerprint ignores indentation.
            let key = normalize_ws(&matched_lines(src, m.start as usize, m.end as usize));
            let n = seen.entry((m.rule, key.clone())).or_insert(0);
            *n += 1;
            let fp = Fingerprint::from_parts([
                f.rule_id.as_bytes(),
                rel_path.as_bytes(),
                key.as_bytes(),
                n.to_string().as_bytes(),
            ]);
            findings.push(f.with_fingerprint(fp));
        }
        findings
    }
}

impl Scanner for SastScanner {
    fn name(&self) -> &'static str {
        "sast"
    }

    fn rules(&self) -> Vec<Rule> {
        self.engine.rules.iter().map(|r| r.rule.clone()).collect()
    }

    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        !file.is_binary
            && file.size <= MAX_SOURCE_BYTES
            && self.engine.language_for(file.rel_path).is_some()
    }

    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let owned;
        let bytes: &[u8] = match file.content {
            Some(b) => b,
            None => {
                // Larger than the walk keeps in memory: far over our own limit, so skip.
                if file.info.size > MAX_SOURCE_BYTES {
                    return;
                }
                match std::fs::read(file.info.path) {
                    Ok(b) => {
                        owned = b;
                        &owned
                    }
                    Err(e) => {
                        out.diagnostic(Diagnostic::warning(
                            "sast",
                            Some(file.info.rel_path),
                            format!("unreadable: {e}"),
                        ));
                        return;
                    }
                }
            }
        };
        if bytes.len() as u64 > MAX_SOURCE_BYTES {
            return;
        }
        let src = String::from_utf8_lossy(bytes);
        for f in self.scan_text_in(file.info.rel_path, &src, Some(&ctx.root)) {
            out.push(f);
        }
    }

    fn finish(&self, _ctx: &ScanContext, out: &mut ScanOutput) {
        for s in &self.skipped {
            out.diagnostic(Diagnostic::warning(
                "sast",
                Some(&s.file),
                format!("rule `{}` skipped: {}", s.rule, s.message),
            ));
        }
    }
}
