//! Issue 14's detection classes: header-less pickles, called unknown globals, gadget families,
//! tampered torch zips, unrecognised model files, nested decompression bombs. Fixtures come from
//! `tests/fixtures/make_gap_fixtures.py`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rampart_core::{FileTarget, ScanContext, ScanOutput, Scanner, Severity};
use rampart_models::{ModelsScanner, Report};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn list(sub: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir().join(sub))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn rel(p: &Path) -> String {
    p.strip_prefix(dir())
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// What the walk would do: ask `wants` with the file's head, then scan it in memory.
fn walk_scan(name: &str, data: &[u8]) -> Option<ScanOutput> {
    let s = ModelsScanner::default();
    let head = &data[..data.len().min(8192)];
    let path = Path::new(name);
    let info = rampart_core::scanner::FileInfo {
        path,
        rel_path: name,
        size: data.len() as u64,
        head,
        is_binary: head.contains(&0),
    };
    let ctx = ScanContext::new(dir());
    if !s.wants(&info, &ctx) {
        return None;
    }
    let mut out = ScanOutput::default();
    s.scan_file(
        &ctx,
        &FileTarget {
            info,
            content: Some(data),
        },
        &mut out,
    );
    Some(out)
}

fn report(p: &Path) -> Report {
    ModelsScanner::default().analyze_path(p, &rel(p)).unwrap()
}

fn show(r: &Report) -> String {
    r.issues
        .iter()
        .map(|i| format!("{} {:?} [{}] {}", i.rule, i.severity, i.member, i.message))
        .collect::<Vec<_>>()
        .join("\n")
}

fn severity_of(i: &rampart_models::Issue) -> Severity {
    let rules = ModelsScanner::default().rules();
    i.severity.unwrap_or_else(|| {
        rules
            .iter()
            .find(|r| r.id == i.rule)
            .map(|r| r.severity)
            .unwrap()
    })
}

fn max_severity(r: &Report) -> Option<Severity> {
    r.issues.iter().map(severity_of).max()
}

#[test]
fn headerless_pickles_are_recognised_under_any_extension() {
    let mut n = 0;
    for p in list("malicious/gaps") {
        let name = rel(&p);
        let base = p.file_name().unwrap().to_string_lossy().into_owned();
        if !(base.starts_with("exec_p0") || base == "dict_p0.pkl" || base == "list_p1.pkl") {
            continue;
        }
        n += 1;
        let data = std::fs::read(&p).unwrap();
        assert_ne!(data[0], 0x80, "{name} must have no PROTO header");
        let out = walk_scan(&name, &data).unwrap_or_else(|| panic!("{name} was not wanted"));
        assert!(
            out.findings
                .iter()
                .any(|f| f.rule_id == "models/pickle-code-execution"
                    && f.severity == Severity::Critical),
            "{name}: {:?}",
            out.findings
        );
        assert!(
            out.findings.iter().all(|f| f
                .properties
                .get("formats")
                .is_some_and(|v| v.to_string().contains("pickle"))),
            "{name}: not counted as a scanned pickle"
        );
    }
    assert_eq!(n, 12);
}

#[test]
fn text_that_starts_like_opcodes_is_not_a_pickle() {
    let texts: &[(&str, &[u8])] = &[
        (
            "notes.txt",
            b"c\nthis is a note about the model\n(see the README)\n",
        ),
        ("list.txt", b"(1, 2, 3)\n(4, 5, 6)\n"),
        ("data.csv", b"cat,dog\n1,2\n"),
        ("Makefile", b"cc\nmain\n(all)\n"),
        ("dict.txt", b"d\n"),
        ("stop.txt", b"N."),
        ("log.txt", b"]q started\n(worker 1)\n"),
        ("prog.py", b"c = 1\nprint(c)\n"),
        ("README", b"I1\nI2\n"),
    ];
    for (name, data) in texts {
        if let Some(out) = walk_scan(name, data) {
            assert!(out.findings.is_empty(), "{name}: {:?}", out.findings);
        }
    }
    for p in list("benign/gaps") {
        let name = rel(&p);
        if name.ends_with(".txt") || name.ends_with(".md") {
            let data = std::fs::read(&p).unwrap();
            assert!(
                walk_scan(&name, &data).is_none(),
                "{name} was taken for a model"
            );
        }
    }
}

#[test]
fn benign_library_pickles_stay_clean() {
    let mut n = 0;
    for p in list("benign/gaps") {
        let name = rel(&p);
        if name.ends_with(".txt") || name.ends_with(".md") {
            continue;
        }
        n += 1;
        let r = report(&p);
        assert!(r.issues.is_empty(), "{name}:\n{}", show(&r));
        assert!(
            r.formats.iter().any(|f| f == "pickle"),
            "{name}: {:?}",
            r.formats
        );
        let data = std::fs::read(&p).unwrap();
        let out = walk_scan(&name, &data).unwrap_or_else(|| panic!("{name} was not wanted"));
        assert!(out.findings.is_empty(), "{name}: {:?}", out.findings);
    }
    assert!(n >= 14, "{n}");
}

#[test]
fn called_unknown_globals_are_high_and_critical_with_code() {
    for (file, sev) in [
        ("unknown_reduce.pkl", Severity::High),
        ("unknown_newobj.pkl", Severity::High),
        ("unknown_reconstructor_build.pkl", Severity::High),
        ("unknown_inst.pkl", Severity::Critical),
        ("unknown_obj.pkl", Severity::Critical),
        ("unknown_reduce_code.pkl", Severity::Critical),
    ] {
        let r = report(&dir().join("malicious/gaps").join(file));
        assert!(
            r.issues
                .iter()
                .any(|i| i.rule == "models/pickle-unreviewed-call" && severity_of(i) == sev),
            "{file}:\n{}",
            show(&r)
        );
    }
    let r = report(&dir().join("malicious/gaps/unknown_referenced.pkl"));
    assert_eq!(max_severity(&r), Some(Severity::Low), "{}", show(&r));
    assert!(
        r.issues
            .iter()
            .all(|i| i.rule == "models/pickle-unreviewed-import"),
        "{}",
        show(&r)
    );
}

#[test]
fn gadget_families_are_critical() {
    let mut n = 0;
    for p in list("malicious/gaps") {
        let base = p.file_name().unwrap().to_string_lossy().into_owned();
        if !base.starts_with("gadget_") {
            continue;
        }
        n += 1;
        let r = report(&p);
        assert_eq!(
            max_severity(&r),
            Some(Severity::Critical),
            "{base}:\n{}",
            show(&r)
        );
    }
    assert_eq!(n, 23);
}

#[test]
fn tampered_torch_zips_are_read_and_reported() {
    for (file, key) in [
        ("torch_encrypted.pt", "encrypted"),
        ("torch_badcrc.pt", "CRC"),
        ("torch_both.pt", "encrypted"),
        ("torch_both.pt", "CRC"),
        ("torch_encrypted_deflated.pt", "encrypted"),
    ] {
        let r = report(&dir().join("malicious/gaps").join(file));
        assert!(
            r.issues
                .iter()
                .any(|i| i.rule == "models/zip-tampered-container"
                    && i.member == "archive/data.pkl"
                    && i.message.contains(key)),
            "{file}:\n{}",
            show(&r)
        );
        assert!(
            r.issues
                .iter()
                .any(|i| i.rule == "models/pickle-code-execution"
                    && i.resolved_call.as_deref() == Some("posix.system(\"echo pwned\")")),
            "{file}:\n{}",
            show(&r)
        );
    }
}

#[test]
fn model_named_files_in_no_format_are_reported() {
    for (file, sev) in [
        ("garbage.pkl", Severity::Medium),
        ("text.pt", Severity::Medium),
        ("truncated_zip.pth", Severity::Medium),
        ("pytorch_model.bin", Severity::Low),
    ] {
        let p = dir().join("malicious/gaps").join(file);
        let r = report(&p);
        assert!(
            r.issues
                .iter()
                .any(|i| i.rule == "models/unrecognised-model-file" && severity_of(i) == sev),
            "{file}:\n{}",
            show(&r)
        );
        let data = std::fs::read(&p).unwrap();
        let out = walk_scan(&rel(&p), &data).unwrap_or_else(|| panic!("{file} not wanted"));
        assert!(
            out.findings
                .iter()
                .any(|f| f.rule_id == "models/unrecognised-model-file"),
            "{file}"
        );
    }
    // Generic extensions without a model name are firmware, caches, data: left alone.
    let blob: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    for name in ["firmware.bin", "cache.dat", "points.data", "vendor/x.pb"] {
        assert!(walk_scan(name, &blob).is_none(), "{name}");
        let r = ModelsScanner::default().analyze_bytes(name, &blob);
        assert!(r.issues.is_empty(), "{name}: {}", show(&r));
    }
}

/// A zip written by hand around already-deflated members, so the bomb costs one compression.
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
        let mut c = Vec::new();
        c.extend_from_slice(b"PK\x01\x02");
        c.extend_from_slice(&20u16.to_le_bytes());
        c.extend_from_slice(&h[4..30]);
        // comment length, disk number, internal and external attributes
        c.extend_from_slice(&[0u8; 10]);
        c.extend_from_slice(&off.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        central.extend_from_slice(&c);
    }
    let cd_off = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
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

/// 16 wide, 4 deep: each level holds 16 deflated copies of the level below; the leaves start
/// like a pickle (so they are worth decompressing) and continue with zeros.
pub fn nested_bomb(leaf_bytes: usize) -> Vec<u8> {
    let mut leaf = b"\x80\x04B\x00\x00\x00\x40".to_vec();
    leaf.resize(leaf_bytes, 0);
    let d = deflate(&leaf);
    let c = crc(&leaf);
    let members: Vec<(String, &[u8], u32, u64)> = (0..16)
        .map(|i| (format!("{i}.pkl"), &d[..], c, leaf.len() as u64))
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

#[test]
fn nested_zip_bomb_stops_on_ratio_with_one_finding() {
    let bomb = nested_bomb(32 << 20);
    assert!(bomb.len() < 1 << 20, "bomb is {} bytes", bomb.len());
    let r = ModelsScanner::default().analyze_bytes("bomb.zip", &bomb);
    let limits: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.rule == "models/archive-limit-exceeded")
        .collect();
    assert_eq!(limits.len(), 1, "{}\nnotes: {:?}", show(&r), r.notes);
    assert!(limits[0].message.contains("bomb"), "{}", show(&r));
}
