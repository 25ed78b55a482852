//! Loading rules written in Semgrep's YAML format (the supported subset, see the README) and
//! mapping their metadata into [`rampart_core::Rule`].
//!
//! Anything outside the subset is an error naming the file, the rule and the feature: a rule
//! that silently matched nothing would be worse than no rule.

use std::path::Path;

use rampart_core::{Confidence, Rule, Severity};
use serde_yaml::{Mapping, Value};

use crate::lang::{self, Language};
use crate::pattern::Pattern;

/// A rule that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: rule `{rule}`: {message}")]
pub struct RuleError {
    pub file: String,
    pub rule: String,
    pub message: String,
}

/// A search formula (the operators of `patterns`/`pattern-either`).
#[derive(Debug)]
pub enum Formula {
    Pattern(Box<Pattern>),
    Regex(regex::Regex),
    And(Vec<Formula>),
    Or(Vec<Formula>),
    Not(Box<Formula>),
    Inside(Box<Formula>),
    NotInside(Box<Formula>),
    NotRegex(regex::Regex),
    MetavarRegex {
        name: String,
        re: regex::Regex,
    },
    MetavarPattern {
        name: String,
        formula: Box<Formula>,
    },
    MetavarComparison {
        name: Option<String>,
        expr: Box<Pattern>,
    },
    Focus(Vec<String>),
}

impl Formula {
    /// Whether the formula selects code on its own (a conjunction needs at least one such part).
    pub fn is_positive(&self) -> bool {
        matches!(
            self,
            Formula::Pattern(_)
                | Formula::Regex(_)
                | Formula::And(_)
                | Formula::Or(_)
                | Formula::Inside(_)
        )
    }
}

#[derive(Debug)]
pub struct Propagator {
    pub formula: Formula,
    pub from: String,
    pub to: String,
}

#[derive(Debug)]
pub struct TaintSpec {
    pub sources: Vec<Formula>,
    pub sinks: Vec<Formula>,
    pub sanitizers: Vec<Formula>,
    pub propagators: Vec<Propagator>,
    /// The literals each part needs, in the order above: a part whose literals a file lacks
    /// is not evaluated on it.
    pub reqs: [Vec<Req>; 4],
}

impl TaintSpec {
    fn with_reqs(
        sources: Vec<Formula>,
        sinks: Vec<Formula>,
        sanitizers: Vec<Formula>,
        propagators: Vec<Propagator>,
    ) -> TaintSpec {
        let reqs = [
            sources.iter().map(req_of).collect(),
            sinks.iter().map(req_of).collect(),
            sanitizers.iter().map(req_of).collect(),
            propagators.iter().map(|p| req_of(&p.formula)).collect(),
        ];
        TaintSpec {
            sources,
            sinks,
            sanitizers,
            propagators,
            reqs,
        }
    }
}

#[derive(Debug)]
pub enum RuleKind {
    Search(Formula),
    Taint(TaintSpec),
}

/// Literals a file must contain for a rule to possibly match (conservative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Req {
    True,
    Lit(String),
    All(Vec<Req>),
    Any(Vec<Req>),
}

/// `paths: include/exclude` of a rule.
#[derive(Debug)]
pub struct PathFilter {
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl PathFilter {
    pub fn allows(&self, rel_path: &str) -> bool {
        if let Some(ex) = &self.exclude
            && ex.is_match(rel_path)
        {
            return false;
        }
        match &self.include {
            Some(inc) => inc.is_match(rel_path),
            None => true,
        }
    }
}

/// A loaded rule.
#[derive(Debug)]
pub struct SastRule {
    /// Rule metadata as the rest of rampart sees it (id `py/<id>` or `user/<id>`).
    pub rule: Rule,
    /// The id written in the YAML file (what `# ruleid:` annotations name).
    pub semgrep_id: String,
    /// The id Semgrep reports: `semgrep_id` qualified by the rule's directory path when the rule
    /// came from a directory (`python.pycryptodome.security.<id>`).
    pub qualified_id: String,
    pub message: String,
    pub kind: RuleKind,
    pub fix: Option<String>,
    pub req: Req,
    /// Taint rules with cross-file analysis: a source or a sink suffices (the other may be in
    /// an imported module). Equal to `req` for search rules.
    pub xreq: Req,
    /// Taint rules: the literals of the sources alone, and of the sinks alone.
    pub src_req: Req,
    pub snk_req: Req,
    pub paths: Option<PathFilter>,
    pub language: &'static str,
    /// The YAML file the rule came from.
    pub file: String,
}

/// Where a rule comes from: decides its id namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with rampart: `py/<id>`.
    Builtin,
    /// A user's rule directory: `user/<id>`.
    User,
}

