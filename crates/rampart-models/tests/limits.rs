//! Bounds on untrusted containers, and sniffing that does not mistake data for formats.

use std::io::{Cursor, Write};

use rampart_models::{Kind, ModelsConfig, ModelsScanner, sniff};

fn zip_with(name: &str, data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file(name, opts).unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap().into_inner()
}

const PAYLOAD: &[u8] = b"cposix\nsystem\n(S'echo rampart-test'\ntR.";

#[test]
fn nesting_is_bounded_and_reported() {
    let mut blob = PAYLOAD.to_vec();
    for i in 0..10 {
        blob = zip_with(&format!("level{i}.zip"), &blob);
    }
    let r = ModelsScanner::default().analyze_bytes("deep.zip", &blob);
    assert!(
        r.issues
            .iter()
            .any(|i| i.rule == "models/archive-limit-exceeded" && i.key == "depth"),
        "{:?}",
        r.issues
    );
    assert!(
        !r.issues
            .iter()
            .any(|i| i.rule == "models/pickle-code-execution")
    );

    let mut blob = PAYLOAD.to_vec();
    for i in 0..3 {
        blob = zip_with(&format!("level{i}.bin"), &blob);
    }
    let r = ModelsScanner::default().analyze_bytes("shallow.zip", &blob);
    let hit = r
        .issues
        .iter()
        .find(|i| i.rule == "models/pickle-code-execution")
        .expect("payload found");
    assert_eq!(hit.member, "level2.bin!/level1.bin!/level0.bin");
}

#[test]
fn decompression_is_bounded() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(b"\x80\x02").unwrap();
    gz.write_all(&vec![b'N'; 4 << 20]).unwrap();
    let data = gz.finish().unwrap();
    let cfg = ModelsConfig {
        max_member_bytes: Some(1 << 20),
        ..Default::default()
    };
    let r = ModelsScanner::new(cfg)
        .unwrap()
        .analyze_bytes("bomb.pkl.gz", &data);
    assert!(
        r.issues
            .iter()
            .any(|i| i.rule == "models/archive-limit-exceeded"),
        "{:?}",
        r.issues
    );
}

#[test]
fn member_count_is_bounded() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..50 {
        w.start_file(format!("m{i}"), opts).unwrap();
        w.write_all(b"x").unwrap();
    }
    let data = w.finish().unwrap().into_inner();
    let cfg = ModelsConfig {
        max_archive_members: Some(10),
        ..Default::default()
    };
    let r = ModelsScanner::new(cfg)
        .unwrap()
        .analyze_bytes("many.zip", &data);
    assert!(
        r.issues
            .iter()
            .any(|i| i.rule == "models/archive-limit-exceeded" && i.key == "members")
    );
}

#[test]
fn tensor_bytes_are_not_taken_for_formats() {
    // Tensor data that happens to start like a pickle PROTO or a gzip/zlib magic.
    let mut x = vec![0x80, 0x02, 0xff, 0x00, 0x13, 0x37];
    x.extend(std::iter::repeat_n(0xa5u8, 9000));
    assert_eq!(
        sniff(&x[..8192], x.len() as u64, "archive/data/0"),
        Kind::Unknown
    );
    let mut g = vec![0x1f, 0x8b, 0x00, 0x01];
    g.extend(std::iter::repeat_n(0x5au8, 9000));
    assert_eq!(
        sniff(&g[..8192], g.len() as u64, "archive/data/1"),
        Kind::Unknown
    );
    let mut z = vec![0x78, 0x9c, 0xff, 0xff];
    z.extend(std::iter::repeat_n(0x00u8, 100));
    assert_eq!(sniff(&z, z.len() as u64, "archive/data/2"), Kind::Unknown);
    // A real pickle with a broken tail is still recognised.
    let mut p = b"\x80\x02cposix\nsystem\n(X\x01\x00\x00\x00xtR".to_vec();
    p.extend([0xff, 0xff]);
    assert_eq!(sniff(&p, p.len() as u64, "x"), Kind::Pickle);
}

#[test]
fn garbage_never_panics() {
    let s = ModelsScanner::default();
    let mut seed = 0x1234_5678u64;
    for len in [0usize, 1, 2, 7, 8, 9, 64, 300, 5000] {
        for prefix in [
            &b""[..],
            b"PK\x03\x04",
            b"\x80\x04",
            b"GGUF\x03\x00\x00\x00",
            b"\x89HDF\r\n\x1a\n",
            b"\x93NUMPY\x01\x00",
            b"7z\xBC\xAF\x27\x1C",
        ] {
            let mut v = prefix.to_vec();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                v.push(seed as u8);
            }
            let _ = s.analyze_bytes("garbage.bin", &v);
        }
    }
}

#[test]
fn tar_gz_is_streamed_member_by_member() {
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    let filler = vec![0x41u8; 100_000];
    h.set_size(filler.len() as u64);
    h.set_cksum();
    b.append_data(&mut h, "docs/readme.txt", filler.as_slice())
        .unwrap();
    let mut h = tar::Header::new_gnu();
    h.set_size(PAYLOAD.len() as u64);
    h.set_cksum();
    b.append_data(&mut h, "a/model.pkl", PAYLOAD).unwrap();
    let tar = b.into_inner().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&tar).unwrap();
    let data = gz.finish().unwrap();
    let r = ModelsScanner::default().analyze_bytes("release.tar.gz", &data);
    assert!(
        r.formats.iter().any(|f| f == "tar") && r.formats.iter().any(|f| f == "gzip"),
        "{:?}",
        r.formats
    );
    let hit = r
        .issues
        .iter()
        .find(|i| i.rule == "models/pickle-code-execution")
        .expect("payload found");
    assert_eq!(hit.member, "a/model.pkl");
    // gzip of plain text is looked at, never materialised or reported.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&vec![b'x'; 1 << 20]).unwrap();
    let r = ModelsScanner::default().analyze_bytes("log.gz", &gz.finish().unwrap());
    assert!(
        r.issues.is_empty() && r.notes.is_empty(),
        "{:?} {:?}",
        r.issues,
        r.notes
    );
}

#[test]
fn fuzz_regressions_do_not_panic() {
    // Inputs found by `cargo fuzz run hdf5` (the target prepends the HDF5 signature).
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let mut buf = b"\x89HDF\r\n\x1a\n".to_vec();
        buf.extend(std::fs::read(&p).unwrap());
        let src = buf.as_slice();
        let _ = rampart_models::formats::hdf5::root_attributes(&src);
        let _ = ModelsScanner::default().analyze_bytes("regression.h5", &buf);
    }
}

#[test]
fn tiny_limits_do_not_underflow() {
    let cfg = ModelsConfig {
        max_member_bytes: Some(100),
        max_total_bytes: Some(1000),
        ..Default::default()
    };
    let s = ModelsScanner::new(cfg).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malicious");
    for name in [
        "torch_payload_member.pt",
        "payload.gzip.joblib",
        "nested.tar",
        "object.npz",
    ] {
        let r = s.analyze_path(&dir.join(name), name).unwrap();
        assert!(
            r.issues
                .iter()
                .any(|i| i.rule == "models/archive-limit-exceeded"),
            "{name}: {:?}",
            r.issues
        );
    }
}
