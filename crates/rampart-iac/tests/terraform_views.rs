//! The two other Terraform views: plan JSON as a document, and the conftest JSON of a file.

use std::path::Path;

use rampart_iac::terraform;
use serde_json::json;

#[test]
fn plan_json_becomes_the_same_document_shape() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform/plan/tfplan.json");
    let bytes = std::fs::read(path).unwrap();
    assert!(terraform::is_plan_json(&bytes[..bytes.len().min(8192)]));
    let doc = terraform::parse_plan("plans/tfplan.json", &bytes).unwrap();
    assert_eq!(doc.path, "plans/tfplan.json");
    let addresses: Vec<&str> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addresses,
        [
            "aws_s3_bucket.logs",
            "aws_s3_bucket_public_access_block.logs",
            "data.aws_iam_policy_document.read",
            "module.storage[0].aws_s3_bucket.this",
            "module.storage[0].aws_s3_bucket_versioning.this",
            "module.storage[1].aws_s3_bucket.this",
            "module.storage[1].aws_s3_bucket_versioning.this",
        ]
    );
    let r = |a: &str| doc.resources.iter().find(|r| r.address == a).unwrap();
    let bucket = r("aws_s3_bucket.logs");
    assert_eq!(bucket.resource_type, "aws_s3_bucket");
    assert_eq!(bucket.name, "logs");
    assert_eq!(bucket.file, "plans/tfplan.json");
    assert_eq!(
        bucket.line, 8,
        "line of the resource's address in planned_values"
    );
    assert_eq!(bucket.values["tags"], json!({"Environment": "prod"}));
    assert_eq!(bucket.extra["mode"], json!("managed"));
    let pab = r("aws_s3_bucket_public_access_block.logs");
    assert_eq!(pab.values["block_public_policy"], json!(false));
    assert_eq!(pab.references, ["aws_s3_bucket.logs"]);
    assert_eq!(
        r("data.aws_iam_policy_document.read").extra["mode"],
        json!("data")
    );
    let v1 = r("module.storage[1].aws_s3_bucket_versioning.this");
    assert_eq!(
        v1.values["versioning_configuration"][0]["status"],
        json!("Suspended")
    );
    assert_eq!(v1.references, ["module.storage[1].aws_s3_bucket.this"]);
    assert_eq!(v1.extra["module_address"], json!("module.storage[1]"));
}

#[test]
fn plan_detection_and_errors() {
    assert!(!terraform::is_plan_json(
        br#"{"format_version": "1.0", "values": {}}"#
    ));
    assert!(!terraform::is_plan_json(br#"{"Resources": {}}"#));
    let err = terraform::parse_plan(
        "p.json",
        b"{\n\"format_version\": \"1.2\",\n\"planned_values\": [\n",
    )
    .unwrap_err();
    assert_eq!(err.path(), "p.json");
    assert_eq!(err.line(), Some(4));
    let err = terraform::parse_plan(
        "p.json",
        br#"{"format_version": "1.2", "planned_values": {}}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("root_module"), "{err}");
}

#[test]
fn conftest_view_matches_the_shape_conftest_gives() {
    let src = r#"
resource "aws_s3_bucket" "b" {
  bucket = "data"
  acl    = var.acl
  tags   = { Name = "x", "Team" = local.team }
  empty  = []
  size   = 3
  ratio  = 1.5
  note   = "${var.env}-bucket"
  num    = "${4}"
  cond   = "%{ if var.x }yes%{ else }no%{ endif }"
  loop   = "%{ for s in var.list }${s},%{ endfor }"
  sum    = 1 + 2
  doc    = <<-EOT
    hello ${var.name}
  EOT

  versioning {
    enabled = true
  }
  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket" "c" {}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias = "us"
}

variable "acl" {
  default = "private"
}
"#;
    let v = terraform::conftest_json("main.tf", src.as_bytes()).unwrap();
    assert_eq!(
        v,
        json!({
            "resource": {
                "aws_s3_bucket": {
                    "b": [{
                        "bucket": "data",
                        "acl": "${var.acl}",
                        "tags": {"Name": "x", "Team": "${local.team}"},
                        "empty": null,
                        "size": 3,
                        "ratio": 1.5,
                        "note": "${var.env}-bucket",
                        "num": 4,
                        "cond": "%{if var.x}yes%{else}no%{endif}",
                        "loop": "%{for s in var.list}${s},%{endfor}",
                        "sum": "${1 + 2}",
                        "doc": "hello ${var.name}\n",
                        "versioning": [{"enabled": true}, {"enabled": false}]
                    }],
                    "c": [{}]
                }
            },
            "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "us"}]},
            "variable": {"acl": [{"default": "private"}]}
        })
    );
    let err = terraform::conftest_json("bad.tf", b"resource \"a\" {\n  x = \n}\n").unwrap_err();
    assert_eq!(err.path(), "bad.tf");
    assert_eq!(err.line(), Some(2));
}
