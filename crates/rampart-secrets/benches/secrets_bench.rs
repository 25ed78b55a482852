//! Throughput and history benchmarks (a plain binary: `harness = false`). Figures go to
//! docs/BENCHMARKS.md; see the "Secrets" section there for the exact commands.
//!
//!   cargo bench -p rampart-secrets --bench secrets_bench -- scan DIR [--threads N] [--json OUT]
//!   cargo bench -p rampart-secrets --bench secrets_bench -- git REPO
//!   cargo bench -p rampart-secrets --bench secrets_bench -- startup

use std::path::PathBuf;
use std::time::Instant;

use rampart_core::scanner::{ScanContext, ScanOptions};
use rampart_core::{Scanner, walk};
use rampart_secrets::{GitScanOptions, SecretsConfig, SecretsScanner, scan_git_history_with_stats};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mode = args.first().map(String::as_str).unwrap_or("");
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    match mode {
        "scan" => {
            let Some(dir) = args.get(1) else {
                return usage();
            };
            let threads: usize = opt("--threads").and_then(|t| t.parse().ok()).unwrap_or(0);
            let t0 = Instant::now();
            let disabled: Vec<String> = opt("--disable")
                .map(|d| d.split(',').map(str::to_string).collect())
                .unwrap_or_default();
            let cfg = SecretsConfig {
                disabled_rules: disabled,
                ..SecretsConfig::default()
            };
            let scanner = SecretsScanner::new(cfg).expect("rules load");
            let build = t0.elapsed();
            let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(scanner)];
            let ctx = ScanContext {
                root: PathBuf::from(dir),
                options: ScanOptions {
                    threads,
                    max_file_size: u64::MAX,
                    ..ScanOptions::default()
                },
            };
            let excludes = walk::build_excludes(&[]).expect("no excludes");
            let t1 = Instant::now();
            let result = walk::scan_tree(&ctx, &scanners, &excludes, &|_| {}).expect("scan");
            let secs = t1.elapsed().as_secs_f64();
            let mb = result.stats.bytes_scanned as f64 / (1024.0 * 1024.0);
            println!(
                "{{\"threads\": {threads}, \"files\": {}, \"mib\": {mb:.1}, \"seconds\": {secs:.3}, \"mib_per_s\": {:.1}, \"findings\": {}, \"locations\": {}, \"rule_load_ms\": {}}}",
                result.stats.files_scanned,
                mb / secs,
                result.findings.len(),
                result
                    .findings
                    .iter()
                    .map(|f| f.locations.len())
                    .sum::<usize>(),
                build.as_millis()
            );
            if let Some(out) = opt("--json") {
                let json = serde_json::to_string(&result).expect("serialize");
                std::fs::write(out, json).expect("write json");
            }
        }
        "git" => {
            let Some(repo) = args.get(1) else {
                return usage();
            };
            let scanner = SecretsScanner::new(SecretsConfig::default()).expect("rules load");
            let t = Instant::now();
            let (out, stats) = scan_git_history_with_stats(
                &scanner,
                std::path::Path::new(repo),
                &GitScanOptions::default(),
            )
            .expect("git scan");
            let secs = t.elapsed().as_secs_f64();
            println!(
                "{{\"commits\": {}, \"blobs\": {}, \"mib\": {:.1}, \"seconds\": {secs:.3}, \"blobs_per_s\": {:.0}, \"mib_per_s\": {:.1}, \"findings\": {}}}",
                stats.commits,
                stats.blobs,
                stats.bytes as f64 / 1048576.0,
                stats.blobs as f64 / secs,
                stats.bytes as f64 / 1048576.0 / secs,
                out.findings.len()
            );
        }
        "profile" => {
            // Time of each rule alone over every file of DIR (in memory), slowest first.
            let Some(dir) = args.get(1) else {
                return usage();
            };
            let mut files = Vec::new();
            let mut stack = vec![PathBuf::from(dir)];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if let Ok(b) = std::fs::read(&p) {
                        files.push(b);
                    }
                }
            }
            let full = rampart_secrets::engine::Engine::new(
                rampart_secrets::rules::builtin_rules().expect("rules"),
            )
            .expect("engine");
            let t = Instant::now();
            let n: usize = files.iter().map(|f| full.keyword_hits(f)).sum();
            println!(
                "keyword pass (overlapping, all rules): {:.3}s, {n} hits",
                t.elapsed().as_secs_f64()
            );
            let t = Instant::now();
            let n: usize = files
                .iter()
                .map(|f| rampart_secrets::decode::find_blobs(f, 4096).len())
                .sum();
            println!("blob finder: {:.3}s, {n} blobs", t.elapsed().as_secs_f64());
            let t = Instant::now();
            let n: usize = files
                .iter()
                .map(|f| {
                    full.scan(f, rampart_secrets::engine::ScanHints { path: "x" })
                        .len()
                })
                .sum();
            println!(
                "full engine scan (no decoding): {:.3}s, {n} matches",
                t.elapsed().as_secs_f64()
            );
            let scanner = SecretsScanner::new(SecretsConfig::default()).expect("rules");
            let t = Instant::now();
            let n: usize = files.iter().map(|f| scanner.hits(f, "x").len()).sum();
            println!(
                "scanner hits (with decoding): {:.3}s, {n} hits",
                t.elapsed().as_secs_f64()
            );
            let all = rampart_secrets::rules::builtin_rules().expect("rules");
            let ids: Vec<String> = all.iter().map(|r| r.rule.id.clone()).collect();
            let mut times = Vec::new();
            for id in &ids {
                let mut rules = rampart_secrets::rules::builtin_rules().expect("rules");
                rules.retain(|r| &r.rule.id == id);
                let engine = rampart_secrets::engine::Engine::new(rules).expect("engine");
                let t = Instant::now();
                let mut n = 0;
                for f in &files {
                    n += engine
                        .scan(f, rampart_secrets::engine::ScanHints { path: "x" })
                        .len();
                }
                times.push((t.elapsed().as_secs_f64(), id.clone(), n));
            }
            times.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (t, id, n) in times.iter().take(25) {
                println!("{t:.3}s {id} ({n} matches)");
            }
            println!("total {:.3}s", times.iter().map(|t| t.0).sum::<f64>());
        }
        "startup" => {
            let t = Instant::now();
            let scanner = SecretsScanner::new(SecretsConfig::default()).expect("rules load");
            let load = t.elapsed();
            let t = Instant::now();
            for r in scanner.engine().rules() {
                let _ = r.regex();
            }
            println!(
                "{{\"rules\": {}, \"load_ms\": {:.1}, \"compile_all_ms\": {:.1}}}",
                scanner.engine().rules().len(),
                load.as_secs_f64() * 1e3,
                t.elapsed().as_secs_f64() * 1e3
            );
        }
        _ => usage(),
    }
}

fn usage() {
    eprintln!("usage: secrets_bench scan DIR [--threads N] [--json OUT] | git REPO | startup");
}
