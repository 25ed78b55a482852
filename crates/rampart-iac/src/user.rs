//! User policies, conftest-compatible: `.rego` files from `--policy DIR` /
//! `[scanner.iac] policy_dirs`, `package main` (or the configured namespaces), rules named
//! `deny`, `violation` or `warn` (optionally `_suffix`ed, as conftest allows) returning strings
//! or objects with `msg`. Rego v0 (`deny[msg] { ... }`) and v1 (`deny contains msg if { ... }`)
//! files are told apart per file. Their `input` is the file as conftest parses it
//! ([`conftest_input`]), not rampart's document model.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rampart_core::{Confidence, Rule, Severity};
use serde_json::{Value as J, json};

use crate::document::DocumentKind;
use crate::parse::dockerfile;
use crate::policy::{PolicyError, declared_rules, rego_error};
use crate::yaml;

/// Most `.rego` files read from the user's directories.
const MAX_POLICY_FILES: usize = 10_000;
/// Largest user policy file read.
const MAX_POLICY_BYTES: u64 = 4 * 1024 * 1024;

/// One `deny`/`violation`/`warn` rule of one package.
#[derive(Debug, Clone)]
pub struct UserRule {
    /// e.g. `main`.
    pub package: String,
    /// e.g. `deny`, `violation_no_root`.
    pub name: String,
    pub file: String,
    pub rule: Rule,
}

pub struct UserPolicies {
    engine: regorus::Engine,
    pub rules: Vec<UserRule>,
    aggregate: Option<String>,
}

/// Rule name conftest evaluates: `deny`, `violation`, `warn`, or those with `_suffix`.
fn is_conftest_rule(name: &str) -> bool {
    ["deny", "violation", "warn"].iter().any(|p| {
        name == *p
            || name
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('_') && rest.len() > 1)
    })
}

fn severity_of(name: &str) -> Severity {
    if name.starts_with("warn") {
        Severity::Medium
    } else {
        Severity::High
    }
}

fn rule_id(package: &str, name: &str) -> String {
    let clean = |s: &str| {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else if c == '.' {
                    '.'
                } else {
                    '-'
                }
            })
            .collect::<String>()
    };
    format!("iac-user/{}.{}", clean(package), clean(name))
}

fn collect_rego(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 32 || out.len() >= MAX_POLICY_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_rego(&p, out, depth + 1);
        } else if p.extension().is_some_and(|x| x == "rego")
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with("_test.rego"))
        {
            out.push(p);
        }
    }
}

