//! The protobuf walker behind the ONNX and SavedModel checks.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use rampart_models::formats::protobuf;
    let _ = protobuf::sniff(data, true);
    let _ = protobuf::onnx(&data);
    let _ = protobuf::saved_model(&data);
});