/// The result of loading one YAML file.
#[derive(Debug, Default)]
pub struct Loaded {
    pub rules: Vec<SastRule>,
    pub errors: Vec<RuleError>,
    /// Rules skipped because they target a language this build does not support yet.
    pub skipped: Vec<RuleError>,
}

const RULE_KEYS: &[&str] = &[
    "id",
    "message",
    "severity",
    "languages",
    "metadata",
    "pattern",
    "patterns",
    "pattern-either",
    "pattern-regex",
    "mode",
    "pattern-sources",
    "pattern-sinks",
    "pattern-sanitizers",
    "pattern-propagators",
    "fix",
    "fix-regex",
    "paths",
    "options",
    "min-version",
    "max-version",
];

/// Options that only tune Semgrep's own analyses and never make it match less than rampart.
const HARMLESS_OPTIONS: &[&str] = &["symbolic_propagation", "interfile", "max_match_per_file"];

pub fn languages() -> Vec<&'static dyn Language> {
    vec![lang::python()]
}

/// Loads every rule of one YAML document.
pub fn load_str(yaml: &str, file: &str, origin: Origin) -> Loaded {
    load_str_in(yaml, file, origin, "")
}

/// Like [`load_str`], for a file found under a rule directory: `prefix` is the dotted path of
/// its directory (`python.pycryptodome.security`), which qualifies the rule's id as Semgrep does,
/// so two files of one tree may use the same id.
pub fn load_str_in(yaml: &str, file: &str, origin: Origin, prefix: &str) -> Loaded {
    let mut out = Loaded::default();
    let err = |rule: &str, message: String| RuleError {
        file: file.to_string(),
        rule: rule.to_string(),
        message,
    };
    let doc: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            out.errors.push(err("-", format!("invalid YAML: {e}")));
            return out;
        }
    };
    let Some(rules) = doc.get("rules").and_then(Value::as_sequence) else {
        out.errors
            .push(err("-", "no top-level `rules:` list".into()));
        return out;
    };
    for r in rules {
        let id = r
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("<no id>")
            .to_string();
        match load_rule(r, file, origin, prefix) {
            Ok(Some(rule)) => out.rules.push(rule),
            Ok(None) => out.skipped.push(err(
                &id,
                "targets no language supported by this build".into(),
            )),
            Err(message) => out.errors.push(err(&id, message)),
        }
    }
    out
}

/// Loads every `*.yaml`/`*.yml` under `dir` (recursively, sorted). Test-only files are not
/// rules: YAML files without a `rules:` key are reported as errors. Rules of a directory are
/// named by their path as Semgrep names them: `<dir name>.<sub dirs>.<id>`.
pub fn load_dir(dir: &Path, origin: Origin) -> Loaded {
    let mut out = Loaded::default();
    let mut files = Vec::new();
    collect_yaml(dir, &mut files, 0);
    files.sort();
    for f in files {
        let shown = f.display().to_string();
        let prefix = dir_prefix(dir, &f);
        match std::fs::read_to_string(&f) {
            Ok(text) => {
                let l = load_str_in(&text, &shown, origin, &prefix);
                out.rules.extend(l.rules);
                out.errors.extend(l.errors);
                out.skipped.extend(l.skipped);
            }
            Err(e) => out.errors.push(RuleError {
                file: shown,
                rule: "-".into(),
                message: format!("unreadable: {e}"),
            }),
        }
    }
    out
}

