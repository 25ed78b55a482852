//! The OS package database parsers on arbitrary bytes: dpkg status (and status.d), apk
//! installed, os-release, the rpm header blob parser, the SQLite rpmdb reader and the Berkeley
//! DB hash walker. The first byte picks the parser. Every path goes through `OsCollector`, as a
//! scan does, then `resolve`, whose purls must parse back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_sca::inventory::purl;
use rampart_sca::os::{OsCollector, rpm};

const PATHS: [&str; 6] = [
    "var/lib/dpkg/status",
    "var/lib/dpkg/status.d/pkg",
    "lib/apk/db/installed",
    "var/lib/rpm/rpmdb.sqlite",
    "var/lib/rpm/Packages",
    "etc/os-release",
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, content)) = data.split_first() else {
        return;
    };
    if sel == 255 {
        let _ = rpm::header::parse(content);
        return;
    }
    let mut c = OsCollector::new();
    // A fixed os-release per database kind, so resolve builds packages from whatever parsed.
    let release: &[u8] = match sel % 6 {
        2 => b"ID=alpine\nVERSION_ID=3.19.1\n",
        3 | 4 => b"ID=rocky\nVERSION_ID=9.3\n",
        _ => b"ID=debian\nVERSION_ID=12\n",
    };
    let _ = c.add("usr/lib/os-release", release);
    let _ = c.add(PATHS[usize::from(sel) % PATHS.len()], content);
    let (pkgs, _) = c.resolve();
    for p in &pkgs {
        assert!(purl::parse(&p.purl).is_ok(), "{}", p.purl);
    }
});
