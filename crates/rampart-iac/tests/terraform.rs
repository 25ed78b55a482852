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

    // A public access block that names its buckets through an expression refers to them.
    let pab = resource(doc, "aws_s3_bucket_public_access_block.logs");
    assert_eq!(pab.values["block_public_policy"], json!(true));
    assert!(
        pab.references
            .contains(&"aws_s3_bucket.logs[\"audit\"]".to_string())
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
