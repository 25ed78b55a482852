//! The HTML extractor (links, forms, script URLs), robots.txt, sitemaps and the XSS context
//! judge on arbitrary bytes: no panic, bounded output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_dast::{context, discover};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let base = url::Url::parse("http://127.0.0.1:8000/dir/page?x=1").unwrap();
    let page = discover::extract_page(&base, &text);
    assert!(page.links.len() <= 10_000 && page.forms.len() <= 200);
    let _ = discover::parse_robots(&base, &text);
    let _ = discover::parse_sitemap(&base, &text);
    let _ = context::reflections(&text, "rmpfuzz");
    let _ = context::executes(&text, "rmpfuzz");
});
