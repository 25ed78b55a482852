//! Terraform HCL evaluation on real-world-shaped module trees.

use std::path::Path;

use rampart_iac::Document;
use rampart_iac::terraform::{self, FileKind, FsLoader, Options, ParsedFile};
use serde_json::{Value, json};

fn fixture_root(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/terraform")
        .join(name)
}

/// Every Terraform file under `root`, parsed, with paths relative to it (the walk's job in
/// the scanner).
fn parse_tree(root: &Path) -> Vec<ParsedFile> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<ParsedFile>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if FileKind::of(&rel).is_some() {
                    let bytes = std::fs::read(&p).unwrap();
                    out.push(terraform::parse_file(&rel, &bytes).unwrap_or_else(|e| panic!("{e}")));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

fn evaluate(
    name: &str,
    options: &Options,
) -> (Vec<Document>, Vec<rampart_core::scanner::Diagnostic>) {
    let root = fixture_root(name);
    let loader = FsLoader::new(&root).unwrap();
    terraform::evaluate_tree(parse_tree(&root), &loader, options)
}

fn resource<'a>(doc: &'a Document, address: &str) -> &'a rampart_iac::Resource {
    doc.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| {
            let all: Vec<&str> = doc.resources.iter().map(|r| r.address.as_str()).collect();
            panic!("no {address} among {all:?}")
        })
}

