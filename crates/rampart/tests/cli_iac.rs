//! End to end: the real binary checks a small IaC tree of every kind (Terraform with a local
//! module, CloudFormation, Kubernetes, Dockerfile, Compose, GitHub Actions, GitLab CI), reports
//! resource addresses and line ranges in every format, honours the suppression markers users
//! already write (checkov/tfsec/trivy), runs conftest-style user policies in both Rego
//! syntaxes, and keeps going past malformed files.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const MAIN_TF: &str = r#"module "store" {
  source = "./modules/store"
  acl    = "public-read"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-site"
  acl    = "public-read-write"
}
"#;

const MODULE_TF: &str = r#"variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket" "this" {
  bucket = "module-bucket"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
"#;

const POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: gpu
  namespace: ml
spec:
  containers:
    - name: trainer
      image: registry.example/trainer:1.0
      securityContext:
        privileged: true
";

const CFN: &str = "\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Acl:
    Type: String
    Default: PublicRead
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
";

const DOCKERFILE: &str =
    "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"app.py\"]\n";

const WORKFLOW: &str = "\
on: issues
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: echo \"${{ github.event.issue.title }}\"
";

const COMPOSE: &str = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";

const GITLAB: &str = "build:\n  image: alpine:3.20\n  script:\n    - curl -sSL https://example.invalid/install.sh | sh\n";

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "infra/main.tf", MAIN_TF);
    write(r, "infra/modules/store/main.tf", MODULE_TF);
    write(r, "k8s/pod.yaml", POD);
    write(r, "cfn/bucket.yaml", CFN);
    write(r, "app/Dockerfile", DOCKERFILE);
    write(r, ".github/workflows/triage.yml", WORKFLOW);
    write(r, "docker-compose.yml", COMPOSE);
    write(r, ".gitlab-ci.yml", GITLAB);
    dir
}

fn rampart() -> Command {
    Command::cargo_bin("rampart").unwrap()
}

