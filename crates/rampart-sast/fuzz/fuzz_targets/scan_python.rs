//! Arbitrary bytes as a Python file scanned with the whole built-in pack (search and taint).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn scanner() -> &'static rampart_sast::SastScanner {
    static S: OnceLock<rampart_sast::SastScanner> = OnceLock::new();
    S.get_or_init(|| match rampart_sast::SastScanner::new(&rampart_sast::SastConfig::default()) {
        Ok(s) => s,
        Err(e) => panic!("built-in pack must load: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let _ = scanner().scan_text("fuzz.py", &src);
});
