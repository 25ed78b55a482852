//! rampart.toml and baseline files come from the repository being scanned.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(config) = rampart_core::config::Config::parse(text, "fuzz.toml") {
        let today: jiff::civil::Date = "2026-11-28".parse().unwrap();
        let _ = rampart_core::suppress::IgnoreMatcher::compile(&config.ignore, today);
    }
    let dir = std::env::temp_dir().join(format!("rampart-fuzz-{}", std::process::id()));
    let _ = std::fs::write(&dir, data);
    let _ = rampart_core::baseline::Baseline::load(&dir);
});
