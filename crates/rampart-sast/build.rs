//! Embeds the built-in rule pack: writes `builtin_rules.rs` with an `include_str!` for every
//! `rules/<language>/*.yaml`, so adding a rule file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let rules = Path::new(&manifest).join("rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    let mut files = Vec::new();
    if let Ok(langs) = std::fs::read_dir(&rules) {
        for lang in langs.flatten() {
            let dir = lang.path();
            if !dir.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", dir.display());
            if let Ok(entries) = std::fs::read_dir(&dir) {
                for e in entries.flatten() {
                    let p = e.path();
                    let is_yaml =
                        matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml"));
                    if is_yaml {
                        files.push(p);
                    }
                }
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// `(path relative to rules/, YAML text)` of every built-in rule file.\npub static BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        let rel = f
            .strip_prefix(&rules)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let _ = writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        );
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let _ = std::fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out);
}
