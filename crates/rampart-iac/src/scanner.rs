//! `IacScanner`: wires the parsers, the built-in policy set and user policies into rampart's
//! walk. Files of every kind but Terraform are parsed and evaluated in `scan_file`; Terraform
//! files are parsed there and evaluated per root module in `finish` (modules span files).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use rampart_core::finding::Region;
use rampart_core::fingerprint::Fingerprint;
use rampart_core::scanner::{DiagnosticLevel, FileInfo};
use rampart_core::{
    Diagnostic, FileTarget, Finding, Location, Rule, ScanContext, ScanOutput, Scanner, Severity,
    Suppression, SuppressionKind,
};
use serde::Deserialize;

use crate::document::{Document, DocumentKind, Resource};
use crate::parse::{self, ParseError};
use crate::policy::{PolicyError, PolicyResult, PolicySet, SCANNER};
use crate::render;
use crate::terraform;
use crate::user::{self, UserPolicies};

/// `[scanner.iac]` of `rampart.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IacConfig {
    /// Directories (or files) of user Rego policies, conftest-compatible.
    pub policy_dirs: Vec<PathBuf>,
    /// Terraform variable files applied to every root module (`--var-file`).
    pub var_files: Vec<PathBuf>,
    /// Packages of user policies evaluated; default `["main"]`, `["*"]` for every package.
    pub namespaces: Vec<String>,
    /// Render Helm charts and Kustomize overlays with `helm`/`kustomize` when on PATH
    /// (default true).
    pub render: Option<bool>,
    /// Seconds a `helm template` / `kustomize build` may run (default 60).
    pub render_timeout_secs: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum IacError {
    #[error("var file {path}: {message}")]
    VarFile { path: String, message: String },
}

pub struct IacScanner {
    builtin: PolicySet,
    user: Option<UserPolicies>,
    load_errors: Vec<PolicyError>,
    var_files: Vec<terraform::ParsedFile>,
    render: bool,
    render_timeout: std::time::Duration,
    /// Terraform files seen in the walk, with their text for suppression markers.
    terraform: Mutex<Vec<(terraform::ParsedFile, String)>>,
    /// Directories holding `Chart.yaml` / `kustomization.yaml`.
    charts: Mutex<Vec<String>>,
    overlays: Mutex<Vec<String>>,
    /// Cloned engines of the built-in and user policies, one per worker that needed one.
    user_engines: Mutex<Vec<regorus::Engine>>,
}