/// The dotted directory path that qualifies the ids of `file`, found under `root`: empty when
/// `root` is the file itself.
pub fn dir_prefix(root: &Path, file: &Path) -> String {
    if root.is_file() {
        return String::new();
    }
    let mut parts: Vec<String> = Vec::new();
    let root_name = std::fs::canonicalize(root)
        .ok()
        .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()));
    if let Some(n) = root_name {
        parts.push(n);
    }
    if let Some(parent) = file.parent().and_then(|p| p.strip_prefix(root).ok()) {
        parts.extend(
            parent
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        );
    }
    parts
        .into_iter()
        .map(|p| p.trim_matches('.').to_string())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

pub(crate) fn collect_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>, depth: u32) {
    if depth > 16 {
        return;
    }
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            collect_yaml(&p, out, depth + 1);
        } else if ft.is_file() && (name.ends_with(".yaml") || name.ends_with(".yml")) {
            out.push(p);
        }
    }
}

fn load_rule(
    r: &Value,
    file: &str,
    origin: Origin,
    prefix: &str,
) -> Result<Option<SastRule>, String> {
    let m = r.as_mapping().ok_or("a rule must be a mapping")?;
    for k in m.keys() {
        let k = k.as_str().unwrap_or("<non-string key>");
        if !RULE_KEYS.contains(&k) {
            return Err(format!("unsupported feature `{k}`"));
        }
    }
    let id = str_key(m, "id")?.ok_or("missing `id`")?.to_string();
    let message = str_key(m, "message")?
        .ok_or("missing `message`")?
        .to_string();
    let severity_s = str_key(m, "severity")?.ok_or("missing `severity`")?;
    let severity = match severity_s.to_ascii_uppercase().as_str() {
        "ERROR" | "HIGH" => Severity::High,
        "WARNING" | "MEDIUM" => Severity::Medium,
        "INFO" | "LOW" => Severity::Low,
        "CRITICAL" => Severity::Critical,
        "INVENTORY" | "EXPERIMENT" => Severity::Info,
        other => return Err(format!("unknown severity `{other}`")),
    };
    let langs: Vec<String> = match m.get("languages") {
        Some(Value::Sequence(s)) => s
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        _ => return Err("missing `languages`".into()),
    };
    if langs
        .iter()
        .any(|l| matches!(l.as_str(), "generic" | "regex" | "none"))
    {
        return Err(format!(
            "unsupported feature `languages: [{}]` (only tree-sitter languages)",
            langs.join(", ")
        ));
    }
    let Some(language) = languages()
        .into_iter()
        .find(|l| langs.iter().any(|x| l.aliases().contains(&x.as_str())))
    else {
        return Ok(None);
    };
    if let Some(opts) = m.get("options").and_then(Value::as_mapping) {
        for (k, _) in opts {
            let k = k.as_str().unwrap_or("");
            if !HARMLESS_OPTIONS.contains(&k) {
                return Err(format!("unsupported feature `options.{k}`"));
            }
        }
    }
    let mode = str_key(m, "mode")?.unwrap_or("search");
    let kind = match mode {
        "search" => {
            for k in [
                "pattern-sources",
                "pattern-sinks",
                "pattern-sanitizers",
                "pattern-propagators",
            ] {
                if m.contains_key(k) {
                    return Err(format!("`{k}` needs `mode: taint`"));
                }
            }
            RuleKind::Search(top_formula(m, language)?)
        }
        "taint" => {
            let list = |k: &str| -> Result<Vec<Formula>, String> {
                match m.get(k) {
                    None => Ok(Vec::new()),
                    Some(Value::Sequence(items)) => {
                        items.iter().map(|i| taint_item(i, k, language)).collect()
                    }
                    Some(_) => Err(format!("`{k}` must be a list")),
                }
            };
            let sources = list("pattern-sources")?;
            let sinks = list("pattern-sinks")?;
            if sources.is_empty() || sinks.is_empty() {
                return Err("taint rule needs `pattern-sources` and `pattern-sinks`".into());
            }
            let sanitizers = list("pattern-sanitizers")?;
            let mut propagators = Vec::new();
            if let Some(v) = m.get("pattern-propagators") {
                let items = v
                    .as_sequence()
                    .ok_or("`pattern-propagators` must be a list")?;
                for i in items {
                    let pm = i.as_mapping().ok_or("a propagator must be a mapping")?;
                    let from = str_key(pm, "from")?
                        .ok_or("propagator needs `from`")?
                        .to_string();
                    let to = str_key(pm, "to")?
                        .ok_or("propagator needs `to`")?
                        .to_string();
                    let mut rest = pm.clone();
                    rest.remove("from");
                    rest.remove("to");
                    propagators.push(Propagator {
                        formula: top_formula(&rest, language)?,
                        from,
                        to,
                    });
                }
            }
            for k in ["pattern", "patterns", "pattern-either", "pattern-regex"] {
                if m.contains_key(k) {
                    return Err(format!("`{k}` is not allowed in a taint rule"));
                }
            }
            RuleKind::Taint(TaintSpec::with_reqs(
                sources,
                sinks,
                sanitizers,
                propagators,
            ))
        }
        other => return Err(format!("unsupported feature `mode: {other}`")),
    };
    let fix = match m.get("fix") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err("`fix` must be a string".into()),
    };
    let paths = match m.get("paths") {
        None => None,
        Some(p) => Some(path_filter(p)?),
    };
    let meta = m
        .get("metadata")
        .and_then(Value::as_mapping)
        .cloned()
        .unwrap_or_default();
    let qualified_id = if prefix.is_empty() {
        id.clone()
    } else {
        format!("{prefix}.{id}")
    };
    let rule = to_core_rule(
        &qualified_id,
        &message,
        severity,
        &meta,
        origin,
        fix.as_deref(),
        file,
    )?;
    let (req, xreq, src_req, snk_req) = match &kind {
        RuleKind::Search(f) => (req_of(f), req_of(f), Req::True, Req::True),
        RuleKind::Taint(t) => {
            let src = simplify(Req::Any(t.sources.iter().map(req_of).collect()));
            let snk = simplify(Req::Any(t.sinks.iter().map(req_of).collect()));
            (
                simplify(Req::All(vec![src.clone(), snk.clone()])),
                simplify(Req::Any(vec![src.clone(), snk.clone()])),
                src,
                snk,
            )
        }
    };
    Ok(Some(SastRule {
        rule,
        semgrep_id: id,
        qualified_id,
        message,
        kind,
        fix,
        req,
        xreq,
        src_req,
        snk_req,
        paths,
        language: language.name(),
        file: file.to_string(),
    }))
}

