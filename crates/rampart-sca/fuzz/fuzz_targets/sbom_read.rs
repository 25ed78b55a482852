//! SBOM reading (CycloneDX / SPDX JSON) and purl parsing on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = rampart_sca::sbom::read(data);
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(p) = rampart_sca::inventory::purl::parse(s) {
            let _ = p.package_name();
            let _ = p.ecosystem();
        }
    }
});
