//! The on-disk index and OSV zip archives: corrupt bytes give errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_sca::db::{Builder, import, store};

fuzz_target!(|data: &[u8]| {
    if let Ok(ix) = store::EcosystemIndex::decode(data.to_vec()) {
        let _ = ix.advisories_for("lodash");
        for a in ix.all().take(64) {
            let _ = a;
        }
    }
    let mut b = Builder::new();
    let _ = import::read_zip(std::io::Cursor::new(data), "fuzz", &mut b);
});
