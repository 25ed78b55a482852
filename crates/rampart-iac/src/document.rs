//! The document model every policy reads: one shape for every source kind (see README.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Which parser produced a document; policies declare the kinds they read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Terraform,
    Cloudformation,
    Kubernetes,
    Dockerfile,
    Compose,
    GithubActions,
    GitlabCi,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Terraform => "terraform",
            DocumentKind::Cloudformation => "cloudformation",
            DocumentKind::Kubernetes => "kubernetes",
            DocumentKind::Dockerfile => "dockerfile",
            DocumentKind::Compose => "compose",
            DocumentKind::GithubActions => "github_actions",
            DocumentKind::GitlabCi => "gitlab_ci",
        }
    }
}

/// One unit policies evaluate: a file, or for Terraform a module directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    /// Relative to the scan root with `/` separators; for Terraform the module directory.
    pub path: String,
    pub resources: Vec<Resource>,
}

/// One resource of a document; see the per-kind table in README.md for what each field holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub address: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub name: String,
    /// File that declares the resource, relative to the scan root.
    pub file: String,
    pub line: u32,
    pub end_line: u32,
    /// The body as JSON, evaluated where static.
    pub values: serde_json::Value,
    /// Addresses of other resources of the same document this one refers to.
    #[serde(default)]
    pub references: Vec<String>,
    /// Dotted attribute path into `values` (array indices as numbers) → line.
    #[serde(default)]
    pub lines: BTreeMap<String, u32>,
    /// Kind-specific extra fields at the top level of the resource object (`mode` for
    /// Terraform, `pod_spec`/`pod_spec_path` for Kubernetes workloads, `condition` for
    /// CloudFormation), flattened so policies read `r.mode`, `r.pod_spec`.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Resource {
    /// The line of `attribute` (a dotted path), or of its closest known parent, or the
    /// resource's own first line.
    pub fn line_of(&self, attribute: &str) -> u32 {
        let mut path = attribute;
        loop {
            if let Some(&l) = self.lines.get(path) {
                return l;
            }
            match path.rsplit_once('.') {
                Some((parent, _)) => path = parent,
                None => return self.line,
            }
        }
    }
}
