//! Kubernetes manifests: multi-document YAML (or JSON), `List` kinds flattened, the pod spec of
//! every workload found wherever it sits.

use serde_json::Value as J;

use super::{ParseError, resource_from_node};
use crate::document::Resource;
use crate::yaml::{self, Node, Value};

/// Where the pod spec of a workload kind sits.
fn pod_spec_path(kind: &str, values: &J) -> Option<&'static str> {
    let known = match kind {
        "Pod" => Some("spec"),
        "Deployment"
        | "StatefulSet"
        | "DaemonSet"
        | "ReplicaSet"
        | "ReplicationController"
        | "Job" => Some("spec.template.spec"),
        "CronJob" => Some("spec.jobTemplate.spec.template.spec"),
        "PodTemplate" => Some("template.spec"),
        _ => None,
    };
    if known.is_some() {
        return known;
    }
    // Other kinds that embed a pod template (Argo Rollouts, operators' CRDs...).
    for candidate in [
        "spec.template.spec",
        "spec.jobTemplate.spec.template.spec",
        "template.spec",
    ] {
        if let Some(spec) = at_path(values, candidate)
            && spec.get("containers").is_some_and(J::is_array)
        {
            return Some(candidate);
        }
    }
    None
}

fn at_path<'a>(v: &'a J, path: &str) -> Option<&'a J> {
    path.split('.').try_fold(v, |cur, k| cur.get(k))
}

/// Every Kubernetes object of a manifest file. Documents that are not objects (no `kind`) are
/// skipped: a manifest directory often holds other YAML.
pub fn parse(path: &str, text: &str) -> Result<Vec<Resource>, ParseError> {
    let docs = yaml::load_all(text)?;
    let mut out = Vec::new();
    for doc in &docs {
        collect(path, doc, &mut out);
    }
    Ok(out)
}

/// Objects of a list of parsed documents, e.g. rendered Helm output.
pub fn resources_of(path: &str, docs: &[Node]) -> Vec<Resource> {
    let mut out = Vec::new();
    for d in docs {
        collect(path, d, &mut out);
    }
    out
}

fn collect(path: &str, node: &Node, out: &mut Vec<Resource>) {
    let Some(kind) = node.get("kind").and_then(Node::as_str) else {
        return;
    };
    if kind.ends_with("List")
        && let Some(Node {
            value: Value::Seq(items),
            ..
        }) = node.get("items")
    {
        for item in items {
            collect(path, item, out);
        }
        return;
    }
    if node.get("apiVersion").is_none() {
        return;
    }
    let meta = node.get("metadata");
    let name = meta
        .and_then(|m| m.get("name").or_else(|| m.get("generateName")))
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let name = if name.is_empty() {
        format!("<unnamed {}>", out.len())
    } else {
        name
    };
    let namespace = meta.and_then(|m| m.get("namespace")).and_then(Node::as_str);
    let address = match namespace {
        Some(ns) if !ns.is_empty() => format!("{kind}/{ns}/{name}"),
        _ => format!("{kind}/{name}"),
    };
    let values = node.to_json();
    let mut r = resource_from_node(path, address, kind, &name, node, values);
    if let Some(p) = pod_spec_path(kind, &r.values)
        && let Some(spec) = at_path(&r.values, p)
    {
        let spec = spec.clone();
        r.extra.insert("pod_spec".into(), spec);
        r.extra.insert("pod_spec_path".into(), J::String(p.into()));
    }
    out.push(r);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workloads_lists_and_lines() {
        let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:latest
          securityContext:
            privileged: true
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: svc}
    spec: {type: LoadBalancer}
  - apiVersion: batch/v1
    kind: CronJob
    metadata: {name: c}
    spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: x, image: y}]}}}}}
---
# just a comment
---
foo: bar
";
        let rs = parse("k.yaml", text).unwrap();
        assert_eq!(rs.len(), 3);
        assert_eq!(rs[0].address, "Deployment/prod/web");
        assert_eq!(rs[0].line, 1);
        assert_eq!(rs[0].end_line, 13);
        assert_eq!(
            rs[0].line_of("spec.template.spec.containers.0.securityContext.privileged"),
            13
        );
        assert_eq!(rs[0].extra["pod_spec_path"], "spec.template.spec");
        assert_eq!(rs[0].extra["pod_spec"]["containers"][0]["name"], "app");
        assert_eq!(rs[1].address, "Service/svc");
        assert_eq!(rs[1].line, 18);
        assert_eq!(
            rs[2].extra["pod_spec_path"],
            "spec.jobTemplate.spec.template.spec"
        );
    }

    #[test]
    fn malformed_yaml_names_the_line() {
        let e = parse("k.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [\n").unwrap_err();
        assert!(e.line.is_some(), "{e}");
    }
}
