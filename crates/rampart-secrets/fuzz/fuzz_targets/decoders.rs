//! Blob finding and the base64 / hex / percent decoders on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_secrets::decode;

fuzz_target!(|data: &[u8]| {
    for blob in decode::find_blobs(data, 1024) {
        assert!(blob.range.end <= data.len());
        if let Some(d) = decode::decode(&data[blob.range.clone()], blob.encoding) {
            let _ = decode::is_texty(&d);
        }
    }
    let _ = decode::base64_decode(data);
    let _ = decode::hex_decode(data);
    let _ = decode::percent_decode(data);
});