impl IacScanner {
    pub fn new(config: IacConfig) -> Result<IacScanner, IacError> {
        let (builtin, mut load_errors) = PolicySet::builtin();
        let (user, user_errors) = if config.policy_dirs.is_empty() {
            (None, Vec::new())
        } else {
            UserPolicies::load(&config.policy_dirs, &config.namespaces)
        };
        load_errors.extend(user_errors);
        let mut var_files = Vec::new();
        for p in &config.var_files {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| IacError::VarFile {
                path: name.clone(),
                message: e.to_string(),
            })?;
            let parsed = terraform::parse_file(&name, &bytes).map_err(|e| IacError::VarFile {
                path: name.clone(),
                message: e.to_string(),
            })?;
            var_files.push(parsed);
        }
        Ok(IacScanner {
            builtin,
            user,
            load_errors,
            var_files,
            render: config.render.unwrap_or(true),
            render_timeout: std::time::Duration::from_secs(
                config.render_timeout_secs.unwrap_or(60),
            ),
            terraform: Mutex::new(Vec::new()),
            charts: Mutex::new(Vec::new()),
            overlays: Mutex::new(Vec::new()),
            user_engines: Mutex::new(Vec::new()),
        })
    }

    /// The built-in policies (for `rampart rules` and tests).
    pub fn policies(&self) -> &PolicySet {
        &self.builtin
    }

    /// Evaluates one document with the built-in policies and turns results into findings.
    /// `sources` maps a file path to its text, for suppression markers.
    pub fn evaluate_document(
        &self,
        doc: &Document,
        sources: &BTreeMap<&str, &str>,
        out: &mut ScanOutput,
    ) {
        let (results, errors) = self.builtin.evaluate(doc);
        for e in errors {
            out.diagnostic(policy_diagnostic(&e));
        }
        for r in results {
            let mut f = self.finding(doc, &r);
            if let Some(text) = f
                .primary_location()
                .path()
                .and_then(|p| sources.get(p))
                .copied()
            {
                let resource = r
                    .resource
                    .as_deref()
                    .and_then(|a| doc.resources.iter().find(|x| x.address == a));
                suppress_in_resource(
                    &mut f,
                    &self.builtin.policies[r.policy].aliases,
                    resource,
                    text,
                );
            }
            out.push(f);
        }
    }

    fn finding(&self, doc: &Document, r: &PolicyResult) -> Finding {
        let policy = &self.builtin.policies[r.policy];
        let resource = r
            .resource
            .as_deref()
            .and_then(|a| doc.resources.iter().find(|x| x.address == a));
        let (path, region) = match resource {
            Some(res) => {
                let start = match &r.attribute {
                    Some(a) => res.line_of(a),
                    None => res.line,
                };
                let end = if r.attribute.is_some() {
                    start
                } else {
                    res.end_line.max(start)
                };
                (
                    res.file.clone(),
                    Region {
                        start_line: start,
                        start_column: 1,
                        end_line: end,
                        end_column: 1,
                    },
                )
            }
            None => (doc.path.clone(), Region::line(1)),
        };
        let address = r.resource.clone().unwrap_or_default();
        let attribute = r.attribute.clone().unwrap_or_default();
        let fp = Fingerprint::from_parts([
            policy.rule.id.as_bytes(),
            path.as_bytes(),
            address.as_bytes(),
            attribute.as_bytes(),
        ]);
        let mut msg = if r.msg.is_empty() {
            policy.rule.title.clone()
        } else {
            r.msg.clone()
        };
        // Every format prints the message; the address makes it actionable in all of them.
        if !address.is_empty() && !msg.contains(address.as_str()) {
            msg = format!("{msg} ({address})");
        }
        let mut f = Finding::new(&policy.rule, Location::file(path, Some(region)), msg)
            .with_fingerprint(fp)
            .with_property("resource", address)
            .with_property("document_kind", doc.kind.as_str());
        if let Some(res) = resource {
            f = f
                .with_property("resource_type", res.resource_type.clone())
                .with_property("resource_lines", format!("{}-{}", res.line, res.end_line));
        }
        if let Some(a) = &r.attribute {
            f = f.with_property("attribute", a.clone());
        }
        if !policy.aliases.is_empty() {
            f = f.with_property("aliases", policy.aliases.clone());
        }
        let severity = r
            .raw
            .get("severity")
            .and_then(|s| s.as_str())
            .and_then(|s| s.parse::<Severity>().ok());
        if let Some(s) = severity {
            f = f.with_severity(s);
        } else if r.rule == "warn" {
            f = f.with_severity(policy.rule.severity.min(Severity::Low));
        }
        f
    }

    fn user_engine(&self) -> Option<regorus::Engine> {
        let user = self.user.as_ref()?;
        let pooled = self.user_engines.lock().ok().and_then(|mut p| p.pop());
        Some(pooled.unwrap_or_else(|| user.engine()))
    }

    fn return_user_engine(&self, e: regorus::Engine) {
        if let Ok(mut p) = self.user_engines.lock() {
            p.push(e);
        }
    }

    /// Runs user policies on the conftest form of one file.
    fn evaluate_user(&self, path: &str, input: &serde_json::Value, out: &mut ScanOutput) {
        let (Some(user), Some(mut engine)) = (self.user.as_ref(), self.user_engine()) else {
            return;
        };
        let (results, errors) = user.evaluate(&mut engine, input);
        self.return_user_engine(engine);
        for e in errors {
            out.diagnostic(policy_diagnostic(&e));
        }
        for (i, value) in results {
            let rule = &user.rules[i].rule;
            let (msg, severity) = user::result_message(&value);
            let fp = Fingerprint::from_parts([rule.id.as_bytes(), path.as_bytes(), msg.as_bytes()]);
            let mut f = Finding::new(rule, Location::file(path, None), msg)
                .with_fingerprint(fp)
                .with_property("policy_file", user.rules[i].file.clone())
                .with_property("result", value);
            if let Some(s) = severity {
                f = f.with_severity(s);
            }
            out.push(f);
        }
    }

    fn scan_text(&self, kind: Option<DocumentKind>, path: &str, text: &str, out: &mut ScanOutput) {
        if let Some(kind) = kind {
            let helm_template = path.contains("/templates/") && text.contains("{{");
            match parse::parse(kind, path, text) {
                Ok(doc) => {
                    let sources = BTreeMap::from([(path, text)]);
                    self.evaluate_document(&doc, &sources, out);
                }
                // An unrendered Helm template is not YAML; the chart note says why it was not
                // checked.
                Err(_) if helm_template => {}
                Err(e) => out.diagnostic(parse_diagnostic(path, &e)),
            }
        }
        if self.user.is_some() && !(path.contains("/templates/") && text.contains("{{")) {
            match user::conftest_input(kind, path, text) {
                Some(Ok(input)) => self.evaluate_user(path, &input, out),
                Some(Err(e)) if kind.is_none() => {
                    out.diagnostic(Diagnostic::error(SCANNER, Some(path), None, e));
                }
                _ => {}
            }
        }
    }
}

