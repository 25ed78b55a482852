//! The layer walker on arbitrary bytes (gzip, zstd or plain tar by magic), with small limits,
//! then the whiteout merge of what it indexed twice over (as two layers).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_image::Limits;
use rampart_image::layer::{Totals, walk_layer};
use rampart_image::view::View;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_total_bytes: 8 * 1024 * 1024,
        max_entries: 10_000,
        max_path: 1024,
        max_ratio: 200,
        max_in_memory: 1024 * 1024,
        max_spill: 1024 * 1024,
        pending_budget: 1024 * 1024,
    };
    let totals = Totals::default();
    let mut visit = |h: &rampart_image::tar::Header, r: &mut dyn std::io::Read| {
        let _ = rampart_image::layer::read_bounded(r, h.size, 4096)?;
        Ok(())
    };
    if let Ok(index) = walk_layer(data, None, &limits, &totals, &mut visit) {
        let _ = View::merge([index.entries.as_slice(), index.entries.as_slice()]);
    }
});
