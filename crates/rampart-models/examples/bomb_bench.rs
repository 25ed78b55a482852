//! Benchmark: time to scan a 16-wide, 4-deep nested zip bomb (same construction as
//! `tests/gaps.rs`), written in memory. Run with
//! `cargo run --release -p rampart-models --example bomb_bench -- [LEAF_MIB] [RUNS]`.

use std::io::Write;
use std::time::Instant;

use rampart_models::ModelsScanner;

fn raw_zip(members: &[(String, &[u8], u32, u64)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, crc, usize_) in members {
        let off = out.len() as u32;
        let mut h = Vec::new();
        h.extend_from_slice(b"PK\x03\x04");
        h.extend_from_slice(&20u16.to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes());
        h.extend_from_slice(&8u16.to_le_bytes());
        h.extend_from_slice(&[0, 0, 0x21, 0]);
        h.extend_from_slice(&crc.to_le_bytes());
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&(*usize_ as u32).to_le_bytes());
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&h[4..30]);
        central.extend_from_slice(&[0u8; 10]);
        central.extend_from_slice(&off.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_off = out.len() as u32;
    out.extend_from_slice(&central);
    let n = members.len() as u16;
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_off.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn crc(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

fn nested_bomb(leaf_bytes: usize, leaf_name: &str) -> Vec<u8> {
    let mut leaf = b"\x80\x04B\x00\x00\x00\x40".to_vec();
    leaf.resize(leaf_bytes, 0);
    let d = deflate(&leaf);
    let c = crc(&leaf);
    let members: Vec<(String, &[u8], u32, u64)> = (0..16)
        .map(|i| (format!("{i}.{leaf_name}"), &d[..], c, leaf.len() as u64))
        .collect();
    let mut level = raw_zip(&members);
    for _ in 0..3 {
        let d = deflate(&level);
        let c = crc(&level);
        let members: Vec<(String, &[u8], u32, u64)> = (0..16)
            .map(|i| (format!("{i}.zip"), &d[..], c, level.len() as u64))
            .collect();
        level = raw_zip(&members);
    }
    level
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let leaf_mib: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(256);
    let runs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let bomb = nested_bomb(leaf_mib << 20, "pkl");
    let s = ModelsScanner::default();
    let mut times = Vec::new();
    let mut findings = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let r = s.analyze_bytes("bomb.zip", &bomb);
        times.push(t.elapsed().as_secs_f64());
        findings = r.issues.len();
        if findings == 0 {
            eprintln!("no finding; notes: {:?}", r.notes);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "bomb: {} bytes on disk, 16x16x16x16 leaves of {leaf_mib} MiB ({} TiB expanded); findings {findings}; scan min {:.4} s, median {:.4} s over {runs} runs",
        bomb.len(),
        (16u64.pow(4) * (leaf_mib as u64)) >> 20,
        times[0],
        times[times.len() / 2]
    );
}
