//! Time spent per built-in rule on a directory of Python files (single thread), to find the
//! expensive rules: `cargo run --release -p rampart-sast --example rule_profile -- DIR`.
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "py")
                && let Ok(s) = std::fs::read_to_string(&p)
            {
                files.push((p.display().to_string(), s));
            }
        }
    }
    let loaded = rampart_sast::builtin_rules();
    let t0 = Instant::now();
    let all = rampart_sast::Engine::new(rampart_sast::builtin_rules().rules);
    let mut n = 0;
    for (p, s) in &files {
        n += all.scan_source(p, s).len();
    }
    println!(
        "all rules: {:?} for {} files, {n} matches",
        t0.elapsed(),
        files.len()
    );
    if std::env::var_os("ALL_ONLY").is_some() {
        return;
    }
    let t1 = Instant::now();
    for (p, s) in &files {
        if let Some(tree) = rampart_sast::ast::parse(rampart_sast::lang::python(), s) {
            std::hint::black_box(rampart_sast::matcher::Target::new(
                rampart_sast::lang::python(),
                &tree,
            ));
        }
        let _ = p;
    }
    println!("parse only: {:?}", t1.elapsed());
    let mut times = Vec::new();
    for r in loaded.rules {
        let id = r.rule.id.clone();
        let e = rampart_sast::Engine::new(vec![r]);
        let t = Instant::now();
        let mut m = 0;
        for (p, s) in &files {
            m += e.scan_source(p, s).len();
        }
        times.push((t.elapsed(), id, m));
    }
    times.sort_by_key(|t| std::cmp::Reverse(t.0));
    for (t, id, m) in times.iter().take(25) {
        println!("{t:>12.3?} {m:>5} {id}");
    }
}