#[test]
fn root_module_with_local_module_tfvars_count_for_each_and_references() {
    let (docs, diags) = evaluate("app", &Options::default());
    // modules/storage is only called, so it is reported through its caller, not as a root.
    assert_eq!(docs.len(), 1, "{docs:#?}");
    let doc = &docs[0];
    assert_eq!(doc.path, ".");

    // tfvars precedence: terraform.tfvars, then *.auto.tfvars; other.tfvars is not auto-loaded.
    let web: Vec<_> = doc
        .resources
        .iter()
        .filter(|r| r.resource_type == "aws_instance")
        .collect();
    assert_eq!(web.len(), 2, "web_count = 2 from terraform.tfvars");
    let web1 = resource(doc, "aws_instance.web[1]");
    assert_eq!(
        web1.values["instance_type"],
        json!("m5.large"),
        "environment = prod from prod.auto.tfvars"
    );
    assert_eq!(
        web1.values["root_block_device"],
        json!([{"encrypted": true, "volume_size": 30}])
    );
    assert_eq!(web1.values["tags"]["Name"], json!("shop-prod-web-02"));
    assert_eq!(web1.values["tags"]["Owner"], json!("platform"));
    assert_eq!(web1.values["ami"], json!("${data.aws_ami.ubuntu.id}"));
    assert_eq!(web1.extra["mode"], json!("managed"));
    assert_eq!(web1.extra["index"], json!(1));
    assert!(web1.references.contains(&"data.aws_ami.ubuntu".to_string()));
    assert!(
        web1.references
            .contains(&"aws_subnet.private[\"eu-west-1b\"]".to_string()),
        "{:?}",
        web1.references
    );
    assert_eq!(web1.line, 40);
    assert_eq!(web1.line_of("root_block_device.0.encrypted"), 51);
    assert_eq!(web1.line_of("metadata_options.0.http_tokens"), 47);

    // for_each over a set and over a for-expression map with cidrsubnet.
    let logs = resource(doc, "aws_s3_bucket.logs[\"audit\"]");
    assert_eq!(logs.values["bucket"], json!("shop-prod-audit-logs"));
    assert_eq!(
        resource(doc, "aws_subnet.private[\"eu-west-1b\"]").values["cidr_block"],
        json!("10.0.1.0/24")
    );

    // for_each over another resource expands with its keys, and each instance refers to
    // the bucket of the same key.
    let pab = resource(doc, "aws_s3_bucket_public_access_block.logs[\"audit\"]");
    assert_eq!(pab.values["block_public_policy"], json!(true));
    assert_eq!(
        pab.references,
        vec!["aws_s3_bucket.logs[\"audit\"]".to_string()]
    );

    // dynamic blocks expand with their iterator.
    let sg = resource(doc, "aws_security_group.web");
    assert_eq!(sg.values["ingress"].as_array().unwrap().len(), 2);
    assert_eq!(
        sg.values["ingress"][0]["cidr_blocks"],
        json!(["10.0.0.0/8"])
    );
    assert_eq!(sg.values["ingress"][1]["cidr_blocks"], json!(["0.0.0.0/0"]));
    assert_eq!(sg.values["ingress"][1]["from_port"], json!(443));

    // Data sources.
    let ami = resource(doc, "data.aws_ami.ubuntu");
    assert_eq!(ami.extra["mode"], json!("data"));

    // The local module: inputs bound to its variables, count from a variable default,
    // references across the module boundary.
    let bucket = resource(doc, "module.storage.aws_s3_bucket.this[0]");
    assert_eq!(bucket.file, "modules/storage/main.tf");
    assert_eq!(bucket.values["bucket"], json!("shop-prod-data"));
    assert_eq!(bucket.extra["module_address"], json!("module.storage"));
    let versioning = resource(doc, "module.storage.aws_s3_bucket_versioning.this[0]");
    assert_eq!(
        versioning.values["versioning_configuration"],
        json!([{"status": "Enabled"}])
    );
    assert_eq!(
        versioning.references,
        vec!["module.storage.aws_s3_bucket.this[0]".to_string()]
    );
    let sse = doc
        .resources
        .iter()
        .find(|r| r.resource_type == "aws_s3_bucket_server_side_encryption_configuration")
        .unwrap();
    assert!(
        sse.references
            .contains(&"module.storage.aws_s3_bucket.this[0]".to_string())
    );
    assert!(
        sse.references.contains(&"aws_kms_key.data".to_string()),
        "module input carries its reference"
    );
    assert_eq!(
        sse.values["rule"][0]["apply_server_side_encryption_by_default"][0]["sse_algorithm"],
        json!("aws:kms")
    );

    // jsonencode keeps the policy readable with unknown ARNs inside; the module output's
    // reference reaches the caller.
    let policy = resource(doc, "aws_iam_policy.app");
    let text = policy.values["policy"].as_str().unwrap();
    let parsed: Value = serde_json::from_str(text).unwrap();
    assert_eq!(parsed["Statement"][0]["Action"], json!(["s3:*"]));
    assert!(
        policy
            .references
            .contains(&"module.storage.aws_s3_bucket.this[0]".to_string())
    );

    // The remote module is not fetched, and says so once.
    let notes: Vec<_> = diags
        .iter()
        .filter(|d| d.message.contains("not fetched"))
        .collect();
    assert_eq!(notes.len(), 1, "{diags:?}");
    assert_eq!(notes[0].path.as_deref(), Some("main.tf"));
    assert_eq!(notes[0].line, Some(114));
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn extra_var_files_override_auto_loaded_ones() {
    let other =
        terraform::parse_file("other.tfvars", b"web_count = 3\nenvironment = \"dev\"\n").unwrap();
    let options = Options {
        var_files: vec![other],
        ..Options::default()
    };
    let (docs, _) = evaluate("app", &options);
    let doc = &docs[0];
    assert_eq!(
        doc.resources
            .iter()
            .filter(|r| r.resource_type == "aws_instance")
            .count(),
        3
    );
    assert_eq!(
        resource(doc, "aws_instance.web[2]").values["instance_type"],
        json!("t3.micro")
    );
    // versioning follows the environment through the module input.
    assert_eq!(
        resource(doc, "module.storage.aws_s3_bucket_versioning.this[0]").values["versioning_configuration"]
            [0]["status"],
        json!("Suspended")
    );
}

/// Evaluates an in-memory module tree (path → text); the first directory is the root.
fn evaluate_files(
    files: &[(&str, &str)],
) -> (Vec<Document>, Vec<rampart_core::scanner::Diagnostic>) {
    let parsed: Vec<ParsedFile> = files
        .iter()
        .map(|(p, t)| terraform::parse_file(p, t.as_bytes()).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    terraform::evaluate_tree(parsed, &terraform::NoLoader, &Options::default())
}

fn single(text: &str) -> Document {
    let (mut docs, diags) = evaluate_files(&[("main.tf", text)]);
    assert!(diags.is_empty(), "{diags:?}");
    docs.remove(0)
}

fn values_of(text: &str, address: &str) -> Value {
    resource(&single(text), address).values.clone()
}

#[test]
fn expressions_evaluate_statically() {
    let v = values_of(
        r#"
variable "names" {
  default = ["a", "b", "c"]
}
variable "unset" {}
locals {
  ports = { http = 80, https = 443 }
  users = [{ name = "x", admin = true }, { name = "y", admin = false }]
  heredoc = <<-EOT
    line ${var.names[0]}
    %{ for n in var.names ~}
    - ${n}
    %{ endfor ~}
    %{ if length(var.names) > 2 }many%{ else }few%{ endif }
  EOT
}
resource "test" "t" {
  arith      = 2 + 3 * 4 - 10 / 4 % 3
  compare    = 3 >= 2 && !(1 == 2) || false
  cond       = length(var.names) > 2 ? "big" : "small"
  tmpl       = "x-${upper(var.names[1])}-${local.ports["https"]}"
  heredoc    = local.heredoc
  list_for   = [for i, n in var.names : "${i}:${n}" if n != "b"]
  map_for    = { for k, p in local.ports : upper(k) => p + 1 }
  group_for  = { for u in local.users : (u.admin ? "admins" : "users") => u.name... }
  splat      = local.users[*].name
  full_splat = local.users.*.admin
  merged     = merge({ a = 1 }, { b = 2 }, { a = 3 })
  concat     = concat(["x"], var.names)
  lookup     = lookup(local.ports, "ssh", 22)
  json       = jsonencode({ b = [1, true, null], a = "s" })
  decoded    = jsondecode("{\"k\": [1, 2]}").k[1]
  tried      = try(local.ports.ftp, "none")
  can_bad    = can(local.ports.ftp)
  can_good   = can(local.ports.http)
  coalesce   = coalesce("", null, "first")
  formatted  = format("%s=%05.1f", "pi", 3.5)
  joined     = join(",", split("-", "a-b-c"))
  replaced   = replace("a.b.c", ".", "/")
  regex_rep  = replace("v1.2.3", "/[0-9]+/", "N")
  keys       = keys(local.ports)
  values     = values(local.ports)
  flat       = flatten([["a"], [["b"]], "c"])
  distinct   = distinct(["a", "a", "b"])
  contains   = contains(var.names, "c")
  set        = toset(["b", "a", "b"])
  tostr      = tostring(5)
  tonum      = tonumber("42")
  element    = element(var.names, 4)
  cidr       = cidrsubnet("10.0.0.0/16", 8, 3)
  unknown    = var.unset
  partly     = "prefix-${var.unset}-suffix"
  fn_unknown = upper(var.unset)
  ns         = provider::aws::arn_parse("x")
  nested     = { inner = [var.unset, "known"] }
}
"#,
        "test.t",
    );
    assert_eq!(v["arith"], json!(11.5));
    assert_eq!(v["compare"], json!(true));
    assert_eq!(v["cond"], json!("big"));
    assert_eq!(v["tmpl"], json!("x-B-443"));
    assert_eq!(v["heredoc"], json!("line a\n- a\n- b\n- c\nmany\n"));
    assert_eq!(v["list_for"], json!(["0:a", "2:c"]));
    assert_eq!(v["map_for"], json!({"HTTP": 81, "HTTPS": 444}));
    assert_eq!(v["group_for"], json!({"admins": ["x"], "users": ["y"]}));
    assert_eq!(v["splat"], json!(["x", "y"]));
    assert_eq!(v["full_splat"], json!([true, false]));
    assert_eq!(v["merged"], json!({"a": 3, "b": 2}));
    assert_eq!(v["concat"], json!(["x", "a", "b", "c"]));
    assert_eq!(v["lookup"], json!(22));
    assert_eq!(v["json"], json!(r#"{"a":"s","b":[1,true,null]}"#));
    assert_eq!(v["decoded"], json!(2));
    assert_eq!(v["tried"], json!("none"));
    assert_eq!(v["can_bad"], json!(false));
    assert_eq!(v["can_good"], json!(true));
    assert_eq!(v["coalesce"], json!("first"));
    assert_eq!(v["formatted"], json!("pi=003.5"));
    assert_eq!(v["joined"], json!("a,b,c"));
    assert_eq!(v["replaced"], json!("a/b/c"));
    assert_eq!(v["regex_rep"], json!("vN.N.N"));
    assert_eq!(v["keys"], json!(["http", "https"]));
    assert_eq!(v["values"], json!([80, 443]));
    assert_eq!(v["flat"], json!(["a", "b", "c"]));
    assert_eq!(v["distinct"], json!(["a", "b"]));
    assert_eq!(v["contains"], json!(true));
    assert_eq!(v["set"], json!(["a", "b"]));
    assert_eq!(v["tostr"], json!("5"));
    assert_eq!(v["tonum"], json!(42));
    assert_eq!(v["element"], json!("b"));
    assert_eq!(v["cidr"], json!("10.0.3.0/24"));
    // What is not known before apply is its source text.
    assert_eq!(v["unknown"], json!("${var.unset}"));
    assert_eq!(v["partly"], json!("prefix-${var.unset}-suffix"));
    assert_eq!(v["fn_unknown"], json!("${upper(var.unset)}"));
    assert_eq!(v["ns"], json!("${provider::aws::arn_parse(\"x\")}"));
    assert_eq!(v["nested"], json!({"inner": ["${var.unset}", "known"]}));
}

#[test]
fn unknown_count_and_for_each_give_one_unkeyed_instance() {
    let doc = single(
        r#"
resource "aws_s3_bucket" "b" {
  count  = length(data.aws_availability_zones.all.names)
  bucket = "b-${count.index}"
}
resource "aws_s3_bucket" "c" {
  for_each = data.aws_s3_buckets.all.names
  bucket   = each.key
}
resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}
"#,
    );
    let b = resource(&doc, "aws_s3_bucket.b");
    assert_eq!(b.values["bucket"], json!("b-${count.index}"));
    assert!(!b.extra.contains_key("index"));
    let c = resource(&doc, "aws_s3_bucket.c");
    assert_eq!(c.values["bucket"], json!("${each.key}"));
    assert!(!doc.resources.iter().any(|r| r.name == "none"));
}

#[test]
fn dynamic_blocks_expand_and_unknown_ones_still_show_the_block() {
    let v = values_of(
        r#"
variable "rules" {
  type = list(object({ port = number, cidr = optional(string, "10.0.0.0/8") }))
  default = [{ port = 22 }, { port = 443, cidr = "0.0.0.0/0" }]
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      cidr_blocks = [ingress.value.cidr]
      description = "rule ${ingress.key}"
    }
  }
  dynamic "egress" {
    for_each = data.x.y.rules
    content {
      cidr_blocks = ["0.0.0.0/0"]
      to_port     = egress.value.port
    }
  }
}
"#,
        "aws_security_group.sg",
    );
    assert_eq!(
        v["ingress"],
        json!([
            {"from_port": 22, "cidr_blocks": ["10.0.0.0/8"], "description": "rule 0"},
            {"from_port": 443, "cidr_blocks": ["0.0.0.0/0"], "description": "rule 1"}
        ])
    );
    assert_eq!(
        v["egress"],
        json!([{"cidr_blocks": ["0.0.0.0/0"], "to_port": "${egress.value.port}"}])
    );
}

#[test]
fn module_for_each_and_outputs_reach_the_caller() {
    let (docs, diags) = evaluate_files(&[
        (
            "env/main.tf",
            r#"
module "bucket" {
  source   = "../modules/bucket"
  for_each = { logs = "private", site = "public-read" }
  name     = each.key
  acl      = each.value
}
resource "aws_s3_bucket_policy" "site" {
  bucket = module.bucket["site"].id
  policy = "{}"
}
output "names" {
  value = [for b in module.bucket : b.name]
}
"#,
        ),
        (
            "modules/bucket/main.tf",
            r#"
variable "name" {}
variable "acl" { default = "private" }
resource "aws_s3_bucket" "this" {
  bucket = "corp-${var.name}"
}
resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
output "id" { value = aws_s3_bucket.this.id }
output "name" { value = aws_s3_bucket.this.bucket }
"#,
        ),
    ]);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs.len(), 1, "modules/bucket is only called");
    let doc = &docs[0];
    assert_eq!(doc.path, "env");
    let acl = resource(doc, "module.bucket[\"site\"].aws_s3_bucket_acl.this");
    assert_eq!(acl.values["acl"], json!("public-read"));
    assert_eq!(acl.file, "modules/bucket/main.tf");
    assert_eq!(
        acl.references,
        vec!["module.bucket[\"site\"].aws_s3_bucket.this".to_string()]
    );
    assert_eq!(
        resource(doc, "module.bucket[\"logs\"].aws_s3_bucket.this").values["bucket"],
        json!("corp-logs")
    );
    let policy = resource(doc, "aws_s3_bucket_policy.site");
    assert_eq!(
        policy.references,
        vec!["module.bucket[\"site\"].aws_s3_bucket.this".to_string()]
    );
}

