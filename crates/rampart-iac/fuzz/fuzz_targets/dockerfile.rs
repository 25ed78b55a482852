//! The Dockerfile parser (directives, continuations, heredocs, flags, stages, substitution) and
//! its conftest view.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rampart_iac::DocumentKind;
use rampart_iac::parse::parse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse(DocumentKind::Dockerfile, "Dockerfile", &text);
    let _ = rampart_iac::user::dockerfile_input(&text);
});
