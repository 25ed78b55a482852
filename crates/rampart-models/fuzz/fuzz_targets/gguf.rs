//! The GGUF header/metadata parser and the chat-template check.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut buf = b"GGUF".to_vec();
    buf.extend_from_slice(data);
    let r = rampart_models::formats::gguf::parse(&buf.as_slice());
    for (_, t) in &r.templates {
        let _ = rampart_models::formats::gguf::template_hazards(t);
    }
    let _ = rampart_models::formats::gguf::template_hazards(&String::from_utf8_lossy(data));
});
