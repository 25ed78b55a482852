//! Running a policy's `examples` (its tests): each example is parsed by the real parser of the
//! policy's first kind and evaluated; a `fail` example must give at least one result of that
//! policy, a `pass` example none.

use crate::document::{Document, DocumentKind};
use crate::parse;
use crate::policy::{Policy, PolicySet};
use crate::terraform;

/// The file name an example of `kind` is parsed as.
pub fn example_path(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Terraform => "main.tf",
        DocumentKind::Cloudformation => "template.yaml",
        DocumentKind::Kubernetes => "manifest.yaml",
        DocumentKind::Dockerfile => "Dockerfile",
        DocumentKind::Compose => "docker-compose.yml",
        DocumentKind::GithubActions => ".github/workflows/example.yml",
        DocumentKind::GitlabCi => ".gitlab-ci.yml",
    }
}

/// Parses an example the way a scan would parse a file of `kind` (a Terraform example is a
/// one-file root module; a CloudFormation example starting with `{` is JSON).
pub fn parse_example(kind: DocumentKind, text: &str) -> Result<Vec<Document>, String> {
    match kind {
        DocumentKind::Terraform => {
            let file =
                terraform::parse_file("main.tf", text.as_bytes()).map_err(|e| e.to_string())?;
            let (docs, diags) = terraform::evaluate_module(
                "",
                &[file],
                &terraform::NoLoader,
                &terraform::Options::default(),
            );
            let errors: Vec<String> = diags
                .iter()
                .filter(|d| d.level == rampart_core::scanner::DiagnosticLevel::Error)
                .map(|d| d.display())
                .collect();
            if errors.is_empty() {
                Ok(docs)
            } else {
                Err(errors.join("; "))
            }
        }
        DocumentKind::Cloudformation if text.trim_start().starts_with('{') => {
            parse::parse(kind, "template.json", text)
                .map(|d| vec![d])
                .map_err(|e| e.to_string())
        }
        _ => parse::parse(kind, example_path(kind), text)
            .map(|d| vec![d])
            .map_err(|e| e.to_string()),
    }
}

/// One example that did not behave.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFailure {
    pub file: String,
    pub policy_id: String,
    /// `fail` or `pass`.
    pub which: &'static str,
    /// 0-based index in its list.
    pub index: usize,
    pub problem: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} example #{}: {}",
            self.file,
            self.policy_id,
            self.which,
            self.index + 1,
            self.problem
        )
    }
}

/// Runs every example of `policy` (index `i` in `set`); returns what went wrong.
pub fn check_policy(set: &PolicySet, i: usize) -> Vec<ExampleFailure> {
    let policy: &Policy = &set.policies[i];
    let kind = policy.meta.custom.kinds[0];
    let mut out = Vec::new();
    let mut engine = set.engine();
    // Strict here, so a policy whose built-ins fail on its own examples is caught.
    engine.set_strict_builtin_errors(true);
    let ex = &policy.meta.custom.examples;
    let cases = ex
        .fail
        .iter()
        .enumerate()
        .map(|(n, t)| ("fail", n, t))
        .chain(ex.pass.iter().enumerate().map(|(n, t)| ("pass", n, t)));
    for (which, index, text) in cases {
        let fail = |problem: String| ExampleFailure {
            file: policy.file.clone(),
            policy_id: policy.meta.custom.id.clone(),
            which,
            index,
            problem,
        };
        let docs = match parse_example(kind, text) {
            Ok(d) => d,
            Err(e) => {
                out.push(fail(format!("does not parse as {}: {e}", kind.as_str())));
                continue;
            }
        };
        let mut hits = Vec::new();
        for doc in &docs {
            let (results, errors) = set.evaluate_policy(&mut engine, i, doc);
            for e in errors {
                out.push(fail(format!("evaluation error: {e}")));
            }
            hits.extend(results.into_iter().filter(|r| r.policy == i));
        }
        match which {
            "fail" if hits.is_empty() => out.push(fail("gives no result".into())),
            "pass" if !hits.is_empty() => out.push(fail(format!(
                "gives {} result(s), first: {}",
                hits.len(),
                hits[0].msg
            ))),
            _ => {}
        }
        for h in &hits {
            if let Some(addr) = &h.resource
                && !docs
                    .iter()
                    .any(|d| d.resources.iter().any(|r| &r.address == addr))
            {
                out.push(fail(format!(
                    "result names resource `{addr}`, which the document does not have"
                )));
            }
        }
    }
    out
}
