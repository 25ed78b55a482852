//! Prints the inventory of every lockfile under a folder: `cargo run -p rampart-sca --example
//! inventory_dump -- PATH`. A debugging aid for fixtures; the CLI is `rampart sbom`.

use std::path::Path;

fn visit(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            visit(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let root = Path::new(&root);
    let ctx = rampart_core::ScanContext::new(root);
    let mut files = Vec::new();
    visit(root, &mut files);
    files.sort();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let Some(fmt) = rampart_sca::inventory::detect(&rel) else {
            continue;
        };
        let content = std::fs::read(&f).unwrap_or_default();
        match rampart_sca::inventory::parse_detailed(fmt, &ctx, &rel, &f, &content) {
            Ok(inv) => {
                println!("== {rel} ({}) skipped={}", fmt.name(), inv.skipped);
                for p in inv.packages {
                    println!(
                        "  {:?} {} {} {} direct={} {:?} line={:?} paths={:?}",
                        p.ecosystem, p.name, p.version, p.purl, p.direct, p.scope, p.line, p.paths
                    );
                }
            }
            Err(e) => println!("== {rel}: ERROR {e}"),
        }
    }
}
