//! Arbitrary bytes as a rule file: loading must return rules or errors, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let loaded = rampart_sast::rules::load_str(text, "fuzz.yaml", rampart_sast::Origin::User);
        // Whatever loaded must run on a small file.
        let engine = rampart_sast::Engine::new(loaded.rules);
        let _ = engine.scan_source("a.py", "import os\nos.system(x)\ndef f(a):\n    return eval(a)\n");
    }
});