fn str_key<'a>(m: &'a Mapping, k: &str) -> Result<Option<&'a str>, String> {
    match m.get(k) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("`{k}` must be a string")),
    }
}

const FORMULA_KEYS: &[&str] = &["pattern", "patterns", "pattern-either", "pattern-regex"];

/// Every `patterns` needs a positive term, except directly under `metavariable-pattern` where
/// the metavariable's own range is the starting point.
fn check_positive(f: &Formula, under_mvp: bool) -> Result<(), String> {
    match f {
        Formula::And(items) => {
            if !under_mvp && !items.iter().any(Formula::is_positive) {
                return Err("`patterns` needs at least one positive term (pattern, pattern-inside, pattern-either, pattern-regex)".into());
            }
            items.iter().try_for_each(|i| check_positive(i, false))
        }
        Formula::Or(items) => items.iter().try_for_each(|i| check_positive(i, false)),
        Formula::Not(x) | Formula::Inside(x) | Formula::NotInside(x) => check_positive(x, false),
        Formula::MetavarPattern { formula, .. } => check_positive(formula, true),
        _ => Ok(()),
    }
}

/// The formula of a rule or taint item: exactly one of `pattern`, `patterns`, `pattern-either`,
/// `pattern-regex`.
fn top_formula(m: &Mapping, lang: &dyn Language) -> Result<Formula, String> {
    let f = top_formula_inner(m, lang)?;
    check_positive(&f, false)?;
    Ok(f)
}

fn top_formula_inner(m: &Mapping, lang: &dyn Language) -> Result<Formula, String> {
    let present: Vec<&str> = FORMULA_KEYS
        .iter()
        .copied()
        .filter(|k| m.contains_key(*k))
        .collect();
    match present.as_slice() {
        [k] => {
            let v = m.get(*k).ok_or("missing formula")?;
            operator(k, v, lang)
        }
        [] => Err("no `pattern`, `patterns`, `pattern-either` or `pattern-regex`".into()),
        many => Err(format!(
            "more than one top-level formula ({})",
            many.join(", ")
        )),
    }
}

