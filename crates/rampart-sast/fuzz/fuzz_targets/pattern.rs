//! Arbitrary text as a Semgrep pattern, then matched against a fixed file and against itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rampart_sast::{ast, lang, matcher, pattern};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let py = lang::python();
    let _ = pattern::preprocess(text);
    let Ok(p) = pattern::Pattern::parse(py, text) else { return };
    for src in ["x = foo(1, b=2)\nif x:\n    eval(x)\n", text] {
        if let Some(tree) = ast::parse(py, src) {
            let t = matcher::Target::new(py, &tree);
            let _ = matcher::Matcher::new(&p, &t).find_all();
        }
    }
});
