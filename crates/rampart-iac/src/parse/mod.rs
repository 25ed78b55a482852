//! Parsers of every kind except Terraform (see `crate::terraform`) into [`Document`]s, and the
//! detection of a file's kind from its path and first bytes.

pub mod cloudformation;
pub mod dockerfile;
pub mod kubernetes;
pub mod workflows;

use std::collections::BTreeMap;

use crate::document::{Document, DocumentKind, Resource};
use crate::yaml::{self, Node};

/// Largest file parsed; bigger IaC files are generated data, not configuration.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Why a file could not be read as its kind. `line` where the parser knows it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ParseError {
    pub line: Option<u32>,
    pub message: String,
}

impl ParseError {
    pub fn new(line: Option<u32>, message: impl Into<String>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }
}

impl From<yaml::YamlError> for ParseError {
    fn from(e: yaml::YamlError) -> Self {
        ParseError {
            line: Some(e.line),
            message: format!("invalid YAML: {}", e.message),
        }
    }
}

/// Parses `text` (the file at `path`, relative to the scan root) as `kind`. Terraform is not
/// handled here: it is read per module directory by `crate::terraform`.
pub fn parse(kind: DocumentKind, path: &str, text: &str) -> Result<Document, ParseError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ParseError::new(
            None,
            format!("file larger than {MAX_FILE_BYTES} bytes"),
        ));
    }
    let resources = match kind {
        DocumentKind::Kubernetes => kubernetes::parse(path, text)?,
        DocumentKind::Cloudformation => cloudformation::parse(path, text)?,
        DocumentKind::Dockerfile => dockerfile::parse(path, text)?,
        DocumentKind::Compose => workflows::parse_compose(path, text)?,
        DocumentKind::GithubActions => workflows::parse_github(path, text)?,
        DocumentKind::GitlabCi => workflows::parse_gitlab(path, text)?,
        DocumentKind::Terraform => {
            return Err(ParseError::new(
                None,
                "Terraform is read per module directory by the terraform module",
            ));
        }
    };
    Ok(Document {
        kind,
        path: path.to_string(),
        resources,
    })
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn is_yaml(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".yaml") || n.ends_with(".yml")
}

/// The kind of a file, from its path and first bytes; `None` when it is no IaC this crate
/// reads. Terraform files (`.tf`, `.tfvars`, plan JSON) are recognised by
/// `crate::terraform`, not here.
pub fn detect(path: &str, head: &[u8]) -> Option<DocumentKind> {
    let name = file_name(path);
    let lower = name.to_ascii_lowercase();
    if lower == "dockerfile"
        || lower.ends_with(".dockerfile")
        || lower == "containerfile"
        || ((lower.starts_with("dockerfile.") || lower.starts_with("containerfile."))
            && !has_source_extension(&lower))
    {
        return Some(DocumentKind::Dockerfile);
    }
    let yaml = is_yaml(name);
    if yaml
        && (lower.starts_with("docker-compose")
            || lower.starts_with("compose.")
            || lower.starts_with("compose-"))
    {
        return Some(DocumentKind::Compose);
    }
    if yaml && (path.starts_with(".github/workflows/") || path.contains("/.github/workflows/")) {
        return Some(DocumentKind::GithubActions);
    }
    if lower == ".gitlab-ci.yml" || lower == ".gitlab-ci.yaml" || lower.ends_with(".gitlab-ci.yml")
    {
        return Some(DocumentKind::GitlabCi);
    }
    let json = lower.ends_with(".json");
    let template = lower.ends_with(".template");
    if !(yaml || json || template) {
        return None;
    }
    let head = String::from_utf8_lossy(head);
    if head.contains("AWSTemplateFormatVersion")
        || head.contains("AWS::Serverless-2016-10-31")
        || ((head.contains("Resources:") || head.contains("\"Resources\""))
            && (head.contains("Type: AWS::")
                || head.contains("Type: 'AWS::")
                || head.contains("Type: \"AWS::")
                || head.contains("\"Type\": \"AWS::")
                || head.contains("\"Type\":\"AWS::")))
    {
        return Some(DocumentKind::Cloudformation);
    }
    if (yaml || json) && has_kubernetes_keys(&head, json) {
        return Some(DocumentKind::Kubernetes);
    }
    None
}

fn has_kubernetes_keys(head: &str, json: bool) -> bool {
    if json {
        return head.contains("\"apiVersion\"") && head.contains("\"kind\"");
    }
    let mut api = false;
    let mut kind = false;
    for l in head.lines() {
        let t = l.trim_start().trim_start_matches("- ");
        api |= t.starts_with("apiVersion:");
        kind |= t.starts_with("kind:");
        if api && kind {
            return true;
        }
    }
    false
}

/// A resource of a YAML-born kind, with `lines` collected from `node` (paths relative to
/// `values`).
pub(crate) fn resource_from_node(
    file: &str,
    address: String,
    resource_type: &str,
    name: &str,
    node: &Node,
    values: serde_json::Value,
) -> Resource {
    let mut lines = BTreeMap::new();
    node.collect_lines("", &mut lines);
    Resource {
        address,
        resource_type: resource_type.to_string(),
        name: name.to_string(),
        file: file.to_string(),
        line: node.line,
        end_line: node.end_line.max(node.line),
        values,
        references: Vec::new(),
        lines,
        extra: BTreeMap::new(),
    }
}

/// `Dockerfile.prod` is a Dockerfile, but `dockerfile.rs` or `Dockerfile.md` is code or prose
/// about Dockerfiles (a parser's own source would otherwise be scanned as one).
fn has_source_extension(lower_name: &str) -> bool {
    const SOURCE: &[&str] = &[
        "rs", "py", "go", "js", "mjs", "cjs", "ts", "tsx", "jsx", "java", "kt", "rb", "php", "c",
        "h", "cc", "cpp", "hpp", "cs", "swift", "scala", "sh", "bash", "ps1", "md", "rst", "txt",
        "adoc", "html", "json", "toml", "rego", "lock", "orig", "bak", "snap",
    ];
    lower_name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| SOURCE.contains(&ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_path_and_head() {
        let d = |p: &str, h: &str| detect(p, h.as_bytes());
        assert_eq!(d("Dockerfile", ""), Some(DocumentKind::Dockerfile));
        assert_eq!(d("svc/Dockerfile.prod", ""), Some(DocumentKind::Dockerfile));
        assert_eq!(d("svc/api.Dockerfile", ""), Some(DocumentKind::Dockerfile));
        assert_eq!(d("src/parse/dockerfile.rs", "FROM x"), None);
        assert_eq!(d("docs/Dockerfile.md", "FROM x"), None);
        assert_eq!(d("docker-compose.yml", ""), Some(DocumentKind::Compose));
        assert_eq!(
            d(".github/workflows/ci.yml", "on: push"),
            Some(DocumentKind::GithubActions)
        );
        assert_eq!(d(".gitlab-ci.yml", ""), Some(DocumentKind::GitlabCi));
        assert_eq!(
            d("k8s/app.yaml", "apiVersion: v1\nkind: Pod\n"),
            Some(DocumentKind::Kubernetes)
        );
        assert_eq!(
            d("cfn/t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"),
            Some(DocumentKind::Cloudformation)
        );
        assert_eq!(
            d(
                "cfn/t.json",
                "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}"
            ),
            Some(DocumentKind::Cloudformation)
        );
        assert_eq!(d("config.yaml", "a: 1\n"), None);
        assert_eq!(d("main.tf", ""), None);
    }
}
