//! The whole engine (keyword prefilter, regexes, filters, validators, recursive decoding) on
//! arbitrary bytes: must not panic, must terminate.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rampart_secrets::{SecretsConfig, SecretsScanner};

static SCANNER: OnceLock<SecretsScanner> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let s = SCANNER.get_or_init(|| SecretsScanner::new(SecretsConfig::default()).expect("rules"));
    // `.csv` also drives the column pass (a `password` header naming values rows below).
    for path in ["fuzz.txt", "fuzz.csv", "docs/README.md"] {
        for h in s.hits(data, path) {
            assert!(h.span.end <= data.len());
            if h.encoding.is_empty() {
                assert_eq!(&data[h.span.clone()], &h.secret[..], "plain hits point at their secret");
            }
        }
    }
});
