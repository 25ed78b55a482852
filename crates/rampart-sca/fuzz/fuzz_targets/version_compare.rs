//! Version parsing and ordering of every scheme: never panics, and the ordering is antisymmetric
//! and reflexive.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_sca::version::Scheme;

const SCHEMES: [Scheme; 10] = [
    Scheme::SemVer,
    Scheme::Go,
    Scheme::Pep440,
    Scheme::Maven,
    Scheme::RubyGems,
    Scheme::NuGet,
    Scheme::Packagist,
    Scheme::Debian,
    Scheme::Alpine,
    Scheme::Rpm,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = text.split_once('\n').unwrap_or((text, "1.0"));
    for s in SCHEMES {
        let (Ok(x), Ok(y)) = (s.parse(a), s.parse(b)) else {
            continue;
        };
        assert_eq!(x.cmp(&y), y.cmp(&x).reverse(), "{s:?}: {a:?} vs {b:?}");
        assert_eq!(x.cmp(&x), std::cmp::Ordering::Equal, "{s:?}: {a:?}");
    }
});
