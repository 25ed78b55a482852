//! Rule metadata: declared once per rule, copied into every finding it produces and read by every
//! output format (SARIF `tool.driver.rules`, `rampart rules`, `rampart explain`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::severity::{Confidence, Severity};

/// One rule of one scanner, with the documentation users see in `rampart explain`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable, namespaced id: `<namespace>/<kebab-name>`, e.g. `secrets/github-pat`. Never reused.
    pub id: String,
    /// The scanner that owns the rule (`secrets`, `sca`, `models`, `sast`, ...).
    pub scanner: String,
    /// One line, sentence case, no trailing period.
    pub title: String,
    pub severity: Severity,
    pub confidence: Confidence,
    /// What the rule detects.
    pub description: String,
    /// Why it is bad.
    #[serde(default)]
    pub rationale: String,
    /// An example of code or data that triggers the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// How to fix it.
    #[serde(default)]
    pub remediation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// CWE numbers, e.g. `[798]` for CWE-798.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cwe: Vec<u32>,
    /// OWASP Top 10 2021 codes, e.g. `["A07:2021"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owasp: Vec<String>,
    /// OWASP Top 10 for LLM Applications 2025 codes, e.g. `["LLM03:2025"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owasp_llm: Vec<String>,
    /// NIST SSDF (SP 800-218) practice or task ids, e.g. `["PS.1.1"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ssdf: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Rule {
    /// A rule with the required fields set and the documentation and mappings empty; fill in
    /// the rest with struct update syntax (`Rule { cwe: vec![798], ..Rule::new(...) }`).
    pub fn new(
        id: impl Into<String>,
        scanner: impl Into<String>,
        title: impl Into<String>,
        severity: Severity,
        confidence: Confidence,
        description: impl Into<String>,
    ) -> Self {
        Rule {
            id: id.into(),
            scanner: scanner.into(),
            title: title.into(),
            severity,
            confidence,
            description: description.into(),
            rationale: String::new(),
            example: None,
            remediation: String::new(),
            references: Vec::new(),
            cwe: Vec::new(),
            owasp: Vec::new(),
            owasp_llm: Vec::new(),
            ssdf: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Checks the invariants every rule must hold; returns what is wrong.
    pub fn validate(&self) -> Result<(), String> {
        let Some((ns, name)) = self.id.split_once('/') else {
            return Err(format!(
                "rule id `{}` is not namespaced (`ns/name`)",
                self.id
            ));
        };
        let kebab = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        };
        if !kebab(ns) || !kebab(name) {
            return Err(format!("rule id `{}` is not lower-kebab-case", self.id));
        }
        if self.title.trim().is_empty() {
            return Err(format!("rule `{}` has no title", self.id));
        }
        if self.description.trim().is_empty() {
            return Err(format!("rule `{}` has no description", self.id));
        }
        for code in &self.owasp {
            if owasp_2021_name(code).is_none() {
                return Err(format!(
                    "rule `{}`: unknown OWASP 2021 code `{code}`",
                    self.id
                ));
            }
        }
        for code in &self.owasp_llm {
            if owasp_llm_2025_name(code).is_none() {
                return Err(format!(
                    "rule `{}`: unknown OWASP LLM 2025 code `{code}`",
                    self.id
                ));
            }
        }
        for p in &self.ssdf {
            if ssdf_practice_name(p).is_none() {
                return Err(format!("rule `{}`: unknown SSDF practice `{p}`", self.id));
            }
        }
        Ok(())
    }

    /// The documentation `rampart explain` prints, as Markdown.
    pub fn explain(&self) -> String {
        let mut s = format!("# {} — {}\n\n", self.id, self.title);
        s.push_str(&format!(
            "Scanner: {} · Severity: {} · Confidence: {}\n\n",
            self.scanner, self.severity, self.confidence
        ));
        s.push_str("## What it does\n\n");
        s.push_str(self.description.trim());
        s.push_str("\n\n");
        if !self.rationale.trim().is_empty() {
            s.push_str("## Why is this bad?\n\n");
            s.push_str(self.rationale.trim());
            s.push_str("\n\n");
        }
        if let Some(example) = &self.example {
            s.push_str("## Example\n\n```\n");
            s.push_str(example.trim_end());
            s.push_str("\n```\n\n");
        }
        if !self.remediation.trim().is_empty() {
            s.push_str("## How to fix\n\n");
            s.push_str(self.remediation.trim());
            s.push_str("\n\n");
        }
        let mut classes = Vec::new();
        for c in &self.cwe {
            classes.push(format!(
                "- CWE-{c}: https://cwe.mitre.org/data/definitions/{c}.html"
            ));
        }
        for o in &self.owasp {
            classes.push(format!("- OWASP {o} {}", owasp_2021_name(o).unwrap_or("")));
        }
        for o in &self.owasp_llm {
            classes.push(format!(
                "- OWASP {o} {}",
                owasp_llm_2025_name(o).unwrap_or("")
            ));
        }
        for p in &self.ssdf {
            classes.push(format!(
                "- NIST SSDF {p} {}",
                ssdf_practice_name(p).unwrap_or("")
            ));
        }
        if !classes.is_empty() {
            s.push_str("## Classification\n\n");
            s.push_str(&classes.join("\n"));
            s.push_str("\n\n");
        }
        if !self.references.is_empty() {
            s.push_str("## References\n\n");
            for r in &self.references {
                s.push_str(&format!("- {r}\n"));
            }
        }
        s
    }
}

