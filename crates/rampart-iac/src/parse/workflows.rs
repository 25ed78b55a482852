//! docker-compose files, GitHub Actions workflows and GitLab CI pipelines: YAML files whose
//! resources are services or jobs.

use serde_json::{Map, Value as J};

use super::{ParseError, resource_from_node};
use crate::document::Resource;
use crate::yaml::{self, Node, Value};

fn root(text: &str) -> Result<Option<Node>, ParseError> {
    Ok(yaml::load_all(text)?.into_iter().next())
}

fn map_entries(n: &Node) -> &[(String, u32, Node)] {
    match &n.value {
        Value::Map(m) => m,
        _ => &[],
    }
}

/// One resource per service (`services.<name>`).
pub fn parse_compose(path: &str, text: &str) -> Result<Vec<Resource>, ParseError> {
    let Some(root) = root(text)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    if let Some(services) = root.get("services") {
        for (name, kl, node) in map_entries(services) {
            let mut r = resource_from_node(
                path,
                format!("services.{name}"),
                "compose_service",
                name,
                node,
                node.to_json(),
            );
            r.line = *kl;
            out.push(r);
        }
    }
    Ok(out)
}

/// One `github_workflow` resource (`workflow`) and one `github_job` per job (`jobs.<id>`).
pub fn parse_github(path: &str, text: &str) -> Result<Vec<Resource>, ParseError> {
    let Some(root) = root(text)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut wf = Map::new();
    let mut wf_node_entries = Vec::new();
    for (k, kl, v) in map_entries(&root) {
        // YAML 1.1 loaders read the `on` key as `true`; GitHub reads it as `on`.
        let key = if k == "true" { "on" } else { k.as_str() };
        if key != "jobs" {
            wf.insert(key.to_string(), v.to_json());
            wf_node_entries.push((key.to_string(), *kl, v.clone()));
        }
    }
    let wf_node = Node {
        value: Value::Map(wf_node_entries),
        line: root.line,
        end_line: root.end_line,
        tag: None,
    };
    out.push(resource_from_node(
        path,
        "workflow".into(),
        "github_workflow",
        "workflow",
        &wf_node,
        J::Object(wf),
    ));
    if let Some(jobs) = root.get("jobs") {
        for (id, kl, node) in map_entries(jobs) {
            let mut r = resource_from_node(
                path,
                format!("jobs.{id}"),
                "github_job",
                id,
                node,
                node.to_json(),
            );
            r.line = *kl;
            out.push(r);
        }
    }
    Ok(out)
}

/// Top-level keys of `.gitlab-ci.yml` that are not jobs.
const GITLAB_GLOBAL_KEYS: &[&str] = &[
    "stages",
    "variables",
    "include",
    "workflow",
    "default",
    "image",
    "services",
    "before_script",
    "after_script",
    "cache",
    "spec",
];

/// Job keywords `default:` (and the deprecated top-level globals) supply.
const GITLAB_DEFAULT_KEYS: &[&str] = &[
    "image",
    "services",
    "before_script",
    "after_script",
    "cache",
    "artifacts",
    "retry",
    "timeout",
    "interruptible",
    "tags",
    "hooks",
    "id_tokens",
];

/// Deepest `extends:` chain followed (GitLab allows 11 levels).
const MAX_EXTENDS: usize = 11;

