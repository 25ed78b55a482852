//! The built-in policy library, embedded at build time (see build.rs): `(path under
//! policies/, source)`.

include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));
