//! The minimal HDF5 reader (superblock, object headers, attributes, global heap).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut buf = b"\x89HDF\r\n\x1a\n".to_vec();
    buf.extend_from_slice(data);
    let src = buf.as_slice();
    if let Ok(r) = rampart_models::formats::hdf5::root_attributes(&src) {
        let _ = r.attributes.len();
    }
    let _ = rampart_models::formats::hdf5::search_model_config(&src, 1 << 20);
});