/// GitLab's `extends` merge: hashes merge deeply, everything else is replaced.
fn deep_merge(base: &mut J, over: &J) {
    match (base, over) {
        (J::Object(b), J::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() && v.is_object() => deep_merge(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

fn resolve_extends(name: &str, all: &Map<String, J>, depth: usize) -> J {
    let Some(job) = all.get(name) else {
        return J::Object(Map::new());
    };
    if depth >= MAX_EXTENDS {
        return job.clone();
    }
    let parents: Vec<String> = match job.get("extends") {
        Some(J::String(s)) => vec![s.clone()],
        Some(J::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let mut merged = J::Object(Map::new());
    for p in &parents {
        if p != name {
            deep_merge(&mut merged, &resolve_extends(p, all, depth + 1));
        }
    }
    deep_merge(&mut merged, job);
    if let J::Object(m) = &mut merged
        && !parents.is_empty()
    {
        m.insert(
            "extends".into(),
            J::Array(parents.into_iter().map(J::String).collect()),
        );
    }
    merged
}

/// One `gitlab_pipeline` resource (`pipeline`) and one `gitlab_job` per visible job
/// (`jobs.<name>`), after `extends:` and `default:`.
pub fn parse_gitlab(path: &str, text: &str) -> Result<Vec<Resource>, ParseError> {
    let Some(root) = root(text)? else {
        return Ok(Vec::new());
    };
    let json = root.to_json();
    let Some(all) = json.as_object() else {
        return Ok(Vec::new());
    };
    let mut defaults = Map::new();
    for k in GITLAB_DEFAULT_KEYS {
        if let Some(v) = all.get(*k) {
            defaults.insert((*k).to_string(), v.clone());
        }
    }
    if let Some(J::Object(d)) = all.get("default") {
        for (k, v) in d {
            defaults.insert(k.clone(), v.clone());
        }
    }
    let mut out = Vec::new();
    let mut pipeline = Map::new();
    let mut pipeline_nodes = Vec::new();
    for k in ["variables", "include", "workflow", "default", "stages"] {
        if let Some(v) = all.get(k) {
            pipeline.insert(k.to_string(), v.clone());
        }
        if let (Some(n), Some(l)) = (root.get(k), root.key_line(k)) {
            pipeline_nodes.push((k.to_string(), l, n.clone()));
        }
    }
    let pnode = Node {
        value: Value::Map(pipeline_nodes),
        line: root.line,
        end_line: root.end_line,
        tag: None,
    };
    out.push(resource_from_node(
        path,
        "pipeline".into(),
        "gitlab_pipeline",
        "pipeline",
        &pnode,
        J::Object(pipeline),
    ));
    for (name, kl, node) in map_entries(&root) {
        if name.starts_with('.') || GITLAB_GLOBAL_KEYS.contains(&name.as_str()) {
            continue;
        }
        if !matches!(node.value, Value::Map(_)) {
            continue;
        }
        let mut job = resolve_extends(name, all, 0);
        if let J::Object(m) = &mut job {
            for (k, v) in &defaults {
                let inherit = match m.get("inherit").and_then(|i| i.get("default")) {
                    Some(J::Bool(b)) => *b,
                    Some(J::Array(list)) => list.iter().any(|x| x.as_str() == Some(k)),
                    _ => true,
                };
                if inherit && !m.contains_key(k) {
                    m.insert(k.clone(), v.clone());
                }
            }
        }
        let mut r = resource_from_node(path, format!("jobs.{name}"), "gitlab_job", name, node, job);
        r.line = *kl;
        out.push(r);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_services() {
        let rs = parse_compose(
            "docker-compose.yml",
            "services:\n  web:\n    image: nginx\n    privileged: true\n  db:\n    image: postgres\n",
        )
        .unwrap();
        assert_eq!(rs.len(), 2);
        assert_eq!(rs[0].address, "services.web");
        assert_eq!(rs[0].line, 2);
        assert_eq!(rs[0].line_of("privileged"), 4);
    }

    #[test]
    fn github_workflow_and_jobs() {
        let rs = parse_github(
            ".github/workflows/ci.yml",
            "on:\n  pull_request_target:\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
        )
        .unwrap();
        assert_eq!(rs[0].address, "workflow");
        assert_eq!(rs[0].values["permissions"], "write-all");
        assert!(rs[0].values["on"].get("pull_request_target").is_some());
        assert_eq!(rs[1].address, "jobs.build");
        assert_eq!(rs[1].line, 5);
        assert_eq!(rs[1].line_of("steps.0.run"), 8);
    }

    #[test]
    fn gitlab_extends_and_default() {
        let rs = parse_gitlab(
            ".gitlab-ci.yml",
            "default:\n  image: alpine\n.base:\n  variables: {A: '1'}\n  script: [echo base]\nbuild:\n  extends: .base\n  variables: {B: '2'}\ndeploy:\n  image: other\n  script: [x]\n",
        )
        .unwrap();
        assert_eq!(rs.len(), 3);
        let build = &rs[1];
        assert_eq!(build.address, "jobs.build");
        assert_eq!(build.values["variables"]["A"], "1");
        assert_eq!(build.values["variables"]["B"], "2");
        assert_eq!(build.values["script"][0], "echo base");
        assert_eq!(build.values["image"], "alpine");
        assert_eq!(rs[2].values["image"], "other");
    }
}
