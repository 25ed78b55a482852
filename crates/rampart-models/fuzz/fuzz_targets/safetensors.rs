//! The safetensors header check (and the scanner on a `.safetensors` name).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = rampart_models::formats::safetensors::check(&data);
    let _ = rampart_models::formats::safetensors::sniff(data, data.len() as u64);
});
