//! The built-in rule pack: every rule loads, maps to valid rampart metadata, and passes its own
//! annotated test file.
use std::path::Path;

#[test]
fn builtin_pack_loads_without_errors() {
    let l = rampart_sast::builtin_rules();
    assert!(
        l.errors.is_empty(),
        "rule errors:\n{}",
        l.errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    for r in &l.rules {
        assert!(r.rule.id.starts_with("py/"), "{}", r.rule.id);
        assert!(r.rule.validate().is_ok());
    }
    let scanner =
        rampart_sast::SastScanner::new(&rampart_sast::SastConfig::default()).expect("builtin pack");
    assert_eq!(rampart_core::Scanner::rules(&scanner).len(), l.rules.len());
}

#[test]
fn builtin_pack_rule_tests_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/python");
    if !dir.exists() {
        return;
    }
    let report = rampart_sast::run_rule_tests(&dir).expect("rules dir");
    assert!(report.is_ok(), "{}", report.render());
}
