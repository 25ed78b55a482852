//! Built-in Rego policies: metadata (`# METADATA` block, see README.md) into `rampart_core::Rule`s,
//! compilation with `regorus`, and evaluation of documents.
//!
//! Speed: every policy is parsed once. Per document kind one generated aggregator rule collects
//! `deny` and `warn` of every policy of that kind, so one document costs one query whatever the
//! number of policies; the compiled policy is shared by every thread (`regorus` with `arc`).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use rampart_core::{Confidence, Rule, Severity};
use serde::Deserialize;

use crate::document::{Document, DocumentKind};
use crate::yaml;

pub const SCANNER: &str = "iac";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PolicyError {
    #[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        file: String,
        line: Option<u32>,
        message: String,
    },
}

impl PolicyError {
    pub fn file(&self) -> &str {
        match self {
            PolicyError::Invalid { file, .. } => file,
        }
    }

    pub fn line(&self) -> Option<u32> {
        match self {
            PolicyError::Invalid { line, .. } => *line,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            PolicyError::Invalid { message, .. } => message,
        }
    }
}

/// The `custom.examples` of a policy: its tests.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub fail: Vec<String>,
    #[serde(default)]
    pub pass: Vec<String>,
}

/// rampart's fields of the metadata block (`custom:`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Custom {
    pub id: String,
    pub severity: Severity,
    pub kinds: Vec<DocumentKind>,
    #[serde(default)]
    pub cwe: Vec<u32>,
    #[serde(default)]
    pub owasp: Vec<String>,
    #[serde(default)]
    pub owasp_llm: Vec<String>,
    #[serde(default)]
    pub ssdf: Vec<String>,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub remediation: String,
    #[serde(default)]
    pub references: Vec<String>,
    /// Tool name (`checkov`, `trivy`, `tfsec`, `kics`...) → that tool's ids for the same check.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub examples: Examples,
}

/// The whole `# METADATA` block.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Metadata {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub custom: Custom,
    /// OPA's other annotation fields (scope, authors, ...) are allowed and ignored.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// One loaded policy.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Where it came from, e.g. `policies/aws/s3_bucket_public_acl.rego`.
    pub file: String,
    /// Rego package without `data.`, e.g. `rampart.aws.s3_bucket_public_acl`.
    pub package: String,
    pub meta: Metadata,
    pub rule: Rule,
    /// Aliases as written in the suppression markers users have (`CKV_AWS_20`,
    /// `AVD-AWS-0092`, `aws-s3-no-public-access-with-acl`).
    pub aliases: Vec<String>,
    pub has_deny: bool,
    pub has_warn: bool,
    pub source: String,
}

/// Text of the `# METADATA` comment block at the top of a Rego file, without the `#`.
pub fn metadata_block(source: &str) -> Option<(String, u32)> {
    let mut lines = source.lines().enumerate();
    let start = loop {
        let (i, l) = lines.next()?;
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if t == "# METADATA" {
            break i as u32 + 1;
        }
        if !t.starts_with('#') {
            return None;
        }
    };
    let mut out = String::new();
    for (_, l) in lines {
        let t = l.trim_start();
        let Some(rest) = t.strip_prefix('#') else {
            break;
        };
        out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        out.push('\n');
    }
    Some((out, start))
}