fn taint_item(v: &Value, key: &str, lang: &dyn Language) -> Result<Formula, String> {
    let m = v
        .as_mapping()
        .ok_or_else(|| format!("items of `{key}` must be mappings"))?;
    for k in m.keys() {
        let k = k.as_str().unwrap_or("");
        if !FORMULA_KEYS.contains(&k) {
            return Err(format!("unsupported feature `{key}[].{k}`"));
        }
    }
    top_formula(m, lang)
}

/// One operator (`key: value`) of a formula.
fn operator(key: &str, v: &Value, lang: &dyn Language) -> Result<Formula, String> {
    let pat = |v: &Value| -> Result<Box<Pattern>, String> {
        let s = v
            .as_str()
            .ok_or_else(|| format!("`{key}` must be a string"))?;
        Pattern::parse(lang, s)
            .map(Box::new)
            .map_err(|e| format!("`{key}`: {e}"))
    };
    let sub = |v: &Value| -> Result<Formula, String> {
        match v {
            Value::String(_) => Ok(Formula::Pattern(pat(v)?)),
            Value::Mapping(m) => top_formula(m, lang),
            _ => Err(format!("`{key}` must be a pattern string or a formula")),
        }
    };
    Ok(match key {
        "pattern" => Formula::Pattern(pat(v)?),
        "pattern-regex" => Formula::Regex(regex(v, key)?),
        "pattern-not-regex" => Formula::NotRegex(regex(v, key)?),
        "pattern-not" => Formula::Not(Box::new(sub(v)?)),
        "pattern-inside" => Formula::Inside(Box::new(sub(v)?)),
        "pattern-not-inside" => Formula::NotInside(Box::new(sub(v)?)),
        "patterns" => {
            let items = v.as_sequence().ok_or("`patterns` must be a list")?;
            let mut out = Vec::new();
            for i in items {
                out.push(item(i, lang)?);
            }
            Formula::And(out)
        }
        "pattern-either" => {
            let items = v.as_sequence().ok_or("`pattern-either` must be a list")?;
            let mut out = Vec::new();
            for i in items {
                out.push(item(i, lang)?);
            }
            Formula::Or(out)
        }
        "metavariable-regex" => {
            let m = v
                .as_mapping()
                .ok_or("`metavariable-regex` must be a mapping")?;
            known_keys(m, key, &["metavariable", "regex", "constant-propagation"])?;
            let name = str_key(m, "metavariable")?
                .ok_or("`metavariable-regex` needs `metavariable`")?
                .to_string();
            let re = regex(
                m.get("regex").ok_or("`metavariable-regex` needs `regex`")?,
                key,
            )?;
            Formula::MetavarRegex { name, re }
        }
        "metavariable-pattern" => {
            let m = v
                .as_mapping()
                .ok_or("`metavariable-pattern` must be a mapping")?;
            if let Some(l) = str_key(m, "language")?
                && !lang.aliases().contains(&l.to_ascii_lowercase().as_str())
            {
                return Err(format!(
                    "unsupported feature `metavariable-pattern.language: {l}`"
                ));
            }
            let name = str_key(m, "metavariable")?
                .ok_or("`metavariable-pattern` needs `metavariable`")?
                .to_string();
            let mut rest = m.clone();
            rest.remove("metavariable");
            rest.remove("language");
            known_keys(&rest, key, FORMULA_KEYS)?;
            Formula::MetavarPattern {
                name,
                formula: Box::new(top_formula_inner(&rest, lang)?),
            }
        }
        "metavariable-comparison" => {
            let m = v
                .as_mapping()
                .ok_or("`metavariable-comparison` must be a mapping")?;
            known_keys(m, key, &["metavariable", "comparison", "strip", "base"])?;
            if m.contains_key("base") || m.get("strip").and_then(Value::as_bool) == Some(true) {
                return Err("unsupported feature `metavariable-comparison.base/strip`".into());
            }
            let name = str_key(m, "metavariable")?.map(str::to_string);
            let cmp =
                str_key(m, "comparison")?.ok_or("`metavariable-comparison` needs `comparison`")?;
            let expr = Pattern::parse(lang, cmp).map_err(|e| format!("`comparison`: {e}"))?;
            Formula::MetavarComparison {
                name,
                expr: Box::new(expr),
            }
        }
        "focus-metavariable" => match v {
            Value::String(s) => Formula::Focus(vec![s.clone()]),
            Value::Sequence(s) => Formula::Focus(
                s.iter()
                    .map(|x| {
                        x.as_str()
                            .map(str::to_string)
                            .ok_or("`focus-metavariable` items must be strings")
                    })
                    .collect::<Result<_, _>>()?,
            ),
            _ => return Err("`focus-metavariable` must be a string or a list".into()),
        },
        other => return Err(format!("unsupported feature `{other}`")),
    })
}

