//! The pickle disassembler and simulation: no panic, bounded memory, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = rampart_models::pickle::Limits { max_ops: 200_000, ..Default::default() };
    let mut ext = std::collections::HashMap::new();
    ext.insert(1, rampart_models::pickle::GlobalRef { module: "copyreg".into(), name: "x".into() });
    let a = rampart_models::pickle::analyze(data, &limits, &ext);
    let _ = a.all_imports();
    let _ = rampart_models::pickle::looks_like_pickle(data, true);
    let _ = rampart_models::pickle::is_text_pickle(data, data.len() < 8192);
});