#[test]
fn module_cycles_escapes_and_depth_are_bounded_with_diagnostics() {
    let (docs, diags) = evaluate_files(&[
        (
            "a/main.tf",
            "module \"b\" {\n  source = \"../b\"\n}\nresource \"null_resource\" \"a\" {}\n",
        ),
        (
            "b/main.tf",
            "module \"a\" {\n  source = \"../a\"\n}\nresource \"null_resource\" \"b\" {}\n",
        ),
        (
            "c/main.tf",
            "module \"out\" {\n  source = \"../../outside\"\n}\n",
        ),
        (
            "d/main.tf",
            "module \"self\" {\n  source = \"./\"\n}\nresource \"null_resource\" \"d\" {}\n",
        ),
    ]);
    let messages: Vec<String> = diags.iter().map(|d| d.display()).collect();
    assert!(
        messages.iter().any(|m| m.contains("a cycle")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("c/main.tf:1") && m.contains("outside the scanned directory")),
        "{messages:#?}"
    );
    // a and b call each other: neither is a root by calls, so both are evaluated as roots
    // and each stops when the cycle comes back.
    let all: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            d.resources
                .iter()
                .map(|r| format!("{}:{}", d.path, r.address))
        })
        .collect();
    assert!(all.contains(&"a:null_resource.a".to_string()), "{all:?}");
    assert!(
        all.contains(&"a:module.b.null_resource.b".to_string()),
        "{all:?}"
    );
    assert!(all.contains(&"d:null_resource.d".to_string()), "{all:?}");
}