impl UserPolicies {
    /// Loads every `.rego` file below `dirs` (test files `*_test.rego` are skipped, as conftest
    /// does). `namespaces` are the packages evaluated (`main` by default; `*` for all).
    /// Broken files are returned as errors with file and line and left out.
    pub fn load(
        dirs: &[PathBuf],
        namespaces: &[String],
    ) -> (Option<UserPolicies>, Vec<PolicyError>) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for d in dirs {
            if d.is_file() {
                files.push(d.clone());
            } else if d.is_dir() {
                collect_rego(d, &mut files, 0);
            } else {
                errors.push(PolicyError::Invalid {
                    file: d.display().to_string(),
                    line: None,
                    message: "policy directory not found".into(),
                });
            }
        }
        let mut sources = Vec::new();
        for f in files {
            let name = f.display().to_string();
            match std::fs::metadata(&f) {
                Ok(m) if m.len() > MAX_POLICY_BYTES => {
                    errors.push(PolicyError::Invalid {
                        file: name,
                        line: None,
                        message: format!("larger than {MAX_POLICY_BYTES} bytes"),
                    });
                    continue;
                }
                _ => {}
            }
            match std::fs::read_to_string(&f) {
                Ok(s) => sources.push((name, s)),
                Err(e) => errors.push(PolicyError::Invalid {
                    file: name,
                    line: None,
                    message: e.to_string(),
                }),
            }
        }
        let (p, mut more) = Self::from_sources(&sources, namespaces);
        errors.append(&mut more);
        (p, errors)
    }

    /// Like [`UserPolicies::load`], from `(file name, source)` pairs.
    pub fn from_sources(
        sources: &[(String, String)],
        namespaces: &[String],
    ) -> (Option<UserPolicies>, Vec<PolicyError>) {
        let mut errors = Vec::new();
        let mut engine = regorus::Engine::new();
        engine.set_strict_builtin_errors(false);
        let mut rules: BTreeMap<(String, String), UserRule> = BTreeMap::new();
        let all = namespaces.iter().any(|n| n == "*");
        let wanted = |pkg: &str| {
            all || (namespaces.is_empty() && pkg == "main") || namespaces.iter().any(|n| n == pkg)
        };
        for (file, source) in sources {
            // v1 first (the default since OPA 1.0); a file that only parses as v0 is v0.
            let mut chosen = None;
            let mut first_error = None;
            for v0 in [false, true] {
                let mut probe = regorus::Engine::new();
                probe.set_rego_v0(v0);
                match probe.add_policy(file.clone(), source.clone()) {
                    Ok(pkg) => {
                        chosen = Some((v0, pkg));
                        break;
                    }
                    Err(e) => {
                        if first_error.is_none() {
                            first_error = Some(rego_error(file, &e));
                        }
                    }
                }
            }
            let Some((v0, package)) = chosen else {
                errors.extend(first_error);
                continue;
            };
            engine.set_rego_v0(v0);
            if let Err(e) = engine.add_policy(file.clone(), source.clone()) {
                errors.push(rego_error(file, &e));
                continue;
            }
            let package = package
                .strip_prefix("data.")
                .unwrap_or(&package)
                .to_string();
            if !wanted(&package) {
                continue;
            }
            for name in declared_rules(source) {
                if !is_conftest_rule(&name) {
                    continue;
                }
                let id = rule_id(&package, &name);
                let severity = severity_of(&name);
                let rule = Rule {
                    tags: vec!["user-policy".into(), "conftest".into()],
                    ..Rule::new(
                        id,
                        crate::policy::SCANNER,
                        format!("User policy data.{package}.{name}"),
                        severity,
                        Confidence::High,
                        format!(
                            "A result of the user policy rule `data.{package}.{name}` ({file})."
                        ),
                    )
                };
                rules
                    .entry((package.clone(), name.clone()))
                    .or_insert_with(|| UserRule {
                        package: package.clone(),
                        name: name.clone(),
                        file: file.clone(),
                        rule,
                    });
            }
        }
        if sources.is_empty() {
            return (None, errors);
        }
        let rules: Vec<UserRule> = rules.into_values().collect();
        let mut aggregate = None;
        if !rules.is_empty() {
            let mut module = String::from("package rampart_user_aggregate\n\nresults := {\n");
            for (i, r) in rules.iter().enumerate() {
                module.push_str(&format!("\t\"r{i}\": data.{}.{},\n", r.package, r.name));
            }
            module.push_str("}\n");
            engine.set_rego_v0(false);
            match engine.add_policy("<rampart user aggregate>".into(), module) {
                Ok(_) => aggregate = Some("data.rampart_user_aggregate.results".to_string()),
                Err(e) => errors.push(rego_error("<rampart user aggregate>", &e)),
            }
        }
        if let Err(e) = engine.eval_bool_query("true".into(), false) {
            errors.push(rego_error("<user policies>", &e));
        }
        (
            Some(UserPolicies {
                engine,
                rules,
                aggregate,
            }),
            errors,
        )
    }

    pub fn rules(&self) -> Vec<Rule> {
        self.rules.iter().map(|r| r.rule.clone()).collect()
    }

    /// An engine to evaluate with; clone per thread.
    pub fn engine(&self) -> regorus::Engine {
        self.engine.clone()
    }

    /// `(rule index, result)` for every result on `input`. A rule that fails at run time is
    /// reported with its file and the others still run.
    pub fn evaluate(
        &self,
        engine: &mut regorus::Engine,
        input: &J,
    ) -> (Vec<(usize, J)>, Vec<PolicyError>) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        engine.set_input(regorus::Value::from(input.clone()));
        if let Some(q) = &self.aggregate
            && let Ok(v) = engine.eval_rule(q.clone())
        {
            let json = serde_json::to_value(&v).unwrap_or_default();
            for (i, _) in self.rules.iter().enumerate() {
                if let Some(J::Array(items)) = json.get(format!("r{i}")) {
                    out.extend(items.iter().map(|x| (i, x.clone())));
                }
            }
            return (out, errors);
        }
        for (i, r) in self.rules.iter().enumerate() {
            match engine.eval_rule(format!("data.{}.{}", r.package, r.name)) {
                Ok(v) => {
                    if let J::Array(items) = serde_json::to_value(&v).unwrap_or_default() {
                        out.extend(items.into_iter().map(|x| (i, x)));
                    }
                }
                Err(e) => errors.push(rego_error(&r.file, &e)),
            }
        }
        (out, errors)
    }
}

