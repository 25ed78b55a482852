//! Real-world check, run by hand on public module repositories checked out under one
//! directory (not committed):
//!
//! ```sh
//! RAMPART_TF_CORPUS=/tmp/tfcorpus cargo test -p rampart-iac --test terraform_corpus -- --ignored --nocapture
//! ```
//!
//! Every Terraform file must parse, and every root module must evaluate without an error
//! diagnostic.

use std::path::Path;

use rampart_core::scanner::DiagnosticLevel;
use rampart_iac::terraform::{self, FileKind, FsLoader, Options};

fn files_under(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n == ".terraform" || n == ".git")
            {
                continue;
            }
            files_under(root, &p, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if FileKind::of(&rel).is_some() {
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
}

#[test]
#[ignore = "needs RAMPART_TF_CORPUS: a directory of checked-out Terraform repositories"]
fn every_file_of_real_module_repositories_parses_and_evaluates() {
    let corpus = std::env::var("RAMPART_TF_CORPUS").expect("RAMPART_TF_CORPUS");
    let mut repos: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    repos.sort();
    let mut failures = Vec::new();
    for repo in repos {
        let mut raw = Vec::new();
        files_under(&repo, &repo, &mut raw);
        let mut parsed = Vec::new();
        for (rel, bytes) in &raw {
            match terraform::parse_file(rel, bytes) {
                Ok(f) => parsed.push(f),
                Err(e) => failures.push(format!("{}: {e}", repo.display())),
            }
        }
        for (rel, bytes) in raw.iter().filter(|(r, _)| r.ends_with(".tf")) {
            if let Err(e) = terraform::conftest_json(rel, bytes) {
                failures.push(format!("{}: conftest view: {e}", repo.display()));
            }
        }
        let loader = FsLoader::new(&repo).unwrap();
        let (docs, diags) = terraform::evaluate_tree(parsed, &loader, &Options::default());
        let resources: usize = docs.iter().map(|d| d.resources.len()).sum();
        let mut unknown = 0usize;
        let mut values = 0usize;
        for r in docs.iter().flat_map(|d| &d.resources) {
            count_values(&r.values, &mut values, &mut unknown);
        }
        if std::env::var_os("RAMPART_TF_CORPUS_UNKNOWN").is_some() {
            let mut texts: std::collections::BTreeMap<String, usize> = Default::default();
            for r in docs.iter().flat_map(|d| &d.resources) {
                collect_unknown(&r.values, &mut texts);
            }
            let mut top: Vec<_> = texts.into_iter().collect();
            top.sort_by_key(|t| std::cmp::Reverse(t.1));
            for (t, n) in top.iter().take(40) {
                println!("    {n:5} {}", t.chars().take(120).collect::<String>());
            }
        }
        let level = |l: DiagnosticLevel| diags.iter().filter(|d| d.level == l).count();
        println!(
            "{}: {} files, {} root modules, {} resources, {} attribute values ({} unknown), diagnostics: {} error, {} warning, {} note",
            repo.file_name().unwrap().to_string_lossy(),
            raw.len(),
            docs.len(),
            resources,
            values,
            unknown,
            level(DiagnosticLevel::Error),
            level(DiagnosticLevel::Warning),
            level(DiagnosticLevel::Note),
        );
        for d in diags.iter().filter(|d| d.level != DiagnosticLevel::Note) {
            println!("  {}", d.display());
            if d.level == DiagnosticLevel::Error {
                failures.push(d.display());
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn count_values(v: &serde_json::Value, total: &mut usize, unknown: &mut usize) {
    match v {
        serde_json::Value::Object(m) => m.values().for_each(|v| count_values(v, total, unknown)),
        serde_json::Value::Array(a) => a.iter().for_each(|v| count_values(v, total, unknown)),
        serde_json::Value::String(s) => {
            *total += 1;
            if s.starts_with("${") {
                *unknown += 1;
            }
        }
        _ => *total += 1,
    }
}

fn collect_unknown(v: &serde_json::Value, out: &mut std::collections::BTreeMap<String, usize>) {
    match v {
        serde_json::Value::Object(m) => m.values().for_each(|v| collect_unknown(v, out)),
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_unknown(v, out)),
        serde_json::Value::String(s) if s.starts_with("${") => {
            let head = s
                .split(['.', '[', '('])
                .take(2)
                .collect::<Vec<_>>()
                .join(".");
            *out.entry(head).or_default() += 1;
        }
        _ => {}
    }
}
