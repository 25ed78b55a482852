//! The installed-artifact extractors and the Dockerfile reader on arbitrary bytes: Go build
//! info search, cargo-auditable ELF sections and zlib data, Java archives (nested, bounded) and
//! Dockerfiles. The first byte picks the parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_sca::artifacts::{self, Artifact, gobinary};
use rampart_sca::dockerfile;
use rampart_sca::inventory::purl;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, content)) = data.split_first() else {
        return;
    };
    let pkgs = match sel % 4 {
        0 => {
            let _ = gobinary::find(content);
            artifacts::parse(Artifact::Executable, "bin/x", content)
                .map(|i| i.packages)
                .unwrap_or_default()
        }
        1 => artifacts::parse(Artifact::JavaArchive, "x.jar", content)
            .map(|i| i.packages)
            .unwrap_or_default(),
        2 => artifacts::parse(Artifact::CondaMeta, "conda-meta/x.json", content)
            .map(|i| i.packages)
            .unwrap_or_default(),
        _ => {
            let text = String::from_utf8_lossy(content);
            let inv = dockerfile::parse(&text, "Dockerfile");
            for b in &inv.bases {
                let _ = dockerfile::end_of_life(b, "2026-12-03");
            }
            inv.packages
        }
    };
    for p in &pkgs {
        assert!(purl::parse(&p.purl).is_ok(), "{}", p.purl);
    }
});
