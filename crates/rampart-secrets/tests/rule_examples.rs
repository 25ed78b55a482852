//! Every built-in rule: valid metadata, enough examples, and every example behaves as declared.

use rampart_secrets::rules::builtin_rules;
use rampart_secrets::{SecretsConfig, SecretsScanner};

#[test]
fn every_rule_example_behaves() {
    let rules = builtin_rules().unwrap_or_else(|e| panic!("built-in rules do not load: {e}"));
    let scanner = SecretsScanner::new(SecretsConfig::default()).expect("scanner");
    let engine = scanner.engine();
    let mut failures = Vec::new();
    for r in &rules {
        let id = &r.rule.id;
        if let Err(e) = r.rule.validate() {
            failures.push(format!("{id}: invalid metadata: {e}"));
        }
        if r.spec.positive.len() < 2 {
            failures.push(format!(
                "{id}: needs >= 2 positive examples, has {}",
                r.spec.positive.len()
            ));
        }
        if r.spec.negative.is_empty() {
            failures.push(format!("{id}: needs >= 1 negative example"));
        }
        if r.spec.remediation.trim().is_empty() {
            failures.push(format!("{id}: no remediation"));
        }
        if r.spec.references.is_empty() {
            failures.push(format!("{id}: no references"));
        }
        for (i, p) in r.spec.positive.iter().enumerate() {
            let hits = scanner.hits(p.as_bytes(), "example.txt");
            if !hits.iter().any(|h| &engine.rules()[h.rule].rule.id == id) {
                let others: Vec<_> = hits
                    .iter()
                    .map(|h| engine.rules()[h.rule].rule.id.clone())
                    .collect();
                failures.push(format!(
                    "{id}: positive[{i}] does not fire (other rules: {others:?}): {p}"
                ));
            }
        }
        for (i, n) in r.spec.negative.iter().enumerate() {
            let hits = scanner.hits(n.as_bytes(), "example.txt");
            if hits.iter().any(|h| &engine.rules()[h.rule].rule.id == id) {
                failures.push(format!("{id}: negative[{i}] fires: {n}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn at_least_200_rules() {
    let rules = builtin_rules().expect("rules load");
    assert!(rules.len() >= 200, "only {} built-in rules", rules.len());
}
