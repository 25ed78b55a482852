//! The whole driver (zip, 7z, tar, gzip/bz2/xz/lzma/zlib, and every format behind them). The
//! first byte picks a container magic so the fuzzer reaches each archive reader quickly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let prefix: &[u8] = match sel % 6 {
        0 => b"PK\x03\x04",
        1 => b"7z\xBC\xAF\x27\x1C",
        2 => b"\x1f\x8b",
        3 => b"BZh9",
        4 => b"\xFD7zXZ\x00",
        _ => b"",
    };
    let mut buf = prefix.to_vec();
    buf.extend_from_slice(rest);
    let cfg = rampart_models::ModelsConfig {
        max_member_bytes: Some(8 << 20),
        max_total_bytes: Some(32 << 20),
        ..Default::default()
    };
    let s = rampart_models::ModelsScanner::new(cfg).unwrap_or_default();
    let _ = s.analyze_bytes("fuzz.bin", &buf);
});
