//! The bounded zip / tar / gzip reader on arbitrary bytes (prefixed with each magic so the
//! fuzzer reaches every format).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_secrets::archive;

fuzz_target!(|data: &[u8]| {
    let mut total = 0usize;
    let mut visit = |_: &str, bytes: &[u8]| total += bytes.len();
    let _ = archive::walk_archive("fuzz.bin", data, &mut visit);
    for magic in [&b"PK\x03\x04"[..], &[0x1f, 0x8b][..]] {
        let mut v = magic.to_vec();
        v.extend_from_slice(data);
        let _ = archive::walk_archive("fuzz.bin", &v, &mut visit);
    }
    assert!(total as u64 <= archive::MAX_TOTAL * 3);
});
