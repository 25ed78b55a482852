//! Prints what the models scanner finds in each file given: `cargo run --example models_scan -- FILE...`
//! (used by the benchmark in docs/BENCHMARKS.md; the real CLI is `rampart models`).

fn main() {
    let s = rampart_models::ModelsScanner::default();
    let mut n = 0usize;
    for arg in std::env::args().skip(1) {
        let mut paths = vec![std::path::PathBuf::from(&arg)];
        while let Some(p) = paths.pop() {
            if p.is_dir() {
                if let Ok(rd) = std::fs::read_dir(&p) {
                    paths.extend(rd.flatten().map(|e| e.path()));
                }
                continue;
            }
            let name = p.to_string_lossy().into_owned();
            match s.analyze_path(&p, &name) {
                Ok(r) => {
                    n += 1;
                    println!("{name}: formats={}", r.formats.join(","));
                    for i in &r.issues {
                        let m = if i.member.is_empty() {
                            String::new()
                        } else {
                            format!(" [{}]", i.member)
                        };
                        println!("{name}{m}: {} {}", i.rule, i.message);
                    }
                    for note in &r.notes {
                        println!("{name}: note: {note}");
                    }
                }
                Err(e) => eprintln!("{name}: {e}"),
            }
        }
    }
    eprintln!("{n} files scanned");
}
