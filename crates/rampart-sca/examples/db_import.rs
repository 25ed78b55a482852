//! `cargo run --release -p rampart-sca --example db_import -- SRC DBDIR`: imports OSV data the
//! way `rampart db import` does and prints per-ecosystem counts, the time and the index sizes
//! (the benchmark in docs/BENCHMARKS.md; run it under `/usr/bin/time -v` for peak memory).

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(src), Some(db)) = (args.next(), args.next()) else {
        eprintln!("usage: db_import SRC DBDIR");
        std::process::exit(2);
    };
    let (src, db) = (PathBuf::from(src), PathBuf::from(db));
    let started = Instant::now();
    match rampart_sca::db::import::import(&src, &db) {
        Ok(stats) => {
            let secs = started.elapsed().as_secs_f64();
            let mut total = 0;
            for (eco, s) in &stats {
                println!("{eco}: {} advisories ({} records)", s.advisories, s.records);
                total += s.records;
            }
            let size: u64 = std::fs::read_dir(&db)
                .map(|d| {
                    d.filter_map(Result::ok)
                        .filter_map(|e| e.metadata().ok())
                        .map(|m| m.len())
                        .sum()
                })
                .unwrap_or(0);
            println!("{total} records in {secs:.2} s; database {size} bytes");
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