fn known_keys(m: &Mapping, op: &str, allowed: &[&str]) -> Result<(), String> {
    for k in m.keys() {
        let k = k.as_str().unwrap_or("");
        if !allowed.contains(&k) {
            return Err(format!("unsupported feature `{op}.{k}`"));
        }
    }
    Ok(())
}

/// An item of `patterns` / `pattern-either`: a one-key mapping.
fn item(v: &Value, lang: &dyn Language) -> Result<Formula, String> {
    let m = v
        .as_mapping()
        .ok_or("items of `patterns`/`pattern-either` must be mappings")?;
    let mut it = m.iter();
    match (it.next(), it.next()) {
        (Some((k, v)), None) => {
            let k = k.as_str().ok_or("operator names must be strings")?;
            operator(k, v, lang)
        }
        _ => Err(format!(
            "each item of `patterns`/`pattern-either` must have exactly one operator, found: {}",
            m.keys()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn regex(v: &Value, key: &str) -> Result<regex::Regex, String> {
    let s = v
        .as_str()
        .ok_or_else(|| format!("`{key}` must be a string"))?;
    regex::RegexBuilder::new(s)
        .multi_line(true)
        .size_limit(1 << 22)
        .build()
        .map_err(|e| format!("`{key}`: unsupported or invalid regex (look-around and back-references are not supported): {e}"))
}

fn path_filter(v: &Value) -> Result<PathFilter, String> {
    let m = v.as_mapping().ok_or("`paths` must be a mapping")?;
    known_keys(m, "paths", &["include", "exclude"])?;
    let set = |k: &str| -> Result<Option<globset::GlobSet>, String> {
        let Some(list) = m.get(k) else {
            return Ok(None);
        };
        let items: Vec<&str> = match list {
            Value::Sequence(s) => s.iter().filter_map(Value::as_str).collect(),
            Value::String(s) => vec![s.as_str()],
            _ => return Err(format!("`paths.{k}` must be a list")),
        };
        let mut b = globset::GlobSetBuilder::new();
        for g in items {
            let g = g.trim_start_matches("./").trim_start_matches('/');
            // Semgrep (like .gitignore) matches a pattern at any depth and inside directories.
            for form in [
                g.to_string(),
                format!("**/{g}"),
                format!("{g}/**"),
                format!("**/{g}/**"),
            ] {
                let glob = globset::Glob::new(&form).map_err(|e| format!("`paths.{k}`: {e}"))?;
                b.add(glob);
            }
        }
        b.build().map(Some).map_err(|e| format!("`paths.{k}`: {e}"))
    };
    Ok(PathFilter {
        include: set("include")?,
        exclude: set("exclude")?,
    })
}

fn req_of(f: &Formula) -> Req {
    match f {
        Formula::Pattern(p) => {
            simplify(Req::All(p.literals.iter().cloned().map(Req::Lit).collect()))
        }
        Formula::And(items) => simplify(Req::All(
            items
                .iter()
                .filter(|i| {
                    matches!(
                        i,
                        Formula::Pattern(_) | Formula::And(_) | Formula::Or(_) | Formula::Inside(_)
                    )
                })
                .map(req_of)
                .collect(),
        )),
        Formula::Or(items) => simplify(Req::Any(items.iter().map(req_of).collect())),
        Formula::Inside(f) => req_of(f),
        _ => Req::True,
    }
}

fn simplify(r: Req) -> Req {
    match r {
        Req::All(v) => {
            let v: Vec<Req> = v.into_iter().filter(|x| *x != Req::True).collect();
            if v.is_empty() {
                Req::True
            } else if v.len() == 1 {
                v.into_iter().next().unwrap_or(Req::True)
            } else {
                Req::All(v)
            }
        }
        Req::Any(v) => {
            if v.is_empty() || v.contains(&Req::True) {
                Req::True
            } else if v.len() == 1 {
                v.into_iter().next().unwrap_or(Req::True)
            } else {
                Req::Any(v)
            }
        }
        other => other,
    }
}

/// Every literal a requirement mentions.
pub fn req_literals(r: &Req, out: &mut Vec<String>) {
    match r {
        Req::True => {}
        Req::Lit(s) => out.push(s.clone()),
        Req::All(v) | Req::Any(v) => v.iter().for_each(|x| req_literals(x, out)),
    }
}

/// Evaluates a requirement given which literals the file contains.
pub fn req_holds(r: &Req, has: &dyn Fn(&str) -> bool) -> bool {
    match r {
        Req::True => true,
        Req::Lit(s) => has(s),
        Req::All(v) => v.iter().all(|x| req_holds(x, has)),
        Req::Any(v) => v.iter().any(|x| req_holds(x, has)),
    }
}

/// Lower-kebab form of a Semgrep id for the rampart namespace.
pub fn kebab_id(id: &str) -> String {
    let mut s = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let t = s.trim_matches(|c| c == '-' || c == '.').to_string();
    if t.is_empty() { "unnamed".into() } else { t }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        Some(Value::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn codes(items: &[String], re: &regex::Regex) -> Vec<String> {
    let mut out: Vec<String> = items
        .iter()
        .filter_map(|s| re.find(s).map(|m| m.as_str().to_ascii_uppercase()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Maps Semgrep metadata to a rampart rule.
fn to_core_rule(
    id: &str,
    message: &str,
    severity: Severity,
    meta: &Mapping,
    origin: Origin,
    fix: Option<&str>,
    file: &str,
) -> Result<Rule, String> {
    let get = |k: &str| {
        meta.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let ns = match origin {
        Origin::Builtin => "py",
        Origin::User => "user",
    };
    let rampart_id = format!("{ns}/{}", kebab_id(id));
    let mut cwe: Vec<u32> = strings(meta.get("cwe"))
        .iter()
        .filter_map(|s| {
            let rest = s
                .trim()
                .strip_prefix("CWE-")
                .or_else(|| s.trim().strip_prefix("cwe-"))?;
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()
        })
        .collect();
    cwe.dedup();
    let owasp_re = regex::Regex::new(r"(?i)A(0[1-9]|10):2021").map_err(|e| e.to_string())?;
    let llm_re = regex::Regex::new(r"(?i)LLM(0[1-9]|10):2025").map_err(|e| e.to_string())?;
    let owasp = codes(&strings(meta.get("owasp")), &owasp_re);
    let mut llm_src = strings(meta.get("owasp-llm"));
    llm_src.extend(strings(meta.get("owasp_llm")));
    let owasp_llm = codes(&llm_src, &llm_re);
    let confidence = match get("confidence").map(str::to_ascii_uppercase).as_deref() {
        Some("HIGH") => Confidence::High,
        Some("LOW") => Confidence::Low,
        _ => Confidence::Medium,
    };
    let title = get("title")
        .map(str::to_string)
        .unwrap_or_else(|| title_from(message));
    let mut ssdf = strings(meta.get("ssdf"));
    if ssdf.is_empty() {
        ssdf = vec!["PW.7.2".into(), "PW.5.1".into()];
    }
    let mut tags = Vec::new();
    for k in ["category", "subcategory", "technology", "tags"] {
        tags.extend(
            strings(meta.get(k))
                .into_iter()
                .map(|t| t.to_ascii_lowercase()),
        );
    }
    tags.sort();
    tags.dedup();
    let remediation = get("remediation")
        .map(str::to_string)
        .or_else(|| fix.map(|f| format!("Suggested fix: `{}`", f.trim())))
        .unwrap_or_default();
    let rule = Rule {
        id: rampart_id,
        scanner: "sast".into(),
        title,
        severity,
        confidence,
        description: get("description").unwrap_or(message).trim().to_string(),
        rationale: get("rationale").unwrap_or_default().to_string(),
        example: get("example").map(str::to_string),
        remediation,
        references: strings(meta.get("references")),
        cwe,
        owasp,
        owasp_llm,
        ssdf,
        tags,
    };
    rule.validate()
        .map_err(|e| format!("invalid metadata ({file}): {e}"))?;
    Ok(rule)
}

/// First sentence of the message, without metavariables' noise or a trailing period.
fn title_from(message: &str) -> String {
    let first = message.trim().lines().next().unwrap_or("").trim();
    let sentence = match first.find(". ") {
        Some(p) => &first[..p],
        None => first,
    };
    let mut t: String = sentence.chars().take(100).collect();
    while t.ends_with('.') {
        t.pop();
    }
    if t.is_empty() {
        "Semgrep rule".into()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = r#"
rules:
  - id: sql-injection-format
    message: SQL built with string formatting. Use parameters.
    severity: ERROR
    languages: [python]
    metadata:
      cwe: ["CWE-89: Improper Neutralization of Special Elements used in an SQL Command"]
      owasp: ["A03:2021 - Injection", "A01:2017 - Injection"]
      owasp-llm: ["LLM05:2025 - Improper Output Handling"]
      confidence: HIGH
      references: ["https://owasp.org/Top10/A03_2021-Injection/"]
    pattern: $CUR.execute($Q % ...)
"#;

    #[test]
    fn maps_metadata() {
        let l = load_str(RULE, "t.yaml", Origin::Builtin);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        let r = &l.rules[0].rule;
        assert_eq!(r.id, "py/sql-injection-format");
        assert_eq!(r.cwe, vec![89]);
        assert_eq!(r.owasp, vec!["A03:2021".to_string()]);
        assert_eq!(r.owasp_llm, vec!["LLM05:2025".to_string()]);
        assert_eq!(r.severity, Severity::High);
        assert_eq!(r.confidence, Confidence::High);
        assert_eq!(r.title, "SQL built with string formatting");
        assert!(r.ssdf.contains(&"PW.7.2".to_string()));
        assert_eq!(l.rules[0].req, Req::Lit("execute".into()));
    }

    #[test]
    fn unsupported_features_name_rule_file_and_feature() {
        let y = "rules:\n  - id: x\n    message: m\n    severity: INFO\n    languages: [python]\n    patterns:\n      - pattern: foo($X)\n      - metavariable-type:\n          metavariable: $X\n          type: str\n";
        let l = load_str(y, "dir/x.yaml", Origin::User);
        assert_eq!(l.rules.len(), 0);
        let e = l.errors[0].to_string();
        assert!(
            e.contains("dir/x.yaml") && e.contains("`x`") && e.contains("metavariable-type"),
            "{e}"
        );
        let y2 = "rules:\n  - id: y\n    message: m\n    severity: INFO\n    languages: [python]\n    pattern: foo()\n    join: {}\n";
        let e2 = load_str(y2, "y.yaml", Origin::User).errors[0].to_string();
        assert!(e2.contains("unsupported feature `join`"), "{e2}");
        let y3 = "rules:\n  - id: z\n    message: m\n    severity: INFO\n    languages: [python]\n    pattern-regex: (?<=a)b\n";
        assert!(
            load_str(y3, "z.yaml", Origin::User).errors[0]
                .to_string()
                .contains("look-around")
        );
        let y4 = "rules:\n  - id: js\n    message: m\n    severity: INFO\n    languages: [javascript]\n    pattern: foo()\n";
        let l4 = load_str(y4, "js.yaml", Origin::User);
        assert!(l4.rules.is_empty() && l4.errors.is_empty() && l4.skipped.len() == 1);
    }

    #[test]
    fn user_ids_are_namespaced_and_kebab() {
        assert_eq!(
            kebab_id("python.lang.Security.eval_detected"),
            "python.lang.security.eval-detected"
        );
        let y = RULE.replace("sql-injection-format", "My_Rule");
        let l = load_str(&y, "t.yaml", Origin::User);
        assert_eq!(l.rules[0].rule.id, "user/my-rule");
        assert_eq!(l.rules[0].semgrep_id, "My_Rule");
    }
}
