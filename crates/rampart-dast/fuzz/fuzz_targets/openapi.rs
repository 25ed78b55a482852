//! OpenAPI 3 / Swagger 2 loading (JSON and YAML, $refs, example generation) on arbitrary input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let base = url::Url::parse("http://127.0.0.1:8000/").unwrap();
    if let Ok(eps) = rampart_dast::discover::load_openapi(&text, &base) {
        for e in eps.iter().take(50) {
            let _ = e.request();
        }
    }
});