/// Every rule of every scanner in the build, by id.
#[derive(Debug, Default, Clone)]
pub struct RuleRegistry {
    rules: BTreeMap<String, Rule>,
}

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("rule id `{0}` is declared twice")]
    Duplicate(String),
    #[error("{0}")]
    Invalid(String),
}

impl RuleRegistry {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, rule: Rule) -> Result<(), RegistryError> {
        rule.validate().map_err(RegistryError::Invalid)?;
        if self.rules.contains_key(&rule.id) {
            return Err(RegistryError::Duplicate(rule.id));
        }
        self.rules.insert(rule.id.clone(), rule);
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.values()
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Names of the OWASP Top 10 2021 categories.
pub fn owasp_2021_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "A01:2021" => "Broken Access Control",
        "A02:2021" => "Cryptographic Failures",
        "A03:2021" => "Injection",
        "A04:2021" => "Insecure Design",
        "A05:2021" => "Security Misconfiguration",
        "A06:2021" => "Vulnerable and Outdated Components",
        "A07:2021" => "Identification and Authentication Failures",
        "A08:2021" => "Software and Data Integrity Failures",
        "A09:2021" => "Security Logging and Monitoring Failures",
        "A10:2021" => "Server-Side Request Forgery",
        _ => return None,
    })
}

/// Names of the OWASP Top 10 for LLM Applications 2025 categories.
pub fn owasp_llm_2025_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "LLM01:2025" => "Prompt Injection",
        "LLM02:2025" => "Sensitive Information Disclosure",
        "LLM03:2025" => "Supply Chain",
        "LLM04:2025" => "Data and Model Poisoning",
        "LLM05:2025" => "Improper Output Handling",
        "LLM06:2025" => "Excessive Agency",
        "LLM07:2025" => "System Prompt Leakage",
        "LLM08:2025" => "Vector and Embedding Weaknesses",
        "LLM09:2025" => "Misinformation",
        "LLM10:2025" => "Unbounded Consumption",
        _ => return None,
    })
}

/// Names of the NIST SSDF (SP 800-218 v1.1) practices and the tasks rampart findings map to.
pub fn ssdf_practice_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "PO.1.1" | "PO.1" => "Define security requirements for software development",
        "PO.3.2" | "PO.3" => "Implement supporting toolchains",
        "PO.5.1" | "PO.5" => "Implement and maintain secure environments",
        "PS.1.1" | "PS.1" => "Protect all forms of code from unauthorized access and tampering",
        "PS.2.1" | "PS.2" => "Provide a mechanism for verifying software release integrity",
        "PS.3.1" | "PS.3.2" | "PS.3" => "Archive and protect each software release",
        "PW.1.1" | "PW.1" => "Design software to meet security requirements and mitigate risks",
        "PW.4.1" | "PW.4.4" | "PW.4" => "Reuse existing, well-secured software",
        "PW.5.1" | "PW.5" => "Create source code by adhering to secure coding practices",
        "PW.6.1" | "PW.6.2" | "PW.6" => {
            "Configure the compilation, interpreter, and build processes"
        }
        "PW.7.1" | "PW.7.2" | "PW.7" => "Review and/or analyze human-readable code",
        "PW.8.1" | "PW.8.2" | "PW.8" => "Test executable code to identify vulnerabilities",
        "PW.9.1" | "PW.9.2" | "PW.9" => "Configure software to have secure settings by default",
        "RV.1.1" | "RV.1.2" | "RV.1.3" | "RV.1" => {
            "Identify and confirm vulnerabilities on an ongoing basis"
        }
        "RV.2.1" | "RV.2.2" | "RV.2" => "Assess, prioritize, and remediate vulnerabilities",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str) -> Rule {
        Rule {
            cwe: vec![798],
            owasp: vec!["A07:2021".into()],
            ssdf: vec!["PS.1.1".into()],
            ..Rule::new(
                id,
                "test",
                "A test rule",
                Severity::High,
                Confidence::High,
                "Finds things.",
            )
        }
    }

    #[test]
    fn registry_rejects_duplicates_and_bad_ids() {
        let mut reg = RuleRegistry::new();
        reg.insert(rule("test/one")).unwrap();
        assert!(matches!(
            reg.insert(rule("test/one")),
            Err(RegistryError::Duplicate(_))
        ));
        assert!(reg.insert(rule("NoNamespace")).is_err());
        assert!(reg.insert(rule("test/Upper")).is_err());
        let mut bad = rule("test/two");
        bad.owasp = vec!["A11:2021".into()];
        assert!(reg.insert(bad).is_err());
    }

    #[test]
    fn explain_has_every_section() {
        let doc = rule("test/one").explain();
        assert!(doc.contains("# test/one"));
        assert!(doc.contains("CWE-798"));
        assert!(doc.contains("Identification and Authentication Failures"));
        assert!(doc.contains("PS.1.1"));
    }
}
