//! Inventory parse-time benchmark.
//!
//! `cargo bench -p rampart-sca --bench inventory` generates, in a temporary folder, a
//! package-lock.json v3 of 5,000 packages, a requirements.txt of 5,000 pins with hashes, a
//! Cargo.lock of 5,000 crates, and a monorepo of 200 lockfiles (package-lock, yarn.lock,
//! requirements, Cargo.lock, go.mod in rotation, 100 packages each), then reports the median
//! wall time of parsing each over several runs.
//!
//! `cargo bench -p rampart-sca --bench inventory -- --write DIR` only writes those files to
//! DIR (for whole-process scan benchmarks).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rampart_core::ScanContext;
use rampart_sca::inventory;

/// A deterministic pseudo-random sequence (xorshift), so every run builds the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Some real names (with versions that have advisories) so that scans of these files match.
const REAL_NPM: [(&str, &str); 4] = [
    ("lodash", "4.17.20"),
    ("minimist", "1.2.0"),
    ("@babel/traverse", "7.22.0"),
    ("node-fetch", "2.6.0"),
];
const REAL_PYPI: [(&str, &str); 4] = [
    ("jinja2", "2.10"),
    ("pyyaml", "5.3"),
    ("requests", "2.25.0"),
    ("urllib3", "1.24.1"),
];

fn npm_lock(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let names: Vec<(String, String)> = (0..n)
        .map(|i| match REAL_NPM.get(i) {
            Some((a, v)) => (a.to_string(), v.to_string()),
            None => (
                format!("pkg-{seed}-{i:05}"),
                format!("{}.{}.{}", rng.below(20), rng.below(30), rng.below(10)),
            ),
        })
        .collect();
    let mut s = String::from(
        "{\n  \"name\": \"bench\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"bench\",\n      \"version\": \"1.0.0\",\n      \"dependencies\": {\n",
    );
    let direct = (n / 20).max(1);
    for (i, (name, v)) in names.iter().take(direct).enumerate() {
        let comma = if i + 1 < direct { "," } else { "" };
        let _ = writeln!(s, "        \"{name}\": \"^{v}\"{comma}");
    }
    s.push_str("      }\n    }");
    for (i, (name, v)) in names.iter().enumerate() {
        let _ = write!(
            s,
            ",\n    \"node_modules/{name}\": {{\n      \"version\": \"{v}\",\n      \"resolved\": \"https://registry.npmjs.org/{name}/-/{name}-{v}.tgz\",\n      \"integrity\": \"sha512-{:016x}{:016x}\",\n      \"license\": \"MIT\"",
            rng.next(),
            rng.next()
        );
        if i + 1 < n {
            s.push_str(",\n      \"dependencies\": {\n");
            let k = 1 + rng.below(4);
            for j in 0..k {
                let t = i + 1 + rng.below(n - i - 1);
                let comma = if j + 1 < k { "," } else { "" };
                let _ = writeln!(s, "        \"{}\": \"*\"{comma}", names[t].0);
            }
            s.push_str("      }");
        }
        s.push_str("\n    }");
    }
    s.push_str("\n  }\n}\n");
    s
}

fn requirements(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::new();
    for i in 0..n {
        let (name, v) = match REAL_PYPI.get(i) {
            Some((a, v)) => (a.to_string(), v.to_string()),
            None => (
                format!("pkg-{seed}-{i:05}"),
                format!("{}.{}.{}", rng.below(20), rng.below(30), rng.below(10)),
            ),
        };
        let _ = writeln!(
            s,
            "{name}=={v} \\\n    --hash=sha256:{:016x}{:016x}{:016x}{:016x}",
            rng.next(),
            rng.next(),
            rng.next(),
            rng.next()
        );
        if i % 3 == 0 {
            s.push_str("    # via -r requirements.in\n");
        }
    }
    s
}

fn cargo_lock(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::from(
        "version = 4\n\n[[package]]\nname = \"bench\"\nversion = \"0.1.0\"\ndependencies = [\n",
    );
    for i in 0..(n / 20).max(1) {
        let _ = writeln!(s, " \"crate-{seed}-{i:05}\",");
    }
    s.push_str("]\n");
    for i in 0..n {
        let _ = write!(
            s,
            "\n[[package]]\nname = \"crate-{seed}-{i:05}\"\nversion = \"{}.{}.{}\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"{:016x}{:016x}\"\n",
            rng.below(5),
            rng.below(30),
            rng.below(10),
            rng.next(),
            rng.next()
        );
        if i + 1 < n {
            s.push_str("dependencies = [\n");
            for _ in 0..1 + rng.below(3) {
                let _ = writeln!(s, " \"crate-{seed}-{:05}\",", i + 1 + rng.below(n - i - 1));
            }
            s.push_str("]\n");
        }
    }
    s
}