#[test]
fn expansion_and_work_are_bounded() {
    let (docs, diags) = evaluate_files(&[(
        "main.tf",
        r#"
resource "aws_instance" "many" {
  count = 100000000
  ami   = "x"
}
locals {
  l0 = ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]
  l1 = concat(local.l0, local.l0, local.l0, local.l0)
  l2 = concat(local.l1, local.l1, local.l1, local.l1)
  l3 = concat(local.l2, local.l2, local.l2, local.l2)
  l4 = concat(local.l3, local.l3, local.l3, local.l3)
  l5 = concat(local.l4, local.l4, local.l4, local.l4)
  l6 = concat(local.l5, local.l5, local.l5, local.l5)
  l7 = concat(local.l6, local.l6, local.l6, local.l6)
  l8 = concat(local.l7, local.l7, local.l7, local.l7)
  l9 = concat(local.l8, local.l8, local.l8, local.l8)
  la = concat(local.l9, local.l9, local.l9, local.l9)
  lb = concat(local.la, local.la, local.la, local.la)
  lc = concat(local.lb, local.lb, local.lb, local.lb)
  s  = join("", local.lc)
  loop_a = local.loop_b
  loop_b = local.loop_a
}
resource "test" "big" {
  value = length(local.s)
  loop  = local.loop_a
}
"#,
    )]);
    let doc = &docs[0];
    assert_eq!(
        doc.resources.iter().filter(|r| r.name == "many").count(),
        1_000
    );
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("only the first 1000")),
        "{diags:?}"
    );
    // 4^12 copies of an 80-byte string is 1.3 GB: the string limit stops it, and the value
    // is left unknown instead.
    let big = resource(doc, "test.big");
    assert_eq!(big.values["value"], json!("${length(local.s)}"));
    assert_eq!(big.values["loop"], json!("${local.loop_a}"));
}

