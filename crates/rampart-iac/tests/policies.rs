//! The built-in policy library's own tests: every policy's metadata is valid and every one of
//! its `examples` behaves (`fail` gives a result of that policy, `pass` none), parsed by the
//! real parser of the policy's first kind.
//!
//! `RAMPART_POLICY_FILTER=aws cargo test -p rampart-iac --test policies` checks only policies
//! whose path contains `aws`.

use std::collections::BTreeSet;

use rampart_iac::examples::check_policy;
use rampart_iac::policy::PolicySet;

fn filter() -> Option<String> {
    std::env::var("RAMPART_POLICY_FILTER")
        .ok()
        .filter(|f| !f.is_empty())
}

fn selected(set: &PolicySet) -> Vec<usize> {
    let f = filter();
    (0..set.policies.len())
        .filter(|&i| {
            f.as_deref()
                .is_none_or(|f| set.policies[i].file.contains(f))
        })
        .collect()
}

#[test]
fn every_policy_loads_with_valid_metadata() {
    let (set, errors) = PolicySet::builtin();
    let f = filter();
    let mut problems: Vec<String> = errors
        .iter()
        .filter(|e| f.as_deref().is_none_or(|f| e.file().contains(f)))
        .map(|e| e.to_string())
        .collect();
    let mut seen = BTreeSet::new();
    for i in selected(&set) {
        let p = &set.policies[i];
        let c = &p.meta.custom;
        let at = &p.file;
        if !seen.insert(c.id.clone()) {
            problems.push(format!("{at}: id `{}` used twice", c.id));
        }
        if let Err(e) = p.rule.validate() {
            problems.push(format!("{at}: {e}"));
        }
        if c.cwe.is_empty() {
            problems.push(format!("{at}: no cwe"));
        }
        if c.examples.fail.is_empty() || c.examples.pass.is_empty() {
            problems.push(format!(
                "{at}: needs at least one fail and one pass example"
            ));
        }
        if p.meta.description.trim().is_empty() {
            problems.push(format!("{at}: no description"));
        }
        if c.remediation.trim().is_empty() {
            problems.push(format!("{at}: no remediation"));
        }
        let stem = at
            .rsplit('/')
            .next()
            .unwrap_or(at)
            .trim_end_matches(".rego");
        if !p.package.ends_with(&format!(".{stem}")) {
            problems.push(format!(
                "{at}: package `{}` should end with the file name `.{stem}`",
                p.package
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_policy_example_behaves() {
    let (set, _) = PolicySet::builtin();
    let mut failures = Vec::new();
    let chosen = selected(&set);
    for &i in &chosen {
        failures.extend(check_policy(&set, i));
    }
    eprintln!("checked the examples of {} policies", chosen.len());
    assert!(
        failures.is_empty(),
        "{} example failure(s):\n{}",
        failures.len(),
        failures
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The issue asks for at least 300 built-in policies.
#[test]
fn library_has_at_least_300_policies() {
    let (set, _) = PolicySet::builtin();
    assert!(
        set.policies.len() >= 300,
        "only {} built-in policies",
        set.policies.len()
    );
}