fn yarn_lock(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::from("# yarn lockfile v1\n\n");
    for i in 0..n {
        let v = format!("{}.{}.{}", rng.below(20), rng.below(30), rng.below(10));
        let _ = write!(
            s,
            "\"ypkg-{seed}-{i:05}@^{v}\":\n  version \"{v}\"\n  resolved \"https://registry.yarnpkg.com/x/-/x-{v}.tgz\"\n  integrity sha512-{:016x}\n",
            rng.next()
        );
        s.push('\n');
    }
    s
}

fn go_mod(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::from("module example.com/bench\n\ngo 1.21\n\nrequire (\n");
    for i in 0..n {
        let ind = if i % 2 == 0 { " // indirect" } else { "" };
        let _ = writeln!(
            s,
            "\tgithub.com/bench{seed}/mod{i:05} v{}.{}.{}{ind}",
            rng.below(5),
            rng.below(30),
            rng.below(10)
        );
    }
    s.push_str(")\n");
    s
}

/// Writes the benchmark inputs; returns (label, files) groups.
fn write_inputs(dir: &Path) -> Vec<(&'static str, Vec<PathBuf>)> {
    let w = |rel: &str, text: String| -> PathBuf {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write");
        p
    };
    let mut groups = vec![
        (
            "package-lock.json v3, 5,000 packages",
            vec![w("big/npm/package-lock.json", npm_lock(5000, 1))],
        ),
        (
            "requirements.txt, 5,000 pins with hashes",
            vec![w("big/pip/requirements.txt", requirements(5000, 2))],
        ),
        (
            "Cargo.lock, 5,000 crates",
            vec![w("big/cargo/Cargo.lock", cargo_lock(5000, 3))],
        ),
    ];
    let mut mono = Vec::new();
    for i in 0..200u64 {
        let seed = 100 + i;
        let f = match i % 5 {
            0 => w(
                &format!("monorepo/svc{i:03}/package-lock.json"),
                npm_lock(100, seed),
            ),
            1 => w(
                &format!("monorepo/svc{i:03}/yarn.lock"),
                yarn_lock(100, seed),
            ),
            2 => w(
                &format!("monorepo/svc{i:03}/requirements.txt"),
                requirements(100, seed),
            ),
            3 => w(
                &format!("monorepo/svc{i:03}/Cargo.lock"),
                cargo_lock(100, seed),
            ),
            _ => w(&format!("monorepo/svc{i:03}/go.mod"), go_mod(100, seed)),
        };
        mono.push(f);
    }
    groups.push(("monorepo: 200 lockfiles x 100 packages (5 formats)", mono));
    groups
}

fn parse_all(root: &Path, files: &[PathBuf]) -> (usize, usize) {
    let ctx = ScanContext::new(root);
    let mut pkgs = 0;
    let mut bytes = 0;
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let fmt = inventory::detect(&rel).expect("detected");
        let content = std::fs::read(f).expect("read");
        bytes += content.len();
        pkgs += inventory::parse(fmt, &ctx, &rel, f, &content)
            .expect("parses")
            .len();
    }
    (pkgs, bytes)
}

/// User + system CPU time of this process so far (Linux `/proc/self/stat`, clock ticks of
/// 10 ms); less disturbed than wall time when other work shares the cores.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let dir = PathBuf::from(args.get(i + 1).expect("--write DIR"));
        for (label, files) in write_inputs(&dir) {
            println!("{label}: {} file(s) under {}", files.len(), dir.display());
        }
        return;
    }
    let tmp = std::env::temp_dir().join(format!("rampart-sca-bench-{}", std::process::id()));
    let groups = write_inputs(&tmp);
    const RUNS: usize = 7;
    for (label, files) in &groups {
        let mut times: Vec<Duration> = Vec::new();
        let mut last = (0, 0);
        let cpu0 = cpu_time();
        for _ in 0..RUNS {
            let t = Instant::now();
            last = parse_all(&tmp, files);
            times.push(t.elapsed());
        }
        let cpu = match (cpu0, cpu_time()) {
            (Some(a), Some(b)) => format!("{:.1} ms", (b - a).as_secs_f64() * 1e3 / RUNS as f64),
            _ => "n/a".to_string(),
        };
        times.sort();
        let median = times[RUNS / 2];
        println!(
            "{label}: {} packages, {:.1} MiB, wall median {:.1} ms (min {:.1}, max {:.1}), CPU {cpu} per run, {RUNS} runs",
            last.0,
            last.1 as f64 / (1024.0 * 1024.0),
            median.as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[RUNS - 1].as_secs_f64() * 1e3
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