fn parse_diagnostic(path: &str, e: &ParseError) -> Diagnostic {
    Diagnostic::error(SCANNER, Some(path), e.line, e.message.clone())
}

fn policy_diagnostic(e: &PolicyError) -> Diagnostic {
    Diagnostic::error(
        SCANNER,
        Some(e.file()),
        e.line(),
        format!("policy error: {}", e.message()),
    )
}

/// `checkov:skip=ID`, `tfsec:ignore:ID`, `trivy:ignore:ID` or `rampart:ignore[ID]` anywhere in
/// the resource's block (or on the line above it) suppress the finding when ID is the rule's
/// id, its name, or one of its aliases; so do Checkov's Kubernetes annotations
/// (`checkov.io/skip1: CKV_K8S_20=reason`).
fn suppress_in_resource(
    f: &mut Finding,
    aliases: &[String],
    resource: Option<&Resource>,
    text: &str,
) {
    if f.suppression.is_some() {
        return;
    }
    let Some(res) = resource else {
        return;
    };
    let matches = |id: &str| {
        let id = id.trim();
        !id.is_empty()
            && (rampart_core::suppress::rule_matches(&f.rule_id, id)
                || aliases.iter().any(|a| a.eq_ignore_ascii_case(id)))
    };
    let first = res.line.saturating_sub(1).max(1) as usize;
    let last = res.end_line.max(res.line) as usize;
    let mut hit: Option<(String, Option<String>)> = None;
    for raw in text.lines().skip(first - 1).take(last + 1 - first) {
        for needle in [
            "checkov:skip=",
            "tfsec:ignore:",
            "trivy:ignore:",
            "rampart:ignore[",
        ] {
            let mut rest = raw;
            while let Some(p) = rest.find(needle) {
                let after = &rest[p + needle.len()..];
                let id: String = after
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | ']'))
                    .collect();
                if matches(&id) {
                    let reason = after
                        .split_once(':')
                        .map(|(_, r)| r.trim().to_string())
                        .filter(|r| !r.is_empty());
                    hit = Some((raw.trim().chars().take(200).collect(), reason));
                }
                rest = after;
            }
        }
        if hit.is_some() {
            break;
        }
    }
    if hit.is_none()
        && let Some(serde_json::Value::Object(ann)) = res.values.pointer("/metadata/annotations")
    {
        for (k, v) in ann {
            if k.starts_with("checkov.io/skip")
                && let Some(v) = v.as_str()
            {
                let (id, reason) = v.split_once('=').unwrap_or((v, ""));
                if matches(id) {
                    hit = Some((
                        format!("{k}: {v}"),
                        Some(reason.to_string()).filter(|r| !r.is_empty()),
                    ));
                }
            }
        }
    }
    if let Some((source, reason)) = hit {
        f.suppression = Some(Suppression {
            kind: SuppressionKind::Inline,
            source,
            reason,
            expires: None,
        });
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

impl Scanner for IacScanner {
    fn name(&self) -> &'static str {
        SCANNER
    }

    fn rules(&self) -> Vec<Rule> {
        let mut rules = self.builtin.rules();
        if let Some(u) = &self.user {
            rules.extend(u.rules());
        }
        rules
    }

    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        if file.is_binary || file.size > parse::MAX_FILE_BYTES as u64 {
            return false;
        }
        let name = file.file_name();
        if terraform::FileKind::of(file.rel_path).is_some() {
            return true;
        }
        if matches!(
            name,
            "Chart.yaml" | "kustomization.yaml" | "kustomization.yml" | "Kustomization"
        ) {
            return true;
        }
        if name.to_ascii_lowercase().ends_with(".json") && terraform::is_plan_json(file.head) {
            return true;
        }
        if parse::detect(file.rel_path, file.head).is_some() {
            return true;
        }
        self.user.is_some() && matches!(file.extension().as_deref(), Some("yaml" | "yml" | "json"))
    }

    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let path = file.info.rel_path;
        let bytes = match file.content {
            Some(b) => std::borrow::Cow::Borrowed(b),
            None => match std::fs::read(file.info.path) {
                Ok(b) => std::borrow::Cow::Owned(b),
                Err(e) => {
                    out.diagnostic(Diagnostic::error(SCANNER, Some(path), None, e.to_string()));
                    return;
                }
            },
        };
        let name = file_name(path);
        if terraform::FileKind::of(path).is_some() {
            match terraform::parse_file(path, &bytes) {
                Ok(parsed) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    if self.user.is_some()
                        && terraform::FileKind::of(path) == Some(terraform::FileKind::Config)
                    {
                        match terraform::conftest_json(path, &bytes) {
                            Ok(input) => self.evaluate_user(path, &input, out),
                            Err(e) => out.diagnostic(e.to_diagnostic()),
                        }
                    }
                    if let Ok(mut tf) = self.terraform.lock() {
                        tf.push((parsed, text));
                    }
                }
                Err(e) => out.diagnostic(e.to_diagnostic()),
            }
            return;
        }
        if name.to_ascii_lowercase().ends_with(".json") && terraform::is_plan_json(file.info.head) {
            match terraform::parse_plan(path, &bytes) {
                Ok(doc) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let sources = BTreeMap::from([(path, text.as_ref())]);
                    self.evaluate_document(&doc, &sources, out);
                }
                Err(e) => out.diagnostic(e.to_diagnostic()),
            }
            return;
        }
        if name == "Chart.yaml" {
            if let Ok(mut c) = self.charts.lock() {
                c.push(dir_of(path).to_string());
            }
            return;
        }
        if matches!(
            name,
            "kustomization.yaml" | "kustomization.yml" | "Kustomization"
        ) {
            if let Ok(mut c) = self.overlays.lock() {
                c.push(dir_of(path).to_string());
            }
            return;
        }
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u32
                    + 1;
                out.diagnostic(Diagnostic::error(
                    SCANNER,
                    Some(path),
                    Some(line),
                    "not valid UTF-8",
                ));
                return;
            }
        };
        let kind = parse::detect(path, file.info.head);
        // Templates of a chart that will be rendered are checked through the rendering.
        if kind == Some(DocumentKind::Kubernetes)
            && self.render
            && render::rendered_elsewhere(ctx, path)
        {
            return;
        }
        self.scan_text(kind, path, text, out);
    }

    fn finish(&self, ctx: &ScanContext, out: &mut ScanOutput) {
        for e in &self.load_errors {
            out.diagnostic(policy_diagnostic(e));
        }
        let files = self
            .terraform
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        if !files.is_empty() {
            let texts: BTreeMap<String, String> = files
                .iter()
                .map(|(p, t)| (p.path.clone(), t.clone()))
                .collect();
            let parsed: Vec<terraform::ParsedFile> = files.into_iter().map(|(p, _)| p).collect();
            let options = terraform::Options {
                var_files: self.var_files.clone(),
                ..terraform::Options::default()
            };
            let (docs, diags) = match terraform::FsLoader::new(&ctx.root) {
                Ok(loader) => terraform::evaluate_tree(parsed, &loader, &options),
                Err(_) => terraform::evaluate_tree(parsed, &terraform::NoLoader, &options),
            };
            for d in diags {
                out.diagnostic(d);
            }
            let sources: BTreeMap<&str, &str> = texts
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            for doc in &docs {
                self.evaluate_document(doc, &sources, out);
            }
        }
        let charts = self
            .charts
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        let overlays = self
            .overlays
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        for (dirs, tool) in [
            (charts, render::Tool::Helm),
            (overlays, render::Tool::Kustomize),
        ] {
            for dir in dirs {
                if !self.render {
                    out.diagnostic(render::not_rendered_note(
                        tool,
                        &dir,
                        "rendering is turned off",
                    ));
                    continue;
                }
                match render::render(ctx, tool, &dir, self.render_timeout) {
                    Ok(docs) => {
                        for (doc, text) in docs {
                            let sources = BTreeMap::from([(doc.path.as_str(), text.as_str())]);
                            self.evaluate_document(&doc, &sources, out);
                        }
                    }
                    Err(reason) => out.diagnostic(render::not_rendered_note(tool, &dir, &reason)),
                }
            }
        }
        let _ = DiagnosticLevel::Note;
    }
}