/// The message, and the severity a result object may carry.
pub fn result_message(v: &J) -> (String, Option<Severity>) {
    match v {
        J::String(s) => (s.clone(), None),
        J::Object(o) => {
            let msg = o
                .get("msg")
                .and_then(J::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string());
            let sev = o
                .get("severity")
                .and_then(J::as_str)
                .and_then(|s| s.to_ascii_lowercase().parse().ok());
            (msg, sev)
        }
        other => (other.to_string(), None),
    }
}

/// conftest's Dockerfile form: `[[{"Cmd", "SubCmd", "JSON", "Flags", "Value", "Stage"}]]`,
/// comments included as `comment` commands.
pub fn dockerfile_input(text: &str) -> J {
    let mut commands = Vec::new();
    let mut stage: i64 = -1;
    let mut pending_comments: Vec<String> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let instructions = dockerfile::instructions(text);
    let mut next_line = 0usize;
    for ins in &instructions {
        // Comments between the previous instruction and this one belong before it.
        let start = (ins.line as usize).saturating_sub(1);
        for l in lines.iter().take(start).skip(next_line) {
            if let Some(c) = l.trim().strip_prefix('#') {
                pending_comments.push(c.trim().to_string());
            }
        }
        next_line = ins.end_line as usize;
        let is_from = ins.cmd == "from";
        let cur = if is_from { stage + 1 } else { stage.max(0) };
        for c in pending_comments.drain(..) {
            commands.push(json!({"Cmd": "comment", "SubCmd": "", "JSON": false, "Flags": [], "Value": [c], "Stage": cur}));
        }
        if is_from {
            stage += 1;
        }
        let (cmd, sub, value) = if ins.cmd == "onbuild" {
            let (s, rest) = ins
                .value
                .split_once(char::is_whitespace)
                .unwrap_or((&ins.value, ""));
            (
                ins.cmd.clone(),
                s.to_ascii_lowercase(),
                rest.trim().to_string(),
            )
        } else {
            (ins.cmd.clone(), String::new(), ins.value.clone())
        };
        let json_form = ins.args.is_some();
        let values: Vec<String> = match &ins.args {
            Some(a) => a.clone(),
            None => match cmd.as_str() {
                "from" | "expose" | "volume" | "copy" | "add" | "arg" => {
                    value.split_whitespace().map(str::to_string).collect()
                }
                "env" | "label" => key_values(&value),
                _ => vec![value.clone()],
            },
        };
        let flags: Vec<String> = ins
            .flags
            .iter()
            .map(|(k, v)| {
                if v.is_empty() {
                    format!("--{k}")
                } else {
                    format!("--{k}={v}")
                }
            })
            .collect();
        commands.push(json!({
            "Cmd": cmd,
            "SubCmd": sub,
            "JSON": json_form,
            "Flags": flags,
            "Value": values,
            "Stage": stage.max(0),
        }));
    }
    json!([commands])
}

/// `ENV A=1 B="two words"` / `ENV A 1` as `[A, 1, B, two words]`.
fn key_values(value: &str) -> Vec<String> {
    if !value.contains('=') {
        return match value.split_once(char::is_whitespace) {
            Some((k, v)) => vec![k.to_string(), v.trim().to_string()],
            None => vec![value.to_string()],
        };
    }
    let mut out = Vec::new();
    let mut chars = value.chars().peekable();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut words = Vec::new();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '"') | (None, '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            (_, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (_, c) => cur.push(c),
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    for w in words {
        match w.split_once('=') {
            Some((k, v)) => {
                out.push(k.to_string());
                out.push(v.to_string());
            }
            None => out.push(w),
        }
    }
    out
}

