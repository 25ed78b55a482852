//! HAR import on arbitrary input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(eps) = rampart_dast::discover::load_har(&text) {
        for e in eps.iter().take(50) {
            let _ = e.request();
        }
    }
});