fn json_report(args: &[&str], root: &Path) -> Value {
    let out = rampart()
        .arg("iac")
        .arg(root)
        .args(["--format", "json", "--fail-on", "none", "--no-progress"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .collect()
}

fn region(f: &Value) -> (u64, u64) {
    let r = &f["locations"][0]["region"];
    (
        r["start_line"].as_u64().unwrap(),
        r["end_line"].as_u64().unwrap(),
    )
}

#[test]
fn every_kind_reports_resource_addresses_and_lines() {
    let dir = tree();
    let report = json_report(&[], dir.path());

    let s3 = findings(&report, "iac/aws-s3-bucket-public-acl");
    let addresses: Vec<&str> = s3
        .iter()
        .map(|f| f["properties"]["resource"].as_str().unwrap())
        .collect();
    assert!(addresses.contains(&"aws_s3_bucket.legacy"), "{addresses:?}");
    // The module's ACL comes from the caller's input, through the local module.
    assert!(
        addresses.contains(&"module.store.aws_s3_bucket_acl.this"),
        "{addresses:?}"
    );
    let legacy = s3
        .iter()
        .find(|f| f["properties"]["resource"] == "aws_s3_bucket.legacy")
        .unwrap();
    assert_eq!(legacy["locations"][0]["path"], "infra/main.tf");
    assert_eq!(legacy["properties"]["resource_lines"], "6-9");
    let (start, end) = region(legacy);
    assert!((6..=9).contains(&start) && (start..=9).contains(&end));

    let k8s = findings(&report, "iac/k8s-privileged-container");
    assert_eq!(k8s.len(), 1, "{k8s:?}");
    assert_eq!(k8s[0]["properties"]["resource"], "Pod/ml/gpu");
    assert_eq!(k8s[0]["locations"][0]["path"], "k8s/pod.yaml");
    assert_eq!(region(k8s[0]).0, 11, "the privileged: true line");

    let cfn = findings(&report, "iac/cfn-s3-bucket-public-acl");
    assert_eq!(cfn.len(), 1, "!Ref of the parameter default is resolved");
    assert_eq!(cfn[0]["properties"]["resource"], "Data");

    for (rule, path) in [
        ("iac/docker-no-user", "app/Dockerfile"),
        (
            "iac/gha-script-injection-run",
            ".github/workflows/triage.yml",
        ),
        ("iac/compose-privileged", "docker-compose.yml"),
        ("iac/gitlab-curl-pipe-shell", ".gitlab-ci.yml"),
    ] {
        let fs = findings(&report, rule);
        assert!(!fs.is_empty(), "{rule} did not fire");
        assert_eq!(fs[0]["locations"][0]["path"], path);
        assert!(fs[0]["properties"]["resource"].as_str().is_some());
    }
}

#[test]
fn checkov_tfsec_and_trivy_markers_suppress_by_alias() {
    let dir = tree();
    let marked = MAIN_TF.replace(
        "resource \"aws_s3_bucket\" \"legacy\" {\n",
        "resource \"aws_s3_bucket\" \"legacy\" {\n  #checkov:skip=CKV_AWS_20: public website bucket\n",
    );
    write(dir.path(), "infra/main.tf", &marked);
    let pod = POD.replace(
        "  namespace: ml\n",
        "  namespace: ml\n  annotations:\n    checkov.io/skip1: CKV_K8S_16=needs the GPU driver\n",
    );
    write(dir.path(), "k8s/pod.yaml", &pod);
    let cfn = CFN.replace(
        "      AccessControl",
        "      # trivy:ignore:AVD-AWS-0092\n      AccessControl",
    );
    write(dir.path(), "cfn/bucket.yaml", &cfn);
    let report = json_report(&[], dir.path());

    let s3 = findings(&report, "iac/aws-s3-bucket-public-acl");
    let legacy = s3
        .iter()
        .find(|f| f["properties"]["resource"] == "aws_s3_bucket.legacy")
        .unwrap();
    assert_eq!(legacy["suppression"]["kind"], "inline");
    assert_eq!(legacy["suppression"]["reason"], "public website bucket");
    let module = s3
        .iter()
        .find(|f| f["properties"]["resource"] == "module.store.aws_s3_bucket_acl.this")
        .unwrap();
    assert!(
        module["suppression"].is_null(),
        "a skip covers only its resource"
    );
    let k8s = findings(&report, "iac/k8s-privileged-container");
    assert_eq!(k8s[0]["suppression"]["reason"], "needs the GPU driver");
    let cfn = findings(&report, "iac/cfn-s3-bucket-public-acl");
    if cfn[0]["properties"]["aliases"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == "AVD-AWS-0092"))
    {
        assert!(!cfn[0]["suppression"].is_null());
    }
}

#[test]
fn rules_list_aliases_and_explain_shows_example_and_fix() {
    let out = rampart()
        .args(["rules", "--format", "json", "--scanners", "iac"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let s3 = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "iac/aws-s3-bucket-public-acl")
        .unwrap();
    let tags: Vec<&str> = s3["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(tags.contains(&"checkov:CKV_AWS_20"), "{tags:?}");
    assert!(
        tags.contains(&"tfsec:aws-s3-no-public-access-with-acl"),
        "{tags:?}"
    );
    let out = rampart()
        .args(["explain", "iac/aws-s3-bucket-public-acl"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## Example"), "{text}");
    assert!(text.contains("public-read"), "{text}");
    assert!(text.contains("Fixed:"), "{text}");
}

#[test]
fn conftest_policies_in_both_syntaxes_run_on_conftest_input() {
    let dir = tree();
    let pol = tempfile::tempdir().unwrap();
    // Rego v0, as most existing conftest policies are written.
    write(
        pol.path(),
        "k8s.rego",
        "package main\n\ndeny[msg] {\n  input.kind == \"Pod\"\n  not input.spec.securityContext.runAsNonRoot\n  msg := sprintf(\"pod %s must run as non-root\", [input.metadata.name])\n}\n",
    );
    // Rego v1 with a result object carrying its own severity; reads conftest's Dockerfile form.
    write(
        pol.path(),
        "docker.rego",
        "package main\n\nimport rego.v1\n\nwarn contains {\"msg\": \"pin the base image by digest\", \"severity\": \"low\"} if {\n  some cmd in input[0]\n  cmd.Cmd == \"from\"\n  not contains(cmd.Value[0], \"@sha256:\")\n}\n",
    );
    // Terraform in conftest's HCL2 JSON form.
    write(
        pol.path(),
        "tf.rego",
        "package main\n\nimport rego.v1\n\ndeny contains msg if {\n  some name, buckets in input.resource.aws_s3_bucket\n  some b in buckets\n  b.acl == \"public-read-write\"\n  msg := sprintf(\"bucket %s is world-writable\", [name])\n}\n",
    );
    let report = json_report(&["--policy", pol.path().to_str().unwrap()], dir.path());
    let deny = findings(&report, "iac-user/main.deny");
    let messages: Vec<&str> = deny
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"pod gpu must run as non-root"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"bucket legacy is world-writable"),
        "{messages:?}"
    );
    assert!(deny.iter().all(|f| f["severity"] == "high"));
    let warn = findings(&report, "iac-user/main.warn");
    assert_eq!(warn.len(), 1, "{warn:?}");
    assert_eq!(warn[0]["locations"][0]["path"], "app/Dockerfile");
    assert_eq!(warn[0]["severity"], "low");
}

#[test]
fn broken_files_and_policies_are_diagnostics_and_the_scan_goes_on() {
    let dir = tree();
    write(
        dir.path(),
        "k8s/broken.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: [\n",
    );
    write(
        dir.path(),
        "infra/broken.tf",
        "resource \"aws_s3_bucket\" \"x\" {\n  acl = \n",
    );
    write(
        dir.path(),
        "chart/Chart.yaml",
        "apiVersion: v2\nname: app\nversion: 0.1.0\n",
    );
    write(
        dir.path(),
        "chart/templates/deploy.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n  labels: {}\n{{- end }}\n",
    );
    let pol = tempfile::tempdir().unwrap();
    write(
        pol.path(),
        "bad.rego",
        "package main\n\ndeny contains msg if {\n  msg := \n}\n",
    );
    let report = json_report(&["--policy", pol.path().to_str().unwrap()], dir.path());
    let diags = report["diagnostics"].as_array().unwrap();
    let find = |path: &str| {
        diags
            .iter()
            .find(|d| d["path"].as_str().is_some_and(|p| p.ends_with(path)))
    };
    let yaml = find("k8s/broken.yaml").expect("YAML diagnostic");
    assert!(yaml["line"].as_u64().is_some());
    assert!(find("infra/broken.tf").is_some(), "{diags:?}");
    let rego = find("bad.rego").expect("policy diagnostic");
    assert_eq!(rego["line"], 4, "{rego}");
    assert!(
        find("chart/templates/deploy.yaml").is_none(),
        "an unrendered Helm template is no YAML error: {diags:?}"
    );
    // Findings of the good files are still there.
    assert!(!findings(&report, "iac/k8s-privileged-container").is_empty());
}

#[test]
fn scan_runs_iac_in_the_same_walk_and_every_format_carries_the_address() {
    let dir = tree();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let status = rampart()
        .arg("scan")
        .arg(dir.path())
        .args([
            "--scanners",
            "iac,secrets",
            "--no-progress",
            "--fail-on",
            "high",
        ])
        .args(["--format", "sarif", "--output"])
        .arg(out.join("r.sarif"))
        .args(["--format", "junit", "--output"])
        .arg(out.join("r.xml"))
        .args(["--format", "markdown", "--output"])
        .arg(out.join("r.md"))
        .args(["--format", "table"])
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1), "high findings fail the gate");
    let table = String::from_utf8_lossy(&status.stdout);
    assert!(table.contains("iac/k8s-privileged-container"), "{table}");
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("r.sarif")).unwrap()).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let k8s = results
        .iter()
        .find(|r| r["ruleId"] == "iac/k8s-privileged-container")
        .unwrap();
    assert_eq!(
        k8s["locations"][0]["physicalLocation"]["region"]["startLine"],
        11
    );
    assert_eq!(k8s["properties"]["properties"]["resource"], "Pod/ml/gpu");
    assert!(
        k8s["message"]["text"]
            .as_str()
            .unwrap()
            .contains("Pod/ml/gpu"),
        "the address is in the message every format prints"
    );
    let junit = std::fs::read_to_string(out.join("r.xml")).unwrap();
    assert!(junit.contains("iac/k8s-privileged-container"));
    let md = std::fs::read_to_string(out.join("r.md")).unwrap();
    assert!(md.contains("k8s/pod.yaml"));
}