/// The YAML file as conftest gives it: one document as-is, several as an array of documents.
pub fn yaml_input(text: &str) -> Result<J, yaml::YamlError> {
    let docs = yaml::load_all(text)?;
    let mut values: Vec<J> = docs.iter().map(|d| d.to_json()).collect();
    Ok(match values.len() {
        0 => J::Null,
        1 => values.pop().unwrap_or(J::Null),
        _ => J::Array(values),
    })
}

/// The `input` conftest would give for a file, by kind or extension; `None` for files
/// conftest would not parse. Terraform is handled by `crate::terraform::conftest_json`.
pub fn conftest_input(
    kind: Option<DocumentKind>,
    path: &str,
    text: &str,
) -> Option<Result<J, String>> {
    let lower = path.to_ascii_lowercase();
    if kind == Some(DocumentKind::Dockerfile) {
        return Some(Ok(dockerfile_input(text)));
    }
    if lower.ends_with(".json") {
        return Some(
            serde_json::from_str(text).map_err(|e| format!("line {}: invalid JSON: {e}", e.line())),
        );
    }
    if lower.ends_with(".yaml") || lower.ends_with(".yml") || lower.ends_with(".template") {
        return Some(yaml_input(text).map_err(|e| e.to_string()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dockerfile_in_conftest_form() {
        let v = dockerfile_input(
            "# base\nFROM alpine:3 AS b\nENV A=1 B=\"x y\"\nCOPY --from=b /a /b\nCMD [\"sh\"]\n",
        );
        let cmds = v[0].as_array().unwrap();
        assert_eq!(cmds[0]["Cmd"], "comment");
        assert_eq!(cmds[1]["Cmd"], "from");
        assert_eq!(cmds[1]["Value"], json!(["alpine:3", "AS", "b"]));
        assert_eq!(cmds[2]["Value"], json!(["A", "1", "B", "x y"]));
        assert_eq!(cmds[3]["Flags"], json!(["--from=b"]));
        assert_eq!(cmds[4]["JSON"], true);
        assert_eq!(cmds[4]["Value"], json!(["sh"]));
    }

    #[test]
    fn multi_document_yaml_is_an_array() {
        assert_eq!(yaml_input("a: 1\n").unwrap(), json!({"a": 1}));
        assert_eq!(
            yaml_input("a: 1\n---\nb: 2\n").unwrap(),
            json!([{"a": 1}, {"b": 2}])
        );
    }

    #[test]
    fn v0_and_v1_policies_in_one_set() {
        let v0 = "package main\n\ndeny[msg] {\n  input.kind == \"Pod\"\n  msg := \"no pods\"\n}\n"
            .to_string();
        let v1 = "package main\n\nimport rego.v1\n\nwarn contains {\"msg\": \"latest\", \"severity\": \"low\"} if {\n  input.image == \"x:latest\"\n}\n".to_string();
        let (p, errors) =
            UserPolicies::from_sources(&[("a.rego".into(), v0), ("b.rego".into(), v1)], &[]);
        assert!(errors.is_empty(), "{errors:?}");
        let p = p.unwrap();
        assert_eq!(p.rules.len(), 2);
        let mut e = p.engine();
        let (res, errs) = p.evaluate(&mut e, &json!({"kind": "Pod", "image": "x:latest"}));
        assert!(errs.is_empty());
        assert_eq!(res.len(), 2);
        let ids: Vec<&str> = res
            .iter()
            .map(|(i, _)| p.rules[*i].rule.id.as_str())
            .collect();
        assert!(ids.contains(&"iac-user/main.deny"));
        assert!(ids.contains(&"iac-user/main.warn"));
        let (msg, sev) = result_message(
            &res.iter()
                .find(|(i, _)| p.rules[*i].name == "warn")
                .unwrap()
                .1,
        );
        assert_eq!(msg, "latest");
        assert_eq!(sev, Some(Severity::Low));
    }
}