fn invalid(file: &str, line: Option<u32>, message: impl Into<String>) -> PolicyError {
    PolicyError::Invalid {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses and checks a policy's metadata block.
pub fn parse_metadata(file: &str, source: &str) -> Result<Metadata, PolicyError> {
    let (block, start) = metadata_block(source)
        .ok_or_else(|| invalid(file, Some(1), "no `# METADATA` comment block at the top"))?;
    let docs = yaml::load_all(&block).map_err(|e| {
        invalid(
            file,
            Some(start + e.line),
            format!("metadata: {}", e.message),
        )
    })?;
    let doc = docs
        .first()
        .ok_or_else(|| invalid(file, Some(start), "empty metadata block"))?;
    let meta: Metadata = serde_json::from_value(doc.to_json())
        .map_err(|e| invalid(file, Some(start), format!("metadata: {e}")))?;
    let c = &meta.custom;
    let kebab = !c.id.is_empty()
        && c.id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !c.id.starts_with('-')
        && !c.id.ends_with('-');
    if !kebab {
        return Err(invalid(
            file,
            Some(start),
            format!("custom.id `{}` is not lower-kebab-case", c.id),
        ));
    }
    if c.kinds.is_empty() {
        return Err(invalid(file, Some(start), "custom.kinds is empty"));
    }
    Ok(meta)
}

fn rule_of(meta: &Metadata) -> (Rule, Vec<String>) {
    let c = &meta.custom;
    let mut aliases = Vec::new();
    let mut tags: Vec<String> = c.kinds.iter().map(|k| k.as_str().to_string()).collect();
    tags.extend(c.tags.iter().cloned());
    for (tool, ids) in &c.aliases {
        for id in ids {
            aliases.push(id.clone());
            tags.push(format!("{tool}:{id}"));
        }
    }
    let example = c.examples.fail.first().cloned();
    let mut remediation = c.remediation.trim().to_string();
    if let Some(fix) = c.examples.pass.first() {
        if !remediation.is_empty() {
            remediation.push_str("\n\n");
        }
        remediation.push_str("Fixed:\n\n```\n");
        remediation.push_str(fix.trim_end());
        remediation.push_str("\n```");
    }
    let description = if meta.description.trim().is_empty() {
        meta.title.clone()
    } else {
        meta.description.trim().to_string()
    };
    let rule = Rule {
        rationale: c.rationale.trim().to_string(),
        example,
        remediation,
        references: c.references.clone(),
        cwe: c.cwe.clone(),
        owasp: c.owasp.clone(),
        owasp_llm: c.owasp_llm.clone(),
        ssdf: c.ssdf.clone(),
        tags,
        ..Rule::new(
            format!("iac/{}", c.id),
            SCANNER,
            meta.title.trim(),
            c.severity,
            c.confidence.unwrap_or(Confidence::High),
            description,
        )
    };
    (rule, aliases)
}

/// `file:line` and the message of a `regorus` error (`--> file:line:col` ... `error: msg`).
pub fn rego_error(file: &str, err: &dyn std::fmt::Display) -> PolicyError {
    let text = err.to_string();
    let mut line = None;
    let mut path = file.to_string();
    if let Some(pos) = text.find("--> ") {
        let loc = text[pos + 4..].lines().next().unwrap_or("");
        let mut parts = loc.rsplitn(3, ':');
        let _col = parts.next();
        line = parts.next().and_then(|l| l.parse().ok());
        if let Some(p) = parts.next() {
            path = p.to_string();
        }
    }
    let message = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    invalid(&path, line, message)
}

/// The rules a package declares at its top level (`deny`, `warn`...), read from the source:
/// rule heads start at column 0.
pub fn declared_rules(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for l in source.lines() {
        if l.starts_with([' ', '\t', '#']) {
            continue;
        }
        let name: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty()
            && !matches!(name.as_str(), "package" | "import" | "default")
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// A set of built-in policies, compiled.
#[derive(Clone)]
pub struct PolicySet {
    pub policies: Vec<Policy>,
    /// Per kind: the indices of the policies of that kind and, compiled on first use (a scan
    /// of Kubernetes files never pays for the Terraform policies), their aggregator.
    compiled: BTreeMap<DocumentKind, (Vec<usize>, LazyAggregator)>,
    /// `policies/lib/` sources, loaded into every per-kind engine.
    library: Vec<(String, String)>,
    /// Engine with every policy loaded, to evaluate one policy alone when the aggregator
    /// fails at run time (to name the policy that failed); analysed on first use.
    engine: regorus::Engine,
    prepared: Arc<OnceLock<regorus::Engine>>,
}

/// A kind's aggregator, compiled on first use and shared by every clone of the set.
type LazyAggregator = Arc<OnceLock<Result<Arc<Compiled>, PolicyError>>>;

struct Compiled {
    policy: regorus::CompiledPolicy,
    members: Vec<usize>,
    /// Policies left out because they do not analyse; reported with the first document.
    errors: Vec<PolicyError>,
    reported: AtomicBool,
}

/// One result of one policy on one document.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyResult {
    pub policy: usize,
    /// `deny` or `warn`.
    pub rule: &'static str,
    pub msg: String,
    pub resource: Option<String>,
    pub attribute: Option<String>,
    /// The whole result object, for extra fields policies may add.
    pub raw: serde_json::Value,
}

/// Policies with their library files: `(path, source)` pairs. Library files
/// (`policies/lib/…`) have no metadata.
pub fn is_library(path: &str) -> bool {
    path.contains("/lib/") || path.starts_with("lib/")
}

impl PolicySet {
    /// Loads and compiles policies. Broken policies are returned as errors (with file and
    /// line) and left out; the rest still load.
    pub fn load(sources: &[(String, String)]) -> (PolicySet, Vec<PolicyError>) {
        let mut errors = Vec::new();
        let mut engine = regorus::Engine::new();
        // As in OPA: a built-in that fails on odd input makes its expression undefined
        // instead of aborting every policy of the query.
        engine.set_strict_builtin_errors(false);
        let mut policies: Vec<Policy> = Vec::new();
        let mut library = Vec::new();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        for (file, source) in sources {
            if is_library(file) {
                match engine.add_policy(file.clone(), source.clone()) {
                    Ok(_) => library.push((file.clone(), source.clone())),
                    Err(e) => errors.push(rego_error(file, &e)),
                }
                continue;
            }
            let meta = match parse_metadata(file, source) {
                Ok(m) => m,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(prev) = ids.get(&meta.custom.id) {
                errors.push(invalid(
                    file,
                    Some(1),
                    format!("custom.id `{}` is also used by {prev}", meta.custom.id),
                ));
                continue;
            }
            let declared = declared_rules(source);
            let has_deny = declared.iter().any(|r| r == "deny");
            let has_warn = declared.iter().any(|r| r == "warn");
            if !has_deny && !has_warn {
                errors.push(invalid(file, Some(1), "declares neither `deny` nor `warn`"));
                continue;
            }
            let (rule, aliases) = rule_of(&meta);
            // A rule the registry would refuse would stop every command that lists rules.
            if let Err(e) = rule.validate() {
                errors.push(invalid(file, Some(1), e));
                continue;
            }
            // `add_policy` parses before it adds, so a broken file never enters the engine.
            let package = match engine.add_policy(file.clone(), source.clone()) {
                Ok(p) => p,
                Err(e) => {
                    errors.push(rego_error(file, &e));
                    continue;
                }
            };
            let package = package
                .strip_prefix("data.")
                .unwrap_or(&package)
                .to_string();
            if !package.starts_with("rampart.") {
                // Already in the all-policies engine, where an extra package is harmless: it
                // is never queried.
                errors.push(invalid(
                    file,
                    Some(1),
                    format!("package `{package}` is not under `rampart.`"),
                ));
                continue;
            }
            ids.insert(meta.custom.id.clone(), file.clone());
            policies.push(Policy {
                file: file.clone(),
                package,
                meta,
                rule,
                aliases,
                has_deny,
                has_warn,
                source: source.clone(),
            });
        }
        let mut compiled: BTreeMap<DocumentKind, (Vec<usize>, _)> = BTreeMap::new();
        for (i, p) in policies.iter().enumerate() {
            for k in &p.meta.custom.kinds {
                compiled
                    .entry(*k)
                    .or_insert_with(|| (Vec::new(), Arc::new(OnceLock::new())))
                    .0
                    .push(i);
            }
        }
        let set = PolicySet {
            policies,
            compiled,
            library,
            engine,
            prepared: Arc::new(OnceLock::new()),
        };
        (set, errors)
    }

    /// The built-in library embedded in the binary.
    pub fn builtin() -> (PolicySet, Vec<PolicyError>) {
        let sources: Vec<(String, String)> = crate::builtin::POLICIES
            .iter()
            .map(|(p, s)| (format!("policies/{p}"), (*s).to_string()))
            .collect();
        Self::load(&sources)
    }

    /// The aggregator of one kind: an engine with the library and that kind's policies only
    /// (analysis cost grows with the modules loaded), compiled once. Analysis errors (unsafe
    /// variables, recursion) only show when an engine is prepared; if the whole kind fails,
    /// each policy is analysed alone and the broken ones are left out and reported.
    fn compiled(&self, kind: DocumentKind) -> Option<Result<Arc<Compiled>, PolicyError>> {
        let (members, cell) = self.compiled.get(&kind)?;
        Some(
            cell.get_or_init(|| {
                let base = || {
                    let mut engine = regorus::Engine::new();
                    engine.set_strict_builtin_errors(false);
                    for (file, source) in &self.library {
                        engine
                            .add_policy(file.clone(), source.clone())
                            .map_err(|e| rego_error(file, &e))?;
                    }
                    Ok::<_, PolicyError>(engine)
                };
                let build = |members: &[usize]| {
                    let mut engine = base()?;
                    for &i in members {
                        let p = &self.policies[i];
                        engine
                            .add_policy(p.file.clone(), p.source.clone())
                            .map_err(|e| rego_error(&p.file, &e))?;
                    }
                    let module = aggregator_module(kind, members, &self.policies);
                    let file = format!("<rampart aggregator {}>", kind.as_str());
                    engine
                        .add_policy(file.clone(), module)
                        .map_err(|e| rego_error(&file, &e))?;
                    let entry: regorus::Rc<str> = aggregator_rule(kind).into();
                    engine
                        .compile_with_entrypoint(&entry)
                        .map_err(|e| rego_error(&file, &e))
                };
                match build(members) {
                    Ok(policy) => Ok(Arc::new(Compiled {
                        policy,
                        members: members.clone(),
                        errors: Vec::new(),
                        reported: AtomicBool::new(true),
                    })),
                    Err(first) => {
                        let mut good = Vec::new();
                        let mut errors = Vec::new();
                        for &i in members {
                            let p = &self.policies[i];
                            let mut probe = base()?;
                            let r = probe
                                .add_policy(p.file.clone(), p.source.clone())
                                .and_then(|_| probe.eval_bool_query("true".into(), false));
                            match r {
                                Ok(_) => good.push(i),
                                Err(e) => errors.push(rego_error(&p.file, &e)),
                            }
                        }
                        if errors.is_empty() {
                            return Err(first);
                        }
                        let policy = build(&good)?;
                        Ok(Arc::new(Compiled {
                            policy,
                            members: good,
                            errors,
                            reported: AtomicBool::new(false),
                        }))
                    }
                }
            })
            .clone(),
        )
    }

    /// Ids of policies that read `kind`.
    pub fn kinds(&self) -> impl Iterator<Item = DocumentKind> + '_ {
        self.compiled.keys().copied()
    }

    pub fn rules(&self) -> Vec<Rule> {
        self.policies.iter().map(|p| p.rule.clone()).collect()
    }

    /// Every result of every policy of the document's kind. A policy that fails at run time
    /// is named in the error list and the others still report.
    pub fn evaluate(&self, doc: &Document) -> (Vec<PolicyResult>, Vec<PolicyError>) {
        let compiled = match self.compiled(doc.kind) {
            None => return (Vec::new(), Vec::new()),
            Some(Err(e)) => return (Vec::new(), vec![e]),
            Some(Ok(c)) => c,
        };
        let input = match serde_json::to_value(doc) {
            Ok(v) => regorus::Value::from(v),
            Err(e) => {
                return (
                    Vec::new(),
                    vec![invalid(
                        &doc.path,
                        None,
                        format!("cannot encode document: {e}"),
                    )],
                );
            }
        };
        let mut errors = Vec::new();
        if !compiled.reported.swap(true, Ordering::Relaxed) {
            errors.extend(compiled.errors.iter().cloned());
        }
        match compiled.policy.eval_with_input(input.clone()) {
            Ok(value) => (self.collect(&compiled.members, &value), errors),
            Err(_) => {
                let (results, more) = self.evaluate_one_by_one(&compiled.members, input);
                errors.extend(more);
                (results, errors)
            }
        }
    }

    fn collect(&self, members: &[usize], value: &regorus::Value) -> Vec<PolicyResult> {
        let json = serde_json::to_value(value).unwrap_or_default();
        let mut out = Vec::new();
        for &i in members {
            for rule in ["deny", "warn"] {
                let key = format!("p{i}_{rule}");
                if let Some(set) = json.get(&key) {
                    push_results(i, rule, set, &mut out);
                }
            }
        }
        out
    }

    /// An engine holding every policy, for [`PolicySet::evaluate_policy`]; clone once per
    /// thread and reuse.
    pub fn engine(&self) -> regorus::Engine {
        self.prepared
            .get_or_init(|| {
                let mut e = self.engine.clone();
                // Analyse the modules once, not in every clone; an error here shows again
                // (with its policy) when the clone evaluates.
                let _ = e.eval_bool_query("true".into(), false);
                e
            })
            .clone()
    }

    /// The results of policy `i` alone (the policy tests use it: one policy is much cheaper
    /// than every policy of a kind).
    pub fn evaluate_policy(
        &self,
        engine: &mut regorus::Engine,
        i: usize,
        doc: &Document,
    ) -> (Vec<PolicyResult>, Vec<PolicyError>) {
        let input = match serde_json::to_value(doc) {
            Ok(v) => regorus::Value::from(v),
            Err(e) => {
                return (
                    Vec::new(),
                    vec![invalid(
                        &doc.path,
                        None,
                        format!("cannot encode document: {e}"),
                    )],
                );
            }
        };
        engine.set_input(input);
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let p = &self.policies[i];
        for (rule, declared) in [("deny", p.has_deny), ("warn", p.has_warn)] {
            if !declared {
                continue;
            }
            match engine.eval_rule(format!("data.{}.{rule}", p.package)) {
                Ok(v) => {
                    let json = serde_json::to_value(&v).unwrap_or_default();
                    push_results(i, rule, &json, &mut out);
                }
                Err(e) => errors.push(rego_error(&p.file, &e)),
            }
        }
        (out, errors)
    }

    fn evaluate_one_by_one(
        &self,
        members: &[usize],
        input: regorus::Value,
    ) -> (Vec<PolicyResult>, Vec<PolicyError>) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let mut engine = self.engine();
        engine.set_input(input);
        for &i in members {
            let p = &self.policies[i];
            for (rule, declared) in [("deny", p.has_deny), ("warn", p.has_warn)] {
                if !declared {
                    continue;
                }
                match engine.eval_rule(format!("data.{}.{rule}", p.package)) {
                    Ok(v) => {
                        let json = serde_json::to_value(&v).unwrap_or_default();
                        push_results(i, rule, &json, &mut out);
                    }
                    Err(e) => errors.push(rego_error(&p.file, &e)),
                }
            }
        }
        (out, errors)
    }
}

fn push_results(
    policy: usize,
    rule: &'static str,
    set: &serde_json::Value,
    out: &mut Vec<PolicyResult>,
) {
    let Some(items) = set.as_array() else {
        return;
    };
    for item in items {
        let (msg, resource, attribute) = match item {
            serde_json::Value::String(s) => (s.clone(), None, None),
            serde_json::Value::Object(o) => (
                o.get("msg")
                    .and_then(|m| m.as_str())
                    .unwrap_or_default()
                    .to_string(),
                o.get("resource")
                    .and_then(|m| m.as_str())
                    .map(str::to_string),
                o.get("attribute")
                    .and_then(|m| m.as_str())
                    .map(str::to_string),
            ),
            other => (other.to_string(), None, None),
        };
        out.push(PolicyResult {
            policy,
            rule,
            msg,
            resource,
            attribute,
            raw: item.clone(),
        });
    }
}

fn aggregator_rule(kind: DocumentKind) -> String {
    format!("data.rampart_aggregate.{}.results", kind.as_str())
}

/// `results := {"p0_deny": data.rampart.x.deny, ...}`: one query for every policy of a kind.
fn aggregator_module(kind: DocumentKind, members: &[usize], policies: &[Policy]) -> String {
    let mut s = format!(
        "package rampart_aggregate.{}\n\nimport rego.v1\n\nresults := {{\n",
        kind.as_str()
    );
    for &i in members {
        let p = &policies[i];
        if p.has_deny {
            s.push_str(&format!("\t\"p{i}_deny\": data.{}.deny,\n", p.package));
        }
        if p.has_warn {
            s.push_str(&format!("\t\"p{i}_warn\": data.{}.warn,\n", p.package));
        }
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"# METADATA
# title: Sample
# description: A sample.
# custom:
#   id: sample-policy
#   severity: high
#   kinds: [kubernetes]
#   cwe: [284]
#   aliases:
#     checkov: [CKV_K8S_1]
#   examples:
#     fail:
#       - "apiVersion: v1"
#     pass:
#       - "b: 1"
package rampart.sample.policy

import rego.v1

deny contains result if {
	some r in input.resources
	r.values.bad == true
	result := {"msg": "bad", "resource": r.address, "attribute": "bad"}
}
"#;

    #[test]
    fn metadata_becomes_a_rule_with_aliases_as_tags() {
        let (set, errors) = PolicySet::load(&[("policies/x/sample.rego".into(), SAMPLE.into())]);
        assert!(errors.is_empty(), "{errors:?}");
        let p = &set.policies[0];
        assert_eq!(p.rule.id, "iac/sample-policy");
        assert_eq!(p.rule.severity, Severity::High);
        assert_eq!(p.aliases, vec!["CKV_K8S_1".to_string()]);
        assert!(p.rule.tags.contains(&"checkov:CKV_K8S_1".to_string()));
        assert_eq!(p.rule.example.as_deref(), Some("apiVersion: v1"));
        assert!(p.rule.remediation.contains("b: 1"));
        assert_eq!(p.package, "rampart.sample.policy");
    }

    #[test]
    fn rego_errors_name_file_and_line() {
        let bad = SAMPLE.replace("r.values.bad == true", "r.values.bad == (");
        let (set, errors) = PolicySet::load(&[("policies/x/bad.rego".into(), bad)]);
        assert!(set.policies.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file(), "policies/x/bad.rego");
        assert_eq!(errors[0].line(), Some(23), "{errors:?}");
    }

    #[test]
    fn evaluate_returns_results_of_the_policy() {
        let (set, errors) = PolicySet::load(&[("policies/x/sample.rego".into(), SAMPLE.into())]);
        assert!(errors.is_empty());
        let doc = Document {
            kind: DocumentKind::Kubernetes,
            path: "a.yaml".into(),
            resources: vec![crate::document::Resource {
                address: "Pod/p".into(),
                resource_type: "Pod".into(),
                name: "p".into(),
                file: "a.yaml".into(),
                line: 1,
                end_line: 3,
                values: serde_json::json!({"bad": true}),
                references: vec![],
                lines: BTreeMap::new(),
                extra: BTreeMap::new(),
            }],
        };
        let (results, errors) = set.evaluate(&doc);
        assert!(errors.is_empty());
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].resource.as_deref(), Some("Pod/p"));
        assert_eq!(results[0].attribute.as_deref(), Some("bad"));
        let mut other = doc.clone();
        other.kind = DocumentKind::Dockerfile;
        assert!(set.evaluate(&other).0.is_empty());
    }
}
