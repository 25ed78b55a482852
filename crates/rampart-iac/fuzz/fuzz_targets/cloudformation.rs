//! CloudFormation templates (YAML with short-form tags, and JSON) through intrinsic evaluation.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rampart_iac::DocumentKind;
use rampart_iac::parse::parse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse(DocumentKind::Cloudformation, "template.yaml", &text);
    let _ = parse(DocumentKind::Cloudformation, "template.json", &text);
});