#[test]
fn files_are_read_inside_the_root_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    std::fs::create_dir_all(root.join("infra/policies")).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "outside").unwrap();
    std::fs::write(
        root.join("infra/policies/s3.json"),
        r#"{"Statement":[{"Action":"s3:*","Resource":"${bucket}"}]}"#,
    )
    .unwrap();
    std::fs::write(
        root.join("infra/policies/s3.json.tpl"),
        r#"{"Statement":[{"Action":"${action}","Resource":"arn:aws:s3:::${bucket}/*"}]}"#,
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("infra/link.txt")).unwrap();
    std::fs::write(
        root.join("infra/main.tf"),
        r#"
resource "aws_iam_policy" "p" {
  raw      = file("${path.module}/policies/s3.json")
  rendered = templatefile("${path.module}/policies/s3.json.tpl", { action = "s3:GetObject", bucket = "b" })
  escape   = file("../../secret.txt")
  absolute = file("/etc/hostname")
  link     = file("${path.module}/link.txt")
  exists   = fileexists("${path.module}/policies/s3.json")
}
"#,
    )
    .unwrap();
    let loader = FsLoader::new(&root).unwrap();
    let (docs, _) = terraform::evaluate_tree(parse_tree(&root), &loader, &Options::default());
    let v = &resource(&docs[0], "aws_iam_policy.p").values;
    assert_eq!(
        v["raw"],
        json!(r#"{"Statement":[{"Action":"s3:*","Resource":"${bucket}"}]}"#)
    );
    assert_eq!(
        v["rendered"],
        json!(r#"{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#)
    );
    assert_eq!(v["escape"], json!("${file(\"../../secret.txt\")}"));
    assert_eq!(v["absolute"], json!("${file(\"/etc/hostname\")}"));
    #[cfg(unix)]
    assert_eq!(v["link"], json!("${file(\"${path.module}/link.txt\")}"));
    assert_eq!(v["exists"], json!(true));
}

#[test]
fn malformed_files_report_file_and_line() {
    let err = terraform::parse_file(
        "infra/bad.tf",
        b"resource \"a\" \"b\" {\n  x = 1\n  y = [1, 2\n}\n",
    )
    .unwrap_err();
    assert_eq!(err.path(), "infra/bad.tf");
    assert_eq!(err.line(), Some(4));
    let d = err.to_diagnostic();
    assert_eq!(d.path.as_deref(), Some("infra/bad.tf"));
    assert_eq!(d.line, Some(4));

    let err = terraform::parse_file("x.tf", b"a = 1\nb = \"\xff\"\n").unwrap_err();
    assert_eq!(err.line(), Some(2));
    let err = terraform::parse_file("x.tfvars.json", b"{\n  \"a\": [1,\n}").unwrap_err();
    assert_eq!(err.line(), Some(3));
    let big = vec![b' '; terraform::MAX_FILE_BYTES + 1];
    assert!(matches!(
        terraform::parse_file("big.tf", &big),
        Err(terraform::TerraformError::TooLarge { .. })
    ));
}

#[test]
fn tfvars_json_sets_typed_variables() {
    let (docs, diags) = evaluate_files(&[
        (
            "main.tf",
            r#"
variable "settings" {
  type = object({ size = number, encrypted = optional(bool, true), tags = optional(map(string)) })
}
variable "n" {
  type = number
}
resource "aws_ebs_volume" "v" {
  size      = var.settings.size * var.n
  encrypted = var.settings.encrypted
  tags      = var.settings.tags
}
"#,
        ),
        (
            "terraform.tfvars.json",
            r#"{"settings": {"size": 10, "ignored": "x"}, "n": "3"}"#,
        ),
    ]);
    assert!(diags.is_empty(), "{diags:?}");
    let v = &resource(&docs[0], "aws_ebs_volume.v").values;
    assert_eq!(v["size"], json!(30));
    assert_eq!(v["encrypted"], json!(true));
    assert_eq!(v["tags"], json!(null));
}

#[test]
fn references_to_expanded_resources_keep_their_instances() {
    let doc = single(
        r#"
resource "aws_subnet" "private" {
  count      = 3
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
resource "aws_instance" "app" {
  count     = 2
  subnet_id = element(aws_subnet.private[*].id, count.index)
}
resource "aws_lb" "main" {
  subnets       = aws_subnet.private[*].id
  subnet_count  = length(aws_subnet.private)
}
"#,
    );
    let app1 = resource(&doc, "aws_instance.app[1]");
    assert_eq!(app1.references, vec!["aws_subnet.private[1]".to_string()]);
    assert_eq!(
        app1.values["subnet_id"],
        json!("${aws_subnet.private[1].id}")
    );
    let lb = resource(&doc, "aws_lb.main");
    assert_eq!(lb.values["subnet_count"], json!(3));
    assert_eq!(
        lb.values["subnets"],
        json!([
            "${aws_subnet.private[0].id}",
            "${aws_subnet.private[1].id}",
            "${aws_subnet.private[2].id}"
        ])
    );
    assert_eq!(lb.references.len(), 3);
}

#[test]
fn registry_modules_installed_by_terraform_init_are_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("live/.terraform/modules/vpc")).unwrap();
    std::fs::write(
        root.join("live/main.tf"),
        "module \"vpc\" {\n  source  = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.8.1\"\n  cidr    = \"10.9.0.0/16\"\n}\nmodule \"other\" {\n  source = \"git::https://example.invalid/x.git\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("live/.terraform/modules/modules.json"),
        r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.8.1","Dir":".terraform/modules/vpc"}]}"#,
    )
    .unwrap();
    std::fs::write(
        root.join("live/.terraform/modules/vpc/main.tf"),
        "variable \"cidr\" {}\nresource \"aws_vpc\" \"this\" {\n  cidr_block = var.cidr\n}\n",
    )
    .unwrap();
    let loader = FsLoader::new(root).unwrap();
    let (docs, diags) = terraform::evaluate_tree(parse_tree(root), &loader, &Options::default());
    assert_eq!(
        docs.len(),
        1,
        "the installed copy is not a root of its own: {docs:#?}"
    );
    let vpc = resource(&docs[0], "module.vpc.aws_vpc.this");
    assert_eq!(vpc.values["cidr_block"], json!("10.9.0.0/16"));
    assert_eq!(vpc.file, "live/.terraform/modules/vpc/main.tf");
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("where `terraform init` installed it")),
        "{diags:?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("\"other\"") && d.message.contains("not fetched")),
        "{diags:?}"
    );
}
