//! Every rule fires on at least one input (positive example); the benign fixtures check the
//! negative side (`fixtures.rs`).

use std::collections::BTreeSet;
use std::path::Path;

use rampart_models::ModelsScanner;

#[test]
fn every_rule_has_a_positive_example() {
    let s = ModelsScanner::default();
    let mut hit = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let name = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            for i in s.analyze_path(&p, &name).unwrap().issues {
                hit.insert(i.rule);
            }
        }
    }
    // STACK_GLOBAL whose module comes from a call result.
    let dynamic = b"\x80\x04cbuiltins\nstr\n(X\x02\x00\x00\x00ostR\x8c\x06system\x93)R.";
    let r = s.analyze_bytes("dyn.pkl", dynamic);
    assert!(
        r.issues
            .iter()
            .any(|i| i.rule == "models/pickle-dynamic-import"
                && i.message.contains("builtins.str(\"os\")")),
        "{:?}",
        r.issues
    );
    hit.extend(r.issues.iter().map(|i| i.rule));
    // GGUF whose metadata count runs past the end.
    let mut gguf = b"GGUF\x03\x00\x00\x00".to_vec();
    gguf.extend(0u64.to_le_bytes());
    gguf.extend(1_000_000u64.to_le_bytes());
    let r = s.analyze_bytes("bad.gguf", &gguf);
    hit.extend(r.issues.iter().map(|i| i.rule));
    // An archive past the member limit.
    let small = ModelsScanner::new(rampart_models::ModelsConfig {
        max_archive_members: Some(1),
        ..Default::default()
    })
    .unwrap();
    let r = small
        .analyze_path(&root.join("benign/dense.keras"), "dense.keras")
        .unwrap();
    hit.extend(r.issues.iter().map(|i| i.rule));
    let missing: Vec<String> = rampart_models::rules::all()
        .into_iter()
        .map(|r| r.id)
        .filter(|id| !hit.contains(id.as_str()))
        .collect();
    assert!(missing.is_empty(), "rules never triggered: {missing:?}");
}
