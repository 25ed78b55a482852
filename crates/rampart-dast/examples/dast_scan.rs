//! Runs the DAST engine on one URL and prints what the benchmark scores, as JSON lines:
//! `{"rule": …, "path": …, "param": …}` per finding, then `{"requests": …, "seconds": …}`.
//!
//! `cargo run --release -p rampart-dast --example dast_scan -- URL [--allow-destructive]`

use rampart_core::Location;
use rampart_dast::{DastConfig, run};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: dast_scan URL [--allow-destructive] [--no-llm]");
        std::process::exit(2);
    };
    let mut cfg = DastConfig::new(url);
    for a in args {
        match a.as_str() {
            "--allow-destructive" => cfg.allow_destructive = true,
            "--no-llm" => cfg.llm = false,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let report = match run(cfg, None, None) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    for f in &report.findings {
        if let Location::Url { url, parameter, .. } = &f.locations[0] {
            let path = url::Url::parse(url)
                .map(|u| u.path().to_string())
                .unwrap_or_default();
            println!(
                "{}",
                serde_json::json!({"rule": f.rule_id, "path": path, "param": parameter.clone().unwrap_or_default()})
            );
        }
    }
    println!(
        "{}",
        serde_json::json!({"requests": report.stats.requests, "seconds": report.stats.duration.as_secs_f64()})
    );
}
