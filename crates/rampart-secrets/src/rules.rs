//! Secret rules as data: the TOML format, its loader and the compiled form the engine runs.
//!
//! Built-in rules live in `rules/<family>.toml` and are embedded in the binary; users add rules in
//! the same format from the directories named in `[scanner.secrets] rule_dirs`.

use std::path::Path;
use std::sync::OnceLock;

use rampart_core::{Confidence, Rule, Severity};
use regex::bytes::{Regex, RegexBuilder};
use serde::Deserialize;

use crate::validators::Validator;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// One `[[rule]]` table, exactly as written in a rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub keywords: Vec<String>,
    pub regex: String,
    #[serde(default)]
    pub min_entropy: Option<f64>,
    #[serde(default)]
    pub validator: Option<String>,
    #[serde(default)]
    pub allow: Vec<String>,
    pub description: String,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub remediation: String,
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub positive: Vec<String>,
    #[serde(default)]
    pub negative: Vec<String>,
    /// Overrides the default `[798]`.
    #[serde(default)]
    pub cwe: Option<Vec<u32>>,
    #[serde(default)]
    pub owasp_llm: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}: rule `{rule}`: {message}")]
    Rule {
        file: String,
        rule: String,
        message: String,
    },
    #[error("rule `{rule}` is declared in both {first} and {second}")]
    Duplicate {
        rule: String,
        first: String,
        second: String,
    },
}

/// A rule ready to run.
#[derive(Debug)]
pub struct CompiledRule {
    pub rule: Rule,
    pub spec: RuleSpec,
    /// Compiled on first use: a scan only pays for the rules whose keywords occur (a pre-commit
    /// run over a few files compiles a handful). The syntax was checked at load.
    compiled: OnceLock<Option<(Regex, usize)>>,
    pub validator: Option<Validator>,
    /// `allow` entries, lower-cased.
    pub allow: Vec<Vec<u8>>,
    /// Rule file the rule came from (for messages).
    pub source: String,
}

/// Parses one rule file. `file` is used in error messages only.
pub fn parse_rule_file(file: &str, text: &str) -> Result<Vec<CompiledRule>, LoadError> {
    let parsed: RuleFile = toml::from_str(text).map_err(|e| LoadError::File {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    parsed
        .rule
        .into_iter()
        .map(|spec| compile(file, spec))
        .collect()
}

fn compile(file: &str, spec: RuleSpec) -> Result<CompiledRule, LoadError> {
    let err = |message: String| LoadError::Rule {
        file: file.to_string(),
        rule: spec.id.clone(),
        message,
    };
    if !spec.id.starts_with("secrets/") {
        return Err(err("id must start with `secrets/`".into()));
    }
    if spec.keywords.is_empty() || spec.keywords.iter().any(|k| k.trim().is_empty()) {
        return Err(err("at least one non-empty keyword is required".into()));
    }
    if let Some(e) = spec.min_entropy
        && !(0.0..=8.0).contains(&e)
    {
        return Err(err(format!(
            "min_entropy {e} is outside 0..=8 bits per byte"
        )));
    }
    check_regex_syntax(&spec.regex).map_err(|e| err(format!("bad regex: {e}")))?;
    let validator = match &spec.validator {
        None => None,
        Some(name) => Some(Validator::from_name(name).ok_or_else(|| {
            err(format!(
                "unknown validator `{name}` (known: {})",
                Validator::NAMES.join(", ")
            ))
        })?),
    };
    let rule = Rule {
        id: spec.id.clone(),
        scanner: "secrets".into(),
        title: spec.title.clone(),
        severity: spec.severity,
        confidence: spec.confidence,
        description: spec.description.clone(),
        rationale: spec.rationale.clone(),
        example: spec.positive.first().cloned(),
        remediation: spec.remediation.clone(),
        references: spec.references.clone(),
        cwe: spec.cwe.clone().unwrap_or_else(|| vec![798]),
        owasp: vec!["A07:2021".into()],
        owasp_llm: spec.owasp_llm.clone(),
        ssdf: vec!["PS.1.1".into()],
        tags: spec.tags.clone(),
    };
    rule.validate().map_err(err)?;
    let allow = spec
        .allow
        .iter()
        .map(|a| a.to_ascii_lowercase().into_bytes())
        .collect();
    Ok(CompiledRule {
        rule,
        spec,
        compiled: OnceLock::new(),
        validator,
        allow,
        source: file.to_string(),
    })
}

impl CompiledRule {
    /// The regex and the capture group index of the secret (named `secret`, else 1, else 0).
    /// `None` only if a pattern that parsed does not compile (e.g. over the size limit).
    pub fn regex(&self) -> Option<(&Regex, usize)> {
        self.compiled
            .get_or_init(|| {
                let regex = build_regex(&self.spec.regex).ok()?;
                let group = regex
                    .capture_names()
                    .position(|n| n == Some("secret"))
                    .unwrap_or(if regex.captures_len() > 1 { 1 } else { 0 });
                Some((regex, group))
            })
            .as_ref()
            .map(|(r, g)| (r, *g))
    }

    /// Compiles the regex now, reporting a failure (used when loading user rules).
    pub fn compile_now(&self) -> Result<(), String> {
        self.regex()
            .map(|_| ())
            .ok_or_else(|| format!("rule `{}`: regex does not compile", self.rule.id))
    }
}

fn check_regex_syntax(pattern: &str) -> Result<(), String> {
    let parse = |unicode: bool| {
        regex_syntax::ParserBuilder::new()
            .unicode(unicode)
            .utf8(false)
            .build()
            .parse(pattern)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    parse(false).or_else(|_| parse(true))
}

/// ASCII-only classes keep the regex engines on their fast (DFA) paths on arbitrary bytes; a
/// pattern that needs Unicode classes is compiled with Unicode on instead.
fn build_regex(pattern: &str) -> Result<Regex, regex::Error> {
    let build = |unicode: bool| {
        RegexBuilder::new(pattern)
            .unicode(unicode)
            .size_limit(32 * 1024 * 1024)
            .dfa_size_limit(16 * 1024 * 1024)
            .build()
    };
    build(false).or_else(|_| build(true))
}

/// Every built-in rule.
pub fn builtin_rules() -> Result<Vec<CompiledRule>, LoadError> {
    let mut all = Vec::new();
    for (name, text) in EMBEDDED_RULE_FILES {
        all.extend(parse_rule_file(&format!("rules/{name}"), text)?);
    }
    check_duplicates(&all)?;
    Ok(all)
}

/// Rules from a user directory (`*.toml`, not recursive, sorted by name).
pub fn load_rule_dir(dir: &Path) -> Result<Vec<CompiledRule>, LoadError> {
    let rd = std::fs::read_dir(dir).map_err(|e| LoadError::File {
        file: dir.display().to_string(),
        message: format!("cannot read rule directory: {e}"),
    })?;
    let mut paths: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    paths.sort();
    let mut all = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        let text = std::fs::read_to_string(&p).map_err(|e| LoadError::File {
            file: name.clone(),
            message: e.to_string(),
        })?;
        all.extend(parse_rule_file(&name, &text)?);
    }
    Ok(all)
}

pub(crate) fn check_duplicates(rules: &[CompiledRule]) -> Result<(), LoadError> {
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for r in rules {
        if let Some(first) = seen.insert(&r.rule.id, &r.source) {
            return Err(LoadError::Duplicate {
                rule: r.rule.id.clone(),
                first: first.to_string(),
                second: r.source.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "secrets/test-token"
title = "Test token"
severity = "high"
confidence = "high"
keywords = ["tst_"]
regex = '''\b(tst_[a-z0-9]{20})\b'''
description = "A test."
remediation = "Rotate it."
positive = ["x = tst_abcdefghij0123456789"]
negative = ["x = tst_short"]
"#;

    #[test]
    fn loads_and_converts() {
        let rules = parse_rule_file("t.toml", GOOD).unwrap();
        assert_eq!(rules.len(), 1);
        let r = &rules[0];
        assert_eq!(r.rule.scanner, "secrets");
        assert_eq!(r.rule.cwe, vec![798]);
        assert_eq!(r.rule.owasp, vec!["A07:2021".to_string()]);
        assert_eq!(r.rule.ssdf, vec!["PS.1.1".to_string()]);
        assert_eq!(r.regex().map(|(_, g)| g), Some(1));
        assert!(r.rule.validate().is_ok());
    }

    #[test]
    fn errors_name_file_and_rule() {
        let bad = GOOD.replace(
            "regex = '''\\b(tst_[a-z0-9]{20})\\b'''",
            "regex = '''(unclosed'''",
        );
        let e = parse_rule_file("fam.toml", &bad).err().unwrap().to_string();
        assert!(
            e.contains("fam.toml") && e.contains("secrets/test-token"),
            "{e}"
        );
        let unknown = GOOD.replace("title =", "bogus = 1\ntitle =");
        let e = parse_rule_file("fam.toml", &unknown)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("fam.toml") && e.contains("bogus"), "{e}");
        let badval = GOOD.replace("description", "validator = \"nope\"\ndescription");
        let e = parse_rule_file("fam.toml", &badval)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("unknown validator"), "{e}");
    }

    #[test]
    fn named_group_wins() {
        let t = GOOD.replace(
            r"\b(tst_[a-z0-9]{20})\b",
            r"(key)=(?P<secret>tst_[a-z0-9]{20})",
        );
        let rules = parse_rule_file("t.toml", &t).unwrap();
        assert_eq!(rules[0].regex().map(|(_, g)| g), Some(2));
    }
}
